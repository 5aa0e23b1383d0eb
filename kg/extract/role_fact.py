"""One role fact, and the body of a post written with a word that points back (该舰政治委员,
学校党委书记) or none at all: the organisations named before it decide."""

from __future__ import annotations

from collections import Counter

from .context import Ctx, NFact, NMention
from .orgsplit import _one_org


def _outer_orgs(ctx: Ctx) -> list[NMention]:
    """The organisations named in the text that are not inside a longer one (内蒙古大学 in
    内蒙古大学数学科学学院), in text order, found in one sweep."""
    out, reach = [], -1
    for m in sorted(ctx.of_label("Organization"), key=lambda m: (m.start, -m.end)):
        if m.end > reach or not out:  # not within the last longer name
            out.append(m)
            reach = max(reach, m.end)
        elif m.end == reach and m.start == out[-1].start and m.end - m.start == (
                out[-1].end - out[-1].start):
            out.append(m)  # the same span twice
    return out


def _named_before(ctx: Ctx, entry: str, start: int, last: bool) -> str:
    """An organisation named before ``start``, not inside a longer name, whose name ends with
    the word of a ``word=ending|ending`` entry (or with one of its endings), and is longer
    than the word: the last one (``last``: 该舰, the ship just named; or one in the same
    paragraph), else the one named most often, the first of those (学校: the profile's
    school, not a former pupil's university)."""
    word, _, more = entry.partition("=")
    ends = (word, *more.split("|")) if more else (word,)
    named = [m for m in _outer_orgs(ctx)
             if m.end <= start and m.text.endswith(ends) and len(m.text) > len(word)]
    if not named:
        return ""
    para = ctx.text.rfind("\n", 0, start) + 1  # 为粤芯提供设备的，是某公司。公司创办人某某
    if last or max(m.start for m in named) >= para:
        return max(named, key=lambda m: m.end).text
    times = Counter(m.text for m in named)
    return max(named, key=lambda m: (times[m.text], -m.start)).text


def _this_body(ctx: Ctx, title: str, start: int) -> tuple[str, str]:
    """该舰政治委员: (the last organisation named before ``start`` whose name ends with 舰,
    政治委员); else ("", the title as written). The words are ``person_cues.txt [this_body]``."""
    lead = 1 if title.startswith("该") else 0  # 该|舰政治委员 when the words cut there
    if not lead and not ctx.text.endswith("该", 0, start):
        return "", title
    for entry in ctx.lex.person_cues.get("this_body", []):
        word = entry.partition("=")[0]
        if title.startswith(word, lead) and len(title) > lead + len(word) + 1:  # not 该局|长
            body = _named_before(ctx, entry, start, last=True)
            return (body, title[lead + len(word) :]) if body else ("", title)
    return "", title


def _generic_body(ctx: Ctx, org: str, start: int) -> str:
    """学校 in 学校党委书记、校长某某: the school named last before (``[generic_bodies]``)."""
    for entry in ctx.lex.person_cues.get("generic_bodies", []):
        if entry.partition("=")[0] == org:
            return _named_before(ctx, entry, start, last=False) or org
    return org


def _role(ctx: Ctx, person: NMention, org: str, title: str, start: int, rule: str) -> None:
    if not org:
        org, title = _this_body(ctx, title, start)
    else:
        org = _generic_body(ctx, org, start)
    if title.startswith("的") and len(title) > 2:  # 某中学的语文教师: 语文教师 at 某中学
        title = title[1:]
    args = {"person": person.attrs.get("alias_of", person.text), "title": title,
            "org": _one_org(ctx, org)}
    if org and not ctx.text.startswith(org, start):  # 自治区 read as 西藏自治区: keep both
        word = next((w for w in ("自治区", "省") if ctx.text.startswith(w, start)), "")
        if word:
            args["org_text"] = word
    s, e = min(start, person.start), max(start, person.end)
    if rule == "title-after-name":
        e = max(e, ctx.clause_of(start)[1])
    ctx.facts.append(NFact("role", args, s, e, rule))
