"""The pages, feeds and sitemap as readers and their programs take them, on the fixture release (the
phone's layout in Chromium is ``test_pages_phone_browser.py``):

* the Atom feeds do not depend on a previous release: each entry is a sakråd, dated by the data's own
  days (its sources' ``dct:issued``), newest first; compared with itself a release gives the feed it
  gives alone, and nothing is "new"; a release's ``dct:modified`` changes no byte of a feed or of the
  sitemap; an English feed beside the Swedish one, linked from the English pages;
* the sitemap gives a sakråd's pages the day of its sources, and no other page a made-up day;
* a page explains "the marks in this list" only beneath a list; a person linked to a sakråd other
  than by a role (its contact point, named with a post in its source) says so in words, and the
  sakråd's page links the people its source names;
* the SPARQL answer's and error's link to the query editor carries the query, in both languages;
* a source line is not said twice in a row (a note's, the row's, the notes section's);
* every type a page shows has an English label (no Swedish word marked on an English page's type line).
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox
import pytest

from sakrad_ld.sparql.results import Answer
from sakrad_ld.sparql.store import Release
from sakrad_ld.triples import RDF_TYPE
from sakrad_ld.vocab import DCTERMS, M8G, SAKRAD
from sakrad_ld.web.feeds import LIMIT, feed_files, sitemap, source_dates
from sakrad_ld.web.labels import Labeller, term_labels
from sakrad_ld.web.lists import read_lists
from sakrad_ld.web.pages import Site, dataset_node, resource_page
from sakrad_ld.web.results import error_page, results_page
from sakrad_ld.web.sitefiles import site_files

ATOM = "{http://www.w3.org/2005/Atom}"


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


def _copy(store: ox.Store) -> ox.Store:
    out = ox.Store()
    out.bulk_extend(store.quads_for_pattern(None, None, None))
    return out


def _feeds(store: ox.Store, base: str, previous: ox.Store | None) -> dict[str, bytes]:
    lists = read_lists(store, base, Labeller(store))
    return dict(feed_files(store, base, lists, previous))


# --- 1. the feeds ---------------------------------------------------------------------------------


def test_a_release_compared_with_itself_gives_the_feed_it_gives_alone(opened: Release) -> None:
    alone = _feeds(opened.store, opened.base_iri, None)
    itself = _feeds(opened.store, opened.base_iri, _copy(opened.store))
    assert alone == itself
    feed = alone["feeds/meetings.atom"].decode()
    assert feed.count("<entry>") == min(LIMIT, len(read_lists(opened.store, opened.base_iri).meetings))
    assert 'term="new"' not in feed and 'term="changed"' not in feed
    assert "Nytt" not in feed


def test_a_release_s_modified_day_changes_no_feed_and_no_sitemap(opened: Release) -> None:
    store, base = opened.store, opened.base_iri
    later = _copy(store)
    dataset = dataset_node(later)
    assert dataset is not None
    for q in list(later.quads_for_pattern(dataset, DCTERMS.modified, None)):
        later.remove(q)
        later.add(ox.Quad(q.subject, q.predicate, ox.Literal("2099-01-01", datatype=q.object.datatype), q.graph_name))
    assert _feeds(store, base, None) == _feeds(later, base, None)
    pages = ["index.html", "doc/meeting/x.html"]
    assert sitemap(store, base, pages) == sitemap(later, base, pages)


def test_each_entry_is_dated_by_its_sources_newest_first(files: dict[str, bytes], opened: Release) -> None:
    import xml.etree.ElementTree as ET

    dated = source_dates(opened.store, opened.base_iri)
    assert dated, "the fixture has sakråd with dated sources"
    root = ET.fromstring(files["feeds/meetings.atom"])
    seen = []
    for entry in root.iter(f"{ATOM}entry"):
        iri = entry.find(f"{ATOM}id").text
        updated = entry.find(f"{ATOM}updated").text
        if iri in dated:
            assert updated == f"{dated[iri].latest}T00:00:00Z"
            assert entry.find(f"{ATOM}published").text == f"{dated[iri].first}T00:00:00Z"
            assert not seen or seen[-1] >= updated  # newest first, the dated before the undated
            seen.append(updated)
        else:  # no source is dated: marked, and after every dated entry
            assert entry.find(f"{ATOM}category[@term='undated']") is not None
            seen.append("")
    assert root.find(f"{ATOM}updated").text == max(e.find(f"{ATOM}updated").text for e in root.iter(f"{ATOM}entry"))


def test_the_english_pages_link_an_english_feed(files: dict[str, bytes]) -> None:
    feed = files["en/feeds/meetings.atom"].decode()
    assert 'xml:lang="en"' in feed and re.search(r"/en/doc/meeting/[^\"]*\.html\"", feed) and "the data names" in feed
    assert "datan namnger" not in feed
    for page in ("en/index.html", "en/lists/meetings.html", "index.html"):
        html = files[page].decode()
        found = {posixpath.normpath(posixpath.join(posixpath.dirname(page), h)) for h in _ATOM_LINK.findall(html)}
        assert found == {page.replace("index.html", "").replace("lists/meetings.html", "") + "feeds/meetings.atom"}
        assert 'hreflang="en"' in html if page.startswith("en/") else 'hreflang="sv"' in html


_ATOM_LINK = re.compile(r'href="([^"]*\.atom)" type="application/atom\+xml"')


def test_the_sitemap_dates_only_the_sakrad_pages_by_their_sources(files: dict[str, bytes], opened: Release) -> None:
    xml = files["sitemap.xml"].decode()
    dated = source_dates(opened.store, opened.base_iri)
    for loc, day in re.findall(r"<loc>([^<]*)</loc>(?:<lastmod>([^<]*)</lastmod>)?", xml):
        page = loc[len(opened.base_iri) :]
        meeting = re.fullmatch(r"(?:en/)?doc/meeting/([^/]*)\.html", page)
        iri = f"{opened.base_iri}id/meeting/{meeting.group(1)}" if meeting else None
        assert day == (dated[iri].latest if iri in dated else ""), (page, day)


# --- 3. a page's marks and its links to sakråd ------------------------------------------------------


def test_a_marks_legend_for_a_list_is_only_beneath_a_list(files: dict[str, bytes], opened: Release, site: Site) -> None:
    people = sorted(
        {q.subject.value for q in opened.store.quads_for_pattern(None, M8G.contactPoint, None)}
        | {q.subject.value for q in opened.store.quads_for_pattern(None, SAKRAD.heldPost, None)}
    )
    assert people
    for iri in people:
        for lang in ("sv", "en"):
            html = resource_page(opened.store, iri, site, lang) or ""
            if 'id="marks-heading">' + ("The marks in this list" if lang == "en" else "Märkningarna i listan") in html:
                assert 'class="list roles"' in html or 'id="ministry-meetings"' in html, (iri, lang)


def test_a_contact_person_s_page_says_for_which_sakrad(opened: Release, site: Site) -> None:
    found = 0
    for q in opened.store.quads_for_pattern(None, M8G.contactPoint, None):
        if "/id/person/" not in q.subject.value or "/id/meeting/" not in q.object.value:
            continue
        meeting = q.object.value.split("/id/meeting/")[1].split("/")[0]
        for lang, words in (("sv", "Kontaktperson för"), ("en", "Contact person for")):
            html = resource_page(opened.store, q.subject.value, site, lang) or ""
            section = html[html.index('id="meeting-links"') :]
            assert words in section and f"meeting/{meeting}.html" in section.split("</section>")[0]
        found += 1
    assert found


def test_a_sakrad_page_links_the_post_holders_its_source_names(opened: Release, site: Site) -> None:
    base, store = opened.base_iri, opened.store
    found = 0
    for q in store.quads_for_pattern(None, SAKRAD.heldPost, None):
        person = q.subject.value
        for s in store.quads_for_pattern(q.object, DCTERMS.source, None):
            citing = {
                c.subject.value.split("/id/meeting/")[1].split("/")[0]
                for c in store.quads_for_pattern(None, DCTERMS.source, s.object)
                if c.subject.value.startswith(base + "id/meeting/")
            }
            for meeting in citing:
                page = resource_page(store, f"{base}id/meeting/{meeting}", site, "sv") or ""
                assert f"person/{person.rsplit('/', 1)[1]}.html" in page, (meeting, person)
                mine = resource_page(store, person, site, "en") or ""
                if "Roles in sakråd" not in mine:  # no role: the page says how it is linked
                    assert f"meeting/{meeting}.html" in mine, (person, meeting)
                found += 1
    assert found


# --- 4. the query editor link ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_answer_s_link_to_the_editor_carries_the_query(opened: Release, lang: str) -> None:
    query = "SELECT ?zzz WHERE { ?zzz a <x:y> } # & ?"
    pages = [
        results_page(Answer("select", ("zzz",), []), opened.store, opened.base_iri, query, lang),
        error_page("Parser error at line 1 column 3", query, 400, lang),
    ]
    for html in pages:
        href = re.search(r'<a href="([^"]*query\.html[^"]*)">(?:To the query editor|Till frågeredigeraren)</a>', html)
        assert href is not None
        link = href.group(1).replace("&amp;", "&")
        assert urlsplit(link).path.endswith("en/query.html" if lang == "en" else "query.html")
        assert parse_qs(urlsplit(link).query)["query"] == [query]


# --- 5. a source line is not said twice in a row ---------------------------------------------------


_SOURCE_LINE = re.compile(r'<(?:span|p) class="(?:meta )?source">([^<]*:.*?)</(?:span|p)>', re.S)


def test_no_source_line_follows_the_same_one(files: dict[str, bytes], opened: Release, site: Site) -> None:
    for row in read_lists(opened.store, opened.base_iri).meetings:
        for lang in ("sv", "en"):
            html = resource_page(opened.store, row.ref.iri, site, lang) or ""
            found = list(_SOURCE_LINE.finditer(html[: html.find("<details")]))
            for a, b in zip(found, found[1:], strict=False):
                between = html[a.end() : b.start()]
                assert not (a.group(1) == b.group(1) and "<dt>" not in between and "<li>" not in between), (
                    row.ref.id,
                    lang,
                    a.group(1),
                )
            for dd in re.findall(r"<dd>(.*?)</dd>", html, re.S):  # a note in a row names no source the row names
                row_src = re.search(r'<span class="source">.*?</span>', dd, re.S)
                for note in re.findall(r'<span class="note-text">.*?\((.*?)\)</span>', dd, re.S):
                    assert not row_src or note.strip() not in row_src.group(0), (row.ref.id, note)


# --- 6. type labels in English ----------------------------------------------------------------------


def test_every_type_a_page_shows_has_an_english_label(opened: Release) -> None:
    labels = Labeller(opened.store)
    types = {
        q.object for q in opened.store.quads_for_pattern(None, RDF_TYPE, None) if isinstance(q.object, ox.NamedNode)
    }
    missing = []
    for t in sorted(types, key=str):
        text = labels.of(t)
        if not (text.en or text.lang in ("", "en")):
            missing.append(t.value)
    assert not missing, missing
    assert all(label.en or label.lang == "" for label in term_labels().values())


def test_an_english_person_page_marks_no_type_swedish(opened: Release, site: Site) -> None:
    person = next(q.subject.value for q in opened.store.quads_for_pattern(None, M8G.contactPoint, None))
    html = resource_page(opened.store, person, site, "en") or ""
    line = html[html.index('id="about-data"') :].split("</p>")[0]
    assert 'lang="sv"' not in line, line
