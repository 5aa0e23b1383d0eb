"""The rdflib backend: the in-memory Graph kg has always used (slow joins, no extra deps)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery

from .store import Answer, QueryError, Store, StoreError, one_line
from .store_terms import Term, canonical, convert_rows, literal

_PARSERS = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig"}


def to_term(t) -> Term | None:
    if t is None:
        return None
    if isinstance(t, Literal):
        if t.datatype is None:
            return literal(str(t), t.language, None)
        value, dtype = canonical(str(t), str(t.datatype))
        return literal(value, t.language, dtype)
    if isinstance(t, BNode):
        return Term("bnode", str(t))
    if isinstance(t, URIRef):
        return Term("uri", str(t))
    raise QueryError(f"unsupported RDF term in a result: {type(t).__name__}")


def solutions(res, columns: list) -> Iterator[tuple]:
    """Every solution as a tuple of terms, lazily, the empty ones too.

    Iterating an rdflib Result drops solutions that bind no projected variable
    (``SELECT ?x WHERE {}`` has one solution, it yields none); its generator of
    bindings does not, and Oxigraph counts them as SPARQL says.
    """
    pending = res._genbindings  # the public .bindings would build the whole list first
    for b in pending if pending is not None else res._bindings:
        yield tuple([b.get(v) for v in columns])


def load_graph(path: Path) -> Graph:
    fmt = _PARSERS[path.suffix.lower()]
    g: Graph = Dataset(default_union=True) if fmt in ("nquads", "trig") else Graph()
    try:
        g.parse(path, format=fmt)
    except Exception as err:  # rdflib raises many parser-specific errors
        raise StoreError(f"{path}: cannot read graph ({one_line(err)[:300]})") from err
    return g


class RdflibStore(Store):
    backend = "rdflib"

    def __init__(self, source: Graph | Path) -> None:
        self.graph = source if isinstance(source, Graph) else load_graph(source)

    def __len__(self) -> int:
        return len(self.graph)

    def _answer(self, sparql: str) -> Answer:
        try:
            parsed = parseQuery(sparql)
            prepared = translateQuery(parsed)
        except Exception as err:  # pyparsing's ParseException and rdflib's own errors
            raise self._syntax(sparql, err) from None
        try:
            res = self.graph.query(prepared)
        except Exception as err:
            raise QueryError(f"SPARQL error: {one_line(err)}") from err
        form = res.type.lower()
        if form == "ask":
            return Answer(form, [], boolean=bool(res.askAnswer))
        if form == "select":
            columns = list(res.vars)
            if "projection" not in parsed[1]:  # SELECT *: Oxigraph's column order, by name
                columns.sort()
            rows = convert_rows(solutions(res, columns), to_term)
            return Answer(form, [str(v) for v in columns], rows=rows)
        return Answer(form, [], triples=((to_term(s), to_term(p), to_term(o))
                                         for s, p, o in res.graph))
