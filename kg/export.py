"""Export a built graph to other formats: RDF (Turtle, N-Triples, TriG, N-Quads, JSON-LD),
graph files for Gephi (GraphML, GEXF) and CSV tables for spreadsheets.

Every format is deterministic (the same graph gives byte-identical output: triples, nodes
and rows are sorted) and files are written atomically. TriG and N-Quads keep provenance
by document: one named graph per source article (see :mod:`kg.dataset`).
"""

from __future__ import annotations

import json
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from .dataset import to_dataset
from .io import write_atomic
from .namespaces import PREFIXES, RDF, XSD

RDF_FORMATS = ("ttl", "nt", "trig", "nquads", "jsonld")
FORMATS = (*RDF_FORMATS, "graphml", "gexf", "csv")
SUFFIXES = {"ttl": ".ttl", "nt": ".nt", "trig": ".trig", "nquads": ".nq", "jsonld": ".jsonld",
            "graphml": ".graphml", "gexf": ".gexf", "csv": ""}


class ExportError(Exception):
    """An export that cannot be made (unknown format, missing path); str() is one line."""


def export(graph, fmt: str, path: str | Path | None = None) -> str | Path:
    """Export ``graph`` (an rdflib Graph or a KnowledgeGraph) as ``fmt``.

    Without ``path`` the text is returned; with it, the file is written atomically and its
    path returned. ``csv`` needs a path: a folder of tables, or one ``.zip`` of them.
    """
    g: Graph = getattr(graph, "graph", graph)
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    if fmt == "csv":
        if path is None:
            raise ExportError("csv export writes one file per table: give a folder or a .zip")
        path = Path(path)
        if path.suffix.lower() != ".zip" and path.exists() and not path.is_dir():
            raise ExportError(f"{path}: exists and is not a folder (csv writes a folder or .zip)")
        from .export_tables import write_csv

        return write_csv(g, path)
    text = render(g, fmt)
    if path is None:
        return text
    return write_atomic(path, text)


def render(graph: Graph, fmt: str) -> str:
    """The text of a single-file export."""
    if fmt == "ttl":
        from .turtle import turtle

        return turtle(graph)
    if fmt == "nt":
        return _sorted_lines(graph.serialize(format="nt"))
    if fmt == "nquads":
        return _sorted_lines(to_dataset(graph).serialize(format="nquads"))
    if fmt == "trig":
        return trig(graph)
    if fmt == "jsonld":
        return jsonld(graph)
    from .export_tables import gexf, graphml

    if fmt == "graphml":
        return graphml(graph)
    if fmt == "gexf":
        return gexf(graph)
    raise ExportError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")


def _sorted_lines(text: str) -> str:
    lines = sorted({line for line in text.splitlines() if line.strip()})
    return "\n".join(lines) + "\n" if lines else ""


def trig(graph: Graph) -> str:
    """TriG with one block per named graph, graphs and their triples in sorted order.

    rdflib's TriG writer orders graphs and triples by hash; each graph is written here with
    the (sorted) Turtle writer instead and the prefixes are gathered once at the top.
    """
    ds = to_dataset(graph)
    prefixes: set[str] = set()
    blocks = []
    for ctx in sorted(ds.graphs(), key=lambda c: str(c.identifier)):
        if not len(ctx):
            continue
        sub = Graph()
        for prefix, ns in PREFIXES.items():
            sub.bind(prefix, str(ns), override=True)
        for t in ctx:
            sub.add(t)
        body = []
        for line in sub.serialize(format="turtle").splitlines():
            if line.startswith("@prefix"):
                prefixes.add(line)
            elif line.strip() or body:
                body.append(f"    {line}" if line.strip() else "")
        while body and not body[-1]:
            body.pop()
        blocks.append(f"{URIRef(ctx.identifier).n3()} {{\n" + "\n".join(body) + "\n}\n")
    return "\n".join(sorted(prefixes)) + "\n\n" + "\n".join(blocks)


# ---------------------------------------------------------------- JSON-LD


def _context() -> dict[str, str]:
    return {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items())}


def compact(iri: Node, context: dict[str, str]) -> str:
    """``prefix:rest`` with the longest matching namespace (JSON-LD expands it back)."""
    best = max((ns for ns in context.values() if str(iri).startswith(ns)), key=len, default="")
    if not best:
        return str(iri)
    prefix = next(p for p, ns in context.items() if ns == best)
    return f"{prefix}:{str(iri)[len(best):]}"


def _jsonld_value(term: Node, context: dict[str, str]):
    if isinstance(term, URIRef):
        return {"@id": compact(term, context)}
    if not isinstance(term, Literal):
        raise ExportError(f"cannot write {term!r} to JSON-LD (blank nodes are not used by kg)")
    text = str(term)
    if term.language:
        return {"@value": text, "@language": term.language}
    if term.datatype is None or term.datatype == XSD.string:
        return text
    if term.datatype == XSD.integer and text == str(int(text)):
        return int(text)
    return {"@value": text, "@type": compact(term.datatype, context)}


def _sort_key(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def jsonld(graph: Graph) -> str:
    """JSON-LD with a ``@context`` of the kg prefixes, compact IRIs, one object per subject."""
    context = _context()
    nodes = []
    for subject in sorted(set(graph.subjects()), key=str):
        if not isinstance(subject, URIRef):
            raise ExportError(f"cannot write blank node {subject} to JSON-LD")
        node: dict = {"@id": compact(subject, context)}
        types = sorted(compact(t, context) for t in graph.objects(subject, RDF.type))
        if types:
            node["@type"] = types[0] if len(types) == 1 else types
        props: dict[str, list] = {}
        for pred, obj in graph.predicate_objects(subject):
            if pred == RDF.type and isinstance(obj, URIRef):
                continue
            props.setdefault(compact(pred, context), []).append(_jsonld_value(obj, context))
        for key in sorted(props):
            values = sorted(props[key], key=_sort_key)
            node[key] = values[0] if len(values) == 1 else values
        nodes.append(node)
    doc = {"@context": context, "@graph": nodes}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
