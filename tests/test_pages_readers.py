"""What a reader of the pages is told, over every page and list of the fixture release: an English
SPARQL answer links to English pages; a kept source text has a page to read on a phone (escaped,
never the file's HTML); a facts table's caption never says "no source" above rows that name one;
English text marks what it quotes from Swedish ``lang="sv"``; an identifier no register confirms is
never shown as a plain number (lists, their CSV and metadata, the search index)."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from html import escape, unescape
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from serving import serving

from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings
from sakrad_ld.sparql.store import Release
from sakrad_ld.vocab import ADMS, SAKRAD, SCHEMA, SKOS
from sakrad_ld.web import kepttext
from sakrad_ld.web.kepttext import NESTING, kept_pages, kept_text_pages, markdown_html, markdown_tokens, paragraphs
from sakrad_ld.web.labels import Labeller
from sakrad_ld.web.lists import _numbers
from sakrad_ld.web.pages import Site, resource_page
from sakrad_ld.web.paths import language_of, page_file, translated
from sakrad_ld.web.render import quotation_language
from sakrad_ld.web.sitefiles import resource_pages, site_files

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
_TAGS = re.compile(r"<[^>]+>")


@pytest.fixture(scope="module")
def opened(fixture_release: Path) -> Release:
    return Release.open(fixture_release)


@pytest.fixture(scope="module")
def site(opened: Release) -> Site:
    return Site(
        opened.base_iri,
        [(f.path, f.media_type, f.size) for f in opened.files.values()],
        [],
        sparql_path=None,
        release=opened.root,
    )


@pytest.fixture(scope="module")
def files(opened: Release, site: Site) -> dict[str, bytes]:
    return dict(site_files(opened.store, site))


@pytest.fixture(scope="module")
def pages(opened: Release, site: Site) -> dict[str, str]:
    """Every resource's page in both languages, by file path."""
    out = {}
    for file in resource_pages(opened.store, opened.base_iri):
        plain = file.removeprefix("en/")
        iri = opened.base_iri + "id/" + plain[len("doc/") : -len(".html")] if plain.startswith("doc/") else None
        if iri is None:
            continue
        page = resource_page(opened.store, iri, site, language_of(file))
        if page is not None:
            out[file] = page
    assert len(out) > 50
    return out


@pytest.fixture(scope="module")
def client(fixture_release: Path) -> Iterator[httpx.Client]:
    app = create_app(fixture_release, Settings(timeout=10, query_workers=1))
    with serving(app) as root, httpx.Client(base_url=root, timeout=30) as c:
        yield c


# --- 1. an English answer links to English pages ------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_thing_of_an_answer_links_to_its_page_in_the_answers_language(
    client: httpx.Client, opened: Release, lang: str
) -> None:
    query = "SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s a ?type } FILTER(isIRI(?s)) } ORDER BY ?s"
    answer = client.get("/sparql", params={"query": query, "lang": lang}, headers={"accept": BROWSER})
    assert answer.status_code == 200, answer.text[:300]
    body = answer.text.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    cells = re.findall(r'<td title="([^"]+)">(?:<a href="([^"]+)")?', body)
    linked = [(iri, unescape(href)) for iri, href in cells if href and not href.startswith("http")]
    assert len(linked) > 50, len(linked)
    for iri, href in linked:
        expected = page_file(unescape(iri), opened.base_iri)
        assert expected is not None, iri
        assert href == translated(expected, lang), (iri, href)
        if lang == "en":
            assert href.startswith("en/"), href
    # the links resolve to a page in that language (a sample of each kind)
    kinds: dict[str, str] = {}
    for _, href in linked:
        plain = href.removeprefix("en/")
        kinds.setdefault(plain.split("/")[1] if plain.count("/") > 1 else plain, href)
    for href in kinds.values():
        page = client.get("/" + href.split("#")[0], headers={"accept": BROWSER})
        assert page.status_code == 200, href
        assert f'<html lang="{lang}">' in page.text, href


# --- 2. a kept source text has a page -----------------------------------------------------------


def _kept_names(opened: Release) -> list[str]:
    return sorted(n for n in opened.files if n.startswith("sources/") and n.endswith((".md", ".txt")))


def test_every_kept_text_has_a_page_to_read_in_both_languages(
    opened: Release, site: Site, files: dict[str, bytes]
) -> None:
    names = _kept_names(opened)
    assert names, "the fixture release keeps no text"
    made = kept_pages(site)
    assert sorted(made) == names
    labels = Labeller(opened.store)
    for name in names:
        raw = (opened.root / name).read_text(encoding="utf-8")
        for lang in ("sv", "en"):
            path = translated(made[name], lang)
            assert path in files, path
            page = files[path].decode()
            assert f'<html lang="{lang}">' in page
            assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
            assert 'href="' in page and "assets/style.css" in page
            assert '<article class="kept-text" lang="sv">' in page
            raw_links = re.findall(r'<a href="([^"]+)" class="kept" type="([^"]+)" hreflang="sv">', page)
            assert len(raw_links) == 1 and raw_links[0][0].endswith("download/" + name), raw_links
            assert raw_links[0][1] == ("text/markdown" if name.endswith(".md") else "text/plain")
            if lang == "en":
                assert "(in Swedish)" in page
            # every word of the file is on the page, in its order (its marks aside)
            article = unescape(_TAGS.sub(" ", page.split('lang="sv">', 1)[1].split("</article>", 1)[0]))
            words = re.findall(
                r"\w[\w.,:;!?%()\-–/@]*",
                re.sub(r"\[([^\]]*)\]\([^)]*\)|[#*`]|^\s*(?:\d+[.)]|[-+])\s", r"\1", raw, flags=re.M),
            )
            text = " ".join(article.split())
            at = 0
            for word in words:
                found = text.find(word, at)
                assert found >= 0, f"{path}: {word!r} missing or out of order"
                at = found + len(word)
        # the source's page links its text's page
        sources = [
            q.subject.value
            for q in opened.store.quads_for_pattern(None, SCHEMA.archivedAt, None)
            if isinstance(q.object, ox.NamedNode) and q.object.value.endswith("/" + name)
        ]
        assert sources, name
        for iri in sources:
            assert labels.of(ox.NamedNode(iri))
            for lang in ("sv", "en"):
                page = resource_page(opened.store, iri, site, lang)
                assert page is not None
                access = page.split('<section id="access">', 1)[1].split("</section>", 1)[0]
                link = re.search(r'<a href="([^"]+)" class="kept-page" hreflang="sv">([^<]*)</a>', access)
                assert link, access
                assert link[1].endswith(translated(made[name], lang).removeprefix("en/")), link[1]
                assert ("(in Swedish)" in link[2]) == (lang == "en"), link[2]
                assert re.search(r'class="kept" hreflang="sv"><code>' + re.escape(name), access), access


def _kept_articles(tmp_path: Path, opened: Release, text: str, name: str = "x.md") -> dict[str, str]:
    """The article of a kept text's page (``sources/{name}``), by language."""
    folder = tmp_path / "sources"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    media = "text/markdown" if name.endswith(".md") else "text/plain"
    site = Site(opened.base_iri, [("sources/" + name, media, len(text))], [], None, release=tmp_path)
    made = dict(kept_text_pages(opened.store, site))
    stem = name.rsplit(".", 1)[0]
    assert set(made) == {f"sources/{stem}.html", f"en/sources/{stem}.html"}
    return {
        lang: made[translated(f"sources/{stem}.html", lang)]
        .decode()
        .split('<article class="kept-text" lang="sv">', 1)[1]
        .split("</article>", 1)[0]
        for lang in ("sv", "en")
    }


#: The elements a kept text's article may hold, with the attributes each may have.
_ALLOWED = {
    **{tag: set() for tag in ("h2", "h3", "h4", "h5", "h6", "p", "br", "ul", "li", "strong", "em", "code", "pre")},
    **{tag: set() for tag in ("blockquote", "hr")},
    "ol": {"start"},
    "a": {"class", "rel", "href", "title"},
}


class _Elements(HTMLParser):
    """The elements of an article (tag, attributes) and its text, as a browser's parser reads them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.elements.append(("<!--", {}))

    def handle_pi(self, data: str) -> None:
        self.elements.append(("<?", {}))

    def unknown_decl(self, data: str) -> None:
        self.elements.append(("<!", {}))


def _safe(article: str) -> tuple[list[str], str]:
    """Asserts that the article holds only the elements and attributes a kept text's page makes,
    each link to an absolute http(s) address titled as a link out of the site; returns the links'
    addresses and the text a reader sees."""
    parser = _Elements()
    parser.feed(article)
    parser.close()
    links = []
    for tag, attrs in parser.elements:
        assert tag in _ALLOWED, (tag, attrs)
        assert set(attrs) <= _ALLOWED[tag], (tag, attrs)
        if tag == "a":
            href = attrs["href"] or ""
            assert re.fullmatch(r"https?://[^/\s\"'<>]+(?:[/?#]\S*)?", href, flags=re.I), href
            assert attrs["class"] == "external" and attrs["rel"] == "external noopener", attrs
            links.append(href)
        if tag == "ol":
            assert (attrs.get("start") or "1").isdigit(), attrs
    return links, " ".join("".join(parser.text).split())


def test_the_page_of_a_kept_text_never_passes_on_its_html(tmp_path: Path, opened: Release) -> None:
    hostile = (
        "# Rubrik <script>alert(1)</script>\n\n"
        'Stycke med <img src=x onerror="alert(2)"> och **fet <b>text</b>** och '
        '[en länk](javascript:alert(3)) och [webb](https://example.org/?a=1&b="2").\n\n'
        "- punkt <iframe src=//evil></iframe>\n"
        "1. nummer `<kod>`\n"
    )
    for article in _kept_articles(tmp_path, opened, hostile).values():
        for tag in ("<script", "<img", "<iframe", "<b>", "<kod>", "javascript:"):
            assert tag not in article, tag
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article
        assert "<strong>fet &lt;b&gt;text&lt;/b&gt;</strong>" in article
        # the address's quotes are percent-encoded, its & escaped: nothing leaves the attribute
        assert 'href="https://example.org/?a=1&amp;b=%222%22"' in article
        assert "<h2>" in article and "<ul>\n<li>punkt" in article and "<ol>\n<li>nummer" in article
        assert "en länk" in article
        _safe(article)


#: Hostile Markdown: (name, text, the links its page may have, words its page must show in order).
HOSTILE = [
    (
        "raw HTML blocks and tags",
        '<div onclick="alert(1)">\n<script>alert(2)</script>\n</div>\n\n<!-- kommentar -->\n\n'
        "<?php echo 1; ?>\n\n<![CDATA[ x ]]>\n\n<!DOCTYPE html>\n\n<style>p{}</style>\n\n"
        'text <span style="x">inne</span> <a href="javascript:alert(3)">länk</a> <svg onload=alert(4)>\n'
        '<textarea>a</textarea><noscript><p title="</noscript><img src=x onerror=alert(5)>">',
        [],
        ["alert(1)", "alert(2)", "kommentar", "php", "CDATA", "DOCTYPE", "inne", "länk", "onload", "onerror"],
    ),
    (
        "autolinks",
        "<javascript:alert(1)> <JaVaScRiPt:alert(2)> <data:text/html;base64,PHNjcmlwdD4=> <vbscript:msgbox>"
        " <file:///etc/passwd> <https://example.org/a> <mailto:a@example.org> <a@example.org> <http:x>",
        ["https://example.org/a"],
        ["javascript:alert(1)", "JaVaScRiPt:alert(2)", "data:text/html", "vbscript:msgbox", "example.org/a"],
    ),
    (
        "inline link destinations",
        "[a](jav&#x61;script:alert(1)) [b](&#106;avascript:alert(2)) [c](<javascript:alert(3)>) "
        "[d](java\\script:alert(4)) [e](//evil.example/x) [f](http:evil) [g](https:/evil) "
        '[h](data:text/html,<script>) [i](HTTPS://Example.org/ok "titel") [j](/regeringens-politik/x) '
        "[k](https://exempel.se/å ä)  [l](https://exempel.se/å)",
        ["HTTPS://Example.org/ok", "https://exempel.se/%C3%A5"],
        ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"],
    ),
    (
        "reference links",
        "[ett][x] [två][y] [tre] [fyra][] [fem][saknas]\n\n"
        "[x]: javascript:alert(1)\n[y]: https://example.org/\"q\" 'titel'\n[tre]: data:text/html,<script>\n"
        "[fyra]: <https://example.org/a b>\n",
        ["https://example.org/%22q%22", "https://example.org/a%20b"],
        ["ett", "två", "tre", "fyra", "fem", "saknas"],
    ),
    (
        "HTML entities",
        "&lt;script&gt;alert(1)&lt;/script&gt; &#60;img src=x onerror=alert(2)&#62; &#x3C;b&#x3E; "
        "&#0; &#x110000; &#99999999; &amp;amp; &nbsp; &notanentity; &quot; `&lt;kod&gt;`",
        [],
        ["script", "alert(1)", "img", "onerror=alert(2)", "b", "amp;", "notanentity", "kod"],
    ),
    (
        "images",
        '![alt <b>fet</b>](https://example.org/x.png "t") ![](https://example.org/y.png) '
        "![bort](javascript:alert(1)) ![data](data:image/png;base64,AAAA) "
        "[![i länk](https://example.org/i.png)](https://example.org/sida) ![ref][bild]\n\n"
        "[bild]: https://example.org/r.png\n",
        [
            "https://example.org/x.png",
            "https://example.org/y.png",
            "https://example.org/sida",
            "https://example.org/r.png",
        ],
        ["alt", "fet", "bort", "data", "i länk", "ref"],
    ),
    (
        "code blocks and headings",
        '```js"><script>alert(1)</script>\n<b>x</b>\n```\n\n    <i>indrag</i>\n\n'
        "# ett\n## två\n###### sex\n\nSetext\n======\n\nUnder\n------\n",
        [],
        ["<b>x</b>", "<i>indrag</i>", "ett", "två", "sex", "Setext", "Under"],
    ),
]


@pytest.mark.parametrize(("name", "text", "links", "words"), HOSTILE, ids=[case[0] for case in HOSTILE])
def test_a_hostile_markdown_text_is_read_as_text(
    tmp_path: Path, opened: Release, name: str, text: str, links: list[str], words: list[str]
) -> None:
    """No element, attribute or address of the file reaches the page: raw HTML is text, a link is a
    link only to an absolute http(s) address, an image is never loaded, and the words are there."""
    for lang, article in _kept_articles(tmp_path, opened, text).items():
        found, seen = _safe(article)
        assert found == links, (lang, found)
        at = 0
        for word in words:
            where = seen.find(word, at)
            assert where >= 0, f"{name} ({lang}): {word!r} missing or out of order in {seen!r}"
            at = where + len(word)
        assert "<img" not in article and "<h1" not in article


def test_a_kept_texts_headings_are_under_the_pages_one_h1() -> None:
    text = "# 1\n## 2\n### 3\n#### 4\n##### 5\n###### 6\n\nS\n=\n\nT\n-\n"
    html = markdown_html(markdown_tokens(text) or [])
    assert re.findall(r"<(h\d)>", html) == ["h2", "h3", "h4", "h5", "h6", "h6", "h2", "h3"]


def test_the_reading_of_one_text_never_reaches_another() -> None:
    """Each text is read alone (its own reference definitions), the same way every time."""
    first = "[a][x]\n\n[x]: https://example.org/a\n"
    second = "[a][x] [b][y]\n\n[y]: https://example.org/b\n"
    once = [markdown_html(markdown_tokens(t) or [], lang) for t in (first, second) for lang in ("sv", "en")]
    again = [markdown_html(markdown_tokens(t) or [], lang) for t in (second, first) for lang in ("en", "sv")]
    assert once == [again[3], again[2], again[1], again[0]]
    assert 'href="https://example.org/a"' not in once[2] and "[a][x]" in once[2]
    assert 'title="Extern länk"' in once[0] and 'title="External link"' in once[1]


#: 100,000 levels of a container (80,000 of an ordered list, within MARKDOWN_LIMIT), then a paragraph.
DEEP = {
    "blockquote": "> " * 100_000 + "djupt\n\nefter",
    "bullet list": "- " * 100_000 + "djupt\n\nefter",
    "ordered list": "1. " * 80_000 + "djupt\n\nefter",
    "mixed": "> - 1. " * 33_334 + "djupt\n\nefter",
    "indented list": "".join("  " * i + f"- n{i}\n" for i in range(400)) + "djupt\n\nefter",
    "a line each": "".join(">" * i + f" r{i}\n" for i in range(1, 650)) + "djupt\n\nefter",
}


@pytest.mark.parametrize("case", DEEP)
def test_a_text_nested_deeper_than_the_reader_goes_loses_no_word(tmp_path: Path, opened: Release, case: str) -> None:
    """markdown-it-py reads NESTING levels and drops what is deeper: such a text is shown as plain
    text, every word of it kept (no RecursionError, no cost above linear)."""
    text = DEEP[case]
    assert len(text) <= kepttext.MARKDOWN_LIMIT  # too deep, not too long
    assert markdown_tokens(text) is None
    for article in _kept_articles(tmp_path, opened, text).values():
        _, seen = _safe(article)
        assert "<blockquote>" not in article and "<li>" not in article
        assert seen.find("efter") > seen.find("djupt") > 0
        if case == "indented list":
            assert all(f"n{i}" in seen for i in (0, 1, 399))


def test_a_text_nested_less_deep_is_read_as_markdown() -> None:
    tokens = markdown_tokens("> " * 5 + "citat\n\n" + "".join("  " * i + f"- n{i}\n" for i in range(3)))
    assert tokens is not None
    html = markdown_html(tokens)
    assert html.count("<blockquote>") == 5 and html.count("<ul>") == 3
    assert NESTING == 20  # markdown-it-py's CommonMark preset's own


def test_a_text_longer_than_the_markdown_limit_is_shown_as_plain_text(
    tmp_path: Path, opened: Release, monkeypatch: pytest.MonkeyPatch
) -> None:
    paragraph = "ord **fet** [länk](https://example.org/) <b>x</b>\n\n"
    text = paragraph * (10_000_000 // len(paragraph))  # 10 MB
    article = _kept_articles(tmp_path, opened, text)["sv"]
    assert article.count("<p>") == 10_000_000 // len(paragraph)
    assert "<strong>" not in article and "<a " not in article and "&lt;b&gt;x&lt;/b&gt;" in article
    assert article.count("**fet**") == article.count("<p>")
    # at the limit a text is read as Markdown, one character past it as plain text
    monkeypatch.setattr(kepttext, "MARKDOWN_LIMIT", len(paragraph) * 3)
    assert markdown_tokens(paragraph * 3) is not None and markdown_tokens(paragraph * 3 + " ") is None


def test_plain_text_keeps_its_lines_and_markdown_joins_a_paragraphs(tmp_path: Path, opened: Release) -> None:
    assert paragraphs("a\nb\n\nc") == [["a", "b"], ["c"]]
    assert paragraphs("\r\n  a  \r\n\t\r\n\r\nb\rc\n") == [["a"], ["b", "c"]]
    assert markdown_html(markdown_tokens("a\nb\n\nc") or []) == "<p>a\nb</p>\n<p>c</p>\n"
    numbered = markdown_html(markdown_tokens("3. c\n4. d\n- e") or [])
    assert numbered == '<ol start="3">\n<li>c</li>\n<li>d</li>\n</ol>\n<ul>\n<li>e</li>\n</ul>\n'
    # a .txt has no markup: no heading, list, strong or link; its lines are kept
    article = _kept_articles(tmp_path, opened, "# x\n- y\n**z** [l](https://example.org/) <b>\n\nw", "t.txt")["sv"]
    assert article == "<p># x<br>\n- y<br>\n**z** [l](https://example.org/) &lt;b&gt;</p>\n<p>w</p>\n"


def test_the_server_answers_every_kept_texts_page(client: httpx.Client, opened: Release, site: Site) -> None:
    for page in kept_pages(site).values():
        for lang in ("sv", "en"):
            got = client.get("/" + translated(page, lang), headers={"accept": BROWSER})
            assert got.status_code == 200, page
            assert got.headers["content-type"].startswith("text/html")
            assert '<article class="kept-text" lang="sv">' in got.text
    sitemap = client.get("/sitemap.xml").text
    for page in kept_pages(site).values():
        assert f"{opened.base_iri}{page}</loc>" in sitemap and f"{opened.base_iri}en/{page}</loc>" in sitemap


# --- 3. one statement of provenance -------------------------------------------------------------


def test_no_caption_says_no_source_above_rows_that_name_one(pages: dict[str, str]) -> None:
    said = {"sv": ("Ingen källa angiven", "Källa:"), "en": ("No source given", "Source:")}
    per_fact = {"sv": "Källan anges vid varje uppgift", "en": "The source is given with each fact"}
    checked = per_fact_seen = 0
    for file, page in pages.items():
        lang = language_of(file)
        for table in re.findall(r'<table class="facts">(.*?)</table>', page, re.S):
            caption = re.search(r"<caption>(.*?)</caption>", table, re.S)
            if caption is None:
                continue
            rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
            sourced = [r for r in rows if '<span class="source">' in r]
            checked += 1
            if caption[1].startswith(said[lang][0]):
                assert not sourced, f"{file}: '{caption[1]}' above {len(sourced)} rows with a source"
            if caption[1] == per_fact[lang]:
                per_fact_seen += 1
                assert len(sourced) == len(rows), file
    assert checked > 100 and per_fact_seen > 0, (checked, per_fact_seen)


# --- 4. English text marks its Swedish quotations ------------------------------------------------


class _English(HTMLParser):
    """The text of a page that is in English (``lang="en"`` by the nearest element that says)."""

    VOID = frozenset(("br", "meta", "link", "img", "input", "hr", "wbr", "source", "col", "area", "base"))

    def __init__(self, lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = [("", lang)]
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        lang = dict(attrs).get("lang") or self.stack[-1][1]
        self.stack.append((tag, lang))

    def handle_endtag(self, tag: str) -> None:
        while len(self.stack) > 1:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        self.text.append(data if self.stack[-1][1] == "en" else "\x00")


def test_english_text_marks_every_quotation_swedish(opened: Release, pages: dict[str, str]) -> None:
    quoted = set()
    for quad in opened.store.quads_for_pattern(None, None, None):
        o = quad.object
        if isinstance(o, ox.Literal) and o.language == "en":
            quoted.update(re.findall(r'"([^"\n]+)"', o.value))
    assert quoted, "the fixture's English texts quote nothing"
    marked = 0
    for file, page in pages.items():
        body = page.split("<main", 1)[1].split("</main>", 1)[0]
        body = re.sub(r"<svg.*?</svg>", "", body, flags=re.S)  # the pictures are drawn elsewhere
        reader = _English(language_of(file))
        reader.feed("<main" + body)
        english = "".join(reader.text)
        for words in quoted:
            if quotation_language(words) == "en":  # English words quoted (a rendering of Swedish ones): English
                assert f'&#34;<span lang="sv">{escape(words)}</span>' not in body, f"{file}: {words!r} marked lang=sv"
                continue
            assert f'"{words}"' not in english, f'{file}: "{words}" in English text, not marked lang=sv'
        marked += body.count('&#34;<span lang="sv">')
    assert marked > 0


def test_the_announced_mark_is_grammatical_everywhere(files: dict[str, bytes], pages: dict[str, str]) -> None:
    texts = [*(d.decode("utf-8", "replace") for d in files.values()), *pages.values()]
    assert not any("not said held" in t for t in texts)
    assert any("(announced, not said to be held)" in t for t in texts)


# --- 5. identifiers no register confirms --------------------------------------------------------


def _identifiers(store: ox.Store) -> dict[str, tuple[set[str], set[str]]]:
    """Organisation IRI → (confirmed notations, the others), read from the store directly."""
    confirming = {q.object for q in store.quads_for_pattern(SAKRAD.confirmingStatus, SKOS.member, None)}
    assert confirming
    out: dict[str, tuple[set[str], set[str]]] = {}
    for q in store.quads_for_pattern(None, ADMS.identifier, None):
        if "/id/organisation/" not in q.subject.value:
            continue
        statuses = {s.object for s in store.quads_for_pattern(q.object, ADMS.status, None)}
        for n in store.quads_for_pattern(q.object, SKOS.notation, None):
            out.setdefault(q.subject.value, (set(), set()))[0 if statuses & confirming else 1].add(n.object.value)
    return out


def test_no_unconfirmed_number_is_shown_as_a_plain_number(opened: Release, files: dict[str, bytes]) -> None:
    known = _identifiers(opened.store)
    assert any(other for _, other in known.values()), "the fixture has no unconfirmed number"
    rows = list(csv.DictReader(io.StringIO(files["lists/organisations.csv"].decode("utf-8-sig"))))
    by_iri = {r["iri"]: r for r in rows}
    for iri, (confirmed, other) in known.items():
        row = by_iri[iri]
        plain = {n for n in row["organisation_numbers"].split("; ") if n}
        assert plain <= confirmed, (iri, plain)
        assert not plain & other
        marked = re.findall(r"([^;()]+?) \((\w+)\)", row["unconfirmed_numbers"])
        digits = {re.sub(r"\D", "", n) for n in confirmed}
        assert {n.strip() for n, _ in marked} == {n for n in other if re.sub(r"\D", "", n) not in digits}
        assert all(status and status != "RegisterCopy" for _, status in marked)
    meta = json.loads(files["lists/csv-metadata.json"])
    tables = meta["tables"] if "tables" in meta else [meta]
    columns = next(t for t in tables if t["url"].endswith("organisations.csv"))["tableSchema"]["columns"]
    names = [c["name"] for c in columns]
    assert (
        "unconfirmed_numbers" in names and names.index("unconfirmed_numbers") == names.index("organisation_numbers") + 1
    )
    assert list(rows[0]) == [c["titles"] for c in columns] or len(rows[0]) == len(columns)
    # the HTML lists, both languages: every unconfirmed number is marked where it is shown
    for lang, mark in (("sv", "inte bekräftat i något register"), ("en", "not confirmed in a register")):
        html = "".join(
            d.decode()
            for p, d in files.items()
            if p.startswith(translated("lists/organisations", lang)) and p.endswith(".html")
        )
        for _, other in known.values():
            for n in other:
                cells = re.findall(r'<td data-label="[^"]+">([^\n]*?' + re.escape(n) + r"[^\n]*?)</td>", html)
                assert cells, (lang, n)
                for cell in cells:
                    assert re.search(re.escape(n) + r' <span class="meta">\([^)]*; ' + mark + r"\)</span>", cell), cell
    # the search index: ``d`` only the confirmed, ``u`` the others (and the words find both)
    index = json.loads(files["search-index.json"])
    for entry in index:
        if entry["k"] != "organisation":
            continue
        iri = opened.base_iri + "id/" + entry["h"].removeprefix("doc/").removesuffix(".html")
        confirmed, other = known.get(iri, (set(), set()))
        shown = set(entry.get("d", "").split(", ")) - {""}
        assert shown <= confirmed, entry
        assert set(entry.get("u", [])) <= other and not shown & other, entry
    assert any(e.get("u") for e in index)
    script = files["assets/js/search.js"].decode()
    assert "e.u" in script and "data-unconfirmed" in script


def test_a_confirmed_number_is_plain_and_a_secondary_one_marked() -> None:
    store = ox.Store()
    base = "https://example.org/"
    org = ox.NamedNode(base + "id/organisation/x")
    confirmed, secondary, bare = (ox.NamedNode(f"{base}id/organisation/x/identifier/{n}") for n in "abc")
    for node, number, status in (
        (confirmed, "802000-0001", SAKRAD.RegisterCopy),
        (secondary, "802000-0002", SAKRAD.SecondarySource),
        (bare, "SE8020000001", None),  # the confirmed one's digits: shown once, as confirmed
    ):
        store.add(ox.Quad(org, ADMS.identifier, node))
        store.add(ox.Quad(node, SKOS.notation, ox.Literal(number)))
        if status is not None:
            store.add(ox.Quad(node, ADMS.status, status))
    store.add(ox.Quad(SAKRAD.SecondarySource, SKOS.prefLabel, ox.Literal("läst i en andrahandskälla", language="sv")))
    numbers, others = _numbers(store, org, {SAKRAD.RegisterCopy, SAKRAD.RegisterConfirmed}, Labeller(store))
    assert numbers == ["802000-0001"]
    assert [(u.number, u.status, u.label.main) for u in others] == [
        ("802000-0002", "SecondarySource", "läst i en andrahandskälla")
    ]
