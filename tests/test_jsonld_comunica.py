"""Comunica (``@comunica/query-sparql``, tests/clients) dereferences a meeting's IRI on the server and
reads its title: the JSON-LD it is given carries its context inline, so nothing is fetched beyond
the document (before, the context's address did not resolve: "Failed to load remote context")."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from serving import serving

from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings

COMUNICA = Path(__file__).parent / "clients" / "node_modules" / ".bin" / "comunica-sparql"


def test_comunica_dereferences_a_meeting_iri_and_reads_its_title(fixture_release: Path) -> None:
    if not COMUNICA.is_file() or not shutil.which("node"):
        pytest.fail(
            f"{COMUNICA} is missing: install the test clients with `(cd tests/clients && npm ci)` (.ci/run does it)"
        )
    file = sorted((fixture_release / "meetings").glob("*.jsonld"))[0]
    doc = json.loads(file.read_bytes())
    expected = set(doc["title"].items())
    query = f"SELECT ?title WHERE {{ <{doc['id']}> <http://purl.org/dc/terms/title> ?title }}"
    with serving(create_app(fixture_release, Settings(timeout=10, query_workers=1))) as root:
        source = f"{root}/id/meeting/{file.stem}"
        run = subprocess.run(
            [str(COMUNICA), source, query, "-t", "application/sparql-results+json"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert run.returncode == 0, run.stderr[-2000:]
    bindings = json.loads(run.stdout)["results"]["bindings"]
    got = {(b["title"].get("xml:lang"), b["title"]["value"]) for b in bindings}
    assert got == expected and got, run.stdout[-2000:]
