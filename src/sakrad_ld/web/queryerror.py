"""What is wrong with a query the parser refuses, said shortly in the page's language.

The parser's own message (Oxigraph's, in English) lists every token it could have read, with the
character classes of SPARQL's grammar (``['A' ..= 'Z' | 'a' ..= 'z' | '\\u{00C0}'..='\\u{00D6}' …]``):
hundreds of characters that fill a phone's screen and hide the point. The page says the common
cases in its own words — a prefix that is not declared, a variable of a grouped SELECT that is
neither grouped nor aggregated, something unexpected at a place — and keeps the parser's message,
without its character classes, below that (marked English). A program's Problem Details keep the
whole message (:mod:`sakrad_ld.serving.protocol`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..vocab import PREFIXES

__all__ = ["Explained", "explain"]

#: What the query endpoint says before the parser's message, and the grammar's address after it.
_NOT_SPARQL = "the query is not valid SPARQL 1.1: "
_GRAMMAR = re.compile(r"\s*\(see https?://[^)\s]*\)\s*$")
_EXPECTED = "expected one of "
_WHERE = re.compile(r"error at (\d+):(\d+)")
#: The sentences the parser puts among the tokens it expected.
_UNDECLARED = "Prefix not found"
_UNBOUND = "The SELECT contains a variable that is unbound"
#: Expected tokens named on the page at most; the rest are "…".
_SHOWN = 12
_PREFIXED = re.compile(r"(?<![\w?$<:#/.-])([A-Za-z][\w.-]*)?:(?=[\w%\\]|\s|$|[;,.)\]}])")
_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:", re.I)
_QUOTED = re.compile(r"<[^<>\s]*>|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|#[^\n]*")
_VARIABLE = re.compile(r"[?$]([\w]+)")
#: The forms a query begins with (after its PREFIX and BASE lines).
_FORMS = ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")
#: Tokens the parser (of SPARQL 1.2) expects that SPARQL 1.1 has not: not named on the page.
_NOT_11 = ("VERSION",)


@dataclass(frozen=True)
class Explained:
    """``key`` names the short text in ``templates/messages`` (with ``values``); ``expected`` the
    tokens the parser could have read there (keywords and punctuation, no character classes);
    ``parser`` its message without the character classes (English); ``syntax`` False for another
    error than the parser's (a time limit, a cap, a dataset the store has not), whose message is
    shown as it is."""

    key: str | None
    values: dict[str, str] = field(default_factory=dict)
    expected: list[str] = field(default_factory=list)
    more: int = 0
    parser: str = ""
    syntax: bool = True


def explain(message: str, query: str) -> Explained:
    """The short explanation of a refused query's ``message`` (the endpoint's, with the parser's)."""
    if not message.startswith(_NOT_SPARQL):
        return Explained(None, parser=message, syntax=False)
    parser = _GRAMMAR.sub("", message[len(_NOT_SPARQL) :])
    items = _items(parser)
    readable = [i for i in items if not i.startswith("[") and i not in (_UNDECLARED, _UNBOUND)]
    short_parser = _short(parser, items)
    at = _WHERE.search(parser)
    line, column = (int(at[1]), int(at[2])) if at else (0, 0)
    if _UNDECLARED in items:
        prefix = _undeclared(query, line, column)
        if prefix is not None:
            iri = PREFIXES.get(prefix)
            values = {"prefix": f"{prefix}:", "line": f"PREFIX {prefix}: <{iri or '…'}>"}
            return Explained("query_error_prefix" if iri else "query_error_prefix_unknown", values, parser=short_parser)
    if _UNBOUND in items:
        names = _ungrouped(query)
        if names:
            key = "query_error_ungrouped" if len(names) == 1 else "query_error_ungrouped_many"
            listed = ", ".join(f"?{n}" for n in names)
            return Explained(key, {"variables": listed, "first": f"?{names[0]}"}, parser=short_parser)
        return Explained("query_error_ungrouped_some", parser=short_parser)
    first = _first_word(query)
    if first and first.upper() not in _FORMS:
        return Explained("query_error_form", {"token": first}, parser=short_parser)
    found = _token(query, line, column)
    # a quoted sign ('"}"') as the sign itself
    readable = [i[1:-1] if len(i) > 2 and i[0] == i[-1] == '"' else i for i in readable if i not in _NOT_11]
    shown = readable[:_SHOWN]
    if found:
        return Explained(
            "query_error_unexpected",
            {"token": found},
            shown,
            len(readable) - len(shown),
            short_parser,
        )
    plain = _blanked(query)
    if plain.count("{") != plain.count("}") or plain.count("(") != plain.count(")"):
        return Explained("query_error_ends", {}, shown, len(readable) - len(shown), short_parser)
    # the parser read to the end: name the query's last words
    last = " ".join(query.split()[-2:])[:60]
    return Explained("query_error_unexpected", {"token": last}, shown, len(readable) - len(shown), short_parser)


def _items(parser: str) -> list[str]:
    """The tokens of the parser's "expected one of A, B, [class], …" list, split at top-level commas."""
    start = parser.find(_EXPECTED)
    if start < 0:
        return []
    text = parser[start + len(_EXPECTED) :]
    items, depth, current, quote = [], 0, [], ""
    i = 0
    while i < len(text):
        c = text[i]
        if quote:
            current.append(c)
            if c == "\\" and i + 1 < len(text):
                current.append(text[i + 1])
                i += 1
            elif c == quote:
                quote = ""
        elif c in "'\"":
            quote = c
            current.append(c)
        elif c == "[":
            depth += 1
            current.append(c)
        elif c == "]":
            depth -= 1
            current.append(c)
        elif c == "," and depth == 0:
            items.append("".join(current).strip())
            current = []
        else:
            current.append(c)
        i += 1
    if "".join(current).strip():
        items.append("".join(current).strip())
    return [" ".join(i.split()) for i in items if i]


def _short(parser: str, items: list[str]) -> str:
    """The parser's message without its character classes (``[…]``)."""
    start = parser.find(_EXPECTED)
    if start < 0:
        return " ".join(parser.split())
    kept = [i for i in items if not i.startswith("[")]
    cut = len(items) - len(kept)
    tail = ", ".join(kept) + (f" (and {cut} character classes)" if cut else "")
    return " ".join(parser[: start + len(_EXPECTED)].split()) + " " + tail


def _blanked(query: str) -> str:
    """The query with its IRIs, strings and comments blanked out (same length, same lines)."""
    return _QUOTED.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), query)


def _undeclared(query: str, line: int, column: int) -> str | None:
    """The prefix the query uses but does not declare, the one nearest before the error's place
    (``sakrad`` for ``?s a sakrad:Sakrad``); ``""`` for the empty prefix ``:x``."""
    plain = _blanked(query)
    declared = {m[1] or "" for m in _DECLARED.finditer(plain)}
    lines = plain.split("\n")
    offset = sum(len(x) + 1 for x in lines[: max(line - 1, 0)]) + max(column - 1, 0)
    best: tuple[int, str] | None = None
    for m in _PREFIXED.finditer(plain):
        name = m[1] or ""
        if name in declared or plain[max(m.start() - 7, 0) : m.start()].upper().rstrip().endswith("PREFIX"):
            continue
        distance = offset - m.start() if m.start() <= offset else len(plain) + m.start()
        if best is None or distance < best[0]:
            best = (distance, name)
    return best[1] if best else None


def _ungrouped(query: str) -> list[str]:
    """The variables a SELECT with GROUP BY names without grouping by them or aggregating them."""
    plain = _blanked(query)
    select = re.search(r"\bSELECT\b(.*?)(?:\bWHERE\b|\{)", plain, re.I | re.S)
    group = re.search(
        r"\bGROUP\s+BY\b(.*?)(?:\bHAVING\b|\bORDER\b|\bLIMIT\b|\bOFFSET\b|\bVALUES\b|\}|$)", plain, re.I | re.S
    )
    if select is None or group is None:
        return []
    clause = select[1]
    # drop the (expression AS ?x) parts: their variables are aggregated or computed
    while True:
        stripped = re.sub(r"\([^()]*\)", " ", clause)
        if stripped == clause:
            break
        clause = stripped
    grouped = set(_VARIABLE.findall(group[1]))
    named = list(dict.fromkeys(_VARIABLE.findall(clause)))
    return [n for n in named if n not in grouped]


def _first_word(query: str) -> str:
    """The query's first word after its PREFIX and BASE declarations ("" if none)."""
    plain = _blanked(query)
    rest = re.sub(r"^\s*(?:(?:PREFIX\s+[\w.-]*:|BASE)\s*<?\s*>?\s*)*", "", plain, flags=re.I)
    found = re.match(r"\s*([A-Za-z]+)", rest)
    return found[1] if found else ""


def _token(query: str, line: int, column: int) -> str:
    """The words around line/column (1-based) of the query: the word before and the one there
    (``LIMT 5``); "" where the query has ended."""
    lines = query.split("\n")
    if not 1 <= line <= len(lines):
        return ""
    text = lines[line - 1]
    cut = max(column - 1, 0)
    rest = text[cut:]
    if not rest.strip():
        later = "\n".join(lines[line:]).split()
        return later[0][:40] if later else ""
    here = re.match(r"\s*([\w?$:.-]+|\S)", rest)
    before = re.search(r"(\S+)\s*$", text[:cut])
    words = ((before[1] + " ") if before else "") + (here[1] if here else "")
    return words.strip()[:60]
