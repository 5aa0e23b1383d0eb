"""kg.lexicon.PhraseIndex finds what the plain definitions find (it walks prefix sets)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.lexicon import PhraseIndex

# a small alphabet, with characters a regex character class treats specially
CHARS = "ab市县]\\^-"
phrases = st.lists(st.text(CHARS, min_size=1, max_size=5), max_size=25)
texts = st.text(CHARS, max_size=40)


def starting_at(words: list[str], text: str, i: int) -> list[str]:
    return sorted({w for w in words if text.startswith(w, i)}, key=len, reverse=True)


def ending_at(words: list[str], text: str, end: int, max_len: int) -> list[str]:
    return sorted({w for w in words if len(w) <= max_len and text.endswith(w, 0, end)},
                  key=len, reverse=True)


def leftmost_longest(words: list[str], text: str) -> list[tuple[int, int, str]]:
    out, i = [], 0
    while i < len(text):
        found = starting_at(words, text, i)
        if found:
            out.append((i, i + len(found[0]), found[0]))
            i += len(found[0])
        else:
            i += 1
    return out


@settings(max_examples=300, deadline=None)
@given(phrases, texts)
def test_lookups_find_what_the_definitions_find(words, text):
    index = PhraseIndex(words)
    assert len(index) == len(set(words))
    assert list(index.longest(text)) == leftmost_longest(words, text)
    for i in range(len(text)):
        assert index.find_at(text, i) == starting_at(words, text, i)
    for end in range(len(text) + 1):
        for max_len in (1, 3, 12):
            assert index.ending_at(text, end, max_len) == ending_at(words, text, end, max_len)
    for ch in CHARS:
        assert index.ends_with(ch) == any(w.endswith(ch) for w in words)


def test_an_added_phrase_is_found_by_longest():
    index = PhraseIndex(["北京"])
    assert list(index.longest("北京市")) == [(0, 2, "北京")]
    index.add("北京市")  # the first characters' pattern is made again
    assert list(index.longest("在北京市")) == [(1, 4, "北京市")]
