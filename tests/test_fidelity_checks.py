"""Load checks that hold the data to what its sources say: a derivation naming another year, a date a
note says is not stated, a stated date nothing can check (a warning), held-meeting facts and wording on
an announced sakråd, a registered name credited to a news text, and a holding's as_of judged by its own
source's kept text and publication. Each case is a copy of the fixture project with one change."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, change, fixture_project, refusals

from sakrad_ld.cli import main
from sakrad_ld.corpus import load_corpus
from sakrad_ld.dated import load_warnings, named_years

MEETINGS = Path("data") / "meetings"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return fixture_project(tmp_path / "project")


def _one(errors: list, *words: str):
    found = [e for e in errors if all(w in str(e) for w in words)]
    assert len(found) == 1, [str(e) for e in errors]
    return found[0]


# --- a derivation's years ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "words",
    [
        'Sidan säger "Den 17 mars" utan år; året är sidans publiceringsår, 2022.',
        'Sidan säger "Den 17 mars" utan år; året är 2022 enligt artikeln.',
        'Sidan säger "Den 17 mars" utan år; artikeln från 2022-04-03 ger året.',
        'Sidan säger "Den 17 mars" utan år [2022].',
    ],
)
def test_a_derivation_naming_another_year_in_its_words_is_refused(project: Path, words: str) -> None:
    path = project / MEETINGS / "2023-03-17-diskriminering.yaml"
    line = change(path, "date: 2023-03-17\n", f"date: 2023-03-17\ndate_derivation:\n  sv: '{words}'\n")
    error = _one(refusals(project), "names the year 2022")
    assert (error.where.file.name, error.where.line, error.where.field) == (path.name, line, "date")
    assert "2023" in error.expected


def test_named_years_leave_out_addresses_and_a_nearest_publication_date() -> None:
    assert named_years("året är sidans publiceringsår, 2022.") == {2022}
    assert named_years("året står i adressen (/sakrad/2022/02/)") == set()
    assert named_years("året närmast publiceringsdagen (2020-01-10)") == set()
    assert named_years("contentassets/0ab8695c5f2022b8bbe15") == set()


def test_a_derivation_whose_years_are_the_dates_loads(project: Path) -> None:
    path = project / MEETINGS / "2023-03-17-diskriminering.yaml"
    change(path, "      - date\n", "")
    change(
        path,
        "date: 2023-03-17\n",
        "date: 2023-03-17\ndate_derivation:\n"
        '  sv: \'Sidan säger "Den 17 mars" utan år; året står i namnet på den bifogade filen, '
        '"Inbjudan till sakråd den 17 mars 2023", 2023.\'\n',
    )
    people = project / "data" / "people.yaml"  # the holding's as_of would be the derived date
    change(people, "as_of: 2023-03-17", "as_of: 2023-04-03")
    load_corpus(project / "data")


# --- a stated date a note says is not stated; a stated date nothing checks ------------------------------


def test_a_date_contradicting_a_note_that_none_is_stated_is_refused(project: Path) -> None:
    """2024-04's note: the article does not date the meeting ("inget datum", "does not date")."""
    path = project / MEETINGS / "2024-04-eu-industripolitik.yaml"
    line = change(path, "\ntitle:", "\ndate: 2024-04-09\ntitle:") + 1
    error = _one(refusals(project), "a note about the date says none is stated")
    assert (error.where.file.name, error.where.line, error.where.field) == (path.name, line, "date")


def test_a_stated_date_without_a_kept_text_is_a_warning_with_its_place(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = load_corpus(project / "data")
    warned = {(w.where.file.name, w.where.field): w for w in load_warnings(corpus)}
    stated = warned[("2023-12-13-rasism.yaml", "date")]
    assert stated.where.line > 0 and "not kept beside the data" in stated.problem
    # the date checked against its kept text (2017-12-12's documentation) is not warned about
    assert ("2017-12-12-integration.yaml", "date") not in warned
    # a derived date is marked as such in the release, so it is not warned about either
    derived = [m.id for m in corpus.meetings if m.date_derivation is not None]
    assert derived and not any(
        f"{d}.yaml" == name and field in ("date", "days") for d in derived for name, field in warned
    )
    assert main(["-C", str(project), "validate"]) == 0
    err = capsys.readouterr().err
    assert f"warning: {stated.where}" in err and "Traceback" not in err


# --- announced_only ----------------------------------------------------------------------------------


def test_handling_of_views_is_refused_on_an_announced_sakrad(project: Path) -> None:
    path = project / MEETINGS / "2019-11-06-rasism-hatbrott.yaml"
    line = change(path, "notes:\n", "handling_of_views:\n  sv: Synpunkterna tas med i arbetet.\nnotes:\n")
    error = _one(refusals(project), "handling_of_views")
    assert (error.where.file.name, error.where.line, error.where.field) == (path.name, line, "handling_of_views")


def test_held_meeting_wording_on_an_announced_sakrad_is_warned_with_its_field(project: Path) -> None:
    path = project / MEETINGS / "2019-11-06-rasism-hatbrott.yaml"
    change(
        path,
        "notes:\n",
        "questions:\n  - sv: Frågor som lyftes av RFSL under sakrådet var hbtqi-personers rättigheter.\n"
        "presentations:\n  description:\n    sv: På mötet presenterade tre organisationer sina synpunkter.\n"
        "notes:\n  - text:\n      sv: En not.\n      en: According to the minutes, RFSL took part.\n",
    )
    warned = {w.where.field: w for w in load_warnings(load_corpus(project / "data")) if w.where.file.name == path.name}
    assert {"questions[0]", "presentations.description", "notes[0].text.en"} <= set(warned), warned
    assert all(w.where.line > 0 for w in warned.values())
    assert "'took part'" in warned["notes[0].text.en"].problem


def test_the_announced_sakrad_of_the_data_and_the_fixture_have_no_held_wording(project: Path) -> None:
    for data in (ROOT / "data", project / "data"):
        assert [w for w in load_warnings(load_corpus(data)) if "announced_only" in w.problem] == []


# --- legal_name and as_of ----------------------------------------------------------------------------


def test_a_legal_name_credited_by_default_to_an_article_is_refused(project: Path) -> None:
    path = project / "data" / "organisations.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index("name: Lika Unika")
    end = text.index("\n", at)
    path.write_text(text[:end] + "\n    legal_name: Lika Unika Ekonomisk Förening" + text[end:], encoding="utf-8")
    error = _one(refusals(project), "legal_name", "credited by default")
    assert error.where.file.name == "organisations.yaml" and error.where.field.endswith("legal_name")
    assert "the article" in error.problem


def test_a_long_legal_name_is_quoted_cut_in_the_refusal(project: Path) -> None:
    path = project / "data" / "organisations.yaml"
    text = path.read_text(encoding="utf-8")
    end = text.index("\n", text.index("name: Lika Unika"))
    long_name = "Lika Unika " + "Ekonomisk Förening " * 300
    path.write_text(text[:end] + f"\n    legal_name: {long_name}" + text[end:], encoding="utf-8")
    error = _one(refusals(project), "legal_name", "credited by default")
    assert "characters)" in error.problem and long_name.strip() not in error.problem
    assert len(error.problem) < 600


def test_an_as_of_its_own_kept_text_states_is_accepted_though_the_meeting_derives_it(project: Path) -> None:
    """The meeting's date is derived from the invitation page; the article kept beside the data says
    "Den 17 mars 2023", so the holding it attests may be dated so."""
    path = project / MEETINGS / "2023-03-17-diskriminering.yaml"
    change(path, "      - date\n", "")
    change(
        path,
        "date: 2023-03-17\n",
        'date: 2023-03-17\ndate_derivation:\n  sv: \'Sidan säger "Den 17 mars" utan år; året står i namnet '
        'på den bifogade filen, "Inbjudan till sakråd den 17 mars 2023".\'\n',
    )
    errors = refusals(project)
    _one(errors, "as_of 2023-03-17 is the derived date")  # no kept text yet: refused
    sources = project / "data" / "sources.yaml"
    url = "/artiklar/2023/04/diskrimineringsfragor-pa-agendan-nar-regeringskansliet-bjod-in-till-sakrad/\n"
    change(sources, url, url + "    file: sources/diskrimineringsfragor.md\n")
    (project / "data" / "sources" / "diskrimineringsfragor.md").write_text(
        "Den 17 mars 2023 bjöd statssekreterare Martin Andreasson in Sveriges antidiskrimineringsverksamheter "
        "(ADV) till sakråd. Syftet med sakrådet är att inhämta synpunkter och därmed höja kvaliteten i "
        "regeringens underlag samt att informera om pågående processer i regeringens arbete mot diskriminering.\n",
        encoding="utf-8",
    )
    load_corpus(project / "data")


def test_an_as_of_long_before_its_uncited_source_was_published_is_refused(project: Path) -> None:
    """A register page (no meeting cites it) states what holds when it is published, not years before."""
    sources = project / "data" / "sources.yaml"
    change(
        sources,
        "sources:\n",
        "sources:\n  - id: register-page\n    kind: register\n    title:\n      sv: Ett register\n"
        "    url: https://example.org/register\n    published: 2020-06-01\n",
    )
    people = project / "data" / "people.yaml"
    at = change(
        people,
        "        as_of: 2022-12-19\n",
        "        as_of: 2022-12-19\n      - post: statssekreterare\n        source: register-page\n"
        "        as_of: 2019-01-01\n",
    )
    change(
        people,
        "    sources:\n      - regeringen-2022-12-sakrad-med",
        "    sources:\n      - register-page\n      - regeringen-2022-12-sakrad-med",
    )
    error = _one(refusals(project), "as_of 2019-01-01", "days before the source")
    assert error.where.line == at + 3
    change(people, "as_of: 2019-01-01", "as_of: 2020-05-20")  # within a month of its publication
    load_corpus(project / "data")


# --- the data ------------------------------------------------------------------------------------------


def test_the_2021_04_series_days_are_not_published_as_stated() -> None:
    """No text of its press release was read (only the corpus's English summary names 14, 15 and 22
    April): the data gives the month of its address, derived, and the days in a note."""
    meeting = next(m for m in load_corpus(ROOT / "data").meetings if m.id == "2021-04-eu-framtidskonferensen")
    assert not meeting.days and str(meeting.date) == "2021-04" and meeting.date_derivation is not None
    assert any("14, 15 och 22 april 2021" in " ".join(n.text.sv.split()) for n in meeting.notes)
