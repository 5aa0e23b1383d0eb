"""Units of the armed forces, a title's body a paragraph or two back, Taiwan's double
surnames, and a country inside an organisation's name (texts written for these tests; none
from the seeds or the held-out sets)."""

from conftest import names_of, roles_of


def test_military_units_with_withheld_numbers(extract):
    r = extract("清晨，空军第12集团军某旅训练场上，上校欧阳建军正在组织夜训。\n"
                "北部战区海军某潜艇支队某艇轮机班班长、中士韩冬说，要把本领练硬。\n"
                "某团某连指导员王海涛告诉记者，连队人人都有任务。\n"
                "他现任西藏军区某边防团卫生队军医。\n")
    orgs = names_of(r, "Organization")
    assert {"空军第12集团军某旅", "北部战区海军某潜艇支队某艇", "某团某连",
            "西藏军区某边防团"} <= orgs
    assert not any(o.startswith("任") for o in orgs)  # 现任|西藏军区…
    roles = roles_of(r)
    assert ("韩冬", "北部战区海军某潜艇支队某艇轮机班", "班长") in roles
    assert ("王海涛", "某团某连", "指导员") in roles


def test_a_unit_s_title_is_not_glued_to_the_unit(extract):
    r = extract("“他是艇上的顶梁柱。”海军某艇艇长梁志刚中校说。\n")
    assert ("梁志刚", "海军某艇", "艇长") in roles_of(r)


def test_a_commander_named_two_paragraphs_after_his_unit(extract):
    r = extract("凌晨，陆军第81集团军某旅的战车驶出营区。\n\n"
                "“这次演练检验了新战法。”参谋王磊说。\n\n"
                "旅长赵志远说，下一步要练硬协同。\n")
    assert ("赵志远", "陆军第81集团军某旅", "旅长") in roles_of(r)


def test_taiwan_double_surnames_after_a_kin_word(extract):
    r = extract("她的哥哥范姜明德撥通了電話。表弟張簡志強帶來了家鄉的茶。\n"
                "姐姐張廖美玲在台中教書。\n")
    assert {"范姜明德", "張廖美玲"} <= names_of(r, "Person")
    assert "姜明德" not in names_of(r, "Person")


def test_the_country_inside_an_organisation_s_name_is_no_place(extract):
    r = extract("他在中国航天科工集团有限公司工作，2010年加入中国共产党。\n")
    assert "中国" not in names_of(r, "Place")
    r = extract("中国的发展离不开创新。他在中国航天科工集团有限公司工作。\n")
    assert "中国" in names_of(r, "Place")
