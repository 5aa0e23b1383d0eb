"""Worker processes start only when there is enough to extract (kg.parallel.OnDemand)."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psutil
import pytest

import kg
from kg.resources import SAMPLE_DIR


@contextmanager
def new_children() -> Iterator[dict[int, str]]:
    """The processes this process starts meanwhile (pid: command line), seen by polling
    every 10 ms (a worker lives for seconds: it loads the pipeline)."""
    me = psutil.Process()
    before = {p.pid for p in me.children(recursive=True)}  # servers other tests started
    seen: dict[int, str] = {}
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            for child in me.children(recursive=True):
                if child.pid not in before and child.pid not in seen:
                    try:
                        seen[child.pid] = " ".join(child.cmdline())
                    except psutil.Error:  # gone already
                        seen[child.pid] = ""
            stop.wait(0.01)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    try:
        yield seen
    finally:
        stop.set()
        thread.join()


def workers(started: dict[int, str]) -> list[int]:
    """The worker processes among them (multiprocessing's spawn, not its resource tracker)."""
    return [pid for pid, cmd in started.items() if "spawn_main" in cmd]


@pytest.fixture
def edited(tmp_path) -> tuple[Path, Path]:
    """A copy of the sample corpus, built into a cache, then one of its files edited."""
    corpus, cache = tmp_path / "corpus", tmp_path / "cache"
    shutil.copytree(SAMPLE_DIR, corpus)
    kg.build([corpus], cache=cache, jobs=1)
    path = sorted(corpus.glob("*.txt"))[2]
    path.write_text(path.read_text(encoding="utf-8") + "\n会议于当天闭幕。\n", encoding="utf-8")
    return corpus, cache


def test_a_rebuild_of_one_changed_document_starts_no_worker(edited):
    corpus, cache = edited
    with new_children() as started:
        again = kg.build([corpus], cache=cache, jobs=2)
    assert started == {}
    assert (again.report.extracted, again.report.cached, again.report.jobs) == (1, 5, 1)
    assert again.turtle() == kg.build([corpus], jobs=1).turtle()


def test_workers_start_when_there_is_enough_to_extract_and_give_the_same_bytes(edited):
    corpus, cache = edited
    with new_children() as started:  # the same rebuild, any amount being "enough"
        pooled = kg.build([corpus], cache=cache, jobs=2, inline=0)
    assert workers(started) and pooled.report.jobs == 2  # one task: the pool starts one
    shutil.rmtree(cache)
    with new_children() as started:  # nothing cached, but fewer characters than the default
        here = kg.build([corpus], cache=cache, jobs=2)
    assert started == {} and (here.report.extracted, here.report.jobs) == (6, 1)
    assert pooled.turtle() == here.turtle()
