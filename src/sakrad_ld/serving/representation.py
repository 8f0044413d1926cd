"""A representation made once and answered many times: its bytes, media type, strong ETag and headers.

The ETag is a hash of the bytes (a strong validator, https://www.rfc-editor.org/rfc/rfc9110#section-8.8.3),
so the same bytes always have the same tag, whichever release or request made them; a request whose
``If-None-Match`` names it gets 304 Not Modified without a body
(https://www.rfc-editor.org/rfc/rfc9110#section-13.1.2). ``W/`` tags are compared weakly, as the
RFC asks for If-None-Match.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from starlette.responses import Response

__all__ = ["Prepared", "etag_of", "none_match", "prepare"]


def etag_of(body: bytes) -> str:
    """The strong entity tag of ``body``: a SHA-256 of the bytes (128 bits of it), quoted."""
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def none_match(header: str | None, etag: str) -> bool:
    """Whether an ``If-None-Match`` header names ``etag`` (or ``*``): the client has these bytes."""
    if not header:
        return False
    tags = {tag.strip().removeprefix("W/") for tag in header.split(",")[:64]}
    return etag in tags or "*" in tags


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
