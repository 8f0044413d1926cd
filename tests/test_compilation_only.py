"""A meeting of data/ none of whose documents has its text kept (``file:`` in data/sources.yaml) is known
only from the compilation's summary of them (../shared/corpus/meetings.yaml). Its fields (``date``,
``place``, ``chair_name``, ``convened_by``, ``press_contact``) quote few or none of the documents' words,
so nothing read only there is published as a document's statement (docs/audit.md, "Follow-ups of release
1.3.0"): no date stated as the document's (a date is derived, ``date_derivation``), no place, and every
chair, convener, press contact and government participant kept has a note on that field saying where it
was read (release 1.3.0 withdrew the people read only in those fields with no role, such as Anders Ygeman of
2017-03-14, and 1.4.0 every government participant and convener whose only evidence those fields are, such as
Alice Bah Kuhnke there or Åsa Lindhagen of 2020-06-23: a role one of them still gives must have its note).

Release 1.2.0 broke this for 2017-08-30 (a stated day, a place, a chair and a convener from the fields
alone) and for the conveners of 2018-02, 2019-04-29, 2019-11-06 and 2020-06-23.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sakrad_ld.corpus import load_corpus

DATA = Path(__file__).parent.parent / "data"


@pytest.fixture(scope="module")
def compilation_only() -> list:
    corpus = load_corpus(DATA)
    kept = {s.id for s in corpus.sources if s.file}
    return [m for m in corpus.meetings if not ({m.source, *m.sources} & kept)]


def test_there_are_meetings_known_only_from_the_compilation(compilation_only: list) -> None:
    assert compilation_only, "no meeting of data/ without a kept text: the checks below check nothing"


def test_no_date_or_place_is_published_as_stated(compilation_only: list) -> None:
    stated = [m.id for m in compilation_only if m.date is not None and m.date_derivation is None]
    placed = [m.id for m in compilation_only if m.place is not None]
    assert not stated, f"dates published as stated by documents whose text is not kept: {stated}"
    assert not placed, f"places read only in the compilation's field: {placed}"


def _unnoted(meetings: list) -> list[str]:
    """The facts of ``meetings`` read from the compilation's fields with no note on where they were read."""
    return [
        f"{m.id}: {field}"
        for m in meetings
        for field, present in (
            ("chair", m.chair is not None),
            ("conveners", bool(m.conveners)),
            ("press_contact", m.press_contact is not None),
            ("government_participants", bool(m.government_participants)),
        )
        if present and not any(note.about == field for note in m.notes)
    ]


def test_every_chair_convener_press_contact_and_person_says_where_it_was_read(compilation_only: list) -> None:
    unnoted = _unnoted(compilation_only)
    assert not unnoted, f"facts from the compilation's fields without a note on where they were read: {unnoted}"


def test_a_government_participant_without_a_note_is_seen(compilation_only: list) -> None:
    """Guards the check above: a meeting known only from the compilation given a government participant
    and no note on them is caught (release 1.4.0 left none with one)."""
    import dataclasses

    from sakrad_ld.records import GovernmentParticipant

    m = compilation_only[0]
    bare = dataclasses.replace(
        m,
        government_participants=[GovernmentParticipant(body="regeringskansliet")],
        notes=[n for n in m.notes if n.about != "government_participants"],
    )
    assert f"{m.id}: government_participants" in _unnoted([bare])
