"""Literals as SHACL compares them: datatype matching (https://www.w3.org/TR/shacl/#DatatypeConstraintComponent)
and value ordering (https://www.w3.org/TR/shacl/#core-components-range, #LessThanOrEqualsConstraintComponent).

The report must equal pySHACL's, and pySHACL answers both questions with rdflib's literals. This
module gives rdflib's answers on pyoxigraph literals, without rdflib (a test holds it to rdflib on
many literals):

- A literal's *value* is what rdflib's lexical-to-value mapping gives for the datatypes it
  recognises (:data:`_CONVERTERS`: numbers, booleans, dates, times, date-times, durations, binary):
  none for the other datatypes (``xsd:gYear`` among them) and none when the mapping fails. A
  literal is *ill-typed* when the mapping fails or the value breaks the datatype's range (a
  negative ``xsd:nonNegativeInteger``); a literal of a datatype rdflib does not recognise is never
  ill-typed.
- A literal matches ``sh:datatype`` when its datatype is the one asked for and it is not
  ill-typed (:func:`matches_datatype`): ``"2017-13-45"^^xsd:date`` does not match.
- Order between literals follows rdflib's ``Literal`` comparison (``>``, ``<=``, ``eq``),
  including its answers for incomparable pairs (a number against a date: no order, so the
  constraint fails). Value ranges are few distinct literals (counts, positions), so
  :class:`Ordering` caches every answer.
"""

from __future__ import annotations

import re
import sys
from base64 import b64decode
from binascii import unhexlify
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

import pyoxigraph as ox

from ..errors import ShapesError
from ..triples import Term

if TYPE_CHECKING:
    from xml.dom import minidom

__all__ = ["Ordering", "literal_value", "matches_datatype"]

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RDF_XML_LITERAL = "http://www.w3.org/1999/02/22-rdf-syntax-ns#XMLLiteral"
RDFS_LITERAL = "http://www.w3.org/2000/01/rdf-schema#Literal"
RDFS_DATATYPE = "http://www.w3.org/2000/01/rdf-schema#Datatype"
XSD_STRING = XSD + "string"


# --- the lexical-to-value mapping (rdflib.term.XSDToPython, rdflib.xsd_datetime) -------------------


def _xsd_date(text: str) -> date:
    """rdflib's ``parse_xsd_date``: a time zone and a time part are dropped, dashes are required."""
    if text.endswith(("Z", "z")):
        text = text[:-1]
    minus = text.startswith("-")
    if minus:
        text = text[1:]
    if "T" in text:
        text = text.split("T")[0]
    else:
        plus = text.rfind("+")
        if plus > 0:
            text = text[:plus]
        else:
            parts = text.rsplit("-", 1)
            if len(parts) > 1 and ":" in parts[-1]:
                text = parts[0]
    if "-" not in text:
        raise ValueError("XSD Date string must contain at least two dashes")
    return date.fromisoformat("-" + text if minus else text)


_PERIOD = re.compile(
    r"^(?P<sign>[+-])?"
    r"P(?!\b)"
    r"(?P<years>[0-9]+([,.][0-9]+)?Y)?"
    r"(?P<months>[0-9]+([,.][0-9]+)?M)?"
    r"(?P<weeks>[0-9]+([,.][0-9]+)?W)?"
    r"(?P<days>[0-9]+([,.][0-9]+)?D)?"
    r"((?P<separator>T)(?P<hours>[0-9]+([,.][0-9]+)?H)?"
    r"(?P<minutes>[0-9]+([,.][0-9]+)?M)?"
    r"(?P<seconds>[0-9]+([,.][0-9]+)?S)?)?$"
)


@dataclass(frozen=True)
class _Duration:
    """A duration with years or months (rdflib's ``Duration``): equal by its parts, unordered."""

    years: Decimal
    months: Decimal
    rest: timedelta

    def __str__(self) -> str:
        return f"{self.years} years, {self.months} months, {self.rest}"


def _xsd_duration(text: str) -> timedelta | _Duration:
    """rdflib's ``parse_xsd_duration``: a timedelta unless years or months are given."""
    match = _PERIOD.match(text)
    if not match:
        if text.startswith("P"):
            moment = datetime.fromisoformat(text[1:])  # the alternative format; its year is never 0
            return _Duration(
                Decimal(moment.year),
                Decimal(moment.month),
                timedelta(days=moment.day, hours=moment.hour, minutes=moment.minute, seconds=moment.second),
            )
        raise ValueError("Unable to parse duration string " + text)
    groups = match.groupdict()
    number = {k: (v or "0n")[:-1].replace(",", ".") for k, v in groups.items() if k not in ("separator", "sign")}
    rest = timedelta(
        days=float(number["days"]),
        hours=float(number["hours"]),
        minutes=float(number["minutes"]),
        seconds=float(number["seconds"]),
        weeks=float(number["weeks"]),
    )
    years, months = Decimal(number["years"]), Decimal(number["months"])
    if years == 0 and months == 0:
        return -rest if groups["sign"] == "-" else rest
    if groups["sign"] == "-":
        return _Duration(-years, -months, -rest)
    return _Duration(years, months, rest)


def _boolean(text: str) -> bool:
    return text.lower() in ("1", "true")


def _xml(text: str) -> minidom.Document:
    from xml.dom import minidom  # only for rdf:XMLLiteral values, which few data graphs hold

    document = minidom.parseString(f"<rdflibtoplevelelement>{text}</rdflibtoplevelelement>")
    document.normalize()
    return document


#: The datatypes rdflib recognises, and its mapping of each (None: the value is the lexical form).
_CONVERTERS: dict[str, Callable[[str], Any] | None] = {
    XSD + "time": time.fromisoformat,
    XSD + "date": _xsd_date,
    XSD + "dateTime": datetime.fromisoformat,
    XSD + "duration": _xsd_duration,
    XSD + "dayTimeDuration": _xsd_duration,
    XSD + "yearMonthDuration": _xsd_duration,
    XSD + "hexBinary": lambda text: unhexlify(text.encode()),
    XSD_STRING: None,
    XSD + "normalizedString": None,
    XSD + "token": None,
    XSD + "language": None,
    XSD + "boolean": _boolean,
    XSD + "decimal": Decimal,
    **{XSD + name: int for name in ("integer", "nonPositiveInteger", "long", "nonNegativeInteger")},
    **{XSD + name: int for name in ("negativeInteger", "int", "unsignedLong", "positiveInteger", "short")},
    **{XSD + name: int for name in ("unsignedInt", "byte", "unsignedShort", "unsignedByte")},
    XSD + "float": float,
    XSD + "double": float,
    XSD + "base64Binary": b64decode,
    XSD + "anyURI": None,
    RDF_XML_LITERAL: _xml,
}


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

_NUMERIC = frozenset(
    XSD + name
    for name in (
        "integer",
        "decimal",
        "double",
        "float",
        "byte",
        "int",
        "long",
        "negativeInteger",
        "nonNegativeInteger",
        "nonPositiveInteger",
        "positiveInteger",
        "short",
        "unsignedByte",
        "unsignedInt",
        "unsignedLong",
        "unsignedShort",
    )
)


class _Value(NamedTuple):
    """A literal as rdflib holds it: datatype None for a simple or language-tagged string."""

    lexical: str
    datatype: str | None
    language: str | None
    value: Any
    ill_typed: bool | None


_values: dict[tuple[str, str], tuple[Any, bool | None]] = {}


def _map(lexical: str, datatype: str) -> tuple[Any, bool | None]:
    """rdflib's value of a literal and whether it is ill-typed (None: rdflib cannot tell)."""
    key = (lexical, datatype)
    found = _values.get(key)
    if found is None:
        found = _values[key] = _map_once(lexical, datatype)
    return found


def _map_once(lexical: str, datatype: str) -> tuple[Any, bool | None]:
    if datatype not in _CONVERTERS:
        return None, None
    convert = _CONVERTERS[datatype]
    if convert is None:
        return lexical, False
    try:
        value = convert(lexical)
    except Exception:  # rdflib treats any failure of the mapping as an ill-typed literal
        return None, True
    well_formed = _WELL_FORMED.get(datatype, lambda _lexical, v: v is not None)(lexical, value)
    return value, not well_formed


def _literal(term: ox.Literal) -> _Value:
    if term.language:
        return _Value(term.value, None, term.language, term.value, False)
    datatype = term.datatype.value
    if datatype == XSD_STRING:
        return _Value(term.value, None, None, term.value, False)
    value, ill_typed = _map(term.value, datatype)
    return _Value(term.value, datatype, None, value, ill_typed)


def literal_value(term: ox.Literal) -> Any:
    """rdflib's Python value of ``term`` (``Literal.value``): None for a datatype it does not
    recognise and when the lexical form does not map to a value."""
    return _literal(term).value


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
    if datatype not in _CONVERTERS:
        return True  # a datatype rdflib does not recognise: never ill-typed
    found, ill_typed = _map(value.value, datatype)
    if ill_typed:
        return False
    expected = _VALUE_TYPE.get(datatype)
    return expected is None or isinstance(found, expected)


# --- rdflib's Literal comparison -----------------------------------------------------------------


def _total_order(value: Any) -> Any:
    """rdflib's ``_TOTAL_ORDER_CASTERS``: naive before aware date-times and times."""
    if type(value) is datetime:
        return (value.tzinfo is not None and value.tzinfo.utcoffset(value) is not None, value)
    if type(value) is time:
        return (value.tzinfo is not None and value.tzinfo.utcoffset(None) is not None, value)
    if _is_xml(value):
        return value.toxml()
    return None


def _is_xml(value: Any) -> bool:
    """Whether ``value`` is an rdf:XMLLiteral's DOM (:func:`_xml`; none exists before one is read)."""
    minidom = sys.modules.get("xml.dom.minidom")
    return minidom is not None and isinstance(value, minidom.Document)


def _numeric(a: _Value, b: _Value) -> bool:
    return (
        a.datatype in _NUMERIC
        and b.datatype in _NUMERIC
        and not a.ill_typed
        and not b.ill_typed
        and a.value is not None
        and b.value is not None
    )


def _gt(a: _Value, b: _Value) -> bool:
    """``Literal.__gt__``."""
    if _numeric(a, b):
        return bool(a.value > b.value)
    dt_a, dt_b = a.datatype or XSD_STRING, b.datatype or XSD_STRING
    if dt_a != dt_b:
        return dt_a > dt_b
    if a.language != b.language:
        if not a.language:
            return False
        if not b.language:
            return True
        return a.language > b.language
    if a.value is not None and b.value is not None:
        cast = _total_order(a.value)
        if cast is not None:
            return bool(cast > _total_order(b.value))
        try:
            return bool(a.value > b.value)
        except TypeError:
            pass
    if a.lexical != b.lexical:
        return a.lexical > b.lexical
    if a.datatype != b.datatype:
        if a.datatype is None:
            return False
        if b.datatype is None:
            return True
        return a.datatype > b.datatype
    return False


def _eq(a: _Value, b: _Value) -> bool:
    """``Literal.eq``; TypeError where rdflib cannot tell."""
    if _numeric(a, b):
        return bool(a.value == b.value)
    if (a.language or "").lower() != (b.language or "").lower():
        return False
    dt_a, dt_b = a.datatype or XSD_STRING, b.datatype or XSD_STRING
    if dt_a == XSD_STRING and dt_b == XSD_STRING:
        return a.lexical == b.lexical
    if dt_a == RDF_XML_LITERAL and dt_b == RDF_XML_LITERAL and a.value is not None and b.value is not None:
        return bool(a.value.toxml() == b.value.toxml())
    if dt_a != dt_b:
        return False
    if a.value is not None and b.value is not None:
        return bool(a.value == b.value)
    if a.lexical == b.lexical:
        return True
    raise TypeError(f"cannot know whether {a.lexical} and {b.lexical} map to the same value")


def _ge(a: _Value, b: _Value) -> bool | None:
    """``Literal.__ge__``; None for NotImplemented."""
    if _gt(a, b):
        return True
    try:
        return _eq(a, b)
    except TypeError:
        return None


def _le(a: _Value, b: _Value) -> bool:
    """Python's ``a <= b`` on rdflib literals: ``__le__``, then the reflected ``b.__ge__(a)``;
    TypeError when neither answers."""
    if not _gt(a, b):
        try:
            if not _eq(a, b):
                return True  # __lt__
        except TypeError:
            return True  # __lt__ answers NotImplemented, which __le__ takes for true
    try:
        return _eq(a, b)
    except TypeError:
        pass
    reflected = _ge(b, a)
    if reflected is None:
        raise TypeError(f"'<=' not supported between {a.lexical} and {b.lexical}")
    return reflected


#: rdflib value classes pySHACL compares by value rather than as literals (pyshacl.rdfutil.compare).
_BY_VALUE = (datetime, time)


def _compare(a: _Value, b: _Value) -> int:
    """pySHACL's ``compare_literal``: 0, 1 or -1, or TypeError for incomparable literals."""
    if _eq(a, b):
        return 0
    if a.value.__class__ in _BY_VALUE:
        if a.value == b.value:
            return 0
        if a.value > b.value:
            return 1
    elif _gt(a, b):
        return 1
    return -1


class Ordering:
    """Comparisons between literals with rdflib's (and so pySHACL's) answers, cached."""

    def __init__(self) -> None:
        self._at_least: dict[tuple[Term, Term], bool] = {}
        self._at_most: dict[tuple[Term, Term], bool] = {}

    def at_least(self, value: Term, bound: Term) -> bool:
        """``value >= bound`` as pySHACL's sh:minInclusive decides it: false for IRIs and blank
        nodes, for a string against a non-string, and for values rdflib cannot order."""
        key = (value, bound)
        found = self._at_least.get(key)
        if found is None:
            found = self._at_least[key] = self._min_inclusive(value, bound)
        return found

    def _min_inclusive(self, value: Term, bound: Term) -> bool:
        if not isinstance(value, ox.Literal) or not isinstance(bound, ox.Literal):
            return False
        v, m = _literal(value), _literal(bound)
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
        if a_is_string:
            return bool(a <= b)
        try:
            return _le(a, b)
        except TypeError:
            raise ShapesError(
                f"sh:lessThanOrEquals cannot order {value} and {other} (pySHACL fails on them as well)"
            ) from None

    def _comparable(self, term: Term) -> tuple[bool, Any]:
        """Whether pySHACL compares ``term`` as a string, and what it compares."""
        if isinstance(term, ox.NamedNode):
            return True, term.value
        if isinstance(term, ox.BlankNode):
            raise ShapesError(
                f"sh:lessThanOrEquals cannot order the blank node {term} (pySHACL refuses to as well); "
                "give the property IRIs or literals"
            )
        literal = _literal(term)
        return (True, literal.value) if isinstance(literal.value, str) else (False, literal)
