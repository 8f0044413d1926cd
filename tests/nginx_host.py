"""nginx serving an exported site with the export's own rules (``NGINX_HTTP`` in ``http``,
``NGINX_SERVER`` in the ``server`` block), on a free port of 127.0.0.1, for the tests that compare
a static host's answers with the server's (tests/test_static.py, tests/test_headers_r11.py)."""

from __future__ import annotations

import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from sakrad_ld.web.nginxhost import local_nginx


def free_port() -> int:
    """A TCP port of 127.0.0.1 nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def nginx_serving(site: Path, run: Path) -> Iterator[tuple[str, int]]:
    """(host, port) of nginx serving ``site`` while the block runs, its configuration, pid and log
    in the directory ``run``; after it, its error log holds no ``[emerg]`` and no ``[warn]``."""
    port = free_port()
    command = local_nginx(site, run, port)
    if not Path(command[0]).is_file():
        pytest.fail("nginx is not installed: .ci/run installs it (apt-get install nginx)")
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        for _ in range(100):
            if proc.poll() is not None:
                pytest.fail(f"nginx did not start: {proc.stdout.read().decode()} {(run / 'error.log').read_text()}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.05)
        else:
            pytest.fail("nginx did not open its port within 5 s")
        yield "127.0.0.1", port
    finally:
        proc.send_signal(signal.SIGQUIT)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    log = (run / "error.log").read_text(encoding="utf-8") if (run / "error.log").exists() else ""
    assert "[emerg]" not in log and "[warn]" not in log, log
