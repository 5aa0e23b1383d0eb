"""The Oxigraph backend (pyoxigraph): a Rust SPARQL engine with indexed joins.

The graph is held in Oxigraph's in-memory store. Named graphs in .nq/.trig files
are queried as one union default graph, as the rdflib backend does.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from .store import Answer, QueryError, Store, StoreError, one_line
from .store_check import first_keyword
from .store_format import Term, convert_rows, iri_term, literal

_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES,
            ".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG}


def to_term(t) -> Term | None:
    if t is None:
        return None
    cls = type(t)
    if cls is ox.NamedNode:
        return iri_term(t.value)
    if cls is ox.Literal:
        return literal(t.value, t.language, t.datatype.value)
    if cls is ox.BlankNode:
        return Term("bnode", t.value)
    raise QueryError(f"unsupported RDF term in a result: {cls.__name__}")


def load_store(source: Graph | Path) -> tuple[ox.Store, bool]:
    """An in-memory Oxigraph store, and whether it holds named graphs (query their union)."""
    store = ox.Store()
    if isinstance(source, Graph):
        data = source.serialize(format="nt", encoding="utf-8")
        store.bulk_load(data, ox.RdfFormat.N_TRIPLES)
        return store, False
    fmt = _FORMATS[source.suffix.lower()]
    try:
        store.bulk_load(path=str(source), format=fmt)
    except (SyntaxError, OSError, ValueError) as err:
        raise StoreError(f"{source}: cannot read graph ({one_line(err)[:300]})") from err
    return store, fmt.supports_datasets


class OxigraphStore(Store):
    backend = "oxigraph"

    def __init__(self, source: Graph | Path) -> None:
        self.store, self.union = load_store(source)

    def __len__(self) -> int:
        return len(self.store)

    def _answer(self, sparql: str) -> Answer:
        try:
            res = self.store.query(sparql, use_default_graph_as_union=self.union)
        except SyntaxError as err:
            raise self._syntax(sparql, err) from None
        except (OSError, ValueError, RuntimeError) as err:
            raise QueryError(f"SPARQL error: {one_line(err)}") from err
        if isinstance(res, ox.QueryBoolean):
            return Answer("ask", [], boolean=bool(res))
        if isinstance(res, ox.QuerySolutions):
            names = [v.value for v in res.variables]
            return Answer("select", names, rows=convert_rows(res, to_term))
        form = "describe" if first_keyword(sparql) == "DESCRIBE" else "construct"
        return Answer(form, [], triples=((to_term(t.subject), to_term(t.predicate),
                                          to_term(t.object)) for t in res))

