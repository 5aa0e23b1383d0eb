"""Profile boxes (姓名：… / 职务：… / 荣誉：…), honours given by a body or stated with 是,
metadata lines and the examples after 出席党的二十大代表中, each on text written for these
tests (none of it from the seeds or the held-out sets); each fails without its rule."""

from conftest import facts_of, honours_of, names_of, roles_of

from kg.normalise import normalise

FICHE = (
    "问：您最想对年轻人说什么？\n答：别怕苦。\n\n【人物档案】\n"
    "姓名：欧阳振东\n"
    "性别：男　民族：回族\n"
    "出生：1979年3月，甘肃临夏人\n"
    "职务：中国某重工集团有限公司铸锻分公司总工艺师、热处理研究室主任\n"
    "荣誉：全国劳动模范、全国技术能手、“陇原工匠”，享受国务院政府特殊津贴\n"
    "（编辑：周小北）\n"
)




def test_the_lines_of_a_profile_box_are_not_joined():
    text = normalise(FICHE).text
    assert "\n职务：" in text and "\n荣誉：" in text


def test_a_profile_box_gives_its_person_posts_honours_and_origin(extract):
    r = extract(FICHE)
    assert "欧阳振东" in names_of(r, "Person")
    roles = roles_of(r)
    assert ("欧阳振东", "中国某重工集团有限公司铸锻分公司", "总工艺师") in roles
    assert ("欧阳振东", "热处理研究室", "主任") in roles
    assert honours_of(r) >= {("欧阳振东", "全国劳动模范"), ("欧阳振东", "全国技术能手"),
                           ("欧阳振东", "陇原工匠")}
    assert not any("津贴" in h for _, h in honours_of(r))
    assert {f["person"] for f in facts_of(r, "region")} == {"欧阳振东"}


def test_who_gave_an_honour_is_not_part_of_it(extract):
    r = extract("十多年来，快递员司马立新保持零投诉。他先后获得某市总工会授予的“某市最美快递员”"
                "称号和“某省五一劳动奖章”。\n")
    assert honours_of(r) == {("司马立新", "某市最美快递员"), ("司马立新", "某省五一劳动奖章")}


def test_honours_stated_with_shi_after_a_name_in_a_long_sentence(extract):
    r = extract("当选代表中，有某村党总支书记刀美兰，带领村民种茶；还有某制药有限公司车间主任"
                "沈晓红，是云南省劳动模范、全国五一巾帼标兵。\n")
    assert {("沈晓红", "云南省劳动模范"), ("沈晓红", "全国五一巾帼标兵")} <= honours_of(r)


def test_a_magazine_reporter_is_of_the_magazine(extract):
    r = extract("专访党的二十大代表某某\n\n文|本刊记者 邵文杰　图|马一鸣\n\n"
                "9月下旬，本刊记者进行了专访。\n")
    assert ("邵文杰", "本刊", "记者") in roles_of(r)


def test_a_metadata_line_names_nobody(extract):
    r = extract("某州人民政府\n\n索引号：623000000/2026-00111　　分类：人事信息\n"
                "发布机构：某县委组织部\n\n某县代表名单公布。\n")
    assert "索引号" not in names_of(r, "Person")


def test_the_examples_after_the_delegates_elected_by_a_province(extract):
    r = extract("在我省选举产生的出席党的二十大代表中，有一批优秀女党员。"
                "她们中，有某县某村党总支书记岩温香，先后获得“全国脱贫攻坚先进个人”称号；有某县人民医院妇产科主任拉姆卓玛，"
                "荣获全国三八红旗手。\n")
    assert {f["person"] for f in facts_of(r, "delegate")} == {"岩温香", "拉姆卓玛"}


def test_a_verb_surname_before_its_object_is_no_name(extract):
    r = extract("这些年，她带领村民种花椒、种茶叶，全村人均收入翻了一番。\n")
    assert not any(n.startswith("种") for n in names_of(r, "Person"))


def test_yi_names_after_a_title(extract):
    r = extract("公司总经理吉伍阿牛说，彝绣产业带动了就业。"
                "技术员阿苏子莫说：“在家门口上班真好。”\n")
    assert {"吉伍阿牛", "阿苏子莫"} <= names_of(r, "Person")


def test_a_post_after_this_delegate_and_before_the_verb(extract):
    r = extract("党的二十大代表曲比阿果从北京回到家乡已经十天。这一天，这位党的二十大代表、"
                "四川省凉山彝族自治州美姑县巴普镇依子村党支部书记要连讲三场。\n")
    assert ("曲比阿果", "四川省凉山彝族自治州美姑县巴普镇依子村", "党支部书记") in roles_of(r)


def test_a_dotted_name_without_its_dot_or_by_its_last_part_is_one_person(extract):
    r = extract("镇长沙马·阿果已经出了门。中午，阿果说：“花椒长得好。”\n"
                "图为沙马阿果（右）在村里查看苗情。\n")
    people = {m.text: m.attrs for m in r.mentions if m.label == "Person"}
    assert dict(people["沙马阿果"]).get("alias_of") == "沙马·阿果"
    assert dict(people["阿果"]).get("alias_of") == "沙马·阿果"


def test_an_original_title_line_names_nobody(extract):
    r = extract("原标题：二十大代表某某回乡宣讲\n来源：某日报\n党的二十大代表某某回到村里。\n")
    assert "原标题" not in names_of(r, "Person")
