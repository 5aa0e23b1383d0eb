"""Places: gazetteer look-up, chains of divisions, villages after their township.

Administrative divisions come from the gazetteer (codes nest by prefix, so
"河南鄢陵县张桥镇" picks the 张桥镇 under 鄢陵县 among the three in China).
Villages, communities and townships missing from the gazetteer are read as
the words ending in 村/社区/乡/镇… right after a known place. Short names
(衡阳 for 衡阳市) must line up with the word segmentation, so that 安顺 is not
found inside 平安顺利.
"""

from __future__ import annotations

import re

from ..lexicon import Division
from .context import Ctx, NMention, is_cjk, occurrences

LEVEL_RANK = {"country": 0, "province": 1, "prefecture": 2, "county": 3, "township": 4,
              "village": 5, "other": 6}
_SUB = re.compile(r"([\u4e00-\u9fff]{2,6}?)(村委会|居委会|社区|街道|嘎查|苏木|村|乡|镇)")
_SUB_LEVEL = {"乡": "township", "镇": "township", "街道": "township", "苏木": "township",
              "村": "village", "社区": "village", "嘎查": "village", "居委会": "village",
              "村委会": "village"}
_DATELINE = re.compile(
    r"(新华社|本报|中新社|人民网|新华网|央视网|光明网|中国新闻网|中新网|本台"
    r"|[\u4e00-\u9fff]{2,6}?(?:日报|晚报|早报|报|电视台|融媒体中心|新闻网))\s*"
    r"([\u4e00-\u9fff]{2,6}?)\s*(\d{1,2}月\d{1,2}日)\s*(电|讯)")
# an outlet's lead with no place (the dateline above needs one), with or without a date:
# 某某新闻网讯（记者 某某）, 某某网10月13日讯（ — not a reprint's 据某某网讯
_LEAD = re.compile(
    r"^[ \t\u3000]*(?!据|来源|转自|转载)"
    r"([\u4e00-\u9fff]{2,8}?(?:日报|晚报|早报|报|电视台|融媒体中心|新闻网|网))"
    r"(?:\d{1,2}月\d{1,2}日)?(?:电|讯)[ \t\u3000]*[（(]", re.M)
_AREA = re.compile(r"(赛区|景区|园区|开发区|高新区|自贸区|新区|片区)")
_BAD_IN_NAME = set("的了在是和与及对把被从向为这那其各该每个们说等")


def _pick(cands: list[Division], context: list[str]) -> Division | None:
    """Choose among same-name divisions by the codes of places just before."""
    for code in reversed(context):
        inside = [d for d in cands if d.code.startswith(code) and d.code != code]
        if len(inside) == 1:
            return inside[0]
    if len(cands) == 1:
        return cands[0]
    top = min(LEVEL_RANK.get(d.level, 9) for d in cands)
    best = [d for d in cands if LEVEL_RANK.get(d.level, 9) == top]
    return best[0] if len(best) == 1 else None


def _accept(ctx: Ctx, start: int, end: int, short: bool, prev_end: int) -> bool:
    chained = start == prev_end
    if short:
        end_ok = end in ctx.tok_ends or ctx.text[end : end + 1] in ("", "市", "县", "区", "省") or (
            chained and ctx.text[end : end + 1] == "人")  # 湖北|宣恩人: where one comes from
        return (start in ctx.tok_starts or chained) and (end_ok or _followed_by_place(ctx, end))
    return start in ctx.tok_starts or chained or not is_cjk(ctx.text[start - 1 : start] or " ")


def _followed_by_place(ctx: Ctx, end: int) -> bool:
    return bool(ctx.lex.place_index.find_at(ctx.text, end)) if end < len(ctx.text) else False


def gazetteer_places(ctx: Ctx) -> None:
    """Divisions, countries and landmarks found by name."""
    lex, text = ctx.lex, ctx.text
    context: list[str] = []
    prev_end = -1
    for start, end, name in lex.place_index.longest(text):
        divs = lex.gazetteer.by_name.get(name, [])
        if start != prev_end and (prev_end < 0 or _breaks(text, prev_end, start)):
            context = []
        if divs:
            short = all(d.name != name for d in divs)
            if not _accept(ctx, start, end, short, prev_end):
                continue
            div = _pick([d for d in divs if (d.short == name) == short] or divs, context)
            attrs = {"level": div.level if div else _level_of(name), "canonical": name}
            if div:
                attrs.update(code=div.code, canonical=div.name)
                context.append(div.code)
            ctx.add(NMention(start, end, "Place", name, "gazetteer", attrs))
        elif name in lex.countries or name in lex.landmarks:
            if start not in ctx.tok_starts or end not in ctx.tok_ends:
                continue
            level = "country" if name in lex.countries else "other"
            canonical = lex.countries.get(name) or lex.landmarks.get(name, name)
            ctx.add(NMention(start, end, "Place", name, "lexicon",
                             {"level": level, "canonical": canonical}))
        else:
            continue
        prev_end = end


def _breaks(text: str, a: int, b: int) -> bool:
    return any(ch in "，。；！？\n、" for ch in text[a:b]) or b - a > 12


def _level_of(name: str) -> str:
    for suffix, level in (("省", "province"), ("自治区", "province"), ("州", "prefecture"),
                          ("县", "county"), ("区", "county"), ("旗", "county")):
        if name.endswith(suffix):
            return level
    for suffix, level in _SUB_LEVEL.items():
        if name.endswith(suffix):
            return level
    return "other"


def sub_places(ctx: Ctx) -> None:
    """Townships and villages written right after a known place: 淤泥乡岩博联村."""
    text = ctx.text
    queue = sorted(ctx.of_label("Place"), key=lambda m: m.start)
    while queue:
        parent = queue.pop(0)
        if LEVEL_RANK.get(parent.attrs.get("level", "other"), 9) not in (2, 3, 4):
            continue
        m = _SUB.match(text, parent.end)
        if not m or set(m.group(1)) & _BAD_IN_NAME or ctx.covering(parent.end, "Place"):
            continue
        if any(len(n) >= 3 and n[-1] in "省市县区乡镇" for i in range(m.start(), m.end(1))
               for n in ctx.lex.place_index.find_at(text, i)):
            continue  # a known division starts inside: not one name
        name = m.group(0)
        child = NMention(m.start(), m.end(), "Place", name, "chain",
                         {"level": _SUB_LEVEL[m.group(2)], "canonical": name,
                          "parent": parent.attrs.get("code") or parent.text,
                          "parent_text": parent.text})
        ctx.add(child)
        queue.insert(0, child)


def repeated_places(ctx: Ctx) -> None:
    """A township or village found after its county (泽库县宁秀乡) is that place where the
    text names it alone too (宁秀乡卫生院院长某某): its name is known from then on."""
    text, found = ctx.text, {}
    for m in ctx.of_label("Place"):
        if m.source == "chain" and len(m.text) >= 3:
            found.setdefault(m.text, m)
    for name, first in found.items():
        for at, _ in occurrences(text, name):
            if not ctx.covering(at, "Place") and not ctx.covering(at + len(name) - 1, "Place") and (
                    at in ctx.tok_starts or not is_cjk(text[at - 1 : at] or " ")
                    or text[at - 1] in "在的是和与及到"):
                ctx.add(NMention(at, at + len(name), "Place", name, "chain",
                                 {**first.attrs, "first_at": str(first.start)}))


def dateline_places(ctx: Ctx) -> None:
    """新华社北京9月26日电 / 本报拉萨9月28日讯: the place between agency and date."""
    for m in _DATELINE.finditer(ctx.text):
        s, e = m.span(2)
        if not ctx.covering(s, "Place"):
            name = m.group(2)
            divs = ctx.lex.gazetteer.by_name.get(name, [])
            attrs = {"level": divs[0].level if len(divs) == 1 else "other", "canonical": name}
            if len(divs) == 1:
                attrs.update(code=divs[0].code, canonical=divs[0].name)
            ctx.add(NMention(s, e, "Place", name, "dateline", attrs))
        ctx.doc_meta.setdefault("agency", m.group(1))
        ctx.doc_meta.setdefault("dateline_place", m.group(2))
    lead = _LEAD.search(ctx.text)
    if lead:
        ctx.doc_meta.setdefault("agency", lead.group(1))


def area_places(ctx: Ctx) -> None:
    """A place name followed by 赛区/景区/开发区…: 崇礼赛区 (which replaces a bare 崇礼)."""
    for p in list(ctx.of_label("Place")):
        m = _AREA.match(ctx.text, p.end)
        if m and p.attrs.get("level") in ("county", "prefecture", "township", "other"):
            if p.attrs.get("canonical") != p.text:
                ctx.mentions.remove(p)
            ctx.add(NMention(p.start, m.end(), "Place", ctx.text[p.start : m.end()], "area",
                             {"level": "other", "canonical": ctx.text[p.start : m.end()],
                              "parent": p.attrs.get("code") or p.text}))


def find_places(ctx: Ctx) -> None:
    gazetteer_places(ctx)
    dateline_places(ctx)
    sub_places(ctx)
    repeated_places(ctx)
    area_places(ctx)
