"""The feeds as feed readers take them, on the fixture release:

* a sakråd changed (or new) since the previous release carries an ``updated`` past the one the
  previous release's feed gave it, the dataset's ``dct:modified`` (the publisher's day of the data's
  last change, never the clock's), so a reader that has the entry shows the change; the feed's own
  ``updated`` moves with it; an unchanged entry keeps its sources' day;
* an entry links the sakråd's HTML page (``….html``), the representation its ``type="text/html"``
  names, in Swedish as in English;
* the start page, the list of sakråd and an organisation's page name their feed in their head
  (``<link rel="alternate" type="application/atom+xml">``), as feed readers discover feeds.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pyoxigraph as ox
import pytest

from sakrad_ld.documents.describe import document_triples
from sakrad_ld.sparql.store import Release
from sakrad_ld.vocab import DCTERMS
from sakrad_ld.web.feeds import feed_files, source_dates
from sakrad_ld.web.labels import Labeller
from sakrad_ld.web.lists import read_lists
from sakrad_ld.web.pages import Site, dataset_node, resource_page
from sakrad_ld.web.sitefiles import site_files

ATOM = "{http://www.w3.org/2005/Atom}"
LATER = "2099-01-01"


@pytest.fixture(scope="module")
def opened(fixture_release: Path) -> Release:
    return Release.open(fixture_release)


def _copy(store: ox.Store) -> ox.Store:
    out = ox.Store()
    out.extend(store.quads_for_pattern(None, None, None))
    return out


def _modified(store: ox.Store, day: str) -> ox.Store:
    """A copy of ``store`` whose dataset says it was modified on ``day``."""
    out = _copy(store)
    dataset = dataset_node(out)
    assert dataset is not None
    for q in list(out.quads_for_pattern(dataset, DCTERMS.modified, None)):
        out.remove(q)
        out.add(ox.Quad(q.subject, q.predicate, ox.Literal(day, datatype=q.object.datatype), q.graph_name))
    return out


def _entries(store: ox.Store, base: str, previous: ox.Store | None, file: str) -> tuple[dict[str, dict], str]:
    lists = read_lists(store, base, Labeller(store))
    root = ET.fromstring(dict(feed_files(store, base, lists, previous))[file])
    out = {}
    for e in root.iter(f"{ATOM}entry"):
        out[e.find(f"{ATOM}id").text] = {
            "updated": e.find(f"{ATOM}updated").text,
            "terms": {c.get("term") for c in e.iter(f"{ATOM}category")},
            "link": e.find(f"{ATOM}link").get("href"),
        }
    return out, root.find(f"{ATOM}updated").text


@pytest.mark.parametrize("file", ["feeds/meetings.atom", "en/feeds/meetings.atom"])
def test_a_changed_sakrad_is_updated_past_its_previous_entry(opened: Release, file: str) -> None:
    base = opened.base_iri
    dated = source_dates(opened.store, base)
    meeting = min(dated, key=lambda iri: dated[iri].latest)  # the sakråd of the oldest sources
    before = _copy(opened.store)
    before.remove(next(iter(before.quads_for_pattern(ox.NamedNode(meeting), None, None))))
    assert set(document_triples(before, meeting)) != set(document_triples(opened.store, meeting))
    now = _modified(opened.store, LATER)
    old, old_updated = _entries(before, base, None, file)
    new, new_updated = _entries(now, base, before, file)
    assert "changed" in new[meeting]["terms"]
    assert new[meeting]["updated"] == f"{LATER}T00:00:00Z" > old[meeting]["updated"]
    assert new_updated == f"{LATER}T00:00:00Z" > old_updated
    unchanged = [iri for iri in new if iri != meeting and not new[iri]["terms"] & {"new", "changed"}]
    assert unchanged and all(new[iri]["updated"] == old[iri]["updated"] for iri in unchanged)
    # compared with itself, nothing moves, whatever the dataset's modified day
    assert _entries(now, base, _copy(now), file) == _entries(now, base, None, file)


@pytest.mark.parametrize("file", ["feeds/meetings.atom", "en/feeds/meetings.atom"])
def test_an_entry_links_the_html_page_its_type_names(opened: Release, file: str) -> None:
    entries, _ = _entries(opened.store, opened.base_iri, None, file)
    assert entries
    prefix = opened.base_iri + ("en/" if file.startswith("en/") else "") + "doc/meeting/"
    assert all(e["link"].startswith(prefix) and e["link"].endswith(".html") for e in entries.values())


@pytest.fixture(scope="module")
def files(opened: Release) -> dict[str, bytes]:
    """The site's prepared files, and the pages of a sakråd, an organisation and the dataset (made on request)."""
    downloads = [(f.path, f.media_type, f.size) for f in opened.files.values()]
    site = Site(opened.base_iri, downloads, [], sparql_path=None, release=opened.root)
    out = dict(site_files(opened.store, site))
    for lang, prefix in (("sv", ""), ("en", "en/")):
        for doc in ("organisation/radda-barnen", "meeting/2017-12-12-integration"):
            page = resource_page(opened.store, f"{opened.base_iri}id/{doc}", site, lang)
            assert page is not None
            out[f"{prefix}doc/{doc}.html"] = page.encode()
        dataset = resource_page(opened.store, f"{opened.base_iri}dataset", site, lang)
        assert dataset is not None
        out[f"{prefix}dataset.html"] = dataset.encode()
    return out


_FEED_LINK = re.compile(r'<link rel="alternate" type="application/atom\+xml" href="([^"]+)" title="[^"]+">')


@pytest.mark.parametrize(
    "page, feed",
    [
        ("index.html", "feeds/meetings.atom"),
        ("en/index.html", "en/feeds/meetings.atom"),
        ("lists/meetings.html", "feeds/meetings.atom"),
        ("en/lists/meetings.html", "en/feeds/meetings.atom"),
        ("doc/organisation/radda-barnen.html", "feeds/organisation/radda-barnen.atom"),
        ("en/doc/organisation/radda-barnen.html", "en/feeds/organisation/radda-barnen.atom"),
    ],
)
def test_a_page_with_a_feed_names_it_in_its_head(files: dict[str, bytes], page: str, feed: str) -> None:
    html = files[page].decode()
    head = html[: html.index("</head>")]
    found = _FEED_LINK.findall(head)
    assert len(found) == 1, found
    assert posixpath.normpath(posixpath.join(posixpath.dirname(page), found[0])) == feed and feed in files


def test_a_page_without_a_feed_names_none(files: dict[str, bytes]) -> None:
    for page in ("dataset.html", "lists/organisations.html", "en/doc/meeting/2017-12-12-integration.html"):
        html = files[page].decode()
        assert "application/atom+xml" not in html[: html.index("</head>")], page
