"""SPARQL stores: one query interface over rdflib and Oxigraph (pyoxigraph).

The CLI (``kg query``) and the SPARQL server go through :func:`open_store`, so
both backends answer the same queries with the same result bytes. Results are
serialised here, not by the backends, so the formats do not depend on the backend.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .query import QueryError as _BaseQueryError

BACKENDS = ("rdflib", "oxigraph")
SELECT_FORMATS = ("json", "xml", "csv", "tsv")
GRAPH_FORMATS = ("turtle", "jsonld", "ntriples")


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


class Store:
    """A read-only SPARQL store; one subclass per backend."""

    backend: str = ""

    def __len__(self) -> int:
        raise NotImplementedError

    def query(self, sparql: str, fmt: str = "json", *, timeout: float | None = None,
              max_rows: int | None = None, allow_service: bool = False) -> QueryOutput:
        raise NotImplementedError

    def rows(self, sparql: str) -> list[dict[str, str]]:
        """Solutions as plain strings; unbound variables are ''."""
        raise NotImplementedError


def open_store(path_or_graph, backend: str = "auto") -> Store:
    """A store over a .ttl/.nt/.nq/.trig file, an output dir (its graph.ttl) or an rdflib Graph."""
    raise NotImplementedError(str(Path(".")))
