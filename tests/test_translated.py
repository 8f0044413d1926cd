"""A number or a held claim in one language of a text and not the other is a warning naming the
field (translated.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import change, fixture_project

from sakrad_ld.corpus import load_corpus
from sakrad_ld.dated import load_warnings
from sakrad_ld.translated import numbers

SEED = Path("data") / "meetings" / "2017-12-12-integration.yaml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return fixture_project(tmp_path / "project")


def test_numbers_are_values_in_digits_or_words_of_either_language() -> None:
    assert numbers("femton organisationer, 1 000 deltagare") == {15, 1000}
    assert numbers("fifteen organisations, 1,000 participants") == {15, 1000}
    assert numbers("ett sextiotal deltagare") == {60}
    assert numbers("se www.regeringen.se/artiklar/2022/12/x") == set()
    assert numbers("en organisation") == set()  # the article, not a number


def test_the_fixture_has_no_such_warning(project: Path) -> None:
    corpus = load_corpus(project / "data")
    assert [str(w) for w in load_warnings(corpus) if "text names" in str(w) or "took part, chaired" in str(w)] == []


@pytest.mark.parametrize(
    ("added", "words"),
    [
        (
            "; 42 organisations took part and the meeting was chaired by Michael Broberg",
            ["en text names 42", "took part"],
        ),
        ("; the meeting was chaired by the minister", ["en text says", "chaired"]),
        ("; forty organisations came", ["en text names 40"]),
    ],
)
def test_an_english_text_that_adds_a_number_or_a_held_claim_is_warned_about(
    project: Path, added: str, words: list[str]
) -> None:
    path = project / SEED
    text = path.read_text(encoding="utf-8")
    end = "so no organiser is given."
    path.write_text(text.replace(end, end[:-1] + added + "."), encoding="utf-8")
    line = text[: text.index(end)].count("\n") + 1
    warnings = [str(w) for w in load_warnings(load_corpus(project / "data"))]
    for word in words:
        hits = [w for w in warnings if word in w and "notes[0].text.en" in w]
        assert len(hits) == 1, warnings
        assert "2017-12-12-integration.yaml:" in hits[0]
        assert int(hits[0].split("2017-12-12-integration.yaml:")[1].split(":")[0]) <= line


def test_a_swedish_text_with_a_number_its_english_lacks_is_warned_about(project: Path) -> None:
    path = project / SEED
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("så ingen arrangör anges.", "så ingen arrangör anges; 42 deltog."), encoding="utf-8")
    warnings = [str(w) for w in load_warnings(load_corpus(project / "data"))]
    assert any("sv text names 42" in w for w in warnings), warnings
    assert any("sv text says" in w and "deltog" in w for w in warnings), warnings


def test_a_pair_written_in_two_records_is_warned_about_at_each_place(project: Path) -> None:
    """The translation check reads a pair of texts once however many records hold it, and warns at each."""
    note = "notes:\n  - text:\n      sv: En not om mötet.\n      en: A note about the 42 people at the meeting.\n"
    lines = {}
    for name in ("2017-12-12-integration.yaml", "2017-02-eu-tjanstepaket.yaml"):
        lines[name] = change(project / "data" / "meetings" / name, "notes:\n", note) + 3
    warnings = [w for w in load_warnings(load_corpus(project / "data")) if "en text names 42" in w.problem]
    assert sorted((w.where.file.name, w.where.line) for w in warnings) == sorted(lines.items()), warnings
