"""Word segmentation: the same words as spaCy's pkuseg, several times faster.

``spacy_pkuseg.pkuseg(model, user_dict="default").cut(text)`` spends ~90 % of its
time building feature strings character by character in Python. ``Segmenter``
computes the very same features with numpy over a whole text at once, from the
model compiled by ``kg.segment_compile`` (cached and mapped by ``kg.segment_model``):

* the normalised characters become alphabet indexes; one- and two-character
  features are table look-ups (a dense table for pairs of the commonest characters,
  a binary search for the others);
* which slices of 2–6 characters are unigram words comes from one walk of a trie,
  five steps for the whole text, instead of 20 joins and set look-ups per character;
* the 50 "ww" features of a character (word before × word after) are looked up only
  where both sides are words: pkuseg's model has no feature with "**noWord".

A character's score is summed feature by feature in pkuseg's own order, so the
floats are bit-identical to pkuseg's ``getLogYY``, and the Viterbi step is pkuseg's
own (``spacy_pkuseg.inference.run_viterbi``), ties included. pkuseg's dictionary
post-processing (merging words into ones of ``dicts/default.pkl``) scans as pkuseg
does, but only where hashing every window of 2–7 words found a dictionary word.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import accumulate, compress
from pathlib import Path

import numpy as np

from .segment_model import TOP, Model, SpanHashes, dictionary_words, load_model, pkuseg_model_dir

BATCH = 20_000  # characters scored at once (whole pieces): bounds the temporary arrays
BITS = 22  # the dictionary's bit table has 2**BITS entries (4 MB)
PAD = 8  # unknown tokens around each piece: more than the widest feature window (6)


def _lookup(keys: np.ndarray, values: np.ndarray, query: np.ndarray) -> np.ndarray:
    """values[k] where keys[k] == query, else -1 (``keys`` sorted)."""
    if not len(keys) or not len(query):
        return np.full(query.shape[:1] + values.shape[1:], -1, dtype=np.int64)
    at = np.minimum(np.searchsorted(keys, query), len(keys) - 1)
    found = values[at].astype(np.int64)
    found[keys[at] != query] = -1
    return found


class Segmenter:
    """``cut(text)`` gives pkuseg's words; ``words_and_spaces(text)`` spaCy's tokens."""

    def __init__(self, model: Model, dict_words: set[str]) -> None:
        self.model = model
        meta = model.meta
        self.wmin, self.wmax = meta["word_min"], meta["word_max"]
        self.nodes = meta["nodes"]
        self.n_tag = meta["n_tag"]
        self.unknown = len(model.alphabet)
        # out-of-range slices are "" in pkuseg, a word iff "" is in its unigram set
        self.outside = 0 if model.is_word[0] else self.nodes
        self.real = model.is_word.copy()
        self.real[[0, self.nodes]] = False
        self.begin = np.zeros(self.n_tag, dtype=bool)
        self.begin[meta["begin"]] = True
        self.edge = np.ascontiguousarray(model.edge)
        self.pair_rows = np.arange(len(model.pair_keys))
        self.pair_ids = np.vstack([model.pair_ids, np.full((1, 4), -1, dtype=np.int32)])
        self.dict_words = dict_words
        self.dict_max = max(map(len, dict_words), default=0)
        self.dict_hash = model.dict_hash
        self.dict_bits = np.zeros(2**BITS, dtype=bool)
        self.dict_bits[model.dict_hash >> np.uint64(64 - BITS)] = True
        from spacy_pkuseg.inference import run_viterbi

        self._viterbi = run_viterbi

    # --- public -----------------------------------------------------------------------

    def cut(self, text: str) -> list[str]:
        """The words of ``text``, whitespace dropped (as ``pkuseg.cut``)."""
        return [w for words in self._pieces(text.split()) for w in words]

    def words_and_spaces(self, text: str) -> tuple[list[str], list[bool]]:
        """What ``spacy.util.get_words_and_spaces(self.cut(text), text)`` gives: the
        words, runs of whitespace as tokens of their own, a single " " after a word as
        that word's trailing space; found from offsets, not by searching the text."""
        pieces = text.split()
        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for piece, cut in zip(pieces, self._pieces(pieces), strict=True):
            start = text.find(piece, pos)
            if start > pos:
                words.append(text[pos:start])
                spaces.append(False)
            words += cut
            spaces += [False] * len(cut)
            pos = start + len(piece)
            if pos < len(text) and text[pos] == " ":
                spaces[-1] = True
                pos += 1
        if pos < len(text):
            words.append(text[pos:])
            spaces.append(False)
        return words, spaces

    # --- segmentation -----------------------------------------------------------------

    def _pieces(self, pieces: list[str]):
        """The words of each whitespace-free piece, in batches of about BATCH characters."""
        batch: list[str] = []
        size = 0
        for piece in pieces:
            if batch and size + len(piece) > BATCH:
                yield from self._batch(batch)
                batch, size = [], 0
            batch.append(piece)
            size += len(piece)
        if batch:
            yield from self._batch(batch)

    def _batch(self, pieces: list[str]) -> list[list[str]]:
        """The words of each piece: scores, Viterbi per piece, words, merges."""
        text = "".join(pieces)
        lens = np.fromiter(map(len, pieces), dtype=np.int64, count=len(pieces))
        scores, rows = self.scores(text, lens)
        tags = np.concatenate([self._viterbi(scores[r:r + n], self.edge)[1]
                               for r, n in zip(rows.tolist(), lens.tolist(), strict=True)])
        first = np.cumsum(lens) - lens
        begin = self.begin[tags]
        begin[first] = True
        starts = np.flatnonzero(begin)
        ends = np.append(starts[1:], len(text))
        words = list(map(text.__getitem__, map(slice, starts.tolist(), ends.tolist())))
        counts = np.add.reduceat(begin.astype(np.int64), first).tolist() if len(first) else []
        out, at = [], 0
        for n in counts:
            out.append(words[at:at + n])
            at += n
        for k, windows in self._mergeable(text, starts, ends, counts, words).items():
            out[k] = self._merge(out[k], windows)
        return out

    def _mergeable(self, text: str, starts: np.ndarray, ends: np.ndarray, counts: list[int],
                   words: list[str]) -> dict[int, dict[int, list[int]]]:
        """Where pkuseg's post-processing could merge: for each piece, by m, the m
        neighbouring words (2..7) that make a dictionary word while one of them is
        not one. All windows of the batch at once: a polynomial hash of each window's
        characters, a bit table, then the dictionary's sorted hashes pick the few
        candidates, and the set of words itself confirms them."""
        n = len(starts)
        found: dict[int, dict[int, list[int]]] = {}
        if n < 2:
            return found
        outside = np.zeros(n + 1, dtype=np.int64)  # words not in the dictionary, cumulated
        np.cumsum(~np.fromiter(map(self.dict_words.__contains__, words), dtype=bool,
                               count=n), out=outside[1:])
        piece_end = np.repeat(np.cumsum(counts), counts)  # one past its piece's last word
        i = np.repeat(np.arange(n), 6)
        m = np.tile(np.arange(2, 8), n)
        i, m = i[i + m <= piece_end[i]], m[i + m <= piece_end[i]]
        a, b = starts[i], ends[i + m - 1]
        keep = (outside[i + m] > outside[i]) & (b - a <= self.dict_max)
        i, m, a, b = i[keep], m[keep], a[keep], b[keep]
        h = SpanHashes(text)(a, b)
        keep = np.flatnonzero(self.dict_bits[h >> np.uint64(64 - BITS)])
        at = np.minimum(np.searchsorted(self.dict_hash, h[keep]), len(self.dict_hash) - 1)
        keep = keep[self.dict_hash[at] == h[keep]]
        confirmed = map(self.dict_words.__contains__,
                        map(text.__getitem__, map(slice, a[keep].tolist(), b[keep].tolist())))
        piece = np.repeat(np.arange(len(counts)), counts)[i[keep]]
        local = i[keep] - (np.cumsum(counts) - counts)[piece]
        for ok, p, mk, k in zip(confirmed, piece.tolist(), m[keep].tolist(), local.tolist(),
                                strict=True):
            if ok:
                found.setdefault(p, {}).setdefault(mk, []).append(k)
        return found

    def tokens(self, text: str) -> np.ndarray:
        """pkuseg's normalised characters as alphabet indexes (unknown: len(alphabet))."""
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
        tok = np.full(len(codes), self.unknown, dtype=np.int64)
        small = codes < 65536
        tok[small] = self.model.bmp[codes[small]]
        if not small.all():
            big = np.flatnonzero(~small)
            alphabet = self.model.alphabet
            at = np.minimum(np.searchsorted(alphabet, codes[big]), len(alphabet) - 1)
            hit = alphabet[at] == codes[big]
            tok[big[hit]] = at[hit]
        return tok

    def scores(self, text: str, lens: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Node scores of pkuseg's ``getLogYY``, bit for bit, for pieces of ``lens``
        characters joined in ``text``; and the row where each piece starts.

        The pieces are laid out with PAD unknown tokens around each, so that shifted
        features are plain slices: a neighbour outside the piece is an unknown token
        (no feature), a word slice running outside it is ``outside``. Each row's
        features are then added in pkuseg's order (bincount adds in input order)."""
        m, pad = self.model, PAD
        size = len(text) + pad * (len(lens) + 1)
        real = np.arange(len(text)) + np.repeat(pad * np.arange(1, len(lens) + 1), lens)
        tok = np.full(size, self.unknown, dtype=np.int64)
        tok[real] = self.tokens(text)
        rem = np.zeros(size, dtype=np.int64)  # characters left in the piece from here
        rem[real] = np.repeat(np.cumsum(lens), lens) - np.arange(len(text))
        core = slice(pad, size - pad)
        n = size - 2 * pad

        def at(values: np.ndarray, k: int) -> np.ndarray:
            return values[pad + k:size - pad + k]

        pair = np.full((size, 4), -1, dtype=np.int32)  # features of (tok[p], tok[p + 1])
        row = self._pairs(tok)
        pair[:-1] = self.pair_ids[row]
        lengths = range(self.wmax, self.wmin - 1, -1)
        words = self._words(tok, rem, pair[:, 3])
        pre_in = np.stack([at(words[x], 1 - x) for x in lengths], axis=1)
        post_in = np.stack([at(words[x], 0) for x in lengths], axis=1)
        pre_ex = np.stack([at(words[x], -x) for x in lengths], axis=1)
        post_ex = np.stack([at(words[x], 1) for x in lengths], axis=1)
        feats = np.concatenate([
            np.zeros((n, 1), dtype=np.int32),  # "$$"
            m.char_ids[tok[core], 0:1],  # c.
            m.char_ids[at(tok, -1), 1:2],  # c-1.
            at(pair[:, 0:1], -1),  # c-1c.
            m.char_ids[at(tok, 1), 2:3],  # c1.
            pair[core, 1:2],  # cc1.
            m.char_ids[at(tok, -2), 3:4],  # c-2.
            at(pair[:, 2:3], -2),  # c-2c-1.
            m.char_ids[at(tok, 2), 4:5],  # c2.
            m.w_left[pre_in],
            m.w_right[post_in],
            self._ww(pre_ex, post_in, m.wwl_keys, m.wwl_ids),
            self._ww(pre_in, post_ex, m.wwr_keys, m.wwr_ids),
        ], axis=1)
        rows, cols = np.nonzero(feats >= 0)  # row-major: each row's features in order
        weights = m.weights[feats[rows, cols]]
        scores = np.empty((n, self.n_tag), dtype=np.float64)
        for t in range(self.n_tag):
            scores[:, t] = np.bincount(rows, weights=weights[:, t], minlength=n)
        starts = real[np.cumsum(lens) - lens] - pad if len(lens) else real
        return scores, starts

    def _pairs(self, tok: np.ndarray) -> np.ndarray:
        """The pair index of each (tok[p], tok[p + 1]), -1 if none: from the dense table
        for two top tokens, else by binary search (no pair has an unknown token)."""
        m = self.model
        a, b = m.rank[tok[:-1]], m.rank[tok[1:]]
        dense = (a >= 0) & (b >= 0)
        row = np.full(len(a), -1, dtype=np.int64)
        row[dense] = m.dense[a[dense] * TOP + b[dense]]
        rest = np.flatnonzero(~dense & (tok[:-1] != self.unknown) & (tok[1:] != self.unknown))
        row[rest] = _lookup(m.pair_keys, self.pair_rows,
                            tok[rest] * (self.unknown + 1) + tok[rest + 1])
        return row

    def _words(self, tok: np.ndarray, rem: np.ndarray,
               two: np.ndarray) -> dict[int, np.ndarray]:
        """For each length l (2..6): at each p the trie node of the word tok[p:p+l],
        ``nodes`` ("**noWord") if it is no unigram word, ``outside`` if it runs past
        the piece. ``two``: the node of tok[p:p+2] (from the pair table); then one trie
        step per length for the whole text. An unknown token (the padding too) ends
        every path."""
        m = self.model
        k1 = self.unknown + 1
        out = {}
        live = np.flatnonzero(two >= 0)
        node = two[live].astype(np.int64)
        for length in range(2, self.wmax + 1):
            if length > 2:
                node = _lookup(m.trie_keys, m.trie_next, node * k1 + tok[live + length - 1])
                keep = node >= 0
                live, node = live[keep], node[keep]
            if length >= self.wmin:
                value = np.where(rem < length, self.outside, self.nodes)
                word = m.is_word[node]
                value[live[word]] = node[word]
                out[length] = value
        return out

    def _ww(self, pre: np.ndarray, post: np.ndarray, keys: np.ndarray,
            ids: np.ndarray) -> np.ndarray:
        """Feature ids of "ww.?.<pre>*<post>" for each pre × post column (-1: none),
        pre the outer loop as in pkuseg; only pairs of two real words are looked up
        unless the model has others."""
        n, w = pre.shape
        fid = np.full((n, w * w), -1, dtype=np.int32)
        if self.model.meta["special_pairs"]:
            rows = np.arange(n)
            sel = np.ones((n, w, w), dtype=bool)
        else:
            pre_word, post_word = self.real[pre], self.real[post]
            rows = np.flatnonzero(pre_word.any(axis=1) & post_word.any(axis=1))
            sel = pre_word[rows][:, :, None] & post_word[rows][:, None, :]
        r, a, b = np.nonzero(sel)
        r = rows[r]
        if len(r):
            fid[r, a * w + b] = _lookup(keys, ids, pre[r, a] * (self.nodes + 1) + post[r, b])
        return fid

    def _merge(self, sent: list[str],
               windows: dict[int, list[int]] | None = None) -> list[str]:
        """pkuseg's Postprocesser: join m = 7..2 neighbouring words that make a
        dictionary word, unless each of them is one already. Same result as
        ``post_process``: for each m its scan goes left to right and resumes after a
        merge, so it looks at the windows of the list as it was before that pass that
        do not overlap a merge made in it. ``windows``: the candidate windows (first
        word, by m) of the unchanged list, from ``_mergeable``; once something merged
        they are found again with slices of the piece (in C)."""
        contains = self.dict_words.__contains__
        text = "".join(sent)
        changed = windows is None
        for m in range(7, 1, -1):
            if len(sent) < m:
                continue
            offs = list(accumulate(map(len, sent), initial=0))
            if changed:
                found = map(contains, map(text.__getitem__, map(slice, offs, offs[m:])))
                candidates = list(compress(range(len(sent) - m + 1), found))
            else:
                candidates = windows.get(m, [])
            out: list[str] = []
            last = 0
            for i in candidates:
                if i >= last and not all(map(contains, sent[i:i + m])):
                    out += sent[last:i]
                    out.append(text[offs[i]:offs[i + m]])
                    last = i + m
            if last:
                sent = out + sent[last:]
                changed = True
        return sent


@lru_cache(maxsize=2)
def get_segmenter(model_dir: str | None = None) -> Segmenter:
    """The segmenter of pkuseg's default model (``kg.nlp.pkuseg_model_dir``), loaded
    once per process."""
    path = Path(model_dir) if model_dir else pkuseg_model_dir()
    return Segmenter(load_model(path), set(dictionary_words()))
