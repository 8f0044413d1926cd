"""What a kept text's sentence says of an organisation, a chair or a count (stated.py, counted.py), round
12: a negation anywhere in the name's clause ("varken … eller", "ingen från", "utan att"), a plan, wish,
duty or possibility ("hade planerat", "borde", "ville", "hoppas"), a condition or doubt ("om", "ifall",
"oklart om", "kanske"), an urging ("uppmanades", "ombads"), "i stället för att" and another meeting
("nästa gång") do not state that an organisation took part; each part of a contrast has its own polarity
("X deltog inte, men Y deltog"; "leddes inte av X utan av Y"); "ordförande i <another body>" is not the
sakråd's chair; a count's words must count what its field counts (invited or took part), of this sakråd,
with the bound the text gives ("Inte fler än 20")."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import fixture_project, load_messages

from sakrad_ld import stated
from sakrad_ld.counted import numbers_in
from sakrad_ld.stated import folded_text


def _flat(text: str) -> tuple[str, str]:
    folded = folded_text(text)
    return folded, folded.replace("\x00", " ")


def _organisation(sentence: str, name: str = "Fryshuset") -> str | None:
    text, flat = _flat(sentence)
    return stated._named([name], text, flat, {}, frozenset(), listed=True)


# --- An organisation taking part ------------------------------------------------------------------------

REFUSED_ORGANISATION = [
    # negation anywhere in the name's clause
    ("Varken Fryshuset eller Famna deltog.", "a negation ('varken')"),
    ("Fryshuset deltog inte, men Famna deltog.", "a negation ('inte')"),
    ("Ingen från Fryshuset deltog.", "a negation ('ingen')"),
    ("Inga representanter från Fryshuset deltog i sakrådet.", "a negation ('inga')"),
    ("Fryshuset skickade synpunkter utan att delta.", "a negation ('utan att')"),
    ("Fryshuset deltog aldrig i sakrådet.", "a negation ('aldrig')"),
    ("Famna deltog men inte Fryshuset.", "a negation ('inte')"),
    ("Fryshuset deltog ej.", "a negation ('ej')"),
    # plans, wishes, duties, possibilities
    ("Fryshuset hade planerat att delta i sakrådet.", "('planerat')"),
    ("Fryshuset borde ha deltagit i sakrådet.", "('borde')"),
    ("Fryshuset ville delta men hann inte.", "('ville')"),
    ("Fryshuset hoppades kunna delta.", "('hoppades')"),
    ("Fryshuset skulle delta.", "('skulle')"),
    ("Fryshuset ska delta i sakrådet.", "('ska')"),
    ("Fryshuset kommer att delta i sakrådet.", "('kommer att')"),
    ("Fryshuset avsåg att delta.", "('avsåg')"),
    ("Fryshuset kunde delta.", "('kunde')"),
    ("Fryshuset var tänkt att delta.", "('tänkt')"),
    # conditions and doubts
    ("Om Fryshuset deltar kan sakrådet breddas.", "a condition or a doubt ('om')"),
    ("Sakrådet breddas, om Fryshuset deltar.", "a condition or a doubt ('om')"),
    ("Ifall Fryshuset deltar blir det bra.", "a condition or a doubt ('ifall')"),
    ("I den mån Fryshuset deltog var det bra.", "a condition or a doubt ('i den mån')"),
    ("Det är oklart om Fryshuset deltog.", "a condition or a doubt ('oklart')"),
    ("Det är osäkert om Fryshuset deltog.", "a condition or a doubt ('osäkert')"),
    ("Fryshuset deltog möjligen.", "a condition or a doubt ('möjligen')"),
    ("Kanske deltog Fryshuset.", "a condition or a doubt ('kanske')"),
    # urged, asked, offered, registered, invited
    ("Fryshuset uppmanades att delta i sakrådet.", "an urging, an offer or a registration ('uppmanades')"),
    ("Fryshuset ombads delta.", "an urging, an offer or a registration ('ombads')"),
    ("Fryshuset anmälde sig men kom aldrig.", "an urging, an offer or a registration ('anmälde sig')"),
    ("Fryshuset bjöds in att delta.", "an invitation ('bjöds')"),
    ("Fryshuset var inbjudet.", "an invitation ('inbjudet')"),
    # in place of taking part, absence
    ("Fryshuset lämnade skriftliga synpunkter i stället för att delta.", "something done in its place"),
    ("Fryshuset lämnade synpunkter istället för att delta.", "something done in its place"),
    ("Fryshuset tackade ja men uteblev.", "an absence or a refusal ('uteblev')"),
]


@pytest.mark.parametrize(("sentence", "says"), REFUSED_ORGANISATION)
def test_a_sentence_not_saying_the_organisation_took_part_is_refused_saying_what_it_says(
    sentence: str, says: str
) -> None:
    why = _organisation(sentence)
    assert why, sentence
    assert "names it only in sentences saying it was invited, did not take part" in why
    assert says in why, why
    assert "not that it took part" in why


@pytest.mark.parametrize(
    "sentence",
    [
        "Fryshuset hoppas kunna delta nästa gång.",
        "Fryshuset deltog förra gången.",
        "Fryshuset deltog föregående år.",
        "Vid förra årets sakråd deltog Fryshuset.",
        "Fryshuset deltog i ett liknande sakråd i Malmö.",
    ],
)
def test_a_sentence_about_another_meeting_names_no_participant(sentence: str) -> None:
    why = _organisation(sentence)
    assert why and "is about another meeting" in why, why


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Fryshuset deltog inte, men Famna deltog.", "Famna"),
        ("Famna deltog, men Fryshuset uteblev.", "Famna"),
        ("Fryshuset och Famna deltog, men inte Civos.", "Fryshuset"),
        ("Fryshuset var inbjudet och deltog.", "Fryshuset"),
        ("Fryshuset var inte inbjudet men deltog ändå.", "Fryshuset"),
        ("Fryshuset anmälde sig och deltog.", "Fryshuset"),
        ("Följande organisationer deltog: Fryshuset, Famna och Civos.", "Famna"),
        ("Fryshuset deltog också i sakrådet.", "Fryshuset"),
        ("Deltog gjorde bland andra Fryshuset och Famna.", "Famna"),
        ("Sakrådet samlade Fryshuset, Famna och Civos.", "Civos"),
        ("Fryshuset deltog i diskussionen om hur stödet kan förbättras.", "Fryshuset"),
        ("Fryshuset deltog, trots att Famna inte kunde.", "Fryshuset"),
    ],
)
def test_a_sentence_saying_the_organisation_took_part_is_accepted(sentence: str, name: str) -> None:
    assert _organisation(sentence, name) == ""


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Fryshuset var inbjudet, och Famna deltog.", "Fryshuset"),
        ("Fryshuset deltog inte men Famna deltog.", "Fryshuset"),
        ("Fryshuset var inbjudet men Famna deltog.", "Fryshuset"),
    ],
)
def test_another_s_word_of_taking_part_does_not_confirm_the_organisation(sentence: str, name: str) -> None:
    assert _organisation(sentence, name)


# --- The chair: each part of a contrast, another body's chair --------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "name", "chair"),
    [
        ("Sakrådet leddes inte av Jakob Forssmed utan av Paulina Brandberg.", "Paulina Brandberg", True),
        ("Sakrådet leddes inte av Jakob Forssmed utan av Paulina Brandberg.", "Jakob Forssmed", False),
        ("Inte Jakob Forssmed utan Paulina Brandberg ledde mötet.", "Paulina Brandberg", True),
        ("Inte Jakob Forssmed utan Paulina Brandberg ledde mötet.", "Jakob Forssmed", False),
        ("Paulina Brandberg ledde mötet. Jakob Forssmed var ordförande i Riksdagens utskott.", "Jakob Forssmed", False),
        ("Jakob Forssmed, som är ordförande i utskottet, deltog.", "Jakob Forssmed", False),
        ("Jakob Forssmed var ordförande för mötet.", "Jakob Forssmed", True),
        ("Jakob Forssmed var ordförande vid sakrådet.", "Jakob Forssmed", True),
        ("Ordförande var Jakob Forssmed.", "Jakob Forssmed", True),
        ("Varken Jakob Forssmed eller Paulina Brandberg ledde sakrådet.", "Jakob Forssmed", False),
        ("Om Jakob Forssmed leder sakrådet blir det bra.", "Jakob Forssmed", False),
        ("Jakob Forssmed hade planerat att leda sakrådet.", "Jakob Forssmed", False),
        ("Jakob Forssmed borde ha lett sakrådet, men Paulina Brandberg ledde det.", "Jakob Forssmed", False),
    ],
)
def test_the_chair_is_read_in_its_own_part_of_a_contrast(sentence: str, name: str, chair: bool) -> None:
    assert stated._named_as(name, "chair", folded_text(sentence)) is chair


# --- Counts ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("Inte fler än 20 organisationer", "at-most"),
        ("inte mer än 20", "at-most"),
        ("inte över 20", "at-most"),
        ("inte färre än 20", "at-least"),
        ("inte under 20", "at-least"),
        ("fler än 20", "at-least"),
        ("högst 20", "at-most"),
        ("minst 20", "at-least"),
    ],
)
def test_a_negated_comparison_bounds_the_other_way(words: str, kind: str) -> None:
    assert [r.kind for r in numbers_in(words)] == [kind]


def _count(sentence: str, words: str, field: str, value: int, mark: str = "exact") -> str | None:
    text, flat = _flat(sentence)
    return stated._count_said(words, field, str(value), mark, text, flat, frozenset({"2024"}))


@pytest.mark.parametrize(
    ("sentence", "words", "field", "value", "mark", "says"),
    [
        ("Ett 40-tal organisationer bjöds in till sakrådet.", "Ett 40-tal organisationer", "organisation_count", 40,
         "approximate", "counts those invited or registered ('bjöds')"),
        ("Ett 40-tal organisationer bjöds in och 25 organisationer deltog.", "Ett 40-tal organisationer",
         "organisation_count", 40, "approximate", "counts those invited or registered ('bjöds')"),
        ("25 organisationer var inbjudna men bara 12 kom.", "25 organisationer", "organisation_count", 25, "exact",
         "counts those invited or registered ('inbjudna')"),
        ("30 organisationer anmälde sig.", "30 organisationer", "organisation_count", 30, "exact",
         "counts those invited or registered ('anmälde sig')"),
        ("Regeringen bjöd in 30 organisationer.", "30 organisationer", "organisation_count", 30, "exact",
         "counts those invited or registered ('bjöd')"),
        ("Förra årets sakråd samlade 30 organisationer.", "30 organisationer", "organisation_count", 30, "exact",
         "is about another meeting"),
        ("Vid nästa sakråd deltar 30 organisationer.", "30 organisationer", "organisation_count", 30, "exact",
         "is about another meeting"),
        ("Ett 40-tal organisationer deltog.", "Ett 40-tal organisationer", "invited_count", 40, "approximate",
         "counts those who took part ('deltog'), not those invited"),
        ("Sakrådet samlade 30 organisationer.", "30 organisationer", "invited_count", 30, "exact",
         "counts those who took part ('samlade')"),
        ("Inte fler än 20 organisationer deltog.", "20 organisationer", "organisation_count", 20, "exact",
         "'inte fler än 20': at-most"),
        ("Drygt 50 deltagare samlades.", "50 deltagare", "participant_count", 50, "exact", "'drygt 50': at-least"),
        ("Cirka 30 organisationer deltog.", "30 organisationer", "organisation_count", 30, "exact",
         "'cirka 30': approximate"),
        ("30 organisationer deltog inte.", "30 organisationer", "organisation_count", 30, "exact",
         "a negation ('inte')"),
        ("30 organisationer kommer att delta.", "30 organisationer", "organisation_count", 30, "exact",
         "('kommer att')"),
        ("30 organisationer skulle ha deltagit.", "30 organisationer", "organisation_count", 30, "exact",
         "('skulle')"),
        ("Om 30 organisationer deltar blir det bra.", "30 organisationer", "organisation_count", 30, "exact",
         "a condition or a doubt ('om')"),
    ],
)  # fmt: skip
def test_a_count_not_of_what_its_field_counts_is_refused(
    sentence: str, words: str, field: str, value: int, mark: str, says: str
) -> None:
    why = _count(sentence, words, field, value, mark)
    assert why and says in why, why


@pytest.mark.parametrize(
    ("sentence", "words", "field", "value", "mark"),
    [
        ("Ett 40-tal organisationer bjöds in och 25 organisationer deltog.", "25 organisationer",
         "organisation_count", 25, "exact"),
        ("Ett 40-tal organisationer bjöds in och 25 organisationer deltog.", "Ett 40-tal organisationer",
         "invited_count", 40, "approximate"),
        ("25 organisationer var inbjudna men bara 12 kom.", "12", "organisation_count", 12, "exact"),
        ("Inte fler än 20 organisationer deltog.", "Inte fler än 20 organisationer", "organisation_count", 20,
         "at-most"),
        ("Mötet samlade femton organisationer, och leddes av Anna Berg.", "femton", "organisation_count", 15, "exact"),
        ("På mötet deltog 15 civilsamhällesorganisationer.", "15 civilsamhällesorganisationer", "organisation_count",
         15, "exact"),
        ("Representanter för ett tjugotal organisationer samt tio tjänstemän samlades.", "ett tjugotal organisationer",
         "organisation_count", 20, "approximate"),
        ("Ministern bjöd in ett 30-tal civilsamhällesorganisationer till samråd.", "ett 30-tal civilsamhällesorganisationer",
         "invited_count", 30, "approximate"),
        ("Drygt 50 deltagare samlades.", "Drygt 50 deltagare", "participant_count", 50, "at-least"),
        ("Sakrådet hade 30 deltagare.", "30 deltagare", "participant_count", 30, "exact"),
    ],
)  # fmt: skip
def test_a_count_of_what_its_field_counts_is_accepted(
    sentence: str, words: str, field: str, value: int, mark: str
) -> None:
    assert _count(sentence, words, field, value, mark) == ""


# --- Loading: the refusal names the file, the line, the field and what the sentence says ------------------

TEST_SOURCE = """
  - id: test-src
    kind: web-page
    title:
      sv: Sakråd om testfrågor
    url: https://www.regeringen.se/sakrad/2024/09/sakrad-om-testfragor/
    file: sources/test.md
    publisher: kulturdepartementet
    published: 2024-09-20
"""


def _project(tmp_path: Path, sentence: str, facts: str) -> tuple[Path, list[str]]:
    project = fixture_project(tmp_path / "project")
    data = project / "data"
    with (data / "sources.yaml").open("a", encoding="utf-8") as out:
        out.write(TEST_SOURCE)
    (data / "sources" / "test.md").write_text(
        f"# Sakråd om testfrågor\n\nSakrådet hölls den 10 september 2024.\n\n{sentence}\n", encoding="utf-8"
    )
    (data / "meetings" / "2024-09-10-test.yaml").write_text(
        "id: 2024-09-10-test\nsource: test-src\ntitle:\n  sv: Sakråd om testfrågor\ndate: 2024-09-10\n" + facts,
        encoding="utf-8",
    )
    return project, [m for m in load_messages(project) if "2024-09-10-test" in m]


@pytest.mark.parametrize(
    ("sentence", "facts", "line", "field", "says"),
    [
        ("Varken Fryshuset eller Famna deltog.", "organisations:\n  - fryshuset\n", 6, "organisations[0]",
         "says a negation ('varken'), not that it took part"),
        ("Fryshuset uppmanades att delta i sakrådet.", "organisations:\n  - fryshuset\n", 6, "organisations[0]",
         "says an urging, an offer or a registration ('uppmanades')"),
        ("Sakrådet leddes inte av Jakob Forssmed utan av Paulina Brandberg.", "chair:\n  person: jakob-forssmed\n",
         6, "chair.person", "names 'Jakob Forssmed' with a word of chairing ('leddes av', 'ledde', 'ordförande' …), "
         "but its sentence 'sakrådet leddes inte av jakob forssmed utan av paulina brandberg.' says a negation "
         "('inte')"),
        ("Ett 40-tal organisationer bjöds in till sakrådet.",
         "organisation_count:\n  text: Ett 40-tal organisationer\n  value: 40\n  approximate: true\n", 6,
         "organisation_count", "counts those invited or registered ('bjöds'), not those who took part"),
        ("Inte fler än 20 organisationer deltog.", "organisation_count:\n  text: 20 organisationer\n  value: 20\n",
         6, "organisation_count", "'inte fler än 20': at-most"),
        ("Förra årets sakråd samlade 30 organisationer.",
         "organisation_count:\n  text: 30 organisationer\n  value: 30\n", 6, "organisation_count",
         "is about another meeting"),
        ("Ett 40-tal organisationer deltog.",
         "invited_count:\n  text: Ett 40-tal organisationer\n  value: 40\n  approximate: true\n", 6,
         "invited_count", "counts those who took part ('deltog'), not those invited"),
    ],
)  # fmt: skip
def test_loading_refuses_naming_file_line_field_and_what_the_sentence_says(
    tmp_path: Path, sentence: str, facts: str, line: int, field: str, says: str
) -> None:
    _, messages = _project(tmp_path, sentence, facts)
    assert len(messages) == 1, messages
    assert (
        f"2024-09-10-test.yaml:{line}: {field}" in messages[0]
        or f"2024-09-10-test.yaml:{line + 1}: {field}" in (messages[0])
    ), messages
    assert "sources/test.md" in messages[0]
    assert says in messages[0], messages


@pytest.mark.parametrize(
    ("sentence", "facts"),
    [
        ("Fryshuset deltog inte, men Famna deltog.", "organisations:\n  - famna\n"),
        ("Sakrådet leddes inte av Jakob Forssmed utan av Paulina Brandberg.", "chair:\n  person: paulina-brandberg\n"),
        ("Ett 40-tal organisationer bjöds in och 25 organisationer deltog.",
         "organisation_count:\n  text: 25 organisationer\n  value: 25\ninvited_count:\n  text: Ett 40-tal "
         "organisationer\n  value: 40\n  approximate: true\n"),
        ("Inte fler än 20 organisationer deltog.",
         "organisation_count:\n  text: Inte fler än 20 organisationer\n  value: 20\n  bound: at-most\n"),
    ],
)  # fmt: skip
def test_loading_accepts_the_true_facts_of_the_same_sentences(tmp_path: Path, sentence: str, facts: str) -> None:
    _, messages = _project(tmp_path, sentence, facts)
    assert messages == []
