"""Posts written away from the usual places: in brackets after a name (某某代表（畲族，
某乡党委书记）), and posts a person is elected or appointed to (某某当选为市委书记, 王五、李四
当选为副书记, 选举某某为市纪委书记, 某某被任命为院长): the title closing the clause after
为, with the organisation written before it (市委|书记)."""

from __future__ import annotations

import re

from .context import Ctx, NMention, rx
from .name_lists import ELECTS, elected_more, elected_names
from .orgsplit import _split_org_title
from .persons import ITEM_NUMBER, NOTE
from .role_fact import _role
from .roles import _posts
from .titles import title_ending_at

_NOTE = rf"(?:{NOTE})?"  # 马某某（回族）当选为…: a note after the name
_AFTER = re.compile(_NOTE + r"(?:当选|被选举|被推选|被任命|被提名|被聘|获任|出任)为?")
_BEFORE = re.compile(r"(?:选举|推选|任命|选|聘任|聘请)$")


def _post(ctx: Ctx, start: int) -> tuple[str, str, int] | None:
    """(organisation, title, start) of the post written from ``start`` to its clause's end."""
    text = ctx.text
    end = start
    while end < len(text) and text[end] not in "，,。；;！？、\n（(":
        end += 1
    if "代表" in text[start:end] and "人民代表大会" not in text[start:end] or end - start > 36:
        return None  # 当选为党的二十大代表: a delegate, not a post
    t = title_ending_at(ctx, end)
    if not t or t[0] < start:
        return None
    org, extra = _split_org_title(ctx, start, t[0])
    if re.search(r"\d|被|荣获|获得|评为", extra):
        return None
    return org, extra + text[t[0] : t[1]], start


def _joined_before(ctx: Ctx, p: NMention, people: list[NMention]) -> list[NMention]:
    """王建斌、李德胜当选为…: the people 、-joined before ``p``."""
    out, first = [], p
    for q in reversed([q for q in people if q.end <= p.start]):
        if re.fullmatch(_NOTE + "、", ctx.text[q.end : first.start]):
            out.insert(0, q)
            first = q
        else:
            break
    return out


def roles_elected(ctx: Ctx) -> None:
    text = ctx.text
    people = [p for p in ctx.of_label("Person") if p.source != "byline"]
    more = {a for m in ELECTS.finditer(text)  # 选举A、B为…, and …，C、D为…
            for a, _ in [*elected_names(ctx, m), *elected_more(ctx, m.end())]}
    body: dict[int, str] = {}  # per sentence, the body of the last post elected to in it
    last: dict[int, tuple[str, str, int]] = {}  # per paragraph: body, title, where it was
    for p in people:
        after = _AFTER.match(text, p.end)
        if after:
            post = _post(ctx, after.end())
            group = [*_joined_before(ctx, p, people), p]
        elif _BEFORE.search(text, 0, p.start) and text.startswith("为", p.end):
            post, group = _post(ctx, p.end + 1), [p]
        elif p.start in more and text.startswith("为", p.end):  # …，B、C为省委副书记
            post, group = _post(ctx, p.end + 1), [*_joined_before(ctx, p, people), p]
        else:
            continue
        if post:
            org, title, start = post
            sentence = ctx.sentence_of(p.start)[0]
            para = text.rfind("\n", 0, p.start) + 1
            if org:
                body[sentence] = org
                last[para] = (org, title, ctx.clause_of(start)[1])  # after the post
            elif body.get(sentence, "") not in title:  # 某某当选为省妇联主席，甲、乙
                org = body[sentence]  # 当选为副主席: of that body; not 市委 again for 市委书记
            elif para in last and title.lstrip("副") == last[para][1].lstrip("副") and not any(
                    last[para][2] <= m.start < group[0].start for m in ctx.mentions
                    if m.label in ("Place", "Organization")):  # (not 在乙县，某某当选为副县长)
                org = last[para][0]  # 某某当选为某省人民政府省长。甲、乙当选为副省长。
            for q in group:
                _role(ctx, q, org, title, start, "elected")


def roles_in_brackets(ctx: Ctx, p: NMention) -> None:
    """某某代表（畲族，某乡党委书记）: the posts written in brackets after the name."""
    text = ctx.text
    end = p.end + next((len(c) for c in ("代表", "委员") if text.startswith(c, p.end)), 0)
    if text[end : end + 1] not in ("（", "("):
        return
    close = min((i for i in (text.find("）", end), text.find(")", end)) if i > 0),
                default=-1)
    if 0 < close - end <= 60:
        _posts(ctx, p, end + 1, close, "title-in-brackets")


def roles_name_line(ctx: Ctx, p: NMention) -> None:
    """■ 才让卓玛 / 女，藏族，1981年生，某村党支部书记。: the posts in the first sentence of the
    paragraph under a profile's name line."""
    text = ctx.text
    start = text.find("\n", p.end) + 1
    if start <= 0:
        return
    end = min((i for i in (text.find("。", start), text.find("\n", start)) if i >= 0),
              default=len(text))
    _posts(ctx, p, start, end, "title-after-name")


def roles_resume(ctx: Ctx) -> None:
    """A résumé paragraph (某某，男，土家族，1969年11月生，…。曾任…。现任某州委常委、某县委书记。):
    the posts of a sentence that opens with 现任 and names nobody are those of the person
    the paragraph opens with."""
    text = ctx.text
    words = sorted(ctx.lex.person_cues.get("resume_posts", []), key=lambda w: (-len(w), w))
    posts = rx("|".join(map(re.escape, words))) if words else None
    openers = {}
    for p in ctx.of_label("Person"):
        para = text.rfind("\n", 0, p.start) + 1
        if p.source != "byline" and re.fullmatch(  # (2．)某某，女，彝族，…
                rf"\s*(?:{ITEM_NUMBER}\s*)?", text[para : p.start]) and (
                text[p.end : p.end + 1] in "，,"):
            openers[para] = p
    for s, e in ctx.sentences:
        subject = openers.get(text.rfind("\n", 0, s) + 1)
        if not posts or not subject or subject.end >= s or any(
                m.label == "Person" and s <= m.start < e for m in ctx.mentions):
            continue
        for m in posts.finditer(text, s, e):  # 2014年回村工作，现任…
            if m.start() == s or text[m.start() - 1] in "，,":
                _posts(ctx, subject, m.end(), e, "title-resume")
                break
