"""The shapes graph (https://www.w3.org/TR/shacl/#shapes-graph) compiled once into Python objects.

:meth:`Shapes.compile` finds the shapes as pySHACL does (https://www.w3.org/TR/shacl/#shapes:
instances of sh:NodeShape and sh:PropertyShape, subjects of targets and of sh:property, values of
shape-expecting parameters), compiles each shape's targets, path and constraint components, and
refuses with :class:`UnsupportedShapes` any SHACL parameter it does not implement.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import Node

from ..rdflib_edge import ox_term
from ..triples import Term
from . import components as c
from .describe import Describer
from .errors import UnsupportedShapes
from .paths import Path, compile_path

__all__ = ["Shape", "Shapes", "Targets"]

#: Parameters that are no constraint of their own: annotations, targets, the path, and the parts
#: of a constraint that another parameter carries.
_NOT_CONSTRAINTS = {
    SH[n]
    for n in (
        "name",
        "description",
        "message",
        "severity",
        "deactivated",
        "order",
        "group",
        "defaultValue",
        "path",
        "targetClass",
        "targetNode",
        "targetSubjectsOf",
        "targetObjectsOf",
        "target",
        "flags",
        "qualifiedMinCount",
        "qualifiedMaxCount",
        "qualifiedValueShapesDisjoint",
    )
}

_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


@dataclass(frozen=True)
class Targets:
    """A shape's target declarations (https://www.w3.org/TR/shacl/#targets), and SPARQL-based
    targets (https://www.w3.org/TR/shacl-af/#SPARQLTarget) as their SELECT queries."""

    nodes: tuple[Term, ...] = ()
    classes: tuple[Term, ...] = ()
    subjects_of: tuple[Term, ...] = ()
    objects_of: tuple[Term, ...] = ()
    sparql: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.nodes or self.classes or self.subjects_of or self.objects_of or self.sparql)


@dataclass(eq=False)
class Shape:
    """A node shape (``path`` None) or a property shape (https://www.w3.org/TR/shacl/#shapes)."""

    node: Node
    path: Path | None = None
    severity: Node = SH.Violation
    messages: tuple[Literal, ...] = ()
    deactivated: bool = False
    targets: Targets = field(default_factory=Targets)
    components: list[c.Component] = field(default_factory=list)

    def __repr__(self) -> str:
        return f"<Shape {self.node.n3()}>"


class Shapes:
    """A compiled shapes graph. Build it with :meth:`compile`, once, and validate with it often."""

    def __init__(self, graph: Graph, shapes: dict[Node, Shape]) -> None:
        self.graph = graph
        self.shapes = shapes
        self.targeted = [s for s in shapes.values() if s.targets and not s.deactivated]
        self.describe = Describer.of_graph(graph)

    @classmethod
    def compile(cls, graph: Graph) -> Shapes:
        """Compiles ``graph``; raises :class:`UnsupportedShapes`, naming the shape and the
        feature, for any SHACL parameter this engine does not implement."""
        shapes = {node: Shape(node) for node in _shape_nodes(graph)}
        for shape in shapes.values():
            _Compiler(graph, shapes, shape).run()
        return cls(graph, shapes)


def _shape_nodes(g: Graph) -> list[Node]:
    """The shapes of ``g``, found as pySHACL finds them (pyshacl.shapes_graph)."""
    found: dict[Node, None] = {}
    for kind in (SH.NodeShape, SH.PropertyShape):
        found.update(dict.fromkeys(g.subjects(RDF.type, kind)))
    for p in (*_TARGETS, SH.property, SH.node):
        found.update(dict.fromkeys(g.subjects(p, None)))
    for p in (SH.property, SH.node, SH["not"], SH.qualifiedValueShape):
        found.update(dict.fromkeys(g.objects(None, p)))
    for p in (SH["and"], SH["or"], SH.xone):
        for members in g.objects(None, p):
            found.update(dict.fromkeys(Collection(g, members)))
    return list(found)


class _Compiler:
    """Fills in one shape from its triples."""

    def __init__(self, graph: Graph, shapes: dict[Node, Shape], shape: Shape) -> None:
        self.g = graph
        self.shapes = shapes
        self.shape = shape
        self.name = str(shape.node) if isinstance(shape.node, URIRef) else shape.node.n3() + " (a blank node)"

    def fail(self, feature: str, hint: str = "") -> UnsupportedShapes:
        return UnsupportedShapes(self.name, feature, hint)

    def values(self, p: URIRef) -> list[Node]:
        return list(self.g.objects(self.shape.node, p))

    def one(self, p: URIRef) -> Node | None:
        found = self.values(p)
        if len(found) > 1:
            raise self.fail(f"more than one {p.n3(self.g.namespace_manager)}", "give one value")
        return found[0] if found else None

    def run(self) -> None:
        shape, g = self.shape, self.g
        path = self.one(SH.path)
        if path is not None:
            shape.path = compile_path(g, self.name, path)
        shape.severity = self.one(SH.severity) or SH.Violation
        shape.messages = tuple(m for m in self.values(SH.message) if isinstance(m, Literal))
        deactivated = self.one(SH.deactivated)
        shape.deactivated = isinstance(deactivated, Literal) and bool(deactivated.value)
        shape.targets = self.targets()
        builders: dict[URIRef, Callable[[], c.Component]] = {
            SH.minCount: self.min_count,
            SH.maxCount: self.max_count,
            SH["class"]: self.class_,
            SH.datatype: self.datatype,
            SH.nodeKind: self.node_kind,
            SH.minInclusive: self.min_inclusive,
            SH.pattern: self.pattern,
            SH.languageIn: self.language_in,
            SH.uniqueLang: self.unique_lang,
            SH.equals: self.equals,
            SH.lessThanOrEquals: self.less_than_or_equals,
            SH["or"]: self.or_,
            SH.xone: self.xone,
            SH.property: self.property,
            SH.qualifiedValueShape: self.qualified,
            SH["in"]: self.in_,
            SH.hasValue: self.has_value,
        }
        for p in dict.fromkeys(g.predicates(shape.node)):
            if p in builders:
                component = builders[p]()
                if component is not None:
                    shape.components.append(component)
            elif str(p).startswith(str(SH)) and p not in _NOT_CONSTRAINTS:
                raise self.fail(p.n3(g.namespace_manager))
        for part, needs in (
            (SH.flags, SH.pattern),
            (SH.qualifiedMinCount, SH.qualifiedValueShape),
            (SH.qualifiedMaxCount, SH.qualifiedValueShape),
        ):
            if self.values(part) and not self.values(needs):
                raise self.fail(f"{part.n3(g.namespace_manager)} without {needs.n3(g.namespace_manager)}")

    # --- targets ----------------------------------------------------------------------------

    def targets(self) -> Targets:
        g, node = self.g, self.shape.node
        classes = [ox_term(t) for t in self.values(SH.targetClass)]
        # implicit class target (https://www.w3.org/TR/shacl/#implicit-targetClass)
        class_kinds = {RDFS.Class, *g.subjects(RDFS.subClassOf, RDFS.Class)}
        if any(t in class_kinds for t in g.objects(node, RDF.type)):
            classes.append(ox_term(node))
        sparql = []
        for target in self.values(SH.target):
            selects = list(g.objects(target, SH.select))
            if not selects and (target, RDF.type, SH.SPARQLTarget) not in g:
                raise self.fail(
                    "a custom target (sh:target) that is no SPARQL target",
                    "only sh:SPARQLTarget with sh:select is implemented",
                )
            if len(selects) != 1:
                raise self.fail("a SPARQL target without exactly one sh:select")
            if list(g.objects(target, SH.prefixes)):
                raise self.fail("sh:prefixes on a SPARQL target", "write full IRIs in the query")
            sparql.append(str(selects[0]))
        return Targets(
            nodes=tuple(ox_term(n) for n in self.values(SH.targetNode)),
            classes=tuple(dict.fromkeys(classes)),
            subjects_of=tuple(ox_term(p) for p in self.values(SH.targetSubjectsOf)),
            objects_of=tuple(ox_term(p) for p in self.values(SH.targetObjectsOf)),
            sparql=tuple(sparql),
        )

    # --- components -------------------------------------------------------------------------

    def _count(self, p: URIRef) -> int:
        value = self.one(p)
        if not (
            isinstance(value, Literal)
            and value.datatype == XSD.integer
            and isinstance(value.value, int)
            and value.value >= 0
        ):
            raise self.fail(f"{p.n3(self.g.namespace_manager)} {value}", "it must be an xsd:integer >= 0")
        return value.value

    def _property_only(self, p: URIRef) -> None:
        if self.shape.path is None:
            raise self.fail(
                f"{p.n3(self.g.namespace_manager)} on a node shape",
                "SHACL allows it on property shapes only (give the shape an sh:path)",
            )

    def min_count(self) -> c.Component:
        self._property_only(SH.minCount)
        return c.MinCount(self.shape, count=self._count(SH.minCount))

    def max_count(self) -> c.Component:
        self._property_only(SH.maxCount)
        return c.MaxCount(self.shape, count=self._count(SH.maxCount))

    def class_(self) -> c.Component:
        names = tuple(self.values(SH["class"]))
        return c.Class(self.shape, classes=tuple(ox_term(n) for n in names), names=names)

    def datatype(self) -> c.Component:
        name = self.one(SH.datatype)
        if not isinstance(name, URIRef):
            raise self.fail(f"sh:datatype {name}", "the datatype is an IRI")
        return c.Datatype(self.shape, datatype=str(name), name=name)

    def node_kind(self) -> c.Component:
        kind = self.one(SH.nodeKind)
        if kind not in (SH.IRI, SH.BlankNode, SH.Literal, SH.BlankNodeOrIRI, SH.BlankNodeOrLiteral, SH.IRIOrLiteral):
            raise self.fail(f"sh:nodeKind {kind}", "use one of the six node kinds of the specification")
        return c.NodeKind(self.shape, node_kind=kind)  # type: ignore[arg-type]

    def min_inclusive(self) -> c.Component:
        names = tuple(self.values(SH.minInclusive))
        if not all(isinstance(n, Literal) for n in names):
            raise self.fail("sh:minInclusive with a value that is no literal")
        return c.MinInclusive(self.shape, bounds=tuple(ox_term(n) for n in names), names=names)

    def pattern(self) -> c.Component:
        flags_value = next(iter(self.values(SH.flags)), None)
        flags = str(flags_value).lower() if flags_value is not None else ""
        re_flags = (re.I if "i" in flags else 0) | (re.M if "m" in flags else 0)
        patterns = []
        for p in self.values(SH.pattern):
            if not isinstance(p, Literal):
                raise self.fail("sh:pattern with a value that is no literal")
            patterns.append(re.compile(str(p), re_flags))
        return c.Pattern(self.shape, patterns=tuple(patterns))

    def language_in(self) -> c.Component:
        name = self.one(SH.languageIn)
        assert name is not None
        languages = list(Collection(self.g, name))
        if not all(isinstance(t, Literal) and isinstance(t.value, str) for t in languages):
            raise self.fail("sh:languageIn with a member that is no string")
        return c.LanguageIn(self.shape, languages=frozenset(str(t).lower() for t in languages), name=name)

    def unique_lang(self) -> c.Component | None:
        self._property_only(SH.uniqueLang)
        value = self.one(SH.uniqueLang)
        if not (isinstance(value, Literal) and isinstance(value.value, bool)):
            raise self.fail(f"sh:uniqueLang {value}", "it must be an xsd:boolean")
        return c.UniqueLang(self.shape) if value.value else None

    def _predicates(self, p: URIRef) -> tuple[tuple[Term, ...], tuple[Node, ...]]:
        names = tuple(self.values(p))
        if not all(isinstance(n, URIRef) for n in names):
            raise self.fail(f"{p.n3(self.g.namespace_manager)} with a value that is no IRI")
        return tuple(ox_term(n) for n in names), names

    def equals(self) -> c.Component:
        predicates, names = self._predicates(SH.equals)
        return c.Equals(self.shape, predicates=predicates, names=names)

    def less_than_or_equals(self) -> c.Component:
        self._property_only(SH.lessThanOrEquals)
        predicates, names = self._predicates(SH.lessThanOrEquals)
        return c.LessThanOrEquals(self.shape, predicates=predicates, names=names)

    def _members(self, p: URIRef) -> tuple[tuple[Shape, ...], tuple[Node, ...]]:
        name = self.one(p)
        assert name is not None
        members = tuple(Collection(self.g, name))
        if not members:
            raise self.fail(f"{p.n3(self.g.namespace_manager)} with an empty list")
        return tuple(self.shapes[m] for m in members), members

    def or_(self) -> c.Component:
        members, names = self._members(SH["or"])
        # pySHACL collects the members of sh:or in a set: a shape listed twice counts once
        return c.Or(self.shape, members=tuple(dict.fromkeys(members)), names=names)

    def xone(self) -> c.Component:
        members, names = self._members(SH.xone)
        return c.Xone(self.shape, members=members, names=names)

    def property(self) -> c.Component:
        properties = tuple(self.shapes[p] for p in self.values(SH.property))
        for prop in properties:
            if prop.path is None and self.g.value(prop.node, SH.path) is None:
                raise self.fail(f"sh:property {prop.node.n3()}, which has no sh:path")
        return c.Property(self.shape, properties=properties)

    def qualified(self) -> c.Component:
        self._property_only(SH.qualifiedValueShape)
        value_shape = self.one(SH.qualifiedValueShape)
        disjoint = self.one(SH.qualifiedValueShapesDisjoint)
        if isinstance(disjoint, Literal) and disjoint.value is True:
            raise self.fail("sh:qualifiedValueShapesDisjoint true")
        low = self._count(SH.qualifiedMinCount) if self.values(SH.qualifiedMinCount) else None
        high = self._count(SH.qualifiedMaxCount) if self.values(SH.qualifiedMaxCount) else None
        if low is None and high is None:
            raise self.fail("sh:qualifiedValueShape without sh:qualifiedMinCount or sh:qualifiedMaxCount")
        return c.QualifiedValueShape(self.shape, value_shape=self.shapes[value_shape], min_count=low, max_count=high)

    def in_(self) -> c.Component:
        name = self.one(SH["in"])
        assert name is not None
        names = tuple(Collection(self.g, name))
        if any(isinstance(n, BNode) for n in names):
            raise self.fail("sh:in with a blank node member")
        return c.In(self.shape, members=frozenset(ox_term(n) for n in names), names=names)

    def has_value(self) -> c.Component:
        names = tuple(self.values(SH.hasValue))
        return c.HasValue(self.shape, required=tuple(ox_term(n) for n in names), names=names)
