"""The document model: which document describes each resource, where it lives on the site, and
its bytes in every format (https://www.w3.org/TR/cooluris/, https://www.w3.org/submissions/CBD/).

Below :mod:`sakrad_ld.sparql`, :mod:`sakrad_ld.web` and :mod:`sakrad_ld.serving`, and used by the
release (each meeting's documents), the server (content negotiation, ``/id/`` → ``/doc/``) and the
static export (its documents and its web-server rules) alike:

* :mod:`.paths` — IRI ↔ document path, both ways, and every document a store has;
* :mod:`.describe` — the triples of a resource's document, and their bytes in a format.
"""

from .describe import LABELS, PART_OF, document_bytes, document_triples, own_resources, version_of
from .paths import (
    DOC_PATH,
    DOCUMENT_FORMATS,
    ONTOLOGY_PATH,
    ROLE_PATH,
    document_path,
    document_patterns,
    page_path,
    published_resources,
    see_other,
    thing_of,
)

__all__ = [
    "DOCUMENT_FORMATS",
    "DOC_PATH",
    "LABELS",
    "ONTOLOGY_PATH",
    "PART_OF",
    "ROLE_PATH",
    "document_bytes",
    "document_path",
    "document_patterns",
    "document_triples",
    "own_resources",
    "page_path",
    "published_resources",
    "see_other",
    "thing_of",
    "version_of",
]
