"""A meeting's date agrees with its id, its derivation, the text of its source and the publication of
its minutes; a ``status: register`` claim is read on the register's own host. Each contradiction is
refused at load (file, line, field, what is expected; exit code 2), and ``links check`` reports the
register one too."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, change, fixture_project, refusals

from sakrad_ld.attested import REGISTER_HOSTS, register_host
from sakrad_ld.cli import main
from sakrad_ld.corpus import load_corpus
from sakrad_ld.dated import date_forms, derived_years, id_date, quoted_days
from sakrad_ld.registers.links import KEEPER_COPIES, REGISTERS, check_offline
from sakrad_ld.stated import flat_text


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return fixture_project(tmp_path / "project")


def _one(errors: list, *words: str):
    found = [e for e in errors if all(w in str(e) for w in words)]
    assert len(found) == 1, [str(e) for e in errors]
    return found[0]


def test_the_data_and_the_fixture_load_with_no_date_or_register_error(project: Path) -> None:
    """Every real meeting passes unchanged: its date agrees with its id, derivation, text and minutes."""
    load_corpus(ROOT / "data")
    load_corpus(project / "data")


def test_a_date_a_day_off_its_id_is_refused_with_exit_2(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "data" / "meetings" / "2017-03-14-rasism-uppstart.yaml"
    line = change(path, "date: 2017-03-14", "date: 2017-03-15")
    error = _one(refusals(project), "2017-03-14-rasism-uppstart")
    assert (error.where.file.name, error.where.line, error.where.field) == (path.name, line, "date")
    assert "disagrees with the date the meeting's id" in error.problem and "2017-03-14" in error.expected
    assert main(["-C", str(project), "validate"]) == 2
    err = capsys.readouterr().err
    assert f"{path.name}:{line}: date:" in err and "Traceback" not in err


def test_a_month_id_checks_year_and_month_only(project: Path) -> None:
    path = project / "data" / "meetings" / "2021-04-eu-framtidskonferensen.yaml"
    line = change(path, "2021-04-22]", "2021-05-22]")
    error = _one(refusals(project), "days")
    assert (error.where.line, error.where.field) == (line, "days") and "2021-05-22" in error.problem
    assert id_date("2021-04-eu-framtidskonferensen") == "2021-04"
    assert id_date("2017-12-12-integration") == "2017-12-12"
    assert id_date("syn-2017-12-12-3") is None and id_date("2017-13-x") is None


def test_a_date_not_in_the_kept_text_is_refused(project: Path) -> None:
    """2017-12-12-integration's documentation is kept as text: 13 December 2017 is not in it."""
    path = project / "data" / "meetings" / "2017-12-12-integration.yaml"
    line = change(path, "date: 2017-12-12", "date: 2017-12-13")
    errors = refusals(project)
    error = _one(errors, "is not in the text of")
    assert (error.where.file.name, error.where.line, error.where.field) == (path.name, line, "date")
    assert "'13 december 2017' not found" in error.expected
    _one(errors, "disagrees with the date the meeting's id")


def test_the_kept_text_is_searched_as_swedish_words() -> None:
    pattern = date_forms("2017-12-12")
    assert pattern.search(flat_text("hölls den 12 december 2017."))
    assert pattern.search(flat_text("den 12\u00a0december\n2017"))
    assert pattern.search(flat_text("den 12 December 2017"))
    assert not pattern.search(flat_text("den 112 december 2017")) and not pattern.search(flat_text("12 december 2018"))
    assert date_forms("2017-12").search(flat_text("i december 2017"))


def test_the_text_check_applies_to_an_id_without_a_date(project: Path) -> None:
    """The text, not only the id: a meeting whose id names no date is still held to its kept text."""
    meetings = project / "data" / "meetings"
    old = meetings / "2017-12-12-integration.yaml"
    new = meetings / "integration.yaml"
    new.write_text(
        old.read_text(encoding="utf-8")
        .replace("id: 2017-12-12-integration", "id: integration")
        .replace("date: 2017-12-12", "date: 2017-11-12"),
        encoding="utf-8",
    )
    old.unlink()
    errors = refusals(project)
    error = _one(errors, "is not in the text of")
    assert error.where.file.name == "integration.yaml" and error.where.field == "date"
    assert not [e for e in errors if "id" in e.problem and "disagrees" in e.problem]


@pytest.mark.parametrize(
    ("date", "says"),
    [
        ("2021-12-06", "the year of date 2021-12-06 contradicts the date_derivation, which works the year out as 2022"),
        ("2022-12-07", "date 2022-12-07 is not a day the date_derivation quotes the source saying (6 december)"),
    ],
)
def test_a_date_contradicting_its_derivation_is_refused(project: Path, date: str, says: str) -> None:
    path = project / "data" / "meetings" / "2022-12-06-cerd-rapportering.yaml"
    line = change(path, "date: 2022-12-06", f"date: {date}")
    error = _one(refusals(project), says)
    assert (error.where.file.name, error.where.line, error.where.field) == (path.name, line, "date")


def test_the_derivation_check_holds_with_the_id_changed_too(project: Path) -> None:
    """Renaming the meeting with its date does not make a contradicting derivation pass."""
    meetings = project / "data" / "meetings"
    old = meetings / "2022-12-06-cerd-rapportering.yaml"
    text = old.read_text(encoding="utf-8").replace("2022-12-06-cerd", "2021-12-06-cerd")
    (meetings / "2021-12-06-cerd-rapportering.yaml").write_text(text.replace("date: 2022-12-06", "date: 2021-12-06"))
    old.unlink()
    errors = refusals(project)
    assert [e.where.field for e in errors] == ["date"] and "works the year out as 2022" in errors[0].problem


def test_the_phrasings_of_a_derivation() -> None:
    nearest = 'Sidan säger "Den 6 december" utan år; året är det närmast sidans publiceringsdatum (2022-12-19).'
    assert quoted_days(nearest) == {(6, 12, None)}
    assert derived_years(nearest, 12, 6) == {2022}
    # the year nearest a publication date early in January is the year before
    assert derived_years('"Den 30 december"; året är det närmast sidans publiceringsdatum (2024-01-08).', 12, 30) == {
        2023
    }
    assert derived_years("året är sidornas publiceringsår (2022-12-15).", 12, 13) == {2022}
    assert derived_years("året är det i sidans adress (sakrad/2020/06/).", 6, 23) == {2020}
    assert derived_years("månaden är läst ur sidans adress (/2017/02/).") == {2017}
    attachment = 'Sidan säger "Den 22 maj" utan år; året står i namnet på den bifogade filen "Minnesanteckningar från sakråd den 22 maj 2025 inför dialog"'
    assert quoted_days(attachment) == {(22, 5, None), (22, 5, 2025)}
    assert derived_years(attachment, 5, 22) == {2025}
    assert quoted_days("“Den 5 mars” och ”den 7 april”") == {(5, 3, None), (7, 4, None)}
    assert derived_years('Sidan säger "i dag"; inget år står.') == set()


def test_a_month_read_from_the_address_is_held_to_it(project: Path) -> None:
    """2017-02-eu-tjanstepaket: 'månaden är läst ur sidans adress (/2017/02/)'; a date in another
    month contradicts it even under an id that agreed."""
    meetings = project / "data" / "meetings"
    old = meetings / "2017-02-eu-tjanstepaket.yaml"
    text = old.read_text(encoding="utf-8").replace("2017-02-eu", "2017-03-eu").replace("date: 2017-02", "date: 2017-03")
    (meetings / "2017-03-eu-tjanstepaket.yaml").write_text(text, encoding="utf-8")
    old.unlink()
    _one(refusals(project), "the month of date 2017-03 contradicts the date_derivation")


def test_minutes_published_before_the_meeting_are_refused(project: Path) -> None:
    sources = project / "data" / "sources.yaml"
    change(
        sources,
        "minnesanteckningar-sakrad-demokrativillkor-13-dec.pdf",
        "minnesanteckningar-sakrad-demokrativillkor-13-dec.pdf\n    published: 2022-12-01",
    )
    path = project / "data" / "meetings" / "2022-12-13-demokrativillkor.yaml"
    line = 1 + path.read_text(encoding="utf-8").split("\n").index("date: 2022-12-13")
    error = _one(refusals(project), "minnesanteckningar-2022-12-13-demokrativillkor")
    assert (error.where.file.name, error.where.line, error.where.field) == (path.name, line, "date")
    assert "was published (2022-12-01)" in error.problem and "2022-12-01" in error.expected


def test_minutes_published_on_or_after_the_meeting_and_announcements_pass(project: Path) -> None:
    sources = project / "data" / "sources.yaml"
    text = sources.read_text(encoding="utf-8")
    text = text.replace(
        "minnesanteckningar-sakrad-demokrativillkor-13-dec.pdf",
        "minnesanteckningar-sakrad-demokrativillkor-13-dec.pdf\n    published: 2022-12",  # the same month
    )
    sources.write_text(text, encoding="utf-8")
    load_corpus(project / "data")


REGISTER_CLAIMS = [
    # Ylva Johansson's QID read in everypolitician's files on github.com
    ("people.yaml", "wikidata.csv\n        status: secondary", "people[1].links[0].status", "wikidata.org"),
    # a number read in cisene/swish-123, a mirror of Skatteverket's list
    (
        "organisations.yaml",
        "entries.yaml\n        status: secondary",
        "organisations[1].identifiers[0].status",
        "skatteverket.se",
    ),
]


@pytest.mark.parametrize(("file", "old", "field", "host"), REGISTER_CLAIMS)
def test_a_register_status_read_in_a_mirror_is_refused(
    project: Path, file: str, old: str, field: str, host: str
) -> None:
    path = project / "data" / file
    line = change(path, old, old.replace("secondary", "register")) + 1
    error = _one(refusals(project), "status register")
    assert (error.where.file.name, error.where.line, error.where.field) == (file, line, field)
    assert "github.com" in error.problem and host in error.problem and "secondary" in error.expected
    problems = [p for p in check_offline(project / "data") if "status register" in p.message]
    assert [(p.where.file.name, p.where.line, p.where.field) for p in problems] == [(file, line, field)]


def test_the_register_hosts_cover_every_register_and_scheme() -> None:
    assert set(REGISTER_HOSTS) == set(KEEPER_COPIES) == {n for n in REGISTERS if n != "dataportal"} | {"orgnr"}
    assert register_host("https://www.wikidata.org/wiki/Q3369258", "wikidata")
    assert register_host("http://rinfo.lagrummet.se/org/regeringskansliet", "lagrummet")
    assert register_host("https://www.skatteverket.se/privat/x", "orgnr")
    assert not register_host("https://wikidata.org.example.com/Q1", "wikidata")
    assert not register_host("https://notwikidata.org/Q1", "wikidata")
    assert not register_host("https://github.com/cisene/swish-123/blob/x/y.yaml", "orgnr")
    assert not register_host(None, "orgnr") and not register_host("https://[::1", "orgnr")


@pytest.mark.parametrize(
    ("days", "refused"), [("[2017-03-14, 2017-03-16]", ""), ("[2017-03-13, 2017-03-14]", "2017-03-13")]
)
def test_a_full_date_id_names_the_first_of_the_days(project: Path, days: str, refused: str) -> None:
    path = project / "data" / "meetings" / "2017-03-14-rasism-uppstart.yaml"
    line = change(path, "date: 2017-03-14", f"days: {days}")
    if not refused:
        load_corpus(project / "data")
        return
    error = _one(refusals(project), "days")
    assert (error.where.line, error.where.field) == (line, "days") and f"days {refused} disagree" in error.problem


def test_a_day_on_a_derivation_that_gives_only_the_month_is_refused(project: Path) -> None:
    """2017-02's derivation reads the month from the address and quotes no day: 2017-02-14 is more than it gives."""
    path = project / "data" / "meetings" / "2017-02-eu-tjanstepaket.yaml"
    line = change(path, "date: 2017-02\n", "date: 2017-02-14\n")
    error = _one(refusals(project), "gives a day")
    assert (error.where.file.name, error.where.line, error.where.field) == (path.name, line, "date")
    assert "gives a month" in error.problem and "date: 2017-02" in error.expected


def test_a_month_on_a_derivation_that_names_none_is_refused(project: Path) -> None:
    path = project / "data" / "meetings" / "2017-02-eu-tjanstepaket.yaml"
    change(path, "månaden är läst ur sidans adress (/2017/02/)", "året är läst ur sidans adress (/2017/)")
    error = _one(refusals(project), "gives a month")
    assert error.where.field == "date" and "date: 2017" in error.expected


def test_an_as_of_no_source_states_is_refused(project: Path) -> None:
    """A holding's as_of is its source's publication date or a stated day of a meeting citing it."""
    path = project / "data" / "people.yaml"
    line = change(path, "as_of: 2017-12-12", "as_of: 2016-01-01")
    error = _one(refusals(project), "as_of 2016-01-01")
    assert (error.where.file.name, error.where.line) == ("people.yaml", line)
    assert error.where.field.endswith("as_of") and "no source states" in error.problem


@pytest.mark.parametrize(
    ("source", "refused"),
    [
        ("https://www.wikidata.org/wiki/Q1", "page of Q1, not of Q3369258"),
        ("https://www.wikidata.org/w/index.php?search=Ylva", "page of no item"),
        ("https://www.wikidata.org/wiki/Q3369258", None),
        ("https://www.wikidata.org/entity/Q3369258", None),
        ("https://www.wikidata.org/wiki/Special:EntityData/Q3369258.json", None),
    ],
)
def test_a_wikidata_register_status_names_the_same_item(project: Path, source: str, refused: str | None) -> None:
    path = project / "data" / "people.yaml"
    text = path.read_text(encoding="utf-8")
    old = text[text.index("source: https://github.com/everypolitician") :].split("\n", 2)
    assert old[1].strip() == "status: secondary"
    line = change(path, "\n".join(old[:2]), f"source: {source}\n        status: register") + 1
    if refused is None:
        load_corpus(project / "data")
        return
    error = _one(refusals(project), "status register")
    assert (error.where.line, error.where.field) == (line, "people[1].links[0].status") and refused in error.problem
    problems = [p for p in check_offline(project / "data") if "status register" in p.message]
    assert [p.where.line for p in problems] == [line] and refused in problems[0].message


@pytest.mark.parametrize(
    ("source", "refused"),
    [("https://rinfo.lagrummet.se/org/kulturdepartementet", True), ("https://lagrummet.se/", False)],
)
def test_a_lagrummet_register_status_names_the_same_slug_where_it_names_one(
    project: Path, source: str, refused: bool
) -> None:
    path = project / "data" / "bodies.yaml"
    old = (
        "source: https://github.com/rinfo/rdl/blob/6c0e6c5da5e90265e1c9c0cc62a376d6b55d4ab1/resources/base/datasets/"
        "org/myndigheter.n3\n        status: register-copy"
    )
    line = change(path, old, f"source: {source}\n        status: register") + 1
    if not refused:
        load_corpus(project / "data")
        return
    error = _one(refusals(project), "status register")
    assert error.where.line == line and "kulturdepartementet, not of regeringskansliet" in error.problem
