"""Why the parser refused a query, said for the common mistakes in place of the parser's own words.

The parser (Oxigraph's) names the tokens it could have read at the furthest place it reached, which for
three common mistakes points at the wrong thing: a prefix the query does not declare is "expected
ENCODE_FOR_URI" (or a list of the grammar's character classes), an update sent as a query
(https://www.w3.org/TR/sparql11-update/) is "expected CONSTRUCT", and a ``\\u`` escape of a surrogate
is "expected ENCODE_FOR_URI" several words after the escape. :func:`reason` reads the query's tokens
(:mod:`sakrad_ld.sparql.limits`) and says these as what they are, with the line and column of the
word at fault, in the form the parser's messages have (``error at L:C: …``), so every reader of the
message (a program's Problem Details, ``sakrad-ld query``, the endpoint's page) finds the place.
"""

from __future__ import annotations

import re

from ..vocab import PREFIXES
from .limits import Lexed

__all__ = ["UPDATE_WORDS", "reason"]

#: The words an update's operation begins with (SPARQL 1.1 Update §3, after its prologue).
UPDATE_WORDS = frozenset({"insert", "delete", "load", "clear", "create", "drop", "copy", "move", "add", "with"})
#: The words a query's form begins with (SPARQL 1.1 Query §19.8, ``Query``: after its prologue).
QUERY_WORDS = frozenset({"select", "construct", "ask", "describe"})
#: The words of a prologue and how many tokens follow each.
_PROLOGUE = {"base": 1, "prefix": 2, "version": 1}
#: A codepoint escape (SPARQL 1.1 Query §19.2) after an even number of backslashes (``\\\\u…`` is a
#: backslash and the letter u).
_ESCAPE = re.compile(r"(?<!\\)(?:\\\\)*(\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})")
_LAST = 0x10FFFF


def reason(lexed: Lexed, message: str) -> str | None:
    """What is wrong with the query the parser refused with ``message`` (its ``error at L:C``
    translated to the text as written), when it is an update, an undeclared prefix at or before the
    parser's place, an escape of no character or a text that begins no query; None otherwise (the
    parser's message is kept)."""
    return _update(lexed) or _escape(lexed) or _no_form(lexed) or _undeclared(lexed, _offset(lexed.text, message))


def _after_prologue(lexed: Lexed) -> int:
    """The index of the first token after the query's prologue (BASE, PREFIX and VERSION lines)."""
    tokens = lexed.tokens
    i = 0
    while i < len(tokens) and tokens[i].kind == "name" and tokens[i].text.lower() in _PROLOGUE:
        i += _PROLOGUE[tokens[i].text.lower()] + 1
    return i


def _update(lexed: Lexed) -> str | None:
    tokens = lexed.tokens
    i = _after_prologue(lexed)
    if i >= len(tokens) or tokens[i].kind != "name" or tokens[i].text.lower() not in UPDATE_WORDS:
        return None
    word = tokens[i].text.upper()
    return (
        f"{_at(lexed, tokens[i].offset)}: {word} begins an update (SPARQL 1.1 Update), not a query; this "
        "endpoint is read-only: it answers queries (SELECT, CONSTRUCT, ASK, DESCRIBE) and refuses updates; "
        "build a new release to change the data"
    )


def _no_form(lexed: Lexed) -> str | None:
    """A text whose first word after the prologue begins no query (``a:b a:b``, ``SELEC ?x``, ``{ ?s ?p ?o }``)
    is not a query, whatever else is wrong with it."""
    tokens = lexed.tokens
    i = _after_prologue(lexed)
    if i >= len(tokens) or (tokens[i].kind == "name" and tokens[i].text.lower() in QUERY_WORDS):
        return None
    return (
        f"{_at(lexed, tokens[i].offset)}: {_short(tokens, tokens[i].offset)!r} begins no query; after its PREFIX "
        "and BASE lines a query begins with SELECT, CONSTRUCT, ASK or DESCRIBE"
    )


def _escape(lexed: Lexed) -> str | None:
    for token in lexed.tokens:
        for m in _ESCAPE.finditer(token.text):
            code = int(m[1][2:], 16)
            if 0xD800 <= code <= 0xDFFF:
                what = (
                    "is a surrogate, not a character; write the character itself, or a character past "
                    "U+FFFF as one \\U escape of 8 digits (\\U0001F600), not as a pair of \\u escapes"
                )
            elif code > _LAST:
                what = "is past U+10FFFF, the last code point: it names no character"
            else:
                continue
            return f"{_at(lexed, token.offset + m.start(1))}: {m[1]} {what}"
    return None


def _undeclared(lexed: Lexed, offset: int | None) -> str | None:
    """The undeclared prefix used nearest before the parser's place (the engine stops at its name)."""
    if offset is None:
        return None
    declared: set[str] = set()
    found: tuple[int, str] | None = None
    tokens = lexed.tokens
    for i, token in enumerate(tokens):
        if token.kind != "name" or ":" not in token.text:
            continue
        prefix = token.text.split(":", 1)[0]
        if i and tokens[i - 1].kind == "name" and tokens[i - 1].text.lower() == "prefix":
            declared.add(prefix)
        elif prefix not in declared and token.offset <= offset:
            found = (token.offset, prefix)
    if found is None:
        return None
    at, prefix = found
    iri = PREFIXES.get(prefix) if prefix else None
    if not prefix:
        return (
            f"{_at(lexed, at)}: prefix '' (the empty prefix of {_short(tokens, at)}) not declared; add a line "
            "PREFIX : <…> with the namespace's IRI at the start of the query, or write the whole IRI in <…>"
        )
    add = (
        f"add the line PREFIX {prefix}: <{iri}> at the start of the query"
        if iri
        else f"add a line PREFIX {prefix}: <…> with the namespace's IRI at the start of the query, or write the "
        "whole IRI in <…>"
    )
    return f"{_at(lexed, at)}: prefix '{prefix}' not declared; {add}"


def _short(tokens: tuple, at: int) -> str:
    text = next(t.text for t in tokens if t.offset == at)
    return text if len(text) <= 40 else text[:39] + "…"


def _offset(text: str, message: str) -> int | None:
    found = re.search(r"\bat (\d+):(\d+)", message)
    if found is None:
        return None
    line, column = int(found[1]), int(found[2])
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    return starts[line - 1] + column - 1 if line <= len(starts) else None


def _at(lexed: Lexed, offset: int) -> str:
    """``error at L:C`` of ``offset`` in the text as written (columns counted as the parser counts)."""
    before = lexed.text.rfind("\n", 0, offset) + 1
    return f"error at {lexed.text.count(chr(10), 0, offset) + 1}:{offset - before + 1}"
