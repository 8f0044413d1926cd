"""What a kept text says of its meeting being called off beyond a calling off's own sentence. A line that is
only a label calling the meeting off ("INSTÄLLT", "## Inställt", "Cancelled – …") calls the page's meeting
off, though folded it runs into the next sentence; a label in a list's item, a table's row or after other
words is about that. Another sentence saying the meeting will not be held ("Sakrådet blir inte av", "The
meeting will not take place") calls it off too, in a heading of its own as well ("## Sakrådet blir inte
av"); a place or manner after the words does not. A calling off
reported as hearsay ("Mötet har enligt uppgift ställts in", "reportedly cancelled") leaves the meeting not
said to be held, and the message says it is hearsay. Each row goes through the loader and its warnings:
(kept text, the meeting's facts, accepted)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_load_checks_phrasings import UNCHECKED
from test_sentences_roles_counts import BRANDBERG, FRYSHUSET, TRAP, TRUE, _count, _findings, _place

HELD = "Sakrådet hölls den 10 september 2024. "
HELD_EN = "The meeting was held on 10 September 2024. "
#: a sentence dating the meeting that no calling-off label runs into as a meeting's noun
FRONTED = "Den 10 september 2024 hölls sakrådet i Umeå."
COUNT = _count("organisation_count", "30 organisationer", 30)

LABELS = [
    ("INSTÄLLT\n\n" + FRONTED, "", TRAP),
    (FRONTED + "\n\nINSTÄLLT", "", TRAP),
    ("Inställt!\n\n" + FRONTED, "", TRAP),
    ("Inställt:\n\n" + FRONTED, "", TRAP),
    ("## Inställt\n\n" + FRONTED, "", TRAP),
    ("## Inställt\n" + FRONTED, "", TRAP),
    ("**AVLYST**\n\n" + FRONTED, "", TRAP),
    ("Cancelled\n\nOn 10 September 2024 the meeting was held in Umeå.", "", TRAP),
    ("CANCELLED – the meeting will not take place\n\n" + HELD_EN, "", TRAP),
    ("## Sakrådet är inställt\n\n" + FRONTED, "", TRAP),
    ("Sakrådet är inställt\n\n" + HELD, "", TRAP),
    ("INSTÄLLT\n\nSakrådet hölls i Umeå. 30 organisationer deltog.", COUNT, TRAP),
    ("INSTÄLLT\n\nSakrådet hölls i Umeå. Fryshuset deltog.", FRYSHUSET, TRAP),
    ("INSTÄLLT\n\nSakrådet hölls i Umeå. Paulina Brandberg ledde mötet.", BRANDBERG, TRAP),
    ("INSTÄLLT\n\n" + FRONTED, _place("Umeå"), TRAP),
    # a label about another item, after other words, struck through, or leading to another event
    (FRONTED + "\n\n- Seminarium 3 maj: inställt\n- Inställt: lunchen\n", "", TRUE),
    (FRONTED + "\n\n| Seminarium | Inställt |\n|---|---|\n", "", TRUE),
    ("Inställt seminarium\n\n" + FRONTED, "", TRUE),
    ("## Inställda seminarier\n\n" + FRONTED, "", TRUE),
    ("~~INSTÄLLT~~\n\n" + FRONTED, "", TRUE),
    ("<!-- INSTÄLLT -->\n\n" + FRONTED, "", TRUE),
    ("INSTÄLLT – seminariet om skolan\n\n" + FRONTED, "", TRUE),
    ("Cancelled – the next meeting\n\n" + FRONTED, "", TRUE),
    (FRONTED + " Seminariet var inställt.", "", TRUE),
    (FRONTED + " Det förra mötet blev inställt.", "", TRUE),
    # a label of the meeting's noun without its article or verb
    ("## Meeting cancelled\n\n" + FRONTED, "", TRAP),
    ("Sakråd inställt\n\n" + FRONTED, "", TRAP),
    (FRONTED + "\n\n## Mötet inställt", "", TRAP),
]

#: A heading, a list's item or a paragraph without a stop ends its sentence: what it says of the meeting is
#: read as a sentence of its own ("## Sakrådet blir inte av" calls the meeting off), and a word in it ("om"
#: in the title "Sakråd om testfrågor" the texts open with) governs no sentence after it.
HEADINGS = [
    ("Sakrådet blir inte av. " + FRONTED, "", TRAP),  # right after the title's "om"
    ("## Sakrådet blir inte av\n\n" + FRONTED, "", TRAP),
    ("## Sakrådet blir inte av\n" + FRONTED, "", TRAP),
    (FRONTED + "\n\n## Sakrådet blir inte av\n", "", TRAP),
    ("## The meeting will not take place\n\nOn 10 September 2024 the meeting was held in Umeå.", "", TRAP),
    # a meeting's topic after its noun is no condition; "med anledning av" makes no other meeting
    ("Sakrådet om kvinnofrid ställs in.\n\n" + FRONTED, "", TRAP),
    ("## Sakrådet om kvinnofrid ställs in\n\n" + FRONTED, "", TRAP),
    (FRONTED + " Sakrådet om kvinnofrid blir inte av.", "", TRAP),
    (
        "The meeting on women's safety has been cancelled.\n\nOn 10 September 2024 the meeting was held in Umeå.",
        "",
        TRAP,
    ),
    (FRONTED + " Mötet med anledning av rapporten ställs in.", "", TRAP),
    (FRONTED + " Mötet med ministern ställs in.", "", TRUE),
    (FRONTED + " Seminariet om kvinnofrid ställs in.", "", TRUE),
    ("Sakrådet om kvinnofrid hölls den 10 september 2024 i Umeå.", _place("Umeå"), TRUE),
    # what a heading says is no condition or denial of the sentence after it
    ("## Om sakrådet\n\n" + FRONTED, _place("Umeå"), TRUE),
    ("## Inbjudan, om intresse finns\n\n" + FRONTED, _place("Umeå"), TRUE),
    (FRONTED + "\n\n## Deltog inte\n\nFryshuset deltog.", FRYSHUSET, TRUE),
]


@pytest.mark.parametrize(("text", "facts", "accepted"), HEADINGS)
def test_a_heading_is_a_sentence_of_its_own(tmp_path: Path, text: str, facts: str, accepted: bool) -> None:
    found = _findings(tmp_path, text, facts)
    assert (found == []) is accepted, found


@pytest.mark.parametrize(("text", "facts", "accepted"), LABELS)
def test_a_line_that_is_only_a_label_calls_the_meeting_off(
    tmp_path: Path, text: str, facts: str, accepted: bool
) -> None:
    found = _findings(tmp_path, text, facts)
    assert (found == []) is accepted, found


NOT_HELD = [
    (HELD + "Sakrådet blir inte av.", "", TRAP),
    (HELD + "Det blir inte av.", "", TRAP),
    (HELD + "Sakrådet kommer inte att hållas.", "", TRAP),
    (HELD + "Sakrådet kommer tyvärr inte att hållas i år.", "", TRAP),
    (HELD + "Sakrådet kommer inte att genomföras.", "", TRAP),
    (HELD + "Mötet kommer inte att äga rum.", "", TRAP),
    (HELD + "Sakrådet kommer inte att hållas, på grund av sjukdom.", "", TRAP),
    (HELD + "30 organisationer deltog. Sakrådet blir inte av.", COUNT, TRAP),
    (HELD + "Fryshuset deltog. Det kommer inte att genomföras.", FRYSHUSET, TRAP),
    (HELD_EN + "The meeting will not take place.", "", TRAP),
    (HELD_EN + "The meeting will not be held.", "", TRAP),
    (HELD_EN + "It will not take place.", "", TRAP),
    (HELD_EN + "The meeting did not take place.", "", TRAP),
    # a place or manner denied, another meeting or event, another time, a condition, a denial
    (HELD + "Sakrådet kommer inte att hållas i Umeå.", "", TRUE),
    (HELD + "Sakrådet hölls inte i Rosenbad.", "", TRUE),
    (HELD + "Sakrådet hölls inte digitalt.", "", TRUE),
    (HELD_EN + "The meeting will not be held online.", "", TRUE),
    (HELD_EN + "The meeting was not held in Stockholm.", "", TRUE),
    (HELD + "Nästa sakråd blir inte av.", "", TRUE),
    (HELD + "Mötet med ministern blir inte av.", "", TRUE),
    (HELD + "Seminariet kommer inte att hållas.", "", TRUE),
    (HELD + "Därefter hölls ett seminarium. Det kommer inte att hållas.", "", TRUE),
    (HELD + "Nästa år blir sakrådet inte av.", "", TRUE),
    (HELD + "Sakrådet blir inte av om färre än tio anmäler sig.", "", TRUE),
    (HELD + "Det är fel att sakrådet inte blir av.", "", TRUE),
]


@pytest.mark.parametrize(("text", "facts", "accepted"), NOT_HELD)
def test_another_sentence_saying_the_meeting_will_not_be_held_calls_it_off(
    tmp_path: Path, text: str, facts: str, accepted: bool
) -> None:
    found = _findings(tmp_path, text, facts)
    assert (found == []) is accepted, found


HEARSAY = [
    (HELD + "Mötet har enligt uppgift ställts in.", "", TRAP),
    (HELD + "Sakrådet ska enligt uppgifter ha ställts in.", "", TRAP),
    (HELD + "Det ska ha ställts in.", "", TRAP),
    (HELD + "Det sägs att sakrådet ställdes in.", "", TRAP),
    (HELD_EN + "The meeting was reportedly cancelled.", "", TRAP),
    (HELD + "30 organisationer deltog. Mötet har enligt uppgift ställts in.", COUNT, TRAP),
    # a hedge, a report of something else, hearsay denied or a condition: nothing called off
    (HELD + "Sakrådet ställdes knappast in.", "", TRUE),
    (HELD + "Fryshuset ska enligt uppgift ha deltagit.", "", TRUE),
    (HELD + "Sakrådet ställdes enligt uppgift inte in.", "", TRUE),
    (HELD + "Uppgiften att sakrådet ställts in stämmer inte.", "", TRUE),
    (HELD + "Det är fel att sakrådet ska ha ställts in.", "", TRUE),
    (HELD + "Sakrådet skulle enligt uppgift ha ställts in om färre än tio anmälde sig.", "", TRUE),
]


@pytest.mark.parametrize(("text", "facts", "accepted"), HEARSAY)
def test_a_calling_off_reported_as_hearsay_leaves_the_meeting_not_said_held(
    tmp_path: Path, text: str, facts: str, accepted: bool
) -> None:
    found = _findings(tmp_path, text, facts)
    assert (found == []) is accepted, found


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (HELD + "Mötet har enligt uppgift ställts in.", "reports as hearsay that the meeting was called off"),
        (HELD_EN + "The meeting was reportedly cancelled.", "reports as hearsay that the meeting was called off"),
        ("Sakrådet har enligt uppgift ställts in den 10 september 2024.", "reports as hearsay that the meeting"),
        ("INSTÄLLT\n\n" + FRONTED, "line 3 of the text is a label calling the meeting off ('INSTÄLLT')"),
        ("## Inställt\n" + FRONTED, "line 3 of the text is a label calling the meeting off ('## Inställt')"),
        (HELD + "Sakrådet blir inte av.", "was called off ('sakrådet blir inte av'"),
    ],
)
def test_the_refusal_says_how_the_text_calls_the_meeting_off(tmp_path: Path, text: str, said: str) -> None:
    found = _findings(tmp_path, text, "")
    assert found and all(said in f and "test.yaml" in f for f in found), found


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Sakrådet hölls i Umeå.\n\nINSTÄLLT\n", "labels it called off (line 5: 'INSTÄLLT')"),
        ("Sakrådet hölls i Umeå. Sakrådet blir inte av.", "says it was called off ('sakrådet blir inte av'"),
        ("Sakrådet hölls i Umeå. Mötet har enligt uppgift ställts in.", "reports as hearsay that it was called off"),
        ("Sakrådet hölls i Umeå. Det ska ha ställts in.", "reports as hearsay that it was called off"),
    ],
)
def test_a_sakrad_published_as_held_is_warned_of_how_its_text_calls_it_off(
    tmp_path: Path, text: str, said: str
) -> None:
    found = [f for f in _findings(tmp_path, text, UNCHECKED) if "announced_only" in f]
    assert len(found) == 1 and said in found[0] and "test.yaml" in found[0], found
