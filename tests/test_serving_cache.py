"""Documents and SPARQL answers made once per release and answered from their bytes.

The server keeps each document it made and each answer a query gave (``X-Cache: hit`` on the
answers that come from what it kept), with strong ETags; a new release empties both, and neither
grows past its bound. Behaviour only: no timings here (those are in bench/ and docs/performance.md).
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from serving import serving

from sakrad_ld.serving.answers import AnswerCache, normalised_query
from sakrad_ld.serving.cache import ByteLRU
from sakrad_ld.serving.protocol import QueryJob, Reply
from sakrad_ld.serving.representation import etag_of
from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings

MEETING = "2017-12-12-integration"
SELECT = "SELECT ?m WHERE { ?m a <https://w3id.org/sakrad/ontology#Sakrad> } ORDER BY ?m"
JSON = {"accept": "application/sparql-results+json"}


#: A time limit no query of these tests that is to be answered comes near, however busy the machine (a
#: niced worker on a loaded core runs a small query for seconds); the query that is to be stopped runs
#: on a server of its own with a short limit, and could not end within any.
GENEROUS = 600
#: The client's wait: past any answer these servers give.
WAIT = GENEROUS + 60


@pytest.fixture(scope="module")
def app(fixture_release: Path):
    return create_app(fixture_release, Settings(timeout=GENEROUS, query_workers=1, reload_interval=0))


@pytest.fixture(scope="module")
def client(app) -> Iterator[httpx.Client]:
    with serving(app) as root, httpx.Client(base_url=root, timeout=WAIT) as c:
        yield c


def test_a_second_identical_query_is_answered_from_what_was_kept(app, client: httpx.Client) -> None:
    query = SELECT + " LIMIT 5"
    first = client.get("/sparql", params={"query": query}, headers=JSON)
    started = app.state.releases.current.pool.started_workers
    second = client.get("/sparql", params={"query": query}, headers=JSON)
    assert (first.status_code, second.status_code) == (200, 200)
    assert (first.headers["x-cache"], second.headers["x-cache"]) == ("miss", "hit")
    assert second.content == first.content and second.headers["etag"] == first.headers["etag"]
    assert second.headers["etag"] == etag_of(second.content)
    assert "max-age" in second.headers["cache-control"] and "Accept" in second.headers["vary"]
    assert app.state.releases.current.pool.started_workers == started  # no worker was asked again
    # the same query re-indented and commented, sent by POST, is the same query
    respaced = query.replace(" ", "\n  ").replace("WHERE", "# which meetings\nWHERE")
    assert client.post("/sparql", data={"query": respaced}, headers=JSON).headers["x-cache"] == "hit"
    # another format is another answer
    csv = client.get("/sparql", params={"query": query}, headers={"accept": "text/csv"})
    assert csv.headers["x-cache"] == "miss" and csv.headers["content-type"].startswith("text/csv")
    # a client that has the answer gets 304 without a body
    again = client.get("/sparql", params={"query": query}, headers={**JSON, "if-none-match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""


def test_what_every_run_repeats_is_kept_and_what_it_may_not_is_not(client: httpx.Client, fixture_release: Path) -> None:
    bad = "SELECT ?x WHERE { ?x ?y }"
    assert [client.get("/sparql", params={"query": bad}).headers["x-cache"] for _ in range(2)] == ["miss", "hit"]
    # a query no machine ends (the fixture's triples to the fourth power), on a server with a short limit
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    limited = create_app(fixture_release, Settings(timeout=2, query_workers=1, reload_interval=0))
    with serving(limited) as root, httpx.Client(base_url=root, timeout=WAIT) as short:
        answers = [short.get("/sparql", params={"query": slow}, headers=JSON) for _ in range(2)]
    assert [a.status_code for a in answers] == [503, 503]  # stopped at the time limit, and run again
    assert [a.headers["x-cache"] for a in answers] == ["miss", "miss"]


def test_a_document_is_made_once_and_answered_from_its_bytes(app, client: httpx.Client) -> None:
    path = f"/doc/meeting/{MEETING}"
    first = client.get(path + ".ttl")
    second = client.get(path + ".ttl")
    assert (first.status_code, second.status_code) == (200, 200)
    assert second.headers["x-cache"] == "hit" and second.content == first.content
    assert second.headers["etag"] == etag_of(second.content)
    negotiated = client.get(path, headers={"accept": "text/turtle"})
    assert negotiated.content == first.content and negotiated.headers["etag"] == first.headers["etag"]
    assert "Accept" in negotiated.headers["vary"] and "Accept" not in second.headers.get("vary", "")
    assert negotiated.headers["content-location"] == path + ".ttl"
    unchanged = client.get(path, headers={"accept": "text/turtle", "if-none-match": first.headers["etag"]})
    assert unchanged.status_code == 304 and unchanged.content == b""
    assert app.state.documents.cache.hits >= 2


def test_a_new_release_empties_what_was_kept(fixture_release: Path, tmp_path: Path) -> None:
    old, new, link = tmp_path / "releases" / "a", tmp_path / "releases" / "b", tmp_path / "dist"
    shutil.copytree(fixture_release, old)
    shutil.copytree(fixture_release, new)
    link.symlink_to(old)
    app = create_app(link, Settings(timeout=GENEROUS, query_workers=1, reload_interval=0.2))
    with serving(app) as root, httpx.Client(base_url=root, timeout=WAIT) as client:
        for _ in range(2):
            client.get("/sparql", params={"query": SELECT}, headers=JSON)
            client.get(f"/doc/meeting/{MEETING}.jsonld")
        assert app.state.answers.bytes > 0 and app.state.documents.bytes > 0
        replacement = link.with_name("dist.new")
        replacement.symlink_to(new)
        os.replace(replacement, link)  # as a build publishes a release
        deadline = time.monotonic() + 30
        while app.state.releases.switches == 0 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert app.state.releases.switches == 1
        assert app.state.answers.bytes == 0 and app.state.documents.bytes == 0
        assert client.get("/sparql", params={"query": SELECT}, headers=JSON).headers["x-cache"] == "miss"
        assert client.get(f"/doc/meeting/{MEETING}.jsonld").headers["x-cache"] == "miss"


def test_the_server_keeps_no_more_than_its_bound(fixture_release: Path) -> None:
    app = create_app(
        fixture_release,
        Settings(timeout=GENEROUS, query_workers=1, reload_interval=0, answer_cache=1, document_cache=1),
    )
    big = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10000 OFFSET "
    with serving(app) as root, httpx.Client(base_url=root, timeout=WAIT) as client:
        for offset in range(12):  # about 12 answers of 1 to 2 MB: more than 1 MB in all
            assert (
                client.get("/sparql", params={"query": big + str(offset)}, headers={"accept": "text/csv"}).status_code
                == 200
            )
            assert app.state.answers.bytes <= app.state.answers.limit == 2**20
        assert app.state.answers.answers.evictions > 0
        for path in client.get("/").text.split('href="')[1:200]:
            client.get("/" + path.split('"')[0].lstrip("/"))
            assert app.state.documents.bytes <= app.state.documents.limit == 2**20
        assert len(app.state.documents.cache) > 0


def test_the_least_recently_used_entry_goes_first() -> None:
    cache: ByteLRU[str] = ByteLRU(300)
    for key in "abc":
        cache.put(key, key, 100)
    assert cache.get("a") == "a"  # a is now the most recently used
    cache.put("d", "d", 100)
    assert cache.get("b") is None and cache.get("a") == "a" and cache.get("d") == "d"
    assert cache.bytes == 300 and cache.evictions == 1
    assert not cache.put("huge", "x", 301) and cache.get("huge") is None


def test_answers_keep_within_their_bound_and_apart_by_release_and_format() -> None:
    answers = AnswerCache(20_000)
    for n in range(100):
        job = QueryJob(f"ASK {{ ?s ?p {n} }}", "application/sparql-results+json")
        answers.put(job, "release-a", Reply(200, "application/sparql-results+json", b"x" * 1000))
        assert answers.bytes <= 20_000
    last = QueryJob("ASK { ?s ?p 99 }", "application/sparql-results+json")
    assert answers.get(last, "release-a") is not None
    assert answers.get(last, "release-b") is None
    assert answers.get(QueryJob(last.query, "text/csv"), "release-a") is None
    assert answers.get(QueryJob("ASK { ?s ?p 0 }", last.accept), "release-a") is None  # dropped long ago


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("SELECT * { ?s ?p ?o }", "  SELECT *\n{\t?s ?p ?o }  ", True),
        ("SELECT * { ?s ?p ?o }", "# all of it\nSELECT * { ?s ?p ?o } # done", True),
        ('SELECT * { ?s ?p "a  b" }', 'SELECT * { ?s ?p "a b" }', False),  # inside a string, spaces count
        ('SELECT * { ?s ?p "# not a comment" }', 'SELECT * { ?s ?p "" }', False),
        ("SELECT * { ?s ?p <http://x/#a> }", "SELECT * { ?s ?p <http://x/> }", False),
        ('ASK { ?s ?p "x"@en }', 'ASK { ?s ?p "x" @en }', False),  # tokens are never joined
        ("SELECT * { ?s ?p ?o }", "select * { ?s ?p ?o }", False),
    ],
)
def test_query_text_is_normalised_without_changing_its_meaning(one: str, other: str, same: bool) -> None:
    assert (normalised_query(one) == normalised_query(other)) is same


def test_a_long_query_is_kept_under_its_own_text_without_reading_it_here(
    app, client: httpx.Client, monkeypatch
) -> None:
    """Reading a query for its cache key runs the lexer: linear, but half a second for 256 KiB, which
    the event loop that answers every document must not spend (a hostile body of 'a-a-a-…' once
    stalled every request for minutes). A short query is read for its key; a long one is kept under
    its own text, unread by the server's process, and still answered from what was kept."""
    from sakrad_ld.serving import answers

    read: list[int] = []
    lex = answers.lex

    def recorded(text: str):  # noqa: ANN202
        read.append(len(text))
        return lex(text)

    monkeypatch.setattr(answers, "lex", recorded)
    short = "SELECT * WHERE { ?s ?p ?o } LIMIT 1"
    long = short + " #" + "a-" * answers.INLINE_CHARACTERS + "\n"
    states = []
    for query in (short, long, long):
        reply = client.post("/sparql", content=query, headers={"content-type": "application/sparql-query"})
        assert reply.status_code == 200, reply.text[:300]
        states.append(reply.headers["x-cache"])
    assert read == [len(short)]  # the long text was never lexed in the server's process
    assert states == ["miss", "miss", "hit"]  # yet its answer is kept, under the text as sent
    spaced = client.post("/sparql", content=long + " ", headers={"content-type": "application/sparql-query"})
    assert spaced.headers["x-cache"] == "miss"  # another text: another key
