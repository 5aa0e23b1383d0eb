"""Exports of the sample graph: every format read back by a real parser and compared."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import networkx as nx
import pytest
from rdflib import BNode, Dataset, Graph
from rdflib.compare import isomorphic

from kg.dataset import SHARED_GRAPH, documents, to_dataset
from kg.export import FORMATS, ExportError, export
from kg.namespaces import ID, KG, PREFIXES, PROV, RDF

RDF_PARSERS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}


@pytest.fixture(scope="module")
def loaded(sample_kg):
    """The saved sample graph as a user exports it: read back from graph.ttl.

    (The in-memory graph can hold non-canonical literals, e.g. "100"^^xsd:decimal, that
    Turtle writes canonically as 100.0; the saved file is the reference.)
    """
    import kg

    return kg.load(sample_kg[1])


@pytest.fixture(scope="module")
def graph(loaded) -> Graph:
    g = loaded.graph
    assert not any(isinstance(t, BNode) for triple in g for t in triple)  # so sets compare
    return g


def named_graphs(ds: Dataset) -> dict[str, set]:
    return {str(c.identifier): set(c) for c in ds.graphs() if len(c)}


def evidence_docs(g: Graph) -> dict:
    """fact -> the documents its evidence comes from."""
    out: dict = {}
    for fact, ev in g.subject_objects(PROV.wasDerivedFrom):
        out.setdefault(fact, set()).add(g.value(ev, KG.document))
    return out


def test_dataset_union_is_the_graph_and_each_document_holds_its_facts(graph):
    graphs = named_graphs(to_dataset(graph))
    union = set().union(*graphs.values())
    assert union == set(graph)
    docs = documents(graph)
    assert len(docs) == 6 and set(graphs) == {str(d) for d in docs} | {str(SHARED_GRAPH)}
    facts = evidence_docs(graph)
    assert any(len(d) > 1 for d in facts.values()), "sample has a fact found in two articles"
    for fact, docs_of_fact in facts.items():
        for d in docs:
            held = (fact, RDF.type, KG.Fact) in graphs[str(d)]
            assert held == (d in docs_of_fact), (fact, d)
    shared = graphs[str(SHARED_GRAPH)]
    assert not {s for s, p, o in shared if p == PROV.wasDerivedFrom or p == KG.quote}
    # the shortcut a fact implies travels with the fact
    fact = next(f for f in graph.subjects(RDF.type, KG.DelegateFact))
    person, event = graph.value(fact, KG.person), graph.value(fact, KG.event)
    for d in facts[fact]:
        assert (person, KG.delegateTo, event) in graphs[str(d)]


@pytest.mark.parametrize("fmt", sorted(RDF_PARSERS))
def test_rdf_exports_parse_back_to_the_same_graph(graph, fmt):
    text = export(graph, fmt)
    back = Graph().parse(data=text, format=RDF_PARSERS[fmt])
    assert set(back) == set(graph)
    assert isomorphic(back, graph)


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_quad_exports_keep_one_graph_per_document(graph, fmt):
    ds = Dataset()
    ds.parse(data=export(graph, fmt), format=fmt)
    graphs = named_graphs(ds)
    assert set().union(*graphs.values()) == set(graph)
    assert graphs == named_graphs(to_dataset(graph))
    for fact, docs in evidence_docs(graph).items():
        for d in docs:
            assert (fact, RDF.type, KG.Fact) in graphs[str(d)]


def test_jsonld_has_a_context_and_compact_iris(graph):
    doc = json.loads(export(graph, "jsonld"))
    assert doc["@context"] == {p: str(ns) for p, ns in PREFIXES.items()}
    ids = [n["@id"] for n in doc["@graph"]]
    assert ids and all(i.startswith("id:") for i in ids)
    assert str(ID) not in json.dumps(doc["@graph"], ensure_ascii=False)
    person = next(n for n in doc["@graph"] if n["@id"] == "id:person/上官雅琴")
    assert person["@type"] == "schema:Person"
    assert person["skos:prefLabel"] == {"@value": "上官雅琴", "@language": "zh"}
    assert "kg:delegateTo" in person


def test_every_format_is_byte_identical_across_processes(graph, tmp_path):
    """Different hash seeds change rdflib's and Python's set order; the output must not."""
    script = ("import sys, kg; from kg.export import FORMATS, export\n"
              "g = kg.load(sys.argv[1])\n"
              "for f in FORMATS:\n"
              "    export(g, f, sys.argv[2] + '/out.' + (f if f != 'csv' else 'zip'))\n")
    outs = []
    src = tmp_path / "graph.ttl"
    src.write_text(export(graph, "ttl"), encoding="utf-8")
    for seed in ("1", "2"):
        out = tmp_path / seed
        out.mkdir()
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", script, str(src), str(out)], check=True, env=env,
                       timeout=300)
        outs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert len(outs[0]) == len(FORMATS)
    assert outs[0] == outs[1]


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_files_read_back_with_the_same_nodes_and_edges(loaded, fmt):
    kgraph = loaded
    text = export(kgraph, fmt)
    reader = nx.read_graphml if fmt == "graphml" else nx.read_gexf
    back = reader(io.BytesIO(text.encode("utf-8")))
    orig = kgraph.to_networkx()
    assert set(back.nodes) == set(orig.nodes)
    edges = {(u, v, d["predicate"]) for u, v, d in back.edges(data=True)}
    assert edges == {(u, v, d["predicate"]) for u, v, d in orig.edges(data=True)}
    assert back.number_of_edges() == orig.number_of_edges()
    for node, data in orig.nodes(data=True):
        assert back.nodes[node]["label"] == data["label"]
        assert back.nodes[node]["type"] == data["type"]
    for _u, _v, data in back.edges(data=True):
        assert isinstance(data["label"], str) and data["label"]
    for _n, data in back.nodes(data=True):
        assert all(isinstance(v, str) for v in data.values())


NAMED = {"delegates": ["person"], "roles": ["person", "title", "org"],
         "regions": ["person", "region"], "honours": ["person", "honour"],
         "statistics": ["population", "measure", "count", "percent", "value"]}


def read_tables(folder: Path) -> dict[str, list[dict[str, str]]]:
    out = {}
    for p in sorted(folder.glob("*.csv")):
        with p.open(encoding="utf-8-sig", newline="") as fh:
            out[p.stem] = list(csv.DictReader(fh))
    return out


def test_csv_tables_match_the_named_queries_and_carry_provenance(loaded, tmp_path):
    kgraph = loaded
    folder = export(kgraph, "csv", tmp_path / "tables")
    tables = read_tables(folder)
    assert set(tables) == {"entities", "delegates", "roles", "regions", "honours",
                           "statistics", "events"}
    for name, cols in NAMED.items():
        expected = {tuple(r[c] for c in cols) for r in kgraph.rows(name)}
        got = {tuple(r[c] for c in cols) for r in tables[name]}
        assert got == expected, name
        assert expected, name
    sentences = {str(o) for o in kgraph.graph.objects(None, RDF.value)}
    for name in NAMED:
        for row in tables[name]:
            assert row["document"].endswith(".txt") and row["quote"] and row["rule"]
            assert any(row["quote"] in s for s in sentences), row
            assert row["fact"].startswith(str(ID["fact/"]))
    assert {r["type"] for r in tables["entities"]} >= {"Person", "Place", "Organization"}


def test_csv_zip_holds_the_same_tables(loaded, tmp_path):
    folder = export(loaded, "csv", tmp_path / "tables")
    archive = export(loaded, "csv", tmp_path / "tables.zip")
    with zipfile.ZipFile(archive) as zf:
        assert sorted(zf.namelist()) == sorted(p.name for p in folder.iterdir())
        for name in zf.namelist():
            assert zf.read(name) == (folder / name).read_bytes()


def test_export_errors_are_clear(loaded, tmp_path):
    with pytest.raises(ExportError, match="unknown export format 'xml'"):
        export(loaded, "xml")
    with pytest.raises(ExportError, match="folder or a .zip"):
        export(loaded, "csv")
    (tmp_path / "file").write_text("x")
    with pytest.raises(ExportError, match="not a folder"):
        export(loaded, "csv", tmp_path / "file")


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True,
                          text=True, timeout=300)


def test_cli_export_to_stdout_and_file(sample_kg, loaded, tmp_path):
    ttl = str(sample_kg[1] / "graph.ttl")
    proc = run_cli("export", "--graph", ttl, "--format", "nquads")
    assert proc.returncode == 0, proc.stderr
    ds = Dataset()
    ds.parse(data=proc.stdout, format="nquads")
    assert len(named_graphs(ds)) == 7
    out = tmp_path / "g.jsonld"
    proc = run_cli("export", "--graph", ttl, "-f", "jsonld", "-o", str(out))
    assert proc.returncode == 0 and proc.stdout == ""
    assert out.read_text(encoding="utf-8") == export(loaded, "jsonld")
    bad = run_cli("export", "--graph", ttl, "-f", "csv")
    assert bad.returncode == 2 and bad.stderr.strip().count("\n") == 0
    assert "folder or a .zip" in bad.stderr
    missing = run_cli("export", "--graph", str(tmp_path / "nope.ttl"))
    assert missing.returncode == 2 and "nope.ttl" in missing.stderr
    (tmp_path / "broken.ttl").write_text("this is not turtle", encoding="utf-8")
    broken = run_cli("export", "--graph", str(tmp_path / "broken.ttl"))
    assert broken.returncode == 2 and "broken.ttl: cannot read graph" in broken.stderr


def test_export_replaces_files_atomically(loaded, tmp_path):
    target = tmp_path / "g.nt"
    target.write_text("old", encoding="utf-8")
    assert export(loaded, "nt", target) == target
    assert target.read_text(encoding="utf-8") == export(loaded, "nt")
    export(loaded, "csv", tmp_path / "t.zip")
    export(loaded, "csv", tmp_path / "tables")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.nt", "t.zip", "tables"]
    assert not [p for p in (tmp_path / "tables").iterdir() if p.suffix != ".csv"]
