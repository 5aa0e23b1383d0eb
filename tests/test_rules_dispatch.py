"""Wire dispatches and delegation reports: the outlet of a lead with no place or date, the
delegates a delegation's list names, honours joined by 和, and 代表 as a verb (texts written
for these tests; none from the seeds or the held-out sets)."""

from conftest import delegates_of, facts_of, honours_of, names_of, roles_of


def test_the_outlet_of_a_lead_with_no_place_is_the_reporters(extract):
    r = extract("塔城新闻网讯（记者 韩雪梅）近日，县第十七届人民代表大会举行第二次会议。\n")
    assert ("韩雪梅", "塔城新闻网", "记者") in roles_of(r)


def test_the_outlet_of_a_traditional_lead_with_a_date(extract):
    r = extract("東南網10月12日訊（記者 陳曉嵐）清晨六點半，大棚裡已經亮起了燈。\n")
    assert any(p == "陳曉嵐" and o == "東南網" for p, o, _ in roles_of(r))


DISPATCH = (
    "新华社北京10月16日电（记者钟立行）中国共产党第二十次全国代表大会在人民大会堂开幕。"
    "习近平代表第十九届中央委员会向大会作报告。\n"
    "清晨，出席党的二十大的贵州代表团代表乘车前往会场。当天走进会场的贵州代表中，有"
    "黔东南州雷山县西江镇羊排村党支部书记、村委会主任杨金花，某市人民医院院长龙志明，"
    "以及丹寨县龙泉镇卡拉村苗绣传承人潘秀英，他们来自不同行业。\n"
    "龙志明代表第一个发言。他先后获得全国五一劳动奖章和“全国医德标兵”称号。"
    "杨金花是全国劳动模范；潘秀英曾获全国三八红旗手称号。\n"
)


def test_the_delegates_a_delegations_list_names(extract):
    r = extract(DISPATCH)
    assert {"杨金花", "龙志明", "潘秀英"} <= delegates_of(r)
    assert "习近平" not in delegates_of(r)
    assert any(p == "潘秀英" and t.endswith("传承人") for p, _, t in roles_of(r))


def test_honours_joined_by_and_and_a_holder_across_a_semicolon(extract):
    honours = honours_of(extract(DISPATCH))
    assert {("龙志明", "全国五一劳动奖章"), ("龙志明", "全国医德标兵"),
            ("杨金花", "全国劳动模范"), ("潘秀英", "全国三八红旗手")} <= honours
    assert ("潘秀英", "全国劳动模范") not in honours


def test_a_delegate_who_speaks_first_is_one(extract):
    r = extract("出席党的二十大的湖南代表团举行全体会议，讨论二十大报告。"
                "某集团有限公司首席技师罗建湘代表第一个发言。\n")
    assert "罗建湘" in delegates_of(r)
    assert "罗建湘" in names_of(r, "Person")


def test_a_list_of_names_and_posts_under_a_delegate_directory(extract):
    r = extract("【数说·我省的二十大代表】\n本报讯（记者 韩冬梅）党的二十大代表名单向社会公布。\n"
                "代表名录（部分）<br>\n"
                "阿依古丽·买买提，喀什地区疏附县塔什米里克乡党委书记<br>\n"
                "郝建军，中国石油新疆油田分公司采油二厂采油工<br>\n"
                "欧阳明新，新疆大学化学学院院长<br>\n")
    assert {"阿依古丽·买买提", "郝建军", "欧阳明新"} <= delegates_of(r)
    assert ("郝建军", "中国石油新疆油田分公司采油二厂", "采油工") in roles_of(r)
    assert ("欧阳明新", "新疆大学化学学院", "院长") in roles_of(r)


def test_they_are_after_a_group_of_delegates(extract):
    r = extract("宣讲团由三名党的二十大代表组成，他们是：某港口公司桥吊队队长邵海波，"
                "象山县石浦镇东门村党总支书记林红英，宁波大学海运学院院长傅立鸣。\n")
    assert {"邵海波", "林红英", "傅立鸣"} <= delegates_of(r)


def test_elected_as_a_provinces_delegate_and_two_joined_before_the_cue(extract):
    r = extract("今年5月，在某省第十四次党代会上，农学院教授宇文立新、化学学院辅导员卓玛草"
                "当选为甘肃省出席党的二十大代表。\n"
                "今年47岁的冉秀芝是某公交公司驾驶员。今年5月，她当选为重庆市出席党的二十大代表。\n")
    assert {"宇文立新", "卓玛草", "冉秀芝"} <= delegates_of(r)


def test_a_resume_with_a_birthplace_and_a_graduation_before_the_posts(extract):
    r = extract("拉姆措，女，藏族，1988年出生于甘南藏族自治州碌曲县，2015年从兰州大学硕士"
                "毕业后留校，现任兰州大学化学化工学院党委副书记、专职辅导员。\n")
    assert ("拉姆措", "兰州大学化学化工学院", "党委副书记") in roles_of(r)
    regions = {(f["person"], f["place"]) for f in facts_of(r, "region")}
    assert ("拉姆措", "碌曲县") in regions


def test_posts_elected_in_one_sentence_share_the_first_ones_body(extract):
    r = extract("在随后召开的省妇联执委会议上，马丽芳当选为省妇联主席，陈文秀、欧阳秀琴当选为"
                "副主席，卓玛吉、鲁雅婷当选为兼职副主席。\n")
    roles = roles_of(r)
    assert ("陈文秀", "省妇联", "副主席") in roles
    assert ("鲁雅婷", "省妇联", "兼职副主席") in roles


def test_they_are_after_delegates_who_came_from_far(extract):
    r = extract("再过五天，中国共产党第二十次全国代表大会就要开幕了。三位甘肃的二十大代表分别从"
                "定西、甘南和兰州赶到了演播室，他们是：定西市安定区某村党总支书记皇甫宏亮，"
                "夏河县人民医院妇产科主任拉毛措，某石化公司车间班长马占林。\n")
    assert {"皇甫宏亮", "拉毛措", "马占林"} <= delegates_of(r)


def test_villagers_after_they_are_are_no_delegates(extract):
    r = extract("11月5日，党的二十大代表、县人民医院院长张海燕来到东风村宣讲党的二十大精神。"
                "座谈会上，三名村民代表先后发言，他们是：东风村村民刘桂兰、红星村村民赵德明。\n")
    assert not {"刘桂兰", "赵德明"} & delegates_of(r)


def test_a_list_of_honoured_members_is_no_delegate_list(extract):
    r = extract("为深入学习贯彻党的二十大精神，县委决定表彰一批优秀共产党员。\n"
                "受表彰的优秀共产党员代表名单\n张建国，城关镇东风村党支部书记\n"
                "李红梅，县人民医院护士长\n王志强，县第一中学教师\n")
    assert not delegates_of(r)
    assert "王志强" in names_of(r, "Person")  # the list's last line too
    regions = {(f["person"], f["place"]) for f in facts_of(r, "region")}
    assert ("李红梅", "东风村") not in regions


def test_past_posts_after_a_graduation_are_not_taken_as_posts(extract):
    r = extract("张建国，男，汉族，1990年大学毕业，曾任城关镇镇长，县交通局局长。\n")
    assert not roles_of(r)
