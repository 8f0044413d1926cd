"""A kept Markdown text's page is bounded by a small multiple of the text whatever the Markdown:
reference links repeating a long address, images of them, autolinks, nested emphasis, entities,
deep lists and quotes, tables, escaping. Past ``HTML_FACTOR`` times the text's bytes (plus
``HTML_SLACK``) the text is shown as plain text, and the renderer gives up as soon as it passes the
bound, holding no more than it. Sizes are asserted, not times."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from sakrad_ld.sparql.store import Release
from sakrad_ld.web import kepttext
from sakrad_ld.web.kepttext import (
    HTML_FACTOR,
    HTML_SLACK,
    _markdown,
    bounded_html,
    html_limit,
    kept_text_pages,
    markdown_html,
    markdown_tokens,
)
from sakrad_ld.web.pages import Site

#: The size the hostile texts are filled to (characters): big enough that a bound of a few times the
#: text is far below what an unbounded renderer makes of the reference links.
SIZE = 40_000


def _filled(unit: str, head: str = "") -> str:
    return head + unit * ((SIZE - len(head)) // len(unit))


LONG = "https://example.org/" + "a" * 2_000
#: Texts whose HTML, unbounded, is many times the text: reference links and images reusing a long address.
BOMBS = {
    "reference": _filled("[a] ", f"[a]: {LONG}\n\n"),
    "reference-collapsed": _filled("[a][] ", f"[a]: {LONG}\n\n"),
    "reference-full": _filled("[x][a]", f"[a]: {LONG}\n\n"),
    "image": _filled("![][a] ", f"[a]: {LONG}\n\n"),
    "non-ascii address": _filled("[a] ", "[a]: https://example.org/" + "\U0001f600" * 2_000 + "\n\n"),
    "ampersands": _filled("[a] ", "[a]: https://example.org/" + "&" * 2_000 + "\n\n"),
    "short address": _filled("[a]", "[a]: http://a.se\n\n"),
    "in a list": _filled("- [a] [a] [a]\n", f"[a]: {LONG}\n\n"),
    "in quotes": _filled("> [a] *[a]* **[a]**\n", f"[a]: {LONG}\n\n"),
}
#: Texts that are only markup and escaping: read as Markdown, their HTML under the bound.
MARKUP = {
    "autolinks": _filled("<http://a/&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&> "),
    "tight autolinks": _filled("<http://a>"),
    "inline links": _filled("[&&&&&&&&&&](http://a/&&&&&&&&&&)"),
    "images": _filled("![](http://a/&&&&&&&&&&&&&&&&&&&&)"),
    "emphasis": _filled("*a* **b** _c_ "),
    "nested emphasis": "*" * 500 + "a" + "*" * 500 + "\n\n" + _filled("***_a_*** "),
    "entities": _filled("&amp; &#1; &ThickSpace; &#x10FFFF; "),
    "quotation marks": _filled('"'),
    "list items": _filled("-\n"),
    "ordered": _filled("1.\n"),
    "headings": _filled("#\n"),
    "quotes": _filled("> " * 15 + "a\n"),
    "table": _filled("| a | b |\n|---|---|\n| c | d |\n\n"),
    "code": _filled("`&` "),
    "fences": _filled("```\n"),
}


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_a_reference_bomb_is_given_up_within_the_bound(name: str) -> None:
    text = BOMBS[name]
    assert len(text) <= kepttext.MARKDOWN_LIMIT
    tokens = markdown_tokens(text)
    assert tokens is not None  # as deep and as long as a Markdown text may be: only its HTML is too big
    limit = html_limit(text)
    assert limit == HTML_FACTOR * len(text.encode()) + HTML_SLACK
    tracemalloc.start()
    try:
        html = bounded_html(tokens, "sv", limit)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert html is None
    # what the renderer held: at most the bound and one token's HTML (an image's address twice)
    assert peak <= 3 * limit + 20 * len(LONG.encode()), (peak, limit)


@pytest.mark.parametrize("name", sorted(MARKUP))
def test_markup_and_escaping_stay_within_the_bound(name: str) -> None:
    text = MARKUP[name]
    tokens = markdown_tokens(text)
    assert tokens is not None
    for lang in ("sv", "en"):
        html = bounded_html(tokens, lang, html_limit(text))
        assert html is not None, name
        assert len(str(html).encode()) <= 11 * len(text.encode()), name  # the worst is about 10 bytes a byte
        assert html == markdown_html(tokens, lang)


def test_the_html_is_markdown_it_pys_own(root: Path) -> None:
    md = _markdown()
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "data" / "sources").glob("*.md"))]
    assert texts
    for text in [*texts, *MARKUP.values(), BOMBS["short address"][:2_000]]:
        tokens = markdown_tokens(text)
        assert tokens is not None
        for lang in ("sv", "en"):
            env = {"links": [], "title": kepttext.messages(lang)["external_link"]}
            assert bounded_html(tokens, lang, html_limit(text)) == md.renderer.render(tokens, md.options, env)


def _pages(release: Path, tmp_path: Path, texts: dict[str, str]) -> dict[str, bytes]:
    opened = Release.open(release)
    kept = tmp_path / "release"
    (kept / "sources").mkdir(parents=True)
    for name, text in texts.items():
        (kept / "sources" / name).write_text(text, encoding="utf-8")
    files = [(f"sources/{n}", "text/markdown", len(t.encode())) for n, t in texts.items()]
    return dict(kept_text_pages(opened.store, Site(opened.base_iri, files, [], None, release=kept)))


def test_every_page_is_a_small_multiple_of_its_text(release: Path, tmp_path: Path) -> None:
    slug = {n: "".join(c if c.isalnum() else "-" for c in n) for n in [*BOMBS, *MARKUP]}
    texts = {f"{slug[n]}.md": t for n, t in {**BOMBS, **MARKUP}.items()}
    texts["empty.md"] = ""
    pages = _pages(release, tmp_path, texts)
    assert len(pages) == 2 * len(texts)
    frame = max(len(pages[f"{lang}sources/empty.html"]) for lang in ("", "en/"))  # the page without a text
    for name, text in texts.items():
        size = len(text.encode())
        for lang in ("", "en/"):
            page = pages[f"{lang}sources/{name.removesuffix('.md')}.html"]
            assert len(page) <= frame + HTML_FACTOR * size + HTML_SLACK, name
    for name in BOMBS:  # shown as plain text: a few bytes a byte (an address's '&' is '&amp;')
        page = pages[f"sources/{slug[name]}.html"]
        assert b'<a class="external"' not in page and len(page) <= frame + 5 * len(BOMBS[name].encode()), name
    for name in MARKUP:  # read as Markdown: the page holds its HTML
        html = markdown_html(markdown_tokens(MARKUP[name]) or [], "sv")
        assert str(html).encode() in pages[f"sources/{slug[name]}.html"], name
