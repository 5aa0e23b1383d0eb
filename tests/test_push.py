"""kg push into a real Virtuoso (started here, on free ports) and read back over /sparql.

Virtuoso differences seen here: a query over several default graphs (one per document)
returns a solution once per graph holding the matching triples, so only DISTINCT queries
match rdflib on the per-document push; all named queries are compared on a single-graph
push. Virtuoso writes decimals canonically ("27.0" comes back "27") and orders long strings
sharing a prefix differently, so rows are compared as multisets with numbers normalised.
"""

from __future__ import annotations

import base64
import subprocess
import sys
import threading
from collections import Counter
from decimal import Decimal, InvalidOperation
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest
from rdflib import BNode, Graph, Literal, Namespace
from rdflib.namespace import SKOS
from virtuoso import PASSWORD, USER, VIRTUOSO, free_port, running_virtuoso

from kg.dataset import to_dataset
from kg.push import PushError, bodies, plan, push, target_iri
from kg.query import named_queries, query_text

KG_CLI = [sys.executable, "-m", "kg.cli"]
TEST = Namespace("http://push.test/")  # graph names of this module's pushes
needs_virtuoso = pytest.mark.skipif(
    VIRTUOSO is None, reason="virtuoso-t not installed (apt-get install "
    "virtuoso-opensource-7-bin; run.sh does it when root)")


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory):
    if VIRTUOSO is None:
        pytest.skip("virtuoso-t not installed")
    with running_virtuoso(tmp_path_factory.mktemp("virtuoso")) as v:
        yield v


def count_graphs(v, prefix: str) -> dict[str, int]:
    rows = v.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                    f"FILTER(STRSTARTS(STR(?g), \"{prefix}\")) }} GROUP BY ?g")
    return {r["g"]: int(r["n"]) for r in rows}


def canon(rows: list[dict[str, str]]) -> Counter:
    def value(s: str) -> str:
        try:
            return format(Decimal(s).normalize(), "f")
        except InvalidOperation:
            return s

    return Counter(tuple(sorted((k, value(v)) for k, v in r.items())) for r in rows)


def kg_push(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*KG_CLI, "push", *args], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def pushed(virtuoso, sample_kg):
    """The sample graph pushed per document under TEST.doc/, and whole under TEST.one."""
    kg, _ = sample_kg
    per_doc = push(kg.graph, virtuoso.crud_auth, graph_iri=TEST["doc/"], user=USER,
                   password=PASSWORD)
    single = push(kg.graph, virtuoso.crud_auth, graph_iri=TEST.one, single=True, user=USER,
                  password=PASSWORD, batch=500)
    return per_doc, single


@needs_virtuoso
def test_every_named_graph_arrives_whole(virtuoso, sample_kg, pushed):
    kg, _ = sample_kg
    want = {str(target_iri(g.identifier, TEST["doc/"])): len(g)
            for g in to_dataset(kg.graph).graphs() if len(g)}
    assert len(want) >= 7  # six articles and the shared graph
    assert count_graphs(virtuoso, TEST["doc/"]) == want
    per_doc, _ = pushed
    assert per_doc.graphs == len(want) and per_doc.requests == len(want)
    assert per_doc.triples == sum(want.values())


@needs_virtuoso
def test_single_graph_in_batches(virtuoso, sample_kg, pushed):
    kg, _ = sample_kg
    _, single = pushed
    assert count_graphs(virtuoso, str(TEST.one)) == {str(TEST.one): len(kg.graph)}
    assert single.requests == -(-len(kg.graph) // 500)


@needs_virtuoso
def test_delegates_over_the_document_graphs_match_rdflib(virtuoso, sample_kg, pushed):
    kg, _ = sample_kg
    graphs = [str(iri) for iri, _ in plan(kg.graph, TEST["doc/"])]
    rows = virtuoso.select(query_text("delegates"), default_graphs=graphs)
    assert rows == kg.rows("delegates") and len(rows) >= 5


@needs_virtuoso
@pytest.mark.parametrize("name", sorted(named_queries()))
def test_named_queries_match_rdflib(virtuoso, sample_kg, pushed, name):
    kg, _ = sample_kg
    rows = virtuoso.select(query_text(name), default_graphs=[str(TEST.one)])
    assert canon(rows) == canon(kg.rows(name))


def holds(v, triple, prefix: str) -> bool:
    """Whether a graph named under ``prefix`` in the store has the triple."""
    s, p, o = (t.n3() for t in triple)
    rows = v.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ {s} {p} {o} }} "
                    f"FILTER(STRSTARTS(STR(?g), \"{prefix}\")) }}")
    return int(rows[0]["n"]) > 0


@needs_virtuoso
def test_cli_replace_replaces_and_post_adds(virtuoso, sample_kg, tmp_path):
    kg, out = sample_kg
    prefix = TEST["cli/"]
    login = ["--endpoint", virtuoso.crud_auth, "--user", USER, "--password", PASSWORD,
             "--graph-iri", prefix]
    want = {str(iri): len(g) for iri, (g,) in plan(kg.graph, prefix)}
    for workers in ("1", "3"):  # the second push must not duplicate anything
        proc = kg_push("--graph", str(out / "graph.ttl"), "--replace", "--workers", workers,
                       *login)
        assert proc.returncode == 0, proc.stderr
        assert count_graphs(virtuoso, prefix) == want
    assert f"in {len(want)} named graph(s)" in proc.stdout and "triples/s" in proc.stdout

    smaller = Graph()
    smaller += kg.graph
    dropped = min(kg.graph.triples((None, SKOS.prefLabel, None)))  # lives in the shared graph
    smaller.remove(dropped)
    smaller.serialize(tmp_path / "smaller.ttl", format="turtle")
    added = kg_push("--graph", str(tmp_path / "smaller.ttl"), *login)  # POST: adds only
    assert added.returncode == 0, added.stderr
    assert holds(virtuoso, dropped, prefix)
    replaced = kg_push("--graph", str(tmp_path / "smaller.ttl"), "--replace", *login)
    assert replaced.returncode == 0, replaced.stderr
    assert not holds(virtuoso, dropped, prefix)
    assert sum(count_graphs(virtuoso, prefix).values()) == sum(want.values()) - 1


@needs_virtuoso
def test_wrong_password_is_one_line(virtuoso, sample_kg):
    kg, _ = sample_kg
    with pytest.raises(PushError) as err:
        push(kg.graph, virtuoso.crud_auth, user=USER, password="not-" + PASSWORD)
    assert "HTTP 401" in str(err.value) and "authentication failed for user 'dba'" in str(err.value)
    with pytest.raises(PushError, match="wants a login"):
        push(kg.graph, virtuoso.crud_auth)


@needs_virtuoso
def test_anonymous_endpoint_needs_the_grant(virtuoso, sample_kg):
    kg, _ = sample_kg
    with pytest.raises(PushError) as err:
        push(kg.graph, virtuoso.crud, graph_iri=TEST["anon/"])
    msg = str(err.value)
    assert "HTTP 403" in msg and "SECURITY" in msg and "\n" not in msg
    virtuoso.isql('GRANT SPARQL_UPDATE TO "SPARQL";')
    report = push(kg.graph, virtuoso.crud, graph_iri=TEST["anon/"], fmt="turtle", replace=True)
    assert sum(count_graphs(virtuoso, TEST["anon/"]).values()) == report.triples


def test_closed_port_is_a_one_line_error(sample_kg):
    _, out = sample_kg
    proc = kg_push("--endpoint", f"http://127.0.0.1:{free_port()}/sparql-graph-crud",
                   "--graph", str(out / "graph.ttl"), "--workers", "2")
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "connection refused" in proc.stderr
    assert proc.stderr.startswith("kg: push: cannot connect to http://127.0.0.1:")


class Recorder(BaseHTTPRequestHandler):
    """A Graph Store that wants basic auth and remembers what it was sent."""

    seen: list[tuple[str, str, bytes]] = []
    login = "Basic " + base64.b64encode(b"u:p").decode()

    def _store(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.headers.get("Authorization") != self.login:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="kg"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        graph = parse_qs(urlparse(self.path).query)["graph"][0]
        self.seen.append((self.command, graph, body))
        self.send_response(201)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_PUT = do_POST = _store

    def log_message(self, *args) -> None:
        pass


def test_basic_auth_and_put_per_graph(sample_kg):
    kg, _ = sample_kg
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/store"
    try:
        report = push(kg.graph, url, user="u", password="p", replace=True, graph_iri=TEST.x)
        with pytest.raises(PushError, match="authentication failed for user 'u'"):
            push(kg.graph, url, user="u", password="wrong")
    finally:
        server.shutdown()
        server.server_close()
    names = [str(iri) for iri, _ in plan(kg.graph, TEST.x)]
    assert [(m, g) for m, g, _ in Recorder.seen] == [("PUT", g) for g in names]
    received = Graph()
    for _, _, body in Recorder.seen:
        received.parse(data=body.decode("utf-8"), format="nt")
    assert set(received) == set(kg.graph) and report.graphs == len(names)


@pytest.mark.parametrize("fmt", ["nt", "turtle"])
def test_bodies_cut_the_union_but_keep_blank_nodes_together(fmt):
    a, b = Graph(), Graph()
    for i in range(7):
        a.add((TEST[f"s{i}"], SKOS.prefLabel, Literal(f"名{i}", lang="zh")))
    b += a
    b.add((TEST.extra, SKOS.note, Literal("多")))
    parts = list(bodies([a, b], fmt, batch=3))
    assert [n for n, _ in parts] == [3, 3, 2]
    back = Graph()
    for _, body in parts:
        back.parse(data=body.decode("utf-8"), format=fmt)
    assert set(back) == set(a) | set(b)
    b.add((BNode(), SKOS.note, Literal("blank")))
    assert [n for n, _ in bodies([b], fmt, batch=3)] == [9]
