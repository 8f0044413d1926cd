"""A sakråd's page on a phone (375 CSS pixels wide), in headless Chromium, from the server and from the
static export opened from disk: what a reader came for — the title, the date, the place, the
organisations — comes before the page's type, IRI, formats and file sizes, and the first screen
shows the date."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import DESKTOP
from devtools import DevTools

#: a narrow phone's width and the height of its first screen (CSS pixels)
WIDTH, HEIGHT = 375, 800


@pytest.fixture
def narrow(page: DevTools) -> Iterator[DevTools]:
    page.width(WIDTH, HEIGHT)
    try:
        yield page
    finally:
        page.width(DESKTOP)


def _top(browser: DevTools, selector: str) -> float:
    return browser.evaluate(
        f"(() => {{ const e = document.querySelector({selector!r}); return e ? e.getBoundingClientRect().top : -1; }})()"
    )


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_a_sakrad_page_on_a_phone_shows_the_sakrad_before_its_data_block(
    narrow: DevTools, site: str, prefix: str
) -> None:
    problems = narrow.load(f"{site}{prefix}doc/meeting/2017-12-12-integration.html")
    assert not problems, problems
    narrow.wait_until("document.readyState === 'complete'")
    facts, organisations, about = (_top(narrow, s) for s in ("dl.facts", "#organisations", "#about-data"))
    assert 0 < facts < organisations < about, (facts, organisations, about)
    # the date is on the first screen; the type line and the file sizes are not
    date = narrow.evaluate(
        "(() => { const t = [...document.querySelectorAll('dl.facts dt')]"
        ".find(d => /^(Datum|Date)$/.test(d.textContent.trim())); return t ? t.getBoundingClientRect().top : -1; })()"
    )
    assert 0 < date < HEIGHT, date
    assert about > HEIGHT, about
