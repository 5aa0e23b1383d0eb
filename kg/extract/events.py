"""Events: party congresses and plenums by number, named events, X会议/X大会…

Congresses are recognised in all their written forms (二十大, 党的二十大,
中国共产党第二十次全国代表大会) and given one key, so that resolution makes
them one entity. Other events end in a word from ``event_suffixes.txt`` and
are grown leftwards like organisation names.
"""

from __future__ import annotations

import hashlib
import re

from .context import Ctx, NMention, occurrences
from .spans import expand_left, skip_leading_verbs

NUM = "一二三四五六七八九十"
_CONGRESS = re.compile(
    rf"(?:(?:中国共产党|中共|党的)第?([{NUM}]{{1,3}})次全国代表大会"
    rf"|(?:党的)?([{NUM}]{{2,3}})大(?![学楼厦道街会型量批力小多])"
    rf"|(?:党的)?([{NUM}]{{1,3}})届([{NUM}]{{1,2}})中全会)")
_GENERIC_ORG = {"党委", "党组", "工委", "党支部", "党委常委会", "常委会", "党组织", "支部",
                "民主生活", "组织生活", "基层党组织", "单位", "部门"}
_SESSION = re.compile(  # 十四届全国人大一次会议, 浙江省十四届人大一次会议, 全国政协十四届一次会议
    rf"第?[{NUM}]{{1,3}}届(?:全国)?(?:人大|人民代表大会|政协)(?:第?[{NUM}]{{1,3}}次)(?:全体)?会议"
    rf"|(?:全国)?政协第?[{NUM}]{{1,3}}届[{NUM}]{{1,3}}次(?:全体)?会议")
_ORDINAL = re.compile(rf"第[{NUM}百\d]{{1,4}}[届次]$")
_QUOTED = re.compile(r"“([^”\n]{2,20})”(主题教育|活动|行动|工程)")


def cn_number(s: str) -> int:
    """十九 → 19, 二十 → 20, 二十一 → 21."""
    digits = {c: i + 1 for i, c in enumerate(NUM[:9])}
    if "十" not in s:
        return digits.get(s, 0)
    tens, _, ones = s.partition("十")
    return (digits.get(tens, 1) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)


def congress_events(ctx: Ctx) -> None:
    for m in _CONGRESS.finditer(ctx.text):
        if m.group(1) or m.group(2):
            n = cn_number(m.group(1) or m.group(2))
            if not 1 <= n <= 40:
                continue
            key = f"cpc-congress-{n}"
            code = "congress"
        else:
            key = f"cpc-plenum-{cn_number(m.group(3))}-{cn_number(m.group(4))}"
            code = "plenum"
        ctx.add(NMention(m.start(), m.end(), "Event", m.group(0), "congress",
                         {"key": key, "kind": code}))


def session_events(ctx: Ctx) -> None:
    """Sessions of people's congresses and CPPCC, with the place before them."""
    for m in _SESSION.finditer(ctx.text):
        s = m.start()
        place = [p for p in ctx.of_label("Place") if p.end == s]
        if place:
            s = place[0].start
        elif ctx.text[s - 1 : s] in ("省", "市", "县", "区"):
            s -= 1  # 省十四届人大一次会议
        name = ctx.text[s : m.end()]
        ctx.add(NMention(s, m.end(), "Event", name, "session", {"canonical": name}))


def lexicon_events(ctx: Ctx) -> None:
    for s, e, name in ctx.lex.event_index.longest(ctx.text):
        if s in ctx.tok_starts or s == 0 or not ctx.text[s - 1].isalnum():
            ctx.add(NMention(s, e, "Event", name, "lexicon",
                             {"canonical": ctx.lex.events[name]}))


def suffix_events(ctx: Ctx) -> None:
    text = ctx.text
    for suffix, strength in ctx.lex.event_suffixes.items():
        for head, end in occurrences(text, suffix):
            if any(e.start <= head < e.end for e in ctx.of_label("Event")):
                continue
            if suffix == "周年":
                d = head
                while d > 0 and text[d - 1].isdigit():
                    d -= 1
                if d == head:
                    continue
                head = d
            anchor = head - 2 if text[head - 2 : head] == "成立" else head
            s = expand_left(ctx, anchor, enders=tuple(ctx.lex.event_suffixes))
            ordinal = _ORDINAL.search(text, max(0, s - 6), s)
            if ordinal:  # 第十届|凉山州运动会, 省|第十五次|党代会
                s = ordinal.start()
                s = expand_left(ctx, s, enders=tuple(ctx.lex.event_suffixes))
            s = skip_leading_verbs(ctx, s, head)
            prefix = text[s:head]
            if ctx.lex.word_tags.get(prefix) in ("v", "vn"):
                continue  # 领会|大会精神
            if prefix in ctx.lex.generic_event_prefixes or s == head or prefix in _GENERIC_ORG:
                continue
            if prefix.removesuffix("全体") in _GENERIC_ORG:
                continue  # 党委全体会议: no name of one event
            if suffix == "活动":
                continue  # only quoted: “走基层、送温暖”活动
            if strength == "weak" and head - s < 2:
                continue
            name = text[s:end]
            if name in ctx.lex.generic_events:
                continue
            ctx.add(NMention(s, end, "Event", name, "suffix", {"canonical": name}))
    for m in _QUOTED.finditer(text):
        if m.group(2) in ("活动", "行动"):  # “走基层、送温暖”活动: the quoted words name it
            ctx.add(NMention(m.start(1), m.end(1), "Event", m.group(1), "quoted",
                             {"canonical": m.group(1)}))
        else:
            ctx.add(NMention(m.start(), m.end(), "Event", m.group(0), "quoted",
                             {"canonical": m.group(1) + m.group(2)}))


_LOCAL = re.compile(rf"(?:中国共产党|中共)?(.{{0,8}}?)([省市县区州])?第([{NUM}]{{1,3}})次"
                    rf"(?:党代会|代表大会)$")
_BARE_LOCAL = re.compile(r"^(?:全|本)?([省市县区州])(?:党代会)$")


def local_congresses(ctx: Ctx) -> None:
    """中国共产党湖南省第十二次代表大会 = 省第十二次党代会 = 省党代会 (one per level here)."""
    found: dict[tuple[str, int], str] = {}
    for m in ctx.of_label("Event"):
        g = _LOCAL.match(m.text)
        if not g or not (g.group(2) or g.group(1)):
            continue
        level = g.group(2) or g.group(1)[-1]
        inside = [p for p in ctx.of_label("Place") if m.start <= p.start and p.end <= m.end]
        place = inside[-1].attrs.get("canonical", inside[-1].text) if inside else ""
        n = cn_number(g.group(3))
        if place:
            found[(level, n)] = place
        m.attrs["congress"] = f"{level}|{n}"
    here = ""  # no place named: this document's own congress, not a namesake elsewhere
    for m in ctx.of_label("Event"):
        if "congress" in m.attrs:
            level, n = m.attrs.pop("congress").split("|")
            if not found.get((level, int(n))) and not here:
                here = hashlib.sha1(ctx.text.encode()).hexdigest()[:8]
            where = found.get((level, int(n))) or level + here
            m.attrs["key"] = f"local-congress/{where}/{n}"
    for m in ctx.of_label("Event"):
        g = _BARE_LOCAL.match(m.text)
        same = {k for k in found if k[0] == (g.group(1) if g else "")}
        if g and len(same) == 1:
            level, n = same.pop()
            m.attrs["key"] = f"local-congress/{found[(level, n)]}/{n}"


def find_events(ctx: Ctx) -> None:
    congress_events(ctx)
    session_events(ctx)
    lexicon_events(ctx)
    suffix_events(ctx)
    local_congresses(ctx)
    places = [(m.start, m.end) for m in ctx.mentions if m.label == "Place"]
    ctx.mentions = [m for m in ctx.mentions if not (  # 人民大会|堂: a building, no event
        m.label == "Event" and m.source == "suffix"
        and any(s <= m.start and m.end < e for s, e in places))]
