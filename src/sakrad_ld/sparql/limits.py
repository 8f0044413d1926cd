"""A query's text as the SPARQL engine reads it, and what it may be before the engine parses it.

Every decision taken on a query's text before pyoxigraph sees it (its size, nesting and length,
``SERVICE``, the ``FROM`` clauses, the answer cache's key) is taken on the tokens of :func:`lex`,
and pyoxigraph (0.5, which exposes no parsed query) then runs exactly the text those tokens make:
:attr:`Lexed.text_run`, the tokens with every run of whitespace and comments between them read as
one space. So what the lexer takes for a comment is gone for the engine too, and the text the
answer cache keys by is the text that runs.

The lexer follows the terminals of the SPARQL 1.1 grammar (https://www.w3.org/TR/sparql11-query/#terminals)
and, where pyoxigraph's parser reads a text otherwise, the engine:

- whitespace is space, tab, CR and LF only; a comment runs from ``#`` to the next CR or LF;
- a variable's name has no ``.`` (``?x.SERVICE`` is ``?x`` ``.`` ``SERVICE``), a prefixed name may
  (``ex:a.b``), and ``ex:a\\#b`` is one name (a backslash escape), not a name and a comment;
- ``\\u`` and ``\\U`` escapes are read inside strings and IRIs only (pyoxigraph does not decode them
  elsewhere); a backslash anywhere else is refused;
- ``<`` after an operand inside an expression (``FILTER(?a<?b&&?c>?d)``) is less-than, not the
  start of an IRI, as the engine reads it; where the lexer cannot tell an expression from a
  collection and the text would read differently either way, it is refused as ambiguous;
- pyoxigraph matches keywords without a boundary after them (``SERVICE:x`` is ``SERVICE`` ``:x``,
  ``SERVICESILENT``, ``FROMex:g``, ``ASKFROM<g>``, ``?o true SERVICE`` written ``trueSERVICE``), so a
  name is also read as the keywords it may begin with (:func:`keyword_reading`);
- a byte order mark (U+FEFF) that opens the text is no part of the query (RFC 3629 §6: a UTF-8
  stream may begin with one, as a .rq file saved by Windows Notepad does) and is dropped
  (:func:`without_byte_order_mark`); anywhere else outside a string, an IRI, a comment or a name
  it is refused saying what it is (the engine said only "expected one of VERSION" at a column past
  the text's end). Inside a name the grammar allows it (``PN_CHARS_BASE``), and so does the engine.

pyoxigraph's parser and planner recurse once per nesting level and once per element of a flat
list of patterns or operators, on the calling thread's stack, and a deep or long enough query
overflows it: the process dies with SIGSEGV, no exception is raised. Measured with pyoxigraph
0.5.13 on an empty store, 8 MB stack, each query in a subprocess, doubling from 250: 1,000 nested
function calls or ``FILTER EXISTS`` (500 ran), 4,000 nested ``{``, sub-SELECTs or ``GRAPH``s, 4,000
``MINUS``es, ``BIND``s or ``(expr AS ?v)`` in a row, 8,000 nested ``(``, ``UNION``s or ``+``s,
16,000 ``FILTER``s, ``||``s or path ``|``s. So a query
deeper than :data:`MAX_DEPTH` or longer than :data:`MAX_ELEMENTS` (brackets, pattern separators,
operators and pattern keywords, counted together) is refused with the line and column where it
passed the limit. Both limits are far above what a person or a program writes (the saved queries
reach depth 7 and 43 elements) and far below where the engine fails.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from ..errors import QueryError

__all__ = [
    "MAX_DEPTH",
    "MAX_ELEMENTS",
    "MAX_QUERY_BYTES",
    "BYTE_ORDER_MARK",
    "Lexed",
    "Token",
    "check_query_text",
    "keyword_reading",
    "lex",
    "without_byte_order_mark",
]

#: U+FEFF, the byte order mark: at the start of a text, a mark of its encoding, not a character of it.
BYTE_ORDER_MARK = "\ufeff"


def without_byte_order_mark(text: str) -> str:
    """``text`` without the byte order mark it may begin with (RFC 3629 §6); one elsewhere is kept."""
    return text.removeprefix(BYTE_ORDER_MARK)


#: The largest query accepted, in bytes of UTF-8.
MAX_QUERY_BYTES = 256 * 1024
#: The deepest nesting of ``{`` ``(`` ``[`` accepted.
MAX_DEPTH = 64
#: The most brackets, pattern separators, operators and pattern keywords a query may have in all.
MAX_ELEMENTS = 1000

# --- the terminals (SPARQL 1.1 Query §19.8) -------------------------------------------------------

_BASE = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_U = _BASE + "_"  # PN_CHARS_U
_CHARS = _U + r"\-0-9\u00b7\u0300-\u036f\u203f-\u2040"  # PN_CHARS
_VARNAME = f"[{_U}0-9][{_U}0-9\u00b7\u0300-\u036f\u203f-\u2040]*"
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
# PN_PREFIX read in one pass: the whole run of name characters and dots, which must not end in a dot
# and must be followed by ':' (tried the grammar's way, with backtracking, a run that is not a
# prefix was scanned again and again). A run that is no prefix is not tried again from each of
# its words either (``lex`` reads those with ``_TERMINALS_IN_RUN``): "a-a-a-…" took seconds for
# 32 KB, quadratic, on the server's event loop.
_PREFIX = f"[{_BASE}](?>[{_CHARS}.]*)(?<!\\.)"
_RUN = re.compile(f"[{_CHARS}.]*")
_LOCAL = f"(?:[{_U}:0-9]|{_PLX})(?:(?:[{_CHARS}.:]|{_PLX})*(?:[{_CHARS}:]|{_PLX}))?"
_UCHAR = r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"
_ECHAR = rf"\\[tbnrf\\\"']|{_UCHAR}"

_SPACE = re.compile(r"(?:[ \t\r\n]+|#[^\r\n]*)+")


def _terminals(prefix: str) -> re.Pattern[str]:
    return re.compile(
        rf"""
      (?P<string>'''(?:(?:'|'')?(?:[^'\\]|{_ECHAR}))*'''
               |\"\"\"(?:(?:"|"")?(?:[^"\\]|{_ECHAR}))*\"\"\"
               |'(?:[^'\\\n\r]|{_ECHAR})*'
               |"(?:[^"\\\n\r]|{_ECHAR})*")
    | (?P<var>[?$]{_VARNAME})
    | (?P<blank>_:[{_U}0-9](?:[{_CHARS}.]*[{_CHARS}])?)
    | (?P<langtag>@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*(?:--[a-zA-Z]+)?)
    | (?P<number>[0-9]+\.[0-9]*[eE][+-]?[0-9]+|\.[0-9]+[eE][+-]?[0-9]+|[0-9]+[eE][+-]?[0-9]+|[0-9]*\.[0-9]+|[0-9]+)
    | (?P<name>(?:{prefix})?:(?:{_LOCAL})?|[{_BASE}_][{_U}0-9]*)
    | (?P<open>[{{(\[])
    | (?P<close>[}})\]])
    | (?P<operator>\|\||&&|\^\^|[!<>]=|[.;,|/*+\-^!=<>?~])
    """,
        re.VERBOSE,
    )


_TERMINALS = _terminals(_PREFIX)
#: the terminals within a run of name characters known to be no prefix: no prefix is tried there
_TERMINALS_IN_RUN = _terminals("(?!)")
_IRI = re.compile(rf"<(?:[^<>\"{{}}|^`\\\x00-\x20]|{_UCHAR})*>")
#: What an IRI read as code instead would hide from the lexer: comments, strings, brackets.
_HIDES = re.compile(r"[#'()\[\]]")

#: Every keyword, built-in function name and keyword literal of SPARQL 1.1 and of the SPARQL 1.2
#: drafts pyoxigraph reads, lower case: the engine matches each without a boundary after it.
KEYWORDS = frozenset(
    """
    base prefix version select construct describe ask distinct reduced as where from named group by
    having order asc desc limit offset values load silent into clear drop create add move copy to
    insert data delete with using default all graph optional service bind undef minus union filter
    not in exists lateral a true false str lang langmatches langdir datatype bound iri uri bnode rand
    abs ceil floor round concat strlen ucase lcase encode_for_uri contains strstarts strends strbefore
    strafter year month day hours minutes seconds timezone tz now uuid struuid md5 sha1 sha256 sha384
    sha512 coalesce if strlang strlangdir strdt sameterm isiri isuri isblank isliteral isnumeric
    istriple triple subject predicate object haslang haslangdir regex substr replace count sum min
    max avg sample group_concat separator adjust
    """.split()
)

#: Words after which ``(`` opens an expression wherever it stands (FILTER, BIND, built-in calls …).
_NOT_CALLS = frozenset({"a", "true", "false", "values"})
_CLAUSE_WORDS = {"select": "expr", "by": "expr", "having": "expr", "where": None, "values": "values"}


@dataclass(frozen=True)
class Token:
    """One token: its kind (string, iri, var, blank, langtag, number, name, open, close, operator),
    its text as written and its offset in the query's text."""

    kind: str
    text: str
    offset: int
    #: an IRI where the engine may read ``<`` as less-than (its operators then count as elements)
    ambiguous: bool = False
    #: a bracket of VALUES or of a triple term (rows of data, which the engine reads in a loop)
    data: bool = False


@dataclass(frozen=True)
class Lexed:
    """A query's text and its tokens (whitespace and comments left out)."""

    text: str
    tokens: tuple[Token, ...]

    @property
    def text_run(self) -> str:
        """The text the engine runs: the tokens, one space where whitespace or comments stood."""
        out: list[str] = []
        end = 0
        for token in self.tokens:
            if token.offset > end and out:
                out.append(" ")
            out.append(token.text)
            end = token.offset + len(token.text)
        return "".join(out)

    def where(self, offset: int) -> str:
        """``line L, column C`` of ``offset`` in the text as written (lines end at LF, as the engine counts)."""
        return _where(self.text, offset)

    def original_offset(self, run_offset: int) -> int:
        """The offset in the text as written of ``run_offset`` in :attr:`text_run`."""
        starts, tokens = [], []
        at = end = 0
        for token in self.tokens:
            if token.offset > end and tokens:
                at += 1
            starts.append(at)
            tokens.append(token)
            at += len(token.text)
            end = token.offset + len(token.text)
        i = bisect.bisect_right(starts, run_offset) - 1
        if i < 0:
            return 0
        token = tokens[i]
        inside = run_offset - starts[i]
        return token.offset + inside if inside <= len(token.text) else token.offset + len(token.text)

    def engine_message(self, message: str) -> str:
        """The engine's message about :attr:`text_run` with its ``line:column`` turned into the text's as written."""
        run = self.text_run

        def moved(m: re.Match[str]) -> str:
            line, column = int(m.group(1)), int(m.group(2))
            starts = [0] + [i + 1 for i, c in enumerate(run) if c == "\n"]
            if line > len(starts):
                return m.group()
            offset = self.original_offset(starts[line - 1] + column - 1)
            before = self.text.rfind("\n", 0, offset) + 1
            return f"at {self.text.count(chr(10), 0, offset) + 1}:{offset - before + 1}"

        return re.sub(r"\bat (\d+):(\d+)", moved, message, count=1)


def keyword_reading(word: str) -> frozenset[str]:
    """The keywords the engine may read at the start of the name ``word`` and after them: pyoxigraph
    matches a keyword without a boundary after it, so ``SERVICEx:y`` may be ``SERVICE x:y`` and
    ``trueSERVICE`` ``true SERVICE``. The words of :data:`KEYWORDS` reached by reading keywords one
    after another from the start (``{"service"}`` for ``SERVICE:x``; the word itself when it is one)."""
    return _keyword_reading(word.lower())


@lru_cache(maxsize=4096)
def _keyword_reading(word: str) -> frozenset[str]:
    found: set[str] = set()
    seen = {0}
    todo = [0]
    while todo:
        at = todo.pop()
        for keyword in KEYWORDS:
            if word.startswith(keyword, at):
                found.add(keyword)
                if at + len(keyword) not in seen:
                    seen.add(at + len(keyword))
                    todo.append(at + len(keyword))
    return frozenset(found)


def _operand(token: Token | None) -> bool:
    if token is None:
        return False
    if token.kind in ("var", "number", "string", "langtag", "iri", "blank"):
        return True
    if token.kind == "close":
        return token.text in ")]"
    return token.kind == "name" and (":" in token.text or token.text in ("true", "false"))


def lex(text: str) -> Lexed:
    """The tokens of ``text`` as the engine reads them; QueryError (with line and column) for a backslash
    where SPARQL has none, a ``<`` the engine may read either as less-than or as the start of an IRI,
    or a byte order mark that stands alone or begins a keyword (one that opens a query is dropped
    before, :func:`without_byte_order_mark`)."""
    found: list[Token] = []
    # the open brackets, each with what it holds: "group" ({ [), "expr" (an expression), "data"
    # (VALUES), "other" (a collection or a path), and the clause that was open outside it
    stack: list[tuple[str, str, str | None]] = []
    clause: str | None = None
    at, end = 0, len(text)
    no_prefix_until = 0  # the end of a run of name characters that is no prefix
    previous: Token | None = None
    while True:
        space = _SPACE.match(text, at)
        if space:
            at = space.end()
        if at >= end:
            break
        inner = stack[-1][1] if stack else "top"
        char = text[at]
        token: Token | None = None
        if char == "<":
            iri = _IRI.match(text, at)
            either = inner in ("expr", "other") and _operand(previous)
            if iri and either and _HIDES.search(iri.group(), 1):
                raise QueryError(
                    f"{_where(text, at)}: '<' may be read here as less-than or as the start of the IRI "
                    f"{iri.group()[:60]}, which would change what follows; write the IRI as a prefixed "
                    "name, or a space after '<' if it compares"
                )
            if iri and not (inner == "expr" and either):  # after an operand in an expression: less-than
                token = Token("iri", iri.group(), at, either)
        if token is None:
            m = (_TERMINALS_IN_RUN if at < no_prefix_until else _TERMINALS).match(text, at)
            if not m or (char == "\\"):
                if char == "\\":
                    raise QueryError(
                        f"{_where(text, at)}: a backslash outside a string or an IRI, or not escaping one of "
                        "_~.-!$&'()*+,;=/?#@% in a prefixed name, is not SPARQL"
                    )
                token = Token("operator", char, at)  # a character SPARQL has no use for: the engine refuses it
            else:
                token = Token(m.lastgroup or "operator", m.group(), at)
                if token.kind == "name" and ":" not in token.text and BYTE_ORDER_MARK in token.text:
                    raise QueryError(
                        f"{_where(text, at + token.text.index(BYTE_ORDER_MARK))}: a byte order mark (U+FEFF, "
                        "a character most editors do not show) stands here; it may only open the query's "
                        "text, where it is dropped: delete it",
                        ("query_error_bom", {}),
                    )
                if token.kind == "name" and ":" not in token.text and at >= no_prefix_until:
                    # the run from here is no prefix, so none of its later words is one either
                    no_prefix_until = _RUN.match(text, at + 1).end()
        if token.kind == "open":
            if token.text == "(":
                word = previous.text.lower() if previous is not None and previous.kind == "name" else ""
                before = found[-2] if len(found) > 1 else None
                if inner in ("expr", "data"):
                    what = inner
                elif word == "values" or clause == "values" or inner == "values":
                    what = "data"
                elif inner == "top" or clause == "expr":
                    what = "expr"
                elif word and ":" not in word and word not in _NOT_CALLS:
                    what = "expr"  # FILTER( BIND( STR( …
                elif (
                    previous is not None
                    and previous.kind in ("iri", "name")
                    and before is not None
                    and (before.kind == "name" and before.text.lower() == "filter")
                ):
                    what = "expr"  # FILTER ex:f(…)
                elif len(found) > 1 and previous is not None and previous.text == "<" and before.text == "<":
                    what = "data"  # a triple term <<( s p o )>>
                else:
                    what = "other"
            elif token.text == "{":
                what = "values" if (clause == "values" or inner == "data") else "group"
            else:
                what = "group"
            if what in ("data", "values"):
                token = Token(token.kind, token.text, token.offset, data=True)
            stack.append((token.text, what, clause))
            clause = None
        elif token.kind == "close":
            if stack:
                clause = stack.pop()[2]
                if clause == "values" and token.text == "}":
                    clause = None
        elif token.kind == "name" and token.text.lower() in _CLAUSE_WORDS:
            clause = _CLAUSE_WORDS[token.text.lower()]
        found.append(token)
        previous = token
        at += len(token.text)
    return Lexed(text, tuple(found))


def _where(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    return f"line {line}, column {offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


_OPERATOR_CHARS = re.compile(r"[.;,|/*+\-^!=<>?&]")
#: Keywords that add one pattern or operator each (counted with the brackets, separators and operators).
_ELEMENT_WORDS = frozenset({"union", "optional", "minus", "filter", "bind", "graph", "service", "values"})


def check_query_text(text: str) -> Lexed:
    """The query's tokens; QueryError if the query is larger, deeper or longer than the engine can take
    safely, or reads differently to the engine and to the lexer (:func:`lex`)."""
    size = len(text.encode("utf-8"))
    if size > MAX_QUERY_BYTES:
        raise QueryError(
            f"the query has {size} bytes; queries of up to {MAX_QUERY_BYTES} bytes are accepted",
            ("query_error_size", {"size": str(size), "n": str(MAX_QUERY_BYTES)}),
        )
    lexed = lex(text)
    depth = elements = 0
    for token in lexed.tokens:
        kind = token.kind
        if kind == "open":
            depth += 1
            if depth > MAX_DEPTH:
                raise QueryError(
                    f"{lexed.where(token.offset)}: the query nests {{ ( [ deeper than {MAX_DEPTH} levels, "
                    "the most accepted; write it flatter (a sub-query is rarely needed)",
                    ("query_error_nesting", {"n": str(MAX_DEPTH)}),
                )
        elif kind == "close":
            depth = max(0, depth - 1)
        if token.ambiguous:
            elements += len(_OPERATOR_CHARS.findall(token.text))
        if (
            (kind == "open" and not token.data)
            or (kind == "operator" and token.text != "^^")
            or (kind == "name" and token.text.lower() in _ELEMENT_WORDS)
        ):
            elements += 1
            if elements > MAX_ELEMENTS:
                raise QueryError(
                    f"{lexed.where(token.offset)}: the query has more than {MAX_ELEMENTS} patterns and "
                    "operators, the most accepted; split it, or give long lists of values as VALUES",
                    ("query_error_elements", {"n": str(MAX_ELEMENTS)}),
                )
    return lexed
