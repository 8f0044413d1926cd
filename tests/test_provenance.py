"""Provenance (PROV-O) and quality (DQV) in the catalogue: true to the sources, the build and its report."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from sakrad_ld import __version__
from sakrad_ld.vocab import DCTERMS, DQV, FOAF, PROV, RDF, SAKRAD, SCHEMA

BASE = "https://w3id.org/sakrad/"
DATASET = URIRef(BASE + "dataset")


@pytest.fixture(scope="module")
def catalogue(release: Path) -> Graph:
    return Graph().parse(release / "catalog.ttl", format="turtle")


@pytest.fixture(scope="module")
def data(release: Path) -> Graph:
    return Graph().parse(release / "sakrad.nt", format="nt")


def test_the_build_is_an_activity_of_the_software_at_its_version(catalogue: Graph) -> None:
    activity = catalogue.value(DATASET, PROV.wasGeneratedBy)
    assert (activity, RDF.type, PROV.Activity) in catalogue
    agents = set(catalogue.objects(activity, PROV.wasAssociatedWith))
    software = [a for a in agents if (a, RDF.type, PROV.SoftwareAgent) in catalogue]
    assert len(software) == 1
    assert catalogue.value(software[0], SCHEMA.softwareVersion) == Literal(__version__)
    assert str(software[0]).endswith("-" + __version__)
    assert URIRef(BASE + "id/agent/sakrad-ld") in agents  # and the publisher


def test_the_dataset_is_derived_from_every_source_the_data_cites(catalogue: Graph, data: Graph) -> None:
    derived = set(catalogue.objects(DATASET, PROV.wasDerivedFrom))
    cited = {
        o
        for p in (DCTERMS.source, PROV.wasDerivedFrom)
        for o in data.objects(None, p)
        if isinstance(o, URIRef) and ((o, None, None) not in data or (o, RDF.type, FOAF.Document) in data)
    }
    assert cited and cited <= derived, cited - derived
    documents = {s for s in derived if str(s).startswith(BASE + "id/source/")}
    assert URIRef(BASE + "id/source/dokumentation-2017-12-12-integration") in documents
    assert any(str(s).startswith("https://github.com/cisene/swish-123/") for s in derived)  # a register
    for source in derived:
        assert (source, RDF.type, PROV.Entity) in catalogue
        # a source is a document, or a page outside the data; never one of the data's own resources
        assert (source, RDF.type, FOAF.Document) in data or (source, None, None) not in data


def test_no_clock_in_the_provenance(release: Path) -> None:
    text = (release / "catalog.ttl").read_text(encoding="utf-8")
    for term in ("startedAtTime", "endedAtTime", "generatedAtTime", "xsd:dateTime"):
        assert term not in text


def _measurement(catalogue: Graph, on: URIRef, metric: str) -> int:
    values = [
        catalogue.value(m, DQV.value)
        for m in catalogue.objects(on, DQV.hasQualityMeasurement)
        if str(catalogue.value(m, DQV.isMeasurementOf)).endswith("/metric/" + metric)
    ]
    assert len(values) == 1, (on, metric, values)
    return int(values[0])


def test_violations_and_warnings_are_measurements_of_the_dataset(catalogue: Graph, release: Path) -> None:
    report = json.loads((release / "validation" / "report.json").read_text(encoding="utf-8"))
    assert _measurement(catalogue, DATASET, "violations") == report["violations"] == 0
    assert _measurement(catalogue, DATASET, "warnings") == report["warnings"]


def test_results_are_measured_by_shape(catalogue: Graph, release: Path) -> None:
    report = json.loads((release / "validation" / "report.json").read_text(encoding="utf-8"))
    by_shape = Counter(r["sourceShape"] for r in report["results"] if "://" in (r["sourceShape"] or ""))
    assert by_shape
    measured = {}
    for m in catalogue.objects(DATASET, DQV.hasQualityMeasurement):
        metric = catalogue.value(m, DQV.isMeasurementOf)
        shape = catalogue.value(metric, URIRef("http://www.w3.org/2000/01/rdf-schema#seeAlso"))
        if shape is not None:
            measured[str(shape)] = int(catalogue.value(m, DQV.value))
    assert measured == dict(by_shape)


def test_stated_and_listed_organisations_differ_visibly(catalogue: Graph, data: Graph) -> None:
    meeting = URIRef(BASE + "id/meeting/2017-12-12-integration")
    stated = int(data.value(data.value(meeting, SAKRAD.participatingOrganisationCount), SCHEMA.value))
    listed = int(data.value(meeting, SAKRAD.listedOrganisationCount))
    assert (stated, listed) == (15, 13)
    assert _measurement(catalogue, meeting, "organisation-count-difference") == listed - stated

    def exact(m: URIRef) -> int | None:  # an exact stated number; an approximate one is not compared
        c = data.value(m, SAKRAD.participatingOrganisationCount)
        if c is None or data.value(c, SCHEMA.value) is None or str(data.value(c, SAKRAD.approximate)) == "true":
            return None
        return int(data.value(c, SCHEMA.value))

    differing = sum(
        1
        for m in set(data.subjects(SAKRAD.participatingOrganisationCount, None))
        if exact(m) is not None and exact(m) != int(data.value(m, SAKRAD.listedOrganisationCount) or 0)
    )
    assert _measurement(catalogue, DATASET, "meetings-with-organisation-count-difference") == differing >= 1


def test_every_measurement_has_a_metric_in_a_dimension(catalogue: Graph) -> None:
    measurements = set(catalogue.subjects(RDF.type, DQV.QualityMeasurement))
    assert len(measurements) >= 4
    for m in measurements:
        metric = catalogue.value(m, DQV.isMeasurementOf)
        assert (metric, RDF.type, DQV.Metric) in catalogue
        assert (catalogue.value(metric, DQV.inDimension), RDF.type, DQV.Dimension) in catalogue
        assert catalogue.value(m, DQV.computedOn) is not None
        assert catalogue.value(m, PROV.wasGeneratedBy) == catalogue.value(DATASET, PROV.wasGeneratedBy)
