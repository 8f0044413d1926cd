"""A cache entry begins with the SHA-256 of its bytes: an entry changed on disk (a cache restored
from elsewhere, a disk fault, an edit) is read as missing and made again, so a cached build's
release stays byte-identical to a cold one."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest

from sakrad_ld.folders import CacheFolder
from sakrad_ld.project import Project
from sakrad_ld.release import write_release

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate import generate  # noqa: E402


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


TURTLE = b"@prefix schema: <https://schema.org/> .\n\n<x> schema:location 'Stockholm' .\n"


def test_an_entry_reads_back_and_a_changed_one_is_missing_and_removed(tmp_path: Path) -> None:
    cache = CacheFolder(tmp_path / "cache", "code")
    key = cache.key("document", "a")
    cache.put(key, TURTLE)
    assert cache.get(key) == TURTLE
    (path,) = [p for p in (tmp_path / "cache").rglob("*") if p.is_file()]
    path.write_bytes(path.read_bytes().replace(b"Stockholm", b"Pyongyang"))
    assert cache.get(key) is None
    assert not path.exists()
    cache.put(key, TURTLE)
    path.write_bytes(b"short")  # fewer bytes than the digest
    assert cache.get(key) is None


def _entry(cache: CacheFolder, key: str) -> Path:
    kind, name = key.split("/", 1)
    return cache.root / kind / name[:2] / name


def test_an_empty_entry_is_missing_whatever_its_digest(tmp_path: Path) -> None:
    cache = CacheFolder(tmp_path / "cache", "code")
    for kind in ("document", "picture", "report", "release", "other"):
        key = cache.key(kind, "a")
        cache.put(key, b"")
        assert not _entry(cache, key).exists()  # not kept
        for digest in (hashlib.sha256(b"").digest(), CacheFolder._sum(key, b"")):
            _entry(cache, key).parent.mkdir(parents=True, exist_ok=True)
            _entry(cache, key).write_bytes(digest)  # the SHA-256 of nothing, bare or keyed: 32 bytes
            assert cache.get(key) is None, kind
            assert not _entry(cache, key).exists()


@pytest.mark.parametrize(
    ("kind", "good", "bad"),
    [
        ("document", TURTLE, [b"Stockholm", b"@prefix x: <y> .\n<a> x:b 'c", b"\xff@prefix x: <y> .\n", b" \n"]),
        ("document", b'{\n  "@context": {}\n}\n', [b'{\n  "@context": {', b"[]\n", b"null"]),
        ("picture", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>\n', [b"<svg", b"<html></html>", TURTLE]),
        ("report", b'{"meetings": 1, "triples": 2, "findings": []}', [b"{", b"[]", b"\xff"]),
        ("release", b"1700000000.5\n0123  meetings/x.ttl\n", [b"1700000000.5", b"nan\nx", b"when\nx"]),
    ],
)
def test_an_entry_not_what_its_kind_looks_like_is_missing(
    tmp_path: Path, kind: str, good: bytes, bad: list[bytes]
) -> None:
    cache = CacheFolder(tmp_path / "cache", "code")
    key = cache.key(kind, "a")
    cache.put(key, good)
    assert cache.get(key) == good
    for data in bad:
        cache.put(key, data)  # not kept: the good entry stays
        assert cache.get(key) == good
        _entry(cache, key).write_bytes(CacheFolder._sum(key, data) + data)  # its digest right
        assert cache.get(key) is None, data
        assert not _entry(cache, key).exists()
        cache.put(key, good)


def test_an_entry_moved_to_another_keys_path_is_missing(tmp_path: Path) -> None:
    cache = CacheFolder(tmp_path / "cache", "code")
    first, second = cache.key("document", "a"), cache.key("document", "b")
    other = TURTLE.replace(b"Stockholm", b"Pyongyang")
    cache.put(first, TURTLE)
    cache.put(second, other)
    _entry(cache, first).replace(_entry(cache, second))  # a whole, well-formed entry, under another key
    assert cache.get(second) is None
    assert cache.get(first) is None


def test_the_bare_digest_of_nothing_over_a_built_entry_publishes_no_empty_document(tmp_path: Path) -> None:
    project = generate(tmp_path / "project", 3, seed=5)
    cache = tmp_path / "cache"
    assert write_release(Project.at(project), tmp_path / "cold", workers=1, cache=cache).out is not None
    cold = _files((tmp_path / "cold").resolve())
    for entry in [p for kind in ("document", "picture") for p in (cache / kind).rglob("*") if p.is_file()]:
        entry.write_bytes(hashlib.sha256(b"").digest())
    assert write_release(Project.at(project), tmp_path / "warm", workers=1, cache=cache).out is not None
    assert _files((tmp_path / "warm").resolve()) == cold


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


def test_every_entry_a_build_makes_is_kept_and_read_back(tmp_path: Path) -> None:
    """The kinds' checks accept what the build writes: a document per meeting and format, a picture
    per meeting and language, the release's and the report's records, all read back."""
    from sakrad_ld.release import _code_digest

    project = generate(tmp_path / "project", 3, seed=7)
    cache = tmp_path / "cache"
    assert write_release(Project.at(project), tmp_path / "out", workers=1, cache=cache).out is not None
    kept = CacheFolder(cache, _code_digest())
    keys = [f"{p.parent.parent.name}/{p.name}" for p in cache.rglob("*") if p.is_file() and len(p.name) == 64]
    kinds = sorted({k.split("/")[0] for k in keys})
    assert kinds == ["checked", "document", "parsed", "picture", "release", "report"]
    assert sum(k.startswith("document/") for k in keys) == 3 * 2  # Turtle and JSON-LD
    assert sum(k.startswith("picture/") for k in keys) >= 3 * 2  # Swedish and English
    assert all(kept.get(key) for key in keys)


@pytest.mark.parametrize("errno_name", ["ENOSPC", "EIO", "EDQUOT"])
def test_an_entry_the_disk_refuses_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, errno_name: str
) -> None:
    """A full disk while an entry is written: the build goes on (the cache is only a faster next
    build), and the entry's temporary file is removed, not left for a later build to find."""
    import errno
    import os

    cache = CacheFolder(tmp_path / "cache", "code")
    key = cache.key("document", "x")
    real_fdopen = os.fdopen

    class Refusing:
        def __init__(self, fd: int) -> None:
            self.file = real_fdopen(fd, "wb")

        def __enter__(self) -> Refusing:
            return self

        def __exit__(self, *exc: object) -> None:
            self.file.close()

        def write(self, data: bytes) -> int:
            raise OSError(getattr(errno, errno_name), os.strerror(getattr(errno, errno_name)))

    monkeypatch.setattr("sakrad_ld.folders.os.fdopen", lambda fd, mode="r", **kw: Refusing(fd))
    cache.put(key, b"@prefix x: <http://x/> .\n")
    monkeypatch.undo()
    left = [p.name for p in (tmp_path / "cache").rglob("*") if p.is_file()]
    assert left == [], left
    assert cache.get(key) is None
    cache.put(key, b"@prefix x: <http://x/> .\n")  # with room again, it is kept
    assert cache.get(key) == b"@prefix x: <http://x/> .\n"
