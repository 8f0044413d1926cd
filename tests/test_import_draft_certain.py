"""A draft of a regeringen.se page offers as certain only what the page states (docs/import.md):

* a page is a source of data/ by its whole address, host included: regstat.regeringen.se's copy of an
  article is another document than www.regeringen.se's, and the draft never credits the one for the other;
* a person the page ties to no government post ("berättade lantbruksråd Kristina Nordéus") is no
  government participant, and no post of the Government Offices is derived for a title that is neither a
  minister's nor a state secretary's: a CHECK says so;
* what was presented or informed about is a presentation, never a discussion area;
* an intention to organise ("avser Justitiedepartementet genomföra ett EU-sakråd") is no organiser;
* a page data/ cites for a meeting it records as held is not drafted announced_only, and takes in the
  pages linked with it that are about the same meeting, also where data/ cites them too.

Each page is resolved against the fixture project (tests/import/regeringen/project/), so nothing depends
on what data/ holds.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from sakrad_ld.corpus import load_corpus
from sakrad_ld.importer.batch import take_in
from sakrad_ld.importer.page_draft import PageDraft, address, draft_page
from sakrad_ld.importer.regeringen import Entry, Link, parse_page

PROJECT = Path(__file__).parent / "import" / "regeringen" / "project"
ARTICLE = "/artiklar/2022/12/statsradet-jakob-forssmed-i-samtal-med-civilsamhallet-om-demokrativillkor/"
SAKRAD = (
    "/sakrad/2022/12/sakrad-med-anledning-av-propositionen-statens-stod-till-trossamfund-samt-"
    "demokrativillkor-vid-stod-till-civilsamhallet/"
)
HELD = "Den 4 mars 2026 hölls ett sakråd om provet. 20 organisationer deltog. "


@pytest.fixture(scope="module")
def corpus():  # noqa: ANN201  (a Corpus)
    return load_corpus(PROJECT / "data")


def _draft(corpus, text: str, url: str = "/sakrad/2026/03/sakrad-om-provet/", **entry) -> PageDraft:  # noqa: ANN001
    page = parse_page(f"# Sakråd om provet\n\n{text}\n", url)
    return draft_page(page, Entry(url=url, **entry), corpus)


def _said(draft: PageDraft) -> str:
    """The draft's comments as one line."""
    return " ".join(line.lstrip("# ").strip() for line in draft.yaml().splitlines() if line.startswith("#"))


# --- a source by its whole address ----------------------------------------------------------------------


def test_an_address_is_its_host_and_path() -> None:
    www = "https://www.regeringen.se" + ARTICLE
    assert address(www) == address("http://WWW.regeringen.se" + ARTICLE.rstrip("/")) == address(ARTICLE)
    assert address(www) != address("http://regstat.regeringen.se" + ARTICLE)


def test_a_page_is_not_the_source_another_host_keeps_a_copy_of(corpus) -> None:  # noqa: ANN001
    # the fixture cites the article only on regstat.regeringen.se (regeringen-2022-12-demokrativillkor)
    draft = _draft(corpus, "Den 13 december 2022 hölls ett sakråd om demokrativillkor.", ARTICLE)
    assert draft.meeting is not None
    assert draft.meeting.source != "regeringen-2022-12-demokrativillkor"
    assert draft.existing is None
    assert "regeringen-2022-12-demokrativillkor" not in draft.yaml()


def test_a_page_data_cites_at_its_address_is_that_source(corpus) -> None:  # noqa: ANN001
    draft = _draft(corpus, "Den 13 december 2022 hölls ett sakråd om demokrativillkor.", SAKRAD)
    assert draft.meeting is not None and draft.meeting.source == "regeringen-2022-12-sakrad-demokrativillkor"
    assert draft.existing == "2022-12-13-demokrativillkor"


# --- a government participant only where the page ties them to a government post ------------------------


def test_a_title_of_no_government_post_is_no_participant_and_no_post(corpus) -> None:  # noqa: ANN001
    draft = _draft(
        corpus, HELD + "Därefter berättade lantbruksråd Kristina Nordéus om kommissionens vision om jordbruk."
    )
    assert draft.meeting is not None and draft.meeting.government_participants == []
    assert "posts (data/bodies.yaml)" not in draft.new and "people.yaml" not in draft.new
    said = _said(draft)
    assert "ties Kristina Nordéus to no government post" in said and "'lantbruksråd'" in said


def test_a_title_the_page_places_in_a_ministry_is_a_post_of_that_ministry(corpus) -> None:  # noqa: ANN001
    draft = _draft(corpus, HELD + "Sakrådet inleddes av Anna Berg, lantbruksråd på Landsbygdsdepartementet.")
    assert draft.meeting is not None
    assert [p.person for p in draft.meeting.government_participants] == ["anna-berg"]
    (post,) = draft.new["posts (data/bodies.yaml)"]
    assert (post.label.sv, post.post_in, post.post_in_derivation) == ("lantbruksråd", "landsbygdsdepartementet", None)


def test_a_state_secretary_without_a_ministry_is_placed_in_the_government_offices(corpus) -> None:  # noqa: ANN001
    draft = _draft(corpus, HELD + "Statssekreterare Anna Berg presenterade regeringens arbete.")
    assert draft.meeting is not None
    assert [p.person for p in draft.meeting.government_participants] == ["anna-berg"]


def test_a_chair_of_a_title_placed_nowhere_gets_no_post(corpus) -> None:  # noqa: ANN001
    draft = _draft(corpus, HELD + "Sakrådet leddes av enhetschef Anna Berg.")
    assert draft.meeting is not None and draft.meeting.chair is not None
    assert draft.meeting.chair.post is None
    assert all(p.post_in_derivation is None for p in draft.new.get("posts (data/bodies.yaml)", []))
    assert "names no body it is held in" in _said(draft)


# --- a presentation is no discussion area ---------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "På mötet presenterades också bland annat en lägesrapport kring målen inom fem områden: A, B och C.",
        "Vid mötet gavs information om licenser och om spelberoende.",
        "Vid mötet presenterades regeringens förslag, myndighetens rapport och uppföljningen.",
    ],
)
def test_what_was_presented_is_a_presentation(corpus, sentence: str) -> None:  # noqa: ANN001
    draft = _draft(corpus, HELD + sentence)
    assert draft.meeting is not None
    assert draft.meeting.discussion_areas == [] and draft.meeting.announced_discussion_areas == []
    assert draft.meeting.presentations is not None
    assert draft.meeting.presentations.description.sv == sentence
    assert draft.meeting.presentations.count is None
    assert ("bland annat" in sentence) == ('the page says "bland annat"' in _said(draft))


def test_what_is_presented_and_discussed_stays_an_area(corpus) -> None:  # noqa: ANN001
    draft = _draft(corpus, HELD + "Under sakrådet presenterades och diskuterades licenser, spel och lotterier.")
    assert draft.meeting is not None and draft.meeting.presentations is None
    assert [a.sv for a in draft.meeting.discussion_areas] == ["licenser", "spel", "lotterier"]


# --- an intention is no organiser -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Inför den fortsatta behandlingen avser Justitiedepartementet genomföra ett EU-sakråd.",
        "Justitiedepartementet planerar att anordna ett sakråd om provet.",
        "Justitiedepartementet ska anordna ett sakråd om provet.",
        "Justitiedepartementet kommer att anordna fler sakråd.",
    ],
)
def test_an_intention_to_organise_is_no_organiser(corpus, sentence: str) -> None:  # noqa: ANN001
    draft = _draft(corpus, "Den 4 mars 2026 bjuder Regeringskansliet in till ett sakråd om provet. " + sentence)
    assert draft.meeting is not None and draft.meeting.organiser is None
    assert "an intention" in _said(draft)
    assert "bodies.yaml" not in draft.new


def test_a_body_said_to_have_organised_it_is_the_organiser(corpus) -> None:  # noqa: ANN001
    draft = _draft(corpus, HELD + "Sakrådet anordnades av Justitiedepartementet.")
    assert draft.meeting is not None and draft.meeting.organiser == "justitiedepartementet"


# --- a page data/ cites: what data/ records as held stays held ------------------------------------------

INVITED = "Den 13 december 2022 bjöd Socialdepartementet in representanter från civilsamhället till ett sakråd."


def test_a_cited_invitation_of_a_held_meeting_is_not_drafted_announced(corpus) -> None:  # noqa: ANN001
    draft = _draft(corpus, INVITED, SAKRAD)
    assert draft.existing == "2022-12-13-demokrativillkor"
    assert draft.meeting is not None and not draft.meeting.announced_only
    assert "announced_only:" not in draft.yaml().split("\nid:")[1]
    assert "records it as held" in _said(draft)


def test_an_uncited_invitation_is_still_drafted_announced(corpus) -> None:  # noqa: ANN001
    draft = _draft(corpus, INVITED, "/sakrad/2022/12/sakrad-om-annat/")
    assert draft.existing is None and draft.meeting is not None and draft.meeting.announced_only


def _linked_pair(corpus, cited_too: str | None) -> tuple[PageDraft, PageDraft]:  # noqa: ANN001
    invitation = _draft(
        corpus, INVITED, SAKRAD, published="2022-12-01", shortcuts=(Link("Artikeln", ARTICLE),), listed=True
    )
    article = _draft(
        corpus,
        "Den 13 december 2022 hölls ett sakråd om demokrativillkor. 30 organisationer deltog.",
        ARTICLE,
        published="2022-12-15",
    )
    article.existing = cited_too  # as where data/ cites the article too
    return invitation, article


def test_a_cited_page_takes_in_a_linked_page_of_the_same_meeting(corpus) -> None:  # noqa: ANN001
    for cited_too in (None, "2022-12-13-demokrativillkor"):
        invitation, article = _linked_pair(corpus, cited_too)
        draft, said = take_in(invitation, [article])
        assert draft.url.endswith(SAKRAD) and draft.meeting is not None
        assert draft.meeting.organisation_count is not None and draft.meeting.organisation_count.value == 30
        assert not draft.meeting.announced_only
        assert said == [
            f"https://www.regeringen.se{ARTICLE} is about the same meeting: its facts are merged into the draft"
        ]


def test_a_linked_page_data_cites_for_another_meeting_is_named_not_merged(corpus) -> None:  # noqa: ANN001
    invitation, article = _linked_pair(corpus, "2022-12-13-annat")
    before = dataclasses.replace(invitation.meeting)
    draft, said = take_in(invitation, [article])
    assert draft.meeting == before
    assert len(said) == 1 and "data/meetings/2022-12-13-annat.yaml" in said[0] and "not merged" in said[0]
