"""Non-RDF exports: GraphML/GEXF for Gephi and CSV tables (one per fact kind) with provenance.

GraphML and GEXF carry the entity graph of :meth:`KnowledgeGraph.to_networkx` with string
attributes only (what Gephi and yEd read without complaint). The CSV tables have one row per
fact and piece of evidence, so each row can be traced to the sentence it came from.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import networkx as nx
from rdflib import Graph, Literal, URIRef

from .io import write_atomic
from .namespaces import KG, ORG, PROV, RDF, SDO, SKOS

# table -> (class of its facts, [(column, property of the fact, value is an entity)])
TABLES: dict[str, tuple[URIRef, list[tuple[str, URIRef, bool]]]] = {
    "delegates": (KG.DelegateFact, [("person", KG.person, True), ("event", KG.event, True)]),
    "roles": (ORG.Membership, [("person", ORG.member, True), ("title", KG.title, False),
                               ("org", ORG.organization, True)]),
    "regions": (KG.RegionFact, [("person", KG.person, True), ("region", KG.place, True)]),
    "honours": (KG.HonourFact, [("person", KG.person, True), ("honour", KG.honour, True)]),
    "statistics": (KG.StatisticalObservation, [
        ("population", KG.population, False), ("measure", KG.measure, False),
        ("count", KG.count, False), ("percent", KG.percent, False),
        ("value", SDO.value, False), ("unit", SDO.unitText, False)]),
    "events": (KG.EventFact, [("event", KG.event, True), ("date", SDO.startDate, False),
                              ("place", SDO.location, True)]),
}
PROVENANCE = ["document", "source_path", "sentence", "start", "end", "quote", "rule", "fact"]
ZIP_TIME = (2000, 1, 1, 0, 0, 0)  # fixed member timestamps: the same graph, the same bytes


# ---------------------------------------------------------------- networkx formats


def export_networkx(graph: Graph) -> nx.MultiDiGraph:
    """The entity graph with every attribute a string (lists joined with 、)."""
    from .html import to_networkx

    src = to_networkx(graph)
    out = nx.MultiDiGraph()
    for node, data in src.nodes(data=True):
        out.add_node(node, **_strings(data))
    for u, v, key, data in src.edges(keys=True, data=True):
        out.add_edge(u, v, key=key, **_strings(data))
    return out


def _strings(data: dict) -> dict[str, str]:
    out = {}
    for k, v in sorted(data.items()):
        if isinstance(v, tuple | list | set):
            v = "、".join(str(x) for x in v)
        out[k] = "" if v is None else str(v)
    return out


def graphml(graph: Graph) -> str:
    buf = io.BytesIO()
    nx.write_graphml(export_networkx(graph), buf, encoding="utf-8")
    return buf.getvalue().decode("utf-8")


def gexf(graph: Graph) -> str:
    buf = io.BytesIO()
    nx.write_gexf(export_networkx(graph), buf, encoding="utf-8")
    # today's date in <meta> would make two exports of the same graph differ
    return re.sub(r' lastmodifieddate="[^"]*"', "", buf.getvalue().decode("utf-8"))


# ---------------------------------------------------------------- CSV


def _label(graph: Graph, node) -> str:
    if isinstance(node, Literal):
        return str(node)
    labels = sorted(str(o) for o in graph.objects(node, SKOS.prefLabel))
    return labels[0] if labels else str(node)


def _one(graph: Graph, subject, prop) -> object | None:
    values = sorted(graph.objects(subject, prop), key=str)
    return values[0] if values else None


def _provenance(graph: Graph, fact) -> list[list[str]]:
    rows = []
    for ev in graph.objects(fact, PROV.wasDerivedFrom):
        doc = _one(graph, ev, KG.document)
        sent = _one(graph, ev, KG.sentence)
        rows.append([
            str(_one(graph, doc, SDO.name) or "") if doc is not None else "",
            str(_one(graph, doc, KG.sourcePath) or "") if doc is not None else "",
            str(_one(graph, sent, KG.index) or "") if sent is not None else "",
            str(_one(graph, ev, KG.startOffset) or ""),
            str(_one(graph, ev, KG.endOffset) or ""),
            str(_one(graph, ev, KG.quote) or ""),
            str(_one(graph, ev, KG.rule) or ""),
        ])
    return rows or [[""] * 7]


def table(graph: Graph, name: str) -> list[dict[str, str]]:
    """The rows of one CSV table (sorted): fact fields, entity IRIs, then provenance."""
    cls, columns = TABLES[name]
    entity_cols = [c for c, _p, is_entity in columns if is_entity]
    header = [c for c, _p, _e in columns] + [f"{c}_iri" for c in entity_cols] + PROVENANCE
    rows = []
    for fact in set(graph.subjects(RDF.type, cls)):
        values, iris = [], []
        for _col, prop, is_entity in columns:
            obj = _one(graph, fact, prop)
            if prop == ORG.organization and _one(graph, fact, KG.organizationName) is not None:
                obj_label = str(_one(graph, fact, KG.organizationName))  # as the text writes it
            else:
                obj_label = "" if obj is None else _label(graph, obj) if is_entity else str(obj)
            values.append(obj_label)
            if is_entity:
                iris.append("" if obj is None else str(obj))
        for prov in _provenance(graph, fact):
            rows.append(values + iris + prov + [str(fact)])
    return [dict(zip(header, r, strict=True)) for r in sorted(rows)]


def entities_table(graph: Graph) -> list[dict[str, str]]:
    """Every entity with its type, label, aliases and mention count, to join the fact tables."""
    from .html import to_networkx

    nxg = to_networkx(graph)
    rows = []
    for node, data in sorted(nxg.nodes(data=True)):
        rows.append({"iri": node, "type": data.get("type") or "", "label": data["label"],
                     "aliases": "、".join(data.get("aliases", ())),
                     "mentions": str(_one(graph, URIRef(node), KG.mentionCount) or "")})
    return rows


def tables(graph: Graph) -> dict[str, list[dict[str, str]]]:
    out = {"entities": entities_table(graph)}
    out.update({name: table(graph, name) for name in TABLES})
    return out


def _csv_text(rows: list[dict[str, str]], header: list[str]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=header, lineterminator="\r\n")
    w.writeheader()
    w.writerows(rows)
    return "\ufeff" + buf.getvalue()  # BOM: spreadsheet programs then read the Chinese right


def headers() -> dict[str, list[str]]:
    out = {"entities": ["iri", "type", "label", "aliases", "mentions"]}
    for name, (_cls, columns) in TABLES.items():
        out[name] = ([c for c, _p, _e in columns] + [f"{c}_iri" for c, _p, e in columns if e]
                     + PROVENANCE)
    return out


def write_csv(graph: Graph, path: Path) -> Path:
    """One CSV per table, into the folder ``path`` or, if it ends in .zip, one zip archive."""
    heads = headers()
    files = {f"{name}.csv": _csv_text(rows, heads[name]) for name, rows in tables(graph).items()}
    if path.suffix.lower() == ".zip":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, text in sorted(files.items()):
                info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                zf.writestr(info, text.encode("utf-8"))
        return write_atomic(path, buf.getvalue())
    for name, text in sorted(files.items()):
        write_atomic(path / name, text)
    return path
