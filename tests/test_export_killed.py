"""An export killed at any moment (SIGKILL: no clean-up runs) leaves its ``.<out>.*.tmp`` folder; the
next export removes it, and only what a killed run of its own kind left: never a folder another
running export holds, nor anything of another name. And a command that says "nothing was written"
leaves nothing: no file, no temporary and no folder it made for its ``--out``, on a full disk
(ENOSPC) or a refused write (EACCES), injected as in ``test_hostile_full_disk.py``."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from test_hostile_full_disk import _fault

from sakrad_ld import folders
from sakrad_ld.cli import main
from sakrad_ld.folders import remove_leftovers, replacing
from sakrad_ld.web.static import export_site

SEED = "2017-12-12-integration"
FAULTS = [(at, code) for at in ("write", "close", "rename") for code in (errno.ENOSPC, errno.EACCES)]
IDS = [f"{a}-{errno.errorcode[c]}" for a, c in FAULTS]


def _beside(out: Path) -> list[str]:
    """What is beside ``out`` that an export of ``out`` names (its temporary and old folders)."""
    return sorted(n for n in os.listdir(out.parent) if n.startswith(f".{out.name}."))


def _files(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*") if p.is_file()}


def _killed_export(release: Path, out: Path, stage: str, n: int, workers: int) -> int:
    """Exports by ``workers`` processes, in a forked process that kills itself (SIGKILL) at the first
    report of ``stage`` with ``n`` or more done (by two processes, the pages are reported two at a
    time); returns the signal that ended it."""
    pid = os.fork()
    if pid == 0:
        try:

            def progress(at: str, done: int, total: int) -> None:
                if at == stage and done >= n:
                    os.kill(os.getpid(), signal.SIGKILL)

            export_site(release, out, progress, workers=workers)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    return os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0


@pytest.mark.parametrize("workers", [1, 2])
def test_a_killed_exports_folder_is_removed_by_the_next(release: Path, tmp_path: Path, workers: int) -> None:
    """Killed with its pages written by this process alone, and by two (the other one forked)."""
    out = tmp_path / "web" / "site"
    export_site(release, out)
    before = _files(out)
    for stage, n in (("minted", 1), ("pages", 1), ("pages", 40)):
        assert _killed_export(release, out, stage, n, workers) == signal.SIGKILL
        assert _files(out) == before  # the site is intact
        assert len([n for n in _beside(out) if n.endswith(".tmp")]) == 1  # the last kill's: the earlier removed
    export_site(release, out)
    assert _beside(out) == [] and _files(out) == before


def test_an_export_killed_by_the_command_line_is_cleaned_up(release: Path, tmp_path: Path) -> None:
    """``sakrad-ld export`` killed with ``kill -9`` once its folder has files, then run again."""
    out = tmp_path / "site"
    command = [sys.executable, "-m", "sakrad_ld", "export", "--release", str(release), "--out", str(out)]
    for _ in range(2):
        before = set(_beside(out))  # the folder the kill before left, if any
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            while True:  # until its own folder holds the release's copy: no deadline, it either gets there or ends
                # its own is a new ``.tmp``: the folder the kill before left is renamed ``….tmp.del`` while it
                # is removed, which holds the release's copy too (and is gone once the export writes its own)
                new = [
                    n
                    for n in _beside(out)
                    if n not in before and n.endswith(".tmp") and (tmp_path / n / "download").is_dir()
                ]
                if new:
                    break
                assert process.poll() is None, "the export ended before it could be killed"
                time.sleep(0.01)
            process.send_signal(signal.SIGKILL)
        finally:
            process.wait()
        assert process.returncode == -signal.SIGKILL
        assert _beside(out) == new and not out.exists()  # the kill's folder: the one before it removed
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert _beside(out) == [] and (out / "index.html").is_file()


def test_a_running_exports_folder_and_other_names_are_kept(tmp_path: Path) -> None:
    out = tmp_path / "site"
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # another export, running: its folder is locked while it lives
        try:
            os.close(read)
            with folders._own(tmp_path, ".site.", ".tmp") as held:
                os.write(write, held.name.encode())
                time.sleep(600)
        finally:
            os._exit(0)
    os.close(write)
    running = os.read(read, 100).decode()
    os.close(read)
    try:
        stale = Path(tempfile.mkdtemp(prefix=".site.", suffix=".tmp", dir=tmp_path))  # a killed export's
        (stale / "index.html").write_text("half", encoding="utf-8")
        halfway = Path(tempfile.mkdtemp(prefix=".site.", suffix=".tmp", dir=tmp_path)).rename(
            tmp_path / f"{stale.name[:-4]}x.tmp.del"
        )  # wrong name: not one an export gives
        others = [".site.backup.tmp", ".sites.abcdefgh.tmp", ".site.abcdefgh.tmp.bak", "site.abcdefgh.tmp"]
        for name in others:
            (tmp_path / name).mkdir()
        (tmp_path / ".site.abcdefgz.tmp").write_text("a file, not a folder", encoding="utf-8")
        (tmp_path / ".site.abcdefgy.tmp").symlink_to(tmp_path / ".site.backup.tmp")
        assert remove_leftovers(out) == [stale]
        left = sorted(os.listdir(tmp_path))
        assert running in left and stale.name not in left and halfway.name in left
        assert all(name in left for name in [*others, ".site.abcdefgz.tmp", ".site.abcdefgy.tmp"])
    finally:
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
    assert remove_leftovers(out) == [tmp_path / running]  # its process is gone: a leftover now


def test_a_site_stranded_between_the_two_renames_is_put_back(tmp_path: Path) -> None:
    out = tmp_path / "site"
    old = Path(tempfile.mkdtemp(prefix=".site.", suffix=".old", dir=tmp_path))
    (old / "site").mkdir()
    (old / "site" / "index.html").write_text("the site", encoding="utf-8")
    new = Path(tempfile.mkdtemp(prefix=".site.", suffix=".tmp", dir=tmp_path))
    with replacing(out) as tmp:
        assert (out / "index.html").read_text(encoding="utf-8") == "the site"  # put back first
        (tmp / "index.html").write_text("the new site", encoding="utf-8")
    assert (out / "index.html").read_text(encoding="utf-8") == "the new site"
    assert not old.exists() and not new.exists() and _beside(out) == []


@pytest.mark.parametrize(("at", "code"), FAULTS, ids=IDS)
def test_schema_out_on_a_full_disk_leaves_no_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], at: str, code: int
) -> None:
    out = tmp_path / "a" / "b" / "schema"
    _fault(monkeypatch, at, code)
    assert main(["schema", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"error: {out}{os.sep}" in err and f"{os.strerror(code)}; nothing was written" in err, err
    assert os.listdir(tmp_path) == []  # no a/b/schema/, no a/
    monkeypatch.undo()
    assert main(["schema", "--out", str(out)]) == 0 and len(os.listdir(out)) > 3


def test_schema_out_where_no_folder_can_be_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "a" / "schema"
    real = Path.mkdir

    def mkdir(self: Path, *args: object, **kwargs: object) -> None:
        if self == out:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "mkdir", mkdir)
    assert main(["schema", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"error: {out}: {os.strerror(errno.EACCES)}; nothing was written" in err, err
    assert os.listdir(tmp_path) == []  # a/, made first, removed again
    (tmp_path / "file").write_text("", encoding="utf-8")
    assert main(["schema", "--out", str(tmp_path / "file")]) == 2  # a file where the folder goes
    assert "nothing was written" in capsys.readouterr().err and os.listdir(tmp_path) == ["file"]


@pytest.mark.parametrize(("at", "code"), FAULTS, ids=IDS)
def test_import_out_dir_on_a_full_disk_leaves_no_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], at: str, code: int
) -> None:
    here = Path(__file__).parent / "import" / "regeringen"
    case = here / "cases" / "mentions-only"
    cases = sorted(p for p in (here / "cases").iterdir() if (p / "listing.json").is_file())
    out = tmp_path / "a" / "drafts"
    for case in cases:  # the first listing that drafts something
        args = ["-C", str(here / "project"), "import", "--listing", str(case / "listing.json")]
        args += ["--pages", str(case / "pages"), "--out-dir", str(out)]
        if main(args) == 0 and out.is_dir() and os.listdir(out):
            break
    else:
        pytest.fail("no listing drafts a meeting")
    capsys.readouterr()
    for path in sorted(out.iterdir()):
        path.unlink()
    out.rmdir()
    out.parent.rmdir()
    _fault(monkeypatch, at, code)
    assert main(args) == 2
    err = capsys.readouterr().err
    assert f"{os.strerror(code)}; nothing was written" in err and "Traceback" not in err, err
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize(("at", "code"), [("write", errno.ENOSPC), ("close", errno.EACCES)], ids=["ENOSPC", "EACCES"])
def test_export_on_a_full_disk_leaves_no_folder(
    release: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    at: str,
    code: int,
) -> None:
    out = tmp_path / "a" / "b" / "site"
    _fault(monkeypatch, at, code)
    assert main(["export", "--release", str(release), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{os.strerror(code)}; nothing was exported, the site at {out} was not changed" in err, err
    assert os.listdir(tmp_path) == []  # no a/b/, no .site.*.tmp


def test_a_refused_release_leaves_no_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "release").mkdir()
    out = tmp_path / "a" / "site"
    assert main(["export", "--release", str(tmp_path / "release"), "--out", str(out)]) == 2
    assert "error:" in capsys.readouterr().err
    assert os.listdir(tmp_path) == ["release"]


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EACCES], ids=["ENOSPC", "EACCES"])
def test_a_first_build_that_fails_leaves_nothing(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], code: int
) -> None:
    def publish(self: folders.ReleaseFolders, tmp: Path) -> Path:
        assert (tmp / "SHA256SUMS").is_file()  # every file written, then the disk is full
        raise OSError(code, os.strerror(code), str(tmp / "SHA256SUMS"))

    monkeypatch.setattr(folders.ReleaseFolders, "publish", publish)
    out = tmp_path / "a" / "b" / "dist"
    assert main(["-C", str(root), "build", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{os.strerror(code)}; the release at {out} was not changed" in err, err
    assert os.listdir(tmp_path) == []  # no dist.releases/ with its lock, no a/b/
    monkeypatch.undo()
    assert main(["-C", str(root), "build", "--out", str(out)]) == 0
    assert sorted(os.listdir(out.parent)) == ["dist", "dist.releases"] and (out / "SHA256SUMS").is_file()


def test_without_flock_nothing_is_taken_for_a_leftover(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def flock(fd: int, operation: int) -> None:
        raise OSError(errno.ENOLCK, os.strerror(errno.ENOLCK))

    monkeypatch.setattr(folders.fcntl, "flock", flock)
    out = tmp_path / "site"
    other = Path(tempfile.mkdtemp(prefix=".site.", suffix=".tmp", dir=tmp_path))  # perhaps a running export's
    with replacing(out) as tmp:
        (tmp / "index.html").write_text("the site", encoding="utf-8")
    assert (out / "index.html").read_text(encoding="utf-8") == "the site"
    assert _beside(out) == [other.name]
