"""A picture's tooltips as a browser reads them, put inline in an English page: the Swedish title of
a sakråd in a ``<title>`` is an HTML ``<span lang="sv">`` (a ``<title>`` in SVG is an HTML integration
point, so the parser makes the picture's XHTML ``<span>`` an HTML one), and the tooltip's text and
the accessible name of the column's link are the whole text, frame and title and marks."""

from __future__ import annotations

from pathlib import Path

import pytest
from devtools import DevTools

from sakrad_ld.sparql.store import Release
from sakrad_ld.web.pages import Site, start_page

ANNOUNCED = "2019-11-06-rasism-hatbrott"


@pytest.fixture(scope="module")
def english_start(fixture_release: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    opened = Release.open(fixture_release)
    site = Site(opened.base_iri, [], [], release=opened.root)
    page = tmp_path_factory.mktemp("start") / "index.html"
    page.write_text(start_page(opened.store, site, "en"), encoding="utf-8")
    return page


def test_a_swedish_title_in_an_english_tooltip_is_marked_swedish_in_the_browser(
    browser: DevTools, english_start: Path
) -> None:
    browser.load(english_start.as_uri())  # the page's style and scripts are not beside it: not asked here
    found = browser.evaluate(
        f"""(() => {{
        const a = [...document.querySelectorAll('svg.diagram a')].find(a => a.getAttribute('href').includes('{ANNOUNCED}'));
        const title = a.querySelector('title');
        const span = title.querySelector('span');
        return {{svg: a.closest('svg').getAttribute('lang'), text: title.textContent,
                 ns: span && span.namespaceURI, lang: span && span.lang, span: span && span.textContent}};
        }})()"""
    )
    assert found["svg"] == "en"
    assert found["ns"] == "http://www.w3.org/1999/xhtml" and found["lang"] == "sv", found
    assert found["text"] == f"2019-11-06: {found['span']} (announced: the sources do not say it was held)", found
    spans = browser.evaluate(
        """[...document.querySelectorAll('svg.diagram title span, svg.diagram desc span')]
        .map(s => [s.namespaceURI, s.lang, s.getAttribute('xml:lang')])"""
    )
    assert spans and all(s == ["http://www.w3.org/1999/xhtml", "sv", "sv"] for s in spans), spans[:5]
    browser.call("Accessibility.enable", session=True)
    names = {
        n.get("name", {}).get("value", "")
        for n in browser.call("Accessibility.getFullAXTree", session=True)["nodes"]
        if n.get("role", {}).get("value") == "link"
    }
    assert found["text"] in names, sorted(names)[:10]
