"""What a person's name looks like: a Han name (surname + one or two characters, compound
surnames), a name made of minority name parts (才让卓玛), or a transliterated name the
dictionary does not know (艾尼瓦尔吐尔洪) after a strong cue."""

from __future__ import annotations

from .context import PUNCT, Ctx, is_cjk

BAD = set("的了在是和与及对把被从向为这那其各该每个们说等将已也都就并而但或")
NAME_END_BAD = set("们等说讲称时后前里中上下着了过率委比则")  # 党工委|委员: a body
_STOP = set("刚在说是把从将也都就又还曾已正的了和与及等着")
MEMO_SIZE = 100_000  # answers kept per lexicon


def valid_name(ctx: Ctx, s: str, *, strong: bool = False) -> bool:
    """Looks like a Han name: surname + 1–2 characters; with a strong cue, a whole word."""
    memo = ctx.lex.memo.setdefault("valid_name", {})  # asked again and again, as minority
    found = memo.get((s, strong))
    if found is None:
        if len(memo) > MEMO_SIZE:
            memo.clear()
        found = memo[s, strong] = _valid_name(ctx, s, strong)
    return found


# not in a given name: function characters, and pronouns (向|他: a surname before a pronoun
# is a preposition)
_NOT_GIVEN = BAD | set("他她它我你您咱")


# a word of these kinds opening a token makes it no name (监督|处 after 干部)
_VERBAL = ("v", "vn", "a", "ad", "d", "p", "c")


def _valid_name(ctx: Ctx, s: str, strong: bool) -> bool:
    if not 2 <= len(s) <= 4 or not all(is_cjk(c) for c in s):
        return False
    if s in ctx.lex.not_names or set(s[1:]) & _NOT_GIVEN or s[-1] in NAME_END_BAD:
        return False
    if s[0] in ctx.lex.verb_surnames and (len(s) == 2 or s[1:] in ctx.lex.common_words):
        return False  # 村民|种茶, 种花椒: a verb and its object
    if s[0] in BAD and not (strong and ctx.lex.is_surname_start(s)):
        return False  # 向春梅 after a title, but not 向他说
    if s in ctx.lex.orgs or (s in ctx.lex.common_words and not (
            len(s) >= 3 and ctx.lex.word_tags.get(s, "").startswith("nr"))):
        return False  # a common word, unless the dictionary knows it as a name (陈永福)
    places = ctx.lex.place_index.find_at(s, 0)
    if places and len(places[0]) >= 2 and not (strong and len(s) == 3 and len(places[0]) == 2):
        return False  # 龙海|波 after a title is a name; 龙海 alone, or 龙海市, is none
    if s in ctx.lex.titles or ctx.lex.titles.ending_at(s, len(s)) or s.endswith(("代表", "同志")):
        return False  # 端木代表: a surname and a form of address
    n = ctx.lex.is_surname_start(s)
    if n == 1 and len(s) == 3 and ctx.lex.word_tags.get(s[:2]) in ("v", "vn", "a", "ad", "d"):
        return False  # 丰收节, 马上就: a verb or adverb, not a surname and a given name
    if n and 1 <= len(s) - n <= 2:
        return True
    return strong and len(s) >= 3 and ctx.lex.word_tags.get(s[:2]) not in _VERBAL


def surname_shaped(ctx: Ctx, name: str) -> bool:
    """Two to four characters, one or two after what the surname list allows at its start
    (a weaker test than ``valid_name``, for names a list or table already vouches for)."""
    return 2 <= len(name) <= 4 and 1 <= len(name) - ctx.lex.is_surname_start(name) <= 2


def vouched_name(ctx: Ctx, name: str) -> bool:
    """Shaped like a name, for a name a layout vouches for (a table's 姓名 column, a profile
    box's 姓名 line): dotted, a name, a minority name, or surname-shaped."""
    return ("·" in name or valid_name(ctx, name, strong=True) or is_minority_name(ctx, name)
            or surname_shaped(ctx, name))


def real_name(ctx: Ctx, name: str) -> bool:
    """Dotted, a Han name that is no common word, or a minority name: a name a list's or a
    heading's layout shows, checked more strictly than ``vouched_name`` (not 金奖, 周一)."""
    return "·" in name or valid_name(ctx, name) or is_minority_name(ctx, name)


def compound_surname_name(ctx: Ctx, p: int, strong: bool) -> tuple[int, int] | None:
    """夏侯志刚 segmented 夏|侯志刚: a two-character surname and one or two more."""
    text = ctx.text
    if ctx.lex.is_surname_start(text[p : p + 2]) != 2:
        return None
    for e in (p + 4, p + 3):
        starts_word = e == p + 4 and text[e : e + 2] in ctx.lex.common_words  # 东方志勇|许下
        if (e in ctx.tok_ends or starts_word) and valid_name(ctx, text[p:e], strong=strong):
            return p, e
    return None


def is_minority_name(ctx: Ctx, s: str) -> bool:
    """才让卓玛, 哈德尔别克: made wholly of listed name parts, or closed by a listed ending."""
    memo = ctx.lex.memo.setdefault("minority", {})  # the same few strings, asked again and again
    found = memo.get(s)
    if found is None:
        if len(memo) > MEMO_SIZE:
            memo.clear()
        found = memo[s] = _is_minority_name(ctx, s)
    return found


def _is_minority_name(ctx: Ctx, s: str) -> bool:
    parts = ctx.lex.minority_parts
    endings = ctx.lex.minority_names.get("ending", [])
    if not 2 <= len(s) <= 6 or not all(is_cjk(c) for c in s) or s in ctx.lex.common_words:
        return False
    ok = [True] + [False] * len(s)  # ok[i]: s[:i] splits into parts
    for i in range(1, len(s) + 1):
        ok[i] = any(ok[j] and s[j:i] in parts for j in range(max(0, i - 4), i))
    if ok[len(s)] and (len(s) >= 3 or s in parts):
        return True
    if len(s) == 4 and s[:2] in ctx.lex.minority_clans and s not in ctx.lex.word_tags and all(
            c in ctx.lex.name_chars and c not in _STOP for c in s[2:]):
        return True  # 吉克曲布, 沙马拉则: a Yi family name and two syllables
    return any(len(e) >= 2 and s.endswith(e) and len(s) - len(e) >= 2 and not set(s) & BAD
               for e in endings)


def minority_name_at(ctx: Ctx, p: int) -> tuple[int, int] | None:
    """The longest minority name starting at p that ends at a token boundary."""
    text = ctx.text
    for e in range(min(len(text), p + 6), p + 1, -1):
        if (e in ctx.tok_ends or text[e : e + 1] in PUNCT or _verb_glued(ctx, e)) and (
                is_minority_name(ctx, text[p:e])):
            return p, e
    return None


def _verb_glued(ctx: Ctx, e: int) -> bool:
    """才让多|吉作|报告: the segmenter glued a one-character verb to the name's last syllable."""
    tok = ctx.token_at(e - 1)
    return bool(tok and tok[1] == e + 1 and tok[0] < e
                and ctx.lex.word_tags.get(ctx.text[e]) == "v")


def foreign_name_at(ctx: Ctx, p: int, min_len: int = 3) -> tuple[int, int] | None:
    """艾尼瓦尔吐尔洪 after a title: a run of pieces the dictionary does not know (or single
    characters), up to the first known word or a stop character, three to eight long."""
    text, end = ctx.text, p
    while end < len(text) and end - p <= 8:
        tok = ctx.token_at(end)
        if not tok or tok[0] != end:
            break
        word = text[tok[0] : tok[1]]
        known = word in ctx.lex.word_tags and len(word) > 1
        if not all(is_cjk(c) for c in word) or word[0] in _STOP or word[0] in BAD or known:
            break
        end = tok[1]
    while end > p and text[end - 1] in _STOP:
        end -= 1  # 吐尔|洪刚|从: 刚 belongs to what follows
    if not all(c in ctx.lex.name_chars for c in text[p:end]) or text[end : end + 1] == "“":
        return None  # 参与率, 几十年如一日; 开更多“直通车”: not a transliterated name
    if not min_len <= end - p <= 8 or any(m.start < end and p < m.end and m.label != "Person"
                                          for m in ctx.mentions):
        return None
    return p, end
