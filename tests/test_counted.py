"""A count's value, bound and approximation are the ones its words give (counted.py): "Drygt 50" is at
least 50, not 75 and not about 50; "ett 40-tal" is about 40, not at most 40. Each contradiction is
refused at load with file, line and field (exit code 2)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import change, fixture_project

from sakrad_ld.cli import main
from sakrad_ld.corpus import load_corpus
from sakrad_ld.counted import NUMBER_WORDS, number_value, numbers_in
from sakrad_ld.errors import InputErrors
from sakrad_ld.importer.documentation import number_value as importer_number_value

MEETINGS = Path("data") / "meetings"
JORDBRUK = "2025-05-16-jordbrukspolitik.yaml"  # participant_count: "Drygt 50 deltagare …", value 50, at-least
INTEGRATION = "2023-11-07-integration-civilsamhallet.yaml"  # invited_count: "ett 40-tal …", approximate


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return fixture_project(tmp_path / "project")


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


def test_the_table_of_number_words_answers_as_number_value() -> None:
    """NUMBER_WORDS (what the translation check looks words up in) holds a word exactly when
    number_value reads it, with the same number: every table word, every joining of two of them, in
    any case, the tens' forms the function leaves out ('tjugoen') and words that are no number."""
    parts = ["en", "ett", "två", "tre", "sju", "åtta", "nio", "tio", "elva", "tolv", "nitton", "tjugo", "trettio",
             "fyrtio", "åttio", "nittio", "hundra", "noll", "tal", "femtio", "fem", "sex", "sexton"]  # fmt: skip
    words = [*parts, *(a + b for a in parts for b in parts), "Tjugotre", "NITTIONIO", "femtiofemtio", "tjugoen"]
    for word in words:
        assert NUMBER_WORDS.get(word.casefold()) == number_value(word), word
    assert NUMBER_WORDS["tjugotre"] == 23 and NUMBER_WORDS["nittionio"] == 99 and "tjugoen" not in NUMBER_WORDS
    # en, ett, 2-9, 10-19, the eight tens and their 72 joinings with 'ett' and 2-9; the English one to nineteen
    # and the eight tens (their joinings have a hyphen)
    assert len(NUMBER_WORDS) == 100 + 27
    assert NUMBER_WORDS["twelve"] == 12 and number_value("Twenty-three") == 23 and number_value("twentythree") is None
    assert not {w for w in NUMBER_WORDS if not w.isalpha() or w != w.casefold()}


def test_a_value_the_words_do_not_give_is_refused_with_exit_2(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = project / MEETINGS / JORDBRUK
    line = change(path, "  value: 50\n  bound: at-least", "  value: 75\n  bound: at-least")
    error = _one(project)
    assert (error.where.file.name, error.where.line, error.where.field) == (path.name, line, "participant_count.value")
    assert "value 75" in error.problem and "give 50" in error.problem and "value: 50" in error.expected
    assert main(["-C", str(project), "validate"]) == 2
    err = capsys.readouterr().err
    assert f"{path.name}:{line}: participant_count.value:" in err and "Traceback" not in err


def test_a_bound_on_words_that_round_is_refused(project: Path) -> None:
    path = project / MEETINGS / INTEGRATION
    line = change(path, "  approximate: true\n", "  bound: at-most\n")
    error = _one(project)
    assert (error.where.line, error.where.field) == (line, "invited_count.bound")
    assert "bound: at-most" in error.problem and "round it" in error.problem
    assert "approximate: true" in error.expected


def test_approximate_on_words_that_bound_is_refused(project: Path) -> None:
    path = project / MEETINGS / JORDBRUK
    line = change(path, "  bound: at-least\n", "  approximate: true\n")
    error = _one(project)
    assert (error.where.line, error.where.field) == (line, "participant_count.approximate")
    assert "'Drygt 50'" in error.problem and "bound: at-least" in error.expected


def test_a_bound_the_other_way_round_is_refused(project: Path) -> None:
    path = project / MEETINGS / JORDBRUK
    line = change(path, "  bound: at-least\n", "  bound: at-most\n")
    error = _one(project)
    assert (error.where.line, error.where.field) == (line, "participant_count.bound")
    assert "lower bound" in error.problem


def test_a_rounded_number_without_its_mark_is_refused(project: Path) -> None:
    """Without approximate, 'ett 40-tal' would read as exactly 40."""
    path = project / MEETINGS / INTEGRATION
    change(path, "  approximate: true\n", "")
    error = _one(project)
    assert error.where.field == "invited_count.value" and "neither mark" in error.problem


def test_words_that_give_no_number_are_not_compared(project: Path) -> None:
    path = project / MEETINGS / INTEGRATION
    change(
        path,
        "text: ett 40-tal civilsamhällesorganisationer\n  value: 40\n  approximate: true\n",
        "text: flera organisationer\n",
    )
    load_corpus(project / "data")


def test_thousands_of_leading_zeros_give_their_number_without_a_traceback() -> None:
    """5,000 zeros before 15 passed the length check and then Python's limit of 4,300 digits in int()."""
    assert number_value("0" * 5000 + "15") == 15
    assert number_value("9" * 5000) is None  # more digits than a count may have: no number


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("uppemot 30 organisationer", [(30, "at-most")]),  # up to 30, not about 30
        ("upp till 30 organisationer", [(30, "at-most")]),
        ("Upp emot 30 organisationer", [(30, "at-most")]),
        ("högst tio organisationer", [(10, "at-most")]),
        ("som mest 25 deltagare", [(25, "at-most")]),
        ("närmare 30 personer", [(30, "at-most")]),  # nearly 30: just under it
        ("inemot 30 personer", [(30, "at-most")]),
        ("under 30 organisationer", [(30, "at-most")]),
        ("färre än 30 organisationer", [(30, "at-most")]),
        ("mindre än 30 organisationer", [(30, "at-most")]),
        ("åtminstone 12 organisationer", [(12, "at-least")]),
        ("mer än 12 organisationer", [(12, "at-least")]),
        ("omkring 30 organisationer", [(30, "approximate")]),
        ("kring 30 organisationer", [(30, "approximate")]),
        ("Ca. 30 organisationer", [(30, "approximate")]),
        ("ungefär trettio personer", [(30, "approximate")]),
        ("ett hundratal personer", [(100, "approximate")]),
    ],
)
def test_swedish_words_that_bound_or_round(text: str, read: list[tuple[int, str]]) -> None:
    assert [(r.value, r.kind) for r in numbers_in(text)] == read


def test_the_docs_list_the_words_the_code_reads() -> None:
    """docs/adding-a-meeting.md names every word that rounds or bounds a count, in both languages, and no
    other."""
    from sakrad_ld.counted import EN_LOWER, EN_ROUNDING, EN_UPPER, LOWER, ROUNDING, ROUNDING_SUFFIX, UPPER

    docs = (Path(__file__).parent.parent / "docs" / "adding-a-meeting.md").read_text(encoding="utf-8")
    listed = {}
    for kind in ("round", "lower bound", "upper bound"):
        for lang in ("", " in English"):
            line = next(line for line in docs.splitlines() if line.strip().startswith(f"- {kind}{lang} (`"))
            listed[kind + lang] = line.split("):", 1)[1]
    assert re.findall(r'"([^"]+)"', listed["round"].split(", and a number")[0]) == list(ROUNDING)
    assert f'ending in "{ROUNDING_SUFFIX}"' in listed["round"]
    assert re.findall(r'"([^"]+)"', listed["lower bound"]) == list(LOWER)
    assert re.findall(r'"([^"]+)"', listed["upper bound"]) == list(UPPER)
    assert re.findall(r'"([^"]+)"', listed["round in English"]) == list(EN_ROUNDING)
    assert re.findall(r'"([^"]+)"', listed["lower bound in English"]) == list(EN_LOWER)
    assert re.findall(r'"([^"]+)"', listed["upper bound in English"]) == list(EN_UPPER)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("About 40 organisations", [(40, "approximate")]),
        ("around 40 organisations", [(40, "approximate")]),
        ("approx. 40 participants", [(40, "approximate")]),
        ("some 40 organisations", [(40, "approximate")]),
        ("More than 40 organisations", [(40, "at-least")]),
        ("at least 12 organisations", [(12, "at-least")]),
        ("in excess of 40 people", [(40, "at-least")]),
        ("no fewer than 20 organisations", [(20, "at-least")]),
        ("not fewer than 20 organisations", [(20, "at-least")]),
        ("not more than 20 organisations", [(20, "at-most")]),
        ("nearly 30 participants", [(30, "at-most")]),
        ("up to 30 organisations", [(30, "at-most")]),
        ("max 30 deltagare", [(30, "at-most")]),
        ("max. 30 deltagare", [(30, "at-most")]),
        ("40 organisations", [(40, "exact")]),
    ],
)
def test_english_words_that_bound_or_round(text: str, read: list[tuple[int, str]]) -> None:
    """The English words (counted.EN_ROUNDING, EN_LOWER, EN_UPPER) mark a count as the Swedish ones do:
    "About 40 organisations attended" is about 40, never exactly 40."""
    assert [(r.value, r.kind) for r in numbers_in(text)] == read


def test_the_translation_check_reads_the_count_checks_english_words() -> None:
    from sakrad_ld import counted, translated

    assert translated.EN_ROUNDING is counted.EN_ROUNDING
    assert translated.EN_LOWER is counted.EN_LOWER and translated.EN_UPPER is counted.EN_UPPER


@pytest.mark.parametrize("words", ["30 civilsamhällesorganisationer", "trettio organisationer"])
@pytest.mark.parametrize("mark", ["  approximate: true\n", "  bound: at-least\n", "  bound: at-most\n"])
def test_a_mark_on_words_that_state_the_number_exactly_is_refused(project: Path, words: str, mark: str) -> None:
    """'about 30' in the release where the page says 30: approximate (or a bound) needs words that give it."""
    path = project / MEETINGS / INTEGRATION
    line = change(
        path,
        "text: ett 40-tal civilsamhällesorganisationer\n  value: 40\n  approximate: true\n",
        f"text: {words}\n  value: 30\n{mark}",
    )
    error = _one(project)
    field = mark.strip().split(":")[0]
    assert (error.where.line, error.where.field) == (line + 2, f"invited_count.{field}")
    assert "state the number exactly" in error.problem and f"no {field}" in error.expected


def test_uppemot_is_an_upper_bound_at_load(project: Path) -> None:
    path = project / MEETINGS / INTEGRATION
    change(
        path,
        "text: ett 40-tal civilsamhällesorganisationer\n  value: 40\n  approximate: true\n",
        "text: uppemot 40 civilsamhällesorganisationer\n  value: 40\n  bound: at-most\n",
    )
    load_corpus(project / "data")
    change(path, "  bound: at-most\n", "  approximate: true\n")
    error = _one(project)
    assert error.where.field == "invited_count.approximate" and "'uppemot 40'" in error.problem


def test_a_long_count_text_is_quoted_cut_in_the_error(project: Path) -> None:
    """A 99,000-character text with a wrong value was echoed whole, with every number it gives."""
    path = project / MEETINGS / INTEGRATION
    words = " ".join(["femton", "sexton", "tjugotre", "elva", "tolv", "nitton", "fyrtiotvå"] * 2000)
    change(
        path,
        "text: ett 40-tal civilsamhällesorganisationer\n  value: 40\n  approximate: true\n",
        f"text: {words}\n  value: 77\n",
    )
    error = _one(project)
    message = f"{error.problem} {error.expected}"
    assert len(message) < 400, message
    assert f"({len(words):,} characters)" in error.problem and "(7 numbers)" in error.problem
