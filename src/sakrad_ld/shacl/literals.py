"""Literals as SHACL compares them: datatype matching (https://www.w3.org/TR/shacl/#DatatypeConstraintComponent)
and value ordering (https://www.w3.org/TR/shacl/#core-components-range, #LessThanOrEqualsConstraintComponent).

The report must equal pySHACL's, and pySHACL answers both questions with rdflib's literals:

- A literal matches ``sh:datatype`` when its datatype is the one asked for and it is not
  *ill-typed*. rdflib calls a literal ill-typed when its lexical-to-value mapping fails, for the
  datatypes it recognises (``rdflib.term.XSDToPython``), or when the value falls outside the range of
  a bounded integer type. :func:`matches_datatype` runs that same mapping on the lexical form, once
  per distinct form, without building rdflib terms; ``"2017-13-45"^^xsd:date`` is ill-typed, while
  ``xsd:gYear`` and the other datatypes rdflib does not recognise are never ill-typed.
- Order between literals follows rdflib's ``Literal`` comparison, including its answers for
  incomparable pairs (a number against a date: no order, so the constraint fails). Value ranges
  are few distinct literals (counts, positions), so :class:`Ordering` builds the rdflib literal once
  per distinct literal and caches every answer.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

import pyoxigraph as ox
from rdflib import Literal
from rdflib.term import XSDToPython

from ..errors import ShapesError
from ..rdflib_edge import rdflib_term
from ..triples import Term

__all__ = ["Ordering", "matches_datatype"]

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RDFS_LITERAL = "http://www.w3.org/2000/01/rdf-schema#Literal"
RDFS_DATATYPE = "http://www.w3.org/2000/01/rdf-schema#Datatype"
XSD_STRING = XSD + "string"


def _in_range(low: int | None, high: int | None) -> Callable[[str, Any], bool]:
    def check(lexical: str, value: Any) -> bool:
        return (
            isinstance(value, int)
            and len(lexical) > 0
            and (low is None or value >= low)
            and (high is None or value <= high)
        )

    return check


#: rdflib's extra well-formedness checks (beyond "the value could be computed") per datatype.
_WELL_FORMED: dict[str, Callable[[str, Any], bool]] = {
    XSD + "boolean": lambda lexical, value: lexical in ("true", "false", "1", "0"),
    XSD + "nonPositiveInteger": _in_range(None, 0),
    XSD + "nonNegativeInteger": _in_range(0, None),
    XSD + "negativeInteger": _in_range(None, -1),
    XSD + "positiveInteger": _in_range(1, None),
    XSD + "int": _in_range(-2147483648, 2147483647),
    XSD + "short": _in_range(-32768, 32767),
    XSD + "byte": _in_range(-128, 127),
    XSD + "unsignedInt": _in_range(0, 4294967295),
    XSD + "unsignedLong": _in_range(0, None),
    XSD + "unsignedShort": _in_range(0, 65535),
    XSD + "unsignedByte": _in_range(0, 255),
}

#: The Python type a value must have for pySHACL to accept it as a value of the datatype.
_VALUE_TYPE: dict[str, type | tuple[type, ...]] = {
    XSD_STRING: (str, bytes),
    XSD + "integer": int,
    XSD + "float": float,
    XSD + "decimal": Decimal,
    XSD + "boolean": bool,
    XSD + "date": date,
    XSD + "time": time,
    XSD + "dateTime": datetime,
}

_CONVERTERS: dict[str, Callable[[str], Any] | None] = {
    str(datatype): convert for datatype, convert in XSDToPython.items() if datatype is not None
}
_checked: dict[tuple[str, str], bool] = {}


def matches_datatype(value: Term, datatype: str) -> bool:
    """Whether ``value`` is a literal of ``datatype`` in pySHACL's sense (see the module)."""
    if not isinstance(value, ox.Literal):
        return False
    if datatype == RDFS_LITERAL:
        return True
    actual = value.datatype.value
    if datatype == RDF_LANG_STRING:
        return value.language is not None
    if datatype == RDFS_DATATYPE:
        return actual not in (XSD_STRING, RDF_LANG_STRING)
    if actual != datatype:
        return False
    key = (value.value, datatype)
    found = _checked.get(key)
    if found is None:
        found = _checked[key] = _well_typed(value.value, datatype)
    return found


def _well_typed(lexical: str, datatype: str) -> bool:
    if datatype not in _CONVERTERS:
        return True  # a datatype rdflib does not recognise: never ill-typed
    convert = _CONVERTERS[datatype]
    if convert is None:
        value: Any = lexical
    else:
        try:
            value = convert(lexical)
        except Exception:  # rdflib treats any failure of the mapping as an ill-typed literal
            return False
    if not _WELL_FORMED.get(datatype, lambda _lexical, v: v is not None)(lexical, value):
        return False
    expected = _VALUE_TYPE.get(datatype)
    return expected is None or isinstance(value, expected)


class Ordering:
    """Comparisons between literals with rdflib's (and so pySHACL's) answers, cached."""

    def __init__(self) -> None:
        self._terms: dict[Term, Any] = {}
        self._at_least: dict[tuple[Term, Term], bool] = {}
        self._at_most: dict[tuple[Term, Term], bool] = {}

    def _rdflib(self, term: Term) -> Any:
        found = self._terms.get(term)
        if found is None:
            found = self._terms[term] = rdflib_term(term)
        return found

    def at_least(self, value: Term, bound: Term) -> bool:
        """``value >= bound`` as pySHACL's sh:minInclusive decides it: false for IRIs and blank
        nodes, for a string against a non-string, and for values rdflib cannot order."""
        key = (value, bound)
        found = self._at_least.get(key)
        if found is None:
            found = self._at_least[key] = self._min_inclusive(value, bound)
        return found

    def _min_inclusive(self, value: Term, bound: Term) -> bool:
        if not isinstance(value, ox.Literal):
            return False
        v, m = self._rdflib(value), self._rdflib(bound)
        if isinstance(v.value, str) != isinstance(m.value, str):
            return False
        try:
            return _compare(v, m) >= 0
        except (TypeError, NotImplementedError):
            return False

    def at_most(self, value: Term, other: Term) -> bool:
        """``value <= other`` as pySHACL's sh:lessThanOrEquals decides it: IRIs and string
        literals compare as strings, a string never compares with a non-string."""
        key = (value, other)
        found = self._at_most.get(key)
        if found is None:
            found = self._at_most[key] = self._less_or_equal(value, other)
        return found

    def _less_or_equal(self, value: Term, other: Term) -> bool:
        (a_is_string, a), (b_is_string, b) = self._comparable(value), self._comparable(other)
        if a_is_string != b_is_string:
            return False
        return bool(a <= b)

    def _comparable(self, term: Term) -> tuple[bool, Any]:
        """Whether pySHACL compares ``term`` as a string, and what it compares."""
        if isinstance(term, ox.NamedNode):
            return True, term.value
        if isinstance(term, ox.BlankNode):
            raise ShapesError(
                f"sh:lessThanOrEquals cannot order the blank node {term} (pySHACL refuses to as well); "
                "give the property IRIs or literals"
            )
        literal = self._rdflib(term)
        return (True, literal.value) if isinstance(literal.value, str) else (False, literal)


#: rdflib value classes pySHACL compares by value rather than as literals (pyshacl.rdfutil.compare).
_BY_VALUE = (datetime, time)


def _compare(a: Literal, b: Literal) -> int:
    """pySHACL's ``compare_literal``: 0, 1 or -1, or TypeError for incomparable literals."""
    if a.eq(b):
        return 0
    if a.value.__class__ in _BY_VALUE:
        if a.value == b.value:
            return 0
        if a.value > b.value:
            return 1
    elif a > b:
        return 1
    return -1
