"""kg serve: a real server on a free localhost port, queried by real clients (SPARQLWrapper, urllib,
http.client). Browser tests of the query page are in tests/test_serve_browser.py."""

from __future__ import annotations

import csv
import http.client
import importlib.util
import io
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

import pytest
from rdflib import Graph, Literal
from rdflib.compare import isomorphic

from kg import namespaces as ns  # not SDO itself: pytest probes module globals, SDO warns
from kg.namespaces import ID, KG, RDF, SKOS
from kg.serve import Limits, make_server
from kg.store import BACKENDS, QuerySyntaxError, open_store

ROOT = Path(__file__).resolve().parents[1]
XSS = ("<img src=x onerror=alert(1)>", "<script>alert(1)</script>")
PEOPLE = ("张黎明", "李红", *XSS)
ALL = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
NAMES = ("PREFIX schema: <https://schema.org/> "
         "SELECT ?name WHERE { ?p schema:name ?name } ORDER BY ?name")
CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
MALFORMED = "SELECT ?x WHERE { ?x ?p }"


def people_graph(filler: int = 0) -> Graph:
    """Delegates to one event, two of them named with markup; ``filler`` extra plain triples."""
    g = Graph()
    event = ID["event/大会"]
    g.add((event, RDF.type, ns.SDO.Event))
    g.add((event, SKOS.prefLabel, Literal("大会", lang="zh")))
    for i, name in enumerate(PEOPLE):
        person = ID[f"person/p{i}"]
        g.add((person, RDF.type, ns.SDO.Person))
        g.add((person, ns.SDO.name, Literal(name, lang="zh")))
        g.add((person, SKOS.prefLabel, Literal(name, lang="zh")))
        g.add((person, KG.delegateTo, event))
    for i in range(filler):
        g.add((ID[f"thing/t{i}"], SKOS.notation, Literal(f"n{i}")))
    return g


def _backends() -> list[str]:
    return [b for b in BACKENDS if b != "oxigraph" or importlib.util.find_spec("pyoxigraph")]


@pytest.fixture(scope="module", params=_backends())
def server(request):
    store = open_store(people_graph(filler=40), request.param)
    srv = make_server(store, "127.0.0.1", 0, quiet=True,
                      limits=Limits(timeout=20, max_rows=30, max_body=20_000))
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def strict():
    """A server with a small time limit and body cap; its graph makes cross products slow."""
    store = open_store(people_graph(filler=300), "rdflib")
    srv = make_server(store, "127.0.0.1", 0, quiet=True,
                      limits=Limits(timeout=0.5, max_rows=100, max_body=10_000))
    srv.start()
    yield srv
    srv.stop()


def request(url: str, data: bytes | None = None, headers: dict[str, str] | None = None,
            method: str | None = None) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def get(srv, query: str, headers: dict[str, str] | None = None, **params: str):
    return request(f"{srv.url}sparql?{urlencode({'query': query, **params})}", headers=headers)


def assert_alive(srv) -> None:
    """The server still answers a plain query correctly."""
    status, _h, body = get(srv, "ASK { ?p ?q ?r }")
    assert status == 200 and json.loads(body)["boolean"] is True


def names_of(body: bytes) -> list[str]:
    return [b["name"]["value"] for b in json.loads(body)["results"]["bindings"]]


@pytest.mark.parametrize("how", ["accept", "format"])
@pytest.mark.parametrize("fmt, media", [
    ("json", "application/sparql-results+json"), ("xml", "application/sparql-results+xml"),
    ("csv", "text/csv"), ("tsv", "text/tab-separated-values")])
def test_select_formats(server, how: str, fmt: str, media: str) -> None:
    if how == "accept":
        status, headers, body = get(server, NAMES, headers={"Accept": media})
    else:
        status, headers, body = get(server, NAMES, headers={"Accept": "text/turtle"}, format=fmt)
    assert status == 200, body
    assert headers["Content-Type"].split(";")[0] == media
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-KG-Truncated"] == "false" and headers["X-KG-Rows"] == str(len(PEOPLE))
    text = body.decode("utf-8")
    if fmt == "json":
        names = names_of(body)
    elif fmt == "xml":
        sr = "{http://www.w3.org/2005/sparql-results#}"
        names = [e.text for e in ET.fromstring(body).iter(f"{sr}literal")]
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(text)))
        assert rows[0] == ["name"]
        names = [r[0] for r in rows[1:]]
    else:
        lines = text.splitlines()
        assert lines[0] == "?name"
        names = [json.loads(line.rsplit("@", 1)[0]) for line in lines[1:]]
    assert names == sorted(PEOPLE)


def test_sparqlwrapper_select_ask_and_construct(server) -> None:
    from SPARQLWrapper import CSV, JSON, JSONLD, POST, TURTLE, XML, SPARQLWrapper

    sw = SPARQLWrapper(f"{server.url}sparql")
    sw.setQuery(NAMES)
    sw.setReturnFormat(JSON)
    assert [b["name"]["value"] for b in sw.queryAndConvert()["results"]["bindings"]] == sorted(
        PEOPLE)
    sw.setReturnFormat(XML)
    assert len(sw.queryAndConvert().getElementsByTagName("result")) == len(PEOPLE)
    sw.setReturnFormat(CSV)
    assert sw.queryAndConvert().decode("utf-8").splitlines()[0] == "name"
    sw.setMethod(POST)
    sw.setQuery(f"ASK {{ ?p <{ns.SDO.name}> \"{XSS[0]}\"@zh }}")
    sw.setReturnFormat(JSON)
    assert sw.queryAndConvert()["boolean"] is True
    construct = f"CONSTRUCT {{ ?p <{KG.delegateTo}> ?e }} WHERE {{ ?p <{KG.delegateTo}> ?e }}"
    expected = Graph()
    for t in people_graph().triples((None, KG.delegateTo, None)):
        expected.add(t)
    sw.setQuery(construct)
    for fmt in (TURTLE, JSONLD):
        sw.setReturnFormat(fmt)
        got = sw.queryAndConvert()
        if not isinstance(got, Graph):  # SPARQLWrapper parses JSON-LD into a Graph, Turtle not
            got = Graph().parse(data=got, format="turtle")
        assert isomorphic(got, expected), fmt


@pytest.mark.parametrize("accept, fmt, parse", [
    ("text/turtle", None, "turtle"), ("application/ld+json", None, "json-ld"),
    ("*/*", "turtle", "turtle"), ("*/*", "jsonld", "json-ld")])
def test_construct_turtle_and_jsonld(server, accept: str, fmt: str | None, parse: str) -> None:
    query = f"CONSTRUCT {{ ?p <{ns.SDO.name}> ?n }} WHERE {{ ?p <{ns.SDO.name}> ?n }}"
    status, headers, body = get(server, query, headers={"Accept": accept},
                                **({"format": fmt} if fmt else {}))
    assert status == 200, body
    assert headers["Content-Type"].split(";")[0] in ("text/turtle", "application/ld+json")
    got = Graph().parse(data=body.decode("utf-8"), format=parse)
    expected = Graph()
    for t in people_graph().triples((None, ns.SDO.name, None)):
        expected.add(t)
    assert isomorphic(got, expected)


def test_post_form_and_query_body(server) -> None:
    form = urlencode({"query": NAMES}).encode()
    s1, _h, b1 = request(f"{server.url}sparql", form,
                         {"Content-Type": "application/x-www-form-urlencoded"})
    s2, _h, b2 = request(f"{server.url}sparql", NAMES.encode(),
                         {"Content-Type": "application/sparql-query; charset=utf-8"})
    assert s1 == s2 == 200 and names_of(b1) == names_of(b2) == sorted(PEOPLE)
    status, _h, body = request(f"{server.url}sparql", b"query", {"Content-Type": "text/plain"})
    assert status == 415 and b"application/sparql-query" in body
    assert_alive(server)


def test_malformed_query_is_400_with_the_parser_message(server) -> None:
    with pytest.raises(QuerySyntaxError) as err:
        server.store.query(MALFORMED)
    for send in (lambda: get(server, MALFORMED),
                 lambda: request(f"{server.url}sparql", MALFORMED.encode(),
                                 {"Content-Type": "application/sparql-query"})):
        status, headers, body = send()
        assert status == 400
        assert headers["Content-Type"].startswith("text/plain")
        assert body.decode("utf-8").strip() == str(err.value)
    assert_alive(server)


@pytest.mark.parametrize("send", ["update-body", "update-form", "update-in-query", "load",
                                  "wrapper"])
def test_update_and_load_refused(server, send: str) -> None:
    insert = f"INSERT DATA {{ <{ID['person/new']}> <{ns.SDO.name}> \"x\" }}"
    url = f"{server.url}sparql"
    if send == "wrapper":
        from SPARQLWrapper import POST, SPARQLWrapper
        from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

        sw = SPARQLWrapper(url, updateEndpoint=url)
        sw.setMethod(POST)
        sw.setQuery(insert)
        with pytest.raises((SPARQLWrapperException, urllib.error.HTTPError)) as err:
            sw.query()
        assert "403" in str(err.value) or getattr(err.value, "code", 0) == 403
    else:
        form = {"Content-Type": "application/x-www-form-urlencoded"}
        status, _h, body = {
            "update-body": lambda: request(url, insert.encode(),
                                           {"Content-Type": "application/sparql-update"}),
            "update-form": lambda: request(url, urlencode({"update": insert}).encode(), form),
            "update-in-query": lambda: request(url, urlencode({"query": insert}).encode(), form),
            "load": lambda: request(url, urlencode(
                {"update": "LOAD <http://127.0.0.1:9/x.ttl>"}).encode(), form),
        }[send]()
        assert status == 403
        assert (b"LOAD is refused" if send == "load" else b"Update is refused") in body
        assert b"read-only" in body
    status, _h, body = get(server, f"ASK {{ <{ID['person/new']}> ?p ?o }}")
    assert json.loads(body)["boolean"] is False  # nothing was written
    assert_alive(server)


def test_allow_update_on_a_read_only_store_still_refuses() -> None:
    srv = make_server(open_store(people_graph(), "rdflib"), "127.0.0.1", 0, quiet=True,
                      limits=Limits(allow_update=True))
    srv.start()
    try:
        url = f"{srv.url}sparql"
        insert = urlencode({"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}).encode()
        form = {"Content-Type": "application/x-www-form-urlencoded"}
        status, _h, body = request(url, insert, {**form, "Origin": "http://evil.test"})
        assert status == 403 and b"another origin" in body
        status, _h, body = request(url, insert, form)
        assert status == 403 and b"rdflib store is read-only" in body
        assert_alive(srv)
    finally:
        srv.stop()


def test_service_refused(server) -> None:
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    status, _h, body = get(server, query)
    assert status == 403 and b"SERVICE" in body
    assert_alive(server)


def test_huge_body_is_413(strict) -> None:
    parts = urlsplit(strict.url)
    # the answer comes from the headers alone: send them, and no body (a client still sending
    # when the server closes gets a broken pipe, whatever the server does)
    for length, status, message in [("Content-Length: 500000", 413, b"over the limit of 10000"),
                                    ("Transfer-Encoding: chunked", 411, b"Content-Length")]:
        with socket.create_connection((parts.hostname, parts.port), timeout=30) as sock:
            sock.sendall(f"POST /sparql HTTP/1.1\r\nHost: localhost\r\n{length}\r\n"
                         "Content-Type: application/sparql-query\r\n\r\n".encode())
            resp = http.client.HTTPResponse(sock)
            resp.begin()
            assert resp.status == status and message in resp.read()
            assert resp.getheader("Connection") == "close"
    assert_alive(strict)


def test_slow_query_is_408_and_the_server_goes_on(strict) -> None:
    """Over one keep-alive-capable client connection: the 408 closes it, the next query is served
    on a new one. (That browsers then do not resend the 408 is in test_serve_browser.py.)"""
    parts = urlsplit(strict.url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    before = strict.counts[("/sparql", 408)]
    try:
        answers = []
        for query in (NAMES, CROSS, NAMES):
            t0 = time.monotonic()
            conn.request("GET", f"/sparql?{urlencode({'query': query})}")
            resp = conn.getresponse()
            answers.append((resp.status, resp.getheader("Connection"), resp.read()))
            assert time.monotonic() - t0 < 10  # stopped near the 0.5 s limit, not run to the end
    finally:
        conn.close()
    assert [(status, close) for status, close, _b in answers] == [
        (200, "close"), (408, "close"), (200, "close")]
    assert b"time limit" in answers[1][2], answers[1][2]
    assert names_of(answers[2][2]) == sorted(PEOPLE)
    assert strict.counts[("/sparql", 408)] == before + 1
    assert_alive(strict)


def test_no_connection_is_kept_alive(strict) -> None:
    """Every answer, pages included, closes its connection, so no request ever arrives on a
    reused one (where a browser would resend a 408)."""
    parts = urlsplit(strict.url)
    for path in ("/", "/static/query.js", "/api/queries", "/nope", f"/sparql?query={quote(NAMES)}"):
        with socket.create_connection((parts.hostname, parts.port), timeout=30) as sock:
            sock.sendall(f"GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n".encode())
            data = b""
            while chunk := sock.recv(1 << 16):  # ends only when the server closes
                data += chunk
        head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1").lower()
        assert "\r\nconnection: close" in head, (path, head)


def test_busy_server_is_503(strict) -> None:
    """With every query slot taken, a query waits up to the time limit, then gets 503 (busy is
    a server condition, unlike a slow query) with Retry-After."""
    taken = 0
    while strict.slots.acquire(blocking=False):
        taken += 1
    try:
        status, headers, body = get(strict, "ASK { ?p ?q ?r }")
    finally:
        for _ in range(taken):
            strict.slots.release()
    assert taken >= 1
    assert status == 503 and headers["Retry-After"] == "1" and b"busy" in body, body
    assert_alive(strict)


def test_row_cap_header(server) -> None:
    status, headers, body = get(server, ALL)
    assert status == 200
    assert headers["X-KG-Truncated"] == "true" and headers["X-KG-Row-Limit"] == "30"
    assert len(json.loads(body)["results"]["bindings"]) == 30
    status, headers, _b = get(server, ALL + " LIMIT 10")
    assert headers["X-KG-Truncated"] == "false" and headers["X-KG-Rows"] == "10"


@pytest.mark.parametrize("accept, media", [
    ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/html, application/xhtml+xml, */*;q=0.8", "application/sparql-results+json"),
    ("application/json;q=0.1, text/tab-separated-values;q=0.9", "text/tab-separated-values"),
    ("text/*", "text/csv"), ("", "application/sparql-results+json")])
def test_accept_quality_values(server, accept: str, media: str) -> None:
    status, headers, _b = get(server, NAMES, headers={"Accept": accept} if accept else {})
    assert status == 200 and headers["Content-Type"].split(";")[0] == media


def test_negotiation_errors_and_routes(server) -> None:
    status, _h, body = get(server, NAMES, headers={"Accept": "application/rdf+xml"})
    assert status == 406 and b"application/sparql-results+json" in body
    status, _h, body = get(server, NAMES, format="turtle")
    assert status == 406
    assert request(f"{server.url}nope")[0] == 404
    assert request(f"{server.url}static/..%2Fserve.py")[0] == 404
    assert request(f"{server.url}sparql")[0] == 400  # no query
    assert request(f"{server.url}sparql", method="DELETE")[0] == 405
    status, _h, body = request(f"{server.url}sparql?query=ASK{{}}", headers={"Host": "evil.test"})
    assert status == 403 and b"Host" in body  # DNS rebinding guard
    assert_alive(server)


def test_pages_send_a_strict_csp(server) -> None:
    status, headers, page = request(server.url)
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    csp = headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "unsafe" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert b"/static/query.js" in page and b"http" not in page.replace(b"http-equiv", b"")
    status, headers, data = request(f"{server.url}api/queries")
    names = {q["name"] for q in json.loads(data)["queries"]}
    assert status == 200 and {"delegates", "entities"} <= names
    status, headers, page = request(f"{server.url}explore")
    assert status == 200 and "张黎明".encode() in page
    csp = headers["Content-Security-Policy"]
    assert re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+'[ ;]", csp)
    assert "unsafe-inline" not in csp.split("style-src")[0]
    assert XSS[1].encode() not in page  # the explorer embeds names as escaped data


def _load_module():
    spec = importlib.util.spec_from_file_location("server_load",
                                                  ROOT / "benchmarks" / "server_load.py")
    load = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("server_load", load)  # dataclasses look their module up
    spec.loader.exec_module(load)
    return load


@pytest.mark.parametrize("backend, timeout", [("auto", 30.0), ("rdflib", None)])
def test_small_load(tmp_path: Path, backend: str, timeout: float | None) -> None:
    """200 queries from 8 clients on a kg-shaped graph: no 5xx, no failure. rdflib without a
    time limit runs queries in the server's threads, where its parser must not run concurrently."""
    from kg.store_synth import write_synthetic

    store = open_store(write_synthetic(tmp_path / "graph.nt", 3000), backend)
    server = make_server(store, "127.0.0.1", 0, quiet=True, limits=Limits(timeout=timeout))
    load = _load_module()
    server.start()
    try:
        result = load.run_load(server.url, total=200, clients=8)
    finally:
        server.stop()
    assert result.sent == 200 and len(result.latencies) == 200
    assert result.server_errors == 0, result.summary()
    assert not result.failed_good and not result.bad_not_400, result.summary()
    assert result.statuses == {200: 160, 400: 40}


def test_cli_serve_prints_url_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    ttl = tmp_path / "graph.ttl"
    people_graph().serialize(ttl, format="turtle")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--graph", str(ttl),
                             "--port", "0", "--store", "rdflib", "-q"], cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        assert "http://127.0.0.1:" in line and "triples" in line, proc.stderr.read()
        url = line[line.index("http://"):].split()[0]
        status, _h, body = request(f"{url}sparql?query={quote(NAMES)}")
        assert status == 200 and names_of(body) == sorted(PEOPLE)
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0 and "stopped" in err and "Traceback" not in err


def test_port_in_use_is_a_clear_error(tmp_path: Path, capsys) -> None:
    from kg.cli import main

    ttl = tmp_path / "graph.ttl"
    people_graph().serialize(ttl, format="turtle")
    first = make_server(open_store(ttl, "rdflib"), "127.0.0.1", 0, quiet=True)
    try:
        port = first.server_address[1]
        with pytest.raises(OSError):
            make_server(open_store(ttl, "rdflib"), "127.0.0.1", port, quiet=True)
        assert main(["serve", "--graph", str(ttl), "--port", str(port), "--store", "rdflib"]) == 2
        err = capsys.readouterr().err
        assert f"cannot listen on 127.0.0.1:{port}" in err and "Traceback" not in err
        assert main(["serve", "--graph", str(tmp_path / "none.ttl")]) == 2
        assert "none.ttl" in capsys.readouterr().err
    finally:
        first.server_close()
