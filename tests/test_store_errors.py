"""An external store (``serve --store``) that fails is the store's failure, never the query's.

A tiny hostile store on the loopback answers garbage N-Triples, garbage JSON results, an HTTP 500,
a body past the bound the server reads, or closes the connection; an unused port stands for a store
that is not running. Before, such a failure was 400 "not valid SPARQL" (or a plain QueryError 400)
on /sparql and 500 "please report it" on documents, and the store's answer was read whole however
long it was. Now each is :class:`StoreError`, answered 502 Bad Gateway (RFC 9110 §15.6.3).
"""

from __future__ import annotations

import contextlib
import http.server
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from sakrad_ld.errors import QueryError
from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings

_TRIPLES = "application/n-triples"
_JSON = "application/sparql-results+json"
#: What the hostile store answers, by name: (status, media type, body).
_ANSWERS = {
    "bad-triples": (200, _TRIPLES, b"this is not N-Triples\n"),
    "bad-json": (200, _JSON, b'{"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"type": "bogus"}}]}}'),
    "error-500": (500, "text/plain", b"internal failure of the store"),
    "huge": (200, _JSON, b" " * (2 * 2**20)),
}
_NONE = b'{"head": {"vars": []}, "results": {"bindings": []}}'
_PATHS = ("/sparql?query=SELECT%20*%20%7B%3Fs%20%3Fp%20%3Fo%7D", "/id/meeting/x", "/doc/meeting/x.ttl")
_ACCEPT = {"Accept": "application/sparql-results+json, text/turtle"}


@contextlib.contextmanager
def _hostile_store(kind: str) -> Iterator[str]:
    """A store on the loopback answering every query as ``kind`` says (``close``: closes the connection
    without a word); yields its query endpoint."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - the name http.server calls
            query = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            base = kind.removesuffix("-when-asked")
            if kind != base and b"hostile" not in query:  # the site's own queries: answered, with nothing
                status, media_type = 200, _JSON
                body = b'{"head": {}, "boolean": false}' if b"ASK" in query else _NONE
            elif base == "close":
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            else:
                status, media_type, body = _ANSWERS[base]
            self.send_response(status)
            self.send_header("Content-Type", media_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            with contextlib.suppress(OSError):
                self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            return None

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/query"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def _unused_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _assert_502(store: str, release: Path) -> None:
    # a result-bytes of 256 KiB: the store's answer is read up to 1 MiB, less than the "huge" one
    settings = Settings(store=store, result_bytes=256 * 1024)
    with TestClient(create_app(release, settings)) as client:
        for path in _PATHS:
            r = client.get(path, headers=_ACCEPT)
            assert r.status_code == 502, (path, r.status_code, r.text)
            assert r.headers["content-type"] == "application/problem+json", (path, r.text)
            detail = r.json()["detail"]
            assert "serve --store" in detail and "Traceback" not in detail, (path, detail)
            assert "not valid SPARQL" not in detail and "please report" not in detail, (path, detail)
            assert "127.0.0.1" not in detail, (path, detail)  # the store's address stays in the log


@pytest.mark.parametrize("kind", [*_ANSWERS, "close"])
def test_a_failing_store_is_502_on_every_path(kind: str, fixture_release: Path) -> None:
    with _hostile_store(kind) as store:
        _assert_502(store, fixture_release)


def test_an_unreachable_store_is_502_on_every_path(fixture_release: Path) -> None:
    _assert_502(f"http://127.0.0.1:{_unused_port()}/query", fixture_release)


@pytest.mark.parametrize(
    ("kind", "said"),
    [
        ("bad-triples", "N-Triples that do not parse"),
        ("bad-json", "results in JSON that do not parse"),
        ("error-500", "HTTP 500"),
        ("huge", "longer than 1000 bytes"),
        ("close", "not HTTP"),
    ],
)
def test_the_remote_store_raises_a_store_error_saying_what_went_wrong(kind: str, said: str) -> None:
    from sakrad_ld.sparql import remotestore

    with _hostile_store(kind) as endpoint:
        store = remotestore.RemoteStore(endpoint, "http://example.org/graph", timeout=10, max_bytes=1000)
        query = "CONSTRUCT WHERE { ?s ?p ?o }" if kind == "bad-triples" else "SELECT * WHERE { ?s ?p ?o }"
        with pytest.raises(remotestore.StoreError) as caught:
            store.query(query)
    assert isinstance(caught.value, QueryError)  # the command line's exit 2, with the message
    assert said in caught.value.what and endpoint in str(caught.value), str(caught.value)


def test_a_store_that_does_not_answer_in_time_is_a_store_error() -> None:
    from sakrad_ld.sparql import remotestore

    listener = socket.create_server(("127.0.0.1", 0))  # accepts (the backlog) and never answers
    try:
        endpoint = f"http://127.0.0.1:{listener.getsockname()[1]}/query"
        store = remotestore.RemoteStore(endpoint, "http://example.org/graph", timeout=0.3)
        with pytest.raises(remotestore.StoreError) as caught:
            store.query("ASK {}")
    finally:
        listener.close()
    assert "did not answer within" in caught.value.what, str(caught.value)


@pytest.mark.parametrize("kind", [*_ANSWERS, "close"])
def test_a_store_failing_one_query_is_502_for_that_query(kind: str, fixture_release: Path) -> None:
    """The site's pages read, the store fails on the query a client sent: 502 from the query's answer
    (before, garbage was 400 "not valid SPARQL", blaming the client, and an HTTP 500 plain 400)."""
    query = "SELECT * WHERE { ?s <urn:hostile> ?o }"
    with _hostile_store(f"{kind}-when-asked") as store:
        settings = Settings(store=store, result_bytes=256 * 1024)
        with TestClient(create_app(fixture_release, settings)) as client:
            r = client.get("/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 502 and r.headers["content-type"] == "application/problem+json", (r.status_code, r.text)
    detail = r.json()["detail"]
    assert "serve --store" in detail and "the query was not answered" in detail, detail
    assert "127.0.0.1" not in detail and "not valid SPARQL" not in detail, detail
