"""A reader of DCAT-AP-SE's RDForms templates (``bundle.json``) that checks a catalogue graph.

DCAT-AP-SE 3.0.1 is published as RDForms templates, not SHACL. A template is a ``text``, ``choice``
or ``group`` item with a ``property`` (a CURIE or an IRI) and a ``cardinality``: ``min`` ≥ 1 is
mandatory (an error in the portal), ``pref`` ≥ 1 recommended (a warning). A group whose
``constraints`` give an ``rdf:type`` is the template of that class; items refer to other templates
by id, and ``extends`` copies a template and overrides some of its keys. A group without a
property holds alternatives (``dct:format`` as a common or another media type): one of them is
enough. A template with ``deps`` applies only where the node has the value it depends on. Choices
bind only with the ``strictmatch`` style, and are checked for IRI values only, since we
deliberately write ``dct:format`` as an EU file-type IRI where DCAT-AP-SE's choices are literal
media types (DCAT-AP 3.0.1 rejects those).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

NAMESPACES = {
    "adms": "http://www.w3.org/ns/adms#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "dcatap": "http://data.europa.eu/r5r/",
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "locn": "http://www.w3.org/ns/locn#",
    "odrs": "http://schema.theodi.org/odrs#",
    "org": "http://www.w3.org/ns/org#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "schema": "http://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "spdx": "http://spdx.org/rdf/terms#",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
}
RDF_TYPE_KEYS = ("rdf:type", str(RDF.type))


@dataclass(frozen=True, order=True)
class Missing:
    """A mandatory or recommended property a resource lacks."""

    level: str  # "mandatory" or "recommended"
    template: str  # the class template, such as "dcat:Dataset"
    property: str  # the property IRI, or the group id for a group of alternatives
    node: str  # the resource


def expand(name: str) -> str:
    if name.startswith(("http://", "https://")):
        return name
    prefix, local = name.split(":", 1)
    if prefix not in NAMESPACES:
        raise KeyError(f"bundle.json uses prefix {prefix!r}, unknown to this reader")
    return NAMESPACES[prefix] + local


class Bundle:
    """The templates of one bundle.json."""

    def __init__(self, path: Path) -> None:
        self.templates: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["templates"]
        self.by_id = {t["id"]: t for t in self.templates if "id" in t}

    def resolve(self, item: str | dict[str, Any]) -> dict[str, Any]:
        template = self.by_id[item] if isinstance(item, str) else item
        if "extends" in template:
            base = self.resolve(template["extends"])
            return {**base, **{k: v for k, v in template.items() if k != "extends"}}
        return template

    def classes(self) -> dict[str, list[str]]:
        """The class templates: group id → the class IRIs its rdf:type constraint names."""
        out = {}
        for t in self.templates:
            constraints = t.get("constraints") or {}
            types = next((constraints[k] for k in RDF_TYPE_KEYS if k in constraints), None)
            if t.get("type") == "group" and types:
                out[t["id"]] = [expand(c) for c in ([types] if isinstance(types, str) else types)]
        return out

    def check(self, graph: Graph) -> list[Missing]:
        """Every mandatory or recommended property the resources of ``graph`` lack."""
        missing: list[Missing] = []
        for group_id, classes in sorted(self.classes().items()):
            nodes = sorted({s for c in classes for s in graph.subjects(RDF.type, URIRef(c))})
            for node in nodes:
                missing += self._check_node(graph, node, group_id, self.by_id[group_id])
        return sorted(set(missing))

    def _check_node(self, graph: Graph, node: Any, class_id: str, group: dict[str, Any]) -> list[Missing]:
        out: list[Missing] = []
        for item in group.get("items", []):
            t = self.resolve(item)
            level = _level(t)
            prop = t.get("property")
            if t.get("type") == "group" and not prop:
                # alternatives: one of the items' properties is enough
                props = [self.resolve(i).get("property") for i in t.get("items", [])]
                present = any(p and (node, URIRef(expand(p)), None) in graph for p in props)
                if level and not present:
                    out.append(Missing(level, class_id, t.get("id", "?"), str(node)))
                continue
            if not prop or not _applies(graph, node, t):
                continue
            values = list(graph.objects(node, URIRef(expand(prop))))
            if level and not values:
                out.append(Missing(level, class_id, expand(prop), str(node)))
            if values and "strictmatch" in t.get("styles", []) and t.get("nodetype") in ("URI", "RESOURCE"):
                allowed = {c["value"] for c in t["choices"]}
                iris = [str(v) for v in values if not isinstance(v, Literal)]
                if iris and not allowed & set(iris):
                    out.append(Missing("mandatory", class_id, f"{expand(prop)} in its choices", str(node)))
            if t.get("type") == "group":
                for value in values:
                    out += self._check_node(graph, value, class_id, t)
        return out


def _applies(graph: Graph, node: Any, template: dict[str, Any]) -> bool:
    """A template with ``deps`` [property, value] applies only to a node that has that value
    (the high-value-dataset category, for datasets under the HVD regulation)."""
    deps = template.get("deps")
    return not deps or (node, URIRef(expand(deps[0])), URIRef(deps[1])) in graph


def _level(template: dict[str, Any]) -> str | None:
    card = template.get("cardinality") or {}
    if card.get("min", 0) >= 1:
        return "mandatory"
    if card.get("pref", 0) >= 1:
        return "recommended"
    return None
