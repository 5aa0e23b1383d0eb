"""The HTML explorer, Python side: graph view, page data, layout, neighbourhoods, `kg show`.

The browser side (search, filters, panel, XSS, big graphs) is in test_explorer_browser.py.
"""

from __future__ import annotations

import importlib.util
import json
import math
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from kg import namespaces as ns  # not SDO itself: pytest probes module globals, SDO warns
from kg.explorer_layout import layout
from kg.html import (
    NODE_TYPES,
    EntityLookupError,
    neighbourhood,
    to_networkx,
    write_html,
    write_neighbourhood,
)
from kg.namespaces import ID, KG, ORG, PROV, RDF, RDFS, SKOS

XSS = "<img src=x onerror=alert(1)>"
XSS_DOC = "<script>alert(2)</script>.txt"
REMOTE = re.compile(r"""(?:\b(?:src|href)\s*=|url\()\s*["']?\s*(?:https?:)?//""", re.I)
ROOT = Path(__file__).resolve().parents[1]


def _entity(g: Graph, iri: URIRef, classes: tuple[URIRef, ...], label: str, *aliases: str) -> None:
    for cls in classes:
        g.add((iri, RDF.type, cls))
    g.add((iri, SKOS.prefLabel, Literal(label, lang="zh")))
    g.add((iri, RDFS.label, Literal(label, lang="zh")))
    for alias in aliases:
        g.add((iri, SKOS.altLabel, Literal(alias, lang="zh")))


def _evidence(g: Graph, fact: URIRef, key: str, sentence: str, quote: str, doc: URIRef) -> None:
    ev, sent = ID[f"ev/{key}"], ID[f"doc/{key}/s0"]
    g.add((fact, PROV.wasDerivedFrom, ev))
    g.add((ev, RDF.type, KG.Evidence))
    g.add((ev, KG.quote, Literal(quote)))
    g.add((ev, KG.sentence, sent))
    g.add((ev, KG.document, doc))
    g.add((sent, RDF.type, KG.Sentence))
    g.add((sent, RDF.value, Literal(sentence)))
    g.add((sent, KG.document, doc))


SENTENCE = "张黎明是国网天津电力配电抢修班班长。"


def build_graph(reverse: bool = False) -> Graph:
    """A small graph per ontology/README.md; ``reverse`` adds the same triples in another order."""
    g = Graph()
    zhang, li, evil = ID["person/张黎明"], ID["person/李红"], ID["person/xss"]
    china, tianjin, binhai = ID["place/中国"], ID["place/天津市"], ID["place/滨海新区"]
    team, grid = ID["org/配电抢修班"], ID["org/国网天津电力"]
    congress, medal = ID["event/党的二十大"], ID["honour/全国劳动模范"]
    doc, bad_doc = ID["doc/d1"], ID["doc/d2"]
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
    fact, role, bad = ID["fact/role/abc123"], ID["role/班长"], ID["fact/delegate/x"]
    for t in [
        (tianjin, ns.SDO.containedInPlace, china), (binhai, ns.SDO.containedInPlace, tianjin),
        (team, ORG.subOrganizationOf, grid), (grid, ns.SDO.location, tianjin),
        (congress, ns.SDO.location, china),
        (zhang, KG.delegateTo, congress), (li, KG.delegateTo, congress),
        (evil, KG.delegateTo, congress), (li, KG.region, tianjin),
        (zhang, ORG.memberOf, team), (zhang, KG.region, binhai), (zhang, KG.received, medal),
        (zhang, KG.mentionedIn, doc), (zhang, KG.mentionCount, Literal(3)),
        (fact, RDF.type, ORG.Membership), (fact, RDF.type, KG.Fact), (fact, ORG.member, zhang),
        (fact, ORG.organization, team), (fact, ORG.role, role),
        (fact, KG.title, Literal("班长", lang="zh")),
        (role, RDF.type, ORG.Role), (role, SKOS.prefLabel, Literal("班长", lang="zh")),
        (bad, RDF.type, KG.Fact), (bad, RDF.type, KG.DelegateFact), (bad, KG.person, evil),
        (bad, KG.event, congress),
        (doc, ns.SDO.name, Literal("天津日报.txt")),
        (doc, KG.sourcePath, Literal("/corpus/天津日报.txt")),
        (bad_doc, ns.SDO.name, Literal(XSS_DOC)),
        (bad_doc, KG.sourcePath, Literal("javascript:alert(3)")),
    ]:
        triples.add(t)
    _evidence(triples, fact, "a1", SENTENCE, "配电抢修班班长", doc)
    _evidence(triples, bad, "a2", f"代表{XSS}出席了<script>alert(4)</script>大会。", XSS, bad_doc)
    for t in sorted(triples, reverse=reverse):
        g.add(t)
    return g


ENTITY_COUNT = 10


def page_data(path: Path) -> dict:
    """The JSON block the page script reads."""
    page = path.read_text(encoding="utf-8")
    blob = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert blob, "no data block in the page"
    return json.loads(blob.group(1))


def synthetic_graph(n: int) -> Graph:
    """The benchmark's kg-shaped synthetic graph (benchmarks/explorer.py)."""
    spec = importlib.util.spec_from_file_location("kg_bench_explorer",
                                                  ROOT / "benchmarks" / "explorer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.synthetic_graph(n)


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
    assert nxg.number_of_edges() == 12


def test_write_html_offline_escaped_and_stable(tmp_path: Path) -> None:
    out = write_html(build_graph(), tmp_path / "graph.html", title="测试<图>")
    assert out == tmp_path / "graph.html" and out.is_file()
    page = out.read_text(encoding="utf-8")
    assert '<meta charset="utf-8">' in page and "Content-Security-Policy" in page
    assert not REMOTE.search(page)
    labels = ("张黎明", "李红", "天津市", "配电抢修班", "党的二十大", "全国劳动模范", "任职：班长")
    assert all(label in page for label in labels)
    legend = page[page.index('<div id="legend">'):]
    for kind, (_classes, zh, _shape, _colour, _glyph) in NODE_TYPES.items():
        assert f'data-type="{kind}"' in legend and zh in legend
    assert "<img" not in page and XSS not in page and "alert(4)</script>" not in page
    assert page.count("</script>") == 3  # vis-network, the data block, the explorer script
    assert "测试&lt;图&gt;" in page
    first = out.read_bytes()
    write_html(build_graph(reverse=True), out, title="测试<图>")
    assert out.read_bytes() == first
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]  # no temp file left behind


def test_page_data_has_panel_details_filters_and_provenance(tmp_path: Path) -> None:
    data = page_data(write_html(build_graph(), tmp_path / "out" / "graph.html"))
    ids = [n[0] for n in data["nodes"]]
    zhang = ids.index(str(ID["person/张黎明"]))
    assert data["nodes"][zhang][1:3] == ["张黎明", list(NODE_TYPES).index("Person")]
    assert data["nodes"][zhang][6] == ["张师傅"]
    details = data["details"][zhang]
    assert ["kg:mentionCount", "3"] in details["p"]
    kind, summary, evidence = data["facts"][details["f"][0]]
    assert kind == "任职" and "配电抢修班" in summary and "班长" in summary
    (quote, sentence, doc), = evidence
    assert quote == "配电抢修班班长" and data["sentences"][sentence][0] == SENTENCE
    name, href, iri = data["docs"][doc]
    # a link relative to the page's folder, percent-encoded: no scheme can sneak in
    assert name == "天津日报.txt" and iri == str(ID["doc/d1"])
    assert href.startswith("../") and href.endswith("%E5%A4%A9%E6%B4%A5%E6%97%A5%E6%8A%A5.txt")
    assert all(":" not in d[1] for d in data["docs"])
    regions = {ids[place]: sorted(ids[p] for p in people) for place, people in data["regions"]}
    assert regions[str(ID["place/中国"])] == sorted([str(ID["person/张黎明"]),
                                                      str(ID["person/李红"])])
    assert regions[str(ID["place/滨海新区"])] == [str(ID["person/张黎明"])]
    assert [[ids[h], [ids[p] for p in ps]] for h, ps in data["honours"]] == [
        [str(ID["honour/全国劳动模范"]), [str(ID["person/张黎明"])]]]
    assert data["big"] is False and data["options"]["physics"]["enabled"] is True


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


@pytest.mark.parametrize("n", [350, 700])
def test_large_graph_has_fixed_layout(tmp_path: Path, n: int) -> None:
    out = write_html(_big_graph(n), tmp_path / "big.html")
    data = page_data(out)
    assert data["big"] is True and data["options"]["physics"]["enabled"] is False
    assert data["options"]["edges"]["smooth"] is False
    assert data["options"]["layout"]["improvedLayout"] is False
    positions = [(x, y) for _iri, _l, _t, x, y, *_rest in data["nodes"]]
    assert len(positions) == n + 1 and len(set(positions)) == n + 1
    assert all(isinstance(x, int) and isinstance(y, int) for x, y in positions)
    first = out.read_bytes()
    shuffled = Graph()
    for t in sorted(_big_graph(n), reverse=True):  # same triples, other insertion order
        shuffled.add(t)
    write_html(shuffled, out)
    assert out.read_bytes() == first


def test_layout_of_kg_shaped_graph_is_compact_and_spread() -> None:
    """No two nodes on one spot, and no blow-up: the drawing's area grows with the node count."""
    nxg = to_networkx(synthetic_graph(3000))
    pos = layout(nxg)
    assert set(pos) == set(nxg)
    assert len(set(pos.values())) == len(pos)
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    area_per_node = (max(xs) - min(xs)) * (max(ys) - min(ys)) / len(pos)
    assert area_per_node < 12 * 48 * 48  # nodes are ~48 px apart; nested balloons blew up
    assert layout(nxg) == pos


def test_neighbourhood_by_name_alias_and_depth() -> None:
    g = build_graph()
    centre, sub = neighbourhood(g, "张师傅")
    assert centre == str(ID["person/张黎明"])
    assert {sub.nodes[n]["label"] for n in sub} == {
        "张黎明", "配电抢修班", "滨海新区", "全国劳动模范", "党的二十大"}
    _centre, two = neighbourhood(g, "张黎明", depth=2)
    assert {"李红", "国网天津电力", "天津市", "中国", XSS} <= {two.nodes[n]["label"] for n in two}


def test_neighbourhood_errors_are_one_line() -> None:
    g = build_graph()
    with pytest.raises(EntityLookupError, match="no entity named '张三'") as err:
        neighbourhood(g, "张三")
    assert "\n" not in str(err.value)
    with pytest.raises(EntityLookupError, match="did you mean: 张黎明"):
        neighbourhood(g, "张")
    _entity(g, ID["person/李红2"], (ns.SDO.Person,), "李红")
    with pytest.raises(EntityLookupError, match="ambiguous: 2 entities") as err:
        neighbourhood(g, "李红")
    assert str(ID["person/李红2"]) in str(err.value) and "\n" not in str(err.value)


def test_write_neighbourhood_page(tmp_path: Path) -> None:
    out = write_neighbourhood(build_graph(), "配电抢修班", tmp_path / "team.html")
    data = page_data(out)
    assert data["focus"] == str(ID["org/配电抢修班"])
    assert sorted(n[1] for n in data["nodes"]) == sorted(["配电抢修班", "张黎明", "国网天津电力"])
    assert "配电抢修班（1 度关系）" in out.read_text(encoding="utf-8")


def _kg(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=300)


def test_cli_show(tmp_path: Path) -> None:
    build_graph().serialize(tmp_path / "graph.ttl", format="turtle")
    proc = _kg("show", "天津", "--graph", "graph.ttl", "--depth", "1", "-o", "tj.html",
               cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "wrote tj.html"
    labels = sorted(n[1] for n in page_data(tmp_path / "tj.html")["nodes"])
    assert labels == sorted(["天津市", "中国", "滨海新区", "国网天津电力", "李红"])
    proc = _kg("show", "天津", "--graph", "graph.ttl", cwd=tmp_path)  # default output path
    assert proc.returncode == 0 and (tmp_path / "output" / "show-天津.html").is_file()
    proc = _kg("show", "王五", "--graph", "graph.ttl", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == "kg: graph.ttl: no entity named '王五' in the graph\n"
    proc = _kg("show", "王五", "--graph", "missing.ttl", cwd=tmp_path)
    assert proc.returncode == 2 and "missing.ttl: no such graph" in proc.stderr


def test_area_sanity_of_disc_layout() -> None:
    """One hub with many leaves: leaves sit on rings around it, not on top of each other."""
    g = _big_graph(2000)
    pos = layout(to_networkx(g))
    hub = pos[str(ID["event/大会"])]
    dists = sorted(math.dist(hub, p) for p in pos.values())
    assert dists[1] > 20 and len(set(pos.values())) == len(pos)
