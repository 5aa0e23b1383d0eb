"""The per-document working state the extraction components share.

It rides on the spaCy ``Doc`` as ``doc._.kg``. Offsets here are into the
normalised text (``doc.text``); they are mapped back to the original text
only when results leave the pipeline.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter

from ..lexicon import Lexicon

_START = attrgetter("start")
CLAUSE_PUNCT = "，,；;：:。！？!?\n"
PUNCT = CLAUSE_PUNCT + "、“”‘’\"'《》〈〉（）()[]【】「」『』…—-·~ 　\t"


@lru_cache(maxsize=8192)
def rx(pattern: str) -> re.Pattern[str]:
    """A compiled pattern, kept: patterns built from word lists outnumber ``re``'s own cache
    (512), which then recompiles them for every document."""
    return re.compile(pattern)


def occurrences(text: str, word: str) -> Iterator[tuple[int, int]]:
    """Spans of ``word`` in ``text``, left to right, not overlapping (as ``re.finditer``)."""
    i = text.find(word) if word else -1
    while i >= 0:
        yield i, i + len(word)
        i = text.find(word, i + len(word))


def line_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line of ``text``, the line break left out."""
    pos = 0
    while pos <= len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        yield pos, end
        pos = end + 1


def most_named(mentions: list[NMention]) -> NMention | None:
    """The mention whose text is written most often, the first of it on a tie: the school,
    hospital, city or county a page is about."""
    counts = Counter(m.text for m in mentions)
    return min(mentions, key=lambda m: (-counts[m.text], m.start), default=None)


HE_SHE = re.compile(r"(?<![其吉利])[他她](?![们人])")  # not 其他, 吉他, 他们, 他人


def he_or_she(text: str) -> str:
    """他 or 她, whichever ``text`` says first: whom ``previous_person`` may point back to."""
    m = HE_SHE.search(text)
    return m.group() if m else ""


def previous_person(ctx: Ctx, before: int, pronoun: str = "") -> NMention | None:
    """The last person (not a reporter) named before ``before``: whom 他/她/这位 points to.
    For 他 one brought in by a woman's kin word (妻子某某笑着说) is passed over, for 她 one
    brought in by a man's (父亲某某): the pronoun cannot be theirs; so is one brought in by
    a word for either (徒弟某某, 同事某某); with no 他/她 to go by,
    anyone brought in by a kin word is (the story is seldom about the wife it quotes)."""
    people = [m for m in ctx.of_label("Person") if m.end <= before and m.source != "byline"]
    other = {"他": "kin_female", "她": "kin_male"}.get(pronoun, "kin")
    kin = tuple(ctx.lex.person_cues.get(other, []))
    if other != "kin":  # and one brought in by a word for either (徒弟某某笑着说, 老伴某某)
        kin += ctx.lex.kin_either
    main = [m for m in people if not (kin and ctx.text.endswith(kin, 0, m.start))]
    return max(main or people, key=lambda m: m.start) if people else None


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


@dataclass
class NMention:
    start: int
    end: int
    label: str
    text: str
    source: str = ""
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass
class NFact:
    kind: str
    args: dict[str, str]
    start: int  # span the fact was read from
    end: int
    rule: str = ""


@dataclass
class Ctx:
    text: str
    tokens: list[tuple[int, int]]
    sentences: list[tuple[int, int]]
    lex: Lexicon
    mentions: list[NMention] = field(default_factory=list)
    facts: list[NFact] = field(default_factory=list)
    doc_meta: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.tok_starts = {s for s, _ in self.tokens}
        self.tok_ends = {e for _, e in self.tokens}
        self._sent_starts = [s for s, _ in self.sentences]

    def sentence_of(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._sent_starts, pos) - 1
        if i < 0:
            return (0, 0)
        return self.sentences[i]

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._sent_starts, pos) - 1)

    def clause_of(self, pos: int) -> tuple[int, int]:
        s, e = self.sentence_of(pos)
        a = pos
        while a > s and self.text[a - 1] not in CLAUSE_PUNCT:
            a -= 1
        b = pos
        while b < e and self.text[b] not in CLAUSE_PUNCT:
            b += 1
        return a, b

    def token_at(self, pos: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self.tokens, (pos, 10**12)) - 1
        if 0 <= i < len(self.tokens) and self.tokens[i][0] <= pos < self.tokens[i][1]:
            return self.tokens[i]
        return None

    def tokens_from(self, start: int, end: int) -> list[tuple[int, int]]:
        """The tokens that start in [start, end), in order."""
        i = bisect.bisect_left(self.tokens, (start, -1))
        j = bisect.bisect_left(self.tokens, (end, -1), i)
        return self.tokens[i:j]

    def tokens_ending(self, pos: int) -> list[tuple[int, int]]:
        tok = self.token_at(pos - 1) if pos > 0 else None
        return [tok] if tok and tok[1] == pos else []

    def aligned(self, start: int, end: int) -> bool:
        return start in self.tok_starts and end in self.tok_ends

    def of_label(self, label: str) -> list[NMention]:
        """Mentions of one label in text order (found in any order)."""
        found = [m for m in self.mentions if m.label == label]
        found.sort(key=_START)
        return found

    def mention_at(self, start: int, end: int, label: str | None = None) -> NMention | None:
        for m in self.mentions:
            if m.start == start and m.end == end and (label is None or m.label == label):
                return m
        return None

    def covering(self, pos: int, label: str | None = None) -> list[NMention]:
        return [m for m in self.mentions
                if m.start <= pos < m.end and (label is None or m.label == label)]

    def add(self, m: NMention) -> NMention:
        existing = self.mention_at(m.start, m.end, m.label)
        if existing:
            return existing
        self.mentions.append(m)
        return m
