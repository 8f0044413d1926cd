"""The HTTP server of a release, assembled from its parts: SPARQL endpoint, dereferenceable IRIs,
pages and downloads.

:func:`build_app` builds the ASGI app (Starlette) from its inputs, the settings and the releases it
serves (:class:`~sakrad_ld.serving.releases.Releases`); :func:`create_app` opens the releases of a
folder first. Nothing happens at import time. The app answers for the *paths* of the dataset's IRIs,
whatever host it runs on (``{base}id/meeting/x`` is served at ``/id/meeting/x``), with one router per
thing it serves, tried in this order::

    /sparql                        SPARQL 1.1 Protocol, read-only     sakrad_ld.serving.sparql_routes
    /id/…  /doc/…                  things (303) and their documents   sakrad_ld.serving.documents
    /download/{file}               the release's files                sakrad_ld.serving.files
    /{path}                        a document (/ontology, /role …, an English page /en/doc/….html),
                                   then a release file (/catalog.ttl), then another IRI minted
                                   under the base (303), else 404

In front of the routes: the guard (:mod:`~sakrad_ld.serving.guard`: 414, ``nosniff``, 500 without
a traceback; its own answers carry the CORS headers too), CORS, the 410 Gone of every path of a
withdrawn IRI, whatever ``Accept`` asks for (:class:`sakrad_ld.serving.pages.Withdrawn`), an English page's path without ``.html``, negotiated
(:mod:`~sakrad_ld.serving.english`), the documents answered before, and the site's prepared files, the start page
``/`` among them (:class:`sakrad_ld.web.served.SiteFiles`). An error a route raises
(:class:`~sakrad_ld.serving.problem.Problem`) is answered as Problem Details
(:mod:`sakrad_ld.serving.problem`), except the 404 page a browser gets.

Every request is answered from one release (:mod:`sakrad_ld.serving.releases`); SPARQL queries
pass a gate of their own (:mod:`sakrad_ld.serving.admission`) so that documents never wait for
them; documents and answers are made once per release and answered from their bytes
(:mod:`sakrad_ld.serving.documents`, :mod:`sakrad_ld.serving.answers`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route
from starlette.types import Message, Receive, Scope, Send

from ..errors import ReleaseError
from ..sparql.query import saved_queries
from ..sparql.store import Release
from ..web.served import SiteFiles
from ..web.static import EXPOSE_HEADERS, PREFLIGHT_HEADERS, PREFLIGHT_METHODS
from . import documents, english, files, pages, sparql_routes
from .context import Context
from .guard import MAX_URL_LENGTH, Guard
from .problem import Problem, problem_response
from .protocol import answer
from .releases import Generation, Releases
from .representation import Preconditions
from .settings import Settings
from .workers import WorkerPool

__all__ = ["MAX_URL_LENGTH", "build_app", "create_app", "open_releases", "request_once"]

#: The share of the time limit a query may wait for a worker: no answer takes longer than 1.5 times the limit.
QUEUE_WAIT = 0.5
#: With ``--store``: the most bytes of one answer read from the store, in multiples of ``--result-bytes``
#: (its SPARQL results in JSON are longer than the same answer in CSV or Turtle); past it, 502.
STORE_ANSWER_FACTOR = 4


def open_releases(release_dir: Path, settings: Settings) -> Releases:
    """The releases the server answers from: the one in ``release_dir`` now, and each that replaces
    it there, each with its query workers and pages' site; ReleaseError if it is not a release."""
    from ..web import pages as web_pages

    queries = list(saved_queries())

    def generation(release: Release, print_: str) -> Generation:
        if settings.store:  # the external store runs the queries (and enforces its own time limit)
            from ..sparql.remotestore import InThreadPool

            pool: Any = InThreadPool(release, answer)
        else:
            pool = WorkerPool(
                release.root,
                answer,
                settings.query_workers,
                settings.timeout,
                wait=settings.timeout * QUEUE_WAIT,
                memory_limit=settings.query_memory * 2**20,
            )
        site = web_pages.Site(
            base_iri=release.base_iri,
            downloads=[(f.path, f.media_type, f.size) for f in release.files.values()],
            queries=queries,
            sparql_path="/sparql",
            release=release.root,
            graph=release.graph or None,
        )
        return Generation(release, print_, pool, site)

    if settings.store:  # the external store is checked once, as it is given
        first = Release.open(Path(release_dir), settings.store)
        first.store.max_bytes = STORE_ANSWER_FACTOR * settings.result_bytes  # type: ignore[attr-defined]
        releases = Releases(Path(release_dir), generation, 0, 0)
        releases.current = generation(first, releases.current.fingerprint)
        return releases
    return Releases(Path(release_dir), generation, settings.reload_interval, settings.timeout * (1 + QUEUE_WAIT) + 1)


def create_app(release_dir: Path, settings: Settings | None = None) -> Starlette:
    """The ASGI app serving the release in ``release_dir`` (and each release that replaces it there);
    ReleaseError if it is not a release."""
    settings = settings or Settings()
    return build_app(open_releases(release_dir, settings), settings)


def build_app(releases: Releases, settings: Settings) -> Starlette:
    """The ASGI app answering from ``releases`` with ``settings``, assembled from its routers."""
    context = Context(settings, releases)
    endpoint = sparql_routes.SparqlEndpoint(context)
    docs = documents.Documents(context)

    async def anything(request: Request) -> Response:
        """A path no router claims: a document, a release file, another IRI minted under the base, or 404."""
        gen = releases.current
        found = (
            await docs.document_at(request, gen)
            or files.release_file(context, request, gen)
            or await docs.minted_at(request, gen)
        )
        if found is not None:
            return found
        return pages.not_found(
            request,
            gen,
            "",
            f"{request.url.path}: there is no such page or file; the start page / lists the documents and downloads",
        )

    routes: list[BaseRoute] = [
        *sparql_routes.routes(context, endpoint),
        *documents.routes(context, docs),
        Route("/{rest:path}", anything, methods=["GET"]),
    ]

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:  # queries are taken once the workers have loaded the release
            await run_in_threadpool(releases.current.pool.start)
        except ReleaseError as error:  # documents and pages are served; each query is answered 503 with why
            logging.getLogger("sakrad_ld.serving").error("SPARQL: %s", str(error).splitlines()[0])
        if not settings.store:
            releases.watch()
            with contextlib.suppress(ValueError, RuntimeError, NotImplementedError, AttributeError):
                asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, releases.ask)
        try:
            yield
        finally:
            releases.close()

    cors: dict[str, Any] = {
        "allow_origins": list(settings.cors_origins),
        "allow_methods": ["GET", "HEAD", "POST"],
        # what a page's script may send beside the safelisted: conditional and ranged requests
        "allow_headers": PREFLIGHT_HEADERS.split(", "),
        # what the export's rules expose, and the server's own Retry-After and X-Cache
        "expose_headers": [*EXPOSE_HEADERS.split(", "), "Retry-After", "X-Cache"],
        "max_age": 86400,
    }
    middleware = [
        # the guard's own answers (414, 505, the encoded slash's 404, 500) pass the same CORS layer
        Middleware(Guard, cors=lambda answer: _Cors(answer, **cors)),
        Middleware(_Cors, **cors),
        # If-Match and If-Unmodified-Since of every answer with a representation (412), before the rest
        Middleware(Preconditions),
        # a withdrawn IRI's every path is 410 Gone, before any other part answers it
        Middleware(pages.Withdrawn, releases=releases),
        # an English page's path without .html is negotiated as the document path without /en
        Middleware(english.EnglishPages, context=context),
        # a document answered before is answered again from its bytes, in front of the routes
        Middleware(documents.PreparedDocuments, documents=docs),
        # a list's CSV links to its CSVW metadata, as a release's table does
        Middleware(files.DescribedLists),
        # the prepared pages, lists, search, feeds and the English pages (sakrad_ld.web.served)
        Middleware(
            SiteFiles,
            current=lambda: (releases.current.release.store, releases.current.site),
            cache=context.cache_control,
        ),
    ]
    app = Starlette(
        routes=routes,
        middleware=middleware,
        lifespan=lifespan,
        exception_handlers={HTTPException: _http_error, Problem: _problem},
    )
    app.state.releases = releases
    app.state.settings = settings
    app.state.gate = endpoint.gate
    app.state.answers = endpoint.answers
    app.state.in_flight = endpoint.in_flight
    app.state.documents = docs
    return app


_SPARQL = "/sparql"


class _Cors(CORSMiddleware):
    """Starlette's CORS, with every preflight answered 200 as the static hosts answer it (docs/site.md):
    the ``Access-Control-Allow-*`` header fields say what is allowed (a method, header or origin not
    among them is left out), and the browser refuses what they do not allow. Starlette answers such a
    preflight 400 in plain text, an answer no other error of the server has.

    While any origin is allowed (``--cors-origins '*'``, without credentials) every answer carries
    ``Access-Control-Allow-Origin: *`` whether or not the request has an ``Origin``, as the export's
    nginx and Apache rules send it, so no answer depends on ``Origin`` and none says ``Vary: Origin``
    (Starlette adds it to every answer, which makes a shared cache keep one copy per origin). With
    named origins the allowed one is echoed, and the answer says ``Vary: Origin``.

    A preflight lists the methods of its path: GET, HEAD and POST at ``/sparql``, GET and HEAD
    elsewhere (:data:`sakrad_ld.web.static.PREFLIGHT_METHODS`, as the export's rules list them), so a
    browser never sends a POST that is then 405."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "OPTIONS" and scope["path"] != _SPARQL:
            headers = Headers(scope=scope)
            if "origin" in headers and "access-control-request-method" in headers:
                response = self.preflight_response(headers)
                response.headers["Access-Control-Allow-Methods"] = PREFLIGHT_METHODS
                await response(scope, receive, send)
                return
        await super().__call__(scope, receive, send)

    async def send(self, message: Message, send: Send, request_headers: Headers) -> None:
        if message["type"] != "http.response.start" or not self.allow_all_origins or self.allow_credentials:
            await super().send(message, send, request_headers)
            return
        message.setdefault("headers", [])
        MutableHeaders(scope=message).update(self.simple_headers)
        await send(message)

    def preflight_response(self, request_headers: Headers) -> Response:
        response = super().preflight_response(request_headers)
        if response.status_code == 200:
            return response
        headers = {k: v for k, v in response.headers.items() if k.lower().startswith(("access-control-", "vary"))}
        return Response(b"", status_code=200, headers=headers)


async def _problem(request: Request, error: Exception) -> Response:
    assert isinstance(error, Problem)
    return error.response()


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    detail = str(error.detail)
    if error.status_code == 405:  # its headers carry Allow, the methods the path answers (RFC 9110 §15.5.6)
        detail = f"{request.method} is not allowed on {request.url.path}; use GET (or POST for /sparql)"
    return problem_response(error.status_code, detail, dict(error.headers or {}))


def request_once(app: Starlette, path: str, accept: str | None = None) -> tuple[int, list[tuple[str, str]], bytes]:
    """One GET of ``path`` from ``app`` in this process, without a socket (``serve --get``):
    (status, headers, body). The app's query workers are stopped afterwards."""
    from urllib.parse import urlsplit

    url = urlsplit(path)
    headers = [(b"host", b"localhost")] + ([(b"accept", accept.encode("latin-1"))] if accept else [])
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": url.path or "/",
        "raw_path": (url.path or "/").encode(),
        "query_string": url.query.encode(),
        "headers": headers,
        "client": ("127.0.0.1", 0),
        "server": ("localhost", 80),
        "root_path": "",
    }
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
