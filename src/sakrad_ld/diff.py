"""What changed between two releases: the triples added and removed, by resource.

Releases are compared as graphs, not bytes (https://www.w3.org/TR/rdf11-concepts/#graph-isomorphism):
the data (``sakrad.nt``) and the catalogue (``catalog.ttl``) of each release are read and compared
triple by triple. Each release is known by its manifest (:mod:`sakrad_ld.manifest`), which says what
it is (base IRI, version, graph) and which files it has; a folder without one is not compared. A release has no blank nodes, so two graphs are the same exactly when they hold
the same triples. The difference is grouped by subject, the resource a person recognises, and
summed up in one line; :attr:`ReleaseDiff.changed` says whether there is any.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .errors import ReleaseError
from .layout import CATALOGUE_FILE, DATA_FILE
from .manifest import Manifest, read_manifest
from .vocab import PREFIXES

__all__ = ["PARTS", "ReleaseDiff", "ResourceChange", "diff_releases", "read_part"]

#: The parts of a release that are compared: name → (file, format, required).
PARTS: dict[str, tuple[str, ox.RdfFormat, bool]] = {
    "data": (DATA_FILE, ox.RdfFormat.N_TRIPLES, True),
    "catalogue": (CATALOGUE_FILE, ox.RdfFormat.TURTLE, False),
}


@dataclass(frozen=True)
class ResourceChange:
    """The triples of one subject that only the old or only the new release has."""

    subject: str
    removed: tuple[ox.Triple, ...]
    added: tuple[ox.Triple, ...]


@dataclass(frozen=True)
class ReleaseDiff:
    """The difference between two releases, by part (data, catalogue)."""

    old: Path
    new: Path
    removed: dict[str, frozenset[ox.Triple]]
    added: dict[str, frozenset[ox.Triple]]
    #: what each release says it is
    old_manifest: Manifest | None = None
    new_manifest: Manifest | None = None

    @property
    def changed(self) -> bool:
        return any(self.removed.values()) or any(self.added.values())

    def resources(self) -> list[ResourceChange]:
        """The changes grouped by subject, subjects in IRI order."""
        removed: dict[str, set[ox.Triple]] = defaultdict(set)
        added: dict[str, set[ox.Triple]] = defaultdict(set)
        for part in PARTS:
            for t in self.removed[part]:
                removed[_term(t.subject)].add(t)
            for t in self.added[part]:
                added[_term(t.subject)].add(t)
        return [
            ResourceChange(s, tuple(sorted(removed[s], key=_order)), tuple(sorted(added[s], key=_order)))
            for s in sorted(removed.keys() | added.keys())
        ]

    def summary(self) -> str:
        if not self.changed:
            return f"No change: {self.new} holds the same triples as {self.old}."
        parts = ", ".join(f"{part} +{len(self.added[part])} -{len(self.removed[part])}" for part in PARTS)
        added, removed = sum(map(len, self.added.values())), sum(map(len, self.removed.values()))
        n = len(self.resources())
        return (
            f"{added} triple{'s' * (added != 1)} added and {removed} removed in {n} resource{'s' * (n != 1)} ({parts})."
        )

    def text(self) -> str:
        """The changes for a person: each resource, then its removed (-) and added (+) statements."""
        lines = []
        for change in self.resources():
            lines.append(_short(change.subject))
            lines += [f"  - {_short(_term(t.predicate))} {_short(_term(t.object))}" for t in change.removed]
            lines += [f"  + {_short(_term(t.predicate))} {_short(_term(t.object))}" for t in change.added]
        lines.append(self.summary())
        return "\n".join(lines) + "\n"


def read_part(release: Path, part: str, manifest: Manifest | None = None) -> frozenset[ox.Triple]:
    """The triples of one part of a release; a missing optional part (one its manifest does not
    list) is empty."""
    name, format, required = PARTS[part]
    path = release / name
    if (manifest is not None and manifest.file(name) is None and not required) or not path.is_file():
        if required:
            raise ReleaseError(
                f"{release}: not a sakrad-ld release, it has no {name}; give two folders written by `sakrad-ld build`"
            )
        return frozenset()
    try:
        return frozenset(q.triple for q in ox.parse(path=str(path), format=format))
    except SyntaxError as error:
        raise ReleaseError(f"{path}: cannot be read: {error}") from error


def diff_releases(old: Path, new: Path) -> ReleaseDiff:
    """The triples added and removed from release folder ``old`` to ``new``."""
    for folder in (old, new):
        if not folder.is_dir():
            raise ReleaseError(f"{folder}: no such release folder")
    was, now = read_manifest(old), read_manifest(new)
    removed, added = {}, {}
    for part in PARTS:
        before, after = read_part(old, part, was), read_part(new, part, now)
        removed[part], added[part] = before - after, after - before
    return ReleaseDiff(old, new, removed, added, was, now)


def _term(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str:
    return str(term)


def _order(t: ox.Triple) -> tuple[str, str]:
    return (str(t.predicate), str(t.object))


def _short(text: str) -> str:
    """An N-Triples term with the IRI written as a prefixed name where a prefix fits."""
    if text.startswith("<") and text.endswith(">"):
        iri = text[1:-1]
        for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
            local = iri[len(ns) :]
            if iri.startswith(ns) and local and all(c.isalnum() or c in "_-" for c in local):
                return f"{prefix}:{local}"
        return text
    if "^^<" in text:
        value, datatype = text.rsplit("^^", 1)
        return f"{value}^^{_short(datatype)}"
    return text
