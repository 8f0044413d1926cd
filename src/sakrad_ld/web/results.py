"""A SPARQL answer as a page for people (what a browser gets from ``/sparql``), and the page of a
query that cannot be run.

Things of the dataset are shown by their names and link to their pages; other IRIs by their
compact form (``dct:title``), linking out; literals as their text. Every answer links to itself as
CSV and JSON (``format=csv`` / ``format=json`` beside the query, :data:`DOWNLOADS`), and the table
scrolls inside its own box. A query the parser refuses gets a page with its line and column and
the query with that line marked, not the Problem Details JSON a program gets.

The page is served at ``/sparql``, so its links are relative to ``sparql`` at the site's root.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlencode

import pyoxigraph as ox

from ..formats import FORMATS, HTML, RESULTS_FORMATS
from ..sparql.results import Answer, Term, grid
from .labels import Labeller, Text, compact
from .paths import page_file
from .render import render
from .resourceview import Value

__all__ = ["DOWNLOADS", "FORMAT_MEDIA_TYPES", "FORMAT_VALUES", "error_page", "format_override", "results_page", "where"]

#: The formats an answer links to as downloads, by the ``format`` parameter's value: (SELECT/ASK
#: media type, CONSTRUCT/DESCRIBE media type).
DOWNLOADS = {
    "csv": ("text/csv", "application/n-triples"),
    "json": ("application/sparql-results+json", "application/ld+json"),
}
_HERE = "sparql"
_WHERE = re.compile(r"(?:error at |line )(\d+)(?::|, column )(\d+)")


#: The values of the ``format`` (or ``output``) parameter, as Fuseki and Virtuoso take them, and the
#: Accept header each stands for: a results format for SELECT and ASK, an RDF format for CONSTRUCT
#: and DESCRIBE (a value naming both kinds, ``json``, ``xml``, ``csv``, gives the one the query's form
#: has; one naming only the other kind is answered 406). A media type stands for itself.
FORMAT_VALUES: dict[str, str] = {
    "json": "application/sparql-results+json, application/ld+json",
    "xml": "application/sparql-results+xml, application/rdf+xml",
    "csv": "text/csv, application/n-triples",
    "tsv": "text/tab-separated-values",
    "html": "text/html",
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "n3": "text/turtle",  # Turtle is N3 too
    "ntriples": "application/n-triples",
    "n-triples": "application/n-triples",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
    "json-ld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
    "rdf+xml": "application/rdf+xml",
    "rdf": "application/rdf+xml",
}
#: The media types ``format`` may name: every results and RDF format's, and HTML's.
FORMAT_MEDIA_TYPES: frozenset[str] = frozenset(
    t for f in (*RESULTS_FORMATS, *FORMATS, HTML) for t in (f.media_type, *f.aliases)
)
#: The parameters that name the answer's format (``output`` is Fuseki's; SPARQLWrapper sends both).
FORMAT_PARAMS = ("format", "output")


def format_override(params: list[tuple[str, str]], accept: str | None) -> str | None:
    """The Accept header a request means: ``format=…`` (or ``output=…``; a download link, which cannot
    set a header) stands for the media types of :data:`FORMAT_VALUES` or for the media type it names;
    without one, the request's own header. ValueError, naming the values taken, for a value that is
    none of them, or for two values naming different formats (the same format named twice, ``tsv``
    and ``text/tab-separated-values`` as SPARQLWrapper sends them, is one)."""
    meant = set()
    for name, value in params:
        value = value.split(";")[0].strip().lower()
        if name not in FORMAT_PARAMS or not value:
            continue
        if value in FORMAT_VALUES:
            meant.add(FORMAT_VALUES[value])
        elif value in FORMAT_MEDIA_TYPES:
            meant.add(value)
        else:
            raise ValueError(
                f"{name}={value[:100]} is not a format of this endpoint; {name} takes "
                f"{', '.join(FORMAT_VALUES)} or a media type ({', '.join(sorted(FORMAT_MEDIA_TYPES))}), "
                "or leave it out and send an Accept header"
            )
    if len(meant) > 1:
        raise ValueError(
            f"the request names {len(meant)} different formats ({'; '.join(sorted(meant))}) in "
            f"{' and '.join(FORMAT_PARAMS)}; name one"
        )
    return meant.pop() if meant else accept


@dataclass(frozen=True)
class Cell:
    value: Value | None
    iri: str | None = None  # the full IRI, as the cell's title


def _cell(term: Term | None, base: str, labels: Labeller) -> Cell:
    if term is None:
        return Cell(None)
    if isinstance(term, ox.NamedNode):
        href = page_file(term.value, base)
        if href is not None:
            return Cell(Value(labels.of(term), href=href), term.value)
        label = labels.label(term)
        url = term.value if term.value.startswith(("http://", "https://")) else None
        return Cell(Value(label, url=url, code=compact(term.value)), term.value)
    if isinstance(term, ox.Literal):
        return Cell(Value(Text(" ".join(term.value.split()), None, term.language or "")))
    return Cell(Value(code=str(term)))


def results_page(answer: Answer, store: ox.Store, base: str, query: str, lang: str = "sv") -> str:
    """The answer as an HTML page: the query (to change and run again), the table, and links to the
    same answer as CSV and JSON."""
    labels = Labeller(store)
    header, rows = grid(answer) if answer.form != "ask" else ((), [])
    table = [[_cell(t, base, labels) for t in row] for row in rows]
    downloads = [
        (
            name.upper(),
            f"{_HERE}?{urlencode({'query': query, 'format': name})}",
            f"sparql-answer.{'nt' if answer.form == 'graph' and name == 'csv' else name}",
        )
        for name in DOWNLOADS
    ]
    if answer.form == "graph":  # a graph is downloaded as N-Triples and JSON-LD
        downloads = [
            ("N-Triples", downloads[0][1], downloads[0][2]),
            ("JSON-LD", downloads[1][1], "sparql-answer.jsonld"),
        ]
    return render(
        "results.html",
        here=_HERE,
        lang=lang,
        site=_Site(),
        licence=None,
        switch=False,
        title="SPARQL",
        query=query,
        form=answer.form,
        boolean=answer.boolean,
        header=header,
        rows=table,
        downloads=downloads,
    )


def where(message: str) -> tuple[int, int] | None:
    """(line, column) of a parser's message (``error at 1:25``, ``line 3, column 7``), if it says."""
    found = _WHERE.search(message)
    return (int(found[1]), int(found[2])) if found else None


def error_page(message: str, query: str, status: int = 400, lang: str = "sv") -> str:
    """The page of a query that could not be run: what is wrong, where (line and column), and the
    query with that line marked, in a form to correct it."""
    at = where(message)
    lines = []
    for n, text in enumerate(query.splitlines() or [""], start=1):
        lines.append(
            {
                "n": n,
                "text": text,
                "marked": at is not None and at[0] == n,
                "caret": " " * (at[1] - 1) + "^" if at is not None and at[0] == n else "",
            }
        )
    return render(
        "results_error.html",
        here=_HERE,
        lang=lang,
        site=_Site(),
        licence=None,
        switch=False,
        title="SPARQL",
        message=message,
        at=at,
        lines=lines,
        query=query,
        status=status,
    )


class _Site:
    """What the page frame needs of the site: the endpoint is there (the page is its answer)."""

    sparql_path = "sparql"
