"""Shapes the engine cannot use are bad input: exit code 2 and a message naming the shape or the
file, from ``build`` and ``validate`` alike (never exit 1, which means the data has violations).
Each case is a shapes file in tests/shapes/refused/ whose ``# expect:`` line is the message."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import fixture_project

from sakrad_ld.cli import main
from sakrad_ld.errors import SakradError, ShapesError
from sakrad_ld.shacl import UnsupportedShapes

CASES = sorted((Path(__file__).parent / "shapes" / "refused").glob("*.ttl"))


def _expected(case: Path) -> str:
    return next(line.split(":", 1)[1].strip() for line in case.read_text().splitlines() if line.startswith("# expect:"))


def test_unsupported_shapes_are_in_the_error_tree() -> None:
    assert issubclass(UnsupportedShapes, ShapesError) and issubclass(ShapesError, SakradError)
    assert not issubclass(UnsupportedShapes, ValueError)


@pytest.mark.parametrize("command", ["build", "validate"])
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.stem)
def test_refused_shapes_exit_2_naming_the_shape(
    case: Path, command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = fixture_project(tmp_path / "project")
    shutil.copy(case, project / "shapes" / case.name)
    args = ["-C", str(project), command] + (["--out", str(tmp_path / "dist")] if command == "build" else [])
    assert main(args) == 2
    err = capsys.readouterr().err
    assert _expected(case) in err and "Traceback" not in err
    assert not (tmp_path / "dist").exists()
