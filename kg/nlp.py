"""The spaCy pipeline: pkuseg word segmentation, then kg's extraction components.

The tokenizer is ``kg.segment`` (pkuseg's words, from pkuseg's own model, several
times faster than spaCy's pkuseg segmenter); its model is loaded once per process
and the pipeline is built once per process and shared (``get_pipeline``). Each
extraction stage is a registered spaCy component (``kg_places``, ``kg_persons``, …)
working on the shared state in ``doc._.kg``; ``nlp.pipe_names`` lists them in order.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .extract import delegates, events, honours, orgs, persons, places, regions, roles, stats
from .extract.context import Ctx
from .segment_model import pkuseg_model_dir  # noqa: F401 (kg.nlp.pkuseg_model_dir)

if not Doc.has_extension("kg"):
    Doc.set_extension("kg", default=None)

CHUNK = 20_000  # characters segmented at once, cut at line breaks


def _component(fn: Callable[[Ctx], None]) -> Callable[[Doc], Doc]:
    def run(doc: Doc) -> Doc:
        if doc._.kg is not None:
            fn(doc._.kg)
        return doc

    run.__doc__ = fn.__doc__
    return run


def _congress_delegates(congress: str) -> Callable[[Ctx], None]:
    return lambda ctx: delegates.find_delegates(ctx, congress)


_STAGES: dict[str, Callable[[Ctx], None]] = {
    "kg_places": places.find_places,
    "kg_persons": persons.find_persons,
    "kg_orgs": orgs.find_orgs,
    "kg_events": events.find_events,
    "kg_cleanup": lambda ctx: _cleanup(ctx),
    "kg_roles": roles.find_roles,
    "kg_regions": regions.find_regions,
    "kg_honours": honours.find_honours,
    "kg_stats": stats.find_stats,
    "kg_event_details": stats.find_event_details,
}

for _name, _fn in _STAGES.items():
    Language.factory(_name)(lambda nlp, name, _fn=_fn: _component(_fn))


@Language.factory("kg_delegates", default_config={"congress": "二十大"})
def _make_delegates(nlp: Language, name: str, congress: str) -> Callable[[Doc], Doc]:
    return _component(_congress_delegates(congress))


def _cleanup(ctx: Ctx) -> None:
    """Drop person candidates that are really places or organisations, organisations
    inside an event's name (岳阳市九届人大|二次会议) and a known short name that only
    starts a longer one (中国石油|天然气股份有限公司…), and a country inside a name (中国|共产党,
    中国|第一汽车集团): the name is no mention of the country."""
    events = ctx.of_label("Event")
    orgs = ctx.of_label("Organization")
    ctx.mentions = [m for m in ctx.mentions if not (
        m.label == "Place" and m.text in ctx.lex.countries and any(
            o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start
            for o in (*orgs, *events)))]
    ctx.mentions = [m for m in ctx.mentions if not (m.label == "Organization" and (
        (m.source == "suffix" and any(e.start <= m.start and m.end <= e.end
                                      and e.end - e.start > m.end - m.start for e in events))
        or (m.source == "lexicon" and any(o.start == m.start and o.end > m.end
                                          and o.source == "suffix" for o in orgs))))]
    keep = []
    for m in ctx.mentions:
        if m.label == "Person":
            inside = [o for o in ctx.mentions if o.label in ("Place", "Organization", "Event")
                      and o.start <= m.start and m.end <= o.end and o is not m]
            if inside and m.source not in ("title", "speech", "byline", "dotted"):
                continue
            if m.text in ctx.lex.gazetteer.by_name or m.text in ctx.lex.orgs:
                continue
        keep.append(m)
    ctx.mentions = keep


PIPE_NAMES = ["kg_places", "kg_persons", "kg_orgs", "kg_events", "kg_cleanup", "kg_roles",
              "kg_regions", "kg_delegates", "kg_honours", "kg_stats", "kg_event_details"]


class Tokenizer:
    """spaCy tokenizer: the words of ``kg.segment`` (pkuseg's words) as a Doc."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        return make_doc(self, text)


@spacy.registry.tokenizers("kg.pkuseg_tokenizer.v1")
def _create_tokenizer() -> Callable[[Language], Tokenizer]:
    return lambda nlp: Tokenizer(nlp.vocab)


@lru_cache(maxsize=1)
def segmenter() -> Language:
    """A blank Chinese pipeline whose tokenizer gives pkuseg's words (``kg.segment``),
    its model loaded now, once per process (not spaCy's pkuseg: it is never loaded)."""
    from .segment import get_segmenter

    get_segmenter()
    return spacy.blank("zh", config={"nlp": {"tokenizer": {
        "@tokenizers": "kg.pkuseg_tokenizer.v1"}}})


@lru_cache(maxsize=4)
def get_pipeline(congress: str = "二十大") -> Language:
    """The full pipeline, sharing the one pkuseg model of this process."""
    nlp = segmenter()
    for name in PIPE_NAMES:
        if name not in nlp.pipe_names:
            config = {"congress": congress} if name == "kg_delegates" else {}
            nlp.add_pipe(name, config=config)
    return nlp


def make_doc(nlp: Language | Tokenizer, text: str) -> Doc:
    """One Doc of pkuseg's words, segmented in line-aligned chunks (as ever: a chunk
    without a line break is cut at CHUNK characters)."""
    return Doc(nlp.vocab, *words_and_spaces(text))


def words_and_spaces(text: str) -> tuple[list[str], list[bool]]:
    """The words and trailing spaces ``make_doc`` makes its Doc of."""
    from .segment import get_segmenter

    seg = get_segmenter()
    words: list[str] = []
    spaces: list[bool] = []
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + CHUNK)
        if end < len(text):
            cut = text.rfind("\n", pos, end)
            end = cut + 1 if cut > pos else end
        w, s = seg.words_and_spaces(text[pos:end])
        words += w
        spaces += s
        pos = end
    return words, spaces


def word_spans(words: list[str], spaces: list[bool]) -> list[tuple[int, int]]:
    """(start, end) of every word that is not whitespace: the Doc's tokens' offsets
    (``t.idx``, not ``t.is_space``), without making a Token object for each."""
    spans = []
    pos = 0
    for word, space in zip(words, spaces, strict=True):
        end = pos + len(word)
        if not word.isspace():
            spans.append((pos, end))
        pos = end + space
    return spans
