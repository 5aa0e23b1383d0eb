"""The command line end to end, as a user runs it (real subprocesses, real files)."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

KG = [sys.executable, "-m", "kg.cli"]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, *args], capture_output=True, text=True, cwd=cwd, timeout=600)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """`kg build` of a folder with good files and bad ones."""
    src = tmp_path_factory.mktemp("corpus")
    from kg.resources import SAMPLE_DIR

    for f in sorted(SAMPLE_DIR.iterdir()):
        shutil.copy(f, src / f.name)
    (src / "empty.txt").write_bytes(b"")
    (src / "data.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00" + bytes(range(256)))
    out = tmp_path_factory.mktemp("out")
    proc = run("build", str(src), "--out", str(out))
    return proc, out


def test_build_writes_outputs_and_summary(built):
    proc, out = built
    assert proc.returncode == 0, proc.stderr
    assert (out / "graph.ttl").stat().st_size > 1000
    assert (out / "graph.html").stat().st_size > 1000
    assert "documents read:" in proc.stdout
    assert "Person" in proc.stdout and "delegates" in proc.stdout and "time:" in proc.stdout
    # the program ends without tearing the graph down: what it printed last still arrives
    assert f"wrote {out / 'graph.html'} (html)" in proc.stdout.splitlines()


def test_main_called_from_python_returns_after_a_build(tmp_path):
    """Only the ``kg`` program ends at once after a build; a caller of ``main`` goes on."""
    (tmp_path / "a.txt").write_text("记者张三报道。", encoding="utf-8")
    code = ("import sys; from kg.cli import main; p = sys.argv[1];"
            "r = main(['build', p, '--out', p + '/out', '-q']); print('returned', r)")
    proc = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True,
                          text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "returned 0"
    assert (tmp_path / "out" / "graph.ttl").exists()


def test_build_reports_bad_files_and_keeps_going(built):
    proc, _ = built
    assert "skipped empty.txt: empty file" in proc.stderr
    assert "skipped data.txt: binary, not text" in proc.stderr


def test_query_list_names_the_shipped_queries():
    proc = run("query", "--list")
    assert proc.returncode == 0
    for name in ("entities", "delegates", "roles", "regions", "honours", "provenance"):
        assert name in proc.stdout


@pytest.mark.parametrize("name,cols", [
    ("entities", ["name", "type"]), ("delegates", ["person"]),
    ("roles", ["person", "title", "org"]), ("regions", ["person", "region"]),
    ("honours", ["person", "honour"])])
def test_named_queries_give_sparql_json_with_the_agreed_variables(built, name, cols):
    _, out = built
    proc = run("query", name, "--graph", str(out / "graph.ttl"), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    res = json.loads(proc.stdout)
    assert res["head"]["vars"] == cols
    assert res["results"]["bindings"], f"{name} returned no rows on the sample corpus"


def test_entity_types_are_the_four(built):
    _, out = built
    proc = run("query", "entities", "--graph", str(out / "graph.ttl"), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert {r["type"] for r in rows} == {"Person", "Place", "Organization", "Event"}


def test_query_formats_table_tsv_and_text(built):
    _, out = built
    g = str(out / "graph.ttl")
    table = run("query", "delegates", "--graph", g)
    assert table.returncode == 0 and "person" in table.stdout and "rows)" in table.stdout
    tsv = run("query", "delegates", "--graph", g, "--format", "tsv")
    assert tsv.stdout.splitlines()[0] == "?person"
    assert tsv.stdout.splitlines()[1].endswith('"@zh')
    text = run("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--graph", g,
               "--format", "csv")
    assert int(text.stdout.splitlines()[1]) > 100


def test_query_file_and_errors(built, tmp_path):
    _, out = built
    g = str(out / "graph.ttl")
    rq = tmp_path / "people.rq"
    rq.write_text("PREFIX schema: <https://schema.org/>\n"
                  "SELECT ?p WHERE { ?p a schema:Person } LIMIT 2", encoding="utf-8")
    assert len(run("query", str(rq), "--graph", g, "--format", "csv").stdout.splitlines()) == 3
    bad = run("query", "SELECT ?x WHERE { ?x ", "--graph", g)
    assert bad.returncode == 2 and bad.stderr.startswith("kg: SPARQL error")
    assert len(bad.stderr.strip().splitlines()) == 1
    missing = run("query", "delegates", "--graph", str(tmp_path / "nope.ttl"))
    assert missing.returncode == 2 and "nope.ttl" in missing.stderr
    unknown = run("query", "nosuchquery", "--graph", g)
    assert unknown.returncode == 2 and "unknown query" in unknown.stderr


def test_validate_command(built):
    _, out = built
    proc = run("validate", "--graph", str(out / "graph.ttl"))
    assert proc.returncode == 0, proc.stdout
    assert "conforms" in proc.stdout


def test_build_of_nothing_readable_fails_clearly(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    out = tmp_path / "out"
    proc = run("build", str(tmp_path / "a.txt"), "--out", str(out))
    assert proc.returncode == 2
    assert "a.txt: empty file" in proc.stderr
    assert not (out / "graph.ttl").exists()


def test_outputs_are_readable_by_others(built):
    _, out = built
    assert (out / "graph.ttl").stat().st_mode & 0o044 == 0o044


def test_library_build_can_be_called_twice(tmp_path):
    """kg.build stays the function after the kg.build module has been imported."""
    code = ("import kg, sys; p = sys.argv[1]; open(p + '/a.txt', 'w').write('记者张三说。');"
            "kg.build([p]); import kg.build; assert callable(kg.build); kg.build([p])")
    proc = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True,
                          text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
