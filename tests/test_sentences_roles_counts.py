"""What a kept text's sentence states (stated.py, clauses.py, counted.py, dated.py): a role's
verb whose object is another work or event ("ledde arbetet med …", "bjöd in till en konferens",
"diskuterades i riksdagen") states no role of this meeting; ';' ends one person's role ("Ordförande: A;
sekreterare: B"); the name after "Enligt" is the source of the account, its other names are stated; a
meeting in a relative clause ("…, som hölls den 3 maj, …") lends this one neither its date nor its roles;
a role in the present tense ("leds av", "leder") is stated; "Förutom X deltog ingen" and "… men Y gjorde
det" state that X and Y took part; "var representerade" is taking part; "Tolv av de inbjudna deltog"
counts those who took part; a weekday that is not the date's is reported; a date after "efter att" is
another event's; a range of days states no single day; a question states nothing, "inte" in it denies
nothing; a guard word inside an organisation's name later in a list is the name's. Each row goes through
the loader and its warnings: (kept text, the meeting's facts, accepted)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import fixture_project
from test_stated_polarity import TEST_SOURCE

from sakrad_ld.corpus import load_corpus
from sakrad_ld.dated import load_warnings
from sakrad_ld.errors import InputErrors

TRUE, TRAP = True, False
DATE = "2024-09-10"
HELD = "Sakrådet hölls den 10 september 2024. "
FRYSHUSET = "organisations:\n  - fryshuset\n"
FAMNA = "organisations:\n  - famna\n"
HSSL = "organisations:\n  - hela-sverige-ska-leva\n"
BRANDBERG = "chair:\n  person: paulina-brandberg\n"
FORSSMED = "chair:\n  person: jakob-forssmed\n"
CONVENER = "conveners:\n  - body: kulturdepartementet\n"
TAKING_PART = "government_participants:\n  - person: jakob-forssmed\n"


#: the warning of a document that names a person or an organisation outside its record's sources
CREDIT = "which is not among its own sources"


def _count(field: str, words: str, value: int, mark: str = "") -> str:
    return f"{field}:\n  text: {words}\n  value: {value}\n" + (f"  {mark}\n" if mark else "")


def _date(day: str) -> str:
    return f"date: {day}\n"


def _place(place: str) -> str:
    return f"place: {place}\n"


def _findings(tmp_path: Path, text: str, facts: str) -> list[str]:
    """What loading the fixture project with the kept text ``text`` and a meeting with ``facts`` credited
    to it refuses, or else warns of, at the meeting's file."""
    project = fixture_project(tmp_path / "project")
    data = project / "data"
    with (data / "sources.yaml").open("a", encoding="utf-8") as out:
        out.write(TEST_SOURCE)
    (data / "sources" / "test.md").write_text(f"# Sakråd om testfrågor\n\n{text}\n", encoding="utf-8")
    if not facts.startswith("date:"):
        facts = _date(DATE) + facts
    (data / "meetings" / "test.yaml").write_text(
        "id: test-meeting\nsource: test-src\ntitle:\n  sv: Sakråd om testfrågor\n" + facts, encoding="utf-8"
    )
    try:
        corpus = load_corpus(data)
    except InputErrors as err:
        return [str(e) for e in err.errors if "test.yaml" in str(e)]
    warned = [str(e) for e in load_warnings(corpus) if "test.yaml" in str(e)]
    return [w for w in warned if CREDIT not in w]


OTHER_OBJECTS = [
    (HELD + "Paulina Brandberg ledde arbetet med handlingsplanen.", BRANDBERG, TRAP),
    (HELD + "Paulina Brandberg ledde utredningen om stödet till civilsamhället.", BRANDBERG, TRAP),
    (HELD + "Paulina Brandberg leder arbetet med den nya strategin.", BRANDBERG, TRAP),
    (HELD + "Paulina Brandberg ledde förhandlingarna om budgeten.", BRANDBERG, TRAP),
    (HELD + "Paulina Brandberg led the work on the action plan.", BRANDBERG, TRAP),
    (HELD + "Paulina Brandberg chaired the working group on the strategy.", BRANDBERG, TRAP),
    (HELD + "Paulina Brandberg ledde sakrådet.", BRANDBERG, TRUE),
    (HELD + "Paulina Brandberg ledde mötet.", BRANDBERG, TRUE),
    (HELD + "Paulina Brandberg ledde mötet om handlingsplanen.", BRANDBERG, TRUE),
    (HELD + "Paulina Brandberg chaired the meeting.", BRANDBERG, TRUE),
    (HELD + "Kulturdepartementet bjöd in till en konferens om demokrati.", CONVENER, TRAP),
    (HELD + "Kulturdepartementet bjöd in till ett seminarium i Almedalen.", CONVENER, TRAP),
    (HELD + "Kulturdepartementet bjöd in Fryshuset till en hearing i riksdagen.", CONVENER, TRAP),
    (HELD + "The Ministry of Culture invited them to a conference on democracy.", CONVENER, TRAP),
    (HELD + "Kulturdepartementet bjöd in till sakrådet.", CONVENER, TRUE),
    (HELD + "Kulturdepartementet bjöd in till ett sakråd om demokrati.", CONVENER, TRUE),
    (HELD + "Fryshuset deltog när frågan diskuterades i riksdagen.", FRYSHUSET, TRAP),
    (HELD + "Frågan diskuterades i riksdagen, där Fryshuset deltog.", FRYSHUSET, TRAP),
    (HELD + "Jakob Forssmed deltog när frågan diskuterades i riksdagen.", TAKING_PART, TRAP),
    (HELD + "Fryshuset deltog när frågan diskuterades på sakrådet.", FRYSHUSET, TRUE),
]

SEMICOLONS = [
    ("Sakrådet hölls den 10 september 2024.\n\nOrdförande: Paulina Brandberg; sekreterare: Jakob Forssmed.",
     BRANDBERG, TRUE),
    ("Sakrådet hölls den 10 september 2024.\n\nOrdförande: Paulina Brandberg; sekreterare: Jakob Forssmed.",
     FORSSMED, TRAP),
    ("Sakrådet hölls den 10 september 2024.\n\nSekreterare: Jakob Forssmed; ordförande: Paulina Brandberg.",
     FORSSMED, TRAP),
    ("Sakrådet hölls den 10 september 2024.\n\nSekreterare: Jakob Forssmed; ordförande: Paulina Brandberg.",
     BRANDBERG, TRUE),
    ("Sakrådet hölls den 10 september 2024.\n\nModerator: Jakob Forssmed; rapportör: Paulina Brandberg.",
     BRANDBERG, TRAP),
    ("Sakrådet hölls den 10 september 2024.\n\nChair: Paulina Brandberg; secretary: Jakob Forssmed.",
     FORSSMED, TRAP),
    ("Sakrådet hölls den 10 september 2024.\n\nChair: Paulina Brandberg; secretary: Jakob Forssmed.",
     BRANDBERG, TRUE),
]  # fmt: skip

ACCOUNTS = [
    (HELD + "Enligt Jakob Forssmed leddes sakrådet av Paulina Brandberg.", BRANDBERG, TRUE),
    (HELD + "Enligt Jakob Forssmed leddes sakrådet av Paulina Brandberg.", FORSSMED, TRAP),
    (HELD + "Enligt Jakob Forssmed leddes sakrådet av Paulina Brandberg.", TAKING_PART, TRAP),
    (HELD + "Enligt Jakob Forssmed var det Paulina Brandberg som ledde sakrådet.", FORSSMED, TRAP),
    (HELD + "According to Jakob Forssmed, the meeting was chaired by Paulina Brandberg.", BRANDBERG, TRUE),
    (HELD + "According to Jakob Forssmed, the meeting was chaired by Paulina Brandberg.", FORSSMED, TRAP),
    (HELD + "Sakrådet leddes av Paulina Brandberg, enligt Jakob Forssmed.", FORSSMED, TRAP),
]

RELATIVE_MEETINGS = [
    ("Sakrådet, som följde upp mötet som hölls den 3 maj 2024, hölls den 10 september 2024.",
     _date("2024-05-03"), TRAP),
    ("Sakrådet, som följde upp mötet som hölls den 3 maj 2024, hölls den 10 september 2024.",
     _date(DATE), TRUE),
    ("Sakrådet följde upp ett möte, som hölls den 3 maj 2024, om stödet.", _date("2024-05-03"), TRAP),
    ("Sakrådet, som följde upp mötet som hölls den 3 maj 2024 i Luleå, hölls den 10 september 2024 i Umeå.",
     _date(DATE) + "place: Luleå\n", TRAP),
    (HELD + "Paulina Brandberg, som ledde mötet som hölls den 3 maj, deltog också.", BRANDBERG, TRAP),
    (HELD + "Fryshuset, som deltog i mötet som hölls den 3 maj, deltog inte.", FRYSHUSET, TRAP),
    (HELD + "Paulina Brandberg ledde sakrådet, som hölls i Stockholm.", BRANDBERG, TRUE),
]  # fmt: skip

PRESENT = [
    (HELD + "Sakrådet leds av Paulina Brandberg.", BRANDBERG, TRUE),
    (HELD + "Paulina Brandberg leder sakrådet.", BRANDBERG, TRUE),
    (HELD + "Mötet leds av Paulina Brandberg, som inleder med en presentation.", BRANDBERG, TRUE),
    (HELD + "The meeting is chaired by Paulina Brandberg.", BRANDBERG, TRUE),
    (HELD + "Sakrådet leds inte av Paulina Brandberg.", BRANDBERG, TRAP),
    (HELD + "Tanken är att Paulina Brandberg leder sakrådet.", BRANDBERG, TRAP),
    (HELD + "Paulina Brandberg leder arbetet med strategin.", BRANDBERG, TRAP),
]

ONLY_AND_BUT = [
    (HELD + "Förutom Fryshuset deltog ingen.", FRYSHUSET, TRUE),
    (HELD + "Förutom Fryshuset deltog ingen organisation.", FRYSHUSET, TRUE),
    (HELD + "Utöver Fryshuset deltog inga organisationer.", FRYSHUSET, TRUE),
    (HELD + "Ingen utom Fryshuset deltog.", FRYSHUSET, TRUE),
    (HELD + "Apart from Fryshuset, no organisation attended.", FRYSHUSET, TRUE),
    (HELD + "Famna deltog inte, men Fryshuset gjorde det.", FRYSHUSET, TRUE),
    (HELD + "Famna deltog inte, men Fryshuset gjorde det.", FAMNA, TRAP),
    (HELD + "Ingen från Famna deltog, men Fryshuset gjorde det.", FRYSHUSET, TRUE),
    (HELD + "Famna did not attend, but Fryshuset did.", FRYSHUSET, TRUE),
    (HELD + "Famna did not attend, but Fryshuset did.", FAMNA, TRAP),
    (HELD + "Förutom Fryshuset deltog ingen.", FAMNA, TRAP),
    (HELD + "Förutom Fryshuset bjöds ingen in.", FRYSHUSET, TRAP),
    (HELD + "Fryshuset deltog inte, men Famna gjorde det.", FRYSHUSET, TRAP),
    (HELD + "Fryshuset deltog inte, och det gjorde inte Famna heller.", FAMNA, TRAP),
]

REPRESENTED = [
    (HELD + "Fryshuset och Famna var representerade.", FRYSHUSET, TRUE),
    (HELD + "Fryshuset var representerat vid sakrådet.", FRYSHUSET, TRUE),
    (HELD + "Vid sakrådet var bland andra Fryshuset representerat.", FRYSHUSET, TRUE),
    (HELD + "Fryshuset was represented at the meeting.", FRYSHUSET, TRUE),
    (HELD + "Fryshuset var inte representerat.", FRYSHUSET, TRAP),
    (HELD + "Fryshuset och Famna var inte representerade.", FAMNA, TRAP),
    (HELD + "Fryshuset var representerat i arbetsgruppen för strategin.", FRYSHUSET, TRAP),
    (HELD + "Fryshuset was not represented.", FRYSHUSET, TRAP),
]

OC, IC, PC = "organisation_count", "invited_count", "participant_count"
OF_THE_INVITED = [
    (HELD + "Tolv av de inbjudna organisationerna deltog.", _count(OC, "Tolv av de inbjudna organisationerna", 12),
     TRUE),
    (HELD + "Tolv av de inbjudna organisationerna deltog.", _count(IC, "Tolv av de inbjudna organisationerna", 12),
     TRAP),
    (HELD + "Tolv av de inbjudna deltog.", _count(PC, "Tolv av de inbjudna", 12), TRUE),
    (HELD + "Tolv av de inbjudna deltog.", _count(IC, "Tolv av de inbjudna", 12), TRAP),
    (HELD + "Tolv av de 20 inbjudna organisationerna deltog.", _count(OC, "Tolv av de 20 inbjudna organisationerna",
     12), TRUE),
    (HELD + "Tolv av de 20 inbjudna organisationerna deltog.", _count(IC, "20 inbjudna organisationerna", 20), TRUE),
    (HELD + "Tolv av de 20 inbjudna organisationerna deltog.", _count(IC, "Tolv av de 20 inbjudna organisationerna",
     12), TRAP),
    (HELD + "Twelve of the invited organisations attended.", _count(OC, "Twelve of the invited organisations", 12),
     TRUE),
    (HELD + "Twelve of the invited organisations attended.", _count(IC, "Twelve of the invited organisations", 12),
     TRAP),
]  # fmt: skip

WEEKDAYS = [
    ("Sakrådet hölls tisdagen den 10 september 2024.", _date(DATE), TRUE),
    ("Sakrådet hölls tisdag 10 september 2024.", _date(DATE), TRUE),
    ("Sakrådet hölls onsdagen den 10 september 2024.", _date(DATE), TRAP),
    ("Sakrådet hölls måndag 10 september 2024.", _date(DATE), TRAP),
    ("Sakrådet hölls fredagen den 10/9 2024.", _date(DATE), TRAP),
    ("The meeting was held on Tuesday 10 September 2024.", _date(DATE), TRUE),
    ("The meeting was held on Wednesday, 10 September 2024.", _date(DATE), TRAP),
]

AFTER_EVENTS = [
    ("Efter att regeringen den 3 maj 2024 gav uppdraget hölls sakrådet den 10 september 2024.",
     _date("2024-05-03"), TRAP),
    ("Efter att regeringen den 3 maj 2024 gav uppdraget hölls sakrådet den 10 september 2024.", _date(DATE), TRUE),
    ("Sakrådet hölls efter att regeringen den 3 maj 2024 beslutade om strategin.", _date("2024-05-03"), TRAP),
    ("Sakrådet hölls efter att inbjudan skickats ut den 3 maj 2024.", _date("2024-05-03"), TRAP),
    ("After the government decided on 3 May 2024, the meeting was held.", _date("2024-05-03"), TRAP),
    ("Sakrådet hölls den 3 maj 2024, efter att regeringen gett uppdraget.", _date("2024-05-03"), TRUE),
]  # fmt: skip

RANGES = [
    ("Sakrådet hölls 10–11 september 2024.", _date(DATE), TRAP),
    ("Sakrådet hölls den 10-11 september 2024.", _date(DATE), TRAP),
    ("Sakrådet hölls 9–10 september 2024.", _date(DATE), TRAP),
    ("Sakrådet hölls den 10 till 11 september 2024.", _date(DATE), TRAP),
    ("The meeting was held on 10–11 September 2024.", _date(DATE), TRAP),
    ("Sakrådet hölls den 10 september 2024.", _date(DATE), TRUE),
]

QUESTIONS = [
    (HELD + "Vem deltog inte? Fryshuset.", FRYSHUSET, TRAP),
    (HELD + "Deltog inte Fryshuset?", FRYSHUSET, TRAP),
    (HELD + "Varför deltog inte Fryshuset?", FRYSHUSET, TRAP),
    (HELD + "Vem deltog inte i sakrådet? Alla deltog, även Fryshuset.", FRYSHUSET, TRUE),
    (HELD + "Vem deltog inte? Fryshuset deltog i alla fall.", FRYSHUSET, TRUE),
    (HELD + "Who did not attend? Fryshuset attended, at least.", FRYSHUSET, TRUE),
    (HELD + "Vem ledde sakrådet?", BRANDBERG, TRAP),
]

NAMES = [
    (HELD + "Famna, Hela Sverige ska leva och Fryshuset deltog.", FRYSHUSET, TRUE),
    (HELD + "Famna, Hela Sverige ska leva och Fryshuset deltog.", FAMNA, TRUE),
    (HELD + "Famna, Hela Sverige ska leva och Fryshuset deltog.", HSSL, TRUE),
    (HELD + "Bland deltagarna fanns Famna, Hela Sverige ska leva och Fryshuset.", FRYSHUSET, TRUE),
    (HELD + "Deltog: Famna, Hela Sverige ska leva, Fryshuset.", FAMNA, TRUE),
    (HELD + "Tolv organisationer deltog, bland dem Famna, Hela Sverige ska leva och Fryshuset.",
     _count(OC, "Tolv organisationer", 12), TRUE),
    (HELD + "Famna, Hela Sverige ska leva och Fryshuset ska delta.", FRYSHUSET, TRAP),
    (HELD + "Famna, Hela Sverige ska leva och Fryshuset deltog inte.", FAMNA, TRAP),
    (HELD + "Famna och Fryshuset ska delta, liksom Hela Sverige ska leva.", FAMNA, TRAP),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "facts", "accepted"),
    OTHER_OBJECTS + SEMICOLONS + ACCOUNTS + RELATIVE_MEETINGS + PRESENT + ONLY_AND_BUT + REPRESENTED
    + OF_THE_INVITED + WEEKDAYS + AFTER_EVENTS + RANGES + QUESTIONS + NAMES,
    ids=lambda v: str(v)[:60] if isinstance(v, str) else None,
)  # fmt: skip
def test_a_sentence_states_what_it_says_of_this_meeting(tmp_path: Path, text: str, facts: str, accepted: bool) -> None:
    found = _findings(tmp_path, text, facts)
    assert (found == []) is accepted, found
