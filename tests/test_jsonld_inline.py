"""Every JSON-LD file carries its context inline, so any client reads it offline and on any host
(docs/jsonld.md): rdflib, pyoxigraph and pyld need no document loader and no network. The whole
graph carries the published context; a document or a CONSTRUCT answer exactly the definitions it
uses, in the published context's order; and each means the graph of its Turtle.

Before, every document said ``"@context": "https://w3id.org/sakrad/context.jsonld"``, an address
that does not resolve: rdflib failed with URLError, pyoxigraph with "No LoadDocumentCallback",
Comunica with "Failed to load remote context"."""

from __future__ import annotations

import json
import re
import socket
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from pyld import jsonld
from rdflib.compare import isomorphic

from sakrad_ld.jsonld import context_document
from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings

PUBLISHED = context_document()["@context"]


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """No connection leaves the process: a parser that fetched the context would fail."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"a network connection was opened: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def _jsonld_files(release: Path) -> Iterator[tuple[Path, Path]]:
    """Every JSON-LD file of a release with its Turtle (the same name), but the context itself."""
    for file in sorted(release.rglob("*.jsonld")):
        if file.name != "context.jsonld" and file.with_suffix(".ttl").is_file():
            yield file, file.with_suffix(".ttl")


def _check_context(doc: dict, name: str) -> list[str]:
    """What is wrong with a document's inline context: an entry the published context has not (or
    defines otherwise), one out of the published order, or one nothing in the document uses."""
    ctx = doc["@context"]
    if not isinstance(ctx, dict):
        return [f"{name}: @context is {ctx!r}, not an object"]
    problems = [f"{name}: {k!r} is not the published definition" for k, v in ctx.items() if PUBLISHED.get(k) != v]
    order = list(PUBLISHED)
    if [order.index(k) for k in ctx if k in PUBLISHED] != sorted(order.index(k) for k in ctx if k in PUBLISHED):
        problems.append(f"{name}: not in the published context's order")
    body = json.dumps({k: v for k, v in doc.items() if k != "@context"}, ensure_ascii=False)
    for key in ctx:
        if key.startswith("@"):
            continue
        # a term is used as a key or a word ("type", "chair"), a prefix in a compact IRI of the
        # document or of another definition the context holds
        others = json.dumps({k: v for k, v in ctx.items() if k != key})
        if f'"{key}"' not in body and f'"{key}:' not in body and f'"{key}:' not in others:
            problems.append(f"{name}: {key!r} is defined but not used")
    return problems


def test_every_jsonld_file_of_a_release_is_its_turtle_with_no_network(fixture_release: Path, offline: None) -> None:
    problems: list[str] = []
    files = list(_jsonld_files(fixture_release))
    assert any(f.parent.name == "meetings" for f, _ in files) and (fixture_release / "sakrad.jsonld") in dict(files)
    for file, turtle in files:
        name = str(file.relative_to(fixture_release))
        data = file.read_bytes()
        doc = json.loads(data)
        if file.name == "sakrad.jsonld":
            if doc["@context"] != PUBLISHED:
                problems.append(f"{name}: the whole graph does not carry the published context")
        else:
            problems += _check_context(doc, name)
        from_json = rdflib.Graph().parse(data=data, format="json-ld")
        from_turtle = rdflib.Graph().parse(turtle, format="turtle")
        if not isomorphic(from_json, from_turtle):
            problems.append(f"{name}: not the graph of {turtle.name} ({len(from_json)} and {len(from_turtle)} triples)")
    assert not problems, "\n".join(problems[:20])


def test_pyld_reads_a_meeting_document_with_no_document_loader(fixture_release: Path) -> None:
    def no_loader(url: str, options: object = None) -> dict:
        raise AssertionError(f"pyld asked for {url}")

    file = sorted((fixture_release / "meetings").glob("*.jsonld"))[0]
    nquads = jsonld.to_rdf(
        json.loads(file.read_bytes()), {"format": "application/n-quads", "documentLoader": no_loader}
    )
    from_json = {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(nquads, format=ox.RdfFormat.N_QUADS)}
    from_turtle = set(ox.parse(path=str(file.with_suffix(".ttl"))))
    assert from_json == {ox.Triple(t.subject, t.predicate, t.object) for t in from_turtle} and from_json


def _served_meeting(fixture_release: Path) -> tuple[str, bytes, bytes]:
    from starlette.testclient import TestClient

    stem = sorted((fixture_release / "meetings").glob("*.jsonld"))[0].stem
    with TestClient(create_app(fixture_release, Settings())) as server:
        answers = [
            server.get(f"/doc/meeting/{stem}", headers={"accept": a}) for a in ("application/ld+json", "text/turtle")
        ]
    assert [r.status_code for r in answers] == [200, 200]
    assert answers[0].headers["content-type"].startswith("application/ld+json")
    return stem, answers[0].content, answers[1].content


def test_a_served_document_parses_in_rdflib_and_pyoxigraph_with_no_network(
    fixture_release: Path, offline: None
) -> None:
    stem, data, turtle = _served_meeting(fixture_release)
    assert data == (fixture_release / "meetings" / f"{stem}.jsonld").read_bytes()
    from_rdflib = rdflib.Graph().parse(data=data, format="json-ld")
    assert isomorphic(from_rdflib, rdflib.Graph().parse(data=turtle, format="turtle"))
    title = rdflib.URIRef("http://purl.org/dc/terms/title")
    assert any(str(o) for o in from_rdflib.objects(None, title))
    from_ox = set(ox.parse(data, format=ox.RdfFormat.JSON_LD))
    assert from_ox == set(ox.parse(turtle, format=ox.RdfFormat.TURTLE)) and from_ox


def test_a_construct_answer_in_jsonld_carries_what_it_uses(fixture_release: Path, offline: None) -> None:
    from starlette.testclient import TestClient

    query = (
        "CONSTRUCT { ?m a ?type ; <http://purl.org/dc/terms/title> ?t ; <http://data.europa.eu/m8g/role> ?r } "
        "WHERE { ?m a <https://w3id.org/sakrad/ontology#Sakrad>, ?type ; <http://purl.org/dc/terms/title> ?t "
        "OPTIONAL { ?p <http://data.europa.eu/m8g/role> ?r } }"
    )
    with TestClient(create_app(fixture_release, Settings())) as server:
        answers = [
            server.get("/sparql", params={"query": query}, headers={"accept": a})
            for a in ("application/ld+json", "application/n-triples")
        ]
    assert [r.status_code for r in answers] == [200, 200]
    doc = json.loads(answers[0].content)
    assert not _check_context(doc, "answer")
    assert "title" in doc["@context"] and "Sakrad" in doc["@context"] and "legalName" not in doc["@context"]
    expected = set(ox.parse(answers[1].content, format=ox.RdfFormat.N_TRIPLES))
    assert set(ox.parse(answers[0].content, format=ox.RdfFormat.JSON_LD)) == expected and expected
    from_rdflib = rdflib.Graph().parse(data=answers[0].content, format="json-ld")
    assert isomorphic(from_rdflib, rdflib.Graph().parse(data=answers[1].content, format="nt"))


def test_the_same_graph_gives_the_same_bytes(fixture_release: Path) -> None:
    """The inline context is worked out from the document, so the bytes are the same each time."""
    from sakrad_ld.documents import DOCUMENT_FORMATS, document_bytes, document_triples
    from sakrad_ld.sparql.store import Release

    opened = Release.open(fixture_release)
    form = next(f for f in DOCUMENT_FORMATS if f.name == "jsonld")
    file = sorted((fixture_release / "meetings").glob("*.jsonld"))[0]
    iri = json.loads(file.read_bytes())["id"]
    triples = document_triples(opened.store, iri)
    made = [document_bytes(list(triples), form, iri) for _ in range(2)]
    made.append(document_bytes(list(reversed(triples)), form, iri))
    assert made == [file.read_bytes()] * 3
    assert re.search(rb'"@context": \{\n    "@version": 1\.1,\n    "id": "@id",', made[0])
