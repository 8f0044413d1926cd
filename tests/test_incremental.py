"""Builds with a cache (``write_release(..., cache=...)``, ``.sakrad-cache/`` beside the release for
``sakrad-ld build``): the release is byte-identical to a cold build of the same inputs, after an
edit to one meeting and after an edit to one organisation; the edit re-makes exactly the meetings'
files that show what changed; a cache made by other code is never read, and deleting it only makes
the next build cold."""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pytest

from sakrad_ld.folders import CacheFolder
from sakrad_ld.project import Project
from sakrad_ld.release import write_release

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate import generate  # noqa: E402

MEETINGS = 14


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _made(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The cache keys a build makes anew (the files it could not take from the cache)."""
    made: list[str] = []
    put = CacheFolder.put

    def recording(self: CacheFolder, key: str, data: bytes) -> None:
        made.append(key)
        put(self, key, data)

    monkeypatch.setattr(CacheFolder, "put", recording)
    return made


def _cold(project: Path, out: Path) -> dict[str, bytes]:
    result = write_release(Project.at(project), out, workers=1)
    assert result.out is not None, result.report.text("en")
    return _files(out.resolve())


def _cached(project: Path, out: Path, cache: Path) -> dict[str, bytes]:
    result = write_release(Project.at(project), out, workers=1, cache=cache)
    assert result.out is not None, result.report.text("en")
    return _files(out.resolve())


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return generate(tmp_path / "project", MEETINGS, seed=11)


def _meeting_files(project: Path) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in (project / "data" / "meetings").glob("*.yaml")}


def test_a_cached_build_is_byte_identical_to_a_cold_one_after_editing_a_meeting(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    assert _cached(corpus, tmp_path / "warm", cache) == _cold(corpus, tmp_path / "cold")
    meeting = sorted(_meeting_files(corpus))[3]
    path = corpus / "data" / "meetings" / f"{meeting}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Syftet med", "Ändrat: syftet med", 1))

    made = _made(monkeypatch)
    incremental = _cached(corpus, tmp_path / "warm", cache)
    assert incremental == _cold(corpus, tmp_path / "cold-after"), "the cached build differs from a cold one"
    assert any(name.startswith(f"meetings/{meeting}.") for name in incremental)
    # the edited meeting's two documents and its picture in each language, and nothing else: no other
    # meeting shows its title
    per_meeting = sorted(key.split("/")[0] for key in made if key.startswith(("document/", "picture/")))
    assert per_meeting == ["document", "document", "picture", "picture"], made


def test_editing_an_organisation_remakes_exactly_the_meetings_that_show_it(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    _cached(corpus, tmp_path / "warm", cache)
    meetings = _meeting_files(corpus)
    taking_part = {m: set(re.findall(r"^  - (syn-org-\d+)$", text, flags=re.M)) for m, text in meetings.items()}
    org = next(
        o
        for o in sorted({o for orgs in taking_part.values() for o in orgs})
        if 1 < sum(o in orgs for orgs in taking_part.values()) < len(meetings)
    )
    showing = {m for m, orgs in taking_part.items() if org in orgs}
    organisations = corpus / "data" / "organisations.yaml"
    text = organisations.read_text(encoding="utf-8")
    number = org.rsplit("-", 1)[1]
    edited, count = re.subn(rf'(name: "Syntetisk \w+ {number})"', r'\1 (nytt namn)"', text)
    assert count == 1
    organisations.write_text(edited, encoding="utf-8")

    made = _made(monkeypatch)
    assert _cached(corpus, tmp_path / "warm", cache) == _cold(corpus, tmp_path / "cold")
    remade = {key for key in made if key.startswith(("document/", "picture/"))}
    assert len(remade) == 4 * len(showing), (org, sorted(showing), made)  # 2 documents, 2 pictures


def test_a_cache_made_by_other_code_is_never_read(tmp_path: Path) -> None:
    one, other = CacheFolder(tmp_path, "code-1"), CacheFolder(tmp_path, "code-2")
    key = one.key("document", "turtle", "https://example.org/id/meeting/x", b"<a> <b> <c> .\n")
    one.put(key, b"@prefix : <x#> .\n:made :by :code1 .\n")
    assert one.get(key) == b"@prefix : <x#> .\n:made :by :code1 .\n"
    assert other.get(other.key("document", "turtle", "https://example.org/id/meeting/x", b"<a> <b> <c> .\n")) is None
    # parts are kept apart: moving a byte from one part to the next names another entry
    assert one.key("document", "ab", "c") != one.key("document", "a", "bc")


def test_what_a_build_did_not_use_is_pruned_and_a_deleted_cache_only_makes_the_next_build_cold(
    corpus: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    first = _cached(corpus, tmp_path / "warm", cache)
    stale = CacheFolder(cache, "old code")
    old_key = stale.key("document", "turtle", "gone")
    stale.put(old_key, b"@prefix : <x#> .\n:stale :entry :here .\n")
    assert stale.get(old_key)
    path = cache / "document" / old_key.split("/")[1][:2] / old_key.split("/")[1]
    os.utime(path, (1_000_000, 1_000_000))  # last used long ago
    assert _cached(corpus, tmp_path / "warm", cache) == first
    assert not path.exists(), "an entry no build used stays in the cache"
    shutil.rmtree(cache)
    assert _cached(corpus, tmp_path / "warm", cache) == first
    assert any(cache.rglob("*")), "the cache was not made again"


def test_the_cache_folder_sits_beside_the_release(tmp_path: Path) -> None:
    assert CacheFolder.beside(tmp_path / "dist") == tmp_path / ".sakrad-cache"


def test_build_command_keeps_its_cache_where_it_is_told(corpus: Path, tmp_path: Path) -> None:
    from sakrad_ld.cli import main

    out, cache = tmp_path / "dist", tmp_path / ".sakrad-cache"
    assert main(["-C", str(corpus), "build", "--out", str(out), "--cache", str(cache)]) == 0
    first = _files(out.resolve())
    assert any(p.is_file() for p in cache.rglob("*"))
    assert main(["-C", str(corpus), "build", "--out", str(out), "--cache", str(cache)]) == 0
    assert _files(out.resolve()) == first


def test_unchanged_inputs_write_nothing_and_any_change_builds_again(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sakrad_ld.release as release

    # the code read as unchanged whatever happens to the package's files meanwhile (a work tree
    # edited while the tests run): this test is about the project's files
    monkeypatch.setattr(release, "_code_digest", lambda: "this code")
    out, cache = tmp_path / "dist", tmp_path / "cache"
    first = _cached(corpus, out, cache)
    folder = out.resolve()
    wrote: list[Path] = []  # the folders of the releases written into ``out``
    write_files = release._write_files

    def counted(project: Project, root: Path, *rest: object) -> None:
        if root.parent == tmp_path / "dist.releases":
            wrote.append(root)
        write_files(project, root, *rest)

    monkeypatch.setattr(release, "_write_files", counted)
    result = write_release(Project.at(corpus), out, workers=1, cache=cache)
    assert wrote == [] and result.out == out and out.resolve() == folder and _files(folder) == first
    # nothing loaded or validated: the report and the counts are those the first build recorded
    assert result.corpus is None and result.built is None and result.meetings == MEETINGS
    assert result.report.findings and result.report == write_release(Project.at(corpus), tmp_path / "again").report
    assert any(p.is_file() for p in (cache / "document").rglob("*")), "the meetings' entries were pruned"

    shape = next((corpus / "shapes").glob("*.ttl"))
    before = shape.read_text(encoding="utf-8")
    shape.write_text(before + "\n# a comment\n", encoding="utf-8")  # any input counts
    edited = _cached(corpus, out, cache)
    assert edited == _cold(corpus, tmp_path / "cold") != first and len(wrote) == 1
    assert _cached(corpus, out, cache) == edited and len(wrote) == 1  # unchanged again

    # ``out`` made to name another release: the inputs are unchanged since the cached build, but written again
    shape.write_text(before, encoding="utf-8")
    write_release(Project.at(corpus), out, workers=1)
    shape.write_text(before + "\n# a comment\n", encoding="utf-8")
    assert _cached(corpus, out, cache) == edited and len(wrote) == 3


def test_a_report_record_that_does_not_read_back_makes_the_build_load_and_validate(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sakrad_ld.release as release

    monkeypatch.setattr(release, "_code_digest", lambda: "this code")
    out, cache = tmp_path / "dist", tmp_path / "cache"
    first = _cached(corpus, out, cache)
    records = [p for p in (cache / "report").rglob("*") if p.is_file()]
    assert len(records) == 1
    hostile = (
        b"[" * 100_000 + b"]" * 100_000,  # deeper than the parser recurses
        b'{"meetings": 1e999, "triples": 1, "findings": []}',  # a number no count is
        b'{"meetings": -1, "triples": 1, "findings": []}',
        b'{"meetings": 1, "triples": 1, "findings": [{"severity": "Info", "focusNode": "x", "resultPath": null, '
        b'"value": null, "message": {}, "sourceShape": null, "sourceConstraintComponent": "c", "file": "f", '
        b'"line": 1e999, "field": ""}]}',
    )
    for broken in (
        b"{",
        b'{"meetings": 1}',
        b'{"meetings": 1, "triples": 2, "findings": [{"file": 3}]}',
        b"\xff",
        *hostile,
    ):
        records[0].write_bytes(broken)
        result = write_release(Project.at(corpus), out, workers=1, cache=cache)
        assert result.corpus is not None and result.report.findings  # loaded and validated again
        assert _files(out.resolve()) == first
        # the build that validated again recorded its report anew: the next one reads it
        assert write_release(Project.at(corpus), out, workers=1, cache=cache).corpus is None


def test_an_unchanged_build_prints_what_the_build_that_made_its_release_printed(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sakrad_ld.cli import main

    out, cache = tmp_path / "dist", tmp_path / "cache"

    def build(lang: str, *cached: str) -> str:
        assert main(["-C", str(corpus), "build", "--out", str(out), "--lang", lang, *cached]) == 0
        return capsys.readouterr().out

    for lang in ("sv", "en"):
        fresh = build(lang)  # no cache: loaded, validated, written
        assert f"Wrote the release of {MEETINGS} meeting(s)" in fresh
        # the first build with the cache writes its release (in Swedish); after it, nothing is
        # loaded or written, and the build says the same of the data, and that it wrote nothing
        unchanged = build(lang, "--cache", str(cache))
        if lang == "sv":
            assert unchanged == fresh
            unchanged = build(lang, "--cache", str(cache))
        said, last = unchanged.rstrip("\n").rsplit("\n", 1)
        assert said == fresh.rstrip("\n").rsplit("\n", 1)[0]
        assert (
            last
            == f"The release at {out}, of {MEETINGS} meeting(s) and {_triples(fresh)} triples, is the one these inputs make: nothing was written"
        )


def _triples(said: str) -> str:
    """The number of triples a build said it wrote."""
    found = re.search(r"Wrote the release of \d+ meeting\(s\), (\d+) triples", said)
    assert found, said
    return found.group(1)


def test_a_cache_entry_that_is_no_regular_file_is_read_as_missing(corpus: Path, tmp_path: Path) -> None:
    """A FIFO would block the build and /dev/zero would never end: neither is read."""
    out, cache = tmp_path / "dist", tmp_path / "cache"
    first = _cached(corpus, out, cache)
    (record,) = [p for p in (cache / "report").rglob("*") if p.is_file()]
    record.unlink()
    os.mkfifo(record)  # a writer never comes
    result = write_release(Project.at(corpus), out, workers=1, cache=cache)
    assert result.corpus is not None and _files(out.resolve()) == first  # loaded and validated instead
    for entry in [p for p in (cache / "document").rglob("*") if p.is_file()][:3]:
        entry.unlink()
        entry.symlink_to("/dev/zero")
    assert _cached(corpus, tmp_path / "again", cache) == first


def test_a_folder_holding_a_file_of_its_own_is_refused_as_the_cache(corpus: Path, tmp_path: Path) -> None:
    """A folder holding anything but a cache's folders (a person's notes) is never taken for one."""
    from sakrad_ld.errors import ReleaseError

    cache, out = tmp_path / "mine", tmp_path / "dist"
    cache.mkdir()
    (cache / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ReleaseError, match=r"notes\.txt, which is not the build's cache's"):
        write_release(Project.at(corpus), out, workers=1, cache=cache)
    assert sorted(p.name for p in cache.iterdir()) == ["notes.txt"]
    assert (cache / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert not os.path.lexists(out), "a refused cache wrote the release"


def test_pruning_the_cache_removes_only_its_own_entries(corpus: Path, tmp_path: Path) -> None:
    """Files of someone else's inside the cache's folders of entries are kept, however old they are
    and even when they have an entry's name; an entry the cache wrote that no build used is removed."""
    cache = tmp_path / "mine"
    (cache / "document" / "ab").mkdir(parents=True)
    (cache / "document" / "sub").mkdir()
    theirs = [
        cache / "document" / "notes.txt",
        cache / "document" / "sub" / "thesis.tex",
        cache / "document" / "ab" / "notes.txt",
        cache / "document" / "ab" / ("cd" * 32),  # an entry's name in another entry's folder
        cache / "document" / "ab" / ("ab" * 32),  # an entry's name and place, but not bytes the cache wrote
    ]
    for path in theirs:
        path.write_text("mine", encoding="utf-8")
        os.utime(path, (0, 0))
    earlier = CacheFolder(cache, "the code of an earlier version")  # its entries no build of this code uses
    key = earlier.key("document", "a meeting since removed")
    earlier.put(key, b"{}")
    kind, name = key.split("/")
    stale = cache / kind / name[:2] / name
    assert stale.is_file(), "the earlier code's entry was not written"
    os.utime(stale, (0, 0))
    _cached(corpus, tmp_path / "dist", cache)
    assert all(path.read_text(encoding="utf-8") == "mine" for path in theirs)
    assert not stale.exists(), "an entry of the cache's own no build used was kept"
    # a recorded start that would make every entry look unused is read as no record
    record = next(p for p in (cache / "release").rglob("*") if p.is_file())
    record.write_bytes(b"inf\n" + record.read_bytes().split(b"\n", 1)[1])
    _cached(corpus, tmp_path / "dist", cache)
    kept = [p for p in (cache / "document").rglob("*") if p.is_file() and p not in theirs]
    assert kept, "the build's entries were pruned"


def test_a_cache_entry_larger_than_any_entry_is_read_as_missing(corpus: Path, tmp_path: Path) -> None:
    from sakrad_ld.folders import MAX_ENTRY

    out, cache = tmp_path / "dist", tmp_path / "cache"
    first = _cached(corpus, out, cache)
    (record,) = [p for p in (cache / "report").rglob("*") if p.is_file()]
    with open(record, "r+b") as file:
        file.truncate(MAX_ENTRY + 1)  # sparse: no disk is used
    result = write_release(Project.at(corpus), out, workers=1, cache=cache)
    assert result.corpus is not None and _files(out.resolve()) == first
