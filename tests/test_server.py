"""``sakrad-ld serve`` on a real socket: the SPARQL protocol, dereferenceable IRIs, files, hostile requests.

One server of the real release runs for the module (uvicorn on 127.0.0.1, a free port), with a
short time limit and a small result cap so both can be reached. Clients are real: httpx, the
standard library's http.client (which sends a path exactly as given), SPARQLWrapper and rdflib.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import http.client
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pyoxigraph as ox
import pytest
from graphs import assert_isomorphic
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, SKOS
from serving import serving

from sakrad_ld.cli import main
from sakrad_ld.serving.server import MAX_URL_LENGTH, create_app
from sakrad_ld.serving.settings import Settings
from sakrad_ld.sparql.store import Release, media_type_of
from sakrad_ld.web.describe import document_triples

TIMEOUT = 5.0  # the time limit of the server whose limit is tested (the other requests answer well within it)
PATIENT = (
    60.0  # the time limit of the server the other tests use: no query of theirs meets it, however busy the machine
)
CAP = 300
MEETING = "2017-12-12-integration"
BASE = "https://w3id.org/sakrad/"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
SELECT = "SELECT ?q ?text WHERE { ?q <https://schema.org/text> ?text } ORDER BY ?q"


@pytest.fixture(scope="module")
def app(release: Path):
    return create_app(release, Settings(timeout=PATIENT, result_cap=CAP, cache_max_age=600))


@pytest.fixture(scope="module")
def strict_app(release: Path):
    """A server whose time limit a slow query meets within the test."""
    return create_app(release, Settings(timeout=TIMEOUT, result_cap=CAP, cache_max_age=600))


@pytest.fixture(scope="module")
def strict_client(strict_app) -> Iterator[httpx.Client]:
    with serving(strict_app) as root, httpx.Client(base_url=root, timeout=60) as c:
        yield c


@pytest.fixture(scope="module")
def url(app) -> Iterator[str]:
    with serving(app) as root:
        yield root


@pytest.fixture(autouse=True)
def published_context(release: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """rdflib fetches no JSON-LD context: every document and answer carries its own inline."""
    import rdflib.plugins.shared.jsonld.context as jsonld_context

    def source_to_json(source: object, *args: object, **kwargs: object) -> tuple[object, object]:
        raise AssertionError(f"rdflib was sent to fetch {source}")

    monkeypatch.setattr(jsonld_context, "source_to_json", source_to_json)


@pytest.fixture(scope="module")
def client(url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=url, timeout=30) as c:
        yield c


def raw_get(url: str, target: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    """GET with the request target sent byte for byte (no client-side normalisation of ``..``)."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        conn.putrequest("GET", target, skip_accept_encoding=True)
        for name, value in (headers or {}).items():
            conn.putheader(name, value)
        conn.endheaders()
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


def rows(response: httpx.Response) -> list[list[str]]:
    parsed = ox.parse_query_results(response.content, format=ox.QueryResultsFormat.TSV)
    return [[str(s[v]) for v in parsed.variables] for s in parsed]


# --- the SPARQL 1.1 Protocol -------------------------------------------------------------------


def test_get_and_both_kinds_of_post_give_the_same_answer(client: httpx.Client) -> None:
    tsv = {"accept": "text/tab-separated-values"}
    by_get = client.get("/sparql", params={"query": SELECT}, headers=tsv)
    by_form = client.post("/sparql", data={"query": SELECT}, headers=tsv)
    by_body = client.post(
        "/sparql", content=SELECT.encode(), headers={**tsv, "content-type": "application/sparql-query"}
    )
    for response in (by_get, by_form, by_body):
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("text/tab-separated-values")
    assert rows(by_get) == rows(by_form) == rows(by_body)
    assert len(rows(by_get)) >= 4 and any("/question/1>" in r[0] for r in rows(by_get))


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("*/*", "application/sparql-results+json"),
        ("text/html", "text/html"),
    ],
)
def test_results_format_follows_accept(client: httpx.Client, accept: str, media_type: str) -> None:
    response = client.get("/sparql", params={"query": SELECT}, headers={"accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media_type
    assert "Accept" in response.headers["vary"]
    if media_type == "application/sparql-results+json":
        assert len(response.json()["results"]["bindings"]) == len(
            rows(client.get("/sparql", params={"query": SELECT}, headers={"accept": "text/tab-separated-values"}))
        )
    if media_type == "text/html":
        assert "<table" in response.text and 'href="doc/meeting/' in response.text  # names linked to pages


@pytest.mark.parametrize(
    "accept", ["text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json"]
)
def test_construct_and_describe_give_rdf(client: httpx.Client, release: Path, accept: str) -> None:
    meeting = f"<{BASE}id/meeting/{MEETING}>"
    for query in (f"CONSTRUCT {{ {meeting} ?p ?o }} WHERE {{ {meeting} ?p ?o }}", f"DESCRIBE {meeting}"):
        response = client.post("/sparql", data={"query": query}, headers={"accept": accept})
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].split(";")[0] == accept
        served = Graph().parse(data=response.content, format=accept.split(";")[0], publicID=str(client.base_url))
        local = Graph()
        for triple in Release.open(release).store.query(query):
            local.add(tuple(URIRef(t.value) if isinstance(t, ox.NamedNode) else _literal(t) for t in triple))
        assert_isomorphic(local, served, f"{query} as {accept}")


def _literal(term: ox.Literal):
    from rdflib import Literal

    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == "http://www.w3.org/2001/XMLSchema#string":
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def test_a_browser_opening_the_endpoint_gets_the_query_form(client: httpx.Client) -> None:
    response = client.get("/sparql", headers={"accept": "text/html"})
    assert response.status_code == 303 and response.headers["location"] == "/#sparql"
    form = client.get("/", headers={"accept": "text/html"})
    assert 'id="sparql"' in form.text and ('action="/sparql"' in form.text or 'action="sparql"' in form.text)


BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"


@pytest.mark.parametrize(
    ("params", "accept", "form"),
    [
        ({"lang": "en"}, BROWSER, "/en/#sparql"),
        ({"lang": "sv"}, BROWSER, "/#sparql"),
        ({"lang": "EN "}, "text/html", "/en/#sparql"),
        ({"format": "html"}, "*/*", "/#sparql"),
        ({"format": "html", "lang": "en"}, "application/sparql-results+json", "/en/#sparql"),
        ({"lang": "fr"}, BROWSER, "/#sparql"),
    ],
)
def test_a_browser_opening_the_endpoint_with_a_persons_parameters_gets_the_form_in_its_language(
    client: httpx.Client, params: dict[str, str], accept: str, form: str
) -> None:
    """A link a person follows (``/sparql?lang=en``) is sent to the query form as ``/sparql`` is, in
    the language it names, never given the protocol's JSON 400 meant for programs."""
    for method in ("GET", "HEAD"):
        response = client.request(method, "/sparql", params=params, headers={"accept": accept})
        assert response.status_code == 303, (method, params, response.text[:300])
        assert response.headers["location"] == form
    page = client.get(form.partition("#")[0], headers={"accept": "text/html"})
    assert page.status_code == 200 and 'id="sparql"' in page.text


@pytest.mark.parametrize(
    ("params", "accept"),
    [
        ({"lang": "en"}, "application/sparql-results+json"),  # a program: the protocol's answer
        ({"lang": "en", "default-graph-uri": "x"}, "text/html"),  # names a dataset but no query
        ({"format": "json"}, "text/html"),  # asks for a format that is no page
    ],
)
def test_a_request_without_a_query_that_is_no_persons_link_is_still_refused(
    client: httpx.Client, params: dict[str, str], accept: str
) -> None:
    response = client.get("/sparql", params=params, headers={"accept": accept})
    assert response.status_code == 400 and "exactly one query" in response.text


def test_ask(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": f"ASK {{ <{BASE}id/meeting/{MEETING}> ?p ?o }}"})
    assert response.status_code == 200 and response.json()["boolean"] is True


@pytest.mark.parametrize(
    "request_kind", ["update-form", "update-body", "update-get", "update-in-url-of-form", "update-in-url-of-query"]
)
def test_updates_are_refused(client: httpx.Client, request_kind: str) -> None:
    update = "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }"
    if request_kind == "update-in-url-of-form":  # a POST's URL parameters count with its body's
        response = client.post("/sparql", params={"update": update}, data={"query": "ASK {}"})
    elif request_kind == "update-in-url-of-query":
        response = client.post(
            "/sparql", params={"update": update}, content="ASK {}", headers={"content-type": "application/sparql-query"}
        )
    elif request_kind == "update-form":
        response = client.post("/sparql", data={"update": update})
    elif request_kind == "update-body":
        response = client.post("/sparql", content=update, headers={"content-type": "application/sparql-update"})
    else:
        response = client.get("/sparql", params={"update": update})
    assert response.status_code == 403
    assert response.headers["content-type"] == "application/problem+json"
    assert "read-only" in response.json()["detail"]
    ask = client.get("/sparql", params={"query": "ASK { <http://example.org/a> ?p ?o }"})
    assert ask.json()["boolean"] is False


def test_an_update_sent_as_a_query_is_a_syntax_error(client: httpx.Client) -> None:
    response = client.post("/sparql", data={"query": "DELETE WHERE { ?s ?p ?o }"})
    assert response.status_code == 400 and "not valid SPARQL" in response.json()["detail"]


def test_malformed_sparql_gives_400_with_the_parsers_message(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p }"})
    assert response.status_code == 400
    problem = response.json()
    assert problem["status"] == 400 and problem["title"] == "Bad Request"
    assert "error at 1:" in problem["detail"] and "expected" in problem["detail"]


@pytest.mark.parametrize(
    ("kwargs", "status", "words"),
    [
        (
            {"method": "POST", "content": b"", "headers": {"content-type": "application/x-www-form-urlencoded"}},
            400,
            "exactly one query",
        ),
        ({"params": [("query", "ASK {}"), ("query", "ASK {}")]}, 400, "this request has 2"),
        ({"method": "POST", "content": b"query=ASK{}", "headers": {"content-type": "text/plain"}}, 415, "Content-Type"),
        (
            {"method": "POST", "content": b"\xff\xfe", "headers": {"content-type": "application/sparql-query"}},
            400,
            "UTF-8",
        ),
        (
            {"method": "POST", "content": b"x" * 300_000, "headers": {"content-type": "application/sparql-query"}},
            413,
            "bytes",
        ),
        ({"params": {"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"}}, 400, "SERVICE"),
        ({"method": "PUT", "content": b"x"}, 405, "not allowed"),
    ],
)
def test_requests_the_protocol_does_not_allow(client: httpx.Client, kwargs: dict, status: int, words: str) -> None:
    method = kwargs.pop("method", "GET")
    response = client.request(
        method, "/sparql", headers={"accept": "application/json", **kwargs.pop("headers", {})}, **kwargs
    )
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert words in response.json()["detail"]


@pytest.mark.parametrize(
    ("content_type", "body", "where"),
    [
        ("application/x-www-form-urlencoded", b"query=ASK%7B%7D", "in the form body"),
        ("application/sparql-query", b"ASK {}", "as the body (application/sparql-query)"),
    ],
)
def test_a_query_both_in_the_url_and_in_the_body_is_refused_saying_where(
    client: httpx.Client, content_type: str, body: bytes, where: str
) -> None:
    response = client.post(
        "/sparql", params={"query": "ASK { ?s ?p ?o }"}, content=body, headers={"content-type": content_type}
    )
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/problem+json"
    detail = response.json()["detail"]
    assert "given twice" in detail and "in the URL (?query=" in detail and where in detail
    # each place alone is one query
    alone = client.post("/sparql", content=body, headers={"content-type": content_type, "accept": "application/json"})
    assert alone.status_code == 200 and alone.json()["boolean"] is True


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/x-www-form-urlencoded", b"query=ASK%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D"),
        ("application/sparql-query", b"ASK { ?s ?p ?o }"),
    ],
)
def test_both_kinds_of_post_take_the_dataset_named_in_the_url(
    client: httpx.Client, release: Path, content_type: str, body: bytes
) -> None:
    headers = {"content-type": content_type, "accept": "application/json"}
    graph = Release.open(release).graph
    elsewhere = client.post("/sparql", params={"default-graph-uri": "http://x/"}, content=body, headers=headers)
    assert elsewhere.status_code == 400, elsewhere.text
    assert "http://x/" in elsewhere.json()["detail"] and "default-graph-uri" in elsewhere.json()["detail"]
    named = client.post("/sparql", params={"named-graph-uri": graph}, content=body, headers=headers)
    assert named.status_code == 200 and named.json()["boolean"] is False  # FROM NAMED alone: an empty default graph
    release_graph = client.post("/sparql", params={"default-graph-uri": graph}, content=body, headers=headers)
    assert release_graph.status_code == 200 and release_graph.json()["boolean"] is True


def test_a_query_past_the_cap_is_stopped_with_a_clear_answer(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert response.status_code == 422
    problem = response.json()
    assert problem["cap"] == CAP and f"more than {CAP} rows" in problem["detail"] and "LIMIT" in problem["detail"]
    assert client.get("/sparql", params={"query": f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT {CAP}"}).status_code == 200


def test_a_query_past_the_time_limit_is_stopped_and_its_worker_killed(strict_app, strict_client: httpx.Client) -> None:
    app, client = strict_app, strict_client
    pool = app.state.releases.current.pool
    assert client.get("/sparql", params={"query": "ASK {}"}).status_code == 200  # the workers are up
    before = set(pool.pids)
    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(1) as executor:
        slow = executor.submit(lambda: (client.post("/sparql", data={"query": SLOW}), time.monotonic()))
        while pool.busy == 0 and not slow.done():
            time.sleep(0.01)  # until the slow query runs in a worker
        answered = []  # the other worker, and the pages, answer while the slow query runs
        for path in ("/sparql?query=ASK%7B%7D", f"/doc/meeting/{MEETING}.ttl", "/"):
            assert client.get(path).status_code == 200
            answered.append(time.monotonic())
        response, slow_answered = slow.result()
    took = slow_answered - started
    assert max(answered) < slow_answered, "a request waited for the slow query"
    assert response.status_code == 503, response.text
    assert f"longer than {TIMEOUT:g} s" in response.json()["detail"]
    # a worker was free: it was stopped at the limit, not before, and not let run for long after it
    # (the bound is on waiting, generous for a busy machine: a query never stopped would run for minutes)
    assert TIMEOUT <= took < TIMEOUT + 30, f"the answer came after {took:.2f} s"
    killed = before - set(pool.pids)
    assert len(killed) == 1 and pool.timeouts >= 1
    (pid,) = killed
    assert not os.path.exists(f"/proc/{pid}") or "zombie" in Path(f"/proc/{pid}/status").read_text().lower()
    # the other worker, loaded, answers at once: no 503 for a worker still loading after the wait
    answer = client.get("/sparql", params={"query": SELECT})
    assert answer.status_code == 200, answer.text[:300]


def test_cors(client: httpx.Client) -> None:
    origin = "https://example.org"
    preflight = client.options(
        "/sparql",
        headers={
            "origin": origin,
            "access-control-request-method": "POST",
            "access-control-request-headers": "content-type",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] in ("*", origin)
    assert "POST" in preflight.headers["access-control-allow-methods"]
    simple = client.get("/sparql", params={"query": "ASK {}"}, headers={"origin": origin})
    assert simple.headers["access-control-allow-origin"] in ("*", origin)
    doc = client.get(f"/doc/meeting/{MEETING}.ttl", headers={"origin": origin})
    assert doc.headers["access-control-allow-origin"] in ("*", origin)
    assert "ETag" in doc.headers["access-control-expose-headers"]


def test_sparqlwrapper_as_a_consumer(url: str) -> None:
    from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

    endpoint = SPARQLWrapper(url + "/sparql")
    endpoint.setQuery("PREFIX schema: <https://schema.org/> SELECT ?text WHERE { ?q schema:text ?text } ORDER BY ?q")
    endpoint.setReturnFormat(JSON)
    bindings = endpoint.query().convert()["results"]["bindings"]
    languages = {b["text"].get("xml:lang") for b in bindings}  # every text has its language
    assert "sv" in languages and languages <= {"sv", "en"} and len(bindings) >= 4
    endpoint.setMethod(POST)
    endpoint.setQuery(f"ASK {{ <{BASE}id/meeting/{MEETING}> a <https://w3id.org/sakrad/ontology#Sakrad> }}")
    assert endpoint.query().convert()["boolean"] is True
    endpoint.setQuery(f"DESCRIBE <{BASE}id/organisation/radda-barnen>")
    endpoint.setReturnFormat(TURTLE)
    graph = Graph().parse(data=endpoint.query().convert(), format="turtle")
    assert (URIRef(f"{BASE}id/organisation/radda-barnen"), SKOS.prefLabel, None) in graph
    endpoint.setQuery("SELECT * WHERE { ?s ?p }")
    endpoint.setReturnFormat(JSON)
    with pytest.raises(QueryBadFormed, match="error at 1:"):
        endpoint.query()


# --- dereferenceable IRIs ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("iri", "document"),
    [
        (f"{BASE}id/meeting/{MEETING}", f"/doc/meeting/{MEETING}"),
        (f"{BASE}id/organisation/radda-barnen", "/doc/organisation/radda-barnen"),
        (f"{BASE}id/person/anders-kessling", "/doc/person/anders-kessling"),
        (f"{BASE}id/body/integrationsenheten", "/doc/body/integrationsenheten"),
    ],
)
def test_a_thing_answers_303_to_the_document_in_the_format_asked_for(
    client: httpx.Client, iri: str, document: str
) -> None:
    path = iri[len(BASE) - 1 :]
    for accept, suffix in (
        ("text/turtle", ".ttl"),
        ("application/ld+json", ".jsonld"),
        ("text/html", ".html"),
        ("application/n-triples", ".nt"),
        ("application/rdf+xml", ".rdf"),
    ):
        response = client.get(path, headers={"accept": accept})
        assert response.status_code == 303
        assert response.headers["location"] == document + suffix
        assert "Accept" in response.headers["vary"]


def test_a_part_answers_303_to_its_wholes_document(client: httpx.Client) -> None:
    response = client.get(f"/id/meeting/{MEETING}/question/2", headers={"accept": "text/turtle"})
    assert response.status_code == 303
    assert response.headers["location"] == f"/doc/meeting/{MEETING}.ttl#question/2"


@pytest.mark.parametrize(
    "accept", [None, "text/turtle", "application/ld+json", "application/rdf+xml", "application/n-triples"]
)
def test_rdflib_dereferences_iris_by_content_negotiation(url: str, release: Path, accept: str | None) -> None:
    store = Release.open(release).store
    for iri in (
        f"{BASE}id/meeting/{MEETING}",
        f"{BASE}id/organisation/radda-barnen",
        "https://w3id.org/sakrad/role/chair",
    ):
        served = Graph()
        target = url + iri[len("https://w3id.org/sakrad") :]
        if accept is None:
            served.parse(target)  # rdflib's own Accept header, and its own choice of parser
        else:
            served.parse(
                target,
                format={
                    "text/turtle": "turtle",
                    "application/ld+json": "json-ld",
                    "application/rdf+xml": "xml",
                    "application/n-triples": "nt",
                }[accept],
            )
        expected = Graph()
        for t in document_triples(store, iri):
            expected.add(tuple(URIRef(x.value) if isinstance(x, ox.NamedNode) else _literal(x) for x in t))
        assert_isomorphic(expected, served, f"{iri} ({accept})")


def test_every_variant_of_a_document_is_the_same_graph_with_headers_for_caches(client: httpx.Client) -> None:
    graphs = []
    etags = set()
    for suffix, media_type, parser in (
        (".ttl", "text/turtle", "turtle"),
        (".nt", "application/n-triples", "nt"),
        (".rdf", "application/rdf+xml", "xml"),
        (".jsonld", "application/ld+json", "json-ld"),
    ):
        response = client.get(f"/doc/meeting/{MEETING}{suffix}")
        assert response.status_code == 200
        assert response.headers["content-type"].split(";")[0] == media_type
        assert response.headers["cache-control"] == "public, max-age=600"
        etag = response.headers["etag"]
        etags.add(etag)
        again = client.get(f"/doc/meeting/{MEETING}{suffix}", headers={"if-none-match": etag})
        assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
        graphs.append(Graph().parse(data=response.content, format=parser, publicID=str(client.base_url)))
    assert len(etags) == 4
    for g in graphs[1:]:
        assert_isomorphic(graphs[0], g)
    meeting = URIRef(f"{BASE}id/meeting/{MEETING}")
    assert len(list(graphs[0].objects(meeting, URIRef("https://w3id.org/sakrad/ontology#question")))) == 4
    negotiated = client.get(f"/doc/meeting/{MEETING}", headers={"accept": "application/n-triples"})
    assert negotiated.headers["vary"].startswith("Accept")
    assert negotiated.headers["content-location"] == f"/doc/meeting/{MEETING}.nt"
    assert f'</doc/meeting/{MEETING}.jsonld>; rel="alternate"' in negotiated.headers["link"]


def test_the_jsonld_context_is_the_published_one_whatever_the_host_header(client: httpx.Client) -> None:
    published = client.get("/context.jsonld").json()["@context"]
    for host in (None, "evil.example", "127.0.0.1:1"):
        headers = {"host": host} if host else {}
        doc = client.get(f"/doc/meeting/{MEETING}.jsonld", headers=headers).json()
        assert {k: published[k] for k in doc["@context"]} == doc["@context"] and "title" in doc["@context"], host
        meeting = f"<{BASE}id/meeting/{MEETING}>"
        answer = client.post(
            "/sparql",
            data={"query": f"CONSTRUCT {{ {meeting} ?p ?o }} WHERE {{ {meeting} ?p ?o }}"},
            headers={**headers, "accept": "application/ld+json"},
        )
        assert {k: published[k] for k in answer.json()["@context"]} == answer.json()["@context"], host
    context = client.get("/context.jsonld")
    assert context.status_code == 200 and context.headers["content-type"] == "application/ld+json"
    assert "@context" in context.json()


def test_406_for_a_media_type_it_cannot_give(client: httpx.Client) -> None:
    for path in (f"/doc/meeting/{MEETING}", f"/id/meeting/{MEETING}", "/ontology"):
        response = client.get(path, headers={"accept": "image/png"})
        assert response.status_code == 406
        assert response.headers["content-type"] == "application/problem+json"
        assert "text/turtle" in response.json()["detail"] and ".ttl" in response.json()["detail"]


@pytest.mark.parametrize(
    "path",
    [
        "/id/meeting/no-such-meeting",
        "/doc/organisation/no-such-organisation",
        "/id/nonsense/x",
        "/role/no-such-role",
        "/no/such/file.ttl",
    ],
)
def test_404_with_a_helpful_page_for_an_unknown_iri(client: httpx.Client, path: str) -> None:
    page = client.get(path, headers={"accept": "text/html"})
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "Hittades inte" in page.text and ('href="/"' in page.text or 'href="/index.html"' in page.text)
    problem = client.get(path, headers={"accept": "application/json"})
    assert problem.status_code == 404 and problem.headers["content-type"] == "application/problem+json"
    assert problem.json()["status"] == 404


@pytest.mark.parametrize("path", ["/en/no/such/page.html", "/en/doc/meeting/no-such-meeting.html", "/en/lists/x"])
def test_404_below_en_is_the_english_page(client: httpx.Client, path: str) -> None:
    page = client.get(path, headers={"accept": "text/html"})
    assert page.status_code == 404 and '<html lang="en">' in page.text, page.text[:300]
    assert "Not found" in page.text and "Hittades inte" not in page.text
    swedish = client.get(path.removeprefix("/en"), headers={"accept": "text/html"})
    assert swedish.status_code == 404 and '<html lang="sv">' in swedish.text and "Hittades inte" in swedish.text


def test_the_ontology_at_its_namespace_iri(client: httpx.Client) -> None:
    page = client.get("/ontology", headers={"accept": "text/html"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert 'id="Sakrad"' in page.text or "Sakrad" in page.text
    turtle = client.get("/ontology", headers={"accept": "text/turtle"})
    assert turtle.status_code == 200
    g = Graph().parse(data=turtle.text, format="turtle")
    assert (URIRef("https://w3id.org/sakrad/ontology"), RDF.type, OWL.Ontology) in g
    assert (URIRef("https://w3id.org/sakrad/ontology#Sakrad"), RDF.type, OWL.Class) in g
    assert client.get("/ontology.rdf").headers["content-type"] == "application/rdf+xml"
    roles = Graph().parse(data=client.get("/role.ttl").text, format="turtle")
    assert (
        URIRef("https://w3id.org/sakrad/role/chair"),
        SKOS.inScheme,
        URIRef("https://w3id.org/sakrad/role"),
    ) in roles


def test_release_files_are_downloadable_with_their_media_types(client: httpx.Client, release: Path) -> None:
    sums = dict(reversed(line.split("  ", 1)) for line in (release / "SHA256SUMS").read_text().splitlines())
    assert sums, "the release has checksums"
    for name, digest in sums.items():
        # the pages link to /download/…; the catalogue's download URLs are {base}{file}
        for path in (f"/download/{name}", *([f"/{name}"] if "/" not in name else [])):
            response = client.get(path)
            assert response.status_code == 200, path
            assert hashlib.sha256(response.content).hexdigest() == digest, path
            assert response.headers["content-type"] == media_type_of(name.rsplit("/", 1)[-1])
            assert response.headers["etag"] == f'"{digest[:32]}"'
    assert client.get("/download/sakrad.ttl").headers["content-type"].startswith("text/turtle")
    assert client.get("/download/sakrad.nt").headers["content-type"] == "application/n-triples"


# --- hostile and broken requests ---------------------------------------------------------------


@pytest.mark.parametrize(
    "target",
    [
        "/download/../pyproject.toml",
        "/../../../../etc/passwd",
        "/download/..%2f..%2f..%2fetc%2fpasswd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/download/%2e%2e/SHA256SUMS/../../README.md",
        "//etc/passwd",
        "/download//etc/passwd",
        "/download/%00",
        "/download/meetings/..\\..\\SHA256SUMS",
        "/doc/../../etc/passwd",
        "/id/../../etc/passwd",
        "/download/ontology/../../../etc/passwd",
    ],
)
def test_path_traversal_reaches_nothing_outside_the_release(url: str, target: str) -> None:
    status, _headers, body = raw_get(url, target)
    assert status in (400, 404), (target, status)
    assert b"root:" not in body and b"[project]" not in body


def test_absurd_accept_headers_are_answered_safely(url: str) -> None:
    for accept in ("x/y;q=0.5," * 800, "*/*;q=nan", "text/turtle;q=-1", "\t;,;,/", "*/html", "text/turtle;" * 500):
        status, _headers, _ = raw_get(url, f"/doc/meeting/{MEETING}", {"accept": accept})
        assert status in (200, 406), (accept[:40], status)
        status, _, _ = raw_get(url, "/sparql?query=ASK%7B%7D", {"accept": accept})
        assert status in (200, 406)


def test_very_long_urls_are_refused_with_414(url: str) -> None:
    status, _headers, body = raw_get(url, "/sparql?query=" + "A" * (MAX_URL_LENGTH + 10))
    assert status == 414 and b"POST" in body
    status, _, _ = raw_get(url, "/doc/" + "x/" * 5000)
    assert status == 414
    status, _, _ = raw_get(url, "/id/meeting/" + "a" * 60_000)
    assert status in (400, 414, 431)  # uvicorn may refuse first; never a 5xx


def test_unknown_and_malformed_iris_are_answered_safely(url: str) -> None:
    for target in (
        "/id/meeting/%ff%fe",
        "/id/meeting/a%20b",
        "/id/meeting/<script>",
        "/id/",
        "/doc/",
        "/role/",
        "/doc/meeting/x/y/z.ttl",
        "/id/meeting/%3E%20%7D",
        "/ontology/../ontology",
    ):
        status, _headers, body = raw_get(url, target, {"accept": "text/html"})
        assert status in (303, 404, 400), (target, status)
        assert b"<script>" not in body


# --- the CLI's smoke test without a socket -----------------------------------------------------


def test_serve_get_answers_one_request(release: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    code = main(["serve", "--release", str(release), "--get", f"/doc/meeting/{MEETING}.ttl"])
    out = capsysbinary.readouterr()
    assert code == 0 and f"<{BASE}id/meeting/{MEETING}>".encode() in out.out
    code = main(["serve", "--release", str(release), "--get", f"/id/meeting/{MEETING}", "--accept", "text/turtle"])
    out = capsysbinary.readouterr()
    assert code == 0 and b"HTTP 303" in out.err and f"location: /doc/meeting/{MEETING}.ttl".encode() in out.err
    code = main(["serve", "--release", str(release), "--get", "/sparql?query=ASK%7B%7D"])
    assert code == 0 and json.loads(capsysbinary.readouterr().out)["boolean"] is True
    code = main(["serve", "--release", str(release), "--get", "/id/meeting/none"])
    assert code == 1
    code = main(["serve", "--release", str(release), "--timeout", "0", "--get", "/"])
    assert code == 2 and b"timeout must be positive" in capsysbinary.readouterr().err


def test_every_iri_minted_under_the_base_resolves(client: httpx.Client, release: Path) -> None:
    """Every IRI under the base in the data, the ontology and the catalogue (things, the dataset, the
    catalogue, distributions, linksets, quality measurements, files): 303 to a document about it, or 200."""
    store = Release.open(release).store
    minted = sorted(
        {
            t.value.split("#")[0]
            for q in store.quads_for_pattern(None, None, None)
            for t in (q.subject, q.object)
            if isinstance(t, ox.NamedNode) and t.value.startswith(BASE)
        }
    )
    assert len(minted) > 100 and any("/id/" not in iri for iri in minted)
    documents: dict[str, Graph] = {}
    broken = []
    for iri in minted:
        response = client.get(iri[len(BASE) - 1 :], headers={"accept": "text/turtle"})
        if response.status_code == 200:
            continue  # a document or file itself (the ontology, /role, /sakrad.ttl, the start page)
        if response.status_code != 303:
            broken.append(f"{iri}: {response.status_code}")
            continue
        document = response.headers["location"].split("#")[0]
        if document not in documents:
            answer = client.get(document)
            documents[document] = (
                Graph().parse(data=answer.text, format="turtle") if answer.status_code == 200 else Graph()
            )
        if (URIRef(iri), None, None) not in documents[document] and (None, None, URIRef(iri)) not in documents[
            document
        ]:
            broken.append(f"{iri}: not in its document {document}")
    assert not broken, f"{len(broken)} IRIs that do not resolve to a document about them:\n" + "\n".join(broken)


def test_head_answers_like_get_without_a_body(url: str) -> None:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        conn.request("HEAD", f"/doc/meeting/{MEETING}.ttl")
        response = conn.getresponse()
        assert response.status == 200 and response.read() == b""
        assert response.getheader("content-type").startswith("text/turtle") and response.getheader("etag")
    finally:
        conn.close()


# --- what every answer says about itself ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("PUT", "/sparql", {"GET", "HEAD", "POST"}),
        ("DELETE", "/sparql", {"GET", "HEAD", "POST"}),
        ("POST", f"/doc/meeting/{MEETING}.ttl", {"GET", "HEAD"}),
        ("PUT", f"/id/meeting/{MEETING}", {"GET", "HEAD"}),
        ("POST", "/catalog.ttl", {"GET", "HEAD"}),
    ],
)
def test_a_method_not_allowed_says_which_are(client: httpx.Client, method: str, path: str, allowed: set[str]) -> None:
    response = client.request(method, path, content=b"x")
    assert response.status_code == 405
    assert {m.strip() for m in response.headers["allow"].split(",")} == allowed
    assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize(
    "path", [f"/doc/meeting/{MEETING}", f"/id/meeting/{MEETING}", "/sparql", "/dataset", "/graph/{version}"]
)
def test_a_negotiated_answer_that_finds_no_format_varies_by_accept(
    client: httpx.Client, release: Path, path: str
) -> None:
    version = json.loads((release / "manifest.json").read_text(encoding="utf-8"))["version"]
    response = client.get(path.replace("{version}", version), headers={"accept": "image/png"})
    assert response.status_code == 406, response.text
    assert "accept" in [v.strip().lower() for v in response.headers["vary"].split(",")]


@pytest.mark.parametrize("accept", ["text/html", "application/json"])
def test_a_404_varies_by_accept(client: httpx.Client, accept: str) -> None:
    response = client.get("/doc/meeting/no-such-meeting", headers={"accept": accept})
    assert response.status_code == 404
    assert "accept" in [v.strip().lower() for v in response.headers["vary"].split(",")]


@pytest.mark.parametrize(
    ("accept", "target", "media_type"),
    [
        ("text/turtle", "/sakrad.ttl", "text/turtle"),
        ("application/ld+json", "/sakrad.jsonld", "application/ld+json"),
        ("application/n-triples", "/sakrad.nt", "application/n-triples"),
        ("text/html", "/dataset.html", "text/html"),
    ],
)
def test_the_release_graphs_iri_leads_to_the_releases_data(
    client: httpx.Client, release: Path, accept: str, target: str, media_type: str
) -> None:
    graph = Release.open(release).graph
    assert graph.startswith(BASE + "graph/")
    path = "/" + graph.removeprefix(BASE)
    see_other = client.get(path, headers={"accept": accept})
    assert see_other.status_code == 303 and see_other.headers["location"] == target
    assert "Accept" in see_other.headers["vary"]
    data = client.get(target, headers={"accept": accept})
    assert data.status_code == 200 and data.headers["content-type"].startswith(media_type)
    assert client.get("/graph/0.0.1", headers={"accept": accept}).status_code == 404
