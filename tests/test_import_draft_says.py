"""A draft of a regeringen.se page that loading would accept says only what its
page says, each fact as the page says it, and what the importer cannot read is a CHECK, never a guess —
a whole name ("Anna-Karin Lindqvist", "Anna von Essen"), never its first word; a page's address in a batch,
never its file's path; a count of a page telling of two meetings at once is no one meeting's; "diskuterades
inte" states no area; a post of another body, or a namesake's post, is not the page's person's; an
organisation that invites is no person; a ministry or a registry is no contact person; "i samband med"
is no place; last year's purpose, chair or speaker is not this meeting's; two organisers are no one
organiser; a ministry data/ lacks is proposed as loading asks (docs/import.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from test_import_fidelity import _draft, _meeting, _project

from sakrad_ld.cli import main

URL = "/sakrad/2026/03/sakrad-om-bibliotek/"
HELD = "# Sakråd om bibliotek\n\nDen 4 mars 2026 hölls ett sakråd om bibliotek. 20 organisationer deltog. "


def _appended(draft: str, file: str) -> list[dict]:
    """The records the draft proposes for ``data/<file>``."""
    if f"# To append to data/{file}:\n" not in draft:
        return []
    block = draft.split(f"# To append to data/{file}:\n", 1)[1].split("\n\n", 1)[0]
    return yaml.safe_load("\n".join(line[2:] for line in block.splitlines())) or []


def _said(draft: str) -> str:
    """The draft's comments as one line (a comment wraps at any word)."""
    return " ".join(line.lstrip("# ").strip() for line in draft.splitlines() if line.startswith("#"))


def _names(draft: str) -> list[str]:
    return [p["name"] for p in _appended(draft, "people.yaml")]


def _drafted(
    tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str], published: str | None = "2026-03-05", **fields
) -> str:
    """The draft of the page at :data:`URL` saying ``text`` in a fresh project, its listing giving it the
    day ``published`` (None: no day) and ``fields``; the import must succeed."""
    if published is not None:
        fields["published"] = published
    return _draft(_project(tmp_path), tmp_path, URL, text, capsys, **fields)


# --- people: a whole name, never its first word ---------------------------------------------------------


@pytest.mark.parametrize("name", ["Anna-Karin Lindqvist", "Anna von Essen", "Anna af Klint", "Lars-Erik Nilsson"])
def test_a_chairs_whole_name_is_drafted(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    text = HELD + f"Sakrådet leddes av statssekreterare {name}.\n"
    out = _drafted(tmp_path, text, capsys)
    assert _names(out) == [name]
    assert _meeting(out)["chair"]["post"] == "statssekreterare"


def test_a_chair_named_in_words_not_read_is_a_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = HELD + "Sakrådet leddes av statssekreterare anna-karin lindqvist.\n"
    out = _drafted(tmp_path, text, capsys)
    assert "chair" not in _meeting(out)
    assert "CHECK" in _said(out) and "who chaired is not drafted" in _said(out)


def test_a_hyphenated_convener_is_drafted_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        "# Sakråd om film\n\nDen 4 mars 2026 bjöd kulturminister Lars-Erik Nilsson in 25 organisationer till "
        "ett sakråd om film.\n"
    )
    out = _drafted(tmp_path, text, capsys)
    assert _names(out) == ["Lars-Erik Nilsson"]
    assert _meeting(out)["conveners"][0]["person"] == "lars-erik-nilsson"


# --- a page's address in a batch ------------------------------------------------------------------------


def test_a_page_the_listing_lacks_gets_its_site_address(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = tmp_path / "pages"
    page = pages / "sakrad" / "2026" / "03" / "sakrad-om-bibliotek.md"
    page.parent.mkdir(parents=True)
    page.write_text(HELD + "\n", encoding="utf-8")
    listing = tmp_path / "listing.json"
    listing.write_text("[]", encoding="utf-8")
    out = tmp_path / "out"
    project = _project(tmp_path)
    args = ["-C", str(project), "import", "--listing", str(listing), "--pages", str(pages), "--out-dir", str(out)]
    assert main(args) == 0
    summary = capsys.readouterr().out
    assert "https://www.regeringen.se/sakrad/2026/03/sakrad-om-bibliotek/" in summary
    assert str(tmp_path) not in summary
    (draft,) = out.glob("*.yaml")
    (source,) = _appended(draft.read_text(encoding="utf-8"), "sources.yaml")
    assert source["url"] == "https://www.regeringen.se/sakrad/2026/03/sakrad-om-bibliotek/"


# --- two meetings told of in one sentence ---------------------------------------------------------------


def test_a_total_over_two_meetings_is_no_ones_count(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        "# Sakråd om konsumenter\n\nDen 4 mars 2026 och den 18 mars 2026 hölls två sakråd om konsumentfrågor. "
        "Totalt deltog 40 organisationer.\n"
    )
    out = _drafted(tmp_path, text, capsys, published="2026-03-20")
    meeting = _meeting(out)
    assert "organisation_count" not in meeting
    assert "together with another" in _said(out)


# --- discussion areas -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Under sakrådet diskuterades inte frågan om licenser, eftersom tiden inte räckte.",
        "Under sakrådet diskuterades aldrig frågan om licenser.",
    ],
)
def test_what_was_not_discussed_is_no_area(tmp_path: Path, capsys: pytest.CaptureFixture[str], sentence: str) -> None:
    out = _drafted(tmp_path, HELD + sentence + "\n", capsys)
    assert "discussion_areas" not in _meeting(out)
    assert "says what was not discussed" in _said(out)


def test_a_clause_of_reason_after_the_areas_is_no_area(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = HELD + "Under sakrådet diskuterades licenser och spelberoende, eftersom lagen ändras.\n"
    out = _drafted(tmp_path, text, capsys)
    assert _meeting(out)["discussion_areas"] == ["licenser och spelberoende"]


# --- whose post ----------------------------------------------------------------------------------------

ENHETSCHEF = """
  - id: enhetschef
    label:
      sv: enhetschef
    post_in: arbetsmarknadsdepartementet
"""


def test_another_bodys_post_is_not_a_ministrys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = _project(tmp_path)
    with (project / "data" / "bodies.yaml").open("a", encoding="utf-8") as f:
        f.write(ENHETSCHEF)
    text = HELD + "Sakrådet leddes av enhetschef Anna Berg på Svenska kyrkan.\n"
    out = _draft(project, tmp_path, URL, text, capsys, published="2026-03-05")
    assert "chair" not in _meeting(out)
    assert "enhetschef" not in str(_appended(out, "people.yaml"))
    assert "who chaired is not drafted" in _said(out)


def test_a_ministrys_post_is_taken_only_where_the_page_names_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(tmp_path)
    with (project / "data" / "bodies.yaml").open("a", encoding="utf-8") as f:
        f.write(ENHETSCHEF)
    text = HELD + "Sakrådet leddes av enhetschef Anna Berg.\n"
    out = _draft(project, tmp_path, URL, text, capsys, published="2026-03-05")
    assert _meeting(out)["chair"] == {"person": "anna-berg"}
    assert "does not name that body" in _said(out)
    named = HELD + "Sakrådet leddes av enhetschef Anna Berg. Arbetsmarknadsdepartementet bjöd in.\n"
    out = _draft(project, tmp_path / "b", URL, named, capsys, published="2026-03-05")
    assert _meeting(out)["chair"] == {"person": "anna-berg", "post": "enhetschef"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Elevorganisationens ordförande Jakob Forssmed berättade om elevernas situation.",
        "Förbundets ordförande Jakob Forssmed presenterade en rapport.",
        "Tidigare socialminister Jakob Forssmed inledde mötet.",
    ],
)
def test_a_namesake_with_another_post_is_no_government_participant(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sentence: str
) -> None:
    out = _drafted(tmp_path, HELD + sentence + "\n", capsys)
    assert "government_participants" not in _meeting(out)
    assert "not drafted as a government participant" in _said(out)


def test_every_speaker_of_a_sentence_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sentence = "Kulturminister Amanda Lind inledde mötet och statssekreterare Per Olsson presenterade arbetet."
    out = _drafted(tmp_path, HELD + sentence + "\n", capsys)
    assert [p["person"] for p in _meeting(out)["government_participants"]] == ["amanda-lind", "per-olsson"]


# --- organisations are no people ------------------------------------------------------------------------


def test_an_organisation_that_invites_is_no_person(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        "# Sakråd om kommunerna\n\nDen 4 mars 2026 bjöd Sveriges Kommuner och Regioner in 30 organisationer till "
        "ett sakråd om kommunerna. Under mötet diskuterades kommunernas ekonomi.\n"
    )
    out = _drafted(tmp_path, text, capsys)
    assert "conveners" not in _meeting(out)
    assert _names(out) == []
    assert "'Sveriges Kommuner och Regioner' invited" in _said(out)


@pytest.mark.parametrize("to", ["Kulturdepartementet", "Registrator", "registrator@regeringskansliet.se"])
def test_a_body_or_a_registry_is_no_contact_person(tmp_path: Path, capsys: pytest.CaptureFixture[str], to: str) -> None:
    text = (
        "# Inbjudan till sakråd om musik\n\nKulturdepartementet bjuder in till sakråd om musik den 4 april 2026."
        f"\n\nAnmälan skickas senast den 20 mars till {to}.\n"
    )
    out = _drafted(tmp_path, text, capsys)
    assert "contact" not in _meeting(out)
    assert _names(out) == []
    assert "the contact is a body or a role" in _said(out)


def test_a_contact_person_is_still_drafted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        "# Inbjudan till sakråd om musik\n\nKulturdepartementet bjuder in till sakråd om musik den 4 april 2026."
        "\n\nAnmälan skickas senast den 20 mars till Karin Berg.\n"
    )
    out = _drafted(tmp_path, text, capsys)
    assert _meeting(out)["contact"] == {"person": "karin-berg"}


# --- place, purpose, chair of this meeting only --------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Sakrådet hölls i samband med att regeringen beslutade om nya direktiv.",
        "Mötet hölls i mars för tredje året i rad.",
    ],
)
def test_words_that_name_no_place_are_no_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sentence: str
) -> None:
    out = _drafted(tmp_path, HELD + sentence + "\n", capsys)
    assert "place" not in _meeting(out)
    assert "not taken as the place" in _said(out)


def test_a_place_after_the_day_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "# Sakråd om landsbygd\n\nSakrådet hölls den 4 mars 2026 i Umeå. 20 organisationer deltog.\n"
    out = _drafted(tmp_path, text, capsys)
    assert _meeting(out)["place"] == "Umeå"


@pytest.mark.parametrize(
    ("sentence", "field"),
    [
        ("Syftet med förra årets sakråd var att samla in synpunkter på budgeten.", "purpose"),
        ("Förra årets sakråd hölls i Malmö.", "place"),
        ("Förra årets sakråd leddes av statssekreterare Karin Svensson.", "chair"),
        ("Vid förra årets sakråd berättade socialminister Jakob Forssmed om arbetet.", "government_participants"),
    ],
)
def test_last_years_facts_are_not_this_meetings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sentence: str, field: str
) -> None:
    out = _drafted(tmp_path, HELD + sentence + "\n", capsys)
    assert field not in _meeting(out)
    assert "it is about another meeting" in _said(out)


def test_invited_agencies_are_not_agencies_that_took_part(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sentence = "Inbjudna var även intresseorganisationer samt representanter från Naturvårdsverket och Skogsstyrelsen."
    out = _drafted(tmp_path, HELD + sentence + "\n", capsys)
    assert "agencies" not in _meeting(out)


# --- organisers ---------------------------------------------------------------------------------------


def test_two_organisers_are_no_one_organiser(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sentence = "Sakrådet anordnades av Kulturdepartementet och Arbetsmarknadsdepartementet gemensamt."
    out = _drafted(tmp_path, HELD + sentence + "\n", capsys)
    assert "organiser" not in _meeting(out)
    assert "two bodies organised it together" in _said(out)


@pytest.mark.parametrize(
    ("sentence", "organiser"),
    [
        ("Det förra mötet arrangerades av Kulturdepartementet.", None),
        ("Sakrådet anordnades av Kulturdepartementet.", "kulturdepartementet"),
    ],
)
def test_the_organiser_is_this_meetings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sentence: str, organiser: str | None
) -> None:
    out = _drafted(tmp_path, HELD + sentence + "\n", capsys)
    assert _meeting(out).get("organiser") == organiser


def test_a_ministry_data_lacks_is_proposed_with_its_placement(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "# Sakråd om digitalisering\n\nDen 4 mars 2026 bjöd Finansdepartementet in 30 organisationer till ett "
        "sakråd om digitalisering.\n"
    )
    out = _drafted(tmp_path, text, capsys)
    (body,) = _appended(out, "bodies.yaml")
    assert body["id"] == "finansdepartementet"
    assert "Regeringskansliet" in body["unit_of_derivation"]["sv"]


# --- an English page ------------------------------------------------------------------------------------


def test_an_english_page_is_tagged_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        "# EU consultation on fisheries\n\nOn 4 March 2026 the Ministry of Rural Affairs held an EU consultation "
        "(EU-sakråd) on fisheries. About 30 organisations took part. The meeting was chaired by the State Secretary.\n"
    )
    out = _drafted(tmp_path, text, capsys)
    assert _meeting(out)["title"]["en"] == "EU consultation on fisheries"
    (source,) = _appended(out, "sources.yaml")
    assert source["language"] == "en"
    assert "CHECK: the page is not in Swedish" in _said(out)


# --- counts read as loading reads them ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "field", "value"),
    [
        ("Ett 30-tal organisationer var inbjudna, varav 12 deltog.", "organisation_count", None),
        ("Av 25 inbjudna organisationer deltog 18 organisationer.", "organisation_count", 18),
        ("Till sakrådet var 60 personer anmälda och cirka 45 deltagare kom.", "participant_count", 45),
        ("Varje organisation fick delta med högst 2 personer, totalt deltog 40.", "participant_count", None),
        ("Totalt deltog 1 200 personer.", "participant_count", 1200),
    ],
)
def test_a_count_is_of_those_who_took_part(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sentence: str, field: str, value: int | None
) -> None:
    text = "# Sakråd om bibliotek\n\nDen 4 mars 2026 hölls ett sakråd om bibliotek. " + sentence + "\n"
    out = _drafted(tmp_path, text, capsys)
    assert (_meeting(out).get(field) or {}).get("value") == value
    if value is None:
        assert f"is not drafted as {field}" in _said(out)


# --- a year the loader reads from the derivation -------------------------------------------------------


def test_a_reports_day_after_its_publication_gets_no_year_the_loader_refuses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "# Sakråd om cykling\n\nDen 4 mars hölls ett sakråd om cykling. 20 organisationer deltog.\n"
    out = _drafted(tmp_path, text, capsys, published="2026-03-01", updated="2026-03-10")
    assert "date" not in _meeting(out)
    assert "is not one its publication date names" in _said(out)


def test_a_year_from_an_attachment_says_the_list_is_not_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "# Sakråd om cykling\n\nDen 4 mars hölls ett sakråd om cykling. 20 organisationer deltog.\n"
    attachment = {"name": "Minnesanteckningar från sakråd den 4 mars 2026", "url": "/contentassets/a/b.pdf"}
    out = _drafted(tmp_path, text, capsys, published="2026-03-20", attachments=[attachment])
    meeting = _meeting(out)
    assert str(meeting["date"]) == "2026-03-04"
    assert "listan är inte med i den bevarade texten" in meeting["date_derivation"]["sv"]


def test_areas_given_as_information_are_no_discussion_areas(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = HELD + "Vid mötet gavs information om licenser och om spelberoende.\n"
    out = _drafted(tmp_path, text, capsys)
    assert "discussion_areas" not in _meeting(out)
    assert "not drafted as a discussion area" in _said(out)
    assert "announced_discussion_areas: the page" not in _said(out)  # no field it would stand beside


# --- what the draft leaves out is said ------------------------------------------------------------------


def test_the_note_on_an_absent_date_is_printed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "# Sakråd om jakt\n\nSakrådet hölls i Umeå. 20 organisationer deltog.\n"
    out = _drafted(tmp_path, text, capsys)
    assert "date" not in _meeting(out)
    assert "date: the page gives no date" in _said(out)


@pytest.mark.parametrize(
    ("sentence", "date", "said"),
    [
        ("Sakrådet hölls onsdag 4 mars 2026.", "2026-03-04", None),
        ("Sakrådet hölls tisdag 4 mars 2026.", None, "names the day a tisdag"),
        ("Sakrådet hölls den 4 och 5 mars 2026 i Umeå.", None, "two days in one phrase"),
    ],
)
def test_a_day_without_den_is_read_as_loading_reads_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sentence: str, date: str | None, said: str | None
) -> None:
    text = f"# Sakråd om jakt\n\n{sentence} 20 organisationer deltog.\n"
    out = _drafted(tmp_path, text, capsys)
    found = _meeting(out).get("date")
    assert (str(found) if found else None) == date
    if said:
        assert said in _said(out)


def test_a_list_of_organisations_after_a_sentence_is_a_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = HELD + "Följande organisationer deltog:\n\n- Svenska Röda Korset\n- Famna\n"
    out = _drafted(tmp_path, text, capsys)
    assert "the page lists names under" in _said(out) and "Svenska Röda Korset, Famna" in _said(out)


def test_the_organisations_a_count_of_people_comes_from_are_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "# Sakråd om design\n\nDen 4 mars 2026 hölls ett sakråd om design. Ett 40-tal deltagare från 25 organisationer deltog.\n"
    out = _drafted(tmp_path, text, capsys)
    meeting = _meeting(out)
    assert meeting["organisation_count"] == {"text": "25 organisationer", "value": 25}
    assert meeting["participant_count"]["value"] == 40
    assert "its words say whom it counts ('deltagare från 25 organisationer')" in _said(out)


# --- hostile and odd files ------------------------------------------------------------------------------


def _page_file(tmp_path: Path, name: str, data: bytes) -> Path:
    page = tmp_path / "pages" / "sakrad" / "2026" / "03" / name
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_bytes(data)
    return page


def test_a_page_file_past_the_fetch_limit_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from sakrad_ld.importer import regeringen

    monkeypatch.setattr(regeringen, "MAX_PAGE_BYTES", 1000)
    page = _page_file(tmp_path, "sakrad-om-rad.md", (HELD + "Aaaa " * 400 + "\n").encode("utf-8"))
    assert main(["-C", str(_project(tmp_path)), "import", str(page)]) == 2
    err = capsys.readouterr().err
    assert "sakrad-om-rad.md" in err and "more than the 1,000 a page may hold" in err and "Traceback" not in err


def test_a_name_is_at_most_five_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A run of capitalised words is no one name (and a bounded name keeps the search linear)."""
    text = HELD + "Sakrådet leddes av statssekreterare " + "Aaaa " * 30 + "Berg.\n"
    out = _drafted(tmp_path, text, capsys)
    assert all(len(name.split()) <= 5 for name in _names(out))


def test_a_page_with_a_byte_order_mark_is_a_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = _page_file(tmp_path, "sakrad-om-bom.md", b"\xef\xbb\xbf" + HELD.encode("utf-8"))
    assert main(["-C", str(_project(tmp_path)), "import", str(page)]) == 0
    assert _meeting(capsys.readouterr().out)["id"] == "2026-03-04-bibliotek"


def test_a_page_file_without_a_title_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = _page_file(tmp_path, "sakrad-om-crlf.md", b"Sakr\xc3\xa5d om crlf\r\n\r\nDen 4 mars 2026 h\xc3\xb6lls.\r\n")
    assert main(["-C", str(_project(tmp_path)), "import", str(page)]) == 2
    err = capsys.readouterr().err
    assert "no '# ' title line" in err and "Dokumentation av sakråd" not in err


def test_one_unreadable_page_of_a_batch_is_named_and_the_rest_drafted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _page_file(tmp_path, "sakrad-om-latin.md", "# Sakråd om latin\n\nDen 4 mars 2026 hölls.\n".encode("latin-1"))
    _page_file(tmp_path, "sakrad-om-bibliotek.md", HELD.encode("utf-8"))
    listing = tmp_path / "listing.json"
    listing.write_text("[]", encoding="utf-8")
    out = tmp_path / "out"
    args = ["-C", str(_project(tmp_path)), "import", "--listing", str(listing), "--pages", str(tmp_path / "pages")]
    assert main([*args, "--out-dir", str(out)]) == 0
    summary = capsys.readouterr().out
    assert "not read: /sakrad/2026/03/sakrad-om-latin/ — cannot read the page" in summary
    assert [p.name for p in out.glob("*.yaml")] == ["2026-03-04-bibliotek.yaml"]


def test_a_sender_no_codes_name_is_a_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _drafted(tmp_path, HELD + "\n", capsys, published="2026-03-05", senders=["1293"])
    assert "the listing names sender(s) 1293, and no codes.json beside it names them" in _said(out)


def test_a_meeting_dated_in_a_later_paragraph_is_another(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        "# Sakråd om skolan\n\nDen 4 mars 2026 hölls ett sakråd om skolan.\n\nRegeringen arbetar vidare.\n\n"
        "Den 18 mars 2026 hölls ytterligare ett sakråd där 30 organisationer deltog.\n"
    )
    out = _drafted(tmp_path, text, capsys, published="2026-03-20")
    assert "organisation_count" not in _meeting(out)
    assert "the page dates another meeting too" in _said(out)


@pytest.mark.parametrize(
    "sentence", ["Ett 30-tal organisationer var inbjudna, varav 12 deltog.", "Totalt var 40 personer anmälda."]
)
def test_a_number_of_who_came_that_is_drafted_nowhere_is_a_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sentence: str
) -> None:
    text = "# Sakråd om bibliotek\n\nDen 4 mars 2026 hölls ett sakråd om bibliotek. " + sentence + "\n"
    out = _drafted(tmp_path, text, capsys)
    said = _said(out)
    assert "CHECK" in said and sentence.rstrip(".").casefold() in said.casefold()  # quoted, number and all


def test_an_invitation_without_a_publication_date_dates_no_post(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "# Sakråd om kultur\n\nKulturminister Anna Berg bjuder in till sakråd om kulturpolitik den 4 april 2026.\n"
    out = _drafted(tmp_path, text, capsys, published=None)
    (person,) = _appended(out, "people.yaml")
    assert person["holds"] == [{"post": "kulturminister", "source": person["sources"][0]}]


def test_another_times_holding_is_not_called_a_meeting_not_held(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "# Sakråd om digitalisering\n\nDen 4 mars 2026 bjöd Kulturdepartementet in 30 organisationer till ett "
        "sakråd om digitalisering. Regeringen presenterade sin strategi redan förra året.\n"
    )
    out = _drafted(tmp_path, text, capsys, published="2026-03-01")
    assert "the page says the meeting was not held" not in _said(out)
    assert "no sentence of the page says this meeting was held" in _said(out)


def test_a_reports_attachment_of_the_day_a_year_before_gives_no_year(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "# Sakråd om barnrätt\n\nDen 4 mars hölls ett sakråd om barnrätt. 20 organisationer deltog.\n"
    attachment = {"name": "Minnesanteckningar från sakråd 4 mars 2025", "url": "/contentassets/a/b.pdf"}
    out = _drafted(tmp_path, text, capsys, published="2026-03-10", attachments=[attachment])
    assert str(_meeting(out)["date"]) == "2026-03-04"
    assert "the attachment may be of another meeting, so its year is not taken" in _said(out)


def test_items_indented_under_an_area_are_parts_of_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = HELD + "\n\n## Diskussionsområden\n\n- Skolan\n  - lärare\n  - elever\n- Vården\n"
    out = _drafted(tmp_path, text, capsys)
    assert _meeting(out)["discussion_areas"] == ["Skolan", "Vården"]
    assert "2 item(s) of its areas indented under another" in _said(out)


def test_no_representatives_are_no_participants(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sentence = "Ett tiotal personer deltog, men inga representanter från Regeringskansliet deltog."
    out = _drafted(tmp_path, HELD + sentence + "\n", capsys)
    assert "government_participants" not in _meeting(out)
    assert "it says no one of them took part" in _said(out)


def test_an_organiser_loading_does_not_read_is_none(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "# Sakråd om test\n\nDen 4 mars 2026 höll Kulturdepartementet ett sakråd om testfrågor. 20 organisationer deltog.\n"
    out = _drafted(tmp_path, text, capsys)
    assert "organiser" not in _meeting(out)
    assert "loading does not read it as naming Kulturdepartementet as organising" in _said(out)


def test_a_page_that_says_no_meeting_was_held_drafts_none_held(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "# Sakråd om omsorg\n\nSakrådet den 4 april 2026 har plats för 40 deltagare.\n"
    out = _drafted(tmp_path, text, capsys)
    assert _meeting(out)["announced_only"] is True
    assert "no sentence of the page says the meeting was held" in _said(out)
