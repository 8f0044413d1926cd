"""The exceptions sakrad-ld raises, one tree::

    SakradError                 anything sakrad-ld reports to a person (CLI exit code 2)
    ├── InputError              a source file is wrong: says file, line, field, what is expected
    │   └── InputErrors         several InputErrors found in one pass
    ├── ProjectError            the project folder lacks something (data/, shapes/, ontology/)
    ├── ShapesError             the SHACL shapes cannot be used: not Turtle, or a bad shape
    │   └── UnsupportedShapes   a SHACL feature the engine does not implement (sakrad_ld.shacl)
    ├── ReleaseError            a release folder is missing or unreadable (no manifest, a file that does not parse)
    ├── TableError              a table of the release cannot be written (sakrad_ld.tables)
    └── QueryError              a SPARQL query cannot be run: syntax, a refused feature, a bad parameter
        ├── ResultTooLarge      the answer passed the result cap (the query was stopped)
        └── QueryTimeout        the query ran past the time limit (the query was stopped)

Validation failures are not exceptions: they are a ``ValidationReport`` (exit code 1). Every
exception here is bad input or usage, exit code 2 (``sakrad_ld.cli``); anything else that reaches a
person is a bug.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


class SakradError(Exception):
    """Base class of every error sakrad-ld reports to a person."""


@dataclass(frozen=True)
class Where:
    """A place in a source file: the file, its 1-based line, and the field path (``a.b[2].c``)."""

    file: Path
    line: int
    field: str = ""

    def __str__(self) -> str:
        name = shown(str(self.file))
        at = f"{name}:{self.line}" if self.line else name
        return f"{at}: {self.field}" if self.field else at


#: Control characters (C0, DEL, C1) as a message shows them: ``\n``, ``\r``, ``\t``, else ``\xNN``.
_ESCAPED = {c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7F, 0xA0))} | {0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t"}


def shown(text: str, keep: str = "") -> str:
    """``text`` (a file name, a message) as a person's terminal or a CI log may show it: control
    characters escaped (an ESC would clear the screen or colour the text, a CR or a newline would
    write a forged line over or under the real one) but those in ``keep``, and a name's bytes that
    are not UTF-8 (kept by the OS as surrogates) as ``\\xNN``, as the server escapes its log lines."""
    if text.isprintable() and text.isascii():
        return text
    table = {c: e for c, e in _ESCAPED.items() if chr(c) not in keep}
    text = text.translate(table)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        import os

        text = os.fsencode(text).decode("utf-8", "backslashreplace")
    return text


class InputError(SakradError):
    """A source file says something sakrad-ld cannot accept."""

    def __init__(self, where: Where, problem: str, expected: str = "", hint: str = "") -> None:
        self.where = where
        self.problem = problem
        self.expected = expected
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        text = f"{self.where}: {self.problem}"
        if self.expected:
            text += f"; expected {self.expected}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class InputErrors(InputError):
    """Every input error found in one pass, so a person can fix them all at once."""

    def __init__(self, errors: Iterable[InputError]) -> None:
        self.errors = sorted(errors, key=lambda e: (str(e.where.file), e.where.line, e.where.field))
        first = self.errors[0]
        super().__init__(first.where, first.problem, first.expected, first.hint)

    def __str__(self) -> str:
        return "\n".join(str(InputError(e.where, e.problem, e.expected, e.hint)) for e in self.errors)


class ProjectError(SakradError):
    """The project folder lacks something a command needs."""


class ShapesError(SakradError):
    """The SHACL shapes cannot be used: a file that is not Turtle, or a shape the engine cannot
    evaluate. The message names the file or the shape."""


class ReleaseError(SakradError):
    """A release folder is missing or cannot be read."""


class QueryError(SakradError):
    """A SPARQL query cannot be run; the message says why (the parser's message for a syntax error).
    Where the endpoint refuses the query by a rule of its own, ``said`` names the short text of the
    refusal in the site's messages and its values (``("query_error_nesting", {"n": "64"})``), so that
    a page says it in its reader's language (:mod:`sakrad_ld.web.queryerror`); the message stays the
    English a program and the command line get."""

    def __init__(self, message: str, said: tuple[str, dict[str, str]] | None = None) -> None:
        super().__init__(message)
        self.said = said


class ResultTooLarge(QueryError):
    """The answer has more rows (or triples) than the configured cap; the query was stopped."""


class QueryTimeout(QueryError):
    """The query ran longer than the configured time limit; the query was stopped."""
