"""``/sparql?format=…``: the values Fuseki and Virtuoso take (and SPARQLWrapper sends) choose the
answer's format for every query form; a value the endpoint does not know is 400, never another format."""

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
from sakrad_ld.web.results import format_override

SELECT = "SELECT ?s WHERE { ?s a ?t } LIMIT 3"
ASK = "ASK { ?s ?p ?o }"
CONSTRUCT = "CONSTRUCT { ?s a ?t } WHERE { ?s a ?t } LIMIT 3"

RESULTS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPHS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}


@pytest.fixture(scope="module")
def client(fixture_release: Path) -> Iterator[TestClient]:
    with TestClient(create_app(fixture_release, Settings())) as c:
        yield c


def _get(client: TestClient, query: str, *formats: tuple[str, str], accept: str = "*/*"):
    return client.get("/sparql?" + urlencode([("query", query), *formats]), headers={"accept": accept})


@pytest.mark.parametrize(
    ("value", "media_type"),
    [
        ("json", "application/sparql-results+json"),
        ("xml", "application/sparql-results+xml"),
        ("csv", "text/csv"),
        ("tsv", "text/tab-separated-values"),
        ("XML", "application/sparql-results+xml"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("text/csv", "text/csv"),
    ],
)
def test_format_chooses_the_results_format_of_select_and_ask(client: TestClient, value: str, media_type: str) -> None:
    for query in (SELECT, ASK):  # Accept asks for JSON; the parameter wins, as a download link needs
        r = _get(client, query, ("format", value), accept="application/sparql-results+json")
        if query is ASK and media_type in ("text/csv", "text/tab-separated-values"):
            # no boolean in CSV or TSV (SELECT only): 406 naming the formats that have one
            assert r.status_code == 406, r.text
            detail = r.json()["detail"]
            assert "application/sparql-results+json" in detail and "application/sparql-results+xml" in detail
            assert "CSV and TSV" in detail and "format parameter" in detail
            continue
        assert r.status_code == 200, r.text
        assert r.headers["content-type"].split(";")[0] == media_type
        if media_type == "text/csv":  # oxigraph reads no CSV results (lossy): the header and the rows
            lines = r.content.decode().splitlines()
            assert lines[0] == "s" and len(lines) == 4
            continue
        parsed = ox.parse_query_results(r.content, format=RESULTS[media_type])
        if query is ASK:
            assert isinstance(parsed, ox.QueryBoolean) and bool(parsed)
        else:
            assert len(list(parsed)) == 3


@pytest.mark.parametrize(
    ("value", "media_type"),
    [
        ("turtle", "text/turtle"),
        ("ntriples", "application/n-triples"),
        ("rdfxml", "application/rdf+xml"),
        ("xml", "application/rdf+xml"),
        ("csv", "application/n-triples"),
        ("rdf+xml", "application/rdf+xml"),
        ("text/turtle", "text/turtle"),
    ],
)
def test_format_chooses_the_rdf_format_of_construct(client: TestClient, value: str, media_type: str) -> None:
    r = _get(client, CONSTRUCT, ("format", value), accept="application/ld+json")
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == media_type
    assert len(list(ox.parse(r.content, GRAPHS[media_type], base_iri="https://w3id.org/sakrad/"))) == 3


@pytest.mark.parametrize("value", ["jsonld", "json-ld", "json", "application/ld+json"])
def test_format_chooses_json_ld_for_construct(client: TestClient, value: str) -> None:
    r = _get(client, CONSTRUCT, ("format", value), accept="text/turtle")
    assert r.status_code == 200 and r.headers["content-type"].split(";")[0] == "application/ld+json"
    json.loads(r.content)


def test_format_html_is_the_page(client: TestClient) -> None:
    r = _get(client, SELECT, ("format", "html"), accept="application/sparql-results+json")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")


@pytest.mark.parametrize("value", ["yaml", "text/plain-ish", "application/octet-stream", "ttl2"])
def test_an_unknown_format_is_400_naming_the_values_taken(client: TestClient, value: str) -> None:
    r = _get(client, SELECT, ("format", value), accept="application/sparql-results+json")
    assert r.status_code == 400
    assert r.headers["content-type"] == "application/problem+json"
    detail = r.json()["detail"]
    assert value in detail and "json, xml, csv, tsv" in detail and "application/sparql-results+xml" in detail


def test_a_format_of_the_other_query_form_is_406_not_another_format(client: TestClient) -> None:
    assert _get(client, SELECT, ("format", "turtle")).status_code == 406
    assert _get(client, CONSTRUCT, ("format", "tsv")).status_code == 406


@pytest.mark.parametrize(
    "accept",
    ["text/n3", "application/trig", "application/sparql-results+json", "text/csv, text/tab-separated-values;q=0.5"],
)
def test_a_construct_asked_for_in_n3_trig_or_only_results_formats_gets_turtle(client: TestClient, accept: str) -> None:
    """text/n3 and application/trig are Turtle's aliases (a Turtle document is N3 and TriG of the
    default graph); an Accept listing only results formats (rdflib's SPARQLStore) gets Turtle, not 406."""
    r = _get(client, CONSTRUCT, accept=accept)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle"), (r.status_code, r.headers)
    assert len(list(ox.parse(r.content, ox.RdfFormat.TURTLE))) == 3
    r = _get(client, CONSTRUCT, ("format", "text/n3"), accept="application/sparql-results+json")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")


def test_sparqlwrapper_naming_one_format_twice_gets_it_and_two_formats_are_400(client: TestClient) -> None:
    # SPARQLWrapper repeats the value in format and output, and adds the media type for tsv
    r = _get(
        client,
        SELECT,
        ("format", "tsv"),
        ("format", "text/tab-separated-values"),
        ("output", "tsv"),
        ("output", "text/tab-separated-values"),
        ("results", "tsv"),
    )
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/tab-separated-values")
    r = _get(client, SELECT, ("output", "xml"))
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/sparql-results+xml")
    r = _get(client, SELECT, ("format", "json"), ("format", "xml"))
    assert r.status_code == 400 and "2 different formats" in r.json()["detail"]


def test_without_a_format_the_accept_header_decides() -> None:
    assert format_override([("query", "x")], "text/csv") == "text/csv"
    assert format_override([("query", "x"), ("format", "")], "text/csv") == "text/csv"
    assert format_override([("format", "text/csv; charset=utf-8")], None) == "text/csv"


def test_a_comma_separated_list_and_a_repeated_format_are_one_format() -> None:
    # what SPARQLWrapper 2.0.0 sends for JSONLD: the name, then its Accept header as a second value
    params = [("format", "json-ld"), ("format", "application/ld+json,application/x-json+ld")]
    params += [(n, v) for _, v in params for n in ("output", "results")]
    assert format_override(params, "application/ld+json,application/x-json+ld") == "application/ld+json"
    assert format_override([("format", "text/turtle, application/turtle")], None) == "text/turtle"
    assert format_override([("format", "json"), ("output", "application/ld+json")], None) == "application/ld+json"
    with pytest.raises(ValueError, match="2 different formats"):
        format_override([("format", "json-ld"), ("format", "text/turtle,text/n3")], None)
    with pytest.raises(ValueError, match="is not a format"):
        format_override([("format", "application/x-json+ld,text/x-unknown")], None)
    # text/n3 is an alias of Turtle in the format table: one format with text/turtle
    assert format_override([("format", "text/turtle,text/n3")], None) == "text/turtle"


#: Every return format of SPARQLWrapper 2.0.0, with the query forms it is for and the media type the
#: answer has for each form.
WRAPPER_FORMATS = {
    "JSON": {"SELECT": "application/sparql-results+json", "CONSTRUCT": "application/ld+json"},
    "XML": {"SELECT": "application/sparql-results+xml", "CONSTRUCT": "application/rdf+xml"},
    "CSV": {"SELECT": "text/csv"},
    "TSV": {"SELECT": "text/tab-separated-values"},
    "N3": {"CONSTRUCT": "text/turtle"},
    "TURTLE": {"CONSTRUCT": "text/turtle"},
    "RDF": {"CONSTRUCT": "application/rdf+xml"},
    "RDFXML": {"CONSTRUCT": "application/rdf+xml"},
    "JSONLD": {"CONSTRUCT": "application/ld+json"},
}
PARSERS = {
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}


def test_every_sparqlwrapper_return_format_gets_its_format_by_get_and_post(fixture_release: Path) -> None:
    """SPARQLWrapper itself, against the server on loopback: the request each of its constants makes
    (``format``, ``output`` and ``results``, an Accept list) is answered in that format."""
    wrapper = pytest.importorskip("SPARQLWrapper")
    from serving import serving

    assert sorted(getattr(wrapper, c) for c in WRAPPER_FORMATS) == sorted(wrapper.Wrapper._allowedFormats)
    with serving(create_app(fixture_release, Settings())) as root:
        for constant, forms in WRAPPER_FORMATS.items():
            for form, media_type in forms.items():
                for method in (wrapper.GET, wrapper.POST):
                    client = wrapper.SPARQLWrapper(f"{root}/sparql")
                    client.setQuery(SELECT if form == "SELECT" else CONSTRUCT)
                    client.setReturnFormat(getattr(wrapper, constant))
                    client.setMethod(method)
                    answer = client.query()  # a 400 raises QueryBadFormed
                    where = f"{constant} {form} {method}"
                    assert answer.response.headers["content-type"].split(";")[0] == media_type, where
                    body = answer.response.read()
                    if media_type in PARSERS:
                        triples = list(ox.parse(body, PARSERS[media_type], base_iri="https://w3id.org/sakrad/"))
                        assert len(triples) == 3, where
                    elif media_type in RESULTS and media_type != "text/csv":
                        assert len(list(ox.parse_query_results(body, format=RESULTS[media_type]))) == 3, where
                    else:
                        assert len(body.decode().splitlines()) == 4, where


def test_the_answer_page_of_an_ask_offers_no_csv_and_its_links_are_answered(client: TestClient) -> None:
    """An ASK's answer page links to its JSON only (true or false; CSV has no boolean), and every
    download link of a page is answered 200; a SELECT's page still offers CSV and JSON."""
    import re

    for query, labels in ((ASK, ["JSON"]), (SELECT, ["CSV", "JSON"])):
        page = _get(client, query, ("lang", "en"), accept="text/html").text
        links = re.findall(r'<a class="download" href="([^"]+)"[^>]*>([^<]+)</a>', page)
        assert [label for _, label in links] == labels, query
        for href, _ in links:
            assert client.get("/" + href.replace("&amp;", "&").removeprefix("/")).status_code == 200, href
