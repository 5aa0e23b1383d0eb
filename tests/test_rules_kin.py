"""Family around a delegate, and the openings of a profile (texts written for these tests; none
from the seeds or the held-out sets)."""

from conftest import delegates_of, names_of, roles_of


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


VOICES = (
    "光明网 > 喜迎二十大 > 代表心声\n\n代表心声｜把乡亲们的期盼带到大会上\n\n"
    "以下是部分党的二十大代表的心声。\n\n"
    "【韦立军】广西壮族自治区河池市凤山县金牙乡长洲村党支部书记、村委会主任\n"
    "这些年，村里家家户户种上了桑树，去年人均收入翻了一番。\n\n"
    "【巴特尔其木格】内蒙古自治区锡林郭勒盟某旗某嘎查党支部书记、嘎查长\n"
    "我想讲讲草原生态保护的实惠。\n\n"
    "【字幕】二十大代表心声\n"
)


def test_a_name_in_heading_brackets_and_its_posts(extract):
    r = extract(VOICES)
    assert {"韦立军", "巴特尔其木格"} <= delegates_of(r)
    assert ("韦立军", "广西壮族自治区河池市凤山县金牙乡长洲村", "村委会主任") in roles_of(r)
    assert any(p == "巴特尔其木格" and t == "嘎查长" for p, _, t in roles_of(r))
    assert "字幕" not in names_of(r, "Person")


def test_tibetan_names_and_a_verb_after_a_title(extract):
    r = extract("刚当选村党支部书记的宗者多杰带头入股。他请兽医来看看牛。"
                "青海省畜牧兽医科学院研究员尕藏东智说，牧草长得好。\n")
    people = names_of(r, "Person")
    assert "尕藏东智" in people
    assert "来看看" not in people


def test_posts_after_a_pronoun_s_clause_and_a_conjunction_after_a_name(extract):
    r = extract("42岁的田秀兰是土家族。2006年毕业后，她进入某市公安局某区分局工作，"
                "现为某区分局花园街派出所社区民警、花园社区警务室负责人。"
                "花园社区党委书记王丽则说，警务室就是大家的家。\n")
    roles = roles_of(r)
    assert ("田秀兰", "某区分局花园街派出所", "社区民警") in roles
    assert ("田秀兰", "花园社区警务室", "负责人") in roles
    assert "王丽" in names_of(r, "Person") and "王丽则" not in names_of(r, "Person")


def test_a_profiles_section_of_name_colon_posts_paragraphs(extract):
    r = extract("某集团出席党的二十大代表选举工作综述\n\n【代表风采】\n\n"
                "欧阳立新：中国某某工程局有限公司机电安装分局电气试验班班长，高级技师。参加工作28年。\n\n"
                "买买提江·吐尔地：维吾尔族，某某勘测设计研究院有限公司外业测量一队队长。出生于新疆。\n")
    assert delegates_of(r) == {"欧阳立新", "买买提江·吐尔地"}
    roles = roles_of(r)
    assert ("欧阳立新", "中国某某工程局有限公司机电安装分局电气试验班", "班长") in roles
    assert any(p == "买买提江·吐尔地" and t == "队长" for p, _, t in roles)


def test_a_name_and_a_colon_opening_a_quote_is_no_profile(extract):
    r = extract("代表风采\n\n张建华：“我们村的路修好了，大家都高兴。”\n")
    assert roles_of(r) == set()
