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


def _build(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["-C", str(project), "build", "--out", str(tmp_path / "dist")])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err


@pytest.mark.parametrize(
    "name", ["x\x1b[2J\x1b[31mFAKE.yaml", "ok\rerror: injected.yaml", 'a b\n<x>".yaml', "t\tab\x7f\x9b.yaml"]
)
def test_control_characters_in_a_file_name_are_shown_escaped(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    (project / "data" / "meetings" / name).write_text("garbage: [", encoding="utf-8")
    code, err = _build(project, tmp_path, capsys)
    assert code == 2, err
    escaped = name.encode("unicode_escape").decode("ascii").replace("\\\\", "\\")
    assert f"{escaped}:" in err, err
    assert not any(c in err.replace("\n", "") for c in "\x1b\r\x7f\x9b"), err
    assert len([line for line in err.splitlines() if line.startswith("error: ")]) == len(err.splitlines()) - 1


@pytest.mark.parametrize("shared", [None, "organisations.yaml", "sources.yaml"])
def test_a_yaml_file_linked_from_outside_data_is_refused_unread(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], shared: str | None
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    if shared is None:
        (outside / "secret.yaml").write_text("ghp_SECRETTOKEN0123456789\n", encoding="utf-8")
        link = project / "data" / "meetings" / "zz.yaml"
    else:
        link = project / "data" / shared
        (outside / "secret.yaml").write_bytes(link.read_bytes())  # a good file: published, were it read
        link.unlink()
    link.symlink_to(outside / "secret.yaml")
    code, err = _build(project, tmp_path, capsys)
    assert code == 2, err
    assert f"{link}: a link leading out of data/; expected a file in data/" in err, err
    assert "SECRET" not in err and not (tmp_path / "dist").exists()


def test_a_link_inside_data_is_still_read(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    meeting = project / MEETING
    moved = project / "data" / "kept.yaml.txt"
    meeting.rename(moved)
    meeting.symlink_to(moved)
    code, err = _validate(project, capsys)
    assert code == 0, err


@pytest.mark.parametrize(("char", "after"), [("\x00", "  - skydds"), ("\x1b", "date: 2017-12-12"), ("\x07", "Stock")])
def test_a_raw_control_character_is_reported_on_its_line(
    project: Path, capsys: pytest.CaptureFixture[str], char: str, after: str
) -> None:
    path = project / MEETING
    text = path.read_text(encoding="utf-8")
    assert not text.isascii()  # å, ä, ö before it: a byte offset would land lines further down
    line = change(path, after, after + char)
    code, err = _validate(project, capsys)
    assert code == 2, err
    assert f"2017-12-12-integration.yaml:{line}: the character U+{ord(char):04X} is not allowed in YAML" in err, err


def test_a_control_character_after_other_line_breaks_is_on_the_yaml_readers_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = project / MEETING
    text = path.read_text(encoding="utf-8").replace("\n", "\r")  # CR-only line ends, as YAML reads them
    at = text.index("date: 2017-12-12") + len("date: 2017-12-12")
    path.write_bytes((text[:at] + "\x1b" + text[at:]).encode("utf-8"))
    code, err = _validate(project, capsys)
    assert code == 2, err
    assert f"2017-12-12-integration.yaml:{text[:at].count(chr(13)) + 1}: the character U+001B" in err, err


def test_serve_get_empty_is_refused_without_a_server(release: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--release", str(release), "--get", ""]) == 2
    err = capsys.readouterr().err
    assert "--get '': the path is empty" in err


@pytest.mark.parametrize("length", [65, 250, 5000])
def test_a_version_too_long_to_name_a_file_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str], length: int
) -> None:
    version = "1.0.0-" + "a" * (length - 6)
    line = change(project / "data" / "dataset.yaml", "version: ", f'version: "{version}"\nx_old_version: ')
    text = (project / "data" / "dataset.yaml").read_text(encoding="utf-8")
    (project / "data" / "dataset.yaml").write_text(
        "\n".join(ln for ln in text.splitlines() if not ln.startswith("x_old_version: ")) + "\n", encoding="utf-8"
    )
    code, err = _validate(project, capsys)
    assert code == 2, err
    assert f"dataset.yaml:{line}: version: the version has {length:,} characters" in err, err
    assert "at most 64 characters" in err


def test_a_version_of_64_characters_loads(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import re

    path = project / "data" / "dataset.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^version: .*$", "version: 1.0.0-" + "a" * 58, text, count=1), encoding="utf-8")
    code, err = _validate(project, capsys)
    assert code in (0, 1), err


def test_a_question_listed_twice_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / MEETING
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("questions:"))
    assert lines[at + 1].startswith("  - ") and not lines[at + 2].startswith("    "), lines[at + 1 : at + 3]
    lines.insert(at + 2, lines[at + 1])
    path.write_text("".join(lines), encoding="utf-8")
    code, err = _validate(project, capsys)
    assert code == 2, err
    assert f"2017-12-12-integration.yaml:{at + 3}: questions[1]: " in err, err
    assert f"is listed twice (also questions[0], line {at + 2}); expected each text once" in err, err
