"""One sakråd, one meeting file: loading (validate and build) refuses a second file of a sakråd data/
has already, however it came about (an import draft saved into data/meetings/, a copy with a new id, a
copy citing the page again under a new source id), naming both files, and leaves the last release as
it was; `import` refuses to write such a draft into data/meetings/. See src/sakrad_ld/duplicated.py."""

from __future__ import annotations

import dataclasses
import hashlib
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT, copy_project

from sakrad_ld.cli import main
from sakrad_ld.corpus import load_corpus
from sakrad_ld.duplicated import address_key, check_duplicated

MEETING = "2023-12-13-rasism"
PAGE = "regeringen/pages/sakrad/2024/01/sakrad-om-det-nationella-arbetet-mot-rasism.md"
URL = "https://www.regeringen.se/sakrad/2024/01/sakrad-om-det-nationella-arbetet-mot-rasism/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with its release built in dist/, once for the module."""
    project = copy_project(tmp_path_factory.mktemp("built") / "project")
    assert main(["-C", str(project), "build", "--out", str(project / "dist")]) == 0
    return project


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Path:
    shutil.copytree(built, tmp_path / "project", symlinks=True)
    return tmp_path / "project"


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).digest() for p in folder.rglob("*") if p.is_file()
    }


def _import(project: Path, shared: Path, *more: str) -> int:
    page, listing = shared / PAGE, shared / "regeringen" / "listing.json"
    return main(["-C", str(project), "import", str(page), "--listing", str(listing), *more])


def _copy(project: Path, shared: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The meeting's file copied by hand under another name, with another id."""
    meetings = project / "data" / "meetings"
    text = (meetings / f"{MEETING}.yaml").read_text(encoding="utf-8")
    out = meetings / "2023-12-13-rasism-kopia.yaml"
    out.write_text(text.replace(f"id: {MEETING}\n", "id: 2023-12-13-rasism-kopia\n"), encoding="utf-8")
    return out


def _same_page_new_source(project: Path, shared: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A copy citing the sakråd page again under a source id of its own, at its address written otherwise."""
    out = _copy(project, shared, capsys)
    text = out.read_text(encoding="utf-8")
    out.write_text(re.sub(r"(?m)^source: .*$", "source: sakradsidan-igen", text), encoding="utf-8")
    sources = project / "data" / "sources.yaml"
    again = URL.replace("https://www.", "http://").rstrip("/")
    sources.write_text(
        sources.read_text(encoding="utf-8") + f"\n  - id: sakradsidan-igen\n    kind: web-page\n    title:\n"
        f"      sv: Sakråd om det nationella arbetet mot rasism\n    url: {again}\n",
        encoding="utf-8",
    )
    return out


def _import_draft(project: Path, shared: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The importer's draft of the meeting's page, printed and then saved into data/meetings/ by hand."""
    capsys.readouterr()
    assert _import(project, shared) == 0
    out = project / "data" / "meetings" / "2023-12-13-det-nationella-arbetet-mot-rasism.yaml"
    out.write_text(capsys.readouterr().out, encoding="utf-8")
    return out


SECOND: dict[str, Callable[[Path, Path, pytest.CaptureFixture[str]], Path]] = {
    "copy-with-a-new-id": _copy,
    "copy-citing-the-page-under-a-new-source-id": _same_page_new_source,
    "import-draft-saved-in-data": _import_draft,
}


@pytest.mark.parametrize("how", sorted(SECOND))
@pytest.mark.parametrize("command", ["validate", "build"])
def test_a_second_file_of_one_sakrad_is_refused_naming_both_files(
    how: str, command: str, project: Path, shared: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    second = SECOND[how](project, shared, capsys)
    before = _files(project / "dist")
    capsys.readouterr()
    argv = ["-C", str(project), command] + (["--out", str(project / "dist")] if command == "build" else [])
    assert main(argv) == 2
    err = capsys.readouterr().err
    refusal = next((line for line in err.splitlines() if "the same sakråd as" in line), "")
    assert f"{MEETING}.yaml:" in refusal and f"{second.name}:" in refusal, err
    assert "one file in data/meetings/ for each sakråd" in refusal and "Traceback" not in err
    assert _files(project / "dist") == before


def test_the_real_data_has_one_file_for_each_sakrad() -> None:
    assert check_duplicated(load_corpus(ROOT / "data")) == []


def test_one_document_about_two_sakrad_on_different_days_is_not_refused() -> None:
    corpus = load_corpus(ROOT / "data")
    meeting = next(m for m in corpus.meetings if m.id == MEETING)

    def with_second(date: str | None) -> list[str]:
        second = dataclasses.replace(meeting, id="andra-sakradet", date=date)
        return [str(e) for e in check_duplicated(dataclasses.replace(corpus, meetings=(*corpus.meetings, second)))]

    assert with_second("2023-12-14") == [] and with_second("2024") == []
    for date in ("2023-12-13", "2023-12", "2023", None):  # may be the same day
        assert len(with_second(date)) == 1, date


def test_a_further_source_of_one_meeting_as_the_main_source_of_another_on_its_day_is_refused() -> None:
    corpus = load_corpus(ROOT / "data")
    meeting = next(m for m in corpus.meetings if m.id == MEETING)
    article = meeting.sources[-1]
    second = dataclasses.replace(meeting, id="artikelns-sakrad", source=article, sources=[])
    found = check_duplicated(dataclasses.replace(corpus, meetings=(*corpus.meetings, second)))
    assert [e.where.field for e in found] == ["source"] and f"sources[{len(meeting.sources) - 1}]" in str(found[0])


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (URL, URL.replace("https://www.", "http://").rstrip("/")),
        (URL, URL.replace("regeringen", "REGERINGEN") + "#top"),
        ("https://example.org/s%C3%A5", "https://example.org:443/så/"),
    ],
)
def test_two_ways_of_writing_one_address_are_one_address(a: str, b: str) -> None:
    assert address_key(a) == address_key(b)


def test_an_address_of_another_page_is_another_address() -> None:
    assert address_key(URL) != address_key(URL.replace("/2024/01/", "/2024/02/"))
    assert address_key("https://example.org/a?x=1") != address_key("https://example.org/a?x=2")


def test_import_refuses_to_write_a_draft_of_a_known_sakrad_into_data_meetings(
    project: Path, shared: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = project / "data" / "meetings" / "utkast.yaml"
    capsys.readouterr()
    assert _import(project, shared, "--out", str(out)) == 2
    err = capsys.readouterr().err
    assert not out.exists() and f"{project}/data/meetings/{MEETING}.yaml" in err and "Traceback" not in err, err
    assert _import(project, shared, "--out", str(project / "utkast.yaml")) == 0  # outside data/meetings/: written
    err = " ".join(capsys.readouterr().err.split())
    assert "do not move it to data/meetings/" in err and "move it to" not in err.replace("do not move it to", ""), err


def test_import_refuses_a_documentation_data_has_as_a_meeting_s_source_into_data_meetings(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = project / "data" / "sources" / "sakrad-2017-12-12-integration.txt"
    out = project / "data" / "meetings" / "utkast.yaml"
    capsys.readouterr()
    assert main(["-C", str(project), "import", str(text), "--out", str(out)]) == 2
    assert not out.exists() and "2017-12-12-integration.yaml" in capsys.readouterr().err
