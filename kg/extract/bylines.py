"""Bylines: 记者 某某 某某）, 通讯员 某某 — one or more names after a byline role."""

from __future__ import annotations

import re

from .context import PUNCT, Ctx, NMention, rx
from .names import BAD as _BAD

_NOT_NAME_ENDS = ("报道", "报导", "电", "讯", "代表", "同志", "整理")  # 青岛报道, 郝代表
_BYLINE_END = re.compile(r"[\s）)】」、，,]|$")


def _add(ctx: Ctx, span: tuple[int, int], source: str) -> None:
    ctx.add(NMention(span[0], span[1], "Person", ctx.text[span[0] : span[1]], source))


def byline_persons(ctx: Ctx) -> None:
    """记者 张三 李四）: one or more names after a byline role."""
    text = ctx.text
    for role in ctx.lex.person_cues.get("byline", []):
        for m in rx(re.escape(role)).finditer(text):
            if len(role) == 1 and m.start() > 0 and text[m.start() - 1] not in PUNCT + "\n":
                continue  # 摄 in 摄氏度 is no byline
            p = m.end()
            while True:
                while p < len(text) and text[p] in " \u3000、：:":
                    p += 1
                k = re.match(r"[\u4e00-\u9fff]{2,4}", text[p:])
                if not k or not _BYLINE_END.match(text, p + k.end()):
                    break
                name = k.group(0)
                if name.endswith(_NOT_NAME_ENDS) or ctx.lex.place_index.find_at(name, 0):
                    break  # 记者 某某 青岛报道: a place and a verb, no name
                if name in ctx.lex.not_names or set(name[1:]) & _BAD or name in ctx.lex.titles or (
                        name[0] in _BAD and not ctx.lex.is_surname_start(name)) or (
                        ctx.lex.word_tags.get(name[:2]) in ("v", "vn", "d", "p")):
                    break  # 记者离开时: no name
                _add(ctx, (p, p + k.end()), "byline")
                p += k.end()
