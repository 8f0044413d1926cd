"""Dereferenceable IRIs: a thing's IRI answers 303 See Other to the document about it, and the
document is served in the format asked for (https://www.w3.org/TR/cooluris/, RFC 9110 §12.5.1)::

    /id/{kind}/{id}[/part…]        303 to /doc/{kind}/{id}.{ext}[#part], the format chosen by Accept
    /en/id/{kind}/{id}[/part…]     the same, but a page is the English one, /en/doc/{kind}/{id}.html
    /doc/{kind}/{id}[.ext]         the document: HTML, Turtle, JSON-LD, N-Triples, RDF/XML
    /ontology[.ext]                the ontology (its terms are hash IRIs: the document, no 303)
    /role[/x]                      the role scheme and a participation role (slash IRIs): 303 to
                                   /role[/x].{ext}, the format chosen by Accept
    /role[/x].ext                  their documents
    /{path}[.ext]                  any other IRI minted under the base (the dataset, the catalogue, a
                                   distribution, a linkset): 303 to /{path}.{ext}, its document
    /graph/{version}               the release's graph (every query's default graph, the name
                                   ``sakrad-ld push`` gives it): 303 to /sakrad.{ttl,jsonld,nt}, the
                                   release's data, or for a browser to /dataset.html

Each document is made once and then answered from its prepared bytes (:class:`Documents`): the
body, its strong ``ETag`` (``If-None-Match`` gives 304), ``Cache-Control``, ``Content-Location``
and the ``Link`` to its other variants (none for JSON-LD: :func:`_alternates`), held in memory up to ``--document-cache`` megabytes (least
recently used dropped first) and emptied when the release switches. An answer from the prepared
bytes never leaves the event loop; only making a document takes a thread. A ``/doc/…`` path answered
once is remembered, so the next request for it is answered in front of the routes
(:class:`PreparedDocuments`), past only the guard and CORS.

The English page of a resource is one more document, at ``/en{document path}.html``
(``/en/doc/meeting/x.html``, ``/en/role/x.html``): made, kept and answered the same way, its path
keeping it apart from the Swedish page in the one cache.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pyoxigraph as ox
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route
from starlette.types import ASGIApp, Receive, Scope, Send

from ..catalogue.variants import filed_triples
from ..documents.describe import document_bytes, document_triples
from ..documents.paths import DOCUMENT_FORMATS, ONTOLOGY_PATH, ROLE_PATH, page_path, thing_of
from ..formats import HTML, Format
from ..vocab import ONTOLOGY_IRI
from .cache import ByteLRU
from .context import Context
from .negotiation import choose
from .pages import not_found
from .problem import Problem
from .releases import Generation
from .representation import Prepared, none_match, prepare

__all__ = ["DOCUMENT_FORMATS", "MAX_MENTIONS", "Documents", "PreparedDocuments", "routes"]

_SUFFIXES = {f.suffix: f for f in DOCUMENT_FORMATS}
#: Paths the server answers itself, never taken for an IRI of the catalogue.
_OWN_PATHS = ("id/", "doc/", "sparql", "download/")
#: The release's whole data as downloads (``sakrad.ttl`` …), where its graph's IRI leads (:meth:`Documents.graph_at`).
GRAPH_FILE = "sakrad"
#: The most statements a document of a resource known only from links to it lists.
MAX_MENTIONS = 1000
#: The folder of the English pages: a resource's is ``/en{document path}.html``, made on request (the
#: site's other English pages, the ontology's among them, are prepared files, made once for the release).
_ENGLISH = "/en/"
#: The request paths whose document, once answered, is answered again in front of the routes.
_REMEMBERED = ("/doc/", _ENGLISH)


class Documents:
    """The documents of the release being served, made once each and kept as prepared bytes."""

    def __init__(self, context: Context) -> None:
        self.context = context
        settings = context.settings
        # an external store may be changed under the server (a push of the same graph): nothing is kept
        limit = 0 if settings.store else settings.document_cache * 2**20
        #: (release, document path, format name) → the prepared document
        self.cache: ByteLRU[Prepared] = ByteLRU(limit - limit // 16)
        #: (release, request path) → (document path, format name, or None when negotiated) of a path answered
        self.paths: ByteLRU[tuple[str, str | None]] = ByteLRU(limit // 16)
        context.releases.on_switch.append(self.clear)

    @property
    def bytes(self) -> int:
        return self.cache.bytes + self.paths.bytes

    @property
    def limit(self) -> int:
        return self.cache.limit + self.paths.limit

    def clear(self) -> None:
        self.cache.clear()
        self.paths.clear()

    def prepared(self, gen: Generation, iri: str, path: str, format: Format) -> Prepared | None:
        """The prepared ``format`` document about ``iri`` at ``path`` (made now if it is not kept);
        None if the data has nothing about it. Blocks while it makes one: call from a thread."""
        key = (gen.fingerprint, path, format.name)
        found = self.cache.get(key)
        if found is not None:
            return found
        made = self._make(gen, iri, path, format)
        if made is not None and gen is self.context.releases.current:  # never keep a replaced release's
            self.cache.put(key, made, made.size)
        return made

    def _make(self, gen: Generation, iri: str, path: str, format: Format) -> Prepared | None:
        store = gen.release.store
        english = path.startswith(_ENGLISH)
        if format is HTML:
            from ..web import pages

            html = (
                pages.ontology_page(store, gen.site)
                if iri == ONTOLOGY_IRI.value
                else pages.resource_page(store, iri, gen.site, "en" if english else "sv")
            )
            if html is None:
                return None
            body = html.encode("utf-8")
        else:
            files, read = gen.release.files, lambda name: gen.file_bytes(gen.release.files[name])
            triples = (
                filed_triples(path, files, read, gen.release.base_iri)
                or document_triples(store, iri)
                or _mentions(store, iri)
            )
            if not triples:
                return None
            body = document_bytes(triples, format, iri)
        charset = "; charset=utf-8" if format.media_type.startswith("text/") else ""
        if english:  # a page for people only: no variants to link to
            return prepare(body, format.media_type + charset, self.context.cache_control)
        links = _alternates(path, format)
        return prepare(
            body,
            format.media_type + charset,
            self.context.cache_control,
            Content_Location=path + format.suffix,
            **({"Link": links} if links else {}),
        )

    async def answer(self, request: Request, gen: Generation, iri: str, path: str, format: Format | None) -> Response:
        """The document about ``iri`` at ``path``, in ``format`` or as negotiated by ``Accept``."""
        negotiated = format is None
        if format is None:
            format = choose(request.headers.get("accept"), DOCUMENT_FORMATS)
            if format is None:
                raise not_acceptable(request, path)
        made = self.cache.get((gen.fingerprint, path, format.name))
        state = "hit"
        if made is None:
            state = "miss"
            made = await run_in_threadpool(self.prepared, gen, iri, path, format)
            if made is None:
                return not_found(request, gen, iri, f"the data has nothing about {iri}")
        if request.url.path.startswith(_REMEMBERED) and gen is self.context.releases.current:
            asked = request.url.path
            self.paths.put((gen.fingerprint, asked), (path, None if negotiated else format.name), len(asked) * 2 + 200)
        response = made.response(request.headers.get("if-none-match"), state)
        if negotiated:
            response.headers["Vary"] = "Accept"
        return response

    def see_other(self, request: Request, path: str, english: bool = False) -> Response:
        """303 See Other from a thing's IRI to the document at ``path`` (``#fragment`` kept), negotiated;
        with ``english``, a page (HTML) is the English one, ``/en{path}.html``."""
        format = choose(request.headers.get("accept"), DOCUMENT_FORMATS)
        if format is None:
            raise not_acceptable(request, path.split("#")[0])
        doc, _, fragment = path.partition("#")
        target = (
            ("/en" if english and format is HTML else "") + doc + format.suffix + (f"#{fragment}" if fragment else "")
        )
        return RedirectResponse(
            target, status_code=303, headers={"Vary": "Accept", "Cache-Control": self.context.cache_control}
        )

    async def document_at(self, request: Request, gen: Generation) -> Response | None:
        """The document a ``/doc/…``, ``/ontology…`` or ``/role….{ext}`` path names, or the English
        page an ``/en/…html`` path names; None for another path. A role's IRI and the role scheme's
        (``/role/chair``, ``/role``: slash IRIs of things, not documents) answer 303 See Other to
        the document, as a thing's IRI does (Cool URIs §4.3); the ontology's terms are hash IRIs,
        so ``/ontology`` is its document."""
        located = locate(request.url.path, gen.release.base_iri, gen.release.store)
        if located is None:
            return None
        iri, path, format = located
        if format is None and is_role(path) and known(gen.release.store, iri):
            return self.see_other(request, path)
        return await self.answer(request, gen, *located)

    async def minted_at(self, request: Request, gen: Generation) -> Response | None:
        """Another IRI minted under the base (the dataset, its distributions, linksets …): 303 to its
        document, or the document itself at ``{path}.{ext}``; None if the path is no such IRI."""
        base, store, path = gen.release.base_iri, gen.release.store, request.url.path
        if _minted(base + path[1:], base) and known(store, base + path[1:]):
            return self.see_other(request, path)
        for suffix, format in _SUFFIXES.items():
            iri = base + path[1 : -len(suffix)]
            if path.endswith(suffix) and _minted(iri, base) and known(store, iri):
                return await self.answer(request, gen, iri, path[: -len(suffix)], format)
        return None

    def graph_at(self, request: Request, gen: Generation) -> Response | None:
        """The release's graph ``{base}graph/{version}``: 303 See Other to its contents, the
        download of the release's data in the format ``Accept`` asks for (``/sakrad.ttl``,
        ``.jsonld``, ``.nt``), or for a browser the dataset's page; None for another path."""
        release = gen.release
        if not release.graph or release.base_iri + request.url.path[1:] != release.graph:
            return None
        targets = {
            f: "/dataset.html" if f is HTML else "/" + GRAPH_FILE + f.suffix
            for f in DOCUMENT_FORMATS
            if f is HTML or GRAPH_FILE + f.suffix in release.files
        }
        format = choose(request.headers.get("accept"), list(targets))
        if format is None:
            raise not_acceptable(request, request.url.path, list(targets.items()))
        target = targets[format]
        return RedirectResponse(
            target, status_code=303, headers={"Vary": "Accept", "Cache-Control": self.context.cache_control}
        )


class PreparedDocuments:
    """ASGI middleware: a GET or HEAD of a ``/doc/…`` or ``/en/…`` path already answered, whose
    document is kept, is answered here from its bytes (the same answer the route gives); anything
    else passes on."""

    def __init__(self, app: ASGIApp, documents: Documents) -> None:
        self.app, self.documents = app, documents
        self._by_name = {f.name: f for f in DOCUMENT_FORMATS}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] not in ("GET", "HEAD")
            or not scope["path"].startswith(_REMEMBERED)
        ):
            await self.app(scope, receive, send)
            return
        documents = self.documents
        release = documents.context.releases.current.fingerprint
        where = documents.paths.get((release, scope["path"]))
        if where is None:
            await self.app(scope, receive, send)
            return
        path, name = where
        accept = _header(scope, b"accept")
        format = self._by_name[name] if name else choose(accept, DOCUMENT_FORMATS)
        made = documents.cache.get((release, path, format.name)) if format is not None else None
        if made is None:
            await self.app(scope, receive, send)
            return
        await _send(scope, send, made, b"Accept" if name is None else None)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return value.decode("latin-1")
    return None


async def _send(scope: Scope, send: Send, made: Prepared, vary: bytes | None) -> None:
    """The answer from a prepared document's bytes: 200 (no body for HEAD), or 304 for ``If-None-Match``."""
    if_none_match = _header(scope, b"if-none-match")
    headers = [*made.raw, (b"x-cache", b"hit")]
    if vary is not None:
        headers.append((b"vary", vary))
    if none_match(if_none_match, made.etag):
        headers = headers[2:]  # no content type or length without a body
        await send({"type": "http.response.start", "status": 304, "headers": headers})
        await send({"type": "http.response.body", "body": b""})
        return
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else made.body})


def routes(context: Context, documents: Documents) -> list[BaseRoute]:
    """``/id/…`` and ``/en/id/…`` (303 to the document) and ``/doc/…`` (the document)."""

    async def thing(request: Request) -> Response:
        """``/id/…``: 303 to the thing's document. ``/en/id/…`` names no thing (a thing's IRI is
        ``/id/…``, in no language), but it is where an English reader arrives who puts ``/en`` before a
        thing's IRI as before a page's: 303 to the thing's English page, or for a program to its
        document as from ``/id/…``; 404, in English, where the data has nothing about ``/id/…``."""
        gen = context.releases.current
        iri = gen.release.base_iri + "id/" + request.path_params["rest"]
        path = page_path(iri, gen.release.base_iri)
        if path is None or not known(gen.release.store, iri):  # known() is False for a text that is no IRI
            return not_found(request, gen, iri, f"the data has nothing about {iri}")
        return documents.see_other(request, path, english=request.url.path.startswith(_ENGLISH))

    async def document(request: Request) -> Response:
        gen = context.releases.current
        found = await documents.document_at(request, gen)
        if found is None:
            return not_found(
                request,
                gen,
                "",
                f"{request.url.path}: there is no such page or file; "
                "the start page / lists the documents and downloads",
            )
        return found

    async def graph(request: Request) -> Response:
        gen = context.releases.current
        found = documents.graph_at(request, gen)
        if found is None:
            iri = gen.release.base_iri + request.url.path[1:]
            return not_found(
                request, gen, iri, f"{iri} is not this release's graph; the release's graph is {gen.release.graph}"
            )
        return found

    return [
        Route("/id/{rest:path}", thing, methods=["GET"]),
        Route(_ENGLISH + "id/{rest:path}", thing, methods=["GET"]),
        Route("/doc/{rest:path}", document, methods=["GET"]),
        Route("/graph/{rest:path}", graph, methods=["GET"]),
    ]


def not_acceptable(request: Request, path: str, targets: Sequence[tuple[Format, str]] = ()) -> Problem:
    """406 for ``path``: the formats it has and where (by default each at ``{path}{suffix}``)."""
    targets = targets or [(f, path + f.suffix) for f in DOCUMENT_FORMATS]
    offered = ", ".join(f"{f.media_type} ({at})" for f, at in targets)
    return Problem(
        406,
        f"{path} can be given as {offered}; the request's Accept header "
        f"({request.headers.get('accept', '')[:200]}) allows none of them",
        {"Vary": "Accept"},
    )


def locate(path: str, base: str, store: Any) -> tuple[str, str, Format | None] | None:
    """(thing IRI, document path without extension, format asked for by extension) for a document
    path; None for a path that is not a document's. ``/doc/meeting/x.ttl`` is the Turtle of ``x``
    unless the data has a thing whose id is ``x.ttl`` (ids may hold dots). ``/en{document path}.html``
    is the English page of a thing the data has something about. A path whose IRI would not be an
    IRI (a space, ``<``, ``{``, a control character, ``%`` not followed by two hex digits) is no
    document's: None, answered 404."""
    if path.startswith(_ENGLISH):
        page = path.removesuffix(HTML.suffix)
        doc = page[len(_ENGLISH) - 1 :]
        iri = thing_of(doc, base) if page != path and doc != ONTOLOGY_PATH else None
        if iri is None and page != path and _minted(base + doc[1:], base):  # the dataset, the catalogue …
            iri = base + doc[1:]
        return (iri, page, HTML) if iri is not None and known(store, iri) else None
    iri = thing_of(path, base)
    if iri is not None and known(store, iri):
        return iri, path, None
    for suffix, format in _SUFFIXES.items():
        if path.endswith(suffix) and (whole := thing_of(path[: -len(suffix)], base)) is not None:
            return (whole, path[: -len(suffix)], format) if is_iri(whole) else None
    return (iri, path, None) if iri is not None and is_iri(iri) else None


def is_role(path: str) -> bool:
    """Whether a document path (without extension) is the role scheme's or a role's, whose IRIs
    are slash IRIs of things: ``/role``, ``/role/{x}``."""
    return path == ROLE_PATH or path.startswith(ROLE_PATH + "/")


def is_iri(text: str) -> bool:
    """Whether ``text`` is an IRI (pyoxigraph's parser): what a path is turned into must be one."""
    try:
        ox.NamedNode(text)
    except ValueError:
        return False
    return True


def known(store: Any, iri: str) -> bool:
    """Whether the store holds a statement about or pointing at ``iri``."""
    try:
        node = ox.NamedNode(iri)
    except ValueError:
        return False
    return (
        next(iter(store.quads_for_pattern(node, None, None)), None) is not None
        or next(iter(store.quads_for_pattern(None, None, node)), None) is not None
    )


def _mentions(store: Any, iri: str) -> list[Any]:
    """For a resource the data only links to (a version IRI, a register): the statements that link to it."""
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
    rest = iri[len(base) :]
    return iri.startswith(base) and bool(rest) and not rest.startswith(_OWN_PATHS) and ".." not in rest


def _alternates(path: str, format: Format) -> str:
    """The ``Link`` of a document in ``format``: its other representations, each ``rel="alternate"``
    (RFC 8288: an alternate is another representation, never the one answered). A JSON-LD answer has
    none: a JSON-LD processor reads ``rel="alternate"`` of a response (JSON-LD 1.1 API §9.4) and
    pyld, the common Python one, fails on more than one, while the answer is already the JSON-LD it
    would look for (the export's hosts send documents without a ``Link`` too)."""
    if format.media_type == "application/ld+json":
        return ""
    return ", ".join(
        f'<{path}{f.suffix}>; rel="alternate"; type="{f.media_type}"' for f in DOCUMENT_FORMATS if f is not format
    )
