"""A build that fails while a forked helper still writes into its new folder leaves no folder
behind: the helper that checks and writes the catalogue is ended before the folder is removed.

Before, a full disk while the meetings' documents were written removed the new folder while the
catalogue's process went on writing its files into it, and the store kept a ``new.*.tmp`` folder
holding them (seen once in about ten builds under ``tests/test_bad_input.py``'s disk-full case).
Here the order is not left to the machine: the catalogue's process writes late, and the build's
removal of its folder is made to take longer than that wait (its files first, the folder itself
last, as a large folder's removal goes), so without the fix the process writes into the folder
while it is being removed; its files, and the folder, are then found."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from conftest import fixture_project
from test_bad_input import _fault

from sakrad_ld.catalogue import dcat
from sakrad_ld.errors import SakradError
from sakrad_ld.project import Project
from sakrad_ld.release import write_release

#: How long the catalogue's process waits before it writes: long past the build's failure.
LATE = 3.0


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the catalogue is written beside the build only where fork exists")
def test_a_failed_build_ends_the_catalogues_process_before_removing_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = fixture_project(tmp_path / "project")
    real = dcat.finish

    def late(data):  # in the forked process: writes while the failed build removes its folder
        time.sleep(LATE)
        return real(data)

    monkeypatch.setattr(dcat, "finish", late)
    remove = shutil.rmtree

    def slow_removal(path, *args, **kwargs):
        """Removes the folder as a large one is removed: its files first, and the folder itself only
        after the catalogue's wait (a file written meanwhile keeps it, as rmtree's would)."""
        if ".tmp" not in str(path):
            return remove(path, *args, **kwargs)
        for entry in list(Path(path).iterdir()):
            remove(entry, ignore_errors=True) if entry.is_dir() else entry.unlink()
        time.sleep(LATE + 1.0)
        try:
            os.rmdir(path)
        except OSError:
            pass

    monkeypatch.setattr(shutil, "rmtree", slow_removal)
    _fault(monkeypatch, "write", "ENOSPC", "meetings/")
    out = tmp_path / "dist"
    with pytest.raises((OSError, SakradError)):
        write_release(Project.at(project), out, workers=2)  # two workers: the catalogue is checked beside
    monkeypatch.undo()
    time.sleep(LATE)  # what the process could have written, it has written by now
    store = tmp_path / "dist.releases"
    left = sorted(str(p.relative_to(tmp_path)) for p in store.rglob("*")) if store.exists() else []
    assert not [p for p in left if ".tmp" in p or ".del" in p], left
    assert not out.exists() and not out.is_symlink()
