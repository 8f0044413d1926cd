"""A withdrawn IRI answers 410 Gone, not 404 (RFC 9110 §15.5.11), and every answer chosen by
``Accept`` says ``Vary: Accept``: on the server and on the static export's hosts (nginx with the
export's rules, Apache with them from the ``.htaccess`` and from ``apache/sakrad.conf``, at the web
root and under a sub-path; skipped without Apache).

data/withdrawn.yaml lists the IRIs release 1.1.0 published and 1.2.0 withdrew (Hans Dahlgren's
holding credited to the 2021-04 press release among them), and those 1.2.0 published and 1.3.0 withdrew
(facts resting only on the compilation's fields); the release carries them as
withdrawn.json. Their ``/id/…``, ``/en/id/…``, ``/doc/…`` and ``/en/doc/…`` answered 404 before.
An English page's path without ``.html`` (``/en/doc/meeting/x``) answered its page to a program
asking for Turtle, without ``Vary``: it is negotiated now as the document path without ``/en``."""

from __future__ import annotations

import http.client
import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import fixture_project
from nginx_host import nginx_serving
from test_static_apache import SUB_PATH, apache  # noqa: F401 (apache: the fixture)

from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings
from sakrad_ld.sparql.store import Release
from sakrad_ld.web.static import gone_paths
from sakrad_ld.withdrawn import RELEASE_FILE, gone_path

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
ACCEPTS: list[str | None] = [BROWSER, "text/turtle", "application/ld+json", "text/plain", None, "image/png", "*/*"]
HOLDING = "/id/person/hans-dahlgren/holding/eu-minister/regeringen-2021-04-eu-sakrad-framtidskonferensen"
PUBLISHED = Path(__file__).parent / "fixtures" / "published-iris.json"
BASE = "https://w3id.org/sakrad/"


def _variants(path: str) -> list[str]:
    """The request paths of the withdrawn IRI ``/id/{rest}`` answered 410: the IRI, ``/en/id/…``,
    and the document and English page without a suffix and with each (the static rules' list)."""
    return gone_paths(path)


@pytest.fixture(scope="module")
def withdrawn(release: Path) -> list[str]:
    listed = json.loads((release / RELEASE_FILE).read_bytes())["withdrawn"]
    return [item["path"] for item in listed]


@pytest.fixture(scope="module")
def english(release: Path) -> list[str]:
    """English pages' paths without .html: a thing's, a minted IRI's, the ontology's, a role's;
    the page itself; one the data has nothing about; and a list's page, which is a page only."""
    opened = Release.open(release)
    meeting = next(iter(sorted(p for p in opened.files if p.startswith("meetings/") and p.endswith(".ttl"))))
    return [
        "/en/doc/meeting/" + meeting.split("/")[1].removesuffix(".ttl"),
        "/en/dataset",
        "/en/dataset/distribution/turtle",
        "/en/dataset/distribution/turtle.html",
        "/en/ontology",
        "/en/role",
        "/en/doc/meeting/no-such-meeting",
        "/en/lists/meetings",
    ]


def test_the_release_lists_what_1_2_0_withdrew(withdrawn: list[str], release: Path) -> None:
    """The list names IRIs 1.1.0 published (tests/fixtures/published-iris.json lists its notes and
    holdings) that the data no longer has."""
    assert HOLDING in withdrawn
    published = json.loads(PUBLISHED.read_text(encoding="utf-8"))
    assert "withdrawn" in published[BASE + HOLDING[1:]]
    data = (release / "sakrad.nt").read_text(encoding="utf-8")
    assert not [p for p in withdrawn if f"<{BASE}{p[1:]}>" in data]
    assert RELEASE_FILE in Release.open(release).files  # in the manifest and SHA256SUMS


def _get(address: tuple[str, int], path: str, accept: str | None) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection(*address, timeout=10)
    try:
        conn.request("GET", path, headers={"Accept-Language": "sv"} | ({"Accept": accept} if accept else {}))
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


def _answer(status: int, headers: dict[str, str], body: bytes, prefix: str = "") -> tuple:
    """What the hosts and the server must agree on: the status, Vary, a 303's target, the media type
    of anything else, and a 410's body."""
    vary = tuple(sorted(v.strip().lower() for v in headers.get("vary", "").split(",") if v.strip()))
    if status == 303:
        return status, vary, urlsplit(headers["location"]).path.removeprefix(prefix)
    media = headers.get("content-type", "").split(";")[0].strip()
    return status, vary, media, body if status == 410 else b""


@pytest.fixture(scope="module")
def server(release: Path) -> Iterator[object]:
    from starlette.testclient import TestClient

    with TestClient(create_app(release, Settings())) as client:

        def get(path: str, accept: str | None) -> tuple[int, dict[str, str], bytes]:
            headers = {"Accept-Language": "sv"} | ({"Accept": accept} if accept is not None else {})
            r = client.get(path, headers=headers, follow_redirects=False)
            return r.status_code, {k.lower(): v for k, v in r.headers.items()}, r.content

        yield get


def test_the_server_answers_a_withdrawn_iri_410(server: object, withdrawn: list[str], release: Path) -> None:
    # each IRI's answer names the release that withdrew it (1.2.0 or 1.3.0: data/withdrawn.yaml)
    versions = {
        item["path"]: item["version"] for item in json.loads((release / RELEASE_FILE).read_bytes())["withdrawn"]
    }
    for path in withdrawn:
        version = versions[path]
        for asked in _variants(path):
            assert gone_path(asked) == path
            status, headers, body = server(asked, BROWSER)  # type: ignore[operator]
            assert (status, headers["content-type"], headers["vary"]) == (410, "text/html; charset=utf-8", "Accept")
            assert version.encode() in body and BASE.encode() + path[1:].encode() in body
            status, headers, body = server(asked, "text/turtle")  # type: ignore[operator]
            assert (status, headers["content-type"]) == (410, "text/plain; charset=utf-8"), asked
            assert (
                body.startswith(f"410 Gone: {BASE}{path[1:]}".encode())
                and f"Withdrawn in release {version}".encode() in body
            )
    # any other unknown IRI is still 404
    assert server("/doc/person/no-such-person", "image/png")[0] == 406  # type: ignore[operator]
    assert server("/id/person/hans-dahlgren/holding/eu-minister/no-such-source", BROWSER)[0] == 404  # type: ignore[operator]


def test_a_withdrawn_iri_is_410_whatever_the_accept_and_the_form_of_its_path(
    server: object, withdrawn: list[str]
) -> None:
    """No route's own check answers first: a document path without a suffix asked for as a picture
    (``image/png``) was 406, as a document's format negotiated to nothing is, where the static
    hosts' rules answer 410; a format no document has is no reason to hide that the thing is gone."""
    wrong = []
    for path in withdrawn:
        for asked in _variants(path):
            for accept in ACCEPTS:
                status, headers, body = server(asked, accept)  # type: ignore[operator]
                kind = headers.get("content-type", "").split(";")[0]
                if (status, kind, headers.get("vary")) not in (
                    (410, "text/html", "Accept"),
                    (410, "text/plain", "Accept"),
                ):
                    wrong.append(f"{asked} {accept!r}: {status} {kind}")
    assert not wrong, "\n".join(wrong[:20])
    assert any(p.count("/") == 3 for p in withdrawn), "a whole thing (/id/person/x) is among the withdrawn"


def test_the_server_negotiates_an_english_page_path(server: object, english: list[str]) -> None:
    thing, *_, unknown, listing = english
    assert _answer(*server(thing, BROWSER))[:3] == (200, ("accept",), "text/html")  # type: ignore[operator]
    assert _answer(*server(thing, "text/turtle")) == (303, ("accept",), thing.removeprefix("/en") + ".ttl")  # type: ignore[operator]
    assert _answer(*server(thing, "image/png"))[:2] == (406, ("accept",))  # type: ignore[operator]
    assert server(unknown, "text/turtle")[0] == 404  # type: ignore[operator]
    assert _answer(*server(listing, "text/turtle"))[:3] == (200, (), "text/html")  # type: ignore[operator]


def _differences(server: object, host: object, paths: list[str], prefix: str = "") -> list[str]:
    differ = []
    for path in paths:
        for accept in ACCEPTS:
            want = _answer(*server(path, accept))  # type: ignore[operator]
            got = _answer(*host(prefix + path, accept), prefix)  # type: ignore[operator]
            if want != got:
                differ.append(f"{prefix}{path} {accept!r}: server {want}, host {got}")
    return differ


@pytest.fixture(scope="module")
def nginx(export: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    with nginx_serving(export, tmp_path_factory.mktemp("nginx")) as address:
        yield address


def test_nginx_answers_as_the_server(
    nginx: tuple[str, int], server: object, withdrawn: list[str], english: list[str]
) -> None:
    paths = [asked for path in withdrawn for asked in _variants(path)] + english
    differ = _differences(server, lambda path, accept: _get(nginx, path, accept), paths)
    assert not differ, "\n".join(differ[:20])


def test_apache_answers_as_the_server(
    apache: tuple[Path, int, int],  # noqa: F811
    server: object,
    withdrawn: list[str],
    english: list[str],
) -> None:
    _, root_port, sub_port = apache
    paths = [asked for path in withdrawn for asked in _variants(path)] + english
    differ = []
    for port, prefix in ((root_port, ""), (sub_port, SUB_PATH)):
        host = ("127.0.0.1", port)
        differ += _differences(server, lambda path, accept, host=host: _get(host, path, accept), paths, prefix)
    assert not differ, "\n".join(differ[:20])


def refused(tmp_path: Path, entries: str) -> list[str]:
    """What building the fixture project with ``entries`` in data/withdrawn.yaml refuses (it must)."""
    from sakrad_ld.errors import InputErrors
    from sakrad_ld.project import Project
    from sakrad_ld.release import build

    project = fixture_project(tmp_path / "project")
    (project / "data" / "withdrawn.yaml").write_text("withdrawn:\n" + entries, encoding="utf-8")
    with pytest.raises(InputErrors) as caught:
        build(Project.at(project))
    return [str(e) for e in caught.value.errors]


def test_a_withdrawn_iri_the_data_still_mints_is_refused(tmp_path: Path) -> None:
    """A contradiction: the IRI names something. Refused with file, line and field (exit 2)."""
    errors = refused(
        tmp_path,
        "  - iri: /id/meeting/2017-12-12-integration\n    version: 1.0.0\n    why: {sv: Fel., en: Wrong.}\n",
    )
    assert len(errors) == 1 and "withdrawn.yaml:2: withdrawn[0].iri" in errors[0], errors
    assert "still mints https://" in errors[0], errors


@pytest.mark.parametrize(
    "iri",
    ["/doc/meeting/x", "https://example.org/id/meeting/x", "/id/meeting/../x", "/dataset", "id meeting"],
)
def test_a_withdrawn_iri_that_is_no_id_path_of_the_base_is_refused(tmp_path: Path, iri: str) -> None:
    errors = refused(tmp_path, f"  - iri: {iri}\n    version: 1.0.0\n    why: {{sv: Fel., en: Wrong.}}\n")
    assert len(errors) == 1 and "withdrawn[0].iri" in errors[0] and "is not the IRI of a thing" in errors[0], errors


def test_a_withdrawn_entry_without_its_reason_in_english_is_refused(tmp_path: Path) -> None:
    errors = refused(tmp_path, "  - iri: /id/meeting/gone\n    version: 1.0.0\n    why: {sv: Fel.}\n")
    assert len(errors) == 1 and "withdrawn.yaml:4: withdrawn[0].why" in errors[0] and "'en' is missing" in errors[0], (
        errors
    )


def test_both_hosts_rules_name_every_path_of_a_withdrawn_iri() -> None:
    """nginx: an exact location per path (one the server answers 410); Apache: one [G] rule that
    matches the same paths and nothing beside them."""
    import re

    from sakrad_ld.web.static import apache_rules, gone_paths, nginx_server_conf

    paths = gone_paths("/id/person/x.y")
    assert {gone_path(p) for p in paths} == {"/id/person/x.y"}
    nginx = nginx_server_conf(gone=["/id/person/x.y"])
    for p in paths:  # the English page below /en/
        name = "1-en" if p.startswith("/en/") else "1"
        assert f'location = "{p}" {{\n    error_page 410 /apache/gone/{name}.$sakrad_gone;' in nginx, p
    rules = [line for line in apache_rules(gone=["/id/person/x.y"]).splitlines() if "[G," in line]
    assert len(rules) == 2, rules
    for rule in rules:
        pattern, english = rule.split()[1], "SAKRAD_GONE:1-en]" in rule
        assert all(bool(re.search(pattern, p[1:])) == (p.startswith("/en/") == english) for p in paths), rule
        others = [
            "id/person/xzy",
            "id/person/x.y/part",
            "doc/person/x.y.csv",
            "en/doc/person/x.yz.html",
            "sv/id/person/x.y",
        ]
        assert not [p for p in others if re.search(pattern, p)], rule


def test_what_replaces_a_withdrawn_iri_must_be_minted_and_its_release_not_later() -> None:
    from sakrad_ld.errors import InputErrors
    from sakrad_ld.withdrawn import Reason, Withdrawal, check_withdrawn

    why = Reason("Fel.", "Wrong.")
    minted = [BASE + "id/person/y"]
    check_withdrawn([Withdrawal("/id/person/x", "1.2.0", why, "/id/person/y")], BASE, "1.2.0", minted)
    with pytest.raises(InputErrors) as caught:
        check_withdrawn([Withdrawal("/id/person/x", "1.3.0", why, "/id/person/z")], BASE, "1.2.0", minted)
    said = [e.problem for e in caught.value.errors]
    assert len(said) == 2 and "later than the data's version 1.2.0" in said[0] and "no IRI the data mints" in said[1]
    with pytest.raises(InputErrors, match="listed twice"):
        check_withdrawn([Withdrawal(BASE + "id/person/x", "1.2.0", why)] * 2, BASE, "1.2.0", minted)


@pytest.mark.parametrize("version", ["1.3.0-rc1", "2025-01", "v2", "1.2"])
def test_a_data_version_of_other_than_three_numbers_is_no_traceback(version: str) -> None:
    """dataset.yaml allows any version of letters, digits and . _ ~ + -: the order of such a version and a
    withdrawal's is not known, so "later than the data's" is judged only between three numbers."""
    from sakrad_ld.withdrawn import Reason, Withdrawal, check_withdrawn

    why = Reason("Fel.", "Wrong.")
    check_withdrawn([Withdrawal("/id/person/x", "9.0.0", why)], BASE, version, [])


def test_a_later_version_of_three_numbers_each_is_still_refused() -> None:
    from sakrad_ld.errors import InputErrors
    from sakrad_ld.withdrawn import Reason, Withdrawal, check_withdrawn

    why = Reason("Fel.", "Wrong.")
    check_withdrawn([Withdrawal("/id/person/x", "1.9.0", why)], BASE, "1.10.0", [])
    with pytest.raises(InputErrors, match="later than the data's version 1.9.0"):
        check_withdrawn([Withdrawal("/id/person/x", "1.10.0", why)], BASE, "1.9.0", [])


def test_a_withdrawn_json_nested_deeper_than_json_follows_lists_nothing() -> None:
    from sakrad_ld.withdrawn import release_withdrawals

    assert release_withdrawals(b'{"withdrawn": ' + b"[" * 200000 + b"]" * 200000 + b"}") == {}
    assert release_withdrawals(b"[" * 200000) == {}


def test_a_withdrawn_iris_page_is_a_page_of_the_site_in_the_language_of_its_path(
    server: object, withdrawn: list[str]
) -> None:
    """The page of a 410 is in English below ``/en/`` and in Swedish elsewhere, with the site's menu and
    the language switch, and every link relative (it left a site served locally or opened from disk
    for the base IRI's host before); its bytes are the same at every path of the IRI in a language."""
    from html.parser import HTMLParser

    class Links(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.lang, self.hrefs, self.switch = "", [], False

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found = dict(attrs)
            if tag == "html":
                self.lang = found.get("lang") or ""
            if tag in ("a", "link") and found.get("href"):
                self.hrefs.append(found["href"])
                self.switch |= tag == "a" and "language" in (found.get("class") or "")

    for path in withdrawn:
        bodies: dict[str, set[bytes]] = {"sv": set(), "en": set()}
        for asked in _variants(path):
            _, _, body = server(asked, BROWSER)  # type: ignore[operator]
            read = Links()
            read.feed(body.decode())
            lang = "en" if asked.startswith("/en/") else "sv"
            assert read.lang == lang and read.switch, asked
            assert "Withdrawn" in body.decode() if lang == "en" else "Återkallad" in body.decode(), asked
            outside = [h for h in read.hrefs if h.startswith(("http:", "https:", "/")) and not h.startswith("data:")]
            assert not outside, (asked, outside)
            bodies[lang].add(body)
        assert len(bodies["sv"]) == 1 and len(bodies["en"]) == 1, path
