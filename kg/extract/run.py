"""Run the extraction pipeline on one document and map results to the original text."""

from __future__ import annotations

from spacy.language import Language

from ..lexicon import Lexicon, load_lexicon
from ..model import DocResult, Document, Evidence, Fact, Mention, Sentence
from ..normalise import normalise, split_sentences
from .context import Ctx


def extract_document(doc: Document, nlp: Language | None = None,
                     lex: Lexicon | None = None) -> DocResult:
    """Entities and facts of one document, offsets into ``doc.text``."""
    from ..nlp import get_pipeline, make_doc

    nlp = nlp or get_pipeline()
    lex = lex or load_lexicon()
    norm = normalise(doc.text)
    spacy_doc = make_doc(nlp, norm.text)
    tokens = [(t.idx, t.idx + len(t.text)) for t in spacy_doc if not t.is_space]
    spans = split_sentences(norm.text)
    ctx = Ctx(norm.text, tokens, spans, lex)
    spacy_doc._.kg = ctx
    for _, proc in nlp.pipeline:
        spacy_doc = proc(spacy_doc)
    result = DocResult(doc)
    result.sentences = [Sentence(i, *norm.span(s, e)) for i, (s, e) in enumerate(spans)]
    for m in sorted(ctx.mentions, key=lambda m: (m.start, m.end, m.label)):
        start, end = norm.span(m.start, m.end)
        result.mentions.append(Mention(start, end, m.label, m.text, m.source,
                                       tuple(sorted(m.attrs.items()))))
    for f in ctx.facts:
        # cite the sentence the fact ends in (where its cue is), clamped to it
        index = ctx.sentence_index(max(f.start, f.end - 1))
        s_start, s_end = spans[index] if spans else (0, len(norm.text))
        a, b = max(f.start, s_start), min(max(f.end, s_start + 1), s_end)
        start, end = norm.span(a, b)
        ev = Evidence(doc.doc_id, index, start, end)
        result.facts.append(Fact(f.kind, tuple(sorted(f.args.items())), ev, f.rule))
    return result
