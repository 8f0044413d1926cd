"""A set-based SHACL Core engine (https://www.w3.org/TR/shacl/) for the features sakrad-ld's shapes
use, giving the report pySHACL gives, many times faster.

>>> shapes = Shapes.compile(shapes_graph)   # once; UnsupportedShapes for anything not implemented
>>> results = check(index, shapes)          # an rdflib Graph: a sh:ValidationReport

Modules, after the specification's concepts: :mod:`.shapes` (the shapes graph, compiled),
:mod:`.paths` (property paths), :mod:`.components` (constraint components), :mod:`.literals`
(datatypes and value order), :mod:`.engine` (targets and validation), :mod:`.report` (the report
graph), :mod:`.describe` (terms in default messages).
"""

from .engine import check
from .errors import UnsupportedShapes
from .shapes import Shapes

__all__ = ["Shapes", "UnsupportedShapes", "check"]
