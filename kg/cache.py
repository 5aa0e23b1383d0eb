"""On-disk cache of per-document extraction results, for incremental rebuilds.

An entry is keyed by the SHA-256 of the decoded text and a version key: a hash of
the code and data extraction depends on (``kg/extract/*.py``, ``nlp.py``, ``segment*.py``,
``normalise.py``, ``lexicon.py``, ``model.py``, ``kg/data/**`` but the sample
corpus) and of the spaCy and pkuseg versions. Changing a rule or a word list
changes the version key, so old entries are simply never looked up again.

Entries are pickles of plain ``kg.model`` objects, written atomically (a killed
build leaves whole entries or none); an entry that does not load is a miss. The
cache is a private working folder: do not point it at files from someone else.
"""

from __future__ import annotations

import dataclasses
import hashlib
import pickle
from functools import cache
from pathlib import Path

from .io import write_atomic
from .model import DocResult, Document, Evidence
from .resources import PACKAGE_DIR

FORMAT = 1  # bump when the entry layout changes
_CODE = ("nlp.py", "segment.py", "segment_model.py", "segment_compile.py", "normalise.py",
         "lexicon.py", "model.py", "resources.py")


@cache
def version_key() -> str:
    """A hash of everything extraction depends on, computed once per process."""
    return code_hash(PACKAGE_DIR)


def code_hash(package: Path) -> str:
    """The version key of the kg package in folder ``package``."""
    import spacy

    h = hashlib.sha256(f"kg-cache {FORMAT} spacy {spacy.__version__}".encode())
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


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class ExtractionCache:
    """Extraction results by document text, in ``<folder>/<version>/<aa>/<hash>.pkl``."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.dir = self.folder / version_key()

    def _path(self, doc: Document) -> Path:
        key = text_key(doc.text)
        return self.dir / key[:2] / f"{key}.pkl"

    def get(self, doc: Document) -> DocResult | None:
        """The cached result for ``doc``'s text, re-labelled as ``doc``; None on a miss."""
        try:
            data = self._path(doc).read_bytes()
            entry = pickle.loads(data)
            if entry["text_sha256"] != text_key(doc.text):
                return None
            result = DocResult(doc, entry["sentences"], entry["mentions"], entry["facts"],
                               entry["warnings"])
        except Exception:  # missing, truncated or foreign: extract again
            return None
        # the same text may come from other bytes (another encoding): re-point the evidence
        result.facts = [f if f.evidence.doc_id == doc.doc_id
                        else dataclasses.replace(f, evidence=_evidence_of(f.evidence, doc))
                        for f in result.facts]
        return result

    def put(self, result: DocResult) -> None:
        entry = {"text_sha256": text_key(result.doc.text), "sentences": result.sentences,
                 "mentions": result.mentions, "facts": result.facts,
                 "warnings": result.warnings}
        write_atomic(self._path(result.doc), pickle.dumps(entry, protocol=5))


def _evidence_of(ev: Evidence, doc: Document) -> Evidence:
    return dataclasses.replace(ev, doc_id=doc.doc_id)
