"""SPARQL: the named queries shipped with kg, and result formats.

``json`` is the SPARQL 1.1 Query Results JSON format, ``csv`` and ``tsv`` the
SPARQL 1.1 CSV/TSV formats; ``table`` is for people, aligned for Chinese.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from pathlib import Path

from rdflib import Graph
from rdflib.query import Result

from .resources import QUERY_DIR

FORMATS = ("table", "json", "csv", "tsv")
_KEYWORDS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "PREFIX", "BASE")


class QueryError(Exception):
    """A query that cannot be found, read or parsed; str() is one line."""


def named_queries() -> dict[str, Path]:
    return {p.stem: p for p in sorted(QUERY_DIR.glob("*.rq"))}


def describe(path: Path) -> str:
    """The first comment line of a query file."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            return line.lstrip("# ").strip()
    return ""


def query_text(spec: str) -> str:
    """A named query, a .rq file, or SPARQL text itself."""
    named = named_queries()
    if spec in named:
        return named[spec].read_text(encoding="utf-8")
    if spec.endswith(".rq") or (len(spec) < 256 and Path(spec).is_file()):
        try:
            return Path(spec).read_text(encoding="utf-8")
        except OSError as err:
            raise QueryError(f"{spec}: cannot read query file ({err.strerror})") from err
    if any(k in spec.upper() for k in _KEYWORDS):
        return spec
    raise QueryError(f"unknown query {spec!r}: not a named query ({', '.join(named)}), "
                     "a .rq file, or SPARQL text")


def run(graph: Graph, text: str) -> Result:
    try:
        return graph.query(text)
    except Exception as err:  # rdflib raises pyparsing and other errors
        msg = " ".join(str(err).split())
        raise QueryError(f"SPARQL error: {msg}") from err


def _value(term) -> str:
    return "" if term is None else str(term)


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _pad(s: str, n: int) -> str:
    return s + " " * (n - _width(s))


def table(names: list[str], cells: list[list[str]]) -> str:
    """Rows of strings as aligned columns (Chinese characters count double)."""
    widths = [max([_width(n)] + [_width(r[i]) for r in cells]) for i, n in enumerate(names)]
    out = ["  ".join(_pad(n, w) for n, w in zip(names, widths, strict=True)),
           "  ".join("-" * w for w in widths)]
    out += ["  ".join(_pad(c, w) for c, w in zip(r, widths, strict=True)) for r in cells]
    out.append(f"({len(cells)} rows)")
    return "\n".join(out) + "\n"


def format_result(result: Result, fmt: str = "table") -> str:
    if result.type == "CONSTRUCT" or result.type == "DESCRIBE":
        return result.graph.serialize(format="turtle")
    if fmt == "json":
        return result.serialize(format="json").decode("utf-8")
    if result.type == "ASK":
        return "true" if result.askAnswer else "false"
    names = [str(v) for v in result.vars]
    rows = [[row[v] for v in result.vars] for row in result]
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(names)
        w.writerows([[_value(t) for t in r] for r in rows])
        return buf.getvalue()
    if fmt == "tsv":
        lines = ["\t".join("?" + n for n in names)]
        lines += ["\t".join("" if t is None else t.n3() for t in r) for r in rows]
        return "\n".join(lines) + "\n"
    if fmt == "table":
        return table(names, [[_value(t) for t in r] for r in rows])
    raise QueryError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")


def to_json(result: Result) -> dict:
    return json.loads(format_result(result, "json"))
