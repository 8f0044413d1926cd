"""The load warnings a build reports are found beside it (a process of their own on an idle core)
and are the same as :func:`sakrad_ld.dated.load_warnings` of the corpus, found here."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import fixture_project

from sakrad_ld import processes, release
from sakrad_ld.cli import main
from sakrad_ld.corpus import load_corpus
from sakrad_ld.dated import load_warnings
from sakrad_ld.errors import ReleaseError
from sakrad_ld.project import Project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return fixture_project(tmp_path / "project")


@pytest.mark.parametrize("idle", [0, 1])
def test_the_warnings_found_beside_the_build_are_those_found_here(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, idle: int
) -> None:
    monkeypatch.setattr(release, "idle_cores", lambda: idle)
    result = release.write_release(Project(project), tmp_path / "out", workers=None, warnings_beside=True)
    assert result.corpus is not None
    assert (result.cautions is not None) == (idle > 0 and release.cores() > 1)
    beside = [str(w) for w in result.load_warnings()]
    here = [str(w) for w in load_warnings(result.corpus)]
    assert beside == here and here  # the fixture has a stated date without a kept text


def test_a_build_counts_the_warnings_found_beside_it(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(release, "idle_cores", lambda: 1)
    assert main(["-C", str(project), "build", "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    count = len(load_warnings(load_corpus(project / "data")))
    assert f"warning: {count} fact(s) loading cannot confirm" in err and "Traceback" not in err


def test_a_build_that_is_refused_leaves_no_process_finding_warnings(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(release, "idle_cores", lambda: 1)
    made = []
    real = release.prepared

    def watched(*args, **kwargs):
        made.append(real(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr(release, "prepared", watched)
    monkeypatch.setattr(release.ReleaseFolders, "new", lambda self: (_ for _ in ()).throw(OSError(28, "No space")))
    with pytest.raises(ReleaseError):
        release.write_release(Project(project), tmp_path / "out", workers=2, warnings_beside=True)
    assert len(made) == 2  # the catalogue's checker and the warnings
    assert all(p._pid is None for p in made)  # each stopped (killed and waited for), none left running


def test_a_killed_warnings_process_does_not_fail_a_build_that_wrote_its_release(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The release is published before the warnings are asked for: a process beside the build that
    died (killed, out of memory) has its warnings found here instead, and the build says it wrote."""
    import os
    import signal

    monkeypatch.setattr(release, "idle_cores", lambda: 1)
    monkeypatch.setattr(release, "cores", lambda: 2)
    monkeypatch.setattr(processes, "cores", lambda: 2)  # forking works on one core too: the build forks as on two
    real = release.prepared
    killed = []

    def killing(*args, **kwargs):
        made = real(*args, **kwargs)
        if made._pid is not None and len(killed) == 0 and "_load_warnings" in repr(args[0]):
            os.kill(made._pid, signal.SIGKILL)
            killed.append(made._pid)
        return made

    monkeypatch.setattr(release, "prepared", killing)
    assert main(["-C", str(project), "build", "--out", str(tmp_path / "out")]) == 0
    assert killed  # the warnings' process was made, and killed
    said = capsys.readouterr()
    count = len(load_warnings(load_corpus(project / "data")))
    assert f"warning: {count} fact(s) loading cannot confirm" in said.err and "Wrote the release" in said.out
    assert "ended with" not in said.err and "Traceback" not in said.err
