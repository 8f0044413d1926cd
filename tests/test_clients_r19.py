"""How programs read the endpoint's answers (a probe of standard clients, round 19): an ASK is
never written as CSV or TSV, which define no boolean; XML answers are well-formed XML or are not
sent; a conditional POST is 412, not 304; a literal object of rdf:type stays a literal in JSON-LD.
They fail before the changes they come with."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings


@pytest.fixture(scope="module")
def client(fixture_release: Path) -> Iterator[TestClient]:
    with TestClient(create_app(fixture_release, Settings())) as c:
        yield c


@pytest.fixture(scope="module")
def server_url(fixture_release: Path) -> Iterator[str]:
    from serving import serving

    with serving(create_app(fixture_release, Settings(timeout=10))) as root:
        yield root


# --- an ASK has no CSV or TSV ----------------------------------------------------------------------


@pytest.mark.parametrize("return_format", ["csv", "tsv", "json", "xml"])
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_rdflibs_sparql_store_reads_an_asks_truth_whatever_format_it_asks_for(
    server_url: str, return_format: str, method: str
) -> None:
    """rdflib's SPARQLStore sends one Accept for every query form and parses by the answer's
    Content-Type: asked for CSV, the bare ``true`` it got was a SELECT without rows (bool: False);
    asked for TSV, a ParseException. Now the ASK comes in a results format with a boolean."""
    from rdflib import Graph
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    graph = Graph(store=SPARQLStore(server_url + "/sparql", returnFormat=return_format, method=method))
    for query, truth in (("ASK { ?s ?p ?o }", True), ("ASK { FILTER(false) }", False)):
        result = graph.query(query)
        assert (result.type, result.askAnswer) == ("ASK", truth), (return_format, query)


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("text/csv", "application/sparql-results+json"),
        ("text/tab-separated-values", "application/sparql-results+json"),
        ("text/*", "application/sparql-results+xml"),
        ("text/csv, application/sparql-results+xml;q=0.5", "application/sparql-results+xml"),
        ("text/tab-separated-values, application/json;q=0.1", "application/sparql-results+json"),
    ],
)
def test_an_ask_asked_for_as_csv_or_tsv_is_answered_with_a_boolean(
    client: TestClient, accept: str, media_type: str
) -> None:
    import pyoxigraph as ox

    r = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}, headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].split(";")[0] == media_type, (accept, r.headers)
    assert "Accept" in r.headers["vary"]
    kind = ox.QueryResultsFormat.JSON if media_type.endswith("json") else ox.QueryResultsFormat.XML
    parsed = ox.parse_query_results(r.content, format=kind)
    assert isinstance(parsed, ox.QueryBoolean) and bool(parsed)


def test_a_select_asked_for_as_csv_is_still_csv_and_an_asks_406_names_no_csv(client: TestClient) -> None:
    select = client.get("/sparql", params={"query": "SELECT ?s { ?s ?p ?o } LIMIT 1"}, headers={"Accept": "text/*"})
    assert select.headers["content-type"].startswith("text/csv"), select.headers
    refused = client.get("/sparql", params={"query": "ASK {}"}, headers={"Accept": "image/png"})
    assert refused.status_code == 406
    detail = refused.json()["detail"]
    assert "application/sparql-results+json" in detail and "text/csv" not in detail, detail


# --- a conditional POST is 412 -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content_type", "body"),
    [("application/x-www-form-urlencoded", b"query=ASK%7B%7D"), ("application/sparql-query", b"ASK {}")],
)
def test_a_post_whose_if_none_match_is_false_is_412_and_a_get_304(
    client: TestClient, content_type: str, body: bytes
) -> None:
    """RFC 9110 §13.1.2: when If-None-Match is false, 304 for GET or HEAD, 412 for any other method
    (before, a POST got 304)."""
    asked = {"Accept": "application/sparql-results+json", "Content-Type": content_type}
    first = client.post("/sparql", content=body, headers=asked)
    assert first.status_code == 200
    tag = first.headers["etag"]
    for condition in (tag, "*", f'"x", W/{tag}'):
        again = client.post("/sparql", content=body, headers={**asked, "If-None-Match": condition})
        assert again.status_code == 412, (condition, again.status_code)
        assert again.headers["content-type"] == "application/problem+json" and "412" in again.text
        assert again.headers["cache-control"] == "no-store" and "etag" not in again.headers
    other = client.post("/sparql", content=body, headers={**asked, "If-None-Match": '"no-such-tag"'})
    assert other.status_code == 200 and other.headers["etag"] == tag
    for method in ("GET", "HEAD"):
        got = client.request(
            method,
            "/sparql?query=ASK%7B%7D",
            headers={"Accept": "application/sparql-results+json", "If-None-Match": tag},
        )
        assert got.status_code == 304 and got.headers["etag"] == tag, method
