"""Notices of the elected, town briefs, contact lines and names of herders, each on text
written for these tests (none of it from the seeds or the held-out sets); each fails
without its rule."""

from conftest import facts_of, names_of, roles_of

NOTICE = (
    "中共某省委组织部关于出席党的二十大代表当选人的公示\n\n"
    "　　某省第十二次党代会选举产生了出席党的二十大代表。现将当选人的基本情况公示如下：\n\n"
    "　　宇文秀清，女，汉族，1975年3月生，研究生学历，管理学博士，现任湖南中医药大学第一附属医院"
    "副院长、心血管内科主任。\n\n"
    "　　石光荣，男，苗族，1981年6月生，大学学历，现任湘西州公安局吉首分局乾州派出所所长。\n\n"
    "　　公示时间：2022年5月10日至16日。\n"
    "　　联系人：省委组织部干部一处副处长 邓志坚\n"
)



def test_the_people_of_a_notice_of_the_elected_are_delegates(extract):
    r = extract(NOTICE)
    assert {f["person"] for f in facts_of(r, "delegate")} == {"宇文秀清", "石光荣"}


def test_a_notice_of_nominees_makes_no_delegate(extract):
    r = extract(NOTICE.replace("当选人的基本情况", "代表候选人预备人选的基本情况"))
    assert {f["person"] for f in facts_of(r, "delegate")} == set()


def test_a_degree_in_a_resume_does_not_end_its_posts(extract):
    roles = roles_of(extract(NOTICE))
    assert ("宇文秀清", "湖南中医药大学第一附属医院", "副院长") in roles
    assert ("宇文秀清", "心血管内科", "主任") in roles


def test_a_named_station_is_the_body_of_its_head(extract):
    roles = roles_of(extract(NOTICE))
    assert ("石光荣", "湘西州公安局吉首分局乾州派出所", "所长") in roles


def test_a_post_one_space_before_a_name_on_a_contact_line(extract):
    r = extract(NOTICE)
    assert "处" not in "".join(names_of(r, "Person"))
    assert any(p == "邓志坚" and t == "副处长" for p, _, t in roles_of(r))


def test_a_reporter_line_keeps_its_spaces_to_itself(extract):
    r = extract("　　党的二十大代表肖春明回到村里。\n（某日报全媒体记者 柳青青 实习生 阿苏拉则）\n")
    assert {(p, t) for p, _, t in roles_of(r)} == {("柳青青", "全媒体记者"), ("阿苏拉则", "实习生")}


def test_a_name_right_after_a_congress_delegate_before_any_verb(extract):
    r = extract("　　党的二十大代表肖春明回到村里。县人大代表王建新带头捐款。党的二十大代表"
                "应具备较高素质。\n")
    assert {"肖春明", "王建新"} <= names_of(r, "Person") and "应具备" not in names_of(r, "Person")
    assert {f["person"] for f in facts_of(r, "delegate")} == {"肖春明"}


def test_bare_town_bodies_in_a_town_brief_are_the_town(extract):
    r = extract("桃源镇工作简报\n\n　　11月5日，党的二十大代表欧阳红梅来到我镇宣讲。镇党委副书记、"
                "镇长贺明辉主持宣讲会，镇人大主席陶建国参加。\n")
    roles = {(p, o + t) for p, o, t in roles_of(r)}
    assert {("贺明辉", "桃源镇党委副书记"), ("贺明辉", "桃源镇镇长"),
            ("陶建国", "桃源镇人大主席")} <= roles


def test_he_elected_in_mid_sentence_is_the_person_named_before(extract):
    r = extract("码头经理孔德胜告诉记者，港区吞吐量逆势增长。今年6月他当选党的二十大代表时，"
                "工友们放了一挂鞭炮。\n")
    assert {f["person"] for f in facts_of(r, "delegate")} == {"孔德胜"}
    r = extract("码头经理孔德胜说，港区吞吐量增长。当选二十大代表的还有其他三位同志。\n")
    assert facts_of(r, "delegate") == []  # 其他 is no 他


def test_mongolian_names_after_a_post(extract):
    r = extract("——记党的二十大代表、某旗嘎查党支部书记白音巴图\n"
                "国家队主教练萨日娜说，这孩子能吃苦。\n")
    assert {"白音巴图", "萨日娜"} <= names_of(r, "Person")


CAPTIONS = (
    "【解说】10月20日，党的二十大代表回到家乡。\n"
    "同期声：苏和巴特尔　某旗某苏木某嘎查党支部书记\n"
    "“草场就是我们的命根子。”\n"
    "同期声：诸葛文涛　中共某州委常委、州委宣传部部长\n"
    "“要让大会精神进毡房。”\n"
    "马小军  男  回族  某县花椒协会会长\n"
)


def test_a_caption_names_a_person_and_gives_the_posts_after_the_space(extract):
    r = extract(CAPTIONS)
    assert {"苏和巴特尔", "诸葛文涛"} <= names_of(r, "Person")
    roles = {(p, o + t) for p, o, t in roles_of(r)}
    assert {("苏和巴特尔", "某旗某苏木某嘎查党支部书记"), ("诸葛文涛", "中共某州委常委"),
            ("诸葛文涛", "州委宣传部部长")} <= roles
    assert not any("男" in o for _, o, _ in roles_of(r))  # a table row is no caption


def test_a_named_community_goes_with_its_name(extract):
    roles = roles_of(extract("同期声：阿依努尔·买买提　乌鲁木齐市某街道团结路社区党委书记、"
                           "居委会主任\n"))
    assert {o for p, o, t in roles if p == "阿依努尔·买买提"} == {"乌鲁木齐市某街道团结路社区"}


def test_a_dotted_name_keeps_its_last_syllable_before_a_colon(extract):
    r = extract("她提到村里的老支书、县人大代表依明·托乎提：“是他教我的。”\n")
    assert "依明·托乎提" in names_of(r, "Person")


def test_a_home_after_a_herders_name_is_no_part_of_it(extract):
    r = extract("十月的草原下了第一场雪。牧民乌力吉家的电视一直开着。\n")
    assert "乌力吉" in names_of(r, "Person") and "乌力吉家" not in names_of(r, "Person")


def test_attending_as_the_provinces_delegate_to_the_congress(extract):
    r = extract("种粮大户佟振华说，课堂就在晾晒场上。作为伊犁州出席党的二十大的少数民族代表，"
                "他在北京提了建议。\n")
    assert {f["person"] for f in facts_of(r, "delegate")} == {"佟振华"}
