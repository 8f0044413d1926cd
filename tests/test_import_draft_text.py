"""A draft of a regeringen.se page says exactly what the page says. Text its
reader is not shown (an HTML comment, struck-through words) states nothing and is named in a CHECK;
Markdown and entities are read as the text they render (the title, a linked place, a bold name); a
sentence ends where loading ends it (". 25 organisationer"); a negation after an inserted phrase denies
its verb; a place ends where its name ends; "inte färre än 60" is at least 60; two chairs or two
organisers are no one; a meeting held "i stället den 12 mars" was held; an English page's title is tagged
en only; counts and names the importer does not draft are each a CHECK (docs/import.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_import_draft_says import _appended, _drafted, _meeting, _said

from sakrad_ld.importer import regeringen
from sakrad_ld.importer.page_facts import sentences
from sakrad_ld.importer.regeringen import parse_page

HEAD = "# Sakråd om hav\n\n"
HELD = HEAD + "Sakrådet hölls den 4 mars 2026 i Umeå. "


# --- what the reader sees: markup read once, where the page is read --------------------------------------


def test_hidden_text_states_nothing_and_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        HEAD + "Sakrådet hölls den 4 mars 2026 i [Umeå](https://umea.se). <!-- Cirka 200 organisationer deltog. -->"
        "\n\n> 90 organisationer deltog.\n\n~~Ett 15-tal organisationer deltog.~~\n\n<del>Sakrådet leddes av "
        "statssekreterare Anna Berg.</del>\n"
    )
    out = _drafted(tmp_path, text, capsys)
    meeting = _meeting(out)
    assert meeting["organisation_count"] == {"text": "90 organisationer", "value": 90}
    assert meeting["place"] == "Umeå" and "chair" not in meeting
    said = _said(out)
    for hidden in ("Cirka 200 organisationer deltog.", "Ett 15-tal organisationer deltog.", "Anna Berg"):
        assert hidden in said
    assert said.count("its reader is not shown it as text") == 3
    assert "Sidan anger också" not in out and "contradict" not in said


def test_an_unclosed_comment_hides_the_rest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _drafted(tmp_path, HELD + "<!-- 200 organisationer deltog.\n\nSakrådet leddes av Anna Berg.\n", capsys)
    assert "organisation_count" not in _meeting(out) and "chair" not in _meeting(out)
    assert "200 organisationer deltog." in _said(out)


@pytest.mark.parametrize(
    ("headline", "title"),
    [
        ("Sakråd om **skog** och [hav](https://x.se) ##", "Sakråd om skog och hav"),
        ("Sakråd om skog &amp; hav", "Sakråd om skog & hav"),
        ("Sakråd om skog\\&amp;hav", "Sakråd om skog&amp;hav"),  # an escaped '&' is the character itself
        ("Sakråd om _skog_ och <b>hav</b>", "Sakråd om skog och hav"),
        ("Sakråd om skog&nbsp;och hav", "Sakråd om skog och hav"),
    ],
)
def test_the_title_is_the_headline_as_rendered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], headline: str, title: str
) -> None:
    out = _drafted(tmp_path, f"# {headline}\n\nSakrådet hölls den 4 mars 2026 i Umeå.\n", capsys)
    assert _meeting(out)["title"] == {"sv": title}
    assert "https" not in _meeting(out)["id"]
    (source,) = _appended(out, "sources.yaml")
    assert source["title"] == {"sv": title}


def test_a_bold_name_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _drafted(tmp_path, HELD + "Mötet leddes av statssekreterare **Daniel Liljeberg**.\n", capsys)
    assert _meeting(out)["chair"] == {"person": "daniel-liljeberg", "post": "statssekreterare"}


def test_a_list_items_label_keeps_its_marks_and_the_kept_text_is_raw() -> None:
    markdown = "# T\n\nA **b** [c](https://x.se).\n\n1. **Suicidprevention** Hur?\n"
    page = parse_page(markdown, "page.md")
    assert page.paragraphs == ("A b c.", "1. Suicidprevention Hur?")
    assert page.blocks[1] == ("1. **Suicidprevention** Hur?",)
    assert page.markdown == markdown
    assert regeringen.rendered("x <!-- y --> z ~~w~~")[1] == ["y", "w"]


# --- sentences end where loading ends them ---------------------------------------------------------------


def test_a_sentence_ends_before_a_number(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = HELD + "Förra årets sakråd hölls i Luleå. 25 organisationer deltog.\n"
    out = _drafted(tmp_path, text, capsys)
    assert _meeting(out)["organisation_count"] == {"text": "25 organisationer", "value": 25}
    assert sentences("Mötet började kl. 10. 25 deltog, bl.a. Famna. Den 5. mars.") == [
        "Mötet började kl. 10.",
        "25 deltog, bl.a. Famna.",
        "Den 5. mars.",
    ]


# --- a negation anywhere in the verb's clause -------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Landsbygdsminister Peter Kullgren inledde, enligt planen, inte mötet.",
        "Landsbygdsminister Peter Kullgren inledde, som väntat, inte mötet.",
        "Landsbygdsminister Peter Kullgren skulle ha inlett mötet men fick förhinder.",
    ],
)
def test_a_speaker_denied_is_no_participant(tmp_path: Path, capsys: pytest.CaptureFixture[str], sentence: str) -> None:
    out = _drafted(tmp_path, HELD + sentence + "\n", capsys)
    assert "government_participants" not in _meeting(out)
    assert "not saying they did so at this meeting" in _said(out)


def test_one_who_presents_in_place_of_another_is_a_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = HELD + "Statssekreterare Daniel Liljeberg presenterade i stället för landsbygdsminister Peter Kullgren.\n"
    out = _drafted(tmp_path, text, capsys)
    assert "government_participants" not in _meeting(out)  # loading (posted.py) refuses the one who presented
    assert "it says who presented in place of another" in _said(out)
    assert "not saying they did so" not in _said(out)


# --- a place ends where its name ends ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Sakrådet hölls i Umeå den 4 mars 2026 kl. 13.00–15.00.", "Umeå"),
        ("Sakrådet hölls den 4 mars 2026 i Umeå och 20 organisationer deltog.", "Umeå"),
        ("Sakrådet hölls den 4 mars 2026 i Umeå, en vecka efter ett möte i Luleå.", "Umeå"),
        ("Sakrådet hölls den 4 mars 2026 i Umeå klockan 10.", "Umeå"),
        ("Sakrådet hölls den 4 mars 2026 i Umeå (Västerbotten).", "Umeå"),
        ("Sakrådet hölls den 4 mars 2026 i Rosenbad, Stockholm.", "Rosenbad, Stockholm"),
        (
            "Sakrådet hölls den 4 mars 2026 i Regeringskansliets lokaler i Stockholm.",
            "Regeringskansliets lokaler i Stockholm",
        ),
    ],
)
def test_the_place_ends_with_its_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sentence: str, place: str
) -> None:
    out = _drafted(tmp_path, HEAD + sentence + "\n", capsys)
    assert _meeting(out)["place"] == place


# --- counts --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("Inte färre än 60 organisationer deltog.", {"text": "Inte färre än 60 organisationer", "bound": "at-least"}),
        (
            "Vid sakrådet deltog inte mindre än 60 organisationer.",
            {"text": "inte mindre än 60 organisationer", "bound": "at-least"},
        ),
        ("Det deltog inte över 60 organisationer.", {"text": "inte över 60 organisationer", "bound": "at-most"}),
    ],
)
def test_a_negated_comparison_is_turned_round(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sentence: str, count: dict
) -> None:
    out = _drafted(tmp_path, HEAD + "Sakrådet hölls den 4 mars 2026 i Umeå. " + sentence + "\n", capsys)
    assert _meeting(out)["organisation_count"] == {**count, "value": 60}


@pytest.mark.parametrize(
    "sentence",
    [
        "Sakrådet hade 25 deltagande organisationer.",
        "Deltog gjorde 25 organisationer.",
        "Antalet deltagande organisationer var 25.",
        "Över 40 organisationer anmälde sig, men bara 25 deltog.",
        "Till sakrådet hade 50 organisationer bjudits in och 30 av dem deltog.",
    ],
)
def test_a_count_not_drafted_is_a_check(tmp_path: Path, capsys: pytest.CaptureFixture[str], sentence: str) -> None:
    out = _drafted(tmp_path, HEAD + "Sakrådet hölls den 4 mars 2026 i Umeå. " + sentence + "\n", capsys)
    assert "organisation_count" not in _meeting(out)
    assert f'the page says "{sentence}": a number in it is drafted as no count' in _said(out)


@pytest.mark.parametrize(
    "sentence",
    [
        "Drygt 20 organisationer deltog, däribland Naturskyddsföreningen och LRF.",
        "Även representanter från Naturvårdsverket, Havs- och vattenmyndigheten och SMHI deltog.",
    ],
)
def test_names_not_drafted_are_a_check(tmp_path: Path, capsys: pytest.CaptureFixture[str], sentence: str) -> None:
    out = _drafted(tmp_path, HELD + sentence + "\n", capsys)
    assert f'the page says "{sentence}": the bodies or organisations it names are not drafted' in _said(out)


# --- one chair, one organiser ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Sakrådet leddes av statssekreterare Daniel Liljeberg och statssekreterare Anna Svensson.",
        "Sakrådet leddes av statssekreterare Daniel Liljeberg och Anna Svensson.",
    ],
)
def test_two_chairs_are_no_one_chair(tmp_path: Path, capsys: pytest.CaptureFixture[str], sentence: str) -> None:
    out = _drafted(tmp_path, HELD + sentence + "\n", capsys)
    assert "chair" not in _meeting(out)
    assert "it names two who chaired it" in _said(out) and "Anna Svensson" in _said(out)


def test_a_chair_behind_an_adverb_is_a_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _drafted(tmp_path, HELD + "Sakrådet leddes inledningsvis av statssekreterare Daniel Liljeberg.\n", capsys)
    assert "chair" not in _meeting(out) and "who chaired is not drafted" in _said(out)


@pytest.mark.parametrize(
    ("sentence", "second"),
    [
        ("Sakrådet arrangerades av Kulturdepartementet tillsammans med Naturvårdsverket.", "Naturvårdsverket"),
        ("Sakrådet arrangerades av Kulturdepartementet i samarbete med Naturvårdsverket.", "Naturvårdsverket"),
        ("Sakrådet arrangerades av Kulturdepartementet på uppdrag av Finansdepartementet.", "Finansdepartementet"),
    ],
)
def test_a_second_organiser_is_no_one_organiser(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sentence: str, second: str
) -> None:
    out = _drafted(tmp_path, HELD + sentence + "\n", capsys)
    assert "organiser" not in _meeting(out)
    assert f"two bodies organised it together (Kulturdepartementet and {second})" in _said(out)


@pytest.mark.parametrize(
    "sentence",
    [
        "Den 4 mars 2026 deltog kulturminister Parisa Liljestrand i ett sakråd som Naturskyddsföreningen anordnade.",
        "Sakrådet arrangerades av Naturvårdsverket.",
    ],
)
def test_an_organiser_not_read_is_a_check(tmp_path: Path, capsys: pytest.CaptureFixture[str], sentence: str) -> None:
    out = _drafted(tmp_path, HEAD + sentence + " 20 organisationer deltog.\n", capsys)
    assert "organiser" not in _meeting(out)
    assert f'the page says "{sentence}": who organised it is not drafted' in _said(out)


# --- held, and in which language ------------------------------------------------------------------------------


def test_held_in_place_of_the_day_planned_is_held(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        HEAD + "Den 4 mars 2026 var det tänkt att sakrådet skulle hållas, men det hölls i stället den 11 mars 2026.\n"
    )
    meeting = _meeting(_drafted(tmp_path, text, capsys, published="2026-03-20"))
    assert meeting["date"] == "2026-03-11" or str(meeting["date"]) == "2026-03-11"
    assert "announced_only" not in meeting


def test_a_day_refused_is_quoted_as_the_page_writes_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _drafted(tmp_path, HEAD + "Sakrådet hölls den 4 mars förra året i Umeå.\n", capsys, published="2026-03-20")
    assert "'Sakrådet hölls den 4 mars förra året i Umeå.'" in _said(out)
    assert "2026 förra" not in _said(out) and "2025 förra" not in _said(out)


def test_an_english_pages_title_is_tagged_en_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        "# Consultation on forestry\n\nThe consultation was held on 4 March 2026 in Umeå. Around 30 organisations "
        "took part. The meeting was chaired by the State Secretary.\n"
    )
    out = _drafted(tmp_path, text, capsys)
    meeting = _meeting(out)
    assert meeting["title"] == {"en": "Consultation on forestry"}
    assert "announced_only" not in meeting
    (source,) = _appended(out, "sources.yaml")
    assert source["title"] == {"en": "Consultation on forestry"} and source["language"] == "en"


def test_an_invitation_published_after_its_day_is_a_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "# Inbjudan till sakråd om hav\n\nKulturdepartementet bjuder in till sakråd den 4 mars 2026 i Umeå.\n"
    said = _said(_drafted(tmp_path, text, capsys, published="2026-03-20"))
    assert "invites to the sakråd ('bjuder in') on 2026-03-04" in said and "published on 2026-03-20" in said
    assert "the place an invitation names is not drafted" in said


def test_a_minister_who_took_part_is_drafted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        HEAD + "Den 4 mars 2026 deltog kulturminister Parisa Liljestrand i ett sakråd som Naturskyddsföreningen "
        "anordnade i Umeå. Ett 30-tal organisationer deltog.\n"
    )
    out = _drafted(tmp_path, text, capsys)
    assert [p["person"] for p in _meeting(out)["government_participants"]] == ["parisa-liljestrand"]
    assert "who organised it is not drafted" in _said(out)


def test_a_swedish_title_of_a_page_read_as_english_stays_swedish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "# Sakråd om hav\n\nThe consultation was held on 4 March 2026 in Umeå. It was chaired by the minister.\n"
    out = _drafted(tmp_path, text, capsys)
    assert _meeting(out)["title"] == {"sv": "Sakråd om hav"}


def test_a_long_comment_is_quoted_in_part(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _drafted(tmp_path, HELD + "<!-- " + "Ett 30-tal organisationer deltog. " * 100 + "-->\n", capsys)
    assert "organisation_count" not in _meeting(out)
    assert "(3,399 characters)" in _said(out) and _said(out).count("Ett 30-tal") < 10
