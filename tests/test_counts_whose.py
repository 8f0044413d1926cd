"""Every number the pages and lists show says whose it is, and no date or order claims more than
the dated sakråd support. Checked on the fixture release's site, in both languages, against the
fixture YAML a person wrote and the graph, not against the code that writes the pages:

- a count of organisations the release makes (``sakrad:listedOrganisationCount``, the names the data
  holds) is the data's ("Datan namnger 8" / "The data names 8", with the documents the names are
  from), never the source's ("den listar 8" / "it lists 8"); so in the lists' CSV descriptions and
  the feed;
- the first and latest date of an organisation or person (lists, their CSV and CSVW metadata) say
  how many of its sakråd have no date, and a thing's table of roles says that its undated sakråd
  are last in an order nobody knows;
- a headline count of sakråd says how many of them the sources only announce, the count of
  government bodies names its kinds (the Government Offices with its parts, and the agencies),
  and the year filter says how many of each year's sakråd have a derived year.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter

import pyoxigraph as ox
import pytest
from fixture_pages import fixture_meetings, fixture_opened, fixture_site  # noqa: F401

from sakrad_ld.sparql.store import Release
from sakrad_ld.web.pages import Site, resource_page
from sakrad_ld.web.sitefiles import site_files

LANGS = ("sv", "en")


@pytest.fixture(scope="module")
def files(opened: Release, site: Site) -> dict[str, bytes]:
    return dict(site_files(opened.store, site))


def _text(html: bytes | str) -> str:
    html = html.decode() if isinstance(html, bytes) else html
    html = re.sub(r"<script.*?</script>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("&#39;", "'").split())


def _rows(raw: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def _meeting(opened: Release, site: Site, id: str, lang: str) -> str:
    return resource_page(opened.store, f"{opened.base_iri}id/meeting/{id}", site, lang=lang)


def _page(files: dict[str, bytes], path: str, lang: str) -> str:
    return _text(files[path if lang == "sv" else f"en/{path}"])


# --- a count the release makes is the data's ---------------------------------------------------


#: the words that put a count the release makes in the source's mouth
SOURCE_LISTS = re.compile(r"\b(den listar|Den listar|it lists|It lists) \d")


def test_the_fixture_has_a_meeting_whose_names_the_data_counts_with_no_stated_count(meetings: dict) -> None:
    assert any(m.get("organisations") and "organisation_count" not in m for m in meetings.values())
    assert any(m.get("organisations") and "organisation_count" in m for m in meetings.values())


@pytest.mark.parametrize("lang", LANGS)
def test_a_meeting_page_says_the_data_names_the_organisations_it_counts(
    opened: Release, site: Site, meetings: dict, lang: str
) -> None:
    names = {"sv": "Datan namnger", "en": "The data names"}[lang]
    source_said = {
        "sv": "Datan ger inget antal organisationer",
        "en": "The data gives no number of organisations",
    }
    from_where = {"sv": "Namnen är ur", "en": "The names are from"}[lang]
    checked = 0
    for id, m in meetings.items():
        text = _text(_meeting(opened, site, id, lang))
        assert not SOURCE_LISTS.search(text), (id, SOURCE_LISTS.search(text).group(0))
        listed = len(m.get("organisations") or [])
        if not listed:
            assert not re.search(rf"{names} \d", text), id  # no count where the data names none
            continue
        checked += 1
        assert f"{names} {listed}" in text, (id, text[:3000])
        assert from_where in text, id
        if "organisation_count" not in m:
            assert source_said[lang] in text, id
    assert checked >= 2


@pytest.mark.parametrize("lang", LANGS)
def test_a_note_on_the_participations_is_pointed_to_beside_the_count(
    opened: Release, site: Site, meetings: dict, lang: str
) -> None:
    pointer = {"sv": "Se anmärkningarna om deltagandena", "en": "See the notes on the participations"}[lang]
    noted = [
        id
        for id, m in meetings.items()
        if m.get("organisations") and any(n.get("about") == "organisations" for n in m.get("notes") or [])
    ]
    assert noted, "the fixture has a note on where the organisations' names come from"
    for id in noted:
        html = _meeting(opened, site, id, lang)
        assert re.search(r'<p class="note names-from">[^\n]*<a href="#notes">', html), id
        assert pointer in _text(html), id


def test_the_lists_csv_metadata_says_the_named_and_listed_counts_are_the_datas(files: dict[str, bytes]) -> None:
    meta = json.loads(files["lists/csv-metadata.json"])
    columns = {c["name"]: c for t in meta["tables"] if t["url"] == "meetings.csv" for c in t["tableSchema"]["columns"]}
    for name in ("organisations_named", "organisations_listed"):
        about = {d["@language"]: d["@value"] for d in columns[name]["dc:description"]}
        assert (
            "datan namnger" in about["sv"]
            and "källan listar" not in about["sv"]
            and "källan namnger" not in about["sv"]
        )
        assert "the data names" in about["en"] and "the source lists" not in about["en"]


def test_the_feed_says_the_data_names_the_organisations(files: dict[str, bytes]) -> None:
    feed = files["feeds/meetings.atom"].decode()
    summaries = re.findall(r"<summary>(.*?)</summary>", feed, re.S)
    assert summaries
    for s in summaries:
        assert "datan namnger" in s, s
        assert not re.search(r"\d+ organisationer namngivna|1 organisation namngiven", s), s


# --- first and latest dates over partly dated sakråd -----------------------------------------


def _undated_by_agent(store: ox.Store) -> tuple[Counter[str], Counter[str]]:
    """Each agent's sakråd (any role, or the stated organiser), all and those with no date at all:
    no schema:startDate, no sakrad:derivedDate and no day of a series."""
    query = """
    PREFIX m8g: <http://data.europa.eu/m8g/>
    PREFIX schema: <https://schema.org/>
    PREFIX sakrad: <https://w3id.org/sakrad/ontology#>
    SELECT DISTINCT ?who ?m ?dated WHERE {
      { ?m m8g:hasParticipation/m8g:hasParticipant ?who } UNION { ?m schema:organizer ?who }
      ?m a sakrad:Sakrad .
      BIND(EXISTS { { ?m schema:startDate ?d } UNION { ?m sakrad:derivedDate ?d }
                    UNION { ?m m8g:subEvent|schema:subEvent ?e . ?e schema:startDate ?d } } AS ?dated)
    }"""
    every: Counter[str] = Counter()
    undated: Counter[str] = Counter()
    for row in store.query(query):
        every[row["who"].value] += 1
        if row["dated"].value == "false":
            undated[row["who"].value] += 1
    return every, undated


@pytest.mark.parametrize("kind", ["people", "organisations"])
def test_each_rows_undated_sakrad_are_counted_beside_its_dates(
    files: dict[str, bytes], opened: Release, kind: str
) -> None:
    every, undated = _undated_by_agent(opened.store)
    rows = _rows(files[f"lists/{kind}.csv"])
    assert rows and "undated" in rows[0]
    for r in rows:
        assert int(r["undated"]) == undated[r["iri"]], r
        if int(r["sakrad"]) and int(r["undated"]) == int(r["sakrad"]):
            assert r["last_date"] == r["first_date"] == "", r  # nothing dated: no date at all
    if kind == "people":
        assert any(int(r["undated"]) and r["last_date"] for r in rows), "the fixture has a person with both"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", ["people", "organisations"])
def test_the_list_page_marks_a_latest_date_that_leaves_undated_sakrad_out(
    files: dict[str, bytes], kind: str, lang: str
) -> None:
    rows = {r["iri"]: r for r in _rows(files[f"lists/{kind}.csv"])}
    html = files[f"lists/{kind}.html" if lang == "sv" else f"en/lists/{kind}.html"].decode()
    for tr in re.findall(r"<tr><td class=\"title\">.*?</tr>", html, re.S):
        href = re.search(r'href="[./]*(?:en/)?doc/[a-z]+/([^"/]+)\.html"', tr)
        assert href, tr
        (row,) = [r for r in rows.values() if r["id"] == href.group(1)]
        latest = re.search(r'<td class="date"[^>]*>(.*?)</td>', tr, re.S).group(1)
        mark = {"sv": f"{row['undated']} utan datum", "en": f"{row['undated']} undated"}[lang]
        if int(row["undated"]):
            assert mark in _text(latest), (row["id"], latest)
        else:
            assert "utan datum" not in latest and "undated" not in latest, (row["id"], latest)


def test_the_csvw_metadata_describes_the_undated_column_and_the_dated_only_span(files: dict[str, bytes]) -> None:
    meta = json.loads(files["lists/csv-metadata.json"])
    for table in ("people.csv", "organisations.csv"):
        (t,) = [t for t in meta["tables"] if t["url"] == table]
        columns = {c["name"]: c for c in t["tableSchema"]["columns"]}
        assert columns["undated"]["datatype"] == "integer"
        header = _rows(files[f"lists/{table}"])[0]
        assert [c["name"] for c in t["tableSchema"]["columns"]] == list(header)
        for name in ("first_date", "last_date"):
            about = {d["@language"]: d["@value"] for d in columns[name]["dc:description"]}
            assert "daterade" in about["sv"] and "undated" in about["sv"], about
            assert "dated" in about["en"] and "undated" in about["en"], about


@pytest.mark.parametrize("lang", LANGS)
def test_a_things_roles_say_the_undated_are_last_in_an_unknown_order(opened: Release, site: Site, lang: str) -> None:
    _, undated = _undated_by_agent(opened.store)
    every, _ = _undated_by_agent(opened.store)
    mixed = [who for who, n in undated.items() if 0 < n < every[who] and "/person/" in who]
    assert mixed, "the fixture has a person with dated and undated sakråd"
    note = {"sv": "sakråd utan datum står sist", "en": "sakråd with no date are last"}[lang]
    for who in mixed:
        text = _text(resource_page(opened.store, who, site, lang=lang))
        assert note in text, who
    alldated = [who for who in every if who not in undated and "/person/" in who]
    for who in alldated[:3]:
        assert note not in _text(resource_page(opened.store, who, site, lang=lang)), who


# --- headline counts and the year filter -------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_headline_counts_say_what_they_hold(files: dict[str, bytes], meetings: dict, lang: str) -> None:
    announced = sum(1 for m in meetings.values() if m.get("announced_only"))
    assert announced
    said = {"sv": f"varav {announced} bara kungjorda", "en": f"of which {announced} announced only"}[lang]
    for path in ("index.html", "lists/meetings.html"):
        assert said in _page(files, path, lang), path
    bodies = _rows(files["lists/bodies.csv"])
    parts = sum(1 for b in bodies if b["part_of"])
    alone = sum(1 for b in bodies if not b["part_of"]) - 1  # the Government Offices is named, not counted
    kinds = {
        "sv": (
            f"Regeringskansliet med {parts} departement, kanslier och enheter",
            f"{alone} myndigheter och andra organ",
        ),
        "en": (
            f"Government Offices of Sweden with {parts} ministries, offices and units",
            f"{alone} agencies and other bodies",
        ),
    }[lang]
    for path in ("index.html", "lists/bodies.html"):
        text = _page(files, path, lang)
        for k in kinds:
            assert k in text, (path, k)
        assert "departement och myndigheter" not in text and "ministries and government bodies" not in text


@pytest.mark.parametrize("lang", LANGS)
def test_a_filtered_list_says_how_many_of_its_sakrad_are_only_announced(files: dict[str, bytes], lang: str) -> None:
    checked = 0
    for path in sorted(p for p in files if p.startswith("lists/meetings/year/") and p.endswith(".csv")):
        rows = _rows(files[path])
        n = sum(1 for r in rows if r["announced_only"] == "true")
        text = _page(files, path[: -len(".csv")] + ".html", lang)
        word = {"sv": "kungjort" if n == 1 else "kungjorda", "en": "announced only"}[lang]
        if n:
            checked += 1
            assert (
                f"{'varav' if lang == 'sv' else 'of which'} {n} bara {word}".replace("bara announced", "announced")
                in text
            ), path
        else:
            assert "varav" not in text.split("·")[0] and "of which" not in text.split("·")[0], path
    assert checked


@pytest.mark.parametrize("lang", LANGS)
def test_the_year_filter_marks_each_years_derived_share(files: dict[str, bytes], meetings: dict, lang: str) -> None:
    derived = Counter(str(m["date"])[:4] for m in meetings.values() if m.get("date") and "date_derivation" in m)
    assert derived, "the fixture has derived dates"
    html = files["lists/meetings.html" if lang == "sv" else "en/lists/meetings.html"].decode()
    facet = re.search(r'<div class="facet" id="facet-year">(.*?)</div>', html, re.S).group(1)
    items = re.findall(r"<li>(.*?)</li>", facet, re.S)
    seen = set()
    for item in items:
        text = _text(item)
        year = text.split()[0]
        if not year.isdigit():
            continue
        seen.add(year)
        n = derived.get(year, 0)
        if n:
            word = {"sv": "härlett" if n == 1 else "härledda", "en": "derived"}[lang]
            assert f"({n} {word})" in text, text
        else:
            assert "härle" not in text and "derived" not in text, text
    assert set(derived) <= seen
    note = {"sv": "Ett härlett år står inte i källans text", "en": "A derived year is not stated in the source's text"}[
        lang
    ]
    assert note in _text(facet)
