"""Where a name starts and ends around a cue: after a title (班长|张黎明), before a
speech verb or a form of address (…张黎明|说), and dotted minority names (阿依努尔·托合提),
each checked to look like a name and trimmed of words glued after it (…·托乎提|率队).
"""

from __future__ import annotations

import re

from .context import PUNCT, Ctx, is_cjk, occurrences
from .names import BAD as _BAD
from .names import NAME_END_BAD as _NAME_END_BAD
from .names import (
    compound_surname_name,
    foreign_name_at,
    is_minority_name,
    minority_name_at,
    valid_name,
)
from .titles import title_ending_at

_DOTTED = re.compile(r"[\u4e00-\u9fff]{1,7}(?:·[\u4e00-\u9fff]{1,8})+")
_VERBAL = {"v", "vd", "a", "ad", "d", "p"}
_LEAD_TAGS = _VERBAL | {"c", "r", "u"}  # a word opening a dotted run that is no name's
_COMPLEMENTS = set("完着了过")
_EDGE = PUNCT + "\n"
_AFTER_DOTTED = set("在说是把从将和与及等被向对给为")  # not 都, 正: syllables (哈布都拉)
_AFTER_NAME = PUNCT + "在说是的和与等也曾"  # what may follow a name


def _dotted_at(ctx: Ctx, p: int) -> tuple[int, int] | None:
    m = _DOTTED.match(ctx.text, p)
    span = trim_dotted(ctx, *m.span()) if m else None
    return span if span and _dotted_ok(ctx, span) else None


def _dotted_ok(ctx: Ctx, span: tuple[int, int]) -> bool:
    """Not two common words joined by a dot (风采·科技, a heading's)."""
    if span[0] > 0 and ctx.text[span[0] - 1] == "《":
        return False  # 《沁园春·雪》: a title
    parts = ctx.text[span[0] : span[1]].split("·")
    return not any(len(p) >= 2 and p in ctx.lex.common_words and p not in ctx.lex.minority_parts
                   and not ctx.lex.word_tags.get(p, "").startswith("nr") for p in parts)


def dotted_names(ctx: Ctx) -> list[tuple[int, int]]:
    """Every dotted name, cut to the name; where the page also writes a shorter dotted name
    inside one with clean edges, that is the name (学习宣传|海来·阿支, 海来·阿支|正带着:
    the segmenter glued a word to it)."""
    spans = [trim_dotted(ctx, *m.span()) for m in _DOTTED.finditer(ctx.text)]
    spans = [s for s in spans if _dotted_ok(ctx, s)]
    names = {ctx.text[s:e] for s, e in spans}
    clean = {n for n in names if _clean_somewhere(ctx, n)}
    out = []
    for s, e in spans:
        name = ctx.text[s:e]
        inner = max((n for n in clean if n != name and n in name
                     and n.count("·") == name.count("·")), key=lambda n: (len(n), n), default=None)
        if inner and _glued_word(ctx, name, inner):
            s += name.index(inner)
            e = s + len(inner)
        out.append((s, e))
    return out


def _glued_word(ctx: Ctx, name: str, inner: str) -> bool:
    """What the longer form adds to the shorter is a word glued to it, no name syllable
    (学习宣传|…, …|正; not 阿依|古丽·买买提, the name of a sister)."""
    at = name.index(inner)
    extra = name[:at] + name[at + len(inner) :]
    return not all(c in ctx.lex.name_chars for c in extra) and extra not in ctx.lex.minority_parts


def _clean_somewhere(ctx: Ctx, name: str) -> bool:
    """Written with a break before it somewhere (a line's edge, punctuation, a space, a title)
    and with one after it somewhere (the same, or a common word), not necessarily in the
    same place."""
    text, left, right = ctx.text, False, False
    for at, end in occurrences(text, name):
        left = left or at == 0 or text[at - 1] in _EDGE or bool(title_ending_at(ctx, at))
        right = right or end == len(text) or text[end] in _EDGE or _word_from(ctx, end)
        if left and right:
            return True
    return False


def _word_from(ctx: Ctx, at: int) -> bool:
    """A common word of two or more characters starts at ``at`` (…·阿支|连续), or a function
    word of one (…·卡德尔|在|讲话)."""
    tok = ctx.token_at(at)
    if not tok or tok[0] != at:
        return False
    word = ctx.text[at : tok[1]]
    return word in _AFTER_DOTTED if len(word) == 1 else word in ctx.lex.common_words


def trim_dotted(ctx: Ctx, start: int, end: int) -> tuple[int, int]:
    """Cut a dotted name to the name: after a title on the left, before a word on the right."""
    text = ctx.text
    first_dot, last_dot = text.index("·", start), text.rindex("·", start, end)
    cues = ctx.lex.person_cues.get("before_name", [])
    for i in range(first_dot - 1, start, -1):
        if title_ending_at(ctx, i) or text[i - 1] in "的前后了着过和与及向给对把被在是" or any(
                text.endswith(w, 0, i) for w in cues):
            start = i  # 副所长|热合曼·…, 一年前|阿依古丽·…
            break
    tok = ctx.token_at(start)
    if tok and tok[0] < start and first_dot - tok[1] >= 2:
        start, tok = tok[1], ctx.token_at(tok[1])  # 新|疆…: the match began inside a word
    after_title = bool(title_ending_at(ctx, start))  # 副书记|买合木提江·…: the name opens here
    while tok and tok[0] == start and first_dot - tok[1] >= 2 and not after_title and (
            _lead_word(ctx, text[start : tok[1]]) or any(
                m.label == "Place" and m.start == start and m.end == tok[1] for m in ctx.mentions)):
        start = tok[1]  # 是|阿不都热依木·…, 徒弟|艾克拜尔·…, 新疆|客商|艾山江·…
        tok = ctx.token_at(start)
    whole_line = text[end : end + 1] in ("\n", "") and (  # a name line, or a table's 职务：name
        text[start - 1 : start] in ("\n", "：", ":", "")) or (  # or a heading: 某某·某某：…
        text[end : end + 1] in ("：", ":") and text[start - 1 : start] in ("\n", ""))
    past = 0  # the end of a known name part read over (哈布|都|拉: 都拉)
    for a, b in [] if whole_line else ctx.tokens_from(last_dot + 2, end):  # a name line: whole
        word = ctx.text[a:b]
        if a < past:
            continue
        part = max((len(q) for q in ctx.lex.minority_parts if len(q) > len(word)
                    and text.startswith(q, a) and a + len(q) <= end
                    and text[a + len(q) : a + len(q) + 1] not in "着了过"), default=0)  # 都拉着
        if part:
            past = a + part
            continue
        if len(word) == 1 and word in ctx.lex.minority_names.get("ending", []) and (
                b == end and text[b : b + 1] in PUNCT):
            break  # 托乎|提：, a name's last syllable before a colon
        if b == end and text[b : b + 1] in ("\n", "") and len(word) == 1 and is_cjk(word):
            break  # ——记某族牧民某某·阿曼|太: the name ends its line
        if word in ctx.lex.stop_tokens or word in ctx.lex.common_words or len(word) == 1 or (
                ctx.lex.word_tags.get(word) in _VERBAL or word[-1] in _COMPLEMENTS):
            end = a  # 吐尔逊|听完说, 巴雅尔|憨厚地
            break
    last = text[end - 1]  # 努尔别克|站了起来, 买买提|蹲: a verb, not a name's syllable (艾尔肯)
    if ctx.lex.word_tags.get(last) == "v" and last not in ctx.lex.name_chars and any(
            text.endswith(e, 0, end - 1) for e in ctx.lex.minority_names.get("ending", [])):
        end -= 1
    for tail in _name_tails(ctx):
        if text.endswith(tail, 0, end) and end - len(tail) > last_dot + 1:
            end -= len(tail)
            break
    while end - 1 > last_dot + 2 and text[end - 1] in _NAME_END_BAD:
        end -= 1
    return start, end


def _lead_word(ctx: Ctx, word: str) -> bool:
    """A word that opens a dotted run but is no part of a name: a verb, a preposition, a
    common noun (是, 向, 徒弟)."""
    if word in ctx.lex.minority_parts or ctx.lex.word_tags.get(word, "").startswith("nr"):
        return False
    return (word in ctx.lex.common_words or word in ctx.lex.stop_tokens
            or ctx.lex.word_tags.get(word) in _LEAD_TAGS)


def name_after(ctx: Ctx, p: int, *, strong: bool = True) -> tuple[int, int] | None:
    """The name that starts at p (after a title), using the segmentation."""
    text, n = ctx.text, len(ctx.text)
    while p < n and text[p] in "”’\" ":
        p += 1
    dotted = _dotted_at(ctx, p)
    if dotted:
        return dotted
    span = _name_after(ctx, p, strong)
    minority = minority_name_at(ctx, p)
    if minority and (not span or minority[1] > span[1]):
        return minority  # 边巴次仁, not 边巴次
    return _untailed(ctx, span) if span else foreign_name_at(ctx, p, 3 if strong else 4)


def _name_tails(ctx: Ctx) -> list[str]:
    """Words glued after a name (家, 率队), longest first: one cut for every kind of name."""
    return sorted(ctx.lex.person_cues.get("name_tail", []), key=lambda s: (-len(s), s))


def _untailed(ctx: Ctx, span: tuple[int, int]) -> tuple[int, int]:
    """牧民|乌力吉家|的: a word glued after the name (家, 率队) is no part of it."""
    s, e = span
    for tail in _name_tails(ctx):
        k = e - len(tail)
        if k - s >= 3 and ctx.text.endswith(tail, 0, e) and ctx.text[e : e + 1] in "的里中，," and (
                is_minority_name(ctx, ctx.text[s:k]) or valid_name(ctx, ctx.text[s:k])):
            return s, k
    return span


def _name_after(ctx: Ctx, p: int, strong: bool) -> tuple[int, int] | None:
    text = ctx.text
    tok = ctx.token_at(p)
    if not tok or tok[0] != p:
        return None
    compound = compound_surname_name(ctx, p, strong)
    if compound:
        return compound
    t = text[tok[0] : tok[1]]
    if len(t) <= 2 and ctx.lex.is_surname_start(t) == len(t):
        nxt = ctx.token_at(tok[1])
        if nxt and 1 <= nxt[1] - nxt[0] <= 2 and valid_name(ctx, text[p : nxt[1]], strong=strong):
            if nxt[1] - nxt[0] == 1 and text[nxt[1] - 1 : nxt[1] + 1] in ctx.lex.common_words:
                return None  # 占|本|地区, but 孟|淑华|发言 (华发 a word too)
            return p, nxt[1]
        if nxt and nxt[1] - nxt[0] == 2 and text[nxt[1] - 1] in "说称讲" and valid_name(
                ctx, text[p : nxt[0] + 1]):
            return p, nxt[0] + 1  # 刘|碧说
        return None
    nxt = ctx.token_at(tok[1]) if len(t) == 2 and ctx.lex.is_surname_start(t) == 1 else None
    if nxt and nxt[1] - nxt[0] == 1 and text[nxt[1] : nxt[1] + 1] in _AFTER_NAME and (
            valid_name(ctx, text[p : nxt[1]], strong=strong)):
        return p, nxt[1]  # 贺立|新在: a three-character name cut two and one
    if valid_name(ctx, t, strong=strong and t not in ctx.lex.stop_tokens):
        if text[tok[1] - 1 : tok[1] + 1] in ctx.lex.common_words and len(t) == 2:
            return None  # 占本|地区: the last character belongs to the next word
        c = text[tok[1] : tok[1] + 1]
        if len(t) == 2 and c and text.count(t) >= 2 and text.count(t + c) == text.count(t) and (
                valid_name(ctx, t + c)):
            return tok[0], tok[1] + 1  # 龙国|平长舒了一口气: 龙国 is always 龙国平 here
        return tok
    if len(t) > 3 and ctx.lex.is_surname_start(t):  # name glued to the next word
        for k in (3, 2):
            if valid_name(ctx, t[:k]) and text[p + k : p + k + 1] in ("说", "表", "认"):
                return p, p + k
    return None


def name_before(ctx: Ctx, p: int) -> tuple[int, int] | None:
    """The name that ends at p (before a speech verb or a form of address)."""
    text = ctx.text
    m = re.search(r"[\u4e00-\u9fff]{1,7}(?:·[\u4e00-\u9fff]{1,8})+$", text[max(0, p - 20) : p])
    if m:  # 副所长热合曼·吐尔逊说: the title is not part of the name
        return trim_dotted(ctx, p - len(m.group(0)), p)
    for k in range(min(6, p), 2, -1):  # 格桑卓嘎说, not 桑卓嘎
        if (p - k == 0 or p - k in ctx.tok_starts or text[p - k - 1] in PUNCT) and (
                is_minority_name(ctx, text[p - k : p])):
            return p - k, p
    ends = ctx.tokens_ending(p)
    if not ends:  # 赵|晶说: the verb is glued to the name's last character
        tok = ctx.token_at(p - 1) if p > 0 else None
        if tok and tok[0] < p and p - tok[0] <= 2:
            ends = [(tok[0], p)]
    for s, e in ends:
        t = text[s:e]
        prev = ctx.token_at(s - 1) if s > 0 else None
        if (len(t) <= 2 and prev and prev[1] == s and prev[1] - prev[0] <= 2
                and ctx.lex.is_surname_start(text[prev[0] : s]) == s - prev[0]
                and (s - prev[0] == 2 or prev[0] == 0 or text[prev[0] - 1] in PUNCT)
                and text[prev[0] : s] not in _BAD and valid_name(ctx, text[prev[0] : e])):
            return prev[0], e  # 欧阳|明辉代表, 李|国胜当选: not 明辉, 国胜
        if valid_name(ctx, t):
            if s > 0 and s - 1 in ctx.tok_starts and e - s == 3 and (
                    ctx.lex.is_surname_start(text[s - 1 : s + 1]) == 2):
                return s - 1, e  # 夏|侯志刚说
            return s, e
        if 1 <= len(t) <= 2:
            prev = ctx.token_at(s - 1) if s > 0 else None
            if (prev and prev[1] == s and prev[1] - prev[0] == 1
                    and valid_name(ctx, text[prev[0] : e])):
                return prev[0], e
            if prev and prev[1] == s and ctx.lex.is_surname_start(text[prev[0] : s]) == 2 == (
                    s - prev[0]) and valid_name(ctx, text[prev[0] : e]):
                return prev[0], e  # 欧阳|志刚
    if p >= 2 and p - 2 in ctx.tok_starts and is_minority_name(ctx, text[p - 2 : p]):
        return p - 2, p
    return None


def _left_ok(ctx: Ctx, s: int) -> bool:
    """A name must start a clause, follow punctuation, or follow a title or a descriptor."""
    if s == 0 or ctx.text[s - 1] in PUNCT:
        return True
    if any(ctx.text.endswith(w, 0, s) for w in ctx.lex.person_cues.get("before_name", [])):
        return True
    return bool(title_ending_at(ctx, s)) or any(m.end == s for m in ctx.mentions)


def _after_noun(ctx: Ctx, s: int, e: int) -> bool:
    """茶农吴德山说: a whole three-character token after a noun (a descriptor of the person)."""
    prev = ctx.token_at(s - 1) if s > 0 else None
    return (e - s == 3 and s in ctx.tok_starts and e in ctx.tok_ends and prev is not None
            and ctx.lex.word_tags.get(ctx.text[prev[0] : prev[1]], "").startswith("n"))
