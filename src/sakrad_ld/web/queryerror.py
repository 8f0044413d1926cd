"""What is wrong with a query the parser refuses, said shortly in the page's language.

The parser's own message (Oxigraph's, in English) lists every token it could have read, with the
character classes of SPARQL's grammar (``['A' ..= 'Z' | 'a' ..= 'z' | '\\u{00C0}'..='\\u{00D6}' …]``):
hundreds of characters that fill a phone's screen and hide the point. The page says the common
cases in its own words — a prefix that is not declared, a variable of a grouped SELECT that is
neither grouped nor aggregated, something unexpected at a place — and keeps the parser's message,
without its character classes, below that (marked English). The parser's reasons among its
expected tokens ("The query offset should be a non negative integer") are said as sentences, never
as something one may type, nor are the tokens SPARQL 1.1 lacks (``LATERAL``, triple terms) or this
endpoint refuses (``SERVICE``); the words at the error's place are shown whole; every prefix the query
uses (outside its strings, IRIs and comments) without declaring it is named; and every list is
bounded (the first few, then "… and N more"). A program's Problem Details keep the parser's whole
message (:mod:`sakrad_ld.serving.protocol`), but for the mistakes the endpoint names itself (an
undeclared prefix, an escape of no character, an update sent as a query: :mod:`sakrad_ld.sparql.reasons`).
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
_EXPECTED_ONE = re.compile(r"error at \d+:\d+: expected ")
_WHERE = re.compile(r"error at (\d+):(\d+)")
#: The sentences the parser puts among the tokens it expected.
_UNDECLARED = "Prefix not found"
_UNBOUND = "The SELECT contains a variable that is unbound"
#: Expected tokens named on the page at most; the rest are "… and N more".
_SHOWN = 12
#: Variables, prefixes and reasons named on the page at most, and tokens kept of the parser's list.
_LISTED = 8
_KEPT = 40
#: Characters of one word of the query shown at most (longer: cut, with "…").
_WORD_SHOWN = 40
_PREFIXED = re.compile(r"(?<![\w?$<:#/.-])([A-Za-z][\w.-]*)?:(?=[\w%\\]|\s|$|[;,.)\]}])")
_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:", re.I)
_QUOTED = re.compile(r"<[^<>\s]*>|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|#[^\n]*")
_VARIABLE = re.compile(r"[?$]([\w]+)")
#: The forms a query begins with (after its PREFIX and BASE lines).
_FORMS = ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")
#: Tokens the parser (of SPARQL 1.2, with Oxigraph's extensions) may expect that SPARQL 1.1 has not
#: (https://www.w3.org/TR/sparql11-query/#grammar): triple terms and their functions, directional
#: language tags, ``VERSION``, ``LATERAL``, ``ADJUST``. The endpoint answers SPARQL 1.1, so they are
#: not named on the page as something one may write (compared without case).
_NOT_11 = frozenset(
    t.casefold()
    for t in (
        "VERSION",
        "LATERAL",
        "ADJUST",
        "<<",
        "<<(",
        ">>",
        ")>>",
        "{|",
        "|}",
        "~",
        "TRIPLE",
        "isTRIPLE",
        "SUBJECT",
        "PREDICATE",
        "OBJECT",
        "LANGDIR",
        "hasLANG",
        "hasLANGDIR",
        "STRLANGDIR",
    )
)
#: SPARQL 1.1 tokens this endpoint refuses (federated query, :mod:`sakrad_ld.sparql.query`): not
#: suggested either.
_REFUSED = frozenset({"service"})


@dataclass(frozen=True)
class Explained:
    """``key`` names the short text in ``templates/messages`` (with ``values``; a list in them,
    ``variables``, names its first items and ``listed_more`` the rest); ``expected`` the tokens the
    parser could have read there (keywords and punctuation, no character classes; ``more`` not
    named); ``reasons`` the parser's own sentences among them (English: "Duplicated variable name in
    SELECT"); ``undeclared`` the other prefixes the query uses without declaring them
    (``undeclared_more`` not named); ``parser`` its message without the character classes
    (English); ``syntax`` False for another error than the parser's (a time limit, a cap, a dataset
    the store has not), whose message is shown as it is."""

    key: str | None
    values: dict[str, str] = field(default_factory=dict)
    expected: list[str] = field(default_factory=list)
    more: int = 0
    parser: str = ""
    syntax: bool = True
    reasons: list[str] = field(default_factory=list)
    listed_more: int = 0
    undeclared: list[str] = field(default_factory=list)
    undeclared_more: int = 0


def explain(message: str, query: str, said: tuple[str, dict[str, str]] | None = None) -> Explained:
    """The short explanation of a refused query's ``message`` (the endpoint's, with the parser's); a
    refusal by the endpoint's own rule gives its words as ``said`` (:class:`sakrad_ld.errors.QueryError`),
    and is said by them in the page's language."""
    if said is not None:
        return Explained(said[0], dict(said[1]), parser=message, syntax=False)
    if not message.startswith(_NOT_SPARQL):
        return Explained(None, parser=message, syntax=False)
    parser = _GRAMMAR.sub("", message[len(_NOT_SPARQL) :])
    items = _items(parser)
    short_parser = _short(parser, items)
    at = _WHERE.search(parser)
    line, column = (int(at[1]), int(at[2])) if at else (0, 0)
    handled = {_UNDECLARED, _UNBOUND}
    reasons = [_said(i) for i in items if _sentence(i) and i not in handled]
    offset = _offset(query, line, column)
    uses = _undeclared_uses(query)
    explained = _main(query, items, uses, offset, line, column)
    named = explained.values.get("prefix", "")
    others = [name for name in dict.fromkeys(name for _, name in uses) if f"{name}:" != named]
    return Explained(
        explained.key,
        explained.values,
        explained.expected,
        explained.more,
        short_parser,
        True,
        reasons[:_LISTED],
        explained.listed_more,
        [f"{name}:" for name in others[:_LISTED]],
        max(len(others) - _LISTED, 0),
    )


def _main(
    query: str,
    items: list[str],
    uses: list[tuple[int, str]],
    offset: int,
    line: int,
    column: int,
) -> Explained:
    """The short text's key and values, without the notes."""
    if _UNDECLARED in items or (uses and uses[0][0] <= offset and _first_word(query).upper() in _FORMS):
        prefix = _nearest(uses, offset)
        if prefix is not None:
            key, values = _prefix_note(prefix)
            return Explained(key, values)
    if _UNBOUND in items:
        names = _ungrouped(query)
        if names:
            key = "query_error_ungrouped" if len(names) == 1 else "query_error_ungrouped_many"
            listed = ", ".join(f"?{n}" for n in names[:_LISTED])
            return Explained(
                key, {"variables": listed, "first": f"?{names[0]}"}, listed_more=max(len(names) - _LISTED, 0)
            )
        return Explained("query_error_ungrouped_some")
    first = _first_word(query)
    if first and first.upper() not in _FORMS:
        return Explained("query_error_form", {"token": _word(first)})
    # a quoted sign ('"}"') as the sign itself; a sentence or a character class is not a token
    readable = [_unquoted(i) for i in items if not i.startswith("[") and not _sentence(i)]
    readable = [i for i in readable if i.casefold() not in _NOT_11 | _REFUSED]
    shown = readable[:_SHOWN]
    more = len(readable) - len(shown)
    found = _token(query, line, column)
    if found:
        return Explained("query_error_unexpected", {"token": found}, shown, more)
    plain = _blanked(query)
    if plain.count("{") != plain.count("}") or plain.count("(") != plain.count(")"):
        return Explained("query_error_ends", {}, shown, more)
    # the parser read to the end: name the query's last words
    last = " ".join(_word(w) for w in query.split()[-2:])
    return Explained("query_error_unexpected", {"token": last}, shown, more)


def _prefix_note(prefix: str) -> tuple[str, dict[str, str]]:
    """The short text saying ``prefix:`` is not declared, with the PREFIX line to add."""
    iri = PREFIXES.get(prefix)
    values = {"prefix": f"{prefix}:", "line": f"PREFIX {prefix}: <{iri or '…'}>"}
    return ("query_error_prefix" if iri else "query_error_prefix_unknown"), values


def _sentence(item: str) -> bool:
    """Whether an item of the parser's expected list is one of its sentences (words with spaces,
    not quoted: "Prefix not found") rather than a token (``"$"``, ``IF``) or a class (``[…]``)."""
    return not item.startswith(("[", '"', "'")) and any(c.isspace() for c in item)


def _said(sentence: str) -> str:
    """A parser's sentence as a sentence: its first letter capital, a full stop at its end."""
    return sentence[:1].upper() + sentence[1:] + ("" if sentence.endswith((".", "!", "?")) else ".")


def _unquoted(item: str) -> str:
    """A token of the parser's list as a person types it: ``"\\""`` is ``"``, ``"'"`` is ``'`` (the
    parser writes each token as a Rust string literal, quotes and backslashes escaped)."""
    if len(item) > 2 and item[0] == item[-1] == '"':
        return _ESCAPED.sub(r"\1", item[1:-1])
    return item


_ESCAPED = re.compile(r"\\(.)", re.DOTALL)


def _word(word: str) -> str:
    """A word of the query as it is, cut (with "…") past :data:`_WORD_SHOWN` characters."""
    return word if len(word) <= _WORD_SHOWN else word[: _WORD_SHOWN - 1] + "…"


def _items(parser: str) -> list[str]:
    """The tokens of the parser's "expected one of A, B, [class], …" list, split at top-level commas."""
    start = parser.find(_EXPECTED)
    if start < 0:
        one = _EXPECTED_ONE.search(parser)  # "expected DISTINCT", "expected IRI parsing failed"
        return [" ".join(parser[one.end() :].split())] if one else []
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
    """The parser's message without its character classes (``[…]``), its list of tokens cut
    after :data:`_KEPT` of them."""
    start = parser.find(_EXPECTED)
    if start < 0:
        return " ".join(parser.split())
    kept = [i for i in items if not i.startswith("[")]
    cut = len(items) - len(kept)
    tail = ", ".join(kept[:_KEPT]) + (f" and {len(kept) - _KEPT} more" if len(kept) > _KEPT else "")
    tail += f" (and {cut} character classes)" if cut else ""
    return " ".join(parser[: start + len(_EXPECTED)].split()) + " " + tail


def _blanked(query: str) -> str:
    """The query with its IRIs, strings and comments blanked out (same length, same lines)."""
    return _QUOTED.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), query)


def _offset(query: str, line: int, column: int) -> int:
    """The character offset of line/column (1-based) in the query."""
    lines = query.split("\n")
    return sum(len(x) + 1 for x in lines[: max(line - 1, 0)]) + max(column - 1, 0)


def _undeclared_uses(query: str) -> list[tuple[int, str]]:
    """Where the query uses a prefix it does not declare, outside its strings, IRIs and comments:
    (offset, prefix) in the query's order (``sakrad`` for ``?s a sakrad:Sakrad``; ``""`` for the
    empty prefix ``:x``)."""
    plain = _blanked(query)
    declared = {m[1] or "" for m in _DECLARED.finditer(plain)}
    uses = []
    for m in _PREFIXED.finditer(plain):
        name = m[1] or ""
        if name in declared or plain[max(m.start() - 7, 0) : m.start()].upper().rstrip().endswith("PREFIX"):
            continue
        uses.append((m.start(), name))
    return uses


def _nearest(uses: list[tuple[int, str]], offset: int) -> str | None:
    """The prefix of the use nearest before ``offset`` (else the first one after it)."""
    before = [name for start, name in uses if start <= offset]
    if before:
        return before[-1]
    return uses[0][1] if uses else None


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
    """The words around line/column (1-based) of the query, each whole as the query has it (cut
    only past :data:`_WORD_SHOWN` characters): the word before and the one there (``LIMT 5``;
    ``SELECT SELECT`` when the column falls inside the second word); "" where the query has ended."""
    lines = query.split("\n")
    if not 1 <= line <= len(lines):
        return ""
    text = lines[line - 1]
    cut = max(column - 1, 0)
    if not text[cut:].strip():
        later = "\n".join(lines[line:]).split()
        return _word(later[0]) if later else ""
    # back to the start of the word the column falls in
    while 0 < cut < len(text) and not text[cut].isspace() and not text[cut - 1].isspace():
        cut -= 1
    here = re.match(r"\s*(\S+)", text[cut:])
    before = re.search(r"(\S+)\s*$", text[:cut])
    words = [w[1] for w in (before, here) if w]
    return " ".join(_word(w) for w in words)
