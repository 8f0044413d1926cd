"""The release: every format gives the same graph, builds are byte-identical, failures write nothing."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from graphs import assert_isomorphic
from pyld import jsonld
from rdflib import Graph, URIRef

from sakrad_ld.cli import main
from sakrad_ld.folders import ReleaseFolders
from sakrad_ld.project import Project
from sakrad_ld.rdflib_edge import rdflib_term
from sakrad_ld.release import write_release

FORMATS = {
    ".ttl": ("turtle", ox.RdfFormat.TURTLE),
    ".nt": ("nt", ox.RdfFormat.N_TRIPLES),
    ".jsonld": ("json-ld", ox.RdfFormat.JSON_LD),
}


def _rdflib(path: Path) -> Graph:
    return Graph().parse(path, format=FORMATS[path.suffix][0])


def _oxigraph(path: Path) -> Graph:
    g = Graph()  # JSON-LD carries its context inline: read with no document loader
    for q in ox.parse(path.read_bytes(), format=FORMATS[path.suffix][1]):
        g.add((rdflib_term(q.subject), rdflib_term(q.predicate), rdflib_term(q.object)))
    return g


def _pyld(path: Path) -> Graph:
    def loader(url: str, options: dict | None = None) -> dict:
        raise AssertionError(f"the context is inline, yet {url} was asked for")

    doc = json.loads(path.read_bytes())
    nquads = jsonld.to_rdf(
        doc, {"format": "application/n-quads", "documentLoader": loader, "base": path.resolve().as_uri()}
    )
    return Graph().parse(data=nquads, format="nt")


def _documents(release: Path) -> list[Path]:
    docs = [release / f"sakrad{s}" for s in FORMATS]
    docs += sorted((release / "meetings").glob("*.ttl")) + sorted((release / "meetings").glob("*.jsonld"))
    return docs


def test_release_has_every_file(release: Path) -> None:
    for name in (
        "sakrad.ttl",
        "sakrad.nt",
        "sakrad.jsonld",
        "context.jsonld",
        "SHA256SUMS",
        "meetings/2017-12-12-integration.ttl",
        "meetings/2017-12-12-integration.jsonld",
        "ontology/sakrad.ttl",
        "ontology/roles.ttl",
        "schema/meeting.schema.json",
        "validation/report.ttl",
        "validation/report.json",
    ):
        assert (release / name).is_file(), name
    assert list((release / "shapes").glob("*.ttl"))


@pytest.mark.parametrize("reader", [_rdflib, _oxigraph], ids=["rdflib", "pyoxigraph"])
def test_formats_give_the_same_graph(release: Path, reader) -> None:
    reference = _rdflib(release / "sakrad.nt")
    assert len(reference) > 300
    for path in (release / "sakrad.ttl", release / "sakrad.jsonld"):
        assert_isomorphic(reference, reader(path), f"{path.name} read by {reader.__name__}")


def test_jsonld_expands_to_the_same_graph_in_pyld(release: Path) -> None:
    reference = _rdflib(release / "sakrad.nt")
    assert_isomorphic(reference, _pyld(release / "sakrad.jsonld"), "sakrad.jsonld read by pyld")
    meeting = release / "meetings" / "2017-12-12-integration"
    assert_isomorphic(_rdflib(meeting.with_suffix(".ttl")), _pyld(meeting.with_suffix(".jsonld")))


def test_meeting_document_is_part_of_the_whole(release: Path) -> None:
    """The meeting, its parts, and the labels of what they link to (the data and the ontology)."""
    whole = _rdflib(release / "sakrad.nt")
    for extra in sorted((release / "ontology").glob("*.ttl")) + [release / "catalog.ttl"]:
        whole.parse(extra, format="turtle")
    meeting = _rdflib(release / "meetings" / "2017-12-12-integration.ttl")
    assert len(meeting) > 100
    assert not set(meeting) - set(whole)
    iri = URIRef("https://w3id.org/sakrad/id/meeting/2017-12-12-integration")
    assert set(meeting.triples((iri, None, None))) == set(whole.triples((iri, None, None)))
    assert_isomorphic(meeting, _oxigraph(release / "meetings" / "2017-12-12-integration.jsonld"))


def test_jsonld_reads_like_json(release: Path) -> None:
    doc = json.loads((release / "sakrad.jsonld").read_bytes())
    assert doc["@context"] == json.loads((release / "context.jsonld").read_bytes())["@context"]  # inline, whole
    meeting = next(n for n in doc["@graph"] if n["id"].endswith("/meeting/2017-12-12-integration"))
    keys = set(meeting)
    assert not [k for k in keys if ":" in k or k.startswith("http")], keys
    assert [q["position"] for q in meeting["questions"]] == [1, 2, 3, 4]
    assert meeting["questions"][1]["text"] == {"sv": "Hur kan framgångsfaktorer reproduceras och spridas?"}
    assert meeting["title"]["sv"].startswith("Sakråd den 12 december 2017")
    roles = [p["role"] for p in meeting["participations"]]
    assert roles.count("participatingOrganisation") == 13 and "chair" in roles
    count = meeting["participatingOrganisationCount"]
    assert (count["number"], count["wording"], count["approximate"]) == (15, {"sv": "femton"}, False)
    assert meeting["listedOrganisationCount"] == 13


def test_no_blank_nodes(release: Path) -> None:
    assert "_:" not in (release / "sakrad.nt").read_text(encoding="utf-8")


def test_two_builds_are_byte_identical(tmp_path: Path, root: Path) -> None:
    first = write_release(Project.at(root), tmp_path / "a").out
    second = write_release(Project.at(root), tmp_path / "b").out
    assert first and second
    files_a = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert files_a == files_b
    different = [str(p) for p in files_a if (first / p).read_bytes() != (second / p).read_bytes()]
    assert not different


def test_build_with_a_violation_writes_nothing(
    project_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "dist"
    assert main(["-C", str(project_copy), "build", "--out", str(out)]) == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    # A person without sources passes the YAML schema but breaks a SHACL shape.
    people = project_copy / "data" / "people.yaml"
    people.write_text(
        people.read_text(encoding="utf-8").replace("    sources: [dokumentation-2017-12-12-integration]\n", "", 1),
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["-C", str(project_copy), "build", "--out", str(out)]) == 1
    report = capsys.readouterr()
    assert "Violation" in report.out and "people.yaml" in report.out
    assert "Nothing was written" in report.err
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dist", "dist.releases", "project"]
    assert not [p for p in (tmp_path / "dist.releases").iterdir() if p.name.endswith(".tmp")]  # no temporary left


def test_served_meeting_document_is_the_released_file(
    release: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """One definition of a meeting's document: the server gives the bytes the release holds."""
    assert main(["serve", "--release", str(release), "--get", "/doc/meeting/2017-12-12-integration.ttl"]) == 0
    assert capsysbinary.readouterr().out == (release / "meetings" / "2017-12-12-integration.ttl").read_bytes()


# --- the release folder: one atomic switch, builds in turn, readable by a web server ------------


def _sums(out: Path) -> bytes:
    """The checksum file of the release at ``out``, after checking every file against it."""
    sums = (out / "SHA256SUMS").read_bytes()
    for line in sums.decode().splitlines():
        digest, name = line.split("  ", 1)
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest, name
    return sums


def _bump(project: Path) -> None:
    dataset = project / "data" / "dataset.yaml"
    text, n = re.subn(r"(?m)^version: (.*)$", r"version: \1.1", dataset.read_text(encoding="utf-8"), count=1)
    assert n == 1
    dataset.write_text(text, encoding="utf-8")


def test_the_release_is_a_link_to_a_complete_folder_readable_by_all(project_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "dist"
    umask = os.umask(0o077)  # a strict umask must not make the release unreadable to a web server
    try:
        assert write_release(Project.at(project_copy), out).out == out
    finally:
        os.umask(umask)
    assert out.is_symlink() and os.readlink(out).startswith("dist.releases/")
    folder = out.resolve()
    assert folder.parent == (tmp_path / "dist.releases").resolve()
    _sums(out)
    modes = {stat.S_IMODE(p.stat().st_mode) for p in [folder, *folder.rglob("*")] if p.is_dir()}
    assert modes == {0o755}
    assert {stat.S_IMODE(p.stat().st_mode) for p in folder.rglob("*") if p.is_file()} == {0o644}
    assert stat.S_IMODE((tmp_path / "dist.releases").stat().st_mode) == 0o755


def test_a_new_release_keeps_the_previous_one_for_its_readers(project_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "dist"
    store = tmp_path / "dist.releases"
    first = write_release(Project.at(project_copy), out).out.resolve()
    assert write_release(Project.at(project_copy), out).out.resolve() == first  # same data: same release
    _bump(project_copy)
    second = write_release(Project.at(project_copy), out).out.resolve()
    assert second != first and first.is_dir()  # a reader that opened the first can finish
    _bump(project_copy)
    third = write_release(Project.at(project_copy), out).out.resolve()
    assert sorted(p.name for p in store.iterdir()) == sorted([second.name, third.name, "lock"])
    _sums(out)


def test_a_release_folder_of_an_earlier_version_is_taken_over(project_copy: Path, tmp_path: Path) -> None:
    """A release written in place (no link) is replaced by the link in one step, and kept as the previous one."""
    out = tmp_path / "dist"
    write_release(Project.at(project_copy), tmp_path / "elsewhere")
    shutil.copytree((tmp_path / "elsewhere").resolve(), out)
    old = _sums(out)
    _bump(project_copy)
    write_release(Project.at(project_copy), out)
    assert out.is_symlink() and _sums(out) != old
    assert [_sums(p) for p in (tmp_path / "dist.releases").iterdir() if p.is_dir() and p != out.resolve()] == [old]


def test_builds_into_one_folder_take_turns(project_copy: Path, tmp_path: Path) -> None:
    """While one build holds the folder's lock, another says so and waits; then it goes on."""
    out = tmp_path / "dist"
    command = [sys.executable, "-m", "sakrad_ld", "-C", str(project_copy), "build", "--out", str(out)]
    with ReleaseFolders(out).locked():
        build = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        first = build.stderr.readline()  # the build waits for the lock: its first words say so
        assert first.startswith("waiting: another build (process ") and str(out) in first, first
        assert build.poll() is None
    _rest, errors = build.communicate(timeout=300)
    assert build.returncode == 0, errors
    _sums(out)


def test_concurrent_builds_leave_one_complete_release(project_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "dist"
    command = [sys.executable, "-m", "sakrad_ld", "-C", str(project_copy), "build", "--out", str(out)]
    builds = [subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    for build in builds:
        _, errors = build.communicate(timeout=300)
        assert build.returncode == 0, errors
    _sums(out)
    store = tmp_path / "dist.releases"
    assert sorted(p.name for p in store.iterdir()) == sorted([out.resolve().name, "lock"])
