"""The catalogue's dct:modified is the data's own ``modified``, and the build refuses one earlier than
a date the data holds (a source's publication date, the day a post is shown held)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT, copy_project, edit_data, refusals

from sakrad_ld.corpus import load_corpus
from sakrad_ld.modified import check_modified


def test_the_data_s_modified_is_no_earlier_than_any_date_it_holds() -> None:
    assert check_modified(load_corpus(ROOT / "data")) == []


def test_a_modified_date_before_a_source_s_publication_is_refused_naming_both(tmp_path: Path) -> None:
    corpus = load_corpus(ROOT / "data")
    latest = max(str(s.published) for s in corpus.sources if s.published)
    project = copy_project(tmp_path / "p")
    old = f"modified: {corpus.config.modified}\n"
    edit_data(project, "dataset.yaml", old, "modified: 2018-01-01\n")
    found = [str(e) for e in refusals(project)]  # loading refuses it, so validate does too
    assert any(f"is {latest}, later than the dataset's modified date 2018-01-01" in e for e in found), found
    assert all("sources.yaml" in e or "people.yaml" in e for e in found), found
    done = subprocess.run(
        [sys.executable, "-m", "sakrad_ld", "-C", str(project), "build", "--out", str(tmp_path / "dist")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "later than the dataset's modified date 2018-01-01" in done.stderr + done.stdout
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "dist").exists()


def test_modified_on_the_day_of_the_latest_date_is_accepted(tmp_path: Path) -> None:
    corpus = load_corpus(ROOT / "data")
    latest = max(str(s.published) for s in corpus.sources if s.published)
    project = copy_project(tmp_path / "p")
    edit_data(project, "dataset.yaml", f"modified: {corpus.config.modified}\n", f"modified: {latest}\n")
    assert check_modified(load_corpus(project / "data")) == []
