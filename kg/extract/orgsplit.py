"""Where a post's organisation ends and its title begins (国家电网…配电抢修班|班长), and
what a bare 村/自治区/这里 before a title points back to."""

from __future__ import annotations

import re

from .context import Ctx, most_named

_LEVELS = set("省市县区州盟旗乡镇")  # 省长, 市委书记: a post of its own level's body
_DEICTIC = {"这里", "那里", "这儿", "那儿", "这", "那", "当地", "本地", "其中",
            "一名", "一位", "一个"}  # 也是一名|护边员: no body named
_ANAPHORA = {"村": "村", "村党支部": "村党支部", "村党委": "村党委", "乡": "乡", "镇": "镇",
             "县": "县", "市": "市", "省": "省", "自治区": "自治区", "社区": "社区",
             "医院": "医院", "公司": "公司", "分公司": "分公司", "支行": "支行", "分行": "分行",
             "车间": "车间", "合作社": "合作社"}
_AGENCY = re.compile(r"(新华社|本报|本刊|中新社|央视|本台|总台"
                     r"|[\u4e00-\u9fff]{2,8}?(?:日报|晚报|早报|报社|通讯社|电视台)|[\u4e00-\u9fff]{1,8}?融媒体中心"
                     r"|[\u4e00-\u9fff]{2,8}?报(?=讯|[·・]?[\u4e00-\u9fff]{0,4}记者)"
                     r"|(?<=来源[：:])[\u4e00-\u9fff]{2,10}(?=[ \t　]))")


def _org_suffix_end(ctx: Ctx, s: int, e: int) -> int:
    """End of the last organisation word or place inside [s, e), or s."""
    best = s
    for m in ctx.mentions:
        if m.label in ("Organization", "Place") and s <= m.start and m.end <= e:
            best = max(best, m.end)
    for suffix in ctx.lex.org_suffixes:
        i = ctx.text.rfind(suffix, s, e)
        if i >= 0 and ctx.lex.org_suffixes[suffix] != "weak":
            best = max(best, i + len(suffix))
    return best


_SCHOOL = {"校": ("学校", "中学", "小学", "大学", "学院"),
           "院": ("医院", "卫生院", "学院", "法院", "检察院", "研究院", "设计院", "科学院")}


def _home(ctx: Ctx, endings: tuple[str, ...]) -> str:
    """The school (hospital) a page is about: the one of that kind named most often, then
    first; 我校 and 校党委 mean it, not the university someone graduated from."""
    named = [m for m in ctx.of_label("Organization") if m.text.endswith(endings)]
    home = most_named(named)
    if home is None:
        return ""
    top = ctx.text.find("\n", ctx.text.find("\n", ctx.text.find("\n") + 1) + 1)
    twice = sum(m.text == home.text for m in named) >= 2
    return home.text if twice or home.start < top else ""  # named often, or in the page's
    # first lines (its masthead): not a college one graduated from


def _antecedent(ctx: Ctx, word: str, before: int) -> str:
    """The organisation or place a bare 村/自治区 refers back to."""
    for m in sorted(ctx.mentions, key=lambda m: -m.start):
        if m.start >= before or m.label not in ("Organization", "Place"):
            continue
        if m.label == "Organization" and m.text.endswith(word) and len(m.text) > len(word):
            return m.text
        if m.label == "Place" and word in ("村", "社区", "乡", "镇") and m.text.endswith(word):
            return m.text
    if word in ("自治区", "省"):
        place = ctx.doc_meta.get("province") or _dateline_province(ctx)
        if place and place.endswith(word):
            return place
    base = next((b for b in ("社区", "村") if word.startswith(b) and word != b), "")
    if base:  # 村党支部 with no village party branch named before: the village itself
        place = _antecedent(ctx, base, before)
        if place != base:
            return place
    return word


def _dateline_province(ctx: Ctx) -> str:
    """本报拉萨…讯: 自治区 is the province of the dateline's city (西藏自治区)."""
    divs = ctx.lex.gazetteer.by_name.get(ctx.doc_meta.get("dateline_place", ""), [])
    chains = {ctx.lex.gazetteer.chain(d.code)[0].name for d in divs if d.code}
    return chains.pop() if len(chains) == 1 else ""


def _split_org_title(ctx: Ctx, s: int, t0: int) -> tuple[str, str]:
    """Split the stretch before a title into (organisation, extra title words)."""
    text = ctx.text
    if t0 > s and text[t0 - 1] == "的":
        t0 -= 1  # 塔尔布村的|党支部书记
    for lead in ctx.lex.person_cues.get("role_lead", []):
        if len(lead) >= 2 and text.endswith(lead, s, t0):
            t0 -= len(lead)  # 洛莫村现任|党支部书记
            break
    counted = next((c for c in ("一名", "一位", "一个") if text.endswith(c, s, t0)), "")
    if counted and t0 - len(counted) > s:  # 中车长客的一名|电焊工: whatever comes first is
        t0 -= len(counted) + (text[t0 - len(counted) - 1] == "的")  # the body
    stretch = text[s:t0]
    own = re.search(r"(?:我|本)(校|院)", stretch)  # 正是我校高中|语文教师
    if stretch in _SCHOOL or own:  # 校党委书记、校长某某: the school the page is about
        home = _home(ctx, _SCHOOL[own.group(1) if own else stretch])
        if home:
            return home, stretch[own.end() :] if own else ""
    if stretch == "厂" or stretch[:1] == "厂" and stretch[1:] in ctx.lex.org_suffixes:
        factory = _antecedent(ctx, "厂", s)  # 厂党委书记, 厂工会主席: the factory named before
        if factory != "厂":
            return factory, stretch[1:]
    if len(stretch) <= 1:  # 县|人大代表: a level word, no organisation
        return "", stretch
    if stretch in _DEICTIC:  # 是这里的|班长: no name of a body
        return "", ""
    if counted:
        return stretch, ""
    if stretch in _ANAPHORA:
        ante = _antecedent(ctx, stretch, s)
        base = next((b for b in ("社区", "村") if stretch.startswith(b) and stretch != b), "")
        if base and not ante.endswith(stretch) and ante.endswith(base):
            return ante, stretch[len(base) :]  # 村党支部|委员 of 大利村: 党支部委员 at the village
        return ante, ""
    body = stretch[1:]
    if stretch[0] in "乡镇县市" and body in ctx.lex.org_suffixes:  # 镇党委|书记 in a town's
        place = _antecedent(ctx, stretch[0], s)  # brief: the town named before, whose 党委书记
        if place != stretch[0]:
            return place, body
    if len(stretch) >= 3 and re.search(r"(村|社区|镇|乡|街道|嘎查|苏木)$", stretch) or any(
            m.label == "Place" and m.end == t0 and m.start >= s for m in ctx.mentions):
        return stretch, ""  # 下新屋村|党委书记: a village not in the gazetteer; 某某嘎查|书记
    if any(stretch.endswith(suf) and len(stretch) > len(suf) and (
            w != "weak" or len([t for t in ctx.tokens if s <= t[0] < t0]) >= 2)
           for suf, w in ctx.lex.org_suffixes.items()):
        return stretch, ""
    cut = _org_suffix_end(ctx, s, t0)
    if cut == s:
        return "", stretch  # 儿科 + 医生: no organisation, a longer title
    return text[s:cut], text[cut:t0]


def _one_org(ctx: Ctx, org: str) -> str:
    """国家儿童医学中心、北京儿童医院重症医学科和内科教研室 → 北京儿童医院重症医学科:
    of two names of one body the last, of a post held in two units the first."""
    if "、" in org and len(org.rsplit("、", 1)[1]) >= 3:
        org = org.rsplit("、", 1)[1]
    for joiner in ("和", "与", "及"):
        head, sep, tail = org.partition(joiner)
        if sep and len(head) >= 3 and any(head.endswith(x) for x in ctx.lex.org_suffixes) and any(
                tail.endswith(x) for x in ctx.lex.org_suffixes):
            return head
    return org


def _level_place(ctx: Ctx, first: int, title: str) -> str:
    """The place a bare level's post (乡长, 副县长) belongs to: the last place of that level
    named before it in the same sentence (在达地水族乡，乡长某某)."""
    level = title.removeprefix("常务").removeprefix("副")[:1]
    if level not in _LEVELS or not re.fullmatch(r"(?:常务)?副?[\u4e00-\u9fff]长", title):
        return ""
    s_start = ctx.sentence_of(first)[0]
    places = [m for m in ctx.of_label("Place") if s_start <= m.start and m.end <= first
              and m.text.endswith(level)]
    return max(places, key=lambda m: m.end).text if places else ""


def _place_committee(ctx: Ctx, s: int, first: int, end: int) -> str:
    """兰州|市委书记: the title begins with the last character of a place named before it
    and 委, so the body is the place's party committee (兰州市委), named whole."""
    text = ctx.text
    if text[first : first + 1] not in _LEVELS or text[first + 1 : first + 2] != "委" or (
            end <= first + 2):
        return ""
    if not any(m.label == "Place" and m.start == s and m.end == first + 1
               for m in ctx.mentions):
        return ""
    return text[s : first + 2]
