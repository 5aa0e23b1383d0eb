"""Tables printed as text: a header line naming the columns (序号 姓名 性别 民族 工作单位及职务)
and one row per line, the cells separated by spaces or tabs. The 姓名 column names people;
a column of posts (职务) gives each their posts, split as posts written after a name are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .context import Ctx, NMention, line_spans
from .names import vouched_name

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


def table_roles(ctx: Ctx) -> None:
    from .roles import _posts  # posts are split as posts after a name are

    for _, (s, e), posts in table_rows(ctx):
        person = ctx.mention_at(s, e, "Person")
        if person and posts:
            _posts(ctx, person, posts[0], posts[1], "table")
