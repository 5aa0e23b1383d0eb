"""A huge file is extracted in pieces: bounded spaCy Docs, true offsets, shared by the
workers, cached piece by piece. A small ``segment`` stands in for the 50,000 characters."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from conftest import make_doc, same_surface
from spacy.language import Language
from spacy.tokens import Doc

import kg
from kg.bigdoc import cut_points
from kg.build import extract_all
from kg.cache import ExtractionCache
from kg.extract.run import extract_document
from kg.graph import BuildReport
from kg.nlp import get_pipeline
from kg.parallel import InProcess
from kg.read import read_document
from kg.resources import SAMPLE_DIR

SEGMENT = 2000
TEXT = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLE_DIR.glob("0[1-3]*.txt"))) * 3
_DOC_LENGTHS: list[int] = []  # characters of every spaCy Doc the pipeline was given


@Language.component("test_doc_lengths")
def _record_length(doc: Doc) -> Doc:
    _DOC_LENGTHS.append(len(doc.text))
    return doc


class Recording(InProcess):
    """The in-process executor, keeping what it was handed to extract."""

    def __init__(self) -> None:
        self.handed: list[str] = []

    def map(self, fn, items):
        return super().map(fn, (self.handed.append(d.text) or d for d in items))


@pytest.fixture
def doc_lengths():
    """The lengths of the spaCy Docs the real pipeline runs on, during the test."""
    nlp = get_pipeline()
    nlp.add_pipe("test_doc_lengths", first=True)
    _DOC_LENGTHS.clear()
    try:
        yield _DOC_LENGTHS
    finally:
        nlp.remove_pipe("test_doc_lengths")


def test_a_long_document_goes_through_the_pipeline_in_pieces_with_true_offsets(doc_lengths):
    doc = make_doc(TEXT, "long.txt")
    spans = cut_points(TEXT, SEGMENT)
    assert len(spans) >= 5 and len(TEXT) > 4 * SEGMENT
    executor = Recording()
    [result] = extract_all([doc], executor=executor, segment=SEGMENT)
    # each piece is a task of its own, and no spaCy Doc holds more than one piece
    assert executor.handed == [TEXT[a:b] for a, b in spans]
    assert len(doc_lengths) == len(spans) and max(doc_lengths) <= SEGMENT
    # every piece's findings are there, moved to where the piece starts
    facts = mentions = 0
    for a, b in spans:
        alone = extract_document(dataclasses.replace(doc, text=TEXT[a:b]))
        here = [m for m in result.mentions if a <= m.start < b]
        assert [(m.start - a, m.end - a, m.label, m.text) for m in here] == [
            (m.start, m.end, m.label, m.text) for m in alone.mentions]
        cited = sorted((f.kind, f.args, f.evidence.start - a, f.evidence.end - a)
                       for f in result.facts if a <= f.evidence.start < b)
        assert cited == sorted((f.kind, f.args, f.evidence.start, f.evidence.end)
                               for f in alone.facts)
        facts, mentions = facts + len(cited), mentions + len(here)
    assert (facts, mentions) == (len(result.facts), len(result.mentions)) and facts > 100
    # offsets point into the whole text: the sentences of an extraction of the whole
    whole = extract_document(doc)
    assert result.sentences == whole.sentences
    assert result.mentions == whole.mentions
    for m in result.mentions:
        assert same_surface(TEXT, m.start, m.end, m.text), m
    for f in result.facts:
        sent = result.sentences[f.evidence.sentence]
        assert sent.start <= f.evidence.start <= f.evidence.end <= sent.end, f


def test_a_short_document_is_one_piece(doc_lengths):
    doc = make_doc(TEXT, "long.txt")
    executor = Recording()
    [result] = extract_all([doc], executor=executor)
    assert executor.handed == [TEXT] and len(doc_lengths) == 1 and doc_lengths[0] > 4 * SEGMENT
    assert result == extract_document(doc)


def test_pieces_of_one_file_on_two_workers_give_the_same_bytes(tmp_path: Path):
    (tmp_path / "long.txt").write_text(TEXT, encoding="utf-8")
    one = kg.build([tmp_path], jobs=1, segment=SEGMENT)
    two = kg.build([tmp_path], jobs=2, segment=SEGMENT, inline=0)
    assert two.report.jobs == 2 and two.report.extracted == 1
    assert one.turtle() == two.turtle()
    assert len(one) > 500


def test_the_cache_keeps_pieces_so_an_edit_at_the_end_extracts_only_the_last(tmp_path: Path):
    cache = ExtractionCache(tmp_path / "cache")
    first = Recording()
    extract_all([make_doc(TEXT, "long.txt")], executor=first, cache=cache, segment=SEGMENT)
    edited = make_doc(TEXT + "\n会议于当天闭幕。\n", "long.txt")
    again, report = Recording(), BuildReport()
    [result] = extract_all([edited], executor=again, cache=cache, report=report,
                           segment=SEGMENT)
    assert len(first.handed) >= 5 and again.handed == [first.handed[-1] + "\n会议于当天闭幕。\n"]
    assert (report.extracted, report.cached) == (1, 0)
    assert result == extract_all([edited], segment=SEGMENT)[0]
    [hit] = extract_all([edited], executor=(third := Recording()), cache=cache,
                        report=(report := BuildReport()), segment=SEGMENT)
    assert third.handed == [] and (report.extracted, report.cached) == (0, 1) and hit == result


def test_a_big_file_is_decoded_by_all_its_bytes_not_its_head(tmp_path: Path):
    # candidates are checked piece by piece (1 MB): a character cut at a piece boundary is
    # whole, and bytes only the tail of the file holds still decide the encoding
    head = "a" * ((1 << 20) - 1)  # the next character straddles the first boundary
    tail = "中国共产党第二十次全国代表大会代表名单向社会公布。\n" * 100
    for codec, expected in (("utf-8", "utf-8"), ("gb18030", "gb18030")):
        path = tmp_path / f"{codec}.txt"
        path.write_bytes((head + tail).encode(codec))
        doc = read_document(path)
        assert (doc.text, doc.encoding) == (head + tail, expected)
    path = tmp_path / "late.txt"  # 2 MB of ASCII (UTF-8 so far), then GB18030: not UTF-8
    path.write_bytes(("a" * (2 << 20) + tail).encode("gb18030"))
    doc = read_document(path)
    assert doc.encoding == "gb18030" and doc.text == "a" * (2 << 20) + tail
