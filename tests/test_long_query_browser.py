"""A long SPARQL query run by a person in headless Chromium (Debian's ``chromium``): from the query
editor (/en/query.html) and from the start page's small form it reaches the English answer page (the
form is sent by POST: its address would be longer than the server takes), whose CSV download and
language switch, forms sent by POST, work, and whose link to the editor opens it with the query
(docs/query-and-serve.md)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from devtools import DevTools
from test_long_query import ORG, long_query

from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings


@pytest.fixture(scope="module")
def server_url(fixture_release: Path) -> Iterator[str]:
    from serving import serving

    with serving(create_app(fixture_release, Settings(timeout=30))) as root:
        yield root


_ANSWERED = "location.pathname === '/sparql' && document.readyState === 'complete' && !!document.querySelector('main')"
_FIELDS = "(f => [...new FormData(f)].map(([n, v]) => [n, v]))"


def _answer_page_works(browser: DevTools, server_url: str, query: str) -> None:
    """The English answer page of ``query``, reached by POST, lists its rows; its CSV, asked by its
    form, is the file; its language switch gives the Swedish page."""
    assert browser.evaluate("location.search") == ""  # sent by POST: nothing of it in the address
    assert browser.evaluate("document.documentElement.lang") == "en"
    rows = browser.evaluate("document.querySelectorAll('table.answer tbody tr').length")
    assert rows >= 1 and ORG in browser.evaluate("document.querySelector('table.answer').innerHTML")
    assert browser.evaluate("document.getElementById('query').value") == query.replace("\r\n", "\n")
    fields = browser.evaluate(
        f"{_FIELDS}([...document.querySelectorAll('form.as-link')].find(f => f.textContent.trim() === 'CSV'))"
    )
    assert ["format", "csv"] in fields
    csv = httpx.post(server_url + "/sparql", data=dict(fields), timeout=60)
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    assert csv.headers["content-disposition"] == 'attachment; filename="sparql-answer.csv"'
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("org,name,meeting") and len(lines) - 1 == rows
    # the download's button reads as the link it stands for: the accent colour, underlined
    look = browser.evaluate(
        "(() => { const b = document.querySelector('form.as-link button.download'); const s = getComputedStyle(b);"
        " return [s.textDecorationLine, s.borderTopStyle, s.backgroundColor]; })()"
    )
    assert look[0] == "underline" and look[1] == "none" and look[2] in ("rgba(0, 0, 0, 0)", "transparent"), look
    browser.follow("document.querySelector('header form.as-link button').click()")
    browser.wait_until(_ANSWERED + " && document.documentElement.lang === 'sv'", timeout=60)
    assert browser.evaluate("document.querySelectorAll('table.answer tbody tr').length") == rows


def test_a_long_query_run_from_the_editor_reaches_the_answer_page(browser: DevTools, server_url: str) -> None:
    query = long_query()
    assert not browser.load(server_url + "/en/query.html")
    browser.wait_until("!!window.sakradEditor")
    browser.follow(
        f"window.sakradEditor.setValue({json.dumps(query)}); "
        "document.querySelector('#sparql-form button[type=submit]').click()"
    )
    browser.wait_until(_ANSWERED, timeout=60)
    _answer_page_works(browser, server_url, query)
    # the Swedish answer's link to the editor opens the editor with the query (in its fragment)
    browser.follow("document.querySelector('form.sparql a[href*=\"query.html\"]').click()")
    browser.wait_until("location.pathname === '/query.html' && !!window.sakradEditor", timeout=30)
    assert browser.evaluate("window.sakradEditor.getValue()") == query


def test_the_editor_opens_with_the_query_its_address_names(browser: DevTools, server_url: str) -> None:
    assert not browser.load(server_url + "/en/query.html?query=ASK%20%7B%7D")
    browser.wait_until("!!window.sakradEditor")
    assert browser.evaluate("window.sakradEditor.getValue()") == "ASK {}"


def test_a_long_query_run_from_the_start_pages_form_reaches_the_answer_page(browser: DevTools, server_url: str) -> None:
    query = long_query()
    assert not browser.load(server_url + "/en/")
    browser.follow(
        f"document.querySelector('form.sparql textarea').value = {json.dumps(query)}; "
        "document.querySelector('form.sparql button[type=submit]').click()"
    )
    browser.wait_until(_ANSWERED, timeout=60)
    _answer_page_works(browser, server_url, query)


def test_a_short_query_from_the_editor_is_still_an_address(browser: DevTools, server_url: str) -> None:
    assert not browser.load(server_url + "/en/query.html")
    browser.wait_until("!!window.sakradEditor")
    browser.follow("document.querySelector('#sparql-form button[type=submit]').click()")
    browser.wait_until(_ANSWERED, timeout=60)
    assert "query=" in browser.evaluate("location.search")  # a short query's answer can be linked to
