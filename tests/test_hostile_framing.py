"""A request whose head says both Content-Length and Transfer-Encoding (RFC 9112 §6.1) is answered
400 as Problem Details and its connection closed: what follows on the connection (a request a front
end framing by Content-Length took for the body) is never answered."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from serving import serving

from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings

SMUGGLED = b"GET /doc/meeting/2017-12-12-integration.ttl HTTP/1.1\r\nHost: x\r\n\r\n"


@pytest.fixture(scope="module")
def address(release: Path) -> Iterator[tuple[str, int]]:
    settings = Settings(query_workers=1, query_queue=4, reload_interval=0, request_timeout=20.0)  # type: ignore[call-arg]
    with serving(create_app(release, settings)) as url:
        host, port = url.removeprefix("http://").split(":")
        yield host, int(port)


def _exchange(address: tuple[str, int], data: bytes) -> bytes:
    """Everything the server sends until it closes the connection (a timeout fails: it stayed open)."""
    with socket.create_connection(address, timeout=15) as s:
        s.sendall(data)
        received = b""
        while chunk := s.recv(65536):
            received += chunk
    return received


@pytest.mark.parametrize(
    "head",
    [
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
        b"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\ncontent-length: 0\r\n\r\n0\r\n\r\n",
        b"GET /doc/meeting/2017-12-12-integration HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    ],
)
def test_both_framings_get_400_and_the_connection_closes(address: tuple[str, int], head: bytes) -> None:
    received = _exchange(address, head + SMUGGLED)
    assert b"HTTP/1.1 200" not in received and b"@prefix" not in received, received[:400]  # not answered
    status, _, rest = received.partition(b"\r\n")
    assert status.startswith(b"HTTP/1.1 400 "), received[:400]
    headers, _, body = rest.partition(b"\r\n\r\n")
    assert b"connection: close" in headers.lower()
    assert b"application/problem+json" in headers.lower()
    detail = json.loads(body)["detail"]
    assert "Content-Length" in detail and "Transfer-Encoding" in detail, detail


def test_one_framing_is_still_read(address: tuple[str, int]) -> None:
    query = b"ASK {}"
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(query), query)
    for framing, body in ((b"Content-Length: %d" % len(query), query), (b"Transfer-Encoding: chunked", chunked)):
        received = _exchange(
            address,
            b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
            b"Accept: application/sparql-results+json\r\nConnection: close\r\n" + framing + b"\r\n\r\n" + body,
        )
        assert received.startswith(b"HTTP/1.1 200 "), received[:400]
        assert b'"boolean"' in received
