"""A meeting's place is stated only by a sentence that says the meeting was held there (placed.py,
:func:`sakrad_ld.placed.place_guard`): not one that denies it ("hölls digitalt, inte i Stockholm",
"inte i Stockholm utan i Luleå" for Stockholm), makes it a plan, a condition or a doubt ("skulle hållas
i", "planeras i", "Om möjligt hålls …", "i Umeå eller Luleå"), says the meeting was called off or moved,
or places the holding at another time ("nästa gång", "brukar"). The other place of a contrast is stated
("… utan i Luleå"); an announced meeting may take its place from a plan."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import change, fixture_project, load_messages

from sakrad_ld import placed, stated
from sakrad_ld.stated import folded_text

SEED = Path("data") / "meetings" / "2017-12-12-integration.yaml"
KEPT = Path("data") / "sources" / "sakrad-2017-12-12-integration.txt"
YEARS = frozenset({"2025"})
DENIES = "denies it"
DOUBT = "makes it a wish, a condition, a doubt or a choice, or says the meeting was called off or moved"
PLAN = "makes it a plan"
OTHER = "places the holding at another time"
CONDITION = "makes it a condition"


def _said(sentence: str, place: str, announced: bool = False) -> str | None:
    text = folded_text(sentence)
    return placed.held_here(place, text, text.replace("\x00", " "), YEARS, announced=announced)


@pytest.mark.parametrize(
    ("sentence", "place", "said", "word"),
    [
        ("Sakrådet hölls digitalt, inte i Stockholm.", "Stockholm", DENIES, "inte"),
        ("Sakrådet hölls inte i Stockholm utan i Luleå.", "Stockholm", DENIES, "inte"),
        ("Sakrådet hölls i Luleå och inte i Stockholm.", "Stockholm", DENIES, "inte"),
        ("Sakrådet hölls i Luleå, inte i Stockholm som först planerat.", "Stockholm", DENIES, "inte"),
        ("Sakrådet hölls aldrig i Stockholm.", "Stockholm", DENIES, "aldrig"),
        ("Sakrådet hölls inte heller i Stockholm.", "Stockholm", DENIES, "inte"),
        ("Mötet kunde inte hållas i Stockholm.", "Stockholm", DENIES, "inte"),
        ("Mötet hölls varken i Stockholm eller i Luleå.", "Stockholm", DENIES, "varken"),
        ("Mötet hölls varken i Stockholm eller i Luleå.", "Luleå", DENIES, "varken"),
        ("Inget möte hölls i Stockholm.", "Stockholm", DENIES, "inget"),
        ("Sakrådet hölls i Luleå i stället för i Stockholm.", "Stockholm", DENIES, "i stället för"),
        ("Sakrådet hölls i Luleå snarare än i Stockholm.", "Stockholm", DENIES, "snarare än"),
        ("Sakrådet hölls i Luleå eftersom lokalerna i Stockholm inte var lediga.", "Stockholm", DENIES, "inte"),
        ("Mötet i Stockholm blev aldrig av.", "Stockholm", DENIES, "aldrig"),
        ("The meeting was not held in Stockholm.", "Stockholm", DENIES, "not"),
        ("The meeting was held online, not in Stockholm.", "Stockholm", DENIES, "not"),
        ("The meeting was held in Luleå instead of in Stockholm.", "Stockholm", DENIES, "instead of"),
        ("Om möjligt hålls sakrådet i Umeå.", "Umeå", DOUBT, "om möjligt"),
        ("Sakrådet hålls i Umeå om så behövs.", "Umeå", DOUBT, "om så"),
        ("Sakrådet hålls ifall det går i Umeå.", "Umeå", DOUBT, "ifall"),
        ("Mötet skulle hållas i Umeå.", "Umeå", DOUBT, "skulle"),
        ("Mötet skulle ha hållits i Umeå men flyttades till Luleå.", "Umeå", DOUBT, "skulle"),
        ("Mötet skulle, enligt planen, hållas i Umeå.", "Umeå", DOUBT, "skulle"),
        ("Mötet borde ha hållits i Umeå.", "Umeå", DOUBT, "borde"),
        ("Organisationerna ville att mötet skulle hållas i Umeå.", "Umeå", DOUBT, "ville"),
        ("Mötet hålls preliminärt i Umeå.", "Umeå", DOUBT, "preliminärt"),
        ("Mötet hålls kanske i Umeå.", "Umeå", DOUBT, "kanske"),
        ("Mötet hölls troligen i Umeå.", "Umeå", DOUBT, "troligen"),
        ("Mötet hölls möjligen i Umeå.", "Umeå", DOUBT, "möjligen"),
        ("Det är oklart om mötet hölls i Umeå.", "Umeå", DOUBT, "oklart"),
        ("Mötet hålls i Umeå eller i Luleå.", "Umeå", DOUBT, "eller"),
        ("Mötet hålls i Umeå eller i Luleå.", "Luleå", DOUBT, "eller"),
        ("Mötet i Umeå ställdes in.", "Umeå", DOUBT, "ställdes in"),
        ("Mötet i Umeå sköts upp.", "Umeå", DOUBT, "sköts upp"),
        ("Mötet i Umeå flyttades till Luleå.", "Umeå", DOUBT, "flyttades"),
        ("The meeting could be held in Umeå.", "Umeå", DOUBT, "could"),
        ("It is unclear whether the meeting was held in Umeå.", "Umeå", DOUBT, "unclear"),
        ("The meeting in Umeå was cancelled.", "Umeå", DOUBT, "cancelled"),
        ("Mötet planeras i Umeå.", "Umeå", PLAN, "planeras"),
        ("Mötet är planerat att hållas i Umeå.", "Umeå", PLAN, "planerat"),
        ("Mötet ska hållas i Umeå.", "Umeå", PLAN, "ska"),
        ("Mötet kommer att hållas i Umeå.", "Umeå", PLAN, "kommer att"),
        ("Mötet avses hållas i Umeå.", "Umeå", PLAN, "avses"),
        ("The meeting will be held in Umeå.", "Umeå", PLAN, "will"),
        ("The meeting is scheduled to take place in Umeå.", "Umeå", PLAN, "scheduled"),
        ("I framtiden hålls mötet i Malmö.", "Malmö", OTHER, "i framtiden"),
        ("Mötet hålls ibland i Malmö.", "Malmö", OTHER, "ibland"),
        ("Mötet brukar hållas i Malmö.", "Malmö", OTHER, "brukar"),
        ("Mötet hålls vanligtvis i Malmö.", "Malmö", OTHER, "vanligtvis"),
        ("The meeting usually takes place in Malmö.", "Malmö", OTHER, "usually"),
        ("Om intresset är stort, hålls sakrådet i Umeå.", "Umeå", CONDITION, "om"),
        ("Sakrådet hålls i Umeå, om lokalen räcker.", "Umeå", CONDITION, "om"),
        ("If there is interest, the meeting takes place in Umeå.", "Umeå", CONDITION, "if"),
    ],
)
def test_a_place_the_sentence_does_not_say_the_meeting_was_held_at_is_refused(
    sentence: str, place: str, said: str, word: str
) -> None:
    why = _said(sentence, place)
    assert why is not None, sentence
    assert why.startswith("holds it, but the sentence saying where the meeting was held "), why
    assert said in why and f"'{word}'" in why, why


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Sakrådet hölls i Luleå.", "Luleå"),
        ("Sakrådet hölls inte i Stockholm utan i Luleå.", "Luleå"),
        ("Sakrådet hölls digitalt, inte i Stockholm utan i Luleå.", "Luleå"),
        ("Sakrådet hölls i Luleå och inte i Stockholm.", "Luleå"),
        ("Sakrådet hölls i Stockholm och inte digitalt.", "Stockholm"),
        ("Sakrådet hölls inte digitalt utan i Stockholm.", "Stockholm"),
        ("Sakrådet hölls inte bara i Stockholm utan också i Luleå.", "Stockholm"),
        ("Sakrådet hölls inte bara i Stockholm utan också i Luleå.", "Luleå"),
        ("Sakrådet hölls i Stockholm, inte i Göteborg som först planerat.", "Stockholm"),
        ("Sakrådet, som inte sändes digitalt, hölls i Stockholm.", "Stockholm"),
        ("Mötet, som först skulle vara digitalt, hölls i Stockholm.", "Stockholm"),
        ("Sakrådet skulle ha hållits digitalt men hölls i Stockholm.", "Stockholm"),
        ("Sakrådet hölls i Stockholm eftersom lokalerna i Göteborg inte var lediga.", "Stockholm"),
        ("Sakrådet hölls i Luleå i stället för i Stockholm.", "Luleå"),
        ("Sakrådet hölls i Stockholm med inte mindre än 40 deltagare.", "Stockholm"),
        ("Sakrådet hölls i Stockholm, men alla kunde inte delta.", "Stockholm"),
        ("Sakrådet om integration hölls i Stockholm.", "Stockholm"),
        ("Sakrådet hölls i Stockholm och ett nytt möte planeras i Malmö.", "Stockholm"),
        ("Sakrådet hölls i Stockholm. Nästa gång hålls det kanske i Malmö.", "Stockholm"),
        ("Samrådet genomförs i Regeringskansliets lokaler i Stockholm.", "Regeringskansliets lokaler i Stockholm"),
        ("The meeting was held in Stockholm, not online.", "Stockholm"),
        ("The meeting was held in Stockholm and not in Malmö.", "Stockholm"),
        ("Plats: Stockholm", "Stockholm"),
    ],
)
def test_a_place_the_sentence_says_the_meeting_was_held_at_is_accepted(sentence: str, place: str) -> None:
    assert _said(sentence, place) == "", _said(sentence, place)


@pytest.mark.parametrize(
    ("sentence", "accepted"),
    [
        ("Mötet ska hållas i Umeå.", True),
        ("Mötet kommer att hållas i Umeå.", True),
        ("Mötet planeras i Umeå.", True),
        ("The meeting will be held in Umeå.", True),
        ("Om möjligt hålls mötet i Umeå.", False),
        ("Mötet hålls preliminärt i Umeå.", False),
        ("Mötet ska inte hållas i Umeå.", False),
        ("Mötet ska hållas i Umeå eller i Luleå.", False),
        ("Om intresset är stort, ska mötet hållas i Umeå.", False),
    ],
)
def test_an_announced_meeting_takes_its_place_from_a_plan_but_not_from_a_condition(
    sentence: str, accepted: bool
) -> None:
    assert (_said(sentence, "Umeå", announced=True) == "") is accepted


@pytest.mark.parametrize(
    "sentence",
    [
        "Nästa sakråd hålls i Malmö.",
        "Nästa gång träffas vi i Malmö.",
        "Next time the meeting takes place in Malmö.",
        "Förra årets sakråd hölls i Malmö.",
        "Sakrådet skulle ha hållits i Malmö.",
    ],
)
def test_a_sentence_the_place_check_of_stated_refuses_is_left_to_it(sentence: str) -> None:
    text = folded_text(sentence)
    assert _said(sentence, "Malmö") is None
    assert not stated._held_at("Malmö", text, text.replace("\x00", " "), YEARS)


@pytest.mark.parametrize(
    ("sentence", "refused"),
    [
        ("Sakrådet hölls inte i Malmö utan i Luleå.", "denies it ('inte')"),
        ("Om möjligt hölls mötet i Malmö.", DOUBT + " ('om möjligt')"),
        ("Mötet planeras i Malmö.", "makes it a plan ('planeras'), and the meeting is not marked announced_only"),
        ("Sakrådet hölls digitalt, inte i Luleå utan i Malmö.", ""),
    ],
)
def test_loading_refuses_the_place_at_its_file_and_line(tmp_path: Path, sentence: str, refused: str) -> None:
    project = fixture_project(tmp_path / "project")
    text = (project / KEPT).read_text(encoding="utf-8")
    (project / KEPT).write_text(text + f"\n{sentence}\n", encoding="utf-8")
    line = change(project / SEED, "place: Stockholm", "place: Malmö")
    errors = [e for e in load_messages(project) if ": place:" in e]
    if not refused:
        assert errors == []
        return
    assert len(errors) == 1, errors
    assert f"2017-12-12-integration.yaml:{line}: place: the place 'Malmö' is credited to" in errors[0], errors
    assert "holds it, but the sentence saying where the meeting was held " + refused in errors[0], errors
    assert "credit the fact to the document that states it" in errors[0], errors
