"""The graph by source: TriG and N-Quads with one named graph per source document
(https://www.w3.org/TR/trig/, https://www.w3.org/TR/n-quads/).

Every triple of the release is put into the named graph of the document it was taken from: the
graph's name is the document's IRI (a ``foaf:Document`` of ``data/sources.yaml``, or the page an
identifier or register link was read from). The publisher's own descriptions — the role list, the
registers linked to — are in the graph named by the ontology's IRI. The union of the graphs is
exactly the graph of ``sakrad.nt``; a triple that two documents state is in both graphs.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from .formats import QUAD_FORMATS
from .layout import DATA_STEM
from .serialize import Namespaces, SortedPrefixes, output_file, used_prefixes
from .triples import Term

__all__ = ["QUAD_FILES", "quad_files", "release_quads", "write_quad_files"]

#: The release's files of the graph by source, by format name (formats.QUAD_FORMATS).
QUAD_FILES = {f.name: f"{DATA_STEM}{f.suffix}" for f in QUAD_FORMATS}


def release_quads(quads: Iterable[tuple[Term, Term, Term, ox.NamedNode]]) -> list[ox.Quad]:
    """The quads once each, in a stable order: by graph, then subject, predicate and object (each
    term as N-Triples writes it)."""
    return list(_QuadOrder(quads))


class _QuadOrder:
    """The quads once each in release order (:func:`release_quads`), sorted once and made as
    pyoxigraph quads each time they are iterated, never all held at once.

    Grouped by graph and subject first, so that each graph's and subject's sort key is made once
    and each statement's only for its own predicate and object: at 10,000 meetings (2.8 million
    quads) this takes a fraction of sorting every quad by a key of four strings."""

    def __init__(self, quads: Iterable[tuple[Term, Term, Term, ox.NamedNode]]) -> None:
        graphs: dict[ox.NamedNode, dict[Term, set[tuple[Term, Term]]]] = {}
        for s, p, o, g in quads:
            subjects = graphs.get(g)
            if subjects is None:
                subjects = graphs[g] = {}
            statements = subjects.get(s)
            if statements is None:
                subjects[s] = {(p, o)}
            else:
                statements.add((p, o))
        self._order: list[tuple[ox.NamedNode, list[tuple[Term, list[tuple[Term, Term]]]]]] = []
        for g in sorted(graphs, key=lambda g: g.value):
            subjects = graphs.pop(g)
            self._order.append(
                (g, [(s, sorted(subjects.pop(s), key=_statement_key)) for s in sorted(subjects, key=str)])
            )

    def __iter__(self) -> Iterator[ox.Quad]:
        quad = ox.Quad
        for g, subjects in self._order:
            for s, statements in subjects:
                for p, o in statements:
                    yield quad(s, p, o, g)  # type: ignore[arg-type]


def _statement_key(po: tuple[Term, Term]) -> tuple[str, str]:
    return po[0].value, str(po[1])


def quad_files(quads: Iterable[tuple[Term, Term, Term, ox.NamedNode]]) -> dict[str, bytes]:
    """``sakrad.trig`` and ``sakrad.nq``: byte-identical for the same quads."""
    nquads, trig = io.BytesIO(), io.BytesIO()
    _write(_QuadOrder(quads), nquads, trig)
    return {QUAD_FILES["trig"]: trig.getvalue(), QUAD_FILES["nquads"]: nquads.getvalue()}


def write_quad_files(quads: Iterable[tuple[Term, Term, Term, ox.NamedNode]], root: Path) -> None:
    """The files :func:`quad_files` gives, written into the folder ``root`` as they are made, never
    held whole (the N-Quads of 10,000 meetings are 670 MB)."""
    with output_file(root / QUAD_FILES["nquads"]) as nquads, output_file(root / QUAD_FILES["trig"]) as trig:
        _write(_QuadOrder(quads), nquads, trig)


def _write(ordered: _QuadOrder, nquads: BinaryIO, trig: BinaryIO) -> None:
    """N-Quads, then TriG declaring the prefixes the N-Quads use, sorted."""
    written = Namespaces(nquads)
    ox.serialize(ordered, written, format=ox.RdfFormat.N_QUADS)
    prefixes = used_prefixes(written)
    output = SortedPrefixes(trig, prefixes) if prefixes else trig
    ox.serialize(ordered, output, format=ox.RdfFormat.TRIG, prefixes=prefixes)
    if isinstance(output, SortedPrefixes):
        output.close()
