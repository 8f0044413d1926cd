"""A further group's count, a question and a discussion area keep their IRIs when others are added,
taken away or moved (Cool URIs don't change: https://www.w3.org/Provider/Style/URI;
docs/adding-a-meeting.md, "Never change an id").

2024-02-05's page counts two groups apart; the second's count was published as
``…/count/participant-2``. Its IRI ends in its number ``n`` (numbered.py), not in its place among
``other_participant_counts``: a count put before it, or the counts' order changed, moves no IRI.
Loading refuses a count without ``n`` beside another, a number used twice and one below 2, naming
the file, the line and the field. A question's IRI (``…/question/3``) and a discussion area's end in
their ``n`` where the data gives one, else in their place, as a note's does (loading keeps them in
their text's order, so a question found and added, or one taken away, is what moves the others); a
number two items of one list share is refused. tests/test_iri_stability.py pins every such IRI published.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import change, refused
from test_iri_stability import DATA, named

from sakrad_ld.corpus import load_corpus
from sakrad_ld.graph import build_graph

MEETING = "2024-02-05-hbtqi-handlingsplan"
COUNT = f"https://w3id.org/sakrad/id/meeting/{MEETING}/count/participant"
#: 2024-02-05's further count as data/ has it, and one more the page's words hold (the first group again).
FURTHER = (
    "  - text: ett tiotal representanter för Regeringskansliet\n"
    "    group: representanter för Regeringskansliet\n"
    "    value: 10\n"
    "    approximate: true\n"
)
OTHER = (
    "  - text: ett tiotal representanter från olika civilsamhällesorganisationer\n"
    "    group: representanter från olika civilsamhällesorganisationer\n"
    "    value: 10\n"
    "    approximate: true\n"
)


def _copy(tmp_path: Path) -> Path:
    """A copy of data/; its 2024-02-05 meeting's file."""
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path / "data" / "meetings" / f"{MEETING}.yaml"


def _counts(data: Path) -> dict[str, dict[str, str]]:
    return {iri: was for iri, was in named(build_graph(load_corpus(data)).quads).items() if iri.startswith(COUNT)}


def test_a_count_put_before_the_published_one_moves_it_not(tmp_path: Path) -> None:
    meeting = _copy(tmp_path)
    before = _counts(tmp_path / "data")
    assert before[f"{COUNT}-2"]["group"] == "representanter för Regeringskansliet"
    change(meeting, "other_participant_counts:\n", f"other_participant_counts:\n{OTHER}    n: 3\n")
    after = _counts(tmp_path / "data")
    assert {iri: after[iri] for iri in before} == before
    assert after[f"{COUNT}-3"]["group"] == "representanter från olika civilsamhällesorganisationer"


def test_counts_moved_in_the_list_keep_their_iris(tmp_path: Path) -> None:
    meeting = _copy(tmp_path)
    change(meeting, f"{FURTHER}    n: 2\n", f"{FURTHER}    n: 2\n{OTHER}    n: 3\n")
    before = _counts(tmp_path / "data")
    change(meeting, f"{FURTHER}    n: 2\n{OTHER}    n: 3\n", f"{OTHER}    n: 3\n{FURTHER}    n: 2\n")
    assert _counts(tmp_path / "data") == before
    assert len(before) == 3  # the first group's, …-2 and …-3


def test_a_lone_further_count_without_its_number_is_2(tmp_path: Path) -> None:
    meeting = _copy(tmp_path)
    before = _counts(tmp_path / "data")
    change(meeting, f"{FURTHER}    n: 2\n", FURTHER)
    assert _counts(tmp_path / "data") == before


def test_a_count_without_its_number_beside_another_is_refused(tmp_path: Path) -> None:
    """Without n, its place would name it: adding a count before it would give its IRI to another."""
    meeting = _copy(tmp_path)
    line = change(meeting, "other_participant_counts:\n", f"other_participant_counts:\n{OTHER}")
    errors = [e for e in refused(tmp_path) if "without its number" in e]
    assert len(errors) == 1, errors
    assert f"{MEETING}.yaml:{line + 1}: other_participant_counts[0]:" in errors[0], errors
    assert "n: the number its IRI (…/count/participant-N) was published with" in errors[0]


def test_a_count_number_used_twice_is_refused(tmp_path: Path) -> None:
    meeting = _copy(tmp_path)
    line = change(meeting, f"{FURTHER}    n: 2\n", f"{FURTHER}    n: 2\n{OTHER}    n: 2\n")
    errors = [e for e in refused(tmp_path) if "count number" in e]
    assert len(errors) == 1, errors
    assert f"{MEETING}.yaml:{line + 9}: other_participant_counts[1].n:" in errors[0], errors
    assert f"used twice (also the further count on line {line})" in errors[0]


def test_a_count_number_below_2_is_refused(tmp_path: Path) -> None:
    """…/count/participant-1 would read as the first group's, whose IRI is …/count/participant."""
    meeting = _copy(tmp_path)
    line = change(meeting, f"{FURTHER}    n: 2\n", f"{FURTHER}    n: 1\n")
    errors = [e for e in refused(tmp_path) if "count number" in e]
    assert len(errors) == 1 and f"{MEETING}.yaml:{line + 4}: other_participant_counts[0].n:" in errors[0], errors
    assert "below 2" in errors[0]


def test_every_further_count_of_data_has_its_number() -> None:
    """Once published, a further count's number is written down, as a note's is."""
    missing = [
        f"{c.lines.file.name}:{c.lines.line}"
        for m in load_corpus(DATA).meetings
        for c in m.other_participant_counts
        if c.n is None
    ]
    assert not missing, f"further counts without n (give each the number it was published with): {missing}"


INTEGRATION = "2017-12-12-integration"
QUESTION = f"https://w3id.org/sakrad/id/meeting/{INTEGRATION}/question/"


def _questions(data: Path) -> dict[str, str]:
    """2017-12-12's questions: IRI → Swedish text."""
    return {
        iri: was["text"] for iri, was in named(build_graph(load_corpus(data)).quads).items() if iri.startswith(QUESTION)
    }


def _numbered(tmp_path: Path) -> tuple[Path, list[str]]:
    """A copy of data/ whose 2017-12-12 questions each carry their number; the meeting's file and the
    questions' lines as written."""
    shutil.copytree(DATA, tmp_path / "data")
    meeting = tmp_path / "data" / "meetings" / f"{INTEGRATION}.yaml"
    questions = [q.sv for m in load_corpus(tmp_path / "data").meetings if m.id == INTEGRATION for q in m.questions]
    assert len(questions) > 2
    lines = [f"  - sv: {q}\n    n: {n}\n" for n, q in enumerate(questions, start=1)]
    for n, q in enumerate(questions):
        change(meeting, f"  - {q}\n", lines[n])
    return meeting, lines


def test_a_question_taken_away_moves_no_numbered_one(tmp_path: Path) -> None:
    meeting, lines = _numbered(tmp_path)
    before = _questions(tmp_path / "data")
    change(meeting, lines[0], "")
    after = _questions(tmp_path / "data")
    assert f"{QUESTION}1" not in after
    assert after == {iri: text for iri, text in before.items() if iri != f"{QUESTION}1"}


def test_without_numbers_a_question_taken_away_moves_the_others(tmp_path: Path) -> None:
    """What the numbers guard against: an item's place is its number where it has none."""
    shutil.copytree(DATA, tmp_path / "data")
    before = _questions(tmp_path / "data")
    meeting = tmp_path / "data" / "meetings" / f"{INTEGRATION}.yaml"
    change(meeting, f"  - {before[f'{QUESTION}1']}\n", "")
    assert _questions(tmp_path / "data")[f"{QUESTION}1"] == before[f"{QUESTION}2"]


def test_a_question_number_used_twice_is_refused(tmp_path: Path) -> None:
    meeting, lines = _numbered(tmp_path)
    line = change(meeting, lines[1], lines[1].replace("n: 2", "n: 1"))
    errors = [e for e in refused(tmp_path) if "question number" in e]
    assert len(errors) == 1, errors
    assert f"{INTEGRATION}.yaml:{line + 1}: questions[1].n:" in errors[0], errors
    assert f"the question number 1 is used twice (also the question on line {line - 2}, given as n)" in errors[0]


def test_a_discussion_area_number_used_as_another_s_place_is_refused(tmp_path: Path) -> None:
    """An area given n: 2 at the top of areas without numbers takes the second's place's number."""
    shutil.copytree(DATA, tmp_path / "data")
    file, first = next(
        (path, f"  - {m.discussion_areas[0].sv}\n")
        for m in load_corpus(tmp_path / "data").meetings
        if len(m.discussion_areas) > 2
        and f"  - {m.discussion_areas[0].sv}\n"
        in (path := tmp_path / "data" / "meetings" / f"{m.id}.yaml").read_text(encoding="utf-8")
    )
    line = change(file, first, first.replace("  - ", "  - sv: ") + "    n: 2\n")
    errors = [e for e in refused(tmp_path) if "discussion area number" in e]
    assert len(errors) == 1, errors
    assert f"{file.name}:{line + 2}: discussion_areas[1]:" in errors[0], errors
    assert (
        f"the discussion area number 2 is used twice (also the discussion area on line {line}, given as n)" in errors[0]
    )
