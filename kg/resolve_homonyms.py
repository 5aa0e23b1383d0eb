"""People who share a name: one entity, unless their documents tie them to different places.

A name alone does not identify a person: 张伟 the village secretary in Gansu and
张伟 the engineer in Hunan are two people. Documents are grouped per name by
the provinces their region facts give the person; two groups whose provinces
do not overlap are kept apart (the later ones get keys ``person/张伟~2``, …).
A document that ties the person to no place joins the first group: without
evidence, the same name is taken as the same person. The reason for every
merge and split is recorded as a note on the entity.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .model import DocResult
from .normalise import key_form


@dataclass
class Homonyms:
    suffix: dict[tuple[str, str], str] = field(default_factory=dict)  # (doc_id, name) → "~2"
    notes: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # key → why

    def key(self, doc_id: str, name: str) -> str:
        """The entity key of the person called ``name`` in document ``doc_id``."""
        name = key_form(name)
        return f"person/{name}{self.suffix.get((doc_id, name), '')}"


def _province(args: dict[str, str]) -> str:
    code = args.get("code") or next(
        (part.split("#", 1)[1] for part in args.get("chain", "").split("|")
         if "#" in part and part.split("#", 1)[1]), "")
    return code[:2]


def find_homonyms(results: list[DocResult], names: dict[str, str]) -> Homonyms:
    """Group each name's documents by the provinces they tie the person to."""
    provinces: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    labels: dict[str, dict[str, str]] = defaultdict(dict)
    for r in results:
        for m in r.mentions:
            if m.label == "Person":
                written = m.attr("alias_of") or m.text
                name = key_form(names.get(written, written))
                provinces[name].setdefault(r.doc.doc_id, set())
                labels[name][r.doc.doc_id] = r.doc.name
        for f in r.facts:
            if f.kind == "region":
                person = f.get("person")
                name = key_form(names.get(person, person))
                prov = _province(dict(f.args))
                if prov:
                    provinces[name][r.doc.doc_id].add(prov)
    out = Homonyms()
    for name, docs in provinces.items():
        if len(docs) < 2:
            continue
        groups: list[tuple[set[str], list[str]]] = []
        for doc in sorted(docs, key=lambda d: (not docs[d], d)):
            provs = docs[doc]
            home = next((g for g in groups if not provs or g[0] & provs), None)
            if home is None:
                groups.append((set(provs), [doc]))
            else:
                home[0].update(provs)
                home[1].append(doc)
        _record(out, name, groups, labels[name])
    return out


def _record(out: Homonyms, name: str, groups: list[tuple[set[str], list[str]]],
            doc_names: dict[str, str]) -> None:
    for i, (provs, docs) in enumerate(groups):
        suffix = "" if i == 0 else f"~{i + 1}"
        key = f"person/{name}{suffix}"
        for doc in docs:
            out.suffix[(doc, name)] = suffix
        where = "、".join(sorted(provs)) or "no place"
        if len(docs) > 1:
            out.notes[key].add(f"{name}: one person across {len(docs)} documents (same name; "
                               f"places agree: province codes {where})")
        if len(groups) > 1:
            others = [g for j, g in enumerate(groups) if j != i]
            other_docs = sorted(doc_names[d] for g in others for d in g[1])
            out.notes[key].add(f"{name}: kept apart from the {name} of {'、'.join(other_docs)} "
                               f"(tied to province codes {where} here, to others there)")
