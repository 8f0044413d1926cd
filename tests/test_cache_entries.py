"""A cache entry begins with the SHA-256 of its bytes: an entry changed on disk (a cache restored
from elsewhere, a disk fault, an edit) is read as missing and made again, so a cached build's
release stays byte-identical to a cold one."""

from __future__ import annotations

import sys
from pathlib import Path

from sakrad_ld.folders import CacheFolder
from sakrad_ld.project import Project
from sakrad_ld.release import write_release

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate import generate  # noqa: E402


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_an_entry_reads_back_and_a_changed_one_is_missing_and_removed(tmp_path: Path) -> None:
    cache = CacheFolder(tmp_path / "cache", "code")
    key = cache.key("document", "a")
    cache.put(key, b"Stockholm")
    assert cache.get(key) == b"Stockholm"
    (path,) = [p for p in (tmp_path / "cache").rglob("*") if p.is_file()]
    path.write_bytes(path.read_bytes().replace(b"Stockholm", b"Pyongyang"))
    assert cache.get(key) is None
    assert not path.exists()
    cache.put(key, b"")
    assert cache.get(key) == b""
    path.write_bytes(b"short")  # fewer bytes than the digest
    assert cache.get(key) is None


def test_a_tampered_document_entry_is_not_published(tmp_path: Path) -> None:
    project = generate(tmp_path / "project", 4, seed=3)
    cache = tmp_path / "cache"
    first = write_release(Project.at(project), tmp_path / "cold", workers=1, cache=cache)
    assert first.out is not None
    cold = _files((tmp_path / "cold").resolve())
    entries = [p for p in (cache / "document").rglob("*") if p.is_file()]
    assert entries
    for entry in entries:  # every byte after the digest changed: the digest no longer matches
        data = entry.read_bytes()
        entry.write_bytes(data[:32] + data[32:].replace(b"a", b"o"))
    again = write_release(Project.at(project), tmp_path / "warm", workers=1, cache=cache)
    assert again.out is not None
    assert _files((tmp_path / "warm").resolve()) == cold
