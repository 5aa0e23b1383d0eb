"""The store layer on real graphs: rdflib and Oxigraph must agree, refuse, time out, cap."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

import psutil
import pytest
from rdflib import Graph

from kg.query import named_queries
from kg.store import (
    BACKENDS,
    QueryError,
    QueryRefused,
    QuerySyntaxError,
    QueryTimeout,
    StoreError,
    open_store,
)
from kg.store_synth import REGION_LABEL, synthetic_nt

pytest.importorskip("pyoxigraph")
QUERIES = {name: path.read_text(encoding="utf-8") for name, path in named_queries().items()}
SPARQL_NS = "{http://www.w3.org/2005/sparql-results#}"
CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def order_keys(text: str) -> list[str]:
    """The plain variables of an ORDER BY clause (ties may come in any order)."""
    m = re.search(r"ORDER BY\s+(.*)$", text, re.S | re.I)
    return re.findall(r"\?(\w+)", m.group(1)) if m else []


def assert_same_answers(stores, text: str) -> list[dict[str, str]]:
    rdf, oxi = stores["rdflib"].rows(text), stores["oxigraph"].rows(text)
    assert sorted(map(lambda r: sorted(r.items()), rdf)) == \
        sorted(map(lambda r: sorted(r.items()), oxi))
    keys = order_keys(text)
    if keys:
        assert [[r[k] for k in keys] for r in rdf] == [[r[k] for k in keys] for r in oxi]
    return rdf


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_backends_agree_on_named_queries_over_the_sample(sample_stores, name):
    assert_same_answers(sample_stores, QUERIES[name])


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_backends_agree_on_named_queries_over_a_synthetic_graph(synth_stores, name):
    rows = assert_same_answers(synth_stores, QUERIES[name])
    assert rows, f"{name} found nothing in the synthetic graph: the test would prove little"


def test_backends_agree_on_joins_and_counts(synth_stores):
    two_hop = """PREFIX org: <http://www.w3.org/ns/org#>
    PREFIX schema: <https://schema.org/>
    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    SELECT ?place (COUNT(DISTINCT ?p) AS ?people) WHERE {
      ?m org:member ?p ; org:organization ?o . ?o schema:location ?pl .
      ?pl skos:prefLabel ?place } GROUP BY ?place ORDER BY DESC(?people) ?place"""
    rows = assert_same_answers(synth_stores, two_hop)
    assert len(rows) > 10 and int(rows[0]["people"]) >= int(rows[-1]["people"])
    region = assert_same_answers(synth_stores, QUERIES["people_in_region"])
    assert all(r["place"] for r in region) and REGION_LABEL


def test_a_graph_object_opens_in_both_backends(sample_kg):
    graph, _ = sample_kg
    stores = {b: open_store(graph.graph, b) for b in BACKENDS}
    assert len(stores["rdflib"]) == len(stores["oxigraph"]) == len(graph.graph)
    assert_same_answers(stores, QUERIES["roles"])


@pytest.mark.parametrize("backend", BACKENDS)
def test_syntax_error_carries_the_parser_message(synth_stores, backend):
    bad = "SELECT ?x WHERE { ?x "
    if backend == "oxigraph":
        import pyoxigraph

        with pytest.raises(SyntaxError) as direct:
            pyoxigraph.Store().query(bad)
    else:
        from rdflib.plugins.sparql.parser import parseQuery

        with pytest.raises(Exception) as direct:
            parseQuery(bad)
    with pytest.raises(QuerySyntaxError) as err:
        synth_stores[backend].query(bad)
    assert str(err.value) == " ".join(str(direct.value).split())
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("text", [
    "INSERT DATA { <http://example.org/a> <http://example.org/b> 1 }",
    "PREFIX ex: <http://example.org/>\n# a comment\nDELETE WHERE { ?s ?p ?o }",
    "LOAD <http://example.org/data.ttl>",
    "CLEAR DEFAULT",
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "select * where { ?s ?p ?o . service silent <http://example.org/sparql> { ?s ?p ?x } }",
    "SELECT * FROM <http://example.org/g.ttl> WHERE { ?s ?p ?o }",
    "PREFIX ex: <http://example.org/>\n"
    "SELECT * WHERE { ?s ex:a\\#b ?o . SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { \\u0053ERVICE <http://example.org/sparql> { ?s ?p ?o } }",
])
def test_updates_service_and_from_are_refused(synth_stores, backend, text):
    store = synth_stores[backend]
    before = len(store)
    with pytest.raises(QueryRefused):
        store.query(text, timeout=10)
    assert len(store) == before


@pytest.mark.parametrize("backend", BACKENDS)
def test_keywords_in_comments_strings_and_names_are_not_refused(synth_stores, backend):
    text = ('# INSERT DATA, SERVICE <http://example.org/> and FROM live in this comment\n'
            'PREFIX service: <http://example.org/service#>\n'
            'SELECT ?service WHERE { BIND("SERVICE <http://x/> { } FROM <http://y/>" AS ?service)'
            ' OPTIONAL { ?s service:from ?o } }')
    out = synth_stores[backend].query(text)
    assert out.rows == 1 and b"SERVICE <http://x/>" in out.body


@pytest.mark.parametrize("backend", BACKENDS)
def test_service_runs_when_allowed(synth_stores, backend):
    text = "SELECT * WHERE { SERVICE SILENT <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    out = synth_stores[backend].query(text, allow_service=True, timeout=20)
    assert out.form == "select" and out.rows <= 1


@pytest.mark.parametrize("backend", BACKENDS)
def test_timeout_stops_an_expensive_query_and_the_store_still_answers(synth_stores, backend):
    store = synth_stores[backend]
    start = time.monotonic()
    before = set(psutil.Process().children())  # servers other tests started stay
    with pytest.raises(QueryTimeout):
        store.query(CROSS, timeout=0.5)
    assert time.monotonic() - start < 5
    assert set(psutil.Process().children()) <= before  # the worker is gone, not burning a core
    out = store.query(QUERIES["delegates"], "csv", timeout=30)
    assert out.rows > 0 and out.body.startswith(b"person\r\n")


@pytest.mark.parametrize("backend", BACKENDS)
def test_row_cap_truncates(synth_stores, backend):
    store = synth_stores[backend]
    full = store.query(QUERIES["entities"], "json")
    assert full.rows > 50 and not full.truncated
    cut = store.query(QUERIES["entities"], "json", max_rows=50, timeout=30)
    assert cut.rows == 50 and cut.truncated
    assert len(json.loads(cut.body)["results"]["bindings"]) == 50
    exact = store.query(QUERIES["entities"], "json", max_rows=full.rows)
    assert exact.rows == full.rows and not exact.truncated
    graph = store.query("CONSTRUCT WHERE { ?s ?p ?o }", "ntriples", max_rows=7)
    assert graph.rows == 7 and graph.truncated and len(graph.body.splitlines()) == 7


@pytest.mark.parametrize("backend", BACKENDS)
def test_select_formats_parse_back(sample_stores, backend):
    store, text = sample_stores[backend], QUERIES["roles"]
    expected = store.rows(text)
    js = store.query(text, "json")
    assert js.content_type == "application/sparql-results+json"
    doc = json.loads(js.body)
    assert doc["head"]["vars"] == ["person", "title", "org"]
    assert [{k: v["value"] for k, v in b.items()} for b in doc["results"]["bindings"]] == \
        [{k: v for k, v in r.items() if v} for r in expected]
    assert doc["results"]["bindings"][0]["person"]["xml:lang"] == "zh"
    xml = store.query(text, "xml")
    assert xml.content_type == "application/sparql-results+xml"
    results = ET.fromstring(xml.body).findall(f"{SPARQL_NS}results/{SPARQL_NS}result")
    assert len(results) == len(expected) == xml.rows
    cs = store.query(text, "csv")
    assert cs.content_type.startswith("text/csv")
    assert list(csv.DictReader(io.StringIO(cs.body.decode("utf-8")))) == expected
    tsv = store.query(text, "tsv")
    lines = tsv.body.decode("utf-8").splitlines()
    assert lines[0] == "?person\t?title\t?org" and len(lines) == len(expected) + 1
    assert lines[1].split("\t")[0].endswith('"@zh')


@pytest.mark.parametrize("backend", BACKENDS)
def test_graph_formats_parse_back(sample_stores, backend):
    store = sample_stores[backend]
    text = ("PREFIX org: <http://www.w3.org/ns/org#>\n"
            "CONSTRUCT { ?p org:memberOf ?o } WHERE { ?p org:memberOf ?o }")
    graphs = {}
    for fmt, parser, ctype in [("turtle", "turtle", "text/turtle"),
                               ("jsonld", "json-ld", "application/ld+json"),
                               ("ntriples", "nt", "application/n-triples")]:
        out = store.query(text, fmt)
        assert out.form == "construct" and out.content_type == ctype
        graphs[fmt] = Graph().parse(data=out.body.decode("utf-8"), format=parser)
        assert len(graphs[fmt]) == out.rows > 0
    assert set(graphs["turtle"]) == set(graphs["jsonld"]) == set(graphs["ntriples"])


@pytest.mark.parametrize("backend", BACKENDS)
def test_formats_fall_back_to_the_forms_default_and_ask_works(sample_stores, backend):
    store = sample_stores[backend]
    assert store.query(QUERIES["delegates"], "turtle").content_type == \
        "application/sparql-results+json"
    assert store.query("CONSTRUCT { ?s a ?c } WHERE { ?s a ?c } LIMIT 3", "csv").content_type == \
        "text/turtle"
    ask = store.query("ASK { ?s ?p ?o }", "json")
    assert ask.form == "ask" and json.loads(ask.body)["boolean"] is True
    with pytest.raises(QueryError):
        store.query(QUERIES["delegates"], "yaml")


def test_open_store_errors_name_the_file(tmp_path):
    with pytest.raises(StoreError, match="nope.ttl"):
        open_store(tmp_path / "nope.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("<http://example.org/a> <http://example.org/b> .\n", encoding="utf-8")
    for backend in BACKENDS:
        with pytest.raises(StoreError, match="bad.ttl: cannot read graph"):
            open_store(bad, backend)
    with pytest.raises(StoreError, match="unknown store backend"):
        open_store(bad, "virtuoso")


def test_a_graph_rdflib_reads_loads_in_oxigraph_too(tmp_path):
    """IRIs rdflib accepts without validating them (a '|' or '{') do not stop Oxigraph."""
    loose = tmp_path / "loose.nt"
    loose.write_text('<http://example.org/a|b> <http://example.org/p> "x" .\n'
                     '<http://example.org/c{d}> <http://example.org/p> "y" .\n', encoding="utf-8")
    text = "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s"
    assert [open_store(loose, b).rows(text) for b in BACKENDS] == \
        [[{"s": "http://example.org/a|b"}, {"s": "http://example.org/c{d}"}]] * 2


def test_synthetic_graphs_are_deterministic():
    assert synthetic_nt(3000, seed=3) == synthetic_nt(3000, seed=3)
    assert synthetic_nt(3000, seed=3) != synthetic_nt(3000, seed=4)


def test_cli_query_store_flag(sample_kg):
    _, out = sample_kg
    outputs = {}
    for backend in ("rdflib", "oxigraph", "auto"):
        proc = subprocess.run([sys.executable, "-m", "kg.cli", "query", "regions", "--graph",
                               str(out), "--format", "csv", "--store", backend],
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        outputs[backend] = proc.stdout
    assert outputs["rdflib"] == outputs["oxigraph"] == outputs["auto"]
    assert len(outputs["auto"].splitlines()) > 2
