"""What the explorer shows, read from the RDF graph: entities, their links and provenance.

Entities become nodes, shortcut triples (kg:delegateTo, org:memberOf, …) edges.
For the side panel each node also gets its literal properties, aliases, the
regions and honours used by the filters, and the facts naming it with the
source sentences they were derived from.
"""

from __future__ import annotations

import os
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

import networkx as nx
from rdflib import Graph, Literal, URIRef

from kg import namespaces as ns
from kg.namespaces import PREFIXES, Terms
from kg.triples import Triples

# the terms used, looked up once each (see namespaces.Terms)
KG, ORG, PROV, RDF, RDFS, SDO, SKOS = map(
    Terms, (ns.KG, ns.ORG, ns.PROV, ns.RDF, ns.RDFS, ns.SDO, ns.SKOS))
GraphLike = Graph | Triples  # both answer the lookups used here, with the same meaning
_NAMESPACES = tuple((str(namespace), prefix) for prefix, namespace in PREFIXES.items())

# type key -> (rdf classes, Chinese name, vis shape, colour, legend glyph)
NODE_TYPES: dict[str, tuple[tuple[URIRef, ...], str, str, str, str]] = {
    "Person": ((SDO.Person,), "人物", "dot", "#4e79a7", "●"),
    "Place": ((SDO.Place, SDO.AdministrativeArea), "地点", "triangle", "#59a14f", "▲"),
    "Organization": ((SDO.Organization, ORG.Organization), "机构", "square", "#f28e2b", "■"),
    "Event": ((SDO.Event,), "事件", "star", "#e15759", "★"),
    "Honour": ((KG.Honour,), "荣誉", "diamond", "#b07aa1", "◆"),
}
# shortcut triples drawn as edges, with their Chinese edge labels
EDGE_LABELS: dict[URIRef, str] = {
    KG.delegateTo: "代表",
    ORG.memberOf: "任职",
    KG.region: "地区",
    KG.received: "荣誉",
    SDO.containedInPlace: "属于",
    ORG.subOrganizationOf: "下级",
    SDO.location: "地点",
}
# fact classes (most specific first) and their names in the panel
FACT_KINDS: dict[URIRef, str] = {
    KG.DelegateFact: "代表", ORG.Membership: "任职", KG.RegionFact: "地区",
    KG.HonourFact: "荣誉", KG.EventFact: "事件", KG.StatisticalObservation: "统计",
}
# fact -> participant properties, in the order a summary names them
FACT_ROLES = (KG.person, ORG.member, KG.title, ORG.organization, KG.event, KG.honour,
              KG.place, SDO.location, SDO.startDate, KG.measure, KG.count)
_LABELS = (SKOS.prefLabel, RDFS.label, SKOS.altLabel)
_DETAIL_ROLES = {**dict.fromkeys(_LABELS, "label"), KG.mentionedIn: "doc", RDF.type: "type"}


def label_of(graph: GraphLike, node: URIRef) -> str:
    """The display name: skos:prefLabel (Chinese first), then rdfs:label, then the IRI tail."""
    for prop in (SKOS.prefLabel, RDFS.label):
        labels = [o for o in graph.objects(node, prop) if isinstance(o, Literal)]
        if labels:
            zh = [str(o) for o in labels if (o.language or "").lower().startswith("zh")]
            return min(zh or [str(o) for o in labels])
    return str(node).rstrip("/").rsplit("/", 1)[-1]


@lru_cache(maxsize=4096)
def curie(iri: str) -> str:
    """A short name for a property (longest matching namespace wins)."""
    matches = [(len(ns), prefix) for ns, prefix in _NAMESPACES if iri.startswith(ns)]
    if not matches:
        return iri
    length, prefix = max(matches)
    return f"{prefix}:{iri[length:]}"


def _node_type(types: set[URIRef]) -> str | None:
    for key, (classes, *_rest) in NODE_TYPES.items():
        if types.intersection(classes):
            return key
    return None


def _membership_titles(graph: GraphLike) -> dict[tuple[str, str], list[str]]:
    """Titles per (person, organisation) from org:Membership facts, for memberOf edge labels."""
    titles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for fact in graph.subjects(RDF.type, ORG.Membership):
        person = graph.value(fact, ORG.member)
        org = graph.value(fact, ORG.organization)
        if person is None or org is None:
            continue
        found = {str(t) for t in graph.objects(fact, KG.title)}
        role = graph.value(fact, ORG.role)
        if not found and isinstance(role, URIRef):
            found = {str(t) for t in graph.objects(role, SKOS.prefLabel)}
        titles[(str(person), str(org))].update(t for t in found if t)
    return {pair: sorted(found) for pair, found in titles.items()}


def to_networkx(graph: GraphLike) -> nx.MultiDiGraph:
    """Entities as nodes and shortcut triples as labelled edges, in sorted (stable) order."""
    types: dict[URIRef, set[URIRef]] = defaultdict(set)
    wanted = {c for classes, *_rest in NODE_TYPES.values() for c in classes}
    for cls in wanted:
        for subject in graph.subjects(RDF.type, cls):
            if isinstance(subject, URIRef):
                types[subject].add(cls)
    out = nx.MultiDiGraph()
    for node in sorted(types, key=str):
        kind = _node_type(types[node])
        label = label_of(graph, node)
        aliases = sorted({str(a) for a in graph.objects(node, SKOS.altLabel)} - {label})
        out.add_node(str(node), label=label, type=kind, aliases=tuple(aliases), iri=str(node))
    titles = _membership_titles(graph)
    edges = []
    for pred, name in EDGE_LABELS.items():
        for s, o in graph.subject_objects(pred):
            source, target = str(s), str(o)
            if source not in out or target not in out:
                continue
            found = titles.get((source, target), []) if pred == ORG.memberOf else []
            label = f"{name}：{'、'.join(found)}" if found else name
            edges.append((source, target, str(pred), label, tuple(found)))
    for source, target, pred, label, found in sorted(edges):
        out.add_edge(source, target, key=pred, predicate=pred, label=label, titles=found)
    return out


def doc_href(source_path: str, base: Path | None) -> str:
    """A link to a source file: relative to the page's folder, else a file: URI.

    Relative links keep working when the output folder and the corpus move
    together; percent-encoding leaves no scheme (no ``javascript:``) in the link.
    """
    if not source_path:
        return ""
    if base is None:
        path = Path(source_path)
        return path.as_uri() if path.is_absolute() else quote(path.as_posix())
    rel = os.path.relpath(os.path.abspath(source_path), os.path.abspath(base))
    return quote(Path(rel).as_posix())


class GraphSources:
    """The documents, sentences and quotes facts come from, read from the graph.

    A build gives the explorer another object with these methods, which answers
    from what it resolved instead of from triples it may not have made.
    """

    def __init__(self, graph: GraphLike) -> None:
        self.graph = graph

    def document(self, doc: URIRef) -> tuple[str, str]:
        """The document's name and source path ("" when unknown)."""
        g = self.graph
        return str(g.value(doc, SDO.name) or ""), str(g.value(doc, KG.sourcePath) or "")

    def sentence(self, sentence: URIRef) -> tuple[object, str]:
        """The sentence's document (None when unknown) and text."""
        g = self.graph
        return g.value(sentence, KG.document), str(g.value(sentence, RDF.value) or "")

    def evidence(self, ev: URIRef) -> tuple[str, object, object]:
        """The quote of a piece of evidence, its sentence and its document (or None)."""
        g = self.graph
        return (str(g.value(ev, KG.quote) or ""), g.value(ev, KG.sentence),
                g.value(ev, KG.document))


class Provenance:
    """Facts, sentences and documents of a graph, numbered in first-use order for the page."""

    def __init__(self, graph: GraphLike, labels: dict[str, str], base: Path | None,
                 sources: GraphSources | None = None) -> None:
        self.graph, self.labels, self.base = graph, labels, base
        self.sources = sources or GraphSources(graph)
        self.facts: list[list] = []
        self.sentences: list[list] = []
        self.docs: list[list[str]] = []
        self._fact_ix: dict[URIRef, int] = {}
        self._sent_ix: dict[URIRef, int] = {}
        self._doc_ix: dict[URIRef, int] = {}
        self._fact_types: dict[URIRef, set[URIRef]] = defaultdict(set)
        for cls in FACT_KINDS:
            for fact in graph.subjects(RDF.type, cls):
                self._fact_types[fact].add(cls)
        self.by_node: dict[str, set[URIRef]] = defaultdict(set)
        roles = set(FACT_ROLES)
        for fact in graph.subjects(RDF.type, KG.Fact):
            for role, obj in graph.predicate_objects(fact):
                if role in roles and isinstance(obj, URIRef):
                    self.by_node[str(obj)].add(fact)

    def _label(self, node: object) -> str:
        if isinstance(node, URIRef):
            return self.labels.get(str(node)) or label_of(self.graph, node)
        return str(node)

    def doc(self, doc: URIRef) -> int:
        if doc not in self._doc_ix:
            name, path = self.sources.document(doc)
            self._doc_ix[doc] = len(self.docs)
            self.docs.append([name or curie(str(doc)), doc_href(path, self.base), str(doc)])
        return self._doc_ix[doc]

    def _sentence(self, sentence: URIRef) -> int:
        if sentence not in self._sent_ix:
            doc, text = self.sources.sentence(sentence)
            self._sent_ix[sentence] = len(self.sentences)
            self.sentences.append([text, self.doc(doc) if isinstance(doc, URIRef) else -1])
        return self._sent_ix[sentence]

    def fact(self, fact: URIRef) -> int:
        """Index of a fact row: [kind, summary, [[quote, sentence index, document index]…]]."""
        if fact in self._fact_ix:
            return self._fact_ix[fact]
        g = self.graph
        kinds = self._fact_types.get(fact, set())
        kind = next((name for cls, name in FACT_KINDS.items() if cls in kinds), "事实")
        values: dict[object, list] = defaultdict(list)  # one lookup, not one per role
        for pred, obj in g.predicate_objects(fact):
            values[pred].append(obj)
        parts = [self._label(o) for role in FACT_ROLES for o in sorted(values.get(role, ()))]
        evidence = []
        for ev in sorted(values.get(PROV.wasDerivedFrom, ())):
            quote, sentence, doc = self.sources.evidence(ev)
            evidence.append([quote,
                             self._sentence(sentence) if isinstance(sentence, URIRef) else -1,
                             self.doc(doc) if isinstance(doc, URIRef) else -1])
        self._fact_ix[fact] = len(self.facts)
        self.facts.append([kind, " · ".join(dict.fromkeys(p for p in parts if p)), evidence])
        return self._fact_ix[fact]

    def details(self, node: str) -> dict[str, list]:
        """Panel data of one entity: literal properties, facts, documents that mention it."""
        g, subject = self.graph, URIRef(node)
        props, docs = [], []
        for pred, obj in g.predicate_objects(subject):
            role = _DETAIL_ROLES.get(pred)  # a dict: rdflib's == on terms is slow Python
            if role == "label":
                continue
            if role == "doc" and isinstance(obj, URIRef):
                docs.append(obj)
            elif isinstance(obj, Literal):
                props.append([curie(str(pred)), str(obj)])
            elif role == "type":
                props.append(["rdf:type", curie(str(obj))])
        return {"p": sorted(props),
                "f": [self.fact(f) for f in sorted(self.by_node.get(node, ()))],
                "d": [self.doc(d) for d in sorted(docs)]}


Groups = dict[str, set[str]]


def memberships(graph: GraphLike, nxg: nx.MultiDiGraph) -> tuple[Groups, Groups]:
    """Region places (with their ancestors) and honours of each node, for the page's filters."""
    parents: dict[str, set[str]] = defaultdict(set)
    for s, o in graph.subject_objects(SDO.containedInPlace):
        parents[str(s)].add(str(o))

    def ancestors(place: str) -> set[str]:
        seen, todo = {place}, [place]
        while todo:
            for p in parents.get(todo.pop(), ()):
                if p not in seen:
                    seen.add(p)
                    todo.append(p)
        return seen

    regions: dict[str, set[str]] = defaultdict(set)
    honours: dict[str, set[str]] = defaultdict(set)
    cache: dict[str, set[str]] = {}
    for u, v, pred in nxg.edges(data="predicate"):
        if pred == str(KG.region):
            if v not in cache:
                cache[v] = {a for a in ancestors(v) if a in nxg}
            regions[u] |= cache[v]
        elif pred == str(KG.received):
            honours[u].add(v)
    return regions, honours
