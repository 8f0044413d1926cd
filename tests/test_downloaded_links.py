"""A file people download works wherever it is opened: its links are absolute addresses under the
data's base, never paths from a server's root (``/doc/…``), which lead nowhere from ``file://``
and out of a site served under a sub-path. The pictures (``diagrams/**.svg``, shipped in
``download/diagrams/``) link each page in the picture's own language; the pages that put a picture
inline make its links relative to themselves. Checked across every text file of the release and
every prepared file of the site that is no page (feeds, sitemap, search index, CSV and its metadata)."""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sakrad_ld.documents import thing_of
from sakrad_ld.sparql.store import Release
from sakrad_ld.web.pages import Site, resource_page, start_page
from sakrad_ld.web.sitefiles import site_files

SVG = "{http://www.w3.org/2000/svg}"
#: A link or source from a server's root (``href="/doc/…"``), not ``//host`` nor a fragment.
ROOT_PATH = re.compile(r"""(?:href|src|xlink:href)\s*=\s*["']/(?!/)|url\(\s*["']?/(?!/)""")
#: Text files read for links; the kept copies of sources (``sources/``) are other people's texts.
TEXT_SUFFIXES = (".svg", ".html", ".xml", ".atom", ".json", ".jsonld", ".js", ".csv", ".ttl", ".rdf", ".txt")


@pytest.fixture(scope="module")
def opened(fixture_release: Path) -> Release:
    return Release.open(fixture_release)


def pictures(release: Path) -> list[tuple[str, Path]]:
    found = [("sv", p) for p in sorted((release / "diagrams").glob("*.svg"))]
    found += [("en", p) for p in sorted((release / "diagrams" / "en").glob("*.svg"))]
    assert len(found) > 4
    return found


def test_every_link_of_a_downloaded_picture_is_a_page_at_the_datas_base_in_its_language(opened: Release) -> None:
    base = opened.base_iri
    for lang, file in pictures(opened.root):
        links = [a.get("href") or "" for a in ET.parse(file).getroot().iter(f"{SVG}a")]
        assert links, file
        for link in links:
            assert link.startswith(base), (file.name, link)
            rest = link[len(base) :]
            assert rest.startswith("en/") == (lang == "en"), (lang, file.name, link)
            path = "/" + rest.removeprefix("en/").split("#", 1)[0]
            assert thing_of(path, base) is not None, (file.name, link)  # a page the site has


def test_no_text_file_of_the_release_links_from_a_servers_root(opened: Release) -> None:
    checked = 0
    for file in sorted(opened.root.rglob("*")):
        name = file.relative_to(opened.root).as_posix()
        if file.is_file() and name.endswith(TEXT_SUFFIXES) and not name.startswith("sources/"):
            text = file.read_text(encoding="utf-8", errors="replace")
            assert not ROOT_PATH.search(text), (name, ROOT_PATH.search(text))
            checked += 1
    assert checked > 20


def test_no_prepared_file_that_is_no_page_links_from_a_servers_root(opened: Release) -> None:
    site = Site(opened.base_iri, [], [], sparql_path=None, release=opened.root)
    kinds: set[str] = set()
    for name, data in site_files(opened.store, site):
        if name.endswith(".html") or not name.endswith(TEXT_SUFFIXES):
            continue
        kinds.add(name.rsplit(".", 1)[-1])
        text = data.decode("utf-8", errors="replace")
        assert not ROOT_PATH.search(text), (name, ROOT_PATH.search(text))
    assert {"atom", "xml", "csv", "json", "js"} <= kinds, kinds


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_picture_inline_links_relative_to_its_page_in_the_pages_language(opened: Release, lang: str) -> None:
    base = opened.base_iri
    site = Site(base, [], [], release=opened.root)
    meeting = next(p.stem.removeprefix("meeting-") for _, p in pictures(opened.root) if p.stem.startswith("meeting-"))
    here = ("en/" if lang == "en" else "") + f"doc/meeting/{meeting}.html"
    for page, file in (
        (resource_page(opened.store, f"{base}id/meeting/{meeting}", site, lang) or "", here),
        (start_page(opened.store, site, lang), ("en/" if lang == "en" else "") + "index.html"),
    ):
        svg = page[page.index("<svg") : page.index("</svg>")]
        links = re.findall(r'<a href="([^"]*)"', svg)
        assert links
        for link in links:
            assert not link.startswith(("/", "http")), link
            target = posixpath.normpath(posixpath.join(posixpath.dirname(file), link.split("#")[0]))
            assert target.startswith("en/") == (lang == "en") and target.endswith(".html"), (file, link, target)
