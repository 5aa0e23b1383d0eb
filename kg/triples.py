"""A plain set of triples indexed by subject: what a build makes, and what its outputs read.

Why not an rdflib Graph: adding a triple to one costs about 20 µs (store, contexts,
events), so a 1,000x corpus (two million triples) spent most of its build there,
and the explorer's graph queries another large share. Here a triple costs a few
dictionary operations; the rdflib Graph is made only when asked for (SPARQL,
SHACL, users' code). The lookups the explorer needs (``objects``, ``value``,
``subjects``, ``subject_objects``, ``predicate_objects``) have rdflib's names and
meaning, so the same code reads either.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rdflib import Graph
from rdflib.term import Node

from .namespaces import PREFIXES

Triple = tuple[Node, Node, Node]
Objects = dict[Node, None]  # an ordered set


class Triples:
    """Triples as subject → predicate → objects; each triple once, in the order added."""

    def __init__(self, triples: Iterable[Triple] = ()) -> None:
        self.spo: dict[Node, dict[Node, Objects]] = {}
        self._len = 0
        self._by_pred: dict[Node, dict[Node, list[Node]]] = {}  # predicate → object → subjects
        for t in triples:
            self.add(t)

    @classmethod
    def of(cls, graph: Graph | Triples) -> Triples:
        """``graph`` itself when it is a Triples, else its triples copied."""
        return graph if isinstance(graph, Triples) else cls(graph)

    def add(self, triple: Triple) -> None:
        s, p, o = triple
        preds = self.spo.get(s)
        if preds is None:
            preds = self.spo[s] = {}
        objs = preds.get(p)
        if objs is None:
            objs = preds[p] = {}
        if o not in objs:
            objs[o] = None
            self._len += 1
            if self._by_pred:
                self._by_pred = {}

    def __len__(self) -> int:
        return self._len

    def __iter__(self) -> Iterator[Triple]:
        for s, preds in self.spo.items():
            for p, objs in preds.items():
                for o in objs:
                    yield s, p, o

    def __contains__(self, triple: Triple) -> bool:
        s, p, o = triple
        return o in self.spo.get(s, {}).get(p, ())

    def has(self, subject: Node, predicate: Node) -> bool:
        """Whether ``subject`` has any value for ``predicate``."""
        return bool(self.spo.get(subject, {}).get(predicate))

    def objects(self, subject: Node, predicate: Node) -> list[Node]:
        return list(self.spo.get(subject, {}).get(predicate, ()))

    def value(self, subject: Node, predicate: Node) -> Node | None:
        """One object (the first added), or None."""
        return next(iter(self.spo.get(subject, {}).get(predicate, ())), None)

    def predicate_objects(self, subject: Node) -> Iterator[tuple[Node, Node]]:
        for p, objs in self.spo.get(subject, {}).items():
            for o in objs:
                yield p, o

    def _index(self, predicate: Node) -> dict[Node, list[Node]]:
        """object → subjects of one predicate, made on first use after a change: only the
        predicates asked about are indexed (hashing every literal of the graph, as an
        index of all of them did, cost 0.3 s at 200,000 triples)."""
        by_obj = self._by_pred.get(predicate)
        if by_obj is None:
            by_obj = {}
            for s, preds in self.spo.items():
                objs = preds.get(predicate)
                if objs:
                    for o in objs:
                        subs = by_obj.get(o)
                        if subs is None:
                            by_obj[o] = [s]
                        else:
                            subs.append(s)
            self._by_pred[predicate] = by_obj
        return by_obj

    def subjects(self, predicate: Node, obj: Node) -> list[Node]:
        return list(self._index(predicate).get(obj, ()))

    def subject_objects(self, predicate: Node) -> list[tuple[Node, Node]]:
        return [(s, o) for o, subs in self._index(predicate).items() for s in subs]

    def graph(self) -> Graph:
        """An rdflib Graph of the same triples, with kg's prefixes bound."""
        g = Graph()
        for prefix, ns in PREFIXES.items():
            g.bind(prefix, str(ns), override=True)
        g.addN((s, p, o, g) for s, p, o in self)
        return g
