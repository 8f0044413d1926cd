"""The digest of a build's inputs for ``--cache`` (``release._folders_digest``) reads only regular
files, and no more of one than the loader would: a FIFO or a link to ``/dev/zero`` under data/,
which the loader ignores when no record names it, neither hangs nor ends the build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sakrad_ld.corpus import MAX_SHARED_FILE
from sakrad_ld.release import _folders_digest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate import generate  # noqa: E402

SRC = Path(__file__).resolve().parents[1] / "src"


def _build(project: Path, out: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    command = [sys.executable, "-m", "sakrad_ld", "-C", str(project), "build", "--out", str(out)]
    # a hang would raise TimeoutExpired here and fail the test
    return subprocess.run(
        [*command, "--cache", str(cache)], capture_output=True, text=True, env=env, timeout=240, check=False
    )


def test_a_fifo_and_a_link_to_dev_zero_under_data_do_not_stop_a_cached_build(tmp_path: Path) -> None:
    project = generate(tmp_path / "project", 3, seed=5)
    sources = project / "data" / "sources"
    sources.mkdir(exist_ok=True)
    os.mkfifo(sources / "pipe.txt")  # a writer never comes
    (sources / "zero.txt").symlink_to("/dev/zero")
    done = _build(project, tmp_path / "dist", tmp_path / "cache")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "Wrote the release of 3 meeting(s)" in done.stdout + done.stderr
    again = _build(project, tmp_path / "dist", tmp_path / "cache")  # the cached path reads the digest too
    assert again.returncode == 0, again.stderr


def test_what_is_not_read_is_still_named_in_the_digest(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "a.txt").write_text("a", encoding="utf-8")
    before = _folders_digest(folder)
    os.mkfifo(folder / "pipe")
    with_fifo = _folders_digest(folder)
    assert with_fifo != before
    (folder / "pipe").unlink()
    (folder / "pipe").symlink_to("/dev/zero")
    assert _folders_digest(folder) not in {before, with_fifo}  # a device, not a FIFO


def test_a_file_larger_than_the_loader_reads_is_named_by_its_size(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    big = folder / "big.txt"
    with open(big, "wb") as file:
        file.truncate(3 * 2**30)  # sparse: no disk is used, and reading it whole would take seconds
    first = _folders_digest(folder)
    with open(big, "r+b") as file:
        file.truncate(MAX_SHARED_FILE + 1)
    assert _folders_digest(folder) != first
    # a regular file within the limit: its bytes count, as before
    small = tmp_path / "small"
    small.mkdir()
    (small / "x").write_bytes(b"one")
    one = _folders_digest(small)
    (small / "x").write_bytes(b"two")
    assert _folders_digest(small) != one
