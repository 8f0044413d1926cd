"""A long build shows its progress (stage, items done of total) on a terminal, and nothing in logs or CI."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate import generate  # noqa: E402

from sakrad_ld.cli import _progress  # noqa: E402
from sakrad_ld.project import Project  # noqa: E402
from sakrad_ld.release import write_release  # noqa: E402

MEETINGS = 12


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("progress") / "project", MEETINGS, seed=3)


def test_long_stages_report_items_done_of_total(synthetic: Path, tmp_path: Path) -> None:
    calls: list[tuple[str, int, int]] = []
    result = write_release(Project.at(synthetic), tmp_path / "dist", lambda *call: calls.append(call))
    assert result.out is not None, result.report.text("en")
    for stage in ("load", "graph", "meetings"):
        seen = [(done, total) for s, done, total in calls if s == stage and done]
        assert seen == [(n, MEETINGS) for n in range(1, MEETINGS + 1)], (stage, seen)
    stages = list(dict.fromkeys(s for s, _, _ in calls))
    assert stages.index("load") < stages.index("graph") < stages.index("validate") < stages.index("meetings")


def test_progress_is_shown_on_a_terminal(synthetic: Path, tmp_path: Path) -> None:
    leader, follower = pty.openpty()
    try:
        with os.fdopen(follower, "w", closefd=False) as terminal:
            show = _progress(terminal)
            write_release(Project.at(synthetic), tmp_path / "dist", show)
        os.set_blocking(leader, False)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except BlockingIOError:
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(leader)
        os.close(follower)
    text = shown.decode()
    assert f"meetings: {MEETINGS}/{MEETINGS}" in text and f"load: {MEETINGS}/{MEETINGS}" in text
    assert "\r" in text


def test_progress_is_silent_when_not_a_terminal(synthetic: Path, tmp_path: Path) -> None:
    log = io.StringIO()
    write_release(Project.at(synthetic), tmp_path / "dist", _progress(log))
    assert log.getvalue() == ""


def test_build_in_ci_writes_no_progress(synthetic: Path, tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "sakrad_ld", "-C", str(synthetic), "build", "--out", str(tmp_path / "dist")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "\r" not in run.stderr and "meetings:" not in run.stderr and "load:" not in run.stderr
    assert f"Wrote the release of {MEETINGS} meeting(s)" in run.stdout
