"""Shared fixtures. The pkuseg model loads once per test session (about 3 s, 800 MB)."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from kg.model import Document

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def make_doc(text: str, name: str = "t.txt") -> Document:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(digest[:16], name, name, text, "utf-8", digest)


@pytest.fixture(scope="session")
def extract():
    """Extract one text with the real pipeline; returns the DocResult."""
    from kg.extract.run import extract_document
    from kg.nlp import get_pipeline

    nlp = get_pipeline()

    def run(text: str, name: str = "t.txt"):
        return extract_document(make_doc(text, name), nlp)

    return run


@pytest.fixture(scope="session")
def sample_kg(tmp_path_factory):
    """The bundled sample corpus, built once through the library API and saved."""
    import kg

    graph = kg.build()
    out = tmp_path_factory.mktemp("sample")
    graph.save(out)
    return graph, out


@pytest.fixture(scope="session")
def sample_stores(sample_kg):
    """The saved sample graph in each store backend (tests/test_store*.py)."""
    from kg.store import BACKENDS, open_store

    return {b: open_store(sample_kg[1], b) for b in BACKENDS}


@pytest.fixture(scope="session")
def synth_stores(tmp_path_factory):
    """A 20,000-triple synthetic kg-shaped graph (kg/store_synth.py) in each store backend."""
    from kg.store import BACKENDS, open_store
    from kg.store_synth import write_synthetic

    path = write_synthetic(tmp_path_factory.mktemp("synth") / "graph.nt", 20_000)
    return {b: open_store(path, b) for b in BACKENDS}


def facts_of(result, kind: str) -> list[dict[str, str]]:
    return [dict(f.args) for f in result.facts if f.kind == kind]


def names_of(result, label: str) -> set[str]:
    return {m.text for m in result.mentions if m.label == label}


def delegates_of(result) -> set[str]:
    return {f["person"] for f in facts_of(result, "delegate")}


def roles_of(result) -> set[tuple[str, str, str]]:
    """(person, org, title) of each role."""
    return {(f["person"], f["org"], f["title"]) for f in facts_of(result, "role")}


def honours_of(result) -> set[tuple[str, str]]:
    return {(f["person"], f["honour"]) for f in facts_of(result, "honour")}


def same_surface(original: str, start: int, end: int, text: str) -> bool:
    """Does ``original[start:end]`` say ``text`` once normalised (script, joined lines)?"""
    import re

    from kg.normalise import to_simplified

    def squash(s: str) -> str:
        return re.sub(r"[ \t]*\n[ \t\n]*", "", s)

    # mentions keep the text's own characters; compare both in simplified form
    return squash(to_simplified(original[start:end])) == squash(to_simplified(text))


def as_nobody(check: Callable[[], list[str]]) -> list[str]:
    """Run ``check`` in a child that gave up root (root reads files whatever their mode);
    its result comes back as JSON."""
    if os.geteuid() != 0:
        return check()
    read_fd, write_fd = os.pipe()
    if (pid := os.fork()) == 0:  # child: never returns into pytest
        try:
            os.setgid(65534)
            os.setuid(65534)
            result: object = check()
        except BaseException as err:  # reported to the parent, which fails the test
            result = repr(err)
        os.write(write_fd, json.dumps(result).encode())
        os._exit(0)
    os.close(write_fd)
    with os.fdopen(read_fd, "rb") as pipe:
        output = pipe.read()
    os.waitpid(pid, 0)
    return json.loads(output)


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    """Debian's headless chromium driven by Playwright (the test skips without either)."""
    import importlib.util

    if importlib.util.find_spec("playwright") is None:
        pytest.skip("playwright is not installed (pip install playwright)")
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium missing (apt-get install chromium fonts-noto-cjk)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


def open_watched(browser, url: str, ready: str, allowed: tuple[str, ...], timeout: int):
    """Open ``url`` and wait for ``ready``, recording console errors, page errors, dialogs
    and requests to anything outside ``allowed`` (which are refused)."""
    seen: dict[str, list[str]] = {"console": [], "page": [], "dialog": [], "remote": []}
    context = browser.new_context(viewport={"width": 1280, "height": 800})

    def route(r) -> None:
        if r.request.url.startswith(allowed):
            r.continue_()
        else:
            seen["remote"].append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and seen["console"].append(m.text))
    page.on("pageerror", lambda e: seen["page"].append(str(e)))

    def on_dialog(d) -> None:
        seen["dialog"].append(d.message)
        d.dismiss()

    page.on("dialog", on_dialog)
    page.goto(url)
    page.wait_for_selector(ready, state="attached", timeout=timeout)
    return page, seen
