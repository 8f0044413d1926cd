"""A SPARQL answer as a page for people (what a browser gets from ``/sparql``), and the page of a
query that cannot be run.

Things of the dataset are shown by their names and link to their pages in the answer's language; other IRIs by their
compact form (``dct:title``), linking out; literals as their text. Every answer links to itself as
CSV and JSON (``format=csv`` / ``format=json`` beside the query, :data:`DOWNLOADS`; an ASK's, true or
false, as JSON only: the CSV results format has no boolean; the CSV link adds
``bom=1``, so the file begins with a byte order mark as every CSV offered to people does and
spreadsheets read å, ä and ö as UTF-8: :data:`BOM_PARAM`), and the table scrolls inside its own box.
The page is in the language the request asks for (``lang=sv|en``, which every link and form to the
endpoint from the site's pages carries, else ``Accept-Language`` as the site's ``/`` chooses), with a
link to the same answer in the other language. A query the parser refuses gets a page with its line and column and
the query with that line marked, not the Problem Details JSON a program gets.

The page is served at ``/sparql``, so its links are relative to ``sparql`` at the site's root.

A long query never meets a refusal of its length: where a link that carries the query would be longer
than the server takes (:data:`MAX_URL_LENGTH`, path and query string; longer is 414), the page offers
the same thing by POST, which has no such limit: the downloads and the language switch become small
forms (``post_links``) whose buttons look as the links did, the CSV and JSON keeping their file's
name by the ``Content-Disposition`` the endpoint sends for a named ``format``; the form to run the
query again is sent by POST; and the link to the query editor (a static page, which cannot take a
POST) carries the query in its fragment (``query.html#query=…``), which no server is sent and the
editor's script reads. A browser that
sends a too-long address anyway gets :func:`too_long_page`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlencode

import pyoxigraph as ox

from ..formats import FORMATS, HTML, RESULTS_FORMATS, Format
from ..sparql.results import Answer, Term, grid
from .labels import Labeller, Text, compact, literal_language
from .paths import LANGUAGES, page_file, translated
from .queryerror import explain
from .render import messages, render
from .resourceview import Value

__all__ = [
    "BOM_PARAM",
    "DOWNLOADS",
    "FORMAT_MEDIA_TYPES",
    "FORMAT_VALUES",
    "LANG_PARAM",
    "named_language",
    "error_page",
    "format_override",
    "MAX_URL_LENGTH",
    "download_name",
    "fits_in_address",
    "results_page",
    "too_long_page",
    "where",
]

#: The formats an answer links to as downloads, by the ``format`` parameter's value: (SELECT/ASK
#: media type, CONSTRUCT/DESCRIBE media type).
DOWNLOADS = {
    "csv": ("text/csv", "application/n-triples"),
    "json": ("application/sparql-results+json", "application/ld+json"),
}
_HERE = "sparql"
#: The file names of the answer's downloads, by media type (where it is not the formats table's suffix).
_DOWNLOAD_SUFFIXES = {"application/sparql-results+json": ".json", "application/sparql-results+xml": ".xml"}
#: The parameter that names the answer page's language (``sv`` or ``en``).
LANG_PARAM = "lang"


def named_language(params: list[tuple[str, str]]) -> str | None:
    """The first language of the site's that the parameters name by :data:`LANG_PARAM` (``lang=EN ``
    is ``en``); None where none does (the caller takes Accept-Language's)."""
    named = (value.strip().lower() for name, value in params if name == LANG_PARAM)
    return next((lang for lang in named if lang in LANGUAGES), None)


#: The parameter by which the answer page's CSV link asks for a CSV that begins with a byte order mark.
BOM_PARAM = "bom"
#: The longest request target (path and query string) the server answers; longer ones get 414 (a
#: long SPARQL query is sent by POST). The site's script (assets/js/page.js) sends a form by POST
#: past the same length.
MAX_URL_LENGTH = 8192
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
#: The formats ``format`` may name by a media type (registered or alias): every results and RDF
#: format, and HTML, in the order a value naming several lists them.
_NAMEABLE: tuple[Format, ...] = (*RESULTS_FORMATS, *FORMATS, HTML)
#: The media types ``format`` may name: every results and RDF format's, and HTML's.
FORMAT_MEDIA_TYPES: frozenset[str] = frozenset(t for f in _NAMEABLE for t in (f.media_type, *f.aliases))
#: The parameters that name the answer's format (``output`` is Fuseki's; SPARQLWrapper sends both).
FORMAT_PARAMS = ("format", "output")


def _formats(value: str) -> tuple[Format, ...] | None:
    """The formats one value of ``format`` stands for, in :data:`_NAMEABLE`'s order: a name of
    :data:`FORMAT_VALUES`, a media type, or a comma-separated list of media types as an Accept
    header has them (SPARQLWrapper sends ``application/ld+json,application/x-json+ld``; the types
    of it this endpoint does not know are passed over). None when it names no format."""
    named: set[str] = set()
    for item in value.split(",")[:32]:
        item = item.split(";")[0].strip().lower()
        if item in FORMAT_VALUES:
            named.update(t.strip() for t in FORMAT_VALUES[item].split(","))
        elif item in FORMAT_MEDIA_TYPES:
            named.add(item)
    found = tuple(f for f in _NAMEABLE if named & {f.media_type, *f.aliases})
    return found or None


def format_override(params: list[tuple[str, str]], accept: str | None) -> str | None:
    """The Accept header a request means: ``format=…`` (or ``output=…``; a download link, which cannot
    set a header) stands for the media types of :data:`FORMAT_VALUES`, for the media type it names
    or for the known types of a comma-separated list of them; without one, the request's own header.
    Several values mean the formats they all name (SPARQLWrapper sends ``format=json-ld`` and
    ``format=application/ld+json,application/x-json+ld``, ``tsv`` and ``text/tab-separated-values``:
    one format each). ValueError, naming the values taken, for a value that names no format, or for
    values that have no format in common."""
    meant: tuple[Format, ...] | None = None
    for name, value in params:
        if name not in FORMAT_PARAMS or not value.split(";")[0].strip():
            continue
        formats = _formats(value)
        if formats is None:
            raise ValueError(
                f"{name}={value[:100]} is not a format of this endpoint; {name} takes "
                f"{', '.join(FORMAT_VALUES)} or a media type ({', '.join(sorted(FORMAT_MEDIA_TYPES))}), "
                "or leave it out and send an Accept header"
            )
        both = formats if meant is None else tuple(f for f in meant if f in formats)
        if not both:
            assert meant is not None
            raise ValueError(
                f"the request names 2 different formats ({', '.join(f.media_type for f in meant)}; "
                f"{', '.join(f.media_type for f in formats)}) in {' and '.join(FORMAT_PARAMS)}; name one"
            )
        meant = both
    return ", ".join(f.media_type for f in meant) if meant else accept


@dataclass(frozen=True)
class Cell:
    value: Value | None
    iri: str | None = None  # the full IRI, as the cell's title


def _cell(term: Term | None, base: str, labels: Labeller, lang: str = "sv") -> Cell:
    """A term as a table cell; a thing of the dataset links to its page in the answer's language
    (``en/doc/…`` on an English answer), as every other link of the page does."""
    if term is None:
        return Cell(None)
    if isinstance(term, ox.NamedNode):
        href = page_file(term.value, base)
        if href is not None:
            href = translated(href, lang)
            return Cell(Value(labels.of(term), href=href), term.value)
        label = labels.label(term)
        url = term.value if term.value.startswith(("http://", "https://")) else None
        return Cell(Value(label, url=url, code=compact(term.value)), term.value)
    if isinstance(term, ox.Literal):
        return Cell(Value(Text(" ".join(term.value.split()), None, literal_language(term))))
    return Cell(Value(code=str(term)))


def results_page(answer: Answer, store: ox.Store, base: str, query: str, lang: str = "sv") -> str:
    """The answer as an HTML page: the query (to change and run again), the table, and links to the
    same answer as CSV and JSON."""
    labels = Labeller(store)
    header, rows = grid(answer) if answer.form != "ask" else ((), [])
    table = [[_cell(t, base, labels, lang) for t in row] for row in rows]
    downloads = [
        Download(
            name.upper(),
            (("query", query), ("format", name), *((BOM_PARAM, "1"),) * (name == "csv" and answer.form != "graph")),
            f"sparql-answer.{'nt' if answer.form == 'graph' and name == 'csv' else name}",
        )
        for name in DOWNLOADS
    ]
    if answer.form == "graph":  # a graph is downloaded as N-Triples and JSON-LD
        downloads = [
            Download("N-Triples", downloads[0].params, downloads[0].name),
            Download("JSON-LD", downloads[1].params, "sparql-answer.jsonld"),
        ]
    elif answer.form == "ask":  # true or false: CSV has no boolean (the endpoint answers format=csv 406)
        downloads = [d for d in downloads if d.label != "CSV"]
    return _page(
        "results.html",
        query,
        lang,
        form=answer.form,
        boolean=answer.boolean,
        header=header,
        rows=table,
        downloads=downloads,
    )


def download_name(media_type: str) -> str:
    """The file name of an answer downloaded as ``media_type`` (the answer page's links name the
    same): ``sparql-answer.csv``, ``.json``, ``.nt``, ``.jsonld``…"""
    media_type = media_type.split(";")[0].strip().lower()
    suffix = _DOWNLOAD_SUFFIXES.get(media_type) or next(
        (f.suffix for f in _NAMEABLE if media_type in (f.media_type, *f.aliases)), ".txt"
    )
    return "sparql-answer" + suffix


def where(message: str) -> tuple[int, int] | None:
    """(line, column) of a parser's message (``error at 1:25``, ``line 3, column 7``), if it says."""
    found = _WHERE.search(message)
    return (int(found[1]), int(found[2])) if found else None


def error_page(
    message: str, query: str, status: int = 400, lang: str = "sv", said: tuple[str, dict[str, str]] | None = None
) -> str:
    """The page of a query that could not be run: what is wrong (shortly, in the page's language, for
    the parser's common refusals: :func:`sakrad_ld.web.queryerror.explain`, or by the words ``said``,
    a message key and its values: a refusal by the endpoint's own rule, a query it stopped past its time
    or memory limit, or could not take; the English message below it, marked as the parser's or the
    endpoint's), where (line and column), and the query with that line marked, in a form to correct it
    (to run it again, where the query was not at fault: a 429, 502 or 503 other than a limit's)."""
    explained = explain(message, query, said)
    # no place of fault where the query was not at fault (a store's own message may name its lines)
    at = None if explained.key in _NOT_THE_QUERYS_FAULT else where(message)
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
    return _page(
        "results_error.html",
        query,
        lang,
        message=message,
        explained=explained,
        at=at,
        lines=lines,
        status=status,
        again=explained.key in _NOT_THE_QUERYS_FAULT,
    )


#: The message keys of a query not answered for no fault of its own (the server was busy, its
#: store failed): the page offers to run it again, not to correct it.
_NOT_THE_QUERYS_FAULT = frozenset(
    ("query_busy", "query_busy_sending", "query_busy_sending_you", "query_store_failed", "query_not_ready")
)


def _page(template: str, query: str, lang: str, **context: object) -> str:
    """A page of the endpoint about ``query``: ``template`` in ``lang``, with a link to the same page
    in the other language; by POST forms where links carrying the query would be too long."""
    other = "en" if lang == "sv" else "sv"
    switch = (("query", query), (LANG_PARAM, other))
    long = not fits_in_address(*switch) or not fits_in_address(("query", query), (LANG_PARAM, lang))
    return render(
        template,
        here=_HERE,
        lang=lang,
        site=_Site(),
        licence=None,
        switch_to=_address(*switch),
        switch_form=list(switch) if long else None,
        post_links=long,
        editor_query=_for_editor(query, long),
        title="SPARQL",
        query=query,
        **context,
    )


@dataclass(frozen=True)
class Download:
    """A download of the answer: its link's text, the parameters beside the query's, its file's name."""

    label: str
    params: tuple[tuple[str, str], ...]
    name: str

    @property
    def href(self) -> str:
        return _address(*self.params)

    @property
    def fits(self) -> bool:
        """Whether the download can be a link (its address within the server's limit), else a POST form."""
        return fits_in_address(*self.params)


def _for_editor(query: str, long: bool) -> str:
    """What the link to the query editor adds to its address to open with ``query``: ``?query=…``,
    or, for a query too long for an address, ``#query=…`` (a fragment, never sent to the server;
    assets/js/query.js reads either). Nothing for no query."""
    return ("#" if long else "?") + urlencode({"query": query}) if query else ""


def _address(*params: tuple[str, str]) -> str:
    return f"{_HERE}?{urlencode(params)}"


def fits_in_address(*params: tuple[str, str]) -> bool:
    """Whether a GET of ``/sparql`` with ``params``, URL-encoded as a browser sends a form, is within
    the server's :data:`MAX_URL_LENGTH` (path and query string)."""
    sent = [(n, v.replace("\r\n", "\n").replace("\n", "\r\n")) for n, v in params]  # a form's line breaks: CR LF
    return len("/" + _HERE) + len(urlencode(sent)) <= MAX_URL_LENGTH


def too_long_page(length: int, query: str, lang: str = "sv") -> str:
    """The page a browser gets for an address longer than :data:`MAX_URL_LENGTH` (414): what is
    wrong, in ``lang``, and the query (``query``, if the address carried one) in a form sent by POST.
    Its links are from the site's root: it answers at any address."""
    return render(
        "results_error.html",
        here=_HERE,
        lang=lang,
        site=_Site(),
        licence=None,
        absolute=True,
        switch=False,
        title="SPARQL",
        query=query,
        notice=messages(lang)["query_too_long"].format(length=length, limit=MAX_URL_LENGTH),
        post_links=False,
        editor_query=_for_editor(query, True),
        explained=None,
        at=None,
        lines=[],
        status=414,
    )


class _Site:
    """What the page frame needs of the site: the endpoint is there (the page is its answer)."""

    sparql_path = "sparql"
