"""What the tests of the static export share: the Accept headers of ``static/accept.tsv``, and the
server's answer to the release graph's IRI, to which the export's rules (nginx and Apache) are
compared rather than to targets written out here."""

from __future__ import annotations

from pathlib import Path

from sakrad_ld.serving.server import create_app, request_once
from sakrad_ld.serving.settings import Settings
from sakrad_ld.sparql.store import Release
from sakrad_ld.web.static import DOWNLOAD_PATH

HERE = Path(__file__).resolve().parent


def accept_cases() -> list[tuple[str, str]]:
    """(format name, Accept header) of every row of ``static/accept.tsv``."""
    rows = []
    for line in (HERE / "static" / "accept.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, header = line.split("\t")
            rows.append((name, header))
    return rows


#: The headers the graph's IRI is asked with: none, the table's, and one the server has no format
#: for (406 there; HTML from the static rules, as for every document).
GRAPH_ACCEPT: list[str | None] = [None, *dict.fromkeys(header for _, header in accept_cases()), "image/png"]


def graph_path(opened: Release) -> str:
    """The path of the release graph's IRI on the site (``/graph/1.0.0``)."""
    assert opened.graph.startswith(opened.base_iri + "graph/"), opened.graph
    return opened.graph[len(opened.base_iri) - 1 :]


def served(release: Path, path: str, accept: str | None) -> tuple[int, dict[str, str]]:
    """What ``sakrad-ld serve --release RELEASE --get PATH --accept ACCEPT`` answers (the same
    function, in this process): the status and the headers (names in lower case)."""
    status, headers, _ = request_once(create_app(release, Settings()), path, accept)
    return status, {k.lower(): v for k, v in headers}


def exported_at(opened: Release, location: str) -> str:
    """Where the export holds what the server's ``location`` names: a file of the release is under
    ``download/``, a page is at the same path."""
    name = location[1:]
    return f"/{DOWNLOAD_PATH}{name}" if name in opened.files else location


def expected_graph_targets(release: Path, opened: Release) -> tuple[dict[str | None, str], str]:
    """Every header of :data:`GRAPH_ACCEPT` → the path the export's rules must send it to: where the
    server sends it, in the export; the server's HTML target where the server answers 406. And the
    server's ``Cache-Control`` of the 303."""
    path = graph_path(opened)
    status, headers = served(release, path, "text/html")
    assert status == 303, (path, status)
    html, cache_control = exported_at(opened, headers["location"]), headers["cache-control"]
    expected: dict[str | None, str] = {}
    for accept in GRAPH_ACCEPT:
        status, headers = served(release, path, accept)
        assert status in (303, 406), (accept, status)
        assert "accept" in [v.strip().lower() for v in headers["vary"].split(",")], (accept, headers)
        expected[accept] = exported_at(opened, headers["location"]) if status == 303 else html
    assert len(set(expected.values())) >= 4, expected  # the page and at least three downloads
    return expected, cache_control
