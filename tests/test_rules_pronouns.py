"""Whom 他/她/自己 point to, names right after a cue word, and bulleted name heads (texts
written for these tests; none from the seeds or the held-out sets)."""

from conftest import delegates_of, honours_of, names_of, roles_of


def test_a_name_between_a_cue_word_and_a_verb(extract):
    r = extract("座谈会上，达斡尔族代表郎秀华发言时说起了家乡。来京前，徒弟许浩然专门发来视频。"
                "职工代表韩玉财第一个举手赞成。\n")
    assert {"郎秀华", "许浩然", "韩玉财"} <= names_of(r, "Person")


def test_a_verb_and_its_object_after_a_cue_word_are_no_name(extract):
    r = extract("过年时父亲包饺子给我们吃。她说，我代表党中央向大家问好。\n")
    assert not {"包饺子", "党中央"} & names_of(r, "Person")


def test_oneself_elected_points_to_the_one_just_named_not_the_father_after(extract):
    r = extract("某汽车公司总装车间班长钱立国早早到了工位。得知自己当选党的二十大代表，"
                "他第一个电话打给了父亲钱长顺。\n")
    assert delegates_of(r) == {"钱立国"}


def test_he_is_one_of_the_delegates_skips_the_wife_just_quoted(extract):
    r = extract("某旗某嘎查党支部书记、嘎查长巴图孟和，被牧民们叫作“马背上的书记”。"
                "妻子萨仁高娃笑着说，他在家的日子不多。这一次，他是内蒙古自治区选出的二十大代表之一。"
                "他曾获全国民族团结进步模范个人称号。\n")
    assert "萨仁高娃" in names_of(r, "Person")
    assert delegates_of(r) == {"巴图孟和"}
    assert ("巴图孟和", "全国民族团结进步模范个人") in honours_of(r)


def test_the_delegate_about_to_speak_is_not_the_one_before(extract):
    r = extract("二十大代表通道上，欧阳志远说：“这是我师傅郝德顺留给我的工具。”\n\n"
                "“下面这位代表，来自高原。”顿珠卓嘎微笑着向记者们问好。\n")
    assert "郝德顺" in names_of(r, "Person")
    assert "郝德顺" not in delegates_of(r)


POST = (
    "这3位青年二十大代表，就在我们身边！\n#二十大代表风采#\n\n"
    "■吉林·长春\n\n"
    "★ 努尔兰·阿合买提\n📍 某县某乡某村\n现任某村党支部副书记\n\n"
    "★ 司马志诚\n📍 某油田\n某采油厂采油工、技师\n\n"
    "★ 白玉兰\n📍 某县人民医院\n某县人民医院急诊科护士长\n\n"
    "★ 基层故事\n"
)


def test_bulleted_name_heads_of_a_delegates_post(extract):
    r = extract(POST)
    assert {"努尔兰·阿合买提", "司马志诚", "白玉兰"} <= delegates_of(r)
    people = names_of(r, "Person")
    assert not {"吉林·长春", "基层故事", "吉林", "长春"} & people


def test_bulleted_headings_are_no_names(extract):
    r = extract("#二十大代表风采#\n\n■ 聚焦·两会\n代表委员们带来了基层的声音。\n\n"
                "★ 石榴籽\n各族群众像石榴籽一样紧紧抱在一起。\n\n■ 金点子\n好建议写进了报告。\n")
    assert not {"聚焦·两会", "石榴籽", "金点子"} & names_of(r, "Person")


def test_the_wife_the_pronoun_she_points_to_keeps_her_honour(extract):
    r = extract("某村党支部书记王建国一早就出门了。妻子李秀英是村小学教师。"
                "她曾获全国三八红旗手称号。\n")
    assert ("李秀英", "全国三八红旗手") in honours_of(r)
    assert ("王建国", "全国三八红旗手") not in honours_of(r)


def test_oneself_in_a_quote_is_the_speaker_after_it(extract):
    r = extract("某村党支部书记李卫东在村里干了三十年。"
                "“得知自己当选党的二十大代表，我非常激动。”村医王建国说。\n")
    assert "李卫东" not in delegates_of(r)


def test_this_cadre_now_holds_the_posts_of_the_one_just_named(extract):
    r = extract("蒙古族代表韩淑梅发言时，特意穿上了民族服装。这位土生土长的蒙古族干部，"
                "现任兴安盟科尔沁右翼前旗归流河镇党委书记。\n")
    assert any(p == "韩淑梅" and t == "党委书记" and o.endswith("归流河镇")
               for p, o, t in roles_of(r))


def test_a_name_after_a_noun_and_before_delegate(extract):
    r = extract("“黑土地要保护好。”来自松嫩平原的种粮大户滕立军代表说，"
                "他承包了3000亩水田。会议应出席代表458名。\n")
    people = names_of(r, "Person")
    assert "滕立军" in people
    assert "应出席" not in people


def test_the_clauses_after_an_election_name_more_people_and_posts(extract):
    r = extract("全会选举赵德安为市委书记，钱明、孙立华为市委副书记。"
                "市纪委全会选举周晓梅为市纪委书记，吴国强为副书记。\n")
    roles = roles_of(r)
    for person, title in (("钱明", "市委副书记"), ("孙立华", "市委副书记"), ("吴国强", "副书记")):
        assert any(p == person and (o + t).endswith(title) for p, o, t in roles), person


def test_what_follows_an_election_clause_is_no_name(extract):
    r = extract("大会选举王建国为主席，本次大会为期两天。会议选举李明为主任，会议期间为代表们"
                "提供服务。全会选举赵德安为市委书记，由孙立华为秘书长。\n")
    assert not {"本次大会", "会议期间", "由孙立华"} & names_of(r, "Person")
