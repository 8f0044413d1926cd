"""Which predicates a SPARQL query (https://www.w3.org/TR/sparql11-query/) can read: the data a
SPARQL-based target (https://www.w3.org/TR/shacl-af/#SPARQLTarget) needs loaded.

A query's solutions depend only on the triples whose predicate one of its triple patterns or
property paths names, when every predicate it names is an IRI: then the query can be run on those
triples alone. :func:`predicates_read` reads the query's tokens, not its grammar, and so answers
None (read every triple) whenever it cannot be sure: a variable where a predicate may stand, a
negated property set (``!<p>``, which matches every other predicate), ``BASE``, an escape
sequence, or a token it does not know.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from ..vocab import RDF

__all__ = ["predicates_read"]

_TOKEN = re.compile(
    r"""
    (?P<space>\s+|\#[^\n]*)
    | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
        |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<bnode>_:[\w\-.\u00b7-\uffff]*)
    | (?P<var>[?$][A-Za-z0-9_\u00b7-\uffff]+)
    | (?P<pname>(?:[A-Za-z\u00c0-\uffff][\w.\-\u00b7-\uffff]*)?:[\w\-.:%\u00b7-\uffff]*)
    | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
    | (?P<number>[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?)
    | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
    | (?P<punct>&&|\|\||!=|<=|>=|\^\^|[{}()\[\];,.=<>!+\-*/|^?])
    """,
    re.VERBOSE,
)

#: Tokens that are an RDF term by themselves (``a`` is a predicate and nothing else).
_TERMS = {"var", "bnode", "iri", "pname", "string", "lang", "number"}
_TERM_WORDS = {"true", "false"}
#: Tokens after which a name is a predicate, or a step of a property path, when not a subject.
_BEFORE_VERB = {"]", ")", "/", "|", "^", ";"}


#: Which triples of a predicate a query can read: those with one of the objects, or (None) all.
Read = dict[ox.NamedNode, frozenset[ox.NamedNode] | None]


def predicates_read(query: str) -> Read | None:
    """The predicates whose triples can change the solutions of ``query``, each with the objects
    it can read when every pattern that has it as predicate names its object (``?s a <C>``); None
    when the predicates cannot be bounded from the query's text (see the module's description)."""
    tokens = _tokens(query)
    if tokens is None:
        return None
    prefixes: dict[str, str] = {}
    found: Read = {}
    depth = 0
    i = 0
    while i < len(tokens):
        kind, text = tokens[i]
        if kind == "word" and text.upper() == "BASE":
            return None
        if kind == "word" and text.upper() == "PREFIX":
            if i + 2 >= len(tokens) or tokens[i + 1][0] != "pname" or tokens[i + 2][0] != "iri":
                return None
            name, _, local = tokens[i + 1][1].partition(":")
            if local:
                return None
            prefixes[name] = tokens[i + 2][1][1:-1]
            i += 3
            continue
        if kind in ("iri", "pname"):
            name, _, local = text.partition(":")
            iri = _iri(text, prefixes)
            if iri is None:
                return None  # a relative IRI, or an undeclared prefix
            _read(found, iri, _named_object(tokens, i, prefixes))
        elif kind == "word" and text == "a":
            _read(found, RDF.type, _named_object(tokens, i, prefixes))
        elif kind == "var" and depth > 0 and _may_be_predicate(tokens, i):
            return None
        elif text == "!" and i + 1 < len(tokens):
            following_kind, following = tokens[i + 1]
            if following_kind in ("iri", "pname") or following in ("a", "^", "("):
                return None  # a negated property set
        elif text == "{":
            depth += 1
        elif text == "}":
            depth -= 1
        i += 1
    return found


def _iri(text: str, prefixes: dict[str, str]) -> ox.NamedNode | None:
    """The IRI a token ``<…>`` or ``prefix:local`` names; None when it cannot be told."""
    name, _, local = text.partition(":")
    try:
        return ox.NamedNode(text[1:-1] if text.startswith("<") else prefixes.get(name, ":") + local)
    except ValueError:
        return None


def _read(found: Read, predicate: ox.NamedNode, named: ox.NamedNode | None) -> None:
    if predicate not in found:
        found[predicate] = None if named is None else frozenset((named,))
    elif (objects := found[predicate]) is not None:
        found[predicate] = None if named is None else objects | {named}


def _named_object(tokens: list[tuple[str, str]], i: int, prefixes: dict[str, str]) -> ox.NamedNode | None:
    """The object of the predicate ``tokens[i]`` when the pattern names it and says nothing else:
    ``?s <p> <o> .`` (or ``;``, or ``}``) right after a subject or ``;``; else None (any object,
    or no predicate at all)."""
    if not 0 < i < len(tokens) - 2:
        return None
    before, (kind, text), (_, after) = tokens[i - 1], tokens[i + 1], tokens[i + 2]
    if not (before[0] in ("var", "bnode", "iri", "pname") or before[1] == ";"):
        return None
    if kind not in ("iri", "pname") or after not in (".", ";", "}"):
        return None
    return _iri(text, prefixes)


def _may_be_predicate(tokens: list[tuple[str, str]], i: int) -> bool:
    """Whether the variable ``tokens[i]`` may stand where a predicate does: after a subject, after
    ``;`` or ``[``; or after something this reading cannot place."""
    if i == 0:
        return False
    kind, text = tokens[i - 1]
    if text in (";", "[", "]", ")", "^^") or kind in _TERMS - {"iri", "pname"} or text in _TERM_WORDS:
        return True
    if kind not in ("iri", "pname"):
        return False  # after a keyword, an operator, a path's modifier, "a", "(", "{", "." or ","
    # a name before the variable: a predicate (the variable is its object) when a term, a path's
    # operator or ";" comes before it; otherwise a subject or a datatype, and the variable may be a predicate
    if i < 2:
        return True
    kind, text = tokens[i - 2]
    return not (kind in _TERMS or text in _TERM_WORDS or text in _BEFORE_VERB)


def _tokens(query: str) -> list[tuple[str, str]] | None:
    """The tokens of ``query`` but spaces and comments, as (kind, text); None when it has a
    token this reading does not know, or an escape sequence."""
    if "\\u" in query or "\\U" in query:
        return None
    tokens = []
    at = 0
    while at < len(query):
        m = _TOKEN.match(query, at)
        if m is None:
            return None
        kind, text = m.lastgroup, m.group()
        assert kind is not None
        at = m.end()
        if kind == "pname" and text.endswith("."):
            # a prefixed name does not end with a dot: the dot ends the triple
            stripped = text.rstrip(".")
            at -= len(text) - len(stripped)
            text = stripped
        if kind != "space":
            tokens.append((kind, text))
    return tokens
