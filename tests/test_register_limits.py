"""`links reconcile --register` on a CSV with a field over the csv module's limit: exit 2 naming the
file and line, no traceback (the RDF/XML entity case is in tests/reconcile/bad/cases.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sakrad_ld.cli import main


def test_a_csv_field_over_the_limit_is_named_with_its_line(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = tmp_path / "big.csv"
    register.write_text("name,number\nSkyddsvärnet,802003-0832\nbig," + "x" * 500_000 + "\n", encoding="utf-8")
    out = tmp_path / "p.yaml"
    assert main(["-C", str(root), "links", "reconcile", "--register", str(register), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{register}:3: cannot read the row as CSV (field larger than field limit" in err
    assert "Traceback" not in err and not out.exists()
