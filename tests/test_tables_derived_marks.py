"""Every table column whose value the data derives says so: a mark in the row, described in the
CSVW metadata (docs/tables.md, "Derived values"). A holding's body that follows from its post's
placement by the data's own rule (sakrad:postInDerivation) is marked in post-holdings.csv."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox

from sakrad_ld.tables import METADATA_FILE, table_files

BASE = "https://w3id.org/sakrad/"
ID = BASE + "id/"

_GRAPH = """
@prefix id: <https://w3id.org/sakrad/id/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix sakrad: <https://w3id.org/sakrad/ontology#> .
@prefix person: <http://www.w3.org/ns/person#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dct: <http://purl.org/dc/terms/> .

id:body\\/rk a org:Organization ; skos:prefLabel "Regeringskansliet"@sv .
id:body\\/dep a org:Organization ; skos:prefLabel "Departementet"@sv .
id:post\\/minister a org:Post ; skos:prefLabel "minister"@sv ; org:postIn id:body\\/rk ;
    sakrad:postInDerivation "Källan nämner inget departement."@sv .
id:post\\/chef a org:Post ; skos:prefLabel "chef"@sv ; org:postIn id:body\\/dep .
id:person\\/a a person:Person ; foaf:name "A" ; sakrad:heldPost id:person\\/a\\/holding\\/minister\\/2020 .
id:person\\/a\\/holding\\/minister\\/2020 a sakrad:PostHolding , org:Membership ; org:member id:person\\/a ;
    org:organization id:body\\/rk ; sakrad:post id:post\\/minister ; dct:source id:source\\/s .
id:person\\/b a person:Person ; foaf:name "B" ; sakrad:heldPost id:person\\/b\\/holding\\/chef\\/2020 .
id:person\\/b\\/holding\\/chef\\/2020 a sakrad:PostHolding , org:Membership ; org:member id:person\\/b ;
    org:organization id:body\\/dep ; sakrad:post id:post\\/chef ; dct:source id:source\\/s .
"""


def _triples() -> list[ox.Triple]:
    return [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(_GRAPH, format=ox.RdfFormat.TURTLE)]


def _rows(files: dict[str, bytes], name: str) -> dict[str, dict[str, str]]:
    rows = csv.DictReader(io.StringIO(files[f"tables/{name}.csv"].decode("utf-8-sig")))
    return {r["person_iri"].rsplit("/", 1)[-1]: r for r in rows}


def test_a_holdings_body_placed_by_the_data_is_marked_and_a_stated_one_is_not() -> None:
    for given in (_triples(), _store()):
        rows = _rows(table_files(given, BASE), "post-holdings")
        assert rows["a"]["organisation_iri"] == ID + "body/rk"
        assert rows["a"]["organisation_derived"] == "true"
        assert rows["b"]["organisation_iri"] == ID + "body/dep"
        assert rows["b"]["organisation_derived"] == "false"


def _store() -> ox.Store:
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in _triples())
    return store


def test_the_mark_is_described_in_the_metadata_and_stands_for_no_fact() -> None:
    meta = json.loads(table_files(_triples(), BASE)[f"tables/{METADATA_FILE}"])
    table = next(t for t in meta["tables"] if t["url"].endswith("post-holdings.csv"))
    column = next(c for c in table["tableSchema"]["columns"] if c["name"] == "organisation_derived")
    assert column["datatype"] == "boolean"
    assert column.get("suppressOutput") is True
    described = " ".join(d["@value"] for d in column["dc:description"])
    assert "data's own" in described and "post_in_derivation" in described
