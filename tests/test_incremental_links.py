"""Publishing by hard links (docs/performance.md, "Incremental builds", step 5): with a cache, a
meeting's file whose bytes the release it replaces holds under the same path is a link to that
file, never written again; the release is byte-identical to a cold build's, and the release it
replaced is left exactly as it was. A file of the previous release changed by hand is never linked."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from sakrad_ld.layout import CHECKSUMS
from sakrad_ld.project import Project
from sakrad_ld.release import checksums, write_release

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate import generate  # noqa: E402

MEETINGS = 8


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _build(project: Path, out: Path, cache: Path | None) -> Path:
    result = write_release(Project.at(project), out, workers=1, cache=cache)
    assert result.out is not None, result.report.text("en")
    return out.resolve()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return generate(tmp_path / "project", MEETINGS, seed=5)


def _edit_one(project: Path) -> str:
    path = sorted((project / "data" / "meetings").glob("*.yaml"))[2]
    path.write_text(path.read_text(encoding="utf-8").replace("Syftet med", "Ändrat: syftet med", 1))
    return path.stem


def _meeting_files(release: Path, meeting: str | None = None) -> list[str]:
    """The documents (meetings/) and pictures (diagrams/, diagrams/en/) of every meeting, or of ``meeting``."""
    names = (f"{meeting}.", f"meeting-{meeting}.") if meeting else ("",)
    return sorted(
        p.relative_to(release).as_posix()
        for folder in ("meetings", "diagrams")
        for p in (release / folder).rglob("*")
        if p.is_file() and p.name.startswith(names) and (folder == "meetings" or p.name.startswith("meeting-"))
    )


def test_unchanged_meetings_files_are_links_to_the_previous_release(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    before = _build(corpus, tmp_path / "out", cache)
    kept = _files(before)
    edited = _edit_one(corpus)
    after = _build(corpus, tmp_path / "out", cache)
    assert after != before
    assert _files(after) == _files(_build(corpus, tmp_path / "cold", None)), "differs from a cold build"
    assert _files(before) == kept, "the previous release was changed"
    assert checksums(before) == (before / CHECKSUMS).read_bytes()
    mine = set(_meeting_files(after, edited))
    assert any(rel.endswith(".svg") for rel in mine) and any(rel.endswith(".ttl") for rel in mine)
    for rel in _meeting_files(after):
        shared = os.stat(after / rel).st_ino == os.stat(before / rel).st_ino
        # the edited meeting's documents and pictures show its purpose: written anew, never linked
        if rel in mine and not rel.endswith(".svg"):
            assert not shared, rel
        elif rel not in mine:
            assert shared, f"{rel} was written again, not linked"


def test_a_previous_file_changed_by_hand_is_written_not_linked(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    before = _build(corpus, tmp_path / "out", cache)
    rel = _meeting_files(before)[0]
    changed = before / rel
    os.chmod(changed, 0o644)
    changed.write_bytes(changed.read_bytes())  # the same bytes, written after the release was complete
    _edit_one(corpus)
    after = _build(corpus, tmp_path / "out", cache)
    assert os.stat(after / rel).st_ino != os.stat(changed).st_ino
    assert _files(after) == _files(_build(corpus, tmp_path / "cold", None))


def test_a_release_without_the_cache_links_nothing(corpus: Path, tmp_path: Path) -> None:
    before = _build(corpus, tmp_path / "out", None)
    _edit_one(corpus)
    after = _build(corpus, tmp_path / "out", None)
    assert all(os.stat(after / rel).st_nlink == 1 for rel in _meeting_files(after))
    assert before.exists()
