"""Connections: how many are held open, and how long a client may take to send its request.

uvicorn closes an idle keep-alive connection after ``timeout_keep_alive``, but it sets no timer
on a connection that has not yet sent a complete request head, and nothing limits how many such
connections are held. A client that opens connections and sends nothing (or one byte every few
seconds: "slowloris") keeps them, and its file descriptors, for ever; 20,000 of them stopped a
server that had 1,024. :func:`guarded_protocol` gives uvicorn's h11 protocol both limits:

* a **request timer**: a connection has ``request_timeout`` seconds from when it opens, or from
  when its previous answer was sent, to send a complete request head; otherwise it is closed. (The
  body of a SPARQL POST has the same time again: :mod:`sakrad_ld.serving.protocol`.)
* a **connection limit**: past ``max_connections`` open connections, a new one closes the
  connection that has been idle longest (opened or answered, and no request since); only when
  every connection is busy with a request is the new one answered 503 with ``Retry-After`` and
  closed. So idle connections, however many are opened, cannot keep another client out.

:func:`serve` runs the app with these limits (``sakrad-ld serve``) and raises the process's
limit of open files to what the connection limit needs.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import Any

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from .problem import PROBLEM_MEDIA_TYPE, problem_body
from .settings import Settings

__all__ = ["guarded_protocol", "raise_open_files", "serve", "uvicorn_config"]

_log = logging.getLogger("sakrad_ld.serving")
#: File descriptors kept beside the connections: the release's files, workers' sockets, logs.
_SPARE_FILES = 64
#: The largest request head accepted, in bytes (h11's own default is 16 KiB).
MAX_HEAD_BYTES = 16 * 1024


def _busy_answer() -> bytes:
    body = problem_body(
        503, "the server holds as many connections as it may, all of them busy; try again in a few seconds"
    )
    return (
        b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: "
        + PROBLEM_MEDIA_TYPE.encode()
        + b"\r\nRetry-After: 5\r\nConnection: close\r\nContent-Length: "
        + str(len(body)).encode()
        + b"\r\n\r\n"
        + body
    )


def guarded_protocol(max_connections: int, request_timeout: float) -> type[H11Protocol]:
    """uvicorn's h11 protocol with a request timer and a connection limit (this module's docstring)."""
    idle: OrderedDict[H11Protocol, None] = OrderedDict()  # oldest idle first
    state = {"evicted": 0, "refused": 0, "timed_out": 0}

    class GuardedH11Protocol(H11Protocol):
        limits = state

        def connection_made(self, transport: Any) -> None:
            super().connection_made(transport)
            self._request_timer = None
            if len(self.connections) > max_connections:
                if idle:
                    oldest, _ = idle.popitem(last=False)
                    state["evicted"] += 1
                    oldest._close_quietly()
                else:
                    state["refused"] += 1
                    transport.write(_busy_answer())
                    transport.close()
                    return
            self._wait_for_request()

        def _wait_for_request(self) -> None:
            idle[self] = None
            idle.move_to_end(self)
            self._cancel_request_timer()
            self._request_timer = self.loop.call_later(request_timeout, self._request_too_slow)

        def _cancel_request_timer(self) -> None:
            if self._request_timer is not None:
                self._request_timer.cancel()
                self._request_timer = None

        def _request_too_slow(self) -> None:
            self._request_timer = None
            state["timed_out"] += 1
            self._close_quietly()

        def _close_quietly(self) -> None:
            idle.pop(self, None)
            self._cancel_request_timer()
            if not self.transport.is_closing():
                self.transport.close()

        def handle_events(self) -> None:
            # a complete request head has arrived when uvicorn makes a request cycle of it
            cycle = self.cycle
            super().handle_events()
            if self.cycle is not cycle and self.cycle is not None:
                idle.pop(self, None)
                self._cancel_request_timer()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing() and (self.cycle is None or self.cycle.response_complete):
                self._wait_for_request()

        def connection_lost(self, exc: Exception | None) -> None:
            idle.pop(self, None)
            self._cancel_request_timer()
            super().connection_lost(exc)

    return GuardedH11Protocol


def raise_open_files(wanted: int) -> int:
    """Raises the soft limit of open files towards ``wanted`` (never past the hard limit); the limit now."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if target > soft:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            soft = target
        except (ValueError, OSError):
            pass
    return soft


def uvicorn_config(app: Any, settings: Settings, **options: Any) -> uvicorn.Config:
    """The uvicorn configuration that serves ``app`` within the settings' limits."""
    files = raise_open_files(settings.max_connections + _SPARE_FILES)
    connections = max(8, min(settings.max_connections, files - _SPARE_FILES))
    if connections < settings.max_connections:
        _log.warning(
            "the process may open %d files: at most %d connections, not %d",
            files,
            connections,
            settings.max_connections,
        )
    return uvicorn.Config(
        app,
        http=guarded_protocol(connections, settings.request_timeout),
        timeout_keep_alive=max(1, round(settings.idle_timeout)),
        h11_max_incomplete_event_size=MAX_HEAD_BYTES,
        timeout_graceful_shutdown=5,
        **options,
    )


def serve(app: Any, host: str, port: int, settings: Settings) -> None:
    """Serves ``app`` on ``host:port`` until interrupted, within the settings' limits."""
    uvicorn.Server(uvicorn_config(app, settings, host=host, port=port, log_level="info")).run()
