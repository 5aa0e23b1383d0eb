"""Statistics the text states (女党员619名，占27.0%) and dates/places of events.

A count is a number with a counting word (名, 个, 人…); the words before it,
back to the last punctuation, say what is counted; a following 占N% is its
share. "X中，" at the start of a sentence says who is counted.
"""

from __future__ import annotations

import re

from .context import Ctx, NFact

_COUNT = re.compile(
    r"(?P<measure>[\u4e00-\u9fff（）()“”]{2,24}?)(?:有|为|达|共|达到)?(?P<num>\d+(?:\.\d+)?)"
    r"(?P<mult>多万|余万|万|多|余)?(?P<unit>名|个|人|位|份|所|家)"
    r"(?:[^，。；]{0,12}?[，,]?占(?P<pct>\d+(?:\.\d+)?)%)?")
_PERCENT = re.compile(r"(?P<measure>[\u4e00-\u9fff]{2,16}?)(?:平均)?(?:达到|达|为|均高于|高于)"
                      r"(?P<pct>\d+(?:\.\d+)?)%")
_VALUE = re.compile(r"(?P<measure>平均年龄|平均)(?P<num>\d+(?:\.\d+)?)(?P<unit>岁|年)")
_POPULATION = re.compile(r"^(?:[^，。]{0,6}?，)?(?P<pop>[\u4e00-\u9fff]{2,14}?)中[，,]")
_DIGIT = re.compile(r"\d")
_REACH = 32  # characters before its number a match of the three patterns above can start
_DATE = re.compile(r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日)?")
_HELD = re.compile(r"在(?P<place>[\u4e00-\u9fff]{2,8}?)(?:隆重)?(?:召开|举行|举办|开幕)")


def _clean_measure(s: str) -> str:
    s = s.strip("（）()“”")
    for lead in ("其中", "选举产生了", "产生了", "分别", "还有"):
        if s.startswith(lead):
            s = s[len(lead) :]
    return s.rstrip("的")


def find_stats(ctx: Ctx) -> None:
    text = ctx.text
    for s, e in ctx.sentences:
        digit = _DIGIT.search(text, s, e)
        if digit is None:
            continue  # every pattern below needs a number
        sent = text[s:e]
        # no match starts more than _REACH characters before its first digit
        first = max(0, digit.start() - s - _REACH)
        pop_m = _POPULATION.match(sent)
        population = pop_m.group("pop") if pop_m else ""
        for m in _COUNT.finditer(sent, first):
            num = float(m.group("num"))
            mult = m.group("mult") or ""
            if "万" in mult:
                num *= 10000
            if m.group("unit") in ("个", "份", "所", "家") and not m.group("pct") and num < 10:
                continue
            measure = _clean_measure(m.group("measure"))
            if len(measure) < 2:
                continue
            args = {"population": population, "measure": measure, "count": str(int(num)),
                    "unit": m.group("unit"), "approx": "1" if mult in ("多", "余", "多万",
                                                                        "余万") else ""}
            if m.group("pct"):
                args["percent"] = m.group("pct")
            ctx.facts.append(NFact("stat", args, s + m.start(), s + m.end(), "count"))
        for m in _PERCENT.finditer(sent, first):
            args = {"population": population, "measure": _clean_measure(m.group("measure")),
                    "percent": m.group("pct")}
            ctx.facts.append(NFact("stat", args, s + m.start(), s + m.end(), "percent"))
        for m in _VALUE.finditer(sent, first):
            args = {"population": population, "measure": m.group("measure"),
                    "value": m.group("num"), "unit": m.group("unit")}
            ctx.facts.append(NFact("stat", args, s + m.start(), s + m.end(), "value"))


def find_event_details(ctx: Ctx) -> None:
    """二十大于2022年10月16日在北京召开: the event's date and place."""
    text = ctx.text
    for s, e in ctx.sentences:
        held = _HELD.search(text, s, e)
        if not held:
            continue
        events = [m for m in ctx.of_label("Event") if s <= m.start < held.start()]
        if not events:
            continue
        event = events[-1] if not text[s:e].startswith(events[0].text) else events[0]
        args = {"event": event.text, "key": event.attrs.get("key", "")}
        date = _DATE.search(text, s, held.start())
        if date:
            y, mo, d = date.group("y"), int(date.group("m")), date.group("d")
            args["date"] = f"{y}-{mo:02d}-{int(d):02d}" if d else f"{y}-{mo:02d}"
        place = next((p for p in ctx.of_label("Place")
                      if held.start("place") <= p.start < held.end("place")), None)
        if place:
            args["place"] = place.text
            args["code"] = place.attrs.get("code", "")
        if "date" in args or "place" in args:
            ctx.facts.append(NFact("event", args, event.start, held.end(), "held"))
