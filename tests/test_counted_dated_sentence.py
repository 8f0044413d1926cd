"""Counts and dates are taken only from a sentence that states them.

- In "A av B" ("12 av 25 inbjudna deltog", "Av de 25 inbjudna kom 12", "12 of the 25 invited
  attended") A counts those the verb says took part and B the whole (those invited or asked); a part
  that is no number ("hälften av de 30", "alla utom 3 av 20") gives no count of those who took part.
  Every one of a whole ("samtliga av de 25", "en av de tio personer som deltog") makes the whole theirs.
- A meeting moved ("flyttades", "sköts fram", "ändrat", "tidigarelades", "moved", "postponed") from X
  to Y was held on Y, not on X; a day given as the one first set ("tidigare den …", "originally
  scheduled for …") is not the day it was held.
- A year or a month beside the word of holding ("Sakrådet hölls i mars", "hölls 2019") must be the
  date's.
- Negation, doubt, condition, choice and the like are clauses.GUARD_TABLE's words for counts and dates
  as for taking part.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import change, fixture_project, refusals

from sakrad_ld import clauses
from sakrad_ld.cli import main
from sakrad_ld.counted import parts_in
from sakrad_ld.dated import DATE_GUARDS, date_refusal, time_disagreement
from sakrad_ld.stated import _count_said, _flat, folded_text

HEAD = "# Sakråd om testfrågor\n\nSakrådet hölls den 10 september 2024. "
OC, IC, PC = "organisation_count", "invited_count", "participant_count"


def _count(text: str, words: str, field: str, value: int, mark: str = "exact") -> str | None:
    folded = folded_text(HEAD + text)
    return _count_said(words, field, str(value), mark, folded, _flat(folded))


#: (sentence, the count's words, field, value, what the refusal says)
REFUSED_COUNTS = [
    ("Endast 12 av 25 inbjudna deltog.", "25 inbjudna", PC, 25, "counts those invited"),
    ("Endast 12 av 25 inbjudna deltog.", "25", PC, 25, "counts those invited"),
    ("12 av 25 organisationer deltog.", "25 organisationer", OC, 25, "the whole of which 12 took part"),
    ("Bara tolv av 25 organisationer kom.", "25 organisationer", OC, 25, "the whole of which tolv took part"),
    ("Bara 12 av de 25 organisationerna deltog.", "25 organisationerna", OC, 25, "the whole of which 12"),
    ("12 av totalt 25 organisationer deltog.", "25 organisationer", OC, 25, "the whole of which 12"),
    ("12 of the 25 organisations attended.", "25 organisations", OC, 25, "the whole of which 12"),
    ("Av de 25 inbjudna kom 12.", "25 inbjudna", PC, 25, "counts those invited"),
    ("Av de 25 organisationerna kom 12.", "25 organisationerna", OC, 25, "the whole of which 12 took part"),
    ("Av de 25 organisationer som bjöds in deltog 12.", "25 organisationer", OC, 25, "the whole of which 12"),
    ("12 organisationer av 25 deltog.", "25", OC, 25, "the whole of which 12 took part"),
    ("12 out of 25 organisations attended.", "25 organisations", OC, 25, "the whole of which 12"),
    ("Sammanlagt deltog 12 av de 25 organisationer som bjudits in.", "25 organisationer", OC, 25, "of which 12"),
    ("Sakrådet hölls i Stockholm, och av de 25 organisationerna kom 12.", "25 organisationerna", OC, 25, "whole"),
    ("25 organisationer deltog, av totalt 40.", "40", OC, 40, "the whole of which a part took part"),
    ("Of the 25 organisations, 12 attended.", "25 organisations", OC, 25, "the whole of which 12 took part"),
    ("Hälften av de 30 organisationerna deltog.", "30 organisationerna", OC, 30, "no number that can be read"),
    ("Majoriteten av de 30 organisationerna deltog.", "30 organisationerna", OC, 30, "no number that can be read"),
    ("Alla utom 3 av 20 organisationer deltog.", "20 organisationer", OC, 20, "no number that can be read"),
    ("Alla utom 3 av 20 organisationer deltog.", "3", OC, 3, "an exclusion ('utom')"),
    ("Half of the 30 organisations attended.", "30 organisations", OC, 30, "no number that can be read"),
    ("12 av 25 organisationer deltog.", "25 organisationer", IC, 25, "does not say it counts those invited"),
    ("Endast 12 av 25 inbjudna deltog.", "12", IC, 12, "a part of a whole"),
    ("30 organisationer bjöds inte in.", "30 organisationer", IC, 30, "a negation ('inte')"),
    ("30 organisationer deltog aldrig.", "30 organisationer", OC, 30, "a negation ('aldrig')"),
    ("30 organisationer deltog eventuellt.", "30 organisationer", OC, 30, "a condition or a doubt ('eventuellt')"),
    ("Ifall 30 organisationer deltar blir det bra.", "30 organisationer", OC, 30, "a condition or a doubt"),
    ("30 eller 40 organisationer deltog.", "30", OC, 30, "a choice ('eller')"),
]


@pytest.mark.parametrize(("text", "words", "field", "value", "says"), REFUSED_COUNTS, ids=lambda v: str(v)[:30])
def test_a_count_its_sentence_does_not_state_is_refused(text: str, words: str, field: str, value: int, says: str):
    why = _count(text, words, field, value)
    assert why and says in why, why


#: (sentence, the count's words, field, value): the near misses that state the count
STATED_COUNTS = [
    ("Endast 12 av 25 inbjudna deltog.", "12", PC, 12),
    ("Endast 12 av 25 inbjudna deltog.", "25 inbjudna", IC, 25),
    ("12 av 25 organisationer deltog.", "12", OC, 12),
    ("Av de 25 inbjudna kom 12.", "12", PC, 12),
    ("Av de 25 inbjudna kom 12.", "25 inbjudna", IC, 25),
    ("Av de 30 tillfrågade organisationerna deltog 12.", "30 tillfrågade organisationerna", IC, 30),
    ("12 of the 25 invited organisations attended.", "12", OC, 12),
    ("Samtliga av de 25 organisationerna deltog.", "25 organisationerna", OC, 25),
    ("Av de 25 organisationerna deltog samtliga.", "25 organisationerna", OC, 25),
    ("En av de 10 personer som deltog var Anna Berg.", "10 personer", PC, 10),
    ("Vid sakrådet deltog representanter av 30 organisationer.", "30 organisationer", OC, 30),
    ("Företrädare för 30 organisationer deltog.", "30 organisationer", OC, 30),
    ("Inte fler än 20 organisationer deltog.", "20 organisationer", OC, 20),
    ("Sakrådet samlade 25 organisationer som inte tidigare deltagit.", "25 organisationer", OC, 25),
    ("30 organisationer bjöds in.", "30 organisationer", IC, 30),
    ("Av de 25 organisationer som bjöds in deltog 12.", "25 organisationer", IC, 25),
    ("Sammanlagt deltog 12 av de 25 organisationer som bjudits in.", "25 organisationer", IC, 25),
    ("12 out of 25 organisations attended.", "12", OC, 12),
    ("En av de 10 personer som också deltog var Anna Berg.", "10 personer", PC, 10),
]


@pytest.mark.parametrize(("text", "words", "field", "value"), STATED_COUNTS, ids=lambda v: str(v)[:30])
def test_a_count_its_sentence_states_is_accepted(text: str, words: str, field: str, value: int) -> None:
    mark = "at-most" if text.startswith("Inte fler") else "exact"
    assert _count(text, words, field, value, mark) == ""


@pytest.mark.parametrize(
    ("words", "whole", "part"),
    [
        ("12 av 25 inbjudna", 25, 12),
        ("Av de 25 inbjudna kom 12", 25, 12),
        ("hälften av de 30", 30, None),
        ("alla utom 3 av 20 organisationer", 20, None),
        ("samtliga av de 25 inbjudna", 25, 25),
        ("12 of the 25 invited", 25, 12),
    ],
)
def test_the_words_of_a_count_give_the_whole_and_the_part(words: str, whole: int, part: int | None) -> None:
    found = parts_in(words)
    assert [(p.whole, p.value) for p in found] == [(whole, part)]


def test_words_without_a_part_give_none() -> None:
    assert parts_in("30 organisationer deltog") == []
    assert parts_in("Sakrådet besöktes av 30 organisationer") == []


# --- loading: the count's own words ------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return fixture_project(tmp_path / "project")


def _kept(project: Path) -> Path:
    return project / "data" / "sources" / "sakrad-2017-12-12-integration.txt"


def _meeting(project: Path) -> Path:
    return project / "data" / "meetings" / "2017-12-12-integration.yaml"


def _counted(project: Path, sentence: str, field: str, words: str, value: int) -> int:
    """The fixture with ``sentence`` added to its documentation and its organisation_count replaced by
    ``field`` with ``words`` and ``value``; the line of the count's value."""
    kept = _kept(project)
    kept.write_text(kept.read_text(encoding="utf-8") + f"\n{sentence}\n", encoding="utf-8")
    line = change(
        _meeting(project),
        "organisation_count:\n  text: femton\n  value: 15\n",
        f"{field}:\n  text: {words}\n  value: {value}\n",
    )
    return line + 2


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        (OC, 25, "give 25 as the whole of which a part took part ('12 av 25')"),
        (IC, 12, "give 12 as the part of the whole 25 that took part"),
    ],
)
def test_a_value_of_the_wrong_side_of_a_av_b_is_refused_at_its_line(
    project: Path, field: str, value: int, says: str
) -> None:
    line = _counted(project, "Endast 12 av 25 inbjudna organisationer deltog i sakrådet.", field,
                    "12 av 25 inbjudna organisationer", value)  # fmt: skip
    found = [e for e in refusals(project) if e.where.field == f"{field}.value"]
    assert len(found) == 1, [str(e) for e in refusals(project)]
    assert says in found[0].problem
    assert found[0].where.file.name == "2017-12-12-integration.yaml" and found[0].where.line == line
    assert "value: " in found[0].expected


def test_a_part_that_is_no_number_is_refused_with_what_is_expected(project: Path) -> None:
    _counted(
        project, "Hälften av de 30 organisationerna deltog i sakrådet.", OC, "hälften av de 30 organisationerna", 30
    )
    found = [e for e in refusals(project) if e.where.field.startswith(OC)]
    assert found and any("no number that can be read" in e.problem for e in found), [str(e) for e in found]
    assert any("no count of those who took part" in e.expected for e in found)


def test_the_part_of_a_av_b_loads(project: Path) -> None:
    from sakrad_ld.corpus import load_corpus

    _counted(project, "Endast 12 av 25 inbjudna organisationer deltog i sakrådet.", OC, '"12"', 12)
    load_corpus(project / "data")


def test_a_whole_as_organisation_count_exits_2_without_a_traceback(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _counted(project, "Av de 25 organisationerna kom 12 till sakrådet.", OC, "25 organisationerna", 25)
    assert main(["-C", str(project), "validate"]) == 2
    err = capsys.readouterr().err
    assert "2017-12-12-integration.yaml" in err and "organisation_count" in err and "Traceback" not in err


# --- dates: moved, first set, a choice -------------------------------------------------------------------

DAY = "2024-05-10"
#: (sentence, whether it states that the meeting was held on 10 May 2024)
MOVED = [
    ("Sakrådet sköts fram från den 3 maj 2024 till den 10 maj 2024.", True),
    ("Sakrådet sköts fram från den 10 maj 2024 till den 17 maj 2024.", False),
    ("Sakrådet flyttades från den 3 maj 2024 till den 10 maj 2024.", True),
    ("Sakrådet flyttades från den 10 maj 2024 till den 17 maj 2024.", False),
    ("Sakrådet har flyttats fram en vecka, från den 10 maj 2024 till den 17 maj 2024.", False),
    ("Sakrådet flyttas till den 17 maj 2024 från den 10 maj 2024.", False),
    ("Sakrådet flyttas till den 10 maj 2024 från den 3 maj 2024.", True),
    ("Datumet för sakrådet har ändrats från den 3 maj 2024 till den 10 maj 2024.", True),
    ("Datumet för sakrådet har ändrats från den 10 maj 2024 till den 17 maj 2024.", False),
    ("Sakrådet är ändrat från den 10 maj 2024 till den 17 maj 2024.", False),
    ("Sakrådet tidigarelades från den 17 maj 2024 till den 10 maj 2024.", True),
    ("Sakrådet tidigarelades från den 10 maj 2024 till den 3 maj 2024.", False),
    ("Sakrådet senarelades från den 10 maj 2024 till den 17 maj 2024.", False),
    ("Sakrådet den 10 maj 2024 sköts upp till hösten.", False),
    ("The meeting was moved from 3 May 2024 to 10 May 2024.", True),
    ("The meeting was moved from 10 May 2024 to 17 May 2024.", False),
    ("The sakråd was postponed from 10 May 2024 to 17 May 2024.", False),
    ("The sakråd was postponed from 3 May 2024 to 10 May 2024.", True),
    ("The sakråd was postponed until 10 May 2024.", True),
    ("The sakråd was rescheduled for 10 May 2024.", True),
    ("The sakråd was brought forward from 17 May 2024 to 10 May 2024.", True),
    ("The sakråd was brought forward from 10 May 2024 to 3 May 2024.", False),
    ("The sakråd of 10 May 2024 was postponed to 17 May 2024.", False),
    ("The sakråd, originally scheduled for 10 May 2024, was held on 17 May 2024.", False),
    ("Nytt datum för sakrådet är den 10 maj 2024 (tidigare den 3 maj 2024).", True),
    ("Nytt datum för sakrådet är den 17 maj 2024 (tidigare den 10 maj 2024).", False),
    ("Sakrådet hölls den 10 maj 2024 eller den 11 maj 2024.", False),
    ("Sakrådet hölls i stället för den 10 maj 2024 den 17 maj 2024.", False),
    ("Sakrådet hölls den 10 maj 2024 och ändrades inte.", True),
    ("Regeringen ändrade strategin, och sakrådet hölls den 10 maj 2024.", True),
    ("Sakrådet hölls den 10 maj 2024.", True),
    ("Sakrådet, som flyttats från den 3 maj 2024, hölls den 10 maj 2024.", True),
    ("Sakrådet, som flyttats från den 10 maj 2024, hölls den 17 maj 2024.", False),
    ("Sakrådet hölls den 10 maj 2024, efter att ha flyttats från den 3 maj 2024.", True),
    ("Sakrådet hölls den 17 maj 2024, efter att ha flyttats från den 10 maj 2024.", False),
    ("Sakrådet ska hållas den 10 maj 2024.", True),
]


@pytest.mark.parametrize(("text", "states"), MOVED, ids=lambda v: str(v)[:40])
def test_a_moved_meeting_is_dated_by_the_day_it_was_moved_to(text: str, states: bool) -> None:
    said, why = date_refusal("# Sakråd om testfrågor\n\n" + text, DAY)
    assert (said is not None) is states, why
    if not states:
        assert why


def test_the_day_moved_from_is_refused_saying_so() -> None:
    _, why = date_refusal("Sakrådet sköts fram från den 10 maj 2024 till den 17 maj 2024.", DAY)
    assert why and "moved ('sköts fram'): the date is the day it was moved from" in why
    _, why = date_refusal("Nytt datum för sakrådet är den 17 maj 2024 (tidigare den 10 maj 2024).", DAY)
    assert why and "the day the meeting was first set for ('tidigare')" in why


# --- dates: a year or a month beside the word of holding ------------------------------------------------

#: (sentence, the time that disagrees with 2024-09-10, or None)
TIMES = [
    ("Sakrådet hölls i mars.", "mars"),
    ("Sakrådet hölls 2019.", "2019"),
    ("Sakrådet hölls den 10 mars 2024.", "10 mars 2024"),
    ("I mars 2019 hölls sakrådet.", "mars 2019"),
    ("Sakrådet hölls i Stockholm i mars 2024.", "mars 2024"),
    ("Sakrådet hölls i början av mars.", "mars"),
    ("Sakrådet ägde rum hösten 2019.", "2019"),
    ("Sakrådet, som hölls 2019, samlade 30 organisationer.", "2019"),
    ("The sakråd took place in May.", "may"),
    ("Sakrådet hölls i september.", None),
    ("Sakrådet hölls 2024.", None),
    ("Sakrådet hölls den 10 september 2024.", None),
    ("Sakrådet hölls den 10 och 11 september 2024.", None),
    ("Sakrådet hölls inte i mars utan i september.", None),
    ("Förra sakrådet hölls i mars.", None),
    ("Sakrådet skulle hållas i mars men hölls i september.", None),
    ("Sakrådet sköts upp från mars till september.", None),
    ("Sakrådet hölls med anledning av rapporten från 2019.", None),
    ("Sakrådet om strategin från 2019 hölls den 10 september 2024.", None),
    ("The meeting may be held soon.", None),
    ("Sakrådet hölls digitalt via Teams i mars.", "mars"),
    ("Sakrådet hölls den 10 september 2024, ett halvår efter det förra i mars.", None),
]


@pytest.mark.parametrize(("text", "time"), TIMES, ids=lambda v: str(v)[:40])
def test_a_year_or_month_beside_the_holding_must_be_the_dates(text: str, time: str | None) -> None:
    found = time_disagreement("# Sakråd om testfrågor\n\n" + text, "2024-09-10")
    assert (found[1] if found else None) == time


def test_a_month_only_date_is_held_to_its_month_and_a_year_date_to_its_year() -> None:
    assert time_disagreement("Sakrådet hölls i mars.", "2024-09") is not None
    assert time_disagreement("Sakrådet hölls i mars.", "2024") is None
    assert time_disagreement("Sakrådet hölls 2019.", "2024") is not None


def test_a_month_the_kept_text_gives_otherwise_is_refused_at_the_date(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kept = _kept(project)
    kept.write_text(kept.read_text(encoding="utf-8") + "\nSakrådet hölls i mars.\n", encoding="utf-8")
    found = [e for e in refusals(project) if e.where.field == "date"]
    assert len(found) == 1, [str(e) for e in refusals(project)]
    error = found[0]
    assert error.where.file.name == "2017-12-12-integration.yaml" and error.where.line == 18
    assert "date 2017-12-12 disagrees with the text" in error.problem and "'mars'" in error.problem
    assert "a date in 'mars'" in error.expected
    assert main(["-C", str(project), "validate"]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_the_fixture_loads_with_its_own_month_beside_the_holding(project: Path) -> None:
    from sakrad_ld.corpus import load_corpus

    kept = _kept(project)
    kept.write_text(kept.read_text(encoding="utf-8") + "\nSakrådet hölls i december 2017.\n", encoding="utf-8")
    load_corpus(project / "data")


# --- one table of guard words -------------------------------------------------------------------------


def _words(kind: str) -> list[str]:
    return [w for k, scope, words in clauses.GUARD_TABLE if k == kind and scope == "clause" for w in words]


def test_the_dates_own_guards_hold_no_negation_doubt_or_condition_of_their_own() -> None:
    own = {w for _, words in DATE_GUARDS for w in words}
    for kind in (clauses.NEGATION, clauses.DOUBT, clauses.CONDITION):
        assert not own & set(_words(kind)), kind


@pytest.mark.parametrize("word", [w for w in _words(clauses.NEGATION) if " " not in w and w.isalpha()])
def test_every_negation_of_the_table_governs_a_date_and_a_count(word: str) -> None:
    _, why = date_refusal(f"Sakrådet hölls {word} den 10 maj 2024.", DAY)
    assert why and f"a negation ({word!r})" in why, why
    said = _count(f"30 organisationer deltog {word}.", "30 organisationer", OC, 30)
    assert said and f"a negation ({word!r})" in said, said


@pytest.mark.parametrize("word", [w for w in _words(clauses.DOUBT) if " " not in w][:12])
def test_every_doubt_of_the_table_governs_a_date_and_a_count(word: str) -> None:
    _, why = date_refusal(f"Sakrådet hölls {word} den 10 maj 2024.", DAY)
    assert why and f"({word!r})" in why, why
    said = _count(f"30 organisationer deltog {word}.", "30 organisationer", OC, 30)
    assert said and f"({word!r})" in said, said
