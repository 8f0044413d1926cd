"""A server a test starts on 127.0.0.1 (nginx, Apache, Oxigraph): a free port for it, the wait until
it listens, and its stop."""

from __future__ import annotations

import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest


def free_port() -> int:
    """A TCP port of 127.0.0.1 nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


#: Seconds a server started by a test may take to listen before the test fails.
START_LIMIT = 120.0


def wait_listening(proc: subprocess.Popen[bytes], ports: tuple[int, ...], name: str, log: Path | None = None) -> None:
    """Returns once ``proc`` (``name``, its output piped) listens on each of ``ports``; fails the test
    with its output (and ``log``) when it exits first, or when it takes more than :data:`START_LIMIT`
    seconds (a bound a busy machine's start never comes near: a server that starts waits no longer)."""
    for _ in range(int(START_LIMIT / 0.05)):
        if proc.poll() is not None:
            said = proc.stdout.read().decode()  # type: ignore[union-attr]
            pytest.fail(f"{name} did not start: {said} {log.read_text()}" if log else f"{name} did not start: {said}")
        try:
            for port in ports:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return
        except OSError:
            time.sleep(0.05)
    pytest.fail(f"{name} did not open its {'port' if len(ports) == 1 else 'ports'} within {START_LIMIT:.0f} s")


def stop(proc: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    """Sends ``sig`` to ``proc`` and waits for it to end; kills it after 10 s."""
    proc.send_signal(sig)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
