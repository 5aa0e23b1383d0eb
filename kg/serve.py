"""``kg serve``: a SPARQL 1.1 Protocol endpoint and a query page over a kg graph.

The standard library's ThreadingHTTPServer, no framework: the server has one job (answer read-only
queries on one graph, on this machine) and its guarantees should be visible in this file. It binds
127.0.0.1 unless told otherwise, refuses SPARQL Update, LOAD and SERVICE by default, caps request
bodies, query time and result rows, and answers every failure with a status and a one-line message
so a bad request never stops it serving the next one.

Every response closes its connection (no keep-alive). A query past the time limit is answered
408, and browsers silently send a request again when its 408 came on a connection they
reused (measured with Chromium); a connection never reused makes the 408 final, so the slow query
runs once. One TCP connect per request costs little on this machine.
"""

from __future__ import annotations

import ipaddress
import signal
import socket
import sys
import threading
import time
import traceback
from collections import Counter
from dataclasses import asdict, dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from . import __version__
from .serve_pages import DATA_CSP, Explorer, Page, asset, index_page, queries_json
from .serve_protocol import ProtocolError, choose_format, operation
from .store import QueryError, QueryRefused, QuerySyntaxError, QueryTimeout, Store

DRAIN_LIMIT = 64 << 20  # after a 413, read at most this much of the refused body, then close
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


@dataclass
class Limits:
    """What one request may cost. ``None`` means no limit (not advised on a shared machine)."""

    timeout: float | None = 30.0  # seconds per query
    max_rows: int | None = 10_000  # result rows (or triples) per response
    max_body: int = 1 << 20  # bytes of POST body
    max_concurrent: int = 4  # queries running at once; the others wait (up to the timeout)
    allow_update: bool = False
    allow_service: bool = False


class Handler(BaseHTTPRequestHandler):
    """One request: route it, answer it, never let an error escape into the server."""

    server: KGServer
    server_version = f"kg/{__version__}"
    protocol_version = "HTTP/1.1"
    timeout = 30  # seconds a client may idle mid-request (slow clients cannot hold a thread)

    # -- responses ----------------------------------------------------------
    def _send(self, status: int, body: bytes, content_type: str, csp: str = DATA_CSP,
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Security-Policy", csp)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-store")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.close_connection = True  # never reused: a 408 on it is not resent (module doc)
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _page(self, page: Page) -> None:
        self._send(200, page.body, page.content_type, page.csp)

    def _error(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        line = " ".join(message.split())
        self._send(status, (line + "\n").encode("utf-8"), "text/plain; charset=utf-8",
                   headers=headers)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """The base class's errors (bad request line, unknown method) as plain text too."""
        self.close_connection = True
        self._error(code, message or self.responses.get(code, ("error",))[0])

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        path = urlsplit(getattr(self, "path", "")).path
        with self.server.count_lock:
            self.server.counts[(path, code)] += 1
        self.log_message('"%s %s" %s', getattr(self, "command", "-"), path, code)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (base class signature)
        if not self.server.quiet:
            sys.stderr.write(f"{self.address_string()} {format % args}\n")

    # -- routing ------------------------------------------------------------
    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        self._dispatch()

    def do_HEAD(self) -> None:  # noqa: N802
        self._dispatch()

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch()

    def _not_allowed(self) -> None:
        self._error(405, f"{self.command} is not allowed here", {"Allow": "GET, HEAD, POST"})

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _not_allowed  # noqa: N815

    def _dispatch(self) -> None:
        try:
            if not self._host_allowed():
                self._error(403, f"Host {self.headers.get('Host')!r} is not served here "
                            "(this server answers requests addressed to localhost)")
                return
            path = urlsplit(self.path).path
            if path == "/sparql":
                self._sparql()
            elif self.command == "POST":
                self._not_allowed()
            elif path in ("/", "/index.html"):
                self._page(index_page())
            elif path.startswith("/static/") and (page := asset(path[len("/static/"):])):
                self._page(page)
            elif path == "/api/queries":
                self._page(queries_json(self.server.public_limits()))
            elif path == "/explore":
                self._page(self.server.explorer.page())
            else:
                self._error(404, f"no page at {path} (try / or /sparql)")
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        except Exception:  # a bug must cost one request, not the server
            traceback.print_exc(file=sys.stderr)
            self.close_connection = True
            self._error(500, "internal error (see the server log)")

    def _host_allowed(self) -> bool:
        """Refuse DNS-rebinding requests: on loopback, only answer requests to a loopback name."""
        if not self.server.loopback:
            return True
        host = self.headers.get("Host")
        if host is None:
            return True
        name = urlsplit(f"//{host}").hostname or ""
        return name in LOOPBACK_NAMES or name.endswith(".localhost")

    # -- the SPARQL endpoint ------------------------------------------------
    def _body(self) -> bytes | None:
        """The POST body, or None after answering 411/413 (the connection is then closed)."""
        if self.command != "POST":
            return b""
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self.close_connection = True
            self._error(411, "send the body with a Content-Length (chunked is not accepted)")
            self._drain(DRAIN_LIMIT)
            return None
        try:
            length = int(self.headers.get("Content-Length", "0"))
            if length < 0:
                raise ValueError
        except ValueError:
            self.close_connection = True
            self._error(400, "bad Content-Length")
            return None
        cap = self.server.limits.max_body
        if length > cap:
            self.close_connection = True
            self._error(413, f"request body of {length} bytes is over the limit of {cap} bytes")
            self._drain(length)
            return None
        return self.rfile.read(length)

    def _drain(self, length: int) -> None:
        """Read (and drop) a refused body so the client gets to read the 4xx before the close."""
        self.wfile.flush()
        self.connection.settimeout(5)
        left = min(length, DRAIN_LIMIT)
        try:
            while left > 0 and (chunk := self.rfile.read1(min(left, 1 << 16))):
                left -= len(chunk)
        except OSError:
            pass

    def _sparql(self) -> None:
        body = self._body()
        if body is None:
            return
        limits = self.server.limits
        try:
            op = operation(self.command, urlsplit(self.path).query,
                           self.headers.get("Content-Type", ""), body)
            if op.kind == "update":
                self._update(op.text, op.form)
                return
            fmt = choose_format(op.form, op.params, self.headers.get("Accept", ""))
        except ProtocolError as err:
            self._error(err.status, str(err))
            return
        started = time.perf_counter()
        slot = self.server.slots.acquire(timeout=limits.timeout)
        if not slot:
            self._error(503, "the server is busy with other queries; try again",
                        {"Retry-After": "1"})
            return
        try:
            out = self.server.store.query(op.text, fmt, timeout=limits.timeout,
                                          max_rows=limits.max_rows,
                                          allow_service=limits.allow_service)
        except QuerySyntaxError as err:
            self._error(400, str(err))
            return
        except QueryRefused as err:
            self._error(403, str(err))
            return
        except QueryTimeout as err:
            # 408 closes the connection like every answer here, so browsers do not resend it
            self._error(408, str(err) or f"query stopped after {limits.timeout} s")
            return
        except QueryError as err:
            self._error(400, str(err))
            return
        finally:
            self.server.slots.release()
        headers = {"Vary": "Accept", "X-KG-Rows": str(out.rows),
                   "X-KG-Truncated": "true" if out.truncated else "false",
                   "X-KG-Time-Ms": f"{(time.perf_counter() - started) * 1000:.1f}"}
        if out.truncated:
            headers["X-KG-Row-Limit"] = str(limits.max_rows)
        self._send(200, out.body, out.content_type, headers=headers)

    def _update(self, text: str, keyword: str | None) -> None:
        limits = self.server.limits
        what = "LOAD" if keyword == "load" else "SPARQL Update"
        if not limits.allow_update:
            self._error(403, f"{what} is refused: this endpoint is read-only "
                        "(start kg serve with --allow-update to allow it)")
            return
        origin = self.headers.get("Origin")
        if origin and urlsplit(origin).netloc != self.headers.get("Host"):
            self._error(403, f"{what} from another origin ({origin}) is refused")
            return
        update = getattr(self.server.store, "update", None)
        if update is None:
            self._error(403, f"{what} is refused: the {self.server.store.backend} store "
                        "is read-only")
            return
        try:
            update(text)
        except QuerySyntaxError as err:
            self._error(400, str(err))
            return
        except QueryError as err:
            self._error(403, str(err))
            return
        self._send(204, b"", "text/plain; charset=utf-8")


class KGServer(ThreadingHTTPServer):
    """The server: ``start()`` serves in a thread (tests), ``serve_forever()`` in this one (CLI)."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def __init__(self, address: tuple[str, int], store: Store, limits: Limits,
                 explorer: Explorer, quiet: bool = False) -> None:
        host = address[0]
        if ":" in host:
            self.address_family = socket.AF_INET6
        self.store, self.limits, self.explorer, self.quiet = store, limits, explorer, quiet
        self.slots = threading.BoundedSemaphore(_slots(store, limits))
        self.loopback = _is_loopback(host)
        self.counts: Counter[tuple[str, int | str]] = Counter()  # (path, status) -> requests
        self.count_lock = threading.Lock()
        self._thread: threading.Thread | None = None
        super().__init__(address, Handler)  # binds (and on failure calls server_close)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        shown = f"[{host}]" if ":" in str(host) else host
        return f"http://{shown}:{port}/"

    def public_limits(self) -> dict[str, object]:
        return {k: v for k, v in asdict(self.limits).items() if k != "max_concurrent"}

    def start(self) -> threading.Thread:
        self._thread = threading.Thread(target=self.serve_forever, name="kg-serve", daemon=True)
        self._thread.start()
        return self._thread

    def stop(self) -> None:
        """Stop serving, close the socket and remove the explorer's temp files."""
        if self._thread is not None:
            self.shutdown()
            self._thread.join()
            self._thread = None
        self.server_close()

    def server_close(self) -> None:
        super().server_close()
        self.explorer.close()


def _slots(store: Store, limits: Limits) -> int:
    """Queries allowed to run at once. rdflib's SPARQL parser (pyparsing) is not thread-safe:
    concurrent parses fail at random and can leave it broken for every later query, so rdflib
    queries that run in this process (no time limit, hence no fork) go one at a time."""
    from .forked import CAN_FORK

    if store.backend == "rdflib" and (limits.timeout is None or not CAN_FORK):
        return 1
    return max(1, limits.max_concurrent)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def make_server(store: Store, host: str = "127.0.0.1", port: int = 8000, *,
                limits: Limits | None = None, explore: str | Path | None = None,
                title: str = "kg", quiet: bool = False) -> KGServer:
    """A bound (not yet serving) server; ``port=0`` picks a free port (see ``.url``).

    ``explore`` is a page made by ``kg.html.write_html`` to serve at /explore; without it the page
    is made from the store on the first request.
    """
    explorer = Explorer(store, Path(explore) if explore else None, title=title)
    return KGServer((host, port), store, limits or Limits(), explorer, quiet=quiet)


def _explorer_file(graph: Path) -> Path | None:
    """graph.html beside graph.ttl, if it is at least as new as the graph."""
    ttl = graph / "graph.ttl" if graph.is_dir() else graph
    html = ttl.with_suffix(".html")
    if html.is_file() and ttl.is_file() and html.stat().st_mtime >= ttl.stat().st_mtime:
        return html
    return None


def serve(graph: str | Path, host: str = "127.0.0.1", port: int = 8000, *,
          backend: str = "auto", limits: Limits | None = None, title: str = "kg",
          quiet: bool = False) -> int:
    """Open the graph and serve it until Ctrl-C (or SIGTERM); returns an exit status."""
    from .store import StoreError, open_store

    graph = Path(graph)
    try:
        store = open_store(graph, backend)
    except (StoreError, FileNotFoundError) as err:
        print(f"kg: {err}", file=sys.stderr)
        return 2
    try:
        server = make_server(store, host, port, limits=limits, explore=_explorer_file(graph),
                             title=title, quiet=quiet)
    except OSError as err:
        print(f"kg: cannot listen on {host}:{port} ({err.strerror or err})", file=sys.stderr)
        return 2
    if server.limits.allow_update and not hasattr(store, "update"):
        print(f"kg: warning: the {store.backend} store is read-only; updates will be refused",
              file=sys.stderr)
    if not server.loopback:
        print(f"kg: warning: listening on {host}: other machines can query this graph",
              file=sys.stderr)
    print(f"kg: serving {graph} ({len(store)} triples, {store.backend}) at {server.url}\n"
          f"kg: SPARQL endpoint {server.url}sparql  (Ctrl-C to stop)", flush=True)

    def stop(_signum, _frame) -> None:
        raise KeyboardInterrupt

    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, stop) if main else None  # only main may set it
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("kg: stopped", file=sys.stderr)
    finally:
        if main:
            signal.signal(signal.SIGTERM, previous)
        server.server_close()
    return 0
