"""What a regeringen.se page draft may say is what the page says, no more: a page is already a source only
by its address (a generated id another address has, or another page of the batch has, is made unique);
the proposed source keeps the page's text (``file:``), so that loading reads the draft against it; a
meeting the page says was called off, not held, postponed or moved is not drafted as held on that day;
a publication line is no meeting date and a report's year is not after its publication; an attachment
of another meeting is not this one's minutes; a count of another event, or of the invited, is no count
of who took part; facts of a second meeting on the page are not this one's; a person's name a letter
from a record's is a new person to check (docs/import.md)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from sakrad_ld.cli import main

HERE = Path(__file__).parent
FIXTURE = HERE / "import" / "regeringen" / "project"


def _project(tmp_path: Path, sources: str = "") -> Path:
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    if sources:
        with (project / "data" / "sources.yaml").open("a", encoding="utf-8") as f:
            f.write(sources)
    return project


def _snapshot(tmp_path: Path, pages: dict[str, tuple[str, dict]]) -> tuple[Path, Path]:
    """A listing and its pages: address → (Markdown, listing fields)."""
    root = tmp_path / "snapshot"
    listing = []
    for url, (text, fields) in pages.items():
        file = root / "pages" / f"{url.strip('/')}.md"
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")
        entry = {
            "title": text.splitlines()[0][2:],
            "url": url,
            "published": None,
            "updated": None,
            "types": ["2367"],
            "senders": ["1284"],
            "summary": "",
            "id": None,
            "shortcuts": [],
            "attachments": [],
            "categories": [],
        }
        entry.update(fields)
        listing.append(entry)
    (root / "listing.json").write_text(json.dumps(listing, ensure_ascii=False), encoding="utf-8")
    return root / "listing.json", root / "pages"


def _draft(project: Path, tmp_path: Path, url: str, text: str, capsys: pytest.CaptureFixture[str], **fields) -> str:
    listing, pages = _snapshot(tmp_path, {url: (text, fields)})
    page = pages / f"{url.strip('/')}.md"
    assert main(["-C", str(project), "import", str(page), "--listing", str(listing)]) == 0
    return capsys.readouterr().out


def _meeting(draft: str) -> dict:
    return yaml.safe_load(draft.split("\n# To append to")[0])


def _proposed_sources(draft: str) -> list[dict]:
    block = draft.split("# To append to data/sources.yaml:\n", 1)[1].split("\n\n", 1)[0]
    return yaml.safe_load("\n".join(line[2:] for line in block.splitlines()))


# --- CLASS A: a source is one address ------------------------------------------------------------------

SEGREGATION = "/sakrad/2024/01/sakrad-om-det-nationella-arbetet-mot-segregation/"
RASISM_RECORD = """
  - id: regeringen-2024-01-sakrad-om-det-nationella-arbetet
    kind: web-page
    title:
      sv: Sakråd om det nationella arbetet mot rasism
    url: https://www.regeringen.se/sakrad/2024/01/sakrad-om-det-nationella-arbetet-mot-rasism/
"""


def test_an_id_data_has_for_another_address_is_never_reused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = _project(tmp_path, RASISM_RECORD)
    text = (
        "# Sakråd om det nationella arbetet mot segregation\n\nDen 22 januari 2024 samlades ett 15-tal "
        "organisationer till sakråd om det nationella arbetet mot segregation.\n"
    )
    draft = _draft(project, tmp_path, SEGREGATION, text, capsys, published="2024-01-30")
    assert "already a source" not in draft
    meeting = _meeting(draft)
    assert meeting["source"] != "regeringen-2024-01-sakrad-om-det-nationella-arbetet"
    assert meeting["source"].startswith("regeringen-2024-01-sakrad-om-det-nationella-arbetet-")
    (record,) = [s for s in _proposed_sources(draft) if s["id"] == meeting["source"]]
    assert record["url"] == "https://www.regeringen.se" + SEGREGATION


def test_two_pages_of_one_batch_never_share_an_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = _project(tmp_path)
    pages = {
        f"/sakrad/2024/03/sakrad-om-regeringens-arbete-for-jamstalldhet-i-{what}/": (
            f"# Sakråd om regeringens arbete för jämställdhet i {what}\n\nDen {day} mars 2024 samlades ett "
            f"20-tal organisationer till sakråd om jämställdhet i {what}.\n",
            {"published": "2024-03-25"},
        )
        for what, day in (("skolan", 5), ("arbetslivet", 20))
    }
    listing, folder = _snapshot(tmp_path, pages)
    out = tmp_path / "drafts"
    args = ["-C", str(project), "import", "--listing", str(listing), "--pages", str(folder), "--out-dir", str(out)]
    assert main(args) == 0
    assert "2 drafted" in capsys.readouterr().out
    ids = [_meeting(p.read_text(encoding="utf-8"))["source"] for p in sorted(out.glob("*.yaml"))]
    assert len(ids) == 2 and len(set(ids)) == 2, ids


# --- the page's text kept beside the data --------------------------------------------------------------

CANCELLED = "/sakrad/2024/05/sakrad-om-barnkonventionen-2/"
CANCELLED_TEXT = (
    "# Sakråd om barnkonventionen\n\nDen 8 maj 2024 hölls inte det planerade sakrådet om barnkonventionen. "
    "Sakrådet är inställt. Ett 30-tal organisationer hade bjudits in och ett 20-tal hade anmält sig att delta.\n"
)


def test_the_proposed_source_keeps_the_page_text_written_beside_the_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(tmp_path)
    listing, pages = _snapshot(tmp_path, {SEGREGATION: ("# Sakråd om segregation\n\nText.\n", {})})
    out = tmp_path / "drafts" / "draft.yaml"
    out.parent.mkdir()
    page = pages / f"{SEGREGATION.strip('/')}.md"
    assert main(["-C", str(project), "import", str(page), "--listing", str(listing), "--out", str(out)]) == 0
    draft = out.read_text(encoding="utf-8")
    (record,) = _proposed_sources(draft)
    assert record["file"] == f"sources/{record['id']}.md"
    assert (out.parent / Path(record["file"]).name).read_bytes() == page.read_bytes()


def test_a_draft_in_place_is_read_against_the_kept_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The draft written into data/meetings/ gets its page's text in data/sources/: with the records the
    draft proposes added, loading reads the draft's date against it (here the draft has no date at all,
    since the page says the meeting was not held that day)."""
    project = _project(tmp_path)
    listing, pages = _snapshot(tmp_path, {CANCELLED: (CANCELLED_TEXT, {"published": "2024-05-09"})})
    page = pages / f"{CANCELLED.strip('/')}.md"
    out = project / "data" / "meetings" / "draft.yaml"
    assert main(["-C", str(project), "import", str(page), "--listing", str(listing), "--out", str(out)]) == 0
    capsys.readouterr()
    (record,) = _proposed_sources(out.read_text(encoding="utf-8"))
    assert (project / "data" / record["file"]).read_bytes() == page.read_bytes()


# --- CLASS B: a meeting not held is never drafted as held ----------------------------------------------

NOT_HELD = {
    "cancelled": (CANCELLED, CANCELLED_TEXT, "2024-05-09", "2024-05-08"),
    "postponed": (
        "/sakrad/2024/05/sakrad-om-idrottens-roll-2/",
        "# Sakråd om idrottens roll\n\nSakrådet om idrottens roll som skulle ha hållits den 15 maj 2024 har "
        "skjutits upp. Ett nytt datum meddelas senare. Syftet med sakrådet är att diskutera idrottens roll.\n",
        "2024-05-16",
        "2024-05-15",
    ),
    "invited, then not held": (
        "/sakrad/2024/04/sakrad-om-nationella-minoriteter-2/",
        "# Sakråd om nationella minoriteter\n\nDen 9 april 2024 bjöd kulturminister Parisa Liljestrand in till "
        "sakråd om nationella minoriteter. Sakrådet genomfördes inte som planerat och kommer att hållas senare i "
        "höst.\n",
        "2024-04-10",
        None,
    ),
}


@pytest.mark.parametrize("name", sorted(NOT_HELD))
def test_a_meeting_the_page_says_was_not_held_is_not_drafted_as_held(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, text, published, not_the_day = NOT_HELD[name]
    draft = _draft(_project(tmp_path), tmp_path, url, text, capsys, published=published)
    meeting = _meeting(draft)
    assert meeting.get("announced_only") is True, draft
    if not_the_day is not None:
        assert meeting.get("date") != not_the_day, draft
    assert "CHECK:" in draft


def test_a_meeting_moved_is_dated_by_the_day_it_was_moved_to(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "# Sakråd om våld i nära relationer\n\nUppdaterad 22 mars 2024: Sakrådet har flyttats från den 5 april "
        "till den 19 april.\n\nDen 5 april 2024 bjuder socialminister Jakob Forssmed in till sakråd om våld i "
        "nära relationer.\n"
    )
    url = "/sakrad/2024/03/sakrad-om-vald-i-nara-relationer/"
    draft = _draft(_project(tmp_path), tmp_path, url, text, capsys, published="2024-03-10")
    assert str(_meeting(draft)["date"]) == "2024-04-19", draft


def test_a_negated_opening_names_no_participant(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        "# Sakråd om äldreomsorg\n\nDen 15 oktober 2024 samlades ett 15-tal organisationer till sakråd om "
        "äldreomsorg. Socialminister Jakob Forssmed inledde inte, eftersom han fick förhinder.\n"
    )
    url = "/sakrad/2024/10/sakrad-om-aldreomsorg/"
    meeting = _meeting(_draft(_project(tmp_path), tmp_path, url, text, capsys, published="2024-10-20"))
    assert not meeting.get("government_participants"), meeting


# --- CLASS C: the day and its year ---------------------------------------------------------------------


def test_a_publication_line_is_not_the_meeting_day(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        "# Sakråd om folkbildning\n\nPublicerad den 10 maj 2024\n\nEtt 30-tal organisationer i det civila "
        "samhället deltog i sakrådet om folkbildning.\n"
    )
    url = "/sakrad/2024/05/sakrad-om-folkbildning/"
    meeting = _meeting(_draft(_project(tmp_path), tmp_path, url, text, capsys, published="2024-05-10"))
    assert "date" not in meeting, meeting


def test_a_report_is_never_dated_after_its_publication(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        "# Sakråd om elevhälsan\n\nDen 4 mars samlades ett 30-tal organisationer till sakråd om elevhälsan. "
        "Under sakrådet diskuterades elevhälsan.\n"
    )
    url = "/sakrad/2024/09/sakrad-om-elevhalsan/"
    meeting = _meeting(_draft(_project(tmp_path), tmp_path, url, text, capsys, published="2024-09-15"))
    assert str(meeting["date"]) == "2024-03-04", meeting


def test_minutes_of_another_meeting_are_not_this_ones(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        "# Inbjudan till sakråd om bostäder\n\nDen 9 december bjuder Finansdepartementet in till sakråd om bostäder.\n"
    )
    minutes = {"name": "Minnesanteckningar från sakråd om bostäder den 9 december 2022 (pdf 100 kB)", "url": "/a.pdf"}
    url = "/sakrad/2023/11/inbjudan-till-sakrad-om-bostader/"
    draft = _draft(_project(tmp_path), tmp_path, url, text, capsys, published="2023-11-20", attachments=[minutes])
    meeting = _meeting(draft)
    assert str(meeting["date"]) == "2023-12-09", draft
    assert meeting.get("announced_only") is True and "held_derivation" not in meeting and "sources" not in meeting


# --- CLASS E: another event's facts --------------------------------------------------------------------


def test_a_count_of_another_event_is_not_this_meetings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        "# Inbjudan till sakråd om minoritetsspråk\n\nDen 3 december 2024 bjuder kulturminister Parisa "
        "Liljestrand in till sakråd om minoritetsspråk. Ett 30-tal organisationer deltog i förra årets sakråd "
        "och bjuds in även i år. Ett 20-tal organisationer deltog i enkäten inför sakrådet.\n"
    )
    url = "/sakrad/2024/11/inbjudan-till-sakrad-om-minoritetssprak/"
    meeting = _meeting(_draft(_project(tmp_path), tmp_path, url, text, capsys, published="2024-11-10"))
    assert meeting.get("announced_only") is True
    assert "organisation_count" not in meeting and "notes" not in meeting, meeting


def test_a_second_meeting_on_the_page_gives_this_one_none_of_its_facts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "# Sakråd om psykisk hälsa\n\nDen 3 mars 2024 hölls ett första sakråd om psykisk hälsa bland unga, där 12 "
        "organisationer deltog. Den 10 april 2024 hölls ett andra sakråd om suicidprevention, där 25 organisationer "
        "deltog och som leddes av statssekreterare Karin Svensson.\n"
    )
    url = "/sakrad/2024/04/sakrad-om-psykisk-halsa/"
    draft = _draft(_project(tmp_path), tmp_path, url, text, capsys, published="2024-04-15")
    meeting = _meeting(draft)
    assert str(meeting["date"]) == "2024-03-03" and meeting["organisation_count"]["value"] == 12
    assert "chair" not in meeting and "notes" not in meeting and "karin-svensson" not in draft, draft
    assert "CHECK: the page dates another meeting too" in draft


# --- CLASS F and D: the documentation template; people a letter apart ----------------------------------

SEED_TEXT = Path("data") / "sources" / "sakrad-2017-12-12-integration.txt"


def _documentation(root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], *changes: tuple[str, str]) -> str:
    text = (root / SEED_TEXT).read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text
        text = text.replace(old, new)
    file = tmp_path / "documentation.txt"
    file.write_text(text, encoding="utf-8")
    assert main(["-C", str(root), "import", str(file)]) == 0
    return capsys.readouterr().out


def test_an_invitation_count_is_not_a_participation_count(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = _documentation(
        root, tmp_path, capsys, ("samlade femton organisationer", "samlade femton inbjudna organisationer")
    )
    meeting = yaml.safe_load(draft)
    assert "organisation_count" not in meeting and meeting["invited_count"]["value"] == 15, draft


def test_a_name_with_an_added_legal_form_is_a_new_organisation_to_check(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = _documentation(root, tmp_path, capsys, ("12. Svenska kyrkan\n", "12. Svenska kyrkan AB\n"))
    meeting = yaml.safe_load(draft)
    assert "svenska-kyrkan" not in meeting["organisations"] and "svenska-kyrkan-ab" in meeting["organisations"]
    assert "CHECK: new organisation: add 'Svenska kyrkan AB'" in " ".join(
        line.lstrip("# ") for line in draft.splitlines() if line.lstrip().startswith("#")
    )


def test_a_person_a_letter_from_a_record_with_another_post_is_a_new_person(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(tmp_path)
    people = (project / "data" / "people.yaml").read_text(encoding="utf-8")
    name = next(line.split(":", 1)[1].strip() for line in people.splitlines() if line.strip().startswith("name:"))
    first, last = name.split(" ", 1)
    typo = f"{first} {last[:-1]}{'e' if last[-1] != 'e' else 'a'}"  # a letter changed
    assert len(last) >= 5
    text = (
        f"# Sakråd om vuxenutbildning\n\nDen 16 oktober 2024 samlades ett 20-tal organisationer till sakråd om "
        f"vuxenutbildning. Sakrådet leddes av enhetschef {typo}.\n"
    )
    url = "/sakrad/2024/10/sakrad-om-vuxenutbildning/"
    draft = _draft(project, tmp_path, url, text, capsys, published="2024-10-20")
    meeting = _meeting(draft)
    assert meeting["chair"]["person"] not in people, draft
    assert f"CHECK: the page's person '{typo}' is a letter from" in " ".join(draft.split())


def test_a_linked_report_published_before_the_meeting_is_not_merged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    here = "/sakrad/2024/11/sakrad-om-folkhalsa/"
    earlier = "/artiklar/2023/05/forsta-sakradet-om-folkhalsa/"
    pages = {
        here: (
            "# Sakråd om folkhälsa\n\nDen 14 november 2024 samlades ett 20-tal organisationer till sakråd om "
            "folkhälsa.\n",
            {"published": "2024-11-20", "shortcuts": [{"name": "Artikel", "url": earlier}]},
        ),
        earlier: (
            "# Första sakrådet om folkhälsa\n\nI våras bjöd socialminister Jakob Forssmed in till det första "
            "sakrådet om folkhälsa. Sakrådet leddes av statssekreterare Karin Svensson. Ett 50-tal organisationer "
            "deltog.\n",
            {"published": "2023-05-20", "types": ["2097"]},
        ),
    }
    listing, folder = _snapshot(tmp_path, pages)
    page = folder / f"{here.strip('/')}.md"
    assert main(["-C", str(_project(tmp_path)), "import", str(page), "--listing", str(listing)]) == 0
    said = capsys.readouterr()
    meeting = _meeting(said.out)
    assert "chair" not in meeting and "conveners" not in meeting and "notes" not in meeting, said.out
    assert "is not read as about the same meeting" in said.err


# --- CLASS G and H: what was dropped without a word ----------------------------------------------------


def test_a_mixed_case_ministry_code_gives_the_case_number(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "# Sakråd om spelmarknaden\n\nDen 5 mars 2024 samlades ett 20-tal organisationer till sakråd om spel.\n"
    url = "/sakrad/2024/03/sakrad-om-spelmarknaden/"
    draft = _draft(_project(tmp_path), tmp_path, url, text, capsys, published="2024-03-10", id="Fi2024/00123")
    assert _meeting(draft)["case_number"] == "Fi2024/00123"


def test_a_post_opening_its_sentence_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        "# Sakråd om vuxenutbildning\n\nDen 16 oktober 2024 samlades ett 20-tal organisationer till sakråd om "
        "vuxenutbildning. Statssekreterare Mats Persson presenterade regeringens förslag.\n"
    )
    url = "/sakrad/2024/10/sakrad-om-vuxenutbildning/"
    meeting = _meeting(_draft(_project(tmp_path), tmp_path, url, text, capsys, published="2024-10-20"))
    assert [p.get("person") for p in meeting["government_participants"]] == ["mats-persson"]


def test_an_update_and_a_page_not_in_swedish_are_flagged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        "# Consultation with civil society on gender equality\n\nOn 5 March 2024, the Ministry of Employment "
        "invited some 40 civil society organisations to a consultation (sakråd) on gender equality. Around 25 "
        "organisations took part. The meeting was chaired by the Minister for Gender Equality.\n"
    )
    url = "/sakrad/2024/03/consultation-with-civil-society-on-gender-equality/"
    draft = _draft(_project(tmp_path), tmp_path, url, text, capsys, published="2024-03-10", updated="2024-03-12")
    said = " ".join(draft.split())
    assert "CHECK: the page is not in Swedish" in said and "CHECK: the listing says the page was updated" in said


def test_a_new_organisation_resembling_one_of_data_names_it(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = _documentation(root, tmp_path, capsys, ("5. IGITEGO\n", "5. EFS\n"))
    said = " ".join(line.lstrip("# ") for line in draft.splitlines() if line.lstrip().startswith("#"))
    assert "efs" in yaml.safe_load(draft)["organisations"]
    assert "CHECK: new organisation: add 'EFS' to data/organisations.yaml with this id; it resembles" in said


def test_a_passive_invitation_count_and_listed_names_are_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "# Sakråd om tillgänglighet\n\nDen 7 mars 2024 hölls ett sakråd om tillgänglighet. Ett 40-tal "
        "organisationer hade bjudits in.\n\n## Inbjudna\n\n- RFSL Ungdom\n- Svenska Röda Korset\n"
    )
    url = "/sakrad/2024/03/sakrad-om-tillganglighet/"
    draft = _draft(_project(tmp_path), tmp_path, url, text, capsys, published="2024-03-10")
    meeting = _meeting(draft)
    assert meeting["invited_count"]["value"] == 40 and "organisation_count" not in meeting
    assert "organisations" not in meeting
    assert "CHECK: the page lists names under 'Inbjudna' (RFSL Ungdom, Svenska Röda Korset)" in " ".join(
        line.lstrip("# ") for line in draft.splitlines() if line.startswith("#")
    )


def test_the_department_that_arranged_the_sakrad_is_its_organiser(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "# Sakråd om hemlöshet\n\nDen 12 mars 2024 samlades ett 20-tal organisationer till sakråd om hemlöshet. "
        "Sakrådet arrangerades av Socialdepartementet.\n"
    )
    url = "/sakrad/2024/03/sakrad-om-hemloshet/"
    draft = _draft(_project(tmp_path), tmp_path, url, text, capsys, published="2024-03-15")
    assert _meeting(draft)["organiser"] == "socialdepartementet", draft


def test_a_person_named_without_a_post_who_told_is_a_participant(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "# Sakråd om jämställdhet\n\nDen 5 mars 2024 deltog ett 25-tal organisationer i ett sakråd om "
        "jämställdhet. Jakob Forssmed berättade om regeringens arbete.\n"
    )
    url = "/sakrad/2024/03/sakrad-om-jamstalldhet/"
    meeting = _meeting(_draft(_project(tmp_path), tmp_path, url, text, capsys, published="2024-03-10"))
    assert [p["person"] for p in meeting["government_participants"]] == ["jakob-forssmed"]
