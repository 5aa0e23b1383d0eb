"""What a rebuild takes from the last build: the files are those of a build from scratch."""

from __future__ import annotations

import shutil

import pytest
from conftest import make_doc

import kg
from kg.build import extract_all
from kg.cache import ExtractionCache
from kg.fragments import BuiltGraph, FragmentCache
from kg.html import write_html
from kg.model import DocResult, Mention, Sentence
from kg.read import iter_documents
from kg.resolve import resolve
from kg.resolve_people import PairMemo, merge_people
from kg.resources import SAMPLE_DIR
from kg.turtle import TurtleWriter, turtle


@pytest.fixture(scope="module")
def resolved(tmp_path_factory):
    """The sample corpus resolved, with its extraction cached in a folder of its own."""
    cache = tmp_path_factory.mktemp("cache")
    results = extract_all(iter_documents([SAMPLE_DIR], print), cache=ExtractionCache(cache))
    return resolve(results), cache


def test_parts_write_what_the_whole_graph_writes(resolved, tmp_path):
    res, cache = resolved
    fresh = BuiltGraph(res, cache)  # fills the cache
    again = BuiltGraph(res, cache)  # reads it
    whole = fresh.triples()
    assert len(fresh) == len(again) == len(whole) > 2000
    text = turtle(whole)
    assert fresh.turtle() == again.turtle() == BuiltGraph(res).turtle() == text
    write_html(whole, tmp_path / "whole.html")
    again.write_html(tmp_path / "parts.html")
    assert (tmp_path / "parts.html").read_bytes() == (tmp_path / "whole.html").read_bytes()


def test_documents_blocks_come_from_the_cache(resolved, tmp_path):
    res, cache = resolved
    folder = tmp_path / "cache"
    first = BuiltGraph(res, folder)
    first.write_html(tmp_path / "page.html")  # the page needs no document's blocks
    assert not (folder / "rdf").exists()
    text = first.turtle()  # they are made (and cached) when the Turtle is
    entries = sorted((folder / "rdf").rglob("*.m"))
    assert len(entries) == len(res.documents)
    entries[0].write_bytes(entries[0].read_bytes()[:30])  # as if cut off: made again
    for entry in entries[1:]:  # and these read back instead of being made
        blocks = FragmentCache(folder).get(entry.stem)
        assert blocks is not None and blocks[1] > 0
    again = BuiltGraph(res, folder)
    assert again.turtle() == text
    assert len(list((folder / "rdf").rglob("*.m"))) == len(entries)


def test_a_renamed_file_gets_its_new_name_and_path(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SAMPLE_DIR, corpus)
    cache = tmp_path / "cache"
    kg.build([corpus], cache=cache, jobs=1)
    (corpus / "01_overview.txt").rename(corpus / "01_renamed.txt")
    moved = kg.build([corpus], cache=cache, jobs=1)
    assert moved.report.cached == 6
    text = moved.turtle()
    assert "01_renamed.txt" in text and "01_overview.txt" not in text
    assert text == kg.build([corpus], jobs=1).turtle()


def test_the_graph_is_made_on_first_use_and_then_rules(resolved, tmp_path):
    res, cache = resolved
    built = kg.KnowledgeGraph(BuiltGraph(res, cache))
    size = len(built)
    graph = built.graph  # now the rdflib graph is what the views read
    assert len(graph) == size
    graph.remove((None, None, None))
    assert len(built) == 0
    built.save(tmp_path)
    assert (tmp_path / "graph.ttl").read_text(encoding="utf-8") == TurtleWriter().header()


def _person_in(text: str, name: str) -> DocResult:
    doc = make_doc(text, f"{name}.txt")
    start = text.index(name)
    return DocResult(doc, [Sentence(0, 0, len(text))],
                     [Mention(start, start + len(name), "Person", name, "test")])


def test_name_comparisons_of_the_last_build_are_reused(tmp_path):
    results = [_person_in("本报记者张三丰报道会议开幕。", "张三丰"),
               _person_in("本报记者张三峰报道会议开幕。", "张三峰"),
               _person_in("本报记者张三峰报道会议闭幕。", "张三峰")]
    known: dict[bytes, bool] = {}
    assert merge_people(results, known) == {"张三丰": "张三峰"}
    assert list(known.values()) == [True]
    memo = PairMemo(tmp_path)
    memo.save(known)
    again = memo.load()
    assert again == known
    assert merge_people(results, again) == {"张三丰": "张三峰"}
    # the answer comes from the memo, not from comparing again
    flipped = {key: False for key in known}
    assert merge_people(results, flipped) == {}
    (tmp_path / "people.m").write_bytes(b"\x00broken")
    assert memo.load() == {}
