"""The HTTP server of a release: SPARQL endpoint, dereferenceable IRIs, pages and downloads.

:func:`create_app` builds an ASGI app (Starlette) from a release folder and :class:`Settings`;
nothing happens at import time. The app answers for the *paths* of the dataset's IRIs, whatever
host it runs on (``{base}id/meeting/x`` is served at ``/id/meeting/x``)::

    /                              the start page
    /sparql                        SPARQL 1.1 Protocol, read-only (sakrad_ld.serving.protocol)
    /id/{kind}/{id}[/part…]        a thing: 303 See Other to the document about it (Cool URIs)
    /doc/{kind}/{id}[.ext]         the document: HTML, Turtle, JSON-LD, N-Triples, RDF/XML
    /ontology[.ext]  /role[/x][.ext]   the ontology and the participation roles, the same way
    /download/{file}  /{file}      the release's files (catalog.ttl, sakrad.ttl, context.jsonld …)

Documents are negotiated by ``Accept`` (https://www.rfc-editor.org/rfc/rfc9110#section-12.5.1)
or chosen by extension, among the formats of :mod:`sakrad_ld.formats`; they carry ``Vary``,
``ETag`` (a hash of the bytes, so ``If-None-Match`` gives 304) and ``Cache-Control``. Errors are
Problem Details (:mod:`sakrad_ld.serving.problem`), except the 404 page a browser gets.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from ..errors import QueryTimeout, ReleaseError
from ..formats import FORMATS, HTML, Format
from ..layout import CONTEXT_FILE
from ..sparql.query import saved_queries
from ..sparql.store import Release
from ..vocab import ONTOLOGY_IRI, ROLE, ROLE_SCHEME
from ..web.describe import document_bytes, document_triples
from ..web.documents import ONTOLOGY_PATH, ROLE_PATH, page_path
from .negotiation import choose
from .problem import PROBLEM_MEDIA_TYPE, problem_body
from .protocol import ProtocolError, Reply, answer, read_query
from .settings import Settings
from .workers import WorkerPool

__all__ = ["MAX_URL_LENGTH", "create_app"]

#: The longest request target (path and query) answered; longer ones get 414 (send a long query by POST).
MAX_URL_LENGTH = 8192

#: What a document can be given as, in the order ``*/*`` prefers: the page first, for people.
DOCUMENT_FORMATS: tuple[Format, ...] = (HTML, *FORMATS)
_PROBLEM = Format("problem", ".json", PROBLEM_MEDIA_TYPE, "JSON", "Problem Details", ("application/json",))
_SUFFIXES = {f.suffix: f for f in DOCUMENT_FORMATS}
#: Release files up to this size are answered from memory, larger ones streamed from disk.
_WHOLE_FILE = 4 * 1024 * 1024


def create_app(release_dir: Path, settings: Settings | None = None) -> Starlette:
    """The ASGI app serving the release in ``release_dir``; ReleaseError if it is not a release."""
    from ..web import pages

    settings = settings or Settings()
    release = Release.open(Path(release_dir), settings.store)
    if settings.store:  # the external store runs the queries (and enforces its own time limit)
        from ..sparql.remotestore import InThreadPool

        pool: Any = InThreadPool(release, answer)
    else:
        pool = WorkerPool(release.root, answer, settings.query_workers, settings.timeout)
    site = pages.Site(base_iri=release.base_iri,
                      downloads=[(f.path, f.media_type, f.size) for f in release.files.values()],
                      queries=list(saved_queries()), sparql_path="/sparql", release=release.root)
    cache = f"public, max-age={settings.cache_max_age}"
    store = release.store

    def representation(request: Request, body: bytes, media_type: str, *, negotiated: bool,
                       location: str | None = None, status: int = 200) -> Response:
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        headers = {"ETag": etag, "Cache-Control": cache}
        if negotiated:
            headers["Vary"] = "Accept"
        if location:
            headers["Content-Location"] = location
        if etag in _etags(request.headers.get("if-none-match", "")):
            return Response(status_code=304, headers=headers)
        return Response(body, status_code=status, media_type=media_type, headers=headers)

    def not_found(request: Request, iri: str, what: str) -> Response:
        if choose(request.headers.get("accept"), (HTML, _PROBLEM)) is HTML:
            return Response(pages.not_found_page(iri, site), status_code=404, media_type="text/html; charset=utf-8")
        return _problem(404, what)

    def context_url(request: Request) -> str:
        return f"{request.url.scheme}://{request.url.netloc}/{CONTEXT_FILE}"

    def document(request: Request, iri: str, path: str, format: Format | None) -> Response:
        """The document about ``iri`` at ``path``, in ``format`` or as negotiated."""
        negotiated = format is None
        if format is None:
            format = choose(request.headers.get("accept"), DOCUMENT_FORMATS)
            if format is None:
                return _not_acceptable(request, path)
        if format is HTML:
            if iri == str(ONTOLOGY_IRI):
                html: str | None = pages.ontology_page(store, site)
            else:
                html = pages.resource_page(store, iri, site)
            if html is None:
                return not_found(request, iri, f"the data has nothing about {iri}")
            body = html.encode("utf-8")
        else:
            triples = document_triples(store, iri)
            if not triples:
                return not_found(request, iri, f"the data has nothing about {iri}")
            body = document_bytes(triples, format, context_url(request))
        charset = "; charset=utf-8" if format.media_type.startswith("text/") else ""
        response = representation(request, body, format.media_type + charset, negotiated=negotiated,
                                  location=path + format.suffix)
        response.headers["Link"] = ", ".join(f'<{path}{f.suffix}>; rel="alternate"; type="{f.media_type}"'
                                             for f in DOCUMENT_FORMATS)
        return response

    async def start(request: Request) -> Response:
        html = await run_in_threadpool(pages.start_page, store, site)
        return representation(request, html.encode("utf-8"), "text/html; charset=utf-8", negotiated=False)

    async def thing(request: Request) -> Response:
        """``/id/…``: 303 See Other to the document about the thing, in the negotiated format."""
        rest = request.path_params["rest"]
        iri = release.base_iri + "id/" + rest
        path = page_path(iri, release.base_iri)
        if path is None or not _known(store, iri):
            return not_found(request, iri, f"the data has nothing about {iri}")
        format = choose(request.headers.get("accept"), DOCUMENT_FORMATS)
        if format is None:
            return _not_acceptable(request, path.split("#")[0])
        doc, _, fragment = path.partition("#")
        target = doc + format.suffix + (f"#{fragment}" if fragment else "")
        return RedirectResponse(target, status_code=303, headers={"Vary": "Accept", "Cache-Control": cache})

    async def resource(request: Request) -> Response:
        """``/doc/…``, ``/ontology…`` and ``/role…``: a document, by extension or negotiated."""
        located = _locate(request.url.path, release.base_iri, store)
        if located is None:
            return await release_file(request)
        iri, path, format = located
        return await run_in_threadpool(document, request, iri, path, format)

    async def release_file(request: Request) -> Response:
        rel = request.url.path.removeprefix("/download/") if request.url.path.startswith("/download/") \
            else request.url.path.lstrip("/")
        file = release.files.get(rel) if _safe(rel) else None
        if file is None:
            return not_found(request, "", f"{request.url.path}: there is no such page or file; "
                                          "the start page / lists the documents and downloads")
        etag = f'"{file.sha256[:32]}"'
        headers = {"ETag": etag, "Cache-Control": cache}
        if etag in _etags(request.headers.get("if-none-match", "")):
            return Response(status_code=304, headers=headers)
        path = release.root / file.path
        if file.size <= _WHOLE_FILE:  # one write: no Nagle delay between headers and a small body
            return Response(path.read_bytes(), media_type=file.media_type, headers=headers)
        return FileResponse(path, media_type=file.media_type, headers=headers)

    async def sparql(request: Request) -> Response:
        if request.method == "GET" and not request.url.query:
            # a person opening the endpoint in a browser gets the query form on the start page
            if choose(request.headers.get("accept"), (HTML, _PROBLEM)) is HTML:
                return RedirectResponse("/#sparql", status_code=303)
        try:
            job = await read_query(request, settings.result_cap, context_url(request))
            reply = await run_in_threadpool(pool.run, job)
        except ProtocolError as error:
            reply = error.reply()
        except QueryTimeout as error:
            reply = Reply(503, PROBLEM_MEDIA_TYPE, problem_body(503, str(error), timeout=settings.timeout))
        except ReleaseError as error:
            reply = Reply(500, PROBLEM_MEDIA_TYPE, problem_body(500, str(error)))
        headers = {"Vary": "Accept", "Cache-Control": "no-store" if reply.status >= 400 else cache}
        return Response(reply.body, status_code=reply.status, media_type=reply.media_type, headers=headers)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await run_in_threadpool(pool.start)
        try:
            yield
        finally:
            pool.close()

    routes = [
        Route("/", start, methods=["GET"]),
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/id/{rest:path}", thing, methods=["GET"]),
        Route("/{rest:path}", resource, methods=["GET"]),
    ]
    middleware = [
        Middleware(_Guard),
        Middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET", "HEAD", "POST"],
                   allow_headers=["Accept", "Content-Type", "If-None-Match"],
                   expose_headers=["ETag", "Content-Location", "Link", "Location", "Vary"], max_age=86400),
    ]
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan,
                    exception_handlers={HTTPException: _http_error, Exception: _server_error})
    app.state.release = release
    app.state.pool = pool
    app.state.settings = settings
    return app


def _locate(path: str, base: str, store: Any) -> tuple[str, str, Format | None] | None:
    """(thing IRI, document path without extension, format asked for by extension) for a document
    path; None for a path that is not a document's. ``/doc/meeting/x.ttl`` is the Turtle of ``x``
    unless the data has a thing whose id is ``x.ttl`` (ids may hold dots)."""
    iri = _thing_of(path, base)
    if iri is not None and _known(store, iri):
        return iri, path, None
    for suffix, format in _SUFFIXES.items():
        if path.endswith(suffix) and (whole := _thing_of(path[: -len(suffix)], base)) is not None:
            return whole, path[: -len(suffix)], format
    return (iri, path, None) if iri is not None else None


def _thing_of(doc: str, base: str) -> str | None:
    """The thing a document path is about."""
    if doc == ONTOLOGY_PATH:
        return str(ONTOLOGY_IRI)
    if doc == ROLE_PATH:
        return str(ROLE_SCHEME)
    if doc.startswith(ROLE_PATH + "/"):
        name = doc[len(ROLE_PATH) + 1:]
        return str(ROLE._NS) + name if name and "/" not in name else None
    if doc.startswith("/doc/"):
        segments = doc[len("/doc/"):].split("/")
        if len(segments) == 2 and all(segments):
            return f"{base}id/{segments[0]}/{segments[1]}"
    return None


def _known(store: Any, iri: str) -> bool:
    import pyoxigraph as ox

    try:
        node = ox.NamedNode(iri)
    except ValueError:
        return False
    return next(iter(store.quads_for_pattern(node, None, None)), None) is not None or \
        next(iter(store.quads_for_pattern(None, None, node)), None) is not None


def _safe(rel: str) -> bool:
    """A relative file path without tricks: no ``..``, no absolute path, no backslash or NUL."""
    parts = rel.split("/")
    return bool(rel) and "\\" not in rel and "\x00" not in rel and all(p not in ("", ".", "..") for p in parts)


def _etags(header: str) -> set[str]:
    return {tag.strip().removeprefix("W/") for tag in header.split(",")[:64] if tag.strip()}


def _problem(status: int, detail: str, **extra: object) -> Response:
    return Response(problem_body(status, detail, **extra), status_code=status, media_type=PROBLEM_MEDIA_TYPE)


def _not_acceptable(request: Request, path: str) -> Response:
    offered = ", ".join(f"{f.media_type} ({path}{f.suffix})" for f in DOCUMENT_FORMATS)
    return _problem(406, f"{path} can be given as {offered}; the request's Accept header "
                         f"({request.headers.get('accept', '')[:200]}) allows none of them")


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    detail = str(error.detail)
    if error.status_code == 405:
        detail = f"{request.method} is not allowed on {request.url.path}; use GET (or POST for /sparql)"
    return _problem(error.status_code, detail)


async def _server_error(request: Request, error: Exception) -> Response:
    return _problem(500, f"the server failed on {request.url.path} ({type(error).__name__}); "
                         "please report it with the address you asked for")


class _Guard:
    """Refuses absurdly long request targets (414) and marks every answer ``nosniff``."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = len(scope.get("raw_path") or scope["path"].encode()) + len(scope.get("query_string", b""))
        if length > MAX_URL_LENGTH:
            response = _problem(414, f"the address is {length} characters long; at most {MAX_URL_LENGTH} are "
                                     "accepted (send a long SPARQL query by POST)")
            await response(scope, receive, send)
            return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-content-type-options", b"nosniff")]
            await send(message)

        await self.app(scope, receive, send_with_headers)



def request_once(app: Starlette, path: str, accept: str | None = None) -> tuple[int, list[tuple[str, str]], bytes]:
    """One GET of ``path`` from ``app`` in this process, without a socket (``serve --get``):
    (status, headers, body). The app's query workers are stopped afterwards."""
    import asyncio
    from urllib.parse import urlsplit

    url = urlsplit(path)
    headers = [(b"host", b"localhost")] + ([(b"accept", accept.encode("latin-1"))] if accept else [])
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
             "scheme": "http", "path": url.path or "/", "raw_path": (url.path or "/").encode(),
             "query_string": url.query.encode(), "headers": headers, "client": ("127.0.0.1", 0),
             "server": ("localhost", 80), "root_path": ""}
    status, out_headers, body = 0, [], bytearray()
    requested = False
    done: asyncio.Event | None = None

    async def receive() -> dict[str, Any]:
        nonlocal requested, done
        if not requested:
            requested = True
            return {"type": "http.request", "body": b"", "more_body": False}
        done = done or asyncio.Event()
        await done.wait()  # the client goes away once the answer is complete
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status, out_headers, done
        if message["type"] == "http.response.start":
            status = message["status"]
            out_headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in message.get("headers", [])]
        elif message["type"] == "http.response.body":
            body.extend(message.get("body", b""))
            if not message.get("more_body", False):
                done = done or asyncio.Event()
                done.set()

    try:
        asyncio.run(app(scope, receive, send))
    finally:
        app.state.pool.close()
    return status, out_headers, bytes(body)
