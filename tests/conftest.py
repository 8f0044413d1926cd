"""Shared fixtures: the repository, the shared material beside it, and throwaway project copies."""

from __future__ import annotations

import shutil
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from devtools import DevTools

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"the shared material is expected beside the checkout, at {SHARED}")
    return SHARED


def copy_project(dest: Path) -> Path:
    """A copy of the project's authored inputs (data/, ontology/, shapes/) to change in a test."""
    for name in ("data", "ontology", "shapes"):
        shutil.copytree(ROOT / name, dest / name)
    return dest


def change(path: Path, old: str, new: str) -> int:
    """Replaces the first ``old`` in ``path`` with ``new``; returns the 1-based line it starts on."""
    text = path.read_text(encoding="utf-8")
    at = text.index(old)
    path.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")
    return text.count("\n", 0, at) + 1


def refusals(project: Path) -> list:
    """The input errors loading ``project``'s data raises (it must raise)."""
    from sakrad_ld.corpus import load_corpus
    from sakrad_ld.errors import InputErrors

    with pytest.raises(InputErrors) as caught:
        load_corpus(project / "data")
    return caught.value.errors


def load_messages(project: Path) -> list[str]:
    """The messages loading ``project``'s data refuses it with; none where it loads."""
    from sakrad_ld.corpus import load_corpus
    from sakrad_ld.errors import InputErrors

    try:
        load_corpus(project / "data")
    except InputErrors as err:
        return [str(e) for e in err.errors]
    return []


def edit_data(project: Path, file: str, old: str, new: str) -> None:
    """Replaces ``old``, which must stand once in ``project``'s ``data/file``, with ``new``."""
    path = project / "data" / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def refused(project: Path) -> list[str]:
    """:func:`refusals` as the messages people read."""
    return [str(e) for e in refusals(project)]


#: A frozen project's data: the tests of saved queries and shapes answer on it, so that adding a
#: meeting to data/ breaks no test (tests/fixtures/project/README.md).
FIXTURE_DATA = Path(__file__).parent / "fixtures" / "project" / "data"


def fixture_project(dest: Path) -> Path:
    """A project of the frozen fixture data with the repository's ontology and shapes."""
    shutil.copytree(FIXTURE_DATA, dest / "data")
    for name in ("ontology", "shapes"):
        shutil.copytree(ROOT / name, dest / name)
    return dest


@pytest.fixture(scope="session")
def fixture_release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The release of the fixture project, built once for the tests that only read it."""
    from sakrad_ld.project import Project
    from sakrad_ld.release import write_release

    project = fixture_project(tmp_path_factory.mktemp("fixture") / "project")
    out = project / "dist"
    result = write_release(Project.at(project), out)
    assert result.out is not None, result.report.text("en")
    return out


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The release of the real data, built once for the tests that only read it."""
    from sakrad_ld.project import Project
    from sakrad_ld.release import write_release

    out = tmp_path_factory.mktemp("release") / "dist"
    result = write_release(Project.at(ROOT), out)
    assert result.out is not None, result.report.text("en")
    return out


@pytest.fixture(scope="session")
def export(release: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The static export of the real data's release, made once for the tests that only read it."""
    from sakrad_ld.web.static import export_site

    return export_site(release, tmp_path_factory.mktemp("export") / "site").out


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevTools]:
    """A headless Chromium for the tests of one module (``tests/devtools.py``)."""
    from devtools import DevTools

    devtools = DevTools(tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield devtools
    finally:
        devtools.close()


@pytest.fixture(params=["server", "file"])
def site(request: pytest.FixtureRequest) -> str:
    """The real data's site root for the browser tests: the server's, or the static export's folder
    opened from disk (``file://``); a module with a ``site`` fixture of its own uses that one."""
    if request.param == "server":
        return request.getfixturevalue("server_url") + "/"
    export: Path = request.getfixturevalue("export")
    return export.as_uri() + "/"


#: The widths the browser tests lay pages out at (CSS pixels): a phone's and a desktop's.
PHONE, DESKTOP = 390, 1280


@pytest.fixture
def page(browser: DevTools) -> DevTools:
    """The module's browser with its page treated as focused: a headless page has no window focus of
    its own, and without it a focused element is not ``:focus``."""
    browser.call("Emulation.setFocusEmulationEnabled", {"enabled": True}, session=True)
    return browser


@pytest.fixture
def phone(browser: DevTools) -> Iterator[DevTools]:
    """The module's browser at a phone's width for one test, at a desktop's after it."""
    browser.width(PHONE)
    try:
        yield browser
    finally:
        browser.width(DESKTOP, 900)


@pytest.fixture(scope="module")
def server_url(release: Path) -> Iterator[str]:
    """The root URL of the server (``sakrad-ld serve``'s app, queries stopped after 10 s) on the
    release of the real data, on loopback for the tests of one module (``tests/serving.py``)."""
    from serving import serving

    from sakrad_ld.serving.server import create_app
    from sakrad_ld.serving.settings import Settings

    with serving(create_app(release, Settings(timeout=10))) as root:
        yield root


@pytest.fixture
def evil_server() -> Iterator[Callable[[Callable[[socket.socket], None]], str]]:
    """A raw TCP server answering each connection with the given function: returns its base URL."""
    servers: list[socket.socket] = []

    def start(answer: Callable[[socket.socket], None]) -> str:
        server = socket.socket()
        server.bind(("127.0.0.1", 0))
        server.listen(5)
        servers.append(server)

        def serve() -> None:
            while True:
                try:
                    conn, _ = server.accept()
                except OSError:
                    return
                conn.recv(65536)
                try:
                    answer(conn)
                except OSError:
                    pass
                finally:
                    conn.close()

        threading.Thread(target=serve, daemon=True).start()
        return f"http://127.0.0.1:{server.getsockname()[1]}"

    yield start
    for server in servers:
        server.close()
