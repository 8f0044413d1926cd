"""The ontology is OWL 2 DL and consistent, alone and with the data.

Two maintained tools check ``ontology/sakrad.ttl`` (with the role scheme ``ontology/roles.ttl``)
alone and together with the data graph a release publishes (built here from ``data/``):

- the OWL API's OWL 2 DL profile checker (Debian's ``libowlapi-java``, ``tests/owlapi.py``):
  no violation, except that the data's dates are typed ``xsd:date``, ``xsd:gYearMonth`` and
  ``xsd:gYear``, which OWL 2's datatype map does not have (https://www.w3.org/TR/owl2-syntax/#Datatype_Maps);
- the HermiT reasoner bundled with owlready2: consistent, no unsatisfiable class.

Neither sees whether a literal has the datatype of its property's range when the values coincide
(``"5"^^xsd:integer`` is a non-negative integer to a reasoner), so a test compares the datatypes too.
The folders ``tests/owl/inconsistent`` and ``tests/owl/not-dl`` hold statements each tool must reject.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
from owlapi import Report, Violation, check

from sakrad_ld import vocab
from sakrad_ld.triples import Graph

OWL, RDF, RDFS = vocab.OWL, vocab.RDF, vocab.RDFS

HERE = Path(__file__).parent / "owl"
#: The datatypes the data's dates have, none of them in OWL 2's datatype map.
DATES = {vocab.XSD.date, vocab.XSD.gYearMonth, vocab.XSD.gYear}
#: What the profile checker reports for a literal of such a datatype.
DATE_VIOLATIONS = {"UseOfDefinedDatatypeInLiteral", "UseOfUndeclaredDatatype"}
#: Properties whose values are dates: range rdfs:Literal in the ontology (or no range), with these datatypes.
DATE_PROPERTIES = {
    vocab.SAKRAD.derivedDate: DATES,
    vocab.SAKRAD.attestedOn: DATES,
    vocab.TIME.inXSDDate: {vocab.XSD.date},
    vocab.TIME.inXSDgYearMonth: {vocab.XSD.gYearMonth},
    vocab.TIME.inXSDgYear: {vocab.XSD.gYear},
    vocab.SCHEMA.startDate: {vocab.XSD.date, vocab.XSD.dateTime},  # schema.org: Date or DateTime
    vocab.SCHEMA.endDate: {vocab.XSD.date, vocab.XSD.dateTime},
}


def _merge(out: Path, *graphs: Graph | Path) -> Path:
    """One N-Triples document of the given graphs and files: the tools read a single document."""
    merged = Graph()
    for g in graphs:
        merged.update(g if isinstance(g, Graph) else _turtle(g))
    out.write_bytes(ox.serialize([ox.Triple(*t) for t in merged], format=ox.RdfFormat.N_TRIPLES) or b"")
    return out


def _turtle(path: Path) -> Graph:
    return Graph.parse(path.read_bytes(), ox.RdfFormat.TURTLE, base_iri=path.as_uri())


def _profile(path: Path) -> Report:
    try:
        return check(path)
    except RuntimeError as e:
        pytest.fail(str(e))


def _hermit(path: Path) -> tuple[bool, list[str], float]:
    """(consistent, unsatisfiable classes, seconds) by HermiT through owlready2. Literals of datatypes
    outside OWL 2's datatype map (the dates) are kept but not interpreted (HermiT's ignoreUnsupportedDatatypes)."""
    try:
        import owlready2
    except ImportError:
        pytest.fail("HermiT comes with owlready2, a test extra: pip install -e '.[test]'")
    world = owlready2.World()
    world.get_ontology(path.as_uri()).load(format="ntriples")
    start = time.perf_counter()
    try:
        owlready2.sync_reasoner_hermit(world, debug=0, ignore_unsupported_datatypes=True)
    except owlready2.OwlReadyInconsistentOntologyError:
        return False, [], time.perf_counter() - start
    except owlready2.OwlReadyJavaError as e:
        pytest.fail(f"HermiT could not run (Java: apt-get install default-jre-headless): {e}")
    unsatisfiable = sorted(c.iri for c in world.inconsistent_classes())
    return True, unsatisfiable, time.perf_counter() - start


def _listing(violations: list[Violation]) -> str:
    counts = Counter(v.kind for v in violations)
    return "\n".join([f"{n} {kind}" for kind, n in counts.most_common()] + [v.text[:300] for v in violations[:20]])


@pytest.fixture(scope="module")
def owl_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("owl")


@pytest.fixture(scope="module")
def ontology_files(root: Path) -> tuple[Path, Path]:
    return root / "ontology" / "sakrad.ttl", root / "ontology" / "roles.ttl"


@pytest.fixture(scope="module")
def ontology_nt(owl_dir: Path, ontology_files: tuple[Path, Path]) -> Path:
    return _merge(owl_dir / "ontology.nt", *ontology_files)


@pytest.fixture(scope="module")
def data_graph(root: Path) -> Graph:
    """The release's data graph: the data of data/ with the concept schemes it carries along."""
    from sakrad_ld.corpus import load_corpus
    from sakrad_ld.graph import build_graph, role_scheme_graph

    return Graph(build_graph(load_corpus(root / "data"), alongside=role_scheme_graph(root / "ontology")).triples)


@pytest.fixture(scope="module")
def with_data_nt(owl_dir: Path, ontology_files: tuple[Path, Path], data_graph: Graph) -> Path:
    return _merge(owl_dir / "with-data.nt", *ontology_files, data_graph)


# --- the OWL API's OWL 2 DL profile checker -----------------------------------------------------------


@pytest.mark.parametrize("files", [("sakrad.ttl",), ("sakrad.ttl", "roles.ttl")], ids=["sakrad", "sakrad+roles"])
def test_ontology_is_owl2_dl(root: Path, owl_dir: Path, files: tuple[str, ...]) -> None:
    path = _merge(owl_dir / ("-".join(files) + ".nt"), *(root / "ontology" / f for f in files))
    report = _profile(path)
    assert not report.violations, (
        "OWL 2 DL violations (OWL API " + report.owlapi_version + "):\n" + _listing(report.violations)
    )


def test_ontology_with_data_is_owl2_dl_but_for_dates(with_data_nt: Path) -> None:
    report = _profile(with_data_nt)
    others = [
        v for v in report.violations if not (v.kind in DATE_VIOLATIONS and ox.NamedNode(str(v.datatype)) in DATES)
    ]
    assert not others, "OWL 2 DL violations of the ontology with the data, besides dates:\n" + _listing(others)


@pytest.mark.parametrize("case", sorted(HERE.glob("not-dl/*.ttl")), ids=lambda p: p.stem)
def test_profile_checker_rejects(case: Path, owl_dir: Path, ontology_files: tuple[Path, Path]) -> None:
    """Each case adds a statement outside OWL 2 DL; its first line names the violation expected."""
    expected = case.read_text(encoding="utf-8").splitlines()[0].removeprefix("# expect:").strip()
    report = _profile(_merge(owl_dir / f"not-dl-{case.stem}.nt", *ontology_files, case))
    assert expected in {v.kind for v in report.violations}, _listing(report.violations)


# --- HermiT -------------------------------------------------------------------------------------------


def test_ontology_is_consistent_with_no_unsatisfiable_class(ontology_nt: Path) -> None:
    consistent, unsatisfiable, _ = _hermit(ontology_nt)
    assert consistent, "HermiT: the ontology is inconsistent"
    assert not unsatisfiable, f"HermiT: unsatisfiable classes: {unsatisfiable}"


def test_ontology_with_data_is_consistent(with_data_nt: Path) -> None:
    consistent, unsatisfiable, _ = _hermit(with_data_nt)
    assert consistent, "HermiT: the ontology with the data of data/ is inconsistent"
    assert not unsatisfiable, f"HermiT: unsatisfiable classes: {unsatisfiable}"


@pytest.mark.parametrize("case", sorted(HERE.glob("inconsistent/*.ttl")), ids=lambda p: p.stem)
def test_hermit_finds_the_contradiction(case: Path, owl_dir: Path, ontology_files: tuple[Path, Path]) -> None:
    consistent, _, _ = _hermit(_merge(owl_dir / f"inconsistent-{case.stem}.nt", *ontology_files, case))
    assert not consistent, f"HermiT found {case.name} consistent with the ontology"


# --- datatypes the reasoner does not compare ----------------------------------------------------------


def _accepts(datatype: ox.NamedNode, literal: ox.Literal) -> bool:
    if datatype == RDF.PlainLiteral:  # text: with a language tag or a plain string
        return literal.language is not None or literal.datatype == vocab.XSD.string
    if datatype == vocab.XSD.string:
        return literal.language is None and literal.datatype == vocab.XSD.string
    return literal.datatype == datatype


def test_literals_have_the_datatype_of_the_range(data_graph: Graph, ontology_files: tuple[Path, Path]) -> None:
    ontology = _turtle(ontology_files[0])
    ranges = {
        p: r
        for p in ontology.subjects(RDF.type, OWL.DatatypeProperty)
        if (r := ontology.value(p, RDFS.range)) is not None and r != RDFS.Literal
    }
    assert ranges, "no datatype property of the ontology has a range"
    wrong = set()
    for p, datatype in ranges.items():
        for s, _, o in data_graph.triples(None, p):
            if not (isinstance(o, ox.Literal) and _accepts(datatype, o)):
                wrong.add(f"{s} {p} {o!r} (range {datatype})")
    for p, datatypes in DATE_PROPERTIES.items():
        wrong |= {
            f"{s} {p} {o!r} (expected one of {sorted(datatypes)})"
            for s, _, o in data_graph.triples(None, p)
            if not (isinstance(o, ox.Literal) and o.datatype in datatypes)
        }
    assert not wrong, "literals whose datatype is not the range's:\n  " + "\n  ".join(sorted(wrong))


def test_date_properties_have_no_range_the_data_violates(ontology_files: tuple[Path, Path]) -> None:
    ontology = _turtle(ontology_files[0])
    for p in DATE_PROPERTIES:
        assert ontology.value(p, RDFS.range) in (None, RDFS.Literal), p


def test_object_and_datatype_properties_get_resources_and_literals(
    data_graph: Graph, ontology_files: tuple[Path, Path]
) -> None:
    ontology = _turtle(ontology_files[0])
    wrong = {
        f"{p}: {o!r}"
        for p in ontology.subjects(RDF.type, OWL.ObjectProperty)
        for o in data_graph.objects(None, p)
        if isinstance(o, ox.Literal)
    }
    wrong |= {
        f"{p}: {o}"
        for p in ontology.subjects(RDF.type, OWL.DatatypeProperty)
        for o in data_graph.objects(None, p)
        if not isinstance(o, ox.Literal)
    }
    assert not wrong, "values of the wrong kind:\n  " + "\n  ".join(sorted(wrong))
