"""A long sentence listing delegates item by item (这些代表包括：A，…；B，…；以及C，…), and
the people around such a list (texts written for these tests; none from the seeds or the
held-out sets)."""

from conftest import delegates_of, names_of, roles_of

ITEMS = (
    "一批来自湖南省农业一线的党的二十大代表正在做进京前的准备。在省第十二次党代会上选举产生的"
    "出席党的二十大的代表中，有不少人是合作社的带头人。\n\n"
    "“他们每个人背后都是上千户农民，”省农业农村厅副厅长钱立军告诉记者。\n\n"
    "这些代表包括：贺建平，一位种了30年水稻的老农，目前担任浏阳市某某水稻专业合作社理事长；"
    "吉克·阿果，彝族，某某镇某某村党支部书记；央金卓玛，藏族，某某县某某牦牛专业合作社理事长；"
    "以及田海英，湘西州某某县某某茶叶专业合作社理事长。\n\n"
    "村民李小平说，阿果书记当选代表以后，村里人都让她把难处讲给北京听。\n"
)


def test_each_item_of_the_list_is_a_delegate(extract):
    r = extract(ITEMS)
    assert delegates_of(r) == {"贺建平", "吉克·阿果", "央金卓玛", "田海英"}
    assert "同时" not in names_of(r, "Person")


def test_an_item_s_posts_follow_its_name(extract):
    roles = roles_of(extract(ITEMS))
    assert ("央金卓玛", "某某县某某牦牛专业合作社", "理事长") in roles
    assert ("田海英", "湘西州某某县某某茶叶专业合作社", "理事长") in roles


def test_the_last_part_of_a_dotted_name_before_a_title_is_the_person(extract):
    r = extract(ITEMS)
    alias = [m for m in r.mentions if m.text == "阿果" and m.label == "Person"]
    assert alias and dict(alias[0].attrs).get("alias_of") == "吉克·阿果"
    assert "李小平" not in delegates_of(r)


def test_these_delegates_after_another_congress_are_not_its(extract):
    r = extract("县第十五次党代会闭幕。会后记者采访了部分党代表。\n\n"
                "这些代表包括：贺建平，浏阳市某某水稻专业合作社理事长；以及田海英，某茶叶专业合作社理事长。\n")
    assert delegates_of(r) == set()


def test_delegates_who_speak_in_turn_at_an_open_discussion(extract):
    r = extract("快讯丨广西代表团开放团组讨论\n\n"
                "出席党的二十大的广西代表团举行全体会议，讨论党的二十大报告。四位代表先后发言——\n\n"
                "韦春燕（百色市某县某村党支部书记）说，村里的芒果今年卖到了上海。\n\n"
                "蓝志刚（河池市某中学教师，全国优秀教师）表示，要让每个孩子都有出彩的机会。\n\n"
                "莫振华（南宁市某镇党委书记）结合乡村振兴谈体会。\n\n"
                "在随后的答问环节，记者就芒果产业提问。\n")
    assert delegates_of(r) == {"韦春燕", "蓝志刚", "莫振华"}
    roles = roles_of(r)
    assert any(p == "莫振华" and o + t == "南宁市某镇党委书记" for p, o, t in roles)
    assert not any(t == "全国优秀教师" for _, _, t in roles)  # an honour, not a post
    assert "谈体会" not in names_of(r, "Person")


def test_speakers_at_another_meeting_are_not_delegates(extract):
    r = extract("某市召开劳动模范座谈会\n\n座谈会上，三位代表先后发言——\n\n"
                "韦春燕（某村党支部书记）说，村里的芒果今年卖到了上海。\n\n"
                "莫振华（某镇党委书记）表示，要抓好产业。\n")
    assert delegates_of(r) == set()


def test_a_reporter_of_a_news_site_in_the_dateline(extract):
    r = extract("中新网长沙10月12日电（记者 龙晓雨）一批农业一线的代表正在准备进京。\n")
    assert ("龙晓雨", "中新网", "记者") in roles_of(r)
