"""The graph in memory: plain triples of pyoxigraph terms, and the look-ups a build needs.

A build makes hundreds of thousands of triples. As rdflib terms in an rdflib ``Graph`` each costs
about 30 µs and 2.7 kB (docs/performance.md); as a tuple of pyoxigraph terms it costs well under a
microsecond to make and about a tenth of the memory. pyoxigraph terms are the package's one term
model; :mod:`sakrad_ld.rdflib_edge` converts them where a library needs rdflib's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

import pyoxigraph as ox

from .errors import InputError, ProjectError
from .inputfiles import read_input
from .vocab import RDF

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "RDF_TYPE",
    "Graph",
    "Index",
    "IndexStore",
    "Term",
    "Triple",
]

Term = ox.NamedNode | ox.BlankNode | ox.Literal
Triple = tuple[Term, Term, Term]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

#: ``rdf:type``, the predicate every reader of the graph looks for.
RDF_TYPE = RDF.type
_EMPTY: tuple[Term, ...] = ()
_NONE: dict = {}
_SHORT = 16  # objects of one subject and predicate searched as a list; more get a set


class Index:
    """Triples looked up by subject, by subject and predicate, and by predicate and object.

    Built in one pass; every look-up is a dictionary look-up. Each triple is held once, however
    often it was given: a short list of objects is searched, a long one (an organisation's
    participations in thousands of meetings) gets a set beside it, so adding stays linear.

    Held for millions of triples, so held small (docs/performance.md): a subject's one object of a
    predicate (nine in ten) is a tuple of one, not a list, and an object's one subject of a
    predicate is held bare; every look-up gives a sequence all the same."""

    __slots__ = ("_out", "_in", "_count")

    def __init__(self, triples: Iterable[Triple]) -> None:
        #: subject → predicate → its objects (a tuple of one, or a list)
        out: dict[Term, dict[Term, Sequence[Term]]] = {}
        #: predicate → object → its subject, or a list of them when it has more than one
        into: dict[Term, dict[Term, Term | list[Term]]] = {}
        long: dict[tuple[Term, Term], set[Term]] = {}
        count = 0
        for s, p, o in triples:
            by_p = out.get(s)
            if by_p is None:
                by_p = out[s] = {}
            objects = by_p.get(p)
            if objects is None:
                by_p[p] = (o,)  # most have one object: a tuple of one costs half a list of one
            else:
                if len(objects) < _SHORT:
                    if o in objects:
                        continue
                else:
                    seen = long.get((s, p))
                    if seen is None:
                        seen = long[(s, p)] = set(objects)
                    if o in seen:
                        continue
                    seen.add(o)
                if type(objects) is tuple:
                    by_p[p] = [*objects, o]
                else:
                    objects.append(o)
            count += 1
            by_o = into.get(p)
            if by_o is None:
                by_o = into[p] = {}
            subjects = by_o.get(o)
            if subjects is None:
                by_o[o] = s  # most objects have one subject: held bare, not in a list of one
            elif type(subjects) is list:
                subjects.append(s)
            else:
                by_o[o] = [subjects, s]
        self._out = out
        self._in = into
        self._count = count

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Triple]:
        for s, by_p in self._out.items():
            for p, objects in by_p.items():
                for o in objects:
                    yield s, p, o

    def __contains__(self, triple: Triple) -> bool:
        s, p, o = triple
        return o in self._out.get(s, {}).get(p, _EMPTY)

    def predicates(self) -> Iterable[Term]:
        """Every predicate, each once."""
        return self._in.keys()

    def subjects(self) -> Iterable[Term]:
        """Every subject, each once."""
        return self._out.keys()

    def properties(self, s: Term) -> dict[Term, Sequence[Term]]:
        """What ``s`` says: predicate → objects (do not change the result)."""
        return self._out.get(s, {})

    def objects(self, s: Term, p: Term) -> Sequence[Term]:
        return self._out.get(s, {}).get(p, _EMPTY)

    def subjects_of(self, p: Term, o: Term) -> Sequence[Term]:
        """The subjects of ``(?, p, o)``."""
        subjects = self._in.get(p, _NONE).get(o)
        if subjects is None:
            return _EMPTY
        return subjects if type(subjects) is list else (subjects,)

    def terms(self) -> Iterator[Iterable[Term]]:
        """Every term of the triples, in groups (the subjects, the predicates, each predicate's
        objects): each at least once, an object once for each predicate it is an object of."""
        yield self._out.keys()
        yield self._in.keys()
        yield from self._in.values()

    def objects_of(self, p: Term) -> Iterable[Term]:
        """Every object of ``p``, each once."""
        return self._in.get(p, {}).keys()

    def subjects_with(self, p: Term) -> Iterable[Term]:
        """Every subject of ``p``, each once."""
        seen: dict[Term, None] = {}
        for subjects in self._in.get(p, _NONE).values():
            if type(subjects) is list:
                for s in subjects:
                    seen[s] = None
            else:
                seen[subjects] = None
        return seen.keys()


#: What a file of ontology/ is expected to be.
_ONTOLOGY_FILE = "a Turtle file of the ontology (https://www.w3.org/TR/turtle/)"


class Graph:
    """A small graph that is added to: the catalogue, the ontology's schemes, shapes, reports.

    Its triples, each once, in the order they were first added; look-ups by pattern scan every
    triple, which is what a graph of a few thousand triples needs (the build's whole graph is an
    :class:`Index`). ``Graph.parse`` reads any syntax pyoxigraph reads."""

    __slots__ = ("_triples",)

    def __init__(self, triples: Iterable[Triple] = ()) -> None:
        self._triples: dict[Triple, None] = dict.fromkeys(triples)

    @classmethod
    def parse(cls, data: bytes | str, format: ox.RdfFormat, base_iri: str | None = None) -> Graph:
        """The triples of ``data`` (the default graph of a quads format)."""
        return cls(
            (q.subject, q.predicate, q.object)  # type: ignore[misc]
            for q in ox.parse(data, format, base_iri=base_iri)
        )

    @classmethod
    def parse_ontology_file(cls, path: Path) -> Graph:
        """The triples of a Turtle file of ``ontology/``, read as every file of the project is
        (:func:`~sakrad_ld.inputfiles.read_input`: a regular file of ``ontology/``, not a FIFO, a
        device or a link out); a ProjectError naming the file (and the line) when it cannot be read,
        is not Turtle or holds no triples."""
        try:
            data = read_input(path, root=path.parent, expected=_ONTOLOGY_FILE)
        except InputError as error:
            hint = f" ({error.hint})" if error.hint else ""
            raise ProjectError(
                f"{error.where}: the ontology file cannot be read ({error.problem}); expected {error.expected}{hint}"
            ) from None
        try:
            graph = cls.parse(data, ox.RdfFormat.TURTLE)
        except SyntaxError as error:
            at = f"{path}:{error.lineno}" if error.lineno else str(path)
            raise ProjectError(
                f"{at}: not valid Turtle ({error.msg}); expected {_ONTOLOGY_FILE}; fix the ontology file"
            ) from None
        except (OSError, ValueError) as error:
            raise ProjectError(
                f"{path}: not valid Turtle ({error}); expected {_ONTOLOGY_FILE}; fix the ontology file"
            ) from None
        if not graph:
            raise ProjectError(f"{path}: the file holds no triples; expected {_ONTOLOGY_FILE}")
        return graph

    def add(self, triple: Triple) -> None:
        self._triples[triple] = None

    def update(self, triples: Iterable[Triple]) -> None:
        for triple in triples:
            self._triples[triple] = None

    def remove(self, triple: Triple) -> None:
        self._triples.pop(triple, None)

    def __len__(self) -> int:
        return len(self._triples)

    def __iter__(self) -> Iterator[Triple]:
        return iter(self._triples)

    def __contains__(self, triple: object) -> bool:
        return triple in self._triples

    def triples(self, s: Term | None = None, p: Term | None = None, o: Term | None = None) -> Iterator[Triple]:
        """The triples matching a pattern (None matches any term)."""
        for triple in self._triples:
            if (s is None or triple[0] == s) and (p is None or triple[1] == p) and (o is None or triple[2] == o):
                yield triple

    def objects(self, s: Term | None = None, p: Term | None = None) -> Iterator[Term]:
        return (t[2] for t in self.triples(s, p, None))

    def subjects(self, p: Term | None = None, o: Term | None = None) -> Iterator[Term]:
        return (t[0] for t in self.triples(None, p, o))

    def value(self, s: Term, p: Term) -> Term | None:
        """One object of ``(s, p, ?)``, or None."""
        return next(self.objects(s, p), None)


class IndexStore:
    """Indexes in memory read as a pyoxigraph store is read by the document model and the pictures:
    :meth:`quads_for_pattern` (every pattern of subject, predicate and object, each given or None),
    triples in the default graph, each once across the indexes (give them without overlap).

    The build draws each meeting's document and picture from it, from the triples it already holds,
    instead of a store loaded back from the release's files (docs/performance.md)."""

    __slots__ = ("_indexes",)

    def __init__(self, *indexes: Index) -> None:
        self._indexes = indexes

    def quads_for_pattern(
        self, subject: Term | None, predicate: Term | None, object: Term | None, graph_name: object = None
    ) -> Iterator[ox.Quad]:
        for index in self._indexes:
            for s, p, o in _matching(index, subject, predicate, object):
                yield ox.Quad(s, p, o)

    def triples_for_pattern(self, subject: Term | None, predicate: Term | None, object: Term | None) -> list[Triple]:
        """What :meth:`quads_for_pattern` gives, as plain triples (no quad made for each), in a
        list: the documents and pictures of 2,000 meetings ask 1.5 million times, nearly all
        for what one subject says, and a generator's steps cost more than the look-ups."""
        found: list[Triple] = []
        if subject is not None and object is None:
            for index in self._indexes:
                by_p = index._out.get(subject)
                if by_p is None:
                    continue
                if predicate is None:
                    for p, objects in by_p.items():
                        found += [(subject, p, o) for o in objects]
                elif (objects := by_p.get(predicate)) is not None:
                    found += [(subject, predicate, o) for o in objects]
            return found
        for index in self._indexes:
            found.extend(_matching(index, subject, predicate, object))
        return found


def _matching(index: Index, s: Term | None, p: Term | None, o: Term | None) -> Iterator[Triple]:
    if s is not None:
        by_p = index.properties(s)
        for pred, objects in by_p.items() if p is None else ((p, by_p.get(p, _EMPTY)),):
            for obj in objects:
                if o is None or obj == o:
                    yield s, pred, obj
    elif p is not None:
        if o is not None:
            for subj in index.subjects_of(p, o):
                yield subj, p, o
            return
        for obj, subjects in index._in.get(p, _NONE).items():
            if type(subjects) is list:
                for subj in subjects:
                    yield subj, p, obj
            else:
                yield subjects, p, obj
    elif o is not None:
        for pred in index._in:
            for subj in index.subjects_of(pred, o):
                yield subj, pred, o
    else:
        yield from index
