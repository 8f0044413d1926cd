"""A page printed (CSS ``@media print``, emulated in Chromium over the DevTools protocol): the site's
chrome (skip link, navigation, language switch) is not printed, the sakråd's picture fits the page's
width with no scroll box, "Every fact in the data" (a ``<details>``) prints its content, and a link
out of the site is followed by its address; on screen nothing of this applies."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from devtools import DevTools
from serving import serving
from test_server_browser import MEETING

from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings

#: [skip link's display, a nav link's display, the language switch's display, the home link's display,
#:  whether the details' facts heading is rendered, [figure scrollWidth, clientWidth], svg width, main width,
#:  the ::after of the first link out of the site that is not its own address, and that link's href]
MEASURE = """(() => {
  const shown = e => e ? getComputedStyle(e).display : null;
  const nav = document.querySelector('header nav a:not(.home):not(.language)');
  const details = document.querySelector('main details');
  const facts = details.querySelector('#facts');
  const figure = document.querySelector('figure:has(> svg.diagram)');
  const svg = figure.querySelector('svg.diagram');
  const out = document.querySelector('main a.external:not(.url)[href^="http"]');
  return [shown(document.querySelector('a.skip')), shown(nav), shown(document.querySelector('a.language')),
          shown(document.querySelector('a.home')), facts.checkVisibility(),
          [figure.scrollWidth, figure.clientWidth], Math.round(svg.getBoundingClientRect().width),
          Math.round(document.querySelector('main').getBoundingClientRect().width),
          getComputedStyle(out, '::after').content, out.href];
})()"""


@pytest.fixture(scope="module")
def url(fixture_release: Path) -> Iterator[str]:
    with serving(create_app(fixture_release, Settings(timeout=10))) as root:
        yield root


def _media(browser: DevTools, media: str) -> None:
    browser.call("Emulation.setEmulatedMedia", {"media": media}, session=True)


@pytest.mark.parametrize("lang", ["", "en/"])
def test_a_printed_meeting_page_has_no_chrome_the_whole_picture_open_facts_and_addresses(
    browser: DevTools, url: str, lang: str
) -> None:
    browser.width(390)
    try:
        assert not browser.load(f"{url}/{lang}doc/meeting/{MEETING}.html")
        _media(browser, "print")
        skip, nav, switch, home, facts, (scroll, client), svg, main, after, href = browser.evaluate(MEASURE)
    finally:
        _media(browser, "")
        browser.width(1280, 900)
    assert (skip, nav, switch) == ("none", "none", "none")
    assert home != "none"  # the site's name stays on paper
    assert facts, "the content of 'Every fact in the data' is not printed"
    assert scroll <= client and svg <= main, (scroll, client, svg, main)
    assert href in after, (after, href)


def test_on_screen_the_details_stay_closed_and_the_chrome_shown(browser: DevTools, url: str) -> None:
    assert not browser.load(f"{url}/doc/meeting/{MEETING}.html")
    skip, nav, switch, home, facts, _, _, _, after, href = browser.evaluate(MEASURE)
    assert nav != "none" and switch != "none" and not facts and href not in after
