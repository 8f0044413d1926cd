"""Hostile YAML under a file's byte cap is refused while it is composed: a file of more nodes than
its cap allows (typedyaml.NODE_BYTES), a mapping of more than MAX_KEYS keys, a list of more than
MAX_ITEMS items, lists and mappings nested deeper than MAX_DEPTH, and aliases (a "billion laughs",
a list or mapping of a million aliases). Each is exit 2 with file, line, field and the limit, no
traceback, and the release already published is left as it was.

That the file was not composed whole is shown, not timed: each hostile file but those of aliases
ends in a YAML syntax error (an unclosed quote), which a parse of the whole file would have reported
instead of the limit. (A dataset.yaml of 300,000 keys took 10.5 s and 340 MB before it was refused by
its unknown keys.) Aliases are composed whole, an alias costing a reference and no node, and refused
when the tree is checked.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from conftest import fixture_project

from sakrad_ld import typedyaml
from sakrad_ld.cli import main
from sakrad_ld.corpus import MAX_DATASET_FILE, MAX_MEETING_FILE
from sakrad_ld.errors import InputError
from sakrad_ld.typedyaml import MAX_DEPTH, MAX_ITEMS, MAX_KEYS, NODE_BYTES, compose_file

#: What ends every hostile file: a quote never closed, which a parse of the whole file reports.
UNCLOSED = 'end: "never closed\n'


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = fixture_project(tmp_path_factory.mktemp("limits") / "project")
    assert main(["-C", str(project), "build", "--out", str(project / "dist")]) == 0
    return project


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "project"
    shutil.copytree(built, copy, symlinks=True)
    return copy


def _release(project: Path) -> tuple[str, bytes]:
    return os.readlink(project / "dist"), (project / "dist" / "SHA256SUMS").read_bytes()


def _top_keys(file: Path) -> int:
    node = yaml.compose(file.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    return len(node.value)


def _lines(file: Path) -> int:
    return file.read_text(encoding="utf-8").count("\n")


def _meeting(project: Path) -> Path:
    return sorted((project / "data" / "meetings").glob("*.yaml"))[0]


def _append(file: Path, text: str) -> None:
    with open(file, "a", encoding="utf-8") as out:
        out.write(text)


def _refuse(project: Path, capsys: pytest.CaptureFixture[str], command: str = "build") -> list[str]:
    """The errors of ``sakrad-ld command`` (exit 2, no traceback, the release as it was)."""
    before = _release(project)
    args = ["--out", str(project / "dist")] if command == "build" else []
    assert main(["-C", str(project), command, *args]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err, err
    assert "YAML syntax error" not in err and "never closed" not in err, err[:3000]  # not parsed whole
    assert _release(project) == before
    return [line for line in err.splitlines() if line.startswith("error: ")]


def _one(errors: list[str]) -> str:
    assert len(errors) == 1, errors[:5]
    return errors[0]


def test_a_dataset_yaml_of_300000_keys_is_refused_by_its_size(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """dataset.yaml describes the dataset and grows with nothing else: its cap is a few tens of
    kilobytes, so a hostile one is refused before a byte of it is composed."""
    file = project / "data" / "dataset.yaml"
    _append(file, "".join(f"k{i}: v\n" for i in range(300_000)) + UNCLOSED)
    said = _one(_refuse(project, capsys))
    assert said.startswith(f"error: {file}: the file has "), said
    assert f"expected at most {MAX_DATASET_FILE:,} bytes" in said, said


def test_a_shared_file_of_300000_keys_is_refused_at_its_1001st_key(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = project / "data" / "sources.yaml"
    first, keys = _lines(file), _top_keys(file)
    _append(file, "".join(f"k{i}: v\n" for i in range(300_000)) + UNCLOSED)
    said = _one(_refuse(project, capsys))
    line = first + MAX_KEYS - keys  # the 1,000th key's; the next one is refused
    assert said.startswith(f"error: {file}:{line}: the mapping has more than {MAX_KEYS:,} keys;"), said
    assert "unknown key" not in said


def test_a_meeting_of_a_million_items_is_refused_by_its_size(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = _meeting(project)
    _append(file, "questions:\n" + "- q\n" * 1_000_000 + UNCLOSED)
    said = _one(_refuse(project, capsys, "validate"))
    assert f"{file}: the file has " in said
    assert (
        f"more than the {MAX_MEETING_FILE:,} a file here may have; expected at most {MAX_MEETING_FILE:,} bytes" in said
    )


def test_a_meeting_of_more_nodes_than_its_size_allows_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A flow list of one-letter items has a node for every two bytes; a meeting file of at most
    1 MiB may hold one for every NODE_BYTES."""
    file = _meeting(project)
    nodes = MAX_MEETING_FILE // NODE_BYTES
    start = _lines(file) + 1
    _append(file, "questions: [" + "q," * nodes + "q]\n" + UNCLOSED)
    assert file.stat().st_size < MAX_MEETING_FILE
    said = _one(_refuse(project, capsys))
    assert (
        said.startswith(f"error: {file}:{start}: questions[")
        and (
            f"the file holds more than {nodes:,} YAML nodes (keys, values, lists and mappings); "
            f"expected at most {nodes:,} nodes, one for every {NODE_BYTES} bytes a file here may have"
        )
        in said
    ), said


def test_a_list_of_a_million_items_is_refused_at_the_limit(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A shared file may be large, so the list's own limit refuses it (here lowered to 1,000, so the
    test composes a thousand items, not half a million: the limit is read where it is checked)."""
    monkeypatch.setattr(typedyaml, "MAX_ITEMS", 1_000)
    file = project / "data" / "sources.yaml"
    file.write_text("sources:\n" + "".join(f"- s{i}\n" for i in range(1_000_000)) + UNCLOSED, encoding="utf-8")
    said = _one(_refuse(project, capsys, "validate"))
    assert said.startswith(f"error: {file}:1001: sources[1000]: the list has more than 1,000 items;"), said


@pytest.mark.parametrize(
    ("kind", "text", "line", "field"),
    [
        ("flow", "organisations: " + "[" * 900 + "]" * 900 + "\n", 1, "organisations" + "[0]" * (MAX_DEPTH - 1)),
        (
            "block",
            "".join("  " * i + f"k{i}:\n" for i in range(100)) + "  " * 100 + "x\n",
            MAX_DEPTH,
            ".".join(f"k{i}" for i in range(MAX_DEPTH - 1)),
        ),
    ],
)
def test_deep_nesting_is_refused_at_the_limit(
    project: Path, capsys: pytest.CaptureFixture[str], kind: str, text: str, line: int, field: str
) -> None:
    file = project / "data" / "organisations.yaml"
    file.write_text(text + UNCLOSED, encoding="utf-8")
    said = _one(_refuse(project, capsys, "validate"))
    assert said.startswith(f"error: {file}:{line}: {field}: the lists and mappings nest more than {MAX_DEPTH} "), said


def test_nesting_past_the_yaml_readers_own_limit_is_refused_by_it(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """libyaml reads a run of brackets ahead of the nodes and stops at 1,000 levels, before any of
    them is composed: its refusal, with the line."""
    file = project / "data" / "organisations.yaml"
    file.write_text("organisations: " + "[" * 10_000 + "]" * 10_000 + "\n" + UNCLOSED, encoding="utf-8")
    said = _one(_refuse(project, capsys, "validate"))
    assert said.startswith(f"error: {file}:1: the brackets or indentation nest too deep (the YAML reader's limit)")


#: YAML that stands for far more than it holds, and what refuses it.
ALIASES: dict[str, tuple[Callable[[], str], str]] = {
    # nine levels of ten aliases each: a billion values once expanded
    "billion-laughs": (
        lambda: (
            "people: &a [x, x, x, x, x, x, x, x, x, x]\n"
            + "".join(
                f"{c}: &{c} [" + ", ".join([f"*{p}"] * 10) + "]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
            )
        ),
        "a YAML alias (*name) repeats a value",
    ),
    "a-million-aliases": (
        lambda: "people: &a x\nmore: [" + "*a, " * 1_000_000 + "*a]\n",
        f"the list has more than {MAX_ITEMS:,} items",
    ),
    "a-mapping-of-aliases": (
        lambda: "people: &a x\nmore: {" + "*a : *a, " * 300_000 + "}\n",
        f"the mapping has more than {MAX_KEYS:,} keys",
    ),
}


@pytest.mark.parametrize("case", sorted(ALIASES))
def test_aliases_are_refused_before_they_are_followed(
    project: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    """An alias is no node composed: what aliases hold is counted when the tree is checked, each
    repeated value once, so a billion laughs is a few lines and a million aliases one list."""
    make, problem = ALIASES[case]
    file = project / "data" / "people.yaml"
    file.write_text(make(), encoding="utf-8")  # composed whole: an alias costs a reference, no node
    errors = _refuse(project, capsys, "validate")
    assert 1 <= len(errors) <= 9, errors[:12]  # the billion laughs: each of its nine repeated lists once
    assert all(said.startswith(f"error: {file}:") and problem in said for said in errors), errors


def test_the_limits_leave_real_files_alone(built: Path) -> None:
    """Every file of the fixture project composes, with a node budget of its own size / NODE_BYTES."""
    for file in sorted((built / "data").rglob("*.yaml")):
        size = file.stat().st_size
        assert compose_file(file, max_bytes=size, root=built / "data") is not None, file


def test_compose_file_takes_a_budget_of_its_own(tmp_path: Path) -> None:
    file = tmp_path / "x.yaml"
    file.write_text("a: [1, 2, 3]\nb: 4\n", encoding="utf-8")
    assert compose_file(file, max_nodes=8) is not None  # the mapping, 2 keys, a list of 3, 1 value
    with pytest.raises(InputError) as refused:
        compose_file(file, max_nodes=7)
    assert str(refused.value).startswith(f"{file}:2: b: the file holds more than 7 YAML nodes"), refused.value
