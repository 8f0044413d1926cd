"""Which source document states each fact, for the pages: the named graphs of the release's quads
(``sakrad.nq``, one graph per source document: :mod:`sakrad_ld.quads`, docs/model.md "Where facts
come from").

A fact taken from a page other than a meeting's main source (its ``fact_sources``: the chair, the
agencies and the case number read from the minutes) is in that page's graph, so the page shows
that page beside it. Without the quads (a release folder not given, or a store elsewhere) nothing
is known per fact and the pages fall back to each node's ``dct:source``.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from ..quads import QUAD_FILES

__all__ = ["Provenance"]

_Node = ox.NamedNode | ox.BlankNode
_Term = ox.NamedNode | ox.BlankNode | ox.Literal


class Provenance:
    """The documents that state triples, read from a store of the release's quads (None: unknown)."""

    def __init__(self, quads: ox.Store | None = None) -> None:
        self._quads = quads

    @classmethod
    def of_release(cls, root: Path | None) -> Provenance:
        """The provenance of the release in ``root`` (read once per version of its quads file)."""
        if root is None or not (root / QUAD_FILES["nquads"]).is_file():
            return cls()
        path = root / QUAD_FILES["nquads"]
        stat = path.stat()
        return cls(_load(str(path), stat.st_mtime_ns, stat.st_size))

    @property
    def known(self) -> bool:
        return self._quads is not None

    def documents(self, facts: Iterable[tuple[_Node, ox.NamedNode, _Term | None]]) -> list[str]:
        """The IRIs of the documents stating any of ``facts`` ((subject, predicate, object or None
        for every object)), sorted, each once."""
        if self._quads is None:
            return []
        found = set()
        for s, p, o in facts:
            for quad in self._quads.quads_for_pattern(s, p, o, None):
                if isinstance(quad.graph_name, ox.NamedNode):
                    found.add(quad.graph_name.value)
        return sorted(found)


@lru_cache(maxsize=2)
def _load(path: str, mtime_ns: int, size: int) -> ox.Store:
    store = ox.Store()
    store.bulk_load(path=path, format=ox.RdfFormat.N_QUADS)
    return store
