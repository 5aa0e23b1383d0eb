"""People across documents: typo variants in reprinted passages.

A newspaper page that reprints an article may misspell a name (裴得功 as
记得功). Two names of the same length that differ in one character are the
same person when they appear in nearly the same sentence; the form seen more
often wins. Different people who share a name are kept apart by the places
their documents tie them to (``resolve_homonyms``).
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict

from .model import DocResult
from .normalise import to_simplified

SAME_CONTEXT = 0.8


def _contexts(results: list[DocResult]) -> tuple[Counter, dict[str, list[str]]]:
    counts: Counter = Counter()
    contexts: dict[str, list[str]] = defaultdict(list)
    for r in results:
        sents = r.sentences
        for m in r.mentions:
            if m.label != "Person" or m.attr("alias_of"):
                continue
            counts[m.text] += 1
            sent = next((s for s in sents if s.start <= m.start < s.end), None)
            if sent:
                text = to_simplified(r.doc.text[sent.start : sent.end])
                contexts[m.text].append(text.replace(to_simplified(m.text), "□"))
    return counts, contexts


def merge_people(results: list[DocResult]) -> dict[str, str]:
    """Map each person-name variant to the name it is a variant of."""
    counts, contexts = _contexts(results)
    buckets: dict[str, list[str]] = defaultdict(list)
    for name in counts:
        if len(name) >= 3:
            for i in range(len(name)):
                buckets[name[:i] + "?" + name[i + 1 :]].append(name)
    mapping: dict[str, str] = {}
    for names in buckets.values():
        if len(names) < 2:
            continue
        for a in names:
            for b in names:
                if a >= b or not _same_context(contexts[a], contexts[b]):
                    continue
                keep, drop = sorted((a, b), key=lambda n: (-counts[n], n))
                mapping[drop] = keep
    for name in list(mapping):  # follow chains
        seen = {name}
        while mapping[name] in mapping and mapping[name] not in seen:
            seen.add(mapping[name])
            mapping[name] = mapping[mapping[name]]
    return mapping


def _same_context(a: list[str], b: list[str]) -> bool:
    return any(difflib.SequenceMatcher(None, x, y).ratio() >= SAME_CONTEXT
               for x in a for y in b)
