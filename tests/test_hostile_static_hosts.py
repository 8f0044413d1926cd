"""Hostile clients of the static export's rules, served by real nginx and Apache on 127.0.0.1.

The rules' regular expressions read an ``Accept`` header in one pass each (no nested unbounded
quantifier tried more than one way), and a header longer than the server reads is disregarded by
both the server and the rules (``sakrad_ld.formats.MAX_ACCEPT``, ``MAX_RANGES``). So a
long crafted header (a range with thousands of parameters, which made the old rules backtrack for
seconds and then fail PCRE's match limit with a wrong 406 and an ``[alert]`` in nginx's log) gets
the server's answer, status and Location, for every header of :data:`HEADERS`. A request is given a
generous timeout only so that a hang fails the test instead of stalling it; nothing is timed.

A 303's Location from nginx is the path the server gives, whatever ``Host`` the client sends
(``absolute_redirect off``). Apache's mod_rewrite makes every redirect absolute, from the virtual
host's name where ``UseCanonicalName On`` (docs/site.md), so its Location is compared by its path.
"""

from __future__ import annotations

import functools
import http.client
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from nginx_host import nginx_serving
from static_site import served
from test_static_apache import _hosts, apache  # noqa: F401 (the fixture)

from sakrad_ld.formats import MAX_ACCEPT, MAX_RANGES
from sakrad_ld.sparql.store import Release
from sakrad_ld.web.documents import published_resources
from sakrad_ld.web.static import accept_map, choose_by_map, language_by_map, language_map

#: A socket's timeout: long enough that no test waits on a working host; a host backtracking for minutes
#: fails the test instead of stalling it.
GUARD = 60


def _crafted(prefix: str, count: int, last: str = ";q=0.5") -> str:
    return prefix + ";x" * count + last


#: Accept headers: ordinary ones, crafted long ones just under the server's limits and past them
#: (disregarded: the first offer), a type listed after MAX_RANGES - 1 others (read) and after
#: MAX_RANGES (disregarded), and ones accepting nothing offered (406).
HEADERS: list[str | None] = [
    None,
    "text/turtle",
    "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "image/png",
    "*/*;q=0.5",
    "a," * 50 + _crafted("*/*", 1200),  # the probe's: 2,509 bytes
    _crafted("*/*", 2000),  # 4,009 bytes
    _crafted("*/*", (MAX_ACCEPT - 20) // 2),  # just under MAX_ACCEPT: read
    _crafted("text/turtle", (MAX_ACCEPT - 20) // 2),
    _crafted("image/png", (MAX_ACCEPT - 20) // 2),  # read, accepts nothing offered: 406
    _crafted("image/png", MAX_ACCEPT // 2),  # past MAX_ACCEPT: disregarded
    _crafted("text/turtle", (MAX_ACCEPT - 20) // 2, ";q=0.5x"),  # a weight that is not one
    "text/turtle" + " " * (MAX_ACCEPT - 20) + ";q=0.5",
    "text/turtle;q=0.5" * 110,
    ("text/turtle;q=0.5 ," * 100)[:MAX_ACCEPT],
    "," * (MAX_RANGES - 1) + "text/turtle",
    ",".join(f"a/b{n}" for n in range(MAX_RANGES - 1)) + ",text/turtle",
    ",".join(f"a/b{n}" for n in range(MAX_RANGES)) + ",text/turtle",
    ",".join(["image/png"] * (MAX_RANGES - 1)),
    ",".join(["image/png"] * MAX_RANGES),
]

#: Accept-Language headers of the same kind (the reader's language at a thing's 303).
LANGUAGES: list[str | None] = [
    None,
    "en",
    "en" + ";x" * 1000 + ";q=0.5",
    "en-" + " " * 1000 + ";x" * 300,
    "sv;q=0.5" * 200,
    "en" + ";q=0.5" * 500 + "x",
    "en" + ";q=0.5;x" * 300 + ",sv;q=0.4",
]


@pytest.fixture(scope="module")
def opened(release: Path) -> Release:
    return Release.open(release)


@pytest.fixture(scope="module")
def meeting(opened: Release) -> str:
    """A meeting's thing path (``/id/meeting/…``)."""
    doc = next(p for _, p in published_resources(opened.store, opened.base_iri) if p.startswith("/doc/meeting/"))
    return "/id/" + doc.removeprefix("/doc/")


@pytest.fixture(scope="module")
def nginx(export: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, Path]]:
    run = tmp_path_factory.mktemp("nginx")
    with nginx_serving(export, run) as (_, port):
        yield port, run


def _ask(port: int, path: str, headers: dict[str, str | None]) -> tuple[int, dict[str, str]]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=GUARD)
    try:
        conn.request("GET", path, headers={k: v for k, v in headers.items() if v is not None})
        response = conn.getresponse()
        response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}
    finally:
        conn.close()


def _answer(
    status: int, headers: dict[str, str], prefix: str = "", absolute: bool = False
) -> tuple[int, str | None, str | None]:
    """The status, the Location (for ``absolute``, Apache's, its path) and a 200's media type."""
    location = headers.get("location")
    if location is not None and absolute:
        location = re.sub(r"^http://[^/]*", "", location)
    if location is not None and prefix:
        location = location.removeprefix(prefix)
    media = headers.get("content-type", "").split(";")[0] if status == 200 else None
    return status, location, media


@functools.cache
def _server_answers(release: Path, meeting: str) -> dict[tuple[str, str, str | None], tuple]:
    """The server's answers to every request :func:`_differences` sends, asked once per release and
    meeting (one app for all of them): they do not depend on the host being compared."""
    from starlette.testclient import TestClient

    from sakrad_ld.serving.server import create_app
    from sakrad_ld.serving.settings import Settings

    answers: dict[tuple[str, str, str | None], tuple] = {}
    for path in (meeting, meeting.replace("/id/", "/doc/", 1)):
        for accept in HEADERS:
            answers[("accept", path, accept)] = _answer(*served(release, path, accept))
    with TestClient(create_app(release, Settings())) as client:
        for language in LANGUAGES:
            headers = {"Accept": "text/html", "Accept-Language": language}
            r = client.get(meeting, headers={k: v for k, v in headers.items() if v}, follow_redirects=False)
            answers[("language", meeting, language)] = (r.status_code, r.headers.get("location"))
    return answers


def _differences(release: Path, port: int, meeting: str, prefix: str = "", absolute: bool = False) -> list[str]:
    want = _server_answers(release, meeting)
    differ = []
    for path in (meeting, meeting.replace("/id/", "/doc/", 1)):
        for accept in HEADERS:
            got = _answer(*_ask(port, prefix + path, {"Accept": accept}), prefix, absolute)
            if got != want[("accept", path, accept)]:
                differ.append(
                    f"{path} Accept {(accept or '')[:60]!r}… ({len(accept or '')}): {got} != server "
                    f"{want[('accept', path, accept)]}"
                )
    for language in LANGUAGES:
        headers = {"Accept": "text/html", "Accept-Language": language}
        got = _answer(*_ask(port, prefix + meeting, headers), prefix, absolute)[:2]
        if got != want[("language", meeting, language)]:
            differ.append(
                f"{meeting} Accept-Language {(language or '')[:40]!r}…: {got} != server "
                f"{want[('language', meeting, language)]}"
            )
    return differ


def test_the_map_agrees_with_the_server_on_long_and_crafted_headers() -> None:
    from sakrad_ld.formats import FORMATS, HTML
    from sakrad_ld.serving.negotiation import choose
    from sakrad_ld.web.served import preferred_language
    from sakrad_ld.web.static import NOT_ACCEPTABLE

    for accept in HEADERS:
        chosen = choose(accept, (HTML, *FORMATS))
        assert choose_by_map(accept) == (chosen.suffix[1:] if chosen else NOT_ACCEPTABLE), accept
    for language in LANGUAGES:
        assert language_by_map(language) == preferred_language(language), language


def test_no_rule_tries_a_quantified_group_that_can_give_back_characters() -> None:
    """Each repeated group of the maps is possessive (``)*+``) or a run of whole items ending at a
    comma, so no rule reads a header in more than one way per item."""
    for regex, _ in [*accept_map(), *language_map()]:
        for group in re.finditer(r"\)[*+](?!\+)", regex):
            before = regex[: group.start()]
            # the one group repeated greedily is a run of whole parameters before the last weight
            assert before.endswith("(;[^;,]*+") or before.endswith("[^,]*,"), (regex, group.start())


def test_nginx_answers_long_and_crafted_headers_as_the_server_does(
    nginx: tuple[int, Path], release: Path, meeting: str
) -> None:
    port, run = nginx
    differ = _differences(release, port, meeting)
    assert not differ, "\n".join(differ)
    log = (run / "error.log").read_text(encoding="utf-8") if (run / "error.log").exists() else ""
    assert "[alert]" not in log and "pcre" not in log.lower(), log


def test_apache_answers_long_and_crafted_headers_as_the_server_does(
    apache: tuple[Path, int, int],  # noqa: F811
    release: Path,
    meeting: str,
) -> None:
    for port, prefix in _hosts(apache):
        differ = _differences(release, port, meeting, prefix, absolute=True)
        assert not differ, "\n".join(differ)


def _redirects(port: int, meeting: str, prefix: str = "") -> list[tuple[str, str, int, str | None]]:
    asked = []
    for host in ("evil.example", "evil.example:8443", "127.0.0.1"):
        for path, accept in ((meeting, "text/turtle"), (meeting, None), ("/en", None), ("/en?x=1", None)):
            status, headers = _ask(port, prefix + path, {"Host": host, "Accept": accept})
            asked.append((host, path, status, headers.get("location")))
    return asked


def test_nginx_redirects_to_the_path_whatever_host_is_asked(nginx: tuple[int, Path], meeting: str) -> None:
    for host, path, status, location in _redirects(nginx[0], meeting):
        assert status in (301, 303), (host, path, status)
        assert location is not None and location.startswith("/") and "evil" not in location, (host, path, location)
