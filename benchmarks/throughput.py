"""Build throughput at scale: end-to-end `kg build` against bare pkuseg segmentation.

    python benchmarks/throughput.py                       # sizes 1 10 100, jobs 1 and 2
    python benchmarks/throughput.py --sizes 1 10 100 1000 --jobs 2 --incremental --big-mb 50

For each corpus size (1 = the sample corpus, N = N copies of it with people's names and
county names varied, so resolution has real work) it prints characters, wall time and
characters/s of (a) bare pkuseg segmentation of the same texts in one process and (b)
`kg build --no-cache` (read → extract → resolve → RDF → Turtle, and the HTML page) with
each --jobs, both including model load, the ratio (b)/(a), and the peak memory summed
over the process and its workers (a forked child's pages shared with its parent count once).
``--incremental``: rebuilds of the largest corpus with one document changed (cached
extraction, RDF and name comparisons), against full builds (medians of ``--repeat``), and
the time of each stage of such a rebuild.
``--big-mb``: one file of that many MB (varied copies of the sample articles one after
another): peak RSS of reading it as UTF-8 and as GB18030, then the time, peak RSS and
triples of building it with the largest --jobs, stage by stage.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "gold" / "sample"
PY = sys.executable


# --- corpora ------------------------------------------------------------------------------


def _surnames() -> list[str]:
    from kg.resources import LEXICON_DIR

    lines = (LEXICON_DIR / "surnames.txt").read_text(encoding="utf-8").splitlines()
    return [w for w in (line.strip() for line in lines) if w and not w.startswith("#")]


def _counties() -> set[str]:
    from kg.resources import GAZETTEER_DIR

    rows = (GAZETTEER_DIR / "divisions.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return {r.split("\t")[1] for r in rows
            if r.split("\t")[3] == "county" and r.split("\t")[1][-1] in "县旗"}


def variants(copies: int) -> Iterator[tuple[str, str]]:
    """``copies`` variants of the sample corpus as ``(name, text)``, one document at a time:
    copy 0 is the sample itself, every other copy has new people's names and counties."""
    from kg.read import read_document
    from kg.resources import SAMPLE_DIR

    surnames, counties = _surnames(), sorted(_counties())
    single = [s for s in surnames if len(s) == 1]
    docs = []
    for path in sorted(SAMPLE_DIR.glob("*.txt")):
        gold = json.loads((GOLD / f"{path.stem}.json").read_text(encoding="utf-8"))
        people = [e for e in gold["entities"] if e["type"] == "Person"]
        places = [e["name"] for e in gold["entities"]
                  if e["type"] == "Place" and e["name"] in counties]
        docs.append((path.stem, read_document(path).text, people, places))
    given = sorted({ch for _, _, people, _ in docs for p in people
                    for ch in p["name"][_surname_len(p["name"], surnames):]})
    for k in range(copies):
        rng = random.Random(k)
        for stem, text, people, places in docs:
            if k:
                text = _vary(text, people, places, rng, surnames, single, given, counties)
            yield f"{k:05}_{stem}", text


def make_corpus(folder: Path, copies: int) -> int:
    """``copies`` variants of the sample corpus in ``folder`` (UTF-8); returns characters."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for name, text in variants(copies):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        total += len(text)
    return total


def make_big_file(path: Path, megabytes: float, encoding: str = "utf-8") -> int:
    """One file of about ``megabytes`` MB: varied copies of the sample articles one after
    another (many people and places, like a dump of many articles), written as it goes."""
    limit, size, chars = megabytes * 2**20, 0, 0
    with path.open("wb") as fh:
        for _, text in variants(10**9):
            data = (text.strip("\n") + "\n\n").encode(encoding)
            if size and size + len(data) > limit:
                break
            fh.write(data)
            size, chars = size + len(data), chars + len(text.strip("\n")) + 2
    return chars


def _surname_len(name: str, surnames: list[str]) -> int:
    return 2 if len(name) > 2 and name[:2] in surnames else 1


def _vary(text, people, places, rng, surnames, single, given, counties) -> str:
    """Give every person a new name (aliases keep their title) and move counties."""
    swaps: dict[str, str] = {}
    for person in people:
        name = person["name"]
        if len(name) < 2 or "·" in name:
            continue
        old_family = name[:_surname_len(name, surnames)]
        family = rng.choice(single[:100])
        swaps[name] = family + "".join(rng.choice(given) for _ in range(len(name) - 1 - (
            len(old_family) - 1)))
        for alias in person.get("aliases", []):
            if alias.startswith(old_family) and alias != name:
                swaps.setdefault(alias, family + alias[len(old_family):])
    for place in places:
        swaps[place] = rng.choice(counties)
    for old in sorted(swaps, key=len, reverse=True):
        text = text.replace(old, swaps[old])
    return text


# --- measuring ----------------------------------------------------------------------------


class _Memory:
    """Memory of a process for the sum: its RSS, but for a child forked from the build
    (the page writer, same command line) only the pages it does not share with it (USS),
    which the parent's RSS does not already hold. USS costs ~17 ms a reading at 1 GB (the
    kernel walks the page tables), so it is read once a second, RSS ten times."""

    def __init__(self, root) -> None:
        self.cmdline = root.cmdline()
        self.uss: dict[int, tuple[float, int]] = {}

    def __call__(self, p, is_root: bool) -> int:
        import psutil

        if is_root or p.cmdline() != self.cmdline:
            return p.memory_info().rss
        at, uss = self.uss.get(p.pid, (0.0, 0))
        if time.monotonic() - at >= 1.0:
            try:
                uss = p.memory_full_info().uss
            except (AttributeError, psutil.AccessDenied):  # no USS here: count it all
                uss = p.memory_info().rss
            self.uss[p.pid] = (time.monotonic(), uss)
        return uss


def run_measured(cmd: list[str], detail: dict | None = None) -> tuple[float, int, str]:
    """Wall seconds, peak memory (bytes, the process and its children summed; a forked
    child counted by its unshared pages: ``_Memory``) and stdout.

    ``detail``, when given, receives the peak RSS of the process alone (``parent``) and of
    its children (``children``), and the CPU seconds of each child (``cpu``), last seen.
    """
    import psutil

    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=ROOT)
    peak = parent = children = 0
    cpu: dict[int, float] = {}
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak, parent, children
        try:
            root = psutil.Process(proc.pid)
            memory = _Memory(root)
        except psutil.Error:
            return
        while not stop.is_set():
            total = mine = 0
            try:
                for p in [root, *root.children(recursive=True)]:
                    try:
                        rss = memory(p, p.pid == root.pid)
                        total += rss
                        if p.pid == root.pid:
                            mine = rss
                        else:
                            times = p.cpu_times()
                            cpu[p.pid] = times.user + times.system
                    except psutil.Error:
                        pass
            except psutil.Error:
                pass
            peak, parent = max(peak, total), max(parent, mine)
            children = max(children, total - mine)
            stop.wait(0.1)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    stop.set()
    thread.join()
    if proc.returncode:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{err[-2000:]}")
    if detail is not None:
        detail.update(parent=parent, children=children, cpu=cpu)
    return seconds, peak, out


def segment_only(folder: str) -> None:
    """Bare pkuseg: load the model, segment every text of ``folder`` (run as a child)."""
    import spacy_pkuseg

    from kg.nlp import pkuseg_model_dir

    seg = spacy_pkuseg.pkuseg(str(pkuseg_model_dir()), user_dict="default")
    words = 0
    for path in sorted(Path(folder).glob("*.txt")):
        words += len(seg.cut(path.read_text(encoding="utf-8")))
    print(words)


def phases(folder: str, cache: str, jobs: str = "1") -> None:
    """Time each stage of a build in this process, as ``kg.build`` runs them (run as a child);
    prints JSON with the time of each stage and this process's peak RSS after it (cache "-":
    none)."""
    import resource

    from kg.build import extract_all
    from kg.cache import ExtractionCache
    from kg.fragments import BuiltGraph
    from kg.graph import BuildReport, KnowledgeGraph
    from kg.parallel import make_executor
    from kg.read import iter_documents
    from kg.resolve import resolve
    from kg.resolve_people import PairMemo

    times, rss, cpu, t, c = {}, {}, {}, time.perf_counter(), time.process_time()

    def lap(name: str) -> None:
        nonlocal t, c
        times[name], t = time.perf_counter() - t, time.perf_counter()
        cpu[name], c = time.process_time() - c, time.process_time()
        rss[name] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

    report = BuildReport()
    executor = make_executor(int(jobs))
    store = None if cache == "-" else ExtractionCache(cache)
    results = extract_all(iter_documents([folder], lambda e: None), executor=executor,
                          cache=store, report=report)
    executor.close()
    lap("read+extract")
    found = [sum(len(getattr(r, k)) for r in results) for k in ("sentences", "mentions", "facts")]
    memo = PairMemo(cache) if store else None
    known = memo.load() if memo else None
    resolved = resolve(results, known)
    del results  # as kg.build does
    if memo:
        memo.save(known)
    lap("resolve")
    built = BuiltGraph(resolved, cache if store else None)
    lap("rdf")
    with tempfile.TemporaryDirectory() as out:  # Turtle here, the page in a child meanwhile
        files = KnowledgeGraph(built).save(out)
        text = files["turtle"].read_text(encoding="utf-8")
    lap("turtle+html")
    print(json.dumps({"times": times, "rss": rss, "cpu": cpu, "extracted": report.extracted,
                      "cached": report.cached, "triples": len(built), "turtle": len(text),
                      "sentences": found[0], "mentions": found[1], "facts": found[2]}))


def read_only(path: str) -> None:
    """Read and decode one file (run as a child); prints the codec found and the peak RSS
    (bytes) of this process before and after (too short a run for the sampling thread)."""
    import resource

    from kg.read import read_document

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    doc = read_document(Path(path))
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(doc.encoding, before, after)


def _burn(n: int) -> float:
    started = time.perf_counter()
    total = 0
    for i in range(n):
        total += i
    return time.perf_counter() - started


def cpu_check() -> str:
    """How much of two cores this shared machine gives now: the same CPU-bound loop in one
    process, then in two at once (2.00: two full cores; 1.00: no gain from a second)."""
    import multiprocessing

    one = _burn(20_000_000)
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        started = time.perf_counter()
        pool.map(_burn, [20_000_000] * 2)
        both = time.perf_counter() - started
    return f"CPU check: two processes did {2 * one / both:.2f}x the work of one in the same time"


def kg_build(folder: Path, out: Path, *extra: str) -> list[str]:
    return [PY, "-m", "kg.cli", "build", str(folder), "--out", str(out), "-q", *extra]


def mb(n: int) -> str:
    return f"{n / 2**20:,.0f} MB"


def throughput(sizes: list[int], jobs: list[int], work: Path) -> dict[int, float]:
    print(f"{'size':>6} {'docs':>6} {'chars':>11} {'what':>12} {'seconds':>8} {'chars/s':>9}"
          f" {'ratio':>6} {'peak mem':>9}")
    full: dict[int, float] = {}
    for size in sizes:
        folder = work / f"x{size}"
        chars = make_corpus(folder, size)
        docs = len(list(folder.glob("*.txt")))
        seg_s, seg_rss, _ = run_measured([PY, __file__, "--segment-only", str(folder)])
        base = chars / seg_s
        print(f"{size:>6} {docs:>6} {chars:>11,} {'pkuseg':>12} {seg_s:>8.1f} {base:>9,.0f}"
              f" {1.0:>6.2f} {mb(seg_rss):>9}", flush=True)
        for j in jobs:
            secs, rss, _ = run_measured(kg_build(folder, work / "out", "--no-cache",
                                                 "--jobs", str(j)))
            full[size] = secs
            print(f"{size:>6} {docs:>6} {chars:>11,} {f'build -j{j}':>12} {secs:>8.1f}"
                  f" {chars / secs:>9,.0f} {chars / secs / base:>6.2f} {mb(rss):>9}",
                  flush=True)
    return full


def _touch(path: Path, k: int) -> None:
    """Change one document (a sentence more), as an editor would."""
    path.write_text(path.read_text(encoding="utf-8") + f"\n会议于当天闭幕。（{k}）\n",
                    encoding="utf-8")


def incremental(size: int, work: Path, jobs: int, repeat: int = 3) -> None:
    """Full builds against rebuilds with one document changed (each a different one), the
    medians compared; then the stages of one more such rebuild, timed in one process."""
    folder, out = work / f"x{size}", work / "inc"
    if not folder.exists():
        make_corpus(folder, size)
    files = sorted(folder.glob("*.txt"))
    fulls = [run_measured(kg_build(folder, out, "--no-cache", "--jobs", str(jobs)))[0]
             for _ in range(repeat)]
    run_measured(kg_build(folder, out, "--jobs", str(jobs)))  # fills the caches
    agains = []
    for k in range(repeat):
        _touch(files[(k + 1) * len(files) // (repeat + 2)], k)
        agains.append(run_measured(kg_build(folder, out, "--jobs", str(jobs)))[0])
    full, again = statistics.median(fulls), statistics.median(agains)
    print(f"\nincremental, {size}x corpus ({len(files)} documents), -j{jobs}: full build "
          f"{full:.1f} s (median of {_secs(fulls)}), rebuild with one document changed "
          f"{again:.1f} s (median of {_secs(agains)}) = {100 * again / full:.1f} % of the full "
          "build")
    _touch(files[-1], repeat)
    _, _, stages = run_measured([PY, __file__, "--phases", str(folder), str(out / ".kg-cache")])
    info = json.loads(stages)
    parts = ", ".join(f"{k} {v:.1f} s" for k, v in info["times"].items())
    print(f"  stages of such a rebuild (in one process, extracted {info['extracted']}, "
          f"cached {info['cached']}, {info['triples']:,} triples): {parts}")


def _secs(values: list[float]) -> str:
    return " ".join(f"{v:.1f}" for v in values)


def big_file(megabytes: int, work: Path, jobs: int) -> None:
    """One file of ``megabytes`` MB: reading it (UTF-8 and GB18030), then a build by stage."""
    folder = work / f"big{megabytes}"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "big.txt"
    for encoding in ("gb18030", "utf-8"):  # the build reads the UTF-8 one
        chars = make_big_file(path, megabytes, encoding)
        secs, _, out = run_measured([PY, __file__, "--read-only", str(path)])
        found, before, after = out.split()
        print(f"\nreading one {mb(path.stat().st_size)} {encoding} file ({chars:,} characters):"
              f" {secs:.1f} s, peak RSS {mb(int(after))} ({mb(int(before))} before reading;"
              f" found {found})")
    size, detail = path.stat().st_size, {}
    secs, rss, out = run_measured([PY, __file__, "--phases", str(folder), "-", str(jobs)],
                                  detail)
    info = json.loads(out)
    stages = ", ".join(f"{k} {v:.0f} s (CPU {info['cpu'][k]:.0f} s, {mb(info['rss'][k])})"
                       for k, v in info["times"].items())
    cpu = " + ".join(f"{c:.0f}" for c in sorted(detail["cpu"].values(), reverse=True) if c >= 1)
    print(f"one file of {mb(size)}, -j{jobs}: built in {secs:.0f} s ({size / secs / 1e3:,.1f}"
          f" kB/s), peak RSS {mb(rss)} (main process {mb(detail['parent'])}, workers"
          f" {mb(detail['children'])}), worker CPU {cpu} s\n"
          f"  {info['sentences']:,} sentences, {info['mentions']:,} mentions, {info['facts']:,}"
          f" facts -> {info['triples']:,} triples, Turtle {info['turtle']:,} characters\n"
          f"  stages (main process CPU in each, peak RSS after it): {stages}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[1, 10, 100])
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--incremental", action="store_true")
    ap.add_argument("--repeat", type=int, default=3, help="runs per --incremental figure")
    ap.add_argument("--big-mb", type=int, default=0)
    ap.add_argument("--keep", metavar="DIR", help="generate the corpora here (kept)")
    ap.add_argument("--segment-only", help=argparse.SUPPRESS)
    ap.add_argument("--phases", nargs="+", help=argparse.SUPPRESS)
    ap.add_argument("--read-only", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.segment_only:
        return segment_only(args.segment_only)
    if args.phases:
        return phases(*args.phases)
    if args.read_only:
        return read_only(args.read_only)
    print(cpu_check())
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.keep or tmp)
        if args.sizes:
            throughput(args.sizes, args.jobs, work)
        if args.incremental and args.sizes:
            incremental(max(args.sizes), work, max(args.jobs), args.repeat)
        if args.big_mb:
            big_file(args.big_mb, work, max(args.jobs))


if __name__ == "__main__":
    main()
