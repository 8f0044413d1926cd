"""``sakrad-ld export --out DIR`` replaces only a folder an earlier export wrote (it holds the
export's mark, ``nginx/sakrad-export``, written last), a new or an empty one. Every other folder is
refused with exit 2 before anything is made, the message naming ``--out``: a folder of the user's,
the release (as given, as its link leads, its ``dist.releases`` store), a ``--previous`` release,
the project (``-C``) and its ``data/``, ``ontology/`` and ``shapes/`` (being one, holding one or
lying inside one), the file system's root and the home folder, a file. Each refused folder is
byte-for-byte what it was."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import fixture_project

from sakrad_ld.cli import main
from sakrad_ld.folders import MARK_TEXT
from sakrad_ld.web.static import SITE_MARK, export_site


def _tree(top: Path) -> dict[str, object]:
    """Everything below ``top`` (``top`` too): each path's kind, mode and bytes or link target."""
    found: dict[str, object] = {}
    for where, folders, files in os.walk(top):
        base = Path(where)
        found[str(base.relative_to(top))] = ("folder", os.lstat(base).st_mode)
        for name in [*folders, *files]:
            path = base / name
            if path.is_symlink():
                found[str(path.relative_to(top))] = ("link", os.readlink(path))
            elif path.is_file():
                found[str(path.relative_to(top))] = ("file", os.lstat(path).st_mode, path.read_bytes())
    return found


@pytest.fixture(scope="module")
def place(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding a project with its release at ``project/dist``, a release kept as the
    previous one (``old``, a plain release folder), a folder of the user's (``notes``) and a site
    exported earlier (``site``)."""
    top = tmp_path_factory.mktemp("export-out")
    project = fixture_project(top / "project")
    assert main(["-C", str(project), "build", "--out", str(project / "dist")]) == 0
    shutil.copytree((project / "dist").resolve(), top / "old")
    (top / "notes").mkdir()
    (top / "notes" / "notes.txt").write_text("my notes\n", encoding="utf-8")
    assert main(["-C", str(project), "export", "--release", str(project / "dist"), "--out", str(top / "site")]) == 0
    return top


def _refused(place: Path, capsys: pytest.CaptureFixture[str], out: str, *more: str, watch: Path | None = None) -> str:
    """Runs ``export --out out`` (in the project, with ``more``) and checks it is refused: exit 2, no
    traceback, the message naming ``out``, and nothing below ``watch`` (the whole place) changed."""
    watch = watch or place
    before = _tree(watch)
    project = place / "project"
    capsys.readouterr()
    argv = ["-C", str(project), "export", "--release", str(project / "dist"), "--out", out, *more]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {out}") and "nothing was written" in err and "Traceback" not in err, err
    assert _tree(watch) == before
    return err


def _release_folder(place: Path) -> Path:
    return (place / "project" / "dist").resolve()


@pytest.mark.parametrize(
    ("out", "said"),
    [
        ("notes", "is a folder that sakrad-ld did not write (it has no nginx/sakrad-export)"),
        ("project/dist", "this folder is the --release folder"),
        ("project/dist/tables", "this folder is inside the --release folder"),
        ("project/dist.releases", "this folder holds the --release folder"),
        ("project/dist.releases/other", "this folder is inside the store of the --release folder"),
        ("project/data", "this folder is the project's data/ folder"),
        ("project/data/meetings", "this folder is inside the project's data/ folder"),
        ("project/ontology", "this folder is the project's ontology/ folder"),
        ("project/shapes/new", "this folder is inside the project's shapes/ folder"),
        ("project", "this folder is the project folder"),
        (".", "this folder holds the project folder"),
        ("old", "this folder is the --previous release"),
        ("old/tables", "this folder is inside the --previous release"),
    ],
)
def test_a_folder_that_is_not_an_earlier_export_is_refused(
    place: Path, capsys: pytest.CaptureFixture[str], out: str, said: str
) -> None:
    path = str(place / out) if out != "." else str(place)
    err = _refused(place, capsys, path, "--previous", str(place / "old"))
    assert said in err, err


def test_the_releases_own_folder_is_refused(place: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``dist.releases/<name>``, where the link ``dist`` leads."""
    folder = _release_folder(place)
    err = _refused(place, capsys, str(folder))
    assert "this folder is the --release folder" in err and str(folder) in err, err


def test_a_file_at_out_is_refused(place: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _refused(place, capsys, str(place / "notes" / "notes.txt"))
    assert "is a file, not a folder" in err and "remove it, or give another --out" in err, err


def test_a_link_into_the_data_is_followed(place: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "out").symlink_to(place / "project" / "data")
    err = _refused(place, capsys, str(tmp_path / "out"))
    assert "this folder is the project's data/ folder" in err, err
    assert (tmp_path / "out").is_symlink()


def test_a_site_whose_download_is_the_release_is_refused(place: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--release site/download --out site``: the site holds the release it would be made from."""
    before = _tree(place)
    capsys.readouterr()
    site = place / "site"
    assert main(["export", "--release", str(site / "download"), "--out", str(site)]) == 2
    err = capsys.readouterr().err
    assert f"error: {site}: this folder holds the --release folder" in err, err
    assert _tree(place) == before


@pytest.mark.parametrize("mark", ["missing", "a link", "another text"])
def test_a_folder_with_a_false_mark_is_refused(
    place: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, mark: str
) -> None:
    out = tmp_path / "out"
    (out / "nginx").mkdir(parents=True)
    (out / "index.html").write_text("someone else's page\n", encoding="utf-8")
    if mark == "a link":
        (tmp_path / "elsewhere").write_bytes(MARK_TEXT)
        (out / SITE_MARK).symlink_to(tmp_path / "elsewhere")
    elif mark == "another text":
        (out / SITE_MARK).write_text("not written by sakrad-ld\n", encoding="utf-8")
    err = _refused(place, capsys, str(out), watch=tmp_path)
    assert "is a folder that sakrad-ld did not write" in err, err


def test_the_roots_and_the_home_folder_are_refused(
    place: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "users" / "someone"
    home.mkdir(parents=True)
    (home / "thesis.txt").write_text("years of work\n", encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    for out, said in [(home, "is the home folder"), (home.parent, "holds the home folder")]:
        err = _refused(place, capsys, str(out), watch=tmp_path)
        assert f"this folder {said} ({home})" in err, err
    before = sorted(os.listdir("/"))
    capsys.readouterr()
    assert main(["export", "--release", str(place / "project" / "dist"), "--out", "/"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: /: this folder is the file system's root"), err
    assert sorted(os.listdir("/")) == before


def test_the_project_and_its_parent_from_the_command_line(place: Path) -> None:
    """``sakrad-ld export --release dist --out .`` (and ``..``) run in the project folder."""
    project = place / "project"
    before = _tree(place)
    for out, said in [(".", "is the project folder"), ("..", "holds the project folder")]:
        done = subprocess.run(
            [sys.executable, "-m", "sakrad_ld", "export", "--release", "dist", "--out", out],
            cwd=project,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 2, done.stderr
        assert done.stderr.startswith(f"error: {out}: this folder {said}"), done.stderr
        assert "Traceback" not in done.stderr and done.stdout == ""
    assert _tree(place) == before


# --- what is taken --------------------------------------------------------------------------------


def _site(out: Path) -> None:
    assert (out / "index.html").is_file() and (out / "download" / "SHA256SUMS").is_file()
    assert (out / SITE_MARK).read_bytes() == MARK_TEXT


def test_a_new_folder_an_empty_one_and_an_earlier_export_are_taken(place: Path, tmp_path: Path) -> None:
    release = place / "project" / "dist"
    new = tmp_path / "a" / "b" / "site"
    empty = tmp_path / "empty"
    empty.mkdir()
    for out in (new, empty):
        assert main(["-C", str(place / "project"), "export", "--release", str(release), "--out", str(out)]) == 0
        _site(out)
    (empty / "left-by-someone.txt").write_text("gone with the old site\n", encoding="utf-8")
    before = _tree(new)
    # an earlier export is replaced whole, however it was changed since; the same release gives the same site
    assert main(["export", "--release", str(release), "--out", str(empty)]) == 0
    _site(empty)
    assert not (empty / "left-by-someone.txt").exists()
    assert _tree(empty) == before
    assert sorted(os.listdir(tmp_path)) == ["a", "empty"]  # nothing left beside them


def test_a_link_to_an_earlier_export_is_followed(place: Path, tmp_path: Path) -> None:
    shutil.copytree(place / "site", tmp_path / "site", symlinks=True)
    (tmp_path / "link").symlink_to(tmp_path / "site")
    assert main(["export", "--release", str(place / "project" / "dist"), "--out", str(tmp_path / "link")]) == 0
    assert (tmp_path / "link").is_symlink()
    _site(tmp_path / "site")


def test_a_killed_exports_folder_has_no_mark(place: Path, tmp_path: Path) -> None:
    """The mark is written last: the folder of an export killed halfway holds none, so it is never
    taken for a site (and the next export removes it)."""
    out = tmp_path / "site"
    pid = os.fork()
    if pid == 0:
        try:

            def progress(stage: str, done: int, total: int) -> None:
                if stage == "pages" and done >= 2:  # by one process or two
                    os.kill(os.getpid(), signal.SIGKILL)

            export_site(place / "project" / "dist", out, progress)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    (left,) = os.listdir(tmp_path)
    assert left.startswith(".site.") and left.endswith(".tmp") and (tmp_path / left / "download").is_dir()
    assert not (tmp_path / left / SITE_MARK).exists() and not out.exists()
    export_site(place / "project" / "dist", out)
    assert os.listdir(tmp_path) == ["site"]
    _site(out)
