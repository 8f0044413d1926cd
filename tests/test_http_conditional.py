"""Conditional requests, preflights and Accept weights, as HTTP clients send them:

* ``If-Match`` (RFC 9110 §13.1.1) is evaluated on every answer with a representation (a release
  file, a document negotiated or not, a SPARQL answer by GET and POST, a page), before
  ``If-None-Match`` and ``Range`` (§13.2.2): a tag that is not the current one, or a weak one, is
  412, never a 200 or a 206 slice of a file the client does not hold; ``*`` and the current tag pass.
  ``If-Unmodified-Since`` likewise where the answer says ``Last-Modified`` (a release file);
* a preflight allows the conditional and ranged requests' headers, and POST only at ``/sparql``;
* an ``Accept`` with a weight that is no qvalue (``q=2``, ``q=-1``, ``q=nan``; RFC 9110 §12.4.2) is
  disregarded, as if not sent, by the server and the export's rules alike, never 406.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings
from sakrad_ld.web.static import NOT_ACCEPTABLE, choose_by_map

MEETING = "2017-12-12-integration"
FILE = "/sakrad.ttl"
DOC = f"/doc/meeting/{MEETING}"
ASK = {"query": "ASK { ?s ?p ?o }"}


@pytest.fixture(scope="module")
def client(fixture_release: Path) -> Iterator[TestClient]:
    with TestClient(create_app(fixture_release, Settings())) as c:
        yield c


def _paths(client: TestClient) -> list[str]:
    """A release file, a table, a document by suffix and negotiated, the English page, the start page."""
    return [FILE, "/download/tables/meetings.csv", DOC + ".ttl", DOC, f"/en{DOC}.html", "/", "/en/"]


@pytest.mark.parametrize("twice", [False, True])  # the second time a document is answered from its kept bytes
def test_if_match_fails_with_412_on_every_answer_with_a_representation(client: TestClient, twice: bool) -> None:
    for path in _paths(client):
        if twice:
            client.get(path)
        first = client.get(path)
        assert first.status_code == 200, path
        tag = first.headers["etag"]
        for wrong in ('"nope"', f"W/{tag}", '"a", "b"'):
            r = client.get(path, headers={"If-Match": wrong})
            assert r.status_code == 412, (path, wrong, r.status_code)
            assert r.headers["content-type"] == "application/problem+json"
            detail = r.json()["detail"]
            assert path in detail and "If-Match" in detail and tag in detail, detail
            assert ("weak" in detail) == wrong.startswith("W/"), detail
            assert r.headers["etag"] == tag and r.headers["cache-control"] == "no-store"
            head = client.head(path, headers={"If-Match": wrong})
            assert head.status_code == 412 and head.content == b""
        for right in (tag, "*", f'"other", {tag}'):
            r = client.get(path, headers={"If-Match": right})
            assert r.status_code == 200 and r.content == first.content, (path, right)
        # If-Match is evaluated before If-None-Match: a false one is 412, not 304
        both = client.get(path, headers={"If-Match": '"nope"', "If-None-Match": tag})
        assert both.status_code == 412, path
        assert client.get(path, headers={"If-Match": tag, "If-None-Match": tag}).status_code == 304


def test_if_match_with_range_never_gives_a_slice_of_another_file(client: TestClient) -> None:
    tag = client.head(FILE).headers["etag"]
    stale = client.get(FILE, headers={"If-Match": '"an-older-release"', "Range": "bytes=0-9"})
    assert stale.status_code == 412 and "content-range" not in stale.headers
    past = client.get(FILE, headers={"If-Match": '"an-older-release"', "Range": "bytes=999999999-"})
    assert past.status_code == 412
    resumed = client.get(FILE, headers={"If-Match": tag, "Range": "bytes=0-9"})
    assert resumed.status_code == 206 and len(resumed.content) == 10
    ranged = client.get(FILE, headers={"If-Match": tag, "If-Range": tag, "Range": "bytes=5-"})
    assert ranged.status_code == 206


def test_if_unmodified_since_is_read_where_the_answer_has_a_date(client: TestClient) -> None:
    modified = client.head(FILE).headers["last-modified"]
    assert client.get(FILE, headers={"If-Unmodified-Since": "Mon, 01 Jan 1990 00:00:00 GMT"}).status_code == 412
    assert client.get(FILE, headers={"If-Unmodified-Since": modified}).status_code == 200
    assert client.get(FILE, headers={"If-Unmodified-Since": "not a date"}).status_code == 200
    tag = client.head(FILE).headers["etag"]  # ignored where If-Match is sent (RFC 9110 §13.1.4)
    old = "Mon, 01 Jan 1990 00:00:00 GMT"
    assert client.get(FILE, headers={"If-Match": tag, "If-Unmodified-Since": old}).status_code == 200


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_if_match_on_sparql_answers(client: TestClient, method: str) -> None:
    def ask(headers: dict[str, str]):  # noqa: ANN202
        if method == "GET":
            return client.get("/sparql", params=ASK, headers=headers)
        return client.post("/sparql", data=ASK, headers=headers)

    tag = ask({}).headers["etag"]
    assert ask({"If-Match": '"x"'}).status_code == 412
    assert ask({"If-Match": f"W/{tag}"}).status_code == 412
    assert ask({"If-Match": tag}).status_code == 200
    assert ask({"If-Match": "*"}).status_code == 200
    description = client.get("/sparql", headers={"Accept": "text/turtle", "If-Match": '"x"'})
    assert description.status_code == 412


def test_answers_without_a_representation_ignore_if_match(client: TestClient) -> None:
    """RFC 9110 §13.2.1: a 303, 404 or 406 is answered as without the precondition."""
    assert client.get(f"/id/meeting/{MEETING}", headers={"If-Match": '"x"'}, follow_redirects=False).status_code == 303
    assert client.get("/no/such/thing", headers={"If-Match": '"x"'}).status_code == 404
    assert client.get(DOC, headers={"If-Match": '"x"', "Accept": "image/png"}).status_code == 406


def _preflight(client: TestClient, path: str, method: str, asked: str) -> dict[str, str]:
    r = client.options(
        path,
        headers={
            "Origin": "https://x.example",
            "Access-Control-Request-Method": method,
            "Access-Control-Request-Headers": asked,
        },
    )
    assert r.status_code == 200
    return {k: {v.strip().lower() for v in r.headers.get(k, "").split(",")} for k in r.headers}


@pytest.mark.parametrize("path", [FILE, "/download/tables/meetings.csv", DOC, "/sparql", "/"])
def test_a_preflight_allows_conditional_and_ranged_requests(client: TestClient, path: str) -> None:
    asked = "range, if-match, if-range, if-modified-since, if-unmodified-since, if-none-match, accept"
    got = _preflight(client, path, "GET", asked)
    assert {h.strip() for h in asked.split(",")} <= got["access-control-allow-headers"]
    methods = got["access-control-allow-methods"]
    assert methods == ({"get", "head", "post"} if path == "/sparql" else {"get", "head"}), (path, methods)


BAD_WEIGHTS = [
    "text/html;q=2, */*;q=-1, application/json;q=nan",
    "application/sparql-results+xml;q=1.5",
    "text/turtle;q=, application/sparql-results+xml",
    "image/png;q=inf",
    "image/png;Q=1e-1",
]


@pytest.mark.parametrize("accept", BAD_WEIGHTS)
def test_an_accept_with_an_invalid_weight_is_disregarded_not_406(client: TestClient, accept: str) -> None:
    plain = client.get("/sparql", params=ASK)
    r = client.get("/sparql", params=ASK, headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"] == plain.headers["content-type"], accept
    doc = client.get(DOC, headers={"Accept": accept})
    assert doc.status_code == 200 and doc.headers["content-type"].startswith("text/html"), accept
    assert choose_by_map(accept) == "html" != NOT_ACCEPTABLE  # the export's rules: as if not sent


@pytest.mark.parametrize(
    ("accept", "suffix"),
    [
        ("text/turtle;q=0.5, application/rdf+xml;q=.9", "rdf"),  # no leading 0: still the number it writes
        ("text/turtle;q=0.1234, application/rdf+xml;q=0.01", "ttl"),
        ("text/turtle;q=1.000", "ttl"),
        ("image/png;q=0", NOT_ACCEPTABLE),
    ],
)
def test_valid_weights_still_count(client: TestClient, accept: str, suffix: str) -> None:
    assert choose_by_map(accept) == suffix
    r = client.get(DOC, headers={"Accept": accept})
    if suffix == NOT_ACCEPTABLE:
        assert r.status_code == 406
    else:
        assert r.headers["content-location"].endswith("." + suffix), (accept, r.headers)
