"""The site as files, for hosting without a Python process, with nginx and Apache rules for Cool
URIs and content negotiation (https://www.w3.org/TR/cooluris/,
https://nginx.org/en/docs/http/ngx_http_map_module.html, https://httpd.apache.org/docs/2.4/mod/mod_rewrite.html).

Layout of an export::

    index.html  404.html  context.jsonld     the start page, "not found", the JSON-LD context
    dataset.html … catalog.html …            the dataset's other IRIs under the base: page and documents
    dataset/distribution/turtle.html …       (:func:`minted_paths`; a suffix a release file has is the file's)
    doc/{kind}/{id}.html .ttl .jsonld .nt .rdf  every thing's document, in HTML and every RDF format
    role.html …  role/{x}.html …             the role scheme and its roles, likewise
    ontology.html  ontology.ttl …            the ontology's documentation and its RDF
    lists/ search.html search-index.js feeds/ sitemap.xml robots.txt assets/   (sakrad_ld.web.sitefiles)
    en/…                                     every page in English
    download/…                               every file of the release, as built
    nginx/sakrad-http.conf                   the Accept → format map and the map of known IRIs (``http {}``)
    nginx/sakrad-server.conf                 the locations (the ``server {}`` whose root is the export)
    .htaccess                                the same rules for Apache (mod_rewrite, mod_headers)
    apache/sakrad.conf                       the same again, to include in a <Directory> of Apache's
                                             configuration (read once, not for every request)
    apache/id/{kind}/{id}/{part}.part        an empty marker per part IRI the data has (Apache's 303)
    apache/problem/{404,405,406,416}.json    the error answers' Problem Details (Apache's ErrorDocuments)
    apache/gone/{n}.html .txt                the 410 Gone of each withdrawn IRI (both hosts' rules); {n}-en.html
                                             .txt below /en/

Every link in the pages is relative and names a file, so the export works at a web root, under a
sub-path and from ``file://`` with any static server; the rules add what only a server can do, and
answer every IRI the release publishes as ``sakrad-ld serve`` does (but ``/sparql``):

* ``/id/{kind}/{id}`` (and its parts) answer 303 See Other with ``/doc/{kind}/{id}.{ext}`` in the
  negotiated format, a part at its fragment (``#question/1``) — only for IRIs the data has (nginx:
  a map of every one, taken only where its path is the request's exactly, as nginx's map ignores
  case; Apache: when the thing's document exists, for a part when its marker does), anything else
  under ``/id/`` is 404; the query is dropped. No
  part of the request is copied into a header: the target comes from the map (nginx) or from
  captures limited to the characters of an id after the URL path of the export's folder (Apache),
  so ``/id/x%0d%0aSet-Cookie:…`` cannot add a header.
* ``/en/id/…`` (an English reader's ``/en`` before a thing's IRI) is looked up as ``/id/…``: 303
  to the English page ``/en/doc/{kind}/{id}.html`` for a browser whatever ``Accept-Language`` says,
  to the document as from ``/id/…`` for a program; 404 (in English) where ``/id/…`` is.
* a path with an encoded slash (``%2F``) is 404 (nginx: before any other rule; Apache's default
  ``AllowEncodedSlashes Off`` answers it so), never the resource the slash would name.
* the dataset's other IRIs (``/dataset``, ``/catalog``, ``/register/lagrummet`` …), the role
  scheme's and each role's (``/role``, ``/role/chair``: slash IRIs of things) answer 303 to
  ``{path}.{ext}`` the same way.
* ``/doc/…`` and ``/ontology`` (its terms are hash IRIs) answer with the file of the negotiated format
  (``Vary: Accept``); a URL with an extension (``/doc/meeting/x.ttl``) is that file. An English
  page's path without ``.html`` (``/en/doc/meeting/x``, ``/en/dataset``) is negotiated as the path
  without ``/en``: the English page, 303 to the document in another format, or 406 (``Vary: Accept``).
* a withdrawn IRI (the release's ``withdrawn.json``) is 410 Gone at its ``/id/…``, ``/en/id/…``,
  ``/doc/…`` and ``/en/doc/…``, with its page for a browser and plain text for a program
  (``Vary: Accept``), as from the server; a withdrawn thing's page is also where its page was, for
  a static host without rules.
* a release file answers at its own path as under ``download/`` (``/sakrad.ttl``,
  ``/tables/meetings.csv``: the catalogue's download URLs).
* ``/graph/{version}``, the IRI of the release's graph (``graph`` in ``manifest.json``, the name
  ``sakrad-ld push`` gives it), answers 303 See Other as the server does
  (:meth:`sakrad_ld.serving.documents.Documents.graph_at`): with the release's whole data
  (``/sakrad.ttl``, ``.jsonld``, ``.nt``) in the format ``Accept`` asks for, else with the
  dataset's page ``/dataset.html`` (``Vary: Accept``); another version is 404.
* every answer has ``Access-Control-Allow-Origin: *``; a CORS preflight at any path is answered
  200 with the methods and headers a script may use, as the server answers it; the rules' own
  folders (``nginx/``, ``apache/``) are not served; what is not found gets ``404.html``.
* as from the server: ``X-Content-Type-Options: nosniff`` on every answer; any method but GET and
  HEAD (and a preflight) is 405 with ``Allow: HEAD, GET``; a release file answers one ``Range``
  (several: the whole file), any other file is whole; the reader's language (:func:`language_map`)
  at ``/`` and in a thing's 303; ``Cache-Control`` and ``Vary`` as the server's.
* errors as from the server: what is not found is the export's ``404.html`` (``en/404.html`` below
  ``/en/``) for a browser and Problem Details (``application/problem+json``, RFC 9457) for a
  program, by the server's reading of ``Accept`` (``Vary: Accept``, no validator); a 405, 406 and
  416 are Problem Details (:func:`problem_body`; their ``detail`` does not name the path, as the
  server's does). Apache's 416 has no ``Content-Range``: an ``.htaccess`` may not ask a file's size.
* only a release file says ``Last-Modified`` (its copy's modification time) and is answered 304 for
  ``If-Modified-Since``, as from the server: a release holds no clock time, and the modification
  time of a page is when the export was copied, not when it changed; ``ETag`` is the validator,
  but not of a document answered under its path without a suffix (``/doc/meeting/x``, the
  negotiated format's file): the host's ETag of a file (modification time and size) can be one
  for two formats of one document, and a strong validator must differ between the
  representations of a resource (RFC 9110 §8.8.3); ``If-None-Match: *`` is 304 there, as from
  the server, and the file at its own path (``x.ttl``) has its ETag.

* a folder's path without an ``index.html`` (``/doc/meeting/``, ``/download/``), which nginx's
  index module answers 403, is not found as on the server: the 404 page or problem above.

The export publishes only the release its ``SHA256SUMS`` and ``manifest.json`` describe
(:func:`copy_release`): each file is hashed as it is copied into ``download/``, and a file swapped,
cut short, missing, not listed, a link or a special file is refused (ReleaseError, exit 2) before
the site at ``out`` changes; the pages are made from the checked copy. An OSError while writing
names the file as its path in the site and says the site was not changed.

nginx and mod_rewrite cannot compute with q-values, so :func:`accept_map` is a list of regular
expressions that chooses what the server's negotiation chooses with the weights read to their first
decimal; a header that accepts no format gets 406 (no header: HTML). Both servers' rules are
written from it. Files and folders are written readable by a web server running as another user
(0644, 0755).
"""

from __future__ import annotations

import errno
import hashlib
import io
import json
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from http import HTTPStatus
from pathlib import Path

import pyoxigraph as ox

from ..catalogue.variants import filed_triples
from ..documents import (
    DOC_PATH,
    DOCUMENT_FORMATS,
    ONTOLOGY_PATH,
    ROLE_PATH,
    document_bytes,
    document_patterns,
    document_triples,
    page_path,
    see_other,
)
from ..errors import ReleaseError
from ..folders import Kept, check_replaceable, release_places, replacing
from ..formats import FORMATS, HTML, MAX_ACCEPT, MAX_RANGES, QUAD_FORMATS, RESULTS_FORMATS, Format, media_type_of
from ..inputfiles import resolved
from ..layout import CHECKSUMS, CONTEXT_FILE, DATA_STEM, MANIFEST_FILE
from ..manifest import MANIFEST_VERSION, TooManyDigits, json_document, read_manifest
from ..processes import cores, idle_cores, in_processes, prepared
from ..sparql.query import saved_queries
from ..sparql.store import Release
from ..tables import DESCRIBED_BY
from ..tables import FOLDER as TABLES_FOLDER
from ..vocab import ONTOLOGY_IRI
from ..withdrawn import RELEASE_FILE as WITHDRAWN_FILE
from ..withdrawn import TEXT, gone_text, release_withdrawals
from . import sitepages
from .pages import Site, gone_page, resource_pages_in, view_of
from .paths import LANGUAGES, language_of, translated
from .sitefiles import site_files
from .sitepages import ID_CHARS

__all__ = [
    "APACHE",
    "APACHE_CONF",
    "DATASET_PATH",
    "DOWNLOAD_PATH",
    "EXPOSE_HEADERS",
    "NGINX_HTTP",
    "NGINX_SERVER",
    "ExportResult",
    "GraphRule",
    "accept_map",
    "apache_rules",
    "export_site",
    "graph_rule",
    "host_types",
    "language_by_map",
    "language_map",
    "nginx_http_conf",
    "nginx_server_conf",
    "see_other",
]

DOWNLOAD_PATH = "download/"
NGINX_HTTP = "nginx/sakrad-http.conf"
NGINX_SERVER = "nginx/sakrad-server.conf"
APACHE = ".htaccess"
#: The same rules for Apache's server configuration, read once at start (inside a ``<Directory>``).
APACHE_CONF = "apache/sakrad.conf"
#: A marker file per part of a thing (``apache/id/meeting/x/question/1.part``): Apache's rules answer
#: 303 for a part only where its marker exists, as nginx's map lists the part.
APACHE_PARTS = "apache/id/"
PART_MARKER = ".part"

#: The answer to a CORS preflight (``OPTIONS`` with ``Origin`` and ``Access-Control-Request-Method``),
#: as the server's (:mod:`sakrad_ld.serving.server`'s CORSMiddleware) but for POST, which a static
#: host has no use for: a browser may then send the request with these headers (a long ``Accept``,
#: a conditional or ranged request: ``If-None-Match``, ``If-Match``, ``If-Modified-Since``,
#: ``If-Unmodified-Since``, ``If-Range``, a ``Range`` the Fetch standard does not safelist, such as
#: ``bytes=-500``), which are not CORS-safelisted.
PREFLIGHT_METHODS = "GET, HEAD"
PREFLIGHT_HEADERS = (
    "Accept, Accept-Language, Content-Language, Content-Type, "
    "If-Match, If-Modified-Since, If-None-Match, If-Range, If-Unmodified-Since, Range"
)
PREFLIGHT_MAX_AGE = "86400"
#: The methods a static host answers (any other is 405 with these in ``Allow``, as from the server).
ALLOWED_METHODS = "HEAD, GET"
PREFLIGHT_VARY = (
    "Origin, Access-Control-Request-Method, Access-Control-Request-Headers, Access-Control-Request-Private-Network"
)
#: The answer headers a page's script may read, as from the server: the validator, where a document
#: is and its variants, a 303's target, what it varies by, and what a ranged or resumed download
#: needs (a 206's Content-Range, Accept-Ranges, the length; Content-Disposition where a file is
#: named). The Fetch standard lets a script read only the safelisted ones (Content-Type …) otherwise.
EXPOSE_HEADERS = (
    "ETag, Content-Location, Link, Location, Vary, Content-Range, Accept-Ranges, Content-Length, Content-Disposition"
)

#: Offered formats in the order the map tries them: HTML first, then the RDF formats.
OFFERS: tuple[Format, ...] = DOCUMENT_FORMATS
#: The dataset's document (``{base}dataset``), where the release's graph leads a browser.
DATASET_PATH = "/dataset"
#: What the map gives a header that accepts none of the offers: the rules answer 406.
NOT_ACCEPTABLE = ""
#: Problem Details (RFC 9457, https://www.rfc-editor.org/rfc/rfc9457), the shape of the server's
#: error answers (:mod:`sakrad_ld.serving.problem`), negotiated against a page for a 404 as there.
PROBLEM = Format("problem", ".json", "application/problem+json", "JSON", "Problem Details", ("application/json",))
#: The bodies of the hosts' error answers (Apache's ErrorDocuments; nginx's rules hold them inline).
PROBLEMS = "apache/problem/"
#: What an error answer of the hosts says, by status (the server's details name the path too).
PROBLEM_DETAILS = {
    404: "there is no such page or file; the start page / lists the documents and downloads",
    405: "only GET and HEAD are answered here: the site is a folder of files",
    406: "the request's Accept header allows none of the formats offered here: "
    + ", ".join(f.media_type for f in OFFERS),
    416: "the range asked for starts past the end of the file",
}


def problem_body(status: int) -> bytes:
    """The body of a host's error answer of ``status``: Problem Details as the server writes them."""
    doc = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": PROBLEM_DETAILS[status],
    }
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


@dataclass(frozen=True)
class GraphRule:
    """The IRI of the release's graph as a path (``/graph/1.0.0``) and where it leads for each format
    it is offered in (HTML first): what :meth:`sakrad_ld.serving.documents.Documents.graph_at` answers."""

    path: str
    targets: tuple[tuple[Format, str], ...]


def graph_rule(opened: Release) -> GraphRule | None:
    """The 303 rule of ``opened``'s graph: the dataset's page for HTML, the download of the
    release's data for each RDF format it has (``sakrad.ttl`` …); None when the graph is not
    ``{base}graph/{version}`` of a version the rules can hold as it is."""
    base = opened.base_iri
    path = opened.graph[len(base) - 1 :]
    if not opened.graph.startswith(base) or not re.fullmatch(f"/graph/[{ID_CHARS}]+", path):
        return None
    targets = tuple(
        (f, f"{DATASET_PATH}{f.suffix}" if f is HTML else f"/{DATA_STEM}{f.suffix}")
        for f in OFFERS
        if f is HTML or DATA_STEM + f.suffix in opened.files
    )
    return GraphRule(path, targets)


@dataclass(frozen=True)
class ExportResult:
    out: Path
    documents: int  # resources with a document of their own (the ontology included)
    files: int


#: The 410 answers of the withdrawn IRIs, ``{n}.html`` and ``{n}.txt`` (Apache's ErrorDocument; nginx
#: answers them from its rules), numbered as :func:`gone_answers` lists them.
GONE = "apache/gone/"
#: nginx: the internal path a negotiated document's file is answered from, without a validator.
VARIANT = ".sakrad-variant"
#: The paths of a withdrawn IRI ``/id/{rest}`` answered 410, as the server answers them
#: (:func:`sakrad_ld.withdrawn.gone_path`): the IRI, ``/en`` before it, its document in each format and its English page.
_GONE_SUFFIXES = ("", *(f.suffix for f in DOCUMENT_FORMATS))


def gone_answers(release: Path, site: Site) -> dict[str, tuple[dict[str, bytes], bytes]]:
    """The release's withdrawn IRIs (``withdrawn.json``), by path (``/id/…``), sorted, each with the
    page of its 410 Gone in each language (the English one answered below ``/en/``) and its plain text."""
    listed = release_withdrawals((release / WITHDRAWN_FILE).read_bytes())
    return {
        path: (
            {lang: gone_page(item, site, lang).encode() for lang in LANGUAGES},
            gone_text(item, site.base_iri).encode(),
        )
        for path, item in sorted(listed.items())
    }


def gone_name(n: int, lang: str) -> str:
    """The name of the ``n``-th withdrawn IRI's 410 answers in :data:`GONE` (``{name}.html``,
    ``{name}.txt``): ``3``, and ``3-en`` for those answered below ``/en/``."""
    return f"{n}" if lang == LANGUAGES[0] else f"{n}-{lang}"


def gone_paths(path: str) -> list[str]:
    """Every request path answered 410 for the withdrawn IRI at ``path`` (``/id/{rest}``)."""
    rest = path[len("/id/") :]
    return [
        path,
        f"/en{path}",
        *(f"/doc/{rest}{suffix}" for suffix in _GONE_SUFFIXES),
        *(f"/en/doc/{rest}{suffix}" for suffix in _GONE_SUFFIXES),
    ]


def _quiet(stage: str, done: int, total: int) -> None:
    return None


#: The file every export holds, written last (in ``nginx/``, which neither server's rules serve):
#: an export replaces only a folder holding it, or an empty one (:func:`sakrad_ld.folders.replacing`).
SITE_MARK = "nginx/sakrad-export"


def export_site(
    release: Path,
    out: Path,
    progress: Callable[[str, int, int], None] = _quiet,
    previous: Path | None = None,
    kept: Iterable[Kept] = (),
    workers: int | None = None,
) -> ExportResult:
    """Writes the site of ``release`` into ``out`` (replacing it only once every file is written).
    ``previous`` is the release before it: the feeds name what changed since (without it, every
    sakråd is new). ``out`` is refused (ReleaseError, nothing made) where it is not a previous
    export (:data:`SITE_MARK`), a new or an empty folder, and where it is, holds or lies inside
    ``release``, ``previous`` (their folders and store of releases) or a folder of ``kept``.
    The pages are written by up to ``workers`` processes (default: one per core where a core is
    idle, else this one alone); the files are the same however many there are."""
    places = [*kept, *release_places(release, "the --release folder")]
    if previous is not None:
        places += release_places(previous, "the --previous release")
    check_replaceable(out, SITE_MARK, places)  # named as given; again as it resolves, by replacing()
    out = resolved(out, "the site folder")
    written: list[Path] = []  # the folder the site is written into, once there is one
    try:
        with replacing(out, SITE_MARK, places) as tmp:
            written.append(tmp)
            tmp.chmod(0o755)
            # the release as SHA256SUMS and its manifest list it, hashed as it is copied into
            # download/; everything after reads this checked copy, never the folder given
            files = copy_release(Path(release), tmp / DOWNLOAD_PATH, out)
            if previous is not None:  # read for the feeds: checked likewise (not copied)
                copy_release(Path(previous), None, out)
            documents, more = _export(tmp, tmp / DOWNLOAD_PATH, progress, previous, workers)
    except OSError as err:
        raise _site_error(err, out, written[0] if written else None) from None
    return ExportResult(out, documents, files + more)


def _export(
    tmp: Path, release: Path, progress: Callable[[str, int, int], None], previous: Path | None, workers: int | None
) -> tuple[int, int]:
    """Writes the site of the checked copy ``release`` (``tmp``'s download/) into ``tmp``: how many
    documents it has, and how many files were written."""
    files = 0

    def put(rel: str, data: bytes) -> None:
        nonlocal files
        _put(tmp, rel, data)
        files += 1

    opened = Release.open(release)
    store, base = opened.store, opened.base_iri
    site = Site(
        base,
        [(f.path, f.media_type, f.size) for f in opened.files.values()],
        list(saved_queries()),
        sparql_path=None,
        download_path=DOWNLOAD_PATH,
        release=opened.root,
        graph=opened.graph or None,
    )
    before = Release.open(previous).store if previous is not None else None
    _documents(put, store, ONTOLOGY_IRI.value, ONTOLOGY_PATH)
    graph = graph_rule(opened)
    # the pages the site has, from the one list the sitemap names too
    listed = sitepages.site_pages(store, base, site.download_names, site.graph_path)
    minted = listed.minted
    for n, path in enumerate(minted, start=1):  # the dataset, the catalogue … (303 to these pages)
        progress("minted", n, len(minted))
        iri = base + path[1:]
        pages = resource_pages_in(store, iri, site, LANGUAGES)
        if pages is None:  # minted_paths only lists what the store knows; never expected
            raise AssertionError(f"no page for {iri}")
        for lang, page in zip(LANGUAGES, pages, strict=True):
            put(translated(f"{path[1:]}.html", lang), page.encode())
        # a resource whose document is a release file (catalog.ttl): every variant is that file's graph
        triples = (
            filed_triples(path, opened.files, lambda name: (opened.root / name).read_bytes(), base)
            or document_triples(store, iri)
            or _mentions(store, iri)
        )
        for f in FORMATS:
            if f"{path[1:]}{f.suffix}" not in opened.files:  # else the release's file answers there
                put(f"{path[1:]}{f.suffix}", document_bytes(triples, f, iri))
    resources = listed.resources
    files += _resource_files(tmp, store, site, resources, progress, before, listed.files(), workers)
    if CONTEXT_FILE in opened.files:  # the context at its own path too (checked with the rest)
        _write(tmp / CONTEXT_FILE, (release / CONTEXT_FILE).read_bytes())
        files += 1
    known = {path: page_path(base + path[1:], base) or doc for path, doc in see_other(store, base).items()}
    # the role scheme and its roles answer 303 to their documents as the dataset's other IRIs do
    see_others = [*minted, *_roles(path for _, path in resources)]
    put(NGINX_HTTP, nginx_http_conf(known, graph, see_others).encode())
    release_types = {f.path: f.media_type for f in opened.files.values()}
    gone = gone_answers(release, site) if WITHDRAWN_FILE in opened.files else {}
    for n, (path, (pages, text)) in enumerate(gone.items(), start=1):  # withdrawn IRIs: 410 Gone
        rest = path[len("/id/") :]
        for lang in LANGUAGES:
            put(f"{GONE}{gone_name(n, lang)}{HTML.suffix}", pages[lang])
            put(f"{GONE}{gone_name(n, lang)}{TEXT.suffix}", text)
            if rest.count("/") == 1:  # a thing's document's page, where a static host has no rules
                put(translated(f"doc/{rest}{HTML.suffix}", lang), pages[lang])
    put(NGINX_SERVER, nginx_server_conf(graph, release_types, see_others, list(gone)).encode())
    apache = apache_rules(
        graph, see_others, sorted(opened.files), {f.path: f.media_type for f in opened.files.values()}, list(gone)
    )
    put(APACHE, apache.encode())
    put(APACHE_CONF, (_APACHE_CONF_HEAD + apache).encode())
    for status in PROBLEM_DETAILS:
        put(f"{PROBLEMS}{status}{PROBLEM.suffix}", problem_body(status))
    for path in known:
        if path.startswith("/id/") and path.count("/") > 3:  # a part: /id/{kind}/{id}/{part}
            put(f"{APACHE_PARTS}{path[len('/id/') :]}{PART_MARKER}", b"")
    return len(resources) + len(minted) + 1, files  # the ontology's document too


def _resource_files(
    tmp: Path,
    store: ox.Store,
    site: Site,
    resources: list[tuple[str, str]],
    progress: Callable[[str, int, int], None],
    before: ox.Store | None,
    pages: list[str],
    workers: int | None,
) -> int:
    """Writes every resource's pages (each read once for every language) and documents, and the
    prepared files (:func:`sakrad_ld.web.sitefiles.site_files`, ``pages`` in the sitemap): how many
    files. By up to ``workers`` processes (default: one per core where another core is idle, else
    this one alone), forked once the site's shared indexes are read (so none reads them again):
    the prepared files in one beside this one, the resources' in shares, each process its own
    files; what is written does not depend on which process writes it. A file-system error is raised here as this process's own would be,
    naming the file; the first one, in the resources' order."""
    workers = workers if workers is not None else cores() if idle_cores() > 0 else 1
    helpers = workers > 1 and cores() > 1
    if helpers:  # read before forking, for every process: what each page reads of the whole store
        site.labels(store).document_at(site.base_iri)
        site.citations(store).of(ox.NamedNode(site.base_iri))
        site.downloads_by_meeting  # noqa: B018 - a cached property, read here to be shared
        view_of(store, site)  # the release's quads, where each fact's documents are read
    # every resource's folders first: no two processes make one
    for folder in sorted(
        sitepages.folders(pages + [f"{path[1:]}{f.suffix}" for _, path in resources for f in FORMATS])
    ):
        _folders(tmp, tmp / folder)

    exporting, forked = os.getpid(), [False]

    def let_go() -> None:  # in a process forked to write: the lock on the site's folder is not its own
        if not forked[0] and os.getpid() != exporting:
            _let_go(tmp)
            forked[0] = True

    def prepared_files() -> int:
        let_go()
        written = 0
        for rel, data in site_files(store, site, before, pages):
            _put(tmp, rel, data)
            written += 1
        return written

    beside = prepared(prepared_files, lambda written, _: written, fork=helpers)
    failed: list[OSError] = []  # this process's first file-system error: it writes no more

    def resource_files(item: tuple[str, str]) -> int | OSError:
        iri, path = item
        let_go()
        if failed:
            return 0
        try:
            written = 0
            made = resource_pages_in(store, iri, site, LANGUAGES)
            if made is None:  # site_pages only lists what the store knows; never expected
                raise AssertionError(f"no page for {iri}")
            for lang, page in zip(LANGUAGES, made, strict=True):
                _put(tmp, translated(f"{path[1:]}.html", lang), page.encode())
                written += 1
            _documents(partial(_put, tmp), store, iri, path)
            return written + len(FORMATS)
        except OSError as err:  # handed back to this process, as its own: the first is raised
            failed.append(err)
            return err

    try:
        done = in_processes(
            resources,
            resource_files,
            workers if helpers else 1,
            lambda n, total: progress("pages", n, total),
        )
        beside.give(b"")
    except BaseException:
        beside.stop()
        raise
    errors = [d for d in done if isinstance(d, OSError)]
    if errors:
        beside.stop()
        raise errors[0]
    return sum(d for d in done if isinstance(d, int)) + beside.result()


def _let_go(folder: Path) -> None:
    """In a process forked to write into ``folder``: closes its copies of the descriptors of
    ``folder`` itself, whose lock the exporting process holds (:func:`sakrad_ld.folders.replacing`),
    so that the lock goes with that process alone: when it is killed, the next export removes the
    folder at once, not only once the processes it forked have died too."""
    try:
        held = os.stat(folder)
        fds = [int(n) for n in os.listdir("/proc/self/fd")]
    except OSError:  # not Linux: the lock goes with the last of them
        return
    for fd in fds:
        try:
            if os.path.samestat(os.fstat(fd), held):
                os.close(fd)
        except OSError:  # the descriptor listdir read by, closed since
            pass


def _put(tmp: Path, rel: str, data: bytes) -> None:
    """Writes the file ``rel`` of the site being written into ``tmp``, with its folders."""
    path = tmp / rel
    _folders(tmp, path.parent)
    _write(path, data)


#: How much of a release file is read, hashed and written at a time.
_BLOCK = 1 << 20
#: A line of SHA256SUMS: the digest, two spaces (or a space and ``*``), the file's path.
_SUMS_LINE = re.compile(r"([0-9a-f]{64}) [ *](.+)")
_KINDS = (
    (stat.S_ISLNK, "a symbolic link"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


def _kind(mode: int) -> str:
    return next((said for test, said in _KINDS if test(mode)), "not a regular file")


def copy_release(release: Path, into: Path | None, out: Path) -> int:
    """Checks the release folder ``release`` against its ``SHA256SUMS`` and ``manifest.json`` while
    copying each file into ``into`` (None: only checks; each file is read once): every file either
    lists is there as a regular file (no symbolic link, FIFO, device or socket, in no folder reached
    through a link) with the size and SHA-256 both give; the folder holds nothing else (names
    starting with a dot, never published, are not read); the two lists name the same files with the
    same digests. ReleaseError naming the file and what is expected otherwise, before anything of
    the site at ``out`` changes. How many files were copied."""
    root = resolved(release, "the release folder")
    unchanged = f"nothing was exported, the site at {out} was not changed"
    rebuild = f"rebuild the release with `sakrad-ld build` or copy it again whole; {unchanged}"
    if not root.is_dir():
        raise ReleaseError(f"{release}: not a folder; give the folder of a release built by `sakrad-ld build`")
    found = _tree(root, rebuild)  # relative path → (size, mode) of every entry but hidden ones
    if CHECKSUMS not in found or MANIFEST_FILE not in found:
        read_manifest(root)  # not a release, or one of an older sakrad-ld: its own message
        raise ReleaseError(f"{root / CHECKSUMS}: missing, expected the release's checksums; {rebuild}")
    sums_data = _copied(root, CHECKSUMS, found, into, rebuild)[2]
    sums: dict[str, str] = {}
    for n, line in enumerate(sums_data.decode("utf-8", "replace").splitlines(), start=1):
        m = _SUMS_LINE.fullmatch(line)
        name = m[2] if m else ""
        if not m or name.startswith("/") or any(part in ("", ".", "..") for part in name.split("/")):
            raise ReleaseError(
                f"{root / CHECKSUMS}:{n}: {line[:80]!r}, expected a SHA-256 in 64 hex digits, two spaces "
                f"and the relative path of a file of the release; {rebuild}"
            )
        if name in sums or name == CHECKSUMS:
            raise ReleaseError(f"{root / CHECKSUMS}:{n}: {name} listed twice; {rebuild}")
        sums[name] = m[1]
    if MANIFEST_FILE not in sums:
        raise ReleaseError(
            f"{root / CHECKSUMS}: lists no {MANIFEST_FILE}, expected every file of the release; {rebuild}"
        )
    for rel in sorted(set(found) - set(sums) - {CHECKSUMS}):
        size, mode = found[rel]
        what = "a file" if stat.S_ISREG(mode) else _kind(mode)
        raise ReleaseError(
            f"{root / rel}: {what} that {CHECKSUMS} does not list, expected only the files the release "
            f"lists (a release holds nothing else); remove it, or {rebuild}"
        )
    for rel in sorted(set(sums) - set(found)):
        raise ReleaseError(f"{root / rel}: missing, {CHECKSUMS} lists it (SHA-256 {sums[rel]}); {rebuild}")
    copied = 1
    manifest_bytes = b""
    sizes: dict[str, int] = {}
    for rel in sorted(sums, key=lambda r: r != MANIFEST_FILE):  # the manifest first: it gives the sizes
        size, digest, data = _copied(root, rel, found, into, rebuild, keep=rel == MANIFEST_FILE)
        copied += into is not None
        if digest != sums[rel]:
            raise ReleaseError(
                f"{root / rel}: SHA-256 {digest} ({size} bytes), {CHECKSUMS} lists {sums[rel]}: not the "
                f"file the release was built with; {rebuild}"
            )
        if rel == MANIFEST_FILE:
            manifest_bytes = data
            sizes = _manifest_sizes(root, manifest_bytes, sums, rebuild)
        elif size != sizes[rel]:  # a digest that matches gives the size too; kept for a sum edited with the file
            raise ReleaseError(f"{root / rel}: {size} bytes, {MANIFEST_FILE} lists {sizes[rel]}; {rebuild}")
    return copied if into is not None else 0


def _tree(root: Path, rebuild: str) -> dict[str, tuple[int, int]]:
    """Every entry below ``root`` but those whose name starts with a dot: relative path → (size,
    mode), read without following a link; a folder reached through a link is refused."""
    found: dict[str, tuple[int, int]] = {}
    folders = [(root, "")]
    while folders:
        folder, prefix = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                rel = prefix + entry.name
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISDIR(info.st_mode):
                    folders.append((Path(entry.path), rel + "/"))
                elif stat.S_ISLNK(info.st_mode) or not stat.S_ISREG(info.st_mode):
                    raise ReleaseError(
                        f"{entry.path}: {_kind(info.st_mode)}, expected a regular file or a folder of the "
                        f"release (a release holds its own files, never a link or a special file); {rebuild}"
                    )
                else:
                    found[rel] = (info.st_size, info.st_mode)
    return found


def _copied(
    root: Path, rel: str, found: dict[str, tuple[int, int]], into: Path | None, rebuild: str, keep: bool = True
) -> tuple[int, str, bytes]:
    """Reads the release's file ``rel`` once, as a regular file that is no link, hashing it and
    writing it to ``into / rel`` as it goes: its size, SHA-256 and (``keep``) bytes."""
    source = root / rel
    try:
        fd = os.open(source, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise ReleaseError(
                f"{source}: a symbolic link, expected a regular file of the release; {rebuild}"
            ) from None
        raise
    kept = bytearray()
    digest = hashlib.sha256()
    size = 0
    with io.FileIO(fd, "rb") as file:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):  # replaced since the folder was read
            raise ReleaseError(f"{source}: {_kind(mode)}, expected a regular file of the release; {rebuild}")
        block = bytearray(min(_BLOCK, found[rel][0] + 1))
        view = memoryview(block)
        target = None
        if into is not None:
            _folders(into.parent, (into / rel).parent)
            target = into / rel
            wfd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            writer = os.fdopen(wfd, "wb")
        try:
            while n := _read(file, block, source):
                size += n
                digest.update(view[:n])
                if keep:
                    kept += view[:n]
                if target is not None:
                    try:
                        writer.write(view[:n])
                    except OSError as err:
                        raise _named(err, target) from None
        finally:
            if target is not None:
                try:
                    writer.close()  # closing flushes: a full disk may be noticed only then
                except OSError as err:
                    raise _named(err, target) from None
    if target is not None:
        os.chmod(target, 0o644)
    return size, digest.hexdigest(), bytes(kept)


def _read(file: io.FileIO, block: bytearray, source: Path) -> int:
    try:
        return file.readinto(block) or 0
    except OSError as err:
        raise _named(err, source) from None


def _manifest_sizes(root: Path, data: bytes, sums: dict[str, str], rebuild: str) -> dict[str, int]:
    """Each file's size as ``manifest.json`` lists it, once its list agrees with ``SHA256SUMS``."""
    path = root / MANIFEST_FILE
    try:
        doc = json_document(data)
        if doc.get("manifest") != MANIFEST_VERSION:
            raise ReleaseError(
                f"{path}: manifest version {doc.get('manifest')!r}, this sakrad-ld reads version "
                f"{MANIFEST_VERSION}; {rebuild}"
            )
        files = {f["path"]: f for f in doc["files"]}
        sizes = {f["path"]: _whole(f["size"], f"files[{n}].size") for n, f in enumerate(doc["files"])}
        digests = {name: str(f["sha256"]) for name, f in files.items()}
    except TooManyDigits as error:
        raise ReleaseError(f"{path}: {error}, which no build writes; {rebuild}") from None
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
        raise ReleaseError(f"{path}: not a readable manifest ({type(error).__name__}: {error}); {rebuild}") from None
    listed = set(sums) - {MANIFEST_FILE}
    for name in sorted(listed ^ set(sizes)):
        where = CHECKSUMS if name in listed else MANIFEST_FILE
        other = MANIFEST_FILE if name in listed else CHECKSUMS
        raise ReleaseError(
            f"{path}: {name} is listed in {where} but not in {other}, expected both to list it; {rebuild}"
        )
    for name in sorted(listed):
        if digests[name] != sums[name]:
            raise ReleaseError(
                f"{path}: {name} has SHA-256 {digests[name]} here, {sums[name]} in {CHECKSUMS}, expected "
                f"the same; {rebuild}"
            )
    return sizes


def _whole(value: object, field: str) -> int:
    """``int(value)`` of a manifest's ``field``; TooManyDigits where a text holds more digits than
    Python makes an int of (a number in JSON is caught as it is read, :func:`json_document`)."""
    try:
        return int(value)  # type: ignore[call-overload]
    except ValueError:
        if isinstance(value, str) and sum(c.isdigit() for c in value) > sys.get_int_max_str_digits() > 0:
            raise TooManyDigits(field) from None
        raise


def _named(err: OSError, path: Path) -> OSError:
    """``err`` naming ``path`` (a failed ``write()`` or ``close()`` names no file)."""
    if err.filename:
        return err
    return OSError(err.errno, err.strerror or str(err), str(path))


def _write(path: Path, data: bytes) -> None:
    """Writes a new file of the site (0644), the path named in an error."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        with os.fdopen(fd, "wb") as file:  # closing flushes: a full disk may be noticed only then
            file.write(data)
        os.chmod(path, 0o644)
    except OSError as err:
        raise _named(err, path) from None


def _site_error(err: OSError, out: Path, tmp: Path | None) -> OSError:
    """An OSError while the site was written: naming the file (as its path in the site, not in the
    temporary folder it was written to) and that the site at ``out`` was left as it was."""
    name = err.filename
    if name and tmp is not None:
        try:
            name = str(out / Path(name).relative_to(tmp))
        except ValueError:
            pass
    said = f"{err.strerror or err}; nothing was exported, the site at {out} was not changed"
    return OSError(err.errno, said, str(name or out))


#: The most statements the document of a resource known only from links to it lists (as the server's).
MAX_MENTIONS = 1000


def minted_paths(store: ox.Store, base: str, files: set[str], graph: GraphRule | None = None) -> list[str]:
    """The paths of the dataset's other IRIs under the base (:func:`sakrad_ld.web.sitepages.minted_paths`),
    but the path of the release's graph (``graph``)."""
    return sitepages.minted_paths(store, base, files, graph.path if graph is not None else None)


def _mentions(store: ox.Store, iri: str) -> list[ox.Triple]:
    """For a resource the data only links to (a version IRI, a register): the statements linking to
    it, as the server's document of it lists them."""
    found = []
    for quad in store.quads_for_pattern(None, None, ox.NamedNode(iri)):
        found.append(ox.Triple(quad.subject, quad.predicate, quad.object))
        if len(found) >= MAX_MENTIONS:
            break
    return sorted(set(found), key=str)


def _folders(root: Path, folder: Path) -> None:
    """Makes ``folder`` and the folders above it up to ``root``, each 0755 whatever the umask."""
    missing = []
    while folder != root and not folder.is_dir():
        missing.append(folder)
        folder = folder.parent
    for f in reversed(missing):
        f.mkdir(exist_ok=True)  # another process writing the site may have made it
        os.chmod(f, 0o755)


def _documents(put: Callable[[str, bytes], None], store: ox.Store, iri: str, path: str) -> None:
    triples = document_triples(store, iri)
    for f in FORMATS:
        put(f"{path[1:]}{f.suffix}", document_bytes(triples, f, iri))


def _pattern(media_type: str) -> str:
    return media_type.replace("+", r"\+").replace(".", r"\.").replace("*", r"\*")


#: The weights the map tells apart, highest first (``q`` read to its first decimal): 1, 0.9 … 0.1, and
#: 0.0x (above 0); ``q=0`` is in none, so a range of weight 0 accepts nothing.
_WEIGHTS = (r"1(\.0*+)?", *(rf"0?\.{d}[0-9]*+" for d in "987654321"), r"0?\.0*+[1-9][0-9]*+")
#: A media range's parameters other than q (before and after the weight), up to its end. Every
#: quantifier that could give characters back to another is possessive (``*+``), and each parameter
#: starts at its own ``;``: a header is read in one pass per rule, never tried in more than one way,
#: so the rules' cost grows with the header's length, not with a power of it (PCRE, as nginx and
#: Apache run it, backtracks; so does Python's ``re``).
_PARAMS = r"(;(?![ \t]*q[ \t]*=)[^;,]*+)*+"
#: More ranges or more characters than the server reads (:data:`sakrad_ld.formats.MAX_RANGES`,
#: :data:`~sakrad_ld.formats.MAX_ACCEPT`): the header is disregarded, as the server
#: disregards it, so the first offer is chosen. Tried first, in time linear in the header.
_TOO_LONG = (rf"^([^,]*+,){{{MAX_RANGES}}}", rf"^[\s\S]{{{MAX_ACCEPT + 1}}}")
#: A weight that is no qvalue (:data:`sakrad_ld.serving.negotiation.QVALUE`: ``q=2``, ``q=-1``,
#: ``q=nan``) anywhere in the header: it is disregarded, as the server disregards it (the first offer).
_NO_QVALUE = r";[ \t]*q[ \t]*=[ \t]*+(?!(0(\.[0-9]*+)?|\.[0-9]++|1(\.0*+)?)[ \t]*+(;|,|$))"


def _range(media: str, weight: str) -> str:
    """A media range ``media`` of ``weight`` anywhere in the header (the first weight also: no
    weight); its last ``q`` is its weight, as the server reads it. Only the run of whole parameters
    before the last weight is tried more than one way, one way per parameter."""
    q = rf"(;[^;,]*+)*;[ \t]*q[ \t]*=[ \t]*{weight}[ \t]*+{_PARAMS}"  # the last weight counts
    params = rf"({_PARAMS}|{q})" if weight == _WEIGHTS[0] else q
    return rf"(^|,)[ \t]*+{_pattern(media)}[ \t]*+{params}(,|$)"


def _absent(media: str) -> str:
    """``media`` is not named anywhere in the header (so a wider range decides its weight)."""
    return rf"^(?!(.*,)?[ \t]*{_pattern(media)}[ \t]*(;|,|$))"


def accept_map(offers: tuple[Format, ...] = OFFERS) -> list[tuple[str, str]]:
    """The (regular expression, file suffix) rules of the Accept map of ``offers`` (HTML first), in
    the order they are tried (case-insensitive PCRE, read by nginx's ``map`` and Apache's
    ``RewriteCond`` alike): what :func:`sakrad_ld.serving.negotiation.choose` chooses, with the
    weights told apart to their first decimal. For each weight from 1 down, each offer in the
    server's order whose registered media type has that weight — named, else through ``type/*``,
    else through ``*/*`` (RFC 9110 §12.5.1: the most specific range decides) — then each offer
    asked for by an alias at that weight. A header no rule matches accepts none of the offers:
    :data:`NOT_ACCEPTABLE` (406), except a missing or empty one (anything: HTML). A header longer
    than the server reads (:data:`_TOO_LONG`, the first rules), or with a weight that is no qvalue
    (:data:`_NO_QVALUE`), is disregarded: the first offer."""
    rules: list[tuple[str, str]] = [(guard, offers[0].suffix[1:]) for guard in (*_TOO_LONG, _NO_QVALUE)]
    for weight in _WEIGHTS:
        for registered in (True, False):
            for f in offers:
                for media in (f.media_type,) if registered else f.aliases:
                    family = media.split("/")[0] + "/*"
                    rules.append((_range(media, weight), f.suffix[1:]))
                    rules.append((_absent(media) + f"(.*){_range(family, weight)}", f.suffix[1:]))
                    rules.append((_absent(media) + _absent(family) + f"(.*){_range('*/*', weight)}", f.suffix[1:]))
    return rules


#: Accept-Language: the weights told apart (as :func:`sakrad_ld.web.served.preferred_language`
#: reads them), highest first: 1, 0.9 … 0.1, 0.0x (above 0).
_LANGUAGE_WEIGHTS = (r"1(\.0*+)?", *(rf"0?\.{d}[0-9]*+" for d in "987654321"), r"0?\.0++[1-9][0-9]*+")
#: Parameters of a language range that are not its weight (possessive, as :data:`_PARAMS`).
_NOT_Q = r"(;(?![ \t]*q[ \t]*(=|;|,|$))[^;,]*+)*+"


def _language(tag: str, weight: str) -> str:
    """One item of Accept-Language (from its start to its comma or the end): the language ``tag`` or
    a subtag of it, its last weight ``weight`` (the first weight also: no weight). Only the run of
    whole parameters before the last weight is tried more than one way, one way per parameter."""
    q = rf"(;[^;,]*+)*;[ \t]*q[ \t]*=[ \t]*{weight}[ \t]*+{_NOT_Q}"  # the last weight counts
    params = rf"({_NOT_Q}|{q})" if weight == _LANGUAGE_WEIGHTS[0] else q
    return rf"[ \t]*+{tag}(-[^;,]*+)?[ \t]*+{params}[ \t]*+(,|$)"


def language_map() -> list[tuple[str, str]]:
    """The (regular expression, language folder) rules of the Accept-Language map, tried in order
    (case-insensitive PCRE, for nginx's ``map`` and Apache's ``RewriteCond``): ``en/`` where the
    server's :func:`sakrad_ld.web.served.preferred_language` prefers English, ``""`` where it
    prefers Swedish; a header no rule matches is Swedish. For each weight from 1 down: English named
    with it before any Swedish with it, then Swedish with it; within the header's first
    :data:`sakrad_ld.web.served.LANGUAGE_ITEMS` items, as the server reads them."""
    from .served import LANGUAGE_ITEMS

    first = rf"{{0,{LANGUAGE_ITEMS - 1}}}"
    rules = []
    for weight in _LANGUAGE_WEIGHTS:
        rules.append((rf"^((?!{_language('sv', weight)})[^,]*,){first}{_language('en', weight)}", "en/"))
        rules.append((rf"^([^,]*,){first}{_language('sv', weight)}", ""))
    return rules


def language_by_map(header: str | None) -> str:
    """The language the rules of :func:`language_map` give ``header`` (``en`` or ``sv``)."""
    for regex, folder in language_map():
        if re.search(regex, header or "", re.IGNORECASE):
            return "en" if folder else "sv"
    return "sv"


def choose_by_map(header: str | None, offers: tuple[Format, ...] = OFFERS) -> str:
    """The suffix the rules of :func:`accept_map` give ``header`` (the first rule that matches, as
    nginx's ``map`` tries them): ``""`` when none does and the header names something (406)."""
    if not header or not header.strip():
        return offers[0].suffix[1:]
    for regex, suffix in accept_map(offers):
        if re.search(regex, header, re.IGNORECASE):
            return suffix
    return NOT_ACCEPTABLE


def _roles(paths: Iterable[str]) -> list[str]:
    """The role scheme's and the roles' paths among document paths (``/role``, ``/role/chair``):
    slash IRIs of things, answered 303 to their documents as the dataset's other IRIs are."""
    return [p for p in paths if p == ROLE_PATH or p.startswith(ROLE_PATH + "/")]


def _documents_regex(extensions: bool = False) -> str:
    """The negotiated document paths of :func:`sakrad_ld.documents.document_patterns` (but the
    role scheme's and the roles', which answer 303: :func:`_roles`) as one alternation; with
    ``extensions``, also the ontology's files named with a suffix."""
    role = ROLE_PATH[1:]
    patterns = [p for p in document_patterns() if p != role and not p.startswith(role + "/")]
    if extensions:
        patterns += [f"{p}\\.[a-z]+" for p in patterns if "/" not in p]
    return "|".join(patterns)


def _english_documents(minted: Iterable[str] | None) -> str:
    """The paths (without the leading ``/``) whose English page is negotiated at ``/en/{path}``: a
    thing's document, and the role scheme, the ontology and the dataset's other IRIs (``minted``) by
    their first segment (``dataset/distribution/turtle``), each only of the characters of an id; the
    rules answer only where the page exists."""
    doc = DOC_PATH[1:]
    tops = sorted({p[1:].split("/")[0] for p in (*(minted or ()), ROLE_PATH, ONTOLOGY_PATH)})
    return f"{doc}/[a-z]+/[{ID_CHARS}]+|({'|'.join(map(re.escape, tops))})(/[/{ID_CHARS}]*[{ID_CHARS}])?"


def _bucket(keys: list[str]) -> int:
    size = 64
    while size < max((len(k) for k in keys), default=0) + 32:
        size *= 2
    return size


def _graph_map(graph: GraphRule) -> list[tuple[str, str]]:
    """The (regular expression, target) rules of the graph's Accept map: :func:`accept_map` of the
    formats the graph is offered in, each suffix replaced by where that format is."""
    where = {f.suffix[1:]: target for f, target in graph.targets}
    return [(regex, where[suffix]) for regex, suffix in accept_map(tuple(f for f, _ in graph.targets))]


#: nginx: the location answering 404 with Problem Details.
_NOT_FOUND_PROBLEM = "/.sakrad-problem-404"


def nginx_http_conf(
    known: dict[str, str] | None = None, graph: GraphRule | None = None, minted: list[str] | None = None
) -> str:
    """The ``http {}`` part of the nginx rules: the Accept map, and the map of every IRI path the
    rules answer with 303 (``known``: a thing or part → its page path with the part's
    ``#fragment``; ``minted``: the dataset's other IRIs, the role scheme and its roles, each →
    itself) to where it leads."""
    rules = "\n".join(f'    "~*{regex}" {suffix};' for regex, suffix in accept_map())
    languages = "\n".join(f'    "~*{regex}" "{folder}";' for regex, folder in language_map())
    not_found = "\n".join(
        f'    "~*{regex}" {"@sakrad_not_found" if suffix == HTML.suffix[1:] else _NOT_FOUND_PROBLEM};'
        for regex, suffix in accept_map((HTML, PROBLEM))
    )
    gone = "\n".join(f'    "~*{regex}" {suffix};' for regex, suffix in accept_map((HTML, TEXT)))
    known = {**(known or {}), **{path: path for path in minted or ()}}
    entries = "\n".join(f'    {path} "{path}|{doc}";' for path, doc in known.items())
    graph_map = ""
    if graph is not None:
        graph_rules = "\n".join(f'    "~*{regex}" {target};' for regex, target in _graph_map(graph))
        graph_map = f"""
# The release's graph ({graph.path}) → its data in the format Accept asks for, by the same reading
# of the header, among the formats it is offered in; else the dataset's page.
map $http_accept $sakrad_graph {{
    default "{NOT_ACCEPTABLE}";
    "" {graph.targets[0][1]};
{graph_rules}
}}
"""
    return f"""# sakrad-ld: content negotiation for the static export (written by `sakrad-ld export`).
# Include in the http {{}} block; the server {{}} block includes sakrad-server.conf.
# The Accept header → the suffix of the format the server would choose (the weights read to their
# first decimal); "" where it accepts none of them (406); no header: HTML.
map_hash_max_size {max(2048, 2 * len(known))};
map_hash_bucket_size {_bucket(list(known))};
map $http_accept $sakrad_suffix {{
    default "{NOT_ACCEPTABLE}";
    "" {HTML.suffix[1:]};
{rules}
}}

# A table's or a list's CSV → the Link to its CSVW metadata (CSVW Model §5.2), as from the server;
# any other path → "" (add_header sends no header with an empty value). Case-sensitive, as paths are.
map $uri $sakrad_described_by {{
    default "";
    "~^/({DOWNLOAD_PATH})?{TABLES_FOLDER}/[^/]+\\.csv$" {_quoted(DESCRIBED_BY)};
    "~^/lists/.+\\.csv$" {_quoted(DESCRIBED_BY)};
}}

# Every IRI path of the data (a thing or a part of one, the dataset's other IRIs) → itself and the
# document it is described in, with the part's #fragment; any other /id/… path has no entry and
# answers 404. nginx's map compares strings ignoring case, so an entry counts only where its path is
# the request's exactly (the next map): /ID/… and /Dataset are 404 as on the server (RFC 3986 §6.2.2.1).
# /en/id/… (where an English reader arrives who puts /en before a thing's IRI) is looked up as /id/….
map $uri $sakrad_iri_path {{
    default $uri;
    "~^/en(?<sakrad_en_iri>/id/.*)$" $sakrad_en_iri;
}}
map $sakrad_iri_path $sakrad_entry {{
    default "";
{entries}
}}
map "$sakrad_iri_path|$sakrad_entry" $sakrad_see_other {{
    default "";
    "~^([^|]+)\\|\\1\\|(?<sakrad_known>[^|]+)$" $sakrad_known;
}}

# Accept-Language → "en/" where the server prefers English (sakrad_ld.web.served.preferred_language:
# the weights read to their first decimal, the first 32 items), else "" (Swedish).
map $http_accept_language $sakrad_lang {{
    default "";
{languages}
}}
# A thing's 303 to its HTML page leads a reader who prefers English to the English page, as the server's.
map "$sakrad_lang|$sakrad_target" $sakrad_id_target {{
    default $sakrad_target;
    "~^en/\\|(?<sakrad_en_doc>/doc/[^|#]*\\.html(#[^|]*)?)$" "/en${{sakrad_en_doc}}";
}}
# From /en/id/… a page is the English one, whatever Accept-Language says (the path chose English).
map $sakrad_target $sakrad_en_target {{
    default $sakrad_target;
    "~^(?<sakrad_en_page>/doc/[^#]*\\.html(#.*)?)$" "/en${{sakrad_en_page}}";
}}
# A thing's 303 varies by Accept-Language too (its 406 by Accept only; its 404: $sakrad_not_found_vary), as the server's.
map $status $sakrad_id_vary {{
    default Accept;
    303 "Accept, Accept-Language";
}}
# A document varies by Accept where its path (as asked) negotiates, not where it names its file (x.html).
map $sakrad_asked $sakrad_doc_vary {{
    default Accept;
    "~\\.(html|ttl|jsonld|nt|rdf)$" "";
}}

# What is not found gets the export's page in the language of the path for a browser, Problem
# Details for a program: the same reading of Accept as the server's (the page or the problem), no
# header: the page.
map $http_accept $sakrad_not_found {{
    default {_NOT_FOUND_PROBLEM};
    "" @sakrad_not_found;
{not_found}
}}
# Under a thing's IRIs (/id/…, as asked) the language of what is not found is negotiated, as the
# thing's 303 is (by Accept-Language, Vary says so), as the server answers.
map $request_uri $sakrad_in_id {{
    default "";
    "~^/id/" 1;
}}
map "$sakrad_in_id|$sakrad_lang|$uri" $sakrad_not_found_page {{
    default /404.html;
    "~^1\\|en/\\|" /en/404.html;
    "~^1\\|" /404.html;
    "~^\\|[^|]*\\|/en/" /en/404.html;
}}
map $sakrad_in_id $sakrad_not_found_vary {{
    default Accept;
    1 "Accept, Accept-Language";
}}

# A withdrawn IRI's 410 Gone: its page for a browser, plain text for a program, by the server's
# reading of Accept (no header: the page).
map $http_accept $sakrad_gone {{
    default {TEXT.suffix[1:]};
    "" {HTML.suffix[1:]};
{gone}
}}

# A CORS preflight: OPTIONS with Origin and Access-Control-Request-Method.
map "$request_method|$http_origin|$http_access_control_request_method" $sakrad_preflight {{
    default 0;
    "~^OPTIONS\\|.+\\|.+$" 1;
}}

# The 303's target: the document in the negotiated format, the fragment kept; 406 where the Accept
# header accepts no format.
map "$sakrad_see_other|$sakrad_suffix" $sakrad_target {{
    default "";
    "~^(?<sakrad_doc>[^#|]+)(?<sakrad_part>#[^|]*)?\\|(?<sakrad_ext>[a-z]+)$" "${{sakrad_doc}}.${{sakrad_ext}}${{sakrad_part}}";
    "~^[^|]+\\|$" 406;
}}
{graph_map}"""


_APACHE_CONF_HEAD = """# The same rules as the export's .htaccess, for Apache's server configuration, where they are
# compiled once at start instead of read again for every request (written by `sakrad-ld export`):
#     <Directory /path/to/export>
#         AllowOverride None
#         Require all granted
#         Include /path/to/export/apache/sakrad.conf
#     </Directory>
"""

#: Every answer: anyone's pages may read it (CORS), and none is read as another type than it says
#: (nosniff, as from the server).
_ALLOW_ORIGIN = 'add_header Access-Control-Allow-Origin "*" always; add_header X-Content-Type-Options nosniff always;'
#: The caching policy of both hosts: every 200, 206, 303 and 304 may be kept an hour (nginx's
#: add_header without ``always``); a 404 or 406 says nothing.
CACHE_CONTROL = "public, max-age=3600"
_CACHE = f'add_header Cache-Control "{CACHE_CONTROL}";'
#: nginx: every location with add_header of its own states all of them (none is inherited then).
_CORS = f'{_ALLOW_ORIGIN} add_header Access-Control-Expose-Headers "{EXPOSE_HEADERS}" always;'
#: nginx: no Last-Modified (a release file's is its file's modification time, as from the server).
_NO_DATE = 'add_header Last-Modified "";'
#: nginx: a release file's answer (its own add_header: it does not inherit ``_NO_DATE``), with
#: If-Modified-Since read as the server reads it (a date at or after the file's time: 304), and a
#: table's Link to its CSVW metadata (``$sakrad_described_by``: empty, so not sent, for another file).
_RELEASE_FILE = f"{_CORS}\n    {_CACHE}\n    add_header Link $sakrad_described_by;\n    if_modified_since before;\n    max_ranges 1;"


def _problem_location(status: int, headers: str) -> str:
    """nginx: the internal location answering ``status`` with its Problem Details, with ``headers``
    (``add_header``: none is inherited then)."""
    return f"""location = /.sakrad-problem-{status} {{
    internal;
    types {{}}
    default_type {PROBLEM.media_type};
    {headers}
    return {status} {_quoted(problem_body(status).decode())};
}}
"""


def _quoted(text: str) -> str:
    """``text`` as one quoted nginx parameter."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def host_types(release_types: dict[str, str] | None) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """The one table both hosts' rules are written from: the media types as the server sends them
    (charset and parameters included), each table sorted. ``site``: a page's, a document's and a site
    file's by suffix (the format table's, :data:`sakrad_ld.web.served.MEDIA_TYPES` over it);
    ``inside``: a release file's (``release_types``: its name → its media type, as the release
    lists it) by suffix where every release file of that suffix has one; ``named``: every other
    release file's by its name (``SHA256SUMS``, ``schema/x.schema.json`` beside ``.json``)."""
    from .served import MEDIA_TYPES

    def charset(media_type: str) -> str:
        return media_type + ("; charset=utf-8" if media_type.startswith("text/") else "")

    site = {f.suffix: charset(f.media_type) for f in (*FORMATS, *QUAD_FORMATS, *RESULTS_FORMATS)}
    site = dict(sorted((site | dict(MEDIA_TYPES)).items()))
    by_suffix: dict[str, set[str]] = {}
    for name, media_type in (release_types or {}).items():
        by_suffix.setdefault(os.path.splitext(name.rsplit("/", 1)[-1])[1], set()).add(media_type)
    inside = {s: next(iter(t)) for s, t in sorted(by_suffix.items()) if s and len(t) == 1}
    named = {
        name: media_type
        for name, media_type in sorted((release_types or {}).items())
        if os.path.splitext(name.rsplit("/", 1)[-1])[1] not in inside
    }
    return site, inside, named


def _nginx_types(types: dict[str, str], indent: str) -> str:
    return "\n".join(f"{indent}    {_quoted(t)} {suffix[1:]};" for suffix, t in types.items())


def nginx_server_conf(
    graph: GraphRule | None = None,
    release_types: dict[str, str] | None = None,
    minted: list[str] | None = None,
    gone: list[str] | None = None,
) -> str:
    """The ``server {}`` part of the nginx rules. Every file is sent with the server's whole
    ``Content-Type`` (``types`` of :func:`host_types`; nginx's ``charset`` adds one only to its own
    error pages): a release file's as the release lists it (``release_types``: its name → its
    media type), under ``download/`` and at its own path. ``minted``: the dataset's other IRIs,
    the role scheme and its roles (their English pages without ``.html`` are negotiated); ``gone``: the withdrawn IRIs' paths
    (``/id/…``), answered 410 with :data:`GONE`'s ``{n}.html`` or ``{n}.txt``, numbered from 1."""
    site, inside, named = host_types(release_types)
    gone_locations = "".join(
        f"""location = {_quoted(path)} {{
    error_page 410 /{GONE}{gone_name(n, language_of(path.lstrip("/")))}.$sakrad_gone;
    return 410;
}}
"""
        for n, withdrawn in enumerate(gone or (), start=1)
        for path in gone_paths(withdrawn)
    )
    # A release file whose suffix does not tell its type (SHA256SUMS, x.schema.json beside .json):
    # a location of its own, under download/ and at its own path.
    named_locations = "".join(
        f"""location = {_quoted("/" + DOWNLOAD_PATH + name)} {{
    types {{}}
    default_type {_quoted(media_type)};
    {_RELEASE_FILE}
}}
location = {_quoted("/" + name)} {{
    types {{}}
    default_type {_quoted(media_type)};
    {_RELEASE_FILE}
    try_files {_quoted("/" + DOWNLOAD_PATH + name)} =404;
}}
"""
        for name, media_type in named.items()
    )
    graph_location = ""
    if graph is not None:
        graph_location = f"""
# The release's graph → its data in the negotiated format, or the dataset's page (sakrad-http.conf's
# map); another version is 404.
location = {graph.path} {{
    add_header Vary Accept always;
    {_CACHE}
    {_CORS}
    if ($sakrad_graph = "{NOT_ACCEPTABLE}") {{
        return 406;
    }}
    return 303 $sakrad_graph;
}}
"""
    return f"""# sakrad-ld: the static export's locations (written by `sakrad-ld export`).
# Include in the server {{}} block whose root is the export folder, after sakrad-http.conf is
# included in http {{}}:
#     server {{ listen 80; root /path/to/export; include /path/to/export/nginx/sakrad-server.conf; }}
types {{
{_nginx_types(site, "")}
}}
default_type application/octet-stream;
# A redirect's Location is the path alone, as the server's: nginx would otherwise prefix it with
# http://$host:port/, taking the scheme and name from the request (its Host header) into an answer a
# cache may keep for others.
absolute_redirect off;
# nginx's own answers (a 303's body) are HTML in UTF-8 (charset_types is left as it is: none of
# the types above is in it, each is whole).
charset utf-8;
# Errors answer as the server's: what is not found with the export's page for a browser (in English
# below /en/; under /id/ in the language Accept-Language prefers, Vary saying so), Problem Details for a
# program (by Accept); a 405, 406 or 416 with Problem Details.
# A folder's path (/doc/meeting/, /download/), which nginx's index module refuses with 403 (the
# folder has no index.html, and no listing is made), is not found either, as on the server.
error_page 404 $sakrad_not_found;
error_page 403 =404 $sakrad_not_found;
error_page 406 /.sakrad-problem-406;
error_page 416 /.sakrad-problem-416;
# A page, a document or a site file is answered whole and without Last-Modified, as on the server
# (its modification time is when the export was copied, not when it changed); a release file: below.
max_ranges 0;
if_modified_since off;
{_NO_DATE}
# Anyone's pages and programs may read the data, as from the server (CORS); every answer but an
# error may be kept an hour, as the server's (a location with add_header of its own states both).
{_CORS}
{_CACHE}

# A path with an encoded slash (%2F, any case) is 404, as on the server: %2F is a character inside
# a path segment, which no address has; nginx would read it as "/" and answer another resource
# (/id/meeting/x%2Fcount%2Fparticipant as the count). Before any other rule, as the server's guard.
if ($request_uri ~* "^[^?]*%2F") {{
    rewrite ^ /.sakrad-encoded-slash last;
}}
# A CORS preflight, at any path (an IRI's included: a browser follows no redirect for it), is
# answered at once: these methods and headers may be asked for (a long Accept, If-None-Match).
if ($sakrad_preflight) {{
    rewrite ^ /.sakrad-preflight last;
}}
# Any other method but GET and HEAD is 405, as on the server (a static host takes no POST).
if ($request_method !~ ^(GET|HEAD)$) {{
    rewrite ^ /.sakrad-not-allowed last;
}}
location = /.sakrad-encoded-slash {{
    internal;
    types {{}}
    default_type {PROBLEM.media_type};
    {_CORS}
    return 404 {_quoted(problem_body(404).decode())};
}}
location = /.sakrad-not-allowed {{
    internal;
    types {{}}
    default_type {PROBLEM.media_type};
    {_CORS}
    add_header Allow "{ALLOWED_METHODS}" always;
    return 405 {_quoted(problem_body(405).decode())};
}}
# What is not found: the page (no validator of its file: a conditional GET is 404 too) or the problem.
location @sakrad_not_found {{
    etag off;
    add_header Vary $sakrad_not_found_vary always;
    {_CORS}
    try_files $sakrad_not_found_page =404;
}}
{_problem_location(404, f"add_header Vary $sakrad_not_found_vary always; {_CORS}")}{_problem_location(406, f"add_header Vary Accept always; {_CORS}")}# A 416 keeps the headers its file's location gave it (CORS, Cache-Control, Content-Range): none again.
{_problem_location(416, _NO_DATE)}location = /.sakrad-preflight {{
    internal;
    default_type "text/plain; charset=utf-8";
    {_ALLOW_ORIGIN}
    add_header Access-Control-Allow-Methods "{PREFLIGHT_METHODS}" always;
    add_header Access-Control-Allow-Headers "{PREFLIGHT_HEADERS}" always;
    add_header Access-Control-Max-Age {PREFLIGHT_MAX_AGE} always;
    add_header Vary "{PREFLIGHT_VARY}" always;
    return 200 "OK";
}}

# These rules are not part of the site.
location ^~ /nginx/ {{
    return 404;
}}
# A withdrawn IRI (the release's withdrawn.json) is 410 Gone, as on the server, at its /id/…,
# /en/id/…, /doc/… and /en/doc/…: the page for a browser, plain text for a program (Vary: Accept).
{gone_locations}location ^~ /{GONE} {{
    internal;
    etag off;
    types {{
        "text/html; charset=utf-8" html;
        "text/plain; charset=utf-8" txt;
    }}
    add_header Vary Accept always;
    {_CORS}
    {_NO_DATE}
}}
location ^~ /apache/ {{
    return 404;
}}
location = /.htaccess {{
    return 404;
}}

# The thing → the document about it (https://www.w3.org/TR/cooluris/#r303gendocument) in the
# negotiated format; a part (…/question/1) → its whole's document at #question/1. Only IRIs of the
# data (sakrad-http.conf's map); the target is the map's, never a piece of the request.
location ^~ /id/ {{
    add_header Vary $sakrad_id_vary always;
    {_CACHE}
    {_CORS}
    if ($sakrad_see_other = "") {{
        return 404;
    }}
    if ($sakrad_target = 406) {{
        return 406;
    }}
    return 303 $sakrad_id_target;
}}
# /en/id/… names no thing, but is where an English reader arrives who puts /en before a thing's IRI
# as before a page's: 303 to the thing's English page (/en/doc/…html, #part kept) whatever
# Accept-Language says, a program to the document as from /id/… (Vary: Accept); 404 (in English)
# where /id/… has no entry, as on the server.
location ^~ /en/id/ {{
    add_header Vary Accept always;
    {_CACHE}
    {_CORS}
    if ($sakrad_see_other = "") {{
        return 404;
    }}
    if ($sakrad_target = 406) {{
        return 406;
    }}
    return 303 $sakrad_en_target;
}}
# The start page: Swedish, or 303 to /en/ for a reader who prefers English, as the server answers.
location = / {{
    add_header Vary Accept-Language always;
    {_CACHE}
    {_CORS}
    {_NO_DATE}
    if ($sakrad_lang) {{
        return 303 /en/;
    }}
    try_files /index.html =404;
}}
{graph_location}
# Documents: the file of the negotiated format (below); a URL with an extension (x.ttl) finds no
# x.ttl.html and falls through to the file it names. (Ids may hold dots: a.b → a.b.html.)
location ~ ^/({_documents_regex(extensions=True)})$ {{
    set $sakrad_asked $uri;
    add_header Vary $sakrad_doc_vary always;
    {_CACHE}
    {_CORS}
    {_NO_DATE}
    if (-f $request_filename.$sakrad_suffix) {{
        rewrite ^ /{VARIANT}$uri.$sakrad_suffix last;
    }}
    try_files $uri @sakrad_unacceptable;
}}
# The negotiated format's file under the document's path, without a validator: nginx's ETag
# (modification time and size) is the same for two formats of one document written in one second
# with one size, and a strong validator must differ between the representations of a resource
# (RFC 9110 §8.8.3), or a conditional GET for one format is 304 with another's tag. The file at
# its own path (x.ttl) keeps its ETag; If-None-Match: * is 304 here, as on the server.
location ~ ^/{re.escape(VARIANT)}(?<sakrad_variant>/.+)$ {{
    internal;
    etag off;
    add_header Vary Accept always;
    {_CACHE}
    {_CORS}
    {_NO_DATE}
    try_files $sakrad_variant =404;
}}
# An English page's path without .html names what the document path without /en names, so it is
# negotiated too, as on the server: the English page for a browser, 303 to the document in another
# format (a document has no language), 406 where Accept accepts no format; 404 where there is no page.
location ~ "^/en(?<sakrad_en_doc>/({_english_documents(minted)}))(?<!\\.html)$" {{
    add_header Vary Accept always;
    {_CACHE}
    {_CORS}
    {_NO_DATE}
    if (!-f $request_filename.html) {{
        return 404;
    }}
    if ($sakrad_suffix = "{NOT_ACCEPTABLE}") {{
        return 406;
    }}
    if ($sakrad_suffix != {HTML.suffix[1:]}) {{
        return 303 $sakrad_en_doc.$sakrad_suffix;
    }}
    try_files $uri.html =404;
}}
# No file of the asked format and no file of that name: 406 where the Accept header accepts no
# format (as the server answers before it looks), else 404.
location @sakrad_unacceptable {{
    add_header Vary Accept always;
    {_CORS}
    if ($sakrad_suffix = "{NOT_ACCEPTABLE}") {{
        return 406;
    }}
    return 404;
}}

# A release file (under download/, at its own path, the JSON-LD context) answers one range, as on
# the server; several ranges get the whole file (max_ranges 1); any other file is whole (above).
location ^~ /download/ {{
    types {{
{_nginx_types(inside, "    ")}
    }}
    {_RELEASE_FILE}
    try_files $uri =404;
}}
location = /{CONTEXT_FILE} {{
    {_RELEASE_FILE}
}}
{named_locations}# The dataset's other IRIs (/dataset, /catalog …), the role scheme and its roles (/role,
# /role/chair) → their documents, negotiated, as things; a
# page's path without .html is the page (/lists/meetings, /en/dataset, /en/doc/meeting/x), as on
# the server; a release file is also at its own path (/sakrad.ttl, /tables/meetings.csv: the
# catalogue's download URLs), as on the server; a folder's path without its slash → with it where
# the folder has an index.html (/en), else not found (no redirect to a 404).
location / {{
    if ($sakrad_target = 406) {{
        add_header Vary Accept always;
        {_CORS}
        return 406;
    }}
    if ($sakrad_target) {{
        add_header Vary Accept always;
        {_CACHE}
        {_CORS}
        return 303 $sakrad_target;
    }}
    try_files $uri $uri.html @sakrad_release_file;
}}
# A list's CSV says where its CSVW metadata is (CSVW Model §5.2), as on the server.
location ~ "^/lists/.+\\.csv$" {{
    add_header Link $sakrad_described_by;
    {_NO_DATE}
    {_CORS}
    {_CACHE}
}}
# A list's CSVW metadata: CSVW's media type (application/csvm+json), not .json's, as on the server.
location ~ "^/lists/(.+/)?csv-metadata\\.json$" {{
    types {{}}
    default_type {CSVW_MEDIA_TYPE};
    {_NO_DATE}
    {_CORS}
    {_CACHE}
}}
# A folder's path with its slash: its index.html (/en/), else not found (nginx's index module
# answers a folder without one 403, and no listing is made).
location ~ /$ {{
    index index.html;
}}
location @sakrad_release_file {{
    types {{
{_nginx_types(inside, "    ")}
    }}
    {_RELEASE_FILE}
    if (-f $request_filename/index.html) {{
        return 301 $uri/$is_args$args;
    }}
    try_files /download$uri =404;
}}
"""


#: The media type of a CSV's CSVW metadata (``csv-metadata.json``), the release's as the site's lists'.
CSVW_MEDIA_TYPE = media_type_of("lists/csv-metadata.json")

#: Where a request asks for a release file (``download/…``, the JSON-LD context, or a release file
#: at its own path, which the rules send there): only these answer a ``Range`` and say ``Accept-Ranges``, as on the server.
_APACHE_FILE = "-n reqenv('SAKRAD_FILE') || -n reqenv('REDIRECT_SAKRAD_FILE')"


def _apache_types(release_types: dict[str, str] | None) -> str:
    """The media types of :func:`host_types` as Apache's: by suffix everywhere, a release file's by
    suffix below ``download/`` (where every release file is, the ones answered at their own path
    too), one named by its whole path where its suffix does not tell its type."""
    site, inside, named = host_types(release_types)
    out = "\n".join(f'AddType "{t}" {suffix}' for suffix, t in site.items())
    if inside:
        out += '\n<If "%{REQUEST_URI} =~ m#/download/#">\n'
        out += "\n".join(f'    AddType "{t}" {suffix}' for suffix, t in inside.items()) + "\n</If>"
    for name, media_type in named.items():
        out += f'\n<If "%{{REQUEST_URI}} =~ m#/download/{re.escape(name)}$#">\n    ForceType "{media_type}"\n</If>'
    # a list's CSVW metadata: CSVW's media type, not .json's, as on the server
    out += (
        f'\n<If "%{{REQUEST_URI}} =~ m#/lists/(.+/)?csv-metadata\\.json$#">\n    ForceType "{CSVW_MEDIA_TYPE}"\n</If>'
    )
    return out


#: The longest regular expression :func:`_joined` makes of a map's rules: Apache reads a line of at
#: most 8,190 bytes.
_JOINED_MAX = 6000


def _joined(rules: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (regular expression, target) rules of a map with each run of rules of one target joined
    into one rule, their expressions its alternatives: the first rule that matches gives the target
    it gave. Apache reads an ``.htaccess`` and compiles its expressions again for every request, and
    a condition costs more than the length of its expression: the Accept maps of the documents, the
    graph and the not-found page are a quarter to a third as many conditions so."""
    joined: list[tuple[list[str], str]] = []
    for regex, target in rules:
        if joined and joined[-1][1] == target and sum(len(r) + 5 for r in joined[-1][0]) + len(regex) <= _JOINED_MAX:
            joined[-1][0].append(regex)
        else:
            joined.append(([regex], target))
    return [(regexes[0] if len(regexes) == 1 else "|".join(f"(?:{r})" for r in regexes), t) for regexes, t in joined]


def _name_groups(names: Iterable[str]) -> list[list[str]]:
    """``names`` in groups of at most :data:`_JOINED_MAX` characters joined: one rule's alternatives
    each (Apache reads a line of at most 8,190 bytes)."""
    groups: list[list[str]] = [[]]
    size = 0
    for name in names:
        if groups[-1] and size + len(name) > _JOINED_MAX:
            groups, size = [*groups, []], 0
        groups[-1].append(name)
        size += len(name) + 1
    return groups


def apache_rules(
    graph: GraphRule | None = None,
    minted: list[str] | None = None,
    files: list[str] | None = None,
    release_types: dict[str, str] | None = None,
    gone: list[str] | None = None,
) -> str:
    """The rules as an ``.htaccess`` for Apache httpd 2.4 (mod_rewrite, mod_headers, mod_mime, mod_dir;
    the folder needs ``AllowOverride FileInfo Indexes Options=Indexes,MultiViews``: a bare ``Options``
    does not admit ``MultiViews``, and the file would answer 500). They work at the web root and
    under a sub-path reached through the document root; through an ``Alias``, add
    ``RewriteBase /alias/`` for the negotiated documents (the 303s find their folder's path
    themselves). ``minted``: the dataset's other IRIs (:func:`minted_paths`), the role scheme
    and its roles, each answered 303 to its document; ``files``: the
    release's files, each also answered at its own path as on the server; ``release_types``: each
    release file's media type (the release's list), which the rules send with it; ``gone``: the
    withdrawn IRIs' paths (``/id/…``), answered 410 Gone as :func:`nginx_server_conf` answers them.

    What the server does, the rules do: the reader's language by :func:`language_map` (``/`` and a
    thing's 303 to its page), the Accept map of :func:`accept_map`, ``Cache-Control`` on every 200,
    206, 303 and 304 only, ``Vary`` only where the answer is negotiated, ``Range`` only for release
    files (one range; several get the whole file), 405 for any method but GET and HEAD (and a CORS
    preflight), ``nosniff`` on every answer, and no validator on a 404. Conditions on a request
    header are written ``[NV]`` (``req_novary`` in an expression), so Apache adds none of them to
    ``Vary`` of its own accord."""
    ext = "%{ENV:SAKRAD_EXT}"
    negotiate = [f"RewriteCond %{{HTTP_ACCEPT}} ^\\s*$ [NC,NV]\nRewriteRule ^ - [E=SAKRAD_EXT:{HTML.suffix[1:]}]"]
    for regex, suffix in _joined(accept_map()):
        negotiate.append(
            f'RewriteCond {ext} ^$\nRewriteCond %{{HTTP_ACCEPT}} "{regex}" [NC,NV]\n'
            f"RewriteRule ^ - [E=SAKRAD_EXT:{suffix}]"
        )
    suffixes = "\n".join(negotiate)
    reader = "%{ENV:SAKRAD_READER}"
    languages = "\n".join(
        f'RewriteCond {reader} ^$\nRewriteCond %{{HTTP:Accept-Language}} "{regex}" [NC,NV]\n'
        f"RewriteRule ^(id/.*)?$ - [E=SAKRAD_READER:{folder or 'sv'}]"
        for regex, folder in language_map()
    )
    docs = _documents_regex()
    graph_rules = ""
    if graph is not None:
        pattern = "^" + re.escape(graph.path[1:]) + "$"
        flags = "[R=303,QSD,L,E=SAKRAD_VARY:1]"
        base = "%{ENV:SAKRAD_BASE}"
        lines = [
            f"RewriteCond %{{HTTP_ACCEPT}} ^\\s*$ [NC,NV]\nRewriteRule {pattern} {base}{graph.targets[0][1]} {flags}"
        ]
        lines += [
            f'RewriteCond %{{HTTP_ACCEPT}} "{regex}" [NC,NV]\nRewriteRule {pattern} {base}{target} {flags}'
            for regex, target in _joined(_graph_map(graph))
        ]
        lines.append(f"RewriteRule {pattern} - [R=406,L,E=SAKRAD_VARY:1]")
        graph_rules = (
            "\n# The release's graph → its data in the negotiated format (as for the documents, among the\n"
            "# formats it is offered in), else the dataset's page; another version is 404.\n" + "\n".join(lines) + "\n"
        )
    minted_rules = ""
    if minted:  # a rule per group of names: Apache reads a line of at most 8,190 bytes
        minted_rules = (
            "\n# The dataset's other IRIs (dataset, catalog …), the role scheme and its roles → their\n"
            "# documents in the negotiated format.\n"
        ) + "".join(
            f"RewriteCond {ext} ^$\nRewriteRule ^({'|'.join(g)})$ - [R=406,L,E=SAKRAD_VARY:1]\n"
            f"RewriteRule ^({'|'.join(g)})$ %{{ENV:SAKRAD_BASE}}/$1.{ext} [R=303,QSD,L,E=SAKRAD_VARY:1]\n"
            for g in _name_groups(re.escape(p[1:]) for p in minted)
        )
    file_rules = ""
    if files:
        groups = _name_groups(re.escape(f) for f in files)
        file_rules = (
            "\n# A release file at its own path too (sakrad.ttl, tables/meetings.csv: the catalogue's\n"
            "# download URLs), as on the server.\n"
        ) + "".join(
            f"RewriteCond %{{REQUEST_FILENAME}} !-f\nRewriteRule ^({'|'.join(g)})$ {DOWNLOAD_PATH}$1 [L,E=SAKRAD_FILE:1]\n"
            for g in groups
        )
    path = "RewriteCond %{REQUEST_FILENAME}%{PATH_INFO} "
    thing = f"{path}^(.*)/id/([a-z]+)/([{ID_CHARS}]+)$\nRewriteCond %1/doc/%2/%3.html -f\n"
    a_part = f"{path}^(.*)/id/([a-z]+/[{ID_CHARS}]+/[/{ID_CHARS}]+)$\nRewriteCond %1/{APACHE_PARTS}%2{PART_MARKER} -f\n"
    part = f"^id/([a-z]+)/([{ID_CHARS}]+)/([/{ID_CHARS}]+)$"
    whole = f"^id/([a-z]+)/([{ID_CHARS}]+)$"
    english = f"RewriteCond {ext} ={HTML.suffix[1:]}\nRewriteCond {reader} =en/\n"
    # the same from en/id/…: the thing's document or part's marker where id/… finds it
    en_thing = f"{path}^(.*)/en/id/([a-z]+)/([{ID_CHARS}]+)$\nRewriteCond %1/doc/%2/%3.html -f\n"
    en_a_part = (
        f"{path}^(.*)/en/id/([a-z]+/[{ID_CHARS}]+/[/{ID_CHARS}]+)$\nRewriteCond %1/{APACHE_PARTS}%2{PART_MARKER} -f\n"
    )
    page = f"RewriteCond {ext} ={HTML.suffix[1:]}\n"
    en_see_other = "R=303,QSD,L,E=SAKRAD_VARY:1"
    see_other = "R=303,QSD,L,E=SAKRAD_VARY:1,E=SAKRAD_VARY_LANG:1"
    negotiated = f"{len(negotiate)}"
    errors = "\n".join(
        f"ErrorDocument {status} /%{{ENV:SAKRAD_DIR}}{PROBLEMS}{status}{PROBLEM.suffix}"
        for status in PROBLEM_DETAILS
        if status != 404
    )
    not_found = [f"RewriteCond %{{HTTP_ACCEPT}} ^\\s*$ [NV]\nRewriteRule ^ - [E=SAKRAD_PAGE:{HTML.suffix[1:]}]"]
    not_found += [
        f'RewriteCond %{{ENV:SAKRAD_PAGE}} ^$\nRewriteCond %{{HTTP_ACCEPT}} "{regex}" [NC,NV]\n'
        f"RewriteRule ^ - [E=SAKRAD_PAGE:{suffix}]"
        for regex, suffix in _joined(accept_map((HTML, PROBLEM)))
    ]
    not_found_rules = "\n".join(not_found)
    gone_rules = "".join(
        f"RewriteRule ^{'en/' if lang != LANGUAGES[0] else ''}(id/{re.escape(w[len('/id/') :])}|doc/"
        f"{re.escape(w[len('/id/') :])}(\\.(html|ttl|jsonld|nt|rdf))?)$ - [G,E=SAKRAD_GONE:{gone_name(n, lang)}]\n"
        for n, w in enumerate(gone or (), start=1)
        for lang in LANGUAGES
    )
    in_gone = "RewriteCond %{ENV:REDIRECT_STATUS} =410\n"
    gone_body = "".join(
        [
            f"{in_gone}RewriteRule ^{re.escape(GONE)}[0-9]+(-en)?\\.(html|txt)$ - [L]\n",
            f"{in_gone}RewriteCond %{{HTTP_ACCEPT}} ^\\s*$ [NV]\n"
            f"RewriteRule ^{re.escape(GONE)}410$ {GONE}%{{ENV:REDIRECT_SAKRAD_GONE}}{HTML.suffix} [L]\n",
            *(
                f'{in_gone}RewriteCond %{{HTTP_ACCEPT}} "{regex}" [NC,NV]\n'
                f"RewriteRule ^{re.escape(GONE)}410$ {GONE}%{{ENV:REDIRECT_SAKRAD_GONE}}.{suffix} [L]\n"
                for regex, suffix in _joined(accept_map((HTML, TEXT)))
            ),
            f"{in_gone}RewriteRule ^{re.escape(GONE)}410$ {GONE}%{{ENV:REDIRECT_SAKRAD_GONE}}{TEXT.suffix} [L]\n",
        ]
    )
    en_documents = _english_documents(minted)
    return f"""# sakrad-ld: the static export's rules for Apache httpd 2.4 (written by `sakrad-ld export`).
# Needs mod_rewrite, mod_headers, mod_mime and mod_dir, and AllowOverride FileInfo Indexes
# Options=Indexes,MultiViews.
Options -MultiViews -Indexes
DirectoryIndex index.html
# A document beside a folder of the same name (ontology.html, ontology/1.1.0.html) is negotiated
# before a folder's path gets its slash (the last rule).
DirectorySlash Off
# Media types as the server sends them: pages, documents and the site's files by suffix; a release
# file (below download/) as the release lists it.
{_apache_types(release_types)}
# Anyone's pages and programs may read the data, as from the server (CORS); no answer is read as
# another type than it says (nosniff, as from the server). A preflight (OPTIONS with Origin and
# Access-Control-Request-Method, at any path: a browser follows no redirect for it) is answered 200
# at once with the methods and headers it may ask for (a long Accept, If-None-Match).
Header always set X-Content-Type-Options nosniff
Header always set Access-Control-Allow-Origin "*"
Header always set Access-Control-Expose-Headers "{EXPOSE_HEADERS}" "expr=-z req_novary('Access-Control-Request-Method')"
# Caching as the server's: every 200, 206, 303, 304 (and 416) may be kept an hour, a 404 or 406 not; an
# answer varies by Accept where the rules negotiated it (SAKRAD_VARY: a 303, a 406, a document's
# path without its suffix), by Accept-Language at / and at a thing's 303 (SAKRAD_VARY_LANG), else
# by nothing. A variable set before an internal redirect is REDIRECT_… after it.
Header always set Cache-Control "{CACHE_CONTROL}" "expr=%{{REQUEST_STATUS}} -in {{'200', '206', '303', '304', '416'}}"
Header always set Vary Accept "expr=-n reqenv('SAKRAD_VARY') || -n reqenv('REDIRECT_SAKRAD_VARY')"
Header always merge Vary Accept-Language "expr=-n reqenv('SAKRAD_VARY_LANG') || -n reqenv('REDIRECT_SAKRAD_VARY_LANG')"
# An error answers with a file of the export (404.html, {PROBLEMS}…) but not as that file: no
# validator, no range (a conditional GET of an unknown path is 404, as on the server).
RequestHeader unset If-None-Match "expr=reqenv('REDIRECT_STATUS') =~ /^[45]/"
RequestHeader unset If-Modified-Since "expr=reqenv('REDIRECT_STATUS') =~ /^[45]/"
Header unset ETag "expr=%{{REQUEST_STATUS}} -ge 400"
Header unset Last-Modified "expr=%{{REQUEST_STATUS}} -ge 400"
Header always merge Vary Accept "expr=%{{REQUEST_STATUS}} -in {{'404', '410'}}"
# A document's file answered under its path without a suffix (the negotiated format: SAKRAD_VARIANT)
# has no validator: Apache's ETag (modification time and size) is the same for two formats of one
# document written in one second with one size, and a strong validator must differ between the
# representations of a resource (RFC 9110 §8.8.3), or a conditional GET for one format is 304 with
# another's tag. Its file at its own path (x.ttl) keeps its ETag; If-None-Match: * is 304, as on the server.
RequestHeader unset If-None-Match "expr=-n reqenv('REDIRECT_SAKRAD_VARIANT') && req_novary('If-None-Match') != '*'"
Header unset ETag "expr=-n reqenv('REDIRECT_SAKRAD_VARIANT')"
# Only a release file says Last-Modified (and reads If-Modified-Since), as on the server: another
# file's modification time is when the export was copied, not when it changed.
RequestHeader unset If-Modified-Since "expr=!({_APACHE_FILE})"
Header unset Last-Modified "expr=!({_APACHE_FILE})"
# A release file answers one range (bytes=a-b), as on the server; several ranges get the whole
# file; any other file is answered whole.
RequestHeader unset Range "expr=!({_APACHE_FILE}) || req_novary('Range') =~ /,/"
RequestHeader unset If-Range "expr=!({_APACHE_FILE})"
Header unset Accept-Ranges "expr=!({_APACHE_FILE})"
# A table or a list's CSV says where its CSVW metadata is (CSVW Model §5.2), as on the server.
Header set Link {_quoted(DESCRIBED_BY)} "expr=(({_APACHE_FILE}) && %{{REQUEST_URI}} =~ m#/{TABLES_FOLDER}/[^/]+\\.csv$#) || %{{REQUEST_URI}} =~ m#/lists/.+\\.csv$#"
Header unset Allow "expr=%{{REQUEST_STATUS}} == 405"
Header always set Allow "{ALLOWED_METHODS}" "expr=%{{REQUEST_STATUS}} == 405"
<If "%{{REQUEST_METHOD}} == 'OPTIONS' && -n req_novary('Origin') && -n req_novary('Access-Control-Request-Method')">
    Header always set Access-Control-Allow-Methods "{PREFLIGHT_METHODS}"
    Header always set Access-Control-Allow-Headers "{PREFLIGHT_HEADERS}"
    Header always set Access-Control-Max-Age "{PREFLIGHT_MAX_AGE}"
    Header always set Vary "{PREFLIGHT_VARY}"
    Header always unset Cache-Control
    Header unset Allow
    Header unset Vary
</If>
# Errors answer as the server's, from this folder's URL path (SAKRAD_DIR, below): a 405, 406 or 416
# with Problem Details ({PROBLEMS}…); what is not found with the export's page for a browser, in English below en/
# (under id/ in the reader's language), Problem Details for a program
# (by Accept: below).
<If "%{{REQUEST_URI}} =~ m#/{PROBLEMS}#">
    ForceType {PROBLEM.media_type}
</If>
ErrorDocument 404 /%{{ENV:SAKRAD_DIR}}{PROBLEMS}404
ErrorDocument 410 /%{{ENV:SAKRAD_DIR}}{GONE}410
{errors}

RewriteEngine On
# The URL path of this folder (empty at the web root, /a/sub/path under one, also through an
# Alias): the request's path less the part the rules see. A 303's target starts with it, as a
# relative target would name the folder's path on disk.
RewriteCond %{{REQUEST_URI}}::$0 ^(/.+)/(.*)::\\2$
RewriteRule .* - [E=SAKRAD_BASE:%1]
RewriteCond %{{REQUEST_URI}}::$0 ^/(.+/)(.*)::\\2$
RewriteRule .* - [E=SAKRAD_DIR:%1]
RewriteRule ^en/ - [E=SAKRAD_LANG:en/]
RewriteRule ^id/ - [E=SAKRAD_ID:1]
RewriteRule ^({DOWNLOAD_PATH}|{re.escape(CONTEXT_FILE)}$) - [E=SAKRAD_FILE:1]
# A range of a release file whose first byte has more digits than any file's size has bytes is past
# its end: 416, as on the server (Apache reads no number past 64 bits and would send the whole file).
RewriteCond %{{ENV:SAKRAD_FILE}} =1
RewriteCond %{{HTTP:If-Range}} ^$ [NV]
RewriteCond %{{HTTP:If-None-Match}} ^$ [NV]
RewriteCond %{{HTTP:Range}} "^\\s*bytes\\s*=\\s*0*[1-9][0-9]{{18,}}\\s*-\\s*$" [NC,NV]
RewriteRule ^ - [R=416,L]

# An error's body (ErrorDocument): the Problem Details as they are; for what is not found, the page
# or the problem, by the same reading of Accept as the server's (no header: the page).
RewriteCond %{{ENV:REDIRECT_STATUS}} ^[1-5][0-9][0-9]$
RewriteRule ^{re.escape(PROBLEMS)}[0-9]+\\.json$ - [L]
# a withdrawn IRI's 410: its page or its plain text ({GONE}n.html, .txt), by the same reading of Accept
{gone_body}RewriteCond %{{ENV:REDIRECT_STATUS}} !=404
RewriteRule ^ - [S={len(not_found) + 4}]
# under a thing's IRIs (id/…) in the reader's language, as the thing's 303 (Vary says so)
RewriteCond %{{ENV:REDIRECT_SAKRAD_ID}} =1
RewriteRule ^{re.escape(PROBLEMS)}404$ - [E=SAKRAD_VARY_LANG:1]
{not_found_rules}
RewriteCond %{{ENV:SAKRAD_PAGE}} ={HTML.suffix[1:]}
RewriteCond %{{ENV:REDIRECT_SAKRAD_ID}} =1
RewriteCond %{{ENV:REDIRECT_SAKRAD_READER}} =en/
RewriteRule ^{re.escape(PROBLEMS)}404$ en/404.html [L]
RewriteCond %{{ENV:SAKRAD_PAGE}} ={HTML.suffix[1:]}
RewriteRule ^{re.escape(PROBLEMS)}404$ %{{ENV:REDIRECT_SAKRAD_LANG}}404.html [L]
RewriteRule ^{re.escape(PROBLEMS)}404$ {PROBLEMS}404.json [L]

# A preflight is answered by Apache itself (200) for a file that exists, with the headers above.
RewriteCond %{{REQUEST_METHOD}} =OPTIONS
RewriteCond %{{HTTP:Origin}} . [NV]
RewriteCond %{{HTTP:Access-Control-Request-Method}} . [NV]
RewriteRule ^ 404.html [L]
# Any other method but GET and HEAD is 405, as on the server (a static host takes no POST).
RewriteCond %{{REQUEST_METHOD}} !^(GET|HEAD)$
RewriteRule ^ - [R=405,L]
# A withdrawn IRI (the release's withdrawn.json) is 410 Gone at its id/…, en/id/…, doc/… and
# en/doc/…, as on the server (its body: above).
{gone_rules}# These rules are not part of the site.
RewriteRule ^(nginx/|apache/|\\.htaccess$) - [R=404,L]

# The reader's language (SAKRAD_READER: en/ where the server prefers English, else sv), read only
# at / and under id/: the first rule that matches decides, as in nginx's map.
{languages}
# The start page: Swedish, or 303 to en/ for a reader who prefers English (the query dropped), as
# the server answers; either varies by Accept-Language.
RewriteCond {reader} =en/
RewriteRule ^$ %{{ENV:SAKRAD_BASE}}/en/ [R=303,QSD,L,E=SAKRAD_VARY_LANG:1]
RewriteRule ^$ - [E=SAKRAD_VARY_LANG:1]

# The Accept header → the suffix of the format the server would choose (SAKRAD_EXT): the weights
# read to their first decimal; none where it accepts no format (406); no header: HTML. Not read
# for a file that exists (nothing is negotiated there).
RewriteCond %{{REQUEST_FILENAME}} -f
RewriteRule ^ - [S={negotiated}]
{suffixes}

# The thing → the document about it (https://www.w3.org/TR/cooluris/#r303gendocument) in the
# negotiated format, when the document exists, its English page for a reader who prefers English;
# a part (…/question/1) → its whole's document at #question/1, when the export marks it as one the
# data has ({APACHE_PARTS}…/question/1{PART_MARKER}). Captures hold only the characters of an id;
# anything else under id/ is 404. (No folder id/ exists: the file name stops at id and the rest of
# the path is PATH_INFO.) The query is dropped.
{thing}RewriteCond {ext} ^$
RewriteRule ^id/ - [R=406,L,E=SAKRAD_VARY:1]
{a_part}RewriteCond {ext} ^$
RewriteRule ^id/ - [R=406,L,E=SAKRAD_VARY:1]
{a_part}{english}RewriteRule {part} %{{ENV:SAKRAD_BASE}}/en/doc/$1/$2.{ext}#$3 [NE,{see_other}]
{a_part}RewriteRule {part} %{{ENV:SAKRAD_BASE}}/doc/$1/$2.{ext}#$3 [NE,{see_other}]
{thing}{english}RewriteRule {whole} %{{ENV:SAKRAD_BASE}}/en/doc/$1/$2.{ext} [{see_other}]
{thing}RewriteRule {whole} %{{ENV:SAKRAD_BASE}}/doc/$1/$2.{ext} [{see_other}]
RewriteRule ^id/ - [R=404,L]
# en/id/… names no thing, but is where an English reader arrives who puts en/ before a thing's IRI
# as before a page's: as id/…, but a page is the English one whatever Accept-Language says (the
# path chose English; Vary: Accept), and what id/… does not find is 404 in English.
{en_thing}RewriteCond {ext} ^$
RewriteRule ^en/id/ - [R=406,L,E=SAKRAD_VARY:1]
{en_a_part}RewriteCond {ext} ^$
RewriteRule ^en/id/ - [R=406,L,E=SAKRAD_VARY:1]
{en_a_part}{page}RewriteRule ^en/{part[1:]} %{{ENV:SAKRAD_BASE}}/en/doc/$1/$2.{ext}#$3 [NE,{en_see_other}]
{en_a_part}RewriteRule ^en/{part[1:]} %{{ENV:SAKRAD_BASE}}/doc/$1/$2.{ext}#$3 [NE,{en_see_other}]
{en_thing}{page}RewriteRule ^en/{whole[1:]} %{{ENV:SAKRAD_BASE}}/en/doc/$1/$2.{ext} [{en_see_other}]
{en_thing}RewriteRule ^en/{whole[1:]} %{{ENV:SAKRAD_BASE}}/doc/$1/$2.{ext} [{en_see_other}]
RewriteRule ^en/id/ - [R=404,L]
{graph_rules}{minted_rules}{file_rules}
# Documents: the file of the negotiated format (varying by Accept); a URL with an extension
# (x.ttl) is that file; 406 where the Accept header accepts no format.
RewriteCond %{{REQUEST_FILENAME}} !-f
RewriteCond {ext} ^$
RewriteRule ^({docs})$ - [R=406,L,E=SAKRAD_VARY:1]
RewriteCond %{{REQUEST_FILENAME}}.{ext} -f
RewriteRule ^({docs})$ $1.{ext} [L,E=SAKRAD_VARY:1,E=SAKRAD_VARIANT:1]

# An English page's path without .html (en/doc/meeting/x, en/dataset, en/ontology) names what the
# document path without en/ names, so it is negotiated, as on the server: the page for a browser,
# 303 to the document in another format, 406 where Accept accepts no format.
RewriteCond %{{REQUEST_FILENAME}} !-f
RewriteCond %{{REQUEST_FILENAME}}.html -f
RewriteCond {ext} ^$
RewriteRule ^en/({en_documents})$ - [R=406,L,E=SAKRAD_VARY:1]
RewriteCond %{{REQUEST_FILENAME}} !-f
RewriteCond %{{REQUEST_FILENAME}}.html -f
RewriteCond {ext} !={HTML.suffix[1:]}
RewriteRule ^en/({en_documents})$ %{{ENV:SAKRAD_BASE}}/$1.{ext} [R=303,QSD,L,E=SAKRAD_VARY:1]
RewriteCond %{{REQUEST_FILENAME}} !-f
RewriteCond %{{REQUEST_FILENAME}}.html -f
RewriteRule ^en/({en_documents})$ en/$1.html [L,E=SAKRAD_VARY:1]
# A page's path without .html → the page (lists/meetings, en/dataset, en/doc/meeting/x), as on the server.
RewriteCond %{{REQUEST_FILENAME}} !-f
RewriteCond %{{REQUEST_FILENAME}}.html -f
RewriteRule ^(.+[^/])$ $1.html [L]
# A folder's path without its slash → with it where the folder has an index.html (what
# DirectorySlash would do); a folder without one is not found, as on the server.
RewriteCond %{{REQUEST_FILENAME}} -d
RewriteCond %{{REQUEST_FILENAME}}/index.html -f
RewriteRule ^(.+[^/])$ %{{ENV:SAKRAD_BASE}}/$1/ [R=301,L]
RewriteCond %{{REQUEST_FILENAME}} -d
RewriteCond %{{REQUEST_FILENAME}}/index.html !-f
RewriteRule ^ - [R=404,L]
"""
