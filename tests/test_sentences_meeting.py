"""What a kept text's sentences state of the meeting (clauses.py, stated.py, dated.py, placed.py, counted.py,
orgnr.py): a calling off or a move said in another sentence of the same text ("Sakrådet ställdes
in.", "Mötet har dock ställts in.", "Uppdatering: sakrådet är inställt.", "Samrådet har dock flyttats till
Göteborg.") refuses a date, a place, a count or a role credited to the text, as it does in the fact's own
sentence, but not one about another meeting or denied ("Det är fel att sakrådet ställdes in"); an
indefinite meeting marked "uppföljande", "nytt", "andra", or held "även"/"också" after the text has spoken
of a meeting is another meeting; a plan to come ("planeras till", "är planerat till", "ska hållas")
dates only a meeting marked announced_only; "modererade" and "tog över ledningen" are chairing;
"statssekr." before a name ends no sentence; "inbjuder till", "anordnas av" and "arrangeras av" convene; a
place is a name, not a clause ("Umeå den 5 mars", "Umeå och 20 organisationer deltog"); "sker" places
the meeting only with the meeting as its subject ("Anmälan sker i Rosenbad" does not). Each row goes
through the loader and its warnings: (kept text, the meeting's facts, the field asked about, accepted)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_sentences_roles_counts import BRANDBERG, CONVENER, FRYSHUSET, TRAP, TRUE, _count, _findings, _place

from sakrad_ld import clauses, placed
from sakrad_ld.dated import date_refusal
from sakrad_ld.stated import _flat, folded_text, sentence_ends

HELD = "Sakrådet hölls den 10 september 2024 i Umeå. "
TOOK_PART = "Tio organisationer deltog. Fryshuset deltog. "
COUNT = _count("organisation_count", "Tio organisationer", 10)
UMEA = _place("Umeå")

#: (text, facts, field, accepted)
ELSEWHERE = [
    (HELD + TOOK_PART + "Sakrådet ställdes in.", "", "date", TRAP),
    (HELD + TOOK_PART + "Mötet har dock ställts in.", COUNT, "organisation_count", TRAP),
    (HELD + TOOK_PART + "Uppdatering: sakrådet är inställt.", FRYSHUSET, "organisations", TRAP),
    (HELD + TOOK_PART + "Sakrådet blev dock inställt på grund av sjukdom.", UMEA, "place", TRAP),
    ("Sakrådet ställdes tyvärr in. " + HELD, "", "date", TRAP),
    (HELD + "Samrådet har dock flyttats till Göteborg.", UMEA, "place", TRAP),
    (HELD + "Sakrådet har skjutits upp.", "", "date", TRAP),
    (HELD + "Paulina Brandberg ledde sakrådet. Sakrådet ställdes in.", BRANDBERG, "chair", TRAP),
    # not a calling off of this meeting
    (HELD + TOOK_PART + "Det är fel att sakrådet ställdes in.", COUNT, "organisation_count", TRUE),
    (HELD + TOOK_PART + "Det andra sakrådet ställdes in.", COUNT, "organisation_count", TRUE),
    (HELD + TOOK_PART + "Förra årets sakråd ställdes in.", "", "date", TRUE),
    (HELD + TOOK_PART + "Mötet med ministern ställdes in.", "", "date", TRUE),
    (HELD + "Sakrådet ställs in om färre än fem anmäler sig.", UMEA, "place", TRUE),
    (HELD + "Sakrådet ställdes inte in.", "", "date", TRUE),
    (HELD + "Samrådet har flyttats till den 10 september 2024.", UMEA, "place", TRUE),
    (HELD + "Samrådet har dock flyttats till Göteborg.", "", "date", TRUE),
    ("Sakrådet flyttades från Luleå. " + HELD, UMEA, "place", TRUE),
]
FIRST = "Den 3 september 2024 deltog tio organisationer på ett sakråd om testfrågor. "
OTHER_MEETINGS = [
    (FIRST + "Ett uppföljande sakråd hålls den 10 september 2024.", "", "date", TRAP),
    (FIRST + "Ett andra sakråd hölls den 10 september 2024.", "", "date", TRAP),
    (FIRST + "Ett nytt sakråd hölls den 10 september 2024.", "", "date", TRAP),
    (FIRST + "Ett sakråd med samma tema hölls även den 10 september 2024.", "", "date", TRAP),
    (FIRST + "Det hölls också ett sakråd den 10 september 2024.", "", "date", TRAP),
    ("Ett nytt sakråd om testfrågor hölls den 10 september 2024.", "", "date", TRUE),
    (FIRST.replace("3 september", "10 september") + "Ett uppföljande sakråd hålls i oktober.", "", "date", TRUE),
]
PLANS = [
    ("Ett sakråd om testfrågor. Sakrådet planeras till den 10 september 2024.", "", "date", TRAP),
    ("Ett sakråd om testfrågor. Sakrådet är planerat till den 10 september 2024.", "", "date", TRAP),
    ("Sakrådet ska hållas den 10 september 2024.", "", "date", TRAP),
    ("Sakrådet kommer att hållas den 10 september 2024.", "", "date", TRAP),
    ("Sakrådet ska hållas den 10 september 2024.", "announced_only: true\n", "date", TRUE),
    ("Sakrådet hölls den 10 september 2024.", "", "date", TRUE),
]
CHAIRS = [
    (HELD + "Paulina Brandberg, statsråd, modererade sedan mötet.", BRANDBERG, "chair", TRUE),
    (HELD + "Därefter tog statsrådet Paulina Brandberg över ledningen av mötet.", BRANDBERG, "chair", TRUE),
    (HELD + "Mötet leddes därefter av statssekr. Paulina Brandberg.", BRANDBERG, "chair", TRUE),
    (HELD + "Paulina Brandberg modererade inte mötet.", BRANDBERG, "chair", TRAP),
]
CONVENERS = [
    ("Kulturdepartementet inbjuder till sakråd den 10 september 2024.", CONVENER, "conveners", TRUE),
    ("Sakråd den 10 september 2024. Sakrådet anordnas av Kulturdepartementet.", CONVENER, "conveners", TRUE),
    ("Sakråd den 10 september 2024. Sakrådet arrangeras av Kulturdepartementet.", CONVENER, "conveners", TRUE),
    ("Sakråd den 10 september 2024. Sakrådet anordnas inte av Kulturdepartementet.", CONVENER, "conveners", TRAP),
]
PLACES = [
    ("Sakrådet hölls i Umeå den 10 september 2024 kl. 10.", _place("Umeå den 10 september 2024 kl"), "place", TRAP),
    ("Sakrådet hölls i Umeå och 20 organisationer deltog.", _place("Umeå och 20 organisationer deltog"), "place", TRAP),
    ("Sakrådet hölls i Umeå, som deltog.", _place("Umeå, som deltog"), "place", TRAP),
    (
        "Sakrådet hölls den 10 september 2024 på Fredsgatan 8, Stockholm.",
        _place("Fredsgatan 8, Stockholm"),
        "place",
        TRUE,
    ),
]
#: "sker" places the meeting only with the meeting as its subject.
HAPPENS = [
    ("Sakrådet hölls den 10 september 2024. Anmälan sker i Umeå.", UMEA, "place", TRAP),
    ("Sakrådet hölls den 10 september 2024. Registreringen skedde i Umeå.", UMEA, "place", TRAP),
    ("Sakrådet hölls den 10 september 2024. Mötet sker i Umeå.", UMEA, "place", TRUE),
    ("Sakrådet hölls den 10 september 2024. I Umeå sker sakrådet.", UMEA, "place", TRUE),
]
ROWS = ELSEWHERE + OTHER_MEETINGS + PLANS + CHAIRS + CONVENERS + PLACES + HAPPENS


@pytest.mark.parametrize(
    ("text", "facts", "field", "accepted"), ROWS, ids=lambda v: str(v)[:70] if isinstance(v, str) else None
)
def test_a_fact_is_held_to_all_its_text_says_of_the_meeting(
    tmp_path: Path, text: str, facts: str, field: str, accepted: bool
) -> None:
    found = [
        f for f in _findings(tmp_path, text, facts or "") if f": {field}" in f or f"{field}[" in f or f"{field}." in f
    ]
    assert (found == []) is accepted, found


@pytest.mark.parametrize(
    ("text", "off"),
    [
        ("A. Sakrådet ställdes in.", True),
        ("A. Mötet har dock ställts in.", True),
        ("A. Uppdatering: sakrådet är inställt.", True),
        ("A. Det är fel att sakrådet ställdes in.", False),
        ("A. Ryktet att sakrådet ställts in stämmer inte.", False),
        ("A. Förra mötet ställdes in.", False),
        ("A. Nästa sakråd ställs in om intresset är litet.", False),
        ("A. Stämmer det att sakrådet ställdes in?", False),
    ],
)
def test_another_sentence_calls_this_meeting_off(text: str, off: bool) -> None:
    flat = _flat(folded_text(text))
    assert (clauses.called_off_elsewhere(flat, 0, 2) is not None) is off


def test_a_move_is_read_after_the_fact_and_of_what_it_moves() -> None:
    flat = _flat(folded_text("Sakrådet hölls i Umeå. Sakrådet har flyttats till Göteborg."))
    assert clauses.called_off_elsewhere(flat, 0, 22, "place") is not None
    assert clauses.called_off_elsewhere(flat, 0, 22, "date") is None
    assert clauses.called_off_elsewhere(flat, 0, 22) is None  # a count: a move says nothing of who came
    flat = _flat(folded_text("Sakrådet har flyttats till Göteborg. Sakrådet hölls i Göteborg."))
    assert clauses.called_off_elsewhere(flat, 37, len(flat), "place") is None


@pytest.mark.parametrize(
    "word", ["statssekr.", "departementsr.", "generaldir.", "bitr.", "ordf.", "bl.a.", "t.ex.", "ca.", "kl."]
)
def test_an_abbreviated_title_before_a_name_ends_no_sentence(word: str) -> None:
    assert not sentence_ends(word, "Martin")


def test_a_word_ending_as_a_title_abbreviation_would_still_ends_its_sentence() -> None:
    assert sentence_ends("förutsättningar.", "Martin")
    assert sentence_ends("statssekr.", "Mötet")  # a title closing its sentence before one that opens


def test_a_plan_to_come_dates_an_announced_meeting_only() -> None:
    text = "Sakrådet planeras till den 10 september 2024."
    assert date_refusal(text, "2024-09-10", announced=True)[0] is not None
    said, why = date_refusal(text, "2024-09-10", announced=False)
    assert said is None and why and "announced_only" in why


def test_a_place_running_past_its_name_is_refused_and_an_address_is_not() -> None:
    assert placed.runs_on("Umeå den 5 mars 2024 kl")
    assert placed.runs_on("Umeå och 20 organisationer deltog")
    assert placed.runs_on("Stockholm, tisdag")
    assert not placed.runs_on("Socialdepartementet, Fredsgatan 8, Stockholm")
    assert not placed.runs_on("Regeringskansliets lokaler i Stockholm")
