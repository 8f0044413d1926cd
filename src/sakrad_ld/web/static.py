"""The site as files, for hosting without a Python process, with nginx rules for Cool URIs and
content negotiation (https://www.w3.org/TR/cooluris/, https://nginx.org/en/docs/http/ngx_http_map_module.html).

Layout of an export::

    index.html  404.html  context.jsonld     the start page, "not found", the JSON-LD context
    doc/{kind}/{id}.html .ttl .jsonld .nt .rdf  every thing's document, in HTML and every RDF format
    role.html …  role/{x}.html …             the role scheme and its roles, likewise
    ontology.html  ontology.ttl …            the ontology's documentation and its RDF
    download/…                               every file of the release, as built
    nginx/sakrad-http.conf                   the Accept → format map (include in ``http {}``)
    nginx/sakrad-server.conf                 the locations (include in the ``server {}`` whose root is the export)

The rules: ``/id/{kind}/{id}`` (and its parts) answer 303 See Other with ``/doc/{kind}/{id}``;
``/doc/…``, ``/role…`` and ``/ontology`` answer with the file of the format the ``Accept`` header
asks for (``Vary: Accept``); a URL with an extension (``/doc/meeting/x.ttl``) is that file.
nginx cannot weigh q-values, so the map reads the header as most clients write it: the media
type listed first wins if the site has it, else HTML if the header names it anywhere, else the
first RDF type it names; no or an unknown ``Accept`` gives HTML (where the server answers 406).
The pages and documents are those of the server, from the same functions.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..folders import replacing
from ..formats import FORMATS, HTML, RESULTS_FORMATS, Format
from ..layout import CONTEXT_FILE
from ..sparql.query import saved_queries
from ..sparql.store import Release
from ..vocab import ONTOLOGY_IRI
from .describe import document_bytes, document_triples
from .documents import ONTOLOGY_PATH, published_resources
from .pages import Site, not_found_page, ontology_page, resource_page, start_page

__all__ = ["DOWNLOAD_PATH", "ExportResult", "NGINX_HTTP", "NGINX_SERVER", "accept_map", "export_site",
           "nginx_http_conf", "nginx_server_conf"]

DOWNLOAD_PATH = "/download/"
NGINX_HTTP = "nginx/sakrad-http.conf"
NGINX_SERVER = "nginx/sakrad-server.conf"

#: Offered formats in the order the map tries them: HTML first, then the RDF formats.
OFFERS: tuple[Format, ...] = (HTML, *FORMATS)


@dataclass(frozen=True)
class ExportResult:
    out: Path
    documents: int  # resources with a document of their own (the ontology included)
    files: int


def _quiet(stage: str, done: int, total: int) -> None:
    return None


def export_site(release: Path, out: Path, progress: Callable[[str, int, int], None] = _quiet) -> ExportResult:
    """Writes the site of ``release`` into ``out`` (replacing it only once every file is written)."""
    opened = Release.open(release)
    store, base = opened.store, opened.base_iri
    queries = list(saved_queries())
    site = Site(base, [(f.path, f.media_type, f.size) for f in opened.files.values()], queries,
                sparql_path=None, download_path=DOWNLOAD_PATH, release=opened.root)
    out = out.resolve()
    files = 0

    def put(rel: str, data: bytes) -> None:
        nonlocal files
        path = tmp / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        files += 1

    with replacing(out) as tmp:
        context = f"{base}{CONTEXT_FILE}"
        put("index.html", start_page(store, site).encode())
        put("404.html", not_found_page("", site).encode())
        put(f"{ONTOLOGY_PATH[1:]}.html", ontology_page(store, site).encode())
        _documents(put, store, str(ONTOLOGY_IRI), ONTOLOGY_PATH, context)
        resources = list(published_resources(store, base))
        for n, (iri, path) in enumerate(resources, start=1):
            progress("pages", n, len(resources))
            page = resource_page(store, iri, site)
            if page is None:  # published_resources only lists what the store knows; never expected
                raise AssertionError(f"no page for {iri}")
            put(f"{path[1:]}.html", page.encode())
            _documents(put, store, iri, path, context)
        for name, file in opened.files.items():
            (tmp / "download" / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file_path := opened.root / name, tmp / "download" / name)
            files += 1
            if name == CONTEXT_FILE:
                shutil.copyfile(file_path, tmp / CONTEXT_FILE)
                files += 1
        put(NGINX_HTTP, nginx_http_conf().encode())
        put(NGINX_SERVER, nginx_server_conf().encode())
    return ExportResult(out, len(resources) + 1, files)


def _documents(put: Callable[[str, bytes], None], store, iri: str, path: str, context: str) -> None:  # noqa: ANN001
    triples = document_triples(store, iri)
    for f in FORMATS:
        put(f"{path[1:]}{f.suffix}", document_bytes(triples, f, context))

def _pattern(media_type: str) -> str:
    return media_type.replace("+", r"\+").replace(".", r"\.")


def accept_map() -> list[tuple[str, str]]:
    """The (regular expression, file suffix) rules of the Accept map, in the order nginx tries them."""
    rules: list[tuple[str, str]] = []
    for f in OFFERS:  # 1. the media type the client lists first
        for media in (f.media_type, *f.aliases):
            rules.append((rf"~*^\s*{_pattern(media)}\s*(;|,|$)", f.suffix[1:]))
    anywhere = [(f.media_type, f) for f in OFFERS] + [(a, f) for f in OFFERS for a in f.aliases]
    for media, f in anywhere:  # 2. HTML anywhere, then each RDF format anywhere; registered types first
        rules.append((rf"~*(^|,)\s*{_pattern(media)}\s*(;|,|$)", f.suffix[1:]))
    return rules


def nginx_http_conf() -> str:
    rules = "\n".join(f'    "{regex}" {suffix};' for regex, suffix in accept_map())
    return f"""# sakrad-ld: content negotiation for the static export (written by `sakrad-ld export`).
# Include in the http {{}} block; the server {{}} block includes sakrad-server.conf.
# The media type listed first wins if the site has it; else HTML if named anywhere; else the first
# RDF type named; else HTML. (nginx cannot weigh q-values.)
map $http_accept $sakrad_suffix {{
    default {HTML.suffix[1:]};
{rules}
}}
"""


def nginx_server_conf() -> str:
    types = "\n".join(f"        {f.media_type} {f.suffix[1:]};" for f in (*OFFERS, *RESULTS_FORMATS))
    charset_types = " ".join(sorted({f.media_type for f in (*FORMATS, *RESULTS_FORMATS) if f.media_type.startswith("text/")}
                                    | {"application/n-triples", "image/svg+xml", "text/plain", "text/css", "text/markdown"}))
    return f"""# sakrad-ld: the static export's locations (written by `sakrad-ld export`).
# Include in the server {{}} block whose root is the export folder, after sakrad-http.conf is
# included in http {{}}:
#     server {{ listen 80; root /path/to/export; include /path/to/export/nginx/sakrad-server.conf; }}
types {{
{types}
        image/svg+xml svg;
        application/json json;
        application/sparql-query rq;
        text/css css;
        text/markdown md;
}}
default_type application/octet-stream;
charset utf-8;
charset_types {charset_types};
error_page 404 /404.html;

# The thing → the document about it (https://www.w3.org/TR/cooluris/#r303gendocument); a part
# (…/question/1) → its whole's document.
location ~ ^/id/([^/]+)/([^/]+)(/.*)?$ {{
    return 303 /doc/$1/$2;
}}

# Documents: the file of the negotiated format; a URL with an extension (x.ttl) finds no
# x.ttl.html and falls through to the file it names. (Ids may hold dots: a.b → a.b.html.)
location ~ ^/(doc/[^/]+/[^/]+|role|role/[^/]+|ontology|role\\.[a-z]+|ontology\\.[a-z]+)$ {{
    try_files $uri.$sakrad_suffix $uri =404;
    add_header Vary Accept always;
    add_header Cache-Control "public, max-age=3600" always;
}}

location = /download/SHA256SUMS {{
    default_type text/plain;
}}
location / {{
    index index.html;
    try_files $uri $uri/ =404;
}}
"""
