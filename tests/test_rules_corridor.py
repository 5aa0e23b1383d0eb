"""Press corridors, anaphora across a sentence, lists of the elected and other congresses,
each on text written for these tests (none of it from the seeds or the held-out sets);
each fails without its rule."""

from conftest import delegates_of, roles_of

CORRIDOR = (
    "某报北京10月18日电（记者 钟离晴 东方朔）18日上午，党的二十大第二场“代表通道”开启。"
    "5位党的二十大代表依次走上通道。大会新闻中心副主任严子陵担任主持人。\n"
    "“第一位代表来自大别山区。”主持人话音刚落，穿着工装的郝建峰走到话筒前。"
    "他是安徽六安市金寨县花石乡大湾村党总支书记。\n"
    "某日报记者问：村里的茶叶卖得怎么样？\n"
    "“今年卖到了长三角。”郝建峰说，他的师傅、老村长柏正义常说茶是村里的根。\n"
    "紧随其后的是中国中车株洲电力机车有限公司CR450总装班组长莫小川。\n"
    "最后走上通道的，是青海玉树州称多县珍秦镇卫生院院长才让卓玛。\n"
)


def test_the_people_walking_up_a_press_corridor_are_delegates(extract):
    r = extract(CORRIDOR)
    assert delegates_of(r) == {"郝建峰", "莫小川", "才让卓玛"}  # not the host, the reporters


def test_a_model_code_belongs_to_the_title_not_the_company(extract):
    roles = roles_of(extract(CORRIDOR))
    assert ("莫小川", "中国中车株洲电力机车有限公司", "CR450总装班组长") in roles


def test_reporters_of_a_paper_named_before_its_dateline(extract):
    r = extract(CORRIDOR.replace("某报北京", "华夏青年报北京"))
    roles = roles_of(r)
    assert ("钟离晴", "华夏青年报", "记者") in roles and ("东方朔", "华夏青年报", "记者") in roles


def test_this_one_in_the_next_sentence_and_one_elected_with_her(extract):
    r = extract("大家口中的“高校长”，是某县某镇中心小学校长高雅琴。今年，这位彝族女教师光荣当选"
                "党的二十大代表；与她一同当选的，还有某市职业技术学院教授欧阳明轩。\n")
    assert delegates_of(r) == {"高雅琴", "欧阳明轩"}


def test_the_one_elected_not_the_one_who_speaks_of_it(extract):
    r = extract("某研究院院长宋一鸣表示，研究员拓跋丽娜当选党的二十大代表，是全院的光荣。\n")
    assert delegates_of(r) == {"拓跋丽娜"}


def test_a_name_in_the_published_list(extract):
    r = extract("9月25日，党的二十大代表名单向社会公布，"
                "某农业科学院研究员古丽娜·买买提名列其中。\n")
    assert delegates_of(r) == {"古丽娜·买买提"}


def test_a_representative_of_another_congress_is_no_delegate(extract):
    text = ("党的二十大代表某某回到村里。\n副研究员慕容清是团队的老搭档，"
            "去年曾作为代表出席自治区第十次党代会。\n")
    assert "慕容清" not in delegates_of(extract(text))
    item = ("党的二十大代表雷秀英回村宣讲。\n"
            "某乡选区召开选民大会，补选县人民代表大会代表。乡人大主席兰晓红表示，"
            "将做好新当选代表的履职培训。\n")
    assert "兰晓红" not in delegates_of(extract(item))


def test_one_more_identity_a_delegate(extract):
    r = extract("党的二十大闭幕后，某机床厂高级技师丁文川回到车间。他先后获得全国劳动模范等荣誉。"
                "他身上还多了一重身份——党的二十大代表。\n")
    assert delegates_of(r) == {"丁文川"}


def test_what_this_one_is_is_no_title(extract):
    r = extract("最后发言的是某合作社理事长韦丽娟。这位壮族大姐是村里的致富带头人。\n")
    assert ("韦丽娟", "", "壮族大姐是村里致富带头人") not in roles_of(r)
    assert not any(t.endswith("带头人") for p, _, t in roles_of(r) if p == "韦丽娟")
