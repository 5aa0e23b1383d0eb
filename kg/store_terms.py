"""Result terms in neutral form, canonicalised the way Oxigraph stores them.

Oxigraph keeps values, not spellings: ``"27.0"^^xsd:decimal`` comes back as ``27``,
``"+007"^^xsd:int`` as ``"7"^^xsd:integer``, ``"1.5E2"^^xsd:double`` as ``150``,
language tags in lower case. rdflib keeps what the file said. Terms from rdflib are
canonicalised here so that both backends serialise to the same bytes (dates and
durations are left as written: kg writes them canonically already).
"""

from __future__ import annotations

import math
import re
import struct
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import NamedTuple

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"
XSD_INTEGER = XSD + "integer"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
INTEGERS = frozenset(XSD + t for t in (
    "integer", "long", "int", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort",
    "unsignedByte"))


class Term(NamedTuple):
    kind: str  # "uri" | "bnode" | "literal"
    value: str
    lang: str | None = None
    datatype: str | None = None  # None for plain and language-tagged strings


_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_DOUBLE = re.compile(  # and rdflib's own spellings of infinity and NaN
    r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|[+-]?(?:INF|inf)|NaN|nan")
_I64 = 1 << 63
_DECIMAL_MAX = Decimal((1 << 127) - 1).scaleb(-18)  # Oxigraph: an i128 of 10^-18 units
_BOOLEANS = {"true": "true", "1": "true", "false": "false", "0": "false"}


def _plain_digits(digits: str) -> str:
    """Decimal digits without exponent or trailing zeros, as Rust prints a float."""
    return format(Decimal(digits).normalize(), "f")


def _float_text(value: float, single: bool) -> str:
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "INF" if value > 0 else "-INF"
    if not single:
        return _plain_digits(repr(value))
    for places in range(1, 10):  # the shortest spelling that reads back as the same f32
        digits = format(value, f".{places}g")
        if struct.unpack("f", struct.pack("f", float(digits)))[0] == value:
            return _plain_digits(digits)
    return _plain_digits(repr(value))


def _to_f32(value: float) -> float:
    try:
        return struct.unpack("f", struct.pack("f", value))[0]
    except OverflowError:
        return math.copysign(math.inf, value)


def canonical(value: str, datatype: str | None) -> tuple[str, str | None]:
    """(lexical form, datatype) as Oxigraph gives them back; spellings it cannot parse stay."""
    if datatype in INTEGERS:
        if _INTEGER.fullmatch(value) and -_I64 <= int(value) < _I64:
            return str(int(value)), XSD_INTEGER
        return value, datatype
    if datatype == XSD + "decimal":
        if _DECIMAL.fullmatch(value):
            number = Decimal(value).normalize()
            if abs(number) <= _DECIMAL_MAX and number.as_tuple().exponent >= -18:
                text = format(number, "f")
                return ("0" if text == "-0" else text), datatype
        return value, datatype
    if datatype == XSD + "boolean":
        return _BOOLEANS.get(value, value), datatype
    if datatype in (XSD + "double", XSD + "float") and _DOUBLE.fullmatch(value):
        single = datatype == XSD + "float"
        number = float(value)
        return _float_text(_to_f32(number) if single else number, single), datatype
    return value, datatype


_new = tuple.__new__  # a NamedTuple's own constructor is Python code: slow per result term
_PLAIN = frozenset((XSD_STRING, RDF_LANGSTRING))


def literal(value: str, lang: str | None, datatype: str | None) -> Term:
    if datatype in _PLAIN:
        datatype = None
    return _new(Term, ("literal", value, lang.lower() if lang else None, datatype))


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
