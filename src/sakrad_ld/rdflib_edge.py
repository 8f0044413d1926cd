"""The edge where rdflib meets the package: pyoxigraph terms and triples to rdflib's and back.

Inside, the package holds pyoxigraph terms only (:mod:`sakrad_ld.triples`). rdflib is used where a
library needs its graphs: pySHACL, the reference engine the package's own SHACL engine is held to,
and the tests. Those callers convert here, and nowhere else.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from .triples import Term, Triple

__all__ = ["from_rdflib", "ox_term", "rdflib_term", "to_rdflib"]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def ox_term(term: Node) -> Term:
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)) if term.datatype else None)
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def rdflib_term(term: Term) -> Node:
    """A pyoxigraph term as an rdflib term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == _XSD_STRING:
        return Literal(term.value)  # RDF 1.1: a simple literal is an xsd:string
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def from_rdflib(graph: Iterable[tuple[Node, Node, Node]]) -> list[Triple]:
    """An rdflib graph's triples as pyoxigraph terms."""
    return [(ox_term(s), ox_term(p), ox_term(o)) for s, p, o in graph]


def to_rdflib(triples: Iterable[Triple]) -> Graph:
    """Triples of pyoxigraph terms as an rdflib graph."""
    graph = Graph()
    for s, p, o in triples:
        graph.add((rdflib_term(s), rdflib_term(p), rdflib_term(o)))
    return graph
