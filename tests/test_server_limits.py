"""Every request gets a status, and the server's memory for SPARQL answers has a bound whatever clients do.

A live server on loopback, spoken to with raw sockets: an answer past ``--result-bytes`` is refused
with 422 in its worker; the answers held while slow clients read them are at most
``--in-flight-bytes`` together (503 with ``Retry-After`` past it), counted, not timed: the test waits
for the server's own count, never sleeps; a client that reads nothing is disconnected and its bytes
freed. A request h11 cannot read (a head too large, no Host, a bad Content-Length, HTTP/0.9, a NUL)
gets Problem Details, and a CORS preflight for a method or header not allowed is answered 200 with
what is allowed, as the static hosts answer it.
"""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from serving import serving
from starlette.applications import Starlette

from sakrad_ld.serving.answers import PIECE, InFlight
from sakrad_ld.serving.connections import MAX_HEAD_BYTES
from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings

#: Bytes of the answer a slow client holds: past what the kernel's buffers on loopback take (4 MiB each way).
HELD = 24 * 2**20
ASK = "ASK { ?s ?p ?o }"


def _settings(**changes: object) -> Settings:
    base = dict(timeout=120.0, query_workers=1, query_queue=4, reload_interval=0, request_timeout=60.0)
    return Settings(**{**base, **changes})  # type: ignore[arg-type]


def _wait_for(condition: Callable[[], bool], what: str, limit: float = 60.0) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < deadline, f"waited {limit:g} s for {what}"
        time.sleep(0.05)


def _connect(root: str) -> socket.socket:
    url = urlsplit(root)
    sock = socket.create_connection((url.hostname, url.port), timeout=60)
    return sock


def _post(root: str, query: str, *, small_window: bool = False) -> socket.socket:
    """A connection that has POSTed ``query`` (nothing read yet)."""
    body = ("query=" + quote(query)).encode()
    sock = _connect(root)
    if small_window:  # a client that reads slowly: the server's bytes stay in the server
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.sendall(
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nAccept: application/sparql-results+json\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\nConnection: close\r\n"
        b"Content-Length: %d\r\n\r\n" % len(body) + body
    )
    return sock


def _read(sock: socket.socket) -> tuple[int, dict[str, str], bytes]:
    """Status, header fields (lower-case names) and body of the answer on ``sock``, read to its close."""
    data = bytearray()
    with sock:
        while chunk := sock.recv(1 << 20):
            data.extend(chunk)
    head, _, body = bytes(data).partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict((k.strip().lower(), v.strip()) for k, _, v in (line.partition(":") for line in lines[1:]))
    return int(lines[0].split()[1]), headers, body


def _ask(root: str, query: str) -> tuple[int, dict[str, str], bytes]:
    return _read(_post(root, query))


def _padded(pad: int, variant: int) -> str:
    """A query with one row per typed subject, each ``pad`` bytes long or more (``variant`` keeps answers apart)."""
    return f'SELECT ?c WHERE {{ ?s a ?t BIND(CONCAT(STR(?s), "{variant}", "{"A" * pad}") AS ?c) }}'


@pytest.fixture(scope="module")
def sizes(release: Path) -> tuple[int, int]:
    """Rows of :func:`_padded` on the test release, and the bytes of its answer without padding."""
    with serving(create_app(release, _settings())) as root:
        status, _, body = _ask(root, "SELECT (COUNT(*) AS ?n) WHERE { ?s a ?t }")
        assert status == 200
        status, _, bare = _ask(root, _padded(0, 0))
        assert status == 200
        return int(json.loads(body)["results"]["bindings"][0]["n"]["value"]), len(bare)


@pytest.fixture(scope="module")
def rows(sizes: tuple[int, int]) -> int:
    return sizes[0]


@pytest.fixture(scope="module")
def budget(release: Path) -> Iterator[tuple[str, Starlette]]:
    """A server whose answers may be a little over HELD bytes, and held that much together."""
    app = create_app(release, _settings(result_bytes=HELD + 2**20, in_flight_bytes=HELD + 2**20))
    with serving(app) as root:
        yield root, app


# --- counting -------------------------------------------------------------------------------------


def test_in_flight_counts_each_body_once_and_refuses_past_its_limit() -> None:
    in_flight = InFlight(2 * PIECE + 1000)
    a, b = b"a" * (PIECE + 600), b"b" * (PIECE + 500)
    assert in_flight.take(a)
    assert not in_flight.take(b)  # 2 pieces and 1,100 bytes > 2 pieces and 1,000
    assert (in_flight.bytes, in_flight.refused) == (PIECE + 600, 1)
    assert in_flight.take(a)  # a kept answer sent to a second client: the same bytes
    assert in_flight.bytes == PIECE + 600
    in_flight.give_back(a)
    assert in_flight.bytes == PIECE + 600  # still sent to the other
    in_flight.give_back(a)
    assert in_flight.bytes == 0
    assert in_flight.take(b)
    assert in_flight.bytes == PIECE + 500


def test_an_answer_sent_in_one_piece_is_never_counted_nor_refused() -> None:
    in_flight = InFlight(PIECE + 1)
    large = b"l" * (PIECE + 1)
    assert in_flight.take(large)
    assert in_flight.bytes == in_flight.limit  # the budget is full to the byte
    small = b"s" * PIECE  # one piece: handed to its connection at once, never held
    assert in_flight.take(small) and in_flight.take(b"true")
    assert (in_flight.bytes, in_flight.refused) == (PIECE + 1, 0)
    in_flight.give_back(small)
    in_flight.give_back(b"true")
    assert in_flight.bytes == PIECE + 1
    assert not in_flight.take(b"m" * (PIECE + 1))  # a second large one does not fit
    in_flight.give_back(large)
    assert in_flight.bytes == 0


def test_one_client_holds_at_most_its_share_however_many_connections_it_opens() -> None:
    in_flight = InFlight(8 * PIECE, share=3 * PIECE)
    a, b, c = (bytes([n]) * (PIECE + 1) for n in b"abc")
    assert in_flight.take(a, "10.0.0.1") and in_flight.take(b, "10.0.0.1")
    assert in_flight.over_share(c, "10.0.0.1") and in_flight.room_for(c)
    assert not in_flight.take(c, "10.0.0.1")  # a third would pass its share: refused, nothing counted
    assert (in_flight.bytes, in_flight.held_by("10.0.0.1"), in_flight.refused) == (2 * PIECE + 2, 2 * PIECE + 2, 1)
    assert in_flight.take(a, "10.0.0.1")  # the same kept answer again: no more bytes, for it or in all
    assert in_flight.held_by("10.0.0.1") == 2 * PIECE + 2
    assert in_flight.take(c, "10.0.0.2") and in_flight.take(a, "10.0.0.2")  # another client has its own share
    assert (in_flight.bytes, in_flight.held_by("10.0.0.2")) == (3 * PIECE + 3, 2 * PIECE + 2)
    assert in_flight.take(b"s" * PIECE, "10.0.0.1")  # one piece: never held, never refused
    for body, client in [(a, "10.0.0.1"), (a, "10.0.0.1"), (b, "10.0.0.1"), (c, "10.0.0.2"), (a, "10.0.0.2")]:
        in_flight.give_back(body, client)
    assert (in_flight.bytes, in_flight.held_by("10.0.0.1"), in_flight.held_by("10.0.0.2")) == (0, 0, 0)
    assert in_flight.take(c, "10.0.0.1")


def test_the_share_of_one_client_is_an_eighth_of_the_budget_and_at_least_one_answer() -> None:
    assert Settings().client_bytes == 32 * 2**20  # of 256 MiB: four answers of the largest, 8 MiB
    assert _settings(result_bytes=HELD, in_flight_bytes=HELD).client_bytes == HELD


# --- the byte cap ---------------------------------------------------------------------------------


def test_an_answer_past_the_byte_cap_gets_422_and_the_server_goes_on(release: Path, sizes: tuple[int, int]) -> None:
    rows, bare = sizes
    cap = bare + 100 * rows
    with serving(create_app(release, _settings(result_bytes=cap, in_flight_bytes=cap))) as root:
        status, headers, body = _ask(root, _padded(2 * cap // rows + 10, 1))
        assert status == 422
        assert headers["content-type"] == "application/problem+json"
        problem = json.loads(body)
        assert problem["status"] == 422 and problem["result_bytes"] == cap
        assert f"up to {cap} bytes" in problem["detail"]
        # an answer under the cap is given; the server answers on
        status, _, body = _ask(root, _padded(50, 2))
        assert status == 200 and bare < len(body) <= cap
        assert _ask(root, ASK)[0] == 200


# --- the budget of answers in flight --------------------------------------------------------------


def test_answers_held_for_slow_readers_stay_within_the_budget(budget: tuple[str, Starlette], rows: int) -> None:
    root, app = budget
    in_flight = app.state.in_flight
    slow = _post(root, _padded(HELD // rows + 10, 10), small_window=True)
    try:
        # the server holds the answer while the client does not read it
        _wait_for(lambda: in_flight.bytes > HELD, "the slow reader's answer to be held")
        refused_before = in_flight.refused
        status, headers, body = _ask(root, _padded(2**20 // rows + 10, 11))  # 1 MiB more would pass the budget
        assert status == 503
        assert headers["retry-after"].isdigit()
        assert headers["content-type"] == "application/problem+json"
        detail = json.loads(body)["detail"]
        assert "try again" in detail
        assert not any(c.isdigit() for c in detail)  # no byte counts: they tell how much room is left
        assert in_flight.refused == refused_before + 1
        assert in_flight.bytes <= in_flight.limit
        assert _ask(root, ASK)[0] == 200  # a small answer still fits
    finally:
        slow.close()
    _wait_for(lambda: in_flight.bytes == 0, "the closed client's answer to be freed")
    assert _ask(root, _padded(2**20 // rows + 10, 11))[0] == 200


def test_a_kept_answer_sent_to_several_slow_readers_counts_once(budget: tuple[str, Starlette], rows: int) -> None:
    root, app = budget
    in_flight = app.state.in_flight
    query = _padded(HELD // rows + 10, 20)
    first = _post(root, query, small_window=True)
    try:
        _wait_for(lambda: in_flight.bytes > HELD, "the first reader's answer to be held")
        held, refused = in_flight.bytes, in_flight.refused
        with _post(root, query, small_window=True) as second:  # the kept answer: the same bytes
            head = second.recv(4096)
            assert head.startswith(b"HTTP/1.1 200") and b"x-cache: hit" in head
            # two answers of this size would pass the budget: the shared one counts once
            assert (in_flight.bytes, in_flight.refused) == (held, refused)
    finally:
        first.close()
    _wait_for(lambda: in_flight.bytes == 0, "both answers to be freed")


def _post_from(address: str, root: str, query: str) -> socket.socket:
    """:func:`_post` from another loopback address (another client to the server), reading slowly."""
    url = urlsplit(root)
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.bind((address, 0))
    sock.settimeout(60)
    sock.connect((url.hostname, url.port))
    body = ("query=" + quote(query)).encode()
    sock.sendall(
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nAccept: application/sparql-results+json\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\nConnection: close\r\n"
        b"Content-Length: %d\r\n\r\n" % len(body) + body
    )
    return sock


def test_a_client_past_its_share_gets_429_while_another_client_is_answered(release: Path, rows: int) -> None:
    """One address that opens connection after connection holds its share, not the whole budget."""
    share = HELD + 2**20
    app = create_app(release, _settings(result_bytes=share, in_flight_bytes=8 * share))
    with serving(app) as root:
        in_flight = app.state.in_flight
        assert in_flight.share == share
        slow = _post(root, _padded(HELD // rows + 10, 40), small_window=True)
        try:
            _wait_for(lambda: in_flight.bytes > HELD, "the slow reader's answer to be held")
            status, headers, body = _ask(root, _padded(2**20 // rows + 10, 41))  # its share and 1 MiB more
            assert status == 429 and headers["retry-after"].isdigit()
            detail = json.loads(body)["detail"]
            assert "this client" in detail and not any(c.isdigit() for c in detail)
            assert _ask(root, ASK)[0] == 200  # one piece: never refused
            other = _post_from("127.0.0.2", root, _padded(2**20 // rows + 10, 42))
            head = other.recv(4096)
            other.close()
            assert head.startswith(b"HTTP/1.1 200"), head[:200]
        finally:
            slow.close()
        _wait_for(lambda: in_flight.bytes == 0, "the answers to be freed")
        assert _ask(root, _padded(2**20 // rows + 10, 41))[0] == 200


def test_a_client_that_reads_nothing_is_disconnected_and_its_answer_freed(release: Path, rows: int) -> None:
    app = create_app(release, _settings(result_bytes=HELD + 2**20, in_flight_bytes=HELD + 2**20, request_timeout=1.0))
    with serving(app) as root:
        in_flight = app.state.in_flight
        slow = _post(root, _padded(HELD // rows + 10, 30), small_window=True)
        with slow:
            _wait_for(lambda: in_flight.bytes > HELD, "the answer to be held")
            # the client takes no piece for a second: the server gives up on it, without being closed
            _wait_for(lambda: in_flight.bytes == 0, "the server to give up on the client")
        assert _ask(root, ASK)[0] == 200


# --- a status for every request -------------------------------------------------------------------


@pytest.fixture(scope="module")
def root(release: Path) -> Iterator[str]:
    with serving(create_app(release, _settings())) as url:
        yield url


def _raw(root: str, data: bytes) -> tuple[int, dict[str, str], bytes]:
    sock = _connect(root)
    sock.sendall(data)
    return _read(sock)


UNREADABLE = {
    "no Host": b"GET / HTTP/1.1\r\n\r\n",
    "two Hosts": b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
    "negative Content-Length": b"POST /sparql HTTP/1.1\r\nHost: a\r\nContent-Length: -5\r\n\r\n",
    "two Content-Lengths": b"POST /sparql HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
    "HTTP/0.9": b"GET /\r\n\r\n",
    "NUL in the target": b"GET /a\x00b HTTP/1.1\r\nHost: a\r\n\r\n",
}


@pytest.mark.parametrize("request_bytes", UNREADABLE.values(), ids=UNREADABLE.keys())
def test_a_request_h11_cannot_read_gets_400_problem_details(root: str, request_bytes: bytes) -> None:
    status, headers, body = _raw(root, request_bytes)
    assert status == 400
    assert headers["content-type"] == "application/problem+json"
    assert headers["connection"] == "close"
    problem = json.loads(body)
    assert problem["status"] == 400 and "not valid HTTP/1.1" in problem["detail"]
    assert _raw(root, b"GET /sparql HTTP/1.1\r\nHost: a\r\nAccept: text/turtle\r\nConnection: close\r\n\r\n")[0] == 200


HUGE_HEADS = {
    "one header of 150,000 bytes": b"X-A: " + b"a" * 150_000 + b"\r\n",
    "one header of 400,000 bytes": b"X-A: " + b"a" * 400_000 + b"\r\n",
    "16,000 headers": b"".join(b"X-%d: a\r\n" % i for i in range(16_000)),
    "an If-None-Match of 20,000 ETags": b"If-None-Match: "
    + b", ".join(b'"%032x"' % i for i in range(20_000))
    + b"\r\n",
}


@pytest.mark.parametrize("fields", HUGE_HEADS.values(), ids=HUGE_HEADS.keys())
def test_a_request_head_too_large_gets_431_not_a_reset(root: str, fields: bytes) -> None:
    status, headers, body = _raw(root, b"GET / HTTP/1.1\r\nHost: a\r\n" + fields + b"\r\n")
    assert status == 431
    assert headers["content-type"] == "application/problem+json"
    assert json.loads(body)["status"] == 431


def test_a_head_too_large_is_refused_with_little_of_it_buffered(root: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A read of up to 256 KiB reaches h11 in pieces of MAX_HEAD_BYTES, so a connection refused for its
    head holds at most two of them (each closed connection's buffer lives until the garbage collector
    frees it: 150 clients sending heads of 300 KB grew the server by 190 MB)."""
    import h11

    buffered: list[int] = []
    receive = h11.Connection.receive_data

    def recording(self: h11.Connection, data: bytes) -> None:
        receive(self, data)
        buffered.append(len(self._receive_buffer))

    monkeypatch.setattr(h11.Connection, "receive_data", recording)
    status, _, _ = _raw(root, b"GET / HTTP/1.1\r\nHost: a\r\nX-A: " + b"a" * 400_000 + b"\r\n\r\n")
    assert status == 431
    assert buffered and max(buffered) <= 2 * MAX_HEAD_BYTES, max(buffered)
    # a request whose body comes in the same read as its head is read whole, piece by piece
    query = b"SELECT (1 AS ?one) WHERE {} #" + b"c" * 200_000 + b"\n"
    status, _, body = _raw(
        root,
        b"POST /sparql HTTP/1.1\r\nHost: a\r\nContent-Type: application/sparql-query\r\n"
        b"Accept: application/sparql-results+json\r\nConnection: close\r\n"
        b"Content-Length: %d\r\n\r\n" % len(query) + query,
    )
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["one"]["value"] == "1"


def _preflight(root: str, method: str, request_headers: str | None) -> tuple[int, dict[str, str], bytes]:
    extra = f"Access-Control-Request-Headers: {request_headers}\r\n" if request_headers else ""
    return _raw(
        root,
        (
            "OPTIONS /sparql HTTP/1.1\r\nHost: a\r\nOrigin: https://example.org\r\n"
            f"Access-Control-Request-Method: {method}\r\n{extra}Connection: close\r\n\r\n"
        ).encode(),
    )


@pytest.mark.parametrize(("method", "asked"), [("DELETE", None), ("POST", "X-Evil"), ("GET", "Accept, X-Evil")])
def test_a_preflight_for_what_is_not_allowed_is_answered_200_with_what_is(
    root: str, method: str, asked: str | None
) -> None:
    status, headers, _ = _preflight(root, method, asked)
    assert status == 200  # as the static hosts answer; the browser refuses what the headers do not allow
    methods = {m.strip() for m in headers["access-control-allow-methods"].split(",")}
    allowed = {h.strip().lower() for h in headers["access-control-allow-headers"].split(",")}
    assert methods == {"GET", "HEAD", "POST"}
    assert "x-evil" not in allowed and "accept" in allowed
    assert headers["access-control-allow-origin"] == "*"
