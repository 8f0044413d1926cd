"""A build killed at any moment (SIGKILL: no clean-up runs) leaves ``--out`` naming a complete
release, the old one or the new one, and the next build removes what the killed one left.

The moments are chosen two ways: at each stage of the build and at each step of publishing (the
build kills itself there, so the moment is exact), and at fractions of a measured build of the
command line (so the moments fall wherever they fall).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import copy_project

from sakrad_ld import folders, processes, release
from sakrad_ld.project import Project
from sakrad_ld.release import write_release

#: Build stages (progress names) at whose first report the build is killed.
STAGES = ["load", "validate", "write", "meetings", "checksums"]
#: Steps of publishing at whose n-th call the build is killed: (module, function, n).
STEPS = [
    (folders.os, "rename", 1),
    (folders.os, "symlink", 1),
    (folders.os, "replace", 1),
    (folders.shutil, "rmtree", 1),
    (folders, "make_readable", 1),
    (folders.os, "rename", 2),
]


def verified(out: Path) -> bytes:
    """The checksum file of the complete release at ``out``, after checking every file against
    it and that it lists every file (``sha256sum -c`` and more)."""
    assert out.is_dir(), f"{out} is not a release"
    sums = (out / "SHA256SUMS").read_bytes()
    listed = set()
    for line in sums.decode().splitlines():
        digest, name = line.split("  ", 1)
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest, name
        listed.add(name)
    present = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()} - {"SHA256SUMS"}
    assert present == listed
    return sums


def _new_version(project: Path) -> None:
    """Changes the data so that the next release differs from the last."""
    dataset = project / "data" / "dataset.yaml"
    text, n = re.subn(r"(?m)^version: (.*)$", r"version: \1-next", dataset.read_text(encoding="utf-8"), count=1)
    assert n == 1
    dataset.write_text(text, encoding="utf-8")


def _killed_at(arm: Callable[[], Callable[[str, int, int], None]], project: Path, out: Path) -> int:
    """Runs a build in a forked process that ``arm`` prepares (it returns the progress callback);
    returns the signal that ended it."""
    pid = os.fork()
    if pid == 0:
        try:
            processes.MIN_ITEMS_PER_PROCESS = 1  # the meetings' documents written by two processes,
            release.SMALL_CORPUS = 1  # as a large corpus's are
            write_release(Project.at(project), out, arm(), workers=2)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    return os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _at_stage(stage: str) -> Callable[[], Callable[[str, int, int], None]]:
    def arm() -> Callable[[str, int, int], None]:
        def progress(name: str, done: int, total: int) -> None:
            if name == stage:
                _die()

        return progress

    return arm


def _at_step(module: object, name: str, nth: int) -> Callable[[], Callable[[str, int, int], None]]:
    def arm() -> Callable[[str, int, int], None]:
        real, calls = getattr(module, name), [0]

        def step(*args, **kwargs):
            calls[0] += 1
            if calls[0] == nth:
                _die()
            return real(*args, **kwargs)

        setattr(module, name, step)
        return lambda *_: None

    return arm


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path, bytes, bytes]:
    """A folder ``before`` with two releases at ``dist`` (the current one and an older one), two
    projects whose data differ (the current release's, and the next), and their checksums."""
    root = tmp_path_factory.mktemp("kill")
    zero, first, second = (copy_project(root / name) for name in ("zero", "first", "second"))
    _new_version(second)
    _new_version(zero)
    _new_version(zero)
    before = root / "before"
    write_release(Project.at(zero), before / "dist")
    old = verified(write_release(Project.at(first), before / "dist").out)
    new = verified(write_release(Project.at(second), root / "new").out)
    assert old != new
    return before, first, second, old, new


MOMENTS = [(f"stage-{s}", _at_stage(s)) for s in STAGES] + [
    (f"{m.__name__.rsplit('.', 1)[-1]}.{f}-{n}", _at_step(m, f, n)) for m, f, n in STEPS
]


@pytest.mark.parametrize("arm", [a for _, a in MOMENTS], ids=[i for i, _ in MOMENTS])
def test_a_killed_build_leaves_the_old_or_the_new_release(
    arm, versions: tuple[Path, Path, Path, bytes, bytes], tmp_path: Path
) -> None:
    before, _, second, old, new = versions
    shutil.copytree(before, tmp_path, symlinks=True, dirs_exist_ok=True)  # the current release and an older one
    out = tmp_path / "dist"
    assert verified(out) == old and len(list((tmp_path / "dist.releases").iterdir())) == 3
    assert _killed_at(arm, second, out) == signal.SIGKILL
    assert verified(out) in (old, new)
    # the next build publishes the new release and leaves nothing of the killed one
    assert verified(write_release(Project.at(second), out).out) == new
    store = tmp_path / "dist.releases"
    assert [p.name for p in store.iterdir() if p.name.endswith((".tmp", ".del"))] == []
    assert len([p for p in store.iterdir() if p.is_dir()]) <= 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist", "dist.releases"]


def test_a_build_killed_before_its_first_release_leaves_none_or_a_complete_one(
    versions: tuple[Path, Path, Path, bytes, bytes], tmp_path: Path
) -> None:
    _, first, _, old, _ = versions
    for n, (_, arm) in enumerate(MOMENTS):
        out = tmp_path / f"dist{n}"
        assert _killed_at(arm, first, out) in (0, signal.SIGKILL)  # some steps come only with an earlier release
        assert (not out.exists() and not out.is_symlink()) or verified(out) == old


def _our_processes(marker: str) -> list[int]:
    """Processes whose command line holds ``marker`` (a build and the writers it forked)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes()
                state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
            except OSError:
                continue
            if marker.encode() in cmdline and state != "Z":
                found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc to find the build's processes")
def test_killing_the_command_at_any_moment_leaves_a_complete_release(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    out = tmp_path / "dist"

    def command(out: Path) -> list[str]:
        return [sys.executable, "-m", "sakrad_ld", "-C", str(project), "build", "--out", str(out)]

    subprocess.run(command(out), check=True, capture_output=True, timeout=300)
    old = verified(out)
    _new_version(project)
    started = time.monotonic()
    subprocess.run(command(tmp_path / "reference"), check=True, capture_output=True, timeout=300)
    duration = time.monotonic() - started
    new = verified(tmp_path / "reference")
    for fraction in (0.2, 0.5, 0.7, 0.85, 0.95):
        build = subprocess.Popen(command(out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(duration * fraction)
        build.kill()
        build.wait()
        assert verified(out) in (old, new)
        for _ in range(1200):  # the writers it forked end with it (bounded wait: 120 s, a busy machine)
            if not _our_processes(str(out)):
                break
            time.sleep(0.1)
        assert _our_processes(str(out)) == []
    subprocess.run(command(out), check=True, capture_output=True, timeout=300)
    assert verified(out) == new
    assert not [p for p in (tmp_path / "dist.releases").iterdir() if p.name.endswith((".tmp", ".del"))]
