"""The tables' rows drawn from the graph in memory (sakrad_ld.tables.solutions) are the rows of the
tables' SPARQL queries (sakrad_ld.tables.definitions, the tables' definitions) on the same triples,
table by table: on the small graph beside the table tests, on the releases of the fixture project
and of a synthetic corpus, and on graphs that do not fit a table (the same error, said the same way)."""

from __future__ import annotations

import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from sakrad_ld.tables import TABLES, TableError, _query, rows, table_files
from sakrad_ld.tables.solutions import SOLUTIONS, solutions
from sakrad_ld.triples import Index

HERE = Path(__file__).parent / "tables"
BASE = "https://w3id.org/sakrad/"
ID = BASE + "id/"
BENCH = Path(__file__).resolve().parents[1] / "bench"


def _parse(*paths: Path) -> list[tuple]:
    return [
        (q.subject, q.predicate, q.object)
        for path in paths
        for q in ox.parse(path=path, format=ox.RdfFormat.N_TRIPLES if path.suffix == ".nt" else ox.RdfFormat.TURTLE)
    ]


def _outcome(table, found) -> list[list[str]] | str:
    try:
        return rows(table, found)
    except TableError as error:
        return f"TableError: {error}"


def _assert_same(triples: list[tuple], base: str = BASE) -> int:
    """Every table's rows (or error) from the index equal its query's on a store of the same triples;
    gives how many rows there were in all."""
    store = ox.Store()
    store.extend(ox.Quad(*t) for t in triples)
    index = Index(triples)
    id_base = base.rstrip("/") + "/id/"
    count = 0
    for table in TABLES:
        from_query = _outcome(table, _query(store, table, id_base))
        from_index = _outcome(table, solutions(index, table, id_base))
        assert from_index == from_query, table.file
        count += len(from_query) if isinstance(from_query, list) else 0
    return count


def test_every_table_has_its_solutions_from_the_index() -> None:
    assert set(SOLUTIONS) == {t.name for t in TABLES}


def test_the_small_graph_gives_the_same_rows() -> None:
    assert _assert_same(_parse(HERE / "graph.ttl")) > 20
    assert _assert_same(_parse(HERE / "graph.ttl", HERE / "alongside.ttl")) > 20


def test_the_fixture_release_gives_the_same_rows(fixture_release: Path) -> None:
    assert _assert_same(_parse(fixture_release / "sakrad.nt")) > 100


def test_a_synthetic_corpus_gives_the_same_rows(tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        from generate import generate
    finally:
        sys.path.remove(str(BENCH))
    from sakrad_ld.project import Project
    from sakrad_ld.release import build

    for profile in ("rich", "realistic"):
        project = generate(tmp_path / profile, 25, seed=5, profile=profile)
        _, built, _ = build(Project.at(project))
        assert _assert_same(list(built.triples)) > 100


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


SKOS = "http://www.w3.org/2004/02/skos/core#"
FOAF = "http://xmlns.com/foaf/0.1/"
SAKRAD = "https://w3id.org/sakrad/ontology#"
M8G = "http://data.europa.eu/m8g/"


def _participation(role: bool) -> list[tuple]:
    meeting, iri = _n(ID + "meeting/2021-04-eu"), _n(ID + "meeting/2021-04-eu/participation/x")
    triples = [
        (meeting, _n(M8G + "hasParticipation"), iri),
        (iri, _n("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), _n(M8G + "Participation")),
        (iri, _n(M8G + "hasParticipant"), _n(ID + "organisation/foreningen-liten")),
    ]
    return triples + [(iri, _n(M8G + "role"), _n(BASE + "role/participatingOrganisation"))] if role else triples


#: Triples that change what the queries match: second labels and names (more solutions, so
#: duplicate rows), labels in other languages, values that are IRIs where a literal is expected,
#: an organisation with two Swedish names, a second register space, a blank node.
ODD = {
    "a second Swedish label of an organisation": [
        (_n(ID + "organisation/radda-barnen"), _n(SKOS + "prefLabel"), ox.Literal("Rädda Barnen igen", language="sv"))
    ],
    "a name beside the label of a participant": [
        (_n(ID + "organisation/radda-barnen"), _n(FOAF + "name"), ox.Literal("Rädda Barnen (namn)"))
    ],
    "a label in German": [
        (_n(ID + "organisation/radda-barnen"), _n(SKOS + "prefLabel"), ox.Literal("Rettet die Kinder", language="de"))
    ],
    "an IRI as a title": [(_n(ID + "meeting/2021-04-eu"), _n("http://purl.org/dc/terms/title"), _n("http://x.org/t"))],
    "two topics": [
        (_n(ID + "meeting/2021-04-eu"), _n(SAKRAD + "topic"), ox.Literal("ett", language="sv")),
        (_n(ID + "meeting/2021-04-eu"), _n(SAKRAD + "topic"), ox.Literal("två", language="sv")),
    ],
    "an alternative name with the separator": [
        (_n(ID + "organisation/radda-barnen"), _n(SKOS + "altLabel"), ox.Literal("A | B", language="sv"))
    ],
    "more alternative names": [
        (_n(ID + "organisation/radda-barnen"), _n(SKOS + "altLabel"), ox.Literal("RB", language="sv")),
        (_n(ID + "organisation/radda-barnen"), _n(SKOS + "altLabel"), ox.Literal("Save the Children", language="en")),
    ],
    "a second register space": [
        (_n(BASE + "register/lagrummet"), _n("http://rdfs.org/ns/void#uriSpace"), ox.Literal("http://example.org/"))
    ],
    "a blank node as a source": [
        (_n(ID + "meeting/2021-04-eu"), _n("http://purl.org/dc/terms/source"), ox.BlankNode("b"))
    ],
    "a participation without a role": _participation(role=False),
    "a participation the participant is not linked back to": _participation(role=True),
    "a thing below a meeting typed as a meeting": [
        (_n(ID + "meeting/2021-04-eu/y"), _n("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), _n(SAKRAD + "Sakrad"))
    ],
}


@pytest.mark.parametrize("odd", sorted(ODD))
def test_a_graph_with_odd_facts_gives_the_same_rows_or_the_same_error(odd: str) -> None:
    _assert_same(_parse(HERE / "graph.ttl") + ODD[odd])


def test_another_base_gives_the_same_rows() -> None:
    moved = [
        tuple(_n(t.value.replace(BASE, "https://example.org/x/")) if isinstance(t, ox.NamedNode) else t for t in triple)
        for triple in _parse(HERE / "graph.ttl")
    ]
    assert _assert_same(moved, "https://example.org/x/") > 20


def test_the_index_and_a_list_of_its_triples_give_the_same_files() -> None:
    triples = _parse(HERE / "graph.ttl")
    assert table_files(Index(triples), BASE) == table_files(triples, BASE)
