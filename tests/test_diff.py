"""``sakrad-ld diff``: the triples added and removed between two releases, by resource, and an exit code."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from rdflib import Graph

from sakrad_ld.cli import main
from sakrad_ld.diff import diff_releases
from sakrad_ld.layout import CHECKSUMS
from sakrad_ld.project import Project
from sakrad_ld.release import checksums, write_release

MEETING = "<https://w3id.org/sakrad/id/meeting/2017-12-12-integration>"


def _versions(dataset_yaml: str) -> tuple[str, str]:
    """The data's version (major.minor.patch) and the next minor version after it."""
    found = re.search(r"\nversion: (\d+)\.(\d+)\.(\d+)\n", dataset_yaml)
    assert found, "dataset.yaml has no version of three numbers"
    major, minor, _ = found.groups()
    return ".".join(found.groups()), f"{major}.{int(minor) + 1}.0"


@pytest.fixture(scope="module")
def changed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A release of a copy of the project with a new version and the meeting's place changed."""
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("changed"))
    dataset = project / "data" / "dataset.yaml"
    text = dataset.read_text(encoding="utf-8")
    old, new = _versions(text)
    dataset.write_text(text.replace(f"\nversion: {old}\n", f"\nversion: {new}\n"), encoding="utf-8")
    meeting = project / "data" / "meetings" / "2017-12-12-integration.yaml"
    text = meeting.read_text(encoding="utf-8")
    assert "\nplace: Stockholm\n" in text
    text = text.replace("\nplace: Stockholm\n", "\nplace: Uppsala\n")
    # the kept text the place is credited to must state the new place, and the process quoting the
    # text's sentence says it as the text does (docs/load-checks.md)
    meeting.write_text(text.replace(" i Stockholm ", " i Uppsala "), encoding="utf-8")
    kept = project / "data" / "sources" / "sakrad-2017-12-12-integration.txt"
    words = kept.read_text(encoding="utf-8")
    assert "hölls i Stockholm" in words
    kept.write_text(words.replace(" i Stockholm ", " i Uppsala "), encoding="utf-8")
    result = write_release(Project.at(project), project / "dist")
    assert result.out is not None, result.report.text("en")
    return result.out


def _triples(path: Path, format: str) -> set:
    return set(Graph().parse(path, format=format))


def test_a_release_has_no_change_against_itself(release: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(release), str(release)]) == 0
    assert capsys.readouterr().out.startswith("No change")


def test_a_rebuilt_release_has_no_change(release: Path, root: Path, tmp_path: Path) -> None:
    again = write_release(Project.at(root), tmp_path / "again").out
    assert again and not diff_releases(release, again).changed


def test_diff_reports_the_changed_triples_by_resource(
    release: Path, changed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", str(release), str(changed)]) == 1
    out = capsys.readouterr().out
    lines = out.splitlines()
    # the meeting's place: the old place removed, the new one added, under the meeting
    block = lines[lines.index(MEETING) + 1 :]
    block = block[: next(i for i, line in enumerate(block) if not line.startswith("  "))]
    assert "  - dct:spatial <https://w3id.org/sakrad/id/place/stockholm>" in block
    assert "  + dct:spatial <https://w3id.org/sakrad/id/place/uppsala>" in block
    assert '  + locn:geographicName "Uppsala"@sv' in out
    old, new = _versions((Path(__file__).parents[1] / "data" / "dataset.yaml").read_text(encoding="utf-8"))
    assert f'  - dcat:version "{old}"' in out and f'  + dcat:version "{new}"' in out
    # the counts agree with the graphs, compared here with rdflib
    removed = added = 0
    for name, format in (("sakrad.nt", "nt"), ("catalog.ttl", "turtle")):
        before, after = _triples(release / name, format), _triples(changed / name, format)
        removed += len(before - after)
        added += len(after - before)
    summary = lines[-1]
    assert summary.startswith(f"{added} triples added and {removed} removed in ")
    assert "(data +" in summary and "catalogue +" in summary


def test_summary_only(release: Path, changed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "--summary", str(release), str(changed)]) == 1
    out = capsys.readouterr().out
    assert len(out.splitlines()) == 1 and "triples added" in out


def test_resources_are_grouped_and_sorted(release: Path, changed: Path) -> None:
    resources = diff_releases(release, changed).resources()
    subjects = [r.subject for r in resources]
    assert subjects == sorted(subjects) and len(set(subjects)) == len(subjects)
    assert all(r.added or r.removed for r in resources)


def test_not_a_release_is_bad_input(release: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(tmp_path / "nowhere"), str(release)]) == 2
    (tmp_path / "empty").mkdir()
    assert main(["diff", str(release), str(tmp_path / "empty")]) == 2
    assert "manifest.json" in capsys.readouterr().err


def test_sha256sums_lists_every_file_with_its_checksum(release: Path) -> None:
    listed = {}
    for line in (release / CHECKSUMS).read_text(encoding="utf-8").splitlines():
        digest, name = line.split("  ", 1)
        listed[name] = digest
    files = sorted(p.relative_to(release).as_posix() for p in release.rglob("*") if p.is_file())
    assert sorted(listed) == [f for f in files if f != CHECKSUMS]
    assert "catalog.ttl" in listed and "catalog.rdf" in listed
    for name, digest in listed.items():
        assert hashlib.sha256((release / name).read_bytes()).hexdigest() == digest, name
    assert checksums(release) == (release / CHECKSUMS).read_bytes()
