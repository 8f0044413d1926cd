"""Two headers the server and the export's nginx rules send alike:

- what is not found under a thing's IRIs (``/id/…``) is answered in the language ``Accept-Language``
  prefers, as the thing's 303 is, with ``Vary: Accept, Accept-Language`` (elsewhere the path's
  language: English below ``/en/``);
- while any origin may call (``--cors-origins '*'``) every answer carries
  ``Access-Control-Allow-Origin: *`` and none ``Vary: Origin``; with named origins the allowed one is
  echoed and the answer says ``Vary: Origin``."""

from __future__ import annotations

import http.client
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from host_headers import host_exchange
from nginx_host import nginx_serving
from starlette.testclient import TestClient

from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings
from sakrad_ld.web.static import export_site

LANGUAGES = [None, "en-GB,en;q=0.9", "sv", "sv;q=0.5,en;q=0.9", "en;q=0.2,sv", "fr"]
ENGLISH = {"en-GB,en;q=0.9", "sv;q=0.5,en;q=0.9"}


@pytest.fixture(scope="module")
def site(fixture_release: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_site(fixture_release, tmp_path_factory.mktemp("export-headers-r11") / "site").out


@pytest.fixture(scope="module")
def server(fixture_release: Path) -> Iterator[TestClient]:
    with TestClient(create_app(fixture_release, Settings()), base_url="http://localhost") as client:
        yield client


@pytest.fixture(scope="module")
def nginx(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    with nginx_serving(site, tmp_path_factory.mktemp("nginx-r11")) as address:
        yield address


def _nginx_get(address: tuple[str, int], path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
    return host_exchange(address)("GET", path, headers)


def _server_get(server: TestClient, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
    response = server.get(path, headers=headers, follow_redirects=False)
    return response.status_code, {k.lower(): v for k, v in response.headers.items()}, response.content


def _vary(headers: dict[str, str]) -> set[str]:
    return {t.strip().lower() for t in headers.get("vary", "").split(",") if t.strip()}


def _lang(body: bytes) -> str | None:
    found = re.search(rb'<html lang="([a-z]+)"', body)
    return found[1].decode() if found else None


def _unknown_paths(site: Path) -> list[str]:
    organisation = sorted((site / "doc" / "organisation").glob("*.html"))[0].stem
    return ["/id/meeting/no-such-meeting", f"/id/organisation/{organisation}/no-such-part", "/id/nothing"]


@pytest.mark.parametrize("accept", ["text/html", "application/json"])
def test_not_found_under_id_follows_accept_language_on_both_hosts(
    server: TestClient, nginx: tuple[str, int], site: Path, accept: str
) -> None:
    for path in _unknown_paths(site):
        for language in LANGUAGES:
            headers = {"Accept": accept} | ({"Accept-Language": language} if language is not None else {})
            answers = []
            for get, host in ((_server_get, server), (_nginx_get, nginx)):
                status, got, body = get(host, path, headers)  # type: ignore[operator]
                assert status == 404, (path, language, status)
                assert _vary(got) == {"accept", "accept-language"}, (path, language, got.get("vary"))
                if accept == "text/html":
                    expected = "en" if language in ENGLISH else "sv"
                    assert _lang(body) == expected, (path, language, _lang(body))
                else:
                    assert got["content-type"].startswith("application/problem+json"), got
                answers.append((status, _vary(got), _lang(body)))
            assert answers[0] == answers[1], (path, language, answers)


def test_not_found_elsewhere_keeps_the_paths_language(server: TestClient, nginx: tuple[str, int]) -> None:
    for path, expected in (("/no-such-page.html", "sv"), ("/en/no-such-page.html", "en")):
        for language in ("en-GB,en;q=0.9", "sv"):
            headers = {"Accept": "text/html", "Accept-Language": language}
            for get, host in ((_server_get, server), (_nginx_get, nginx)):
                status, got, body = get(host, path, headers)  # type: ignore[operator]
                assert (status, _lang(body), _vary(got)) == (404, expected, {"accept"}), (path, language, got)


def test_the_303_of_a_known_thing_still_follows_accept_language(server: TestClient, site: Path) -> None:
    meeting = sorted((site / "doc" / "meeting").glob("*.html"))[0].stem
    status, got, _ = _server_get(
        server, f"/id/meeting/{meeting}", {"Accept": "text/html", "Accept-Language": "en-GB,en;q=0.9"}
    )
    assert status == 303 and got["location"].startswith("/en/doc/meeting/"), (status, got)


PATHS = ["/", "/en/", "/index.html", "/lists/meetings.html", "/lists/meetings.csv", "/download/sakrad.ttl", "/nothing"]


@pytest.mark.parametrize("origin", [None, "https://example.org"])
def test_no_vary_origin_while_any_origin_may_call(
    server: TestClient, nginx: tuple[str, int], site: Path, origin: str | None
) -> None:
    meeting = sorted((site / "doc" / "meeting").glob("*.html"))[0].stem
    paths = [*PATHS, f"/id/meeting/{meeting}", f"/doc/meeting/{meeting}", f"/doc/meeting/{meeting}.ttl"]
    for path in paths:
        for accept in ("text/html", "text/turtle"):
            headers = {"Accept": accept} | ({"Origin": origin} if origin else {})
            for get, host in ((_server_get, server), (_nginx_get, nginx)):
                status, got, _ = get(host, path, headers)  # type: ignore[operator]
                assert "origin" not in _vary(got), (get.__name__, path, accept, got.get("vary"))
                assert got.get("access-control-allow-origin") == "*", (get.__name__, path, got)
    # the SPARQL endpoint (the server only)
    status, got, _ = _server_get(server, "/sparql?query=ASK%7B%7D", {"Accept": "application/sparql-results+json"})
    assert status == 200 and "origin" not in _vary(got) and got["access-control-allow-origin"] == "*", got


def test_named_origins_are_echoed_and_vary_by_origin(fixture_release: Path) -> None:
    app = create_app(fixture_release, Settings(cors_origins=("https://a.example",)))
    with TestClient(app, base_url="http://localhost") as client:
        allowed = client.get("/index.html", headers={"Origin": "https://a.example"})
        assert allowed.headers["access-control-allow-origin"] == "https://a.example"
        assert "origin" in _vary({"vary": allowed.headers.get("vary", "")})
        other = client.get("/index.html", headers={"Origin": "https://b.example"})
        assert "access-control-allow-origin" not in other.headers
        assert "origin" in _vary({"vary": other.headers.get("vary", "")})


# --- Apache (the export's .htaccess and apache/sakrad.conf), where installed ------------------------

from test_static_apache import _get, _hosts, apache  # noqa: E402, F401  (the module's Apache fixture)


def test_apache_not_found_under_id_follows_accept_language(apache: tuple[Path, int, int]) -> None:  # noqa: F811
    export = apache[0]
    for port, prefix in _hosts(apache):
        for language in LANGUAGES:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            try:
                headers = {"Accept": "text/html"} | ({"Accept-Language": language} if language is not None else {})
                conn.request("GET", prefix + "/id/meeting/no-such-meeting", headers=headers)
                response = conn.getresponse()
                body = response.read()
                vary = {t.strip().lower() for t in (response.getheader("vary") or "").split(",") if t.strip()}
            finally:
                conn.close()
            page = export / ("en/404.html" if language in ENGLISH else "404.html")
            assert response.status == 404 and body == page.read_bytes(), (prefix, language, response.status)
            assert vary == {"accept", "accept-language"}, (prefix, language, vary)
        status, headers, body = _get(port, prefix + "/no/such/path", "text/html")
        assert status == 404 and "accept-language" not in headers.get("vary", "").lower(), headers
