"""The regeringen.se texts kept beside data/ are the shared snapshot's, byte for byte, and every page of
the snapshot that data/ cites is kept, so the facts credited to it are checked at load time
(docs/load-checks.md). A page read on another host of the site (regstat.regeringen.se) shares its path
with the page kept; it is enough that one record of that path keeps the text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from conftest import ROOT, change, copy_project

SITE = "regeringen.se"


def _sources() -> list[dict]:
    return yaml.safe_load((ROOT / "data" / "sources.yaml").read_text(encoding="utf-8"))["sources"]


def _snapshot_page(shared: Path, url: str) -> Path | None:
    """The snapshot's text of a regeringen.se page (any host of the site), or None."""
    parts = urlsplit(url)
    if not (parts.hostname or "").endswith(SITE):
        return None
    page = shared / "regeringen" / "pages" / (parts.path.strip("/") + ".md")
    return page if parts.path.strip("/") and page.is_file() else None


def test_kept_regeringen_texts_are_the_snapshots_bytes(shared: Path) -> None:
    kept = [s for s in _sources() if s.get("file") and _snapshot_page(shared, s.get("url") or "")]
    assert kept, "no kept regeringen.se text found: the test reads nothing"
    for source in kept:
        copy = (ROOT / "data" / source["file"]).read_bytes()
        assert copy == _snapshot_page(shared, source["url"]).read_bytes(), source["id"]


def test_every_cited_snapshot_page_is_kept(shared: Path) -> None:
    kept_paths = {urlsplit(s["url"]).path for s in _sources() if s.get("file") and s.get("url")}
    not_kept = [
        s["id"]
        for s in _sources()
        if _snapshot_page(shared, s.get("url") or "") and urlsplit(s["url"]).path not in kept_paths
    ]
    assert not_kept == []


def test_a_fact_of_the_kept_article_is_checked_at_load(tmp_path: Path) -> None:
    """The convener of 2022-12-13 is credited to the kept article: a text that no longer names him refuses."""
    project = copy_project(tmp_path)
    article = project / "data" / "sources" / "regeringen-2022-12-statsradet-jakob-forssmed-i-samtal.md"
    change(article, "bjöd socialminister Jakob Forssmed in", "bjöd socialminister Johan Forssell in")
    run = subprocess.run(
        [sys.executable, "-m", "sakrad_ld", "-C", str(project), "validate"], capture_output=True, text=True
    )
    assert run.returncode == 2, run.stdout + run.stderr
    assert "2022-12-13-demokrativillkor.yaml" in run.stderr
    assert "conveners[0].person" in run.stderr
