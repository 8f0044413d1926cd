"""Past the connection limit, connections that only wait give way before a client that fetches
documents over a connection it keeps (``serving/connections.py``).

Two attacks at three times the limit of 40 connections: request heads whose bodies never come, and
queries refused for load that wait out the refusal's pause. Meanwhile one client fetches a document
again and again over one keep-alive connection. Every answer it gets is 200 on that same connection
(the server never closed it), before, during and after the attack; the attack keeps no more
connections than the limit leaves it; and once every attacking connection left waits, a new client
is served at its first try, by a waiting connection that is answered its 503 at once, long before
the body's time limit or the pause would end.

Nothing asserted depends on how fast the machine is: each step waits for what must come (at most
BOUND seconds, far more than it takes and far less than the waits would last), never for a time.
"""

from __future__ import annotations

import http.client
import selectors
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from serving import serving
from starlette.applications import Starlette

from sakrad_ld.serving import connections
from sakrad_ld.serving.connections import GRACE, _unread
from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings

LIMIT = 40
ATTACKERS = 3 * LIMIT
DOCUMENT = "/doc/meeting/2017-12-12-integration.ttl"
#: Seconds the waits below would last if nothing cut them short (the body's time limit, the pause).
LONG = 300.0
#: Seconds the test waits at most for what must come.
BOUND = 60.0

#: The server's side of each connection, by the client's port (to see which ones wait).
Connections = dict[int, Any]


@pytest.fixture(scope="module")
def served(fixture_release: Path) -> Iterator[tuple[str, Starlette, Connections]]:
    seen: Connections = {}
    guarded = connections.guarded_protocol

    def watched(max_connections: int, request_timeout: float) -> type:
        class Watched(guarded(max_connections, request_timeout)):  # type: ignore[misc]
            def connection_made(self, transport: Any) -> None:
                seen[transport.get_extra_info("peername")[1]] = self
                super().connection_made(transport)

        return Watched

    settings = Settings(max_connections=LIMIT, request_timeout=LONG, query_workers=1, query_queue=0, reload_interval=0)
    app = create_app(fixture_release, settings)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(connections, "guarded_protocol", watched)
        with serving(app) as root:
            yield root, app, seen


def _address(root: str) -> tuple[str, int]:
    parts = urlsplit(root)
    return parts.hostname or "127.0.0.1", parts.port or 80


def _eventually(condition: Callable[[], bool], step: Callable[[], None] = lambda: time.sleep(0.02)) -> bool:
    """Whether ``condition`` holds within BOUND seconds (``step`` between two looks)."""
    deadline = time.monotonic() + BOUND
    while not condition():
        if time.monotonic() > deadline:
            return False
        step()
    return True


class KeptAlive(threading.Thread):
    """Fetches the document over one connection until stopped: the statuses, errors and local ports seen."""

    def __init__(self, root: str) -> None:
        super().__init__(daemon=True)
        self.conn = http.client.HTTPConnection(*_address(root), timeout=BOUND)
        self.statuses: list[int] = []
        self.errors: list[str] = []
        self.ports: set[int | None] = set()
        self.answered = threading.Condition()
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                self.conn.request("GET", DOCUMENT)
                response = self.conn.getresponse()
                response.read()
                sock = self.conn.sock  # None had the server closed the connection with its answer
                self.ports.add(sock.getsockname()[1] if sock is not None else None)
                with self.answered:
                    self.statuses.append(response.status)
                    self.answered.notify_all()
            except (OSError, http.client.HTTPException) as error:
                self.errors.append(type(error).__name__)
                self.conn.close()
            time.sleep(0.005)

    def served(self, more: int) -> bool:
        """Whether the client gets ``more`` answers within BOUND seconds."""
        with self.answered:
            target = len(self.statuses) + more
            return self.answered.wait_for(lambda: len(self.statuses) >= target, BOUND)


class Attack:
    """ATTACKERS connections that each send ``request`` and wait, and what the server sent each."""

    def __init__(self, root: str, request: bytes) -> None:
        self.socks: list[socket.socket] = []
        for wave in range(3):
            if wave:  # the earlier waves have waited past GRACE (the first to give way); nothing asserted needs it
                time.sleep(GRACE * 1.2)
            for _ in range(LIMIT):
                sock = socket.create_connection(_address(root), timeout=BOUND)
                sock.sendall(request)
                self.socks.append(sock)
        self.got = {sock: b"" for sock in self.socks}
        self.ended: set[socket.socket] = set()  # closed by the server (with or without an answer)
        self._selector = selectors.DefaultSelector()
        for sock in self.socks:
            self._selector.register(sock, selectors.EVENT_READ)

    def read(self) -> None:
        """Reads what has come (waiting a moment for it)."""
        for key, _ in self._selector.select(0.05):
            sock = key.fileobj
            assert isinstance(sock, socket.socket)
            try:
                data = sock.recv(65536)
            except ConnectionResetError:
                data = b""
            self.got[sock] += data
            if not data:
                self.ended.add(sock)
                self._selector.unregister(sock)

    def open(self) -> list[socket.socket]:
        return [sock for sock in self.socks if sock not in self.ended]

    def answered(self, detail: bytes) -> int:
        """How many were answered 503 with ``detail`` and closed."""
        return sum(1 for sock in self.ended if self.got[sock].startswith(b"HTTP/1.1 503") and detail in self.got[sock])

    def close(self) -> None:
        self._selector.close()
        for sock in self.socks:
            sock.close()


def _all_wait(attack: Attack, seen: Connections) -> bool:
    """Whether the attack holds no more than the limit leaves it, each of its connections waiting."""
    left = attack.open()
    return len(left) <= LIMIT - 1 and all(
        getattr(seen.get(sock.getsockname()[1]), "standing", None) is not None for sock in left
    )


def _check(served: tuple[str, Starlette, Connections], request: bytes, detail: bytes) -> None:
    root, _, seen = served
    seen.clear()
    client = KeptAlive(root)
    client.start()
    attack = None
    try:
        assert client.served(1), "the client was not served before the attack"
        attack = Attack(root, request)
        # the server holds the client and at most LIMIT - 1 attackers, each waiting (for its body, its pause)
        assert _eventually(lambda: _all_wait(attack, seen), attack.read), (
            f"{len(attack.open())} attacking connections open, of which "
            f"{sum(getattr(seen.get(s.getsockname()[1]), 'standing', None) is not None for s in attack.open())} wait"
        )
        assert client.served(3), "the client was not served while the server was full"
        before = attack.answered(detail)
        fresh = http.client.HTTPConnection(*_address(root), timeout=BOUND)
        try:
            fresh.request("GET", DOCUMENT)
            response = fresh.getresponse()
            response.read()
            assert response.status == 200, f"a new client was answered {response.status}"
        finally:
            fresh.close()
        # the new client took the place of a waiting connection, which was answered at once
        assert _eventually(lambda: attack.answered(detail) > before, attack.read), (
            f"no waiting connection gave way to the new client: {len(attack.open())} open"
        )
        assert len(attack.ended) >= ATTACKERS - (LIMIT - 1) + 1
        assert client.served(3), "the client was not served after the attack"
    finally:
        client.stop.set()
        client.join(BOUND)
        client.conn.close()
        if attack is not None:
            attack.close()
    assert client.errors == [] and len(client.ports) == 1 and None not in client.ports, (client.errors, client.ports)
    assert set(client.statuses) == {200}


def test_bodies_that_do_not_come_give_way_to_a_client_fetching_documents(
    served: tuple[str, Starlette, Connections],
) -> None:
    slow_body = (
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 100\r\n\r\nASK"
    )
    _check(served, slow_body, b"still waiting for its request's body")


def test_refusals_in_their_pause_give_way_to_a_client_fetching_documents(
    served: tuple[str, Starlette, Connections],
) -> None:
    gate = served[1].state.gate
    capacity, pause = gate.capacity, gate.pause
    gate.capacity, gate.pause = 0, LONG  # every query is refused, after a pause longer than the test
    try:
        _check(
            served,
            b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\n\r\n",
            b"busy with queries",
        )
    finally:
        gate.capacity, gate.pause = capacity, pause


def test_a_request_already_in_the_socket_is_seen_unread() -> None:
    """The mark that keeps a kept-alive connection whose next request has come (the server is late
    in reading it) from giving way as idle."""

    class Transport:
        def __init__(self, sock: socket.socket | None) -> None:
            self.sock = sock

        def get_extra_info(self, name: str) -> socket.socket | None:
            return self.sock if name == "socket" else None

    server, client = socket.socketpair()
    with server, client:
        assert not _unread(Transport(server))
        client.sendall(b"GET / HTTP/1.1\r\n")
        assert _eventually(lambda: _unread(Transport(server)))
        server.recv(64)
        assert not _unread(Transport(server))
    assert not _unread(Transport(server))  # closed
    assert not _unread(Transport(None))
