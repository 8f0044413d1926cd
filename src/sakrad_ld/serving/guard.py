"""The outermost layer of the app: what every request and answer passes, whichever route answers.

Reads a request target in absolute-form (``GET http://host/path HTTP/1.1``, which RFC 9112
section 3.2.2 says a server MUST accept) by its path, the authority ignored (answers never name a
host: a 303's Location is relative). Answers the asterisk-form target, ``OPTIONS *`` (RFC 9112
§3.2.4, RFC 9110 §9.3.7: the server in general), 200 with ``Allow`` (another method with ``*`` is
400), and a request of another major HTTP version than 1 (the HTTP/2 preface ``PRI * HTTP/2.0``
sent to a server that speaks HTTP/1.1) 505. Refuses request targets longer than :data:`MAX_URL_LENGTH`
(414: Problem Details to a program, to a browser whose Accept prefers HTML a page in the language of
``lang=`` or else ``Accept-Language``, with the query, if the target carried one, in a form sent by POST:
:func:`~sakrad_ld.web.results.too_long_page`) and paths with an encoded slash (404), marks every
answer ``X-Content-Type-Options: nosniff``, gives its own answers (these refusals, the 505, the 500)
the CORS headers the app's answers have, so a web page's script can read them, and turns a failure inside the app into one log line and a 500 Problem Details answer, never a
traceback (502 where the external store of ``serve --store`` failed: it cannot be reached, answered
something that is not HTTP, an error status, too much or what does not parse). What the request sent reaches the log escaped (:func:`printable`): a percent-encoded NUL,
newline or escape sequence in a path cannot forge or garble a log line.
"""

from __future__ import annotations

import http.client
import logging
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl, unquote

from starlette.datastructures import Headers
from starlette.responses import HTMLResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from ..formats import HTML
from ..sparql.remotestore import StoreError
from ..web.results import MAX_URL_LENGTH, named_language, too_long_page
from ..web.served import preferred_language
from .negotiation import choose
from .problem import PROBLEM_FORMAT, problem_response

__all__ = ["MAX_URL_LENGTH", "Guard", "printable"]

# MAX_URL_LENGTH (imported above, declared beside the answer page that keeps its links within it):
# the longest request target (path and query) answered; longer ones get 414 (send a long query by POST).
#: The most of a too-long query string read for the query and ``lang`` of the page a browser gets
#: (the request head is at most 16 KiB; a longer string is not read: the page has no query, in the
#: language of ``Accept-Language``).
_READ_AT_MOST = 1 << 16

_log = logging.getLogger("sakrad_ld.serving")
_NOSNIFF = (b"x-content-type-options", b"nosniff")
#: An absolute-form target's scheme and authority (RFC 9112 3.2.2); what follows is its path (h11
#: hands the target on whole, the query already split off).
_ABSOLUTE = re.compile(rb"([A-Za-z][A-Za-z0-9+.-]*)://[^/]*")
#: A slash written as %2F: a character of a path segment (RFC 3986 2.2), not a separator, which no
#: address of this server holds; read as "/" it would name another resource (Apache's default answers
#: such a path 404 too).
_ENCODED_SLASH = re.compile(rb"%2[Ff]")
_ENCODED_SLASH_TEXT = (
    "no such address: the path holds an encoded slash (%2F), a character inside a path segment, and no "
    "address here has one; write the slash itself"
)
#: Control characters (C0, DEL, C1) and the backslash, written as escapes in the log.
_UNPRINTABLE = {c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7F, 0xA0))} | {0x5C: "\\\\"}


def printable(text: str) -> str:
    """``text`` for a log line: control characters as ``\\xNN``, the backslash doubled."""
    return text.translate(_UNPRINTABLE)


#: What the server answers, taken together (``OPTIONS *``); POST is answered at /sparql only.
_ALLOW = "GET, HEAD, POST"


def _not_a_path(scope: Scope) -> Response | None:
    """The answer to a request that names no path of this server: an HTTP version other than 1.x
    (505), or the asterisk-form target (``OPTIONS *``: 200 with ``Allow``; another method: 400);
    None for any other request."""
    version = str(scope.get("http_version", "1.1"))
    if not version.startswith("1"):
        return problem_response(
            505,
            f"this server speaks HTTP/1.1 (and 1.0) on this connection, not HTTP/{version[:8]}; "
            "send the request as HTTP/1.1",
        )
    if (scope.get("raw_path") or scope.get("path", "").encode()) != b"*":
        return None
    if scope.get("method") == "OPTIONS":
        return Response(status_code=200, headers={"Allow": _ALLOW, "Content-Length": "0"})
    return problem_response(
        400,
        f"the request target * names the server as a whole, which only OPTIONS asks about (RFC 9112 §3.2.4); "
        f"{scope.get('method', '')[:20]} takes a path, such as /",
    )


def _refused(scope: Scope) -> Scope | Response:
    """The answer to a request refused before the app sees it (an absolute-form target of another
    scheme, no path of this server, an encoded slash, a target too long); else the request's scope,
    an absolute-form target read by its path."""
    origin = _origin_form(scope)
    if isinstance(origin, str):
        return problem_response(400, origin)
    whole = _not_a_path(origin)
    if whole is not None:
        return whole
    if _ENCODED_SLASH.search(origin.get("raw_path") or b""):
        return problem_response(404, _ENCODED_SLASH_TEXT)
    length = len(origin.get("raw_path") or origin["path"].encode()) + len(origin.get("query_string", b""))
    if length > MAX_URL_LENGTH:
        return _too_long(origin, length)
    return origin


def _too_long(scope: Scope, length: int) -> Response:
    """414 to a request target of ``length`` characters: Problem Details, or, to a browser (Accept
    prefers HTML), a page saying so with the query (if the target is ``/sparql``'s and names one)
    in a form sent by POST, in the language ``lang=`` names, else Accept-Language's."""
    headers = Headers(scope=scope)
    if choose(headers.get("accept"), (PROBLEM_FORMAT, HTML)) is not HTML:
        return problem_response(
            414,
            f"the address is {length} characters long; at most {MAX_URL_LENGTH} "
            "are accepted (send a long SPARQL query by POST)",
        )
    raw = scope.get("query_string", b"")
    params: list[tuple[str, str]] = []
    if len(raw) <= _READ_AT_MOST:
        try:
            params = parse_qsl(raw.decode("utf-8"), keep_blank_values=True, max_num_fields=100)
        except (UnicodeDecodeError, ValueError):
            params = []
    lang = named_language(params) or preferred_language(headers.get("accept-language"))
    queries = [v for n, v in params if n == "query"]
    query = queries[0] if len(queries) == 1 and scope.get("path") == "/sparql" else ""
    return HTMLResponse(
        too_long_page(length, query, lang), status_code=414, headers={"Vary": "Accept, Accept-Language"}
    )


def _failed(scope: Scope, error: Exception) -> Response:
    """The answer to a request the app failed on: 502 where the failure is an answer that is not
    HTTP from the server the app asked (the external store of ``serve --store``: the only HTTP the
    server's process sends; RFC 9110 §15.6.3), else 500."""
    path = scope.get("path", "")[:200]
    if isinstance(error, StoreError):
        return problem_response(
            502,
            f"the SPARQL store the server reads (serve --store) failed on a request for {path}: "
            f"{error.what}; check that the store runs and that --store names its SPARQL query endpoint",
        )
    if isinstance(error, http.client.HTTPException):
        return problem_response(
            502,
            f"the SPARQL store the server reads (serve --store) answered a request for {path} with "
            f"something that is not HTTP ({type(error).__name__}); check that the store runs and that "
            "--store names its SPARQL query endpoint",
        )
    return problem_response(
        500, f"the server failed on {path} ({type(error).__name__}); please report it with the address you asked for"
    )


def _origin_form(scope: Scope) -> Scope | str:
    """``scope`` with an absolute-form target read as the origin-form of its path (``http://a`` is
    ``/``); a scheme other than http(s) is the reason to refuse it, as text."""
    raw = scope.get("raw_path") or b""
    found = _ABSOLUTE.match(raw)
    if found is None:
        return scope
    scheme = found.group(1).decode("ascii").lower()
    if scheme not in ("http", "https"):
        return f"the request target is an absolute address of the scheme {scheme!r}; this server answers http and https"
    path = raw[found.end() :] or b"/"
    return {**scope, "raw_path": path, "path": unquote(path.decode("ascii"))}


class Guard:
    """ASGI middleware: absolute-form targets read by their path, 414 for long targets, ``nosniff``
    on every answer, 500 without a traceback. ``cors`` wraps an answer of the guard's own (a refusal,
    the 500) in the CORS layer the app's answers pass, so that a browser's script reads it as it reads
    any other answer (without CORS headers it sees only a network error)."""

    def __init__(self, app: ASGIApp, cors: Callable[[ASGIApp], ASGIApp] | None = None) -> None:
        self.app = app
        self.cors = cors or (lambda answer: answer)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: dict[str, Any]) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", ()), _NOSNIFF]
            await send(message)

        refused = _refused(scope)
        if isinstance(refused, Response):
            await self.cors(refused)(scope, receive, send_with_headers)
            return
        scope = refused
        try:
            await self.app(scope, receive, send_with_headers)
        except Exception as error:  # noqa: BLE001 - one line in the log, a clear answer to the client
            _log.error(
                "%s %s failed: %s: %s",
                scope.get("method"),
                printable(scope.get("path", "")[:200]),
                type(error).__name__,
                printable(str(error)[:300]),
            )
            if not started:
                await self.cors(_failed(scope, error))(scope, receive, send_with_headers)
