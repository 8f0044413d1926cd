"""Importing the whole listing reports, for a page already in data/, only facts the data lacks: areas a
page states in words the data records as presentations ("Vid mötet kommer fondens regelverk, … att
presenteras kort", "Vid mötet gavs information om processen kring granskningen …") are recorded, not
missing, while an area the data holds nowhere is still reported."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from sakrad_ld.cli import main
from sakrad_ld.corpus import load_corpus
from sakrad_ld.importer.batch import _would_add
from sakrad_ld.records import Text

PAGES = {
    "2024-11-04-social-klimatplan": "sakrad/2024/10/samrad-om-eus-sociala-klimatfond",
    "2025-05-22-cerd-handlingsplan": "sakrad-infor-dialog-med-fns",
}


def test_the_listing_reports_no_area_the_data_records_as_presentations(
    shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], root: Path
) -> None:
    regeringen = shared / "regeringen"
    args = ["--listing", str(regeringen / "listing.json"), "--pages", str(regeringen / "pages")]
    assert main(["-C", str(root), "import", *args, "--out-dir", str(tmp_path / "drafts")]) == 0
    lines = capsys.readouterr().out.splitlines()
    for meeting, page in PAGES.items():
        said = [line for line in lines if f"data/meetings/{meeting}.yaml" in line and page in line]
        assert said and all(line.endswith("would add: nothing") for line in said), lines


def test_an_area_the_data_holds_nowhere_is_still_reported(root: Path) -> None:
    known = next(m for m in load_corpus(root / "data").meetings if m.id == "2024-11-04-social-klimatplan")
    presented = [Text("fondens regelverk"), Text("Konjunkturinstitutets rapport")]
    draft = dataclasses.replace(known, announced_discussion_areas=presented)
    assert "announced_discussion_areas" not in _would_add(draft, known)
    draft = dataclasses.replace(known, announced_discussion_areas=[*presented, Text("skatten på bensin")])
    assert "announced_discussion_areas" in _would_add(draft, known)
    draft = dataclasses.replace(known, discussion_areas=[Text("fondens regelverk")])
    assert "discussion_areas" not in _would_add(draft, known)
