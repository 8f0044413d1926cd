"""The one shape of an error over HTTP: Problem Details for HTTP APIs (https://www.rfc-editor.org/rfc/rfc9457).

Every error the server answers with a JSON body is ``application/problem+json``::

    {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "what went wrong, where, what next"}

A person's browser asking for a page that does not exist gets an HTML page instead (404 only).
"""

from __future__ import annotations

import json
from http import HTTPStatus

__all__ = ["PROBLEM_MEDIA_TYPE", "problem_body"]

PROBLEM_MEDIA_TYPE = "application/problem+json"


def problem_body(status: int, detail: str, **extra: object) -> bytes:
    """The JSON body of an error answer: the status, its standard title, and ``detail`` for people."""
    doc = {"type": "about:blank", "title": HTTPStatus(status).phrase, "status": status, "detail": detail, **extra}
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
