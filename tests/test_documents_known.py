"""A document made with the linked resources another document already read (``document_triples``'
``known``) is the document made from the store alone, whatever order the documents are made in."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from sakrad_ld.documents import document_bytes, document_triples
from sakrad_ld.formats import FORMATS
from sakrad_ld.sparql.store import Release
from sakrad_ld.web.documents import published_resources


def test_documents_made_with_what_others_read_are_the_documents_made_alone(fixture_release: Path) -> None:
    opened = Release.open(fixture_release)
    iris = [iri for iri, _ in published_resources(opened.store, opened.base_iri)]
    assert len(iris) > 10
    alone = {iri: document_triples(opened.store, iri) for iri in iris}
    written = {(iri, f.name): document_bytes(alone[iri], f, iri) for iri in iris for f in FORMATS}
    for order in (iris, iris[::-1]):
        known: dict = {}
        for iri in order:
            triples = document_triples(opened.store, iri, known)
            assert triples == alone[iri], iri
            # and the same bytes, though the writers use again what they made of the shared parts
            for f in FORMATS:
                assert document_bytes(triples, f, iri) == written[(iri, f.name)], (iri, f.name)
        # the documents did share what they link to: an organisation is read once for every meeting
        assert known, "no linked resource was kept"


def test_a_post_is_described_with_who_holds_it_when_it_is_read_again(fixture_release: Path) -> None:
    opened = Release.open(fixture_release)
    post_kind = ox.NamedNode("http://www.w3.org/ns/org#Post")
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    posts = {q.subject for q in opened.store.quads_for_pattern(None, rdf_type, post_kind)}
    meetings = [iri for iri, _ in published_resources(opened.store, opened.base_iri) if "/meeting/" in iri]
    known: dict = {}
    linking = [iri for iri in meetings if any(t.object in posts for t in document_triples(opened.store, iri, known))]
    assert posts and linking, "the fixture has meetings that link to a post"
    for iri in linking:
        assert document_triples(opened.store, iri, known) == document_triples(opened.store, iri), iri
