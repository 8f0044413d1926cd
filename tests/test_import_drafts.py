"""What a regeringen.se page's draft says about the people it names, the counts it states and the
addresses in its comments, each checked on a small page resolved against the fixture project
(tests/import/regeringen/project/), so nothing depends on what data/ holds.

* a person data/ knows, given a post data/ does not record for them from this page, gets the holding
  proposed as a person new to data/ does, and never one data/ already has;
* a URL in a comment is never cut, however long the comment line;
* a count stated twice is drafted once and the comment quotes both wordings; two different counts of
  one kind are both kept (the other as a note) and flagged as a contradiction;
* representatives of ministries or agencies, counted ("ett tjugotal representanter för departement"),
  are drafted with their words where the data model has no count for them, never as participant_count.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from sakrad_ld.corpus import load_corpus
from sakrad_ld.importer.draft import _comment
from sakrad_ld.importer.page_draft import PageDraft, draft_page, merge
from sakrad_ld.importer.regeringen import Entry, parse_page
from sakrad_ld.records import Count, Meeting, Text
from sakrad_ld.typedyaml import load_record

PROJECT = Path(__file__).parent / "import" / "regeringen" / "project"


@pytest.fixture(scope="module")
def corpus():  # noqa: ANN201  (a Corpus)
    return load_corpus(PROJECT / "data")


def _draft(corpus, text: str, url: str = "/sakrad/2024/05/sakrad-om-provet/") -> PageDraft:  # noqa: ANN001
    page = parse_page(f"# Sakråd om provet\n\n{text}\n", url)
    return draft_page(page, Entry(url=url, listed=False), corpus)


def _loaded(draft: PageDraft) -> Meeting:
    return load_record(Meeting, yaml.compose(draft.yaml(), Loader=yaml.SafeLoader), Path("draft"))


# --- 1. a holding for a person data/ already has --------------------------------------------------------


def test_a_known_person_given_a_post_data_does_not_record_from_this_page_gets_the_holding_proposed(corpus) -> None:  # noqa: ANN001
    draft = _draft(
        corpus,
        "Den 3 maj 2024 bjöd socialminister Jakob Forssmed in ett 40-tal organisationer till ett sakråd om provet.",
    )
    text = draft.yaml()
    assert _loaded(draft).conveners[0].person == "jakob-forssmed"
    assert "# To add to the holds of jakob-forssmed in data/people.yaml:\n" in text
    block = text.split("# To add to the holds of jakob-forssmed in data/people.yaml:\n")[1]
    assert block.startswith(
        "#   - post: socialminister\n#     source: regeringen-2024-05-sakrad-om-provet\n#     as_of: 2024-05-03\n"
    )
    # the person is not proposed again as a new person
    assert "#   - id: jakob-forssmed" not in text


def test_a_holding_data_records_from_another_hosts_copy_is_proposed_from_the_page(corpus) -> None:  # noqa: ANN001
    # the fixture's people.yaml: jakob-forssmed holds socialminister with source regeringen-2022-12-demokrativillkor,
    # the copy of this article on regstat.regeringen.se: the www page is another document (a source by its whole
    # address), so the holding is proposed from the page's own record, once
    draft = _draft(
        corpus,
        "Den 13 december 2022 bjöd socialminister Jakob Forssmed in representanter från civilsamhället till ett "
        "sakråd om demokrativillkor.",
        url="/artiklar/2022/12/statsradet-jakob-forssmed-i-samtal-med-civilsamhallet-om-demokrativillkor/",
    )
    assert draft.meeting is not None and draft.meeting.conveners[0].person == "jakob-forssmed"
    assert draft.meeting.source != "regeringen-2022-12-demokrativillkor"
    assert [(h.post, h.source) for h in draft.holdings["jakob-forssmed"]] == [("socialminister", draft.meeting.source)]


def test_a_holding_proposed_by_two_pages_of_one_meeting_is_proposed_once_for_each_page(corpus) -> None:  # noqa: ANN001
    one = _draft(
        corpus, "Den 3 maj 2024 bjöd socialminister Jakob Forssmed in tio organisationer till ett sakråd om provet."
    )
    two = _draft(
        corpus,
        "Den 3 maj 2024 bjöd socialminister Jakob Forssmed in tio organisationer till ett sakråd om provet.",
        url="/artiklar/2024/05/provet-i-fokus/",
    )
    merged = merge(one, two)
    assert [(h.post, h.source) for h in merged.holdings["jakob-forssmed"]] == [
        ("socialminister", "regeringen-2024-05-sakrad-om-provet"),
        ("socialminister", "regeringen-2024-05-provet-i-fokus"),
    ]


# --- 2. addresses in comments --------------------------------------------------------------------------

LONG = (
    "https://www.regeringen.se/artiklar/2024/02/startskott-for-arbetet-med-en-ny-handlingsplan-for-hbtqi-"
    "personers-lika-rattigheter-och-mojligheter/"
)


@pytest.mark.parametrize("pad", ["", "  ", "      "])
@pytest.mark.parametrize(
    "note",
    [
        f"also drafted from {LONG} (the same meeting)",
        f"{LONG} gives another purpose: Syftet med mötet var att stärka och kraftsamla arbetet framåt.",
        f"attachment left out (neither invitation nor minutes): Bilaga (pdf 200 kB) {LONG}x.pdf",
        "a short one: https://www.regeringen.se/sakrad/2024/01/kort/ and some words after it to fill the line up",
    ],
)
def test_an_address_in_a_comment_is_never_cut(note: str, pad: str) -> None:
    lines = _comment(pad, (note,))
    urls = re.findall(r"https://\S+", note)
    words = [w for line in lines for w in line[len(pad) + 2 :].split()]
    assert all(url in words for url in urls), lines
    assert " ".join(words) == " ".join(note.split())  # nothing lost, nothing added
    assert all(line.startswith(f"{pad}# ") for line in lines)
    # a line longer than the width holds one word only: an address that cannot fit
    assert all(len(line) <= 100 or len(line[len(pad) + 2 :].split()) == 1 for line in lines), lines


def test_an_id_in_a_comment_is_not_cut_at_its_hyphens() -> None:
    note = (
        "CHECK: the page's post 'x' is taken as " + "word " * 9 + "jamstalldhets-och-arbetslivsminister, a close match"
    )
    assert any("jamstalldhets-och-arbetslivsminister" in line for line in _comment("", (note,)))


# --- 3. a count of one kind stated twice -----------------------------------------------------------------


def test_the_same_count_in_the_same_words_is_drafted_once(corpus) -> None:  # noqa: ANN001
    draft = _draft(corpus, "Den 3 maj 2024 deltog 12 organisationer i sakrådet. Totalt deltog 12 organisationer.")
    meeting = _loaded(draft)
    assert meeting.organisation_count == Count(text="12 organisationer", value=12)
    assert meeting.notes == []
    assert "another" not in draft.yaml()
    assert any("again in the same words" in c for c in draft.comments["organisation_count"])


def test_the_same_count_in_other_words_is_drafted_once_with_both_wordings(corpus) -> None:  # noqa: ANN001
    draft = _draft(
        corpus,
        "Den 3 maj 2024 deltog ett tjugotal organisationer i det civila samhället. "
        "På mötet deltog ett 20-tal organisationer från civilsamhället.",
    )
    meeting = _loaded(draft)
    assert meeting.organisation_count is not None and meeting.organisation_count.value == 20
    assert meeting.notes == []
    said = " ".join(draft.comments["organisation_count"])
    assert "ett tjugotal organisationer i det civila samhället" in said
    assert "ett 20-tal organisationer från civilsamhället" in said
    assert "another" not in draft.yaml() and "contradict" not in said


def test_two_different_counts_are_both_kept_and_flagged_as_a_contradiction(corpus) -> None:  # noqa: ANN001
    draft = _draft(corpus, "Den 3 maj 2024 deltog 12 organisationer i sakrådet. Totalt deltog femton organisationer.")
    meeting = _loaded(draft)
    assert meeting.organisation_count == Count(text="12 organisationer", value=12)
    [note] = meeting.notes
    assert note.about == "organisation_count" and "femton organisationer" in note.text.sv
    assert any(c.startswith("CHECK:") and "contradict" in c for c in draft.comments["organisation_count"])


def test_two_pages_of_one_meeting_with_different_counts_keep_both(corpus) -> None:  # noqa: ANN001
    main = _draft(corpus, "Den 3 maj 2024 deltog ett tiotal organisationer i sakrådet om provet.")
    other = _draft(
        corpus,
        "Den 3 maj 2024 deltog ett 30-tal organisationer i sakrådet om provet.",
        url="/artiklar/2024/05/provet-i-fokus/",
    )
    meeting = _loaded(merge(main, other))
    assert meeting.organisation_count is not None and meeting.organisation_count.text == "ett tiotal organisationer"
    [note] = meeting.notes
    assert (note.about, note.source) == ("organisation_count", "regeringen-2024-05-provet-i-fokus")
    assert "ett 30-tal organisationer" in note.text.sv


def test_two_pages_of_one_meeting_with_the_same_count_give_one_count(corpus) -> None:  # noqa: ANN001
    main = _draft(corpus, "Den 3 maj 2024 deltog ett tjugotal organisationer i sakrådet om provet.")
    other = _draft(
        corpus, "Den 3 maj 2024 deltog ett 20-tal organisationer i sakrådet om provet.", url="/artiklar/2024/05/provet/"
    )
    merged = merge(main, other)
    meeting = _loaded(merged)
    assert meeting.organisation_count is not None and meeting.notes == []
    said = " ".join(merged.comments["organisation_count"])
    assert "same count" in said and "ett 20-tal organisationer" in said and "another" not in said


# --- 4. representatives of ministries and agencies, counted -----------------------------------------------

MINISTRIES = [
    ("ett tjugotal representanter för departement", "regeringskansliet"),
    ("ett 20-tal representanter för olika departement i Regeringskansliet", "regeringskansliet"),
    ("ett tiotal representanter för Regeringskansliet", "regeringskansliet"),
    ("tjugo representanter från Kulturdepartementet", "kulturdepartementet"),
    ("drygt 15 företrädare för departementen", "regeringskansliet"),
]


@pytest.mark.parametrize(("words", "body"), MINISTRIES)
def test_counted_representatives_of_ministries_are_drafted_with_their_words(corpus, words: str, body: str) -> None:  # noqa: ANN001
    draft = _draft(corpus, f"Den 3 maj 2024 deltog ett trettiotal organisationer samt {words} i sakrådet.")
    meeting = _loaded(draft)
    assert meeting.organisation_count is not None and meeting.organisation_count.value == 30
    assert meeting.participant_count is None  # they are not the people of the organisations
    assert [(p.body, p.description) for p in meeting.government_participants] == [(body, Text(words))]
    assert any("no count of the data model" in c for c in draft.comments["government_participants[0]"])


def test_counted_representatives_of_agencies_are_kept_in_a_note(corpus) -> None:  # noqa: ANN001
    draft = _draft(
        corpus, "Den 3 maj 2024 deltog ett 40-tal organisationer och ett tiotal representanter för myndigheter."
    )
    meeting = _loaded(draft)
    assert meeting.organisation_count is not None and meeting.organisation_count.value == 40
    assert meeting.participant_count is None
    [note] = meeting.notes
    assert note.about == "agencies" and "ett tiotal representanter för myndigheter" in note.text.sv


@pytest.mark.parametrize(
    ("words", "field", "value", "approximate"),
    [
        ("ett trettiotal representanter från civilsamhällesorganisationer", "participant_count", 30, True),
        ("tjugofem organisationer", "organisation_count", 25, False),
        ("fjorton representanter för civilsamhället", "participant_count", 14, False),
        ("ett 40-tal personer", "participant_count", 40, True),
        ("knappt sextio deltagare från myndigheter och branschorganisationer", "participant_count", 60, "at-most"),
        ("drygt 50 deltagare från myndigheter och branschorganisationer", "participant_count", 50, "at-least"),
        ("över 30 organisationer", "organisation_count", 30, "at-least"),
        ("minst tjugo organisationer", "organisation_count", 20, "at-least"),
        ("nästan 100 personer", "participant_count", 100, "at-most"),
        ("närmare 40 personer", "participant_count", 40, "at-most"),  # nearly 40: just under it
        ("uppemot 30 organisationer", "organisation_count", 30, "at-most"),  # up to 30
        ("upp till 30 organisationer", "organisation_count", 30, "at-most"),
        ("högst tio organisationer", "organisation_count", 10, "at-most"),
        ("som mest 25 personer", "participant_count", 25, "at-most"),
        ("åtminstone 12 organisationer", "organisation_count", 12, "at-least"),
        ("omkring 30 organisationer", "organisation_count", 30, True),
        ("Cirka 30 organisationer", "organisation_count", 30, True),
    ],
)
def test_counts_of_who_took_part_in_words_and_digits(
    corpus,  # noqa: ANN001
    words: str,
    field: str,
    value: int,
    approximate: bool | str,
) -> None:
    """A number the words round is approximate; one they bound ("drygt 50": more than 50, "knappt 60":
    fewer than 60) is drafted as that bound, never as about that many."""
    meeting = _loaded(_draft(corpus, f"Den 3 maj 2024 deltog {words} i sakrådet."))
    bound = approximate if isinstance(approximate, str) else None
    expected = Count(text=words, value=value, approximate=approximate is True, bound=bound)  # type: ignore[arg-type]
    assert getattr(meeting, field) == expected
