"""The tables for spreadsheets: CSV files with CSVW metadata that turn back into the graph's facts.

The round trip is read by a real CSVW implementation (the ``csvw`` package: it parses the files
with their metadata, checks each cell against its datatype and the foreign keys, expands the URI
templates); ``csv2rdf.py`` turns its annotated tables into triples as CSV2RDF's minimal
mode says. Every triple must be in the graph (nothing invented), and every fact of the graph
that the tables have a column for must come back (nothing lost)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from csv2rdf import csv2rdf
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from sakrad_ld.tables import METADATA_FILE, TABLES, TableError, table_files

HERE = Path(__file__).parent / "tables"
BASE = "https://w3id.org/sakrad/"
ID = BASE + "id/"


def _ox_triples(path: Path) -> list[ox.Triple]:
    return [
        q.triple
        for q in ox.parse(path=path, format=ox.RdfFormat.N_TRIPLES if path.suffix == ".nt" else ox.RdfFormat.TURTLE)
    ]


@pytest.fixture(params=["fixture", "release"])
def graph_file(request: pytest.FixtureRequest) -> Path:
    """The small graph beside these tests, and the release of the project's data."""
    if request.param == "fixture":
        return HERE / "graph.ttl"
    return request.getfixturevalue("release") / "sakrad.nt"


def _write(files: dict[str, bytes], root: Path) -> Path:
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root / "tables" / METADATA_FILE


def _diff(triples: set, title: str) -> str:
    lines = sorted(" ".join(t.n3() for t in triple) for triple in triples)
    return f"{title} ({len(lines)}):\n" + "\n".join(lines[:40])


PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "m8g": "http://data.europa.eu/m8g/",
    "org": "http://www.w3.org/ns/org#",
    "sakrad": "https://w3id.org/sakrad/ontology#",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "adms": "http://www.w3.org/ns/adms#",
    "legal": "http://www.w3.org/ns/legal#",
    "prov": "http://www.w3.org/ns/prov#",
    "person": "http://www.w3.org/ns/person#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
}


def _declared() -> tuple[set, set]:
    """The types the tables state and the (class, property) pairs they give back, from covered.txt."""
    types, pairs = set(), set()
    for line in (HERE / "covered.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cls, *props = (URIRef(PREFIXES[p] + local) for p, local in (w.split(":", 1) for w in line.split()))
        if props[0] == RDF.type:
            types |= set(props[1:])
        else:
            pairs |= {(cls, p) for p in props}
    return types, pairs


def _covered(tables: Graph) -> set:
    """The (class, property) pairs the tables gave a triple for."""
    return {(c, p) for s, p, _ in tables if p != RDF.type for c in tables.objects(s, RDF.type)}


def _relevant(graph: Graph, types: set, pairs: set) -> set:
    """The facts of ``graph`` the tables have a column for: the types they state and, for the
    things of a class, every value of the properties paired with it."""
    out = set()
    for s, p, o in graph:
        if not str(s).startswith(ID):
            continue  # the tables describe the things of the data, not the documents they link to
        if p == RDF.type:
            if o in types:
                out.add((s, p, o))
        elif any((c, p) in pairs for c in graph.objects(s, RDF.type)):
            out.add((s, p, o))
    return out


def test_tables_turn_back_into_the_graphs_facts(graph_file: Path, tmp_path: Path) -> None:
    files = table_files(_triples(graph_file), BASE)
    metadata_path = _write(files, tmp_path)
    tables = csv2rdf(metadata_path)
    graph = Graph().parse(graph_file)
    invented = set(tables) - set(graph)
    assert not invented, _diff(invented, "triples from the tables that are not in the graph")
    types, pairs = _declared()
    relevant = _relevant(graph, types | set(tables.objects(None, RDF.type)), pairs | _covered(tables))
    lost = relevant - set(tables)
    assert not lost, _diff(lost, "facts of the graph the tables have a column for, missing from the tables")
    assert len(relevant) > 0.5 * len(tables), "the coverage read from the tables is implausibly small"


def _store(path: Path, *more: Path) -> ox.Store:
    store = ox.Store()
    for p in (path, *more):
        store.extend(ox.Quad(*t) for t in _ox_triples(p))
    return store


def _triples(path: Path) -> list[ox.Triple]:
    """The graph as a build gives it to the tables: its triples (a store would turn
    xsd:nonNegativeInteger into xsd:integer)."""
    return [tuple(t) for t in _ox_triples(path)]  # type: ignore[misc]


def test_the_fixture_round_trip_covers_every_table_and_fact(tmp_path: Path) -> None:
    """The small graph has rows for every table and a value for every fact covered.txt names, so the
    round trip above exercises every column."""
    files = table_files(_triples(HERE / "graph.ttl"), BASE)
    for table in TABLES:
        rows = list(csv.reader(io.StringIO(files[f"tables/{table.file}"].decode("utf-8"))))
        assert len(rows) > 1, f"{table.file} has no rows for the fixture graph"
    tables = csv2rdf(_write(files, tmp_path))
    types, pairs = _declared()
    assert types <= set(tables.objects(None, RDF.type)), types - set(tables.objects(None, RDF.type))
    missing = pairs - _covered(tables)
    assert not missing, f"covered.txt names facts the tables gave none of: {sorted(missing)}"


def test_a_csvw_implementation_validates_the_tables(graph_file: Path, tmp_path: Path) -> None:
    from csvw import TableGroup

    group = TableGroup.from_file(_write(table_files(_triples(graph_file), BASE), tmp_path))
    assert {t.url.string for t in group.tables} == {t.file for t in TABLES}
    for table in group.tables:
        for _ in table.iterdicts(strict=True):  # every cell is valid for its datatype, or ValueError
            pass
    assert group.check_referential_integrity(strict=False), "a foreign key names a row that does not exist"


def test_the_tables_open_with_pythons_csv_module(graph_file: Path) -> None:
    files = table_files(_triples(graph_file), BASE)
    metadata = json.loads(files[f"tables/{METADATA_FILE}"])
    assert metadata["dialect"]["encoding"] == "utf-8" and metadata["dialect"]["lineTerminators"] == ["\r\n"]
    for description in metadata["tables"]:
        data = files[f"tables/{description['url']}"]
        # no BOM: the metadata's dialect says utf-8, and csvwvalidate reads a URL's bytes as plain UTF-8
        assert not data.startswith(b"\xef\xbb\xbf"), "a byte order mark would make the first column \\ufeffid"
        assert data.endswith(b"\r\n") and b"\r\n" in data.split(b"\n", 1)[0] + b"\n"
        assert data.replace(b"\r\n", b"").count(b"\n") == data.count(b"\n") - data.count(b"\r\n"), "bare LF"
        rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
        names = [c["name"] for c in description["tableSchema"]["columns"] if not c.get("virtual")]
        assert rows[0] == names
        assert all(len(row) == len(names) for row in rows), description["url"]
        assert not rows[0][0].startswith("\ufeff")


def test_a_text_with_quotes_commas_and_a_line_break_survives(tmp_path: Path) -> None:
    store = _store(HERE / "graph.ttl")
    title = 'Rad ett, med "citat"\nrad två; och å ä ö'
    store.add(
        ox.Quad(
            ox.NamedNode(ID + "meeting/2017-12-12-integration"),
            ox.NamedNode("http://purl.org/dc/terms/title"),
            ox.Literal(title, language="en"),
        )
    )
    files = table_files(store, BASE)
    rows = list(csv.DictReader(io.StringIO(files["tables/meetings.csv"].decode("utf-8"), newline="")))
    assert [r["title_en"] for r in rows if r["id"] == "2017-12-12-integration"] == [title]
    assert (
        URIRef(ID + "meeting/2017-12-12-integration"),
        URIRef("http://purl.org/dc/terms/title"),
        Literal(title, lang="en"),
    ) in csv2rdf(_write(files, tmp_path))


def test_every_row_of_meetings_is_a_meeting_of_the_graph(graph_file: Path) -> None:
    files = table_files(_triples(graph_file), BASE)
    rows = list(csv.DictReader(io.StringIO(files["tables/meetings.csv"].decode("utf-8"), newline="")))
    graph = Graph().parse(graph_file)
    meetings = {str(s) for s in graph.subjects(RDF.type, URIRef("https://w3id.org/sakrad/ontology#Sakrad"))}
    assert [r["iri"] for r in rows] == sorted(r["iri"] for r in rows)
    assert {r["iri"] for r in rows} == meetings
    for row in rows:
        assert row["id"] == row["iri"].rsplit("/", 1)[1]
        assert (URIRef(row["iri"]), URIRef("http://purl.org/dc/terms/identifier"), None) in graph


def test_the_same_graph_gives_the_same_bytes_whatever_else_the_store_holds() -> None:
    alone = table_files(_triples(HERE / "graph.ttl"), BASE)
    assert table_files(list(reversed(_triples(HERE / "graph.ttl"))), BASE) == alone
    both = table_files(_triples(HERE / "graph.ttl") + _triples(HERE / "alongside.ttl"), BASE)
    assert both == alone
    in_store = table_files(_store(HERE / "graph.ttl", HERE / "alongside.ttl"), BASE)
    assert {k: v for k, v in in_store.items() if k.endswith(".csv")} == {
        k: v for k, v in alone.items() if k.endswith(".csv")
    }


def test_the_release_store_gives_the_tables_of_the_data_alone(release: Path) -> None:
    from sakrad_ld.sparql.store import open_store

    def csv_files(files: dict[str, bytes]) -> dict[str, bytes]:
        return {k: v for k, v in files.items() if k.endswith(".csv")}

    assert csv_files(table_files(open_store(release), BASE)) == csv_files(
        table_files(_triples(release / "sakrad.nt"), BASE)
    )


def test_two_values_where_a_table_has_room_for_one_is_an_error() -> None:
    store = _store(HERE / "graph.ttl")
    store.add(
        ox.Quad(
            ox.NamedNode(ID + "meeting/2021-04-eu"),
            ox.NamedNode("https://w3id.org/sakrad/ontology#topic"),
            ox.Literal("ett andra ämne", language="sv"),
        )
    )
    store.add(
        ox.Quad(
            ox.NamedNode(ID + "meeting/2021-04-eu"),
            ox.NamedNode("https://w3id.org/sakrad/ontology#topic"),
            ox.Literal("ett tredje ämne", language="sv"),
        )
    )
    with pytest.raises(TableError, match="meetings.csv: more than one row for id"):
        table_files(store, BASE)


def test_a_name_with_the_list_separator_is_an_error() -> None:
    store = _store(HERE / "graph.ttl")
    store.add(
        ox.Quad(
            ox.NamedNode(ID + "organisation/radda-barnen"),
            ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel"),
            ox.Literal("A | B", language="sv"),
        )
    )
    with pytest.raises(TableError, match="organisations.csv: a value of column alt_names_sv has the list separator"):
        table_files(store, BASE)


def test_dates_say_which_are_stated_and_which_derived(graph_file: Path) -> None:
    """dates.csv holds derived dates beside stated ones: its kind column tells them apart, and
    neither its title nor its date columns claim that a source gives every date."""
    files = table_files(_triples(graph_file), BASE)
    rows = list(csv.DictReader(io.StringIO(files["tables/dates.csv"].decode("utf-8"), newline="")))
    assert rows
    for row in rows:
        assert row["kind"] == ("derived" if row["property"] == "derivedDate" else "stated"), row
    description = next(t for t in json.loads(files[f"tables/{METADATA_FILE}"])["tables"] if t["url"] == "dates.csv")
    said = json.dumps(description, ensure_ascii=False)
    assert "as stated" not in said and "som de anges" not in said
    assert "the source gives" not in said and "källan anger" not in said


def test_the_release_dates_table_marks_its_derived_dates(release: Path) -> None:
    rows = list(csv.DictReader(io.StringIO((release / "tables" / "dates.csv").read_text("utf-8"), newline="")))
    derived = [row for row in rows if row["property"] == "derivedDate"]
    assert derived and all(row["kind"] == "derived" for row in derived)
    assert all(row["kind"] == "stated" for row in rows if row["property"] != "derivedDate")


def test_the_legal_name_is_described_as_a_source_gives_it() -> None:
    """legal:legalName comes from a secondary source (a mirror of a register): the column must not
    present it as the registered name itself."""
    organisations = next(t for t in TABLES if t.name == "organisations")
    column = next(c for c in organisations.columns if c.name == "legal_name_sv")
    assert column.en != "the registered name"
    assert "source" in column.en and "secondary" in column.en
    assert "källa" in column.sv and "sekundär" in column.sv


def test_the_metadata_carries_the_rights_beside_the_licence() -> None:
    licence = "http://creativecommons.org/publicdomain/zero/1.0/"
    rights = {"sv": "Citerade texter tillhör sina utgivare.", "en": "Quoted texts are their publishers'."}
    metadata = json.loads(table_files([], BASE, licence, rights)[f"tables/{METADATA_FILE}"])
    assert metadata["dc:license"] == {"@id": licence}
    assert metadata["dc:rights"] == [{"@value": text, "@language": lang} for lang, text in rights.items()]
    assert "dc:rights" not in json.loads(table_files([], BASE, licence)[f"tables/{METADATA_FILE}"])


def test_the_release_metadata_says_what_the_licence_does_not_cover(release: Path) -> None:
    metadata = json.loads((release / "tables" / METADATA_FILE).read_text("utf-8"))
    assert any("regeringen.se" in r["@value"] for r in metadata["dc:rights"])
