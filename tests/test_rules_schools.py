"""A school's page, a TV caption and other ways of stating a delegate, each on text written
for these tests (none of it from the seeds or the held-out sets); each fails without its
rule."""

from conftest import delegates_of, facts_of, roles_of

SCHOOL = (
    "昭苏县第二中学\n\n"
    "▍载誉归来\n\n"
    "11月2日，从北京载誉归来的，正是我校初中数学教师、校党委副书记阿依古丽·托合提。"
    "她大学毕业于伊犁师范大学，今年光荣当选党的二十大代表。\n\n"
    "校党委书记、校长王海英在致辞中说，阿老师扎根昭苏二十年，先后获得过“全国模范教师”"
    "“全国五一巾帼标兵”，是全校师生的骄傲。\n"
)


def test_the_school_of_a_school_page(extract):
    roles = roles_of(extract(SCHOOL))
    assert ("王海英", "昭苏县第二中学", "校长") in roles
    assert ("王海英", "昭苏县第二中学", "党委书记") in roles
    assert ("阿依古丽·托合提", "昭苏县第二中学", "初中数学教师") in roles


def test_a_teacher_called_by_the_first_syllable_of_her_name(extract):
    honours = {(f["person"], f["honour"]) for f in facts_of(extract(SCHOOL), "honour")}
    assert honours == {("阿依古丽·托合提", "全国模范教师"), ("阿依古丽·托合提", "全国五一巾帼标兵")}


def test_a_caption_with_the_delegate_status_before_the_posts(extract):
    r = extract("——对话党的二十大代表欧阳立新\n\n【字幕】欧阳立新　党的二十大代表　"
                "中国航天科技集团有限公司第六研究院某动力研究所党委副书记、副所长\n\n主持人：欢迎您！\n")
    roles = roles_of(r)
    assert ("欧阳立新", "中国航天科技集团有限公司第六研究院某动力研究所", "副所长") in roles


def test_as_a_delegate_from_somewhere_the_person_after_the_comma(extract):
    r = extract("作为来自粮食主产区的党的二十大代表，司马秀芝说，这几个月她跑了12个乡镇。"
                "县农业农村局局长郝建国介绍，全县家庭农场已有1100多家。\n")
    assert delegates_of(r) == {"司马秀芝"}


def test_became_a_delegate(extract):
    r = extract("2022年10月，党的二十大召开。茶园村党总支书记龚天秀作为湖北省代表团的一员出席大会，"
                "成为茶园村第一位党的二十大代表。\n")
    assert delegates_of(r) == {"龚天秀"}


def test_a_list_of_posts_ending_with_the_delegate_status(extract):
    r = extract("棉田里，吐尔洪·买买提蹲在地头查看籽棉。这位维吾尔族汉子是沙雅县某棉花种植"
                "专业合作社理事长、党的二十大代表。\n")
    assert delegates_of(r) == {"吐尔洪·买买提"}


def test_he_is_a_post_at_a_named_body_and_one_more(extract):
    r = extract("“报告让我们搞研发的人浑身是劲。”来自深圳的代表诸葛明川说。"
                "他是深圳市某光电技术有限公司首席工程师，带领团队攻关已有12年。\n"
                "牧民叶尔肯·努尔兰站了起来。他是塔城地区裕民县吉也克镇孟布拉克村党支部书记，"
                "也是一名护边员。\n")
    roles = {(f["person"], f["org"], f["title"]) for f in facts_of(r, "role")}
    assert ("诸葛明川", "深圳市某光电技术有限公司", "首席工程师") in roles
    assert ("叶尔肯·努尔兰", "塔城地区裕民县吉也克镇孟布拉克村", "党支部书记") in roles
    assert not any(o in ("一名", "也是") for _, o, _ in roles)


def test_she_is_a_description_is_no_post(extract):
    r = extract("村民王秀兰说，她是村里的致富能手。\n")
    assert not facts_of(r, "role") or all(f["person"] != "王秀兰" or "能手" not in f["title"]
                                          for f in facts_of(r, "role"))


def test_a_second_post_after_a_comma_is_at_the_same_school(extract):
    r = extract("热依汗·吾守尔代表表示支持。热依汗·吾守尔是新疆和田地区于田县第一中学英语教师、"
                "年级组长，从教22年。\n")
    roles = {(f["person"], f["org"], f["title"]) for f in facts_of(r, "role")}
    assert ("热依汗·吾守尔", "新疆和田地区于田县第一中学", "年级组长") in roles


def test_reporters_of_the_outlet_in_the_dateline_brackets(extract):
    r = extract("本报北京10月22日电（中青报·中青网记者 皇甫林 赵一川）10月22日上午，大会闭幕。\n")
    roles = {(f["person"], f["org"], f["title"]) for f in facts_of(r, "role")}
    assert ("皇甫林", "中青报·中青网", "记者") in roles


def test_more_ways_of_saying_one_is_a_delegate(extract):
    r = extract("最后作报告的是某县某镇中心学校党支部书记、校长韩玉梅。今年6月，她在青海省第十四次"
                "党代会上当选为出席党的二十大代表。\n"
                "随后，某供电公司带电作业班班长扎西多杰作报告。这位藏族汉子，是全国五一劳动奖章"
                "获得者，也是我市产业工人中唯一的二十大代表。\n"
                "今年58岁的马俊才是回族，某村卫生室的乡村医生，也是即将出席中国共产党第二十次"
                "全国代表大会的代表。\n")
    assert delegates_of(r) == {"韩玉梅", "扎西多杰", "马俊才"}


def test_a_body_before_member_is_no_name_and_the_one_delegate_of_her_people(extract):
    r = extract("党的二十大胜利闭幕，出席大会的福建代表团代表陆续返回。\n"
                "“这句话我们天天都能感受到。”党的二十大代表、平潭综合实验区党工委委员、"
                "管委会副主任端木承志说。\n"
                "作为福建代表团中唯一的畲族代表，石椅村党支部书记蓝凤梅这次把兰花照片带到了北京。\n")
    assert delegates_of(r) == {"端木承志", "蓝凤梅"}


INTERVIEWS = (
    "某日报 第5版 · 代表访谈录\n\n"
    "编者按：本报记者近日分别采访了阿依古丽·买买提江、叶尔肯·哈布都拉两位党的二十大代表。\n\n"
    "问一：当选代表以来，您做了哪些准备？\n\n"
    "阿依古丽·买买提江\n和田地区墨玉县某乡某村党支部书记\n\n"
    "这几个月，我走遍了村里412户人家。\n\n"
    "叶尔肯·哈布都拉\n国网新疆电力有限公司阿勒泰供电公司输电运检班班长\n\n"
    "我们班管着六百多公里输电线路。\n"
)


def test_names_on_lines_of_their_own_with_their_posts_under_them(extract):
    r = extract(INTERVIEWS)
    assert delegates_of(r) == {"阿依古丽·买买提江", "叶尔肯·哈布都拉"}
    roles = {(f["person"], f["org"], f["title"]) for f in facts_of(r, "role")}
    assert ("叶尔肯·哈布都拉", "国网新疆电力有限公司阿勒泰供电公司输电运检班", "班长") in roles


def test_a_surname_that_is_also_a_preposition_after_a_descriptor(extract):
    r = extract("彭秀英的女儿向春花，是某村党支部书记。向春花当选党的二十大代表。\n")
    assert delegates_of(r) == {"向春花"}


def test_this_congress_this_delegate_and_what_it_would_mean(extract):
    r = extract("党的二十大开幕首日。\n7:40 驻地餐厅。同桌的是某医院心血管内科主任欧阳振国，"
                "他也是这次大会的代表。\n10:15 记者碰到某乡党委书记努尔兰·托合提。这位哈萨克族代表"
                "刚发完言。\n某市工商联党组书记诸葛明山介绍，“能当选党的二十大代表，是对企业家的"
                "肯定。”\n")
    assert delegates_of(r) == {"欧阳振国", "努尔兰·托合提"}
