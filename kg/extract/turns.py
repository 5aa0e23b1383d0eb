"""Delegates who speak in turn: on the congress's own 代表通道 (第一位代表…, 紧随其后的是…)
and in a delegation's open discussion (五位代表先后发言——, then a paragraph each, opened by
the speaker's name: 某某（…党支部书记）说，…)."""

from __future__ import annotations

import re
from itertools import islice

from .context import Ctx, line_spans
from .delegations import add_delegate, persons_in

_TURN = re.compile(r"第[一二三四五六七八九十]位|下面(?:这|一)位|紧随其后|接下来(?:这|一)位"
                   r"|最后(?:一位|走上)|[走来]到话筒前")


def corridor(ctx: Ctx, congress: str) -> None:
    """The congress's 代表通道 (党的二十大首场“代表通道”, not the NPC's): delegates walk up one
    after another (第一位代表…, 紧随其后的是…, 最后走上通道的是…); the first person after
    such a cue in its paragraph is one of them."""
    text = ctx.text
    if not re.search(rf"{re.escape(congress)}[^。\n]{{0,10}}代表通道", text):
        return
    for a, b in line_spans(text):
        turn = _TURN.search(text, a, b)
        people = persons_in(ctx, turn.start(), b) if turn else []
        lead = text[max(a, people[0].start - 6) : people[0].start] if people else ""
        if people and not re.search(r"记者|人大代表|委员", lead):
            add_delegate(ctx, people[0], turn.start(), people[0].end, "corridor")


_IN_TURN = re.compile(r"([一二三四五六七八九十两\d]+|几|多|数)[位名]代表(?:先后|相继|依次|轮流)?"
                      r"(?:作了?)?(?:发言|交流|谈体会|谈感受)[^\n]{0,12}?[—：:。]*\n")
_COUNTS = {c: i for i, c in enumerate("一二三四五六七八九十", 1)} | {"两": 2}
_OPENED = re.compile(r"[ \t\u3000]*([\u4e00-\u9fff·]{2,12})(?=[（(，,：:]|说|表示|介绍|谈到)")


def speakers_in_turn(ctx: Ctx, congress: str) -> None:
    """五位代表先后发言——: the paragraphs after it, each opened by a speaker's name, in a
    report on the congress (its paragraph or the page's title names it)."""
    from .delegates import _names_congress  # (delegates imports this module)

    text = ctx.text
    title = text[: max(0, text.find("\n", text.find("\n") + 1))] or text[:200]
    for m in _IN_TURN.finditer(text):
        if not (_names_congress(text, m.start(), m.end(), congress) or congress in title):
            continue
        count = _COUNTS.get(m.group(1)) or (int(m.group(1)) if m.group(1).isdigit() else 99)
        for a, b in line_spans(text[m.end() :]):
            if count <= 0:
                break  # 两位代表先后发言: two paragraphs, not the comments after them
            line = text[m.end() + a : m.end() + b]
            if not line.strip():
                continue
            opened = _OPENED.match(line)
            p = ctx.mention_at(m.end() + a + opened.start(1), m.end() + a + opened.end(1),
                               "Person") if opened else None
            if p is None:
                break  # the turns end with the first paragraph no speaker opens
            add_delegate(ctx, p, m.start(), p.end, "in-turn")
            count -= 1


_ANNOUNCED = re.compile(r"(?<![\d一二三四五六七八九十百千])([二三四五六七八九两2-9])[位名]"
                        r"(?:党的)?{c}代表")
_STEP = r"(?:[^，。；]{0,4}(?:讲台|登台|上台|发言|宣讲|开讲)|[^，。；]{0,2}的[，,]?是)"
_ORDINAL = re.compile(rf"第[一二三四五六七八九十][个位]{_STEP}|最后(?:一位|一个)?{_STEP}"
                      rf"|接着{_STEP}")
_NOT_ONE = re.compile(r"记者|人大代表|村民代表|居民代表|职工代表")


def announced_turns(ctx: Ctx, congress: str) -> None:
    """三位党的二十大代表…作宣讲, then paragraphs that take them in order (第一个走上讲台的，是…
    某某; 第二位宣讲的某某; 最后登台的某某): the first person after each such word, as many
    as were announced, in the paragraphs that follow (not a reporter, nor a 村民代表)."""
    text = ctx.text
    for m in re.finditer(_ANNOUNCED.pattern.format(c=re.escape(congress)), text):
        count = int(m.group(1)) if m.group(1).isdigit() else _COUNTS.get(m.group(1), 0)
        for a, b in islice(line_spans(text[m.end() :]), 12):
            a, b = m.end() + a, m.end() + b
            for turn in _ORDINAL.finditer(text, a, b):
                people = persons_in(ctx, turn.end(), ctx.sentence_of(turn.start())[1])
                if people and count > 0 and not _NOT_ONE.search(
                        text, max(a, people[0].start - 6), people[0].start):
                    add_delegate(ctx, people[0], turn.start(), people[0].end, "announced-turn")
                    count -= 1
            if count <= 0:
                break
