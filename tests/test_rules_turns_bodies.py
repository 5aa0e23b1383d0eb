r'''Delegates taken in turn after a count, members of a delegation, lists of the elected, bodies
named by 该/学校, and names in strong places (texts written for these tests; none from the
seeds or the held-out sets).'''

from conftest import delegates_of, facts_of, names_of, roles_of


def _regions_of(result) -> set[tuple[str, str]]:
    return {(f["person"], f["place"]) for f in facts_of(result, "region")}


def test_the_announced_delegates_are_those_taken_in_order(extract):
    r = extract(r'''上午，两位党的二十大代表在县会堂作宣讲，县委书记钱振华主持。

第一位走上讲台的，是某镇中心小学校长邓秀英。她讲了乡村教育的变化。台下的村民代表吕大成听得认真。

最后登台的是某水泥厂车间主任赖文斌。他说，回去要把精神讲给工友听。
''')
    assert delegates_of(r) == {"邓秀英", "赖文斌"}


def test_an_ordinal_that_takes_no_turn_makes_no_delegate(extract):
    r = extract(r'''三位党的二十大代表近日回到家乡。

得知消息，她第一个告诉了村民代表卢长根。“大家都高兴。”卢长根说。
''')
    assert "卢长根" not in delegates_of(r)


def test_one_of_a_delegation_and_one_of_the_counted_delegates(extract):
    r = extract(r'''党的二十大各代表团17日继续分组讨论。在贵州代表团驻地，代表们轮流发言。

遵义某电池公司高级技师龙海涛也在会场。他是贵州代表团最年轻的代表之一。
''')
    assert delegates_of(r) == {"龙海涛"}
    r = extract(r'''本省38名党的二十大代表日前全部通过资格审查。

雷山县西江镇羊排村党支部书记苗春兰，是5名少数民族代表之一，她带着乡亲种花椒。
''')
    assert delegates_of(r) == {"苗春兰"}


def test_posts_after_the_congress_and_a_comma_then_the_name(extract):
    r = extract("讨论很热烈。\n党的二十大代表，中共某某市委副书记、市长岑国梁在发言中谈到装备制造。"
                "党的二十大代表，他说这份责任很重。\n")
    assert delegates_of(r) == {"岑国梁"}


def test_as_a_delegate_then_she_points_back(extract):
    r = extract("乐山某中学的化学教师鲍丽娟在讲台上站了二十年。"
                "作为教育战线的二十大代表，她把宣讲稿写成了一堂课。\n")
    assert "鲍丽娟" in delegates_of(r)


def test_attending_the_national_party_congress_as_a_delegate(extract):
    r = extract("党的二十大开幕在即。同样第一次以代表身份出席全国党代会的，"
                "还有某州某县某乡牧民专业合作社理事长卓玛拉措。\n")
    assert delegates_of(r) == {"卓玛拉措"}


def test_a_class_representative_is_no_delegate(extract):
    r = extract("党的二十大代表团驻地，某代表说起学生。"
                "她把试卷交给语文课代表包思远：“下午发下去。”\n")
    assert "包思远" not in delegates_of(r)


def test_everyone_an_election_names_gets_the_post(extract):
    r = extract("全会选举任建业、买买提·吐尔逊、钟晓岚为市委常委，选举任建业为市委书记，"
                "买买提·吐尔逊、钟晓岚为市委副书记。\n")
    roles = roles_of(r)
    for name in ("任建业", "买买提·吐尔逊", "钟晓岚"):
        assert (name, "市委", "常委") in roles
    assert ("钟晓岚", "", "市委副书记") in roles
    assert ("任建业", "市委", "市委书记") not in roles  # not 市委 again for 市委书记
    assert "吐尔逊" not in names_of(r, "Person")  # the dotted name's end is no name


def test_a_list_that_is_no_list_of_names_elects_nobody(extract):
    r = extract("大会选举产生新一届领导班子成员为期五年。\n")
    assert not roles_of(r)


def test_this_ship_and_the_school_are_the_bodies_named_before(extract):
    r = extract(r'''南部战区海军某驱逐舰支队某舰近日完成远海训练。
该舰政治委员覃海生说，官兵们士气高涨。

她在某县民族中学教了十六年书。她的学生后来考进了某师范大学。
学校党委书记、校长姚立新说，她是大家的榜样。
''')
    roles = roles_of(r)
    assert ("覃海生", "南部战区海军某驱逐舰支队某舰", "政治委员") in roles
    assert ("姚立新", "某县民族中学", "校长") in roles


def test_a_school_s_teacher_with_de_between(extract):
    r = extract("最后登台的吴兰芝是苗族，某县第二中学的语文教师。\n")
    assert "吴兰芝" in names_of(r, "Person")
    assert ("吴兰芝", "某县第二中学", "语文教师") in roles_of(r)


def test_a_profile_opening_and_a_series_heading_give_names_pieces_cut(extract):
    r = extract(r'''【二十大代表风采】玉嫩罕：守着寨子的药箱
玉嫩罕，女，傣族，1972年生，现为某县某镇某村卫生室乡村医生。
相关阅读：
· 代表风采丨岩香南：林子里的巡护员
''')
    assert {"玉嫩罕", "岩香南"} <= names_of(r, "Person")
    assert not any(org.startswith("现为") for _, org, _ in roles_of(r))


def test_a_video_script_marker_is_no_series_heading(extract):
    r = extract("【画面】老照片：泥泞的进寨路。\n【同期声】石某某：路通了。\n")
    assert "老照片" not in names_of(r, "Person")


def test_a_village_s_representative_is_of_that_village(extract):
    r = extract("龙胜县龙脊镇平安村党支部书记林秀珍主持会议。"
                "会上，龙脊镇黄洛村村民代表韦福生发言。\n")
    assert ("韦福生", "黄洛村") in _regions_of(r)


def _posts(texts, extract) -> set[tuple[str, str]]:
    from kg.resolve import resolve

    resolved = resolve([extract(t) for t in texts])
    return {(resolved.entities[f.fields["org"]].label if f.fields.get("org") else "",
             f.fields["title"]) for f in resolved.facts.values() if f.kind == "role"}


def test_a_bare_post_folds_into_the_same_post_written_whole(extract):
    posts = _posts(["会上，银川市委书记尹国栋讲话。会议选举尹国栋为市委书记。\n"], extract)
    assert ("银川市委", "书记") in posts
    assert ("", "市委书记") not in posts


def test_a_bare_post_two_longer_posts_end_with_stays(extract):
    posts = _posts(["银川市委书记尹国栋讲话。", "吴忠市委书记尹国栋调研。",
                    "会议选举尹国栋为市委书记。\n"], extract)
    assert ("", "市委书记") in posts


def test_the_company_just_named_in_the_paragraph_before_the_most_named(extract):
    r = extract(r'''珠海华晶微电子有限公司的研发团队今年扩大了一倍。
华晶微电子有限公司的产品销往海外。

为华晶提供设备的，是深圳恒达精密机械有限公司。公司总经理冼志明说，双方合作已有五年。
''')
    assert ("冼志明", "深圳恒达精密机械有限公司", "总经理") in roles_of(r)


def test_names_with_notes_before_elected_share_the_post_and_its_body(extract):
    r = extract("邵国华当选为青海省人民政府省长。蔡丽（女）、韩永福（撒拉族）、"
                "温建军当选为副省长。\n")
    roles = roles_of(r)
    for name in ("蔡丽", "韩永福", "温建军"):
        assert (name, "青海省人民政府", "副省长") in roles
    r = extract("贺明远当选为青海省第十四届人民代表大会常务委员会主任；"
                "白玛（女，藏族）、孔令山当选为副主任。\n")
    assert ("白玛", "青海省第十四届人民代表大会常务委员会", "副主任") in roles_of(r)


def test_a_printed_list_with_padded_two_character_names(extract):
    r = extract(r'''云南省出席党的二十大代表名单

（共9名，按姓氏笔画为序）

马云飞　方　明　叶秀兰（女）
刘　强　孙德胜　岩　温（傣族）
杨丽华（女）　宋建国　张　平
''')
    assert {"方明", "刘强", "岩温", "张平", "孙德胜"} <= delegates_of(r)
    assert not any("\u3000" in n for n in names_of(r, "Person"))


def test_a_dotted_name_that_ends_its_line_is_whole_and_so_is_its_repeat(extract):
    r = extract(r'''——记哈萨克族牧民别克波拉提·努尔太
清晨，别克波拉提·努尔太已经骑上马出发了。
''')
    assert names_of(r, "Person") == {"别克波拉提·努尔太"}


def test_cues_the_review_found_too_loose_make_no_delegate(extract):
    texts = ("选举产生了87名出席党的二十大代表，省委书记王宁主持会议。\n",
             "党的二十大代表王建华来到村里。\n县长李国强也来了。作为代表性传承人，他展示了技艺。\n",
             "党的二十大代表王建华来到村里。\n李国强说，他可以代表我们村发言。\n",
             "党的二十大代表王建华来到村里。\n县长李国强，是5名村民代表之一。\n",
             "出席党的二十大的四川代表团抵达北京。\n县长李国强，也是四川代表团的全国人大代表。\n")
    for text in texts:
        assert not {"王宁", "李国强"} & delegates_of(extract(text)), text


def test_elections_the_review_found_too_loose(extract):
    assert ("李建国", "", "副县长") in roles_of(extract("会议选举并决定任命李建国为副县长。\n"))
    r = extract("张建国当选为宁县人民政府县长。在正宁县，李国强当选为副县长。\n")
    assert ("李国强", "宁县人民政府", "副县长") not in roles_of(r)
    r = extract("县公安局局长张伟说。\n该局长李国强表示。\n")
    assert ("李国强", "县公安局", "长") not in roles_of(r)
