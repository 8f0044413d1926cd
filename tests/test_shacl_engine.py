"""The set-based SHACL engine (sakrad_ld.shacl) gives the findings pySHACL gives: the same focus
nodes, paths, values, messages, shapes, components and severities, and the same conformance, on
every shape case, on the project's data, on a synthetic corpus with errors put in, and on shapes
that exercise the default messages and the less used features; and it refuses a shapes graph with
a feature it does not implement. On the official DCAT-AP shapes (sh:node, sh:or, sh:hasValue,
sh:inversePath, sh:class, …) it gives pySHACL's findings on the release's catalogues and on
catalogues with faults put in."""

from __future__ import annotations

import re
import shutil
import sys
from importlib.resources import files
from pathlib import Path

import pytest
import yaml
from graphs import assert_isomorphic
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, SH, SKOS, XSD

from sakrad_ld.catalogue import dcat_ap
from sakrad_ld.corpus import load_corpus
from sakrad_ld.graph import build_graph, role_scheme_graph
from sakrad_ld.rdflib_edge import from_rdflib, to_rdflib
from sakrad_ld.shacl import Shapes, ShapesGraph, UnsupportedShapes, check, check_graph
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
M8G, SCHEMA, TIME = (Namespace(PREFIXES[p]) for p in ("m8g", "schema", "time"))
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
        shown_expected, shown_got = _show(expected), _show(got)
        only_expected = [line for line in shown_expected if line not in set(shown_got)][:40]
        only_got = [line for line in shown_got if line not in set(shown_expected)][:40]
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
def seed_graph(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    """data/'s graph with one organisation number confirmed, so that it has a derived dataportal link."""
    from test_links import confirm_radda_barnen

    data = tmp_path_factory.mktemp("seed") / "data"
    shutil.copytree(ROOT / "data", data)
    return to_rdflib(build_graph(load_corpus(confirm_radda_barnen(data))).triples)


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
    meetings[1].write_text(
        re.sub(r'  text: "\d+"\n  value: \d+', '  text: "99"\n  value: 99', second), encoding="utf-8"
    )
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
        ("sh:property ex:P . ex:P sh:path ex:p ; sh:node ex:Shape", "recursive"),
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


# --- 4. the official DCAT-AP shapes, on the release's catalogues and on catalogues with faults ---------

ASSETS = files("sakrad_ld").joinpath("assets")
#: The shapes files of each DCAT-AP release, grouped as the build checks them.
DCAT_AP_SHAPES = [
    (profile.shapes, names)
    for profile in (dcat_ap.DCAT_AP_3, dcat_ap.DCAT_AP_2)
    for names in dcat_ap.SHAPES_FILES.values()
]
CATALOGUE_OF = {"dcat-ap-3.0.1": "catalog.ttl", "dcat-ap-2.1.1": "catalog-dcat-ap-2.ttl"}


def _dcat_ap_shapes(profile: str, names: tuple[str, ...]) -> ShapesGraph:
    return ShapesGraph.load([Path(str(ASSETS.joinpath(profile, name))) for name in names])


def assert_same_findings(data: Graph, shapes: ShapesGraph, what: str) -> tuple[list, bool]:
    """:func:`check_graph` gives pySHACL's findings (focus, path, value, message, shape, component,
    severity) and conformance on ``data``."""
    expected = pyshacl_check(data, shapes)
    got = check_graph(from_rdflib(data), shapes)
    assert got[1] == expected[1], f"{what}: conformance differs"
    only_expected = sorted(set(map(repr, expected[0])) - set(map(repr, got[0])))[:20]
    only_got = sorted(set(map(repr, got[0])) - set(map(repr, expected[0])))[:20]
    assert got[0] == expected[0], f"{what}: findings differ\n  pySHACL only: {only_expected}\n  engine only: {only_got}"
    assert [(f.value_term, f.focus_term, f.path_term) for f in got[0]] == [
        (f.value_term, f.focus_term, f.path_term) for f in expected[0]
    ], what
    return got


@pytest.fixture(scope="module")
def catalogues(fixture_release: Path) -> dict[str, Graph]:
    return {p: Graph().parse(fixture_release / name, format="turtle") for p, name in CATALOGUE_OF.items()}


@pytest.mark.parametrize(("profile", "names"), DCAT_AP_SHAPES, ids=lambda x: x if isinstance(x, str) else "+".join(x))
def test_dcat_ap_shapes_on_the_release_catalogue(
    profile: str, names: tuple[str, ...], catalogues: dict[str, Graph]
) -> None:
    assert_same_findings(catalogues[profile], _dcat_ap_shapes(profile, names), f"{profile} {names}")


def _first(g: Graph, cls: URIRef) -> URIRef:
    return sorted(s for s in g.subjects(RDF.type, cls) if isinstance(s, URIRef))[0]


def _faults(g: Graph) -> None:
    """Faults a catalogue can have, each against another part of the DCAT-AP shapes."""
    dataset = _first(g, DCAT.Dataset)
    g.remove((dataset, DCTERMS.title, None))  # a dataset without a title (sh:minCount)
    distribution = _first(g, DCAT.Distribution)
    g.remove((distribution, DCAT.accessURL, None))  # a distribution without an access URL
    publisher = g.value(dataset, DCTERMS.publisher)
    g.remove((publisher, RDF.type, None))  # a publisher of the wrong class (sh:class)
    g.add((publisher, RDF.type, SKOS.Concept))
    catalog = _first(g, DCAT.Catalog)
    g.set((catalog, DCTERMS.issued, Literal("2026-13-45", datatype=XSD.date)))  # ill-typed (sh:or of sh:datatype)
    g.set((catalog, DCTERMS.modified, Literal("yesterday")))  # a string where a date is due
    g.add((dataset, DCTERMS.language, URIRef("http://example.org/language/xx")))  # no EU language (sh:node)
    g.add((catalog, DCAT.dataset, URIRef("http://example.org/no-dataset")))  # no dcat:Resource (sh:or of sh:class)
    g.add((distribution, DCAT.accessURL, Literal("https://example.org/a-string")))  # a literal (sh:nodeKind)
    series = URIRef("http://example.org/series")
    g.add((series, RDF.type, DCAT.DatasetSeries))  # a series no dataset is in (sh:inversePath)
    g.add((series, DCTERMS.title, Literal("En serie", lang="sv")))
    g.add((publisher, FOAF.name, Literal("Ett andra namn", lang="sv")))  # a second name in one language
    g.add((distribution, DCAT.byteSize, Literal("many")))  # sh:datatype xsd:nonNegativeInteger / decimal


@pytest.mark.parametrize(("profile", "names"), DCAT_AP_SHAPES, ids=lambda x: x if isinstance(x, str) else "+".join(x))
def test_dcat_ap_shapes_on_a_catalogue_with_faults(
    profile: str, names: tuple[str, ...], catalogues: dict[str, Graph]
) -> None:
    g = Graph() + catalogues[profile]
    _faults(g)
    findings, conforms = assert_same_findings(g, _dcat_ap_shapes(profile, names), f"{profile} {names} with faults")
    if names[0] == "shapes.ttl":
        assert not conforms
        components = {f.component.rsplit("#", 1)[1].removesuffix("ConstraintComponent") for f in findings}
        assert {"MinCount", "Class", "Node", "NodeKind", "Datatype"} <= components, sorted(components)
    if names[0] == "mdr-vocabularies.shape.ttl":
        assert any(f.component.endswith("NodeConstraintComponent") for f in findings)


# --- 5. literals: rdflib's datatypes and order, without rdflib ------------------------------------------

LEXICAL_FORMS = [
    *("1", "01", "-1", "+3", "0", "300", "70000", "1.5", "-0.5", "1e3", "abc", ""),
    *("true", "false", "TRUE", "2020-01-01", "2020-13-45", "-2020-01-01", "2020-01-01Z", "2020-01-01+02:00"),
    *("2020-01-01T10:00:00", "2020-01-01T10:00:00Z", "2020-01-01T10:00:00+02:00", "10:00:00", "10:00:00Z"),
    *("P1D", "P1Y2M", "-P3DT4H", "PT1.5S", "2020", "2020-05", "0F", "0FB7", "Zm9v", "a b"),
]
DATATYPES = [
    *(XSD[n] for n in ("integer", "decimal", "double", "float", "boolean", "date", "dateTime", "time", "duration")),
    *(XSD[n] for n in ("gYear", "gYearMonth", "nonNegativeInteger", "positiveInteger", "negativeInteger", "int")),
    *(XSD[n] for n in ("short", "byte", "unsignedByte", "unsignedInt", "long", "hexBinary", "base64Binary")),
    *(XSD[n] for n in ("string", "anyURI", "token", "dayTimeDuration", "yearMonthDuration")),
    URIRef("http://example.org/datatype"),
]


def _literals(dt: URIRef) -> list[Literal]:
    """Every lexical form in the datatype, where rdflib keeps the lexical form as written (rdflib
    writes a well-typed literal in its canonical form; the engine reports the data as it is)."""
    return [literal for lexical in LEXICAL_FORMS if str(literal := Literal(lexical, datatype=dt)) == lexical]


def test_literal_datatypes_and_order_are_rdflib_s() -> None:
    """sh:datatype (well-typed or not) on every lexical form in every datatype, sh:minInclusive
    and sh:lessThanOrEquals between literals of many kinds, with default messages that write each
    literal and its value: pySHACL's findings, terms included."""
    ex = Namespace("http://example.org/")
    data = Graph()
    shapes = ["@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> ."]
    count = 0
    for n, dt in enumerate(DATATYPES):
        for m, literal in enumerate([*_literals(dt), Literal("sv", lang="sv"), Literal("plain")]):
            data.add((ex[f"n{n}-{m}"], ex[f"v{n}"], literal))
            data.add((ex[f"n{n}-{m}"], ex.v, literal))
            count += 1
        shapes.append(f"ex:D{n} sh:targetSubjectsOf ex:v{n} ; sh:property [ sh:path ex:v{n} ; sh:datatype <{dt}> ] .")
    ordered = [Literal(1), Literal("1.5", datatype=XSD.decimal), Literal("2020-01-01", datatype=XSD.date)]
    ordered += [Literal("2020-01-01T10:00:00", datatype=XSD.dateTime), Literal("b")]
    ordered += [Literal("10:00:00", datatype=XSD.time), Literal("P1D", datatype=XSD.duration)]
    for n, (a, b) in enumerate((a, b) for a in ordered for b in ordered):
        data.add((ex[f"pair{n}"], ex.low, a))
        data.add((ex[f"pair{n}"], ex.high, b))
    for n, bound in enumerate(ordered):
        shapes.append(
            f"ex:M{n} sh:targetSubjectsOf ex:v ; sh:property [ sh:path ex:v ; sh:minInclusive {bound.n3()} ] ."
        )
    shapes.append("ex:L sh:targetSubjectsOf ex:low ; sh:property [ sh:path ex:low ; sh:lessThanOrEquals ex:high ] .")
    findings, _ = assert_same_findings(data, ShapesGraph.parse("\n".join(shapes).encode()), "literals")
    components = {f.component.rsplit("#", 1)[1] for f in findings}
    assert {"DatatypeConstraintComponent", "MinInclusiveConstraintComponent"} <= components
    assert "LessThanOrEqualsConstraintComponent" in components
    assert count > 500


def test_iris_are_named_as_rdflib_names_them() -> None:
    """Default messages name IRIs by the prefixes rdflib would bind after reading the shapes files:
    a new prefix for a bound namespace replaces the old one, a taken prefix gets a number."""
    from sakrad_ld.shacl.names import Names

    declared = [("dct", "http://purl.org/dc/terms/"), ("foaf", "http://example.org/foaf/"), ("ex", "http://e.org/")]
    declared += [("ex", "http://e.org/other#")]
    g = Graph()
    for prefix, namespace in declared:
        g.bind(prefix, namespace)
    names = Names.declared(declared)
    iris = ["http://purl.org/dc/terms/title", "http://example.org/foaf/name", "http://xmlns.com/foaf/0.1/name"]
    iris += [
        "http://e.org/a",
        "http://e.org/other#b",
        "http://e.org/1x",
        "http://e.org/",
        "urn:x:y",
        "http://e.org/a b",
    ]
    iris += ["http://www.w3.org/2001/XMLSchema#date", "https://schema.org/name", "http://e.org/x.y", "http://e.org/_z"]
    for iri in iris:
        try:
            expected = URIRef(iri).n3(namespace_manager=g.namespace_manager)
        except Exception:  # rdflib refuses to write it; pySHACL writes the bare IRI
            expected = iri
        assert names(iri) == expected, iri


# --- 5. the data a SPARQL target reads ----------------------------------------------------------------

E = "http://e.org/"


@pytest.mark.parametrize(
    ("query", "read"),
    [
        ("SELECT ?this WHERE { ?this <http://e.org/p> ?o . <http://e.org/s> <http://e.org/q> ?o2 }", {"p", "s", "q"}),
        ("PREFIX e: <http://e.org/> SELECT ?this WHERE { ?this e:p/e:q* ?o . FILTER(!BOUND(?o)) }", {"p", "q"}),
        ("PREFIX e: <http://e.org/> SELECT ?this WHERE { ?this e:p e:o. ?this ^e:q ?v }", {"p", "o", "q"}),
        ("SELECT ?this WHERE { ?this a ?t ; <http://e.org/p> 'x'^^<http://e.org/d> }", {"type", "p", "d"}),
        ("SELECT ?this ?x WHERE { ?this <http://e.org/p> ?x # ?this ?p ?x\n } ORDER BY ?this ?x", {"p"}),
        (
            "SELECT ?this WHERE { ?this <http://e.org/p> ?o MINUS { ?o <http://e.org/q> ?v . FILTER(?v != 1) } }",
            {"p", "q"},
        ),
        # a predicate that may be any: every triple is read
        ("SELECT ?this WHERE { ?this ?p ?o }", None),
        ("SELECT ?this WHERE { ?this <http://e.org/p> ?o ; ?q ?v }", None),
        ("SELECT ?this WHERE { ?this <http://e.org/p> [ ?q ?v ] }", None),
        ("SELECT ?this WHERE { <http://e.org/s> ?p ?this }", None),
        ("SELECT ?this WHERE { ?this <http://e.org/p> ?o . _:b ?p ?o }", None),
        ("SELECT ?this WHERE { ?this <http://e.org/p> 'x' . 'y' ?p ?this }", None),
        ("SELECT ?this WHERE { { SELECT ?this ?p WHERE { ?this ?p ?x } } }", None),
        ("SELECT ?this WHERE { ?this !<http://e.org/p> ?o }", None),
        ("SELECT ?this WHERE { ?this !(<http://e.org/p>|^<http://e.org/q>) ?o }", None),
        # names this reading cannot resolve
        ("SELECT ?this WHERE { ?this e:p ?o }", None),
        ("SELECT ?this WHERE { ?this <p> ?o }", None),
        ("BASE <http://e.org/> SELECT ?this WHERE { ?this <http://e.org/p> ?o }", None),
        ("SELECT ?this WHERE { ?this <http://e.org/\\u0070> ?o }", None),
        # names past ASCII: U+00B7 to U+FFFF, and letters beyond, stand in names; U+00B6 and U+1F600 do not
        ("PREFIX é·: <http://e.org/> SELECT ?this WHERE { ?this é·:p·q ?o ; é·:på ?v }", {"p·q", "på"}),
        ("PREFIX e: <http://e.org/> SELECT ?this WHERE { ?this e:\U0001d400 ?o }", {"\U0001d400"}),
        ("SELECT ?this WHERE { ?this <http://e.org/p> ?x·\u3000 . _:b·\U0001d400 <http://e.org/q> 1 }", {"p", "q"}),
        ("PREFIX e: <http://e.org/> SELECT ?this WHERE { ?this e:p\u00b6 ?o }", None),
        ("PREFIX e: <http://e.org/> SELECT ?this WHERE { ?this e:p\U0001f600 ?o }", None),
        ("SELECT ?this WHERE { ?this <http://e.org/p> ?x\u00b6 }", None),
        ("PREFIX ·: <http://e.org/> SELECT ?this WHERE { ?this ·:p ?o }", None),
    ],
)
def test_the_predicates_a_sparql_target_reads(query: str, read: set[str] | None) -> None:
    from sakrad_ld.shacl.sparql import predicates_read

    found = predicates_read(query)
    if read is None:
        assert found is None
    else:
        assert found is not None
        assert {p.value.rsplit("/", 1)[-1].rsplit("#", 1)[-1] for p in found} == read
        assert all(p.value.startswith(E) or p.value.endswith("#type") for p in found)


@pytest.mark.parametrize(
    ("query", "objects"),
    [
        (
            "SELECT ?this WHERE { ?this a <http://e.org/C> ; <http://e.org/p> ?o }",
            {"type": {"C"}, "C": None, "p": None},
        ),
        (
            "SELECT ?this WHERE { ?this a <http://e.org/C> . ?o a <http://e.org/D> }",
            {"type": {"C", "D"}, "C": None, "D": None},
        ),
        ("SELECT ?this WHERE { ?this a <http://e.org/C> . ?o a ?t }", {"type": None, "C": None}),
        ("SELECT ?this WHERE { ?this a <http://e.org/C>, <http://e.org/D> }", {"type": None, "C": None, "D": None}),
        ("SELECT ?this WHERE { ?this <http://e.org/p> <http://e.org/o> }", {"p": {"o"}, "o": None}),
        ("SELECT ?this WHERE { ?this <http://e.org/p>/<http://e.org/p> <http://e.org/o> }", {"p": None, "o": None}),
        ("SELECT ?this WHERE { ?this <http://e.org/p>* <http://e.org/o> }", {"p": None, "o": None}),
        ("SELECT ?this WHERE { ?this ^<http://e.org/p> <http://e.org/o> . }", {"p": None, "o": None}),
        ("SELECT ?this WHERE { ?this <http://e.org/p> 'o' . }", {"p": None}),
    ],
)
def test_the_objects_a_sparql_target_reads(query: str, objects: dict[str, set[str] | None]) -> None:
    """A predicate is read only with the objects its patterns name when every one names its object."""
    from sakrad_ld.shacl.sparql import predicates_read

    def name(term: object) -> str:
        return str(getattr(term, "value", "")).rsplit("/", 1)[-1].rsplit("#", 1)[-1]

    found = predicates_read(query)
    assert found is not None
    assert {name(p): None if o is None else {name(t) for t in o} for p, o in found.items()} == objects


@pytest.mark.parametrize(
    ("query", "subjects"),
    [
        # the link shapes' pattern: ?id is an object of adms:identifier in the same basic graph pattern
        (
            "SELECT ?this WHERE { ?this <http://e.org/p> ?v . MINUS { ?this <http://e.org/p> ?v ; "
            "<http://e.org/id> ?id . ?id <http://e.org/src> ?s ; <http://e.org/reg> ?r . ?r <http://e.org/space> ?x "
            "FILTER (STR(?v) = ?x) } }",
            {"src": {"id"}, "reg": {"id"}, "space": {"reg"}},
        ),
        (
            "PREFIX e: <http://e.org/> SELECT DISTINCT ?this WHERE { ?x e:q ?this . ?this e:p 'x'@en , ?y ; a e:C . }"
            " ORDER BY ?this",
            {"p": {"q"}, "type": {"q"}},
        ),
        # each pattern of a predicate must be joined so: one that is not reads every subject
        ("SELECT ?this WHERE { ?x <http://e.org/q> ?this . ?this <http://e.org/p> ?y . ?z <http://e.org/p> ?w }", {}),
        # joined in another basic graph pattern only: not followed
        ("SELECT ?this WHERE { ?x <http://e.org/q> ?this . OPTIONAL { ?this <http://e.org/p> ?y } }", {}),
        ("SELECT ?this WHERE { ?x <http://e.org/q> ?this MINUS { ?this <http://e.org/p> ?y } }", {}),
        ("SELECT ?this WHERE { ?x <http://e.org/q> ?this FILTER NOT EXISTS { ?this <http://e.org/p> ?y } }", {}),
        # what this reading does not follow: nothing is left out
        ("SELECT ?this WHERE { ?x <http://e.org/q> ?this . ?this <http://e.org/p>/<http://e.org/r> ?y }", {}),
        ("SELECT ?this WHERE { { ?x <http://e.org/q> ?this } UNION { ?this <http://e.org/p> ?y } }", {}),
        ("SELECT ?this WHERE { ?x <http://e.org/q> ?this . ?this <http://e.org/p> [ <http://e.org/r> ?y ] }", {}),
        ("SELECT ?this WHERE { ?x <http://e.org/q> ?this . FILTER (EXISTS { ?this <http://e.org/p> ?y }) }", {}),
        ("SELECT ?this WHERE { ?x <http://e.org/q> ?this . GRAPH ?g { ?this <http://e.org/p> ?y } }", {}),
        ("SELECT ?this WHERE { ?x <http://e.org/q> ?this . VALUES ?this { <http://e.org/a> } }", {}),
        ("ASK { ?x <http://e.org/q> ?this . ?this <http://e.org/p> ?y }", {}),
        ("SELECT ?this WHERE { ?x <http://e.org/q> ?this . ?this ?p ?y }", {}),
    ],
)
def test_the_subjects_a_sparql_target_reads(query: str, subjects: dict[str, set[str]]) -> None:
    """A predicate is read only for the subjects a named predicate's pattern gives it as objects,
    in the same basic graph pattern, when every pattern of it is so joined."""
    from sakrad_ld.shacl.sparql import subjects_read

    def name(term: object) -> str:
        return str(getattr(term, "value", "")).rsplit("/", 1)[-1].rsplit("#", 1)[-1]

    found = subjects_read(query)
    assert {name(p): {name(q) for q in qs} for p, qs in found.items()} == subjects


def test_a_sparql_target_finds_on_the_subjects_it_joins_what_it_finds_on_every_triple() -> None:
    """The store of a query that reads a predicate by subject leaves out the other subjects'
    triples, and answers as a store of every triple does, MINUS included."""
    import pyoxigraph as ox

    from sakrad_ld.shacl.engine import _Run

    e = "http://e.org/"
    query = (
        f"SELECT DISTINCT ?this WHERE {{ ?this <{e}p> ?v . MINUS {{ ?this <{e}p> ?v ; <{e}id> ?id . "
        f"?id <{e}src> ?s ; <{e}note> ?n . FILTER (STR(?v) = CONCAT('{e}', STR(?n))) }} }}"
    )

    def n(local: str) -> ox.NamedNode:
        return ox.NamedNode(e + local)

    triples = [
        (n("a"), n("p"), n("x")),  # qualified: an identifier with a source and the notation
        (n("a"), n("id"), n("i1")),
        (n("i1"), n("src"), n("doc")),
        (n("i1"), n("note"), ox.Literal("x")),
        (n("b"), n("p"), n("y")),  # its identifier has no source: found
        (n("b"), n("id"), n("i2")),
        (n("i2"), n("note"), ox.Literal("y")),
        (n("c"), n("p"), n("z")),  # the source and notation sit on what is not its identifier: found
        (n("c"), n("other"), n("i3")),
        (n("i3"), n("src"), n("doc")),
        (n("i3"), n("note"), ox.Literal("z")),
        *((n(f"m{k}"), n("src"), n("doc")) for k in range(20)),  # sources of other things
    ]
    index = Index(triples)
    store = _Run(index).store_for(query)
    held = {(q.subject, q.predicate, q.object) for q in store}
    assert (n("i3"), n("src"), n("doc")) not in held and (n("m0"), n("src"), n("doc")) not in held
    assert (n("i1"), n("src"), n("doc")) in held
    everything = ox.Store()
    everything.extend(ox.Quad(*t) for t in triples)

    def answer(s: ox.Store) -> set[ox.NamedNode]:
        return {row["this"] for row in s.query(query)}  # type: ignore[union-attr]

    assert answer(store) == answer(everything) == {n("b"), n("c")}


def test_sparql_targets_find_on_the_triples_they_read_what_they_find_on_all(seed_graph: Graph) -> None:
    """Each SPARQL target of the link shapes runs on a store of only the triples of the predicates
    its query names, and the findings are those made with a store of every triple."""
    import pyoxigraph as ox

    from sakrad_ld.shacl.engine import _Run

    shapes = Shapes.compile(load_shapes([ROOT / "shapes" / "links.ttl"]))
    queries = [q for s in shapes.targeted for q in s.targets.sparql]
    assert queries
    graph = Graph() + seed_graph
    for case in LINK_CASES:
        graph.update(yaml.safe_load(case.read_text(encoding="utf-8"))["update"], initNs=NS)
    index = Index(from_rdflib(graph))
    run = _Run(index)
    for query in queries:
        assert 0 < len(run.store_for(query)) < len(index)
    everything = ox.Store()
    everything.bulk_extend(ox.Quad(s, p, o) for s, p, o in index)
    made, conforms = check(index, shapes)
    given, conforms_given = check(index, shapes, everything)
    assert not conforms
    assert conforms == conforms_given
    assert made
    assert sort_findings(made) == sort_findings(given)
