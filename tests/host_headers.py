"""What the server and a static host must agree on besides the answer itself: the reader's language
(``Accept-Language`` at ``/`` and at a thing's IRI) and the caching headers, for a list of paths."""

from __future__ import annotations

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
    return ["/", thing, thing + "/question/1"]


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
    """The fields a host says its answer varies by, but Origin (the server's CORS adds it)."""
    return {t.strip().lower() for t in headers.get("vary", "").split(",") if t.strip()} - {"origin"}


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
