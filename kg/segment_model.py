"""pkuseg's model compiled into flat arrays for ``kg.segment``, cached on disk.

pkuseg keeps its model as a dict of 2.6 million feature strings ("c-1c.中.国",
"w1.经济", "ww.l.经济*发展") and builds those strings for every character it
segments. Here every feature is turned, once, into integer keys that numpy can look
up in bulk: characters become indexes of an alphabet, the unigram words of 2–6
characters become nodes of a trie, and each feature kind becomes a table over those
indexes. pkuseg replaces digits and full-width letters by the pseudo-characters
"**Num" and "**Letter" (``NUM``/``LETTER`` here), so a feature string is parsed
back into those same tokens; a string that no text can produce is dropped.

Compiling takes seconds and the weights are 100 MB, so the result is cached under
``$KG_CACHE_DIR`` (default ``~/.cache/kg``), keyed by the model files' size and
mtime, written to a temporary folder and renamed into place, and memory-mapped when
loaded: worker processes share its pages.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import pickle
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

FORMAT = 4  # bump when the layout of the cached arrays changes
NUM, LETTER = 0x110000, 0x110001  # codes of pkuseg's "**Num" / "**Letter" tokens


@dataclass
class Model:
    """The arrays ``kg.segment`` works with (see ``compile_model`` for each one)."""

    meta: dict
    alphabet: np.ndarray  # sorted token codes; index K = len(alphabet) is "unknown"
    bmp: np.ndarray  # code point < 65536 → token index (pkuseg's normalisation applied)
    char_ids: np.ndarray  # (K+1, 5) feature id of c., c-1., c1., c-2., c2.; -1: none
    pair_keys: np.ndarray  # sorted a*(K+1)+b of the token pairs that have a feature
    pair_ids: np.ndarray  # (P, 4) feature id of c-1c., cc1., c-2c-1.; trie node of "ab"
    rank: np.ndarray  # (K+1,) token → its row/column in ``dense`` (-1: not a top token)
    dense: np.ndarray  # (TOP*TOP,) pair index of two top tokens (-1: none): no search
    trie_keys: np.ndarray  # sorted node*(K+1)+token of the unigram-word trie
    trie_next: np.ndarray  # the child node of each trie key
    is_word: np.ndarray  # (N+1,) node is a unigram word (node 0: "", node N: no word)
    w_left: np.ndarray  # (N+1,) feature id of "w-1.<word>"
    w_right: np.ndarray  # (N+1,) feature id of "w1.<word>"
    wwl_keys: np.ndarray  # sorted pre*(N+1)+post of "ww.l.<pre>*<post>"
    wwl_ids: np.ndarray
    wwr_keys: np.ndarray  # the same for "ww.r."
    wwr_ids: np.ndarray
    weights: np.ndarray  # (n_feature+1, n_tag) node weights; the last row is zeros
    edge: np.ndarray  # (n_tag, n_tag) edge scores as pkuseg's getLogYY builds them
    dict_hash: np.ndarray  # sorted span hashes of the post-processing dictionary words


_ARRAYS = [name for name in Model.__dataclass_fields__ if name != "meta"]


TOP = 2048  # the tokens in most pairs, whose pairs are looked up in a dense table (16 MB)
HASH = 0x9E3779B97F4A7C15  # odd, so invertible mod 2**64


class SpanHashes:
    """Polynomial hashes (mod 2**64) of spans of one text: the hash of s is the sum of
    code(s[k]) * HASH**k, the same for the same string wherever it is. Equal strings,
    equal hashes; a match is only a candidate, to be checked against the strings."""

    _power = _inverse = np.ones(1, dtype=np.uint64)  # HASH**j, HASH**-j: grown as needed

    def __init__(self, text: str) -> None:
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
        power, self.inverse = self._powers(len(codes) + 1)
        self.prefix = np.zeros(len(codes) + 1, dtype=np.uint64)
        np.cumsum(codes * power[:len(codes)], out=self.prefix[1:])

    @classmethod
    def _powers(cls, n: int) -> tuple[np.ndarray, np.ndarray]:
        if len(cls._power) < n:
            size = max(n, 2 * len(cls._power), 1 << 16)
            tables = np.full((size, 2), (HASH, pow(HASH, -1, 2**64)), dtype=np.uint64)
            tables[0] = 1
            tables = np.cumprod(tables, axis=0, dtype=np.uint64)  # wraps around mod 2**64
            if size > 1 << 22:  # a one-off (the dictionary): do not keep it
                return tables[:, 0], tables[:, 1]
            cls._power, cls._inverse = tables[:, 0].copy(), tables[:, 1].copy()
        return cls._power, cls._inverse

    def __call__(self, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
        return (self.prefix[ends] - self.prefix[starts]) * self.inverse[starts]


def pkuseg_model_dir() -> Path:
    """pkuseg's bundled default model, or $KG_PKUSEG_MODEL."""
    from importlib.util import find_spec

    env = os.environ.get("KG_PKUSEG_MODEL")
    if env:
        return Path(env)
    spec = find_spec("pkuseg")  # its folder, without importing it (a second)
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover
        raise RuntimeError("kg: pkuseg is not installed (see README: Install)")
    path = Path(next(iter(spec.submodule_search_locations))).resolve() / "models" / "default"
    if not (path / "weights.npz").exists():
        raise RuntimeError(f"kg: pkuseg model not found in {path}")
    return path


def dictionary_file() -> Path:
    """The word list pkuseg's Postprocesser merges into (``user_dict="default"``)."""
    from importlib.util import find_spec

    spec = find_spec("spacy_pkuseg")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("kg: spacy-pkuseg is not installed (see README: Install)")
    return Path(next(iter(spec.submodule_search_locations))) / "dicts" / "default.pkl"


def dictionary_words() -> list[str]:
    """The words of ``dictionary_file``, read as pkuseg reads them."""
    with dictionary_file().open("rb") as fh:
        return pickle.load(fh).strip().split("\n")


def cache_root() -> Path:
    return Path(os.environ.get("KG_CACHE_DIR") or Path.home() / ".cache" / "kg")


def features_file(model_dir: Path) -> Path:
    """The file pkuseg's FeatureExtractor.load reads (msgpack first, then pickle)."""
    packed = model_dir / "features.msgpack"
    return packed if packed.exists() else model_dir / "features.pkl"


def cache_dir(model_dir: Path, root: Path | None = None) -> Path:
    """The cache folder of this model: changes when the model files or pkuseg change."""
    from importlib.metadata import version

    h = hashlib.sha256(f"kg-segment {FORMAT} {version('spacy-pkuseg')} {model_dir.resolve()}"
                       .encode())
    for path in (features_file(model_dir), model_dir / "weights.npz", dictionary_file()):
        st = path.stat()
        h.update(f" {path.name} {st.st_size} {st.st_mtime_ns}".encode())
    return (root or cache_root()) / f"pkuseg-{h.hexdigest()[:20]}"


_DAMAGED = (OSError, ValueError, KeyError)  # what reading a missing or broken cache raises


def load_model(model_dir: Path, root: Path | None = None) -> Model:
    """The compiled model, from the cache or compiled now and cached (from memory if the
    cache folder cannot be written). One process compiles; others wait for its cache."""
    folder = cache_dir(model_dir, root)
    try:
        return _read(folder)
    except _DAMAGED:
        pass
    with _locked(folder.parent):
        try:
            return _read(folder)  # another process built it meanwhile
        except _DAMAGED:
            pass
        from .segment_compile import compile_model

        model = compile_model(model_dir)
        try:
            _write(model, folder)
            _drop_stale(folder, model.meta["model"])
            return _read(folder)
        except _DAMAGED:
            return model


@contextmanager
def _locked(root: Path) -> Iterator[None]:
    """An exclusive lock on ``root`` (none if it cannot be created: read-only home)."""
    try:
        root.mkdir(parents=True, exist_ok=True)
        fh = (root / ".pkuseg.lock").open("a")
    except OSError:
        yield
        return
    with fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _drop_stale(keep: Path, model: str) -> None:
    """Remove older caches of the same model (its files or pkuseg changed since)."""
    for other in keep.parent.glob("pkuseg-*"):
        try:
            meta = json.loads((other / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if other != keep and meta.get("model") == model:
            shutil.rmtree(other, ignore_errors=True)


def _read(folder: Path) -> Model:
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    if meta.get("format") != FORMAT:
        raise ValueError(f"{folder}: format {meta.get('format')}, not {FORMAT}")
    arrays = {name: np.load(folder / f"{name}.npy", mmap_mode="r").view(np.ndarray)
              for name in _ARRAYS}
    if arrays["weights"].shape != (meta["n_feature"] + 1, meta["n_tag"]):
        raise ValueError(f"{folder}: weights have shape {arrays['weights'].shape}")
    return Model(meta=meta, **arrays)


def _write(model: Model, folder: Path) -> None:
    """Write to a fresh temporary folder, then rename it into place: a reader sees a
    whole cache or none, and a damaged one is replaced (moved away, then deleted: a
    process that maps its files keeps them)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.chmod(tmp, 0o777 & ~umask)  # mkdtemp makes 0700; give the usual folder mode
        for name in _ARRAYS:
            np.save(tmp / f"{name}.npy", np.ascontiguousarray(getattr(model, name)))
        (tmp / "meta.json").write_text(json.dumps(model.meta, sort_keys=True), encoding="utf-8")
        if folder.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{folder.name}.old.", dir=folder.parent))
            os.replace(folder, old / "x")
            shutil.rmtree(old, ignore_errors=True)
        os.replace(tmp, folder)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# --- compiling ------------------------------------------------------------------------
