"""The word lists drawn from jieba's dictionary, and their cache file (real files in a
temporary cache folder)."""

from __future__ import annotations

import pytest

from kg import jieba_words as jw


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_the_cached_lists_are_those_made_from_the_dictionary(cache):
    common, tags = jw.jieba_words()
    files = list(cache.glob("jieba-words-*.m"))
    assert len(files) == 1
    assert (common, tags) == (jw.common_words(), jw.word_tags())
    assert "发展" in common and tags.get("发展", "").startswith("v")
    assert not list(cache.glob(".jieba-words-*"))  # no temporary file left


def test_a_second_load_reads_the_file_not_the_dictionary(cache, monkeypatch):
    first = jw.jieba_words()

    def no_dictionary():
        raise AssertionError("the dictionary was parsed again")

    monkeypatch.setattr(jw, "_jieba_dict", no_dictionary)
    assert jw.jieba_words() == first


def test_a_damaged_cache_file_is_made_again(cache):
    first = jw.jieba_words()
    (path,) = cache.glob("jieba-words-*.m")
    path.write_bytes(b"\x00not marshal")
    assert jw.jieba_words() == first
    assert path.read_bytes() != b"\x00not marshal"


def test_a_cache_folder_that_cannot_be_written_costs_only_time(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("KG_CACHE_DIR", str(blocked / "cache"))
    common, tags = jw.jieba_words()
    assert common == jw.common_words() and tags == jw.word_tags()
