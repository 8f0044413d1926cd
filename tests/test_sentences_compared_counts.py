"""What a kept text's sentence states (stated.py, clauses.py): a count compared with another
time's ("compared with 40 organisations last year", "mot 40 organisationer förra året") keeps this time's
count, the other time governing only the comparison's part; a relative clause opened by "som" is no
comparison, so its words of another time ("som brukar leda sakråden", "som ledde förra årets sakråd") keep
what it says from this meeting; an indefinite event held with adverbials between its word of holding and
its subject ("hölls i stället ett seminarium", "hölls samma dag en konferens") lends this meeting neither
its date nor its count. Each row goes through the loader and its warnings: (kept text, the meeting's facts,
accepted)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_sentences_roles_counts import (
    BRANDBERG,
    FORSSMED,
    FRYSHUSET,
    HELD,
    TAKING_PART,
    TRAP,
    TRUE,
    _count,
    _date,
    _findings,
    _place,
)

OC, PC = "organisation_count", "participant_count"
AREA = "discussion_areas:\n  - skolans roll\n"


COMPARED = [
    (HELD + "25 organisations attended, compared with 40 organisations last year.",
     _count(OC, "25 organisations", 25), TRUE),
    (HELD + "25 organisations attended, compared with 40 organisations last year.",
     _count(OC, "40 organisations", 40), TRAP),
    (HELD + "Sakrådet samlade 25 organisationer mot 40 organisationer förra året.",
     _count(OC, "25 organisationer", 25), TRUE),
    (HELD + "Sakrådet samlade 25 organisationer mot 40 organisationer förra året.",
     _count(OC, "40 organisationer", 40), TRAP),
    (HELD + "30 participants attended, compared to 45 participants last year.",
     _count(PC, "30 participants", 30), TRUE),
    (HELD + "30 participants attended, compared to 45 participants last year.",
     _count(PC, "45 participants", 45), TRAP),
    (HELD + "Sakrådet samlade 30 deltagare mot 45 deltagare i fjol.", _count(PC, "30 deltagare", 30), TRUE),
    (HELD + "Sakrådet samlade 30 deltagare mot 45 deltagare i fjol.", _count(PC, "45 deltagare", 45), TRAP),
    (HELD + "Sakrådet samlade 30 deltagare, jämfört med 45 deltagare förra året.", _count(PC, "30 deltagare", 30), TRUE),
    (HELD + "Sakrådet samlade 30 deltagare förra året.", _count(PC, "30 deltagare", 30), TRAP),
    (HELD + "Fryshuset deltog, compared with last year.", FRYSHUSET, TRUE),
    (HELD + "Fryshuset deltog förra året.", FRYSHUSET, TRAP),
]  # fmt: skip

RELATIVE = [
    (HELD + "Paulina Brandberg, som brukar leda sakråden, deltog.", BRANDBERG, TRAP),
    (HELD + "Jakob Forssmed, som brukade leda sakråden, deltog i år.", FORSSMED, TRAP),
    (HELD + "Jakob Forssmed, som vanligtvis leder sakråden, deltog i år.", FORSSMED, TRAP),
    (HELD + "Jakob Forssmed, som brukar leda sakråden, deltog.", TAKING_PART, TRUE),
    (HELD + "Jakob Forssmed, som ledde sakrådet, deltog.", FORSSMED, TRUE),
    (HELD + "Sakrådet, som brukar samla 40 organisationer, samlade i år 25 organisationer.",
     _count(OC, "40 organisationer", 40), TRAP),
    (HELD + "Sakrådet, som förra året samlade 40 organisationer, samlade i år 25 organisationer.",
     _count(OC, "40 organisationer", 40), TRAP),
    (HELD + "Sakrådet, som brukar samla 40 organisationer, samlade i år 25 organisationer.",
     _count(OC, "25 organisationer", 25), TRUE),
    (HELD + "Sakrådet, som samlade 25 organisationer, leddes av ministern.", _count(OC, "25 organisationer", 25), TRUE),
    ("Sakrådet, som brukar hållas den 3 maj, hölls i år den 10 september 2024.", _date("2024-05-03"), TRAP),
    ("Sakrådet, som förra året hölls den 3 maj 2024, hölls i år den 10 september 2024.", _date("2024-05-03"), TRAP),
    ("Sakrådet, som brukar hållas den 3 maj, hölls i år den 10 september 2024.", _date("2024-09-10"), TRUE),
    (HELD + "Fryshuset, som brukar delta, kom inte i år.", FRYSHUSET, TRAP),
    (HELD + "Fryshuset, som förra året uteblev, deltog i år.", FRYSHUSET, TRUE),
    (HELD + "Som förra året deltog Fryshuset.", FRYSHUSET, TRUE),
    (HELD + "Sakrådet, som brukar diskutera skolans roll, handlade i år om bostäder.", AREA, TRAP),
    (HELD + "Sakrådet, som diskuterade skolans roll, samlade många.", AREA, TRUE),
    (HELD + "Mötet, som brukar hållas i Malmö, hölls i år i Luleå.", _place("Malmö"), TRAP),
    (HELD + "Sakrådet, som förra året diskuterade skolans roll, handlade i år om bostäder.", AREA, TRAP),
    (HELD + "Liksom förra året diskuterades skolans roll.", AREA, TRUE),
    (HELD + "Samma organisationer som förra året deltog, bland dem Fryshuset.", FRYSHUSET, TRUE),
]  # fmt: skip

HELD_LATER = [
    (HELD + "Samma dag hölls i stället ett seminarium med 40 organisationer.", _count(OC, "40 organisationer", 40), TRAP),
    (HELD + "Dagen efter hölls dessutom en konferens med 40 deltagare.", _count(PC, "40 deltagare", 40), TRAP),
    ("Den 10 september 2024 hölls sakrådet. Den 3 maj 2024 hölls i stället ett seminarium.", _date("2024-05-03"), TRAP),
    ("Det hölls i stället ett seminarium den 3 maj 2024.", _date("2024-05-03"), TRAP),
    (HELD + "Den 11 september hölls på eftermiddagen en workshop där Fryshuset deltog.", FRYSHUSET, TRAP),
    (HELD + "Sakrådet hölls samma dag som seminariet och samlade 40 organisationer.", _count(OC, "40 organisationer", 40), TRUE),
    ("Den 10 september 2024 hölls i Stockholm ett sakråd där 40 organisationer deltog.", _count(OC, "40 organisationer", 40), TRUE),
    ("Den 3 maj 2024 hölls sakrådet.", _date("2024-05-03"), TRUE),
    ("Det hölls samma dag en konferens om demokrati den 3 maj 2024.", _date("2024-05-03"), TRAP),
    ("Det hölls dessutom ett seminarium den 3 maj 2024.", _date("2024-05-03"), TRAP),
    ("Det hölls ett sakråd den 3 maj 2024.", _date("2024-05-03"), TRUE),
    (HELD + "Samma dag hölls dessutom en konferens där 40 organisationer deltog.",
     _count(OC, "40 organisationer", 40), TRAP),
    (HELD + "Efteråt hölls på kvällen en middag där 40 deltagare deltog.", _count(PC, "40 deltagare", 40), TRAP),
    (HELD + "Sakrådet samlade 40 deltagare, och samma dag hölls en konferens.", _count(PC, "40 deltagare", 40), TRUE),
    ("Den 3 maj 2024 hölls på eftermiddagen sakrådet.", _date("2024-05-03"), TRUE),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "facts", "accepted"),
    COMPARED + RELATIVE + HELD_LATER,
    ids=lambda v: str(v)[:60] if isinstance(v, str) else None,
)
def test_a_sentence_states_what_it_says_of_this_meeting(tmp_path: Path, text: str, facts: str, accepted: bool) -> None:
    found = _findings(tmp_path, text, facts)
    assert (found == []) is accepted, found
