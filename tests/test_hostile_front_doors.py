"""Hostile paths and answers met by the command line's front doors: a symbolic link that loops given
as any path option, a store or a server that answers something that is not HTTP or trickles it, a
``build --out`` link to a user's folder or file, control characters in the table for people, names
longer than the file system allows. Each is said naming the option or path, exit 2, no traceback,
nothing written or replaced."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import fixture_project

from sakrad_ld.errors import ReleaseError, SakradError
from sakrad_ld.layout import DATA_FILE

LOOP_MESSAGE = "the symbolic link (to loopB) loops, leading back to itself"


def _run(cwd: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sakrad_ld", *args], cwd=cwd, capture_output=True, text=True, timeout=timeout
    )


def _refused(done: subprocess.CompletedProcess[str], *said: str) -> None:
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    for text in said:
        assert text in done.stderr, done.stderr


@pytest.fixture
def looping(tmp_path: Path) -> Path:
    """A project folder holding ``loopA`` → ``loopB`` → ``loopA``."""
    project = fixture_project(tmp_path / "project")
    (project / "loopB").symlink_to("loopA")
    (project / "loopA").symlink_to("loopB")
    return project


#: Every command and path option that read a looping link with Path.resolve() and showed
#: Python's RuntimeError; the option the message names.
LOOPS = [
    (["serve", "--release", "loopA", "--get", "/"], "--release loopA"),
    (["query", "--release", "loopA", "chairs"], "--release loopA"),
    (["export", "--release", "loopA", "--out", "s9"], "--release loopA"),
    (["export", "--out", "loopA"], "--out loopA"),
    (["export", "--previous", "loopA", "--out", "s8"], "--previous loopA"),
    (["build", "--out", "loopA"], "--out loopA"),
    (["build", "--cache", "loopA", "--out", "o1"], "--cache loopA"),
    (["schema", "--out", "loopA"], "--out loopA"),
    (["-C", "loopA", "validate"], "-C loopA"),
    (["import", "--listing", "l.json", "--pages", "data", "--out-dir", "loopA"], "--out-dir loopA"),
    (["import", "--listing", "loopA", "--pages", "data", "--out-dir", "o2"], "--listing loopA"),
    (["links", "reconcile", "--register", "loopA"], "--register loopA"),
    (["diff", "loopA", "loopA"], "OLD_DIR loopA"),
    (["push", "--endpoint", "http://127.0.0.1:9/store", "--release", "loopA"], "--release loopA"),
]


@pytest.mark.parametrize(("args", "named"), LOOPS, ids=[" ".join(a) for a, _ in LOOPS])
def test_a_looping_link_as_a_path_option_is_named_exit_2(looping: Path, args: list[str], named: str) -> None:
    done = _run(looping, *args)
    _refused(done, f"error: {named}: {LOOP_MESSAGE}")
    if args[0] in ("build", "export", "schema", "import"):
        assert "nothing was written" in done.stderr


def test_a_looping_link_on_the_way_of_a_path_names_the_link(looping: Path) -> None:
    done = _run(looping, "build", "--out", "loopA/sub")
    _refused(done, "error: --out loopA/sub: the symbolic link ", "loopA on its way (to loopB) loops")
    assert not (looping / "loopA.releases").exists()


def test_the_library_front_doors_say_a_loop_as_the_projects_error(looping: Path) -> None:
    """Called from Python, the folders a build or an export names are resolved by one helper: a
    SakradError naming the path, never Python's RuntimeError."""
    from sakrad_ld.folders import kept_relation, release_places
    from sakrad_ld.project import Project
    from sakrad_ld.release import write_release

    loop = looping / "loopA"
    with pytest.raises(SakradError, match="loops, leading back to itself"):
        release_places(loop, "the --release folder")
    with pytest.raises(SakradError, match="loopA"):
        kept_relation(loop, [])
    with pytest.raises(SakradError, match="loopA"):
        write_release(Project.at(looping), loop)
    with pytest.raises(SakradError, match="--cache"):
        write_release(Project.at(looping), looping / "dist", cache=loop)


def test_a_loop_met_past_the_options_is_an_error_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from sakrad_ld import cli

    def loops(args: object) -> int:
        raise RuntimeError("Symlink loop from '/somewhere/loopA'")

    monkeypatch.setitem(cli.COMMANDS, "validate", (loops, cli.COMMANDS["validate"][1]))
    assert cli.main(["validate"]) == 2
    assert "error: /somewhere/loopA: a symbolic link on its way loops" in capsys.readouterr().err


# --- push: a store that does not answer HTTP (http.client.HTTPException is not an OSError) -----------


@contextmanager
def _serving(answer: bytes | None, trickle: bytes = b"", pause: float = 0.0) -> Iterator[int]:
    """A port where a server reads a request, then sends ``answer``, or ``trickle`` byte by byte."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    stop = threading.Event()

    def handle(conn: socket.socket) -> None:
        with conn:
            conn.settimeout(2)
            try:
                while conn.recv(1 << 16):
                    pass
            except OSError:
                pass
            try:
                if answer is not None:
                    conn.sendall(answer)
                for byte in trickle:
                    if stop.is_set():
                        return
                    conn.sendall(bytes([byte]))
                    time.sleep(pause)
            except OSError:
                pass

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                return
            threading.Thread(target=handle, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield server.getsockname()[1]
    finally:
        stop.set()
        server.close()


@pytest.fixture
def minimal_release(tmp_path: Path) -> Path:
    release = tmp_path / "rel"
    release.mkdir()
    (release / DATA_FILE).write_text("<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n")
    return release


@pytest.mark.parametrize(
    ("answer", "kind"),
    [(b"garbage\r\n\r\n", "BadStatusLine"), (b"HTTP/1.1 200 OK\r\nX: " + b"a" * 70_000 + b"\r\n\r\n", "LineTooLong")],
)
def test_push_to_a_store_that_does_not_answer_http_is_exit_2(minimal_release: Path, answer: bytes, kind: str) -> None:
    with _serving(answer) as port:
        endpoint = f"http://127.0.0.1:{port}/store"
        done = _run(
            minimal_release.parent,
            "push",
            "--endpoint",
            endpoint,
            "--graph",
            "http://example.org/g",
            "--release",
            "rel",
        )
        _refused(done, f"error: {endpoint}: the store's answer is not HTTP ({kind}")
        assert done.stderr.count("\n") == 1  # one line: the store's text has its line breaks escaped


# --- links check --online: one deadline per target, not per read -------------------------------------


def test_links_check_gives_up_on_a_server_that_trickles_its_answer() -> None:
    """The server sends its headers one byte every 0.05 s (12 s in all): each read is quick, so only a
    deadline for the whole request ends it. Without one, the answer after 12 s was a 200."""
    from sakrad_ld.registers.links import http_status

    head = b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 200 + b"\r\nContent-Length: 0\r\n\r\n"
    with _serving(None, head, 0.05) as port:
        status, detail = http_status(f"http://127.0.0.1:{port}/x", 1.0)
        assert (status, detail) == (None, "no answer within 1 s")


# --- build --out LINK: only a link to a release is replaced ------------------------------------------


@pytest.mark.parametrize("kind", ["folder", "file", "nothing", "loop"])
def test_build_refuses_a_link_to_what_is_not_a_release(tmp_path: Path, kind: str) -> None:
    from sakrad_ld.project import Project
    from sakrad_ld.release import write_release

    project = fixture_project(tmp_path / "project")
    user = tmp_path / "user"
    user.mkdir()
    (user / "thesis.txt").write_text("precious\n")
    targets = {"folder": user, "file": user / "thesis.txt", "nothing": tmp_path / "gone", "loop": project / "ulink"}
    link = project / "ulink"
    link.symlink_to(targets[kind])
    with pytest.raises(ReleaseError) as refused:
        write_release(Project.at(project), link)
    said = str(refused.value)
    assert "ulink" in said and "nothing was written" in said
    assert os.readlink(link) == str(targets[kind])  # the user's link is kept
    assert (user / "thesis.txt").read_text() == "precious\n"
    assert not (project / "ulink.releases").exists()


def test_build_into_a_link_to_another_release_is_still_accepted(tmp_path: Path, fixture_release: Path) -> None:
    """A link to a folder that is a release (it has its checksums) is a release's link: it is replaced."""
    from sakrad_ld.folders import ReleaseFolders

    link = tmp_path / "dist"
    link.symlink_to(fixture_release.resolve())
    assert ReleaseFolders(link).current() == fixture_release.resolve()


def test_a_failed_switch_names_the_folder_and_leaves_no_link(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The folder holding ``--out`` cannot be written: named, not the temporary link, which is removed."""
    from sakrad_ld.folders import ReleaseFolders

    folders = ReleaseFolders(tmp_path / "rw")
    folder = folders.store / "0123456789abcdef"
    folder.mkdir(parents=True)
    real = os.replace

    def refuse(src: object, dst: object) -> None:
        if Path(str(dst)) == folders.out:
            raise PermissionError(13, "Permission denied", str(src))
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError) as failed:
        folders._switch(folder)
    assert failed.value.filename == str(tmp_path)
    assert "the link rw in it cannot be replaced" in str(failed.value.strerror)
    assert [p.name for p in folders.store.iterdir()] == [folder.name]


# --- names and links the writers said in the OS's words ----------------------------------------------


@pytest.mark.parametrize("command", ["build", "export", "schema"])
def test_an_out_name_longer_than_the_file_system_allows_is_named(tmp_path: Path, command: str) -> None:
    project = fixture_project(tmp_path / "project")
    name = "a" * 250
    done = _run(project, command, "--out", name)
    _refused(
        done, f"error: --out {name}: the name aaaaaaaaaaaaaaaaaaaa…aaaaaaaaaaaa has 250 bytes", "nothing was written"
    )
    assert "File name too long" not in done.stderr
    assert sorted(p.name for p in project.iterdir()) == ["data", "ontology", "shapes"]


def test_export_into_a_link_to_nothing_says_so(tmp_path: Path) -> None:
    from sakrad_ld.folders import check_replaceable

    link = tmp_path / "dangl"
    link.symlink_to(tmp_path / "gone")
    with pytest.raises(ReleaseError, match=r"dangl is a symbolic link \(to .*gone\) that leads to nothing"):
        check_replaceable(link)


# --- query's table for people: control characters escaped ----------------------------------------------


def test_the_query_table_escapes_control_characters(fixture_release: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from sakrad_ld.cli import main

    query = 'SELECT ?x ?y WHERE { BIND("a\\u001b]0;pwned\\u0007\\u001b[2Jb" AS ?x) BIND("c\\u009bd"@en AS ?y) }'
    assert main(["query", "--release", str(fixture_release), query]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    assert "a\\x1b]0;pwned\\x07\\x1b[2Jb" in out and "c\\x9bd @en" in out
    assert main(["query", "--release", str(fixture_release), "--format", "json", query]) == 0
    assert "\\u001b" in capsys.readouterr().out  # a results format carries the value as it is
