"""A throwaway Virtuoso server for tests and benchmarks: own database in a temporary
folder, own virtuoso.ini on free 127.0.0.1 ports, an ordinary child process.

Needs Debian's ``virtuoso-opensource-7-bin`` (``virtuoso-t``, ``isql-vt``); run.sh installs
it when root. The Graph Store endpoint ``/sparql-graph-crud-auth`` accepts the built-in
dba/dba login (digest auth) on a fresh database, so nothing needs granting for pushes.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests

VIRTUOSO = shutil.which("virtuoso-t")
ISQL = shutil.which("isql-vt")
USER, PASSWORD = "dba", "dba"  # a fresh database's administrator

INI = """\
[Database]
DatabaseFile = {root}/virtuoso.db
ErrorLogFile = {root}/virtuoso.log
LockFile = {root}/virtuoso.lck
TransactionFile = {root}/virtuoso.trx
xa_persistent_file = {root}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {root}/virtuoso-temp.db
TransactionFile = {root}/virtuoso-temp.trx
FileExtend = 200

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
ServerThreads = 10
CheckpointInterval = 0
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
DirsAllowed = ., {root}
VADInstallDir = {root}/vad

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {root}/www
ServerThreads = 10
MaxKeepAlives = 10
KeepAliveTimeout = 10
MaxClientConnections = 10

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
MaxQueryCostEstimationTime = 0
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Virtuoso:
    root: Path
    http_port: int
    sql_port: int
    proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def crud_auth(self) -> str:
        """The Graph Store endpoint that takes a login (digest auth)."""
        return f"{self.url}/sparql-graph-crud-auth"

    @property
    def crud(self) -> str:
        """The anonymous Graph Store endpoint (read-only until SPARQL_UPDATE is granted)."""
        return f"{self.url}/sparql-graph-crud"

    @property
    def sparql(self) -> str:
        return f"{self.url}/sparql"

    def log_tail(self, lines: int = 15) -> str:
        log = self.root / "virtuoso.log"
        if not log.exists():
            return ""
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])

    def isql(self, sql: str) -> str:
        """Run SQL as dba through isql-vt (e.g. GRANT statements)."""
        proc = subprocess.run([ISQL or "isql-vt", f"127.0.0.1:{self.sql_port}", USER, PASSWORD,
                               f"exec={sql}"], capture_output=True, text=True, timeout=60)
        if proc.returncode or "*** Error" in proc.stdout + proc.stderr:
            raise RuntimeError(f"isql failed: {proc.stdout[-500:]} {proc.stderr[-500:]}")
        return proc.stdout

    def select(self, query: str, default_graphs: list[str] | None = None) -> list[dict[str, str]]:
        """A SELECT over plain HTTP (SPARQL protocol, JSON results): rows of strings."""
        data = [("query", query)] + [("default-graph-uri", g) for g in default_graphs or []]
        resp = requests.post(self.sparql, data=data, timeout=60,
                             headers={"Accept": "application/sparql-results+json"})
        resp.raise_for_status()
        body = resp.json()
        names = body["head"]["vars"]
        return [{v: row[v]["value"] if v in row else "" for v in names}
                for row in body["results"]["bindings"]]


def _ready(v: Virtuoso) -> bool:
    try:
        return requests.get(v.sparql, params={"query": "ASK {}"}, timeout=2).status_code == 200
    except requests.RequestException:
        return False


@contextmanager
def running_virtuoso(root: Path, timeout: float = 90.0) -> Iterator[Virtuoso]:
    """Start virtuoso-t in the foreground of a child process; stop it and delete its files."""
    if not VIRTUOSO:
        raise RuntimeError("virtuoso-t not found")
    root.mkdir(parents=True, exist_ok=True)
    (root / "www").mkdir(exist_ok=True)
    v = Virtuoso(root, free_port(), free_port())
    (root / "virtuoso.ini").write_text(INI.format(root=root, sql_port=v.sql_port,
                                                  http_port=v.http_port))
    with open(root / "stdout.log", "wb") as out:
        v.proc = subprocess.Popen([VIRTUOSO, "-f", "-c", "virtuoso.ini"], cwd=root, stdout=out,
                                  stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + timeout
        while not _ready(v):
            if v.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"virtuoso did not start (exit {v.proc.poll()}):\n"
                                   f"{v.log_tail()}")
            time.sleep(0.2)
        yield v
    finally:
        v.proc.terminate()
        try:
            v.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            v.proc.kill()
            v.proc.wait()
        shutil.rmtree(root, ignore_errors=True)
