"""Compile pkuseg's feature strings into the arrays of ``kg.segment_model.Model``.

Every feature string of pkuseg's model is parsed back into the tokens pkuseg built it
from: a character, or "**Num"/"**Letter" (what pkuseg puts for digits and full-width
letters); a string that no text can produce (a raw digit, a "*", a keyword character
pkuseg renames to "&") is dropped, as pkuseg could never look it up. Runs once per
model (seconds, mostly unpickling pkuseg's 77 MB feature file); the result is cached.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np

from .segment_model import (
    FORMAT,
    LETTER,
    NUM,
    TOP,
    Model,
    SpanHashes,
    dictionary_words,
    features_file,
)

_SPECIAL = {"**Num": NUM, "**Letter": LETTER}
_NOWORD = "**noWord"
_CHAR_KINDS = {"c": 0, "c-1": 1, "c1": 2, "c-2": 3, "c2": 4}  # column in char_ids
_PAIR_KINDS = {"c-1c": 0, "cc1": 1, "c-2c-1": 2}  # column in pair_ids ("kind.a.b")


class _Tokens:
    """pkuseg's normalisation of a character, and the parse of feature strings back into
    token codes (None: no text gives that string)."""

    def __init__(self) -> None:
        from spacy_pkuseg.feature_extractor import FeatureExtractor as FE

        self.keywords, self.num, self.letter = set(FE.keywords), set(FE.num), set(FE.letter)
        self._single: dict[str, int | None] = dict(_SPECIAL)

    def code(self, ch: str) -> int:
        """The token code pkuseg gives character ``ch`` (keywords renamed to "&")."""
        ch = "&" if ch in self.keywords else ch
        return NUM if ch in self.num else LETTER if ch in self.letter else ord(ch)

    def single(self, s: str) -> int | None:
        """The code of ``s`` if it is exactly one token."""
        try:
            return self._single[s]
        except KeyError:
            plain = len(s) == 1 and s not in self.keywords and s not in self.num \
                and s not in self.letter
            self._single[s] = ord(s) if plain else None
            return self._single[s]

    def pair(self, s: str) -> tuple[int, int] | None:
        """The codes of ``a`` and ``b`` if ``s`` is "a.b" (two tokens)."""
        if len(s) == 3 and s[1] == ".":  # two characters: most pairs
            ca, cb = self.single(s[0]), self.single(s[2])
            return None if ca is None or cb is None else (ca, cb)
        for text in _SPECIAL:
            if s.startswith(text + "."):
                a, b = text, s[len(text) + 1:]
                break
        else:
            a, b = s[:1], s[2:] if s[1:2] == "." else ""
        ca, cb = self.single(a), self.single(b)
        return None if ca is None or cb is None else (ca, cb)

    def parse(self, s: str) -> list[int] | None:
        out, i = [], 0
        while i < len(s):
            for text, code in _SPECIAL.items():
                if s.startswith(text, i):
                    out.append(code)
                    i += len(text)
                    break
            else:
                code = self.single(s[i])
                if code is None:
                    return None
                out.append(code)
                i += 1
        return out


def compile_model(model_dir: Path) -> Model:
    """Turn pkuseg's feature strings and weights into ``Model`` arrays."""
    from spacy_pkuseg.config import config

    data = _load_features(model_dir)
    unigram = set(data["unigram"])
    toks = _Tokens()
    wmin, wmax = config.wordMin, config.wordMax
    if wmin < 2 or not (config.numLetterNorm and config.wordFeature):
        raise ValueError("kg.segment: unsupported pkuseg feature settings")
    words = {}  # unigram word → its tokens, for the words a slice of text can equal
    for word in unigram:
        parsed = toks.parse(word)
        if parsed is not None and wmin <= len(parsed) <= wmax:
            words[word] = parsed

    one: list[tuple[int, int, int]] = []  # (column, code, feature id)
    two: list[tuple[int, int, int, int]] = []  # (column, code a, code b, feature id)
    wfeat: dict[str, dict[str, int]] = {"w-1": {}, "w1": {}}
    wwfeat: dict[str, dict[str, int]] = {"l": {}, "r": {}}
    for key, fid in data["feature_to_idx"].items():
        kind, _, rest = key.partition(".")
        if kind in _CHAR_KINDS:
            code = toks.single(rest)
            if code is not None:
                one.append((_CHAR_KINDS[kind], code, fid))
        elif kind in _PAIR_KINDS:
            ab = toks.pair(rest)
            if ab is not None:
                two.append((_PAIR_KINDS[kind], *ab, fid))
        elif kind in wfeat:
            wfeat[kind][rest] = fid
        elif kind == "ww" and rest[:2] in ("l.", "r."):
            wwfeat[rest[0]][rest[2:]] = fid
    one_a = np.array(one, dtype=np.int64).reshape(-1, 3)
    two_a = np.array(two, dtype=np.int64).reshape(-1, 4)

    alphabet = np.unique(np.concatenate([
        one_a[:, 1], two_a[:, 1], two_a[:, 2],
        np.array([c for parsed in words.values() for c in parsed], dtype=np.int64)]))
    index = {int(c): i for i, c in enumerate(alphabet)}
    unknown = len(alphabet)
    k1 = unknown + 1
    bmp = np.array([index.get(toks.code(chr(cp)), unknown) for cp in range(65536)],
                   dtype=np.int32)
    char_ids = np.full((k1, len(_CHAR_KINDS)), -1, dtype=np.int32)
    char_ids[np.searchsorted(alphabet, one_a[:, 1]), one_a[:, 0]] = one_a[:, 2]

    # the trie: node 0 is the empty string, nodes 1.. every prefix of a word
    children: dict[tuple[int, int], int] = {}
    node_of: dict[str, int] = {"": 0}
    for word in sorted(words):
        node = 0
        for code in words[word]:
            node = children.setdefault((node, index[code]), len(children) + 1)
        node_of[word] = node
    n = len(children) + 1  # node n: "**noWord"
    node_of[_NOWORD] = n
    edges = np.array([(p, t, c) for (p, t), c in children.items()], dtype=np.int64)
    trie_keys = edges[:, 0] * k1 + edges[:, 1]
    order = np.argsort(trie_keys)

    # token pairs: their three features, and the trie node of a two-token prefix
    first = np.full(n + 1, -1, dtype=np.int64)  # the token of each depth-1 node
    top = edges[edges[:, 0] == 0]
    first[top[:, 2]] = top[:, 1]
    second = edges[first[edges[:, 0]] >= 0]
    feat_keys = np.searchsorted(alphabet, two_a[:, 1]) * k1 + np.searchsorted(alphabet,
                                                                              two_a[:, 2])
    node_keys = first[second[:, 0]] * k1 + second[:, 1]
    pair_keys, inverse = np.unique(np.concatenate([feat_keys, node_keys]), return_inverse=True)
    pair_ids = np.full((len(pair_keys), 4), -1, dtype=np.int32)
    pair_ids[inverse[:len(feat_keys)], two_a[:, 0]] = two_a[:, 3]
    pair_ids[inverse[len(feat_keys):], 3] = second[:, 2]

    ends = np.stack([pair_keys // k1, pair_keys % k1])
    top = np.argsort(-np.bincount(ends.ravel(), minlength=k1), kind="stable")[:TOP]
    rank = np.full(k1, -1, dtype=np.int32)
    rank[top] = np.arange(len(top))
    dense = np.full(TOP * TOP, -1, dtype=np.int32)
    both = np.flatnonzero((rank[ends[0]] >= 0) & (rank[ends[1]] >= 0))
    dense[rank[ends[0, both]] * TOP + rank[ends[1, both]]] = both

    is_word = np.zeros(n + 1, dtype=bool)
    is_word[[node_of[w] for w in words]] = True
    is_word[0] = "" in unigram
    w_side = {}
    for kind, feats in wfeat.items():
        arr = w_side[kind] = np.full(n + 1, -1, dtype=np.int32)
        for word, fid in feats.items():
            if word in node_of and word != _NOWORD and is_word[node_of[word]]:
                arr[node_of[word]] = fid
    ww, special = {}, False
    for side, feats in wwfeat.items():
        items = [(node_of[pre] * (n + 1) + node_of[post], fid)
                 for body, fid in feats.items() for pre, post in _splits(body, node_of)]
        arr = np.array(items, dtype=np.int64).reshape(-1, 2)
        special = special or bool(np.isin(arr[:, 0] // (n + 1), [0, n]).any()
                                  or np.isin(arr[:, 0] % (n + 1), [0, n]).any())
        arr = arr[np.argsort(arr[:, 0])]
        ww[side] = arr[:, 0].copy(), arr[:, 1].astype(np.int32)

    sizes, w = _load_weights(model_dir)
    n_tag, n_feature = int(sizes[0]), int(sizes[1])
    weights = np.zeros((n_feature + 1, n_tag), dtype=np.float64)
    weights[:n_feature] = w[: n_feature * n_tag].reshape(n_feature, n_tag)
    edge = np.ones((n_tag, n_tag), dtype=np.float64)  # getLogYY: ones, then += w
    edge += w[n_feature * n_tag:].reshape(n_tag, n_tag).T
    dwords = dictionary_words()
    ends = np.cumsum(np.fromiter(map(len, dwords), dtype=np.int64, count=len(dwords)))
    dict_hash = np.unique(SpanHashes("".join(dwords))(np.append(0, ends[:-1]), ends))
    meta = {"format": FORMAT, "model": str(model_dir.resolve()), "n_tag": n_tag,
            "n_feature": n_feature, "word_min": wmin, "word_max": wmax, "nodes": n,
            "special_pairs": special,
            "begin": sorted(i for t, i in data["tag_to_idx"].items() if "B" in t)}
    return Model(
        meta=meta, alphabet=alphabet, bmp=bmp, char_ids=char_ids, pair_keys=pair_keys,
        pair_ids=pair_ids, rank=rank, dense=dense, trie_keys=trie_keys[order],
        trie_next=edges[order, 2].astype(np.int32), is_word=is_word,
        w_left=w_side["w-1"], w_right=w_side["w1"], wwl_keys=ww["l"][0], wwl_ids=ww["l"][1],
        wwr_keys=ww["r"][0], wwr_ids=ww["r"][1], weights=weights, edge=edge,
        dict_hash=dict_hash)


def _splits(body: str, node_of: dict[str, int]):
    """Every (pre, post) with ``pre + "*" + post == body``, both words or "**noWord"."""
    if body.count("*") == 1:
        pre, post = body.split("*")
        if pre in node_of and post in node_of:
            yield pre, post
        return
    i = body.find("*")
    while i >= 0:
        pre, post = body[:i], body[i + 1:]
        if pre in node_of and post in node_of:
            yield pre, post
        i = body.find("*", i + 1)


def _load_features(model_dir: Path) -> dict:
    path = features_file(model_dir)
    if path.suffix == ".msgpack":
        import srsly

        return srsly.read_msgpack(path)
    with path.open("rb") as fh:
        return pickle.load(fh)


def _load_weights(model_dir: Path) -> tuple[np.ndarray, np.ndarray]:
    with np.load(model_dir / "weights.npz") as npz:
        return npz["sizes"], npz["w"].astype(np.float64, copy=False)
