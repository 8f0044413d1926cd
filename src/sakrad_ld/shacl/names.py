"""IRIs written by prefixed name, the way rdflib writes them, for pySHACL's default messages.

pySHACL names the terms of a default message with rdflib's ``n3`` and the prefixes of the graph
the term comes from: the prefixes rdflib binds in every new graph (:data:`RDFLIB_PREFIXES`), with
those a Turtle file declares bound over them (:meth:`Names.bind`, rdflib's rules: a new prefix for
a bound namespace replaces the old one; a prefix already taken gets a number). An IRI is split
where rdflib splits it (``rdflib.namespace.split_uri``) and written ``prefix:name`` when the part
before the split is bound, else ``<iri>``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from unicodedata import category

__all__ = ["RDFLIB_PREFIXES", "Names"]

#: The prefixes rdflib 7 binds in a new ``Graph()``.
RDFLIB_PREFIXES: dict[str, str] = {
    "brick": "https://brickschema.org/schema/Brick#",
    "csvw": "http://www.w3.org/ns/csvw#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcam": "http://purl.org/dc/dcam/",
    "dcat": "http://www.w3.org/ns/dcat#",
    "dcmitype": "http://purl.org/dc/dcmitype/",
    "dcterms": "http://purl.org/dc/terms/",
    "doap": "http://usefulinc.com/ns/doap#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "geo": "http://www.opengis.net/ont/geosparql#",
    "odrl": "http://www.w3.org/ns/odrl/2/",
    "org": "http://www.w3.org/ns/org#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "prof": "http://www.w3.org/ns/dx/prof/",
    "prov": "http://www.w3.org/ns/prov#",
    "qb": "http://purl.org/linked-data/cube#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "schema": "https://schema.org/",
    "sh": "http://www.w3.org/ns/shacl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "sosa": "http://www.w3.org/ns/sosa/",
    "ssn": "http://www.w3.org/ns/ssn/",
    "time": "http://www.w3.org/2006/time#",
    "vann": "http://purl.org/vocab/vann/",
    "void": "http://rdfs.org/ns/void#",
    "wgs": "https://www.w3.org/2003/01/geo/wgs84_pos#",
    "xml": "http://www.w3.org/XML/1998/namespace",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

_XMLNS = "http://www.w3.org/XML/1998/namespace"
_NAME_START = ("Ll", "Lu", "Lo", "Lt", "Nl")
_SPLIT_START = (*_NAME_START, "Nd")
_NAME = (*_NAME_START, "Mc", "Me", "Mn", "Lm", "Nd")
_ALLOWED = ("\u00b7", "\u0387", "-", ".", "_", "%", "(", ")")
_INVALID = '<>" {}|\\^`'


def split_iri(iri: str) -> tuple[str, str] | None:
    """rdflib's ``split_uri``: (namespace, local name), or None where rdflib cannot split."""
    if iri.startswith(_XMLNS):
        return _XMLNS, iri.split(_XMLNS)[1]
    length = len(iri)
    for i in range(length):
        c = iri[-i - 1]
        if category(c) not in _NAME:
            if c in _ALLOWED:
                continue
            for j in range(-1 - i, length):
                if category(iri[j]) in _SPLIT_START or iri[j] == "_":
                    namespace = iri[:j]
                    if not namespace:
                        break
                    return namespace, iri[j:]
            break
    return None


class Names:
    """Prefix bindings of one graph, written as rdflib writes IRIs with them."""

    def __init__(self, prefixes: Mapping[str, str] | None = None) -> None:
        self._namespaces: dict[str, str] = {}  # namespace → prefix
        for prefix, namespace in (RDFLIB_PREFIXES if prefixes is None else prefixes).items():
            self._namespaces[namespace] = prefix

    @classmethod
    def declared(cls, declared: Iterable[tuple[str, str]]) -> Names:
        """rdflib's prefixes after it has read files declaring ``declared`` (prefix, namespace)."""
        names = cls()
        for prefix, namespace in declared:
            names.bind(prefix, namespace)
        return names

    def bind(self, prefix: str, namespace: str, *, override: bool = True) -> None:
        """rdflib's ``bind`` (with ``replace=False``): a taken prefix gets a number; with
        ``override`` a bound namespace takes the new prefix, else it keeps its own."""
        old = self._namespaces.get(namespace)
        if old == prefix or (old is not None and not override):
            return
        taken = set(self._namespaces.values())
        if prefix in taken:
            n = 1
            while f"{prefix}{n}" in taken:
                n += 1
            prefix = f"{prefix}{n}"
        self._namespaces[namespace] = prefix

    def __call__(self, iri: str) -> str:
        """``URIRef(iri).n3(namespace_manager)``; the bare IRI where rdflib refuses to write it."""
        if any(c in _INVALID for c in iri):
            return iri  # pySHACL falls back to the bare IRI when rdflib cannot write it
        split = split_iri(iri)
        if split is None:
            return f"<{iri}>"
        prefix = self._namespaces.get(split[0])
        return f"<{iri}>" if prefix is None else f"{prefix}:{split[1]}"
