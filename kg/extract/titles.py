"""Titles and posts (班长, 党委副书记, 主任医师…) from the title lexicon."""

from __future__ import annotations

import re

from .context import Ctx, is_cjk

_DEPUTY = re.compile(r"^(?:常务)?副")


def base_title(title: str) -> str:
    """The title without a leading 副 or 常务副 (副校长 → 校长): the post it is a deputy of."""
    return _DEPUTY.sub("", title)


def _ends_org(ctx: Ctx, pos: int) -> bool:
    """A department word ends here (急诊内科): weak endings only, not 党委; and some name
    before it (、班组长 is a title of its own, not 组长 of a 班)."""
    text = ctx.text
    return any(text.endswith(s, 0, pos) and is_cjk(text[pos - len(s) - 1 : pos - len(s)] or ",")
               for s, w in ctx.lex.org_suffixes.items() if w == "weak")


def _named_body_ends(ctx: Ctx, cut: int, title_start: int) -> bool:
    """An organisation named in full ends inside a longer title: …东关派出所|所长, not
    …分局|东关派出所所长 (派出所所长 is a title only when no body is named before it).
    Party units and committees stay in the title (…镇|党委书记, …村|村委会主任), as the
    papers write the post; a named community or village goes with its name."""
    head = ctx.text[title_start:cut]
    if head in ("社区", "村", "嘎查"):  # 巴彦岱路|社区党委书记: the community's own name
        before = ctx.tokens_ending(title_start)
        return bool(before) and before[0][1] - before[0][0] >= 2 and (
            ctx.text[before[0][0] : title_start] not in ctx.lex.common_words)
    return ctx.lex.org_suffixes.get(head) == "strong" and head[-1] not in "会委" and any(
        m.label == "Organization" and m.end == cut and m.start < title_start
        for m in ctx.mentions)


def title_ending_at(ctx: Ctx, pos: int) -> tuple[int, int] | None:
    """The title ending at ``pos``, with its modifiers (副, 常务, 名誉…).

    The longest, unless a shorter one leaves an organisation ending before it
    (急诊内科|主任 rather than 急诊内|科主任).
    """
    found = ctx.lex.titles.ending_at(ctx.text, pos, max_len=10)
    if not found:
        return None
    pick = found[0]
    aligned = [t for t in found if pos - len(t) in ctx.tok_starts]
    if pos - len(pick) not in ctx.tok_starts and aligned:
        pick = aligned[0]  # 重症医学科|带头人, not 重症医|学科带头人
    for t in found[found.index(pick) + 1 :]:
        if len(pick) - len(t) == 1 and _ends_org(ctx, pos - len(t)) or _named_body_ends(
                ctx, pos - len(t), pos - len(pick)):
            pick = t
            break
    start = pos - len(pick)
    changed = True
    while changed:
        changed = False
        for prefix in ctx.lex.title_prefixes:
            if start >= len(prefix) and ctx.text[start - len(prefix) : start] == prefix:
                start -= len(prefix)
                changed = True
                break
    return start, pos


def titles_in(ctx: Ctx, start: int, end: int) -> list[tuple[int, int]]:
    """Non-overlapping titles inside [start, end), scanning right to left."""
    out: list[tuple[int, int]] = []
    pos = end
    while pos > start:
        t = title_ending_at(ctx, pos)
        if t and t[0] >= start:
            out.append(t)
            pos = t[0]
        else:
            pos -= 1
    return list(reversed(out))


def posted_line(ctx: Ctx, at: int) -> bool:
    """Some clause of the line from ``at`` ends in a title (某公司某班班长，…; 女，…，某院
    副院长、…): what follows a name there is its posts."""
    text = ctx.text
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    return any(title_ending_at(ctx, at + m.end())
               for m in re.finditer(r"[^，,。；]+", text[at:end]))
