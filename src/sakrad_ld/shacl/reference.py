"""pySHACL, the reference SHACL engine :mod:`sakrad_ld.shacl` is held to: ``sakrad-ld validate
--engine pyshacl`` and the tests that compare the two engines.

The one module of :mod:`sakrad_ld.shacl` that uses rdflib: pySHACL reads and writes rdflib graphs,
converted here with :mod:`sakrad_ld.rdflib_edge`. pySHACL runs as the engine's conformance is
defined: no inference, warnings allowed (a shape of severity sh:Warning or sh:Info does not make
the data fail), every result reported. pySHACL is imported when it is asked for, not with the package.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rdflib import Graph

from ..rdflib_edge import from_rdflib, to_rdflib
from ..triples import Triple
from .report import Finding, findings_from_report, sort_findings
from .shapes import Shapes, ShapesGraph

__all__ = ["pyshacl_check", "pyshacl_results"]


def pyshacl_results(data: Iterable[Triple] | Graph, shapes: ShapesGraph | Shapes | Iterable[Triple]) -> list[Triple]:
    """pySHACL's SHACL results graph for ``data`` against ``shapes``, as triples."""
    from pyshacl import validate  # the reference engine, imported when asked for

    if isinstance(shapes, Shapes):
        shapes = shapes.graph
    if not isinstance(shapes, ShapesGraph):
        shapes = ShapesGraph(tuple(shapes))
    shapes_graph = to_rdflib(shapes.triples)
    for prefix, namespace in shapes.prefixes:  # as rdflib binds them when it reads the files
        shapes_graph.bind(prefix, namespace)
    data_graph = data if isinstance(data, Graph) else to_rdflib(data)
    options: dict[str, Any] = {"inference": "none", "allow_warnings": True, "advanced": True}
    _, results, _ = validate(data_graph, shacl_graph=shapes_graph, abort_on_first=False, **options)
    return from_rdflib(results)


def pyshacl_check(
    data: Iterable[Triple] | Graph, shapes: ShapesGraph | Shapes | Iterable[Triple]
) -> tuple[list[Finding], bool]:
    """What :func:`sakrad_ld.shacl.check_graph` gives, from pySHACL: the findings, sorted the
    same way, and whether the data conforms."""
    findings, conforms = findings_from_report(pyshacl_results(data, shapes))
    return sort_findings(findings), conforms
