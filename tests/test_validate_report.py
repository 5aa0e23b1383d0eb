"""`kg validate` on a deliberately broken copy of the sample graph: grouped, counted, labelled."""

from __future__ import annotations

import subprocess
import sys

import pytest
from rdflib import Graph, Literal

from kg.namespaces import ID, KG, PROV, SKOS
from kg.validate import validate


@pytest.fixture(scope="module")
def broken(sample_kg, tmp_path_factory):
    """Two people lose their name, one gets a second name, one honour fact its evidence."""
    g = Graph().parse(sample_kg[1] / "graph.ttl")
    people = sorted(g.subjects(SKOS.prefLabel, None), key=str)
    people = [p for p in people if str(p).startswith(str(ID["person/"]))]
    lost, doubled = people[:2], people[2]
    for p in lost:
        g.remove((p, SKOS.prefLabel, None))
    g.add((doubled, SKOS.prefLabel, Literal("某某", lang="zh")))
    fact = sorted(g.subjects(KG.honour, None), key=str)[0]
    g.remove((fact, PROV.wasDerivedFrom, None))
    path = tmp_path_factory.mktemp("broken") / "graph.ttl"
    g.serialize(path, format="turtle")
    return g, path, lost, doubled, fact


def test_report_groups_and_counts_with_labels(broken):
    g, _path, lost, doubled, fact = broken
    result = validate(g)
    text = result.report(g)
    lines = text.splitlines()
    assert lines[0] == f"{len(result.violations)} problem(s) on 4 node(s), in 4 group(s):"
    assert "2 × skos:prefLabel  Less than 1 values" in lines
    assert "1 × skos:prefLabel  More than 1 values" in lines
    assert "1 × prov:wasDerivedFrom  Less than 1 values" in lines
    # one indented line per violation, each naming its focus node and the node's label
    items = [line for line in lines if line.startswith("  ")]
    assert len(items) == len(result.violations)
    person = g.value(fact, KG.person)
    label = str(g.value(person, SKOS.prefLabel))
    short = str(fact).replace(str(ID), "id:")
    assert f"  {short} ({label})  prov:wasDerivedFrom  Less than 1 values" in lines
    for p in lost:  # the name is gone from prefLabel, but rdfs:label still says who it is
        assert any(line.startswith(f"  {str(p).replace(str(ID), 'id:')} (") for line in items)
    # biggest group first
    counts = [int(line.split(" × ")[0]) for line in lines if " × " in line]
    assert counts == sorted(counts, reverse=True)


def test_cli_validate_exits_1_and_prints_the_report(broken):
    _g, path, _lost, doubled, _fact = broken
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "validate", "--graph", str(path)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1
    assert proc.stdout.startswith(f"{path}: does not conform")
    assert "Less than 1 values" in proc.stdout and "https://" not in proc.stdout
    assert f"{str(doubled).replace(str(ID), 'id:')} (" in proc.stdout


def test_conforming_graph_reports_conforms(sample_kg):
    g = Graph().parse(sample_kg[1] / "graph.ttl")
    assert validate(g).report(g) == "conforms"
