"""A fact another kept text of the meeting states otherwise is warned of (contradicted.py): the date, the
place, a count. The fixture project has a meeting whose facts are credited to one kept text and that cites a
second; each row gives the second text and whether loading warns that it contradicts the credited fact:
(the other text, the meeting's facts, warned). What the readers do not take as this meeting's fact (a
deadline, the next meeting, a publication line, a quotation, a negation, another event) is no
contradiction, nor a value that agrees however it is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, fixture_project
from test_stated_polarity import TEST_SOURCE

from sakrad_ld.contradicted import contradictions
from sakrad_ld.corpus import load_corpus
from sakrad_ld.dated import load_warnings

WARNED, NONE = True, False
#: what every warning of a contradicting text says
SAID = "is given otherwise by another kept text of the meeting"

OTHER_SOURCE = """
  - id: other-src
    kind: invitation
    title:
      sv: Inbjudan till sakråd om testfrågor
    url: https://www.regeringen.se/sakrad/2024/09/inbjudan-till-sakrad-om-testfragor/
    file: sources/other.md
    publisher: kulturdepartementet
    published: 2024-09-01
"""

#: the credited text: it states the date, the place and the counts the rows' facts give
CREDITED = "Sakrådet hölls den 10 september 2024 i Malmö. 15 organisationer deltog. 30 personer deltog."
DATE = "date: 2024-09-10\n"
PLACE = "place: Malmö\n"
ORGS = "organisation_count:\n  text: 15 organisationer\n  value: 15\n"
ROUGHLY = "organisation_count:\n  text: Ett tjugotal organisationer\n  value: 20\n  approximate: true\n"
PEOPLE = "participant_count:\n  text: 30 personer\n  value: 30\n"

DATES = [
    ("Sakrådet hölls den 11 september 2024.", DATE, WARNED),
    ("Sakrådet hålls den 11 september 2024 i Rosenbad.", DATE, WARNED),
    ("Datum: 11 september 2024", DATE, WARNED),
    ("Sakrådet hölls i oktober.", DATE, WARNED),
    ("Sakrådet hölls 2023.", DATE, NONE),  # another year: another meeting, as stated.py reads it
    # the same day, written otherwise
    ("Sakrådet hölls den 10 september 2024.", DATE, NONE),
    ("Sakrådet hölls 10/9 2024.", DATE, NONE),
    ("Sakrådet hölls 2024-09-10.", DATE, NONE),
    ("The meeting was held on 10 September 2024.", DATE, NONE),
    ("The meeting was held on September 10, 2024.", DATE, NONE),
    ("Sakrådet hölls i september 2024.", DATE, NONE),
    ("Sakrådet hölls den 10:e september 2024.", DATE, NONE),
    ("Sakrådet hölls 10/9-24.", DATE, NONE),
    ("The meeting was held on the 10th of September 2024.", DATE, NONE),
    # another day in the forms the date check reads
    ("Sakrådet hölls 11/9-24. Läs mer om sakrådet 2024.", DATE, WARNED),
    ("The meeting was held on the 11th of September 2024.", DATE, WARNED),
    ("Sakrådet hölls den elfte september 2024.", DATE, WARNED),
    # one of the meeting's days
    ("Sakrådets andra dag hölls den 11 september 2024.", DATE + "days:\n  - 2024-09-10\n  - 2024-09-11\n", NONE),
    ("Sakrådet hölls den 12 september 2024.", DATE + "days:\n  - 2024-09-10\n  - 2024-09-11\n", WARNED),
    # a month-only date containing the other text's day
    ("Sakrådet hölls den 10 september 2024.", "date: 2024-09\n", NONE),
    # not the day this meeting was held
    ("Anmälan senast den 3 september 2024.", DATE, NONE),
    ("Sista dag för anmälan är den 3 september 2024.", DATE, NONE),
    ("Nästa sakråd hålls den 5 november 2024.", DATE, NONE),
    ("Publicerad 1 september 2024.", DATE, NONE),
    ("Inbjudan skickades den 1 september 2024.", DATE, NONE),
    ('I inbjudan stod det "Sakrådet hålls den 11 september 2024", men det stämmer inte.', DATE, NONE),
    ('Rubriken löd "Sakrådet hålls den 11 september 2024".', DATE, NONE),
    ("Ministern sa: ”Sakrådet hölls i oktober.”", DATE, NONE),
    ("Sakrådet hölls inte den 11 september 2024.", DATE, NONE),
    ("Sakrådet hölls kanske den 11 september 2024.", DATE, NONE),
    ("Om intresset är stort hålls sakrådet den 11 september 2024.", DATE, NONE),
    ("Sakrådet flyttades från den 3 september 2024.", DATE, NONE),
    ("Sakrådet pågick från den 9 till den 10 september 2024.", DATE, NONE),
    # a text about another meeting or event
    ("Ett tidigare sakråd hölls den 3 maj 2024.", DATE, NONE),
    ("Förra årets sakråd hölls den 12 september 2023.", DATE, NONE),
    ("Regeringen inledde arbetet med ett sakråd i februari 2023.", DATE, NONE),
    ("Konferensen om demokrati hölls den 11 september 2024.", DATE, NONE),
    ("Samma dag hölls i stället ett seminarium, den 11 september 2024.", DATE, NONE),
]

PLACES = [
    ("Sakrådet hölls i Lund.", DATE + PLACE, WARNED),
    ("The meeting was held in Lund.", DATE + PLACE, WARNED),
    ("Sakrådet hölls i Malmö.", DATE + PLACE, NONE),
    ("Sakrådet hölls i Rosenbad i Malmö.", DATE + PLACE, NONE),
    ("Nästa sakråd hålls i Lund.", DATE + PLACE, NONE),
    ("Sakrådet hölls inte i Lund.", DATE + PLACE, NONE),
    ("Sakrådet skulle hållas i Lund.", DATE + PLACE, NONE),
    ("Sakrådet hölls enligt uppgift i Lund.", DATE + PLACE, NONE),
    ("Ett tidigare sakråd hölls i Lund.", DATE + PLACE, NONE),
    ("Konferensen om demokrati hölls i Lund.", DATE + PLACE, NONE),
    ("Efter sakrådet samlades deltagarna i Lund för en middag.", DATE + PLACE, NONE),
]

COUNTS = [
    ("12 organisationer deltog i sakrådet.", DATE + ORGS, WARNED),
    ("På sakrådet deltog 12 organisationer.", DATE + ORGS, WARNED),
    ("15 organisationer deltog i sakrådet.", DATE + ORGS, NONE),
    ("Femton organisationer deltog i sakrådet.", DATE + ORGS, NONE),
    ("Drygt 10 organisationer deltog i sakrådet.", DATE + ORGS, NONE),  # a bound 15 lies within
    ("Högst 12 organisationer deltog i sakrådet.", DATE + ORGS, WARNED),  # a bound 15 lies outside
    ("40 organisationer var inbjudna till sakrådet.", DATE + ORGS, NONE),  # those invited, not who took part
    ("Förra årets sakråd samlade 30 organisationer.", DATE + ORGS, NONE),
    ("Inte 12 organisationer utan fler deltog.", DATE + ORGS, NONE),
    ("25 personer deltog i sakrådet.", DATE + ORGS, NONE),  # people, not organisations
    # a rounded number states no exact number: not compared, either way
    ("Ett tjugotal organisationer deltog i sakrådet.", DATE + ORGS, NONE),
    ("40 personer deltog i sakrådet.", DATE + PEOPLE, WARNED),
    ("30 personer deltog i sakrådet.", DATE + PEOPLE, NONE),
]


def _warnings(tmp_path: Path, other: str, facts: str, credited: str = CREDITED) -> list[str]:
    """The warnings of a contradicting text that loading the fixture project gives at the test meeting, whose
    ``facts`` are credited to the kept text ``credited`` and which cites the kept text ``other``."""
    project = fixture_project(tmp_path / "project")
    data = project / "data"
    with (data / "sources.yaml").open("a", encoding="utf-8") as out:
        out.write(TEST_SOURCE + OTHER_SOURCE)
    (data / "sources" / "test.md").write_text(f"# Sakråd om testfrågor\n\n{credited}\n", encoding="utf-8")
    (data / "sources" / "other.md").write_text(f"# Inbjudan till sakråd om testfrågor\n\n{other}\n", encoding="utf-8")
    (data / "meetings" / "test.yaml").write_text(
        "id: 2024-09-10-test\nsource: test-src\nsources:\n  - other-src\ntitle:\n  sv: Sakråd om testfrågor\n" + facts,
        encoding="utf-8",
    )
    corpus = load_corpus(data)
    return [str(w) for w in load_warnings(corpus) if "test.yaml" in str(w) and SAID in str(w)]


@pytest.mark.parametrize(("other", "facts", "warned"), DATES + PLACES + COUNTS)
def test_another_kept_text_stating_the_fact_otherwise_is_warned_of(
    tmp_path: Path, other: str, facts: str, warned: bool
) -> None:
    found = _warnings(tmp_path, other, facts)
    if warned:
        assert len(found) == 1, f"{other!r} gives {facts!r} otherwise, but the warnings are {found}"
    else:
        assert found == [], f"{other!r} does not contradict {facts!r}, but: {found}"


@pytest.mark.parametrize(
    ("other", "warned"),
    [("20 organisationer deltog i sakrådet.", NONE), ("Ett femtiotal organisationer deltog i sakrådet.", NONE)],
)
def test_a_rounded_count_is_not_compared(tmp_path: Path, other: str, warned: bool) -> None:
    # "ett tjugotal" states no exact number (counted.number_value): neither 20 nor "ett femtiotal" is told
    # from it, as no reader says how far a rounded number reaches
    credited = "Sakrådet hölls den 10 september 2024. Ett tjugotal organisationer deltog."
    found = _warnings(tmp_path, other, DATE + ROUGHLY, credited)
    assert bool(found) is warned, found


@pytest.mark.parametrize(
    ("other", "facts", "at", "value", "says"),
    [
        ("Sakrådet hölls den 11 september 2024.", DATE, "7: date: date", "2024-09-10", "the date '2024-09-11'"),
        ("Sakrådet hölls i Lund.", DATE + PLACE, "8: place: place", "'Malmö'", "the place 'Lund'"),
        ("12 organisationer deltog i sakrådet.", DATE + ORGS, "10: organisation_count.value: organisation_count", "15",
         "the number 12 (exact"),
    ],
)  # fmt: skip
def test_the_warning_names_the_line_both_sources_the_value_and_its_sentence(
    tmp_path: Path, other: str, facts: str, at: str, value: str, says: str
) -> None:
    (found,) = _warnings(tmp_path, other, facts)
    assert f"test.yaml:{at} {value} (credited to 'test-src')" in found, found
    assert "'other-src' (sources/other.md)" in found, found
    assert says in found, found
    assert repr(other.casefold()) in found, found  # the other text's sentence, as the readers fold it
    assert "a note about the" in found and "or the" in found, found  # what to do


def test_the_real_data_gives_no_contradiction_of_its_kept_texts() -> None:
    # a finding here is a real difference between two documents of one meeting: record it in the
    # meeting's notes, or correct the fact, after checking the sources
    found = contradictions(load_corpus(ROOT / "data"))
    assert found == [], "\n".join(map(str, found))
