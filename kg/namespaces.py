"""RDF namespaces: the project's ontology terms and the IRIs of its resources.

Terms are declared in a ``DefinedNamespace`` so that a typo is an error at
import time rather than a silently wrong IRI in the graph. The OWL file in
``ontology/kg.ttl`` documents each term.
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import (
    DCTERMS,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SKOS,
    XSD,
    DefinedNamespace,
)
from rdflib.term import URIRef

ONTOLOGY_IRI = "https://w3id.org/kg-news/ontology#"
RESOURCE_IRI = "https://w3id.org/kg-news/id/"


class KG(DefinedNamespace):
    """The kg ontology (see ontology/kg.ttl)."""

    _NS = Namespace(ONTOLOGY_IRI)
    _fail = True

    # classes
    Fact: URIRef
    DelegateFact: URIRef
    RegionFact: URIRef
    HonourFact: URIRef
    EventFact: URIRef
    StatisticalObservation: URIRef
    Honour: URIRef
    Evidence: URIRef
    Sentence: URIRef
    AdministrativeLevel: URIRef

    # entity and fact properties
    delegateTo: URIRef  # person -> event (shortcut of a DelegateFact)
    region: URIRef  # person -> place (shortcut of a RegionFact)
    received: URIRef  # person -> honour (shortcut of a HonourFact)
    person: URIRef  # fact -> person
    event: URIRef  # fact -> event
    place: URIRef  # fact -> place
    honour: URIRef  # fact -> honour
    title: URIRef  # membership -> title as written (literal)
    organizationName: URIRef  # membership -> organisation as written (literal)
    honourName: URIRef  # honour fact -> honour as written (literal)
    scriptVariant: URIRef  # entity -> its preferred name in another script (literal)
    level: URIRef  # place -> province/prefecture/county/township/village
    divisionCode: URIRef  # place -> official administrative division code
    mergeNote: URIRef  # entity -> why surface forms were merged into it
    mentionCount: URIRef  # entity -> number of mentions in the corpus
    mentionedIn: URIRef  # entity -> document

    # statistics
    population: URIRef  # observation -> who is counted (literal, as written)
    measure: URIRef  # observation -> what is counted (literal, as written)
    count: URIRef
    percent: URIRef

    # provenance
    document: URIRef  # evidence/sentence -> document
    sentence: URIRef  # evidence -> sentence
    index: URIRef  # sentence -> position in its document
    startOffset: URIRef
    endOffset: URIRef
    quote: URIRef  # evidence -> exact source text of the span
    rule: URIRef  # evidence -> the extraction rule that fired
    sourcePath: URIRef
    sha256: URIRef
    encoding: URIRef
    charCount: URIRef


ID = Namespace(RESOURCE_IRI)

PREFIXES: dict[str, Namespace | type[DefinedNamespace]] = {
    "kg": KG,
    "id": ID,
    "schema": SDO,
    "org": ORG,
    "prov": PROV,
    "skos": SKOS,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "dcterms": DCTERMS,
}

class Terms:
    """A namespace's terms looked up once each: ``DefinedNamespace`` attribute access runs
    Python code every time, a cost that shows when building millions of triples. There is
    one ``Terms`` per namespace, so every module gets the very same term objects, and
    comparing or hashing them stops at identity."""

    _made: dict[object, Terms] = {}

    def __new__(cls, namespace: Namespace | type[DefinedNamespace]) -> Terms:
        made = cls._made.get(namespace)
        if made is None:
            made = cls._made[namespace] = super().__new__(cls)
            made._namespace = namespace
        return made

    def __getattr__(self, name: str) -> URIRef:
        term = getattr(self._namespace, name)
        setattr(self, name, term)
        return term


__all__ = ["KG", "ID", "SDO", "ORG", "PROV", "SKOS", "OWL", "RDF", "RDFS", "XSD", "DCTERMS",
           "PREFIXES", "ONTOLOGY_IRI", "RESOURCE_IRI", "Terms"]
