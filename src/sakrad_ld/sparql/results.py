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

import unicodedata
from dataclasses import dataclass, field
from typing import Literal

import pyoxigraph as ox

from ..formats import FORMATS, HTML, RESULTS_FORMATS, Format
from ..vocab import PREFIXES

__all__ = ["BOOLEAN_FORMATS", "Answer", "Term", "grid", "rdf_bytes", "results_bytes", "table"]

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
    """A SELECT or ASK answer in a SPARQL results format (``format`` from RESULTS_FORMATS)."""
    if answer.form == "ask":
        parsed = ox.parse_query_results(b"true" if answer.boolean else b"false", format=ox.QueryResultsFormat.TSV)
    elif answer.form == "select":
        if format.name == "tsv":
            return _tsv(answer)
        parsed = ox.parse_query_results(_tsv(answer), format=ox.QueryResultsFormat.TSV)
    else:
        raise ValueError("a CONSTRUCT or DESCRIBE answer is a graph: write it with rdf_bytes")
    return parsed.serialize(format=_OX_RESULTS[format.name])


def rdf_bytes(answer: Answer, format: Format) -> bytes:
    """A CONSTRUCT or DESCRIBE answer in an RDF format (``format`` from FORMATS), sorted so the
    same graph gives the same bytes; JSON-LD is compacted, with the definitions of the published
    context it uses inline, when it has no blank nodes (the compactor names every node), expanded
    otherwise."""
    from ..documents import document_bytes

    triples = sorted(answer.triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    if format.name == "jsonld" and any(isinstance(term, ox.BlankNode) for t in triples for term in t):
        return ox.serialize(triples, format=ox.RdfFormat.JSON_LD)
    return document_bytes(triples, format)


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
