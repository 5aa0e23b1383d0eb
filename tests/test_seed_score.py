"""The seed articles scored by ../shared/eval/score.py (skipped when ../shared is absent)."""

from __future__ import annotations

import json
import shlex
import subprocess
import sys

import pytest
from conftest import SHARED

# floors under the scores measured when this was written; raise them as quality rises
FLOORS = {"entities": 0.95, "entities.Person": 0.90, "entities.Place": 0.90,
          "entities.Organization": 0.90, "entities.Event": 0.90, "delegate": 0.95,
          "role": 0.95, "region": 0.95, "honour": 0.90, "facts": 0.95}

pytestmark = pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(),
                                reason="../shared (seeds, gold, scorer) not present")


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds")
    kg_cmd = f"{shlex.quote(sys.executable)} -m kg.cli"
    subprocess.run([sys.executable, "-m", "kg.cli", "build", str(SHARED / "seeds"),
                    "--out", str(out), "-q"], check=True, timeout=600)
    proc = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"),
                           "--graph", str(out / "graph.ttl"), "--gold", str(SHARED / "gold"),
                           "--kg-cmd", kg_cmd, "--json"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.mark.parametrize("key", sorted(FLOORS))
def test_seed_scores_stay_above_floor(scores, key):
    assert scores[key]["f1"] >= FLOORS[key], scores[key]
