"""What the server and a static host must agree on besides the answer itself: the reader's language
(``Accept-Language`` at ``/`` and at a thing's IRI) and the caching headers, for a list of paths."""

from __future__ import annotations

import http.client
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from email.utils import formatdate
from pathlib import Path

from sakrad_ld.sparql.store import Release
from sakrad_ld.web.documents import published_resources

#: Accept-Language headers as browsers send them and as they may be written (q-values, subtags,
#: letter case, ties, weights that are not weights, more than 32 items).
LANGUAGE_HEADERS = [
    None,
    "",
    "en",
    "sv",
    "en-GB,en;q=0.9",
    "en-US,en;q=0.9,sv;q=0.8",
    "sv-SE,sv;q=0.9,en-US;q=0.8,en;q=0.7",
    "sv,en",
    "en,sv",
    "de-DE,de;q=0.9,en;q=0.8",
    "fr",
    "*",
    "en;q=0.5,sv;q=0.5",
    "sv;q=0.5,en;q=0.5",
    "EN;Q=0.9, SV;q=0.8",
    "en;q=0",
    "sv;q=0,en;q=0.1",
    "en;q=0.05",
    "sv;q=0.01,en;q=0.001",
    "en;q=abc",
    "en;q=1.5",
    "en;q=0.3;q=1,sv;q=0.9",
    "en; q = 0.3 ;x=1, sv;q=0.2",
    "en_GB",
    "en-gb;q=0.8, sv-fi;q=0.7",
    ", ".join(["fr"] * 32 + ["en"]),
    ", ".join(["fr"] * 31 + ["en"]),
]


def language_paths(opened: Release) -> list[str]:
    meeting = next(p for _, p in published_resources(opened.store, opened.base_iri) if p.startswith("/doc/meeting/"))
    thing = "/id/" + meeting.removeprefix("/doc/")
    # and an IRI the data has nothing about: its 404 is in the reader's language too
    return ["/", thing, thing + "/question/1", "/id/meeting/no-such-meeting"]


def language_differences(server: object, host: object, paths: list[str], prefix: str = "") -> list[str]:
    """Where the host answers a path asked with a browser's Accept and each Accept-Language header
    otherwise than the server: the status, a 303's target path, Accept-Language in Vary."""
    from urllib.parse import urlsplit

    differ = []
    for path in paths:
        for language in LANGUAGE_HEADERS:
            headers = {"Accept": "text/html"} | ({"Accept-Language": language} if language is not None else {})
            answers = []
            for ask, strip in ((server, ""), (host, prefix)):
                status, got = ask("GET", (strip or "") + path, headers)  # type: ignore[operator]
                target = urlsplit(got.get("location", "")).path.removeprefix(strip) if status == 303 else ""
                answers.append((status, target, "accept-language" in vary_tokens(got)))
            if answers[0] != answers[1]:
                differ.append(f"{path} Accept-Language {language!r}: server {answers[0]}, host {answers[1]}")
    return differ


def vary_tokens(headers: dict[str, str]) -> set[str]:
    """The fields a host says its answer varies by."""
    return {t.strip().lower() for t in headers.get("vary", "").split(",") if t.strip()}


def caching_paths(opened: Release) -> list[str]:
    """Paths of every kind a host answers: pages, lists, feeds, sitemap, robots, downloads, the
    context, assets, negotiated and named documents, a thing, the dataset, unknown paths."""
    meeting = next(p for _, p in published_resources(opened.store, opened.base_iri) if p.startswith("/doc/meeting/"))
    return [
        "/",
        "/en/",
        "/index.html",
        "/lists/meetings.html",
        "/lists/meetings.csv",
        "/feeds/meetings.atom",
        "/sitemap.xml",
        "/robots.txt",
        "/search-index.js",
        "/assets/style.css",
        "/download/sakrad.ttl",
        "/sakrad.ttl",
        "/context.jsonld",
        meeting,
        f"{meeting}.html",
        f"{meeting}.ttl",
        f"/en{meeting}.html",
        "/id/" + meeting.removeprefix("/doc/"),
        "/dataset",
        "/dataset.html",
        "/role",
        "/ontology",
        "/id/meeting/no-such-meeting",
        "/no/such/page",
    ]


def caching_differences(server: object, host: object, paths: list[str], prefix: str = "") -> list[str]:
    """Where the host's Cache-Control or Vary differs from the server's, for a browser's Accept and
    for one that accepts nothing (406 where a path negotiates). A 404's Vary is not compared."""
    differ = []
    for path in paths:
        for accept in ("text/html", "text/turtle;q=0"):
            answers = []
            for ask, strip in ((server, ""), (host, prefix)):
                status, got = ask("GET", strip + path, {"Accept": accept})  # type: ignore[operator]
                answers.append((status, got.get("cache-control"), vary_tokens(got) if status != 404 else None))
            if answers[0] != answers[1]:
                differ.append(f"{path} {accept!r}: server {answers[0]}, host {answers[1]}")
    return differ


def random_language_headers(count: int, seed: int = 15) -> list[str]:
    """``count`` Accept-Language headers drawn at random (the same for a seed): English and Swedish
    among other languages, as tags with subtags and in any letter case, with weights of every kind
    (1, 0.x, 0.0x, 0, three decimals, none, ``.5``, not a weight), other parameters, blanks, empty
    items and up to 40 items (the server reads the first 32)."""
    import random

    chance = random.Random(seed)
    tags = ["en", "sv", "en-GB", "en-us", "sv-SE", "sv-fi", "EN", "Sv", "de", "fr", "*", "en_GB", "eng", "svx", "nb"]
    weights = ["", "1", "1.0", "1.000", "0.9", "0.85", "0.8", "0.5", "0.55", "0.3", "0.1", "0.09", "0.05", "0.001"]
    weights += ["0", "0.0", "0.000", ".5", "abc", "1.5", "-1", ""]
    blanks = ["", " ", "\t", "  "]
    headers = []
    for _ in range(count):
        items = []
        for _ in range(chance.choice([1, 1, 2, 2, 3, 3, 4, 5, 8, chance.randint(30, 40)])):
            item = chance.choice(blanks) + chance.choice(tags) + chance.choice(blanks)
            if chance.random() < 0.15:
                item += ";x=" + chance.choice(["1", "q", "0.9"])
            w = chance.choice(weights)
            if w or chance.random() < 0.05:
                q = chance.choice(["q", "Q"])
                item += f";{chance.choice(blanks)}{q}{chance.choice(blanks)}={chance.choice(blanks)}{w}"
            if chance.random() < 0.05:
                item += ";q=" + chance.choice(weights)  # a second weight: the last counts
            items.append(item)
        if chance.random() < 0.05:
            items.insert(chance.randint(0, len(items)), "")  # an empty item
        headers.append(chance.choice([",", ", ", " , "]).join(items).strip(" \t"))  # as a server reads it
    return headers


#: The ``Range`` headers a host must answer as the server does: one range, the last bytes, from a
#: byte on, several, past the end (also with more digits than a 64-bit integer holds), another unit.
RANGES = (
    "bytes=0-9",
    "bytes=-5",
    "bytes=10-",
    "bytes=0-9,20-29",
    "bytes=999999999-",
    "bytes=99999999999999999999999999-",
    "bytes=" + "0" * 30 + "5-",  # leading zeros: the sixth byte on
    "items=0-3",
)


def exchange_cases(opened: Release) -> list[tuple[str, str, dict[str, str]]]:
    """Requests (method, path, headers) a host must answer as the server does besides GET: HEAD, the
    methods a static site does not take, ``Range`` (one, the last bytes, several, past the end,
    another unit) on release files, a kept copy, the JSON-LD context, a document and a page, and
    ``If-None-Match`` (``*``, a tag nothing has) on files, a negotiated document and unknown paths."""
    meeting = next(p for _, p in published_resources(opened.store, opened.base_iri) if p.startswith("/doc/meeting/"))
    thing = "/id/" + meeting.removeprefix("/doc/")
    kept = sorted(name for name in opened.files if name.startswith("sources/"))
    files = ["/sakrad.ttl", "/download/sakrad.ttl", "/context.jsonld", *(f"/{name}" for name in kept[:2])]
    cases: list[tuple[str, str, dict[str, str]]] = []
    for path in caching_paths(opened) + [thing + "/question/1", "/graph/x"]:
        cases.append(("HEAD", path, {"Accept": "text/turtle"}))
    for method in ("POST", "PUT", "DELETE", "PATCH", "OPTIONS"):
        for path in ("/", thing, meeting, f"{meeting}.ttl", "/sakrad.ttl", "/no/such/page"):
            cases.append((method, path, {}))
    for path in [*files, f"{meeting}.ttl", meeting, "/index.html", "/lists/meetings.csv"]:
        for asked in RANGES:
            cases.append(("GET", path, {"Range": asked}))
            cases.append(("HEAD", path, {"Range": asked}))
    for path in [*files, f"{meeting}.ttl", meeting, "/index.html", "/", "/no/such/page", thing + "/nothing"]:
        for tag in ("*", '"no-such-tag"'):
            cases.append(("GET", path, {"If-None-Match": tag}))
    return cases


def exchange_differences(
    server: object, host: object, cases: list[tuple[str, str, dict[str, str]]], prefix: str = ""
) -> list[str]:
    """Where the host answers a request of :func:`exchange_cases` otherwise than the server: the
    status, the media type, ``Content-Range`` of a 206, ``Allow`` of a 405, ``Cache-Control``,
    ``Vary`` (but of a 404), whether ``Accept-Ranges`` (on a 200) and (but on a 404) ``ETag`` are
    sent, and ``nosniff``. A 303's target is compared elsewhere (``language_differences``, static_site)."""
    differ = []
    for method, path, headers in cases:
        answers = []
        for ask, strip in ((server, ""), (host, prefix)):
            status, got = ask(method, strip + path, headers)  # type: ignore[operator]
            answers.append(
                (
                    status,
                    got.get("content-type", "").split(";")[0].strip() if status in (200, 206) else None,
                    got.get("content-range") if status == 206 else None,
                    {t.strip() for t in got.get("allow", "").split(",") if t.strip()} if status == 405 else None,
                    got.get("cache-control"),
                    vary_tokens(got) if status != 404 else None,
                    "accept-ranges" in got if status == 200 else None,  # nginx states it on no 206
                    "etag" in got if status in (200, 206, 304) else None,
                    {t.strip() for t in got.get("x-content-type-options", "").split(",") if t.strip()},
                )
            )
        if answers[0] != answers[1]:
            differ.append(f"{method} {path} {headers}: server {answers[0]}, host {answers[1]}")
    return differ


def media_type_paths(opened: Release, export: Path) -> list[str]:
    """Paths whose whole ``Content-Type`` a host must send as the server does: every release file at
    its own path and under ``download/`` (``SHA256SUMS``, the kept copies under ``sources/``, a
    ``schema/x.schema.json``), and one file of each suffix in each folder of the export's site (a
    page, a document of each format, the sitemap, the lists' CSV, a picture, the feeds …)."""
    paths = [p for name in sorted(opened.files) for p in (f"/{name}", f"/download/{name}")]
    kinds = set()
    for file in sorted(export.rglob("*")):
        rel = file.relative_to(export).as_posix()
        kind = (rel.split("/")[0] if "/" in rel else "", file.suffix)
        if file.is_file() and not rel.startswith(("download/", "nginx/", "apache/", ".")) and kind not in kinds:
            kinds.add(kind)
            paths.append(f"/{rel}")
    return paths


def media_type_differences(server: object, host: object, paths: list[str], prefix: str = "") -> list[str]:
    """Where the host answers a GET of ``paths`` with another status or ``Content-Type`` (charset and
    every parameter included) than the server."""
    differ = []
    for path in paths:
        want = server("GET", path, {})  # type: ignore[operator]
        got = host("GET", prefix + path, {})  # type: ignore[operator]
        if (want[0], want[1].get("content-type")) != (got[0], got[1].get("content-type")):
            differ.append(
                f"{path}: server {want[0], want[1].get('content-type')}, host {got[0], got[1].get('content-type')}"
            )
    return differ


def host_exchange(address: tuple[str, int]) -> Callable[[str, str, dict[str, str]], tuple[int, dict[str, str], bytes]]:
    """``ask(method, path, headers)`` → (status, headers with lower-case names, body) of a host on
    ``address``; a field sent several times is joined by commas, as RFC 9110 §5.3 reads it (so a
    header a host sends twice shows)."""

    def ask(method: str, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPConnection(*address, timeout=10)
        try:
            conn.request(method, path, headers=headers)
            response = conn.getresponse()
            body = response.read()
            got: dict[str, str] = {}
            for name, value in response.getheaders():
                got[name.lower()] = f"{got[name.lower()]}, {value}" if name.lower() in got else value
            return response.status, got, body
        finally:
            conn.close()

    return ask


def host_request(address: tuple[str, int]) -> Callable[[str, str, dict[str, str]], tuple[int, dict[str, str]]]:
    """``request(method, path, headers)`` → (status, headers) of :func:`host_exchange`."""
    ask = host_exchange(address)

    def request(method: str, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str]]:
        return ask(method, path, headers)[:2]

    return request


@contextmanager
def server_exchange(release: Path) -> Iterator[Callable[[str, str, dict[str, str]], tuple[int, dict[str, str], bytes]]]:
    """``ask(method, path, headers)`` → (status, headers, body) of ``sakrad-ld serve`` in this process."""
    from starlette.testclient import TestClient

    from sakrad_ld.serving.server import create_app
    from sakrad_ld.serving.settings import Settings

    with TestClient(create_app(release, Settings())) as client:

        def ask(method: str, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
            r = client.request(method, path, headers=headers, follow_redirects=False)
            return r.status_code, {k.lower(): v for k, v in r.headers.items()}, r.content

        yield ask


#: Accept headers a 404 is asked with: a browser's, a program's (RDF, JSON, anything, an image), none.
NOT_FOUND_ACCEPT = [
    None,
    "text/html",
    "text/turtle",
    "application/json",
    "*/*",
    "image/png",
    "text/html;q=0.1, application/problem+json",
]
#: A date before any file of the release was written.
PAST = "Thu, 01 Jan 1970 00:00:01 GMT"


#: Folders of the export without an index.html: not found, as on the server (nginx's index module
#: would answer 403, Apache's a listing or 403), in Swedish and English.
FOLDERS = (
    "/doc/",
    "/doc/meeting/",
    "/download/",
    "/download/tables/",
    "/en/doc/meeting/",
    "/lists/meetings/",
    "/assets/",
    "/en/lists/",
    "/nginx/",
)


def answer_cases(opened: Release) -> list[tuple[str, str, dict[str, str]]]:
    """Requests (method, path, headers; each from a page of another origin) whose whole answer a
    host must give as the server does: 303 (a thing, a part, the dataset, the graph, ``/`` for an
    English reader), 406, 405 (POST, PUT, DELETE at a file, a release file, a document, an IRI, an
    unknown path, in Swedish and in English), 416 (a release file, the context, past the end), 404
    (Swedish and English paths, under id/ and doc/, a file's suffix, folders of the export without an
    index.html, each by the Accept headers of
    :data:`NOT_FOUND_ACCEPT`), 304 (If-None-Match), If-Modified-Since, HEAD and GET of files of every
    kind; each without and with an English reader's Accept-Language."""
    meeting = next(p for _, p in published_resources(opened.store, opened.base_iri) if p.startswith("/doc/meeting/"))
    thing = "/id/" + meeting.removeprefix("/doc/")
    graph = opened.graph[len(opened.base_iri) - 1 :]
    files = ["/sakrad.ttl", "/download/sakrad.ttl", "/context.jsonld"]
    others = ["/index.html", meeting, f"{meeting}.ttl", f"/en{meeting}.html", "/en/", "/lists/meetings.csv"]
    now = formatdate(time.time(), usegmt=True)  # after every file was written, and not in the future
    cases: list[tuple[str, str, dict[str, str]]] = []
    for language in ({}, {"Accept-Language": "en"}):
        asked = {"Origin": "https://example.org", **language}
        for path in (thing, thing + "/question/1", "/dataset", graph, "/", meeting):
            for accept in ("text/html", "text/turtle", "text/turtle;q=0"):
                cases.append(("GET", path, {**asked, "Accept": accept}))
        for method in ("POST", "PUT", "DELETE"):
            for path in (
                "/index.html",
                "/sakrad.ttl",
                f"{meeting}.ttl",
                "/",
                thing,
                "/no/such",
                "/en/index.html",
                "/en/no/such",
            ):
                cases.append((method, path, asked))
        for path in files:
            for ranges in ("bytes=999999999-", "bytes=0-9"):
                cases.append(("GET", path, {**asked, "Range": ranges}))
        for path in (
            "/no/such",
            "/en/no/such",
            "/id/meeting/nothing",
            "/doc/meeting/nothing",
            "/en/doc/meeting/x.html",
            "/no.ttl",
            *FOLDERS,
        ):
            for accept in NOT_FOUND_ACCEPT:
                cases.append(("GET", path, {**asked} if accept is None else {**asked, "Accept": accept}))
            cases.append(("HEAD", path, {**asked, "Accept": "text/turtle"}))
        for path in files + others:
            cases.append(("GET", path, asked))
            cases.append(("HEAD", path, asked))
            cases.append(("GET", path, {**asked, "If-None-Match": "*"}))
            cases.append(("GET", path, {**asked, "If-Modified-Since": now}))
            cases.append(("GET", path, {**asked, "If-Modified-Since": PAST}))
    return cases


def answer_of(
    status: int,
    headers: dict[str, str],
    body: bytes,
    prefix: str = "",
    unsent: frozenset[tuple[int, str]] = frozenset(),
) -> tuple:
    """What a user or a client can tell of an answer: the status; every header but those of the
    connection and the server's own (Date, Server, Content-Length, the ETag's and Last-Modified's
    values — which of them is sent counts, on a 200, 206 or 304), ``Vary`` and ``Allow`` as sets (Vary
    without Origin, which only the server's CORS adds); a 303's target path and fragment; the body:
    a page's language, a problem's title and status, any other body's bytes. Not compared: a 303's
    body and its Content-Type (nginx and Apache write their own HTML, which no client reads), a
    304's Content-Type, the Link and Content-Location of the server's documents, its X-Cache and the
    headers its CORS exposes (Retry-After, X-Cache: the hosts send neither); ``unsent``: (status,
    header) a host is known not to send, left out of both answers."""
    import json
    from urllib.parse import urlsplit

    skip = {"date", "server", "connection", "keep-alive", "content-length", "transfer-encoding", "accept-ranges"}
    skip |= {"etag", "last-modified", "vary", "allow", "location", "link", "content-location", "x-cache"}
    skip |= {"access-control-expose-headers"}
    skip |= {name for code, name in unsent if code == status}
    got: dict[str, object] = {k: v for k, v in sorted(headers.items()) if k not in skip}
    got["vary"] = vary_tokens(headers)
    got["allow"] = {t.strip() for t in headers.get("allow", "").split(",") if t.strip()}
    validated = status in (200, 206, 304)
    got["etag"] = "etag" in headers if validated else None
    got["last-modified"] = "last-modified" in headers if validated else None
    if "location" in headers:
        target = urlsplit(headers["location"])
        got["location"] = target.path.removeprefix(prefix) + (f"#{target.fragment}" if target.fragment else "")
    if status in (303, 304):
        got.pop("content-type", None)
    if status == 303:
        return status, got, b""
    if headers.get("content-type", "").startswith("application/problem+json") and body:
        problem = json.loads(body)
        return status, got, ("problem", problem["title"], problem["status"])
    page = (
        re.search(rb'<html lang="([a-z]+)"', body[:500])
        if headers.get("content-type", "").startswith("text/html")
        else None
    )
    return status, got, ("page", page[1]) if page else body


def answer_differences(
    server: object,
    host: object,
    cases: list[tuple[str, str, dict[str, str]]],
    prefix: str = "",
    unsent: set[tuple[int, str]] | frozenset[tuple[int, str]] = frozenset(),
) -> list[str]:
    """Where the host answers a request of :func:`answer_cases` otherwise than the server, as
    :func:`answer_of` tells them apart (``server`` and ``host``: ``ask(method, path, headers)`` →
    status, headers, body)."""
    differ = []
    for method, path, headers in cases:
        want = answer_of(*server(method, path, headers), "", frozenset(unsent))  # type: ignore[operator]
        got = answer_of(*host(method, prefix + path, headers), prefix, frozenset(unsent))  # type: ignore[operator]
        if want != got:
            differ.append(f"{method} {path} {headers}:\n  server {want!r:.600}\n  host   {got!r:.600}")
    return differ
