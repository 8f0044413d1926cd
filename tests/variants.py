"""The variants of one resource are one graph: what the tests of the server and of the static export
share. Each IRI offered in several formats (``/catalog`` → ``/catalog.ttl``, ``.jsonld``, ``.nt``,
``.rdf``) is asked for in each, the 303 followed, and every answer parsed; all must be isomorphic."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pyoxigraph as ox
from graphs import assert_isomorphic
from rdflib import Graph

from sakrad_ld.rdflib_edge import rdflib_term
from sakrad_ld.sparql.store import Release
from sakrad_ld.web.static import graph_rule, minted_paths

#: The RDF formats asked for, by media type.
ASKED = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}

Get = Callable[[str, str], tuple[int, dict[str, str], bytes]]


def negotiated_paths(opened: Release) -> list[str]:
    """The IRIs (paths) offered in several formats besides the things' and roles': the catalogue, the
    dataset and its other IRIs (distributions, linksets, quality measurements …), the release's graph,
    the ontology, the shapes and the SPARQL service description."""
    graph = graph_rule(opened)
    paths = ["/catalog", "/dataset", "/ontology", "/shapes", "/sparql"]
    paths += [graph.path] if graph is not None else []
    paths += minted_paths(opened.store, opened.base_iri, set(opened.files), graph)
    return list(dict.fromkeys(paths))


def _graph(body: bytes, format: ox.RdfFormat, context: dict, base: str) -> Graph:
    if format == ox.RdfFormat.JSON_LD:  # the published context, read from the release (offline)
        doc = json.loads(body)
        if isinstance(doc, dict) and isinstance(doc.get("@context"), str):
            doc["@context"] = context
        body = json.dumps(doc).encode()
    g = Graph()
    for t in ox.parse(body, format, base_iri=base):
        g.add((rdflib_term(t.subject), rdflib_term(t.predicate), rdflib_term(t.object)))
    return g


def variant_differences(get: Get, release: Path, opened: Release, paths: list[str]) -> tuple[list[str], int]:
    """Where the variants of one IRI of ``paths`` are not the same graph (the difference printed), and
    how many IRIs had two variants or more. ``get(path, accept)`` answers without following redirects;
    a format a resource is not offered in (406, 404) is left out."""
    context = json.loads((release / "context.jsonld").read_bytes())["@context"]
    differ, compared = [], 0
    for path in paths:
        graphs: list[tuple[str, str, Graph]] = []
        for media_type, format in ASKED.items():
            status, headers, body = get(path, media_type)
            target = path
            for _ in range(3):
                if status != 303:
                    break
                target = urlsplit(headers["location"]).path
                status, headers, body = get(target, media_type)
            if status != 200:
                continue
            assert headers["content-type"].split(";")[0] == media_type, (path, media_type, headers)
            graphs.append((media_type, target, _graph(body, format, context, opened.base_iri)))
        if len(graphs) < 2:
            continue
        compared += 1
        first = graphs[0]
        for _, target, g in graphs[1:]:
            try:
                assert_isomorphic(first[2], g, f"{path}: {first[1]} ({len(first[2])} triples) and {target} ({len(g)})")
            except AssertionError as error:
                differ.append(str(error))
    return differ, compared
