"""A symbolic link that loops, met by the library where a data file, a release folder, an export
folder or a project folder is followed (not only at the command line's path options), is the
project's error naming the path, never Python's RuntimeError; a number of more digits than Python
makes an int of, in a release's ``manifest.json``, is said so naming the field, never with Python's
advice to change an interpreter setting."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest
from conftest import fixture_project

from sakrad_ld.errors import InputErrors, ReleaseError, SakradError
from sakrad_ld.layout import CHECKSUMS, MANIFEST_FILE

LOOPS = "loops, leading back to itself"


def _loop(folder: Path, name: str = "loopA") -> Path:
    """``folder/name`` → ``folder/name.b`` → ``folder/name``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.b").symlink_to(name)
    (folder / name).symlink_to(f"{name}.b")
    return folder / name


def test_a_project_folder_that_loops_is_named(tmp_path: Path) -> None:
    from sakrad_ld.project import Project

    loop = _loop(tmp_path)
    with pytest.raises(SakradError, match=LOOPS) as refused:
        Project.at(loop)
    assert "the project folder" in str(refused.value) and str(loop) in str(refused.value)


def test_a_release_folder_that_loops_is_named_when_opened(tmp_path: Path) -> None:
    from sakrad_ld.sparql.store import Release

    loop = _loop(tmp_path)
    with pytest.raises(SakradError, match=LOOPS) as refused:
        Release.open(loop / "inner")
    assert "the release folder" in str(refused.value) and "loopA" in str(refused.value)


def test_a_release_folder_that_loops_is_named_when_exported(tmp_path: Path) -> None:
    from sakrad_ld.web.static import copy_release

    loop = _loop(tmp_path)
    with pytest.raises(SakradError, match=LOOPS) as refused:
        copy_release(loop, None, tmp_path / "site")
    assert str(loop) in str(refused.value)
    assert not (tmp_path / "site").exists()


def test_a_looping_data_folder_is_named_where_kept_copies_are_read(tmp_path: Path) -> None:
    from sakrad_ld.corpus import read_source_copies

    loop = _loop(tmp_path, "data")
    with pytest.raises(SakradError, match=LOOPS) as refused:
        read_source_copies(types.SimpleNamespace(sources=()), loop)  # type: ignore[arg-type]
    assert "the data folder" in str(refused.value) and str(loop) in str(refused.value)


def test_a_looping_meeting_file_is_said_at_the_file_when_drafts_are_left_out(tmp_path: Path) -> None:
    """``import`` leaves its drafts out of loading: a meeting file that is a looping link was
    followed to compare it with them (RuntimeError); it is read, and refused, as every file is."""
    from sakrad_ld.corpus import load_corpus

    project = fixture_project(tmp_path / "project")
    meetings = project / "data" / "meetings"
    _loop(meetings, "looping.yaml")
    draft = meetings / "draft.yaml"
    draft.write_text("not: read\n", encoding="utf-8")
    with pytest.raises(InputErrors) as refused:
        load_corpus(project / "data", leave_out=(draft,))
    said = "\n".join(map(str, refused.value.errors))
    assert "looping.yaml" in said
    assert "draft.yaml" not in said  # still left out


def test_a_kept_source_text_that_loops_names_the_link_at_its_line(tmp_path: Path) -> None:
    """A source's ``file:`` that is a looping link was refused with Python's words ("Symlink loop
    from '/…'"); it names the link below data/, at the source's line."""
    from sakrad_ld.corpus import load_corpus

    project = fixture_project(tmp_path / "project")
    kept = project / "data" / "sources" / "sakrad-2017-12-12-integration.txt"
    kept.unlink()
    _loop(kept.parent, kept.name)
    with pytest.raises(InputErrors) as refused:
        load_corpus(project / "data")
    said = "\n".join(map(str, refused.value.errors))
    assert "sources.yaml:10: " in said
    assert "the symbolic link 'sources/sakrad-2017-12-12-integration.txt' on its way loops" in said
    assert "Symlink loop" not in said


# --- a number of more than 4,300 digits in a release's manifest.json ------------------------------

HUGE = "1" * 5000


def _release_with(fixture_release: Path, dest: Path, edit: str) -> Path:
    """A copy of the fixture release whose manifest's first ``size`` is ``edit`` (raw JSON), its
    checksums kept in step (so only the manifest's number is wrong)."""
    shutil.copytree(fixture_release, dest, symlinks=True)
    manifest = dest / MANIFEST_FILE
    text = manifest.read_text("utf-8")
    first = json.loads(text)["files"][0]["size"]
    changed = text.replace(f'"size": {first},', f'"size": {edit},', 1)
    assert changed != text
    manifest.write_text(changed, "utf-8")
    digest = hashlib.sha256(changed.encode("utf-8")).hexdigest()
    sums = dest / CHECKSUMS
    lines = [
        f"{digest}  {MANIFEST_FILE}" if line.endswith(f"  {MANIFEST_FILE}") else line
        for line in sums.read_text("utf-8").splitlines()
    ]
    sums.write_text("\n".join(lines) + "\n", "utf-8")
    return dest


def _said_plainly(error: BaseException) -> str:
    text = str(error)
    assert "set_int_max_str_digits" not in text and "Exceeds the limit" not in text, text
    return text


def test_a_manifest_number_past_pythons_limit_is_named_by_its_field(fixture_release: Path, tmp_path: Path) -> None:
    from sakrad_ld.manifest import read_manifest

    release = _release_with(fixture_release, tmp_path / "rel", HUGE)
    with pytest.raises(ReleaseError) as refused:
        read_manifest(release)
    said = _said_plainly(refused.value)
    assert f"{release / MANIFEST_FILE}: files[0].size is a number of more than 4,300 digits" in said


@pytest.mark.parametrize("edit", [HUGE, f'"{HUGE}"'], ids=["number", "text"])
def test_an_export_names_the_manifest_field_past_the_limit(fixture_release: Path, tmp_path: Path, edit: str) -> None:
    from sakrad_ld.web.static import copy_release

    release = _release_with(fixture_release, tmp_path / "rel", edit)
    with pytest.raises(ReleaseError) as refused:
        copy_release(release, None, tmp_path / "site")
    said = _said_plainly(refused.value)
    assert "manifest.json: files[0].size is a number of more than 4,300 digits" in said


def test_the_command_line_says_the_manifest_number_exit_2(fixture_release: Path, tmp_path: Path) -> None:
    release = _release_with(fixture_release, tmp_path / "rel", HUGE)
    done = subprocess.run(
        [sys.executable, "-m", "sakrad_ld", "export", "--release", str(release), "--out", str(tmp_path / "site")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert "files[0].size is a number of more than 4,300 digits" in _said_plainly(Exception(done.stderr))
    assert not (tmp_path / "site").exists()


def test_json_document_names_the_first_field_past_the_limit() -> None:
    from sakrad_ld.manifest import TooManyDigits, json_document

    assert json_document('{"a": [1, {"b": -12}]}') == {"a": [1, {"b": -12}]}
    with pytest.raises(TooManyDigits, match=r"^a\[1\]\.b is a number of more than 4,300 digits$"):
        json_document('{"a": [1, {"b": -' + HUGE + '}], "c": ' + HUGE + "}")
    with pytest.raises(TooManyDigits, match="^the document is"):
        json_document(HUGE)
    with pytest.raises(UnicodeDecodeError):  # other ValueErrors stay what they are
        json_document(b'{"a": "\xff"}')
    with pytest.raises(json.JSONDecodeError):
        json_document("{")
