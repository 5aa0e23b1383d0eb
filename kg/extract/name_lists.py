"""Names listed in an election's sentence: 选举A、B、C为市委常委，D、E为副书记 (each a name
where the words allow, dotted names whole)."""

from __future__ import annotations

import re

from .context import Ctx
from .names import is_minority_name, valid_name

_ELECT_ITEM = r"(?:(?!选举|推选|任命)[\u4e00-\u9fff·]){2,12}?"  # not 并决定|任命某某
ELECTS = re.compile(rf"(?:选举|推选|任命)((?:{_ELECT_ITEM}、){{0,30}}{_ELECT_ITEM})为")

_MORE = re.compile(r"[，,]((?:[\u4e00-\u9fff·]{2,12}?、)*[\u4e00-\u9fff·]{2,12}?)为")
_DOTTED = re.compile(r"[\u4e00-\u9fff]{1,8}(?:·[\u4e00-\u9fff]{1,8})+")


def _listed(m: re.Match[str]) -> list[tuple[int, int]]:
    """The spans of the 、-joined items of group 1 (A、B、C)."""
    spans, at = [], m.start(1)
    for name in m.group(1).split("、"):
        spans.append((at, at + len(name)))
        at += len(name) + 1
    return spans


def elected_names(ctx: Ctx, m: re.Match[str]) -> list[tuple[int, int]]:
    """The names ``ELECTS`` found (选举A、B、C为…), each a name where the words allow: all of
    them, or none (not 选举产生新一届班子成员为)."""
    spans = _listed(m)
    for a, b in spans:
        name = ctx.text[a:b]
        if "·" in name:
            if not _DOTTED.fullmatch(name):
                return []
        elif not (ctx.aligned(a, b) and b - a <= 4 and valid_name(ctx, name, strong=True)):
            return []
    return spans


def elected_more(ctx: Ctx, pos: int) -> list[tuple[int, int]]:
    """选举A为省委书记，B、C为省委副书记: the names of the clauses that follow the first,
    each a 、-joined list before 为, to the sentence's end."""
    text, out = ctx.text, []
    end = ctx.sentence_of(pos)[1]
    clause = text.find("，", pos, end)
    while clause >= 0:
        m = _MORE.match(text, clause)
        if not m or m.end() > end:
            break
        spans = _listed(m)
        if not all(_DOTTED.fullmatch(text[a:b]) or ctx.aligned(a, b) and (
                text[a] not in "由对向被把将从在") and (
                b - a <= 3 or ctx.lex.is_surname_start(text[a:b]) == 2) and (
                valid_name(ctx, text[a:b]) or is_minority_name(ctx, text[a:b]))
                   for a, b in spans):
            break  # not …，本次大会为期两天, …，由某某为秘书长
        out += spans
        clause = text.find("，", m.end(), end)
    return out
