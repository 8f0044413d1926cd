"""A sakråd's title the data made itself (``sakrad:titleDerivation``) is marked where the title leaves
the page: in its ``<title>`` (as the feed marks it) and beside the schema.org ``name``, which is kept."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from sakrad_ld.sparql.store import Release
from sakrad_ld.triples import RDF_TYPE
from sakrad_ld.vocab import DCTERMS, SAKRAD
from sakrad_ld.web import schemaorg
from sakrad_ld.web.pages import Site, resource_page


def _sourced(store: object) -> str:
    """The first sakråd whose title is its source's (no ``sakrad:titleDerivation``)."""
    meetings = sorted(q.subject.value for q in store.quads_for_pattern(None, RDF_TYPE, SAKRAD.Sakrad))  # type: ignore[attr-defined]
    return next(
        m
        for m in meetings
        if not list(store.quads_for_pattern(ox.NamedNode(m), SAKRAD.titleDerivation, None))  # type: ignore[attr-defined]
    )


@pytest.fixture
def marked(fixture_release: Path) -> tuple[Release, str, str]:
    """The fixture release with one sakråd's title made the data's own: (release, its IRI, its title)."""
    opened = Release.open(fixture_release)
    store = opened.store
    meeting = _sourced(store)
    node = ox.NamedNode(meeting)
    title = next(q.object.value for q in store.quads_for_pattern(node, DCTERMS.title, None))
    how = [
        ox.Literal("Rubriken är datans egen.", language="sv"),
        ox.Literal("The title is the data's own.", language="en"),
    ]
    for literal in how:
        store.store.add(ox.Quad(node, SAKRAD.titleDerivation, literal, ox.NamedNode(store.graph)))
    return opened, meeting, title


def _title(page: str) -> str:
    found = re.search(r"<title>(.*?)</title>", page)
    assert found is not None
    return found[1].replace("&#39;", "'")


def test_the_page_title_of_an_own_title_is_marked(marked: tuple[Release, str, str]) -> None:
    opened, meeting, title = marked
    site = Site(opened.base_iri, [], [], release=opened.root)
    for lang, mark in (("sv", "(datans egen rubrik)"), ("en", "(the data's own title)")):
        page = resource_page(opened.store, meeting, site, lang)
        assert page is not None
        assert _title(page).endswith(f" {mark}"), _title(page)


def test_a_title_a_source_gives_is_not_marked(fixture_release: Path) -> None:
    opened = Release.open(fixture_release)
    site = Site(opened.base_iri, [], [], release=opened.root)
    meeting = _sourced(opened.store)
    page = resource_page(opened.store, meeting, site, "sv")
    assert page is not None and "egen rubrik" not in _title(page)
    assert "disambiguatingDescription" not in json.dumps(schemaorg.about(opened.store, meeting, opened.base_iri))


def test_schema_org_keeps_the_name_and_says_it_is_the_datas_own(marked: tuple[Release, str, str]) -> None:
    opened, meeting, title = marked
    for lang, words in (("sv", "datans egen rubrik"), ("en", "the data's own title")):
        described = schemaorg.about(opened.store, meeting, opened.base_iri, lang)
        assert described is not None
        assert described["name"] == title
        assert words in described["disambiguatingDescription"]
