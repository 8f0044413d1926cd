"""The release manifest: what a release is, said by the release, and read by every command that
reads a release instead of guessing from the data or re-reading the project."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from conftest import fixture_project

from sakrad_ld.cli import main
from sakrad_ld.errors import ReleaseError
from sakrad_ld.formats import FORMATS, QUAD_FORMATS
from sakrad_ld.layout import CHECKSUMS, MANIFEST_FILE
from sakrad_ld.manifest import read_manifest
from sakrad_ld.project import Project
from sakrad_ld.release import write_release
from sakrad_ld.sparql.push import release_graph
from sakrad_ld.sparql.store import Release


def test_the_manifest_lists_every_file_with_the_checksum_sha256sums_gives(fixture_release: Path) -> None:
    doc = json.loads((fixture_release / MANIFEST_FILE).read_bytes())
    assert doc["manifest"] == 1 and doc["producer"].startswith("sakrad-ld ")
    assert doc["base_iri"] == "https://w3id.org/sakrad/" and doc["version"]
    assert doc["graph"] == f"{doc['base_iri']}graph/{doc['version']}"
    sums = dict(reversed(line.split("  ", 1)) for line in (fixture_release / CHECKSUMS).read_text().splitlines())
    listed = {f["path"]: f for f in doc["files"]}
    assert sorted(listed) == sorted(name for name in sums if name != MANIFEST_FILE)
    for name, entry in listed.items():
        data = (fixture_release / name).read_bytes()
        assert entry["sha256"] == sums[name] == hashlib.sha256(data).hexdigest(), name
        assert entry["size"] == len(data), name
    # the format of every RDF file is named by the format table's name
    rdf = {f.suffix: f.name for f in (*FORMATS, *QUAD_FORMATS)}
    for name, entry in listed.items():
        assert entry.get("format") == rdf.get(Path(name).suffix), name
    assert "SHA256SUMS" not in listed and MANIFEST_FILE in sums


def test_the_manifest_names_the_base_and_graph_the_readers_use(tmp_path: Path) -> None:
    """A base IRI the data alone would not give away, and a version: query, serve and push take
    both from the manifest."""
    project = fixture_project(tmp_path / "project")
    dataset = project / "data" / "dataset.yaml"
    text = dataset.read_text(encoding="utf-8")
    assert "base_iri:" not in text or "https://w3id.org/sakrad/" in text
    text = text.replace("https://w3id.org/sakrad/", "https://example.org/lod/")
    if "base_iri:" not in text:
        text += "\nbase_iri: https://example.org/lod/\n"
    dataset.write_text(text, encoding="utf-8")
    out = tmp_path / "dist"
    assert write_release(Project.at(project), out).out is not None
    manifest = read_manifest(out)
    assert manifest.base_iri == "https://example.org/lod/"
    opened = Release.open(out)
    assert (opened.base_iri, opened.graph) == (manifest.base_iri, manifest.graph)
    assert manifest.graph == f"https://example.org/lod/graph/{manifest.version}"
    # the project's YAML changing afterwards does not rename the release's graph
    dataset.write_text(text.replace(f"version: {manifest.version}", "version: 99.0.0"), encoding="utf-8")
    assert release_graph(out) == manifest.graph


@pytest.fixture
def old_release(fixture_release: Path, tmp_path: Path) -> Path:
    """A release as an older sakrad-ld wrote it: every file, no manifest."""
    old = tmp_path / "old"
    shutil.copytree(fixture_release, old)
    (old / MANIFEST_FILE).unlink()
    return old


@pytest.mark.parametrize(
    "command",
    [
        ["query", "--release", "{old}", "chairs"],
        ["serve", "--release", "{old}", "--get", "/"],
        ["push", "--release", "{old}", "--endpoint", "http://127.0.0.1:9/store"],
        ["export", "--release", "{old}", "--out", "{tmp}/site"],
        ["diff", "{old}", "{new}"],
    ],
    ids=lambda c: c[0],
)
def test_a_release_without_a_manifest_says_to_rebuild(
    command: list[str], old_release: Path, fixture_release: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [a.format(old=old_release, new=fixture_release, tmp=tmp_path) for a in command]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert MANIFEST_FILE in err and "sakrad-ld build" in err and "older sakrad-ld" in err
    assert "Traceback" not in err


def test_a_manifest_of_an_unknown_layout_is_refused(fixture_release: Path, tmp_path: Path) -> None:
    release = tmp_path / "r"
    shutil.copytree(fixture_release, release)
    doc = json.loads((release / MANIFEST_FILE).read_bytes())
    doc["manifest"] = 7
    (release / MANIFEST_FILE).write_text(json.dumps(doc))
    with pytest.raises(ReleaseError, match="manifest version 7"):
        read_manifest(release)
    (release / MANIFEST_FILE).write_text("{not json")
    with pytest.raises(ReleaseError, match="not a readable manifest"):
        read_manifest(release)
