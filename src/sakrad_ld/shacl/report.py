"""The validation report graph (https://www.w3.org/TR/shacl/#validation-report), written as pySHACL
writes it, so that :func:`sakrad_ld.validate.report_from_results` reads it the same way.

Like pySHACL, a blank node the report names (a complex ``sh:resultPath``, a blank-node
``sh:sourceShape``, focus node or value) is copied into the report with its properties, and each
such node is copied once and shared by every result that names it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from ..rdflib_edge import ox_term, rdflib_term
from ..triples import Index, Term
from .components import Result
from .describe import Describer

if TYPE_CHECKING:
    from .shapes import Shapes

__all__ = ["report_graph"]

_FIRST, _REST, _NIL = ox_term(RDF.first), ox_term(RDF.rest), ox_term(RDF.nil)
#: pySHACL stops copying blank nodes at this depth (pyshacl.rdfutil.clone: two steps per level).
_MAX_DEPTH = 10


def report_graph(
    results: Iterable[Result], conforms: bool, shapes: Shapes, index: Index, prefixes: Mapping[str, str] | None = None
) -> Graph:
    """The report of ``results``: a sh:ValidationReport with one sh:ValidationResult each;
    ``prefixes`` write data terms in default messages (see :func:`sakrad_ld.shacl.check`)."""
    g = Graph()
    report = BNode()
    g.add((report, RDF.type, SH.ValidationReport))
    g.add((report, SH.conforms, Literal(conforms)))
    writer = _Writer(g, shapes, index, prefixes)
    for result in results:
        r = BNode()
        g.add((report, SH.result, r))
        g.add((r, RDF.type, SH.ValidationResult))
        g.add((r, SH.sourceConstraintComponent, result.kind))
        g.add((r, SH.sourceShape, writer.from_shapes(result.shape.node)))
        g.add((r, SH.resultSeverity, result.shape.severity))
        g.add((r, SH.focusNode, writer.from_data(result.focus)))
        if result.value is not None:
            g.add((r, SH.value, writer.from_data(result.value)))
        if result.shape.path is not None:
            g.add((r, SH.resultPath, writer.from_shapes(result.shape.path.node)))
        for message in result.shape.messages or writer.default_messages(result):
            g.add((r, SH.resultMessage, message))
    return g


class _Writer:
    def __init__(self, g: Graph, shapes: Shapes, index: Index, prefixes: Mapping[str, str] | None) -> None:
        self.g = g
        self.prefixes = prefixes
        self.shapes = shapes
        self.index = index
        self._copied: dict[tuple[str, Node], Node] = {}
        self._data_describer: Describer | None = None

    def from_shapes(self, node: Node) -> Node:
        """A shapes-graph node; a blank node copied with its properties, once."""
        if not isinstance(node, BNode):
            return node
        key = ("shapes", node)
        if key not in self._copied:
            self._copied[key] = self._copy(BNode(str(node)), lambda n: self.shapes.graph.predicate_objects(n), node, 0)
        return self._copied[key]

    def from_data(self, term: Term) -> Node:
        """A data term; a blank node copied with its properties, once."""
        node = rdflib_term(term)
        if not isinstance(node, BNode):
            return node
        key = ("data", node)
        if key not in self._copied:
            self._copied[key] = self._copy(BNode(str(node)), self._data_outgoing, node, 0)
        return self._copied[key]

    def _data_outgoing(self, node: Node) -> list[tuple[Node, Node]]:
        return [(rdflib_term(p), rdflib_term(o)) for p, os in self.index.properties(ox_term(node)).items() for o in os]

    def _copy(self, copy: BNode, outgoing, node: Node, depth: int) -> BNode:  # type: ignore[no-untyped-def]
        if depth >= _MAX_DEPTH:
            return copy
        for p, o in outgoing(node):
            if isinstance(o, BNode):
                o = self._copy(BNode(), outgoing, o, depth + 2)
            self.g.add((copy, p, o))
        return copy

    def default_messages(self, result: Result) -> list[Literal]:
        if self._data_describer is None:
            if self.prefixes is None:
                names = Graph().namespace_manager
            else:
                names = Graph(bind_namespaces="none").namespace_manager
                for prefix, namespace in self.prefixes.items():
                    names.bind(prefix, namespace, override=True, replace=True)
            self._data_describer = Describer(names, self._data_outgoing, self._data_items)
        texts = result.component.default_messages(result, self.shapes.describe, self._data_describer)
        return [Literal(t) for t in texts]

    def _data_items(self, node: Node) -> list[Node]:
        items: list[Node] = []
        term: Term = ox_term(node)
        while term != _NIL and (first := self.index.objects(term, _FIRST)):
            items.append(rdflib_term(first[0]))
            rest = self.index.objects(term, _REST)
            if not rest or isinstance(rest[0], ox.Literal):
                break
            term = rest[0]
        return items
