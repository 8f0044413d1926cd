"""The role scheme's and the roles' IRIs (``/role``, ``/role/chair``) are slash IRIs naming things
(SKOS concepts), not documents: as a thing's ``/id/…`` they answer 303 See Other to the document in
the negotiated format (https://www.w3.org/TR/cooluris/#r303gendocument, httpRange-14); the
ontology's terms are hash IRIs, so ``/ontology`` is the document itself (200)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from starlette.testclient import TestClient

from sakrad_ld.documents.paths import page_path
from sakrad_ld.serving.documents import is_role
from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings
from sakrad_ld.vocab import ROLE_SCHEME
from sakrad_ld.web.static import _documents_regex, apache_rules, nginx_http_conf

ACCEPT = {
    "text/html": ".html",
    None: ".html",
    "*/*": ".html",
    "text/turtle": ".ttl",
    "application/ld+json": ".jsonld",
    "application/n-triples": ".nt",
    "application/rdf+xml": ".rdf",
}


@pytest.fixture(scope="module")
def client(fixture_release: Path) -> Iterator[TestClient]:
    with TestClient(create_app(fixture_release, Settings())) as c:
        yield c


@pytest.fixture(scope="module")
def roles(client: TestClient, fixture_release: Path) -> list[str]:
    store = ox.Store()
    store.load(path=str(fixture_release / "sakrad.nt"), format=ox.RdfFormat.N_TRIPLES)
    skos = "http://www.w3.org/2004/02/skos/core#"
    found = {q.subject.value for q in store.quads_for_pattern(None, ox.NamedNode(skos + "inScheme"), ROLE_SCHEME)}
    paths = sorted(p for p in (page_path(iri, "https://w3id.org/sakrad/") for iri in found) if p)
    assert len(paths) > 3 and all(is_role(p) for p in paths), paths
    return ["/role", *paths]


def test_a_role_and_the_role_scheme_answer_303_to_their_document(client: TestClient, roles: list[str]) -> None:
    for path in roles:
        for accept, suffix in ACCEPT.items():
            r = client.get(path, headers={"accept": accept} if accept else {}, follow_redirects=False)
            assert r.status_code == 303, (path, accept, r.status_code)
            assert r.headers["location"] == path + suffix, (path, accept)
            assert "Accept" in r.headers["vary"] and r.headers["cache-control"]
            document = client.get(path + suffix)
            assert document.status_code == 200 and document.content, (path, suffix)
        r = client.get(path, headers={"accept": "image/png"}, follow_redirects=False)
        assert r.status_code == 406 and path + ".ttl" in r.json()["detail"], path


def test_a_roles_document_and_english_page_are_still_answered(client: TestClient, roles: list[str]) -> None:
    role = roles[1]
    r = client.get(role + ".ttl")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    assert r.headers["content-location"] == role + ".ttl" and "vary" not in r.headers
    assert client.get("/en" + role, headers={"accept": "text/html"}).status_code == 200
    r = client.get("/en" + role, headers={"accept": "text/turtle"}, follow_redirects=False)
    assert (r.status_code, r.headers["location"]) == (303, role + ".ttl")
    assert client.get("/role/no-such-role", headers={"accept": "text/turtle"}).status_code == 404


def test_the_ontology_is_its_own_document(client: TestClient) -> None:
    r = client.get("/ontology", headers={"accept": "text/turtle"}, follow_redirects=False)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")


def test_the_exports_rules_answer_roles_with_303_not_a_file() -> None:
    """The rules take roles as the dataset's other IRIs (303 to ``{path}.{ext}``), never as a
    negotiated document path (a file answered 200)."""
    assert "role" not in _documents_regex() and "role" not in _documents_regex(extensions=True)
    assert "ontology" in _documents_regex()
    paths = ["/dataset", "/role", "/role/chair"]
    assert '/role/chair "/role/chair|/role/chair";' in nginx_http_conf({}, None, paths)
    assert "RewriteRule ^(dataset|role|role/chair)$ %{ENV:SAKRAD_BASE}/$1." in apache_rules(None, paths)
