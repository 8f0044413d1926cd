"""A meeting added to a copy of the fixture project, followed through every output: the project, its
release, the site's files, a part of the graph as an rdflib graph and a CSV's rows (the tests of
announced-only meetings and of the data's own titles and bounded counts)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pyoxigraph as ox
from conftest import fixture_project
from rdflib import Graph as RdfGraph

from sakrad_ld.project import Project
from sakrad_ld.release import write_release
from sakrad_ld.sparql.store import Release
from sakrad_ld.web.pages import Site
from sakrad_ld.web.sitefiles import site_files


def project_with(dest: Path, meeting_id: str, text: str) -> Path:
    """The fixture project at ``dest`` with one meeting more: ``data/meetings/{meeting_id}.yaml`` of ``text``."""
    root = fixture_project(dest)
    (root / "data" / "meetings" / f"{meeting_id}.yaml").write_text(text, encoding="utf-8")
    return root


def release_of(project: Path) -> Release:
    """The release of ``project``, written to its ``dist/`` (it must build) and opened."""
    out = project / "dist"
    result = write_release(Project.at(project), out)
    assert result.out is not None, result.report.text("en")
    return Release.open(out)


def site_of(release: Release) -> dict[str, bytes]:
    """The static site's files of ``release``, by path."""
    return dict(site_files(release.store, Site(release.base_iri, [], [], sparql_path=None, release=release.root)))


def rdflib_graph(quads: list[tuple]) -> RdfGraph:
    """The triples of ``quads`` as an rdflib graph, to compare by isomorphism."""
    text = "".join(f"{ox.Triple(s, p, o)} .\n" for s, p, o, _ in quads)
    return RdfGraph().parse(data=text, format="nt")


def csv_rows(raw: bytes) -> list[dict[str, str]]:
    """The rows of a CSV file of the site (UTF-8 with a byte order mark), by column name."""
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
