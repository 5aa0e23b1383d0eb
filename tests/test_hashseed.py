"""The graph must not depend on Python's string hash seed (a set's order): every build of
the same text, in any process, gives the same bytes."""

from __future__ import annotations

import os
import subprocess
import sys

# Two people whose names overlap in a third string (魏文俊|婉 / 魏|文俊婉): which one
# the later mention is read as must not depend on the order of a set of names.
TEXT = """记者 魏文俊

村党支部书记文俊婉说，今年全村的茶叶收成比去年好。

魏文俊在村里走访时看到，合作社的厂房已经建成。

“那时候只有两间屋子。”魏文俊婉回忆说。
"""


def test_overlapping_names_give_the_same_graph_under_any_hash_seed(tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text(TEXT, encoding="utf-8")
    outputs = set()
    for seed in ("1", "4", "8"):  # 1 and 4 read 魏文俊婉 differently before the fix
        out = tmp_path / f"out{seed}"
        subprocess.run([sys.executable, "-m", "kg.cli", "build", str(doc), "--out", str(out),
                        "--no-cache", "--jobs", "1", "-q"], check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed})
        outputs.add((out / "graph.ttl").read_bytes())
    assert len(outputs) == 1
    assert "文俊婉" in outputs.pop().decode("utf-8")
