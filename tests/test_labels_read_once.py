"""What a build reads of the whole store to label things (the documents of the same title and what
tells them apart, ``labels.told_apart``) is read once per release, not once per picture: the
number of such readings does not grow with the number of meetings (with it per picture, a cold
build of 1,000 synthetic meetings spent ~430 CPU s drawing pictures; docs/performance.md). The
static site's pages share one too (with one per page, exporting the site was as quadratic)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from sakrad_ld.project import Project
from sakrad_ld.release import write_release
from sakrad_ld.web import labels
from sakrad_ld.web.static import export_site

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate import generate  # noqa: E402


def _readings(tmp_path: Path, meetings: int, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    calls = []
    read = labels.told_apart

    def counted(store):  # noqa: ANN001, ANN202
        calls.append(store)
        return read(store)

    monkeypatch.setattr(labels, "told_apart", counted)
    project = generate(tmp_path / f"p{meetings}", meetings, seed=5)
    result = write_release(Project.at(project), tmp_path / f"out{meetings}", workers=1)
    assert result.out is not None, result.report.text("en")
    built = len(calls)
    exported = export_site(result.out, tmp_path / f"site{meetings}")
    assert exported.out is not None
    return built, len(calls) - built


def test_a_release_reads_what_tells_documents_apart_a_number_of_times_not_growing_with_meetings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    few, more = _readings(tmp_path, 4, monkeypatch), _readings(tmp_path, 16, monkeypatch)
    assert more == few, f"(build, site) readings: {few} for 4 meetings, {more} for 16"
    assert max(few) <= 3, few
