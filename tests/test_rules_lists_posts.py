r'''Names in a 作为… opening, after 和, in numbered résumés and printed post lists; posts with an
age or a past before them, bodies carried over or named once; honourees listed by province;
delegates who attend the congress (texts written for these tests; none from the seeds or the
held-out sets).'''

from conftest import delegates_of, facts_of, honours_of, names_of, roles_of


def _regions_of(result) -> dict[str, str]:
    return {f["person"]: f["chain"] for f in facts_of(result, "region")}


def test_a_name_after_an_opening_as_clause(extract):
    r = extract("作为一名来自山区的党的二十大代表，韩晓燕深感责任重大。"
                "她现任某县某镇某村党支部书记。\n"
                "作为福建代表团中唯一的苗族代表，石桥村党支部书记龙春梅带来了茶叶。\n")
    assert "韩晓燕" in names_of(r, "Person") and "韩晓燕" in delegates_of(r)
    assert "石桥村" not in names_of(r, "Person")  # a village, then its branch's post


def test_a_name_joined_by_and_to_a_described_one(extract):
    r = extract("省委宣讲团成员、党的二十大代表邵丽萍和欧阳明远来到学校，与师生分享参会感受。\n")
    assert {"邵丽萍", "欧阳明远"} <= names_of(r, "Person")


def test_a_party_post_written_bare_takes_the_body_of_the_last_such_post(extract):
    r = extract("集团党委副书记、总经理孟建国传达会议精神。党委副书记鲍晓红作具体安排。"
                "集团党委常委、纪委书记邢立新，党委常委、总会计师樊丽娟出席会议。\n")
    roles = roles_of(r)
    assert ("鲍晓红", "集团", "党委副书记") in roles
    assert ("樊丽娟", "集团", "总会计师") in roles


def test_a_township_named_alone_after_its_county_is_still_that_place(extract):
    r = extract("卓玛措是玉树州称多县雪曲乡一名村医。\n\n雪曲乡卫生院院长邵德成告诉记者，"
                "她常年在牧区出诊。\n")
    chain = _regions_of(r).get("邵德成", "")
    assert "称多县#" in chain and chain.endswith("雪曲乡#")


def test_posts_after_an_age_and_after_a_past(extract):
    r = extract("卓玛措今年38岁，藏族，是玉树州称多县拉布乡某村卫生室的藏医，也是某村党支部副书记。"
                "\n"
                "上官志远1998年考入四川大学，如今是中国科学院高能物理研究所研究员、"
                "粒子天体物理中心主任。\n")
    roles = roles_of(r)
    assert ("卓玛措", "玉树州称多县拉布乡某村卫生室", "藏医") in roles
    assert ("上官志远", "中国科学院高能物理研究所", "研究员") in roles
    assert ("上官志远", "粒子天体物理中心", "主任") in roles


def test_a_post_taken_at_a_body_and_an_old_herder_is_no_post(extract):
    r = extract("26岁的旦增尼玛从西藏大学毕业后，回到昌都市人民医院当了一名医生。\n"
                "某村71岁的老牧民才旦加竖起大拇指。\n")
    roles = roles_of(r)
    assert ("旦增尼玛", "昌都市人民医院", "医生") in roles
    assert not any(p == "才旦加" for p, _, _ in roles)


def test_posts_before_a_seat_at_another_congress(extract):
    r = extract("兰州大学历史文化学院教授、甘肃省第十三次党代会代表诸葛文静在点评时说，"
                "这是一堂好课。\n")
    assert ("诸葛文静", "兰州大学历史文化学院", "教授") in roles_of(r)


def test_honourees_listed_by_province_under_their_honour(extract):
    r = extract("附：受表彰者名单\n\n全国五一劳动奖章\n河北　庞建军　承德市某县某镇某村党支部书记\n"
                "四川　阿加莫色（彝族）　凉山州某县人民医院护士长\n")
    assert honours_of(r) >= {("庞建军", "全国五一劳动奖章"), ("阿加莫色", "全国五一劳动奖章")}
    assert ("阿加莫色", "凉山州某县人民医院", "护士长") in roles_of(r)


def test_delegates_who_attend_the_congress_or_belong_to_a_delegation(extract):
    r = extract("党的二十大开幕在即，党的二十大代表陆续抵京。"
                "某研究院研究员钟离明华把出席党的二十大看作一次汇报。\n"
                "中国铁路南宁局集团有限公司柳州机务段司机詹国强照例检查列车。这位全国劳动模范，"
                "是江西代表团的一员。\n"
                "社区党委书记冯雪梅一干就是二十年。去年，她作为北京市代表团的一员出席了党的二十大。"
                "\n")
    assert {"钟离明华", "詹国强", "冯雪梅"} <= delegates_of(r)


def test_attending_said_of_she_is_not_given_to_the_last_man_named(extract):
    r = extract("一早，行长萧丽君就和客户经理韩永刚一起赶往镇上。\n几天后，"
                "她将随甘肃代表团赴京出席党的二十大。\n")
    assert "韩永刚" not in delegates_of(r)


def test_a_candidate_list_names_nobody(extract):
    r = extract("党的二十大代表选举工作结束。某村党支部书记曲比阿果曾进入代表候选人推荐人选名单，"
                "最终没有当选。\n")
    assert not any(n.startswith("曾") for n in names_of(r, "Person"))
    assert not delegates_of(r)


def test_a_factory_named_once_is_the_body_of_its_posts(extract):
    r = extract("10月26日，在宝鸡秦川精密机械厂，工人们围坐在机床旁。\n\n他讲得很实在。"
                "\n\n大家鼓掌。\n\n"
                "坐在后排的厂长郝永福接过话头。厂工会主席秦秀兰补充说明。厂党委书记邬宏告诉记者。"
                "\n")
    roles = roles_of(r)
    assert ("郝永福", "宝鸡秦川精密机械厂", "厂长") in roles
    assert ("秦秀兰", "宝鸡秦川精密机械厂", "工会主席") in roles
    assert ("邬宏", "宝鸡秦川精密机械厂", "党委书记") in roles


def test_reporters_of_a_paper_with_its_web_name_or_of_the_source_line(extract):
    r = extract("中国青年报·中青在线记者 庞晓岚 黎宇航\n\n正文。\n")
    assert ("庞晓岚", "中国青年报", "记者") in roles_of(r)
    r = extract("2022-10-11 08:30　来源：中国青年网　记者 卢楠　实习生 何雨桐\n\n正文。"
                "记者兵分三路，记录下三位代表的一天。\n")
    assert ("卢楠", "中国青年网", "记者") in roles_of(r)
    assert "兵分三路" not in names_of(r, "Person")


def test_a_numbered_resume_gives_the_name_and_its_current_posts_only(extract):
    r = extract("省委管理干部任前公示\n\n1．阿苏拉且，女，彝族，1979年11月生，四川某县人，"
                "大学学历。"
                "现任凉山州委常委、统战部部长，拟任州政府副职。\n"
                "2．令狐建业，男，汉族，1974年8月生，贵州遵义人。现任四川省交通运输厅副厅长、"
                "党组成员，拟任正职。\n")
    roles = roles_of(r)
    assert ("阿苏拉且", "凉山州委", "常委") in roles
    assert ("令狐建业", "四川省交通运输厅", "副厅长") in roles
    assert not any("拟" in org + title for _, org, title in roles)


def test_posts_printed_as_lines_under_a_heading_naming_the_body(extract):
    r = extract("三、中共金竹村支部委员会选举结果\n　书　记：蓝建华\n　委　员：钟志强　雷桂芳\n\n"
                "四、金竹村村民委员会选举结果\n1月12日召开村民选举大会。\n　主　任：蓝建华（书记、"
                "主任“一肩挑”）\n"
                "　副主任：钟美华\n")
    roles = roles_of(r)
    assert ("蓝建华", "中共金竹村支部委员会", "书记") in roles
    assert ("雷桂芳", "中共金竹村支部委员会", "委员") in roles
    assert ("钟美华", "金竹村村民委员会", "副主任") in roles


def test_a_post_held_since_a_year(extract):
    r = extract("古丽巴哈尔·吐尔逊今年46岁，2012年起担任托帕村党支部书记，"
                "曾获全国民族团结进步模范个人。\n")
    assert ("古丽巴哈尔·吐尔逊", "托帕村", "党支部书记") in roles_of(r)


def test_the_new_cues_take_no_words_for_names_or_delegates(extract):
    r = extract("党的二十大召开。村党支部书记王建国向出席党的二十大的全体同志致以问候。\n")
    assert not delegates_of(r)
    for text in ("他住在欧阳路5号。\n", "牛羊今年长得好。\n",
                 "某县人民医院召开会议\n院长：高度重视\n", "牧民王建国和牛群一起转场。\n"):
        assert names_of(extract(text), "Person") <= {"王建国"}, text
