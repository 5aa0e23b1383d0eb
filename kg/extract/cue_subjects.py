"""Whom a delegate cue belongs to: the person after it (…代表的某某; 二十大代表、某某, with
nothing ending between), the people joined before a name (A、posts B), and not the speaker
of a quote that says it of someone else."""

from __future__ import annotations

import re

from .context import Ctx, NMention
from .titles import title_ending_at


def joined_to(ctx: Ctx, last: NMention, people: list[NMention]) -> list[NMention]:
    """The people before ``last`` in a 、-joined run, each with its posts: A、posts B."""
    out, nxt = [], last
    for p in reversed([p for p in people if p.end <= last.start]):
        between = ctx.text[p.end : nxt.start]
        if not between.startswith("、") or re.search(r"[，。；,;]", between) or len(between) > 20:
            break
        out.append(p)
        nxt = p
    return out


def quoted_other(text: str, s: int, cue_at: int) -> bool:
    """The cue's subject is 他/她 inside a quote: not the speaker."""
    return bool(re.search(r"“[^”]*$", text[s:cue_at])) and text[cue_at - 1 : cue_at] in "他她"


def relative_subject(ctx: Ctx, people: list[NMention], cue_end: int) -> NMention | None:
    """去年当选二十大代表的…书记X说: the cue describes the first person after it
    (…代表的, no clause break between)."""
    if ctx.text[cue_end : cue_end + 1] != "的":
        return None
    nxt = min((p for p in people if p.start > cue_end), key=lambda p: p.start, default=None)
    if nxt and not any(ch in "，,；;。" for ch in ctx.text[cue_end : nxt.start]):
        return nxt
    return None


def one_stretch(between: str) -> bool:
    """No sentence, line or bracket ends between a cue and the name after it (…二十大代表、
    某小学教师）/（记者 某某）; a bracket inside a body's name is fine (某工程（香港）公司)."""
    depth = 0
    for ch in between:
        depth += (ch in "（(") - (ch in "）)")
        if depth < 0 or ch in "。\n":
            return False
    return True


def speaker_only(ctx: Ctx, people: list[NMention], s: int, cue: tuple[int, int], e: int) -> bool:
    """The cue is inside a quote with no 我 before it whose next clause opens with a title
    or a pronoun (“自打当选…代表，中队长…”), and every person named is outside
    the quote: its speaker, not the one it is said of (unlike “当选代表是光荣…”某某说)."""
    text, (cue_at, cue_end) = ctx.text, cue
    opened = text.rfind("“", s, cue_at)
    if opened < 0 or text.rfind("”", s, cue_at) > opened or "我" in text[opened:cue_at]:
        return False
    closed = text.find("”", cue_at, e)
    if closed < 0 or any(opened < p.start < closed for p in people):
        return False
    comma = re.search(r"[，,]", text[cue_end:closed])  # the next clause opens with its subject
    c = cue_end + comma.end() if comma else closed
    return text[c : c + 1] in ("他", "她") or any(  # 连长…, not 老师们都为我高兴
        (t := title_ending_at(ctx, k)) and t[0] == c and text[k : k + 1] != "们"
        for k in range(c + 2, min(c + 7, closed) + 1))
