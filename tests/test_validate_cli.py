"""`sakrad-ld validate` for people and programs, and IRIs minted under the configured base."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import SH

from sakrad_ld.cli import main
from sakrad_ld.corpus import load_corpus
from sakrad_ld.errors import Where
from sakrad_ld.graph import build_graph
from sakrad_ld.validate import Finding, ValidationReport
from sakrad_ld.warnings_summary import SHOWN, summary_text


def _json_report(*args: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "sakrad_ld", *args, "validate", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def test_text_report_names_resource_property_message_and_line(capsys: pytest.CaptureFixture[str]) -> None:
    doc = _json_report()
    found = next(r for r in doc["results"] if r["file"] and r["line"] and r["resultPath"])
    assert main(["validate", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    blocks = out.split(f"{found['severity']}: ")[1:]
    block = next(b for b in blocks if f"{found['file']}:{found['line']}" in b and found["focusNode"] in b)
    assert f"resource: <{found['focusNode']}>" in block
    assert "property: " in block and f"message:  {found['message']['en']}" in block
    assert "0 violations" in out
    assert len(blocks) == sum(1 for r in doc["results"] if r["severity"] == found["severity"])


def test_json_report_is_a_document_programs_can_read(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--format", "json", "--lang", "sv"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["conforms"] is True and doc["violations"] == 0
    assert doc["warnings"] == sum(1 for r in doc["results"] if r["severity"] == "Warning")
    placed = [r for r in doc["results"] if r["file"] and r["file"].startswith("data/meetings/")]
    assert placed and all(r["line"] > 0 for r in placed)
    assert all(set(r["message"]) == {"sv", "en"} for r in placed)


def test_both_engines_give_the_same_report(project_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--engine pyshacl` runs the reference; on data with a violation put in, the reports are equal."""
    people = project_copy / "data" / "people.yaml"
    text = people.read_text(encoding="utf-8")
    assert "    sources: [dokumentation-2017-12-12-integration]\n" in text
    people.write_text(text.replace("    sources: [dokumentation-2017-12-12-integration]\n", "", 1), encoding="utf-8")
    reports = []
    for engine in ("sakrad", "pyshacl"):
        code = main(["--project", str(project_copy), "validate", "--format", "json", "--engine", engine])
        reports.append((code, json.loads(capsys.readouterr().out)))
    assert reports[0] == reports[1]
    assert reports[0][0] == 1 and reports[0][1]["violations"] >= 1 and len(reports[0][1]["results"]) > 1


def test_the_build_prints_each_kind_of_finding_once(
    project_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The build's summary: every kind (shape) once, with the meetings it concerns and the command
    that gives the details; `validate` still gives every finding."""
    doc = _json_report("-C", str(project_copy))
    results = [r for r in doc["results"] if r["severity"] != "Violation"]
    assert results, "the data has no warnings or notes to summarise"
    assert main(["-C", str(project_copy), "build", "--out", str(tmp_path / "dist")]) == 0
    out = capsys.readouterr().out
    kinds: dict[str, set[str]] = {}
    for r in results:
        meeting = re.search(r"/id/meeting/([^/#]+)", r["focusNode"])
        kinds.setdefault(r["message"]["sv"], set()).add(meeting.group(1) if meeting else "")
    for message, meetings in kinds.items():
        assert out.count(f": {message}") == 1, message
        line = out.splitlines()[out.splitlines().index(next(x for x in out.splitlines() if x.endswith(message))) + 1]
        shown = [m for m in meetings if m and m in line]
        assert len(shown) == min(len(meetings - {""}), SHOWN) or not meetings - {""}, (message, line)
    assert f"sakrad-ld -C {project_copy} validate" in out
    assert len(out.splitlines()) <= 2 * len(kinds) + 6 < len(results) * 4  # shorter than the report
    assert main(["-C", str(project_copy), "validate"]) == 0
    full = capsys.readouterr().out
    assert sum(full.count(f"\n{s}: ") + full.startswith(f"{s}: ") for s in ("Warning", "Info")) == len(results)


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
    people.write_text(
        people.read_text(encoding="utf-8").replace("    sources: [dokumentation-2017-12-12-integration]\n", "", 1),
        encoding="utf-8",
    )
    assert main(["-C", str(project_copy), "validate", "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "Violation: " in out and "people.yaml:4" in out and "dct:source" in out


def test_python_m_is_the_same_command(root: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sakrad_ld", "validate", "--format", "json"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["conforms"] is True


def test_every_iri_follows_the_configured_base(project_copy: Path) -> None:
    config = project_copy / "data" / "dataset.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "base_iri: https://w3id.org/sakrad/", "base_iri: https://data.example.org/sakrad/"
        ),
        encoding="utf-8",
    )
    subjects = [s.value for s in build_graph(load_corpus(project_copy / "data")).triples.subjects()]
    ours = {s for s in subjects if "/id/meeting/" in s or "/id/organisation/" in s}
    assert ours and all(iri.startswith("https://data.example.org/sakrad/id/") for iri in ours)
    assert not [s for s in subjects if s.startswith("https://w3id.org/sakrad/id/")]


def _finding(severity: str, focus: str, shape: str, message: str) -> Finding:
    return Finding(
        severity,
        focus,
        None,
        None,
        {"sv": message, "en": message},
        shape,
        "sh:MinCountConstraintComponent",
        Where(Path("data/meetings/x.yaml"), 3),
    )


def test_a_summary_names_each_kind_once_with_what_it_concerns() -> None:
    base = "https://example.org/id/"
    findings = [_finding("Info", f"{base}meeting/m{n}", "s:no-chair", "The source names no chair.") for n in range(9)]
    findings += [
        _finding("Info", f"{base}meeting/m1/question/{n}", "s:no-text", "A question without text.") for n in (1, 2)
    ]
    findings += [_finding("Warning", f"{base}organisation/x", "s:stated", "More stated than listed.")]
    report = ValidationReport(tuple(findings))
    text = summary_text(report, "sakrad-ld validate", "sv")
    lines = text.splitlines()
    assert lines[0] == "To check (1): warnings do not stop a release"
    assert lines[1:3] == ["  1×: More stated than listed.", "    organisation x"]
    assert lines[3] == "For information (11): what the sources leave open"
    assert lines[4:6] == ["  9 meetings: The source names no chair.", "    m0, m1, m2, m3, m4, m5 and 3 more"]
    assert lines[6:8] == ["  1 meeting: A question without text.", "    m1"]  # the parts of one meeting
    assert lines[8] == "Every finding with its file and line: sakrad-ld validate"
    assert summary_text(ValidationReport(()), "sakrad-ld validate") == ""


def _report_of_every_severity() -> ValidationReport:
    return ValidationReport(
        (
            _finding("Violation", "https://w3id.org/sakrad/id/meeting/a", "urn:s:v", "broken"),
            _finding("Warning", "https://w3id.org/sakrad/id/meeting/b", "urn:s:w", "doubtful"),
            _finding("Info", "https://w3id.org/sakrad/id/meeting/c", "urn:s:i", "noted"),
            _finding("Info", "https://w3id.org/sakrad/id/meeting/d", "urn:s:i", "noted"),
        )
    )


@pytest.mark.parametrize(
    ("severity", "shown"),
    [("Info", {"Violation", "Warning", "Info"}), ("Warning", {"Violation", "Warning"}), ("Violation", {"Violation"})],
)
def test_a_severity_shows_its_findings_and_the_more_severe_and_counts_all(severity: str, shown: set[str]) -> None:
    report = _report_of_every_severity()
    doc = json.loads(report.json(severity))
    assert {r["severity"] for r in doc["results"]} == shown
    assert len(doc["results"]) == sum(1 for f in report.findings if f.severity in shown)
    assert doc["violations"] == 1 and doc["warnings"] == 1 and doc["conforms"] is False  # counts of all
    text = report.text("en", severity)
    assert {
        line.split(":")[0] for line in text.splitlines() if line.split(":")[0] in ("Violation", "Warning", "Info")
    } == shown
    assert "1 violation, 1 warning." in text
    left = len(report.findings) - len(doc["results"])
    assert (f"{left} findings less severe than {severity} not shown." in text) == (left > 0)


def test_validate_severity_filters_text_and_json_but_not_the_turtle_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--format", "json"]) == 0
    everything = json.loads(capsys.readouterr().out)
    assert {"Info", "Warning"} <= {r["severity"] for r in everything["results"]}  # the data has both
    assert main(["validate", "--format", "json", "--severity", "warning"]) == 0
    filtered = json.loads(capsys.readouterr().out)
    assert filtered["results"] == [r for r in everything["results"] if r["severity"] != "Info"]
    assert filtered["warnings"] == everything["warnings"] and filtered["severity"] == "Warning"
    assert main(["validate", "--severity", "warning", "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert "Info: " not in text and "Warning: " in text
    infos = sum(1 for r in everything["results"] if r["severity"] == "Info")
    assert f"{infos} findings less severe than Warning not shown." in text
    assert main(["validate", "--format", "turtle", "--severity", "violation"]) == 0
    graph = Graph().parse(data=capsys.readouterr().out, format="turtle")
    assert len(set(graph.objects(None, SH.result))) == len(everything["results"])


def test_validate_with_bad_input_does_not_say_it_wrote_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """validate writes no file, so its message about bad input does not speak of writing."""
    import shutil

    from conftest import fixture_project

    from sakrad_ld.cli import main

    project = fixture_project(tmp_path / "project")
    meeting = next((project / "data" / "meetings").glob("*.yaml"))
    meeting.write_text(meeting.read_text(encoding="utf-8") + "\nno_such_field: 1\n", encoding="utf-8")
    assert main(["-C", str(project), "validate"]) == 2
    err = capsys.readouterr().err
    assert "no_such_field" in err and "1 problem(s) in the input." in err and "written" not in err
    assert main(["-C", str(project), "build", "--out", str(tmp_path / "dist")]) == 2
    assert "nothing was written" in capsys.readouterr().err
    shutil.rmtree(project)
