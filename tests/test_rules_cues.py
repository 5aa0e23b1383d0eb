"""Delegate cues, bylines and dotted names in more layouts, each on text written for these
tests (none of it from the seed articles); each fails without its rule."""

from conftest import delegates_of, facts_of, names_of


def test_a_name_right_after_the_congress_delegate_is_a_delegate(extract):
    r = extract("在村文化广场上，党的二十大代表吐尔逊·阿不都用双语宣讲。\n"
                "会上，全国人大代表、党的二十大代表欧阳建军是某团五连职工。\n")
    assert delegates_of(r) == {"吐尔逊·阿不都", "欧阳建军"}


def test_the_congress_written_in_full_cues_a_delegate(extract):
    r = extract("——记中国共产党第二十次全国代表大会代表、某边防团一级军士长黄卫东\n"
                "黄卫东说，守边是本分。\n")
    assert delegates_of(r) == {"黄卫东"}


def test_fellow_delegates_and_those_attending_are_delegates(extract):
    r = extract("同为党的二十大代表的令狐晓燕，是某医院妇产科主任。\n"
                "作为出席党的二十大的代表，某镇中学教师李春燕把课堂搬进了大学。\n")
    assert delegates_of(r) == {"令狐晓燕", "李春燕"}


def test_names_before_n_comrades_elected_after_the_congress_election(extract):
    r = extract("6月20日，某省党代会选举产生了出席党的二十大代表。某州田志荣、冉秋燕、"
                "欧阳志远等3名同志当选。\n")
    assert delegates_of(r) == {"田志荣", "冉秋燕", "欧阳志远"}


def test_n_comrades_elected_to_something_else_are_no_delegates(extract):
    r = extract("党的二十大召开在即。\n\n某县召开党代会，田志荣、冉秋燕、欧阳志远等3名同志当选"
                "县委常委。\n")
    assert delegates_of(r) == set()


def test_a_herders_or_parents_representative_is_no_delegate(extract):
    r = extract("出席党的二十大的某代表团今天讨论报告。\n"
                "牧民代表包·朝鲁门第一个举手。家长代表王建国也发了言。\n")
    assert delegates_of(r) == set()


def test_a_byline_lists_several_names_dotted_or_padded(extract):
    r = extract("某某日报全媒体记者 古丽米拉·吾守尔 刘建新\n\n"
                "某某日报记者 柯　然　通讯员 吴晓丹\n\n正文。\n")
    people = names_of(r, "Person")
    assert {"古丽米拉·吾守尔", "刘建新", "柯然", "吴晓丹"} <= people
    reporters = {f["person"] for f in facts_of(r, "role") if f["title"].endswith("记者")}
    assert reporters == {"古丽米拉·吾守尔", "刘建新", "柯然"}


def test_a_reporters_question_is_no_byline(extract):
    r = extract("记者：会议期间，您最关心什么？\n王代表：乡村振兴。\n（编辑：许静）\n")
    people = names_of(r, "Person")
    assert "会议期间" not in people
    assert "许静" in people


def test_a_dotted_name_starts_after_a_verb_or_a_common_noun(extract):
    r = extract("第一个发言的是阿不都热依木·买买提。\n车间里，徒弟艾克拜尔·吐尔逊正在操作。\n")
    people = names_of(r, "Person")
    assert {"阿不都热依木·买买提", "艾克拜尔·吐尔逊"} <= people
    assert not {"是阿不都热依木·买买提", "徒弟艾克拜尔·吐尔逊"} & people


RESUME = ("某州3名同志当选党的二十大代表\n\n"
          "冉秋燕，女，苗族，1978年2月出生，湖南某县人，大学学历，1998年8月参加工作。曾任某镇团委书记。"
          "2014年回村工作，现任某镇白岩村党支部书记、村委会主任。曾获全国三八红旗手称号。\n\n"
          "田志荣，男，1969年11月生，在职研究生学历。现任某州农业科学院副院长、茶叶研究所所长。\n")


def test_posts_of_a_resume_paragraph_are_its_subjects(extract):
    roles = {(f["person"], f["org"], f["title"]) for f in facts_of(extract(RESUME), "role")}
    assert {("冉秋燕", "某镇白岩村", "党支部书记"), ("冉秋燕", "某镇白岩村", "村委会主任"),
            ("田志荣", "某州农业科学院", "副院长"), ("田志荣", "茶叶研究所", "所长")} <= roles


def test_ranks_and_trades_are_titles_before_a_name(extract):
    r = extract("四级军士长庞建华说，老班长讲得好。\n采油工宋海峰在井场巡检。\n")
    roles = {(f["person"], f["title"]) for f in facts_of(r, "role")}
    assert {("庞建华", "四级军士长"), ("宋海峰", "采油工")} <= roles


def test_a_title_glued_to_a_place_word_takes_no_name(extract):
    r = extract("国网湖南省电力有限公司长沙供电公司带电作业班班长罗建军说，安全第一。\n")
    assert "沙供电" not in names_of(r, "Person")
    assert "罗建军" in names_of(r, "Person")


def test_names_cut_by_the_segmenter_or_starting_with_a_place_word(extract):
    r = extract("集团公司党委书记、董事长贺立新在28日召开的会议上说，要学习。\n"
                "车间主任龙海波说，班里的事他最上心。\n号召全体党员向他学习。\n")
    people = names_of(r, "Person")
    assert {"贺立新", "龙海波"} <= people
    assert "向他" not in people


def test_a_resume_gives_the_place_one_comes_from_as_region(extract):
    r = extract("杨秋兰，女，侗族，1983年4月生，湖北宣恩人，大学学历。现任某医院护士长。\n")
    assert {(f["person"], f["place"]) for f in facts_of(r, "region")} == {("杨秋兰", "宣恩")}
