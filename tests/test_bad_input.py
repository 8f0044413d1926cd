"""Bad and hostile input gets a clear message naming the path (and line), exit code 2, no traceback,
and leaves whatever release was there exactly as it was.

Each case in ``bad_input/`` is a YAML file. A case either changes one data file of a copy of the
project (``file`` and ``replace``: pairs of old and new text), or takes ``steps`` on a folder that
holds the project copy (``project/``) and where the release goes (``dist``); step paths are
relative to that folder:

``build``            build the release first (a good one, for the failure to leave alone)
``write``/``append`` a file with ``text`` (plus ``repeat: [unit, times]`` and ``then``)
``mkdir``, ``remove``, ``symlink`` (with ``to``), ``chmod`` (with ``mode``; skipped as root)
``fault``            the file system answers ``errno`` to ``op`` (read, write, mkdir, list) on paths
                     containing ``path``, as a full disk or a read-only mount would

``expect`` gives the exit code (default 2), and fragments of the message: ``where`` (the path
and line; ``{line}``, ``{line+1}``… is the line the first replacement landed on), ``message``
and ``hint``; ``args`` are extra arguments of ``build``.
"""

from __future__ import annotations

import builtins
import errno
import os
import pathlib
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import copy_project

from sakrad_ld.cli import main

CASES = sorted((Path(__file__).parent / "bad_input").glob("*.yaml"))


def _text(spec: dict[str, Any]) -> str:
    unit, times = spec.get("repeat", ["", 0])
    return spec.get("text", "") + unit * times + spec.get("then", "")


def _replace(project: Path, spec: dict[str, Any]) -> int:
    """Applies the case's replacements; returns the line (1-based) the first one landed on."""
    target = project / spec["file"]
    text = target.read_text(encoding="utf-8")
    first = 0
    for old, new in spec["replace"]:
        if isinstance(new, list):  # [prefix, unit, times, suffix]: a long value
            new = new[0] + new[1] * new[2] + new[3]
        assert old in text, f"{old!r} is not in {spec['file']}"
        if not first:
            first = text[: text.index(old)].count("\n") + 1
        text = text.replace(old, new, 1)
    target.write_text(text, encoding="utf-8")
    return first


class _FailingWrites:
    """A file opened to write whose writes fail as a full disk's do (the open itself succeeds)."""

    def __init__(self, file: Any, number: int, path: str) -> None:
        self._file, self._number, self._path = file, number, path

    def write(self, data: Any) -> int:
        raise OSError(self._number, os.strerror(self._number), self._path)

    writelines = write

    def __enter__(self) -> _FailingWrites:
        return self

    def __exit__(self, *exc: object) -> None:
        self._file.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)


def _fault(monkeypatch: pytest.MonkeyPatch, op: str, code: str, fragment: str) -> None:
    """Makes the file system answer ``code`` to ``op`` on paths containing ``fragment``."""
    number = getattr(errno, code)

    def failing(real):
        def call(path, *args, **kwargs):
            if fragment in str(path):
                raise OSError(number, os.strerror(number), str(path))
            return real(path, *args, **kwargs)

        return call

    if op == "read":
        monkeypatch.setattr(builtins, "open", failing(builtins.open))
    elif op == "list":
        monkeypatch.setattr(os, "listdir", failing(os.listdir))
    elif op == "mkdir":  # a method of Path: the path is ``self``
        monkeypatch.setattr(pathlib.Path, "mkdir", failing(pathlib.Path.mkdir))
    elif op == "write":  # every way of writing a file: Path.write_bytes, and a file opened to write
        monkeypatch.setattr(pathlib.Path, "write_bytes", failing(pathlib.Path.write_bytes))
        real_open = builtins.open

        def opening(path, mode="r", *args, **kwargs):
            file = real_open(path, mode, *args, **kwargs)
            if fragment in str(path) and any(flag in mode for flag in "wax+"):
                return _FailingWrites(file, number, str(path))
            return file

        monkeypatch.setattr(builtins, "open", opening)
    else:
        raise AssertionError(f"unknown fault op {op!r}")


def _steps(
    root: Path,
    project: Path,
    steps: list[dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for step in steps:
        if step.get("build"):
            assert main(["-C", str(project), "build", "--out", str(root / "dist")]) == 0
            capsys.readouterr()
        elif "write" in step:
            (root / step["write"]).write_text(_text(step), encoding="utf-8")
        elif "append" in step:
            with (root / step["append"]).open("a", encoding="utf-8") as file:
                file.write(_text(step))
        elif "mkdir" in step:
            (root / step["mkdir"]).mkdir(parents=True)
        elif "remove" in step:
            path = root / step["remove"]
            shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
        elif "symlink" in step:
            (root / step["symlink"]).symlink_to(step["to"])
        elif "chmod" in step:
            os.chmod(root / step["chmod"], step["mode"])
        elif "fault" in step:
            fault = step["fault"]
            _fault(monkeypatch, fault["op"], fault["errno"], fault["path"])
        else:
            raise AssertionError(f"unknown step {step}")


def _outside_project(root: Path) -> dict[str, bytes | str]:
    """Every file and link beside the project (the release and what a build leaves), but the lock."""
    found: dict[str, bytes | str] = {}
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        if here == root and "project" in dirs:
            dirs.remove("project")
        for name in files + [d for d in dirs if (here / d).is_symlink()]:
            path = here / name
            rel = path.relative_to(root).as_posix()
            if path.is_symlink():
                found[rel] = os.readlink(path)
            elif name != "lock":
                found[rel] = path.read_bytes()
    return found


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_bad_input(
    case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    if spec.get("needs_non_root") and os.geteuid() == 0:
        pytest.skip("permissions do not stop root; the fault case of the same error runs instead")
    project = copy_project(tmp_path / "project")
    line = _replace(project, spec) if "file" in spec else 0
    capsys.readouterr()
    _steps(tmp_path, project, spec.get("steps", []), monkeypatch, capsys)
    before = _outside_project(tmp_path)
    expect = spec["expect"]

    code = main(["-C", str(project), "build", "--out", str(tmp_path / "dist"), *expect.get("args", [])])

    monkeypatch.undo()  # the faults end with the build
    _out, err = capsys.readouterr()
    assert code == expect.get("exit", 2), err
    assert "Traceback" not in err
    if code == 0:
        assert (tmp_path / "dist" / "SHA256SUMS").is_file()
        return
    where = re.sub(r"\{line([+-]\d+)?\}", lambda m: str(line + int(m.group(1) or 0)), expect["where"])
    lines = [text for text in err.splitlines() if where in text]
    assert lines, f"no message at {where!r} in:\n{err}"
    assert expect["message"] in lines[0], err
    if "hint" in expect:
        assert expect["hint"] in lines[0], err
    assert "nothing was written" in err or "was not changed" in err, err
    assert _outside_project(tmp_path) == before  # the release, if any, as it was; nothing left over


def test_every_problem_is_reported_at_once(project_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    meeting = project_copy / "data" / "meetings" / "2017-12-12-integration.yaml"
    text = meeting.read_text(encoding="utf-8")
    meeting.write_text(
        text.replace("date: 2017-12-12", "date: 2017-02-30").replace("place: Stockholm", "plats: Stockholm"),
        encoding="utf-8",
    )
    assert main(["-C", str(project_copy), "validate"]) == 2
    err = capsys.readouterr().err
    assert "'2017-02-30' is not a valid date" in err and "unknown key 'plats'" in err


def test_not_a_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-C", str(tmp_path), "build"]) == 2
    err = capsys.readouterr().err
    assert "not a sakrad-ld project" in err and "data/" in err
