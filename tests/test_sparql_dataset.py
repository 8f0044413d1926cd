"""The dataset a query asks for: honoured where the service holds it, refused with 400 otherwise.

A query names its dataset with ``FROM`` and ``FROM NAMED``, a protocol request with
``default-graph-uri`` and ``named-graph-uri`` (which replace the query's, SPARQL 1.1 Protocol
§2.1.4). The service holds one graph, the release's ``{base}graph/{version}``. A request for it is
answered from it; a request for any other graph (one source document's graph of ``sakrad.nq``, or
a graph elsewhere) gets 400 saying what was given, where, and what the service holds, never an
answer from an empty or a different graph. The query cases are on disk in ``tests/hostile/sparql/``
(``from-*.rq``, run against the server and the command line by ``test_hardening.py``); this module
sends the protocol's parameters through real clients over loopback, and checks what the external
store is sent.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qsl

import httpx
import pyoxigraph as ox
import pytest
from serving import serving

from sakrad_ld.errors import QueryError
from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings
from sakrad_ld.sparql.query import evaluate, query_dataset
from sakrad_ld.sparql.remotestore import RemoteStore
from sakrad_ld.sparql.store import Release

BASE = "https://w3id.org/sakrad/"
SOURCE = BASE + "id/source/regeringen-2022-12-demokrativillkor"
ELSEWHERE = "http://example.org/elsewhere"
HAS_MEETING = "ASK { ?m a <https://w3id.org/sakrad/ontology#Sakrad> }"


@pytest.fixture(scope="module")
def graph(release: Path) -> str:
    return Release.open(release).graph


@pytest.fixture(scope="module")
def client(release: Path) -> Iterator[httpx.Client]:
    with (
        serving(create_app(release, Settings(timeout=60, reload_interval=0))) as root,
        httpx.Client(base_url=root, timeout=90) as c,
    ):
        yield c


def _ask(client: httpx.Client, query: str, **params: str | list[str]) -> httpx.Response:
    return client.get(
        "/sparql", params={"query": query, **params}, headers={"accept": "application/sparql-results+json"}
    )


def test_the_release_graph_is_the_default_graph_without_a_dataset(client: httpx.Client, graph: str) -> None:
    assert _ask(client, HAS_MEETING).json()["boolean"] is True
    named = client.get(
        "/sparql",
        params={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"},
        headers={"accept": "application/sparql-results+json"},
    ).json()
    assert [row["g"]["value"] for row in named["results"]["bindings"]] == [graph]


@pytest.mark.parametrize("parameter", ["default-graph-uri", "named-graph-uri"])
@pytest.mark.parametrize("iri", [SOURCE, ELSEWHERE])
def test_a_graph_the_service_does_not_hold_is_refused_with_what_was_given_where(
    client: httpx.Client, graph: str, parameter: str, iri: str
) -> None:
    response = _ask(client, HAS_MEETING, **{parameter: iri})
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == "application/problem+json"
    detail = response.json()["detail"]
    assert f"the request's {parameter} parameter names <{iri}>" in detail
    assert f"<{graph}>" in detail  # what the service holds
    assert "sakrad.nq" in detail  # and where the graphs by source document are


def test_one_graph_it_does_not_hold_among_others_is_refused(client: httpx.Client, graph: str) -> None:
    response = _ask(client, HAS_MEETING, **{"default-graph-uri": [graph, ELSEWHERE]})
    assert response.status_code == 400
    assert f"<{ELSEWHERE}>" in response.json()["detail"]


def test_the_release_graph_named_by_the_protocol_is_read(client: httpx.Client, graph: str) -> None:
    assert _ask(client, HAS_MEETING, **{"default-graph-uri": graph}).json()["boolean"] is True
    # named graphs alone: the default graph is empty (Protocol §2.1.4), the graph is read by its name
    assert _ask(client, HAS_MEETING, **{"named-graph-uri": graph}).json()["boolean"] is False
    in_graph = HAS_MEETING.replace("{ ?m", "{ GRAPH ?g { ?m").replace("Sakrad> }", "Sakrad> } }")
    assert _ask(client, in_graph, **{"named-graph-uri": graph}).json()["boolean"] is True
    # and by a POSTed form, as a form-sending client sends it
    form = client.post(
        "/sparql",
        data={"query": HAS_MEETING, "default-graph-uri": graph},
        headers={"accept": "application/sparql-results+json"},
    )
    assert form.json()["boolean"] is True


def test_the_protocol_dataset_replaces_the_query_dataset(client: httpx.Client, graph: str) -> None:
    query = f"ASK FROM <{ELSEWHERE}> {{ ?m a <https://w3id.org/sakrad/ontology#Sakrad> }}"
    assert _ask(client, query).status_code == 400
    assert _ask(client, query, **{"default-graph-uri": graph}).json()["boolean"] is True
    query = f"ASK FROM <{graph}> {{ ?m a <https://w3id.org/sakrad/ontology#Sakrad> }}"
    assert _ask(client, query).json()["boolean"] is True
    assert _ask(client, query, **{"default-graph-uri": ELSEWHERE}).status_code == 400


def test_sparqlwrapper_asking_for_another_graph_is_told(client: httpx.Client, graph: str) -> None:
    from SPARQLWrapper import JSON, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

    endpoint = SPARQLWrapper(str(client.base_url) + "/sparql")
    endpoint.setReturnFormat(JSON)
    endpoint.setQuery(HAS_MEETING)
    endpoint.addDefaultGraph(SOURCE)
    with pytest.raises(QueryBadFormed, match="not a graph of this service"):
        endpoint.query().convert()
    endpoint.clearParameter("default-graph-uri")
    endpoint.addDefaultGraph(graph)
    assert endpoint.query().convert()["boolean"] is True


def test_the_dataset_is_read_as_the_engine_resolves_it() -> None:
    query = "PREFIX g: <http://example.org/g/>\nBASE <http://example.org/b/>\nSELECT * FROM g:one\nFROM NAMED <two> FROM <three> {}"
    dataset = query_dataset(query, "https://w3id.org/sakrad/")
    assert dataset.default == (
        ("http://example.org/g/one", "FROM on line 3"),
        ("http://example.org/b/three", "FROM on line 4"),
    )
    assert dataset.named == (("http://example.org/b/two", "FROM NAMED on line 4"),)
    assert not query_dataset("SELECT * WHERE { ?s ?p 'FROM <x>' } # FROM <y>")
    with pytest.raises(QueryError, match="not valid SPARQL"):
        query_dataset("SELECT * FROM nope:x {}")


def test_a_bare_store_answers_no_graph_by_name() -> None:
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://a"), ox.NamedNode("http://b"), ox.NamedNode("http://c")))
    assert evaluate(store, "ASK { ?s ?p ?o }").boolean is True
    with pytest.raises(QueryError, match="only its default graph"):
        evaluate(store, "ASK FROM <http://a> { ?s ?p ?o }")


# --- what an external store is sent -----------------------------------------------------------


class _Recorder(http.server.BaseHTTPRequestHandler):
    forms: list[list[tuple[str, str]]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["content-length"])).decode()
        _Recorder.forms.append(parse_qsl(body))
        payload = b'{"head": {}, "boolean": true}'
        self.send_response(200)
        self.send_header("content-type", "application/sparql-results+json")
        self.send_header("content-length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def recorder() -> Iterator[str]:
    _Recorder.forms = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/query"
    finally:
        server.shutdown()
        server.server_close()


def test_an_external_store_is_sent_the_dataset_the_embedded_store_reads(recorder: str) -> None:
    graph = BASE + "graph/1.0.0"
    store = RemoteStore(recorder, graph)
    evaluate(store, "ASK { ?s ?p ?o }")
    evaluate(store, f"ASK FROM NAMED <{graph}> {{ GRAPH ?g {{ ?s ?p ?o }} }}")
    evaluate(store, "ASK { ?s ?p ?o }", default_graphs=(graph,))
    with pytest.raises(QueryError, match="not a graph of this service"):
        evaluate(store, f"ASK FROM <{SOURCE}> {{ ?s ?p ?o }}")
    sent = [[(k, v) for k, v in form if k != "query"] for form in _Recorder.forms]
    assert sent == [
        [("default-graph-uri", graph)],
        [("named-graph-uri", graph)],  # no default graph: it is empty, as FROM NAMED alone makes it
        [("default-graph-uri", graph)],
    ]
