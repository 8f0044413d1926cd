"""What a kept text's sentence may be used for (stated.py): "nämnde"/"nämndes", "medskick",
"knöt … an till" and "betonade" with its subject between it and its object (V2 order) are words of
discussing, "beskrev"/"berättade" are not (what was presented); a heading of questions and answers, of
questions about something or of an answer leads in no questions, and a "?" in a quotation ("– …?, säger
X", between quotation marks) is no question put to the meeting."""

from __future__ import annotations

import pytest

from sakrad_ld import stated
from sakrad_ld.stated import folded_text


def _flat(text: str) -> tuple[str, str]:
    folded = folded_text(text)
    return folded, folded.replace("\x00", " ")


# --- Words of discussing ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "area", "discussed"),
    [
        (
            "På mötet betonade civilsamhällesorganisationerna den ökande polariseringen i samhället.",
            "den ökande polariseringen",
            True,
        ),
        ("Under sakrådet betonade deltagarna särskilt skolans roll.", "skolans roll", True),
        ("Därefter betonade de även vikten av skolans roll.", "skolans roll", True),
        (
            "I arbetet nämnde organisationerna att arbetet behöver bli långsiktigt.",
            "att arbetet behöver bli långsiktigt",
            True,
        ),
        ("Några delar som nämndes var risken för psykisk ohälsa.", "risken för psykisk ohälsa", True),
        ("Ett annat medskick var behovet av att fylla kunskapsluckor.", "behovet av att fylla kunskapsluckor", True),
        (
            "Under sakrådet knöt deltagare på olika sätt an till hur viktigt det är att planen genomförs.",
            "hur viktigt det är att planen genomförs",
            True,
        ),
        ("Ministern beskrev att regeringen ser positivt på skolans roll.", "skolans roll", False),
        ("Företrädarna berättade även att skolans roll är stor.", "skolans roll", False),
        # a genitive is no subject, and a subject does not make any noun before the area one
        ("Regeringen betonade organisationernas skolans roll.", "skolans roll", False),
        ("Sakrådet nämnde inte skolans roll.", "skolans roll", False),
        ("Den knöt an till skolans roll i ett annat sammanhang, men det var inte sakrådet.", "sakrådet", False),
    ],
)
def test_words_of_discussing(sentence: str, area: str, discussed: bool) -> None:
    text, flat = _flat(sentence)
    assert stated._discussed(area, text, flat) is discussed


def test_the_refusal_names_the_words_of_discussing_and_those_not_enough() -> None:
    why = stated._ELSEWHERE["area"]
    for words in (
        "'nämnde'",
        "'medskick'",
        "'knöt an till'",
        "'betonade X'",
        "'beskrev' and 'berättade' are not enough",
    ):
        assert words in why


def test_the_docs_name_the_words_of_discussing_and_those_not_enough() -> None:
    from conftest import ROOT

    doc = (ROOT / "docs" / "load-checks.md").read_text(encoding="utf-8")
    for words in ('"nämnde"', '"medskick"', '"knöt … an till"', '"beskrev"', '"berättade"'):
        assert words in doc


# --- Questions ----------------------------------------------------------------------------------------


def _question(text: str, value: str) -> str | None:
    folded, flat = _flat(text)
    return stated._asked(value, "m", folded, flat, {}, {})


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Frågor och svar:\n\n- Anmälan till nästa sakråd görs via e-post.\n",
            "Anmälan till nästa sakråd görs via e-post",
        ),
        ("Frågor om anmälan:\n\n- Tobias Olsson, enhetschef\n", "Tobias Olsson, enhetschef"),
        ("Frågor kring lokalen:\n\n- Lokalen ligger på Drottninggatan 21\n", "Lokalen ligger på Drottninggatan 21"),
        ("Vanliga frågor:\n\n- Mötet är öppet för alla\n", "Mötet är öppet för alla"),
        (
            "Frågeställningar:\n\n- Hur ska stödet se ut?\n\nSvar:\n\n- Stödet ska vara enkelt\n",
            "Stödet ska vara enkelt",
        ),
        ("Frågor: Hur ska stödet se ut? Svar: stödet ska vara enkelt.", "stödet ska vara enkelt"),
        (
            "– Vem vill inte ha ett enklare jordbruksstöd?, säger Daniel Liljeberg.",
            "Vem vill inte ha ett enklare jordbruksstöd?",
        ),
        (
            "– Vem vill inte ha ett enklare jordbruksstöd? Det säger Daniel Liljeberg.",
            "Vem vill inte ha ett enklare jordbruksstöd?",
        ),
        (
            "Daniel Liljeberg säger: Vem vill inte ha ett enklare jordbruksstöd?",
            "Vem vill inte ha ett enklare jordbruksstöd?",
        ),
        (
            'Ministern frågade: "Vem vill inte ha ett enklare jordbruksstöd?"',
            "Vem vill inte ha ett enklare jordbruksstöd?",
        ),
        ("Han sa ”Vem vill inte ha ett enklare stöd?” och log.", "Vem vill inte ha ett enklare stöd?"),
    ],
)
def test_no_question_put_to_the_meeting(text: str, value: str) -> None:
    why = _question(text, value)
    assert why is not None and why.startswith("holds it, but not as a question")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Frågor:\n\n- Hur ska stödet förenklas\n", "Hur ska stödet förenklas"),
        ("Frågor om hur stödet ska förenklas:\n\n- Vad är viktigast\n", "Vad är viktigast"),
        ("Frågeställningar till organisationerna:\n\n- Vilka regler bör tas bort\n", "Vilka regler bör tas bort"),
        ("Organisationerna ombads svara på följande frågor. Hur ska stödet förenklas", "Hur ska stödet förenklas"),
        (
            "Under sakrådet diskuterades: Vem vill ha ett enklare jordbruksstöd?",
            "Vem vill ha ett enklare jordbruksstöd?",
        ),
        ("- Hur ska stödet förenklas?\n- Vad säger organisationerna?\n", "Hur ska stödet förenklas?"),
    ],
)
def test_questions_put_to_the_meeting(text: str, value: str) -> None:
    assert _question(text, value) == ""


# --- Counts: the number counts the noun right after it ---------------------------------------------------


@pytest.mark.parametrize(
    ("words", "value", "counted"),
    [
        ("Drygt 50 branschorganisationers deltagare", 50, ("deltagare", "people")),
        ("Ett tiotal organisationer med drygt 50 deltagare", 50, ("deltagare", "people")),
        ("Ett tiotal organisationer med drygt 50 deltagare", 10, ("organisationer", "organisations")),
        ("tre exempel på organisationers samverkan", 3, ("exempel", "unknown")),
        ("Drygt 50 länder", 50, ("länder", "unknown")),
        ("ett 20-tal olika organisationer", 20, ("organisationer", "organisations")),
        ("fem barn- och ungdomsorganisationer", 5, ("ungdomsorganisationer", "organisations")),
        ("ett tjugotal myndigheters företrädare", 20, ("företrädare", "people")),
        ("about 20 members", 20, ("members", "people")),
        ("ett tiotal representanter från olika civilsamhällesorganisationer", 10, ("representanter", "people")),
    ],
)
def test_the_number_counts_the_noun_right_after_it(words: str, value: int, counted: tuple[str, str]) -> None:
    assert stated._number_noun(stated.folded(words), value) == counted


def test_words_with_no_noun_are_not_compared() -> None:
    assert stated._number_noun(stated.folded("femton"), 15) is None


@pytest.mark.parametrize(
    ("fact", "words", "value", "refused"),
    [
        ("organisation_count", "Drygt 50 branschorganisationers deltagare", 50, True),
        ("organisation_count", "Ett tiotal organisationer med drygt 50 deltagare", 50, True),
        ("organisation_count", "Ett tiotal organisationer med drygt 50 deltagare", 10, False),
        ("invited_count", "tre exempel på organisationers samverkan", 3, True),
        ("organisation_count", "Drygt 50 länder", 50, True),
        ("participant_count", "Drygt 50 länder", 50, True),
        ("participant_count", "Drygt 50 branschorganisationers deltagare", 50, False),
        ("organisation_count", "femton", 15, False),
    ],
)
def test_a_count_of_another_noun_is_refused(fact: str, words: str, value: int, refused: bool) -> None:
    from types import SimpleNamespace

    from sakrad_ld.errors import Where

    count = SimpleNamespace(text=words, value=value)
    meeting = SimpleNamespace(
        organisation_count=None, invited_count=None, participant_count=None, where=lambda f: Where(None, 0, f)
    )
    setattr(meeting, fact, count)
    errors = stated._counted_nouns(SimpleNamespace(meetings=[meeting]))
    assert bool(errors) is refused


# --- Another meeting, in words of time ----------------------------------------------------------------

MAY_16 = stated.meeting_time(["2025-05-16"], "2025-05-20")


@pytest.mark.parametrize(
    ("sentence", "when", "this_one"),
    [
        ("Sakrådet i höstas leddes av Daniel Liljeberg.", MAY_16, False),
        ("Sakrådet i våras leddes av Daniel Liljeberg.", MAY_16, True),
        ("Sakrådet i våras leddes av Daniel Liljeberg.", stated.meeting_time(["2025-05-16"], "2025-12-01"), False),
        ("Sakrådet i våras leddes av Daniel Liljeberg.", stated.meeting_time(["2025-05-16"]), False),
        ("Sakrådet i mars leddes av Daniel Liljeberg.", MAY_16, False),
        ("Sakrådet i maj leddes av Daniel Liljeberg.", MAY_16, True),
        ("Sakrådet den 3 mars leddes av Daniel Liljeberg.", MAY_16, False),
        ("Sakrådet den 3 maj leddes av Daniel Liljeberg.", MAY_16, False),
        ("Sakrådet den 16 maj leddes av Daniel Liljeberg.", MAY_16, True),
        ("Sakrådet i maj 2025 leddes av Daniel Liljeberg.", MAY_16, True),
        ("Sakrådet i mars 2025 leddes av Daniel Liljeberg.", MAY_16, False),
        ("Sakrådet i maj leddes av Daniel Liljeberg.", stated.meeting_time(["2025"]), False),
        ("Sakrådet i maj leddes av Daniel Liljeberg.", stated.meeting_time([]), False),
        ("Sakrådet för två år sedan leddes av Daniel Liljeberg.", MAY_16, False),
        (
            "Sakrådet för två år sedan leddes av Daniel Liljeberg.",
            stated.meeting_time(["2025-05-16"], "2027-06-01"),
            True,
        ),
        ("Sakrådet året innan leddes av Daniel Liljeberg.", MAY_16, False),
        ("Sakrådet förra månaden leddes av Daniel Liljeberg.", MAY_16, False),
        ("Sakrådet förra månaden leddes av Daniel Liljeberg.", stated.meeting_time(["2025-05-16"], "2025-06-02"), True),
        ("The meeting in March was chaired by Daniel Liljeberg.", MAY_16, False),
        ("The meeting last autumn was chaired by Daniel Liljeberg.", MAY_16, False),
        # a time placing something else than a meeting's noun is not read
        (
            "Sakrådet, om rekommendationerna som kommittén lämnade till Sverige den 6 juni 2018, leddes av Daniel Liljeberg.",
            MAY_16,
            True,
        ),
    ],
)
def test_a_meeting_at_another_time_gives_nothing_of_this_one(
    sentence: str, when: stated.MeetingTime, this_one: bool
) -> None:
    assert stated._named_as("Daniel Liljeberg", "chair", folded_text(sentence), years=when) is this_one
    place = sentence.replace("leddes av Daniel Liljeberg", "hölls i Göteborg").replace(
        "was chaired by Daniel Liljeberg", "was held in Göteborg"
    )
    text, flat = _flat(place)
    assert stated._held_at("Göteborg", text, flat, when) is this_one


@pytest.mark.parametrize(
    ("sentence", "this_one"),
    [
        ("Landsbygds- och infrastrukturdepartementet anordnade sakrådet i mars.", False),
        ("Landsbygds- och infrastrukturdepartementet anordnade sakrådet i maj.", True),
        ("Landsbygds- och infrastrukturdepartementet anordnade sakrådet i höstas.", False),
    ],
)
def test_an_organiser_at_another_time_is_not_this_meeting_s(sentence: str, this_one: bool) -> None:
    from types import SimpleNamespace

    from sakrad_ld import organised

    body = SimpleNamespace(
        name=SimpleNamespace(sv="Landsbygds- och infrastrukturdepartementet", en=None), alt_names=[], id="x"
    )
    try:
        named = organised.organiser_named(body, folded_text(sentence), MAY_16)
    except AttributeError:
        pytest.skip("organised.organiser_named reads more of a body than this test gives")
    assert named is this_one
