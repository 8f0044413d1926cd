"""One reading of plans, calling off and rounding for facts, counts, dates and places.

- A plan's words are clauses.GUARD_TABLE's, expectations ("väntas", "is expected to") and a plan's noun
  heading the sentence ("Tanken är att", "The plan is for") among them: a count they govern is refused as
  taking part is. A date a plan of the past governs ("Planen var att …", "väntades") is refused, one a plan
  to come announces ("Tanken är att sakrådet hålls …", as "ska hållas") is not. A place they govern is the
  place of a meeting announced only.
- A sentence calling the meeting off (clauses.called_off) states no one taking part, no chair and no count
  of those who took part; those invited stay invited.
- An abbreviated guard or rounding word ("Prel.", "ev.", "ca.", "max.") ends no sentence: its sentence
  keeps its doubt or its rounding.
- The English words that round or bound a number ("About 40 organisations attended") mark a count as the
  Swedish ones do.

Every table row goes through the real loader (corpus.load_corpus) on the fixture project with one kept
text and one meeting added.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import fixture_project, load_messages
from test_counted_dated_sentence import IC, OC
from test_guards_table import _off
from test_sentences_written import TRAP, TRUE, _accepted
from test_stated_polarity import TEST_SOURCE

from sakrad_ld import clauses, counted, placed, stated, translated
from sakrad_ld.stated import sentence_ends

DATE = "2024-09-10"
HELD = "Sakrådet hölls den 10 september 2024. "
ANNOUNCED = "announced_only: true\n"


def _loaded(text: str, facts: str, extra: str = "") -> list[str]:
    """The refusals of the fixture project with the kept text ``text`` and a meeting of ``DATE`` with
    ``facts`` (and ``extra`` fields) credited to it: only those at the meeting's file."""
    project = fixture_project(Path(_loaded.tmp) / f"p{_loaded.count}")  # type: ignore[attr-defined]
    _loaded.count += 1  # type: ignore[attr-defined]
    data = project / "data"
    with (data / "sources.yaml").open("a", encoding="utf-8") as out:
        out.write(TEST_SOURCE)
    (data / "sources" / "test.md").write_text(f"# Sakråd om testfrågor\n\n{text}\n", encoding="utf-8")
    (data / "meetings" / f"{DATE}-test.yaml").write_text(
        f"id: {DATE}-test\nsource: test-src\ntitle:\n  sv: Sakråd om testfrågor\ndate: {DATE}\n" + extra + facts,
        encoding="utf-8",
    )
    return [m for m in load_messages(project) if f"{DATE}-test" in m]


@pytest.fixture(autouse=True)
def _where(tmp_path: Path) -> None:
    _loaded.tmp, _loaded.count = tmp_path, 0  # type: ignore[attr-defined]


def count(field: str, words: str, value: int, mark: str = "") -> str:
    marks = {"": "", "approximate": "  approximate: true\n", "at-least": "  bound: at-least\n"}
    marks["at-most"] = "  bound: at-most\n"
    return f"{field}:\n  text: {words}\n  value: {value}\n" + marks[mark]


ORG = "organisations:\n  - fryshuset\n"
CHAIR = "chair:\n  person: paulina-brandberg\n"
PLACE = "place: Luleå\n"
ACCEPTED = ""

#: (kept text, the meeting's facts, the field refused, what the refusal says; ACCEPTED where it loads)
PLANS = [
    (HELD + "30 organisationer väntas delta.", count(OC, "30 organisationer", 30), OC, "('väntas')"),
    (HELD + "Tanken är att 30 organisationer deltar.", count(OC, "30 organisationer", 30), OC, "('tanken är att')"),
    (HELD + "Det är meningen att 30 organisationer deltar.", count(OC, "30 organisationer", 30), OC, "a plan"),
    (HELD + "The plan is for 30 organisations to attend.", count(OC, "30 organisations", 30), OC, "a plan"),
    (HELD + "30 organisations are expected to attend.", count(OC, "30 organisations", 30), OC, "('are expected to')"),
    (HELD + "30 organisationer väntas bjudas in.", count(IC, "30 organisationer", 30), IC, "('väntas')"),
    (HELD + "30 organisationer deltog.", count(OC, "30 organisationer", 30), OC, ACCEPTED),
    (HELD + "Syftet var att samla synpunkter, och 30 organisationer deltog.", count(OC, "30 organisationer", 30),
     OC, ACCEPTED),
    (HELD + "Fryshuset förväntades delta.", ORG, "organisations[0]", "('förväntades')"),
    (HELD + "The idea is that Fryshuset attends.", ORG, "organisations[0]", "a plan"),
    ("Planen var att sakrådet hålls den 10 september 2024.", "", "date", "('planen var att')"),
    ("The plan was for the sakråd to be held on 10 September 2024.", "", "date", "('plan was for')"),
    ("Sakrådet väntades hållas den 10 september 2024.", "", "date", "('väntades')"),
    ("Tanken är att sakrådet hålls den 10 september 2024.", "", "date", "a plan to come ('tanken är att')"),
    ("The sakråd is expected to take place on 10 September 2024.", "", "date", "a plan to come ('is expected to')"),
    ("Planen var att sakrådet skulle hållas i augusti, men det hölls den 10 september 2024.", "", "date", ACCEPTED),
    (HELD + "Planen är att sakrådet hålls i Luleå.", PLACE, "place", "makes it a plan ('planen är att')"),
    (HELD + "Sakrådet väntas hållas i Luleå.", PLACE, "place", "makes it a plan ('väntas')"),
    (HELD + "Sakrådet hölls i Luleå.", PLACE, "place", ACCEPTED),
]  # fmt: skip

#: As :data:`PLANS`, of a sentence calling the meeting off.
CALLED_OFF = [
    (HELD + "Fryshuset deltog i sakrådet, som sedan ställdes in.", ORG, "organisations[0]",
     "called off ('ställdes in')"),
    (HELD + "Fryshuset took part in the meeting, which was later cancelled.", ORG, "organisations[0]",
     "called off ('cancelled')"),
    (HELD + "Sakrådet, där Fryshuset deltog, har ställts in.", ORG, "organisations[0]", "called off ('ställts in')"),
    (HELD + "Fryshuset deltog i sakrådet trots att det nästan ställdes in.", ORG, "organisations[0]", ACCEPTED),
    (HELD + "Fryshuset deltog i sakrådet, som skulle ställas in om färre än tio anmälde sig.", ORG,
     "organisations[0]", ACCEPTED),
    (HELD + "Sakrådet leddes av Paulina Brandberg men ställdes sedan in.", CHAIR, "chair.person", "Paulina"),
    (HELD + "Sakrådet leddes av Paulina Brandberg.", CHAIR, "chair.person", ACCEPTED),
    (HELD + "30 organisationer deltog i sakrådet, som sedan ställdes in.", count(OC, "30 organisationer", 30), OC,
     "called off ('ställdes in')"),
    (HELD + "30 organisationer bjöds in till sakrådet, som sedan ställdes in.", count(IC, "30 organisationer", 30),
     IC, ACCEPTED),
    ("Sakrådet den 10 september 2024 ställdes dock in.", "", "date", "called off ('ställdes dock in')"),
    ("Sakrådet ställdes aldrig in utan hölls den 10 september 2024.", "", "date", ACCEPTED),
]  # fmt: skip

#: As :data:`PLANS`, of abbreviations and the English words that round or bound a count.
ROUNDING = [
    (HELD + "Prel. 30 organisationer deltog.", count(OC, "30 organisationer", 30), OC, "a condition or a doubt ('prel')"),
    (HELD + "Ev. deltog Fryshuset.", ORG, "organisations[0]", "('ev')"),
    (HELD + "Fryshuset deltog evt. i sakrådet.", ORG, "organisations[0]", "('evt')"),
    (HELD + "Ca. 30 organisationer deltog.", count(OC, "30 organisationer", 30, "approximate"), OC, ACCEPTED),
    (HELD + "Ca. 30 organisationer deltog.", count(OC, "30 organisationer", 30), OC, "'ca. 30': approximate"),
    (HELD + "Max. 30 organisationer deltog.", count(OC, "30 organisationer", 30, "at-most"), OC, ACCEPTED),
    (HELD + "Max 30 organisationer deltog.", count(OC, "30 organisationer", 30), OC, "at-most"),
    (HELD + "About 40 organisations attended.", count(OC, "40 organisations", 40), OC, "'about 40': approximate"),
    (HELD + "About 40 organisations attended.", count(OC, "40 organisations", 40, "approximate"), OC, ACCEPTED),
    (HELD + "Approx. 40 organisations attended.", count(OC, "40 organisations", 40, "approximate"), OC, ACCEPTED),
    (HELD + "Some 40 organisations took part.", count(OC, "40 organisations", 40), OC, "approximate"),
    (HELD + "More than 40 organisations attended.", count(OC, "40 organisations", 40), OC, "at-least"),
    (HELD + "More than 40 organisations attended.", count(OC, "40 organisations", 40, "at-least"), OC, ACCEPTED),
    (HELD + "Not more than 20 organisations attended.", count(OC, "20 organisations", 20, "at-most"), OC, ACCEPTED),
    (HELD + "Nearly 30 people took part.", count("participant_count", "30 people", 30), "participant_count",
     "at-most"),
]  # fmt: skip


def _check(text: str, facts: str, field: str, says: str, extra: str = "") -> None:
    messages = _loaded(text, facts, extra)
    if says == ACCEPTED:
        assert messages == [], messages
        return
    assert len(messages) == 1, messages
    assert f": {field}" in messages[0], messages
    assert says in messages[0], messages


@pytest.mark.parametrize(("text", "facts", "field", "says"), PLANS, ids=lambda v: str(v)[:48])
def test_a_plan_reads_alike_for_counts_dates_facts_and_places(text: str, facts: str, field: str, says: str) -> None:
    _check(text, facts, field, says)


@pytest.mark.parametrize(
    "text",
    [
        "Tanken är att sakrådet hålls den 10 september 2024.",
        "The sakråd is expected to take place on 10 September 2024.",
    ],
)
def test_a_plan_to_come_dates_a_meeting_announced_only(text: str) -> None:
    _check(text, "", "date", ACCEPTED, ANNOUNCED)


def test_a_meeting_called_off_after_it_was_said_to_be_held_refuses_its_date_and_its_count() -> None:
    """The text says the meeting was held, then that it was called off: neither the day nor the count
    of those to take part is a fact of a meeting held, and each is refused on its own line."""
    text = HELD + "30 organisationer skulle delta, men sakrådet ställdes tyvärr in."
    messages = _loaded(text, count(OC, "30 organisationer", 30))
    assert len(messages) == 2, messages
    assert any(": date" in m and "ställdes tyvärr in" in m for m in messages), messages
    assert any(f": {OC}" in m and "('ställdes tyvärr in')" in m for m in messages), messages


@pytest.mark.parametrize(("text", "facts", "field", "says"), CALLED_OFF, ids=lambda v: str(v)[:48])
def test_a_sentence_calling_the_meeting_off_states_no_one_taking_part(
    text: str, facts: str, field: str, says: str
) -> None:
    _check(text, facts, field, says)


@pytest.mark.parametrize(("text", "facts", "field", "says"), ROUNDING, ids=lambda v: str(v)[:48])
def test_abbreviations_and_english_words_round_and_bound_as_swedish_ones(
    text: str, facts: str, field: str, says: str
) -> None:
    _check(text, facts, field, says)


@pytest.mark.parametrize(
    "text",
    [
        "Sakrådet hålls den 10 september 2024. Planen är att sakrådet hålls i Luleå.",
        "Sakrådet hålls den 10 september 2024. Sakrådet väntas hållas i Luleå.",
        "Sakrådet hålls den 10 september 2024. The meeting is expected to be held in Luleå.",
        "Sakrådet hålls den 10 september 2024. Sakrådet ska hållas i Luleå.",
    ],
)
def test_a_plan_states_the_place_of_a_meeting_announced_only(text: str) -> None:
    _check(text, PLACE, "place", ACCEPTED, ANNOUNCED)


def test_a_plan_of_another_kind_still_refuses_an_announced_place() -> None:
    text = "Sakrådet hålls den 10 september 2024. Planen är att sakrådet kanske hålls i Luleå."
    _check(text, PLACE, "place", "('kanske')", ANNOUNCED)


# --- the tables ---------------------------------------------------------------------------------------


def test_plans_are_read_from_the_guard_table_alone() -> None:
    assert stated.EXPECTED_WORDS is clauses.EXPECTED_WORDS and stated.PLAN_NOUNS is clauses.PLAN_NOUNS
    assert {clauses.GUARDS[w] for w in clauses.EXPECTED_WORDS} == {(clauses.PLAN, "clause")}
    assert {clauses.GUARDS[w] for w in clauses.PLAN_NOUNS} == {(clauses.PLAN, "head")}
    assert not hasattr(stated, "_planned_in") and not hasattr(stated, "_PLAN_LEAD")


@pytest.mark.parametrize(
    ("word", "past"),
    [("planen var att", True), ("plan was for", True), ("väntades", True), ("was expected to", True),
     ("tanken är att", False), ("väntas", False), ("is expected to", False), ("ska", False)],
)  # fmt: skip
def test_a_plan_of_the_past_is_told_from_one_to_come(word: str, past: bool) -> None:
    assert clauses.past_plan(word) is past


def test_the_calling_off_of_dates_counts_and_facts_is_one() -> None:
    from sakrad_ld import dated

    assert dated.called_off is clauses.called_off and dated.CALLING_OFF is clauses.CALLING_OFF
    assert set(clauses.CALLING_OFF) <= {w for w, (k, _) in clauses.GUARDS.items() if k == clauses.CALLED_OFF}
    assert _off("Sakrådet ställdes in.") == "ställdes in"


@pytest.mark.parametrize("abbreviation", [*clauses.GUARD_ABBREVIATIONS, *counted.MARK_ABBREVIATIONS])
def test_an_abbreviated_guard_or_rounding_word_ends_no_sentence(abbreviation: str) -> None:
    stem = abbreviation.rstrip(".")
    assert stem in clauses.GUARDS or stem in counted.MARKS, stem
    assert abbreviation in stated.ABBREVIATIONS
    assert not sentence_ends(abbreviation.capitalize(), "30")
    assert not sentence_ends(abbreviation, "Fryshuset")


def test_every_guard_word_with_an_abbreviation_in_the_list_is_a_guard_word() -> None:
    """An abbreviation of the sentence list whose stem is a guard word or a word that rounds or bounds is
    one of the guard's or the count's own abbreviations (so the two lists cannot drift apart)."""
    words = set(clauses.GUARDS) | {w.casefold() for w in counted.MARKS}
    stems = {a for a in stated.ABBREVIATIONS if a.endswith(".") and a.rstrip(".") in words}
    assert stems <= {*clauses.GUARD_ABBREVIATIONS, *counted.MARK_ABBREVIATIONS}, stems


def test_the_english_marks_are_defined_once() -> None:
    assert translated.EN_ROUNDING is counted.EN_ROUNDING
    assert counted.APPROXIMATE.fullmatch("about") and counted.AT_LEAST.fullmatch("more than")


@pytest.mark.parametrize(
    ("sentence", "kind", "value", "accepted"),
    [
        ("Fryshuset deltog i sakrådet, som sedan ställdes in.", "organisation", "Fryshuset", TRAP),
        ("Fryshuset deltog i sakrådet, som hölls i Luleå.", "organisation", "Fryshuset", TRUE),
        ("Sakrådet väntas hållas i Luleå.", "place", "Luleå", TRAP),
        ("Sakrådet hölls i Luleå.", "place", "Luleå", TRUE),
        ("The plan was for the meeting to be held in Luleå.", "place", "Luleå", TRAP),
    ],
)
def test_the_sentence_readers_agree_with_the_loader(sentence: str, kind: str, value: str, accepted: bool) -> None:
    assert _accepted(sentence, kind, value) is accepted
    if kind == "place":
        assert placed.held_here(value, *_texts(sentence)) in (None, "") or not accepted


def _texts(sentence: str) -> tuple[str, str]:
    text = stated.folded_text(sentence)
    return text, stated._flat(text)
