"""English search: a sakråd's English title and topic are in the index where the data has them, and
the English search page says the titles are Swedish and to search in Swedish (``racism`` finds
nothing, ``rasism`` does)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from sakrad_ld.sparql.store import Release
from sakrad_ld.triples import RDF_TYPE
from sakrad_ld.vocab import DCTERMS, SAKRAD
from sakrad_ld.web.lists import read_lists
from sakrad_ld.web.pages import Site
from sakrad_ld.web.render import render
from sakrad_ld.web.searchindex import search_entries


def test_an_english_title_and_topic_are_searched(fixture_release: Path) -> None:
    opened = Release.open(fixture_release)
    store = opened.store
    meeting = sorted(q.subject.value for q in store.quads_for_pattern(None, RDF_TYPE, SAKRAD.Sakrad))[0]
    graph = ox.NamedNode(store.graph)
    node = ox.NamedNode(meeting)
    store.store.add(ox.Quad(node, DCTERMS.title, ox.Literal("Consultation on racism", language="en"), graph))
    store.store.add(ox.Quad(node, SAKRAD.topic, ox.Literal("hate crime", language="en"), graph))
    entries = search_entries(store, read_lists(store, opened.base_iri))
    (entry,) = [e for e in entries if e["k"] == "meeting" and e["h"].endswith(meeting.rsplit("/", 1)[1] + ".html")]
    assert "racism" in entry["f"].split() and "hate crime" in entry["f"]
    assert entry["e"] == "Consultation on racism"


def test_the_english_search_page_says_to_search_in_swedish(fixture_release: Path) -> None:
    opened = Release.open(fixture_release)
    site = Site(opened.base_iri, [], [], release=opened.root)
    english = render("search.html", here="en/search.html", lang="en", site=site, licence=None, title="Search")
    swedish = render("search.html", here="search.html", lang="sv", site=site, licence=None, title="Sök")
    assert "in Swedish" in english and "rasism for racism" in english
    assert "rasism for racism" not in swedish
