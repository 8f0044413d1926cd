"""Terms written out for default result messages, the way pySHACL writes them.

When a shape has no ``sh:message``, pySHACL writes a message of its own per constraint component
(https://www.w3.org/TR/shacl/#results-message leaves the text to the processor). Those messages
name terms: IRIs by prefixed name where the graph binds a prefix (:class:`~.names.Names`),
literals as ``Literal("lexical" = value, lang=…, datatype=…)``, blank nodes by their properties.
Shapes-graph terms use the shapes graph's prefixes; data terms use the data graph's, by default
those rdflib binds in a new graph (an :class:`~sakrad_ld.triples.Index` carries none).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import pyoxigraph as ox

from ..triples import Index, Term
from ..vocab import RDF, SH
from .literals import XSD_STRING, literal_value
from .names import Names

__all__ = ["Describer", "list_items"]

Outgoing = Callable[[Term], Iterable[tuple[Term, Term]]]


def list_items(index: Index, node: Term) -> list[Term]:
    """The members of the RDF list ``node`` (rdflib's ``Graph.items``: up to a missing rdf:first)."""
    items: list[Term] = []
    seen: set[Term] = set()
    while node != RDF.nil and node not in seen and (first := index.objects(node, RDF.first)):
        seen.add(node)
        items.append(first[0])
        rest = index.objects(node, RDF.rest)
        if not rest or isinstance(rest[0], ox.Literal):
            break
        node = rest[0]
    return items


class Describer:
    """Writes terms of one graph, given its prefixes and the graph."""

    def __init__(self, names: Names, index: Index) -> None:
        names.bind("sh", str(SH), override=False)
        self._names = names
        self._index = index

    def __call__(self, node: Term, depth: int = 0) -> str:
        if isinstance(node, ox.Literal):
            return self._literal(node)
        if isinstance(node, ox.BlankNode):
            return self._blank(node, depth + 1)
        return self._names(node.value)

    def _literal(self, node: ox.Literal) -> str:
        value = literal_value(node)
        text = None if value is None else str(value)
        lexical = node.value
        if text is not None and (at := text.find(" object at 0x")) > 0:
            text = text[:at]
        out = f'"{lexical}" = {text}' if text is not None and text != lexical else f'"{lexical}"'
        if node.language:
            out += f", lang={node.language}"
        elif node.datatype.value != XSD_STRING:
            out += f", datatype={self(node.datatype)}"
        return f"Literal({out})"

    def _blank(self, node: ox.BlankNode, depth: int) -> str:
        if depth >= 12:
            return "<http://recursion.too.deep>"
        by_predicate: dict[Term, Sequence[Term]] = self._index.properties(node)
        if not by_predicate:
            return "[ ]"
        if RDF.first in by_predicate:
            return "( {} )".format(" ".join(self(item, depth) for item in list_items(self._index, node)))
        parts: dict[str, str] = {}
        for p, objects in by_predicate.items():
            texts = sorted(self(o, depth) for o in objects)
            parts[self._names(p.value)] = ", ".join(texts)
        return "[ {} ]".format(" ; ".join(f"{p} {o}" for p, o in sorted(parts.items())))
