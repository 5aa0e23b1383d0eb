"""Extract very long documents in segments, so memory does not grow with document size.

pkuseg is already fed in chunks (``kg.nlp.make_doc``), but the spaCy ``Doc``, the
offset map of the normalised text and the token list of one document all grow with
its length: a 50 MB file would need gigabytes. A document longer than ``SEGMENT``
characters is therefore cut where a sentence ends a line, each piece is extracted
alone, and offsets and sentence numbers are shifted back into the whole text.
News articles are far shorter; only such huge files take this path.
"""

from __future__ import annotations

import dataclasses

from spacy.language import Language

from .model import DocResult, Document

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


def extract_large(doc: Document, nlp: Language, size: int = SEGMENT) -> DocResult:
    """``extract_document`` for any length: whole when short, in segments when long."""
    from .extract.run import extract_document

    if len(doc.text) <= size:
        return extract_document(doc, nlp)
    result = DocResult(doc)
    for start, end in cut_points(doc.text, size):
        part = extract_document(dataclasses.replace(doc, text=doc.text[start:end]), nlp)
        base = len(result.sentences)
        result.sentences += [dataclasses.replace(s, index=s.index + base, start=s.start + start,
                                                 end=s.end + start) for s in part.sentences]
        result.mentions += [dataclasses.replace(m, start=m.start + start, end=m.end + start)
                            for m in part.mentions]
        result.facts += [dataclasses.replace(f, evidence=dataclasses.replace(
            f.evidence, sentence=f.evidence.sentence + base, start=f.evidence.start + start,
            end=f.evidence.end + start)) for f in part.facts]
        result.warnings += part.warnings
    return result
