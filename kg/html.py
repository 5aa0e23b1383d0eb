"""The HTML explorer of a kg graph: one offline, self-contained page (vis-network).

Public entry points: ``write_html`` (the whole graph), ``write_neighbourhood``
(one entity and what lies within ``depth`` links of it) and ``to_networkx``.
Reading the RDF is in kg/explorer_model.py, positions for big graphs in
kg/explorer_layout.py, the page itself in kg/explorer_page.py and kg/data/web/.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
from rdflib import Graph

from kg.explorer_model import EDGE_LABELS, NODE_TYPES, GraphSources, to_networkx
from kg.explorer_page import LAYOUT_THRESHOLD, payload, render
from kg.io import write_atomic
from kg.triples import Triples

__all__ = ["EDGE_LABELS", "LAYOUT_THRESHOLD", "NODE_TYPES", "EntityLookupError", "find_entity",
           "neighbourhood", "render_html", "to_networkx", "write_html", "write_neighbourhood"]


class EntityLookupError(LookupError):
    """No entity, or more than one, has the name asked for; ``str()`` is one line."""


def render_html(graph: Graph | Triples, *, title: str = "kg", base: Path | None = None,
                sources: GraphSources | None = None) -> str:
    """The page as a string; ``base`` is the page's folder, for relative document links.

    ``sources``: where the documents, sentences and quotes of facts are read from, when
    not from ``graph`` (a build has them without making their triples)."""
    graph = Triples.of(graph)  # one pass over an rdflib Graph, then dictionary lookups
    nxg = to_networkx(graph)
    return render(payload(graph, nxg, title=title, base=base, sources=sources), nxg)


def write_html(graph: Graph | Triples, path: str | Path, *, title: str = "kg",
               sources: GraphSources | None = None) -> Path:
    """Render ``graph`` to a standalone HTML file at ``path`` (atomically) and return the path."""
    target = Path(path)
    return write_atomic(target, render_html(graph, title=title, base=target.parent,
                                            sources=sources))


def find_entity(nxg: nx.MultiDiGraph, name: str) -> str:
    """The IRI of the one entity whose name or alias is ``name`` (or whose IRI it is)."""
    wanted = name.strip()
    if wanted in nxg:
        return wanted
    hits = sorted(n for n, d in nxg.nodes(data=True)
                  if wanted == d["label"] or wanted in d["aliases"])
    if len(hits) > 1:
        labels = [d["label"] for d in (nxg.nodes[h] for h in hits)]
        exact = [h for h, label in zip(hits, labels, strict=True) if label == wanted]
        if len(exact) == 1:
            return exact[0]
        listed = "; ".join(f"{nxg.nodes[h]['label']} ({nxg.nodes[h]['type']}, {h})"
                           for h in hits[:10]) + ("; …" if len(hits) > 10 else "")
        raise EntityLookupError(f"{name!r} is ambiguous: {len(hits)} entities match: {listed}")
    if hits:
        return hits[0]
    near = sorted({d["label"] for _n, d in nxg.nodes(data=True)
                   if wanted and (wanted in d["label"] or any(wanted in a for a in d["aliases"]))})
    hint = f"; did you mean: {'、'.join(near[:10])}" if near else ""
    raise EntityLookupError(f"no entity named {name!r} in the graph{hint}")


def neighbourhood(graph: Graph | Triples, name: str,
                  depth: int = 1) -> tuple[str, nx.MultiDiGraph]:
    """The entity called ``name`` and the subgraph of entities within ``depth`` links of it."""
    nxg = to_networkx(Triples.of(graph))
    centre = find_entity(nxg, name)
    near = nx.single_source_shortest_path_length(nxg.to_undirected(as_view=True), centre,
                                                 cutoff=max(0, depth))
    return centre, nxg.subgraph(sorted(near)).copy()


def write_neighbourhood(graph: Graph | Triples, name: str, path: str | Path, *, depth: int = 1,
                        title: str | None = None) -> Path:
    """A page of one entity's neighbourhood, opened with that entity selected.

    Raises EntityLookupError when no entity or several share the name.
    """
    graph = Triples.of(graph)
    centre, sub = neighbourhood(graph, name, depth)
    target = Path(path)
    label = sub.nodes[centre]["label"]
    data = payload(graph, sub, title=title or f"{label}（{depth} 度关系）", base=target.parent,
                   focus=centre)
    return write_atomic(target, render(data, sub))
