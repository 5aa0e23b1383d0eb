"""Map extraction over documents: in this process, in worker processes or on Dask.

Extraction is per document, so it parallelises by document (a huge document by
piece: ``kg.bigdoc``). Every executor runs
the same function, ``extract_one``, which loads the pipeline once per process
(``kg.nlp.get_pipeline`` is cached per process: about 800 MB and a few seconds) and
never per document. Documents are streamed: at most a small window of them is in
flight at once, and results come back in input order, so the graph does not depend
on the number of workers or on which worker finished first. Worker processes start only
when there is enough to extract (``OnDemand``): a rebuild that changed a few documents
extracts them in this process.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from typing import Protocol

from .model import DocResult, Document

WORKER_MEMORY = 1_200_000_000  # bytes one worker needs: pkuseg model + a piece of a document
# fewer characters to extract than this: in this process, no workers (``OnDemand``)
INLINE_CHARS = 50_000
Outcome = DocResult | str  # a result, or a one-line reason the document failed


def extract_one(doc: Document) -> Outcome:
    """Extract one document, or one piece of a huge one (the caller cuts: ``kg.bigdoc``),
    with this process's pipeline; a failure becomes its reason."""
    from .extract.run import extract_document
    from .nlp import get_pipeline

    try:
        return extract_document(doc, get_pipeline())
    except Exception as err:  # one bad document must not spoil the build
        return f"extraction failed ({type(err).__name__}: {' '.join(str(err).split())[:200]})"


def _warm() -> int:
    """Load the pipeline in a fresh worker before any document arrives, and make the worker
    end with ``os._exit(0)`` when the interpreter exits: freeing the pipeline object by
    object cost 0.76 s before the build could go on (100x, -j2). The price: the worker's
    exit status is always 0 and atexit handlers registered before this one do not run; a
    worker that dies mid-task is still seen by the pool (its process ends), so no document
    is lost unnoticed. The loaded pipeline is then frozen out of the garbage collector's
    reach (``gc.freeze``): it lives as long as the worker, and the collector's passes over
    it cost a tenth of extraction's CPU."""
    import atexit
    import gc

    from .nlp import get_pipeline

    get_pipeline()
    gc.collect()
    gc.freeze()
    atexit.register(os._exit, 0)
    return os.getpid()


class Executor(Protocol):
    """Runs ``fn`` over ``items`` and yields the results in input order."""

    def map(self, fn: Callable[[Document], Outcome],
            items: Iterable[Document]) -> Iterator[Outcome]: ...

    def close(self, abort: bool = False) -> None: ...


class InProcess:
    """No workers: extraction in this process (the pipeline loads here)."""

    jobs = 1

    def map(self, fn, items):
        return map(fn, items)

    def close(self, abort: bool = False) -> None:
        pass


class ProcessPool:
    """``jobs`` local worker processes, each loading the pipeline once."""

    def __init__(self, jobs: int) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.jobs = jobs
        # spawn: a clean interpreter per worker, no copy of the parent's state or threads
        ctx = multiprocessing.get_context("spawn")
        self.pool = ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_warm)

    def map(self, fn, items):
        return _windowed(self.pool.submit, lambda fut: fut.result(), fn, items, 2 * self.jobs)

    def close(self, abort: bool = False) -> None:
        """Wait for the workers; ``abort`` (an error, Ctrl-C): stop them at once."""
        if abort and hasattr(self.pool, "terminate_workers"):  # Python 3.14
            self.pool.terminate_workers()
        elif abort:  # before shutdown(), which forgets the processes
            workers = list((getattr(self.pool, "_processes", None) or {}).values())
            self.pool.shutdown(wait=False, cancel_futures=True)
            for proc in workers:
                proc.terminate()
        self.pool.shutdown(wait=True, cancel_futures=True)


class OnDemand:
    """``jobs`` worker processes, started only when there is enough to extract.

    Why: a rebuild that finds all but a few documents in the cache would spend more on
    starting workers (each loads the pipeline) than on extracting them. The documents to
    extract (the cache misses) are looked at first, up to ``inline`` characters: if
    there are no more, they are extracted in this process and no worker starts. The
    results are the same either way."""

    def __init__(self, jobs: int, inline: int = INLINE_CHARS,
                 on_start: Callable[[], object] | None = None) -> None:
        self.jobs = jobs
        self.inline = inline
        self.on_start = on_start  # called as the workers start
        self.pool: ProcessPool | None = None

    def map(self, fn, items):
        items = iter(items)
        ahead: list[Document] = []
        size = 0
        for item in items:
            ahead.append(item)
            size += len(item.text)
            if size >= self.inline:
                break
        else:  # all of them, and few: here
            self.jobs = 1
            return map(fn, ahead)
        self.pool = ProcessPool(self.jobs)
        if self.on_start is not None:
            self.on_start()
        return self.pool.map(fn, chain(ahead, items))

    def close(self, abort: bool = False) -> None:
        if self.pool is not None:
            self.pool.close(abort)


class DaskExecutor:
    """Dask.distributed workers: ``tcp://host:port`` of a scheduler, or ``local``."""

    def __init__(self, address: str, jobs: int | None = None) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as err:
            raise RuntimeError("kg: --scheduler needs dask: pip install 'kg[dask]'") from err
        self.cluster = None
        if address == "local":
            self.cluster = LocalCluster(n_workers=jobs or default_jobs(), threads_per_worker=1,
                                        processes=True, dashboard_address=None)
            address = self.cluster.scheduler_address
        self.client = Client(address)
        self.jobs = max(1, sum(self.client.nthreads().values()))

    def map(self, fn, items):
        submit = lambda f, doc: self.client.submit(f, doc, pure=False)  # noqa: E731
        return _windowed(submit, lambda fut: fut.result(), fn, items, 2 * self.jobs)

    def close(self, abort: bool = False) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _windowed(submit, result, fn, items, window: int) -> Iterator[Outcome]:
    """Keep ``window`` tasks in flight; yield results in input order as they are done."""
    pending: deque = deque()
    for item in items:
        pending.append(submit(fn, item))
        if len(pending) >= window:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())


def available_memory() -> int | None:
    """Bytes of memory available now (Linux), or None when unknown."""
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def default_jobs() -> int:
    """One worker per core, but no more than available memory holds (``WORKER_MEMORY`` each)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    jobs = cores or 1
    mem = available_memory()
    if mem is not None:
        jobs = min(jobs, max(1, mem // WORKER_MEMORY))
    return max(1, jobs)


def make_executor(jobs: int | None = None, scheduler: str | None = None,
                  inline: int = INLINE_CHARS,
                  on_start: Callable[[], object] | None = None) -> Executor:
    """The executor for ``--jobs``/``--scheduler``: Dask, worker processes (when there are
    at least ``inline`` characters to extract: ``OnDemand``, which calls ``on_start`` as
    they start) or this process."""
    if scheduler:
        return DaskExecutor(scheduler, jobs)
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    return InProcess() if jobs == 1 else OnDemand(jobs, inline, on_start)
