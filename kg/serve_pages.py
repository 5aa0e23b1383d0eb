"""The pages ``kg serve`` shows people: the query page, its assets, named queries, the explorer.

Everything is served from the package (kg/data/web/) or made here; nothing comes from a CDN. Each
page gets a Content-Security-Policy header that allows only what it needs: the query page runs one
script file from this server and talks only to this server; the explorer (kg.html's page, whose
scripts are inline) may run exactly its own inline scripts, allowed by their hashes.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from .query import describe, named_queries
from .resources import DATA_DIR

WEB_DIR = DATA_DIR / "web"
ASSETS = {  # URL name -> content type; nothing else under /static/ is served
    "query.js": "text/javascript; charset=utf-8",
    "query.css": "text/css; charset=utf-8",
}
HTML_TYPE = "text/html; charset=utf-8"
_LOCKED = "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            f"img-src 'self'; {_LOCKED}")
DATA_CSP = f"default-src 'none'; sandbox; {_LOCKED}"  # SPARQL results, errors, JSON
_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.S | re.I)  # inline, any attributes


@dataclass(frozen=True)
class Page:
    body: bytes
    content_type: str
    csp: str


def asset(name: str) -> Page | None:
    """A file of the query page, or None for anything not on the list."""
    if name not in ASSETS:
        return None
    return Page((WEB_DIR / name).read_bytes(), ASSETS[name], PAGE_CSP)


def index_page() -> Page:
    return Page((WEB_DIR / "index.html").read_bytes(), HTML_TYPE, PAGE_CSP)


def queries_json(limits: dict[str, object]) -> Page:
    """The named queries (kg/queries/*.rq) with their first comment line, and the server limits."""
    queries = [{"name": name, "description": describe(path),
                "text": path.read_text(encoding="utf-8")}
               for name, path in named_queries().items()]
    body = json.dumps({"queries": queries, "limits": limits}, ensure_ascii=False, indent=1)
    return Page(body.encode("utf-8"), "application/json; charset=utf-8", DATA_CSP)


def _sha256(script: str) -> str:
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def explorer_csp(html: str) -> str:
    """A CSP that lets exactly the page's inline scripts run (and loads nothing from anywhere)."""
    hashes = " ".join(sorted({_sha256(s) for s in _SCRIPT.findall(html)})) or "'none'"
    return (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; "
            f"img-src data:; font-src data:; {_LOCKED}")


class Explorer:
    """kg.html's explorer page for the served graph, made on first request and kept.

    With ``path`` the file is served as it is (re-read when it changes); without, the graph is
    read back from the store (CONSTRUCT) and written with ``kg.html.write_html`` to a temp dir.
    """

    def __init__(self, store, path: Path | None = None, title: str = "kg") -> None:
        self.store, self.path, self.title = store, path, title
        self._lock = threading.Lock()
        self._tmp: Path | None = None
        self._page: tuple[float, Page] | None = None

    def _file(self) -> Path:
        if self.path is not None:
            return self.path
        if self._tmp is None:
            from rdflib import Graph

            from .html import write_html

            out = self.store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "ntriples")
            graph = Graph()
            graph.parse(data=out.body.decode("utf-8"), format="nt")
            tmp = Path(tempfile.mkdtemp(prefix="kg-serve-"))
            write_html(graph, tmp / "explore.html", title=self.title)
            self._tmp = tmp
        return self._tmp / "explore.html"

    def page(self) -> Page:
        with self._lock:
            path = self._file()
            mtime = path.stat().st_mtime
            if self._page is None or self._page[0] != mtime:
                html = path.read_text(encoding="utf-8")
                self._page = (mtime, Page(html.encode("utf-8"), HTML_TYPE, explorer_csp(html)))
            return self._page[1]

    def close(self) -> None:
        with self._lock:
            if self._tmp is not None:
                shutil.rmtree(self._tmp, ignore_errors=True)
                self._tmp = None
