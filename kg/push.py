"""Load the graph into an external SPARQL store (SPARQL 1.1 Graph Store HTTP Protocol).

Why: one machine's rdflib graph stops scaling long before a corpus does; a store such
as Virtuoso keeps the per-document named graphs of ``kg.dataset`` queryable by others.
One request per named graph (PUT with ``replace``, else POST), large graphs in chunks,
over one keep-alive connection; digest or basic auth, whichever the server asks for.
"""

from __future__ import annotations

import re
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from urllib.parse import quote

import requests
from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from .namespaces import ID, PREFIXES

SINGLE_GRAPH = ID["graph/kg"]  # where --single puts everything unless --graph-iri says
BATCH = 50_000  # triples per request: keeps bodies of big graphs to a few MB
FORMATS = {"nt": "application/n-triples", "turtle": "text/turtle"}


class PushError(Exception):
    """A push that failed; the message is one line, ready for the user."""


@dataclass
class PushReport:
    endpoint: str
    graphs: int = 0
    triples: int = 0
    requests: int = 0
    bytes: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        rate = self.triples / self.seconds if self.seconds else 0.0
        return (f"pushed {self.triples:,} triples in {self.graphs} named graph(s) to "
                f"{self.endpoint}: {self.requests} request(s), {self.bytes / 1e6:.1f} MB, "
                f"{self.seconds:.1f} s ({rate:,.0f} triples/s)")


def target_iri(iri: URIRef, prefix: str | None) -> URIRef:
    """The store's name for a named graph: ``prefix`` + its path under the kg ID namespace."""
    if not prefix:
        return iri
    base = str(ID)
    rest = iri[len(base):] if iri.startswith(base) else quote(str(iri), safe="")
    return URIRef(prefix + rest)


def plan(source: Graph | Dataset, graph_iri: str | None = None,
         single: bool = False) -> list[tuple[URIRef, list[Graph]]]:
    """The store graph IRIs to fill and the graphs whose union goes into each, by IRI.

    A plain Graph is split per document (``kg.dataset.to_dataset``) unless ``single``;
    ``graph_iri`` is then the prefix of the graph names, or the one graph's name.
    """
    if single:
        parts = list(source.graphs()) if isinstance(source, Dataset) else [source]
        parts = [g for g in parts if len(g)]
        return [(URIRef(graph_iri) if graph_iri else SINGLE_GRAPH, parts)] if parts else []
    if not isinstance(source, Dataset):
        from .dataset import to_dataset

        source = to_dataset(source)
    out = []
    for g in source.graphs():
        if not len(g):
            continue
        iri = g.identifier
        if iri == DATASET_DEFAULT_GRAPH_ID:  # default-graph triples go to a graph of their own
            iri = ID["graph/default"]
        out.append((target_iri(URIRef(iri), graph_iri), [g]))
    return sorted(out, key=lambda pair: pair[0])


def bodies(graphs: list[Graph], fmt: str, batch: int) -> Iterator[tuple[int, bytes]]:
    """(triple count, request body) pairs holding the union of ``graphs``, at most ``batch``
    triples each. N-Triples are cut by line (fast); Turtle goes through rdflib graphs.
    Graphs with blank nodes stay whole: a blank node's identity only holds in one request."""
    if fmt == "nt":
        lines: set[bytes] = set()
        for g in graphs:
            lines.update(g.serialize(format="nt", encoding="utf-8").splitlines())
        lines.discard(b"")
        if len(lines) <= batch or any(b"_:" in line for line in lines):
            yield len(lines), b"\n".join(sorted(lines)) + b"\n"
            return
        ordered = sorted(lines)
        for i in range(0, len(ordered), batch):
            part = ordered[i:i + batch]
            yield len(part), b"\n".join(part) + b"\n"
        return
    whole = graphs[0] if len(graphs) == 1 else _union(graphs)
    for chunk in _chunks(whole, batch):
        yield len(chunk), chunk.serialize(format=fmt, encoding="utf-8")


def _union(graphs: list[Graph]) -> Graph:
    whole = _new_graph()
    for g in graphs:
        whole += g
    return whole


def _chunks(graph: Graph, batch: int) -> Iterator[Graph]:
    if len(graph) <= batch or any(isinstance(t, BNode) for tr in graph for t in tr):
        yield graph
        return
    chunk = _new_graph()
    for triple in sorted(graph):
        chunk.add(triple)
        if len(chunk) >= batch:
            yield chunk
            chunk = _new_graph()
    if len(chunk):
        yield chunk


def _new_graph() -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, str(ns), override=True)
    return g


def _excerpt(body: str, limit: int = 200) -> str:
    """The readable text of an error page, on one line."""
    body = re.sub(r"(?is)<(script|style|title)\b.*?</\1>", " ", body)
    text = " ".join(re.sub(r"<[^>]+>", " ", body).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Client:
    """One keep-alive HTTP session to a Graph Store endpoint, with its error messages."""

    def __init__(self, endpoint: str, user: str | None, password: str | None,
                 timeout: float) -> None:
        self.endpoint, self.user, self.timeout = endpoint, user, timeout
        self.session = requests.Session()
        self.credentials = (user, password or "") if user else None
        if self.credentials:
            self.session.auth = requests.auth.HTTPDigestAuth(*self.credentials)

    def send(self, method: str, graph: URIRef, body: bytes, content_type: str) -> None:
        resp = self._request(method, graph, body, content_type)
        challenge = resp.headers.get("WWW-Authenticate", "").lower()
        if resp.status_code == 401 and self.credentials and challenge.startswith("basic"):
            self.session.auth = requests.auth.HTTPBasicAuth(*self.credentials)
            resp = self._request(method, graph, body, content_type)
        if resp.status_code >= 400:
            raise PushError(self._status_error(resp, graph))

    def _request(self, method: str, graph: URIRef, body: bytes,
                 content_type: str) -> requests.Response:
        try:
            return self.session.request(
                method, self.endpoint, params={"graph": str(graph)}, data=body,
                headers={"Content-Type": f"{content_type}; charset=utf-8"}, timeout=self.timeout)
        except requests.ConnectionError as err:
            raise PushError(f"cannot connect to {self.endpoint}: {_reason(err)}") from None
        except requests.Timeout:
            raise PushError(f"{self.endpoint} did not answer within {self.timeout:g} s "
                            f"(graph <{graph}>)") from None
        except requests.RequestException as err:
            raise PushError(f"{self.endpoint}: {_reason(err)}") from None

    def _status_error(self, resp: requests.Response, graph: URIRef) -> str:
        status = f"HTTP {resp.status_code} {resp.reason}"
        if resp.status_code == 401:
            if not self.credentials:
                return f"{self.endpoint}: {status}: the store wants a login (--user/--password)"
            return f"{self.endpoint}: {status}: authentication failed for user {self.user!r}"
        detail = _excerpt(resp.text)
        return f"{self.endpoint}: {status} for graph <{graph}>" + (f": {detail}" if detail else "")

    def close(self) -> None:
        self.session.close()


def _reason(err: Exception) -> str:
    """The innermost cause of a requests error, e.g. 'connection refused'."""
    text = str(err)
    for needle, reason in (("refused", "connection refused"),
                           ("Name or service not known", "unknown host"),
                           ("nodename nor servname", "unknown host"),
                           ("timed out", "timed out")):
        if needle in text:
            return reason
    return " ".join(text.split())[:200]


def push(source: Graph | Dataset, endpoint: str, *, graph_iri: str | None = None,
         single: bool = False, user: str | None = None, password: str | None = None,
         replace: bool = False, fmt: str = "nt", batch: int = BATCH, timeout: float = 120.0,
         workers: int = 1, progress: bool = False) -> PushReport:
    """Send ``source`` to the Graph Store ``endpoint`` (e.g. Virtuoso's
    ``http://host:8890/sparql-graph-crud-auth``), one named graph per document.

    ``replace`` PUTs each graph (its old content goes); otherwise triples are POSTed,
    i.e. added. ``workers`` connections send different graphs at once (a store on
    several cores takes them in parallel). Raises PushError with a one-line message
    when the store refuses; graphs already sent stay in the store.
    """
    if fmt not in FORMATS:
        raise PushError(f"unknown format {fmt!r} (use one of {', '.join(FORMATS)})")
    started = time.perf_counter()
    todo = plan(source, graph_iri, single)
    report = PushReport(endpoint=endpoint, graphs=len(todo))
    bar = _bar(sum(len(g) for _, graphs in todo for g in graphs), progress)
    lock = threading.Lock()
    local = threading.local()
    clients: list[_Client] = []

    def send_graph(iri: URIRef, graphs: list[Graph]) -> None:
        if not hasattr(local, "client"):
            local.client = _Client(endpoint, user, password, timeout)
            with lock:
                clients.append(local.client)
        for i, (count, body) in enumerate(bodies(graphs, fmt, batch)):
            local.client.send("PUT" if replace and i == 0 else "POST", iri, body, FORMATS[fmt])
            with lock:
                report.requests += 1
                report.bytes += len(body)
                report.triples += count
                if bar is not None:
                    bar.update(count)

    try:
        if workers <= 1:
            for iri, graphs in todo:
                send_graph(iri, graphs)
        else:
            with ThreadPoolExecutor(max_workers=workers) as pool:
                futures = [pool.submit(send_graph, iri, graphs) for iri, graphs in todo]
                for future in as_completed(futures):
                    if future.exception() is not None:
                        for f in futures:
                            f.cancel()
                        raise future.exception()
    finally:
        for client in clients:
            client.close()
        if bar is not None:
            bar.close()
    report.seconds = time.perf_counter() - started
    return report


def _bar(total: int, progress: bool):
    if not progress:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="triple", unit_scale=True, desc="pushing", file=sys.stderr,
                leave=False)


def load_source(path: str) -> Graph | Dataset:
    """A graph file: Turtle (kg build's graph.ttl) as a Graph, TriG/N-Quads as a Dataset."""
    from pathlib import Path

    p = Path(path)
    if p.is_dir():
        p = p / "graph.ttl"
    if not p.exists():
        raise FileNotFoundError(f"{p}: no such graph (run `kg build` first)")
    quads = {".trig": "trig", ".nq": "nquads"}.get(p.suffix.lower())
    target: Graph | Dataset = Dataset() if quads else Graph()
    try:
        target.parse(p, format=quads or "turtle")
    except Exception as err:  # a file that does not parse: say which and why, on one line
        raise PushError(f"{p}: cannot read graph ({' '.join(str(err).split())[:300]})") from None
    return target

