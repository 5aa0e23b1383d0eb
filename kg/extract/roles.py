"""Roles: a title held at an organisation.

Roles are read where Chinese news writes them: before the name
(国家电网…配电抢修班班长张黎明, 党委副书记、乡长仁青平措), after it
(钱素云是…，北京儿童医院重症医学科和内科教研室名誉主任，…), and in bylines
(记者 某某 at the agency of the dateline). The organisation is the stretch
before the title; when that stretch is only a place (…玉麦乡党委副书记) the
place stands for its government. A bare 村/自治区 points back to the
organisation or place the text named before.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .bylines import roles_byline
from .context import Ctx, NMention
from .orgsplit import _LEVELS, _antecedent, _level_place, _place_committee, _split_org_title
from .role_fact import _role
from .spans import expand_left
from .titles import base_title, title_ending_at, titles_in

_CODE = re.compile(r"(?<=[\u4e00-\u9fff])(?=[A-Z0-9-]*[A-Z])(?=[A-Z0-9-]*[0-9])[A-Z0-9-]{2,8}"
                   r"(?=[\u4e00-\u9fff]{0,4}$)")  # C919, CR450: letters and digits


_CAME_FROM = re.compile(r"来自([^，。；、“”的]{2,30})的$")
_SEAT = re.compile(r"、[^、，。；：“”\n]{2,24}代表$")  # 、某省第十四次党代会代表 before a name
_DEPARTMENT = re.compile(r"[\u4e00-\u9fff]{1,5}[科室]")  # 感染科, 办公室: a unit of a body


def roles_before(ctx: Ctx, p: NMention) -> None:
    """ORG TITLE(、TITLE) NAME."""
    text = ctx.text
    pos = p.start
    while pos > 0 and text[pos - 1] in "”’\"":
        pos -= 1
    if pos == p.start and text[pos - 1 : pos] in (" ", "\u3000") and not any(
            cue in text[text.rfind("\n", 0, pos) + 1 : pos]  # 副处长 某某 (a caption, a
            for cue in ctx.lex.person_cues.get("byline", [])):  # contact line), not a byline
        pos -= 1
    t = title_ending_at(ctx, pos)
    status = None if t else _SEAT.search(text[max(0, pos - 27) : pos])
    if status:  # 某学院教授、甘肃省第十四次党代会代表某某: the posts before the seat
        pos -= len(status.group())
        t = title_ending_at(ctx, pos)
    if not t or (pos < p.start and "“" in text[max(0, t[0] - 12) : t[0]]):
        return  # “太空授课女教师”王某: an epithet, not a post
    titles = [t]
    while t[0] > 0 and text[t[0] - 1] == "、":
        prev = title_ending_at(ctx, t[0] - 1)
        if not prev:
            break
        titles.insert(0, prev)
        t = prev
    first = titles[0][0]
    if text[t[0] : t[1]] in ctx.lex.person_cues.get("byline", []) and (
            text[first - 1 : first] in ("", " ", "\n", "（", "(") or first == 0):
        roles_byline(ctx, p)
        return
    clause_start = ctx.clause_of(first)[0] if first > 0 else 0
    while clause_start < first and text[clause_start] in "“‘\"":
        clause_start += 1
    code = _CODE.search(text, clause_start, first)  # 有限公司|C919|总装首席技师: a model's
    cut = code.start() if code else first  # code belongs to the title, not the company
    s = expand_left(ctx, cut, floor=clause_start, allow_joiners=False, by_tag=False)
    s = min([s] + [m.start for m in ctx.of_label("Organization")  # 葡萄酒与园艺学院: a
                   if m.end == cut and clause_start <= m.start < s])  # name found whole
    org, extra = _split_org_title(ctx, s, cut)
    committee = "" if org or cut != first else _place_committee(ctx, s, first, titles[0][1])
    if committee:  # 兰州|市委书记 → 书记 at 兰州市委 (a post before it may chain to it)
        org, extra = committee, ""
    if not org and not extra and s == first:  # 在达地水族乡，乡长某某: the township's head
        org = _level_place(ctx, first, text[first : titles[0][1]])
    came = None if org or extra or s != first else _CAME_FROM.search(text, clause_start, first)
    if came and any(came.group(1).endswith(suf) for suf, w in ctx.lex.org_suffixes.items()
                    if w != "weak"):  # 来自某县完全小学的校长某某
        org, s = came.group(1), came.start(1)
    dept = not org and base_title(text[first : titles[0][1]]) in (
        ctx.lex.person_cues.get("department_posts", []))
    if dept and s == cut:  # 感染|科护士|长吉克: the title begins inside a word
        s = next((k for k in range(cut - 2, max(clause_start, cut - 7) - 1, -1)
                  if k in ctx.tok_starts and _DEPARTMENT.fullmatch(text, k, cut)), s)
    parent = ""
    found = _department(ctx, text[s:cut], s) if dept and _DEPARTMENT.fullmatch(text, s, cut) else ""
    if found:  # 感染科|主任, 感染科|护士长: the department of the body named before in the
        org, extra = found, ""  # paragraph; else the title keeps the department (感染科主任)
        parent = org[: -(cut - s)] if len(org) > cut - s else ""  # 党委委员、感染科主任: the
    extra += text[cut:first]
    rule = "title-before-name"
    if not org and extra[:1] in ("名", "位") and re.search(
            r"[\d一二三四五六七八九十百千万多余几数]$", text[max(0, s - 1) : s]):
        return  # 和100多名乡村医生拉家常: a count of people, not a post
    if not org and extra.endswith("老") and not text[first:titles[0][1]].startswith("老"):
        return  # 老牧民某某, 拜老藏医某某为师: an old herder, not a post
    if not org and re.fullmatch(r"[\u4e00-\u9fff]{1,5}族", extra):  # 壮族教师某某在某中学…:
        extra, rule = "", "title-ethnic"  # a post only if a body is found for it
    for word in ("村", "社区"):  # 村党支部书记某某: the village named before
        if not org and text.startswith(word, first) and first + len(word) < titles[0][1]:
            head = text[first : titles[0][1]]
            org_word = next((w for w in ("党支部", "党总支", "党委", "委员会") if
                             head[len(word):].startswith(w)), "")
            if org_word:  # 村党支部书记 → 党支部书记 of the village
                org = _antecedent(ctx, word + org_word, first)
                titles[0] = (first + len(word), titles[0][1])
            else:  # 村委会主任 of the village
                org = _antecedent(ctx, word, first)
    shared = committee[:-1] or org or (extra if extra and any(  # 珠海|市委副书记、…: shared
        m.label == "Place" and (m.text.startswith(extra) or extra.startswith(m.text))
        for m in ctx.covering(s)) else "")
    if committee:
        titles[0] = (s + len(committee), titles[0][1])
    for i, (a, b) in enumerate(titles):
        title = (extra if i == 0 else "") + text[a:b]
        own = i > 0 and text[a] in _LEVELS and text[a] not in shared and not any(
            m.label == "Place" and m.text == shared for m in ctx.mentions)
        _role(ctx, p, org if i == 0 else ("" if own else shared), title, s,
              rule)  # 团长、省委书记: each its own body
    if org or extra:  # hospital's 党委委员; 省纪委书记、省监委主任: a level's body
        _chained_posts(ctx, p, s, clause_start, parent)


def _department(ctx: Ctx, dept: str, before: int) -> str:
    """感染科 of the body named before in the paragraph: an organisation named with it
    (…医院感染科), or one the department was written right after (在…医院|骨科病房里)."""
    para = ctx.text.rfind("\n", 0, before) + 1
    orgs = [m for m in ctx.of_label("Organization") if para <= m.start and m.end <= before]
    named = [m for m in orgs if m.text.endswith(dept) and len(m.text) > len(dept)]
    if named:
        return max(named, key=lambda m: (m.end, -m.start)).text
    after = [m for m in orgs if m.end < before and ctx.text.startswith(dept, m.end)]
    return max(after, key=lambda m: (m.end, -m.start)).text + dept if after else ""


def _chained_posts(ctx: Ctx, p: NMention, s: int, floor: int, parent: str = "") -> None:
    """某村党支部书记、某合作社理事长某某: a post before the last, with a body of its own
    (or, before a department's post, the body the department is of: ``parent``)."""
    text = ctx.text
    while s - 1 > floor and text[s - 1] == "、":
        t = title_ending_at(ctx, s - 1)
        if not t or t[0] < floor:
            return
        a = expand_left(ctx, t[0], floor=floor, allow_joiners=False, by_tag=False)
        org, extra = _split_org_title(ctx, a, t[0])
        org, parent = org or parent, ""
        if not org:
            return
        if text[t[0] : t[1]] != "委员" or org.endswith("委"):  # 市政协委员、某医院副院长某某:
            # a seat, not a post; 省委委员 is a post
            _role(ctx, p, org, extra + text[t[0] : t[1]], a, "title-before-name")
        s = a


def roles_after(ctx: Ctx, p: NMention) -> None:
    """NAME是A，B机构TITLE，C机构TITLE。 (appositions after the subject)."""
    text = ctx.text
    s_start, s_end = ctx.sentence_of(p.start)
    end = p.end + next((len(c) for c in ("代表", "委员") if text.startswith(c, p.end)), 0)
    alone = not any(m.label == "Person" and s_start <= m.start < p.start for m in ctx.mentions)
    item = text[p.start - 1 : p.start] in ("；", ";") or text.endswith(("；以及", ";以及"), 0,
                                                                    p.start)  # a list's
    heads = p.start == s_start or item or (alone and text.startswith(("，是", "是"), end)) or (
        p.source == "intro")  # 他叫某某，现任…
    colon = text[end : end + 1] in ("：", ":") and (p.start == 0 or text[p.start - 1] == "\n")
    aged = re.match(r"今年\d{1,3}岁[，,]", text[end : end + 8])  # 某某今年46岁，藏族，是…
    past = re.match(r"\d{4}年[^，。；]{2,30}[，,](?:如今|现在|目前)(?=是|任)", text[end:s_end])
    moved = re.match(r"(?:先后|随后|后来?|又)?(?:调任|升任|出任|担任|兼任)", text[end : end + 6])
    if moved:  # 2014年，某某调任某镇卫生院副院长，2017年起任院长
        c_start = ctx.clause_of(p.start)[0]  # (not 接替副镇长某某担任…: whom another replaced)
        if not any(m.label == "Person" and c_start <= m.start < p.start for m in ctx.mentions):
            _posts(ctx, p, end + moved.end(), s_end, "title-after-name", bare=False)
            return
    if heads and past:  # 某某1996年考入某大学，如今是某所研究员、某室主任
        _posts(ctx, p, end + past.end(), s_end, "title-after-name")
        return
    if not heads or text[end : end + 1] not in ("是", "，", "现", "任", "系") and not (
            colon or aged):
        return  # 刘芳代表是…护士长 (来自岳阳的 before it) counts as the subject
    _posts(ctx, p, end + colon, s_end, "title-after-name")


_NOTE_AFTER = re.compile(r"[（(](?:[男女]|[\u4e00-\u9fff]{1,5}族)[^（）()\n]{0,10}[）)]")


def roles_caption(ctx: Ctx, p: NMention) -> None:
    """同期声：某某　某县某村党支部书记 (a TV caption, a signature): the posts after a space,
    to the end of a short line."""
    text = ctx.text
    a = p.end
    note = _NOTE_AFTER.match(text, a)  # 马某某（女）　posts, 马某某（回族）　posts
    a = note.end() if note else a
    a += text[a : a + 1] == "】"  # 【某某】posts
    while text[a : a + 1] in (" ", "\u3000"):
        a += 1
    end = text.find("\n", a)
    end = len(text) if end < 0 else end
    status = re.match(r"[^\s，。]{0,10}代表[ \u3000]+", text[a:end])  # 某某　党的二十大代表　posts
    a0, a = a, a + (status.end() if status else 0)
    if a0 == (note.end() if note else p.end) or not 4 <= end - a <= 60 or re.search(
            r"[。！？：:“”\s]", text[a:end]):
        return  # (a table row's cells have spaces between them: kg/extract/tables.py)
    _posts(ctx, p, a, end, "caption")


def _posts(ctx: Ctx, p: NMention, pos: int, s_end: int, rule: str, bare: bool = True) -> None:
    """Posts listed after the subject: 是A，B机构TITLE，C机构TITLE (or 、-separated).
    ``bare``: a title with no body is a post too (not after 兼任: 兼任理事长 of a body
    named before)."""
    from .honours import _honour_like

    text = ctx.text
    last_org = ""
    leads = sorted(ctx.lex.person_cues.get("role_lead", []), key=lambda s: (-len(s), s))
    for seg in re.finditer(r"([^，；。、]+)(、?)", text[pos:s_end]):
        a, b = pos + seg.start(1), pos + seg.end(1)
        if text.startswith(("拟任", "拟提名", "拟推荐", "拟为"), a):
            break  # 现任某县委副书记、县长，拟任县委书记: a proposed post, not held
        since = re.match(r"\d{4}年(?:\d{1,2}月)?(?:起|以来|开始)", text[a:b])
        a += since.end() if since else 0  # 2010年起担任某村党支部书记
        a += bool(re.match(r"[又还并也](?:当选|担任|兼任|出任|任)", text[a:b]))  # 又当选…委员
        opened = next((lead for lead in leads if text.startswith(lead, a)), "")
        a += len(opened)
        if any(m.label == "Person" and a <= m.start < b for m in ctx.mentions):
            break
        if _SCHOOLED.match(text[a:b]) and re.search(r"现任|现为", text[b:s_end]):
            continue  # 2015年从某校毕业后留校，现任…: the posts are still to come
        if _DEMOGRAPHIC.match(text[a:b]) or text.startswith(("全国", "全军"), a) and _honour_like(
                ctx, text[a:b]) or (
                text[b - 1] == "人" and any(m.label == "Place" and m.end == b - 1
                                            and m.start >= a for m in ctx.mentions)):
            continue  # 某某，女，维吾尔族，…，某县某镇人，现任…; 全国优秀教师: an honour
        t = title_ending_at(ctx, b)
        if not t or t[0] < a:
            if "代表" in text[a:b] or seg.group(2):
                continue  # 国家儿童医学中心、北京儿童医院…带头人: another name of the body
            break
        org, extra = _split_org_title(ctx, a, t[0])
        if re.search(r"\d|被|荣获|获得|评为|了", extra):
            break  # 2021年被评为全国优秀共产党员: an honour; 当了十二年村支书: a past
        if not org and text[a - 1 : a] == "、" and not (extra and (  # …中心小学校长、党支部
                extra[0] in _LEVELS or extra.endswith(tuple(ctx.lex.org_suffixes))  # 书记,
                or ctx.covering(a, "Place"))):  # …英语教师、年级组长: the same school
            org = last_org
        elif not org and not extra and (since or opened) and a > pos:
            org = last_org  # 调任某卫生院副院长，2017年起任院长: the same body
        if org or extra or bare:
            _role(ctx, p, org, extra + text[t[0] : t[1]], a, rule)
        last_org = org


def roles_title_after(ctx: Ctx, p: NMention) -> None:
    """某某总书记 / 某某主席: a title written right after the name."""
    for cue in ctx.lex.person_cues.get("after_name", []):
        if ctx.text.startswith(cue, p.end) and cue in ctx.lex.titles and cue not in (
                "教授", "老师", "院士", "委员", "代表"):
            _role(ctx, p, "", cue, p.start, "title-after-name")
            return


_SCHOOLED = re.compile(r"\d{4}年[^，,。；]{0,30}毕业[^，,。；]{0,8}$")
_DEMOGRAPHIC = re.compile(r"^(?:[男女]|[\u4e00-\u9fff]{1,5}族|(?:今年)?\d{1,3}岁"
                          r"|\d{4}年(?:\d{1,2}月)?(?:出?生(?:于[\u4e00-\u9fff]{2,20})?|入党|参加工作)"
                          r"|(?:中共|中国共产)党员|[\u4e00-\u9fff]{2,4}人"
                          r"|(?:现居|现住|家住|祖籍|籍贯|原籍)[\u4e00-\u9fff]{2,12}|[\u4e00-\u9fff]{2,9}学历"
                          r"|[\u4e00-\u9fff]{0,4}(?:博士|硕士|学士)(?:学位)?"
                          r"|(?:在职)?(?:研究生|大学|大专|中专|高中|初中)(?:文化(?:程度)?)?)$")
_PRONOUN_POSTS = re.compile(r"(?:他|她)(?:先后|曾经?|还|现|目前|同时)?(?:担任|兼任|出任|任)"
                            r"|(?<!其[他她])(?<=[他她])(?![们的])[^。；！？“”]{2,40}?[，,](?:现为|现任)"
                            r"|(?<=这位)[^。；！？“”，,]{2,30}[，,](?:现为|现任)")  # 这位…，现任


class _Antecedents:
    """Who 他/她, 这位 and 作为… point back to, looked up by bisection (one list per
    document, not a scan of every mention per cue)."""

    def __init__(self, ctx: Ctx) -> None:
        self.ctx = ctx
        self.people = [p for p in ctx.of_label("Person") if p.source != "byline"]
        self.ends = [p.end for p in self.people]  # in text order, as the people are
        self.bodies = sorted(q.start for q in ctx.mentions
                             if q.label in ("Organization", "Place"))

    def before(self, pos: int) -> NMention | None:
        """The last person (not a reporter) named before pos, in its sentence or the one
        before."""
        s_start = self.ctx.sentence_of(pos)[0]
        prev_start = self.ctx.sentence_of(max(0, s_start - 1))[0]
        k = bisect_right(self.ends, pos)
        return self.people[k - 1] if k and self.people[k - 1].start >= prev_start else None

    def body_in(self, start: int, end: int) -> bool:
        """An organisation or place begins in [start, end)."""
        i = bisect_left(self.bodies, start)
        return i < len(self.bodies) and self.bodies[i] < end


_PRONOUN_IS = re.compile(r"(?<![其])(?:他|她)(?:现在|目前|现)?是(?![我你他她])")


def roles_pronoun(ctx: Ctx, named: _Antecedents) -> None:
    """她先后担任洛莫村党支部书记、昭觉县妇联副主席, 他是某公司首席工程师: posts of the
    person named before (with 是, only when the clause names a body)."""
    text = ctx.text
    cues = [(m, False) for m in _PRONOUN_POSTS.finditer(text)]
    cues += [(m, True) for m in _PRONOUN_IS.finditer(text)]
    if not cues:
        return
    for m, copula in cues:
        if copula:
            c_end = ctx.clause_of(m.end())[1]
            if not named.body_in(m.end(), c_end) or re.search(r"(?<!党)的", text[m.end() : c_end]):
                continue  # 她是村里的致富能手: a description, not a post
        person = named.before(m.start())
        if person:
            _posts(ctx, person, m.end(), ctx.sentence_of(m.start())[1], "title-pronoun")


_AS_POSTS = re.compile(r"作为([^，。；“”]{4,60})[，,](?=他|她)")


def roles_as(ctx: Ctx, named: _Antecedents) -> None:
    """作为党的二十大代表、某县人民医院妇产科主任，她…: posts of the person named before."""
    for m in _AS_POSTS.finditer(ctx.text):
        person = named.before(m.start())
        if person and named.body_in(*m.span(1)) and title_ending_at(  # a body named, not
                ctx, m.end(1)) and not re.search(r"(?<!党)的", m.group(1)):  # 作为集控运行值长
            _posts(ctx, person, m.start(1), m.end(1), "title-as")  # or 作为…系统的一线教师


def roles_anaphora(ctx: Ctx, named: _Antecedents) -> None:
    """…代表司马建国。这位渭源县…村党支部书记，…: a post of the person just named."""
    text = ctx.text
    for m in re.finditer(r"这位|该同志", text):
        a, clause_end = m.end(), ctx.clause_of(m.end())[1]
        t = title_ending_at(ctx, clause_end)
        if not t:  # 这位党的二十大代表、某村党支部书记要连讲三场: the post before the verb
            inner = [t for t in titles_in(ctx, a, clause_end) if "、" in text[a : t[0]]]
            t = inner[-1] if inner else None
            a = text.rfind("、", a, t[0]) + 1 if t else a
        person = named.before(m.start())
        if t and t[0] >= a and person and not re.search(r"是|(?<!党)的.", text[a : t[0]]):
            org, extra = _split_org_title(ctx, a, t[0])
            _role(ctx, person, org, extra + text[t[0] : t[1]], m.start(), "title-anaphora")


def find_roles(ctx: Ctx) -> None:
    for p in sorted(ctx.of_label("Person"), key=lambda m: m.start):
        roles_title_after(ctx, p)
        if p.source == "byline":
            roles_byline(ctx, p)
            continue
        roles_before(ctx, p)
        roles_after(ctx, p)
        roles_caption(ctx, p)
    named = _Antecedents(ctx)
    roles_anaphora(ctx, named)
    roles_pronoun(ctx, named)
    roles_as(ctx, named)
    from .elected import (  # built on these
        roles_elected,
        roles_in_brackets,
        roles_name_line,
        roles_resume,
    )
    from .rosters import name_lines

    lines = name_lines(ctx)
    for p in ctx.of_label("Person"):
        if p.source != "byline":
            roles_in_brackets(ctx, p)
        if p.source == "name-line" or p.start in lines:
            roles_name_line(ctx, p)
    roles_elected(ctx)
    roles_resume(ctx)
    from .fiches import fiche_roles
    from .tables import table_roles

    table_roles(ctx)
    fiche_roles(ctx)
    from .role_bodies import bodies_of_bare_titles

    bodies_of_bare_titles(ctx)
