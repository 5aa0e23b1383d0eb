"""Resolution: one entity per real thing across the corpus, one fact per real fact.

Mentions become entities by a key: the division code for places, the
congress number for 二十大/党的二十大/中国共产党第二十次全国代表大会, the
canonical name from the lexicon for 中组部/中央组织部, the name for people.
Every surface form is kept as an alias, and each merge that is not a plain
repetition is noted with its reason. Facts are keyed by what they say, so an
article reprinted in another document adds evidence, not duplicate facts.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .model import DocResult, Document, Evidence, Mention, Sentence
from .normalise import key_form
from .resolve_facts import add_facts
from .resolve_homonyms import Homonyms, find_homonyms
from .resolve_people import merge_people


@dataclass
class Entity:
    key: str
    type: str
    forms: Counter = field(default_factory=Counter)
    docs: set[str] = field(default_factory=set)
    attrs: dict[str, str] = field(default_factory=dict)
    notes: set[str] = field(default_factory=set)
    parent: str = ""  # key of the containing place / parent organisation
    addresses: set[str] = field(default_factory=set)  # 张代表 for 张永强: never the label

    @property
    def label(self) -> str:
        """The short name of a local body (玉麦乡党委), else the form written most often,
        a form of address (钱教授) last; ties go to the longer, then the first in order."""
        if self.attrs.get("short"):
            return self.attrs["short"]
        return sorted(self.forms.items(), key=lambda kv: (
            kv[0] in self.addresses, -kv[1], -len(kv[0]), kv[0]))[0][0]

    @property
    def aliases(self) -> list[str]:
        return sorted(f for f in self.forms if f != self.label)


@dataclass
class ResolvedFact:
    kind: str
    fields: dict[str, str]  # entity keys (person, org, place, event, honour) and literals
    evidence: set[tuple[Evidence, str]] = field(default_factory=set)
    written: set[str] = field(default_factory=set)  # the organisation as the texts write it

    @property
    def key(self) -> str:
        body = "|".join(f"{k}={v}" for k, v in sorted(self.fields.items()))
        return hashlib.sha1(f"{self.kind}|{body}".encode()).hexdigest()[:16]


@dataclass
class Resolved:
    documents: list[Document] = field(default_factory=list)
    sentences: dict[str, list[Sentence]] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    facts: dict[str, ResolvedFact] = field(default_factory=dict)
    # fact keys by the values of their fields, in the order of ``facts``, so that re-keying
    # an entity touches only its facts (a scan of all facts per merge was quadratic)
    _facts_with: dict[str, dict[str, None]] = field(default_factory=dict, repr=False)

    def entity(self, key: str, type_: str, form: str, doc_id: str) -> Entity:
        ent = self.entities.get(key)
        if ent is None:
            ent = self.entities[key] = Entity(key, type_)
        ent.forms[form] += 1
        ent.docs.add(doc_id)
        return ent

    def text_of(self, doc_id: str) -> str:
        """The decoded text of a document (indexed on first use)."""
        if getattr(self, "_texts", None) is None or len(self._texts) != len(self.documents):
            self._texts = {d.doc_id: d.text for d in self.documents}
        return self._texts[doc_id]

    def ref(self, key: str, type_: str, form: str) -> Entity:
        """An entity a fact points at, created without counting a mention."""
        ent = self.entities.get(key)
        if ent is None:
            ent = self.entities[key] = Entity(key, type_)
            ent.forms[form] = 0
        return ent

    def fold_fact(self, key: str, into: str) -> None:
        """Fact ``key`` is fact ``into`` said another way: its evidence (and the bodies as
        written) go to ``into``, and it goes."""
        target = self.facts[into]
        target.evidence |= self.facts[key].evidence
        target.written |= self.facts[key].written
        self.drop_fact(key)

    def drop_fact(self, key: str) -> None:
        fact = self.facts.pop(key)
        for value in fact.fields.values():
            self._facts_with.get(value, {}).pop(key, None)

    def add_fact(self, kind: str, fields: dict[str, str], ev: Evidence, rule: str,
                 written: str = "") -> None:
        fact = ResolvedFact(kind, {k: v for k, v in fields.items() if v})
        key = fact.key
        existing = self.facts.setdefault(key, fact)
        if existing is fact:
            for value in fact.fields.values():
                self._facts_with.setdefault(value, {})[key] = None
        existing.evidence.add((ev, rule))
        if written:
            existing.written.add(written)


def place_key(m: Mention) -> str:
    code = m.attr("code")
    if code:
        return f"place/{code}"
    parent = m.attr("parent")
    if parent:
        return f"place/{parent}/{key_form(m.attr('canonical') or m.text)}"
    return f"place/{key_form(m.attr('canonical') or m.text)}"


def mention_key(m: Mention, person_names: dict[str, str], homonyms: Homonyms | None = None,
                doc_id: str = "") -> str:
    if m.label == "Place":
        return place_key(m)
    if m.label == "Event":
        return f"event/{m.attr('key') or key_form(m.attr('canonical') or m.text)}"
    if m.label == "Organization":
        return f"org/{key_form(m.attr('canonical') or m.text)}"
    name = m.attr("alias_of") or m.text
    if homonyms is not None:
        return homonyms.key(doc_id, person_names.get(name, name))
    return f"person/{key_form(person_names.get(name, name))}"


def resolve(results: Iterable[DocResult], known: dict[bytes, bool] | None = None) -> Resolved:
    """Merge per-document results into corpus entities and facts.

    ``known``: name comparisons of an earlier build (see ``resolve_people.PairMemo``)."""
    results = sorted(results, key=lambda r: r.doc.doc_id)
    out = Resolved()
    person_names = merge_people(results, known)
    homonyms = find_homonyms(results, person_names)
    for r in results:
        out.documents.append(r.doc)
        out.sentences[r.doc.doc_id] = r.sentences
        by_text: dict[tuple[str, str], str] = {}
        for m in r.mentions:
            key = mention_key(m, person_names, homonyms, r.doc.doc_id)
            ent = out.entity(key, m.label, m.text, r.doc.doc_id)
            by_text[(m.label, m.text)] = key
            _entity_attrs(out, ent, m)
            if m.attr("alias_of"):
                ent.addresses.add(m.text)
                ent.notes.add(f"{m.text} → {m.attr('alias_of')}: form of address of the only "
                              f"person with that surname in {r.doc.name}")
            if m.label == "Person" and m.text in person_names and person_names[m.text] != m.text:
                ent.notes.add(f"{m.text} → {person_names[m.text]}: one-character variant in "
                              "a reprinted passage with the same context")
            if m.label != "Person" and m.attr("canonical") and m.attr("canonical") != m.text:
                ent.notes.add(f"{m.text} → {m.attr('canonical')}: same {m.label.lower()} "
                              f"({m.source})")
        _org_aliases(out, r, by_text)
        add_facts(out, r, by_text, person_names, homonyms)
    for key, notes in homonyms.notes.items():
        if key in out.entities:
            out.entities[key].notes |= notes
    _fold_short_bodies(out)
    _fold_bare_posts(out)
    return out


def _fold_bare_posts(out: Resolved) -> None:
    """书记 at 乌鲁木齐市委, and 市委书记 with no body, for one person (乌鲁木齐市委书记某某 …
    选举某某为市委书记): one post, written once with its body and once with part of it in
    the title; the bare one goes into the other when exactly one such post ends with it."""
    posts: dict[str, list[tuple[str, str, str]]] = defaultdict(list)  # (key, body, title)
    bare: list[str] = []
    for key, fact in out.facts.items():
        if fact.kind != "role":
            continue
        org = out.entities.get(fact.fields.get("org", ""))
        posts[fact.fields["person"]].append((key, org.label if org else "", fact.fields["title"]))
        if "org" not in fact.fields:
            bare.append(key)
    for key in bare:  # (乌鲁木齐市委书记 with no body takes 市委书记; 省长 at 某省政府, 省长)
        fact = out.facts[key]
        title = fact.fields["title"]
        into = {k for k, label, t in posts[fact.fields["person"]] if k != key and k in out.facts
                and len(label + t) > len(title) and (label + t).endswith(title)
                and (len(t) <= len(title) if label else len(title) >= 3)}
        if len(into) == 1:
            out.fold_fact(key, into.pop())


def _fold_short_bodies(out: Resolved) -> None:
    """One post, two names of its body, one the end of the other (副教授 at 土木与水利工程学院
    and at 宁夏大学土木与水利工程学院): one role, at the longer name, with the evidence of
    both; a repeated post is no second role."""
    posts: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)  # (key, org label)
    for key, fact in out.facts.items():
        if fact.kind == "role" and fact.fields.get("org"):
            org = out.entities.get(fact.fields["org"])
            posts[(fact.fields["person"], fact.fields["title"])].append(
                (key, org.label if org else ""))
    for facts in posts.values():
        if len(facts) < 2:
            continue
        for short, label in sorted(facts, key=lambda kl: (len(kl[1]), kl[0])):
            longer = [(k, lab) for k, lab in facts if k != short and k in out.facts
                      and len(lab) > len(label) > 1 and lab.endswith(label)]
            if len({lab for _, lab in longer}) == 1:  # one longer name, not 县委办公室 and
                out.fold_fact(short, min(k for k, _ in longer))  # 县政府办公室 for 办公室


def _entity_attrs(out: Resolved, ent: Entity, m: Mention) -> None:
    if m.label == "Organization" and m.attr("short") and not ent.attrs.get("short"):
        ent.attrs["short"] = m.attr("short")
        ent.forms.setdefault(m.attr("short"), 0)
    if m.label == "Place":
        for k in ("code", "level"):
            if m.attr(k) and not ent.attrs.get(k):
                ent.attrs[k] = m.attr(k)
        if m.attr("canonical") and m.attr("code"):
            ent.forms.setdefault(m.attr("canonical"), 0)
        parent = m.attr("parent")
        if parent and not ent.parent:
            ent.parent = f"place/{parent}" if parent.isdigit() else _parent_key(out, parent)


def _parent_key(out: Resolved, name: str) -> str:
    for key, ent in out.entities.items():
        if ent.type == "Place" and name in ent.forms:
            return key
    return ""


def _org_aliases(out: Resolved, r: DocResult, by_text: dict[tuple[str, str], str]) -> None:
    """儿童医院 after 北京儿童医院 in the same document: the same organisation.

    Each name is tried against the longer names that end with it, shortest first: found
    through their endings, not by trying every pair (a 50 MB file names thousands)."""
    orgs = sorted({m.text for m in r.mentions if m.label == "Organization"},
                  key=lambda s: (len(s), s))
    places = {m.text for m in r.mentions if m.label == "Place"}
    known, ending_with = set(orgs), defaultdict(list)
    for full in orgs:  # in order, so each list is too
        for k in range(1, len(full) + 1):
            if full[k:] in known:
                ending_with[full[k:]].append(full)
    for short in orgs:
        for full in ending_with.get(short, ()):
            head = full[: -len(short)]
            if _is_place_chain(head, places):
                s_key, f_key = by_text[("Organization", short)], by_text[("Organization", full)]
                if s_key != f_key and s_key in out.entities:
                    merged = out.entities.pop(s_key)
                    target = out.entities[f_key]
                    target.forms.update(merged.forms)
                    target.docs |= merged.docs
                    target.notes.add(f"{short} → {full}: the same organisation named without "
                                     f"its place in {r.doc.name}")
                    _rekey(out, s_key, f_key)
                    by_text[("Organization", short)] = f_key
                break


def _is_place_chain(s: str, places: set[str]) -> bool:
    """``s`` is place names one after another (北京市海淀区): tried by its beginnings, longest
    first, as few as its length."""
    return bool(s) and any(s[:k] in places and (k == len(s) or _is_place_chain(s[k:], places))
                           for k in range(len(s), 0, -1))


def _rekey(out: Resolved, old: str, new: str) -> None:
    """Point the facts naming entity ``old`` at ``new`` (merging facts that become one)."""
    index = out._facts_with
    for fact_key in index.pop(old, {}):  # in the order of out.facts, as a scan would go
        fact = out.facts.pop(fact_key)
        for value in fact.fields.values():
            index.get(value, {}).pop(fact_key, None)
        fields = {k: (new if v == old else v) for k, v in fact.fields.items()}
        for ev, rule in fact.evidence:
            out.add_fact(fact.kind, fields, ev, rule)
