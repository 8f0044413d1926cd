"""A release does not depend on how it was asked for: the same project built as ``-C base`` from
the folder holding it, as ``-C /abs/base``, through a symbolic link to it, and from another current
folder (``-C ..`` from its ``data/``) gives byte-identical releases (the same ``SHA256SUMS``).

The validation report names the YAML file of each finding relative to the project's folder
(``data/meetings/x.yaml``); it named it as ``-C`` spelt it (``base/data/…``), so the report, the
manifest and the release's name changed with the spelling.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import fixture_project
from graphs import assert_isomorphic
from rdflib import Graph

from sakrad_ld.cli import main
from sakrad_ld.layout import CHECKSUMS

#: How the project is named: (name, the current folder below the tree, the -C argument, or None
#: for the absolute path of the project). The tree holds ``x/base`` (the project), ``link`` (a
#: link to it) and ``elsewhere`` (an empty folder).
WAYS = [
    ("absolute, from another folder", "elsewhere", None),
    ("relative to the current folder", "x", "base"),
    ("through a symbolic link", ".", "link"),
    ("from inside the project", "x/base/data", ".."),
]


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    top = tmp_path_factory.mktemp("determinism")
    fixture_project(top / "x" / "base")
    (top / "link").symlink_to(top / "x" / "base", target_is_directory=True)
    (top / "elsewhere").mkdir()
    return top


@pytest.fixture(scope="module")
def releases(tree: Path) -> dict[str, Path]:
    """The release each way builds, by the way's name."""
    built = {}
    here = os.getcwd()
    try:
        for n, (name, cwd, given) in enumerate(WAYS):
            os.chdir(tree / cwd)
            out = tree / f"out-{n}"
            code = main(["-C", given or str(tree / "x" / "base"), "build", "--out", str(out)])
            assert code == 0, f"{name}: build exited with {code}"
            built[name] = out
    finally:
        os.chdir(here)
    return built


def _sums(release: Path) -> dict[str, str]:
    lines = (release / CHECKSUMS).read_text(encoding="utf-8").splitlines()
    return {name: digest for digest, _, name in (line.partition("  ") for line in lines)}


def _report_files(release: Path) -> list[str]:
    doc = json.loads((release / "validation" / "report.json").read_text(encoding="utf-8"))
    return [r["file"] for r in doc["results"] if r["file"]]


@pytest.mark.parametrize("way", [name for name, _, _ in WAYS[1:]])
def test_the_release_is_the_same_however_the_project_is_named(releases: dict[str, Path], way: str) -> None:
    reference, release = releases[WAYS[0][0]], releases[way]
    expected, got = _sums(reference), _sums(release)
    if got == expected:
        return
    changed = sorted(name for name in expected.keys() | got.keys() if expected.get(name) != got.get(name))
    files = sorted(set(_report_files(release)) - set(_report_files(reference)))
    nt = Graph().parse(reference / "sakrad.nt", format="nt"), Graph().parse(release / "sakrad.nt", format="nt")
    assert_isomorphic(*nt, what=f"sakrad.nt built {way}")
    pytest.fail(f"built {way}, the release differs in {changed[:20]}; report.json names {files[:5]}")


def test_the_report_names_each_file_relative_to_the_project(releases: dict[str, Path], tree: Path) -> None:
    for way, release in releases.items():
        files = _report_files(release)
        assert files, "the fixture's report names no file: this test would hold nothing"
        wrong = sorted({f for f in files if not f.startswith("data/") or not (tree / "x" / "base" / f).is_file()})
        assert not wrong, f"built {way}, report.json names files not relative to the project: {wrong[:5]}"


def test_a_build_that_writes_nothing_names_the_files_as_this_build_names_the_project(tree: Path) -> None:
    """The cache records the findings with files relative to the project: a build that finds its
    release already made names them under the project as it was named this time."""
    from sakrad_ld.project import Project
    from sakrad_ld.release import write_release

    out, cache = tree / "out-cached", tree / "cache"
    here = os.getcwd()
    try:
        os.chdir(tree / "x")
        first = write_release(Project.at(Path("base")), out, workers=1, cache=cache)
        os.chdir(tree)
        again = write_release(Project.at(Path("link")), out, workers=1, cache=cache)
    finally:
        os.chdir(here)
    assert first.wrote and not again.wrote, "the second build did not take its release from the cache"
    files = {str(f.where.file) for f in again.report.findings if f.where is not None}
    assert files, "the fixture's report names no file: this test would hold nothing"
    assert all(name.startswith("link/data/") and (tree / name).is_file() for name in files), sorted(files)[:5]
    assert [f.message("en") for f in again.report.findings] == [f.message("en") for f in first.report.findings]
