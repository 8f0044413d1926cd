"""The release's own files, for download: ``/download/{file}`` and ``/{file}`` (``/catalog.ttl``,
``/context.jsonld``, ``/sakrad.nt`` …), with the media type and checksum the release lists.

A file is looked up by name in the release's own list, so ``..``, backslashes and NUL never reach
the file system. Its ``ETag`` is its listed SHA-256; a file whose bytes no longer match it (the
release was changed in place) is never served under that tag: the answer is 503 ``Retry-After: 1``
while the server switches to what the folder now holds. Files up to :data:`WHOLE_FILE` bytes are
answered from memory in one write, larger ones streamed from disk.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import FileResponse, Response

from .context import Context
from .problem import Problem
from .releases import Generation, Releases
from .representation import none_match

__all__ = ["WHOLE_FILE", "release_file"]

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


def release_file(context: Context, request: Request, gen: Generation) -> Response | None:
    """The release file the request's path names, or None if it names none."""
    path = request.url.path
    rel = path.removeprefix("/download/") if path.startswith("/download/") else path.lstrip("/")
    file = gen.release.files.get(rel) if safe(rel) else None
    if file is None:
        return None
    etag = f'"{file.sha256[:32]}"'
    headers = {"ETag": etag, "Cache-Control": context.cache_control}
    if file.size <= WHOLE_FILE:  # one write: no Nagle delay between headers and a small body
        data = gen.file_bytes(file)
        if data is None:
            raise replaced(context.releases)
        if none_match(request.headers.get("if-none-match"), etag):
            return Response(status_code=304, headers=headers)
        return Response(data, media_type=file.media_type, headers=headers)
    if not gen.file_unchanged(file):
        raise replaced(context.releases)
    if none_match(request.headers.get("if-none-match"), etag):
        return Response(status_code=304, headers=headers)
    return FileResponse(gen.release.root / file.path, media_type=file.media_type, headers=headers)
