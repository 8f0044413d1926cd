"""A source's copy (``file:`` in data/sources.yaml) is read with a bound and must be UTF-8 text: a
copy larger than the shared-file limit or of other bytes is exit 2 at the line of its ``file:``,
before the dates are looked up in it or it is published under ``sources/``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import fixture_project

from sakrad_ld.cli import main
from sakrad_ld.corpus import MAX_SHARED_FILE

COPY = "sources/sakrad-2017-12-12-integration.txt"


def _build(project: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["-C", str(project), "build", "--out", str(out)])
    return code, capsys.readouterr().err


def _line_of_file(project: Path) -> int:
    lines = (project / "data" / "sources.yaml").read_text(encoding="utf-8").splitlines()
    return next(n for n, text in enumerate(lines, 1) if f"file: {COPY}" in text)


def test_a_copy_larger_than_the_limit_is_refused_without_being_read_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = fixture_project(tmp_path / "project")
    with open(project / "data" / COPY, "r+b") as file:
        file.truncate(3 * 2**30)  # sparse: no disk is used; read whole, it took 6.3 GB of memory
    code, err = _build(project, tmp_path / "dist", capsys)
    assert code == 2, err
    assert "Traceback" not in err
    assert f"sources.yaml:{_line_of_file(project)}:" in err
    assert f"file '{COPY}': the copy has more than {MAX_SHARED_FILE:,} bytes" in err
    assert not (tmp_path / "dist").exists()


def test_a_copy_that_is_not_utf8_text_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = fixture_project(tmp_path / "project")
    (project / "data" / COPY).write_bytes(b"%PDF-1.7\n" + os.urandom(2000) + b"\xff\xfe")
    code, err = _build(project, tmp_path / "dist", capsys)
    assert code == 2, err
    assert "Traceback" not in err
    assert f"sources.yaml:{_line_of_file(project)}:" in err
    assert "is not UTF-8 text (byte" in err


def test_a_copy_of_utf8_text_within_the_limit_is_published(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = fixture_project(tmp_path / "project")
    code, err = _build(project, tmp_path / "dist", capsys)
    assert code == 0, err
    published = tmp_path / "dist" / COPY
    assert published.read_bytes() == (project / "data" / COPY).read_bytes()


@pytest.mark.parametrize("name", ["sources/page.html", "sources/picture.svg", "sources/a b.txt", "sources/a#b.txt"])
def test_a_copy_that_is_no_plain_text_file_is_refused(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An .html or .svg copy would be served from the site's own origin with its scripts; a name that
    is no plain path segment broke the IRI of schema:archivedAt or the export."""
    project = fixture_project(tmp_path / "project")
    (project / "data" / COPY).rename(project / "data" / name)
    sources = project / "data" / "sources.yaml"
    sources.write_text(
        sources.read_text(encoding="utf-8").replace(f"file: {COPY}", f"file: '{name}'"), encoding="utf-8"
    )
    code, err = _build(project, tmp_path / "dist", capsys)
    assert code == 2 and "Traceback" not in err, err
    assert "not a plain path of a text file" in err


def test_two_copies_published_at_one_path_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """file: x.txt and file: sources/x.txt would both be published as sources/x.txt."""
    project = fixture_project(tmp_path / "project")
    data = project / "data"
    (data / "sakrad-2017-12-12-integration.txt").write_bytes((data / COPY).read_bytes())
    sources = data / "sources.yaml"
    text = sources.read_text(encoding="utf-8")
    second = text.replace(f"file: {COPY}", "file: sakrad-2017-12-12-integration.txt", 1)
    assert second != text
    # the second source (Lagrummet's list) is given the same published path
    other = next(line for line in second.splitlines() if "file:" in line and "sakrad-2017" not in line)
    sources.write_text(second.replace(other, other.split("file:")[0] + f"file: {COPY}"), encoding="utf-8")
    code, err = _build(project, tmp_path / "dist", capsys)
    assert code == 2 and "Traceback" not in err, err
    assert "published at the same path (sources/sakrad-2017-12-12-integration.txt)" in err
