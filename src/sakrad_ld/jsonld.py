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

import io
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, BinaryIO, NamedTuple

import orjson
import pyoxigraph as ox

from .layout import CONTEXT_FILE
from .serialize import ReleaseOrder, SortedTriples
from .triples import RDF_TYPE, Index, Term, Triple
from .vocab import SCHEMA, XSD

__all__ = ["CONTEXT_FILE", "context_document", "framed_jsonld", "to_jsonld"]

_POSITION = SCHEMA.position
_XSD_STRING, _XSD_INTEGER, _XSD_BOOLEAN = XSD.string.value, XSD.integer.value, XSD.boolean.value


@cache
def context_document() -> dict[str, Any]:
    """The published context, as the release ships it."""
    return json.loads(resources.files("sakrad_ld").joinpath("assets", CONTEXT_FILE).read_text("utf-8"))


@dataclass(frozen=True)
class _Terms:
    by_key: dict[tuple[str, str], tuple[str, str]]  # (predicate, value kind) → (term, container)
    classes: dict[str, str]  # IRI → term, for types and @vocab values
    prefixes: list[tuple[str, str]]  # (namespace, prefix), longest namespace first
    #: IRI → its compact form, as worked out (the vocabulary's IRIs come back at every statement)
    compacted: dict[str, str] = field(default_factory=dict)
    #: a type's IRI → how ``type`` shows it (its term, or its compact IRI)
    types: dict[str, str] = field(default_factory=dict)
    #: a predicate → :func:`_linking`
    linking: dict[ox.NamedNode, tuple[bool, bool]] = field(default_factory=dict)


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
    compact = terms.compacted.get(iri)
    if compact is None:
        compact = terms.compacted[iri] = next(
            (
                f"{prefix}:{iri[len(ns) :]}"
                for ns, prefix in terms.prefixes
                if iri.startswith(ns) and len(iri) > len(ns)
            ),
            iri,
        )
    return compact


def _type_name(iri: str, terms: _Terms) -> str:
    """How ``type`` shows a class: its term of the context, or its compact IRI."""
    name = terms.types.get(iri)
    if name is None:
        name = terms.types[iri] = terms.classes.get(iri) or _compact_iri(iri, terms)
    return name


#: Each subject's statements by its IRI: predicate → objects.
_Subjects = Mapping[str, Mapping[ox.NamedNode, Sequence[Term]]]
_EMPTY: Mapping[ox.NamedNode, Sequence[Term]] = {}


def _subjects(triples: Iterable[Triple]) -> _Subjects:
    """The triples by subject: an index's own look-up, or what the list's maker grouped (nothing
    collected), or collected."""
    if isinstance(triples, SortedTriples) and triples.by_subject is not None:
        return triples.by_subject  # type: ignore[return-value]
    index = triples.index if isinstance(triples, ReleaseOrder) else triples
    if isinstance(index, Index):
        out: dict[str, Mapping[ox.NamedNode, Sequence[Term]]] = {}
        for s in index.subjects():
            assert type(s) is ox.NamedNode, f"blank nodes are not written: {s!r}"
            out[s.value] = index.properties(s)  # type: ignore[assignment]
        return out
    collected: dict[str, dict[ox.NamedNode, list[Term]]] = {}
    for s, p, o in triples:
        assert type(s) is ox.NamedNode, f"blank nodes are not written: {s!r}"
        by_p = collected.get(s.value)
        if by_p is None:
            by_p = collected[s.value] = {}
        objects = by_p.get(p)  # type: ignore[call-overload]
        if objects is None:
            by_p[p] = [o]  # type: ignore[index]
        else:
            objects.append(o)
    return collected


def to_jsonld(triples: Iterable[Triple], context: str | dict[str, Any], output: BinaryIO | None = None) -> bytes:
    """Triples of pyoxigraph terms as compacted JSON-LD whose ``@context`` is ``context`` (a URL or an
    object). With ``output``, the document is written there node by node (never held whole) and
    nothing is returned; the bytes are the same."""
    if output is None:
        buffer = io.BytesIO()
        to_jsonld(triples, context, buffer)
        return buffer.getvalue()
    terms = _terms()
    by_subject = _subjects(triples)
    subjects = sorted(by_subject)
    parent: dict[str, str] = {}
    for s in subjects:
        inside = s + "/"
        for objects in by_subject[s].values():
            for o in objects:
                if type(o) is ox.NamedNode and (iri := o.value).startswith(inside) and iri in by_subject:
                    # the nearest enclosing IRI wins (a participation inside a meeting, not the dataset)
                    if iri not in parent or len(s) > len(parent[iri]):
                        parent[iri] = s
    nodes = (_node(s, by_subject, parent, terms) for s in subjects if s not in parent)
    _write_graph(output, context, nodes)
    return b""


def _write_graph(output: BinaryIO, context: str | dict[str, Any], nodes: Iterator[dict[str, Any]]) -> None:
    """``{"@context": context, "@graph": [nodes]}`` as ``json.dumps(indent=2)`` writes it, a node at a time."""
    empty = orjson.dumps({"@context": context, "@graph": []}, option=orjson.OPT_INDENT_2)
    opened = False
    for node in nodes:
        output.write(b",\n    " if opened else empty[: -len(b"[]\n}")] + b"[\n    ")
        output.write(orjson.dumps(node, option=orjson.OPT_INDENT_2).replace(b"\n", b"\n    "))
        opened = True
    output.write(b"\n  ]\n}\n" if opened else empty + b"\n")


def _node(s: str, by_subject: _Subjects, parent: dict[str, str], terms: _Terms) -> dict[str, Any]:
    out: dict[str, Any] = {"id": s}
    entries = by_subject[s]
    types = sorted(_type_name(o.value, terms) for o in entries.get(RDF_TYPE, ()))
    if types:
        out["type"] = types[0] if len(types) == 1 else types
    values: dict[str, list[Any]] = defaultdict(list)
    containers: dict[str, str] = {}
    for p, objects in entries.items():
        if p == RDF_TYPE:
            continue
        for o in objects:
            key, container, value = _entry(p, o, terms)
            if type(o) is ox.NamedNode and parent.get(o.value) == s:
                value = _node(o.value, by_subject, parent, terms)
            values[key].append(value)
            containers[key] = container
    _put_values(out, values, containers, by_subject)
    return out


def _put_values(
    out: dict[str, Any],
    values: dict[str, list[Any]],
    containers: dict[str, str],
    by_subject: _Subjects,
) -> None:
    """Puts each key's values into the node object ``out``, keys sorted: a language map for a
    ``@language`` container, a list for a ``@set`` or several values, else the one value."""
    for key in sorted(values):
        items = values[key]
        if containers[key] == "@language":
            langmap: dict[str, list[str]] = defaultdict(list)
            for lang, text in items:
                langmap[lang].append(text)
            out[key] = {lang: (v[0] if len(v) == 1 else sorted(v)) for lang, v in sorted(langmap.items())}
            continue
        if len(items) > 1:
            items.sort(key=lambda v: _order(v, by_subject))
        out[key] = items if (containers[key] == "@set" or len(items) > 1) else items[0]


def _entry(p: ox.NamedNode, o: Term, terms: _Terms) -> tuple[str, str, Any]:
    """(key, container, value) for one statement; falls back to a compact IRI and a value object."""
    piri = p.value
    if type(o) is ox.NamedNode:
        for kind in ("@id", "@vocab"):
            if (hit := terms.by_key.get((piri, kind))) is not None:
                term, container = hit
                value = terms.classes.get(o.value, o.value) if kind == "@vocab" else o.value
                return term, container, value
        return _compact_iri(piri, terms), "", {"@id": o.value}
    assert type(o) is ox.Literal, f"blank nodes are not written: {o!r}"
    text = o.value
    if o.language:
        if (hit := terms.by_key.get((piri, "lang"))) is not None:
            return hit[0], hit[1], (o.language, text)
        return _compact_iri(piri, terms), "", {"@value": text, "@language": o.language}
    datatype = o.datatype.value
    if (hit := terms.by_key.get((piri, datatype))) is not None:
        return hit[0], hit[1], text
    if (hit := terms.by_key.get((piri, "plain"))) is not None:
        if datatype == _XSD_STRING:
            return hit[0], hit[1], text
        if datatype == _XSD_INTEGER and _canonical_int(text):
            return hit[0], hit[1], int(text)
        if datatype == _XSD_BOOLEAN and text in ("true", "false"):
            return hit[0], hit[1], text == "true"
    value: dict[str, Any] = {"@value": text}
    if datatype != _XSD_STRING:
        value["@type"] = _compact_iri(datatype, terms)
    return (hit[0] if hit else _compact_iri(piri, terms)), "", value


def _canonical_int(text: str) -> bool:
    return text == str(int(text)) if text.lstrip("-").isdigit() else False


_PLAIN_JSON = re.compile(r'[^"\\\x00-\x1f]*')


def _order(value: Any, by_subject: _Subjects) -> tuple[int, str]:
    """Nested resources in ``schema:position`` order, everything else by its JSON text."""
    if isinstance(value, dict) and "id" in value:
        for o in by_subject.get(value["id"], _EMPTY).get(_POSITION, ()):
            if type(o) is ox.Literal and _canonical_int(o.value):
                return (int(o.value), value["id"])
        return (1 << 30, value["id"])
    if isinstance(value, str) and _PLAIN_JSON.fullmatch(value):
        return (1 << 30, f'"{value}"')  # what json.dumps writes for a string with nothing to escape
    return (1 << 30, json.dumps(value, sort_keys=True, ensure_ascii=False))


#: Links back to a whole from its parts, or from a participant to its participations: not followed
#: when a document is framed, so each resource is embedded under the one it belongs to.
_BACK_LINKS = frozenset(
    ox.NamedNode(iri)
    for iri in (
        "http://data.europa.eu/m8g/participates",
        "http://data.europa.eu/m8g/parentEvent",
        "http://purl.org/dc/terms/isPartOf",
        "http://www.w3.org/ns/org#member",
    )
)


def framed_jsonld(triples: Iterable[Triple], root: str, context: str | dict[str, Any]) -> bytes:
    """The document about ``root`` as one framed JSON-LD tree a person can read with plain ``json.load``:
    every resource it links to is embedded where it is linked (names and identifiers beside the
    participation, not in a sibling node), ``type`` is always a list, and every key is a term of the
    context. A resource linked from two places is embedded in both (JSON-LD merges node objects with
    the same ``id``); a link back to a resource being embedded stays an ``id`` reference."""
    kept = triples.kept if isinstance(triples, SortedTriples) else None
    framer = _Framer(_subjects(triples), _terms(), root, None if kept is None else kept.setdefault(_FRAMES, {}))
    reached: set[str] = set()
    tree = framer.frame(root, frozenset(), reached)
    # What the tree does not reach (who is shown holding a post the chair's post reports to) is
    # kept beside it, framed the same way (JSON-LD 1.1 @included).
    included = []
    for s in sorted(framer.by_subject):
        if s not in reached:
            included.append(framer.frame(s, frozenset(), reached))
    doc = {"@context": context, **tree}
    if included:
        doc["included"] = included
    return orjson.dumps(doc, option=orjson.OPT_INDENT_2) + b"\n"


_FRAMES = "jsonld-frames"  # framed trees of what documents share, in SortedTriples.kept


class _Framed(NamedTuple):
    """A resource framed once, and when the same tree serves again: it depends on the path it was
    framed on (the resources being embedded around it) only through which of ``consulted`` are on
    it, and those were ``on_path``; and on the document only through the statements it ``read``
    (each resource's IRI, and what the document held for it: the same object, or None). ``read``
    is None when the tree read the document's own resources (the meeting's, which no other
    document holds): such a tree is never used by another document."""

    consulted: frozenset[str]
    on_path: frozenset[str]
    tree: dict[str, Any]
    reached: frozenset[str]
    read: dict[str, object] | None


class _Framer:
    """Frames the resources of one document. The same resource is embedded under many others (a
    source under every organisation it describes): its tree is made once and used wherever the
    path around it gives the same tree (:class:`_Framed`). With ``shared``, trees that read only
    statements other documents share (an organisation's, not the meeting's) are kept there and
    used by those documents too."""

    __slots__ = ("by_subject", "terms", "_made", "_shared", "_own")

    def __init__(
        self, by_subject: _Subjects, terms: _Terms, root: str, shared: dict[str, list[_Framed]] | None = None
    ) -> None:
        self.by_subject = by_subject
        self.terms = terms
        self._made: dict[str, list[_Framed]] = {}
        self._shared = shared
        self._own = (root, root + "/", root + "#")

    def frame(self, s: str, path: frozenset[str], reached: set[str]) -> dict[str, Any]:
        framed = self._framed(s, path)
        reached.update(framed.reached)
        return framed.tree

    def _framed(self, s: str, path: frozenset[str]) -> _Framed:
        made = self._made.get(s)
        if made is not None:
            for framed in made:
                if (
                    framed.consulted.isdisjoint(path)
                    if not framed.on_path
                    else framed.on_path == framed.consulted & path
                ):
                    return framed
        else:
            made = self._made[s] = []
        by_subject, terms, shared = self.by_subject, self.terms, self._shared
        if shared is not None:
            for framed in shared.get(s, ()):
                if (
                    framed.consulted.isdisjoint(path)
                    if not framed.on_path
                    else framed.on_path == framed.consulted & path
                ) and all(by_subject.get(n) is held for n, held in framed.read.items()):  # type: ignore[union-attr]
                    made.append(framed)
                    return framed
        entries = by_subject.get(s)
        own = self._own
        # what the tree reads, while it may serve other documents (it has read none of this one's own)
        read: dict[str, object] | None = {s: entries} if shared is not None and not s.startswith(own) else None
        if entries is None:
            entries = _EMPTY
        types = entries.get(RDF_TYPE)
        out: dict[str, Any] = {"id": s, "type": sorted(_type_name(o.value, terms) for o in types) if types else []}
        values: dict[str, list[Any]] = defaultdict(list)
        containers: dict[str, str] = {}
        inside = path | {s}
        consulted: set[str] = set()
        reached: set[str] = {s}
        for p, objects in entries.items():
            if p == RDF_TYPE:
                continue
            by_term, back = _linking(p, terms)
            for o in objects:
                key, container, value = _entry(p, o, terms)
                if type(o) is ox.NamedNode and not by_term:
                    iri = o.value
                    held = by_subject.get(iri)
                    if read is not None:
                        if iri.startswith(own):
                            read = None
                        else:
                            read[iri] = held
                    if not back and held is not None:
                        if iri != s:
                            consulted.add(iri)
                        if iri not in inside:
                            child = self._framed(iri, inside)
                            consulted.update(child.consulted)
                            reached.update(child.reached)
                            if read is not None:
                                if child.read is None:
                                    read = None
                                else:
                                    read.update(child.read)
                            value = child.tree
                        elif isinstance(value, str):
                            value = {"id": iri}
                    elif isinstance(value, str):
                        value = {"id": iri}
                values[key].append(value)
                containers[key] = container
        _put_values(out, values, containers, by_subject)
        consulted.discard(s)
        framed = _Framed(frozenset(consulted), frozenset(consulted & path), out, frozenset(reached), read)
        made.append(framed)
        if read is not None:
            shared.setdefault(s, []).append(framed)  # type: ignore[union-attr]
        return framed


def _linking(p: ox.NamedNode, terms: _Terms) -> tuple[bool, bool]:
    """Whether ``p``'s objects are a term of the context (a role, never embedded), and whether it
    links back to a whole (never followed when framing)."""
    found = terms.linking.get(p)
    if found is None:
        found = terms.linking[p] = (terms.by_key.get((p.value, "@vocab")) is not None, p in _BACK_LINKS)
    return found
