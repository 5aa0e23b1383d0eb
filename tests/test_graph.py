"""The built graph: determinism, provenance, hierarchy, SHACL."""

from __future__ import annotations

import subprocess
import sys

from rdflib import Graph

import kg
from kg.namespaces import KG, SDO, SKOS
from kg.validate import validate


def test_same_input_gives_byte_identical_turtle(sample_kg, tmp_path):
    _, out = sample_kg
    first = (out / "graph.ttl").read_bytes()
    code = ("import kg,sys; kg.build().save(sys.argv[1])")
    subprocess.run([sys.executable, "-c", code, str(tmp_path)], check=True,
                   env={"PYTHONHASHSEED": "123", "PATH": "/usr/bin:/bin"})
    assert (tmp_path / "graph.ttl").read_bytes() == first


def test_turtle_round_trips(sample_kg):
    graph, out = sample_kg
    g = Graph().parse(out / "graph.ttl", format="turtle")
    assert len(g) == len(graph.graph)


def test_every_fact_has_provenance_pointing_at_its_quote(sample_kg):
    graph, _ = sample_kg
    texts = {}
    from kg.read import read_all
    from kg.resources import SAMPLE_DIR

    docs, _ = read_all([SAMPLE_DIR])
    texts = {d.name: d.text for d in docs}
    rows = graph.rows("provenance")
    assert rows
    for r in rows:
        start, end = int(r["start"]), int(r["end"])
        assert texts[r["document"]][start:end] == r["quote"]


def test_facts_without_provenance_do_not_exist(sample_kg):
    graph, _ = sample_kg
    q = """PREFIX kg: <https://w3id.org/kg-news/ontology#>
           PREFIX prov: <http://www.w3.org/ns/prov#>
           SELECT ?f WHERE { ?f a kg:Fact FILTER NOT EXISTS { ?f prov:wasDerivedFrom ?e } }"""
    assert graph.rows(q) == []


def test_places_are_linked_to_their_province(sample_kg):
    graph, _ = sample_kg
    g = graph.graph
    coded = [p for p in g.subjects(KG.divisionCode, None)
             if g.value(p, KG.level) is not None and str(g.value(p, KG.level)) == "county"]
    assert coded
    for county in coded:
        chain = list(g.transitive_objects(county, SDO.containedInPlace))
        levels = {str(g.value(p, KG.level)) for p in chain}
        assert "province" in levels, g.value(county, SKOS.prefLabel)


def test_shacl_shapes_hold_for_the_built_graph(sample_kg):
    graph, _ = sample_kg
    result = validate(graph.graph)
    assert result.conforms, result.text()


def test_python_api(sample_kg):
    graph, _ = sample_kg
    assert isinstance(graph, kg.KnowledgeGraph)
    nxg = graph.to_networkx()
    assert nxg.number_of_nodes() > 10
    assert graph.report.documents >= 5
