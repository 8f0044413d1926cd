"""The classes and properties the query editor suggests while a person types (YASGUI's Yasqe,
``assets/yasgui/``): every class and property the release's ontology declares or its data uses,
read from the store once when the query page is prepared (:mod:`sakrad_ld.web.sitefiles`), so the
editor asks no service on the web for them.
"""

from __future__ import annotations

import pyoxigraph as ox

__all__ = ["sparql_terms"]

_CLASSES = """SELECT DISTINCT ?c WHERE {
  { ?x a ?c } UNION { ?c a <http://www.w3.org/2002/07/owl#Class> } UNION { ?c a <http://www.w3.org/2000/01/rdf-schema#Class> }
  FILTER(isIRI(?c))
}"""
_PROPERTY_TYPES = (
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#Property",
    "http://www.w3.org/2002/07/owl#ObjectProperty",
    "http://www.w3.org/2002/07/owl#DatatypeProperty",
    "http://www.w3.org/2002/07/owl#AnnotationProperty",
)
_PROPERTIES = f"""SELECT DISTINCT ?p WHERE {{
  {{ ?x ?p ?y }} UNION {{ ?p a ?t VALUES ?t {{ {" ".join(f"<{t}>" for t in _PROPERTY_TYPES)} }} }}
  FILTER(isIRI(?p))
}}"""


def sparql_terms(store: ox.Store) -> dict[str, list[str]]:
    """``{"classes": [IRI, …], "properties": [IRI, …]}``, each sorted, for the editor's completion."""
    classes = sorted({r["c"].value for r in store.query(_CLASSES)})  # type: ignore[union-attr]
    properties = sorted({r["p"].value for r in store.query(_PROPERTIES)})  # type: ignore[union-attr]
    return {"classes": classes, "properties": properties}
