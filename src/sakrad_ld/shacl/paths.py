"""SHACL property paths (https://www.w3.org/TR/shacl/#property-paths), compiled once from the
shapes graph and followed on a :class:`~sakrad_ld.triples.Index` with dictionary look-ups.

Supported: a predicate path (an IRI), a sequence path (an RDF list of paths), an alternative path
(``sh:alternativePath``) and an inverse path (``sh:inversePath``) of a predicate. The repetition
paths (``sh:zeroOrMorePath``, ``sh:oneOrMorePath``, ``sh:zeroOrOnePath``) and the inverse of a
complex path are refused with :class:`UnsupportedShapes`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from ..triples import Index, Term
from ..vocab import PREFIXES, RDF, SH
from .describe import list_items
from .errors import UnsupportedShapes

__all__ = ["Path", "compile_path", "path_text", "shacl_name", "short"]


@dataclass(frozen=True)
class Path:
    """A compiled path: ``steps`` are alternatives of sequences of (predicate, inverse) steps.

    Every path this engine supports is an alternative (one alternative for a plain path) of
    sequences of predicate steps, so one representation serves them all. ``node`` is the path as
    it stands in the shapes graph; ``text`` is how a finding names it: the IRI of a predicate
    path, else the path in SPARQL's notation with prefixed names (``^dcat:inSeries``)."""

    node: Term
    steps: tuple[tuple[tuple[Term, bool], ...], ...]
    text: str

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


_BY_LENGTH = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))


def short(iri: str) -> str:
    """An IRI by the package's prefixes (:data:`sakrad_ld.vocab.PREFIXES`), else in angle brackets."""
    for prefix, ns in _BY_LENGTH:
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return f"<{iri}>"


def shacl_name(term: Term) -> str:
    """A term of a shapes graph in an error message: ``sh:name`` for SHACL's terms."""
    if isinstance(term, ox.NamedNode) and term.value.startswith(str(SH)):
        return "sh:" + term.value[len(str(SH)) :]
    return short(term.value) if isinstance(term, ox.NamedNode) else str(term)


def compile_path(shapes: Index, shape: str, node: Term) -> Path:
    """The path ``node`` of the shape named ``shape`` (for error messages) in the shapes graph ``shapes``."""
    steps = tuple(_alternatives(shapes, shape, node))
    text = node.value if isinstance(node, ox.NamedNode) else path_text(shapes, node)
    return Path(node, steps, text)


def path_text(g: Index, path: Term) -> str:
    """A path in SPARQL's notation (https://www.w3.org/TR/sparql11-query/#propertypaths)."""
    if isinstance(path, ox.NamedNode):
        return short(path.value)
    if g.objects(path, RDF.first):
        return "/".join(path_text(g, step) for step in list_items(g, path))
    for predicate, form in (
        (SH.inversePath, "^{}"),
        (SH.zeroOrMorePath, "{}*"),
        (SH.oneOrMorePath, "{}+"),
        (SH.zeroOrOnePath, "{}?"),
    ):
        if inner := g.objects(path, predicate):
            return form.format(path_text(g, inner[0]))
    if alternatives := g.objects(path, SH.alternativePath):
        return "(" + "|".join(path_text(g, step) for step in list_items(g, alternatives[0])) + ")"
    return "(complex path)"


def _alternatives(g: Index, shape: str, node: Term) -> list[tuple[tuple[Term, bool], ...]]:
    if isinstance(node, ox.NamedNode):
        return [((node, False),)]
    if not isinstance(node, ox.BlankNode):
        raise UnsupportedShapes(
            shape,
            f"the path {node}",
            "a path is an IRI or a blank node (https://www.w3.org/TR/shacl/#property-paths)",
        )
    if g.objects(node, RDF.first):
        members = list_items(g, node)
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
    if alternatives := g.objects(node, SH.alternativePath):
        members = list_items(g, alternatives[0])
        if len(members) < 2:
            raise UnsupportedShapes(
                shape,
                "an alternative path of fewer than two members",
                "https://www.w3.org/TR/shacl/#property-path-alternative",
            )
        return [s for member in members for s in _alternatives(g, shape, member)]
    if inverse := g.objects(node, SH.inversePath):
        if not isinstance(inverse[0], ox.NamedNode):
            raise UnsupportedShapes(
                shape,
                "sh:inversePath of a path other than an IRI",
                "write the inverse of each predicate (^(a/b) is ^b/^a)",
            )
        return [((inverse[0], True),)]
    kinds = sorted(shacl_name(p) for p in g.properties(node))
    raise UnsupportedShapes(shape, f"the property path with {', '.join(kinds) or 'no predicates'}")
