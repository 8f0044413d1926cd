"""Absence, a mailing list and another or a like meeting in a kept text (stated.py): an organisation
or agency that declined, was absent or stood only on the list the invitation went to did not take
part, under its own sentence or its list's heading; a sentence about a like, another or last year's
meeting ("Ett liknande sakråd", "Fjolårets sakråd", "i fjol") names no place or chair of this one,
while "bland annat" does not make a meeting another."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import change, fixture_project, refused

from sakrad_ld import stated
from sakrad_ld.stated import folded_text


def _why(text: str, name: str = "Civos") -> str | None:
    folded = folded_text(text)
    return stated._named([name], folded, folded.replace("\x00", " "), {}, frozenset(), listed=True)


@pytest.mark.parametrize(
    ("text", "took_part"),
    [
        ("Organisationer som tackade nej:\n- Fryshuset\n- Civos\n", False),
        ("Förhinder hade:\n- Civos\n", False),
        ("Sändlista:\n- Civos\n- Fryshuset\n", False),
        ("Inbjudan gick till:\n- Civos\n", False),
        ("Anmälda men frånvarande:\n- Civos\n", False),
        ("Avböjde att delta:\n- Civos\n", False),
        ("Civos avböjde inbjudan.", False),
        ("Civos lämnade återbud.", False),
        ("Civos uteblev.", False),
        ("Civos hade förhinder.", False),
        ("Civos tackade nej.", False),
        ("Civos declined the invitation.", False),
        ("Deltagande organisationer:\n- Fryshuset\n- Civos\n", True),
        ("Civos deltog i sakrådet.", True),
        ("På mötet deltog bland annat Civos och Fryshuset.", True),
    ],
)
def test_an_organisation_that_declined_or_was_absent_did_not_take_part(text: str, took_part: bool) -> None:
    why = _why(text)
    assert (why == "") is took_part, why


@pytest.mark.parametrize(
    ("sentence", "held"),
    [
        ("Ett liknande sakråd hölls i Malmö.", False),
        ("Ett annat möte hölls i Malmö.", False),
        ("Fjolårets sakråd hölls i Malmö.", False),
        ("Sakrådet hölls i Malmö i fjol.", False),
        ("A similar meeting was held in Malmö.", False),
        ("Sakrådet hölls i Malmö.", True),
        ("Bland annat hölls sakrådet i Malmö.", True),
    ],
)
def test_a_place_of_a_like_or_last_year_s_meeting_is_not_this_one_s(sentence: str, held: bool) -> None:
    text = folded_text(sentence)
    assert stated._held_at("Malmö", text, text.replace("\x00", " ")) is held


@pytest.mark.parametrize(
    ("sentence", "chair"),
    [
        ("Ett liknande sakråd leddes av statssekreterare Daniel Liljeberg.", False),
        ("Fjolårets sakråd leddes av statssekreterare Daniel Liljeberg.", False),
        ("Sakrådet leddes av statssekreterare Daniel Liljeberg.", True),
    ],
)
def test_a_chair_of_a_like_meeting_is_not_this_one_s(sentence: str, chair: bool) -> None:
    assert stated._named_as("Daniel Liljeberg", "chair", folded_text(sentence)) is chair


SEED = Path("data") / "meetings" / "2017-12-12-integration.yaml"
KEPT = Path("data") / "sources" / "sakrad-2017-12-12-integration.txt"


@pytest.mark.parametrize(
    "added",
    [
        "Kulturrådet avböjde inbjudan.",
        "Kulturrådet lämnade återbud.",
        "Kulturrådet uteblev.",
        "Kulturrådet hade förhinder.",
        "Kulturrådet tackade nej.",
        "Organisationer som tackade nej:\n\n- Kulturrådet\n",
        "Sändlista:\n\n- Kulturrådet\n",
        "Anmälda men frånvarande:\n\n- Kulturrådet\n",
    ],
)
def test_an_agency_that_declined_or_was_absent_is_refused_naming_its_line(tmp_path: Path, added: str) -> None:
    project = fixture_project(tmp_path / "project")
    text = (project / KEPT).read_text(encoding="utf-8")
    (project / KEPT).write_text(text + "\n" + added + "\n", encoding="utf-8")
    line = change(project / SEED, "organisations:\n", "agencies: [kulturradet]\norganisations:\n")
    errors = refused(project)
    assert any(f"2017-12-12-integration.yaml:{line}: agencies[0]" in e and "'Kulturrådet'" in e for e in errors), errors


@pytest.mark.parametrize(
    ("added", "place"),
    [
        ("Ett liknande sakråd hölls i Malmö.", "Malmö"),
        ("Ett annat sakråd hölls i Luleå.", "Luleå"),
        ("Fjolårets sakråd hölls i Malmö.", "Malmö"),
    ],
)
def test_a_place_of_a_like_meeting_is_refused_naming_its_line(tmp_path: Path, added: str, place: str) -> None:
    project = fixture_project(tmp_path / "project")
    text = (project / KEPT).read_text(encoding="utf-8")
    (project / KEPT).write_text(text + "\n" + added + "\n", encoding="utf-8")
    line = change(project / SEED, "place: Stockholm", f"place: {place}")
    errors = refused(project)
    assert any(f"2017-12-12-integration.yaml:{line}: place" in e and place in e for e in errors), errors
