"""``/sparql`` negotiates ``Accept`` by one rule for every query form (SPARQL 1.1 Protocol §2.1.6,
RFC 9110 §12.5.1): the answer is in the most preferred format its form has (results formats for
SELECT and ASK, RDF formats for CONSTRUCT and DESCRIBE); no ``Accept``, ``*/*`` or a range that
matches gives the form's default; a header accepting nothing of either kind is 406 naming the
formats the answer can be given in. One exception, kept for generic SPARQL clients that send one
header for every form (rdflib's SPARQLStore with ``returnFormat`` json, csv or tsv): a graph asked
for with only results formats acceptable is its default, Turtle. The converse has no such client:
SELECT or ASK asked for with only RDF formats acceptable is 406. An ASK is never CSV or TSV, which
define no boolean (SPARQL 1.1 Query Results CSV and TSV Formats §1: SELECT only): where ``Accept``
prefers one of them (``returnFormat="csv"``, ``text/*``) the answer is the results format with a
boolean the header accepts (``text/*``: XML, as ``text/xml``), else JSON."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pyoxigraph as ox
import pytest
from starlette.testclient import TestClient

from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings

QUERIES = {
    "SELECT": "SELECT ?s WHERE { ?s a ?t } LIMIT 2",
    "ASK": "ASK { ?s a ?t }",
    "CONSTRUCT": "CONSTRUCT { ?s a ?t } WHERE { ?s a ?t } LIMIT 2",
    "DESCRIBE": "DESCRIBE ?s WHERE { ?s a ?t } LIMIT 1",
}
RESULTS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPHS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}
TABLE = ("SELECT", "ASK")

#: Accept → (media type of a SELECT or ASK answer, of a CONSTRUCT or DESCRIBE answer); None for 406.
EXPECTED: dict[str | None, tuple[str | None, str | None]] = {
    None: ("application/sparql-results+json", "text/turtle"),
    "*/*": ("application/sparql-results+json", "text/turtle"),
    "*/*;q=0.1, text/html;q=0": ("application/sparql-results+json", "text/turtle"),
    "application/sparql-results+json": ("application/sparql-results+json", "text/turtle"),
    "application/sparql-results+xml": ("application/sparql-results+xml", "text/turtle"),
    "text/csv": ("text/csv", "text/turtle"),
    "text/tab-separated-values": ("text/tab-separated-values", "text/turtle"),
    "text/turtle": (None, "text/turtle"),
    "application/n-triples": (None, "application/n-triples"),
    "application/rdf+xml": (None, "application/rdf+xml"),
    "application/ld+json": (None, "application/ld+json"),
    "application/rdf+xml;q=0.5, application/sparql-results+xml": (
        "application/sparql-results+xml",
        "application/rdf+xml",
    ),
    "text/turtle;q=0.9, application/sparql-results+json": ("application/sparql-results+json", "text/turtle"),
    "image/png": (None, None),
    "image/png, application/pdf;q=0.5": (None, None),
    "text/plain": (None, "application/n-triples"),  # N-Triples' old media type (formats.py aliases)
    "text/html": ("text/html", "text/html"),
    "text/*": ("text/csv", "text/turtle"),
}
#: Where an ASK's answer is not a SELECT's (CSV and TSV have no boolean).
ASK_EXPECTED: dict[str | None, str] = {
    "text/csv": "application/sparql-results+json",
    "text/tab-separated-values": "application/sparql-results+json",
    "text/*": "application/sparql-results+xml",
}


@pytest.fixture(scope="module")
def client(fixture_release: Path) -> Iterator[TestClient]:
    with TestClient(create_app(fixture_release, Settings())) as c:
        yield c


def _check_body(form: str, media_type: str, body: bytes) -> None:
    """The body is what its media type says, for the form asked."""
    if form in TABLE and media_type in RESULTS:
        parsed = ox.parse_query_results(body, format=RESULTS[media_type])
        assert isinstance(parsed, ox.QueryBoolean) if form == "ASK" else len(list(parsed)) == 2
    elif form == "SELECT" and media_type == "text/csv":
        lines = body.decode().splitlines()
        assert lines[0] == "s" and len(lines) == 3
    elif media_type in GRAPHS:
        assert len(list(ox.parse(body, GRAPHS[media_type]))) >= 1
    else:
        assert media_type == "text/html" and body.lstrip().lower().startswith(b"<!doctype html")


@pytest.mark.parametrize("accept", list(EXPECTED))
@pytest.mark.parametrize("form", list(QUERIES))
def test_every_query_form_is_negotiated_by_one_rule(client: TestClient, form: str, accept: str | None) -> None:
    expected = EXPECTED[accept][0 if form in TABLE else 1]
    if form == "ASK":
        expected = ASK_EXPECTED.get(accept, expected)
    r = client.get("/sparql?" + urlencode({"query": QUERIES[form]}), headers={"accept": accept} if accept else {})
    if expected is None:
        assert r.status_code == 406, (form, accept, r.status_code, r.headers.get("content-type"))
        detail = json.loads(r.content)["detail"]
        offered = RESULTS if form in TABLE else GRAPHS
        assert all(media_type in detail for media_type in offered if form != "ASK" or "+" in media_type), detail
        assert form != "ASK" or not any(t in detail for t in ("text/csv", "text/tab-separated-values")), detail
        return
    assert r.status_code == 200, (form, accept, r.status_code, r.text[:300])
    assert r.headers["content-type"].split(";")[0] == expected, (form, accept)
    assert "Accept" in r.headers["vary"]
    _check_body(form, expected, r.content)
