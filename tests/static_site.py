"""What the tests of the static export share: the Accept headers of ``static/accept.tsv``, and the
server's answer to the release graph's IRI, to which the export's rules (nginx and Apache) are
compared rather than to targets written out here."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sakrad_ld.serving.server import create_app, request_once
from sakrad_ld.serving.settings import Settings
from sakrad_ld.sparql.store import Release
from sakrad_ld.web.documents import published_resources

HERE = Path(__file__).resolve().parent


def accept_cases() -> list[tuple[str, str]]:
    """(format name, Accept header) of every row of ``static/accept.tsv``."""
    rows = []
    for line in (HERE / "static" / "accept.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, header = line.split("\t")
            rows.append((name, header))
    return rows


#: The headers the graph's IRI is asked with: none, the table's, and one the server has no format
#: for (406 there; HTML from the static rules, as for every document).
GRAPH_ACCEPT: list[str | None] = [None, *dict.fromkeys(header for _, header in accept_cases()), "image/png"]


def graph_path(opened: Release) -> str:
    """The path of the release graph's IRI on the site (``/graph/1.0.0``)."""
    assert opened.graph.startswith(opened.base_iri + "graph/"), opened.graph
    return opened.graph[len(opened.base_iri) - 1 :]


def served(release: Path, path: str, accept: str | None) -> tuple[int, dict[str, str]]:
    """What ``sakrad-ld serve --release RELEASE --get PATH --accept ACCEPT`` answers (the same
    function, in this process): the status and the headers (names in lower case)."""
    status, headers, _ = request_once(create_app(release, Settings()), path, accept)
    return status, {k.lower(): v for k, v in headers}


def expected_graph_targets(release: Path, opened: Release) -> tuple[dict[str | None, str | None], str]:
    """Every header of :data:`GRAPH_ACCEPT` → where the server sends it (the export's rules must send
    it to the same path), or None where the server answers 406. And the server's ``Cache-Control``
    of the 303."""
    path = graph_path(opened)
    status, headers = served(release, path, "text/html")
    assert status == 303, (path, status)
    cache_control = headers["cache-control"]
    expected: dict[str | None, str | None] = {}
    for accept in GRAPH_ACCEPT:
        status, headers = served(release, path, accept)
        assert status in (303, 406), (accept, status)
        assert "accept" in [v.strip().lower() for v in headers["vary"].split(",")], (accept, headers)
        expected[accept] = headers["location"] if status == 303 else None
    assert len({v for v in expected.values() if v}) >= 4, expected  # the page and at least three downloads
    assert None in expected.values()  # image/png
    return expected, cache_control


#: Accept headers every IRI is asked with, on the server and the export: none, a browser's, each
#: RDF format's, Comunica's default (weights below 1 only), one accepting nothing the site has, and
#: one refusing Turtle by weight 0.
WALK_ACCEPT: list[str | None] = [
    None,
    "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "text/turtle",
    "application/ld+json",
    "application/rdf+xml, */*;q=0.1",
    "application/n-quads,application/trig;q=0.95,application/ld+json;q=0.9,application/n-triples;q=0.8,"
    "text/turtle;q=0.6,application/rdf+xml;q=0.5,text/n3;q=0.35,application/xml;q=0.3,image/svg+xml;q=0.3,"
    "text/xml;q=0.3,text/html;q=0.2,application/xhtml+xml;q=0.18,application/json;q=0.135,text/shaclc;q=0.1,"
    "text/shaclc-ext;q=0.05",
    "image/png",
    "text/turtle;q=0",
]


def published_paths(release: Path, opened: Release, start_page: bytes) -> list[str]:
    """The path (without fragment) of every IRI under the base the release publishes: each term of
    its graph and of its catalogue files (``catalog*.ttl``), and every ``contentUrl`` of the start
    page's schema.org description."""
    import re

    import pyoxigraph as ox

    base = opened.base_iri
    iris = set()
    for quad in opened.store.quads_for_pattern(None, None, None):
        for term in (quad.subject, quad.predicate, quad.object, quad.graph_name):
            if isinstance(term, ox.NamedNode):
                iris.add(term.value)
    for name in opened.files:
        if name.startswith("catalog") and name.endswith(".ttl"):
            for triple in ox.parse((release / name).read_bytes(), ox.RdfFormat.TURTLE, base_iri=base):
                iris.update(t.value for t in triple if isinstance(t, ox.NamedNode))
    iris.update(re.findall(r'"contentUrl":\s*"([^"]+)"', start_page.decode("utf-8")))
    return sorted({"/" + iri[len(base) :].split("#")[0] for iri in iris if iri.startswith(base)})


def answer_class(status: int, headers: dict[str, str], body: bytes, files: dict[str, str], prefix: str = "") -> tuple:
    """What the server and the export must agree on: the status, a 303's target (path less the
    export's ``prefix``, and fragment), a 200's media type and, for a release file (``files``: its
    SHA-256 → its name), which one."""
    import hashlib
    from urllib.parse import urlsplit

    if status == 303:
        target = urlsplit(headers["location"])
        return status, target.path.removeprefix(prefix) + (f"#{target.fragment}" if target.fragment else "")
    if status == 200:
        return status, headers["content-type"].split(";")[0].strip(), files.get(hashlib.sha256(body).hexdigest(), "")
    return (status,)


#: Paths the export answers 404 where the server answers: the SPARQL endpoint (a static host has none).
SERVER_ONLY = ("/sparql",)


def server_answers(release: Path, opened: Release, start_page: bytes) -> dict[tuple[str, str | None], tuple]:
    """``sakrad-ld serve``'s answer (:func:`answer_class`) to every path of :func:`published_paths`
    asked with every header of :data:`WALK_ACCEPT`, in this process."""
    import hashlib

    from starlette.testclient import TestClient

    files = {hashlib.sha256((release / name).read_bytes()).hexdigest(): name for name in opened.files}
    answers = {}
    with TestClient(create_app(release, Settings())) as server:
        for path in published_paths(release, opened, start_page):
            for accept in WALK_ACCEPT:
                r = server.get(path, headers={"accept": accept} if accept else {}, follow_redirects=False)
                headers = {k.lower(): v for k, v in r.headers.items()}
                answers[path, accept] = answer_class(r.status_code, headers, r.content, files)
    return answers


def differences(
    expected: dict[tuple[str, str | None], tuple], get: object, release: Path, opened: Release, prefix: str = ""
) -> list[str]:
    """Where the export (``get(path, accept)`` → status, headers, body) answers otherwise than the
    server; the export's answer under /sparql must be 404 (:data:`SERVER_ONLY`)."""
    import hashlib

    files = {hashlib.sha256((release / name).read_bytes()).hexdigest(): name for name in opened.files}
    differ = []
    for (path, accept), answer in expected.items():
        actual = answer_class(*get(prefix + path, accept), files, prefix)  # type: ignore[operator]
        if path.startswith(SERVER_ONLY):
            answer = (404,)
        if answer != actual:
            differ.append(f"{prefix}{path} {accept!r}: server {answer}, export {actual}")
    return differ


def things_and_parts(opened: Release) -> tuple[list[str], list[str]]:
    """The IRIs of the release's things that have a document, and of their parts (``/id/<kind>/<id>/…``)."""
    base = opened.base_iri
    things = [iri for iri, path in published_resources(opened.store, base) if path.startswith("/doc/")]
    parts = sorted(
        {
            q.subject.value
            for q in opened.store.quads_for_pattern(None, None, None)
            if q.subject.value.startswith(base + "id/") and q.subject.value.count("/") > base.count("/") + 2
        }
    )
    return things, parts


#: A page's script asking with headers a browser does not send without a preflight: Comunica's
#: default Accept (longer than 128 bytes: not CORS-safelisted) and If-None-Match.
PREFLIGHT_REQUEST_HEADERS = ["accept", "accept, if-none-match", "if-none-match", None]


def preflight_paths(opened: Release) -> list[str]:
    """Where a preflight is asked: a thing's and a part's IRI (no redirect for a preflight), a
    document and its file, a release file at its own path and under download/, the JSON-LD
    context, the dataset's IRI, the release graph's IRI, the start page and an unknown path."""
    base = opened.base_iri
    things, parts = things_and_parts(opened)
    thing = things[0][len(base) - 1 :]
    doc = "/doc/" + thing.removeprefix("/id/")
    return [
        thing,
        parts[0][len(base) - 1 :],
        doc,
        f"{doc}.jsonld",
        "/sakrad.ttl",
        "/download/sakrad.ttl",
        "/context.jsonld",
        "/dataset",
        graph_path(opened),
        "/",
        "/no/such/path",
    ]


def preflight(
    request: object, path: str, request_headers: str | None, origin: str = "https://example.org"
) -> tuple[int, dict[str, str]]:
    """``request(method, path, headers)`` → (status, headers with lower-case names): the preflight
    a browser on ``origin`` sends before a GET with ``request_headers``."""
    headers = {"Origin": origin, "Access-Control-Request-Method": "GET"}
    if request_headers is not None:
        headers["Access-Control-Request-Headers"] = request_headers
    return request("OPTIONS", path, headers)  # type: ignore[operator]


@contextmanager
def server_request(release: Path) -> Iterator[object]:
    """``request(method, path, headers)`` → (status, headers) of ``sakrad-ld serve`` in this process."""
    from starlette.testclient import TestClient

    with TestClient(create_app(release, Settings())) as client:

        def request(method: str, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str]]:
            r = client.request(method, path, headers=headers, follow_redirects=False)
            return r.status_code, {k.lower(): v for k, v in r.headers.items()}

        yield request


def _tokens(value: str | None) -> set[str]:
    return {v.strip().lower() for v in (value or "").split(",") if v.strip()}


def preflight_differences(server: object, host: object, paths: list[str], prefix: str = "") -> list[str]:
    """Where the host's answer to a preflight differs from the server's: the status, who may ask,
    the headers that may be sent, how long the answer holds, Vary; the methods are the server's
    but POST (a static host has no SPARQL endpoint). No preflight is answered with a redirect."""
    differ = []
    for path in paths:
        for asked in PREFLIGHT_REQUEST_HEADERS:
            s_status, s = preflight(server, path, asked)
            h_status, h = preflight(host, prefix + path, asked)
            want = (
                s_status,
                s.get("access-control-allow-origin"),
                _tokens(s.get("access-control-allow-methods")) - {"post"},
                _tokens(s.get("access-control-allow-headers")),
                s.get("access-control-max-age"),
                _tokens(s.get("vary")),
            )
            got = (
                h_status,
                h.get("access-control-allow-origin"),
                _tokens(h.get("access-control-allow-methods")),
                _tokens(h.get("access-control-allow-headers")),
                h.get("access-control-max-age"),
                _tokens(h.get("vary")),
            )
            if want != got:
                differ.append(f"{prefix}{path} {asked!r}: server {want}, host {got}")
    return differ


def unminted_paths(opened: Release) -> list[str]:
    """IRI paths the release never minted, each next to one it did (404 on the server): a part the
    thing's document does not describe, a trailing slash, nonsense below a thing or a part, and
    the IRIs of the data in other letter cases (paths are case-sensitive, RFC 3986 §6.2.2.1)."""
    base = opened.base_iri
    things, parts = things_and_parts(opened)
    thing, part = things[0][len(base) - 1 :], parts[0][len(base) - 1 :]
    _, _, kind, name = thing.split("/", 3)
    return [
        f"{thing}/foo",
        f"{thing}/",
        f"{thing}/note/99999",
        f"{part}/bogus/x/y",
        f"{part}/",
        f"/ID/{kind}/{name}",
        f"/id/{kind.upper()}/{name}",
        f"/id/{kind}/{name.title()}",
        "/DATASET",
        "/Dataset",
        "/Catalog",
        graph_path(opened).upper(),
    ]


def query_paths(opened: Release) -> list[str]:
    """IRIs asked with a query (``?x=1``): a thing, a part, the dataset and the release graph."""
    base = opened.base_iri
    things, parts = things_and_parts(opened)
    return [f"{p}?x=1" for p in (things[0][len(base) - 1 :], parts[0][len(base) - 1 :], "/dataset", graph_path(opened))]


def get_differences(server: object, host: object, paths: list[str], prefix: str = "") -> list[str]:
    """Where a GET of each path (without Accept and with Turtle's) is answered otherwise by the host
    than by the server: the status and a 303's whole target (path less ``prefix``, query, fragment)."""
    from urllib.parse import urlsplit

    def answer(status: int, headers: dict[str, str], strip: str) -> tuple:
        if status != 303:
            return (status,)
        t = urlsplit(headers["location"])
        return status, t.path.removeprefix(strip), t.query, t.fragment

    differ = []
    for path in paths:
        for accept in (None, "text/turtle"):
            headers = {"Accept": accept} if accept else {}
            want = answer(*server("GET", path, headers), "")  # type: ignore[operator]
            got = answer(*host("GET", prefix + path, headers), prefix)  # type: ignore[operator]
            if want != got:
                differ.append(f"{prefix}{path} {accept!r}: server {want}, host {got}")
    return differ
