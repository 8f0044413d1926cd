"""Every command that writes refuses to overwrite the project's data or a release.

One rule for every ``--out``, ``--out-dir`` and ``--cache`` (``importer.written.check_out``): never
the file system's root, the project folder, its ``data/``, ``ontology/`` or ``shapes/`` (nor into
them, nor through a link leading there), never into the release ``dist``, a release or an export
elsewhere (known by their files) unless it is the kind of folder the command writes. Each hostile
target: exit 2, the message names the option and the path and says nothing was written, no
traceback, and every byte below the test's folder (and the root's listing) is unchanged.

The build's cache removes only its own entries (its sum checked), never another program's files
of the same shape, and a folder holding anything but a cache's is not taken for one.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import copy_project

from sakrad_ld import cli
from sakrad_ld.cli import main
from sakrad_ld.corpus import is_draft
from sakrad_ld.folders import CacheFolder

ROOT = Path(__file__).resolve().parents[1]
LISTING = ROOT / "tests" / "import" / "regeringen" / "cases" / "invited-not-took-part"
DOC = "data/sources/sakrad-2017-12-12-integration.txt"


def _digest(folder: Path) -> str:
    """Every path below ``folder``: a file's bytes, a link's target, a folder's name."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode() + b"\0")
        if path.is_symlink():
            digest.update(os.readlink(path).encode())
        elif path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with its release dist (a link into dist.releases/), a release and a site elsewhere,
    a person's home folder, and links into data/."""
    project = copy_project(tmp_path / "project")
    store = project / "dist.releases" / "0123"
    store.mkdir(parents=True)
    for name in ("SHA256SUMS", "manifest.json", "sakrad.ttl"):
        (store / name).write_text(f"{name}\n")
    (project / "dist").symlink_to("dist.releases/0123")
    shutil.copytree(store, tmp_path / "release")
    (tmp_path / "site" / "nginx").mkdir(parents=True)
    (tmp_path / "site" / "nginx" / "sakrad-export").write_text("mark\n")
    (tmp_path / "site" / "index.html").write_text("<p>site</p>\n")
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "notes.txt").write_text("mine\n")
    (project / "to-people").symlink_to("data/people.yaml")
    (project / "to-data").symlink_to("data")
    (tmp_path / "register.csv").write_text("name,orgnr\nFrälsningsarmén,802006-1688\n", encoding="utf-8")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(project)
    return project


#: Each command that writes: how its argument list is made with the target.
COMMANDS: dict[str, tuple[str, Callable[[str], list[str]]]] = {
    "build --out": ("--out", lambda t: ["build", "--out", t]),
    "build --cache": ("--cache", lambda t: ["build", "--out", "../out", "--cache", t]),
    "export --out": ("--out", lambda t: ["export", "--out", t]),
    "schema --out": ("--out", lambda t: ["schema", "--out", t]),
    "import --out": ("--out", lambda t: ["import", DOC, "--out", t, "--force"]),
    "import --out-dir": (
        "--out-dir",
        lambda t: ["import", "--listing", f"{LISTING}/listing.json", "--pages", f"{LISTING}/pages", "--out-dir", t],
    ),
    "links reconcile --out": ("--out", lambda t: ["links", "reconcile", "--register", "../register.csv", "--out", t]),
}

#: Hostile targets, relative to the project, and the commands whose own kind of folder one is.
TARGETS = {
    "data/people.yaml": (),  # a file of the data
    "data/new.yaml": (),  # a new file in data/
    "data": (),
    "data/meetings/2017-12-12-integration.yaml": (),  # a reviewed meeting: --force does not replace it
    "ontology/new.ttl": (),
    "to-people": (),  # a link into data/
    "to-data/new.yaml": (),  # through a link into data/
    ".": (),  # the project itself
    "..": (),  # a folder holding the project
    "dist/new.yaml": (),  # inside the release dist
    "../release": ("build --out",),  # a release elsewhere: the build may replace it
    "../release/new.yaml": (),
    "../site": ("export --out",),  # an export: an export may replace it
    "../site/new.yaml": (),
    "/": (),
}
CASES = [(c, t) for c in COMMANDS for t, own in TARGETS.items() if c not in own]


@pytest.mark.parametrize(("command", "target"), CASES)
def test_a_writing_command_refuses_what_is_not_its_own(
    project: Path, command: str, target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    flag, argv = COMMANDS[command]
    before, root = _digest(project.parent), sorted(os.listdir("/"))
    assert main(argv(target)) == 2
    err = capsys.readouterr().err
    named = f"error: {flag} {target}: " in err or (f"error: {target}: " in err and flag in err)
    assert named and "nothing was written" in err, err
    assert "Traceback" not in err
    assert _digest(project.parent) == before and sorted(os.listdir("/")) == root


@pytest.mark.parametrize("command", ["import --out", "links reconcile --out"])
def test_a_file_for_review_is_never_a_device_or_a_folder(
    project: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    flag, argv = COMMANDS[command]
    for target, said in (("/dev/null", "not a regular file"), ("../home", "a folder, not a file")):
        assert main(argv(target)) == 2
        err = capsys.readouterr().err
        assert f"error: {flag} {target}: {said}" in err and "nothing was written" in err, err
    assert Path("/dev/null").is_char_device()


def test_a_draft_goes_into_data_meetings_and_replaces_only_a_draft(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meetings = project / "data" / "meetings"
    # The documentation's own meeting is taken out first: a draft of a text already a meeting's source is
    # the same sakråd twice, which import refuses to write into data/meetings (test_same_meeting.py).
    (meetings / "2017-12-12-integration.yaml").unlink()
    drafted = meetings / "2017-12-12-draft.yaml"
    assert main(["import", DOC, "--out", str(drafted)]) == 0  # a new file in data/meetings/: its place
    assert is_draft(drafted)
    drafted.write_text(drafted.read_text(encoding="utf-8") + "# reviewed later\n", encoding="utf-8")
    assert main(["import", DOC, "--out", str(drafted), "--force"]) == 0  # a draft: --force replaces it
    assert "# reviewed later" not in drafted.read_text(encoding="utf-8")
    reviewed = next(m for m in sorted(meetings.glob("*.yaml")) if not is_draft(m))  # a reviewed meeting
    before = reviewed.read_bytes()
    capsys.readouterr()
    assert main(["import", DOC, "--out", str(reviewed), "--force"]) == 2
    err = capsys.readouterr().err
    assert "not a draft `sakrad-ld import` wrote" in err and "nothing was written" in err, err
    assert reviewed.read_bytes() == before


def test_proposals_go_beside_the_project(project: Path) -> None:
    out = project.parent / "proposals.yaml"
    assert main(["links", "reconcile", "--register", "../register.csv", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("#")


# --- which commands say that nothing was written -------------------------------------------------


def _writing_options() -> set[str]:
    """The commands (``links reconcile`` by its full name) that have --out, --out-dir or --cache."""
    found = set()
    top = cli.parser()
    for name, sub in top._subparsers._group_actions[0].choices.items():  # type: ignore[union-attr]
        parsers = {name: sub}
        if sub._subparsers is not None:
            parsers = {f"{name} {n}": p for n, p in sub._subparsers._group_actions[0].choices.items()}
        for full, p in parsers.items():
            if {o for a in p._actions for o in a.option_strings} & {"--out", "--out-dir", "--cache"}:
                found.add(full)
    return found


def test_every_command_that_writes_is_known_to_write() -> None:
    assert _writing_options() <= cli.WRITERS
    assert "links reconcile" in _writing_options()


BROKEN = {
    "build": ["build", "--out", "../out"],
    "import": ["import", DOC, "--out", "../draft.yaml"],
    "links reconcile": ["links", "reconcile", "--register", "../register.csv", "--out", "../proposals.yaml"],
    "validate": ["validate"],
    "links check": ["links", "check"],
}


@pytest.mark.parametrize("command", sorted(BROKEN))
def test_a_refused_input_says_nothing_was_written_where_the_command_writes(
    project: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    organisations = project / "data" / "organisations.yaml"
    organisations.write_text(organisations.read_text(encoding="utf-8") + "  - id: [unclosed\n", encoding="utf-8")
    before = _digest(project.parent)
    assert main(BROKEN[command]) == 2
    err = capsys.readouterr().err
    said = "problem(s) in the input; nothing was written." in err
    assert said == (command in cli.WRITERS), err
    assert _digest(project.parent) == before


# --- the build's cache -------------------------------------------------------------------------------


def test_the_cache_removes_only_its_own_entries(tmp_path: Path) -> None:
    """A content-addressed store of another program (``document/ab/<64 hex>``, ``cas/ab/<64 hex>``)
    inside the cache's folder is not the cache's: pruning keeps it; a stale entry of its own goes."""
    cache = CacheFolder(tmp_path / "cache", "code")
    key = cache.key("document", "a")
    cache.put(key, b"{}\n")
    own = cache.root / "document" / key.split("/")[1][:2] / key.split("/")[1]
    theirs = []
    for kind in ("document", "cas"):
        name = hashlib.sha256(kind.encode()).hexdigest()
        path = cache.root / kind / name[:2] / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"another program's bytes")
        theirs.append(path)
    for path in [own, *theirs]:
        os.utime(path, (0, 0))
    assert cache.prune(CacheFolder.now()) == 1
    assert not own.exists() and all(p.read_bytes() == b"another program's bytes" for p in theirs)


def test_a_folder_holding_what_a_cache_does_not_is_no_cache(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("mine\n")
    assert "holds todo.txt, which is not the build's cache's" in (CacheFolder.unusable(tmp_path / "notes") or "")
    assert CacheFolder.unusable(tmp_path / "new") is None and (tmp_path / "new").is_dir()
