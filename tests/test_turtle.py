"""kg's own Turtle writer: rdflib reads back the same graph, bytes never depend on hashing."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.namespaces import ID, KG, ORG, RDF, SDO, XSD
from kg.triples import Triples
from kg.turtle import TurtleWriter, turtle

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = ['say "hi"', "back\\slash", "line\nbreak\r\n", "tab\tand\fform\bfeed", "'single'",
           '"""', "", " ", "\\u0041 is not A", "中文 and 繁體", "emoji 😀 and 𠀀 (outside the BMP)",
           "".join(map(chr, range(32))) + "\x7f", "\u2028\u2029\ufeff", "# not a comment ."]


def hostile_graph() -> Graph:
    g = Graph()
    for i, text in enumerate(HOSTILE):
        g.add((ID[f"x/{i}"], KG.quote, Literal(text)))
        g.add((ID[f"x/{i}"], KG.title, Literal(text, lang="zh-Hans-CN")))
        g.add((ID[f"x/{i}"], RDF.type, KG.Evidence))
    for lit in (Literal(5), Literal(-12), Literal("1.50", datatype=XSD.decimal), Literal(True),
                Literal(1.5), Literal("abc", datatype=XSD.integer),
                Literal("x", datatype=XSD.string), Literal("2022-10-16", datatype=XSD.date),
                Literal("x", datatype=URIRef("http://example.org/dt#t")), Literal("en", lang="en")):
        g.add((ID.a, KG.count, lit))
    node = BNode("a blank node label!")
    g.add((ID.a, KG.sentence, node))
    g.add((node, SDO.name, Literal("blank")))
    g.add((node, KG.sentence, BNode("second")))
    for local in ("1st", "-dash", "a.b", "人物·甲", ""):  # prefixed where allowed, else full
        g.add((URIRef(str(KG) + local), ORG.member, ID["person/张三"]))
    return g


def test_rdflib_reads_back_the_same_graph():
    g = hostile_graph()
    back = Graph().parse(data=turtle(g), format="turtle")
    assert len(back) == len(g)
    assert isomorphic(back, g)
    quotes = {str(o) for o in back.objects(None, KG.quote)}
    assert quotes == set(HOSTILE)


def test_the_built_graph_reads_back_isomorphic(sample_kg):
    built, out = sample_kg
    back = Graph().parse(out / "graph.ttl", format="turtle")
    assert isomorphic(back, built.graph)
    assert (out / "graph.ttl").read_text(encoding="utf-8") == turtle(built.graph)


def test_lone_surrogates_are_escaped_and_come_back():
    # a Python str may hold them (not from a file kg reads, but from code): the file
    # stays valid UTF-8 and rdflib reads the same string back
    g = Graph()
    g.add((ID.s, KG.quote, Literal("a\ud800b\udfff")))
    text = turtle(g)
    text.encode("utf-8")  # no surrogate left raw
    assert '"a\\uD800b\\uDFFF"' in text
    back = Graph().parse(data=text, format="turtle")
    assert {str(o) for o in back.objects(None, KG.quote)} == {"a\ud800b\udfff"}


def test_terms_are_written_in_their_short_forms():
    w = TurtleWriter()
    assert w.term(RDF.type) == "a"
    assert w.term(KG.quote) == "kg:quote"
    assert w.term(Literal(5)) == "5"
    assert w.term(Literal("1.50", datatype=XSD.decimal)) == "1.50"
    assert w.term(Literal("abc", datatype=XSD.integer)) == '"abc"^^xsd:integer'
    assert w.term(Literal("名", lang="zh")) == '"名"@zh'
    assert w.term(ID["person/张三"]) == "<https://w3id.org/kg-news/id/person/张三>"
    assert w.term(URIRef(str(KG) + "a.b")) == "<https://w3id.org/kg-news/ontology#a.b>"
    assert w.term(URIRef("http://example.org/a b>")) == "<http://example.org/a\\u0020b\\u003E>"


def test_subjects_predicates_and_objects_come_sorted():
    triples = list(hostile_graph())
    random.Random(7).shuffle(triples)
    text = turtle(triples)
    assert text == turtle(reversed(triples)) == turtle(Triples(triples))
    blocks = text.split("\n\n")[1:]
    subjects = [b.split(" ", 1)[0] for b in blocks]
    iris = [s for s in subjects if not s.startswith("_:")]
    assert subjects[: len(iris)] == iris  # IRIs first, blank nodes last
    assert len(set(subjects)) == len(subjects)  # one block per subject
    first = next(b for b in blocks if b.startswith("<https://w3id.org/kg-news/id/x/0>"))
    assert first.split("\n")[0].split(" ")[1] == "a"  # rdf:type first


def test_bytes_do_not_depend_on_the_hash_seed(tmp_path):
    code = ("import sys; sys.path.insert(0, sys.argv[1]); from test_turtle import hostile_graph;"
            "from kg.turtle import turtle; sys.stdout.buffer.write(turtle(hostile_graph())"
            ".encode('utf-8'))")
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", code, str(ROOT / "tests")], env=env,
                             check=True, capture_output=True, cwd=ROOT)
        outputs.add(run.stdout)
    assert len(outputs) == 1
    # blank node labels are the graph's own: the same graph object gives the same bytes
    assert outputs.pop().decode("utf-8") == turtle(hostile_graph())
