"""Synthetic graphs with the shape kg builds, at any size, for store tests and benchmarks.

Persons hold roles (org:Membership facts) at organisations located in places of a
province > city > county hierarchy; some are delegates to events, some received
honours; every fact has evidence nodes pointing at sentences of documents, as in
kg/rdfmap.py. Names are made up from common characters. The output is N-Triples
text written line by line (rdflib would take minutes at a million triples), and
the same ``(triples, seed)`` always gives the same bytes.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from pathlib import Path

from rdflib import URIRef

from .io import write_atomic
from .namespaces import ID, KG, ORG, PROV, RDF, RDFS, SDO, SKOS, XSD

TRIPLES_PER_PERSON = 57  # measured average; sizes the graph from the requested count
REGION_LABEL, REGION_ALT = "贵州省", "贵州"  # the area kg/queries/people_in_region.rq asks for
_FAMILY = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国红梅文辉鹏晓春雪云飞海波"
_TITLES = ["书记", "副书记", "主任", "副主任", "县长", "副县长", "村长", "厂长", "校长", "院长",
           "局长", "副局长", "主席", "委员", "理事长", "经理", "总经理", "董事长", "所长", "站长"]
_HONOURS = ["劳动模范", "先进工作者", "优秀党员", "三八红旗手", "五一劳动奖章", "优秀教师",
            "最美村官", "科技标兵", "青年五四奖章", "道德模范"]
_ORG_KINDS = ["委员会", "人民政府", "医院", "学校", "合作社", "公司", "研究所", "工厂", "银行"]
_MEASURES = ["党员", "女党员", "少数民族党员", "村民", "贫困户", "学生"]


def _u(term: URIRef) -> str:
    return f"<{term}>"


def _zh(text: str) -> str:
    return f'"{text}"@zh'


def _typed(value: object, dtype: URIRef) -> str:
    return f'"{value}"^^<{dtype}>'


def _s(text: str) -> str:
    return f'"{text}"'


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, s: str, p: URIRef, o: str) -> None:
        self.lines.append(f"{s} <{p}> {o} .\n")


def _name(rng: random.Random) -> str:
    return rng.choice(_FAMILY) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2))))


def _places(w: _Writer, persons: int, rng: random.Random) -> list[str]:
    """The place hierarchy; returns the IRIs people and organisations are tied to."""
    levels = [("province", 31), ("prefecture", max(31, persons // 60)),
              ("county", max(62, persons // 12))]
    parents: list[str] = []
    leaves: list[str] = []
    for depth, (level, count) in enumerate(levels):
        current = []
        for k in range(count):
            code = f"{depth + 1}{k:07d}"
            node = _u(ID[f"place/{code}"])
            if level == "province" and k == 0:
                label = REGION_LABEL
                w.add(node, SKOS.altLabel, _zh(REGION_ALT))
            else:
                label = f"{_name(rng)}{'省市县'[depth]}{k}"
            w.add(node, RDF.type, _u(SDO.Place))
            w.add(node, RDF.type, _u(SDO.AdministrativeArea))
            w.add(node, SKOS.prefLabel, _zh(label))
            w.add(node, RDFS.label, _zh(label))
            w.add(node, KG.level, _s(level))
            w.add(node, KG.divisionCode, _s(code))
            if parents:
                w.add(node, SDO.containedInPlace, rng.choice(parents))
            current.append(node)
        leaves += current[len(current) // 2:] if depth else []
        parents = current
    return leaves


def _lines(triples: int, seed: int) -> Iterator[str]:
    rng = random.Random(seed)
    persons = max(20, triples // TRIPLES_PER_PERSON)
    w = _Writer()
    places = _places(w, persons, rng)
    docs = []
    for k in range(max(2, persons // 10)):
        d = _u(ID[f"doc/{k:08x}"])
        for cls in (SDO.NewsArticle, PROV.Entity):
            w.add(d, RDF.type, _u(cls))
        w.add(d, SDO.name, _s(f"news_{k:06d}.txt"))
        w.add(d, KG.sourcePath, _s(f"corpus/news_{k:06d}.txt"))
        w.add(d, KG.sha256, _s(hashlib.sha256(str(k).encode()).hexdigest()))
        w.add(d, KG.encoding, _s("utf-8"))
        w.add(d, KG.charCount, _typed(2000 + k % 997, XSD.integer))
        docs.append((k, d))
    sentences: set[str] = set()

    def evidence(key: str, kind: str) -> str:
        k, d = rng.choice(docs)
        idx = rng.randrange(20)
        s = _u(ID[f"doc/{k:08x}/s{idx}"])
        if s not in sentences:
            sentences.add(s)
            w.add(s, RDF.type, _u(KG.Sentence))
            w.add(s, KG.document, d)
            w.add(s, KG.index, _typed(idx, XSD.integer))
            w.add(s, KG.startOffset, _typed(idx * 100, XSD.integer))
            w.add(s, KG.endOffset, _typed(idx * 100 + 99, XSD.integer))
            w.add(s, RDF.value, _s(f"第{idx}句。"))
        ev = _u(ID[f"ev/{hashlib.sha1(key.encode()).hexdigest()[:16]}"])
        start = idx * 100 + rng.randrange(60)
        for cls in (KG.Evidence, PROV.Entity):
            w.add(ev, RDF.type, _u(cls))
        w.add(ev, KG.document, d)
        w.add(ev, KG.sentence, s)
        w.add(ev, KG.startOffset, _typed(start, XSD.integer))
        w.add(ev, KG.endOffset, _typed(start + 12, XSD.integer))
        w.add(ev, KG.quote, _s(f"{kind}{key[-6:]}"))
        w.add(ev, KG.rule, _s(f"{kind}.rule"))
        return ev

    def fact(kind: str, key: str, classes: list[URIRef]) -> str:
        node = _u(ID[f"fact/{kind}/{key}"])
        for cls in [KG.Fact, *classes]:
            w.add(node, RDF.type, _u(cls))
        w.add(node, PROV.wasDerivedFrom, evidence(f"{kind}/{key}", kind))
        return node

    orgs = []
    for k in range(max(5, persons // 20)):
        o = _u(ID[f"org/{k}"])
        label = f"{_name(rng)}{rng.choice(_ORG_KINDS)}{k}"
        w.add(o, RDF.type, _u(SDO.Organization))
        w.add(o, RDF.type, _u(ORG.Organization))
        w.add(o, SKOS.prefLabel, _zh(label))
        w.add(o, RDFS.label, _zh(label))
        w.add(o, SDO.location, rng.choice(places))
        w.add(o, KG.mentionedIn, rng.choice(docs)[1])
        orgs.append(o)
    for title in _TITLES:
        r = _u(ID[f"role/{title}"])
        w.add(r, RDF.type, _u(ORG.Role))
        w.add(r, SKOS.prefLabel, _zh(title))
    honours = []
    for k, label in enumerate(_HONOURS):
        h = _u(ID[f"honour/{k}"])
        w.add(h, RDF.type, _u(KG.Honour))
        w.add(h, SKOS.prefLabel, _zh(label))
        w.add(h, KG.mentionedIn, docs[k % len(docs)][1])
        honours.append(h)
    events = []
    for k in range(5):
        e = _u(ID[f"event/congress-{k}"])
        w.add(e, RDF.type, _u(SDO.Event))
        w.add(e, SKOS.prefLabel, _zh(f"第{k + 16}次代表大会"))
        w.add(e, SDO.startDate, _typed(f"20{10 + k}-10-16", XSD.date))
        w.add(e, SDO.location, places[k])
        w.add(e, KG.mentionedIn, docs[k % len(docs)][1])
        events.append(e)
    for i in range(persons):
        p = _u(ID[f"person/{i}"])
        name = _name(rng)
        w.add(p, RDF.type, _u(SDO.Person))
        w.add(p, SKOS.prefLabel, _zh(name))
        w.add(p, RDFS.label, _zh(name))
        w.add(p, KG.mentionCount, _typed(1 + rng.randrange(9), XSD.integer))
        w.add(p, KG.mentionedIn, rng.choice(docs)[1])
        place = rng.choice(places)
        f = fact("region", f"{i}", [KG.RegionFact])
        w.add(f, KG.person, p)
        w.add(f, KG.place, place)
        w.add(p, KG.region, place)
        for j in range(rng.choice((1, 1, 2))):
            title, org = rng.choice(_TITLES), rng.choice(orgs)
            f = fact("role", f"{i}-{j}", [ORG.Membership])
            w.add(f, ORG.member, p)
            w.add(f, ORG.role, _u(ID[f"role/{title}"]))
            w.add(f, KG.title, _zh(title))
            w.add(f, ORG.organization, org)
            w.add(p, ORG.memberOf, org)
        if rng.random() < 0.2:
            e = rng.choice(events)
            f = fact("delegate", f"{i}", [KG.DelegateFact])
            w.add(f, KG.person, p)
            w.add(f, KG.event, e)
            w.add(p, KG.delegateTo, e)
        if rng.random() < 0.2:
            h = rng.choice(honours)
            f = fact("honour", f"{i}", [KG.HonourFact])
            w.add(f, KG.person, p)
            w.add(f, KG.honour, h)
            w.add(p, KG.received, h)
        if i % 50 == 0:
            f = fact("stat", f"{i}", [KG.StatisticalObservation, SDO.Observation])
            w.add(f, KG.measure, _zh(rng.choice(_MEASURES)))
            w.add(f, KG.count, _typed(rng.randrange(10, 5000), XSD.integer))
            w.add(f, KG.percent, _typed(f"{rng.randrange(1, 999) / 10}", XSD.decimal))
        if len(w.lines) > 50_000:
            yield from w.lines
            w.lines = []
    yield from w.lines


def synthetic_nt(triples: int, seed: int = 1) -> str:
    """About ``triples`` triples of kg-shaped data as N-Triples text."""
    return "".join(_lines(triples, seed))


def write_synthetic(path: str | Path, triples: int, seed: int = 1) -> Path:
    return write_atomic(path, synthetic_nt(triples, seed))
