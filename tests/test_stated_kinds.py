"""A kept text's words are accepted only for the kind of fact they state (stated.py, dated.py): a
question is a question (ends with "?" or stands under words of asking); a discussion area stands in a
sentence of discussing; a participation's description names its participant; a count's words count
what its field counts; a topic credited to a kept text is in it word for word unless a note about the
topic marks it the data's own; a derivation's publication date and address are its sources' records'.
Each both ways: on the functions, and through loading a copy of the fixture project with one change."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import change, fixture_project, refused

from sakrad_ld import stated
from sakrad_ld.corpus import load_corpus
from sakrad_ld.stated import folded_text

SEED = Path("data") / "meetings" / "2017-12-12-integration.yaml"
KEPT = Path("data") / "sources" / "sakrad-2017-12-12-integration.txt"


@pytest.mark.parametrize(
    ("text", "value", "question"),
    [
        (
            "Kommissionens förslag väntas komma i mitten av juli. Mer sägs inte.",
            "Kommissionens förslag väntas komma i mitten av juli",
            False,
        ),
        ("Hur stärks samverkan? Det diskuterades.", "Hur stärks samverkan", True),
        ("Hur stärks samverkan?", "Hur stärks samverkan?", True),
        ("Organisationerna ombads svara på följande:\n- Hur stärks samverkan\n- Vad behövs\n", "Vad behövs", True),
        ("Frågeställningar:\n1. hur stärks samverkan\n", "hur stärks samverkan", True),
        ("Vi ser följande:\n- Samverkan behövs\n", "Samverkan behövs", False),
    ],
)
def test_a_question_is_a_question(text: str, value: str, question: bool) -> None:
    folded = folded_text(text)
    why = stated._asked(value, "m", folded, folded.replace("\x00", " "), {})
    assert (why == "") is question, why
    if not question:
        assert why is not None and "not as a question" in why


@pytest.mark.parametrize(
    ("text", "discussed"),
    [
        ("Synpunkterna används i arbetet med utformningen av det svenska genomförandet.", False),
        ("Under sakrådet diskuterades utformningen av det svenska genomförandet.", True),
        ("Organisationerna lyfte utformningen av det svenska genomförandet.", True),
        ("Bland frågorna som togs upp fanns utformningen av det svenska genomförandet.", True),
        ("Teman:\n- utformningen av det svenska genomförandet\n", True),
        ("Under sakrådet diskuterades inte utformningen av det svenska genomförandet.", False),
        ("Nästa sakråd diskuterar utformningen av det svenska genomförandet.", False),
    ],
)
def test_a_discussion_area_stands_in_a_sentence_of_discussing(text: str, discussed: bool) -> None:
    folded = folded_text(text)
    area = "utformningen av det svenska genomförandet"
    assert stated._discussed(area, folded, folded.replace("\x00", " ")) is discussed


def _project(tmp_path: Path) -> Path:
    return fixture_project(tmp_path / "project")


def test_a_description_naming_another_is_refused(tmp_path: Path) -> None:
    project = _project(tmp_path)
    line = change(project / SEED, "sv: statssekreterare Anders Kessling", "sv: statssekreterare Ylva Johansson") - 1
    errors = refused(project)
    assert any(f"2017-12-12-integration.yaml:{line}: government_participants[0].description" in e for e in errors), (
        errors
    )
    assert any("does not name them" in e and "'Anders Kessling''s participation" in e for e in errors)
    change(project / SEED, "sv: statssekreterare Ylva Johansson", "sv: statssekreterare Anders Kessling")
    load_corpus(project / "data")  # the description naming its participant


@pytest.mark.parametrize(
    ("fact", "words", "counted"),
    [
        ("organisation_count", "ett tjugotal representanter för olika departement i Regeringskansliet", "people"),
        ("organisation_count", "femton myndigheter", "organisations or bodies"),
        ("participant_count", "femton organisationer", "organisations or bodies"),
    ],
)
def test_a_count_s_words_count_what_its_field_counts(tmp_path: Path, fact: str, words: str, counted: str) -> None:
    project = _project(tmp_path)
    text = (project / SEED).read_text(encoding="utf-8")
    assert "organisation_count:\n  text: femton\n" in text
    new = f"{fact}:\n  text: {words}\n"
    (project / SEED).write_text(text.replace("organisation_count:\n  text: femton\n", new), encoding="utf-8")
    errors = refused(project)
    assert any(f"{fact}'s words" in e and f"count {counted}" in e for e in errors), errors


def test_count_words_that_name_what_is_counted_are_accepted(tmp_path: Path) -> None:
    project = _project(tmp_path)
    change(
        project / SEED, "organisation_count:\n  text: femton\n", "organisation_count:\n  text: femton organisationer\n"
    )
    load_corpus(project / "data")


def test_a_topic_credited_to_a_kept_text_is_in_it_or_marked_the_data_s_own(tmp_path: Path) -> None:
    project = _project(tmp_path)
    topic = "  sv: samverkan mellan det civila samhället och det offentliga när det gäller integration och etablering\n"
    line = change(project / SEED, topic, "  sv: det nationella arbetet mot antisemitism\n") - 1
    errors = refused(project)
    assert any(f"2017-12-12-integration.yaml:{line}: topic" in e and "antisemitism" in e for e in errors), errors
    change(
        project / SEED,
        "notes:\n",
        "notes:\n  - about: topic\n    text:\n      sv: Ämnet är datans eget, inte källans ord.\n"
        "      en: The topic is the data's own, not the source's words.\n",
    )
    assert not any("topic" in e for e in _errors(project))


def _errors(project: Path) -> list[str]:
    try:
        load_corpus(project / "data")
    except Exception as error:  # noqa: BLE001 - the messages, if any
        return [str(e) for e in getattr(error, "errors", [error])]
    return []
