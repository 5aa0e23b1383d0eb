"""Work in a forked child: a query with a hard time limit, or a page written beside the Turtle.

Neither backend can cancel a running query: pyoxigraph evaluates inside Rust
with no interrupt hook, and one ``next()`` on its iterator can run a whole
cross product or GROUP BY; rdflib's evaluator is pure Python with no deadline.
Checking a deadline between result rows therefore does not bound the time, and
a query thread left behind keeps burning a core. So each query with a time limit
runs in a child made by ``os.fork()``: it shares the loaded graph copy-on-write
(no reload, no second copy of the data), sends its serialised result back over a
pipe, and is killed with SIGKILL when the deadline passes. Measured cost per
query at 1M triples: about 30 ms with Oxigraph, 0.1-0.4 s with rdflib, whose big
Python heap takes longer to fork (benchmarks/sparql.py). A fork from a threaded
server is safe here because the child only evaluates, pickles and writes to its
pipe; should it ever block on a lock another thread held at fork time, the deadline
still kills it. Concurrent queries each get their own child.

Where ``os.fork`` does not exist the query runs in-process and the deadline is
only checked afterwards (documented limitation).

``in_background`` uses the same child for work that needs no deadline but a second
core: a build writes its HTML page in a child while it writes the Turtle (both read
the built graph, which the child shares copy-on-write).
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
CAN_FORK = hasattr(os, "fork")


class WorkerTimeout(Exception):
    """The child ran past the deadline and was killed."""


class WorkerDied(Exception):
    """The child exited without an answer (killed by the OS, out of memory...)."""


def _child(fn: Callable[[], T], w: int) -> None:
    try:
        try:
            out = ("ok", fn())
        except BaseException as err:  # sent to the parent, which re-raises it
            try:
                pickle.dumps(err)
                out = ("err", err)
            except Exception:
                out = ("err", RuntimeError(" ".join(str(err).split())))
        data = pickle.dumps(out, protocol=pickle.HIGHEST_PROTOCOL)
        view = memoryview(len(data).to_bytes(8, "big") + data)
        while view:
            view = view[os.write(w, view):]
    finally:
        os._exit(0)


def _reap(pid: int) -> int:
    _, status = os.waitpid(pid, 0)
    return status


def _start(fn: Callable[[], T]) -> tuple[int, int]:
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        os.close(r)
        _child(fn, w)
    os.close(w)
    return pid, r


def _collect(pid: int, r: int, deadline: float | None) -> T:
    """The child's answer (its exception raised here); WorkerTimeout past ``deadline``."""
    buf = bytearray()
    need = 8  # a length header, then the pickled answer: a pipe copy held by a
    done = False  # concurrently forked sibling would keep EOF from ever coming
    try:
        while True:
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                raise WorkerTimeout
            ready, _, _ = select.select([r], [], [], left)
            if not ready:
                continue
            chunk = os.read(r, 1 << 20)
            if not chunk:
                break
            buf += chunk
            if need == 8 and len(buf) >= 8:
                need += int.from_bytes(buf[:8], "big")
            if len(buf) >= need > 8:
                break
        done = True
    finally:
        os.close(r)
        if not done:  # timeout, or the caller was interrupted: stop the child now
            os.kill(pid, signal.SIGKILL)
        status = _reap(pid)
    if need == 8 or len(buf) < need:
        raise WorkerDied(f"worker exited without an answer (status {status})")
    kind, value = pickle.loads(bytes(buf[8:need]))
    if kind == "err":
        raise value
    return value


def run_with_timeout(fn: Callable[[], T], timeout: float) -> T:
    """``fn()`` in a forked child; WorkerTimeout if it takes longer than ``timeout`` s."""
    if not CAN_FORK:
        start = time.monotonic()
        value = fn()
        if time.monotonic() - start > timeout:
            raise WorkerTimeout
        return value
    return _collect(*_start(fn), time.monotonic() + timeout)


def in_background(fn: Callable[[], T]) -> Callable[[], T]:
    """Start ``fn()`` in a forked child and return a function that waits for its value
    (raising what it raised). Without ``os.fork`` it runs now, in this process."""
    if not CAN_FORK:
        try:
            value = fn()
        except BaseException as err:
            failed = err

            def fail() -> T:
                raise failed
            return fail
        return lambda: value
    pid, r = _start(fn)
    return lambda: _collect(pid, r, None)
