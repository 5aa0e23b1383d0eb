"""SPARQL stores side by side: rdflib and Oxigraph on kg-shaped graphs of growing size.

    python benchmarks/sparql.py                    # 10k, 100k and 1M triples
    python benchmarks/sparql.py --sizes 10k,100k   # a quick run
    python benchmarks/sparql.py --cap 60           # rdflib's per-query time cap (s)

Graphs come from kg/store_synth.py (persons, roles at organisations located in a
place hierarchy, delegates, honours, evidence nodes), cached as N-Triples under
--work. Each (size, backend) runs in a fresh process so that its memory figure is
its own: load time, resident memory added by the load, then the median latency of
every named query, a 2-hop join and a grouped count, each through
``Store.query(..., "json")`` (serialised result included). rdflib queries run
under the store's time limit (--cap) and show "> cap" when stopped. Wall-clock
and CPU time are both given: on a shared machine the wall clock mostly measures
the other processes, CPU time (including the forked query workers) does not.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

EXTRA = {
    "2-hop": """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?person ?org ?place WHERE {
  ?m org:member ?p ; org:organization ?o .
  ?p skos:prefLabel ?person . ?o skos:prefLabel ?org ; schema:location ?pl .
  ?pl skos:prefLabel ?place .
}""",
    "grouped count": """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX schema: <https://schema.org/>
SELECT ?place (COUNT(DISTINCT ?p) AS ?people) WHERE {
  ?m org:member ?p ; org:organization ?o . ?o schema:location ?place .
} GROUP BY ?place ORDER BY DESC(?people) LIMIT 20""",
}
BACKENDS = ("rdflib", "oxigraph")


def parse_size(text: str) -> int:
    text = text.strip().lower()
    mult = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    return int(float(text.rstrip("km")) * mult)


def label(n: int) -> str:
    return f"{n // 1_000_000}M" if n >= 1_000_000 else f"{n // 1000}k"


def queries() -> dict[str, str]:
    from kg.query import named_queries

    out = {name: p.read_text(encoding="utf-8") for name, p in named_queries().items()}
    out.update(EXTRA)
    return out


def cpu() -> float:
    """CPU seconds of this process and its reaped children (the forked query workers)."""
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + kids.ru_utime + kids.ru_stime


def worker(path: str, backend: str, cap: float, repeat: int) -> dict:
    """Runs in its own process: load, then time every query (wall clock and CPU)."""
    import psutil

    from kg.store import QueryTimeout, open_store

    proc = psutil.Process()
    base = proc.memory_info().rss
    start, c0 = time.perf_counter(), cpu()
    store = open_store(path, backend)
    result = {"load": time.perf_counter() - start, "load_cpu": cpu() - c0,
              "triples": len(store), "memory_mb": (proc.memory_info().rss - base) / 2**20,
              "queries": {}}
    for name, text in queries().items():
        times, cpus, rows = [], [], 0
        for i in range(repeat):
            t0, c0 = time.perf_counter(), cpu()
            try:
                # the first run goes under the time cap (a forked, killable worker)
                out = store.query(text, "json", timeout=cap if i == 0 else None)
            except QueryTimeout:
                times = None
                break
            times.append(time.perf_counter() - t0)
            cpus.append(cpu() - c0)
            rows = out.rows
            if sum(times) > 10:  # slow queries: fewer repeats, or the run takes hours
                break
        result["queries"][name] = {
            "median": statistics.median(times) if times else None,
            "cpu": statistics.median(cpus) if times else None,
            "runs": len(times or []), "rows": rows}
    t0 = time.perf_counter()
    store.query("SELECT ?x WHERE { BIND (1 AS ?x) }", timeout=cap)
    result["fork"] = time.perf_counter() - t0
    return result


def run_worker(path: Path, backend: str, cap: float, repeat: int) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--worker", str(path), backend,
                           "--cap", str(cap), "--repeat", str(repeat)],
                          capture_output=True, text=True, cwd=ROOT)
    if proc.returncode:
        return {"error": proc.stderr.strip().splitlines()[-1] if proc.stderr else "failed"}
    return json.loads(proc.stdout)


def fmt_s(v: float | None, cap: float) -> str:
    if v is None:
        return f"> {cap:g} s"
    if v < 0.01:
        return f"{v * 1000:.1f} ms"
    return f"{v * 1000:,.0f} ms" if v < 10 else f"{v:,.1f} s"


MISSING = object()  # a backend that was not run


def cell(v, cap: float) -> str:
    return "–" if v is MISSING else fmt_s(v, cap)


def _speed(a, b, cap: float) -> str:
    if a is MISSING or b is MISSING or not b:
        return ""
    return f"> {cap / b:,.0f}x" if a is None else f"{a / b:,.0f}x"


def report(size: str, res: dict[str, dict], cap: float) -> None:
    oxi, rdf = res.get("oxigraph", {}), res.get("rdflib", {})
    triples = next((r["triples"] for r in res.values() if "triples" in r), 0)
    print(f"\n## {size} ({triples:,} triples)\n")
    print("| | rdflib wall | oxigraph wall | speed-up | rdflib CPU | oxigraph CPU | speed-up "
          "| rows |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in (rdf, oxi):
        if "error" in r:
            print(f"error: {r['error']}")
    for key, cpu_key in (("load", "load_cpu"),):
        a, b = rdf.get(key, MISSING), oxi.get(key, MISSING)
        ac, bc = rdf.get(cpu_key, MISSING), oxi.get(cpu_key, MISSING)
        print(f"| {key} | {cell(a, cap)} | {cell(b, cap)} | {_speed(a, b, cap)} | "
              f"{cell(ac, cap)} | {cell(bc, cap)} | {_speed(ac, bc, cap)} | |")
    mem = [f"{r['memory_mb']:,.0f} MB" if "memory_mb" in r else "–" for r in (rdf, oxi)]
    print(f"| memory (RSS added) | {mem[0]} | {mem[1]} | | | | | |")
    for name in queries():
        a = rdf.get("queries", {}).get(name, {})
        b = oxi.get("queries", {}).get(name, {})
        aw, bw = a.get("median", MISSING), b.get("median", MISSING)
        ac, bc = a.get("cpu", MISSING), b.get("cpu", MISSING)
        rows = b.get("rows", a.get("rows", ""))
        print(f"| {name} | {cell(aw, cap)} | {cell(bw, cap)} | {_speed(aw, bw, cap)} | "
              f"{cell(ac, cap)} | {cell(bc, cap)} | {_speed(ac, bc, cap)} | {rows} |")
    print(f"| fork per query (time limit) | {cell(rdf.get('fork', MISSING), cap)} | "
          f"{cell(oxi.get('fork', MISSING), cap)} | | | | | |")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10k,100k,1M", help="comma-separated triple counts")
    ap.add_argument("--cap", type=float, default=60.0, help="rdflib per-query time cap (s)")
    ap.add_argument("--repeat", type=int, default=5, help="runs per query (median)")
    ap.add_argument("--backends", default=",".join(BACKENDS))
    ap.add_argument("--work", default="/tmp/kg-sparql-bench", help="cache of graph files")
    ap.add_argument("--worker", nargs=2, metavar=("GRAPH", "BACKEND"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker[0], args.worker[1], args.cap, args.repeat)))
        return 0
    from kg.store_synth import write_synthetic

    work = Path(args.work)
    print(f"SPARQL stores, median of up to {args.repeat} runs; rdflib capped at {args.cap:g} s; "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    for size in args.sizes.split(","):
        n = parse_size(size)
        path = work / f"kg-{label(n)}.nt"
        if not path.exists():
            write_synthetic(path, n)
        res = {b: run_worker(path, b, args.cap, args.repeat) for b in args.backends.split(",")}
        report(label(n), res, args.cap)
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
