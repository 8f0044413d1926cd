"""The same input gives the same release, byte for byte, across changes of the code: the release of
the fixture project is compared with the checksums of one built before the format table, the
document model and the manifest were each made one (tests/fixtures/release-sha256sums.txt, which
names the commit it was built at).

Every file the list names must have the same checksum, except the files a change meant to alter
(:data:`INTENDED`). When a change to the data, the ontology or the shapes alters the release on
purpose, write the list again with ``python tests/test_release_identical.py`` and say why in the
commit.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sakrad_ld.layout import CHECKSUMS, MANIFEST_FILE

SUMS = Path(__file__).parent / "fixtures" / "release-sha256sums.txt"

#: Files whose change is intended since the list was written: name → why.
INTENDED: dict[str, str] = {
    CHECKSUMS: "lists the manifest, which the earlier release did not have",
}


def _sums(text: str) -> dict[str, str]:
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return {name: digest for digest, _, name in (line.partition("  ") for line in lines)}


def test_the_release_is_byte_identical_to_the_one_built_before(fixture_release: Path) -> None:
    before = _sums(SUMS.read_text(encoding="utf-8"))
    now = _sums((fixture_release / CHECKSUMS).read_text(encoding="utf-8"))
    assert len(before) > 100, "the list of checksums is missing most of the release"
    changed = sorted(name for name, digest in before.items() if name not in INTENDED and now.get(name) != digest)
    assert not changed, f"files of the release changed or went missing: {changed[:20]}"
    added = sorted(set(now) - set(before))
    # the manifest is the one file a list written before it may lack
    assert not set(added) - {MANIFEST_FILE}, f"files the earlier release did not have: {added}"


if __name__ == "__main__":  # write the list again from a fresh build of the fixture project
    import subprocess
    import tempfile

    sys.path.insert(0, str(Path(__file__).parent))
    from conftest import fixture_project

    from sakrad_ld.project import Project
    from sakrad_ld.release import write_release

    with tempfile.TemporaryDirectory() as tmp:
        project = fixture_project(Path(tmp) / "project")
        write_release(Project.at(project), project / "dist")
        commit = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
        SUMS.write_text(
            f"# SHA-256 of every file of the fixture project's release (tests/fixtures/project), "
            f"built at commit {commit}\n" + (project / "dist" / CHECKSUMS).read_text(encoding="utf-8")
        )
