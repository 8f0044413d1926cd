"""The SPARQL answer page speaks the reader's language, and every CSV offered to people opens in a
spreadsheet with å, ä and ö.

The page a browser gets from ``/sparql`` (and the page of a query that cannot be run) is in the
language of the page the query comes from (every link and form to the endpoint carries ``lang``),
else in the one ``Accept-Language`` prefers, as ``/`` chooses; it links to the same query's page in
the other language. Every CSV a page offers (the lists', the answer page's download) begins with a
byte order mark (docs/tables.md); the protocol's CSV a program asks for by ``Accept`` has none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import httpx
import pytest
from serving import serving

from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
QUERY = "SELECT ?m ?t WHERE { ?m <http://purl.org/dc/terms/title> ?t } ORDER BY ?m LIMIT 3"
BOM = b"\xef\xbb\xbf"


@pytest.fixture(scope="module")
def client(fixture_release: Path) -> Iterator[httpx.Client]:
    app = create_app(fixture_release, Settings(timeout=10, query_workers=1))
    with serving(app) as root, httpx.Client(base_url=root, timeout=30) as c:
        yield c


def _page(client: httpx.Client, params: dict[str, str], language: str | None = None) -> httpx.Response:
    headers = {"accept": BROWSER}
    if language:
        headers["accept-language"] = language
    return client.get("/sparql", params=params, headers=headers)


def _lang(page: str) -> str:
    found = re.search(r'<html lang="([a-z]+)"', page)
    assert found, page[:200]
    return found[1]


def _switch(page: str) -> dict[str, list[str]]:
    found = re.search(r'<a class="language"[^>]*href="([^"]+)"', page)
    assert found, "no language switch"
    return parse_qs(urlsplit(unescape(found[1])).query)


@pytest.mark.parametrize(
    ("params", "language", "expected"),
    [
        ({"query": QUERY}, None, "sv"),
        ({"query": QUERY}, "en-GB,en;q=0.9", "en"),
        ({"query": QUERY}, "sv,en;q=0.5", "sv"),
        ({"query": QUERY, "lang": "en"}, None, "en"),
        ({"query": QUERY, "lang": "en"}, "sv", "en"),  # the page the query comes from wins
        ({"query": QUERY, "lang": "sv"}, "en", "sv"),
        ({"query": QUERY, "lang": "xx"}, "en", "en"),  # not a language of the site: the header chooses
        ({"query": "SELEC x"}, "en", "en"),  # the error page too
        ({"query": "SELEC x", "lang": "en"}, None, "en"),
        ({"query": "SELEC x", "lang": "sv"}, "en", "sv"),
    ],
)
def test_the_answer_page_is_in_the_readers_language(
    client: httpx.Client, params: dict[str, str], language: str | None, expected: str
) -> None:
    answer = _page(client, params, language)
    assert answer.headers["content-type"].startswith("text/html"), answer.text[:200]
    assert _lang(answer.text) == expected
    assert "Accept-Language" in answer.headers["vary"]
    heading = re.search(r"<h1>(.*?)</h1>", answer.text)
    assert heading
    words = {"sv": ("Svar på SPARQL-frågan", "Frågan kunde inte köras"), "en": ("The answer", "could not be run")}
    assert words[expected][0 if answer.status_code == 200 else 1] in heading[1], heading[1]
    other = "en" if expected == "sv" else "sv"
    switch = _switch(answer.text)
    assert switch["lang"] == [other] and switch["query"] == [params["query"]]
    assert _lang(_page(client, {"query": params["query"], "lang": other}).text) == other
    # the form to run it again keeps the page's language
    assert f'<input type="hidden" name="lang" value="{expected}">' in answer.text


def test_answers_kept_for_one_language_are_not_given_in_the_other(client: httpx.Client) -> None:
    query = QUERY.replace("LIMIT 3", "LIMIT 2")
    for _ in range(2):  # the second round from the kept answers
        assert _lang(_page(client, {"query": query}, "en").text) == "en"
        assert _lang(_page(client, {"query": query}, "sv").text) == "sv"
        assert _lang(_page(client, {"query": query, "lang": "en"}, "sv").text) == "en"


@pytest.mark.parametrize("start", ["/en/", "/en/query.html", "/", "/query.html"])
def test_every_way_to_the_endpoint_from_a_page_names_its_language(client: httpx.Client, start: str) -> None:
    lang = "en" if start.startswith("/en/") else "sv"
    page = client.get(start).text
    runs = [unescape(h) for h in re.findall(r'href="([^"]*sparql\?[^"]*)"', page)]
    assert runs, f"{start}: no link runs a query"
    for href in runs:
        assert parse_qs(urlsplit(href).query)["lang"] == [lang], href
        answer = _page(
            client, dict((k, v[0]) for k, v in parse_qs(urlsplit(href).query).items()), "sv" if lang == "en" else "en"
        )
        assert _lang(answer.text) == lang, href
    for form in re.findall(r'<form[^>]*action="[^"]*sparql"[^>]*>.*?</form>', page, re.S):
        assert f'<input type="hidden" name="lang" value="{lang}">' in form, form[:300]
    if "query.html" in start:  # the saved queries' buttons build the link in the script
        assert f'data-lang="{lang}"' in page


def _csv_links(page: str, here: str) -> list[str]:
    links = [unescape(h) for h in re.findall(r'href="([^"]+)"', page)]
    return [urljoin(here, h) for h in links if h.endswith(".csv") or "format=csv" in h]


def test_a_csv_with_csvw_metadata_has_no_byte_order_mark_and_the_answer_page_s_has_one(client: httpx.Client) -> None:
    # the release's tables and the lists' CSV are described by CSVW metadata (dialect: utf-8), which CSVW
    # tools read from their URLs only without a mark (docs/tables.md); the answer page's CSV has no
    # metadata and is for a spreadsheet, which reads UTF-8 by the mark
    pages = ["/", "/en/", "/lists/meetings.html", "/en/lists/organisations.html"]
    answer = _page(client, {"query": QUERY, "lang": "sv"})
    offered = {u for p in pages for u in _csv_links(client.get(p).text, p)}
    from_answer = _csv_links(answer.text, "/sparql")
    assert from_answer, "the answer page offers no CSV"
    assert len(offered) >= 4
    for url in sorted(offered | set(from_answer)):
        got = client.get(url, headers={"accept": BROWSER})
        assert got.status_code == 200 and got.headers["content-type"].startswith("text/csv"), url
        marked = url in from_answer
        assert got.content.startswith(BOM) == marked, f"{url}: {got.content[:20]!r}"
        text = got.content.decode("utf-8-sig" if marked else "utf-8")
        # a header row of column names (the start page offers every table of the release too)
        assert re.match(r"[a-z_]+(,[a-z_]+)*\r\n", text), text[:40]


def test_a_program_gets_the_protocols_csv_without_one(client: httpx.Client) -> None:
    for asked in (
        {"params": {"query": QUERY}, "headers": {"accept": "text/csv"}},
        {"params": {"query": QUERY, "format": "csv"}, "headers": {}},  # SPARQLWrapper sends format=csv
        {"params": {"query": QUERY, "format": "csv", "output": "csv"}, "headers": {"accept": "text/csv"}},
    ):
        got = client.get("/sparql", **asked)
        assert got.status_code == 200 and got.content.startswith(b"m,t\r\n"), (asked, got.content[:20])
    # a graph's "CSV" link is N-Triples: no mark before it
    graph = _page(client, {"query": "CONSTRUCT WHERE { ?s a ?o } LIMIT 2", "lang": "en"})
    for url in _csv_links(graph.text, "/sparql") + [
        h for h in re.findall(r'href="([^"]+)"', unescape(graph.text)) if "format=csv" in h
    ]:
        assert not client.get(urljoin("/sparql", url)).content.startswith(BOM), url
