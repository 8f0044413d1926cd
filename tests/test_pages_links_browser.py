"""The links the pages' scripts make, followed in headless Chromium, from the server and from the
static export opened from disk (``file://``):

* a search result leads to the thing's page in the page's language (``en/doc/…`` once, never
  ``en/en/doc/…``), and that page is there;
* the language switch keeps the search (``?q=``, also as the search is typed), a list's sort and a
  meeting page's part (``#question/1``), and its plain link still leads to the other page;
* on a phone the list of sakråd comes before its filters (the panel is closed), on a desktop the
  panel is open;
* the start page's downloads on a phone: each file's media type and size are in sight below it, and
  a media type is never broken inside a token;
* on a phone a facts heading's compact IRI is broken only where it must.
"""

from __future__ import annotations

import pytest
from conftest import DESKTOP
from devtools import DevTools


def opened(browser: DevTools, url: str) -> None:
    problems = browser.load(url)
    assert not problems, (url, problems)
    browser.wait_until("document.readyState === 'complete'")


#: a search that finds a person, an organisation and a sakråd in the real data
QUERIES = ["kessling", "radda", "integration"]


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("query", QUERIES)
def test_a_search_result_leads_to_the_things_page_in_the_page_language(
    page: DevTools, site: str, lang: str, query: str
) -> None:
    prefix = "en/" if lang == "en" else ""
    opened(page, f"{site}{prefix}search.html?q={query}")
    page.wait_until("document.querySelectorAll('#results a').length > 0")
    hrefs = page.evaluate("[...document.querySelectorAll('#results a')].map(a => a.href)")
    for href in hrefs:
        assert href.startswith(site + prefix + "doc/"), (href, site + prefix)
        assert "/en/en/" not in href
    first = hrefs[0]
    page.follow("document.querySelector('#results a').click()")
    page.wait_until(f"location.href === {first!r} && document.readyState === 'complete'")
    assert page.evaluate("document.documentElement.lang") == lang
    heading = page.evaluate("document.querySelector('h1').textContent")
    assert heading not in ("Hittades inte", "Not found"), (first, heading)
    # and every result's page is there (a file of the export, a page of the server)
    for href in hrefs[:5]:
        problems = page.load(href)
        assert not problems, (href, problems)
        assert page.evaluate("document.querySelector('h1').textContent") not in ("Hittades inte", "Not found"), href


def switch(browser: DevTools) -> str:
    return browser.evaluate("document.querySelector('header a.language').href")


@pytest.mark.parametrize(("here", "there"), [("search.html", "en/search.html"), ("en/search.html", "search.html")])
def test_the_language_switch_keeps_the_search(page: DevTools, site: str, here: str, there: str) -> None:
    opened(page, f"{site}{here}?q=integration")
    page.wait_until("document.querySelectorAll('#results a').length > 0")
    assert switch(page) == f"{site}{there}?q=integration"
    alternates = page.evaluate("[...document.querySelectorAll('link[rel=alternate][hreflang]')].map(l => l.href)")
    assert all(a.endswith("search.html?q=integration") for a in alternates), alternates
    # a search typed on the page: the address and the switch follow it
    page.evaluate(
        "(() => { const q = document.getElementById('q'); q.value = 'kessling';"
        " q.dispatchEvent(new Event('input')); })()"
    )
    assert switch(page) == f"{site}{there}?q=kessling"
    page.follow("document.querySelector('header a.language').click()")
    page.wait_until(f"location.href === {site + there + '?q=kessling'!r} && document.readyState === 'complete'")
    page.wait_until("document.querySelectorAll('#results a').length > 0")
    assert page.evaluate("document.getElementById('q').value") == "kessling"


def test_the_language_switch_keeps_the_part_of_a_meeting_page(page: DevTools, site: str) -> None:
    meeting = "doc/meeting/2017-12-12-integration.html"
    opened(page, f"{site}{meeting}#question/1")
    assert switch(page) == f"{site}en/{meeting}#question/1"
    page.evaluate("location.hash = 'question/2'")
    page.wait_until("document.querySelector('header a.language').href.endsWith('#question/2')")
    page.follow("document.querySelector('header a.language').click()")
    page.wait_until(
        f"location.href === {site + 'en/' + meeting + '#question/2'!r} && document.readyState === 'complete'"
    )
    assert page.evaluate("document.getElementById('question/2') !== null")
    # the English page's plain link, without the script: the Swedish page, nothing more
    plain = page.evaluate("document.querySelector('header a.language').getAttribute('data-plain')")
    assert plain == "../../../" + meeting


def test_the_language_switch_keeps_a_lists_sort(page: DevTools, site: str) -> None:
    opened(page, f"{site}en/lists/people.html?sort=name&order=desc")
    page.wait_until("document.querySelector('table.list.sortable') !== null")
    assert switch(page) == f"{site}lists/people.html?sort=name&order=desc"


def test_on_a_phone_the_list_comes_before_its_filters(phone: DevTools, site: str) -> None:
    opened(phone, site + "lists/meetings.html")
    assert phone.evaluate("document.querySelector('details.facets').open") is False
    top = phone.evaluate("document.querySelector('table.list').getBoundingClientRect().top")
    assert top < 844 * 1.5, top  # the list's first rows on the first screen or just below it
    phone.evaluate("document.querySelector('details.facets > summary').click()")
    assert phone.evaluate("document.querySelector('details.facets').open") is True


def test_on_a_desktop_the_filters_are_open_beside_the_list(page: DevTools, site: str) -> None:
    page.width(DESKTOP, 900)
    opened(page, site + "lists/meetings.html")
    page.wait_until("document.querySelector('details.facets').open === true")


_TOKENS_BROKEN = """[...document.querySelectorAll('table.downloads code')].filter(c => {
  const lines = new Set([...c.getClientRects()].map(r => Math.round(r.top)));
  return lines.size > c.textContent.trim().split(/\\s+/).length;
}).map(c => c.textContent)"""

_OUT_OF_SIGHT = """[...document.querySelectorAll('table.downloads td')].filter(td => {
  const r = td.getBoundingClientRect();
  return r.width > 0 && (r.right > document.documentElement.clientWidth + 0.5 || r.left < 0);
}).length"""


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_on_a_phone_the_downloads_read_file_by_file(phone: DevTools, site: str, lang: str) -> None:
    opened(phone, site + ("en/" if lang == "en" else "") + "index.html")
    assert phone.evaluate("document.querySelectorAll('table.downloads td').length") > 10
    assert phone.evaluate(_TOKENS_BROKEN) == []
    assert phone.evaluate(_OUT_OF_SIGHT) == 0
    label = phone.evaluate(
        "getComputedStyle(document.querySelector('table.downloads td[data-label]'), '::before').content"
    )
    assert label.strip('"').rstrip(": ") in ("Medietyp", "Media type"), label
    # the tables for spreadsheets come before the list of files
    assert phone.evaluate(
        "document.querySelector('p.spreadsheets').getBoundingClientRect().top"
        " < document.querySelector('table.downloads').getBoundingClientRect().top"
    )


def test_on_a_phone_a_facts_headings_compact_iri_is_whole(phone: DevTools, site: str) -> None:
    opened(phone, site + "en/doc/person/anders-kessling.html")
    phone.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    # "m8g:participates", "org:organization", "sakrad:attestedOn": one line each, not "m8g:participate|s"
    lines = phone.evaluate(
        """Object.fromEntries([...document.querySelectorAll('table.facts th code')]
  .filter(c => c.getClientRects().length && c.textContent.length <= 17)
  .map(c => [c.textContent, new Set([...c.getClientRects()].map(r => Math.round(r.top))).size]))"""
    )
    assert "m8g:participates" in lines, lines
    assert {code: n for code, n in lines.items() if n > 1} == {}
