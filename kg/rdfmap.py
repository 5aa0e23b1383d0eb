"""Map resolved entities and facts to RDF (the model in ontology/README.md).

IRIs come from keys (division codes, names, hashes of what a fact says), so
the same input always gives the same graph. Places named in the text get
their ancestors from the gazetteer, so a query for a province reaches people
tied to its villages.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import quote

from rdflib import Graph, Literal, URIRef

from .lexicon import Gazetteer, Lexicon
from .model import Evidence
from .namespaces import ID, KG, ORG, PREFIXES, PROV, RDF, RDFS, SDO, SKOS, XSD
from .resolve import Entity, Resolved, ResolvedFact
from .resolve_facts import gazetteer

CLASSES = {
    "Person": [SDO.Person],
    "Place": [SDO.Place],
    "Organization": [SDO.Organization, ORG.Organization],
    "Event": [SDO.Event],
    "Honour": [KG.Honour],
}
_SAFE = re.compile(r"[^\w\-·/]", re.UNICODE)


def iri(key: str) -> URIRef:
    """A resource IRI from a key; characters outside words are percent-encoded."""
    return ID[_SAFE.sub(lambda m: quote(m.group(0), safe=""), key)]


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def new_graph() -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, str(ns) if not isinstance(ns, str) else ns, override=True)
    return g


def to_rdf(res: Resolved, lex: Lexicon | None = None) -> Graph:
    """The knowledge graph of a resolved corpus."""
    gaz = lex.gazetteer if lex is not None else gazetteer()
    g = new_graph()
    for doc in res.documents:
        _document(g, res, doc)
    for ent in res.entities.values():
        _entity(g, ent)
    _place_hierarchy(g, res, gaz)
    for fact in res.facts.values():
        _fact(g, res, fact)
    return g


def _document(g: Graph, res: Resolved, doc) -> None:
    d = iri(f"doc/{doc.doc_id}")
    g.add((d, RDF.type, SDO.NewsArticle))
    g.add((d, RDF.type, PROV.Entity))
    g.add((d, SDO.name, Literal(doc.name)))
    g.add((d, KG.sourcePath, Literal(doc.path)))
    g.add((d, KG.sha256, Literal(doc.sha256)))
    g.add((d, KG.encoding, Literal(doc.encoding)))
    g.add((d, KG.charCount, Literal(len(doc.text))))


def _sentence(g: Graph, res: Resolved, doc_id: str, index: int) -> URIRef:
    s = iri(f"doc/{doc_id}/s{index}")
    if (s, RDF.type, KG.Sentence) not in g:
        sent = res.sentences[doc_id][index]
        text = res.text_of(doc_id)
        g.add((s, RDF.type, KG.Sentence))
        g.add((s, KG.document, iri(f"doc/{doc_id}")))
        g.add((s, KG.index, Literal(index)))
        g.add((s, KG.startOffset, Literal(sent.start)))
        g.add((s, KG.endOffset, Literal(sent.end)))
        g.add((s, RDF.value, Literal(text[sent.start : sent.end])))
    return s


def _entity(g: Graph, ent: Entity) -> None:
    node = iri(ent.key)
    for cls in CLASSES[ent.type]:
        g.add((node, RDF.type, cls))
    if ent.type == "Place" and ent.attrs.get("code"):
        g.add((node, RDF.type, SDO.AdministrativeArea))
    g.add((node, SKOS.prefLabel, zh(ent.label)))
    g.add((node, RDFS.label, zh(ent.label)))
    for alias in ent.aliases:
        g.add((node, SKOS.altLabel, zh(alias)))
    mentions = sum(c for c in ent.forms.values() if c > 0)
    if mentions:
        g.add((node, KG.mentionCount, Literal(mentions)))
    for doc_id in sorted(ent.docs):
        g.add((node, KG.mentionedIn, iri(f"doc/{doc_id}")))
    for note in sorted(ent.notes):
        g.add((node, KG.mergeNote, zh(note)))
    if ent.type == "Place":
        g.add((node, KG.level, Literal(ent.attrs.get("level", "other"))))
        if ent.attrs.get("code"):
            g.add((node, KG.divisionCode, Literal(ent.attrs["code"])))
        if ent.parent:
            g.add((node, SDO.containedInPlace, iri(ent.parent)))


def _place_hierarchy(g: Graph, res: Resolved, gaz: Gazetteer) -> None:
    """Link coded places to their parents, adding unmentioned ancestors as nodes."""
    codes = {e.attrs["code"] for e in res.entities.values() if e.type == "Place"
             and e.attrs.get("code")}
    codes |= {e.parent.split("/")[1] for e in res.entities.values()
              if e.type == "Place" and e.parent.count("/") == 1
              and e.parent.split("/")[1].isdigit()}
    for code in sorted(codes):
        chain = gaz.chain(code)
        if chain and f"place/{code}" not in res.entities:
            _ancestor(g, chain[-1])
        for child, parent in zip(chain[1:], chain[:-1], strict=False):
            c, p = iri(f"place/{child.code}"), iri(f"place/{parent.code}")
            g.add((c, SDO.containedInPlace, p))
            if (p, SKOS.prefLabel, None) not in g and f"place/{parent.code}" not in res.entities:
                _ancestor(g, parent)


def _ancestor(g: Graph, div) -> None:
    """A division the text does not name, added so that hierarchy queries reach it."""
    p = iri(f"place/{div.code}")
    if (p, SKOS.prefLabel, None) in g:
        return
    for cls in (SDO.Place, SDO.AdministrativeArea):
        g.add((p, RDF.type, cls))
    g.add((p, SKOS.prefLabel, zh(div.name)))
    g.add((p, RDFS.label, zh(div.name)))
    g.add((p, KG.level, Literal(div.level)))
    g.add((p, KG.divisionCode, Literal(div.code)))


def _evidence(g: Graph, res: Resolved, ev: Evidence, rule: str, kind: str) -> URIRef:
    h = hashlib.sha1(f"{ev.doc_id}|{ev.start}|{ev.end}|{kind}|{rule}".encode()).hexdigest()[:16]
    node = iri(f"ev/{h}")
    text = res.text_of(ev.doc_id)
    g.add((node, RDF.type, KG.Evidence))
    g.add((node, RDF.type, PROV.Entity))
    g.add((node, KG.document, iri(f"doc/{ev.doc_id}")))
    g.add((node, KG.sentence, _sentence(g, res, ev.doc_id, ev.sentence)))
    g.add((node, KG.startOffset, Literal(ev.start)))
    g.add((node, KG.endOffset, Literal(ev.end)))
    g.add((node, KG.quote, Literal(text[ev.start : ev.end])))
    g.add((node, KG.rule, Literal(rule)))
    return node


def _fact(g: Graph, res: Resolved, fact: ResolvedFact) -> None:
    f = fact.fields
    node = iri(f"fact/{fact.kind}/{fact.key}")
    g.add((node, RDF.type, KG.Fact))
    if fact.kind == "delegate":
        g.add((node, RDF.type, KG.DelegateFact))
        g.add((node, KG.person, iri(f["person"])))
        g.add((node, KG.event, iri(f["event"])))
        g.add((iri(f["person"]), KG.delegateTo, iri(f["event"])))
    elif fact.kind == "role":
        role = iri(f"role/{f['title']}")
        g.add((node, RDF.type, ORG.Membership))
        g.add((node, ORG.member, iri(f["person"])))
        g.add((node, ORG.role, role))
        g.add((node, KG.title, zh(f["title"])))
        g.add((role, RDF.type, ORG.Role))
        g.add((role, SKOS.prefLabel, zh(f["title"])))
        for name in sorted(fact.written):
            g.add((node, KG.organizationName, zh(name)))
        if f.get("org"):
            g.add((node, ORG.organization, iri(f["org"])))
            g.add((iri(f["person"]), ORG.memberOf, iri(f["org"])))
    elif fact.kind == "region":
        g.add((node, RDF.type, KG.RegionFact))
        g.add((node, KG.person, iri(f["person"])))
        g.add((node, KG.place, iri(f["place"])))
        g.add((iri(f["person"]), KG.region, iri(f["place"])))
    elif fact.kind == "honour":
        g.add((node, RDF.type, KG.HonourFact))
        g.add((node, KG.person, iri(f["person"])))
        g.add((node, KG.honour, iri(f["honour"])))
        g.add((iri(f["person"]), KG.received, iri(f["honour"])))
    elif fact.kind == "stat":
        _stat(g, node, f)
    elif fact.kind == "event":
        _event_fact(g, node, f)
    for ev, rule in sorted(fact.evidence, key=lambda x: (x[0].doc_id, x[0].start, x[1])):
        g.add((node, PROV.wasDerivedFrom, _evidence(g, res, ev, rule, fact.kind)))


def _stat(g: Graph, node: URIRef, f: dict[str, str]) -> None:
    g.add((node, RDF.type, KG.StatisticalObservation))
    g.add((node, RDF.type, SDO.Observation))
    g.add((node, KG.measure, zh(f["measure"])))
    if f.get("population"):
        g.add((node, KG.population, zh(f["population"])))
    if f.get("count"):
        g.add((node, KG.count, Literal(int(f["count"]))))
    if f.get("percent"):
        g.add((node, KG.percent, _decimal(f["percent"])))
    if f.get("value"):
        g.add((node, SDO.value, _decimal(f["value"])))
    if f.get("unit"):
        g.add((node, SDO.unitText, zh(f["unit"])))


def _event_fact(g: Graph, node: URIRef, f: dict[str, str]) -> None:
    event = iri(f["event"])
    g.add((node, RDF.type, KG.EventFact))
    g.add((node, KG.event, event))
    if f.get("date"):
        dtype = XSD.date if len(f["date"]) == 10 else XSD.gYearMonth
        g.add((node, SDO.startDate, Literal(f["date"], datatype=dtype)))
        g.add((event, SDO.startDate, Literal(f["date"], datatype=dtype)))
    if f.get("place"):
        g.add((node, SDO.location, iri(f["place"])))
        g.add((event, SDO.location, iri(f["place"])))


def _decimal(value: str) -> Literal:
    """An xsd:decimal in canonical form (100 → 100.0), so Turtle round-trips exactly."""
    text = str(value)
    return Literal(text if "." in text else f"{text}.0", datatype=XSD.decimal)
