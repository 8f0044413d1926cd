"""The one shape of an error over HTTP: Problem Details for HTTP APIs (https://www.rfc-editor.org/rfc/rfc9457).

Every error the server answers with a JSON body is ``application/problem+json``::

    {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "what went wrong, where, what next"}

A person's browser asking for a page that does not exist gets an HTML page instead (404 only).

A route that cannot answer raises :class:`Problem` with the status and what to do instead; the app
turns it into this shape (as datasette's errors carry their status).
"""

from __future__ import annotations

import json
from http import HTTPStatus

from starlette.responses import Response

from ..formats import Format

__all__ = ["PROBLEM_FORMAT", "PROBLEM_MEDIA_TYPE", "Problem", "problem_body", "problem_response"]

PROBLEM_MEDIA_TYPE = "application/problem+json"
#: Problem Details as a format to negotiate against a page for people (a program asking for JSON gets it).
PROBLEM_FORMAT = Format("problem", ".json", PROBLEM_MEDIA_TYPE, "JSON", "Problem Details", ("application/json",))


def problem_body(status: int, detail: str, **extra: object) -> bytes:
    """The JSON body of an error answer: the status, its standard title, and ``detail`` for people."""
    doc = {"type": "about:blank", "title": HTTPStatus(status).phrase, "status": status, "detail": detail, **extra}
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def problem_response(status: int, detail: str, headers: dict[str, str] | None = None, **extra: object) -> Response:
    """The whole error answer: Problem Details with ``status``, and the given headers."""
    return Response(
        problem_body(status, detail, **extra), status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers
    )


class Problem(Exception):
    """An answer other than success, raised by a route: its HTTP status, what went wrong and what to
    do next, extra members of the Problem Details object, and headers (``Retry-After``)."""

    def __init__(self, status: int, detail: str, headers: dict[str, str] | None = None, **extra: object) -> None:
        super().__init__(detail)
        self.status, self.detail, self.headers, self.extra = status, detail, headers or {}, extra

    def response(self) -> Response:
        return problem_response(self.status, self.detail, self.headers, **self.extra)
