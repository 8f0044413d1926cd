"""Hostile request paths against the live server: every place a path becomes an IRI (``/doc/``,
``/id/``, ``/en/``, ``/role``, ``/ontology``, a minted IRI, ``/graph/``) or a file name
(``/download/``, the pictures) answers 404 for text that is no valid part of one, never 500.

The cases are data: ``tests/hostile/paths/expected.tsv`` (request target, sent byte for byte, and the
status). Each is sent with three ``Accept`` headers (RDF, HTML, none), since the format decides
which code makes the document. A failure that does reach the guard is logged with its control
characters escaped.
"""

from __future__ import annotations

import asyncio
import http.client
import logging
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from serving import serving

from sakrad_ld.serving.guard import Guard, printable
from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings

CASES_FILE = Path(__file__).parent / "hostile" / "paths" / "expected.tsv"


def _cases() -> list[tuple[str, int, str]]:
    lines = CASES_FILE.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    return [(target, int(status), what) for target, status, what in rows]


CASES = _cases()


@pytest.fixture(scope="module")
def url(release: Path) -> Iterator[str]:
    with serving(create_app(release, Settings(reload_interval=0))) as root:
        yield root


def _get(url: str, target: str, accept: str | None) -> tuple[int, bytes]:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        conn.putrequest("GET", target, skip_accept_encoding=True)
        if accept:
            conn.putheader("Accept", accept)
        conn.endheaders()
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def test_the_cases_hold_the_probes_paths() -> None:
    targets = {target for target, *_ in CASES}
    assert {"/doc/meeting/x%20.ttl", "/doc/meeting/x%3C.ttl", "/doc/body/x%7B.nt", "/doc/meeting/x%00.ttl"} <= targets


@pytest.mark.parametrize(("target", "status", "what"), CASES, ids=[f"{c[0]} ({c[2]})" for c in CASES])
def test_a_hostile_path_is_answered_404_never_500(url: str, target: str, status: int, what: str) -> None:
    for accept in ("text/turtle", "text/html", None):
        got, body = _get(url, target, accept)
        assert got == status, (accept, body[:300])


def test_a_failure_is_logged_with_its_control_characters_escaped(caplog: pytest.LogCaptureFixture) -> None:
    async def failing(scope: dict, receive: object, send: object) -> None:
        raise ValueError("Invalid IRI code point '\x00'\nforged line \x1b[31m")

    sent: list[dict] = []

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": "/doc/meeting/x\x00\r\ny.ttl", "headers": []}
    with caplog.at_level(logging.ERROR, logger="sakrad_ld.serving"):
        asyncio.run(Guard(failing)(scope, None, send))  # type: ignore[arg-type]
    assert sent[0]["status"] == 500
    [record] = [r for r in caplog.records if r.name == "sakrad_ld.serving"]
    line = record.getMessage()
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in line), repr(line)
    assert "x\\x00\\x0d\\x0ay.ttl" in line and "\\x1b[31m" in line


def test_printable_keeps_text_and_escapes_what_a_terminal_would_act_on() -> None:
    assert printable("/doc/möte/x") == "/doc/möte/x"
    assert printable("a\\x00") == "a\\\\x00"  # a backslash in the path cannot pass for an escape
    assert printable("\x85\x7f\t") == "\\x85\\x7f\\x09"
