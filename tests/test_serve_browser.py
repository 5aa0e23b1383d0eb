"""kg serve in a real headless browser: the query page works under its CSP, shows data as text."""

from __future__ import annotations

import pytest
from conftest import open_watched
from test_serve import CROSS, NAMES, PEOPLE, XSS, people_graph

from kg.serve import Limits, make_server
from kg.store import open_store

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server():
    srv = make_server(open_store(people_graph(), "rdflib"), "127.0.0.1", 0, quiet=True,
                      limits=Limits(timeout=20))
    srv.start()
    yield srv
    srv.stop()


def _open(browser, url: str, ready: str):
    """Open a page of the server, recording console errors, page errors, dialogs, other hosts."""
    return open_watched(browser, url, ready, (url,), 30_000)


def _run(page) -> None:
    page.click("#run")
    # selectors, not wait_for_function: the page's CSP forbids the eval that would need
    page.wait_for_selector("body[data-state=done], body[data-state=error]", state="attached",
                           timeout=30_000)


def _cells(page) -> list[list[str]]:
    return page.eval_on_selector_all(
        "#table tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))")


def test_named_query_fills_the_table(browser, server) -> None:
    page, seen = _open(browser, server.url, "body[data-ready='1']")
    options = page.eval_on_selector_all("#examples option", "os => os.map(o => o.value)")
    assert {"delegates", "entities", "statistics"} <= set(options)
    page.select_option("#examples", "delegates")
    assert "kg:delegateTo" in page.input_value("#sparql")
    assert page.inner_text("#example-help").strip()
    _run(page)
    assert page.get_attribute("body", "data-state") == "done", page.inner_text("#error")
    assert page.eval_on_selector_all("#table thead th", "hs => hs.map(h => h.textContent)") == [
        "person"]
    assert sorted(c[0] for c in _cells(page)) == sorted(PEOPLE)
    # a malformed query shows the server's message, and the next query works again
    page.fill("#sparql", "SELECT ?x WHERE { ?x ?p }")
    _run(page)
    assert page.get_attribute("body", "data-state") == "error"
    assert page.inner_text("#error").startswith("400 ")
    page.select_option("#examples", "delegates")
    _run(page)
    assert len(_cells(page)) == len(PEOPLE)
    refused = "Failed to load resource: the server responded with a status of 400 (Bad Request)"
    assert seen == {"console": [refused], "page": [], "dialog": [], "remote": []}
    page.context.close()


def test_markup_in_results_stays_text(browser, server) -> None:
    page, seen = _open(browser, server.url, "body[data-ready='1']")
    scripts = page.locator("script").count()
    page.fill("#sparql", NAMES)
    _run(page)
    cells = [c[0] for c in _cells(page)]
    assert sorted(cells) == sorted(PEOPLE) and all(x in cells for x in XSS)
    assert page.locator("#results img").count() == 0 and page.locator("img").count() == 0
    assert page.locator("#results script").count() == 0
    assert page.locator("script").count() == scripts
    # and as CONSTRUCT output, shown as Turtle text
    page.fill("#sparql", "CONSTRUCT { ?p <https://schema.org/name> ?n } "
              "WHERE { ?p <https://schema.org/name> ?n }")
    _run(page)
    assert all(x in page.inner_text("#graph") for x in XSS)
    assert page.locator("img").count() == 0
    page.wait_for_timeout(300)  # give a smuggled onerror handler the time to fire
    assert seen == {"console": [], "page": [], "dialog": [], "remote": []}
    page.context.close()


def test_explorer_draws_under_the_served_csp(browser, server) -> None:
    page, seen = _open(browser, server.url, "body[data-ready='1']")
    page.click("a[href='/explore']")
    page.wait_for_selector("body[data-drawn='1']", state="attached", timeout=30_000)
    assert page.evaluate("network.body.data.nodes.length") == len(PEOPLE) + 1
    assert page.locator("img").count() == 0
    assert seen == {"console": [], "page": [], "dialog": [], "remote": []}
    page.context.close()


def test_slow_query_is_408_and_sent_once(browser) -> None:
    """A timed-out query shows its 408, and the server received it once. Chromium resends a
    request whose 408 came on a reused keep-alive connection; the page's own loads, then an
    earlier query, would give it one to reuse if the server kept connections open."""
    srv = make_server(open_store(people_graph(filler=300), "rdflib"), "127.0.0.1", 0, quiet=True,
                      limits=Limits(timeout=0.5))
    srv.start()
    try:
        page, seen = _open(browser, srv.url, "body[data-ready='1']")
        for n in (1, 2):
            page.fill("#sparql", CROSS)
            _run(page)
            assert page.get_attribute("body", "data-state") == "error"
            assert page.inner_text("#error").startswith("408 ")
            assert "time limit" in page.inner_text("#error")
            page.wait_for_timeout(500)
            assert srv.counts[("/sparql", 408)] == n  # a resend would be answered 408 as well
            page.fill("#sparql", NAMES)
            _run(page)
            assert len(_cells(page)) == len(PEOPLE)
        assert srv.counts[("/sparql", 200)] == 2
        timed_out = ("Failed to load resource: the server responded with a status of 408 "
                     "(Request Timeout)")
        assert seen == {"console": [timed_out] * 2, "page": [], "dialog": [], "remote": []}
        page.context.close()
    finally:
        srv.stop()
