"""kg.segment gives exactly spaCy's pkuseg words (real and hostile text), its character
scores are pkuseg's to the bit, kg's Doc is the one spaCy's pkuseg tokenizer made, and
the compiled-model cache is rebuilt when missing or damaged."""

from __future__ import annotations

import shutil

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.util import get_words_and_spaces

from kg.read import read_document
from kg.resources import SAMPLE_DIR
from kg.segment import Segmenter, get_segmenter
from kg.segment_model import (
    cache_dir,
    dictionary_file,
    dictionary_words,
    load_model,
    pkuseg_model_dir,
)

SAMPLES = sorted(SAMPLE_DIR.glob("*.txt"))
_TEXT = "".join(read_document(p).text for p in SAMPLES)
_PIECES = [_TEXT[i : i + 50] for i in range(0, len(_TEXT), 50)]
CRAFTED = [
    "",
    "   \n\t\u3000 ",
    "2022年10月16日，第20届。３０％的ＧＤＰ增长１２．５个百分点",
    "iPhone 14 Pro Max售价7999元，COVID-19疫情，5G/AI、U.S.A.与H&M",
    "ａｂｃＡＢＣ－／・ｊｇ全角字母ＸＹＺ",
    "-._,|/*:*&**Num**Letter**noWord***",
    "！！！？？……——……。。。，，，；：“”‘’《》【】（）",
    "國務院臺灣黨的二十大代表選舉鄉縣習近平總書記",
    "😀🎉👍𠀀𪚥中文emoji混排🇨🇳",
    "a b  c\n\nd\r\ne\x00f\x1fg\u200bh\ufeffi",
    "中" * 3 + " " + "华" + "\n" * 3 + "人民共和国" * 40,
    "一二三四五六七八九十百千万亿兆零几",
    "\ud800孤立代理\udfff",
]


@pytest.fixture(scope="module")
def reference():
    """spaCy's pkuseg, as spaCy's zh tokenizer used it for kg (``user_dict="default"``)."""
    import spacy_pkuseg

    return spacy_pkuseg.pkuseg(str(pkuseg_model_dir()), user_dict="default")


@pytest.fixture(scope="module")
def seg() -> Segmenter:
    return get_segmenter()


def same(reference, seg: Segmenter, text: str) -> None:
    expected = reference.cut(text)
    assert seg.cut(text) == expected
    assert seg.words_and_spaces(text) == get_words_and_spaces(expected, text)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_sample_words_are_pkusegs(reference, seg, path):
    same(reference, seg, read_document(path).text)


@pytest.mark.parametrize("text", CRAFTED)
def test_crafted_text_words_are_pkusegs(reference, seg, text):
    same(reference, seg, text)


fragment = st.one_of(
    st.sampled_from(_PIECES),
    st.sampled_from(CRAFTED),
    st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=10),
    st.text(st.sampled_from("0123456789.几十百千万亿零１２３％ＡｂＺ－／・-._,|/*:&ab "),
            max_size=10),
    st.text(st.characters(), max_size=8),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(fragment, max_size=12).map("".join))
def test_any_text_words_are_pkusegs(reference, seg, text):
    same(reference, seg, text)


def test_scores_are_pkusegs_to_the_bit(reference, seg):
    """The node scores equal pkuseg's getLogYY exactly (the float sums in the same
    order), and so do the edge scores: the Viterbi sees the very same numbers."""
    from spacy_pkuseg.inference import getLogYY

    fe, model = reference.feature_extractor, reference.model
    pieces = [p for text in (_TEXT, *CRAFTED) for p in text.split()][:400]
    lens = np.array([len(p) for p in pieces])
    mine, starts = seg.scores("".join(pieces), lens)
    for piece, start in zip(pieces, starts, strict=True):
        nodes = list(fe.normalize_text(piece))
        feats = [fe.get_node_features_idx(i, nodes) for i in range(len(nodes))]
        node, edge = getLogYY(feats, model.n_tag, model.n_feature * model.n_tag, model.w, 1.0)
        assert np.array_equal(mine[start : start + len(piece)], node), piece
        assert np.array_equal(seg.edge, edge)


_DICT = sorted(w for w in dictionary_words() if 2 <= len(w) <= 6)[::50]


@pytest.fixture(scope="module")
def postprocess():
    import spacy_pkuseg

    return spacy_pkuseg.Postprocesser(None, [str(dictionary_file())])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_DICT), st.integers(0, 5),
                          st.sampled_from(["", "的", "了", "中"])), max_size=30))
def test_merging_is_pkusegs_postprocessing(seg, postprocess, parts):
    """Dictionary words cut anywhere, with fillers: merged as pkuseg merges them."""
    sent = []
    for word, cut, filler in parts:
        cut = min(cut, len(word) - 1)
        sent += [w for w in (word[:cut], word[cut:], filler) if w]
    assert seg._merge(list(sent)) == postprocess(list(sent))


def test_make_doc_is_the_doc_spacy_pkuseg_made(reference, monkeypatch):
    """kg.nlp.make_doc: one Doc, the tokens (and trailing spaces) of the old chunked
    spaCy-pkuseg tokenizer, chunk cuts included."""
    import kg.nlp
    from kg.nlp import get_pipeline, make_doc

    monkeypatch.setattr(kg.nlp, "CHUNK", 300)  # several chunks; one without a line break
    text = "\n".join(read_document(p).text for p in SAMPLES[:3]) + " 尾 " + "长" * 700
    expected: list[tuple[str, str]] = []
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + 300)
        if end < len(text):
            cut = text.rfind("\n", pos, end)
            end = cut + 1 if cut > pos else end
        words, spaces = get_words_and_spaces(reference.cut(text[pos:end]), text[pos:end])
        expected += [(w, " " if s else "") for w, s in zip(words, spaces, strict=True)]
        pos = end
    doc = make_doc(get_pipeline(), text)
    assert [(t.text, t.whitespace_) for t in doc] == expected
    assert doc.text == text


def test_pipeline_keeps_spacy_components_and_one_model(reference):

    from kg.nlp import PIPE_NAMES, Tokenizer, get_pipeline

    nlp = get_pipeline()
    assert nlp.pipe_names == PIPE_NAMES
    assert isinstance(nlp.tokenizer, Tokenizer)
    text = "中共中央总书记习近平在北京出席会议。"
    assert [t.text for t in nlp(text)] == reference.cut(text)
    assert get_segmenter() is get_segmenter()


def test_cache_is_reused_and_rebuilt_when_damaged(tmp_path, seg):
    """A cache is mapped as it is; a damaged one is compiled again (atomically: no
    temporary folder left) and older caches of the same model are dropped."""
    model_dir = pkuseg_model_dir()
    root = tmp_path / "cache"
    folder = cache_dir(model_dir, root)
    shutil.copytree(cache_dir(model_dir), folder)  # the one get_segmenter built or used
    stamp = (folder / "meta.json").stat().st_mtime_ns
    again = load_model(model_dir, root)  # from the files, mapped: nothing rewritten
    assert (folder / "meta.json").stat().st_mtime_ns == stamp
    assert isinstance(again.weights.base, np.memmap)

    stale = root / "pkuseg-stale"  # an older cache of the same model: dropped on rebuild
    shutil.copytree(folder, stale)
    # damaged (a new file, not rewritten in place: the old one is mapped by ``again``)
    (folder / "bad").write_bytes(b"not an array")
    (folder / "bad").replace(folder / "weights.npy")
    rebuilt = load_model(model_dir, root)
    assert (folder / "meta.json").stat().st_mtime_ns != stamp
    assert [p.name for p in root.iterdir() if p.name != ".pkuseg.lock"] == [folder.name]
    for name in ("alphabet", "pair_keys", "pair_ids", "trie_keys", "wwl_keys", "weights",
                 "edge", "dict_hash"):
        assert np.array_equal(getattr(rebuilt, name), getattr(seg.model, name)), name
    text = _TEXT[:3000]
    assert Segmenter(rebuilt, seg.dict_words).cut(text) == seg.cut(text)
