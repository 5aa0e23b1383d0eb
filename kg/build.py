"""The whole build: read → normalise → extract → resolve → RDF."""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from .graph import ENTITY_CLASSES, BuildReport, KnowledgeGraph
from .model import DocResult
from .read import ReadError, read_all
from .resources import SAMPLE_DIR

FACT_NAMES = {"delegate": "delegates", "role": "roles", "region": "regions",
              "honour": "honours", "stat": "statistics", "event": "event details"}


def extract_all(docs, *, progress: bool = False) -> tuple[list[DocResult], list[str]]:
    """Extract every document; one that fails is reported and skipped."""
    from .extract.run import extract_document
    from .nlp import get_pipeline

    nlp = get_pipeline()
    results, skipped = [], []
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=sum(len(d.text) for d in docs), unit="char", unit_scale=True,
                   desc="extracting", file=sys.stderr, leave=False)
    for doc in docs:
        try:
            results.append(extract_document(doc, nlp))
        except Exception as err:  # one bad document must not spoil the build
            skipped.append(f"{doc.name}: extraction failed ({type(err).__name__}: {err})")
        if bar:
            bar.update(len(doc.text))
    if bar:
        bar.close()
    return results, skipped


def build(paths: Iterable[str | Path] | None = None, *, progress: bool = False,
          strict: bool = False) -> KnowledgeGraph:
    """Build the knowledge graph of the given files and folders (default: the sample corpus)."""
    from .rdfmap import to_rdf
    from .resolve import resolve

    started = time.perf_counter()
    paths = list(paths) if paths else [SAMPLE_DIR]
    docs, errors = read_all(paths, strict=strict)
    report = BuildReport(documents=len(docs), characters=sum(len(d.text) for d in docs))
    report.skipped = [_skip_line(e) for e in errors]
    results, failed = extract_all(docs, progress=progress)
    report.skipped += failed
    report.documents = len(results)
    resolved = resolve(results)
    graph = to_rdf(resolved)
    counts = Counter(e.type for e in resolved.entities.values() if e.docs)
    report.entities = {t: counts.get(t, 0) for t in ENTITY_CLASSES}
    kinds = Counter(f.kind for f in resolved.facts.values())
    report.facts = {FACT_NAMES[k]: kinds.get(k, 0) for k in FACT_NAMES}
    report.seconds = time.perf_counter() - started
    return KnowledgeGraph(graph, report)


def _skip_line(err: ReadError) -> str:
    return f"{Path(str(err.path)).name}: {err.reason}"
