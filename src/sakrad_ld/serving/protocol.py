"""The SPARQL 1.1 Protocol's query operation, read-only (https://www.w3.org/TR/sparql11-protocol/#query-operation).

A query comes as ``GET /sparql?query=…``, as ``POST`` of ``application/x-www-form-urlencoded``
(``query=…``), or as ``POST`` of ``application/sparql-query`` (the query is the body), with
``default-graph-uri`` and ``named-graph-uri`` as the protocol defines them. Parameters in the URL
of a POST count with those of its body, whichever the body's type: a dataset named there is honoured
or refused like one in the body, and ``update`` anywhere is refused (403); none is ignored. The answer's format
is negotiated by ``Accept`` among the SPARQL results formats (SELECT, ASK) or the RDF formats
(CONSTRUCT, DESCRIBE) of :mod:`sakrad_ld.formats`; a graph asked for with only results formats
acceptable is given in Turtle (:func:`_chosen`). The update operation is refused (403): the
endpoint is read-only.

Two parameters are for people, not the protocol: ``lang=sv|en`` names the language of the answer
page a browser gets (the site's pages put it on every link and form to the endpoint; without it,
``Accept-Language`` chooses, as for ``/``), and ``bom=1``, on the answer page's CSV link, puts a
byte order mark before a CSV answer, as every CSV offered to people has one (docs/tables.md); a
program that asks for ``text/csv`` gets the protocol's CSV as it is.

:func:`read_query` turns an HTTP request into a :class:`QueryJob`; :func:`answer` runs a job on a
release and gives the :class:`Reply` (it runs in a worker process, :mod:`sakrad_ld.serving.workers`).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from urllib.parse import parse_qsl

from starlette.requests import ClientDisconnect, Request

from ..errors import QueryError, ResultTooLarge
from ..formats import HTML, RESULTS_FORMATS, Format
from ..sparql.limits import MAX_QUERY_BYTES
from ..sparql.query import evaluate
from ..sparql.remotestore import StoreError
from ..sparql.results import BOOLEAN_FORMATS, Answer, NotWritable, rdf_bytes, results_bytes
from ..sparql.store import Release
from ..web.paths import LANGUAGES, translated
from ..web.results import (
    BOM_PARAM,
    FORMAT_PARAMS,
    LANG_PARAM,
    error_page,
    format_override,
    named_language,
    results_page,
)
from ..web.served import preferred_language
from .connections import BODY, standing_by
from .description import DESCRIPTION_FORMATS
from .negotiation import choose
from .problem import PROBLEM_FORMAT, PROBLEM_MEDIA_TYPE, problem_body

__all__ = ["MAX_QUERY_BYTES", "ProtocolError", "QueryJob", "Reply", "ToTheForm", "answer", "not_answered", "read_query"]

_MAX_PARAMS = 100
_FORM = "application/x-www-form-urlencoded"
_QUERY = "application/sparql-query"
_UPDATE = "application/sparql-update"


@dataclass(frozen=True)
class QueryJob:
    """One query to answer: the text, the client's Accept header, the dataset the request names,
    the result cap, the base IRI relative IRIs in the query resolve against (the dataset's), and
    the most bytes the answer may have."""

    query: str
    accept: str | None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    cap: int | None = None
    base_iri: str | None = None
    byte_cap: int | None = None
    #: the language of the answer's page, where the request can take a page (None where it cannot)
    lang: str | None = None
    #: a CSV answer begins with a byte order mark (the answer page's download link asks so)
    bom: bool = False
    #: the format was named (``format=``, ``output=``): answered in it or 406, never in another
    named: bool = False

    @property
    def for_people(self) -> tuple[str | None, bool, bool]:
        """What, beside the query, the dataset and the format, makes the answer's bytes differ."""
        return self.lang, self.bom, self.named


@dataclass(frozen=True)
class Reply:
    status: int
    media_type: str
    body: bytes


class ProtocolError(Exception):
    """A request the protocol does not allow: its status and what to do instead."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail

    def reply(self) -> Reply:
        return Reply(self.status, PROBLEM_MEDIA_TYPE, problem_body(self.status, self.detail))


_READ_ONLY = (
    "this endpoint is read-only: it answers queries (the query operation) and refuses updates; "
    "build a new release to change the data"
)


def _job(
    params: list[tuple[str, str]],
    accept: str | None,
    cap: int | None,
    base_iri: str | None,
    byte_cap: int | None = None,
    accept_language: str | None = None,
) -> QueryJob:
    names = [name for name, _ in params]
    if "update" in names:
        raise ProtocolError(403, _READ_ONLY)
    queries = [value for name, value in params if name == "query"]
    if len(queries) != 1:
        raise ProtocolError(
            400,
            "give exactly one query: the 'query' parameter of GET or of a form POST, "
            f"or a POST whose body is the query ({_QUERY}); this request has "
            f"{len(queries)}",
        )
    try:  # format=json|xml|csv|tsv|turtle…: a download link, Fuseki's and Virtuoso's parameter
        accept = format_override(params, accept)
    except ValueError as error:
        raise ProtocolError(400, str(error)) from None
    lang = None
    if choose(accept, (HTML,)) is HTML:  # a page may be the answer: in the language asked for
        lang = named_language(params) or preferred_language(accept_language)
    bom = any(n == BOM_PARAM and v.strip().lower() in ("1", "true", "yes") for n, v in params)
    named = any(n in FORMAT_PARAMS and v.split(";")[0].strip() for n, v in params)
    return QueryJob(
        queries[0],
        accept,
        tuple(v for n, v in params if n == "default-graph-uri"),
        tuple(v for n, v in params if n == "named-graph-uri"),
        cap,
        base_iri,
        byte_cap,
        lang,
        bom,
        named,
    )


async def _body(request: Request, timeout: float) -> bytes:
    """The request's body, at most MAX_QUERY_BYTES of it, sent within ``timeout`` seconds (408 otherwise)."""
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > MAX_QUERY_BYTES:
        raise ProtocolError(
            413, f"the request body has {int(length)} bytes; queries of up to {MAX_QUERY_BYTES} bytes are accepted"
        )
    body = bytearray()
    try:  # a timeout on this task, not a task of its own per body (asyncio.wait_for)
        # while it waits, the connection gives way first when connections run out (connections.py)
        with standing_by(request.scope, BODY):
            async with asyncio.timeout(timeout):
                async for chunk in request.stream():
                    body.extend(chunk)
                    if len(body) > MAX_QUERY_BYTES:
                        raise ProtocolError(
                            413, f"the request body is longer than {MAX_QUERY_BYTES} bytes, the largest query accepted"
                        )
    except TimeoutError:
        raise ProtocolError(408, f"the request body did not arrive within {timeout:g} s") from None
    except ClientDisconnect:  # closed by the client, or to let another connection in: nobody reads the answer
        raise ProtocolError(400, "the connection closed before the request's body arrived") from None
    return bytes(body)


def _text(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ProtocolError(400, f"{what} is not UTF-8 (byte {error.start}); send the query as UTF-8") from None


def _params(raw: str) -> list[tuple[str, str]]:
    try:
        return parse_qsl(raw, keep_blank_values=True, errors="strict", max_num_fields=_MAX_PARAMS)
    except UnicodeDecodeError:
        raise ProtocolError(400, "a parameter is not percent-encoded UTF-8") from None
    except ValueError:
        raise ProtocolError(400, f"the request has more than {_MAX_PARAMS} parameters") from None


async def read_query(
    request: Request,
    cap: int | None,
    body_timeout: float = 30.0,
    base_iri: str | None = None,
    byte_cap: int | None = None,
) -> QueryJob:
    """The query an HTTP request asks for; ProtocolError (with its status) for one the protocol
    or this read-only endpoint does not accept. ``cap`` bounds its answer's rows or triples,
    ``byte_cap`` its bytes."""
    accept = request.headers.get("accept")
    language = request.headers.get("accept-language")
    url_params = _params(request.url.query)
    if request.method in ("GET", "HEAD"):
        if (form := _to_form(url_params, accept)) is not None:
            raise ToTheForm(form)
        return _job(url_params, accept, cap, base_iri, byte_cap, language)
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == _UPDATE:
        raise ProtocolError(403, _READ_ONLY)
    _only_utf8(request.headers.get("content-type", ""), request.headers.get("content-encoding", ""))
    in_url = any(name == "query" for name, _ in url_params)
    if content_type == _FORM:
        form = _params(_text(await _body(request, body_timeout), "the form"))
        if in_url and any(name == "query" for name, _ in form):
            raise _twice(f"in the form body ({_FORM}, query=…)")
        # the URL's parameters count as they do for a query POSTed as the body: a dataset there is
        # honoured (or refused), ``update`` is refused; never silently dropped
        return _job([*form, *url_params], accept, cap, base_iri, byte_cap, language)
    if content_type == _QUERY:
        if in_url:
            raise _twice(f"as the body ({_QUERY})")
        query = _text(await _body(request, body_timeout), "the query")
        return _job([("query", query), *url_params], accept, cap, base_iri, byte_cap, language)
    raise ProtocolError(
        415,
        f"a query is POSTed as {_FORM} (query=…) or as {_QUERY}; "
        f"this request's Content-Type is {content_type or 'missing'}",
    )


class ToTheForm(Exception):
    """A browser's link to the endpoint that names no query but a person's parameters (``?lang=en``,
    ``?format=html``): it is sent (303) to the query form at ``location``, as ``/sparql`` alone is."""

    def __init__(self, location: str) -> None:
        super().__init__(location)
        self.location = location


#: The parameters a person's link or form puts beside a query: the page's language, the CSV's byte
#: order mark, the format of a download (:mod:`sakrad_ld.web.results`).
_PEOPLES_PARAMS = frozenset((LANG_PARAM, BOM_PARAM, *FORMAT_PARAMS))


def _to_form(params: list[tuple[str, str]], accept: str | None) -> str | None:
    """Where a GET whose ``params`` are only a person's, and which would be answered with HTML, is
    sent: the query form, in the language ``lang`` names (else the start page's own). None for any
    other request (a program's, or one naming a query, a dataset or an update: the protocol answers
    it)."""
    if not params or any(name not in _PEOPLES_PARAMS for name, _ in params):
        return None
    try:
        accept = format_override(params, accept)
    except ValueError:
        return None
    if choose(accept, (*DESCRIPTION_FORMATS, HTML)) is not HTML:
        return None
    lang = named_language(params)
    return "/" + (translated("", lang) if lang else "") + "#sparql"


def _only_utf8(content_type: str, coding: str) -> None:
    """ProtocolError (415) for a body the endpoint would misread: a ``charset`` other than UTF-8 (a
    query is UTF-8: SPARQL 1.1 Protocol §2.1.3 and the media type's registration, and a form's
    percent-encoded bytes are read as UTF-8) or a ``Content-Encoding`` (gzip …: RFC 9110 §8.4.1)."""
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        charset = value.strip().strip('"').lower()
        if name.strip().lower() == "charset" and charset not in ("utf-8", "utf8"):
            raise ProtocolError(
                415,
                f"the request's Content-Type declares charset={charset[:40]}; the query is read as UTF-8 "
                "only: send it as UTF-8 (charset=utf-8, or no charset)",
            )
    codings = [c.strip().lower() for c in coding.split(",") if c.strip() and c.strip().lower() != "identity"]
    if codings:
        raise ProtocolError(
            415,
            f"the request's body has the Content-Encoding {', '.join(codings)[:60]}; a query is accepted "
            "without one: send the body as it is, without Content-Encoding",
        )


def _twice(where: str) -> ProtocolError:
    """400 for a POST whose query is both in the URL and ``where`` in the body."""
    return ProtocolError(
        400,
        f"the query was given twice: in the URL (?query=…) and {where}; the SPARQL 1.1 Protocol "
        "takes it in exactly one place, so send it in the body only",
    )


def store_failure(error: StoreError) -> str:
    """What a client is told of the external store's failure: what went wrong, not the store's address
    or its own words (they are in the server's log)."""
    return (
        f"the SPARQL store the server reads (serve --store) failed: {error.what}; "
        "the query was not answered, try again later or tell the service's maintainers"
    )


def _refused(job: QueryJob, error: QueryError, **extra: object) -> Reply:
    """The answer to a query refused (400) or stopped past a cap (422): a page for a person's browser
    (with the line and column), Problem Details otherwise."""
    status = 422 if isinstance(error, ResultTooLarge) else 400
    why, values = error.said or (None, None)  # a refusal by the endpoint's own rule: its words
    return not_answered(job, status, str(error), why, values, **extra)


def not_answered(
    job: QueryJob | None,
    status: int,
    detail: str,
    why: str | None = None,
    values: dict[str, object] | None = None,
    **extra: object,
) -> Reply:
    """The answer to a query that was not answered, with ``status`` and ``detail`` (English, for a
    program): to a browser whose Accept prefers HTML, the error page with the query to correct or run
    again, in the job's language, saying why by the message key ``why`` (with ``values``; without one,
    the parser's explanation of ``detail``); Problem Details (with ``extra``) to anyone else. The
    status is the same either way (the time limit's, the memory limit's and a full queue's 503 too).
    Problem Details too where no query was read (``job`` None)."""
    if job is not None and choose(job.accept, (PROBLEM_FORMAT, HTML)) is HTML:
        said = (why, {name: str(value) for name, value in (values or {}).items()}) if why else None
        page = error_page(detail, job.query, status, job.lang or LANGUAGES[0], said)
        return Reply(status, "text/html; charset=utf-8", page.encode())
    return Reply(status, PROBLEM_MEDIA_TYPE, problem_body(status, detail, **extra))


def _chosen(job: QueryJob, result: Answer, offers: tuple[Format, ...]) -> Format | None:
    """The format of ``result`` the job's ``Accept`` header prefers. A graph (CONSTRUCT, DESCRIBE)
    asked for by a client whose header accepts only results formats, as a generic client sends for
    any query (rdflib's ``SPARQLStore(returnFormat="json")``: ``application/sparql-results+json``), is
    given in the first RDF format, Turtle, which it can read, as for ``*/*`` (RFC 9110 §12.5.1 lets a
    server answer a format the header does not name). Likewise an ASK whose header prefers CSV or
    TSV (``returnFormat="csv"``, ``text/*``), which have no boolean, is given in the results format
    with one the header accepts (``text/*``: XML, as ``text/xml``), else JSON: a bare ``true`` is no
    CSV or TSV result, and a client reading it as one gets a wrong answer or an error. A ``format``
    parameter (a link that asks for one format) is answered in the format it names, or None (406)
    where the answer has not that format (an ASK's ``format=csv`` or ``tsv`` among them: they have no
    boolean); None (406) too when ``Accept`` accepts neither kind."""
    if job.named:
        return choose(job.accept, offers)
    format = choose(job.accept, offers)
    if format is None and result.form == "graph" and choose(job.accept, RESULTS_FORMATS):
        return offers[0]
    if result.form == "ask" and choose(job.accept, (*RESULTS_FORMATS, HTML)) not in (None, *result.offers):
        return choose(job.accept, BOOLEAN_FORMATS) or BOOLEAN_FORMATS[0]
    return format


def _written(release: Release, job: QueryJob, result: Answer, format: Format) -> bytes:
    """The answer's bytes in ``format``; NotWritable where the format cannot carry it."""
    if format.name == "html":
        return results_page(result, release.store, release.base_iri, job.query, job.lang or LANGUAGES[0]).encode()
    if result.form == "graph":
        return rdf_bytes(result, format)
    body = results_bytes(result, format)
    if job.bom and format.media_type == "text/csv":  # for a spreadsheet: UTF-8 said at the start
        body = b"\xef\xbb\xbf" + body
    return body


def answer(release: Release, job: QueryJob) -> Reply:
    """Runs the job's query on the release and writes the answer in the format the client prefers.
    An answer larger than the job's ``byte_cap`` is refused here, in the worker, with 422 as past the
    row cap (the request was fine; its answer is what is too large, on every run): the server never
    receives or holds its bytes."""
    try:
        result = evaluate(release.store, job.query, job.cap, job.default_graphs, job.named_graphs, job.base_iri)
    except StoreError as error:  # the store's failure, not the query's (RFC 9110 §15.6.3)
        return not_answered(job, 502, store_failure(error), "query_store_failed")
    except QueryError as error:
        return _refused(job, error, **({"cap": job.cap} if isinstance(error, ResultTooLarge) else {}))
    offers = result.offers
    format = _chosen(job, result, offers)
    refusal, body = "", b""
    while format is not None:
        try:
            body = _written(release, job, result, format)
            break
        except NotWritable as error:  # XML that would not be well-formed: the next format the client takes
            refusal, offers = f"{error}; ", tuple(f for f in offers if f is not format)
            chosen = _chosen(job, result, offers)
            format = chosen if chosen in offers else None
    if format is None:
        offered = ", ".join(f.media_type for f in offers)
        if result.form == "ask" and job.named:  # format=csv or tsv: the download link of a SELECT's page
            refusal += (
                "an ASK's answer is true or false, which the CSV and TSV results formats cannot carry "
                "(SPARQL 1.1 Query Results CSV and TSV Formats §1: for SELECT only); "
            )
        return Reply(
            406,
            PROBLEM_MEDIA_TYPE,
            problem_body(
                406,
                f"{refusal}this answer can be given as {offered}; "
                + (
                    f"the format parameter (format= or output=) names {job.accept}, none of them"
                    if job.named
                    else f"the request's Accept header ({job.accept}) allows none of them"
                ),
            ),
        )
    if job.byte_cap is not None and len(body) > job.byte_cap:
        error = ResultTooLarge(
            f"the answer has {len(body)} bytes as {format.media_type}; answers of up to {job.byte_cap} bytes "
            "are given: select fewer or shorter values, or add a LIMIT"
        )
        return _refused(job, error, result_bytes=job.byte_cap)
    charset = "; charset=utf-8" if format.media_type.startswith("text/") else ""
    return Reply(200, format.media_type + charset, body)
