"""What a kept text's sentence is about (clauses.py, counted.py, stated.py, docs/load-checks.md), round
14b: a question ("Deltog X?") states no fact of any kind, a meeting's questions aside; a counterfactual
("hade deltagit om …", "Hade X deltagit …", "hade gärna", "hade velat"), a hedge or hearsay ("knappast",
"uppges", "påstås", "sägs", "reportedly", "allegedly") and a denial ("förnekar att", "Uppgiften att … är
felaktig", "det stämmer inte", "denied") state none; the name after "Enligt"/"According to" is the
source, not one taking part; "1 200" is one number, never "200"; a range ("10–12", "tio till tolv",
"mellan 10 och 12") gives no count; "ett dussin" is 12; "12 st." counts organisations; a sentence opening
with another year or day is about another meeting; a guard word inside an organisation's name is the
name's. Each row goes through the loader: (sentence, facts, accepted)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_stated_polarity import _project

from sakrad_ld import clauses
from sakrad_ld.counted import numbers_in

TRUE, TRAP = True, False
FRYSHUSET = "organisations:\n  - fryshuset\n"
FAMNA = "organisations:\n  - famna\n"


def _count(field: str, text: str, value: int, mark: str = "") -> str:
    return f'{field}:\n  text: "{text}"\n  value: {value}\n' + (f"  {mark}\n" if mark else "")


QUESTIONS = [
    ("Deltog Fryshuset?", FRYSHUSET, TRAP),
    ("Did Fryshuset attend?", FRYSHUSET, TRAP),
    ("Deltog tolv organisationer?", _count("organisation_count", "tolv organisationer", 12), TRAP),
    ("Hölls sakrådet i Stockholm?", "place: Stockholm\n", TRAP),
    ("Deltog Fryshuset? Ja, Fryshuset deltog.", FRYSHUSET, TRUE),
    ("Fryshuset deltog.", FRYSHUSET, TRUE),
    ("Hur kan stödet förbättras?", "questions:\n  - sv: Hur kan stödet förbättras?\n", TRUE),
]
COUNTERFACTUALS = [
    ("Fryshuset hade deltagit om tiden hade räckt.", FRYSHUSET, TRAP),
    ("Hade Fryshuset deltagit hade mötet blivit bättre.", FRYSHUSET, TRAP),
    ("Fryshuset hade gärna deltagit.", FRYSHUSET, TRAP),
    ("Fryshuset hade velat delta.", FRYSHUSET, TRAP),
    ("Tolv organisationer hade velat delta.", _count("organisation_count", "Tolv organisationer", 12), TRAP),
    ("Sakrådet hade hållits i Stockholm om lokalen varit ledig.", "place: Stockholm\n", TRAP),
    ("Fryshuset had hoped to attend.", FRYSHUSET, TRAP),
    ("Fryshuset hade förberett sig väl och deltog.", FRYSHUSET, TRUE),
    ("Fryshuset deltog, och hade med sig tre ungdomar.", FRYSHUSET, TRUE),
]
HEDGES = [
    ("Fryshuset deltog knappast.", FRYSHUSET, TRAP),
    ("Fryshuset uppges ha deltagit.", FRYSHUSET, TRAP),
    ("Fryshuset påstås ha deltagit.", FRYSHUSET, TRAP),
    ("Fryshuset sägs ha deltagit.", FRYSHUSET, TRAP),
    ("Tolv organisationer uppges ha deltagit.", _count("organisation_count", "Tolv organisationer", 12), TRAP),
    ("Fryshuset förnekar att de deltog.", FRYSHUSET, TRAP),
    ("Uppgiften att Fryshuset deltog är felaktig.", FRYSHUSET, TRAP),
    ("”Fryshuset deltog”, påstår Famna, men det stämmer inte.", FRYSHUSET, TRAP),
    ("Sakrådet hölls i Stockholm, uppges det, men det stämmer inte.", "place: Stockholm\n", TRAP),
    ("Fryshuset reportedly attended.", FRYSHUSET, TRAP),
    ("Fryshuset allegedly attended.", FRYSHUSET, TRAP),
    ("Fryshuset denied that it attended.", FRYSHUSET, TRAP),
    ("Fryshuset deltog och berättade om sitt arbete.", FRYSHUSET, TRUE),
]
SOURCES = [
    ("Enligt Famna deltog Fryshuset.", FAMNA, TRAP),
    ("Enligt Famna deltog Fryshuset.", FRYSHUSET, TRUE),
    ("Fryshuset deltog, enligt Famna.", FAMNA, TRAP),
    ("According to Famna, Fryshuset attended.", FAMNA, TRAP),
    ("Famna och Fryshuset deltog.", FAMNA, TRUE),
]
NUMBERS = [
    ("1 200 personer deltog.", _count("participant_count", "1 200 personer", 1200), TRUE),
    ("1 200 personer deltog.", _count("participant_count", "200 personer", 200), TRAP),
    ("1.200 personer deltog.", _count("participant_count", "1.200 personer", 1200), TRUE),
    ("1\u00a0200 personer deltog.", _count("participant_count", "1 200 personer", 1200), TRUE),
    ("1\u2009200 personer deltog.", _count("participant_count", "200 personer", 200), TRAP),
    ("10–12 organisationer deltog.", _count("organisation_count", "12 organisationer", 12), TRAP),
    ("10–12 organisationer deltog.", _count("organisation_count", "10–12 organisationer", 12), TRAP),
    ("10–12 organisationer deltog.", _count("organisation_count", "10–12 organisationer", 10, "bound: at-least"), TRUE),
    ("10–12 organisationer deltog.", _count("organisation_count", "10–12 organisationer", 12, "bound: at-most"), TRUE),
    ("10–12 organisationer deltog.", _count("organisation_count", "12 organisationer", 12, "bound: at-most"), TRAP),
    ("Mellan 10 och 12 organisationer deltog.",
     _count("organisation_count", "Mellan 10 och 12 organisationer", 12, "bound: at-most"), TRUE),
    ("Tio till tolv organisationer deltog.", _count("organisation_count", "tolv organisationer", 12), TRAP),
    ("Mellan 10 och 12 organisationer deltog.", _count("organisation_count", "12 organisationer", 12), TRAP),
    ("Between 10 and 12 organisations attended.", _count("organisation_count", "12 organisations", 12), TRAP),
    ("Ett dussin organisationer deltog.", _count("organisation_count", "Ett dussin organisationer", 12), TRUE),
    ("Drygt ett dussin organisationer deltog.",
     _count("organisation_count", "ett dussin organisationer", 12, "bound: at-least"), TRUE),
    ("12 st. organisationer deltog.", _count("organisation_count", "12 st. organisationer", 12), TRUE),
    ("Tolv organisationer deltog.", _count("organisation_count", "Tolv organisationer", 12), TRUE),
]  # fmt: skip
OTHER_TIMES = [
    ("2023 deltog Fryshuset.", FRYSHUSET, TRAP),
    ("2024 deltog Fryshuset i sakrådet.", FRYSHUSET, TRUE),
    ("2023 deltog tolv organisationer.", _count("organisation_count", "tolv organisationer", 12), TRAP),
    ("Tidigare år har Fryshuset deltagit.", FRYSHUSET, TRAP),
    ("Fryshuset har tidigare deltagit i regeringens sakråd.", FRYSHUSET, TRAP),
    ("Den 3 april deltog Fryshuset i ett möte med departementet.", FRYSHUSET, TRAP),
    ("Den 10 september deltog Fryshuset.", FRYSHUSET, TRUE),
]
OTHER_EVENTS = [
    ("En konferens hölls i Stockholm.", "place: Stockholm\n", TRAP),
    ("Efter sakrådet hölls en middag i Stockholm.", "place: Stockholm\n", TRAP),
    ("Ett förmöte inför sakrådet hölls i Stockholm.", "place: Stockholm\n", TRAP),
    ("A conference was held in Stockholm.", "place: Stockholm\n", TRAP),
    ("Sakrådet hölls i Stockholm.", "place: Stockholm\n", TRUE),
    ("Det nationella sakrådet hölls i Stockholm.", "place: Stockholm\n", TRUE),
    ("The meeting was held in Stockholm.", "place: Stockholm\n", TRUE),
    ("Fryshuset deltog i Almedalen.", FRYSHUSET, TRAP),
    ("Fryshuset deltog i en debatt i SVT om sakrådet.", FRYSHUSET, TRAP),
    ("Fryshuset har deltagit i arbetet med handlingsplanen.", FRYSHUSET, TRAP),
    ("Fryshuset deltog i planeringen av sakrådet.", FRYSHUSET, TRAP),
    ("Tolv organisationer deltog i Almedalen.", _count("organisation_count", "Tolv organisationer", 12), TRAP),
    ("Fryshuset deltog i sakrådet.", FRYSHUSET, TRUE),
    ("Fryshuset deltog i mötet.", FRYSHUSET, TRUE),
    ("Fryshuset deltog i diskussionen.", FRYSHUSET, TRUE),
    ("Fryshuset deltog i en diskussion om stödet.", FRYSHUSET, TRUE),
    ("Fryshuset deltog digitalt.", FRYSHUSET, TRUE),
    ("Tolv organisationer deltog i dialogen.", _count("organisation_count", "Tolv organisationer", 12), TRUE),
]
BOUNDARIES = [
    ("Vid förra sakrådet den 3 april deltog Famna; i dag deltog Fryshuset.", FRYSHUSET, TRUE),
    ("Vid förra sakrådet den 3 april deltog Famna; i dag deltog Fryshuset.", FAMNA, TRAP),
    ("| Organisation | Deltog |\n|---|---|\n| Famna | Ja |\n| Fryshuset | Nej |", FRYSHUSET, TRAP),
    ("| Organisation | Deltog |\n|---|---|\n| Famna | Ja |\n| Fryshuset | Nej |", FAMNA, TRUE),
]
NAMES = [
    ("Hela Sverige ska leva deltog.", "organisations:\n  - hela-sverige-ska-leva\n", TRUE),
    ("Hela Sverige ska leva deltog inte.", "organisations:\n  - hela-sverige-ska-leva\n", TRAP),
]


@pytest.mark.parametrize(
    ("sentence", "facts", "accepted"),
    QUESTIONS + COUNTERFACTUALS + HEDGES + SOURCES + NUMBERS + OTHER_TIMES + OTHER_EVENTS + BOUNDARIES + NAMES,
)
def test_a_sentence_states_a_fact_only_of_what_it_is_about(
    tmp_path: Path, sentence: str, facts: str, accepted: bool
) -> None:
    _, messages = _project(tmp_path, sentence, facts)
    assert (messages == []) is accepted, messages


@pytest.mark.parametrize(
    ("words", "values"),
    [("1 200 personer", [1200]), ("1.200", [1200]), ("12 000 deltagare", [12000]), ("2024 100", [2024, 100]),
     ("ett dussin", [12]), ("ett dussintal", [12]), ("3 maj 2024", [3, 2024]), ("10–12", [10, 12])],
)  # fmt: skip
def test_a_number_in_groups_is_one_number(words: str, values: list[int]) -> None:
    assert [r.value for r in numbers_in(words)] == values


def test_a_range_bounds_its_ends() -> None:
    assert [(r.value, r.kind) for r in numbers_in("tio till tolv")] == [(10, "at-least"), (12, "at-most")]


def test_a_question_and_a_denial_are_the_sentence_guards_of_the_table() -> None:
    assert clauses.GUARDS["?"] == (clauses.QUESTION, "sentence")
    assert clauses.GUARDS["stämmer inte"] == (clauses.DENIAL, "sentence")
    flat = "deltog fryshuset? "
    assert clauses.guard_in(flat, 0, len(flat) - 1, 7, 16) == ("?", clauses.QUESTION)
    docs = (Path(__file__).resolve().parents[1] / "docs" / "load-checks.md").read_text(encoding="utf-8")
    for table in (
        "clauses.SENTENCE_GUARD_TABLE", "counted.NAMED_NUMBERS", "counted.RANGE", "clauses.OTHER_EVENTS",
        "clauses.MEETING_OBJECTS", "clauses.HELD_SUBJECTS",
    ):  # fmt: skip
        assert f"`{table}`" in docs, table
