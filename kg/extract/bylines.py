"""Bylines: 记者 某某 某某）, 通讯员 某某 — one or more names after a byline role."""

from __future__ import annotations

import re

from .context import PUNCT, Ctx, NMention, rx
from .names import BAD as _BAD
from .names import is_minority_name, valid_name
from .orgsplit import _AGENCY
from .role_fact import _role
from .titles import title_ending_at

_NOT_NAME_ENDS = ("报道", "报导", "电", "讯", "代表", "同志", "整理")  # 青岛报道, 郝代表
_BYLINE_END = re.compile(r"[\s）)】」、，,]|$")


# a name: dotted (古丽米拉·吾守尔), or Han, a two-character one maybe padded to the width of
# three with a full-width space (柯　然)
_NAME = re.compile(r"[\u4e00-\u9fff]{1,8}(?:·[\u4e00-\u9fff]{1,8})+"
                   r"|[\u4e00-\u9fff][ \u3000][\u4e00-\u9fff](?=[\s）)】」]|$)"
                   r"|[\u4e00-\u9fff]{2,4}")


def byline_persons(ctx: Ctx) -> None:
    """记者 张三 李四）: one or more names after a byline role."""
    text = ctx.text
    for role in ctx.lex.person_cues.get("byline", []):
        for m in rx(re.escape(role)).finditer(text):
            if len(role) == 1 and m.start() > 0 and text[m.start() - 1] not in PUNCT + "\n":
                continue  # 摄 in 摄氏度 is no byline
            p = m.end()
            turn = text[p : p + 1] in "：:"  # 记者：… opens a question in an interview
            while True:
                while p < len(text) and text[p] in " \u3000、：:":
                    p += 1
                k = _NAME.match(text, p)
                if not k or not _BYLINE_END.match(text, k.end()) or (
                        turn and text[k.end() : k.end() + 1] in "，,"):
                    break
                name = re.sub(r"[ \u3000]", "", k.group(0))
                padded = len(name) < len(k.group(0))  # 柯　然: a name, whatever its characters
                if name.endswith(_NOT_NAME_ENDS) or ctx.lex.place_index.find_at(name, 0):
                    break  # 记者 某某 青岛报道: a place and a verb, no name
                if name in ctx.lex.not_names or name in ctx.lex.titles or (
                        set(name[1:]) & _BAD and not padded) or (
                        name[0] in _BAD and not ctx.lex.is_surname_start(name)) or (
                        ctx.lex.word_tags.get(name[:2]) in ("v", "vn", "d", "p")):
                    break  # 记者离开时: no name
                if len(name) >= 4 and not padded and "·" not in name and not (
                        valid_name(ctx, name) or is_minority_name(ctx, name)) and (
                        len(role) == 1 or text[k.end() : k.end() + 1] in "，,。；"):
                    break  # 记者兵分三路，…; 摄|影展开幕: no name (a byline's ends with a space)
                ctx.add(NMention(k.start(), k.end(), "Person", name, "byline"))
                p = k.end()


def roles_byline(ctx: Ctx, p: NMention) -> None:
    """记者 某某: a reporter of the agency named in the same line, or of the dateline."""
    text = ctx.text
    line_start = text.rfind("\n", 0, p.start) + 1
    before = text[line_start : p.start]
    roles = [r for r in ctx.lex.person_cues.get("byline", []) if r in before[-10:]]
    role = max(roles, key=lambda r: before.rfind(r)) if roles else "记者"
    if role in ("摄", "摄影"):
        role = "记者"
    t = None
    if role == "记者" and "记者" in before:
        t = title_ending_at(ctx, line_start + before.rfind("记者") + 2)
    if t and t[0] >= line_start:
        role = text[t[0] : t[1]]  # 全媒体记者, 首席记者
    agencies = _AGENCY.findall(before)
    paren = re.search(r"[（(]([\u4e00-\u9fff·]{2,14})$", text[line_start : t[0]]) if (
        t and t[0] >= line_start) else None
    if paren and paren.group(1) not in ctx.lex.titles:  # （中青报·中青网记者 某某）
        agencies = [paren.group(1)]
    if not agencies and t and t[0] >= line_start:  # 四川观察记者 某某: the name that opens
        lead = re.fullmatch(r"\s*([\u4e00-\u9fff]{2,8})", text[line_start : t[0]])  # the line
        agencies = [lead.group(1)] if lead and lead.group(1) not in ctx.lex.titles else []
    org = agencies[-1] if agencies else ctx.doc_meta.get("agency", "")
    if org == "本报":  # 来源：闽东日报 … 本报记者: the paper the page names
        source = re.search(  # 来源：光明网-《光明日报》
            r"来源[：:][^\n《]{0,12}?《?([\u4e00-\u9fff]{2,10}?(?:日报|晚报|早报|报))", text)
        org = source.group(1) if source else org
    if not org:  # 黔西南日报　2022年10月28日　第03版 heading the page: its paper (本报 stays)
        head = _MASTHEAD.match(text)
        org = (head.group(1) or head.group(2)) if head else org
    _role(ctx, p, org, role, line_start, "byline")


_MASTHEAD = re.compile(r"\s*(?:([\u4e00-\u9fff]{2,8}(?:日报|晚报|早报))"
                       r"(?=[ \u3000\t]*(?:\n|\d{4}年))"
                       r"|([\u4e00-\u9fff]{2,8}报)(?=[ \u3000\t]*\d{4}年))")  # not 再传喜报
