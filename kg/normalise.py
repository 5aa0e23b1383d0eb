"""Normalise decoded text for matching, keeping a map back to the original.

Extraction runs on a normalised copy: traditional characters mapped to
simplified, full-width digits and letters to ASCII, markup a scraped page left
(<br>, &nbsp;) blanked, and lines that a page layout broke in the middle of a
sentence joined again. Every normalised
character remembers the offset of the original character it came from, so
facts can cite the source exactly (the graph keeps the original text).
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .model import Sentence

SENTENCE_END = "。！？!?"
CLOSERS = "”’」』）)】"
OPEN_QUOTES = "“‘「『"
CLOSE_QUOTES = "”’」』"
# a line shorter than this is a heading, not a paragraph cut by the layout
MIN_BROKEN_LINE = 22
# a newspaper's page line (…2022年5月30日　星期一　第1版) ends where it ends, however long
_PAGE_LINE = re.compile(r"(?:第[\d一二三四五六七八九十]+版|星期[一二三四五六日天])"
                        r"(?:\s*[·・:：]?\s*\S{0,6})?$")


@dataclass(frozen=True)
class NormText:
    """Normalised text and, for each of its characters, the original offset."""

    text: str
    offsets: tuple[int, ...]  # len(text) + 1 entries; the last is len(original)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the normalised span [start, end)."""
        if end <= start:
            o = self.offsets[start]
            return o, o
        return self.offsets[start], self.offsets[end - 1] + 1


@lru_cache(maxsize=1)
def _char_map() -> dict[int, str]:
    """Traditional→simplified (one character to one, from OpenCC) plus full-width forms."""
    import opencc

    table: dict[int, str] = {}
    path = os.path.join(os.path.dirname(opencc.__file__), "dictionary", "TSCharacters.txt")
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2 and len(parts[0]) == 1:
                target = parts[1].split(" ")[0]
                if len(target) == 1 and target != parts[0]:
                    table[ord(parts[0])] = target
    table.update({ord("「"): "“", ord("」"): "”", ord("『"): "‘", ord("』"): "’"})  # 「三八」
    for cp in range(0xFF10, 0xFF1A):  # ０-９
        table[cp] = chr(cp - 0xFEE0)
    for cp in list(range(0xFF21, 0xFF3B)) + list(range(0xFF41, 0xFF5B)):  # Ａ-Ｚ ａ-ｚ
        table[cp] = chr(cp - 0xFEE0)
    table[0xFF05] = "%"  # ％
    table[0xFF0E] = "."  # ．
    table[0x3000] = " "  # ideographic space
    table[0x00A0] = " "
    table[0x30FB] = "·"  # katakana middle dot, used in transliterated names
    table[0x2022] = "·"
    table[0x2027] = "·"
    return table


@lru_cache(maxsize=65536)
def key_form(name: str) -> str:
    """The form a name is keyed by: simplified, half-width (黨的二十大 → 党的二十大)."""
    return unicodedata.normalize("NFKC", to_simplified(name))


def to_simplified(text: str) -> str:
    """Map characters one to one, so offsets are unchanged."""
    return text.translate(_char_map())


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


_BREAK = re.compile(r"[ \t]*\n(?:[ \t]*\n)*[ \t]*")
_FIELD_LINE = re.compile(r"[\u4e00-\u9fff]{2,6}[：:]")
# a bracketed name and what it is, no sentence's end on the line: 【某某】某村党支部书记、村委会主任
_HEAD_LINE = re.compile(r"[ \t\u3000]*【[\u4e00-\u9fff·]{2,12}】[^。；;！？\n]{2,50}$")
# a list's line: a name (and a note), a space, what it lists (马某某（女）　某公司采油工)
_LIST_LINE = re.compile(r"[\u4e00-\u9fff·]{2,12}(?:[（(][^（）()\n]{1,12}[）)])?[ \t\u3000]+\S")
# or a name, one comma, what it lists, nothing else on the line (某某，某公司采油工): the
# name a surname and one to three characters, or dotted
_COMMA_LINE = re.compile(r"[ \t\u3000]*([\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff·]{3,12}·"
                         r"[\u4e00-\u9fff]{1,8})[，,][^，,。！？；;\n]{2,60}$", re.M)


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    """The lexicon's surname list alone (loading the whole lexicon here would cost 0.5 s)."""
    from .lexicon import read_list
    from .resources import DATA_DIR

    return frozenset(read_list(DATA_DIR / "lexicon" / "surnames.txt"))


def _comma_item(m: re.Match[str] | None) -> bool:
    """A list line's name: dotted, or a surname (one or two characters) and a given name."""
    if not m:
        return False
    name = m.group(1)
    return "·" in name or name[:1] in _surnames() or name[:2] in _surnames() and len(name) > 2


def _joins(text: str, m: re.Match[str], continued: bool = False) -> bool:
    """A line break inside a sentence: a long line ending mid-clause, text going on.

    A short line joins too when it ``continued`` a line joined to it (the middle of a
    paragraph the layout cut more than once, 諸葛|海峰，贛州市于都|縣), and holds a comma:
    it cannot be a heading."""
    before_start = text.rfind("\n", 0, m.start()) + 1
    line = text[before_start : m.start()].strip()
    short = len(line) < MIN_BROKEN_LINE and not (continued and any(c in line for c in "，,、"))
    if short or m.end() >= len(text) or _PAGE_LINE.search(line):
        return False
    if m.group()[-1] in " \t":  # the next line is indented: a new paragraph or list item
        return False
    chunks = line.split()
    if 2 <= len(chunks) <= 3 and (len(chunks[-1]) >= 3 or "·" in chunks[-1]) and all(
            _is_cjk(c) or c == "·" for c in chunks[-1]):
        return False  # a caption or byline ending in a name: 村民代表 吐尔逊江·买买提
    if _FIELD_LINE.match(line) and _FIELD_LINE.match(text, m.end()):
        return False  # 职务：…工程师 / 荣誉：…: the lines of a profile box
    if _HEAD_LINE.match(line):
        return False  # 【某某】某村党支部书记、村委会主任: a head, its words below it
    if _LIST_LINE.match(line) and _LIST_LINE.match(text, m.end()):
        return False  # 某某（女）　…钳工、班组长 / 某某　…首席技师: the lines of a list
    if _comma_item(_COMMA_LINE.fullmatch(line)) and _comma_item(_COMMA_LINE.match(text, m.end())):
        return False  # 某某，某县某乡党委书记 / 某某，某医院主任医师: the same, with commas
    last, nxt = line[-1], text[m.end()]
    if m.group().count("\n") >= 2 and not any(c in line for c in "，,。；;"):
        return False  # a headline before a blank line, not a sentence broken in two
    if last in SENTENCE_END or last in CLOSERS or last in "…—:：" or line.startswith("#"):
        return False
    if not (_is_cjk(last) or last in "，、；“‘《（("):
        return False
    return _is_cjk(nxt) or nxt in "，、。；：”’》）)"


# markup a scraped page left behind (<br>, </p>, &nbsp;): blanked, the same length, so every
# offset still points at the original character; a line a break tag ends is never joined
_MARKUP = re.compile(r"</?(?:br|p|div|span|font|b|strong|em|i|u)\b[^<>\n]{0,200}>"
                     r"|&(?:nbsp|ensp|emsp|amp|lt|gt|quot|#160|#12288);", re.I)
_BREAK_TAG = re.compile(r"<br|</?p\b|</?div\b", re.I)


def normalise(text: str) -> NormText:
    """Simplify script, blank leftover markup and join broken lines; return text plus
    offset map."""
    tag_ends: set[int] = set()  # where a <br>, <p> or <div> ends: its line is not joined

    def blank(m: re.Match[str]) -> str:
        if _BREAK_TAG.match(m.group()):
            tag_ends.add(m.end())
        return " " * len(m.group())

    simple = _MARKUP.sub(blank, to_simplified(text))
    out: list[str] = []
    offsets: list[int] = []
    pos, joined = 0, False
    for m in _BREAK.finditer(simple):
        out.append(simple[pos : m.start()])
        offsets.extend(range(pos, m.start()))
        tagged = bool(tag_ends) and not tag_ends.isdisjoint(  # a tag's end in the blanks
            range(m.start() + 1, simple.index("\n", m.start()) + 1))
        joined = not tagged and _joins(simple, m, joined)  # …<br> ends its line
        if joined:
            pass  # drop the break entirely
        else:
            out.append("\n")
            offsets.append(m.start())
        pos = m.end()
    out.append(simple[pos:])
    offsets.extend(range(pos, len(simple)))
    offsets.append(len(simple))
    return NormText("".join(out), tuple(offsets))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of normalised text.

    A sentence ends at 。！？ outside quotation marks (a quote and its
    attribution, “……。”某某说。, stay one sentence), and always at a line
    break, which also resets an unbalanced quote.
    """
    spans: list[tuple[int, int]] = []
    start, depth, i, n = 0, 0, 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            if text[start:i].strip():
                spans.append((start, i))
            start, depth = i + 1, 0
        elif ch in OPEN_QUOTES:
            depth += 1
        elif ch in CLOSE_QUOTES:
            depth = max(0, depth - 1)
        elif ch in SENTENCE_END and depth == 0:
            j = i + 1
            while j < n and (text[j] in CLOSERS or text[j] in SENTENCE_END):
                j += 1
            spans.append((start, j))
            start, i = j, j
            continue
        i += 1
    if text[start:].strip():
        spans.append((start, n))
    return [_trim(text, s, e) for s, e in spans if text[s:e].strip()]


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def sentences_of(norm: NormText) -> list[Sentence]:
    """Sentences with offsets into the original text."""
    result = []
    for i, (s, e) in enumerate(split_sentences(norm.text)):
        os_, oe = norm.span(s, e)
        result.append(Sentence(i, os_, oe))
    return result
