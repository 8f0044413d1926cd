"""Moved to :mod:`sakrad_ld.documents.paths` (the document model, below web/ and serving/); these
names stay importable from here."""

from ..documents.paths import ONTOLOGY_PATH, ROLE_PATH, document_path, page_path, published_resources

__all__ = ["ONTOLOGY_PATH", "ROLE_PATH", "document_path", "page_path", "published_resources"]
