"""The per-meeting JSON-LD a person reads without RDF (docs/jsonld.md): framed, self-contained, every
key a term, ``type`` always a list; the documented consumer runs as written; and the document is the
same graph as the meeting's Turtle."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from pyld import jsonld

from sakrad_ld.jsonld import context_document

ROOT = Path(__file__).resolve().parents[1]
SEED = "2017-12-12-integration"


def _walk(value: object, problems: list[str], where: str = "") -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "@context":
                continue
            if ":" in key:
                problems.append(f"{where}: key {key!r} is an IRI, not a term")
            if key == "type" and not isinstance(item, list):
                problems.append(f"{where}: type is {item!r}, not a list")
            _walk(item, problems, f"{where}.{key}")
    elif isinstance(value, list):
        for n, item in enumerate(value):
            _walk(item, problems, f"{where}[{n}]")


def test_every_meeting_document_is_framed_with_terms_as_keys(release: Path) -> None:
    problems: list[str] = []
    files = sorted((release / "meetings").glob("*.jsonld"))
    assert files
    for file in files:
        doc = json.loads(file.read_text(encoding="utf-8"))
        published = context_document()["@context"]
        assert {k: published[k] for k in doc["@context"]} == doc["@context"], file.name  # inline, a part of it
        assert doc["id"].endswith(f"/meeting/{file.stem}") and "Sakrad" in doc["type"], file.name
        _walk(doc, problems, file.name)
    assert not problems, "\n".join(problems[:20])


def test_every_key_of_the_whole_graph_is_a_term(release: Path) -> None:
    """The whole graph's JSON-LD (a flat ``@graph``: ``type`` may be a single string there) uses the
    context's terms for every key too, sources' publication dates included."""
    doc = json.loads((release / "sakrad.jsonld").read_text(encoding="utf-8"))
    problems: list[str] = []
    _walk(doc["@graph"], problems, "sakrad.jsonld")
    assert not [p for p in problems if "not a list" not in p], "\n".join(problems[:20])


def test_the_documented_consumer_runs_against_the_release(release: Path) -> None:
    code = re.search(r"```python\n(.*?)```", (ROOT / "docs" / "jsonld.md").read_text(encoding="utf-8"), re.S)
    assert code, "docs/jsonld.md has no Python example"
    run = subprocess.run([sys.executable, "-c", code.group(1)], cwd=release, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert "Titel: Sakråd den 12 december 2017" in out
    assert "Datum: 2017-12-12" in out
    assert "Ordförande: Anders Kessling – statssekreterare hos arbetsmarknads- och etableringsministern" in out
    assert "Fråga 4: Vad kan det offentliga göra" in out
    assert "8. Rädda Barnen 802002-8638" in out
    assert "Källa: Dokumentation av sakråd den 12 december 2017" in out
    # a source with an address gives it; a derived date says so and how
    demokrativillkor = code.group(1).replace("2017-12-12-integration", "2022-12-13-demokrativillkor")
    run = subprocess.run(
        [sys.executable, "-c", demokrativillkor], cwd=release, capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    assert "Datum (härlett): 2022-12-13 – Artikeln säger" in run.stdout
    assert (
        "Källa: Statsrådet Jakob Forssmed i samtal med civilsamhället om demokrativillkor http://regstat.regeringen.se/"
        in run.stdout
    )


@pytest.mark.parametrize("meeting", [SEED, "2022-12-13-demokrativillkor"])
def test_the_framed_document_is_the_graph_of_the_turtle(release: Path, meeting: str) -> None:
    def loader(url: str, options: object = None) -> dict:
        raise AssertionError(f"the context is inline, yet {url} was asked for")

    doc = json.loads((release / "meetings" / f"{meeting}.jsonld").read_text(encoding="utf-8"))
    nquads = jsonld.to_rdf(doc, {"format": "application/n-quads", "documentLoader": loader})
    from_json = {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(nquads, format=ox.RdfFormat.N_QUADS)}
    from_turtle = {
        ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(path=str(release / "meetings" / f"{meeting}.ttl"))
    }
    # A role is written as its term ("chair"): the role concept's own label is the context's business.
    missing = {t for t in from_turtle - from_json if not t.subject.value.startswith("https://w3id.org/sakrad/role/")}
    extra = from_json - from_turtle
    assert not missing and not extra, f"missing {sorted(map(str, missing))[:5]}\nextra {sorted(map(str, extra))[:5]}"
