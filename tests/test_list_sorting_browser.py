"""The lists sorted by any column in headless Chromium (``assets/js/sort.js``), from the server and
from the static export opened from disk (``file://``): a column heading is a button that sorts
ascending, then descending, then back to the list's own order (``aria-sort`` on the heading); text
in the page's language (Swedish å ä ö after z, English Å among the A's), numbers as numbers, dates
as ISO dates, a cell with nothing known last both ways; the order is in the address and the links
to the same list carry it (a sort survives a filter); without JavaScript the page is in the order
of its HTML; and on a 375 px phone the buttons are there, large enough, and the page does not
scroll sideways. One page load per case.

The lists are those of the fixture project's release (tests/fixtures/project), whose people include
names that begin with Å, Ä or Ö, so the collation is tested whatever data/ holds.
"""

from __future__ import annotations

import re
import unicodedata
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from devtools import DevTools


@pytest.fixture(scope="module")
def fixture_server(fixture_release: Path) -> Iterator[str]:
    from serving import serving

    from sakrad_ld.serving.server import create_app
    from sakrad_ld.serving.settings import Settings

    with serving(create_app(fixture_release, Settings(timeout=10))) as root:
        yield root


@pytest.fixture(scope="module")
def fixture_export(fixture_release: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from sakrad_ld.web.static import export_site

    return export_site(fixture_release, tmp_path_factory.mktemp("sorting-export") / "site").out


@pytest.fixture(params=["server", "file"])
def site(request: pytest.FixtureRequest) -> str:
    """The fixture release's site root: the server's, or its static export opened from disk."""
    if request.param == "server":
        return request.getfixturevalue("fixture_server") + "/"
    return request.getfixturevalue("fixture_export").as_uri() + "/"


#: the Swedish alphabet's order of a name's first letter (other accents as their letter: é as e)
SWEDISH = "abcdefghijklmnopqrstuvwxyzåäö"


def first_letter(name: str, lang: str) -> int:
    c = name.strip()[0].lower()
    if lang == "sv" and c in "åäö":
        return SWEDISH.index(c)
    plain = unicodedata.normalize("NFKD", c)[0]
    return SWEDISH.index(plain) if plain in SWEDISH else -1


def opened(browser: DevTools, url: str) -> None:
    problems = browser.load(url)
    assert not problems, (url, problems)
    browser.wait_until("document.querySelector('table.list.sortable') !== null")


def click(browser: DevTools, key: str) -> None:
    browser.evaluate(f"document.querySelector('th[data-sort-key={key}] button').click()")


def column(browser: DevTools, key: str, what: str = "value") -> list:
    """Each row's cell of column ``key`` as the reader sees it: its text without marks and notes
    (``.meta``), a date or number the one it opens with ("" for a cell with none); or its whole text."""
    return browser.evaluate(
        f"""(() => {{
  const ths = [...document.querySelectorAll('table.list thead th')];
  const i = ths.findIndex(th => th.dataset.sortKey === '{key}');
  const type = ths[i].dataset.sortType;
  return [...document.querySelectorAll('table.list tbody tr')].map(tr => {{
    const td = tr.cells[i].cloneNode(true);
    if ('{what}' === 'text') return td.textContent.trim();
    td.querySelectorAll('.meta').forEach(m => m.remove());
    const text = ((type === 'text' && td.querySelector('a')) || td).textContent.replace(/\\s+/g, ' ').trim();
    if (type === 'date') return (text.match(/^\\d{{4}}(-\\d\\d){{0,2}}/) || [''])[0];
    if (type === 'number') return (text.match(/^\\d+/) || [''])[0];
    return text;
  }});
}})()"""
    )


def aria(browser: DevTools) -> dict[str, str]:
    return browser.evaluate(
        "Object.fromEntries([...document.querySelectorAll('table.list thead th')]"
        ".map(th => [th.dataset.sortKey, th.getAttribute('aria-sort')]))"
    )


def known_then_missing(values: list[str]) -> tuple[list[str], list[str]]:
    """The values before the first missing one, and the rest, which must all be missing."""
    known = [v for v in values if v != ""]
    assert values[: len(known)] == known, f"a missing value is not last: {values}"
    return known, values[len(known) :]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_text_column_sorts_in_the_page_language(page: DevTools, site: str, lang: str) -> None:
    opened(page, site + ("en/" if lang == "en" else "") + "lists/people.html")
    assert set(aria(page).values()) == {"none"}
    click(page, "name")
    up = column(page, "name")
    assert aria(page)["name"] == "ascending" and list(aria(page).values()).count("none") == 3
    ranks = [first_letter(n, lang) for n in up]
    assert ranks == sorted(ranks), up
    swedish = [n for n in up if n[0].lower() in "åäö"]
    assert swedish, "no person's name begins with å, ä or ö: the collation is not tested"
    if lang == "sv":  # after z
        assert up.index(swedish[0]) > max(i for i, n in enumerate(up) if n[0].lower() in "abcdefghijklmnopqrstuvwxyz")
    else:  # among the a's
        assert first_letter(up[up.index(swedish[0]) - 1], lang) == 0
    click(page, "name")
    assert aria(page)["name"] == "descending"
    assert column(page, "name") == up[::-1]  # no two names alike: the reverse
    assert "sort=name&order=desc" in page.evaluate("location.href")


def test_a_number_and_a_date_column_sort_with_the_missing_last_and_go_back_to_the_list_order(
    page: DevTools, site: str
) -> None:
    opened(page, site + "lists/meetings.html")
    html_order = column(page, "title")
    click(page, "organisations")
    known, missing = known_then_missing(column(page, "organisations"))
    assert known and missing, "the list needs sakråd with and without organisations named"
    numbers = [int(v) for v in known]
    assert numbers == sorted(numbers)
    assert any(n >= 10 for n in numbers) and any(n < 10 for n in numbers)  # 10 after 9: numbers, not text
    click(page, "organisations")
    known, _ = known_then_missing(column(page, "organisations"))
    assert [int(v) for v in known] == sorted(numbers, reverse=True)
    assert aria(page)["organisations"] == "descending"

    for order in ("ascending", "descending"):
        click(page, "date")
        assert aria(page)["date"] == order and aria(page)["organisations"] == "none"
        dates, _ = known_then_missing(column(page, "date"))
        assert all(re.fullmatch(r"\d{4}(-\d\d){0,2}", d) for d in dates), dates
        assert dates == sorted(dates, reverse=order == "descending")
        # the value sorted is the date shown (a series by its first day)
        assert all(t.startswith(d) for d, t in zip(dates, column(page, "date", "text"), strict=False))
    click(page, "date")  # the third time: the list's own order again
    assert set(aria(page).values()) == {"none"}
    assert column(page, "title") == html_order
    assert "sort=" not in page.evaluate("location.href")


def test_the_order_is_in_the_address_and_survives_a_filter(page: DevTools, site: str) -> None:
    opened(page, site + "lists/meetings.html?sort=date&order=asc")
    assert aria(page)["date"] == "ascending"
    filters = page.evaluate("[...document.querySelectorAll('.facet-values a')].map(a => a.href)")
    assert filters and all("sort=date&order=asc" in f for f in filters), filters[:3]
    assert "sort=date&order=asc" in page.evaluate("document.querySelector('a.language').href")
    year = next(f for f in filters if "/year/" in f)
    page.follow(f"location.href = {year!r}")
    page.wait_until(f"location.href === {year!r} && document.querySelector('table.list.sortable') !== null")
    assert aria(page)["date"] == "ascending"
    dates, _ = known_then_missing(column(page, "date"))
    assert dates == sorted(dates)
    assert page.evaluate("document.querySelector('main a[href*=\"lists/meetings.html\"]').href").endswith(
        "lists/meetings.html?sort=date&order=asc"
    )


def test_a_heading_sorts_from_the_keyboard(page: DevTools, site: str) -> None:
    opened(page, site + "en/lists/organisations.html")
    page.evaluate("document.querySelector('th[data-sort-key=meetings] button').focus()")
    enter = {"key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13}
    page.call("Input.dispatchKeyEvent", {"type": "keyDown", "text": "\r", **enter}, session=True)
    page.call("Input.dispatchKeyEvent", {"type": "keyUp", **enter}, session=True)
    assert aria(page)["meetings"] == "ascending"
    counts = [int(v) for v in column(page, "meetings")]
    assert counts == sorted(counts)
    assert "ascending" in page.evaluate("document.querySelector('.sort-status').textContent")


def test_without_javascript_the_list_is_in_the_order_of_its_html(browser: DevTools, server_url: str) -> None:
    html = urllib.request.urlopen(server_url + "/lists/organisations.html").read().decode()
    table = html[html.index('<table class="list"') :]
    written = re.findall(r'<td class="title"><a href="([^"]+)"', table)
    assert len(written) > 1
    browser.call("Emulation.setScriptExecutionDisabled", {"value": True}, session=True)
    try:
        browser.load(server_url + "/lists/organisations.html?sort=name&order=desc")
        shown = browser.evaluate(
            "[[...document.querySelectorAll('table.list td.title > a')].map(a => a.getAttribute('href')),"
            " document.querySelectorAll('table.list th button, table.list caption').length,"
            " [...document.querySelectorAll('table.list th')].map(th => th.textContent)]"
        )
    finally:
        browser.call("Emulation.setScriptExecutionDisabled", {"value": False}, session=True)
    assert shown[0] == written
    assert shown[1] == 0, "headings are buttons without JavaScript"
    assert all(t and t.strip() == t for t in shown[2])


@pytest.mark.parametrize("path", ["lists/meetings.html", "en/lists/bodies.html"])
def test_sorting_on_a_phone(phone: DevTools, site: str, path: str) -> None:
    phone.width(375)
    opened(phone, site + path)
    sizes = phone.evaluate(
        "[...document.querySelectorAll('table.list th button')].map(b => { const r = b.getBoundingClientRect();"
        " return [r.width, r.height, r.left >= 0 && r.right <= innerWidth]; })"
    )
    assert len(sizes) >= 4
    assert all(w >= 44 and h >= 44 and inside for w, h, inside in sizes), sizes
    key = "date" if "meetings" in path else "latest"
    phone.evaluate(f"document.querySelector('th[data-sort-key={key}] button').click()")
    assert aria(phone)[key] == "ascending"
    dates, _ = known_then_missing(column(phone, key))
    assert dates == sorted(dates)
    width = phone.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1], f"{path} scrolls sideways at 375 px: {width}"


def test_every_list_page_loads_the_script_and_a_paged_list_says_it_sorts_its_page(
    release: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sakrad_ld.sparql.store import Release
    from sakrad_ld.web import listfiles
    from sakrad_ld.web.pages import Site
    from sakrad_ld.web.sitefiles import site_files

    opened = Release.open(release)
    site = Site(opened.base_iri, [], [], sparql_path=None, release=opened.root)
    whole = dict(site_files(opened.store, site))
    monkeypatch.setattr(listfiles, "PAGE_SIZE", 2)
    paged = dict(site_files(opened.store, site))
    assert "assets/js/sort.js" in whole
    pages = [p for p in whole if re.fullmatch(r"(en/)?lists/.*\.html", p)]
    assert pages
    for path in pages:
        html = whole[path].decode()
        assert html.count("assets/js/sort.js") == 1 and html.count("assets/js/page.js") == 1, path
        assert "data-sort-page-only" not in html or 'class="pager"' in html, path
    for path in ("lists/people.html", "en/lists/meetings.html", "en/lists/people/2.html"):
        html = paged[path].decode()
        assert 'class="pager"' in html and "data-sort-page-only=" in html, path
    assert "hela listan i en annan ordning finns i CSV-filen" in paged["lists/people.html"].decode()
