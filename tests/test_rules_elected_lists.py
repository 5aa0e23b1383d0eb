"""A printed list of the elected, a line per person (name, a note, a space, the posts), and
titles and names around such lists (texts written for these tests; none from the seeds or the
held-out sets)."""

from conftest import delegates_of, names_of, roles_of

LIST = (
    "某省机关工委选举产生出席党的二十大代表\n\n"
    "会议以无记名投票方式选举产生了出席党的二十大代表。当选代表中，一线党员占比较高。"
    "部分当选代表名单如下（按姓氏笔画排序）：\n"
    "丁红霞（女）　国网某省电力有限公司检修分公司变电检修班检修工、班组长\n"
    "上官立军　某省交通投资集团有限公司高速公路管理处巡检员\n"
    "阿依夏木·托合提（女，维吾尔族）　某市第一人民医院护士长\n"
    "钟立新　某省农业科学院首席专家\n"
    "（名单未完）\n\n"
    "会议还审议通过了代表资格审查报告。\n"
)


def test_each_line_of_a_list_of_the_elected_is_a_delegate_with_posts(extract):
    r = extract(LIST)
    assert delegates_of(r) == {"丁红霞", "上官立军", "阿依夏木·托合提", "钟立新"}
    roles = roles_of(r)
    assert ("丁红霞", "国网某省电力有限公司检修分公司变电检修班", "检修工") in roles
    assert ("丁红霞", "国网某省电力有限公司检修分公司变电检修班", "班组长") in roles
    assert ("钟立新", "某省农业科学院", "首席专家") in roles
    assert not any(n.startswith("占") for n in names_of(r, "Person"))  # 占|比较|高


def test_a_list_of_names_and_posts_under_another_heading_elects_nobody(extract):
    r = extract("某省召开劳动模范座谈会\n\n座谈会在省委党校举行。参加座谈的同志名单如下：\n"
                + LIST[LIST.index("丁红霞") :])
    assert delegates_of(r) == set()
    assert {"丁红霞", "钟立新"} <= names_of(r, "Person")


def test_a_list_line_is_not_joined_to_the_next(extract):
    r = extract(LIST)
    assert "班组长钟立新" not in {t for _, _, t in roles_of(r)}
    assert any(p == "上官立军" and t == "巡检员" for p, _, t in roles_of(r))


def test_a_list_line_noting_only_the_ethnic_group_keeps_its_posts(extract):
    r = extract("中国共产党某市第九次代表大会代表名单\n\n某某代表团（12名）\n"
                "马国庆（回族）　塔城市委副书记、市长\n"
                "关立新（锡伯族）　某市公安局副局长\n"
                "苏丽娅（女，维吾尔族）　某市人民医院儿科主任医师\n")
    roles = roles_of(r)
    assert any(person == "马国庆" and (org + title) == "塔城市委副书记"
               for person, org, title in roles)
    assert ("关立新", "某市公安局", "副局长") in roles
    assert ("苏丽娅", "某市人民医院儿科", "主任医师") in roles
    assert not delegates_of(r)
