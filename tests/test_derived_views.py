"""A value no source states is marked as derived in every view that shows it, and a stated one is not.

The values: a sakråd's date worked out (``sakrad:derivedDate``), that a sakråd was held where no
document read says so (``sakrad:heldDerivation``, from ``sakrad:heldDerivedFrom``), the body a body
is part of where the data places it by its own rule (``sakrad:unitOfDerivation``), and, in the
release's tables, the post a post reports to and an English name the data translated
(``sakrad:reportsToDerivation``, ``sakrad:translationDerivation``). The views: the lists' pages (sv,
en) with the text that explains each mark, their CSV and its CSVW metadata, the release's tables,
the feed and the search index. The sakråd and bodies are picked by what the fixture release's graph
says of them, not by name.
"""

from __future__ import annotations

import csv
import io
import json
import re
from html import unescape
from pathlib import Path

import pyoxigraph as ox
import pytest

from sakrad_ld.sparql.store import Release
from sakrad_ld.tables import METADATA_FILE, table_files
from sakrad_ld.vocab import ORG, SAKRAD, SCHEMA
from sakrad_ld.web.lists import MeetingRow, read_lists
from sakrad_ld.web.pages import Site
from sakrad_ld.web.sitefiles import site_files

#: How each mark reads beside a value, in Swedish and English.
HELD = {"sv": "(hållet: härlett)", "en": "(held: derived)"}
DERIVED = {"sv": "(härlett)", "en": "(derived)"}


class Views:
    """The outputs of the fixture release, made once."""

    def __init__(self, release: Path) -> None:
        self.release = Release.open(release)
        self.store = self.release.store
        site = Site(self.release.base_iri, [], [], sparql_path=None, release=self.release.root)
        self.files = dict(site_files(self.store, site))
        self.lists = read_lists(self.store, self.release.base_iri)

    def has(self, iri: str, p: ox.NamedNode) -> bool:
        return any(True for _ in self.store.quads_for_pattern(ox.NamedNode(iri), p, None))

    def held_derived(self) -> list[MeetingRow]:
        rows = [m for m in self.lists.meetings if self.has(m.ref.iri, SAKRAD.heldDerivation)]
        assert rows, "the fixture release has no sakråd held by derivation"
        return rows

    def date_derived(self) -> list[MeetingRow]:
        rows = [m for m in self.lists.meetings if self.has(m.ref.iri, SAKRAD.derivedDate) and not m.series]
        rows = [m for m in rows if not self.has(m.ref.iri, SCHEMA.startDate)]
        assert rows, "the fixture release has no sakråd with a derived date"
        return rows

    def stated(self) -> MeetingRow:
        """A sakråd with a stated date, said to be held by what was read, with a source's title."""
        for m in self.lists.meetings:
            iri = m.ref.iri
            if (
                self.has(iri, SCHEMA.startDate)
                and not m.series
                and not any(
                    self.has(iri, p)
                    for p in (SAKRAD.heldDerivation, SAKRAD.derivedDate, SAKRAD.announcedOnly, SAKRAD.titleDerivation)
                )
            ):
                return m
        raise AssertionError("the fixture release has no sakråd with everything stated")

    def bodies(self, derived: bool) -> list[str]:
        """Bodies that are part of another, placed there by the data's rule (``derived``) or a source."""
        out = []
        for r in self.lists.bodies:
            parent = self.has(r.ref.iri, ORG.unitOf) or self.has(r.ref.iri, ORG.subOrganizationOf)
            if parent and self.has(r.ref.iri, SAKRAD.unitOfDerivation) == derived:
                out.append(r.ref.id)
        assert out, f"the fixture release has no body part of another with derived={derived}"
        return out


@pytest.fixture(scope="module")
def views(fixture_release: Path) -> Views:
    return Views(fixture_release)


def _id(row: MeetingRow) -> str:
    return row.ref.iri.rsplit("/", 1)[-1]


def _text(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def _row(views: Views, prefix: str, href: str) -> tuple[str, str]:
    """The text of the list row that links to ``href``, and the page it is on."""
    for path, data in sorted(views.files.items()):
        if path.startswith(prefix) and path.endswith(".html") and "/meetings/" not in path:
            found = re.search(rf"<tr>(?:(?!</tr>).)*/{re.escape(href)}(?:(?!</tr>).)*</tr>", data.decode(), re.S)
            if found:
                return _text(found[0]), data.decode()
    raise AssertionError(f"no row of {href} in {prefix}")


def _legend(page: str) -> dict[str, str]:
    """The page's explanation of its marks, by mark."""
    section = re.search(r'<section class="marks".*?</section>', page, re.S)
    assert section, "the page shows marks and does not explain them"
    return {k: _text(v) for k, v in re.findall(r'<li id="mark-([a-z-]+)">(.*?)</li>', section[0], re.S)}


def _csv(data: bytes) -> dict[str, dict[str, str]]:
    return {r["id"]: r for r in csv.DictReader(io.StringIO(data.decode("utf-8-sig")))}


def _column(metadata: bytes, table: str, name: str) -> dict:
    group = json.loads(metadata)
    (found,) = [t for t in group["tables"] if t["url"] == table]
    (column,) = [c for c in found["tableSchema"]["columns"] if c["name"] == name]
    return column


# --- the lists' pages ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_list_marks_a_sakrad_held_by_derivation_and_explains_the_mark(views: Views, lang: str) -> None:
    prefix = "lists/meetings" if lang == "sv" else "en/lists/meetings"
    for row in views.held_derived():
        text, page = _row(views, prefix, f"{_id(row)}.html")
        assert HELD[lang] in text, text
        explained = _legend(page)["held-derived"]
        assert explained.startswith(HELD[lang]) and len(explained) > len(HELD[lang]) + 40, explained
    text, _ = _row(views, prefix, f"{_id(views.stated())}.html")
    assert HELD[lang] not in text and DERIVED[lang] not in text, text


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_list_marks_a_derived_date_and_explains_the_mark(views: Views, lang: str) -> None:
    prefix = "lists/meetings" if lang == "sv" else "en/lists/meetings"
    for row in views.date_derived():
        text, page = _row(views, prefix, f"{_id(row)}.html")
        assert f"{row.date} {DERIVED[lang]}" in text, text
        assert _legend(page)["date-derived"].startswith(DERIVED[lang])


def test_a_legend_explains_only_the_marks_its_page_shows(views: Views) -> None:
    for path, data in views.files.items():
        if not (path.endswith(".html") and "lists/" in path):
            continue
        page = data.decode()
        rows = _text(" ".join(re.findall(r"<tbody>.*?</tbody>", page, re.S)))
        legend = _legend(page) if 'class="marks"' in page else {}
        held = "(hållet: härlett)" in rows or "(held: derived)" in rows
        assert held == ("held-derived" in legend), path


def _part_of_cell(views: Views, prefix: str, body: str) -> tuple[str, str]:
    """The text of a body's "part of" cell in the bodies list, and the page it is on."""
    for path, data in sorted(views.files.items()):
        if path.startswith(prefix) and path.endswith(".html"):
            page = data.decode()
            # the body's own row: its name links to its page (another's row may link it as "part of")
            own = rf'<tr><td class="title"><a href="[^"]*/body/{re.escape(body)}\.html"'
            found = re.search(rf"{own}(?:(?!</tr>).)*</tr>", page, re.S)
            if found:
                cells = re.findall(r"<td[^>]*>(.*?)</td>", found[0], re.S)
                return _text(cells[1]).strip(), page  # name, part of, sakråd, latest
    raise AssertionError(f"no row of {body} in {prefix}")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_bodies_list_marks_a_derived_part_of(views: Views, lang: str) -> None:
    prefix = "lists/bodies" if lang == "sv" else "en/lists/bodies"
    for body in views.bodies(derived=True):
        cell, page = _part_of_cell(views, prefix, body)
        assert cell.endswith(DERIVED[lang]), cell
        assert _legend(page)["part-of-derived"].startswith(DERIVED[lang])
    for body in views.bodies(derived=False):
        cell, _ = _part_of_cell(views, prefix, body)
        assert cell and DERIVED[lang] not in cell, cell


# --- the lists' CSV and their metadata -----------------------------------------------------------


def test_the_list_csv_marks_a_sakrad_held_by_derivation_and_names_the_document(views: Views) -> None:
    rows = _csv(views.files["lists/meetings.csv"])
    for row in views.held_derived():
        (document,) = [
            q.object for q in views.store.quads_for_pattern(ox.NamedNode(row.ref.iri), SAKRAD.heldDerivedFrom, None)
        ]
        assert rows[_id(row)]["held_derived"] == "true"
        assert row.held_from is not None and row.held_from.iri == document.value
        assert rows[_id(row)]["held_derived_from"] == row.held_from.name.main
    stated = rows[_id(views.stated())]
    assert stated["held_derived"] == "false" and stated["held_derived_from"] == "" and stated["date_kind"] == "stated"
    for row in views.date_derived():
        assert rows[_id(row)]["date_kind"] == "derived"


def test_the_bodies_csv_marks_a_derived_part_of(views: Views) -> None:
    rows = _csv(views.files["lists/bodies.csv"])
    assert all(rows[b]["part_of_derived"] == "true" and rows[b]["part_of"] for b in views.bodies(derived=True))
    assert all(rows[b]["part_of_derived"] == "false" and rows[b]["part_of"] for b in views.bodies(derived=False))


@pytest.mark.parametrize(
    ("table", "name"),
    [("meetings.csv", "held_derived"), ("meetings.csv", "date_kind"), ("bodies.csv", "part_of_derived")],
)
def test_the_list_csv_metadata_describes_each_mark_in_swedish_and_english(views: Views, table: str, name: str) -> None:
    column = _column(views.files["lists/csv-metadata.json"], table, name)
    titles = {t["@language"]: t["@value"] for t in column["dc:title"]}
    about = {t["@language"]: t["@value"] for t in column["dc:description"]}
    assert set(titles) == set(about) == {"sv", "en"}
    assert "härlett" in titles["sv"] + about["sv"] and "derived" in titles["en"] + about["en"]
    assert column["datatype"] == ("string" if name == "date_kind" else "boolean")


def test_every_filtered_list_csv_has_the_marks(views: Views) -> None:
    held = {_id(r) for r in views.held_derived()}
    for path, data in views.files.items():
        if path.startswith("lists/meetings/") and path.endswith(".csv"):
            for id_, row in _csv(data).items():
                assert row["held_derived"] == ("true" if id_ in held else "false"), (path, id_)


# --- the release's tables ------------------------------------------------------------------------


def test_the_tables_give_why_a_body_is_placed_where_no_source_says_so(views: Views) -> None:
    rows = _csv((views.release.root / "tables" / "bodies.csv").read_bytes())
    for body in views.bodies(derived=True):
        assert rows[body]["unit_of_derivation_sv"] and rows[body]["unit_of_derivation_en"], rows[body]
    for body in views.bodies(derived=False):
        assert rows[body]["unit_of_derivation_sv"] == rows[body]["unit_of_derivation_en"] == ""
    meetings = _csv((views.release.root / "tables" / "meetings.csv").read_bytes())
    for row in views.held_derived():
        assert meetings[_id(row)]["held_derivation_sv"] and meetings[_id(row)]["held_derived_from_iri"]
    assert meetings[_id(views.stated())]["held_derivation_sv"] == ""


_GRAPH = """
@prefix id: <https://w3id.org/sakrad/id/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix sakrad: <https://w3id.org/sakrad/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .

id:body\\/rk a org:Organization ; skos:prefLabel "Regeringskansliet"@sv .
id:body\\/dep a org:Organization ; skos:prefLabel "Departementet"@sv , "The Ministry"@en ;
    org:unitOf id:body\\/rk ;
    sakrad:unitOfDerivation "Varje departement hör till Regeringskansliet."@sv , "Every ministry is part of it."@en ;
    sakrad:translationDerivation "Datans översättning."@sv , "The data's translation."@en .
id:body\\/other a org:Organization ; skos:prefLabel "Enheten"@sv ; org:subOrganizationOf id:body\\/dep .
id:post\\/chef a org:Post ; skos:prefLabel "chef"@sv , "head"@en ; org:postIn id:body\\/dep ;
    org:reportsTo id:post\\/minister ; sakrad:reportsToDerivation "Datans egen."@sv , "The data's own."@en ;
    sakrad:translationDerivation "Datans översättning."@sv , "The data's translation."@en .
id:post\\/minister a org:Post ; skos:prefLabel "minister"@sv , "minister"@en ; org:postIn id:body\\/rk .
"""


def test_the_tables_give_why_a_relation_or_an_english_name_is_the_datas_own() -> None:
    triples = [q.triple for q in ox.parse(_GRAPH.encode(), ox.RdfFormat.TURTLE)]
    files = table_files(triples, "https://w3id.org/sakrad/")
    bodies = _csv(files["tables/bodies.csv"])
    assert bodies["dep"]["unit_of_derivation_en"] == "Every ministry is part of it."
    assert bodies["dep"]["name_en_derivation_sv"] == "Datans översättning."
    assert bodies["other"]["unit_of_derivation_sv"] == bodies["other"]["name_en_derivation_sv"] == ""
    posts = _csv(files["tables/posts.csv"])
    assert posts["chef"]["reports_to_derivation_sv"] == "Datans egen."
    assert posts["chef"]["label_en_derivation_en"] == "The data's translation."
    assert posts["minister"]["reports_to_derivation_sv"] == posts["minister"]["label_en_derivation_sv"] == ""
    metadata = files[f"tables/{METADATA_FILE}"]
    for table, name, prop in (
        ("bodies.csv", "unit_of_derivation_sv", "unitOfDerivation"),
        ("bodies.csv", "name_en_derivation_en", "translationDerivation"),
        ("posts.csv", "reports_to_derivation_sv", "reportsToDerivation"),
        ("posts.csv", "label_en_derivation_en", "translationDerivation"),
    ):
        column = _column(metadata, table, name)
        assert column["propertyUrl"].endswith("#" + prop), column
        assert {d["@language"] for d in column["dc:description"]} == {"sv", "en"}
        assert column["datatype"] == "string"


# --- the feed and the search index ---------------------------------------------------------------


def _entry(views: Views, row: MeetingRow) -> str:
    feed = views.files["feeds/meetings.atom"].decode()
    found = re.search(rf"<entry>\s*<id>{re.escape(row.ref.iri)}</id>.*?</entry>", feed, re.S)
    assert found, _id(row)
    return unescape(found[0])


def test_the_feed_says_what_is_derived_and_how(views: Views) -> None:
    for row in views.held_derived():
        entry = _entry(views, row)
        (how,) = [
            q.object.value
            for q in views.store.quads_for_pattern(ox.NamedNode(row.ref.iri), SAKRAD.heldDerivation, None)
            if q.object.language == "sv"
        ]
        assert "hållet: härlett" in entry and how.rstrip(".") in entry, entry
    for row in views.date_derived():
        entry = _entry(views, row)
        assert f"datumet {row.date} är härlett, det står inte i källans text" in entry, entry
    stated = _entry(views, views.stated())
    assert "härlett" not in stated, stated


def test_the_search_index_carries_the_held_derivation(views: Views) -> None:
    entries = {
        e["h"].rsplit("/", 1)[-1]: e for e in json.loads(views.files["search-index.json"]) if e["k"] == "meeting"
    }
    for row in views.held_derived():
        assert entries[f"{_id(row)}.html"].get("g") == 1
    assert "g" not in entries[f"{_id(views.stated())}.html"]
    for row in views.date_derived():
        assert entries[f"{_id(row)}.html"].get("x") == 1
