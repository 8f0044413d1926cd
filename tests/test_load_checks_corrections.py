"""A fact the kept text takes back elsewhere is not stated (corrected.py, dated.py, placed.py, posted.py,
organised.py): a correction ("Rättelse: … inte i Malmö", "Correction: …"), a change of the fact's noun
("Datumet har ändrats till …", "Platsen har ändrats till Lund", "Nytt datum: …"), a word calling it wrong
("Datumet ovan är fel", a footnote), the value denied in another sentence of its kind ("Sakrådet leddes inte
av X utan av Y", "anordnades … inte av A"), and a second day or place the text gives the meeting. A
correction that gives the data's value as the right one confirms it. A span of days ("från den 1 till den 5
februari") gives no single day: its end day is never the meeting's date. Each row goes through the loader
and its warnings: (kept text, the meeting's facts, accepted)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_sentences_roles_counts import _findings

TRUE, TRAP = True, False


def _date(day: str) -> str:
    return f"date: {day}\n"


HELD = "Sakrådet hölls den 10 september 2024."
DATE = _date("2024-09-10")
MALMO = "place: Malmö\n"
PLACE = HELD + " Sakrådet hölls i Malmö."
BRANDBERG = "chair:\n  person: paulina-brandberg\n"
CHAIRED = HELD + " Sakrådet leddes av Paulina Brandberg."
SOCIAL = "organiser: socialdepartementet\n"
ORGANISED = HELD + " Sakrådet anordnades av Socialdepartementet."

DATES = [
    (HELD, DATE, TRUE),
    (HELD + "\n\nSakrådet hölls den 11 september 2024.", DATE, TRAP),
    ("Sakrådet hölls den 11 september 2024.\n\n" + HELD, DATE, TRAP),
    (
        HELD + "\n\nRättelse: Sakrådet hölls den 11 september 2024, inte den 10 september som tidigare angavs.",
        DATE,
        TRAP,
    ),
    (HELD + "\n\nRättelse: datumet ovan är fel.", DATE, TRAP),
    (HELD + "\n\nUppdatering: Datumet har ändrats till den 12 september 2024.", DATE, TRAP),
    (HELD + "\n\nDatumet för sakrådet har ändrats till den 12 september 2024.", DATE, TRAP),
    (HELD + "\n\nNytt datum: 12 september 2024.", DATE, TRAP),
    (HELD + "\n\nCorrection: the meeting was held on 11 September 2024, not on 10 September.", DATE, TRAP),
    (HELD + "\n\nThe date given above is wrong.", DATE, TRAP),
    (
        "Sakrådet hölls den 10 september 2024.[^1]\n\n[^1]: Datumet är fel; sakrådet hölls den 11 september 2024.",
        DATE,
        TRAP,
    ),
    # a correction that gives the data's date as the right one confirms it
    ("Rättelse: Sakrådet hölls den 10 september 2024, inte den 11 september som tidigare angavs.", DATE, TRUE),
    (HELD + " Observera att sakrådet har nytt datum: 12 september 2024.", DATE, TRAP),
    (HELD + " OBS! Datumet är ändrat.", DATE, TRAP),
    (HELD + " Rättelse 2024-09-12: Sakrådet hölls den 11 september 2024.", DATE, TRAP),
    (HELD + "\n\nDatumet har inte ändrats.", DATE, TRUE),
    (HELD + "\n\nDatumet för nästa sakråd har ändrats till den 3 oktober 2024.", DATE, TRUE),
    (HELD + " Anmälan senast den 3 september 2024.", DATE, TRUE),
    # a span of days: its end day is not the meeting's date, its first day only with days
    ("Sakrådet pågick från den 9 till den 10 september 2024.", DATE, TRAP),
    ("Sakrådet hölls från den 9 september 2024 till den 10 september 2024.", DATE, TRAP),
    ("Sakrådet hölls den 9 september 2024 t.o.m. den 10 september 2024.", DATE, TRAP),
    ("Sakrådet pågick från den 9 september 2024 kl. 22 till den 10 september 2024 kl. 02.", DATE, TRAP),
    ("The meeting was held from 9 to 10 September 2024.", DATE, TRAP),
    ("Sakrådet hölls den 10 september 2024 till den 11 september 2024.", DATE, TRAP),
    ("Sakrådet hölls den 10 september 2024 kl. 13 till 15.", DATE, TRUE),
    ("Sakrådet flyttades från den 3 september till den 10 september 2024 och hölls då i Rosenbad.", DATE, TRUE),
]

PLACES = [
    (PLACE, MALMO, TRUE),
    (PLACE + "\n\nRättelse: Sakrådet hölls i Lund, inte i Malmö som tidigare angavs.", MALMO, TRAP),
    (PLACE + "\n\nSakrådet hölls i Lund.", MALMO, TRAP),
    (PLACE + "\n\nUppdatering: Platsen har ändrats till Lund.", MALMO, TRAP),
    (PLACE + "\n\nNy plats: Lund.", MALMO, TRAP),
    (PLACE + "\n\nThe venue has been changed.", MALMO, TRAP),
    (PLACE + "\n\nSakrådet hölls inte i Malmö.", MALMO, TRAP),
    (PLACE + "\n\nRättelse: Sakrådet hölls i Malmö, inte i Lund.", MALMO, TRUE),
    (PLACE + "\n\nPlatsen har ändrats till Malmö.", MALMO, TRUE),
    (PLACE + "\n\nNästa sakråd hålls i Lund.", MALMO, TRUE),
    (PLACE + " Sakrådet är en ny plats för dialog.", MALMO, TRUE),
    (HELD + " Sakrådet hölls i Malmö och Rosenbad i Stockholm var stängt.", MALMO, TRUE),
    (PLACE + " Deltagare kom från Lund och Umeå.", MALMO, TRUE),
]

CHAIRS = [
    (CHAIRED, BRANDBERG, TRUE),
    (CHAIRED + "\n\nRättelse: Sakrådet leddes inte av Paulina Brandberg utan av Jakob Forssmed.", BRANDBERG, TRAP),
    (CHAIRED + "\n\nSakrådet leddes inte av Paulina Brandberg.", BRANDBERG, TRAP),
    (CHAIRED + "\n\nOrdföranden har bytts ut.", BRANDBERG, TRAP),
    (CHAIRED + "\n\nCorrection: the meeting was chaired by Jakob Forssmed.", BRANDBERG, TRAP),
    (CHAIRED + "\n\nRättelse: Sakrådet leddes av Paulina Brandberg, inte av Jakob Forssmed.", BRANDBERG, TRUE),
    (CHAIRED + " Paulina Brandberg kunde inte leda sakrådet; i stället leddes det av Jakob Forssmed.", BRANDBERG, TRAP),
    (CHAIRED + " Jakob Forssmed ledde inte sakrådet.", BRANDBERG, TRUE),
]

ORGANISERS = [
    (ORGANISED, SOCIAL, TRUE),
    (
        ORGANISED + "\n\nRättelse: Sakrådet anordnades av Justitiedepartementet, inte av Socialdepartementet.",
        SOCIAL,
        TRAP,
    ),
    (ORGANISED + "\n\nArrangören har ändrats.", SOCIAL, TRAP),
    (
        ORGANISED + "\n\nCorrection: the meeting was organised by the Ministry of Justice, as previously stated.",
        SOCIAL,
        TRAP,
    ),
    (ORGANISED + "\n\nSakrådet anordnades inte av Socialdepartementet.", SOCIAL, TRAP),
    (
        ORGANISED + "\n\nRättelse: Sakrådet anordnades av Socialdepartementet, inte av Justitiedepartementet.",
        SOCIAL,
        TRUE,
    ),
]


@pytest.mark.parametrize(("text", "facts", "accepted"), DATES + PLACES + CHAIRS + ORGANISERS)
def test_a_fact_taken_back_elsewhere_is_not_stated(tmp_path: Path, text: str, facts: str, accepted: bool) -> None:
    if not facts.startswith("date:"):
        facts = DATE + facts
    found = _findings(tmp_path, text, facts)
    if accepted:
        assert found == [], f"{text!r} states {facts!r}, but: {found}"
    else:
        assert found, f"{text!r} takes {facts!r} back elsewhere, and it was accepted"


def test_a_meeting_of_several_days_is_dated_by_its_first(tmp_path: Path) -> None:
    facts = DATE + "days:\n  - 2024-09-10\n  - 2024-09-11\n"
    text = "Sakrådet hölls från den 10 september 2024 till den 11 september 2024."
    found = _findings(tmp_path, text, facts)
    assert [f for f in found if "compares no days" not in f] == [], found
