"""`import --out` and `schema --out` on a full disk: the error names the file being written, the
exit code is 2, and nothing is left behind (no empty or cut-off file, no temporary), so the next
run is not blocked by an empty ``--out``. The disk is filled by an injected OSError (ENOSPC, and
EIO) at the write, at the close that flushes it, and at the rename."""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path

import pytest

from sakrad_ld.cli import main
from sakrad_ld.importer.written import write_files

SEED = "2017-12-12-integration"


class _Full(io.RawIOBase):
    """A file on a full disk: ``write`` or ``close`` (which flushes) fails with ``code``."""

    def __init__(self, fd: int, at: str, code: int) -> None:
        self.fd, self.at, self.code = fd, at, code

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        if self.at == "write":
            raise OSError(self.code, os.strerror(self.code))
        return os.write(self.fd, bytes(data[:10]))  # a part written, as a disk filling up does

    def close(self) -> None:
        if not self.closed:
            os.close(self.fd)
            super().close()
            if self.at == "close":
                raise OSError(self.code, os.strerror(self.code))


def _fault(monkeypatch: pytest.MonkeyPatch, at: str, code: int) -> None:
    if at == "rename":

        def replace(src: object, dst: object) -> None:
            raise OSError(code, os.strerror(code))

        monkeypatch.setattr(os, "replace", replace)
    else:
        monkeypatch.setattr(os, "fdopen", lambda fd, mode="r": _Full(fd, at, code))


FAULTS = [(at, code) for at in ("write", "close", "rename") for code in (errno.ENOSPC, errno.EIO)]


def _left(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize(("at", "code"), FAULTS, ids=[f"{a}-{errno.errorcode[c]}" for a, c in FAULTS])
def test_import_out_on_a_full_disk_names_the_file_and_leaves_nothing(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], at: str, code: int
) -> None:
    out_dir = tmp_path / "small"
    out_dir.mkdir()
    out = out_dir / "x.yaml"
    args = ["-C", str(root), "import", str(root / "data" / "sources" / f"sakrad-{SEED}.txt"), "--out", str(out)]
    _fault(monkeypatch, at, code)
    assert main(args) == 2
    err = capsys.readouterr().err
    assert f"error: {out}: {os.strerror(code)}; nothing was written" in err, err
    assert "Traceback" not in err
    assert _left(out_dir) == []  # no empty x.yaml, no temporary
    monkeypatch.undo()
    assert main(args) == 0  # the next run is not blocked
    assert out.stat().st_size > 1000 and _left(out_dir) == ["x.yaml"]


@pytest.mark.parametrize(("at", "code"), FAULTS, ids=[f"{a}-{errno.errorcode[c]}" for a, c in FAULTS])
def test_import_over_an_earlier_draft_on_a_full_disk_leaves_it_as_it_was(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], at: str, code: int
) -> None:
    out = tmp_path / "x.yaml"
    out.write_text("# the reviewer's draft\n", encoding="utf-8")
    _fault(monkeypatch, at, code)
    text = root / "data" / "sources" / f"sakrad-{SEED}.txt"
    assert main(["-C", str(root), "import", str(text), "--out", str(out), "--force"]) == 2
    assert f"error: {out}: " in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "# the reviewer's draft\n" and _left(tmp_path) == ["x.yaml"]


@pytest.mark.parametrize(("at", "code"), FAULTS, ids=[f"{a}-{errno.errorcode[c]}" for a, c in FAULTS])
def test_schema_out_on_a_full_disk_names_the_file_and_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], at: str, code: int
) -> None:
    out = tmp_path / "schema2"
    _fault(monkeypatch, at, code)
    assert main(["schema", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"error: {out}{os.sep}" in err and f".schema.json: {os.strerror(code)}; nothing was written" in err, err
    assert not out.exists()  # no empty dataset.schema.json, no temporary, no empty folder
    monkeypatch.undo()
    assert main(["schema", "--out", str(out)]) == 0
    assert _left(out) and all((out / name).stat().st_size > 100 for name in _left(out))


def test_a_rename_failing_after_others_says_how_many_were_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.replace
    calls: list[object] = []

    def replace(src: object, dst: object) -> None:
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", replace)
    files = [(tmp_path / name, name.encode()) for name in ("a", "b", "c")]
    with pytest.raises(OSError) as raised:
        write_files(files)
    assert raised.value.filename == str(tmp_path / "b") and raised.value.errno == errno.ENOSPC
    assert "1 of the 3 files were written before it" in raised.value.strerror
    assert _left(tmp_path) == ["a"]  # no temporary of b or c is left
