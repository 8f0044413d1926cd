"""The static export reads what a resource's page shows once for both languages and writes the
Swedish and the English page from it, and it writes the pages by one process per core where a
core is idle: the site is the same, every byte, however many processes write it, and a file that
cannot be written in another process is reported as one in this process is (the file named as it
is in the site, exit 2, the site at --out left as it was). docs/performance.md, "The export: facts
read once per page"."""

from __future__ import annotations

import errno
import os
import shutil
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from sakrad_ld.cli import main
from sakrad_ld.folders import MARK_TEXT
from sakrad_ld.project import Project
from sakrad_ld.release import write_release
from sakrad_ld.sparql.store import Release
from sakrad_ld.web import static
from sakrad_ld.web.pages import Site, resource_page, resource_pages_in
from sakrad_ld.web.paths import LANGUAGES
from sakrad_ld.web.resourceview import View
from sakrad_ld.web.sitepages import site_pages
from sakrad_ld.web.static import SITE_MARK, export_site

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate import generate  # noqa: E402

#: What every refused export says after naming the file.
UNCHANGED = "nothing was exported, the site at {out} was not changed"


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("facts-once")
    result = write_release(Project.at(generate(root / "p", 6, seed=7)), root / "out", workers=1)
    assert result.out is not None, result.report.text("en")
    return result.out


def _site(opened: Release) -> Site:
    return Site(
        opened.base_iri,
        [(f.path, f.media_type, f.size) for f in opened.files.values()],
        sparql_path=None,
        release=opened.root,
        graph=opened.graph or None,
    )


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_a_resources_pages_in_both_languages_are_its_page_in_each(release: Path) -> None:
    """Every resource's pages read once for both languages are, byte for byte, its page made for
    one language at a time (as the server makes it): a sakråd, its organisations, people, bodies,
    sources, roles and the dataset's other IRIs."""
    opened = Release.open(release)
    store, base = opened.store, opened.base_iri
    site = _site(opened)
    listed = site_pages(store, base, site.download_names, site.graph_path)
    iris = [base + path[1:] for path in listed.minted] + [iri for iri, _ in listed.resources]
    kinds = {iri.removeprefix(base).split("/")[1] for iri in iris if iri.startswith(base + "id/")}
    assert {"meeting", "organisation", "person", "body", "source"} <= kinds, kinds
    for iri in iris:
        both = resource_pages_in(store, iri, site, LANGUAGES)
        assert both is not None, iri
        assert both == [resource_page(store, iri, site, lang) for lang in LANGUAGES], iri
    assert resource_pages_in(store, base + "id/meeting/no-such-meeting", site, LANGUAGES) is None


def test_a_pages_facts_are_read_once_for_every_language(release: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The facts tables of a sakråd's page (its own, each part's) are read as often for its two
    pages as for one."""
    opened = Release.open(release)
    store, base = opened.store, opened.base_iri
    site = _site(opened)
    meeting = next(iri for iri, _ in site_pages(store, base).resources if iri.startswith(base + "id/meeting/"))
    read: list[ox.NamedNode] = []
    facts = View.facts

    def counted(self: View, node: ox.NamedNode, **kwargs: object) -> object:
        read.append(node)
        return facts(self, node, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(View, "facts", counted)
    resource_pages_in(store, meeting, site, ("sv",))
    one = len(read)
    read.clear()
    resource_pages_in(store, meeting, site, LANGUAGES)
    assert one > 1 and len(read) == one, f"facts tables read: {one} for one page, {len(read)} for both"


def test_the_site_is_the_same_however_many_processes_write_it(release: Path, tmp_path: Path) -> None:
    one = export_site(release, tmp_path / "one", workers=1)
    two = export_site(release, tmp_path / "two", workers=2)
    assert (one.documents, one.files) == (two.documents, two.files)
    written, again = _tree(tmp_path / "one"), _tree(tmp_path / "two")
    assert written.keys() == again.keys(), sorted(written.keys() ^ again.keys())[:10]
    differ = [path for path in written if written[path] != again[path]]
    assert differ == [], differ[:10]
    assert any(path.startswith("en/doc/meeting/") for path in written)


def _with_an_old_site(tmp_path: Path) -> Path:
    """A site already at --out (an earlier export's, with its mark)."""
    out = tmp_path / "site"
    (out / "doc").mkdir(parents=True)
    (out / "nginx").mkdir()
    (out / SITE_MARK).write_bytes(MARK_TEXT)
    (out / "index.html").write_text("the site before\n", encoding="utf-8")
    return out


@pytest.mark.parametrize("file", ["en/doc/meeting/{id}.html", "doc/meeting/{id}.ttl", "sitemap.xml"])
def test_a_file_another_process_cannot_write_is_named_and_the_site_left_as_it_was(
    release: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    file: str,
) -> None:
    """With an idle core the pages are written by two processes: a full disk at the English page or
    a document of the second share's first sakråd (another process's), or at the sitemap (the
    process writing the prepared files beside the pages), is reported by the command as at a file of
    its own: exit 2, the file named in the site, no traceback, the old site unchanged."""
    opened = Release.open(release)
    meetings = [path for _, path in site_pages(opened.store, opened.base_iri).resources if "/meeting/" in path]
    resources = [path for _, path in site_pages(opened.store, opened.base_iri).resources]
    second = next(path for path in resources[1::2] if path in meetings)  # in the other process's share
    failing = file.format(id=second.rsplit("/", 1)[1])
    write = static._write

    def full(path: Path, data: bytes) -> None:
        if path.as_posix().endswith("/" + failing):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        write(path, data)

    monkeypatch.setattr(static, "_write", full)
    monkeypatch.setattr(static, "idle_cores", lambda: 1)
    out = _with_an_old_site(tmp_path)
    before = _tree(out)
    code = main(["export", "--release", str(release), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err, err
    assert f"error: {out / failing}: {os.strerror(errno.ENOSPC)}; {UNCHANGED.format(out=out)}" in err, err
    assert _tree(out) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.")] == []
    monkeypatch.undo()
    shutil.rmtree(out)
    assert main(["export", "--release", str(release), "--out", str(out)]) == 0
