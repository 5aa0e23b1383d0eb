"""People across documents: typo variants in reprinted passages.

A newspaper page that reprints an article may misspell a name (裴得功 as
记得功). Two names of the same length that differ in one character are the
same person when they appear in nearly the same sentence; the form seen more
often wins. Different people who share a name are kept apart by the places
their documents tie them to (``resolve_homonyms``).
"""

from __future__ import annotations

import difflib
import hashlib
import marshal
import sys
from bisect import bisect_right
from collections import Counter, defaultdict
from pathlib import Path

from .io import write_atomic
from .model import DocResult
from .normalise import to_simplified

SAME_CONTEXT = 0.8


def _contexts(results: list[DocResult]) -> tuple[Counter, dict[str, list[str]]]:
    counts: Counter = Counter()
    contexts: dict[str, list[str]] = defaultdict(list)
    for r in results:
        find = _sentence_finder(r)
        for m in r.mentions:
            if m.label != "Person" or m.attr("alias_of"):
                continue
            counts[m.text] += 1
            sent = find(m.start)
            if sent:
                text = to_simplified(r.doc.text[sent.start : sent.end])
                contexts[m.text].append(text.replace(to_simplified(m.text), "□"))
    return counts, contexts


def _sentence_finder(r: DocResult):
    """The first sentence holding an offset: by bisection when the sentences are in order
    and do not overlap (as extraction makes them), else by a scan."""
    sents = r.sentences
    starts = [s.start for s in sents]
    ordered = all(a.end <= b.start for a, b in zip(sents, sents[1:], strict=False))
    if not ordered:
        return lambda at: next((s for s in sents if s.start <= at < s.end), None)

    def find(at: int):
        i = bisect_right(starts, at) - 1
        return sents[i] if i >= 0 and at < sents[i].end else None

    return find


def merge_people(results: list[DocResult], known: dict[bytes, bool] | None = None
                 ) -> dict[str, str]:
    """Map each person-name variant to the name it is a variant of.

    ``known``: answers of earlier builds by the contexts compared (``PairMemo``); it is
    left holding this build's, so a rebuild compares only pairs whose contexts changed.
    """
    counts, contexts = _contexts(results)
    buckets: dict[str, list[str]] = defaultdict(list)
    for name in counts:
        if len(name) >= 3:
            for i in range(len(name)):
                buckets[name[:i] + "?" + name[i + 1 :]].append(name)
    same = _Contexts(contexts)
    earlier, known = (known or {}).copy(), known
    if known is not None:
        known.clear()
    mapping: dict[str, str] = {}
    for names in buckets.values():
        if len(names) < 2:
            continue
        for a in names:
            for b in names:
                if a >= b:
                    continue
                if known is None:
                    near = same.near(a, b)
                else:
                    key = same.key(a, b)
                    near = earlier[key] if key in earlier else same.near(a, b)
                    known[key] = near
                if not near:
                    continue
                keep, drop = sorted((a, b), key=lambda n: (-counts[n], n))
                mapping[drop] = keep
    for name in list(mapping):  # follow chains
        seen = {name}
        while mapping[name] in mapping and mapping[name] not in seen:
            seen.add(mapping[name])
            mapping[name] = mapping[mapping[name]]
    return mapping


class _Contexts:
    """Decides whether two names were seen in nearly the same sentence.

    Names from many documents make many pairs that differ in one character, so
    this runs very often. ``SequenceMatcher.ratio()`` is bounded by two cheap
    ones: ``real_quick_ratio()`` from the lengths and ``quick_ratio()`` from the
    characters the texts share; both are computed here from counts made once per
    text (difflib redoes them per pair), and ``ratio()`` runs only for pairs they
    let through, so the answer is exactly ``ratio() >= SAME_CONTEXT``.
    """

    def __init__(self, contexts: dict[str, list[str]]) -> None:
        self.contexts = {name: list(dict.fromkeys(texts)) for name, texts in contexts.items()}
        self._counts: dict[str, Counter] = {}

    def _count(self, text: str) -> Counter:
        counts = self._counts.get(text)
        if counts is None:
            counts = self._counts[text] = Counter(text)
        return counts

    def key(self, a: str, b: str) -> bytes:
        """What ``near(a, b)`` depends on, hashed."""
        h = hashlib.blake2b(digest_size=16)
        for text in (*self.contexts[a], "\0", *self.contexts[b]):
            h.update(text.encode("utf-8", "surrogatepass") + b"\1")
        return h.digest()

    def near(self, a: str, b: str) -> bool:
        """Some context of ``a`` and some of ``b`` are nearly the same sentence."""
        matcher = None
        xs = self.contexts[a]
        for y in self.contexts[b]:
            count_y, ly = self._count(y), len(y)
            for x in xs:
                total = len(x) + ly
                if not total or 2.0 * min(len(x), ly) / total < SAME_CONTEXT:
                    if not total:
                        return True  # two empty texts: ratio() is 1.0
                    continue
                common = sum(min(n, count_y[ch]) for ch, n in self._count(x).items()
                             if ch in count_y)
                if 2.0 * common / total < SAME_CONTEXT:
                    continue
                if matcher is None or matcher.b is not y:
                    matcher = difflib.SequenceMatcher(None, x, y)
                else:
                    matcher.set_seq1(x)
                if matcher.ratio() >= SAME_CONTEXT:
                    return True
        return False


class PairMemo:
    """``merge_people``'s answers of the last build, in ``<folder>/people.m``."""

    _TAG = ("kg-people", 1, SAME_CONTEXT, sys.version_info[:2])  # difflib comes with Python

    def __init__(self, folder: str | Path) -> None:
        self.path = Path(folder) / "people.m"

    def load(self) -> dict[bytes, bool]:
        try:
            tag, known = marshal.loads(self.path.read_bytes())
            return known if tag == self._TAG and isinstance(known, dict) else {}
        except Exception:  # missing, truncated or foreign: compare again
            return {}

    def save(self, known: dict[bytes, bool]) -> None:
        try:
            write_atomic(self.path, marshal.dumps((self._TAG, known)))
        except OSError:  # costs speed next time, not this build
            pass
