"""What a kept text's sentence states of a count, a place and an organiser (counted.py, placed.py,
organised.py): a count after "jämfört med" is another time's; "Deltagare: 35 personer",
"Antalet deltagare var 35" and "14 organisationer var representerade" count those who took part; a place
in a clause with its own verb and no word of holding ("…, men organisationerna satt i Malmö") is not
where the meeting was held, nor a place where another event was held with adverbials between its verb
and its subject ("I Stockholm hölls i stället ett seminarium"), nor a place in a relative clause of
another time ("som brukar hållas i Göteborg"); "inte av A utan av B", "Det var A som anordnade" and
"Arrangör: A" name the organiser. Each row goes through the loader and its warnings: (kept text, the
meeting's facts, accepted)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_sentences_roles_counts import HELD, TRAP, TRUE, _count, _findings, _place

OC, PC = "organisation_count", "participant_count"


def _organiser(body: str) -> str:
    return f"organiser: {body}\n"


COMPARED = [
    (HELD + "I år deltog 25 organisationer, jämfört med 40 organisationer förra året.",
     _count(OC, "40 organisationer", 40), TRAP),
    (HELD + "I år deltog 25 organisationer, jämfört med 40 organisationer förra året.",
     _count(OC, "25 organisationer", 25), TRUE),
    (HELD + "Sakrådet samlade 30 deltagare, jämfört med 45 deltagare i fjol.", _count(PC, "45 deltagare", 45), TRAP),
    (HELD + "Sakrådet samlade 30 deltagare, jämfört med 45 deltagare i fjol.", _count(PC, "30 deltagare", 30), TRUE),
    (HELD + "25 organisationer deltog, att jämföra med 40 organisationer i genomsnitt.",
     _count(OC, "40 organisationer", 40), TRAP),
    (HELD + "Jämfört med 40 organisationer förra året deltog i år 25 organisationer.",
     _count(OC, "40 organisationer", 40), TRAP),
    (HELD + "25 organisations attended, compared with 40 organisations last year.",
     _count(OC, "40 organisations", 40), TRAP),
    (HELD + "Sakrådet samlade 30 deltagare, i jämförelse med 45 deltagare vid det förra sakrådet.",
     _count(PC, "45 deltagare", 45), TRAP),
]  # fmt: skip

LABELS = [
    (HELD + "Deltagare: ca 35 personer.", _count(PC, "ca 35 personer", 35, "approximate: true"), TRUE),
    (HELD + "Deltagare: 35 personer.", _count(PC, "35 personer", 35), TRUE),
    (HELD + "\n\nAntal deltagare: 35 personer", _count(PC, "35 personer", 35), TRUE),
    (HELD + "Antalet deltagare var 35 personer.", _count(PC, "35 personer", 35), TRUE),
    (HELD + "Number of participants: 35 people.", _count(PC, "35 people", 35), TRUE),
    (HELD + "Antal inbjudna: 35 personer.", _count(PC, "35 personer", 35), TRAP),
    (HELD + "Antalet deltagare var 35 personer förra året.", _count(PC, "35 personer", 35), TRAP),
    (HELD + "Lokalen: 35 personer.", _count(PC, "35 personer", 35), TRAP),
]

REPRESENTED = [
    (HELD + "14 organisationer var representerade.", _count(OC, "14 organisationer", 14), TRUE),
    (HELD + "Totalt var 14 organisationer representerade vid sakrådet.", _count(OC, "14 organisationer", 14), TRUE),
    (HELD + "14 organisations were represented.", _count(OC, "14 organisations", 14), TRUE),
    (HELD + "14 organisationer var inte representerade.", _count(OC, "14 organisationer", 14), TRAP),
    (HELD + "14 organisationer var representerade i arbetsgruppen.", _count(OC, "14 organisationer", 14), TRAP),
    (HELD + "14 organisationer ska vara representerade.", _count(OC, "14 organisationer", 14), TRAP),
]

OTHER_CLAUSES = [
    (HELD + "Sakrådet hölls digitalt, men flera organisationer satt samlade i Malmö.", _place("Malmö"), TRAP),
    (HELD + "Sakrådet hölls digitalt, men organisationerna möttes i Malmö efteråt.", _place("Malmö"), TRAP),
    (HELD + "Sakrådet hölls i Rosenbad, och organisationerna bjöds på lunch i Malmö.", _place("Malmö"), TRAP),
    (HELD + "Sakrådet hölls i Rosenbad, och organisationerna bjöds på lunch i Malmö.", _place("Rosenbad"), TRUE),
    (HELD + "Sakrådet hölls digitalt, men deltagarna åt lunch tillsammans i Umeå.", _place("Umeå"), TRAP),
    (HELD + "Sakrådet hölls i Umeå, men ministern deltog från Stockholm.", _place("Umeå"), TRUE),
    (HELD + "Sakrådet hölls digitalt, men ministern satt i Stockholm.", _place("Stockholm"), TRAP),
    (HELD + "The meeting was held online, but the organisations met in Malmö.", _place("Malmö"), TRAP),
    (HELD + "Sakrådet hölls i Malmö och leddes av ministern.", _place("Malmö"), TRUE),
    (HELD + "Sakrådet hölls digitalt, men mötet i Malmö samlade flera organisationer.", _place("Malmö"), TRUE),
]

OTHER_EVENTS_LATER = [
    (HELD + "I Stockholm hölls i stället ett seminarium om demokrati.", _place("Stockholm"), TRAP),
    (HELD + "I Stockholm hölls samma dag ett seminarium om demokrati.", _place("Stockholm"), TRAP),
    (HELD + "I Luleå hölls dessutom en konferens om landsbygden.", _place("Luleå"), TRAP),
    (HELD + "I Luleå hölls på eftermiddagen en workshop för ungdomar.", _place("Luleå"), TRAP),
    ("I Stockholm hölls den 10 september 2024 ett sakråd om demokrati.", _place("Stockholm"), TRUE),
    (HELD + "I Stockholm hölls samma dag sakrådet om demokrati.", _place("Stockholm"), TRUE),
    (HELD + "I Stockholm hölls sakrådet.", _place("Stockholm"), TRUE),
    (HELD + "Den 3 maj hölls i Stockholm en konferens om demokrati.", _place("Stockholm"), TRAP),
    (HELD + "Samma dag hölls i Stockholm en konferens om demokrati.", _place("Stockholm"), TRAP),
    ("Den 10 september 2024 hölls i Stockholm ett sakråd om demokrati.", _place("Stockholm"), TRUE),
    (HELD + "Sakrådet hölls i Stockholm, och i Malmö hölls samma dag en konferens.", _place("Malmö"), TRAP),
    (HELD + "Sakrådet hölls i Stockholm, och i Malmö hölls samma dag en konferens.", _place("Stockholm"), TRUE),
]

RELATIVE_TIMES = [
    (HELD + "Sakrådet, som brukar hållas i Göteborg, hölls i år i Umeå.", _place("Göteborg"), TRAP),
    (HELD + "Sakrådet, som brukar hållas i Göteborg, hölls i år i Umeå.", _place("Umeå"), TRUE),
    (HELD + "Sakrådet, som vanligtvis hålls i Malmö, hölls i år i Luleå.", _place("Malmö"), TRAP),
    (HELD + "Mötet, som förra året hölls i Malmö, hölls i år i Luleå.", _place("Malmö"), TRAP),
    (HELD + "Mötet, som hölls i Malmö, samlade 20 organisationer.", _place("Malmö"), TRUE),
]

SOCIAL, JUSTICE = _organiser("socialdepartementet"), _organiser("justitiedepartementet")
ORGANISERS = [
    (HELD + "Sakrådet anordnades inte av Socialdepartementet utan av Justitiedepartementet.", JUSTICE, TRUE),
    (HELD + "Sakrådet anordnades inte av Socialdepartementet utan av Justitiedepartementet.", SOCIAL, TRAP),
    (HELD + "Sakrådet anordnades inte av Socialdepartementet, utan av Justitiedepartementet.", JUSTICE, TRUE),
    (HELD + "The meeting was not organised by Socialdepartementet but by Justitiedepartementet.", JUSTICE, TRUE),
    (HELD + "Sakrådet anordnades i fjol inte av Socialdepartementet utan av Justitiedepartementet.", JUSTICE, TRAP),
    (HELD + "Sakrådet har inte anordnats av Socialdepartementet utan av Justitiedepartementet.", SOCIAL, TRAP),
    (HELD + "Sakrådet har inte anordnats av Socialdepartementet utan av Justitiedepartementet.", JUSTICE, TRUE),
    (HELD + "Det var Socialdepartementet som anordnade sakrådet.", SOCIAL, TRUE),
    (HELD + "Det var just Socialdepartementet som arrangerade mötet.", SOCIAL, TRUE),
    (HELD + "Det var inte Socialdepartementet som anordnade sakrådet.", SOCIAL, TRAP),
    (HELD + "Det var Socialdepartementet som anordnade förra årets sakråd.", SOCIAL, TRAP),
    (HELD + "\n\nArrangör: Socialdepartementet", SOCIAL, TRUE),
    (HELD + "\n\nOrganiser: Socialdepartementet\n", SOCIAL, TRUE),
    (HELD + "\n\nArrangör: Justitiedepartementet i samarbete med Socialdepartementet", SOCIAL, TRAP),
    (HELD + "\n\nKontakt: Socialdepartementet", SOCIAL, TRAP),
]


@pytest.mark.parametrize(
    ("text", "facts", "accepted"),
    COMPARED + LABELS + REPRESENTED + OTHER_CLAUSES + OTHER_EVENTS_LATER + RELATIVE_TIMES + ORGANISERS,
    ids=lambda v: str(v)[:60] if isinstance(v, str) else None,
)
def test_a_sentence_states_what_it_says_of_this_meeting(tmp_path: Path, text: str, facts: str, accepted: bool) -> None:
    found = _findings(tmp_path, text, facts)
    assert (found == []) is accepted, found
