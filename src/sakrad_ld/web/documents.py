"""Where the document about each resource lives on the site (https://www.w3.org/TR/cooluris/).

A thing and the document about it have different IRIs; the site serves documents at paths::

    {base}id/{kind}/{id}               → /doc/{kind}/{id}        (303 See Other)
    {base}id/{kind}/{id}/question/1    → /doc/{kind}/{id}#question/1   (a part: its whole's document)
    https://w3id.org/sakrad/role/{x}   → /role/{x}               (a participation role)
    https://w3id.org/sakrad/role       → /role                   (the role scheme)
    https://w3id.org/sakrad/ontology#T → /ontology#T             (the ontology's documentation)

The HTML pages, the diagrams and the static export all link through :func:`page_path`, so a
link never points at a path the site does not have.
"""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox

from ..iri import KINDS
from ..vocab import ONTOLOGY_IRI, ROLE, ROLE_SCHEME

__all__ = ["ONTOLOGY_PATH", "ROLE_PATH", "document_path", "page_path", "published_resources"]

ONTOLOGY_PATH = "/ontology"
ROLE_PATH = "/role"
_ROLE_NS = str(ROLE._NS)
_ONTOLOGY = str(ONTOLOGY_IRI)


def page_path(iri: str, base: str) -> str | None:
    """The site path of the page that describes ``iri`` (with a #fragment for a part); None if the
    site has no page for it (an IRI outside the dataset)."""
    if iri.startswith(base + "id/"):
        segments = iri[len(base) + 3:].split("/")
        if len(segments) < 2 or segments[0] not in KINDS or not segments[1]:
            return None
        path = f"/doc/{segments[0]}/{segments[1]}"
        return path + "#" + "/".join(segments[2:]) if len(segments) > 2 else path
    if iri.startswith(_ROLE_NS) and len(iri) > len(_ROLE_NS) and "/" not in iri[len(_ROLE_NS):]:
        return f"{ROLE_PATH}/{iri[len(_ROLE_NS):]}"
    if iri == str(ROLE_SCHEME):
        return ROLE_PATH
    if iri == _ONTOLOGY:
        return ONTOLOGY_PATH
    if iri.startswith(_ONTOLOGY + "#") and len(iri) > len(_ONTOLOGY) + 1:
        return f"{ONTOLOGY_PATH}#{iri[len(_ONTOLOGY) + 1:]}"
    return None


def document_path(iri: str, base: str) -> str | None:
    """:func:`page_path` without its fragment: the path of the whole document."""
    path = page_path(iri, base)
    return path.split("#", 1)[0] if path else None


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
