"""The static export's ``.htaccess`` and ``apache/sakrad.conf`` (Apache httpd 2.4), read as text
and served by real Apache.

As text (always): every regular expression of the file compiles (Python's ``re`` reads these as
PCRE does), and the rules of the release graph's IRI, tried in order as mod_rewrite tries them,
send every Accept header where ``sakrad-ld serve`` sends it (``static_site``).

By Debian's ``apache2`` (.ci/run installs it; without it these tests are skipped): Apache runs on
127.0.0.1 in the foreground (``-X``) with a minimal configuration of its own, the export as one
virtual host's document root and, on a second port, under ``/a/sub/path/`` (a symbolic link below
the document root); the rules come from the ``.htaccess`` (``AllowOverride`` what the rules ask
for) or, a second time, from ``apache/sakrad.conf`` included in a ``<Directory>`` of each path
(``AllowOverride None``). At both: the graph's IRI leads where the server sends it (``Vary:
Accept``), another version is 404, every thing and part answers 303 with its document, documents
are negotiated, hostile paths and the rules' own files are 404, IRIs never minted answer 404 and
a query is dropped from a 303 as on the server, a CORS preflight is answered as the server's, and
what is not found gets the export's 404.html. The tests asking hundreds of requests ask every one
where the rules come from ``apache/sakrad.conf`` and, from the ``.htaccess`` (the same rules, which
Apache reads and compiles again for every request), every kind of request: each path once, each
header at a path of each kind.
"""

from __future__ import annotations

import functools
import http.client
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from email.utils import formatdate
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from host_headers import host_request
from loopback import free_port, stop, wait_listening
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
    server_answers,
    server_request,
    things_and_parts,
    unminted_paths,
)
from variant_validators import one_validator_for_two_formats, variant_validator_differences, without_variant_etag

from sakrad_ld.formats import FORMATS, HTML
from sakrad_ld.serving.documents import is_role
from sakrad_ld.sparql.store import Release
from sakrad_ld.web.documents import published_resources
from sakrad_ld.web.static import APACHE, APACHE_CONF, NGINX_HTTP, apache_rules, graph_rule, host_types

APACHE_BINARY = "/usr/sbin/apache2"
MODULES = Path("/usr/lib/apache2/modules")
BY_NAME = {f.name: f for f in (HTML, *FORMATS)}
SUB_PATH = "/a/sub/path"


@pytest.fixture(scope="module")
def opened(release: Path) -> Release:
    return Release.open(release)


@pytest.fixture(scope="module")
def expected(release: Path, opened: Release) -> tuple[dict[str | None, str], str]:
    return expected_graph_targets(release, opened)


def _rules(text: str) -> Iterator[tuple[list[tuple[str, str, str]], str, str, str]]:
    """The RewriteRules of ``text``, each with the RewriteConds before it: (conditions as (test
    string, pattern, flags), pattern, substitution, flags)."""
    conds: list[tuple[str, str, str]] = []
    for line in text.splitlines():
        words = re.findall(r'"[^"]*"|\S+', line)
        if not words or words[0] not in ("RewriteCond", "RewriteRule"):
            continue
        words = [w[1:-1] if w.startswith('"') else w for w in words] + [""]
        if words[0] == "RewriteCond":
            conds.append((words[1], words[2], words[3]))
        else:
            yield conds, words[1], words[2], words[3]
            conds = []


def test_every_regular_expression_of_the_htaccess_compiles(opened: Release) -> None:
    text = apache_rules(graph_rule(opened))
    patterns = [p for conds, pattern, _, _ in _rules(text) for p in (pattern, *(c[1] for c in conds))]
    patterns += re.findall(r'<FilesMatch "([^"]+)">', text)
    assert len(patterns) > 30
    for pattern in patterns:
        if pattern.startswith("-") or pattern.startswith("!"):  # a file test (-f), not a regex
            continue
        re.compile(pattern)  # raises re.error, naming the pattern


def test_the_htaccess_graph_rules_send_each_header_where_the_server_does(
    opened: Release, expected: tuple[dict[str | None, str], str]
) -> None:
    targets, _ = expected
    rules = list(_rules(apache_rules(graph_rule(opened))))
    path = graph_path(opened)[1:]
    for accept in GRAPH_ACCEPT:
        chosen = None
        for conds, pattern, substitution, flags in rules:
            if not re.search(pattern, path) or (substitution == "-" and "L" not in flags.strip("[]").split(",")):
                continue  # another path, or a rule that only sets a variable and goes on
            if any(test == "%{REQUEST_METHOD}" for test, _, _ in conds):
                continue  # the preflight's rule and the 405 of other methods: this is a GET
            if any(test == "%{HTTP:Range}" for test, _, _ in conds):
                continue  # the 416 of a range past any file's end: this GET asks for no range
            assert all(test == "%{HTTP_ACCEPT}" and "NC" in cflags for test, _, cflags in conds), conds
            if all(re.search(p, accept or "", re.IGNORECASE) for _, p, _ in conds):
                assert "L" in flags.strip("[]").split(","), flags
                assert "R=303" in flags or (substitution == "-" and "R=406" in flags), flags
                chosen = substitution.removeprefix("%{ENV:SAKRAD_BASE}") if "R=303" in flags else None
                break
        assert chosen == targets[accept], (accept, chosen)
    for other in ("graph/0.0.1", f"{path}/", f"{path}.ttl", f"{path}x"):
        assert not any(re.search(pattern, other) for _, pattern, _, rflags in rules if "R=303" in rflags), other


# --- real Apache -----------------------------------------------------------------------------------


@pytest.fixture(scope="module", params=["htaccess", "conf"])
def apache(export: Path, request: pytest.FixtureRequest) -> Iterator[tuple[Path, int, int]]:
    """(the export, the port of the host serving it at its root, the port serving it under SUB_PATH),
    with the rules read from the export's .htaccess, or (``conf``) from the server configuration
    including apache/sakrad.conf in a <Directory> of each of the export's two paths, and no
    .htaccess read. The export is a copy of the session's (``export``: the real data's release,
    exported once)."""
    if not Path(APACHE_BINARY).is_file():
        pytest.skip("Apache httpd is not installed (apt-get install apache2; .ci/run installs it)")
    # a folder of its own under the system's temporary folder, readable by the user Apache serves as
    top = Path(tempfile.mkdtemp(prefix="sakrad-apache-"))
    try:
        top.chmod(0o755)
        export = Path(shutil.copytree(export, top / "site", symlinks=True))
        (top / "www" / "a" / "sub").mkdir(parents=True)
        for folder in (top / "www", top / "www" / "a", top / "www" / "a" / "sub"):
            folder.chmod(0o755)
        (top / "www" / SUB_PATH[1:]).symlink_to(export, target_is_directory=True)
        run = top / "run"
        run.mkdir()
        root_port, sub_port = free_port(), free_port()
        conf = "".join(
            f"<Directory {folder}>\n    Include {export / APACHE_CONF}\n</Directory>\n"
            for folder in (export, top / "www" / SUB_PATH[1:])
            if request.param == "conf"
        )
        user = "User #65534\nGroup #65534" if os.geteuid() == 0 else ""  # as root, serve as nobody
        # TraceEnable Off as Debian's security.conf sets it (the server answers TRACE 405 too)
        modules = "\n".join(
            f"LoadModule {name}_module {MODULES / f'mod_{name}.so'}"
            for name in ("mpm_event", "authz_core", "dir", "mime", "rewrite", "headers")
        )
        (run / "httpd.conf").write_text(
            f"""ServerRoot {run}
ServerName localhost
DefaultRuntimeDir {run}
PidFile {run / "httpd.pid"}
ErrorLog {run / "error.log"}
LogLevel warn
{modules}
{user}
TypesConfig {"/etc/mime.types" if Path("/etc/mime.types").is_file() else os.devnull}
TraceEnable Off
Listen 127.0.0.1:{root_port}
Listen 127.0.0.1:{sub_port}
<Directory />
    AllowOverride None
    Require all denied
</Directory>
<Directory {top}>
    AllowOverride {"FileInfo Indexes Options=Indexes,MultiViews" if request.param == "htaccess" else "None"}
    Require all granted
</Directory>
{conf}<VirtualHost 127.0.0.1:{root_port}>
    DocumentRoot {export}
</VirtualHost>
<VirtualHost 127.0.0.1:{sub_port}>
    DocumentRoot {top / "www"}
</VirtualHost>
""",
            encoding="utf-8",
        )
        proc = subprocess.Popen(
            [APACHE_BINARY, "-X", "-f", str(run / "httpd.conf")], stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        try:
            wait_listening(proc, (root_port, sub_port), "Apache")
            yield export, root_port, sub_port
        finally:
            stop(proc, signal.SIGTERM)
        log = (run / "error.log").read_text(encoding="utf-8") if (run / "error.log").exists() else ""
        assert not re.search(r"\[[a-z_]+:(emerg|alert|crit|error)\]", log), log
    finally:
        shutil.rmtree(top, ignore_errors=True)


def _get(port: int, path: str, accept: str | None = None) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers={"Accept": accept} if accept is not None else {})
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


def _hosts(apache: tuple[Path, int, int]) -> list[tuple[int, str]]:
    """(port, the export's URL path) of both hosts."""
    _, root_port, sub_port = apache
    return [(root_port, ""), (sub_port, SUB_PATH)]


def test_apache_sends_the_graphs_iri_where_the_server_does(
    apache: tuple[Path, int, int], opened: Release, expected: tuple[dict[str | None, str], str]
) -> None:
    export = apache[0]
    targets, cache_control = expected
    path = graph_path(opened)
    for port, prefix in _hosts(apache):
        for accept in GRAPH_ACCEPT:
            status, headers, _ = _get(port, prefix + path, accept)
            if targets[accept] is None:
                assert status == 406, (prefix, accept, status)
                continue
            assert status == 303, (prefix, accept, status)
            assert urlsplit(headers["location"]).path == prefix + targets[accept], (prefix, accept, headers)
            assert "accept" in [v.strip().lower() for v in headers["vary"].split(",")], (prefix, accept, headers)
            assert headers.get("cache-control") == cache_control, (prefix, accept, headers)
        for target in sorted({t for t in targets.values() if t}):
            status, _, body = _get(port, prefix + target)
            on_disk = export / (target[1:] if target.endswith(".html") else f"download{target}")
            assert status == 200 and body == on_disk.read_bytes(), (prefix, target)
        for other in ("/graph/0.0.1", f"{path}/", f"{path}.ttl", f"{path}x"):
            status, headers, _ = _get(port, prefix + other, "text/turtle")
            assert status == 404 and "location" not in headers, (prefix, other, status)


def _htaccess(request: pytest.FixtureRequest) -> bool:
    """Whether the test asks Apache reading the rules from the ``.htaccess``, which it reads and
    compiles again for every request: the same rules as ``apache/sakrad.conf``'s, which the test
    asks with every case, so that a test asking many cases asks a case of each kind there."""
    return "htaccess" in request.node.callspec.id


def first_of_each_kind(paths: list[str]) -> list[str]:
    """The first of ``paths`` of each kind: the same segments but the last, as many of them, the
    same suffix (a meeting, a person … and a part of each depth; a document of each folder)."""
    firsts: dict[tuple[str | int, ...], str] = {}
    for path in paths:
        segments = path.strip("/").split("/")
        firsts.setdefault((*segments[:-1], len(segments), os.path.splitext(segments[-1])[1]), path)
    return list(firsts.values())


def test_apache_answers_every_thing_and_part_with_303_to_its_document(
    apache: tuple[Path, int, int], opened: Release, request: pytest.FixtureRequest
) -> None:
    base = opened.base_iri
    things, parts = things_and_parts(opened)
    assert len(things) > 10 and len(parts) > 10
    asked = things + parts[:50]
    if _htaccess(request):
        asked = first_of_each_kind([iri[len(base) - 1 :] for iri in things]) + first_of_each_kind(
            [iri[len(base) - 1 :] for iri in parts]
        )
        asked = [base[:-1] + path for path in asked]
        assert len(asked) > 10 and set(asked) & set(parts) and set(asked) & set(things), asked
    for port, prefix in _hosts(apache):
        for iri in asked:
            path = iri[len(base) - 1 :]
            status, headers, _ = _get(port, prefix + path)
            kind, id, *part = path.split("/")[2:]
            target = urlsplit(headers["location"])  # the page (no Accept), a part at its fragment, as the server sends
            assert status == 303, (prefix, path, status)
            assert (target.path, target.fragment) == (f"{prefix}/doc/{kind}/{id}.html", "/".join(part)), (prefix, path)
        for path in ("/id/meeting/no-such-meeting", "/id/nothing", "/id/meeting/x%0d%0aSet-Cookie:%20pwned=1"):
            status, headers, _ = _get(port, prefix + path)
            assert status == 404 and "location" not in headers and "set-cookie" not in headers, (prefix, path)


def test_apache_negotiates_the_documents(
    apache: tuple[Path, int, int], opened: Release, request: pytest.FixtureRequest
) -> None:
    """Documents of each folder, each with every header of ``static/accept.tsv``; from the
    ``.htaccess``, each document with the headers in turn and the first of each folder with every
    header."""
    export = apache[0]
    documents = [path for _, path in published_resources(opened.store, opened.base_iri) if not is_role(path)][::25]
    documents.append("/ontology")
    cases = accept_cases()
    asked = [(path, case) for path in documents for case in cases]
    if _htaccess(request):
        firsts = first_of_each_kind(documents)
        asked = [(path, cases[n % len(cases)]) for n, path in enumerate(documents)]
        asked += [(path, case) for path in firsts for case in cases if (path, case) not in asked]
        assert len(firsts) > 3 and {case for _, case in asked} == set(cases)
    for port, prefix in _hosts(apache):
        for path, (name, header) in asked:
            status, headers, body = _get(port, prefix + path, header)
            if name == "none":
                assert status == 406, (prefix, path, header, status)
                continue
            wanted = BY_NAME[name]
            assert status == 200, (prefix, path, header, status)
            assert headers["content-type"].split(";")[0] == wanted.media_type, (prefix, path, header)
            assert "Accept" in headers.get("vary", ""), (prefix, path)
            assert body == (export / f"{path[1:]}{wanted.suffix}").read_bytes(), (prefix, path, header)


def test_apache_answers_the_role_scheme_and_every_role_with_303_to_its_document(
    apache: tuple[Path, int, int], opened: Release
) -> None:
    """``/role`` and ``/role/{x}`` are slash IRIs of things: 303 See Other to the document in the
    negotiated format, as from the server and nginx; 406 where Accept allows no format."""
    roles = [path for _, path in published_resources(opened.store, opened.base_iri) if is_role(path)]
    assert "/role" in roles and len(roles) > 3, roles
    for port, prefix in _hosts(apache):
        for path in roles:
            for name, header in accept_cases()[:: max(1, len(accept_cases()) // 6)] + [("none", "image/png")]:
                status, headers, _ = _get(port, prefix + path, header)
                if name == "none":
                    assert status == 406, (prefix, path, header, status)
                    continue
                assert status == 303, (prefix, path, header, status)
                target = urlsplit(headers["location"]).path
                assert target == f"{prefix}{path}{BY_NAME[name].suffix}", (prefix, path, header, target)
                assert _get(port, target)[0] == 200, (prefix, target)


def test_apache_does_not_serve_the_rules(apache: tuple[Path, int, int]) -> None:
    for port, prefix in _hosts(apache):
        for path in (f"/{NGINX_HTTP}", f"/{APACHE}", "/nginx/", f"/{APACHE_CONF}", "/apache/"):
            status, _, body = _get(port, prefix + path)
            assert status == 404 and b"RewriteRule" not in body and b"map $http_accept" not in body, (prefix, path)


def _path_kind(path: str, answers: tuple[tuple, ...]) -> tuple:
    """What the rules tell a path by: its first segment, how many it has, its suffix, and what the
    server answers it with each header (status, and a 303's target's suffix)."""
    segments = path.strip("/").split("/")
    suffix = os.path.splitext(segments[-1])[1]
    return segments[0], len(segments), suffix, tuple((a[0], os.path.splitext(str(a[-1]))[1]) for a in answers)


def walk_sample(expected: dict[tuple[str, str | None], tuple]) -> dict[tuple[str, str | None], tuple]:
    """Of the server's answers to every path with every header: every path once, with the headers in
    turn, and every header with the first path of each kind (:func:`_path_kind`): every kind of path
    with every header, every path, every header."""
    accepts = list(dict.fromkeys(accept for _, accept in expected))
    paths = sorted({path for path, _ in expected})
    firsts: dict[tuple, str] = {}
    for path in paths:
        firsts.setdefault(_path_kind(path, tuple(expected[path, a] for a in accepts)), path)
    keep = {(path, accepts[n % len(accepts)]) for n, path in enumerate(paths)}
    keep |= {(path, accept) for path in firsts.values() for accept in accepts}
    return {key: answer for key, answer in expected.items() if key in keep}


@pytest.fixture(scope="module")
def server_walk(release: Path, opened: Release, export: Path) -> dict[tuple[str, str | None], tuple]:
    """The server's answer to every path the release publishes with every header of ``WALK_ACCEPT``
    (``static_site.server_answers``), once for both ways Apache reads the rules."""
    return server_answers(release, opened, (export / "index.html").read_bytes())


def test_apache_answers_every_iri_the_release_publishes_as_the_server_does(
    apache: tuple[Path, int, int],
    release: Path,
    opened: Release,
    server_walk: dict[tuple[str, str | None], tuple],
    request: pytest.FixtureRequest,
) -> None:
    """As ``test_static.py`` asks nginx: every IRI under the base of the graph, the catalogue and the
    start page, with every header of ``WALK_ACCEPT``, at the web root and under a sub-path. The
    rules read from the ``.htaccess`` (which Apache reads and compiles again for every request) are
    the same text as ``apache/sakrad.conf``'s, asked every pair: there, every IRI is asked once, the
    headers in turn, and every header at one IRI of each kind (:func:`walk_sample`)."""
    expected = server_walk
    if _htaccess(request):
        rules = (apache[0] / APACHE).read_text(encoding="utf-8")
        assert (apache[0] / APACHE_CONF).read_text(encoding="utf-8").endswith(rules)
        sampled = walk_sample(expected)
        assert {p for p, _ in sampled} == {p for p, _ in expected} and {a for _, a in sampled} == set(WALK_ACCEPT)
        expected = sampled
    for port, prefix in _hosts(apache):
        differ = differences(expected, functools.partial(_get, port), release, opened, prefix)
        assert not differ, f"{len(differ)} answers differ:\n" + "\n".join(differ[:40])


def _request(port: int) -> object:
    return host_request(("127.0.0.1", port))


def test_apache_answers_a_cors_preflight_as_the_server_does(
    apache: tuple[Path, int, int], release: Path, opened: Release
) -> None:
    """A browser asks first (OPTIONS) before a GET with a long Accept or If-None-Match: Apache says
    yes as the server does, at an IRI too (a browser follows no redirect for a preflight)."""
    with server_request(release) as server:
        for port, prefix in _hosts(apache):
            differ = preflight_differences(server, _request(port), preflight_paths(opened), prefix)
            assert not differ, "\n".join(differ)


def test_apache_answers_iris_never_minted_and_queries_as_the_server_does(
    apache: tuple[Path, int, int], release: Path, opened: Release
) -> None:
    """404 for a part the data does not have, a trailing slash, nonsense below a thing, /ID/…; an
    IRI asked with a query leads where the server sends it (the query dropped)."""
    with server_request(release) as server:
        for port, prefix in _hosts(apache):
            differ = get_differences(server, _request(port), unminted_paths(opened) + query_paths(opened), prefix)
            assert not differ, "\n".join(differ)


def test_apache_answers_not_found_with_the_exports_page(apache: tuple[Path, int, int]) -> None:
    """An unknown path, an unknown IRI and the rules' own files: 404 with the export's 404.html, as
    nginx answers (the server's 404 page is the same page, made for the path)."""
    export = apache[0]
    for port, prefix in _hosts(apache):
        for path in ("/no/such/path", "/id/meeting/no-such-meeting", "/doc/meeting/no-such-meeting", "/nginx/x"):
            status, headers, body = _get(port, prefix + path, "text/html")
            assert status == 404, (prefix, path, status)
            assert headers["content-type"].split(";")[0] == "text/html" and "utf-8" in headers["content-type"].lower()
            assert body == (export / "404.html").read_bytes(), (prefix, path)
        for path in ("/en/no/such/path", "/en/doc/meeting/no-such-meeting.html"):
            status, headers, body = _get(port, prefix + path, "text/html")
            assert status == 404 and body == (export / "en" / "404.html").read_bytes(), (prefix, path, status)


def test_apache_chooses_the_readers_language_as_the_server_does(
    apache: tuple[Path, int, int], release: Path, opened: Release, request: pytest.FixtureRequest
) -> None:
    """``/`` and a thing's IRI asked with each Accept-Language header of the table: Apache answers
    as the server (English readers to /en/ and to the English page, ``Vary: Accept-Language``).
    Then 20,000 random headers at ``/`` (from the .htaccess, which Apache reads again for each
    request, every 100th: the same rules as apache/sakrad.conf's) and every 10th at a thing's IRI:
    the language the server's ``preferred_language`` chooses, at the root and under the sub-path."""
    from host_headers import language_differences, language_paths, random_language_headers

    from sakrad_ld.web.served import preferred_language

    with server_request(release) as server:
        for port, prefix in _hosts(apache):
            differ = language_differences(server, _request(port), language_paths(opened), prefix)
            assert not differ, "\n".join(differ)
    headers = random_language_headers(20_000)
    assert {preferred_language(h) for h in headers} == {"sv", "en"}
    if _htaccess(request):
        headers = headers[::100]
    thing = language_paths(opened)[1]
    for port, prefix in _hosts(apache):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            for n, header in enumerate(headers):
                for path in (prefix + "/", prefix + thing) if n % 10 == 0 else (prefix + "/",):
                    conn.request("GET", path, headers={"Accept": "text/html", "Accept-Language": header})
                    response = conn.getresponse()
                    response.read()
                    location = urlsplit(response.getheader("location") or "").path
                    chosen = "en" if location.startswith(f"{prefix}/en/") else "sv"
                    assert response.status == 303 or (path.endswith("/") and response.status == 200), (path, header)
                    assert chosen == preferred_language(header), (path, header, response.status, location)
        finally:
            conn.close()


def test_apache_caching_headers_are_the_servers(apache: tuple[Path, int, int], release: Path, opened: Release) -> None:
    """One caching policy on the server and Apache: Cache-Control on every 200 and 303 (none on
    404 and 406), Vary where the answer is negotiated and only there, at the root and the sub-path."""
    from host_headers import caching_differences, caching_paths

    with server_request(release) as server:
        for port, prefix in _hosts(apache):
            differ = caching_differences(server, _request(port), caching_paths(opened), prefix)
            assert not differ, "\n".join(differ)


def test_apache_answers_head_other_methods_ranges_and_conditions_as_the_server_does(
    apache: tuple[Path, int, int], release: Path, opened: Release
) -> None:
    """HEAD as GET; POST, PUT, DELETE, PATCH and OPTIONS (no preflight) 405 with ``Allow: HEAD,
    GET``; one range of a release file 206, several its whole, past its end 416, a page or a
    document whole; If-None-Match; ``nosniff`` on every answer (``host_headers.exchange_cases``)."""
    from host_headers import exchange_cases, exchange_differences

    cases = exchange_cases(opened)
    assert any(path.startswith("/sources/") for _, path, _ in cases)  # a kept copy
    with server_request(release) as server:
        for port, prefix in _hosts(apache):
            differ = exchange_differences(without_variant_etag(server), _request(port), cases, prefix)
            assert not differ, "\n".join(differ)


def media_type_sample(paths: list[str], named: dict[str, str]) -> list[str]:
    """Of ``paths``, what the rules give a media type by: each release file the rules name
    (``named``: its suffix does not tell its type), and the first path of each folder and suffix, at
    its own path and under download/."""
    kinds: dict[tuple[str, ...], str] = {}
    for path in paths:
        name = path.removeprefix("/download/").lstrip("/")
        folder, _, file = path.rpartition("/")
        kind = (path,) if name in named else (folder, os.path.splitext(file)[1])
        kinds.setdefault(kind, path)
    return list(kinds.values())


def test_apache_sends_each_files_media_type_as_the_server_does(
    apache: tuple[Path, int, int], release: Path, opened: Release, request: pytest.FixtureRequest
) -> None:
    """The whole Content-Type (charset and parameters included) of every release file, at its own
    path and under download/ (the kept copies under sources/ among them), and of a file of each
    suffix in each folder of the export's site: the server's (``host_headers.media_type_paths``).
    From the ``.htaccess``, each file the rules name and a file of each folder and suffix
    (:func:`media_type_sample`)."""
    from host_headers import media_type_differences, media_type_paths

    paths = media_type_paths(opened, apache[0])
    assert any(p.startswith("/sources/") for p in paths) and any(p.endswith(".schema.json") for p in paths), paths
    if _htaccess(request):  # apache/sakrad.conf's same rules are asked every path
        paths = media_type_sample(paths, host_types({f.path: f.media_type for f in opened.files.values()})[2])
        assert any(p.startswith("/sources/") for p in paths) and any(p.endswith(".schema.json") for p in paths), paths
    with server_request(release) as server:
        for port, prefix in _hosts(apache):
            differ = media_type_differences(server, _request(port), paths, prefix)
            assert not differ, f"{len(differ)} of {len(paths)} differ under {prefix!r}:\n" + "\n".join(differ)


def test_apache_answers_errors_303s_conditions_and_dates_as_the_server_does(
    apache: tuple[Path, int, int], release: Path, opened: Release
) -> None:
    """The whole answer (``host_headers.answer_of``) to 303s, 405, 406, 416, 404 (the page in the
    path's language for a browser, Problem Details for a program), 304, If-Modified-Since and HEAD:
    the server's, at the root and under the sub-path. But a 416's Content-Range: Apache's rules
    cannot learn a file's size (``filesize`` is not allowed in an .htaccess), so it has none."""
    from host_headers import answer_cases, answer_differences, host_exchange, server_exchange

    cases = answer_cases(opened)
    with server_exchange(release) as server:
        for port, prefix in _hosts(apache):
            differ = answer_differences(
                without_variant_etag(server),
                host_exchange(("127.0.0.1", port)),
                cases,
                prefix,
                {(416, "content-range")},
            )
            assert not differ, f"{len(differ)} of {len(cases)} differ under {prefix!r}:\n" + "\n".join(differ[:30])


def test_a_conditional_get_of_an_unknown_path_is_404_on_apache(apache: tuple[Path, int, int]) -> None:
    """An unknown path is answered with 404.html but is not that file: no ETag or Last-Modified,
    and If-None-Match with 404.html's own ETag (or If-Modified-Since a date after it was written)
    is still 404, not 304."""
    for port, prefix in _hosts(apache):
        _, headers, _ = _get(port, prefix + "/404.html")
        tag = headers["etag"]
        ask = _request(port)
        for path in ("/no/such/page", "/id/meeting/no-such-meeting", "/en/no/such/page"):
            assert "last-modified" not in headers  # a page is not a release file (as on the server)
            now = formatdate(time.time(), usegmt=True)  # after 404.html was written
            for conditional in ({"If-None-Match": tag}, {"If-Modified-Since": now}):
                status, got = ask("GET", prefix + path, conditional)  # type: ignore[operator]
                assert status == 404 and "etag" not in got and "last-modified" not in got, (path, status, got)


def test_apache_sends_no_validator_two_formats_of_a_document_could_share(apache: tuple[Path, int, int]) -> None:
    """Apache's ETag of a file is its modification time and size: two formats of one document with
    one time and size had one strong ETag under the document's path, and a conditional GET for one
    format with the other's tag was 304 (RFC 9110 §8.8.3). Under the negotiated path no ETag is
    sent, a tag is never 304 there, ``*`` is; the files at their own paths keep theirs."""
    from host_headers import host_exchange

    with one_validator_for_two_formats(apache[0]) as path:
        for port, prefix in _hosts(apache):
            differ = variant_validator_differences(host_exchange(("127.0.0.1", port)), path, prefix)
            assert not differ, f"under {prefix!r}:\n" + "\n".join(differ)
