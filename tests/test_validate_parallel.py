"""Validation split by shape over processes gives the report one whole-graph pySHACL run gives:
the same findings and an isomorphic results graph, on the seed data and on a synthetic corpus with
errors put in."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from graphs import assert_isomorphic
from pyshacl import validate as pyshacl_validate
from rdflib import Graph

from sakrad_ld.corpus import load_corpus
from sakrad_ld.graph import build_graph, role_scheme_graph
from sakrad_ld.validate import ValidationReport, load_shapes, report_from_results, validate
from sakrad_ld.validate_parallel import shape_groups

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate import generate  # noqa: E402


def _with_errors(root: Path) -> Path:
    """A synthetic corpus where three organisations lost their source, one meeting its list of
    organisations, and one meeting states more organisations than it lists."""
    project = generate(root, 30, seed=11)
    orgs = project / "data" / "organisations.yaml"
    text = orgs.read_text(encoding="utf-8")
    for n in (1, 2, 7):
        text = re.sub(rf"(  - id: syn-org-{n}\n    name: [^\n]+\n)    sources: \[syn-register\]\n", r"\1", text)
    orgs.write_text(text, encoding="utf-8")
    meetings = sorted((project / "data" / "meetings").glob("*.yaml"))
    first = meetings[0].read_text(encoding="utf-8")
    meetings[0].write_text(first.split("organisations:\n")[0], encoding="utf-8")
    second = meetings[1].read_text(encoding="utf-8")
    meetings[1].write_text(re.sub(r"  value: \d+", "  value: 99", second), encoding="utf-8")
    return project


def _both(project: Path) -> tuple[ValidationReport, ValidationReport, Graph]:
    corpus = load_corpus(project / "data")
    built = build_graph(corpus)
    built.graph += role_scheme_graph(project / "ontology")
    shapes = load_shapes([project / "shapes"])
    assert shape_groups(shapes, built.graph, 2) is not None, "the shapes should split; the test would prove nothing"
    parallel = validate(built.graph, shapes, built.origins, workers=2)
    _, results, _ = pyshacl_validate(built.graph, shacl_graph=shapes, inference="none", allow_warnings=True,
                                     advanced=True, abort_on_first=False)
    return parallel, report_from_results(results, built.origins), results


@pytest.mark.parametrize("which", ["seed", "synthetic-with-errors"])
def test_parallel_report_is_the_whole_graph_report(which: str, root: Path, tmp_path: Path) -> None:
    project = root if which == "seed" else _with_errors(tmp_path / "project")
    parallel, whole, whole_results = _both(project)
    assert parallel.findings == whole.findings
    assert parallel.conforms == whole.conforms
    assert_isomorphic(whole_results, parallel.results, f"results graph of the {which} data")
    if which != "seed":
        assert parallel.count("Violation") >= 3 and parallel.count("Warning") >= 2, parallel.text("en")
        flagged = {f.focus.rsplit("/", 1)[-1] for f in parallel.findings if f.severity == "Violation"}
        assert {"syn-org-1", "syn-org-2", "syn-org-7"} <= flagged


def test_one_worker_means_one_run(root: Path) -> None:
    corpus = load_corpus(root / "data")
    assert shape_groups(load_shapes([root / "shapes"]), build_graph(corpus).graph, 1) is None
