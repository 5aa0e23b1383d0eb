"""The HTML view: offline, escaped, deterministic, and it really draws in a browser."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from kg import namespaces as ns  # not SDO itself: pytest probes module globals, SDO warns
from kg.html import NODE_TYPES, to_networkx, write_html
from kg.namespaces import ID, KG, ORG, RDF, RDFS, SKOS

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
XSS = "<img src=x onerror=alert(1)>"
REMOTE = re.compile(r"""(?:\b(?:src|href)\s*=|url\()\s*["']?\s*(?:https?:)?//""", re.I)


def _entity(g: Graph, iri: URIRef, classes: tuple[URIRef, ...], label: str, *aliases: str) -> None:
    for cls in classes:
        g.add((iri, RDF.type, cls))
    g.add((iri, SKOS.prefLabel, Literal(label, lang="zh")))
    g.add((iri, RDFS.label, Literal(label, lang="zh")))
    for alias in aliases:
        g.add((iri, SKOS.altLabel, Literal(alias, lang="zh")))


def build_graph(reverse: bool = False) -> Graph:
    """A small graph per ontology/README.md; ``reverse`` adds the same triples in another order."""
    g = Graph()
    zhang, li, evil = ID["person/张黎明"], ID["person/李红"], ID["person/xss"]
    china, tianjin, binhai = ID["place/中国"], ID["place/天津市"], ID["place/滨海新区"]
    team, grid = ID["org/配电抢修班"], ID["org/国网天津电力"]
    congress, medal = ID["event/党的二十大"], ID["honour/全国劳动模范"]
    admin = (ns.SDO.Place, ns.SDO.AdministrativeArea)
    triples = Graph()
    _entity(triples, zhang, (ns.SDO.Person,), "张黎明", "张师傅")
    _entity(triples, li, (ns.SDO.Person,), "李红")
    _entity(triples, evil, (ns.SDO.Person,), XSS)
    _entity(triples, china, admin, "中国")
    _entity(triples, tianjin, admin, "天津市", "天津")
    _entity(triples, binhai, admin, "滨海新区")
    _entity(triples, grid, (ns.SDO.Organization, ORG.Organization), "国网天津电力")
    _entity(triples, team, (ns.SDO.Organization, ORG.Organization), "配电抢修班")
    _entity(triples, congress, (ns.SDO.Event,), "党的二十大")
    _entity(triples, medal, (KG.Honour, SKOS.Concept), "全国劳动模范")
    fact, role = ID["fact/role/abc123"], ID["role/班长"]
    for t in [
        (tianjin, ns.SDO.containedInPlace, china), (binhai, ns.SDO.containedInPlace, tianjin),
        (team, ORG.subOrganizationOf, grid), (grid, ns.SDO.location, tianjin),
        (congress, ns.SDO.location, china),
        (zhang, KG.delegateTo, congress), (li, KG.delegateTo, congress),
        (evil, KG.delegateTo, congress),
        (zhang, ORG.memberOf, team), (zhang, KG.region, binhai), (zhang, KG.received, medal),
        (fact, RDF.type, ORG.Membership), (fact, RDF.type, KG.Fact), (fact, ORG.member, zhang),
        (fact, ORG.organization, team), (fact, ORG.role, role),
        (fact, KG.title, Literal("班长", lang="zh")),
        (role, RDF.type, ORG.Role), (role, SKOS.prefLabel, Literal("班长", lang="zh")),
    ]:
        triples.add(t)
    for t in sorted(triples, reverse=reverse):
        g.add(t)
    return g


ENTITY_COUNT = 10


def test_to_networkx_nodes_and_edges() -> None:
    nxg = to_networkx(build_graph())
    assert nxg.number_of_nodes() == ENTITY_COUNT
    zhang = nxg.nodes[str(ID["person/张黎明"])]
    assert zhang["label"] == "张黎明" and zhang["type"] == "Person"
    assert zhang["aliases"] == ("张师傅",)
    types = {kind for _n, kind in nxg.nodes(data="type")}
    assert types == set(NODE_TYPES)
    labels = {(d["predicate"], d["label"]) for _u, _v, d in nxg.edges(data=True)}
    assert (str(ORG.memberOf), "任职：班长") in labels
    assert {label for _p, label in labels} >= {"代表", "地区", "荣誉", "属于", "下级", "地点"}
    assert nxg.number_of_edges() == 11


def test_write_html_offline_escaped_and_stable(tmp_path: Path) -> None:
    out = write_html(build_graph(), tmp_path / "graph.html", title="测试<图>")
    assert out == tmp_path / "graph.html" and out.is_file()
    page = out.read_text(encoding="utf-8")
    assert '<meta charset="utf-8">' in page
    assert not REMOTE.search(page)
    assert 'src="http' not in page and 'href="http' not in page
    labels = ("张黎明", "李红", "天津市", "配电抢修班", "党的二十大", "全国劳动模范", "任职：班长")
    assert all(label in page for label in labels)
    legend = page[page.index('<div id="legend">'):]
    for kind, (_classes, zh, _shape, _colour, _glyph) in NODE_TYPES.items():
        assert f'data-type="{kind}"' in legend and zh in legend
    assert "<img" not in page and XSS not in page  # only as escaped JSON data
    assert "测试&lt;图&gt;" in page
    first = out.read_bytes()
    write_html(build_graph(reverse=True), out, title="测试<图>")
    assert out.read_bytes() == first
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]  # no temp file left behind


def _big_graph(n: int) -> Graph:
    """Delegates of one event plus unconnected people: exercises the precomputed layout."""
    g = Graph()
    event = ID["event/大会"]
    _entity(g, event, (ns.SDO.Event,), "大会")
    for i in range(n):
        person = ID[f"person/p{i:04d}"]
        _entity(g, person, (ns.SDO.Person,), f"代表{i}")
        if i % 5:
            g.add((person, KG.delegateTo, event))
    return g


@pytest.mark.parametrize("n", [350, 700])  # spring layout below 500 per component, disc above
def test_large_graph_has_fixed_layout(tmp_path: Path, n: int) -> None:
    out = write_html(_big_graph(n), tmp_path / "big.html")
    page = out.read_text(encoding="utf-8")
    assert '"physics":{' in page and '"enabled":false,"solver"' in page
    positions = re.findall(r'"x":(-?\d+),"y":(-?\d+)', page)
    assert len(positions) == n + 1 and len(set(positions)) == n + 1
    first = out.read_bytes()
    write_html(_big_graph(n), out)
    assert out.read_bytes() == first


@pytest.fixture(scope="module")
def browser():
    if importlib.util.find_spec("playwright") is None:
        pytest.skip("playwright is not installed (pip install playwright)")
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium missing (apt-get install chromium fonts-noto-cjk)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


def _open(browser, path: Path) -> tuple[object, dict[str, list[str]]]:
    """Open the page offline, recording console errors, page errors, dialogs and requests."""
    seen: dict[str, list[str]] = {"console": [], "page": [], "dialog": [], "remote": []}
    context = browser.new_context(viewport={"width": 1280, "height": 800})

    def route(r) -> None:
        if r.request.url.startswith(("file:", "data:")):
            r.continue_()
        else:
            seen["remote"].append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and seen["console"].append(m.text))
    page.on("pageerror", lambda e: seen["page"].append(str(e)))

    def on_dialog(d) -> None:
        seen["dialog"].append(d.message)
        d.dismiss()

    page.on("dialog", on_dialog)
    page.goto(path.resolve().as_uri())
    page.wait_for_function("document.body.dataset.drawn === '1'", timeout=30_000)
    return page, seen


@pytest.mark.browser
def test_browser_draws_graph(browser, tmp_path: Path) -> None:
    out = write_html(build_graph(), tmp_path / "graph.html", title="知识图谱测试")
    page, seen = _open(browser, out)
    assert page.evaluate("network.body.data.nodes.length") == ENTITY_COUNT
    assert page.evaluate("nodes.length") == ENTITY_COUNT
    assert page.locator("#legend li").count() == len(NODE_TYPES)
    assert "人物" in page.inner_text("#legend")
    # hover the node labelled with markup: the tooltip shows it as text, nothing runs
    evil = str(ID["person/xss"])
    box = page.locator("#mynetwork").bounding_box()
    point = page.evaluate("id => network.canvasToDOM(network.getPositions([id])[id])", evil)
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5_000)
    assert XSS in tooltip.inner_text()
    assert tooltip.locator("img").count() == 0 and page.locator("img").count() == 0
    page.wait_for_timeout(300)
    page.mouse.move(box["x"] + 2, box["y"] + box["height"] - 2)
    page.wait_for_timeout(300)
    page.screenshot(path="/tmp/kg_html_test.png")
    assert seen == {"console": [], "page": [], "dialog": [], "remote": []}
    page.context.close()


@pytest.mark.browser
def test_browser_large_graph(browser, tmp_path: Path) -> None:
    out = write_html(_big_graph(700), tmp_path / "big.html")
    page, seen = _open(browser, out)
    assert page.evaluate("network.body.data.nodes.length") == 701
    assert seen == {"console": [], "page": [], "dialog": [], "remote": []}
    page.context.close()
