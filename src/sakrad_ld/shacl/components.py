"""The SHACL Core constraint components this engine implements (https://www.w3.org/TR/shacl/#core-components),
each evaluated over all focus nodes of a shape at once.

A component gets the value nodes of every focus node (``values``: focus node → value nodes) and
returns the validation results it finds. Which value nodes are reported, and whether a result
carries ``sh:value``, follows pySHACL 0.40 (noted per component where it differs from what one
might expect); default messages are pySHACL's texts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple, Protocol

import pyoxigraph as ox

from ..triples import Term
from ..vocab import SH
from .literals import matches_datatype

if TYPE_CHECKING:
    from .describe import Describer
    from .shapes import Shape

__all__ = ["NODE_KINDS", "Component", "Result", "Run", "Values"]

Values = dict[Term, Sequence[Term]]


class Result(NamedTuple):
    """One validation result (https://www.w3.org/TR/shacl/#results-validation-result), before it is
    written into the report graph."""

    shape: Shape
    component: Component
    focus: Term
    value: Term | None
    kind: ox.NamedNode  # sh:sourceConstraintComponent


Found = list[tuple[Term, Result]]  # (the focus node the evaluation was asked about, the result)


class Run(Protocol):
    """What a component needs of the validation in progress (see :mod:`sakrad_ld.shacl.engine`)."""

    def is_instance(self, node: Term, cls: Term) -> bool: ...
    def objects(self, node: Term, predicate: Term) -> Sequence[Term]: ...
    def at_least(self, value: Term, bound: Term) -> bool: ...
    def at_most(self, value: Term, other: Term) -> bool: ...
    def validate(self, shape: Shape, foci: Sequence[Term]) -> dict[Term, list[Result]]: ...
    def conforming(self, shape: Shape, nodes: Sequence[Term]) -> set[Term]: ...


@dataclass(eq=False)
class Component:
    """A constraint component with its parameter values on one shape."""

    shape: Shape = field(repr=False)

    kind = ox.NamedNode("urn:unset")

    def evaluate(self, run: Run, values: Values) -> Found:
        raise NotImplementedError

    def result(self, focus: Term, value: Term | None = None, kind: ox.NamedNode | None = None) -> tuple[Term, Result]:
        return focus, Result(self.shape, self, focus, value, kind or self.kind)

    def default_messages(self, result: Result, shapes: Describer, data: Describer) -> list[str]:
        """pySHACL's message for a result of a shape without sh:message."""
        raise NotImplementedError

    def _per_value(self, values: Values, ok: object) -> Found:
        return [self.result(f, v) for f, vs in values.items() for v in vs if not ok(v)]  # type: ignore[operator]


def _path_text(shape: Shape, shapes: Describer) -> str:
    return shapes(shape.path.node) if shape.path is not None else ""


# --- https://www.w3.org/TR/shacl/#core-components-count ------------------------------------------


@dataclass(eq=False)
class MinCount(Component):
    """sh:minCount: fewer value nodes than the count give one result, without sh:value."""

    count: int = 0
    kind = SH.MinCountConstraintComponent

    def evaluate(self, run: Run, values: Values) -> Found:
        if self.count == 0:
            return []
        return [self.result(f) for f, vs in values.items() if len(vs) < self.count]

    def default_messages(self, result: Result, shapes: Describer, data: Describer) -> list[str]:
        return [f"Less than {self.count} values on {data(result.focus)}->{_path_text(self.shape, shapes)}"]


@dataclass(eq=False)
class MaxCount(Component):
    """sh:maxCount: more value nodes than the count give one result, without sh:value."""

    count: int = 0
    kind = SH.MaxCountConstraintComponent

    def evaluate(self, run: Run, values: Values) -> Found:
        return [self.result(f) for f, vs in values.items() if len(vs) > self.count]

    def default_messages(self, result: Result, shapes: Describer, data: Describer) -> list[str]:
        return [f"More than {self.count} values on {data(result.focus)}->{_path_text(self.shape, shapes)}"]


# --- https://www.w3.org/TR/shacl/#core-components-value-type --------------------------------------


@dataclass(eq=False)
class Class(Component):
    """sh:class: each value node not a SHACL instance of a class is a result with sh:value, once
    per class it lacks (pySHACL checks the classes one by one)."""

    classes: tuple[Term, ...] = ()
    kind = SH.ClassConstraintComponent

    def evaluate(self, run: Run, values: Values) -> Found:
        return [
            self.result(f, v)
            for c in self.classes
            for f, vs in values.items()
            for v in vs
            if isinstance(v, ox.Literal) or not run.is_instance(v, c)
        ]

    def default_messages(self, result: Result, shapes: Describer, data: Describer) -> list[str]:
        if len(self.classes) < 2:
            return [f"Value does not have class {shapes(self.classes[0])}"]
        return ["Value class is not in classes ({})".format(", ".join(shapes(c) for c in self.classes))]


@dataclass(eq=False)
class Datatype(Component):
    """sh:datatype: each value node that is no literal of the datatype, or an ill-typed one
    (:func:`~sakrad_ld.shacl.literals.matches_datatype`), is a result with sh:value."""

    datatype: ox.NamedNode = ox.NamedNode("urn:unset")
    kind = SH.DatatypeConstraintComponent

    def evaluate(self, run: Run, values: Values) -> Found:
        datatype = self.datatype.value
        return self._per_value(values, lambda v: matches_datatype(v, datatype))

    def default_messages(self, result: Result, shapes: Describer, data: Describer) -> list[str]:
        return [f"Value is not Literal with datatype {shapes(self.datatype)}"]


NODE_KINDS = {
    SH.IRI: (ox.NamedNode,),
    SH.BlankNode: (ox.BlankNode,),
    SH.Literal: (ox.Literal,),
    SH.BlankNodeOrIRI: (ox.BlankNode, ox.NamedNode),
    SH.BlankNodeOrLiteral: (ox.BlankNode, ox.Literal),
    SH.IRIOrLiteral: (ox.NamedNode, ox.Literal),
}


@dataclass(eq=False)
class NodeKind(Component):
    """sh:nodeKind: each value node of another kind is a result with sh:value."""

    node_kind: ox.NamedNode = SH.IRI
    kind = SH.NodeKindConstraintComponent

    def evaluate(self, run: Run, values: Values) -> Found:
        kinds = NODE_KINDS.get(self.node_kind, ())
        return self._per_value(values, lambda v: isinstance(v, kinds))

    def default_messages(self, result: Result, shapes: Describer, data: Describer) -> list[str]:
        return [f"Value is not of Node Kind {shapes(self.node_kind)}"]


# --- https://www.w3.org/TR/shacl/#core-components-range -------------------------------------------


@dataclass(eq=False)
class MinInclusive(Component):
    """sh:minInclusive: each value node not >= the bound is a result with sh:value, including
    values that cannot be compared with it (:class:`~sakrad_ld.shacl.literals.Ordering`)."""

    bounds: tuple[Term, ...] = ()
    kind = SH.MinInclusiveConstraintComponent

    def evaluate(self, run: Run, values: Values) -> Found:
        return [
            self.result(f, v) for m in self.bounds for f, vs in values.items() for v in vs if not run.at_least(v, m)
        ]

    def default_messages(self, result: Result, shapes: Describer, data: Describer) -> list[str]:
        if len(self.bounds) < 2:
            return [f"Value is not >= {shapes(self.bounds[0])}"]
        return ["Value is not >= in ({})".format(", ".join(shapes(c) for c in self.bounds))]


# --- https://www.w3.org/TR/shacl/#core-components-string ------------------------------------------


@dataclass(eq=False)
class Pattern(Component):
    """sh:pattern (+ sh:flags): each value node whose string does not match is a result with
    sh:value; blank nodes never match. Like pySHACL: Python's ``re`` searches the lexical form (the
    IRI of an IRI), and of the flags only ``i`` and ``m`` count."""

    patterns: tuple[re.Pattern[str], ...] = ()
    kind = SH.PatternConstraintComponent

    def evaluate(self, run: Run, values: Values) -> Found:
        found: Found = []
        for pattern in self.patterns:
            found += self._per_value(values, lambda v, p=pattern: not isinstance(v, ox.BlankNode) and p.search(v.value))
        return found

    def default_messages(self, result: Result, shapes: Describer, data: Describer) -> list[str]:
        if len(self.patterns) < 2:
            return [f"Value does not match pattern '{self.patterns[0].pattern}'"]
        return ["Value does not match every pattern in ('{}')".format("', '".join(p.pattern for p in self.patterns))]


@dataclass(eq=False)
class LanguageIn(Component):
    """sh:languageIn: each value node without a language tag in the list (matched as pySHACL
    does: the whole tag or its first subtag, case-insensitively; ``*`` for any) is a result with
    sh:value."""

    languages: frozenset[str] = frozenset()
    name: Term | None = None
    kind = SH.LanguageInConstraintComponent

    def evaluate(self, run: Run, values: Values) -> Found:
        return self._per_value(values, self._matches)

    def _matches(self, v: Term) -> bool:
        if not isinstance(v, ox.Literal) or not v.language:
            return False
        lang = v.language.lower()
        return "*" in self.languages or lang in self.languages or lang.split("-")[0] in self.languages

    def default_messages(self, result: Result, shapes: Describer, data: Describer) -> list[str]:
        return [f"String language is not in {shapes(self.name)}"]  # type: ignore[arg-type]


@dataclass(eq=False)
class UniqueLang(Component):
    """sh:uniqueLang true: one result per language tag two value nodes share, without sh:value
    (as pySHACL reports it)."""

    kind = SH.UniqueLangConstraintComponent

    def evaluate(self, run: Run, values: Values) -> Found:
        found: Found = []
        for f, vs in values.items():
            seen: set[str] = set()
            duplicated: set[str] = set()
            for v in vs:
                if isinstance(v, ox.Literal) and v.language:
                    lang = v.language.lower()
                    (duplicated if lang in seen else seen).add(lang)
            found += [self.result(f) for _ in duplicated]
        return found

    def default_messages(self, result: Result, shapes: Describer, data: Describer) -> list[str]:
        return ["More than one String shares the same Language"]


# --- https://www.w3.org/TR/shacl/#core-components-property-pairs ---------------------------------


@dataclass(eq=False)
class Equals(Component):
    """sh:equals: each value node that is not a value of the other property, and each value of
    the other property that is not a value node, is a result with that node as sh:value."""

    predicates: tuple[Term, ...] = ()
    kind = SH.EqualsConstraintComponent

    def evaluate(self, run: Run, values: Values) -> Found:
        found: Found = []
        for predicate in self.predicates:
            for f, vs in values.items():
                mine, theirs = set(vs), set(run.objects(f, predicate))
                found += [self.result(f, v) for v in mine - theirs]
                found += [self.result(f, v) for v in theirs - mine]
        return found

    def default_messages(self, result: Result, shapes: Describer, data: Describer) -> list[str]:
        other = ", ".join(shapes(p) for p in self.predicates)
        return [f"Value of {data(result.focus)}->{other} != {data(_value(result))}"]


@dataclass(eq=False)
class LessThanOrEquals(Component):
    """sh:lessThanOrEquals: for each pair of a value node and a value of the other property where
    the value node is not <= the other, a result with the value node as sh:value (once per pair)."""

    predicates: tuple[Term, ...] = ()
    kind = SH.LessThanOrEqualsConstraintComponent

    def evaluate(self, run: Run, values: Values) -> Found:
        found: Found = []
        for predicate in self.predicates:
            for f, vs in values.items():
                others = run.objects(f, predicate)
                if not others:
                    continue
                for v in vs:
                    found += [self.result(f, v) for o in others if not run.at_most(v, o)]
        return found

    def default_messages(self, result: Result, shapes: Describer, data: Describer) -> list[str]:
        other = ", ".join(shapes(p) for p in self.predicates)
        return [f"Value of {data(result.focus)}->{other} < {data(_value(result))}"]


# --- https://www.w3.org/TR/shacl/#core-components-logical ----------------------------------------


@dataclass(eq=False)
class ShapeLists(Component):
    """A logical component over lists of shapes (https://www.w3.org/TR/shacl/#core-components-logical):
    each list given (a shape may give the parameter more than once) is evaluated on its own, and
    each value node it does not accept is a result with sh:value; the member shapes' own results
    are not reported."""

    lists: tuple[tuple[Shape, ...], ...] = ()
    names: tuple[tuple[Term, ...], ...] = ()
    word = ""

    def evaluate(self, run: Run, values: Values) -> Found:
        nodes = list({v: None for vs in values.values() for v in vs})
        found: Found = []
        for members in self.lists:
            passes = [run.conforming(member, nodes) for member in members]
            accepted = {v for v in nodes if self._accepts(sum(v in p for p in passes), len(members))}
            found += self._per_value(values, accepted.__contains__)
        return found

    def _accepts(self, count: int, members: int) -> bool:
        raise NotImplementedError

    def default_messages(self, result: Result, shapes: Describer, data: Describer) -> list[str]:
        if len(self.names) < 2:
            listed = " , ".join(shapes(m) for m in self.names[0])
        else:
            listed = " and ".join("({})".format(" , ".join(shapes(m) for m in names)) for names in self.names)
        return [f"Node {data(_value(result))} must conform to {self.word} in {listed}"]


@dataclass(eq=False)
class Or(ShapeLists):
    """sh:or: each value node that conforms to none of the shapes of a list is a result."""

    kind = SH.OrConstraintComponent
    word = "one or more shapes"

    def _accepts(self, count: int, members: int) -> bool:
        return count >= 1


@dataclass(eq=False)
class Xone(ShapeLists):
    """sh:xone: each value node that conforms to no shape of a list, or to more than one, is a result."""

    kind = SH.XoneConstraintComponent
    word = "exactly one shape"

    def _accepts(self, count: int, members: int) -> bool:
        return count == 1


@dataclass(eq=False)
class And(ShapeLists):
    """sh:and: each value node that does not conform to every shape of a list is a result."""

    kind = SH.AndConstraintComponent
    word = "all shapes"

    def _accepts(self, count: int, members: int) -> bool:
        return count == members


@dataclass(eq=False)
class Not(Component):
    """sh:not: each value node that conforms to the shape is a result with sh:value, once per
    shape it conforms to."""

    members: tuple[Shape, ...] = ()
    names: tuple[Term, ...] = ()
    kind = SH.NotConstraintComponent

    def evaluate(self, run: Run, values: Values) -> Found:
        nodes = list({v: None for vs in values.values() for v in vs})
        found: Found = []
        for member in self.members:
            passing = run.conforming(member, nodes)
            found += self._per_value(values, lambda v, passing=passing: v not in passing)
        return found

    def default_messages(self, result: Result, shapes: Describer, data: Describer) -> list[str]:
        if len(self.names) == 1:
            return [f"Node {data(_value(result))} must not conform to shape {shapes(self.names[0])}"]
        listed = " , ".join(shapes(n) for n in self.names)
        return [f"Node {data(_value(result))} must not conform to any shapes in {listed}"]


# --- https://www.w3.org/TR/shacl/#core-components-shape ------------------------------------------


@dataclass(eq=False)
class Property(Component):
    """sh:property: each value node is validated against the property shape; its results are the
    results of this shape (https://www.w3.org/TR/shacl/#PropertyConstraintComponent)."""

    properties: tuple[Shape, ...] = ()

    def evaluate(self, run: Run, values: Values) -> Found:
        nodes = list({v: None for vs in values.values() for v in vs})
        found: Found = []
        for prop in self.properties:
            by_node = run.validate(prop, nodes)
            for f, vs in values.items():
                for v in vs:
                    found += [(f, r) for r in by_node.get(v, ())]
        return found


@dataclass(eq=False)
class Node(Component):
    """sh:node: each value node with any result against the node shape (a warning too, as
    pySHACL decides it) is a result with sh:value, once per node shape; the node shape's own
    results are details (https://www.w3.org/TR/shacl/#results-detail), not results of their own."""

    members: tuple[Shape, ...] = ()
    names: tuple[Term, ...] = ()
    kind = SH.NodeConstraintComponent

    def evaluate(self, run: Run, values: Values) -> Found:
        nodes = list({v: None for vs in values.values() for v in vs})
        if not nodes:
            return []
        found: Found = []
        for member in self.members:
            failing = run.validate(member, nodes)
            found += self._per_value(values, lambda v, failing=failing: not failing.get(v))
        return found

    def default_messages(self, result: Result, shapes: Describer, data: Describer) -> list[str]:
        if len(self.names) < 2:
            text = f"Value does not conform to Shape {shapes(self.names[0])}."
        else:
            text = "Value must conform to every Shape in ('{}').".format("', '".join(shapes(n) for n in self.names))
        return [text + " See details for more information."]


@dataclass(eq=False)
class QualifiedValueShape(Component):
    """sh:qualifiedValueShape with sh:qualifiedMinCount / sh:qualifiedMaxCount: a focus node with
    fewer (more) value nodes conforming to the shape gives one result, without sh:value, of the
    QualifiedMinCount (QualifiedMaxCount) component."""

    value_shape: Shape | None = None
    min_count: int | None = None
    max_count: int | None = None

    def evaluate(self, run: Run, values: Values) -> Found:
        assert self.value_shape is not None
        passing = run.conforming(self.value_shape, list({v: None for vs in values.values() for v in vs}))
        found: Found = []
        for f, vs in values.items():
            count = sum(1 for v in vs if v in passing)
            if self.max_count is not None and count > self.max_count:
                found.append(self.result(f, kind=SH.QualifiedMaxCountConstraintComponent))
            if self.min_count is not None and count < self.min_count:
                found.append(self.result(f, kind=SH.QualifiedMinCountConstraintComponent))
        return found

    def default_messages(self, result: Result, shapes: Describer, data: Describer) -> list[str]:
        assert self.value_shape is not None
        counts = (f" MinCount {self.min_count}" if self.min_count is not None else "") + (
            f" MaxCount {self.max_count}" if self.max_count is not None else ""
        )
        return [f"Focus node does not conform to shape{counts}: {shapes(self.value_shape.node)}"]


# --- https://www.w3.org/TR/shacl/#core-components-others -----------------------------------------


@dataclass(eq=False)
class In(Component):
    """sh:in: each value node not in the list is a result with sh:value."""

    members: frozenset[Term] = frozenset()
    names: tuple[Term, ...] = ()
    kind = SH.InConstraintComponent

    def evaluate(self, run: Run, values: Values) -> Found:
        return self._per_value(values, lambda v: v in self.members)

    def default_messages(self, result: Result, shapes: Describer, data: Describer) -> list[str]:
        # pySHACL lists the members in the order of a Python set, which varies between runs; sorted here
        listed = sorted(shapes(n) for n in self.names)
        return [f"Value {data(_value(result))} not in list {listed}"]


@dataclass(eq=False)
class HasValue(Component):
    """sh:hasValue: a focus node without the value among its value nodes gives one result,
    without sh:value, per missing value."""

    required: tuple[Term, ...] = ()
    kind = SH.HasValueConstraintComponent

    def evaluate(self, run: Run, values: Values) -> Found:
        return [self.result(f) for hv in self.required for f, vs in values.items() if hv not in vs]

    def default_messages(self, result: Result, shapes: Describer, data: Describer) -> list[str]:
        listed = [shapes(n) for n in self.required]
        if self.shape.path is not None:
            return [
                f"Node {data(result.focus)}->{_path_text(self.shape, shapes)} "
                f"does not contain a value in the set: {listed}"
            ]
        return [f"Node {data(result.focus)} value is not a in the set of values: {listed}"]


def _value(result: Result) -> Term:
    assert result.value is not None
    return result.value
