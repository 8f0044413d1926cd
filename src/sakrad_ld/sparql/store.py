"""The embedded SPARQL store (pyoxigraph, in memory), opened from a release folder.

Everything is loaded into the store's **default graph**: the data (``sakrad.nt``), the ontology
and the role scheme (``ontology/*.ttl``) and, when the release has one, the catalogue
(``catalog.ttl``). One default graph means a query needs no ``GRAPH`` clause and counts every
triple once (pyoxigraph's union-of-named-graphs mode would count a triple held in two graphs
twice). The release's files are listed with their media type, size and SHA-256 (from
``SHA256SUMS``), for downloads and ETags.
"""

from __future__ import annotations

import hashlib
import mimetypes
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pyoxigraph as ox

from ..errors import ReleaseError
from ..formats import FORMATS, HTML, RESULTS_FORMATS
from ..iri import KINDS
from ..layout import CATALOGUE_FILE, CHECKSUMS, DATA_FILE
from ..triples import RDF_TYPE, named
from ..vocab import SAKRAD

__all__ = ["DEFAULT_BASE", "Release", "ReleaseFile", "media_type_of", "open_store"]

DEFAULT_BASE = "https://w3id.org/sakrad/"

#: Media types of release files that are not RDF or query results.
_OTHER_MEDIA_TYPES = {
    ".json": "application/json",
    ".rq": "application/sparql-query",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".svg": "image/svg+xml",
    ".css": "text/css; charset=utf-8",
}


def media_type_of(name: str) -> str:
    """The media type a release file is served with, by its suffix (the format table first)."""
    if name == CHECKSUMS:
        return "text/plain; charset=utf-8"
    suffix = Path(name).suffix.lower()
    for f in (*FORMATS, *RESULTS_FORMATS, HTML):
        if f.suffix == suffix:
            return f.media_type + ("; charset=utf-8" if f.media_type.startswith("text/") else "")
    if name.endswith(".schema.json"):
        return "application/schema+json"
    return _OTHER_MEDIA_TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"


def open_store(root: Path) -> ox.Store:
    """An in-memory store holding the release in ``root``; ReleaseError if it is not a release."""
    data = root / DATA_FILE
    if not data.is_file():
        raise ReleaseError(f"{root}: not a sakrad-ld release, it has no {DATA_FILE}; "
                           "build one with `sakrad-ld build --out DIR` and pass that folder with --release")
    store = ox.Store()
    files = [(data, ox.RdfFormat.N_TRIPLES), *((f, ox.RdfFormat.TURTLE) for f in sorted((root / "ontology").glob("*.ttl")))]
    if (root / CATALOGUE_FILE).is_file():
        files.append((root / CATALOGUE_FILE, ox.RdfFormat.TURTLE))
    for path, format in files:
        try:
            store.bulk_load(path=path, format=format)
        except (SyntaxError, OSError) as error:
            raise ReleaseError(f"{path}: cannot be loaded ({error}); rebuild the release") from error
    return store


def _base_iri(store: ox.Store) -> str:
    """The base the release's IRIs are minted under: what comes before ``id/{kind}/`` in a meeting's
    (or any thing's) IRI; the default base for a release without things."""
    pattern = re.compile(rf"^(.+/)id/(?:{'|'.join(KINDS)})/[^/]+$")
    for quad in store.quads_for_pattern(None, RDF_TYPE, named(SAKRAD.Sakrad)):
        if isinstance(quad.subject, ox.NamedNode) and (m := pattern.match(quad.subject.value)):
            return m.group(1)
    for quad in store.quads_for_pattern(None, ox.NamedNode("http://purl.org/dc/terms/identifier"), None):
        if isinstance(quad.subject, ox.NamedNode) and (m := pattern.match(quad.subject.value)):
            return m.group(1)
    return DEFAULT_BASE


@dataclass(frozen=True)
class ReleaseFile:
    """One file of a release, as it is offered for download."""

    path: str  # relative, with forward slashes
    media_type: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Release:
    """A release folder opened for querying and serving: its store, its base IRI and its files."""

    root: Path
    store: ox.Store
    base_iri: str

    @classmethod
    def open(cls, root: Path, store_url: str = "") -> Release:
        """The release in ``root``, its triples in the embedded store, or in the external store whose
        SPARQL query endpoint is ``store_url`` (the release's named graph there: :mod:`sakrad_ld.sparql.push`)."""
        root = Path(root).resolve()
        if store_url:
            from .push import release_graph
            from .remotestore import RemoteStore

            remote = RemoteStore(store_url, release_graph(root))
            return cls(root, remote, _base_iri(remote))  # type: ignore[arg-type]
        store = open_store(root)
        return cls(root, store, _base_iri(store))

    @cached_property
    def files(self) -> dict[str, ReleaseFile]:
        """Every file of the release by its relative path, with the checksum ``SHA256SUMS`` gives
        (computed for a file it does not list)."""
        sums: dict[str, str] = {}
        if (self.root / CHECKSUMS).is_file():
            for line in (self.root / CHECKSUMS).read_text(encoding="utf-8").splitlines():
                digest, _, name = line.partition("  ")
                sums[name] = digest
        out: dict[str, ReleaseFile] = {}
        for path in sorted(p for p in self.root.rglob("*") if p.is_file() and not p.is_symlink()):
            rel = path.relative_to(self.root).as_posix()
            if any(part.startswith(".") for part in rel.split("/")):
                continue
            digest = sums.get(rel) or hashlib.sha256(path.read_bytes()).hexdigest()
            out[rel] = ReleaseFile(rel, media_type_of(path.name), path.stat().st_size, digest)
        return out
