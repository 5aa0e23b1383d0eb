"""Resolving one huge document (a 50 MB file is one ``DocResult``) does work in proportion
to its length: nothing compares every role with every mention, or every organisation name
with every other. Work is counted as the function calls the profiler sees (Python and C),
not timed, so the test is the same on a loaded machine."""

from __future__ import annotations

import sys

from conftest import make_doc

from kg.model import DocResult, Evidence, Fact, Mention, Sentence
from kg.resolve import resolve

_CHARS = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土东南西北"


def _name(i: int) -> str:
    return _CHARS[i // len(_CHARS) % len(_CHARS)] + _CHARS[i % len(_CHARS)]


def long_document(articles: int) -> DocResult:
    """One document of ``articles`` short reports one after another, each with its own
    county, a bureau named with and without the county, a person and the person's role
    in the county's party committee, which no mention names."""
    text, sentences, mentions, facts = "", [], [], []
    for i in range(articles):
        place, unit, person = f"{_name(i)}县", f"{_name(i)}交通局", f"{_name(i)}"
        parts = [(place, "Place"), (place + unit, "Organization"), ("。", ""),
                 (unit, "Organization"), (person, "Person"), (f"任中共{place}委员会书记。\n", "")]
        start = len(text)
        for surface, label in parts:
            if label:
                mentions.append(Mention(len(text), len(text) + len(surface), label, surface))
            text += surface
        sentences.append(Sentence(len(sentences), start, len(text)))
        facts.append(Fact("role", (("person", person), ("org", f"中共{place}"),
                                   ("title", "书记")),
                          Evidence("", len(sentences) - 1, start, len(text)), "test"))
    doc = make_doc(text, "long.txt")
    result = DocResult(doc)
    result.sentences, result.mentions = sentences, mentions
    result.facts = [Fact(f.kind, f.args, Evidence(doc.doc_id, *(
        f.evidence.sentence, f.evidence.start, f.evidence.end)), f.rule) for f in facts]
    return result


def calls(fn) -> int:
    """Function calls (Python and C) made while ``fn`` runs."""
    count = 0

    def seen(frame, event, arg) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(seen)
    try:
        fn()
    finally:
        sys.setprofile(None)
    return count


def test_resolving_a_document_twice_as_long_takes_about_twice_the_work():
    resolve([long_document(10)])  # lexicon and gazetteer loaded before counting
    small, large = long_document(200), long_document(400)
    ratio = calls(lambda: resolve([large])) / calls(lambda: resolve([small]))
    assert ratio < 2.5, f"resolution work grew {ratio:.1f}x for a document twice as long"


def test_the_findings_of_a_long_document_are_resolved_as_before():
    res = resolve([long_document(300)])
    roles = [f for f in res.facts.values() if f.kind == "role"]
    assert len(roles) == 300
    # the party committee no mention names is the county's body: the county
    assert {f.fields["person"]: f.fields["org"] for f in roles}[f"person/{_name(7)}"] == \
        f"place/{_name(7)}县"
    # the bureau named without its county is the county's bureau
    bureau = res.entities[f"org/{_name(7)}县{_name(7)}交通局"]
    assert f"{_name(7)}交通局" in bureau.forms and f"org/{_name(7)}交通局" not in res.entities


def test_a_role_goes_to_the_last_place_whose_name_ends_the_organisation():
    text = "北京市东城区。东城区。北京市。\n"
    doc = make_doc(text, "t.txt")
    places = [Mention(0, 3, "Place", "北京市"), Mention(3, 6, "Place", "东城区"),
              Mention(7, 10, "Place", "东城区"), Mention(11, 14, "Place", "城区")]
    result = DocResult(doc)
    result.sentences, result.mentions = [Sentence(0, 0, len(text))], places
    result.facts = [Fact("role", (("person", "张三"), ("org", "北京市东城区"), ("title", "区长")),
                         Evidence(doc.doc_id, 0, 0, 6), "test")]
    [fact] = resolve([result]).facts.values()
    assert fact.fields["org"] == "place/城区"  # 城区 ends it too, and comes last
