"""The graph by source: TriG and N-Quads with one named graph per source document
(https://www.w3.org/TR/trig/, https://www.w3.org/TR/n-quads/).

Every triple of the release is put into the named graph of the document it was taken from: the
graph's name is the document's IRI (a ``foaf:Document`` of ``data/sources.yaml``, or the page an
identifier or register link was read from). The publisher's own descriptions — the role list, the
registers linked to — are in the graph named by the ontology's IRI. The union of the graphs is
exactly the graph of ``sakrad.nt``; a triple that two documents state is in both graphs.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from .formats import QUAD_FORMATS
from .layout import DATA_STEM
from .serialize import sorted_prefixes, used_prefixes
from .triples import Term

__all__ = ["QUAD_FILES", "quad_files", "release_quads"]

#: The release's files of the graph by source, by format name (formats.QUAD_FORMATS).
QUAD_FILES = {f.name: f"{DATA_STEM}{f.suffix}" for f in QUAD_FORMATS}


def release_quads(quads: Iterable[tuple[Term, Term, Term, ox.NamedNode]]) -> list[ox.Quad]:
    """The quads once each, in a stable order: by graph, then subject, predicate and object (each
    term as N-Triples writes it).

    Grouped by graph and subject first, so that each graph's and subject's sort key is made once
    and each statement's only for its own predicate and object: at 10,000 meetings (2.8 million
    quads) this takes a fraction of sorting every quad by a key of four strings."""
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
    ordered: list[ox.Quad] = []
    add = ordered.append
    for g in sorted(graphs, key=lambda g: g.value):
        subjects = graphs[g]
        for s in sorted(subjects, key=str):
            for p, o in sorted(subjects[s], key=_statement_key):
                add(ox.Quad(s, p, o, g))  # type: ignore[arg-type]
    return ordered


def _statement_key(po: tuple[Term, Term]) -> tuple[str, str]:
    return po[0].value, str(po[1])


def quad_files(quads: Iterable[tuple[Term, Term, Term, ox.NamedNode]]) -> dict[str, bytes]:
    """``sakrad.trig`` and ``sakrad.nq``: byte-identical for the same quads."""
    ordered = release_quads(quads)
    nquads = ox.serialize(ordered, format=ox.RdfFormat.N_QUADS)
    prefixes = used_prefixes(nquads)
    trig = sorted_prefixes(ox.serialize(ordered, format=ox.RdfFormat.TRIG, prefixes=prefixes), prefixes)
    return {QUAD_FILES["trig"]: trig, QUAD_FILES["nquads"]: nquads}
