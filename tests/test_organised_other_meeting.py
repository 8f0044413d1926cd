"""An organising clause about another time or meeting names no organiser of this one, a relative
clause "ett sakråd som X höll" names X the organiser (organised.py); a former-word joined to a post's
label by a hyphen ("ex-statssekreterare") is not the post held (posted.py); a meeting published as
held whose kept texts never say it was held gets a warning (announced.held_said)."""

from __future__ import annotations

import dataclasses

import pytest
from conftest import FIXTURE_DATA

from sakrad_ld.announced import held_said
from sakrad_ld.corpus import load_corpus
from sakrad_ld.dated import load_warnings
from sakrad_ld.organised import organiser_named
from sakrad_ld.posted import post_named
from sakrad_ld.records import Body, Person, Post, Text
from sakrad_ld.stated import folded_text

KULTUR = Body(id="kulturdepartementet", name=Text("Kulturdepartementet"), kind="ministry")
RK = Body(id="regeringskansliet", name=Text("Regeringskansliet"), kind="government-offices")
Y2025 = frozenset({"2025"})


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # another time: last or next year, another year than the meeting's
        ("Kulturdepartementet anordnade sakrådet i fjol.", False),
        ("Kulturdepartementet anordnade sakrådet förra året.", False),
        ("Kulturdepartementet anordnade sakrådet 2023.", False),
        ("I fjol anordnade Kulturdepartementet ett sakråd.", False),
        ("Sakrådet anordnades redan 2019 av Kulturdepartementet.", False),
        ("Kulturdepartementet anordnar sakrådet nästa år.", False),
        # another or a like meeting
        ("Fjolårets sakråd anordnades av Kulturdepartementet.", False),
        ("Ett liknande sakråd anordnades av Kulturdepartementet.", False),
        ("Ett annat sakråd anordnades av Kulturdepartementet.", False),
        ("Höstens sakråd anordnades av Kulturdepartementet.", False),
        ("Ett tidigare sakråd anordnades av Kulturdepartementet.", False),
        # this meeting's year or no time: named
        ("Kulturdepartementet anordnade sakrådet 2025.", True),
        ("Kulturdepartementet anordnade sakrådet den 16 maj 2025.", True),
        ("Kulturdepartementet anordnade sakrådet.", True),
    ],
)
def test_an_organising_clause_of_another_time_or_meeting_names_no_organiser(text: str, named: bool) -> None:
    assert organiser_named(KULTUR, folded_text(text), Y2025) is named


def test_without_years_the_time_is_not_checked() -> None:
    assert organiser_named(KULTUR, folded_text("Kulturdepartementet anordnade sakrådet 2023."))


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # regeringen.se, 2025-11 (Katarina Lundahl leder delegationen)
        (
            "Inför dialogen har civilsamhällesorganisationer deltagit bland annat vid ett sakråd som "
            "Regeringskansliet höll i maj 2025. Vid sakrådet gavs information om granskningen.",
            True,
        ),
        ("Vid sakrådet som Regeringskansliet anordnade den 22 maj lämnades synpunkter.", True),
        ("Sakrådet som Regeringskansliet höll, var välbesökt.", True),
        # another year, several meetings, no meeting before "som", something else held
        ("vid ett sakråd som Regeringskansliet höll i maj 2024.", False),
        ("vid fler sakråd som Regeringskansliet höll.", False),
        ("Regeringskansliet höll ett anförande om sakrådet.", False),
        ("Regeringskansliet höll ett sakråd.", False),
        ("den rapport som Regeringskansliet höll fram vid sakrådet", False),
        ("ett sakråd som Regeringskansliet höll inte i", False),
        ("vid sakrådet som Regeringskansliet höll ett anförande", False),
    ],
)
def test_a_relative_clause_of_this_sakrad_with_holl_names_its_organiser(text: str, named: bool) -> None:
    assert organiser_named(RK, folded_text(text), Y2025) is named


@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("Daniel Liljeberg, ex-statssekreterare hos landsbygdsministern, talade.", False),
        ("ex-statssekreterare Daniel Liljeberg talade.", False),
        ("f.d.-statssekreterare Daniel Liljeberg talade.", False),
        ("fd.-statssekreterare Daniel Liljeberg talade.", False),
        ("Daniel Liljeberg, fd-statssekreterare, talade.", False),
        ("före detta-statssekreterare Daniel Liljeberg talade.", False),
        ("förre-statssekreterare Daniel Liljeberg talade.", False),
        # held: no former-word, or a title joined by a hyphen that is not one
        ("statssekreterare Daniel Liljeberg talade.", True),
        ("Daniel Liljeberg, statssekreterare, talade.", True),
        ("Daniel Liljeberg, biträdande statssekreterare, talade.", True),
    ],
)
def test_a_former_word_joined_to_the_label_is_not_the_post_held(text: str, given: bool) -> None:
    folded = folded_text(text)
    person = Person(id="daniel-liljeberg", name="Daniel Liljeberg")
    post = Post(id="x", label=Text("statssekreterare"), post_in="b")
    assert post_named(person, post, folded, folded.replace("\x00", " "), {}) is given


def test_a_hyphen_joined_title_that_is_no_former_word_still_titles() -> None:
    text = "energi- och näringsminister Ebba Busch talade."
    folded = folded_text(text)
    post = Post(id="x", label=Text("näringsminister"), post_in="b")
    assert post_named(Person(id="e", name="Ebba Busch"), post, folded, folded.replace("\x00", " "), {})


# --- a held meeting whose kept texts never say it was held ---------------------------------------

INVITATION_ONLY = (
    "Den 7 november 2023 bjöd arbetsmarknads- och integrationsministern in civilsamhällesorganisationer "
    "till samråd om civilsamhällets roll inom integrationen. Samrådet syftade till att fånga upp kunskap."
)


def _kept_meeting():
    corpus = load_corpus(FIXTURE_DATA)
    for m in corpus.meetings:
        from sakrad_ld.announced import _read

        cited = _read(m, corpus.copies)
        if not m.announced_only and cited and all(c in corpus.copies for c in cited):
            return corpus, m, cited
    raise AssertionError("the fixture has a held meeting read only from kept texts")


def test_the_fixture_has_no_held_meeting_unsaid() -> None:
    corpus = load_corpus(FIXTURE_DATA)
    assert held_said(corpus) == []
    assert not [w for w in load_warnings(corpus) if "published as held" in str(w)]


def test_a_held_meeting_whose_kept_texts_only_invite_is_warned() -> None:
    corpus, m, cited = _kept_meeting()
    for c in cited:
        corpus.copies[c] = INVITATION_ONLY
    warnings = held_said(corpus)
    assert len(warnings) == 1, warnings
    message = str(warnings[0])
    where = m.where("date")
    assert f"{where.file}:{where.line}: announced_only:" in message
    assert all(repr(c) in message or f"'{c}'" in message for c in cited)
    assert "bjöd in" in message
    # it is a warning of the load, not a refusal
    assert [w for w in load_warnings(corpus) if "published as held" in str(w)]


@pytest.mark.parametrize(
    "said",
    [
        "Samrådet hölls i Stockholm.",
        "Ett 30-tal organisationer deltog.",
        "Organisationerna samlades på Rosenbad.",
        "Samrådet ägde rum den 7 november.",
        "Vid mötet lyftes flera frågor.",
        "The meeting took place in Stockholm.",
    ],
)
def test_a_word_of_holding_or_taking_part_lets_it_stand(said: str) -> None:
    corpus, _, cited = _kept_meeting()
    for c in cited:
        corpus.copies[c] = INVITATION_ONLY + " " + said
    assert held_said(corpus) == []


@pytest.mark.parametrize(
    "not_said",
    [
        "Samrådet gällde ökat deltagande i arbetslivet.",  # "deltagande" as a noun of another thing
        "Regeringen bjuder in till ett nytt samråd.",
    ],
)
def test_words_that_do_not_say_it_was_held_are_warned(not_said: str) -> None:
    corpus, _, cited = _kept_meeting()
    for c in cited:
        corpus.copies[c] = INVITATION_ONLY + " " + not_said
    assert len(held_said(corpus)) == 1


def test_an_announced_only_meeting_or_an_unkept_document_is_not_warned() -> None:
    corpus, m, cited = _kept_meeting()
    for c in cited:
        corpus.copies[c] = INVITATION_ONLY
    announced = dataclasses.replace(
        corpus, meetings=tuple(dataclasses.replace(x, announced_only=True) if x is m else x for x in corpus.meetings)
    )
    assert held_said(announced) == []
    del corpus.copies[cited[0]]
    assert held_said(corpus) == []


def test_every_held_meeting_of_the_data_with_no_kept_text_says_how_it_is_known() -> None:
    """A meeting of data/ published as held none of whose read documents has its text kept: that it was
    held rests on no text the data keeps, so held_derivation says how it is known (or it is announced
    only)."""
    from conftest import ROOT

    from sakrad_ld.announced import _read

    corpus = load_corpus(ROOT / "data")
    unread = [
        m.id
        for m in corpus.meetings
        if not m.announced_only
        and m.held_derivation is None
        and not any(c in corpus.copies for c in _read(m, corpus.copies))
    ]
    assert unread == [], unread
