"""A message of the date, stated and placement checks quotes at most a bounded excerpt of what it is given
(:data:`sakrad_ld.typedyaml.QUOTED` characters of a value, five of a list and how many more): a hostile
id, name, note or list of days makes a message of a few hundred characters, not of megabytes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from conftest import fixture_project

from sakrad_ld.corpus import load_corpus
from sakrad_ld.dated import check_meeting_dates, unchecked_dates
from sakrad_ld.placed import check_placements
from sakrad_ld.records import Note, Text
from sakrad_ld.stated import check_stated, credit_warnings

LONG = "a" * 1_000_000  # an id: lower-case letters are a valid one
BOUND = 2_000  # the longest a message may be: its own words and bounded excerpts


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):
    return load_corpus(fixture_project(Path(tmp_path_factory.mktemp("r10")) / "project") / "data")


def _bounded(errors: list) -> list[str]:
    messages = [str(e) for e in errors]
    assert messages  # the case makes the message it bounds
    for message in messages:
        assert len(message) < BOUND, message[:300]
    return messages


def test_a_participation_outside_the_record_s_sources_is_warned_of_in_a_bounded_message(corpus) -> None:
    org = replace(corpus.organisations[0], id=LONG, sources=["another-" + LONG])
    m = replace(corpus.meetings[0], organisations=[LONG], organiser=LONG)
    source = replace(next(s for s in corpus.sources if s.id == m.source_of("organiser")), publisher=LONG)
    others = [s for s in corpus.sources if s.id != source.id]
    hostile = replace(corpus, organisations=(org,), meetings=(m,), sources=(source, *others))
    messages = _bounded(credit_warnings(hostile))
    assert any("takes part by" in w and "1,000,000 characters" in w for w in messages)
    assert any("is the publisher of" in w for w in messages)


def test_a_holding_outside_the_person_s_sources_is_refused_in_a_bounded_message(corpus) -> None:
    person = next(p for p in corpus.people if p.holds and p.sources)
    holding = replace(person.holds[0], post=LONG, source="not-" + LONG)
    hostile = replace(
        corpus, people=(replace(person, holds=[holding], sources=[f"s-{i}-{LONG[:100]}" for i in range(9)]),)
    )
    messages = _bounded([e for e in check_stated(hostile) if "holding" in str(e)])
    assert "and 4 more" in messages[0]


def test_the_date_checks_quote_a_bounded_excerpt(corpus) -> None:
    m = next(m for m in corpus.meetings if m.date and len(str(m.date)) == 10 and m.date_derivation is None)
    wrong_id = replace(m, id=f"{int(str(m.date)[:4]) + 1}-01-01-{LONG}")
    days = replace(m, id=f"{str(m.date)[:4]}-01-{LONG}", date=None, days=[f"{int(str(m.date)[:4]) + 1}-02-01"] * 50_000)
    note = Note(Text("Mötets datum" + "x" * 1_000_000 + " står inte i den text som lästs"), about="date")
    said = replace(m, notes=[*m.notes, note])
    messages = _bounded(check_meeting_dates(replace(corpus, meetings=(wrong_id, days, said))))
    assert any("and 49,995 more" in e for e in messages)
    assert any("note about the date says none is stated" in e for e in messages)
    unkept = replace(corpus, copies={}, meetings=(replace(m, id=LONG, days=days.days),))
    _bounded(unchecked_dates(unkept))


def test_a_placement_the_kept_text_does_not_name_is_refused_in_a_bounded_message(corpus) -> None:
    post = next(p for p in corpus.posts if p.sources)
    body = next(b for b in corpus.bodies if b.id == post.post_in)
    hostile = replace(
        corpus,
        posts=(replace(post, id=LONG, post_in_derivation=None),),
        bodies=(replace(body, name=Text("Departementet " * 100_000)), *[b for b in corpus.bodies if b.id != body.id]),
        copies={**corpus.copies, post.sources[0]: "Ett annat departement."},
    )
    _bounded(check_placements(hostile))


def test_a_name_of_many_short_words_is_looked_for_in_linear_time(corpus) -> None:
    """A body's name of many short words in a kept text of them: a compiled pattern read on from each
    place the first word stands (8,000 words in 800,000 characters: 7.5 s; here 50,000 in 5 MB)."""
    post = next(p for p in corpus.posts if p.sources)
    body = next(b for b in corpus.bodies if b.id == post.post_in)
    hostile = replace(
        corpus,
        posts=(replace(post, post_in_derivation=None),),
        bodies=(replace(body, name=Text("a " * 50_000 + "b")), *[b for b in corpus.bodies if b.id != body.id]),
        copies={**corpus.copies, post.sources[0]: "a " * 2_500_000},
    )
    # the post's placement (the body's other facts, now under that name, are the relation check's)
    assert [e.where.field for e in check_placements(hostile) if e.where.field.endswith("post_in")] == [
        "posts[0].post_in"
    ]
    found = replace(hostile, copies={**corpus.copies, post.sources[0]: "a " * 2_500_000 + "b"})
    assert [e for e in check_placements(found) if e.where.field.endswith("post_in")] == []


@pytest.mark.parametrize(
    ("sv", "en"),
    [
        ("Mötet om skolan.", "The meeting was invit" + "e" * 99_000 + "d."),  # one word of invitation
        ("Sakrådet inbjud" + "a" * 99_000 + ".", "The meeting on schools."),
        ("Ministern deltog.", "The minister" + " " * 10 + "spoke."),
    ],
)
def test_a_translation_warning_quotes_a_bounded_excerpt_of_the_claim_s_words(sv: str, en: str) -> None:
    """The took-part and invited warnings quote the claim's words (a word of 99,000 letters matched
    whole) cut as :func:`~sakrad_ld.typedyaml.quoted` cuts."""
    from sakrad_ld.translated import _pair_warnings

    warnings = [f"{problem} {expected}" for problem, expected in _pair_warnings(sv, en)]
    assert warnings
    for warning in warnings:
        assert len(warning) < BOUND, warning[:300]
