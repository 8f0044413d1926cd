"""A page for each source text kept with the release (``download/sources/*.md``, ``*.txt``), so that
the text a fact is checked against can be read on a phone as well as downloaded.

The file itself is plain text (``text/markdown``, ``text/plain``), laid out by a browser as a
980 px wide page of source lines. Its page, ``sources/{name}.html`` (``en/sources/{name}.html``
with the site's English frame), holds the same text as headings, paragraphs and lists, with the
site's viewport and style, the text marked ``lang="sv"``, and links to the raw file and to the
source's page. The text is read by a small reader of its own (:func:`blocks`): ``#`` headings,
blank lines between paragraphs, ``-``/``*``/``1.`` list items, ``**strong**``, `` `code` ``
and ``[text](address)`` (the text; an absolute ``http(s)`` address is linked). Everything else is
the text as it is, escaped: a kept text is someone else's page and no HTML of it is ever passed
on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pyoxigraph as ox

from ..vocab import SCHEMA
from .labels import Labeller
from .pages import Site, shell
from .paths import LANGUAGES, page_file, translated
from .render import messages, render

__all__ = [
    "KEPT_SUFFIXES",
    "Block",
    "blocks",
    "inline",
    "kept_page",
    "kept_pages",
    "kept_text_files",
    "kept_text_pages",
]

#: The kept files that are text for people to read (a ``.ttl`` extract is data, not a page).
KEPT_SUFFIXES = (".md", ".txt")
_FOLDER = "sources/"
_HEADING = re.compile(r"(#{1,6})\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"\s{0,3}(?:([-*+])|(\d{1,9})[.)])\s+(.*)$")
_INLINE = re.compile(r"\*\*(?P<bold>[^*\n]+?)\*\*|`(?P<mono>[^`\n]+)`|\[(?P<text>[^\]\n]+)\]\((?P<href>[^)\s]*)\)")


#: A piece of a kept text's line: (kind, text, address): ``text``, ``strong``, ``code``, or ``link``
#: (with its absolute ``http(s)`` address). The template writes each (``kept.html``); no HTML is made here.
Piece = tuple[str, str, str]


@dataclass(frozen=True)
class Block:
    """One block of a kept text: ``h`` (a heading, ``level`` 2 … 4), ``p``, ``ul`` or ``ol``.
    ``lines`` are its lines, each a list of pieces (a Markdown paragraph is one line; a plain text's
    keeps its lines); ``items`` a list's items, each a list of pieces; ``start`` the first number."""

    kind: str
    lines: tuple[tuple[Piece, ...], ...] = ()
    level: int = 2
    items: tuple[tuple[Piece, ...], ...] = ()
    start: int = 1


def inline(text: str) -> tuple[Piece, ...]:
    """One line or paragraph of a kept text in pieces: its text, ``**strong**``, `` `code` `` and
    links (the link's text; a link only when its address is absolute ``http(s)``: an address on
    the source's own site is left to the raw file)."""
    out: list[Piece] = []
    last = 0
    for found in _INLINE.finditer(text):
        if found.start() > last:
            out.append(("text", text[last : found.start()], ""))
        if found["bold"] is not None:
            out.append(("strong", found["bold"], ""))
        elif found["mono"] is not None:
            out.append(("code", found["mono"], ""))
        elif found["href"].startswith(("https://", "http://")):
            out.append(("link", found["text"], found["href"]))
        else:
            out.append(("text", found["text"], ""))
        last = found.end()
    if last < len(text):
        out.append(("text", text[last:], ""))
    return tuple(out)


def blocks(text: str, markdown: bool = True) -> list[Block]:
    """The text's blocks in order: paragraphs are parted by blank lines (the lines of one are joined,
    as a paragraph of Markdown reads; in plain text each keeps its line), list items are the lines that begin with ``-``, ``*``, ``+``
    or a number and a dot, and (in Markdown) a line of ``#`` is a heading."""
    found: list[Block] = []
    lines: list[str] = []
    items: list[str] = []
    ordered: list[int | None] = [None]

    def end_paragraph() -> None:
        if lines:
            if markdown:  # a Markdown paragraph's lines are one text
                found.append(Block("p", (inline(" ".join(line.strip() for line in lines)),)))
            else:  # a plain text's lines are its own (a letterhead, an address): kept apart
                found.append(Block("p", tuple(inline(line.strip()) for line in lines)))
            lines.clear()

    def end_list() -> None:
        if items:
            start = ordered[0]
            found.append(
                Block("ol" if start is not None else "ul", items=tuple(inline(i) for i in items), start=start or 1)
            )
            items.clear()
            ordered[0] = None

    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.rstrip()
        if not line.strip():
            end_paragraph()
            end_list()
            continue
        heading = _HEADING.fullmatch(line) if markdown else None
        if heading:
            end_paragraph()
            end_list()
            found.append(Block("h", (inline(heading[2]),), level=min(len(heading[1]) + 1, 4)))
            continue
        item = _ITEM.match(line)
        if item:
            end_paragraph()
            number = int(item[2]) if item[2] else None
            if items and (number is None) != (ordered[0] is None):  # a bullet after numbers: a new list
                end_list()
            if not items:
                ordered[0] = number
            items.append(item[3].strip())
            continue
        if items and raw[:1].isspace():  # an item's continued line
            items[-1] += " " + line.strip()
            continue
        end_list()
        lines.append(line)
    end_paragraph()
    end_list()
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
    labels = Labeller(store)
    sources = _sources_of(store, site.base_iri)
    for name, page in pages.items():
        raw = (site.release / name).read_bytes().decode("utf-8", errors="replace")
        source = next((s for iri, s in sources.items() if iri.endswith("/" + name)), None)
        text = blocks(raw, markdown=name.endswith(".md"))
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
                    blocks=text,
                ).encode(),
            )


def _title(labels: Labeller, source: ox.NamedNode | None, name: str, lang: str) -> str:
    label = labels.of(source) if source is not None else None
    shown = (label.en if lang == "en" and label.en else label.main) if label is not None else name
    return f"{shown} ({messages(lang)['kept_text_title']})"
