"""Profile boxes printed as key–value lines (【人物档案】, 个人简介):

    姓名：某某
    性别：男　民族：满族
    出生：1976年5月，黑龙江龙江人
    职务：某公司副总工程师、某研究室主任
    荣誉：全国劳动模范、“龙江工匠”

The 姓名 line names a person; the keys that give posts, honours and the place one
comes from are data (``person_cues.txt``: fiche_posts, fiche_honours, fiche_origin).
A box ends at the first line that is not ``key：value``.

A table of who does what is the other way round, posts before the colon:

    县委副书记、县长：某某
    县委常委、宣传部部长：某某
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .context import Ctx, NMention, line_spans
from .names import vouched_name

_FIELD = re.compile(r"([\u4e00-\u9fff]{2,6})[：:][ \t\u3000]*([^ \t\u3000][^\t\u3000]*?)"
                    r"(?=[ \t\u3000]+[\u4e00-\u9fff]{2,6}[：:]|[ \t\u3000]*$)")
_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{2,8}·[\u4e00-\u9fff·]{2,12}")

Fields = dict[str, tuple[int, int]]


def _fields(text: str, a: int, b: int) -> Fields:
    """The key：value pairs of one line (several may share it, set apart by spaces)."""
    line = text[a:b]
    found: Fields = {}
    pos = len(line) - len(line.lstrip(" \t\u3000"))
    while pos < len(line):
        m = _FIELD.match(line, pos)
        if not m:
            return {}
        found[m.group(1)] = (a + m.start(2), a + m.end(2))
        pos = m.end()
        pos += len(line[pos:]) - len(line[pos:].lstrip(" \t\u3000"))
    return found


def fiche_blocks(ctx: Ctx) -> Iterator[tuple[tuple[int, int], Fields]]:
    """(the name's span, the box's other fields) of each box in the text."""
    text = ctx.text
    if "姓名" not in text:  # the common case costs one search
        return
    lines = list(line_spans(text))
    for i, (a, b) in enumerate(lines):
        first = _fields(text, a, b)
        if "姓名" not in first:
            continue
        name = first.pop("姓名")
        if not _NAME.fullmatch(text[name[0] : name[1]]):
            continue
        fields = dict(first)
        for c, d in lines[i + 1 :]:
            more = _fields(text, c, d)
            if not more or "姓名" in more:
                break
            fields.update(more)
        yield name, fields


# posts, a colon, a name (and nothing more on the line)
_POST_NAME = re.compile(r"^[ \t\u3000]*([^\n：:，。“”]{2,40}?)(?:[（(][^）)\n]{1,8}[）)])?[：:]"
                        r"[ \t\u3000]*([\u4e00-\u9fff·]{2,12})[ \t\u3000]*$", re.M)


def post_name_lines(ctx: Ctx) -> Iterator[tuple[tuple[int, int], tuple[int, int]]]:
    """(the posts' span, the name's span) of each line of a run of two or more lines of
    posts and a name (县委常委、宣传部部长：某某), whose posts end in a title."""
    from .titles import title_ending_at

    text, run = ctx.text, []
    for m in list(_POST_NAME.finditer(text)) + [None]:
        ok = m is not None and bool(title_ending_at(ctx, m.end(1))) and vouched_name(
            ctx, m.group(2))
        if ok and run and text.count("\n", run[-1][1][1], m.start()) == 1:
            run.append((m.span(1), m.span(2)))
            continue
        if len(run) >= 2:
            yield from run
        run = [(m.span(1), m.span(2))] if ok else []


def _keyed(ctx: Ctx, fields: Fields, cue: str) -> list[tuple[int, int]]:
    keys = ctx.lex.person_cues.get(cue, [])
    return [span for key, span in fields.items() if key in keys]


def fiche_persons(ctx: Ctx) -> None:
    """The name on a 姓名 line is a person's, when it is shaped like one; so is the name
    after a table's posts."""
    for (s, e), _ in fiche_blocks(ctx):
        name = ctx.text[s:e]
        if vouched_name(ctx, name):
            ctx.add(NMention(s, e, "Person", name, "fiche"))
    for _, (s, e) in post_name_lines(ctx):
        if not ctx.covering(s, "Person"):
            ctx.add(NMention(s, e, "Person", ctx.text[s:e], "fiche"))


def fiche_roles(ctx: Ctx) -> None:
    """职务：A、B: the posts, split as posts written after a name are."""
    from .roles import _posts

    for (s, e), fields in fiche_blocks(ctx):
        person = ctx.mention_at(s, e, "Person")
        for a, b in _keyed(ctx, fields, "fiche_posts") if person else []:
            _posts(ctx, person, a, b, "fiche")
    for (a, b), (s, e) in post_name_lines(ctx):
        person = ctx.mention_at(s, e, "Person")
        if person:
            _posts(ctx, person, a, b, "fiche")


def fiche_honours(ctx: Ctx) -> None:
    """荣誉：A、B、“C”: each item that is quoted or shaped like an honour."""
    from .honours import _add, _excluded, _honour_like, clean_honour

    for (s, e), fields in fiche_blocks(ctx):
        person = ctx.mention_at(s, e, "Person")
        for a, b in _keyed(ctx, fields, "fiche_honours") if person else []:
            for item in re.split(r"[、，,；;]", ctx.text[a:b]):
                honour = clean_honour(item)
                if 2 <= len(honour) <= 30 and not _excluded(ctx, honour) and (
                        "“" in item or _honour_like(ctx, honour)):
                    _add(ctx, person, honour, a, b, "fiche")


def fiche_origins(ctx: Ctx, done: set[str]) -> None:
    """出生：1976年5月，黑龙江龙江人 / 籍贯：…: the place one comes from, unless the text
    ties one to a place more closely."""
    from .regions import _most_specific, _places_in, _region

    for (s, e), fields in fiche_blocks(ctx):
        person = ctx.mention_at(s, e, "Person")
        if not person or person.text in done:
            continue
        for a, b in _keyed(ctx, fields, "fiche_origin"):
            place = _most_specific(_places_in(ctx, a, b))
            if place:
                _region(ctx, person.text, place, a, b, "fiche-origin")
                done.add(person.text)
                break
