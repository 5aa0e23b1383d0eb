"""Delegation reports: who of a congress's delegation the text names as its delegates (代表某某,
某某代表, 走进会场的某省代表中，有A，B…), and the province of a delegation's delegates.

Also the two helpers every delegate rule shares: the people a sentence can make delegates,
and the delegate fact itself.
"""

from __future__ import annotations

import re

from .context import Ctx, NFact, NMention


def persons_in(ctx: Ctx, s: int, e: int) -> list[NMention]:
    """People who can be the subject: not reporters, not 某某同志/某某总书记 in set phrases."""
    address = tuple(a for a in ctx.lex.person_cues.get("after_name", [])
                    if a not in ("代表", "委员"))
    return [m for m in ctx.of_label("Person") if s <= m.start < e and m.source != "byline"
            and not ctx.text.startswith(address, m.end)]


def add_delegate(ctx: Ctx, p: NMention, s: int, e: int, rule: str) -> None:
    name = p.attrs.get("alias_of", p.text)
    ctx.facts.append(NFact("delegate", {"person": name}, min(s, p.start), max(e, p.end), rule))


def delegation_context(text: str, congress: str) -> bool:
    """A report from the congress's delegations: 出席党的二十大的甘肃代表团, 二十大代表团."""
    c = re.escape(congress)
    return bool(re.search(rf"出席(?:党的)?{c}的?[^，。；]{{0,15}}代表团|{c}[^，。；]{{0,6}}代表团"
                          r"|出席大会的[^，。；]{0,10}代表团"
                          rf"|代表团[^，。；]{{0,20}}(?:讨论|审议)[^，。；]{{0,6}}{c}报告", text))


_IN_DELEGATION = re.compile(r"的[\u4e00-\u9fff]{2,6}代表(?:中|当中)，(?:有|既有|包括)")


_NOT_AFTER = set("团大们会性处着了委全各我咱本")  # 代表团; 代表全校同学 (the verb)


def delegation_members(ctx: Ctx, congress: str = "二十大") -> None:
    """In a delegation report, 代表某某 and 某某代表 name delegates (not 人大代表, 居民代表)."""
    text = ctx.text
    groups = tuple(ctx.lex.person_cues.get("group_representatives", []))  # 人大|代表某某
    for p in ctx.of_label("Person"):
        if p.source == "byline":
            continue
        before, after = text[max(0, p.start - 2) : p.start], text[p.end : p.end + 3]
        qualifier = text[max(0, p.start - 6) : p.start - 2]
        if p.source == "alias" and p.text.endswith("代表"):  # 向代表 for 向玉兰
            add_delegate(ctx, p, p.start, p.end, "delegation-alias")
        elif before.endswith("代表") and not qualifier.endswith(groups) and (
                qualifier.endswith(congress) or not re.search(r"[一二三四五六七八九十]大$",
                                                               qualifier)):  # 团十八大代表某某
            add_delegate(ctx, p, p.start - 2, p.end, "delegation-before-name")
        elif after.startswith("代表") and after[2:3] not in _NOT_AFTER and not re.match(
                r"第?[一二三四五六七八九十]+届", text[p.end + 2 : p.end + 8]):  # 代表十九届…
            add_delegate(ctx, p, p.start, p.end + 2, "delegation-after-name")
    as_cue = re.compile(rf"作为[^，。；]{{0,20}}?(?:代表团|{re.escape(congress)})[^，。；]{{0,12}}?"
                        r"代表(?!团)[，,]")
    for s, e in ctx.sentences:  # 作为福建代表团中唯一的畲族代表，某村党支部书记某某…
        cue = as_cue.search(text[s:e])
        following = persons_in(ctx, s + cue.end(), e) if cue else []
        if following:
            add_delegate(ctx, following[0], s + cue.start(), following[0].end, "delegation-as")
    if delegation_context(text, congress):  # 走进会场的广西代表中，有A，B，…，以及F
        for m in _IN_DELEGATION.finditer(text):
            for p in persons_in(ctx, m.end(), ctx.sentence_of(m.start())[1]):
                add_delegate(ctx, p, m.start(), p.end, "delegation-list")
    for s, e in ctx.sentences:
        cue = re.search(r"是(?:代表团[里中]|[^，。；]{0,16}的代表之一)", text[s:e])
        people = persons_in(ctx, s, s + cue.start()) if cue else []
        if people:
            add_delegate(ctx, people[-1], people[-1].start, s + cue.end(), "delegation-member")


def delegation_regions(ctx: Ctx, congress: str) -> None:
    """出席党的二十大的江西代表团: a delegate of a province's delegation, of whom the text
    ties no other place, is of that province."""
    from .regions import _region  # regions are made before delegates are known

    c = re.escape(congress)
    m = re.search(rf"出席(?:党的)?{c}的?([^，。；]{{2,10}}?)代表团|([^，。；]{{2,10}}?)代表团"
                  r"(?:分组|全体会议|讨论|审议)", ctx.text)
    if not m:
        return
    a, b = m.span(1) if m.group(1) else m.span(2)
    places = [p for p in ctx.of_label("Place") if a <= p.start and p.end == b
              and p.attrs.get("level") in ("province", None, "")]
    if not places:
        return
    tied = {f.args["person"] for f in ctx.facts if f.kind == "region"}
    for f in [f for f in ctx.facts if f.kind == "delegate"]:
        person = f.args["person"]
        if person not in tied:
            p = next((q for q in ctx.of_label("Person") if q.text == person), None)
            if p:
                _region(ctx, person, places[0], f.start, f.end, "delegation")
                tied.add(person)
