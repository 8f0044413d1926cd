"""The pages' layout in Chromium at a phone's width (390 px) and a desktop's (1280 px), both languages.

Measured over the DevTools protocol (:class:`test_server_browser.DevTools`): on a phone the lists'
rows are stacked (date, title, then each cell with its column's name) instead of a table wider than
the screen; the sakråd's picture keeps its natural size in a box that scrolls sideways, with a shadow
at the edge that has more to see; every page opens with a link to its content that shows when it has
the focus; and the query editor's text area has a name in the page's language.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest
from conftest import DESKTOP, PHONE
from devtools import DevTools
from test_server_browser import MEETING

#: the pages with a list table (table.list), in both languages
LISTS = [
    "/",
    "/en/",
    "/lists/meetings.html",
    "/en/lists/meetings.html",
    "/lists/meetings/year/2017.html",
    "/lists/organisations.html",
    "/en/lists/people.html",
    "/lists/bodies.html",
]


def page_width(browser: DevTools) -> list[int]:
    return browser.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")


#: the first row of every list table: [box's scrollWidth, box's clientWidth, [[top, bottom, label] of each shown cell]]
ROWS = """[...document.querySelectorAll('table.list')].map(t => {
  const box = t.closest('.scroll') || t.parentElement;
  const cells = [...t.querySelectorAll('tbody tr:first-child td')].filter(td => td.getClientRects().length);
  return [box.scrollWidth, box.clientWidth, cells.map(td => {
    const r = td.getBoundingClientRect();
    return [Math.round(r.top), Math.round(r.bottom), getComputedStyle(td, '::before').content];
  })];
})"""


def test_on_a_phone_the_lists_rows_are_stacked_and_fit_the_screen(phone: DevTools, server_url: str) -> None:
    for path in LISTS:
        assert not phone.load(server_url + path), path
        assert page_width(phone) == [PHONE, PHONE], path
        tables = phone.evaluate(ROWS)
        assert tables, f"{path}: no list table"
        for scroll_width, client_width, cells in tables:
            assert scroll_width <= client_width, f"{path}: the list is {scroll_width} px in a {client_width} px box"
            assert len(cells) >= 3, (path, cells)
            for above, below in zip(cells, cells[1:], strict=False):
                assert below[0] >= above[1] - 1, f"{path}: cells side by side, not stacked: {cells}"
            labels = [c[2] for c in cells if c[2] not in ("none", "normal")]
            assert len(labels) >= 2 and all(label.endswith(': "') for label in labels), (path, labels)
    assert not phone.load(server_url + "/")
    assert '"Departement: "' in phone.evaluate(ROWS)[0][2][2][2]
    assert not phone.load(server_url + "/en/")
    assert '"Ministry: "' in phone.evaluate(ROWS)[0][2][2][2]


def test_on_a_desktop_the_lists_are_tables(browser: DevTools, server_url: str) -> None:
    for path in LISTS:
        assert not browser.load(server_url + path), path
        for _, _, cells in browser.evaluate(ROWS):
            assert len({top for top, _, _ in cells}) == 1, f"{path}: a row's cells are not side by side: {cells}"
            assert all(label in ("none", "normal") for _, _, label in cells), (path, cells)


PICTURE = """(() => {
  const svg = document.querySelector('#diagram + figure svg.diagram'), box = svg.parentElement;
  const text = [...svg.querySelectorAll('text')].map(t => t.getBoundingClientRect().height).sort((a, b) => a - b);
  return {width: svg.getBoundingClientRect().width, natural: +svg.getAttribute('width'),
          box: [box.scrollWidth, box.clientWidth], text: text[Math.floor(text.length / 2)],
          background: getComputedStyle(box).backgroundImage, attachment: getComputedStyle(box).backgroundAttachment};
})()"""


@pytest.mark.parametrize("lang", ["", "/en"])
def test_the_meeting_picture_keeps_its_size_in_a_box_that_scrolls(
    browser: DevTools, server_url: str, lang: str
) -> None:
    path = f"{lang}/doc/meeting/{MEETING}.html"
    for width in (PHONE, DESKTOP):
        browser.width(width)
        try:
            assert not browser.load(server_url + path)
            picture = browser.evaluate(PICTURE)
            assert abs(picture["width"] - picture["natural"]) < 1, (width, picture)  # not shrunk to the screen
            assert picture["text"] >= 11, (width, picture)  # its text is readable (12 px; 4 px when shrunk)
            sizes = page_width(browser)
            assert sizes[0] <= sizes[1], (path, width, sizes)  # the page itself is not wider than the screen
            if width == PHONE:
                assert picture["box"][0] > picture["box"][1], picture  # the box scrolls sideways …
                # … and shows it: shadows fixed to its edges, covers moving with the picture
                assert picture["background"].count("gradient") == 4, picture
                assert "local" in picture["attachment"] and "scroll" in picture["attachment"], picture
        finally:
            browser.width(DESKTOP, 900)


#: An answer of many columns: its table scrolls in its box on a phone (the one table that may).
WIDE_ANSWER = "/sparql?" + urlencode(
    {
        "query": "SELECT ?a ?b ?c ?d ?e WHERE { ?a ?b ?c . BIND(?a AS ?d) BIND(?c AS ?e) } LIMIT 3",
        "lang": "sv",
    }
)


def test_a_table_that_scrolls_shows_a_shadow_at_its_edge(phone: DevTools, server_url: str) -> None:
    assert not phone.load(server_url + WIDE_ANSWER)
    boxes = phone.evaluate(
        "[...document.querySelectorAll('.scroll')].filter(b => b.scrollWidth > b.clientWidth)"
        ".map(b => [getComputedStyle(b).backgroundImage, getComputedStyle(b).backgroundAttachment])"
    )
    assert boxes, "no table scrolls on a wide SPARQL answer at 390 px"
    for image, attachment in boxes:
        assert image.count("radial-gradient") == 2 and attachment.count("local") == 2, (image, attachment)


def _tab(browser: DevTools) -> None:
    for kind in ("keyDown", "keyUp"):
        browser.call(
            "Input.dispatchKeyEvent",
            {"type": kind, "key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9},
            session=True,
        )


@pytest.mark.parametrize(
    ("path", "text"), [("/lists/meetings.html", "Hoppa till innehållet"), ("/en/", "Skip to content")]
)
def test_the_first_tab_reaches_a_visible_link_to_the_content(
    browser: DevTools, server_url: str, path: str, text: str
) -> None:
    for width in (PHONE, DESKTOP):
        browser.width(width)
        try:
            assert not browser.load(server_url + path)
            hidden = browser.evaluate("document.querySelector('a.skip').getBoundingClientRect().bottom")
            assert hidden <= 0, hidden  # out of sight until it has the focus
            _tab(browser)
            skip = browser.evaluate(
                "(() => { const a = document.activeElement, r = a.getBoundingClientRect();"
                " return [a.className, a.textContent, r.top, r.left, r.width, r.height]; })()"
            )
            assert skip[:2] == ["skip", text], skip
            assert skip[2] >= 0 and skip[3] >= 0 and skip[4] > 20 and skip[5] > 10 and skip[3] + skip[4] <= width, skip
            browser.call(
                "Input.dispatchKeyEvent",
                {"type": "keyDown", "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13, "text": "\r"},
                session=True,
            )
            browser.call(
                "Input.dispatchKeyEvent",
                {"type": "keyUp", "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13},
                session=True,
            )
            browser.wait_until("location.hash === '#main' && document.activeElement.tagName === 'MAIN'")
        finally:
            browser.width(DESKTOP, 900)


@pytest.mark.parametrize(("path", "name"), [("/query.html", "SPARQL-fråga"), ("/en/query.html", "SPARQL query")])
def test_the_query_editors_text_area_has_a_name(browser: DevTools, server_url: str, path: str, name: str) -> None:
    assert not browser.load(server_url + path)
    browser.wait_until("!!window.sakradEditor && document.querySelector('.CodeMirror textarea') !== null")
    assert browser.evaluate("document.querySelector('.CodeMirror textarea').getAttribute('aria-label')") == name
    # the page's label now focuses the editor (the text area it names is hidden)
    browser.evaluate("document.querySelector('label[for=\"query\"]').click(); true")
    assert browser.wait_until("document.activeElement === document.querySelector('.CodeMirror textarea')")


#: Every box on the page wider inside than it is: [what it is, its scrollWidth, its clientWidth].
TOO_WIDE = """[...document.querySelectorAll('main .scroll, main table')].filter(b => b.scrollWidth > b.clientWidth + 1)
  .map(b => [(b.closest('[id]') || b).id + ' ' + b.tagName + '.' + b.className, b.scrollWidth, b.clientWidth])"""
#: The kinds of page with tables of facts, parts or roles.
KINDS = ("organisation", "body", "person", "meeting", "source")


def _pages(url: str, kind: str) -> list[str]:
    """Every page of one kind the site's sitemap lists, as paths."""
    import httpx

    sitemap = httpx.get(url + "/sitemap.xml").text
    urls = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    return sorted({"/doc/" + u.split("/doc/", 1)[1] for u in urls if f"/doc/{kind}/" in u and "/en/doc/" not in u})


@pytest.mark.parametrize("kind", KINDS)
def test_on_a_phone_no_table_of_a_page_is_wider_than_the_screen(phone: DevTools, server_url: str, kind: str) -> None:
    """Long Swedish compounds ("Arbetsmarknadsdepartementet", "(organisationsnummerregistret)") and
    addresses in the tables of facts, parts and roles break inside their cells, and a thing's roles
    are stacked as the lists' rows are: no cell is cut or out of sight at 390 px, in either language."""
    pages = _pages(server_url, kind)
    assert pages, f"no {kind} pages in the sitemap"
    wide = {}
    for path in pages:
        for lang in ("", "/en"):
            assert not phone.load(server_url + lang + path), path
            assert page_width(phone) == [PHONE, PHONE], lang + path
            too_wide = phone.evaluate(TOO_WIDE)
            if too_wide:
                wide[lang + path] = too_wide
    assert not wide, f"{len(wide)} of {2 * len(pages)} {kind} pages have a table wider than its box: {wide}"


def test_on_a_phone_a_things_roles_are_stacked(phone: DevTools, server_url: str) -> None:
    """The roles table of an organisation or body (date, sakråd, role) is stacked on a phone, each
    cell with its column's name, as the lists' rows are; at a desktop's width it is a table."""
    path = _pages(server_url, "body")[0]
    for lang in ("", "/en"):
        assert not phone.load(server_url + lang + path)
        cells = phone.evaluate(
            "[...document.querySelectorAll('#participations tbody tr td[data-label]:not(:empty)')][0]"
            ".closest('tr').querySelectorAll('td').values().toArray()"
            ".map(td => [td.getBoundingClientRect().top, getComputedStyle(td, '::before').content])"
        )
        assert len(cells) == 3 and len({top for top, _ in cells}) == 3, (lang, cells)
        assert cells[2][1].endswith(': "'), (lang, cells)  # the role says it is the role
    assert not phone.load(server_url + path)
    phone.width(DESKTOP, 900)
    tops = phone.evaluate(
        "[...document.querySelectorAll('#participations tbody tr:first-child td')].map(td => td.getBoundingClientRect().top)"
    )
    assert len(set(tops)) == 1, tops
