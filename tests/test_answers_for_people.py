"""What people and their browsers get where a query or a request is not answered.

A query the server stopped (its time or memory limit) or could not take (a full queue, no worker
free, answers in flight) reaches a browser asking for HTML as the answer page's error page, in the
page's language (``lang=``, else ``Accept-Language``), with its query and the same status and
headers (``Retry-After`` where there is one, never cached); a program keeps Problem Details. The
guard's own answers (414, the encoded slash's 404, 505, 400 for ``*``) carry the CORS headers every
other answer has, so a web page's script can read them. A saved query's description on the web
pages names the page's field, not the command line's ``--param``.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from markupsafe import escape
from serving import serving
from starlette.applications import Starlette

from sakrad_ld.errors import QueryTimeout
from sakrad_ld.serving.admission import QueueFull
from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings
from sakrad_ld.serving.workers import QueryTooCostly, WorkersBusy
from sakrad_ld.sparql.query import saved_queries
from sakrad_ld.web.messages import messages
from sakrad_ld.web.querypage import query_texts

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
ORIGIN = "https://example.org"
QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c }"


def _settings(**changed: Any) -> Settings:
    base: dict[str, Any] = dict(timeout=30.0, query_workers=1, query_queue=2, reload_interval=0, request_timeout=30.0)
    return Settings(**{**base, **changed})  # type: ignore[call-arg]


def ask(
    app: Starlette,
    raw_path: bytes,
    query_string: bytes = b"",
    headers: dict[str, str] | None = None,
    method: str = "GET",
    version: str = "1.1",
) -> tuple[int, dict[str, str], bytes]:
    """One request of ``app`` in this process, as a server hands it on (the raw target as sent)."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": version,
        "method": method,
        "scheme": "http",
        "path": raw_path.decode("latin-1"),
        "raw_path": raw_path,
        "query_string": query_string,
        "headers": [(b"host", b"localhost"), *((k.lower().encode(), v.encode()) for k, v in (headers or {}).items())],
        "client": ("127.0.0.1", 1234),
        "server": ("localhost", 80),
        "root_path": "",
    }
    status, out, body = 0, {}, bytearray()
    sent = False

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await asyncio.sleep(3600)
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status, out
        if message["type"] == "http.response.start":
            status = message["status"]
            out = {k.decode().lower(): v.decode() for k, v in message.get("headers", [])}
        elif message["type"] == "http.response.body":
            body.extend(message.get("body", b""))

    asyncio.run(app(scope, receive, send))
    return status, out, bytes(body)


@pytest.fixture(scope="module")
def app(fixture_release: Path) -> Iterator[Starlette]:
    app = create_app(fixture_release, _settings())
    try:
        yield app
    finally:
        app.state.releases.close()


# --- the guard's answers carry CORS headers ----------------------------------------------------------

GUARDED = {
    "414 long GET query": (b"/sparql", b"query=" + b"a" * 9000, "GET", "1.1", 414),
    "404 encoded slash": (b"/doc/meeting%2Fx", b"", "GET", "1.1", 404),
    "505 HTTP/2.0": (b"/", b"", "GET", "2", 505),
    "400 asterisk": (b"*", b"", "GET", "1.1", 400),
}


@pytest.mark.parametrize("name", GUARDED)
def test_the_guards_answers_carry_the_cors_headers_a_browser_needs(app: Starlette, name: str) -> None:
    raw_path, query, method, version, status = GUARDED[name]
    got, headers, body = ask(app, raw_path, query, {"Origin": ORIGIN, "Accept": "*/*"}, method, version)
    assert got == status, (got, body[:300])
    assert headers.get("access-control-allow-origin") == "*", headers
    assert "retry-after" in headers.get("access-control-expose-headers", "").lower(), headers
    assert headers.get("x-content-type-options") == "nosniff"
    assert json.loads(body)["status"] == status  # the Problem Details a script can now read
    # the same headers as an answer of the app itself
    _, app_headers, _ = ask(app, b"/no/such/thing", b"", {"Origin": ORIGIN, "Accept": "application/json"})
    assert headers["access-control-expose-headers"] == app_headers["access-control-expose-headers"]


def test_named_origins_are_echoed_on_the_guards_answers_too(fixture_release: Path) -> None:
    app = create_app(fixture_release, _settings(cors_origins=(ORIGIN,)))
    try:
        for raw_path, query, method, version, status in GUARDED.values():
            got, headers, _ = ask(app, raw_path, query, {"Origin": ORIGIN}, method, version)
            assert got == status and headers.get("access-control-allow-origin") == ORIGIN, (status, headers)
            got, headers, _ = ask(app, raw_path, query, {"Origin": "https://other.example"}, method, version)
            assert got == status and "access-control-allow-origin" not in headers, (status, headers)
    finally:
        app.state.releases.close()


def test_a_preflight_of_a_too_long_address_is_answered_as_a_preflight(app: Starlette) -> None:
    headers = {"Origin": ORIGIN, "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "if-match"}
    got, out, _ = ask(app, b"/sparql", b"query=" + b"a" * 9000, headers, "OPTIONS")
    assert got == 200 and out.get("access-control-allow-origin") == "*", (got, out)


# --- a query not answered: a page for a browser ------------------------------------------------------


class _Stopping:
    """A query pool whose every query ends in ``error``."""

    def __init__(self, error: Exception) -> None:
        self.error = error

    def run(self, job: object) -> object:
        raise self.error

    def close(self) -> None:
        pass


STOPPED = {
    "time limit": (QueryTimeout("the query ran longer than 30 s and was stopped; narrow it"), "query_stopped_time"),
    "memory limit": (QueryTooCostly("the query needed more than 512 MB of memory"), "query_stopped_memory"),
    "full queue": (QueueFull("all 1 query workers are busy and 2 more queries are waiting"), "query_busy"),
    "no worker free": (WorkersBusy("all 1 query workers stayed busy for 15 s; try again shortly"), "query_busy"),
}


@pytest.fixture
def stopping(fixture_release: Path) -> Iterator[Any]:
    app = create_app(fixture_release, _settings())

    def with_error(error: Exception) -> Starlette:
        app.state.releases.current.pool = _Stopping(error)
        app.state.answers.clear()
        return app

    try:
        yield with_error
    finally:
        app.state.releases.close()


def _visible_text(page: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("case", STOPPED)
def test_a_query_stopped_or_not_taken_is_the_error_page_in_the_readers_language(
    stopping: Any, case: str, lang: str
) -> None:
    error, key = STOPPED[case]
    app = stopping(error)
    params = urlencode({"query": QUERY, "lang": lang}).encode()
    status, headers, body = ask(app, b"/sparql", params, {"Accept": BROWSER, "Origin": ORIGIN})
    assert status == 503
    assert headers["content-type"].startswith("text/html"), headers
    assert headers["cache-control"] == "no-store"
    assert headers.get("access-control-allow-origin") == "*"
    if isinstance(error, QueueFull | WorkersBusy):
        assert headers.get("retry-after", "").isdigit()
    page = body.decode()
    assert f'<html lang="{lang}"' in page
    said = str(escape(messages(lang)[key].split("{")[0].strip()))
    assert said and said in page, (said, _visible_text(page)[:500])
    assert "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c }" in page  # the query, to narrow or run again
    assert str(escape(messages(lang)["query_error_own"])) in page  # its English message, said to be the endpoint's
    assert "problem+json" not in headers["content-type"]


def test_without_lang_the_page_is_in_the_language_of_accept_language(stopping: Any) -> None:
    app = stopping(STOPPED["time limit"][0])
    params = urlencode({"query": QUERY}).encode()
    status, _, body = ask(app, b"/sparql", params, {"Accept": BROWSER, "Accept-Language": "en-GB,en;q=0.8"})
    assert status == 503 and '<html lang="en"' in body.decode()
    status, _, body = ask(app, b"/sparql", params, {"Accept": BROWSER, "Accept-Language": "sv-SE,sv;q=0.9"})
    assert status == 503 and '<html lang="sv"' in body.decode()


@pytest.mark.parametrize("case", STOPPED)
@pytest.mark.parametrize("accept", [None, "application/sparql-results+json", "application/json", "*/*"])
def test_a_program_keeps_problem_details(stopping: Any, case: str, accept: str | None) -> None:
    app = stopping(STOPPED[case][0])
    status, headers, body = ask(
        app, b"/sparql", urlencode({"query": QUERY, "lang": "sv"}).encode(), {"Accept": accept} if accept else {}
    )
    assert status == 503 and headers["content-type"] == "application/problem+json", headers
    assert json.loads(body)["detail"] == str(STOPPED[case][0])


def test_a_query_posted_from_a_form_gets_the_page_too(stopping: Any) -> None:
    app = stopping(STOPPED["memory limit"][0])

    async def call() -> tuple[int, dict[str, str], bytes]:
        form = urlencode({"query": QUERY, "lang": "en"}).encode()
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "POST",
            "scheme": "http",
            "path": "/sparql",
            "raw_path": b"/sparql",
            "query_string": b"",
            "headers": [
                (b"host", b"localhost"),
                (b"accept", BROWSER.encode()),
                (b"content-type", b"application/x-www-form-urlencoded"),
                (b"content-length", str(len(form)).encode()),
            ],
            "client": ("127.0.0.1", 1234),
            "server": ("localhost", 80),
            "root_path": "",
        }
        out: dict[str, Any] = {"body": bytearray()}
        messages_in = [{"type": "http.request", "body": form, "more_body": False}]

        async def receive() -> dict[str, Any]:
            if messages_in:
                return messages_in.pop()
            await asyncio.sleep(3600)
            return {"type": "http.disconnect"}

        async def send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                out["status"] = message["status"]
                out["headers"] = {k.decode(): v.decode() for k, v in message["headers"]}
            else:
                out["body"].extend(message.get("body", b""))

        await app(scope, receive, send)
        return out["status"], out["headers"], bytes(out["body"])

    status, headers, body = asyncio.run(call())
    assert status == 503 and headers["content-type"].startswith("text/html")
    assert messages("en")["query_stopped_memory"].split(",")[0] in body.decode()


def test_a_real_time_limit_reaches_a_browser_as_the_page(fixture_release: Path) -> None:
    """A query that runs past the limit on a running server (one worker, a 1 s limit)."""
    from urllib.error import HTTPError
    from urllib.request import Request, urlopen

    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with serving(create_app(fixture_release, _settings(timeout=1.0))) as root:
        url = f"{root}/sparql?{urlencode({'query': heavy, 'lang': 'en'})}"
        with pytest.raises(HTTPError) as raised:
            urlopen(Request(url, headers={"Accept": BROWSER}), timeout=60)
        error = raised.value
        assert error.code == 503
        assert error.headers["Content-Type"].startswith("text/html")
        page = error.read().decode()
        assert '<html lang="en"' in page and "The query ran longer than 1 s" in page
        assert "?j ?k ?l" in page


# --- the error page labels the endpoint's own message as the endpoint's --------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_endpoints_own_refusal_is_not_called_the_parsers(app: Starlette, lang: str) -> None:
    query = "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"
    status, _, body = ask(app, b"/sparql", urlencode({"query": query, "lang": lang}).encode(), {"Accept": BROWSER})
    page = body.decode()
    assert status == 400
    own, parser = (str(escape(messages(lang)[k])) for k in ("query_error_own", "query_error_parser"))
    assert own in page and parser not in page
    # a syntax error's message is still the parser's
    status, _, body = ask(
        app, b"/sparql", urlencode({"query": "SELECT ?x WHERE {", "lang": lang}).encode(), {"Accept": BROWSER}
    )
    assert status == 400 and parser in body.decode()


# --- saved queries' descriptions on the web pages -------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("fields", ["here", "elsewhere"])
def test_a_description_on_the_web_never_gives_the_command_lines_param(lang: str, fields: str) -> None:
    described = [q for q in saved_queries() if "--param" in (q.description + (q.description_sv or ""))]
    for q in described:
        text = query_texts(q, lang, fields)["description"]
        assert "--param" not in text, text
        for p in q.parameters:
            if f"--param {p.name}=" in q.description:
                assert f"?{p.name}" in text, text


def test_the_query_page_refuses_a_name_beside_its_field(fixture_release: Path) -> None:
    """The page carries, for query.js, the texts it says beside a field, in its language, and the
    search index's address it looks a name up in."""
    from sakrad_ld.sparql.store import Release
    from sakrad_ld.web.pages import Site
    from sakrad_ld.web.querypage import query_page

    release = Release.open(fixture_release)
    site = Site(base_iri=release.base_iri, downloads=[], queries=list(saved_queries()), sparql_path="sparql")
    for lang in ("sv", "en"):
        page = query_page(release.store, site, lang)
        assert 'data-search-index="' in page and "search-index.js" in page
        for key in ("query_param_not_id", "query_param_which", "query_param_not_iri"):
            said = messages(lang)[key].split("{value}")[1][:30].replace('"', "&#34;")
            assert said.split("&")[0] in page, key
        for match in re.finditer(r'<input id="param-[^"]+"[^>]*data-error="([^"]+)"', page):
            assert f'id="{match[1]}"' in page  # the place it says so, beside the field


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_site_without_a_query_page_keeps_the_command_lines_param(lang: str) -> None:
    """A static export without SPARQL has no query page: its start page does not send a reader to one,
    and the command line's way to give a parameter stands."""
    described = [q for q in saved_queries() if "--param" in (q.description + (q.description_sv or ""))]
    assert described
    for q in described:
        text = query_texts(q, lang, None)["description"]
        own = (q.description_sv or q.description) if lang == "sv" else q.description
        assert text == own and "query page" not in text and "frågesidan" not in text, text
