"""Where the document about each resource lives on the site (https://www.w3.org/TR/cooluris/).

A thing and the document about it have different IRIs; the site serves documents at paths::

    {base}id/{kind}/{id}               → /doc/{kind}/{id}        (303 See Other)
    {base}id/{kind}/{id}/question/1    → /doc/{kind}/{id}#question/1   (a part: its whole's document)
    https://w3id.org/sakrad/role/{x}   → /role/{x}               (a participation role)
    https://w3id.org/sakrad/role       → /role                   (the role scheme)
    https://w3id.org/sakrad/ontology#T → /ontology#T             (the ontology's documentation)

The mapping goes both ways: :func:`page_path` from an IRI to its document's path, :func:`thing_of`
from a document's path back to the IRI it is about (the server's ``/doc/…``), :func:`see_other` every
IRI path of a store with its document (the static export's 303 rules). Every document is offered
in :data:`DOCUMENT_FORMATS` at ``{path}{suffix}``. The HTML pages, the diagrams, the server and the
static export all go through this module, so a link never points at a path the site does not have.
"""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox

from ..formats import FORMATS, HTML, Format
from ..iri import KINDS
from ..vocab import ONTOLOGY_IRI, ROLE, ROLE_SCHEME

__all__ = [
    "DOCUMENT_FORMATS",
    "DOC_PATH",
    "ONTOLOGY_PATH",
    "ROLE_PATH",
    "document_path",
    "document_patterns",
    "page_path",
    "published_resources",
    "see_other",
    "thing_of",
]

#: The formats every document is offered in: its HTML page first, then every RDF format.
DOCUMENT_FORMATS: tuple[Format, ...] = (HTML, *FORMATS)

DOC_PATH = "/doc"
ONTOLOGY_PATH = "/ontology"
ROLE_PATH = "/role"
_ROLE_NS = str(ROLE)
_ONTOLOGY = ONTOLOGY_IRI.value
_ROLE_SCHEME = ROLE_SCHEME.value


def page_path(iri: str, base: str) -> str | None:
    """The site path of the page that describes ``iri`` (with a #fragment for a part); None if the
    site has no page for it (an IRI outside the dataset)."""
    if iri.startswith(base + "id/"):
        segments = iri[len(base) + 3 :].split("/")
        if len(segments) < 2 or segments[0] not in KINDS or not segments[1]:
            return None
        path = f"{DOC_PATH}/{segments[0]}/{segments[1]}"
        return path + "#" + "/".join(segments[2:]) if len(segments) > 2 else path
    if iri.startswith(_ROLE_NS) and len(iri) > len(_ROLE_NS) and "/" not in iri[len(_ROLE_NS) :]:
        return f"{ROLE_PATH}/{iri[len(_ROLE_NS) :]}"
    if iri == _ROLE_SCHEME:
        return ROLE_PATH
    if iri == _ONTOLOGY:
        return ONTOLOGY_PATH
    if iri.startswith(_ONTOLOGY + "#") and len(iri) > len(_ONTOLOGY) + 1:
        return f"{ONTOLOGY_PATH}#{iri[len(_ONTOLOGY) + 1 :]}"
    return None


def document_path(iri: str, base: str) -> str | None:
    """:func:`page_path` without its fragment: the path of the whole document."""
    path = page_path(iri, base)
    return path.split("#", 1)[0] if path else None


def thing_of(doc: str, base: str) -> str | None:
    """The IRI the document at path ``doc`` (without fragment or suffix) is about: the inverse of
    :func:`document_path` for the things, the role scheme, its roles and the ontology; None for a
    path that is no document."""
    if doc == ONTOLOGY_PATH:
        return _ONTOLOGY
    if doc == ROLE_PATH:
        return _ROLE_SCHEME
    if doc.startswith(ROLE_PATH + "/"):
        name = doc[len(ROLE_PATH) + 1 :]
        return _ROLE_NS + name if name and "/" not in name else None
    if doc.startswith(DOC_PATH + "/"):
        segments = doc[len(DOC_PATH) + 1 :].split("/")
        if len(segments) == 2 and all(segments):
            return f"{base}id/{segments[0]}/{segments[1]}"
    return None


def document_patterns() -> tuple[str, ...]:
    """The document paths :func:`thing_of` accepts, as regular expressions without the leading ``/``
    (for a web server's rules): a thing's document, the role scheme, a role, the ontology."""
    doc, role, ontology = DOC_PATH[1:], ROLE_PATH[1:], ONTOLOGY_PATH[1:]
    return (f"{doc}/[^/]+/[^/]+", role, f"{role}/[^/]+", ontology)


def see_other(store: ox.Store, base: str) -> dict[str, str]:
    """Every path under ``/id/`` the data has an IRI for (things and their parts), and the path of
    the document it is described in: the 303 See Other rules of a static web server."""
    prefix = base + "id/"
    found: dict[str, str] = {}
    for quad in store.quads_for_pattern(None, None, None):
        for term in (quad.subject, quad.object):
            if isinstance(term, ox.NamedNode) and term.value.startswith(prefix) and term.value not in found:
                doc = document_path(term.value, base)
                rest = term.value[len(base) - 1 :]
                if doc and _plain(rest):
                    found[rest] = doc
    return dict(sorted(found.items()))


_PLAIN = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~-/")


def _plain(path: str) -> bool:
    """A path a web server's rules can take as it is (no quoting, no space, no control character)."""
    return all(c in _PLAIN for c in path)


def published_resources(store: ox.Store, base: str) -> Iterator[tuple[str, str]]:
    """Every resource with a document of its own, as (IRI, document path), sorted by path: the
    things of the dataset (``{base}id/{kind}/{id}``), the role scheme and its roles. The ontology
    has its own page (:func:`sakrad_ld.web.pages.ontology_page`) and is not listed."""
    found: dict[str, str] = {}
    for quad in store.quads_for_pattern(None, None, None):
        for term in (quad.subject, quad.object):
            if isinstance(term, ox.NamedNode) and term.value not in found:
                path = page_path(term.value, base)
                if path and "#" not in path and path != ONTOLOGY_PATH:
                    found[term.value] = path
    yield from sorted(found.items(), key=lambda item: item[1])
