"""What a kept text's sentence may be used for (stated.py): a list's item ends at its line end and is
read under its list's heading ("Inbjudna organisationer:" lists invited ones, not participants); an
agency is held to an organisation's sentence rules and a government body needs a word of taking part
in its sentence, not as a person's workplace; a sentence about another meeting ("Ett tidigare sakråd",
"Förra årets sakråd", "Nästa möte") names no place, chair or participant of this one. Each case both
ways, on the functions the load check calls, and one through loading the fixture project."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import change, fixture_project, refused

from sakrad_ld import stated
from sakrad_ld.corpus import load_corpus
from sakrad_ld.stated import folded_text


def _org(text: str, name: str, *, places: frozenset[str] = frozenset(), body: bool = False) -> str | None:
    folded = folded_text(text)
    flat = folded.replace("\x00", " ")
    return stated._named([name], folded, flat, {}, places, listed=True, taking_part=body)


@pytest.mark.parametrize(
    ("text", "taking_part"),
    [
        ("Inbjudna organisationer:\n- Fryshuset\n- Civos\n", False),
        ("Inbjudna:\n\n* Civos\n* Fryshuset\n", False),
        ("Följande bjöds in:\n1. Fryshuset\n2. Civos\n", False),
        ("Följande organisationer var inbjudna men kunde inte komma:\n- Civos\n", False),
        ("Deltagande organisationer:\n- Fryshuset\n- Civos\n", True),
        ("Följande var inbjudna och deltog:\n- Civos\n", True),
        ("Inbjudna organisationer:\n- Civos (deltog)\n", True),
        ("Inbjudna organisationer:\n- Fryshuset\n\nPå mötet deltog Civos och andra.", True),
        ("Civos deltog.\nInbjudna: se listan.", True),
    ],
)
def test_an_item_is_read_under_its_list_s_heading(text: str, taking_part: bool) -> None:
    why = _org(text, "Civos")
    assert (why == "") is taking_part, why
    if not taking_part:
        assert why is not None and "invited" in why


def test_a_list_s_heading_is_walked_to_once_for_all_its_items() -> None:
    """Each item is looked at once, the heading kept for all of them; an item more than LIST_ITEMS
    below its heading is read as under none (the walk is bounded)."""
    items = "".join(f"- Förening {i}\n" for i in range(3_000))
    text = folded_text("Inbjudna organisationer:\n" + items)
    flat = text.replace("\x00", " ")
    cache: dict[int, tuple[int, int] | None] = {}
    near = text.index("- förening 400")
    heading = stated._heading(text, flat, near, cache)
    assert heading is not None and flat[heading[0] : heading[1]].startswith("inbjudna organisationer")
    assert len(cache) == 401  # the items from 400 up to the first, each once
    assert stated._heading(text, flat, text.index("- förening 0"), cache) == heading
    assert stated._heading(text, flat, text.rindex("- förening 2999"), cache) is None
    assert len(cache) == 401 + stated.LIST_ITEMS + 1


@pytest.mark.parametrize(
    ("text", "branch"),
    [
        ("Deltog:\n- Svenska Röda Korset\nI Stockholm finns många föreningar. Vi bor i Stockholm.", False),
        ("Svenska Röda Korset deltog.\n\nI Stockholm bor många.", False),
        ("Svenska Röda Korset i Stockholm deltog. Mötet hölls i Stockholm.", True),
    ],
)
def test_a_local_branch_is_not_read_across_a_line_or_sentence_end(text: str, branch: bool) -> None:
    why = _org(text, "Svenska Röda Korset", places=stated._places(text))
    assert (why != "") is branch, why


@pytest.mark.parametrize(
    ("text", "taking_part"),
    [
        ("Sakrådet inleddes av Tobias Olsson, enhetschef på Landsbygdsdepartementet.", False),
        ("Landsbygdsdepartementet kommer att anordna fler sakråd.", False),
        ("Landsbygdsdepartementet var inbjudet men kunde inte delta.", False),
        ("Landsbygdsdepartementet har tagit fram en rapport.", False),
        ("Ett tidigare sakråd om GJP med Landsbygdsdepartementet deltagande hölls i maj.", False),
        ("På mötet deltog 15 organisationer, representanter från Landsbygdsdepartementet samt andra.", True),
        ("Representanter för Landsbygdsdepartementet samlades till sakråd.", True),
        ("Landsbygdsdepartementet presenterade sitt arbete.", True),
    ],
)
def test_a_government_body_needs_a_word_of_its_taking_part(text: str, taking_part: bool) -> None:
    why = _org(text, "Landsbygdsdepartementet", body=True)
    assert (why == "") is taking_part, why


@pytest.mark.parametrize(
    ("sentence", "held"),
    [
        ("Ett tidigare sakråd om GJP hölls i Malmö.", False),
        ("Nästa möte hålls i Malmö.", False),
        ("Förra årets sakråd hölls i Malmö.", False),
        ("The next meeting will be held in Malmö.", False),
        ("Sakrådet hölls i Malmö.", True),
    ],
)
def test_a_place_of_another_meeting_is_not_this_one_s(sentence: str, held: bool) -> None:
    text = folded_text(sentence)
    assert stated._held_at("Malmö", text, text.replace("\x00", " ")) is held


@pytest.mark.parametrize(
    ("sentence", "chair"),
    [
        ("Förra årets sakråd om GJP leddes av statssekreterare Daniel Liljeberg.", False),
        ("Det kommande sakrådet leds av Daniel Liljeberg, som också ledde ett tidigare möte.", False),
        ("Sakrådet leddes av statssekreterare Daniel Liljeberg.", True),
    ],
)
def test_a_chair_of_another_meeting_is_not_this_one_s(sentence: str, chair: bool) -> None:
    assert stated._named_as("Daniel Liljeberg", "chair", folded_text(sentence)) is chair


SEED = Path("data") / "meetings" / "2017-12-12-integration.yaml"
KEPT = Path("data") / "sources" / "sakrad-2017-12-12-integration.txt"
BODIES = Path("data") / "bodies.yaml"


def test_an_agency_the_text_says_was_only_invited_is_refused_naming_its_line(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project")
    text = (project / KEPT).read_text(encoding="utf-8")
    (project / KEPT).write_text(text + "\nKulturrådet var inbjudet men kunde inte delta.\n", encoding="utf-8")
    line = change(project / SEED, "organisations:\n", "agencies: [kulturradet]\norganisations:\n")
    errors = refused(project)
    assert any(f"2017-12-12-integration.yaml:{line}: agencies[0]" in e and "'Kulturrådet'" in e for e in errors), errors
    # the same agency named taking part is accepted
    (project / KEPT).write_text(text + "\nKulturrådet deltog också.\n", encoding="utf-8")
    load_corpus(project / "data")
