"""An intention or a plan to organise ("avser Justitiedepartementet genomföra ett EU-sakråd",
"Kulturdepartementet kommer att anordna ett sakråd", "Sakrådet ska anordnas av …") says who meant to
hold the sakråd before it was held, not who held it: it names the organiser of a meeting marked
``announced_only`` only, as a plan to come dates only such a meeting (docs/load-checks.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import fixture_project, load_messages
from test_stated_polarity import TEST_SOURCE

from sakrad_ld.organised import organiser_named
from sakrad_ld.records import Body, Text
from sakrad_ld.stated import folded_text

KULTUR = Body(id="kulturdepartementet", name=Text("Kulturdepartementet"), kind="ministry")

INTENDED = [
    "Inför behandlingen avser Kulturdepartementet genomföra ett EU-sakråd.",
    "Kulturdepartementet kommer att anordna ett sakråd.",
    "Kulturdepartementet planerar att anordna ett sakråd.",
    "Kulturdepartementet ska anordna ett sakråd.",
    "Sakrådet ska anordnas av Kulturdepartementet.",
    "Kulturdepartementet avser att anordna ett sakråd.",
]
DONE = [
    "Kulturdepartementet anordnade sakrådet.",
    "Sakrådet anordnades av Kulturdepartementet.",
    "I dag arrangerar Kulturdepartementet ett sakråd.",
]


@pytest.mark.parametrize("text", INTENDED)
def test_an_intention_names_no_organiser_of_a_meeting_held(text: str) -> None:
    assert organiser_named(KULTUR, folded_text(text)), "read as naming the body at all"
    assert not organiser_named(KULTUR, folded_text(text), plans=False)


@pytest.mark.parametrize("text", DONE)
def test_organising_done_names_the_organiser_either_way(text: str) -> None:
    assert organiser_named(KULTUR, folded_text(text), plans=False)


def _messages(tmp_path: Path, text: str, extra: str = "") -> list[str]:
    project = fixture_project(tmp_path / "p")
    data = project / "data"
    with (data / "sources.yaml").open("a", encoding="utf-8") as out:
        out.write(TEST_SOURCE)
    (data / "sources" / "test.md").write_text(f"# Sakråd om testfrågor\n\n{text}\n", encoding="utf-8")
    (data / "meetings" / "2024-09-10-test.yaml").write_text(
        "id: 2024-09-10-test\nsource: test-src\ntitle:\n  sv: Sakråd om testfrågor\n"
        "date_derivation:\n  sv: Dagen är källans.\n  en: The day is the source's.\n"
        "date: 2024-09-10\norganiser: kulturdepartementet\n" + extra,
        encoding="utf-8",
    )
    return [m for m in load_messages(project) if "2024-09-10-test" in m and "organiser" in m]


def test_loading_refuses_an_organiser_only_intended_unless_the_meeting_is_announced_only(tmp_path: Path) -> None:
    text = "Kulturdepartementet kommer att anordna ett sakråd den 10 september 2024."
    refused = _messages(tmp_path / "held", text)
    assert refused and "announced_only" in refused[0], refused
    assert _messages(tmp_path / "announced", text, "announced_only: true\n") == []
    assert _messages(tmp_path / "done", "Kulturdepartementet anordnade sakrådet den 10 september 2024.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Kulturdepartementet anordnade sakrådet som skulle ge underlag till strategin.",
        "Kulturdepartementet anordnade sakrådet, där synpunkterna ska tas till vara.",
    ],
)
def test_a_plan_after_the_organising_is_not_the_organisers(text: str) -> None:
    assert organiser_named(KULTUR, folded_text(text), plans=False)
