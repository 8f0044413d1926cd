"""`sakrad-ld validate` for people and programs, and IRIs minted under the configured base."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import SH

from sakrad_ld.cli import main
from sakrad_ld.corpus import load_corpus
from sakrad_ld.graph import build_graph


def test_text_report_names_resource_property_message_and_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    block = next(b for b in out.split("Warning: ")[1:] if "2017-12-12-integration.yaml" in b)
    assert "2017-12-12-integration.yaml:" in block
    assert "resource: <https://w3id.org/sakrad/id/meeting/2017-12-12-integration>" in block
    assert "property: sakrad:statedOrganisationCount" in block
    assert "message:" in block and "value:" in block
    assert "0 violations" in out


def test_json_report_is_a_document_programs_can_read(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--format", "json", "--lang", "sv"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["conforms"] is True and doc["violations"] == 0 and doc["warnings"] == len(doc["results"])
    seed = [r for r in doc["results"] if r["file"] and r["file"].endswith("2017-12-12-integration.yaml")]
    assert len(seed) == 1
    assert seed[0]["line"] > 0 and seed[0]["field"].startswith("stated_organisation_count")
    assert set(seed[0]["message"]) == {"sv", "en"}


def test_both_engines_give_the_same_report(project_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--engine pyshacl` runs the reference; on data with a violation put in, the reports are equal."""
    org = project_copy / "data" / "organisations.yaml"
    text = org.read_text(encoding="utf-8")
    assert "    sources: [dokumentation-2017-12-12-integration]\n" in text
    org.write_text(text.replace("    sources: [dokumentation-2017-12-12-integration]\n", "", 1), encoding="utf-8")
    reports = []
    for engine in ("sakrad", "pyshacl"):
        code = main(["--project", str(project_copy), "validate", "--format", "json", "--engine", engine])
        reports.append((code, json.loads(capsys.readouterr().out)))
    assert reports[0] == reports[1]
    assert reports[0][0] == 1 and reports[0][1]["violations"] >= 1 and reports[0][1]["warnings"] > 0


def test_turtle_report_is_a_shacl_validation_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--format", "turtle"]) == 0
    out = capsys.readouterr().out
    g = Graph().parse(data=out, format="turtle")
    reports = list(g.subjects(None, SH.ValidationReport))
    assert len(reports) == 1
    results = list(g.objects(reports[0], SH.result))
    assert results and all(isinstance(r, URIRef) for r in results)  # no blank nodes: stable between runs


def test_validate_exits_1_on_a_violation(project_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    people = project_copy / "data" / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8").replace(
        "    sources: [dokumentation-2017-12-12-integration]\n", "", 1), encoding="utf-8")
    assert main(["-C", str(project_copy), "validate", "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "Violation: " in out and "people.yaml:4" in out and "dct:source" in out


def test_python_m_is_the_same_command(root: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "sakrad_ld", "validate", "--format", "json"], cwd=root,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["conforms"] is True


def test_every_iri_follows_the_configured_base(project_copy: Path) -> None:
    config = project_copy / "data" / "dataset.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "base_iri: https://w3id.org/sakrad/", "base_iri: https://data.example.org/sakrad/"), encoding="utf-8")
    graph = build_graph(load_corpus(project_copy / "data")).graph
    ours = {str(s) for s in graph.subjects() if "/id/meeting/" in str(s) or "/id/organisation/" in str(s)}
    assert ours and all(iri.startswith("https://data.example.org/sakrad/id/") for iri in ours)
    assert not [s for s in graph.subjects() if str(s).startswith("https://w3id.org/sakrad/id/")]
