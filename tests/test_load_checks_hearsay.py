"""Hearsay is not the fact: a kept text that reports what others say, without saying who ("Sakrådet hölls
enligt uppgift den 10 september 2024", "Mötet ska ha hållits i Umeå", "Fryshuset ska enligt uppgift ha
deltagit", "Det sägs att 30 organisationer deltog", "reportedly held", "is said to have taken part"), states
no date, place, participant, chair or count, and says not that the meeting was held; the refusal says the
text reports it as hearsay. A source the text names ("Enligt Regeringskansliet hölls …", "enligt uppgift från
Kulturdepartementet") is the text attributing what it says, and a plan's or a document's "enligt" ("enligt
programmet", "enligt plan", "enligt protokollet") is no hearsay. Each row goes through the loader and its
warnings: (kept text, the meeting's facts, accepted)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_load_checks_phrasings import UNCHECKED
from test_sentences_roles_counts import BRANDBERG, FRYSHUSET, TRAP, TRUE, _count, _findings, _place

HELD = "Sakrådet hölls den 10 september 2024. "
HELD_EN = "The meeting was held on 10 September 2024. "
COUNT = _count("organisation_count", "30 organisationer", 30)
UMEA = _place("Umeå")

HEARSAY = [
    # the date and the holding
    ("Enligt uppgift hölls sakrådet den 10 september 2024.", "", TRAP),
    ("Sakrådet ska ha hållits den 10 september 2024.", "", TRAP),
    ("Sakrådet ska enligt uppgift ha hållits den 10 september 2024.", "", TRAP),
    ("Det sägs att sakrådet hölls den 10 september 2024.", "", TRAP),
    ("The meeting was reportedly held on 10 September 2024.", "", TRAP),
    ("According to reports, the meeting was held on 10 September 2024.", "", TRAP),
    ("Sakrådet hölls den 10 september 2024 i Umeå enligt uppgift.", UMEA, TRAP),
    # the place
    (HELD + "Mötet hölls enligt uppgift i Umeå.", UMEA, TRAP),
    (HELD + "Enligt uppgift hölls mötet i Umeå.", UMEA, TRAP),
    (HELD + "Mötet ska ha hållits i Umeå.", UMEA, TRAP),
    (HELD_EN + "It was reportedly held in Umeå.", UMEA, TRAP),
    # a participant, the chair
    (HELD + "Enligt uppgift deltog Fryshuset.", FRYSHUSET, TRAP),
    (HELD + "Fryshuset deltog enligt uppgift.", FRYSHUSET, TRAP),
    (HELD + "Fryshuset ska enligt uppgift ha deltagit.", FRYSHUSET, TRAP),
    (HELD + "Enligt obekräftade uppgifter deltog Fryshuset.", FRYSHUSET, TRAP),
    (HELD + "Enligt källor inom departementet deltog Fryshuset.", FRYSHUSET, TRAP),
    (HELD_EN + "Fryshuset is said to have taken part.", FRYSHUSET, TRAP),
    (HELD_EN + "According to unconfirmed reports, Fryshuset took part.", FRYSHUSET, TRAP),
    (HELD + "Mötet leddes enligt uppgift av Paulina Brandberg.", BRANDBERG, TRAP),
    # a count
    (HELD + "Det sägs att 30 organisationer deltog.", COUNT, TRAP),
    (HELD + "Enligt uppgift deltog 30 organisationer.", COUNT, TRAP),
    (HELD + "30 organisationer deltog enligt uppgift.", COUNT, TRAP),
    (HELD + "30 organisationer ska ha deltagit.", COUNT, TRAP),
    # hearsay denied is a denial
    (HELD + "Uppgiften att Fryshuset deltog stämmer inte.", FRYSHUSET, TRAP),
    (HELD + "Uppgiften att 30 organisationer deltog stämmer inte.", COUNT, TRAP),
    # a source named, a plan's or a document's "enligt", a plan's "ska ha": what the text states stands
    ("Enligt Regeringskansliet hölls sakrådet den 10 september 2024 i Umeå.", UMEA, TRUE),
    (HELD + "Enligt Regeringskansliet deltog Fryshuset.", FRYSHUSET, TRUE),
    (HELD + "Enligt uppgift från Kulturdepartementet deltog Fryshuset.", FRYSHUSET, TRUE),
    (HELD_EN + "According to reports from the ministry, Fryshuset took part.", FRYSHUSET, TRUE),
    (HELD + "Fryshuset deltog, enligt ministern.", FRYSHUSET, TRUE),
    (HELD + "Fryshuset deltog enligt programmet.", FRYSHUSET, TRUE),
    (HELD + "Enligt programmet ska Fryshuset delta.", FRYSHUSET, TRAP),  # a plan
    ("Sakrådet hölls den 10 september 2024 i Umeå enligt plan.", UMEA, TRUE),
    ("Enligt protokollet hölls sakrådet den 10 september 2024 i Umeå.", UMEA, TRUE),
    (HELD + "30 organisationer deltog enligt deltagarlistan.", COUNT, TRUE),
    (HELD + "Fryshuset ska ha en monter. Fryshuset deltog.", FRYSHUSET, TRUE),
    (HELD + "Fryshuset deltog.", FRYSHUSET, TRUE),
]


@pytest.mark.parametrize(("text", "facts", "accepted"), HEARSAY)
def test_hearsay_states_no_fact(tmp_path: Path, text: str, facts: str, accepted: bool) -> None:
    found = _findings(tmp_path, text, facts)
    assert (found == []) is accepted, found


@pytest.mark.parametrize(
    ("text", "facts", "said"),
    [
        (HELD + "Mötet hölls enligt uppgift i Umeå.", UMEA, "reports it as hearsay ('enligt uppgift')"),
        (HELD + "Mötet ska ha hållits i Umeå.", UMEA, "reports it as hearsay ('ska ha')"),
        (HELD + "Enligt uppgift deltog 30 organisationer.", COUNT, "hearsay ('enligt uppgift')"),
        (HELD + "Fryshuset ska enligt uppgift ha deltagit.", FRYSHUSET, "hearsay ('ska enligt uppgift ha')"),
        ("Enligt uppgift hölls sakrådet den 10 september 2024.", "", "hearsay ('enligt uppgift')"),
        ("According to reports, the meeting was held on 10 September 2024.", "", "hearsay ('according to reports')"),
    ],
)
def test_the_refusal_says_the_text_reports_it_as_hearsay(tmp_path: Path, text: str, facts: str, said: str) -> None:
    found = _findings(tmp_path, text, facts)
    assert found and all(said in f and "test.yaml" in f for f in found), found


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("INSTÄLLT\n\nSakrådet hölls den 10 september 2024 i Umeå.", "line 3 of the text is a label calling the meeting off ('INSTÄLLT')"),
        ("Sakrådet hölls den 10 september 2024 i Umeå. Mötet har enligt uppgift ställts in.",
         "another sentence of the text reports as hearsay that the meeting was called off"),
        ("Sakrådet hölls den 10 september 2024 i Umeå. Det har flyttats till Luleå.",
         "another sentence of the text says the meeting was moved ('det har flyttats'"),
    ],
)  # fmt: skip
def test_a_place_refused_for_another_sentence_says_how_it_calls_off(tmp_path: Path, text: str, said: str) -> None:
    found = [f for f in _findings(tmp_path, text, UMEA) if "place:" in f]
    assert len(found) == 1 and f"holds it, but {said}" in found[0], found


@pytest.mark.parametrize(
    ("text", "hearsay"),
    [
        ("Sakrådet hölls enligt uppgift i Umeå.", "'enligt uppgift'"),
        ("Det sägs att sakrådet hölls i Umeå.", "'sägs'"),
        ("Sakrådet ska ha hållits i Umeå.", "'ska ha'"),
        ("The meeting was reportedly held in Umeå.", "'reportedly'"),
        ("The meeting is said to have been held in Umeå.", "'is said to'"),
    ],
)
def test_a_text_saying_held_only_as_hearsay_does_not_say_it_was_held(tmp_path: Path, text: str, hearsay: str) -> None:
    found = [f for f in _findings(tmp_path, text, UNCHECKED) if "says it was held or that anyone took part" in f]
    assert len(found) == 1 and f"but as hearsay ({hearsay})" in found[0] and "announced_only" in found[0], found


@pytest.mark.parametrize(
    "text",
    [
        "Sakrådet hölls i Umeå.",
        "Enligt Regeringskansliet hölls sakrådet i Umeå.",
        "Sakrådet hölls enligt uppgift i Umeå. Fryshuset deltog.",
        "The meeting has been held in Umeå.",
        "The meeting was finally held in Umeå.",
        "The meeting was conducted digitally.",
    ],
)
def test_a_text_saying_held_besides_or_from_a_named_source_is_not_warned(tmp_path: Path, text: str) -> None:
    assert not [f for f in _findings(tmp_path, text, UNCHECKED) if "says it was held or that anyone" in f]
