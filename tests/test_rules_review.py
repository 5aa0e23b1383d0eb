"""Texts a review of session 7's rules found them misreading, each now read right (written for
these tests; none from the seeds or the held-out sets)."""


from conftest import delegates_of, facts_of, names_of, roles_of


def test_a_student_or_deputy_acting_as_representative_is_no_delegate(extract):
    r = extract("学习贯彻党的二十大精神。作为学生代表，高三学生王晓雨在开学典礼上发言。"
                "作为一名基层人大代表，王芳说要多听群众意见。\n")
    assert delegates_of(r) == set()


def test_talk_about_delegates_makes_none(extract):
    for text in ("“这是咱们村自己的二十大代表！”村民李华激动地说。\n",
                 "村民李华说，年轻人要向榜样学习，成为像二十大代表那样的人。\n",
                 "张三说，这是全县干部群众对二十大代表的期盼，也是全省的二十大代表共同的心声。\n"):
        assert delegates_of(extract(text)) == set(), text


def test_no_corridor_but_the_congress_s(extract):
    r = extract("全国两会“代表通道”开启。深入学习贯彻党的二十大精神。\n"
                "第一位走上通道的是全国人大代表李红梅。\n"
                "该县工业增加值位居全省第一位，县长王建华介绍了经验。\n")
    assert delegates_of(r) == set()


def test_a_compound_surname_inside_a_word_is_no_name(extract):
    r = extract("这些新闻人物在去年引起关注。新闻人员在现场采访。\n")
    assert not any(n.startswith("闻人") for n in names_of(r, "Person"))


def test_an_age_before_a_common_noun_is_no_name(extract):
    r = extract("30岁的高工在车间里忙碌。一位52岁的常客说，80岁的张大爷，每天都来。\n")
    assert not {"高工", "常客", "张大爷"} & names_of(r, "Person")


def test_a_court_s_own_president_is_not_at_the_college_he_left(extract):
    r = extract("某某县人民法院\n\n本院党组书记、院长张明主持会议。张明毕业于西南政法学院。\n")
    assert not any(o == "西南政法学院" for _, o, _ in roles_of(r))


def test_a_regional_manager_is_no_district_official(extract):
    r = extract("上海市浦东新区召开会议。浦东新区经济发展很快。\n一家外地企业的区域经理王磊说，"
                "这里营商环境好。\n")
    assert not any(f["person"] == "王磊" for f in facts_of(r, "region"))


def test_on_a_train_is_not_on_the_list(extract):
    r = extract("党的二十大代表名单公布时，村党支部书记李明在列车上，他很激动。\n")
    assert delegates_of(r) == set()

