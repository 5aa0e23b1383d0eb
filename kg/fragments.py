"""A built graph in two parts: what each document says alone, and what the corpus says.

Why: a document's own triples (the document, the sentences cited from it, the
evidence for facts found in it) are two thirds of the graph, and depend only on
that document, its extraction and which of its facts survive resolution. A build
with a cache takes their Turtle from ``<cache>/rdf/`` (keyed by all of that and by
the code that writes them), and the explorer reads documents, sentences and quotes
straight from the resolved corpus; only the shared triples (entities, place
hierarchy, facts) are made each time. The whole ``Triples`` is made only when asked
for (``KnowledgeGraph.graph``, SPARQL, ...). The files are byte for byte those the
whole ``Triples`` gives (tests/test_fragments.py).
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

from rdflib import URIRef

from .cache import text_key, version_key
from .explorer_model import GraphSources
from .io import write_atomic
from .model import Document
from .rdfmap import Cited, Mapper, cited, evidence_key, iri, to_triples
from .resolve import Resolved
from .resources import PACKAGE_DIR
from .triples import Triples
from .turtle import TurtleWriter, subject_key

_CODE = ("rdfmap.py", "turtle.py", "triples.py", "namespaces.py", "fragments.py")
_TAG = ("kg-rdf", 1, sys.version_info[:2])
Blocks = tuple[tuple[str, str], ...]  # (subject IRI, its Turtle block)


@cache
def render_key() -> str:
    """A hash of the code that makes and writes a document's triples (and of extraction's)."""
    import rdflib

    h = hashlib.sha256(f"{_TAG} {version_key()} rdflib {rdflib.__version__}".encode())
    for name in _CODE:
        h.update(name.encode() + b"\0" + hashlib.sha256((PACKAGE_DIR / name).read_bytes())
                 .digest())
    return h.hexdigest()[:24]


def fragment_key(doc: Document, cites: Cited) -> str:
    """Everything a document's own triples depend on, hashed."""
    facts = sorted((ev.sentence, ev.start, ev.end, rule, kind) for ev, rule, kind in cites)
    what = (render_key(), doc.doc_id, doc.path, doc.name, doc.encoding, doc.sha256,
            text_key(doc.text), facts)
    return hashlib.sha256(repr(what).encode("utf-8", "surrogatepass")).hexdigest()


class FragmentCache:
    """Turtle blocks of documents' own triples, in ``<folder>/rdf/<aa>/<key>.m``."""

    def __init__(self, folder: str | Path) -> None:
        self.dir = Path(folder) / "rdf"

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.m"

    def get(self, key: str) -> tuple[Blocks, int] | None:
        try:
            tag, blocks, size = marshal.loads(self._path(key).read_bytes())
            return (blocks, size) if tag == _TAG else None
        except Exception:  # missing, truncated or foreign: make it again
            return None

    def put(self, key: str, blocks: Blocks, size: int) -> None:
        write_atomic(self._path(key), marshal.dumps((_TAG, blocks, size)))


class DocumentSources(GraphSources):
    """The documents, sentences and quotes behind facts, read from the resolved corpus:
    the same answers the graph's triples give, without making them."""

    def __init__(self, res: Resolved, by_doc: dict[str, Cited],
                 iri: Callable[[str], URIRef] = iri) -> None:
        self._docs: dict[str, tuple[str, str]] = {}
        self._sentences: dict[str, tuple[URIRef, str]] = {}
        self._evidence: dict[str, tuple[str, URIRef, URIRef]] = {}
        for doc in res.documents:  # keyed by IRI strings: a URIRef never equals a str
            d = iri(f"doc/{doc.doc_id}")
            self._docs[str(d)] = (doc.name, doc.path)
            sentences = res.sentences[doc.doc_id]
            for ev, rule, kind in sorted(by_doc.get(doc.doc_id, ()),
                                         key=lambda c: (c[0].start, c[0].end, c[1], c[2])):
                s = iri(f"doc/{doc.doc_id}/s{ev.sentence}")
                if str(s) not in self._sentences:
                    sent = sentences[ev.sentence]
                    self._sentences[str(s)] = (d, doc.text[sent.start : sent.end])
                self._evidence.setdefault(str(iri(evidence_key(ev, rule, kind))),
                                          (doc.text[ev.start : ev.end], s, d))

    def document(self, doc: URIRef) -> tuple[str, str]:
        return self._docs.get(str(doc), ("", ""))

    def sentence(self, sentence: URIRef) -> tuple[object, str]:
        return self._sentences.get(str(sentence), (None, ""))

    def evidence(self, ev: URIRef) -> tuple[str, object, object]:
        return self._evidence.get(str(ev), ("", None, None))


class BuiltGraph:
    """The shared triples, each document's Turtle blocks, and the resolved corpus."""

    def __init__(self, res: Resolved, cache: str | Path | None = None) -> None:
        self.res = res
        self._by_doc = cited(res)
        self._mapper = Mapper(res)
        self._mapper.shared()
        self.shared = self._mapper.out
        self.sources = DocumentSources(res, self._by_doc, self._mapper.iri)  # the graph's IRIs
        self._cache = cache
        self._blocks: list[tuple[str, str]] | None = None
        self._size = len(self.shared)
        self._triples: Triples | None = None

    @property
    def blocks(self) -> list[tuple[str, str]]:
        """Each document's own Turtle blocks, made (or read from the cache) on first use:
        the explorer does not need them, so a build can write its page meanwhile."""
        if self._blocks is None:
            self._blocks = self._document_blocks()
        return self._blocks

    def _document_blocks(self) -> list[tuple[str, str]]:
        mapper, res, by_doc = self._mapper, self.res, self._by_doc
        store = FragmentCache(self._cache) if self._cache is not None else None
        writer = TurtleWriter()
        blocks: list[tuple[str, str]] = []
        for doc in res.documents:
            cites = by_doc.get(doc.doc_id, set())
            key = fragment_key(doc, cites) if store else ""
            hit = store.get(key) if store else None
            if hit is None:
                mapper.out = Triples()
                mapper.document(doc, cites)
                hit = (tuple((str(s), writer.block(s, preds))
                             for s, preds in mapper.out.spo.items()), len(mapper.out))
                if store:
                    try:
                        store.put(key, *hit)
                    except OSError as err:  # a full disk costs speed, not the build
                        print(f"kg: rdf cache off: {err}", file=sys.stderr)
                        store = None
            blocks.extend(hit[0])
            self._size += hit[1]
        mapper.out = self.shared
        return blocks

    def __len__(self) -> int:
        self.blocks  # noqa: B018 - the documents' triples count too
        return self._size

    def triples(self) -> Triples:
        """Every triple (made on first use)."""
        if self._triples is None:
            self._triples = to_triples(self.res)
        return self._triples

    def turtle(self) -> str:
        """The same text as writing ``triples()``, from the blocks and the shared triples."""
        writer = TurtleWriter()
        parts = [((0, s), block) for s, block in self.blocks]
        parts += [(subject_key(s), writer.block(s, preds)) for s, preds in self.shared.spo.items()]
        parts.sort(key=lambda p: p[0])
        if any(a[0] == b[0] for a, b in zip(parts, parts[1:], strict=False)):
            return writer.document(self.triples().spo)  # a subject in two parts: no shortcut
        return writer.header() + "".join(f"\n{block}" for _, block in parts)

    def write_html(self, path: str | Path, title: str = "kg") -> Path:
        from .html import write_html

        return write_html(self.shared, path, title=title, sources=self.sources)
