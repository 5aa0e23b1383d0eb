"""Result serialisation shared by the store backends.

Each backend turns its terms into :class:`Term` tuples and the bytes are made
here, so rdflib and Oxigraph give byte-identical answers (and the formats do not
drift with library versions). Formats: SPARQL 1.1 Query Results JSON, XML, CSV
and TSV for SELECT/ASK; Turtle, JSON-LD and N-Triples (sorted) for graph forms.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal, InvalidOperation
from typing import NamedTuple
from xml.sax.saxutils import escape, quoteattr

from rdflib import BNode, Graph, Literal, URIRef

from .namespaces import PREFIXES

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

CONTENT_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "turtle": "text/turtle",
    "jsonld": "application/ld+json",
    "ntriples": "application/n-triples",
}
SELECT_FORMATS = ("json", "xml", "csv", "tsv")
GRAPH_FORMATS = ("turtle", "jsonld", "ntriples")


class Term(NamedTuple):
    kind: str  # "uri" | "bnode" | "literal"
    value: str
    lang: str | None = None
    datatype: str | None = None  # None for plain and language-tagged strings


_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {_XSD + t for t in (
    "integer", "long", "int", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort",
    "unsignedByte")}


def canonical(value: str, datatype: str | None) -> str:
    """The canonical lexical form of a numeric or boolean literal, as Oxigraph stores it.

    Oxigraph keeps values, not spellings (``27.0`` comes back as ``27``); rdflib keeps
    the spelling. Canonicalising rdflib's terms makes both backends agree.
    """
    try:
        if datatype in _INTEGERS:
            return str(int(value.strip()))
        if datatype == _XSD + "decimal":
            text = format(Decimal(value.strip()).normalize(), "f")
            return "0" if text in ("-0", "0") else text
        if datatype == _XSD + "boolean":
            return {"1": "true", "0": "false"}.get(value.strip(), value.strip())
    except (ValueError, InvalidOperation):
        return value
    return value


_new = tuple.__new__  # a NamedTuple's own constructor is Python code: slow per result term
_PLAIN = frozenset((XSD_STRING, RDF_LANGSTRING))


def literal(value: str, lang: str | None, datatype: str | None) -> Term:
    if datatype in _PLAIN:
        datatype = None
    return _new(Term, ("literal", value, lang or None, datatype))


def iri_term(value: str) -> Term:
    return _new(Term, ("uri", value, None, None))


def convert_rows(solutions: Iterable, to_term: Callable) -> Iterator[tuple[Term | None, ...]]:
    """A backend's solutions as Term tuples; each distinct term is converted once."""
    cache: dict = {}
    for solution in solutions:
        row = []
        for t in solution:
            term = cache.get(t)
            if term is None and t is not None:
                term = cache[t] = to_term(t)
            row.append(term)
        yield tuple(row)


def pick_format(form: str, fmt: str) -> str:
    """A select/ask format asked of a graph query (or vice versa) gives that form's default."""
    if form in ("select", "ask"):
        return fmt if fmt in SELECT_FORMATS else "json"
    return fmt if fmt in GRAPH_FORMATS else "turtle"


def _json_term(t: Term) -> dict[str, str]:
    if t.kind == "literal":
        d = {"type": "literal", "value": t.value}
        if t.lang:
            d["xml:lang"] = t.lang
        elif t.datatype:
            d["datatype"] = t.datatype
        return d
    return {"type": t.kind, "value": t.value}


def _xml_term(t: Term) -> str:
    v = escape(t.value)
    if t.kind == "uri":
        return f"<uri>{v}</uri>"
    if t.kind == "bnode":
        return f"<bnode>{v}</bnode>"
    if t.lang:
        return f"<literal xml:lang={quoteattr(t.lang)}>{v}</literal>"
    if t.datatype:
        return f"<literal datatype={quoteattr(t.datatype)}>{v}</literal>"
    return f"<literal>{v}</literal>"


def _tsv_term(t: Term | None) -> str:
    if t is None:
        return ""
    if t.kind == "uri":
        return f"<{t.value}>"
    if t.kind == "bnode":
        return f"_:{t.value}"
    v = (t.value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
         .replace("\r", "\\r").replace("\t", "\\t"))
    if t.lang:
        return f'"{v}"@{t.lang}'
    if t.datatype:
        return f'"{v}"^^<{t.datatype}>'
    return f'"{v}"'


def select_bytes(names: list[str], rows: list[tuple[Term | None, ...]], fmt: str) -> bytes:
    """SELECT solutions in one of the SPARQL 1.1 results formats."""
    if fmt == "json":  # built from cached fragments: the same terms recur row after row
        enc = json.JSONEncoder(ensure_ascii=False).encode
        keys = [enc(n) for n in names]
        frags: dict[Term, str] = {}
        parts = []
        for r in rows:
            items = []
            for key, t in zip(keys, r, strict=True):
                if t is not None:
                    frag = frags.get(t)
                    if frag is None:
                        frag = frags[t] = enc(_json_term(t))
                    items.append(f"{key}: {frag}")
            parts.append("{" + ", ".join(items) + "}")
        head = enc({"vars": names})
        return (f'{{"head": {head}, "results": {{"bindings": [{", ".join(parts)}]}}}}'
                .encode())
    if fmt == "xml":
        out = ['<?xml version="1.0"?>',
               '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
        out += [f"<variable name={quoteattr(n)}/>" for n in names]
        out += ["</head>", "<results>"]
        opens = [f"<binding name={quoteattr(n)}>" for n in names]
        xfrags: dict[Term, str] = {}
        for r in rows:
            out.append("<result>")
            for open_, t in zip(opens, r, strict=True):
                if t is not None:
                    frag = xfrags.get(t)
                    if frag is None:
                        frag = xfrags[t] = _xml_term(t)
                    out.append(f"{open_}{frag}</binding>")
            out.append("</result>")
        out += ["</results>", "</sparql>"]
        return ("\n".join(out) + "\n").encode("utf-8")
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(names)
        w.writerows([["" if t is None else t.value for t in r] for r in rows])
        return buf.getvalue().encode("utf-8")
    if fmt == "tsv":
        lines = ["\t".join("?" + n for n in names)]
        lines += ["\t".join(_tsv_term(t) for t in r) for r in rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    raise ValueError(f"not a results format: {fmt}")


def ask_bytes(answer: bool, fmt: str) -> bytes:
    word = "true" if answer else "false"
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": answer}).encode("utf-8")
    if fmt == "xml":
        return ('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"\n<head/>\n<boolean>{word}</boolean>\n</sparql>\n").encode()
    if fmt == "csv":
        return f"_askResult\r\n{word}\r\n".encode()
    return f"?_askResult\n{word}\n".encode()


def _rdflib_term(t: Term):
    if t.kind == "uri":
        return URIRef(t.value)
    if t.kind == "bnode":
        return BNode(t.value)
    return Literal(t.value, lang=t.lang, datatype=URIRef(t.datatype) if t.datatype else None)


def graph_bytes(triples: list[tuple[Term, Term, Term]], fmt: str) -> bytes:
    """CONSTRUCT/DESCRIBE triples as Turtle, JSON-LD or sorted N-Triples."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, str(ns), override=True)
    for s, p, o in triples:
        g.add((_rdflib_term(s), _rdflib_term(p), _rdflib_term(o)))
    if fmt == "ntriples":
        lines = sorted(set(g.serialize(format="nt").splitlines()) - {""})
        return "".join(line + "\n" for line in lines).encode("utf-8")
    if fmt == "jsonld":
        return g.serialize(format="json-ld", auto_compact=True).encode("utf-8")
    return g.serialize(format="turtle").encode("utf-8")
