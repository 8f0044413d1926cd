"""The outermost layer of the app: what every request and answer passes, whichever route answers.

Refuses absurdly long request targets (414), marks every answer ``X-Content-Type-Options: nosniff``,
and turns a failure inside the app into one log line and a 500 Problem Details answer, never a
traceback.
"""

from __future__ import annotations

import logging
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from .problem import problem_response

__all__ = ["MAX_URL_LENGTH", "Guard"]

#: The longest request target (path and query) answered; longer ones get 414 (send a long query by POST).
MAX_URL_LENGTH = 8192

_log = logging.getLogger("sakrad_ld.serving")
_NOSNIFF = (b"x-content-type-options", b"nosniff")


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
                scope.get("path", "")[:200],
                type(error).__name__,
                str(error).splitlines()[0][:300] if str(error) else "",
            )
            if not started:
                response = problem_response(
                    500,
                    f"the server failed on {scope.get('path', '')[:200]} "
                    f"({type(error).__name__}); please report it with the address "
                    "you asked for",
                )
                await response(scope, receive, send_with_headers)
