"""A day written as an ordinal word before or after a month ("den andra maj", "första april", "the
second of May", "May 2nd") is a date, not a rank: it names the day as a number, so "2 May" matches it
and no ordinal or number is said to be missing, while another day ("3 May") is still a difference.
An ordinal before a noun stays a rank ("det andra mötet", "the first May meeting")."""

from __future__ import annotations

import pytest

from sakrad_ld.translated import _pair_warnings, readings

SV_DAYS = ("första andra tredje fjärde femte sjätte sjunde åttonde nionde tionde elfte tolfte trettonde fjortonde "
           "femtonde sextonde sjuttonde artonde nittonde tjugonde tjugoförsta tjugoandra tjugotredje tjugofjärde "
           "tjugofemte tjugosjätte tjugosjunde tjugoåttonde tjugonionde trettionde trettioförsta").split()  # fmt: skip
EN_DAYS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
           "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth twenty-first twenty-second twenty-third "
           "twenty-fourth twenty-fifth twenty-sixth twenty-seventh twenty-eighth twenty-ninth thirtieth "
           "thirty-first").split()  # fmt: skip


def _suffix(day: int) -> str:
    return "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _english(day: int) -> list[str]:
    word = EN_DAYS[day - 1]
    return [f"on {day} May", f"on May {day}", f"on the {word} of May", f"on May {day}{_suffix(day)}",
            f"on the {day}{_suffix(day)} of May", f"on {day}{_suffix(day)} May", f"on May {word}.",
            f"on the {word} day of May"]  # fmt: skip


@pytest.mark.parametrize("day", range(1, 32))
def test_every_swedish_ordinal_day_matches_the_english_day(day: int) -> None:
    for swedish in (f"Sakrådet hölls den {SV_DAYS[day - 1]} maj.", f"Sakrådet hölls {SV_DAYS[day - 1]} maj.",
                    f"Sakrådet hölls den {day} maj.", f"Sakrådet hölls den {day}:{'a' if day % 10 in (1, 2) else 'e'} maj."):  # fmt: skip
        for english in _english(day):
            assert _pair_warnings(swedish, f"The sakråd was held {english}") == [], (swedish, english)


@pytest.mark.parametrize("day", range(1, 32))
def test_another_day_still_warns(day: int) -> None:
    other = day % 31 + 1
    for english in _english(other):
        found = _pair_warnings(f"Sakrådet hölls den {SV_DAYS[day - 1]} maj.", f"The sakråd was held {english}")
        messages = [m for m, _ in found]
        assert f"the sv text names {day}, which the en text does not" in messages, english
        assert f"the en text names {other}, which the sv text does not" in messages, english


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("den andra maj", 2),
        ("Första april", 1),
        ("den tjugoförsta juni", 21),
        ("andra dagen i maj", 2),
        ("den förste maj", 1),
        ("den trettioförsta december", 31),
        ("the second of May", 2),
        ("the twenty-first of June", 21),
        ("the twenty first of June", 21),
        ("June 21st", 21),
        ("the 3rd day of March", 3),
        ("May second, 2024", 2),
    ],
)
def test_an_ordinal_day_reads_as_its_number(text: str, day: int) -> None:
    assert [r.value for r in readings(text) if r.value != 2024] == [day]


def test_days_joined_to_a_day_are_days() -> None:
    assert _pair_warnings("Sakrådet hölls den första och andra maj.", "The sakråd was held on 1 and 2 May.") == []
    assert (
        _pair_warnings("Sakrådet hölls första, andra och tredje maj.", "The sakråd was held on 1, 2 and 3 May.") == []
    )
    assert _pair_warnings("Sakrådet hölls den 1:a och 2:a maj.", "It was held on the first and second of May.") == []


@pytest.mark.parametrize(
    ("sv", "en"),
    [
        ("Det andra mötet hölls i maj.", "The meeting was held in May."),  # a rank in one only
        ("Det var det första mötet i maj.", "It was a meeting in May."),
        ("Det var ett möte i maj.", "It was the first May meeting."),  # an ordinal before a noun: a rank
        ("Sakrådet hölls den andra maj.", "The sakråd was held in May."),  # a day in one only
        ("Sakrådet hölls i maj.", "The sakråd was held on the second of May."),
    ],
)
def test_a_rank_or_a_day_in_one_language_only_warns(sv: str, en: str) -> None:
    assert _pair_warnings(sv, en) != []


def test_a_rank_beside_a_month_is_still_a_rank() -> None:
    assert _pair_warnings("I maj hölls det andra mötet.", "In May the second meeting was held.") == []
    assert _pair_warnings("Det andra mötet hölls i maj.", "The second meeting was held in May.") == []
    assert _pair_warnings("Det var det första mötet i maj.", "It was the first May meeting.") == []


def test_a_long_chain_of_days_is_read_whole() -> None:
    # each ordinal looks at most three words ahead (the chain is followed backwards once): 20,000 days
    # joined by commas before one month are all days; without the month none is
    assert [r.value for r in readings("första, " * 19_999 + "första maj")] == [1] * 20_000
    assert readings("första, " * 20_000) == []
    assert [r.value for r in readings("den andra maj " * 20_000)] == [2] * 20_000
