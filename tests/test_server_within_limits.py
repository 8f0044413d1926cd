"""The server within its limits, and clear about what it does not take:

* under a low limit of open files, the connections, the batch asyncio accepts at once and the
  server's own files fit the limit, and a flood of idle connections is held without a traceback in
  the log (asyncio logged one for each failed ``accept()``, thousands of lines a second);
* a chunked request body is refused 413 as soon as its chunks announce more than the largest query,
  not 408 once the body's time is up;
* a body in another charset than UTF-8, or with a ``Content-Encoding``, is 415, not misread;
* ``OPTIONS *`` is answered for the server as a whole, another method with ``*`` is 400, and an
  HTTP/2 preface (``PRI * HTTP/2.0``) 505;
* a store that answers something that is not HTTP (``serve --store``) is 502 naming the store, not
  500 "please report it".
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import resource
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from serving import serving
from starlette.testclient import TestClient

from sakrad_ld.serving.connections import _SPARE_FILES, connection_budget, quiet_accept_errors
from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings
from sakrad_ld.sparql.limits import MAX_QUERY_BYTES

QUERY_TYPE = "application/sparql-query"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- open files --------------------------------------------------------------------------------------


@pytest.mark.parametrize("files", [80, 120, 200, 1024, 4096, 1 << 20])
def test_the_connections_a_batch_of_accepts_and_the_spare_files_fit_the_limit(files: int) -> None:
    connections, backlog = connection_budget(1000, files)
    assert connections + backlog + _SPARE_FILES <= max(files, 8 + 8 + _SPARE_FILES)
    assert connections >= 8 and backlog >= 8
    if files >= 4096:
        assert connections == 1000  # nothing taken where the files allow the connections asked for


def test_a_failed_accept_is_one_line_now_and_then_never_a_traceback(caplog: pytest.LogCaptureFixture) -> None:
    import errno

    loop = asyncio.new_event_loop()
    try:
        quiet_accept_errors(loop, 200)
        with caplog.at_level(logging.WARNING, logger="sakrad_ld.serving"):
            for _ in range(1000):
                loop.call_exception_handler(
                    {
                        "message": "socket.accept() out of system resource",
                        "exception": OSError(errno.EMFILE, "Too many open files"),
                    }
                )
        lines = [r for r in caplog.records if r.name == "sakrad_ld.serving"]
        assert len(lines) == 1 and lines[0].exc_info is None
        assert "could not be accepted" in lines[0].getMessage() and "200 files" in lines[0].getMessage()
        other: list[dict] = []
        loop.set_exception_handler(None)
        quiet_accept_errors(loop, 200)
        handler = loop.get_exception_handler()
        assert handler is not None
        loop.set_exception_handler(lambda _loop, context: other.append(context))
        quiet_accept_errors(loop, 200)  # anything else goes to the handler the loop had
        loop.call_exception_handler({"message": "something else", "exception": ValueError("x")})
        assert [c["message"] for c in other] == ["something else"]
    finally:
        loop.close()


def _limit_files(files: int) -> None:
    resource.setrlimit(resource.RLIMIT_NOFILE, (files, files))


def test_idle_connections_past_a_low_open_files_limit_are_held_without_a_traceback(
    fixture_release: Path, tmp_path: Path
) -> None:
    """The server under a hard limit of 200 open files and the default --max-connections: 400 idle
    connections at once. The log holds no traceback and stays short, and a client is still answered."""
    port, log = _free_port(), tmp_path / "server.log"
    with log.open("wb") as err:
        server = subprocess.Popen(
            [sys.executable, "-m", "sakrad_ld", "serve", "--release", str(fixture_release), "--port", str(port)]
            + ["--query-workers", "1"],
            stdout=subprocess.DEVNULL,
            stderr=err,
            preexec_fn=lambda: _limit_files(200),
        )
    held: list[socket.socket] = []
    try:
        deadline = time.monotonic() + 60
        while b"Uvicorn running" not in log.read_bytes():
            assert server.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        for _ in range(400):
            with contextlib.suppress(OSError):
                held.append(socket.create_connection(("127.0.0.1", port), timeout=10))
        time.sleep(2)  # the connections sit idle; asyncio tries its accepts again each second
        status = httpx.get(f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D", timeout=60).status_code
    finally:
        for s in held:
            s.close()
        server.terminate()
        server.wait(30)
    text = log.read_text(encoding="utf-8", errors="replace")
    assert status == 200
    assert "Traceback" not in text and "socket.accept() out of system resource" not in text
    assert len(text.splitlines()) < 50, text[-3000:]
    assert "the process may open 200 files" in text


# --- request bodies -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def root(fixture_release: Path) -> Iterator[str]:
    with serving(create_app(fixture_release, Settings(query_workers=1))) as url:
        yield url


def _raw(root: str, request: bytes, read_for: float = 30.0) -> bytes:
    """What the server answers to ``request`` sent as it is (then nothing more), until it closes or
    ``read_for`` seconds pass."""
    host, port = root.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=read_for) as s:
        s.sendall(request)
        answer = b""
        with contextlib.suppress(TimeoutError, ConnectionResetError):
            while chunk := s.recv(65536):
                answer += chunk
                if b"\r\n\r\n" in answer and b"Content-Length" in answer.split(b"\r\n\r\n")[0]:
                    head, _, body = answer.partition(b"\r\n\r\n")
                    length = int(
                        next(
                            v
                            for k, _, v in (h.partition(b": ") for h in head.split(b"\r\n"))
                            if k.lower() == b"content-length"
                        )
                    )
                    if len(body) >= length:
                        break
        return answer


def _chunked(first: bytes) -> bytes:
    return (
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: " + QUERY_TYPE.encode() + b"\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n" + first
    )


@pytest.mark.parametrize(
    "first",
    [
        f"{MAX_QUERY_BYTES + 1:x}\r\nASK".encode(),  # announces one byte too many, sends three, stalls
        b"FFFFFFFFFFFFFFFFFFFF\r\n",  # the largest size h11 reads
        b"10\r\nASK { ?s ?p ?o }\r\n" + f"{MAX_QUERY_BYTES - 15:x}\r\n".encode(),  # past the limit together
    ],
)
def test_a_chunked_body_announced_past_the_limit_is_413_at_once(root: str, first: bytes) -> None:
    """The server answers while the client still owes the body (it sends no more): 413, not 408 once
    the body's time (--request-timeout, 10 s) is up."""
    answer = _raw(root, _chunked(first))
    assert answer.startswith(b"HTTP/1.1 413 "), answer[:300]
    assert b"application/problem+json" in answer and str(MAX_QUERY_BYTES).encode() in answer
    assert answer.count(b"HTTP/1.1 ") == 1  # the route's own answer (408) never follows it


def test_a_chunked_body_within_the_limit_is_read(root: str) -> None:
    answer = _raw(root, _chunked(b"5\r\nASK{}\r\n0\r\n\r\n"))
    assert answer.startswith(b"HTTP/1.1 200 "), answer[:300]


@pytest.fixture(scope="module")
def client(fixture_release: Path) -> Iterator[TestClient]:
    with TestClient(create_app(fixture_release, Settings(query_workers=1))) as c:
        yield c


@pytest.mark.parametrize(
    "content_type",
    [
        f"{QUERY_TYPE}; charset=utf-16",
        f"{QUERY_TYPE}; charset=ebcdic",
        "application/x-www-form-urlencoded; charset=iso-8859-1",
    ],
)
def test_a_body_in_another_charset_than_utf8_is_415(client: TestClient, content_type: str) -> None:
    body = b"query=ASK%7B%7D" if "form" in content_type else b"ASK{}"
    r = client.post("/sparql", content=body, headers={"Content-Type": content_type})
    assert r.status_code == 415 and r.headers["content-type"] == "application/problem+json"
    assert "charset=" + content_type.rsplit("=", 1)[1] in r.json()["detail"] and "UTF-8" in r.json()["detail"]


@pytest.mark.parametrize("content_type", [QUERY_TYPE, f"{QUERY_TYPE}; charset=UTF-8", f'{QUERY_TYPE}; charset="utf-8"'])
def test_a_body_in_utf8_is_read(client: TestClient, content_type: str) -> None:
    r = client.post(
        "/sparql", content=b"ASK{}", headers={"Content-Type": content_type, "Accept": "application/sparql-results+json"}
    )
    assert r.status_code == 200 and r.json()["boolean"] is True


def test_a_body_with_a_content_encoding_is_415(client: TestClient) -> None:
    r = client.post("/sparql", content=b"ASK{}", headers={"Content-Type": QUERY_TYPE, "Content-Encoding": "gzip"})
    assert r.status_code == 415 and "gzip" in r.json()["detail"]
    r = client.post("/sparql", content=b"ASK{}", headers={"Content-Type": QUERY_TYPE, "Content-Encoding": "identity"})
    assert r.status_code == 200


# --- targets that name no path -----------------------------------------------------------------------


def test_options_asterisk_is_answered_for_the_server(root: str) -> None:
    answer = _raw(root, b"OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n", 10)
    head = answer.split(b"\r\n\r\n")[0].lower()
    assert answer.startswith(b"HTTP/1.1 200 ") and b"\r\nallow: get, head, post" in head, answer[:300]
    assert b"x-content-type-options: nosniff" in head


def test_another_method_with_the_asterisk_is_400(root: str) -> None:
    answer = _raw(root, b"GET * HTTP/1.1\r\nHost: x\r\n\r\n", 10)
    assert answer.startswith(b"HTTP/1.1 400 ") and b"OPTIONS" in answer, answer[:300]


def test_the_http2_preface_is_505(root: str) -> None:
    answer = _raw(root, b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 10)
    assert answer.startswith(b"HTTP/1.1 505 ") and b"HTTP/1.1" in answer.split(b"\r\n\r\n", 1)[1], answer[:300]


# --- a store that answers garbage --------------------------------------------------------------------


@contextlib.contextmanager
def _garbage_store() -> Iterator[str]:
    """A listener that answers every request with a line that is not HTTP; yields its URL."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()

    def run() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(5)
                with contextlib.suppress(OSError):
                    conn.recv(65536)
                    conn.sendall(b"garbage\r\n\r\n")

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/query"
    finally:
        stop.set()
        thread.join(5)
        listener.close()


def test_a_store_that_answers_what_is_not_http_is_502_naming_the_store(fixture_release: Path) -> None:
    """Before, 500 "the server failed … please report it": the failure is the store's (RFC 9110 §15.6.3)."""
    with _garbage_store() as store, TestClient(create_app(fixture_release, Settings(store=store))) as c:
        for path in ("/sparql?query=ASK%7B%7D", "/id/meeting/x", "/doc/meeting/x.ttl"):
            r = c.get(path, headers={"Accept": "application/sparql-results+json, text/turtle"})
            assert r.status_code == 502 and r.headers["content-type"] == "application/problem+json", (path, r.text)
            assert "--store" in r.json()["detail"] and "please report" not in r.json()["detail"]
