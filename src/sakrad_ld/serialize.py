"""Graphs to bytes: deterministic Turtle, N-Triples and RDF/XML through pyoxigraph.

rdflib's Turtle writer grows faster than linearly with the graph (275 s for 310,400 triples
against pyoxigraph's 0.33 s, measured on 2 cores), so every writer here goes through pyoxigraph.
Triples are sorted first (subject, then ``rdf:type`` before other predicates, then object), so
the same graph always gives the same bytes and Turtle groups each subject's statements.
JSON-LD has its own module, :mod:`sakrad_ld.jsonld`.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from .vocab import PREFIXES, RDF

__all__ = ["ox_term", "ox_triples", "serialize", "serialize_ox", "sort_key", "rdflib_term"]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

_OX_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "rdfxml": ox.RdfFormat.RDF_XML,
}


def ox_term(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)) if term.datatype else None)
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def rdflib_term(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == _XSD_STRING:
        return Literal(term.value)  # RDF 1.1: a simple literal is an xsd:string
    return Literal(term.value, datatype=URIRef(term.datatype.value))


_OX_RDF_TYPE = ox.NamedNode(str(RDF.type))


def sort_key(triple: ox.Triple) -> tuple[str, bool, str, str]:
    """The release's order: by subject, ``rdf:type`` first, then predicate and object (in their
    N-Triples form), so Turtle groups each subject's statements and the same graph always gives
    the same bytes. Keys are pyoxigraph's own strings: sorting 280,000 triples takes 0.8 s where
    rdflib's ``n3()`` took 2.6 s."""
    return (str(triple.subject), triple.predicate != _OX_RDF_TYPE, triple.predicate.value, str(triple.object))


def ox_triples(triples: Iterable[tuple[Node, Node, Node]]) -> list[ox.Triple]:
    """The triples in release order, as pyoxigraph triples."""
    converted = [ox.Triple(ox_term(s), ox_term(p), ox_term(o)) for s, p, o in triples]
    converted.sort(key=sort_key)
    return converted


def serialize(graph: Graph | Iterable[tuple[Node, Node, Node]], format: str) -> bytes:
    """``graph`` as ``format`` (turtle, ntriples, rdfxml); identical graphs give identical bytes."""
    graph = graph if isinstance(graph, Graph) else list(graph)
    prefixes = _used_prefixes(graph) if format in ("turtle", "rdfxml") else None
    return _write(ox_triples(graph), format, prefixes)


def serialize_ox(triples: list[ox.Triple], format: str) -> bytes:
    """pyoxigraph triples, in the order given, as :func:`serialize` writes a graph: no rdflib on
    the way, for documents written many times (the pages' RDF, the static export)."""
    prefixes = _used_prefixes(triples) if format in ("turtle", "rdfxml") else None
    return _write(triples, format, prefixes)


def _write(triples: list[ox.Triple], format: str, prefixes: dict[str, str] | None) -> bytes:
    data = ox.serialize(triples, format=_OX_FORMATS[format], prefixes=prefixes)
    if format == "turtle":
        # pyoxigraph writes the prefixes in hash order; sorted, they read better and never move
        lines = data.split(b"\n")
        prefix_lines = sorted(f"@prefix {p}: <{ns}> .".encode() for p, ns in (prefixes or {}).items())
        body = [line for line in lines if not line.startswith(b"@prefix ")]
        data = b"\n".join(prefix_lines + ([b""] if prefix_lines else []) + body)
    return data


def _used_prefixes(graph: Graph | Iterable[tuple[Node, Node, Node]] | Iterable[ox.Triple]) -> dict[str, str]:
    """Only the prefixes the graph uses, so a small document does not open with twenty lines."""
    by_namespace = {ns: prefix for prefix, ns in PREFIXES.items()}
    seen: set[str] = set()
    used: set[str] = set()
    for triple in graph:
        for term in triple:
            if isinstance(term, Literal):
                if not term.datatype:
                    continue
                term = term.datatype
            elif isinstance(term, ox.Literal):
                term = term.datatype
            text = term.value if isinstance(term, ox.NamedNode | ox.BlankNode) else str(term)
            cut = max(text.rfind("#"), text.rfind("/")) + 1
            ns = text[:cut]
            if ns not in seen:
                seen.add(ns)
                if ns in by_namespace:
                    used.add(by_namespace[ns])
    return {p: PREFIXES[p] for p in sorted(used)}
