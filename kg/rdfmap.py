"""Map resolved entities and facts to RDF (the model in ontology/README.md).

IRIs come from keys (division codes, names, hashes of what a fact says), so
the same input always gives the same graph. Places named in the text get
their ancestors from the gazetteer, so a query for a province reaches people
tied to its villages.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from urllib.parse import quote

from rdflib import Graph, Literal, URIRef

from . import namespaces as ns
from .lexicon import Gazetteer, Lexicon
from .model import Document, Evidence, Sentence
from .namespaces import ID, PREFIXES, Terms
from .normalise import key_form
from .resolve import Entity, Resolved, ResolvedFact
from .resolve_facts import gazetteer
from .triples import Triple, Triples

# the terms used, looked up once each (see namespaces.Terms)
KG, ORG, PROV, RDF, RDFS, SDO, SKOS, XSD = map(
    Terms, (ns.KG, ns.ORG, ns.PROV, ns.RDF, ns.RDFS, ns.SDO, ns.SKOS, ns.XSD))
CLASSES = {
    "Person": [SDO.Person],
    "Place": [SDO.Place],
    "Organization": [SDO.Organization, ORG.Organization],
    "Event": [SDO.Event],
    "Honour": [KG.Honour],
}
_SAFE = re.compile(r"[^\w\-·/]", re.UNICODE)
_TYPE, _DOCUMENT, _START, _END = RDF.type, KG.document, KG.startOffset, KG.endOffset


def iri(key: str) -> URIRef:
    """A resource IRI from a key; characters outside words are percent-encoded."""
    return ID[_SAFE.sub(lambda m: quote(m.group(0), safe=""), key)]


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def new_graph() -> Graph:
    g = Graph()
    for prefix, namespace in PREFIXES.items():
        g.bind(prefix, str(namespace), override=True)
    return g


def to_rdf(res: Resolved, lex: Lexicon | None = None) -> Graph:
    """The knowledge graph of a resolved corpus, as an rdflib Graph."""
    return to_triples(res, lex.gazetteer if lex is not None else None).graph()


def to_triples(res: Resolved, gaz: Gazetteer | None = None) -> Triples:
    """The knowledge graph of a resolved corpus: per document its own triples
    (document, sentences, evidence), then entities, place hierarchy and facts."""
    m = Mapper(res)
    by_doc = cited(res)
    for doc in res.documents:
        m.document(doc, by_doc.get(doc.doc_id, ()))
    m.shared(gaz)
    return m.out


Cited = set[tuple[Evidence, str, str]]  # (evidence, rule, fact kind)


def cited(res: Resolved) -> dict[str, Cited]:
    """The evidence each document gives for the facts, by document id."""
    out: dict[str, Cited] = defaultdict(set)
    for fact in res.facts.values():
        for ev, rule in fact.evidence:
            out[ev.doc_id].add((ev, rule, fact.kind))
    return out


def evidence_key(ev: Evidence, rule: str, kind: str) -> str:
    h = hashlib.sha1(f"{ev.doc_id}|{ev.start}|{ev.end}|{kind}|{rule}".encode()).hexdigest()[:16]
    return f"ev/{h}"


class Mapper:
    """Adds the triples of one corpus to ``out``; each IRI and literal is made once.

    What a document says alone (``document``) is apart from what the corpus says
    (``shared``: entities, place hierarchy, facts), so that a build can keep the
    former per document.
    """

    def __init__(self, res: Resolved, out: Triples | None = None) -> None:
        self.res = res
        self.out = out if out is not None else Triples()
        self._iris: dict[str, URIRef] = {}
        self._lits: dict[tuple[str | int, str], Literal] = {}

    def shared(self, gaz: Gazetteer | None = None) -> None:
        for ent in self.res.entities.values():
            self.entity(ent)
        self.place_hierarchy(gaz or gazetteer())
        for fact in self.res.facts.values():
            self.fact(fact)

    def iri(self, key: str) -> URIRef:
        node = self._iris.get(key)
        if node is None:
            node = self._iris[key] = iri(key)
        return node

    def lit(self, value: str | int, lang: str = "") -> Literal:
        """A plain (or ``lang``-tagged) string or an integer literal."""
        lit = self._lits.get((value, lang))
        if lit is None:
            lit = self._lits[(value, lang)] = Literal(value, lang=lang or None)
        return lit

    def zh(self, text: str) -> Literal:
        return self.lit(text, "zh")

    def document(self, doc: Document, cited: Iterable[tuple[Evidence, str, str]]) -> None:
        """A document's own triples: itself, and the evidence cited from it with its
        sentences."""
        add, lit = self.out.add, self.lit
        sentences = self.res.sentences[doc.doc_id]
        d = self.iri(f"doc/{doc.doc_id}")
        add((d, _TYPE, SDO.NewsArticle))
        add((d, _TYPE, PROV.Entity))
        add((d, SDO.name, lit(doc.name)))
        add((d, KG.sourcePath, lit(doc.path)))
        add((d, KG.sha256, lit(doc.sha256)))
        add((d, KG.encoding, lit(doc.encoding)))
        add((d, KG.charCount, lit(len(doc.text))))
        done: set[int] = set()
        for ev, rule, kind in sorted(cited, key=lambda c: (c[0].start, c[0].end, c[1], c[2])):
            node = self.iri(evidence_key(ev, rule, kind))
            add((node, _TYPE, KG.Evidence))
            add((node, _TYPE, PROV.Entity))
            add((node, _DOCUMENT, d))
            add((node, KG.sentence, self._sentence(doc, sentences, ev.sentence, d, done)))
            add((node, _START, lit(ev.start)))
            add((node, _END, lit(ev.end)))
            add((node, KG.quote, lit(doc.text[ev.start : ev.end])))
            add((node, KG.rule, lit(rule)))

    def _sentence(self, doc: Document, sentences: list[Sentence], index: int, d: URIRef,
                  done: set[int]) -> URIRef:
        s = self.iri(f"doc/{doc.doc_id}/s{index}")
        if index not in done:
            done.add(index)
            sent = sentences[index]
            add, lit = self.out.add, self.lit
            add((s, _TYPE, KG.Sentence))
            add((s, _DOCUMENT, d))
            add((s, KG.index, lit(index)))
            add((s, _START, lit(sent.start)))
            add((s, _END, lit(sent.end)))
            add((s, RDF.value, lit(doc.text[sent.start : sent.end])))
        return s

    def entity(self, ent: Entity) -> None:
        add, lit, zh_ = self.out.add, self.lit, self.zh
        node = self.iri(ent.key)
        for cls in CLASSES[ent.type]:
            add((node, _TYPE, cls))
        if ent.type == "Place" and ent.attrs.get("code"):
            add((node, _TYPE, SDO.AdministrativeArea))
        label = ent.label
        add((node, SKOS.prefLabel, zh_(label)))
        add((node, RDFS.label, zh_(label)))
        # a name no document writes otherwise (贛州市 / 赣州市) is listed in each script it
        # is written in; a name with other aliases (二十大) is one name with aliases
        written = [f for f, count in ent.forms.items() if count > 0]
        one_name = all(key_form(f) == key_form(label) for f in written)
        for alias in sorted(f for f in ent.forms if f != label):
            add((node, SKOS.altLabel, zh_(alias)))
            if one_name and ent.forms[alias] > 0:
                add((node, KG.scriptVariant, zh_(alias)))
        mentions = sum(c for c in ent.forms.values() if c > 0)
        if mentions:
            add((node, KG.mentionCount, lit(mentions)))
        for doc_id in sorted(ent.docs):
            add((node, KG.mentionedIn, self.iri(f"doc/{doc_id}")))
        for note in sorted(ent.notes):
            add((node, KG.mergeNote, zh_(note)))
        if ent.type == "Place":
            add((node, KG.level, lit(ent.attrs.get("level", "other"))))
            if ent.attrs.get("code"):
                add((node, KG.divisionCode, lit(ent.attrs["code"])))
            if ent.parent:
                add((node, SDO.containedInPlace, self.iri(ent.parent)))

    def place_hierarchy(self, gaz: Gazetteer) -> None:
        """Link coded places to their parents, adding unmentioned ancestors as nodes."""
        res = self.res
        places = [e for e in res.entities.values() if e.type == "Place"]
        codes = {e.attrs["code"] for e in places if e.attrs.get("code")}
        codes |= {e.parent.split("/")[1] for e in places if e.parent.count("/") == 1
                  and e.parent.split("/")[1].isdigit()}
        for code in sorted(codes):
            chain = gaz.chain(code)
            if chain and f"place/{code}" not in res.entities:
                self._ancestor(chain[-1])
            for child, parent in zip(chain[1:], chain[:-1], strict=False):
                c, p = self.iri(f"place/{child.code}"), self.iri(f"place/{parent.code}")
                self.out.add((c, SDO.containedInPlace, p))
                if not self.out.has(p, SKOS.prefLabel) and f"place/{parent.code}" not in \
                        res.entities:
                    self._ancestor(parent)

    def _ancestor(self, div) -> None:
        """A division the text does not name, added so that hierarchy queries reach it."""
        p = self.iri(f"place/{div.code}")
        if self.out.has(p, SKOS.prefLabel):
            return
        add = self.out.add
        for cls in (SDO.Place, SDO.AdministrativeArea):
            add((p, _TYPE, cls))
        add((p, SKOS.prefLabel, self.zh(div.name)))
        add((p, RDFS.label, self.zh(div.name)))
        add((p, KG.level, self.lit(div.level)))
        add((p, KG.divisionCode, self.lit(div.code)))

    def fact(self, fact: ResolvedFact) -> None:
        f, add, iri_, zh_ = fact.fields, self.out.add, self.iri, self.zh
        node = iri_(f"fact/{fact.kind}/{fact.key}")
        add((node, _TYPE, KG.Fact))
        if fact.kind == "delegate":
            add((node, _TYPE, KG.DelegateFact))
            add((node, KG.person, iri_(f["person"])))
            add((node, KG.event, iri_(f["event"])))
            add((iri_(f["person"]), KG.delegateTo, iri_(f["event"])))
        elif fact.kind == "role":
            role = iri_(f"role/{f['title']}")
            add((node, _TYPE, ORG.Membership))
            add((node, ORG.member, iri_(f["person"])))
            add((node, ORG.role, role))
            add((node, KG.title, zh_(f["title"])))
            add((role, _TYPE, ORG.Role))
            add((role, SKOS.prefLabel, zh_(f["title"])))
            for name in sorted(fact.written):
                add((node, KG.organizationName, zh_(name)))
            if f.get("org"):
                add((node, ORG.organization, iri_(f["org"])))
                add((iri_(f["person"]), ORG.memberOf, iri_(f["org"])))
        elif fact.kind == "region":
            add((node, _TYPE, KG.RegionFact))
            add((node, KG.person, iri_(f["person"])))
            add((node, KG.place, iri_(f["place"])))
            add((iri_(f["person"]), KG.region, iri_(f["place"])))
        elif fact.kind == "honour":
            add((node, _TYPE, KG.HonourFact))
            add((node, KG.person, iri_(f["person"])))
            add((node, KG.honour, iri_(f["honour"])))
            add((iri_(f["person"]), KG.received, iri_(f["honour"])))
            for name in sorted(fact.written):
                add((node, KG.honourName, zh_(name)))
        elif fact.kind == "stat":
            _stat(add, node, f)
        elif fact.kind == "event":
            _event_fact(add, iri_, node, f)
        for ev, rule in fact.evidence:
            add((node, PROV.wasDerivedFrom, iri_(evidence_key(ev, rule, fact.kind))))


def _stat(add: Callable[[Triple], None], node: URIRef, f: dict[str, str]) -> None:
    add((node, RDF.type, KG.StatisticalObservation))
    add((node, RDF.type, SDO.Observation))
    add((node, KG.measure, zh(f["measure"])))
    if f.get("population"):
        add((node, KG.population, zh(f["population"])))
    if f.get("count"):
        add((node, KG.count, Literal(int(f["count"]))))
    if f.get("percent"):
        add((node, KG.percent, _decimal(f["percent"])))
    if f.get("value"):
        add((node, SDO.value, _decimal(f["value"])))
    if f.get("unit"):
        add((node, SDO.unitText, zh(f["unit"])))


def _event_fact(add: Callable[[Triple], None], iri_: Callable[[str], URIRef], node: URIRef,
                f: dict[str, str]) -> None:
    event = iri_(f["event"])
    add((node, RDF.type, KG.EventFact))
    add((node, KG.event, event))
    if f.get("date"):
        dtype = XSD.date if len(f["date"]) == 10 else XSD.gYearMonth
        add((node, SDO.startDate, Literal(f["date"], datatype=dtype)))
        add((event, SDO.startDate, Literal(f["date"], datatype=dtype)))
    if f.get("place"):
        add((node, SDO.location, iri_(f["place"])))
        add((event, SDO.location, iri_(f["place"])))


def _decimal(value: str) -> Literal:
    """An xsd:decimal in canonical form (100 → 100.0), so Turtle round-trips exactly."""
    text = str(value)
    return Literal(text if "." in text else f"{text}.0", datatype=XSD.decimal)
