"""The served pages as people meet them: every internal link works, and Chromium shows no console error.

A crawl starts at ``/`` and follows every internal link (``href``/``src``) a browser would, checking
each answers 200 and that each ``#fragment`` names an element on its page. Headless Chromium
(Debian's ``chromium``, installed by ``.ci/run``) loads the pages; the console errors, uncaught
exceptions and failed loads are read over the Chrome DevTools Protocol. In it a person searches,
filters the list of sakråd, follows a CSV download link, switches the language and runs a saved
query with a parameter; at a phone's width (390 px) no kind of page scrolls sideways.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from urllib.parse import unquote, urljoin, urlsplit

import httpx
import pytest
from devtools import DevTools

MEETING = "2017-12-12-integration"
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("href", "src") or (name == "action" and tag == "form"):
                self.links.append(value)
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)


def test_crawl_from_the_start_page_finds_no_broken_link(server_url: str) -> None:
    root = urlsplit(server_url)
    seen: dict[str, set[str]] = {}  # page (path?query) → ids on it
    fragments: list[tuple[str, str, str]] = []  # (from, to, fragment)
    queue, queued = ["/"], {"/"}
    broken = []
    with httpx.Client(
        base_url=server_url, headers={"accept": BROWSER_ACCEPT}, follow_redirects=True, timeout=30
    ) as client:
        while queue:
            page = queue.pop(0)
            response = client.get(page)
            if response.status_code != 200:
                broken.append(f"{page}: {response.status_code}")
                continue
            if not response.headers["content-type"].startswith("text/html"):
                seen[page] = set()
                continue
            parser = _Links()
            parser.feed(response.text)
            seen[page] = parser.ids
            for link in parser.links:
                target = urlsplit(urljoin(server_url + page, link))
                if target.scheme not in ("http", "https") or target.netloc != root.netloc:
                    continue  # a link out of the site, or mailto:/data:
                path = target.path + (f"?{target.query}" if target.query else "")
                if target.fragment:
                    fragments.append((page, path, unquote(target.fragment)))
                if path not in queued:
                    queued.add(path)
                    queue.append(path)
            assert len(queued) < 5000, "the crawl does not end"
    assert not broken, "broken links:\n" + "\n".join(broken)
    assert any(p.startswith("/doc/meeting/") for p in seen) and any(p.startswith("/download/") for p in seen)
    assert any(p.startswith("/sparql?") for p in seen) and "/ontology.html" in seen
    assert "/lists/meetings.csv" in seen and "/search.html" in seen and "/en/index.html" in seen
    missing = [
        f"{src} → {dst}#{frag}" for src, dst, frag in fragments if dst in seen and seen[dst] and frag not in seen[dst]
    ]
    assert not missing, "links to fragments that are not on their page:\n" + "\n".join(sorted(set(missing))[:30])


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/index.html", "Sakråd"),
        ("/", "Sakråd"),  # the browser asks for Swedish (--accept-lang below)
        (f"/id/meeting/{MEETING}", "Sakråd den 12 december 2017"),
    ],
)
def test_chromium_loads_the_page_without_console_errors(
    browser: DevTools, server_url: str, path: str, heading: str
) -> None:
    problems = browser.load(server_url + path)
    assert not problems, f"{path}:\n" + "\n".join(problems)
    assert heading in (browser.evaluate("document.querySelector('h1').textContent") or "")
    assert browser.evaluate("document.readyState") == "complete"
    if path.startswith("/id/"):  # the IRI of the sakråd was redirected to its page
        assert browser.evaluate("location.pathname") == f"/doc/meeting/{MEETING}.html"
        assert browser.evaluate("document.querySelectorAll('ol.questions li').length") == 4


def test_the_devtools_probe_sees_a_console_error(browser: DevTools, server_url: str) -> None:
    """The check above could fail: a page that logs an error is caught."""
    browser.load(server_url + "/")
    browser.events.clear()
    browser.evaluate("console.error('probe')")
    browser.settle(0.3)
    assert any(e.get("method") == "Runtime.consoleAPICalled" and e["params"]["type"] == "error" for e in browser.events)
    assert any(p.startswith("HTTP 404") for p in browser.load(server_url + "/no/such/page"))


#: One page of each kind, as a path on the server.
PAGE_KINDS = [
    "/",
    f"/doc/meeting/{MEETING}.html",
    "/doc/organisation/radda-barnen.html",
    "/doc/person/anders-kessling.html",
    "/doc/body/arbetsmarknadsdepartementet.html",
    "/role.html",
    "/ontology.html",
    "/lists/meetings.html",
    "/lists/organisations.html",
    "/lists/people.html",
    "/lists/bodies.html",
    "/lists/meetings/year/2017.html",
    "/search.html?q=r%C3%A4dda",
    "/query.html",
    f"/en/doc/meeting/{MEETING}.html",
    "/en/index.html",
    "/no/such/page",
]


def test_no_page_scrolls_sideways_on_a_phone(browser: DevTools, server_url: str) -> None:
    browser.width(390)
    try:
        wide = []
        for path in PAGE_KINDS:
            browser.load(server_url + path)
            sizes = browser.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            assert sizes[1] == 390, (path, sizes)  # the layout viewport is the phone's width (meta viewport)
            if sizes[0] > sizes[1]:
                wide.append(f"{path}: {sizes[0]} px wide on a {sizes[1]} px screen")
        assert not wide, "\n".join(wide)
    finally:
        browser.width(1280, 900)


def test_the_probe_sees_a_page_that_scrolls_sideways(browser: DevTools, server_url: str) -> None:
    """The check above could fail: a page made wider than the phone is caught."""
    browser.width(390)
    try:
        browser.load(server_url + "/")
        browser.evaluate(
            "document.body.appendChild(Object.assign(document.createElement('div'), "
            "{style: 'width: 900px; height: 10px'})).offsetWidth"
        )
        assert browser.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")
    finally:
        browser.width(1280, 900)


def test_a_person_searches_with_or_without_swedish_letters(browser: DevTools, server_url: str) -> None:
    for typed in ("rädda", "RADDA barnen", "Radda"):
        assert not browser.load(server_url + "/search.html")
        browser.evaluate(
            f"var q = document.getElementById('q'); q.value = {json.dumps(typed)}; "
            "q.dispatchEvent(new Event('input')); true"
        )
        names = browser.wait_until("[...document.querySelectorAll('#results a')].map(a => a.textContent)")
        assert "Rädda Barnen" in names, (typed, names)
    browser.follow("document.querySelector('#results a').click()")
    browser.wait_until("location.pathname.startsWith('/doc/')")
    problems = browser.load(server_url + "/search.html?q=802002-8711")  # an organisation number, as typed
    assert not problems, problems
    found = browser.wait_until("[...document.querySelectorAll('#results a')].map(a => a.getAttribute('href'))")
    assert any("organisation/" in h for h in found), found


def test_a_person_filters_the_sakrad_by_year_and_downloads_the_csv(browser: DevTools, server_url: str) -> None:
    assert not browser.load(server_url + "/lists/meetings.html")
    year = browser.evaluate("document.querySelector('#facet-year a').textContent")
    browser.follow("document.querySelector('#facet-year a').click()")
    browser.wait_until(f"location.pathname === '/lists/meetings/year/{year}.html'")
    browser.wait_until("document.readyState === 'complete'")
    dates = browser.evaluate("[...document.querySelectorAll('table.list td.date')].map(td => td.textContent)")
    assert dates and all(d.startswith(year) for d in dates), dates
    href = browser.evaluate("document.querySelector('a[download][type=\"text/csv\"]').href")
    response = httpx.get(href)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("id,iri,date,month,year,date_kind,days,title") and len(lines) == 1 + len(dates)


def test_the_language_switch_and_accept_language(browser: DevTools, server_url: str) -> None:
    assert not browser.load(server_url + f"/doc/meeting/{MEETING}.html")
    assert browser.evaluate("document.documentElement.lang") == "sv"
    browser.follow("document.querySelector('a.language').click()")
    browser.wait_until(f"location.pathname === '/en/doc/meeting/{MEETING}.html'")
    browser.wait_until("document.readyState === 'complete'")
    assert browser.evaluate("document.documentElement.lang") == "en"
    assert browser.evaluate("document.querySelector('a.language').textContent") == "Svenska"
    english = httpx.get(server_url + "/", headers={"accept-language": "en-GB,en;q=0.9,sv;q=0.5"}, follow_redirects=True)
    swedish = httpx.get(server_url + "/", headers={"accept-language": "sv-SE,sv;q=0.9,en;q=0.8"})
    default = httpx.get(server_url + "/")
    assert '<html lang="en">' in english.text and '<html lang="sv">' in swedish.text
    assert '<html lang="sv">' in default.text and "Accept-Language" in default.headers["vary"]
    # English is asked for at the root: the reader is sent to /en/, whose relative links stay English
    assert english.history[0].status_code == 303 and "Accept-Language" in english.history[0].headers["vary"]
    assert str(english.url).endswith("/en/")
    thing = httpx.get(
        server_url + f"/id/meeting/{MEETING}", headers={"accept": BROWSER_ACCEPT, "accept-language": "en"}
    )
    assert thing.status_code == 303 and thing.headers["location"] == f"/en/doc/meeting/{MEETING}.html"


def test_a_person_runs_a_saved_query_with_a_parameter(browser: DevTools, server_url: str) -> None:
    assert not browser.load(server_url + "/query.html")
    field = "#param-organisation-participation-org"
    browser.evaluate(f"document.querySelector('{field}').value = 'radda-barnen'; true")
    browser.follow(f"document.querySelector('{field}').closest('.query').querySelector('button.run-with').click()")
    browser.wait_until("location.pathname === '/sparql'")
    browser.wait_until("document.readyState === 'complete'")
    text = browser.evaluate("document.body.textContent")
    assert "radda-barnen" in browser.evaluate("decodeURIComponent(location.search)")
    assert "Sakråd den 12 december 2017" in text or "2017-12-12-integration" in text, text[:500]
    rows = browser.evaluate("document.querySelectorAll('table tbody tr').length")
    assert rows >= 2  # Rädda Barnen took part in two sakråd of the data


# --- the query editor and the answer page ---------------------------------------------------------


def test_the_query_editor_loads_and_completes_a_class_of_the_data(browser: DevTools, server_url: str) -> None:
    problems = browser.load(server_url + "/query.html")
    assert not problems, "\n".join(problems)
    browser.wait_until("!!window.sakradEditor && document.querySelector('.CodeMirror') !== null")
    assert browser.evaluate("document.getElementById('query').hidden")  # the editor took the text area's place
    assert browser.evaluate("document.querySelector('.CodeMirror .cm-keyword') !== null")  # highlighted
    browser.evaluate(
        "var e = window.sakradEditor; e.setValue('PREFIX sakrad: <https://w3id.org/sakrad/ontology#>\\n"
        "SELECT ?s WHERE { ?s a sakrad:Sak'); e.setCursor(e.lastLine(), 1000); e.focus(); "
        "e.autocomplete(); true"
    )
    hints = browser.wait_until("[...document.querySelectorAll('.CodeMirror-hints li')].map(li => li.textContent)")
    assert "sakrad:Sakrad" in hints, hints
    browser.evaluate(
        "var e = window.sakradEditor; e.setValue('SELECT ?s WHERE { ?s <https://schema.org/sta'); "
        "e.setCursor(0, 1000); e.autocomplete(); true"
    )
    hints = browser.wait_until("[...document.querySelectorAll('.CodeMirror-hints li')].map(li => li.textContent)")
    assert any("startDate" in h for h in hints), hints
    problems = [p for p in browser.load(server_url + "/query.html") if "favicon" not in p]
    assert not problems, "\n".join(problems)


def test_a_query_run_from_the_editor_shows_names_linked_to_pages(browser: DevTools, server_url: str) -> None:
    assert not browser.load(server_url + "/query.html")
    browser.wait_until("!!window.sakradEditor")
    query = (
        "PREFIX m8g: <http://data.europa.eu/m8g/>\nSELECT ?sakrad ?vem WHERE { ?sakrad m8g:hasParticipation ?d . "
        "?d m8g:hasParticipant ?vem } ORDER BY ?sakrad ?vem"
    )
    browser.follow(
        f"window.sakradEditor.setValue({json.dumps(query)}); "
        "document.querySelector('#sparql-form button[type=submit]').click()"
    )
    browser.wait_until("location.pathname === '/sparql' && document.readyState === 'complete'")
    links = browser.evaluate(
        "[...document.querySelectorAll('table.answer a')].map(a => [a.textContent, a.getAttribute('href')])"
    )
    assert ["Rädda Barnen", "doc/organisation/radda-barnen.html"] in links, links[:10]
    text = browser.evaluate("document.querySelector('table.answer').textContent")
    assert "<id/" not in text and "id/person/" not in text  # names, not IRI slugs
    # the link works, and the CSV link gives the same answer as CSV
    href = browser.evaluate("[...document.querySelectorAll('a.download')].find(a => a.textContent === 'CSV').href")
    response = httpx.get(href)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbf")  # for a spreadsheet, as every CSV offered to people
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "sakrad,vem"
    assert f"{len(links)}" and len(lines) - 1 == browser.evaluate(
        "document.querySelectorAll('table.answer tbody tr').length"
    )
    json_href = browser.evaluate(
        "[...document.querySelectorAll('a.download')].find(a => a.textContent === 'JSON').href"
    )
    answer = httpx.get(json_href)
    assert answer.headers["content-type"].startswith("application/sparql-results+json")
    assert answer.json()["head"]["vars"] == ["sakrad", "vem"]


def test_a_bad_query_shows_its_line_and_column_on_a_page(browser: DevTools, server_url: str) -> None:
    from urllib.parse import quote

    problems = browser.load(server_url + "/sparql?query=" + quote("SELECT ?s WHERE {\n  ?s a \n}"))
    # the answer is 400 (Chromium logs the status too), and nothing else is wrong: the page's style loads
    assert [p for p in problems if "/sparql?query=" not in p] == [], problems
    assert browser.evaluate("document.contentType") == "text/html"
    assert "Rad 3, kolumn 2" in browser.evaluate("document.getElementById('query-error').textContent")
    assert browser.evaluate("document.querySelector('pre.query-lines .marked').textContent").endswith("}")
    assert browser.evaluate("document.getElementById('query').value").startswith("SELECT ?s WHERE")


def test_answer_tables_scroll_inside_the_page(browser: DevTools, server_url: str) -> None:
    from urllib.parse import quote

    wide = "SELECT * WHERE { ?a ?b ?c . ?c ?d ?e . ?e ?f ?g } LIMIT 30"
    for width in (1280, 390):
        browser.width(width)
        try:
            assert not browser.load(server_url + "/sparql?query=" + quote(wide))
            sizes = browser.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            assert sizes[0] <= sizes[1], (width, sizes)
            assert browser.evaluate("document.querySelectorAll('table.answer tbody tr').length") == 30
        finally:
            browser.width(1280, 900)
