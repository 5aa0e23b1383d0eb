"""Tables printed as text: a header line naming the columns (序号 姓名 性别 民族 工作单位及职务)
and one row per line, the cells separated by spaces or tabs. The 姓名 column names people;
a column of posts (职务) gives each their posts, split as posts written after a name are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .context import Ctx, NMention, line_spans
from .names import real_name, vouched_name

_CELL = re.compile(r"[^\s]+")
_POST_HEADER = re.compile(r"职务|职称|单位")


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in _CELL.finditer(text[start:end])]


def table_rows(ctx: Ctx) -> Iterator[tuple[int, tuple[int, int], tuple[int, int] | None]]:
    """(header start, name cell, posts cell or None) of each row of each table in the text."""
    text = ctx.text
    if "姓名" not in text:  # no header, no table: the common case costs one search
        return
    lines = list(line_spans(text))
    i = 0
    while i < len(lines):
        header = [text[a:b] for a, b in _cells(text, *lines[i])]
        if "姓名" not in header or len(header) < 3:
            i += 1
            continue
        name_col = header.index("姓名")
        post_col = next((k for k, h in enumerate(header) if _POST_HEADER.search(h)), None)
        j = i + 1
        while j < len(lines):
            cells = _cells(text, *lines[j])
            if len(cells) < name_col + 1 or len(cells) > len(header) + 1:
                break
            name = cells[name_col]
            if not vouched_name(ctx, text[name[0] : name[1]]):
                break
            posts = None
            if post_col is not None and len(cells) > post_col:
                posts = (cells[post_col][0], cells[-1][1])  # a post may hold a space
            yield lines[i][0], name, posts
            j += 1
        i = j


def table_persons(ctx: Ctx) -> None:
    for _, (s, e), _ in table_rows(ctx):
        ctx.add(NMention(s, e, "Person", ctx.text[s:e], "table"))
    post_line_persons(ctx)
    for _, _, (s, e), _ in place_rows(ctx):
        if not ctx.covering(s, "Person"):
            ctx.add(NMention(s, e, "Person", ctx.text[s:e], "table"))


def table_roles(ctx: Ctx) -> None:
    from .roles import _posts  # posts are split as posts after a name are

    for _, (s, e), posts in table_rows(ctx):
        person = ctx.mention_at(s, e, "Person")
        if person and posts:
            _posts(ctx, person, posts[0], posts[1], "table")
    post_line_roles(ctx)
    for _, _, (s, e), posts in place_rows(ctx):
        person = ctx.mention_at(s, e, "Person")
        if person:
            _posts(ctx, person, posts[0], posts[1], "table")


# 北京　郑某某　某区某街道某社区党委书记、居委会主任: a place, a name (a note), posts
_PLACE_ROW = re.compile(r"[ \t　]*([\u4e00-\u9fff]{2,8})[ \t　]+([\u4e00-\u9fff·]{2,12})"
                        r"(?:[（(][^（）()\n]{1,8}[）)])?[ \t　]+(\S[^\n]*?)[ \t　]*$")


def place_rows(ctx: Ctx) -> list[tuple[str, tuple[int, int], tuple[int, int], tuple[int, int]]]:
    """Rows of a list printed without a header (a list of honourees by province): the
    heading above the rows (an honour, or ""), the place cell, the name cell, the posts cell.
    Two rows at least, each a known place, a name and posts ending with a title."""
    text, rows, heading = ctx.text, [], ""
    by_name = ctx.lex.gazetteer.by_name
    for a, b in line_spans(text):
        m = _PLACE_ROW.fullmatch(text, a, b)
        if not m:
            line = text[a:b].strip()
            heading = line if line and len(line) <= 20 and " " not in line else (
                heading if not line else "")
            continue
        place, name, posts = m.span(1), m.span(2), m.span(3)
        if text[place[0] : place[1]] in by_name and vouched_name(ctx, text[name[0] : name[1]]) and (
                ctx.lex.titles.ending_at(text, posts[1], max_len=10)):
            rows.append((heading, place, name, posts))
    return rows if len(rows) >= 2 else []


def place_row_regions(ctx: Ctx, done: set[str]) -> None:
    """The row's place for a person whose posts name no place."""
    from .regions import _region

    for _, place, (s, e), _ in place_rows(ctx):
        where = ctx.mention_at(*place, "Place")
        if where and ctx.text[s:e] not in done:
            _region(ctx, ctx.text[s:e], where, place[0], e, "table")
            done.add(ctx.text[s:e])


def place_row_honours(ctx: Ctx) -> None:
    """The honour the rows are listed under."""
    from .honours import _add, _honour_like

    for heading, _, (s, e), _ in place_rows(ctx):
        person = ctx.mention_at(s, e, "Person")
        if person and heading and _honour_like(ctx, heading):
            _add(ctx, person, heading, s, e, "table")


_POST_LINE = re.compile(r"[ \t　]*([\u4e00-\u9fff][\u4e00-\u9fff 　]{0,8}?)[ \t　]*[：:][ \t　]*")
_SECTION = re.compile(r"\s*[一二三四五六七八九十\d]{1,3}[、．.]")
_LINE_NAME = re.compile(r"([\u4e00-\u9fff·]{2,12})(?:[（(][^（）()\n]{1,16}[）)])?(?:[ \t　、]+|$)")


def post_lines(ctx: Ctx) -> Iterator[tuple[int, int, str, list[tuple[int, int]]]]:
    """Lines ``KEY：甲　乙　丙`` whose value is only names (a note may follow one): the line's
    span, its key (unpadded: 书　记 → 书记), the names' spans. One name is enough after a post,
    two are needed after any other key (第一村民小组：…)."""
    from .rosters import unpadded

    text, rows = ctx.text, []
    for a, b in line_spans(text):
        m = _POST_LINE.match(text, a, b)
        if not m or m.end() >= b:
            continue
        key, names, p = unpadded(m.group(1)), [], m.end()
        post = key in ctx.lex.titles  # after a post a name may be any name-shaped word;
        while p < b:  # after another key (第一村民小组：) it must be a name proper
            n = _LINE_NAME.match(text, p, b)
            if not n or not (vouched_name if post and len(n.group(1)) <= 3 else real_name)(
                    ctx, n.group(1)):
                break
            names.append(n.span(1))
            p = n.end()
        if p >= b and names and (len(names) >= 2 or post):
            rows.append((a, b, key, names, post))
    for i, (a, b, key, names, post) in enumerate(rows):  # 第一村民小组：甲　乙 in a block of
        near = [r for r in rows[max(0, i - 1) : i + 2] if r[0] != a]  # such lines, not alone
        if post or any(text.count("\n", min(a, r[0]), max(a, r[0])) <= 2 for r in near):
            yield a, b, key, names


def post_line_persons(ctx: Ctx) -> None:
    bylines = tuple(ctx.lex.person_cues.get("byline", []))
    for _, _, key, names in post_lines(ctx):
        for s, e in names if not key.endswith(bylines) else ():  # 编辑：某某: the byline rule
            if not ctx.covering(s, "Person"):
                ctx.add(NMention(s, e, "Person", ctx.text[s:e], "roster"))


def post_line_roles(ctx: Ctx) -> None:
    """一、某村支部委员会选举结果 / 　书　记：某某 / 　委　员：甲　乙: under a heading that
    names a body, each line a post (padded as printed) and the names holding it."""
    from .role_fact import _role

    text, body, rows = ctx.text, None, {a: (key, names) for a, _, key, names in post_lines(ctx)}
    if not rows:
        return
    all_orgs = ctx.of_label("Organization")
    for a, b in line_spans(text):
        if a not in rows:
            orgs = [o for o in all_orgs if a <= o.start and o.end <= b]
            heading = b - a <= 40 and not re.search(r"[。，,：:；]", text[a:b])
            if heading and text[a:b].strip() or _SECTION.match(text, a, b):  # a new section:
                body = max(orgs, key=lambda o: o.end - o.start) if orgs and heading else None
            continue
        key, names = rows[a]
        if key.endswith(tuple(ctx.lex.person_cues.get("byline", []))):
            continue  # 责任编辑：某某 (a page's credits), not a post at the section's body
        for s, e in names if body and key in ctx.lex.titles else ():
            p = ctx.mention_at(s, e, "Person")
            if p:
                _role(ctx, p, body.text, key, s, "post-line")
