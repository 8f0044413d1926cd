"""`links reconcile --out` on a full disk: the error names the file, exit 2, and no empty or cut-off
file (nor a temporary) is left; an earlier file there stays as it was."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from test_hostile_full_disk import FAULTS, _Full, _left

from sakrad_ld.cli import main


def _fault(monkeypatch: pytest.MonkeyPatch, at: str, code: int) -> None:
    """A full disk for the files written: os.replace fails at "rename"; a file os.fdopen opens for
    writing fails at its write or close. os.fdopen keeps its real signature (``closefd``,
    ``buffering`` …) and opens files read as it always does, so only writing meets the full disk."""
    if at == "rename":

        def replace(src: object, dst: object) -> None:
            raise OSError(code, os.strerror(code))

        monkeypatch.setattr(os, "replace", replace)
        return
    real = os.fdopen

    def fdopen(fd: int, mode: str = "r", *args: object, **kwargs: object) -> object:
        if any(c in mode for c in "wax+"):
            return _Full(fd, at, code)
        return real(fd, mode, *args, **kwargs)

    monkeypatch.setattr(os, "fdopen", fdopen)


def _register(tmp_path: Path) -> Path:
    path = tmp_path / "register.csv"
    path.write_text("name,orgnr\nFrälsningsarmén,802006-1688\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("at", "code"), FAULTS, ids=[f"{a}-{errno.errorcode[c]}" for a, c in FAULTS])
def test_reconcile_out_on_a_full_disk_names_the_file_and_leaves_what_was_there(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], at: str, code: int
) -> None:
    register = _register(tmp_path)
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "proposals.yaml"
    args = ["-C", str(root), "links", "reconcile", "--register", str(register), "--out", str(out)]
    _fault(monkeypatch, at, code)
    assert main(args) == 2
    err = capsys.readouterr().err
    assert f"error: {out}: {os.strerror(code)}; nothing was written" in err, err
    assert "Traceback" not in err and _left(folder) == []
    out.write_text("# reviewed\n", encoding="utf-8")
    assert main(args) == 2
    assert out.read_text(encoding="utf-8") == "# reviewed\n" and _left(folder) == ["proposals.yaml"]
    monkeypatch.undo()
    assert main(args) == 0
    assert "Frälsningsarmén" in out.read_text(encoding="utf-8") and _left(folder) == ["proposals.yaml"]
