"""Provenance (PROV-O) and quality (DQV) in the catalogue: true to the sources, the build and its report."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from sakrad_ld import __version__
from sakrad_ld.triples import Graph
from sakrad_ld.vocab import DCTERMS, DQV, FOAF, PROV, RDF, RDFS, SAKRAD, SCHEMA, XSD

BASE = "https://w3id.org/sakrad/"
DATASET = ox.NamedNode(BASE + "dataset")
TRUE = ox.Literal("true", datatype=XSD.boolean)


@pytest.fixture(scope="module")
def catalogue(release: Path) -> Graph:
    return Graph.parse((release / "catalog.ttl").read_bytes(), ox.RdfFormat.TURTLE)


@pytest.fixture(scope="module")
def data(release: Path) -> Graph:
    return Graph.parse((release / "sakrad.nt").read_bytes(), ox.RdfFormat.N_TRIPLES)


def _described(g: Graph, node: ox.NamedNode) -> bool:
    return next(g.triples(node), None) is not None


def test_the_build_is_an_activity_of_the_software_at_its_version(catalogue: Graph) -> None:
    activity = catalogue.value(DATASET, PROV.wasGeneratedBy)
    assert (activity, RDF.type, PROV.Activity) in catalogue
    agents = set(catalogue.objects(activity, PROV.wasAssociatedWith))
    software = [a for a in agents if (a, RDF.type, PROV.SoftwareAgent) in catalogue]
    assert len(software) == 1
    assert catalogue.value(software[0], SCHEMA.softwareVersion) == ox.Literal(__version__)
    assert software[0].value.endswith("-" + __version__)
    assert ox.NamedNode(BASE + "id/agent/sakrad-ld") in agents  # and the publisher


def test_the_dataset_is_derived_from_every_source_the_data_cites(catalogue: Graph, data: Graph) -> None:
    derived = set(catalogue.objects(DATASET, PROV.wasDerivedFrom))
    cited = {
        o
        for p in (DCTERMS.source, PROV.wasDerivedFrom)
        for o in data.objects(None, p)
        if isinstance(o, ox.NamedNode) and (not _described(data, o) or (o, RDF.type, FOAF.Document) in data)
    }
    assert cited and cited <= derived, cited - derived
    documents = {s for s in derived if s.value.startswith(BASE + "id/source/")}
    assert ox.NamedNode(BASE + "id/source/dokumentation-2017-12-12-integration") in documents
    assert any(s.value.startswith("https://github.com/cisene/swish-123/") for s in derived)  # a register
    for source in derived:
        assert (source, RDF.type, PROV.Entity) in catalogue
        # a source is a document, or a page outside the data; never one of the data's own resources
        assert (source, RDF.type, FOAF.Document) in data or not _described(data, source)


def test_no_clock_in_the_provenance(release: Path) -> None:
    text = (release / "catalog.ttl").read_text(encoding="utf-8")
    for term in ("startedAtTime", "endedAtTime", "generatedAtTime", "xsd:dateTime"):
        assert term not in text


def _measurement(catalogue: Graph, on: ox.NamedNode, metric: str) -> int:
    values = [
        catalogue.value(m, DQV.value)
        for m in catalogue.objects(on, DQV.hasQualityMeasurement)
        if catalogue.value(m, DQV.isMeasurementOf).value.endswith("/metric/" + metric)
    ]
    assert len(values) == 1, (on, metric, values)
    return int(values[0].value)


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
        shape = catalogue.value(metric, RDFS.seeAlso)
        if shape is not None:
            measured[shape.value] = int(catalogue.value(m, DQV.value).value)
    assert measured == dict(by_shape)


def test_stated_and_listed_organisations_differ_visibly(catalogue: Graph, data: Graph) -> None:
    meeting = ox.NamedNode(BASE + "id/meeting/2017-12-12-integration")
    stated = int(data.value(data.value(meeting, SAKRAD.participatingOrganisationCount), SCHEMA.value).value)
    listed = int(data.value(meeting, SAKRAD.listedOrganisationCount).value)
    assert (stated, listed) == (15, 13)
    assert _measurement(catalogue, meeting, "organisation-count-difference") == listed - stated

    def exact(m: ox.NamedNode) -> int | None:  # an exact stated number; an approximate one is not compared
        c = data.value(m, SAKRAD.participatingOrganisationCount)
        if c is None or data.value(c, SCHEMA.value) is None or data.value(c, SAKRAD.approximate) == TRUE:
            return None
        return int(data.value(c, SCHEMA.value).value)

    def listed_count(m: ox.NamedNode) -> int | None:  # None: the source names none (no list is not a list of none)
        listed = data.value(m, SAKRAD.listedOrganisationCount)
        return None if listed is None else int(listed.value)

    stating = set(data.subjects(SAKRAD.participatingOrganisationCount, None))
    differing = sum(
        1 for m in stating if exact(m) is not None and listed_count(m) is not None and exact(m) != listed_count(m)
    )
    assert _measurement(catalogue, DATASET, "meetings-with-organisation-count-difference") == differing >= 1
    unlisted = [m for m in stating if exact(m) is not None and listed_count(m) is None]
    assert unlisted  # the fixture has a meeting that states an exact number and names no organisation
    for m in unlisted:
        assert not [
            q
            for q in catalogue.objects(m, DQV.hasQualityMeasurement)
            if catalogue.value(q, DQV.isMeasurementOf).value.endswith("/metric/organisation-count-difference")
        ], m


def test_every_measurement_has_a_metric_in_a_dimension(catalogue: Graph) -> None:
    measurements = set(catalogue.subjects(RDF.type, DQV.QualityMeasurement))
    assert len(measurements) >= 4
    for m in measurements:
        metric = catalogue.value(m, DQV.isMeasurementOf)
        assert (metric, RDF.type, DQV.Metric) in catalogue
        assert (catalogue.value(metric, DQV.inDimension), RDF.type, DQV.Dimension) in catalogue
        assert catalogue.value(m, DQV.computedOn) is not None
        assert catalogue.value(m, PROV.wasGeneratedBy) == catalogue.value(DATASET, PROV.wasGeneratedBy)
