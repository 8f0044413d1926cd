"""The pages for people the server answers itself: the 404 page a browser gets, and the 410 Gone
of an IRI the release lists as withdrawn (:mod:`sakrad_ld.withdrawn`). :class:`Withdrawn` answers
every path of a withdrawn IRI (``/id/…``, ``/en/id/…``, ``/doc/…`` with or without a suffix,
``/en/doc/…``) in front of the routes and of every other middleware, so no route's own check (a
format negotiated to 406, a page prepared before) answers there first: 410 whatever ``Accept`` asks
for, as the static export's rules answer it.

The site's prepared pages (the start page, lists, search, the query page) are answered before the
routes, by :class:`sakrad_ld.web.served.SiteFiles`; a page of one resource, in Swedish or English,
is a document in HTML (:mod:`sakrad_ld.serving.documents`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from ..formats import HTML
from ..withdrawn import TEXT, gone_path, gone_text
from .negotiation import choose
from .problem import PROBLEM_FORMAT, problem_response
from .releases import Generation, Releases

__all__ = ["Withdrawn", "gone", "not_found"]

_HTML = "text/html; charset=utf-8"
_VARY = {"Vary": "Accept"}
TEXT_TYPE = "text/plain; charset=utf-8"


#: Under a thing's IRIs (``/id/…``) the language is negotiated, as the 303 to a page is.
_NEGOTIATED = "/id/"
_VARY_LANGUAGE = {"Vary": "Accept, Accept-Language"}


def gone(request: Request, gen: Generation, item: Mapping[str, Any]) -> Response:
    """410 Gone for an IRI the release lists as withdrawn (RFC 9110 §15.5.11), at its ``/id/…``,
    ``/en/id/…``, ``/doc/…`` or ``/en/doc/…``: a page for a browser, plain text otherwise, each saying
    when and why (:mod:`sakrad_ld.withdrawn`), the page in English below ``/en/``; chosen by ``Accept``, so the
    answer says ``Vary: Accept``."""
    base = gen.release.base_iri
    if choose(request.headers.get("accept"), (HTML, TEXT)) is HTML:
        from ..web import pages

        lang = "en" if request.url.path.startswith("/en/") else "sv"  # by the path alone, as the static hosts answer
        page = pages.gone_page(item, gen.site, lang)
        return Response(page, status_code=410, media_type=_HTML, headers=_VARY)
    return Response(gone_text(item, base), status_code=410, media_type=TEXT_TYPE, headers=_VARY)


def not_found(request: Request, gen: Generation, iri: str, what: str) -> Response:
    """404: an HTML page for a browser (with where to go instead; in English below ``/en/``, as the
    site's English pages are, and under ``/id/`` in the language ``Accept-Language`` prefers, as a
    thing's 303 leads to its page), Problem Details for a program; chosen by ``Accept``, so the
    answer says ``Vary: Accept`` (under ``/id/`` ``Vary: Accept, Accept-Language``)."""
    path = request.url.path
    vary = _VARY_LANGUAGE if path.startswith(_NEGOTIATED) else _VARY
    if choose(request.headers.get("accept"), (HTML, PROBLEM_FORMAT)) is HTML:
        from ..web import pages
        from ..web.paths import language_of
        from ..web.served import preferred_language

        if path.startswith(_NEGOTIATED):
            lang = preferred_language(request.headers.get("accept-language"))
        else:
            lang = language_of(path.lstrip("/"))
        page = pages.not_found_page(iri, gen.site, lang)
        return Response(page, status_code=404, media_type=_HTML, headers=vary)
    return problem_response(404, what, vary)


class Withdrawn:
    """ASGI middleware: a GET or HEAD of any path of an IRI the release lists as withdrawn is 410
    Gone (:func:`gone`), before anything else looks at it; every other request passes on."""

    def __init__(self, app: ASGIApp, releases: Releases) -> None:
        self.app, self.releases = app, releases

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD"):
            gen = self.releases.current
            item = gen.withdrawals().get(gone_path(scope["path"]) or "")
            if item is not None:
                await gone(Request(scope), gen, item)(scope, receive, send)
                return
        await self.app(scope, receive, send)
