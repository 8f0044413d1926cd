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


def _examples() -> list[str]:
    return re.findall(r"```python\n(.*?)```", (ROOT / "docs" / "jsonld.md").read_text(encoding="utf-8"), re.S)


def _run(code: str, cwd: Path) -> str:
    run = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    return run.stdout


def test_the_documented_consumer_runs_against_the_release(release: Path) -> None:
    examples = _examples()
    assert examples, "docs/jsonld.md has no Python example"
    code = examples[0]
    out = _run(code, release)
    # the seed's title is the data's own (its documentation's headline without "Dokumentation av")
    assert "Titel (datans egen): Sakråd den 12 december 2017" in out
    assert "Datum: 2017-12-12" in out
    assert "Ordförande: Anders Kessling – statssekreterare hos arbetsmarknads- och etableringsministern" in out
    assert "Fråga 4: Vad kan det offentliga göra" in out
    assert "Deltagande organisationer: 15 (femton)" in out
    assert "8. Rädda Barnen 802002-8638" in out
    # its documentation has no address of its own: the copy the release keeps
    assert "Källa: Dokumentation av sakråd den 12 december 2017" in out and "/sources/" in out
    # a source with an address gives it; a derived date says so and how
    out = _run(code.replace("2017-12-12-integration", "2022-12-13-demokrativillkor"), release)
    assert "Datum (härlett): 2022-12-13 – Artikeln säger" in out
    assert (
        "Källa: Statsrådet Jakob Forssmed i samtal med civilsamhället om demokrativillkor http://regstat.regeringen.se/"
        in out
    )


def test_the_documented_consumer_shows_every_meeting_as_its_graph_says(release: Path) -> None:
    """Every meeting, whatever it holds: a title the data made is marked, a date is stated, derived
    or a series' days, an announced sakråd says so, every count is shown in its form (number or
    bound), and every organisation that took part (both roles) is listed."""
    code = _examples()[0]
    for file in sorted((release / "meetings").glob("*.jsonld")):
        meeting = json.loads(file.read_text(encoding="utf-8"))
        out = _run(code.replace("2017-12-12-integration", file.stem), release)
        lines = out.splitlines()
        derived_title = "titleDerivation" in meeting
        assert lines[0].startswith("Titel (datans egen): " if derived_title else "Titel: "), (file.name, lines[0])
        if "date" not in meeting and "derivedDate" not in meeting and meeting.get("schemaSubEvents"):
            assert lines[1].startswith("Dagar: 2"), (file.name, lines[1])
        assert ("Endast annonserat" in out) == bool(meeting.get("announcedOnly")), file.name
        for key in ("invitedOrganisationCount", "participatingOrganisationCount", "participantCount"):
            # one count, or one for each group the source counts apart (a list), each shown with its group
            for count in meeting[key] if isinstance(meeting.get(key), list) else [meeting.get(key, {})]:
                if not count:
                    continue
                shown = (
                    str(count["number"])
                    if "number" in count
                    else f"minst {count['atLeast']}"
                    if "atLeast" in count
                    else f"högst {count['atMost']}"
                )
                assert shown in out, (file.name, key, count)
                if group := count.get("countedGroup", {}).get("sv"):
                    assert f"räknar bara {group})" in out, (file.name, key, count)
        took_part = [
            p
            for p in meeting.get("participations", [])
            if p["role"] in ("participatingOrganisation", "participatingAgency")
        ]
        assert len([line for line in lines if re.match(r"^(\d+|-)\. ", line)]) == len(took_part), file.name


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
