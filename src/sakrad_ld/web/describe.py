"""Moved to :mod:`sakrad_ld.documents.describe` (the document model, below web/ and serving/);
these names stay importable from here."""

from ..documents.describe import LABELS, PART_OF, document_bytes, document_triples, own_resources

__all__ = ["LABELS", "PART_OF", "document_bytes", "document_triples", "own_resources"]
