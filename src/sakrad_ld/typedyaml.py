"""Typed records from YAML, with the line of every field, and the JSON Schema of the same records.

One definition serves three readers: the loader (YAML node → frozen dataclass, every error naming
file, line and field), the JSON Schema published for editors (https://json-schema.org/draft/2020-12),
and the build, which carries each record's lines into validation reports.

Supported field types: ``str``, ``int``, ``bool``, ``Literal[...]``, ``X | None``, ``list[X]``,
nested dataclasses, and ``Annotated[str, Check(...)]`` for formats checked beyond the type
(identifiers, e-mail, telephone, dates, organisation numbers, references).
"""

from __future__ import annotations

import dataclasses
import functools
import re
import types
import typing
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from .errors import InputError, InputErrors, Where, shown
from .inputfiles import MAX_INPUT_FILE, line_at, read_input_text

__all__ = [
    "MAX_DIGITS",
    "FORMULA_START",
    "HOPELESS_FILE",
    "MAX_DEPTH",
    "MAX_FILE_PROBLEMS",
    "MAX_ITEMS",
    "MAX_KEYS",
    "MAX_TEXT",
    "NODE_BYTES",
    "QUOTED",
    "Check",
    "Lines",
    "Problems",
    "Ref",
    "check_nodes",
    "compose_file",
    "compose_text",
    "json_schema",
    "load_record",
    "pattern_check",
    "plain_text",
    "quoted",
    "read_text",
    "scalar_field",
    "suggest",
    "type_hints",
]

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_NAMES = {
    _INT: "a number",
    _BOOL: "true/false",
    _NULL: "nothing (null)",
    "tag:yaml.org,2002:float": "a decimal number",
    "tag:yaml.org,2002:timestamp": "a date",
}


@dataclass(frozen=True, eq=False)
class Check:
    """A format a text value must have: ``test`` returns an error message, or ``None`` when fine."""

    name: str
    expected: str
    test: Callable[[str], str | None]
    schema: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Ref:
    """Marks a text field as the id of another record of ``kind`` (checked after loading)."""

    kind: str


@dataclass(frozen=True)
class Lines:
    """Where a record and each of its fields stand in the source file."""

    file: Path
    line: int
    fields: dict[str, int] = field(default_factory=dict)
    path: str = ""

    def where(self, name: str = "") -> Where:
        if not name:
            return Where(self.file, self.line, self.path)
        return Where(self.file, self.fields.get(name, self.line), f"{self.path}.{name}" if self.path else name)


def scalar_field(name: str) -> Callable[[type], type]:
    """Lets a record be written as a bare scalar that fills field ``name`` (``title: Text``)."""

    def mark(cls: type) -> type:
        cls.__scalar_field__ = name  # type: ignore[attr-defined]
        return cls

    return mark


#: libyaml's loader where PyYAML was built with it (about 7 times faster, same nodes and marks).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: The most problems of one file a message names; then it says how many more there are.
MAX_FILE_PROBLEMS = 20
#: After this many problems a file is read no further: a file that hopeless is refused at once.
HOPELESS_FILE = 200

#: The longest text a field may hold. Longer values are mistakes (a pasted file) or attacks, and
#: each one is copied into every format of the release.
MAX_TEXT = 100_000
#: The most digits a whole number may have (counts and positions are small).
MAX_DIGITS = 18
#: A file may hold one YAML node (a key, a value, a list or a mapping) for every this many bytes it
#: may have: 104,857 in a meeting file of at most 1 MiB, 3,355,443 in a shared file of at most 32 MiB.
#: The densest files measured have one node per 12.8 bytes (bench/generate.py's people.yaml), those
#: of data/ one per 24 to 60; a hostile file has one per 2 (``[a,a,a,…]``), each node about 350
#: bytes of memory. The count is kept while the file is composed, so a file past it is refused
#: before the rest of its nodes are made.
NODE_BYTES = 10
#: The deepest lists and mappings may nest in one another: a record of data/ nests at most 7 levels
#: (a body's post's ...); libyaml's own limit, 1,000 levels, guards its stack, not the records.
MAX_DEPTH = 32
#: The most keys one mapping may have: every mapping is a record (or a text in two languages), and
#: the largest record, a meeting, has 37 fields.
MAX_KEYS = 1_000
#: The most items one list may have: the longest list of a file under the 32 MiB cap would be the
#: organisations of some 60,000 meetings (bench/generate.py: 30,000 in 5.3 MB for 10,000 meetings),
#: about 190,000 items; a list of a million items is refused at its 500,001st.
MAX_ITEMS = 500_000
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
#: Characters XML 1.0 cannot carry (C0 controls but tab, newline and return), DEL and the C1
#: controls, lone surrogates and the non-characters U+FFFE/U+FFFF: RDF/XML and SPARQL XML results
#: of a release with one of them would not be well-formed.
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
    # and the invisible formatting characters that reorder or hide text on a page (a right-to-left
    # override turns a displayed name around; a zero-width space hides in a name): bidi controls,
    # zero-width space and marks, word joiner, byte-order mark
    "\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]"
)


#: Invisible characters a record's text may not hold: Unicode's format characters (Cf) and its
#: Default_Ignorable_Code_Point (the soft hyphen, the zero-width joiner and non-joiner, U+180E, the
#: combining grapheme joiner, variation selectors, Hangul fillers, tag characters). The check of a
#: value against a kept text leaves them out, so a name holding one would be found there and be
#: published with it, and no query for the name as it is seen would find it.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u115f-\u1160\u17b4-\u17b5"
    "\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)
#: The one character not in Unicode's NFKC form a text may hold: the ellipsis, as notes quote a
#: page's elision ("bjöd … in"); it stands for "..." only in typography, and no name holds it.
_KEPT_FORMS = str.maketrans({"\u2026": "."})
_PLAIN = "text in Unicode's plain form (NFKC), as the kept texts are compared"


def plain_text(text: str) -> str:
    """``text`` as a record may hold it: invisible characters out, Unicode's NFKC form (the ellipsis
    kept). The importer drafts from a page's words made so (a page often has no-break spaces)."""
    if text.isascii():
        return text
    text = _INVISIBLE.sub("", text)
    return "\u2026".join(unicodedata.normalize("NFKC", part) for part in text.split("\u2026"))


def _named(char: str) -> str:
    return f"{_codepoint(char)} {unicodedata.name(char, 'without a name')}"


def _plain_problem(value: str) -> tuple[str, str, str] | None:
    """Why ``value`` is not a text the release can publish as it is compared: an invisible
    character, or a character (or letter and mark) NFKC writes otherwise (fullwidth or mathematical
    letters, a no-break or ideographic space, a ligature, a decomposed 'å')."""
    if value.isascii():
        return None
    if bad := _INVISIBLE.search(value):
        return (
            f"the text holds the invisible character {_named(bad.group())} (character {bad.start() + 1}), which "
            "the check against a kept text leaves out: the release would publish it, and a search for the text "
            "as it is seen would not find it",
            "text without invisible or format characters",
            "remove it",
        )
    probe = value.translate(_KEPT_FORMS)
    if unicodedata.is_normalized("NFKC", probe):
        return None
    for i, char in enumerate(probe):
        plain = unicodedata.normalize("NFKC", char)
        if plain != char:
            instead = "a plain space" if plain.isspace() else repr(plain)
            return (
                f"the text holds {_named(char)} (character {i + 1}), which is written {instead} in Unicode's plain "
                "form: the release would publish it as it is, and a search for the plain text would not find it",
                _PLAIN,
                f"write {instead} instead",
            )
    for i in range(1, len(probe)):  # each character plain alone: a letter and a mark Unicode joins
        pair = probe[i - 1 : i + 1]
        if unicodedata.combining(probe[i]) and not unicodedata.is_normalized("NFKC", pair):
            joined = unicodedata.normalize("NFKC", pair)
            return (
                f"the text holds {probe[i - 1]!r} and the combining mark {_named(probe[i])} (character {i + 1}), "
                f"which Unicode writes as the one character {joined!r}",
                _PLAIN,
                f"write {joined!r} instead",
            )
    return ("the text is not in Unicode's plain form", _PLAIN, f"write {quoted(unicodedata.normalize('NFKC', value))}")


def read_text(path: Path, max_bytes: int, root: Path | None = None) -> str:
    """The UTF-8 text of the YAML file ``path`` (of the folder ``root`` where it is given), read as
    every file of a project is (:func:`sakrad_ld.inputfiles.read_input_text`): anything else (a folder,
    a device, a link that leads out, loops or leads nowhere, an unreadable or over-large file) is an
    InputError naming the path."""
    return read_input_text(path, root=root, max_bytes=max_bytes, expected="a YAML file")


def compose_file(
    path: Path,
    max_bytes: int = MAX_INPUT_FILE,
    root: Path | None = None,
    listed: int | None = MAX_FILE_PROBLEMS,
    max_nodes: int | None = None,
) -> yaml.Node | None:
    """Parses ``path`` (a file of the folder ``root`` where it is given, of at most ``max_bytes``) as
    YAML into a node tree (with line marks), as :func:`compose_text` does; ``max_nodes`` is by default
    one for every :data:`NODE_BYTES` of ``max_bytes``."""
    text = read_text(path, max_bytes, root)
    return compose_text(text, path, max_bytes // NODE_BYTES if max_nodes is None else max_nodes, listed)


def compose_text(text: str, path: Path, max_nodes: int, listed: int | None = MAX_FILE_PROBLEMS) -> yaml.Node | None:
    """Parses the YAML ``text`` of the file ``path`` into a node tree (with line marks). Syntax errors,
    values no record may hold (:func:`check_nodes`, which names at most ``listed`` of them) and a text
    past the limits (more than ``max_nodes`` nodes, a mapping of more than :data:`MAX_KEYS` keys or a
    list of more than :data:`MAX_ITEMS` items, lists and mappings nested deeper than
    :data:`MAX_DEPTH`) become InputError; the limits are checked
    while the text is composed, so a hostile file is refused once it passes one, its other nodes never made."""
    loader = _BoundedLoader(text, max_nodes)
    try:
        node = loader.get_single_node()
    except _Limit as limit:
        raise limit.error(path) from None
    except yaml.MarkedYAMLError as err:
        raise _tab_error(path, text, err) or _syntax_error(path, err) from None
    except yaml.reader.ReaderError as err:
        # libyaml gives the character's position in bytes of UTF-8, not in characters; the first
        # character of its kind is the one the reader stopped at
        at = text.find(chr(err.character)) if isinstance(err.character, int) else -1
        line = line_at(text, at if at >= 0 else len(text.encode("utf-8")[: err.position].decode("utf-8", "ignore")))
        raise InputError(
            Where(path, line),
            f"the character {_codepoint(chr(err.character))} is not allowed in YAML",
            "text without control characters",
            "remove it",
        ) from None
    except yaml.YAMLError as err:
        raise InputError(Where(path, 0), f"YAML error: {err}", "well-formed YAML") from None
    finally:
        loader.dispose()
    if node is not None:
        # libyaml's marks count from after a byte order mark, Python's reader's from the text's start
        marked = text[1:] if text.startswith("\ufeff") and _LOADER is not yaml.SafeLoader else text
        check_nodes(node, path, listed, max_nodes, text=marked)
    return node


class _Limit(Exception):
    """A limit of :func:`compose_text` passed, at a line and field of the file being composed."""

    def __init__(self, line: int, field: str, problem: str, expected: str, hint: str) -> None:
        super().__init__(problem)
        self.line, self.field, self.problem, self.expected, self.hint = line, field, problem, expected, hint

    def error(self, path: Path) -> InputError:
        return InputError(Where(path, self.line, self.field), self.problem, self.expected, self.hint)


def _too_many(max_nodes: int, line: int, field: str) -> _Limit:
    return _Limit(
        line,
        field,
        f"the file holds more than {max_nodes:,} YAML nodes (keys, values, lists and mappings)",
        f"at most {max_nodes:,} nodes, one for every {NODE_BYTES} bytes a file here may have",
        "split the file, or check that it is the file you meant",
    )


def _too_wide(line: int, field: str) -> _Limit:
    return _Limit(
        line,
        field,
        f"the mapping has more than {MAX_KEYS:,} keys",
        f"a record's keys (at most {MAX_KEYS:,}; the largest record, a meeting, has a few dozen fields)",
        "check the indentation: each item of a list begins with '- '",
    )


def _too_long(line: int, field: str) -> _Limit:
    return _Limit(
        line,
        field,
        f"the list has more than {MAX_ITEMS:,} items",
        f"a list of at most {MAX_ITEMS:,} items",
        "split the file, or check that it is the file you meant",
    )


class _BoundedLoader(_LOADER):  # type: ignore[misc,valid-type]
    """The loader, told of each node before it is composed: libyaml's composer calls the resolver's
    ``descend_resolver`` as it begins a node (with the list or mapping it is in, and its index or
    key) and ``ascend_resolver`` when it is done (PyYAML's path resolvers, which the loader does not
    use otherwise). Here they count the nodes, the depth, a mapping's keys and a list's items, and raise
    :class:`_Limit` at the first past a limit. An alias (``*name``) is not a node composed here; it is
    counted and refused by :func:`check_nodes`."""

    def __init__(self, text: str, max_nodes: int) -> None:
        super().__init__(text)
        self.max_nodes, self.count = max_nodes, 0
        #: (the list or mapping, the index or key) of each node begun and not yet done, outermost first
        self.opened: list[tuple[Any, Any]] = []

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        opened = self.opened
        opened.append((current_node, current_index))
        self.count = count = self.count + 1
        if count > self.max_nodes:
            raise _too_many(self.max_nodes, *self._at(opened))
        if len(opened) > MAX_DEPTH:
            raise _Limit(
                *self._at(opened),
                f"the lists and mappings nest more than {MAX_DEPTH} levels deep",
                f"values nested at most {MAX_DEPTH} levels (a record nests a few)",
                "write the nested lists and mappings out flat",
            )
        if isinstance(current_node, yaml.MappingNode) and current_index is None and len(current_node.value) >= MAX_KEYS:
            raise _too_wide(*self._at(opened))

        if isinstance(current_node, yaml.SequenceNode) and current_index >= MAX_ITEMS:
            raise _too_long(*self._at(opened))

    def ascend_resolver(self) -> None:
        self.opened.pop()

    @staticmethod
    def _at(opened: list[tuple[Any, Any]]) -> tuple[int, str]:
        """The line of the node being begun (its key's, or its previous sibling's) and its field path."""
        path = ""
        for parent, index in opened:
            if isinstance(parent, yaml.SequenceNode):
                path += f"[{index}]"
            elif isinstance(index, yaml.ScalarNode) and _KEY.fullmatch(index.value):
                path = f"{path}.{index.value}" if path else index.value
        parent, index = opened[-1]
        if isinstance(index, yaml.Node):
            mark = index.start_mark
        elif parent is not None and parent.value:
            last = parent.value[-1]
            mark = (last[0] if isinstance(last, tuple) else last).start_mark
        else:
            mark = parent.start_mark if parent is not None else None
        return (mark.line + 1 if mark is not None else 1), path


def _tab_error(path: Path, text: str, err: yaml.MarkedYAMLError) -> InputError | None:
    """The error of a tab where YAML reads indentation (YAML 1.1 §5.5: tabs never indent), where that
    is what stopped the parser; None otherwise."""
    mark = err.problem_mark
    if mark is None or not re.search("cannot start any token|tab character", err.problem or ""):
        return None
    lines = _BREAKS.split(text)
    line = lines[mark.line] if mark.line < len(lines) else ""
    if "\t" not in line[: len(line) - len(line.lstrip(" \t"))]:  # not in the line's indentation
        return None
    return InputError(
        Where(path, mark.line + 1),
        f"a tab at column {line.index(chr(9)) + 1}: YAML indents with spaces only",
        "lines indented with spaces",
        "replace the tabs with spaces; most editors can show and convert them",
    )


#: YAML's line breaks, as :func:`sakrad_ld.inputfiles.line_at` counts them.
_BREAKS = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


def _syntax_error(path: Path, err: yaml.MarkedYAMLError) -> InputError:
    """The error at the line a person must fix: where an unclosed quote or bracket opened (the
    parser notices only where the text ends), otherwise where the parser stopped."""
    problem, context = err.problem or "", err.context or ""
    if "maximum nesting depth" in problem:  # the parser's limit, not an unclosed bracket
        mark = err.problem_mark or err.context_mark
        return InputError(
            Where(path, mark.line + 1 if mark else 0),
            "the brackets or indentation nest too deep (the YAML reader's limit)",
            "a record nested a few levels deep",
            "write the nested lists and mappings out flat",
        )
    opened = err.context_mark is not None and ("quoted scalar" in context or "flow" in context)
    mark = err.context_mark if opened else (err.problem_mark or err.context_mark)
    line = mark.line + 1 if mark else 0
    if opened and err.problem_mark is not None:
        text = f"YAML syntax error: {context} that starts here, {problem} (line {err.problem_mark.line + 1})"
        hint = (
            "a quote opened on this line is not closed"
            if "quoted" in context
            else "a bracket opened on this line is not closed"
        )
    else:
        text = "YAML syntax error: " + " ".join(p for p in (context, problem) if p)
        hint = "check indentation, colons and quotes on this line"
    return InputError(Where(path, line), text, "well-formed YAML", hint)


#: The tags YAML gives untagged values: any other tag (``!foo``, ``!!binary``, ``!!python/object``) is
#: refused, and so is a tag written out (``!!str``, ``!!bool``, ``!<tag:yaml.org,2002:int>``, the
#: non-specific ``!``) where the text is known (:func:`_written_tag`). ``<<`` (merge) and ``=``
#: (value) get their own messages from the records' keys.
_UNTAGGED = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "bool", "null", "float", "timestamp", "map", "seq", "merge", "value")
)


#: A node's properties as written where it begins (YAML 1.2 §6.9): an anchor, then a tag (verbatim
#: ``!<…>``, which may hold a comma, or a shorthand ``!``, ``!!bool``, ``!e!x``), or the tag first.
_PROPERTIES = re.compile(r"(?:&[^\s,\[\]{}]+\s+)?(!<[^>]*>|![^\s,\[\]{}]*)")


def _written_tag(text: str, node: yaml.Node) -> str | None:
    """The tag written before ``node`` in ``text`` (the text its marks count in), or None. A value
    cannot begin with ``!`` but as a tag: a plain text may not, a quoted one begins with its quote."""
    found = _PROPERTIES.match(text, node.start_mark.index)
    return found.group(1) if found else None


def _codepoint(char: str) -> str:
    return f"U+{ord(char):04X}"


#: A key a message names in a field's path: a record's keys are such names; any other key is
#: refused by the record it is in, and what is under it is named by the path of the mapping.
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")


def check_nodes(
    root: yaml.Node,
    file: Path,
    listed: int | None = MAX_FILE_PROBLEMS,
    max_nodes: int | None = None,
    text: str | None = None,
) -> None:
    """Rejects, with file and line, what no record field may hold: a key that is not text, text
    longer than :data:`MAX_TEXT` or with a control character, a whole number that is not plain
    decimal digits (YAML 1.1 reads ``0x10``, ``010`` and ``1:30`` as numbers) or has more than
    :data:`MAX_DIGITS`, aliases (``*name``; they let a small file stand for a huge one), and tags:
    any but those YAML gives untagged values, and, with the ``text`` the tree was composed from (its
    marks' text), every tag written out, ``!!str``, ``!!bool`` and the non-specific ``!`` too (they
    turn a quoted ``"false"`` into false, or ``! true`` into a text the reader takes for true).
    ``listed``: the most problems named, as :func:`load_record` names them (None: every one).
    ``max_nodes``: the most values the tree may hold, an alias counted as the value it repeats (a
    list of a million ``*a`` is refused before its items are looked at)."""
    errors = Problems(file, listed)
    try:
        _check_nodes(root, file, errors, max_nodes, text if text is not None and "!" in text else None)
    except _Hopeless:
        pass
    except _Limit as limit:
        raise limit.error(file) from None
    errors.raise_any()


def _check_nodes(
    root: yaml.Node, file: Path, errors: Problems, max_nodes: int | None = None, text: str | None = None
) -> None:
    seen: set[int] = set()
    repeated: set[int] = set()
    count = 1
    # (node, the line it is written on, its field path): an alias's node carries the marks of its
    # anchor, so the line of an alias is that of its key, or of the list it is in
    stack = [(root, root.start_mark.line + 1, "")]
    while stack:
        node, line, path = stack.pop()
        if id(node) in seen:
            if id(node) not in repeated:
                repeated.add(id(node))
                errors.append(
                    InputError(
                        Where(file, line, path),
                        "a YAML alias (*name) repeats a value",
                        "each value written out",
                        "write the value out instead of the alias",
                    )
                )
            continue
        seen.add(id(node))
        tag = _written_tag(text, node) if text is not None else None
        if tag is not None or node.tag not in _UNTAGGED:
            tag = tag or node.tag.replace("tag:yaml.org,2002:", "!!", 1)
            errors.append(
                InputError(
                    Where(file, node.start_mark.line + 1, path),
                    f"YAML tags are not allowed (this value is tagged {quoted(tag)})",
                    "a value without a tag (text, a number, true/false, a list or a mapping)",
                    f"remove {tag}; put the value in quotes if it is meant as text",
                )
            )
            continue
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            count += len(node.value) * (2 if isinstance(node, yaml.MappingNode) else 1)
            if max_nodes is not None and count > max_nodes:
                raise _too_many(max_nodes, line, path)
            # the limits of composing again, for what aliases hold (an alias is not a node composed)
            if isinstance(node, yaml.SequenceNode) and len(node.value) > MAX_ITEMS:
                raise _too_long(line, path)
            if isinstance(node, yaml.MappingNode) and len(node.value) > MAX_KEYS:
                raise _too_wide(line, path)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if not isinstance(key, yaml.ScalarNode):
                    errors.append(
                        InputError(
                            Where(file, key.start_mark.line + 1, path),
                            f"a key is {_describe(key)}",
                            "a key that is a name, such as 'title'",
                        )
                    )
                    continue
                named = (f"{path}.{key.value}" if path else key.value) if _KEY.fullmatch(key.value) else path
                stack.extend(((key, key.start_mark.line + 1, named), (value, key.start_mark.line + 1, named)))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, node.start_mark.line + 1, f"{path}[{i}]") for i, item in enumerate(node.value))
        elif isinstance(node, yaml.ScalarNode) and (problem := _scalar_problem(node)):
            errors.append(InputError(Where(file, node.start_mark.line + 1, path), *problem))


def _scalar_problem(node: yaml.ScalarNode) -> tuple[str, str, str] | None:
    value = node.value
    if len(value) > MAX_TEXT:
        return (
            f"the text has {len(value):,} characters",
            f"at most {MAX_TEXT:,} characters",
            "keep long documents in data/sources/ and give a summary here",
        )
    if bad := _CONTROL.search(value):
        return (
            f"the text holds the control character {_codepoint(bad.group())} (character {bad.start() + 1})",
            "text without control characters",
            "remove it; XML and most programs cannot carry it",
        )
    if node.tag == _INT and not (_DECIMAL.fullmatch(value) and len(value.lstrip("+-")) <= MAX_DIGITS):
        if _DECIMAL.fullmatch(value):
            return (
                f"the number has {len(value.lstrip('+-')):,} digits",
                f"a whole number of at most {MAX_DIGITS} digits",
                "",
            )
        return (
            f"{quoted(value)} is not a whole number in decimal digits",
            "a whole number such as 15",
            "write it in decimal, or in quotes if it is meant as text",
        )
    return None


def load_record(
    cls: type[Any], node: yaml.Node, file: Path, path: str = "", listed: int | None = MAX_FILE_PROBLEMS
) -> Any:
    """Converts a YAML node into a ``cls`` dataclass, or raises InputErrors listing its problems:
    at most ``listed`` of them and a line saying how many more (None: every one, however many)."""
    errors = Problems(file, listed)
    try:
        value = _convert(cls, node, file, path, errors)
    except _Hopeless:
        value = None
    errors.raise_any()
    return value


class _Hopeless(Exception):
    """A file has so many problems that reading it further would only cost time and memory."""


class Problems(list[InputError]):
    """The problems found in one file, of which the message names the first ``listed`` (by line)
    and then says how many more there are, by kind: a file of 100,000 unknown keys is named in 21
    lines, not 100,001. Past :data:`HOPELESS_FILE` problems the file is read no further
    (:class:`_Hopeless` is raised from :meth:`append`), so a hostile file costs seconds."""

    def __init__(self, file: Path, listed: int | None) -> None:
        super().__init__()
        self.file, self.listed = file, listed
        self.stopped = False

    def append(self, error: InputError) -> None:
        super().append(error)
        if self.listed is not None and len(self) >= HOPELESS_FILE:
            self.stopped = True
            raise _Hopeless

    def raise_any(self) -> None:
        """Raises the InputErrors of the problems found, if any: the first ``listed`` and a summary."""
        if not self:
            return
        found = sorted(self, key=lambda e: (e.where.line, e.where.field))
        if self.listed is None or len(found) <= self.listed:
            raise InputErrors(found)
        raise InputErrors([*found[: self.listed], self._more(found[self.listed :])])

    def _more(self, rest: list[InputError]) -> InputError:
        kinds = Counter(_KIND.sub("…", e.problem)[:80] for e in rest)
        said = ", ".join(f"{kind} ×{n:,}" for kind, n in kinds.most_common(3))
        if len(kinds) > 3:
            said += ", …"
        many = f"at least {len(rest):,}" if self.stopped else f"{len(rest):,}"
        further = f"; the file was read no further after {HOPELESS_FILE:,} problems" if self.stopped else ""
        return InputError(
            Where(self.file, rest[0].where.line),
            f"… and {many} more problems in {shown(self.file.name)} from this line on ({said}){further}",
            "",
            "fix those listed and run again",
        )


#: What makes one problem's message differ from another's of its kind: a quoted value, a number.
_KIND = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|\d[\d,.]*")


# --- conversion -----------------------------------------------------------------------------------


def _where(node: yaml.Node, file: Path, path: str) -> Where:
    return Where(file, node.start_mark.line + 1, path)


def _describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return _NAMES.get(node.tag, "text") + (f" ({quoted(node.value)})" if node.value else "")


#: The most of a value an error message quotes: a file of 99,000 characters is not echoed whole.
QUOTED = 80


def quoted(value: str) -> str:
    """``value`` quoted for a message (``repr``), cut at :data:`QUOTED` characters with its length said."""
    if len(value) <= QUOTED:
        return repr(value)
    return f"{value[:QUOTED]!r}… ({len(value):,} characters)"


#: What :func:`_convert` reads of each type, worked out once a type (by the type object, which it keeps alive).
_SHAPES: dict[int, tuple[Any, str, Any]] = {}


def _shape(tp: Any) -> tuple[str, Any]:
    """The kind of ``tp`` for :func:`_convert` and what it needs of it: a record class's field types
    are read once per class (:func:`type_hints`), so each type object is taken apart once."""
    known = _SHAPES.get(id(tp))
    if known is not None and known[0] is tp:
        return known[1], known[2]
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        base, *meta = typing.get_args(tp)
        checks = tuple(m for m in meta if isinstance(m, Check))
        shape: tuple[str, Any] = ("annotated", (base, checks, base is str and bool(checks)))
    elif origin in (typing.Union, types.UnionType):
        shape = ("optional", next(a for a in typing.get_args(tp) if a is not type(None)))
    elif origin is Literal:
        shape = ("literal", typing.get_args(tp))
    elif origin is list:
        (item,) = typing.get_args(tp)
        shape = ("list", (item, _once(item)))
    elif dataclasses.is_dataclass(tp):
        shape = ("record", tp)
    elif tp is str or tp is int or tp is bool:
        shape = (tp.__name__, tp)
    else:
        raise TypeError(f"typedyaml cannot read type {tp!r}")  # a programming error, not an input error
    _SHAPES[id(tp)] = (tp, *shape)
    return shape


def _convert(tp: Any, node: yaml.Node, file: Path, path: str, errors: list[InputError]) -> Any:
    kind, of = _shape(tp)
    if kind == "annotated":
        base, checks, checked = of  # checked: a format (+46 8 … is a telephone) reads the text as it is
        before = len(errors)
        value = _text(node, file, path, errors, free=False) if checked else _convert(base, node, file, path, errors)
        if isinstance(value, str) and len(errors) == before:  # a value already refused is not checked again
            for m in checks:
                if problem := m.test(value):
                    errors.append(InputError(_where(node, file, path), problem, m.expected))
        return value
    if kind == "optional":
        if node.tag == _NULL:
            return None
        return _convert(of, node, file, path, errors)
    if kind == "literal":
        allowed = of
        if not isinstance(node, yaml.ScalarNode) or node.value not in allowed:
            hint = suggest(node.value, allowed) if isinstance(node, yaml.ScalarNode) else ""
            errors.append(
                InputError(
                    _where(node, file, path), f"got {_describe(node)}", "one of " + ", ".join(map(str, allowed)), hint
                )
            )
            return allowed[0]
        return node.value
    if kind == "list":
        if not isinstance(node, yaml.SequenceNode):
            errors.append(InputError(_where(node, file, path), f"got {_describe(node)}", "a list"))
            return []
        item, once = of
        values = [_convert(item, n, file, f"{path}[{i}]", errors) for i, n in enumerate(node.value)]
        if once == "who":
            _who_once(values, node, file, path, errors)
        elif once == "text":  # texts (a meeting's questions, discussion areas): the same words twice
            text = item.__scalar_field__
            _listed_once([getattr(v, text, "") or "" for v in values], node, file, path, "text", errors)
        elif once is not None:
            _listed_once(values, node, file, path, once, errors)
        return values
    if kind == "record":
        return _record(tp, node, file, path, errors)
    if kind == "str":
        return _text(node, file, path, errors, free=True)
    if kind == "int":
        if (
            not isinstance(node, yaml.ScalarNode)
            or node.tag != _INT
            or not _DECIMAL.fullmatch(node.value)
            or len(node.value) > MAX_DIGITS + 1
        ):
            errors.append(InputError(_where(node, file, path), f"got {_describe(node)}", "a whole number such as 15"))
            return 0
        return int(node.value)
    # bool
    if not isinstance(node, yaml.ScalarNode) or node.tag != _BOOL:
        errors.append(InputError(_where(node, file, path), f"got {_describe(node)}", "true or false"))
        return False
    return node.value.lower() in ("true", "yes", "on")


def _once(item: Any) -> str | None:
    """How a list of ``item`` is refused an item listed twice, or None where it is not: what it lists
    where its items are values (ids, texts, dates, choices; "organisation" or "value", for
    :func:`_listed_once`), "who" for records of a person or a body (:func:`_who_once`), "text" for
    records of a text (a meeting's questions). The JSON Schema gives each such list ``uniqueItems``, which
    compares whole items: the same person with two roles, or a text once as text and once as a record,
    is refused by loading only."""
    kind, of = _shape(item)
    if kind == "annotated":
        base, *meta = typing.get_args(item)
        if base is not str:
            return None
        return next((m.kind for m in meta if isinstance(m, Ref)), "value")
    if kind in ("literal", "str", "int", "bool"):
        return "value"
    if kind == "record":
        if {"person", "body"} <= {f.name for f in dataclasses.fields(of)}:
            return "who"
        if getattr(of, "__scalar_field__", None):
            return "text"
    return None


#: A key :func:`_repeats` does not compare (a value refused already, an entry naming no one).
_SKIP = object()


def _repeats(keys: list[Any]) -> Iterator[tuple[int, int]]:
    """(i, j) for each key listed again at ``i``, first listed at ``j`` (:data:`_SKIP` skipped)."""
    first: dict[Any, int] = {}
    for i, key in enumerate(keys):
        if key is not _SKIP and (j := first.setdefault(key, i)) != i:
            yield i, j


def _listed_once(
    values: list[Any], node: yaml.SequenceNode, file: Path, path: str, each: str, errors: list[InputError]
) -> None:
    """Refuses a value listed twice: an organisation named twice in a meeting's ``organisations``
    would be one participation with two positions, counted twice against the source's count."""
    keys = [_SKIP if isinstance(value, str) and not value else value for value in values]  # "": refused already
    for i, j in _repeats(keys):
        value = values[i]
        errors.append(
            InputError(
                _where(node.value[i], file, f"{path}[{i}]"),
                f"{quoted(str(value))} is listed twice (also {path}[{j}], line {node.value[j].start_mark.line + 1})",
                f"each {each} once",
                "remove one of them",
            )
        )


def _who_once(values: list[Any], node: yaml.SequenceNode, file: Path, path: str, errors: list[InputError]) -> None:
    """Refuses a person, or a body without a person, given twice in one list of people or bodies
    (a meeting's conveners, its government participants)."""
    keys = [_who(v) for v in values]
    for i, j in _repeats(keys):
        name, who = keys[i]
        errors.append(
            InputError(
                _where(node.value[i], file, f"{path}[{i}].{name}"),
                f"the {name} {quoted(who)} is listed twice (also {path}[{j}], line {node.value[j].start_mark.line + 1})",
                f"each {name} once in {path}",
                "remove one of them, or say what both did in one entry",
            )
        )


def _who(value: Any) -> Any:
    """Whom a list's entry names: ("person", id) or ("body", id); :data:`_SKIP` for an entry that
    names no one or was refused already (its conversion gave None: a number, a list, nothing)."""
    if value is None:
        return _SKIP
    return ("person", value.person) if value.person else ("body", value.body) if value.body else _SKIP


#: The first characters a spreadsheet reads as the start of a formula (=, +, -, @) or strips before
#: one (tab, CR): a free text may not begin with one, since every text reaches the release's CSV
#: tables (docs/data-model.md, "Texts").
FORMULA_START = "=+-@\t\r"


def _text(node: yaml.Node, file: Path, path: str, errors: list[InputError], free: bool) -> str:
    """A text; with ``free`` (no format checks it), one that does not begin as a formula."""
    if not isinstance(node, yaml.ScalarNode) or node.tag not in (_STR, "tag:yaml.org,2002:timestamp"):
        errors.append(
            InputError(
                _where(node, file, path),
                f"got {_describe(node)}",
                "text",
                "put the value in quotes if it is meant as text",
            )
        )
        return ""
    value: str = node.value
    if not value.strip():
        errors.append(InputError(_where(node, file, path), "the text is empty", "non-empty text"))
    elif problem := _plain_problem(value):
        errors.append(InputError(_where(node, file, path), *problem))
    elif free and value[0] in FORMULA_START:
        errors.append(
            InputError(
                _where(node, file, path),
                f"the text {quoted(value)} begins with {value[0]!r}, which a spreadsheet reads as the start of "
                "a formula when it opens the release's CSV tables",
                "a text beginning with a letter, a digit or another character than = + - @, tab or CR",
                "remove the character or begin with a word (for a minus sign write '−', U+2212)",
            )
        )
    return value


@functools.cache
def type_hints(cls: type[Any]) -> dict[str, Any]:
    """``typing.get_type_hints`` of a record class, worked out once (it compiles every annotation)."""
    return typing.get_type_hints(cls, include_extras=True)


@functools.cache
def _init_fields(cls: type[Any]) -> dict[str, dataclasses.Field[Any]]:
    return {f.name: f for f in dataclasses.fields(cls) if f.init and f.name != "lines"}


def _record(cls: type[Any], node: yaml.Node, file: Path, path: str, errors: list[InputError]) -> Any:
    hints = type_hints(cls)
    fields = _init_fields(cls)
    scalar = getattr(cls, "__scalar_field__", None)
    if scalar and isinstance(node, yaml.ScalarNode):
        value = _convert(hints[scalar], node, file, path, errors)
        kwargs = {scalar: value}
        return cls(**kwargs, **_lines_kw(cls, file, node, {scalar: node.start_mark.line + 1}, path))
    if not isinstance(node, yaml.MappingNode):
        errors.append(
            InputError(
                _where(node, file, path), f"got {_describe(node)}", "a mapping with the keys " + ", ".join(fields)
            )
        )
        return None
    kwargs: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):  # check_nodes reports it
            continue
        key = key_node.value
        sub = f"{path}.{key}" if path else str(key)
        if key not in fields:
            errors.append(
                InputError(
                    _where(key_node, file, sub),
                    f"unknown key {quoted(str(key))}",
                    "one of " + ", ".join(fields),
                    suggest(key, fields),
                )
            )
            continue
        if key in kwargs:
            errors.append(InputError(_where(key_node, file, sub), f"the key {key!r} is given twice", "each key once"))
            continue
        lines[key] = key_node.start_mark.line + 1
        if isinstance(value_node, yaml.SequenceNode):
            for i, item in enumerate(value_node.value):
                lines[f"{key}[{i}]"] = item.start_mark.line + 1
        kwargs[key] = _convert(hints[key], value_node, file, sub, errors)
    for name, f in fields.items():
        if name not in kwargs and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            errors.append(
                InputError(
                    _where(node, file, path or "(top level)"),
                    f"the required key {name!r} is missing",
                    _field_doc(f) or "a value",
                )
            )
            kwargs[name] = None
    return cls(**kwargs, **_lines_kw(cls, file, node, lines, path))


def _lines_kw(cls: type, file: Path, node: yaml.Node, lines: dict[str, int], path: str) -> dict[str, Any]:
    return {"lines": Lines(file, node.start_mark.line + 1, lines, path)} if _has_lines(cls) else {}


@functools.cache
def _has_lines(cls: type) -> bool:
    """Whether the record class has a ``lines`` field (worked out once a class)."""
    return any(f.name == "lines" for f in dataclasses.fields(cls))


def suggest(word: object, choices: typing.Iterable[object]) -> str:
    """ "did you mean 'x'?" for the closest of ``choices``, or nothing when none is close."""
    import difflib  # only when a word is wrong

    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else ""


def _field_doc(f: dataclasses.Field[Any]) -> str:
    return str(f.metadata.get("doc", ""))


# --- JSON Schema ---------------------------------------------------------------------------------


def json_schema(cls: type[Any], title: str, schema_id: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``cls``, for editors that complete and check YAML."""
    defs: dict[str, Any] = {}
    root = _schema_of(cls, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id,
        "title": title,
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def _schema_of(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        base, *meta = typing.get_args(tp)
        out = _schema_of(base, defs)
        for m in meta:
            if isinstance(m, Check):
                out = {**out, **m.schema, "description": m.expected}
            if isinstance(m, Ref):
                out = {**out, "description": f"the id of a {m.kind}"}
        return out
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return {"anyOf": [_schema_of(args[0], defs), {"type": "null"}]}
    if origin is Literal:
        return {"enum": list(typing.get_args(tp))}
    if origin is list:
        (item,) = typing.get_args(tp)
        # where the loader refuses an item listed twice (_once), so does an editor checking the schema
        return {"type": "array", "items": _schema_of(item, defs), **({"uniqueItems": True} if _once(item) else {})}
    if dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # placeholder against recursion
            hints = typing.get_type_hints(tp, include_extras=True)
            props: dict[str, Any] = {}
            required: list[str] = []
            for f in dataclasses.fields(tp):
                if not f.init or f.name == "lines":
                    continue
                props[f.name] = {**_schema_of(hints[f.name], defs)}
                if doc := _field_doc(f):
                    props[f.name]["description"] = doc
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                    required.append(f.name)
            obj: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
            if tp.__doc__:
                obj["description"] = " ".join(tp.__doc__.split())
            if required:
                obj["required"] = required
            scalar = getattr(tp, "__scalar_field__", None)
            defs[name] = {"anyOf": [_schema_of(hints[scalar], defs), obj]} if scalar else obj
        return {"$ref": f"#/$defs/{name}"}
    if tp is str:
        return {"type": "string", "minLength": 1}
    if tp is int:
        return {"type": "integer"}
    if tp is bool:
        return {"type": "boolean"}
    raise TypeError(f"typedyaml cannot describe type {tp!r}")


def pattern_check(name: str, regex: str, expected: str) -> Check:
    """A Check that the whole value matches ``regex``."""
    compiled = re.compile(regex)

    def test(value: str) -> str | None:
        return None if compiled.fullmatch(value) else f"{value!r} is not a valid {name}"

    return Check(name, expected, test, {"pattern": f"^(?:{regex})$"})
