"""A fast, deterministic Turtle writer (rdflib's serializer took 9 s of a 100x build).

Output: the prefixes of ``kg.namespaces.PREFIXES`` (all of them, sorted), then one
block per subject, subjects sorted by IRI (IRIs first, then blank nodes by label),
``rdf:type`` first as ``a``, the other predicates and the objects by their
Turtle text. Nothing depends on hash order, so the same triples always give the
same bytes. Literals are written in short quotes with escapes (line breaks, quotes,
backslashes, control characters and lone surrogates as ``\\uXXXX``), integers,
decimals and booleans in canonical form bare, the rest with ``@lang`` or
``^^datatype``. An IRI is written as a prefixed name only when its local part
needs no escaping, else in full.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from .namespaces import PREFIXES, RDF, XSD

Triple = tuple[Node, Node, Node]
INDENT = "    "
_OBJ_SEP = ",\n" + INDENT * 2

# local parts written after a prefix: letters (any script), digits, _ and - (no escapes)
_BASE = ("A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff"
         "\u200c-\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd"
         "\U00010000-\U000effff")
_LOCAL = re.compile(f"(?:[{_BASE}_0-9][{_BASE}_0-9\\-\u00b7]*)?")
# in a quoted string: ", \, every control character, DEL and lone surrogates are escaped
_ESCAPES = {0x22: '\\"', 0x5C: "\\\\", 0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t", 0x08: "\\b",
            0x0C: "\\f"}
_STRING_TABLE = {c: _ESCAPES.get(c, f"\\u{c:04X}")
                 for c in [*range(0x20), 0x22, 0x5C, 0x7F, *range(0xD800, 0xE000)]}
_NEEDS_ESCAPE = re.compile('["\\\\\x00-\x1f\x7f\ud800-\udfff]')
# in an IRI: what IRIREF does not allow raw
_IRI_TABLE = {c: f"\\u{c:04X}" for c in [*range(0x21), *b'<>"{}|^`\\', *range(0xD800, 0xE000)]}
_IRI_ESCAPE = re.compile('[\x00-\x20<>"{}|^`\\\\\ud800-\udfff]')
_BARE = {
    XSD.integer: re.compile(r"[+-]?[0-9]+"),
    XSD.decimal: re.compile(r"[+-]?[0-9]*\.[0-9]+"),
    XSD.boolean: re.compile(r"true|false"),
}


def quote(text: str) -> str:
    """``text`` as a Turtle short string, escaped."""
    if _NEEDS_ESCAPE.search(text):
        text = text.translate(_STRING_TABLE)
    return f'"{text}"'


class TurtleWriter:
    """Turns rdflib terms and triples into Turtle; remembers the text of each term."""

    def __init__(self, prefixes: Mapping[str, object] | None = None) -> None:
        prefixes = PREFIXES if prefixes is None else prefixes
        self.prefixes = sorted((name, str(ns)) for name, ns in prefixes.items())
        self._by_length = sorted(((ns, name) for name, ns in self.prefixes),
                                 key=lambda p: (-len(p[0]), p[1]))
        self._text: dict[Node, str] = {RDF.type: "a"}

    def header(self) -> str:
        return "".join(f"@prefix {name}: <{self._iri(ns)}> .\n" for name, ns in self.prefixes)

    def term(self, term: Node) -> str:
        """The Turtle text of one term."""
        text = self._text.get(term)
        if text is None:
            text = self._text[term] = self._render(term)
        return text

    def _render(self, term: Node) -> str:
        if isinstance(term, URIRef):
            return self.name(term)
        if isinstance(term, Literal):
            return self._literal(term)
        if isinstance(term, BNode):  # any label, made a valid one the same way each time
            return f"_:b{str(term).encode('utf-8', 'surrogatepass').hex()}"
        raise TypeError(f"kg.turtle: cannot write {type(term).__name__} {term!r}")

    def name(self, iri: str) -> str:
        """A prefixed name when one fits without escapes, else the full IRI."""
        for ns, prefix in self._by_length:
            if iri.startswith(ns) and _LOCAL.fullmatch(iri, len(ns)):
                return f"{prefix}:{iri[len(ns):]}"
        return f"<{self._iri(iri)}>"

    @staticmethod
    def _iri(iri: str) -> str:
        return iri.translate(_IRI_TABLE) if _IRI_ESCAPE.search(iri) else iri

    def _literal(self, lit: Literal) -> str:
        lexical, lang, datatype = str(lit), lit.language, lit.datatype
        if lang:
            return f"{quote(lexical)}@{lang}"
        if datatype is None:
            return quote(lexical)
        bare = _BARE.get(datatype)
        if bare is not None and bare.fullmatch(lexical):
            return lexical
        return f"{quote(lexical)}^^{self.term(datatype)}"

    def block(self, subject: Node, predicates: Mapping[Node, Iterable[Node]]) -> str:
        """The statements of one subject, predicates and objects sorted."""
        term = self.term
        lines = []
        for _, pred_text, pred in sorted((term(p) != "a", term(p), p) for p in predicates):
            objects = sorted({term(o) for o in predicates[pred]})
            if objects:
                lines.append(f"{pred_text} {_OBJ_SEP.join(objects)}")
        return f"{term(subject)} " + f" ;\n{INDENT}".join(lines) + " .\n"

    def serialize(self, triples: Iterable[Triple]) -> str:
        """The whole document for ``triples`` (duplicates written once)."""
        return self.document(group(triples))

    def document(self, subjects: Mapping[Node, Mapping[Node, Iterable[Node]]]) -> str:
        """The whole document for triples grouped by subject, then predicate."""
        blocks = [self.block(s, subjects[s]) for s in sorted(subjects, key=subject_key)]
        return self.header() + "".join(f"\n{b}" for b in blocks)


def subject_key(node: Node) -> tuple[int, str]:
    """Subjects in order: IRIs by IRI, then blank nodes by label."""
    return (0 if isinstance(node, URIRef) else 1, str(node))


def group(triples: Iterable[Triple]) -> dict[Node, dict[Node, dict[Node, None]]]:
    """Triples as subject → predicate → objects (an ordered set)."""
    out: dict[Node, dict[Node, dict[Node, None]]] = {}
    for s, p, o in triples:
        preds = out.get(s)
        if preds is None:
            preds = out[s] = {}
        objs = preds.get(p)
        if objs is None:
            objs = preds[p] = {}
        objs[o] = None
    return out


def turtle(triples: Iterable[Triple]) -> str:
    """Turtle for any rdflib graph or iterable of triples."""
    return TurtleWriter().serialize(triples)
