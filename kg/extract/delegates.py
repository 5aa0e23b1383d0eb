"""Delegates: people the text says were elected to the congress.

Only what the text says counts: 当选（党的）二十大代表, 是党的二十大代表,
作为代表 in a quote of theirs, 二十大代表、…某某, and a list of names followed
by …N名代表. A person in a sentence about 代表候选人/代表选举 is not a
delegate, nor a reporter. The congress is configurable (``congress``).
"""

from __future__ import annotations

import re

from .context import HE_SHE, Ctx, he_or_she, line_spans, previous_person, rx
from .cue_subjects import joined_to, one_stretch, quoted_other, relative_subject, speaker_only
from .delegations import add_delegate as _add
from .delegations import delegation_context, delegation_members, delegation_regions
from .delegations import persons_in as _persons_in
from .rosters import caption_blocks, column_blocks, comma_blocks, heading_before, roster_lines
from .titles import title_ending_at
from .turns import announced_turns, corridor, speakers_in_turn

_NOT_DELEGATE = (r"(?!候选|人选|选举|名额|名单|资格|大会|会议|团|风采|的构成|的选举|产生|结构|比例"
                 r"|性)")


def _cues(congress: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    c = re.escape(congress)
    full = "|".join(map(re.escape, congress_names(congress)))  # 二十大, 第二十次全国代表大会
    strong = re.compile(
        rf"(?:当选为?|获选为?|是|也是|同为|作为(?:一名)?)(?:党的)?{c}代表{_NOT_DELEGATE}"
        rf"|(?:作为|也?是)[^，。；]{{0,8}}?出席(?:中国共产党|党的)?(?:{full})的[^，。；]{{0,6}}?代表"
        r"(?:团(?:的一员|成员))?"
        rf"|作为[^，。；]{{0,12}}?代表团的?(?:一员|成员)出席了?(?:中国共产党|党的)?(?:{full})"
        rf"|当选为?(?:[^，。；、“”代表]{{2,8}}?)?出席(?:党的)?{c}代表{_NOT_DELEGATE}"  # 为某省出席
        rf"|也?是[^，。；]{{0,16}}?的(?:党的)?{c}代表{_NOT_DELEGATE}"  # 是我市唯一的二十大代表
        rf"|(?:党的)?{c}代表(?:这个|的)身份|(?:党的)?{c}代表、"
        rf"|(?:身份|头衔)(?:——|—|：|:|是|，)(?:党的)?{c}代表{_NOT_DELEGATE}"
        rf"|作为[^，。；]{{0,16}}?的(?:党的)?{c}代表(?:中的一员|之一)?(?=，)"  # 作为…的二十大代表，
        r"|是(?:这次|本次)大会的代表"  # 他也是这次大会的代表 (in a text on the congress)
        rf"|以(?:党的)?(?:{c})?代表的?身份出席(?:全国党代会|(?:中国共产党|党的)?(?:{full}))"
        rf"|成为[^，。；]{{0,12}}?(?:党的)?{c}代表{_NOT_DELEGATE}"
        rf"|、(?:党的)?{c}代表(?=[。；])"  # 是某合作社理事长、党的二十大代表。
        rf"|(?<![访道同请邀向为给对送])出席了?(?:中国共产党|党的)?(?:{full})(?!的|[^，。；]{{0,6}}?代表"
        r"|[^，。；]{0,2}(?:开幕|闭幕|新闻|记者|报告|精神))")  # 某某把出席党的二十大看作…
    weak = re.compile(rf"(?:当选为?|作为(?:一名)?)(?:一名)?代表{_NOT_DELEGATE}"
                      r"|(?<![可难足得所予加])以(?:一名)?代表的?身份")  # 以代表身份出席…
    listed = re.compile(rf"^[……等]*\d+名(?:(?:党的)?(?:{c})?代表|(同志)当选(?!为))")
    return strong, weak, listed


def _only_this_congress(ctx: Ctx) -> bool:
    """A report on this congress alone: no local congress or people's congress session in it,
    so 某某代表 can only be one of its delegates."""
    return not any(m.source == "session" or m.attrs.get("key", "").startswith("local-congress")
                   for m in ctx.of_label("Event"))


# the colon may come a sentence later: 在当选的代表中，既有…，也有…。他们当中有：A、B
_ANNOUNCED = re.compile(r"(?:当选(?:的)?代表|代表名单)"
                        r"(?:[^\n：:说“”]{0,50}?(?:包括|有|为|如下|是))?[：:](?!“)")


_SPEAKS = re.compile(r"[^，。]{0,12}?(?:说|告诉|表示|介绍|指出)")
_THESE = re.compile(r"(?:这些|这批|上述)代表(?:中)?(?:包括|有)[：:]"
                    r"|([\u4e00-\u9fff]{0,4})代表[^。；：\n]{0,30}[，,](?:他们|她们)(?:分别)?是[：:]")
_OTHER_CONGRESS = re.compile(r"第[一二三四五六七八九十]+次代表大会|(?<!全国)党代会"
                             r"|人民代表大会|人大")
# 某某，是6名少数民族代表之一: one of the delegates an overview has counted
_OTHER_KIND = r"(?![^，。；“”]{0,8}?(?:人大|政协|村民|居民|职工|家长|学生|工作人员|随团))"
_ONE_OF = re.compile(r"(?:^|[，,])也?是(?:其中)?\d+名" + _OTHER_KIND + r"[^，。；“”]{0,8}代表之一")
# 他…也是四川代表团最年轻的代表之一: a member of one of the congress's delegations
_MEMBER = re.compile(r"(?:^|(?<=[，,他她]))也?是[^，。；“”]{0,10}代表团" + _OTHER_KIND
                     + r"[^，。；“”]{0,10}?的?代表"
                     r"(?:之一)?(?![团大会])")
# 这位…获得者，是江西代表团的一员 (in a text on the congress)
_CREW = re.compile(r"(?:^|(?<=[，,他她]))也?是[^，。；“”]{0,10}代表团" + _OTHER_KIND
                   + r"的?(?:一员|成员)")


def congress_names(congress: str) -> tuple[str, ...]:
    """The ways the text names the congress: 二十大, and 第二十次全国代表大会 for it."""
    m = re.fullmatch(r"([一二三四五六七八九十]+)大", congress)
    return (congress, f"第{m.group(1)}次全国代表大会") if m else (congress,)


def _paragraph(text: str, s: int, e: int) -> str:
    """From the start of the paragraph s is in, to e."""
    return text[text.rfind("\n", 0, s) + 1 : e]


def _names_congress(text: str, s: int, e: int, congress: str) -> bool:
    """The paragraph of the sentence s–e names the congress (what 某某等6名同志当选 were
    elected to is said a sentence earlier: 选举产生了出席党的二十大代表。)."""
    para = _paragraph(text, s, e)
    return any(n in para for n in congress_names(congress))


def _another_congress(text: str, s: int, e: int, congress: str) -> bool:
    """The paragraph names another congress (党代会, 人大) and not this one."""
    return bool(_OTHER_CONGRESS.search(_paragraph(text, s, e))) and not _names_congress(
        text, s, e, congress)


def _examples(congress: str) -> re.Pattern[str]:
    c = re.escape(congress)
    return rx(rf"当选(?:的)?(?:党的)?(?:{c})?代表中，|出席(?:党的)?{c}的?代表中，"
              r"|(?:这份|代表)名单上，")


def announced_list(ctx: Ctx, congress: str) -> None:
    """当选代表包括：A、B（女，畲族）、C…, 当选的代表中…有：A、B: everyone in the list
    that follows is a delegate; so is everyone a paragraph opened by 当选代表中， names (the
    examples it gives: 当选代表中，既有…，也有…。某村党总支书记A，…；某院院长B，…)."""
    text = ctx.text
    posted = {f.args["person"] for f in ctx.facts if f.kind == "role"}
    for m in _examples(congress).finditer(text):  # the first sentence after it naming people
        for s, e in ctx.sentences:
            named = [p for p in _persons_in(ctx, max(s, m.end()), e)
                     if p.attrs.get("alias_of", p.text) in posted and not _SPEAKS.match(
                         text, p.end, e)]  # …副厅长孔某某告诉记者: who speaks of them
            if s > m.end() + 200:
                break
            if e > m.end() and named:
                for p in named:
                    _add(ctx, p, m.start(), p.end, "announced-examples")
                break
    groups = tuple(ctx.lex.person_cues.get("group_representatives", []))
    for m in [*_ANNOUNCED.finditer(text), *_THESE.finditer(text)]:
        if _another_congress(text, m.start(), m.end(), congress):
            continue  # 现将（州党代会）代表名单公布如下：another congress's list
        at = m.end(1) if m.re is _THESE and m.group(1) is not None else m.start()
        if m.re is _THESE and not any(  # 这些代表包括：… after a paragraph on the congress's
                n in text[max(0, at - 600) : at] for n in congress_names(congress)):
            continue
        if m.re is _THESE and m.group(1) is not None and (  # …代表组成，他们是：, not 三名
                m.group(1).endswith(groups) or not _names_congress(  # 村民代表…，他们是：
                    text, m.start(), m.end(), congress)):
            continue
        ends = [i for i in (text.find("\n\n", m.end()), text.find("。", m.end())) if i >= 0]
        end = min([*ends, m.end() + 800])  # the list ends with its sentence
        for p in ctx.of_label("Person"):
            if m.end() <= p.start < end and p.source != "byline":
                _add(ctx, p, m.start(), p.end, "announced-list")


_NOTICE = re.compile(r"(?:当选人|当选代表)[^\n：:。]{0,24}如下[^\n：:。]{0,16}[：:]")


def public_notice(ctx: Ctx, congress: str) -> None:
    """现将…当选人的基本情况公示如下：, then a paragraph per person (某某，女，汉族，…): a
    notice of the elected, when the paragraph names the congress (not of nominees:
    候选人, 预备人选)."""
    text = ctx.text
    for m in _NOTICE.finditer(text):
        if not _names_congress(text, m.start(), m.end(), congress) or re.search(
                r"候选|预备人选|推荐人选|考察对象", _paragraph(text, m.start(), m.end())):
            continue
        pos = m.end()
        for a, b in line_spans(text[pos:]):
            line = text[pos + a : pos + b]
            if not line.strip():
                continue
            lead = len(line) - len(line.lstrip(" \t\u3000"))
            p = ctx.mention_at(pos + a + lead, pos + a + lead + _name_len(line[lead:]), "Person")
            if not p or not re.match(r"[，,（(][男女][，,）)]", text[p.end : p.end + 3]):
                break  # the entries end with the first paragraph not of that form
            _add(ctx, p, m.start(), p.end, "notice")


def _name_len(line: str) -> int:
    m = re.match(r"[\u4e00-\u9fff·]{2,12}?(?=[，,（(][男女][，,）)])", line)
    return m.end() if m else 0


def named_in_list(ctx: Ctx, congress: str) -> None:
    """党的二十大代表名单公布，…研究员某某名列其中: the person the list includes."""
    text = ctx.text
    for s, e in ctx.sentences:
        if not re.search(rf"(?:党的)?{re.escape(congress)}代表名单", text[s:e]):
            continue
        for p in _persons_in(ctx, s, e):
            if re.match(r"[也亦]?(?:名列其中|位列其中|榜上有名|赫然在列)", text[p.end : e]):
                _add(ctx, p, s, p.end + 4, "in-the-list")


_PLAIN_LIST = re.compile(r"(?:(?:党的)?[\u4e00-\u9fff]{0,3}大)?代表名[单录]"
                         r"(?:[（(][^）)]{0,6}[）)])?[：:]?")


def roster_delegates(ctx: Ctx, congress: str) -> None:
    """The names printed under a heading of the congress's delegate list
    (…出席中国共产党第二十次全国代表大会代表名单)."""
    from .tables import table_rows

    rows = [(start, [name]) for start, name, _ in table_rows(ctx)]
    for start, spans in [*((a, spans) for a, _, spans in roster_lines(ctx)), *rows]:
        heading = heading_before(ctx.text, start)
        if "代表名单" in heading and any(n in heading for n in congress_names(congress)):
            for s, e in spans:
                p = ctx.mention_at(s, e, "Person")
                if p:
                    _add(ctx, p, s, e, "roster")
    title = ctx.text[: ctx.text.find("\n", ctx.text.find("\n", ctx.text.find("\n") + 1) + 1)]
    for heading, spans in [*caption_blocks(ctx), *column_blocks(ctx)]:  # 部分当选代表名单
        # 如下：/ 某某（女）　posts …; 某省出席…代表名单 / 某某（藏族） / 某某 …
        if "代表名单" in heading and any(n in heading or "当选代表" in heading and n in title
                                         for n in congress_names(congress)):
            for s, e in spans:
                p = ctx.mention_at(s, e, "Person")
                if p:
                    _add(ctx, p, s, e, "roster")
    for heading, spans in comma_blocks(ctx):  # 代表名录（部分） / 某某，某医院主任医师 …
        before = ctx.text[max(0, spans[0][0] - 800) : spans[0][0]]
        plain = _PLAIN_LIST.fullmatch(heading)  # 代表名录（部分）, not 优秀共产党员代表名单
        if (plain or any(n in heading for n in congress_names(congress))) and any(
                n in heading or n in title or n in before for n in congress_names(congress)) and (
                not _OTHER_CONGRESS.search(heading)):
            for s, e in spans:
                _add(ctx, ctx.mention_at(s, e, "Person"), s, e, "roster")


_PROFILES = re.compile(r"代表(?:风采|心声|之声|访谈)"
                       r"|(?:认识|介绍|走近)(?:其中|这)?[\d一二三四五六七八九十]+位")
_LOOSE = re.compile(r"成为|也?是[^，。；]*(?<!党)的")  # not the 的 of 党的
_PRONOUN = re.compile(rf"这位|自己|{HE_SHE.pattern}")
_ADVERBS = re.compile(r"[光荣顺利已也还再次均都成功高票将把刚即]{0,4}")


def _weak_cue(weak: re.Pattern[str], text: str, s: int, e: int,
              congress: str) -> re.Match[str] | None:
    """当选代表 / 作为代表, in a text on the congress: not of another congress the clause or
    the paragraph names (作为代表出席自治区党代会, an item on a 人大 by-election)."""
    m = weak.search(text[s:e])
    if not m:
        return None
    clause = re.split(r"[，。；]", text[s + m.end() : e], maxsplit=1)[0]
    if _another_congress(text, s, e, congress) or _OTHER_CONGRESS.search(
            clause) and not _names_congress(text, s, e, congress):
        return None
    return m


def find_delegates(ctx: Ctx, congress: str = "二十大") -> None:
    text = ctx.text
    known = congress_names(congress)
    if not any(n in text for n in known):
        return
    strong, weak, listed = _cues(congress)
    in_context = f"{congress}代表" in text
    members = delegation_context(text, congress)
    if members or _only_this_congress(ctx):
        delegation_members(ctx, congress)
    if in_context:
        announced_list(ctx, congress)
    public_notice(ctx, congress)
    if "代表通道" in text:
        corridor(ctx, congress)
    speakers_in_turn(ctx, congress)
    announced_turns(ctx, congress)
    named_in_list(ctx, congress)
    roster_delegates(ctx, congress)
    page = _PROFILES.search(text)
    if page and (page.group().startswith("代表") or in_context):  # a page of profiles or words,
        from .persons import HEADLINE  # each under its name line, name（…）： or 01｜name：
        from .rosters import BRACKET_HEAD, OPENER, name_lines
        from .titles import posted_line

        openers = {m.start(1) for m in (*OPENER.finditer(text), *BRACKET_HEAD.finditer(text))}
        openers |= {m.start(2) for m in HEADLINE.finditer(text) if m.group(1) or posted_line(
            ctx, m.end())}  # 01｜某某：, or 某某：某公司某班班长，… (a post right after)
        openers |= name_lines(ctx)
        for p in ctx.of_label("Person"):
            note = re.match(r"[（(]([^（）()\n]*)[）)]", text[p.end : p.end + 90])
            if note and "代表" in note.group(1) and not any(n in note.group(1) for n in known):
                continue  # ——某某（省第十三次党代会代表，…）: a seat at another congress
            if p.source in ("name-line", "opener") or p.start in openers:
                _add(ctx, p, p.start, p.end, "profile-name-line")
    either = "|".join(map(re.escape, known))
    for m in rx(rf"(?:党的|中国共产党)?(?:{either})代表(、|[ \u3000]+|，)?").finditer(text):
        # …代表、工程师陈志强; a caption: 党的二十大代表 某村党支部书记 某某; 二十大代表某某;
        # 党的二十大代表，中共某市委副书记、市长某某 (after a comma: posts, then the name)
        nxt = min((p for p in ctx.of_label("Person") if p.start >= m.end()),
                  key=lambda p: p.start, default=None)
        comma = m.group(1) == "，"  # only as a paragraph's opening words
        if comma and m.start() > 0 and text[m.start() - 1] not in "\n　 ":
            continue
        if nxt and (nxt.start == m.end() and not comma or m.group(1) and (
                nxt.start - m.end() <= 45 and one_stretch(text[m.end() : nxt.start]))
                and not (comma and (re.search(r"[，；：“”]", text[m.end() : nxt.start])
                                    or not title_ending_at(ctx, nxt.start)))):
            _add(ctx, nxt, m.start(), nxt.end, "cue-next-person")
    for s, e in ctx.sentences:
        sent = text[s:e]
        found = [m for m in strong.finditer(sent) if not m.group().endswith("、")]
        cue = next((m for m in found if not m.group().startswith("出席")), None) or (
            _weak_cue(weak, text, s, e, congress) if in_context else None) or (  # 二十大代表、某某
            _MEMBER.search(sent) if members else None) or (
            _ONE_OF.search(sent) if in_context else None) or (
            _CREW.search(sent) if in_context else None) or (
            found[0] if found else None)  # 出席党的二十大: the last resort (作为代表出席…)
        people = _persons_in(ctx, s, e)
        relative = relative_subject(ctx, people, s + cue.end()) if cue else None
        if relative:  # 当选二十大代表的某镇党委书记X: X, whoever speaks
            _add(ctx, relative, s + cue.start(), relative.end, "cue-relative")
        elif cue:
            cue_at = s + cue.start()
            names = {p.attrs.get("alias_of", p.text) for p in people}
            speaker = [p for p in people if p.source == "speech"
                       or text[p.end : p.end + 2] in ("说：", "表示")]
            direct = [p for p in people
                      if p.end <= cue_at and _ADVERBS.fullmatch(text[p.end : cue_at])]
            following = [p for p in people if p.start == s + cue.end() + 1]
            if direct:  # X当选党的二十大代表, whoever speaks of it
                _add(ctx, direct[-1], cue_at, s + cue.end(), "cue-direct")
                for p in joined_to(ctx, direct[-1], people):  # 某院教授A、某院辅导员B当选为…
                    _add(ctx, p, p.start, s + cue.end(), "cue-direct")
            elif cue.group().startswith("作为") and following:  # 作为…的党的二十大代表，某某…
                _add(ctx, following[0], cue_at, following[0].end, "cue-as")
            elif cue.group().startswith("作为") and congress in cue.group() and not any(
                    p.end <= cue_at for p in people) and (
                    re.match(r"[，,][他她](?![们的])", text[s + cue.end() :])) and (
                    prev := previous_person(ctx, s, he_or_she(sent))):  # 作为…的二十大代表，她…
                _add(ctx, prev, cue_at, s + cue.end(), "cue-anaphora")
            elif not any(p.end <= cue_at for p in people) and not cue.group().startswith(
                    "出席") and (pron := _PRONOUN.search(text[s:cue_at])) and not (
                    pron.group() == "自己" and (speaker or re.search(  # “得知自己当选…”某某说
                        r"“[^”]*$", text[s:cue_at]))) and (
                    prev := previous_person(ctx, s, he_or_she(sent))):  # 这位女教师当选…
                _add(ctx, prev, s, s + cue.end(), "cue-anaphora")  # ；与她一同当选的
                if re.search(r"(?:一同|一起|同时|同批)当选", text[s + cue.end() : e]):
                    for p in people:
                        _add(ctx, p, cue_at, p.end, "cue-together")
            elif text.endswith(("能", "能够", "可以", "希望", "争取"), s, cue_at):
                pass  # 但能当选党的二十大代表，是…: what it means to be one, said of nobody
            elif quoted_other(text, s, cue_at):
                pass  # 某某说：“我是十九大代表，她是二十大代表”: another, in a quote
            elif _LOOSE.match(cue.group()):  # 是…的二十大代表, 成为…代表: talk of delegates
                subject = [p for p in people if p.end <= cue_at]  # unless said of the plain
                if subject and not re.search(r"说|表示|介绍|认为|指出|[“”：像]",  # subject
                                             text[subject[0].end : s + cue.end()]):
                    _add(ctx, subject[0], cue_at, s + cue.end(), "cue-subject")
                elif not subject and re.search(r"(?:^|，)[他她]也?$", text[s:cue_at]) and (
                        prev := previous_person(ctx, s, he_or_she(sent))):  # 这一次，他是…之一
                    _add(ctx, prev, s, s + cue.end(), "cue-anaphora")
            elif speaker_only(ctx, people, s, (cue_at, s + cue.end()), e):
                pass  # “自打当选党的二十大代表，中队长…”指导员某某说: said of another
            elif len(names) == 1:
                _add(ctx, people[0], cue_at, s + cue.end(), "cue-single-person")
            elif speaker:
                _add(ctx, speaker[-1], cue_at, s + cue.end(), "cue-speaker")
            elif people:
                subject = [p for p in people if p.end <= cue_at]
                if subject:
                    _add(ctx, subject[-1], cue_at, s + cue.end(), "cue-subject")
            elif _PRONOUN.search(sent) and not cue.group().startswith("出席"):  # 今年6月他当选…
                prev = previous_person(ctx, s, he_or_she(sent))
                if prev:
                    _add(ctx, prev, s, s + cue.end(), "cue-anaphora")
        for p in people:  # a list of names followed by …N名代表
            after = text[p.end : e]
            items = re.match(r"(?:、[^、，。等]{2,12})*", after)
            rest = after[items.end() if items else 0 :]
            hit = listed.match(rest) if "、" in text[max(s, p.start - 12) : p.end + 1] else None
            if hit and (not hit.group(1) or _names_congress(text, s, e, congress)):
                _add(ctx, p, p.start, p.end + len(after), "list")  # …等6名同志当选: of what
    if in_context:  # 这位哈萨克族代表刚发完言: the person just named
        groups = tuple(ctx.lex.person_cues.get("group_representatives", []))
        this = r"(?<!下面)(?<!接下来)这位([^，。；“”]{0,6}?)代表(?![团大会])"
        for m in re.finditer(this, text):  # not 下面这位代表，…: the one about to speak
            prev = previous_person(ctx, m.start())
            if prev and not m.group(1).endswith(groups) and prev.end >= m.start() - 60:
                _add(ctx, prev, m.start(), m.end(), "this-delegate")
    delegation_regions(ctx, congress)
