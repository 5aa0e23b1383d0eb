from kg.normalise import normalise, sentences_of, split_sentences, to_simplified


def test_traditional_maps_to_simplified_one_to_one():
    text = "黨的二十大代表張黎明說"
    simple = to_simplified(text)
    assert simple == "党的二十大代表张黎明说"
    assert len(simple) == len(text)


def test_full_width_digits_become_ascii():
    assert normalise("女党员６１９名，占２７．０％").text == "女党员619名，占27.0%"


def test_broken_line_is_joined_and_offsets_point_back():
    original = ("有的按分配名额适当扩大比例、逐级分配名额进行推荐提名，有的按分配名额进"
                "\n\n行推荐提名。")
    norm = normalise(original)
    assert "名额进行推荐提名。" in norm.text
    assert "\n" not in norm.text
    i = norm.text.index("行推荐提名。")
    start, end = norm.span(i, i + 6)
    assert original[start:end] == "行推荐提名。"


def test_heading_lines_are_not_joined():
    norm = normalise("二十大代表风采\n\n钱某某：为了孩子\n\n医者仁心。")
    assert norm.text.split("\n") == ["二十大代表风采", "钱某某：为了孩子", "医者仁心。"]


def test_quote_and_attribution_stay_one_sentence():
    text = "“当选代表是光荣，更是责任。”某研究所首席科学家李四说。他很忙。"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "“当选代表是光荣，更是责任。”某研究所首席科学家李四说。", "他很忙。"]


def test_line_break_ends_sentence_and_resets_unbalanced_quote():
    text = "他拿到了一份“流程图\n第二行。"
    assert [text[s:e] for s, e in split_sentences(text)] == ["他拿到了一份“流程图", "第二行。"]


def test_sentence_offsets_are_in_original_text():
    original = ("第一句話。\n\n第二句话很长很长很长很长很长很长很长很长很长很长，没有结束"
                "\n\n继续写完。")
    norm = normalise(original)
    sents = sentences_of(norm)
    assert original[sents[0].start : sents[0].end] == "第一句話。"
    assert original[sents[1].start : sents[1].end].endswith("继续写完。")


def test_short_line_inside_a_cut_paragraph_is_joined():
    # a paragraph the layout cut three times: the short middle line (with a comma) continues it
    original = ("在这次会议上当选的人里，有来自工厂车间和乡村学校的很多同志，例如钳工欧阳\n"
                "建新，某县某镇\n某村的支部书记王某某。\n\n短标题\n\n正文。")
    norm = normalise(original)
    assert "欧阳建新，某县某镇某村" in norm.text
    assert norm.text.endswith("王某某。\n短标题\n正文。")


def test_markup_a_scraped_page_left_is_blanked_in_place():
    text = "某某网讯&nbsp;&nbsp;2022-09-27<br>\n名单<br/>\n韩冬梅，某县人民医院院长<BR>\n"
    norm = normalise(text)
    assert "&nbsp;" not in norm.text and "<br" not in norm.text.lower()
    start = norm.text.index("韩冬梅")
    assert text[slice(*norm.span(start, start + 3))] == "韩冬梅"


def test_lines_of_a_name_a_comma_and_posts_are_not_joined():
    text = ("阿依古丽·买买提，喀什地区疏附县某某乡党委书记\n"
            "王建军，中国石油新疆油田分公司采油二厂采油工\n")
    assert normalise(text).text.count("\n") == 2


def test_prose_the_layout_broke_after_a_comma_is_still_joined():
    text = ("会议强调，要坚持以习近平新时代中国特色社会主义\n"
            "思想为指导，全面贯彻落实党的二十大精神和各项部\n署要求。\n")
    assert normalise(text).text == text.replace("\n", "") + "\n"


def test_a_line_a_break_tag_ends_is_not_joined():
    text = "据报道，该县党委书记张三出席了会议并发表讲话&nbsp;<br>\n他强调要做好各项工作。"
    assert "\n" in normalise(text).text
