"""The body of a post written without one: 医生路生梅就在陕西佳县人民医院 (where the
person works), 某公司党委书记甲、经理乙 (the body shared across 、), and 校长某某 a
sentence after the school was named in its paragraph (a title that implies its kind of body, from
``title_bodies.tsv``)."""

from __future__ import annotations

import re

from .context import Ctx, NFact
from .titles import base_title


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
    work_places(ctx)
    bare = [f for f in ctx.facts if f.kind == "role" and not f.args["org"]
            and f.rule == "title-before-name"]
    shared_bodies(ctx, bare)
    implied_bodies(ctx, bare)
    ctx.facts = [f for f in ctx.facts if not (  # 维吾尔族警官某某, 哈萨克族牧民某某:
        f.rule == "title-ethnic" and not f.args["org"])]  # who one is, not a post
