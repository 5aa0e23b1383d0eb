"""The whole build: read → normalise → extract → resolve → RDF.

Documents are read one at a time and streamed to the extraction executor (this
process, worker processes or Dask workers: ``kg.parallel``), a huge one as pieces
(``kg.bigdoc``); results already in the extraction cache (``kg.cache``) skip
extraction. Results are kept in input order, so the graph is the same whatever the
number of workers and whatever is cached.
"""

from __future__ import annotations

import sys
import threading
import time
import types
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from pathlib import Path

from .bigdoc import SEGMENT, Assembly
from .cache import ExtractionCache
from .gcpause import gc_paused
from .graph import ENTITY_CLASSES, BuildReport, KnowledgeGraph
from .model import DocResult, Document
from .parallel import INLINE_CHARS, Executor, extract_one, make_executor
from .read import ReadError, iter_documents
from .resources import SAMPLE_DIR

FACT_NAMES = {"delegate": "delegates", "role": "roles", "region": "regions",
              "honour": "honours", "stat": "statistics", "event": "event details"}


def extract_all(docs: Iterable[Document], *, executor: Executor | None = None,
                cache: ExtractionCache | None = None, report: BuildReport | None = None,
                progress: bool = False, segment: int = SEGMENT) -> list[DocResult]:
    """Results of every document in input order: from the cache or extracted.

    A document longer than ``segment`` characters goes to extraction as pieces
    (``kg.bigdoc``), each a task of its own: the workers share a huge file, and the
    cache keeps each piece. A document that fails is reported in ``report.skipped``
    and left out.
    """
    report = report if report is not None else BuildReport()
    executor = executor or make_executor(1)
    done: dict[int, DocResult] = {}
    building: dict[int, Assembly] = {}  # documents with pieces still to come, by position
    waiting: deque[tuple[int, int]] = deque()  # (position, piece number) sent to extraction

    def add(i: int, number: int, part: DocResult) -> None:
        parts = building[i]
        parts.add(number, part)
        if parts.done:
            del building[i]
            done[i] = parts.result
            if parts.extracted:
                report.extracted += 1
            else:
                report.cached += 1

    def misses() -> Iterator[Document]:
        for i, doc in enumerate(docs):
            report.documents += 1
            report.characters += len(doc.text)
            building[i] = parts = Assembly(doc, segment)
            for number, piece in enumerate(parts.pieces()):
                if i not in building:  # an earlier piece failed: the document is skipped
                    break
                hit = cache.get(piece) if cache else None
                if hit is None:
                    waiting.append((i, number))
                    yield piece
                else:
                    add(i, number, hit)
                    _tick(bar, piece)

    bar = _bar() if progress else None
    for outcome in executor.map(extract_one, misses()):
        i, number = waiting.popleft()
        parts = building.get(i)
        if parts is None:  # a piece of a document that has already failed
            continue
        if isinstance(outcome, str):
            del building[i]
            report.skipped.append(_one_line(f"{parts.doc.name}: {outcome}"))
            continue
        parts.extracted = True
        if cache:
            try:
                cache.put(outcome)
            except OSError as err:  # a full disk or read-only folder costs speed, not the build
                print(f"kg: cache off: {err}", file=sys.stderr)
                cache = None
        _tick(bar, outcome.doc)
        add(i, number, outcome)
    if bar:
        bar.close()
    return [done[i] for i in sorted(done)]


def _bar():
    from tqdm import tqdm

    return tqdm(unit="char", unit_scale=True, desc="extracting", file=sys.stderr, leave=False)


def _tick(bar, doc: Document) -> None:
    if bar is not None:
        bar.update(len(doc.text))


def build(paths: Iterable[str | Path] | None = None, *, progress: bool = False,
          strict: bool = False, jobs: int | None = 1, scheduler: str | None = None,
          cache: str | Path | None = None, segment: int = SEGMENT,
          inline: int = INLINE_CHARS) -> KnowledgeGraph:
    """Build the knowledge graph of the given files and folders (default: the sample corpus).

    ``jobs``: worker processes for extraction (None: one per core, as memory allows;
    1: in this process). ``scheduler``: a Dask scheduler address, or ``"local"``.
    ``cache``: a folder of cached extraction results and documents' own RDF (None: no cache).
    ``segment``: the longest piece of a document extracted at once (``kg.bigdoc``; tests make
    it small). ``inline``: with ``jobs`` > 1, documents to extract (not cached) of fewer
    characters than this in all are extracted in this process, starting no workers.
    """
    from .fragments import BuiltGraph
    from .resolve import resolve
    from .resolve_people import PairMemo

    started = time.perf_counter()
    paths = list(paths) if paths else [SAMPLE_DIR]
    report = BuildReport()

    def fail(err: ReadError) -> None:
        if strict:
            raise err
        report.skipped.append(_skip_line(err))

    if strict:  # fail on a bad file before the costly part starts
        for _ in iter_documents(paths, fail):
            pass
    store = ExtractionCache(cache) if cache is not None else None
    executor = make_executor(jobs, scheduler, inline, on_start=_prepare_later_stages)
    try:
        results = extract_all(iter_documents(paths, fail), executor=executor, cache=store,
                              report=report, progress=progress, segment=segment)
    except BaseException:
        executor.close(abort=True)
        raise
    executor.close()
    report.jobs = executor.jobs  # 1 when what was left to extract was done here
    report.documents = len(results)
    memo = PairMemo(cache) if cache is not None else None
    known = memo.load() if memo else None
    with gc_paused():
        resolved = resolve(results, known)
        del results  # mentions and facts, now resolved: not held while the graph is built
        if memo:
            memo.save(known)
        graph = BuiltGraph(resolved, cache)
    counts = Counter(e.type for e in resolved.entities.values() if e.docs)
    report.entities = {t: counts.get(t, 0) for t in ENTITY_CLASSES}
    kinds = Counter(f.kind for f in resolved.facts.values())
    report.facts = {FACT_NAMES[k]: kinds.get(k, 0) for k in FACT_NAMES}
    report.seconds = time.perf_counter() - started
    return KnowledgeGraph(graph, report)


def _prepare_later_stages() -> threading.Thread:
    """Import the modules of the stages after extraction and read the gazetteer, in a
    thread, while worker processes extract: this process would only wait for them, and
    it takes half a second that would otherwise come after extraction."""

    def prepare() -> None:
        from . import fragments, html, resolve  # noqa: F401
        from .resolve_facts import gazetteer

        gazetteer()

    thread = threading.Thread(target=prepare, name="kg-prepare", daemon=True)
    thread.start()
    return thread


def _skip_line(err: ReadError) -> str:
    return _one_line(f"{Path(str(err.path)).name}: {err.reason}")


def _one_line(text: str) -> str:
    """A file name may hold line breaks; a skip line may not."""
    return text.replace("\r", "\\r").replace("\n", "\\n")


class _CallableModule(types.ModuleType):
    """``kg.build(...)`` is the function, but importing this submodule rebinds the name
    ``kg.build`` to the module; calling the module calls the function, so both work."""

    def __call__(self, *args, **kwargs) -> KnowledgeGraph:
        return build(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
