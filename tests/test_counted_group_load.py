"""The load checks of a count read `group` and every further group's count (`other_participant_counts`).

2024-02-05's page says "deltog ett tiotal representanter från olika civilsamhällesorganisationer samt
ett tiotal representanter för Regeringskansliet": data/ has a participant count for each group. Each
check loading makes on `participant_count` (its value and marks against its words, counted.py; its
words against the kept text credited with it and the noun they count, stated.py; none on a sakråd
announced only, announced.py) is made on `other_participant_counts[i]` too, named by that path with its
file and line. A group that does not stand in its count's words is refused at load (exit 2), as the
shapes refuse it. A count whose words say where people came from ("från", "för") without a group is
accepted by loading and warned of by the shapes (shp:ParticipantCountOfAGroup), at the count's line.
The feed gives every count of people with its group, as the sakråd's page does.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
import yaml
from conftest import change, load_messages, refusals

from sakrad_ld.cli import main
from sakrad_ld.corpus import load_corpus
from sakrad_ld.importer.page_draft import PageDraft, draft_page, merge
from sakrad_ld.importer.regeringen import Entry, parse_page
from sakrad_ld.project import Project
from sakrad_ld.records import Count, FurtherCount, Meeting, Text
from sakrad_ld.release import build
from sakrad_ld.sparql.store import Release
from sakrad_ld.typedyaml import load_record
from sakrad_ld.web.feeds import _counts_said, counts_said
from sakrad_ld.web.meeting import StatedCount, meeting_facts

MEETINGS = Path("data") / "meetings"
HBTQI = "2024-02-05-hbtqi-handlingsplan.yaml"  # participant_count and other_participant_counts[0], both grouped
JORDBRUK = "2025-05-16-jordbrukspolitik.yaml"  # "Drygt 50 deltagare från myndigheter och branschorganisationer"
ANNOUNCED = "2017-02-eu-tjanstepaket.yaml"  # announced_only: true
OTHER = """other_participant_counts:
  - text: ett tiotal representanter för Regeringskansliet
    group: representanter för Regeringskansliet
    value: 10
    approximate: true
"""


def _other(project: Path, old: str, new: str) -> int:
    """Changes ``old`` in 2024-02-05's further group's count to ``new``; the line it starts on."""
    path = project / MEETINGS / HBTQI
    text = path.read_text(encoding="utf-8")
    at = text.index("other_participant_counts:")
    path.write_text(text[:at] + text[at:].replace(old, new, 1), encoding="utf-8")
    return text.count("\n", 0, at + text[at:].index(old)) + 1


def _at(errors: list, field: str) -> list:
    return [e for e in errors if e.where.file.name == HBTQI and e.where.field == field]


def test_the_data_loads_with_both_groups_counted(project_copy: Path) -> None:
    assert load_messages(project_copy) == []


def test_a_further_group_s_value_its_words_do_not_give_is_refused_at_its_path(
    project_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = _other(project_copy, "    value: 10\n", "    value: 20\n")
    (error,) = _at(refusals(project_copy), "other_participant_counts[0].value")
    assert error.where.line == line
    assert "other_participant_counts[0]: value 20" in error.problem and "give 10" in error.problem
    assert main(["-C", str(project_copy), "validate"]) == 2
    err = capsys.readouterr().err
    assert f"{HBTQI}:{line}: other_participant_counts[0].value:" in err and "Traceback" not in err


def test_a_further_group_s_marks_are_its_words(project_copy: Path) -> None:
    line = _other(project_copy, "    approximate: true\n", "    bound: at-least\n")
    (error,) = _at(refusals(project_copy), "other_participant_counts[0].bound")
    assert error.where.line == line and "bound: at-least" in error.problem and "round it" in error.problem


def test_a_further_group_s_rounded_number_without_its_mark_is_refused(project_copy: Path) -> None:
    _other(project_copy, "    approximate: true\n", "")
    errors = _at(refusals(project_copy), "other_participant_counts[0].value")
    assert errors and "neither mark" in errors[0].problem


def test_a_further_group_s_words_the_kept_text_does_not_hold_are_refused(project_copy: Path) -> None:
    """The words are looked up in the kept text credited with participant_count (the sakråd page)."""
    line = _other(project_copy, "  - text: ett tiotal", "  - text: ett tjugotal")
    _other(project_copy, "    value: 10\n", "    value: 20\n")
    errors = refusals(project_copy)
    (error,) = _at(errors, "other_participant_counts[0].text")
    assert error.where.line == line and "other_participant_counts[0]'s words" in str(error)
    assert len(errors) == 1, [str(e) for e in errors]


def test_a_further_group_s_words_counting_organisations_are_refused(project_copy: Path) -> None:
    _other(project_copy, "  - text: ett tiotal representanter för Regeringskansliet", "  - text: tio organisationer")
    _other(project_copy, "    group: representanter för Regeringskansliet\n", "")
    _other(project_copy, "    approximate: true\n", "")
    said = [str(e) for e in _at(refusals(project_copy), "other_participant_counts[0]")]
    assert any("other_participant_counts[0]'s words 'tio organisationer' count organisations" in s for s in said), said


@pytest.mark.parametrize(
    ("field", "old", "new"),
    [
        ("other_participant_counts[0].group", "    group: representanter för", "    group: representanter från"),
        ("participant_count.group", "  group: representanter från olika", "  group: representanter för olika"),
        ("other_participant_counts[0].group", "    group: representanter för", "    group: Representanter för"),
    ],
)
def test_a_group_its_count_s_words_do_not_hold_is_refused_with_exit_2(
    project_copy: Path, capsys: pytest.CaptureFixture[str], field: str, old: str, new: str
) -> None:
    path = project_copy / MEETINGS / HBTQI
    line = change(path, old, new)
    (error,) = refusals(project_copy)
    assert (error.where.file.name, error.where.line, error.where.field) == (HBTQI, line, field)
    assert "does not stand word for word in its words" in error.problem and "group:" in error.expected
    assert main(["-C", str(project_copy), "validate"]) == 2
    err = capsys.readouterr().err
    assert f"{HBTQI}:{line}: {field}:" in err and "Traceback" not in err


def test_a_group_over_two_lines_of_its_words_is_the_same_words(project_copy: Path) -> None:
    """YAML folds a long line; the release publishes the words and the group with their spaces folded."""
    change(
        project_copy / MEETINGS / HBTQI,
        "    group: representanter för Regeringskansliet\n",
        "    group: >-\n      representanter för\n      Regeringskansliet\n",
    )
    assert load_messages(project_copy) == []


def _findings(project: Path, shape: str) -> list[dict]:
    _, _, report = build(Project.at(project))
    found = json.loads(report.json("Info"))["results"]
    return [r for r in found if r["sourceShape"].endswith(f"#{shape}")]


def test_words_saying_from_where_without_a_group_load_and_the_shapes_warn(project_copy: Path) -> None:
    """Loading accepts the count, as the shapes only warn: its words are read by a pattern."""
    assert _findings(project_copy, "ParticipantCountOfAGroup-group") == []  # each such count has its group
    line = change(
        project_copy / MEETINGS / JORDBRUK, "  group: deltagare från myndigheter och branschorganisationer\n", ""
    )
    assert load_messages(project_copy) == []
    (warning,) = _findings(project_copy, "ParticipantCountOfAGroup-group")
    assert warning["severity"] == "Warning" and warning["file"].endswith(JORDBRUK)
    assert warning["line"] == line - 1  # the count's own line: "participant_count:"


def test_a_further_group_s_count_without_a_group_loads_and_the_shapes_name_its_line(project_copy: Path) -> None:
    line = _other(project_copy, "    group: representanter för Regeringskansliet\n", "")
    assert load_messages(project_copy) == []
    found = _findings(project_copy, "ParticipantCountOfAGroup-group") + _findings(
        project_copy, "ParticipantCountBesideAnother-group"
    )
    assert sorted(r["severity"] for r in found) == ["Violation", "Warning"]
    assert {(r["file"].rsplit("/", 1)[-1], r["line"]) for r in found} == {(HBTQI, line - 1)}  # "  - text: …"


def test_an_announced_sakrad_has_no_further_group_s_count(project_copy: Path) -> None:
    path = project_copy / MEETINGS / ANNOUNCED
    assert load_messages(project_copy) == []
    text = path.read_text(encoding="utf-8")
    path.write_text(text + OTHER, encoding="utf-8")
    line = text.count("\n") + 1
    (error,) = refusals(project_copy)
    assert (error.where.file.name, error.where.line, error.where.field) == (ANNOUNCED, line, "other_participant_counts")
    assert "announced_only" in error.problem and "no other_participant_counts" in error.expected


def test_the_feed_gives_each_group_s_count_with_its_group_and_no_total(release: Path) -> None:
    opened = Release.open(release)
    said = counts_said(opened.store, f"{opened.base_iri}id/meeting/{HBTQI.removesuffix('.yaml')}", 0)
    assert (
        "deltagare enligt källan: ”ett tiotal representanter från olika civilsamhällesorganisationer” (cirka 10; "
        "räknar bara ”representanter från olika civilsamhällesorganisationer”) och ”ett tiotal representanter för "
        "Regeringskansliet” (cirka 10; räknar bara ”representanter för Regeringskansliet”)"
    ) in said
    assert "20" not in said


def test_the_feed_gives_a_count_of_everyone_with_no_group(fixture_release: Path) -> None:
    """The fixture project's 2017-03-14-rasism-uppstart counts everyone; data/ withdrew that count in release 1.4.0."""
    opened = Release.open(fixture_release)
    everyone = counts_said(opened.store, f"{opened.base_iri}id/meeting/2017-03-14-rasism-uppstart", 0)
    assert "deltagare enligt källan: ”Ett sextiotal deltagare” (cirka 60)" in everyone and "räknar bara" not in everyone


def test_a_count_without_words_gives_its_group_after_the_number(release: Path) -> None:
    opened = Release.open(release)
    facts = meeting_facts(opened.store, f"{opened.base_iri}id/meeting/{HBTQI.removesuffix('.yaml')}")
    group = StatedCount(10, None, True, None, "personer från det civila samhället")
    said = _counts_said(dataclasses.replace(facts, participants=group, other_participants=[]), 0)
    assert said.endswith("deltagare enligt källan: cirka 10 (räknar bara ”personer från det civila samhället”)")


def test_loading_reads_a_further_group_s_count_by_its_path(root: Path) -> None:
    m = next(m for m in load_corpus(root / "data").meetings if m.id == HBTQI.removesuffix(".yaml"))
    (count,) = m.other_participant_counts
    assert count.lines is not None and count.lines.where("value").field == "other_participant_counts[0].value"


# --- the importer: a second group's count, with its group -------------------------------------------------

IMPORT_PROJECT = Path(__file__).parent / "import" / "regeringen" / "project"
TWO_GROUPS = (
    "Den 3 maj 2024 deltog ett tiotal representanter från olika civilsamhällesorganisationer samt ett tiotal "
    "representanter för Regeringskansliet i sakrådet om provet."
)


def _drafted(text: str, url: str = "/sakrad/2024/05/sakrad-om-provet/") -> PageDraft:
    page = parse_page(f"# Sakråd om provet\n\n{text}\n", url)
    return draft_page(page, Entry(url=url, listed=False), load_corpus(IMPORT_PROJECT / "data"))


def _meeting(draft: PageDraft) -> Meeting:
    return load_record(Meeting, yaml.compose(draft.yaml(), Loader=yaml.SafeLoader), Path("draft"))


def test_the_importer_drafts_a_second_group_s_count_with_its_group() -> None:
    draft = _drafted(TWO_GROUPS)
    m = _meeting(draft)
    assert m.participant_count == Count(
        "ett tiotal representanter från olika civilsamhällesorganisationer",
        10,
        True,
        group="representanter från olika civilsamhällesorganisationer",
    )
    assert m.other_participant_counts == [
        FurtherCount(
            "ett tiotal representanter för Regeringskansliet",
            10,
            True,
            group="representanter för Regeringskansliet",
            n=2,
        )
    ]
    # who took part from the Government Offices stays, in the page's words
    assert [(p.body, p.description) for p in m.government_participants] == [
        ("regeringskansliet", Text("ett tiotal representanter för Regeringskansliet"))
    ]
    assert "no total" in " ".join(draft.comments["other_participant_counts"])


@pytest.mark.parametrize(
    "text",
    [
        # the first count of people names no group: beside it, another group's count would read as a part of it
        "Den 3 maj 2024 deltog ett sextiotal deltagare samt ett tiotal representanter för Regeringskansliet.",
        # no count of people of another group: the Government Offices' count alone is not drafted as a count
        "Den 3 maj 2024 deltog ett trettiotal organisationer samt ett tiotal representanter för Regeringskansliet.",
        # one group of people, counted once: no further group
        "Den 3 maj 2024 deltog ett tiotal representanter från olika civilsamhällesorganisationer i sakrådet.",
    ],
)
def test_the_importer_drafts_no_further_group_where_the_page_counts_none_beside_a_named_group(text: str) -> None:
    m = _meeting(_drafted(text))
    assert m.other_participant_counts == []
    assert m.participant_count is None or m.participant_count.group is None


def test_a_merged_page_s_further_group_comes_with_its_count_of_people() -> None:
    main = _drafted("Den 3 maj 2024 bjöd Regeringskansliet in till ett sakråd om provet. Sakrådet hölls i Malmö.")
    other = _drafted(TWO_GROUPS, url="/artiklar/2024/05/provet/")
    m = _meeting(merge(main, other))
    assert m.participant_count is not None and m.participant_count.group is not None
    assert [(c.group, c.source) for c in m.other_participant_counts] == [
        ("representanter för Regeringskansliet", "regeringen-2024-05-provet")
    ]
    kept = _drafted("Den 3 maj 2024 deltog ett sextiotal deltagare i sakrådet om provet.")
    m = _meeting(merge(kept, _drafted(TWO_GROUPS, url="/artiklar/2024/05/provet/")))
    assert m.other_participant_counts == [] and m.participant_count.text == "ett sextiotal deltagare"
