"""A count's value, bound and approximation are the ones its words give (counted.py): "Drygt 50" is at
least 50, not 75 and not about 50; "ett 40-tal" is about 40, not at most 40. Each contradiction is
refused at load with file, line and field (exit code 2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import fixture_project

from sakrad_ld.cli import main
from sakrad_ld.corpus import load_corpus
from sakrad_ld.counted import number_value, numbers_in
from sakrad_ld.errors import InputErrors
from sakrad_ld.importer.documentation import number_value as importer_number_value

MEETINGS = Path("data") / "meetings"
JORDBRUK = "2025-05-16-jordbrukspolitik.yaml"  # participant_count: "Drygt 50 deltagare …", value 50, at-least
INTEGRATION = "2023-11-07-integration-civilsamhallet.yaml"  # invited_count: "ett 40-tal …", approximate


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return fixture_project(tmp_path / "project")


def _change(path: Path, old: str, new: str) -> int:
    text = path.read_text(encoding="utf-8")
    at = text.index(old)
    path.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")
    return text.count("\n", 0, at) + 1


def _one(project: Path):
    with pytest.raises(InputErrors) as caught:
        load_corpus(project / "data")
    (error,) = caught.value.errors
    return error


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("femton", [(15, "exact")]),
        ("15 civilsamhällesorganisationer", [(15, "exact")]),
        ("fem barn- och ungdomsorganisationer", [(5, "exact")]),
        ("ett 40-tal civilsamhällesorganisationer", [(40, "approximate")]),
        ("ett trettiotal organisationer inbjudna", [(30, "approximate")]),
        ("totalt runt tio personer", [(10, "approximate")]),
        ("cirka 40 organisationer", [(40, "approximate")]),
        ("Drygt 50 deltagare från myndigheter", [(50, "at-least")]),
        ("fler än 20 organisationer", [(20, "at-least")]),
        ("knappt 60 deltagare", [(60, "at-most")]),
        ("några organisationer", []),
        ("en organisation", []),  # the article, not a count
    ],
)
def test_the_words_give_the_number_and_how(text: str, read: list[tuple[int, str]]) -> None:
    assert [(r.value, r.kind) for r in numbers_in(text)] == read


def test_the_importer_reads_number_words_with_the_same_function() -> None:
    assert importer_number_value is number_value
    assert number_value("tjugotre") == 23 and number_value("ett 40-tal") is None


def test_a_value_the_words_do_not_give_is_refused_with_exit_2(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = project / MEETINGS / JORDBRUK
    line = _change(path, "  value: 50\n  bound: at-least", "  value: 75\n  bound: at-least")
    error = _one(project)
    assert (error.where.file.name, error.where.line, error.where.field) == (path.name, line, "participant_count.value")
    assert "value 75" in error.problem and "give 50" in error.problem and "value: 50" in error.expected
    assert main(["-C", str(project), "validate"]) == 2
    err = capsys.readouterr().err
    assert f"{path.name}:{line}: participant_count.value:" in err and "Traceback" not in err


def test_a_bound_on_words_that_round_is_refused(project: Path) -> None:
    path = project / MEETINGS / INTEGRATION
    line = _change(path, "  approximate: true\n", "  bound: at-most\n")
    error = _one(project)
    assert (error.where.line, error.where.field) == (line, "invited_count.bound")
    assert "bound: at-most" in error.problem and "round it" in error.problem
    assert "approximate: true" in error.expected


def test_approximate_on_words_that_bound_is_refused(project: Path) -> None:
    path = project / MEETINGS / JORDBRUK
    line = _change(path, "  bound: at-least\n", "  approximate: true\n")
    error = _one(project)
    assert (error.where.line, error.where.field) == (line, "participant_count.approximate")
    assert "'Drygt 50'" in error.problem and "bound: at-least" in error.expected


def test_a_bound_the_other_way_round_is_refused(project: Path) -> None:
    path = project / MEETINGS / JORDBRUK
    line = _change(path, "  bound: at-least\n", "  bound: at-most\n")
    error = _one(project)
    assert (error.where.line, error.where.field) == (line, "participant_count.bound")
    assert "lower bound" in error.problem


def test_a_rounded_number_without_its_mark_is_refused(project: Path) -> None:
    """Without approximate, 'ett 40-tal' would read as exactly 40."""
    path = project / MEETINGS / INTEGRATION
    _change(path, "  approximate: true\n", "")
    error = _one(project)
    assert error.where.field == "invited_count.value" and "neither mark" in error.problem


def test_words_that_give_no_number_are_not_compared(project: Path) -> None:
    path = project / MEETINGS / INTEGRATION
    _change(
        path,
        "text: ett 40-tal civilsamhällesorganisationer\n  value: 40\n  approximate: true\n",
        "text: flera organisationer\n",
    )
    load_corpus(project / "data")


def test_thousands_of_leading_zeros_give_their_number_without_a_traceback() -> None:
    """5,000 zeros before 15 passed the length check and then Python's limit of 4,300 digits in int()."""
    assert number_value("0" * 5000 + "15") == 15
    assert number_value("9" * 5000) is None  # more digits than a count may have: no number
