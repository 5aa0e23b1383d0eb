"""Extract very long documents in pieces, so memory does not grow with document size.

pkuseg is already fed in chunks (``kg.nlp.make_doc``), but the spaCy ``Doc``, the
offset map of the normalised text and the token list of one document all grow with
its length: a 50 MB file would need gigabytes. A document longer than ``SEGMENT``
characters is therefore cut where a sentence ends a line and each piece is extracted
alone, as if it were a short document. Pieces are independent tasks, so the workers
of a build share one huge file (``kg.build.extract_all``), and the extraction cache
keeps pieces, so an edit near the end of a huge file extracts only the pieces after
it. ``Assembly`` puts the pieces' results back together in order, shifting offsets
and sentence numbers into the whole text: the result does not depend on which worker
did which piece. News articles are far shorter; for them the one piece is the document.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .model import DocResult, Document, Evidence, Fact, Mention, Sentence

if TYPE_CHECKING:  # spaCy takes half a second to import: a build's main process needs none
    from spacy.language import Language

SEGMENT = 50_000  # characters: far above an article, small enough for rules that are quadratic
_ENDS = ("。\n", "！\n", "？\n", "”\n", "」\n", "\n\n")


def cut_points(text: str, size: int = SEGMENT) -> list[tuple[int, int]]:
    """Spans covering ``text``, each at most ``size`` long, cut after a sentence-ending line."""
    spans, pos, n = [], 0, len(text)
    while pos < n:
        end = min(n, pos + size)
        if end < n:
            floor = pos + size // 2
            cut = max(text.rfind(e, floor, end) for e in _ENDS)
            if cut < 0:
                cut = text.rfind("\n", floor, end)
            if cut >= 0:
                end = cut + (2 if text.startswith(_ENDS, cut) else 1)
        spans.append((pos, end))
        pos = end
    return spans


class Assembly:
    """One document's result, merged from its pieces' results as they arrive (in any order).

    A piece's result is merged as soon as all pieces before it are, and then dropped:
    only the merged result and the few pieces that came early are held.
    """

    def __init__(self, doc: Document, size: int = SEGMENT) -> None:
        self.doc = doc
        self.spans = cut_points(doc.text, size) if len(doc.text) > size else [(0, len(doc.text))]
        self.result = DocResult(doc)
        self.extracted = False  # a piece came from extraction, not from the cache
        self._early: dict[int, DocResult] = {}
        self._next = 0
        self._same: dict = {}  # one object for equal strings and tuples of the pieces

    def pieces(self) -> Iterator[Document]:
        """The pieces to extract, in order: the document itself when it is short."""
        if len(self.spans) == 1:
            yield self.doc
            return
        for start, end in self.spans:
            yield dataclasses.replace(self.doc, text=self.doc.text[start:end])

    @property
    def done(self) -> bool:
        return self._next == len(self.spans)

    def add(self, number: int, part: DocResult) -> None:
        """The result of piece ``number`` (offsets into the piece)."""
        self._early[number] = part
        while self._next in self._early:
            self._append(self._early.pop(self._next), self.spans[self._next][0])
            self._next += 1

    def _append(self, part: DocResult, start: int) -> None:
        """Add a piece's results to the document's, moved to where the piece starts.

        Equal strings and tuples are made one object: a huge file names the same people,
        places and rules again and again, and each piece's result brings its own copies.
        """
        one, result, base = self._same.setdefault, self.result, len(self.result.sentences)

        def pairs(items: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
            return one(items, tuple(one(kv, (one(kv[0], kv[0]), one(kv[1], kv[1])))
                                    for kv in items))

        result.sentences += part.sentences if not start and not base else [
            Sentence(s.index + base, s.start + start, s.end + start) for s in part.sentences]
        result.mentions += [Mention(m.start + start, m.end + start, one(m.label, m.label),
                                    one(m.text, m.text), one(m.source, m.source), pairs(m.attrs))
                            for m in part.mentions]
        result.facts += [Fact(one(f.kind, f.kind), pairs(f.args), Evidence(
            one(f.evidence.doc_id, f.evidence.doc_id), f.evidence.sentence + base,
            f.evidence.start + start, f.evidence.end + start), one(f.rule, f.rule))
            for f in part.facts]
        result.warnings += part.warnings


def extract_large(doc: Document, nlp: Language | None = None, size: int = SEGMENT) -> DocResult:
    """``extract_document`` for any length, in this process: whole when short, else in pieces."""
    from .extract.run import extract_document

    parts = Assembly(doc, size)
    for number, piece in enumerate(parts.pieces()):
        parts.add(number, extract_document(piece, nlp))
    return parts.result
