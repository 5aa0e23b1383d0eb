"""Units of the armed forces, whose numbers the papers withhold: 陆军第76集团军某旅,
南部战区海军某驱逐舰支队某舰, 新疆军区某边防团, 某旅某连 (words from ``military_units.txt``).

A command or service, then one or more units written with 某; or two such units in a row.
A unit word is not taken again where it starts a title (海军某舰|舰长).
"""

from __future__ import annotations

import re

from .context import Ctx, NMention

_NUMBER = "[0-9０-９一二三四五六七八九十百]+"


def _pattern(ctx: Ctx) -> re.Pattern[str]:
    found = ctx.lex.memo.get("military")
    if found is None:
        words = ctx.lex.military

        def alt(key: str) -> str:
            return "|".join(map(re.escape, sorted(words.get(key, []), key=lambda w: (-len(w), w))))

        ends = alt("command_endings")
        head = (rf"(?:{alt('commands')}|(?P<named>[\u4e00-\u9fff]{{2,3}}?)(?:{ends})"
                rf"|第{_NUMBER}(?:{ends}))")
        unit = (rf"某(?![些型种类个])[\u4e00-\u9fff]{{0,5}}?(?:{alt('units')})"
                rf"(?:(?:{alt('units')})(?!长))*")
        found = ctx.lex.memo["military"] = re.compile(
            rf"(?:{head})+(?:{unit})+|(?:{unit}){{2,}}") if words else re.compile("(?!)")
    return found


def military_orgs(ctx: Ctx) -> None:
    """Each unit as an organisation, where no person's name is inside it."""
    pattern, text = _pattern(ctx), ctx.text
    for m in pattern.finditer(text):
        s, e = m.span()
        while m and s not in ctx.tok_starts and s + 1 < e:  # 现任|新疆军区…: not 任新疆军区
            m = pattern.match(text, s + 1)
            s = s + 1 if m is None else m.start()
        named = m.span("named") if m and m.group("named") else None
        if named and not any(p.label == "Place" and p.start == named[0] and p.end == named[1]
                             for p in ctx.mentions):
            continue  # 新疆军区, not 该军区 or 所在的总队
        if m and not (ctx.covering(s, "Person") or ctx.covering(m.end() - 1, "Person")):
            ctx.add(NMention(s, m.end(), "Organization", m.group(), "military",
                             {"canonical": m.group()}))
