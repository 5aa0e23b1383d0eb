"""Both store backends write the same result bytes, and row counts and caps read them right.

Oxigraph serialises SELECT results itself; rdflib's rows go through kg/store_format.py,
which must write what Oxigraph writes, byte for byte, in every format.
"""

from __future__ import annotations

import csv
import io
import json
import random
import re
import xml.etree.ElementTree as ET

import pytest

from kg.query import named_queries
from kg.store import BACKENDS, SELECT_FORMATS, open_store
from kg.store_format import count_rows, drop_last, select_bytes
from kg.store_terms import Term

pytest.importorskip("pyoxigraph")
QUERIES = {name: path.read_text(encoding="utf-8") for name, path in named_queries().items()}
XSD = "http://www.w3.org/2001/XMLSchema#"
EX = "http://example.org/"
# values that exercise every escape of the four formats, and literals Oxigraph canonicalises
TRICKY = [
    '"a\\"b\\\\c\\nd\\te\\rf\\u0001g\\u007Fh\\u2028i\\U0001F600j<k>&l\'m,n;o/p"',
    '"  lead and trail\\n"', '"\\t\\r\\n"', '" "', '""', '"a\\nb"', '"x,y"', '"q\\""',
    '"{}"', '"},{\\"type\\":\\"x\\"}"', '"\\"bindings\\":[{}]"', '"<result>x</result>"',
    '"]]>&amp;"', '"\\b\\f\\u000B\\u001F"', '"中文，「引号」"', '"x"@EN-us', '"贵州"@zh',
    f'"+007"^^<{XSD}int>', f'"-5"^^<{XSD}integer>', f'"300"^^<{XSD}byte>',
    f'"99999999999999999999"^^<{XSD}integer>', f'"4.20"^^<{XSD}decimal>',
    f'"-0.0"^^<{XSD}decimal>', f'"27"^^<{XSD}decimal>', f'".5"^^<{XSD}decimal>',
    f'"1.5E2"^^<{XSD}double>', f'"1e-7"^^<{XSD}double>', f'"-0"^^<{XSD}double>',
    f'"INF"^^<{XSD}double>', f'"0.1"^^<{XSD}float>', f'"1e39"^^<{XSD}float>',
    f'"1"^^<{XSD}boolean>', f'"false"^^<{XSD}boolean>', f'"2014-10-16"^^<{XSD}date>',
    f'"2014-10"^^<{XSD}gYearMonth>', f'"x"^^<{EX}a&b\'c>', f'"1.5"^^<{XSD}string>',
    f"<{EX}中?a=1&b=%3C2'>", f"<{EX}a,b>",
]
TRICKY_QUERIES = [
    f"SELECT ?s ?o ?q WHERE {{ ?s <{EX}p> ?o OPTIONAL {{ ?s <{EX}q> ?q }} }} ORDER BY ?s",
    f"SELECT ?s ?r WHERE {{ ?s <{EX}p> ?o OPTIONAL {{ ?s <{EX}r> ?r }} }} ORDER BY ?s",
    f"SELECT ?none WHERE {{ ?s <{EX}p> ?o OPTIONAL {{ ?s <{EX}none> ?none }} }}",  # {} rows
    f"SELECT ?o WHERE {{ ?s <{EX}p> ?o FILTER (isLiteral(?o)) }} ORDER BY ?s",
    f"SELECT * WHERE {{ ?s <{EX}q> ?q }} ORDER BY ?s",
    "SELECT ?x WHERE { } ",
]


@pytest.fixture(scope="module")
def tricky_stores(tmp_path_factory):
    lines = [f"<{EX}s{i:03d}> <{EX}p> {o} .\n" for i, o in enumerate(TRICKY)]
    lines += [f"<{EX}s{i:03d}> <{EX}q> {TRICKY[-i]} .\n" for i in range(1, len(TRICKY), 4)]
    lines += [f'<{EX}s{i:03d}> <{EX}r> "r{i:03d}" .\n' for i in range(0, len(TRICKY), 3)]
    path = tmp_path_factory.mktemp("tricky") / "tricky.nt"
    path.write_text("".join(lines), encoding="utf-8")
    return {b: open_store(path, b) for b in BACKENDS}


def total_order(text: str) -> str:
    """The query with its ORDER BY extended by every projected variable: ties cannot differ."""
    projected = re.findall(r"\?(\w+)", re.search(r"SELECT(.*?)WHERE", text, re.S).group(1))
    keys = re.findall(r"\?(\w+)", re.search(r"ORDER BY(.*)$", text, re.S).group(1))
    return text.rstrip() + "".join(f" ?{v}" for v in projected if v not in keys) + "\n"


def assert_same(stores, text: str, fmt: str, max_rows: int | None = None):
    a = stores["rdflib"].query(text, fmt, max_rows=max_rows)
    b = stores["oxigraph"].query(text, fmt, max_rows=max_rows)
    assert a.body == b.body, (fmt, a.body[:300], b.body[:300])
    assert (a.rows, a.truncated, a.content_type) == (b.rows, b.truncated, b.content_type)
    return a


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_named_queries_give_the_same_bytes_from_both_backends(sample_stores, synth_stores, name):
    text = total_order(QUERIES[name])
    for fmt in SELECT_FORMATS:
        assert_same(sample_stores, text, fmt)
        assert assert_same(synth_stores, text, fmt).rows > 0


@pytest.mark.parametrize("fmt", SELECT_FORMATS)
def test_escapes_and_canonical_literals_give_the_same_bytes(tricky_stores, fmt):
    for text in TRICKY_QUERIES:
        assert_same(tricky_stores, text, fmt)
    body = tricky_stores["oxigraph"].query(TRICKY_QUERIES[0], fmt).body
    assert parse_rows(body, fmt) == len(TRICKY)


def parse_rows(body: bytes, fmt: str) -> int:
    """Rows counted by real parsers (the store counts without parsing)."""
    if fmt == "json":
        return len(json.loads(body)["results"]["bindings"])
    if fmt == "xml":  # XML 1.0 has no way to carry C0 controls: both backends write them raw
        body = re.sub(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]", b"", body)
        return len(ET.fromstring(body).findall(".//{http://www.w3.org/2005/sparql-results#}result"))
    if fmt == "csv":
        return len(list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))) - 1
    return len(body.decode("utf-8").split("\n")) - 2


@pytest.mark.parametrize("fmt", SELECT_FORMATS)
def test_row_cap_cuts_the_same_rows_in_both_backends(tricky_stores, fmt):
    for text in TRICKY_QUERIES[:4]:
        full = assert_same(tricky_stores, text, fmt)
        assert full.rows == parse_rows(full.body, fmt) >= len(TRICKY) - 2
        for cap in (0, 1, 2, full.rows - 1, full.rows, full.rows + 1):
            out = assert_same(tricky_stores, text, fmt, max_rows=cap)
            assert out.rows == min(cap, full.rows) == parse_rows(out.body, fmt)
            assert out.truncated == (cap < full.rows)


@pytest.mark.parametrize("backend", BACKENDS)
def test_row_cap_on_queries_with_their_own_limit_or_values(synth_stores, backend):
    store = synth_stores[backend]
    base = QUERIES["delegates"].rstrip()
    limited = store.query(base + "\nLIMIT 7", "csv", max_rows=5)
    assert (limited.rows, limited.truncated) == (5, True)
    assert limited.body == store.query(base + "\nLIMIT 5", "csv").body
    assert store.query(base + "\nLIMIT 7", "tsv", max_rows=9).rows == 7
    values = "SELECT ?x WHERE { } VALUES ?x { 1 2 3 }"
    out = store.query(values, "json", max_rows=2)
    assert (out.rows, out.truncated) == (2, True)
    assert [b["x"]["value"] for b in json.loads(out.body)["results"]["bindings"]] == ["1", "2"]


def test_counting_and_cutting_agree_with_the_rows_written():
    """count_rows and drop_last on kg's own serialisation of random rows of awkward terms."""
    terms = [Term("uri", EX + "a,b"), Term("bnode", "b0"), Term("literal", "x\r\ny,\"z\""),
             Term("literal", "{}"), Term("literal", '},{"type":"'), Term("literal", " <result> "),
             Term("literal", "7", None, XSD + "integer"), Term("literal", "中", "zh"), None]
    rng = random.Random(5)
    for _ in range(300):
        width = rng.randrange(0, 4)
        rows = [tuple(rng.choice(terms) for _ in range(width)) for _ in range(rng.randrange(1, 6))]
        names = [f"v{i}" for i in range(width)]
        for fmt in SELECT_FORMATS:
            body = select_bytes(names, rows, fmt)
            assert count_rows(body, fmt) == len(rows) == parse_rows(body, fmt), (fmt, rows)
            if len(rows) > 1:
                assert drop_last(body, fmt) == select_bytes(names, rows[:-1], fmt), (fmt, rows)
