"""Tie each extracted fact to resolved entities (called by ``resolve``)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .lexicon import Gazetteer, load_gazetteer, load_lexicon, read_list
from .model import DocResult
from .normalise import key_form

if TYPE_CHECKING:
    from .resolve import Resolved
    from .resolve_homonyms import Homonyms

CONGRESS_KEY = "event/cpc-congress-20"


@lru_cache(maxsize=1)
def _own_gazetteer() -> Gazetteer:
    from .resources import GAZETTEER_DIR as folder

    return load_gazetteer(folder / "divisions.tsv", set(read_list(folder / "exclude.txt")))


def gazetteer() -> Gazetteer:
    """The gazetteer of the package's lexicon: the loaded lexicon's, else read alone
    (resolution and RDF need only it; the whole lexicon takes seconds to load)."""
    if load_lexicon.cache_info().currsize:
        return load_lexicon().gazetteer
    return _own_gazetteer()


def _person(out: Resolved, name: str, names: dict[str, str], homonyms: Homonyms,
            doc_id: str) -> str:
    key = homonyms.key(doc_id, names.get(name, name))
    out.ref(key, "Person", name)
    return key


def last_places(r: DocResult) -> dict[str, int]:
    """Where each place name is last mentioned in a document (index into its mentions)."""
    return {m.text: i for i, m in enumerate(r.mentions) if m.label == "Place"}


def _org_key(out: Resolved, r: DocResult, org: str, by_text: dict,
             places: dict[str, int]) -> str:
    """The key of the organisation a role names; a place when it is a place's body
    (the place mentioned last whose name ends the organisation's).

    ``places``: ``last_places(r)``; the endings of ``org`` are looked up in it, not every
    mention scanned for every role (quadratic in a 50 MB file)."""
    if not org:
        return ""
    if ("Organization", org) in by_text:
        return by_text[("Organization", org)]
    last = max((places.get(org[k:], -1) for k in range(len(org) + 1)), default=-1)
    if last >= 0 and ("Place", r.mentions[last].text) in by_text:
        return by_text[("Place", r.mentions[last].text)]
    divisions = gazetteer().by_name.get(org, [])
    if len(divisions) == 1 and divisions[0].name == org:  # 西藏自治区 for a bare 自治区
        key = f"place/{divisions[0].code}"
        out.entity(key, "Place", org, r.doc.doc_id)
        return key
    key = f"org/{key_form(org)}"
    out.entity(key, "Organization", org, r.doc.doc_id)
    return key


def add_facts(out: Resolved, r: DocResult, by_text: dict, names: dict[str, str],
              homonyms: Homonyms) -> None:
    doc_id, places = r.doc.doc_id, last_places(r)
    for f in r.facts:
        ev, fields = f.evidence, {}
        if f.kind in ("delegate", "role", "region", "honour"):
            fields["person"] = _person(out, f.get("person"), names, homonyms, doc_id)
        if f.kind == "delegate":
            fields["event"] = CONGRESS_KEY
            out.ref(CONGRESS_KEY, "Event", "二十大")
        elif f.kind == "role":
            fields["org"] = _org_key(out, r, f.get("org"), by_text, places)
            fields["title"] = f.get("title")
            if not fields["title"]:
                continue
        elif f.kind == "region":
            key = by_text.get(("Place", f.get("place")))
            if not key:
                continue
            fields["place"] = key
        elif f.kind == "honour":
            label = f.get("honour")
            key = f"honour/{key_form(label)}"
            out.entity(key, "Honour", label, doc_id)
            fields["honour"] = key
        elif f.kind == "stat":
            fields.update({k: v for k, v in f.args if k in (
                "population", "measure", "count", "percent", "value", "unit", "approx")})
        elif f.kind == "event":
            fields["event"] = by_text.get(("Event", f.get("event")), "")
            fields["date"] = f.get("date")
            fields["place"] = by_text.get(("Place", f.get("place")), "")
            if not fields["event"]:
                continue
        written = ((f.get("org_text") or f.get("org") or "") if f.kind == "role"
                   else f.get("honour") or "" if f.kind == "honour" else "")
        out.add_fact(f.kind, fields, ev, f.rule, written)
