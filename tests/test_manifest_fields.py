"""Every reader of a release (``serve``, ``query``, ``push``, ``diff``, ``export``) takes its base IRI,
version, graph and files from ``manifest.json``, so the manifest's fields are checked as they are read:
a base IRI that is no http(s) IRI ending in '/', a version that is no version, a graph that is not the
base's graph of that version, a file entry that is no relative path, media type, size or SHA-256, a
manifest that is no JSON object or no regular file, is a ReleaseError naming the file and the field
(exit 2 from the commands), never a traceback or a server answering 500; and a server whose release
folder switches to such a release keeps serving the one it served."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from serving import serving

from sakrad_ld.cli import main
from sakrad_ld.errors import ReleaseError
from sakrad_ld.manifest import read_manifest
from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings


def _set(field: str, value: object) -> Callable[[dict], None]:
    def edit(doc: dict) -> None:
        doc[field] = value

    return edit


def _set_file(field: str, value: object) -> Callable[[dict], None]:
    def edit(doc: dict) -> None:
        doc["files"][0][field] = value

    return edit


BAD = {
    "base_iri null": (_set("base_iri", None), "base_iri"),
    "base_iri a number": (_set("base_iri", 5), "base_iri"),
    "base_iri without '/'": (_set("base_iri", "https://w3id.org/sakrad"), "base_iri"),
    "base_iri not http": (_set("base_iri", "javascript:alert(1)/"), "base_iri"),
    "base_iri with a line break": (_set("base_iri", "https://w3id.org/\nsakrad/"), "base_iri"),
    "version an object": (_set("version", {"a": 1}), "version"),
    "version with a slash": (_set("version", "1/../2"), "version"),
    "graph a number": (_set("graph", 7), "graph"),
    "graph of another base": (_set("graph", "https://example.org/graph/1.2.0"), "graph"),
    "producer a list": (_set("producer", [1]), "producer"),
    "path out of the release": (_set_file("path", "../../etc/passwd"), "files[0].path"),
    "path absolute": (_set_file("path", "/etc/passwd"), "files[0].path"),
    "size a text": (_set_file("size", "12"), "files[0].size"),
    "size negative": (_set_file("size", -1), "files[0].size"),
    "size a float": (_set_file("size", 1.5), "files[0].size"),
    "sha256 short": (_set_file("sha256", "abc"), "files[0].sha256"),
    "media type a header": (_set_file("media_type", "text/html\r\nX: y"), "files[0].media_type"),
}


def _edited(release: Path, tmp_path: Path, edit: Callable[[dict], None]) -> Path:
    copy = tmp_path / "release"
    shutil.copytree(release, copy)
    path = copy / "manifest.json"
    doc = json.loads(path.read_bytes())
    edit(doc)
    path.write_text(json.dumps(doc), encoding="utf-8")
    return copy


def test_the_release_as_built_reads(fixture_release: Path) -> None:
    manifest = read_manifest(fixture_release)
    assert manifest.graph == f"{manifest.base_iri}graph/{manifest.version}" and manifest.files


@pytest.mark.parametrize("case", BAD)
def test_a_field_no_build_writes_is_refused_naming_it(
    case: str, fixture_release: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit, field = BAD[case]
    copy = _edited(fixture_release, tmp_path, edit)
    with pytest.raises(ReleaseError) as refused:
        read_manifest(copy)
    assert field in str(refused.value) and "manifest.json" in str(refused.value)
    for argv in (["serve", "--release", str(copy), "--get", "/"], ["query", "--release", str(copy), "ASK {}"]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert field in err and "Traceback" not in err


@pytest.mark.parametrize("content", [b"[]", b"7", b'"x"', b"{", b"\xff"])
def test_a_manifest_that_is_no_json_object_is_refused(content: bytes, fixture_release: Path, tmp_path: Path) -> None:
    copy = tmp_path / "release"
    shutil.copytree(fixture_release, copy)
    (copy / "manifest.json").write_bytes(content)
    with pytest.raises(ReleaseError, match="manifest.json"):
        read_manifest(copy)


def test_a_manifest_that_is_a_fifo_is_refused_without_waiting(fixture_release: Path, tmp_path: Path) -> None:
    copy = tmp_path / "release"
    shutil.copytree(fixture_release, copy)
    (copy / "manifest.json").unlink()
    os.mkfifo(copy / "manifest.json")
    with pytest.raises(ReleaseError, match="manifest.json"):
        read_manifest(copy)


def test_a_server_keeps_its_release_when_the_folder_switches_to_a_bad_one(
    fixture_release: Path, tmp_path: Path
) -> None:
    good, link = tmp_path / "releases" / "good", tmp_path / "dist"
    shutil.copytree(fixture_release, good)
    bad = _edited(fixture_release, tmp_path / "bad", _set("base_iri", None))
    link.symlink_to(good)
    app = create_app(link, Settings(timeout=5, query_workers=1, reload_interval=0))
    with serving(app) as root, httpx.Client(base_url=root, timeout=30) as client:
        assert client.get("/").status_code == 200
        replacement = link.with_name("dist.new")
        replacement.symlink_to(bad)
        os.replace(replacement, link)  # as a build publishes a release
        assert app.state.releases.check() is False  # the switch is refused, not half made
        assert app.state.releases.switches == 0
        for _ in range(2):  # what it answers now, and after another look at the folder
            assert client.get("/").status_code == 200
            assert client.get("/sparql", params={"query": "ASK {}"}).status_code == 200
            assert app.state.releases.check() is False


def test_a_base_iri_the_data_is_not_minted_under_is_refused(
    fixture_release: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A well-formed base that is not the data's (an edited or foreign manifest) made every page
    and query answer 500: nothing can be found by taking it off an IRI."""

    def elsewhere(doc: dict) -> None:
        doc["base_iri"] = "https://example.org/"
        doc["graph"] = f"https://example.org/graph/{doc['version']}"

    copy = _edited(fixture_release, tmp_path, elsewhere)
    for argv in (["serve", "--release", str(copy), "--get", "/"], ["query", "--release", str(copy), "ASK {}"]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert "base_iri 'https://example.org/' is not the base of the release's data" in err


def test_a_manifest_nested_deeper_than_the_parser_follows_is_refused(fixture_release: Path, tmp_path: Path) -> None:
    copy = tmp_path / "release"
    shutil.copytree(fixture_release, copy)
    (copy / "manifest.json").write_text('{"manifest": 1, "x": ' + "[" * 200_000 + "]" * 200_000 + "}", encoding="utf-8")
    with pytest.raises(ReleaseError, match="not a readable manifest"):
        read_manifest(copy)
