"""Every field of every data file, given a value of the wrong type, is refused as bad input: exit 2
naming file, line and field, or exit 0 where the value is one the field may hold (exit 1 where the
shapes refuse it, naming the file's line); never a traceback.

The fields are the record classes' (``corpus.DATA_FILES``: the class each file of data/ is read
into), nested records and list items included, so a field added to a record is fuzzed with no
change here. Each is tried in the first record of its file of the frozen fixture project, with each
of :data:`VALUES`; ``sakrad-ld validate`` runs in this process (``cli.main``).
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import typing
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURE_DATA, fixture_project

from sakrad_ld.cli import main
from sakrad_ld.corpus import DATA_FILES
from sakrad_ld.typedyaml import type_hints

#: The values each field is given, as YAML: (name, text).
VALUES: tuple[tuple[str, str], ...] = (
    ("int", "12345"),
    ("null", "null"),
    ("list", "[x]"),
    ("mapping", "{x: 1}"),
    ("text", "'x y'"),
    ("huge-number", str(10**40)),
    ("date", "2017-02-28"),
    ("long-text", "'" + "x " * 51_200 + "'"),
    ("nul", '"a\\0b"'),
    ("bidi", '"a\\u202eb"'),
)

#: How deep nested records are followed (a record may hold records of its own kind).
DEPTH = 4

Step = str | int


def _record_type(tp: typing.Any) -> tuple[type | None, bool]:
    """The record class ``tp`` holds (through Optional and Annotated), and whether it is a list of it."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _record_type(typing.get_args(tp)[0])
    if origin in (typing.Union, __import__("types").UnionType):
        return _record_type(next(a for a in typing.get_args(tp) if a is not type(None)))
    if origin is list:
        inner, _ = _record_type(typing.get_args(tp)[0])
        return inner, True
    return (tp if dataclasses.is_dataclass(tp) else None), False


def _is_list(tp: typing.Any) -> bool:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _is_list(typing.get_args(tp)[0])
    if origin in (typing.Union, __import__("types").UnionType):
        return any(_is_list(a) for a in typing.get_args(tp) if a is not type(None))
    return origin is list


def _fields(cls: type, at: tuple[Step, ...], seen: set, depth: int = DEPTH) -> Iterator[tuple[Step, ...]]:
    """The path of every field of ``cls`` at ``at``: each field, a list's first item, and the fields
    of nested records; a field of a record class met before in the file (in ``seen``: a text's
    ``sv``, a count's ``value``) at its first place only, as the same code reads it everywhere."""
    for f in dataclasses.fields(cls):
        if f.name == "lines" or not f.init or (cls, f.name) in seen:
            continue
        if at:
            seen.add((cls, f.name))
        tp = type_hints(cls)[f.name]
        here = (*at, f.name)
        yield here
        record, listed = _record_type(tp)
        if _is_list(tp):
            yield (*here, 0)
        if record is not None and depth > 0:
            yield from _fields(record, (*here, 0) if listed else here, seen, depth - 1)


def _files() -> Iterator[tuple[str, tuple[Step, ...]]]:
    """(file of data/, path of a field in it) for every field of every file's first record."""
    for pattern, (cls, _schema) in DATA_FILES.items():
        name = pattern if "*" not in pattern else f"meetings/{sorted((FIXTURE_DATA / 'meetings').iterdir())[0].name}"
        if "*" in pattern or cls.__name__ == "DatasetConfig":
            yield from ((name, p) for p in _fields(cls, (), set()))
            continue
        seen: set = set()
        for f in dataclasses.fields(cls):  # a file of lists of records (sources:, bodies: and posts:, …)
            record, _listed = _record_type(type_hints(cls)[f.name])
            yield from ((name, p) for p in _fields(record, (f.name, 0), seen))


def _dotted(path: tuple[Step, ...]) -> str:
    return "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in path).lstrip(".")


CASES = [(file, path, value) for file, path in _files() for value in VALUES]


def _key(key: str) -> yaml.ScalarNode:
    return yaml.ScalarNode("tag:yaml.org,2002:str", key)


def _child(node: yaml.Node, step: Step) -> tuple[yaml.Node, typing.Callable[[yaml.Node], None], bool]:
    """The node at ``step`` below ``node`` (made where the file has none), how to replace it, and
    whether it was made."""
    assert isinstance(node, yaml.MappingNode if isinstance(step, str) else yaml.SequenceNode), (node, step)
    if isinstance(step, int):
        made = not node.value
        if made:
            node.value.append(yaml.MappingNode("tag:yaml.org,2002:map", []))
        return node.value[step], lambda new: node.value.__setitem__(step, new), made
    for i, (k, v) in enumerate(node.value):
        if k.value == step:
            return v, lambda new, i=i, k=k: node.value.__setitem__(i, (k, new)), False
    made: yaml.Node = yaml.MappingNode("tag:yaml.org,2002:map", [])
    node.value.append((_key(step), made))
    i = len(node.value) - 1
    return made, lambda new: node.value.__setitem__(i, (node.value[i][0], new)), True


def _replaced(text: str, path: tuple[Step, ...], value: str) -> tuple[str, str]:
    """``text`` (a YAML file) with the value at ``path`` replaced by the YAML ``value``, and the
    path of the first record on the way the file did not have ("" if none): one made here, whose
    other required fields are missing, may be refused for them instead of for the value."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    node, made_at = root, ""
    for n, step in enumerate(path):
        node, put, made = _child(node, step)
        if made and not made_at and n + 1 < len(path):
            made_at = _dotted(path[: n + 1])
        if n + 1 < len(path):  # a container on the way: the kind the next step needs
            want_list = isinstance(path[n + 1], int)
            kind = yaml.SequenceNode if want_list else yaml.MappingNode
            if not isinstance(node, kind):
                node = kind("tag:yaml.org,2002:seq" if want_list else "tag:yaml.org,2002:map", [])
                put(node)
                made_at = made_at or _dotted(path[: n + 1])
    put(yaml.compose(value, Loader=yaml.SafeLoader))
    return yaml.serialize(root, Dumper=yaml.SafeDumper, allow_unicode=True, width=10**9), made_at


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture project with one meeting, the one fuzzed (so a value that is valid validates fast)."""
    project = fixture_project(tmp_path_factory.mktemp("fuzz") / "project")
    meetings = sorted((project / "data" / "meetings").iterdir())
    for other in meetings[1:]:
        other.unlink()
    return project


#: A message a person reads: ``error: <file>:<line>: <field>: …``.
_MESSAGE = re.compile(r"^error: (?P<file>[^\n:]+):(?P<line>\d+): (?P<field>[^\s:]*)", re.M)


def test_the_fuzzed_files_round_trip(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Written back unchanged, every file validates: a refusal below is the value's."""
    for file in {file for file, _path, _value in CASES}:
        path = project / "data" / file
        before = path.read_text(encoding="utf-8")
        path.write_text(yaml.serialize(yaml.compose(before, Loader=yaml.SafeLoader), allow_unicode=True))
    try:
        assert main(["-C", str(project), "validate"]) == 0, capsys.readouterr().err
    finally:
        shutil.rmtree(project / "data")
        shutil.copytree(FIXTURE_DATA, project / "data")
        for other in sorted((project / "data" / "meetings").iterdir())[1:]:
            other.unlink()


@pytest.mark.parametrize(("file", "path", "value"), CASES, ids=[f"{f}:{_dotted(p)}={v[0]}" for f, p, v in CASES])
def test_a_wrong_type_is_refused_naming_the_field(
    project: Path, file: str, path: tuple[Step, ...], value: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    target = project / "data" / file
    before = target.read_text(encoding="utf-8")
    changed, made_at = _replaced(before, path, value[1])
    target.write_text(changed, encoding="utf-8")
    try:
        code = main(["-C", str(project), "validate"])
    finally:
        target.write_text(before, encoding="utf-8")
    out, err = capsys.readouterr()
    assert "Traceback" not in err and code in (0, 1, 2), err[-3000:]
    if code == 1:  # a value of the field's type the shapes refuse: a violation at the file's line
        assert re.search(rf"^Violation: \S*{re.escape(file)}:\d+", out, re.M), out[-3000:]
    if code == 2:
        messages = list(_MESSAGE.finditer(err))
        assert messages, f"no message names a file and line:\n{err[:3000]}"
        fields = {m["field"].rstrip(":") for m in messages if m["file"].endswith(file)}
        named = {f for f in fields if f == _dotted(path) or f.startswith((f"{_dotted(path)}.", f"{_dotted(path)}["))}
        named |= {f for f in fields if made_at and (f == made_at or f.startswith((f"{made_at}.", f"{made_at}[")))}
        assert named or _quoted_elsewhere(err, value[1]), f"no message names {_dotted(path)}:\n{err[:3000]}"


def _quoted_elsewhere(err: str, value: str) -> bool:
    """Whether a refusal elsewhere quotes the value: a source's date another record's date is checked
    against; an id given another value, missing where it is used (which the refusals name)."""
    shown = value.strip("'\"")
    return (len(shown) < 100 and shown in err) or "has the id" in err
