"""Sources as their documents are: a source's dct:title is its own title (the listing's title, word for
word), a record whose title is not known has no dct:title but a label of the data's own
(rdfs:label), and that an unread document is about a meeting is said in the graph of the page that
lists it, not in the graph of the unread document."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
import yaml

from sakrad_ld.vocab import DCTERMS, RDFS, SCHEMA

FIXTURE = Path(__file__).parent / "fixtures" / "project" / "data"
SOURCES = yaml.safe_load((FIXTURE / "sources.yaml").read_text(encoding="utf-8"))["sources"]
SOURCE = "https://w3id.org/sakrad/id/source/"
#: the data's own words for what a document is, never part of a document's title
OWN_WORDS = ("Sakrådssida:", "Pressmeddelande om", "Artikel om", "Inbjudan till sakråd:", "Sida om", "Nyhet om")


@pytest.fixture(scope="module")
def quads(fixture_release: Path) -> list[ox.Quad]:
    return list(ox.parse(path=str(fixture_release / "sakrad.nq")))


def test_no_title_is_the_datas_description(shared: Path) -> None:
    titled = [s for s in SOURCES if s.get("title")]
    assert titled and all(not s["title"]["sv"].startswith(OWN_WORDS) for s in titled)
    assert all(bool(s.get("title")) != bool(s.get("label")) for s in SOURCES)  # exactly one of the two


def test_a_listed_page_has_its_listing_title(shared: Path) -> None:
    listed = {
        "https://www.regeringen.se" + e["url"]: " ".join(e["title"].split())
        for e in json.loads((shared / "regeringen" / "listing.json").read_text(encoding="utf-8"))
        if e.get("title")
    }
    checked = 0
    for s in SOURCES:
        if s.get("url") in listed:
            assert s.get("title"), f"{s['id']}: the listing gives its title"
            assert " ".join(s["title"]["sv"].split()) == listed[s["url"]], s["id"]
            checked += 1
    assert checked


def test_a_source_without_known_title_has_a_label_and_no_title(quads: list[ox.Quad]) -> None:
    labelled = [s["id"] for s in SOURCES if s.get("label")]
    assert labelled
    for id in labelled:
        node = ox.NamedNode(SOURCE + id)
        said = {(q.predicate, q.object) for q in quads if q.subject == node}
        assert not [o for p, o in said if p == DCTERMS.title], id
        assert [o for p, o in said if p == RDFS.label and o.language == "sv"], id


def test_subject_of_is_said_by_the_meetings_main_source(quads: list[ox.Quad]) -> None:
    about = [q for q in quads if q.predicate == SCHEMA.subjectOf]
    assert about
    main = {(q.subject, q.object) for q in quads if q.predicate == DCTERMS.source}
    for q in about:
        assert q.graph_name != q.object, f"{q.subject} subjectOf {q.object} is put in the unread document's graph"
        assert (q.subject, q.graph_name) in main, f"{q}: not in the graph of a source of the meeting"
