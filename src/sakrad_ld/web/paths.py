"""Where each page lives as a file, and links between pages written relative to the page.

Every page has a file path under the site's root — ``index.html``, ``doc/meeting/x.html``,
``role/chair.html``, ``ontology.html``, ``lists/meetings.html``, ``download/sakrad.ttl`` — and its
English version the same path under ``en/``. Links are written relative to the page that holds
them (``../organisation/y.html``), so the same pages work at a web root, under any sub-path, from a
plain static server and from ``file://``; the server answers the same file paths
(:mod:`sakrad_ld.serving.server` answers ``/doc/…/x.html`` with the page).
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import quote

from .documents import page_path

__all__ = ["ENGLISH", "LANGUAGES", "START", "language_of", "page_file", "relative", "translated"]

START = "index.html"
#: The languages of the site; the first is the default (the site's root), the others a subtree.
LANGUAGES = ("sv", "en")
ENGLISH = "en/"


#: Paths under the base that are no IRI of a resource with a page: the things' and documents' own
#: folders, the endpoint, the downloads, the English pages, the release's graph.
_NOT_PAGES = ("id/", "doc/", "sparql", "download/", "en/", "graph/")


def page_file(iri: str, base: str) -> str | None:
    """The file of the page about ``iri`` (``doc/meeting/x.html#question/1``); None if the site has
    none. The dataset's other IRIs under the base (``{base}dataset``, ``{base}catalog``,
    ``{base}dataset/distribution/turtle`` …) have theirs at ``{path}.html``, as the server and the
    export answer them; a file of the release (``{base}sakrad.ttl``) and such an IRI with a
    ``#fragment`` (``{base}shapes#ContactPoint``) have none."""
    path = page_path(iri, base)
    if path is None:
        rest = iri[len(base) :]
        if (
            not iri.startswith(base)
            or not re.fullmatch(r"[A-Za-z0-9_~-][A-Za-z0-9._~/-]*[A-Za-z0-9_~-]", rest)
            or rest.startswith(_NOT_PAGES)
            or ".." in rest
            or "//" in rest
            or re.search(r"\.[A-Za-z][A-Za-z0-9]*$", rest)
            or "#" in iri  # a term of the shapes …: their pages have no part to link to
        ):
            return None
        return rest + ".html"
    doc, _, fragment = path.partition("#")
    return quote(doc[1:]) + ".html" + (f"#{fragment}" if fragment else "")


def translated(file: str, lang: str) -> str:
    """The same page in ``lang`` (``doc/x.html`` ↔ ``en/doc/x.html``)."""
    plain = file.removeprefix(ENGLISH)
    return plain if lang == LANGUAGES[0] else f"{lang}/{plain}"


def language_of(file: str) -> str:
    return "en" if file.startswith(ENGLISH) else LANGUAGES[0]


def relative(here: str, target: str) -> str:
    """``target`` (a file path from the site's root, with an optional #fragment or ?query) as a link
    from the page at ``here``: ``relative("doc/meeting/x.html", "doc/organisation/y.html")`` is
    ``../organisation/y.html``."""
    if target.startswith(("#", "http://", "https://", "mailto:", "data:")):
        return target
    path, sep, rest = _split(target)
    if path == here and sep == "#":
        return f"#{rest}"
    link = posixpath.relpath(path or ".", posixpath.dirname(here) or ".")
    if path.endswith("/") and not link.endswith("/"):
        link += "/"
    return link + sep + rest


def _split(target: str) -> tuple[str, str, str]:
    cut = min((i for i in (target.find("#"), target.find("?")) if i >= 0), default=-1)
    if cut < 0:
        return target, "", ""
    return target[:cut], target[cut], target[cut + 1 :]
