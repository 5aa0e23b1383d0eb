"""Rule families for printed lists, profiles, elections and bracketed posts, each on text
written for these tests (none of it from the seed articles); each fails without its rule."""

from conftest import facts_of, names_of

ROSTER = ("某某日报　2022年6月2日　星期四　第1版\n"
          "中国共产党甘肃省第十四次代表大会\n"
          "选举产生甘肃省出席党的二十大代表\n\n"
          "甘肃省出席中国共产党第二十次全国代表大会代表名单\n"
          "（共5名，按姓氏笔画为序）\n"
          "才让措（女）（藏族）　马福林（回族）　王建中　公保加（藏族）　周丽娟（女，东乡族）\n\n"
          "当选代表中，女代表2名。\n")


def test_a_roster_line_lists_people(extract):
    people = names_of(extract(ROSTER), "Person")
    assert {"才让措", "马福林", "王建中", "公保加", "周丽娟"} <= people


def test_a_roster_under_the_congress_list_heading_lists_its_delegates(extract):
    delegates = {f["person"] for f in facts_of(extract(ROSTER), "delegate")}
    assert delegates == {"才让措", "马福林", "王建中", "公保加", "周丽娟"}


def test_a_roster_of_another_body_lists_no_delegates(extract):
    text = ("二十大代表的选举工作已经完成。\n"
            "中共某某市第七届委员会委员名单\n"
            "王建中　马福林（回族）　周丽娟（女）……（名单未完）\n")
    r = extract(text)
    assert {"王建中", "马福林", "周丽娟"} <= names_of(r, "Person")
    assert facts_of(r, "delegate") == []


def test_prose_with_spaces_is_no_roster(extract):
    r = extract("今天　天气　很好　大家　都来了\n")
    assert names_of(r, "Person") == set()


def test_a_page_line_is_not_joined_to_the_heading_below(extract):
    events = names_of(extract(ROSTER), "Event")
    assert "中国共产党甘肃省第十四次代表大会" in events
    assert not any(e.startswith("版") for e in events)


def test_an_indented_line_starts_a_new_item():
    from kg.normalise import normalise

    text = "这一行足够长，被排版从中间切断了，下一行接着写下去的文字\n　　新的段落从这里开始。"
    assert "\n" in normalise(text).text
    assert "\n" not in normalise(text.replace("\n　　", "\n")).text


def test_profile_opening_with_sex_and_ethnicity(extract):
    r = extract("卓玛措，女，藏族，1986年5月出生，2010年6月入党，"
                "现任某县清水河镇扎哈村党支部书记。")
    assert "卓玛措" in names_of(r, "Person")
    roles = facts_of(r, "role")
    assert any(x["person"] == "卓玛措" and x["title"] == "党支部书记" for x in roles)


def test_a_byline_name_whose_surname_is_also_a_preposition(extract):
    r = extract("（某某日报全媒体记者 覃建新 向红　通讯员 田小芳）\n")
    assert {"覃建新", "向红", "田小芳"} <= names_of(r, "Person")


# ---------------------------------------------------------------- posts


def test_posts_a_person_is_elected_to(extract):
    r = extract("在随后召开的全会上，张立新当选为市委书记，王建平、李国胜当选为市委副书记。"
                "市纪委全会选举刘志新为市纪委书记。")
    roles = {(x["person"], x["org"] + x["title"]) for x in facts_of(r, "role")}
    assert {("张立新", "市委书记"), ("王建平", "市委副书记"), ("李国胜", "市委副书记"),
            ("刘志新", "市纪委书记")} <= roles


def test_elected_as_a_delegate_is_no_post(extract):
    r = extract("村党支部书记李春花当选为党的二十大代表。")
    assert not any(x["title"].endswith("代表") for x in facts_of(r, "role"))


def test_posts_in_brackets_after_a_delegate(extract):
    r = extract("出席党的二十大的江西代表团分组讨论。"
                "欧阳明远代表（南昌大学教授、某某研究所所长）发言。"
                "雷秀芳代表（畲族，鹰潭市贵溪市樟坪畲族乡党委书记）也发了言。")
    people = names_of(r, "Person")
    assert "欧阳明远" in people and "明远" not in people
    roles = facts_of(r, "role")
    assert {"person": "欧阳明远", "title": "教授", "org": "南昌大学"} in roles
    assert any(x["person"] == "雷秀芳" and x["title"] == "党委书记" for x in roles)


def test_a_later_title_of_another_level_keeps_its_own_body(extract):
    r = extract("代表团团长、省委书记尹建东参加讨论。")
    roles = facts_of(r, "role")
    assert {"person": "尹建东", "title": "团长", "org": "代表团"} in roles
    assert {"person": "尹建东", "title": "省委书记", "org": ""} in roles


def test_a_full_name_before_a_title_after_a_verb(extract):
    r = extract("代表团分组讨论习近平总书记所作的报告。")
    assert "习近平" in names_of(r, "Person")


def test_a_delegate_of_a_provincial_delegation_is_of_that_province(extract):
    r = extract("出席党的二十大的江西代表团分组讨论党的二十大报告。"
                "胡小梅代表说，要把报告精神带回去。"
                "来自赣州市的代表钟海生也发了言。")
    regions = {(x["person"], x["place"]) for x in facts_of(r, "region")}
    assert ("胡小梅", "江西") in regions
    assert ("钟海生", "赣州市") in regions and ("钟海生", "江西") not in regions


def test_a_count_between_the_body_and_the_title(extract):
    r = extract("“焊缝要一次成型。”赵振江说。赵振江是中车长客的一名电焊工，从业二十多年。")
    assert {"person": "赵振江", "title": "电焊工", "org": "中车长客"} in facts_of(r, "role")


def test_here_is_no_organisation(extract):
    r = extract("党的二十大代表孙晓红是这里的班长，带着三十多名组员。")
    assert not any(x["org"] in ("这里", "这") for x in facts_of(r, "role"))


def test_dai_names_after_a_cue(extract):
    r = extract("“路修好了，日子就好过了。”岩光罕说。村党总支书记玉香南也赶来了。")
    assert {"岩光罕", "玉香南"} <= names_of(r, "Person")


def test_two_words_of_a_heading_joined_by_a_dot_are_no_name(extract):
    r = extract("二十大代表风采·科技\n某某研究所所长李建明说，要把论文写在大地上。\n")
    assert not any("·" in n for n in names_of(r, "Person"))


def test_a_byline_place_and_verb_are_no_name(extract):
    r = extract("某某文汇报讯（记者 叶思明 青岛报道）清晨，研究所里已经忙碌起来。\n")
    people = names_of(r, "Person")
    assert "叶思明" in people and "青岛报道" not in people
    assert {"person": "叶思明", "title": "记者", "org": "某某文汇报"} in facts_of(r, "role")


def test_a_county_media_centre_byline(extract):
    r = extract("（县融媒体中心记者 欧阳晓明  通讯员 杨再林）11月16日晚，鼓楼里灯火通明。\n")
    assert {"person": "欧阳晓明", "title": "记者", "org": "县融媒体中心"} in facts_of(r, "role")


def test_he_opening_a_paragraph_is_the_delegate_the_profile_is_about(extract):
    text = ("党的二十大代表、社区民警岩应罕在边境派出所工作了二十多年。\n\n"
            "他带着辅警刀建华走村串寨。“跟着他学了三年。”刀建华说。\n\n"
            "从警26年，他先后获得全国优秀人民警察、全国五一劳动奖章。\n")
    honours = {(x["person"], x["honour"]) for x in facts_of(extract(text), "honour")}
    assert ("岩应罕", "全国优秀人民警察") in honours
    assert not any(p == "刀建华" for p, _ in honours)


PROFILES = ("喜迎二十大 · 代表风采录\n\n"
            "■ 马德明\n\n"
            "男，回族，1975年生，海东市化隆回族自治县群科镇人，现任化隆县拉面产业服务中心主任。"
            "二十多年来，他帮助务工青年解决难题。\n\n"
            "■ 才让措\n\n"
            "女，藏族，1981年9月生，海南藏族自治州贵德县河西镇下排村党支部书记。\n")


def test_a_profile_page_names_each_delegate_on_its_own_line(extract):
    r = extract(PROFILES)
    assert {"马德明", "才让措"} <= names_of(r, "Person")
    assert {f["person"] for f in facts_of(r, "delegate")} == {"马德明", "才让措"}
    roles = facts_of(r, "role")
    assert {"person": "马德明", "title": "主任", "org": "化隆县拉面产业服务中心"} in roles
    assert any(x["person"] == "才让措" and x["title"] == "党支部书记" for x in roles)
    assert any(x["person"] == "才让措" and x["place"] == "下排村" for x in facts_of(r, "region"))


def test_a_caption_names_a_delegate_after_a_space(extract):
    text = ("【同期声】\n"
            "（同期声）党的二十大代表 某某县某某乡某某村党支部书记 热依汗古丽·艾力\n"
            "今年村里的核桃合作社收了一百二十多吨，每户能多分三千多块钱。\n"
            "（同期声）某某村村民代表 吐尔逊江·买买提\n"
            "我们相信她。\n")
    r = extract(text)
    assert {f["person"] for f in facts_of(r, "delegate")} == {"热依汗古丽·艾力"}
    assert "吐尔逊江·买买提" in names_of(r, "Person")  # the caption is not joined to its line


def test_a_surname_and_daibiao_is_the_delegate_named_before(extract):
    text = ("中国共产党第二十次全国代表大会开幕会前，“党代表通道”开启。"
            "第一位走上通道的，是某某县某某村党支部书记向春兰。\n"
            "记者：请问向代表，茶叶是怎样变成“金叶子”的？\n"
            "随后走上通道的是某研究所研究员、所长助理端木明辉。\n"
            "记者：端木代表，您能分享一下吗？\n")
    r = extract(text)
    forms = [dict(m.attrs).get("alias_of") for m in r.mentions if m.text == "端木代表"]
    assert forms and set(forms) == {"端木明辉"}  # a form of the name, not a name of its own
    assert {f["person"] for f in facts_of(r, "delegate")} == {"向春兰", "端木明辉"}


def test_a_dotted_work_title_in_book_marks_is_no_name(extract):
    r = extract("语文课上，老师李文娟正领着学生朗读《沁园春·雪》。")
    assert "沁园春·雪" not in names_of(r, "Person")


def test_a_central_broadcaster_byline(extract):
    r = extract("（总台记者 庞思明 黎雪山）\n")
    roles = facts_of(r, "role")
    assert {"person": "庞思明", "title": "记者", "org": "总台"} in roles


# ---------------------------------------------------------------- organisations


def test_a_unit_named_after_two_fields_keeps_its_joiner(extract):
    r = extract("他是兰州理工大学材料与能源工程学院教授。")
    assert "兰州理工大学材料与能源工程学院" in names_of(r, "Organization")
    assert "能源工程学院" not in names_of(r, "Organization")


def test_two_bodies_joined_by_he_stay_two(extract):
    r = extract("北京儿童医院和首都医科大学附属医院的专家参加了会诊。")
    assert not any("和" in o for o in names_of(r, "Organization"))


def test_a_verb_inside_a_place_name_does_not_cut_an_organisation(extract):
    r = extract("海东市互助土族自治县威远镇小庄村盘绣专业合作社理事长鲁春兰说，订单多了。")
    assert any(o.startswith("海东市互助土族自治县") for o in names_of(r, "Organization"))


def test_a_cooperative_named_for_what_it_grows(extract):
    r = extract("温宿县科克布拉克红枣种植专业合作社理事长买买提·库尔班说，今年收成好。")
    assert "温宿县科克布拉克红枣种植专业合作社" in names_of(r, "Organization")


def test_the_examples_a_paragraph_of_the_elected_gives_are_delegates(extract):
    text = ("近日，某省出席党的二十大代表选举产生。\n"
            "当选代表中，既有基层干部，也有先进模范。某县某镇卫生院院长杨丽华，在疫情防控一线坚守；"
            "某建设有限公司高级技师赵志明，是全国五一劳动奖章获得者。\n"
            "省委组织部干部处处长刘建新介绍，选举工作严格依规进行。\n")
    delegates = {f["person"] for f in facts_of(extract(text), "delegate")}
    assert delegates == {"杨丽华", "赵志明"}


def test_a_speaker_naming_delegates_in_general_is_not_one(extract):
    text = ("党的二十大代表聂海波在车间宣讲。"
            "公司董事长周立明表示，公司将组织二十大代表、劳动模范和技术骨干组成宣讲小分队。")
    delegates = {f["person"] for f in facts_of(extract(text), "delegate")}
    assert "周立明" not in delegates and "聂海波" in delegates


TABLE = ("某县出席中国共产党某州第十五次代表大会代表名单\n\n"
         "大会选举产生了出席州第十五次党代会代表3名。现将代表名单公布如下：\n\n"
         "序号 姓名 性别 民族 工作单位及职务\n"
         "1\t韩振华\t男\t汉族\t某某县委副书记、县长\n"
         "2\t马丽芳\t女\t回族\t大河家镇大河村党支部书记\n"
         "3  妥建民  男  东乡族  柳沟乡党委书记\n\n"
         "名单中，马丽芳2022年当选为党的二十大代表。\n")


def test_a_text_table_names_people_and_their_posts(extract):
    r = extract(TABLE)
    assert {"韩振华", "马丽芳", "妥建民"} <= names_of(r, "Person")
    roles = {(x["person"], x["org"] + x["title"]) for x in facts_of(r, "role")}
    assert ("马丽芳", "大河家镇大河村党支部书记") in roles
    assert ("妥建民", "柳沟乡党委书记") in roles


def test_another_congress_list_makes_no_delegates(extract):
    delegates = {f["person"] for f in facts_of(extract(TABLE), "delegate")}
    assert delegates == {"马丽芳"}


def test_a_paragraph_opened_by_a_name_and_a_bracket(extract):
    text = ("【代表心声】把基层的声音带到大会上\n"
            "党的二十大明天开幕。以下是部分代表的心声。\n\n"
            "彭秀兰（女，土家族，某县吕洞山镇夯吉村党支部书记）：“我们村过去是贫困村。”\n\n"
            "热依拉·吐尔洪（女，维吾尔族，某县中心小学校长）：“孩子们的梦想大了。”\n")
    r = extract(text)
    assert {f["person"] for f in facts_of(r, "delegate")} == {"彭秀兰", "热依拉·吐尔洪"}
    assert any(x["person"] == "彭秀兰" and x["title"] == "党支部书记" for x in facts_of(r, "role"))


def test_an_invited_delegate_is_a_delegate(extract):
    text = "中国共产党第二十次全国代表大会开幕。特邀代表赫连永年说，感到很光荣。"
    assert {f["person"] for f in facts_of(extract(text), "delegate")} == {"赫连永年"}


def test_the_body_the_scene_is_set_in_is_the_posts(extract):
    r = extract("在吉林，长春轨道客车股份有限公司，高级技师司马卫国正手把手教徒弟。")
    assert {"person": "司马卫国", "title": "高级技师",
            "org": "长春轨道客车股份有限公司"} in facts_of(r, "role")


def test_a_later_title_shares_the_place_written_before_the_first(extract):
    r = extract("珠海市委副书记、常务副市长司徒永明作政府工作报告。")
    roles = {(x["person"], x["org"], x["title"]) for x in facts_of(r, "role")}
    assert ("司徒永明", "珠海市", "常务副市长") in roles


def test_attendees_before_a_dotted_name(extract):
    r = extract("列席人员阿依努尔·沙吾提表示，要认真学习。")
    assert "阿依努尔·沙吾提" in names_of(r, "Person")


def test_a_name_always_written_whole_is_not_cut_by_the_segmenter(extract):
    r = extract("村委会主任龙国华长舒了一口气。“路修好了。”龙国华说。龙国华今年52岁。")
    people = names_of(r, "Person")
    assert "龙国华" in people and "龙国" not in people


def test_had_won_is_no_name(extract):
    r = extract("纳西族女教师曾获全国优秀教师称号。")
    assert "曾获" not in names_of(r, "Person")


def test_a_dotted_name_before_jia_and_after_a_post(extract):
    r = extract("镇宣传干事阿依达娜·别克带着记者来到古丽扎达·木拉提家。")
    people = names_of(r, "Person")
    assert {"阿依达娜·别克", "古丽扎达·木拉提"} <= people


def test_a_paragraph_opened_by_a_name_and_xianren(extract):
    r = extract("欧阳慧芳，现任某某冶炼厂电解车间主任、党支部书记。1998年她来到冶炼厂。")
    assert "欧阳慧芳" in names_of(r, "Person")
    roles = facts_of(r, "role")
    assert any(x["person"] == "欧阳慧芳" and x["title"] == "党支部书记" for x in roles)


def test_the_examples_on_the_list_are_delegates(extract):
    text = ("二十大代表的构成数据公布了。\n"
            "在这份名单上，有某某重工股份有限公司高级技师戚建新，一名老焊工；"
            "也有某某县中心学校教师杨丽华，这位纳西族女教师曾获全国优秀教师称号。\n"
            "港区全国人大代表陈家明则表示，程序相当严格。\n")
    delegates = {f["person"] for f in facts_of(extract(text), "delegate")}
    assert delegates == {"戚建新", "杨丽华"}


def test_a_village_named_only_in_a_post_is_the_persons_place(extract):
    r = extract("听说她要回来，喀拉苏村党支部书记哈力木拉提·努尔兰一大早就等在村口。")
    assert "喀拉苏村" in names_of(r, "Place")
    regions = {(x["person"], x["place"]) for x in facts_of(r, "region")}
    assert ("哈力木拉提·努尔兰", "喀拉苏村") in regions


def test_a_herder_of_the_village_the_story_is_in(extract):
    r = extract("昭苏县喀夏加尔镇喀拉苏村的宣讲会上，坐在前排的牧民托合塔尔·加帕尔听得格外认真。")
    regions = {(x["person"], x["place"]) for x in facts_of(r, "region")}
    assert ("托合塔尔·加帕尔", "喀拉苏村") in regions


def test_a_landmark_is_no_ones_region(extract):
    r = extract("中国共产党第二十次全国代表大会开幕。在人民大会堂，特邀代表赫连永年说，感到光荣。")
    assert not any(x["place"] == "人民大会堂" for x in facts_of(r, "region"))


def test_a_compound_surname_name_before_a_word(extract):
    r = extract("合作社理事长东方志强许下的诺言，一年后兑现了。")
    assert "东方志强" in names_of(r, "Person")


def test_a_time_before_a_dotted_name_is_not_part_of_it(extract):
    r = extract("一年前阿依古丽·买买尔说，要让村里的孩子都上学。")
    people = names_of(r, "Person")
    assert "阿依古丽·买买尔" in people and "一年前阿依古丽·买买尔" not in people


def test_yi_names_after_a_cue(extract):
    r = extract("“石榴熟了，直播间里订单不断。”沙马阿芝说。")
    assert "沙马阿芝" in names_of(r, "Person")


def test_a_byline_opened_by_the_outlets_own_name(extract):
    r = extract("四川观察记者 马海明 吉木子拉 凉山报道\n“家人都支持我。”\n")
    roles = facts_of(r, "role")
    assert {"person": "马海明", "title": "记者", "org": "四川观察"} in roles
