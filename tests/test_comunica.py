"""Comunica (``@comunica/query-sparql``, from the npm registry) given the plain endpoint URL answers correctly.

Comunica fetches the URL first and decides from what it gets whether it is a SPARQL endpoint: it
reads the SPARQL Service Description (``sd:endpoint``) that ``GET /sparql`` answers. The client is
installed from ``tests/clients/package.json`` and its lock file by ``.ci/run`` (``npm ci``).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from serving import serving

from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings
from sakrad_ld.sparql.store import Release

COMUNICA = Path(__file__).parent / "clients" / "node_modules" / ".bin" / "comunica-sparql"
MEETINGS = (
    "SELECT ?m ?date WHERE { ?m a <https://w3id.org/sakrad/ontology#Sakrad> ; <https://schema.org/startDate> ?date }"
)


@pytest.fixture(scope="module")
def endpoint(release: Path) -> Iterator[str]:
    if not COMUNICA.is_file() or not shutil.which("node"):
        pytest.fail(
            f"{COMUNICA} is missing: install the test clients with `(cd tests/clients && npm ci)` (.ci/run does it)"
        )
    with serving(create_app(release, Settings(timeout=10, query_workers=1))) as root:
        yield root + "/sparql"


def comunica(endpoint: str, query: str, media_type: str) -> str:
    run = subprocess.run(
        [str(COMUNICA), endpoint, query, "-t", media_type], capture_output=True, text=True, timeout=120, check=False
    )
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout


def test_comunica_given_the_endpoint_url_answers_a_select_as_the_store_does(endpoint: str, release: Path) -> None:
    answer = json.loads(comunica(endpoint, MEETINGS, "application/sparql-results+json"))
    got = sorted((b["m"]["value"], b["date"]["value"]) for b in answer["results"]["bindings"])
    expected = sorted((s["m"].value, s["date"].value) for s in Release.open(release).store.query(MEETINGS))
    assert got == expected and len(got) >= 1


def test_comunica_answers_a_construct_as_the_store_does(endpoint: str, release: Path) -> None:
    query = (
        "CONSTRUCT { ?m <https://schema.org/startDate> ?date } WHERE { ?m a <https://w3id.org/sakrad/ontology#Sakrad> ; "
        "<https://schema.org/startDate> ?date }"
    )
    out = comunica(endpoint, query, "application/n-triples")
    got = {str(t) for t in ox.parse(out.encode(), format=ox.RdfFormat.N_TRIPLES)}
    expected = {str(ox.Triple(t.subject, t.predicate, t.object)) for t in Release.open(release).store.query(query)}
    assert got == expected and got
