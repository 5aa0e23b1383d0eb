"""Stage 1: find input files and decode them into ``Document`` objects.

Chinese news arrives as UTF-8, UTF-16, GB18030 (GB2312/GBK) or Big5, often without any
label. GB18030 decodes almost any Big5 byte string without error (and short GB texts
often decode as Big5), so a strict decode alone cannot tell them apart; instead each
plausible decoding is scored by how much of it is common Chinese characters.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from kg.model import Document
from kg.resources import LEXICON_DIR

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".html", ".htm"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
UNDECODABLE = "not decodable as UTF-8, UTF-16, GB18030 or Big5"

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Each group is tried in order and its first strict success is the group's candidate.
_CANDIDATES = (("gb18030",), ("big5", "cp950", "big5hkscs"), ("utf-16-le",), ("utf-16-be",))
_PUNCT = frozenset("，。、；：？！“”‘’（）《》〈〉【】「」『』〔〕—…·")
_MIN_UTF16_SCORE = 0.5  # BOM-less UTF-16 must look like text, not just decode
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_MAX_CONTROL_SHARE = 0.05
_SAMPLE = 65536  # bytes / characters looked at when sniffing
_CHUNK = 1 << 20  # bytes decoded at a time when only checking that a file decodes
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_GB_LABELS = frozenset({"gb2312", "gbk", "x-gbk", "csgb2312"})  # pages use the GB18030 superset
_OS_REASONS: dict[type[OSError], str] = {
    FileNotFoundError: "no such file or directory",
    PermissionError: "permission denied",
    IsADirectoryError: "is a directory",
}


class ReadError(Exception):
    """A file that cannot be read as text; ``str()`` is one line: ``<path>: <reason>``."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(str(path), reason)  # keeps the error picklable
        self.path = str(path)
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}".replace("\r", "\\r").replace("\n", "\\n")


def _first_visit(path: Path, seen: set[tuple[int, int]]) -> bool:
    """Whether the file or folder ``path`` leads to is new (by device and inode, not by name:
    cheaper than ``realpath`` in deep trees, and hard links count once too)."""
    try:
        info = os.stat(path)
    except OSError:
        return True  # reading it will report why
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return False
    seen.add(key)
    return True


class _Walker:
    """Walks folders once each (by real path), so symlink loops end and nothing repeats."""

    def __init__(self, on_error: Callable[[ReadError], None]) -> None:
        self.on_error = on_error
        self.seen_dirs: set[tuple[int, int]] = set()
        self.seen_files: set[tuple[int, int]] = set()

    def walk(self, path: Path) -> Iterator[Path]:
        if path.is_dir():
            yield from self._walk_dir(path)
        elif not path.exists():
            self.on_error(ReadError(path, "no such file or directory"))
        elif _first_visit(path, self.seen_files):
            yield path

    def _walk_dir(self, root: Path) -> Iterator[Path]:
        """Depth first in name order, with a stack (not recursion: folders nest deep)."""
        stack = [self._entries(root)]
        while stack:
            entry = next(stack[-1], None)
            if entry is None:
                stack.pop()
                continue
            child = Path(entry.path)
            try:
                is_dir, is_file = entry.is_dir(), entry.is_file()
            except OSError:
                is_dir = is_file = False
            if is_dir:
                stack.append(self._entries(child))
            elif child.suffix.lower() not in TEXT_SUFFIXES:
                continue
            elif is_file:
                if _first_visit(child, self.seen_files):
                    yield child
            elif entry.is_symlink() and not os.path.exists(child):
                self.on_error(ReadError(child, "broken symbolic link"))
            else:  # a FIFO, socket or device named like a text file: never opened
                self.on_error(ReadError(child, "not a regular file"))

    def _entries(self, path: Path) -> Iterator[os.DirEntry[str]]:
        """The visible entries of a folder seen for the first time, sorted by name."""
        if not _first_visit(path, self.seen_dirs):
            return iter(())
        try:
            with os.scandir(path) as it:
                entries = sorted(it, key=lambda entry: entry.name)
        except OSError as err:
            self.on_error(ReadError(path, _os_reason(err)))
            return iter(())
        return (e for e in entries if not e.name.startswith("."))


def _raise(err: ReadError) -> None:
    raise err


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files to read, each once: given files as they are, folders walked in sorted order."""
    walker = _Walker(on_error=_raise)
    for path in paths:
        yield from walker.walk(Path(path))


def _os_reason(err: OSError) -> str:
    return _OS_REASONS.get(type(err)) or (err.strerror or str(err)).lower()


@cache
def _common_chars() -> frozenset[str]:
    text = (LEXICON_DIR / "common_chars.txt").read_text(encoding="utf-8")
    lines = (line for line in text.splitlines() if not line.startswith("#"))
    return frozenset("".join("".join(line.split()) for line in lines))


def _score(text: str) -> float:
    """How much ``text`` looks like real (Chinese) text, from -1 to 1.

    Common characters, ASCII and CJK punctuation count for; rare Han characters are
    neutral; anything else (kana, Hangul, private use, controls...) counts against.
    A wrong GB18030/Big5 decoding yields mostly rare or out-of-place characters.
    """
    common = _common_chars()
    good = bad = total = 0
    for ch in text[:_SAMPLE]:
        if ch.isspace():
            continue
        total += 1
        o = ord(ch)
        if ch in common or ch in _PUNCT or 0x21 <= o <= 0x7E or 0xFF01 <= o <= 0xFF5E:
            good += 1
        elif not (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xA0 <= o <= 0x24F):
            bad += 1
    return (good - bad) / total if total else 0.0


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _head_if_decodable(data: bytes, codec: str) -> str | None:
    """The first ``_SAMPLE`` characters if all of ``data`` decodes strictly with ``codec``.

    Decodes in pieces and keeps none of them: trying the candidate codecs on a 50 MB
    file must not hold a decoded copy (or, for a failure, the error's copy of the bytes)
    per candidate; only the winner is decoded whole.
    """
    try:
        info = codecs.lookup(codec)
        if not getattr(info, "_is_text_encoding", True):  # base64, rot13... as bytes.decode
            return None
        decoder = info.incrementaldecoder(errors="strict")
        view, head = memoryview(data), ""
        for pos in range(0, len(view), _CHUNK):
            text = decoder.decode(view[pos : pos + _CHUNK])
            if len(head) < _SAMPLE:
                head += text[: _SAMPLE - len(head)]
        return head + decoder.decode(b"", final=True)[: _SAMPLE - len(head)]
    except (UnicodeDecodeError, LookupError):
        return None


def _best_guess(data: bytes, groups: Iterable[tuple[str, ...]], failure: str) -> tuple[str, str]:
    """The best-scoring strict decoding among ``groups`` (ties: the earlier group)."""
    best: tuple[float, str] | None = None
    for group in groups:
        found = next(((h, c) for c in group if (h := _head_if_decodable(data, c)) is not None),
                     None)
        if found is None:
            continue
        score = _score(found[0])
        if found[1].startswith("utf-16") and score < _MIN_UTF16_SCORE:
            continue
        if best is None or score > best[0]:
            best = (score, found[1])
    if best is None:
        raise ValueError(failure)
    return data.decode(best[1]), best[1]


def _declared_charset(data: bytes) -> str | None:
    """The codec named by an HTML ``<meta charset>``, if any."""
    if match := _META_CHARSET.search(data[:_SAMPLE]):
        name = match.group(1).decode("ascii").lower()
        return "gb18030" if name in _GB_LABELS else name
    return None


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data``; return ``(text, codec)``. Raises ``ValueError(reason)``."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _strict(data, codec)
            if text is None:
                raise ValueError(UNDECODABLE)
            return text, codec
    sample = data[:_SAMPLE]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if b"\0" in sample or controls > _MAX_CONTROL_SHARE * len(sample):
        return _best_guess(data, _CANDIDATES[2:], "binary, not text")  # or BOM-less UTF-16
    for codec in ("utf-8", declared):
        if codec is None or codec.startswith("utf-16"):
            continue  # a UTF-16 page would not have an ASCII <meta>
        if _head_if_decodable(data, codec) is not None:
            return data.decode(codec), codec
    return _best_guess(data, _CANDIDATES, UNDECODABLE)


_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_BREAK = re.compile(f"(?<=[{_CJK}])[ \0]*\0[ \0]*(?=[{_CJK}])")


def _blank_run(match: re.Match[str]) -> str:
    return "\0" if "\n" in match[0] or "\r" in match[0] else " "


class _TextExtractor(HTMLParser):
    """Collects visible article text; block elements become line breaks."""

    SKIP = frozenset("script style nav header footer noscript template svg iframe".split())
    BLOCK = frozenset(
        "p div br li h1 h2 h3 h4 h5 h6 tr section article ul ol dl dt dd table title body"
        " blockquote pre hr figure figcaption main aside address caption".split()
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skip += 1
        elif self.skip:
            return
        elif tag in self.BLOCK:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCK and not self.skip:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:  # a blank run with a source line break becomes a marker, else a space
            self.parts.append(re.sub(r"[ \t\r\n\f\xa0]+", _blank_run, data))


def html_to_text(html: str) -> str:
    """The readable text of an HTML page: no scripts, menus or markup; one blank line max."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    # As in CSS, a source line break between two Chinese characters is dropped, not a space.
    text = _CJK_BREAK.sub("", "".join(parser.parts)).replace("\0", " ")
    lines = [line.strip() for line in text.split("\n")]
    text = "\n".join(lines).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text)


def _looks_like_html(text: str | bytes) -> bool:
    head = text[:512] if isinstance(text, str) else text[:512].decode("latin-1")
    head = head.lstrip("\ufeff\xef\xbb\xbf \t\r\n").lower()  # any BOM, then blanks
    return head.startswith(("<!doctype html", "<html"))


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    mb = max_bytes / 2**20
    too_big = f"larger than {mb:.3g} MB" if mb >= 1 else f"larger than {max_bytes} bytes"
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ReadError(path, "is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise ReadError(path, "not a regular file")
        if info.st_size > max_bytes:
            raise ReadError(path, too_big)
        with path.open("rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as err:
        raise ReadError(path, _os_reason(err)) from err
    if len(data) > max_bytes:  # the file grew since stat()
        raise ReadError(path, too_big)
    return data


def read_document(path: Path, *, max_bytes: int = 64 * 1024 * 1024) -> Document:
    """Read and decode one file (HTML reduced to its text); raise ``ReadError`` if unusable."""
    path = Path(path)
    data = _read_bytes(path, max_bytes)
    if not data:
        raise ReadError(path, "empty file")
    is_html = path.suffix.lower() in HTML_SUFFIXES or _looks_like_html(data)
    try:
        text, codec = decode_bytes(data, _declared_charset(data) if is_html else None)
    except ValueError as err:
        raise ReadError(path, str(err)) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if is_html or _looks_like_html(text):
        text = html_to_text(text)
    if not text or text.isspace():  # not strip(): a copy of a 50 MB text
        raise ReadError(path, "no text")
    digest = hashlib.sha256(data).hexdigest()
    encoding = codecs.lookup(codec).name
    return Document(digest[:16], str(path), path.name, text, encoding, digest)


def iter_documents(
    paths: Iterable[str | Path], on_error: Callable[[ReadError], None]
) -> Iterator[Document]:
    """Read the files under ``paths`` one at a time, passing each unusable one to ``on_error``.

    Streaming: only the document being handed out is in memory. Files with identical
    bytes are yielded once: a corpus copied twice counts once.
    """
    seen: set[str] = set()
    walker = _Walker(on_error=on_error)
    for path in paths:
        for file in walker.walk(Path(path)):
            try:
                doc = read_document(file)
            except ReadError as err:
                on_error(err)
                continue
            except (OSError, ValueError, MemoryError) as err:  # nothing a file holds may crash us
                on_error(ReadError(file, f"cannot read ({type(err).__name__}: {err})"))
                continue
            if doc.doc_id not in seen:
                seen.add(doc.doc_id)
                yield doc


def read_all(
    paths: Iterable[str | Path], *, strict: bool = False
) -> tuple[list[Document], list[ReadError]]:
    """Read all files under ``paths``, collecting errors (``strict``: raise the first one)."""
    errors: list[ReadError] = []

    def fail(err: ReadError) -> None:
        if strict:
            raise err
        errors.append(err)

    return list(iter_documents(paths, fail)), errors
