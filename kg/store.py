"""SPARQL stores: one read-only query interface over rdflib and Oxigraph (pyoxigraph).

The CLI (``kg query``) and the SPARQL server go through :func:`open_store`, so
both backends answer the same queries with the same result bytes: Oxigraph writes
SELECT results itself and kg/store_format.py writes rdflib's in the same bytes
(everything else is written there for both). What is refused (updates,
SERVICE, FROM) is decided in kg/store_check.py; time limits are enforced by
running the query in a forked child that is killed on timeout (kg/forked.py
says why). ``auto`` picks Oxigraph whenever pyoxigraph is installed: it loads a
graph about 14x faster than rdflib and answered every query 8-83x faster (CPU time)
at every size measured, 10k to 1M triples (benchmarks/sparql.py, README "SPARQL stores").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .forked import WorkerDied, WorkerTimeout, run_with_timeout
from .query import QueryError as _BaseQueryError
from .store_check import classify_failure, refusal
from .store_format import (
    CONTENT_TYPES,
    GRAPH_FORMATS,
    SELECT_FORMATS,
    ask_bytes,
    graph_bytes,
    pick_format,
    select_bytes,
)
from .store_terms import Term

BACKENDS = ("rdflib", "oxigraph")
RDF_SUFFIXES = (".ttl", ".nt", ".nq", ".trig")
__all__ = ["BACKENDS", "GRAPH_FORMATS", "SELECT_FORMATS", "QueryError", "QueryOutput",
           "QueryRefused", "QuerySyntaxError", "QueryTimeout", "Store", "StoreError",
           "open_store"]


class QueryError(_BaseQueryError):
    """A query the store will not or cannot answer; str() is one line."""


class QuerySyntaxError(QueryError):
    """A malformed query; the message is the parser's."""


class QueryRefused(QueryError):
    """SPARQL Update, LOAD, SERVICE (unless allowed), FROM: the store is read-only and local."""


class QueryTimeout(QueryError):
    """The query ran past its time limit (and was stopped)."""


class StoreError(Exception):
    """A graph that cannot be opened; str() names the file and the problem."""


@dataclass
class QueryOutput:
    form: str  # "select" | "ask" | "construct" | "describe"
    content_type: str
    body: bytes
    rows: int  # solutions (select), 1 (ask), triples (graph forms)
    truncated: bool  # True when the row cap cut the result


@dataclass
class Answer:
    """A backend's answer in neutral terms, before serialisation."""

    form: str
    names: list[str]
    rows: Iterator[tuple[Term | None, ...]] | None = None
    boolean: bool = False
    triples: Iterator[tuple[Term, Term, Term]] | None = None


def one_line(err: BaseException) -> str:
    return " ".join(str(err).split()) or type(err).__name__


def _take(items: Iterable, cap: int | None) -> tuple[list, bool]:
    """The first ``cap`` items and whether more were left; evaluation errors are QueryErrors."""
    out = []
    try:
        for item in items:
            if cap is not None and len(out) >= cap:
                return out, True
            out.append(item)
    except QueryError:
        raise
    except Exception as err:  # both engines evaluate lazily, so errors surface here
        raise QueryError(f"SPARQL error: {one_line(err)}") from err
    return out, False


class Store:
    """A read-only SPARQL store; one subclass per backend implements ``_answer``."""

    backend: str = ""

    def __len__(self) -> int:
        raise NotImplementedError

    def _answer(self, sparql: str) -> Answer:
        """Run a checked query; raise QuerySyntaxError with the parser's message."""
        raise NotImplementedError

    def _check(self, sparql: str, allow_service: bool) -> None:
        why = refusal(sparql, allow_service)
        if why:
            raise QueryRefused(why)

    def _syntax(self, sparql: str, err: BaseException) -> QueryError:
        why = classify_failure(sparql)
        if why:
            return QueryRefused(why)
        return QuerySyntaxError(one_line(err))

    def _native(self, sparql: str, fmt: str, max_rows: int | None) -> QueryOutput | None:
        """The engine's own serialisation of a SELECT result, when it writes kg's bytes."""
        return None

    def _run(self, sparql: str, fmt: str, max_rows: int | None) -> QueryOutput:
        out = self._native(sparql, fmt, max_rows)
        if out is not None:
            return out
        ans = self._answer(sparql)
        fmt = pick_format(ans.form, fmt)
        if ans.form == "select":
            rows, cut = _take(ans.rows, max_rows)
            body = select_bytes(ans.names, rows, fmt)
            n = len(rows)
        elif ans.form == "ask":
            body, n, cut = ask_bytes(ans.boolean, fmt), 1, False
        else:
            triples, cut = _take(ans.triples, max_rows)
            body, n = graph_bytes(triples, fmt), len(triples)
        return QueryOutput(ans.form, CONTENT_TYPES[fmt], body, n, cut)

    def query(self, sparql: str, fmt: str = "json", *, timeout: float | None = None,
              max_rows: int | None = None, allow_service: bool = False) -> QueryOutput:
        """Run a read-only query and serialise the result as ``fmt``.

        ``timeout`` (seconds) runs it in a forked child that is killed when time is
        up (QueryTimeout); ``max_rows`` keeps the first rows and sets ``truncated``.
        """
        if fmt not in SELECT_FORMATS + GRAPH_FORMATS:
            raise QueryError(f"unknown result format {fmt!r}: use one of "
                             f"{', '.join(SELECT_FORMATS + GRAPH_FORMATS)}")
        self._check(sparql, allow_service)
        if timeout is None:
            return self._run(sparql, fmt, max_rows)
        try:
            return run_with_timeout(lambda: self._run(sparql, fmt, max_rows), timeout)
        except WorkerTimeout:
            raise QueryTimeout(f"query stopped after the {timeout:g} s time limit") from None
        except WorkerDied as err:
            raise QueryError(str(err)) from None

    def table(self, sparql: str) -> tuple[str, list[str], list[list[str]]]:
        """(form, column names, rows of plain strings); unbound is ''.

        ASK gives one ``boolean`` column; graph forms give subject/predicate/object.
        """
        self._check(sparql, False)
        ans = self._answer(sparql)
        if ans.form == "ask":
            return ans.form, ["boolean"], [["true" if ans.boolean else "false"]]
        if ans.form != "select":
            triples, _ = _take(ans.triples, None)
            return ans.form, ["subject", "predicate", "object"], [
                [s.value, p.value, o.value] for s, p, o in triples]
        rows, _ = _take(ans.rows, None)
        return ans.form, ans.names, [["" if t is None else t.value for t in r] for r in rows]

    def rows(self, sparql: str) -> list[dict[str, str]]:
        """Solutions as dicts of plain strings; unbound variables are ''."""
        _, names, cells = self.table(sparql)
        return [dict(zip(names, r, strict=True)) for r in cells]


def _graph_file(path: Path) -> Path:
    if path.is_dir():
        path = path / "graph.ttl"
    if not path.exists():
        raise StoreError(f"{path}: no such graph (run `kg build` first)")
    if path.suffix.lower() not in RDF_SUFFIXES:
        raise StoreError(f"{path}: not an RDF file (expected {', '.join(RDF_SUFFIXES)})")
    return path


def have_oxigraph() -> bool:
    try:
        import pyoxigraph  # noqa: F401
    except ImportError:
        return False
    return True


def open_store(path_or_graph, backend: str = "auto") -> Store:
    """A store over a .ttl/.nt/.nq/.trig file, an output dir (its graph.ttl) or an rdflib Graph.

    ``auto`` is Oxigraph when pyoxigraph is installed, else rdflib: Oxigraph loaded
    faster and answered every query faster at every size measured. An rdflib Graph
    is copied into Oxigraph (about 6 ms CPU per 1,000 triples, less than one rdflib
    query on the same graph costs).
    """
    from rdflib import Graph

    if backend not in BACKENDS + ("auto",):
        raise StoreError(f"unknown store backend {backend!r}: use auto, {', '.join(BACKENDS)}")
    if backend == "auto":
        backend = "oxigraph" if have_oxigraph() else "rdflib"
    if backend == "oxigraph" and not have_oxigraph():
        raise StoreError("the oxigraph backend needs pyoxigraph (pip install pyoxigraph)")
    source = path_or_graph if isinstance(path_or_graph, Graph) else _graph_file(Path(path_or_graph))
    if backend == "rdflib":
        from .store_rdflib import RdflibStore

        return RdflibStore(source)
    from .store_oxigraph import OxigraphStore

    return OxigraphStore(source)
