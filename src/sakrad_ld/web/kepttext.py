"""A page for each source text kept with the release (``download/sources/*.md``, ``*.txt``), so that
the text a fact is checked against can be read on a phone as well as downloaded.

The file itself is plain text (``text/markdown``, ``text/plain``), laid out by a browser as a
980 px wide page of source lines. Its page, ``sources/{name}.html`` (``en/sources/{name}.html``
with the site's English frame), holds the same text with the site's viewport and style, the text
marked ``lang="sv"``, and links to the raw file and to the source's page.

A ``.md`` text is read by markdown-it-py (https://markdown-it-py.readthedocs.io/), CommonMark
preset, with what a kept text may do narrowed, since it is someone else's page: raw HTML is off
(an HTML block or tag is the text as it is, escaped); a link is a link only to an absolute
``http(s)`` address (every other destination, ``javascript:``, ``data:``, a path on the source's
own site, leaves the link's text alone, not its ``[text](address)`` source); an image is never
loaded (its alt text, linked to the image's ``http(s)`` address); headings go below the page's
one first-level heading without skipping a level (the text's top level a second-level heading,
``#`` then ``###`` are ``h2`` and ``h3``: :func:`markdown_tokens`); a fenced block's
info string is dropped.
markdown-it-py nests at most :data:`NESTING` blocks (lists, quotes) and drops what is deeper; a
text that goes that deep, or is longer than :data:`MARKDOWN_LIMIT` characters, is shown as a
``.txt`` is, so that no word of it is lost and no text costs more than about 3 s of CPU (the reader
takes 1.4 s per MB of prose, 11 s per MB of ``![`` repeated, its slowest; the longest kept text of
``data/`` has 6 KB) and its tokens at most about 160 MB (up to 630 bytes a character: a line of
``#`` each).
The HTML of a Markdown text is bounded too: a reference link repeats its definition's address at
every use (``[a]: https://…`` once, ``[a]`` 60,000 times), so 256 KB of Markdown could make pages
of gigabytes. The HTML is made piece by piece and given up past :data:`HTML_FACTOR` times the text's
UTF-8 bytes plus :data:`HTML_SLACK` (:func:`bounded_html`); such a text is shown as plain text,
whose page is at most about 5 bytes a byte of the text (``"`` is ``&#34;``). The texts of ``data/``
make 0.9–1.1 bytes a byte; the most a text without reference links makes is about 10
(``<http://a/&&&…>``: each ``&`` is ``&amp;`` in the address and in the link's text).

A ``.txt`` is plain text: its paragraphs (parted by blank lines), each line kept, escaped, nothing
of it read as markup.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pyoxigraph as ox
from markupsafe import Markup, escape

from ..vocab import SCHEMA
from .labels import Labeller
from .pages import Site, shell
from .paths import LANGUAGES, page_file, translated
from .render import messages, render

if TYPE_CHECKING:  # markdown-it-py is imported when a kept text is read (35 ms), not with the pages
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

__all__ = [
    "KEPT_SUFFIXES",
    "MARKDOWN_LIMIT",
    "HTML_FACTOR",
    "HTML_SLACK",
    "NESTING",
    "bounded_html",
    "html_limit",
    "kept_page",
    "kept_pages",
    "kept_text_files",
    "kept_text_pages",
    "markdown_tokens",
    "markdown_html",
    "paragraphs",
]

#: The kept files that are text for people to read (a ``.ttl`` extract is data, not a page).
KEPT_SUFFIXES = (".md", ".txt")
_FOLDER = "sources/"
#: The longest ``.md`` text (characters) read as Markdown; a longer one is shown as plain text.
MARKDOWN_LIMIT = 2**18
#: markdown-it-py's nesting limit (its CommonMark preset's); a text that reaches it is shown as plain text.
NESTING = 20
#: A Markdown text's HTML may have at most this many bytes a byte of the text (plus :data:`HTML_SLACK`);
#: more is shown as plain text. Markup, escaping and links without a reference make at most about 10.
HTML_FACTOR = 12
#: Bytes a Markdown text's HTML may have beyond :data:`HTML_FACTOR` times the text's (a short text's few links).
HTML_SLACK = 2**14


def _web(href: str | None) -> bool:
    """Whether ``href`` is an absolute ``http(s)`` address with a host."""
    if not href:
        return False
    try:
        parts = urlsplit(href)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def _link(token: Token, href: str, env: dict) -> Token:
    """``token`` made a link out of the site to ``href`` (as ``macros.html``'s ``external``)."""
    token.attrs = {"class": "external", "rel": "external noopener", "href": href, "title": env["title"]}
    return token


def _link_open(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict) -> str:
    href = str(tokens[idx].attrGet("href") or "")
    linked = _web(href) and not any(env["links"])  # links never nest
    env["links"].append(linked)
    return self.renderToken([_link(tokens[idx], href, env)], 0, options, env) if linked else ""


def _link_close(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict) -> str:
    return self.renderToken(tokens, idx, options, env) if env["links"].pop() else ""


def _image(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict) -> str:
    """An image is its alt text, never loaded: a link to its ``http(s)`` address outside a link."""
    from markdown_it.token import Token

    token = tokens[idx]
    alt = self.renderInlineAsText(token.children or [], options, env)
    src = str(token.attrGet("src") or "")
    if not _web(src) or any(env["links"]):
        return str(escape(alt))
    link = [_link(Token("link_open", "a", 1), src, env), Token("link_close", "a", -1)]
    return self.renderToken(link, 0, options, env) + str(escape(alt or src)) + self.renderToken(link, 1, options, env)


def _escaped(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict) -> str:
    """HTML of the text, were raw HTML ever read (it is not: ``html`` is off), as text."""
    return str(escape(tokens[idx].content))


@cache
def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "xhtmlOut": False, "maxNesting": NESTING})
    md.validateLink = lambda url: True  # every link is read; the renderer links the http(s) ones
    for name, rule in {
        "link_open": _link_open,
        "link_close": _link_close,
        "image": _image,
        "html_block": _escaped,
        "html_inline": _escaped,
    }.items():
        md.add_render_rule(name, rule)
    return md


def markdown_tokens(text: str) -> list[Token] | None:
    """The Markdown text's tokens, its headings below the page's one ``h1`` without a skipped level
    (WCAG 1.3.1: the text's top level an ``h2``, each level it uses the next, and no heading more
    than one below the heading before it: ``#`` then ``###`` are ``h2`` and ``h3``); None where the text
    is longer than :data:`MARKDOWN_LIMIT` or nests as deep as markdown-it-py reads (:data:`NESTING`),
    which is shown as plain text (:func:`paragraphs`)."""
    if len(text) > MARKDOWN_LIMIT:
        return None
    tokens = _markdown().parse(text)
    levels = sorted({int(t.tag[1]) for t in tokens if t.type == "heading_open"})
    rank = {level: n for n, level in enumerate(levels, start=2)}  # the text's top level is the page's h2
    shown = 1  # the page's own h1
    for token in tokens:
        if token.level >= NESTING - 1:  # as deep as the reader goes: what is deeper is dropped
            return None
        if token.type == "heading_open":  # never deeper than one below the heading before it
            shown = min(rank[int(token.tag[1])], shown + 1, 6)
            token.tag = f"h{shown}"
        elif token.type == "heading_close":
            token.tag = f"h{shown}"
        elif token.type == "fence":  # its info string is the text's, not a class of the page
            token.info = ""
    return tokens


def html_limit(text: str) -> int:
    """The most bytes the HTML of the Markdown ``text`` may have (:data:`HTML_FACTOR`, :data:`HTML_SLACK`)."""
    return HTML_FACTOR * len(text.encode("utf-8", errors="replace")) + HTML_SLACK


def bounded_html(tokens: list[Token], lang: str = "sv", limit: int | None = None) -> Markup | None:
    """The HTML of a kept text's tokens (:func:`markdown_tokens`), its links titled in ``lang``; None
    as soon as it passes ``limit`` UTF-8 bytes. The same HTML as markdown-it-py's ``render``, made
    piece by piece (a token's HTML at a time), so that no more than ``limit`` and one piece is held
    (twice that while the pieces are joined)."""
    md = _markdown()
    renderer, options = md.renderer, md.options
    env = {"links": [], "title": messages(lang)["external_link"]}
    pieces: list[str] = []
    size = 0

    def add(row: Sequence[Token]) -> bool:  # False once past the limit
        nonlocal size
        for i, token in enumerate(row):
            if token.type == "inline":  # RendererHTML.renderInline: its children, each by its rule
                if token.children and not add(token.children):
                    return False
                continue
            rule = renderer.rules.get(token.type)
            piece = rule(row, i, options, env) if rule is not None else renderer.renderToken(row, i, options, env)
            if limit is not None:
                size += len(piece.encode("utf-8", errors="replace"))
                if size > limit:
                    return False
            pieces.append(piece)
            if len(pieces) == 1024:  # a few large strings, not many small ones (about 50 bytes each besides)
                pieces[:] = ["".join(pieces)]
        return True

    return Markup("".join(pieces)) if add(tokens) else None


def markdown_html(tokens: list[Token], lang: str = "sv") -> Markup:
    """The HTML of a kept text's tokens (:func:`markdown_tokens`), its links titled in ``lang``, unbounded
    (a page uses :func:`bounded_html`)."""
    html = bounded_html(tokens, lang)
    assert html is not None
    return html


def paragraphs(text: str) -> list[list[str]]:
    """A plain text's paragraphs (parted by blank lines), each a list of its lines, stripped."""
    found: list[list[str]] = []
    lines: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            lines.append(line.strip())
        elif lines:
            found.append(lines)
            lines = []
    if lines:
        found.append(lines)
    return found


def kept_text_files(site: Site) -> list[str]:
    """The release's kept texts for people (``sources/x.md``, ``sources/x.txt``), in order."""
    return sorted(n for n in site.download_names if n.startswith(_FOLDER) and n.endswith(KEPT_SUFFIXES))


def kept_page(name: str, names: frozenset[str] | set[str] = frozenset()) -> str:
    """The page of the kept text ``name`` (``sources/x.md`` → ``sources/x.html``); where two kept
    texts share a name but for the suffix (``names``), each page keeps its suffix (``x.md.html``)."""
    stem = name.rsplit(".", 1)[0]
    twins = [n for n in names if n != name and n.rsplit(".", 1)[0] == stem and n.endswith(KEPT_SUFFIXES)]
    return f"{name if twins else stem}.html"


def kept_pages(site: Site) -> dict[str, str]:
    """Kept text (release path) → its page's file (Swedish; ``en/`` before it for English), for the
    texts the site can read (the release folder holds them)."""
    if site.release is None:
        return {}
    names = kept_text_files(site)
    return {n: kept_page(n, set(names)) for n in names if (site.release / n).is_file()}


def _sources_of(store: ox.Store, base: str) -> dict[str, ox.NamedNode]:
    """Kept copy's IRI → the source it is a copy of (``schema:archivedAt``), the first by IRI."""
    found: dict[str, ox.NamedNode] = {}
    for quad in sorted(store.quads_for_pattern(None, SCHEMA.archivedAt, None), key=lambda q: str(q.subject)):
        if isinstance(quad.subject, ox.NamedNode) and isinstance(quad.object, ox.NamedNode):
            found.setdefault(quad.object.value, quad.subject)
    return found


def kept_text_pages(store: ox.Store, site: Site) -> Iterator[tuple[str, bytes]]:
    """(file path, bytes) of every kept text's page in every language."""
    pages = kept_pages(site)
    if not pages:
        return
    assert site.release is not None
    labels = site.labels(store)
    sources = _sources_of(store, site.base_iri)
    for name, page in pages.items():
        raw = (site.release / name).read_bytes().decode("utf-8", errors="replace")
        source = next((s for iri, s in sources.items() if iri.endswith("/" + name)), None)
        tokens = markdown_tokens(raw) if name.endswith(".md") else None
        html: dict[str, Markup | None] = {}
        if tokens is not None:  # HTML past html_limit (reference links repeating a long address): plain text
            html = {lang: bounded_html(tokens, lang, html_limit(raw)) for lang in LANGUAGES}
            if any(h is None for h in html.values()):
                tokens, html = None, {}
        plain = paragraphs(raw) if tokens is None else []
        for lang in LANGUAGES:
            here = translated(page, lang)
            yield (
                here,
                render(
                    "kept.html",
                    here=here,
                    lang=lang,
                    **shell(store, site),
                    title=_title(labels, source, name, lang),
                    label=labels.of(source) if source is not None else None,
                    name=name,
                    raw=site.download_path + name,
                    media="text/markdown" if name.endswith(".md") else "text/plain",
                    source_page=translated(page_file(source.value, site.base_iri) or "", lang)
                    if source is not None and page_file(source.value, site.base_iri)
                    else None,
                    html=html.get(lang),
                    paragraphs=plain,
                ).encode(),
            )


def _title(labels: Labeller, source: ox.NamedNode | None, name: str, lang: str) -> str:
    label = labels.of(source) if source is not None else None
    shown = (label.en if lang == "en" and label.en else label.main) if label is not None else name
    return f"{shown} ({messages(lang)['kept_text_title']})"
