"""Questions and discussion areas a kept text does not state (stated.py): a question under a
lead-in that denies it was put ("Följande frågor kommer inte att tas upp: …?"), a lead-in about another
meeting ("Vid förra sakrådet ställdes följande frågor: …?") or after a contact line ("Vid frågor kontakta
…: …?") is not put to this sakråd, "?" or not; an area wished, due, planned in the past or not reached
("ville diskutera …, men det hanns inte med", "borde ha diskuterats") was not discussed."""

from __future__ import annotations

import pytest

from sakrad_ld import stated
from sakrad_ld.stated import folded_text


def _flat(text: str) -> tuple[str, str]:
    folded = folded_text(text)
    return folded, folded.replace("\x00", " ")


def _asked(text: str, value: str) -> str | None:
    folded, flat = _flat(text)
    return stated._asked(value, "m", folded, flat, {}, {}, frozenset({"2024"}))


@pytest.mark.parametrize(
    ("text", "value", "says"),
    [
        ("Följande frågor kommer inte att tas upp: Hur ska bidragen fördelas?", "Hur ska bidragen fördelas?",
         "its lead-in denies it was put"),
        ("Frågorna nedan hann inte tas upp:\n\n- Hur ska bidragen fördelas?\n", "Hur ska bidragen fördelas?",
         "its lead-in denies it was put"),
        ("Följande frågor ställdes aldrig: Hur ska bidragen fördelas?", "Hur ska bidragen fördelas?",
         "its lead-in denies it was put"),
        ("Vid förra sakrådet ställdes följande frågor: Hur kan samverkan stärkas?", "Hur kan samverkan stärkas?",
         "its lead-in is about another meeting"),
        ("Nästa sakråd tar upp följande frågor:\n\n- Hur kan samverkan stärkas?\n", "Hur kan samverkan stärkas?",
         "its lead-in is about another meeting"),
        ("Vid frågor kontakta Anna Andersson: Hur anmäler man sig?", "Hur anmäler man sig?", "its lead-in is a contact line"),
        ("Vid frågor, kontakta enheten: Var ligger lokalen?", "Var ligger lokalen?", "its lead-in is a contact line"),
    ],
)  # fmt: skip
def test_a_question_not_put_to_this_sakrad_is_refused_saying_why(text: str, value: str, says: str) -> None:
    why = _asked(text, value)
    assert why and says in why, why


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Frågeställningar:\n\n- Hur kan samverkan stärkas?\n- Vad behöver ändras?\n", "Hur kan samverkan stärkas?"),
        ("Följande frågor togs upp: Hur ska bidragen fördelas?", "Hur ska bidragen fördelas?"),
        ("Vid sakrådet ställdes frågan: Hur kan samverkan stärkas?", "Hur kan samverkan stärkas?"),
        ("Organisationerna ombads svara på följande: Vad behövs?", "Vad behövs?"),
    ],
)
def test_a_question_put_to_this_sakrad_is_accepted(text: str, value: str) -> None:
    assert _asked(text, value) == ""


@pytest.mark.parametrize(
    ("sentence", "discussed"),
    [
        ("Organisationerna ville diskutera skolans roll, men det hanns inte med.", False),
        ("Skolans roll borde ha diskuterats mer.", False),
        ("Skolans roll skulle diskuteras men tiden räckte inte.", False),
        ("Deltagarna hade planerat att diskutera skolans roll.", False),
        ("Deltagarna hoppades diskutera skolans roll.", False),
        ("Om tid finns diskuteras skolans roll.", False),
        ("Skolans roll diskuterades inte.", False),
        ("På förra årets sakråd diskuterades skolans roll.", False),
        ("Det fanns ingen tid att diskutera skolans roll.", False),
        ("Under sakrådet diskuterades skolans roll.", True),
        ("Deltagarna diskuterade skolans roll och vad som kan förbättras.", True),
        ("Skolans roll lyftes av flera organisationer.", True),
    ],
)
def test_an_area_wished_due_or_not_reached_was_not_discussed(sentence: str, discussed: bool) -> None:
    text, flat = _flat(sentence)
    assert stated._discussed("skolans roll", text, flat, years=frozenset({"2024"})) is discussed
