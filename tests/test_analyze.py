"""`kg analyze` and `kg path` on the sample graph, checked against the graph itself."""

from __future__ import annotations

import subprocess
import sys

import networkx as nx
import pytest

from kg.analyze import analyze, communities, fact_counts, project
from kg.namespaces import ID, RDF
from kg.normalise import key_form
from kg.paths import PathError, connect


@pytest.fixture(scope="module")
def kgraph(sample_kg):
    return sample_kg[0]


@pytest.fixture(scope="module")
def projected(kgraph) -> nx.Graph:
    return project(kgraph.graph)


def test_projection_has_every_entity_and_link(kgraph, projected):
    multi = kgraph.to_networkx()
    assert set(projected) == set(multi)
    assert {frozenset((u, v)) for u, v in projected.edges()} == {
        frozenset((u, v)) for u, v in multi.edges() if u != v}
    # an edge is weighted by the facts behind it: 韩立春's delegate fact is one fact, merged
    # from three quotes in two articles
    person, event = str(ID["person/韩立春"]), str(ID["event/cpc-congress-20"])
    assert projected[person][event]["weight"] == 1


def test_stats_and_rankings(kgraph, projected):
    result = analyze(kgraph, top=5)
    assert result.nodes == projected.number_of_nodes() > 100
    assert result.edges == projected.number_of_edges()
    comps = list(nx.connected_components(projected))
    assert result.components == len(comps)
    assert result.largest_component == max(len(c) for c in comps)
    assert result.isolated == sum(1 for n in projected if projected.degree(n) == 0)
    assert sum(result.by_type.values()) == result.nodes
    people = result.top["Person"]
    assert len(people) == 5
    top = {key_form(r.label) for r in people[:3]}  # 歐陽明遠 is written so more often
    assert {"上官雅琴", "韩立春", "欧阳明远"} <= top
    degrees = [r.degree for r in people]
    assert degrees == sorted(degrees, reverse=True)
    facts = fact_counts(kgraph.graph)
    for kind, ranked in result.top.items():
        assert ranked, kind
        for r in ranked:
            assert r.type == kind
            assert r.degree == projected.degree(r.iri)
            assert r.facts == facts[r.iri]
    # the facts column is what the graph says: count 上官雅琴's facts with SPARQL
    q = """SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE {
             ?p <http://www.w3.org/2004/02/skos/core#prefLabel> "上官雅琴"@zh .
             ?f a <https://w3id.org/kg-news/ontology#Fact> ; ?prop ?p . }"""
    n = int(next(iter(kgraph.graph.query(q)))[0])
    assert next(r for r in people if r.label == "上官雅琴").facts == n > 3


def test_communities_partition_the_linked_entities(projected):
    found = communities(projected)
    assert found == communities(projected)  # seeded: the same every time
    members = [{r.iri for r in c} for c in found]
    assert len(found) >= 5
    assert sum(len(m) for m in members) == len(set().union(*members))  # disjoint
    linked = {n for n in projected if projected.degree(n)}
    assert set().union(*members) <= linked
    sizes = [len(m) for m in members]
    assert sizes == sorted(sizes, reverse=True) and sizes[-1] >= 2
    sub = projected.subgraph(set().union(*members))
    assert nx.community.modularity(sub, members) > 0.5
    # the members of a community are ranked most connected first
    for comm in found:
        assert [r.degree for r in comm] == sorted((r.degree for r in comm), reverse=True)


def test_report_text(kgraph):
    text = analyze(kgraph, top=3).text()
    assert text.startswith("entities: ")
    assert "most connected people (links, facts):" in text
    assert "most connected organisations" in text and "most connected places" in text
    assert "communities: " in text


def test_path_between_two_delegates_goes_through_the_congress(kgraph):
    found = connect(kgraph, "上官雅琴", "韩立春")
    assert found.paths and all(len(p) == 2 for p in found.paths)
    first = found.paths[0]
    assert found.labels[first[0][0].target] == "党的二十大"
    assert first[0][0].phrase == "delegate to" and first[0][0].forward
    assert not first[1][0].forward  # 韩立春 -delegateTo-> the congress, walked backwards
    quotes = [s.quote for hop in first for step in hop for s in step.sources]
    assert any("上官雅琴" in q for q in quotes) and any("韩立春" in q for q in quotes)
    sentences = {str(o) for o in kgraph.graph.objects(None, RDF.value)}
    assert all(any(q in s for s in sentences) for q in quotes)
    text = found.text()
    assert "上官雅琴 —delegate to→ 党的二十大 ←delegate to— 韩立春" in text
    assert ".txt, sentence " in text


def test_path_through_the_place_hierarchy_names_the_gazetteer(kgraph):
    found = connect(kgraph, "阿依古丽·买买提", "喀什地区")
    steps = [hop[0] for hop in found.paths[0]]
    # the first step is a fact from the text (her region, or her post at the village)
    assert steps[0].phrase != "located in" and steps[0].sources
    assert [s.phrase for s in steps[1:]] == ["located in"] * (len(steps) - 1)
    assert all(not s.sources for s in steps[1:])
    assert "gazetteer of administrative divisions" in found.text()


def test_role_steps_say_the_title(kgraph):
    rows = [r for r in kgraph.rows("roles") if r["org"]]
    row = rows[0]
    found = connect(kgraph, row["person"], row["org"])
    step = found.paths[0][0][0]
    assert row["title"] in step.phrase and step.phrase.endswith(" at")


def test_names_not_found_ambiguous_or_the_same(kgraph):
    with pytest.raises(PathError, match="no entity named 'nobody'"):
        connect(kgraph, "nobody", "韩立春")
    with pytest.raises(PathError, match="ambiguous") as err:
        connect(kgraph, "卓", "韩立春")
    assert "格桑卓嘎" in str(err.value) and "德吉卓玛" in str(err.value)
    # an exact label wins over names that merely contain it
    assert connect(kgraph, "卓嘎", "韩立春").start == str(ID["person/卓嘎"])
    with pytest.raises(PathError, match="same entity"):
        connect(kgraph, "韩立春", "韩立春")


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True,
                          text=True, timeout=300)


def test_cli_analyze_and_path(sample_kg):
    g = str(sample_kg[1] / "graph.ttl")
    proc = run_cli("analyze", "--graph", g, "--top", "2")
    assert proc.returncode == 0, proc.stderr
    block = proc.stdout.split("most connected people (links, facts):\n")[1].split("\n\n")[0]
    assert len(block.splitlines()) == 2
    proc = run_cli("path", "上官雅琴", "韩立春", "--graph", g)
    assert proc.returncode == 0 and "党的二十大" in proc.stdout
    amb = run_cli("path", "卓", "韩立春", "--graph", g)
    assert amb.returncode == 2 and amb.stderr.startswith("kg: '卓' is ambiguous")
    assert len(amb.stderr.strip().splitlines()) == 1
    # two entities in different components: said plainly, exit 1
    multi = sample_kg[0].to_networkx()
    comps = sorted(nx.weakly_connected_components(multi), key=len, reverse=True)
    a = multi.nodes[min(comps[0])]["label"]
    b = multi.nodes[min(comps[1])]["label"]
    apart = run_cli("path", a, b, "--graph", g)
    assert apart.returncode == 1 and "are not connected" in apart.stdout, apart.stderr
