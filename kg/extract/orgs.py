"""Organisations: national bodies from the lexicon, others by their last word.

A name such as 国家电网天津滨海供电公司配电抢修班 ends in a word that marks an
organisation (班, 公司, 医院, 党支部…, from ``org_suffixes.txt``) and is grown
leftwards until a word that cannot be inside a name. Weak endings (部, 科,
班…) need a proper name before them: a place, a known body, or two words.
"""

from __future__ import annotations

from .context import Ctx, NMention, is_cjk
from .military import military_orgs
from .spans import across_joiner, expand_left, skip_leading_verbs

_DETERMINERS = ("各级", "各", "全", "该", "每个", "其", "这", "那", "有关", "相关", "一些", "上",
                "部分")
_GENERIC = {"党组织", "基层党组织", "组织部门", "党委", "党支部", "政府", "单位", "部门",
            "企业", "公司", "医院", "学校", "中心", "村委会", "机关", "党组", "工委", "委员会",
            "班", "科", "部", "队", "站", "所", "室", "县委", "市委", "省委"}
_REGION_WORDS = {"自治区"}
_COMPANY_TAIL = ("有限公司", "股份有限公司", "有限责任公司", "集团", "公司")
# 一所|学校, 这家|医院: a number or a demonstrative and a measure word count, they do not name
_COUNTERS = "一二两三四五六七八九十几这那每某哪"
_MEASURES = "所家座个支间"
_UNIT_CHARS = "局院所厂馆校处科"


def lexicon_orgs(ctx: Ctx) -> None:
    for s, e, name in ctx.lex.org_index.longest(ctx.text):
        if ctx.covering(s, "Person") or ctx.covering(e - 1, "Person"):
            continue  # 武大 in 武大靖
        left_ok = s == 0 or not is_cjk(ctx.text[s - 1]) or s in ctx.tok_starts or any(
            m.end == s for m in ctx.mentions)
        if left_ok:
            ctx.add(NMention(s, e, "Organization", name, "lexicon",
                             {"canonical": ctx.lex.orgs[name]}))


def _suffix_ends(ctx: Ctx) -> list[tuple[int, int, str]]:
    """(start, end, strength) of every organisation ending in the text."""
    text, out = ctx.text, []
    for suffix, strength in ctx.lex.org_suffixes.items():
        i = text.find(suffix)
        while i >= 0:
            out.append((i, i + len(suffix), strength))
            i = text.find(suffix, i + 1)
    return out


def _has_name(ctx: Ctx, s: int, head: int, end: int) -> bool:
    """A proper name before the last word: a place, a known body, or two words
    (射击队 counts as one of them when the segmenter keeps it whole)."""
    if any(m.start >= s and m.end <= head and m.label in ("Place", "Organization")
           for m in ctx.mentions):
        return True
    words = [t for t in ctx.tokens_from(s, head) if t[1] <= end]
    return len(words) >= 2


def _generic_prefix(ctx: Ctx, s: int, head: int, end: int) -> bool:
    """村|党支部, 好|学校, 党委|常委会, 一窗|办: nothing that names one organisation."""
    prefix = ctx.text[s:head]
    if len(prefix) == 1 and not ctx.covering(s, "Place") and not (
            prefix in "省市县州" and ctx.lex.org_suffixes.get(ctx.text[head:end]) == "strong"):
        return True  # 村|党支部 names no one village; 市|人民政府 is the city's (of the story)
    if prefix in _GENERIC or prefix in ctx.lex.org_suffixes:
        return True
    first = ctx.token_at(s)
    word = ctx.text[first[0] : first[1]] if first else ""
    return ctx.lex.word_tags.get(word) == "m" and not prefix.startswith("第")


def _modifier(ctx: Ctx, head: int, end: int) -> bool:
    """中心 in 中心小学: an organisation word that another one follows."""
    text = ctx.text
    return text[head:end] in ctx.lex.org_modifiers and any(
        text.startswith(suf, end) and w != "weak" for suf, w in ctx.lex.org_suffixes.items())


def suffix_orgs(ctx: Ctx) -> None:
    text = ctx.text
    events: dict[int, tuple[str, ...]] = {}
    units = [m for m in ctx.of_label("Organization") if m.source == "military"]  # made first
    for head, end, strength in sorted(_suffix_ends(ctx)):
        if not _ends_word(ctx, end):
            continue
        if any(text.startswith(t, end) for t in _COMPANY_TAIL) and strength != "weak":
            continue  # 集团|有限公司: the name goes on
        if _modifier(ctx, head, end):
            continue
        tok = ctx.token_at(head)
        start_word = head
        if tok and tok[0] < head:  # the ending is inside a segmented word
            word = text[tok[0] : tok[1]]
            if tok[1] > end or len(word) <= 2 or (
                    word in ctx.lex.common_words or word in ctx.lex.word_tags) and not (
                    _unit_word(ctx, word)):
                continue  # 进|行, 部|署: an ordinary word, not an organisation
            start_word = tok[0]  # 总装车|间, 射击队
        s = expand_left(ctx, start_word, allow_joiners=False)
        for det in _DETERMINERS:
            if text.startswith(det, s) and s + len(det) < head:
                s += len(det)
                break
        s = skip_leading_verbs(ctx, across_joiner(ctx, s, head, end), start_word)
        if end - head == 1 and text[end - 1] in _MEASURES and head > 0 and (
                text[head - 1] in _COUNTERS):
            continue  # 一所, 这家: a count, not 研究所
        s = _after_count(ctx, s, start_word)
        s = _after_common_lead(ctx, s, start_word)
        s = _in_unit(units, _chained(ctx, s))
        name = text[s:end]
        if end - head not in events:  # the event endings longer than this one
            events[end - head] = tuple(e for e in ctx.lex.event_suffixes if len(e) > end - head)
        if name.endswith(events[end - head]):
            continue  # 民主生活会 is a meeting
        if s == head or name in _GENERIC or len(name) < 3 or _generic_prefix(ctx, s, head, end):
            continue
        if start_word < head and (s == start_word or _generic_prefix(ctx, s, start_word, end)):
            continue  # 村|卫生室 read from its 室
        if _generic_lead(ctx, s, start_word):
            continue  # 医院|导管室: a part of an unnamed body
        prefix = text[s:head]
        if prefix in _REGION_WORDS and strength != "weak":
            pass  # 自治区党委: the body of the region the text is about
        elif any(p in ctx.lex.common_words and ctx.lex.word_tags.get(p, "n") not in (
                "ns", "nt", "nz", "nr", "j") for p in {prefix, text[s:start_word]}) and (
                not ctx.covering(s, "Place")):
            continue  # 当地医院, 基层党委, 创新工作室, 乡村|卫生院: a common word, not a name
        if _all_places(ctx, s, end):
            continue  # 金花园社区 is a place
        if strength in ("weak", "named") and prefix not in _REGION_WORDS and not _has_name(
                ctx, s, head, end):
            continue
        if end - head == 1 and any(s <= m.start and m.end == head for m in ctx.of_label(
                "Person")):
            continue  # 叶尔兰·努尔别克|站了起来: a name and a verb, not a station
        if ctx.covering(s, "Person") or ctx.covering(end - 1, "Person") or any(
                m.source == "lexicon" and m.start < s and end <= m.end
                for m in ctx.of_label("Organization")):
            continue  # 国家机关工委 inside 中央和国家机关工委
        attrs = {"canonical": name}
        short = _local_name(ctx, s, head, end)
        if short:
            attrs["short"] = short
        ctx.add(NMention(s, end, "Organization", name, "suffix", attrs))


def _chained(ctx: Ctx, s: int) -> int:
    """…供电局|输电|运检中心: a unit named right after its parent body, by a short verbal word
    (输电, 带电), is a part of it: the name starts with the parent's."""
    tok = ctx.token_at(s - 1) if s > 0 else None
    if not tok or tok[1] != s or tok[1] - tok[0] != 2:
        return s
    if ctx.lex.word_tags.get(ctx.text[tok[0] : tok[1]]) not in ("v", "vn"):
        return s
    for m in ctx.of_label("Organization"):
        if m.end == tok[0] and m.source == "suffix":
            return m.start
    return s


def _in_unit(units: list[NMention], s: int) -> int:
    """…某舰|舵信班: a part named right after (or across the end of) a military unit is of it."""
    starts = [m.start for m in units if m.start < s <= m.end]
    return min(starts) if starts else s


def _unit_word(ctx: Ctx, word: str) -> bool:
    """供电局, 医学院, 心内科: a noun of three or more characters that itself names a kind of
    institution (it ends in an institution character), so a name before it makes one."""
    return len(word) >= 3 and word[-1] in _UNIT_CHARS and ctx.lex.word_tags.get(
        word, "n") in ("n", "nt", "nz")


def _after_count(ctx: Ctx, s: int, head: int) -> int:
    """日喀则一所|卫生学校 → 卫生学校: the name starts after a count (一所, 这家)."""
    text = ctx.text
    for i in range(head - 2, s - 1, -1):
        if text[i] in _COUNTERS and text[i + 1] in _MEASURES and not ctx.covering(i, "Place"):
            return i + 2
    return s


def _after_common_lead(ctx: Ctx, s: int, head: int) -> int:
    """联系|下司马镇卫生院 → 下司马镇卫生院: one common word before the place that starts the
    name is the sentence's, not the name's."""
    tok = ctx.token_at(s)
    if not tok or tok[1] >= head:
        return s
    word = ctx.text[tok[0] : tok[1]]
    if word not in ctx.lex.common_words or ctx.lex.word_tags.get(word, "n") in (
            "ns", "nt", "nz", "nr", "j") or ctx.covering(tok[0], "Place") or ctx.covering(
            tok[0], "Organization"):
        return s
    if any(m.start == tok[1] and m.end <= head for m in ctx.of_label("Place")):
        return tok[1]
    return s


def _generic_lead(ctx: Ctx, s: int, head: int) -> bool:
    """The name starts with a whole generic body word (医院|导管室, 公司|党委)."""
    tok = ctx.token_at(s)
    if not tok or tok[0] != s or tok[1] > head:
        return False
    word = ctx.text[tok[0] : tok[1]]
    return word in _GENERIC or (len(word) >= 2 and ctx.lex.org_suffixes.get(word) == "strong")


def _local_name(ctx: Ctx, s: int, head: int, end: int) -> str:
    """西藏山南市隆子县玉麦乡|党委 → 玉麦乡党委: a body named only by a chain of places is
    called by its lowest place (the chain stays an alias and the place keeps the hierarchy)."""
    places = sorted((m for m in ctx.of_label("Place") if s <= m.start and m.end <= head),
                    key=lambda m: m.start)
    pos = s
    for m in places:
        if m.start != pos:
            return ""
        pos = m.end
    if len(places) < 2 or pos != head:
        return ""
    return ctx.text[places[-1].start : end]


def _all_places(ctx: Ctx, s: int, e: int) -> bool:
    covered = set()
    for m in ctx.of_label("Place"):
        if s <= m.start and m.end <= e:
            covered.update(range(m.start, m.end))
    return len(covered) == e - s


def _followed_by_title(ctx: Ctx, end: int) -> bool:
    return bool(ctx.lex.titles.find_at(ctx.text, end)) if end < len(ctx.text) else False


def _ends_word(ctx: Ctx, end: int) -> bool:
    """The ending is a whole word: 党组 in 党组织 is not an organisation."""
    if end >= len(ctx.text) or end in ctx.tok_ends or not is_cjk(ctx.text[end]):
        return True
    return _followed_by_title(ctx, end)


def find_orgs(ctx: Ctx) -> None:
    lexicon_orgs(ctx)
    military_orgs(ctx)
    suffix_orgs(ctx)
