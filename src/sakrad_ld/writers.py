"""Triples to bytes, one function per format of :data:`sakrad_ld.formats.FORMATS` (its ``writer``).

Every writer takes pyoxigraph triples and gives the same bytes for the same triples: Turtle,
N-Triples and RDF/XML through pyoxigraph in the release's order and style
(:mod:`sakrad_ld.serialize`), JSON-LD compacted against the release's context, which it carries
inline (:mod:`sakrad_ld.jsonld`). :func:`write` is what the release, the server and the static export call.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO

import pyoxigraph as ox

from .formats import Format
from .jsonld import framed_jsonld, to_jsonld
from .serialize import Searchable, serialize_ox, serialize_to

__all__ = ["jsonld", "ntriples", "rdfxml", "turtle", "write", "write_to"]


def write(
    format: Format,
    triples: Iterable[ox.Triple],
    *,
    root: str | None = None,
    ntriples: bytes | None = None,
) -> bytes:
    """``triples`` in ``format`` by the format's writer. ``root`` is the resource a document is
    about (JSON-LD frames the document around it); ``ntriples``, the same triples already written
    as N-Triples (spares writing them again to find the prefixes Turtle and RDF/XML declare)."""
    return _writer(format)(triples, root=root, ntriples=ntriples)  # type: ignore[no-any-return]


def write_to(
    format: Format,
    triples: Iterable[ox.Triple],
    output: BinaryIO,
    *,
    ntriples: Searchable | None = None,
) -> None:
    """What :func:`write` gives for a whole graph, written to ``output`` as it is made, never held
    whole. ``ntriples`` is needed for Turtle and RDF/XML (a memory map of the N-Triples file will
    do). The JSON-LD writer reads the triples by subject: give it the index they are in (or a
    :class:`~sakrad_ld.serialize.ReleaseOrder`) to spare it collecting them."""
    _writer(format)(triples, ntriples=ntriples, output=output)


def _writer(format: Format):  # type: ignore[no-untyped-def]
    writer = globals().get(format.writer) if format.writer in __all__ else None
    if writer is None or writer in (write, write_to):
        raise ValueError(f"the format {format.name!r} names no writer of sakrad_ld.writers ({format.writer!r})")
    return writer


def turtle(
    triples: Iterable[ox.Triple], *, ntriples: Searchable | None = None, output: BinaryIO | None = None, **_: object
) -> bytes:
    return _serialized(triples, "turtle", ntriples, output)


def ntriples(triples: Iterable[ox.Triple], *, output: BinaryIO | None = None, **_: object) -> bytes:
    return _serialized(triples, "ntriples", None, output)


def rdfxml(
    triples: Iterable[ox.Triple], *, ntriples: Searchable | None = None, output: BinaryIO | None = None, **_: object
) -> bytes:
    return _serialized(triples, "rdfxml", ntriples, output)


def _serialized(
    triples: Iterable[ox.Triple], format: str, ntriples: Searchable | None, output: BinaryIO | None
) -> bytes:
    """``triples`` as ``format``: written to ``output`` as they are made (giving no bytes), or given whole."""
    if output is not None:
        serialize_to(triples, format, output, ntriples)
        return b""
    return serialize_ox(triples if isinstance(triples, list) else list(triples), format, ntriples)


def jsonld(
    triples: Iterable[ox.Triple], *, root: str | None = None, output: BinaryIO | None = None, **_: object
) -> bytes:
    """Its context inline: the whole graph (``output``) the published one, any other document what it uses."""
    if root is not None:
        return framed_jsonld(triples, root)  # type: ignore[arg-type]
    return to_jsonld(triples, output)  # type: ignore[arg-type]  # a pyoxigraph triple unpacks as (s, p, o)
