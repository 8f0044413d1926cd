"""The names of a release's files, in one place for everything that writes or reads a release."""

from __future__ import annotations

__all__ = ["CATALOGUE_FILE", "CATALOGUE_STEM", "CHECKSUMS", "CONTEXT_FILE", "DATA_FILE", "DATA_STEM", "MANIFEST_FILE"]

#: The whole graph: ``sakrad.ttl``, ``sakrad.nt``, ``sakrad.jsonld``.
DATA_STEM = "sakrad"
#: The whole graph in the format every reader of a release loads.
DATA_FILE = f"{DATA_STEM}.nt"
#: The JSON-LD context the release's ``.jsonld`` files refer to.
CONTEXT_FILE = "context.jsonld"
#: The DCAT catalogue: ``catalog.ttl``, ``catalog.rdf``.
CATALOGUE_STEM = "catalog"
#: The catalogue in the format readers of a release load.
CATALOGUE_FILE = f"{CATALOGUE_STEM}.ttl"
#: A SHA-256 checksum of every other file.
CHECKSUMS = "SHA256SUMS"
#: What the release is: base IRI, version, graph name, files (:mod:`sakrad_ld.manifest`).
MANIFEST_FILE = "manifest.json"
