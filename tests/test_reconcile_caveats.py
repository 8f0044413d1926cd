"""A register extract's free-text note beside an entry ("Numret är inte bekräftat", "troligen fel
nummer", "the 90-konto is marked retired") is a caveat: it keeps the candidate unaccepted, quoted in its
reasons, and is never read as the entry's status; "Under likvidation" and "konkurs" mark an entry ended
(docs/reconcile.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sakrad_ld.cli import main
from sakrad_ld.registers.status import caveats, entry_status


def test_a_note_is_a_caveat_not_a_status() -> None:
    row = {
        "orgnr": "802018-0488",
        "name": "Forum",
        "notes": "the 90-konto is marked retired, so confirm against Skatteverket before publishing",
    }
    assert entry_status(row, "Forum", ("orgnr", "name")) is None
    assert caveats(row) == (("notes", row["notes"]),)


def test_liquidation_and_bankruptcy_end_an_entry() -> None:
    for status in ("Under likvidation", "konkurs"):
        found = entry_status({"status": status}, "Svenska Röda Korsets Centralstyrelse")
        assert found is not None and found.kind == "retired", status


def test_a_candidate_with_a_note_is_not_accepted_and_quotes_it(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Frälsningsarmén, by the name data/ gives it, with the number data/ records: the one doubt is the note."""
    note = "osäker uppgift, troligen fel nummer"
    extract = tmp_path / "extract.yaml"
    rows = [{"orgNumber": "802006-1688", "orgName": "Frälsningsarmén", "anmärkning": note}]
    extract.write_text(yaml.safe_dump({"organisations": rows}, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "proposals.yaml"
    assert main(["-C", str(root), "links", "reconcile", "--register", str(extract), "--out", str(out)]) == 0
    proposals = yaml.safe_load(out.read_text(encoding="utf-8"))["organisations"]
    (mine,) = [p for p in proposals if p["id"] == "fralsningsarmen"]
    (candidate,) = mine["candidates"]
    assert candidate["accepted"] is False and candidate["register_status"] == "current", candidate
    assert candidate["reasons"] == [
        f"the extract notes beside the entry (anmärkning: {note!r}): a caveat a person must judge"
    ], candidate


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("ändamål", "Stöd till personer i konkurs och skuldsanering"),
        ("description", "Advice on bankruptcy and debt"),
        ("verksamhet", "Rådgivning vid likvidation av föreningar"),
        ("purpose", "Help for members of companies in liquidation"),
    ],
)
def test_a_proceeding_an_organisation_works_on_is_no_status(field: str, value: str) -> None:
    """Only the register's status (or a name's parentheses) says an entry is in liquidation or bankrupt."""
    row = {"name": "Skuldstiftelsen", "orgnr": "802000-0000", field: value}
    assert entry_status(row, row["name"], ("name", "orgnr")) is None
    found = entry_status({"name": "Föreningen X (i likvidation)"}, "Föreningen X (i likvidation)", ("name",))
    assert found is not None and found.kind == "retired"
