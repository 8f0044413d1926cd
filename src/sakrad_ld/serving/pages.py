"""The pages for people the server answers itself: the start page, and the 404 page a browser gets.

The site's prepared pages, lists, search and English pages are answered before these routes, by
:class:`sakrad_ld.web.served.SiteFiles`; a page of one resource is a document in HTML
(:mod:`sakrad_ld.serving.documents`). Pages added for people (such as a query page) are routes of
:func:`routes`.
"""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from ..formats import HTML, Format
from .context import Context
from .negotiation import choose
from .problem import PROBLEM_MEDIA_TYPE, problem_response
from .releases import Generation
from .representation import prepare

__all__ = ["not_found", "routes"]

_PROBLEM = Format("problem", ".json", PROBLEM_MEDIA_TYPE, "JSON", "Problem Details", ("application/json",))
_HTML = "text/html; charset=utf-8"


def not_found(request: Request, gen: Generation, iri: str, what: str) -> Response:
    """404: an HTML page for a browser (with where to go instead), Problem Details for a program."""
    if choose(request.headers.get("accept"), (HTML, _PROBLEM)) is HTML:
        from ..web import pages

        return Response(pages.not_found_page(iri, gen.site), status_code=404, media_type=_HTML)
    return problem_response(404, what)


def routes(context: Context) -> list[BaseRoute]:
    """The start page (``/``)."""
    from ..web import pages

    async def start(request: Request) -> Response:
        gen = context.releases.current
        html = await run_in_threadpool(pages.start_page, gen.release.store, gen.site)
        return prepare(html.encode("utf-8"), _HTML, context.cache_control).response(
            request.headers.get("if-none-match")
        )

    return [Route("/", start, methods=["GET"])]
