"""The site's paths on both hosts: a folder's path without its slash answers 301 to the folder with
the slash only where the folder has an index.html (``/en``), else its page (``/lists/meetings``) or
404, on the server as on nginx serving the export; the sitemap names every page
the export has; every file of the release is linked from a page (a sakråd's own files from its
page, in both languages); and the "not found" page links within the site wherever a host answers
it, at a sub-path and at any depth, and from disk."""

from __future__ import annotations

import http.client
import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from devtools import DevTools
from loopback import wait_listening
from nginx_host import free_port, nginx_serving
from serving import serving

from sakrad_ld.documents import published_resources
from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings
from sakrad_ld.sparql.store import Release
from sakrad_ld.web.nginxhost import local_nginx
from sakrad_ld.web.paths import LANGUAGES, translated
from sakrad_ld.web.sitepages import TOP_FOLDERS, not_found_base
from sakrad_ld.web.static import DOWNLOAD_PATH
from sakrad_ld.withdrawn import RELEASE_FILE as WITHDRAWN_FILE
from sakrad_ld.withdrawn import release_withdrawals

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
#: The export's folders of the rules, which no host serves.
RULES = ("nginx", "apache")
_HREF = re.compile(r'<(?:a|link)\b[^>]*?\bhref="([^"]*)"')


@pytest.fixture(scope="module")
def opened(release: Path) -> Release:
    return Release.open(release)


@pytest.fixture(scope="module")
def nginx(export: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with nginx_serving(export, tmp_path_factory.mktemp("nginx")) as (host, port):
        yield f"http://{host}:{port}"


@pytest.fixture(scope="module")
def server(release: Path) -> Iterator[str]:
    with serving(create_app(release, Settings(timeout=10, query_workers=1))) as root:
        yield root


def ask(url: str, method: str = "GET", accept: str | None = None) -> tuple[int, str | None, bytes]:
    """(status, Location resolved against ``url``, body) of one request, no redirect followed."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        conn.request(method, path, headers={"Accept": accept} if accept else {})
        response = conn.getresponse()
        body = response.read()
        location = response.getheader("Location")
        return response.status, urljoin(url, location) if location else None, body
    finally:
        conn.close()


def site_folders(export: Path) -> list[str]:
    """Every folder of the export a host serves, as a path from the site's root (``en``, ``doc/meeting``)."""
    found = [p.relative_to(export).as_posix() for p in export.rglob("*") if p.is_dir()]
    return sorted(f for f in found if f.split("/")[0] not in RULES)


# --- a folder's path without its slash -----------------------------------------------------------


def folder_answer(export: Path, folder: str, query: str) -> tuple[int, str | None]:
    """What a folder's path without its slash must answer: 301 to the folder with its slash where
    it has an index.html; its page where the export has ``{folder}.html`` (200, or 303 to the page
    where the path is also a thing's IRI: ``None`` for the Location); else 404."""
    if (export / folder / "index.html").is_file():
        return 301, f"/{folder}/{query}"
    if (export / f"{folder}.html").is_file():
        return 200, None
    return 404, None


def test_a_folder_without_its_slash_answers_301_only_to_its_index_on_both_hosts(
    export: Path, nginx: str, server: str
) -> None:
    """/en (an index.html) answers 301 to /en/; /lists/meetings and /ontology are their pages; a
    folder with neither (/doc/meeting, /download/meetings) is 404, never a redirect to a 404."""
    folders = site_folders(export)
    assert {"en", "doc/meeting", "en/doc/meeting", "lists", "download/meetings", "register"} <= set(folders)
    wrong = []
    for folder in folders:
        for query in ("", "?q=%C3%A5&lang=en"):
            expected = folder_answer(export, folder, query)
            for method in ("GET", "HEAD"):
                answers = {}
                for name, host in (("nginx", nginx), ("server", server)):
                    status, location, body = ask(f"{host}/{folder}{query}", method)
                    answers[name] = (status, location and location.removeprefix(host))
                    if name == "server" and method == "GET" and status == 200:
                        answers["page"] = b"<html" in body
                status, location = answers["server"]
                if answers["nginx"] != answers["server"]:
                    wrong.append((folder, query, method, answers))
                elif expected[0] == 200 and status == 303:
                    # the folder's path is also a thing's IRI (/dataset, /catalog): 303 to its page
                    if urlsplit(location or "").path != f"/{folder}.html":
                        wrong.append((folder, query, method, answers))
                elif (status, location) != expected or answers.get("page") is False:
                    wrong.append((folder, query, method, answers, expected))
    assert not wrong, wrong[:10]
    redirected = {f for f in folders if ask(f"{server}/{f}")[0] == 301}
    assert redirected == {f for f in folders if (export / f / "index.html").is_file()} and "en" in redirected
    assert ask(f"{server}/lists/meetings")[0] == ask(f"{nginx}/en/ontology")[0] == 200
    assert ask(f"{server}/doc/meeting")[0] == ask(f"{nginx}/download/meetings")[0] == 404


def test_english_start_page_is_answered_only_at_its_folder(server: str, nginx: str) -> None:
    for host in (server, nginx):
        status, location, _ = ask(f"{host}/en?x=1")
        assert (status, location) == (301, f"{host}/en/?x=1")
        status, _, body = ask(f"{host}/en/")
        assert status == 200 and b'<html lang="en">' in body
        # every link of the page but to the Swedish page, resolved against its address, stays English
        for tag in re.findall(r"<(?:a|link)\b[^>]*>", body.decode()):
            if 'hreflang="sv"' in tag or "href=" not in tag:
                continue
            href = _HREF.findall(tag)[0]
            target = urljoin(f"{host}/en/", href)
            if target.startswith(host) and target.endswith(".html") and "/download/" not in target:
                assert target.startswith(f"{host}/en/"), href


def test_paths_that_are_no_folder_are_not_redirected(opened: Release, nginx: str, server: str) -> None:
    """A file's, a document's or an IRI's path, and what the site does not have, answer on the
    server as on nginx: never a 301 to a folder the site does not have."""
    meeting = next(path for _, path in published_resources(opened.store, opened.base_iri) if "/meeting/" in path)
    paths = ["/id", "/ID", "/EN", "/tables", "/nope", "/dataset", "/ontology", "/role", "/lists/meetings.html"]
    paths += [meeting, f"/en{meeting}", "/en/doc/meeting/nope", "/doc/meeting/nope/x", "/download/nope"]
    for path in paths:
        on_server, on_nginx = ask(server + path), ask(nginx + path)
        assert on_server[0] == on_nginx[0], (path, on_server[:2], on_nginx[:2])
        assert on_server[0] != 301, path


# --- the sitemap ---------------------------------------------------------------------------------


def test_the_sitemap_names_every_page_of_the_export_and_nothing_else(
    export: Path, release: Path, opened: Release, server: str
) -> None:
    tree = ET.parse(export / "sitemap.xml")
    locs = [u.find(f"{SITEMAP}loc").text for u in tree.getroot().findall(f"{SITEMAP}url")]
    assert len(locs) == len(set(locs))
    base = opened.base_iri
    # a withdrawn thing's 410 page stands where its page was, for a static host without rules: no page of the site
    gone = {
        translated(f"doc/{path[len('/id/') :]}.html", lang)
        for path in release_withdrawals((release / WITHDRAWN_FILE).read_bytes())
        for lang in LANGUAGES
    }
    pages = {
        p.relative_to(export).as_posix()
        for p in export.rglob("*.html")
        if p.name != "404.html" and p.relative_to(export).parts[0] not in RULES
    } - gone
    assert all(loc.startswith(base) for loc in locs)
    named = {loc[len(base) :] for loc in locs}
    assert named == pages, (sorted(pages - named)[:10], sorted(named - pages)[:10])
    for page in ("dataset.html", "en/dataset.html", "catalog.html", "shapes.html", "index.html", "en/index.html"):
        assert page in named, page
    assert any(p.startswith("register/") for p in named) and any(
        p.startswith("en/dataset/distribution/") for p in named
    )
    assert any(re.fullmatch(r"ontology/[0-9.]+\.html", p) for p in named)
    # the server's sitemap: the same pages, and its query page in both languages
    status, _, body = ask(f"{server}/sitemap.xml")
    served = {u.find(f"{SITEMAP}loc").text[len(base) :] for u in ET.fromstring(body).findall(f"{SITEMAP}url")}
    assert status == 200 and served == named | {"query.html", "en/query.html"}


# --- every release file is linked ----------------------------------------------------------------


def links_of(export: Path, page: str) -> set[str]:
    """The files of the site (paths from its root) the page ``page`` links to."""
    text = (export / page).read_text(encoding="utf-8")
    out = set()
    for href in _HREF.findall(text):
        target = urljoin(f"http://site/{page}", href.replace("&amp;", "&"))
        if target.startswith("http://site/"):
            out.add(urlsplit(target).path[1:])
    return out


def test_every_release_file_is_linked_from_a_page(export: Path, opened: Release) -> None:
    pages = [p.relative_to(export).as_posix() for p in export.rglob("*.html") if p.parts[-1] != "404.html"]
    linked = set().union(*(links_of(export, p) for p in pages))
    files = {DOWNLOAD_PATH + name for name in opened.files}
    assert not files - linked, sorted(files - linked)[:10]


def test_a_sakrads_page_links_its_release_files_with_their_media_types(export: Path, opened: Release) -> None:
    meetings = [
        path for _, path in published_resources(opened.store, opened.base_iri) if path.startswith("/doc/meeting/")
    ]
    assert meetings
    media = {f.path: f.media_type for f in opened.files.values()}
    for path in meetings:
        mid = path.rsplit("/", 1)[1]
        own = sorted(n for n in media if n.startswith("meetings/") and n.rsplit(".", 1)[0] == f"meetings/{mid}")
        assert {n.rsplit(".", 1)[1] for n in own} >= {"ttl", "jsonld"}, (mid, own)
        for lang in ("", "en/"):
            page = f"{lang}{path[1:]}.html"
            text = (export / page).read_text(encoding="utf-8")
            found = dict(re.findall(r'<a href="([^"]+)" type="([^"]+)" download>', text))
            targets = {urljoin(f"http://site/{page}", href)[len("http://site/") :]: t for href, t in found.items()}
            for name in own:
                assert targets.get(DOWNLOAD_PATH + name) == media[name], (page, name, targets)
                assert f"<code>{media[name]}</code>" in text


def test_the_start_page_states_how_the_per_sakrad_files_are_named(export: Path, opened: Release) -> None:
    suffixes = sorted({n.rsplit(".", 1)[1] for n in opened.files if n.startswith("meetings/")})
    for page in ("index.html", "en/index.html"):
        text = (export / page).read_text(encoding="utf-8")
        for suffix in suffixes:
            assert f"<code>{DOWNLOAD_PATH}meetings/{{id}}.{suffix}</code>" in text, (page, suffix)


# --- "not found" at any address ------------------------------------------------------------------


def test_the_site_first_folders_are_known_to_the_not_found_page(export: Path) -> None:
    top = {f.split("/")[0] for f in site_folders(export)}
    assert top <= set(TOP_FOLDERS), top - set(TOP_FOLDERS)


@pytest.fixture(scope="module")
def sub_path_host(export: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A plain static nginx (no rules of the export's) serving the export at ``/sakrad/``, its
    ``404.html`` for whatever is not found there, as a shared host or GitHub Pages serves a project
    site: the URL of the site's folder."""
    run = tmp_path_factory.mktemp("plain-nginx")
    (run / "web").mkdir()
    (run / "web" / "sakrad").symlink_to(export)
    port = free_port()
    command = local_nginx(export, run, port)
    (run / "nginx.conf").write_text(
        f"""daemon off;
master_process off;
pid {run / "nginx.pid"};
error_log {run / "error.log"} warn;
events {{ worker_connections 64; }}
http {{
    access_log off;
    types {{ text/html html; text/css css; }}
    server {{
        listen 127.0.0.1:{port};
        root {run / "web"};
        error_page 404 /sakrad/404.html;
    }}
}}
""",
        encoding="utf-8",
    )
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}/sakrad/"
        wait_listening(proc, (port,), "nginx", run / "error.log")
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


def not_found_links(browser: DevTools, url: str) -> tuple[str, list[str], bool]:
    """Loads ``url`` (answered with a "not found" page): its language, every link and style sheet
    as the browser resolves them, and whether the style sheet's rules were read."""
    browser.load(url)
    lang = browser.evaluate("document.documentElement.lang")
    hrefs = browser.evaluate(
        "[...document.querySelectorAll('a[href], link[rel=stylesheet], link[rel=alternate]')]"
        ".map(a => a.href).filter(h => h.split('#')[0] !== location.href.split('#')[0])"
    )
    # the skip link stays on the page
    skip = browser.evaluate("document.querySelector('a.skip').href")
    assert skip == url.split("#")[0] + "#main", (url, skip)
    # the site's style sheet was read: its colours are the page's
    styled = browser.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()")
    return lang, hrefs, styled == "#1f6f8b"


@pytest.mark.parametrize(
    "missing",
    [
        "gone.html",
        "doc/meeting/gone.html",
        "doc/meeting/gone",
        "en/doc/meeting/gone.html",
        "en/lists/meetings/year/1999.html",
        "id/meeting/gone/question/1",
        "dataset/distribution/table/gone.html",
        "download/meetings/gone.ttl",
        "meetings/2024-05-06-icescr.html",  # no segment is a folder of the site: the base IRI's path
        "a/b/c.html",
    ],
)
def test_not_found_links_within_the_site_under_a_sub_path_at_any_depth(
    browser: DevTools, sub_path_host: str, missing: str
) -> None:
    status, _, _ = ask(sub_path_host + missing)
    assert status == 404
    lang, hrefs, styled = not_found_links(browser, sub_path_host + missing)
    assert lang == "sv" and styled, (missing, lang, styled)
    inside = [h for h in hrefs if h.startswith(sub_path_host.split("/sakrad/")[0])]
    assert len(inside) >= 8, hrefs
    for href in inside:
        assert href.startswith(sub_path_host), (missing, href)
        assert ask(href.split("#")[0])[0] == 200, (missing, href)
    assert sub_path_host + "index.html" in hrefs and sub_path_host + "en/404.html" in hrefs


@pytest.mark.parametrize("missing", ["/nope.html", "/doc/meeting/nope.html", "/en/doc/meeting/nope.html", "/en/a/b/c"])
def test_not_found_links_within_the_site_on_the_server_and_nginx(
    browser: DevTools, server: str, nginx: str, missing: str
) -> None:
    english = missing.startswith("/en/")
    for host in (server, nginx):
        assert ask(host + missing)[0] == 404
        lang, hrefs, styled = not_found_links(browser, host + missing)
        assert lang == ("en" if english else "sv") and styled, (host, missing)
        for href in hrefs:
            if href.startswith(host):
                assert ask(href.split("#")[0])[0] == 200, (host, missing, href)
        assert (f"{host}/en/index.html" if english else f"{host}/index.html") in hrefs


def test_the_not_found_script_falls_back_to_the_base_iris_path_only_below_a_host_root() -> None:
    """Where no segment of the address is a folder of the site, the path of the base IRI is the
    site's folder; a base IRI at a host's root gives none (a sub-path's own folder is right), and the
    path is written into the script as a literal that cannot end it."""
    assert '"/sakrad/"' in not_found_base("404.html", "/sakrad/")
    assert 'indexOf("/")' not in not_found_base("404.html", "/")
    hostile = not_found_base("404.html", "/a</script><script>alert(1)//")
    assert "</script>" not in hostile and "<script>" not in hostile


def test_not_found_pages_link_to_files_of_the_export_from_disk(export: Path, browser: DevTools) -> None:
    for page in ("404.html", "en/404.html"):
        for target in links_of(export, page):
            assert (export / target).is_file(), (page, target)
        _, hrefs, styled = not_found_links(browser, (export / page).as_uri())
        assert styled, page
        for href in hrefs:
            if href.startswith("file:"):
                assert Path(urlsplit(href).path).is_file(), (page, href)
