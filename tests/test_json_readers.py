"""Every JSON a command reads back from a folder it does not hold whole (a release's CSVW metadata,
a schema folder's files) is refused or passed over when it is not what was written: JSON nested
deeper than Python's parser follows raises RecursionError, not a ValueError, and a document that is
not an object of the expected shape raised AttributeError; both ended in a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from sakrad_ld.catalogue.files import CSVW_METADATA, TABLES_FOLDER, tables
from sakrad_ld.errors import ReleaseError
from sakrad_ld.schemafolder import _ours

DEEP = "[" * 200_000 + "]" * 200_000


@pytest.mark.parametrize("content", [DEEP, '{"tables": ' + DEEP + "}", "[1, 2]", '{"tables": 7}', "7"])
def test_csvw_metadata_that_is_not_csvw_is_a_release_error(tmp_path: Path, content: str) -> None:
    (tmp_path / TABLES_FOLDER).mkdir()
    (tmp_path / TABLES_FOLDER / "meetings.csv").write_text("id\n", encoding="utf-8")
    (tmp_path / CSVW_METADATA).write_text(content, encoding="utf-8")
    with pytest.raises(ReleaseError, match="not CSVW metadata"):
        tables(tmp_path)


def test_csvw_metadata_with_a_table_that_is_no_object_passes_it_over(tmp_path: Path) -> None:
    (tmp_path / TABLES_FOLDER).mkdir()
    (tmp_path / TABLES_FOLDER / "meetings.csv").write_text("id\n", encoding="utf-8")
    (tmp_path / CSVW_METADATA).write_text('{"tables": [7, "x", {"url": "meetings.csv"}]}', encoding="utf-8")
    assert [t.name for t in tables(tmp_path)] == ["meetings.csv"]


def test_a_schema_folder_file_nested_too_deep_is_not_taken_for_ours(tmp_path: Path) -> None:
    path = tmp_path / "meeting.schema.json"
    path.write_text('{"$id": ' + DEEP + "}", encoding="utf-8")
    assert _ours(path) is False


def test_export_refuses_a_release_whose_manifest_is_nested_too_deep(
    fixture_release: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Even with SHA256SUMS written to match it, so that the release's own checks reach the JSON."""
    import hashlib
    import shutil

    from sakrad_ld.cli import main

    release = tmp_path / "release"
    shutil.copytree(fixture_release, release)
    manifest = ('{"manifest": 1, "files": ' + DEEP + "}").encode()
    (release / "manifest.json").write_bytes(manifest)
    sums = (release / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    digest = hashlib.sha256(manifest).hexdigest()
    sums = [f"{digest}  manifest.json" if line.endswith("  manifest.json") else line for line in sums]
    (release / "SHA256SUMS").write_text("\n".join(sums) + "\n", encoding="utf-8")
    assert main(["export", "--release", str(release), "--out", str(tmp_path / "site")]) == 2
    err = capsys.readouterr().err
    assert "manifest.json" in err and "Traceback" not in err
