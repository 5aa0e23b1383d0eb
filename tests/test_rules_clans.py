"""Yi names (a family name and two syllables), a dotted name the segmenter glued a word to,
and posts of a department (texts written for these tests; none from the seeds or the held-out
sets)."""

from conftest import names_of, roles_of


def test_yi_names_after_a_title_and_standing_alone(extract):
    r = extract("雷波县人民医院院长曲木拉且主持会议。\n"
                "63岁的俄底尔哈是山里的老猎户，他的孙女吉木阿依在县城读书。\n"
                "乡长 沙马日铁：我们要把路修到每家门口。\n")
    people = names_of(r, "Person")
    assert {"曲木拉且", "俄底尔哈", "吉木阿依", "沙马日铁"} <= people
    assert not {"曲木拉", "沙马日", "吉木"} & people
    assert ("曲木拉且", "雷波县人民医院", "院长") in roles_of(r)


def test_a_han_name_beside_a_yi_family_name_stays_as_it_is(extract):
    r = extract("副县长马海东说，今年要修好三条路。\n")
    assert "马海东" in names_of(r, "Person")


def test_a_title_glued_to_a_yi_name(extract):
    r = extract("雷波县人民医院外科护士长吉克依作说，手术排到了晚上。\n")
    assert "吉克依作" in names_of(r, "Person")
    assert ("吉克依作", "雷波县人民医院外科", "护士长") in roles_of(r)


def test_a_dotted_name_is_cut_where_the_page_writes_it_cleanly(extract):
    r = extract("县妇联主席阿依努尔·托合提正在整理材料。\n"
                "去年，阿依努尔·托合提走遍了全县的村子。大家都来学习阿依努尔·托合提的做法。\n")
    people = names_of(r, "Person")
    assert "阿依努尔·托合提" in people
    assert not {n for n in people if n != "阿依努尔·托合提" and "托合提" in n}


def test_a_department_s_post_is_at_the_department(extract):
    r = extract("在宁南县人民医院骨科病房里，党支部副书记、骨科主任罗永强正在查房。\n"
                "放射科护士长李梅说，设备是去年更新的。儿科医生王洁在值班。\n")
    roles = roles_of(r)
    assert ("罗永强", "宁南县人民医院骨科", "主任") in roles
    assert ("罗永强", "宁南县人民医院", "党支部副书记") in roles
    assert any(p == "李梅" and t.endswith("护士长") and o != "宁南县人民医院骨科"
               for p, o, t in roles)  # no body named with the department in its paragraph
    assert any(p == "王洁" and t == "儿科医生" for p, _, t in roles)
