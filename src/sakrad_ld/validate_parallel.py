"""SHACL validation split by shape over several processes (https://www.w3.org/TR/shacl/#validation).

A validation report is the union of the results of validating the data graph against each shape
that has targets (SHACL §3.4 "Validation": "the union of results produced by the validation of
all shapes … against the data graph"). So the shapes with targets are dealt out into groups, each
group is validated by pySHACL (``use_shapes``) in a forked process that shares the data and
shapes graphs with the parent, and the results are joined into one ``sh:ValidationReport``. The
engine, the shapes and the data are the same as in one run; only the work is divided.
tests/test_validate_parallel.py checks the reports are identical (same findings, isomorphic
result graphs) to one whole-graph pySHACL run, on the seed data and on a synthetic corpus with
errors put in.

Falls back to one run (returns ``None``) where splitting could change the report: a shape with
targets that is a blank node (``use_shapes`` takes IRIs), SHACL rules (``sh:rule``, which may add
triples other shapes see), fewer than two shapes, or no ``fork`` on this platform.

Measured (docs/performance.md): on 1,000 synthetic meetings and 2 cores, 38.2 s with two workers
against 35.7 s in one run, and 47 s of CPU against 36: pySHACL's set-up is repeated per worker and
the shapes do not split evenly. So builds validate in one run; this stays for more cores and for
shapes that split better, with the test that keeps it honest.
"""

from __future__ import annotations

import multiprocessing
from typing import Any

from pyshacl import validate as shacl_validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDFS, SH
from rdflib.term import Node

from .vocab import RDF

__all__ = ["shape_groups", "validate_in_parallel"]

_TARGETS = (SH.targetClass, SH.targetNode, SH.targetObjectsOf, SH.targetSubjectsOf, SH.target)
_SHARED: tuple[Graph, Graph] | None = None  # the graphs a forked worker validates (set before forking)


def shape_groups(shapes: Graph, data: Graph, workers: int) -> list[list[URIRef]] | None:
    """The shapes with targets dealt into at most ``workers`` groups of similar estimated cost, or
    None when the shapes must be validated in one run (see the module's docstring)."""
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return None
    if next(shapes.triples((None, SH.rule, None)), None) is not None:
        return None
    targeted: set[Node] = {s for p in _TARGETS for s in shapes.subjects(p, None)}
    kinds = (SH.NodeShape, SH.PropertyShape)
    for cls in (RDFS.Class, OWL.Class):  # implicit class targets (SHACL §2.1.3.3)
        targeted |= {s for s in shapes.subjects(RDF.type, cls) if any((s, RDF.type, k) in shapes for k in kinds)}
    if any(not isinstance(s, URIRef) for s in targeted) or len(targeted) < 2:
        return None
    # pySHACL skips every IRI shape not named in use_shapes, also where another shape refers to it
    # (sh:property, sh:node …): a group names its shapes and all they refer to. Targeted shapes that
    # refer to one another stay in one unit, so that no shape runs with its targets in two groups.
    shape_iris = _shape_iris(shapes)
    reach = {s: _reachable(s, shapes) & shape_iris for s in targeted}
    units: list[set[Node]] = []
    for shape in sorted(targeted, key=str):
        joined = [u for u in units if u & (reach[shape] | {shape}) or any(shape in reach[t] for t in u)]
        merged = {shape}.union(*joined)
        units = [u for u in units if u not in joined] + [merged]
    cost = {frozenset(u): sum(_cost(s, shapes, data) for s in u) for u in units}
    if len(units) < 2:
        return None
    groups: list[set[Node]] = [set() for _ in range(min(workers, len(units)))]
    loads = [0] * len(groups)
    for unit in sorted(units, key=lambda u: (-cost[frozenset(u)], sorted(map(str, u)))):  # largest first
        i = loads.index(min(loads))
        groups[i] |= unit.union(*(reach[s] for s in unit))
        loads[i] += cost[frozenset(unit)]
    return [sorted(g, key=str) for g in groups]  # type: ignore[misc]


def _shape_iris(shapes: Graph) -> set[Node]:
    found: set[Node] = set()
    for kind in (SH.NodeShape, SH.PropertyShape):
        found |= set(shapes.subjects(RDF.type, kind))
    for p in (SH.property, SH.node, SH.qualifiedValueShape, SH["not"]):
        found |= set(shapes.objects(None, p))
    found |= set(shapes.subjects(SH.path, None))
    return {s for s in found if isinstance(s, URIRef)}


def _reachable(start: Node, shapes: Graph) -> set[Node]:
    """Every node reachable from ``start`` in the shapes graph, by any predicate."""
    seen, todo = {start}, [start]
    while todo:
        for o in shapes.objects(todo.pop(), None):
            if not isinstance(o, Literal) and o not in seen:
                seen.add(o)
                todo.append(o)
    return seen


def _cost(shape: Node, shapes: Graph, data: Graph) -> int:
    """A rough count of (focus node, constraint) pairs: focus candidates times property shapes."""
    focus = 0
    for cls in shapes.objects(shape, SH.targetClass):
        focus += sum(1 for _ in data.subjects(RDF.type, cls))
    for p in (*shapes.objects(shape, SH.targetObjectsOf), *shapes.objects(shape, SH.targetSubjectsOf)):
        focus += sum(1 for _ in data.triples((None, p, None)))
    focus += sum(1 for _ in shapes.objects(shape, SH.targetNode))
    if (shape, SH.target, None) in shapes:
        focus += len(data) // 50  # a SPARQL target: its cost is unknown until it runs
    return max(1, focus) * (1 + sum(1 for _ in shapes.objects(shape, SH.property)))


def _validate_group(group: list[URIRef]) -> tuple[bool, list[tuple[Node, Node, Node]]]:
    assert _SHARED is not None, "a worker runs only after the graphs are shared"
    data, shapes = _SHARED
    conforms, results, _ = shacl_validate(data, shacl_graph=shapes, inference="none", allow_warnings=True,
                                          advanced=True, abort_on_first=False, use_shapes=group)
    return bool(conforms), list(results)


def validate_in_parallel(data: Graph, shapes: Graph, groups: list[list[URIRef]]) -> tuple[bool, Graph]:
    """(conforms, results graph) of validating ``data`` against ``shapes``, one process per group."""
    global _SHARED
    _SHARED = (data, shapes)
    try:
        with multiprocessing.get_context("fork").Pool(len(groups)) as pool:
            outcomes = pool.map(_validate_group, groups, chunksize=1)
    finally:
        _SHARED = None
    return _join(outcomes, shapes)


def _join(outcomes: list[tuple[bool, list[tuple[Node, Node, Node]]]], shapes: Graph) -> tuple[bool, Graph]:
    """One report from the groups' reports. Blank nodes the shapes graph has (a shape or path that is
    a blank node) keep their identity; each worker's own blank nodes (its report and result nodes)
    get fresh ones, since forked workers draw blank-node ids from the same sequence."""
    from_shapes = {t for triple in shapes for t in triple if isinstance(t, BNode)}
    joined = Graph()
    report = BNode()
    conforms = all(ok for ok, _ in outcomes)
    joined.add((report, RDF.type, SH.ValidationReport))
    joined.add((report, SH.conforms, Literal(conforms)))
    for worker, (_, triples) in enumerate(outcomes):
        fresh: dict[BNode, BNode] = {}

        def term(t: Any) -> Any:
            if isinstance(t, BNode) and t not in from_shapes:
                return fresh.setdefault(t, BNode())
            return t

        reports = {s for s, p, o in triples if p == RDF.type and o == SH.ValidationReport}
        for s, p, o in triples:
            if s in reports:
                if p == SH.result:
                    joined.add((report, SH.result, term(o)))
                continue
            joined.add((term(s), p, term(o)))
    for prefix, namespace in Graph().namespaces():
        joined.bind(prefix, namespace)
    return conforms, joined
