"""KnowledgeGraph: the built graph with its views (SPARQL, networkx, HTML, Turtle)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx
from rdflib import Graph

from .forked import in_background
from .gcpause import gc_paused
from .io import write_atomic
from .query import format_result, query_text, run
from .triples import Triples

if TYPE_CHECKING:
    from .fragments import BuiltGraph

ENTITY_CLASSES = ("Person", "Place", "Organization", "Event")


def turtle(graph: Graph | Triples) -> str:
    """Turtle with sorted output: the same graph always gives the same bytes."""
    from .turtle import TurtleWriter

    return TurtleWriter().document(Triples.of(graph).spo)


@dataclass
class BuildReport:
    documents: int = 0
    characters: int = 0
    skipped: list[str] = field(default_factory=list)
    entities: dict[str, int] = field(default_factory=dict)
    facts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    extracted: int = 0  # documents run through extraction this time
    cached: int = 0  # documents whose extraction came from the cache
    jobs: int = 1  # extraction workers

    def summary(self) -> str:
        ents = ", ".join(f"{k} {v}" for k, v in self.entities.items())
        facts = ", ".join(f"{k} {v}" for k, v in self.facts.items())
        lines = [f"documents read: {self.documents} ({self.characters:,} characters)",
                 f"entities: {sum(self.entities.values())} ({ents})",
                 f"facts: {sum(self.facts.values())} ({facts})",
                 f"time: {self.seconds:.1f} s (extracted {self.extracted}, cached "
                 f"{self.cached}, {self.jobs} worker{'s' if self.jobs > 1 else ''})"]
        if self.skipped:
            lines.insert(1, f"skipped: {len(self.skipped)} file(s)")
            lines += [f"  skipped {s}" for s in self.skipped]
        return "\n".join(lines)


class KnowledgeGraph:
    """An rdflib graph of entities and facts, with the ways users look at it.

    A build hands over its parts (``kg.fragments.BuiltGraph``) or plain ``Triples``;
    the files are written from those, and the rdflib Graph is made the first time
    ``.graph`` is used (seconds for a big corpus). From then on it is the graph every
    view reads, so changes made to it show.
    """

    def __init__(self, graph: Graph | Triples | BuiltGraph,
                 report: BuildReport | None = None) -> None:
        self._graph = graph if isinstance(graph, Graph) else None
        self._source = None if isinstance(graph, Graph) else graph
        self.report = report or BuildReport()

    @property
    def graph(self) -> Graph:
        if self._graph is None:
            self._graph = self.triples.graph()
            self._source = None
        return self._graph

    @property
    def triples(self) -> Triples:
        """The triples, indexed for the explorer and the Turtle writer."""
        if self._source is None:
            return Triples.of(self._graph)
        return self._source if isinstance(self._source, Triples) else self._source.triples()

    @property
    def _built(self) -> BuiltGraph | None:
        return None if isinstance(self._source, Triples | None) else self._source

    @classmethod
    def load(cls, path: str | Path) -> KnowledgeGraph:
        path = Path(path)
        if path.is_dir():
            path = path / "graph.ttl"
        if not path.exists():
            raise FileNotFoundError(f"{path}: no such graph (run `kg build` first)")
        g = Graph()
        g.parse(path, format="turtle")
        return cls(g)

    def __len__(self) -> int:
        return len(self._source) if self._source is not None else len(self._graph)

    def query(self, spec: str):
        """Run a named query, a .rq file or SPARQL text; returns an rdflib Result."""
        return run(self.graph, query_text(spec))

    def query_text(self, spec: str, fmt: str = "table") -> str:
        return format_result(self.query(spec), fmt)

    def rows(self, spec: str) -> list[dict[str, str]]:
        """Result rows as plain dicts of strings (unbound variables as '')."""
        res = self.query(spec)
        return [{str(v): ("" if r[v] is None else str(r[v])) for v in res.vars} for r in res]

    def to_networkx(self) -> nx.MultiDiGraph:
        from .html import to_networkx

        return to_networkx(self.triples)

    def to_html(self, path: str | Path, title: str = "kg") -> Path:
        from .html import write_html

        if self._built is not None:
            return self._built.write_html(path, title=title)
        return write_html(self.triples, path, title=title)

    def turtle(self) -> str:
        return self._built.turtle() if self._built is not None else turtle(self.triples)

    def save(self, out_dir: str | Path, title: str = "kg") -> dict[str, Path]:
        """Write graph.ttl and graph.html into ``out_dir``, each atomically."""
        out = Path(out_dir)
        if self._built is None:
            ttl = write_atomic(out / "graph.ttl", self.turtle())
            return {"turtle": ttl, "html": self.to_html(out / "graph.html", title=title)}
        # A build's page needs only the shared triples: a forked child writes it on the
        # other core while this process makes the documents' Turtle (kg/forked.py).
        with gc_paused():
            page = in_background(lambda: self.to_html(out / "graph.html", title=title))
            try:
                ttl = write_atomic(out / "graph.ttl", self.turtle())
            finally:
                html = page()
        return {"turtle": ttl, "html": html}
