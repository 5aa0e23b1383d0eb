"""People found again: every other mention of a name already found, the short forms a text
uses for them (钱教授, 阿依古丽 for 阿依古丽·吐尔逊), and the clean-ups that follow (a name cut
too long, a place word inside a given name)."""

from __future__ import annotations

import re

from .context import Ctx, NMention, occurrences, rx
from .name_spans import _left_ok, name_after
from .names import valid_name
from .persons import _add


def propagate(ctx: Ctx) -> None:
    """Every other mention of a name already found in this document."""
    text = ctx.text
    names = sorted({m.text for m in ctx.of_label("Person")}, key=lambda s: (-len(s), s))
    for name in names:
        for s, e in occurrences(text, name):
            if ctx.covering(s, "Person") or ctx.covering(e - 1, "Person"):
                continue
            if len(name) == 2 and not ctx.aligned(s, e) and not _left_ok(ctx, s):
                continue
            if s in ctx.tok_starts or _left_ok(ctx, s):
                _add(ctx, (s, e), "repeat")


def joined_persons(ctx: Ctx) -> None:
    """党的二十大代表马某某和令狐某某来到…: a name joined by 和/与 to one found after a title or
    a descriptor is a name too."""
    text = ctx.text
    for m in sorted(ctx.of_label("Person"), key=lambda m: m.start):
        if m.source not in ("title", "descriptor") or text[m.end : m.end + 1] not in ("和", "与"):
            continue
        span = name_after(ctx, m.end + 1, strong=False)
        if span and not ctx.covering(span[0], "Person") and (
                span[1] in ctx.tok_starts or not text[span[1] : span[1] + 1].strip()
                or text[span[1]] in "，。、；：") and valid_name(ctx, text[span[0] : span[1]]) and (
                span[1] - span[0] >= 3) and not (  # not 和牛群一起
                {text[span[0] : span[1]], text[span[0] + 1 : span[1]]} & ctx.lex.common_words):
            _add(ctx, span, m.source)


_COUNTERS = set("一二两三四五六七八九十几每这那")  # 一张代表证: a numeral and a measure word


def surname_aliases(ctx: Ctx) -> None:
    """钱教授 for 钱素云: a surname and a form of address, when one person has that surname."""
    people = {m.text for m in ctx.of_label("Person") if "·" not in m.text}
    for word in ctx.lex.person_cues.get("after_name", []):
        for m in rx(r"([\u4e00-\u9fff]{1,2})" + re.escape(word)).finditer(ctx.text):
            for k in (2, 1):  # 端木|代表, 问向|代表 → 向
                surname, start = m.group(1)[-k:], m.end(1) - k
                same = {p for p in people if p.startswith(surname) and len(p) > len(surname)}
                if len(surname) == k and ctx.lex.is_surname_start(surname) == k and len(
                        same) == 1 and ctx.text[start - 1 : start] not in _COUNTERS:
                    if not ctx.covering(start, "Person"):
                        ctx.add(NMention(start, m.end(), "Person", ctx.text[start : m.end()],
                                         "alias", {"alias_of": same.pop()}))
                    break


def dotted_aliases(ctx: Ctx) -> None:
    """阿依古丽 for 阿依古丽·吐尔逊: the first part of the one dotted name that starts so;
    the name written without its dot, or its last part alone (阿呷 for 沙马·阿呷), is the
    same name."""
    dotted = {m.text for m in ctx.of_label("Person") if "·" in m.text}
    undotted = {d.replace("·", ""): d for d in dotted}
    lasts = [d.split("·")[-1] for d in dotted]
    firsts = {d.split("·")[0] for d in dotted}
    undotted.update({last: d for last, d in zip(lasts, dotted, strict=True)  # 阿呷书记
                     if lasts.count(last) == 1 and last not in firsts and len(last) >= 2})
    for m in ctx.of_label("Person"):
        full = {d for d in dotted if d.split("·")[0] == m.text}
        if m.text in undotted:  # 沙马阿呷 in a caption for 沙马·阿呷
            full = {undotted[m.text]}
        if "·" not in m.text and len(full) == 1:
            m.attrs["alias_of"] = full.pop()
    for first in {d.split("·")[0]: d for d in dotted if len(d.split("·")[0]) >= 2}.items():
        name, full = first
        if sum(1 for d in dotted if d.startswith(name + "·")) != 1:
            continue
        for hit in rx(re.escape(name) + r"(?!·)").finditer(ctx.text):
            if not ctx.covering(hit.start(), "Person") and _left_ok(ctx, hit.start()):
                ctx.add(NMention(hit.start(), hit.end(), "Person", name, "alias",
                                 {"alias_of": full}))
    for last, full in sorted(undotted.items()):  # 阿芝理事长 for 曲比·阿芝: the last part
        if "·" in full and full.endswith("·" + last):  # and a title or form of address
            for hit in rx(re.escape(last)).finditer(ctx.text):
                end = hit.end()
                if ctx.text[hit.start() - 1 : hit.start()] != "·" and not ctx.covering(
                        hit.start(), "Person") and _left_ok(ctx, hit.start()) and (
                        ctx.lex.titles.find_at(ctx.text, end) or ctx.text.startswith(tuple(
                            ctx.lex.person_cues.get("after_name", [])), end)):
                    ctx.add(NMention(hit.start(), end, "Person", last, "alias",
                                     {"alias_of": full}))
    people = {m.text for m in ctx.of_label("Person")}
    address = "|".join(map(re.escape, ctx.lex.person_cues.get("after_name", [])))
    for d in sorted(dotted):  # 巴老师 for 巴合提古丽·叶尔波拉提, the one name starting so
        if address and sum(1 for p in people if p.startswith(d[0])) == 1:
            for hit in rx(re.escape(d[0]) + f"(?:{address})").finditer(ctx.text):
                if not ctx.covering(hit.start(), "Person") and _left_ok(ctx, hit.start()):
                    ctx.add(NMention(hit.start(), hit.end(), "Person", hit.group(), "alias",
                                     {"alias_of": d}))


def shorter_names(ctx: Ctx) -> None:
    """赵晶单手持 → 赵晶: a 3-character name whose 2-character head is a name here,
    when its last character starts a common word."""
    people = {m.text for m in ctx.of_label("Person")}
    for m in list(ctx.of_label("Person")):
        head = m.text[:2]
        counts = {n: sum(1 for x in ctx.of_label("Person") if x.text == n) for n in (m.text, head)}
        if len(m.text) == 3 and head in people and m.source != "byline" and (
                counts[m.text] == 1 and counts[head] >= 1):
            ctx.mentions.remove(m)
            ctx.add(NMention(m.start, m.start + 2, "Person", head, m.source))


def places_in_names(ctx: Ctx) -> None:
    """司马永康, 盘金凤: a place word that is a person's given name is no place there."""
    people = [(m.start, m.end) for m in ctx.mentions
              if m.label == "Person" and m.source != "byline" and "·" not in m.text]
    if not people:
        return
    ctx.mentions = [m for m in ctx.mentions if not (
        m.label == "Place" and m.source == "gazetteer"
        and any(s < m.start and m.end <= e for s, e in people))]
