"""Rosters: lines that hold nothing but names, as printed lists of people do.

An announcement prints its list of the elected (名单) as names separated by spaces or 、,
each perhaps followed by notes in brackets: 才让卓玛（女）（藏族）　马成福（回族）　王海平.
Such a line is a list of people when most of its items look like names (a Han name, a
minority name, a dotted name) or carry a person's note (女, 回族). A roster under a
heading that names the congress's delegate list (…二十大代表名单) lists its delegates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .context import Ctx, NMention, is_cjk, line_spans
from .names import is_minority_name, real_name, surname_shaped, valid_name

_NOTE = r"[（(][^（）()\n]{1,12}[）)]"
# a name, or a two-character name padded to three with a space (白　鹏), then its notes
_ITEM = re.compile(rf"([\u4e00-\u9fff][ \u3000][\u4e00-\u9fff](?![\u4e00-\u9fff·])"
                   rf"|[\u4e00-\u9fff·]{{2,14}})((?:{_NOTE})*)")
_SEP = re.compile(r"[ \t\u3000、…]+")
_PERSON_NOTE = re.compile(r"^[男女]$|^[\u4e00-\u9fff]{1,4}族$")
_HEADING_NOTE = re.compile(rf"^{_NOTE}$")  # （共24名，按姓氏笔画为序）
MIN_ITEMS = 3


def _items(line: str) -> list[tuple[int, int, str]] | None:
    """(start, end, notes) of each name of a line made only of names and notes, or None."""
    items, pos = [], 0
    while pos < len(line):
        sep = _SEP.match(line, pos)
        if sep:
            pos = sep.end()
            continue
        note = re.match(_NOTE, line[pos:])
        if note and items and not line[pos + note.end() :].strip():
            break  # ……（名单未完）: a closing note
        m = _ITEM.match(line, pos)
        if not m or (m.end() < len(line) and not _SEP.match(line, m.end())):
            return None
        items.append((m.start(1), m.end(1), m.group(2)))
        pos = m.end()
    return items


def _notes(notes: str) -> list[str]:
    return [n for part in re.findall(r"[（(]([^）)]*)[）)]", notes)
            for n in re.split(r"[，,、]", part) if n]


def _name_like(ctx: Ctx, name: str, notes: str) -> bool:
    if "·" in name:
        return all(len(p) >= 1 and all(is_cjk(c) for c in p) for p in name.split("·"))
    if len(name) > 6:
        return False
    han = surname_shaped(ctx, name)
    return (valid_name(ctx, name) or is_minority_name(ctx, name)
            or (han and name not in ctx.lex.not_names and name not in ctx.lex.common_words)
            or (len(name) <= 4 and any(_PERSON_NOTE.match(n) for n in _notes(notes))))


def roster_lines(ctx: Ctx) -> Iterator[tuple[int, int, list[tuple[int, int]]]]:
    """(line start, line end, name spans) of each line of the text that is a roster."""
    text = ctx.text
    for pos, end in line_spans(text):
        items = _items(text[pos:end])
        if items and len(items) >= MIN_ITEMS:
            good = [(pos + a, pos + b) for a, b, notes in items
                    if _name_like(ctx, unpadded(text[pos + a : pos + b]), notes)]
            if len(good) * 3 >= len(items) * 2:
                yield pos, end, good


def unpadded(name: str) -> str:
    """白鹏 for a list's 白　鹏 (a two-character name padded to the width of three)."""
    return name.replace("\u3000", "").replace(" ", "")


def heading_before(text: str, start: int) -> str:
    """The line a roster hangs from: the nearest line above that is neither a roster line
    nor a bracketed note (（共24名，按姓氏笔画为序）)."""
    end = start - 1
    while end > 0:
        begin = text.rfind("\n", 0, end) + 1
        line = text[begin:end].strip()
        items = _items(line) if line else None
        if line and not _HEADING_NOTE.match(line) and (items is None or len(items) < 2):
            return line  # (one item is a heading as long as a name: 某省出席党的二十大代表名单)
        end = begin - 1
    return ""


# a profile's name on a line of its own: ■ 才让卓玛 / 女，藏族，…
NAME_LINE = re.compile(r"^[ \t#■●◆▲★□○◇]*([\u4e00-\u9fff·]{2,12})[ \t]*\n(?=[男女][，,])", re.M)
# a name on a line of its own, its post on the next: 某某 / 某县某村党支部书记
NAME_POST_LINE = re.compile(r"^[ \t#■●◆▲★□○◇]*([\u4e00-\u9fff·]{2,12})[ \t]*\n"
                            r"[ \t]*[^\n。，,：:“”]{4,60}$", re.M)
# a list item's head: a bullet and a name alone on its line, then where the person is or
# what they are (★ 某某 / 📍 某县某村, ★ 某某 / 某公司采油工、技师, ■ 某某 / 女，哈萨克族)
BULLET_NAME = re.compile(r"^[ \t]*[■●◆★☆▶►][ \t]*([\u4e00-\u9fff·]{2,12})[ \t]*\n"
                         r"(?=[ \t]*([^\n]{2,60})$)", re.M)  # (the next line may be a head)
# a paragraph opened by a name and a bracket describing the person: 彭某某（女，土家族，…）：
OPENER = re.compile(r"^[ \t]*([\u4e00-\u9fff·]{2,12})[（(][^（）()\n]{2,80}[）)][：:]", re.M)
# a name in heading brackets and its posts: 【某某】某省某县某村党支部书记、村委会主任
BRACKET_HEAD = re.compile(r"^[ \t\u3000]*【([\u4e00-\u9fff·]{2,12})】[ \t\u3000]*"
                          r"[^\n【】。“”]{2,60}$", re.M)
# a paragraph opened by a name and its posts in brackets: 马某某（某县某镇党委书记）结合…, or
# a quote's signature: ——某某（党的二十大代表，某县某村党总支书记）
BRACKET_OPENER = re.compile(r"^[ \t\u3000]*(?:——|—|－－)?[ \t\u3000]*"
                            r"([\u4e00-\u9fff·]{2,12})[（(][^（）()\n]{2,80}(?=[）)])",
                            re.M)
# a paragraph opened by a name and a post: 欧阳某某，现任…
POST_OPENER = re.compile(r"^[ \t]*([\u4e00-\u9fff·]{2,12})[，,](?:现任|现为|系|曾任|任)", re.M)
# a paragraph opened by a name and one clause of posts: 罗某某，某医院某科护士长、主任护师。
# (or ends a list's line above another: 某某，某医院主任医师 / 某某，…)
POSTS_OPENER = re.compile(r"^[ \t]*([\u4e00-\u9fff·]{2,12})[，,][^，,。：:\n“”]{4,60}"
                          r"(?=。|[ \t]*\n[ \t]*[\u4e00-\u9fff·]{2,12}[，,])", re.M)


# a caption or signature: 同期声：某某　某县某村党支部书记 (name, a space, posts to line end)
# or a list's line: 马某某（女，回族）　某公司某厂采油工
CAPTION = re.compile(r"^[ \t\u3000]*(?:[\u4e00-\u9fff]{1,6}[：:])?[ \t\u3000]*"
                     rf"([\u4e00-\u9fff·]{{2,12}})(?:{_NOTE})?[ \u3000]+[^\n：:。“”]{{4,40}}$",
                     re.M)


def layout_persons(ctx: Ctx, trim_dotted) -> None:
    """Names the layout of a profile gives: a name line, name（…）：, name，现任…, and a
    caption's name before its posts."""
    from .titles import title_ending_at, titles_in

    text = ctx.text
    for pattern, source in ((NAME_LINE, "name-line"), (NAME_POST_LINE, "name-line"),
                            (OPENER, "opener"), (POST_OPENER, "copula"), (CAPTION, "caption"),
                            (POSTS_OPENER, "copula"), (BRACKET_OPENER, "opener"),
                            (BRACKET_HEAD, "caption")):
        for m in pattern.finditer(text):
            s, e = m.span(1)
            name = text[s:e]
            if pattern in (CAPTION, NAME_POST_LINE, POSTS_OPENER, BRACKET_OPENER) and not (
                    title_ending_at(ctx, m.end())):
                continue
            if pattern is BRACKET_HEAD and not (titles_in(ctx, m.end(1), m.end()) and (
                    real_name(ctx, name) and len(name) >= 3)):
                continue  # 【某某】…采油工、全国技术能手: a title somewhere; not 【字幕】, 【高清】
            if pattern is CAPTION and not real_name(ctx, name):
                continue  # not 金奖　某公司高级工程师
            if pattern is POSTS_OPENER and not (real_name(ctx, name) and not re.match(
                    r"[他她我你它这那]|[\u4e00-\u9fff]?(?:是|成为|当上|被)", text[m.end(1) + 1 :])):
                continue  # not 于是，他当上了…; 同时，他还是…
            if pattern in (CAPTION, POSTS_OPENER, BRACKET_HEAD) or "·" in name or valid_name(
                    ctx, name, strong=True) or (
                    is_minority_name(ctx, name)):
                s, e = trim_dotted(ctx, s, e) if "·" in name else (s, e)
                ctx.add(NMention(s, e, "Person", text[s:e], source))
    for run in line_runs(text, COMMA_ITEM.finditer(text)):  # 某某，posts / 某某，posts: the
        for m in run if len(run) >= 2 else ():  # list's last line too
            s, e = m.span(1)
            if real_name(ctx, text[s:e]) and title_ending_at(ctx, m.end()) and not (
                    ctx.covering(s, "Person")):
                s, e = trim_dotted(ctx, s, e) if "·" in text[s:e] else (s, e)
                ctx.add(NMention(s, e, "Person", text[s:e], "copula"))
    for m in BULLET_NAME.finditer(text):
        s, e = m.span(1)
        if _bullet_name(ctx, m) and not ctx.covering(s, "Person"):
            s, e = trim_dotted(ctx, s, e) if "·" in text[s:e] else (s, e)
            ctx.add(NMention(s, e, "Person", text[s:e], "name-line"))
    for _, spans in caption_blocks(ctx):  # a list's line whose post is no known title
        for s, e in spans:
            if not ctx.covering(s, "Person"):
                s, e = trim_dotted(ctx, s, e) if "·" in text[s:e] else (s, e)
                ctx.add(NMention(s, e, "Person", text[s:e], "caption"))


# a list's line: a name, a comma, posts to the line's end (某某，某县某乡党委书记)
COMMA_ITEM = re.compile(r"^[ \t]*([\u4e00-\u9fff·]{2,12})[，,][^，,。！？；\n]{2,60}$", re.M)


def line_runs(text: str, matches: Iterable[re.Match[str]]) -> Iterator[list[re.Match[str]]]:
    """Matches (one per line, a name in group 1) grouped into runs of consecutive lines."""
    run: list[re.Match[str]] = []
    for m in matches:
        if run and text.count("\n", run[-1].end(1), m.start()) != 1:
            yield run
            run = []
        run.append(m)
    if run:
        yield run


def comma_blocks(ctx: Ctx) -> Iterator[tuple[str, list[tuple[int, int]]]]:
    """(the line above, name spans) of each run of two or more list lines of a person
    found at the line's start, a comma and posts (代表名录（部分） / 某某，某医院主任医师)."""
    text = ctx.text
    found = (m for m in COMMA_ITEM.finditer(text) if ctx.mention_at(*m.span(1), "Person"))
    for run in line_runs(text, found):
        if len(run) >= 2:
            yield _line_above(text, run[0].start()), [m.span(1) for m in run]


def _line_above(text: str, start: int) -> str:
    """The nearest line above ``start`` with something on it (代表名录（部分）)."""
    end = start - 1
    while end > 0:
        begin = text.rfind("\n", 0, end) + 1
        if text[begin:end].strip():
            return text[begin:end].strip()
        end = begin - 1
    return ""


def caption_blocks(ctx: Ctx) -> Iterator[tuple[str, list[tuple[int, int]]]]:
    """(the line above, name spans) of each run of lines of a name and what it is (马某某（女）
    　某公司采油工 / 司马某某　某研究院副总设计师), two or more of them ending in a title: a
    list under its heading."""
    from .titles import title_ending_at

    text = ctx.text
    names = (m for m in CAPTION.finditer(text) if real_name(ctx, m.group(1)))  # not 金奖　某公司…
    for run in line_runs(text, names):
        if sum(bool(title_ending_at(ctx, m.end())) for m in run) >= 2:
            yield heading_before(text, run[0].start()), [m.span(1) for m in run]


# a list printed one name a line, perhaps with notes (才让某某（藏族） / 马某某（女，回族，某某））
COLUMN_ITEM = re.compile(r"^[ \t\u3000]*([\u4e00-\u9fff·]{2,14})((?:[（(][^（）()\n]{1,80}[）)])?)"
                         r"[ \t\u3000]*$", re.M)


def column_blocks(ctx: Ctx, people: bool = False) -> Iterator[tuple[str, list[tuple[int, int]]]]:
    """(heading, name spans) of each run of three or more lines of one name each, under a
    heading that calls it a list (…代表名单, 名录), most of them looking like names.
    ``people``: only under a heading that says it lists people (代表, 委员, 人员 …), not
    示范村名单."""
    text = ctx.text
    for run in line_runs(text, COLUMN_ITEM.finditer(text)):
        if re.search("名单|名录", run[0].group(1)):  # a short heading right above the names
            heading, run = run[0].group(1), run[1:]
        else:
            heading = heading_before(text, run[0].start())
        if len(run) < MIN_ITEMS or not re.search("名单|名录", heading) or people and not (
                _PEOPLE_LIST.search(heading)):
            continue
        good = [m.span(1) for m in run if _name_like(ctx, m.group(1), m.group(2))]
        if len(good) * 3 >= len(run) * 2:
            yield heading, good


_PEOPLE_LIST = re.compile(r"(?:代表|委员|人员|干部|党员|模范|标兵|先进个人|获得者|当选人)"
                          r"[^\n]{0,8}名[单录]")


def name_lines(ctx: Ctx) -> set[int]:
    """Where the names of a profile's name lines start (the person may have been found by
    another cue first: a dotted name)."""
    from .titles import title_ending_at

    text = ctx.text
    starts = {m.start(1) for m in NAME_LINE.finditer(text)}
    starts |= {m.start(1) for m in BULLET_NAME.finditer(text) if _bullet_name(ctx, m)}
    return starts | {m.start(1) for m in NAME_POST_LINE.finditer(text)
                     if title_ending_at(ctx, m.end())}


def _bullet_name(ctx: Ctx, m: re.Match[str]) -> bool:
    """A bulleted line's name is a person's when it looks like one and the next line says
    where they are (📍) or what they are (a post, 女，某族): not ■吉林·长春, ■聚焦·两会,
    ★石榴籽 over a paragraph."""
    from .titles import title_ending_at

    name, nxt = m.group(1), m.group(2).strip()
    if not (nxt.startswith("📍") or re.match(r"[男女][，,]|[\u4e00-\u9fff]{1,5}族[，,]", nxt)
            or title_ending_at(ctx, m.end(2))):
        return False
    if "·" in name:  # 努尔兰·阿合买提, not 吉林·长春, 聚焦·两会
        parts = name.split("·")
        return not any(part in ctx.lex.place_index.find_at(part, 0) for part in parts) and (
            any(is_minority_name(ctx, part) for part in parts)
            or all(valid_name(ctx, part) for part in parts))
    return (valid_name(ctx, name) or is_minority_name(ctx, name)) and (
        name not in ctx.lex.place_index.find_at(name, 0))
