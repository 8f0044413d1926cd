"""The embedded SPARQL store (pyoxigraph, in memory), opened from a release folder.

Everything is loaded into **one graph**: the data (``sakrad.nt``), the ontology and the role
scheme (``ontology/*.ttl``) and, when the release has one, the catalogue (``catalog.ttl``). One
graph means a query needs no ``GRAPH`` clause and counts every triple once (pyoxigraph's
union-of-named-graphs mode would count a triple held in two graphs twice). :func:`open_store`
puts it in the store's default graph; :meth:`Release.open` puts it in the release's named graph
``{base_iri}graph/{version}`` (the graph ``sakrad-ld push`` fills in an external store) and wraps
the store so that this graph is every query's default graph (:class:`ReleaseStore`): a query
without a dataset, a query naming the graph in ``FROM`` or the protocol's ``default-graph-uri``,
and ``GRAPH <…graph/1.0.0>`` all read the release. The base IRI and the graph's name are the
release's own word (its ``manifest.json``, :mod:`sakrad_ld.manifest`), never guessed from the data. The
release's files are listed with their media type, size and SHA-256 (from ``SHA256SUMS``), for
downloads and ETags.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pyoxigraph as ox

from ..errors import ReleaseError
from ..formats import media_type_of
from ..inputfiles import resolved
from ..layout import CATALOGUE_FILE, CHECKSUMS, DATA_FILE, MANIFEST_FILE
from ..manifest import Manifest, read_manifest

__all__ = ["Release", "ReleaseFile", "ReleaseStore", "media_type_of", "open_store"]


def open_store(root: Path, graph: ox.NamedNode | None = None) -> ox.Store:
    """An in-memory store holding the release in ``root`` (in ``graph``, or the default graph);
    ReleaseError if it is not a release."""
    data = root / DATA_FILE
    if not data.is_file():
        raise ReleaseError(
            f"{root}: not a sakrad-ld release, it has no {DATA_FILE}; "
            "build one with `sakrad-ld build --out DIR` and pass that folder with --release"
        )
    store = ox.Store()
    files = [
        (data, ox.RdfFormat.N_TRIPLES),
        *((f, ox.RdfFormat.TURTLE) for f in sorted((root / "ontology").glob("*.ttl"))),
    ]
    if (root / CATALOGUE_FILE).is_file():
        files.append((root / CATALOGUE_FILE, ox.RdfFormat.TURTLE))
    for path, format in files:
        try:
            store.bulk_load(path=path, format=format, to_graph=graph or ox.DefaultGraph())
        except (SyntaxError, OSError) as error:
            raise ReleaseError(f"{path}: cannot be loaded ({error}); rebuild the release") from error
    return store


class ReleaseStore:
    """A store holding a release in its named graph ``graph``, which is every query's default graph
    unless the query's dataset says otherwise. Answers what querying and serving use of
    ``pyoxigraph.Store``: ``query`` and ``quads_for_pattern``."""

    def __init__(self, store: ox.Store, graph: str) -> None:
        self.store = store
        self.graph = graph
        self._graph = ox.NamedNode(graph)

    def __repr__(self) -> str:
        return f"ReleaseStore(<{self.graph}>)"

    def query(
        self, query: str, *, default_graph: object = None, named_graphs: object = None, **options: object
    ) -> object:
        # the dataset is always given to the engine, so no FROM or FROM NAMED in the text changes it
        if default_graph is None and named_graphs is None:
            default_graph, named_graphs = [self._graph], [self._graph]
        elif default_graph is None:
            # the protocol: named graphs given without a default graph leave the default graph empty
            default_graph = []
        elif named_graphs is None:
            named_graphs = []
        return self.store.query(query, default_graph=default_graph, named_graphs=named_graphs, **options)

    def quads_for_pattern(
        self, subject: object, predicate: object, object: object, graph_name: object = None
    ) -> object:
        return self.store.quads_for_pattern(subject, predicate, object, graph_name)


def _minted_under(store: ReleaseStore, base: str) -> bool:
    """Whether the release's data names a resource under ``base`` (its pages, documents and
    identifiers are all found by taking ``base`` off an IRI; a release whose manifest names another
    base would serve nothing but errors)."""
    literal = ox.Literal(base)
    under = f"ASK {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), {literal})) }}"
    return bool(store.query(under)) or not bool(store.query("ASK { ?s ?p ?o FILTER(isIRI(?s)) }"))


@dataclass(frozen=True)
class ReleaseFile:
    """One file of a release, as it is offered for download."""

    path: str  # relative, with forward slashes
    media_type: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Release:
    """A release folder opened for querying and serving: its store, its base IRI, the graph it is
    known by (``{base_iri}graph/{version}``), its manifest, and its files."""

    root: Path
    store: ox.Store
    base_iri: str
    graph: str
    manifest: Manifest

    @classmethod
    def open(cls, root: Path, store_url: str = "") -> Release:
        """The release in ``root``, its triples in the embedded store, or in the external store whose
        SPARQL query endpoint is ``store_url`` (the release's named graph there: :mod:`sakrad_ld.sparql.push`).
        ReleaseError, saying what to do, for a folder that is not a release or has no manifest."""
        root = resolved(Path(root), "the release folder")
        manifest = read_manifest(root)
        if store_url:
            from .remotestore import RemoteStore

            remote = RemoteStore(store_url, manifest.graph)
            return cls(root, remote, manifest.base_iri, manifest.graph, manifest)  # type: ignore[arg-type]
        store = ReleaseStore(open_store(root, ox.NamedNode(manifest.graph)), manifest.graph)
        if not _minted_under(store, manifest.base_iri):
            raise ReleaseError(
                f"{root / MANIFEST_FILE}: base_iri {manifest.base_iri!r} is not the base of the release's data "
                f"(no resource of {DATA_FILE} has an IRI under it); rebuild the release with `sakrad-ld build`"
            )
        return cls(root, store, manifest.base_iri, manifest.graph, manifest)  # type: ignore[arg-type]

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
            out[rel] = ReleaseFile(rel, media_type_of(rel), path.stat().st_size, digest)
        return out
