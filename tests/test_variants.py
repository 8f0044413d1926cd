"""Every IRI the server offers in several formats gives one graph in each (the catalogue's JSON-LD
and N-Triples are the whole catalogue of ``catalog.ttl``, not the graph's document about its IRI);
the static export's side is in tests/test_static.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from starlette.testclient import TestClient
from variants import negotiated_paths, variant_differences

from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings
from sakrad_ld.sparql.store import Release


@pytest.fixture(scope="module")
def opened(release: Path) -> Release:
    return Release.open(release)


def test_the_catalogues_variants_are_the_whole_catalogue_on_the_server(release: Path, opened: Release) -> None:
    with TestClient(create_app(release, Settings())) as server:

        def get(path: str, accept: str) -> tuple[int, dict[str, str], bytes]:
            r = server.get(path, headers={"accept": accept}, follow_redirects=False)
            return r.status_code, {k.lower(): v for k, v in r.headers.items()}, r.content

        differ, compared = variant_differences(get, release, opened, ["/catalog"])
        assert compared == 1 and not differ, "\n".join(differ)
        status, _, body = get("/catalog.nt", "*/*")
        assert status == 200 and body.count(b"http://www.w3.org/ns/dcat#distribution") >= 10


def test_every_negotiated_iri_gives_one_graph_in_every_format_on_the_server(release: Path, opened: Release) -> None:
    paths = negotiated_paths(opened)
    with TestClient(create_app(release, Settings())) as server:

        def get(path: str, accept: str) -> tuple[int, dict[str, str], bytes]:
            r = server.get(path, headers={"accept": accept}, follow_redirects=False)
            return r.status_code, {k.lower(): v for k, v in r.headers.items()}, r.content

        differ, compared = variant_differences(get, release, opened, paths)
    assert not differ, "\n\n".join(differ)
    assert compared == len(paths)  # each had two formats or more: the service description and the graph too
