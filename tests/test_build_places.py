"""Where `build` may write (one rule, `release.check_places`): `--out` not data/, ontology/ or
shapes/ nor inside them, not holding the project, not a store of releases nor inside one (the
folder the link `dist` leads to); `--cache` not the release, its `<out>.releases/` or those folders,
nor inside them, and a folder a file can be written into. Each refusal is exit 2 naming the option
and the path, before anything is created; the release already published stays as it was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import fixture_project

from sakrad_ld.cli import main


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = fixture_project(tmp_path_factory.mktemp("places") / "project")
    (project / "afile").write_text("x", encoding="utf-8")
    assert main(["-C", str(project), "build", "--out", str(project / "dist")]) == 0
    return project


def _state(project: Path) -> tuple[str, list[str], bytes, list[str]]:
    """What a refused build must leave as it was: the link, the releases, the checksums, the folders."""
    dist = project / "dist"
    return (
        os.readlink(dist),
        sorted(p.name for p in (project / "dist.releases").iterdir()),
        (dist / "SHA256SUMS").read_bytes(),
        sorted(str(p.relative_to(project)) for p in project.rglob("*") if p.is_dir()),
    )


@pytest.mark.parametrize(
    ("out", "said"),
    [
        ("data", "this folder is the project's data/ folder"),
        ("data/meetings", "this folder is inside the project's data/ folder"),
        ("data/meetings/new.yaml", "this folder is inside the project's data/ folder"),
        ("ontology", "this folder is the project's ontology/ folder"),
        ("shapes/x", "this folder is inside the project's shapes/ folder"),
        (".", "this folder is the project folder"),
        ("..", "this folder holds the project folder"),
        ("dist.releases", "this folder is {store}, the store of the releases the link {dist} leads to"),
        ("dist.releases/x", "this folder lies inside {store}, the store of the releases the link {dist} leads to"),
        ("dist/x", "this folder lies inside {store}, the store of the releases the link {dist} leads to"),
    ],
)
def test_an_out_in_the_project_is_refused_before_anything_is_made(
    built: Path, out: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _state(built)
    leftovers = {p.name for p in built.parent.iterdir()}
    assert main(["-C", str(built), "build", "--out", str(built / out)]) == 2
    err = capsys.readouterr().err
    said = said.format(store=built / "dist.releases", dist=built / "dist")
    assert f"error: --out {built / out}: {said}" in err and "nothing was written" in err, err
    assert "Traceback" not in err
    assert _state(built) == before  # no <out>.releases/ made anywhere in the project
    assert {p.name for p in built.parent.iterdir()} == leftovers


def test_a_foreign_out_folder_leaves_no_lock_behind(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = built.parent / "notes"
    other.mkdir()
    (other / "a.txt").write_text("mine", encoding="utf-8")
    assert main(["-C", str(built), "build", "--out", str(other)]) == 2
    assert "is a folder that is not a release" in capsys.readouterr().err
    assert not (built.parent / "notes.releases").exists()


@pytest.mark.parametrize(
    ("cache", "said"),
    [
        ("dist", "this folder is the release --out"),
        ("dist/sub", "this folder is inside the release --out"),
        ("dist.releases", "this folder holds the release --out"),  # the folder dist leads to
        ("dist.releases/sub", "this folder is inside dist.releases/, the store of --out"),
        ("data", "this folder is the project's data/ folder"),
        ("ontology/c", "this folder is inside the project's ontology/ folder"),
        ("shapes", "this folder is the project's shapes/ folder"),
        ("afile", "this is not a folder (a cache is a folder)"),
        ("afile/sub", "the cache folder cannot be made"),
        (os.devnull, "this is not a folder (a cache is a folder)"),
    ],
)
def test_an_unusable_cache_is_refused_and_the_release_stays(
    built: Path, cache: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _state(built)
    given = cache if os.path.isabs(cache) else str(built / cache)
    assert main(["-C", str(built), "build", "--out", str(built / "dist"), "--cache", given]) == 2
    err = capsys.readouterr().err
    assert f"error: --cache {given}: {said}" in err and "nothing was written" in err and "Traceback" not in err
    assert _state(built) == before


def test_a_cache_folder_that_cannot_be_written_is_refused(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not Path("/proc/self").is_dir():
        pytest.skip("no /proc")
    assert main(["-C", str(built), "build", "--out", str(built / "dist"), "--cache", "/proc/self"]) == 2
    assert "--cache /proc/self: no file can be written into this folder" in capsys.readouterr().err


def test_a_missing_cache_folder_outside_is_made(built: Path) -> None:
    cache = built.parent / "cache" / "deeper"
    assert main(["-C", str(built), "build", "--out", str(built / "dist"), "--cache", str(cache)]) == 0
    assert cache.is_dir()
