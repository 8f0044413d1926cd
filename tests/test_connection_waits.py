"""Past the connection limit, connections that only wait give way before a client that fetches
documents over a connection it keeps (``serving/connections.py``).

Two attacks at three times the limit of 40 connections: request heads whose bodies never come, and
queries refused for load that wait out the refusal's pause. Meanwhile one client fetches a document
again and again over one keep-alive connection: every answer is 200 on that same connection (the
server never closed it), the waiting connections are answered 503 (or closed) long before their
body's time limit or their pause ends, and a new client is served.
"""

from __future__ import annotations

import http.client
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from serving import serving
from starlette.applications import Starlette

from sakrad_ld.serving.connections import GRACE
from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings

LIMIT = 40
DOCUMENT = "/doc/meeting/2017-12-12-integration.ttl"
#: Seconds the waits below would last if nothing cut them short (the body's time limit, the pause).
LONG = 60.0


@pytest.fixture(scope="module")
def served(release: Path) -> Iterator[tuple[str, Starlette]]:
    settings = Settings(max_connections=LIMIT, request_timeout=LONG, query_workers=1, query_queue=0, reload_interval=0)
    app = create_app(release, settings)
    with serving(app) as root:
        yield root, app


def _address(root: str) -> tuple[str, int]:
    parts = urlsplit(root)
    return parts.hostname or "127.0.0.1", parts.port or 80


class KeptAlive(threading.Thread):
    """Fetches the document over one connection until stopped: the statuses, errors and sockets seen."""

    def __init__(self, root: str) -> None:
        super().__init__(daemon=True)
        self.conn = http.client.HTTPConnection(*_address(root), timeout=30)
        self.statuses: list[int] = []
        self.errors: list[str] = []
        self.sockets: set[int] = set()
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                self.conn.request("GET", DOCUMENT)
                response = self.conn.getresponse()
                response.read()
                self.statuses.append(response.status)
                self.sockets.add(id(self.conn.sock))
            except (OSError, http.client.HTTPException) as error:
                self.errors.append(type(error).__name__)
                self.conn.close()
            time.sleep(0.005)


def _attack(root: str, request: bytes, waves: int = 3) -> list[socket.socket]:
    """3 × LIMIT connections that each send ``request`` and wait, in waves GRACE seconds apart."""
    socks = []
    for wave in range(waves):
        for _ in range(LIMIT):
            sock = socket.create_connection(_address(root), timeout=10)
            sock.sendall(request)
            socks.append(sock)
        if wave < waves - 1:
            time.sleep(GRACE * 1.2)
    return socks


def _ended(socks: list[socket.socket], within: float) -> list[bytes]:
    """What each connection got within ``within`` seconds: the start of an answer, b"" if closed
    without one, None if it still waits."""
    deadline = time.monotonic() + within
    got: list[bytes | None] = []
    for sock in socks:
        sock.settimeout(max(0.01, deadline - time.monotonic()))
        try:
            got.append(sock.recv(64))
        except TimeoutError:
            got.append(None)
        except ConnectionResetError:
            got.append(b"")
    return got


def _check(root: str, request: bytes) -> list[bytes | None]:
    client = KeptAlive(root)
    client.start()
    time.sleep(0.3)
    socks = _attack(root, request)
    try:
        time.sleep(0.5)
        client.stop.set()
        client.join(30)
        assert client.errors == [] and len(client.sockets) == 1, (client.errors, len(client.sockets))
        assert client.statuses and set(client.statuses) == {200}
        fresh = http.client.HTTPConnection(*_address(root), timeout=30)
        fresh.request("GET", DOCUMENT)
        assert fresh.getresponse().status == 200
        fresh.close()
        return _ended(socks, 10.0)
    finally:
        client.conn.close()
        for sock in socks:
            sock.close()


def test_bodies_that_do_not_come_give_way_to_a_client_fetching_documents(served: tuple[str, Starlette]) -> None:
    root, _ = served
    slow_body = (
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 100\r\n\r\nASK"
    )
    got = _check(root, slow_body)
    ended = [g for g in got if g is not None]
    assert len(ended) >= 2 * LIMIT - 2, f"{len(ended)} of {len(got)} ended well before the body's time limit"
    assert any(g.startswith(b"HTTP/1.1 503") for g in ended)


def test_refusals_in_their_pause_give_way_to_a_client_fetching_documents(served: tuple[str, Starlette]) -> None:
    root, app = served
    gate = app.state.gate
    capacity, pause = gate.capacity, gate.pause
    gate.capacity, gate.pause = 0, LONG  # every query is refused, after a pause longer than the test
    try:
        got = _check(root, b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\n\r\n")
    finally:
        gate.capacity, gate.pause = capacity, pause
    ended = [g for g in got if g is not None]
    assert len(ended) >= 2 * LIMIT - 2, f"{len(ended)} of {len(got)} ended well before the pause"
    assert any(g.startswith(b"HTTP/1.1 503") for g in ended)
