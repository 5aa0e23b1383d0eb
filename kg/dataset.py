"""Split the knowledge graph into named graphs, one per source document.

Why: a triple store (or a TriG/N-Quads file) can then answer "what did this
article say?" and drop or replace one article's facts without touching the rest.

Layout (the union of all named graphs is exactly the input graph):

- graph ``<document IRI>``: the document's own triples, its sentences and
  evidence nodes, every fact supported by evidence from it (a fact found in two
  articles is in both graphs; its ``prov:wasDerivedFrom`` links go only to the
  graph of the evidence they point at), the shortcut triples those facts imply
  (``person kg:delegateTo event``, ``person org:memberOf org``, ...) and the
  ``kg:mentionedIn`` links of entities to the document.
- graph ``SHARED_GRAPH``: everything else, i.e. what no single document owns:
  entity types, labels, aliases, mention counts, the place hierarchy, roles.

The default graph of the returned Dataset is left empty.
"""

from __future__ import annotations

from collections import defaultdict

from rdflib import Dataset, Graph, URIRef
from rdflib.term import Node

from .namespaces import ID, KG, ORG, PREFIXES, PROV, RDF, SDO

SHARED_GRAPH = ID["graph/shared"]

# (fact -> subject property, fact -> object property, shortcut predicate on the subject):
# a fact node with both links implies the shortcut triple (subject, predicate, object).
SHORTCUTS: tuple[tuple[URIRef, URIRef, URIRef], ...] = (
    (KG.person, KG.event, KG.delegateTo),
    (ORG.member, ORG.organization, ORG.memberOf),
    (KG.person, KG.place, KG.region),
    (KG.person, KG.honour, KG.received),
    (KG.event, SDO.startDate, SDO.startDate),
    (KG.event, SDO.location, SDO.location),
)

Triple = tuple[Node, Node, Node]


def documents(graph: Graph) -> list[URIRef]:
    """The document IRIs of a graph, sorted."""
    docs = {d for d in graph.subjects(RDF.type, SDO.NewsArticle) if isinstance(d, URIRef)}
    docs |= {d for d in graph.objects(None, KG.document) if isinstance(d, URIRef)}
    return sorted(docs)


def _homes(graph: Graph) -> dict[Node, set[URIRef]]:
    """For each document-bound node (document, sentence, evidence, fact), its documents."""
    home: dict[Node, set[URIRef]] = defaultdict(set)
    for d in documents(graph):
        home[d].add(d)
    for node, doc in graph.subject_objects(KG.document):
        if isinstance(doc, URIRef):
            home[node].add(doc)
    for fact, ev in graph.subject_objects(PROV.wasDerivedFrom):
        home[fact] |= home.get(ev, set())
    return home


def _shortcut_homes(graph: Graph, home: dict[Node, set[URIRef]]) -> dict[Triple, set[URIRef]]:
    out: dict[Triple, set[URIRef]] = defaultdict(set)
    for fact in graph.subjects(RDF.type, KG.Fact):
        docs = home.get(fact)
        if not docs:
            continue
        for subj_p, obj_p, pred in SHORTCUTS:
            for s in graph.objects(fact, subj_p):
                for o in graph.objects(fact, obj_p):
                    if (s, pred, o) in graph:
                        out[(s, pred, o)] |= docs
    return out


def graphs_of(graph: Graph) -> dict[Triple, set[URIRef]]:
    """Each triple of ``graph`` with the named graph(s) it goes into."""
    home = _homes(graph)
    shortcuts = _shortcut_homes(graph, home)
    placed: dict[Triple, set[URIRef]] = {}
    for t in graph:
        s, p, o = t
        if p == PROV.wasDerivedFrom and home.get(o):
            docs = home[o]
        elif t in shortcuts:
            docs = shortcuts[t]
        elif home.get(s):
            docs = home[s]
        elif p == KG.mentionedIn and isinstance(o, URIRef):
            docs = {o}
        else:
            docs = {SHARED_GRAPH}
        placed[t] = docs
    return placed


def to_dataset(graph: Graph) -> Dataset:
    """The same triples as ``graph``, split into per-document named graphs plus a shared one."""
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, str(ns), override=True)
    named: dict[URIRef, Graph] = {}
    for t, docs in graphs_of(graph).items():
        for d in docs:
            if d not in named:
                named[d] = ds.graph(d)
            named[d].add(t)
    return ds
