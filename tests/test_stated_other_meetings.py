"""What a kept text's sentence may be used for (stated.py): a season's or another year's meeting
("Höstens sakråd", "Sakrådet 2023", "2023 års sakråd") gives nothing of this one unless the year is
the meeting's own; a question is one that ends with "?" or stands under a heading or lead-in of asking,
not any sentence holding "frågor"; "dialog", "samtal", "tema", "betonade" make a discussion area only of
their object or topic; particle verbs with adverbs between their parts ("tog även upp"), "belystes",
"rörde", "delade med sig av" and a sentence of examples after one of discussing are words of
discussing; people nouns ("ombud", "delegater", "medlemmar") count people; a person the text names but
not in the role is refused saying so."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, change, fixture_project, refused

from sakrad_ld import stated
from sakrad_ld.stated import folded, folded_text

SEED = Path("data") / "meetings" / "2017-12-12-integration.yaml"
KEPT = Path("data") / "sources" / "sakrad-2017-12-12-integration.txt"
THIS_YEAR = frozenset({"2025"})


def _flat(text: str) -> tuple[str, str]:
    folded = folded_text(text)
    return folded, folded.replace("\x00", " ")


# --- Another meeting: a season's or another year's ------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "this_one"),
    [
        ("Höstens sakråd hölls i Umeå.", False),
        ("Vårens sakråd hölls i Umeå.", False),
        ("Sommarens digitala möte hölls i Umeå.", False),
        ("Sakrådet 2023 hölls i Umeå.", False),
        ("2023 års sakråd hölls i Umeå.", False),
        ("2023 års digitala samråd hölls i Umeå.", False),
        ("Sakrådet i maj 2023 hölls i Umeå.", False),
        ("Sakrådet den 5 maj 2023 hölls i Umeå.", False),
        ("Sakrådet hösten 2023 hölls i Umeå.", False),
        ("Sakrådet i fjol hölls i Umeå.", False),
        ("The 2023 meeting was held in Umeå.", False),
        ("The autumn meeting was held in Umeå.", False),
        ("Last autumn's meeting was held in Umeå.", False),
        ("Sakrådet den 2023-05-12 hölls i Umeå.", False),
        ("Sakrådet 2025 hölls i Umeå.", True),
        ("2025 års sakråd hölls i Umeå.", True),
        ("Sakrådet i maj 2025 hölls i Umeå.", True),
        ("Sakrådet hölls i Umeå.", True),
    ],
)
def test_a_season_s_or_another_year_s_meeting_has_no_place_chair_or_participant_of_this_one(
    sentence: str, this_one: bool
) -> None:
    text, flat = _flat(sentence)
    assert stated._held_at("Umeå", text, flat, THIS_YEAR) is this_one
    chaired = sentence.replace("hölls i Umeå", "leddes av Daniel Liljeberg").replace(
        "was held in Umeå", "was chaired by Daniel Liljeberg"
    )
    assert stated._named_as("Daniel Liljeberg", "chair", folded_text(chaired), years=THIS_YEAR) is this_one
    took_part = sentence.replace("hölls i Umeå", "deltog Civos").replace("was held in Umeå", "was attended by Civos")
    text, flat = _flat(took_part)
    assert (stated._named(["Civos"], text, flat, {}, frozenset(), listed=True, years=THIS_YEAR) == "") is this_one
    area = sentence.replace("hölls i Umeå", "diskuterades skolans roll").replace(
        "was held in Umeå", "discussed skolans roll"
    )
    text, flat = _flat(area)
    assert stated._discussed("skolans roll", text, flat, years=THIS_YEAR) is this_one


def test_a_meeting_with_no_known_date_takes_no_year_s_meeting_for_its_own() -> None:
    text, flat = _flat("Sakrådet 2023 hölls i Umeå.")
    assert not stated._held_at("Umeå", text, flat, frozenset())


@pytest.mark.parametrize(("year", "accepted"), [("2016", False), ("2017", True)])
def test_the_meeting_s_own_year_is_read_from_its_date(tmp_path: Path, year: str, accepted: bool) -> None:
    project = fixture_project(tmp_path / "project")
    text = (project / KEPT).read_text(encoding="utf-8")
    (project / KEPT).write_text(text + f"\nSakrådet {year} hölls i Malmö.\n", encoding="utf-8")
    line = change(project / SEED, "place: Stockholm", "place: Malmö")
    if accepted:
        from sakrad_ld.corpus import load_corpus

        assert load_corpus(project / "data").meetings
    else:
        errors = refused(project)
        assert any(f"2017-12-12-integration.yaml:{line}: place" in e and "Malmö" in e for e in errors), errors


# --- A question must be a question ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "question"),
    [
        (
            "Frågor om den sociala klimatfonden och mötets innehåll kan ställas till Ola Göransson.",
            "Frågor om den sociala klimatfonden och mötets innehåll kan ställas till Ola Göransson",
            False,
        ),
        (
            "Sakrådet var ett tillfälle att lämna synpunkter och ställa frågor.",
            "Sakrådet var ett tillfälle att lämna synpunkter och ställa frågor",
            False,
        ),
        ("Deltagarna ställde många frågor. Mötet började sent.", "Mötet började sent", False),
        (
            "Frågan om finansiering återkom ofta. Stödet behöver vara långsiktigt.",
            "Stödet behöver vara långsiktigt",
            False,
        ),
        ("Frågeställningar:\n- hur stärks samverkan\n", "hur stärks samverkan", True),
        ("Organisationerna ombads svara på följande:\n- Vad behövs\n", "Vad behövs", True),
        ("Organisationerna ombads svara på följande frågor. Hur stärks samverkan.", "Hur stärks samverkan", True),
        ("Frågor:\n- Vad behövs\n", "Vad behövs", True),
        ("Vid frågor kontakta:\n- Ola Göransson, enheten\n", "Ola Göransson, enheten", False),
        ("Frågor besvaras av:\n- Ola Göransson\n", "Ola Göransson", False),
        ("Frågor: hur stärks samverkan.", "hur stärks samverkan", True),
        ("Frågor om finansiering kan ställas till enheten. Hur stärks samverkan?", "Hur stärks samverkan", True),
    ],
)
def test_a_question_ends_with_a_question_mark_or_stands_under_a_lead_in_of_asking(
    text: str, value: str, question: bool
) -> None:
    folded, flat = _flat(text)
    why = stated._asked(value, "m", folded, flat, {})
    assert (why == "") is question, why
    if not question:
        assert why is not None and "not as a question" in why and "lead-in" in why


# --- Discussion areas: words of a topic, particle verbs, examples ---------------------------------


@pytest.mark.parametrize(
    ("text", "value", "discussed"),
    [
        (
            "Att ha en öppen dialog med berörda organisationer och myndigheter är viktigt för att skapa "
            "förankring och underlätta genomförandet av en effektiv politik.",
            "underlätta genomförandet av en effektiv politik",
            False,
        ),
        (
            "Den här dialogen är en pusselbit för att få genomslag för strategin och förankring av det nationella arbetet.",
            "förankring av det nationella arbetet",
            False,
        ),
        ("Samtalen var givande och stödet till ideella föreningar ökade.", "stödet till ideella föreningar", False),
        (
            "Ministern betonade att mötet var viktigt och att stödet till föreningar ökade.",
            "stödet till föreningar",
            False,
        ),
        ("Temat bestämdes tidigt, men jordbrukets framtid avgörs senare.", "jordbrukets framtid", False),
        ("Det rörde sig om jordbrukets framtid.", "jordbrukets framtid", False),
        ("Sakrådet hölls i Malmö. Exempel var den ökade antisemitismen.", "den ökade antisemitismen", False),
        (
            "Möten för information och diskussion är ett komplement.\n\n– Den här dialogen är en pusselbit för "
            "förankring av det nationella arbetet, säger statssekreteraren.",
            "förankring av det nationella arbetet",
            False,
        ),
        ("Under mötet diskuterades följande.\n- jordbrukets framtid\n", "jordbrukets framtid", True),
        ("Följande diskuterades:\n- jordbrukets framtid\n", "jordbrukets framtid", True),
        ("Sakrådet var en dialog om jordbrukets framtid.", "jordbrukets framtid", True),
        ("Vi förde en dialog med civilsamhället om jordbrukets framtid.", "jordbrukets framtid", True),
        ("Samtal kring jordbrukets framtid.", "jordbrukets framtid", True),
        ("Temat för sakrådet var jordbrukets framtid.", "jordbrukets framtid", True),
        ("Jordbrukets framtid var dagens tema.", "Jordbrukets framtid", True),
        ("Ministern betonade vikten av jordbrukets framtid.", "jordbrukets framtid", True),
        ("Sakrådets teman:\n- jordbrukets framtid\n", "jordbrukets framtid", True),
        ("De tog även upp skolans roll i att utbilda om rasism.", "skolans roll i att utbilda om rasism", True),
        ("Hat och hot mot samer togs också upp.", "Hat och hot mot samer", True),
        ("Organisationerna tar även upp skolans roll.", "skolans roll", True),
        ("Ministern tog bland annat upp skolans roll.", "skolans roll", True),
        ("Därefter tog hon upp skolans roll.", "skolans roll", True),
        ("Behovet av stöd belystes i mötet.", "Behovet av stöd", True),
        ("Andra frågor rörde asylärenden och hbtqi-personers utsatthet.", "asylärenden", True),
        (
            "Hälsa och sjukvård var ett område som flera delade med sig av erfarenheter kring.",
            "Hälsa och sjukvård",
            True,
        ),
        (
            "Det lyftes flera exempel på hur rasism har ökat. Exempel var den ökade antisemitismen i samhället.",
            "den ökade antisemitismen i samhället",
            True,
        ),
        ("Även betydelsen av ett långsiktigt stöd lyftes.", "betydelsen av ett långsiktigt stöd", True),
    ],
)
def test_a_discussion_area_is_the_object_of_a_word_of_discussing(text: str, value: str, discussed: bool) -> None:
    folded, flat = _flat(text)
    assert stated._discussed(value, folded, flat) is discussed


def test_real_particle_verbs_of_the_pages_are_read() -> None:
    """The sentences the pages write ("tog även upp", "togs upp även upp") are read as discussing."""
    pages = ROOT.parent / "shared" / "regeringen" / "pages"
    found = [
        sentence
        for page in sorted(pages.rglob("*.md"))
        for sentence in page.read_text(encoding="utf-8").split(". ")
        if "tog även upp" in sentence
    ]
    if not found:
        pytest.skip("no page of the shared pages writes 'tog även upp'")
    for sentence in found:
        folded, flat = _flat(sentence)
        assert stated._DISCUSSING.search(flat), sentence


# --- Counts count what their noun names ------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "counted"),
    [
        ("ett tiotal ombud för olika civilsamhällesorganisationer", "people"),
        ("tjugo delegater", "people"),
        ("ett 30-tal deltagare från organisationer", "people"),
        ("femton medlemmar", "people"),
        ("fem talespersoner", "people"),
        ("tio personer", "people"),
        ("åtta organisationsföreträdare", "people"),
        ("tolv myndighetsföreträdare", "people"),
        ("tolv medlemsorganisationer", "organisations"),
        ("ett 20-tal organisationer från civilsamhället", "organisations"),
        ("sex myndigheter", "bodies"),
    ],
)
def test_a_count_counts_what_its_noun_names(words: str, counted: str) -> None:
    assert stated._counted_noun(folded(words))[1] == counted  # type: ignore[index]


@pytest.mark.parametrize("noun", ["ombud", "delegater", "medlemmar", "talespersoner", "personer", "deltagare"])
def test_an_organisation_count_of_people_is_refused(tmp_path: Path, noun: str) -> None:
    project = fixture_project(tmp_path / "project")
    line = change(project / SEED, "  text: femton\n", f"  text: femton {noun}\n")
    errors = refused(project)
    assert any(
        f"2017-12-12-integration.yaml:{line - 1}: organisation_count" in e and f"count people ('{noun}')" in e
        for e in errors
    ), errors


# --- A person named, but not in the role --------------------------------------------------------------


def test_a_chair_named_but_not_as_chairing_is_refused_saying_so(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project")
    change(project / KEPT, "och leddes av Anders Kessling", "och Anders Kessling")
    errors = refused(project)
    chair = [e for e in errors if ": chair" in e and "Anders Kessling" in e]
    assert chair, errors
    assert "names 'Anders Kessling' but not as the subject of a word of chairing" in chair[0], chair
    assert "does not hold it" not in chair[0] and "copy it from the text" not in chair[0], chair


def test_a_chair_the_text_does_not_name_is_refused_as_not_held(tmp_path: Path) -> None:
    project = fixture_project(tmp_path / "project")
    text = (project / KEPT).read_text(encoding="utf-8")
    (project / KEPT).write_text(text.replace("Anders Kessling", "A. K."), encoding="utf-8")
    errors = refused(project)
    chair = [e for e in errors if ": chair" in e and "Anders Kessling" in e]
    assert chair and "does not hold it" in chair[0] and "copy it from the text" in chair[0], errors
