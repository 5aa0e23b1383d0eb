"""Honours: awards and honorary titles a person received.

Read after a trigger (荣获, 曾获, 被评为…) as a 、- or quote-separated list,
or found by name (全国劳动模范, 湖南省五一劳动奖章: a region or 全国 before a
base from ``honour_bases.txt``). Quote marks are removed; sports results and
nominations (``# exclude`` in honour_triggers.txt) are not honours.
"""

from __future__ import annotations

import re

from .context import Ctx, NFact, NMention, he_or_she, previous_person, rx

_QUOTES = "“”‘’\"'「」『』《》"
_SINGLE_AS_DOUBLE = str.maketrans("‘’", "“”")
_TAIL = re.compile(r"(等)?(诸多|多项|多个|一系列)?(荣誉称号|荣誉|称号|奖项)$")
_ITEM_END = re.compile(r"[，。；！？\n]")


def clean_honour(s: str) -> str:
    s = "".join(ch for ch in s if ch not in _QUOTES).strip(" 、，…")
    s = re.sub(r"[\d一二两三四五六七八九十]+次$", "", s)  # 荣立一等功1次
    s = _TAIL.sub("", s).strip(" 、，等")
    return s


_DATED = re.compile(r"(?:[^，。；“”]{2,10}[：:])?"
                    r"(?:\d{4}年(?:\d{1,2}月)?(?:被|获|荣获|荣立|当选|入选)[^，。；“”]{0,30}[，；])*"
                    r"\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:被[^，。；“”]{1,8})?")
# 2018年被评为…，2020年荣获…: a résumé's dated clauses, no subject of their own


_THING = re.compile(r"(?:成果|项目|团队|集体|单位|企业|公司|集团|学校|医院|工程|产品|技术|作品)"
                    r"(?:再次|又|也|均|都|先后|分别|荣)?$")


def _subject(ctx: Ctx, pos: int) -> NMention | None:
    s, _ = ctx.sentence_of(pos)
    people = [m for m in ctx.of_label("Person") if s <= m.start and m.end <= pos
              and m.source != "byline"]
    if people:
        last = max(people, key=lambda m: m.start)
        body = [o for o in ctx.of_label("Organization") if last.end < o.start and o.end <= pos
                and ctx.text[o.start - 1] in "，：“‘"]  # a clause's subject, not 被某党委授予
        if body and pos - body[-1].end <= 10 and not re.search(
                r"[，,]", ctx.text[body[-1].end : pos]):  # not 某某，某医院院长，曾获…
            return None  # 某某说：“特战一中队连续4年被评为…”: the unit's honour
        return last
    lead = ctx.text[s:pos]
    if len(lead) > 8 and not re.search(r"他|她|这位|其|该", lead) and not _DATED.fullmatch(lead):
        return None  # a sentence with a subject of its own that is not a person
    if _THING.search(lead) and not re.search(r"他|她|其", lead):
        return None  # 集团公司两项成果获…奖: the subject is no person
    nearest = previous_person(ctx, s, he_or_she(lead))
    if nearest is None:
        return None
    if s == 0 or ctx.text[s - 1] == "\n":  # 他先后获得… opening a paragraph: the person the
        main = _protagonist(ctx)  # story is about, not the last one quoted
        if main and main.attrs.get("alias_of", main.text) != nearest.attrs.get(
                "alias_of", nearest.text):
            return main
    return nearest


def _protagonist(ctx: Ctx) -> NMention | None:
    """The one delegate the text names, or the person named far more often than any other
    (three times or more): whom a profile is about."""
    delegates = {f.args["person"] for f in ctx.facts if f.kind == "delegate"}
    if len(delegates) == 1:
        name = delegates.pop()
        return next((m for m in ctx.of_label("Person")
                     if m.attrs.get("alias_of", m.text) == name), None)
    counts: dict[str, list[NMention]] = {}
    for m in ctx.of_label("Person"):
        if m.source != "byline":
            counts.setdefault(m.attrs.get("alias_of", m.text), []).append(m)
    ranked = sorted(counts.values(), key=lambda ms: (-len(ms), ms[0].start))
    if ranked and len(ranked[0]) >= 3 and (len(ranked) == 1 or len(ranked[0]) >= 2 * len(
            ranked[1])):
        return ranked[0][0]
    return None


def _excluded(ctx: Ctx, item: str) -> bool:
    return any(x in item for x in ctx.lex.honour_exclude)


def _honour_like(ctx: Ctx, item: str) -> bool:
    """An unquoted item must look like an honour: a known one, or a known ending."""
    if item in ctx.lex.honours:
        return True
    endings = ctx.lex.honour_bases + ctx.lex.honour_endings
    return any(item.endswith(b) for b in endings) and not re.search(r"\d", item)


def _add(ctx: Ctx, person: NMention, honour: str, s: int, e: int, rule: str) -> None:
    name = person.attrs.get("alias_of", person.text)
    ctx.facts.append(NFact("honour", {"person": name, "honour": honour}, s, e, rule))


_GIVER = re.compile(r"[^“”，。；、]{2,20}?(?:授予|颁发|评定|命名)的?(?=“)"
                    r"|第[\d一二三四五六七八九十]+届(?=“)")  # 获第24届“中国青年五四奖章”


def triggered_honours(ctx: Ctx) -> list[tuple[int, int]]:
    text, spans = ctx.text, []
    for trig in sorted(ctx.lex.honour_before, key=lambda s: (-len(s), s)):
        for m in rx(re.escape(trig)).finditer(text):
            if any(a <= m.start() < b for a, b in spans):
                continue
            end_m = _ITEM_END.search(text, m.end())
            end = end_m.start() if end_m else len(text)
            holder = next((q for q in ctx.of_label("Person")
                           if m.end() < q.start < end and text[q.start - 1] == "的"), None)
            if holder:  # 曾获全国三八红旗手称号的某某是…: the honours end before 的某某
                end = holder.start - 1
                end -= next((len(w) for w in ("荣誉称号", "称号", "荣誉")
                             if text.endswith(w, m.end(), end)), 0)
            chunk = text[m.end() : end]
            chunk = chunk[1:] if chunk[:1] in ("过", "了") else chunk  # 获得过全国…
            giver = _GIVER.match(chunk)  # 某总工会授予的“…”称号, 第24届“…”: not the honour
            chunk = chunk[giver.end() :] if giver else chunk
            if "‘" in chunk and "“" not in chunk:  # ‘…’‘…’: single quotes as the only quotes
                chunk = chunk.translate(_SINGLE_AS_DOUBLE)
            quoted = re.findall(r"“([^”]{2,30})”", chunk) if chunk.startswith("“") else []
            items = quoted
            if not items or "、" in re.sub(r"“[^”]*”", "", chunk):
                items = [x for x in re.split(r"、|”“", chunk)
                         if x.startswith("“") or _honour_like(ctx, clean_honour(x))]
            items = [part for item in items for part in _joined(ctx, item)]
            person = holder or _subject(ctx, m.start())
            if not person:
                continue
            for item in items:
                item = clean_honour(item)
                if 2 <= len(item) <= 30 and not _excluded(ctx, item):
                    _add(ctx, person, item, m.start(), end, "trigger")
            spans.append((m.start(), end))
    return spans


def _joined(ctx: Ctx, item: str) -> list[str]:
    """全国五一劳动奖章和“全国技术能手”称号: two honours joined by 和/及/以及, each one."""
    parts = re.split(r"以及|和|及", item)
    if len(parts) > 1 and all(_honour_like(ctx, clean_honour(x)) for x in parts):
        return parts
    return [item]


def named_honours(ctx: Ctx, skip: list[tuple[int, int]]) -> None:
    text = ctx.text
    bases = "|".join(re.escape(b) for b in sorted(ctx.lex.honour_bases, key=lambda s: (-len(s), s)))
    found: list[tuple[int, int]] = []
    if bases:
        for m in re.finditer(rf"(全国|[\u4e00-\u9fff]{{2,8}}?(?:省|市|自治区|县|区))?({bases})",
                             text):
            s = m.start()
            place = [p for p in ctx.of_label("Place") if p.end == m.start(2)]
            if place and m.group(1) != "全国":  # (是)云南省|劳动模范: from the place on
                s = min(p.start for p in place)
            elif not m.group(1):
                continue  # 优秀共产党员 alone is a description, not an honour
            elif m.group(1) and m.group(1) != "全国" and not ctx.covering(m.start(), "Place"):
                s = m.start(2)
            found.append((s, m.end()))
    for s, e, _ in ctx.lex.honour_index.longest(text):
        found.append((s, e))
    for s, e in sorted(set(found)):
        if any(a <= s < b for a, b in skip) or any(a < s and e <= b for a, b in found):
            continue
        honour = clean_honour(text[s:e])
        if _excluded(ctx, text[max(0, s - 4) : e + 2]):
            continue
        person = _honour_holder(ctx, s, e)
        if person:
            _add(ctx, person, honour, s, e, "named")


def _honour_holder(ctx: Ctx, s: int, e: int) -> NMention | None:
    """全国劳动模范张三 → 张三; 这位…全国技术能手 → the person before; or the one person
    in the sentence."""
    text = ctx.text
    nxt = [m for m in ctx.of_label("Person") if m.start == e or m.start == e + 1 and (
        text[e] in " \u3000”’\"")]  # not 是全国劳动模范；杨某某曾获…: the next clause's
    if nxt:
        return nxt[0]
    lead = re.search(r"[，,]?(?:也|还|曾)?(?:是|系)(?:一名|一位)?(?:[^，。；、]{2,30}、)*$",
                     text[max(0, s - 60) : s])  # 某某，是云南省劳动模范、全国五一巾帼标兵
    if lead:
        said = [m for m in ctx.of_label("Person") if m.end == s - len(lead.group())]
        if said:
            return said[0]
    ss, se = ctx.sentence_of(s)
    if re.search(r"这位|该", text[max(ss, s - 12) : s]):
        return previous_person(ctx, s)  # the one just named, not the story's protagonist
    people = {m.text for m in ctx.of_label("Person") if ss <= m.start < se}
    if len(people) == 1:
        return next(m for m in ctx.of_label("Person") if ss <= m.start < se)
    return None


def find_honours(ctx: Ctx) -> None:
    from .fiches import fiche_honours
    from .tables import place_row_honours

    named_honours(ctx, triggered_honours(ctx))
    fiche_honours(ctx)
    place_row_honours(ctx)
