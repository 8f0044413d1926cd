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
from functools import cache

import pyoxigraph as ox

from ..vocab import RDF

__all__ = ["Subjects", "predicates_read", "subjects_read"]


#: Any character from U+00B7 to U+FFFF (the names' wide ranges), written as the characters it is
#: not: a set of ranges the compiler fills in a table one character at a time, the BMP part of a
#: range at least; this way each of its ranges is short or beyond the BMP.
_WIDE = r"[^\x00-\xb6\U00010000-\U0010ffff]"


@cache
def _token() -> re.Pattern[str]:
    """The expression that reads one token, compiled when a query is first read, never on import: a
    build whose shapes have no SPARQL-based target pays nothing. Its names' character ranges span
    most of Unicode; written as ranges (U+00B7 to U+FFFF) they took 8 ms to compile, as :data:`_WIDE`
    0.6 ms, matching the same characters."""
    return re.compile(
        rf"""
    (?P<space>\s+|\#[^\n]*)
    | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
        |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
    | (?P<iri><[^<>"{{}}|^`\\\x00-\x20]*>)
    | (?P<bnode>_:(?:[\w\-.]|{_WIDE})*)
    | (?P<var>[?$](?:[A-Za-z0-9_]|{_WIDE})+)
    | (?P<pname>(?:(?:[A-Za-z]|[^\x00-\xbf\U00010000-\U0010ffff])(?:[\w.\-]|{_WIDE})*)?:(?:[\w\-.:%]|{_WIDE})*)
    | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
    | (?P<number>[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?)
    | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
    | (?P<punct>&&|\|\||!=|<=|>=|\^\^|[{{}}()\[\];,.=<>!+\-*/|^?])
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


#: Which triples of a predicate a query can read by their subject: those whose subject is an object
#: of one of the predicates given (a predicate not named: any subject).
Subjects = dict[ox.NamedNode, frozenset[ox.NamedNode]]

#: Literal and term tokens that may stand as an object.
_OBJECTS = {"var", "iri", "pname", "string", "number"}
_PATH = {"/", "|", "^", "*", "+", "?", "!", "("}


def subjects_read(query: str) -> Subjects:
    """The predicates whose triples ``query`` can read only with certain subjects: ``p`` with
    ``{q, …}`` when every triple pattern of ``p`` has a variable subject that the same basic graph
    pattern (https://www.w3.org/TR/sparql11-query/#BasicGraphPatterns) names as the object of a
    pattern of a named predicate, as ``?x <q> ?v . ?v <p> ?o``: a triple of ``p`` whose subject is
    an object of none of them is part of no solution of any pattern, so leaving it out changes no
    answer, MINUS and FILTER NOT EXISTS included. Empty whenever the query holds what this reading
    does not follow: a property path, a blank node, a sub-query, UNION, GRAPH, VALUES, BIND, …"""
    tokens = _tokens(query)
    if tokens is None:
        return {}
    patterns = _patterns(tokens)
    if patterns is None:
        return {}
    found: dict[ox.NamedNode, set[ox.NamedNode]] = {}
    free: set[ox.NamedNode] = set()
    for group, subject, predicate, _ in patterns:
        joined = None
        if isinstance(subject, str):  # a variable: of which named predicate it is the object here
            joined = next((q for g, _, q, o in patterns if g == group and o == subject), None)
        if joined is None:
            free.add(predicate)
        else:
            found.setdefault(predicate, set()).add(joined)
    return {p: frozenset(qs) for p, qs in found.items() if p not in free}


def _patterns(
    tokens: list[tuple[str, str]],
) -> list[tuple[int, ox.NamedNode | str, ox.NamedNode, ox.NamedNode | str | None]] | None:
    """The query's triple patterns as (basic graph pattern, subject, predicate, object): a variable
    as its text, an IRI as a term, any other object as None; None when the query holds anything
    but a prologue, ``SELECT … WHERE``, triples with named predicates, OPTIONAL, MINUS, FILTER and
    a solution modifier after the last group."""
    prefixes: dict[str, str] = {}
    i = 0
    while i < len(tokens) and tokens[i][0] == "word" and tokens[i][1].upper() == "PREFIX":
        if i + 2 >= len(tokens) or tokens[i + 1][0] != "pname" or tokens[i + 2][0] != "iri":
            return None
        prefixes[tokens[i + 1][1].partition(":")[0]] = tokens[i + 2][1][1:-1]
        i += 3
    if i >= len(tokens) or tokens[i][1].upper() != "SELECT":
        return None
    while i < len(tokens) and tokens[i][1] != "{":
        kind, text = tokens[i]
        if not (kind == "var" or text == "*" or text.upper() in ("SELECT", "DISTINCT", "REDUCED", "WHERE")):
            return None
        i += 1

    def term(kind: str, text: str) -> ox.NamedNode | str | None:
        if kind == "var":
            return text[1:]
        if kind in ("iri", "pname"):
            return _iri(text, prefixes) or ""
        return None

    out: list[tuple[int, ox.NamedNode | str, ox.NamedNode, ox.NamedNode | str | None]] = []
    group, depth = 0, 0
    while i < len(tokens):
        kind, text = tokens[i]
        word = text.upper() if kind == "word" else ""
        if text in ("{", "}"):
            depth += 1 if text == "{" else -1
            group += 1
            i += 1
            if depth == 0:  # the end of WHERE: only a solution modifier may follow
                return out if all(t[1] not in ("{", "}") for t in tokens[i:]) else None
        elif word in ("OPTIONAL", "MINUS"):
            group += 1
            i += 1
        elif word == "FILTER":
            group += 1
            i += 1
            if i < len(tokens) and tokens[i][1] == "(":
                level = 0
                while i < len(tokens):
                    level += {"(": 1, ")": -1}.get(tokens[i][1], 0)
                    if tokens[i][1] in ("{", "}"):
                        return None  # EXISTS inside an expression
                    i += 1
                    if level == 0:
                        break
            elif i + 1 < len(tokens) and [t[1].upper() for t in tokens[i : i + 2]] in (
                ["NOT", "EXISTS"],
                ["EXISTS", "{"],
            ):
                i += 2 if tokens[i][1].upper() == "NOT" else 1
            else:
                return None
        elif text == ".":
            i += 1
        elif kind in ("var", "iri", "pname"):
            subject = term(kind, text)
            if subject == "":
                return None
            i += 1
            while True:  # predicate-object lists: p o , o ; p o .
                if i >= len(tokens):
                    return None
                kind, text = tokens[i]
                predicate = RDF.type if (kind, text) == ("word", "a") else term(kind, text)
                if not isinstance(predicate, ox.NamedNode) or (i + 1 < len(tokens) and tokens[i + 1][1] in _PATH):
                    return None
                i += 1
                while True:
                    if i >= len(tokens) or tokens[i][0] not in _OBJECTS and tokens[i][1] not in ("true", "false"):
                        return None
                    obj = term(*tokens[i])
                    if obj == "":
                        return None
                    i += 1
                    if tokens[i - 1][0] == "string" and i < len(tokens):
                        if tokens[i][0] == "lang":
                            i += 1
                        elif tokens[i][1] == "^^" and i + 1 < len(tokens) and tokens[i + 1][0] in ("iri", "pname"):
                            i += 2
                    out.append((group, subject, predicate, obj))
                    if i < len(tokens) and tokens[i][1] == ",":
                        i += 1
                        continue
                    break
                if i < len(tokens) and tokens[i][1] == ";":
                    i += 1
                    while i < len(tokens) and tokens[i][1] == ";":
                        i += 1
                    if i < len(tokens) and tokens[i][1] in (".", "}"):
                        break
                    continue
                break
            if i < len(tokens) and tokens[i][1] not in (".", "}") and tokens[i][0] != "word":
                return None
        else:
            return None
    return None


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
    token = _token()
    while at < len(query):
        m = token.match(query, at)
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
