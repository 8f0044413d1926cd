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


def _laughs(depth: int) -> str:
    """A register whose one record holds 2**depth fields through nested pairs of aliases."""
    lines = ["a0: &a0 {x: y}"]
    lines += [f"a{i}: &a{i} {{k0: *a{i - 1}, k1: *a{i - 1}}}" for i in range(1, depth + 1)]
    return "\n".join([*lines, "organisations:", f"  - {{name: Skyddsvärnet, number: '802003-0832', deep: *a{depth}}}"])


def test_a_yaml_register_of_nested_aliases_is_refused_before_its_fields_are_walked(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """24 nested pairs of aliases are 16 million fields of one record, which a walk of the record's
    fields would follow one by one; the register is refused at its first alias instead."""
    register = tmp_path / "laughs.yaml"
    register.write_text(_laughs(24) + "\n", encoding="utf-8")
    out = tmp_path / "p.yaml"
    assert main(["-C", str(root), "links", "reconcile", "--register", str(register), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{register}:2: " in err and "a YAML alias (*name) repeats a value" in err, err[:2000]
    assert "Traceback" not in err and not out.exists()


def test_a_yaml_register_past_the_depth_limit_is_refused_at_its_line(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = tmp_path / "deep.yaml"
    register.write_text(
        "organisations:\n  - name: Skyddsvärnet\n    number: '802003-0832'\n    deep: "
        + "{a: " * 200
        + "x"
        + "}" * 200
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "p.yaml"
    assert main(["-C", str(root), "links", "reconcile", "--register", str(register), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{register}:4: " in err and "nest" in err, err[:2000]
    assert "Traceback" not in err and not out.exists()
