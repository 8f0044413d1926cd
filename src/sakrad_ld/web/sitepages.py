"""Every page of a resource the site makes, in one list, and the folders the site's files are in.

The site has a page for each thing, the role scheme and its roles (``doc/meeting/x.html``,
``role.html``: :func:`~sakrad_ld.documents.paths.published_resources`) and for each of the
dataset's other IRIs under the base (``dataset.html``, ``catalog.html``,
``dataset/distribution/table/meetings.html``, ``register/lagrummet.html``, ``ontology/1.1.0.html``:
:func:`minted_paths`), each in every language (``en/…``). :func:`site_pages` lists them once: the
static export writes its pages from that list, the sitemap names the same list (with the prepared
pages of :mod:`sakrad_ld.web.sitefiles`), and the server answers the same paths.

:func:`folders` are the folders the site's files are in (``doc``, ``doc/meeting``, ``en``,
``dataset/distribution``, ``download/tables`` …). A folder's path without its slash (``/en``) is
answered as a static host answers it: 301 Moved Permanently to the folder's path with the slash
(``/en/``), the query kept, so the relative links of ``/en/``'s page resolve under ``/en/``.

The "not found" page (``404.html``, ``en/404.html``) is answered at any address: a static host
answers ``/sakrad/doc/meeting/gone.html`` with it where the site is at ``/sakrad/`` (nginx's
``error_page``, Apache's ``ErrorDocument``, GitHub Pages), and the browser resolves its relative
links against the address asked for, not the page's file. Its links are relative to its own file,
right from disk and at its own address, and :func:`not_found_base` is a script that, before the
style sheet is read, gives the page a ``<base>``: the site's folder, found as the path up to the
first folder segment of the address that is one of the site's own first folders
(:data:`TOP_FOLDERS`: ``/sakrad/doc/meeting/gone.html`` → ``/sakrad/``), with the page's own folder
below it (``en/``). Where no segment is one (``/sakrad/gone.html``) the links stay relative to the
address's folder, the site's folder for an address one level below it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote

import pyoxigraph as ox

from ..documents import published_resources, thing_of
from .paths import LANGUAGES, translated

__all__ = ["ID_CHARS", "TOP_FOLDERS", "SitePages", "folders", "minted_paths", "not_found_base", "site_pages"]

#: The characters of an id or a part's path that the rules accept (what sakrad_ld.iri mints).
ID_CHARS = "A-Za-z0-9._~-"
#: Paths the server answers itself, never an IRI of the catalogue (as :mod:`sakrad_ld.serving.documents`).
_OWN_PATHS = ("id/", "doc/", "sparql", "download/", "en/")


def minted_paths(store: ox.Store, base: str, files: Iterable[str], graph_path: str | None = None) -> list[str]:
    """The paths of the dataset's other IRIs under the base (``/dataset``, ``/catalog``,
    ``/dataset/distribution/turtle``, ``/register/lagrummet``, ``/ontology/1.1.0``, ``/shapes`` …), each
    without its fragment: what the server answers with 303 See Other to ``{path}.{ext}``, its
    document. Not the things (``/id/``), the documents the site has anyway (``/role``, ``/ontology``),
    the release's ``files`` (``/sakrad.ttl``: the file answers) or its graph (``graph_path``,
    ``/graph/1.0.0``); only paths a web server's rules can hold as they are."""
    names = set(files)
    found: set[str] = set()
    for quad in store.quads_for_pattern(None, None, None):
        for term in (quad.subject, quad.object):
            if isinstance(term, ox.NamedNode) and term.value.startswith(base):
                rest = term.value[len(base) :].split("#", 1)[0]
                path = "/" + rest
                if (
                    rest
                    and not rest.startswith(_OWN_PATHS)
                    and rest not in names
                    and ".." not in rest
                    and thing_of(path, base) is None
                    and path != graph_path
                    and re.fullmatch(f"[/{ID_CHARS}]+", rest)
                    and not rest.endswith("/")
                ):
                    found.add(path)
    return sorted(found)


@dataclass(frozen=True)
class SitePages:
    """The resources with a page: the dataset's other IRIs (``minted``, paths) and the things, the
    role scheme and its roles (``resources``, (IRI, document path))."""

    minted: list[str]
    resources: list[tuple[str, str]]

    def files(self) -> list[str]:
        """The file of every page in every language (``dataset.html``, ``en/dataset.html``,
        ``doc/meeting/x.html``, ``en/doc/meeting/x.html`` …)."""
        paths = [*self.minted, *(path for _, path in self.resources)]
        return [translated(f"{path[1:]}.html", lang) for path in paths for lang in LANGUAGES]


def site_pages(store: ox.Store, base: str, files: Iterable[str] = (), graph_path: str | None = None) -> SitePages:
    """Every resource of ``store`` with a page on the site; ``files`` are the release's files (a
    release file is no page: ``catalog.ttl``), ``graph_path`` the path of its graph's IRI."""
    return SitePages(minted_paths(store, base, files, graph_path), list(published_resources(store, base)))


def folders(files: Iterable[str]) -> frozenset[str]:
    """The folders (``doc``, ``doc/meeting``) the files (``doc/meeting/x.html``, paths from the site's
    root) are in, with the folders above them; not the root."""
    found: set[str] = set()
    for file in files:
        parts = file.split("/")[:-1]
        for n in range(1, len(parts) + 1):
            found.add("/".join(parts[:n]))
    found.discard("")
    return frozenset(found)


#: The first folders of every path the site answers (``/doc/…``, ``/en/…``, the things' ``/id/…``,
#: the dataset's other IRIs' ``/dataset/…`` …): the segment of an address where the site's own
#: paths begin, below whatever folder the site is served from.
TOP_FOLDERS = (
    "assets",
    "catalog",
    "dataset",
    "doc",
    "download",
    "en",
    "feeds",
    "graph",
    "id",
    "lists",
    "ontology",
    "register",
    "role",
    "shapes",
    "sources",
)


def not_found_base(here: str, site_path: str = "/") -> str:
    """The script of the page ``here`` (``404.html``, ``en/404.html``) that, answered at any address,
    makes its relative links relative to the site's folder: a ``<base>`` of the address's path up
    to its first folder segment of :data:`TOP_FOLDERS`; where no segment is one, ``site_path`` (the
    path of the site's base IRI, where the site is meant to be served) when the address is below it
    (not for a base IRI at a host's root: an address such as ``/sakrad/gone.html`` may then be the
    site served under a sub-path, whose own folder is right); with ``here``'s folder (``en/``) after
    either. None from disk (``file:``), or where neither applies. It runs before the style sheet is
    read. A link within the page (``#main``, the skip link) is kept on the page: once the page is
    read, it is given the address asked for, which a ``<base>`` would otherwise replace."""
    folder = here.rpartition("/")[0]
    below = f"{folder}/" if folder else ""
    inline = _script_json
    site_path = quote(site_path, safe="/%:@!$&'()*+,;=-._~")  # as the browser's location spells it
    fallback = (
        f"if(p===null&&l.pathname.indexOf({inline(site_path)})===0)p={inline(site_path)};" if site_path != "/" else ""
    )
    return (
        "(function(){var l=location,s=l.pathname.split('/'),i,p=null,b;"
        f"if(l.protocol==='file:')return;for(i=1;i<s.length-1;i++)if({inline(list(TOP_FOLDERS))}"
        ".indexOf(s[i])>=0){p=s.slice(0,i).join('/')+'/';break}"
        f"{fallback}if(p===null)return;"
        f"b=document.createElement('base');b.href=p+{inline(below)};document.head.appendChild(b);"
        "document.addEventListener('DOMContentLoaded',function(){"
        "var a=document.querySelectorAll('a[href^=\"#\"]'),j;for(j=0;j<a.length;j++)"
        "a[j].href=l.href.split('#')[0]+a[j].getAttribute('href')})})();"
    )


def _script_json(value: object) -> str:
    """``value`` as a JavaScript literal that is safe inside an HTML ``<script>`` element."""
    return json.dumps(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
