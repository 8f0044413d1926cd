"""What a kept text's sentence states of a meeting's counts (counted.py, clauses.py): a count
counts those who took part only where nothing else governs its number. Its noun may be of something else
("1 200 medlemmar", "300 lokalavdelningar"), what those who took part represent or have ("representerar
200 000 medlemmar"), a group's size ("i grupper om 10 deltagare"), each one's share ("Varje organisation
deltog med två personer"), a capacity or a waiting list ("begränsat till 40", "Max antal deltagare: 45",
"på väntelistan"), the whole of a part with a genitive ("25 av nätverkets 300"), people counted as
organisations ("Av deltagarna kom 12"), one group whose name follows the count's words ("Elva personer
från Regeringskansliet"), or one part of the meeting ("vid sakrådets första del"). A range's low end
("Mellan 30 och 40") is no count; "uppskattningsvis" rounds and "långt ifrån" bounds a number; "torde" and
"måste ha" doubt, habits ("normalt", "varje år", "i genomsnitt", "Som mest har") and another event named
by an adjective or a definite noun ("i den efterföljande middagen", "i studiebesöket", "in the follow-up
workshop") are not this meeting's. The other side: "inte förrän" denies nothing but what stands between its words ("hölls inte i Malmö förrän i december"), a table row's label
cell names those who took part ("| Antal deltagare | 45 |"), "45 deltagare från 20 organisationer" counts
the organisations that took part. Each row goes through the loader and its warnings: (kept text, the
meeting's facts, accepted)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_sentences_roles_counts import FRYSHUSET, HELD, TRAP, TRUE, _count, _date, _findings

OC, PC = "organisation_count", "participant_count"
APPROX, AT_LEAST, AT_MOST = "approximate: true", "bound: at-least", "bound: at-most"
DAY = _date("2024-09-10")


#: The number's noun, or the verb or preposition governing it, makes it a count of something else.
OTHER_THINGS = [
    (HELD + "I sakrådet deltog organisationer som tillsammans har 1 200 medlemmar.", _count(PC, '"1 200"', 1200), TRAP),
    (HELD + "De 15 organisationerna som deltog representerar 200 000 medlemmar.", _count(PC, "200 000 medlemmar", 200000), TRAP),
    (HELD + "Deltagande organisationer representerade över 1 200 lokalföreningar.", _count(OC, "1 200 lokalföreningar", 1200, AT_LEAST), TRAP),
    (HELD + "De deltagande förbunden har tillsammans 300 lokalavdelningar.", _count(OC, "300 lokalavdelningar", 300), TRAP),
    (HELD + "The participating organisations represent 5,000 members.", _count(PC, "5,000 members", 5000), TRAP),
    (HELD + "Antalet platser är begränsat till 40 deltagare.", _count(PC, "40 deltagare", 40), TRAP),
    (HELD + "Max antal deltagare: 45", _count(PC, '"45"', 45), TRAP),
    (HELD + "Maximalt antal deltagare: 45", _count(PC, '"45"', 45), TRAP),
    (HELD + "Sakrådet hade 40 deltagare på väntelistan.", _count(PC, "40 deltagare", 40), TRAP),
    (HELD + "40 deltagare stod på reservlistan.", _count(PC, "40 deltagare", 40), TRAP),
    (HELD + "Ytterligare 12 organisationer stod på väntelista.", _count(OC, "12 organisationer", 12), TRAP),
    (HELD + "Sakrådet genomfördes i tre grupper om 10 deltagare.", _count(PC, "10 deltagare", 10), TRAP),
    (HELD + "Deltagarna delades in i grupper med 8 personer i varje.", _count(PC, "8 personer", 8), TRAP),
    (HELD + "Varje organisation deltog med två personer.", _count(PC, "två personer", 2), TRAP),
    (HELD + "Organisationerna deltog med högst två representanter var.", _count(PC, "två representanter", 2, AT_MOST), TRAP),
    (HELD + "Each organisation took part with two people.", _count(PC, "two people", 2), TRAP),
    (HELD + "Fryshuset deltog med två personer.", _count(PC, "två personer", 2), TRAP),
    (HELD + "Famna took part with two people.", _count(PC, "two people", 2), TRAP),
    (HELD + "Regeringen var representerad av tre statsråd.", _count(PC, "tre statsråd", 3), TRAP),
    (HELD + "Sakrådet samlade två organisationer per län.", _count(OC, "två organisationer", 2), TRAP),
    (HELD + "Sakrådet samlade 25 av nätverkets 300 organisationer.", _count(OC, "300 organisationer", 300), TRAP),
    (HELD + "Sakrådet samlade 25 av förbundets 300 medlemsorganisationer.", _count(OC, "300 medlemsorganisationer", 300), TRAP),
    (HELD + "Av deltagarna kom 12 från ideella föreningar.", _count(OC, '"12"', 12), TRAP),
    (HELD + "Elva personer från Regeringskansliet deltog.", _count(PC, "Elva personer", 11), TRAP),
    (HELD + "Sakrådet samlade 30 deltagare från civilsamhället och fem från Regeringskansliet.", _count(PC, "fem", 5), TRAP),
    (HELD + "40 personer deltog vid sakrådets första del och 25 vid den andra.", _count(PC, "40 personer", 40), TRAP),
    (HELD + "40 personer deltog under förmiddagens pass.", _count(PC, "40 personer", 40), TRAP),
    (HELD + "30 organisationer deltog i det andra passet.", _count(OC, "30 organisationer", 30), TRAP),
    (HELD + "Organisationerna som deltog har tillsammans över 1 200 medlemmar.", _count(PC, "1 200 medlemmar", 1200, AT_LEAST), TRAP),
    (HELD + "Deltagarna var uppdelade i fyra grupper med tio personer i varje.", _count(PC, "tio personer", 10), TRAP),
    (HELD + "Från varje organisation deltog två personer.", _count(PC, "två personer", 2), TRAP),
    (HELD + "Seats were limited to 40 participants.", _count(PC, "40 participants", 40), TRAP),
    (HELD + "The meeting had 40 people on the waiting list.", _count(PC, "40 people", 40), TRAP),
    (HELD + "Sakrådet samlade 25 av sina 300 medlemsorganisationer.", _count(OC, "300 medlemsorganisationer", 300), TRAP),
    (HELD + "25 of the network's 300 organisations attended.", _count(OC, "300 organisations", 300), TRAP),
    (HELD + "Av de närvarande kom 12 från ideella föreningar.", _count(OC, '"12"', 12), TRAP),
    (HELD + "Bland deltagarna fanns 12 från ideella föreningar.", _count(OC, '"12"', 12), TRAP),
    (HELD + "Fem personer från Regeringskansliet och 30 från civilsamhället deltog.", _count(PC, '"30"', 30), TRAP),
]  # fmt: skip

#: The other side: counts of those who took part beside the same words.
THOSE_WHO_TOOK_PART = [
    (HELD + "De 15 organisationerna som deltog representerar 200 000 medlemmar.", _count(OC, "15 organisationerna", 15), TRUE),
    (HELD + "14 organisationer var representerade vid sakrådet.", _count(OC, "14 organisationer", 14), TRUE),
    (HELD + "40 medlemmar i nätverket deltog.", _count(PC, "40 medlemmar", 40), TRUE),
    (HELD + "Sakrådet samlade 30 medlemsorganisationer.", _count(OC, "30 medlemsorganisationer", 30), TRUE),
    (HELD + "Antal deltagare: 45", _count(PC, '"45"', 45), TRUE),
    (HELD + "Sakrådet hade 40 deltagare.", _count(PC, "40 deltagare", 40), TRUE),
    (HELD + "Sakrådet samlade 25 av nätverkets 300 organisationer.", _count(OC, '"25"', 25), TRUE),
    (HELD + "Sakrådet samlade 40 organisationer.", _count(OC, "40 organisationer", 40), TRUE),
    (HELD + "Sakrådet hade 45 deltagare från 20 organisationer.", _count(PC, "45 deltagare", 45), TRUE),
    (HELD + "Sakrådet samlade 45 deltagare från hela landet.", _count(PC, "45 deltagare", 45), TRUE),
    (HELD + "Elva personer från Regeringskansliet deltog.", _count(PC, "Elva personer från Regeringskansliet", 11) + "  group: Regeringskansliet\n", TRUE),
    (HELD + "40 personer deltog i sakrådet.", _count(PC, "40 personer", 40), TRUE),
    (HELD + "Sakrådet samlade 40 organisationer, var och en med två representanter.", _count(OC, "40 organisationer", 40), TRUE),
    (HELD + "Sakrådet samlade 40 deltagare i fem grupper.", _count(PC, "40 deltagare", 40), TRUE),
    (HELD + "Sakrådet genomfördes med 40 deltagare.", _count(PC, "40 deltagare", 40), TRUE),
    (HELD + "Sakrådet samlade 40 organisationer från varje län.", _count(OC, "40 organisationer", 40), TRUE),
    (HELD + "40 personer deltog digitalt.", _count(PC, "40 personer", 40), TRUE),
    (HELD + "Sakrådet hölls digitalt och samlade 40 personer.", _count(PC, "40 personer", 40), TRUE),
    (HELD + "Cirka 50 personer deltog på plats och ytterligare 30 digitalt.", _count(PC, "Cirka 50 personer", 50, APPROX), TRUE),
    (HELD + "25 of the network's 300 organisations attended.", _count(OC, '"25"', 25), TRUE),
    (HELD + "Av de 30 deltagande organisationerna kom 12 från Stockholm.", _count(OC, '"12"', 12), TRUE),
    (HELD + "Sakrådet samlade omkring 40 personer från ett 20-tal organisationer.", _count(OC, "ett 20-tal organisationer", 20, APPROX), TRUE),
    (HELD + "Sakrådet samlade omkring 40 personer från ett 20-tal organisationer.", _count(PC, "omkring 40 personer", 40, APPROX), TRUE),
    (HELD + "Sakrådet samlade 30 organisationer med totalt 45 deltagare.", _count(PC, "45 deltagare", 45), TRUE),
    (HELD + "Sakrådet samlade 30 deltagare från konferensens nätverk.", _count(PC, "30 deltagare", 30), TRUE),
]  # fmt: skip

#: A range's end, a rounding or bounding word before the number, a doubt and a habit.
MARKS_AND_HABITS = [
    (HELD + "Mellan 30 och 40 organisationer deltog.", _count(OC, '"30"', 30), TRAP),
    (HELD + "30–40 organisationer deltog.", _count(OC, '"30"', 30), TRAP),
    (HELD + "Between 30 and 40 organisations attended.", _count(OC, '"30"', 30), TRAP),
    (HELD + "30–40 organisationer deltog.", _count(OC, "30–40 organisationer", 30, AT_LEAST), TRUE),
    (HELD + "Mellan 30 och 40 organisationer deltog.", _count(OC, "Mellan 30 och 40 organisationer", 30, AT_LEAST), TRUE),
    (HELD + "Between 30 and 40 organisations attended.", _count(OC, "Between 30 and 40 organisations", 30, AT_LEAST), TRUE),
    (HELD + "30 till 40 deltagare var på plats.", _count(PC, "30 till 40 deltagare", 30, AT_LEAST), TRUE),
    (HELD + "Mellan 30 och 40 deltagare var på plats.", _count(OC, "Mellan 30 och 40 deltagare", 30, AT_LEAST), TRAP),
    (HELD + "Mellan 30 och 40 länder deltog.", _count(OC, "Mellan 30 och 40 länder", 30, AT_LEAST), TRAP),
    (HELD + "Ett fyrtiotal organisationer deltar ofta.", _count(OC, "Ett fyrtiotal organisationer", 40, APPROX), TRAP),
    (HELD + "40 organisations regularly attend.", _count(OC, "40 organisations", 40), TRAP),
    (HELD + "40 organisationer deltog, vilket ofta är fallet.", _count(OC, "40 organisationer", 40), TRUE),
    (HELD + "25 organisationer deltog med sammanlagt 40 representanter.", _count(PC, "40 representanter", 40), TRUE),
    (HELD + "40 organisationer deltog med totalt 60 representanter.", _count(PC, "60 representanter", 60), TRUE),
    (HELD + "Organisationerna deltog med sammanlagt 60 personer.", _count(PC, "60 personer", 60), TRUE),
    (HELD + "Civilsamhället deltog med 60 personer från 40 organisationer.", _count(PC, "60 personer", 60), TRUE),
    (HELD + "Fryshuset deltog med 40 personer.", _count(PC, "40 personer", 40), TRAP),
    (HELD + "40 personer från civilsamhället deltog.", _count(PC, "40 personer", 40), TRUE),
    (HELD + "40 personer från ideella organisationer deltog.", _count(PC, "40 personer", 40), TRUE),
    (HELD + "40 participants from civil society attended.", _count(PC, "40 participants", 40), TRUE),
    (HELD + "40 personer från Regeringskansliet deltog.", _count(PC, "40 personer", 40), TRAP),
    (HELD + "På mötet deltog ett 10-tal representanter för civilsamhällesorganisationer som fick möjlighet att lämna förslag och komma med synpunkter.", _count(PC, "ett 10-tal representanter för civilsamhällesorganisationer", 10, APPROX), TRUE),
    (HELD + "40 personer, som fick möjlighet att ställa frågor, deltog.", _count(PC, "40 personer", 40), TRUE),
    (HELD + "40 personer fick möjlighet att delta.", _count(PC, "40 personer", 40), TRAP),
    (HELD + "Lokalen, som rymmer 40 personer, var full.", _count(PC, "40 personer", 40), TRAP),
    (HELD + "Sakrådet besöktes av 40 personer.", _count(PC, "40 personer", 40), TRUE),
    (HELD + "Ett 40-tal personer hade samlats i Rosenbad.", _count(PC, "Ett 40-tal personer", 40, APPROX), TRUE),
    (HELD + "40 personer hade anmält sig och deltog.", _count(PC, "40 personer", 40), TRUE),
    (HELD + "40 personer hade anmält sig och 25 deltog.", _count(PC, "40 personer", 40), TRAP),
    (HELD + "40 personer hade anmält sig men 25 deltog.", _count(PC, "40 personer", 40), TRAP),
    (HELD + "Kulturdepartementet var representerat av tre personer.", _count(PC, "tre personer", 3), TRAP),
    (HELD + "Uppskattningsvis 40 personer deltog.", _count(PC, "40 personer", 40), TRAP),
    (HELD + "Uppskattningsvis 40 personer deltog.", _count(PC, "Uppskattningsvis 40 personer", 40), TRAP),
    (HELD + "Uppskattningsvis 40 personer deltog.", _count(PC, "Uppskattningsvis 40 personer", 40, APPROX), TRUE),
    (HELD + "Långt ifrån 40 organisationer deltog.", _count(OC, "40 organisationer", 40), TRAP),
    (HELD + "Far from 40 organisations attended.", _count(OC, "40 organisations", 40), TRAP),
    (HELD + "40 organisationer torde ha deltagit.", _count(OC, "40 organisationer", 40), TRAP),
    (HELD + "40 organisationer måste ha deltagit.", _count(OC, "40 organisationer", 40), TRAP),
    (HELD + "Fryshuset torde ha deltagit.", FRYSHUSET, TRAP),
    (HELD + "Ett fyrtiotal organisationer deltar normalt i sakrådet.", _count(OC, "Ett fyrtiotal organisationer", 40, APPROX), TRAP),
    (HELD + "Ett fyrtiotal organisationer deltar varje år.", _count(OC, "Ett fyrtiotal organisationer", 40, APPROX), TRAP),
    (HELD + "I genomsnitt deltar 40 organisationer per sakråd.", _count(OC, "40 organisationer", 40), TRAP),
    (HELD + "I snitt deltog 40 organisationer.", _count(OC, "40 organisationer", 40), TRAP),
    (HELD + "Som mest har 40 organisationer deltagit.", _count(OC, "40 organisationer", 40), TRAP),
    (HELD + "On average 40 organisations attend each year.", _count(OC, "40 organisations", 40), TRAP),
    (HELD + "Fryshuset deltar varje år.", FRYSHUSET, TRAP),
    (HELD + "Ett fyrtiotal organisationer deltar årligen.", _count(OC, "Ett fyrtiotal organisationer", 40, APPROX), TRAP),
    (HELD + "Fryshuset deltar i regel i sakrådet.", FRYSHUSET, TRAP),
    (HELD + "Fryshuset måste ha deltagit.", FRYSHUSET, TRAP),
    (HELD + "Fryshuset tycks ha deltagit.", FRYSHUSET, TRAP),
    (HELD + "Normalt deltar 40 organisationer, men i år deltog 25.", _count(OC, "40 organisationer", 40), TRAP),
    (HELD + "Normalt deltar 40 organisationer, men i år deltog 25.", _count(OC, '"25"', 25), TRUE),
    (HELD + "Ett fyrtiotal organisationer deltog.", _count(OC, "Ett fyrtiotal organisationer", 40, APPROX), TRUE),
    (HELD + "Som mest 40 organisationer deltog.", _count(OC, "Som mest 40 organisationer", 40, AT_MOST), TRUE),
]  # fmt: skip

#: Another event named by an adjective of another time or by a definite noun that is no part of the meeting.
OTHER_EVENTS = [
    (HELD + "40 personer deltog i den efterföljande middagen.", _count(PC, "40 personer", 40), TRAP),
    (HELD + "40 personer deltog i workshopen efter sakrådet.", _count(PC, "40 personer", 40), TRAP),
    (HELD + "40 personer deltog i studiebesöket dagen efter.", _count(PC, "40 personer", 40), TRAP),
    (HELD + "About 40 people took part in the follow-up workshop.", _count(PC, "About 40 people", 40, APPROX), TRAP),
    (HELD + "Fryshuset deltog i den efterföljande middagen.", FRYSHUSET, TRAP),
    (HELD + "Fryshuset deltog i panelen på Järvaveckan.", FRYSHUSET, TRAP),
    (HELD + "30 organisationer deltog i rundvandringen.", _count(OC, "30 organisationer", 30), TRAP),
    (HELD + "40 personer deltog i den avslutande diskussionen.", _count(PC, "40 personer", 40), TRUE),
    (HELD + "Fryshuset deltog i gruppdiskussionen.", FRYSHUSET, TRUE),
    (HELD + "Fryshuset deltog i panelsamtalet.", FRYSHUSET, TRUE),
    (HELD + "Fryshuset deltog på förmiddagen.", FRYSHUSET, TRUE),
    (HELD + "Fryshuset deltog i hela sakrådet.", FRYSHUSET, TRUE),
    (HELD + "40 personer deltog i workshopen.", _count(PC, "40 personer", 40), TRUE),
    (HELD + "Fryshuset deltog i diskussionen efter sakrådets inledning.", FRYSHUSET, TRUE),
    (HELD + "Fryshuset deltog i den efterföljande paneldebatten.", FRYSHUSET, TRAP),
    (HELD + "Fryshuset deltog i mötesserien.", FRYSHUSET, TRAP),
    (HELD + "Fryshuset deltog i det avslutande samtalet.", FRYSHUSET, TRUE),
    (HELD + "Fryshuset deltog i sammanträdet.", FRYSHUSET, TRUE),
    (HELD + "Sakrådet hölls som ett webbinarium. Fryshuset deltog i webbinariet.", FRYSHUSET, TRUE),
    (HELD + "Fryshuset deltog i en diskussion om stödet.", FRYSHUSET, TRUE),
]  # fmt: skip

#: "inte förrän" and "not … until" deny nothing; a bare negation still does.
NOT_UNTIL = [
    ("Sakrådet hölls inte förrän den 10 september 2024.", DAY, TRUE),
    ("Sakrådet genomfördes inte förrän den 10 september 2024.", DAY, TRUE),
    ("Sakrådet hölls inte den 10 september 2024.", DAY, TRAP),
    (HELD + "Tolv organisationer deltog inte förrän efter lunch.", _count(OC, "Tolv organisationer", 12), TRUE),
    (HELD + "Fryshuset deltog inte förrän efter lunch.", FRYSHUSET, TRUE),
    (HELD + "Fryshuset deltog inte i sakrådet förrän efter lunch.", FRYSHUSET, TRUE),
    (HELD + "Inte förrän efter lunch deltog Fryshuset.", FRYSHUSET, TRUE),
    (HELD + "Sakrådet hölls inte i Malmö förrän i december.", "place: Malmö\n", TRAP),
    (HELD + "Fryshuset deltog inte.", FRYSHUSET, TRAP),
    (HELD + "Fryshuset deltog inte, förrän i fjol.", FRYSHUSET, TRAP),
]  # fmt: skip

#: A table row's label cell names those who took part, or those invited, a capacity; each row on its own.
TABLE_ROWS = [
    (HELD + "| Antal deltagare | 45 |", _count(PC, '"45"', 45), TRUE),
    (HELD + "| Antal deltagande organisationer | 18 |", _count(OC, '"18"', 18), TRUE),
    (HELD + "| Deltagare | 45 personer |", _count(PC, "45 personer", 45), TRUE),
    (HELD + "\n\n| Uppgift | Antal |\n|---|---|\n| Deltagare | 45 |\n| Inbjudna | 60 |", _count(PC, '"45"', 45), TRUE),
    (HELD + "\n\n| Uppgift | Antal |\n|---|---|\n| Deltagare | 45 |\n| Inbjudna | 60 |", _count(PC, '"60"', 60), TRAP),
    (HELD + "| Inbjudna | 45 personer |", _count(PC, "45 personer", 45), TRAP),
    (HELD + "| Anmälda | 45 personer |", _count(PC, "45 personer", 45), TRAP),
    (HELD + "| Platser | 45 personer |", _count(PC, "45 personer", 45), TRAP),
    (HELD + "| Max antal deltagare | 45 |", _count(PC, '"45"', 45), TRAP),
]  # fmt: skip

#: The organisations those who took part came from.
PARTAKERS_FROM = [
    (HELD + "Sakrådet hade 45 deltagare från 20 organisationer.", _count(OC, "20 organisationer", 20), TRUE),
    (HELD + "The meeting had 45 participants from 20 organisations.", _count(OC, "20 organisations", 20), TRUE),
    (HELD + "Sakrådet hade 45 deltagare från 20 organisationer.", _count(PC, "20 organisationer", 20), TRAP),
    (HELD + "Sakrådet hade 45 deltagare från 20 organisationer på väntelistan.", _count(OC, "20 organisationer", 20), TRAP),
]  # fmt: skip

ROWS = OTHER_THINGS + THOSE_WHO_TOOK_PART + MARKS_AND_HABITS + OTHER_EVENTS + NOT_UNTIL + TABLE_ROWS + PARTAKERS_FROM


@pytest.mark.parametrize(("text", "facts", "accepted"), ROWS, ids=lambda v: str(v)[:60] if isinstance(v, str) else None)
def test_a_count_states_how_many_took_part_in_this_meeting(
    tmp_path: Path, text: str, facts: str, accepted: bool
) -> None:
    found = _findings(tmp_path, text, facts)
    assert (found == []) is accepted, found
