"""The graph by source: TriG and N-Quads with one named graph per source document
(https://www.w3.org/TR/trig/, https://www.w3.org/TR/n-quads/).

Every triple of the release is put into the named graph of the document it was taken from: the
graph's name is the document's IRI (a ``foaf:Document`` of ``data/sources.yaml``, or the page an
identifier or register link was read from), and that graph holds only what the document states.
What the data makes itself — identifiers, list positions, notes, derivations, translations — and the
publisher's own descriptions (the role list, the registers linked to) are in the graph named by the
ontology's IRI (docs/model.md, "What a document's graph holds"). The union of the graphs is exactly
the graph of ``sakrad.nt``; a triple that two documents state is in both graphs.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from operator import attrgetter
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from .formats import QUAD_FORMATS
from .layout import DATA_STEM
from .serialize import SortedPrefixes, WrittenNamespaces, namespaces_of, output_file, used_prefixes
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

    Grouped by graph, subject and predicate first, so that each level is sorted by a key made in
    C (a term's N-Triples, a predicate's IRI) and no key is made for a statement in Python: the
    order of (predicate IRI, object's N-Triples) pairs is that of the predicates, then of each
    predicate's objects. The terms met on the way are kept for :meth:`namespaces`."""

    __slots__ = ("_order", "_namespaces")

    def __init__(self, quads: Iterable[tuple[Term, Term, Term, ox.NamedNode]]) -> None:
        #: graph → subject → predicate → its object, or a list of them (repeats taken out when sorted)
        graphs: dict[ox.NamedNode, dict[Term, dict[Term, Term | list[Term]]]] = {}
        for s, p, o, g in quads:
            subjects = graphs.get(g)
            if subjects is None:
                subjects = graphs[g] = {}
            properties = subjects.get(s)
            if properties is None:
                subjects[s] = {p: o}
                continue
            objects = properties.get(p)
            if objects is None:
                properties[p] = o
            elif type(objects) is list:
                objects.append(o)
            elif objects != o:
                properties[p] = [objects, o]
        # each statement's object bare, or a list of them when it has more
        self._order: list[tuple[ox.NamedNode, list[tuple[Term, list[tuple[Term, Term | list[Term]]]]]]] = []
        subjects_seen: set[Term] = set()
        predicates: set[Term] = set()
        objects_seen: set[Term] = set()
        value = attrgetter("value")
        for g in sorted(graphs, key=value):
            subjects = graphs.pop(g)
            subjects_seen.update(subjects)
            statements = []
            for s in sorted(subjects, key=str):
                properties = subjects.pop(s)
                predicates.update(properties)
                listed = []
                for p in sorted(properties, key=value):
                    objects = properties[p]
                    if type(objects) is list:
                        objects = sorted(set(objects), key=str)
                        objects_seen.update(objects)
                    else:
                        objects_seen.add(objects)
                    listed.append((p, objects))
                statements.append((s, listed))
            self._order.append((g, statements))
        graph_names = [g for g, _ in self._order]
        self._namespaces = namespaces_of((graph_names, subjects_seen, predicates, objects_seen))

    def namespaces(self) -> WrittenNamespaces:
        """The known namespaces the quads' N-Quads hold (:func:`sakrad_ld.serialize.namespaces_of`)."""
        return self._namespaces

    def chunks(self) -> Iterator[list[ox.Quad]]:
        """The quads in the same order, made as pyoxigraph quads in lists of whole graphs of about
        :data:`CHUNK` quads (a larger graph in a list of its own), so that both files are written
        from one making of each quad."""
        quad = ox.Quad
        chunk: list[ox.Quad] = []
        for g, subjects in self._order:
            for s, statements in subjects:
                for p, objects in statements:
                    if type(objects) is list:
                        chunk += [quad(s, p, o, g) for o in objects]  # type: ignore[arg-type]
                    else:
                        chunk.append(quad(s, p, objects, g))  # type: ignore[arg-type]
            if len(chunk) >= CHUNK:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    def __iter__(self) -> Iterator[ox.Quad]:
        quad = ox.Quad
        for g, subjects in self._order:
            for s, statements in subjects:
                for p, objects in statements:
                    if type(objects) is list:
                        for o in objects:
                            yield quad(s, p, o, g)  # type: ignore[arg-type]
                    else:
                        yield quad(s, p, objects, g)  # type: ignore[arg-type]


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


#: About how many quads are made at a time, in whole graphs, for both files.
CHUNK = 50_000


def _write(ordered: _QuadOrder, nquads: BinaryIO, trig: BinaryIO) -> None:
    """N-Quads, and TriG declaring the prefixes the N-Quads use, sorted, from the same quads made
    once: a piece of whole graphs at a time. N-Quads are a line per quad, and TriG closes each
    graph's block before the next graph's, so the pieces' documents, each but the first without
    its prefix lines, are the document of all the quads (tests/test_quads.py holds them to it)."""
    prefixes = used_prefixes(ordered.namespaces())
    output = SortedPrefixes(trig, prefixes) if prefixes else trig
    first = True
    for chunk in ordered.chunks():
        ox.serialize(chunk, nquads, format=ox.RdfFormat.N_QUADS)
        if first:
            ox.serialize(chunk, output, format=ox.RdfFormat.TRIG, prefixes=prefixes)
            first = False
        else:
            output.write(_without_prefix_lines(ox.serialize(chunk, format=ox.RdfFormat.TRIG, prefixes=prefixes)))
    if first:  # no quads: the document of none
        ox.serialize([], output, format=ox.RdfFormat.TRIG, prefixes=prefixes)
    if isinstance(output, SortedPrefixes):
        output.close()


def _without_prefix_lines(data: bytes) -> bytes:
    """A TriG document from pyoxigraph without the ``@prefix`` lines it opens with."""
    start = 0
    while data.startswith(b"@prefix ", start) and (end := data.find(b"\n", start)) >= 0:
        start = end + 1
    return data[start:]
