"""An English page's path without ``.html`` (``/en/doc/meeting/x``, ``/en/dataset``, ``/en/ontology``)
names the same resource as the negotiated document path without ``/en`` (``/doc/meeting/x``), so it is
negotiated too (RFC 9110 §12.5.1; every answer chosen by ``Accept`` says ``Vary: Accept``):

* a browser (HTML) gets the English page, as ``/en/…html``;
* a program asking for RDF gets 303 See Other to the document in its format
  (``/doc/meeting/x.ttl``: a document has no language), as ``/en/id/…`` sends it;
* a header that accepts no format gets 406, naming the formats and where they are.

What is not such a path passes on untouched (a list's page without ``.html``, ``/en/lists/meetings``,
is a page only, and answers HTML whatever ``Accept`` says).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..documents.paths import DOCUMENT_FORMATS, ONTOLOGY_PATH
from ..formats import HTML
from .context import Context
from .documents import _minted, known, locate, not_acceptable
from .negotiation import choose

__all__ = ["EnglishPages"]

_ENGLISH = "/en/"


class EnglishPages:
    """ASGI middleware: a GET or HEAD of ``/en{document path}`` without a suffix, negotiated."""

    def __init__(self, app: ASGIApp, context: Context) -> None:
        self.app, self.context = app, context

    def _document(self, path: str) -> bool:
        """Whether ``path`` (without ``/en``) is a negotiated document's path the release has."""
        release = self.context.releases.current.release
        base, store = release.base_iri, release.store
        if path == ONTOLOGY_PATH:
            return True
        located = locate(path, base, store)
        if located is not None:  # a thing's document path, also where the data has nothing about it (404)
            return located[2] is None and known(store, located[0])
        iri = base + path[1:]
        return _minted(iri, base) and known(store, iri)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "")
        if (
            scope["type"] != "http"
            or scope["method"] not in ("GET", "HEAD")
            or not path.startswith(_ENGLISH)
            or path.startswith(_ENGLISH + "id/")
            or path.endswith(("/", HTML.suffix))
            or not self._document(path[len(_ENGLISH) - 1 :])
        ):
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        format = choose(request.headers.get("accept"), DOCUMENT_FORMATS)
        doc = path[len(_ENGLISH) - 1 :]
        if format is None:
            problem = not_acceptable(request, doc)
            await problem.response()(scope, receive, send)
            return
        if format is not HTML:
            headers = {"Vary": "Accept", "Cache-Control": self.context.cache_control}
            await RedirectResponse(doc + format.suffix, status_code=303, headers=headers)(scope, receive, send)
            return

        async def varying(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"vary"]
                message = {**message, "headers": [*headers, (b"vary", b"Accept")]}
            await send(message)

        await self.app(scope, receive, varying)
