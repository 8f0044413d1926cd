"""The page of every kept source text of ``data/`` (``sources/{name}.html``, ``en/sources/…``, as
the sitemap lists them) at a phone's width (390 px) in Chromium, and of hostile texts: nothing is
wider than the screen, the page loads without an error, and it has one ``<h1>``. The layout tests
of ``test_browser_layout.py`` read the pages of things (``/doc/…``); the kept texts' pages are these.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import httpx
from conftest import PHONE
from devtools import DevTools
from serving import serving

from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings
from sakrad_ld.sparql.store import Release
from sakrad_ld.web.kepttext import kept_text_pages, markdown_tokens
from sakrad_ld.web.pages import Site
from sakrad_ld.web.sitefiles import ASSETS

#: [the page's scrollWidth, its clientWidth, the number of h1, every element of the article that
#: reaches past the screen's edge or is wider inside than it is: [tag, left, right, scrollWidth, clientWidth]]
MEASURE = """(() => {
  const width = document.documentElement.clientWidth;
  const out = [...document.querySelectorAll('article.kept-text, article.kept-text *')].filter(e => {
    const r = e.getBoundingClientRect();
    return r.left < -0.5 || r.right > width + 0.5 || (getComputedStyle(e).display !== 'inline' && e.scrollWidth > e.clientWidth + 1);
  }).map(e => { const r = e.getBoundingClientRect(); return [e.tagName, Math.round(r.left), Math.round(r.right), e.scrollWidth, e.clientWidth]; });
  return [document.documentElement.scrollWidth, width, document.querySelectorAll('h1').length, out];
})()"""


def _fits(phone: DevTools, url: str) -> None:
    assert not phone.load(url), url
    scroll_width, width, h1, out = phone.evaluate(MEASURE)
    assert [scroll_width, width] == [PHONE, PHONE], url
    assert h1 == 1, url
    assert not out, f"{url}: past the screen's edge: {out}"


def test_every_kept_texts_page_fits_a_phone(phone: DevTools, release: Path) -> None:
    opened = Release.open(release)
    kept = sorted(n for n in opened.files if n.startswith("sources/") and n.endswith((".md", ".txt")))
    assert kept, "data/ keeps no text"
    with serving(create_app(release, Settings(timeout=10))) as root:
        sitemap = httpx.get(root + "/sitemap.xml", timeout=30).text
        base = opened.base_iri
        pages = sorted(
            loc[len(base) :]
            for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)
            if loc.startswith(base) and loc[len(base) :].removeprefix("en/").startswith("sources/")
        )
        assert len(pages) == 2 * len(kept), pages
        for page in pages:
            _fits(phone, f"{root}/{page}")


#: Texts that would be wider than a phone if anything of them were laid out unbroken.
HOSTILE = {
    "long.md": (
        "# "
        + "Arbetsmarknadsdepartementets" * 4
        + "\n\n"
        + "ord" * 300
        + " ["
        + "länk" * 60
        + "](https://example.org/"
        + "a" * 400
        + ")\n\n"
        + "<https://example.org/"
        + "b" * 400
        + "> !["
        + "bild" * 50
        + "](https://example.org/i.png)\n\n"
        + "```\n"
        + "kod " * 5
        + "k" * 400
        + "\n```\n\n    "
        + "indrag" * 80
        + "\n\n"
        + "".join("  " * i + f"- punkt {'x' * 200}\n" for i in range(6))
        + "\n"
        + "> " * 17
        + "citat "
        + "c" * 300
        + "\n\n"
        + "| a | b |\n|---|---|\n| "
        + "t" * 300
        + " | u |\n\n---\n\n`"
        + "i" * 300
        + "`\n"
    ),
    "deep.md": "> " * 100_000 + "djupt " + "d" * 300 + "\n\nefter",
    "plain.txt": "rad " + "r" * 500 + "\n  - " + "s" * 400 + "\n\n<b>" + "x" * 300 + "</b>\n",
}


def test_a_hostile_kept_texts_page_fits_a_phone(phone: DevTools, release: Path, tmp_path: Path) -> None:
    assert markdown_tokens(HOSTILE["long.md"]) is not None  # read as Markdown: 17 quotes, as deep as it goes
    assert markdown_tokens(HOSTILE["deep.md"]) is None  # shown as plain text
    opened = Release.open(release)
    kept = tmp_path / "release"
    (kept / "sources").mkdir(parents=True)
    for name, text in HOSTILE.items():
        (kept / "sources" / name).write_text(text, encoding="utf-8")
    files = [
        (f"sources/{n}", "text/markdown" if n.endswith(".md") else "text/plain", len(t)) for n, t in HOSTILE.items()
    ]
    site = tmp_path / "site"
    for path, data in kept_text_pages(opened.store, Site(opened.base_iri, files, [], None, release=kept)):
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_bytes(data)
    for path, parts in ASSETS.items():  # the style and the scripts every page links
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_bytes(resources.files("sakrad_ld").joinpath("assets", *parts).read_bytes())
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert len(pages) == 2 * len(HOSTILE), pages
    for page in pages:
        _fits(phone, (site / page).as_uri())
