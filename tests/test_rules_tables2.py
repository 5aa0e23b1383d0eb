"""A table of who does what (posts：name), a profile opened by a name and its posts, honours in
single quotes, and minority names after a kin word (texts written for these tests; none from the
seeds or the held-out sets)."""

from conftest import delegates_of, honours_of, names_of, roles_of

DIVISION = (
    "中国共产党某某县第十四次代表大会闭幕\n\n"
    "大会选举产生了新一届县委。全会选举张建明为县委书记。\n\n"
    "【附】新一届县委常委分工\n"
    "县委书记：张建明\n"
    "县委副书记、县长：阿依努尔·买买提\n"
    "县委常委、宣传部部长：吐尔洪·阿不都拉\n"
    "县委常委、统战部部长：司徒文斌\n\n"
    "编辑：王小丽\n"
)


def test_a_division_of_work_table_gives_each_name_its_posts(extract):
    r = extract(DIVISION)
    assert {"阿依努尔·买买提", "吐尔洪·阿不都拉", "司徒文斌"} <= names_of(r, "Person")
    roles = roles_of(r)
    assert any(p == "阿依努尔·买买提" and t == "县长" for p, _, t in roles)
    assert any(p == "吐尔洪·阿不都拉" and t.endswith("部长") for p, _, t in roles)
    assert any(p == "司徒文斌" and "统战部" in o + t for p, o, t in roles)
    assert delegates_of(r) == set()


def test_one_post_and_a_name_is_no_table(extract):
    r = extract("主办单位：某某县文化馆\n报名时间：即日起\n")
    assert names_of(r, "Person") == set()


def test_a_profile_opened_by_a_name_and_its_posts(extract):
    r = extract("二十大代表风采\n\n03\n"
                "何秀兰，某省人民医院心血管内科护士长、主任护师。\n\n"
                "何秀兰曾荣获‘全国五一劳动奖章’‘全国三八红旗手’。这次作为党的二十大代表进京，"
                "她说要把护士们的心声带上去。\n")
    assert ("何秀兰", "某省人民医院心血管内科", "护士长") in roles_of(r)
    assert ("何秀兰", "某省人民医院心血管内科", "主任护师") in roles_of(r)
    assert {("何秀兰", "全国五一劳动奖章"), ("何秀兰", "全国三八红旗手")} <= honours_of(r)
    assert "何秀兰" in delegates_of(r)


def test_minority_names_after_a_kin_word(extract):
    r = extract("她接过了父亲次仁顿珠的药箱。女儿德吉卓玛今年考上了大学。"
                "村民代表拉姆第一个举手。\n")
    assert {"次仁顿珠", "德吉卓玛"} <= names_of(r, "Person")


def test_a_verb_that_also_credits_an_editor_is_no_byline(extract):
    r = extract("各地层层审核、严格甄别，把好人选关。\n\n责任编辑：周红　校对：吴晓东\n")
    people = names_of(r, "Person")
    assert "严格甄别" not in people
    assert {"周红", "吴晓东"} <= people


def test_a_post_at_a_body_and_at_its_full_name_is_one_role(extract):
    from kg.resolve import resolve

    r = extract("我校葡萄酒与园艺学院院长何立新教授、土木与水利工程学院副教授欧阳明光荣当选。\n\n"
                "欧阳明，汉族，1983年生，某某大学土木与水利工程学院副教授。\n")
    assert ("何立新", "葡萄酒与园艺学院", "院长") in roles_of(r)  # the name across 与, whole
    resolved = resolve([r])
    posts = [f for f in resolved.facts.values() if f.kind == "role"
             and resolved.entities[f.fields["person"]].label == "欧阳明"]
    assert [resolved.entities[f.fields["org"]].label for f in posts] == [
        "某某大学土木与水利工程学院"]
    assert len(posts[0].evidence) == 2  # both sentences are its evidence
