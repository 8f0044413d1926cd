"""A build never publishes a release folder it did not just write whole: when the same release
already stands under its name (these inputs built it before), its files may have been changed,
removed or added to since, and the complete release just built takes its place; a build with a
cache whose inputs are unchanged writes nothing only when the release ``--out`` names is as its
build left it (folders.intact), else it builds again. Before, a rebuild of the same inputs said
"Wrote the release" and left a damaged one published."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from conftest import edit_data, fixture_project

from sakrad_ld.folders import intact
from sakrad_ld.layout import CHECKSUMS, MANIFEST_FILE
from sakrad_ld.project import Project
from sakrad_ld.release import write_release


def _build(project: Path, out: Path, cache: Path | None = None) -> Path:
    result = write_release(Project.at(project), out, workers=1, cache=cache)
    assert result.out is not None, result.report.text("en")
    return Path(os.path.realpath(out))


def _verified(release: Path) -> None:
    """Every file the checksum file lists has its SHA-256, and no other file is there."""
    listed = {}
    for line in (release / CHECKSUMS).read_text(encoding="utf-8").splitlines():
        digest, _, rel = line.partition("  ")
        listed[rel] = digest
    for rel, digest in listed.items():
        assert hashlib.sha256((release / rel).read_bytes()).hexdigest() == digest, rel
    found = {p.relative_to(release).as_posix() for p in release.rglob("*") if p.is_file()} - {CHECKSUMS}
    assert found == set(listed), sorted(found ^ set(listed))[:5]


def _meeting_document(release: Path) -> Path:
    return sorted((release / "meetings").glob("*.ttl"))[0]


DAMAGE = {
    "appended to": lambda r: _meeting_document(r).open("ab").write(b"<urn:x> <urn:y> <urn:z> .\n"),
    "removed": lambda r: _meeting_document(r).unlink(),
    "added to": lambda r: (r / "meetings" / "extra.ttl").write_bytes(b"# not the build's\n"),
}


@pytest.mark.parametrize("damage", ["appended to", "removed", "added to"])
@pytest.mark.parametrize("cached", [False, True], ids=["cold", "cache"])
def test_a_rebuild_of_the_same_inputs_publishes_a_whole_release_over_a_damaged_one(
    tmp_path: Path, damage: str, cached: bool
) -> None:
    project = fixture_project(tmp_path / "project")
    out, cache = tmp_path / "dist", (tmp_path / "cache" if cached else None)
    release = _build(project, out, cache)
    assert intact(release, MANIFEST_FILE)
    DAMAGE[damage](release)
    assert not intact(release, MANIFEST_FILE)
    again = _build(project, out, cache)
    _verified(again)
    assert intact(again, MANIFEST_FILE)


def test_a_release_built_again_after_another_is_whole_though_its_old_folder_was_changed(tmp_path: Path) -> None:
    """A → B → A: the folder of A, changed by hand after B replaced it, is not what A's inputs
    publish again."""
    project = fixture_project(tmp_path / "project")
    out = tmp_path / "dist"
    first = _build(project, out)
    edit_data(project, "dataset.yaml", "modified: 2026-11-26", "modified: 2026-11-27")
    second = _build(project, out)
    assert second.name != first.name
    with _meeting_document(first).open("ab") as changed:  # the earlier release's document, changed by hand
        changed.write(b"<urn:x> <urn:y> <urn:z> .\n")
    edit_data(project, "dataset.yaml", "modified: 2026-11-27", "modified: 2026-11-26")
    third = _build(project, out)
    assert third.name == first.name
    _verified(third)
