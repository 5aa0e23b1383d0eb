"""The body of a post written without one: 医生路生梅就在陕西佳县人民医院 (where the
person works), 某公司党委书记甲、经理乙 (the body shared across 、), and 校长某某 a
sentence after the school was named in its paragraph (a title that implies its kind of body, from
``title_bodies.tsv``)."""

from __future__ import annotations

import re

from .context import Ctx, NFact
from .role_fact import _outer_orgs
from .titles import base_title, title_ending_at

_WORKS_AT = re.compile(r"(?:在|到|回到|进入|来到|留在)$")
_BECAME = re.compile(r"(?:当|做|干)了?|成为了?|担任")
_COUNTED = re.compile(r"(?:一名|一位|一个)?")


def work_places(ctx: Ctx) -> None:
    """A title with no organisation: 医生路生梅就在陕西佳县人民医院 → that hospital."""
    for f in [f for f in ctx.facts if f.kind == "role" and not f.args["org"]
              and f.rule != "byline"]:  # 记者 某某 …在人民大会堂: where the reporter is
        s, e = ctx.sentence_of(f.start)
        for m in re.finditer(r"在", ctx.text[f.end : e]):
            at = f.end + m.end()
            org = next((o for o in ctx.of_label("Organization") if o.start == at), None)
            if org:
                f.args["org"] = org.text
                break
        if not f.args["org"]:  # 在菏泽市…中心小学，党的二十大代表、语文教师某某
            before = [o for o in ctx.of_label("Organization") if s <= o.start - 1
                      and ctx.text[o.start - 1] == "在" and ctx.text[o.end : o.end + 1] in "，,"
                      and o.end <= f.start and not ctx.text[o.end : f.start].count("。")]
            if before:
                f.args["org"] = max(before, key=lambda o: (o.start, o.end)).text
        if not f.args["org"] and f.rule == "title-before-name" and f.start > 0 and (
                ctx.text[f.start - 1] in "，,"):  # 在吉林长春，某公司某中心，高级技师某某正…:
            scene = [o for o in ctx.of_label("Organization") if o.end == f.start - 1 and (
                o.start == 0 or ctx.text[o.start - 1] in "，,。\n在" or ctx.covering(
                    o.start - 1, "Place"))]  # the place the scene is set in, a clause of its own
            if scene:
                f.args["org"] = max(scene, key=lambda o: o.end - o.start).text


def joined_as(ctx: Ctx) -> None:
    """某某…回到泽库县藏医院当了一名医生: a post taken at a body, said of the one person the
    sentence names before it."""
    text = ctx.text
    for org in ctx.of_label("Organization"):
        verb = _BECAME.match(text, org.end)
        if not verb or not _WORKS_AT.search(text, max(0, org.start - 2), org.start):
            continue
        counted = _COUNTED.match(text, verb.end())
        s, e = ctx.sentence_of(org.start)
        clause_end = min([k for k in (text.find(c, counted.end(), e) for c in "，。；、")
                          if k >= 0] or [e])
        t = title_ending_at(ctx, clause_end)
        people = {m.attrs.get("alias_of", m.text): m for m in ctx.of_label("Person")
                  if s <= m.start and m.end <= org.start}
        if t and t[0] == counted.end() and len(people) == 1:
            person = next(iter(people.values()))
            ctx.facts.append(NFact("role", {"person": person.attrs.get("alias_of", person.text),
                                            "title": text[t[0] : t[1]], "org": org.text},
                                   person.start, t[1], "joined-as"))


def shared_bodies(ctx: Ctx, bare: list[NFact]) -> None:
    """某分公司党委书记甲、经理乙: 乙's post is at 甲's body."""
    text = ctx.text
    for f in bare:
        p = next((m for m in ctx.of_label("Person") if m.end == f.start - 1), None)
        if not f.args["org"] and p is not None and text[f.start - 1] == "、":
            prev = [g for g in ctx.facts if g.kind == "role" and g.args["org"]
                    and g.args["person"] == p.attrs.get("alias_of", p.text) and g.end == p.end]
            if prev:
                f.args["org"] = prev[-1].args["org"]


def carried_bodies(ctx: Ctx, bare: list[NFact]) -> None:
    """集团党委副书记甲…。党委副书记乙: 乙's post is at the body of the last post in the
    paragraph that opens with the same party body (``[carried_bodies]``); the posts written
    with it (党委常委、总会计师乙) share it."""
    text = ctx.text
    words = ctx.lex.person_cues.get("carried_bodies", [])
    for f in bare:
        word = next((w for w in words if f.args["title"].startswith(w)), "")
        if not word or f.args["org"]:
            continue
        para = text.rfind("\n", 0, f.start) + 1
        before = [g for g in ctx.facts if g.kind == "role" and g.args["org"]
                  and para <= g.start < f.start and g.args["person"] != f.args["person"]
                  and word in g.args["title"]]
        if before:
            org = max(before, key=lambda g: g.start).args["org"]
            for g in bare:  # the other posts of the same chain
                if g.start == f.start and g.end == f.end and not g.args["org"]:
                    g.args["org"] = org


def implied_bodies(ctx: Ctx, bare: list[NFact]) -> None:
    """校长某某 after …走进某某中学: a title whose kind of body (校长: a school) the text
    named last in the same paragraph, or for some titles in one of the paragraphs before
    (旅长某某 a paragraph or two after the brigade's: ``title_bodies.tsv``'s third column)."""
    text = ctx.text
    for f in bare:
        title = base_title(f.args["title"])
        endings, reach = ctx.lex.title_bodies.get(title, ((), 1))
        if not endings or f.args["org"]:
            continue
        for window in _paragraph_starts(text, f.start, reach):
            named = [o for o in ctx.of_label("Organization") if window <= o.start
                     and o.end <= f.start and o.text.endswith(endings)]
            if named:
                f.args["org"] = max(named, key=lambda o: (o.end, o.end - o.start)).text
                break
        if f.args["org"] or reach == 1:
            continue
        only = {o.text for o in _outer_orgs(ctx)  # 厂长某某, pages after the one factory
                if o.end <= f.start and o.text.endswith(endings)}  # named (a title whose
        if len(only) == 1:  # body may be named paragraphs before)
            f.args["org"] = only.pop()


def _paragraph_starts(text: str, at: int, n: int) -> list[int]:
    """Where the paragraph of ``at`` starts, then the n - 1 non-blank paragraphs before it."""
    starts = [text.rfind("\n", 0, at) + 1]
    while len(starts) < n and starts[-1] > 0:
        end = starts[-1] - 1
        while end > 0 and text[end - 1] == "\n":
            end -= 1  # blank lines between paragraphs
        starts.append(text.rfind("\n", 0, end) + 1)
    return starts


def bodies_of_bare_titles(ctx: Ctx) -> None:
    joined_as(ctx)
    work_places(ctx)
    bare = [f for f in ctx.facts if f.kind == "role" and not f.args["org"]
            and f.rule == "title-before-name"]
    shared_bodies(ctx, bare)
    carried_bodies(ctx, bare)
    implied_bodies(ctx, bare)
    ctx.facts = [f for f in ctx.facts if not (  # 维吾尔族警官某某, 哈萨克族牧民某某:
        f.rule == "title-ethnic" and not f.args["org"])]  # who one is, not a post
