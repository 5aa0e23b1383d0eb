"""Load on ``kg serve``: many queries from a few concurrent clients, on 127.0.0.1 only.

    python benchmarks/server_load.py [--graph output/graph.ttl | --synthetic TRIPLES]
        [--queries 2000] [--clients 8] [--store auto|rdflib|oxigraph] [--timeout S] [--bad-every 5]

Starts the server in this process on a free localhost port, sends a fixed mix of the named
queries (kg/queries/*.rq) and malformed ones (each client reconnects, as kg serve closes every
connection after its answer), and checks that no answer is a 5xx and every good query got a
200. Prints throughput and p50/p99 latency. Without
--graph (and no output/graph.ttl) it builds the bundled sample corpus first (loads pkuseg).
Exit status 1 if any check fails. ``run_load`` is also used by tests/test_serve.py.
"""

from __future__ import annotations

import argparse
import http.client
import statistics
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

MALFORMED = (
    "SELECT ?x WHERE { ?x ?p }",
    "SELEC * WHERE { ?s ?p ?o }",
    "PREFIX : <urn:x> ASK { :a :b",
    "SELECT ?x WHERE { ?x <urn:p> \"unterminated }",
)


@dataclass
class LoadResult:
    sent: int = 0
    seconds: float = 0.0
    statuses: dict[int, int] = field(default_factory=dict)
    failed_good: list[str] = field(default_factory=list)  # good queries that did not get 200
    bad_not_400: list[str] = field(default_factory=list)  # malformed ones that did not get 400
    latencies: list[float] = field(default_factory=list)  # seconds, every request

    @property
    def server_errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status >= 500)

    @property
    def ok(self) -> bool:
        return not self.server_errors and not self.failed_good and not self.bad_not_400

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] if ordered else 0.0

    def summary(self) -> str:
        codes = ", ".join(f"{s}: {n}" for s, n in sorted(self.statuses.items()))
        rate = self.sent / self.seconds
        return (f"{self.sent} queries in {self.seconds:.2f} s = {rate:.0f} q/s; "
                f"latency p50 {self.percentile(50) * 1000:.1f} ms, "
                f"p99 {self.percentile(99) * 1000:.1f} ms, "
                f"mean {statistics.fmean(self.latencies) * 1000:.1f} ms; statuses {codes}; "
                f"5xx {self.server_errors}, failed good {len(self.failed_good)}, "
                f"malformed not 400 {len(self.bad_not_400)}")


def workload(total: int, bad_every: int = 5) -> list[tuple[str, bool]]:
    """``total`` (query text, is_good) pairs: the named queries in turn, every n-th malformed."""
    from kg.query import named_queries

    good = [p.read_text(encoding="utf-8") for p in named_queries().values()]
    return [(MALFORMED[i % len(MALFORMED)], False) if bad_every and i % bad_every == bad_every - 1
            else (good[i % len(good)], True) for i in range(total)]


def run_load(url: str, total: int = 2000, clients: int = 8, bad_every: int = 5) -> LoadResult:
    """Send the workload from ``clients`` threads, one HTTP/1.1 client connection each."""
    parts = urlsplit(url)
    if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit(f"server_load: refusing to load {url}: localhost only")
    jobs = workload(total, bad_every)
    result, lock, next_job = LoadResult(), threading.Lock(), iter(range(len(jobs)))

    def client() -> None:
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
        while True:
            with lock:
                i = next(next_job, None)
            if i is None:
                break
            text, good = jobs[i]
            body = urlencode({"query": text})
            t0 = time.perf_counter()
            try:
                conn.request("POST", "/sparql", body=body, headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Accept": "application/sparql-results+json"})
                resp = conn.getresponse()
                resp.read()
                status = resp.status
                if resp.getheader("Connection", "").lower() == "close":
                    conn.close()
            except (OSError, http.client.HTTPException) as err:
                status = 0
                conn.close()
                text = f"{text[:60]} ({err})"
            elapsed = time.perf_counter() - t0
            with lock:
                result.latencies.append(elapsed)
                result.statuses[status] = result.statuses.get(status, 0) + 1
                if good and status != 200:
                    result.failed_good.append(f"{status}: {' '.join(text.split())[:80]}")
                if not good and status != 400:
                    result.bad_not_400.append(f"{status}: {text[:60]}")
        conn.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    result.seconds = time.perf_counter() - t0
    result.sent = len(jobs)
    return result


def _store(graph: str | None, backend: str, synthetic: int = 0):
    from kg.store import open_store

    if synthetic:
        import tempfile

        from kg.store_synth import write_synthetic

        with tempfile.TemporaryDirectory() as tmp:
            path = write_synthetic(Path(tmp) / "graph.nt", synthetic)
            return open_store(path, backend), f"synthetic graph of {synthetic:,} triples"
    if graph is None and Path("output/graph.ttl").is_file():
        graph = "output/graph.ttl"
    if graph is not None:
        return open_store(graph, backend), graph
    import kg

    print("building the sample corpus (no --graph, no output/graph.ttl)...", file=sys.stderr)
    return open_store(kg.build().graph, backend), "sample corpus"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", help="graph.ttl to serve (default: output/graph.ttl or sample)")
    ap.add_argument("--queries", type=int, default=2000)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--bad-every", type=int, default=5, help="every n-th query is malformed")
    ap.add_argument("--store", default="auto")
    ap.add_argument("--synthetic", type=int, default=0,
                    help="serve a synthetic kg-shaped graph of about this many triples")
    ap.add_argument("--timeout", type=float, default=30.0,
                    help="server time limit per query (0 = none: no fork per query)")
    args = ap.parse_args(argv)
    from kg.serve import Limits, make_server

    store, name = _store(args.graph, args.store, args.synthetic)
    limits = Limits(timeout=args.timeout or None)
    server = make_server(store, "127.0.0.1", 0, quiet=True, limits=limits)
    server.start()
    try:
        print(f"serving {name} ({len(store)} triples, {store.backend}) at {server.url}; "
              f"{args.queries} queries from {args.clients} clients, time limit {limits.timeout} s")
        result = run_load(server.url, args.queries, args.clients, args.bad_every)
    finally:
        server.stop()
    print(result.summary())
    for line in (result.failed_good + result.bad_not_400)[:10]:
        print(f"  {line}")
    return 0 if result.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
