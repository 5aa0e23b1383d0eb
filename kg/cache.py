"""On-disk cache of per-document extraction results, for incremental rebuilds.

An entry is keyed by the SHA-256 of the decoded text and a version key: a hash of
the code and data extraction depends on (``kg/extract/*.py``, ``nlp.py``, ``segment*.py``,
``normalise.py``, ``lexicon.py``, ``model.py``, ``kg/data/**`` but the sample
corpus) and of the spaCy and pkuseg versions. Changing a rule or a word list
changes the version key, so old entries are simply never looked up again.

Entries are ``marshal`` dumps of plain tuples (``<hash>.m``): loading one costs
half as much as unpickling the ``kg.model`` objects did, which showed when a
rebuild loads a thousand of them. Entries of the older pickle layout
(``<hash>.pkl``) are still read. Entries are written atomically (a killed build
leaves whole entries or none); an entry that does not load is a miss. The cache
is a private working folder: do not point it at files from someone else.
"""

from __future__ import annotations

import hashlib
import marshal
import pickle
import sys
from functools import cache
from pathlib import Path

from .io import write_atomic
from .model import DocResult, Document, Evidence, Fact, Mention, Sentence
from .resources import PACKAGE_DIR

FORMAT = 1  # bump when the meaning of entries changes (a new layout gets a new suffix)
# marshal's format may change between Python versions: an entry says which wrote it
_TAG = ("kg-cache", 2, sys.version_info[:2])
_CODE = ("nlp.py", "segment.py", "segment_model.py", "segment_compile.py", "normalise.py",
         "lexicon.py", "model.py", "resources.py")


@cache
def version_key() -> str:
    """A hash of everything extraction depends on, computed once per process."""
    return code_hash(PACKAGE_DIR)


def code_hash(package: Path) -> str:
    """The version key of the kg package in folder ``package``."""
    h = hashlib.sha256(f"kg-cache {FORMAT} spacy {_spacy_version()}".encode())
    try:
        from importlib.metadata import version

        h.update(f" pkuseg {version('spacy-pkuseg')} {version('pkuseg')}".encode())
    except Exception:  # a source checkout without metadata
        pass
    data, sample = package / "data", package / "data" / "sample"
    files = [package / name for name in _CODE]
    files += sorted((package / "extract").glob("*.py"))
    files += sorted(p for p in data.rglob("*") if p.is_file() and sample not in p.parents
                    and "__pycache__" not in p.parts)
    for path in files:
        h.update(path.relative_to(package).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()[:24]


def _spacy_version() -> str:
    """spaCy's version, from its metadata: importing spaCy takes most of a second, which
    a rebuild that extracts nothing need not spend."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("spacy")
    except PackageNotFoundError:
        import spacy

        return spacy.__version__


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class ExtractionCache:
    """Extraction results by document text, in ``<folder>/<version>/<aa>/<hash>.m``."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.dir = self.folder / version_key()

    def _path(self, key: str, suffix: str = ".m") -> Path:
        return self.dir / key[:2] / f"{key}{suffix}"

    def get(self, doc: Document) -> DocResult | None:
        """The cached result for ``doc``'s text, re-labelled as ``doc``; None on a miss."""
        key = text_key(doc.text)
        try:
            tag, sha, sentences, mentions, facts, warnings = marshal.loads(
                self._path(key).read_bytes())
            if tag != _TAG or sha != key:
                return None
            doc_id = doc.doc_id  # the same text may come from other bytes (another encoding)
            return DocResult(doc, [Sentence(*s) for s in sentences],
                             [Mention(*m) for m in mentions],
                             [Fact(kind, args, Evidence(doc_id, *ev), rule)
                              for kind, args, ev, rule in facts], list(warnings))
        except FileNotFoundError:
            return self._legacy(doc, key)
        except Exception:  # truncated or foreign: extract again
            return None

    def _legacy(self, doc: Document, key: str) -> DocResult | None:
        """An entry of the pickle layout, rewritten in the current one."""
        try:
            entry = pickle.loads(self._path(key, ".pkl").read_bytes())
            if entry["text_sha256"] != key:
                return None
            result = DocResult(doc, entry["sentences"], entry["mentions"], [
                Fact(f.kind, f.args, Evidence(doc.doc_id, *_where(f.evidence)), f.rule)
                for f in entry["facts"]], entry["warnings"])
        except Exception:  # missing, truncated or foreign: extract again
            return None
        try:
            self.put(result)
        except OSError:
            pass
        return result

    def put(self, result: DocResult) -> None:
        entry = (_TAG, text_key(result.doc.text),
                 tuple((s.index, s.start, s.end) for s in result.sentences),
                 tuple((m.start, m.end, m.label, m.text, m.source, m.attrs)
                       for m in result.mentions),
                 tuple((f.kind, f.args, _where(f.evidence), f.rule) for f in result.facts),
                 tuple(result.warnings))
        write_atomic(self._path(entry[1]), marshal.dumps(entry))


def _where(ev: Evidence) -> tuple[int, int, int]:
    return ev.sentence, ev.start, ev.end
