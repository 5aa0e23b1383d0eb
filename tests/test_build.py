"""Parallel, Dask and incremental builds give the very same graph; a killed build harms nothing."""

from __future__ import annotations

import marshal
import os
import pickle
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Graph

import kg
from kg.cache import ExtractionCache, code_hash, text_key
from kg.read import read_document
from kg.resources import PACKAGE_DIR, SAMPLE_DIR

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def sample_ttl(sample_kg) -> str:
    return sample_kg[0].turtle()


def test_two_worker_processes_give_the_same_bytes(sample_ttl):
    built = kg.build(jobs=2, inline=0)  # workers however little there is to extract
    assert built.report.jobs == 2
    assert built.report.extracted == 6
    assert built.turtle() == sample_ttl


def test_dask_local_cluster_gives_the_same_bytes(sample_ttl):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        built = kg.build(scheduler=cluster.scheduler_address)
        with distributed.Client(cluster.scheduler_address) as client:
            # each worker process loaded the pipeline once and kept it
            loaded = client.run(lambda: __import__("kg.nlp").nlp.get_pipeline.cache_info().misses)
    assert built.report.jobs == 2
    assert built.turtle() == sample_ttl
    assert len(loaded) == 2 and all(n <= 1 for n in loaded.values())


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SAMPLE_DIR, folder)
    return folder


def test_rebuild_with_one_changed_document_extracts_only_it(corpus, tmp_path):
    cache = tmp_path / "cache"
    first = kg.build([corpus], cache=cache)
    assert (first.report.extracted, first.report.cached) == (6, 0)
    again = kg.build([corpus], cache=cache)
    assert (again.report.extracted, again.report.cached) == (0, 6)
    assert again.turtle() == first.turtle()

    page = corpus / "03_profile_han.txt"
    page.write_text(page.read_text(encoding="utf-8") + "\n韩梅当选为党的二十大代表。\n",
                    encoding="utf-8")
    changed = kg.build([corpus], cache=cache)
    assert (changed.report.extracted, changed.report.cached) == (1, 5)
    clean = kg.build([corpus])
    assert changed.turtle() == clean.turtle()
    assert changed.turtle() != first.turtle()


def test_cached_text_from_other_bytes_cites_the_new_document(corpus, tmp_path):
    cache = tmp_path / "cache"
    kg.build([corpus], cache=cache)
    page = corpus / "02_profile_shangguan.txt"
    page.write_bytes(page.read_text(encoding="utf-8").encode("gb18030"))  # same text
    cached = kg.build([corpus], cache=cache)
    assert (cached.report.extracted, cached.report.cached) == (0, 6)
    assert cached.turtle() == kg.build([corpus]).turtle()


def test_cache_key_follows_rules_and_word_lists_not_the_sample(tmp_path):
    copy = tmp_path / "kg"
    shutil.copytree(PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    key = code_hash(copy)
    (copy / "data" / "sample" / "01_overview.txt").write_text("另一篇", encoding="utf-8")
    assert code_hash(copy) == key
    with (copy / "data" / "lexicon" / "titles.txt").open("a", encoding="utf-8") as fh:
        fh.write("新职务\n")
    assert code_hash(copy) != key
    key = code_hash(copy)
    with (copy / "extract" / "persons.py").open("a", encoding="utf-8") as fh:
        fh.write("# changed\n")
    assert code_hash(copy) != key


def test_a_broken_cache_entry_is_extracted_again(corpus, tmp_path):
    cache = tmp_path / "cache"
    first = kg.build([corpus], cache=cache)
    entries = sorted(ExtractionCache(cache).dir.rglob("*.m"))
    assert len(entries) == 6
    entries[0].write_bytes(entries[0].read_bytes()[:40])  # as if cut off
    again = kg.build([corpus], cache=cache)
    assert (again.report.extracted, again.report.cached) == (1, 5)
    assert again.turtle() == first.turtle()


def test_an_entry_of_the_pickle_layout_is_read_and_rewritten(corpus, tmp_path):
    cache = tmp_path / "cache"
    first = kg.build([corpus], cache=cache)
    store = ExtractionCache(cache)
    doc = read_document(corpus / "03_profile_han.txt")
    result = store.get(doc)
    new = next(ExtractionCache(cache).dir.rglob(f"{text_key(doc.text)}.m"))
    new.unlink()
    legacy = {"text_sha256": text_key(doc.text), "sentences": result.sentences,
              "mentions": result.mentions, "facts": result.facts, "warnings": []}
    new.with_suffix(".pkl").write_bytes(pickle.dumps(legacy, protocol=5))
    again = kg.build([corpus], cache=cache)
    assert (again.report.extracted, again.report.cached) == (0, 6)
    assert again.turtle() == first.turtle()
    assert new.exists()


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def test_sigkill_mid_build_leaves_the_previous_output_intact(sample_kg, tmp_path):
    _, previous = sample_kg
    out = tmp_path / "out"
    shutil.copytree(previous, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    corpus = tmp_path / "big"
    corpus.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLE_DIR.glob("*.txt"))
             if "big5" not in p.name]
    for i in range(60):  # distinct bytes, so none is skipped as a duplicate
        (corpus / f"{i:03}.txt").write_text(f"{texts[i % len(texts)]}\n第{i}号。\n",
                                            encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(corpus), "--out",
                             str(out), "--jobs", "1", "-q"], cwd=tmp_path, env=_env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    try:
        while len(list(ExtractionCache(out / ".kg-cache").dir.rglob("*.m"))) < 3:  # mid-extraction
            assert proc.poll() is None, "the build ended before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.05)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.name != ".kg-cache"}
    assert after == before  # same files, same bytes, no temp file under a real name
    assert len(Graph().parse(out / "graph.ttl", format="turtle")) > 0
    assert b"</html>" in after["graph.html"]
    # every cache entry under a real name is whole, and serves the next build
    entries = list(ExtractionCache(out / ".kg-cache").dir.rglob("*.m"))
    assert len(entries) >= 3
    for entry in entries:
        assert marshal.loads(entry.read_bytes())[4] is not None  # the facts
    docs = kg.build([corpus / "000.txt", corpus / "001.txt"], cache=out / ".kg-cache")
    assert docs.report.cached == 2


def test_cli_build_options(tmp_path):
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "kg.cli", "build", "--out", str(out),
                          "--jobs", "1"], cwd=tmp_path, env=_env(), capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "extracted 6, cached 0" in run.stdout
    assert len(list(ExtractionCache(out / ".kg-cache").dir.rglob("*.m"))) == 6
    run = subprocess.run([sys.executable, "-m", "kg.cli", "build", "--out", str(out),
                          "--no-cache", "--jobs", "1"], cwd=tmp_path, env=_env(),
                         capture_output=True, text=True, timeout=300)
    assert "extracted 6, cached 0" in run.stdout
    bad = subprocess.run([sys.executable, "-m", "kg.cli", "build", "--out", str(out),
                          "--jobs", "0"], cwd=tmp_path, env=_env(), capture_output=True,
                         text=True, timeout=300)
    assert bad.returncode == 2
    assert bad.stderr.strip() == "kg: build: jobs must be at least 1, not 0"


def test_an_unwritable_cache_costs_speed_not_the_build(tmp_path, capsys, sample_ttl):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    built = kg.build([SAMPLE_DIR], cache=blocker / "cache")  # cannot be created
    assert (built.report.extracted, built.report.cached) == (6, 0)
    assert built.turtle() == sample_ttl
    assert capsys.readouterr().err.startswith("kg: cache off: ")


def test_a_form_of_address_is_never_the_label(tmp_path):
    """钱代表 and 钱立新 once each: the entity is called 钱立新."""
    from kg.resolve import Entity

    ent = Entity("k", "Person")
    ent.forms.update({"钱代表": 1, "钱立新": 1})
    ent.addresses.add("钱代表")
    assert ent.label == "钱立新" and ent.aliases == ["钱代表"]


def test_gc_paused_restores_the_collector_even_after_an_error():
    import gc

    from kg.gcpause import gc_paused

    assert gc.isenabled()
    with pytest.raises(ZeroDivisionError), gc_paused():
        assert not gc.isenabled()
        1 / 0  # noqa: B018
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # a collector the caller turned off stays off
    finally:
        gc.enable()
