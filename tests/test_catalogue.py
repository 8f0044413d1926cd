"""The release catalogue meets DCAT-AP 3.0.1 and DCAT-AP-SE 3.0.1, its variant meets DCAT-AP 2.1.1,
and both tell the truth about the files.

The catalogues are checked as published (``catalog.ttl`` and ``catalog-dcat-ap-2.ttl`` alone, with
the official shapes from ``../shared/validators/``), so what a harvester or the EU validator would
see is what is tested.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.resources
import json
import logging
import shutil
from pathlib import Path

import pytest
from conftest import fixture_project
from dcat_ap_se import Bundle, Missing
from graphs import assert_isomorphic
from pyshacl import validate
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH

from sakrad_ld import triples, vocab
from sakrad_ld.catalogue import dcat, dcat_ap, files
from sakrad_ld.cli import main
from sakrad_ld.formats import FORMATS, QUAD_FORMATS
from sakrad_ld.project import Project
from sakrad_ld.rdflib_edge import from_rdflib, to_rdflib
from sakrad_ld.records import Address, DatasetConfig
from sakrad_ld.release import build, write_release
from sakrad_ld.vocab import PREFIXES

HTML_SHACL = Path("dcat-ap/3.0.1/html-shacl")
DCAT_AP_2_SHACL = Path("dcat-ap/2.1.1")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # a plain namespace: pytest probes module attributes
DCAT = Namespace("http://www.w3.org/ns/dcat#")  # DCAT 3 (rdflib's closed DCAT namespace is DCAT 2)
SPDX = Namespace(str(vocab.SPDX))
VCARD = Namespace(str(vocab.VCARD))
FEE_CHECKBOX = ("dcat:foaf:Agent", "https://www.w3.org/ns/org#classification")
ODRS = "http://schema.theodi.org/odrs#"
#: The rights statement's details DCAT-AP-SE recommends and neither release can give: the quoted
#: texts have many publishers, each fact names its own source, regeringen.se publishes no terms.
RIGHTS_NOT_STATED = {
    ("dcat:Distribution", ODRS + detail): "many publishers; each fact names its source; no terms published"
    for detail in (
        "attributionText",
        "attributionURL",
        "copyrightStatement",
        "copyrightHolder",
        "jurisdiction",
        "reuserGuidelines",
    )
}
#: DCAT-AP-SE recommendations the real data's release leaves out on purpose (docs/catalogue.md).
NOT_STATED = {
    FEE_CHECKBOX: "its only value marks a fee-financed agent; stating it would be false",
    ("dcat:Dataset", str(DCAT.contactPoint)): "the publisher has no contact point to give; configurable",
    ("dcat:DataService", str(DCAT.contactPoint)): "the publisher has no contact point to give; configurable",
    **RIGHTS_NOT_STATED,
}
#: The ones a release with a contact point (the fixture project's: id, name, e-mail) leaves out.
NOT_STATED_WITH_CONTACT = {
    FEE_CHECKBOX: NOT_STATED[FEE_CHECKBOX],
    ("dcat:contactPoint", str(VCARD.hasTelephone)): "no telephone number to give; configurable",
    ("dcat:contactPoint", str(VCARD.hasAddress)): "no postal address to give; configurable",
    **RIGHTS_NOT_STATED,
}
#: The DCAT-AP recommended-shape results of the real data's catalogues: no contact point on the
#: dataset and the data service (DCAT-AP 2.1.1 asks it of the dataset only).
NO_CONTACT_POINT = {
    "3.0.1": [str(DCAT.contactPoint)] * 2,
    "2.1.1": [str(DCAT.contactPoint)],
}


@pytest.fixture(scope="session")
def catalogue(release: Path) -> Graph:
    return Graph().parse(release / "catalog.ttl", format="turtle")


@pytest.fixture(scope="session")
def catalogue_2(release: Path) -> Graph:
    """The DCAT-AP 2.1.1 variant, as published."""
    return Graph().parse(release / "catalog-dcat-ap-2.ttl", format="turtle")


@pytest.fixture(scope="session")
def fixture_catalogue(fixture_release: Path) -> Graph:
    """The catalogue of the fixture project, whose dataset.yaml configures a contact point."""
    return Graph().parse(fixture_release / "catalog.ttl", format="turtle")


@pytest.fixture(scope="session")
def config(root: Path) -> DatasetConfig:
    """The real data's data/dataset.yaml."""
    corpus, _, _ = build(Project.at(root))
    return corpus.config


def _shapes(shared: Path, *names: str, folder: Path = HTML_SHACL) -> Graph:
    g = Graph()
    for name in names:
        g.parse(shared / "validators" / folder / name, format="turtle")
    return g


def _results(data: Graph, shapes: Graph) -> list[tuple[str, str, str, str]]:
    """The top-level results (not their sh:detail): severity, focus, path, message."""
    _, report, _ = validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    out = []
    for r in report.objects(None, SH.result):
        out.append(
            (
                str(report.value(r, SH.resultSeverity)).split("#")[-1],
                str(report.value(r, SH.focusNode)),
                str(report.value(r, SH.resultPath)),
                str(report.value(r, SH.resultMessage)),
            )
        )
    return sorted(out)


def _report(results: list[tuple[str, str, str, str]]) -> str:
    return "\n".join(" | ".join(r) for r in results)


@pytest.mark.parametrize(("asset", "official"), [("dcat-ap-3.0.1", HTML_SHACL), ("dcat-ap-2.1.1", DCAT_AP_2_SHACL)])
def test_the_packaged_dcat_ap_shapes_are_the_official_files(shared: Path, asset: str, official: Path) -> None:
    packaged = importlib.resources.files("sakrad_ld").joinpath("assets", asset)
    for name in ("shapes.ttl", "range.ttl", "shapes_recommended.ttl", "mdr-vocabularies.shape.ttl"):
        assert packaged.joinpath(name).read_bytes() == (shared / "validators" / official / name).read_bytes(), name


def test_zero_violations_of_the_mandatory_and_range_shapes(catalogue: Graph, shared: Path) -> None:
    results = _results(catalogue, _shapes(shared, "shapes.ttl", "range.ttl"))
    assert not results, _report(results)


def test_the_recommended_shapes_miss_only_the_contact_point_not_configured(
    catalogue: Graph, fixture_catalogue: Graph, shared: Path
) -> None:
    results = _results(catalogue, _shapes(shared, "shapes_recommended.ttl"))
    assert [r[2] for r in results] == NO_CONTACT_POINT["3.0.1"], _report(results)
    assert {r[1] for r in results} == {
        "https://w3id.org/sakrad/dataset",
        "https://w3id.org/sakrad/catalog/service/sparql",
    }
    results = _results(fixture_catalogue, _shapes(shared, "shapes_recommended.ttl"))
    assert not results, _report(results)


def test_controlled_vocabulary_results_are_exactly_the_documented_ones(catalogue: Graph, shared: Path) -> None:
    results = _results(catalogue, _shapes(shared, "mdr-vocabularies.shape.ttl"))
    known = {k.path.value for k in dcat_ap.KNOWN_WARNINGS}
    unexplained = [r for r in results if r[2] not in known]
    assert not unexplained, _report(unexplained)
    # one per use of the publisher (catalogue, dataset, data service), one per distribution checksum
    by_path = sorted(r[2] for r in results)
    distributions = len(set(catalogue.subjects(RDF.type, DCAT.Distribution)))
    assert by_path == sorted([str(DCTERMS.publisher)] * 3 + [str(SPDX.algorithm)] * distributions)


def test_the_build_check_agrees(catalogue: Graph, catalogue_2: Graph) -> None:
    checked = dcat.validate_catalogue(triples.Graph(from_rdflib(catalogue)))
    assert checked.conforms and not checked.unexplained()
    # as in the tests above: the publisher's and the checksums', and the contact point not configured
    w = 3 + len(set(catalogue.subjects(RDF.type, DCAT.Distribution))) + 2
    assert checked.summary() == f"DCAT-AP 3.0.1: 0 violations, {w} warnings ({w} explained in docs/catalogue.md)"
    checked = dcat.validate_catalogue(triples.Graph(from_rdflib(catalogue_2)), dcat_ap.DCAT_AP_2)
    assert checked.conforms and not checked.unexplained()
    assert checked.summary() == "DCAT-AP 2.1.1: 0 violations, 3 warnings (3 explained in docs/catalogue.md)"


def test_the_catalogue_finished_in_another_process_is_written_and_checked_as_here(
    release: Path, catalogue: Graph, catalogue_2: Graph, tmp_path: Path
) -> None:
    made = dcat.Catalogue(
        triples.Graph(from_rdflib(catalogue)), files.release_files(release), "https://w3id.org/sakrad/"
    )
    assert_isomorphic(to_rdflib(made.variant), catalogue_2)
    dcat_ap.prepare_checks()
    checked, _ = dcat.finish(dcat.to_finish(made, tmp_path))
    assert [(c.profile, c.conforms) for c in checked] == [(dcat_ap.DCAT_AP_3, True), (dcat_ap.DCAT_AP_2, True)]
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == {
        name: (release / name).read_bytes() for name in made.files()
    }
    # a violation put in (a dataset without a title), so that there is more to compare than warnings
    (dataset,) = {s for s, _, _ in made.graph.triples(None, vocab.RDF.type, vocab.DCAT.Dataset)}
    for t in list(made.graph.triples(dataset, vocab.DCTERMS.title, None)):
        made.graph.remove(t)
    broken = dcat.Catalogue(made.graph, made.described, made.download_base)
    folder = tmp_path / "sent"
    folder.mkdir()
    checked, digests = dcat.finish(dcat.to_finish(broken, folder))
    assert checked == dcat.check_catalogue(broken) and all(c.violations for c in checked)
    written = broken.files()
    assert sorted(written) == ["catalog-dcat-ap-2.rdf", "catalog-dcat-ap-2.ttl", "catalog.rdf", "catalog.ttl"]
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == written
    assert digests == {name: (len(data), hashlib.sha256(data).hexdigest()) for name, data in written.items()}
    # in the process that made it, the catalogue is handed over as it is: the same files, digests and checks
    here = tmp_path / "here"
    here.mkdir()
    again = dcat.Catalogue(made.graph, made.described, made.download_base)
    assert dcat.finish((again, here)) == (checked, digests)
    assert {p.name: p.read_bytes() for p in here.iterdir()} == written
    assert again.ordered() is again.ordered() and again.ordered() == broken.ordered()


# --- DCAT-AP 2.1.1 -----------------------------------------------------------------------------


def test_dcat_ap_2_variant_zero_violations_of_the_2_1_1_mandatory_and_range_shapes(
    catalogue_2: Graph, shared: Path
) -> None:
    results = _results(catalogue_2, _shapes(shared, "shapes.ttl", "range.ttl", folder=DCAT_AP_2_SHACL))
    assert not results, _report(results)


def test_dcat_ap_2_variant_the_2_1_1_recommended_shapes_miss_only_the_contact_point(
    catalogue_2: Graph, fixture_release: Path, shared: Path
) -> None:
    results = _results(catalogue_2, _shapes(shared, "shapes_recommended.ttl", folder=DCAT_AP_2_SHACL))
    assert [r[2] for r in results] == NO_CONTACT_POINT["2.1.1"], _report(results)
    with_contact = Graph().parse(fixture_release / "catalog-dcat-ap-2.ttl", format="turtle")
    results = _results(with_contact, _shapes(shared, "shapes_recommended.ttl", folder=DCAT_AP_2_SHACL))
    assert not results, _report(results)


def test_dcat_ap_2_variant_vocabulary_results_are_the_documented_ones(catalogue_2: Graph, shared: Path) -> None:
    results = _results(catalogue_2, _shapes(shared, "mdr-vocabularies.shape.ttl", folder=DCAT_AP_2_SHACL))
    # the publisher of the catalogue and of the dataset (2.1.1 does not check the data service's)
    assert sorted(r[2] for r in results) == [str(DCTERMS.publisher)] * 2, _report(results)


def test_why_one_catalogue_cannot_pass_both(catalogue: Graph, catalogue_2: Graph, shared: Path) -> None:
    """What docs/catalogue.md gives as the reason for two catalogues, measured: DCAT-AP 2.1.1 rejects
    the 3.0.1 catalogue for its byte sizes and SHA-256 checksums only, and 3.0.1 rejects the
    variant for its byte sizes only; each profile gives dcat:byteSize one datatype and at most one value."""
    distributions = len(set(catalogue.subjects(RDF.type, DCAT.Distribution)))
    against_2 = _results(catalogue, _shapes(shared, "shapes.ttl", "range.ttl", folder=DCAT_AP_2_SHACL))
    assert sorted(r[2] for r in against_2) == sorted(
        [str(DCAT.byteSize)] * distributions + [str(SPDX.algorithm)] * distributions
    ), _report(against_2)
    against_3 = _results(catalogue_2, _shapes(shared, "shapes.ttl", "range.ttl"))
    assert [r[2] for r in against_3] == [str(DCAT.byteSize)] * distributions, _report(against_3)


def test_dcat_ap_2_variant_differs_only_in_size_type_checksum_and_version(
    catalogue: Graph, catalogue_2: Graph, release: Path
) -> None:
    checksums = set(catalogue.objects(None, SPDX.checksum)) | set(catalogue_2.objects(None, SPDX.checksum))

    def rest(g: Graph) -> set:
        return {
            (s, p, o)
            for s, p, o in g
            if p not in (DCAT.byteSize, DCAT.version, OWL.versionInfo, SPDX.checksum)
            and s not in checksums
            and s not in (SPDX.checksumAlgorithm_sha1, SPDX.checksumAlgorithm_sha256)
        }

    assert rest(catalogue) == rest(catalogue_2)
    dataset = URIRef("https://w3id.org/sakrad/dataset")
    assert catalogue_2.value(dataset, OWL.versionInfo) == catalogue.value(dataset, DCAT.version)
    assert (dataset, DCAT.version, None) not in catalogue_2
    for d in catalogue_2.subjects(RDF.type, DCAT.Distribution):
        size = catalogue_2.value(d, DCAT.byteSize)
        assert size.datatype == XSD.decimal and int(size) == int(catalogue.value(d, DCAT.byteSize))
        data = (
            release / str(catalogue_2.value(d, DCAT.downloadURL)).removeprefix("https://w3id.org/sakrad/")
        ).read_bytes()
        checksum = catalogue_2.value(d, SPDX.checksum)
        assert str(checksum).startswith("https://w3id.org/sakrad/catalog-dcat-ap-2.ttl#checksum-sha1-")
        assert catalogue_2.value(checksum, SPDX.algorithm) == SPDX.checksumAlgorithm_sha1
        assert str(catalogue_2.value(checksum, SPDX.checksumValue)) == hashlib.sha1(data).hexdigest()


def test_dcat_ap_2_variant_meets_dcat_ap_se_as_the_catalogue_does(catalogue_2: Graph, shared: Path) -> None:
    missing = Bundle(shared / "validators" / "dcat-ap-se" / "3.0.1" / "bundle.json").check(catalogue_2)
    assert {(m.template, m.property) for m in missing} == set(NOT_STATED), "\n".join(map(str, missing))


def test_dcat_ap_2_variant_rdf_xml_and_turtle_hold_the_same_graph(release: Path, catalogue_2: Graph) -> None:
    assert_isomorphic(
        catalogue_2, Graph().parse(release / "catalog-dcat-ap-2.rdf", format="xml"), "catalog-dcat-ap-2.rdf"
    )


def _prefixed(iri: str) -> str:
    prefixes = {**PREFIXES, "org": "https://www.w3.org/ns/org#", "odrs": ODRS}  # the bundle's misspelt org namespace
    prefix, ns = max(((p, ns) for p, ns in prefixes.items() if iri.startswith(ns)), key=lambda pn: len(pn[1]))
    return f"{prefix}:{iri[len(ns) :]}"


def test_every_known_warning_and_omission_is_justified_in_the_docs(root: Path) -> None:
    docs = (root / "docs" / "catalogue.md").read_text(encoding="utf-8")
    for warning in dcat_ap.KNOWN_WARNINGS:
        assert f"`{_prefixed(warning.path.value)}`" in docs, warning
    for _, prop in {**NOT_STATED, **NOT_STATED_WITH_CONTACT}:
        assert f"`{_prefixed(prop)}`" in docs, prop


@pytest.mark.parametrize(("which", "not_stated"), [("real", NOT_STATED), ("fixture", NOT_STATED_WITH_CONTACT)])
def test_dcat_ap_se_mandatory_and_recommended_properties(
    which: str, not_stated: dict, catalogue: Graph, fixture_catalogue: Graph, shared: Path
) -> None:
    """The real data's release (no contact point configured) and the fixture's (a contact point
    without telephone or address) each leave out exactly their reasoned recommendations."""
    g = catalogue if which == "real" else fixture_catalogue
    missing = Bundle(shared / "validators" / "dcat-ap-se" / "3.0.1" / "bundle.json").check(g)
    mandatory = [m for m in missing if m.level == "mandatory"]
    assert not mandatory, "\n".join(map(str, mandatory))
    recommended = {(m.template, m.property) for m in missing}
    assert recommended == set(not_stated), "\n".join(map(str, missing))


def test_dcat_ap_se_reader_finds_what_is_missing(fixture_catalogue: Graph, shared: Path) -> None:
    """The reader is not vacuous: take away a title and a contact point and it says so."""
    bundle = Bundle(shared / "validators" / "dcat-ap-se" / "3.0.1" / "bundle.json")
    dataset = URIRef("https://w3id.org/sakrad/dataset")
    contact_point = Missing("recommended", "dcat:Dataset", str(DCAT.contactPoint), str(dataset))
    assert (dataset, DCAT.contactPoint, None) in fixture_catalogue
    assert contact_point not in bundle.check(fixture_catalogue)
    stripped = Graph()
    stripped += fixture_catalogue
    stripped.remove((dataset, DCTERMS.title, None))
    stripped.remove((dataset, DCAT.contactPoint, None))
    missing = bundle.check(stripped)
    assert Missing("mandatory", "dcat:Dataset", str(DCTERMS.title), str(dataset)) in missing
    assert contact_point in missing


def test_the_catalogue_states_no_e_mail_address_the_data_does_not_give(
    release: Path, fixture_release: Path, config: DatasetConfig, fixture_catalogue: Graph
) -> None:
    """The contact point is the configured one or none: the real data's dataset.yaml gives none, so
    its catalogues state no contact point and no e-mail address; the fixture's gives one, and its
    catalogue carries it on the dataset and the data service."""
    names = ("catalog.ttl", "catalog.rdf", "catalog-dcat-ap-2.ttl", "catalog-dcat-ap-2.rdf")
    for name in names:
        g = Graph().parse(release / name, format="xml" if name.endswith(".rdf") else "turtle")
        emails = {str(o) for o in g.objects(None, VCARD.hasEmail)}
        if config.contact_point is None:
            assert b"mailto:" not in (release / name).read_bytes(), name
            assert not emails and (None, DCAT.contactPoint, None) not in g, name
        else:
            assert emails == {f"mailto:{config.contact_point.email}"}, name
    dataset = URIRef("https://w3id.org/sakrad/dataset")
    service = URIRef("https://w3id.org/sakrad/catalog/service/sparql")
    contact = URIRef("https://w3id.org/sakrad/id/agent/sakrad-ld-contact")  # tests/fixtures/project/data/dataset.yaml
    assert fixture_catalogue.value(dataset, DCAT.contactPoint) == contact
    assert fixture_catalogue.value(service, DCAT.contactPoint) == contact
    assert {str(o) for o in fixture_catalogue.objects(None, VCARD.hasEmail)} == {"mailto:contact@sakrad.example"}
    for name in names:
        assert b"mailto:contact@sakrad.example" in (fixture_release / name).read_bytes(), name


def test_configured_telephone_address_and_orgnr(tmp_path: Path, shared: Path) -> None:
    """With everything configured, every DCAT-AP-SE recommendation but the fee checkbox is met,
    and an organisation number makes the dataportal.se publisher IRI an owl:sameAs."""
    project = Project.at(fixture_project(tmp_path / "project"))
    corpus, built, report = build(project)
    config = corpus.config
    config = dataclasses.replace(
        config,
        publisher=dataclasses.replace(config.publisher, orgnr="202100-6297"),
        contact_point=dataclasses.replace(
            config.contact_point, telephone="08-405 10 00", address=Address("Exempelgatan 1", "103 33", "Stockholm")
        ),
    )
    built_graph = dcat.catalogue_graph(project, dataclasses.replace(corpus, config=config), built, report, [])
    graph = to_rdflib(built_graph)
    publisher = URIRef(built.minter.thing("agent", "sakrad-ld").value)
    assert (publisher, OWL.sameAs, URIRef("http://dataportal.se/organisation/SE2021006297")) in graph
    assert (publisher, DCTERMS.identifier, Literal("2021006297")) in graph
    contact = URIRef(built.minter.thing("agent", config.contact_point.id).value)
    tel = graph.value(contact, VCARD.hasTelephone)
    assert graph.value(tel, VCARD.hasValue) == URIRef("tel:+46840510 00".replace(" ", ""))
    missing = Bundle(shared / "validators" / "dcat-ap-se" / "3.0.1" / "bundle.json").check(graph)
    assert {(m.template, m.property) for m in missing} == {FEE_CHECKBOX}, missing
    assert dcat.validate_catalogue(built_graph).conforms


def test_rdf_xml_and_turtle_hold_the_same_graph(release: Path, catalogue: Graph) -> None:
    assert_isomorphic(catalogue, Graph().parse(release / "catalog.rdf", format="xml"), "catalog.rdf")


def test_no_blank_nodes(catalogue: Graph, catalogue_2: Graph) -> None:
    for g in (catalogue, catalogue_2):
        blank = {t for t in g if any(isinstance(n, BNode) for n in t)}
        assert not blank


@pytest.mark.parametrize("which", ["real", "fixture"])
def test_catalogue_dataset_distributions_agents_are_iris(
    which: str, catalogue: Graph, fixture_catalogue: Graph, config: DatasetConfig
) -> None:
    """The contact point, where one is configured (the fixture's, not the real data's), too."""
    g, contact = (catalogue, config.contact_point is not None) if which == "real" else (fixture_catalogue, True)
    for cls in (DCAT.Catalog, DCAT.Dataset, DCAT.Distribution, DCAT.DataService, *[VCARD.Kind] * contact):
        nodes = list(g.subjects(RDF.type, cls))
        assert nodes and all(isinstance(n, URIRef) for n in nodes), cls
    dataset = URIRef("https://w3id.org/sakrad/dataset")
    for p in (DCTERMS.publisher, DCTERMS.creator, *[DCAT.contactPoint] * contact):
        assert isinstance(g.value(dataset, p), URIRef), p


def test_one_distribution_per_whole_graph_file_with_true_size_and_checksum(release: Path, catalogue: Graph) -> None:
    dataset = URIRef("https://w3id.org/sakrad/dataset")
    distributions = sorted(
        d
        for d in catalogue.objects(dataset, DCAT.distribution)
        if "/tables/" not in str(catalogue.value(d, DCAT.downloadURL))
    )
    files = sorted(str(catalogue.value(d, DCAT.downloadURL)).rsplit("/", 1)[-1] for d in distributions)
    assert files == sorted(
        f"sakrad{f.suffix}" for f in (*FORMATS, *QUAD_FORMATS) if (release / f"sakrad{f.suffix}").exists()
    )
    assert len(files) >= 3
    for d in distributions:
        url = str(catalogue.value(d, DCAT.downloadURL))
        assert url.startswith("https://w3id.org/sakrad/") and catalogue.value(d, DCAT.accessURL) == URIRef(url)
        data = (release / url.removeprefix("https://w3id.org/sakrad/")).read_bytes()
        assert catalogue.value(d, DCAT.byteSize) == Literal(
            len(data), datatype=URIRef("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")
        )
        checksum = catalogue.value(d, SPDX.checksum)
        assert catalogue.value(checksum, SPDX.algorithm) == SPDX.checksumAlgorithm_sha256
        assert str(catalogue.value(checksum, SPDX.checksumValue)) == hashlib.sha256(data).hexdigest()
        fmt = next(f for f in (*FORMATS, *QUAD_FORMATS) if url.endswith(f.suffix))
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
    # stated dates only: a meeting's date unless derived, and a series' days
    dates = sorted(
        d for m in corpus.meetings for d in (m.days or ([m.date] if m.date and not m.date_derivation else []))
    )
    assert (str(catalogue.value(period, DCAT.startDate)), str(catalogue.value(period, DCAT.endDate))) == (
        dates[0],
        dates[-1],
    )
    # the period says what it rests on and how many sakråd it does not count
    unstated = [m for m in corpus.meetings if not (m.days or (m.date and not m.date_derivation))]
    derived, undated = sum(m.date is not None for m in unstated), sum(m.date is None for m in unstated)
    comments = {o.language: str(o) for o in catalogue.objects(period, RDFS.comment)}
    assert comments["en"].startswith("From the earliest to the latest date a source states")
    for count, en, sv in (
        (derived, "sakråd whose date the data derives in whole or in part", "sakråd vars datum datan härleder helt"),
        (undated, "sakråd without a date", "sakråd utan datum"),
    ):
        assert (f"{count} {en}" in comments["en"], f"{count} {sv}" in comments["sv"]) == (bool(count), bool(count))
    assert config.rights is not None
    rights = catalogue.value(dataset, DCTERMS.rights)
    assert (rights, RDF.type, DCTERMS.RightsStatement) in catalogue
    assert {(str(o), o.language) for o in catalogue.objects(rights, RDFS.label)} == {
        (" ".join(config.rights.sv.split()), "sv"),
        (" ".join((config.rights.en or "").split()), "en"),
    }
    assert "regeringen.se" in str(catalogue.value(rights, RDFS.label))
    service = URIRef("https://w3id.org/sakrad/catalog/service/sparql")
    assert catalogue.value(service, DCTERMS.rights) == rights
    for d in catalogue.objects(dataset, DCAT.distribution):
        assert catalogue.value(d, DCTERMS.license) == URIRef(config.licence)
        assert catalogue.value(d, DCTERMS.rights) == rights
    assert set(catalogue.objects(dataset, DCTERMS.conformsTo)) == {
        URIRef("https://w3id.org/sakrad/ontology"),
        URIRef("https://w3id.org/sakrad/shapes"),
    }


def test_every_format_is_described_in_the_vocabulary_asset() -> None:
    described = to_rdflib(dcat.vocabulary_graph())
    for f in (*FORMATS, *QUADS, files.CSV):
        assert (URIRef(f.file_type_iri), RDF.type, DCTERMS.MediaTypeOrExtent) in described, f.name
        assert (URIRef(f.iana_iri), RDF.type, DCTERMS.MediaType) in described, f.name


def test_catalogue_files_are_byte_identical_across_builds(root: Path, tmp_path: Path) -> None:
    first = write_release(Project.at(root), tmp_path / "one" / "dist").out
    second = write_release(Project.at(root), tmp_path / "two" / "other").out
    assert first and second
    for name in ("catalog.ttl", "catalog.rdf", "catalog-dcat-ap-2.ttl", "catalog-dcat-ap-2.rdf"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_a_catalogue_violation_stops_the_build(
    project_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "dist"
    assert main(["-C", str(project_copy), "build", "--out", str(out)]) == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    beside = sorted(tmp_path.rglob("*"))
    real = dcat.catalogue_graph

    def without_titles(*args, **kwargs) -> triples.Graph:
        return triples.Graph(t for t in real(*args, **kwargs) if t[1] != vocab.DCTERMS.title)

    monkeypatch.setattr(dcat, "catalogue_graph", without_titles)
    capsys.readouterr()
    assert main(["-C", str(project_copy), "build", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "dataset.yaml" in err and "DCAT-AP 3.0.1" in err and "nothing was written" in err
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert sorted(tmp_path.rglob("*")) == beside  # nothing left over beside the release either


def test_the_build_prints_unexplained_warnings(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(dcat_ap, "KNOWN_WARNINGS", ())
    with caplog.at_level(logging.INFO, logger="sakrad_ld.catalogue.dcat"):
        out = write_release(Project.at(root), tmp_path / "dist").out
    assert out
    mdr = 3 + len(set(Graph().parse(out / "catalog.ttl").subjects(RDF.type, DCAT.Distribution)))
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert sum("DCAT-AP 3.0.1 mdr warning" in m for m in warnings) == mdr, warnings
    assert sum("DCAT-AP 2.1.1 mdr warning" in m for m in warnings) == 2, warnings
    # the contact point the real data does not configure: of the dataset and the data service
    recommended = [m for m in warnings if " recommended warning" in m]
    assert sorted(m.split(" warning")[0] for m in recommended) == [
        "DCAT-AP 2.1.1 recommended",
        "DCAT-AP 3.0.1 recommended",
        "DCAT-AP 3.0.1 recommended",
    ]
    assert all(str(DCAT.contactPoint) in m for m in recommended), recommended
    assert len(warnings) == mdr + 2 + 3
    w = mdr + 2
    messages = [r.getMessage() for r in caplog.records]
    assert f"DCAT-AP 3.0.1: 0 violations, {w} warnings (0 explained in docs/catalogue.md)" in messages
    assert "DCAT-AP 2.1.1: 0 violations, 3 warnings (0 explained in docs/catalogue.md)" in messages


# --- Quads and tables ---------------------------------------------------------------------------

QUADS = QUAD_FORMATS
TABLES = Path(__file__).parent / "catalogue" / "tables"


@pytest.fixture(scope="module")
def with_quads_and_tables(release: Path, root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The release, with quads and CSV tables (tests/catalogue/tables/) beside the whole graph, and
    the catalogues written again: what the catalogue says of the files it finds."""
    out = tmp_path_factory.mktemp("quads") / "dist"
    shutil.copytree(release, out)
    lines = (release / "sakrad.nt").read_text(encoding="utf-8").splitlines()
    graph = "<https://w3id.org/sakrad/source/example>"
    (out / "sakrad.nq").write_text("".join(f"{line[:-1]} {graph} .\n" for line in lines), encoding="utf-8")
    (out / "sakrad.trig").write_text(f"{graph} {{\n" + "\n".join(lines) + "\n}\n", encoding="utf-8")
    shutil.rmtree(out / "tables", ignore_errors=True)  # the release's own tables give way to the cases'
    shutil.copytree(TABLES, out / "tables")
    project = Project.at(root)
    corpus, built, report = build(project)
    dcat.write_catalogue(project, out, corpus, built, report)
    return out


def _distribution(g: Graph, path: str) -> URIRef:
    found = list(g.subjects(DCAT.downloadURL, URIRef("https://w3id.org/sakrad/" + path)))
    assert len(found) == 1, (path, found)
    return found[0]


def test_quads_are_distributions_of_the_whole_graph(with_quads_and_tables: Path) -> None:
    g = Graph().parse(with_quads_and_tables / "catalog.ttl", format="turtle")
    for q in QUADS:
        d = _distribution(g, f"sakrad{q.suffix}")
        assert d == URIRef(f"https://w3id.org/sakrad/dataset/distribution/{q.name}")
        assert g.value(d, DCAT.mediaType) == URIRef(q.iana_iri)
        assert g.value(d, DCTERMS.format) == URIRef(q.file_type_iri)
        descriptions = {o.language: str(o) for o in g.objects(d, DCTERMS.description)}
        assert "one named graph per source document, whose union is the graph of sakrad.nt" in descriptions["en"]
        assert URIRef(f"https://w3id.org/sakrad/sakrad{q.suffix}") in set(
            g.objects(None, URIRef("http://rdfs.org/ns/void#dataDump"))
        )


def test_each_csv_table_is_a_distribution_conforming_to_the_csvw_metadata(with_quads_and_tables: Path) -> None:
    g = Graph().parse(with_quads_and_tables / "catalog.ttl", format="turtle")
    metadata = URIRef("https://w3id.org/sakrad/tables/csv-metadata.json")
    assert (metadata, RDF.type, DCTERMS.Standard) in g
    assert set(g.objects(metadata, DCTERMS.format)) == {
        URIRef("http://publications.europa.eu/resource/authority/file-type/JSON"),
        URIRef("http://www.iana.org/assignments/media-types/application/csvm+json"),
    }
    assert (
        URIRef("http://www.iana.org/assignments/media-types/application/csvm+json"),
        RDF.type,
        DCTERMS.MediaType,
    ) in g
    described = json.loads((TABLES / "csv-metadata.json").read_text(encoding="utf-8"))
    for table in sorted(TABLES.glob("*.csv")):
        d = _distribution(g, f"tables/{table.name}")
        assert d == URIRef(f"https://w3id.org/sakrad/dataset/distribution/table/{table.stem}")
        assert g.value(d, DCAT.mediaType) == URIRef("http://www.iana.org/assignments/media-types/text/csv")
        assert g.value(d, DCTERMS.format) == URIRef("http://publications.europa.eu/resource/authority/file-type/CSV")
        assert g.value(d, DCTERMS.conformsTo) == metadata
        assert g.value(d, DCAT.byteSize) == Literal(table.stat().st_size, datatype=XSD.nonNegativeInteger)
        assert (d, DCTERMS.license, None) in g and (d, DCAT.accessURL, None) in g
        assert URIRef(f"https://w3id.org/sakrad/tables/{table.name}") not in set(
            g.objects(None, URIRef("http://rdfs.org/ns/void#dataDump"))
        )
    meetings = next(t for t in described["tables"] if t["url"] == "meetings.csv")
    titles = {o.language: str(o) for o in g.objects(_distribution(g, "tables/meetings.csv"), DCTERMS.title)}
    assert meetings["dc:title"][0]["@value"] in titles["sv"]


@pytest.mark.parametrize(
    ("name", "profile", "folder", "mdr"),
    [("catalog.ttl", "3.0.1", HTML_SHACL, 3), ("catalog-dcat-ap-2.ttl", "2.1.1", DCAT_AP_2_SHACL, 2)],
)
def test_with_quads_and_tables_both_catalogues_still_conform(
    with_quads_and_tables: Path, shared: Path, name: str, profile: str, folder: Path, mdr: int
) -> None:
    g = Graph().parse(with_quads_and_tables / name, format="turtle")
    distributions = len(set(g.subjects(RDF.type, DCAT.Distribution)))
    assert distributions == len(list(with_quads_and_tables.glob("sakrad.*"))) + len(list(TABLES.glob("*.csv")))
    mandatory = _results(g, _shapes(shared, "shapes.ttl", "range.ttl", folder=folder))
    assert not mandatory, _report(mandatory)
    recommended = _results(g, _shapes(shared, "shapes_recommended.ttl", folder=folder))
    assert [r[2] for r in recommended] == NO_CONTACT_POINT[profile], _report(recommended)
    vocabularies = _results(g, _shapes(shared, "mdr-vocabularies.shape.ttl", folder=folder))
    known = {k.path.value for k in dcat_ap.KNOWN_WARNINGS}
    # the publisher's (catalogue, dataset, and in 3.0.1 the data service), and in 3.0.1 one per checksum
    expected = mdr + (distributions if profile == "3.0.1" else 0)
    assert len(vocabularies) == expected and all(r[2] in known for r in vocabularies), _report(vocabularies)
    missing = Bundle(shared / "validators" / "dcat-ap-se" / "3.0.1" / "bundle.json").check(g)
    assert {(m.template, m.property) for m in missing} == set(NOT_STATED), "\n".join(map(str, missing))
