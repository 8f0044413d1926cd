"""Swedish text on an English page carries ``lang="sv"``: a Swedish name inside an English label
("participating organisation: Frälsningsarmén"), a text the data has without a language tag that is
words ("Skatteverket (organisationsnummerregistret)"), a search result's Swedish name. Screen
readers and translation tools read the language an element says.

Every English page of the fixture release's sakråd, organisations, bodies, people and sources is read,
and every run of text with å, ä or ö is checked for the nearest ``lang`` around it. The word
"sakråd" is the dataset's term in English too ("a sakråd (consultation with civil society)"), and a
quotation in an English text of the data is the data's own (not yet marked: see QUOTED).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pyoxigraph as ox
import pytest

from sakrad_ld.sparql.store import Release
from sakrad_ld.triples import RDF_TYPE
from sakrad_ld.vocab import SAKRAD
from sakrad_ld.web.labels import literal_language
from sakrad_ld.web.pages import Site, resource_page

SWEDISH = re.compile(r"[åäöÅÄÖ]")
#: A quotation inside an English text of the data (its notes and derivations quote the Swedish
#: source verbatim, "Den 9 december"): the data's own English text, not a name the page puts there.
QUOTED = re.compile(r'"[^"]*"|“[^”]*”|”[^”]*”|\'[^\']*\'')
TERM = re.compile(r"\bsakråd(?:et|en|s)?\b", re.I)
#: Not read: code, and the sakråd's picture (a release file, an SVG of its own with its own words).
SKIPPED = ("script", "style", "code", "pre", "title", "svg")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Languages(HTMLParser):
    """The text of a page with the language each run is in (its nearest ``lang``)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.runs: list[tuple[str, str]] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        self.stack.append((tag, dict(attrs).get("lang")))
        if tag in SKIPPED:
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag in SKIPPED:
                self.skip -= 1
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.skip or not data.strip():
            return
        lang = next((lang for _, lang in reversed(self.stack) if lang is not None), "")
        self.runs.append((lang, data))


def _unmarked(page: str, english: set[str]) -> list[str]:
    """The runs of Swedish text marked English that are not an English text of the data (a note in
    English may name a Swedish person: "go to Ola Göransson, the page says")."""
    reader = _Languages()
    reader.feed(page)
    return [
        text.strip()
        for lang, text in reader.runs
        if lang == "en"
        and SWEDISH.search(QUOTED.sub("", TERM.sub("", text)))
        and text.strip(" :()") not in english
        and not any(text.strip(" :()") in e for e in english)
    ]


@pytest.fixture(scope="module")
def opened(fixture_release: Path) -> Release:
    return Release.open(fixture_release)


def _things(opened: Release) -> list[str]:
    kinds = ("meeting", "organisation", "body", "person", "source")
    base = opened.base_iri
    subjects = {q.subject.value for q in opened.store.quads_for_pattern(None, RDF_TYPE, None)}
    return sorted(
        s
        for s in subjects
        if any(s.startswith(f"{base}id/{k}/") and "/" not in s[len(f"{base}id/{k}/") :] for k in kinds)
    )


def test_no_swedish_text_on_an_english_page_is_marked_english(opened: Release) -> None:
    site = Site(opened.base_iri, [], [], sparql_path=None, release=opened.root)
    things = _things(opened)
    assert len(things) > 50
    quads = opened.store.quads_for_pattern(None, None, None)
    english = {q.object.value for q in quads if isinstance(q.object, ox.Literal) and q.object.language == "en"}
    found = {}
    for iri in things:
        page = resource_page(opened.store, iri, site, "en")
        assert page is not None, iri
        if unmarked := _unmarked(page, english):
            found[iri] = unmarked[:5]
    assert not found, f"{len(found)} English pages have Swedish text marked English: {list(found.items())[:5]}"


def test_a_swedish_name_in_an_english_part_label_is_marked(opened: Release) -> None:
    site = Site(opened.base_iri, [], [], sparql_path=None, release=opened.root)
    meeting = next(q.subject.value for q in opened.store.quads_for_pattern(None, RDF_TYPE, SAKRAD.Sakrad))
    source = next(
        q.object.value
        for q in opened.store.quads_for_pattern(
            ox.NamedNode(meeting), ox.NamedNode("http://purl.org/dc/terms/source"), None
        )
    )
    page = resource_page(opened.store, source, site, "en") or ""
    incoming = page.split('id="incoming"')[1]
    labels = re.findall(r"— ([a-z ]+): (<span lang=\"sv\">)?", incoming)
    labels = [(what, marked) for what, marked in labels if "count" not in what or marked]
    assert labels, "no part labels in the source's links"
    assert all(marked for _, marked in labels), labels


@pytest.mark.parametrize(
    ("text", "datatype", "lang"),
    [
        ("Skatteverket (organisationsnummerregistret)", None, "sv"),
        ("Domstolsverket (rättsinformationssystemet Lagrummet)", None, "sv"),
        ("Karin Strandås", None, "sv"),
        ("802002-8711", None, ""),
        ("SE8020028711", None, ""),
        ("info@example.se", None, ""),
        ("https://www.regeringen.se/x", None, ""),
        ("dct:title", None, ""),
        ("08-405 10 00", None, ""),
        ("true", "http://www.w3.org/2001/XMLSchema#boolean", ""),
        ("2017-12-12", "http://www.w3.org/2001/XMLSchema#date", ""),
    ],
)
def test_an_untagged_text_is_swedish_where_it_is_words(text: str, datatype: str | None, lang: str) -> None:
    literal = ox.Literal(text, datatype=ox.NamedNode(datatype)) if datatype else ox.Literal(text)
    assert literal_language(literal) == lang
    assert literal_language(ox.Literal(text, language="en")) == "en"


def test_the_search_marks_a_swedish_name_on_an_english_page() -> None:
    script = (Path(__file__).parents[1] / "src" / "sakrad_ld" / "assets" / "js" / "search.js").read_text("utf-8")
    # the name link says lang="sv" when the page is not Swedish and the entry has no English name
    assert re.search(r'if \(lang !== "sv" && !e\.e\) a\.setAttribute\("lang", "sv"\);', script)
    # the English marks are outside the Swedish name's link
    assert "a.textContent +=" not in script
