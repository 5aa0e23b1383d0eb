"""Figures for "past one machine": per-core extraction speed and load speed into Virtuoso.

    python benchmarks/scale.py [--copies 40] [--passes 20]

1. extraction: the bundled sample corpus through ``extract_document``, ``--passes`` times,
   in this one process (= one core), model load timed apart; prints characters/s, by the
   clock and per CPU second.
2. loading: the sample graph split per document (``kg.dataset``) and copied ``--copies``
   times under fresh IRIs (so the store's dictionary grows as with new articles), into a
   throwaway Virtuoso (tests/virtuoso.py): ``kg.push`` per document graph (1 and 4
   connections), ``kg.push``
   into one graph in 50k-triple batches, and the bulk loader (``ld_dir`` +
   ``rdf_loader_run``) on one N-Quads shard; prints triples/s for each.
The machine may be shared: the load average is printed with the figures.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Dataset, URIRef

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from virtuoso import PASSWORD, USER, VIRTUOSO, running_virtuoso  # noqa: E402

from kg.namespaces import ID  # noqa: E402


def extraction(passes: int):
    from kg.build import build
    from kg.extract.run import extract_document
    from kg.nlp import get_pipeline
    from kg.read import read_all
    from kg.resources import SAMPLE_DIR

    t = time.perf_counter()
    nlp = get_pipeline()
    load = time.perf_counter() - t
    docs, _ = read_all([SAMPLE_DIR])
    chars = sum(len(d.text) for d in docs)
    extract_document(docs[0], nlp)  # warm caches
    t, cpu = time.perf_counter(), time.process_time()
    for _ in range(passes):
        for d in docs:
            extract_document(d, nlp)
    secs, cpu = time.perf_counter() - t, time.process_time() - cpu
    print(f"model load: {load:.1f} s")
    print(f"extraction: {passes} x {len(docs)} documents, {passes * chars:,} characters in "
          f"{secs:.1f} s = {passes * chars / secs:,.0f} characters/s on one core "
          f"({passes * len(docs) / secs:.1f} documents/s); {passes * chars / cpu:,.0f} "
          f"characters per CPU second (less sensitive to a busy machine)")
    return build().graph


def copies(graph, n: int) -> Dataset:
    """``n`` copies of the per-document dataset, every kg IRI suffixed with the copy number."""
    from kg.dataset import to_dataset

    base = str(ID)
    ds = to_dataset(graph)
    out = Dataset()
    for k in range(n):
        def ren(term, k=k):
            return URIRef(f"{term}-c{k}") if isinstance(term, URIRef) and term.startswith(base) \
                else term
        for g in ds.graphs():
            if len(g):
                target = out.graph(ren(g.identifier))
                for s, p, o in g:
                    target.add((ren(s), p, ren(o)))
    return out


def loading(ds: Dataset) -> None:
    from kg.push import push

    quads = sum(len(g) for g in ds.graphs())
    with tempfile.TemporaryDirectory() as tmp, running_virtuoso(Path(tmp) / "db") as v:
        r = push(ds, v.crud_auth, user=USER, password=PASSWORD, graph_iri="urn:bench:doc/")
        print(f"push, one request per document graph: {r.summary()}")
        r = push(ds, v.crud_auth, user=USER, password=PASSWORD, graph_iri="urn:bench:four/",
                 workers=4)
        print(f"push, one request per document graph, 4 workers: {r.summary()}")
        r = push(ds, v.crud_auth, user=USER, password=PASSWORD, graph_iri="urn:bench:one",
                 single=True)
        print(f"push, one graph in 50k-triple batches: {r.summary()}")
        shard = v.root / "shard.nq"
        shard.write_bytes(ds.serialize(format="nquads", encoding="utf-8"))
        t = time.perf_counter()
        v.isql(f"ld_dir('{v.root}', 'shard.nq', 'urn:bench:default'); rdf_loader_run(); "
               "checkpoint;")
        secs = time.perf_counter() - t
        print(f"bulk load (ld_dir + rdf_loader_run + checkpoint) of one N-Quads shard: "
              f"{quads:,} quads, {shard.stat().st_size / 1e6:.1f} MB in {secs:.1f} s = "
              f"{quads / secs:,.0f} quads/s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--copies", type=int, default=40)
    ap.add_argument("--passes", type=int, default=20)
    args = ap.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    graph = extraction(args.passes)
    if VIRTUOSO is None:
        print("virtuoso-t not installed: no load figures")
        return
    ds = copies(graph, args.copies)
    print(f"dataset: {sum(1 for g in ds.graphs() if len(g))} named graphs, "
          f"{sum(len(g) for g in ds.graphs()):,} quads")
    loading(ds)
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
