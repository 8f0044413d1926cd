"""How programs read the endpoint's answers: an ASK is
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


# --- a literal object of rdf:type stays a literal in JSON-LD -----------------------------------------

_LITERAL_TYPES = [
    '"notaclass"@en',
    '"plain"',
    '"5"^^<http://www.w3.org/2001/XMLSchema#integer>',
    '"a\\"b"@sv-SE',
]


@pytest.mark.parametrize("literal", _LITERAL_TYPES)
def test_a_construct_with_a_literal_type_is_one_graph_in_json_ld_and_turtle(client: TestClient, literal: str) -> None:
    """JSON-LD 1.1 Processing Algorithms §8.4: only an IRI or blank node object of rdf:type becomes
    ``@type``. Before, ``"notaclass"@en`` was written ``"type": ["notaclass"]``, which rdflib and
    pyld read as the IRI ``<{base}notaclass>``: the two formats of one answer were two graphs."""
    import json

    from graphs import assert_isomorphic
    from pyld import jsonld
    from rdflib import Graph

    query = (
        "CONSTRUCT { <https://w3id.org/sakrad/id/x> a "
        + literal
        + ", <https://w3id.org/sakrad/ontology#Sakrad> } WHERE {}"
    )
    answers = {}
    for accept in ("text/turtle", "application/ld+json"):
        r = client.get("/sparql", params={"query": query}, headers={"Accept": accept})
        assert r.status_code == 200 and r.headers["content-type"].startswith(accept), r.text
        answers[accept] = r.content
    turtle = Graph().parse(data=answers["text/turtle"], format="turtle")
    read = Graph().parse(data=answers["application/ld+json"], format="json-ld", base="https://example.org/sparql")
    assert_isomorphic(turtle, read, literal)
    nquads = jsonld.to_rdf(
        json.loads(answers["application/ld+json"]),
        {"format": "application/n-quads", "base": "https://example.org/sparql"},
    )
    assert_isomorphic(turtle, Graph().parse(data=nquads, format="nt"), f"pyld: {literal}")


def test_the_framed_document_writer_keeps_a_literal_type_a_literal() -> None:
    """The document writer (framed JSON-LD) reads rdf:type as the answers' writer does."""
    import json

    import pyoxigraph as ox

    from sakrad_ld.jsonld import framed_jsonld
    from sakrad_ld.triples import RDF_TYPE

    s = ox.NamedNode("https://w3id.org/sakrad/id/x")
    triples = [ox.Triple(s, RDF_TYPE, ox.Literal("notaclass", language="en"))]
    doc = json.loads(framed_jsonld(triples, s.value))
    assert doc["type"] == [] and doc["rdf:type"] == {"@value": "notaclass", "@language": "en"}, doc


# --- XML answers are well-formed XML, or not sent ----------------------------------------------------

_XML_RESULTS = "application/sparql-results+xml"
_RDF_XML = "application/rdf+xml"


def _well_formed(body: bytes) -> None:
    from xml.parsers import expat

    expat.ParserCreate(namespace_separator=" ").Parse(body, True)


@pytest.mark.parametrize("char", ["\\u0001", "\\u000B", "\\u001F", "\\uFFFE"])
def test_a_value_xml_cannot_carry_is_not_sent_as_xml(client: TestClient, char: str) -> None:
    """XML 1.0 §2.2: U+0001–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE and U+FFFF are no
    characters of XML, not even as references. Before, the answer was 200 and no XML parser read
    it; now it is 406 naming the character and the formats that can carry it, or the next format
    the client takes."""
    import json

    select = f'SELECT ?x WHERE {{ BIND("a{char}b" AS ?x) }}'
    construct = f'CONSTRUCT {{ <urn:s> <urn:p> "a{char}b" }} WHERE {{}}'
    for query, accept, others in (
        (select, _XML_RESULTS, "application/sparql-results+json"),
        (construct, _RDF_XML, "text/turtle"),
    ):
        refused = client.get("/sparql", params={"query": query}, headers={"Accept": accept})
        assert refused.status_code == 406, (query, refused.status_code, refused.content[:300])
        detail = refused.json()["detail"]
        assert f"U+{char[2:].upper()}" in detail and "XML 1.0" in detail and others in detail, detail
        assert accept not in detail.split("can be given as")[1].split(";")[0], detail
        fallback = client.get("/sparql", params={"query": query}, headers={"Accept": f"{accept}, */*;q=0.1"})
        assert fallback.status_code == 200 and not fallback.headers["content-type"].startswith(accept)
        if query is select:
            assert json.loads(fallback.content)["results"]["bindings"][0]["x"]["value"] == f"a{chr(int(char[2:], 16))}b"


def test_a_carriage_return_survives_an_xml_answer(client: TestClient) -> None:
    """XML 1.0 §2.11: a parser reads a literal CR as LF, so it is written &#13;."""
    import pyoxigraph as ox
    from rdflib import Graph, Literal, URIRef

    select = client.get(
        "/sparql", params={"query": 'SELECT ?x WHERE { BIND("a\\rb\\r\\nc" AS ?x) }'}, headers={"Accept": _XML_RESULTS}
    )
    assert select.status_code == 200 and b"\r" not in select.content
    _well_formed(select.content)
    row = next(iter(ox.parse_query_results(select.content, format=ox.QueryResultsFormat.XML)))
    assert row["x"].value == "a\rb\r\nc"
    graph = client.get(
        "/sparql", params={"query": 'CONSTRUCT { <urn:s> <urn:p> "a\\rb" } WHERE {}'}, headers={"Accept": _RDF_XML}
    )
    assert graph.status_code == 200 and b"\r" not in graph.content
    _well_formed(graph.content)
    read = Graph().parse(data=graph.content, format="xml")
    assert set(read) == {(URIRef("urn:s"), URIRef("urn:p"), Literal("a\rb"))}


@pytest.mark.parametrize(
    "pattern",
    [
        "<urn:s> a <http://purl.org/dc/terms/1>",
        "<urn:s> <http://purl.org/dc/terms/1> 1",
        "<urn:s> <http://purl.org/dc/terms/a(b)> 1",
        "<urn:s> <http://purl.org/dc/terms/> 1",
    ],
)
def test_a_graph_with_a_property_no_xml_name_can_write_is_not_sent_as_rdf_xml(client: TestClient, pattern: str) -> None:
    """RDF 1.1 XML Syntax §2.2: a property (and a typed node's class) is written as an XML QName;
    pyoxigraph wrote ``<oxprefix: …>`` or ``<dct:>``, 200 and not XML. Now 406 naming the IRI, or
    the next format the client takes; an IRI that can be a name is still RDF/XML."""
    query = f"CONSTRUCT {{ {pattern} }} WHERE {{}}"
    refused = client.get("/sparql", params={"query": query}, headers={"Accept": _RDF_XML})
    assert refused.status_code == 406, refused.content[:400]
    detail = refused.json()["detail"]
    assert "cannot be written as application/rdf+xml" in detail and "<http://purl.org/dc/terms/" in detail, detail
    assert "text/turtle" in detail, detail
    fallback = client.get("/sparql", params={"query": query}, headers={"Accept": f"{_RDF_XML}, text/turtle;q=0.5"})
    assert fallback.status_code == 200 and fallback.headers["content-type"].startswith("text/turtle")
    fine = client.get(
        "/sparql",
        params={"query": "CONSTRUCT { <urn:s> <http://purl.org/dc/terms/a1> 1; a <urn:C> } WHERE {}"},
        headers={"Accept": _RDF_XML},
    )
    assert fine.status_code == 200 and fine.headers["content-type"].startswith(_RDF_XML)
    _well_formed(fine.content)


def test_the_query_command_says_what_xml_cannot_carry_and_exits_2(
    fixture_release: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``sakrad-ld query --format xml`` writes the same check's message, no traceback."""
    from sakrad_ld.cli import main

    code = main(
        ["query", "--release", str(fixture_release), "--format", "xml", 'SELECT ?x { BIND("a\\u0002b" AS ?x) }']
    )
    err = capsys.readouterr().err
    assert code == 2 and "U+0002" in err and "Traceback" not in err, err
