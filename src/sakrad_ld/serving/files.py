"""The release's own files, for download: ``/download/{file}`` and ``/{file}`` (``/catalog.ttl``,
``/context.jsonld``, ``/sakrad.nt`` …), with the media type and checksum the release lists.

A file is looked up by name in the release's own list, so ``..``, backslashes and NUL never reach
the file system. Its ``ETag`` is its listed SHA-256; a file whose bytes no longer match it (the
release was changed in place) is never served under that tag: the answer is 503 ``Retry-After: 1``
while the server switches to what the folder now holds. Files up to :data:`WHOLE_FILE` bytes are
answered from memory in one write, larger ones streamed from disk.

A download can be resumed (RFC 9110 §14): every file says ``Accept-Ranges: bytes``, and one range
(``bytes=a-b``, ``bytes=a-``, ``bytes=-n``) is answered 206 Partial Content with its
``Content-Range``; a range that starts past the end is 416 with ``Content-Range: bytes */size``.
``If-Range`` with the file's ETag keeps the range; any other ``If-Range`` (another tag, a weak tag,
a date) gets the whole file, as does a request for several ranges or a malformed ``Range``.
A table (``tables/x.csv``) says where its CSVW metadata is, ``Link: <csv-metadata.json>;
rel="describedby"`` (CSVW Model §5.2), so a CSVW processor given only the CSV's address finds its
columns, datatypes and keys; so does a list's CSV (:class:`DescribedLists`). ``Last-Modified`` is the file's modification time on disk (when the build, or whatever copied the
release, wrote it): a release holds no clock time, so byte-identical releases have the same ETag
and may differ in it. ``If-Modified-Since`` is read only without ``If-None-Match``.

``If-Match`` (strong comparison with the ETag, or ``*``) and, without it, ``If-Unmodified-Since``
are read first (RFC 9110 §13.2.2): where they fail the answer is 412 Precondition Failed, never a
304, a 206 or the file, and nothing of the file is read (a download resumed with ``If-Match`` and
``Range`` after the release changed gets 412, not bytes of the new file;
:mod:`sakrad_ld.serving.representation`).
"""

from __future__ import annotations

import re
from collections.abc import Container
from email.utils import formatdate, parsedate_to_datetime
from functools import lru_cache

from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..tables import DESCRIBED_BY, METADATA_FILE
from .context import Context
from .problem import Problem
from .releases import Generation, Releases
from .representation import failed_precondition, none_match

__all__ = ["LISTS", "WHOLE", "DescribedLists", "WHOLE_FILE", "byte_range", "described", "release_file"]

#: Release files up to this size are answered from memory, larger ones streamed from disk.
WHOLE_FILE = 4 * 1024 * 1024


def safe(rel: str) -> bool:
    """A relative file path without tricks: no ``..``, no absolute path, no backslash or NUL."""
    parts = rel.split("/")
    return bool(rel) and "\\" not in rel and "\x00" not in rel and all(p not in ("", ".", "..") for p in parts)


def replaced(releases: Releases) -> Problem:
    """The answer while the release folder is being replaced under the server: come back in a moment."""
    releases.ask()
    return Problem(503, "the release is being replaced; try again in a moment", {"Retry-After": "1"})


#: A range to send: (first byte, last byte) inclusive; WHOLE for the whole file; None for a range
#: the file cannot satisfy (416).
WHOLE = (-1, -1)
_RANGE = re.compile(r"bytes[ \t]*=[ \t]*([0-9]*)[ \t]*-[ \t]*([0-9]*)", re.ASCII | re.IGNORECASE)


def _number(digits: str) -> tuple[int, str]:
    """A byte position or length of a ``Range`` header as a key that orders as its value does,
    however many digits it has; Python refuses to make an int of more than 4300 digits, and a
    number that long is past the end of any file anyway."""
    digits = digits.lstrip("0") or "0"
    return len(digits), digits


def byte_range(header: str | None, if_range: str | None, etag: str, size: int) -> tuple[int, int] | None:
    """The part of a file of ``size`` bytes a request's ``Range`` asks for (RFC 9110 §14.1.2):
    (first, last) for one satisfiable range; :data:`WHOLE` for no range, several ranges, a
    malformed one, or an ``If-Range`` that is not ``etag``; None for one that starts past the end
    (RFC 9110 §15.5.17), however many digits its first byte has."""
    if not header or (if_range is not None and if_range.strip() != etag):
        return WHOLE
    found = _RANGE.fullmatch(header.strip())
    if found is None or found[1] == found[2] == "":  # several ranges, another unit, malformed
        return WHOLE
    last = _number(str(size - 1)) if size else (0, "")  # below every number: an empty file has no byte
    if not found[1]:  # the last n bytes
        n = _number(found[2])
        if n == (1, "0") or not size:
            return None
        return (0 if n > last else size - int(n[1]), size - 1)
    first = _number(found[1])
    if found[2] and _number(found[2]) < first:
        return WHOLE  # an invalid range is ignored
    if first > last:
        return None
    return int(first[1]), (int(found[2]) if found[2] and _number(found[2]) <= last else size - 1)


class _FileRange(FileResponse):
    """A file streamed from disk: whole, or the one range :func:`byte_range` chose (Starlette's own
    handling of ``Range`` is given that range, never the request's header)."""

    def __init__(self, *args: object, part: tuple[int, int], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.part = part

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = [(k, v) for k, v in scope["headers"] if k not in (b"range", b"if-range")]
        if self.part != WHOLE:
            headers.append((b"range", f"bytes={self.part[0]}-{self.part[1]}".encode()))
        await super().__call__({**scope, "headers": headers}, receive, send)


@lru_cache(maxsize=4096)
def _http_date(seconds: int) -> str:
    """An HTTP date (``Mon, 30 Nov 2026 13:51:15 GMT``); a release's files share a few, made once."""
    return formatdate(seconds, usegmt=True)


def _not_modified_since(header: str | None, mtime: float) -> bool:
    """Whether an ``If-Modified-Since`` date is at or after ``mtime`` (whole seconds, as sent)."""
    if not header:
        return False
    try:
        return int(mtime) <= parsedate_to_datetime(header).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return False


#: The site's lists: each CSV has its CSVW metadata beside it (``lists/csv-metadata.json``,
#: ``lists/meetings/year/csv-metadata.json``: :func:`sakrad_ld.web.listfiles.list_files`).
LISTS = "/lists/"


class DescribedLists:
    """ASGI middleware: a list's CSV (``/lists/….csv``, a prepared site file) is answered with the
    ``Link`` to its CSVW metadata, as a release's table is (:func:`release_file`)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if not (path.startswith(LISTS) and path.endswith(".csv")):
            await self.app(scope, receive, send)
            return

        async def linked(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] in (200, 206, 304):
                link = (b"link", DESCRIBED_BY.encode())
                message = {**message, "headers": [*message.get("headers", []), link]}
            await send(message)

        await self.app(scope, receive, linked)


def described(rel: str, files: Container[str]) -> bool:
    """Whether the release file ``rel`` is a CSV with CSVW metadata beside it (``tables/x.csv``)."""
    folder, _, name = rel.rpartition("/")
    return name.endswith(".csv") and (f"{folder}/" if folder else "") + METADATA_FILE in files


def release_file(context: Context, request: Request, gen: Generation) -> Response | None:
    """The release file the request's path names, or None if it names none."""
    path = request.url.path
    rel = path.removeprefix("/download/") if path.startswith("/download/") else path.lstrip("/")
    file = gen.release.files.get(rel) if safe(rel) else None
    if file is None:
        return None
    etag = f'"{file.sha256[:32]}"'
    headers = {"ETag": etag, "Cache-Control": context.cache_control, "Accept-Ranges": "bytes"}
    if described(rel, gen.release.files):
        headers["Link"] = DESCRIBED_BY
    small = file.size <= WHOLE_FILE
    data = gen.file_bytes(file) if small else None  # one write: no Nagle delay between headers and body
    if (data is None) if small else not gen.file_unchanged(file):
        raise replaced(context.releases)
    mtime = gen.modified[file.path]  # seen by the check above: no second stat
    headers["Last-Modified"] = _http_date(int(mtime))
    failed = failed_precondition(path, request.headers, etag, mtime)
    if failed is not None:
        raise Problem(412, failed, {"ETag": etag, "Cache-Control": "no-store"})
    if_none_match = request.headers.get("if-none-match")
    if none_match(if_none_match, etag) or (
        if_none_match is None and _not_modified_since(request.headers.get("if-modified-since"), mtime)
    ):
        return Response(status_code=304, headers=headers)
    part = byte_range(request.headers.get("range"), request.headers.get("if-range"), etag, file.size)
    if part is None:
        raise Problem(
            416,
            f"{path} has {file.size} bytes; the range asked for ({request.headers.get('range', '')[:100]}) "
            "starts past its end",
            {**headers, "Content-Range": f"bytes */{file.size}"},
        )
    if data is None:
        return _FileRange(gen.release.root / file.path, media_type=file.media_type, headers=headers, part=part)
    if part == WHOLE:
        return Response(data, media_type=file.media_type, headers=headers)
    first, last = part
    headers["Content-Range"] = f"bytes {first}-{last}/{file.size}"
    return Response(data[first : last + 1], status_code=206, media_type=file.media_type, headers=headers)
