"""Regions: the most specific place the text ties a person to.

The place in a person's organisation (…县…村党支部书记 → that village), 来自某地的某某,
a résumé's 某地人, a place just before the name, the village of a 村民, and the
dateline's place for a reporter. Each place comes with the places written right
before it (its chain), which resolution turns into a hierarchy.
"""

from __future__ import annotations

import re

from .context import Ctx, NFact, NMention, is_cjk, most_named
from .fiches import fiche_origins
from .places import LEVEL_RANK
from .titles import base_title


def _places_in(ctx: Ctx, s: int, e: int) -> list[NMention]:
    """Places a person can be of: not a landmark (人民大会堂 is where, not whence)."""
    return [m for m in ctx.of_label("Place") if s <= m.start and m.end <= e and not (
        m.source == "lexicon" and m.attrs.get("level") == "other")]


def _most_specific(places: list[NMention]) -> NMention | None:
    if not places:
        return None
    return max(places, key=lambda m: (LEVEL_RANK.get(m.attrs.get("level", "other"), 6) % 6,
                                      m.start))


def find_regions(ctx: Ctx) -> None:
    """The most specific place in a person's organisation, or just before them."""
    text = ctx.text
    done: set[str] = set()
    for m in re.finditer(r"来自([^，。、；的]{2,14})的", text):  # 来自德阳的…周明代表
        place = _most_specific(_places_in(ctx, m.start(1), m.end(1)))
        nxt = min((q for q in ctx.of_label("Person") if q.start >= m.end()),
                  key=lambda q: q.start, default=None)
        if place and nxt and nxt.start - m.end() <= 40 and nxt.text not in done and not re.search(
                r"[。，；]", text[m.end() : nxt.start]):
            _region(ctx, nxt.text, place, m.start(), nxt.end, "from-place")
            done.add(nxt.text)
    for p in ctx.of_label("Person"):  # 孙某某来自周口市郸城县，…
        if p.text not in done and text.startswith("来自", p.end):
            place = _most_specific(_places_in(ctx, p.end + 2, ctx.clause_of(p.end + 2)[1]))
            if place:
                _region(ctx, p.text, place, p.start, place.end, "from-place")
                done.add(p.text)
    _native_places(ctx, done)
    fiche_origins(ctx, done)
    for f in ctx.facts:
        if f.kind != "role" or not f.args.get("org") or f.rule == "byline":
            continue  # 吉林日报记者 某某: the paper's province is not the reporter's
        org = f.args["org"]
        s_start, s_end = ctx.sentence_of(f.start)
        i = text.find(org, min(f.start, s_start), max(s_end, f.end))
        if i < 0:
            i = text.rfind(org, 0, s_start)  # an organisation named earlier (村党支部)
        place = _most_specific(_places_in(ctx, i, i + len(org))) if i >= 0 else None
        if not place and i >= 0 and 3 <= len(org) <= 8 and org.endswith(("村", "嘎查")) and (
                not ctx.covering(i, "Organization")) and all(is_cjk(c) for c in org):
            place = ctx.add(NMention(i, i + len(org), "Place", org, "village",
                                     {"level": "village", "canonical": org}))  # 喀拉苏村|书记
        if place and place.attrs.get("level") == "country":
            continue  # 中国石油…公司: a company's name, not where the person is
        if place:
            _region(ctx, f.args["person"], place, f.start, f.end, "organisation-place")
            done.add(f.args["person"])
    from .tables import place_row_regions

    place_row_regions(ctx, done)  # 内蒙古　某某　某苏木牧民: the row's place
    for p in sorted(ctx.of_label("Person"), key=lambda m: m.start):
        if p.text in done or p.source == "byline":
            continue
        s, _ = ctx.sentence_of(p.start)
        window = max(s, p.start - 30)
        between = [m for m in ctx.of_label("Person") if window <= m.start < p.start]
        place = _most_specific(_places_in(ctx, window, p.start))
        if place and not between and LEVEL_RANK.get(place.attrs.get("level", ""), 9) >= 3:
            _region(ctx, p.text, place, place.start, p.end, "place-before-person")
            done.add(p.text)
    _villagers(ctx, done)
    _local_officials(ctx, done)
    for p in ctx.of_label("Person"):
        if p.source == "byline" and p.text not in done:
            line_start = text.rfind("\n", 0, p.start) + 1
            dl = next((m for m in ctx.of_label("Place")
                       if m.source == "dateline" and line_start <= m.start < p.start), None)
            if dl:
                _region(ctx, p.text, dl, dl.start, p.end, "dateline")
                done.add(p.text)


_LOCAL = {"市": ("prefecture", "county"), "县": ("county",), "区": ("county",),
          "州": ("prefecture",), "旗": ("county",), "盟": ("prefecture",)}


_LOCAL_POST = re.compile(r"[市县区州旗盟](?:委|长|政府|人大|政协|纪委|监委"
                         r"|[\u4e00-\u9fff]{1,6}?(?:局|委员会|办公室))")  # 市教育局, not 区域经理


def _local_officials(ctx: Ctx, done: set[str]) -> None:
    """市委常委、宣传部部长某某, 县长某某: an official of the city (county) the page is about,
    the one of that level it names most often."""
    homes: dict[str, NMention | None] = {}  # one look at the places per level word
    for f in [f for f in ctx.facts if f.kind == "role" and f.rule != "byline"]:
        person = f.args["person"]
        post = base_title(f.args.get("org") or f.args["title"])
        levels = _LOCAL.get(post[:1])
        if person in done or not levels or not _LOCAL_POST.match(post):
            continue  # 区域经理 is no district's official
        if post[0] not in homes:
            homes[post[0]] = _home_place(ctx, post[0], levels)
        home = homes[post[0]]
        if home:
            _region(ctx, person, home, f.start, f.end, "local-official")
            done.add(person)


def _home_place(ctx: Ctx, word: str, levels: tuple[str, ...]) -> NMention | None:
    return most_named([m for m in ctx.of_label("Place") if m.text.endswith(word)
                       and m.attrs.get("level") in levels])


_NATIVE = re.compile(r"[，,]([^，,。；]{2,12})人(?=[，,。；])"
                     r"|[，,]\d{4}年(?:\d{1,2}月)?(?:出生|生)于([^，,。；]{2,20})(?=[，,。；])")


def _native_places(ctx: Ctx, done: set[str]) -> None:
    """A résumé's opening sentence (某某，女，苗族，1978年生，湖北来凤人，…; …，1988年出生于
    某州某县，…): the place one comes from is one's region, unless the text ties one to a
    place more closely."""
    text = ctx.text
    for p in ctx.of_label("Person"):
        if p.text in done or not re.match(r"[，,][男女][，,]", text[p.end : p.end + 3]):
            continue
        m = _NATIVE.search(text, p.end, ctx.sentence_of(p.start)[1])  # …人, …年出生于…
        place = _most_specific(_places_in(ctx, *m.span(m.lastindex or 1))) if m else None
        if place:
            _region(ctx, p.text, place, p.start, m.end(), "native-place")
            done.add(p.text)


_VILLAGER = re.compile(r"(?:村(?:民|医|[^，。、\n]{0,6}(?:主任|书记|会计))|牧民)\Z")


def _villagers(ctx: Ctx, done: set[str]) -> None:
    """村民阿依努尔, 牧民某某, 村妇女主任某某: a person of the village the text is about."""
    text = ctx.text
    for p in ctx.of_label("Person"):
        glued = text.endswith("村村民代表", 0, p.start)  # 某村村民代表某某: that village's
        if p.text in done or not (glued or _VILLAGER.search(text[max(0, p.start - 8) : p.start])):
            continue
        villages = [m for m in ctx.of_label("Place") if m.end <= p.start and m.text.endswith("村")]
        if glued:
            villages = [m for m in villages if m.end == p.start - 4]
        if villages:
            _region(ctx, p.text, villages[-1], p.start, p.end, "village-before")
            done.add(p.text)


def _region(ctx: Ctx, person: str, place: NMention, start: int, end: int, rule: str) -> None:
    args = {"person": person, "place": place.text, "code": place.attrs.get("code", ""),
            "chain": _chain_text(ctx, place)}
    ctx.facts.append(NFact("region", args, min(start, place.start), max(end, place.end), rule))


def _chain_text(ctx: Ctx, place: NMention) -> str:
    """The places written right before this one (西藏山南市隆子县 for 玉麦乡), '|'-joined."""
    chain = [place]
    cur = place
    while True:
        prev = next((m for m in ctx.of_label("Place") if m.end == cur.start), None)
        if not prev and "first_at" in cur.attrs:  # 宁秀乡 alone: as written the first time
            first = int(cur.attrs["first_at"])
            cur = next((m for m in ctx.of_label("Place") if m.start == first), cur)
            prev = next((m for m in ctx.of_label("Place") if m.end == cur.start), None)
        if not prev:
            break
        chain.insert(0, prev)
        cur = prev
    return "|".join(f"{m.text}#{m.attrs.get('code', '')}" for m in chain)
