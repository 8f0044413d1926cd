"""The VoID description counts what the published data holds: recounted here with SPARQL over sakrad.nt."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

VOID = "http://rdfs.org/ns/void#"
DATASET = "https://w3id.org/sakrad/dataset"
PREFIXES = f"PREFIX void: <{VOID}> PREFIX dcat: <http://www.w3.org/ns/dcat#>\n"


@pytest.fixture(scope="module")
def data(release: Path) -> ox.Store:
    store = ox.Store()
    store.load(path=str(release / "sakrad.nt"), format=ox.RdfFormat.N_TRIPLES)
    return store


@pytest.fixture(scope="module")
def catalogue(release: Path) -> ox.Store:
    store = ox.Store()
    store.load(path=str(release / "catalog.ttl"), format=ox.RdfFormat.TURTLE)
    return store


def _rows(store: ox.Store, query: str) -> list[tuple[str, ...]]:
    return sorted(tuple(term.value for term in solution) for solution in store.query(PREFIXES + query))


def _number(store: ox.Store, query: str) -> int:
    (row,) = _rows(store, query)
    return int(row[0])


def _stated(catalogue: ox.Store, prop: str) -> int:
    return _number(catalogue, f"SELECT ?n WHERE {{ <{DATASET}> void:{prop} ?n }}")


@pytest.mark.parametrize(
    "prop, query",
    [
        ("triples", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
        ("distinctSubjects", "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }"),
        ("distinctObjects", "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?s ?p ?o }"),
        ("properties", "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?s ?p ?o }"),
        ("classes", "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?s a ?c }"),
        (
            "entities",
            "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o "
            "FILTER(isIRI(?s) && STRSTARTS(STR(?s), 'https://w3id.org/sakrad/')) }",
        ),
    ],
)
def test_dataset_statistics(data: ox.Store, catalogue: ox.Store, prop: str, query: str) -> None:
    assert _stated(catalogue, prop) == _number(data, query)


def test_the_counts_are_not_trivial(catalogue: ox.Store) -> None:
    assert _stated(catalogue, "triples") > 300
    assert _stated(catalogue, "classes") > 10


def test_class_partitions(data: ox.Store, catalogue: ox.Store) -> None:
    counted = _rows(data, "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c")
    stated = _rows(
        catalogue,
        f"SELECT ?c ?n WHERE {{ <{DATASET}> void:classPartition ?part . ?part void:class ?c ; void:entities ?n }}",
    )
    assert stated == counted


def test_property_partitions(data: ox.Store, catalogue: ox.Store) -> None:
    counted = _rows(
        data,
        "SELECT ?p (COUNT(*) AS ?n) (COUNT(DISTINCT ?s) AS ?s_) (COUNT(DISTINCT ?o) AS ?o_) "
        "WHERE { ?s ?p ?o } GROUP BY ?p",
    )
    stated = _rows(
        catalogue,
        f"SELECT ?p ?n ?s ?o WHERE {{ <{DATASET}> void:propertyPartition ?part . "
        "?part void:property ?p ; void:triples ?n ; void:distinctSubjects ?s ; "
        "void:distinctObjects ?o }",
    )
    assert stated == counted


def test_vocabularies_cover_every_class_and_property(data: ox.Store, catalogue: ox.Store) -> None:
    vocabularies = [v for (v,) in _rows(catalogue, f"SELECT ?v WHERE {{ <{DATASET}> void:vocabulary ?v }}")]
    terms = [t for (t,) in _rows(data, "SELECT DISTINCT ?t WHERE { { ?s ?t ?o } UNION { ?s a ?t } }")]
    uncovered = [t for t in terms if not any(t.startswith(v) for v in vocabularies)]
    assert not uncovered
    assert "http://data.europa.eu/m8g/" in vocabularies


def test_dumps_endpoint_uri_space_and_examples(data: ox.Store, catalogue: ox.Store) -> None:
    dumps = _rows(catalogue, f"SELECT ?d WHERE {{ <{DATASET}> void:dataDump ?d }}")
    downloads = _rows(catalogue, f"SELECT ?d WHERE {{ <{DATASET}> dcat:distribution/dcat:downloadURL ?d }}")
    # every whole-graph RDF file is a dump (Turtle, N-Triples, JSON-LD, TriG, N-Quads); the tables are not
    assert dumps == [d for d in downloads if not d[0].endswith((".csv", ".json"))] and len(dumps) == 5
    assert _rows(catalogue, f"SELECT ?e WHERE {{ <{DATASET}> void:sparqlEndpoint ?e }}") == [
        ("https://w3id.org/sakrad/sparql",)
    ]
    assert _rows(catalogue, f"SELECT ?u WHERE {{ <{DATASET}> void:uriSpace ?u }}") == [("https://w3id.org/sakrad/",)]
    examples = [e for (e,) in _rows(catalogue, f"SELECT ?e WHERE {{ <{DATASET}> void:exampleResource ?e }}")]
    assert any("/id/meeting/" in e for e in examples) and any("/id/organisation/" in e for e in examples)
    for example in examples:
        assert data.query(f"ASK {{ <{example}> ?p ?o }}")


def test_the_dataset_is_both_dcat_and_void(catalogue: ox.Store) -> None:
    assert catalogue.query(PREFIXES + f"ASK {{ <{DATASET}> a void:Dataset , dcat:Dataset }}")
