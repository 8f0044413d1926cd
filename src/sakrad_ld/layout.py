"""The names of a release's files, in one place for everything that writes or reads a release."""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "CATALOGUE_FILE",
    "CATALOGUE_STEM",
    "CHECKSUMS",
    "CONTEXT_FILE",
    "DATA_FILE",
    "DATA_STEM",
    "KEPT_FOLDER",
    "MANIFEST_FILE",
    "kept_copy_path",
]

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


def kept_copy_path(file: str) -> str:
    """Where a source's kept copy of its text (its ``file:``, relative to ``data/``) is in the release:
    under ``sources/``, with its path below ``data/sources/`` (``sources/x.txt`` stays
    ``sources/x.txt``; ``notes/x.txt`` is ``sources/notes/x.txt``)."""
    parts = Path(file).parts
    return "/".join((KEPT_FOLDER, *(parts[1:] if parts[0] == KEPT_FOLDER else parts)))


#: The release's folder of the sources' kept copies.
KEPT_FOLDER = "sources"
