"""Every field of every data file, given a value of the wrong type, is refused as bad input naming
file, line and field, or accepted where the value is one the field may hold (and then validates,
exit 0, or is refused by the shapes, exit 1, naming the file's line); never a traceback.

The fields are the record classes' (``corpus.DATA_FILES``: the class each file of data/ is read
into), nested records and list items included, so a field added to a record is fuzzed with no
change here. Each is tried in the first record of its file of the frozen fixture project, with each
of :data:`VALUES`. The loader names every problem of a file at once (``listed=None``), so one load
of a file with all its fields of one depth given one value says which of them it refuses: each must
be named at its line. What the loader accepts goes on through ``sakrad-ld validate`` (``cli.main``,
in this process), as many fields at once as their messages still tell apart, down to one field a
run when a refusal does not name it; a :data:`SAMPLE` runs one case at a time end to end.
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
from sakrad_ld.errors import InputErrors
from sakrad_ld.typedyaml import compose_file, load_record, type_hints

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

#: libyaml's reader and writer where PyYAML has them: a value of 100 kB is read and written fast.
_C_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_C_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

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


FIELDS = list(_files())
CASES = [(file, path, value) for file, path in FIELDS for value in VALUES]
#: The cases run one at a time through ``sakrad-ld validate``: each file's first field, two values.
SAMPLE = [
    (file, path, value)
    for file in dict.fromkeys(f for f, _p in FIELDS)
    for path in [next(p for f, p in FIELDS if f == file)]
    for value in (VALUES[0], VALUES[-1])
]


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


def _replaced(text: str, paths: list[tuple[Step, ...]], value: str) -> tuple[str, dict[tuple[Step, ...], str]]:
    """``text`` (a YAML file) with the value at each of ``paths`` (none above another) replaced by
    the YAML ``value``, and for each path the path of the first record on the way the file did not
    have ("" if none): one made here, whose other required fields are missing, may be refused for
    them instead of for the value."""
    root = yaml.compose(text, Loader=_C_LOADER)
    made_ats = {}
    for path in paths:
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
        put(yaml.compose(value, Loader=_C_LOADER))
        made_ats[path] = made_at
    return yaml.serialize(root, Dumper=_C_DUMPER, allow_unicode=True, width=10**9), made_ats


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

Field = tuple[str, tuple[Step, ...]]


def test_the_fuzzed_files_round_trip(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Written back unchanged, every file validates: a refusal below is the value's."""
    for file in {file for file, _path in FIELDS}:
        path = project / "data" / file
        before = path.read_text(encoding="utf-8")
        path.write_text(yaml.serialize(yaml.compose(before, Loader=_C_LOADER), allow_unicode=True))
    try:
        assert main(["-C", str(project), "validate"]) == 0, capsys.readouterr().err
    finally:
        shutil.rmtree(project / "data")
        shutil.copytree(FIXTURE_DATA, project / "data")
        for other in sorted((project / "data" / "meetings").iterdir())[1:]:
            other.unlink()


def _names(field: str, dotted: str) -> bool:
    return field == dotted or field.startswith((f"{dotted}.", f"{dotted}["))


def _named(fields: set[str], path: tuple[Step, ...], made_at: str, others: list[tuple[Step, ...]]) -> bool:
    """Whether a message's field names ``path``, or the record made on its way (``made_at``) where
    that message names no other path of the same run."""
    if any(_names(f, _dotted(path)) for f in fields):
        return True
    return bool(made_at) and any(
        _names(f, made_at) and not any(_names(f, _dotted(o)) for o in others if o != path) for f in fields
    )


def _load_refusals(target: Path, cls: type) -> set[str]:
    """The fields the loader names (each at a line) in ``target``, read as ``corpus.load_corpus``
    reads a file of its kind, with every problem named; a traceback fails the test."""
    try:
        load_record(cls, compose_file(target, listed=None), target, listed=None)  # type: ignore[arg-type]
    except InputErrors as refused:
        return {e.where.field for e in refused.errors if e.where.line > 0}
    return set()


@pytest.mark.parametrize("value", VALUES, ids=[v[0] for v in VALUES])
def test_a_wrong_type_is_refused_naming_the_field(
    project: Path, value: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Per file and depth, one load with every field given ``value``: each field is named at its
    line, or accepted by the loader; the accepted ones then go through validate."""
    accepted: list[Field] = []
    for file in dict.fromkeys(f for f, _p in FIELDS):
        target = project / "data" / file
        before = target.read_text(encoding="utf-8")
        cls = DATA_FILES["meetings/*.yaml" if file.startswith("meetings/") else file][0]
        paths = [p for f, p in FIELDS if f == file]
        try:
            for depth in sorted({len(p) for p in paths}):
                group = [p for p in paths if len(p) == depth]
                changed, made_ats = _replaced(before, group, value[1])
                target.write_text(changed, encoding="utf-8")
                fields = _load_refusals(target, cls)
                accepted.extend((file, p) for p in group if not _named(fields, p, made_ats[p], group))
        finally:
            target.write_text(before, encoding="utf-8")
    _validated(project, accepted, value, capsys)


def _apart(pending: list[Field], most: int) -> tuple[list[Field], list[Field]]:
    """At most ``most`` fields of ``pending`` of which none lies above or below another, and the rest."""
    chosen: list[Field] = []
    rest: list[Field] = []
    for file, path in pending:
        clash = any(f == file and (p[: len(path)] == path or path[: len(p)] == p) for f, p in chosen)
        (rest if clash or len(chosen) >= most else chosen).append((file, path))
    return chosen, rest


def _validated(project: Path, pending: list[Field], value: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    """Runs validate with the ``pending`` fields given ``value``, as many at once as the messages
    tell apart: a refusal (exit 2) must name each field of a run, else they run again in fewer,
    down to one; exit 0 or 1 (a violation at a file's line) ends a run; never a traceback."""
    most = len(pending)
    while pending:
        group, pending = _apart(pending, most)
        code, out, err, made = _validate(project, group, value[1], capsys)
        assert "Traceback" not in err and code in (0, 1, 2), err[-3000:]
        if code == 1:  # a value of the field's type the shapes refuse: a violation at the file's line
            violations = re.findall(r"^Violation: .*$", out, re.M)
            assert violations and all(re.match(r"Violation: \S+\.yaml:\d+", v) for v in violations), out[-3000:]
        if code != 2:
            continue
        assert _MESSAGE.search(err), f"no message names a file and line:\n{err[:3000]}"
        unnamed = [(f, p) for f, p in group if not _named_in(err, f, p, made, group)]
        if len(group) == 1:
            assert not unnamed or _quoted_elsewhere(err, value[1]) or _mentioned(err, *group[0]), (
                f"no message names {group}:\n{err[:3000]}"
            )
            continue
        most = most if len(unnamed) < len(group) else max(1, len(group) // 2)
        pending = unnamed + pending


def _named_in(err: str, file: str, path: tuple[Step, ...], made: dict[Field, str], group: list[Field]) -> bool:
    """Whether a message of ``err`` names ``path`` of ``file`` (or the record made on its way)."""
    fields = {m["field"].rstrip(":") for m in _MESSAGE.finditer(err) if m["file"].endswith(file)}
    return _named(fields, path, made[file, path], [q for g, q in group if g == file])


def _validate(
    project: Path, group: list[Field], value: str, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str, dict[Field, str]]:
    """``sakrad-ld validate``'s exit code, output and errors with ``group``'s fields given ``value``,
    and the record each field's path made on its way (:func:`_replaced`)."""
    kept, made = {}, {}
    try:
        for file in dict.fromkeys(f for f, _p in group):
            target = project / "data" / file
            kept[target] = target.read_text(encoding="utf-8")
            changed, made_ats = _replaced(kept[target], [p for f, p in group if f == file], value)
            made.update(((file, p), at) for p, at in made_ats.items())
            target.write_text(changed, encoding="utf-8")
        code = main(["-C", str(project), "validate"])
    finally:
        for target, text in kept.items():
            target.write_text(text, encoding="utf-8")
    out, err = capsys.readouterr()
    return code, out, err, made


@pytest.mark.parametrize(("file", "path", "value"), SAMPLE, ids=[f"{f}:{_dotted(p)}={v[0]}" for f, p, v in SAMPLE])
def test_a_sample_runs_end_to_end_one_at_a_time(
    project: Path, file: str, path: tuple[Step, ...], value: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err, made = _validate(project, [(file, path)], value[1], capsys)
    assert "Traceback" not in err and code in (0, 1, 2), err[-3000:]
    if code == 1:
        assert re.search(rf"^Violation: \S*{re.escape(file)}:\d+", out, re.M), out[-3000:]
    if code == 2:
        named = _named_in(err, file, path, made, [(file, path)])
        assert named or _quoted_elsewhere(err, value[1]) or _mentioned(err, file, path), err[:3000]


def _mentioned(err: str, file: str, path: tuple[Step, ...]) -> bool:
    """Whether a refusal of another field of ``file`` speaks of the field (a date whose
    date_derivation does not give its month names the date, and says date_derivation)."""
    key = next(str(s) for s in reversed(path) if isinstance(s, str))
    return any(key in line.split(": ", 2)[-1] for line in err.splitlines() if f"{file}:" in line)


def _quoted_elsewhere(err: str, value: str) -> bool:
    """Whether a refusal elsewhere quotes the value: a source's date another record's date is checked
    against; an id given another value, missing where it is used (which the refusals name)."""
    shown = value.strip("'\"")
    return (len(shown) < 100 and shown in err) or "has the id" in err
