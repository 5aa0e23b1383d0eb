"""Events: party congresses and plenums by number, named events, X会议/X大会…

Congresses are recognised in all their written forms (二十大, 党的二十大,
中国共产党第二十次全国代表大会) and given one key, so that resolution makes
them one entity. Other events end in a word from ``event_suffixes.txt`` and
are grown leftwards like organisation names.
"""

from __future__ import annotations

import re

from .context import Ctx, NMention
from .spans import expand_left

NUM = "一二三四五六七八九十"
_CONGRESS = re.compile(
    rf"(?:(?:中国共产党|中共|党的)第?([{NUM}]{{1,3}})次全国代表大会"
    rf"|(?:党的)?([{NUM}]{{2,3}})大(?![学楼厦道街会型量批力小多])"
    rf"|(?:党的)?([{NUM}]{{1,3}})届([{NUM}]{{1,2}})中全会)")
_GENERIC_ORG = {"党委", "党组", "工委", "党支部", "党委常委会", "常委会", "党组织", "支部",
                "民主生活", "组织生活", "基层党组织", "单位", "部门"}
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


def lexicon_events(ctx: Ctx) -> None:
    for s, e, name in ctx.lex.event_index.longest(ctx.text):
        if s in ctx.tok_starts or s == 0 or not ctx.text[s - 1].isalnum():
            ctx.add(NMention(s, e, "Event", name, "lexicon",
                             {"canonical": ctx.lex.events[name]}))


def suffix_events(ctx: Ctx) -> None:
    text = ctx.text
    for suffix, strength in ctx.lex.event_suffixes.items():
        for m in re.finditer(re.escape(suffix), text):
            head, end = m.span()
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
            prefix = text[s:head]
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


def find_events(ctx: Ctx) -> None:
    congress_events(ctx)
    lexicon_events(ctx)
    suffix_events(ctx)
