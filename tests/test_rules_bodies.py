"""Posts written without their body, on text written for these tests (none of it from the
seeds or the held-out sets); each fails without its rule."""

from conftest import facts_of, honours_of, roles_of


def test_a_body_shared_across_a_list_of_posts_and_names(extract):
    r = extract("热轧分公司党委书记邓建明、经理宋晓东当天来到车间祝贺。\n")
    assert ("宋晓东", "热轧分公司", "经理") in roles_of(r)


def test_a_head_of_the_kind_of_body_named_before_in_the_paragraph(extract):
    r = extract("下午，宣讲团走进喀什地区第二中学。学生们围坐在一起。校长艾尼瓦尔·吾守尔表示，"
                "学校将把大会精神融入思政课。\n")
    assert ("艾尼瓦尔·吾守尔", "喀什地区第二中学", "校长") in roles_of(r)


def test_no_body_from_another_paragraph(extract):
    r = extract("他被送到县医院抢救。\n\n院长钱立新说，这是全院职工的光荣。\n")
    assert ("钱立新", "县医院", "院长") not in roles_of(r)
    assert any(p == "钱立新" and t == "院长" for p, _, t in roles_of(r))



def test_each_post_of_a_chain_has_its_own_body(extract):
    r = extract("去年当选党的二十大代表时，吉林省四平市梨树县喇嘛甸镇兴隆村党支部书记、"
                "梨树县兴农农机专业合作社理事长慕容振山许下诺言。\n")
    roles = roles_of(r)
    assert ("慕容振山", "梨树县兴农农机专业合作社", "理事长") in roles
    assert ("慕容振山", "吉林省四平市梨树县喇嘛甸镇兴隆村", "党支部书记") in roles


def test_a_seat_in_a_chain_is_no_post(extract):
    r = extract("列席会议的市政协委员、某市第一医院副院长郑立新表示，将围绕养老建言。\n")
    assert not any(t == "委员" for p, _, t in roles_of(r) if p == "郑立新")


def test_posts_after_as_are_of_the_one_named_before(extract):
    r = extract("这是一年前热娜古丽·买买提在北京说的话。作为党的二十大代表、"
                "和田地区于田县人民医院儿科主任，她心里一直装着农村孩子的健康。\n")
    assert ("热娜古丽·买买提", "和田地区于田县人民医院儿科", "主任") in roles_of(r)


def test_an_honour_before_its_holder(extract):
    r = extract("副院长陈立新说，曾获全国三八红旗手称号的热娜古丽·买买提是科室的主心骨。\n")
    assert honours_of(r) == {("热娜古丽·买买提", "全国三八红旗手")}


def test_this_one_is_the_person_just_named_not_the_protagonist(extract):
    text = ("党的二十大代表古丽娜·艾买提说，她最关心孕产妇。古丽娜·艾买提带着团队跑遍了乡镇。"
            "古丽娜·艾买提还培训了医生。\n\n"
            "另一位代表是某村党支部书记公孙志强。\n\n"
            "一年来，这位全国劳动模范带着合作社扩大了托管面积。\n")
    assert ("公孙志强", "全国劳动模范") in honours_of(extract(text))


def test_reporters_of_the_paper_the_source_line_names(extract):
    r = extract("2023-10-16 06:58　来源：某某网-《华北日报》\n\n本报记者 上官文华 赵一川\n\n"
                "一年前，党的二十大在北京召开。\n")
    assert ("上官文华", "华北日报", "记者") in roles_of(r)


def test_a_local_official_is_of_the_city_the_page_is_about(extract):
    r = extract("10月28日，海东市召开党的二十大代表返回本地后宣讲动员会。海东市委书记欧阳振宇主持。"
                "市委常委、宣传部部长令狐晓峰宣读通知。海东市各县区负责同志参加会议。\n")
    regions = {(f["person"], f["place"]) for f in facts_of(r, "region")}
    assert ("令狐晓峰", "海东市") in regions
