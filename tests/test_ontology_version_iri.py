"""The ontology's version IRI (``owl:versionIRI``, ``{base}ontology/1.2.0``) locates that version of the
ontology: by OWL 2 Structural Specification §3.2 a version of an ontology should be retrievable
from its version IRI. Its document is the ontology's in every format, and its page the ontology's documentation,
on the server as in the export — not the one triple that links to it, under "Type: unknown"."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from sakrad_ld.documents import document_bytes, document_triples, version_of
from sakrad_ld.formats import FORMATS
from sakrad_ld.serving.server import create_app, request_once
from sakrad_ld.serving.settings import Settings
from sakrad_ld.sparql.store import Release
from sakrad_ld.vocab import ONTOLOGY_IRI, OWL
from sakrad_ld.web.pages import Site, ontology_page, resource_page

_RDFLIB = {"turtle": "turtle", "jsonld": "json-ld", "ntriples": "nt", "rdfxml": "xml"}


@pytest.fixture(scope="module")
def opened(fixture_release: Path) -> Release:
    return Release.open(fixture_release)


def version(opened: Release) -> str:
    found = [q.object.value for q in opened.store.quads_for_pattern(ONTOLOGY_IRI, OWL.versionIRI, None)]
    assert len(found) == 1 and found[0].startswith(opened.base_iri + "ontology/"), found
    return found[0]


def graph(data: bytes, format: str) -> Graph:
    return Graph().parse(data=data, format=_RDFLIB[format])


def same(a: Graph, b: Graph) -> None:
    if not isomorphic(a, b):
        _, only_a, only_b = graph_diff(to_isomorphic(a), to_isomorphic(b))
        raise AssertionError(
            f"only at the version IRI: {sorted(only_a)[:5]}; only at the ontology: {sorted(only_b)[:5]}"
        )


def test_the_version_iri_names_its_ontology(opened: Release) -> None:
    assert version_of(opened.store, version(opened)) == ONTOLOGY_IRI.value
    assert version_of(opened.store, ONTOLOGY_IRI.value) is None
    assert version_of(opened.store, opened.base_iri + "dataset") is None


@pytest.mark.parametrize("format", FORMATS, ids=lambda f: f.name)
def test_the_version_iris_document_is_the_ontology_in_every_format(opened: Release, format) -> None:
    at_version = document_triples(opened.store, version(opened))
    assert len(at_version) > 100  # the ontology's terms, not one linking triple
    ours = graph(document_bytes(at_version, format, version(opened)), format.name)
    ontology = document_bytes(document_triples(opened.store, ONTOLOGY_IRI.value), format, ONTOLOGY_IRI.value)
    same(ours, graph(ontology, format.name))
    assert (ox.NamedNode(ONTOLOGY_IRI.value), OWL.versionIRI, ox.NamedNode(version(opened))) in {
        (t.subject, t.predicate, t.object) for t in at_version
    }


def test_the_version_iris_jsonld_is_framed_around_the_ontology(opened: Release) -> None:
    import json

    jsonld = next(f for f in FORMATS if f.name == "jsonld")
    framed = json.loads(document_bytes(document_triples(opened.store, version(opened)), jsonld, version(opened)))
    assert framed["id"] == ONTOLOGY_IRI.value


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_version_iris_page_is_the_ontologys_documentation(opened: Release, lang: str) -> None:
    site = Site(opened.base_iri, [], [], release=opened.root)
    page = resource_page(opened.store, version(opened), site, lang) or ""
    whole = ontology_page(opened.store, site, lang)
    for term in ("Sakrad", "announcedOnly", "derivedDate"):
        assert f'<section id="{term}">' in page and f'<section id="{term}">' in whole
    assert {"sv": "Typ: okänt", "en": "Type: unknown"}[lang] not in page
    assert f"<code>{version(opened)}</code>" in page  # it says which version it is
    assert f"<code>{version(opened)}</code>" not in whole.split("<h2>")[0]
    # its links are relative to its own file, one folder down (ontology/1.2.0.html)
    assert 'href="../../assets/style.css"' in page if lang == "en" else 'href="../assets/style.css"' in page


@pytest.mark.parametrize("format", FORMATS, ids=lambda f: f.name)
def test_the_server_answers_the_ontology_at_its_version_iri(fixture_release: Path, opened: Release, format) -> None:
    path = version(opened)[len(opened.base_iri) - 1 :]
    app = create_app(fixture_release, Settings())
    status, headers, _ = request_once(app, path, format.media_type)
    assert status == 303 and dict(headers)["location"].endswith(path + format.suffix), (status, headers)
    status, _, body = request_once(create_app(fixture_release, Settings()), path + format.suffix)
    assert status == 200
    ontology = document_bytes(document_triples(opened.store, ONTOLOGY_IRI.value), format, ONTOLOGY_IRI.value)
    same(graph(body, format.name), graph(ontology, format.name))
