"""The one table of RDF formats: name ↔ file suffix ↔ media type ↔ EU file type ↔ writer.

Read by the publisher, the catalogue (distributions), content negotiation and the CLI alike.
Media types are IANA's (https://www.iana.org/assignments/media-types/); file types are the EU
Publications Office's authority table (http://publications.europa.eu/resource/authority/file-type).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["FORMATS", "Format", "HTML", "QUAD_FORMATS", "RESULTS_FORMATS", "by_media_type", "by_name", "by_suffix"]

_EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
_IANA = "http://www.iana.org/assignments/media-types/"


@dataclass(frozen=True)
class Format:
    name: str
    suffix: str
    media_type: str
    eu_file_type: str
    label: str
    #: media types clients send for this format besides the registered one
    aliases: tuple[str, ...] = ()

    @property
    def iana_iri(self) -> str:
        return _IANA + self.media_type

    @property
    def file_type_iri(self) -> str:
        return _EU_FILE_TYPE + self.eu_file_type


FORMATS: tuple[Format, ...] = (
    Format("turtle", ".ttl", "text/turtle", "RDF_TURTLE", "Turtle", ("application/x-turtle",)),
    Format("jsonld", ".jsonld", "application/ld+json", "JSON_LD", "JSON-LD", ("application/json",)),
    Format("ntriples", ".nt", "application/n-triples", "RDF_N_TRIPLES", "N-Triples", ("text/plain",)),
    Format("rdfxml", ".rdf", "application/rdf+xml", "RDF_XML", "RDF/XML", ("application/xml", "text/xml")),
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
    Format("xml", ".srx", "application/sparql-results+xml", "XML", "SPARQL Results XML",
           ("application/xml", "text/xml")),
    Format("csv", ".csv", "text/csv", "CSV", "SPARQL Results CSV"),
    Format("tsv", ".tsv", "text/tab-separated-values", "TSV", "SPARQL Results TSV"),
)


def by_name(name: str) -> Format:
    for f in FORMATS:
        if f.name == name:
            return f
    raise KeyError(name)


def by_suffix(suffix: str) -> Format | None:
    return next((f for f in FORMATS if f.suffix == suffix), None)


def by_media_type(media_type: str) -> Format | None:
    media_type = media_type.split(";")[0].strip().lower()
    return next((f for f in FORMATS if media_type == f.media_type or media_type in f.aliases), None)
