"""The static export, served by real nginx with the rules it writes (Debian's nginx; .ci/run installs it).

nginx runs on 127.0.0.1 on a free port, as the test's own user (``master_process off``), with the
export's two include files in a minimal configuration, and is stopped afterwards. Every resource
of the release is asked for by its IRI's path (303 to its document) and its document by every
Accept header of ``static/accept.tsv``; the answer must be the file of the right format, whose
triples are the document's (:func:`sakrad_ld.web.describe.document_triples`). A crawl from the start
page follows every internal link — through nginx at the root, and through a plain static file server
(no rules at all) with the export under a sub-path, as a site would be from ``file://``. Hostile
paths (a header injected through a decoded capture) and the rules' own files are refused. The
release graph's IRI (``/graph/{version}``) leads where ``sakrad-ld serve`` sends it, asked in this
process for every header (``static_site``). The same rules for Apache: ``test_static_apache.py``.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import pytest
from graphs import assert_isomorphic
from host_headers import host_request
from nginx_host import nginx_serving
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node
from static_site import (
    GRAPH_ACCEPT,
    WALK_ACCEPT,
    accept_cases,
    differences,
    expected_graph_targets,
    get_differences,
    graph_path,
    preflight_differences,
    preflight_paths,
    query_paths,
    served,
    server_answers,
    server_request,
    things_and_parts,
    unminted_paths,
)
from variant_validators import one_validator_for_two_formats, variant_validator_differences, without_variant_etag
from variants import negotiated_paths, variant_differences

from sakrad_ld.formats import FORMATS, HTML
from sakrad_ld.jsonld import context_document
from sakrad_ld.rdflib_edge import rdflib_term
from sakrad_ld.serving.documents import is_role
from sakrad_ld.serving.negotiation import choose
from sakrad_ld.sparql.store import Release
from sakrad_ld.vocab import ONTOLOGY_IRI
from sakrad_ld.web.describe import document_triples
from sakrad_ld.web.documents import published_resources
from sakrad_ld.web.static import (
    DATASET_PATH,
    NGINX_HTTP,
    NGINX_SERVER,
    NOT_ACCEPTABLE,
    choose_by_map,
    export_site,
)

XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")
BY_NAME = {f.name: f for f in (HTML, *FORMATS)}
RDFLIB_FORMAT = {"turtle": "turtle", "jsonld": "json-ld", "ntriples": "nt", "rdfxml": "xml"}


ACCEPT = accept_cases()


@pytest.fixture(scope="module")
def opened(release: Path) -> Release:
    return Release.open(release)


@pytest.fixture(scope="module")
def nginx(export: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    with nginx_serving(export, tmp_path_factory.mktemp("nginx")) as address:
        yield address


class Client:
    """One HTTP/1.1 connection kept alive between requests, as a browser or a crawler keeps it. When
    the server has closed it while it was idle (nginx closes a kept-alive connection after
    ``keepalive_timeout``, which a busy machine's run of the module can pass between two tests), the
    GET is sent again once on a new connection, as RFC 9112 section 9.3.1 allows for an idempotent
    request; a request that fails on a new connection fails the test."""

    def __init__(self, address: tuple[str, int]) -> None:
        self.conn = http.client.HTTPConnection(*address, timeout=10)

    def get(self, path: str, accept: str | None = None) -> tuple[int, dict[str, str], bytes]:
        headers = {"Accept": accept} if accept is not None else {}
        kept = self.conn.sock is not None  # a connection an earlier request opened
        try:
            self.conn.request("GET", path, headers=headers)
            response = self.conn.getresponse()
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            if not kept:
                raise
            self.conn.close()
            self.conn.request("GET", path, headers=headers)
            response = self.conn.getresponse()
        body = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body


@pytest.fixture(scope="module")
def client(nginx: tuple[str, int]) -> Client:
    return Client(nginx)


def _plain(term: Node) -> Node:
    """rdflib keeps ``"x"`` and ``"x"^^xsd:string`` apart; RDF 1.1 does not."""
    return Literal(str(term)) if isinstance(term, Literal) and term.datatype == XSD_STRING else term


def _documents(opened: Release) -> list[tuple[str, str]]:
    """Every resource's document, the ontology's too (the role scheme's and the roles' at ``/role….{ext}``)."""
    return [*published_resources(opened.store, opened.base_iri), (ONTOLOGY_IRI.value, "/ontology")]


def _negotiated(opened: Release) -> list[tuple[str, str]]:
    """The documents whose path without extension is negotiated (the role scheme's and the roles'
    answer 303 there: theirs are slash IRIs of things)."""
    return [(iri, path) for iri, path in _documents(opened) if not is_role(path)]


def test_the_accept_table_agrees_with_the_servers_negotiation() -> None:
    for name, header in ACCEPT:
        chosen = choose(header, (HTML, *FORMATS))
        assert (chosen.name if chosen else "none") == name, f"{header!r}: the table says {name}, the server {chosen}"
        wanted = BY_NAME[name].suffix[1:] if chosen else NOT_ACCEPTABLE
        assert choose_by_map(header) == wanted, f"{header!r}: the rules' map says {choose_by_map(header)!r}"


def test_the_accept_map_chooses_what_the_server_chooses() -> None:
    """Headers of every kind (named types, aliases, type/*, */*, weights 0 to 1, none acceptable)
    read by the rules' regular expressions as nginx and Apache read them: the server's choice
    wherever the weights that decide differ in their first decimal."""
    import random

    offers = (HTML, *FORMATS)
    types = [m for f in offers for m in (f.media_type, *f.aliases)]
    types += ["application/n-quads", "application/trig", "image/png", "*/*", "text/*", "application/*"]
    weights = ["", "1", "1.0", "0.9", "0.8", "0.5", "0.3", "0.1", "0.05", "0", "0.0"]
    chance = random.Random(15)
    tried = set()
    for _ in range(4000):
        ranges = []
        for media in chance.sample(types, chance.randint(1, 5)):
            w = chance.choice(weights)
            ranges.append(media + (f";q={w}" if w else "") + chance.choice(["", ";charset=utf-8"]))
        header = chance.choice([",", ", "]).join(ranges)
        chosen = choose(header, offers)
        tried.add(chosen.name if chosen else "none")
        assert choose_by_map(header) == (chosen.suffix[1:] if chosen else NOT_ACCEPTABLE), header
    assert tried == {*BY_NAME, "none"}, tried
    assert choose_by_map(None) == choose_by_map("") == "html"


def test_every_answer_allows_any_origin_as_the_servers_do(client: Client, opened: Release) -> None:
    meeting = next(p for _, p in published_resources(opened.store, opened.base_iri) if p.startswith("/doc/meeting/"))
    for path in ("/context.jsonld", "/sakrad.ttl", "/download/sakrad.ttl", meeting, "/index.html", "/id/nothing"):
        _, headers, _ = client.get(path, "text/turtle")
        assert headers.get("access-control-allow-origin") == "*", (path, headers)


def test_every_thing_and_every_part_answers_303_with_its_document(client: Client, opened: Release) -> None:
    base = opened.base_iri
    things, parts = things_and_parts(opened)
    assert len(things) > 10 and len(parts) > 10
    for iri in things + parts:
        path = iri[len(base) - 1 :]
        status, headers, _ = client.get(path)
        assert status == 303, path
        kind, id, *part = path.split("/")[2:]
        target = urlsplit(headers["location"])  # the page (no Accept), a part at its fragment, as the server sends
        assert (target.path, target.fragment) == (f"/doc/{kind}/{id}.html", "/".join(part)), path


def test_every_accept_header_gets_the_file_of_its_format(client: Client, opened: Release, export: Path) -> None:
    for _iri, path in _negotiated(opened):
        for name, header in ACCEPT:
            status, headers, body = client.get(path, header)
            if name == "none":
                assert status == 406 and "Accept" in headers.get("vary", ""), (path, header, status)
                continue
            wanted = BY_NAME[name]
            assert status == 200, (path, header)
            assert headers["content-type"].split(";")[0] == wanted.media_type, (path, header, headers["content-type"])
            assert "Accept" in headers.get("vary", ""), path
            assert body == (export / f"{path[1:]}{wanted.suffix}").read_bytes(), (path, header)


def test_the_role_scheme_and_every_role_answer_303_to_the_file_of_each_format(client: Client, opened: Release) -> None:
    """A role's IRI (``/role/chair``) and the scheme's (``/role``) are slash IRIs of things, as
    ``/id/…`` are: 303 See Other to the document in the negotiated format (Cool URIs §4.3), as from
    the server; the ontology's terms are hash IRIs, so ``/ontology`` is answered 200 itself."""
    roles = [path for _, path in _documents(opened) if is_role(path)]
    assert "/role" in roles and len(roles) > 3, roles
    for path in roles:
        for name, header in ACCEPT:
            status, headers, _ = client.get(path, header)
            assert "Accept" in headers.get("vary", ""), (path, header)
            if name == "none":
                assert status == 406, (path, header, status)
                continue
            assert status == 303, (path, header, status)
            assert urlsplit(headers["location"]).path == path + BY_NAME[name].suffix, (path, header)
            assert client.get(path + BY_NAME[name].suffix)[0] == 200, (path, header)
    assert client.get("/ontology", "text/turtle")[0] == 200


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's JSON-LD parser uses ConjunctiveGraph
def test_each_rdf_file_holds_the_document_of_its_resource(client: Client, opened: Release) -> None:
    for iri, path in _documents(opened):
        expected = Graph()
        for t in document_triples(opened.store, iri):
            expected.add((rdflib_term(t.subject), rdflib_term(t.predicate), _plain(rdflib_term(t.object))))
        assert len(expected) > 0, iri
        for f in FORMATS:
            status, headers, body = client.get(f"{path}{f.suffix}")
            assert status == 200 and headers["content-type"].split(";")[0] == f.media_type, (path, f.name)
            if f.name == "jsonld":  # its context inline: a part of the published one, read offline as it is
                context = json.loads(body)["@context"]
                assert {k: context_document()["@context"][k] for k in context} == context
            actual = Graph().parse(data=body, format=RDFLIB_FORMAT[f.name], publicID=opened.base_iri)
            assert_isomorphic(expected, actual, f"{path}{f.suffix}")


def crawl(get: Callable[[str], tuple[int, dict[str, str], bytes]], start: str) -> set[str]:
    """Follows every link from ``start`` that stays under its folder; fails on a broken link or a
    ``#fragment`` its page lacks. Returns the paths seen."""
    root = start.rsplit("/", 1)[0] + "/"
    seen: set[str] = set()
    ids: dict[str, set[str]] = {}
    fragments: list[tuple[str, str, str]] = []
    queue = [start]
    broken = []
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        status, headers, body = get(path)
        if status != 200:
            broken.append(f"{path} answers {status}")
            continue
        if not headers["content-type"].startswith("text/html"):
            continue
        html = body.decode("utf-8")
        ids[path] = set(re.findall(r'\sid="([^"]+)"', html))
        for href in re.findall(r'\s(?:href|src)="([^"]+)"', html):
            href = href.replace("&amp;", "&")
            if href.startswith(("http:", "https:", "mailto:", "data:", "//")):
                continue
            assert not href.startswith("/"), f"{path} has the link {href} from the server's root"
            target, fragment = urldefrag(urljoin(path, href))
            target = target.split("?")[0]
            assert target.startswith(root), f"{path} links out of the site's folder: {href}"
            if fragment:
                fragments.append((path, target, unquote(fragment)))
            if target not in seen:
                queue.append(target)
    assert not broken, "broken links:\n" + "\n".join(sorted(broken)[:30])
    for source, target, fragment in fragments:
        if target in ids:
            assert fragment in ids[target], f"{source} links to {target}#{fragment}, which has no such id"
    return seen


def test_a_crawl_from_the_start_page_finds_no_broken_link(client: Client) -> None:
    seen = crawl(lambda path: client.get(path, "text/html"), "/index.html")
    assert any(p.startswith("/doc/meeting/") for p in seen) and any(p.startswith("/doc/organisation/") for p in seen)
    assert "/ontology.html" in seen and any(p.startswith("/download/") for p in seen)
    assert any(p.startswith("/en/doc/meeting/") for p in seen) and "/lists/meetings.csv" in seen
    assert "/search.html" in seen and any(p.startswith("/lists/meetings/year/") for p in seen)


@pytest.fixture(scope="module")
def plain_server(export: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Python's own static file server (no rules of any kind), with the export at ``/a/sub/path/``."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    top = tmp_path_factory.mktemp("www")
    (top / "a" / "sub").mkdir(parents=True)
    (top / "a" / "sub" / "path").symlink_to(export, target_is_directory=True)

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(top)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_the_export_works_under_a_sub_path_with_a_plain_static_server(plain_server: str) -> None:
    conn = http.client.HTTPConnection(plain_server, timeout=10)

    def get(path: str) -> tuple[int, dict[str, str], bytes]:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()

    seen = crawl(get, "/a/sub/path/index.html")
    assert len(seen) > 100 and "/a/sub/path/en/index.html" in seen
    assert any(p.startswith("/a/sub/path/doc/meeting/") for p in seen)
    assert (
        _links_resolve(get, f"/a/sub/path{DATASET_PATH}.html", "/a/sub/path/") > 20
    )  # where the graph's IRI leads a browser


def test_every_link_of_the_export_names_a_file_so_it_works_from_file_urls(export: Path) -> None:
    """What a browser opening ``file://…/index.html`` would find: every link is a file on disk."""
    seen = crawl(
        lambda path: (
            (
                200,
                {"content-type": "text/html" if path.endswith(".html") else "other"},
                (export / path[1:]).read_bytes(),
            )
            if (export / path[1:]).is_file()
            else (404, {}, b"")
        ),
        "/index.html",
    )
    assert len(seen) > 100


def test_a_header_cannot_be_injected_through_an_iri_path(client: Client, opened: Release) -> None:
    meeting = next(
        iri for iri, path in published_resources(opened.store, opened.base_iri) if path.startswith("/doc/meeting/")
    )
    path = meeting[len(opened.base_iri) - 1 :]
    for hostile in (
        f"{path}%0d%0aSet-Cookie:%20pwned=1",
        "/id/meeting/x%0d%0aSet-Cookie:%20pwned=1",
        f"{path}/%0aX-Injected:%201",
        "/id/meeting/%0d%0a%0d%0a<script>",
    ):
        status, headers, _ = client.get(hostile)
        assert status == 404, (hostile, status)
        assert "set-cookie" not in headers and "x-injected" not in headers, (hostile, headers)


def test_the_release_graphs_iri_leads_where_the_server_sends_it(
    client: Client, release: Path, opened: Release, export: Path
) -> None:
    expected, cache_control = expected_graph_targets(release, opened)
    path = graph_path(opened)
    for accept in GRAPH_ACCEPT:
        status, headers, _ = client.get(path, accept)
        assert "Accept" in headers.get("vary", ""), (accept, headers)
        if expected[accept] is None:
            assert status == 406, (accept, status)
            continue
        assert status == 303, (accept, status)
        assert urlsplit(headers["location"]).path == expected[accept], (accept, headers["location"])
        assert headers.get("cache-control") == cache_control, (accept, headers)
    for target in sorted({t for t in expected.values() if t}):
        status, headers, body = client.get(target)
        on_disk = export / target[1:] if target.endswith(".html") else release / target[1:]
        assert status == 200 and body == on_disk.read_bytes(), target
    page = f"{DATASET_PATH}.html"
    assert expected["text/html"] == page and opened.base_iri + DATASET_PATH[1:] in (export / page[1:]).read_text()
    for name in (f.name for f in FORMATS):  # every download the graph leads to is the release's file
        target = expected[next(header for n, header in ACCEPT if n == name)]
        if target is not None and target != page:
            assert target[1:] in opened.files, target


def test_another_version_of_the_graph_answers_404(client: Client, release: Path, opened: Release) -> None:
    path = graph_path(opened)
    for other in ("/graph/0.0.1", "/graph/", f"{path}/", f"{path}.ttl", f"{path}x", f"/doc{path}"):
        assert served(release, other, "text/turtle")[0] == 404, other
        status, headers, _ = client.get(other, "text/turtle")
        assert status == 404 and "location" not in headers, (other, status)


def test_the_dataset_page_links_to_pages_the_export_has(client: Client) -> None:
    assert _links_resolve(lambda path: client.get(path, "text/html"), f"{DATASET_PATH}.html") > 20


def _links_resolve(get: Callable[[str], tuple[int, dict[str, str], bytes]], page: str, root: str = "/") -> int:
    """Fails unless ``page`` and every page or file it links to within the site answer 200, its
    language switch to the same page in English among them (``en/dataset.html``: it led to
    ``en/404.html`` before); the number of links followed."""
    status, _, body = get(page)
    assert status == 200, page
    html = body.decode("utf-8")
    switch = re.findall(r'<a class="language"[^>]*\shref="([^"]+)"', html)
    assert len(switch) == 1 and urljoin(page, switch[0]) == f"{root}en/{page.removeprefix(root)}", switch
    targets = set()
    for href in re.findall(r'\s(?:href|src)="([^"]+)"', html):
        href = href.replace("&amp;", "&")
        if not href.startswith(("http:", "https:", "mailto:", "data:", "//")):
            targets.add(urldefrag(urljoin(page, href))[0].split("?")[0])
    broken = [target for target in sorted(targets) if get(target)[0] != 200]
    assert not broken, f"{page} links to {broken[:10]}"
    return len(targets)


def test_the_pages_of_the_datasets_other_iris_link_within_the_site_on_the_server_and_the_export(
    client: Client, release: Path, opened: Release
) -> None:
    """The page of the dataset and of each of its other IRIs (a distribution two folders down, the
    catalogue, a register) in Swedish and English: every link answers, from nginx and the server."""
    from starlette.testclient import TestClient

    from sakrad_ld.serving.server import create_app
    from sakrad_ld.serving.settings import Settings

    pages = ["/dataset.html", "/dataset/distribution/turtle.html", "/catalog.html", "/register/lagrummet.html"]
    with TestClient(create_app(release, Settings())) as server:

        def served_page(path: str) -> tuple[int, dict[str, str], bytes]:
            r = server.get(path, headers={"accept": "text/html"})
            return r.status_code, dict(r.headers), r.content

        for page in pages:
            for get in (lambda path: client.get(path, "text/html"), served_page):
                assert _links_resolve(get, page) > 5, page
                status, _, body = get(f"/en{page}")
                assert status == 200 and b'lang="en"' in body, page


def test_an_unknown_iri_answers_404_at_once(client: Client) -> None:
    for path in ("/id/meeting/no-such-meeting", "/id/organisation/nobody", "/id/nothing", "/id/meeting/x/question/1"):
        status, headers, _ = client.get(path)
        assert status == 404 and "location" not in headers, (path, status)


def test_the_rules_themselves_are_not_served(client: Client) -> None:
    for path in (f"/{NGINX_HTTP}", f"/{NGINX_SERVER}", "/nginx/", "/.htaccess"):
        status, _, body = client.get(path)
        assert status == 404 and b"map $http_accept" not in body, path


def test_the_export_is_readable_by_a_web_server_running_as_another_user(export: Path) -> None:
    assert export.stat().st_mode & 0o777 == 0o755
    for path in export.rglob("*"):
        if path.is_symlink():
            continue
        wanted = 0o755 if path.is_dir() else 0o644
        assert path.stat().st_mode & 0o777 == wanted, (path.relative_to(export), oct(path.stat().st_mode))


def test_an_unknown_path_answers_404_with_the_helpful_page(client: Client) -> None:
    status, headers, body = client.get("/doc/meeting/no-such-meeting", "text/html")
    assert status == 404 and headers["content-type"].startswith("text/html")
    assert "Hittades inte" in body.decode("utf-8")
    status, headers, body = client.get("/no/such/page.html", "text/html")
    assert status == 404 and headers["content-type"].startswith("text/html")
    assert "Hittades inte" in body.decode("utf-8")
    for path in ("/en/no/such/page.html", "/en/doc/meeting/no-such-meeting.html"):
        status, headers, body = client.get(path, "text/html")
        assert status == 404 and '<html lang="en">' in body.decode("utf-8"), path
        assert "Not found" in body.decode("utf-8") and "Hittades inte" not in body.decode("utf-8"), path


def test_the_export_is_byte_identical_when_repeated(release: Path, export: Path, tmp_path: Path) -> None:
    again = export_site(release, tmp_path / "again").out

    def digests(root: Path) -> dict[str, str]:
        return {
            p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*"))
            if p.is_file()
        }

    first, second = digests(export), digests(again)
    assert first == second
    assert not any(str(export) in p.read_text(encoding="utf-8", errors="ignore") for p in export.rglob("*.html")), (
        "a page names the folder it was exported to"
    )


def test_the_export_holds_the_release_for_download(release: Path, export: Path) -> None:
    for file in release.rglob("*"):
        if file.is_file():
            rel = file.relative_to(release)
            assert (export / "download" / rel).read_bytes() == file.read_bytes(), rel
    assert os.path.getsize(export / "index.html") > 1000


def test_every_iri_the_release_publishes_answers_as_on_the_server(
    client: Client, release: Path, opened: Release, export: Path
) -> None:
    """Every IRI under the base in the release's graph, its catalogue (download and access URLs) and
    the start page: the same status, 303 target (with the part's fragment), media type and file
    from nginx as from the server, for every header of ``WALK_ACCEPT``; but the SPARQL endpoint."""
    expected = server_answers(release, opened, (export / "index.html").read_bytes())
    kinds = {path.split("/")[1] for path, _ in expected}
    assert {"id", "dataset", "catalog", "register", "shapes", "tables", "sakrad.ttl", "graph"} <= kinds, kinds
    differ = differences(expected, client.get, release, opened)
    assert not differ, f"{len(differ)} answers differ:\n" + "\n".join(differ[:40])
    statuses = {answer[0] for answer in expected.values()}
    assert {200, 303, 406} <= statuses and len(expected) > 100 * len(WALK_ACCEPT), statuses


def test_if_none_match_star_answers_as_on_the_server_304_for_any_file(
    nginx: tuple[str, int], release: Path, opened: Release
) -> None:
    """``If-None-Match: *`` is false wherever the resource has a current representation: 304 for a
    GET (RFC 9110 §13.1.2), from the start page and the lists' CSV as from a document or a release
    file, on the server and from nginx; an unknown path stays 404."""
    from starlette.testclient import TestClient

    from sakrad_ld.serving.server import create_app
    from sakrad_ld.serving.settings import Settings

    meeting = next(p for _, p in published_resources(opened.store, opened.base_iri) if p.startswith("/doc/meeting/"))
    paths = ["/", "/index.html", "/lists/meetings.csv", "/lists/meetings.html", f"{meeting}.ttl", "/sakrad.ttl"]
    conn = http.client.HTTPConnection(*nginx, timeout=10)
    with TestClient(create_app(release, Settings())) as server:
        for path in [*paths, "/no/such/file.csv"]:
            expected = server.get(path, headers={"If-None-Match": "*"}, follow_redirects=False).status_code
            conn.request("GET", path, headers={"If-None-Match": "*"})
            response = conn.getresponse()
            response.read()
            assert (expected, response.status) == ((404, 404) if path.startswith("/no/") else (304, 304)), path


def test_a_cors_preflight_is_answered_as_on_the_server(nginx: tuple[str, int], release: Path, opened: Release) -> None:
    """A browser asks first (OPTIONS) before a GET with a long Accept or If-None-Match: nginx says
    yes as the server does, at an IRI too (a browser follows no redirect for a preflight)."""
    with server_request(release) as server:
        differ = preflight_differences(server, host_request(nginx), preflight_paths(opened))
    assert not differ, "\n".join(differ)


def test_iris_never_minted_and_other_letter_cases_answer_as_on_the_server(
    nginx: tuple[str, int], release: Path, opened: Release
) -> None:
    """404 for a part the data does not have, a trailing slash, /ID/…, /DATASET (nginx's map ignores
    case); an IRI asked with a query leads where the server sends it (the query dropped)."""
    with server_request(release) as server:
        differ = get_differences(server, host_request(nginx), unminted_paths(opened) + query_paths(opened))
    assert not differ, "\n".join(differ)


def test_every_negotiated_iri_gives_one_graph_in_every_format_from_the_export(
    client: Client, release: Path, opened: Release
) -> None:
    """As on the server (tests/test_variants.py): the catalogue's JSON-LD and N-Triples from nginx are
    the graph of catalog.ttl, and so for every other IRI offered in several formats (not /sparql)."""
    paths = [path for path in negotiated_paths(opened) if path != "/sparql"]
    differ, compared = variant_differences(client.get, release, opened, paths)
    assert not differ, "\n\n".join(differ)
    assert compared == len(paths)


def test_the_sitemap_and_robots_txt_are_the_servers(client: Client, release: Path, opened: Release) -> None:
    """The same sitemap from nginx as from the server (but the query page), every resource page in it; robots.txt on both
    names it (the server's also keeps crawlers from /sparql, which the export has not)."""
    from starlette.testclient import TestClient

    from sakrad_ld.serving.server import create_app
    from sakrad_ld.serving.settings import Settings

    with TestClient(create_app(release, Settings())) as server:
        served_map, served_robots = server.get("/sitemap.xml"), server.get("/robots.txt")
    status, headers, body = client.get("/sitemap.xml")
    assert (served_map.status_code, status) == (200, 200)
    locs = re.compile(rb"<loc>([^<]+)</loc>")
    # the same pages but the query page, which is beside an endpoint only (the export has none)
    query = {f"{opened.base_iri}{q}".encode() for q in ("query.html", "en/query.html")}
    assert set(locs.findall(body)) == set(locs.findall(served_map.content)) - query
    assert query <= set(locs.findall(served_map.content))
    meeting = next(p for _, p in published_resources(opened.store, opened.base_iri) if p.startswith("/doc/meeting/"))
    assert f"<loc>{opened.base_iri}en{meeting}.html</loc>".encode() in body
    status, headers, body = client.get("/robots.txt")
    assert (status, headers["content-type"]) == (200, "text/plain; charset=utf-8")
    assert served_robots.headers["content-type"] == "text/plain; charset=utf-8"
    sitemap = f"Sitemap: {opened.base_iri}sitemap.xml"
    assert body.decode().splitlines() == ["User-agent: *", "Disallow:", "", sitemap]
    assert served_robots.text.splitlines() == ["User-agent: *", "Disallow: /sparql", "", sitemap]


def test_the_readers_language_leads_where_the_server_sends_it(
    nginx: tuple[str, int], release: Path, opened: Release
) -> None:
    """``/`` and a thing's IRI asked with each Accept-Language header of the table: nginx answers as
    the server (English readers to /en/ and to the English page, Vary: Accept-Language), and the
    rules' regular expressions choose what the server's function chooses."""
    from host_headers import LANGUAGE_HEADERS, language_differences, language_paths

    from sakrad_ld.web.served import preferred_language
    from sakrad_ld.web.static import language_by_map

    assert [language_by_map(h) for h in LANGUAGE_HEADERS] == [preferred_language(h) for h in LANGUAGE_HEADERS]
    assert {preferred_language(h) for h in LANGUAGE_HEADERS} == {"sv", "en"}
    with server_request(release) as server:
        differ = language_differences(server, host_request(nginx), language_paths(opened))
    assert not differ, "\n".join(differ)


def test_caching_headers_are_the_servers(nginx: tuple[str, int], release: Path, opened: Release) -> None:
    """One caching policy on both hosts: Cache-Control on every 200 and 303 (none on 404 and 406),
    Vary where the answer is negotiated and only there."""
    from host_headers import caching_differences, caching_paths

    with server_request(release) as server:
        differ = caching_differences(server, host_request(nginx), caching_paths(opened))
    assert not differ, "\n".join(differ)


def test_head_other_methods_ranges_and_conditions_are_the_servers(
    nginx: tuple[str, int], release: Path, opened: Release
) -> None:
    """HEAD as GET, 405 with ``Allow: HEAD, GET`` for any other method (an IRI's included), one
    range of a release file only, If-None-Match and ``nosniff``, as from the server
    (``host_headers.exchange_cases``; Apache: test_static_apache.py)."""
    from host_headers import exchange_cases, exchange_differences

    with server_request(release) as server:
        differ = exchange_differences(without_variant_etag(server), host_request(nginx), exchange_cases(opened))
    assert not differ, "\n".join(differ)


def test_nginx_sends_each_files_media_type_as_the_server_does(
    nginx: tuple[str, int], release: Path, opened: Release, export: Path
) -> None:
    """The whole Content-Type (charset and parameters included) of every release file, at its own
    path and under download/ (a schema as application/schema+json, SHA256SUMS, the kept copies),
    and of a file of each suffix in each folder of the export's site (the sitemap's charset, the
    lists' CSV with header=present): the server's."""
    from host_headers import media_type_differences, media_type_paths

    paths = media_type_paths(opened, export)
    assert any(p.endswith(".schema.json") for p in paths) and any(p.endswith(".csv") for p in paths), paths
    assert "/sitemap.xml" in paths and any(p.startswith("/sources/") for p in paths), paths
    with server_request(release) as server:
        differ = media_type_differences(server, host_request(nginx), paths)
    assert not differ, f"{len(differ)} of {len(paths)} differ:\n" + "\n".join(differ)


def test_errors_303s_conditions_and_dates_are_the_servers(
    nginx: tuple[str, int], release: Path, opened: Release
) -> None:
    """The whole answer (``host_headers.answer_of``: status, headers, the body's kind and language)
    to 303s, 405, 406, 416, 404 (the page in the path's language for a browser, Problem Details for
    a program), 304, If-Modified-Since and HEAD: the server's. Last-Modified only on release files."""
    from host_headers import answer_cases, answer_differences, host_exchange, server_exchange

    cases = answer_cases(opened)
    with server_exchange(release) as server:
        differ = answer_differences(without_variant_etag(server), host_exchange(nginx), cases)
    assert not differ, f"{len(differ)} of {len(cases)} differ:\n" + "\n".join(differ[:30])


def test_both_hosts_rules_are_written_from_one_table_of_media_types() -> None:
    """``host_types`` is the one table: every type it gives (by suffix, a release file's by suffix
    below download/, one by its name) is in nginx's rules and in Apache's, and nothing else is."""
    from sakrad_ld.web.static import apache_rules, host_types, nginx_server_conf

    release_types = {
        "sakrad.ttl": "text/turtle; charset=utf-8",
        "tables/meetings.csv": "text/csv; charset=utf-8; header=present",
        "manifest.json": "application/json",
        "schema/meetings.schema.json": "application/schema+json",
        "SHA256SUMS": "text/plain; charset=utf-8",
    }
    site, inside, named = host_types(release_types)
    assert inside[".csv"] == "text/csv; charset=utf-8; header=present" and ".json" not in inside, inside
    assert set(named) == {"manifest.json", "schema/meetings.schema.json", "SHA256SUMS"}, named
    nginx, apache = nginx_server_conf(None, release_types), apache_rules(None, [], [], release_types)
    types_in_nginx = re.findall(r'^ *"([^"]+)" ([a-z0-9]+);$', nginx, re.MULTILINE)
    types_in_apache = re.findall(r'^ *AddType "([^"]+)" (\.[a-z0-9]+)$', apache, re.MULTILINE)
    assert set(types_in_nginx) == {(t, s[1:]) for table in (site, inside) for s, t in table.items()}
    assert set(types_in_apache) == {(t, s) for table in (site, inside) for s, t in table.items()}
    for name, media_type in named.items():
        assert f'location = "/download/{name}" {{\n    types {{}}\n    default_type "{media_type}";' in nginx, name
        assert f'm#/download/{re.escape(name)}$#">\n    ForceType "{media_type}"' in apache, name


def test_nginx_sends_no_validator_two_formats_of_a_document_could_share(
    export: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """nginx's ETag of a file is its modification time and size: two formats of one document written
    in one second with one size had one strong ETag under the document's path, and a conditional GET
    for one format with the other's tag was 304 (RFC 9110 §8.8.3: a strong validator differs between
    representations). Under the negotiated path no ETag is sent, a tag is never 304 there, ``*`` is;
    the files at their own paths keep theirs. (A copy of the export: its files are changed.)"""
    import shutil

    from host_headers import host_exchange

    site = Path(shutil.copytree(export, tmp_path_factory.mktemp("variants") / "site", symlinks=True))
    with one_validator_for_two_formats(site) as path, nginx_serving(site, tmp_path_factory.mktemp("nginx")) as address:
        differ = variant_validator_differences(host_exchange(address), path)
    assert not differ, "\n".join(differ)
