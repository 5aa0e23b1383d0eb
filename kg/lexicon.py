"""Load the word lists and gazetteer the extraction rules use.

All domain knowledge lives in data files under ``kg/data`` (see the README
there); this module only reads them. A new domain is a new data folder,
passed as ``data_dir``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .jieba_words import jieba_words
from .resources import DATA_DIR


def _lines(path: Path) -> Iterator[str]:
    if not path.exists():
        return
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n").rstrip("\r")
            if line.strip() and not line.lstrip().startswith("#"):
                yield line


def read_list(path: Path) -> list[str]:
    """One entry per line; '#' comments."""
    return [line.strip() for line in _lines(path)]


def read_sections(path: Path) -> dict[str, list[str]]:
    """Entries grouped under '# name' comment lines."""
    sections: dict[str, list[str]] = defaultdict(list)
    current = ""
    if not path.exists():
        return sections
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            line = raw.strip()
            if not line:
                continue
            if line.startswith("#"):
                word = line.lstrip("#").strip().split()
                if word and word[0] in ("before", "exclude", "after", "endings"):
                    current = word[0]
                continue
            sections[current].append(line)
    return sections


def read_aliases(path: Path) -> dict[str, str]:
    """'canonical<TAB>alias|alias' lines → {surface: canonical} (canonical maps to itself)."""
    table: dict[str, str] = {}
    for line in _lines(path):
        parts = line.split("\t")
        canonical = parts[0].strip()
        table.setdefault(canonical, canonical)
        if len(parts) > 1:
            for alias in parts[1].split("|"):
                alias = alias.strip()
                if alias:
                    table.setdefault(alias, canonical)
    return table


def read_tags(path: Path) -> dict[str, str]:
    """'word<TAB>tag' lines: corrections to the dictionary's parts of speech."""
    return dict(line.split("\t")[:2] for line in _lines(path) if "\t" in line)


def read_title_bodies(path: Path) -> dict[str, tuple[tuple[str, ...], int]]:
    """'title<TAB>endings[<TAB>paragraphs]' lines (paragraphs: 1 when not given)."""
    table = {}
    for line in _lines(path):
        parts = line.split("\t")
        if len(parts) >= 2:
            reach = int(parts[2]) if len(parts) > 2 and parts[2].strip() else 1
            table[parts[0].strip()] = (tuple(parts[1].split()), reach)
    return table


def read_strengths(path: Path) -> dict[str, str]:
    """'suffix<TAB>strong|weak' lines."""
    table: dict[str, str] = {}
    for line in _lines(path):
        parts = line.split("\t")
        table[parts[0].strip()] = parts[1].strip() if len(parts) > 1 else "strong"
    return table


class PhraseIndex:
    """Find every occurrence of many phrases in a text, by lookup per start position.

    Every prefix and suffix of a phrase is kept too, so a lookup walks one character
    at a time and stops where no phrase can go on (most positions: after one step)."""

    def __init__(self, phrases: Iterable[str] = ()) -> None:
        self._phrases: set[str] = set()
        self._prefixes: set[str] = set()
        self._suffixes: set[str] = set()
        self._first: re.Pattern[str] | None = None  # a phrase's first characters
        for p in phrases:
            self.add(p)

    def add(self, phrase: str) -> None:
        if not phrase or phrase in self._phrases:
            return
        self._phrases.add(phrase)
        for k in range(1, len(phrase) + 1):
            self._prefixes.add(phrase[:k])
            self._suffixes.add(phrase[-k:])
        self._first = None

    def __contains__(self, phrase: str) -> bool:
        return phrase in self._phrases

    def ends_with(self, ch: str) -> bool:
        """Some phrase ends in ``ch``: else ``ending_at`` after it finds nothing."""
        return ch in self._suffixes

    def __len__(self) -> int:
        return len(self._phrases)

    def find_at(self, text: str, i: int) -> list[str]:
        """Phrases starting at i, longest first."""
        out = []
        prefixes, phrases = self._prefixes, self._phrases
        for j in range(i + 1, len(text) + 1):
            part = text[i:j]
            if part not in prefixes:
                break
            if part in phrases:
                out.append(part)
        out.reverse()
        return out

    def find_all(self, text: str) -> Iterator[tuple[int, int, str]]:
        for i in range(len(text)):
            for p in self.find_at(text, i):
                yield i, i + len(p), p

    def longest(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Leftmost-longest, non-overlapping matches."""
        if self._first is None:
            chars = sorted({p[0] for p in self._phrases})
            self._first = re.compile(f"[{''.join(map(re.escape, chars))}]" if chars else "(?!)")
        after, n = 0, len(text)
        prefixes, phrases = self._prefixes, self._phrases
        for m in self._first.finditer(text):
            i = m.start()
            if i < after:
                continue
            best, j = 0, i + 1  # find_at's walk, inline: this runs at most positions of a text
            while j <= n:
                part = text[i:j]
                if part not in prefixes:
                    break
                if part in phrases:
                    best = j
                j += 1
            if best:
                after = best
                yield i, best, text[i:best]

    def ending_at(self, text: str, end: int, max_len: int = 12) -> list[str]:
        """Phrases that end exactly at ``end``, longest first."""
        out = []
        suffixes, phrases = self._suffixes, self._phrases
        for j in range(end - 1, max(0, end - max_len) - 1, -1):
            part = text[j:end]
            if part not in suffixes:
                break
            if part in phrases:
                out.append(part)
        out.reverse()
        return out


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    parent: str
    level: str
    short: str


@dataclass
class Gazetteer:
    """China's administrative divisions, keyed by official code (codes nest by prefix)."""

    by_code: dict[str, Division] = field(default_factory=dict)
    by_name: dict[str, list[Division]] = field(default_factory=dict)
    short_names: set[str] = field(default_factory=set)

    def chain(self, code: str) -> list[Division]:
        """The division and its ancestors, province first."""
        out: list[Division] = []
        seen = set()
        while code and code in self.by_code and code not in seen:
            seen.add(code)
            d = self.by_code[code]
            out.append(d)
            code = d.parent
        return list(reversed(out))

    def is_within(self, code: str, ancestor: str) -> bool:
        return any(d.code == ancestor for d in self.chain(code))


def load_gazetteer(path: Path, exclude: set[str]) -> Gazetteer:
    gaz = Gazetteer()
    for line in _lines(path):
        parts = line.split("\t")
        if parts[0] == "code" or len(parts) < 4:
            continue
        code, name, parent, level = (p.strip() for p in parts[:4])
        short = parts[4].strip() if len(parts) > 4 else ""
        div = Division(code, name, parent, level, short)
        gaz.by_code[code] = div
        if name not in exclude:
            gaz.by_name.setdefault(name, []).append(div)
        forms = [short] if short and short != name else []
        if short and name.endswith("自治州"):
            forms.append(short + "州")  # 甘孜藏族自治州 → 甘孜, 甘孜州
        for form in forms:
            if form not in exclude:
                gaz.by_name.setdefault(form, []).append(div)
                gaz.short_names.add(form)
    return gaz


@dataclass
class Lexicon:
    """Everything the rules look up, loaded once per process."""

    surnames: set[str]
    titles: PhraseIndex
    title_prefixes: list[str]
    org_suffixes: dict[str, str]
    orgs: dict[str, str]
    events: dict[str, str]
    event_suffixes: dict[str, str]
    honours: dict[str, str]
    honour_bases: list[str]
    honour_before: list[str]
    honour_exclude: list[str]
    honour_endings: list[str]
    countries: dict[str, str]
    landmarks: dict[str, str]
    stop_tokens: set[str]
    not_names: set[str]
    person_cues: dict[str, list[str]]
    gazetteer: Gazetteer
    minority_names: dict[str, list[str]] = field(default_factory=dict)
    minority_parts: frozenset[str] = frozenset()  # derived from minority_names
    name_chars: frozenset[str] = frozenset()  # characters of transliterated names
    minority_clans: frozenset[str] = frozenset()  # Yi family names: 吉克, 沙马 …
    kin_either: tuple[str, ...] = ()  # kin words for either sex (徒弟, 同事), from person_cues
    military: dict[str, list[str]] = field(default_factory=dict)  # 陆军, 军区, 某旅 …
    org_modifiers: set[str] = field(default_factory=set)
    org_joined: set[str] = field(default_factory=set)  # endings that may hold 与 inside
    common_words: set[str] = field(default_factory=set)
    verb_surnames: set[str] = field(default_factory=set)  # 种: 村民|种茶 is no name
    # 校长: ((学校, 中学 …), 1): the endings of its body's name, and how many paragraphs
    # back (its own first) the body may be named
    title_bodies: dict[str, tuple[tuple[str, ...], int]] = field(default_factory=dict)
    word_tags: dict[str, str] = field(default_factory=dict)
    generic_events: set[str] = field(default_factory=set)
    generic_event_prefixes: set[str] = field(default_factory=set)
    place_index: PhraseIndex = field(default_factory=PhraseIndex)
    org_index: PhraseIndex = field(default_factory=PhraseIndex)
    event_index: PhraseIndex = field(default_factory=PhraseIndex)
    honour_index: PhraseIndex = field(default_factory=PhraseIndex)
    # answers of rules that depend only on a string and this lexicon, by rule
    memo: dict[str, dict] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.minority_parts = frozenset(self.minority_names.get("part", []))
        self.name_chars = frozenset("".join(self.minority_names.get("chars", [])))
        self.minority_clans = frozenset(self.minority_names.get("clan", []))
        cues = self.person_cues
        self.kin_either = tuple(sorted(set(cues.get("kin", [])) - set(cues.get("kin_male", []))
                                       - set(cues.get("kin_female", []))))
        for name in list(self.gazetteer.by_name) + list(self.countries) + list(self.landmarks):
            self.place_index.add(name)
        for name in self.orgs:
            self.org_index.add(name)
        for name in self.events:
            self.event_index.add(name)
        for name in self.honours:
            self.honour_index.add(name)

    def is_surname_start(self, s: str) -> int:
        """Length of the surname that starts s (2 for compound), or 0."""
        if s[:2] in self.surnames and len(s[:2]) == 2:
            return 2
        return 1 if s[:1] in self.surnames else 0


@lru_cache(maxsize=4)
def load_lexicon(data_dir: str | None = None) -> Lexicon:
    """Read every data file under ``data_dir`` (default: the package's own)."""
    base = Path(data_dir) if data_dir else DATA_DIR
    lex_dir, gaz_dir = base / "lexicon", base / "gazetteer"
    honour_triggers = read_sections(lex_dir / "honour_triggers.txt")
    exclude_places = set(read_list(gaz_dir / "exclude.txt"))
    cues = read_sections_any(lex_dir / "person_cues.txt")
    generic = read_sections_any(lex_dir / "generic_events.txt")
    common, tags = jieba_words()
    return Lexicon(
        surnames=set(read_list(lex_dir / "surnames.txt")),
        titles=PhraseIndex(read_list(lex_dir / "titles.txt")),
        title_prefixes=read_list(lex_dir / "title_prefixes.txt"),
        org_suffixes=read_strengths(lex_dir / "org_suffixes.txt"),
        orgs=read_aliases(lex_dir / "orgs.tsv"),
        events=read_aliases(lex_dir / "events.tsv"),
        event_suffixes=read_strengths(lex_dir / "event_suffixes.txt"),
        honours=read_aliases(lex_dir / "honours.txt"),
        honour_bases=read_list(lex_dir / "honour_bases.txt"),
        honour_before=honour_triggers.get("before", []),
        honour_exclude=honour_triggers.get("exclude", []),
        honour_endings=honour_triggers.get("endings", []),
        countries=read_aliases(lex_dir / "countries.tsv"),
        landmarks=read_aliases(lex_dir / "landmarks.tsv"),
        stop_tokens=set(read_list(lex_dir / "stop_tokens.txt")),
        not_names=set(read_list(lex_dir / "not_names.txt")),
        verb_surnames=set(read_list(lex_dir / "verb_surnames.txt")),
        title_bodies=read_title_bodies(lex_dir / "title_bodies.tsv"),
        person_cues=cues,
        minority_names=read_sections_any(lex_dir / "minority_names.txt"),
        org_modifiers=set(read_list(lex_dir / "org_modifiers.txt")),
        org_joined=set(read_list(lex_dir / "org_joined_suffixes.txt")),
        gazetteer=load_gazetteer(gaz_dir / "divisions.tsv", exclude_places),
        common_words=common,
        word_tags=tags | read_tags(lex_dir / "word_tags.tsv"),
        generic_events=set(generic.get("events", [])),
        generic_event_prefixes=set(generic.get("prefixes", [])),
        military=read_sections_any(lex_dir / "military_units.txt"),
    )


def read_sections_any(path: Path) -> dict[str, list[str]]:
    """Entries grouped under '# [name]' header lines (any name)."""
    sections: dict[str, list[str]] = defaultdict(list)
    current = ""
    for raw in (path.read_text(encoding="utf-8").splitlines() if path.exists() else []):
        line = raw.strip()
        if line.startswith("# [") and line.endswith("]"):
            current = line[3:-1].strip()
        elif line and not line.startswith("#"):
            sections[current].append(line)
    return dict(sections)
