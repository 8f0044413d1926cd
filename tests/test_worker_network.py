"""The query workers cannot reach the network, even with a query the SERVICE check never saw.

``SERVICE`` is refused by the lexer before a query reaches a worker; were the lexer fooled,
pyoxigraph would send the request itself (shown first, in this process). A worker runs in a network
namespace of its own (:func:`sakrad_ld.serving.workers.isolate_network`), so a ``SERVICE`` call to a
listener on the host's loopback, run in a worker with no check at all (``workerprobe.run_unchecked``),
fails inside the engine and no connection arrives.
"""

from __future__ import annotations

import errno
import logging
import os
import socket
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from sakrad_ld.serving.workers import WorkerPool, isolate_network

TESTS = Path(__file__).parent


class Listener:
    """A TCP listener on 127.0.0.1 that records the first bytes of every connection it accepts."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/sparql"
        self.received: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(2)
                try:
                    self.received.append(conn.recv(200))
                except OSError:
                    self.received.append(b"")

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = Listener()
    try:
        yield server
    finally:
        server.close()


def _service(url: str) -> str:
    return f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"


def test_the_engine_itself_would_call_the_listener(listener: Listener) -> None:
    """The control: without the wall, pyoxigraph connects to what SERVICE names."""
    with pytest.raises(OSError):  # the listener answers no HTTP, it only records
        list(ox.Store().query(_service(listener.url)))
    listener.close()
    assert listener.received and listener.received[0].startswith(b"POST /sparql")


def test_a_worker_cannot_reach_the_loopback_even_when_the_lexer_is_bypassed(
    release: Path, listener: Listener, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(TESTS), os.environ.get("PYTHONPATH")])))
    pool = WorkerPool(release, _run_unchecked(), 1, timeout=120)
    try:
        with caplog.at_level(logging.WARNING, logger="sakrad_ld.serving"):
            pool.start()
        if pool.network_refused:  # the fallback is logged, and there is no wall to test here
            assert pool.network_refused in caplog.text
            pytest.skip(f"this kernel refuses network namespaces: {pool.network_refused}")
        kind, detail = pool.run(_service(listener.url))
        # the worker is alive and answers the next query
        assert pool.run("ASK { ?s ?p ?o }")[0] == "ok"
    finally:
        pool.close()
    listener.close()  # waits for a connection being accepted to be recorded
    assert kind == "failed", detail
    assert listener.received == []


def _run_unchecked():  # imported late: the test's own module, found by the worker through PYTHONPATH
    sys.path.insert(0, str(TESTS))
    from workerprobe import run_unchecked

    return run_unchecked


def test_a_refusing_kernel_is_reported_with_why() -> None:
    calls: list[int] = []

    def refuse(flags: int) -> int:
        calls.append(flags)
        return errno.EPERM

    reason = isolate_network(refuse)
    if not sys.platform.startswith("linux"):
        assert "Linux" in reason
        return
    assert len(calls) == 2  # a network namespace alone, then inside a user namespace
    assert reason.count(os.strerror(errno.EPERM)) == 2
    assert "CLONE_NEWUSER|CLONE_NEWNET" in reason
    assert isolate_network(lambda flags: 0) == ""


def test_a_pool_whose_workers_reach_the_network_warns_once(caplog: pytest.LogCaptureFixture, tmp_path: Path) -> None:
    pool = WorkerPool(tmp_path, _run_unchecked(), 1, timeout=1)
    with caplog.at_level(logging.WARNING, logger="sakrad_ld.serving"):
        pool._network_refused("unshare(CLONE_NEWNET): Operation not permitted")
        pool._network_refused("unshare(CLONE_NEWNET): Operation not permitted")
    assert caplog.text.count("can reach the network") == 1
    assert pool.network_refused.endswith("Operation not permitted")
