"""Dates and counts say what their sentence says.

A meeting's stated date stands in its kept text in a sentence that dates this meeting (not a
publication line, a deadline, a sending, a negated, planned or doubtful clause, a meeting called off,
moved from that day or another meeting), in any of the forms a Swedish text writes a date with its
year. A count's number counts what its field counts by its own noun phrase and the verb of its clause.
A holding's as_of_derivation is refused where the kept text states the as_of or there is no as_of. A
``modified`` given to the month or year refuses only data dates certainly later, and ``validate``
refuses what ``build`` refuses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import change, fixture_project, refusals

from sakrad_ld.cli import main
from sakrad_ld.dated import date_refusal

HEAD = "# Sakråd om testfrågor\n\n"

#: (kept text, whether it states that the meeting of 2024-09-10 took place on that day)
DATES = [
    ("Sakrådet hölls den 10 september 2024.", True),
    ("Sakrådet hölls tisdagen den 10 september 2024 i Stockholm.", True),
    ("Sakrådet hölls.\n\nDatum: 2024-09-10", True),
    ("Sakrådet hölls den 10/9 2024.", True),
    ("Sakrådet hölls den 10/9-2024.", True),
    ("Sakrådet hölls den 10 sept. 2024.", True),
    ("Sakrådet hölls den 10 sep 2024.", True),
    ("Sakrådet hölls den tionde september 2024.", True),
    ("Sakrådet hölls den 10:e september 2024.", True),
    ("Sakrådet hölls den 10 september år 2024.", True),
    ("Sakrådet hölls den 10 september, 2024.", True),
    ("Sakrådet hölls 2024-09-10 i Rosenbad.", True),
    ("Tid: tisdag 10 september 2024, kl. 13.00–15.00. Sakrådet hölls digitalt.", True),
    ("The sakråd was held on 10 September 2024.", True),
    ("The meeting took place on September 10, 2024.", True),
    ("Den 10 september 2024 bjöd socialminister Jakob Forssmed in till sakråd om testfrågor.", True),
    ("Sakrådet, som hölls den 10 september 2024, samlade 30 organisationer.", True),
    ("Sakrådet, som inte var öppet för allmänheten, hölls den 10 september 2024.", True),
    ("Vid sakrådet, den 10 september 2024, deltog 30 organisationer.", True),
    ("Sakrådet hölls inte den 3 september 2024 utan den 10 september 2024.", True),
    ("Sakrådet sköts upp till den 10 september 2024.", True),
    ("## Sakråd 10 september 2024", True),
    ("Den 10-11 september 2024 hölls ett sakråd.", False),  # a range: one day only of a meeting with days
    ("Den 5 februari 2024 deltog ett tiotal representanter på ett sakråd den 10 september 2024.", True),
    ("Sakrådet skulle ha hållits den 10 september 2024 men sköts upp till den 17 september 2024.", False),
    ("Sakrådet hölls inte den 10 september 2024 utan den 12 september 2024.", False),
    ("Sakrådet hölls den 12 september 2024. Sista dag för anmälan var den 10 september 2024.", False),
    ("Publicerad 10 september 2024. Sakrådet hölls den 12 september.", False),
    ("Publicerad 10 september 2024\nSakrådet hölls den 12 september.", False),
    ("Förra sakrådet hölls den 10 september 2024. Detta sakråd hölls den 3 oktober 2024.", False),
    ("Sakrådet, som var planerat till den 10 september 2024, ställdes in.", False),
    ("Sakrådet hölls i Stockholm. Anmälan senast den 10 september 2024.", False),
    ("Sakrådet hölls den 3 oktober 2024. Inbjudan skickades den 10 september 2024.", False),
    ("Inbjudan till sakrådet skickades den 10 september 2024.", False),
    ("Sakrådet den 10 september 2024 ställdes in.", False),
    ("Sakrådet flyttades från den 10 september 2024 till den 17 september 2024.", False),
    ("Nästa sakråd hålls den 10 september 2024.", False),
    ("Sakrådet hölls den 10 september.", False),
    ("Regeringen beslutade den 10 september 2024 om en ny strategi.", False),
    ("Sakrådet hölls preliminärt den 10 september 2024.", False),
    ("Anmäl dig till sakrådet senast den 10 september 2024.", False),
    ("Sakrådet hölls den 12 september 2024 och anmälan senast den 10 september 2024.", False),
    ("Sakrådet hölls den 110 september 2024.", False),
    ("Sakrådet hölls den 10 september 2023.", False),
]


@pytest.mark.parametrize(("text", "states"), DATES)
def test_a_date_is_stated_only_by_a_sentence_dating_this_meeting(text: str, states: bool) -> None:
    said, why = date_refusal(HEAD + text, "2024-09-10")
    assert (said is not None) is states, why


def test_a_range_of_days_dates_the_first_day_of_a_meeting_with_days() -> None:
    text = HEAD + "Den 10-11 september 2024 hölls ett sakråd."
    assert date_refusal(text, "2024-09-10", several=True)[0] is not None
    assert "range of days" in (date_refusal(text, "2024-09-10")[1] or "")


@pytest.mark.parametrize(
    ("text", "because"),
    [
        ("Publicerad 10 september 2024.", "publication or update date ('publicerad')"),
        ("Anmälan senast den 10 september 2024.", "a deadline ('anmälan')"),
        ("Inbjudan skickades den 10 september 2024.", "the day something was sent ('skickades')"),
        ("Sakrådet hölls inte den 10 september 2024 utan den 12 september 2024.", "a negation ('inte')"),
        ("Sakrådet skulle hållas den 10 september 2024.", "a plan that is not said to have held ('skulle')"),
        ("Sakrådet den 10 september 2024 ställdes in.", "called off ('ställdes in')"),
        ("Sakrådet flyttades från den 10 september 2024.", "moved ('flyttades')"),
        ("Förra sakrådet hölls den 10 september 2024.", "is about another meeting"),
        ("Regeringen beslutade den 10 september 2024.", "does not say this sakråd takes or took place then"),
    ],
)
def test_the_refusal_says_what_the_sentence_says_instead(text: str, because: str) -> None:
    said, why = date_refusal(HEAD + text, "2024-09-10")
    assert said is None and why is not None and because in why


def test_a_month_only_date_is_held_to_the_same_sentence() -> None:
    assert date_refusal("Sakrådet hölls i september 2024.", "2024-09")[0]
    assert date_refusal("Sakrådet hölls i sept. 2024.", "2024-09")[0]
    assert not date_refusal("Publicerad september 2024.", "2024-09")[0]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return fixture_project(tmp_path / "project")


def _kept(project: Path) -> Path:
    return project / "data" / "sources" / "sakrad-2017-12-12-integration.txt"


def _date_refusal(project: Path) -> object:
    found = [e for e in refusals(project) if e.where.field == "date"]
    assert len(found) == 1, [str(e) for e in found]
    return found[0]


def test_the_publication_line_alone_does_not_state_the_date(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The fixture's documentation dates the sakråd in its title and its first sentence; with both
    reworded and only a publication line left, the date is refused at its line, exit 2."""
    change(_kept(project), "Dokumentation av sakråd den 12 december 2017,", "Dokumentation av sakråd,")
    change(_kept(project), "i Stockholm den 12 december 2017.", "i Stockholm. Publicerad 12 december 2017.")
    error = _date_refusal(project)
    assert error.where.file.name == "2017-12-12-integration.yaml"
    assert "only where it does not date this meeting" in error.problem
    assert "publication or update date ('publicerad')" in error.problem
    assert "Sakrådet hölls den 12 december 2017" in error.expected
    assert main(["-C", str(project), "validate"]) == 2
    err = capsys.readouterr().err
    assert "2017-12-12-integration.yaml" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "written", ["2017-12-12", "12/12 2017", "12 dec. 2017", "tolfte december 2017", "12:e december 2017"]
)
def test_a_date_written_otherwise_loads(project: Path, written: str) -> None:
    from sakrad_ld.corpus import load_corpus

    change(_kept(project), "Dokumentation av sakråd den 12 december 2017,", "Dokumentation av sakråd,")
    change(_kept(project), "i Stockholm den 12 december 2017.", f"i Stockholm den {written}.")
    meeting = project / "data" / "meetings" / "2017-12-12-integration.yaml"
    change(meeting, "i Stockholm den 12 december 2017.", f"i Stockholm den {written}.")
    load_corpus(project / "data")  # the holdings' as_of 2017-12-12 is stated in that form too


def test_a_day_without_its_year_asks_for_a_derivation(project: Path) -> None:
    change(_kept(project), "Dokumentation av sakråd den 12 december 2017,", "Dokumentation av sakråd,")
    change(_kept(project), "i Stockholm den 12 december 2017.", "i Stockholm den 12 december.")
    error = _date_refusal(project)
    assert "gives the day without a year ('12 december'" in error.problem
    assert "date_derivation" in error.expected


_PEOPLE = "people.yaml"
_KESSLING = "        as_of: 2017-12-12\n    sources: [dokumentation-2017-12-12-integration]"
_DERIVATION = "\n        as_of_derivation:\n          sv: Källans publiceringsdatum.\n          en: The source's publication date."


def test_a_derivation_of_a_day_the_kept_text_states_is_refused(project: Path) -> None:
    path = project / "data" / _PEOPLE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("        as_of: 2017-12-12\n", "        as_of: 2017-12-12" + _DERIVATION + "\n", 1))
    found = [e for e in refusals(project) if e.where.field.endswith("as_of_derivation")]
    assert len(found) == 1, [str(e) for e in refusals(project)]
    error = found[0]
    assert error.where.file.name == _PEOPLE and error.where.line == 10
    assert "is stated by the kept text of its source 'dokumentation-2017-12-12-integration'" in error.problem
    assert "no as_of_derivation where the source's text states the day" in error.expected


def test_a_derivation_without_an_as_of_is_refused(project: Path) -> None:
    path = project / "data" / _PEOPLE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("        as_of: 2017-12-12\n", _DERIVATION.lstrip("\n") + "\n", 1))
    found = [e for e in refusals(project) if e.where.field.endswith("as_of_derivation")]
    assert len(found) == 1, [str(e) for e in refusals(project)]
    assert found[0].where.line == 9 and "gives no as_of" in found[0].problem
    assert found[0].expected == "an as_of with its as_of_derivation, or neither"


def _published_at(project: Path, modified: str, published: str) -> list[str]:
    """The refusals of ``project`` with ``modified`` and one more source published on ``published``."""
    dataset = project / "data" / "dataset.yaml"
    dataset.write_text(
        re.sub(r"(?m)^modified: .*$", f"modified: {modified}", dataset.read_text(encoding="utf-8")), encoding="utf-8"
    )
    sources = project / "data" / "sources.yaml"
    sources.write_text(
        sources.read_text(encoding="utf-8")
        + f"\n  - id: late-page\n    kind: web-page\n    title:\n      sv: Sida\n    published: {published}\n",
        encoding="utf-8",
    )
    from sakrad_ld.corpus import load_corpus
    from sakrad_ld.errors import InputErrors

    try:
        load_corpus(project / "data")
    except InputErrors as refused:
        return [str(e) for e in refused.errors]
    return []


@pytest.mark.parametrize(
    ("modified", "published", "refused"),
    [
        ("2026-12", "2026-12-20", False),
        ("2026-12", "2026-12-31", False),
        ("2026-12", "2027-01-01", True),
        ('"2026"', "2026-12-31", False),
        ('"2026"', "2027-01-02", True),
        ("2026-12-20", "2026-12-20", False),
        ("2026-12-20", "2026-12-21", True),
        ("2026-12-20", "2026-12", False),
    ],
)
def test_a_modified_month_or_year_refuses_only_dates_certainly_later(
    project: Path, modified: str, published: str, refused: bool
) -> None:
    found = [e for e in _published_at(project, modified, published) if "later than the dataset's modified" in e]
    assert bool(found) is refused, found
    if refused:
        assert f"the publication date of source 'late-page' is {published}" in found[0]
        assert "dataset.yaml:" in found[0] and "sources.yaml:" in found[0]


def test_validate_refuses_what_build_refuses(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _published_at(project, "2026-12-01", "2026-12-02")
    assert main(["-C", str(project), "validate"]) == 2
    err = capsys.readouterr().err
    assert "later than the dataset's modified date 2026-12-01" in err and "Traceback" not in err


OC, IC, PC = "organisation_count", "invited_count", "participant_count"
#: (whether the sentence states the count, the kept text's sentence, the count's words, field, value[, mark])
COUNTS = [
    (True, "30 organisationer deltog.", "30 organisationer", OC, 30),
    (True, "Mötet samlade femton organisationer, och leddes av Anna.", "femton", OC, 15),
    (True, "Sakrådet hade ett sextiotal deltagare.", "ett sextiotal deltagare", PC, 60, "approximate"),
    (
        True,
        "Representanter för ett tjugotal organisationer samt ett tjugotal representanter för departement samlades till sakråd.",
        "ett tjugotal organisationer",
        OC,
        20,
        "approximate",
    ),
    (True, "Ett 40-tal organisationer bjöds in och 25 organisationer deltog.", "25 organisationer", OC, 25),
    (
        True,
        "Ett 40-tal organisationer bjöds in och 25 organisationer deltog.",
        "ett 40-tal organisationer",
        IC,
        40,
        "approximate",
    ),
    (True, "25 organisationer deltog, av 40 inbjudna.", "40 inbjudna", IC, 40),
    (True, "Av de 40 inbjudna organisationerna deltog 25.", "40 inbjudna organisationerna", IC, 40),
    (True, "Av de 40 inbjudna organisationerna deltog 25.", "40", IC, 40),
    (True, "Av 40 inbjudna organisationer deltog 25 organisationer.", "25 organisationer", OC, 25),
    (True, "40 inbjudna organisationer deltog.", "40 inbjudna organisationer", OC, 40),
    (True, "De 40 inbjudna organisationerna deltog alla.", "40 inbjudna organisationerna", OC, 40),
    (False, "Av 40 inbjudna organisationer deltog bara 25.", "40 inbjudna organisationer", OC, 40),
    (True, "40 inbjudna organisationer deltog.", "40 inbjudna organisationer", OC, 40),
    (True, "De 40 inbjudna organisationerna deltog alla.", "40 inbjudna organisationerna", OC, 40),
    (False, "Av 40 inbjudna organisationer deltog bara 25.", "40 inbjudna organisationer", OC, 40),
    (True, "25 organisationer var inbjudna och samtliga deltog.", "25 organisationer", OC, 25),
    (True, "Sakrådet samlade 25 organisationer som inte tidigare deltagit.", "25 organisationer", OC, 25),
    (True, "Inte fler än 20 organisationer deltog.", "20 organisationer", OC, 20, "at-most"),
    (
        True,
        "En av de totalt runt tio personer från det civila samhället som deltog i samtalet är Anna.",
        "totalt runt tio personer från det civila samhället",
        PC,
        10,
        "approximate",
    ),
    (False, "Lokalen rymmer 30 organisationer.", "30 organisationer", OC, 30),
    (False, "Regeringen ger stöd till 30 organisationer.", "30 organisationer", OC, 30),
    (False, "Sakrådet var öppet för högst 30 organisationer.", "högst 30 organisationer", OC, 30, "at-most"),
    (False, "Högst 30 organisationer får delta.", "högst 30 organisationer", OC, 30, "at-most"),
    (False, "Sakrådet var tänkt för 30 organisationer.", "30 organisationer", OC, 30),
    (False, "Sakrådet riktade sig till 30 organisationer.", "30 organisationer", OC, 30),
    (False, "I nätverket finns 30 organisationer.", "30 organisationer", OC, 30),
    (False, "Sakrådet har plats för 30 organisationer.", "30 organisationer", OC, 30),
    (False, "30 organisationer var välkomna att delta.", "30 organisationer", OC, 30),
    (
        False,
        "Femtio organisationer hade anmält intresse, men lokalen rymde bara 30 organisationer.",
        "30 organisationer",
        OC,
        30,
    ),
    (False, "Sakrådet hade 40 anmälda organisationer.", "40 anmälda organisationer", OC, 40),
    (False, "25 organisationer deltog, av 40 inbjudna.", "40 inbjudna", OC, 40),
    (False, "Av 40 inbjudna organisationer deltog 25.", "40 inbjudna organisationer", OC, 40),
    (False, "Ett 40-tal organisationer deltog.", "ett 40-tal organisationer", IC, 40, "approximate"),
    (False, "25 organisationer var inbjudna.", "25 organisationer", OC, 25),
    (False, "30 organisationer kommer att delta.", "30 organisationer", OC, 30),
    (False, "30 organisationer deltog inte.", "30 organisationer", OC, 30),
    (False, "Inte fler än 20 organisationer deltog.", "20 organisationer", OC, 20, "exact"),
    (False, "30 organisationer anmälde sig.", "30 organisationer", OC, 30),
]


def _count(text: str, words: str, field: str, value: int, mark: str = "exact") -> str | None:
    from sakrad_ld.stated import _count_said, _flat, folded_text

    folded = folded_text(HEAD + "Sakrådet hölls den 10 september 2024. " + text)
    return _count_said(words, field, str(value), mark, folded, _flat(folded))


@pytest.mark.parametrize("case", COUNTS, ids=lambda c: f"{c[3][:3]}-{c[1][:40]}")
def test_a_count_counts_what_its_noun_phrase_and_verb_say(case: tuple) -> None:
    states, text, words, field, value = case[:5]
    said = _count(text, words, field, value, *case[5:])
    assert (said == "") is states, said


@pytest.mark.parametrize(
    ("text", "words", "field", "because"),
    [
        (
            "Lokalen rymmer 30 organisationer.",
            "30 organisationer",
            OC,
            "a capacity, an aim, a permission or a support ('rymmer')",
        ),
        ("I nätverket finns 30 organisationer.", "30 organisationer", OC, "has no word of taking part for the number"),
        (
            "Av 40 inbjudna organisationer deltog 25.",
            "40 inbjudna organisationer",
            OC,
            "counts those invited or registered ('inbjudna', in the number's own noun phrase)",
        ),
        (
            "Ett 40-tal organisationer deltog.",
            "ett 40-tal organisationer",
            IC,
            "counts those who took part ('deltog'), not those invited",
        ),
    ],
)
def test_the_count_refusal_says_what_the_number_counts_instead(text: str, words: str, field: str, because: str) -> None:
    said = _count(text, words, field, 40 if "40" in words else 30, "approximate" if "-tal" in words else "exact")
    assert said and because in said, said


def _meeting(project: Path) -> Path:
    return project / "data" / "meetings" / "2017-12-12-integration.yaml"


def _counted(project: Path, sentence: str, count: str) -> None:
    """The fixture's documentation with ``sentence`` added and its organisation_count ``count``."""
    kept = _kept(project)
    kept.write_text(kept.read_text(encoding="utf-8") + f"\n{sentence}\n", encoding="utf-8")
    change(_meeting(project), "organisation_count:\n  text: femton\n  value: 15\n", f"organisation_count:\n{count}")


def test_an_at_most_bound_from_the_words_before_the_count_loads(project: Path) -> None:
    """'Inte fler än 15 organisationer deltog' quoted as '15 organisationer' with bound at-most loads: the
    count check leaves the mark to the kept text's words before the quotation."""
    from sakrad_ld.corpus import load_corpus

    _counted(
        project,
        "Inte fler än 15 organisationer deltog i sakrådet.",
        "  text: 15 organisationer\n  value: 15\n  bound: at-most\n",
    )
    load_corpus(project / "data")


def test_an_exact_mark_on_bounded_words_is_refused_quoting_them(project: Path) -> None:
    _counted(project, "Inte fler än 15 organisationer deltog i sakrådet.", "  text: 15 organisationer\n  value: 15\n")
    found = [e for e in refusals(project) if "organisation_count" in e.where.field]
    assert len(found) == 1 and "gives the number as 'inte fler än 15': at-most" in found[0].problem, found


def test_a_capacity_is_refused_at_load_with_exit_2(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _counted(project, "Lokalen rymmer 30 organisationer.", "  text: 30 organisationer\n  value: 30\n")
    found = [e for e in refusals(project) if "organisation_count" in e.where.field]
    assert len(found) == 1 and "a capacity, an aim, a permission or a support ('rymmer')" in found[0].problem
    assert found[0].where.file.name == "2017-12-12-integration.yaml"
    assert main(["-C", str(project), "validate"]) == 2
    assert "Traceback" not in capsys.readouterr().err
