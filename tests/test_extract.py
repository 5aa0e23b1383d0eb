"""Each rule family on text written for these tests (not from the seed articles)."""

from conftest import facts_of, names_of


def test_person_after_title_and_speech_verb(extract):
    r = extract("“这是我的责任。”云南某某水泥有限公司包装车间班长刘海涛说。")
    assert "刘海涛" in names_of(r, "Person")


def test_compound_surname_and_dotted_minority_names(extract):
    r = extract("卫生院院长欧阳明慧介绍，牧民党员阿依古丽·买买提正在放牧。")
    people = names_of(r, "Person")
    assert "欧阳明慧" in people
    assert "阿依古丽·买买提" in people


def test_byline_reporters_have_role_at_agency(extract):
    r = extract("（新华社成都10月9日电 记者 周立新 韩雪）")
    roles = facts_of(r, "role")
    assert {"person": "周立新", "title": "记者", "org": "新华社"} in roles
    assert {"person": "韩雪", "title": "记者", "org": "新华社"} in roles
    assert not facts_of(r, "delegate")


def test_place_chain_to_village(extract):
    r = extract("四川省凉山州昭觉县三岔河镇三河村党支部书记吉好也求说，村里变了样。")
    places = names_of(r, "Place")
    assert {"昭觉县", "三岔河镇", "三河村"} <= places
    regions = facts_of(r, "region")
    assert regions and regions[0]["place"] == "三河村"


def test_role_split_title_and_org(extract):
    r = extract("江西省南昌市第一医院心内科主任医师王晓燕告诉记者，她很激动。")
    roles = facts_of(r, "role")
    assert any(x["person"] == "王晓燕" and x["title"].endswith("主任医师")
               and x["org"].startswith("江西省南昌市第一医院") for x in roles)


def test_joined_titles_share_org(extract):
    r = extract("甘肃省临夏县北塬镇党委副书记、镇长马文军认真填写了表格。")
    roles = {(x["title"], x["org"]) for x in facts_of(r, "role") if x["person"] == "马文军"}
    assert ("党委副书记", "甘肃省临夏县北塬镇") in roles
    assert ("镇长", "甘肃省临夏县北塬镇") in roles


def test_delegate_needs_the_text_to_say_so(extract):
    text = ("党的二十大代表、山东港口青岛港集团桥吊队队长孙建国正在码头忙碌。\n"
            "手拿党的二十大代表候选人推荐人选测评表，某县某乡乡长李志强认真阅读。")
    r = extract(text)
    delegates = {x["person"] for x in facts_of(r, "delegate")}
    assert "孙建国" in delegates
    assert "李志强" not in delegates


def test_delegate_from_quote_attribution(extract):
    text = "党的二十大即将召开。\n“很荣幸当选二十大代表，我要继续干好本职工作。”赵春华说。"
    assert {x["person"] for x in facts_of(extract(text), "delegate")} == {"赵春华"}


def test_other_congress_gives_no_delegates(extract):
    text = "“当选代表是光荣。”省第十二次党代会代表、某县农民王志刚说。"
    assert not facts_of(extract(text), "delegate")


def test_honours_after_trigger_without_quotes(extract):
    text = "护士长陈丽华先后荣获全国“三八”红旗手、“最美护士”等荣誉称号。"
    honours = {x["honour"] for x in facts_of(extract(text), "honour")}
    assert honours == {"全国三八红旗手", "最美护士"}


def test_sports_results_are_not_honours(extract):
    text = "运动员刘晓东曾获全运会冠军。"
    assert not facts_of(extract(text), "honour")


def test_congress_event_forms(extract):
    r = extract("中国共产党第二十次全国代表大会于2022年10月16日在北京召开。党的二十大意义重大。")
    events = [m for m in r.mentions if m.label == "Event"]
    assert {dict(m.attrs).get("key") for m in events} == {"cpc-congress-20"}
    details = facts_of(r, "event")
    assert details and details[0]["date"] == "2022-10-16" and details[0]["place"] == "北京"


def test_statistics_with_share(extract):
    r = extract("当选代表中，女党员619名，占27.0%。")
    stats = facts_of(r, "stat")
    assert any(s["measure"] == "女党员" and s["count"] == "619" and s["percent"] == "27.0"
               for s in stats)


def test_offsets_point_into_original_text(extract):
    text = "黨的二十大代表、國家電網某供電公司搶修班班長張大明正在工作。"
    r = extract(text)
    for m in r.mentions:
        assert len(text[m.start : m.end]) == len(m.text)
    person = next(m for m in r.mentions if m.label == "Person")
    assert text[person.start : person.end] == "張大明"
