"""The pages as people read them, on the fixture release (no browser; the browser's part is in
``test_pages_links_browser.py``):

* the English search's results lead to the English pages under the site's root (``data-root`` is the
  root of the Swedish pages on both languages' search pages, never ``""`` on ``en/search.html``);
* every page loads ``assets/js/page.js`` (the language switch that keeps ``?q=`` and ``#part``), while
  its plain switch link, without the script, is the other language's page;
* the list's filter panel is closed in the HTML (the list first on a phone), opened by the script
  on a wide screen (``data-open-wide``);
* an English gloss beside Swedish marks the Swedish name or wording it ends in ``lang="sv"``;
* two documents of the same title are named apart (host, folder, date or identifier);
* the parts in "every fact" are headed by what they are in words ("anteckning 1", "datum
  (tidpunkt)"), never a bare number or "instant";
* the start page's downloads: the tables for spreadsheets and how to open a CSV come before the
  files, each file's media type and size cells name their column (stacked on a phone);
* the lists' CSVW metadata: titles in Swedish and English for the group and for each table;
* names in the pictures are cut at a whole word, with the whole name as the box's ``<title>``;
* a year is not marked Swedish on an English page; the year filter's "without a date".
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pyoxigraph as ox
import pytest

from sakrad_ld.sparql.store import Release
from sakrad_ld.web.pages import Site, resource_page
from sakrad_ld.web.sitefiles import site_files

BASE = "https://w3id.org/sakrad/"


@pytest.fixture(scope="module")
def opened(fixture_release: Path) -> Release:
    return Release.open(fixture_release)


@pytest.fixture(scope="module")
def site(opened: Release) -> Site:
    downloads = [(f.path, f.media_type, f.size) for f in opened.files.values()]
    return Site(opened.base_iri, downloads, [], sparql_path=None, release=opened.root)


@pytest.fixture(scope="module")
def files(opened: Release, site: Site) -> dict[str, bytes]:
    return dict(site_files(opened.store, site))


def text(files: dict[str, bytes], name: str) -> str:
    return files[name].decode("utf-8")


# --- 1. the English search's links ---------------------------------------------------------------


@pytest.mark.parametrize(("page", "root"), [("search.html", ""), ("en/search.html", "../")])
def test_the_search_pages_root_is_the_sites_root(files: dict[str, bytes], page: str, root: str) -> None:
    found = re.search(r'<div id="search" data-root="([^"]*)"', text(files, page))
    assert found and found.group(1) == root, found and found.group(1)


def test_the_search_script_puts_an_english_result_under_en_once(files: dict[str, bytes]) -> None:
    script = text(files, "assets/js/search.js")
    # the root is the Swedish pages' root: the English page adds en/ once
    assert 'a.href = root + (lang === "en" ? "en/" : "") + e.h;' in script


# --- 2. the language switch ------------------------------------------------------------------


@pytest.mark.parametrize("page", ["index.html", "en/search.html", "lists/meetings.html", "en/lists/people.html"])
def test_every_page_loads_the_switch_script_and_its_plain_link_is_the_other_page(
    files: dict[str, bytes], page: str
) -> None:
    html = text(files, page)
    depth = page.count("/")
    assert f'<script defer src="{"../" * depth}assets/js/page.js"></script>' in html
    switch = re.search(r'<a class="language"[^>]* href="([^"]+)"', html)
    other = page.removeprefix("en/") if page.startswith("en/") else f"en/{page}"
    assert switch and switch.group(1) == ("../" * depth) + other, switch and switch.group(1)


def test_the_switch_script_carries_the_query_and_the_fragment(files: dict[str, bytes]) -> None:
    script = text(files, "assets/js/page.js")
    assert "location.search" in script and "location.hash" in script and "hashchange" in script
    assert "window.sakradSwitch()" in text(files, "assets/js/search.js")


# --- 3. the filter panel ---------------------------------------------------------------------


@pytest.mark.parametrize("page", ["lists/meetings.html", "en/lists/meetings.html"])
def test_the_filter_panel_is_closed_in_the_html_and_opened_on_a_wide_screen(files: dict[str, bytes], page: str) -> None:
    details = re.search(r"<details class=\"facets\"[^>]*>", text(files, page))
    assert details, page
    assert " open" not in details.group(0) and "data-open-wide" in details.group(0), details.group(0)
    assert 'matchMedia("(min-width: 48rem)")' in text(files, "assets/js/page.js")


# --- 5. Swedish inside an English gloss ------------------------------------------------------


def test_the_english_gloss_beside_swedish_marks_the_swedish_name_it_ends_in() -> None:
    from sakrad_ld.web.labels import Text
    from sakrad_ld.web.render import environment

    label = Text(
        "deltagande organisation: Frälsningsarmén",
        "participating organisation: Frälsningsarmén",
        sv_tail="Frälsningsarmén",
    )
    template = environment().from_string('{% from "macros.html" import tx with context %}{{ tx(label) }}')
    sv = template.render(lang="sv", here="doc/x.html", label=label)
    assert (
        '<span class="en" lang="en">(participating organisation: <span lang="sv">Frälsningsarmén</span>)</span>' in sv
    ), sv
    en = template.render(lang="en", here="en/doc/x.html", label=label)
    assert en == 'participating organisation: <span lang="sv">Frälsningsarmén</span>', en


class _Gloss(HTMLParser):
    """The text inside ``span.en`` glosses whose language is English, by the nearest ``lang``."""

    VOID = frozenset({"br", "img", "input", "meta", "link", "hr", "wbr"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str | None, bool, str]] = []
        self.english: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        a = dict(attrs)
        lang = a.get("lang") or (self.stack[-1][0] if self.stack else None)
        gloss = (self.stack[-1][1] if self.stack else False) or "en" in (a.get("class") or "").split()
        self.stack.append((lang, gloss, tag))

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop()[2] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][1] and self.stack[-1][0] == "en":
            self.english.append(data)


def test_a_participants_name_in_a_gloss_on_a_swedish_meeting_page_is_marked_swedish(
    opened: Release, site: Site
) -> None:
    html = resource_page(opened.store, f"{BASE}id/meeting/2017-12-12-integration", site, "sv") or ""
    parser = _Gloss()
    parser.feed(html)
    gloss = " ".join(parser.english)
    assert "participating organisation" in gloss
    assert "Frälsningsarmén" in html and "Frälsningsarmén" not in gloss


# --- 6. documents of the same title ----------------------------------------------------------


def _documents(*docs: tuple[str, str, str, str]) -> ox.Store:
    """A store of documents (id, title, address, date)."""
    store = ox.Store()
    dct, schema = "http://purl.org/dc/terms/", "https://schema.org/"
    for id_, title, url, date in docs:
        s = ox.NamedNode(f"{BASE}id/source/{id_}")
        store.add(
            ox.Quad(
                s,
                ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                ox.NamedNode("http://xmlns.com/foaf/0.1/Document"),
            )
        )
        store.add(ox.Quad(s, ox.NamedNode(dct + "title"), ox.Literal(title, language="sv")))
        store.add(ox.Quad(s, ox.NamedNode(schema + "url"), ox.Literal(url)))
        store.add(
            ox.Quad(
                s,
                ox.NamedNode(dct + "issued"),
                ox.Literal(date, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")),
            )
        )
    return store


def test_two_documents_of_one_title_are_named_apart_by_what_differs() -> None:
    from sakrad_ld.web.labels import Labeller

    store = _documents(
        ("a", "Samtal", "http://regstat.regeringen.se/artiklar/2022/12/samtal/", "2022-12-15"),
        ("b", "Samtal", "https://www.regeringen.se/artiklar/2022/12/samtal/", "2022-12-15"),
        ("c", "Sakråd om X", "https://www.regeringen.se/sakrad/2022/11/x/", "2022-11-30"),
        ("d", "Sakråd om X", "https://www.regeringen.se/artiklar/2022/12/x/", "2022-12-01"),
        ("e", "Ensam", "https://www.regeringen.se/ensam/", "2022-12-01"),
        ("f", "Två lika", "https://www.regeringen.se/a/", "2022-12-01"),
        ("g", "Två lika", "https://www.regeringen.se/a/", "2022-12-01"),
    )
    labels = Labeller(store)

    def named(id_: str) -> str:
        found = labels.label(ox.NamedNode(f"{BASE}id/source/{id_}"))
        assert found is not None
        return found.main

    assert named("a") == "Samtal (regstat.regeringen.se)"
    assert named("b") == "Samtal (www.regeringen.se)"
    assert named("c") == "Sakråd om X (www.regeringen.se/sakrad)"
    assert named("d") == "Sakråd om X (www.regeringen.se/artiklar)"
    assert named("e") == "Ensam"  # a title no other document has is the title
    assert (named("f"), named("g")) == ("Två lika (f)", "Två lika (g)")  # nothing else differs: the identifier


def test_the_meeting_pages_source_line_names_its_two_documents_apart(release: Path) -> None:
    real = Release.open(release)  # the real data: the article and its copy on regstat.regeringen.se
    site = Site(real.base_iri, [], [], sparql_path=None, release=real.root)
    html = resource_page(real.store, f"{BASE}id/meeting/2022-12-13-demokrativillkor", site, "en") or ""
    links = re.findall(r'<a href="[^"]*/source/(regeringen-2022-12-[^"]*)\.html">(.*?)</a>', html)
    names = {doc: re.sub(r"<[^>]+>", "", name) for doc, name in links}
    forssmed = {doc: n for doc, n in names.items() if n.startswith("Statsrådet Jakob Forssmed")}
    assert len(forssmed) == 2 and len(set(forssmed.values())) == 2, names  # the copy and the article, named apart


# --- 12. headings of the parts ---------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_no_part_is_headed_by_a_bare_number_or_a_term(opened: Release, site: Site, lang: str) -> None:
    headings: list[str] = []
    for meeting in ("2017-12-12-integration", "2019-03-05-eu-europa-2020", "2024-02-05-hbtqi-handlingsplan"):
        html = resource_page(opened.store, f"{BASE}id/meeting/{meeting}", site, lang) or ""
        headings += [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<h3>(.*?)</h3>", html)]
    assert headings
    bare = [h for h in headings if re.fullmatch(r"\d+|instant|tidpunkt", h)]
    assert not bare, bare
    note, date = ("anteckning 1", "datum (tidpunkt)") if lang == "sv" else ("note 1", "date (instant)")
    assert any(h.startswith(note) for h in headings), headings
    assert any(h.startswith(date) for h in headings), headings
    area = "diskussionsområde 1" if lang == "sv" else "discussion area 1"
    assert any(h.startswith(area) for h in headings), headings


# --- 13, 8. the start page's downloads and how to open a CSV -------------------------------


@pytest.mark.parametrize("page", ["index.html", "en/index.html"])
def test_the_tables_for_spreadsheets_come_before_the_files_and_each_cell_names_its_column(
    files: dict[str, bytes], page: str
) -> None:
    html = text(files, page)
    spreadsheets = html.index('<p class="spreadsheets">')
    table = html.index('<table class="downloads">')
    assert html.index('id="downloads"') < spreadsheets < html.index('class="note csv-hint"') < table
    rows = re.findall(r"<tr><td>.*?</tr>", html[table:], re.S)
    assert rows and all(r.count("data-label=") == 2 for r in rows), rows[:2]
    style = text(files, "assets/style.css")
    assert "table.downloads code { overflow-wrap: break-word; }" in style
    assert "table.downloads td[data-label]::before" in style


@pytest.mark.parametrize(
    ("page", "words"),
    [
        ("lists/meetings.html", "Data › Från text/CSV"),
        ("en/lists/organisations.html", "Data › From Text/CSV"),
        ("en/lists/meetings/year/2017.html", "65001: Unicode (UTF-8)"),
    ],
)
def test_the_lists_say_how_to_open_their_csv_in_a_spreadsheet(files: dict[str, bytes], page: str, words: str) -> None:
    html = text(files, page)
    assert words in html
    assert html.index("download") < html.index("csv-hint")


# --- 9. the lists' CSVW titles ---------------------------------------------------------------


def _languages(title: object) -> dict[str, str]:
    assert isinstance(title, list), title
    return {t["@language"]: t["@value"] for t in title}


def test_the_filtered_lists_metadata_titles_the_group_and_each_table_in_both_languages(
    files: dict[str, bytes],
) -> None:
    meta = json.loads(files["lists/meetings/year/csv-metadata.json"])
    assert _languages(meta["dc:title"]) == {"sv": "Sakråd: År", "en": "Consultations (sakråd): Year"}
    by_url = {t["url"]: _languages(t["dc:title"]) for t in meta["tables"]}
    assert by_url["2017.csv"] == {"sv": "Sakråd: År 2017", "en": "Consultations (sakråd): Year 2017"}
    organisations = json.loads(files["lists/meetings/organisation/csv-metadata.json"])
    titles = {t["url"]: _languages(t["dc:title"]) for t in organisations["tables"]}
    assert titles["radda-barnen.csv"]["sv"] == "Sakråd: Organisation Rädda Barnen"
    lists = json.loads(files["lists/csv-metadata.json"])
    assert _languages(lists["dc:title"])["en"] == "Consultations (sakråd): lists"
    assert {t["url"]: _languages(t["dc:title"])["sv"] for t in lists["tables"]}["people.csv"] == "Personer"


# --- 10. names cut in the pictures -----------------------------------------------------------


def test_a_name_too_long_for_its_lines_ends_at_a_whole_word() -> None:
    from sakrad_ld.web.diagrams import _wrapped

    name = "Riksförbundet för homosexuellas, bisexuellas, transpersoners, queeras och intersexpersoners rättigheter"
    lines = _wrapped(name, 40, 2)
    assert len(lines) == 2 and lines[-1].endswith("…")
    words = name.split()
    shown = " ".join(lines)[:-1].rstrip(",").split()
    assert shown == words[: len(shown)], lines  # every word shown is whole
    assert _wrapped("ettmycketlångtordsomintefår plats", 10, 1)[0] == "ettmycket…"  # one word: cut where it must


def test_a_box_whose_name_is_cut_has_the_whole_name_as_its_title() -> None:
    from sakrad_ld.web.diagrams import _box, _Line

    box, _ = _box(0, 0, 100, [_Line("Riksförbundet för…")], "https://example.org/x", whole="Riksförbundet för allt")
    assert box.startswith('<a href="https://example.org/x"><title>Riksförbundet för allt</title>'), box
    whole, _ = _box(0, 0, 100, [_Line("Kort")], None, whole="Kort")
    assert "<title>" not in whole


# --- 14. smaller slips -----------------------------------------------------------------------


def test_a_year_is_not_marked_swedish_and_the_undated_list_reads_in_english(files: dict[str, bytes]) -> None:
    year = text(files, "en/lists/meetings/year/2017.html")
    h1 = re.search(r"<h1>(.*?)</h1>", year)
    assert h1 and h1.group(1) == "Consultations (sakråd): Year 2017", h1 and h1.group(1)
    for page, heading in (
        ("en/lists/meetings/year/unknown.html", "Consultations (sakråd): no date"),
        ("lists/meetings/year/unknown.html", "Sakråd: utan datum"),
    ):
        h1 = re.search(r"<h1>(.*?)</h1>", text(files, page))
        assert h1 and h1.group(1) == heading, h1 and h1.group(1)
        assert f"<title>{heading}</title>" in text(files, page)
    meta = json.loads(files["lists/meetings/year/csv-metadata.json"])
    assert {t["url"]: _languages(t["dc:title"])["en"] for t in meta["tables"]}["unknown.csv"] == (
        "Consultations (sakråd): no date"
    )


def test_a_facts_headings_compact_iri_has_room_on_a_phone(files: dict[str, bytes]) -> None:
    style = text(files, "assets/style.css")
    assert "table.facts th { width: 45%; }" in style and "table.facts th code { font-size: .8rem; }" in style


@pytest.mark.parametrize(
    ("page", "says", "not_says"),
    [
        ("en/sources/sakrad-2017-12-12-integration.html", "here in paragraphs with the file", "headings and lists"),
        ("sources/sakrad-2017-12-12-integration.html", "filens rader som de är", "rubriker och listor"),
    ],
)
def test_a_kept_plain_text_says_it_is_shown_as_its_lines(
    files: dict[str, bytes], page: str, says: str, not_says: str
) -> None:
    html = text(files, page)
    assert says in html and not_says not in html


def test_a_source_given_by_its_address_is_named_as_the_document_at_it(release: Path) -> None:
    """An identifier's source is the address of a document the data describes (the mirror of
    Skatteverket's list): its "Source:" line names that document and links to its page, as the rest
    of the page names it, not the raw address."""
    real = Release.open(release)
    site = Site(real.base_iri, [], [], sparql_path=None, release=real.root)
    html = resource_page(real.store, f"{BASE}id/organisation/radda-barnen", site, "en") or ""
    lines = re.findall(r'<span class="source">Source: (.*?)</span>', html, re.S)
    assert lines, "no source line"
    assert not [line for line in lines if "<code>https://github.com/" in line], lines
    assert any("source/skatteverket-godkanda-gavomottagare.html" in line for line in lines), lines


@pytest.mark.parametrize(
    ("lang", "own"), [("sv", "datans egen uppgift (sakrad-ld)"), ("en", "the data's own (sakrad-ld)")]
)
def test_a_title_the_data_made_names_its_source_as_the_derived_date_does(
    opened: Release, site: Site, lang: str, own: str
) -> None:
    html = resource_page(opened.store, f"{BASE}id/meeting/2017-12-12-integration", site, lang) or ""
    rows = re.findall(r"<dt[^>]*>(.*?)</dt>\s*<dd[^>]*>(.*?)</dd>", html, re.S)
    title = [dd for dt, dd in rows if re.sub(r"<[^>]+>", "", dt).strip() in ("Rubrik", "Title")]
    assert title, [re.sub(r"<[^>]+>", "", dt) for dt, _ in rows]
    assert own.replace("'", "&#39;") in title[0], title[0]


@pytest.mark.parametrize(
    ("page", "metadata"),
    [
        ("lists/meetings.html", "csv-metadata.json"),
        ("en/lists/people.html", "../../lists/csv-metadata.json"),
        ("lists/meetings/year/2017.html", "csv-metadata.json"),
    ],
)
def test_a_list_links_the_csvw_metadata_of_its_csv(files: dict[str, bytes], page: str, metadata: str) -> None:
    html = text(files, page)
    assert f'<a href="{metadata}" type="application/csvm+json">' in html, page
    folder = page.removeprefix("en/").rsplit("/", 1)[0]
    assert f"{folder}/csv-metadata.json" in files


def test_a_ministry_involved_without_a_role_says_so_in_the_bodies_list(release: Path) -> None:
    """A ministry in a sakråd only via a post (0 with a role) is not "no sakråd": the list says in
    how many it is involved, as the ministry filter counts, and links that filter."""
    from sakrad_ld.web.lists import read_lists

    real = Release.open(release)
    site = Site(real.base_iri, [], [], sparql_path=None, release=real.root)
    lists = read_lists(real.store, real.base_iri)
    involved = {key: n for key, _, n in lists.facet("ministry")}
    roles = {r.ref.id: r.meetings for r in lists.bodies}
    only_via = sorted(k for k, n in involved.items() if k in roles and n > roles[k])
    files = dict(site_files(real.store, site))
    for page, words in (("lists/bodies.html", "involverat i"), ("en/lists/bodies.html", "involved in")):
        html = text(files, page)
        shown = re.findall(r'<a href="(?:\.\./)?meetings/ministry/([^"]+)\.html">' + words + r" (\d+) ", html)
        assert sorted(k for k, _ in shown) == only_via, (page, shown)
        assert all(int(n) == involved[k] for k, n in shown)


def test_no_tables_title_ends_cut() -> None:
    """A table's title is whole words, never ending in "…" (the start page lists each by its title)."""
    from sakrad_ld.tables.definitions import TABLES

    cut = [(t.name, title) for t in TABLES for title in (t.title_sv, t.title_en) if "…" in title]
    assert not cut, cut
