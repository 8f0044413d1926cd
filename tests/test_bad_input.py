"""Bad input gets a clear message naming file, line and field, exit code 2, and writes nothing.

Each case in ``bad_input/`` changes one data file of a copy of the project and says what the
message must contain.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import copy_project

from sakrad_ld.cli import main

CASES = sorted((Path(__file__).parent / "bad_input").glob("*.yaml"))


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_bad_input(case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    project = copy_project(tmp_path / "project")
    target = project / spec["file"]
    text = target.read_text(encoding="utf-8")
    for old, new in spec["replace"]:
        assert old in text, f"{case.name}: {old!r} is not in {spec['file']}"
        text = text.replace(old, new, 1)
    target.write_text(text, encoding="utf-8")
    out = tmp_path / "dist"

    code = main(["-C", str(project), "build", "--out", str(out)])

    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err
    expect = spec["expect"]
    lines = [line for line in err.splitlines() if expect["where"] in line]
    assert lines, f"no message at {expect['where']!r} in:\n{err}"
    assert expect["message"] in lines[0], err
    if "hint" in expect:
        assert expect["hint"] in lines[0], err
    assert "nothing was written" in err
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project"]


def test_every_problem_is_reported_at_once(project_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    meeting = project_copy / "data" / "meetings" / "2017-12-12-integration.yaml"
    text = meeting.read_text(encoding="utf-8")
    meeting.write_text(text.replace("date: 2017-12-12", "date: 2017-02-30").replace(
        "place: Stockholm", "plats: Stockholm"), encoding="utf-8")
    assert main(["-C", str(project_copy), "validate"]) == 2
    err = capsys.readouterr().err
    assert "'2017-02-30' is not a valid date" in err and "unknown key 'plats'" in err


def test_not_a_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-C", str(tmp_path), "build"]) == 2
    err = capsys.readouterr().err
    assert "not a sakrad-ld project" in err and "data/" in err
