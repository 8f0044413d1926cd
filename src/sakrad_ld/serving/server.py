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
    /{path}[.ext]                  any other IRI minted under the base (the dataset, the catalogue, a
                                   distribution, a linkset): 303 See Other to /{path}.{ext}, its document

Documents are negotiated by ``Accept`` (https://www.rfc-editor.org/rfc/rfc9110#section-12.5.1)
or chosen by extension, among the formats of :mod:`sakrad_ld.formats`; they carry ``Vary``,
``ETag`` (a hash of the bytes, so ``If-None-Match`` gives 304) and ``Cache-Control``. Errors are
Problem Details (:mod:`sakrad_ld.serving.problem`), except the 404 page a browser gets.

Every request is answered from one release (:mod:`sakrad_ld.serving.releases`); SPARQL queries
pass a gate of their own (:mod:`sakrad_ld.serving.admission`) so that documents never wait for
them. A failure inside the app is logged in one line and answered 500 as Problem Details,
never with a traceback.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import signal
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
from ..web.served import SiteFiles
from .admission import RETRY_AFTER, QueryGate, QueueFull
from .description import DESCRIPTION_FORMATS, service_description
from .negotiation import choose
from .problem import PROBLEM_MEDIA_TYPE, problem_body
from .protocol import ProtocolError, Reply, answer, read_query
from .releases import Generation, Releases
from .settings import Settings
from .workers import QueryTooCostly, WorkerPool, WorkersBusy

__all__ = ["MAX_URL_LENGTH", "create_app"]

#: The longest request target (path and query) answered; longer ones get 414 (send a long query by POST).
MAX_URL_LENGTH = 8192

#: What a document can be given as, in the order ``*/*`` prefers: the page first, for people.
DOCUMENT_FORMATS: tuple[Format, ...] = (HTML, *FORMATS)
_PROBLEM = Format("problem", ".json", PROBLEM_MEDIA_TYPE, "JSON", "Problem Details", ("application/json",))
_SUFFIXES = {f.suffix: f for f in DOCUMENT_FORMATS}
#: Release files up to this size are answered from memory, larger ones streamed from disk.
_WHOLE_FILE = 4 * 1024 * 1024
#: The share of the time limit a query may wait for a worker: no answer takes longer than 1.5 times the limit.
QUEUE_WAIT = 0.5
#: Paths the server answers itself, never taken for an IRI of the catalogue.
_OWN_PATHS = ("id/", "doc/", "sparql", "download/")

_log = logging.getLogger("sakrad_ld.serving")


def create_app(release_dir: Path, settings: Settings | None = None) -> Starlette:
    """The ASGI app serving the release in ``release_dir`` (and each release that replaces it there);
    ReleaseError if it is not a release."""
    from ..web import pages

    settings = settings or Settings()
    queries = list(saved_queries())

    def generation(release: Release, print_: str) -> Generation:
        if settings.store:  # the external store runs the queries (and enforces its own time limit)
            from ..sparql.remotestore import InThreadPool

            pool: Any = InThreadPool(release, answer)
        else:
            pool = WorkerPool(release.root, answer, settings.query_workers, settings.timeout,
                              wait=settings.timeout * QUEUE_WAIT, memory_limit=settings.query_memory * 2**20)
        site = pages.Site(base_iri=release.base_iri,
                          downloads=[(f.path, f.media_type, f.size) for f in release.files.values()],
                          queries=queries, sparql_path="/sparql", release=release.root)
        return Generation(release, print_, pool, site)

    if settings.store:  # the external store is checked once, as it is given
        first = Release.open(Path(release_dir), settings.store)
        releases = Releases(Path(release_dir), generation, 0, 0)
        releases.current = generation(first, releases.current.fingerprint)
    else:
        releases = Releases(Path(release_dir), generation, settings.reload_interval,
                            settings.timeout * (1 + QUEUE_WAIT) + 1)
    cache = f"public, max-age={settings.cache_max_age}"
    gate = QueryGate(settings.query_workers, settings.query_queue)

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

    def not_found(request: Request, gen: Generation, iri: str, what: str) -> Response:
        if choose(request.headers.get("accept"), (HTML, _PROBLEM)) is HTML:
            return Response(pages.not_found_page(iri, gen.site), status_code=404,
                            media_type="text/html; charset=utf-8")
        return _problem(404, what)

    def document(request: Request, gen: Generation, iri: str, path: str, format: Format | None) -> Response:
        """The document about ``iri`` at ``path``, in ``format`` or as negotiated."""
        store, negotiated = gen.release.store, format is None
        if format is None:
            format = choose(request.headers.get("accept"), DOCUMENT_FORMATS)
            if format is None:
                return _not_acceptable(request, path)
        if format is HTML:
            if iri == str(ONTOLOGY_IRI):
                html: str | None = pages.ontology_page(store, gen.site)
            else:
                html = pages.resource_page(store, iri, gen.site)
            if html is None:
                return not_found(request, gen, iri, f"the data has nothing about {iri}")
            body = html.encode("utf-8")
        else:
            triples = document_triples(store, iri) or _mentions(store, iri)
            if not triples:
                return not_found(request, gen, iri, f"the data has nothing about {iri}")
            # the context is the published one, never one named after the request's Host header
            body = document_bytes(triples, format, gen.release.base_iri + CONTEXT_FILE)
        charset = "; charset=utf-8" if format.media_type.startswith("text/") else ""
        response = representation(request, body, format.media_type + charset, negotiated=negotiated,
                                  location=path + format.suffix)
        response.headers["Link"] = ", ".join(f'<{path}{f.suffix}>; rel="alternate"; type="{f.media_type}"'
                                             for f in DOCUMENT_FORMATS)
        return response

    async def start(request: Request) -> Response:
        gen = releases.current
        html = await run_in_threadpool(pages.start_page, gen.release.store, gen.site)
        return representation(request, html.encode("utf-8"), "text/html; charset=utf-8", negotiated=False)

    def see_other(request: Request, gen: Generation, iri: str, path: str) -> Response:
        """303 See Other from a thing's IRI to the document at ``path`` (``#fragment`` kept), negotiated."""
        format = choose(request.headers.get("accept"), DOCUMENT_FORMATS)
        if format is None:
            return _not_acceptable(request, path.split("#")[0])
        doc, _, fragment = path.partition("#")
        target = doc + format.suffix + (f"#{fragment}" if fragment else "")
        return RedirectResponse(target, status_code=303, headers={"Vary": "Accept", "Cache-Control": cache})

    async def thing(request: Request) -> Response:
        """``/id/…``: 303 See Other to the document about the thing, in the negotiated format."""
        gen = releases.current
        iri = gen.release.base_iri + "id/" + request.path_params["rest"]
        path = page_path(iri, gen.release.base_iri)
        if path is None or not _known(gen.release.store, iri):
            return not_found(request, gen, iri, f"the data has nothing about {iri}")
        return see_other(request, gen, iri, path)

    async def resource(request: Request) -> Response:
        """``/doc/…``, ``/ontology…``, ``/role…``, a release file, or another IRI minted under the base."""
        gen = releases.current
        base, store = gen.release.base_iri, gen.release.store
        located = _locate(request.url.path, base, store)
        if located is not None:
            iri, path, format = located
            return await run_in_threadpool(document, request, gen, iri, path, format)
        response = release_file(request, gen)
        if response is not None:
            return response
        # an IRI of the catalogue (the dataset, its distributions, linksets …): 303 to its document
        path = request.url.path
        if _minted(base + path[1:], base) and _known(store, base + path[1:]):
            return see_other(request, gen, base + path[1:], path)
        for suffix, format in _SUFFIXES.items():
            iri = base + path[1:-len(suffix)]
            if path.endswith(suffix) and _minted(iri, base) and _known(store, iri):
                return await run_in_threadpool(document, request, gen, iri, path[:-len(suffix)], format)
        return not_found(request, gen, "", f"{path}: there is no such page or file; "
                                           "the start page / lists the documents and downloads")

    def release_file(request: Request, gen: Generation) -> Response | None:
        path = request.url.path
        rel = path.removeprefix("/download/") if path.startswith("/download/") else path.lstrip("/")
        file = gen.release.files.get(rel) if _safe(rel) else None
        if file is None:
            return None
        etag = f'"{file.sha256[:32]}"'
        headers = {"ETag": etag, "Cache-Control": cache}
        if file.size <= _WHOLE_FILE:  # one write: no Nagle delay between headers and a small body
            data = gen.file_bytes(file)
            if data is None:
                return _replaced(releases)
            if etag in _etags(request.headers.get("if-none-match", "")):
                return Response(status_code=304, headers=headers)
            return Response(data, media_type=file.media_type, headers=headers)
        if not gen.file_unchanged(file):
            return _replaced(releases)
        if etag in _etags(request.headers.get("if-none-match", "")):
            return Response(status_code=304, headers=headers)
        return FileResponse(gen.release.root / file.path, media_type=file.media_type, headers=headers)

    def description(request: Request, gen: Generation) -> Response:
        format = choose(request.headers.get("accept"), (*DESCRIPTION_FORMATS, HTML))
        if format is HTML:  # a person opening the endpoint in a browser gets the query form
            return RedirectResponse("/#sparql", status_code=303, headers={"Vary": "Accept"})
        if format is None:
            offered = ", ".join(f.media_type for f in DESCRIPTION_FORMATS)
            return _problem(406, f"/sparql without a query describes the service as {offered}; the request's "
                                 f"Accept header ({request.headers.get('accept', '')[:200]}) allows none of them")
        body = service_description(format, graph=gen.release.graph, triples=gen.triples(),
                                   dataset=gen.release.base_iri + "dataset")
        charset = "; charset=utf-8" if format.media_type.startswith("text/") else ""
        return representation(request, body, format.media_type + charset, negotiated=True)

    async def sparql(request: Request) -> Response:
        gen = releases.current
        if request.method in ("GET", "HEAD") and not request.url.query:
            return await run_in_threadpool(description, request, gen)
        headers = {"Vary": "Accept"}
        try:
            job = await read_query(request, settings.result_cap, gen.release.base_iri + CONTEXT_FILE,
                                   settings.request_timeout, gen.release.base_iri)
            async with gate.admitted():
                reply = await gate.run(gen.pool.run, job)
        except ProtocolError as error:
            reply = error.reply()
        except QueueFull as error:
            reply = Reply(503, PROBLEM_MEDIA_TYPE, problem_body(503, str(error)))
            headers["Retry-After"] = str(RETRY_AFTER)
        except WorkersBusy as error:
            reply = Reply(503, PROBLEM_MEDIA_TYPE, problem_body(503, str(error)))
            headers["Retry-After"] = str(RETRY_AFTER)
        except QueryTimeout as error:
            reply = Reply(503, PROBLEM_MEDIA_TYPE, problem_body(503, str(error), timeout=settings.timeout))
        except QueryTooCostly as error:
            reply = Reply(503, PROBLEM_MEDIA_TYPE,
                          problem_body(503, str(error), memory_limit_mb=settings.query_memory))
        except ReleaseError as error:
            _log.error("SPARQL on %s: %s", gen.release.root, str(error).splitlines()[0])
            reply = Reply(503, PROBLEM_MEDIA_TYPE, problem_body(503, str(error)))
            headers["Retry-After"] = str(RETRY_AFTER)
        headers["Cache-Control"] = "no-store" if reply.status >= 400 else cache
        return Response(reply.body, status_code=reply.status, media_type=reply.media_type, headers=headers)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await run_in_threadpool(releases.current.pool.start)
        if not settings.store:
            releases.watch()
            with contextlib.suppress(ValueError, RuntimeError, NotImplementedError, AttributeError):
                asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, releases.ask)
        try:
            yield
        finally:
            releases.close()

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
                   expose_headers=["ETag", "Content-Location", "Link", "Location", "Vary", "Retry-After"],
                   max_age=86400),
        # the prepared pages, lists, search, feeds and the English pages (sakrad_ld.web.served)
        Middleware(SiteFiles, current=lambda: (releases.current.release.store, releases.current.site), cache=cache),
    ]
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan,
                    exception_handlers={HTTPException: _http_error})
    app.state.releases = releases
    app.state.settings = settings
    app.state.gate = gate
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


#: The most statements a document of a resource known only from links to it lists.
MAX_MENTIONS = 1000


def _mentions(store: Any, iri: str) -> list[Any]:
    """For a resource the data only links to (a version IRI, a register): the statements that link to it."""
    import pyoxigraph as ox

    try:
        node = ox.NamedNode(iri)
    except ValueError:
        return []
    found = []
    for quad in store.quads_for_pattern(None, None, node):
        found.append(ox.Triple(quad.subject, quad.predicate, quad.object))
        if len(found) >= MAX_MENTIONS:
            break
    return sorted(set(found), key=str)


def _minted(iri: str, base: str) -> bool:
    """Whether ``iri`` is one of the dataset's own IRIs outside ``id/`` (the dataset, the catalogue …)."""
    rest = iri[len(base):]
    return iri.startswith(base) and bool(rest) and not rest.startswith(_OWN_PATHS) and ".." not in rest


def _replaced(releases: Releases) -> Response:
    """The answer while the release folder is being replaced under the server: come back in a moment."""
    releases.ask()
    response = _problem(503, "the release is being replaced; try again in a moment")
    response.headers["Retry-After"] = "1"
    return response


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


class _Guard:
    """Refuses absurdly long request targets (414), marks every answer ``nosniff``, and turns a
    failure inside the app into one log line and a 500 Problem Details answer (no traceback)."""

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

        started = False

        async def send_with_headers(message: dict[str, Any]) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-content-type-options", b"nosniff")]
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception as error:  # noqa: BLE001 - one line in the log, a clear answer to the client
            _log.error("%s %s failed: %s: %s", scope.get("method"), scope.get("path", "")[:200],
                       type(error).__name__, str(error).splitlines()[0][:300] if str(error) else "")
            if not started:
                response = _problem(500, f"the server failed on {scope.get('path', '')[:200]} "
                                         f"({type(error).__name__}); please report it with the address you asked for")
                await response(scope, receive, send_with_headers)



def request_once(app: Starlette, path: str, accept: str | None = None) -> tuple[int, list[tuple[str, str]], bytes]:
    """One GET of ``path`` from ``app`` in this process, without a socket (``serve --get``):
    (status, headers, body). The app's query workers are stopped afterwards."""
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
        app.state.releases.close()
    return status, out_headers, bytes(body)
