"""Loading with the build's cache (``load_corpus(..., cache=...)``, ``sakrad-ld build --cache``): each
file's parsed record is taken from the cache by its text, and the checks of one meeting
(``corpus.MEETING_CHECKS``) read only the meetings that have not passed them with the same shared
inputs. The result is always a cold load's: the same corpus, in the same order, or the same errors,
with the same messages, places and order; a cache written by other code, or damaged, is only a cold load."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, copy_project

from sakrad_ld.cli import main
from sakrad_ld.corpus import load_corpus
from sakrad_ld.errors import InputErrors
from sakrad_ld.folders import CacheFolder
from sakrad_ld.project import Project
from sakrad_ld.release import write_release


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("inc"))


@pytest.fixture
def data(project: Path, tmp_path: Path) -> Path:
    """A copy of data/ of its own, in one place for every test (a record's lines name its file)."""
    place = project / "data-copy"
    shutil.rmtree(place, ignore_errors=True)
    shutil.copytree(project / "data", place)
    return place


def _loaded(data: Path, cache: CacheFolder | None = None) -> object:
    """The corpus, or the messages and places of the errors, loading ``data`` gives."""
    try:
        return load_corpus(data, cache=cache)
    except InputErrors as errors:
        return [(str(e), e.where) for e in errors.errors]


def _filled(tmp_path: Path, data: Path, code: str = "this code") -> CacheFolder:
    """A cache filled by a load of ``data`` that found nothing wrong."""
    cache = CacheFolder(tmp_path / "cache", code)
    assert not isinstance(_loaded(data, cache), list)
    return cache


def _meetings(data: Path) -> list[Path]:
    return sorted((data / "meetings").glob("*.yaml"))


def _replace_first(path: Path, pattern: str, new: object) -> bool:
    """Replaces the first match of ``pattern`` in ``path`` by ``new`` (a text, or a function of the match)."""
    text = path.read_text(encoding="utf-8")
    changed = re.sub(pattern, new, text, count=1, flags=re.M)  # type: ignore[call-overload]
    if changed == text:
        return False
    path.write_text(changed, encoding="utf-8")
    return True


def test_nothing_changed_gives_the_cold_corpus_and_reads_no_meeting_check(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = load_corpus(data)
    cache = _filled(tmp_path, data)
    import sakrad_ld.stated as stated

    def fails(*_: object) -> object:
        raise AssertionError("a check of one meeting ran with nothing changed")

    monkeypatch.setattr(stated, "_check_stated", fails)
    assert load_corpus(data, cache=cache) == cold
    assert [m.id for m in load_corpus(data, cache=cache).meetings] == [m.id for m in cold.meetings]


def test_a_harmless_edit_gives_the_cold_corpus_and_checks_only_that_meeting(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = _filled(tmp_path, data)
    edited = _meetings(data)[5]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# a comment of the editor\n", encoding="utf-8")
    cold = load_corpus(data)
    import sakrad_ld.corpus as corpus_module

    seen: list[tuple[str, ...]] = []
    check = corpus_module.check_stated

    def recording(corpus: object) -> list:
        seen.append(tuple(m.id for m in corpus.meetings))  # type: ignore[attr-defined]
        return check(corpus)  # type: ignore[arg-type]

    monkeypatch.setattr(corpus_module, "check_stated", recording)
    shared: list[str] = []  # the checks of shared records alone: they passed with these shared inputs
    for check in corpus_module.SHARED_CHECKS:
        monkeypatch.setattr(corpus_module, check.__name__, lambda c, name=check.__name__: shared.append(name) or [])
    assert load_corpus(data, cache=cache) == cold
    assert seen == [(edited.stem,)]
    assert shared == []


#: Edits that break a load check of one meeting, as the load-check tests make them: a count its kept
#: text does not give, a date its sources do not state, a place, another person in a role, an
#: organisation the kept text does not say took part, a post the text does not give.
BREAKS: dict[str, tuple[str, object]] = {
    "count": (r"^(  value: )(\d+)$", lambda m: f"{m[1]}{int(m[2]) + 7}"),
    "date": (r"^date: (\d{4})-(\d\d)-(\d\d)$", lambda m: f"date: {m[1]}-{m[2]}-{'27' if m[3] != '27' else '26'}"),
    "month": (r"^date: (\d{4})-(\d\d)$", lambda m: f"date: {m[1]}-{'11' if m[2] != '11' else '10'}"),
    "place": (r"^place: .*$", "place: Kiruna"),
    "person": (r"^(\s+(?:- )?person: )\S+$", r"\1anna-ekstrom"),
    "organisation": (r"^(\s+(?:- )?organisation: )\S+$", r"\1rfsl"),
    "post": (r"^(\s+post: )\S+$", r"\1statssekreterare"),
}


def test_every_break_of_one_meeting_gives_the_cold_errors(data: Path, tmp_path: Path) -> None:
    """For each meeting of data/ and each edit of :data:`BREAKS` that applies to it, a load with the
    cache of a clean load gives exactly the errors of a cold load."""
    cache = _filled(tmp_path, data)
    refused = compared = 0
    for path in _meetings(data):
        original = path.read_bytes()
        for pattern, new in BREAKS.values():
            if not _replace_first(path, pattern, new):
                continue
            try:
                cold = _loaded(data)
                assert _loaded(data, cache) == cold, path.name
                compared += 1
                refused += isinstance(cold, list)
            finally:
                path.write_bytes(original)
    # about two breaks for each meeting, most of them refused, whatever data/ holds
    assert compared >= len(_meetings(data)) and 4 * refused >= 3 * compared, (compared, refused)
    assert not isinstance(_loaded(data, cache), list)  # a failed load marked nothing: still clean


#: A meeting with counts, a date, a chair and conveners.
RASISM = "2023-12-13-rasism.yaml"


def test_a_break_after_a_cached_break_is_still_refused(data: Path, tmp_path: Path) -> None:
    cache = _filled(tmp_path, data)
    path = data / "meetings" / RASISM
    assert _replace_first(path, *BREAKS["count"])
    cold = _loaded(data)
    assert isinstance(cold, list) and cold
    assert _loaded(data, cache) == cold
    assert _loaded(data, cache) == cold  # the second time its parse is from the cache, its checks are not


def test_a_meeting_added_or_removed_gives_the_cold_result(data: Path, tmp_path: Path) -> None:
    cache = _filled(tmp_path, data)
    first = data / "meetings" / RASISM
    kept = first.read_bytes()
    first.unlink()
    assert _loaded(data, cache) == _loaded(data)
    moved = data / "meetings" / "zz-moved.yaml"
    moved.write_bytes(kept)  # a new file name, the same meeting
    cold = _loaded(data)
    assert not isinstance(cold, list)
    assert _loaded(data, cache) == cold
    moved.unlink()
    first.write_bytes(kept)
    assert _loaded(data, cache) == _loaded(data)
    # the same sakråd under another id, beside an unchanged meeting that passed: check_duplicated refuses it
    again = data / "meetings" / "zz-again.yaml"
    again.write_bytes(kept.replace(b"\nid: 2023-12-13-rasism\n", b"\nid: 2023-12-13-rasism-igen\n"))
    cold = _loaded(data)
    assert isinstance(cold, list) and any("zz-again" in message for message, _ in cold)
    assert _loaded(data, cache) == cold


def _org_name(data: Path) -> tuple[str, str]:
    text = (data / "organisations.yaml").read_text(encoding="utf-8")
    name = re.search(r"^    name: (.+)$", text, re.M)
    assert name
    return name[0], name[0].replace(name[1], name[1] + " Extra")


def test_a_shared_file_edited_checks_every_meeting(data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = _filled(tmp_path, data)
    (data / "organisations.yaml").write_text(
        (data / "organisations.yaml").read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8"
    )
    import sakrad_ld.corpus as corpus_module

    seen: list[int] = []
    check = corpus_module.check_meeting_dates
    monkeypatch.setattr(corpus_module, "check_meeting_dates", lambda c: seen.append(len(c.meetings)) or check(c))
    registered = corpus_module.check_registered
    monkeypatch.setattr(corpus_module, "check_registered", lambda c: seen.append(-1) or registered(c))
    assert load_corpus(data, cache=cache) == load_corpus(data)
    assert seen == [len(_meetings(data)), -1] * 2
    old, new = _org_name(data)  # a name its kept text does not hold
    text = (data / "organisations.yaml").read_text(encoding="utf-8")
    (data / "organisations.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    cold = _loaded(data)
    assert isinstance(cold, list) and cold
    assert _loaded(data, cache) == cold


def test_a_kept_copy_edited_checks_every_meeting(data: Path, tmp_path: Path) -> None:
    """A kept copy is read by the checks of every meeting citing it: a sentence taken out of it refuses
    the facts credited to it, in an unchanged meeting, as a cold load does."""
    cache = _filled(tmp_path, data)
    copy = data / "sources" / "regeringen-2024-01-sakrad-om-det-nationella-arbetet.md"
    text = copy.read_text(encoding="utf-8")
    assert "tjugotal" in text
    copy.write_text(text.replace("tjugotal", "fåtal"), encoding="utf-8")
    cold = _loaded(data)
    assert isinstance(cold, list) and cold
    assert _loaded(data, cache) == cold


def test_a_cache_of_other_code_or_damaged_is_a_cold_load(data: Path, tmp_path: Path) -> None:
    _filled(tmp_path, data, code="other code")
    other = CacheFolder(tmp_path / "cache", "this code")
    path = data / "meetings" / RASISM
    assert _replace_first(path, *BREAKS["count"])
    cold = _loaded(data)
    assert isinstance(cold, list) and cold
    assert _loaded(data, other) == cold  # the marks of the other code's clean load are not read
    shutil.rmtree(tmp_path / "cache")
    path.write_bytes((ROOT / "data" / "meetings" / path.name).read_bytes())
    cache = _filled(tmp_path, data)
    entries = [Path(d) / f for d, _, files in os.walk(cache.root) for f in files]
    assert entries
    for n, entry in enumerate(entries):  # cut short, emptied, or the bytes of another entry
        entry.write_bytes(entry.read_bytes()[: [10, 40, 0][n % 3]])
    assert load_corpus(data, cache=cache) == load_corpus(data)
    for entry in [Path(d) / f for d, _, files in os.walk(cache.root) for f in files]:
        data_ = entry.read_bytes()
        entry.write_bytes(data_[:32] + b"\x80\x05N.")  # a pickle, but a sum that does not match
    assert load_corpus(data, cache=cache) == load_corpus(data)


def test_a_well_formed_entry_that_is_not_a_record_is_a_miss(data: Path, tmp_path: Path) -> None:
    """An entry whose sum matches (written through the cache) but whose pickle is not a record of its class."""
    import pickle

    from sakrad_ld.loadcache import LoadCache

    cache = CacheFolder(tmp_path / "cache", "this code")
    held = LoadCache(cache)
    path = _meetings(data)[0]
    name, found = held.parsed(path, object, path.read_text(encoding="utf-8"), 2**20)
    assert found is None
    for data_ in (pickle.dumps([1, 2]), b"\x80\x05not a pickle.", b"\x80\x05\x95" + bytes(20) + b"."):
        cache.put(name, data_)
        assert held.parsed(path, object, path.read_text(encoding="utf-8"), 2**20)[1] is None


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_a_cached_build_after_an_edit_is_byte_identical_and_a_break_exits_2(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.rmtree(project / "data-copy", ignore_errors=True)
    cache = tmp_path / "cache"
    assert main(["-C", str(project), "build", "--out", str(tmp_path / "dist"), "--cache", str(cache)]) == 0
    path = project / "data" / "meetings" / RASISM
    original = path.read_bytes()
    try:
        # a line of comment: the same records on other lines (the report names them), checked again
        assert _replace_first(path, r"^id: ", "# an editor's comment\nid: ")
        cached = write_release(Project.at(project), tmp_path / "dist", workers=1, cache=cache)
        assert cached.out is not None and cached.wrote
        warm = _files(cached.out.resolve())
        cold = write_release(Project.at(project), tmp_path / "cold", workers=1)
        assert cold.out is not None
        assert warm == _files(cold.out.resolve())
        assert _replace_first(path, *BREAKS["count"])
        capsys.readouterr()
        assert main(["-C", str(project), "build", "--out", str(tmp_path / "dist"), "--cache", str(cache)]) == 2
        with_cache = capsys.readouterr().err
        assert main(["-C", str(project), "build", "--out", str(tmp_path / "cold")]) == 2
        assert capsys.readouterr().err == with_cache
        assert path.name in with_cache
    finally:
        path.write_bytes(original)
