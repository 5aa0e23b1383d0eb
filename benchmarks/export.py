"""Time every export format, `analyze` and `to_dataset` on the sample graph scaled up.

    python benchmarks/export.py                 # sample graph x 1, 10, 40
    python benchmarks/export.py --graph output/graph.ttl --copies 1 5

A larger graph is made by copying the sample graph with every resource IRI suffixed by the
copy number (so the copies are disjoint graphs of the same shape). Prints triples, seconds
and output size per format.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Graph, URIRef

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.analyze import analyze  # noqa: E402
from kg.dataset import to_dataset  # noqa: E402
from kg.export import FORMATS, export  # noqa: E402
from kg.namespaces import ID  # noqa: E402


def scaled(graph: Graph, copies: int) -> Graph:
    if copies == 1:
        return graph
    out = Graph()
    for prefix, ns in graph.namespaces():
        out.bind(prefix, ns)

    def rename(term, i):
        if isinstance(term, URIRef) and str(term).startswith(str(ID)):
            return URIRef(f"{term}~{i}")
        return term

    for i in range(copies):
        for s, p, o in graph:
            out.add((rename(s, i), p, rename(o, i)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", help="graph.ttl (default: build the sample corpus)")
    ap.add_argument("--copies", type=int, nargs="+", default=[1, 10, 40])
    args = ap.parse_args()
    if args.graph:
        base = Graph().parse(args.graph)
    else:
        import kg

        with tempfile.TemporaryDirectory() as tmp:
            kg.build().save(tmp)
            base = Graph().parse(Path(tmp) / "graph.ttl")
    print(f"{'copies':>6} {'triples':>8} {'step':>10} {'seconds':>8} {'size':>12}")
    for copies in args.copies:
        g = scaled(base, copies)
        n = len(g)
        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            to_dataset(g)
            print(f"{copies:>6} {n:>8} {'dataset':>10} {time.perf_counter() - t:>8.2f}")
            t = time.perf_counter()
            analyze(g)
            print(f"{copies:>6} {n:>8} {'analyze':>10} {time.perf_counter() - t:>8.2f}")
            for fmt in FORMATS:
                target = Path(tmp) / (f"out.{fmt}" if fmt != "csv" else "tables.zip")
                t = time.perf_counter()
                export(g, fmt, target)
                secs = time.perf_counter() - t
                size = target.stat().st_size
                print(f"{copies:>6} {n:>8} {fmt:>10} {secs:>8.2f} {size:>12,}")


if __name__ == "__main__":
    main()
