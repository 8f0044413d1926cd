"""The endpoint's SPARQL 1.1 Service Description (https://www.w3.org/TR/sparql11-service-description/).

``GET /sparql`` without a query answers the description, negotiated among Turtle, JSON-LD and
RDF/XML (a browser is sent to the query form instead). Clients such as Comunica read it to learn
that the URL is a SPARQL endpoint (§3: "the service description … at the service endpoint URL").

The endpoint's IRI is the **empty relative IRI** ``<>``: it resolves to the URL the description
was fetched from (RFC 3986 §5.1.3), so the description is right on whatever host and port serves
it, and the request's ``Host`` header never reaches the bytes (which caches keep). The dataset
part names the release's graph (``{base}graph/{version}``), which is both the default graph and
available by that name, with its size, and links to the dataset it publishes.
"""

from __future__ import annotations

import json
from xml.sax.saxutils import escape, quoteattr

from ..formats import FORMATS, RESULTS_FORMATS, Format, by_name

__all__ = ["DESCRIPTION_FORMATS", "service_description"]

SD = "http://www.w3.org/ns/sparql-service-description#"
_W3C_FORMATS = "http://www.w3.org/ns/formats/"
_RESULT_FORMAT_NAMES = {
    "json": "SPARQL_Results_JSON",
    "xml": "SPARQL_Results_XML",
    "csv": "SPARQL_Results_CSV",
    "tsv": "SPARQL_Results_TSV",
    "turtle": "Turtle",
    "ntriples": "N-Triples",
    "jsonld": "JSON-LD",
    "rdfxml": "RDF_XML",
}
_PREFIXES = {
    "sd": SD,
    "void": "http://rdfs.org/ns/void#",
    "dct": "http://purl.org/dc/terms/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "formats": _W3C_FORMATS,
}
_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"

#: What the description can be given as (N-Triples cannot hold a relative IRI).
DESCRIPTION_FORMATS: tuple[Format, ...] = (by_name("turtle"), by_name("jsonld"), by_name("rdfxml"))

Term = tuple[str, str]  # ("iri", relative or absolute IRI) or ("int", digits)


def _triples(graph: str, triples: int, dataset: str) -> list[tuple[str, str, Term]]:
    sd, rdf_type = SD, _PREFIXES["rdf"] + "type"
    out: list[tuple[str, str, Term]] = [
        ("", rdf_type, ("iri", sd + "Service")),
        ("", sd + "endpoint", ("iri", "")),
        ("", sd + "supportedLanguage", ("iri", sd + "SPARQL11Query")),
        ("", sd + "defaultEntailmentRegime", ("iri", "http://www.w3.org/ns/entailment/Simple")),
        ("", sd + "defaultDataset", ("iri", "#dataset")),
        *(
            ("", sd + "resultFormat", ("iri", _W3C_FORMATS + _RESULT_FORMAT_NAMES[f.name]))
            for f in (*RESULTS_FORMATS, *FORMATS)
            if f.name in _RESULT_FORMAT_NAMES
        ),
        ("#dataset", rdf_type, ("iri", sd + "Dataset")),
        ("#dataset", sd + "defaultGraph", ("iri", "#graph")),
        ("#graph", rdf_type, ("iri", sd + "Graph")),
        ("#graph", _PREFIXES["void"] + "triples", ("int", str(triples))),
    ]
    if graph:
        out += [
            ("#dataset", sd + "namedGraph", ("iri", "#named-graph")),
            ("#named-graph", rdf_type, ("iri", sd + "NamedGraph")),
            ("#named-graph", sd + "name", ("iri", graph)),
            ("#named-graph", sd + "graph", ("iri", "#graph")),
        ]
    if dataset:
        out.append(("#dataset", _PREFIXES["dct"] + "source", ("iri", dataset)))
    return out


def _turtle(triples: list[tuple[str, str, Term]]) -> str:
    def term(value: str) -> str:
        for prefix, ns in _PREFIXES.items():
            local = value[len(ns) :]
            if value.startswith(ns) and local and all(c.isalnum() or c in "_-" for c in local):
                return f"{prefix}:{local}"
        return f"<{value}>"

    lines = [f"@prefix {p}: <{ns}> ." for p, ns in _PREFIXES.items()] + [""]
    for s, p, (kind, o) in triples:
        obj = f'"{o}"^^<{_INTEGER}>' if kind == "int" else term(o)
        lines.append(f"<{s}> {'a' if p == _PREFIXES['rdf'] + 'type' else term(p)} {obj} .")
    return "\n".join(lines) + "\n"


def _jsonld(triples: list[tuple[str, str, Term]]) -> str:
    nodes: dict[str, dict[str, list[dict[str, str]]]] = {}
    for s, p, (kind, o) in triples:
        value = {"@value": o, "@type": _INTEGER} if kind == "int" else {"@id": o}
        nodes.setdefault(s, {}).setdefault(p, []).append(value)
    return json.dumps([{"@id": s, **props} for s, props in nodes.items()], indent=2) + "\n"


def _rdfxml(triples: list[tuple[str, str, Term]]) -> str:
    out = ['<?xml version="1.0" encoding="utf-8"?>', f'<rdf:RDF xmlns:rdf="{_PREFIXES["rdf"]}">']
    for s, p, (kind, o) in triples:
        ns, _, local = p.rpartition("#") if "#" in p else p.rpartition("/")
        ns += "#" if "#" in p else "/"
        obj = (
            f' rdf:datatype="{_INTEGER}">{escape(o)}</p:{local}>'
            if kind == "int"
            else f" rdf:resource={quoteattr(o)}/>"
        )
        out.append(
            f"  <rdf:Description rdf:about={quoteattr(s)}><p:{local} xmlns:p={quoteattr(ns)}{obj}</rdf:Description>"
        )
    return "\n".join([*out, "</rdf:RDF>"]) + "\n"


def service_description(format: Format, *, graph: str, triples: int, dataset: str) -> bytes:
    """The description in ``format`` (one of DESCRIPTION_FORMATS), of an endpoint whose default
    graph is the release's graph ``graph`` with ``triples`` triples, publishing ``dataset``."""
    writers = {"turtle": _turtle, "jsonld": _jsonld, "rdfxml": _rdfxml}
    return writers[format.name](_triples(graph, triples, dataset)).encode("utf-8")
