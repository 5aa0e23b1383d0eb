"""SPARQL 1.1 Protocol for ``kg serve``: which operation a request asks for, in which format.

Kept apart from the HTTP plumbing (kg/serve.py) so the rules can be read, and tested, on their own.
The query form is sniffed from the text before running it because the result format depends on it
(a SELECT answers in SPARQL results, a CONSTRUCT in RDF), and update operations are recognised here
so they are refused before they reach the store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs

# result formats per query form, in the server's order of preference (the first is the default)
RESULT_FORMATS = ("json", "xml", "csv", "tsv")
GRAPH_FORMATS = ("turtle", "jsonld", "ntriples")
MEDIA_TYPES: dict[str, tuple[str, ...]] = {
    "json": ("application/sparql-results+json", "application/json"),
    "xml": ("application/sparql-results+xml", "application/xml", "text/xml"),
    "csv": ("text/csv",),
    "tsv": ("text/tab-separated-values",),
    "turtle": ("text/turtle", "application/turtle", "application/x-turtle"),
    "jsonld": ("application/ld+json", "application/x-json+ld", "application/json"),
    "ntriples": ("application/n-triples", "text/plain"),
}
# values of the format= parameter (short names as SPARQLWrapper and others send them)
FORMAT_NAMES = {
    "json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv",
    "turtle": "turtle", "ttl": "turtle", "jsonld": "jsonld", "json-ld": "jsonld",
    "ntriples": "ntriples", "nt": "ntriples", "n-triples": "ntriples",
}
QUERY_FORMS = ("select", "ask", "construct", "describe")
UPDATE_KEYWORDS = frozenset(
    "insert delete load clear create drop copy move add with".split())
_PROLOGUE = re.compile(
    r"""\s*(?:\#[^\n]*|BASE\s*<[^>]*>|PREFIX\s*[^\s:]*:\s*<[^>]*>)""", re.I)
_KEYWORD = re.compile(r"\s*([A-Za-z]+)")
FORM_TYPE = "application/x-www-form-urlencoded"
QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"


class ProtocolError(Exception):
    """A request the protocol layer answers itself; ``status`` is the HTTP status to send."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Operation:
    """What a request asks for: a query (with its sniffed form) or an update."""

    kind: str  # "query" | "update"
    text: str
    form: str | None  # select/ask/construct/describe, or the update keyword, or None
    params: dict[str, list[str]]


def first_keyword(sparql: str) -> str | None:
    """The keyword after the prologue (comments, BASE, PREFIX), lower-cased."""
    pos = 0
    while m := _PROLOGUE.match(sparql, pos):
        if m.end() == pos:
            break
        pos = m.end()
    m = _KEYWORD.match(sparql, pos)
    return m.group(1).lower() if m else None


def _one(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name, [])
    if len(values) > 1:
        raise ProtocolError(400, f"give one {name}= parameter, not {len(values)}")
    return values[0] if values else None


def parse_params(raw: str) -> dict[str, list[str]]:
    try:
        return parse_qs(raw, keep_blank_values=True, strict_parsing=False,
                        encoding="utf-8", errors="strict", max_num_fields=100)
    except (UnicodeDecodeError, ValueError) as err:
        raise ProtocolError(400, f"cannot read the parameters: {err}") from err


def operation(method: str, url_query: str, content_type: str, body: bytes) -> Operation:
    """Read a SPARQL Protocol request: GET ?query=, POST form (query= or update=), POST body."""
    params = parse_params(url_query)
    media = content_type.split(";", 1)[0].strip().lower()
    text: str | None = None
    kind = "query"
    if method == "POST":
        if media == FORM_TYPE:
            try:
                form = parse_params(body.decode("utf-8"))
            except UnicodeDecodeError as err:
                raise ProtocolError(400, "the form body is not UTF-8") from err
            for key, values in form.items():
                params.setdefault(key, []).extend(values)
        elif media in (QUERY_TYPE, UPDATE_TYPE):
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError as err:
                raise ProtocolError(400, "the request body is not UTF-8") from err
            kind = "update" if media == UPDATE_TYPE else "query"
        else:
            raise ProtocolError(415, f"unsupported Content-Type {media or '(none)'!r}: use "
                                f"{FORM_TYPE}, {QUERY_TYPE} or {UPDATE_TYPE}")
    if text is None:
        query, update = _one(params, "query"), _one(params, "update")
        if query is not None and update is not None:
            raise ProtocolError(400, "give query= or update=, not both")
        if update is not None:
            if method != "POST":
                raise ProtocolError(400, "SPARQL Update must be sent with POST")
            text, kind = update, "update"
        elif query is not None:
            text = query
        else:
            raise ProtocolError(400, "no query: send query= (GET or POST form) "
                                f"or a POST body of type {QUERY_TYPE}")
    if not text.strip():
        raise ProtocolError(400, "the query is empty")
    for name in ("default-graph-uri", "named-graph-uri", "using-graph-uri",
                 "using-named-graph-uri"):
        if any(v.strip() for v in params.get(name, [])):
            raise ProtocolError(400, f"{name} is not supported: this endpoint serves one graph")
    keyword = first_keyword(text)
    if kind == "query" and keyword in UPDATE_KEYWORDS:
        kind = "update"
    return Operation(kind, text, keyword, params)


def _accept(header: str) -> list[tuple[str, float]]:
    """Media ranges, best first (by q, then specificity, then the client's order)."""
    ranges = []
    for index, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        specific = 0 if media == "*/*" else 1 if media.endswith("/*") else 2
        ranges.append((-q, -specific, index, media, q))
    return [(media, q) for *_k, media, q in sorted(ranges)]


def _matches(media_range: str, media: str) -> bool:
    if media_range == "*/*":
        return True
    if media_range.endswith("/*"):
        return media.startswith(media_range[:-1])
    return media_range == media


def choose_format(form: str | None, params: dict[str, list[str]], accept: str) -> str:
    """The result format: the format= parameter if given, else the Accept header, else default."""
    choices = GRAPH_FORMATS if form in ("construct", "describe") else RESULT_FORMATS
    asked = params.get("format", [])
    if asked:
        for value in asked:
            v = value.strip().lower()
            fmt = FORMAT_NAMES.get(v) or next(
                (f for f in choices if v.split(";")[0].strip() in MEDIA_TYPES[f]), None)
            if fmt in choices:
                return fmt
        raise ProtocolError(406, f"format={asked[0]} is not available for this query: "
                            f"use one of {', '.join(choices)}")
    if not accept.strip():
        return choices[0]
    for media_range, q in _accept(accept):
        if q <= 0:
            continue
        for fmt in choices:
            # a wildcard (text/*) matches a format's own type, not its aliases (text/xml)
            types = MEDIA_TYPES[fmt][:1] if media_range.endswith("*") else MEDIA_TYPES[fmt]
            if any(_matches(media_range, m) for m in types):
                return fmt
    offered = ", ".join(MEDIA_TYPES[f][0] for f in choices)
    raise ProtocolError(406, f"cannot answer with any type in Accept: {accept[:200]} "
                        f"(offered: {offered})")
