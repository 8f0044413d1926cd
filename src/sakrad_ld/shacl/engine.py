"""Validation (https://www.w3.org/TR/shacl/#validation): every shape with targets against its focus
nodes, set by set.

A shape's focus nodes are collected once (https://www.w3.org/TR/shacl/#targets); its value nodes
are looked up once per focus node in the :class:`~sakrad_ld.triples.Index`; each constraint
component then runs over all of them. Shapes nested by sh:property, sh:or, sh:xone and
sh:qualifiedValueShape are validated once for all the value nodes that reach them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pyoxigraph as ox

from ..triples import RDF_TYPE, Index, Term, Triple
from ..vocab import RDFS, SH
from .components import Result
from .literals import Ordering
from .report import Finding, findings_of, sort_findings
from .shapes import Shape, Shapes, ShapesGraph
from .sparql import Read, Subjects, predicates_read, subjects_read

__all__ = ["check", "check_graph"]

_SUBCLASS = RDFS.subClassOf
#: Severities that do not make a shape fail: pySHACL runs with ``allow_warnings=True``.
_ALLOWED = {SH.Warning, SH.Info}
#: How many triples are added to a store for SPARQL targets at a time.
_BATCH = 10_000


def check_graph(
    data: Index | Iterable[Triple], shapes: Shapes | ShapesGraph | Iterable[Triple]
) -> tuple[list[Finding], bool]:
    """Validates the triples ``data`` against ``shapes`` (compiled, or the shapes graph's triples):
    the findings, sorted by focus node, path, component and value, and whether the data conforms
    (see :func:`check`). Raises :class:`~.errors.UnsupportedShapes` for a shape that uses a
    feature the engine does not implement."""
    index = data if isinstance(data, Index) else Index(data)
    compiled = shapes if isinstance(shapes, Shapes) else Shapes.compile(shapes)
    findings, conforms = check(index, compiled)
    return sort_findings(findings), conforms


def check(
    index: Index, shapes: Shapes, store: ox.Store | None = None, *, prefixes: Mapping[str, str] | None = None
) -> tuple[list[Finding], bool]:
    """Validates the data in ``index`` against ``shapes``: the findings (one per validation
    result, https://www.w3.org/TR/shacl/#validation-report, as pySHACL reports them), and whether
    the data conforms.

    ``store`` holds the same data in its default graph; it is used only for SPARQL-based targets
    (https://www.w3.org/TR/shacl-af/#SPARQLTarget). When none is given, each query runs on a store
    made from ``index`` of the triples of the predicates it reads, when that can be told from it
    (:func:`.sparql.predicates_read`), and of those only the subjects it can join
    (:func:`.sparql.subjects_read`), else of every triple; one such store is held at a time.

    Conformance is pySHACL's with ``allow_warnings=True``: a shape whose severity is sh:Warning or
    sh:Info never fails, and another fails by a result of another severity.

    ``prefixes`` are the data graph's prefix bindings (prefix → namespace), used only to write data
    terms in the default messages of shapes without sh:message, as pySHACL does; by default those
    rdflib binds in a new graph."""
    run = _Run(index, store)
    results: list[Result] = []
    conforms = True
    for shape in shapes.targeted:
        foci = run.focus_nodes(shape)
        if not foci:
            continue
        found = [r for rs in run.validate(shape, foci).values() for r in rs]
        conforms = conforms and _conforms(shape, found)
        results += found
    return findings_of(results, shapes, index, prefixes), conforms


def _store(
    index: Index, read: Mapping[Term, Iterable[Term] | None], subjects: Mapping[Term, Iterable[Term]] | None = None
) -> ox.Store:
    """A store of the triples of ``index`` ``read`` names: by predicate, those with one of the
    objects given, or every one; and of a predicate ``subjects`` names, only those whose subject
    is an object of one of the predicates it gives (:func:`.sparql.subjects_read`). Added a batch
    at a time: ``Store.bulk_extend`` would hold them all twice over while it loads them."""
    store = ox.Store()
    batch: list[ox.Quad] = []
    for p, objects in read.items():
        joined = subjects.get(p) if subjects else None
        if joined is not None:
            held = dict.fromkeys(s for q in joined for s in index.objects_of(q))
            triples = ((s, o) for s in held for o in index.objects(s, p) if objects is None or o in objects)
        elif objects is None:
            triples = ((s, o) for s in index.subjects_with(p) for o in index.objects(s, p))
        else:
            triples = ((s, o) for o in objects for s in index.subjects_of(p, o))
        for s, o in triples:
            batch.append(ox.Quad(s, p, o))  # type: ignore[arg-type]
            if len(batch) >= _BATCH:
                store.extend(batch)
                batch.clear()
    store.extend(batch)
    return store


def _holds(holds: Read, needs: Read) -> bool:
    """Whether a store of the triples ``holds`` names has every triple ``needs`` names."""
    for p, objects in needs.items():
        if p not in holds:
            return False
        held = holds[p]
        if held is not None and (objects is None or not objects <= held):
            return False
    return True


def _holds_subjects(held: Subjects, needs: Subjects, read: Read) -> bool:
    """Whether a store whose triples were taken by the subjects ``held`` names has every triple
    of the predicates ``read`` names with the subjects ``needs`` names."""
    return all(p not in held or (p in needs and held[p] >= needs[p]) for p in read)


def _conforms(shape: Shape, results: Iterable[Result]) -> bool:
    return shape.severity in _ALLOWED or all(r.shape.severity in _ALLOWED for r in results)


class _Run:
    """One validation: the data, and what it has looked up so far."""

    def __init__(self, index: Index, store: ox.Store | None = None) -> None:
        self.index = index
        self._given = store
        #: the store last made for a SPARQL target, the predicates it holds (None: every one) and
        #: those it holds for some subjects only
        self._store: tuple[ox.Store, Read | None, Subjects] | None = None
        self._ordering = Ordering()
        self._superclasses: dict[Term, set[Term]] = {}
        self.at_least = self._ordering.at_least
        self.at_most = self._ordering.at_most

    def objects(self, node: Term, predicate: Term) -> Sequence[Term]:
        return self.index.objects(node, predicate)

    # --- https://www.w3.org/TR/shacl/#targets -------------------------------------------------

    def focus_nodes(self, shape: Shape) -> list[Term]:
        index, targets = self.index, shape.targets
        found: dict[Term, None] = dict.fromkeys(targets.nodes)
        for cls in targets.classes:
            for sub in self._subclasses(cls):
                found.update(dict.fromkeys(index.subjects_of(RDF_TYPE, sub)))
        for p in targets.subjects_of:
            found.update(dict.fromkeys(index.subjects_with(p)))
        for p in targets.objects_of:
            found.update(dict.fromkeys(index.objects_of(p)))
        for query in targets.sparql:
            solutions = self.store_for(query).query(query)
            assert isinstance(solutions, ox.QuerySolutions)
            found.update(dict.fromkeys(t for s in solutions if (t := s["this"]) is not None))
        return list(found)

    def store_for(self, query: str) -> ox.Store:
        """A store holding the triples ``query`` can read (https://www.w3.org/TR/shacl-af/#SPARQLTarget)."""
        if self._given is not None:
            return self._given
        needs = predicates_read(query)
        subjects = subjects_read(query) if needs is not None else {}
        if self._store is not None:
            store, holds, held = self._store
            if holds is None or (needs is not None and _holds(holds, needs) and _holds_subjects(held, subjects, needs)):
                return store
        self._store = None  # let the last one go before the next is made
        read = needs if needs is not None else dict.fromkeys(self.index.predicates())
        self._store = _store(self.index, read, subjects), needs, subjects
        return self._store[0]

    def _subclasses(self, cls: Term) -> list[Term]:
        """``cls`` and its subclasses in the data graph (rdfs:subClassOf*)."""
        seen = {cls: None}
        todo = [cls]
        while todo:
            for sub in self.index.subjects_of(_SUBCLASS, todo.pop()):
                if sub not in seen:
                    seen[sub] = None
                    todo.append(sub)
        return list(seen)

    # --- https://www.w3.org/TR/shacl/#instance -------------------------------------------------

    def is_instance(self, node: Term, cls: Term) -> bool:
        """Whether ``node`` is a SHACL instance of ``cls``: a type of it is ``cls`` or a subclass."""
        for t in self.index.objects(node, RDF_TYPE):
            supers = self._superclasses.get(t)
            if supers is None:
                supers = self._superclasses[t] = self._supers(t)
            if cls in supers:
                return True
        return False

    def _supers(self, t: Term) -> set[Term]:
        seen = {t}
        todo = [t]
        while todo:
            for sup in self.index.objects(todo.pop(), _SUBCLASS):
                if sup not in seen:
                    seen.add(sup)
                    todo.append(sup)
        return seen

    # --- https://www.w3.org/TR/shacl/#validation-definition ----------------------------------

    def validate(self, shape: Shape, foci: Sequence[Term]) -> dict[Term, list[Result]]:
        """The results of validating each of ``foci`` against ``shape``, by focus node."""
        if shape.deactivated:
            return {}  # https://www.w3.org/TR/shacl/#deactivated
        path = shape.path
        values = {f: path.values(self.index, f) for f in foci} if path else {f: (f,) for f in foci}
        out: dict[Term, list[Result]] = {}
        for component in shape.components:
            for origin, result in component.evaluate(self, values):
                out.setdefault(origin, []).append(result)
        return out

    def conforming(self, shape: Shape, nodes: Sequence[Term]) -> set[Term]:
        """Those of ``nodes`` that conform to ``shape`` (https://www.w3.org/TR/shacl/#conformance),
        as pySHACL decides it with ``allow_warnings=True``."""
        results = self.validate(shape, nodes)
        return {n for n in nodes if _conforms(shape, results.get(n, ()))}
