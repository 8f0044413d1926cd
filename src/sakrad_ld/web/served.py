"""The prepared files of the site (:mod:`sakrad_ld.web.sitefiles`) served by the server, as an ASGI
middleware in front of the server's own routes.

The files are made once, on the first request that needs them, and answered from memory with an
``ETag``. ``/`` is negotiated by ``Accept-Language`` (Swedish unless the client prefers English;
``Vary: Accept-Language``); ``/index.html`` is always Swedish, ``/en/…`` always English, so the
visible language switch always wins. A 303 from a thing's IRI to its HTML page goes to the English
page when the client prefers English (every 303 of a thing says ``Vary: Accept, Accept-Language``). Everything else passes to the server, the English page of a
resource among it (a document of :mod:`sakrad_ld.serving.documents`). A page's path without its
``.html`` is the page, in either language, as ``try_files $uri $uri.html`` answers it from the
export (``/lists/meetings``, ``/en/dataset``, ``/en/doc/meeting/x``: the English reader types what
the Swedish one does); the page's relative links resolve alike, as it is in the same folder. Where
the server has nothing at a path, the folder of it with an ``index.html`` (``/en``) answers 301 to
the path with the slash, as from a static host; a folder without one (``/doc/meeting``,
``/lists/meetings`` beside ``lists/meetings.html``) is no page: its page, or 404, never a redirect to a
404.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Callable
from functools import cached_property
from typing import Any

import pyoxigraph as ox
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from ..formats import media_type_of
from .pages import Site
from .sitefiles import site_files
from .sitepages import site_pages

__all__ = ["LANGUAGE_ITEMS", "SiteFiles", "preferred_language"]

#: A CSV's CSVW metadata beside it (``lists/…/csv-metadata.json``): ``application/csvm+json``, as a
#: release's tables' (:func:`sakrad_ld.formats.media_type_of`), not ``.json``'s.
CSVW_METADATA = "/csv-metadata.json"
MEDIA_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "application/javascript; charset=utf-8",
    ".json": "application/json",
    ".csv": "text/csv; charset=utf-8; header=present",
    ".atom": "application/atom+xml; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
}


#: A weight (RFC 9110 §12.4.2) → the tier it counts in: 10 for 1, the first decimal (9 … 1) below,
#: 0.5 for 0.00x … 0.09x (above 0); 0 for 0 and for what is not a weight. The static export's rules
#: read weights the same way (:func:`sakrad_ld.web.static.language_map`), so both hosts choose alike.
_WEIGHT = re.compile(r"(1(?:\.0*)?)|0?\.([1-9])[0-9]*|0?\.0*([1-9])[0-9]*|0(?:\.0*)?", re.ASCII)
#: The items of the header that count (more are not read).
LANGUAGE_ITEMS = 32


def _tier(value: str) -> float:
    found = _WEIGHT.fullmatch(value.strip())
    if found is None:
        return 0.0
    if found[1]:
        return 10.0
    if found[2]:
        return float(found[2])
    return 0.5 if found[3] else 0.0


def preferred_language(header: str | None) -> str:
    """``en`` if the ``Accept-Language`` header (RFC 9110 §12.5.4) weighs English above Swedish,
    else ``sv`` (the default, also when neither is named). A tag counts by its primary subtag
    (``en-GB`` is English); a weight counts to its first decimal (0.85 as 0.8; any weight below 0.1
    as one above 0), a weight that is not one as 0; where both languages have the same weight, the
    one named first with it wins. Only the first :data:`LANGUAGE_ITEMS` items are read."""
    weights = {"sv": 0.0, "en": 0.0}
    for n, item in enumerate((header or "").split(",")[:LANGUAGE_ITEMS]):
        tag, _, params = item.strip().partition(";")
        primary = tag.strip().lower().split("-")[0]
        if primary not in weights:
            continue
        q = 10.0
        if params:
            for p in params.split(";"):
                key, eq, val = p.strip().partition("=")
                if key.strip().lower() == "q":
                    q = _tier(val) if eq else 0.0
        if q > 0:
            weights[primary] = max(weights[primary], q - n * 1e-6)  # earlier wins a tie
    return "en" if weights["en"] > weights["sv"] else "sv"


class _Files:
    """The prepared files of one store, made once, and the pages of its resources."""

    def __init__(self, store: ox.Store, site: Site) -> None:
        self.store, self.site = store, site
        #: path → (bytes, media type, ETag), once made
        self.made: dict[str, tuple[bytes, str, str]] | None = None
        self._lock = threading.Lock()

    def page(self, path: str) -> bool:
        """Whether ``path`` (from the site's root: ``en/doc/meeting/x.html``) is the page of a
        resource in either language, made on request (not a prepared file)."""
        return path in self.page_set

    def index(self, folder: str) -> bool:
        """Whether the site's ``folder`` (``en``) has an ``index.html``, its page at its slash."""
        return f"{folder}/index.html" in self.get()

    @cached_property
    def page_set(self) -> frozenset[str]:
        return frozenset(self.pages)

    @cached_property
    def pages(self) -> list[str]:
        """The resources' pages in every language (:func:`~sakrad_ld.web.sitepages.site_pages`), listed
        once for the sitemap and the paths without ``.html``."""
        site = self.site
        return site_pages(self.store, site.base_iri, site.download_names, site.graph_path).files()

    def get(self) -> dict[str, tuple[bytes, str, str]]:
        with self._lock:
            if self.made is None:
                files = {}
                for path, data in site_files(self.store, self.site, pages=self.pages):
                    suffix = "." + path.rsplit(".", 1)[-1]
                    etag = '"' + hashlib.sha256(data).hexdigest()[:32] + '"'
                    media = media_type_of(path) if path.endswith(CSVW_METADATA) else MEDIA_TYPES.get(suffix)
                    files[path] = (data, media or "application/octet-stream", etag)
                self.made = files
            return self.made


class SiteFiles:
    """ASGI middleware: answers the prepared files, passes the rest on.
    ``current`` gives the store and site being served now (a new release gets its own files)."""

    def __init__(
        self, app: ASGIApp, current: Callable[[], tuple[ox.Store, Site]], cache: str = "public, max-age=3600"
    ) -> None:
        self.app, self.current, self.cache = app, current, cache
        self._made: tuple[ox.Store, _Files] | None = None
        self._lock = threading.Lock()

    def files(self) -> _Files:
        store, site = self.current()
        with self._lock:
            if self._made is None or self._made[0] is not store:
                self._made = (store, _Files(store, site))
            return self._made[1]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        path: str = scope["path"]
        lang = preferred_language(headers.get("accept-language"))
        vary = None
        if path == "/" and lang == "en":
            # the English pages live under /en/ and link relatively from there: send the reader there
            await send(
                {
                    "type": "http.response.start",
                    "status": 303,
                    "headers": [
                        (b"location", b"/en/"),
                        (b"vary", b"Accept-Language"),
                        (b"cache-control", self.cache.encode()),
                        (b"content-length", b"0"),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": b""})
            return
        if path == "/":
            key, vary = "index.html", "Accept-Language"
        elif path == "/en/":
            key = "en/index.html"
        else:
            key = path[1:]
        files: dict[str, tuple[bytes, str, str]] = {}
        if _maybe_prepared(key):  # a thread only to make them, once a release
            prepared = self.files()
            files = prepared.made if prepared.made is not None else await run_in_threadpool(prepared.get)
        if key in files:
            body, media_type, etag = files[key]
            await _answer(scope, send, body, media_type, etag, self.cache, headers, vary)
            return
        if path.startswith("/id/"):
            await self.app(scope, receive, _by_language(send, lang == "en"))
            return
        if path.endswith("/"):
            await self.app(scope, receive, send)
            return
        if path.startswith("/en/") and not path.endswith(".html"):
            if await run_in_threadpool(self.files().page, key + ".html"):  # an English page without its .html
                scope = _at(scope, path + ".html")
        await self.app(scope, receive, self._trimmed(scope, send, headers))

    def _trimmed(self, scope: Scope, send: Send, request: dict[str, str]) -> Send:
        """Sends the answer, but where the server has nothing at a path (404): the prepared page
        named by the path and ``.html`` (``/lists/meetings``: ``lists/meetings.html``), as
        ``try_files $uri $uri.html`` answers it; else, where the path is a folder of the site with
        an ``index.html`` (``/en``), 301 Moved Permanently to the folder's path with its slash, the
        query kept, as a static host answers it (nginx, Apache's ``DirectorySlash``): the page of
        ``/en/`` links relative to ``/en/``, and answered at ``/en`` its links would resolve against
        ``/``. The ``Location`` is relative (``en/?q=1``), so it leads to the folder under whatever
        path a proxy serves the server at. A folder without an index is not found (no redirect to
        a 404)."""
        replaced = False

        async def wrapped(message: dict[str, Any]) -> None:
            nonlocal replaced
            if replaced:  # the body of the 404 answered instead
                return
            if message["type"] == "http.response.start" and message["status"] == 404:
                files = self.files()
                key: str = scope["path"][1:]
                made = files.made if files.made is not None else await run_in_threadpool(files.get)
                if key + ".html" in made:
                    replaced = True
                    body, media_type, etag = made[key + ".html"]
                    await _answer(scope, send, body, media_type, etag, self.cache, request, None)
                    return
                if await run_in_threadpool(files.index, key):
                    replaced = True
                    await send(_moved(scope, self.cache))
                    await send({"type": "http.response.body", "body": b""})
                    return
            await send(message)

        return wrapped


def _moved(scope: Scope, cache: str) -> dict[str, Any]:
    """The start of a 301 from a folder's path to the path with its slash, relative to the request
    (``/a/b`` → ``b/``), with the request's query."""
    raw: bytes = scope.get("raw_path") or scope["path"].encode()
    location = raw.rsplit(b"/", 1)[-1] + b"/"
    if scope.get("query_string"):
        location += b"?" + scope["query_string"]
    return {
        "type": "http.response.start",
        "status": 301,
        "headers": [
            (b"location", location),
            (b"cache-control", cache.encode()),
            (b"content-length", b"0"),
        ],
    }


def _at(scope: Scope, path: str) -> Scope:
    """``scope`` asking for ``path`` instead (a path of the site's own, its characters plain)."""
    return {**scope, "path": path, "raw_path": path.encode("utf-8")}


def _maybe_prepared(key: str) -> bool:
    return not key.startswith(("doc/", "download/", "id/", "en/doc/", "en/id/"))


def _by_language(send: Send, english: bool) -> Send:
    """Sends the answer with a 303 that says it varies by ``Accept-Language`` too, and, for a
    reader who prefers English, with a 303 to an HTML page pointed at the English page."""

    async def wrapped(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start" and message["status"] == 303:
            out = []
            for k, v in message.get("headers", []):
                if english and k.lower() == b"location" and v.startswith(b"/doc/") and b".html" in v:
                    v = b"/en" + v
                if k.lower() == b"vary":
                    v = v + b", Accept-Language"
                out.append((k, v))
            message = {**message, "headers": out}
        await send(message)

    return wrapped


async def _answer(
    scope: Scope,
    send: Send,
    body: bytes,
    media_type: str,
    etag: str,
    cache: str,
    request: dict[str, str],
    vary: str | None,
) -> None:
    headers = [(b"content-type", media_type.encode()), (b"etag", etag.encode()), (b"cache-control", cache.encode())]
    if vary:
        headers.append((b"vary", vary.encode()))
    tags = {t.strip().removeprefix("W/") for t in request.get("if-none-match", "").split(",")[:64]}
    if etag in tags or "*" in tags:  # "*": any current representation (RFC 9110 §13.1.2)
        await send({"type": "http.response.start", "status": 304, "headers": headers})
        await send({"type": "http.response.body", "body": b""})
        return
    headers.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})
