"""The release catalogue meets DCAT-AP 3.0.1 and DCAT-AP-SE 3.0.1, and tells the truth about the files.

The catalogue is checked as published (``catalog.ttl`` alone, with the official shapes from
``../shared/validators/``), so what a harvester or the EU validator would see is what is tested.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.resources
import logging
from pathlib import Path

import pytest
from dcat_ap_se import Bundle, Missing
from graphs import assert_isomorphic
from pyshacl import validate
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, SH

from sakrad_ld.catalogue import dcat, dcat_ap
from sakrad_ld.cli import main
from sakrad_ld.formats import FORMATS
from sakrad_ld.project import Project
from sakrad_ld.records import Address
from sakrad_ld.release import build, write_release
from sakrad_ld.vocab import PREFIXES, SPDX, VCARD

HTML_SHACL = Path("dcat-ap/3.0.1/html-shacl")
DCAT = Namespace("http://www.w3.org/ns/dcat#")  # DCAT 3 (rdflib's closed DCAT namespace is DCAT 2)
#: DCAT-AP-SE recommendations the default configuration leaves out on purpose (docs/catalogue.md).
NOT_STATED = {
    ("dcat:foaf:Agent", "https://www.w3.org/ns/org#classification"):
        "its only value marks a fee-financed agent; stating it would be false",
    ("dcat:contactPoint", str(VCARD.hasTelephone)): "no telephone number to give; configurable",
    ("dcat:contactPoint", str(VCARD.hasAddress)): "no postal address to give; configurable",
}


@pytest.fixture(scope="session")
def catalogue(release: Path) -> Graph:
    return Graph().parse(release / "catalog.ttl", format="turtle")


def _shapes(shared: Path, *names: str) -> Graph:
    g = Graph()
    for name in names:
        g.parse(shared / "validators" / HTML_SHACL / name, format="turtle")
    return g


def _results(data: Graph, shapes: Graph) -> list[tuple[str, str, str, str]]:
    """The top-level results (not their sh:detail): severity, focus, path, message."""
    _, report, _ = validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    out = []
    for r in report.objects(None, SH.result):
        out.append((str(report.value(r, SH.resultSeverity)).split("#")[-1], str(report.value(r, SH.focusNode)),
                    str(report.value(r, SH.resultPath)), str(report.value(r, SH.resultMessage))))
    return sorted(out)


def _report(results: list[tuple[str, str, str, str]]) -> str:
    return "\n".join(" | ".join(r) for r in results)


def test_the_packaged_dcat_ap_shapes_are_the_official_files(shared: Path) -> None:
    packaged = importlib.resources.files("sakrad_ld").joinpath("assets", "dcat-ap-3.0.1")
    for name in ("shapes.ttl", "range.ttl", "shapes_recommended.ttl", "mdr-vocabularies.shape.ttl"):
        official = (shared / "validators" / HTML_SHACL / name).read_bytes()
        assert packaged.joinpath(name).read_bytes() == official, name


def test_zero_violations_of_the_mandatory_and_range_shapes(catalogue: Graph, shared: Path) -> None:
    results = _results(catalogue, _shapes(shared, "shapes.ttl", "range.ttl"))
    assert not results, _report(results)


def test_zero_warnings_of_the_recommended_shapes(catalogue: Graph, shared: Path) -> None:
    results = _results(catalogue, _shapes(shared, "shapes_recommended.ttl"))
    assert not results, _report(results)


def test_controlled_vocabulary_results_are_exactly_the_documented_ones(catalogue: Graph, shared: Path) -> None:
    results = _results(catalogue, _shapes(shared, "mdr-vocabularies.shape.ttl"))
    known = {str(k.path) for k in dcat_ap.KNOWN_WARNINGS}
    unexplained = [r for r in results if r[2] not in known]
    assert not unexplained, _report(unexplained)
    # one per use of the publisher (catalogue, dataset, data service), one per distribution checksum
    by_path = sorted(r[2] for r in results)
    assert by_path == sorted([str(DCTERMS.publisher)] * 3 + [str(SPDX.algorithm)] * 3)


def test_the_build_check_agrees(catalogue: Graph) -> None:
    checked = dcat.validate_catalogue(catalogue)
    assert checked.conforms and not checked.unexplained()
    assert len(checked.warnings) == 6
    assert checked.summary() == "DCAT-AP 3.0.1: 0 violations, 6 warnings (6 explained in docs/catalogue.md)"


def _prefixed(iri: str) -> str:
    prefixes = {**PREFIXES, "org": "https://www.w3.org/ns/org#"}  # the bundle's misspelt org namespace
    prefix, ns = max(((p, ns) for p, ns in prefixes.items() if iri.startswith(ns)), key=lambda pn: len(pn[1]))
    return f"{prefix}:{iri[len(ns):]}"


def test_every_known_warning_and_omission_is_justified_in_the_docs(root: Path) -> None:
    docs = (root / "docs" / "catalogue.md").read_text(encoding="utf-8")
    for warning in dcat_ap.KNOWN_WARNINGS:
        assert f"`{_prefixed(str(warning.path))}`" in docs, warning
    for _, prop in NOT_STATED:
        assert f"`{_prefixed(prop)}`" in docs, prop


def test_dcat_ap_se_mandatory_and_recommended_properties(catalogue: Graph, shared: Path) -> None:
    missing = Bundle(shared / "validators" / "dcat-ap-se" / "3.0.1" / "bundle.json").check(catalogue)
    mandatory = [m for m in missing if m.level == "mandatory"]
    assert not mandatory, "\n".join(map(str, mandatory))
    recommended = {(m.template, m.property) for m in missing}
    assert recommended == set(NOT_STATED), "\n".join(map(str, missing))


def test_dcat_ap_se_reader_finds_what_is_missing(catalogue: Graph, shared: Path) -> None:
    """The reader is not vacuous: take away a title and a contact point and it says so."""
    stripped = Graph()
    stripped += catalogue
    dataset = URIRef("https://w3id.org/sakrad/dataset")
    stripped.remove((dataset, DCTERMS.title, None))
    stripped.remove((dataset, DCAT.contactPoint, None))
    missing = Bundle(shared / "validators" / "dcat-ap-se" / "3.0.1" / "bundle.json").check(stripped)
    assert Missing("mandatory", "dcat:Dataset", str(DCTERMS.title), str(dataset)) in missing
    assert Missing("recommended", "dcat:Dataset", str(DCAT.contactPoint), str(dataset)) in missing


def test_configured_telephone_address_and_orgnr(root: Path, shared: Path) -> None:
    """With everything configured, every DCAT-AP-SE recommendation but the fee checkbox is met,
    and an organisation number makes the dataportal.se publisher IRI an owl:sameAs."""
    project = Project.at(root)
    corpus, built, report = build(project)
    config = corpus.config
    config = dataclasses.replace(
        config,
        publisher=dataclasses.replace(config.publisher, orgnr="202100-6297"),
        contact_point=dataclasses.replace(config.contact_point, telephone="08-405 10 00",
                                          address=Address("Exempelgatan 1", "103 33", "Stockholm")))
    graph = dcat.catalogue_graph(project, dataclasses.replace(corpus, config=config), built, report, [])
    publisher = built.minter.thing("agent", "sakrad-ld")
    assert (publisher, OWL.sameAs, URIRef("http://dataportal.se/organisation/SE2021006297")) in graph
    assert (publisher, DCTERMS.identifier, Literal("2021006297")) in graph
    contact = built.minter.thing("agent", config.contact_point.id)
    tel = graph.value(contact, VCARD.hasTelephone)
    assert graph.value(tel, VCARD.hasValue) == URIRef("tel:+46840510 00".replace(" ", ""))
    missing = Bundle(shared / "validators" / "dcat-ap-se" / "3.0.1" / "bundle.json").check(graph)
    assert {(m.template, m.property) for m in missing} == {
        ("dcat:foaf:Agent", "https://www.w3.org/ns/org#classification")}, missing
    assert dcat.validate_catalogue(graph).conforms


def test_rdf_xml_and_turtle_hold_the_same_graph(release: Path, catalogue: Graph) -> None:
    assert_isomorphic(catalogue, Graph().parse(release / "catalog.rdf", format="xml"), "catalog.rdf")


def test_no_blank_nodes(catalogue: Graph) -> None:
    blank = {t for t in catalogue if any(isinstance(n, BNode) for n in t)}
    assert not blank


def test_catalogue_dataset_distributions_agents_are_iris(catalogue: Graph) -> None:
    for cls in (DCAT.Catalog, DCAT.Dataset, DCAT.Distribution, DCAT.DataService, VCARD.Kind):
        nodes = list(catalogue.subjects(RDF.type, cls))
        assert nodes and all(isinstance(n, URIRef) for n in nodes), cls
    dataset = URIRef("https://w3id.org/sakrad/dataset")
    for p in (DCTERMS.publisher, DCTERMS.creator, DCAT.contactPoint):
        assert isinstance(catalogue.value(dataset, p), URIRef), p


def test_one_distribution_per_whole_graph_file_with_true_size_and_checksum(release: Path,
                                                                           catalogue: Graph) -> None:
    dataset = URIRef("https://w3id.org/sakrad/dataset")
    distributions = sorted(catalogue.objects(dataset, DCAT.distribution))
    files = sorted(str(catalogue.value(d, DCAT.downloadURL)).rsplit("/", 1)[-1] for d in distributions)
    assert files == sorted(f"sakrad{f.suffix}" for f in FORMATS if (release / f"sakrad{f.suffix}").exists())
    assert len(files) >= 3
    for d in distributions:
        url = str(catalogue.value(d, DCAT.downloadURL))
        assert url.startswith("https://w3id.org/sakrad/") and catalogue.value(d, DCAT.accessURL) == URIRef(url)
        data = (release / url.removeprefix("https://w3id.org/sakrad/")).read_bytes()
        assert catalogue.value(d, DCAT.byteSize) == Literal(len(data), datatype=URIRef(
            "http://www.w3.org/2001/XMLSchema#nonNegativeInteger"))
        checksum = catalogue.value(d, SPDX.checksum)
        assert catalogue.value(checksum, SPDX.algorithm) == SPDX.checksumAlgorithm_sha256
        assert str(catalogue.value(checksum, SPDX.checksumValue)) == hashlib.sha256(data).hexdigest()
        fmt = next(f for f in FORMATS if url.endswith(f.suffix))
        assert catalogue.value(d, DCAT.mediaType) == URIRef(fmt.iana_iri)
        assert catalogue.value(d, DCTERMS.format) == URIRef(fmt.file_type_iri)


def test_dates_version_and_licence_come_from_the_configuration(catalogue: Graph, root: Path) -> None:
    corpus, _, _ = build(Project.at(root))
    config = corpus.config
    dataset = URIRef("https://w3id.org/sakrad/dataset")
    assert str(catalogue.value(dataset, DCTERMS.issued)) == config.issued
    assert str(catalogue.value(dataset, DCTERMS.modified)) == config.modified
    assert str(catalogue.value(dataset, DCAT.version)) == config.version
    period = catalogue.value(dataset, DCTERMS.temporal)
    dates = sorted(m.date for m in corpus.meetings if m.date)
    assert (str(catalogue.value(period, DCAT.startDate)), str(catalogue.value(period, DCAT.endDate))) == \
        (dates[0], dates[-1])
    for d in catalogue.objects(dataset, DCAT.distribution):
        assert catalogue.value(d, DCTERMS.license) == URIRef(config.licence)
    assert set(catalogue.objects(dataset, DCTERMS.conformsTo)) == {
        URIRef("https://w3id.org/sakrad/ontology"), URIRef("https://w3id.org/sakrad/shapes")}


def test_every_format_is_described_in_the_vocabulary_asset() -> None:
    vocab = dcat.vocabulary_graph()
    for f in FORMATS:
        assert (URIRef(f.file_type_iri), RDF.type, DCTERMS.MediaTypeOrExtent) in vocab, f.name
        assert (URIRef(f.iana_iri), RDF.type, DCTERMS.MediaType) in vocab, f.name


def test_catalogue_files_are_byte_identical_across_builds(root: Path, tmp_path: Path) -> None:
    first = write_release(Project.at(root), tmp_path / "one" / "dist").out
    second = write_release(Project.at(root), tmp_path / "two" / "other").out
    assert first and second
    for name in ("catalog.ttl", "catalog.rdf"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_a_catalogue_violation_stops_the_build(project_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "dist"
    assert main(["-C", str(project_copy), "build", "--out", str(out)]) == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    real = dcat.catalogue_graph

    def without_titles(*args, **kwargs) -> Graph:  # noqa: ANN002, ANN003
        g = real(*args, **kwargs)
        g.remove((None, DCTERMS.title, None))
        return g

    monkeypatch.setattr(dcat, "catalogue_graph", without_titles)
    capsys.readouterr()
    assert main(["-C", str(project_copy), "build", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "dataset.yaml" in err and "DCAT-AP 3.0.1" in err and "nothing was written" in err
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist", "project"]


def test_the_build_prints_unexplained_warnings(root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(dcat_ap, "KNOWN_WARNINGS", ())
    with caplog.at_level(logging.INFO, logger="sakrad_ld.catalogue.dcat"):
        assert write_release(Project.at(root), tmp_path / "dist").out
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 6 and all("DCAT-AP mdr warning" in r.getMessage() for r in warnings)
    assert any("0 violations, 6 warnings (0 explained" in r.getMessage() for r in caplog.records)
