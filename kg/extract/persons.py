"""People: names found by their context, then every other mention of them.

No trained Chinese NER runs offline, so names are read from cues news
writing always gives: a title right before the name (班长张黎明), a speech
verb right after (…”张黎明说), a byline (记者 某某), a headline (某某：…),
a form of address (某某同志), a list beside known names, and minority names
joined by a middle dot. A candidate must look like a name: a surname from
the surname list and one or two more characters (or a whole segmented word
for names without a Han surname, 仁青平措), never a listed common word.
"""

from __future__ import annotations

import re

from .bylines import byline_persons
from .context import PUNCT, Ctx, NMention, occurrences, rx
from .name_lists import ELECTS, elected_more, elected_names
from .name_spans import (
    _AFTER_NAME,
    _after_noun,
    _left_ok,
    dotted_names,
    name_after,
    name_before,
    trim_dotted,
)
from .names import BAD as _BAD
from .names import (
    compound_surname_name,
    is_minority_name,
    minority_name_at,
    real_name,
    valid_name,
    vouched_name,
)
from .rosters import column_blocks, layout_persons, roster_lines, unpadded
from .titles import title_ending_at


def _add(ctx: Ctx, span: tuple[int, int] | None, source: str, name: str = "") -> None:
    if span and span[1] > span[0]:
        s, e = span
        ctx.add(NMention(s, e, "Person", name or ctx.text[s:e], source))


HEADLINE = re.compile(r"^[ \t#]*(\d{1,2}[ \t]*[｜|丨.．、][ \t]*|【[^】\n]{4,12}】[ \t]*"
                      r"|[·•][ \t]*[^\n｜|丨：:]{2,12}[｜|丨][ \t]*)?"
                      r"([\u4e00-\u9fff][\u4e00-\u9fff·]{1,11})[：:]", re.M)
# an item of a list set apart by ；, opened by a name and a comma
_LIST_ITEM = re.compile(r"(?:[；;]以及|[：:；;])[ \t]*([\u4e00-\u9fff·]{2,10}?)(?=[，,])")
_ETHNIC_COPULA = re.compile(r"是(?:一[名位个])?[\u4e00-\u9fff]{1,4}族"
                            r"(?:人|姑娘|小伙|干部|妇女|党员)?[，,。；]")
_ETHNIC_OPENER = re.compile(r"[，,](?:[男女][，,](?:[\u4e00-\u9fff]{1,5}族|\d{4}年)"
                            r"|[\u4e00-\u9fff]{1,5}族)[，,（(\d]")
ITEM_NUMBER = r"[\d一二三四五六七八九十]{1,3}[．.、)）]"  # 2． 十、 3) before a list's item
_ITEM_HEAD = re.compile(rf"[ \t]*{ITEM_NUMBER}[ \t]*")
_NUMBERED = re.compile(rf"(?:^|\n){_ITEM_HEAD.pattern}$")
# a sentence opening 作为一名…代表， / 作为一名乡村医生，: the subject's name comes next
_AS_OPENER = re.compile(r"(?:^|(?<=[。！？\n]))[ \t　]*作为[^，。；！？“”：\n]{2,30}?[，,]")


NOTE = r"[（(][^（）()\n]{1,10}[）)]"  # a note in brackets after a name: （女，回族）
_NOTE_END = re.compile(NOTE + "$")


def _before_note(text: str, p: int) -> int:
    """Where a note in brackets that ends at ``p`` starts (马某某（女，回族）), else ``p``."""
    m = _NOTE_END.search(text, max(0, p - 12), p)
    return m.start() if m else p


def _opening_name(ctx: Ctx, p: int) -> tuple[int, int] | None:
    """The whole of what opens a paragraph before ，女，傣族 (玉罕娇): a strong place for a
    name the word pieces cut apart or the weak test would not take."""
    start = p
    while start > 0 and p - start < 5 and ctx.text[start - 1] not in "。！？\n”":
        start -= 1
    name = ctx.text[start:p]
    if 2 <= len(name) <= 4 and re.fullmatch(r"[\u4e00-\u9fff]+", name) and valid_name(
            ctx, name, strong=True):
        return start, p
    return None


def _numbered_name(ctx: Ctx, p: int) -> tuple[int, int] | None:
    """2．吉克某某，女，…: the whole item between its number and the comma, if a name."""
    line = ctx.text.rfind("\n", 0, p) + 1
    m = _ITEM_HEAD.match(ctx.text, line, p)
    return (m.end(), p) if m and vouched_name(ctx, ctx.text[m.end() : p]) else None


def cue_persons(ctx: Ctx) -> None:
    text, cues = ctx.text, ctx.lex.person_cues
    byline_persons(ctx)  # first, so that reporters are known as such
    dotted = list(dotted_names(ctx))
    whole = {text[a:b] for a, b in dotted}
    for a, b in dotted:  # 某某·阿曼|太已经…: as the page writes it whole elsewhere
        b += next((k for k in (1, 2) if text[a : b + k] in whole), 0)
        _add(ctx, (a, b), "dotted")
    glued = _glued_title_names(ctx)
    for _, e in ctx.tokens:  # a title, then a name
        if not ctx.lex.titles.ends_with(text[e - 1]) or e + 1 in glued:
            continue
        t = title_ending_at(ctx, e)
        if t and e < len(text) and not _addressed(ctx, t[0]) and not ctx.covering(e, "Person"):
            _add(ctx, name_after(ctx, e), "title")  # (a byline's name is already whole)
    _clan_names(ctx)
    for verb in cues.get("speech", []):
        for at, _ in occurrences(text, verb):
            span = name_before(ctx, at)
            if span and (_left_ok(ctx, span[0]) or _after_noun(ctx, *span)):
                _add(ctx, span, "speech")
    for verb in cues.get("elected", []):  # 张某当选为市委书记, 王某、李某当选为…
        for m in rx(re.escape(verb)).finditer(text):  # 丁某（女）、马某（回族）当选为…
            span = name_before(ctx, _before_note(text, m.start()))
            while span and (_left_ok(ctx, span[0]) or text[span[0] - 1 : span[0]] == "、"):
                _add(ctx, span, "elected")
                joined = span[0] > 0 and text[span[0] - 1] == "、"
                span = name_before(ctx, _before_note(text, span[0] - 1)) if joined else None
    for m in ELECTS.finditer(text):  # 全会选举刘某为市纪委书记, 选举A、B、C为市委常委
        first = elected_names(ctx, m)
        for span in first:
            _add(ctx, span, "elected")
        for a, b in elected_more(ctx, m.end()) if first else ():  # …，王某、李某为市委副书记
            _add(ctx, (a, b), "elected")
    for word in cues.get("copula", []):  # 王春兰是一名苗族干部: a profile's first words
        for at, _ in occurrences(text, word):
            span = name_before(ctx, at)
            if span and (span[0] == 0 or text[span[0] - 1] in "。！？\n”"):
                _add(ctx, span, "copula")
    for m in re.finditer(r"今年\d{1,3}岁", text):  # 某某今年46岁，…: a profile's opening
        span = name_before(ctx, m.start())
        if span and (span[0] == 0 or text[span[0] - 1] in "。！？\n”"):
            _add(ctx, span, "copula")
    for m in _ETHNIC_OPENER.finditer(text):  # 马某某，(女，)回族，…: a profile's opening
        span = name_before(ctx, m.start()) or _opening_name(ctx, m.start()) or _numbered_name(
            ctx, m.start())
        if span and (span[0] == 0 or text[span[0] - 1] in "。！？\n”" or _NUMBERED.search(
                text, max(0, span[0] - 8), span[0])):  # 2．吉克某某，女，彝族，…
            _add(ctx, span, "copula")
    for m in _AS_OPENER.finditer(text):  # 作为一名来自基层的党的二十大代表，某某深感…
        span = name_after(ctx, m.end(), strong=False)
        if span and span[1] in ctx.tok_starts and not any(
                ctx.covering(span[0], kind) for kind in ("Person", "Place", "Organization")) and (
                not text.endswith(("村", "乡", "镇"), span[0], span[1])) and (
                text[span[0] + 1 : span[1]] not in ctx.lex.common_words):
            _add(ctx, span, "as-opener")
    for m in _ETHNIC_COPULA.finditer(text):  # 最后登台的乌云其木格是蒙古族，…
        span = name_before(ctx, m.start())
        if span and not ctx.covering(span[0], "Person"):
            _add(ctx, span, "copula")
    for m in _LIST_ITEM.finditer(text):  # 包括：周某某，…；根秋卓玛，藏族，…；以及牟某某，…
        a, b = m.span(1)
        name = m.group(1)
        if a in ctx.tok_starts and b in ctx.tok_ends and real_name(ctx, name) and not (
                ctx.covering(a, "Person")):
            _add(ctx, (a, b), "list-item")
    for s, _e in ctx.sentences:  # 赵红英是松树村党支部书记，…: subject, 是, a post
        m = re.match(r"[\s“”]*([\u4e00-\u9fff]{2,4}?)是", text[s : s + 8])
        if m and valid_name(ctx, m.group(1)) and s + m.start(1) in ctx.tok_starts:
            a, b = ctx.clause_of(s + m.end())
            post = title_ending_at(ctx, b)
            if post and post[0] > s + m.end():
                _add(ctx, (s + m.start(1), s + m.end(1)), "copula")
    # 代表司马建国, 村民李四; an honour's holder: 全国劳动模范李四，…技能大奖获得者王五等
    kin, free = set(cues.get("kin", [])), set(cues.get("free_compound_surnames", []))
    for word in [*cues.get("before_name", []), *ctx.lex.honour_bases]:
        for _, after in occurrences(text, word):
            span = name_after(ctx, after, strong=False) or (  # 女儿向春燕，: 向 a surname
                name_after(ctx, after) if text[after : after + 1] in _BAD else None)
            if span and span[1] - span[0] == 3 and text[span[0] : span[0] + 2] in (
                    ctx.lex.common_words):
                continue  # 农民|丰收节: a common word, not a surname and a given name
            if span and (text[span[1] : span[1] + 1] in PUNCT + "说是曾也和在等"
                         or span[1] == len(text) or span[1] - span[0] >= 3 and (  # 哥哥范姜志豪
                             text[span[0] : span[0] + 2] in free)
                         or is_minority_name(ctx, text[span[0] : span[1]])  # 女儿德吉央宗今年
                         or span[1] - span[0] == 3 and span[1] in ctx.tok_ends and word in kin
                         and valid_name(ctx, text[span[0] : span[1]]) and (  # 父亲马占林|赶着,
                             text[span[0] + 1 : span[1]] not in ctx.lex.common_words)  # not 包饺子
                         or _plain_three(ctx, span)  # 代表孟淑华|发言, 徒弟刘|浩然|专门
                         or text.endswith("大代表", 0, after)
                         and span[1] in ctx.tok_starts and (  # 二十大代表|肖春明|回到, not
                             ctx.token_at(span[0]) == span  # 二十大代表|应|具备
                             or text[span[0] + 1 : span[1]] not in ctx.lex.common_words)):
                _add(ctx, span, "descriptor")
    for word in cues.get("after_name", []):
        for at, end in occurrences(text, word):
            if text.startswith(("候选", "人选", "名额", "资格"), end):
                continue  # 某某曾进入代表候选人…名单: no form of address
            span = name_before(ctx, at)
            if span and len(text[span[0] : span[1]]) >= 2 and (
                    _left_ok(ctx, span[0]) or text[span[0] - 1 : span[0]] == "的" or (
                        span[1] - span[0] >= 3 and span[0] in ctx.tok_starts
                        and word in ctx.lex.titles)  # 讨论习近平总书记…的报告
                    or _after_noun(ctx, *span) and _plain_three(ctx, span)):  # 种粮大户|宋立军|代表
                _add(ctx, span, "address")  # 来自岳阳的刘芳代表
    for word in cues.get("intro", []):
        for m in rx(re.escape(word) + r"([\u4e00-\u9fff]{2,3}?)(?=的|，|。|、)").finditer(text):
            if word[0] in "他她" and not valid_name(ctx, m.group(1)):
                continue  # 他叫苦不迭，…: no name
            _add(ctx, m.span(1), "intro")
    for line in HEADLINE.finditer(text):  # 某某：…, 02｜某某：… (a numbered profile's)
        s, e = line.span(2)
        name = text[s:e]
        rest = text[line.end() :].split("\n")[0]
        series = bool(line.group(1)) and not line.group(1)[0].isdigit()  # 【…风采】某某：
        if ("·" in name or valid_name(ctx, name, strong=series)) and len(rest) < 40 and not (
                re.search(r"^\s*[\dA-Za-z]|[\u4e00-\u9fff]{2,6}[：:]", rest)):  # 索引号：…　分类：
            _add(ctx, trim_dotted(ctx, s, e) if "·" in name else (s, e),
                 "numbered-heading" if line.group(1) and not series else "headline")
    for surname in cues.get("free_compound_surnames", []):  # 说起村里的事，上官建平的…
        for at, _ in occurrences(text, surname):
            span = compound_surname_name(ctx, at, False)
            given = text[at + len(surname) : span[1]] if span else ""
            titled = title_ending_at(ctx, at)  # 部长令|狐晓峰宣读: after a title
            if span and (at in ctx.tok_starts or titled) and (
                    text[span[1] : span[1] + 1] in _AFTER_NAME or titled
                    or re.match(r"\d{4}年|\d{1,3}岁", text[span[1] : span[1] + 5])
                    and text[span[1] - 1] not in "路街村组号") and not ctx.covering(
                    at, "Person") and not any(given.endswith(w) for w in (
                        *cues.get("after_name", []), *cues.get("name_tail", []))):
                _add(ctx, span, "compound-surname")
    plain = (*cues.get("before_name", []), *cues.get("after_name", []))
    for m in re.finditer(r"\d{1,3}岁的", text):  # 31岁的欧阳思远，是…
        span = name_after(ctx, m.end(), strong=False)
        name = text[span[0] : span[1]] if span else ""
        if span and len(name) >= 3 and text[span[1] : span[1] + 1] in "，,是在曾说从" and not (
                name in ctx.lex.common_words or ctx.lex.titles.ending_at(name, len(name))
                or name.endswith(plain)):  # not 30岁的高工 (two characters), 80岁的张大爷
            _add(ctx, span, "age")


def _plain_three(ctx: Ctx, span: tuple[int, int]) -> bool:
    """A surname and a two-character given name after a cue word, ending where a word starts
    (孟|淑华|发言): the segmenter cut the name off the words around it, and the given name is
    no noun or verb of its own (not 父亲包|饺子, 代表党|中央)."""
    a, b = span
    name, given = ctx.text[a:b], ctx.text[a + 1 : b]
    tag = ctx.lex.word_tags.get(given, "nr")
    return (b - a == 3 and b in ctx.tok_starts and ctx.token_at(a) in ((a, a + 1), span)
            and tag.startswith("nr") and name not in ctx.lex.common_words
            and name[0] not in ctx.lex.verb_surnames  # 职工代表来|听会|的
            and name not in ctx.lex.place_index.find_at(name, 0)
            and valid_name(ctx, name, strong=True))


def _glued_title_names(ctx: Ctx) -> set[int]:
    """军士|长庞|建华, 科护士|长吉克|曲布: the segmenter glued a title's last character to
    the name after it; the name is the rest of that word and the next (a surname and a
    given name, or a minority name). Returns where those names start."""
    text, starts = ctx.text, set()
    for a, b in ctx.tokens:
        word = text[a:b]
        if not 2 <= b - a <= 3 or not ctx.lex.titles.ends_with(word[0]) or (
                word in ctx.lex.word_tags or word in ctx.lex.common_words
                or ctx.lex.place_index.find_at(word, 0)):
            continue  # 公司|长沙: a word of its own
        if ctx.covering(a + 1, "Person") or not title_ending_at(ctx, a + 1):
            continue
        minority = minority_name_at(ctx, a + 1)
        nxt = ctx.token_at(b)
        if minority and minority[1] > b:
            span: tuple[int, int] | None = minority
        elif b - a == 2 and ctx.lex.is_surname_start(word[1]) == 1 and nxt and (
                1 <= nxt[1] - nxt[0] <= 2 and valid_name(ctx, text[a + 1 : nxt[1]], strong=True)):
            span = (a + 1, nxt[1])
        else:
            continue
        _add(ctx, span, "title")
        starts.add(a + 1)
    return starts


def _clan_names(ctx: Ctx) -> None:
    """阿苦拉哈是…的彝族老人: a Yi family name and two syllables, standing as words of their
    own, is a name with no other cue (as a distinct compound surname is)."""
    text = ctx.text
    for clan in sorted(ctx.lex.minority_clans):
        for at, _ in occurrences(text, clan):
            name = text[at : at + 4]
            if at in ctx.tok_starts and (at + 4 in ctx.tok_ends or text[at + 4 : at + 5] in (
                    _AFTER_NAME)) and is_minority_name(ctx, name) and not (
                    ctx.covering(at, "Person") or ctx.lex.place_index.find_at(name, 0)
                    or any(text.startswith(suf, at + 4) for suf, w in ctx.lex.org_suffixes.items()
                           if w != "weak")):  # 阿尔斯通|公司 is a company
                _add(ctx, (at, at + 4), "clan-name")


def _addressed(ctx: Ctx, title_start: int) -> bool:
    """上官主任查房: a surname alone before the title is a form of address, no name follows."""
    tok = ctx.token_at(title_start - 1) if title_start > 0 else None
    if not tok or tok[1] != title_start:
        return False
    word = ctx.text[tok[0] : tok[1]]
    if word in _BAD:
        return False  # 和副校长某某: a conjunction, not the surname 和
    return ctx.lex.is_surname_start(word) == len(word) and (
        tok[0] == 0 or ctx.text[tok[0] - 1] in PUNCT)


def list_persons(ctx: Ctx) -> None:
    """In a 、-list where two items are known people, the other items' names are people too."""
    text = ctx.text
    known = {m.text for m in ctx.of_label("Person")}
    for s, e in ctx.sentences:
        for run in re.finditer(r"[^，。；：！？\n]+", text[s:e]):
            items = run.group(0).split("、")
            closing = re.search(r"等(?:\d+名)?(?:代表|同志|委员|人|党员|先进)", items[-1])
            if closing:  # 刘建国、次仁央宗、王丽萍等代表: a list of people by what follows it
                items[-1] = items[-1][: closing.start()]
            if len(items) < (2 if closing else 3):
                continue
            hits = sum(any(item.endswith(k) for k in known) for item in items)
            if hits < 2 and not closing:
                continue
            pos = s + run.start()
            for item in items:
                core = item.rstrip("….等")
                if "·" in core:  # 努尔别克·哈力木: the dotted names' rule finds it whole, and
                    pos += len(item) + 1  # its last part is no name of its own
                    continue
                whole = len(core) if valid_name(ctx, core) or is_minority_name(ctx, core) else 0
                for k in (whole, 3, 2) if whole else (3, 2):
                    cand = core[-k:]
                    if valid_name(ctx, cand) or k == whole:
                        start = pos + len(core) - k
                        _add(ctx, (start, start + k), "list")
                        break
                pos += len(item) + 1


def roster_persons(ctx: Ctx) -> None:
    """Every name of a line that is a printed list of names (``kg.extract.rosters``)."""
    lines = [spans for _, _, spans in roster_lines(ctx)]
    for spans in lines + [spans for _, spans in column_blocks(ctx, people=True)]:
        for s, e in spans:
            name = unpadded(ctx.text[s:e])  # 白　鹏: the name without the padding
            if len(name) > 4 and ctx.lex.titles.ending_at(name, len(name)):
                continue  # 新甘肃·甘肃日报记者 苏某: a paper's reporter, named after it
            if len(name) == e - s or not ctx.covering(s, "Person"):
                _add(ctx, (s, e), "roster", name)


def find_persons(ctx: Ctx) -> None:
    from .fiches import fiche_persons
    from .person_repeats import (
        dotted_aliases,
        joined_persons,
        places_in_names,
        propagate,
        shorter_names,
        surname_aliases,
    )
    from .tables import table_persons

    cue_persons(ctx)
    layout_persons(ctx, trim_dotted)
    table_persons(ctx)
    fiche_persons(ctx)
    roster_persons(ctx)
    list_persons(ctx)
    joined_persons(ctx)
    propagate(ctx)
    shorter_names(ctx)
    surname_aliases(ctx)
    dotted_aliases(ctx)
    places_in_names(ctx)
