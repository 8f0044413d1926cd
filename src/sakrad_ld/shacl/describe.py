"""Terms written out for default result messages, the way pySHACL writes them.

When a shape has no ``sh:message``, pySHACL writes a message of its own per constraint component
(https://www.w3.org/TR/shacl/#results-message leaves the text to the processor). Those messages
name terms: IRIs by prefixed name where the graph binds a prefix, literals as
``Literal("lexical" = value, lang=…, datatype=…)``, blank nodes by their properties. Shapes-graph
terms use the shapes graph's prefixes; data terms use the prefixes rdflib binds in a new
``Graph`` (an :class:`~sakrad_ld.triples.Index` carries none).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, NamespaceManager
from rdflib.term import Node

__all__ = ["Describer"]

Outgoing = Callable[[Node], Iterable[tuple[Node, Node]]]


class Describer:
    """Writes terms of one graph, given its prefixes and how to read a node's properties."""

    def __init__(self, prefixes: NamespaceManager, outgoing: Outgoing, items: Callable[[Node], list[Node]]) -> None:
        prefixes.bind("sh", SH, override=False, replace=False)
        self._prefixes = prefixes
        self._outgoing = outgoing
        self._items = items

    @classmethod
    def of_graph(cls, graph: Graph) -> Describer:
        return cls(graph.namespace_manager, lambda n: graph.predicate_objects(n), lambda n: list(graph.items(n)))

    def __call__(self, node: Node, depth: int = 0) -> str:
        if isinstance(node, Literal):
            return self._literal(node)
        if isinstance(node, BNode):
            return self._blank(node, depth + 1)
        if isinstance(node, URIRef):
            try:
                return node.n3(namespace_manager=self._prefixes)
            except Exception:  # pySHACL falls back to the bare IRI when rdflib cannot write it
                return str(node)
        return str(node)

    def _literal(self, node: Literal) -> str:
        value = None if node.value is None else str(node.value)
        lexical = str(node)
        if value is not None and (at := value.find(" object at 0x")) > 0:
            value = value[:at]
        text = f'"{lexical}" = {value}' if value is not None and value != lexical else f'"{lexical}"'
        if node.language:
            text += f", lang={node.language}"
        if node.datatype:
            text += f", datatype={self(node.datatype)}"
        return f"Literal({text})"

    def _blank(self, node: BNode, depth: int) -> str:
        if depth >= 12:
            return "<http://recursion.too.deep>"
        by_predicate: dict[Node, list[Node]] = {}
        for p, o in self._outgoing(node):
            by_predicate.setdefault(p, []).append(o)
        if not by_predicate:
            return "[ ]"
        if RDF.first in by_predicate:
            return "( {} )".format(" ".join(self(item, depth) for item in self._items(node)))
        parts: dict[str, str] = {}
        for p, objects in by_predicate.items():
            texts = sorted(self(o, depth) for o in objects)
            parts[p.n3(namespace_manager=self._prefixes)] = ", ".join(texts)
        return "[ {} ]".format(" ; ".join(f"{p} {o}" for p, o in sorted(parts.items())))
