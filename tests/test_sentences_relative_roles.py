"""What a kept text's sentence states (stated.py, clauses.py): a role in a relative clause
about another meeting ("X, som ledde förra årets sakråd, deltog") is not this meeting's; taking part in
another event named by a definite noun ("deltog i pressträffen efter sakrådet") is not taking part in the
sakråd; a negation after an aside ("deltog, enligt deltagarlistan, inte") denies; a discussion asked for
("efterfrågade en diskussion om") is no discussion held; a question under a heading of questions about
something else ("Frågor om anmälan", "Vanliga frågor") is not one asked at the meeting; a party label
("(KD)") or a relative clause between a name and its verb keeps the person's role; the second person of a
contrast ("inte A …, utan B", "A did not …; B did", "tillsammans med B") holds the role; "Ordf.:" labels
the chair; an invitation sent out by someone ("skickade ut inbjudan", "hade bjudit in") is calling the
sakråd; "På plats fanns", "was among the organisations taking part" and "i år var organisationen på
plats" are taking part. Each row goes through the loader and its warnings: (kept text, the meeting's
facts, accepted)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_sentences_roles_counts import BRANDBERG, FORSSMED, FRYSHUSET, HELD, TAKING_PART, TRAP, TRUE, _findings

CALLED = "conveners:\n  - person: jakob-forssmed\n"
SOCIAL = "conveners:\n  - body: socialdepartementet\n"
AREA = "discussion_areas:\n  - skolans roll\n"
QUESTION = "questions:\n  - Hur anmäler jag mig?\n"

OTHER_MEETING_ROLES = [
    (HELD + "Paulina Brandberg, som ledde förra årets sakråd, deltog också i år.", BRANDBERG, TRAP),
    (HELD + "Paulina Brandberg, som ledde förra årets sakråd, var också med i år.", BRANDBERG, TRAP),
    (HELD + "Jakob Forssmed, som ledde sakrådet i fjol, deltog även i år.", FORSSMED, TRAP),
    (HELD + "Jakob Forssmed, som ledde det förra sakrådet, deltog även denna gång.", FORSSMED, TRAP),
    (HELD + "Jakob Forssmed, som ledde förra årets sakråd, deltog också i år.", TAKING_PART, TRUE),
    (HELD + "Jakob Forssmed, som deltog i förra årets sakråd, ledde sakrådet i år.", FORSSMED, TRUE),
]

OTHER_EVENTS = [
    (HELD + "Jakob Forssmed deltog i pressträffen efter sakrådet.", TAKING_PART, TRAP),
    (HELD + "Jakob Forssmed deltog i middagen efter sakrådet.", TAKING_PART, TRAP),
    (HELD + "Fryshuset deltog i pressträffen efter sakrådet.", FRYSHUSET, TRAP),
    (HELD + "Fryshuset deltog i lunchen före sakrådet.", FRYSHUSET, TRAP),
    (HELD + "Fryshuset deltog i seminariet efter mötet.", FRYSHUSET, TRAP),
    (HELD + "Fryshuset took part in the press conference after the meeting.", FRYSHUSET, TRAP),
    (HELD + "Fryshuset deltog i sakrådet.", FRYSHUSET, TRUE),
    (HELD + "Fryshuset deltog i mötet efter lunch.", FRYSHUSET, TRUE),
    (HELD + "Jakob Forssmed deltog i sakrådet och i pressträffen efteråt.", TAKING_PART, TRUE),
]

ASIDE_NEGATIONS = [
    (HELD + "Fryshuset deltog, enligt deltagarlistan, inte.", FRYSHUSET, TRAP),
    (HELD + "Jakob Forssmed deltog, enligt deltagarlistan, inte.", TAKING_PART, TRAP),
    (HELD + "Fryshuset deltog, som det ser ut, inte.", FRYSHUSET, TRAP),
    (HELD + "Fryshuset deltog, trots inbjudan, inte.", FRYSHUSET, TRAP),
    (HELD + "Fryshuset deltog, enligt deltagarlistan.", FRYSHUSET, TRUE),
    (HELD + "Fryshuset deltog, enligt deltagarlistan, inte bara digitalt.", FRYSHUSET, TRUE),
]

REQUESTED = [
    (HELD + "Organisationerna efterfrågade en diskussion om skolans roll, men den frågan togs inte upp.", AREA, TRAP),
    (HELD + "Organisationerna efterfrågade en diskussion om skolans roll.", AREA, TRAP),
    (HELD + "Fryshuset önskade en diskussion om skolans roll.", AREA, TRAP),
    (HELD + "Organisationerna bad om en diskussion om skolans roll.", AREA, TRAP),
    (HELD + "The organisations asked for a discussion about skolans roll.", AREA, TRAP),
    (HELD + "Vid sakrådet diskuterades skolans roll.", AREA, TRUE),
    (HELD + "Organisationerna efterfrågade en diskussion. Vid sakrådet diskuterades sedan skolans roll.", AREA, TRUE),
    (HELD + "Fryshuset ledde en diskussion om skolans roll.", AREA, TRUE),
]

QUESTION_HEADINGS = [
    (HELD + "\n\nFrågor om anmälan:\n\n- Hur anmäler jag mig?", QUESTION, TRAP),
    (HELD + "\n\nVanliga frågor\n\n- Hur anmäler jag mig?", QUESTION, TRAP),
    (HELD + "\n\nFrågor om anmälan besvaras av Jakob Forssmed.\n\nHur anmäler jag mig? Via formuläret.", QUESTION,
     TRAP),
    (HELD + "\n\nFrequently asked questions\n\n- Hur anmäler jag mig?", QUESTION, TRAP),
    (HELD + "\n\nFAQ\n\n- Hur anmäler jag mig?", QUESTION, TRAP),
    (HELD + "\n\nFrågor som ställdes vid sakrådet:\n\n- Hur anmäler jag mig?", QUESTION, TRUE),
]  # fmt: skip

LABELS_BETWEEN = [
    (HELD + "Socialminister Jakob Forssmed (KD) inledde sakrådet.", TAKING_PART, TRUE),
    (HELD + "Även Jakob Forssmed, som hade en resa inplanerad samma dag, deltog.", TAKING_PART, TRUE),
    (HELD + "Jakob Forssmed (KD) deltog.", TAKING_PART, TRUE),
    (HELD + "Jakob Forssmed, som har ansvar för frågan, deltog.", TAKING_PART, TRUE),
    (HELD + "Paulina Brandberg (L) ledde sakrådet.", BRANDBERG, TRUE),
    (HELD + "Paulina Brandberg, som är jämställdhetsminister, ledde sakrådet.", BRANDBERG, TRUE),
    (HELD + "Jakob Forssmed (KD) bjöd in till sakrådet.", CALLED, TRUE),
    (HELD + "Jakob Forssmed, som ansvarar för frågan, bjöd in till sakrådet.", CALLED, TRUE),
    (HELD + "Även socialminister Jakob Forssmed (KD) deltog.", TAKING_PART, TRUE),
    (HELD + "Jakob Forssmed (S) deltog i sakrådet.", TAKING_PART, TRUE),
    (HELD + "Jakob Forssmed (KD) deltog inte.", TAKING_PART, TRAP),
    (HELD + "Jakob Forssmed, som sedan 2022 är socialminister, ledde sakrådet.", FORSSMED, TRUE),
    (HELD + "Jakob Forssmed, som var inbjuden, ledde inte sakrådet.", FORSSMED, TRAP),
    (HELD + "Paulina Brandberg (L) ledde inte sakrådet.", BRANDBERG, TRAP),
    (HELD + "Jakob Forssmed, som har ansvar för frågan, deltog inte.", TAKING_PART, TRAP),
    (HELD + "Paulina Brandberg, som är jämställdhetsminister, deltog.", BRANDBERG, TRAP),
]

CONTRASTS = [
    (HELD + "Det var inte Paulina Brandberg som ledde sakrådet, utan Jakob Forssmed.", FORSSMED, TRUE),
    (HELD + "Det var inte Paulina Brandberg som ledde sakrådet, utan Jakob Forssmed.", BRANDBERG, TRAP),
    (HELD + "Paulina Brandberg did not chair the meeting; Jakob Forssmed did.", FORSSMED, TRUE),
    (HELD + "Paulina Brandberg did not chair the meeting; Jakob Forssmed did.", BRANDBERG, TRAP),
    (HELD + "Paulina Brandberg ledde inte sakrådet, men Jakob Forssmed gjorde det.", FORSSMED, TRUE),
    (HELD + "Paulina Brandberg ledde sakrådet, men Jakob Forssmed gjorde det inte.", FORSSMED, TRAP),
    (HELD + "Paulina Brandberg chaired the meeting; Jakob Forssmed did not.", FORSSMED, TRAP),
    (HELD + "Paulina Brandberg höll i mötet tillsammans med Jakob Forssmed.", FORSSMED, TRUE),
    (HELD + "Paulina Brandberg ledde sakrådet tillsammans med Jakob Forssmed.", FORSSMED, TRUE),
    (HELD + "Paulina Brandberg ledde sakrådet tillsammans med Jakob Forssmed.", BRANDBERG, TRUE),
]

ABBREVIATED = [
    ("Sakrådet hölls den 10 september 2024.\n\nOrdf.: Paulina Brandberg\n\nSekr.: Jakob Forssmed", BRANDBERG, TRUE),
    ("Sakrådet hölls den 10 september 2024.\n\nOrdf.: Paulina Brandberg\n\nSekr.: Jakob Forssmed", FORSSMED, TRAP),
    ("Sakrådet hölls den 10 september 2024.\n\nOrdf: Paulina Brandberg", BRANDBERG, TRUE),
]  # fmt: skip

INVITATIONS = [
    (HELD + "Inbjudan till sakrådet skickades ut av Socialdepartementet.", SOCIAL, TRUE),
    (HELD + "Socialdepartementet skickade ut inbjudan till sakrådet.", SOCIAL, TRUE),
    (HELD + "Jakob Forssmed hade bjudit in organisationerna till sakrådet.", CALLED, TRUE),
    (HELD + "Jakob Forssmed had invited the organisations to the meeting.", CALLED, TRUE),
    (HELD + "Socialdepartementet skickade inte ut inbjudan till sakrådet.", SOCIAL, TRAP),
    (HELD + "Jakob Forssmed hade inte bjudit in organisationerna till sakrådet.", CALLED, TRAP),
    (HELD + "Socialdepartementet skickade ut inbjudan till konferensen.", SOCIAL, TRAP),
]

PRESENT_ONES = [
    (HELD + "På plats från departementet fanns Jakob Forssmed.", TAKING_PART, TRUE),
    (HELD + "Fryshuset was among the organisations taking part.", FRYSHUSET, TRUE),
    (HELD + "Fryshuset deltog inte förra året, men i år var organisationen på plats.", FRYSHUSET, TRUE),
    (HELD + "Fryshuset deltog inte i fjol, men i år deltog organisationen.", FRYSHUSET, TRUE),
    (HELD + "På plats fanns även Jakob Forssmed.", TAKING_PART, TRUE),
    (HELD + "På plats fanns inte Jakob Forssmed.", TAKING_PART, TRAP),
    (HELD + "Fryshuset was among the organisations invited.", FRYSHUSET, TRAP),
    (HELD + "Fryshuset deltog förra året, men i år var organisationen inte på plats.", FRYSHUSET, TRAP),
]


@pytest.mark.parametrize(
    ("text", "facts", "accepted"),
    OTHER_MEETING_ROLES + OTHER_EVENTS + ASIDE_NEGATIONS + REQUESTED + QUESTION_HEADINGS + LABELS_BETWEEN
    + CONTRASTS + ABBREVIATED + INVITATIONS + PRESENT_ONES,
    ids=lambda v: str(v)[:60] if isinstance(v, str) else None,
)  # fmt: skip
def test_a_sentence_states_what_it_says_of_this_meeting(tmp_path: Path, text: str, facts: str, accepted: bool) -> None:
    found = _findings(tmp_path, text, facts)
    assert (found == []) is accepted, found
