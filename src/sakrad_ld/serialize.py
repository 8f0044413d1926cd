"""Graphs to bytes: deterministic Turtle, N-Triples and RDF/XML through pyoxigraph.

rdflib's Turtle writer grows faster than linearly with the graph (275 s for 310,400 triples
against pyoxigraph's 0.33 s, measured on 2 cores), so every writer here goes through pyoxigraph.
Triples are sorted first (subject, then ``rdf:type`` before other predicates, then object), so
the same graph always gives the same bytes and Turtle groups each subject's statements.
JSON-LD has its own module, :mod:`sakrad_ld.jsonld`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO, Protocol

import pyoxigraph as ox

from .triples import RDF_TYPE, Index, Term
from .vocab import PREFIXES

__all__ = [
    "ReleaseOrder",
    "Namespaces",
    "WrittenNamespaces",
    "SortedPrefixes",
    "SortedTriples",
    "output_file",
    "prefix_names",
    "sorted_prefixes",
    "release_order",
    "serialize_ox",
    "serialize_to",
    "sort_key",
    "namespaces_of",
    "used_prefixes",
]


class Searchable(Protocol):
    """Bytes, or a memory map of a file, searched for a byte string."""

    def find(self, sub: bytes) -> int: ...


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
    """The triples of ``data`` in release order (:func:`sort_key`), as pyoxigraph triples."""
    return list(ReleaseOrder(data))


class ReleaseOrder:
    """The triples of an index in release order (:func:`sort_key`), sorted once and made as
    pyoxigraph triples each time they are iterated, so that they are never all held at once (a
    pyoxigraph triple holds its terms' text again: 2.8 million of them took about 1.5 GB). The
    subjects are sorted once, then each subject's predicates and each predicate's objects, which
    costs far less than sorting every triple by a key of three strings."""

    __slots__ = ("index", "_order", "_count", "_held")

    def __init__(self, data: Index) -> None:
        self.index = data
        self._order: list[tuple[Term, list[tuple[Term, list[Term]]]]] = []
        for s in sorted(data.subjects(), key=str):
            properties = data.properties(s)
            self._order.append(
                (
                    s,
                    [
                        (p, objects if len(objects) < 2 else sorted(objects, key=str))
                        for p in sorted(properties, key=_predicate_key)
                        if (objects := properties[p])
                    ],
                )
            )
        self._count = len(data)
        self._held: list[ox.Triple] | None = None

    def __len__(self) -> int:
        return self._count

    def namespaces(self) -> WrittenNamespaces:
        """The known namespaces the triples' N-Triples hold (:func:`namespaces_of`), worked out
        from the index's terms: what the Turtle and RDF/XML of the triples declare."""
        return namespaces_of(self.index.terms())

    def __iter__(self) -> Iterator[ox.Triple]:
        """The triples, made as they are read; up to :data:`HELD` of them made once and held, so
        that the files of a small graph (N-Triples, then Turtle) do not make each triple again."""
        if self._held is not None:
            return iter(self._held)
        if self._count <= HELD:
            self._held = list(self._made())
            return iter(self._held)
        return self._made()

    def _made(self) -> Iterator[ox.Triple]:
        triple = ox.Triple
        for s, statements in self._order:
            for p, objects in statements:
                for o in objects:
                    yield triple(s, p, o)  # type: ignore[arg-type]


#: Up to how many triples :class:`ReleaseOrder` holds once made (about 50 MB at the most: a
#: pyoxigraph triple holds its terms' text again).
HELD = 100_000


def _predicate_key(p: ox.NamedNode) -> tuple[bool, str]:
    return p != RDF_TYPE, p.value


class SortedTriples(list):  # type: ignore[type-arg]
    """pyoxigraph triples in release order (:func:`sort_key`), with what their writers would
    otherwise work out from them again, when the maker of the list knew it already:

    * ``by_subject`` — each subject's statements by its IRI (predicate → objects, in the same
      order), as :mod:`sakrad_ld.jsonld` reads a graph;
    * ``prefixes`` — what :func:`used_prefixes` finds in the triples' N-Triples.

    Either may be None (worked out from the triples as for any list)."""

    __slots__ = ("by_subject", "prefixes")

    def __init__(
        self,
        triples: Iterable[ox.Triple] = (),
        by_subject: dict[str, dict[Term, list[Term]]] | None = None,
        prefixes: dict[str, str] | None = None,
    ) -> None:
        super().__init__(triples)
        self.by_subject = by_subject
        self.prefixes = prefixes


def serialize_ox(triples: list[ox.Triple], format: str, ntriples: Searchable | None = None) -> bytes:
    """pyoxigraph triples, in the order given, as ``format`` (turtle, ntriples, rdfxml) in the
    release's style: only the prefixes used, sorted. ``ntriples``, the same triples already written
    as N-Triples, spares writing them again to find the prefixes."""
    prefixes = None
    if format in ("turtle", "rdfxml"):
        prefixes = triples.prefixes if isinstance(triples, SortedTriples) and ntriples is None else None
        if prefixes is None:
            prefixes = used_prefixes(
                ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) if ntriples is None else ntriples
            )
    return _write(triples, format, prefixes)


def serialize_to(
    triples: Iterable[ox.Triple], format: str, output: BinaryIO, ntriples: Searchable | None = None
) -> None:
    """What :func:`serialize_ox` gives, written to ``output`` as it is made instead of held whole.
    ``ntriples`` (the same triples as N-Triples, such as a memory map of the file written first) is
    needed for Turtle and RDF/XML, whose prefixes are found in it."""
    prefixes = None
    if format in ("turtle", "rdfxml"):
        if ntriples is None:
            raise ValueError(f"writing {format} to a file needs the same triples' N-Triples for its prefixes")
        prefixes = used_prefixes(ntriples)
    if format == "turtle" and prefixes:
        sorting = SortedPrefixes(output, prefixes)
        ox.serialize(triples, sorting, format=_OX_FORMATS[format], prefixes=prefixes)
        sorting.close()
    else:
        ox.serialize(triples, output, format=_OX_FORMATS[format], prefixes=prefixes)


class SortedPrefixes:
    """A binary output for pyoxigraph's Turtle or TriG that writes the ``@prefix`` lines it opens
    with sorted, as :func:`sorted_prefixes` does, and everything after them as it comes; call
    :meth:`close` at the end."""

    def __init__(self, output: BinaryIO, prefixes: dict[str, str]) -> None:
        self._output = output
        self._head = b"\n".join(sorted(f"@prefix {p}: <{ns}> .".encode() for p, ns in prefixes.items())) + b"\n\n"
        self._pending: bytes | None = b""  # None once the prefix lines are passed

    def write(self, data: bytes) -> int:
        if self._pending is None:
            self._output.write(data)
            return len(data)
        buffer, start = self._pending + bytes(data), 0
        while True:
            if len(buffer) - start < len(_PREFIX) and _PREFIX.startswith(buffer[start:]):
                break  # too little to tell whether a prefix line starts here
            if not buffer.startswith(_PREFIX, start):
                self._output.write(self._head)
                self._output.write(buffer[start:])
                self._pending = None
                return len(data)
            end = buffer.find(b"\n", start)
            if end < 0:
                break
            start = end + 1
        self._pending = buffer[start:]
        return len(data)

    def flush(self) -> None:
        self._output.flush()

    def close(self) -> None:
        """Ends the document (one of prefix lines only gets them sorted all the same)."""
        if self._pending is not None:
            self._output.write(self._head + self._pending)
            self._pending = None


_PREFIX = b"@prefix "


def _write(triples: list[ox.Triple], format: str, prefixes: dict[str, str] | None) -> bytes:
    data = ox.serialize(triples, format=_OX_FORMATS[format], prefixes=prefixes)
    return sorted_prefixes(data, prefixes or {}) if format == "turtle" else data


def sorted_prefixes(data: bytes, prefixes: dict[str, str]) -> bytes:
    """Turtle or TriG from pyoxigraph with its ``@prefix`` lines sorted: pyoxigraph writes them in hash
    order; sorted, they read better and never move between builds."""
    head = sorted(f"@prefix {p}: <{ns}> .".encode() for p, ns in prefixes.items())
    start = 0  # pyoxigraph writes the prefix lines first: the rest is taken as it is, unless another follows
    while data.startswith(_PREFIX, start) and (end := data.find(b"\n", start)) >= 0:
        start = end + 1
    if not data.startswith(_PREFIX, start) and data.find(b"\n" + _PREFIX, start) < 0:
        return b"\n".join(head) + b"\n\n" + data[start:] if head else data[start:]
    body = [line for line in data.split(b"\n") if not line.startswith(_PREFIX)]
    return b"\n".join(head + ([b""] if head else []) + body)


@contextmanager
def output_file(path: Path) -> Iterator[BinaryIO]:
    """The file at ``path`` to write a document into as it is made: created empty first, as every
    file of a release is (``Path.write_bytes``), then filled; an error while it is filled (the disk
    full) names the file, as one from ``write_bytes`` does."""
    path.write_bytes(b"")
    try:
        with path.open("wb") as file:
            yield file
    except OSError as error:
        if error.filename is None:
            raise OSError(error.errno, error.strerror, str(path)) from error
        raise


class Namespaces:
    """A binary output that passes what is written on to ``output`` and notes which of the known
    namespaces (:data:`sakrad_ld.vocab.PREFIXES`) an IRI of it starts with, as ``<`` and the
    namespace: searched as :func:`used_prefixes` searches N-Triples or N-Quads, without holding
    them (each namespace is looked for only until it is found)."""

    def __init__(self, output: BinaryIO | None = None) -> None:
        self._output = output
        self._missing = {b"<" + ns.encode() for ns in PREFIXES.values()}
        self._found: set[bytes] = set()
        self._longest = max((len(m) for m in self._missing), default=1)
        self._tail = b""

    def write(self, data: bytes) -> int:
        if self._output is not None:
            self._output.write(data)
        if self._missing:
            text = self._tail + bytes(data)
            seen = {m for m in self._missing if m in text}
            self._found |= seen
            self._missing -= seen
            self._tail = text[-(self._longest - 1) :] if self._longest > 1 else b""
        return len(data)

    def flush(self) -> None:
        if self._output is not None:
            self._output.flush()

    def find(self, sub: bytes) -> int:
        """0 if ``sub`` (``<`` and a known namespace) was written, else -1 (:class:`Searchable`)."""
        if sub in self._found:
            return 0
        if sub in self._missing:
            return -1
        raise ValueError(f"not a namespace this output looks for: {sub!r}")


class WrittenNamespaces:
    """Which of the known namespaces (:data:`sakrad_ld.vocab.PREFIXES`) the N-Triples or N-Quads of
    some terms hold as ``<`` and the namespace, worked out from the terms themselves, each once,
    without writing them (:func:`namespaces_of`): searched as :func:`used_prefixes` searches the
    written bytes (:class:`Searchable`)."""

    __slots__ = ("_found",)

    def __init__(self, found: set[str]) -> None:
        self._found = {b"<" + ns.encode() for ns in found}

    def find(self, sub: bytes) -> int:
        """0 if ``sub`` (``<`` and a known namespace) is written, else -1 (:class:`Searchable`)."""
        if sub in self._found:
            return 0
        if sub in _MARKED:
            return -1
        raise ValueError(f"not a namespace this output looks for: {sub!r}")


def namespaces_of(groups: Iterable[Iterable[Term]]) -> WrittenNamespaces:
    """The known namespaces the N-Triples (or N-Quads) of the terms in ``groups`` hold, as
    :class:`Namespaces` notes them in the written bytes: an IRI is written whole between ``<`` and
    ``>`` (so holds ``<`` and a namespace when it starts with it), a blank node never holds ``<``,
    and a literal is searched in its N-Triples form (its text, escaped, and its datatype), which
    is how every writer of those formats writes it. A term given more than once costs a look-up
    each time, so give each term about once (an :class:`~sakrad_ld.triples.Index`'s
    :meth:`~sakrad_ld.triples.Index.terms`): the N-Triples of 2,000 rich meetings (576,568 triples)
    searched as they were written took about 0.45 s of CPU, their terms 0.06 s."""
    pending = tuple(sorted(set(PREFIXES.values())))  # the namespaces not found yet
    marked = tuple("<" + ns for ns in pending)  # each as the written bytes hold it
    found: set[str] = set()
    named, literal = ox.NamedNode, ox.Literal

    def search(text: str, iri: bool) -> None:
        nonlocal pending, marked
        hits = {ns for ns in pending if (text.startswith(ns) if iri else "<" + ns in text)}
        found.update(hits)
        pending = tuple(ns for ns in pending if ns not in hits)
        marked = tuple("<" + ns for ns in pending)

    # A literal is tested with one substring search for each namespace not found yet (a few dozen
    # at most): a regular expression of them, compiled again whenever one was found, cost about
    # 25 ms of a build of 28 meetings in compiling alone.
    for terms in groups:
        for term in terms:
            kind = type(term)
            if kind is named:
                if (value := term.value).startswith(pending):
                    search(value, True)
            elif kind is literal and "<" in (text := str(term)) and any(m in text for m in marked):
                search(text, False)
            if not pending:
                return WrittenNamespaces(found)
    return WrittenNamespaces(found)


_MARKED = frozenset(b"<" + ns.encode() for ns in PREFIXES.values())


def used_prefixes(ntriples: Searchable | None) -> dict[str, str]:
    """Only the prefixes whose namespace an IRI of the triples (a datatype included) starts
    with, so a small document does not open with twenty lines. Found in the triples' N-Triples
    (bytes, or a memory map of the file), where every IRI is written whole between ``<`` and ``>``."""
    written = ntriples if ntriples is not None else b""
    return {p: ns for p, ns in sorted(PREFIXES.items()) if written.find(b"<" + ns.encode()) >= 0}


_NAMESPACES = tuple(PREFIXES.values())
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def prefix_names(triples: Iterable[tuple[Term, Term, Term]]) -> set[str]:
    """The names of the prefixes :func:`used_prefixes` finds in the N-Triples of ``triples``, worked
    out from the terms without writing them: every IRI written (a subject, predicate or object, a
    literal's datatype but ``xsd:string``'s and a language-tagged one's) that starts with the
    namespace, or a literal's text that holds ``<`` and the namespace."""
    iris: set[str] = set()
    found: set[str] = set()
    for s, p, o in triples:
        if type(s) is ox.NamedNode:
            iris.add(s.value)
        iris.add(p.value)
        if type(o) is ox.NamedNode:
            iris.add(o.value)
        elif type(o) is ox.Literal:
            if not o.language and (datatype := o.datatype.value) != _XSD_STRING:
                iris.add(datatype)
            if "<" in (text := o.value):
                found.update(name for name, ns in PREFIXES.items() if "<" + ns in text)
    for iri in iris:
        if iri.startswith(_NAMESPACES):
            found.update(_prefix_names_of(iri))
    return found


@lru_cache(maxsize=4096)
def _prefix_names_of(iri: str) -> tuple[str, ...]:
    return tuple(name for name, ns in PREFIXES.items() if iri.startswith(ns))
