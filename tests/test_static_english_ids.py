"""``/en/id/…`` and paths with an encoded slash (``%2F``) on the static export's hosts, against the
server (tests/test_serving_english_ids.py): nginx with the export's rules, and Apache with them from the
``.htaccess`` and from ``apache/sakrad.conf``, at the web root and under a sub-path
(tests/test_static_apache.py's ``apache``; skipped without Apache).

``/en/id/X`` is where an English reader arrives who puts ``/en`` before a thing's IRI: a browser is
sent (303) to X's English page (``#part`` kept) whatever ``Accept-Language`` says, a program to the
document as from ``/id/X`` (``Vary: Accept``), a client accepting no format gets 406, and an id the
data lacks is 404 (the English page for a browser). Before, the export answered every such path
404. A path with ``%2F`` names no address (the server's guard answers 404); nginx read it as ``/``
and answered another resource (``/id/meeting/X%2Fcount%2Fparticipant`` as the count)."""

from __future__ import annotations

import http.client
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from nginx_host import nginx_serving
from static_site import things_and_parts
from test_static_apache import SUB_PATH, apache, first_of_each_kind  # noqa: F401 (apache: the fixture)

from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings
from sakrad_ld.sparql.store import Release

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
#: A browser's, each RDF format's, none, and one the server has no format for (406).
ACCEPTS: list[str | None] = [
    BROWSER,
    "text/turtle",
    "application/ld+json",
    "application/n-triples",
    "application/rdf+xml",
    None,
    "image/png",
]
#: Paths under /en/id/ the data has nothing about.
UNKNOWN = ["/en/id/meeting/no-such-meeting", "/en/id/nonsense/x", "/en/id/", "/en/id/meeting/a%20b"]


@pytest.fixture(scope="module")
def opened(release: Path) -> Release:
    return Release.open(release)


@pytest.fixture(scope="module")
def paths(opened: Release) -> list[str]:
    """A thing of each kind and a part of each kind and depth, below /en/id/."""
    base = opened.base_iri
    things, parts = things_and_parts(opened)
    asked = first_of_each_kind([iri[len(base) - 1 :] for iri in things]) + first_of_each_kind(
        [iri[len(base) - 1 :] for iri in parts]
    )
    kinds = {path.split("/")[2] for path in asked}
    assert {"meeting", "organisation", "person"} <= kinds, kinds
    assert any(path.count("/") > 3 for path in asked), asked
    return ["/en" + path for path in asked]


@pytest.fixture(scope="module")
def encoded_slash(opened: Release) -> list[str]:
    """Paths with an encoded slash (either case) where the slash would name a part, a document, a page."""
    base = opened.base_iri
    _, parts = things_and_parts(opened)
    part = parts[0][len(base) - 1 :]
    kind, id, *rest = part.split("/")[2:]
    return [
        f"/id/{kind}/{id}%2F{'%2F'.join(rest)}",
        f"/en/id/{kind}/{id}%2f{'%2f'.join(rest)}",
        f"/doc/{kind}%2F{id}.html",
        f"/en%2Fdoc/{kind}/{id}.html",
        f"/id/{kind}/{id}%2F{'%2F'.join(rest)}?x=%2F",
    ]


def _get(address: tuple[str, int], path: str, accept: str | None) -> tuple[int, dict[str, str], bytes]:
    """The answer to a GET of ``path`` as written (no quoting, no normalisation)."""
    conn = http.client.HTTPConnection(*address, timeout=10)
    try:
        headers = {"Accept-Language": "sv"} | ({"Accept": accept} if accept is not None else {})
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


def _answer(status: int, headers: dict[str, str], body: bytes, prefix: str = "") -> tuple:
    """What the hosts and the server must agree on: the status; a 303's target (path less the
    host's ``prefix``, and fragment) and Vary; an error's media type and, for a page, its language."""
    vary = tuple(sorted(v.strip().lower() for v in headers.get("vary", "").split(",") if v.strip()))
    if status == 303:
        target = urlsplit(headers["location"])
        return status, target.path.removeprefix(prefix), target.fragment, vary
    media = headers.get("content-type", "").split(";")[0].strip()
    return status, media, media == "text/html" and b'<html lang="en"' in body


@pytest.fixture(scope="module")
def server(release: Path) -> Iterator[object]:
    """``get(path, accept)`` → (status, headers, body) of ``sakrad-ld serve``, the path sent as written."""
    from starlette.testclient import TestClient

    with TestClient(create_app(release, Settings())) as client:

        def get(path: str, accept: str | None) -> tuple[int, dict[str, str], bytes]:
            headers = {"Accept-Language": "sv"} | ({"Accept": accept} if accept is not None else {})
            r = client.get(path, headers=headers, follow_redirects=False)
            return r.status_code, {k.lower(): v for k, v in r.headers.items()}, r.content

        yield get


def _differences(server: object, host: object, paths: list[str], prefix: str = "") -> list[str]:
    differ = []
    for path in paths:
        for accept in ACCEPTS:
            want = _answer(*server(path, accept))  # type: ignore[operator]
            got = _answer(*host(prefix + path, accept), prefix)  # type: ignore[operator]
            if want != got:
                differ.append(f"{prefix}{path} {accept!r}: server {want}, host {got}")
    return differ


def test_the_server_answers_as_these_tests_expect(server: object, paths: list[str], encoded_slash: list[str]) -> None:
    """The answers the hosts are compared to: each kind's English page, a program's document, 406, 404."""
    for path in paths:
        iri = path.removeprefix("/en")
        kind, id, *part = iri.split("/")[2:]
        assert _answer(*server(path, BROWSER)) == (303, f"/en/doc/{kind}/{id}.html", "/".join(part), ("accept",))
        assert _answer(*server(path, "text/turtle"))[:3] == (303, f"/doc/{kind}/{id}.ttl", "/".join(part))
        assert server(path, "image/png")[0] == 406  # type: ignore[operator]
    for path in UNKNOWN:
        assert _answer(*server(path, BROWSER)) == (404, "text/html", True), path
    for path in encoded_slash:
        assert server(path, BROWSER)[0] == 404, path  # type: ignore[operator]


@pytest.fixture(scope="module")
def nginx(export: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    with nginx_serving(export, tmp_path_factory.mktemp("nginx")) as address:
        yield address


def test_nginx_answers_en_id_as_the_server(nginx: tuple[str, int], server: object, paths: list[str]) -> None:
    differ = _differences(server, lambda path, accept: _get(nginx, path, accept), paths + UNKNOWN)
    assert not differ, "\n".join(differ[:20])


def test_nginx_answers_an_encoded_slash_404_as_the_server(
    nginx: tuple[str, int], server: object, encoded_slash: list[str]
) -> None:
    differ = _differences(server, lambda path, accept: _get(nginx, path, accept), encoded_slash)
    assert not differ, "\n".join(differ[:20])


def test_apache_answers_en_id_as_the_server(
    apache: tuple[Path, int, int],  # noqa: F811
    server: object,
    paths: list[str],
) -> None:
    _, root_port, sub_port = apache
    differ = []
    for port, prefix in ((root_port, ""), (sub_port, SUB_PATH)):
        host = ("127.0.0.1", port)
        differ += _differences(
            server, lambda path, accept, host=host: _get(host, path, accept), paths + UNKNOWN, prefix
        )
    assert not differ, "\n".join(differ[:20])


def test_apache_answers_an_encoded_slash_404(
    apache: tuple[Path, int, int],  # noqa: F811
    encoded_slash: list[str],
) -> None:
    """Apache's default (``AllowEncodedSlashes Off``) answers before the rules are read: 404, with
    its own page (no Problem Details for a program, as the server's guard sends), never the
    resource the slash would name."""
    _, root_port, sub_port = apache
    for port, prefix in ((root_port, ""), (sub_port, SUB_PATH)):
        for path in encoded_slash:
            for accept in ACCEPTS:
                status, headers, _ = _get(("127.0.0.1", port), prefix + path, accept)
                assert status == 404 and "location" not in headers, (prefix, path, accept, status)
