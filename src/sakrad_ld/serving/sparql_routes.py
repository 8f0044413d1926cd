"""``/sparql``: the SPARQL 1.1 Protocol's query operation (:mod:`~sakrad_ld.serving.protocol`) and,
without a query, the Service Description (:mod:`~sakrad_ld.serving.description`).

A query is answered from the answers kept for the release (:mod:`~sakrad_ld.serving.answers`) when
it was asked before; otherwise it passes the queries' own gate (:mod:`~sakrad_ld.serving.admission`)
and runs in a worker process (:mod:`~sakrad_ld.serving.workers`), so documents and pages never
wait for it. An answer carries ``Vary: Accept, Accept-Language``, ``X-Cache: hit`` or ``miss``, and, when it
succeeded, its strong ``ETag`` (``If-None-Match`` gives 304 to a GET or HEAD, 412 to a POST: RFC
9110 §13.1.2) and ``Cache-Control``; an ``If-Match`` that names no current tag of the answer
(strong comparison; ``*`` holds) is 412 to GET and POST alike, before ``If-None-Match``
(RFC 9110 §13.1.1, §13.2.2). An answer in a format the request names (``format=csv``: the answer
page's downloads, links or POST forms) carries ``Content-Disposition: attachment`` with the file name
the page's link gives (``sparql-answer.csv``). A query not answered — stopped past the time or
memory limit, or not taken (a full queue, no worker free, the release not ready, answers in flight)
— is, to a browser asking for HTML, the answer page's error page in its language with the query,
with the same status and headers (:func:`~sakrad_ld.serving.protocol.not_answered`); Problem
Details to a program.
"""

from __future__ import annotations

import logging

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from ..errors import QueryTimeout, ReleaseError
from ..formats import HTML
from ..web.results import download_name
from .admission import RETRY_AFTER, QueryGate, QueueFull
from .answers import AnswerCache, InFlight, SentAnswer, client_of
from .connections import REFUSAL, standing_by
from .context import Context
from .description import DESCRIPTION_FORMATS, service_description
from .negotiation import choose
from .problem import PROBLEM_MEDIA_TYPE, Problem, problem_body
from .protocol import ProtocolError, QueryJob, ToTheForm, not_answered, read_query
from .releases import Generation
from .representation import etag_of, failed_precondition, none_match, prepare
from .workers import QueryTooCostly, WorkersBusy

__all__ = ["SparqlEndpoint", "routes"]

_log = logging.getLogger("sakrad_ld.serving")


class SparqlEndpoint:
    """The endpoint of one server: its gate, and the answers kept for the release it serves."""

    def __init__(self, context: Context) -> None:
        self.context = context
        settings = context.settings
        self.gate = QueryGate(settings.query_workers, settings.query_queue)
        # an external store may be changed under the server (a push of the same graph): nothing is kept
        self.answers = AnswerCache(0 if settings.store else settings.answer_cache * 2**20)
        context.releases.on_switch.append(self.answers.clear)
        #: the answers being sent, --in-flight-bytes together at most
        self.in_flight = InFlight(settings.in_flight_bytes, settings.client_bytes)

    async def answer(self, request: Request) -> Response:
        context, settings = self.context, self.context.settings
        gen = context.releases.current
        if request.method in ("GET", "HEAD") and not request.url.query:
            return await run_in_threadpool(self.description, request, gen)
        headers = {"Vary": "Accept, Accept-Language"}  # a browser's answer page is in the reader's language
        etag, state, named_format = "", "miss", False
        job: QueryJob | None = None
        try:
            job = await read_query(
                request,
                settings.result_cap,
                settings.request_timeout,
                gen.release.base_iri,
                settings.result_bytes,
            )
            named_format = job.named
            kept = self.answers.get(job, gen.fingerprint)
            if kept is not None:
                (reply, etag), state = kept, "hit"
            else:
                async with self.gate.admitted(lambda: standing_by(request.scope, REFUSAL)):
                    reply = await self.gate.run(gen.pool.run, job)
                if reply.status == 200:
                    etag = etag_of(reply.body)
                if gen is context.releases.current:  # never keep an answer of a replaced release
                    self.answers.put(job, gen.fingerprint, reply, etag)
        except ToTheForm as sent:  # a person's link naming no query
            return RedirectResponse(sent.location, status_code=303, headers={"Vary": "Accept"})
        except ProtocolError as error:
            reply = error.reply()
        # a query not answered: the error page to a person's browser (in the page's language, with the
        # query to narrow or run again), Problem Details to a program; the same status either way
        except (QueueFull, WorkersBusy) as error:
            reply = not_answered(job, 503, str(error), "query_busy", {"seconds": RETRY_AFTER})
            headers["Retry-After"] = str(RETRY_AFTER)
        except QueryTimeout as error:
            seconds = {"seconds": f"{settings.timeout:g}"}
            reply = not_answered(job, 503, str(error), "query_stopped_time", seconds, timeout=settings.timeout)
        except QueryTooCostly as error:
            memory = {"memory_limit_mb": settings.query_memory}
            reply = not_answered(job, 503, str(error), "query_stopped_memory", **memory)
        except ReleaseError as error:
            _log.error("SPARQL on %s: %s", gen.release.root, str(error).splitlines()[0])
            reply = not_answered(job, 503, str(error), "query_not_ready", {"seconds": RETRY_AFTER})
            headers["Retry-After"] = str(RETRY_AFTER)
        headers["Cache-Control"] = "no-store" if reply.status >= 400 else context.cache_control
        if reply.status == 200 and named_format and not reply.media_type.startswith(HTML.media_type):
            # a download the answer page asks for (format=…, maybe by a POST form, which names no file):
            # saved under the name its link gives
            headers["Content-Disposition"] = f'attachment; filename="{download_name(reply.media_type)}"'
        headers["X-Cache"] = state
        if reply.status == 200 and etag:
            headers["ETag"] = etag
            failed = failed_precondition(request.url.path, request.headers, etag, None)
            if failed is not None:  # If-Match: evaluated first (RFC 9110 §13.2.2)
                headers["Cache-Control"] = "no-store"
                return Response(
                    problem_body(412, failed), status_code=412, media_type=PROBLEM_MEDIA_TYPE, headers=headers
                )
            if none_match(request.headers.get("if-none-match"), etag):
                return _not_modified(request.method, headers)
        client = client_of(request.scope)
        # slow readers hold the answers' bytes: never more than the budget, nor one client's share of it
        if not self.in_flight.take(reply.body, client):
            headers["Cache-Control"], headers["Retry-After"] = "no-store", str(RETRY_AFTER)
            # no byte counts: they would tell a client exactly how much room is left to fill
            if self.in_flight.room_for(reply.body):  # only this client's share is full
                status, why = 429, "query_busy_sending_you"
                detail = "the server is still sending this client large answers; read them first, then ask again"
            else:
                status, why = 503, "query_busy_sending"
                detail = "the server is busy sending large answers to other clients; try again shortly"
            refusal = not_answered(job, status, detail, why, {"seconds": RETRY_AFTER})
            return Response(refusal.body, status_code=status, media_type=refusal.media_type, headers=headers)
        return SentAnswer(
            reply.body,
            self.in_flight,
            settings.request_timeout,
            client,
            status_code=reply.status,
            media_type=reply.media_type,
            headers=headers,
        )

    def description(self, request: Request, gen: Generation) -> Response:
        format = choose(request.headers.get("accept"), (*DESCRIPTION_FORMATS, HTML))
        if format is HTML:  # a person opening the endpoint in a browser gets the query form
            return RedirectResponse("/#sparql", status_code=303, headers={"Vary": "Accept"})
        if format is None:
            offered = ", ".join(f.media_type for f in DESCRIPTION_FORMATS)
            raise Problem(
                406,
                f"/sparql without a query describes the service as {offered}; the request's "
                f"Accept header ({request.headers.get('accept', '')[:200]}) allows none of them",
                {"Vary": "Accept"},
            )
        body = service_description(
            format, graph=gen.release.graph, triples=gen.triples(), dataset=gen.release.base_iri + "dataset"
        )
        charset = "; charset=utf-8" if format.media_type.startswith("text/") else ""
        response = prepare(body, format.media_type + charset, self.context.cache_control).response(
            request.headers.get("if-none-match")
        )
        response.headers["Vary"] = "Accept"
        return response


#: RFC 9110 §13.1.2: a false If-None-Match is 304 for GET and HEAD, 412 for any other method.
_PRECONDITION_FAILED = (
    "If-None-Match names this answer's ETag: a POST whose If-None-Match is false is answered 412 "
    "(RFC 9110 §13.1.2), only a GET or HEAD 304; ask by GET to revalidate, or send no If-None-Match"
)


def _not_modified(method: str, headers: dict[str, str]) -> Response:
    """The answer to a request whose ``If-None-Match`` names the answer's tag (or ``*``): 304 Not
    Modified to a GET or HEAD, 412 Precondition Failed (Problem Details, not kept) to a POST."""
    if method in ("GET", "HEAD"):
        return Response(status_code=304, headers=headers)
    headers = {**headers, "Cache-Control": "no-store"}
    headers.pop("ETag", None)
    return Response(
        problem_body(412, _PRECONDITION_FAILED), status_code=412, media_type=PROBLEM_MEDIA_TYPE, headers=headers
    )


def routes(context: Context, endpoint: SparqlEndpoint) -> list[BaseRoute]:
    """``/sparql`` (GET and POST)."""
    return [Route("/sparql", endpoint.answer, methods=["GET", "POST"])]
