"""nginx serving an exported site with the export's own rules (``NGINX_HTTP`` in ``http``,
``NGINX_SERVER`` in the ``server`` block), on a free port of 127.0.0.1 (tests/loopback.py), for the tests that compare
a static host's answers with the server's (tests/test_static.py, tests/test_headers.py)."""

from __future__ import annotations

import signal
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from loopback import free_port, stop, wait_listening

from sakrad_ld.web.nginxhost import local_nginx


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
        wait_listening(proc, (port,), "nginx", run / "error.log")
        yield "127.0.0.1", port
    finally:
        stop(proc, signal.SIGQUIT)
    log = (run / "error.log").read_text(encoding="utf-8") if (run / "error.log").exists() else ""
    assert "[emerg]" not in log and "[warn]" not in log, log
