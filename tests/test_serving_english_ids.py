"""``/en/id/…`` on the server: no thing's IRI (that is ``/id/…``, in no language), but where an English
reader arrives who puts ``/en`` before a thing's IRI as before a page's. A browser is sent (303) to the
thing's English page, a program to the document in the format it asks for, as from ``/id/…``; a
thing the data has nothing about is 404, in English. Before, every ``/en/id/…`` path was 404.

Also here: a request line without an HTTP version (HTTP/0.9's one-line ``GET /``, no blank line after
it) is answered 400 as soon as the line is whole; h11 reads a request only at the head's blank line,
so the connection waited for the request timer and was closed without an answer."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from serving import serving

from sakrad_ld.serving.connections import MAX_HEAD_BYTES
from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings
from sakrad_ld.sparql.store import Release

MEETING = "2017-12-12-integration"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.fixture(scope="module")
def client(release: Path) -> Iterator[httpx.Client]:
    app = create_app(release, Settings(timeout=10, query_workers=1))
    with serving(app) as root, httpx.Client(base_url=root, timeout=30) as client:
        yield client


def _things(release: Path) -> dict[str, str]:
    """One thing's path below ``id/`` of each kind the release has (meeting, organisation, person …)."""
    opened = Release.open(release)
    base = opened.base_iri + "id/"
    found: dict[str, str] = {}
    for quad in opened.store.quads_for_pattern(None, None, None):
        subject = quad.subject
        if isinstance(subject, ox.NamedNode) and subject.value.startswith(base):
            rest = subject.value[len(base) :]
            if rest.count("/") == 1:
                found.setdefault(rest.split("/")[0], rest)
    return found


def test_a_browser_is_sent_to_the_things_english_page(client: httpx.Client) -> None:
    response = client.get(f"/en/id/meeting/{MEETING}", headers={"accept": BROWSER})
    assert response.status_code == 303, response.text
    assert response.headers["location"] == f"/en/doc/meeting/{MEETING}.html"
    assert response.headers["vary"] == "Accept"  # the language is the path's, not Accept-Language's
    page = client.get(response.headers["location"], headers={"accept": BROWSER})
    assert page.status_code == 200 and '<html lang="en"' in page.text


def test_the_english_reader_is_not_sent_to_the_swedish_page_whatever_accept_language_says(
    client: httpx.Client,
) -> None:
    response = client.get(f"/en/id/meeting/{MEETING}", headers={"accept": BROWSER, "accept-language": "sv"})
    assert response.status_code == 303 and response.headers["location"] == f"/en/doc/meeting/{MEETING}.html"


@pytest.mark.parametrize(
    ("accept", "suffix"),
    [("text/turtle", ".ttl"), ("application/ld+json", ".jsonld"), ("application/n-triples", ".nt")],
)
def test_a_program_is_sent_to_the_document_as_from_the_iri(client: httpx.Client, accept: str, suffix: str) -> None:
    english = client.get(f"/en/id/meeting/{MEETING}", headers={"accept": accept})
    iri = client.get(f"/id/meeting/{MEETING}", headers={"accept": accept})
    assert english.status_code == iri.status_code == 303
    assert english.headers["location"] == iri.headers["location"] == f"/doc/meeting/{MEETING}{suffix}"


def test_a_part_is_sent_to_its_place_on_the_english_page(client: httpx.Client) -> None:
    response = client.get(f"/en/id/meeting/{MEETING}/question/2", headers={"accept": BROWSER})
    assert response.status_code == 303
    assert response.headers["location"] == f"/en/doc/meeting/{MEETING}.html#question/2"


def test_every_kind_of_thing_has_its_english_page_there(client: httpx.Client, release: Path) -> None:
    things = _things(release)
    assert {"meeting", "organisation", "person"} <= set(things), things
    for kind, rest in sorted(things.items()):
        response = client.get(f"/en/id/{rest}", headers={"accept": BROWSER})
        assert response.status_code == 303, (kind, response.status_code)
        assert response.headers["location"] == f"/en/doc/{rest}.html"
        page = client.get(response.headers["location"])
        assert page.status_code == 200 and '<html lang="en"' in page.text, kind


@pytest.mark.parametrize(
    "path", ["/en/id/meeting/no-such-meeting", "/en/id/nonsense/x", "/en/id/", "/en/id/meeting/a%20b"]
)
def test_a_thing_the_data_has_nothing_about_is_404_in_english(client: httpx.Client, path: str) -> None:
    page = client.get(path, headers={"accept": BROWSER, "accept-language": "sv"})
    assert page.status_code == 404 and '<html lang="en"' in page.text
    problem = client.get(path, headers={"accept": "application/json"})
    assert problem.status_code == 404 and problem.headers["content-type"].startswith("application/problem+json")
    assert "the data has nothing about" in problem.json()["detail"]


def test_head_is_answered_as_get(client: httpx.Client) -> None:
    response = client.head(f"/en/id/meeting/{MEETING}", headers={"accept": BROWSER})
    assert response.status_code == 303 and response.headers["location"] == f"/en/doc/meeting/{MEETING}.html"


@pytest.fixture(scope="module")
def patient(release: Path) -> Iterator[tuple[str, int]]:
    """A server whose request timer (300 s) no read of these tests waits for (their sockets give up at 60 s)."""
    app = create_app(release, Settings(timeout=10, query_workers=1, request_timeout=300))
    with serving(app) as root:
        host, port = root.removeprefix("http://").split(":")
        yield host, int(port)


def _exchange(address: tuple[str, int], *parts: bytes) -> bytes:
    """What the server sends back to ``parts``, sent one by one, read until the server closes or a
    first answer is whole (a connection kept alive)."""
    with socket.create_connection(address, timeout=60) as sock:
        for part in parts:
            sock.sendall(part)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
            head, _, body = data.partition(b"\r\n\r\n")
            length = next(
                (
                    int(v)
                    for k, _, v in (h.partition(b":") for h in head.split(b"\r\n"))
                    if k.lower() == b"content-length"
                ),
                -1,
            )
            if length >= 0 and len(body) >= length:
                break
        return data


@pytest.mark.parametrize("line", [b"GET /\r\n", b"GET /\n", b"GET /sparql?query=ASK{}\r\n", b"GET / HTTP/1\r\n"])
def test_a_request_line_without_a_version_is_answered_400_at_once(patient: tuple[str, int], line: bytes) -> None:
    answer = _exchange(patient, line)
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400 "), answer[:300]
    assert b"content-type: application/problem+json" in head.lower()
    assert "the request line has no HTTP version" in json.loads(body)["detail"]


def test_a_request_line_sent_in_pieces_is_read_whole(patient: tuple[str, int]) -> None:
    """The line is judged once whole: a client sending its request a few bytes at a time is answered."""
    answer = _exchange(
        patient, b"GET /sparql?query=ASK", b"{} HT", b"TP/1.1\r\nHost: a\r\n", b"Accept: text/csv\r\n\r\n"
    )
    assert answer.startswith(b"HTTP/1.1 200 "), answer[:300]


def test_a_request_sent_with_the_one_before_is_not_taken_for_a_request_line(patient: tuple[str, int]) -> None:
    """A second request sent on the heels of the first (pipelined, its head cut in two) is read as
    h11 reads it: its rest is no request line."""
    first = b"GET /sparql?query=ASK{} HTTP/1.1\r\nHost: a\r\nAccept: text/csv\r\n\r\n"
    with socket.create_connection(patient, timeout=60) as sock:
        sock.sendall(first + b"GET /sparql?query=ASK{} HTTP/1.1\r\nHo")
        data = b""
        while data.count(b"HTTP/1.1 200 ") < 1:
            data += sock.recv(65536)
        sock.sendall(b"st: a\r\nAccept: text/csv\r\nConnection: close\r\n\r\n")
        while chunk := sock.recv(65536):
            data += chunk
    assert data.count(b"HTTP/1.1 200 ") == 2 and b" 400 " not in data, data[:600]


def test_a_long_request_line_is_still_refused_by_its_length(patient: tuple[str, int]) -> None:
    answer = _exchange(patient, b"GET /" + b"a" * (MAX_HEAD_BYTES + 10))
    assert answer.startswith((b"HTTP/1.1 431 ", b"HTTP/1.1 414 ")), answer[:300]
