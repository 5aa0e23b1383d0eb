"""Result serialisation shared by the store backends: one set of bytes for both.

SELECT results are written exactly as Oxigraph's own serialisers write them (compact
SPARQL 1.1 JSON, XML without whitespace, CSV and TSV): the Oxigraph backend lets the
engine write them, with no Python object per result term, and the rdflib backend's
terms are written here, byte for byte the same (tests/test_store.py holds both to it).
:func:`count_rows` and :func:`drop_last` read those bytes without parsing them, for
the row count and the row cap. ASK answers and graph forms (Turtle, JSON-LD, sorted
N-Triples) are always written here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from rdflib import BNode, Graph, Literal, URIRef

from .namespaces import PREFIXES
from .store_terms import XSD, Term

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
Row = Sequence[Term | None]


def pick_format(form: str, fmt: str) -> str:
    """A select/ask format asked of a graph query (or vice versa) gives that form's default."""
    if form in ("select", "ask"):
        return fmt if fmt in SELECT_FORMATS else "json"
    return fmt if fmt in GRAPH_FORMATS else "turtle"


_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _json_term(t: Term) -> str:
    value = _json(t.value)
    if t.kind != "literal":
        return f'{{"type":"{t.kind}","value":{value}}}'
    if t.lang:
        return f'{{"type":"literal","value":{value},"xml:lang":{_json(t.lang)}}}'
    if t.datatype:
        return f'{{"type":"literal","value":{value},"datatype":{_json(t.datatype)}}}'
    return f'{{"type":"literal","value":{value}}}'


_XML_SPACE = " \t\n\r"  # kept as character references at either end of a text
_XML_REFS = str.maketrans({" ": "&#32;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;"})


def _xml_escape(s: str) -> str:
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&apos;"))


def _xml_text(s: str) -> str:
    core = s.strip(_XML_SPACE)
    if len(core) == len(s):
        return _xml_escape(s)
    lead = len(s) - len(s.lstrip(_XML_SPACE))
    return (s[:lead].translate(_XML_REFS) + _xml_escape(core)
            + s[lead + len(core):].translate(_XML_REFS))


def _xml_term(t: Term) -> str:
    v = _xml_text(t.value)
    if t.kind == "uri":
        return f"<uri>{v}</uri>"
    if t.kind == "bnode":
        return f"<bnode>{v}</bnode>"
    if t.lang:
        return f'<literal xml:lang="{_xml_text(t.lang)}">{v}</literal>'
    if t.datatype:
        return f'<literal datatype="{_xml_text(t.datatype)}">{v}</literal>'
    return f"<literal>{v}</literal>"


def _csv_term(t: Term) -> str:
    if t.kind == "uri":
        return t.value
    if t.kind == "bnode":
        return "_:" + t.value
    v = t.value
    if '"' in v or "," in v or "\n" in v or "\r" in v:
        return '"' + v.replace('"', '""') + '"'
    return v


_BARE = {XSD + "integer": re.compile(r"[+-]?[0-9]+"),  # written as Turtle numbers, unquoted
         XSD + "decimal": re.compile(r"[+-]?[0-9]*\.[0-9]+"),
         XSD + "boolean": re.compile(r"true|false")}


def _tsv_term(t: Term) -> str:
    if t.kind == "uri":
        return f"<{t.value}>"
    if t.kind == "bnode":
        return f"_:{t.value}"
    if t.datatype in _BARE and _BARE[t.datatype].fullmatch(t.value):
        return t.value
    v = (t.value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
         .replace("\r", "\\r").replace("\t", "\\t"))
    if t.lang:
        return f'"{v}"@{t.lang}'
    if t.datatype:
        return f'"{v}"^^<{t.datatype}>'
    return f'"{v}"'


_HEADS = {
    "json": lambda names: '{"head":{"vars":' + _json(names) + '},"results":{"bindings":[',
    "xml": lambda names: ('<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/'
                          'sparql-results#"><head>'
                          + "".join(f'<variable name="{n}"/>' for n in names)
                          + "</head><results>"),
    "csv": lambda names: ",".join(names) + "\r\n",
    "tsv": lambda names: "\t".join("?" + n for n in names) + "\n",
}
_TAILS = {"json": "]}}", "xml": "</results></sparql>", "csv": "", "tsv": ""}
_TERMS = {"json": _json_term, "xml": _xml_term, "csv": _csv_term, "tsv": _tsv_term}


def select_bytes(names: list[str], rows: list[Row], fmt: str) -> bytes:
    """SELECT solutions in one of the SPARQL 1.1 results formats, as Oxigraph writes them."""
    if fmt not in _TERMS:
        raise ValueError(f"not a results format: {fmt}")
    write, frags = _TERMS[fmt], {}  # each distinct term is written once

    def frag(t: Term) -> str:
        f = frags.get(t)
        if f is None:
            f = frags[t] = write(t)
        return f

    if fmt == "json":
        keys = [_json(n) + ":" for n in names]
        body = ",".join("{" + ",".join([k + frag(t) for k, t in zip(keys, r, strict=True)
                                        if t is not None]) + "}" for r in rows)
    elif fmt == "xml":
        opens = [f'<binding name="{n}">' for n in names]
        body = "".join("<result>" + "".join([o + frag(t) + "</binding>"
                                             for o, t in zip(opens, r, strict=True)
                                             if t is not None]) + "</result>" for r in rows)
    else:
        sep, end = (",", "\r\n") if fmt == "csv" else ("\t", "\n")
        body = "".join(sep.join(["" if t is None else frag(t) for t in r]) + end for r in rows)
    return (_HEADS[fmt](names) + body + _TAILS[fmt]).encode("utf-8")


_CSV_ROW_END = re.compile(rb'"(?:[^"]|"")*"|\r\n')  # quoted fields may hold line breaks


def _csv_row_ends(body: bytes) -> list[int]:
    return [m.end() for m in _CSV_ROW_END.finditer(body) if m.group() == b"\r\n"]


def count_rows(body: bytes, fmt: str) -> int:
    """The solutions in SELECT result bytes written as above (by either backend)."""
    if fmt == "tsv":  # line breaks in literals are escaped
        return body.count(b"\n") - 1
    if fmt == "xml":  # "<" in text is escaped
        return body.count(b"<result>")
    if fmt == "csv":
        return body.count(b"\r\n") - 1 if b'"' not in body else len(_csv_row_ends(body)) - 1
    if b"{}" in body or b'"triple"' in body:  # an empty solution, or text that looks like one
        return len(json.loads(body)["results"]["bindings"])
    # '{"' never occurs inside a JSON string (quotes are escaped): it opens a solution or a term
    start = body.index(b'"bindings":[')
    return body.count(b'{"', start) - body.count(b'{"type":"', start)


def drop_last(body: bytes, fmt: str) -> bytes:
    """The same result without its last solution (which must not be its only one)."""
    if fmt == "tsv":
        return body[:body.rindex(b"\n", 0, len(body) - 1) + 1]
    if fmt == "csv":
        return body[:_csv_row_ends(body)[-2]]
    if fmt == "xml":
        return body[:body.rindex(b"<result>")] + b"</results></sparql>"
    if body.endswith(b",{}]}}"):
        return body[:-6] + b"]}}"
    return body[:body.rindex(b',{"')] + b"]}}"  # only ever between two solutions


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
