"""A table's row and a list's item are sentences of their own, about the event their label names
(stated.py): "| Seminariet | Famna |" or "- Seminariet: Famna deltog" is about the seminar, not this
meeting, for a date, a participant and a discussion area alike; a row whose first cell is a fact's label
(HELD_THERE + "| Datum | 10 september 2024 |") reads as "Datum: 10 september 2024"; an item "Sakrådet: Fryshuset"
under "Deltagare:" names a participant. A quotation opening after a stop is a sentence of its own. An
organisation another sentence says did not take part ("Famna deltog dock inte", "lämnade återbud") is no
participant, and an area another sentence says was not discussed is no discussion area. Each row goes
through the loader and its warnings: (kept text, the meeting's facts, accepted)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_sentences_roles_counts import DATE, HELD, _date, _findings

TRUE, TRAP = True, False
FAMNA = "organisations:\n  - famna\n"
FRYSHUSET = "organisations:\n  - fryshuset\n"
BOTH = "organisations:\n  - famna\n  - fryshuset\n"
AREA = "discussion_areas:\n  - skolans roll\n"
ON_DATE = _date(DATE)
#: a sentence saying the meeting was held, with no day, before a table that gives the day
HELD_THERE = "Sakrådet hölls i Stockholm.\n\n"

TABLES = [
    (HELD_THERE + "| Händelse | Datum |\n|---|---|\n| Seminarium | 10 september 2024 |\n| Sakrådet | 11 september 2024 |\n",
     ON_DATE, TRAP),
    (HELD_THERE + "| Händelse | Datum |\n|---|---|\n| Sakrådet | 11 september 2024 |\n| Seminariet | 10 september 2024 |\n",
     ON_DATE, TRAP),
    (HELD_THERE + "| Händelse | Datum |\n|---|---|\n| Seminarium | 11 september 2024 |\n| Sakrådet | 10 september 2024 |\n",
     ON_DATE, TRUE),
    (HELD_THERE + "| Uppgift | Värde |\n|---|---|\n| Datum | 10 september 2024 |\n| Plats | Stockholm |\n", ON_DATE, TRUE),
    (HELD_THERE + "| Datum | 10 september 2024 |\n", ON_DATE, TRUE),
    (HELD + "\n\n| Händelse | Deltagare |\n|---|---|\n| Seminariet | Famna |\n| Sakrådet | Fryshuset |\n", FAMNA, TRAP),
    (HELD + "\n\n| Händelse | Deltagare |\n|---|---|\n| Seminariet | Famna |\n| Sakrådet | Fryshuset |\n",
     FRYSHUSET, TRUE),
    (HELD + "\n\n| Händelse | Diskuterades |\n|---|---|\n| Seminariet | skolans roll |\n| Sakrådet | vårdens roll |\n",
     AREA, TRAP),
]  # fmt: skip

ITEMS = [
    (HELD + "\n\n- Seminariet: Famna deltog\n- Sakrådet: Fryshuset deltog\n", FAMNA, TRAP),
    (HELD + "\n\n- Seminariet: Famna deltog\n- Sakrådet: Fryshuset deltog\n", FRYSHUSET, TRUE),
    (HELD + "\n\nDeltagare:\n\n- Seminariet: Famna\n- Sakrådet: Fryshuset\n", FAMNA, TRAP),
    (HELD + "\n\nDeltagare:\n\n- Seminariet: Famna\n- Sakrådet: Fryshuset\n", FRYSHUSET, TRUE),
    (HELD + "\n\nDiskuterades:\n\n- Seminariet: skolans roll\n- Sakrådet: vårdens roll\n", AREA, TRAP),
    (HELD + "\n\nDeltagare:\n\n- Famna\n- Fryshuset\n", FAMNA, TRUE),
    (HELD + "\n\n- Konferensen: Famna deltog\n- Sakrådet: Fryshuset deltog\n", FAMNA, TRAP),
    (HELD + "\n\n- Seminar: Famna took part\n- Consultation: Fryshuset took part\n", FAMNA, TRAP),
    (HELD + "\n\n- Sakrådet: Famna deltog\n", FAMNA, TRUE),
]  # fmt: skip

QUOTES = [
    ("Den 10 september 2024 deltog ett tiotal representanter från olika civilsamhällesorganisationer på ett sakråd "
     "om testfrågor. ”Mötet hölls i god anda”, säger Martin Andreasson.", ON_DATE, TRUE),
    ("Den 10 september 2024 deltog ett tiotal representanter från olika civilsamhällesorganisationer på ett sakråd "
     'om testfrågor. "Mötet hölls i god anda", säger Martin Andreasson.', ON_DATE, TRUE),
    (HELD + "Famna deltog. ”Mötet hölls i god anda”, säger Martin Andreasson.", ON_DATE + FAMNA, TRUE),
    (HELD + 'Famna deltog. "Mötet hölls i god anda", säger Martin Andreasson.', ON_DATE + FAMNA, TRUE),
    (HELD + "Famna deltog. «Mötet hölls i god anda», säger Martin Andreasson.", ON_DATE + FAMNA, TRUE),
]  # fmt: skip

NOT_TAKING_PART = [
    (HELD + "Famna och Fryshuset deltog i sakrådet.", BOTH, TRUE),
    (HELD + "Famna och Fryshuset deltog i sakrådet. Famna deltog dock inte.", FAMNA, TRAP),
    (HELD + "Famna och Fryshuset deltog i sakrådet. Famna deltog dock inte.", FRYSHUSET, TRUE),
    (HELD + "Famna och Fryshuset deltog. Famna lämnade dock återbud.", FAMNA, TRAP),
    (HELD + "Famna och Fryshuset deltog. Famna avstod från att delta.", FAMNA, TRAP),
    (HELD + "Famna och Fryshuset deltog. Famna var frånvarande.", FAMNA, TRAP),
    (HELD + "Famna och Fryshuset deltog. Famna kunde inte närvara.", FAMNA, TRAP),
    (HELD + "Famna och Fryshuset deltog. Famna uteblev.", FAMNA, TRAP),
    (HELD + "Famna and Fryshuset took part. Famna did not attend.", FAMNA, TRAP),
    (HELD + "Famna and Fryshuset took part. Famna declined.", FAMNA, TRAP),
    (HELD + "Deltagande organisationer:\n\n- Famna\n- Fryshuset\n\nFamna lämnade återbud och deltog inte.", FAMNA, TRAP),
    (HELD + "Famna och Fryshuset deltog. Famna drog sig dock ur.", FAMNA, TRAP),
    (HELD + "Famna och Fryshuset deltog. Famna hoppade av i sista stund.", FAMNA, TRAP),
    (HELD + "Famna and Fryshuset took part. Famna withdrew before the meeting.", FAMNA, TRAP),
    (HELD + "Famna and Fryshuset took part. Famna was unable to attend.", FAMNA, TRAP),
    (HELD + "Famna och Fryshuset deltog. Famna har inte deltagit tidigare.", FAMNA, TRUE),
    (HELD + "Famna och Fryshuset deltog. Famna deltog också i fjol.", FAMNA, TRUE),
    (HELD + "Famna och Fryshuset deltog. Rädda Barnen deltog inte.", FAMNA, TRUE),
    (HELD + "Famna och Fryshuset deltog. Famna deltog dock inte i seminariet.", FAMNA, TRUE),
    (HELD + "Famna och Fryshuset deltog. Famna deltog inte i fjol.", FAMNA, TRUE),
    (HELD + "Famna och Fryshuset deltog. Famna bjöds också in till nästa sakråd.", FAMNA, TRUE),
]  # fmt: skip

NOT_DISCUSSED = [
    (HELD + "Under sakrådet diskuterades skolans roll.", AREA, TRUE),
    (HELD + "Under sakrådet diskuterades skolans roll.\n\nRättelse: skolans roll diskuterades inte under sakrådet.",
     AREA, TRAP),
    (HELD + "Under sakrådet diskuterades skolans roll. Skolans roll togs dock aldrig upp.", AREA, TRAP),
    (HELD + "Under sakrådet diskuterades skolans roll. Vårdens roll diskuterades inte.", AREA, TRUE),
    (HELD + "Under sakrådet diskuterades skolans roll. Skolans roll diskuterades inte på seminariet.", AREA, TRUE),
    (HELD + "Under sakrådet diskuterades skolans roll. Skolans roll diskuterades inte vid förra sakrådet.", AREA, TRUE),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "facts", "accepted"),
    TABLES + ITEMS + QUOTES + NOT_TAKING_PART + NOT_DISCUSSED,
    ids=lambda v: str(v)[:60] if isinstance(v, str) else None,
)
def test_a_row_an_item_and_another_sentence_state_what_they_say(
    tmp_path: Path, text: str, facts: str, accepted: bool
) -> None:
    found = _findings(tmp_path, text, facts)
    assert (found == []) is accepted, found


def test_the_refusal_quotes_the_sentence_saying_it_did_not_take_part(tmp_path: Path) -> None:
    found = _findings(tmp_path, HELD + "Famna och Fryshuset deltog i sakrådet. Famna deltog dock inte.", FAMNA)
    assert len(found) == 1, found
    assert "another sentence says it did not: 'famna deltog dock inte.'" in found[0], found


def test_the_refusal_names_the_other_events_label(tmp_path: Path) -> None:
    found = _findings(tmp_path, HELD + "\n\n- Seminariet: Famna deltog\n- Sakrådet: Fryshuset deltog\n", FAMNA)
    assert len(found) == 1, found
    assert "is about another event (its label 'seminariet')" in found[0], found
