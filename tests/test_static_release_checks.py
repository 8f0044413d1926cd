"""`export` publishes only the release its SHA256SUMS and manifest.json describe: a file swapped,
cut off, replaced by a link or a FIFO, added or taken away is refused (exit 2, the file named with
what is expected) and the site already at --out is left as it was. On a full disk or an I/O error
(an injected OSError at a write, at the close that flushes it, at the rename of the new site) the
error names the file and says the site was not changed."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest
from test_hostile_full_disk import _Full

from sakrad_ld.cli import main
from sakrad_ld.folders import MARK_TEXT
from sakrad_ld.web.static import SITE_MARK

#: What every refusal says after naming the file.
UNCHANGED = "nothing was exported, the site at {out} was not changed"


@pytest.fixture
def copy(fixture_release: Path, tmp_path: Path) -> Path:
    """A copy of the fixture's release, files only (the build's folder behind its link)."""
    dest = tmp_path / "rel"
    shutil.copytree(fixture_release.resolve(), dest)
    return dest


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A site already at --out: what a refused export must leave as it was (an earlier export's,
    with its mark: an export replaces no other folder)."""
    out = tmp_path / "site"
    (out / "doc").mkdir(parents=True)
    (out / "nginx").mkdir()
    (out / SITE_MARK).write_bytes(MARK_TEXT)
    (out / "index.html").write_text("the site before\n", encoding="utf-8")
    (out / "doc" / "x.html").write_text("a page before\n", encoding="utf-8")
    return out


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _export(release: Path, out: Path, capsys: pytest.CaptureFixture[str], *more: str) -> tuple[int, str]:
    code = main(["export", "--release", str(release), "--out", str(out), *more])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err


def _refused(release: Path, out: Path, capsys: pytest.CaptureFixture[str], *more: str) -> str:
    before = _tree(out)
    code, err = _export(release, out, capsys, *more)
    assert code == 2, err
    assert UNCHANGED.format(out=out) in err, err
    assert _tree(out) == before  # the site before, every byte
    left = [p for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.")]
    assert [p.name for p in left] == []  # no temporary site, no folder made for the old one
    return err


def test_the_release_as_built_is_exported_whole(copy: Path, site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _export(copy, site, capsys)
    assert code == 0, err
    download = site / "download"
    assert _tree(download) == _tree(copy)
    assert (site / "context.jsonld").read_bytes() == (copy / "context.jsonld").read_bytes()


def _other_nt(copy: Path) -> bytes:
    """sakrad.nt of another release: the same triples with one name changed."""
    data = (copy / "sakrad.nt").read_bytes()
    assert b"Stockholm" in data
    return data.replace(b"Stockholm", b"Stockholn", 1)


@pytest.mark.parametrize("name", ["sakrad.nt", "context.jsonld", "ontology/sakrad.ttl", "tables/meetings.csv"])
def test_a_swapped_file_is_refused(copy: Path, site: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    data = (copy / name).read_bytes()
    (copy / name).write_bytes(_other_nt(copy) if name == "sakrad.nt" else data.replace(b"a", b"b", 1))
    err = _refused(copy, site, capsys)
    sums = dict(reversed(line.split("  ", 1)) for line in (copy / "SHA256SUMS").read_text().splitlines())
    assert f"error: {copy / name}: SHA-256 " in err and f"SHA256SUMS lists {sums[name]}" in err, err


@pytest.mark.parametrize("name", ["sakrad.nt", "manifest.json", "catalog.ttl"])
def test_a_truncated_or_emptied_file_is_refused(
    copy: Path, site: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    for size in (100, 0):
        data = (copy / name).read_bytes()
        (copy / name).write_bytes(data[:size])
        err = _refused(copy, site, capsys)
        assert f"error: {copy / name}: SHA-256 " in err and f"({size} bytes)" in err, err
        (copy / name).write_bytes(data)


def _write_with_its_sum(copy: Path, name: str, data: bytes) -> str:
    """Writes ``data`` as the release file ``name`` and its SHA-256 into SHA256SUMS (the manifest
    left as it was); gives the digest SHA256SUMS listed before."""
    (copy / name).write_bytes(data)
    sums = (copy / "SHA256SUMS").read_text()
    old = next(line.split("  ")[0] for line in sums.splitlines() if line.endswith(f"  {name}"))
    (copy / "SHA256SUMS").write_text(sums.replace(old, hashlib.sha256(data).hexdigest()))
    return old


def test_a_file_and_its_sum_edited_together_disagree_with_the_manifest(
    copy: Path, site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = "sakrad.nt"
    old = _write_with_its_sum(copy, name, _other_nt(copy))
    err = _refused(copy, site, capsys)
    assert f"error: {copy / 'manifest.json'}: {name} has SHA-256 {old} here" in err, err


@pytest.mark.parametrize("target", ["/etc/passwd", "sibling"])
@pytest.mark.parametrize("name", ["sources", "sakrad.nt", "tables/meetings.csv"])
def test_a_symbolic_link_is_refused(
    copy: Path, site: Path, capsys: pytest.CaptureFixture[str], name: str, target: str, tmp_path: Path
) -> None:
    """A link to a file outside, or to a copy of the very same file (its digest would match): the
    release holds its own files, so nothing of another place is published through it."""
    path = copy / name
    if target == "sibling":
        twin = tmp_path / "twin"
        (shutil.copytree if path.is_dir() else shutil.copyfile)(path, twin)
        target = str(twin)
    (shutil.rmtree if path.is_dir() else Path.unlink)(path)
    path.symlink_to(target)
    err = _refused(copy, site, capsys)
    assert f"error: {path}: a symbolic link, expected a regular file" in err, err


@pytest.mark.parametrize("name", ["sources/x.ttl", "tables/meetings.csv"])
def test_a_fifo_is_refused_without_reading_it(
    copy: Path, site: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    path = copy / name
    if path.exists():
        path.unlink()
    os.mkfifo(path)  # opened for reading, a FIFO without a writer would block the export
    err = _refused(copy, site, capsys)
    assert f"error: {path}: a FIFO (named pipe), expected a regular file" in err, err


@pytest.mark.parametrize("name", ["extra.txt", "tables/extra.csv", "ontology/more.ttl", "new/folder/file"])
def test_a_file_not_listed_is_refused(copy: Path, site: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    (copy / name).parent.mkdir(parents=True, exist_ok=True)
    (copy / name).write_text("@prefix : <x:> .\n", encoding="utf-8")
    err = _refused(copy, site, capsys)
    assert f"error: {copy / name}: a file that SHA256SUMS does not list, expected only the files" in err, err


@pytest.mark.parametrize("name", ["context.jsonld", "tables/meetings.csv", "sakrad.nt", "ontology/sakrad.ttl"])
def test_a_listed_file_missing_is_refused(
    copy: Path, site: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    (copy / name).unlink()
    err = _refused(copy, site, capsys)
    assert f"error: {copy / name}: missing, SHA256SUMS lists it" in err, err


def test_a_file_the_manifest_lists_and_the_sums_do_not_is_refused(
    copy: Path, site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = json.loads((copy / "manifest.json").read_bytes())
    doc["files"].append({"path": "ghost.ttl", "media_type": "text/turtle", "size": 1, "sha256": "0" * 64})
    _write_with_its_sum(copy, "manifest.json", json.dumps(doc).encode())
    err = _refused(copy, site, capsys)
    assert "ghost.ttl is listed in manifest.json but not in SHA256SUMS" in err, err


@pytest.mark.parametrize(
    "line", ["nonsense", "0" * 64 + "  ../outside", "0" * 64 + "  /etc/passwd", "0" * 63 + "  sakrad.nt"]
)
def test_a_checksums_line_that_is_no_checksum_is_refused(
    copy: Path, site: Path, capsys: pytest.CaptureFixture[str], line: str
) -> None:
    with (copy / "SHA256SUMS").open("a", encoding="utf-8") as sums:
        sums.write(line + "\n")
    n = len((copy / "SHA256SUMS").read_text().splitlines())
    err = _refused(copy, site, capsys)
    assert f"error: {copy / 'SHA256SUMS'}:{n}: " in err and "expected a SHA-256 in 64 hex digits" in err, err


def test_hidden_files_are_neither_read_nor_published(
    copy: Path, site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.mkfifo(copy / ".fifo")  # read, it would block
    (copy / ".notes").write_text("mine\n", encoding="utf-8")
    code, err = _export(copy, site, capsys)
    assert code == 0, err
    assert not (site / "download" / ".notes").exists() and not (site / "download" / ".fifo").exists()


def test_the_previous_release_is_checked_too(
    copy: Path, site: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    previous = tmp_path / "previous"
    shutil.copytree(copy, previous)
    (previous / "sakrad.nt").write_bytes(_other_nt(copy))
    err = _refused(copy, site, capsys, "--previous", str(previous))
    assert f"error: {previous / 'sakrad.nt'}: SHA-256 " in err, err


# --- a full disk or an I/O error while the site is written ------------------------------------------


FAULTS = [
    (at, nth, code)
    for at, nth in (("write", 1), ("close", 1), ("write", 400), ("close", 400), ("rename", 1), ("rename", 2))
    for code in (errno.ENOSPC, errno.EIO)
]


@pytest.mark.parametrize(("at", "nth", "code"), FAULTS, ids=[f"{a}-{n}-{errno.errorcode[c]}" for a, n, c in FAULTS])
def test_a_full_disk_names_the_file_and_leaves_the_site_as_it_was(
    copy: Path,
    site: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    at: str,
    nth: int,
    code: int,
) -> None:
    """The first file written (a release file copied into download/) and the 400th (a page: the
    fixture's release has fewer files), at the write, at the close; and the renames that put the new
    site in the old one's place: the old site's move aside (the first), the new site's move to --out
    (the second, after which the old site is moved back)."""
    assert len(list(copy.rglob("*"))) < 400
    opened: list[str] = []
    if at == "rename":
        real_replace = os.replace
        renames: list[object] = []

        def replace(src: object, dst: object) -> None:
            renames.append(src)
            if len(renames) == nth:
                raise OSError(code, os.strerror(code))
            real_replace(src, dst)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "replace", replace)
    else:
        real = os.fdopen

        def fdopen(fd: int, mode: str = "r", *args: object, **kwargs: object) -> object:
            opened.append(mode)
            if "w" in mode and len(opened) == nth:
                return _Full(fd, at, code)
            return real(fd, mode, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "fdopen", fdopen)
    err = _refused(copy, site, capsys)
    said = f": {os.strerror(code)}; {UNCHANGED.format(out=site)}"
    assert said in err, err
    named = err.split("error: ", 1)[1].split(said)[0]
    if at == "rename":
        assert named == str(site), err
    else:
        assert named.startswith(f"{site}{os.sep}") and Path(named).name, err  # the file, as it is in the site
        assert (nth == 1) == named.startswith(f"{site / 'download'}{os.sep}"), err
    monkeypatch.undo()
    code_after, err = _export(copy, site, capsys)  # the next run is not blocked
    assert code_after == 0, err


def test_a_manifest_of_another_layout_is_named_in_the_release(
    copy: Path, site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = json.loads((copy / "manifest.json").read_bytes())
    doc["manifest"] = 7
    _write_with_its_sum(copy, "manifest.json", json.dumps(doc).encode())
    err = _refused(copy, site, capsys)
    assert f"error: {copy / 'manifest.json'}: manifest version 7" in err, err
