"""The set-based SHACL engine (sakrad_ld.shacl) gives the findings pySHACL gives: the same focus
nodes, paths, values, messages, shapes, components and severities, and the same conformance, on
every shape case, on the project's data, on a synthetic corpus with errors put in, and on shapes
that exercise the default messages and the less used features; and it refuses a shapes graph with
a feature it does not implement. The official DCAT-AP shapes are held to pySHACL in
tests/test_shacl_dcat_ap.py."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml
from graphs import assert_isomorphic
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import SH

from sakrad_ld.corpus import load_corpus
from sakrad_ld.graph import build_graph, role_scheme_graph
from sakrad_ld.rdflib_edge import from_rdflib, to_rdflib
from sakrad_ld.shacl import Shapes, ShapesGraph, UnsupportedShapes, check
from sakrad_ld.shacl.reference import pyshacl_check
from sakrad_ld.shacl.report import sort_findings
from sakrad_ld.triples import Index
from sakrad_ld.validate import ValidationReport, load_shapes
from sakrad_ld.vocab import PREFIXES

ROOT = Path(__file__).resolve().parents[1]
SHAPE_CASES = sorted((ROOT / "tests" / "shapes" / "cases").glob("*.yaml"))
LINK_CASES = sorted((ROOT / "tests" / "links" / "shapes").glob("*.yaml"))
ID = "https://w3id.org/sakrad/id/"
NS = {**PREFIXES, "sh": str(SH), "shp": "https://w3id.org/sakrad/shapes#"}
M8G, SCHEMA, TIME, SKOS = (Namespace(PREFIXES[p]) for p in ("m8g", "schema", "time", "skos"))
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402


def _show(report: ValidationReport) -> list[str]:
    return [f"{f.severity} {f.focus} {f.path} {f.value} {f.shape} {f.component} {f.messages}" for f in report.findings]


def assert_same_report(data: Graph, shapes: ShapesGraph, what: str) -> ValidationReport:
    """The engine's findings equal pySHACL's on ``data``, terms included, and so does the
    conformance and the results graph a release writes of them."""
    findings, conforms = pyshacl_check(data, shapes)
    expected = ValidationReport(tuple(findings), conforms)
    prefixes = {prefix: str(ns) for prefix, ns in data.namespaces()}
    findings, conforms = check(Index(from_rdflib(data)), Shapes.compile(shapes), prefixes=prefixes)
    got = ValidationReport(tuple(sort_findings(findings)), conforms)
    if got.findings != expected.findings:
        only_expected = [line for line in _show(expected) if line not in _show(got)]
        only_got = [line for line in _show(got) if line not in _show(expected)]
        pytest.fail(
            f"{what}: findings differ\n  pySHACL only:\n    "
            + "\n    ".join(only_expected or ["(none)"])
            + "\n  engine only:\n    "
            + "\n    ".join(only_got or ["(none)"])
            + f"\n  ({len(expected.findings)} from pySHACL, {len(got.findings)} from the engine)"
        )
    assert got.conforms == expected.conforms, what
    assert [(f.value_term, f.focus_term, f.path_term) for f in got.findings] == [
        (f.value_term, f.focus_term, f.path_term) for f in expected.findings
    ], what
    assert_isomorphic(to_rdflib(expected.triples("urn:report")), to_rdflib(got.triples("urn:report")), what)
    return got


# --- 1. every case of tests/shapes/ and tests/links/shapes/ ------------------------------------------


@pytest.fixture(scope="module")
def shapes() -> ShapesGraph:
    return load_shapes([ROOT / "shapes"])


@pytest.fixture(scope="module")
def valid() -> Graph:
    """tests/shapes/valid.ttl with the concept schemes the build carries along (as tests/test_shapes.py)."""
    return Graph().parse(ROOT / "tests" / "shapes" / "valid.ttl", format="turtle") + to_rdflib(
        role_scheme_graph(ROOT / "ontology")
    )


@pytest.fixture(scope="module")
def seed_graph() -> Graph:
    return to_rdflib(build_graph(load_corpus(ROOT / "data")).triples)


def test_the_valid_graph(valid: Graph, shapes: ShapesGraph) -> None:
    report = assert_same_report(valid, shapes, "tests/shapes/valid.ttl")
    assert not report.findings


@pytest.mark.parametrize("case", SHAPE_CASES, ids=lambda p: p.stem)
def test_a_shape_case(case: Path, valid: Graph, shapes: ShapesGraph) -> None:
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    graph = Graph() + valid
    graph.update(f"BASE <{ID}>\n{spec['update']}", initNs=NS)
    report = assert_same_report(graph, shapes, case.name)
    assert len(report.findings) == len(spec["expect"]), case.name


@pytest.mark.parametrize("case", LINK_CASES, ids=lambda p: p.stem)
def test_a_link_case(case: Path, seed_graph: Graph) -> None:
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    graph = Graph() + seed_graph
    graph.update(spec["update"], initNs=NS)
    report = assert_same_report(graph, load_shapes([ROOT / "shapes" / "links.ttl"]), case.name)
    assert not report.conforms, case.name


# --- 2. the project's data, and a synthetic corpus with errors put in -----------------------------------


def _data(project: Path) -> Graph:
    return to_rdflib([*build_graph(load_corpus(project / "data")).triples, *role_scheme_graph(project / "ontology")])


def _with_errors(root: Path) -> Graph:
    """A synthetic corpus with errors put in: three organisations without
    a source, a meeting without organisations, one stating more than it lists; then, in the graph,
    what the YAML loader would refuse: an ill-typed date, a broken e-mail address, a short orgnr."""
    project = generate(root, 30, seed=11)
    orgs = project / "data" / "organisations.yaml"
    text = orgs.read_text(encoding="utf-8")
    for n in (1, 2, 7):
        text = re.sub(rf"(  - id: syn-org-{n}\n    name: [^\n]+\n)    sources: \[syn-register\]\n", r"\1", text)
    orgs.write_text(text, encoding="utf-8")
    meetings = sorted((project / "data" / "meetings").glob("*.yaml"))
    meetings[0].write_text(meetings[0].read_text(encoding="utf-8").split("organisations:\n")[0], encoding="utf-8")
    second = meetings[1].read_text(encoding="utf-8")
    meetings[1].write_text(re.sub(r"  value: \d+", "  value: 99", second), encoding="utf-8")
    g = _data(project)
    _replace(g, TIME.inXSDDate, Literal("2017-13-45", datatype=XSD_DATE))
    _replace(g, SCHEMA.startDate, Literal("2017-02-30", datatype=XSD_DATE))
    _replace(g, M8G.email, Literal("anna.andersson(at)example.se"))
    orgnr = URIRef(PREFIXES["sakrad"] + "OrganisationsnummerScheme")
    identifier = next(g.subjects(URIRef(PREFIXES["dct"] + "conformsTo"), orgnr))
    g.set((identifier, SKOS.notation, Literal("899900-123")))
    return g


def _replace(g: Graph, predicate: URIRef, value: Literal) -> None:
    subject, old = next(iter(sorted(g.subject_objects(predicate))))
    g.remove((subject, predicate, old))
    g.add((subject, predicate, value))


def test_the_project_data(shapes: ShapesGraph) -> None:
    report = assert_same_report(_data(ROOT), shapes, "the project's data")
    assert report.conforms and report.findings, "the seed data has warnings and no violation"


def test_a_synthetic_corpus_with_errors(tmp_path: Path, shapes: ShapesGraph) -> None:
    report = assert_same_report(_with_errors(tmp_path / "project"), shapes, "synthetic corpus with errors")
    components = {f.component.rsplit("#", 1)[1] for f in report.findings if f.severity == "Violation"}
    assert {"MinCountConstraintComponent", "DatatypeConstraintComponent", "PatternConstraintComponent"} <= components, (
        report.text("en")
    )
    assert report.count("Warning") >= 2, report.text("en")


# --- default messages and the less used features, against pySHACL ------------------------------------

FEATURES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix ex: <http://example.org/> .

ex:Thing a sh:NodeShape, rdfs:Class ;
    sh:targetNode ex:extra ;
    sh:class ex:Kind , ex:Other ;
    sh:property
        [ sh:path ex:p ; sh:minCount 2 ; sh:maxCount 1 ; sh:datatype xsd:integer ; sh:minInclusive 3 ;
          sh:in ( 1 ) ; sh:equals ex:q ; sh:lessThanOrEquals ex:q ] ,
        [ sh:path ( ex:link ex:p ) ; sh:hasValue 7 ; sh:nodeKind sh:IRI ] ,
        [ sh:path [ sh:inversePath ex:link ] ; sh:maxCount 0 ] ,
        [ sh:path [ sh:alternativePath ( ex:label ex:name ) ] ; sh:uniqueLang true ;
          sh:languageIn ( "sv" ) ; sh:pattern "^A" ; sh:flags "i" ;
          sh:qualifiedValueShape [ sh:datatype xsd:string ] ; sh:qualifiedMaxCount 0 ] ;
    sh:or ( [ sh:class ex:Kind ] [ sh:path ex:p ; sh:minCount 3 ] ) ;
    sh:xone ( [ sh:nodeKind sh:IRI ] [ sh:class ex:Other ] ) .

ex:Off sh:targetClass ex:Thing ; sh:deactivated true ; sh:maxCount 0 ; sh:path ex:p .
ex:Gentle a sh:NodeShape ; sh:targetSubjectsOf ex:p ; sh:severity sh:Warning ;
    sh:property [ sh:path ex:q ; sh:datatype xsd:date ] .
"""

FEATURE_DATA = """
@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:a a ex:Thing ; ex:p 1, "x" ; ex:q 1, 0 , "2017-13-45"^^xsd:date ; ex:link ex:b ;
    ex:label "alpha"@sv , "Beta"@sv , "Gamma"@sv-se , "c" ; ex:name "d"@en .
ex:b a ex:Sub ; ex:p 7 , 2.5 ; ex:link ex:a .
ex:Sub rdfs:subClassOf ex:Thing .
ex:c a ex:Thing , ex:Kind , ex:Other ; ex:p "2020-01-01"^^xsd:date ; ex:q 4 .
"""


def test_default_messages_and_less_used_features() -> None:
    """Shapes without sh:message get pySHACL's default messages. One difference is left out on
    purpose: with two or more sh:in members pySHACL lists them in the order of a Python set, which
    changes with the hash seed from run to run, so sh:in here has a single member. Language tags are
    lower case: pyoxigraph, and so the Index, lower-cases them ("x"@SV becomes "x"@sv)."""
    shapes = ShapesGraph.parse(FEATURES.encode())
    data = Graph().parse(
        data="@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n" + FEATURE_DATA, format="turtle"
    )
    report = assert_same_report(data, shapes, "feature shapes")
    components = {f.component.rsplit("#", 1)[1].removesuffix("ConstraintComponent") for f in report.findings}
    assert {
        "Class",
        "MinCount",
        "MaxCount",
        "Datatype",
        "MinInclusive",
        "In",
        "Equals",
        "LessThanOrEquals",
        "HasValue",
        "NodeKind",
        "UniqueLang",
        "LanguageIn",
        "Pattern",
        "QualifiedMaxCount",
        "Or",
        "Xone",
    } <= components, sorted(components)


# --- 3. features not implemented are refused ---------------------------------------------------------


@pytest.mark.parametrize(
    "constraint, named",
    [
        ("sh:sparql [ sh:select 'SELECT $this WHERE { }' ]", "sh:sparql"),
        ("sh:closed true", "sh:closed"),
        ("sh:property ex:P . ex:P sh:path [ sh:zeroOrMorePath ex:p ]", "sh:zeroOrMorePath"),
        ("sh:disjoint ex:q", "sh:disjoint"),
        ("sh:property ex:P . ex:P sh:path ex:p ; sh:maxExclusive 3", "sh:maxExclusive"),
        ("sh:node ex:P . ex:P sh:path ex:p", "sh:node"),
    ],
)
def test_an_unsupported_feature_is_refused(constraint: str, named: str) -> None:
    shapes = ShapesGraph.parse(
        f"""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
        ex:Shape a sh:NodeShape ; sh:targetClass ex:Thing ; {constraint} .""".encode()
    )
    with pytest.raises(UnsupportedShapes) as raised:
        Shapes.compile(shapes)
    assert named in str(raised.value) and "http://example.org/" in str(raised.value), str(raised.value)
