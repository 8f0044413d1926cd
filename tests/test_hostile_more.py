"""More hostile cases of fetching, publishing and reading the project's files: a page cut short of
its Content-Length, `--out` at a mount point (a Docker volume, /dev/shm), a folder that cannot be
written, YAML's own tags written out, and control characters in the paths a success line names.
Each is exit 2 with a message naming the path or URL and what to do, nothing left behind, or (for
the success lines) the path escaped as every message escapes it (docs/security.md)."""

from __future__ import annotations

import errno
import os
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import fixture_project

from sakrad_ld.cli import main
from sakrad_ld.errors import InputError, InputErrors, ReleaseError
from sakrad_ld.folders import replacing
from sakrad_ld.importer.regeringen import fetch_page
from sakrad_ld.typedyaml import compose_text

PAGE = (
    "# Samråd om civilsamhällets roll inom integrationspolitiken\n\n"
    "Den 7 november 2023 bjuder Arbetsmarknadsdepartementet in organisationer till samråd. "
    "Syftet är att samla synpunkter på hur civilsamhällets roll inom integrationspolitiken kan stärkas, "
    "och samrådet hålls i Stockholm.\n"
).encode()


# --- a page cut short ----------------------------------------------------------------------------


def _announced(sent: int, announced: int | None = None) -> Callable[[socket.socket], None]:
    """Announces ``announced`` bytes of the page (its length by default), sends ``sent``, closes."""

    def answer(conn: socket.socket) -> None:
        length = len(PAGE) if announced is None else announced
        head = f"HTTP/1.1 200 OK\r\nContent-Type: text/markdown; charset=utf-8\r\nContent-Length: {length}\r\n\r\n"
        conn.sendall(head.encode() + PAGE[:sent])

    return answer


def _chunked_cut(conn: socket.socket) -> None:
    half = PAGE[:200]
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/markdown; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n"
    conn.sendall(head + f"{len(PAGE):x}\r\n".encode() + half)


@pytest.mark.parametrize(("sent", "announced"), [(200, None), (0, None), (len(PAGE), len(PAGE) + 1)])
def test_a_body_that_ends_before_its_content_length_is_refused(evil_server, sent: int, announced: int | None) -> None:
    url = evil_server(_announced(sent, announced)) + "/cut/sakrad/2023/11/samrad/"
    with pytest.raises(InputError) as caught:
        fetch_page(url)
    said = str(caught.value)
    whole = len(PAGE) if announced is None else announced
    assert said.startswith(f"{url}: the page arrived incomplete: the connection closed after {sent:,} of the ")
    assert f"{whole:,} bytes the server announced (Content-Length)" in said


def test_a_chunked_body_cut_short_is_said_as_incomplete_too(evil_server) -> None:
    url = evil_server(_chunked_cut) + "/cutchunk"
    with pytest.raises(InputError, match="the page arrived incomplete: the connection closed after 200 bytes"):
        fetch_page(url)


def test_a_cut_page_writes_no_draft_and_no_kept_copy(evil_server, tmp_path: Path, capsys) -> None:
    url = evil_server(_announced(200)) + "/cut/sakrad/2023/11/samrad-om-civilsamhallets-roll/"
    out = tmp_path / "drafts" / "d.yaml"
    assert main(["import", "--fetch", url, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"error: {url}: the page arrived incomplete" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_a_whole_page_with_its_length_is_read(evil_server) -> None:
    page = fetch_page(evil_server(_announced(len(PAGE))) + "/whole")
    assert page.title.startswith("Samråd om civilsamhällets roll") and "Stockholm" in page.text


# --- --out at a mount point ----------------------------------------------------------------------


@pytest.fixture
def mounted(tmp_path: Path) -> Iterator[Callable[..., Path]]:
    """Mounts an empty tmpfs at a new folder (``ro`` for a read-only one); skips where this process
    cannot mount (not root, no tmpfs). Every mount is undone after the test."""
    made: list[Path] = []

    def mount(name: str, *, ro: bool = False) -> Path:
        point = tmp_path / name
        point.mkdir()
        options = "size=8m" + (",ro" if ro else "")
        try:
            done = subprocess.run(
                ["mount", "-t", "tmpfs", "-o", options, "none", str(point)], capture_output=True, timeout=20
            )
        except (OSError, subprocess.TimeoutExpired):
            done = None
        if done is None or done.returncode != 0:
            pytest.skip("this process cannot mount a tmpfs")
        made.append(point)
        return point

    yield mount
    for point in reversed(made):
        subprocess.run(["umount", str(point)], capture_output=True, timeout=20)


def _left(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _refused_build(project: Path, out: Path, capsys) -> str:
    assert main(["-C", str(project), "build", "--out", str(out)]) == 2
    return capsys.readouterr().err


def test_build_at_a_mount_point_is_refused_before_anything_is_made(tmp_path: Path, mounted, capsys) -> None:
    project = fixture_project(tmp_path / "project")
    for point in (mounted("volume"), mounted("readonly", ro=True)):
        err = _refused_build(project, point, capsys)
        assert f"error: --out {point} is a mount point" in err, err
        assert (
            "a mount point cannot be replaced" in err and f"give --out a folder inside it, such as {point}/dist" in err
        )
        assert _left(point) == []
    assert _left(tmp_path) == ["project", "readonly", "volume"]  # no volume.releases, no link.N.tmp


def test_build_at_a_mount_point_is_refused_where_none_can_be_mounted(tmp_path: Path, monkeypatch, capsys) -> None:
    project = fixture_project(tmp_path / "project")
    out = tmp_path / "volume"
    out.mkdir()
    real = os.path.ismount
    monkeypatch.setattr(os.path, "ismount", lambda p: os.fspath(p) == str(out) or real(p))
    err = _refused_build(project, out, capsys)
    assert f"error: --out {out} is a mount point" in err and "nothing was written" in err
    assert _left(tmp_path) == ["project", "volume"] and _left(out) == []


def test_a_publish_the_system_refuses_leaves_no_store_and_no_temporary_link(tmp_path: Path, monkeypatch) -> None:
    """A mount point not seen as one (a file system that says EBUSY at the switch): the failed
    publish removes the release it made, its temporary link and the store it made."""
    from sakrad_ld import folders
    from sakrad_ld.project import Project
    from sakrad_ld.release import write_release

    project = fixture_project(tmp_path / "project")
    out = tmp_path / "volume"
    out.mkdir()

    def busy(*_: object) -> bool:
        raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(out))

    monkeypatch.setattr(folders, "mount_point", lambda _: False)
    monkeypatch.setattr(folders, "_exchange", busy)
    with pytest.raises(ReleaseError) as caught:
        write_release(Project.at(project), out)
    said = str(caught.value)
    assert said.startswith(f"{out}: {os.strerror(errno.EBUSY)} (it cannot be replaced by a link)"), said
    assert said.endswith(f"the release at {out} was not changed")
    assert _left(tmp_path) == ["project", "volume"] and _left(out) == []


def test_export_at_a_mount_point_is_refused_before_anything_is_made(
    fixture_release: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    out = tmp_path / "www"
    out.mkdir()
    real = os.path.ismount
    monkeypatch.setattr(os.path, "ismount", lambda p: os.fspath(p) == str(out) or real(p))
    link = tmp_path / "site"
    link.symlink_to(out)
    for given in (out, link):
        assert main(["export", "--release", str(fixture_release), "--out", str(given)]) == 2
        err = capsys.readouterr().err
        assert f"error: {given} is a mount point" in err, err
        assert f"give --out a folder inside it, such as {out}/site" in err and "nothing was written" in err
    assert _left(tmp_path) == ["site", "www"] and _left(out) == []


# --- a folder that cannot be written -------------------------------------------------------------


def test_export_into_a_read_only_mount_names_the_folder_not_its_temporary_one(
    fixture_release: Path, mounted, capsys
) -> None:
    ro = mounted("ro", ro=True)
    for out in (ro / "site", ro / "a" / "site"):
        assert main(["export", "--release", str(fixture_release), "--out", str(out)]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"error: {ro}: {os.strerror(errno.EROFS)} (a folder cannot be made in it)"), err
        assert ".tmp" not in err and f"the site at {out} was not changed" in err


def test_a_temporary_folder_that_cannot_be_made_is_said_of_the_folder_given(tmp_path: Path, monkeypatch) -> None:
    def read_only(prefix: str = "", suffix: str = "", dir: str | None = None) -> str:  # noqa: A002
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), os.path.join(str(dir), f"{prefix}a1b2c3d4{suffix}"))

    monkeypatch.setattr(tempfile, "mkdtemp", read_only)
    with pytest.raises(OSError) as caught, replacing(tmp_path / "site"):
        pass
    assert caught.value.filename == str(tmp_path) and caught.value.errno == errno.EROFS
    assert _left(tmp_path) == []


def test_build_into_a_read_only_folder_names_that_folder_not_the_store(tmp_path: Path, mounted, capsys) -> None:
    project = fixture_project(tmp_path / "project")
    ro = mounted("ro", ro=True)
    err = _refused_build(project, ro / "dist", capsys)
    assert err.startswith(f"error: {ro}: {os.strerror(errno.EROFS)} (a folder cannot be made in it)"), err
    assert "dist.releases" not in err


# --- YAML's tags written out ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "tag"),
    [
        ('!!bool "false"', "!!bool"),
        ('!<tag:yaml.org,2002:bool> "true"', "!<tag:yaml.org,2002:bool>"),
        ("! true", "!"),
        ('! "x"', "!"),
        ("!!str Forum", "!!str"),
        ("!!int 5", "!!int"),
        ("!!null", "!!null"),
        ("&a !!bool true", "!!bool"),
        ("!!str &a Forum", "!!str"),
        ("[!!str a, b]", "!!str"),
        ("!!seq [a]", "!!seq"),
        ("!!map {a: b}", "!!map"),
        ("!foo true", "!foo"),
    ],
)
def test_a_tag_written_out_is_refused_as_the_docs_say(value: str, tag: str) -> None:
    text = f"id: forum\nname: {value}\n"
    with pytest.raises(InputErrors) as caught:
        compose_text(text, Path("o.yaml"), 1000)
    said = [str(e) for e in caught.value.errors]
    field = "name[0]" if value.startswith("[") else "name"  # the tagged item of the list
    assert said == [
        f"o.yaml:2: {field}: YAML tags are not allowed (this value is tagged {tag!r}); expected a value without a tag "
        "(text, a number, true/false, a list or a mapping) "
        f"(remove {tag}; put the value in quotes if it is meant as text)"
    ]


@pytest.mark.parametrize(
    "text", ["!!str id: forum\n", "\ufeffid: forum\nname: !!str x\n", "%TAG !e! tag:x,1:\n---\nid: !e!y z\n"]
)
def test_a_tag_on_a_key_after_a_byte_order_mark_or_of_a_directive_is_refused(text: str) -> None:
    with pytest.raises(InputErrors, match="YAML tags are not allowed"):
        compose_text(text, Path("o.yaml"), 1000)


@pytest.mark.parametrize(
    "text", ["id: '!!bool'\n", 'id: "! true"\n', "id: a!b\n", "id: forum # !!str\n", "\ufeffid: forum\nname: 'a ! b'\n"]
)
def test_an_exclamation_mark_in_a_text_or_a_comment_is_no_tag(text: str) -> None:
    assert compose_text(text, Path("o.yaml"), 1000) is not None


# --- paths in success lines ----------------------------------------------------------------------

HOSTILE = "esc\x1b]0;PWNED\x07\x1b[2J\nnl"


def test_builds_success_line_escapes_the_out_path(tmp_path: Path, capsys) -> None:
    project = fixture_project(tmp_path / "project")
    out = tmp_path / HOSTILE
    build = ["-C", str(project), "build", "--out", str(out), "--cache", str(tmp_path / "cache")]
    assert main(build) == 0
    said = capsys.readouterr().out.splitlines()[-1]
    assert said.startswith("Wrote the release of ") and said.endswith(
        f"to {tmp_path}/esc\\x1b]0;PWNED\\x07\\x1b[2J\\nnl"
    ), said
    assert main(build) == 0  # the same again: nothing written
    said = capsys.readouterr().out
    assert "\x1b" not in said and "\x07" not in said and f"The release at {tmp_path}/esc\\x1b]0;" in said


def test_exports_success_line_escapes_the_out_path(tmp_path: Path, monkeypatch, capsys) -> None:
    from sakrad_ld.web import static

    monkeypatch.setattr(static, "export_site", lambda release, out, *a, **k: static.ExportResult(out, 3, 7))
    out = tmp_path / ("site\x1b[31mred" + HOSTILE)
    assert main(["export", "--release", str(tmp_path / "rel"), "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert "\x1b" not in said and "\x07" not in said and said.count("\n") == 1, said
    assert f"to {tmp_path}/site\\x1b[31mred" in said and "\\nnl/nginx/" in said


def test_imports_notes_escape_the_out_path(tmp_path: Path, capsys) -> None:
    """What import says on standard error (the draft written, the page's text kept beside it) names the
    --out path as a terminal may show it."""
    project = fixture_project(tmp_path / "project")
    text = project / "data" / "sources" / "sakrad-2017-12-12-integration.txt"
    folder = tmp_path / ("drafts" + HOSTILE)
    folder.mkdir()
    assert main(["-C", str(project), "import", str(text), "--out", str(folder / "draft.yaml")]) == 0
    said = capsys.readouterr().err
    assert "Wrote the draft of meeting" in said and "\x1b" not in said and "\x07" not in said, said
    assert f"{tmp_path}/drafts{HOSTILE.encode('unicode_escape').decode()}" in said, said
