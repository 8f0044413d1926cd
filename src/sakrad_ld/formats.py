"""The one table of formats: name ↔ file suffix ↔ media type ↔ EU file type ↔ writer ↔ where a
release publishes it.

Read by the publisher (:mod:`sakrad_ld.release`), the catalogue's distributions
(:mod:`sakrad_ld.catalogue.files`), content negotiation (:mod:`sakrad_ld.serving.negotiation`), the
static export's documents and web-server rules (:mod:`sakrad_ld.web.static`), the manifest and the
CLI's ``--format`` choices alike. Like oxigraph's ``RdfFormat``, one entry carries everything about
a format; its ``writer`` names the function of :mod:`sakrad_ld.writers` that turns triples into its
bytes. Adding an RDF format is one entry in :data:`FORMATS` (docs/architecture.md).

Media types are IANA's (https://www.iana.org/assignments/media-types/); file types are the EU
Publications Office's authority table (http://publications.europa.eu/resource/authority/file-type).
"""

from __future__ import annotations

import json
import mimetypes
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

import orjson

from .layout import CHECKSUMS

__all__ = [
    "FORMATS",
    "MAX_ACCEPT",
    "MAX_RANGES",
    "json_bytes",
    "Format",
    "HTML",
    "QUAD_FORMATS",
    "RELEASE_GRAPH",
    "RELEASE_MEETINGS",
    "RESULTS_FORMATS",
    "by_name",
    "by_suffix",
    "media_type_of",
    "rdf_format_of",
]

_EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
_IANA = "http://www.iana.org/assignments/media-types/"

#: Where a release publishes a format (:attr:`Format.release`): the whole graph (``sakrad{suffix}``)…
RELEASE_GRAPH = "graph"
#: …and one document per meeting (``meetings/<id>{suffix}``).
RELEASE_MEETINGS = "meetings"


@dataclass(frozen=True)
class Format:
    name: str
    suffix: str
    media_type: str
    eu_file_type: str
    label: str
    #: media types clients send for this format besides the registered one
    aliases: tuple[str, ...] = ()
    #: the function of :mod:`sakrad_ld.writers` that writes triples in this format ("" for formats
    #: written elsewhere: HTML pages, query results, quads)
    writer: str = ""
    #: what a release publishes in this format (RELEASE_GRAPH, RELEASE_MEETINGS)
    release: tuple[str, ...] = ()

    @property
    def iana_iri(self) -> str:
        return _IANA + self.media_type

    @property
    def file_type_iri(self) -> str:
        return _EU_FILE_TYPE + self.eu_file_type


#: The RDF formats of a graph: every resource's document is offered in each (content negotiation, the
#: static export), and the release writes each where its ``release`` says.
FORMATS: tuple[Format, ...] = (
    Format(
        "turtle",
        ".ttl",
        "text/turtle",
        "RDF_TURTLE",
        "Turtle",
        # Turtle is N3 and TriG too (a TriG document of the default graph alone): what a client asking
        # for those reads (rdflib's ``Graph().parse(iri, format="n3")`` sends ``Accept: text/n3``)
        ("application/x-turtle", "text/n3", "application/trig"),
        "turtle",
        (RELEASE_GRAPH, RELEASE_MEETINGS),
    ),
    Format(
        "jsonld",
        ".jsonld",
        "application/ld+json",
        "JSON_LD",
        "JSON-LD",
        ("application/json",),
        "jsonld",
        (RELEASE_GRAPH, RELEASE_MEETINGS),
    ),
    Format(
        "ntriples",
        ".nt",
        "application/n-triples",
        "RDF_N_TRIPLES",
        "N-Triples",
        ("text/plain", "application/n-quads"),  # N-Triples are N-Quads of the default graph
        "ntriples",
        (RELEASE_GRAPH,),
    ),
    Format("rdfxml", ".rdf", "application/rdf+xml", "RDF_XML", "RDF/XML", ("application/xml", "text/xml"), "rdfxml"),
)

#: RDF dataset formats (quads): the graph with one named graph per source document (``sakrad.trig``,
#: ``sakrad.nq``; :mod:`sakrad_ld.quads`). Whole-release files only, not negotiated per resource.
QUAD_FORMATS: tuple[Format, ...] = (
    Format("trig", ".trig", "application/trig", "RDF_TRIG", "TriG"),
    Format("nquads", ".nq", "application/n-quads", "RDF_N_QUADS", "N-Quads"),
)

#: The HTML page about a resource: negotiated beside the RDF formats (``/doc/…/x.html``), but not
#: an RDF format, so it is not in FORMATS (which the catalogue lists as distributions).
HTML = Format("html", ".html", "text/html", "HTML", "HTML", ("application/xhtml+xml",))

#: SPARQL 1.1 query results formats (answers to SELECT and ASK), for ``sakrad-ld query`` and the
#: endpoint (https://www.w3.org/TR/sparql11-results-json/, -xml-res/, -results-csv-tsv/).
RESULTS_FORMATS: tuple[Format, ...] = (
    Format("json", ".srj", "application/sparql-results+json", "JSON", "SPARQL Results JSON", ("application/json",)),
    Format(
        "xml", ".srx", "application/sparql-results+xml", "XML", "SPARQL Results XML", ("application/xml", "text/xml")
    ),
    Format("csv", ".csv", "text/csv", "CSV", "SPARQL Results CSV"),
    Format("tsv", ".tsv", "text/tab-separated-values", "TSV", "SPARQL Results TSV"),
)

#: Media types of release files that are not RDF or query results.
_OTHER_MEDIA_TYPES = {
    ".json": "application/json",
    ".rq": "application/sparql-query",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".svg": "image/svg+xml",
    ".css": "text/css; charset=utf-8",
}


def by_name(name: str, table: tuple[Format, ...] = FORMATS) -> Format:
    """The entry of ``table`` (by default the RDF formats) called ``name``; KeyError if there is none."""
    for f in table:
        if f.name == name:
            return f
    raise KeyError(name)


def by_suffix(suffix: str) -> Format | None:
    return next((f for f in FORMATS if f.suffix == suffix), None)


def rdf_format_of(name: str) -> Format | None:
    """The RDF format (of a graph or of quads) of a file, by its suffix; None for any other file."""
    suffix = PurePosixPath(name).suffix.lower()
    return next((f for f in (*FORMATS, *QUAD_FORMATS) if f.suffix == suffix), None)


def media_type_of(name: str) -> str:
    """The media type a release file is served with, by its suffix (the format table first)."""
    if PurePosixPath(name).name == CHECKSUMS:
        return "text/plain; charset=utf-8"
    suffix = PurePosixPath(name).suffix.lower()
    for f in (*FORMATS, *RESULTS_FORMATS, HTML):
        if f.suffix == suffix:
            return f.media_type + ("; charset=utf-8" if f.media_type.startswith("text/") else "")
    if name.endswith(".schema.json"):
        return "application/schema+json"
    if PurePosixPath(name).name == "csv-metadata.json":  # CSVW metadata (https://www.w3.org/TR/tabular-metadata/)
        return "application/csvm+json"
    return _OTHER_MEDIA_TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"


def json_bytes(doc: Any) -> bytes:
    """``doc`` as ``json.dumps(doc, ensure_ascii=False, indent=2)`` writes it, and a newline, in UTF-8:
    the JSON files of a release (the manifest, the context, the schemas, the report, the tables'
    metadata). A document of only dicts with text keys, lists, tuples, texts, whole numbers, booleans
    and None is written by orjson (in C: byte for byte the same for these, about 50 times faster);
    any other (a float, whose exponent orjson writes otherwise; a whole number orjson refuses; text
    that is not UTF-8) by ``json`` itself, which gives what it gave (or raises what it raised)."""
    if _plain(doc):
        try:
            return orjson.dumps(doc, option=orjson.OPT_INDENT_2) + b"\n"
        except orjson.JSONEncodeError:  # a whole number past 64 bits, a lone surrogate
            pass
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode()


def _plain(doc: Any) -> bool:
    """Whether ``doc`` holds only dicts with text keys, lists, tuples, texts, whole numbers, booleans and None."""
    stack = [doc]
    while stack:
        value = stack.pop()
        kind = type(value)
        if kind is str or kind is int or kind is bool or value is None:
            continue
        if kind is dict:
            if any(type(key) is not str for key in value):
                return False
            stack.extend(value.values())
        elif kind is list or kind is tuple:
            stack.extend(value)
        else:
            return False
    return True


#: Ranges read from one Accept header (the server's negotiation and the static export's rules alike); a
#: header of more is disregarded (anything is accepted).
MAX_RANGES = 64
#: Characters read from one Accept header; a longer header is disregarded (anything is accepted).
MAX_ACCEPT = 2048
