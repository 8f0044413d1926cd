"""Compacted JSON-LD that reads like ordinary JSON (https://www.w3.org/TR/json-ld11/).

Writes a graph against the published context (``assets/context.jsonld``) directly, without a
general JSON-LD processor: short keys, language maps for text, a meeting with its questions and
participations nested. The rules are the JSON-LD 1.1 compaction rules restricted to what the
context defines; the tests check the output expands to the same graph in rdflib, pyoxigraph and
pyld. A resource is nested in the one whose IRI its own extends (``…/meeting/x/question/1`` in
``…/meeting/x``); every other link is an ``id`` reference. Output is sorted, so it is
deterministic.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from .layout import CONTEXT_FILE
from .vocab import RDF, SCHEMA, XSD

__all__ = ["CONTEXT_FILE", "context_document", "to_jsonld"]


@cache
def context_document() -> dict[str, Any]:
    """The published context, as the release ships it."""
    return json.loads(resources.files("sakrad_ld").joinpath("assets", CONTEXT_FILE).read_text("utf-8"))


@dataclass(frozen=True)
class _Terms:
    by_key: dict[tuple[str, str], tuple[str, str]]  # (predicate, value kind) → (term, container)
    classes: dict[str, str]  # IRI → term, for types and @vocab values
    prefixes: list[tuple[str, str]]  # (namespace, prefix), longest namespace first


@cache
def _terms() -> _Terms:
    ctx = context_document()["@context"]
    prefixes = [(v, k) for k, v in ctx.items() if isinstance(v, str) and v.endswith(("/", "#"))]
    prefixes.sort(key=lambda nv: -len(nv[0]))

    def expand(value: str) -> str:
        head, _, tail = value.partition(":")
        if head in ctx and isinstance(ctx[head], str) and ctx[head].endswith(("/", "#")):
            return ctx[head] + tail
        return value

    by_key: dict[tuple[str, str], tuple[str, str]] = {}
    classes: dict[str, str] = {}
    for term, definition in ctx.items():
        if term.startswith("@") or term in ("id", "type"):
            continue
        if isinstance(definition, str):
            if definition.endswith(("/", "#")):
                continue
            iri = expand(definition)
            classes.setdefault(iri, term)
            by_key.setdefault((iri, "plain"), (term, ""))
            continue
        iri = expand(definition["@id"])
        container = definition.get("@container", "")
        kind = definition.get("@type")
        if container == "@language":
            by_key[(iri, "lang")] = (term, container)
        elif kind in ("@id", "@vocab"):
            by_key[(iri, kind)] = (term, container)
        elif kind:
            by_key[(iri, expand(kind))] = (term, container)
        else:
            by_key[(iri, "plain")] = (term, container)
    return _Terms(by_key, classes, prefixes)


def _compact_iri(iri: str, terms: _Terms) -> str:
    for ns, prefix in terms.prefixes:
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def to_jsonld(graph: Graph | Iterable[tuple[Node, Node, Node]], context: str | dict[str, Any]) -> bytes:
    """The graph as compacted JSON-LD whose ``@context`` is ``context`` (a URL or an object)."""
    terms = _terms()
    by_subject: dict[Node, list[tuple[Node, Node]]] = defaultdict(list)
    for s, p, o in graph:
        by_subject[s].append((p, o))
    subjects = sorted(by_subject, key=str)
    parent: dict[Node, Node] = {}
    for s in subjects:
        for p, o in by_subject[s]:
            if isinstance(o, URIRef) and o in by_subject and str(o).startswith(str(s) + "/"):
                # the nearest enclosing IRI wins (a participation inside a meeting, not the dataset)
                if o not in parent or len(str(s)) > len(str(parent[o])):
                    parent[o] = s
    nodes = [_node(s, by_subject, parent, terms) for s in subjects if s not in parent]
    doc = {"@context": context, "@graph": nodes}
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _node(s: Node, by_subject: dict[Node, list[tuple[Node, Node]]], parent: dict[Node, Node],
          terms: _Terms) -> dict[str, Any]:
    out: dict[str, Any] = {"id": str(s)}
    types = sorted(terms.classes.get(str(o), _compact_iri(str(o), terms))
                   for p, o in by_subject[s] if p == RDF.type)
    if types:
        out["type"] = types[0] if len(types) == 1 else types
    values: dict[str, list[Any]] = defaultdict(list)
    containers: dict[str, str] = {}
    for p, o in by_subject[s]:
        if p == RDF.type:
            continue
        key, container, value = _entry(p, o, terms)
        if isinstance(o, URIRef) and parent.get(o) == s:
            value = _node(o, by_subject, parent, terms)
        values[key].append(value)
        containers[key] = container
    for key in sorted(values):
        items = values[key]
        if containers[key] == "@language":
            langmap: dict[str, list[str]] = defaultdict(list)
            for lang, text in items:
                langmap[lang].append(text)
            out[key] = {lang: (v[0] if len(v) == 1 else sorted(v)) for lang, v in sorted(langmap.items())}
            continue
        items.sort(key=lambda v: _order(v, by_subject))
        out[key] = items if (containers[key] == "@set" or len(items) > 1) else items[0]
    return out


def _entry(p: Node, o: Node, terms: _Terms) -> tuple[str, str, Any]:
    """(key, container, value) for one statement; falls back to a compact IRI and a value object."""
    piri = str(p)
    if isinstance(o, URIRef):
        for kind in ("@id", "@vocab"):
            if (hit := terms.by_key.get((piri, kind))) is not None:
                term, container = hit
                value = terms.classes.get(str(o), str(o)) if kind == "@vocab" else str(o)
                return term, container, value
        return _compact_iri(piri, terms), "", {"@id": str(o)}
    assert isinstance(o, Literal), f"blank nodes are not written: {o!r}"
    if o.language:
        if (hit := terms.by_key.get((piri, "lang"))) is not None:
            return hit[0], hit[1], (o.language, str(o))
        return _compact_iri(piri, terms), "", {"@value": str(o), "@language": o.language}
    datatype = str(o.datatype or XSD.string)
    if (hit := terms.by_key.get((piri, datatype))) is not None:
        return hit[0], hit[1], str(o)
    if (hit := terms.by_key.get((piri, "plain"))) is not None:
        if datatype == str(XSD.string):
            return hit[0], hit[1], str(o)
        if datatype == str(XSD.integer) and _canonical_int(str(o)):
            return hit[0], hit[1], int(str(o))
        if datatype == str(XSD.boolean) and str(o) in ("true", "false"):
            return hit[0], hit[1], str(o) == "true"
    value: dict[str, Any] = {"@value": str(o)}
    if datatype != str(XSD.string):
        value["@type"] = _compact_iri(datatype, terms)
    return (hit[0] if hit else _compact_iri(piri, terms)), "", value


def _canonical_int(text: str) -> bool:
    return text == str(int(text)) if text.lstrip("-").isdigit() else False


def _order(value: Any, by_subject: dict[Node, list[tuple[Node, Node]]]) -> tuple[int, str]:
    """Nested resources in ``schema:position`` order, everything else by its text."""
    if isinstance(value, dict) and "id" in value:
        for p, o in by_subject.get(URIRef(value["id"]), []):
            if p == SCHEMA.position and isinstance(o, Literal) and _canonical_int(str(o)):
                return (int(str(o)), value["id"])
        return (1 << 30, value["id"])
    return (1 << 30, json.dumps(value, sort_keys=True, ensure_ascii=False))
