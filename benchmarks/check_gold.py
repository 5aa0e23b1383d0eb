#!/usr/bin/env python3
"""Check gold annotations against the texts they annotate.

For every gold JSON file, every entity name and alias, and every fact's
person, title, org, honour and region string must occur in the article text.
Articles are decoded as kg decodes them (any of its encodings), and a string
may occur in the text as written or in its simplified form (OpenCC t2s).
A string counts as present when it occurs
literally, or after the scorer's normalisation (NFKC, quote marks and
whitespace removed, so 全国“三八”红旗手 supports 全国三八红旗手 and a name
broken across lines is still found), with the variants of the middle dot in
names (· • ‧ ・) treated as one.

It also checks the file structure (keys, entity types, fact kinds), that each
fact's person is a Person entity of the same file, and it warns about things
that make scoring ambiguous (an optional role without organisation that has
the same title as a required one of the same person; an entity marked
optional in one file and required in another, which the scorer pools into an
optional item).

Usage (from the repository root, with the project's virtualenv):

    .venv/bin/python benchmarks/check_gold.py            # the two bundled sets
    .venv/bin/python benchmarks/check_gold.py --gold DIR --corpus DIR [--gold DIR --corpus DIR ...]
    .venv/bin/python benchmarks/check_gold.py -v         # also list what needed normalising

Exit status 0 when every file passes, 1 otherwise. Warnings do not fail.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys
import unicodedata
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SETS = [
    (
        os.path.join(ROOT, "benchmarks", "gold", "sample"),
        os.path.join(ROOT, "kg", "data", "sample"),
    ),
    (
        os.path.join(ROOT, "benchmarks", "gold", "heldout"),
        os.path.join(ROOT, "benchmarks", "corpus", "heldout"),
    ),
]
QUOTES = "“”‘’\"'《》「」『』〈〉【】"
DOTS = {"•": "·", "‧": "·", "・": "·", "∙": "·", "⋅": "·", "●": "·"}
ENTITY_TYPES = {"Person", "Place", "Organization", "Event"}
FACT_KINDS = {"delegate", "role", "region", "honour"}


def norm(s: str) -> str:
    """The scorer's normalisation, plus one form of the middle dot."""
    s = unicodedata.normalize("NFKC", s or "")
    s = "".join(DOTS.get(ch, ch) for ch in s)
    return "".join(ch for ch in s if ch not in QUOTES and not ch.isspace()).lower()


_t2s = None


def to_simplified(text: str) -> str:
    global _t2s
    if _t2s is None:
        try:
            from opencc import OpenCC
        except ImportError:
            sys.exit("check_gold: needs opencc-python-reimplemented (use the project's .venv)")
        _t2s = OpenCC("t2s")
    return _t2s.convert(text)


def read_article(path: str) -> tuple[str, str, int]:
    """Decoded text (kg's own detection: UTF-8/16 with or without BOM, GB18030, Big5)
    followed by its simplified-script form, the encoding it was read with, and the
    article's own length in characters: a gold string may be written in either script."""
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    from kg.read import decode_bytes

    try:
        text, enc = decode_bytes(open(path, "rb").read())
    except Exception as err:  # kg's reader says why (binary, undecodable)
        raise ValueError(f"cannot decode {path}: {err}") from err
    simple = to_simplified(text)
    return (text if simple == text else text + "\n" + simple), enc, len(text)


class Report:
    def __init__(self):
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.notes: list[str] = []


def check_file(gold_path: str, corpus_dir: str, rep: Report) -> dict | None:
    name = os.path.basename(gold_path)
    try:
        gold = json.load(open(gold_path, encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        rep.errors.append(f"{name}: unreadable JSON: {err}")
        return None
    for key in ("doc", "entities", "facts", "stats"):
        if key not in gold:
            rep.errors.append(f"{name}: missing key {key!r}")
    doc = gold.get("doc", "")
    if os.path.splitext(doc)[0] != os.path.splitext(name)[0]:
        rep.warnings.append(f"{name}: doc {doc!r} does not match the gold file name")
    art = os.path.join(corpus_dir, doc)
    if not os.path.exists(art):
        rep.errors.append(f"{name}: article {art} not found")
        return None
    text, enc, length = read_article(art)
    flat = norm(text)

    def present(s: str, what: str):
        if not s:
            return
        if s in text:
            return
        if norm(s) in flat:
            rep.notes.append(f"{name}: {what} {s!r} found after normalisation")
            return
        rep.errors.append(f"{name}: {what} {s!r} not in the text")

    persons = set()
    seen = Counter()
    for i, e in enumerate(gold.get("entities", [])):
        if not isinstance(e, dict) or "name" not in e or "type" not in e:
            rep.errors.append(f"{name}: entity #{i} lacks name or type: {e!r}")
            continue
        if e["type"] not in ENTITY_TYPES:
            rep.errors.append(f"{name}: entity {e['name']!r} has unknown type {e['type']!r}")
        extra = set(e) - {"name", "type", "aliases", "optional"}
        if extra:
            rep.errors.append(f"{name}: entity {e['name']!r} has unknown keys {sorted(extra)}")
        aliases = e.get("aliases", [])
        if not isinstance(aliases, list):
            rep.errors.append(f"{name}: aliases of {e['name']!r} must be a list")
            aliases = []
        present(e["name"], f"{e['type']} name")
        for a in aliases:
            present(a, f"alias of {e['name']!r}")
        for n in [e["name"], *aliases]:
            seen[(e["type"], norm(n))] += 1
            if e["type"] == "Person":
                persons.add(norm(n))
    for (typ, n), k in seen.items():
        if k > 1:
            rep.warnings.append(f"{name}: {typ} name {n!r} listed {k} times")

    kinds = Counter()
    required_roles = defaultdict(set)
    orgless_optional = []
    for i, f in enumerate(gold.get("facts", [])):
        kind = f.get("kind")
        if kind not in FACT_KINDS:
            rep.errors.append(f"{name}: fact #{i} has unknown kind {kind!r}")
            continue
        kinds[kind] += 1
        person = f.get("person", "")
        if not person:
            rep.errors.append(f"{name}: {kind} fact #{i} has no person")
        elif norm(person) not in persons:
            rep.errors.append(f"{name}: {kind} fact person {person!r} is not a Person entity here")
        present(person, f"{kind} person")
        if kind == "role":
            if not f.get("title"):
                rep.errors.append(f"{name}: role of {person!r} has no title")
            present(f.get("title", ""), f"title ({person})")
            present(f.get("org", ""), f"org ({person})")
            if f.get("optional") and not f.get("org"):
                orgless_optional.append((person, f.get("title", "")))
            elif not f.get("optional"):
                required_roles[norm(person)].add(norm(f.get("title", "")))
        elif kind == "region":
            regions = f.get("region")
            if not isinstance(regions, list) or not regions:
                rep.errors.append(f"{name}: region of {person!r} must be a non-empty list")
                continue
            for r in regions:
                present(r, f"region ({person})")
        elif kind == "honour":
            if not f.get("honour"):
                rep.errors.append(f"{name}: honour of {person!r} is empty")
            present(f.get("honour", ""), f"honour ({person})")
    for person, title in orgless_optional:
        if norm(title) in required_roles[norm(person)]:
            rep.warnings.append(
                f"{name}: optional role {title!r} of {person!r} without org has the same title "
                "as a required role; the scorer may match a prediction to the optional one"
            )

    for i, s in enumerate(gold.get("stats", [])):
        if not s.get("subject") or not s.get("measure"):
            rep.errors.append(f"{name}: stat #{i} lacks subject or measure")
        if not any(k in s for k in ("count", "percent", "value")):
            rep.errors.append(f"{name}: stat #{i} has no count, percent or value")

    ents = gold.get("entities", [])
    facts = gold.get("facts", [])
    return {
        "doc": doc,
        "encoding": enc,
        "chars": length,
        "entities": len(ents),
        "entities_opt": sum(bool(e.get("optional")) for e in ents),
        "by_type": Counter(e.get("type") for e in ents),
        "facts": len(facts),
        "facts_opt": sum(bool(f.get("optional")) for f in facts),
        "kinds": kinds,
        "stats": len(gold.get("stats", [])),
        "ents_raw": ents,
    }


def cross_file(summaries: list[dict], rep: Report, label: str):
    """Entities are pooled over a gold folder: warn when one is optional in one file only."""
    flags = defaultdict(set)
    for s in summaries:
        for e in s["ents_raw"]:
            flags[(e.get("type"), norm(e.get("name", "")))].add(bool(e.get("optional")))
    for (typ, n), fl in sorted(flags.items()):
        if len(fl) > 1:
            rep.warnings.append(
                f"{label}: {typ} {n!r} is optional in one file and required in "
                "another (pooled as optional)"
            )


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", action="append", help="gold folder (repeat, paired with --corpus)")
    ap.add_argument("--corpus", action="append", help="folder with the articles")
    ap.add_argument("-v", "--verbose", action="store_true", help="list normalised matches too")
    args = ap.parse_args(argv)
    if args.gold or args.corpus:
        if not args.gold or not args.corpus or len(args.gold) != len(args.corpus):
            ap.error("--gold and --corpus must be given in pairs")
        sets = list(zip(args.gold, args.corpus, strict=True))
    else:
        sets = DEFAULT_SETS

    rep = Report()
    total_files = 0
    for gold_dir, corpus_dir in sets:
        files = sorted(glob.glob(os.path.join(gold_dir, "*.json")))
        if not files:
            rep.errors.append(f"no gold files in {gold_dir}")
            continue
        label = os.path.relpath(gold_dir, ROOT)
        print(f"== {label}  (texts: {os.path.relpath(corpus_dir, ROOT)})")
        print(
            f"  {'doc':34}{'enc':>7}{'chars':>7}{'ents':>6}{'opt':>5}"
            f"{'facts':>7}{'opt':>5}  {'del/role/reg/hon':>17}{'stats':>7}"
        )
        summaries = []
        for path in files:
            total_files += 1
            s = check_file(path, corpus_dir, rep)
            if not s:
                continue
            summaries.append(s)
            k = s["kinds"]
            mix = f"{k['delegate']}/{k['role']}/{k['region']}/{k['honour']}"
            print(
                f"  {s['doc']:34}{s['encoding']:>7}{s['chars']:>7}{s['entities']:>6}"
                f"{s['entities_opt']:>5}{s['facts']:>7}{s['facts_opt']:>5}  {mix:>17}"
                f"{s['stats']:>7}"
            )
        cross_file(summaries, rep, label)

    if args.verbose:
        for n in rep.notes:
            print("note:", n)
    for w in rep.warnings:
        print("warning:", w)
    for e in rep.errors:
        print("MISSING/ERROR:", e)
    print(
        f"\n{total_files} gold files, {len(rep.errors)} problems, {len(rep.warnings)} warnings, "
        f"{len(rep.notes)} strings matched only after normalisation"
    )
    return 1 if rep.errors else 0


if __name__ == "__main__":
    sys.exit(main())
