"""The pages of people, organisations and ministries on the fixture release show the sakråd they are
in as the lists do: a series as its days, never "okänt" or one stated date; a ministry's page lists
the sakråd it is involved in, with how, and links to the lists' filter of that ministry."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from sakrad_ld.sparql.store import Release
from sakrad_ld.vocab import M8G
from sakrad_ld.web.lists import read_lists
from sakrad_ld.web.pages import Site, resource_page

SERIES = "2021-04-eu-framtidskonferensen"


@pytest.fixture(scope="module")
def opened(fixture_release: Path) -> Release:
    return Release.open(fixture_release)


@pytest.fixture(scope="module")
def site(opened: Release) -> Site:
    return Site(opened.base_iri, [], [], sparql_path=None, release=opened.root)


def _row(page: str, meeting_id: str) -> str:
    rows = page.split("<tr>")
    return next(r for r in rows if f"meeting/{meeting_id}.html" in r).split("</tr>")[0]


@pytest.mark.parametrize(("lang", "days", "unknown"), [("sv", "3 dagar", "okänt"), ("en", "3 days", "unknown")])
def test_a_series_shows_its_days_on_the_pages_of_those_in_it(
    opened: Release, site: Site, lang: str, days: str, unknown: str
) -> None:
    series = ox.NamedNode(f"{opened.base_iri}id/meeting/{SERIES}")
    agents = {
        q.object.value
        for part in opened.store.quads_for_pattern(series, M8G.hasParticipation, None)
        for q in opened.store.quads_for_pattern(part.object, M8G.hasParticipant, None)
    }
    assert agents
    for agent in sorted(agents):
        row = _row(resource_page(opened.store, agent, site, lang), SERIES)
        assert "2021-04-14 –<br>2021-04-22" in row and f"({days})" in row, agent
        assert unknown not in row, agent


def _ministries(opened: Release) -> dict[str, dict[str, set[str]]]:
    """Each ministry's sakråd with how, as the lists give them."""
    out: dict[str, dict[str, set[str]]] = {}
    for m in read_lists(opened.store, opened.base_iri).meetings:
        for r, hows in m.ministries_by_how:
            out.setdefault(r.iri, {})[m.ref.id] = set(hows)
    return out


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_ministrys_page_lists_its_sakrad_with_how_and_links_to_its_filter(
    opened: Release, site: Site, lang: str
) -> None:
    ministries = _ministries(opened)
    assert len(ministries) > 1
    hows = {"sv": {"organiser": "arrangör", "convener": "via sammankallandes post"}, "en": {"organiser": "organiser"}}
    seen_how = set()
    for iri, meetings in ministries.items():
        page = resource_page(opened.store, iri, site, lang)
        key = iri.rsplit("/", 1)[1]
        prefix = "../../"  # from (en/)doc/body/ to (en/)lists/
        assert f'href="{prefix}lists/meetings/ministry/{key}.html"' in page, re.findall(
            r'href="[^"]*lists/meetings/ministry[^"]*"', page
        )
        section = page[page.index('id="ministry-meetings"') :].split("</section>")[0]
        for meeting_id, ways in meetings.items():
            row = _row(section, meeting_id)
            for how in ways:
                if how in hows[lang]:
                    assert hows[lang][how] in row, (iri, meeting_id)
                    seen_how.add(how)
    assert "organiser" in seen_how


def test_a_body_that_is_no_ministry_has_no_ministry_list(opened: Release, site: Site) -> None:
    ministries = _ministries(opened)
    units = [
        q.subject.value
        for q in opened.store.quads_for_pattern(None, ox.NamedNode("http://www.w3.org/ns/org#unitOf"), None)
        if q.subject.value not in ministries
    ]
    assert units
    assert 'id="ministry-meetings"' not in resource_page(opened.store, units[0], site, "sv")


def test_headings_hyphenate_and_an_empty_ministry_cell_says_none_is_known(opened: Release, site: Site) -> None:
    from sakrad_ld.web.pages import start_page

    css = (Path(__file__).parents[1] / "src" / "sakrad_ld" / "assets" / "style.css").read_text(encoding="utf-8")
    assert re.search(r"h1, h2, h3 \{[^}]*\bhyphens: auto", css)
    lists = read_lists(opened.store, opened.base_iri)
    assert any(not m.ministries for m in lists.meetings) and any(m.ministries for m in lists.meetings)
    for lang, words in (("sv", "inget känt"), ("en", "none known")):
        start = start_page(opened.store, site, lang, summary=lists)
        table = start[start.index('id="meetings"') :].split("</table>")[0]
        rows = table.split("<tr>")[2:]
        assert rows
        for row in rows:  # every row names a ministry or says none is known: no empty cell
            cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
            assert all(c.strip() for c in cells), row
        assert words in table  # the fixture's newest include sakråd with no ministry known
