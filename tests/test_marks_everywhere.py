"""Every mark the data puts on a sakråd is in every output people read.

The marks: a date worked out, not stated (``sakrad:derivedDate``); a series of days; a title the data
made itself (``sakrad:titleDerivation``); a sakråd its sources only announce (``sakrad:announcedOnly``);
a sakråd no document read says was held, which the data concludes was held (``sakrad:heldDerivation``).
The outputs: the search index (and the script that shows it), the lists' pages (sv, en) and their
CSV, the feed, the sakråd's picture (sv, en), the start page's participation chart (sv, en: the
tooltip of the sakråd's column), its page (sv, en) and the table of roles on the page of a thing that
has one in it (sv, en). The test walks marks × outputs, with a sakråd of the fixture
release that has the mark and one that has none of them, so an output that leaves out a mark, or a
new output that is added to :data:`OUTPUTS` without every mark, fails.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from html import unescape
from pathlib import Path

import pyoxigraph as ox
import pytest

from sakrad_ld.sparql.store import Release
from sakrad_ld.vocab import M8G
from sakrad_ld.web.lists import MeetingRow, read_lists
from sakrad_ld.web.pages import Site, resource_page
from sakrad_ld.web.sitefiles import site_files

MARKS = ("derived", "series", "title_own", "announced", "held")
SVG = "{http://www.w3.org/2000/svg}"

#: How each mark reads in Swedish and English text (a page, a list, a picture, the feed).
WORDS = {
    "derived": {"sv": "härlett", "en": "derived"},
    "series": {"sv": "dagar", "en": "days"},
    "title_own": {"sv": "datans egen", "en": "the data's own"},
    "announced": {"sv": "kungjort", "en": "announced"},
    "held": {"sv": "hållet: härlett", "en": "held: derived"},
}
#: The search index's key of each mark, and the list CSV's column and value.
SEARCH_KEYS = {"derived": "x", "series": "y", "title_own": "t", "announced": "a", "held": "g"}
CSV_MARKS = {
    "derived": ("date_kind", "derived"),
    "series": ("date_kind", "series"),
    "title_own": ("title_kind", "own"),
    "announced": ("announced_only", "true"),
    "held": ("held_derived", "true"),
}


def has(row: MeetingRow, mark: str) -> bool:
    return {
        "derived": row.derived and not row.series,
        "series": row.series,
        "title_own": row.title_own,
        "announced": row.announced,
        "held": row.held_derived,
    }[mark]


class Site_:
    """The outputs of the fixture release, made once."""

    def __init__(self, release: Path) -> None:
        self.release = Release.open(release)
        self.store = self.release.store
        self.site = Site(self.release.base_iri, [], [], sparql_path=None, release=self.release.root)
        self.files = dict(site_files(self.store, self.site))
        self.lists = read_lists(self.store, self.release.base_iri)


@pytest.fixture(scope="module")
def outputs(fixture_release: Path) -> Site_:
    return Site_(fixture_release)


def _id(row: MeetingRow) -> str:
    return row.ref.iri.rsplit("/", 1)[-1]


def _text(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))).lower()


def _search(o: Site_, row: MeetingRow, mark: str) -> bool:
    entries = json.loads(o.files["search-index.json"])
    entry = next(e for e in entries if e["h"].endswith(f"/{_id(row)}.html"))
    key = SEARCH_KEYS[mark]
    script = o.files["assets/js/search.js"].decode()
    shown = f"e.{key}" in script  # the page shows the key it has
    return bool(entry.get(key)) and shown


def _list_row(o: Site_, row: MeetingRow, lang: str) -> str:
    prefix = "lists/meetings" if lang == "sv" else "en/lists/meetings"
    for path, data in sorted(o.files.items()):
        if path.startswith(prefix) and path.endswith(".html"):
            found = re.search(
                rf"<tr>(?:(?!</tr>).)*/{re.escape(_id(row))}\.html(?:(?!</tr>).)*</tr>", data.decode(), re.S
            )
            if found:
                return _text(found[0])
    raise AssertionError(f"no list row of {_id(row)}")


def _csv(o: Site_, row: MeetingRow, mark: str) -> bool:
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(o.files["lists/meetings.csv"].decode("utf-8-sig")))}
    column, value = CSV_MARKS[mark]
    return rows[_id(row)][column] == value


def _feed(o: Site_, row: MeetingRow) -> str:
    feed = o.files["feeds/meetings.atom"].decode()
    found = re.search(rf"<entry>\s*<id>{re.escape(row.ref.iri)}</id>.*?</entry>", feed, re.S)
    assert found, _id(row)
    return found[0].lower()


def _picture(o: Site_, row: MeetingRow, lang: str) -> str:
    folder = o.release.root / "diagrams" / ("en" if lang == "en" else "")
    return _text((folder / f"meeting-{_id(row)}.svg").read_text(encoding="utf-8"))


def _chart(o: Site_, row: MeetingRow, lang: str) -> str:
    """The tooltip of the sakråd's column in the participation chart (the file the start page puts
    inline), with the text of the elements in it (a Swedish title in an English chart is in a
    ``<span>`` of its own)."""
    folder = o.release.root / "diagrams" / ("en" if lang == "en" else "")
    svg = ET.fromstring((folder / "participation-chart.svg").read_bytes())
    tips = [
        "".join(title.itertext())
        for a in svg.iter(f"{SVG}a")
        if (a.get("href") or "").endswith(f"/{_id(row)}")
        for title in a.iter(f"{SVG}title")
    ]
    assert tips, f"the chart has no column of {_id(row)}"
    return _text(" ".join(tips))


def _page(o: Site_, row: MeetingRow, lang: str) -> str:
    page = resource_page(o.store, row.ref.iri, o.site, lang) or ""
    # the sakråd's own facts, not the tables of everything and the links at the end
    return _text(page.split('id="facts"')[0])


def _roles(o: Site_, row: MeetingRow, lang: str) -> str:
    """The row of the sakråd in the roles table of a thing that has a role in it."""
    part = next(q.object for q in o.store.quads_for_pattern(ox.NamedNode(row.ref.iri), M8G.hasParticipation, None))
    agent = next(q.object for q in o.store.quads_for_pattern(part, M8G.hasParticipant, None))
    page = resource_page(o.store, agent.value, o.site, lang) or ""
    section = page.split('id="participations"')[1].split("</section>")[0]
    found = re.search(rf"<tr>(?:(?!</tr>).)*/{re.escape(_id(row))}\.html(?:(?!</tr>).)*</tr>", section, re.S)
    assert found, (agent, _id(row))
    return _text(found[0])


def _words(text: Callable[[Site_, MeetingRow, str], str], lang: str) -> Callable[[Site_, MeetingRow, str], bool]:
    return lambda o, row, mark: WORDS[mark][lang] in text(o, row, lang)


#: Every output people read, and whether it shows a mark for a sakråd.
OUTPUTS: dict[str, Callable[[Site_, MeetingRow, str], bool]] = {
    "search": _search,
    "list sv": _words(_list_row, "sv"),
    "list en": _words(_list_row, "en"),
    "list csv": _csv,
    "feed": lambda o, row, mark: WORDS[mark]["sv"] in _feed(o, row),
    "picture sv": _words(_picture, "sv"),
    "picture en": _words(_picture, "en"),
    "chart sv": _words(_chart, "sv"),
    "chart en": _words(_chart, "en"),
    "page sv": _words(_page, "sv"),
    "page en": _words(_page, "en"),
    "roles sv": _words(_roles, "sv"),
    "roles en": _words(_roles, "en"),
}


def _with_role(o: Site_, row: MeetingRow) -> bool:
    return any(True for _ in o.store.quads_for_pattern(ox.NamedNode(row.ref.iri), M8G.hasParticipation, None))


@pytest.mark.parametrize("output", sorted(OUTPUTS))
@pytest.mark.parametrize("mark", MARKS)
def test_every_mark_is_in_every_output(outputs: Site_, mark: str, output: str) -> None:
    rows = [r for r in outputs.lists.meetings if has(r, mark)]
    if output.startswith("roles"):
        rows = [r for r in rows if _with_role(outputs, r)]
    assert rows, f"the fixture release has no sakråd marked {mark}"
    plain = [r for r in outputs.lists.meetings if not any(has(r, m) for m in MARKS) and r.date]
    if output.startswith("roles"):
        plain = [r for r in plain if _with_role(outputs, r)]
    assert plain, "the fixture release has no sakråd without a mark"
    shows = OUTPUTS[output]
    for row in rows:
        assert shows(outputs, row, mark), f"{output} does not mark {_id(row)} as {mark}"
    assert not shows(outputs, plain[0], mark), f"{output} marks {_id(plain[0])} as {mark}, which it is not"
