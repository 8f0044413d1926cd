"""The shapes graph (https://www.w3.org/TR/shacl/#shapes-graph) compiled once into Python objects.

:meth:`Shapes.compile` finds the shapes as pySHACL does (https://www.w3.org/TR/shacl/#shapes:
instances of sh:NodeShape and sh:PropertyShape, subjects of targets and of sh:property, values of
shape-expecting parameters), compiles each shape's targets, path and constraint components, and
refuses with :class:`UnsupportedShapes` any SHACL parameter it does not implement.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path as FilePath
from typing import Any

import pyoxigraph as ox

from ..errors import InputError, ShapesError
from ..inputfiles import read_input
from ..triples import Index, Term, Triple
from ..vocab import RDF, RDFS, SH, XSD
from . import components as c
from .describe import Describer, list_items
from .errors import UnsupportedShapes
from .literals import literal_value
from .names import Names
from .paths import Path, compile_path, shacl_name

__all__ = ["Shape", "Shapes", "ShapesGraph", "Targets"]

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
        # not a term of SHACL (a draft's name for sh:node); pySHACL ignores it, and the official
        # DCAT-AP 3.0.1 shapes use it on four property shapes
        "shape",
    )
}

_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
#: What a shape's node says when it has targets: a target parameter, or a type (an implicit class target)
_TARGET_SAYING = frozenset((*_TARGETS, SH.target, RDF.type))
_SH = str(SH)


@dataclass(frozen=True)
class ShapesGraph:
    """The triples of a shapes graph and the prefixes its files declare (the prefixes name terms
    in default messages, as pySHACL names them)."""

    triples: tuple[Triple, ...]
    #: (prefix, namespace) as the files declare them, in order
    prefixes: tuple[tuple[str, str], ...] = ()

    @classmethod
    def parse(cls, data: bytes, base_iri: str | None = None) -> ShapesGraph:
        """A shapes graph from Turtle."""
        parser = ox.parse(data, format=ox.RdfFormat.TURTLE, base_iri=base_iri)
        triples = tuple((q.subject, q.predicate, q.object) for q in parser)
        return cls(triples, tuple(parser.prefixes.items()))

    @classmethod
    def load(cls, files: Iterable[FilePath], root: FilePath | None = None) -> ShapesGraph:
        """One shapes graph from Turtle files (of the folder ``root`` where it is given, read as every
        file of a project is, :func:`sakrad_ld.inputfiles.read_input`); ShapesError names a file that
        cannot be read, holds no triples or is not Turtle, with the line."""
        return cls.union(_parsed(cls, file, root) for file in files)

    @classmethod
    def union(cls, graphs: Iterable[ShapesGraph]) -> ShapesGraph:
        """One shapes graph of the triples of ``graphs`` (each once, in order) and all their prefixes."""
        triples: dict[Triple, None] = {}
        prefixes: list[tuple[str, str]] = []
        for one in graphs:
            triples.update(dict.fromkeys(one.triples))
            prefixes += one.prefixes
        return cls(tuple(triples), tuple(prefixes))


#: What a file of shapes/ is expected to be.
_EXPECTED = "a Turtle file of SHACL shapes (https://www.w3.org/TR/turtle/)"


def _parsed(cls: type[ShapesGraph], file: FilePath, root: FilePath | None) -> ShapesGraph:
    """The shapes graph of one file; a ShapesError naming it (and the line) where it cannot be read,
    is not Turtle or holds no triples."""
    try:
        data = read_input(file, root=root, expected=_EXPECTED)
    except InputError as error:
        hint = f" ({error.hint})" if error.hint else ""
        raise ShapesError(f"{error.where}: cannot be read ({error.problem}); expected {error.expected}{hint}") from None
    try:
        one = cls.parse(data, base_iri=file.resolve().as_uri())
    except SyntaxError as error:
        at = f"{file}:{error.lineno}" if error.lineno else str(file)
        raise ShapesError(f"{at}: not valid Turtle ({error.msg}); expected {_EXPECTED}; fix the shapes file") from None
    except (ValueError, OSError) as error:
        raise ShapesError(
            f"{file}: not valid Turtle ({type(error).__name__}: {error}); expected {_EXPECTED}; fix the shapes file"
        ) from None
    if not one.triples:
        raise ShapesError(
            f"{file}: the file holds no triples; expected {_EXPECTED} (remove the file, or write its shapes)"
        )
    return one


@dataclass(eq=False)
class Shape:
    """A node shape (``path`` None) or a property shape (https://www.w3.org/TR/shacl/#shapes)."""

    node: Term
    path: Path | None = None
    severity: ox.NamedNode = SH.Violation
    messages: tuple[ox.Literal, ...] = ()
    deactivated: bool = False
    targets: Targets = field(default_factory=lambda: Targets())
    components: list[c.Component] = field(default_factory=list)

    def __repr__(self) -> str:
        return f"<Shape {self.node}>"


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


_NO_TARGETS = Targets()


class Shapes:
    """A compiled shapes graph. Build it with :meth:`compile`, once, and validate with it often."""

    def __init__(self, graph: ShapesGraph, index: Index, shapes: dict[Term, Shape]) -> None:
        self.graph = graph
        self.index = index
        self.shapes = shapes
        self.targeted = [s for s in shapes.values() if s.targets and not s.deactivated]
        self.describe = Describer(Names.declared(graph.prefixes), index)

    @classmethod
    def compile(cls, graph: ShapesGraph | Iterable[Triple]) -> Shapes:
        """Compiles ``graph``; raises :class:`UnsupportedShapes`, naming the shape and the
        feature, for any SHACL parameter this engine does not implement."""
        if not isinstance(graph, ShapesGraph):
            graph = ShapesGraph(tuple(graph))
        index = Index(graph.triples)
        shapes = {node: Shape(node) for node in _shape_nodes(index)}
        # the classes whose instances are classes (https://www.w3.org/TR/shacl/#implicit-targetClass)
        class_kinds = {RDFS.Class, *index.subjects_of(RDFS.subClassOf, RDFS.Class)}
        for shape in shapes.values():
            _Compiler(index, shapes, shape, class_kinds).run()
        _refuse_recursion(shapes)
        return cls(graph, index, shapes)


def _refers(shape: Shape) -> list[Shape]:
    """The shapes ``shape``'s components validate value nodes against."""
    out: list[Shape] = []
    for component in shape.components:
        if isinstance(component, c.Property):
            out += component.properties
        elif isinstance(component, (c.Node, c.Not)):
            out += component.members
        elif isinstance(component, c.ShapeLists):
            out += [m for members in component.lists for m in members]
        elif isinstance(component, c.QualifiedValueShape) and component.value_shape is not None:
            out.append(component.value_shape)
    return out


def _refuse_recursion(shapes: dict[Term, Shape]) -> None:
    """Refuses a shape that refers to itself (https://www.w3.org/TR/shacl/#shapes-recursion leaves
    their validation to the processor; pySHACL skips the recursion with a warning)."""
    done: set[int] = set()

    def visit(shape: Shape, path: list[Shape]) -> None:
        if id(shape) in done:
            return
        if shape in path:
            node = shape.node
            name = node.value if isinstance(node, ox.NamedNode) else f"{node} (a blank node)"
            raise UnsupportedShapes(
                name, "a shape that refers to itself (a recursive shape)", "SHACL leaves them undefined"
            )
        path.append(shape)
        for other in _refers(shape):
            visit(other, path)
        path.pop()
        done.add(id(shape))

    for shape in shapes.values():
        visit(shape, [])


def _shape_nodes(g: Index) -> list[Term]:
    """The shapes of ``g``, found as pySHACL finds them (pyshacl.shapes_graph)."""
    found: dict[Term, None] = {}
    for kind in (SH.NodeShape, SH.PropertyShape):
        found.update(dict.fromkeys(g.subjects_of(RDF.type, kind)))
    for p in (*_TARGETS, SH.property, SH.node):
        found.update(dict.fromkeys(g.subjects_with(p)))
    for p in (SH.property, SH.node, SH["not"], SH.qualifiedValueShape):
        found.update(dict.fromkeys(g.objects_of(p)))
    for p in (SH["and"], SH["or"], SH.xone):
        for members in g.objects_of(p):
            found.update(dict.fromkeys(list_items(g, members)))
    return list(found)


def _is_integer(value: Term | None) -> bool:
    return isinstance(value, ox.Literal) and value.datatype == XSD.integer


class _Compiler:
    """Fills in one shape from its triples."""

    def __init__(self, graph: Index, shapes: dict[Term, Shape], shape: Shape, class_kinds: set[Term]) -> None:
        self.g = graph
        self.shapes = shapes
        self.shape = shape
        self.class_kinds = class_kinds
        node = shape.node
        self.said = graph.properties(node)  # predicate → objects: what the shape's node says
        self.name = node.value if isinstance(node, ox.NamedNode) else f"{node} (a blank node)"

    def fail(self, feature: str, hint: str = "") -> UnsupportedShapes:
        return UnsupportedShapes(self.name, feature, hint)

    def values(self, p: ox.NamedNode) -> list[Term]:
        return list(self.said.get(p, ()))

    def one(self, p: ox.NamedNode) -> Term | None:
        found = self.values(p)
        if len(found) > 1:
            raise self.fail(f"more than one {shacl_name(p)}", "give one value")
        return found[0] if found else None

    def run(self) -> None:
        shape, g = self.shape, self.g
        path = self.one(SH.path)
        if path is not None:
            shape.path = compile_path(g, self.name, path)
        severity = self.one(SH.severity)
        shape.severity = severity if isinstance(severity, ox.NamedNode) else SH.Violation
        shape.messages = tuple(m for m in self.values(SH.message) if isinstance(m, ox.Literal))
        deactivated = self.one(SH.deactivated)
        shape.deactivated = isinstance(deactivated, ox.Literal) and bool(literal_value(deactivated))
        shape.targets = self.targets()
        said = self.said
        for p in said:
            build = _BUILDERS.get(p)
            if build is not None:
                component = build(self)
                if component is not None:
                    shape.components.append(component)
            elif isinstance(p, ox.NamedNode) and p.value.startswith(_SH) and p not in _NOT_CONSTRAINTS:
                raise self.fail(shacl_name(p))
        for part, needs in _NEEDS:
            if part in said and needs not in said:
                raise self.fail(f"{shacl_name(part)} without {shacl_name(needs)}")

    # --- targets ----------------------------------------------------------------------------

    def targets(self) -> Targets:
        g, node, said = self.g, self.shape.node, self.said
        if not (_TARGET_SAYING & said.keys()):  # most shapes: no target of any kind
            return _NO_TARGETS
        classes = list(self.values(SH.targetClass))
        # implicit class target (https://www.w3.org/TR/shacl/#implicit-targetClass)
        if any(t in self.class_kinds for t in said.get(RDF.type, ())):
            classes.append(node)
        sparql = []
        for target in self.values(SH.target):
            selects = g.objects(target, SH.select)
            if not selects and (target, RDF.type, SH.SPARQLTarget) not in g:
                raise self.fail(
                    "a custom target (sh:target) that is no SPARQL target",
                    "only sh:SPARQLTarget with sh:select is implemented",
                )
            if len(selects) != 1:
                raise self.fail("a SPARQL target without exactly one sh:select")
            if g.objects(target, SH.prefixes):
                raise self.fail("sh:prefixes on a SPARQL target", "write full IRIs in the query")
            sparql.append(selects[0].value)
        return Targets(
            nodes=tuple(self.values(SH.targetNode)),
            classes=tuple(dict.fromkeys(classes)),
            subjects_of=tuple(self.values(SH.targetSubjectsOf)),
            objects_of=tuple(self.values(SH.targetObjectsOf)),
            sparql=tuple(sparql),
        )

    # --- components -------------------------------------------------------------------------

    def _count(self, p: ox.NamedNode) -> int:
        value = self.one(p)
        count = literal_value(value) if _is_integer(value) else None  # type: ignore[arg-type]
        if not isinstance(count, int) or count < 0:
            raise self.fail(f"{shacl_name(p)} {value}", "it must be an xsd:integer >= 0")
        return count

    def _property_only(self, p: ox.NamedNode) -> None:
        if self.shape.path is None:
            raise self.fail(
                f"{shacl_name(p)} on a node shape",
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
        return c.Class(self.shape, classes=names)

    def datatype(self) -> c.Component:
        name = self.one(SH.datatype)
        if not isinstance(name, ox.NamedNode):
            raise self.fail(f"sh:datatype {name}", "the datatype is an IRI")
        return c.Datatype(self.shape, datatype=name)

    def node_kind(self) -> c.Component:
        kind = self.one(SH.nodeKind)
        if kind not in c.NODE_KINDS:
            raise self.fail(f"sh:nodeKind {kind}", "use one of the six node kinds of the specification")
        return c.NodeKind(self.shape, node_kind=kind)  # type: ignore[arg-type]

    def min_inclusive(self) -> c.Component:
        names = tuple(self.values(SH.minInclusive))
        if not all(isinstance(n, ox.Literal) for n in names):
            raise self.fail("sh:minInclusive with a value that is no literal")
        return c.MinInclusive(self.shape, bounds=names)

    def pattern(self) -> c.Component:
        flags_value = next(iter(self.values(SH.flags)), None)
        flags = flags_value.value.lower() if isinstance(flags_value, (ox.Literal, ox.NamedNode)) else ""
        re_flags = (re.I if "i" in flags else 0) | (re.M if "m" in flags else 0)
        patterns = []
        for p in self.values(SH.pattern):
            if not isinstance(p, ox.Literal):
                raise self.fail("sh:pattern with a value that is no literal")
            patterns.append(re.compile(p.value, re_flags))
        return c.Pattern(self.shape, patterns=tuple(patterns))

    def language_in(self) -> c.Component:
        name = self.one(SH.languageIn)
        assert name is not None
        languages = list_items(self.g, name)
        if not all(isinstance(t, ox.Literal) and isinstance(literal_value(t), str) for t in languages):
            raise self.fail("sh:languageIn with a member that is no string")
        return c.LanguageIn(
            self.shape,
            languages=frozenset(t.value.lower() for t in languages),
            name=name,  # type: ignore[union-attr]
        )

    def unique_lang(self) -> c.Component | None:
        self._property_only(SH.uniqueLang)
        value = self.one(SH.uniqueLang)
        flag = literal_value(value) if isinstance(value, ox.Literal) else None
        if not isinstance(flag, bool):
            raise self.fail(f"sh:uniqueLang {value}", "it must be an xsd:boolean")
        return c.UniqueLang(self.shape) if flag else None

    def _predicates(self, p: ox.NamedNode) -> tuple[Term, ...]:
        names = tuple(self.values(p))
        if not all(isinstance(n, ox.NamedNode) for n in names):
            raise self.fail(f"{shacl_name(p)} with a value that is no IRI")
        return names

    def equals(self) -> c.Component:
        return c.Equals(self.shape, predicates=self._predicates(SH.equals))

    def less_than_or_equals(self) -> c.Component:
        self._property_only(SH.lessThanOrEquals)
        return c.LessThanOrEquals(self.shape, predicates=self._predicates(SH.lessThanOrEquals))

    def _list(self, name: Term, p: ox.NamedNode) -> tuple[tuple[Shape, ...], tuple[Term, ...]]:
        members = tuple(list_items(self.g, name))
        if not members:
            raise self.fail(f"{shacl_name(p)} with an empty list")
        return tuple(self.shapes[m] for m in members), members

    def _lists(self, p: ox.NamedNode, distinct: bool = False) -> dict[str, tuple[tuple[Any, ...], ...]]:
        lists = [self._list(name, p) for name in self.values(p)]
        # pySHACL collects the members of sh:or in a set: a shape listed twice counts once
        members = tuple(tuple(dict.fromkeys(m)) if distinct else m for m, _ in lists)
        return {"lists": members, "names": tuple(names for _, names in lists)}

    def or_(self) -> c.Component:
        return c.Or(self.shape, **self._lists(SH["or"], distinct=True))

    def xone(self) -> c.Component:
        return c.Xone(self.shape, **self._lists(SH.xone))

    def and_(self) -> c.Component:
        return c.And(self.shape, **self._lists(SH["and"]))

    def not_(self) -> c.Component:
        names = tuple(self.values(SH["not"]))
        return c.Not(self.shape, members=tuple(self.shapes[n] for n in names), names=names)

    def node(self) -> c.Component:
        names = tuple(self.values(SH.node))
        for name in names:
            if self.g.objects(name, SH.path):
                raise self.fail(f"sh:node {name}, which is a property shape", "sh:node names a node shape")
        return c.Node(self.shape, members=tuple(self.shapes[n] for n in names), names=names)

    def property(self) -> c.Component:
        properties = tuple(self.shapes[p] for p in self.values(SH.property))
        for prop in properties:
            if prop.path is None and not self.g.objects(prop.node, SH.path):
                raise self.fail(f"sh:property {prop.node}, which has no sh:path")
        return c.Property(self.shape, properties=properties)

    def qualified(self) -> c.Component:
        self._property_only(SH.qualifiedValueShape)
        value_shape = self.one(SH.qualifiedValueShape)
        disjoint = self.one(SH.qualifiedValueShapesDisjoint)
        if isinstance(disjoint, ox.Literal) and literal_value(disjoint) is True:
            raise self.fail("sh:qualifiedValueShapesDisjoint true")
        low = self._count(SH.qualifiedMinCount) if self.values(SH.qualifiedMinCount) else None
        high = self._count(SH.qualifiedMaxCount) if self.values(SH.qualifiedMaxCount) else None
        if low is None and high is None:
            raise self.fail("sh:qualifiedValueShape without sh:qualifiedMinCount or sh:qualifiedMaxCount")
        assert value_shape is not None
        return c.QualifiedValueShape(self.shape, value_shape=self.shapes[value_shape], min_count=low, max_count=high)

    def in_(self) -> c.Component:
        name = self.one(SH["in"])
        assert name is not None
        names = tuple(list_items(self.g, name))
        if any(isinstance(n, ox.BlankNode) for n in names):
            raise self.fail("sh:in with a blank node member")
        return c.In(self.shape, members=frozenset(names), names=names)

    def has_value(self) -> c.Component:
        return c.HasValue(self.shape, required=tuple(self.values(SH.hasValue)))


#: The builder of each constraint component's parameter (a parameter without one is refused).
_BUILDERS: dict[Term, Callable[[_Compiler], c.Component | None]] = {
    SH.minCount: _Compiler.min_count,
    SH.maxCount: _Compiler.max_count,
    SH["class"]: _Compiler.class_,
    SH.datatype: _Compiler.datatype,
    SH.nodeKind: _Compiler.node_kind,
    SH.minInclusive: _Compiler.min_inclusive,
    SH.pattern: _Compiler.pattern,
    SH.languageIn: _Compiler.language_in,
    SH.uniqueLang: _Compiler.unique_lang,
    SH.equals: _Compiler.equals,
    SH.lessThanOrEquals: _Compiler.less_than_or_equals,
    SH["or"]: _Compiler.or_,
    SH["and"]: _Compiler.and_,
    SH["not"]: _Compiler.not_,
    SH.xone: _Compiler.xone,
    SH.node: _Compiler.node,
    SH.property: _Compiler.property,
    SH.qualifiedValueShape: _Compiler.qualified,
    SH["in"]: _Compiler.in_,
    SH.hasValue: _Compiler.has_value,
}
#: Parameters that are parts of another's constraint, with the parameter they need.
_NEEDS = (
    (SH.flags, SH.pattern),
    (SH.qualifiedMinCount, SH.qualifiedValueShape),
    (SH.qualifiedMaxCount, SH.qualifiedValueShape),
)
