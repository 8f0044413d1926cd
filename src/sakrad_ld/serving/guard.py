"""The outermost layer of the app: what every request and answer passes, whichever route answers.

Refuses absurdly long request targets (414), marks every answer ``X-Content-Type-Options: nosniff``,
and turns a failure inside the app into one log line and a 500 Problem Details answer, never a
traceback. What the request sent reaches the log escaped (:func:`printable`): a percent-encoded NUL,
newline or escape sequence in a path cannot forge or garble a log line.
"""

from __future__ import annotations

import logging
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from .problem import problem_response

__all__ = ["MAX_URL_LENGTH", "Guard", "printable"]

#: The longest request target (path and query) answered; longer ones get 414 (send a long query by POST).
MAX_URL_LENGTH = 8192

_log = logging.getLogger("sakrad_ld.serving")
_NOSNIFF = (b"x-content-type-options", b"nosniff")
#: Control characters (C0, DEL, C1) and the backslash, written as escapes in the log.
_UNPRINTABLE = {c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7F, 0xA0))} | {0x5C: "\\\\"}


def printable(text: str) -> str:
    """``text`` for a log line: control characters as ``\\xNN``, the backslash doubled."""
    return text.translate(_UNPRINTABLE)


class Guard:
    """ASGI middleware: 414 for long targets, ``nosniff`` on every answer, 500 without a traceback."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = len(scope.get("raw_path") or scope["path"].encode()) + len(scope.get("query_string", b""))
        if length > MAX_URL_LENGTH:
            response = problem_response(
                414,
                f"the address is {length} characters long; at most {MAX_URL_LENGTH} "
                "are accepted (send a long SPARQL query by POST)",
            )
            await response(scope, receive, send)
            return

        started = False

        async def send_with_headers(message: dict[str, Any]) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", ()), _NOSNIFF]
            await send(message)

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
                response = problem_response(
                    500,
                    f"the server failed on {scope.get('path', '')[:200]} "
                    f"({type(error).__name__}); please report it with the address "
                    "you asked for",
                )
                await response(scope, receive, send_with_headers)
