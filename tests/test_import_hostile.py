"""`sakrad-ld import --listing FILE --pages DIR` (and a single PAGE) against hostile files: a listing
or codes.json nested deeper than Python's parser follows, malformed, of the wrong shape, with fields
of the wrong type or a number of 5,000 digits; a FIFO given as the listing, as codes.json or among the
pages; a link to /dev/zero among the pages; a PAGE larger than a page may be. Each is an exit-2
message naming the file (and the entry and field) and what is expected: never a traceback (exit 1
is reserved for SHACL violations), a wait for a writer that never comes, or an unbounded read.

Each case runs the real command line in a process of its own, with a timeout that catches a hang."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import fixture_project

HELD = "# Sakråd om bibliotek\n\nDen 4 mars 2026 hölls ett sakråd om bibliotek med civilsamhället.\n"
PAGE = "sakrad/2026/03/sakrad-om-bibliotek.md"
DEEP = "[" * 100_000


def _run(cwd: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sakrad_ld", *args], cwd=cwd, capture_output=True, text=True, timeout=timeout
    )


def _refused(done: subprocess.CompletedProcess[str], *said: str) -> str:
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 2, done.stderr
    for text in said:
        assert text in done.stderr, done.stderr
    return done.stderr


@pytest.fixture
def snapshot(tmp_path: Path) -> Path:
    """A project holding a snapshot ``lst/``: a listing of one page, and the page under ``lst/pages/``."""
    project = fixture_project(tmp_path / "project")
    folder = project / "lst"
    (folder / "pages" / PAGE).parent.mkdir(parents=True)
    (folder / "pages" / PAGE).write_text(HELD, encoding="utf-8")
    entry = {"url": "/" + PAGE.removesuffix(".md") + "/", "title": "Sakråd om bibliotek", "published": "2026-03-05"}
    (folder / "listing.json").write_text(json.dumps([entry]), encoding="utf-8")
    return project


BATCH = ["import", "--listing", "lst/listing.json", "--pages", "lst/pages", "--out-dir", "out"]


def test_the_snapshot_itself_is_drafted(snapshot: Path) -> None:
    """The cases below differ from this one only in the file each spoils."""
    done = _run(snapshot, *BATCH)
    assert done.returncode == 0, done.stderr
    assert (snapshot / "out" / "2026-03-04-bibliotek.yaml").is_file()


#: What the listing holds → what the message says (besides the listing's name).
LISTINGS = [
    (DEEP, "nested deeper than"),
    ("{bad", "not JSON"),
    ("[" + "1" * 5000 + "]", "a number of more than"),
    ('{"url": "/x/"}', "not a JSON list"),
    ('["/sakrad/2026/03/x/"]', "[0]: the entry is a JSON string"),
    ('[{"url": 5}]', "[0].url: "),
    ('[{"url": "/x/", "senders": 5}]', "[0].senders: "),
    ('[{"url": "/x/", "senders": [5]}]', "[0].senders[0]: "),
    ('[{"url": "/x/", "attachments": 5}]', "[0].attachments: "),
    ('[{"url": "/x/", "attachments": [{"url": 7}]}]', "[0].attachments[0].url: "),
    ('[{"url": "/x/", "shortcuts": ["/y/"]}]', "[0].shortcuts[0]: "),
    ('[{"url": "/x/", "title": {"sv": "x"}}]', "[0].title: "),
    ('[{"url": "/x/", "id": 7}]', "[0].id: "),
    ('[{"url": "/x/", "updated": []}]', "[0].updated: "),
    ('[{"url": "/x/", "published": 2026}]', "published"),
    (b"[\xff]", "not UTF-8"),
]


@pytest.mark.parametrize(("content", "said"), LISTINGS)
def test_a_listing_that_is_not_one_is_refused(snapshot: Path, content: str | bytes, said: str) -> None:
    listing = snapshot / "lst" / "listing.json"
    listing.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    err = _refused(_run(snapshot, *BATCH), "lst/listing.json", said)
    assert "expected" in err
    assert not (snapshot / "out").exists()


#: What codes.json holds → what the message says.
CODES = [
    (DEEP, "nested deeper than"),
    ("{bad", "not JSON"),
    ("[]", "not a JSON object"),
    ('{"1293": 5}', "1293"),
    ('{"1293": "' + "9" * 5000 + '", "x": ' + "9" * 5000 + "}", "a number of more than"),
]


@pytest.mark.parametrize(("content", "said"), CODES)
def test_a_codes_file_that_is_not_one_is_refused(snapshot: Path, content: str, said: str) -> None:
    (snapshot / "lst" / "listing.json").write_text('[{"url": "/x/", "senders": ["1293"]}]', encoding="utf-8")
    (snapshot / "lst" / "codes.json").write_text(content, encoding="utf-8")
    _refused(_run(snapshot, *BATCH), "lst/codes.json", said, "expected")


def test_a_fifo_as_the_listing_is_refused_at_once(snapshot: Path) -> None:
    fifo = snapshot / "lst" / "listing.json"
    fifo.unlink()
    os.mkfifo(fifo)
    _refused(_run(snapshot, *BATCH, timeout=60), "lst/listing.json", "FIFO")


def test_a_fifo_as_codes_json_is_refused_at_once(snapshot: Path) -> None:
    os.mkfifo(snapshot / "lst" / "codes.json")
    _refused(_run(snapshot, *BATCH, timeout=60), "lst/codes.json", "FIFO")


def test_a_fifo_as_the_listing_of_one_page_is_refused_at_once(snapshot: Path) -> None:
    fifo = snapshot / "lst" / "listing.json"
    fifo.unlink()
    os.mkfifo(fifo)
    done = _run(snapshot, "import", "--listing", "lst/listing.json", "lst/pages/" + PAGE, timeout=60)
    _refused(done, "lst/listing.json", "FIFO")


def test_a_fifo_among_the_pages_is_refused_at_once(snapshot: Path) -> None:
    fifo = snapshot / "lst" / "pages" / "sakrad" / "2026" / "03" / "fifo-page.md"
    os.mkfifo(fifo)
    _refused(_run(snapshot, *BATCH, timeout=60), "fifo-page.md", "FIFO")
    assert not (snapshot / "out").exists()


def test_a_link_to_a_device_among_the_pages_is_refused_unread(snapshot: Path) -> None:
    (snapshot / "lst" / "pages" / "sakrad" / "2026" / "03" / "zero-page.md").symlink_to("/dev/zero")
    _refused(_run(snapshot, *BATCH, timeout=60), "zero-page.md", "device")
    assert not (snapshot / "out").exists()


def test_a_page_past_the_size_of_a_page_among_the_pages_is_refused_unread(snapshot: Path) -> None:
    with open(snapshot / "lst" / "pages" / "sakrad" / "2026" / "03" / "huge.md", "wb") as huge:
        huge.truncate(3 * 2**30)  # sparse: 3 GB that take no room
    _refused(_run(snapshot, *BATCH, timeout=60), "huge.md", "more than the")


def test_a_sparse_page_of_gigabytes_is_refused_unread(snapshot: Path) -> None:
    """Given as PAGE under any name: a page or a documentation text, each has a size it may have."""
    for name in ("sparse.md", "lst/pages/sakrad/2026/03/sparse.md"):
        with open(snapshot / name, "wb") as huge:
            huge.truncate(3 * 2**30)
        _refused(_run(snapshot, "import", name, timeout=60), "sparse.md", "more than the")


def test_a_fifo_as_the_page_is_refused_at_once(snapshot: Path) -> None:
    os.mkfifo(snapshot / "p.md")
    _refused(_run(snapshot, "import", "p.md", timeout=60), "p.md", "FIFO")


def test_a_fifo_where_the_pages_text_would_go_is_left_unread(snapshot: Path) -> None:
    """A text the draft's source keeps is compared with a file already there; a FIFO there is no such file."""
    (snapshot / "out").mkdir()
    os.mkfifo(snapshot / "out" / "regeringen-2026-03-sakrad-om-bibliotek.md")
    done = _run(snapshot, *BATCH, timeout=60)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert "is left as it is" in done.stderr


def test_a_looping_link_where_a_writer_would_write_is_named_not_a_traceback(tmp_path: Path) -> None:
    """``enclosing`` (every --out of import, schema, links reconcile) follows links with inputfiles.resolved:
    a loop is a SakradError naming the option, where Path.resolve raised Python's RuntimeError."""
    from sakrad_ld.errors import SakradError
    from sakrad_ld.importer.written import enclosing

    (tmp_path / "loopB").symlink_to("loopA")
    (tmp_path / "loopA").symlink_to("loopB")
    for out in (tmp_path / "loopA", tmp_path / "loopA" / "draft.yaml"):
        with pytest.raises(SakradError, match="--out-dir .*loops"):
            enclosing(out, what="--out-dir")
