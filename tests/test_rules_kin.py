"""Family around a delegate, and the openings of a profile (texts written for these tests; none
from the seeds or the held-out sets)."""

from conftest import names_of, roles_of


def test_a_name_after_a_kin_word_before_a_verb(extract):
    r = extract("十几岁的他跟着父亲杨占山赶着牛群走村串户。每逢年节，他都和妻子马秀芝提着米面油"
                "看望老人。儿子杨晓军从大学毕业后回到家乡。\n")
    assert {"杨占山", "马秀芝", "杨晓军"} <= names_of(r, "Person")


def test_a_comparison_after_a_kin_word_is_no_name(extract):
    r = extract("这次当选党的二十大代表，妻子王丽比他还激动。\n")
    assert "王丽比" not in names_of(r, "Person")


def test_a_verb_after_a_descriptor_that_is_not_kin_is_no_name(extract):
    r = extract("代表应具备的素质是什么？代表来听会的时候说。\n")
    assert not {"应具备", "来听会"} & names_of(r, "Person")


def test_a_place_and_a_noun_before_a_dotted_name(extract):
    r = extract("新疆客商买买提江·吐尔逊和公司打交道已有12年。\n")
    assert "买买提江·吐尔逊" in names_of(r, "Person")
    assert not any(n.startswith(("新疆", "客商")) for n in names_of(r, "Person"))


def test_a_bullet_line_is_no_headline_name(extract):
    r = extract("相关阅读：\n·甘肃临夏：牛羊产业有了新路子\n·网评：乡村振兴看实干\n")
    assert not any(n.startswith("·") for n in names_of(r, "Person"))


def test_where_one_was_born_does_not_end_the_posts(extract):
    r = extract("马文清，回族，1978年出生于临夏县某某村，"
                "现任甘肃某某食品有限公司董事长、党支部书记。\n")
    assert ("马文清", "甘肃某某食品有限公司", "董事长") in roles_of(r)
    assert ("马文清", "甘肃某某食品有限公司", "党支部书记") in roles_of(r)
