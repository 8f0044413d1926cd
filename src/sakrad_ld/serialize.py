"""Graphs to bytes: deterministic Turtle, N-Triples and RDF/XML through pyoxigraph.

rdflib's Turtle writer grows faster than linearly with the graph (275 s for 310,400 triples
against pyoxigraph's 0.33 s, measured on 2 cores), so every writer here goes through pyoxigraph.
Triples are sorted first (subject, then ``rdf:type`` before other predicates, then object), so
the same graph always gives the same bytes and Turtle groups each subject's statements.
JSON-LD has its own module, :mod:`sakrad_ld.jsonld`.
"""

from __future__ import annotations

import pyoxigraph as ox

from .triples import RDF_TYPE, Index
from .vocab import PREFIXES

__all__ = ["sorted_prefixes", "release_order", "serialize_ox", "sort_key", "used_prefixes"]

_OX_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "rdfxml": ox.RdfFormat.RDF_XML,
}


def sort_key(triple: ox.Triple) -> tuple[str, bool, str, str]:
    """The release's order: by subject, ``rdf:type`` first, then predicate and object (in their
    N-Triples form), so Turtle groups each subject's statements and the same graph always gives
    the same bytes. Keys are pyoxigraph's own strings: sorting 280,000 triples takes 0.8 s where
    rdflib's ``n3()`` took 2.6 s."""
    return (str(triple.subject), triple.predicate != RDF_TYPE, triple.predicate.value, str(triple.object))


def release_order(data: Index) -> list[ox.Triple]:
    """The triples of ``data`` in release order (:func:`sort_key`), as pyoxigraph triples: the
    subjects are sorted once, then each subject's predicates and each predicate's objects, which
    costs far less than sorting every triple by a key of three strings."""
    ordered: list[ox.Triple] = []
    for s in sorted(data.subjects(), key=str):
        properties = data.properties(s)
        for p in sorted(properties, key=_predicate_key):
            for o in sorted(properties[p], key=str):
                ordered.append(ox.Triple(s, p, o))
    return ordered


def _predicate_key(p: ox.NamedNode) -> tuple[bool, str]:
    return p != RDF_TYPE, p.value


def serialize_ox(triples: list[ox.Triple], format: str, ntriples: bytes | None = None) -> bytes:
    """pyoxigraph triples, in the order given, as ``format`` (turtle, ntriples, rdfxml) in the
    release's style: only the prefixes used, sorted. ``ntriples``, the same triples already written
    as N-Triples, spares writing them again to find the prefixes."""
    prefixes = None
    if format in ("turtle", "rdfxml"):
        prefixes = used_prefixes(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) if ntriples is None else ntriples)
    return _write(triples, format, prefixes)


def _write(triples: list[ox.Triple], format: str, prefixes: dict[str, str] | None) -> bytes:
    data = ox.serialize(triples, format=_OX_FORMATS[format], prefixes=prefixes)
    return sorted_prefixes(data, prefixes or {}) if format == "turtle" else data


def sorted_prefixes(data: bytes, prefixes: dict[str, str]) -> bytes:
    """Turtle or TriG from pyoxigraph with its ``@prefix`` lines sorted: pyoxigraph writes them in hash
    order; sorted, they read better and never move between builds."""
    head = sorted(f"@prefix {p}: <{ns}> .".encode() for p, ns in prefixes.items())
    body = [line for line in data.split(b"\n") if not line.startswith(b"@prefix ")]
    return b"\n".join(head + ([b""] if head else []) + body)


def used_prefixes(ntriples: bytes | None) -> dict[str, str]:
    """Only the prefixes whose namespace an IRI of the triples (a datatype included) starts
    with, so a small document does not open with twenty lines. Found in the triples' N-Triples,
    where every IRI is written whole between ``<`` and ``>``."""
    written = ntriples or b""
    return {p: ns for p, ns in sorted(PREFIXES.items()) if b"<" + ns.encode() in written}
