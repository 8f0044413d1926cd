"""Every standard client and every reader gets an answer it can use, on the server (a real socket,
``server_url``) and from nginx serving the export with its own rules:

* every IRI of the release (each IRI under the base in ``sakrad.nt``, the ontology's terms without
  their ``#fragment``, ``/ontology``, ``/dataset``) asked for with a browser's ``Accept`` and with an
  RDF type a client sends (each in turn; each of them, N3, TriG and N-Quads among them, at an IRI of
  each kind) is answered, redirects followed, without a 5xx: a page that fails to render is found
  here, whatever template or view it is;
* every page's address without ``.html``, in either language (``/lists/meetings``, ``/en/dataset``,
  ``/en/doc/meeting/x``), is the page (a withdrawn thing's is 410 Gone, though the export keeps its
  410 page where its page was, for a host without rules), and a folder without an ``index.html`` is not found, never
  a redirect to a 404;
* rdflib reads a thing's IRI as N3 and TriG, and its ``SPARQLStore`` runs every query form with
  every ``returnFormat``;
* a page's script may read the headers of a ranged download (CORS);
* ``csvwvalidate`` validates every CSVW table group over HTTP.
"""

from __future__ import annotations

import http.client
import re
import subprocess
import sys
from collections.abc import Collection, Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from nginx_host import nginx_serving
from test_static_apache import SUB_PATH, apache  # noqa: F401 (Apache serving an export with its rules)

from sakrad_ld.sparql.store import Release
from sakrad_ld.web.static import EXPOSE_HEADERS
from sakrad_ld.withdrawn import RELEASE_FILE, gone_path, release_withdrawals

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
#: What RDF clients send: each registered type, the types they read it as (N3 is Turtle, TriG of the
#: default graph is Turtle, N-Quads of it are N-Triples), and rdflib's own Accept for format="n3".
RDF_ACCEPTS = [
    "text/turtle",
    "application/ld+json",
    "application/n-triples",
    "application/rdf+xml",
    "text/n3",
    "application/trig",
    "application/n-quads",
    "text/n3, */*;q=0.1",
]


@pytest.fixture(scope="module")
def opened(release: Path) -> Release:
    return Release.open(release)


@pytest.fixture(scope="module")
def nginx_url(export: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with nginx_serving(export, tmp_path_factory.mktemp("nginx")) as (host, port):
        yield f"http://{host}:{port}"


class Browser:
    """GETs over one kept-alive connection per host, following redirects as a client does."""

    def __init__(self, root: str) -> None:
        parts = urlsplit(root)
        self.root, self.address = root, (parts.hostname, parts.port)
        self.conn = http.client.HTTPConnection(*self.address, timeout=30)

    def once(self, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        for attempt in (1, 2):
            try:
                self.conn.request("GET", path, headers=headers)
                response = self.conn.getresponse()
                return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.conn.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def follow(self, path: str, accept: str) -> list[tuple[str, int, dict[str, str], bytes]]:
        """Every answer from ``path`` to the last, redirects followed (at most 5)."""
        chain = []
        for _ in range(6):
            status, headers, body = self.once(path, {"Accept": accept})
            chain.append((path, status, headers, body))
            if status not in (301, 302, 303, 307, 308):
                return chain
            path = urlsplit(urljoin(self.root + path, headers["location"])).path
        return chain


def release_iris(release: Path, base: str) -> list[str]:
    """The paths of every IRI under ``base`` in the release's graph, fragments dropped (the ontology's
    terms are ``/ontology``), and ``/ontology``, ``/dataset`` and ``/catalog`` themselves."""
    found = {"/ontology", "/dataset", "/catalog"}
    text = (release / "sakrad.nt").read_text(encoding="utf-8")
    for iri in re.findall(r"<([^>\s]+)>", text):
        if iri.startswith(base) and len(iri) > len(base):
            found.add("/" + iri[len(base) :].split("#")[0])
    return sorted(found)


def asked_of_every_iri(paths: list[str]) -> list[tuple[str, str]]:
    """(path, Accept) pairs: every IRI with a browser's header and with one RDF client's (each in
    turn), and the first IRI of each kind (its first segment, the second of a longer one, how many
    it has and its suffix: a thing of each kind, a part of one, a role, the dataset, a kept copy …)
    with every RDF client's: each IRI's page, each RDF client at each kind of IRI."""
    firsts: dict[tuple[str | int, ...], str] = {}
    for path in paths:
        segments = path.strip("/").split("/")
        kind = segments[0], segments[1] if len(segments) > 2 else "", len(segments), Path(segments[-1]).suffix
        firsts.setdefault(kind, path)
    asked = [(path, accept) for n, path in enumerate(paths) for accept in (BROWSER, RDF_ACCEPTS[n % len(RDF_ACCEPTS)])]
    asked += [(path, accept) for path in firsts.values() for accept in RDF_ACCEPTS]
    return list(dict.fromkeys(asked))


def test_every_iri_of_the_release_answers_a_browser_and_every_rdf_client_without_a_server_error(
    release: Path, opened: Release, server_url: str
) -> None:
    paths = release_iris(release, opened.base_iri)
    assert {"/ontology", "/dataset", "/catalog"} <= set(paths) and any(p.startswith("/id/meeting/") for p in paths)
    asked = asked_of_every_iri(paths)
    assert {p for p, a in asked if a == BROWSER} == set(paths) and {a for _, a in asked} == {BROWSER, *RDF_ACCEPTS}
    client = Browser(server_url)
    failed, pages = [], 0
    for path, accept in asked:
        chain = client.follow(path, accept)
        last, status, headers, body = chain[-1]
        if status >= 500 or (accept == BROWSER and status != 200):
            failed.append(f"{path} {accept!r}: {[(p, s) for p, s, _, _ in chain]} {body[:200]!r}")
        elif accept == BROWSER:
            pages += headers.get("content-type", "").startswith("text/html")
        elif status not in (200, 406):
            failed.append(f"{path} {accept!r}: {[(p, s) for p, s, _, _ in chain]}")
    assert not failed, f"{len(failed)} answers failed:\n" + "\n".join(failed[:30])
    assert pages > len(paths) // 2, pages


def test_the_ontology_is_a_page_for_every_browser_header(server_url: str, nginx_url: str) -> None:
    for root in (server_url, nginx_url):
        for accept in (None, "*/*", "text/html", BROWSER):
            status, headers, body = Browser(root).once("/ontology", {"Accept": accept} if accept else {})
            assert status == 200 and headers["content-type"].startswith("text/html"), (root, accept, status)
            assert b"<html" in body


# --- addresses a person types ---------------------------------------------------------------------


def export_pages(export: Path, withdrawn: Collection[str] = ()) -> list[str]:
    """Every page of the export as a path without ``.html`` (``/lists/meetings``, ``/en/dataset``),
    but the start pages, the not-found pages and the pages of the ``withdrawn`` IRIs (``/id/…``):
    the export puts a withdrawn thing's 410 page where its page was, for a host without rules, but
    its address is no page (410 Gone on the server and from the rules)."""
    found = []
    for page in sorted(export.rglob("*.html")):
        rel = page.relative_to(export).as_posix()
        if rel.split("/")[0] in ("download", "nginx", "apache") or rel.rsplit("/", 1)[-1] in ("index.html", "404.html"):
            continue
        if gone_path("/" + rel) not in withdrawn:
            found.append("/" + rel.removesuffix(".html"))
    return found


def withdrawn_pages(export: Path, withdrawn: Collection[str]) -> list[str]:
    """The export's pages of withdrawn IRIs, as paths without ``.html``."""
    every = export_pages(export)
    return [p for p in every if p not in export_pages(export, withdrawn)]


@pytest.mark.parametrize("host", ["server", "nginx"])
def test_every_pages_address_without_html_is_the_page_in_either_language(
    host: str, export: Path, release: Path, server_url: str, nginx_url: str
) -> None:
    withdrawn = release_withdrawals((release / RELEASE_FILE).read_bytes())
    pages = export_pages(export, withdrawn)
    english = [p for p in pages if p.startswith("/en/")]
    assert {"/lists/meetings", "/en/lists/meetings", "/en/dataset", "/en/ontology", "/search"} <= set(pages)
    assert any(p.startswith("/en/doc/meeting/") for p in english) and len(english) * 3 > len(pages)
    client = Browser(server_url if host == "server" else nginx_url)
    wrong = []
    for path in pages:
        chain = client.follow(path, BROWSER)
        last, status, headers, body = chain[-1]
        language = b'<html lang="en"' in body if path.startswith("/en/") else b'<html lang="sv"' in body
        if status != 200 or not headers.get("content-type", "").startswith("text/html") or not language:
            wrong.append((path, [(p, s) for p, s, _, _ in chain]))
    assert not wrong, f"{len(wrong)} of {len(pages)}: {wrong[:20]}"
    # a withdrawn thing's page (written where its page was, for a host without rules) is no page here:
    # its address, with or without .html, in either language, is 410 Gone with the page saying why
    gone = withdrawn_pages(export, withdrawn)
    assert any(p.startswith("/en/doc/") for p in gone) and any(p.startswith("/doc/") for p in gone)
    for path in gone:
        for asked in (path, path + ".html"):
            chain = client.follow(asked, BROWSER)
            assert [s for _, s, _, _ in chain] == [410], (asked, [(p, s) for p, s, _, _ in chain])
            assert chain[-1][2]["content-type"].startswith("text/html"), asked


@pytest.mark.parametrize("host", ["server", "nginx"])
def test_a_folder_leads_to_its_index_its_page_or_404_never_to_a_redirect_to_a_404(
    host: str, export: Path, server_url: str, nginx_url: str
) -> None:
    folders = sorted(
        p.relative_to(export).as_posix()
        for p in export.rglob("*")
        if p.is_dir() and p.relative_to(export).parts[0] not in ("nginx", "apache")
    )
    assert {"en", "lists/meetings", "doc/meeting", "download/meetings"} <= set(folders)
    client = Browser(server_url if host == "server" else nginx_url)
    wrong = []
    for folder in folders:
        for path in (f"/{folder}", f"/{folder}/"):
            chain = client.follow(path, BROWSER)
            statuses = [s for _, s, _, _ in chain]
            if statuses[-1] == 404 and len(chain) > 1:
                wrong.append((path, [(p, s) for p, s, _, _ in chain]))
            if statuses[-1] not in (200, 404):
                wrong.append((path, statuses))
            if (export / folder / "index.html").is_file() and path.endswith("/") and statuses != [200]:
                wrong.append((path, statuses))
    assert not wrong, wrong[:20]
    for path, expected in (("/en", [301, 200]), ("/lists/meetings", [200]), ("/lists/meetings/", [404])):
        assert [s for _, s, _, _ in client.follow(path, BROWSER)] == expected, path


@pytest.mark.parametrize("where", ["root", "sub-path"])
def test_apache_answers_the_addresses_a_person_types_as_the_server(
    where: str,
    apache: tuple[Path, int, int],  # noqa: F811
    opened: Release,
) -> None:
    """The export's Apache rules (its .htaccess, and apache/sakrad.conf) at the web root and under a
    sub-path: a page's address without .html is the page, a folder is its index, its page or 404."""
    from sakrad_ld.documents import published_resources

    _, root_port, sub_port = apache
    prefix = SUB_PATH if where == "sub-path" else ""
    client = Browser(f"http://127.0.0.1:{sub_port if prefix else root_port}")
    meeting = next(p for _, p in published_resources(opened.store, opened.base_iri) if p.startswith("/doc/meeting/"))
    expected = {
        "/lists/meetings": [200],
        "/en/lists/meetings": [200],
        "/search": [200],
        "/en/dataset": [200],
        "/en/ontology": [200],
        f"/en{meeting}": [200],
        "/en": [301, 200],
        "/en/": [200],
        "/lists/meetings/": [404],
        "/doc/meeting": [404],
        "/doc/meeting/": [404],
        "/download/meetings": [404],
    }
    got = {path: [s for _, s, _, _ in client.follow(prefix + path, BROWSER)] for path in expected}
    assert got == expected


# --- RDF clients ------------------------------------------------------------------------------------


def test_rdflib_reads_a_things_iri_in_every_format_it_names(opened: Release, server_url: str, nginx_url: str) -> None:
    from rdflib import Dataset, Graph

    from sakrad_ld.documents import published_resources

    meeting = next(p for _, p in published_resources(opened.store, opened.base_iri) if p.startswith("/doc/meeting/"))
    thing = "/id/" + meeting.removeprefix("/doc/")
    sizes = {}
    for root in (server_url, nginx_url):
        for fmt in (None, "turtle", "n3", "trig", "nt", "xml", "json-ld"):
            graph = Dataset() if fmt == "trig" else Graph()
            graph.parse(root + thing, format=fmt)
            sizes[(root, fmt)] = len(graph)
    assert len(set(sizes.values())) == 1 and next(iter(sizes.values())) > 10, sizes


@pytest.mark.parametrize("method", ["GET", "POST", "POST_FORM"])
@pytest.mark.parametrize("return_format", ["xml", "json", "csv", "tsv"])
def test_rdflibs_sparql_store_runs_every_query_form_with_every_return_format(
    return_format: str, method: str, server_url: str
) -> None:
    from rdflib import Graph
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    graph = Graph(store=SPARQLStore(server_url + "/sparql", returnFormat=return_format, method=method))
    rows = list(graph.query("SELECT ?s WHERE { ?s a ?o } LIMIT 3"))
    assert len(rows) == 3
    if return_format in ("xml", "json"):  # the CSV and TSV results formats define no boolean answer
        assert graph.query("ASK { ?s a ?o }").askAnswer is True
    for query in ("CONSTRUCT { ?s a ?o } WHERE { ?s a ?o } LIMIT 3", "DESCRIBE ?s WHERE { ?s a ?o } LIMIT 1"):
        result = graph.query(query)
        assert result.type in ("CONSTRUCT", "DESCRIBE") and len(result.graph) >= 1, (query, result.type)


def test_a_construct_asked_for_as_results_only_is_turtle_and_a_select_asked_for_as_rdf_only_is_406(
    server_url: str,
) -> None:
    from urllib.parse import urlencode

    client = Browser(server_url)
    construct = "/sparql?" + urlencode({"query": "CONSTRUCT { ?s a ?o } WHERE { ?s a ?o } LIMIT 3"})
    select = "/sparql?" + urlencode({"query": "SELECT ?s WHERE { ?s a ?o } LIMIT 3"})
    for accept in ("application/sparql-results+json", "text/csv", "text/tab-separated-values"):
        status, headers, _ = client.once(construct, {"Accept": accept})
        assert (status, headers["content-type"].split(";")[0]) == (200, "text/turtle"), accept
    assert client.once(select, {"Accept": "text/turtle"})[0] == 406
    # a link naming a results format for a graph names the other kind: 406, not another format
    assert client.once(construct + "&format=tsv", {"Accept": "text/tab-separated-values"})[0] == 406
    assert client.once(construct, {"Accept": "image/png"})[0] == 406


# --- CORS -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("host", ["server", "nginx"])
def test_a_script_may_read_the_headers_of_a_ranged_download(host: str, server_url: str, nginx_url: str) -> None:
    client = Browser(server_url if host == "server" else nginx_url)
    path = "/tables/meetings.csv" if host == "server" else "/download/tables/meetings.csv"
    status, headers, body = client.once(path, {"Range": "bytes=0-9", "Origin": "https://example.org"})
    assert status == 206 and len(body) == 10 and headers["content-range"].startswith("bytes 0-9/")
    exposed = {h.strip().lower() for h in headers["access-control-expose-headers"].split(",")}
    wanted = {"content-range", "accept-ranges", "content-length", "etag", "link", "location", "content-disposition"}
    assert wanted <= exposed, wanted - exposed
    assert {h.strip().lower() for h in EXPOSE_HEADERS.split(",")} <= exposed


# --- CSVW -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("host", ["server", "nginx"])
def test_csvwvalidate_validates_every_table_group_over_http(host: str, server_url: str, nginx_url: str) -> None:
    metadata = (
        ["/tables/csv-metadata.json", "/lists/csv-metadata.json"]
        if host == "server"
        else ["/download/tables/csv-metadata.json", "/tables/csv-metadata.json", "/lists/csv-metadata.json"]
    )
    root = server_url if host == "server" else nginx_url
    validate = str(Path(sys.executable).parent / "csvwvalidate")
    for path in metadata:
        done = subprocess.run([validate, "-v", root + path], capture_output=True, text=True, timeout=300)
        assert done.returncode == 0 and "OK" in done.stdout, (path, done.stdout[-2000:], done.stderr[-2000:])
        status, _, body = Browser(root).once(path.replace("csv-metadata.json", "meetings.csv"), {})
        assert status == 200 and body.startswith(b"id,"), body[:20]


# --- what a thing's page and document say of the sakråd it has a role in ----------------------------


def _agents_of(store: object, meetings: set) -> dict[str, set[str]]:
    """The IRIs of everyone with a role in any of ``meetings`` → the ids of those meetings."""
    import pyoxigraph as ox

    from sakrad_ld.vocab import M8G

    found: dict[str, set[str]] = {}
    for meeting in meetings:
        for link in store.quads_for_pattern(meeting, M8G.hasParticipation, None):  # type: ignore[attr-defined]
            for q in store.quads_for_pattern(None, M8G.participates, link.object):  # type: ignore[attr-defined]
                if isinstance(q.subject, ox.NamedNode):
                    found.setdefault(q.subject.value, set()).add(meeting.value.rsplit("/", 1)[1])
    return found


def test_a_things_document_says_how_a_sakrad_it_has_a_role_in_was_concluded_held(opened: Release) -> None:
    """The page marks such a sakråd "(held: derived)"; the document says the same with
    sakrad:heldDerivation and the document it rests on, sakrad:heldDerivedFrom."""
    from sakrad_ld.documents import document_triples
    from sakrad_ld.vocab import SAKRAD

    store = opened.store
    held = {q.subject for q in store.quads_for_pattern(None, SAKRAD.heldDerivation, None)}
    agents = _agents_of(store, held)
    assert held and agents
    for agent in agents:
        triples = document_triples(store, agent)
        for meeting in held & {t.subject for t in triples}:
            said = {t.predicate for t in triples if t.subject == meeting}
            assert {SAKRAD.heldDerivation, SAKRAD.heldDerivedFrom} <= said, (agent, meeting)


def test_a_sakrads_own_title_is_marked_wherever_a_things_page_links_it(opened: Release, server_url: str) -> None:
    """On the page of everyone with a role in a sakråd whose title is the data's own, every link to
    a sakråd (its roles, the facts table's "has a role in", "Links here") carries the mark after the
    title exactly when that sakråd's title is the data's own."""
    from sakrad_ld.documents import document_path
    from sakrad_ld.vocab import SAKRAD

    store = opened.store
    own = {q.subject for q in store.quads_for_pattern(None, SAKRAD.titleDerivation, None)}
    own_ids = {m.value.rsplit("/", 1)[1] for m in own}
    client = Browser(server_url)
    checked = 0
    for agent in sorted(_agents_of(store, own))[:40]:
        for lang, mark in (("", "(datans egen rubrik)"), ("/en", "(the data&#39;s own title)")):
            status, _, body = client.once(f"{lang}{document_path(agent, opened.base_iri)}.html", {})
            assert status == 200, agent
            html = body.decode()
            links = re.findall(r'<a href="[./]*(?:doc/)?meeting/([^"#]+)\.html(#[^"]*)?">(.*?)</a>', html)
            for target, part, inner in links:
                if part and " — " not in inner:  # a role, named without its sakråd's title
                    continue
                assert (mark in inner) is (target in own_ids), (agent, lang, target, inner)
                checked += 1
    assert checked > 10, checked
