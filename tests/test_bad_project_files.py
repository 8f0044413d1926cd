"""Project files that used to end in a traceback: a meeting file name that is not UTF-8, and a broken
ontology file (in build and validate). Each is exit 2 naming the file (and line); the release already
published is left as it was."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import fixture_project

from sakrad_ld.cli import main


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = fixture_project(tmp_path_factory.mktemp("bad-files") / "project")
    assert main(["-C", str(project), "build", "--out", str(project / "dist")]) == 0
    return project


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "project"
    shutil.copytree(built, copy, symlinks=True)
    assert not os.path.isabs(os.readlink(copy / "dist"))  # the copy's link names the copy's release
    return copy


def _release(project: Path) -> tuple[str, bytes, list[str]]:
    dist = project / "dist"
    return os.readlink(dist), (dist / "SHA256SUMS").read_bytes(), sorted(os.listdir(project / "dist.releases"))


def test_a_meeting_file_name_not_in_utf8_is_named_escaped(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    meetings = project / "data" / "meetings"
    first = sorted(meetings.iterdir())[0]
    os.rename(first, os.path.join(os.fsencode(meetings), b"\xff\xfe.yaml"))
    before = _release(project)
    assert main(["-C", str(project), "build", "--out", str(project / "dist")]) == 2
    err = capsys.readouterr().err
    assert f"{meetings}/\\xff\\xfe.yaml: the file name is not UTF-8" in err and "Traceback" not in err
    assert _release(project) == before
    assert main(["-C", str(project), "validate"]) == 2
    assert "\\xff\\xfe.yaml: the file name is not UTF-8" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["roles.ttl", "sakrad.ttl", "extra.ttl"])
@pytest.mark.parametrize("command", ["build", "validate"])
def test_a_broken_ontology_file_is_named_with_its_line(
    project: Path, name: str, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    file = project / "ontology" / name
    text = file.read_text(encoding="utf-8") if file.exists() else ""
    file.write_text(text + "\n@@@ garbage\n", encoding="utf-8")
    line = text.count("\n") + 2
    before = _release(project)
    args = ["--out", str(project / "dist")] if command == "build" else []
    assert main(["-C", str(project), command, *args]) == 2
    err = capsys.readouterr().err
    assert f"{file}:{line}: not valid Turtle (" in err and "fix the ontology file" in err
    assert "Traceback" not in err
    assert _release(project) == before


@pytest.mark.parametrize("command", ["build", "validate"])
def test_a_shapes_file_that_cannot_be_read_says_so(
    project: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder where a shapes file is expected (what root reads of a file without permissions alike):
    'cannot be read', not 'not valid Turtle (IsADirectoryError …)'."""
    (project / "shapes" / "extra.ttl").mkdir()
    before = _release(project)
    args = ["--out", str(project / "dist")] if command == "build" else []
    assert main(["-C", str(project), command, *args]) == 2
    err = capsys.readouterr().err
    assert f"{project / 'shapes' / 'extra.ttl'}: cannot be read (" in err and "not valid Turtle" not in err, err
    assert "Traceback" not in err
    assert _release(project) == before
