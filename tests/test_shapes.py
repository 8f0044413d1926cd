"""The SHACL shapes (``shapes/*.ttl``, https://www.w3.org/TR/shacl/): every constraint is broken by
a case on disk, and the real data gives no violation and exactly the warnings it should.

A case, ``tests/shapes/cases/<name>.yaml``, is a SPARQL Update applied to ``tests/shapes/valid.ttl``
(the smallest graph that meets every shape) and the exact results the change must give: focus
node, path, severity, source shape and constraint component. Data IRIs are written relative to
``https://w3id.org/sakrad/id/``, other IRIs with the prefixes of ``sakrad_ld.vocab.PREFIXES`` (and
``sh:``, ``shp:``), complex paths in SPARQL property-path syntax.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import fixture_project
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import Node

from sakrad_ld.graph import role_scheme_graph
from sakrad_ld.project import Project
from sakrad_ld.rdflib_edge import from_rdflib, to_rdflib
from sakrad_ld.release import build
from sakrad_ld.shacl import ShapesGraph
from sakrad_ld.triples import Index
from sakrad_ld.validate import ValidationReport, load_shapes, validate
from sakrad_ld.vocab import PREFIXES

ROOT = Path(__file__).resolve().parents[1]
SHAPES = ROOT / "shapes"
HERE = Path(__file__).parent / "shapes"
CASES = sorted((HERE / "cases").glob("*.yaml"))
ID = "https://w3id.org/sakrad/id/"
NS = {**PREFIXES, "sh": str(SH), "shp": "https://w3id.org/sakrad/shapes#"}

#: Shape files whose constraints another test module breaks with cases of its own.
COVERED_ELSEWHERE = {"links.ttl": "tests/test_links.py"}

#: SHACL parameters that are not constraints of their own (targets, annotations, parts of another).
NOT_CONSTRAINTS = {
    SH[n]
    for n in (
        "path",
        "name",
        "description",
        "message",
        "severity",
        "deactivated",
        "order",
        "group",
        "defaultValue",
        "targetClass",
        "targetNode",
        "targetSubjectsOf",
        "targetObjectsOf",
        "target",
        "property",
        "qualifiedValueShape",
        "qualifiedValueShapesDisjoint",
        "flags",
        "ignoredProperties",
    )
}


def _short(node: Node | None) -> str | None:
    if node is None:
        return None
    if isinstance(node, Literal):
        return node.n3()
    text = str(node)
    if text.startswith(ID):
        return text[len(ID) :]
    for prefix, ns in sorted(NS.items(), key=lambda kv: -len(kv[1])):
        if text.startswith(ns):
            return f"{prefix}:{text[len(ns) :]}"
    return f"<{text}>"


def _path(path: str | None) -> str | None:
    """A result path in SPARQL property-path syntax (an alternative without its parentheses)."""
    if path is None:
        return None
    if "://" in path and not path.startswith(("<", "^", "(")):
        return _short(URIRef(path))
    return path[1:-1] if path.startswith("(") and path.endswith(")") else path


Result = tuple[str | None, str | None, str, str | None, str]


def _results(report: ValidationReport) -> list[Result]:
    """Every finding of a validation report as (focus, path, severity, shape, component), sorted."""
    out = []
    for f in report.findings:
        out.append(
            (
                _short(URIRef(f.focus)),
                _path(f.path),
                f.severity,
                _short(URIRef(f.shape)) if f.shape else None,
                f.component.removeprefix(str(SH)).removesuffix("ConstraintComponent"),
            )
        )
    return sorted(out, key=str)


def _expected(entries: list[dict]) -> list[Result]:
    return sorted(((e["focus"], e["path"], e["severity"], e["shape"], e["component"]) for e in entries), key=str)


def _show(results: list[Result]) -> str:
    return (
        "\n".join(
            f"  - {{focus: {f}, path: {p}, severity: {s}, shape: {sh}, component: {c}}}" for f, p, s, sh, c in results
        )
        or "  (none)"
    )


@pytest.fixture(scope="module")
def shapes() -> ShapesGraph:
    return load_shapes([SHAPES])


@pytest.fixture(scope="module")
def valid() -> Graph:
    """The valid graph, with the concept schemes the build carries along."""
    return Graph().parse(HERE / "valid.ttl", format="turtle") + to_rdflib(role_scheme_graph(ROOT / "ontology"))


def test_the_valid_graph_gives_no_result(valid: Graph, shapes: ShapesGraph) -> None:
    results = _results(validate(Index(from_rdflib(valid)), shapes))
    assert not results, "tests/shapes/valid.ttl must meet every shape:\n" + _show(results)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_case_gives_exactly_the_expected_results(case: Path, valid: Graph, shapes: ShapesGraph) -> None:
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    graph = Graph() + valid
    graph.update(f"BASE <{ID}>\n{spec['update']}", initNs=NS)
    assert len(graph ^ valid), f"{case.name}: the update changed nothing"
    got = _results(validate(Index(from_rdflib(graph)), shapes))
    expected = _expected(spec["expect"])
    assert got == expected, f"{case.name}\nexpected:\n{_show(expected)}\ngot:\n{_show(got)}"


def _constraints(g: Graph) -> set[tuple[str, str]]:
    """(shape, component) of every constraint on a targeted node shape or one of its property shapes."""
    targets = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)
    node_shapes = {s for t in targets for s in g.subjects(t, None)}
    found = set()
    for node_shape in node_shapes:
        for shape in (node_shape, *g.objects(node_shape, SH.property)):
            for p in set(g.predicates(shape)):
                if str(p).startswith(str(SH)) and p not in NOT_CONSTRAINTS:
                    name = "SPARQL" if p == SH.sparql else p.fragment[0].upper() + p.fragment[1:]
                    found.add((_short(shape) or "", name))
    return found


def test_every_constraint_is_broken_by_a_case() -> None:
    """A new constraint without a case that breaks it fails here: add a case in tests/shapes/cases/."""
    mine = Graph()
    for file in sorted(SHAPES.glob("*.ttl")):
        if file.name not in COVERED_ELSEWHERE:
            mine.parse(file, format="turtle")
    broken = {
        (e["shape"], e["component"])
        for case in CASES
        for e in yaml.safe_load(case.read_text(encoding="utf-8"))["expect"]
    }
    unbroken = sorted(_constraints(mine) - broken)
    assert not unbroken, "constraints no case in tests/shapes/cases/ breaks:\n" + "\n".join(
        f"  {shape} {component}" for shape, component in unbroken
    )


def test_every_shape_speaks_swedish_and_english(shapes: ShapesGraph) -> None:
    """Each constraint carries one sh:message per language, each node shape an rdfs:label per language."""
    shapes = to_rdflib(shapes.triples)
    holders = {
        s
        for s, p in shapes.subject_predicates(None)
        if isinstance(s, URIRef) and str(p).startswith(str(SH)) and p not in NOT_CONSTRAINTS | {SH.sparql}
    }
    holders |= set(shapes.objects(None, SH.sparql))
    problems = []
    for shape in sorted(holders):
        languages = sorted(getattr(m, "language", None) or "" for m in shapes.objects(shape, SH.message))
        if languages != ["en", "sv"]:
            problems.append(f"{_short(shape)}: sh:message in {languages or 'no language'}")
    for shape in sorted(s for s in shapes.subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef)):
        languages = sorted(getattr(m, "language", None) or "" for m in shapes.objects(shape, RDFS.label))
        if languages != ["en", "sv"]:
            problems.append(f"{_short(shape)}: rdfs:label in {languages or 'no language'}")
    assert not problems, "\n".join(problems)


def test_the_fixture_data_has_no_violation_and_exactly_the_expected_warnings(tmp_path: Path) -> None:
    _, _, report = build(Project.at(fixture_project(tmp_path / "project")))
    assert report.conforms, report.text("en")
    got = [(f, p, sh) for f, p, s, sh, _ in _results(report) if s == "Warning"]
    spec = yaml.safe_load((HERE / "fixture-data.yaml").read_text(encoding="utf-8"))
    expected = sorted(((e["focus"], e["path"], e["shape"]) for e in spec["warnings"]), key=str)
    assert got == expected, "warnings differ from tests/shapes/fixture-data.yaml:\n" + "\n".join(
        [f"  missing: {w}" for w in expected if w not in got] + [f"  new:     {w}" for w in got if w not in expected]
    )
    unplaced = [f for f in report.findings if f.where is None]
    assert not unplaced, "findings without a YAML file and line:\n" + "\n".join(map(str, unplaced))
