"""Work in a forked child (kg/forked.py): a build's page is written beside its Turtle."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from kg.forked import CAN_FORK, WorkerTimeout, in_background, run_with_timeout

pytestmark = pytest.mark.skipif(not CAN_FORK, reason="no os.fork here")


def test_background_work_runs_in_another_process_at_the_same_time(tmp_path):
    flag = tmp_path / "go"

    def child() -> tuple[int, bool]:  # waits for a file the parent writes after the start
        deadline = time.monotonic() + 20
        while not flag.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        return os.getpid(), flag.exists()

    wait = in_background(child)
    flag.write_text("go")
    pid, saw = wait()
    assert pid != os.getpid() and saw


def test_background_errors_are_raised_by_the_waiter():
    def child() -> None:
        raise ValueError("bad page: 3 nodes")

    wait = in_background(child)
    with pytest.raises(ValueError, match="bad page: 3 nodes"):
        wait()


def test_a_deadline_still_kills_the_query_child():
    with pytest.raises(WorkerTimeout):
        run_with_timeout(lambda: time.sleep(30), 0.3)
    assert run_with_timeout(lambda: 6 * 7, 10) == 42


def test_a_saved_build_writes_the_page_the_graph_gives(sample_kg, tmp_path):
    built = sample_kg[0]
    files = built.save(tmp_path / "out", title="样例")
    alone = built.to_html(tmp_path / "alone" / "graph.html", title="样例")
    assert files["html"] == tmp_path / "out" / "graph.html"
    assert files["html"].read_bytes() == alone.read_bytes()
    assert files["turtle"].read_text(encoding="utf-8") == built.turtle()
    assert not [p for p in Path(tmp_path / "out").iterdir() if p.name.startswith(".")]
