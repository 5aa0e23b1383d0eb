"""The ontology and the SHACL shapes: they parse, cover every term, and check what the README says.

The valid graph below is built by hand from the README tables, so a change to the model
that is not reflected in the shapes (or the other way round) shows up here.
"""

from __future__ import annotations

import hashlib
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import pytest
from rdflib import BNode, Graph, Literal
from rdflib.namespace import SH
from rdflib.term import Node, URIRef

from kg.namespaces import (
    DCTERMS,
    ID,
    KG,
    ONTOLOGY_IRI,
    ORG,
    OWL,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    SDO,
    SKOS,
    XSD,
)
from kg.resources import ontology_dir
from kg.validate import ValidationResult, Violation, load_shapes, validate

# pytest probes module attributes for ``_mock_name``; rdflib's SDO and XSD namespaces warn
# about any unknown attribute, which would clutter the run with two spurious warnings.
warnings.filterwarnings("ignore", message="Code: _mock_name is not defined", category=UserWarning)

KG_TERMS: list[str] = [name for name in KG.__annotations__ if not name.startswith("_")]
PROPERTY_TYPES = {OWL.ObjectProperty, OWL.DatatypeProperty}


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def langs(graph: Graph, subject: Node, predicate: URIRef) -> set[str | None]:
    return {o.language for o in graph.objects(subject, predicate) if isinstance(o, Literal)}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_dir() / "kg.ttl", format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")


# --------------------------------------------------------------------------- ontology


def test_kg_namespace_has_terms() -> None:
    assert len(KG_TERMS) >= 38
    assert "Fact" in KG_TERMS and "charCount" in KG_TERMS


def test_ontology_header(ontology: Graph) -> None:
    onto = URIRef(ONTOLOGY_IRI.rstrip("#"))
    assert (onto, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(onto, OWL.versionInfo) is not None
    assert {"zh", "en"} <= langs(ontology, onto, DCTERMS.title)
    assert {"zh", "en"} <= langs(ontology, onto, DCTERMS.description)


@pytest.mark.parametrize("name", KG_TERMS)
def test_every_kg_term_is_declared_with_zh_and_en_docs(ontology: Graph, name: str) -> None:
    term = getattr(KG, name)
    types = set(ontology.objects(term, RDF.type))
    if name[0].isupper():
        assert OWL.Class in types, f"kg:{name} is not declared as owl:Class"
    else:
        assert types & PROPERTY_TYPES, f"kg:{name} is not declared as an OWL property"
        assert len(types & PROPERTY_TYPES) == 1
    assert {"zh", "en"} <= langs(ontology, term, RDFS.label), f"kg:{name} labels"
    assert {"zh", "en"} <= langs(ontology, term, RDFS.comment), f"kg:{name} comments"
    for predicate in (RDFS.label, RDFS.comment):
        for lang in ("zh", "en"):
            values = [o for o in ontology.objects(term, predicate) if o.language == lang]
            assert len(values) == 1, f"kg:{name} needs exactly one {predicate} @{lang}"


@pytest.mark.parametrize("source", ["kg.ttl", "shapes.ttl"])
def test_no_undeclared_kg_terms_are_used(source: str) -> None:
    graph = Graph().parse(ontology_dir() / source, format="turtle")
    used = {
        str(node)[len(ONTOLOGY_IRI) :]
        for triple in graph
        for node in triple
        if isinstance(node, URIRef) and str(node).startswith(ONTOLOGY_IRI)
    }
    assert used, source
    assert used <= set(KG_TERMS), f"{source} uses terms missing from KG: {used - set(KG_TERMS)}"


def test_subclass_links(ontology: Graph) -> None:
    expected = [
        (KG.StatisticalObservation, SDO.Observation),
        (KG.StatisticalObservation, KG.Fact),
        (KG.DelegateFact, KG.Fact),
        (KG.RegionFact, KG.Fact),
        (KG.HonourFact, KG.Fact),
        (KG.EventFact, KG.Fact),
        (KG.Evidence, PROV.Entity),
        (KG.Honour, SKOS.Concept),
    ]
    for sub, sup in expected:
        assert (sub, RDFS.subClassOf, sup) in ontology, f"{sub} ⊂ {sup}"


@pytest.mark.parametrize(
    "cls",
    [
        SDO.Person,
        SDO.Place,
        SDO.Organization,
        SDO.Event,
        ORG.Membership,
        ORG.Role,
        SDO.NewsArticle,
    ],
)
def test_reused_classes_have_zh_and_en_labels(ontology: Graph, cls: URIRef) -> None:
    assert (cls, RDF.type, OWL.Class) in ontology
    assert {"zh", "en"} <= langs(ontology, cls, RDFS.label)


def test_property_kinds_agree_with_shapes(ontology: Graph, shapes: Graph) -> None:
    """Properties checked with sh:class are object properties; with sh:datatype, datatype ones."""
    checked = 0
    for shape, path in shapes.subject_objects(SH.path):
        if not (isinstance(path, URIRef) and str(path).startswith(ONTOLOGY_IRI)):
            continue
        if shapes.value(shape, SH["class"]) is not None:
            assert (path, RDF.type, OWL.ObjectProperty) in ontology, path
            checked += 1
        if shapes.value(shape, SH.datatype) is not None:
            assert (path, RDF.type, OWL.DatatypeProperty) in ontology, path
            checked += 1
    assert checked > 10


@pytest.mark.parametrize(
    "cls",
    [
        SDO.Person,
        SDO.Place,
        SDO.Organization,
        SDO.Event,
        ORG.Role,
        KG.Honour,
        KG.Fact,
        KG.DelegateFact,
        ORG.Membership,
        KG.RegionFact,
        KG.HonourFact,
        KG.StatisticalObservation,
        KG.EventFact,
        SDO.NewsArticle,
        KG.Sentence,
        KG.Evidence,
    ],
)
def test_every_readme_node_kind_has_a_shape(shapes: Graph, cls: URIRef) -> None:
    assert any(shapes.subjects(SH.targetClass, cls)), cls


# --------------------------------------------------------------------------- sample graph

S0 = "西藏自治区拉萨市的张三当选第十四届全国人民代表大会代表。"
S1 = "他是国网天津电力配电抢修班班长，曾获全国劳动模范称号。"
S2 = "大会于2023年3月在北京市召开，少数民族代表442名，占14.8%。"
TEXT = S0 + S1 + S2
SENTENCES = (S0, S1, S2)


@dataclass(frozen=True)
class Sample:
    """The hand-built graph and the nodes the broken variants poke at."""

    graph: Graph
    person: URIRef
    places: dict[str, URIRef]
    org: URIRef
    team: URIRef
    event: URIRef
    role: URIRef
    honour: URIRef
    doc: URIRef
    sentences: list[URIRef]
    evidence: dict[str, URIRef]
    facts: dict[str, URIRef]

    def copy(self) -> Graph:
        graph = Graph()
        for prefix, namespace in self.graph.namespaces():
            graph.bind(prefix, namespace)
        for triple in self.graph:
            graph.add(triple)
        return graph


def _entity(g: Graph, node: URIRef, classes: list[URIRef], label: str) -> None:
    for cls in classes:
        g.add((node, RDF.type, cls))
    g.add((node, SKOS.prefLabel, zh(label)))
    g.add((node, RDFS.label, zh(label)))


def build_sample() -> Sample:
    g = Graph()
    for prefix, namespace in PREFIXES.items():
        g.bind(prefix, namespace, override=True)

    doc = ID["doc/d1"]
    g.add((doc, RDF.type, SDO.NewsArticle))
    g.add((doc, RDF.type, PROV.Entity))
    g.add((doc, SDO.name, Literal("d1.txt")))
    g.add((doc, KG.sourcePath, Literal("corpus/d1.txt")))
    g.add((doc, KG.sha256, Literal(hashlib.sha256(TEXT.encode("utf-8")).hexdigest())))
    g.add((doc, KG.encoding, Literal("utf-8")))
    g.add((doc, KG.charCount, Literal(len(TEXT))))

    sentences: list[URIRef] = []
    start = 0
    for index, text in enumerate(SENTENCES):
        node = ID[f"doc/d1/s{index}"]
        g.add((node, RDF.type, KG.Sentence))
        g.add((node, KG.document, doc))
        g.add((node, KG.index, Literal(index)))
        g.add((node, KG.startOffset, Literal(start)))
        g.add((node, KG.endOffset, Literal(start + len(text))))
        g.add((node, RDF.value, Literal(text)))
        sentences.append(node)
        start += len(text)

    def evidence(key: str, sentence: int, quote: str, rule: str) -> URIRef:
        node = ID[f"ev/{key}"]
        begin = TEXT.index(quote, sum(len(s) for s in SENTENCES[:sentence]))
        g.add((node, RDF.type, KG.Evidence))
        g.add((node, KG.document, doc))
        g.add((node, KG.sentence, sentences[sentence]))
        g.add((node, KG.startOffset, Literal(begin)))
        g.add((node, KG.endOffset, Literal(begin + len(quote))))
        g.add((node, KG.quote, Literal(quote)))
        g.add((node, KG.rule, Literal(rule)))
        return node

    person = ID["person/张三"]
    _entity(g, person, [SDO.Person], "张三")
    g.add((person, SKOS.altLabel, zh("張三")))
    g.add((person, KG.mergeNote, Literal("繁体写法“張三”合并为“张三”")))
    g.add((person, KG.mentionCount, Literal(2)))
    g.add((person, KG.mentionedIn, doc))

    places: dict[str, URIRef] = {}
    for key, level, code, parent in (
        ("中国", "country", None, None),
        ("西藏自治区", "province", "540000", "中国"),
        ("拉萨市", "prefecture", "540100", "西藏自治区"),
        ("北京市", "province", "110000", "中国"),
    ):
        node = ID[f"place/{key}"]
        _entity(g, node, [SDO.Place, SDO.AdministrativeArea], key)
        g.add((node, KG.level, Literal(level)))
        if code:
            g.add((node, KG.divisionCode, Literal(code)))
        if parent:
            g.add((node, SDO.containedInPlace, places[parent]))
        g.add((node, KG.mentionedIn, doc))
        places[key] = node

    org = ID["org/国网天津电力"]
    _entity(g, org, [SDO.Organization, ORG.Organization], "国网天津电力")
    team = ID["org/国网天津电力配电抢修班"]
    _entity(g, team, [SDO.Organization, ORG.Organization], "国网天津电力配电抢修班")
    g.add((team, ORG.subOrganizationOf, org))
    g.add((team, SDO.location, places["中国"]))

    event = ID["event/第十四届全国人民代表大会"]
    _entity(g, event, [SDO.Event], "第十四届全国人民代表大会")
    g.add((event, SKOS.altLabel, zh("十四届全国人大")))
    g.add((event, SDO.startDate, Literal("2023-03", datatype=XSD.gYearMonth)))
    g.add((event, SDO.location, places["北京市"]))

    role = ID["role/班长"]
    g.add((role, RDF.type, ORG.Role))
    g.add((role, SKOS.prefLabel, zh("班长")))
    honour = ID["honour/全国劳动模范"]
    g.add((honour, RDF.type, KG.Honour))
    g.add((honour, SKOS.prefLabel, zh("全国劳动模范")))

    ev = {
        "delegate": evidence("e1", 0, "张三当选第十四届全国人民代表大会代表", "delegate.elected"),
        "role": evidence("e2", 1, "国网天津电力配电抢修班班长", "role.org_title"),
        "region": evidence("e3", 0, "西藏自治区拉萨市的张三", "region.of"),
        "honour": evidence("e4", 1, "曾获全国劳动模范称号", "honour.received"),
        "stat": evidence("e5", 2, "少数民族代表442名，占14.8%", "stat.count_percent"),
        "event": evidence("e6", 2, "大会于2023年3月在北京市召开", "event.date_place"),
    }

    def fact(kind: str, classes: list[URIRef]) -> URIRef:
        node = ID[f"fact/{kind}/h{kind}"]
        for cls in [*classes, KG.Fact]:
            g.add((node, RDF.type, cls))
        g.add((node, PROV.wasDerivedFrom, ev[kind]))
        return node

    facts = {
        "delegate": fact("delegate", [KG.DelegateFact]),
        "role": fact("role", [ORG.Membership]),
        "region": fact("region", [KG.RegionFact]),
        "honour": fact("honour", [KG.HonourFact]),
        "stat": fact("stat", [KG.StatisticalObservation]),
        "event": fact("event", [KG.EventFact]),
    }
    g.add((facts["delegate"], KG.person, person))
    g.add((facts["delegate"], KG.event, event))
    g.add((person, KG.delegateTo, event))

    g.add((facts["role"], ORG.member, person))
    g.add((facts["role"], ORG.role, role))
    g.add((facts["role"], KG.title, zh("班长")))
    g.add((facts["role"], ORG.organization, team))
    g.add((person, ORG.memberOf, team))

    g.add((facts["region"], KG.person, person))
    g.add((facts["region"], KG.place, places["拉萨市"]))
    g.add((person, KG.region, places["拉萨市"]))

    g.add((facts["honour"], KG.person, person))
    g.add((facts["honour"], KG.honour, honour))
    g.add((person, KG.received, honour))

    stat = facts["stat"]
    g.add((stat, KG.population, Literal("代表")))
    g.add((stat, KG.measure, Literal("少数民族代表")))
    g.add((stat, KG.count, Literal(442)))
    g.add((stat, KG.percent, Literal(Decimal("14.8"))))
    g.add((stat, SDO.about, event))

    g.add((facts["event"], KG.event, event))
    g.add((facts["event"], SDO.startDate, Literal("2023-03", datatype=XSD.gYearMonth)))
    g.add((facts["event"], SDO.location, places["北京市"]))

    return Sample(g, person, places, org, team, event, role, honour, doc, sentences, ev, facts)


@pytest.fixture(scope="module")
def sample() -> Sample:
    return build_sample()


def paths_of(result: ValidationResult) -> set[tuple[Node, Node | None]]:
    return {(v.focus_node, v.path) for v in result.violations}


def test_sample_graph_conforms(sample: Sample) -> None:
    result = validate(sample.graph)
    assert result.conforms, result.text()
    assert result.violations == []
    assert result.text() == "conforms"


def test_validate_does_not_modify_the_graph_and_is_deterministic(sample: Sample) -> None:
    graph = sample.copy()
    graph.remove((sample.facts["role"], ORG.member, None))
    before = len(graph)
    first = validate(graph)
    second = validate(graph)
    assert len(graph) == before
    assert first.text() == second.text()
    assert first.violations == second.violations


def test_shapes_are_loaded_once() -> None:
    assert load_shapes() is load_shapes()


# --------------------------------------------------------------------------- broken variants

Mutation = Callable[[Sample, Graph], tuple[Node, Node | None]]


def _set(g: Graph, subject: Node, predicate: URIRef, value: Node) -> None:
    g.set((subject, predicate, value))


def no_provenance(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    g.remove((s.facts["delegate"], PROV.wasDerivedFrom, None))
    return s.facts["delegate"], PROV.wasDerivedFrom


def provenance_not_evidence(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    _set(g, s.facts["region"], PROV.wasDerivedFrom, s.doc)
    return s.facts["region"], PROV.wasDerivedFrom


def two_pref_labels(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    g.add((s.person, SKOS.prefLabel, zh("张叁")))
    return s.person, SKOS.prefLabel


def pref_label_without_zh(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    _set(g, s.person, SKOS.prefLabel, Literal("张三"))
    _set(g, s.person, RDFS.label, Literal("张三"))
    return s.person, SKOS.prefLabel


def missing_pref_label(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    g.remove((s.places["北京市"], SKOS.prefLabel, None))
    g.remove((s.places["北京市"], RDFS.label, None))
    return s.places["北京市"], SKOS.prefLabel


def label_differs(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    _set(g, s.event, RDFS.label, zh("十四届全国人大"))
    return s.event, RDFS.label


def alias_is_pref_label(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    g.add((s.person, SKOS.altLabel, zh("张三")))
    return s.person, SKOS.altLabel


def alias_without_zh(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    _set(g, s.person, SKOS.altLabel, Literal("Zhang San", lang="en"))
    return s.person, SKOS.altLabel


def negative_offset(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    _set(g, s.evidence["region"], KG.startOffset, Literal(-1))
    return s.evidence["region"], KG.startOffset


def offset_as_string(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    _set(g, s.sentences[1], KG.endOffset, Literal(str(len(S0 + S1))))
    return s.sentences[1], KG.endOffset


def quote_does_not_match_offsets(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    _set(g, s.evidence["honour"], KG.quote, Literal("全国劳动模范"))
    return s.evidence["honour"], KG.quote


def evidence_outside_sentence(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    _set(g, s.evidence["delegate"], KG.sentence, s.sentences[2])
    return s.evidence["delegate"], KG.sentence


def evidence_past_document_end(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    _set(g, s.doc, KG.charCount, Literal(len(S0)))
    return s.evidence["event"], KG.endOffset


def evidence_without_quote(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    g.remove((s.evidence["stat"], KG.quote, None))
    return s.evidence["stat"], KG.quote


def sentence_iri_mismatch(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    _set(g, s.sentences[0], KG.index, Literal(7))
    return s.sentences[0], KG.index


def sentence_text_mismatch(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    _set(g, s.sentences[2], RDF.value, Literal(S2[:-1]))
    return s.sentences[2], RDF.value


def role_without_member(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    g.remove((s.facts["role"], ORG.member, None))
    return s.facts["role"], ORG.member


def role_without_title(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    g.remove((s.facts["role"], KG.title, None))
    return s.facts["role"], KG.title


def title_without_zh(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    _set(g, s.facts["role"], KG.title, Literal("班长"))
    return s.facts["role"], KG.title


def role_not_a_role(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    _set(g, s.facts["role"], ORG.role, s.honour)
    return s.facts["role"], ORG.role


def role_with_two_organisations(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    g.add((s.facts["role"], ORG.organization, s.org))
    g.add((s.person, ORG.memberOf, s.org))
    return s.facts["role"], ORG.organization


def fact_without_kg_fact_type(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    g.remove((s.facts["region"], RDF.type, KG.Fact))
    return s.facts["region"], RDF.type


def membership_without_kg_fact_type(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    g.remove((s.facts["role"], RDF.type, KG.Fact))
    return s.facts["role"], RDF.type


def delegate_without_person(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    g.remove((s.facts["delegate"], KG.person, None))
    return s.facts["delegate"], KG.person


def honour_fact_object_wrong_class(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    g.remove((s.facts["honour"], KG.honour, None))
    g.add((s.facts["honour"], KG.honour, s.role))
    return s.facts["honour"], KG.honour


def missing_shortcut(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    g.remove((s.person, KG.region, None))
    return s.facts["region"], KG.place


def unbacked_shortcut(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    g.remove((s.facts["delegate"], None, None))
    return s.person, KG.delegateTo


def shortcut_backed_by_another_persons_fact(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    """$this must be bound inside FILTER NOT EXISTS, or any fact would back any shortcut."""
    other = ID["person/李四"]
    _entity(g, other, [SDO.Person], "李四")
    _set(g, s.facts["delegate"], KG.person, other)
    g.add((other, KG.delegateTo, s.event))
    return s.person, KG.delegateTo


def place_parent_not_a_place(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    _set(g, s.places["拉萨市"], SDO.containedInPlace, s.org)
    return s.places["拉萨市"], SDO.containedInPlace


def place_cycle(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    g.add((s.places["中国"], SDO.containedInPlace, s.places["拉萨市"]))
    return s.places["中国"], SDO.containedInPlace


def level_not_allowed(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    _set(g, s.places["拉萨市"], KG.level, Literal("city"))
    return s.places["拉萨市"], KG.level


def organisation_missing_org_type(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    g.remove((s.org, RDF.type, ORG.Organization))
    return s.org, RDF.type


def bad_start_date(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    _set(g, s.event, SDO.startDate, Literal("2023年3月"))
    return s.event, SDO.startDate


def percent_as_double(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    _set(g, s.facts["stat"], KG.percent, Literal(14.8))
    return s.facts["stat"], KG.percent


def statistic_without_value(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    g.remove((s.facts["stat"], KG.count, None))
    g.remove((s.facts["stat"], KG.percent, None))
    return s.facts["stat"], None


def statistic_without_measure(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    g.remove((s.facts["stat"], KG.measure, None))
    return s.facts["stat"], KG.measure


def event_fact_without_detail(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    g.remove((s.facts["event"], SDO.startDate, None))
    g.remove((s.facts["event"], SDO.location, None))
    return s.facts["event"], None


def event_fact_not_on_event(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    g.remove((s.event, SDO.location, None))
    return s.facts["event"], SDO.location


def person_with_wrong_iri(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    node = ID["people/李四"]
    _entity(g, node, [SDO.Person], "李四")
    return node, None


def blank_node_fact(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    node = BNode()
    g.add((node, RDF.type, KG.HonourFact))
    g.add((node, RDF.type, KG.Fact))
    g.add((node, KG.person, s.person))
    g.add((node, KG.honour, s.honour))
    g.add((node, PROV.wasDerivedFrom, s.evidence["honour"]))
    return node, None


def document_missing_prov_type(s: Sample, g: Graph) -> tuple[Node, Node | None]:
    g.remove((s.doc, RDF.type, PROV.Entity))
    return s.doc, RDF.type


BROKEN: list[Mutation] = [
    no_provenance,
    provenance_not_evidence,
    two_pref_labels,
    pref_label_without_zh,
    missing_pref_label,
    label_differs,
    alias_is_pref_label,
    alias_without_zh,
    negative_offset,
    offset_as_string,
    quote_does_not_match_offsets,
    evidence_outside_sentence,
    evidence_past_document_end,
    evidence_without_quote,
    sentence_iri_mismatch,
    sentence_text_mismatch,
    role_without_member,
    role_without_title,
    title_without_zh,
    role_not_a_role,
    role_with_two_organisations,
    fact_without_kg_fact_type,
    membership_without_kg_fact_type,
    delegate_without_person,
    honour_fact_object_wrong_class,
    missing_shortcut,
    unbacked_shortcut,
    shortcut_backed_by_another_persons_fact,
    place_parent_not_a_place,
    place_cycle,
    level_not_allowed,
    organisation_missing_org_type,
    bad_start_date,
    percent_as_double,
    statistic_without_value,
    statistic_without_measure,
    event_fact_without_detail,
    event_fact_not_on_event,
    person_with_wrong_iri,
    blank_node_fact,
    document_missing_prov_type,
]


@pytest.mark.parametrize("mutate", BROKEN, ids=[m.__name__ for m in BROKEN])
def test_broken_variant_is_caught(sample: Sample, mutate: Mutation) -> None:
    graph = sample.copy()
    focus, path = mutate(sample, graph)
    result = validate(graph)
    assert not result.conforms
    assert (focus, path) in paths_of(result), result.text()


def test_report_lines_use_the_graph_prefixes(sample: Sample) -> None:
    graph = sample.copy()
    two_pref_labels(sample, graph)
    result = validate(graph)
    lines = result.text().splitlines()
    assert len(lines) == len(result.violations)
    assert "id:person/张三  skos:prefLabel  More than 1 values" in lines
    assert all("https://" not in line for line in lines), lines


def test_required_value_missing_report_line(sample: Sample) -> None:
    graph = sample.copy()
    missing_pref_label(sample, graph)
    text = validate(graph).text()
    assert "id:place/北京市  skos:prefLabel  Less than 1 values" in text.splitlines()


def test_report_falls_back_to_project_prefixes(sample: Sample) -> None:
    graph = Graph(bind_namespaces="none")
    for triple in sample.graph:
        graph.add(triple)
    graph.remove((sample.facts["honour"], PROV.wasDerivedFrom, None))
    lines = validate(graph).text().splitlines()
    assert lines == ["id:fact/honour/hhonour  prov:wasDerivedFrom  Less than 1 values"]


def test_violation_line_without_prefixes() -> None:
    violation = Violation(ID["person/x"], SKOS.prefLabel, "Less than 1 values")
    assert violation.line() == f"<{ID['person/x']}>  <{SKOS.prefLabel}>  Less than 1 values"
    assert violation.line({"id": str(ID)}).startswith("id:person/x  <")
