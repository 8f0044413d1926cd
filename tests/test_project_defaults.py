"""``-C PROJECT``: every default path (build's release dist, export's site and release, serve's,
query's and push's release, schema's folder) is in the project folder; a path given to an option
stays relative to the current folder, as the shell completed it."""

from __future__ import annotations

import argparse
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import fixture_project

from sakrad_ld.cli import COMMANDS, InProject, in_project, main, parser


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A folder holding ``project`` (the fixture data), built with ``-C project build`` from it."""
    here = tmp_path_factory.mktemp("here")
    fixture_project(here / "project")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(here)
        assert main(["-C", "project", "build"]) == 0
    yield here


@pytest.fixture
def here(built: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(built)
    return built


def test_build_writes_the_release_into_the_project(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (here / "project" / "dist" / "SHA256SUMS").is_file()
    assert (here / "project" / "dist").is_symlink()
    assert not (here / "dist").exists() and not (here / "dist.releases").exists()
    # built again: it replaces the release in the project, and says where it is
    assert main(["-C", "project", "build"]) == 0
    assert f"to {Path('project') / 'dist'}\n" in capsys.readouterr().out
    assert (here / "project" / "dist" / "SHA256SUMS").is_file() and not (here / "dist").exists()


def test_export_writes_the_site_into_the_project_from_its_release(here: Path) -> None:
    assert main(["-C", "project", "export"]) == 0
    site = here / "project" / "site"
    assert (site / "nginx" / "sakrad-export").is_file()
    assert not (here / "site").exists()
    release = (here / "project" / "dist").resolve()
    assert {p.name for p in site.iterdir()} & {p.name for p in release.iterdir()}  # the release's downloads


def test_serve_reads_the_release_in_the_project(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-C", "project", "serve", "--get", "/"]) == 0
    assert capsys.readouterr().out
    # from the current folder, which holds no release, the default finds none
    assert main(["serve", "--get", "/"]) == 2
    assert "dist" in capsys.readouterr().err


def test_query_reads_the_release_in_the_project(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-C", "project", "query", "ASK { ?s ?p ?o }", "--format", "json"]) == 0
    assert "true" in capsys.readouterr().out
    assert main(["query", "ASK { ?s ?p ?o }"]) == 2


def test_a_given_path_is_relative_to_the_current_folder(here: Path) -> None:
    # --release project/dist from here: relative to the project it would be project/project/dist
    assert main(["-C", "project", "serve", "--release", str(Path("project") / "dist"), "--get", "/"]) == 0
    assert main(["-C", "project", "export", "--release", str(Path("project") / "dist"), "--out", "mysite"]) == 0
    try:
        assert (here / "mysite" / "nginx" / "sakrad-export").is_file()
        assert not (here / "project" / "mysite").exists()
    finally:
        shutil.rmtree(here / "mysite")


def test_schema_writes_into_the_project(here: Path) -> None:
    assert main(["-C", "project", "schema"]) == 0
    try:
        assert any((here / "project" / "schema").iterdir())
        assert not (here / "schema").exists()
    finally:
        shutil.rmtree(here / "project" / "schema")


def test_the_writers_still_refuse_the_projects_folders(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = here / "project" / "data"
    before = sorted(p.relative_to(data) for p in data.rglob("*"))
    assert main(["-C", "project", "export", "--out", str(Path("project") / "data")]) == 2
    assert main(["-C", "project", "build", "--out", str(Path("project") / "data")]) == 2
    err = capsys.readouterr().err
    assert err.count("nothing was written") >= 2, err
    assert sorted(p.relative_to(data) for p in data.rglob("*")) == before


def test_without_c_the_defaults_are_in_the_current_folder() -> None:
    args = in_project(parser().parse_args(["export"]))
    assert (args.out, args.release) == ("site", "dist")
    args = in_project(parser().parse_args(["-C", "elsewhere", "export", "--out", "mine"]))
    assert (args.out, args.release) == ("mine", str(Path("elsewhere") / "dist"))


def test_every_default_path_says_it_is_in_the_project() -> None:
    sub = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    found = set()
    for name in COMMANDS:
        for action in sub.choices[name]._actions:
            if isinstance(action.default, InProject):
                found.add((name, action.dest))
                assert f"default: {action.default} in the project folder" in action.help
            elif isinstance(action.default, str) and action.dest in {"out", "release", "cache", "out_dir"}:
                pytest.fail(f"{name} --{action.dest}: a default path outside the project folder")
    assert {("build", "out"), ("export", "out"), ("export", "release"), ("serve", "release")} <= found
    assert {("query", "release"), ("push", "release"), ("schema", "out")} <= found
