"""Hostile and careless input refused with the file, line and field: a value listed twice in one of
a record's lists (an organisation named twice in a meeting's ``organisations``, a person twice
among its government participants)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import change, copy_project

from sakrad_ld.cli import main

MEETING = "data/meetings/2017-12-12-integration.yaml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def _validate(project: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["-C", str(project), "validate"])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err


def test_an_organisation_listed_twice_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = change(project / MEETING, "  - skyddsvarnet\n", "  - skyddsvarnet\n  - radda-barnen\n  - skyddsvarnet\n")
    text = (project / MEETING).read_text(encoding="utf-8").splitlines()
    first = text.index("  - radda-barnen") + 1
    code, err = _validate(project, capsys)
    assert code == 2, err
    index = text[: line - 1][::-1].index("organisations:")  # items before the changed line
    assert f"2017-12-12-integration.yaml:{line + 1}: organisations[{index + 1}]: 'radda-barnen' is listed twice" in err
    assert f"(also organisations[{first - (line - index - 1) - 1}], line {first})" in err, err
    assert f"2017-12-12-integration.yaml:{line + 2}: organisations[{index + 2}]: 'skyddsvarnet' is listed twice" in err
    assert "expected each organisation once" in err


@pytest.mark.parametrize("field", ["agencies", "sources", "organisations"])
def test_any_value_listed_twice_in_a_meetings_list_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str], field: str
) -> None:
    import yaml

    for path in sorted((project / "data" / "meetings").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        node = next((v for k, v in yaml.compose(text).value if k.value == field), None)
        if isinstance(node, yaml.SequenceNode) and node.value and isinstance(node.value[0], yaml.ScalarNode):
            break
    else:
        pytest.fail(f"no meeting lists {field}")
    value = node.value[0].value
    end = (
        text.rindex("\n", 0, node.end_mark.index) + 1 if text[node.end_mark.index - 1] == "\n" else node.end_mark.index
    )
    path.write_text(text[: node.start_mark.index] + f"[{value}, {value}]\n" + text[end:], encoding="utf-8")
    code, err = _validate(project, capsys)
    line = node.start_mark.line + 1
    assert code == 2, err
    assert f"{path.name}:{line}: {field}[1]: {value!r} is listed twice (also {field}[0], line {line})" in err, err
    assert "once" in err


def test_a_person_listed_twice_among_government_participants_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import yaml

    path = next(
        p
        for p in sorted((project / "data" / "meetings").glob("*.yaml"))
        if any(
            g.get("person") for g in yaml.safe_load(p.read_text(encoding="utf-8")).get("government_participants", [])
        )
    )
    text = path.read_text(encoding="utf-8")
    person = next(g["person"] for g in yaml.safe_load(text)["government_participants"] if g.get("person"))
    change(path, "government_participants:\n", f"government_participants:\n  - person: {person}\n")
    code, err = _validate(project, capsys)
    assert code == 2, err
    assert (
        f"the person '{person}' is listed twice" in err
        and "expected each person once in government_participants" in err
    )
    assert f"{path.name}:" in err


def test_the_data_lists_each_value_once(capsys: pytest.CaptureFixture[str]) -> None:
    from conftest import ROOT

    assert main(["-C", str(ROOT), "validate"]) == 0, capsys.readouterr().err
