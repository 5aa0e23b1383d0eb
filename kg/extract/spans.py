"""Growing a name leftwards from its last word (医院, 会议…) over the segmentation."""

from __future__ import annotations

import re

from .context import PUNCT, Ctx
from .titles import title_ending_at

MAX_NAME = 30
_PUNCT = frozenset(PUNCT)
_CJK = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]+")  # what is_cjk accepts, every character
_JOINERS = {"和", "与", "及"}
# parts of speech (jieba's tags) that cannot be inside a name: verbs, adverbs, prepositions…
STOP_TAGS = {"v", "d", "p", "c", "r", "u", "ad", "vd", "y", "e", "o", "f", "q"}


def expand_left(ctx: Ctx, head_start: int, *, floor: int = 0, allow_joiners: bool = True,
                enders: tuple[str, ...] = (), by_tag: bool = True) -> int:
    """Start of the name whose last word starts at ``head_start``.

    Walks back one segmented word at a time and stops at punctuation, a stop
    word, a person, a title, or a number; 的 is crossed only in 党的.
    """
    text = ctx.text
    s = head_start
    people: list[tuple[int, int]] | None = None  # the mentions do not change meanwhile
    place_ends: list[int] = []
    while s > floor and head_start - s < MAX_NAME:
        tok = ctx.token_at(s - 1)
        if not tok:
            break
        a, b = tok
        a = max(a, floor)
        word = text[a:b]
        if b != s or not _PUNCT.isdisjoint(word) or not _CJK.fullmatch(word):
            break
        if word in ctx.lex.stop_tokens and not (word == "党" and text[b : b + 1] == "的") and not (
                word == "某" and any(m.label == "Organization" and m.start <= a <= m.end
                                    for m in ctx.mentions)):  # 西藏军区某|边防团, 某旅某连
            break
        if word == "的" and text[a - 1 : a] != "党":
            break
        if word in _JOINERS:
            if not allow_joiners or not any(
                    m.start < a and b < m.end for m in ctx.of_label("Organization")):
                break
            s = a  # 中央和国家机关: a joiner inside a known name
            continue
        in_place = any(m.label == "Place" and m.start <= a and b <= m.end for m in ctx.mentions)
        stop = by_tag and ctx.lex.word_tags.get(word) in STOP_TAGS
        if stop and word not in ctx.lex.org_suffixes and not in_place:  # 互助|土族自治县
            break
        if people is None:
            people = [(m.start, m.end) for m in ctx.mentions if m.label == "Person"]
            place_ends = [m.end for m in ctx.mentions if m.label == "Place"]
        if any(start < b and end > a for start, end in people):
            break
        inside_place = any(a < end < b for end in place_ends)
        if title_ending_at(ctx, b) and b != head_start and not ctx.lex.org_suffixes.get(word) and (
                not inside_place):  # 柳市|镇长|虹村: 镇长 is the end of a place here
            t = title_ending_at(ctx, b)
            if t and t[0] <= a:
                break
        s = a
    while s < head_start and text[s] in _JOINERS | {"的"}:
        s += 1
    return s


def skip_leading_verbs(ctx: Ctx, s: int, head: int) -> int:
    """审查|中央委员会: verbs (and verbal nouns) do not start a name; nor does the verb of
    a word the segmenter glued to a place word (审议市|人大常委会 → 市人大常委会)."""
    while s < head:
        tok = ctx.token_at(s)
        if not tok or tok[1] > head:
            break
        word = ctx.text[tok[0] : tok[1]]
        if ctx.lex.word_tags.get(word) in ("v", "vn"):
            s = tok[1]
            continue
        glued = (len(word) >= 2 and word[-1] in "省市县区州" and word not in ctx.lex.word_tags
                 and not ctx.covering(tok[0], "Place"))
        if glued and ctx.lex.word_tags.get(word[:-1]) in ("v", "vn"):
            s = tok[1] - 1
        elif len(word) == 2 and word not in ctx.lex.word_tags and all(
                ctx.lex.word_tags.get(ch) == "v" for ch in word):
            s = tok[1]  # 送进|医院: two verbs the segmenter joined
        break
    return s


def across_joiner(ctx: Ctx, s: int, head: int, end: int) -> int:
    """冶金与能源工程学院: before an ending that names a unit after two fields, a 与/和
    between two plain words is inside the name; the start moves past it."""
    text = ctx.text
    if s < 2 or text[s - 1] not in "与和" or not any(
            text.endswith(x, head, end) for x in ctx.lex.org_joined):
        return s
    left = expand_left(ctx, s - 1, allow_joiners=False)
    part = text[left : s - 1]
    if left < s - 1 and not any(part.endswith(x) for x in ctx.lex.org_suffixes) and not any(
            m.label == "Person" and left <= m.start < s for m in ctx.mentions):
        return left
    return s
