"""A corpus mixing scripts: each document's names and honours are answered as that document
writes them, so a traditional-script article is read back in its own script."""

from __future__ import annotations

import pytest

SIMPLIFIED = ("党的二十大代表、焊工李春明说，要把技术练精。李春明曾获全国五一劳动奖章。"
              "他来自赣州市。二十大代表们纷纷表示赞同。\n")
TRADITIONAL = ("黨的二十大代表、護士長陳美玲說，要把病人放在心上。陳美玲曾獲全國五一勞動獎章。"
               "她來自贛州市。\n")


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    import kg

    folder = tmp_path_factory.mktemp("mixed")
    (folder / "a.txt").write_text(SIMPLIFIED, encoding="utf-8")
    (folder / "b.txt").write_text(TRADITIONAL, encoding="big5")
    return kg.build([folder])


def test_each_person_gets_the_honour_as_their_article_writes_it(mixed):
    rows = {(r["person"], r["honour"]) for r in mixed.rows("honours")}
    assert ("李春明", "全国五一劳动奖章") in rows
    assert ("陳美玲", "全國五一勞動獎章") in rows
    assert len(rows) == 2


def test_one_honour_entity_keeps_both_forms(mixed):
    honours = mixed.rows("""PREFIX kg: <https://w3id.org/kg-news/ontology#>
        SELECT DISTINCT ?h WHERE { ?f a kg:HonourFact ; kg:honour ?h }""")
    assert len(honours) == 1


def test_a_name_written_in_two_scripts_is_listed_in_both(mixed):
    places = {r["name"] for r in mixed.rows("entities") if r["type"] == "Place"}
    assert {"赣州市", "贛州市"} <= places
    people = [r["name"] for r in mixed.rows("entities") if r["type"] == "Person"]
    assert sorted(people) == ["李春明", "陳美玲"]  # no variant that no document writes


def test_an_entity_with_other_aliases_is_listed_once(mixed):
    events = [r["name"] for r in mixed.rows("entities") if r["type"] == "Event"]
    assert len([e for e in events if e in ("党的二十大", "黨的二十大", "二十大")]) == 1


def test_oxigraph_gives_the_same_rows(mixed):
    pytest.importorskip("pyoxigraph")
    from kg.query import query_text
    from kg.store import open_store

    store = open_store(mixed.graph, "oxigraph")
    for name in ("entities", "honours"):
        assert store.rows(query_text(name)) == mixed.rows(name)
