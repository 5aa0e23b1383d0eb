"""Texts a review of session 8's rules found them misreading, each now read right (written for
these tests; none from the seeds or the held-out sets)."""

from conftest import delegates_of, names_of, roles_of


def test_a_connective_opening_a_paragraph_is_no_name(extract):
    for text in ("于是，他当上了村党支部书记。\n", "后来，他成为村党支部书记。\n",
                 "同时，他还是这家公司的董事长。\n"):
        assert names_of(extract(text), "Person") == set(), text


def test_other_people_s_posts_after_a_pronoun_word(extract):
    r = extract("张三是某村村民。他的儿子在外地读书，现为某大学学生会主席。\n")
    assert not any(p == "张三" and t == "主席" for p, _, t in roles_of(r))


def test_a_sister_with_a_longer_dotted_name_is_another_person(extract):
    r = extract("古丽·买买提今年20岁。\n她和阿依古丽·买买提是同学。\n")
    assert {"古丽·买买提", "阿依古丽·买买提"} <= names_of(r, "Person")


def test_a_department_of_another_body_in_another_paragraph(extract):
    r = extract("县人民医院感染科上周开展义诊活动。\n\n"
                "另讯，市妇幼保健院昨天召开会议，感染科主任李明介绍了防控情况。\n")
    assert not any(o == "县人民医院感染科" for _, o, _ in roles_of(r))


def test_a_troupe_leader_is_not_at_a_group_company(extract):
    r = extract("记者走访了中国建材集团。\n\n当天下午，慰问演出在厂区举行。\n\n"
                "团长李明介绍，演出将于下月举行。\n")
    assert not any(o.endswith("集团") for _, o, _ in roles_of(r))


def test_a_foreign_company_is_no_yi_name(extract):
    r = extract("法国阿尔斯通公司中标该项目。\n")
    assert names_of(r, "Person") == set()
    assert "法国阿尔斯通公司" in names_of(r, "Organization")


def test_a_company_and_a_dish_after_descriptors_are_no_names(extract):
    r = extract("他代表东方航空致辞。奶奶包饺子给我们吃。\n")
    assert not {"东方航空", "包饺子"} & names_of(r, "Person")


def test_prizes_and_weekdays_before_posts_are_no_names(extract):
    r = extract("金奖　某某公司高级工程师\n银奖　某某厂技术员\n【高清】市长现场办公\n")
    assert names_of(r, "Person") == set()


def test_no_unit_without_a_named_command(extract):
    r = extract("陆军某些部队正在演练。海军某型驱逐舰近日完成海试。记者来到该军区某旅采访。\n")
    assert names_of(r, "Organization") == set()


def test_speakers_in_turn_stop_at_the_announced_count(extract):
    r = extract("党的二十大代表座谈会召开，两位代表先后发言——\n\n"
                "韦春燕（某村党支部书记）说，芒果卖得好。\n\n"
                "莫振华（某镇党委书记）表示，要抓好产业。\n\n"
                "王刚（县委书记）说，两位代表讲得很好。\n")
    assert delegates_of(r) == {"韦春燕", "莫振华"}


def test_a_wire_line_in_brackets_is_joined_when_broken(extract):
    r = extract("【新华社北京3月5日电】国务院总理李强在政府工作报告中说，"
                "今年发展主要预期目标是国内生产总值增长\n"
                "百分之五左右，城镇新增就业一千二百万人左右。\n")
    assert any(s.end - s.start > 60 for s in r.sentences)


def test_a_post_at_a_short_body_name_two_longer_names_end_in_stays(extract):
    from kg.resolve import resolve

    texts = ("县委办公室主任张三主持会议。\n", "县政府办公室主任张三介绍情况。\n",
             "他是办公室主任。办公室主任张三表示，工作很顺利。\n")
    docs = [extract(t) for t in texts]
    resolved = resolve(docs)
    orgs = {resolved.entities[f.fields["org"]].label for f in resolved.facts.values()
            if f.kind == "role" and f.fields.get("org")}
    assert {"县委办公室", "县政府办公室"} <= orgs
    assert "办公室" in orgs  # not folded into either
