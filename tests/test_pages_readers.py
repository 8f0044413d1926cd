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
from html import unescape
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
from sakrad_ld.web.kepttext import blocks, kept_pages, kept_text_pages
from sakrad_ld.web.labels import Labeller
from sakrad_ld.web.lists import _numbers
from sakrad_ld.web.pages import Site, resource_page
from sakrad_ld.web.paths import language_of, page_file, translated
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


def test_the_page_of_a_kept_text_never_passes_on_its_html(tmp_path: Path, opened: Release) -> None:
    hostile = (
        "# Rubrik <script>alert(1)</script>\n\n"
        'Stycke med <img src=x onerror="alert(2)"> och **fet <b>text</b>** och '
        '[en länk](javascript:alert(3)) och [webb](https://example.org/?a=1&b="2").\n\n'
        "- punkt <iframe src=//evil></iframe>\n"
        "1. nummer `<kod>`\n"
    )
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "x.md").write_text(hostile, encoding="utf-8")
    site = Site(opened.base_iri, [("sources/x.md", "text/markdown", len(hostile))], [], None, release=tmp_path)
    made = dict(kept_text_pages(opened.store, site))
    assert set(made) == {"sources/x.html", "en/sources/x.html"}
    for page in made.values():
        article = page.decode().split('<article class="kept-text" lang="sv">', 1)[1].split("</article>", 1)[0]
        for tag in ("<script", "<img", "<iframe", "<b>", "<kod>", "javascript:"):
            assert tag not in article, tag
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article
        assert "<strong>fet &lt;b&gt;text&lt;/b&gt;</strong>" in article
        assert 'href="https://example.org/?a=1&amp;b=&#34;2&#34;"' in article
        assert "<h2>" in article and "<ul><li>" in article and "<ol><li>" in article


def test_plain_text_keeps_its_lines_and_markdown_joins_a_paragraphs() -> None:
    assert [len(b.lines) for b in blocks("a\nb\n\nc", markdown=False)] == [2, 1]
    assert [len(b.lines) for b in blocks("a\nb\n\nc", markdown=True)] == [1, 1]
    assert blocks("# x", markdown=False)[0].kind == "p"  # a .txt has no headings
    numbered = blocks("3. c\n4. d\n- e")
    assert [(b.kind, b.start, len(b.items)) for b in numbered] == [("ol", 3, 2), ("ul", 1, 1)]


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
