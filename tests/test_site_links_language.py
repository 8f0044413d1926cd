"""Every link on a page leads to a page in the page's own language: an English page (``en/…``) to
``en/doc/…``, ``en/role/…``, ``en/ontology.html``, ``en/dataset.html`` …, a Swedish page never into
``en/``. Only the language switch (and the ``hreflang`` alternates in the head) leads to the other
language, and files that have no language (downloads, ``….ttl``, ``….jsonld``, stylesheets) are the
same for both. Checked on every page of the fixture's export and on the server's answers."""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from pathlib import Path

import pytest

from sakrad_ld.serving.server import create_app, request_once
from sakrad_ld.serving.settings import Settings
from sakrad_ld.web.render import in_language
from sakrad_ld.web.static import export_site

_TAG = re.compile(r"<(a|form)\s([^>]*)>", re.S)
_TARGET = re.compile(r'\b(?:href|action)="([^"]*)"')


@pytest.fixture(scope="module")
def site(fixture_release: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_site(fixture_release, tmp_path_factory.mktemp("export-r11") / "site").out


def targets(page: str, html: str) -> list[str]:
    """The files (from the site's root) that the links and forms of ``page`` lead to, but the
    language switch's and links out of the site."""
    out = []
    for match in _TAG.finditer(html):
        attributes = match[2]
        found = _TARGET.search(attributes)
        if not found or 'class="language"' in attributes:
            continue
        href = found[1].replace("&amp;", "&")
        if href.startswith(("http://", "https://", "mailto:", "data:", "#", "/")) or not href:
            continue
        path = re.split(r"[#?]", href, maxsplit=1)[0]
        out.append(posixpath.normpath(posixpath.join(posixpath.dirname(page), path or posixpath.basename(page))))
    return out


def leaving(site: Path, page: str, html: str) -> list[str]:
    """The links of ``page`` that lead to the other language's page where the page's own exists."""
    english = page.startswith("en/")
    wrong = []
    for target in targets(page, html):
        if english and not target.startswith("en/") and (site / "en" / target).exists():
            wrong.append(target)
        elif not english and target.startswith("en/"):
            wrong.append(target)
    return wrong


def test_in_language_keeps_files_without_language() -> None:
    assert in_language("doc/meeting/x.html#question/1", "en") == "en/doc/meeting/x.html#question/1"
    assert in_language("en/role/chair.html", "sv") == "role/chair.html"
    assert in_language("dataset.html?x=1", "en") == "en/dataset.html?x=1"
    for plain in ("download/sakrad.ttl", "tables/meetings.csv", "assets/style.css", "sparql?query=x", "#main"):
        assert in_language(plain, "en") == plain
    assert in_language("https://example.org/a.html", "en") == "https://example.org/a.html"


def test_every_exported_page_links_its_own_language(site: Path) -> None:
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    english = [p for p in pages if p.startswith("en/")]
    assert len(english) > 100 and len(pages) - len(english) > 100, len(pages)
    wrong: Counter[str] = Counter()
    examples: dict[str, tuple[str, str]] = {}
    links = 0
    for page in pages:
        html = (site / page).read_text(encoding="utf-8")
        links += len(targets(page, html))
        for target in leaving(site, page, html):
            kind = "/".join(page.split("/")[:3])
            wrong[kind] += 1
            examples.setdefault(kind, (page, target))
    assert links > 5000, links
    assert not wrong, (dict(wrong), examples)


def test_english_meeting_page_links_english_pages(site: Path) -> None:
    """The facts, organisations, sources, provenance and ontology links of an English page."""
    meetings = sorted((site / "en" / "doc" / "meeting").glob("*.html"))
    assert meetings
    page = meetings[0].relative_to(site).as_posix()
    found = targets(page, meetings[0].read_text(encoding="utf-8"))
    assert any(t.startswith("en/doc/") and t != page for t in found), found
    assert "en/dataset.html" in found or "en/ontology.html" in found, found
    swedish = [t for t in found if t.endswith(".html") and not t.startswith("en/")]
    assert not swedish, swedish


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_served_pages_link_their_own_language(fixture_release: Path, site: Path, lang: str) -> None:
    """The server's pages are made by the same templates: one page of each kind, each language."""
    prefix = "en/" if lang == "en" else ""
    picked = [f"{prefix}index.html", f"{prefix}dataset.html", f"{prefix}ontology.html", f"{prefix}lists/meetings.html"]
    for kind in ("meeting", "organisation", "person", "body", "source"):
        found = sorted((site / "doc" / kind).glob("*.html"))
        if found:
            picked.append(f"{prefix}doc/{kind}/{found[0].name}")
    app = create_app(fixture_release, Settings())
    checked = 0
    for page in picked:
        status, _, body = request_once(app, "/" + page, "text/html")
        assert status == 200, (page, status)
        html = body.decode()
        assert f'<html lang="{lang}"' in html, page
        assert not leaving(site, page, html), (page, leaving(site, page, html))
        checked += len(targets(page, html))
    assert checked > 200, checked
