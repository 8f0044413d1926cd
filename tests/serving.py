"""Runs an app on a real socket for a test: uvicorn on 127.0.0.1, a free port, stopped afterwards."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn


@contextmanager
def serving(app: Any) -> Iterator[str]:
    """The app served on loopback for the ``with`` block; yields its root URL (no trailing slash)."""
    # IPPROTO_TCP, so that asyncio sets TCP_NODELAY on accepted connections (no 40 ms Nagle delays)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    settings = getattr(getattr(app, "state", None), "settings", None)
    if settings is not None:  # the app of sakrad-ld serve: with its connection limits, as the command runs it
        from sakrad_ld.serving.connections import uvicorn_config

        config = uvicorn_config(app, settings, log_level="warning", lifespan="on")
    else:
        config = uvicorn.Config(app, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(30)
        sock.close()
