"""Hostile input through the whole build: each bad file is one skip line, the rest goes on."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from conftest import as_nobody, make_doc, same_surface

from kg.bigdoc import cut_points, extract_large
from kg.build import build
from kg.extract.run import extract_document
from kg.namespaces import SDO
from kg.read import iter_paths
from kg.resources import SAMPLE_DIR

ROOT = Path(__file__).resolve().parents[1]
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
GOOD = sorted(SAMPLE_DIR.glob("0[1-3]*.txt"))


def hostile_tree(root: Path) -> None:
    shutil.copy(GOOD[0], root / "good.txt")
    nested = root / "a" / "b" / "c"
    nested.mkdir(parents=True)
    shutil.copy(GOOD[1], nested / "deep.txt")
    (root / "empty.txt").write_bytes(b"")
    (root / "image.txt").write_bytes(PNG)
    (root / "data.bin").write_bytes(PNG)  # not a text suffix: read only when given by name
    (root / "a" / "loop").symlink_to("..", target_is_directory=True)
    (root / "a" / "again.txt").symlink_to(root / "good.txt")  # the same file twice
    (root / "gone.txt").symlink_to(root / "nowhere.txt")
    os.mkfifo(root / "pipe.txt")  # opening it would block the build
    (root / "folder.txt").mkdir()
    shutil.copy(GOOD[2], root / "folder.txt" / "inside.md")


def test_mixed_hostile_folder(tmp_path):
    hostile_tree(tmp_path)
    built = build([tmp_path, tmp_path / "data.bin"])
    assert built.report.skipped == [
        "empty.txt: empty file",
        "gone.txt: broken symbolic link",
        "image.txt: binary, not text",
        "pipe.txt: not a regular file",
        "data.bin: binary, not text",
    ]
    # a/again.txt (found first, good.txt is the same file), a/b/c/deep.txt, folder.txt/inside.md
    assert built.report.documents == 3
    names = {str(o) for o in built.graph.objects(None, SDO.name)}
    assert {"again.txt", "deep.txt", "inside.md"} <= names and "good.txt" not in names


def test_strict_fails_on_the_first_bad_file_and_writes_nothing(tmp_path):
    hostile_tree(tmp_path)
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(tmp_path), "--strict",
                           "--out", str(out)], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[-1] == f"kg: {tmp_path / 'empty.txt'}: empty file"
    assert not (out / "graph.ttl").exists()


def test_deeply_nested_folders_do_not_overflow_the_stack(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for _ in range(1200):  # deeper than Python's recursion limit
        os.mkdir("d")
        os.chdir("d")
    Path("x.txt").write_text("深处", encoding="utf-8")
    found = list(iter_paths([tmp_path]))
    os.remove("x.txt")
    for _ in range(1200):  # remove it the same way: pytest's clean-up recurses
        os.chdir("..")
        os.rmdir("d")
    assert found == [tmp_path.joinpath(*["d"] * 1200, "x.txt")]


def test_three_thousand_tiny_files(tmp_path):
    for i in range(3000):
        (tmp_path / f"{i // 100:02}").mkdir(exist_ok=True)
        (tmp_path / f"{i // 100:02}" / f"{i:04}.txt").write_text(f"第{i}条：会议召开。",
                                                                  encoding="utf-8")
    built = build([tmp_path])
    assert built.report.skipped == []
    assert built.report.documents == 3000
    assert len(set(built.graph.subjects(None, SDO.NewsArticle))) == 3000


def test_file_names_with_line_breaks_give_one_line(tmp_path):
    (tmp_path / "bad\nname.txt").write_bytes(PNG)
    shutil.copy(GOOD[0], tmp_path / "good.txt")
    built = build([tmp_path])
    assert built.report.skipped == ["bad\\nname.txt: binary, not text"]


def test_unreadable_files_and_folders_are_skipped(extract):
    extract("预热。")  # load the pipeline before the fork, so the child shares it
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        root.chmod(0o755)
        shutil.copy(GOOD[0], root / "good.txt")
        (root / "good.txt").chmod(0o644)
        shutil.copy(GOOD[1], root / "secret.txt")
        (root / "secret.txt").chmod(0)
        (root / "locked").mkdir()
        shutil.copy(GOOD[2], root / "locked" / "inside.txt")
        (root / "locked").chmod(0)
        try:
            result = as_nobody(lambda: [*(r := build([root]).report).skipped, r.documents])
        finally:
            (root / "locked").chmod(0o755)
    assert result == ["locked: permission denied", "secret.txt: permission denied", 1]


def test_long_documents_are_extracted_in_segments_with_true_offsets(extract):
    text = "\n".join(p.read_text(encoding="utf-8") for p in GOOD) * 3
    spans = cut_points(text, 2000)
    assert len(spans) > 3 and spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
    doc = make_doc(text, "long.txt")
    whole = extract_document(doc)
    parts = extract_large(doc, None, size=2000)
    # cut where a sentence ends a line: the same sentences, numbered through
    assert parts.sentences == whole.sentences
    assert len(parts.mentions) > 100
    for m in parts.mentions:
        assert same_surface(text, m.start, m.end, m.text), m
    for f in parts.facts:
        sent = parts.sentences[f.evidence.sentence]
        assert sent.start <= f.evidence.start <= f.evidence.end <= sent.end
    assert {(m.label, m.text) for m in parts.mentions} >= {
        (m.label, m.text) for m in whole.mentions if m.label == "Place"}
