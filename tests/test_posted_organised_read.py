"""What the post, organiser and held-meeting checks read: the thing organised is this sakråd
(organised.py), a post called a former or future one's is not held, a singular title before a list
titles its first name only (posted.py), and an undated invitation's refusal says what is known
(announced.check_held). Sentences are regeringen.se's (pages of 2019-2025), or adapted from them
where marked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURE_DATA, change, refused

from sakrad_ld import clauses, organised, posted
from sakrad_ld.corpus import load_corpus
from sakrad_ld.errors import InputErrors
from sakrad_ld.organised import organiser_named
from sakrad_ld.posted import post_named
from sakrad_ld.records import Body, Person, Post, Text
from sakrad_ld.stated import folded_text

MEETING = "meetings/2017-12-12-integration.yaml"
KEPT = "sources/sakrad-2017-12-12-integration.txt"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    return tmp_path / "data"


# --- organisers: what is organised is this sakråd ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "named"),
    [
        # regeringen.se, 2023-02 (EU-sakråd om förhandsinformation om passagerare)
        (
            "Inför den fortsatta behandlingen av förslagen avser Justitiedepartementet genomföra ett EU-sakråd i "
            "syfte att inhämta synpunkter på förslagen.",
            "Justitiedepartementet",
            True,
        ),
        # regeringen.se, 2022-04 (jordbrukspolitiken): more sakråd to come, not this one
        (
            "Landsbygds- och infrastrukturdepartementet kommer att anordna fler sakråd samt rundabordssamtal i "
            "mindre format för att diskutera avgränsade frågor.",
            "Landsbygds- och infrastrukturdepartementet",
            False,
        ),
        # regeringen.se, 2024-05 (hbtqi): measures, not the sakråd
        (
            "För att stärka hbtqi-personers lika rättigheter och möjligheter genomför regeringen en rad åtgärder "
            "nationellt.",
            "Regeringen",
            False,
        ),
        # regeringen.se, 2024-04 (industripolitik): a conference, not the sakråd
        (
            "I april 2023 anordnade det svenska EU-ordförandeskapet en konferens i Stockholm med deltagare från "
            "hela EU.",
            "EU-ordförandeskapet",
            False,
        ),
        # regeringen.se, 2025-06: an analysis, by a body in an assignment
        (
            "Myndigheten för ungdoms- och civilsamhällesfrågor fick i regleringsbrevet för 2024 i uppdrag att "
            "genomföra en fördjupad analys av behovet av stödinsatser.",
            "Myndigheten för ungdoms- och civilsamhällesfrågor",
            False,
        ),
        # regeringen.se, 2024-10: the organised thing is the subject, the body a genitive
        ("Samrådet genomförs i Regeringskansliets lokaler i Stockholm.", "Regeringskansliet", False),
        # adapted: other work, then the sakråd's own organiser in the next sentence
        (
            "Justitiedepartementet har genomfört en utredning. Sakrådet anordnas av Kulturdepartementet.",
            "Justitiedepartementet",
            False,
        ),
        (
            "Justitiedepartementet har genomfört en utredning. Sakrådet anordnas av Kulturdepartementet.",
            "Kulturdepartementet",
            True,
        ),
        # adapted: sakråd in general, every year
        (
            "Regeringskansliet genomför varje år sakråd. Den 5 maj höll Socialdepartementet ett sakråd.",
            "Regeringskansliet",
            False,
        ),
        ("Kulturdepartementet anordnade ett par möten med organisationerna.", "Kulturdepartementet", False),
        # adapted: what is organised named as this meeting
        ("Kulturdepartementet stod värd för dialogmötet.", "Kulturdepartementet", True),
        ("Kulturdepartementet anordnar den 5 maj ett sakråd om rasism.", "Kulturdepartementet", True),
        ("Kulturdepartementet anordnar ett digitalt samråd.", "Kulturdepartementet", True),
        ("I dag anordnas sakrådet av Kulturdepartementet.", "Kulturdepartementet", True),
        ("Ett sakråd har anordnats av Kulturdepartementet.", "Kulturdepartementet", True),
        (
            "Kulturdepartementet har ej genomfört sakrådet men Socialdepartementet anordnade det.",
            "Socialdepartementet",
            True,
        ),
        # relative clauses and "av bland annat"
        ("Kulturdepartementet, som anordnade sakrådet, bjöd in organisationerna.", "Kulturdepartementet", True),
        ("Kulturdepartementet, som anordnade en konferens, bjöd in.", "Kulturdepartementet", False),
        ("Sakrådet, som anordnades av Kulturdepartementet, hölls i Rosenbad.", "Kulturdepartementet", True),
        (
            "Sakrådet arrangerades av bland annat Kulturdepartementet och Justitiedepartementet.",
            "Kulturdepartementet",
            True,
        ),
        (
            "Sakrådet arrangerades av bland annat Kulturdepartementet och Justitiedepartementet.",
            "Justitiedepartementet",
            True,
        ),
        ("Konferensen arrangerades av Kulturdepartementet.", "Kulturdepartementet", False),
        # every negation of the code's list refuses
        ("Ingen annan än Kulturdepartementet anordnade sakrådet.", "Kulturdepartementet", False),
        ("Kulturdepartementet anordnade icke sakrådet.", "Kulturdepartementet", False),
    ],
)
def test_the_organised_thing_is_this_sakrad(text: str, name: str, named: bool) -> None:
    body = Body(id="b", name=Text(name), kind="ministry")
    assert organiser_named(body, folded_text(text)) is named


def test_an_organiser_of_other_work_is_refused_at_load(data: Path) -> None:
    line = change(data / MEETING, "date: 2017-12-12", "organiser: arbetsmarknadsdepartementet\ndate: 2017-12-12")
    change(
        data / KEPT,
        "Sakrådet skedde genom",
        "Arbetsmarknadsdepartementet har genomfört en utredning. Sakrådet skedde genom",
    )
    errors = [e for e in refused(data.parent) if "organising the sakråd" in e]
    assert len(errors) == 1, errors
    assert f"2017-12-12-integration.yaml:{line}: organiser:" in errors[0]
    assert "'genomför en rad åtgärder'" in errors[0]


# --- posts: former and future holders, a title before a list --------------------------------------

SURNAMES = {"andreasson": 1, "billström": 1, "forssell": 1, "olovsson": 1, "ljunggren": 1, "höij": 1, "berg": 1}


def _given(text: str, name: str, label: str) -> bool:
    folded = folded_text(text)
    return post_named(
        Person(id="p", name=name),
        Post(id="x", label=Text(label), post_in="b"),
        folded,
        folded.replace("\x00", " "),
        SURNAMES,
    )


@pytest.mark.parametrize("word", ["tidigare", "före detta", "f.d.", "fd", "förre", "förra", "blivande", "tillträdande"])
def test_a_post_called_former_or_future_is_not_given(word: str) -> None:
    # adapted from regeringen.se, 2024-02: "… och statssekreterare Martin Andreasson in till ett sakråd"
    assert not _given(
        f"Den 5 februari bjöd {word} statssekreterare Martin Andreasson in till ett sakråd.",
        "Martin Andreasson",
        "statssekreterare",
    )
    assert not _given(
        f"Martin Andreasson, {word} statssekreterare, ledde mötet.", "Martin Andreasson", "statssekreterare"
    )


def test_former_reaches_over_the_titles_of_one_person() -> None:
    text = "Mötet leddes av tidigare jämställdhetsminister och biträdande arbetsmarknadsminister Paulina Brandberg."
    assert not _given(text, "Paulina Brandberg", "biträdande arbetsmarknadsminister")
    assert _given(text.replace("tidigare ", ""), "Paulina Brandberg", "biträdande arbetsmarknadsminister")


@pytest.mark.parametrize("word", ["dåvarande", "avgående", "nytillträdde"])
def test_a_post_held_then_is_given(word: str) -> None:
    assert _given(
        f"Mötet leddes av {word} statssekreterare Martin Andreasson.", "Martin Andreasson", "statssekreterare"
    )
    assert _given(f"Martin Andreasson, {word} statssekreterare, ledde mötet.", "Martin Andreasson", "statssekreterare")


def test_the_codes_words_of_former_and_future_are_the_docs() -> None:
    docs = (Path(__file__).resolve().parents[1] / "docs" / "load-checks.md").read_text(encoding="utf-8")
    section = docs.split("## Posts (refused)", 1)[1].split("\n## ", 1)[0]
    flat = " ".join(section.split())
    assert all(f'"{w}"' in flat for w in posted.NOT_HOLDING if w != "f. d."), posted.NOT_HOLDING


@pytest.mark.parametrize(
    ("text", "name", "label", "given"),
    [
        # regeringen.se, 2024-04: an indefinite title whose plural is its singular, two names and "och"
        (
            "Den 6 maj 2024 bjuder statssekreterare Minna Ljunggren och Johan Höij in organisationer till ett sakråd.",
            "Johan Höij",
            "statssekreterare",
            True,
        ),
        # regeringen.se, 2024-04 (industripolitik): each minister titled by his own title
        (
            "ett gemensamt uttalande av utrikesminister Tobias Billström och bistånds- och utrikeshandelsminister "
            "Johan Forssell",
            "Johan Forssell",
            "utrikesminister",
            False,
        ),
        (
            "ett gemensamt uttalande av utrikesminister Tobias Billström och bistånds- och utrikeshandelsminister "
            "Johan Forssell",
            "Johan Forssell",
            "bistånds- och utrikeshandelsminister",
            True,
        ),
        # adapted: a singular title before a longer list titles the first name only
        (
            "Utrikesminister Tobias Billström, Johan Forssell och Paula Carvalho Olovsson deltog.",
            "Tobias Billström",
            "utrikesminister",
            True,
        ),
        (
            "Utrikesminister Tobias Billström, Johan Forssell och Paula Carvalho Olovsson deltog.",
            "Johan Forssell",
            "utrikesminister",
            False,
        ),
        ("Utrikesminister Tobias Billström och Johan Forssell deltog.", "Johan Forssell", "utrikesminister", False),
        ("Statssekreterare Minna Ljunggren, Johan Höij och Anna Berg deltog.", "Anna Berg", "statssekreterare", False),
        # adapted: a plural title titles every name of its list
        ("Statssekreterarna Minna Ljunggren, Johan Höij och Anna Berg deltog.", "Anna Berg", "statssekreterare", True),
        ("Utrikesministrarna Tobias Billström och Johan Forssell deltog.", "Johan Forssell", "utrikesminister", True),
        ("Statsråden Tobias Billström och Johan Forssell deltog.", "Johan Forssell", "statsrådet", True),
    ],
)
def test_a_title_before_a_list(text: str, name: str, label: str, given: bool) -> None:
    assert _given(text, name, label) is given


def test_a_post_label_refusal_is_cut_and_names_a_line(data: Path) -> None:
    long = "statssekreterare " + "mycket " * 40 + "lång"
    line = change(
        data / "bodies.yaml", "sv: statssekreterare hos arbetsmarknads- och etableringsministern", f"sv: {long}"
    )
    errors = [e for e in refused(data.parent) if "the label" in e and "first source" in e]
    assert len(errors) == 1, errors
    assert f"bodies.yaml:{line - 1}: posts[1].label:" in errors[0]
    assert long not in errors[0] and f"({len(long)} characters)" in errors[0]


# --- the shared clause and list readers ------------------------------------------------------------


def test_both_checks_read_lists_and_clauses_with_one_module() -> None:
    assert not hasattr(posted, "_LIST") and not hasattr(organised, "_LIST")
    assert posted.listed is clauses.listed is organised.listed
    assert posted.clause is clauses.clause is organised.clause
    assert "liksom" not in clauses.LIST_JOINERS  # one list of joiners for both


# --- a held meeting: an undated invitation ----------------------------------------------------------


def test_an_undated_invitation_is_said_to_be_undated(data: Path) -> None:
    change(
        data / "sources.yaml",
        "    kind: documentation\n    title:\n      sv: Dokumentation av sakråd den 12",
        "    kind: invitation\n    title:\n      sv: Dokumentation av sakråd den 12",
    )
    errors = [e for e in refused(data.parent) if "published as held" in e]
    assert len(errors) == 1, errors
    assert "'dokumentation-2017-12-12-integration' (an invitation, date not known)" in errors[0]
    # no made-up year, and no claim that every document was published before the day
    assert "0000" not in errors[0] and "every one of its documents" not in errors[0]
    assert "each is an invitation not dated or was published before that day" in errors[0]


@pytest.mark.parametrize(("published", "stands"), [("2017-12-11", False), ("2017-12-12", True), ("2018-02", True)])
def test_a_dated_invitation_counts_by_its_date(data: Path, published: str, stands: bool) -> None:
    change(
        data / "sources.yaml",
        "    kind: documentation\n    title:\n      sv: Dokumentation av sakråd den 12",
        f"    kind: invitation\n    published: {published}\n    title:\n      sv: Dokumentation av sakråd den 12",
    )
    try:
        load_corpus(data)
        errors: list[str] = []
    except InputErrors as e:
        errors = [str(x) for x in e.errors if "published as held" in str(x)]
    assert (errors == []) is stands, errors
    if errors:
        assert f"'dokumentation-2017-12-12-integration' {published}" in errors[0]
