"""Work split over processes (``sakrad_ld.processes``): every item done once, a failure reported,
and a release written by two processes byte-identical to one written by one."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from sakrad_ld import processes
from sakrad_ld.processes import in_processes
from sakrad_ld.project import Project
from sakrad_ld.release import write_release

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate import generate  # noqa: E402


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


def test_release_is_the_same_from_one_process_or_two(tmp_path: Path, small_shares: None) -> None:
    project = Project.at(generate(tmp_path / "project", 12, seed=5))
    one = write_release(project, tmp_path / "one", workers=1).out
    two = write_release(project, tmp_path / "two", workers=2).out
    assert one is not None and two is not None
    a, b = _files(one), _files(two)
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []
    assert sum(1 for name in a if name.startswith("meetings/")) == 24
