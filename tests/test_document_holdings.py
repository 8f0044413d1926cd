"""A meeting's document shows the posts its own people are shown holding, never every holder of a
post it links to (a 2019 sakråd's document listed the state secretaries of 2022–2025, people and
sources that have nothing to do with it)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from sakrad_ld.documents import document_triples
from sakrad_ld.sparql.store import Release
from sakrad_ld.web.documents import published_resources

ORG_MEMBER = ox.NamedNode("http://www.w3.org/ns/org#member")
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
HOLDING = ox.NamedNode("https://w3id.org/sakrad/ontology#PostHolding")


def test_a_meeting_document_holds_only_its_own_peoples_post_holdings(fixture_release: Path) -> None:
    opened = Release.open(fixture_release)
    meetings = [iri for iri, _ in published_resources(opened.store, opened.base_iri) if "/id/meeting/" in iri]
    checked = 0
    for iri in meetings:
        triples = list(document_triples(opened.store, iri))
        holdings = {t[0] for t in triples if t[1] == RDF_TYPE and t[2] == HOLDING}
        # the people the document names other than as a holding's member: its own statements' objects
        named = {t[2] for t in triples if t[0] not in holdings and isinstance(t[2], ox.NamedNode)}
        for holding in holdings:
            members = {t[2] for t in triples if t[0] == holding and t[1] == ORG_MEMBER}
            assert members and members <= named, f"{iri}: {holding} holds for {members}, not a person of the sakråd"
            checked += 1
        # and every holding the store has of a person the document names is there
        people = {t[0] for t in triples if t[1] == RDF_TYPE and t[2].value == "http://xmlns.com/foaf/0.1/Person"}
        for person in people:
            for quad in opened.store.quads_for_pattern(None, ORG_MEMBER, person):
                if next(iter(opened.store.quads_for_pattern(quad.subject, RDF_TYPE, HOLDING)), None) is not None:
                    assert quad.subject in holdings, f"{iri}: {person}'s holding {quad.subject} is missing"
    assert checked, "the fixture has meetings whose people hold posts"
