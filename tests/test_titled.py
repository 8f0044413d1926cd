"""A meeting's title is the recorded title of the source it is credited to, or marked as the data's own
(titled.py): a title that differs needs ``title_derivation``, one equal to it must not have one. Each is
refused at load with file, line and field (exit code 2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import change, fixture_project

from sakrad_ld.cli import main
from sakrad_ld.corpus import load_corpus
from sakrad_ld.errors import InputErrors
from sakrad_ld.titled import without_first_words

MEETINGS = Path("data") / "meetings"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return fixture_project(tmp_path / "project")


def _title_errors(project: Path) -> list:
    with pytest.raises(InputErrors) as caught:
        load_corpus(project / "data")
    return [e for e in caught.value.errors if e.where.field in ("title", "title_derivation")]


def test_a_made_up_title_without_a_derivation_is_refused_with_exit_2(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """2025-05-16's article is titled 'Sakråd om den framtida jordbrukspolitiken' in sources.yaml."""
    path = project / MEETINGS / "2025-05-16-jordbrukspolitik.yaml"
    made_up = "Sakråd om GJP efter 2027 med ett femtiotal branschorganisationer"
    line = change(path, "sv: Sakråd om den framtida jordbrukspolitiken", f"sv: {made_up}") - 1
    (error,) = _title_errors(project)
    assert (error.where.file.name, error.where.line, error.where.field) == (path.name, line, "title")
    assert made_up in error.problem and "Sakråd om den framtida jordbrukspolitiken" in error.problem
    assert "title_derivation is missing" in error.problem and "title_derivation" in error.expected
    assert main(["-C", str(project), "validate"]) == 2
    err = capsys.readouterr().err
    assert f"{path.name}:{line}: title:" in err and "Traceback" not in err


def test_a_derivation_on_the_source_s_own_title_is_refused(project: Path) -> None:
    path = project / MEETINGS / "2025-05-16-jordbrukspolitik.yaml"
    old = "  sv: Sakråd om den framtida jordbrukspolitiken\n"
    line = change(path, old, old + "title_derivation:\n  sv: Rubriken är datans egen.\n") + 1
    (error,) = _title_errors(project)
    assert (error.where.line, error.where.field) == (line, "title_derivation")
    assert "not the data's own" in error.problem and "no title_derivation" in error.expected


def test_removing_a_needed_derivation_is_refused(project: Path) -> None:
    """2024-04's title is made from the article's words; its headline is 'Dags att kraftsamla …'."""
    path = project / MEETINGS / "2024-04-eu-industripolitik.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("title_derivation:\n")
    end = text.index("\ntopic:", start) + 1
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    (error,) = _title_errors(project)
    assert error.where.field == "title" and "Dags att kraftsamla" in error.problem


def test_letter_case_counts_and_white_space_does_not(project: Path) -> None:
    path = project / MEETINGS / "2025-05-16-jordbrukspolitik.yaml"
    change(path, "sv: Sakråd om den framtida jordbrukspolitiken", "sv: Sakråd om den Framtida jordbrukspolitiken")
    (error,) = _title_errors(project)
    assert error.where.field == "title" and "Framtida" in error.problem
    change(
        path,
        "sv: Sakråd om den Framtida jordbrukspolitiken",
        "sv: >-\n    Sakråd om den  framtida\n    jordbrukspolitiken",
    )
    load_corpus(project / "data")  # the same words, folded over two lines and with a double space


def test_the_title_is_compared_with_the_source_fact_sources_credit_it_to(project: Path) -> None:
    """2022-12-09's title is credited to the sakråd page (fact_sources), not to its main source."""
    corpus = load_corpus(project / "data")
    (m,) = [m for m in corpus.meetings if m.id == "2022-12-09-cerd-ungdomsorganisationer"]
    credited = m.source_of("title")
    assert credited != m.source
    sources = project / "data" / "sources.yaml"
    (s,) = [s for s in corpus.sources if s.id == credited]
    change(sources, f"sv: {s.title.sv}", f"sv: {s.title.sv} (ändrad)")
    (error,) = _title_errors(project)
    assert error.where.file.name == "2022-12-09-cerd-ungdomsorganisationer.yaml" and credited in error.problem


def test_the_documentation_derivation_quotes_the_headline() -> None:
    derivation = without_first_words(
        "Dokumentation av sakråd den 1 maj 2020, om x", "Dokumentation av", "documentation of"
    )
    assert (
        derivation.sv
        == 'Rubriken är dokumentationens, "Dokumentation av sakråd den 1 maj 2020, om x", utan orden "Dokumentation av".'
    )
    assert (derivation.en or "").startswith("The title is the documentation's heading, \"Dokumentation av sakråd")


def test_a_long_title_is_quoted_cut_in_the_refusal(project: Path) -> None:
    """A title of thousands of characters is named by its start and length, not echoed whole."""
    path = project / MEETINGS / "2025-05-16-jordbrukspolitik.yaml"
    long_title = "Sakråd " + "om jordbruk " * 500
    change(path, "sv: Sakråd om den framtida jordbrukspolitiken", f"sv: {long_title}")
    (error,) = _title_errors(project)
    assert f"({len(long_title.strip()):,} characters)" in error.problem
    assert len(error.problem) < 600 and long_title.strip() not in error.problem
