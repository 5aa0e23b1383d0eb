"""Property-based tests: on any Unicode text, normalisation and extraction never raise, and
every offset they report points at exactly the text it claims."""

from __future__ import annotations

import pytest
from conftest import make_doc, same_surface

from kg.normalise import normalise, split_sentences, to_simplified
from kg.resources import SAMPLE_DIR

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_SAMPLE = "".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLE_DIR.glob("0[1-5]*.txt")))
_PIECES = [_SAMPLE[i : i + 60] for i in range(0, len(_SAMPLE), 60)]  # real sentences, cut anyhow
_HOSTILE = ("\n", "\r\n", "\n\n", "\u3000", " ", "\t", "\x00", "\x0b", "\x1f", "\u200b",
            "\ufeff", "１２３", "ＡＢＣ", "％", "。", "“", "”", "《", "》", "·",
            "國務院", "臺灣", "黨的二十大代表", "縣", "鄉", "選舉", "𠀀", "\U0001f600")

any_char = st.characters(blacklist_categories=("Cs",))  # every code point but surrogates
chinese = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
fragment = st.one_of(
    st.sampled_from(_PIECES),
    st.sampled_from(_HOSTILE),
    st.text(chinese, max_size=12),
    st.text(any_char, max_size=12),
)
texts = st.lists(fragment, max_size=25).map("".join)
FAST = settings(max_examples=150, deadline=None)
SLOW = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(texts)
def test_normalise_maps_every_character_back(text):
    norm = normalise(text)
    assert len(norm.offsets) == len(norm.text) + 1
    assert norm.offsets[-1] == len(text)
    assert list(norm.offsets) == sorted(norm.offsets)
    simple = to_simplified(text)
    assert len(simple) == len(text)  # one character to one
    for i, ch in enumerate(norm.text):
        if ch != "\n":  # a kept line break stands for a run of blanks
            assert simple[norm.offsets[i]] == ch


@FAST
@given(texts)
def test_sentences_lie_inside_the_text(text):
    norm = normalise(text)
    last = 0
    for start, end in split_sentences(norm.text):
        assert last <= start < end <= len(norm.text)
        assert norm.text[start:end].strip() == norm.text[start:end]
        last = end


@pytest.fixture(scope="module")
def nlp():
    from kg.nlp import get_pipeline

    return get_pipeline()


@SLOW
@given(text=texts)
def test_extraction_never_raises_and_offsets_are_true(nlp, text):
    from kg.extract.run import extract_document

    doc = make_doc(text)
    result = extract_document(doc, nlp)
    for s in result.sentences:
        assert 0 <= s.start < s.end <= len(text)
    for m in result.mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert same_surface(text, m.start, m.end, m.text), (m, text[m.start : m.end])
    for f in result.facts:
        ev = f.evidence
        assert ev.doc_id == doc.doc_id
        sent = result.sentences[ev.sentence]
        assert sent.start <= ev.start <= ev.end <= sent.end


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_graph_quotes_are_the_original_text(nlp, text):
    from rdflib import Graph

    from kg.extract.run import extract_document
    from kg.graph import turtle
    from kg.namespaces import KG, RDF
    from kg.rdfmap import to_rdf
    from kg.resolve import resolve

    result = extract_document(make_doc(text), nlp)
    graph = to_rdf(resolve([result]))
    for ev in graph.subjects(RDF.type, KG.Evidence):
        start, end = (graph.value(ev, KG.startOffset).toPython(),
                      graph.value(ev, KG.endOffset).toPython())
        assert str(graph.value(ev, KG.quote)) == text[start:end]
    for s in graph.subjects(RDF.type, KG.Sentence):
        start, end = (graph.value(s, KG.startOffset).toPython(),
                      graph.value(s, KG.endOffset).toPython())
        assert str(graph.value(s, RDF.value)) == text[start:end]
    again = Graph().parse(data=turtle(graph), format="turtle")  # control characters survive
    assert len(again) == len(graph)
