"""Compacted JSON-LD that reads like ordinary JSON (https://www.w3.org/TR/json-ld11/).

Writes a graph against the published context (``assets/context.jsonld``) directly, without a
general JSON-LD processor: short keys, language maps for text, a meeting with its questions and
participations nested. The rules are the JSON-LD 1.1 compaction rules restricted to what the
context defines; the tests check the output expands to the same graph in rdflib, pyoxigraph and
pyld. A resource is nested in the one whose IRI its own extends (``…/meeting/x/question/1`` in
``…/meeting/x``); every other link is an ``id`` reference. Output is sorted, so it is
deterministic.

Every document carries its context inline, so a processor reads it with no network and no
document loader: the whole graph the published context whole; a document or an answer only the
definitions it uses (:func:`used_context`), in the published context's order.
"""

from __future__ import annotations

import io
import json
import re
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

import orjson
import pyoxigraph as ox

from .layout import CONTEXT_FILE
from .serialize import ReleaseOrder, SortedTriples
from .triples import RDF_TYPE, Index, Term, Triple
from .vocab import SCHEMA, XSD

__all__ = ["CONTEXT_FILE", "context_document", "framed_jsonld", "to_jsonld", "used_context"]

_POSITION = SCHEMA.position
#: The package's assets, beside its modules (``importlib.resources`` and the readers it imports, with
#: zipfile and threading, took about 3 ms of a seed build)
_ASSETS = Path(__file__).resolve().parent / "assets"
_XSD_STRING, _XSD_INTEGER, _XSD_BOOLEAN = XSD.string.value, XSD.integer.value, XSD.boolean.value


@cache
def context_document() -> dict[str, Any]:
    """The published context, as the release ships it."""
    return json.loads((_ASSETS / CONTEXT_FILE).read_text("utf-8"))


@cache
def _definitions() -> tuple[tuple[str, Any, tuple[str, ...]], ...]:
    """Each entry of the published context in its order: (key, definition, the context's keys the
    definition needs: the prefix of its compact IRI, of its ``@type``, or a term it names)."""
    ctx = context_document()["@context"]
    out = []
    for key, definition in ctx.items():
        needs: list[str] = []
        if isinstance(definition, dict):
            values = [definition.get("@id", definition.get("@reverse")), definition.get("@type")]
        else:
            values = [definition]  # a term's IRI, or a keyword's value (@version)
        if isinstance(definition, dict) and "@context" in definition:
            raise ValueError(f"{CONTEXT_FILE}: {key!r} has a scoped context, which used_context does not follow")
        for value in values:
            if isinstance(value, str) and not value.startswith("@"):
                head = value.partition(":")[0]
                for name in (value, head):
                    if name != key and name in ctx and name not in needs:
                        needs.append(name)
        out.append((key, definition, tuple(needs)))
    return tuple(out)


def used_context(used: Iterable[str]) -> dict[str, Any]:
    """The published context cut to what a document uses: the definitions of the names in ``used``
    (terms as keys, types and vocabulary values, and prefixes of compact IRIs), with every definition
    they need, and the context's keywords (``@version``), in the published context's order."""
    definitions, needs, keywords = _needs()
    wanted = set(keywords)
    waiting = [name for name in used if name in needs]
    while waiting:
        name = waiting.pop()
        if name not in wanted:
            wanted.add(name)
            waiting.extend(needs[name])
    return {key: definition for key, definition, _ in definitions if key in wanted}


@cache
def _needs() -> tuple[tuple[tuple[str, Any, tuple[str, ...]], ...], dict[str, tuple[str, ...]], frozenset[str]]:
    """The context's definitions (:func:`_definitions`), what each key needs, and its keywords
    (``@version``): worked out once, not for every document."""
    definitions = _definitions()
    needs = {key: deps for key, _, deps in definitions}
    return definitions, needs, frozenset(key for key in needs if key.startswith("@"))


def _names(name: str) -> str:
    """The context's key a name written in a document depends on: a term, or a compact IRI's prefix
    (an absolute IRI's scheme is no key of the context, and is ignored by :func:`used_context`)."""
    return name if ":" not in name else name.partition(":")[0]


def _used_names(value: Any, used: set[str]) -> None:
    """Adds to ``used`` every name of the context a compacted node object (or list of them) uses:
    its keys, its types, the terms it gives as vocabulary values, the datatypes of its value objects.
    Walks the tree with a stack of its own (a document has thousands of values: a call each cost
    about a third of the walk)."""
    waiting = [value]
    while waiting:
        value = waiting.pop()
        if isinstance(value, list):
            waiting.extend(value)
            continue
        if not isinstance(value, dict):
            continue
        if "@value" in value:
            if isinstance(kind := value.get("@type"), str):
                used.add(_names(kind))
            continue
        for key, item in value.items():
            name, kind = _key_use(key)
            used.add(name)
            if kind == "@language":
                continue  # its keys are languages
            if kind == "@vocab":
                for term in item if isinstance(item, list) else (item,):
                    if isinstance(term, str):
                        used.add(_names(term))
            elif isinstance(item, (list, dict)):
                waiting.append(item)


@cache
def _key_use(key: str) -> tuple[str, str]:
    """The context's key a document's key depends on (:func:`_names`), and what its values are (:func:`_value_kind`)."""
    return _names(key), _value_kind(key)


@cache
def _value_kind(key: str) -> str:
    """``@vocab`` for a key whose strings are terms (``type``, ``role``), ``@language`` for a language
    map, else ``""``."""
    definition = context_document()["@context"].get(key)
    if not isinstance(definition, dict):
        return ""
    if definition.get("@id") == "@type" or definition.get("@type") == "@vocab":
        return "@vocab"
    return "@language" if definition.get("@container") == "@language" else ""


@dataclass(frozen=True)
class _Terms:
    by_key: dict[tuple[str, str], tuple[str, str]]  # (predicate, value kind) → (term, container)
    classes: dict[str, str]  # IRI → term, for types and @vocab values
    prefixes: list[tuple[str, str]]  # (namespace, prefix), longest namespace first
    #: a predicate's IRI → the term that writes it on its object (``"@reverse"``: a participation's ``meeting``)
    reverse: dict[str, str]
    #: a predicate's IRI → a term of it whose values need not be a language map (a plain one first): it
    #: holds a value its own type does not fit, as a value object or ``{"id": …}``, so that the key is a
    #: term, never a compact IRI, whenever the context has a term for the predicate
    other: dict[str, tuple[str, str]]
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
    reverse: dict[str, str] = {}
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
        if "@reverse" in definition:
            reverse[expand(definition["@reverse"])] = term
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
    other: dict[str, tuple[str, str]] = {}
    for (iri, kind), (term, container) in by_key.items():
        if kind != "lang" and (iri not in other or kind == "plain"):
            other[iri] = (term, container)
    return _Terms(by_key, classes, prefixes, reverse, other)


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


def to_jsonld(triples: Iterable[Triple], output: BinaryIO | None = None) -> bytes:
    """Triples of pyoxigraph terms as compacted JSON-LD. With ``output``, the whole graph: its
    ``@context`` is the published context, and the document is written there node by node (never
    held whole), returning nothing. Without, a document or an answer: its ``@context`` holds what
    it uses (:func:`used_context`), and its bytes are returned."""
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
    if output is not None:
        _write_graph(output, context_document()["@context"], nodes)
        return b""
    made = list(nodes)
    used: set[str] = set()
    _used_names(made, used)
    buffer = io.BytesIO()
    _write_graph(buffer, used_context(used), iter(made))
    return buffer.getvalue()


def _write_graph(output: BinaryIO, context: dict[str, Any], nodes: Iterator[dict[str, Any]]) -> None:
    """``{"@context": context, "@graph": [nodes]}`` as ``json.dumps(indent=2)`` writes it, a node at a time."""
    empty = orjson.dumps({"@context": context, "@graph": []}, option=orjson.OPT_INDENT_2)
    opened = False
    for node in nodes:
        output.write(b",\n    " if opened else empty[: -len(b"[]\n}")] + b"[\n    ")
        output.write(orjson.dumps(node, option=orjson.OPT_INDENT_2).replace(b"\n", b"\n    "))
        opened = True
    output.write(b"\n  ]\n}\n" if opened else empty + b"\n")


def _node(s: str, by_subject: _Subjects, parent: dict[str, str], terms: _Terms) -> dict[str, Any]:
    """``s`` as a node object, its parts nested: each part once, under the first of the keys that
    link to it (a series' days under ``schemaSubEvents``, ``subEvents`` gives their ids); ``type``
    a list, as the context's ``@set`` says."""
    out: dict[str, Any] = {"id": s}
    entries = by_subject[s]
    types = sorted(_type_name(o.value, terms) for o in entries.get(RDF_TYPE, ()) if type(o) is ox.NamedNode)
    if types:
        out["type"] = types
    values: dict[str, list[Any]] = defaultdict(list)
    containers: dict[str, str] = {}
    nested: dict[str, tuple[str, int]] = {}  # a part's IRI → the key and place it is written out at
    for p, objects in entries.items():
        for o in _not_types(p, objects):
            key, container, value = _entry(p, o, terms)
            if type(o) is ox.NamedNode and parent.get(o.value) == s:
                at = nested.get(o.value)
                if at is None or key < at[0]:
                    nested[o.value] = (key, len(values[key]))
            values[key].append(value)
            containers[key] = container
    for iri, (key, n) in nested.items():
        values[key][n] = _node(iri, by_subject, parent, terms)
    _put_values(out, values, containers, by_subject)
    return out


def _not_types(p: ox.NamedNode, objects: Sequence[Term]) -> Sequence[Term]:
    """The objects of ``p`` written as values of a property: all but ``rdf:type``'s IRIs, which are
    ``type``. A literal object of ``rdf:type`` stays a literal, under ``rdf:type`` as a property
    (JSON-LD 1.1 Processing Algorithms §8.4: only an IRI or blank node object becomes ``@type``)."""
    if p != RDF_TYPE:
        return objects
    return [o for o in objects if type(o) is not ox.NamedNode]


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
        if (hit := terms.other.get(piri)) is not None:  # a term whose values are literals: a node reference
            return hit[0], hit[1], {"id": o.value}
        return _compact_iri(piri, terms), "", {"@id": o.value}
    assert type(o) is ox.Literal, f"blank nodes are not written: {o!r}"
    text = o.value
    if o.language:
        if (hit := terms.by_key.get((piri, "lang"))) is not None:
            return hit[0], hit[1], (o.language, text)
        if (hit := terms.other.get(piri)) is not None:
            return hit[0], hit[1], {"@value": text, "@language": o.language}
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
    elif datatype == _XSD_STRING and (hit := terms.by_key.get((piri, "lang"))) is not None:
        return hit[0], hit[1], ("@none", text)  # text without a language: a language map's ``@none``
    value: dict[str, Any] = {"@value": text}
    if datatype != _XSD_STRING:
        value["@type"] = _compact_iri(datatype, terms)
    if hit is None:
        hit = terms.other.get(piri)
    return (hit[0] if hit else _compact_iri(piri, terms)), (hit[1] if hit else ""), value


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


#: Links back to a whole from its parts: not followed when a document is framed, so each resource is
#: embedded under the one it belongs to. (A participant's ``participates`` is followed: an
#: organisation's document embeds its participations, each with its ``meeting``.)
_BACK_LINKS = frozenset(
    ox.NamedNode(iri)
    for iri in (
        "http://data.europa.eu/m8g/parentEvent",
        "http://purl.org/dc/terms/isPartOf",
        "http://www.w3.org/ns/org#member",
    )
)


def framed_jsonld(triples: Iterable[Triple], root: str) -> bytes:
    """The document about ``root`` as one framed JSON-LD tree a person can read with plain ``json.load``:
    ``type`` is always a list, every key is a term of the context, and every resource the document
    describes is one node object, written once (JSON-LD 1.1 framing's ``@embed: @once``). A resource
    is embedded at the first place it is linked from, going out from ``root`` breadth first (the place
    nearest ``root``; at the same distance, the first in the document's order); everywhere else it is
    linked, and through a link back to a whole (:data:`_BACK_LINKS`), it is ``{"id": …}``. What the
    tree does not reach is beside it in ``included``, each resource a top-level node object with
    its parts (resources whose IRIs extend its own, ``…/identifier/wikidata``) embedded, and other
    links between them ``{"id": …}``: the ontology's terms, who is shown holding a post. A link
    whose context term is a reverse one (``meeting``: the meeting's ``m8g:hasParticipation``) is
    written on its object when the tree reaches the object first (a participation in an
    organisation's document holds its ``meeting``), and then not again on its subject. Its
    ``@context`` holds what it uses (:func:`used_context`)."""
    by_subject, terms = _subjects(triples), _terms()
    framing = _Framing(by_subject, terms)
    placed = {root}
    tree: dict[str, Any] = {"id": root}
    waiting = deque([(root, tree)])
    while waiting:
        s, node = waiting.popleft()
        for iri, slot in _node_once(s, node, framing):
            if iri not in placed:
                placed.add(iri)
                waiting.append((iri, slot))
    included = []
    for s in sorted(by_subject):  # a part's IRI extends its whole's: the whole comes first
        if s in placed:
            continue
        placed.add(s)
        node = {"id": s}
        included.append(node)
        waiting.append((s, node))
        while waiting:
            whole, node = waiting.popleft()
            for iri, slot in _node_once(whole, node, framing):
                if iri not in placed and iri.startswith(whole + "/"):
                    placed.add(iri)
                    waiting.append((iri, slot))
    body = {**tree, "included": included} if included else tree
    used: set[str] = set()
    _used_names(body, used)
    doc = {"@context": used_context(used), **body}
    return orjson.dumps(doc, option=orjson.OPT_INDENT_2) + b"\n"


class _Framing:
    """What framing one document keeps: the statements whose subject is linked to by a reverse term
    (object IRI → [(predicate, its term, subject)]), the subjects already written out, and the
    statements already written on their object."""

    def __init__(self, by_subject: _Subjects, terms: _Terms) -> None:
        self.by_subject, self.terms = by_subject, terms
        self.reverse: dict[str, list[tuple[ox.NamedNode, str, str]]] = {}
        if terms.reverse:
            for subject, entries in by_subject.items():
                for p, objects in entries.items():
                    if (term := terms.reverse.get(p.value)) is not None:
                        for o in objects:
                            if type(o) is ox.NamedNode and o.value in by_subject:
                                self.reverse.setdefault(o.value, []).append((p, term, subject))
        self.written: set[str] = set()
        self.on_object: set[tuple[str, ox.NamedNode, str]] = set()


def _node_once(s: str, out: dict[str, Any], framing: _Framing) -> list[tuple[str, dict[str, Any]]]:
    """Fills the node object ``out`` (holding ``{"id": s}``) with ``s``'s statements; every link to a
    resource the document describes is a node object ``{"id": …}`` of its own. Gives those links in the
    document's order, each with its node object, for the caller to embed into or leave a reference.
    A statement linking to ``s`` by a reverse term from a subject not yet written out is written
    here, under that term, and not on its subject."""
    by_subject, terms = framing.by_subject, framing.terms
    framing.written.add(s)
    entries = by_subject.get(s, _EMPTY)
    types = entries.get(RDF_TYPE, ())
    out["type"] = sorted(_type_name(o.value, terms) for o in types if type(o) is ox.NamedNode)
    values: dict[str, list[Any]] = defaultdict(list)
    containers: dict[str, str] = {}
    links: dict[int, str] = {}  # id() of a link's node object → the IRI it links to
    for p, objects in entries.items():
        by_term, back = _linking(p, terms)
        for o in _not_types(p, objects):
            if framing.on_object and (s, p, o.value) in framing.on_object:
                continue  # written on its object, under the reverse term
            key, container, value = _entry(p, o, terms)
            if type(o) is ox.NamedNode and not by_term:
                iri = o.value
                if iri in by_subject:
                    value = {"id": iri}
                    if not back and iri != s:
                        links[id(value)] = iri
                elif isinstance(value, str):
                    value = {"id": iri}
            values[key].append(value)
            containers[key] = container
    for p, term, subject in framing.reverse.get(s, ()):
        if subject not in framing.written:
            framing.on_object.add((subject, p, s))
            value = {"id": subject}
            links[id(value)] = subject
            values[term].append(value)
            containers[term] = ""
    _put_values(out, values, containers, by_subject)
    found: list[tuple[str, dict[str, Any]]] = []
    if links:
        for value in out.values():
            for item in value if isinstance(value, list) else (value,):
                if type(item) is dict and (iri := links.get(id(item))) is not None:
                    found.append((iri, item))
    return found


def _linking(p: ox.NamedNode, terms: _Terms) -> tuple[bool, bool]:
    """Whether ``p``'s objects are a term of the context (a role, never embedded), and whether it
    links back to a whole (never followed when framing)."""
    found = terms.linking.get(p)
    if found is None:
        found = terms.linking[p] = (terms.by_key.get((p.value, "@vocab")) is not None, p in _BACK_LINKS)
    return found
