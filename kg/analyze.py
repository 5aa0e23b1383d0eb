"""Network analysis of the entity graph: who is most connected, which groups belong together.

Works on an undirected projection of :meth:`KnowledgeGraph.to_networkx` (entities and the
shortcut edges between them) where an edge's weight is the number of facts behind it, so a
tie stated in three articles counts more than one found once. Everything is sorted and the
community detection seeded, so the same graph always gives the same report.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import networkx as nx
from rdflib import Graph, URIRef

from .dataset import SHORTCUTS
from .namespaces import KG, RDF

SEED = 42
TYPES = {"Organization": "organisations", "Place": "places", "Person": "people"}


@dataclass(frozen=True)
class Ranked:
    """An entity with its number of neighbours and the facts that mention it."""

    iri: str
    label: str
    type: str
    degree: int
    facts: int


@dataclass
class Analysis:
    nodes: int = 0
    edges: int = 0
    components: int = 0
    largest_component: int = 0
    isolated: int = 0
    by_type: dict[str, int] = field(default_factory=dict)
    top: dict[str, list[Ranked]] = field(default_factory=dict)
    communities: list[list[Ranked]] = field(default_factory=list)

    def text(self, members: int = 5) -> str:
        """The report ``kg analyze`` prints."""
        types = ", ".join(f"{k} {v}" for k, v in self.by_type.items())
        lines = [f"entities: {self.nodes} ({types})",
                 f"links: {self.edges}",
                 f"connected components: {self.components} (largest {self.largest_component} "
                 f"entities, {self.isolated} entities without links)"]
        for kind, ranked in self.top.items():
            lines.append(f"\nmost connected {TYPES.get(kind, kind)} (links, facts):")
            lines += [f"  {r.label}  {r.degree}, {r.facts}" for r in ranked]
        lines.append(f"\ncommunities: {len(self.communities)} (of 2 or more entities)")
        for i, comm in enumerate(self.communities, 1):
            names = "、".join(r.label for r in comm[:members])
            more = f" … (+{len(comm) - members})" if len(comm) > members else ""
            lines.append(f"  {i}. {len(comm)} entities: {names}{more}")
        return "\n".join(lines) + "\n"


def fact_counts(graph: Graph) -> Counter[str]:
    """How many facts name each entity (as person, member, organisation, place, event...)."""
    props = {p for pair in SHORTCUTS for p in pair[:2]}
    counts: Counter[str] = Counter()
    for fact in graph.subjects(RDF.type, KG.Fact):
        for entity in {o for p in props for o in graph.objects(fact, p) if isinstance(o, URIRef)}:
            counts[str(entity)] += 1
    return counts


def edge_facts(graph: Graph) -> Counter[tuple[str, str, str]]:
    """The number of facts behind each shortcut triple (subject, predicate, object)."""
    counts: Counter[tuple[str, str, str]] = Counter()
    for fact in graph.subjects(RDF.type, KG.Fact):
        for subj_p, obj_p, pred in SHORTCUTS:
            for s in graph.objects(fact, subj_p):
                for o in graph.objects(fact, obj_p):
                    counts[(str(s), str(pred), str(o))] += 1
    return counts


def project(graph: Graph) -> nx.Graph:
    """Undirected entity graph; ``weight`` = facts behind the link (1 for gazetteer links)."""
    from .html import to_networkx

    multi = to_networkx(graph)
    per_edge = edge_facts(graph)
    facts = fact_counts(graph)
    out = nx.Graph()
    for node, data in sorted(multi.nodes(data=True)):
        out.add_node(node, label=data["label"], type=data["type"] or "", facts=facts[node])
    weights: Counter[tuple[str, str]] = Counter()
    for u, v, key in multi.edges(keys=True):
        if u != v:
            weights[tuple(sorted((u, v)))] += max(1, per_edge[(u, key, v)])
    for (u, v), w in sorted(weights.items()):
        out.add_edge(u, v, weight=w)
    return out


def _ranked(g: nx.Graph, node: str) -> Ranked:
    d = g.nodes[node]
    return Ranked(node, d["label"], d["type"], g.degree(node), d["facts"])


def _order(r: Ranked) -> tuple:
    return (-r.degree, -r.facts, r.label, r.iri)


def top_entities(g: nx.Graph, kind: str, n: int = 10) -> list[Ranked]:
    """The ``n`` entities of a type with most links (ties: most facts, then by name)."""
    ranked = [_ranked(g, node) for node, t in g.nodes(data="type") if t == kind]
    return sorted((r for r in ranked if r.degree), key=_order)[:n]


def communities(g: nx.Graph, seed: int = SEED) -> list[list[Ranked]]:
    """Louvain communities (weighted, seeded) of 2+ entities, biggest first, members ranked."""
    linked = g.subgraph(sorted(n for n in g if g.degree(n))).copy()
    if not linked.number_of_edges():
        return []
    found = nx.community.louvain_communities(linked, weight="weight", seed=seed)
    out = [sorted((_ranked(g, n) for n in comm), key=_order) for comm in found if len(comm) > 1]
    return sorted(out, key=lambda c: (-len(c), _order(c[0])))


def analyze(graph, top: int = 10) -> Analysis:
    """Stats, the most connected organisations, places and people, and communities."""
    g = project(getattr(graph, "graph", graph))
    comps = sorted((len(c) for c in nx.connected_components(g)), reverse=True)
    by_type = Counter(t or "other" for _n, t in g.nodes(data="type"))
    return Analysis(
        nodes=g.number_of_nodes(),
        edges=g.number_of_edges(),
        components=len(comps),
        largest_component=comps[0] if comps else 0,
        isolated=sum(1 for n in g if not g.degree(n)),
        by_type=dict(sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0]))),
        top={kind: top_entities(g, kind, top) for kind in TYPES},
        communities=communities(g),
    )
