"""Extraction quality: build each evaluation corpus and score it with the seed scorer.

    python benchmarks/quality.py            # prints a table per corpus

Corpora: the seeds (../shared/seeds with ../shared/gold, when present), the
bundled sample corpus (kg/data/sample with benchmarks/gold/sample), and seventy-six
sets of texts in other styles under benchmarks/corpus/ (heldout, heldout2 ...
heldout76), each written and annotated by someone who had not read the
code. Each was scored once before any rule was changed because of it (the
README keeps those first figures: the honest estimate for unseen news); after
that the rules were tuned on their errors too, so the figures printed here are
no longer unseen ones.
"""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
CORPORA = {
    "seeds": (SHARED / "seeds", SHARED / "gold"),
    "sample": (ROOT / "kg" / "data" / "sample", ROOT / "benchmarks" / "gold" / "sample"),
    **{name: (ROOT / "benchmarks" / "corpus" / name, ROOT / "benchmarks" / "gold" / name)
       for name in ["heldout", *(f"heldout{k}" for k in range(2, 77))]},
}
ROWS = ("entities", "entities.Person", "entities.Place", "entities.Organization",
        "entities.Event", "delegate", "role", "region", "honour", "facts")


def score(corpus: Path, gold: Path) -> dict:
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([sys.executable, "-m", "kg.cli", "build", str(corpus), "--out", out,
                        "-q"], check=True)
        kg_cmd = f"{shlex.quote(sys.executable)} -m kg.cli"
        proc = subprocess.run([sys.executable, str(SCORER), "--graph", f"{out}/graph.ttl",
                               "--gold", str(gold), "--kg-cmd", kg_cmd, "--json"],
                              check=True, capture_output=True, text=True)
    return json.loads(proc.stdout)


def main() -> int:
    if not SCORER.exists():
        print(f"needs the scorer at {SCORER}", file=sys.stderr)
        return 1
    results = {name: score(c, g) for name, (c, g) in CORPORA.items() if c.exists()}
    print(f"{'F1':24}" + "".join(f"{n:>10}" for n in results))
    for row in ROWS:
        print(f"{row:24}" + "".join(f"{r[row]['f1']:>10.3f}" for r in results.values()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
