"""A set-based SHACL Core engine (https://www.w3.org/TR/shacl/) for the features sakrad-ld's shapes
and the official DCAT-AP shapes use, giving the findings pySHACL gives, many times faster.

>>> findings, conforms = check_graph(data_triples, shapes_triples)
>>> shapes = Shapes.compile(ShapesGraph.load(files))  # once; UnsupportedShapes for anything not implemented
>>> findings, conforms = check(index, shapes)

Modules, after the specification's concepts: :mod:`.shapes` (the shapes graph, compiled),
:mod:`.paths` (property paths), :mod:`.components` (constraint components), :mod:`.literals`
(datatypes and value order), :mod:`.engine` (targets and validation), :mod:`.report` (results
as findings), :mod:`.describe` and :mod:`.names` (terms in default messages). pySHACL, the
reference the engine is held to, runs in :mod:`.reference`, the one module here that uses rdflib.
"""

from .engine import check, check_graph
from .errors import UnsupportedShapes
from .report import Finding
from .shapes import Shapes, ShapesGraph

__all__ = ["Finding", "Shapes", "ShapesGraph", "UnsupportedShapes", "check", "check_graph"]
