"""No ``--out``, kill or second build loses a release.

A release is published as ``OUT`` → a link to ``OUT.releases/<name>``. For each state of those
folders a user can reach (``OUT`` missing, a link into its store, a folder an earlier version wrote
in place, a link elsewhere or to nothing, a file; the store with a killed build's leftovers, with
someone else's folder, a file or a link; ``--out`` naming the store or the folder ``OUT`` leads to;
two builds at once), the release published before stays whole (every file matches its
``SHA256SUMS``) and the build either publishes the next one or is refused with exit 2, naming
``--out``, before anything is made.

Then the command is killed (SIGKILL: nothing of it runs after) at states observed while it runs:
at each stage its progress names (read from the terminal it writes to, as a person sees it) and
when its new release folder appears in the store. ``OUT`` still gives the previous release whole
or the new one, and the next build publishes the new one. A moment the build passed before it was
seen is tried again, and skipped with the reason when it never was.
"""

from __future__ import annotations

import hashlib
import os
import pty
import re
import select
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import fixture_project

from sakrad_ld.cli import main
from sakrad_ld.folders import ReleaseFolders
from sakrad_ld.project import Project
from sakrad_ld.release import write_release


def whole(folder: Path) -> bytes:
    """The checksum file of the complete release in ``folder``, after checking that every file
    matches it and that it lists every file."""
    assert folder.is_dir(), f"{folder} is not a release"
    sums = (folder / "SHA256SUMS").read_bytes()
    listed = set()
    for line in sums.decode().splitlines():
        digest, name = line.split("  ", 1)
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, f"{folder}: {name}"
        listed.add(name)
    present = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert present - {"SHA256SUMS"} == listed, folder
    return sums


def _name(sums: bytes) -> str:
    """The name of the folder a release with the checksums ``sums`` has in its store."""
    return hashlib.sha256(sums).hexdigest()[:16]


def _next_version(project: Path) -> None:
    dataset = project / "data" / "dataset.yaml"
    text, n = re.subn(r"(?m)^version: (.*)$", r"version: \1-next", dataset.read_text(encoding="utf-8"), count=1)
    assert n == 1
    dataset.write_text(text, encoding="utf-8")


class Versions:
    """Two projects whose releases differ, and a folder ``template`` with ``OUT`` published from
    the first over an older release (the store holds both)."""

    def __init__(self, root: Path) -> None:
        older, self.first, self.second = (fixture_project(root / n) for n in ("older", "first", "second"))
        _next_version(older)
        _next_version(older)
        _next_version(self.second)
        self.template = root / "template"
        write_release(Project.at(older), self.template / "OUT")
        self.old = whole(write_release(Project.at(self.first), self.template / "OUT").out)
        self.reference = root / "reference"  # OUT published from the second alone
        self.new = whole(write_release(Project.at(self.second), self.reference).out)
        assert self.old != self.new

    def copy(self, where: Path) -> Path:
        """A copy of the template in ``where`` (links kept as links); returns its ``OUT``."""
        shutil.copytree(self.template, where, symlinks=True, dirs_exist_ok=True)
        return where / "OUT"

    def kept_old(self, out: Path) -> None:
        """The old release is whole in the store of ``out``, under its name."""
        assert whole(ReleaseFolders(out).store / _name(self.old)) == self.old


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> Versions:
    return Versions(tmp_path_factory.mktemp("store"))


def _build(project: Path, out: Path | str) -> int:
    return main(["-C", str(project), "build", "--out", str(out)])


def _listing(folder: Path) -> dict[str, str]:
    """Every path below ``folder``: a link's target, a file's digest, a folder's name."""
    found = {}
    for path in sorted(folder.rglob("*")):
        rel = str(path.relative_to(folder))
        if path.is_symlink():
            found[rel] = "-> " + os.readlink(path)
        elif path.is_file():
            found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            found[rel] = "/"
    return found


# --- each state of OUT and its store --------------------------------------------------------------


def test_out_missing(versions: Versions, tmp_path: Path) -> None:
    assert _build(versions.second, tmp_path / "OUT") == 0
    assert whole(tmp_path / "OUT") == versions.new


def test_out_a_link_into_its_store(versions: Versions, tmp_path: Path) -> None:
    out = versions.copy(tmp_path)
    assert _build(versions.second, out) == 0
    assert whole(out) == versions.new
    versions.kept_old(out)  # kept for the readers that opened it before the switch
    assert _build(versions.second, out) == 0  # the same release again: the store is as it was
    assert whole(out) == versions.new
    versions.kept_old(out)


def test_a_build_killed_after_its_switch_keeps_the_previous_release(versions: Versions, tmp_path: Path) -> None:
    """What a build killed after switching ``OUT`` leaves (a busy machine's watcher may see the new
    folder only then): ``OUT`` names the new release, the old one is still in the store (and the
    one before it, as a build that removed older releases after its switch left them). The next
    build publishes the same release again and removes none: the old one stays the previous one."""
    out = versions.copy(tmp_path)
    store = tmp_path / "OUT.releases"
    shutil.copytree(versions.reference.resolve(), store / _name(versions.new))
    (tmp_path / "switched").symlink_to(f"OUT.releases/{_name(versions.new)}")
    os.replace(tmp_path / "switched", out)
    assert whole(out) == versions.new
    assert _build(versions.second, out) == 0
    assert whole(out) == versions.new
    versions.kept_old(out)
    assert _build(versions.first, out) == 0  # the next release that differs keeps only the one it replaces
    assert whole(out) == versions.old
    assert sorted(p.name for p in store.iterdir() if p.name != "lock") == sorted(
        [_name(versions.old), _name(versions.new)]
    )


def test_out_a_folder_an_earlier_version_wrote(versions: Versions, tmp_path: Path) -> None:
    out = tmp_path / "OUT"
    shutil.copytree(versions.template / "OUT", out)  # the release itself at OUT, no link
    assert _build(versions.second, out) == 0
    assert whole(out) == versions.new
    assert whole(tmp_path / "OUT.releases" / "earlier") == versions.old
    assert _build(versions.first, out) == 0  # and the one after: the earlier folder is the older one now
    assert whole(out) == versions.old


def test_out_a_link_to_a_release_elsewhere(versions: Versions, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(versions.template / "OUT", elsewhere)
    (tmp_path / "OUT").symlink_to(elsewhere)
    assert _build(versions.second, tmp_path / "OUT") == 0
    assert whole(tmp_path / "OUT") == versions.new
    assert whole(elsewhere) == versions.old  # the link is replaced; where it led is not touched


def test_out_a_link_to_nothing(versions: Versions, tmp_path: Path) -> None:
    (tmp_path / "OUT").symlink_to("OUT.releases/0123456789abcdef")
    assert _build(versions.second, tmp_path / "OUT") == 0
    assert whole(tmp_path / "OUT") == versions.new


def test_a_store_with_what_killed_builds_left(versions: Versions, tmp_path: Path) -> None:
    out = versions.copy(tmp_path)
    store = tmp_path / "OUT.releases"
    half = store / "new.k1ll3d00.tmp"  # a release being written
    shutil.copytree(out, half / "x")
    (half / "x" / "SHA256SUMS").unlink()
    (store / "link.99999.tmp").symlink_to("OUT.releases/nothing")
    shutil.copytree(out, store / "fedcba9876543210.del")  # a release being removed
    assert _build(versions.second, out) == 0
    assert whole(out) == versions.new
    versions.kept_old(out)
    assert not [p.name for p in store.iterdir() if p.name.endswith((".tmp", ".del"))]


def test_a_store_with_someone_elses_folder_and_link_keeps_them(versions: Versions, tmp_path: Path) -> None:
    out = versions.copy(tmp_path)
    store = tmp_path / "OUT.releases"
    (store / "notes").mkdir()
    (store / "notes" / "mine.txt").write_text("mine\n", encoding="utf-8")
    (store / "pinned").symlink_to(_name(versions.old))
    assert _build(versions.second, out) == 0
    assert _build(versions.first, out) == 0  # twice: the old release is no longer the previous one
    assert whole(out) == versions.old
    assert (store / "notes" / "mine.txt").read_text(encoding="utf-8") == "mine\n"
    assert os.readlink(store / "pinned") == _name(versions.old)


@pytest.mark.parametrize("what", ["file", "fifo"])
def test_out_not_a_folder_is_refused(
    versions: Versions, tmp_path: Path, what: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "OUT"
    if what == "file":
        out.write_text("mine\n", encoding="utf-8")
    else:
        os.mkfifo(out)
    before = _listing(tmp_path)
    assert _build(versions.second, out) == 2
    err = capsys.readouterr().err
    assert f"error: {out} is a file, not a release folder" in err and "--out" in err, err
    assert _listing(tmp_path) == before


@pytest.mark.parametrize("what", ["file", "link to a folder", "link to nothing"])
def test_a_store_that_is_not_a_folder_is_refused(
    versions: Versions, tmp_path: Path, what: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "OUT"
    store = tmp_path / "OUT.releases"
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(versions.template / "OUT", elsewhere / "0123456789abcdef")
    if what == "file":
        store.write_text("mine\n", encoding="utf-8")
    else:  # a build would publish into, and remove releases from, wherever it leads
        store.symlink_to(elsewhere if what == "link to a folder" else tmp_path / "nothing")
    before = _listing(tmp_path)
    assert _build(versions.second, out) == 2
    err = capsys.readouterr().err
    assert f"error: --out {out}: its store of releases {store} is a " in err and "nothing was written" in err, err
    assert _listing(tmp_path) == before
    assert whole(elsewhere / "0123456789abcdef") == versions.old


@pytest.mark.parametrize("given", ["store", "release", "inside the release", "through the link"])
def test_out_in_its_store_is_refused_and_the_next_build_keeps_the_release(
    versions: Versions, tmp_path: Path, given: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--out`` naming the folder ``OUT`` leads to once moved the release from
    under the link, and the next ordinary build removed it, leaving ``OUT`` dangling (exit 0)."""
    out = versions.copy(tmp_path)
    store = tmp_path / "OUT.releases"
    target = {
        "store": store,
        "release": out.resolve(),
        "inside the release": out.resolve() / "meetings",
        "through the link": out / "meetings",
    }[given]
    before = _listing(tmp_path)
    assert _build(versions.second, target) == 2
    err = capsys.readouterr().err
    assert f"error: --out {target}: this folder " in err and f"{store}, the store of the releases" in err, err
    assert f"give --out {out}, the link, instead" in err and "Traceback" not in err
    assert _listing(tmp_path) == before
    assert _build(versions.first, out) == 0
    assert whole(out) == versions.old


def test_a_release_moved_from_under_its_link_is_never_removed(versions: Versions, tmp_path: Path) -> None:
    """What the finding's first build left (published by the library, which the command now refuses):
    ``OUT.releases/<name>`` a link into ``OUT.releases/<name>.releases``. A build of the same data
    into ``OUT`` no longer removes the folder holding the release its link leads to."""
    out = versions.copy(tmp_path)
    real = out.resolve()
    folders = ReleaseFolders(real)
    with folders.locked(), folders.new() as tmp:
        shutil.copytree(real, tmp, dirs_exist_ok=True)
        folders.publish(tmp)
    assert (tmp_path / "OUT.releases" / real.name).is_symlink()  # the state the finding reached
    assert whole(out) == versions.old
    assert _build(versions.first, out) == 0
    assert whole(out) == versions.old
    assert _build(versions.second, out) == 0  # and the next release replaces it as any other
    assert whole(out) == versions.new


def test_two_builds_at_once_take_turns(versions: Versions, tmp_path: Path) -> None:
    out = versions.copy(tmp_path)
    builds = [
        subprocess.Popen(
            [sys.executable, "-m", "sakrad_ld", "-C", str(project), "build", "--out", str(out)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for project in (versions.second, versions.first)
    ]
    for build in builds:
        _, err = build.communicate(timeout=600)
        assert build.returncode == 0, err.decode()
    assert whole(out) in (versions.old, versions.new)
    for sums in (versions.old, versions.new):  # the one published last, and the one before it
        assert whole(tmp_path / "OUT.releases" / _name(sums)) == sums


# --- killed at observed states --------------------------------------------------------------------

#: The stages of the build (as its progress names them) at which it is killed.
STAGES = ["load", "validate", "write", "meetings", "checksums"]
#: How many times a moment is tried before it is skipped as never seen.
TRIES = 4


def _killed_when(command: list[str], seen: Callable[[str], bool]) -> bool:
    """Runs ``command`` (lower priority than this process, its progress on a terminal) and kills it
    with SIGKILL as soon as ``seen(progress)`` is true; whether it was killed before it ended."""
    main_fd, terminal = pty.openpty()
    build = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=terminal,
        start_new_session=True,
        preexec_fn=lambda: os.nice(10),  # this process, which watches, goes first on a busy machine
    )
    os.close(terminal)
    said = b""
    try:
        while build.poll() is None:
            ready, _, _ = select.select([main_fd], [], [], 0.001)
            if ready:
                try:
                    said += os.read(main_fd, 65536)
                except OSError:  # the terminal's other end closed: the build ended
                    pass
            if seen(said.decode(errors="replace")):
                build.kill()
                build.wait()
                return True
        return False
    finally:
        os.close(main_fd)
        try:
            os.killpg(build.pid, signal.SIGKILL)  # what it forked, if anything outlived it
        except ProcessLookupError:
            pass
        build.wait()


def _moments(versions: Versions, out: Path) -> dict[str, Callable[[str], bool]]:
    """What each moment is, read from the progress the build wrote or from the folders."""
    new_folder = ReleaseFolders(out).store / _name(versions.new)
    moments: dict[str, Callable[[str], bool]] = {f"stage {s}": (lambda said, s=s: f"\r{s}: " in said) for s in STAGES}
    moments["new release folder in the store"] = lambda said: os.path.isdir(new_folder)
    return moments


MOMENTS = [f"stage {s}" for s in STAGES] + ["new release folder in the store"]


@pytest.mark.parametrize("moment", MOMENTS)
def test_a_build_killed_at_an_observed_moment_loses_no_release(versions: Versions, tmp_path: Path, moment: str) -> None:
    for attempt in range(TRIES):
        where = tmp_path / str(attempt)
        out = versions.copy(where)
        command = [sys.executable, "-m", "sakrad_ld", "-C", str(versions.second), "build", "--out", str(out)]
        killed = _killed_when(command, _moments(versions, out)[moment])
        assert whole(out) in (versions.old, versions.new)
        if killed:
            break  # else the build passed the moment before it was seen: again
    else:
        pytest.skip(f"the build ended {TRIES} times before '{moment}' was seen (a busy machine)")
    versions.kept_old(out)
    assert _build(versions.second, out) == 0
    assert whole(out) == versions.new
    store = where / "OUT.releases"
    assert not [p.name for p in store.iterdir() if p.name.endswith((".tmp", ".del"))]
    versions.kept_old(out)
