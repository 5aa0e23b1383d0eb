"""Posts written without their body, on text written for these tests (none of it from the
seeds or the held-out sets); each fails without its rule."""

from conftest import facts_of


def _roles(result) -> set[tuple[str, str, str]]:
    return {(f["person"], f["org"], f["title"]) for f in facts_of(result, "role")}


def test_a_body_shared_across_a_list_of_posts_and_names(extract):
    r = extract("热轧分公司党委书记邓建明、经理宋晓东当天来到车间祝贺。\n")
    assert ("宋晓东", "热轧分公司", "经理") in _roles(r)


def test_a_head_of_the_kind_of_body_named_before_in_the_paragraph(extract):
    r = extract("下午，宣讲团走进喀什地区第二中学。学生们围坐在一起。校长艾尼瓦尔·吾守尔表示，"
                "学校将把大会精神融入思政课。\n")
    assert ("艾尼瓦尔·吾守尔", "喀什地区第二中学", "校长") in _roles(r)


def test_no_body_from_another_paragraph(extract):
    r = extract("他被送到县医院抢救。\n\n院长钱立新说，这是全院职工的光荣。\n")
    assert ("钱立新", "县医院", "院长") not in _roles(r)
    assert any(p == "钱立新" and t == "院长" for p, _, t in _roles(r))
