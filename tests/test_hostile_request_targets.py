"""A request target in absolute-form (RFC 9112 section 3.2.2: "A server MUST accept the
absolute-form in requests") is answered for its path, over real HTTP on loopback: the authority
(any host, port or user part) is ignored for routing, a 303's Location stays relative, and a
target of another scheme gets 400 Problem Details, not the framework's generic 404."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from serving import serving

from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings

MEETING = "2017-12-12-integration"


@pytest.fixture(scope="module")
def root(release: Path) -> Iterator[str]:
    settings = Settings(timeout=120.0, query_workers=1, query_queue=4, reload_interval=0, request_timeout=60.0)  # type: ignore[call-arg]
    with serving(create_app(release, settings)) as url:
        yield url


def _get(root: str, target: str, host: str = "a", accept: str = "text/turtle") -> tuple[int, dict[str, str], bytes]:
    url = urlsplit(root)
    with socket.create_connection((url.hostname, url.port), timeout=60) as sock:
        sock.sendall(
            f"GET {target} HTTP/1.1\r\nHost: {host}\r\nAccept: {accept}\r\nConnection: close\r\n\r\n".encode("ascii")
        )
        data = bytearray()
        while chunk := sock.recv(1 << 20):
            data.extend(chunk)
    head, _, body = bytes(data).partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    return int(lines[0].split()[1]), headers, body


PATHS = [
    "/",
    f"/doc/meeting/{MEETING}.ttl",
    f"/doc/meeting/{MEETING}",
    "/sparql?query=ASK%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D",
    "/no/such/thing",
]
AUTHORITIES = ["a", "127.0.0.1:18931", "evil.example", "user@evil.example:99", "[::1]:8080", "HOST.EXAMPLE"]


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("authority", AUTHORITIES)
def test_an_absolute_form_target_is_answered_as_its_path(root: str, path: str, authority: str) -> None:
    status, headers, body = _get(root, path)
    for scheme in ("http", "https", "HTTP"):
        got = _get(root, f"{scheme}://{authority}{path}", host="other.example")
        assert (got[0], got[2]) == (status, body), (scheme, authority, path)
        assert got[1].get("content-type") == headers.get("content-type")


def test_an_absolute_form_target_without_a_path_is_the_start(root: str) -> None:
    assert _get(root, "http://a")[::2] == _get(root, "/")[::2]
    assert _get(root, "http://a?x=1")[0] == _get(root, "/?x=1")[0]


@pytest.mark.parametrize("authority", AUTHORITIES)
def test_a_303_for_an_absolute_form_target_is_relative(root: str, authority: str) -> None:
    status, headers, _ = _get(root, f"http://{authority}/id/meeting/{MEETING}")
    assert status == 303
    assert headers["location"] == f"/doc/meeting/{MEETING}.ttl"  # no host, whatever the target named
    assert _get(root, f"/id/meeting/{MEETING}")[1]["location"] == headers["location"]


def test_percent_encoding_in_an_absolute_form_path_is_read_as_in_origin_form(root: str) -> None:
    encoded = f"/id%2Fmeeting%2F{MEETING}"
    assert _get(root, f"http://a{encoded}")[:2][0] == _get(root, encoded)[0] == 404  # %2F is no separator
    assert _get(root, f"http://a/id/meeting/{MEETING}")[0] == _get(root, f"/id/meeting/{MEETING}")[0] == 303
    assert _get(root, "http://a/%2e%2e/etc/passwd")[0] == _get(root, "/%2e%2e/etc/passwd")[0] == 404


@pytest.mark.parametrize("target", ["ftp://a/", "file:///etc/passwd", "gopher://a/doc/x"])
def test_an_absolute_form_target_of_another_scheme_gets_400_saying_why(root: str, target: str) -> None:
    status, headers, body = _get(root, target)
    assert status == 400
    assert headers["content-type"].startswith("application/problem+json")
    assert "http and https" in json.loads(body)["detail"]
