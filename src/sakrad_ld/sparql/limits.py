"""What a query's text may be before the SPARQL engine parses it: its size, its nesting, its length in patterns.

pyoxigraph's parser and planner recurse once per nesting level and once per element of a flat
list of patterns or operators, on the calling thread's stack, and a deep enough query overflows
it: the process dies with SIGSEGV, no exception is raised (measured with pyoxigraph 0.5 on an
empty store, 8 MB stack): 3,000 nested ``{`` or sub-SELECTs, 10,000 nested ``(`` or ``!``, 10,000
triple patterns, FILTERs, BINDs, OPTIONALs, MINUSes, ``UNION``s, ``+`` or ``||`` in a row, or
10,000 objects after commas. So the text is read first by a small lexer that knows SPARQL's
strings, IRIs, comments and prefixed names, escapes included (``ex:a\\#b`` is one name, as the
engine reads it, not a name and a comment: https://www.w3.org/TR/sparql11-query/#grammar), and a
backslash anywhere else is refused, so that the lexer and the engine never part ways over where a
token ends (the SERVICE check and the answer cache read the same tokens); a query deeper
than :data:`MAX_DEPTH` or longer than :data:`MAX_ELEMENTS` is refused with the line and column
where it passed the limit. Both limits are far above what a person or a program writes (the
saved queries reach depth 7 and 21 elements) and far below where the engine fails.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import QueryError

__all__ = ["MAX_DEPTH", "MAX_ELEMENTS", "MAX_QUERY_BYTES", "check_query_text", "tokens"]

#: The largest query accepted, in bytes of UTF-8.
MAX_QUERY_BYTES = 256 * 1024
#: The deepest nesting of ``{`` ``(`` ``[`` accepted.
MAX_DEPTH = 64
#: The most pattern separators, operators and pattern keywords a query may have in all.
MAX_ELEMENTS = 1000

_LEXER = re.compile(
    r"""
      (?P<space>\s+)
    | (?P<comment>\#[^\n]*)
    | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
    | (?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)
    | (?P<number>\d+(?:\.\d*)?[eE][+-]?\d+|\d+(?:\.\d+)?|\.\d+(?:[eE][+-]?\d+)?)
    | (?P<name>(?:[?$:\w\u00b7-\U000effff]|\\[_~.\-!$&'()*+,;=/?\#@%])
        (?:(?:[\w.\-:%\u00b7-\U000effff]|\\[_~.\-!$&'()*+,;=/?\#@%])*
           (?:[\w\-:%\u00b7-\U000effff]|\\[_~.\-!$&'()*+,;=/?\#@%]))?)
    | (?P<open>[{(\[])
    | (?P<close>[})\]])
    | (?P<operator>\|\||&&|\^\^|[.;,|/*+\-^!=<>]=?|.)
""",
    re.VERBOSE | re.DOTALL,
)

#: Keywords that add one pattern or operator each (counted with the separators and operators).
_ELEMENT_WORDS = frozenset({"union", "optional", "minus", "filter", "bind", "graph", "service", "values"})


def tokens(text: str) -> Iterator[tuple[str, str, int]]:
    """(kind, text, offset) of every token outside whitespace and comments; strings and IRIs are one token each."""
    for m in _LEXER.finditer(text):
        kind = m.lastgroup or "operator"
        if kind not in ("space", "comment"):
            yield kind, m.group(), m.start()


def _where(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    return f"line {line}, column {offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


def check_query_text(text: str) -> None:
    """QueryError if the query is larger, deeper or longer than the engine can take safely."""
    size = len(text.encode("utf-8"))
    if size > MAX_QUERY_BYTES:
        raise QueryError(f"the query has {size} bytes; queries of up to {MAX_QUERY_BYTES} bytes are accepted")
    depth = elements = 0
    for kind, token, offset in tokens(text):
        if kind == "open":
            depth += 1
            if depth > MAX_DEPTH:
                raise QueryError(
                    f"{_where(text, offset)}: the query nests {{ ( [ deeper than {MAX_DEPTH} levels, "
                    "the most accepted; write it flatter (a sub-query is rarely needed)"
                )
        elif kind == "close":
            depth = max(0, depth - 1)
        elif token == "\\":
            raise QueryError(
                f"{_where(text, offset)}: a backslash outside a string, or not escaping one of _~.-!$&'()*+,;=/?#@% "
                "in a prefixed name, is not SPARQL"
            )
        elif (kind == "operator" and token != "^^") or (kind == "name" and token.lower() in _ELEMENT_WORDS):
            elements += 1
            if elements > MAX_ELEMENTS:
                raise QueryError(
                    f"{_where(text, offset)}: the query has more than {MAX_ELEMENTS} patterns and "
                    "operators, the most accepted; split it, or give long lists of values as VALUES"
                )
