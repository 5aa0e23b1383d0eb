"""Plain data passed between the pipeline stages.

Every stage takes and returns these objects, so a stage can be run and tested
alone, and results can be pickled to worker processes. Offsets are always
character offsets into ``Document.text`` (the decoded original), so that
provenance points at exactly what the source says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

EntityType = Literal["Person", "Place", "Organization", "Event"]
ENTITY_TYPES: tuple[str, ...] = ("Person", "Place", "Organization", "Event")
FACT_KINDS: tuple[str, ...] = ("delegate", "role", "region", "honour", "stat", "event")


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded source document."""

    doc_id: str  # stable: the first 16 hex digits of the SHA-256 of the raw bytes
    path: str  # as given by the user (for messages and provenance)
    name: str  # file name, shown to users
    text: str  # decoded original text; all offsets point into it
    encoding: str = "utf-8"
    sha256: str = ""


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int  # offsets into Document.text
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity mention. ``text`` is the normalised surface (simplified script)."""

    start: int
    end: int
    label: str  # one of ENTITY_TYPES
    text: str
    source: str = ""  # which rule or lexicon found it
    attrs: tuple[tuple[str, str], ...] = ()  # e.g. (("code", "540529"), ("level", "county"))

    def attr(self, key: str, default: str = "") -> str:
        return dict(self.attrs).get(key, default)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact comes from: document, sentence and character span."""

    doc_id: str
    sentence: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Fact:
    """One extracted fact.

    ``args`` holds surface strings (normalised) keyed by role, for example
    ``{"person": "张黎明", "title": "班长", "org": "…配电抢修班"}`` for a role.
    ``refs`` holds the mentions the args were read from, when there are any,
    so that resolution can tie them to entities.
    """

    kind: str  # one of FACT_KINDS
    args: tuple[tuple[str, str], ...]
    evidence: Evidence
    rule: str = ""

    def get(self, key: str, default: str = "") -> str:
        return dict(self.args).get(key, default)


@dataclass
class DocResult:
    """Everything extracted from one document."""

    doc: Document
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
