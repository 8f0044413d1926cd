"""What importing a page reads of it: a day of the page's words that is no day of the calendar
("den 31 april", "den 29 februari" where no year near the page's has it) is no date, never a traceback;
another meeting named by its ordinal ("det första sakrådet") is not this one; a capitalised pair that
presents is a government participant only where the page ties it to a post; the note on a kept page
text says whether it was written (docs/import.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_import_fidelity import _draft, _meeting, _project, _snapshot

from sakrad_ld.cli import main

URL = "/artiklar/2025/03/sakrad-om-eu/"
HELD = "# Sakråd om EU\n\nDen 5 mars 2025 hölls ett sakråd om EU med organisationer från civilsamhället.\n\n"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (HELD + "Den 29 februari hölls ett första sakråd om samma fråga med tio organisationer.\n", "2025-03-05"),
        (HELD + "Den 31 april hölls ett första sakråd om samma fråga med tio organisationer.\n", "2025-03-05"),
        ("# Sakråd om EU\n\nDen 31 april hölls ett sakråd om EU med organisationer.\n", None),
        ("# Sakråd om EU\n\nDen 30 februari 2024 hölls ett sakråd om EU med organisationer.\n", None),
        # a report's 29 February: the last leap year's before the publication
        ("# Sakråd om EU\n\nDen 29 februari hölls ett sakråd om EU med organisationer.\n", "2024-02-29"),
    ],
)
def test_a_day_of_no_calendar_is_no_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, date: str | None
) -> None:
    out = _draft(_project(tmp_path), tmp_path, URL, text, capsys, published="2025-03-07")
    found = _meeting(out).get("date")
    assert (str(found) if found else None) == date
    if date is None:
        assert "no day of the calendar" in out or "no year near its publication" in out


def test_an_invitation_to_a_29_february_no_year_has(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "# Sakråd om EU\n\nRegeringen bjuder in till ett sakråd om EU den 29 februari.\n"
    out = _draft(_project(tmp_path), tmp_path, URL, text, capsys, published="2025-03-07")
    assert _meeting(out).get("date") is None
    assert "no year near its publication has that day" in out


SECOND = "# Sakråd om EU\n\nDen 5 mars 2025 hölls det {own} sakrådet om EU med organisationer från civilsamhället.\n\n"


@pytest.mark.parametrize(
    ("own", "count"),
    [("andra", None), ("tredje", None), ("första", 30)],
)
def test_a_count_of_a_meeting_of_another_ordinal_is_not_this_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], own: str, count: int | None
) -> None:
    """On the second meeting's page "deltog i det första sakrådet" counts the first; on the first's, this."""
    text = SECOND.format(own=own) + "Ett trettiotal organisationer deltog i det första sakrådet.\n"
    out = _draft(_project(tmp_path), tmp_path, URL, text, capsys, published="2025-03-07")
    found = _meeting(out).get("organisation_count")
    assert (found or {}).get("value") == count, out


JAMSTALLDHET = (
    "# Sakråd om jämställdhet\n\nDen 5 mars 2024 deltog ett 25-tal organisationer i ett sakråd om jämställdhet. "
)


@pytest.mark.parametrize(
    ("said", "people"),
    [
        ("Rädda Barnen presenterade sin rapport.", []),
        ("Svenska Kyrkan berättade om sitt arbete.", []),
        ("Anna Berg berättade om sitt arbete.", []),
        # data/ records a post for him
        ("Jakob Forssmed berättade om regeringens arbete.", ["jakob-forssmed"]),
        # the page gives the post elsewhere
        ("Statssekreterare Anna Berg hälsade välkommen. Anna Berg berättade om arbetet.", ["anna-berg"]),
    ],
)
def test_a_name_that_presents_is_a_government_participant_only_with_a_post(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], said: str, people: list[str]
) -> None:
    url = "/sakrad/2024/03/sakrad-om-jamstalldhet/"
    out = _draft(_project(tmp_path), tmp_path, url, JAMSTALLDHET + said + "\n", capsys, published="2024-03-10")
    meeting = _meeting(out)
    assert [p.get("person") for p in meeting.get("government_participants", [])] == people, out
    if not people:
        assert "ties" in out and "government post or body" in " ".join(out.replace("# ", " ").split())


def test_the_note_says_whether_the_kept_text_is_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Written the first time; said to be there already for the same page; left as it is, and said to
    differ, for a page that changed (re-imported with --force): never said to be written when it is not."""
    project = _project(tmp_path)
    page = tmp_path / "snapshot" / "pages" / f"{URL.strip('/')}.md"
    out = tmp_path / "drafts" / "draft.yaml"
    out.parent.mkdir()

    def run(text: str, *options: str) -> str:
        capsys.readouterr()
        listing, _ = _snapshot(tmp_path, {URL: (text, {"published": "2025-03-07"})})
        command = ["-C", str(project), "import", str(page), "--listing", str(listing), "--out", str(out), *options]
        assert main(command) == 0
        return " ".join(capsys.readouterr().err.split())

    first = run(HELD)
    (kept,) = [p for p in out.parent.iterdir() if p.suffix == ".md"]
    assert f"is written to {kept}" in first
    again = run(HELD, "--force")
    assert "is written to" not in again and f"is already {kept}" in again
    changed = run(HELD + "Trettio organisationer deltog.\n", "--force")
    assert "is written to" not in changed and f"{kept} is left as it is, and differs" in changed
    assert kept.read_text(encoding="utf-8") == HELD


@pytest.mark.parametrize("published", ["2025-02-30", "7 mars 2025", 20250307])
def test_a_listing_date_that_is_no_day_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], published: object
) -> None:
    listing, pages = _snapshot(tmp_path, {URL: (HELD, {"published": published})})
    page = pages / f"{URL.strip('/')}.md"
    assert main(["-C", str(_project(tmp_path)), "import", str(page), "--listing", str(listing)]) == 2
    err = capsys.readouterr().err
    assert "listing.json" in err and "no day of the calendar" in err and "Traceback" not in err
