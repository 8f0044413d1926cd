"""Connections: how many are held open, how long a client may take to send its request, and which
connection gives way when there are too many.

uvicorn closes an idle keep-alive connection after ``timeout_keep_alive``, but it sets no timer
on a connection that has not yet sent a complete request head, and nothing limits how many such
connections are held. A client that opens connections and sends nothing (or one byte every few
seconds: "slowloris") keeps them, and its file descriptors, for ever; 20,000 of them stopped a
server that had 1,024. :func:`guarded_protocol` gives uvicorn's h11 protocol both limits:

* a **request timer**: a connection has ``request_timeout`` seconds from when it opens, or from
  when its previous answer was sent, to send a complete request head; otherwise it is closed. (The
  body of a SPARQL POST has the same time again: :mod:`sakrad_ld.serving.protocol`.)
* a **connection limit**: past ``max_connections`` open connections, a new one closes one that
  does nothing useful, in this order:

  1. one that has waited :data:`GRACE` seconds or more for its client: for its request's body (a
     SPARQL POST; answered 503), or for a request head (closed; a head trickling in counts as
     waiting), the one waiting longest first; a kept-alive connection whose next request has
     already come (unread in the socket: the server is late, not the client) is not waiting;
  2. a new connection that has not yet sent its request head (closed);
  3. one whose request is being refused for load and waits out the refusal's pause
     (:mod:`sakrad_ld.serving.admission`): it is answered its 503 now, without the rest of the pause;
  4. one waiting less than :data:`GRACE` for its body.

  Otherwise the new one is answered 503 with ``Retry-After`` and closed: every connection is then
  working on a request (reading a document, running or waiting for a query) or is a kept-alive
  connection idle for less than :data:`GRACE` between two requests. A request whose head has been
  read counts as working until the route marks its wait (:func:`standing_by`), and under load many
  requests can be in that moment at once (the event loop reads heads before it runs their
  routes); were a young idle connection closed then, a burst of requests that are about to wait
  would push out a client that fetches documents over a connection it keeps. So connections that
  only wait (for a body that does not come, for a refusal's pause, for a head) never push out such
  a client: it is idle only for the moment between an answer and its next request. Closing a new
  connection before it has sent anything costs the server less than taking its request, so an
  attacker that reconnects at once mostly costs an accepted and closed socket.

A request h11 cannot read is answered as every other error, with Problem Details, never with
uvicorn's plain-text 400 (:func:`_answer_unreadable`): 431 for a head past :data:`MAX_HEAD_BYTES`
that is still incomplete (400 for a chunk's size line that long in a body), 400 with h11's reason otherwise (no ``Host``, two, a bad or doubled
``Content-Length``, HTTP/0.9, a NUL in the target …, and both ``Content-Length`` and
``Transfer-Encoding``, which h11 reads by the latter: :func:`_framed_once`). A request line without
an HTTP version (HTTP/0.9's one-line ``GET /``) is refused as soon as the line is whole, since h11
reads nothing before the head's blank line, which such a client never sends. The connection then stops sending and reads
on, discarding, for at most :data:`LINGER` seconds before it closes: closed at once with the rest of
a large head unread, the kernel would send a reset that destroys the answer before the client reads
it (heads of 200 KB got a reset and no status).

:func:`serve` runs the app with these limits (``sakrad-ld serve``) and raises the process's
limit of open files to what the connection limit needs. Where it cannot (a hard limit below it), the
connections are fewer, so that they, a batch of connections accepted at once and the files the
server keeps beside them fit the limit (:func:`connection_budget`): asyncio accepts up to the listen
backlog's count of connections each time the listening socket is ready, before any of them can make
another give way. Should the process still run out of files, the failed accept is logged as one
line every :data:`_ACCEPT_LOG_INTERVAL` seconds with how many failed, never with a traceback
(:func:`quiet_accept_errors`); the connections not accepted wait in the kernel's queue, and asyncio
tries again a second later.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import fcntl
import itertools
import logging
import re
import struct
import sys
import termios
from collections import OrderedDict
from collections.abc import Callable, Iterator, MutableMapping
from typing import TYPE_CHECKING, Any

from ..sparql.limits import MAX_QUERY_BYTES
from .problem import PROBLEM_MEDIA_TYPE, problem_body
from .settings import Settings

if TYPE_CHECKING:  # uvicorn is imported where a server is made, not by the query workers (protocol.py)
    import uvicorn
    from uvicorn.protocols.http.h11_impl import H11Protocol

__all__ = [
    "GRACE",
    "connection_budget",
    "give_up",
    "guarded_protocol",
    "quiet_accept_errors",
    "raise_open_files",
    "serve",
    "standing_by",
    "uvicorn_config",
]

_log = logging.getLogger("sakrad_ld.serving")
#: File descriptors kept beside the connections: the release's files, workers' sockets, logs.
_SPARE_FILES = 64
#: The listen backlog where the open files allow it (nginx's default): also how many connections
#: asyncio accepts at once, each a file, before any of them can make another give way.
_BACKLOG = 511
#: The fewest connections and the smallest backlog, however few files the process may open.
_FEWEST = 8
#: Seconds between two log lines about connections that could not be accepted (no files left).
_ACCEPT_LOG_INTERVAL = 10.0
#: The errors of ``accept()`` that mean the process or system is out of a resource (asyncio then
#: stops accepting for a second); anything else is logged as asyncio logs it.
_OUT_OF_RESOURCE = (errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM)
#: The largest request head accepted, in bytes (h11's own default is 16 KiB).
MAX_HEAD_BYTES = 16 * 1024
#: Seconds a connection may wait for its client (a head, a body) before it is the first to give way
#: when the connections run out; a client on a working network sends a query's body in far less.
GRACE = 1.0
#: How many idle connections waiting :data:`GRACE` or more are looked at for one that gives way.
_LOOK_PAST = 16
#: Seconds a connection answered for a request h11 cannot read goes on reading (and discarding) before it closes.
LINGER = 2.0
#: How a request line ends that h11 can read (RFC 9112 §3: ``method SP target SP HTTP/x.y``); a
#: line without it (HTTP/0.9's ``GET /``) is refused once it is whole, not once a head is.
_VERSIONED = re.compile(rb" HTTP/[0-9]\.[0-9]\r?\Z")
#: The key under which a request's scope names its connection (for :func:`standing_by`).
_SCOPE_KEY = "sakrad.connection"
#: What a connection stands by for: a refusal's pause, or its request's body.
REFUSAL, BODY = "refusal", "body"


def _unread(transport: Any) -> bool:
    """Whether bytes from the client wait unread in the connection's socket."""
    sock = transport.get_extra_info("socket")
    if sock is None:
        return False
    try:
        return struct.unpack("i", fcntl.ioctl(sock.fileno(), termios.FIONREAD, b"\0\0\0\0"))[0] > 0
    except (OSError, ValueError):  # closed (no descriptor)
        return False


def _answer_503(detail: str, retry_after: int) -> bytes:
    body = problem_body(503, detail)
    return (
        b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: "
        + PROBLEM_MEDIA_TYPE.encode()
        + b"\r\nRetry-After: "
        + str(retry_after).encode()
        + b"\r\nConnection: close\r\nContent-Length: "
        + str(len(body)).encode()
        + b"\r\n\r\n"
        + body
    )


def _framed_once(next_event: Callable[[], Any]) -> Callable[[], Any]:
    """h11's ``next_event`` refusing a request whose head says both ``Content-Length`` and
    ``Transfer-Encoding`` (RFC 9112 §6.1: the server MUST close the connection after answering it).
    h11 would read its body as chunked and the rest as a next request on the same connection, where a
    front end framing by Content-Length sees one request: a request smuggled past it. The refusal is
    h11's own error, so the request is answered 400 as every request h11 cannot read, and closed."""
    import h11

    def framed_once() -> Any:
        event = next_event()
        if isinstance(event, h11.Request):
            names = {name.lower() for name, _ in event.headers}
            if b"content-length" in names and b"transfer-encoding" in names:
                raise h11.RemoteProtocolError(
                    "both Content-Length and Transfer-Encoding frame its body; send one of them", 400
                )
        return event

    return framed_once


_REASONS = {400: "Bad Request", 413: "Content Too Large", 431: "Request Header Fields Too Large"}


def _answer_unreadable(error: BaseException, in_body: bool = False) -> bytes:
    """The whole answer to a request h11 could not read (``error``, its RemoteProtocolError), or whose
    chunked body is too large (413, ``error`` says how large). ``in_body``: the request's head was
    read, so a line too long is a chunk's size line in its body (its chunk extensions, RFC 9112
    §7.1.1), refused with 400, not 431, which is about the head."""
    status = getattr(error, "error_status_hint", 400)
    status = status if status in _REASONS else 400
    if status == 431 and in_body:
        status = 400
        detail = (
            f"a chunk's size line in the request's body (its size and chunk extensions) is longer than "
            f"{MAX_HEAD_BYTES} bytes, the most read; send the body's chunks without extensions, or send "
            "the body whole with Content-Length"
        )
    elif status == 431:
        detail = (
            f"the request's head (its request line and header fields) is longer than {MAX_HEAD_BYTES} bytes, "
            "the most accepted; send fewer or shorter header fields"
        )
    elif status == 413:
        detail = str(error)
    else:
        reason = str(error)[:200].translate({c: "?" for c in (*range(0x20), 0x7F)})
        detail = f"the request is not valid HTTP/1.1 ({reason}); send a request line, a Host header field and at most one Content-Length"
    body = problem_body(status, detail)
    return (
        f"HTTP/1.1 {status} {_REASONS[status]}\r\n"
        f"Content-Type: {PROBLEM_MEDIA_TYPE}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode() + body


class _TooLarge(Exception):
    """A chunked request body past :data:`MAX_QUERY_BYTES`, known from what it has sent and announced."""

    error_status_hint = 413

    def __init__(self, size: int) -> None:
        super().__init__(
            f"the request body is longer than {MAX_QUERY_BYTES} bytes, the largest query accepted "
            f"(its chunks have sent and announced {size} bytes); send a shorter query"
        )


_BUSY = _answer_503("the server holds as many connections as it may, all of them busy; try again in a few seconds", 5)
_GIVEN_WAY = {
    REFUSAL: _answer_503("the server is busy with queries; try again in a few seconds", 2),
    BODY: _answer_503(
        "the server holds as many connections as it may, and this one was still waiting for its "
        "request's body; send the body with the request and try again in a few seconds",
        5,
    ),
}


@contextlib.contextmanager
def standing_by(scope: MutableMapping[str, Any], why: str) -> Iterator[None]:
    """Marks the request's connection, for the ``with`` block, as waiting on its client (``why``:
    BODY) or on a refusal's pause (REFUSAL): when connections run out, it gives way before an idle
    one (this module's docstring). Does nothing for a request that came another way (a test's
    client, ``serve --get``)."""
    connection = scope.get(_SCOPE_KEY)
    if connection is None:
        yield
        return
    connection.stand_by(why)
    try:
        yield
    finally:
        connection.resume()


async def give_up(scope: MutableMapping[str, Any]) -> None:
    """Drops the request's connection at once, with whatever of its answer is still buffered (a client
    that reads nothing: :class:`sakrad_ld.serving.answers.SentAnswer`). Does nothing for a request
    that came another way."""
    connection = scope.get(_SCOPE_KEY)
    if connection is not None and not connection.transport.is_closing():
        connection.transport.abort()
        await asyncio.sleep(0)  # the connection is lost (uvicorn marks the answer as disconnected)


def guarded_protocol(max_connections: int, request_timeout: float) -> type[H11Protocol]:
    """uvicorn's h11 protocol with a request timer and a connection limit (this module's docstring)."""
    from uvicorn.protocols.http.h11_impl import H11Protocol

    # each oldest first: connections waiting for a body, in a refusal's pause, and (below) for a head
    fresh: OrderedDict[H11Protocol, None] = OrderedDict()  # opened, no request answered yet
    idle: OrderedDict[H11Protocol, None] = OrderedDict()  # kept alive after an answer
    waiting: OrderedDict[H11Protocol, None] = OrderedDict()
    refusing: OrderedDict[H11Protocol, None] = OrderedDict()
    state = {"evicted": 0, "gave_way": 0, "refused": 0, "timed_out": 0, "closing": 0}

    def victim(now: float) -> Any:
        """The connection that gives way to a new one (the order of this module's docstring), or None."""
        for group in (waiting, fresh, idle):
            # oldest first; an idle one whose next request is already in its socket is skipped
            for other in itertools.islice(group, _LOOK_PAST):
                if now - other.since < GRACE:
                    break
                if group is not idle or not _unread(other.transport):
                    return other
        if fresh:
            return next(iter(fresh))
        if refusing:
            return next(iter(refusing))
        return next(iter(waiting), None)

    class GuardedH11Protocol(H11Protocol):
        limits = state

        def connection_made(self, transport: Any) -> None:
            super().connection_made(transport)
            self.conn.next_event = self._bounded(_framed_once(self.conn.next_event))  # type: ignore[method-assign]
            self._request_timer = None
            self.first_line: bytes | None = None
            self.since = self.loop.time()
            self.standing: str | None = None
            self.evicted = False
            self.answered = False
            self.lingering = False
            self.in_body = False  # a request's head has been read and its body not yet whole
            # connections closed to make room that have not gone yet do not count
            if len(self.connections) - state["closing"] > max_connections:
                other = victim(self.since)
                if other is None:
                    state["refused"] += 1
                    transport.write(_BUSY)
                    transport.close()
                    return
                other.give_way()
            self._wait_for_request()

        def _bounded(self, next_event: Callable[[], Any]) -> Callable[[], Any]:
            """h11's ``next_event`` answering 413 as soon as a chunked body is known to be longer than
            :data:`MAX_QUERY_BYTES`, the largest a route reads: when a chunk's size line announces more
            than the rest allows, not once the bytes have come (a client that announces 1 MiB and
            sends nothing would hold the connection until the body's timeout, then get 408). A body
            with ``Content-Length`` is refused by the route from its header
            (:mod:`sakrad_ld.serving.protocol`); an answer already begun is left alone."""
            import h11

            conn, seen = self.conn, 0

            def bounded() -> Any:
                nonlocal seen
                event = next_event()
                if isinstance(event, h11.Request):
                    seen = 0
                elif isinstance(event, h11.Data):
                    seen += len(event.data)
                if isinstance(event, (h11.Request, h11.EndOfMessage)):  # a head read: its body follows
                    self.in_body = isinstance(event, h11.Request)
                announced = getattr(getattr(conn, "_reader", None), "_bytes_in_chunk", None)
                if (
                    announced is not None
                    and seen + announced > MAX_QUERY_BYTES
                    and not self.lingering
                    and (self.cycle is None or not self.cycle.response_started)
                ):
                    self._refuse(_TooLarge(seen + announced))
                    return h11.NEED_DATA
                return event

            return bounded

        def _unsupported_upgrade_warning(self) -> None:
            # uvicorn's words advise installing a WebSocket library; this server serves HTTP/1.1
            # only (``ws="none"``), and answers a request asking to upgrade as any other
            self.logger.info("A request asked to upgrade its connection (Upgrade); answered over HTTP/1.1.")

        def send_400_response(self, msg: str) -> None:
            # uvicorn calls this for a request h11 cannot read, within its ``except RemoteProtocolError``
            error = sys.exc_info()[1]
            self._refuse(error if error is not None else ValueError(msg))

        def _refuse(self, error: BaseException) -> None:
            """Answers a request that cannot be read (400 or 431, Problem Details), then lingers and
            closes; the connection stays among those waiting for a head: past --max-connections it gives way first."""
            if self.transport.is_closing():
                return
            if self.cycle is not None and not self.cycle.response_complete:
                # the route waiting for the request's body is told the client went away: its own
                # answer (a 408 once its timeout passed) is then dropped, never sent after this one
                self.cycle.disconnected = True
                self.cycle.message_event.set()
            self.transport.write(_answer_unreadable(error, self.in_body))
            self.lingering = True  # the rest of what the client sends is read and dropped, then the connection closes
            if self.transport.can_write_eof():
                self.transport.write_eof()
            self.loop.call_later(LINGER, self._close_quietly)

        def data_received(self, data: bytes) -> None:
            # h11 is given at most MAX_HEAD_BYTES at a time, so a head too long is refused with at
            # most twice that buffered: a read is up to 256 KiB, and a connection's buffer lives on
            # until the garbage collector frees the closed connection (150 clients sending heads of
            # 300 KB to 50 connections held about 490 such buffers, 60 MiB, and the server grew by 190 MB)
            if self.first_line is not None and not self.lingering and self._no_version(data):
                return
            for at in range(0, len(data), MAX_HEAD_BYTES):
                if self.lingering or self.transport.is_closing():
                    return
                super().data_received(data if len(data) <= MAX_HEAD_BYTES else data[at : at + MAX_HEAD_BYTES])

        def _no_version(self, data: bytes) -> bool:
            """Whether the request line, once whole, has no HTTP version, and was refused (400): h11
            reads a request only when its head is (up to the blank line), so an HTTP/0.9 request
            (``GET /`` and a line break, no blank line after it: the client then waits for the
            answer) would wait for the request timer and be closed without an answer."""
            line = self.first_line + data[: MAX_HEAD_BYTES - len(self.first_line)]
            end = line.find(b"\n")
            if end < 0:
                self.first_line = line if len(line) < MAX_HEAD_BYTES else None  # a head too long: h11's 431
                return False
            self.first_line = None
            if _VERSIONED.search(line, 0, end):
                return False
            import h11

            self.logger.warning("Invalid HTTP request received.")  # as uvicorn logs h11's refusals
            self._refuse(h11.RemoteProtocolError("the request line has no HTTP version (HTTP/0.9 is not served)", 400))
            return True

        def eof_received(self) -> bool | None:
            if self.lingering:
                self._close_quietly()
            return super().eof_received()

        def give_way(self) -> None:
            """Closes this connection to let a new one in: an idle one quietly, a waiting one with a 503."""
            self.evicted = True
            state["closing"] += 1
            if self.standing is None:
                state["evicted"] += 1
            else:
                state["gave_way"] += 1
                # the app has not begun its answer (it waits); once the connection is lost, uvicorn drops it
                if self.cycle is not None and not self.cycle.response_started and not self.transport.is_closing():
                    self.transport.write(_GIVEN_WAY[self.standing])
            self._close_quietly()

        def stand_by(self, why: str) -> None:
            self.standing, self.since = why, self.loop.time()
            (refusing if why == REFUSAL else waiting)[self] = None

        def resume(self) -> None:
            refusing.pop(self, None)
            waiting.pop(self, None)
            self.standing = None

        def _wait_for_request(self) -> None:
            # what has come of the next request's line, until it is whole (_no_version); not looked at
            # where h11 holds the start of a request already (sent with the one answered)
            self.first_line = None if self.conn.trailing_data[0] else b""
            self.since = self.loop.time()
            (idle if self.answered else fresh)[self] = None
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

        def _stop_waiting_for_request(self) -> None:
            """Out of the lists of connections waiting for a request head, its request timer stopped."""
            fresh.pop(self, None)
            idle.pop(self, None)
            self._cancel_request_timer()

        def _close_quietly(self) -> None:
            self._stop_waiting_for_request()
            self.resume()
            if not self.transport.is_closing():
                self.transport.close()

        def handle_events(self) -> None:
            # a complete request head has arrived when uvicorn makes a request cycle of it
            cycle = self.cycle
            super().handle_events()
            if self.cycle is not cycle and self.cycle is not None:
                self._stop_waiting_for_request()
                self.cycle.scope[_SCOPE_KEY] = self  # type: ignore[literal-required]

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing() and (self.cycle is None or self.cycle.response_complete):
                self.answered = True
                self._wait_for_request()

        def connection_lost(self, exc: Exception | None) -> None:
            self._stop_waiting_for_request()
            self.resume()
            if getattr(self, "evicted", False):
                self.evicted = False
                state["closing"] -= 1
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


def connection_budget(max_connections: int, files: int) -> tuple[int, int]:
    """(connections, backlog) for a process that may open ``files`` files: at most ``max_connections``,
    and connections + backlog + :data:`_SPARE_FILES` within ``files`` (but never fewer than
    :data:`_FEWEST` of either). The backlog is also how many connections asyncio accepts at once, so
    a flood at the limit holds at most the connections, one batch and the spare files."""
    backlog = max(_FEWEST, min(_BACKLOG, (files - _SPARE_FILES) // 8))
    connections = max(_FEWEST, min(max_connections, files - _SPARE_FILES - backlog))
    return connections, backlog


def quiet_accept_errors(loop: asyncio.AbstractEventLoop, files: int) -> None:
    """Makes ``loop`` log a failed ``accept()`` for want of files (or memory) as one line, at most
    once every :data:`_ACCEPT_LOG_INTERVAL` seconds, saying how many failed since; asyncio logs each
    with a traceback, and it tries as many accepts as the backlog each time, so a flood of
    connections at the limit wrote thousands of lines a second. Anything else goes to the handler
    the loop had."""
    previous = loop.get_exception_handler()
    failed = {"count": 0, "logged": -_ACCEPT_LOG_INTERVAL}

    def handler(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        error = context.get("exception")
        if (
            isinstance(error, OSError)
            and error.errno in _OUT_OF_RESOURCE
            and "accept" in str(context.get("message", ""))
        ):
            failed["count"] += 1
            now = loop.time()
            if now - failed["logged"] >= _ACCEPT_LOG_INTERVAL:
                _log.warning(
                    "%d new connections could not be accepted (%s; the process may open %d files): "
                    "they wait until connections close",
                    failed["count"],
                    error.strerror or errno.errorcode.get(error.errno or 0, "error"),
                    files,
                )
                failed["count"], failed["logged"] = 0, now
            return
        if previous is not None:
            previous(loop, context)
        else:
            loop.default_exception_handler(context)

    loop.set_exception_handler(handler)


def uvicorn_config(app: Any, settings: Settings, **options: Any) -> uvicorn.Config:
    """The uvicorn configuration that serves ``app`` within the settings' limits."""
    import uvicorn

    files = raise_open_files(settings.max_connections + _SPARE_FILES + _BACKLOG)
    connections, backlog = connection_budget(settings.max_connections, files)
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
        # HTTP/1.1 only: a WebSocket upgrade is answered as any request (uvicorn's websockets
        # protocol would refuse it with a bare 403, without Problem Details or CORS headers)
        ws="none",
        timeout_keep_alive=max(1, round(settings.idle_timeout)),
        h11_max_incomplete_event_size=MAX_HEAD_BYTES,
        timeout_graceful_shutdown=5,
        backlog=backlog,
        **options,
    )


def serve(app: Any, host: str, port: int, settings: Settings) -> None:
    """Serves ``app`` on ``host:port`` until interrupted, within the settings' limits."""
    import resource

    import uvicorn

    class Server(uvicorn.Server):
        async def serve(self, sockets: Any = None) -> None:
            quiet_accept_errors(asyncio.get_running_loop(), resource.getrlimit(resource.RLIMIT_NOFILE)[0])
            await super().serve(sockets)

    Server(uvicorn_config(app, settings, host=host, port=port, log_level="info")).run()
