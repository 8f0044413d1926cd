"""The answer to a SPARQL query, and the bytes it is written as.

An :class:`Answer` is what a query returned, already held to the result cap: the solutions of a
``SELECT``, the truth of an ``ASK``, or the triples of a ``CONSTRUCT``/``DESCRIBE``. It is written
as one of the SPARQL 1.1 results formats (JSON, XML, CSV, TSV: https://www.w3.org/TR/sparql11-results-json/,
https://www.w3.org/TR/rdf-sparql-XMLres/, https://www.w3.org/TR/sparql11-results-csv-tsv/), as
an RDF format of :data:`sakrad_ld.formats.FORMATS`, or as a plain-text table for people (the page
a browser gets is :mod:`sakrad_ld.web.results`).

The results formats are pyoxigraph's own writers: the capped solutions are written as TSV (whose
terms are N-Triples, which pyoxigraph prints) and read back as pyoxigraph solutions to serialise.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal
from xml.parsers import expat

import pyoxigraph as ox

from ..errors import QueryError
from ..formats import FORMATS, HTML, RESULTS_FORMATS, Format
from ..triples import RDF_TYPE
from ..vocab import PREFIXES

__all__ = ["BOOLEAN_FORMATS", "Answer", "NotWritable", "Term", "grid", "rdf_bytes", "results_bytes", "table"]

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple

#: The results formats that define a boolean answer (an ASK's): JSON (§3.2.3 "boolean") and XML
#: (§2.3.2 ``<boolean>``); CSV and TSV define none.
BOOLEAN_FORMATS: tuple[Format, ...] = tuple(f for f in RESULTS_FORMATS if f.name in ("json", "xml"))

_OX_RESULTS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}


@dataclass(frozen=True)
class Answer:
    """What a query returned: ``form`` says which of the other fields holds it."""

    form: Literal["select", "ask", "graph"]
    variables: tuple[str, ...] = ()
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)
    boolean: bool = False
    triples: list[ox.Triple] = field(default_factory=list)

    @property
    def offers(self) -> tuple[Format, ...]:
        """The formats this answer can be written in, the preferred first (HTML, for browsers, last).
        An ASK's are the results formats that have a boolean (:data:`BOOLEAN_FORMATS`): the CSV and
        TSV results formats are for SELECT only (SPARQL 1.1 Query Results CSV and TSV Formats §1)."""
        if self.form == "graph":
            return (*FORMATS, HTML)
        return (*BOOLEAN_FORMATS, HTML) if self.form == "ask" else (*RESULTS_FORMATS, HTML)

    def __len__(self) -> int:
        return len(self.triples) if self.form == "graph" else len(self.rows) if self.form == "select" else 1


def _tsv(answer: Answer) -> bytes:
    lines = ["\t".join("?" + v for v in answer.variables)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in answer.rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def results_bytes(answer: Answer, format: Format) -> bytes:
    """A SELECT or ASK answer in a SPARQL results format (``format`` from RESULTS_FORMATS); as XML,
    well-formed (:func:`_xml_checked`) or NotWritable."""
    if answer.form == "ask":
        parsed = ox.parse_query_results(b"true" if answer.boolean else b"false", format=ox.QueryResultsFormat.TSV)
    elif answer.form == "select":
        if format.name == "tsv":
            return _tsv(answer)
        if format.name == "xml":
            _check_xml_chars((t for row in answer.rows for t in row if t is not None), format)
        parsed = ox.parse_query_results(_tsv(answer), format=ox.QueryResultsFormat.TSV)
    else:
        raise ValueError("a CONSTRUCT or DESCRIBE answer is a graph: write it with rdf_bytes")
    body = parsed.serialize(format=_OX_RESULTS[format.name])
    return _xml_checked(body, format, ()) if format.name == "xml" else body


def rdf_bytes(answer: Answer, format: Format) -> bytes:
    """A CONSTRUCT or DESCRIBE answer in an RDF format (``format`` from FORMATS), sorted so the
    same graph gives the same bytes; JSON-LD is compacted, with the definitions of the published
    context it uses inline, when it has no blank nodes (the compactor names every node), expanded
    otherwise. RDF/XML is well-formed (:func:`_xml_checked`) or NotWritable."""
    from ..documents import document_bytes

    triples = sorted(answer.triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    if format.name == "jsonld" and any(isinstance(term, ox.BlankNode) for t in triples for term in t):
        return ox.serialize(triples, format=ox.RdfFormat.JSON_LD)
    if format.name != "rdfxml":
        return document_bytes(triples, format)
    _check_xml_chars((term for t in triples for term in t), format)
    return _xml_checked(document_bytes(triples, format), format, triples)


# --- XML that parsers read back -------------------------------------------------------------------


class NotWritable(QueryError):
    """An answer a format cannot carry (its message says what and why): another format can. A
    QueryError, so ``sakrad-ld query --format xml`` says so and exits 2."""


#: What XML 1.0 cannot carry, not even as a character reference (§2.2, the Char production).
_NOT_XML_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: The end of an IRI that can be an XML name's local part (roughly NCName: a letter or ``_``
#: first); RDF/XML writes a property, and a class as a typed node, as ``prefix:local``.
_XML_LOCAL_NAME = re.compile(r"[^\W\d][\w.\-\u00b7]*\Z")


def _check_xml_chars(terms: Iterable[Term], format: Format) -> None:
    """NotWritable where a value (a literal, an IRI, a language tag) holds a character XML 1.0 has not."""
    for term in _flat(terms):
        for text in _texts(term):
            if (bad := _NOT_XML_CHAR.search(text)) is not None:
                raise NotWritable(
                    f"this answer cannot be written as {format.media_type}: the value {text[:80]!r} holds "
                    f"U+{ord(bad[0]):04X}, a character XML 1.0 cannot carry, not even as a character "
                    "reference (XML 1.0 §2.2)"
                )


def _flat(terms: Iterable[Term]) -> Iterator[ox.NamedNode | ox.BlankNode | ox.Literal]:
    for term in terms:
        if isinstance(term, ox.Triple):
            yield from _flat((term.subject, term.predicate, term.object))
        else:
            yield term


def _texts(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> tuple[str, ...]:
    if isinstance(term, ox.Literal):
        return (term.value, term.language or "", term.datatype.value)
    return (term.value,)


def _xml_checked(body: bytes, format: Format, triples: Iterable[ox.Triple]) -> bytes:
    """``body`` (XML from pyoxigraph's writer) with each carriage return written ``&#13;``, as a
    parser reads a literal one as a line feed (XML 1.0 §2.11; the writers put none of their own),
    after an XML parser has read it with namespaces: NotWritable where it is not well-formed, naming a property or
    class of ``triples`` that cannot be an XML name (RDF 1.1 XML Syntax §2.2: a property is written
    as a QName) or else the parser's complaint."""
    body = body.replace(b"\r", b"&#13;")
    try:
        expat.ParserCreate(namespace_separator=" ").Parse(body, True)  # names as Namespaces in XML read them
    except expat.ExpatError as error:
        names = sorted(
            {t.predicate.value for t in triples}
            | {t.object.value for t in triples if t.predicate == RDF_TYPE and isinstance(t.object, ox.NamedNode)}
        )
        bad = next((iri for iri in names if not _XML_LOCAL_NAME.search(iri)), None)
        why = (
            f"<{bad}> cannot be written as an XML name (RDF 1.1 XML Syntax §2.2 writes a property "
            "and a typed node's class as prefix:name, and a name does not start with a digit, hold "
            "'(' or ')', or end with '/' or '#')"
            if bad
            else f"the writer's XML is not well-formed ({expat.ErrorString(error.code)}, line {error.lineno})"
        )
        raise NotWritable(f"this answer cannot be written as {format.media_type}: {why}") from None
    return body


# --- a table for people -------------------------------------------------------------------------

_BY_NAMESPACE = sorted(((ns, p) for p, ns in PREFIXES.items()), key=lambda item: -len(item[0]))


def _show(term: Term | None, base: str) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        iri = term.value
        if base and iri.startswith(base) and len(iri) > len(base):
            return "<" + iri[len(base) :] + ">"
        for ns, prefix in _BY_NAMESPACE:
            if iri.startswith(ns) and len(iri) > len(ns) and "/" not in iri[len(ns) :]:
                return f"{prefix}:{iri[len(ns) :]}"
        return f"<{iri}>"
    if isinstance(term, ox.Literal):
        text = " ".join(term.value.split())
        # Swedish is the data's own language: only another language is marked
        return f"{text} @{term.language}" if term.language and term.language != "sv" else text
    return str(term)


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def table(answer: Answer, base: str = "", max_width: int = 80) -> str:
    """The answer as an aligned text table: IRIs under ``base`` relative (``<id/meeting/x>``), known
    namespaces as prefixes, literals as their text (``@en`` marks a language other than Swedish);
    cells past ``max_width`` are cut."""
    if answer.form == "ask":
        return ("yes" if answer.boolean else "no") + "\n"
    header, rows = grid(answer)
    cells = [[_cut(_show(t, base), max_width) for t in row] for row in rows]
    widths = [max([_width(h), *(_width(r[i]) for r in cells)]) for i, h in enumerate(header)]

    def line(values: list[str] | tuple[str, ...]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=False)).rstrip()

    out = [line(header), line(["-" * w for w in widths]), *(line(r) for r in cells)]
    out.append(f"({len(rows)} {'triple' if answer.form == 'graph' else 'row'}{'' if len(rows) == 1 else 's'})")
    return "\n".join(out) + "\n"


def grid(answer: Answer) -> tuple[tuple[str, ...], list[tuple[Term | None, ...]]]:
    """A SELECT answer's variables and rows, or a graph's triples as rows of three."""
    if answer.form == "graph":
        return ("subject", "predicate", "object"), [(t.subject, t.predicate, t.object) for t in answer.triples]
    return answer.variables, answer.rows


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
