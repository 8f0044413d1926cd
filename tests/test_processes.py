"""Work split over processes (``sakrad_ld.processes``): every item done once, a failure reported,
and a release written by two processes byte-identical to one written by one."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest

from sakrad_ld import processes
from sakrad_ld.processes import in_processes
from sakrad_ld.project import Project
from sakrad_ld.release import write_release

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate import generate


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def small_shares(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lets a handful of items be split, so the tests run small corpora in several processes."""
    monkeypatch.setattr(processes, "MIN_ITEMS_PER_PROCESS", 1)
    if processes.cores() < 2:
        monkeypatch.setattr(processes, "cores", lambda: 2)


def test_every_item_is_done_once_across_processes(tmp_path: Path, small_shares: None) -> None:
    items = [f"item-{n}" for n in range(25)]
    seen: list[tuple[int, int]] = []
    in_processes(items, lambda item: (tmp_path / item).write_text(item), 2, lambda d, t: seen.append((d, t)))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(items)
    assert seen and seen[-1] == (25, 25), seen


def test_a_failing_process_fails_the_whole(tmp_path: Path, small_shares: None) -> None:
    def work(item: int) -> None:
        if item % 2:  # the odd items are the second process's share
            raise OSError(f"cannot write item {item}")
        (tmp_path / str(item)).write_text("done")

    with pytest.raises(ChildProcessError, match="1 of 2 processes"):
        in_processes(list(range(10)), work, 2)


def test_release_is_the_same_from_one_process_or_two(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_shares: None
) -> None:
    from sakrad_ld import release

    monkeypatch.setattr(release, "SMALL_CORPUS", 4)  # the 12 meetings count as a large corpus: split
    project = Project.at(generate(tmp_path / "project", 12, seed=5))
    one = write_release(project, tmp_path / "one", workers=1).out
    two = write_release(project, tmp_path / "two", workers=2).out
    assert one is not None and two is not None
    a, b = _files(one), _files(two)
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []
    assert sum(1 for name in a if name.startswith("meetings/")) == 24


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie, dead but not yet reaped, does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_for(condition, seconds: float = 10.0) -> bool:
    for _ in range(int(seconds / 0.05)):
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def _sleeper(folder: Path):
    def work(item: int) -> None:
        (folder / f"{os.getpid()}").write_text(str(item))
        time.sleep(60)

    return work


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_writers_die_with_a_killed_parent(tmp_path: Path, small_shares: None) -> None:
    parent = os.fork()
    if parent == 0:
        try:
            in_processes([1, 2], _sleeper(tmp_path), 2)
        finally:
            os._exit(0)
    assert _wait_for(lambda: len(list(tmp_path.iterdir())) == 2)
    writers = [int(p.name) for p in tmp_path.iterdir() if int(p.name) != parent]
    assert len(writers) == 1 and _alive(writers[0])
    os.kill(parent, signal.SIGKILL)
    os.waitpid(parent, 0)
    assert _wait_for(lambda: not _alive(writers[0])), "the forked writer outlived its killed parent"


def test_a_failure_in_the_parent_stops_the_other_writers(tmp_path: Path, small_shares: None) -> None:
    sleep = _sleeper(tmp_path)

    def work(item: int) -> None:
        if item == 0:  # the parent's share
            # the other writer has started (its file is there), however busy the machine
            assert _wait_for(lambda: any(tmp_path.iterdir()), seconds=600), "the other writer never started"
            raise OSError(28, "No space left on device", str(tmp_path / "x"))
        sleep(item)

    with pytest.raises(OSError, match="No space left"):
        in_processes([0, 1], work, 2)
    (writer,) = [int(p.name) for p in tmp_path.iterdir()]
    assert not _alive(writer)


def test_work_in_the_background_runs_in_another_process_and_its_files_are_there(
    tmp_path: Path, small_shares: None
) -> None:
    def work() -> None:
        (tmp_path / "pid").write_text(str(os.getpid()))

    processes.in_background(work).wait()
    assert int((tmp_path / "pid").read_text()) != os.getpid()


def test_an_error_in_the_background_is_raised_by_wait_as_it_was_raised(small_shares: None) -> None:
    from sakrad_ld.tables import TableError

    def work() -> None:
        raise TableError("tables/x.csv: two values where the table has room for one")

    beside = processes.in_background(work)
    with pytest.raises(TableError, match="room for one"):
        beside.wait()


def test_background_work_without_fork_runs_here_and_raises_at_wait(tmp_path: Path) -> None:
    ran: list[int] = []

    def work() -> None:
        ran.append(os.getpid())
        raise OSError(28, "No space left on device", str(tmp_path / "tables"))

    beside = processes.in_background(work, fork=False)
    assert ran == [os.getpid()]
    with pytest.raises(OSError, match="No space left"):
        beside.wait()


def test_background_work_is_stopped_when_the_build_fails_elsewhere(tmp_path: Path, small_shares: None) -> None:
    def work() -> None:
        time.sleep(60)
        (tmp_path / "late").write_text("should never be written")

    beside = processes.in_background(work)
    beside.stop()  # killed, not waited for: had it run on, the file would be there
    assert not (tmp_path / "late").exists()


def test_what_each_item_gives_comes_back_in_the_order_of_the_items(small_shares: None) -> None:
    pids = in_processes(list(range(9)), lambda item: (item, os.getpid()), 2)
    assert [item for item, _ in pids] == list(range(9))
    assert {pid for _, pid in pids} - {os.getpid()}, "no item was done in another process"


def test_prepared_work_gets_ready_in_another_process_and_answers_what_it_is_given(
    tmp_path: Path, small_shares: None
) -> None:
    def prepare() -> int:
        (tmp_path / "ready").write_text(str(os.getpid()))
        return 40

    later = processes.prepared(prepare, lambda ready, data: (ready + len(data), os.getpid()))
    assert _wait_for(lambda: (tmp_path / "ready").exists()), "it did not get ready before it was given anything"
    assert not later.here
    later.give(b"ab" * 100_000)  # more than a pipe holds
    answer, pid = later.result()
    assert answer == 200_040 and pid == int((tmp_path / "ready").read_text()) != os.getpid()


def test_an_error_in_prepared_work_is_raised_by_result(small_shares: None) -> None:
    def prepare() -> None:
        raise OSError(2, "No such file or directory", "assets/shapes.ttl")

    later = processes.prepared(prepare, lambda ready, data: data)
    later.give(b"x" * 200_000)  # the process ended without reading: giving does not hang
    with pytest.raises(OSError, match="No such file"):
        later.result()


def test_prepared_work_without_fork_runs_here_when_given(small_shares: None) -> None:
    ran: list[int] = []
    later = processes.prepared(lambda: ran.append(os.getpid()), lambda ready, data: data.upper(), fork=False)
    assert ran == [] and later.here
    later.give(b"abc")
    assert ran == [os.getpid()] and later.result() == b"ABC" and not later.here
    given = object()  # done here, the work is handed what is given as it is
    same = processes.prepared(lambda: None, lambda ready, data: data, fork=False)
    same.give(given)  # type: ignore[arg-type]
    assert same.result() is given


def test_prepared_work_never_given_anything_is_stopped(tmp_path: Path, small_shares: None) -> None:
    later = processes.prepared(lambda: (tmp_path / "pid").write_text(str(os.getpid())), lambda ready, data: data)
    assert _wait_for(lambda: (tmp_path / "pid").exists() and (tmp_path / "pid").read_text() != "")
    pid = int((tmp_path / "pid").read_text())
    assert _alive(pid)
    later.stop()
    assert not _alive(pid)


def test_data_read_by_another_process_gives_the_same_corpus_and_the_same_errors(
    tmp_path: Path, small_shares: None
) -> None:
    from conftest import fixture_project

    from sakrad_ld.corpus import load_corpus, start_loading
    from sakrad_ld.errors import InputErrors

    data = fixture_project(tmp_path / "project") / "data"
    seen: list[tuple[str, int, int]] = []
    corpus = start_loading(data).corpus(lambda *call: seen.append(call))
    assert corpus == load_corpus(data)
    assert seen[-1] == ("load", len(corpus.meetings), len(corpus.meetings))

    meeting = sorted((data / "meetings").glob("*.yaml"))[0]
    meeting.write_text(meeting.read_text(encoding="utf-8") + "\nno_such_field: 1\n", encoding="utf-8")
    (data / "sources.yaml").write_text("sources: [\n", encoding="utf-8")
    with pytest.raises(InputErrors) as here:
        load_corpus(data)
    with pytest.raises(InputErrors) as there:
        start_loading(data).corpus()
    assert str(there.value) == str(here.value) and len(there.value.errors) == len(here.value.errors) == 2


def test_idle_cores_leave_out_this_process_and_the_others_running() -> None:
    idle = processes.idle_cores()
    assert 0 <= idle <= processes.cores() - 1


def _forks_of_a_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, idle: int) -> int:
    """How many processes a build of a 12-meeting corpus forks (workers not given) with ``idle`` idle cores."""
    from sakrad_ld import release

    project = Project.at(generate(tmp_path / "project", 12, seed=5))
    monkeypatch.setattr(release, "idle_cores", lambda: idle)
    monkeypatch.setattr(release, "cores", lambda: 2)
    forked = []
    real_fork = os.fork

    def fork() -> int:
        pid = real_fork()
        if pid:
            forked.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)
    assert write_release(project, tmp_path / "dist").out is not None
    return len(forked)


def test_a_small_build_on_a_busy_machine_forks_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_shares: None
) -> None:
    # no helper for loading or the catalogue's checks, no second process for the meetings, and
    # the quads and tables made here too: on a busy machine a fork only adds work
    assert _forks_of_a_build(tmp_path, monkeypatch, idle=0) == 0


def test_a_large_build_on_a_busy_machine_still_splits_its_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_shares: None
) -> None:
    from sakrad_ld import release

    monkeypatch.setattr(release, "SMALL_CORPUS", 4)  # the 12 meetings count as a large corpus
    assert _forks_of_a_build(tmp_path, monkeypatch, idle=0) == 3  # the quads, the tables, the meetings' second half


def test_a_small_build_with_an_idle_core_uses_it_for_the_loader_and_the_checker_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_shares: None
) -> None:
    # the loader and the catalogue's checker; the quads, the tables and the meetings' files of a
    # small corpus are made here, where a fork would cost more than the work it took over
    assert _forks_of_a_build(tmp_path, monkeypatch, idle=1) == 2


def test_a_large_build_with_an_idle_core_uses_it_for_every_helper(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_shares: None
) -> None:
    from sakrad_ld import release

    monkeypatch.setattr(release, "SMALL_CORPUS", 4)  # the 12 meetings count as a large corpus
    # the loader, the catalogue's checker, the quads, the tables and the meetings' second half
    assert _forks_of_a_build(tmp_path, monkeypatch, idle=1) == 5
