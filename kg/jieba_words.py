"""Word lists drawn from jieba's dictionary (MIT): frequent words that are no names, and
the part of speech of frequent words. jieba is used only for this list, never for
segmentation.

Parsing the dictionary's 349,000 lines takes about 0.4 s, in every process that loads the
lexicon (each build worker); the two lists are therefore kept in a ``marshal`` file under
``$KG_CACHE_DIR`` (default ``~/.cache/kg``, as for the segmenter's model), keyed by the
dictionary file's size and mtime and this module's thresholds, written atomically, and
simply made again when the folder cannot be written or the file is damaged.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

FORMAT = 1  # bump when what the cached file holds, or how the lists are drawn, changes
COMMON_ANY, COMMON_OTHER, TAG_MIN = 100, 20, 50  # frequency thresholds (see below)


def _dict_path() -> Path | None:
    try:
        import jieba
    except ImportError:  # pragma: no cover - optional resource
        return None
    return Path(jieba.__file__).resolve().parent / "dict.txt"


@lru_cache(maxsize=1)
def _jieba_dict() -> list[tuple[str, int, str]]:
    """jieba's dictionary: (word, frequency, part of speech), read once per process."""
    path = _dict_path()
    entries = []
    if path is None:
        return entries
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 3:
                entries.append((parts[0], int(parts[1]), parts[2]))
    return entries


def common_words(min_any: int = COMMON_ANY, min_other: int = COMMON_OTHER) -> set[str]:
    """Frequent words that are not names: a candidate name that is one (强化, 周密, 智慧)
    is rejected. Words tagged as names (nr*) must be very frequent to count."""
    return {w for w, freq, tag in _jieba_dict() if 2 <= len(w) <= 4
            and (freq >= min_any or (freq >= min_other and not tag.startswith("nr")))}


def word_tags(min_freq: int = TAG_MIN) -> dict[str, str]:
    """Part of speech of frequent words: verbs end a name's left edge."""
    return {w: tag for w, freq, tag in _jieba_dict() if freq >= min_freq}


def _cache_file(path: Path) -> Path:
    from .segment_model import cache_root

    st = path.stat()
    key = (f"{FORMAT} {sys.version_info[:2]} {path} {st.st_size} {st.st_mtime_ns} "
           f"{COMMON_ANY} {COMMON_OTHER} {TAG_MIN}")
    return cache_root() / f"jieba-words-{hashlib.sha256(key.encode()).hexdigest()[:20]}.m"


def jieba_words() -> tuple[set[str], dict[str, str]]:
    """``common_words()`` and ``word_tags()``, from the cache file or made and cached."""
    path = _dict_path()
    if path is None:
        return set(), {}
    cached = _cache_file(path)
    try:
        common, tags = marshal.loads(cached.read_bytes())
        return set(common), dict(tags)
    except (OSError, ValueError, EOFError, TypeError):
        pass
    common, tags = common_words(), word_tags()
    tmp = ""
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cached.parent, prefix=".jieba-words-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(marshal.dumps((sorted(common), tags)))
        os.replace(tmp, cached)
    except OSError:  # a read-only home or a full disk: made again next time
        if tmp:
            Path(tmp).unlink(missing_ok=True)
    return common, tags
