"""Run the extraction pipeline on one document and map results to the original text."""

from __future__ import annotations

from spacy.language import Language

from ..lexicon import Lexicon, load_lexicon
from ..model import DocResult, Document, Evidence, Fact, Mention, Sentence
from ..normalise import NormText, normalise, split_sentences
from .context import Ctx


def extract_document(doc: Document, nlp: Language | None = None,
                     lex: Lexicon | None = None) -> DocResult:
    """Entities and facts of one document, offsets into ``doc.text``."""
    from spacy.tokens import Doc

    from ..nlp import get_pipeline, word_spans, words_and_spaces

    nlp = nlp or get_pipeline()
    lex = lex or load_lexicon()
    norm = normalise(doc.text)
    words, spaces = words_and_spaces(norm.text)
    spacy_doc = Doc(nlp.vocab, words=words, spaces=spaces)  # make_doc's Doc
    tokens = word_spans(words, spaces)
    spans = split_sentences(norm.text)
    ctx = Ctx(norm.text, tokens, spans, lex)
    spacy_doc._.kg = ctx
    for _, proc in nlp.pipeline:
        spacy_doc = proc(spacy_doc)
    result = DocResult(doc)
    result.sentences = [Sentence(i, *norm.span(s, e)) for i, (s, e) in enumerate(spans)]
    for m in sorted(ctx.mentions, key=lambda m: (m.start, m.end, m.label)):
        start, end = norm.span(m.start, m.end)
        text = _as_written(doc.text, start, end, m.text, norm, m.start)
        result.mentions.append(Mention(start, end, m.label, text, m.source,
                                       tuple(sorted(m.attrs.items()))))
    for f in ctx.facts:
        f.args = {k: _written_arg(doc.text, norm, f, k, v) for k, v in f.args.items()}
        # cite the sentence the fact ends in (where its cue is), clamped to it
        index = ctx.sentence_index(max(f.start, f.end - 1))
        s_start, s_end = spans[index] if spans else (0, len(norm.text))
        a, b = max(f.start, s_start), min(max(f.end, s_start + 1), s_end)
        start, end = norm.span(a, b)
        ev = Evidence(doc.doc_id, index, start, end)
        result.facts.append(Fact(f.kind, tuple(sorted(f.args.items())), ev, f.rule))
    return result


_WRITTEN_ARGS = ("person", "title", "org", "org_text", "honour", "place", "event")


def _as_written(original: str, start: int, end: int, norm_text: str,
                norm: NormText | None = None, at: int = 0) -> str:
    """The text as the document writes it (黨委書記), when it maps one to one, or
    character by character across the line breaks normalising dropped (諸葛|海峰)."""
    surface = original[start:end]
    if len(surface) == len(norm_text):
        return surface
    if norm is not None and norm.text[at : at + len(norm_text)] == norm_text:
        return "".join(original[o] for o in norm.offsets[at : at + len(norm_text)])
    return norm_text


def _written_arg(original: str, norm, f, key: str, value: str) -> str:
    """A fact's name or title as written near the fact (keys still match: see key_form)."""
    if key not in _WRITTEN_ARGS or not value:
        return value
    lo, hi = max(0, f.start - 300), min(len(norm.text), f.end + 300)
    i = norm.text.find(value, lo, hi)
    if i < 0:
        return value
    start, end = norm.span(i, i + len(value))
    return _as_written(original, start, end, value, norm, i)
