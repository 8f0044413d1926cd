"""A release file replaced by something that is not a regular file (a FIFO) while ``sakrad-ld serve``
runs: the request for it is answered 503 (the release is being replaced) and every other request
still gets its answer. Reading a FIFO would wait for a writer that never comes: in the event loop it
stopped the whole server, SIGTERM included. The watcher's look at ``SHA256SUMS`` never waits either."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from conftest import fixture_project
from serving import serving

from sakrad_ld.layout import CHECKSUMS
from sakrad_ld.project import Project
from sakrad_ld.release import write_release
from sakrad_ld.serving import files
from sakrad_ld.serving.releases import fingerprint
from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The release of the fixture project (its folder), built once for the module."""
    root = tmp_path_factory.mktemp("fifo")
    write_release(Project.at(fixture_project(root / "project")), root / "dist")
    return (root / "dist").resolve()


@pytest.fixture
def release(built: Path, tmp_path: Path) -> Path:
    """A copy of the release of this test's own, which the test may spoil."""
    return Path(shutil.copytree(built, tmp_path / "release"))


@pytest.fixture
def client(release: Path) -> Iterator[httpx.Client]:
    with serving(create_app(release, Settings(timeout=10))) as root, httpx.Client(base_url=root, timeout=30) as c:
        yield c


def _fifo_in_place_of(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


def _still_answers(client: httpx.Client) -> None:
    assert client.get("/sakrad.ttl").status_code == 200
    assert client.get("/", headers={"accept": "text/html"}).status_code == 200


@pytest.mark.parametrize("streamed", [False, True], ids=["read-whole", "streamed"])
def test_a_release_file_that_became_a_fifo_is_a_503_and_the_server_goes_on(
    release: Path, client: httpx.Client, monkeypatch: pytest.MonkeyPatch, streamed: bool
) -> None:
    if streamed:  # every file is streamed from disk, as files past WHOLE_FILE are
        monkeypatch.setattr(files, "WHOLE_FILE", 0)
    name = "tables/meetings.csv"
    assert client.get(f"/{name}").status_code == 200
    _fifo_in_place_of(release / name)
    for _ in range(2):  # the second time too: nothing was left waiting on the first
        got = client.get(f"/{name}")
        assert got.status_code == 503, got.text
        assert "the release is being replaced" in got.text
    _still_answers(client)


def test_the_watcher_does_not_wait_on_checksums_that_became_a_fifo(release: Path, client: httpx.Client) -> None:
    before = fingerprint(release)
    _fifo_in_place_of(release / CHECKSUMS)
    seen: list[str] = []
    looking = threading.Thread(target=lambda: seen.append(fingerprint(release)), daemon=True)
    looking.start()
    looking.join(30)  # a wait on the FIFO would never end
    assert seen, "reading the checksums waited on a FIFO"
    assert seen[0] != before and seen[0].endswith("\n-")
    _still_answers(client)
