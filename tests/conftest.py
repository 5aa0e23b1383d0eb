"""Shared fixtures. The pkuseg model loads once per test session (about 3 s, 800 MB)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kg.model import Document

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def make_doc(text: str, name: str = "t.txt") -> Document:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(digest[:16], name, name, text, "utf-8", digest)


@pytest.fixture(scope="session")
def extract():
    """Extract one text with the real pipeline; returns the DocResult."""
    from kg.extract.run import extract_document
    from kg.nlp import get_pipeline

    nlp = get_pipeline()

    def run(text: str, name: str = "t.txt"):
        return extract_document(make_doc(text, name), nlp)

    return run


@pytest.fixture(scope="session")
def sample_kg(tmp_path_factory):
    """The bundled sample corpus, built once through the library API and saved."""
    import kg

    graph = kg.build()
    out = tmp_path_factory.mktemp("sample")
    graph.save(out)
    return graph, out


def facts_of(result, kind: str) -> list[dict[str, str]]:
    return [dict(f.args) for f in result.facts if f.kind == kind]


def names_of(result, label: str) -> set[str]:
    return {m.text for m in result.mentions if m.label == label}


def same_surface(original: str, start: int, end: int, text: str) -> bool:
    """Does ``original[start:end]`` say ``text`` once normalised (script, joined lines)?"""
    import re

    from kg.normalise import to_simplified

    def squash(s: str) -> str:
        return re.sub(r"[ \t]*\n[ \t\n]*", "", s)

    # mentions keep the text's own characters; compare both in simplified form
    return squash(to_simplified(original[start:end])) == squash(to_simplified(text))
