"""The explorer page in a real headless Chromium: it draws, searches, filters, shows provenance
as text (never markup) and copes with 10,000 nodes. Graph builders are in test_html.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import open_watched
from test_html import (
    ENTITY_COUNT,
    SENTENCE,
    XSS,
    XSS_DOC,
    build_graph,
    page_data,
    synthetic_graph,
)

from kg.html import NODE_TYPES, to_networkx, write_html, write_neighbourhood
from kg.namespaces import ID

pytestmark = pytest.mark.browser
CLEAN = {"console": [], "page": [], "dialog": [], "remote": []}
ZHANG, TEAM = str(ID["person/张黎明"]), str(ID["org/配电抢修班"])


def _open(browser, path: Path) -> tuple[object, dict[str, list[str]]]:
    """Open the page offline, recording console errors, page errors, dialogs and requests."""
    return open_watched(browser, path.resolve().as_uri(), 'body[data-drawn="1"]',
                        ("file:", "data:"), 120_000)


def _drawn(page) -> int:
    """Nodes vis-network holds in its body (what it draws), not just the input data."""
    return page.evaluate("network.body.nodeIndices.length")


def _visible(page) -> list[str]:
    return sorted(page.evaluate("nodes.get({filter: n => !n.hidden}).map(n => n.id)"))


def _click_node(page, node_id: str) -> None:
    page.evaluate("network.stopSimulation()")
    box = page.locator("#mynetwork").bounding_box()
    point = page.evaluate("id => network.canvasToDOM(network.getPositions([id])[id])", node_id)
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


def _search(page, text: str) -> None:
    page.fill("#search", text)
    page.press("#search", "Enter")
    page.wait_for_selector("#panel:not([hidden])")


def test_draws_searches_and_shows_provenance(browser, tmp_path: Path) -> None:
    out = write_html(build_graph(), tmp_path / "graph.html", title="知识图谱测试")
    page, seen = _open(browser, out)
    assert page.evaluate("nodes.length") == ENTITY_COUNT and _drawn(page) == ENTITY_COUNT
    assert page.locator("#types li").count() == len(NODE_TYPES)
    assert "人物" in page.inner_text("#legend")
    page.evaluate("network.stopSimulation()")
    _search(page, "张师傅")  # an alias finds the person
    assert page.evaluate("network.getSelectedNodes()") == [ZHANG]
    assert page.inner_text("#panel h2") == "张黎明"
    assert page.locator("#panel .aliases li").all_inner_texts() == ["张师傅"]
    assert page.inner_text("#panel blockquote") == SENTENCE
    assert page.inner_text("#panel blockquote mark") == "配电抢修班班长"
    link = page.locator("#panel .src a").first
    assert link.inner_text() == "天津日报.txt"
    assert link.get_attribute("href").endswith("/corpus/%E5%A4%A9%E6%B4%A5%E6%97%A5%E6%8A%A5.txt")
    page.wait_for_timeout(600)  # the focus animation
    point = page.evaluate("id => network.canvasToDOM(network.getPositions([id])[id])", ZHANG)
    assert abs(point["x"] - 640) < 3 and abs(point["y"] - 400) < 3  # centred on the node
    page.fill("#search", "天")  # part of a name lists every match, prefixes first
    assert page.locator("#results button").all_inner_texts() == [  # name · a neighbour
        "▲ 天津市（天津） · 国网天津电力", "■ 国网天津电力 · 天津市"]
    page.click("#panel-close")
    _click_node(page, TEAM)
    page.wait_for_selector(f'#panel[data-node="{TEAM}"]:not([hidden])')
    assert page.inner_text("#panel h2") == "配电抢修班" and SENTENCE in page.inner_text("#panel")
    assert seen == CLEAN


def test_filters_by_type_region_and_honour(browser, tmp_path: Path) -> None:
    page, seen = _open(browser, write_html(build_graph(), tmp_path / "graph.html"))
    everyone = _visible(page)
    persons = sorted(str(ID[f"person/{p}"]) for p in ("张黎明", "李红", "xss"))
    page.uncheck('#types li[data-type="Person"] input')
    assert _visible(page) == sorted(set(everyone) - set(persons))
    assert page.get_attribute("body", "data-shown") == str(ENTITY_COUNT - 3)
    page.check('#types li[data-type="Person"] input')
    assert _visible(page) == everyone
    page.select_option("#region", label="天津市（2）")  # 李红 there, 张黎明 in 滨海新区 within it
    shown = _visible(page)
    assert ZHANG in shown and str(ID["person/李红"]) in shown
    assert str(ID["person/xss"]) not in shown and TEAM in shown
    page.select_option("#honour", label="全国劳动模范（1）")
    assert [n for n in _visible(page) if "/person/" in n] == [ZHANG]
    page.select_option("#region", value="")
    page.select_option("#honour", value="")
    assert _visible(page) == everyone and "共 10 个节点" in page.inner_text("#totals")
    assert seen == CLEAN


def test_markup_in_names_and_sources_is_only_text(browser, tmp_path: Path) -> None:
    page, seen = _open(browser, write_html(build_graph(), tmp_path / "graph.html"))
    # the hover tooltip shows the name as text
    page.evaluate("network.stopSimulation()")
    box = page.locator("#mynetwork").bounding_box()
    evil = str(ID["person/xss"])
    point = page.evaluate("id => network.canvasToDOM(network.getPositions([id])[id])", evil)
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5_000)
    assert XSS in tooltip.inner_text() and tooltip.locator("img").count() == 0
    page.mouse.move(box["x"] + 2, box["y"] + box["height"] - 2)
    page.fill("#search", "<img")
    assert page.locator("#results button").all_inner_texts() == [f"● {XSS} · 党的二十大"]
    _search(page, XSS)
    assert page.inner_text("#panel h2") == XSS
    assert "代表<img src=x onerror=alert(1)>出席了<script>alert(4)</script>大会。" == \
        page.inner_text("#panel blockquote")
    link = page.locator("#panel .src a").first
    assert link.inner_text() == XSS_DOC
    assert not link.get_attribute("href").lower().startswith("javascript")
    assert page.locator("img").count() == 0
    assert page.locator("#panel script, #results script, #panel img").count() == 0
    page.wait_for_timeout(300)
    assert seen == CLEAN  # in particular: no alert dialog opened


def test_neighbourhood_page_opens_on_its_entity(browser, tmp_path: Path) -> None:
    out = write_neighbourhood(build_graph(), "张师傅", tmp_path / "zhang.html")
    page, seen = _open(browser, out)
    page.wait_for_selector(f'#panel[data-node="{ZHANG}"]:not([hidden])')
    assert _drawn(page) == 5 and page.evaluate("network.getSelectedNodes()") == [ZHANG]
    assert seen == CLEAN


def test_sample_corpus_page(browser, sample_kg, tmp_path: Path) -> None:
    kg, out = sample_kg
    path = out / "graph.html"
    data = page_data(path)
    # a person with an alias and a source sentence, taken from the built graph
    person_type = [t[0] for t in data["types"]].index("Person")
    person = next(i for i, n in enumerate(data["nodes"]) if n[2] == person_type and n[6]
                  and any(data["facts"][f][2] for f in data["details"][i]["f"]))
    iri, label, _type, _x, _y, _size, aliases = data["nodes"][person]
    alias = aliases[0]
    fact = next(data["facts"][f] for f in data["details"][person]["f"] if data["facts"][f][2])
    sentence = data["sentences"][fact[2][0][1]][0]
    page, seen = _open(browser, path)
    assert _drawn(page) == to_networkx(kg.graph).number_of_nodes()
    page.evaluate("network.stopSimulation()")
    _search(page, alias)
    assert page.evaluate("network.getSelectedNodes()") == [iri]
    assert page.inner_text("#panel h2") == label
    assert sentence.strip() in page.inner_text("#panel")
    page.wait_for_timeout(600)
    page.screenshot(path=tmp_path / "sample.png")
    assert seen == CLEAN


def test_10k_nodes_page_draws(browser, tmp_path: Path) -> None:
    graph = synthetic_graph(10_000)
    count = to_networkx(graph).number_of_nodes()
    out = write_html(graph, tmp_path / "big.html")
    page, seen = _open(browser, out)
    assert count >= 9_900 and page.evaluate("nodes.length") == count and _drawn(page) == count
    assert page.evaluate("network.physics.options.enabled") is False
    page.screenshot(path=tmp_path / "10k.png")
    assert seen == CLEAN
