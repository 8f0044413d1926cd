"""A kept text's sentences read as people write them (stated.py, docs/load-checks.md): an
abbreviation, an initial or a day's number before its month ends no sentence ("bl.a.", "t.ex.", "ca.",
"kl. 10", "A. Svensson", "12. december"), a list's closing "m.fl." does; a list's heading need not end with
":" and its items may end with ";"; passives name their agent after "av"/"by" ("anordnades av",
"representerades av", "moderated by"); a place may open its sentence ("I Luleå hölls sakrådet"); a
negation in the name's own relative clause or after "utan att" is no taking part, an invitation there
does not undo it; a plan's noun ("Tanken är att …") or an expectation ("förväntas", "is expected to")
states no taking part, no role and no place. Each row: (sentence, fact, accepted)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_stated_polarity import _project

from sakrad_ld import placed, stated
from sakrad_ld.stated import _flat, folded_text

TRUE, TRAP = True, False


def _accepted(sentence: str, kind: str, value: str, announced: bool = False) -> bool:
    """Whether the kept text ``sentence`` states ``value`` as a fact of ``kind`` (an organisation taking
    part, a person as 'chair', 'convener' or 'participant', or the 'place' the meeting was held at)."""
    text = folded_text(sentence)
    flat = _flat(text)
    if kind == "organisation":
        return stated._named([value], text, flat, {}, frozenset(), listed=True) == ""
    if kind == "place":
        if stated._held_at(value, text, flat):
            planned = not announced and stated._planned_place(value, text, flat) is not None
            return not planned and not placed.held_here(value, text, flat, announced=announced)
        return stated._fronted_place(value, text, flat, announced=announced) == ""
    return stated._named_as(value, kind, text)


ABBREVIATIONS = [
    ("Vid mötet deltog bl.a. Rädda Barnen.", "organisation", "Rädda Barnen", TRUE),
    ("Vid mötet deltog bl. a. Rädda Barnen och Famna.", "organisation", "Famna", TRUE),
    ("Vid mötet deltog t.ex. Rädda Barnen.", "organisation", "Rädda Barnen", TRUE),
    ("Ca. 40 organisationer deltog, bl.a. Rädda Barnen.", "organisation", "Rädda Barnen", TRUE),
    ("Sakrådet började kl. 10. Rädda Barnen deltog.", "organisation", "Rädda Barnen", TRUE),
    ("Sakrådet hölls i S:t Lukas lokaler. Rädda Barnen deltog.", "organisation", "Rädda Barnen", TRUE),
    ("Famna, Rädda Barnen m.fl. deltog.", "organisation", "Rädda Barnen", TRUE),
    ("Sakrådet leddes av A. Svensson.", "chair", "A. Svensson", TRUE),
    ("Sakrådet leddes av Anna B. Svensson.", "chair", "Anna B. Svensson", TRUE),
    ("The meeting was chaired by Dr. Anna Berg.", "chair", "Anna Berg", TRUE),
    ("Save the Children attended, e.g. with its secretary general.", "organisation", "Save the Children", TRUE),
    ("Participants included e.g. Save the Children.", "organisation", "Save the Children", TRUE),
    # a negation stays in its sentence, the sentence after stays its own
    ("Rädda Barnen deltog inte p.g.a. sjukdom. Famna deltog.", "organisation", "Rädda Barnen", TRAP),
    ("Rädda Barnen deltog inte, bl.a. p.g.a. sjukdom.", "organisation", "Rädda Barnen", TRAP),
    ("Sakrådet hölls den 12. december. Rädda Barnen deltog inte.", "organisation", "Rädda Barnen", TRAP),
    ("Sakrådet hölls den 12 dec. 2024. Rädda Barnen deltog inte.", "organisation", "Rädda Barnen", TRAP),
    ("Inbjudna var bl.a. Rädda Barnen m.fl. Famna deltog.", "organisation", "Rädda Barnen", TRAP),
    ("Inbjudna var Rädda Barnen osv. Famna deltog.", "organisation", "Rädda Barnen", TRAP),
    ("Invited were Save the Children etc. Famna attended.", "organisation", "Save the Children", TRAP),
    ("Save the Children did not attend, i.e. Famna came alone.", "organisation", "Save the Children", TRAP),
]

LISTS = [
    ("Följande organisationer deltog\n- Rädda Barnen\n- Famna\n", "organisation", "Famna", TRUE),
    ("Följande organisationer deltog\n1. Rädda Barnen\n2. Famna\n", "organisation", "Famna", TRUE),
    ("Deltog: Rädda Barnen; Famna; Fryshuset.", "organisation", "Fryshuset", TRUE),
    ("Deltog: Rädda Barnen; Famna; Fryshuset.", "organisation", "Famna", TRUE),
    ("Deltagande organisationer: Rädda Barnen; Famna; Fryshuset", "organisation", "Fryshuset", TRUE),
    ("Participants: Save the Children; Famna; Civos.", "organisation", "Civos", TRUE),
    ("Följande organisationer bjöds in\n- Rädda Barnen\n- Famna\n", "organisation", "Famna", TRAP),
    ("Följande organisationer bjöds in men deltog inte\n- Rädda Barnen\n- Famna\n", "organisation", "Famna", TRAP),
    ("Inbjudna: Rädda Barnen; Famna; Fryshuset.", "organisation", "Famna", TRAP),
    ("Deltog: Rädda Barnen; Famna.\nInbjudna: Fryshuset; Civos.", "organisation", "Civos", TRAP),
    ("Följande organisationer deltog inte: Rädda Barnen, Famna och Fryshuset.", "organisation", "Famna", TRAP),
    ("Följande organisationer deltog inte: Rädda Barnen; Famna; Fryshuset.", "organisation", "Famna", TRAP),
    ("Invited: Save the Children; Famna; Civos.", "organisation", "Civos", TRAP),
    ("Deltog: Rädda Barnen; Famna (Stockholm); Fryshuset.", "organisation", "Famna", TRUE),
    ("Famna (som inte deltog förra året) deltog.", "organisation", "Famna", TRUE),
    ("Deltog: Rädda Barnen; Famna (ej på plats); Fryshuset.", "organisation", "Famna", TRAP),
    ("Deltog: Rädda Barnen; Famna (förhinder); Fryshuset.", "organisation", "Famna", TRAP),
    ("Participants: Save the Children (absent); Famna.", "organisation", "Save the Children", TRAP),
]

PASSIVES = [
    ("Sakrådet anordnades av Arbetsmarknadsdepartementet.", "convener", "Arbetsmarknadsdepartementet", TRUE),
    ("Sakrådet arrangerades av Arbetsmarknadsdepartementet.", "convener", "Arbetsmarknadsdepartementet", TRUE),
    ("Sakrådet sammankallades av Arbetsmarknadsdepartementet.", "convener", "Arbetsmarknadsdepartementet", TRUE),
    ("Sakrådet anordnades inte av Kulturdepartementet utan av Arbetsmarknadsdepartementet.", "convener",
     "Arbetsmarknadsdepartementet", TRUE),
    ("Organisationen representerades av Anna Berg.", "participant", "Anna Berg", TRUE),
    ("Departementet företräddes av Anna Berg.", "participant", "Anna Berg", TRUE),
    ("Sakrådet leddes av Anna Berg.", "chair", "Anna Berg", TRUE),
    ("Sakrådet modererades av Anna Berg.", "chair", "Anna Berg", TRUE),
    ("The consultation was organised by Anna Berg.", "convener", "Anna Berg", TRUE),
    ("The meeting was moderated by Anna Berg.", "chair", "Anna Berg", TRUE),
    ("The ministry was represented by Anna Berg.", "participant", "Anna Berg", TRUE),
    ("Rädda Barnen representerades av sin generalsekreterare.", "organisation", "Rädda Barnen", TRUE),
    ("I Luleå hölls sakrådet.", "place", "Luleå", TRUE),
    ("I Luleå, i Regeringskansliets lokaler, hölls sakrådet.", "place", "Luleå", TRUE),
    ("In Luleå the meeting was held.", "place", "Luleå", TRUE),
    ("Sakrådet anordnades inte av Arbetsmarknadsdepartementet utan av Kulturdepartementet.", "convener",
     "Arbetsmarknadsdepartementet", TRAP),
    ("Sakrådet skulle anordnas av Arbetsmarknadsdepartementet.", "convener", "Arbetsmarknadsdepartementet", TRAP),
    ("Inledningsanförandet hölls av Anna Berg.", "convener", "Anna Berg", TRAP),
    ("Sakrådet modererades inte av Anna Berg.", "chair", "Anna Berg", TRAP),
    ("The meeting was not organised by Anna Berg.", "convener", "Anna Berg", TRAP),
    ("I Luleå hölls inte sakrådet.", "place", "Luleå", TRAP),
    ("I Luleå brukar sakrådet hållas.", "place", "Luleå", TRAP),
    ("I Luleå hölls förra årets sakråd.", "place", "Luleå", TRAP),
    ("I Luleå diskuterades mötet.", "place", "Luleå", TRAP),
    ("In Luleå the meeting was not held.", "place", "Luleå", TRAP),
]  # fmt: skip

NEGATED_CLAUSES = [
    ("Rädda Barnen, som var inbjuden, deltog.", "organisation", "Rädda Barnen", TRUE),
    ("Rädda Barnen, som inte hade bjudits in, deltog ändå.", "organisation", "Rädda Barnen", TRUE),
    ("Rädda Barnen deltog, vilket Famna inte gjorde.", "organisation", "Rädda Barnen", TRUE),
    ("Save the Children, which was invited, attended.", "organisation", "Save the Children", TRUE),
    ("Rädda Barnen, som inte deltog, hade bjudits in.", "organisation", "Rädda Barnen", TRAP),
    ("Rädda Barnen, som inte deltog, fick minnesanteckningarna.", "organisation", "Rädda Barnen", TRAP),
    ("Sakrådet hölls utan att Rädda Barnen deltog.", "organisation", "Rädda Barnen", TRAP),
    ("Rädda Barnen deltog, vilket Famna inte gjorde.", "organisation", "Famna", TRAP),
    ("Rädda Barnen, som var inbjudna, deltog inte.", "organisation", "Rädda Barnen", TRAP),
    ("Save the Children, which did not attend, had been invited.", "organisation", "Save the Children", TRAP),
    ("Save the Children, which did not attend, received the minutes.", "organisation", "Save the Children", TRAP),
    ("The meeting was held without Save the Children attending.", "organisation", "Save the Children", TRAP),
]

PLANS = [
    ("Rädda Barnen deltog och presenterade planen.", "organisation", "Rädda Barnen", TRUE),
    ("Rädda Barnen presenterade planen för arbetet.", "organisation", "Rädda Barnen", TRUE),
    ("Syftet var att samla organisationerna, och Rädda Barnen deltog.", "organisation", "Rädda Barnen", TRUE),
    ("Tanken är att Rädda Barnen ska delta.", "organisation", "Rädda Barnen", TRAP),
    ("Tanken är att Rädda Barnen deltar i sakrådet.", "organisation", "Rädda Barnen", TRAP),
    ("Avsikten är att Rädda Barnen deltar.", "organisation", "Rädda Barnen", TRAP),
    ("Planen var att Rädda Barnen deltar.", "organisation", "Rädda Barnen", TRAP),
    ("Meningen är att Rädda Barnen deltar.", "organisation", "Rädda Barnen", TRAP),
    ("Det är meningen att Rädda Barnen deltar.", "organisation", "Rädda Barnen", TRAP),
    ("Förhoppningen är att Rädda Barnen deltar.", "organisation", "Rädda Barnen", TRAP),
    ("Syftet med sakrådet är att Rädda Barnen deltar.", "organisation", "Rädda Barnen", TRAP),
    ("Rädda Barnen förväntas delta.", "organisation", "Rädda Barnen", TRAP),
    ("Omkring 40 organisationer väntas delta, bl.a. Rädda Barnen.", "organisation", "Rädda Barnen", TRAP),
    ("It is intended that Save the Children takes part.", "organisation", "Save the Children", TRAP),
    ("It is expected that Save the Children attends.", "organisation", "Save the Children", TRAP),
    ("The plan is for Save the Children to attend.", "organisation", "Save the Children", TRAP),
    ("The idea is that Save the Children attends.", "organisation", "Save the Children", TRAP),
    ("The intention was that Save the Children attended.", "organisation", "Save the Children", TRAP),
    ("Save the Children is expected to attend.", "organisation", "Save the Children", TRAP),
    ("Save the Children is due to attend.", "organisation", "Save the Children", TRAP),
    ("Tanken är att Anna Berg leder sakrådet.", "chair", "Anna Berg", TRAP),
    ("Avsikten är att sakrådet leds av Anna Berg.", "chair", "Anna Berg", TRAP),
    ("Planen var att sakrådet leddes av Anna Berg.", "chair", "Anna Berg", TRAP),
    ("The plan is that the meeting was chaired by Anna Berg.", "chair", "Anna Berg", TRAP),
    ("Anna Berg förväntas delta.", "participant", "Anna Berg", TRAP),
    ("Planen var att sakrådet hölls i Luleå.", "place", "Luleå", TRAP),
    ("The plan was that the meeting was held in Luleå.", "place", "Luleå", TRAP),
    ("I Luleå ska sakrådet hållas.", "place", "Luleå", TRAP),
]


@pytest.mark.parametrize(
    ("sentence", "kind", "value", "accepted"), ABBREVIATIONS + LISTS + PASSIVES + NEGATED_CLAUSES + PLANS
)
def test_a_sentence_states_the_fact_as_a_person_reads_it(sentence: str, kind: str, value: str, accepted: bool) -> None:
    assert _accepted(sentence, kind, value) is accepted, (sentence, kind, value)


@pytest.mark.parametrize(
    ("sentence", "accepted"),
    [
        ("Planen är att sakrådet hålls i Luleå.", TRUE),
        ("I Luleå ska sakrådet hållas.", TRUE),
        ("I Luleå ska sakrådet inte hållas.", TRAP),
    ],
)
def test_a_plan_states_the_place_of_a_meeting_announced_only(sentence: str, accepted: bool) -> None:
    assert _accepted(sentence, "place", "Luleå", announced=True) is accepted


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Vid mötet deltog bl.a. Rädda Barnen. Mötet leddes av A. Svensson.", 2),
        ("Inbjudna var Rädda Barnen m.fl. Famna deltog.", 2),
        ("Sakrådet hölls den 12. december 2024 kl. 10. Famna deltog.", 2),
        ("Grupp B. Mötet hölls i Luleå.", 2),
        ("A. B", 2),
        ("De var 40 st. Famna deltog.", 2),
        ("Mr. Smith chaired the meeting. It was held in Luleå.", 2),
    ],
)
def test_sentences_end_where_a_person_reads_them_end(text: str, sentences: int) -> None:
    assert len(stated._sentences(text)) == sentences, folded_text(text)


@pytest.mark.parametrize(
    ("sentence", "facts", "field", "says"),
    [
        ("Tanken är att Fryshuset deltar i sakrådet.", "organisations:\n  - fryshuset\n", "organisations[0]",
         "says a plan, a wish, a duty or a possibility ('tanken är att'), not that it took part"),
        ("Fryshuset, som inte deltog, fick minnesanteckningarna.", "organisations:\n  - fryshuset\n",
         "organisations[0]", "has no word of taking part"),
        ("Planen var att sakrådet hölls i Luleå.", "place: Luleå\n", "place",
         "makes it a plan ('planen var att'), and the meeting is not marked announced_only"),
        ("I Luleå hölls inte sakrådet.", "place: Luleå\n", "place", "denies it ('inte')"),
    ],
)  # fmt: skip
def test_loading_refuses_a_trap_naming_the_field_and_what_the_sentence_says(
    tmp_path: Path, sentence: str, facts: str, field: str, says: str
) -> None:
    _, messages = _project(tmp_path, sentence, facts)
    assert len(messages) == 1, messages
    assert f": {field}" in messages[0] and "sources/test.md" in messages[0], messages
    assert says in messages[0], messages


@pytest.mark.parametrize(
    ("sentence", "facts"),
    [
        ("Vid mötet deltog bl.a. Fryshuset och Famna.", "organisations:\n  - fryshuset\n  - famna\n"),
        ("Deltog: Fryshuset; Famna.", "organisations:\n  - fryshuset\n  - famna\n"),
        ("I Luleå hölls sakrådet.", "place: Luleå\n"),
        ("Sakrådet leddes av dr. Paulina Brandberg.", "chair:\n  person: paulina-brandberg\n"),
    ],
)
def test_loading_accepts_a_true_fact_as_people_write_it(tmp_path: Path, sentence: str, facts: str) -> None:
    _, messages = _project(tmp_path, sentence, facts)
    assert messages == []


def test_the_docs_name_the_tables_the_sentences_are_read_by() -> None:
    docs = (Path(__file__).resolve().parents[1] / "docs" / "load-checks.md").read_text(encoding="utf-8")
    for table in (
        "ABBREVIATIONS", "CLOSING_ABBREVIATIONS", "OPENING_WORDS", "AGENT_PASSIVES", "EXPECTED_WORDS", "PLAN_NOUNS",
        "HOLDING_VERBS",
    ):  # fmt: skip
        assert f"`{table}`" in docs and hasattr(stated, table), table
    flat = " ".join(docs.split())
    for word in ("bl.a.", "12. december", "A. Svensson", "m.fl.", "anordnades av", "Tanken är att", "förväntas"):
        assert word in flat, word
