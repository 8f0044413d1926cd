"""A representation made once and answered many times: its bytes, media type, strong ETag and headers.

The ETag is a hash of the bytes (a strong validator, https://www.rfc-editor.org/rfc/rfc9110#section-8.8.3),
so the same bytes always have the same tag, whichever release or request made them; a request whose
``If-None-Match`` names it gets 304 Not Modified without a body
(https://www.rfc-editor.org/rfc/rfc9110#section-13.1.2). ``W/`` tags are compared weakly, as the
RFC asks for If-None-Match.

``If-Match`` and ``If-Unmodified-Since`` (RFC 9110 §13.1.1, §13.1.4) are read for every answer that
has a representation, before ``If-None-Match``, ``If-Modified-Since`` and ``Range`` (the order of
§13.2.2): :func:`failed_precondition` says whether they fail, and :class:`Preconditions`, in front
of every route and page, answers 412 Precondition Failed (Problem Details, with the current ``ETag``)
instead of a 200, 206, 304 or 416 whose ``ETag`` none of the ``If-Match`` tags is by strong
comparison (``*`` is any current representation; a weak ``W/"…"`` tag never matches), or whose
``Last-Modified`` is after ``If-Unmodified-Since`` (read only without ``If-Match``, and only where
the answer says ``Last-Modified``: a release file). A resumed download whose file has changed is
thus never spliced from two releases. An answer without a representation (a 303, 404, 406, 410)
ignores both, as §13.2.1 asks.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any

from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from .problem import PROBLEM_MEDIA_TYPE, problem_body

__all__ = ["Preconditions", "Prepared", "etag_of", "failed_precondition", "if_match", "none_match", "prepare"]

#: The most entity tags of a list that are read (as for If-None-Match).
_MAX_TAGS = 64


def etag_of(body: bytes) -> str:
    """The strong entity tag of ``body``: a SHA-256 of the bytes (128 bits of it), quoted."""
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def none_match(header: str | None, etag: str) -> bool:
    """Whether an ``If-None-Match`` header names ``etag`` (or ``*``): the client has these bytes."""
    if not header:
        return False
    tags = {tag.strip().removeprefix("W/") for tag in header.split(",")[:64]}
    return etag in tags or "*" in tags


def if_match(header: str, etag: str) -> bool:
    """Whether an ``If-Match`` header holds for a representation tagged ``etag`` (RFC 9110
    §13.1.1): ``*``, or a listed tag equal to it by strong comparison (neither is weak)."""
    tags = [tag.strip() for tag in header.split(",")[:_MAX_TAGS]]
    return "*" in tags or (bool(etag) and not etag.startswith("W/") and etag in tags)


def http_date(text: str | None) -> float | None:
    """The time an HTTP date names (seconds), or None for a missing or invalid one."""
    if not text:
        return None
    try:
        return parsedate_to_datetime(text).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def failed_precondition(path: str, request: Mapping[str, str], etag: str, modified: float | None) -> str | None:
    """What fails of the request's ``If-Match`` or, without it, ``If-Unmodified-Since`` (RFC 9110
    §13.2.2 steps 1 and 2) for the representation at ``path`` tagged ``etag`` and last modified at
    ``modified`` (None: it says no date); None when they hold or are not sent. ``request`` maps
    lower-case header names to values."""
    asked = request.get("if-match")
    if asked is not None:
        if if_match(asked, etag):
            return None
        weak = " (a weak W/ tag never matches If-Match, which compares strongly)" if "W/" in asked else ""
        current = f"its current ETag is {etag}" if etag else "it has no entity tag"
        return (
            f"{path}: If-Match ({asked[:200]}) names no current entity tag of it{weak}; {current}: it has "
            "changed since the tag was taken, or the tag is another representation's (RFC 9110 §13.1.1). "
            "Fetch it again (a resumed download from the start), or send the current tag"
        )
    since = http_date(request.get("if-unmodified-since"))
    if since is not None and modified is not None and int(modified) > since:
        return (
            f"{path} was modified after the If-Unmodified-Since date "
            f"({request.get('if-unmodified-since', '')[:100]}) (RFC 9110 §13.1.4); fetch it again"
        )
    return None


def precondition_failed(detail: str, etag: str, head: bool) -> tuple[list[tuple[bytes, bytes]], bytes]:
    """The headers and body of a 412 answer saying ``detail``, with the current ``etag``; no body for HEAD."""
    body = problem_body(412, detail)
    headers = [
        (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
        (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-store"),
    ]
    if etag:
        headers.append((b"etag", etag.encode("latin-1")))
    return headers, b"" if head else body


#: The answers that have a representation, for a request without preconditions (and without its Range).
_REPRESENTED = (200, 206, 304, 416)
_CONDITIONS = (b"if-match", b"if-unmodified-since")


class Preconditions:
    """ASGI middleware: a GET, HEAD or POST with ``If-Match`` or ``If-Unmodified-Since`` whose
    answer has a representation (200, 206, 304, 416) is answered 412 where they fail for the
    answer's ``ETag`` and ``Last-Modified`` (:func:`failed_precondition`), its body never sent;
    any other request or answer passes unchanged."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD", "POST"):
            await self.app(scope, receive, send)
            return
        asked: dict[str, str] = {}
        for key, value in scope["headers"]:
            if key in _CONDITIONS:  # a field sent twice is one list (RFC 9110 §5.3)
                name = key.decode()
                text = value.decode("latin-1")
                asked[name] = f"{asked[name]}, {text}" if name in asked else text
        if not asked:
            await self.app(scope, receive, send)
            return
        replaced = False

        async def wrapped(message: dict[str, Any]) -> None:
            nonlocal replaced
            if replaced:  # the body of the answer replaced: not sent
                return
            if message["type"] == "http.response.start" and message["status"] in _REPRESENTED:
                answer = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in message.get("headers", [])}
                etag = answer.get("etag", "")
                failed = failed_precondition(scope["path"], asked, etag, http_date(answer.get("last-modified")))
                if failed is not None:
                    replaced = True
                    headers, body = precondition_failed(failed, etag, scope["method"] == "HEAD")
                    if "vary" in answer:
                        headers.append((b"vary", answer["vary"].encode("latin-1")))
                    await send({"type": "http.response.start", "status": 412, "headers": headers})
                    await send({"type": "http.response.body", "body": body})
                    return
            await send(message)

        await self.app(scope, receive, wrapped)


@dataclass(frozen=True, slots=True)
class Prepared:
    """A 200 answer ready to send: its body, content type and headers (``ETag`` among them)."""

    body: bytes
    media_type: str
    etag: str
    headers: tuple[tuple[str, str], ...]
    #: the headers of a 200 answer as ASGI sends them, content type and length included
    raw: tuple[tuple[bytes, bytes], ...] = ()

    @property
    def size(self) -> int:
        """Bytes held, roughly: the body and the headers."""
        return len(self.body) + sum(len(k) + len(v) for k, v in self.headers) + 200

    def response(self, if_none_match: str | None, cache: str = "") -> Response:
        """The answer to a request with this ``If-None-Match``: 200 with the body, or 304 without."""
        headers = dict(self.headers)
        if cache:
            headers["X-Cache"] = cache
        if none_match(if_none_match, self.etag):
            return Response(status_code=304, headers=headers)
        return Response(self.body, media_type=self.media_type, headers=headers)


def prepare(body: bytes, media_type: str, cache_control: str, **headers: str) -> Prepared:
    """``body`` as a prepared answer with its ETag, ``Cache-Control`` and the given headers
    (``Content_Location`` → ``Content-Location``)."""
    etag = etag_of(body)
    out = [("ETag", etag), ("Cache-Control", cache_control)]
    out += [(name.replace("_", "-"), value) for name, value in headers.items() if value]
    raw = (
        (b"content-type", media_type.encode("latin-1")),
        (b"content-length", str(len(body)).encode()),
        *((k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in out),
    )
    return Prepared(body, media_type, etag, tuple(out), raw)
