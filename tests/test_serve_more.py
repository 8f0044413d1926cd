"""What the server and the query command say and send where a client meets a common mistake or a
standard client's habit:

* a query using a prefix it does not declare is refused saying "prefix 'xsd' not declared" and the
  PREFIX line to add, at the word's line and column, for a program (Problem Details) and for
  ``sakrad-ld query`` alike, never the parser's "expected ENCODE_FOR_URI"; a ``\\u`` escape of a
  surrogate is named with its column; an update sent as ``query=`` says the endpoint is read-only;
* a JSON-LD document carries no ``Link`` of alternates (pyld, the common Python JSON-LD processor,
  fails on more than one), and the other formats link their other representations, not themselves;
* ``--cors-origins`` refuses a value no browser's ``Origin`` can equal;
* a WebSocket upgrade is answered as any HTTP/1.1 request, and a chunk's size line too long is a 400
  about the body, not a 431 about the head's header fields.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path
from urllib.parse import urlsplit

import pyoxigraph as ox
import pytest
from pyld.jsonld import parse_link_header
from serving import serving
from starlette.testclient import TestClient

from sakrad_ld.cli import main
from sakrad_ld.errors import QueryError
from sakrad_ld.serving.connections import uvicorn_config
from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings
from sakrad_ld.sparql.query import evaluate

XSD_LINE = "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>"

#: query → (what the message says, its line:column)
MISTAKES = {
    'SELECT * { ?s ?p ?o FILTER(?o > xsd:date("2020-01-01")) }': (
        f"prefix 'xsd' not declared; add the line {XSD_LINE}",
        "1:33",
    ),
    'SELECT (xsd:integer("1") AS ?x) {}': ("prefix 'xsd' not declared", "1:9"),
    "SELECT * {\n  ?s a foaf:Person }": (
        "prefix 'foaf' not declared; add the line PREFIX foaf: <http://xmlns.com/foaf/0.1/>",
        "2:8",
    ),
    "PREFIX ex: <http://example.org/>\nSELECT * { ?s ex:p ?o ; sdo:name ?n }": ("prefix 'sdo' not declared", "2:25"),
    "SELECT * { ?s ?p ?o ; myns:x ?y }": ("prefix 'myns' not declared; add a line PREFIX myns: <…>", "1:23"),
    "SELECT * { :x ?p ?o }": ("prefix '' (the empty prefix of :x) not declared", "1:12"),
    'SELECT ("\\uD800" AS ?x) {}': ("\\uD800 is a surrogate, not a character", "1:10"),
    "SELECT * { ?s ?p '\\U0000DC00' }": ("\\U0000DC00 is a surrogate", "1:19"),
    "INSERT DATA { <http://a> <http://b> <http://c> }": ("INSERT begins an update", "1:1"),
    "LOAD <http://example.org/>": ("LOAD begins an update", "1:1"),
    "PREFIX a: <x:>\ndelete where { ?s ?p ?o }": ("DELETE begins an update", "2:1"),
    "CLEAR ALL": ("CLEAR begins an update", "1:1"),
    "WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }": ("WITH begins an update", "1:1"),
    "a:b a:b a:b": ("'a:b' begins no query; after its PREFIX and BASE lines a query begins with SELECT", "1:1"),
    "SELEC ?x WHERE { ?x ?p ?o }": ("'SELEC' begins no query", "1:1"),
    "PREFIX a: <x:>\n{ ?s ?p ?o }": ("'{' begins no query", "2:1"),
    "  ?s ?p ?o": ("'?s' begins no query", "1:3"),
}


@pytest.mark.parametrize("query", MISTAKES, ids=range(len(MISTAKES)))
def test_a_common_mistake_is_said_as_what_it_is_at_its_place(query: str) -> None:
    said, at = MISTAKES[query]
    with pytest.raises(QueryError) as refused:
        evaluate(ox.Store(), query)
    message = str(refused.value)
    assert said in message and f"error at {at}:" in message, message
    assert "ENCODE_FOR_URI" not in message and "expected CONSTRUCT" not in message and "..=" not in message
    if "update" in said:
        assert "read-only" in message


def test_a_declared_prefix_and_an_escaped_backslash_are_no_mistake() -> None:
    store = ox.Store()
    assert evaluate(store, f'{XSD_LINE}\nSELECT (xsd:integer("1") AS ?x) {{}}').rows
    assert evaluate(store, 'SELECT ("\\\\uD800" AS ?x) {}').rows  # a backslash, then the letters uD800
    with pytest.raises(QueryError) as refused:  # another mistake after a declared prefix: the parser's words
        evaluate(store, f"{XSD_LINE}\nSELECT * {{ ?s ?p xsd:int }} LIMT 5")
    assert "not declared" not in str(refused.value) and "error at 2:" in str(refused.value)


def test_problem_details_and_the_query_command_say_the_undeclared_prefix(
    fixture_release: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    query = 'SELECT * WHERE { ?s ?p ?o FILTER(?o > xsd:date("2020-01-01")) }'
    with TestClient(create_app(fixture_release, Settings()), base_url="http://localhost") as client:
        answer = client.get("/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"})
        assert answer.status_code == 400 and answer.headers["content-type"].startswith("application/problem+json")
        detail = answer.json()["detail"]
        assert "prefix 'xsd' not declared" in detail and XSD_LINE in detail and "error at 1:39" in detail
        update = client.post("/sparql", data={"query": "INSERT DATA { <http://a> <http://b> <http://c> }"})
        assert update.status_code == 400 and "this endpoint is read-only" in update.json()["detail"]
        # a person's page still says it in its own words, at its place
        page = client.get("/sparql", params={"query": query, "lang": "en"}, headers={"Accept": "text/html"})
        assert page.status_code == 400 and "The prefix xsd: is not declared" in page.text
    assert main(["query", "--release", str(fixture_release), "SELECT * { ?s a foaf:Person }"]) == 2
    err = capsys.readouterr().err
    assert "prefix 'foaf' not declared" in err and "PREFIX foaf: <http://xmlns.com/foaf/0.1/>" in err


def test_a_jsonld_document_links_no_alternates_and_no_document_links_itself(fixture_release: Path) -> None:
    with TestClient(create_app(fixture_release, Settings()), base_url="http://localhost") as client:
        doc = "/doc/organisation/radda-barnen"  # an organisation of the fixture's data
        jsonld = client.get(doc + ".jsonld")
        assert jsonld.status_code == 200
        # pyld groups a repeated rel into a list and then fails on it: no alternate at all here
        assert "alternate" not in parse_link_header(jsonld.headers.get("link", ""))
        negotiated = client.get(doc.replace("/doc/", "/id/"), headers={"Accept": "application/ld+json"})
        assert negotiated.status_code == 200 and "link" not in negotiated.headers
        for suffix in (".ttl", ".nt", ".rdf", ".html"):
            link = client.get(doc + suffix).headers["link"]
            assert f"<{doc}{suffix}>" not in link and f'<{doc}.jsonld>; rel="alternate"' in link


BAD_ORIGINS = ["https://a.example/", "a.example", "https://*.b.example", "javascript:x", "https://A.example", "null"]


@pytest.mark.parametrize("origin", BAD_ORIGINS)
def test_an_origin_no_browser_sends_is_refused(
    origin: str, fixture_release: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(ValueError, match="--cors-origins"):
        Settings(cors_origins=("https://ok.example", origin))
    given = f"https://ok.example,{origin}"
    assert main(["serve", "--release", str(fixture_release), "--cors-origins", given, "--get", "/sparql"]) == 2
    assert "--cors-origins" in capsys.readouterr().err


@pytest.mark.parametrize("origin", ["*", "https://a.example", "http://127.0.0.1:8080", "http://[::1]:3000"])
def test_an_origin_a_browser_sends_is_taken(origin: str) -> None:
    assert Settings(cors_origins=(origin,)).cors_origins == (origin,)


def _raw(root: str, data: bytes) -> tuple[int, bytes]:
    host, port = urlsplit(root).hostname, urlsplit(root).port
    with socket.create_connection((host, port), timeout=20) as sock:
        sock.sendall(data)
        out = b""
        while True:
            piece = sock.recv(65536)
            if not piece:
                break
            out += piece
            if b"\r\n\r\n" in out:
                head, _, body = out.partition(b"\r\n\r\n")
                length = next(
                    (int(x.split(b":")[1]) for x in head.split(b"\r\n") if x.lower().startswith(b"content-length:")),
                    None,
                )
                if length is not None and len(body) >= length:
                    break
    return int(out.split(b" ", 2)[1]), out.partition(b"\r\n\r\n")[2]


def test_a_websocket_upgrade_and_a_long_chunk_extension_are_answered_as_http(fixture_release: Path) -> None:
    settings = Settings(query_workers=1)
    app = create_app(fixture_release, settings)
    assert uvicorn_config(app, settings).ws == "none"
    with serving(app) as root:
        upgrade = (
            b"GET /sparql HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
            b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nAccept: text/turtle\r\n"
            b"Connection: close\r\n\r\n"
        )
        assert _raw(root, upgrade)[0] == 200
        head = b"POST /sparql HTTP/1.1\r\nHost: a\r\nContent-Type: application/sparql-query\r\n"
        status, body = _raw(
            root, head + b"Transfer-Encoding: chunked\r\n\r\n5;" + b"a" * 100_000 + b"\r\nASK{}\r\n0\r\n\r\n"
        )
        detail = json.loads(body)["detail"]
        assert status == 400 and "chunk's size line" in detail and "header fields" not in detail
        status, body = _raw(root, b"GET / HTTP/1.1\r\nHost: a\r\nX-A: " + b"a" * 150_000 + b"\r\n\r\n")
        assert status == 431 and "header fields" in json.loads(body)["detail"]
