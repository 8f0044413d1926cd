"""A resource whose document the release holds as a file: the catalogue ``{base}catalog``, whose
``catalog.ttl`` and ``catalog.rdf`` are release files at the paths its IRI's Turtle and RDF/XML
variants have.

Content negotiation offers every resource in each RDF format of :data:`sakrad_ld.formats.FORMATS`
(``/catalog`` → ``/catalog.ttl``, ``.jsonld``, ``.nt``, ``.rdf``), and the variants of one resource
must be one graph in different syntaxes. Where a release file answers at one of those paths, the
other variants are that file's graph written in their own format, not the document the graph of
the data holds about the IRI: a DCAT harvester asking ``/catalog`` for JSON-LD or N-Triples gets the
whole catalogue (every distribution), as one asking for Turtle does. The server
(:mod:`sakrad_ld.serving.documents`) and the static export (:mod:`sakrad_ld.web.static`) both ask
:func:`filed_triples`.
"""

from __future__ import annotations

from collections.abc import Callable, Container
from typing import Any

import pyoxigraph as ox

from ..formats import FORMATS

__all__ = ["filed_document", "filed_triples"]

_READERS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".rdf": ox.RdfFormat.RDF_XML,
}


def filed_document(path: str, files: Container[str]) -> str | None:
    """The release file (its name) that is the document at ``path`` (``/catalog`` → ``catalog.ttl``),
    the first of :data:`~sakrad_ld.formats.FORMATS` the release has that can be read without a
    JSON-LD context; None when no release file is one of ``path``'s variants."""
    stem = path.lstrip("/")
    for format in FORMATS:
        if format.suffix in _READERS and stem + format.suffix in files:
            return stem + format.suffix
    return None


def filed_triples(
    path: str, files: Container[str], read: Callable[[str], bytes | None], base_iri: str
) -> list[ox.Triple] | None:
    """The triples of the release file that is the document at ``path`` (:func:`filed_document`),
    sorted; None when there is no such file, or ``read`` (a file's name → its bytes, None when it
    cannot be read as the release lists it) gives none."""
    name = filed_document(path, files)
    if name is None:
        return None
    data = read(name)
    if data is None:
        return None
    format = _READERS[name[name.rindex(".") :]]
    labels: dict[ox.BlankNode, ox.BlankNode] = {}

    def label(term: Any) -> Any:  # blank nodes by their order in the file: the same bytes each time
        if isinstance(term, ox.BlankNode):
            return labels.setdefault(term, ox.BlankNode(f"b{len(labels)}"))
        return term

    triples = {
        ox.Triple(label(t.subject), t.predicate, label(t.object))
        for t in ox.parse(data, format, base_iri=base_iri + name)
    }
    return sorted(triples, key=str)
