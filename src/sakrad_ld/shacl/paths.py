"""SHACL property paths (https://www.w3.org/TR/shacl/#property-paths), compiled once from the
shapes graph and followed on a :class:`~sakrad_ld.triples.Index` with dictionary look-ups.

Supported: a predicate path (an IRI), a sequence path (an RDF list of paths), an alternative path
(``sh:alternativePath``) and an inverse path (``sh:inversePath``) of a predicate. The repetition
paths (``sh:zeroOrMorePath``, ``sh:oneOrMorePath``, ``sh:zeroOrOnePath``) and the inverse of a
complex path are refused with :class:`UnsupportedShapes`.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from ..rdflib_edge import ox_term
from ..triples import Index, Term
from .errors import UnsupportedShapes

__all__ = ["Path", "compile_path"]


@dataclass(frozen=True)
class Path:
    """A compiled path: ``steps`` are alternatives of sequences of (predicate, inverse) steps.

    Every path this engine supports is an alternative (one alternative for a plain path) of
    sequences of predicate steps, so one representation serves them all. ``node`` is the path as
    it stands in the shapes graph, which a validation result copies into ``sh:resultPath``."""

    node: Node
    steps: tuple[tuple[tuple[Term, bool], ...], ...]

    def values(self, index: Index, focus: Term) -> tuple[Term, ...]:
        """The value nodes of ``focus`` (https://www.w3.org/TR/shacl/#value-nodes), each once."""
        if len(self.steps) == 1 and len(self.steps[0]) == 1:
            predicate, inverse = self.steps[0][0]
            found = index.subjects_of(predicate, focus) if inverse else index.objects(focus, predicate)
            return tuple(found)
        result: dict[Term, None] = {}
        for sequence in self.steps:
            nodes: dict[Term, None] = {focus: None}
            for predicate, inverse in sequence:
                following: dict[Term, None] = {}
                for node in nodes:
                    for value in index.subjects_of(predicate, node) if inverse else index.objects(node, predicate):
                        following[value] = None
                nodes = following
            result.update(nodes)
        return tuple(result)


def compile_path(shapes: Graph, shape: str, node: Node) -> Path:
    """The path ``node`` of the shape named ``shape`` (for error messages) in the shapes graph ``shapes``."""
    return Path(node, tuple(_alternatives(shapes, shape, node)))


def _alternatives(g: Graph, shape: str, node: Node) -> list[tuple[tuple[Term, bool], ...]]:
    if isinstance(node, URIRef):
        return [((ox_term(node), False),)]
    if not isinstance(node, BNode):
        raise UnsupportedShapes(
            shape,
            f"the path {node.n3()}",
            "a path is an IRI or a blank node (https://www.w3.org/TR/shacl/#property-paths)",
        )
    if (node, RDF.first, None) in g:
        members = list(Collection(g, node))
        if len(members) < 2:
            raise UnsupportedShapes(
                shape,
                "a sequence path of fewer than two members",
                "https://www.w3.org/TR/shacl/#property-path-sequence",
            )
        sequences: list[tuple[tuple[Term, bool], ...]] = [()]
        for member in members:
            sequences = [s + tail for s in sequences for tail in _alternatives(g, shape, member)]
        return sequences
    if (alternatives := g.value(node, SH.alternativePath)) is not None:
        members = list(Collection(g, alternatives))
        if len(members) < 2:
            raise UnsupportedShapes(
                shape,
                "an alternative path of fewer than two members",
                "https://www.w3.org/TR/shacl/#property-path-alternative",
            )
        return [s for member in members for s in _alternatives(g, shape, member)]
    if (inverse := g.value(node, SH.inversePath)) is not None:
        if not isinstance(inverse, URIRef):
            raise UnsupportedShapes(
                shape,
                "sh:inversePath of a path other than an IRI",
                "write the inverse of each predicate (^(a/b) is ^b/^a)",
            )
        return [((ox_term(inverse), True),)]
    kinds = sorted(p.n3(g.namespace_manager) for p in g.predicates(node))
    raise UnsupportedShapes(shape, f"the property path with {', '.join(kinds) or 'no predicates'}")
