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
from .sparql import predicates_read

__all__ = ["check", "check_graph"]

_SUBCLASS = RDFS.subClassOf
#: Severities that do not make a shape fail: pySHACL runs with ``allow_warnings=True``.
_ALLOWED = {SH.Warning, SH.Info}


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
    (https://www.w3.org/TR/shacl-af/#SPARQLTarget). When they need one and none is given, it is
    made from ``index``: only the triples of the predicates the targets' queries read, when that
    can be told from them (:func:`.sparql.predicates_read`), else every triple. Conformance is pySHACL's with ``allow_warnings=True``: a shape whose severity
    is sh:Warning or sh:Info never fails, and another fails by a result of another severity.

    ``prefixes`` are the data graph's prefix bindings (prefix → namespace), used only to write data
    terms in the default messages of shapes without sh:message, as pySHACL does; by default those
    rdflib binds in a new graph."""
    run = _Run(index)
    results: list[Result] = []
    conforms = True
    for shape in shapes.targeted:
        if shape.targets.sparql and store is None:
            store = _store(index, shapes)
        foci = run.focus_nodes(shape, store)
        if not foci:
            continue
        found = [r for rs in run.validate(shape, foci).values() for r in rs]
        conforms = conforms and _conforms(shape, found)
        results += found
    return findings_of(results, shapes, index, prefixes), conforms


def _store(index: Index, shapes: Shapes) -> ox.Store:
    """A store of the triples of ``index`` the SPARQL targets of ``shapes`` can read."""
    read: set[Term] = set()
    for query in (q for shape in shapes.targeted for q in shape.targets.sparql):
        predicates = predicates_read(query)
        if predicates is None:
            read = set(index.predicates())
            break
        read |= predicates
    store = ox.Store()
    store.bulk_extend(
        ox.Quad(s, p, o)
        for p in read
        for s in index.subjects_with(p)
        for o in index.objects(s, p)
    )
    return store


def _conforms(shape: Shape, results: Iterable[Result]) -> bool:
    return shape.severity in _ALLOWED or all(r.shape.severity in _ALLOWED for r in results)


class _Run:
    """One validation: the data, and what it has looked up so far."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self._ordering = Ordering()
        self._superclasses: dict[Term, set[Term]] = {}
        self.at_least = self._ordering.at_least
        self.at_most = self._ordering.at_most

    def objects(self, node: Term, predicate: Term) -> Sequence[Term]:
        return self.index.objects(node, predicate)

    # --- https://www.w3.org/TR/shacl/#targets -------------------------------------------------

    def focus_nodes(self, shape: Shape, store: ox.Store | None) -> list[Term]:
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
            assert store is not None
            solutions = store.query(query)
            assert isinstance(solutions, ox.QuerySolutions)
            found.update(dict.fromkeys(t for s in solutions if (t := s["this"]) is not None))
        return list(found)

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
