"""Segmentation speed: spaCy's pkuseg against kg.segment on the same texts.

    python benchmarks/segment.py                  # the sample corpus x 20 (throughput.py's)
    python benchmarks/segment.py --copies 100 --repeat 5
    python benchmarks/segment.py --folder DIR     # every *.txt of DIR

Each run is a fresh process that loads its segmenter (import and model: "load") and then
cuts every document one by one ("cut"). It prints characters/s with the load excluded
and included, the best and the median of --repeat runs (the machine is shared: the best
is the least disturbed), the ratio kg/pkuseg, and checks that both gave the same words.
kg's compiled-model cache is built first if missing (a one-off, reported apart).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable


def child(which: str, folder: str) -> None:
    """Load one segmenter, cut every text of ``folder``; print timings as JSON."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(folder).glob("*.txt"))]
    started = time.perf_counter()
    if which == "pkuseg":
        import spacy_pkuseg

        from kg.segment_model import pkuseg_model_dir

        cut = spacy_pkuseg.pkuseg(str(pkuseg_model_dir()), user_dict="default").cut
    else:
        from kg.segment import get_segmenter

        cut = get_segmenter().cut
    loaded = time.perf_counter()
    cpu = time.process_time()
    digest = hashlib.sha256()
    for text in texts:
        digest.update("\0".join(cut(text)).encode("utf-8", "surrogatepass") + b"\1")
    print(json.dumps({"load": loaded - started, "cut": time.perf_counter() - loaded,
                      "cpu": time.process_time() - cpu, "chars": sum(map(len, texts)),
                      "words": digest.hexdigest()}))


def run(which: str, folder: Path) -> dict:
    out = subprocess.run([PY, __file__, "--child", which, str(folder)], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--copies", type=int, default=20, help="copies of the sample corpus")
    ap.add_argument("--folder", help="segment these *.txt instead")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return child(*args.child)
    started = time.perf_counter()
    from kg.segment_model import cache_dir, load_model, pkuseg_model_dir

    if not (cache_dir(pkuseg_model_dir()) / "meta.json").exists():
        load_model(pkuseg_model_dir())
        print(f"compiled kg's model cache first: {time.perf_counter() - started:.1f} s")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.folder) if args.folder else Path(tmp)
        if not args.folder:
            sys.path.insert(0, str(ROOT / "benchmarks"))
            from throughput import make_corpus

            make_corpus(folder, args.copies)
        docs = len(list(folder.glob("*.txt")))
        runs: dict[str, list[dict]] = {"pkuseg": [], "kg": []}
        for _ in range(args.repeat):
            for which in runs:
                runs[which].append(run(which, folder))
    chars = runs["kg"][0]["chars"]
    print(f"{chars:,} characters ({docs} documents), {args.repeat} runs each, best / median")
    print(f"{'':8} {'load s':>13} {'cut s':>13} {'chars/s (no load)':>21}"
          f" {'chars/s (with load)':>21}")
    best: dict[str, tuple[float, float]] = {}
    for which, rs in runs.items():
        load = [r["load"] for r in rs]
        cut = [r["cut"] for r in rs]
        total = [r["load"] + r["cut"] for r in rs]
        best[which] = (chars / min(cut), chars / min(total))
        print(f"{which:8} {min(load):6.2f} {statistics.median(load):6.2f}"
              f" {min(cut):6.2f} {statistics.median(cut):6.2f}"
              f" {chars / min(cut):10,.0f} {chars / statistics.median(cut):10,.0f}"
              f" {chars / min(total):10,.0f} {chars / statistics.median(total):10,.0f}")
    print(f"kg / pkuseg: {best['kg'][0] / best['pkuseg'][0]:.1f}x without load, "
          f"{best['kg'][1] / best['pkuseg'][1]:.1f}x with load")
    same = {r["words"] for rs in runs.values() for r in rs}
    print("same words: " + ("yes" if len(same) == 1 else "NO: the segmenters differ"))


if __name__ == "__main__":
    main()
