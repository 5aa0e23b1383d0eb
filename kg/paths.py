"""How two entities are connected: shortest paths with the facts and quotes behind each step.

Entities are found by name or alias (exact first, then as part of a name); a name that fits
several entities is an error listing them, so the user can be more precise. Steps follow the
shortcut edges of :meth:`KnowledgeGraph.to_networkx`; each is explained by the facts that
state it (with the sentence they were read from) or by the gazetteer for place hierarchy.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx
from rdflib import Graph, URIRef

from .dataset import SHORTCUTS
from .namespaces import KG, ORG, PROV, SDO

PHRASES = {
    KG.delegateTo: "delegate to",
    ORG.memberOf: "member of",
    KG.region: "from",
    KG.received: "received",
    SDO.containedInPlace: "located in",
    SDO.location: "held in",
    ORG.subOrganizationOf: "part of",
}
MAX_PATHS = 3
MAX_SOURCES = 3  # quotes shown per step


class PathError(Exception):
    """A name that matches no entity or several; str() is one line."""


@dataclass(frozen=True)
class Source:
    quote: str
    document: str
    sentence: str


@dataclass
class Step:
    """One edge along a path, read in the direction the path walks it."""

    source: str
    target: str
    predicate: str
    phrase: str
    forward: bool  # False: the graph states target -predicate-> source
    sources: list[Source] = field(default_factory=list)

    def arrow(self) -> str:
        return f"—{self.phrase}→" if self.forward else f"←{self.phrase}—"


@dataclass
class Connection:
    start: str
    end: str
    labels: dict[str, str]
    paths: list[list[list[Step]]]  # path -> hop -> the edges between the hop's two entities

    def text(self) -> str:
        a, b = self.labels[self.start], self.labels[self.end]
        if not self.paths:
            return f"{a} and {b} are not connected\n"
        hops = len(self.paths[0])
        lines = [f"{a} → {b}: {hops} step(s), {len(self.paths)} shortest path(s)"]
        for i, path in enumerate(self.paths, 1):
            chain = self.labels[path[0][0].source]
            for hop in path:
                chain += f" {hop[0].arrow()} {self.labels[hop[0].target]}"
            lines.append(f"\n{i}. {chain}")
            for step in (step for hop in path for step in hop):
                lines.append(f"   {self.labels[step.source]} {step.arrow()} "
                             f"{self.labels[step.target]}")
                for src in step.sources[:MAX_SOURCES]:
                    where = f"{src.document}, sentence {src.sentence}" if src.document else ""
                    lines.append(f"     “{src.quote}” ({where})" if src.quote else
                                 f"     ({where or 'gazetteer of administrative divisions'})")
                if len(step.sources) > MAX_SOURCES:
                    lines.append(f"     … {len(step.sources) - MAX_SOURCES} more source(s)")
                if not step.sources:
                    lines.append("     (gazetteer of administrative divisions)"
                                 if step.predicate == str(SDO.containedInPlace) else
                                 "     (no fact recorded)")
        return "\n".join(lines) + "\n"


def _names(multi: nx.MultiDiGraph) -> dict[str, list[str]]:
    return {n: [d["label"], *d.get("aliases", ())] for n, d in multi.nodes(data=True)}


def find_entity(multi: nx.MultiDiGraph, name: str) -> str:
    """The one entity called ``name`` (label or alias; else the one whose name contains it)."""
    names = _names(multi)
    name = name.strip()
    found: list[str] = []
    tiers = (lambda ns: ns[0] == name, lambda ns: name in ns, lambda ns: any(name in x for x in ns))
    for matches in tiers:  # the label itself, then an alias, then part of a name
        found = sorted(n for n, ns in names.items() if name and matches(ns))
        if found:
            break
    if not found:
        raise PathError(f"no entity named {name!r} (try `kg query entities`)")
    if len(found) > 1:
        shown = "; ".join(f"{multi.nodes[n]['label']} ({multi.nodes[n]['type']}, {n})"
                          for n in found[:8])
        more = f"; … {len(found) - 8} more" if len(found) > 8 else ""
        raise PathError(f"{name!r} is ambiguous, it matches {len(found)} entities: {shown}{more}")
    return found[0]


def _sources(graph: Graph, s: str, pred: str, o: str) -> tuple[list[Source], list[str]]:
    """The evidence of the facts stating (s, pred, o), and role titles for org:memberOf."""
    out, titles = [], set()
    for subj_p, obj_p, short in SHORTCUTS:
        if str(short) != pred:
            continue
        facts = set(graph.subjects(subj_p, URIRef(s))) & set(graph.subjects(obj_p, URIRef(o)))
        for fact in facts:
            titles |= {str(t) for t in graph.objects(fact, KG.title)}
            for ev in graph.objects(fact, PROV.wasDerivedFrom):
                doc = graph.value(ev, KG.document)
                sent = graph.value(ev, KG.sentence)
                out.append(Source(
                    quote=str(graph.value(ev, KG.quote) or ""),
                    document=str(graph.value(doc, SDO.name) or doc or ""),
                    sentence=str(graph.value(sent, KG.index) or "") if sent is not None else ""))
    uniq = sorted(set(out), key=lambda x: (x.document, int(x.sentence or 0), x.quote))
    return uniq, sorted(titles)


def _steps(graph: Graph, multi: nx.MultiDiGraph, u: str, v: str) -> list[Step]:
    steps = []
    for a, b, forward in ((u, v, True), (v, u, False)):
        for key in sorted(multi.get_edge_data(a, b, default={})):
            sources, titles = _sources(graph, a, key, b)
            phrase = PHRASES.get(URIRef(key), key.rsplit("#", 1)[-1].rsplit("/", 1)[-1])
            if titles:
                phrase = f"{'、'.join(titles)} at"
            steps.append(Step(u, v, key, phrase, forward, sources))
    return steps


def connect(graph, a: str, b: str, limit: int = MAX_PATHS) -> Connection:
    """The shortest path(s) between the entities named ``a`` and ``b``, step by step."""
    from .html import to_networkx

    rdf: Graph = getattr(graph, "graph", graph)
    multi = to_networkx(rdf)
    start, end = find_entity(multi, a), find_entity(multi, b)
    labels = {n: d["label"] for n, d in multi.nodes(data=True)}
    simple = nx.Graph()
    simple.add_nodes_from(sorted(multi))
    simple.add_edges_from(sorted({tuple(sorted((u, v))) for u, v in multi.edges() if u != v}))
    if start == end:
        raise PathError(f"{a!r} and {b!r} are the same entity ({labels[start]})")
    try:
        found = sorted(nx.all_shortest_paths(simple, start, end))[:limit]
    except nx.NetworkXNoPath:
        found = []
    paths = []
    for nodes in found:
        path = []
        for u, v in zip(nodes, nodes[1:], strict=False):
            path.append(_steps(rdf, multi, u, v))
        paths.append(path)
    return Connection(start, end, labels, paths)
