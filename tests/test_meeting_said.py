"""A meeting's page says what its source says, in both languages, for every fixture meeting of each kind:
who convened it and in what post (a convener is not a participant), the counts it states in their own
words ("about" when approximate, the noun once), the discussion areas, whom it invited, the contact
and press contact by name, the organiser the data states (not the bodies above it), and "(none
named)" — never "(0)" — when it names no organisation. Its RDF document says who the contact is; a
participation is named by its role in "all the facts"; the Atom feed never says "0 organisations"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from sakrad_ld.sparql.store import Release
from sakrad_ld.web.pages import Site, resource_page

FIXTURE = Path(__file__).parent / "fixtures" / "project" / "data"
MEETINGS = {
    m["id"]: m
    for m in (yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((FIXTURE / "meetings").glob("*.yaml")))
}
PEOPLE = {p["id"]: p for p in yaml.safe_load((FIXTURE / "people.yaml").read_text(encoding="utf-8"))["people"]}
ABOUT = {"sv": "cirka", "en": "about"}


def _with(key: str) -> list[str]:
    return [i for i, m in MEETINGS.items() if m.get(key)]


def _name(ref: str) -> str:
    person = PEOPLE.get(ref)
    return person["name"] if person else ""


@pytest.fixture(scope="module")
def opened(fixture_release: Path) -> Release:
    return Release.open(fixture_release)


def _page(opened: Release, meeting: str, lang: str) -> tuple[str, str, str]:
    """(the whole page's HTML, the summary's text (dl.facts), the organisations section's text)."""
    site = Site(opened.base_iri, [], [], release=opened.root)
    html = resource_page(opened.store, f"{opened.base_iri}id/meeting/{meeting}", site, lang) or ""
    summary = html[html.index('<dl class="facts">') : html.index("</dl>")]
    section = html[html.index('<h2 id="organisations">') :]
    section = section[: section.index("<h2", 5)]
    return html, _text(summary), _text(section)


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


BOUND = {"at-least": {"sv": "minst", "en": "at least"}, "at-most": {"sv": "högst", "en": "at most"}}


def _count(c: dict, lang: str) -> str:
    how = BOUND[c["bound"]][lang] if c.get("bound") else ABOUT[lang] if c.get("approximate") else ""
    return f"{c['text']} ({how + ' ' if how else ''}{c['value']})"


def test_the_fixture_has_each_kind() -> None:
    for key in ("conveners", "invited_count", "participant_count", "discussion_areas", "invited_description"):
        assert _with(key), key


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("meeting", _with("conveners"))
def test_conveners_are_in_the_summary_with_their_role_and_post(opened: Release, meeting: str, lang: str) -> None:
    _, summary, _ = _page(opened, meeting, lang)
    assert {"sv": "Sammankallande", "en": "Convener"}[lang] in summary
    for c in MEETINGS[meeting]["conveners"]:
        if c.get("person"):
            assert _name(c["person"]) in summary, summary


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("key", ["invited_count", "participant_count", "organisation_count"])
def test_stated_counts_keep_their_words_and_about(opened: Release, key: str, lang: str) -> None:
    for meeting in _with(key):
        c = MEETINGS[meeting][key]
        _, summary, section = _page(opened, meeting, lang)
        assert _count(c, lang) in summary, (meeting, summary)
        if c.get("approximate"):  # never the bare number for an approximate one
            assert f"{c['text']} ({c['value']})" not in summary + section
        assert f"({c['value']}) organisationer" not in section  # the noun once


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_meeting_naming_no_organisation_says_none_named_never_0(opened: Release, lang: str) -> None:
    unnamed = [i for i, m in MEETINGS.items() if not m.get("organisations")]
    assert unnamed
    for meeting in unnamed:
        html, _, section = _page(opened, meeting, lang)
        if MEETINGS[meeting].get("announced_only"):  # not said to be held: no one is said to have taken part
            said = {"sv": "vilka som deltog står inte i dem", "en": "they do not say who took part"}[lang]
            assert said in section and "(inga namngivna)" not in section and "(none named)" not in section, meeting
        else:
            assert {"sv": "(inga namngivna)", "en": "(none named)"}[lang] in section, meeting
        assert "(0)" not in _text(html), meeting
        invited = MEETINGS[meeting].get("invited_count")
        if invited and not MEETINGS[meeting].get("organisation_count"):
            assert _count(invited, lang) in section, section


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_partial_list_and_a_participant_count_are_said_beside_the_list(opened: Release, lang: str) -> None:
    partial = [i for i, m in MEETINGS.items() if m.get("organisation_list") == "partial" and m.get("organisations")]
    assert partial
    for meeting in partial:
        _, _, section = _page(opened, meeting, lang)
        assert {"sv": "Källan namnger bara några av dem som deltog", "en": "The source names only some of those"}[
            lang
        ] in section
        if c := MEETINGS[meeting].get("participant_count"):
            assert _count(c, lang) in section


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_discussion_areas_and_whom_it_invited_are_in_the_summary(opened: Release, lang: str) -> None:
    for meeting in _with("discussion_areas"):
        _, summary, _ = _page(opened, meeting, lang)
        for area in MEETINGS[meeting]["discussion_areas"]:
            text = area["text"] if isinstance(area, dict) and "text" in area else area
            text = text.get(lang) or text.get("sv") if isinstance(text, dict) else text
            assert " ".join(str(text).split()) in summary, (meeting, summary)
    for meeting in _with("invited_description"):
        _, summary, _ = _page(opened, meeting, lang)
        said = MEETINGS[meeting]["invited_description"]
        said = said.get(lang) or said.get("sv") if isinstance(said, dict) else said
        assert " ".join(said.split()) in summary


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_organiser_line_names_only_the_stated_organiser(opened: Release, lang: str) -> None:
    for meeting in _with("organiser"):
        _, summary, _ = _page(opened, meeting, lang)
        line = summary[summary.index({"sv": "Arrangör", "en": "Organiser"}[lang]) :]
        line = line[: line.index({"sv": "Källa", "en": "Source"}[lang])]
        assert "," not in line, line  # one organiser, not "Justitiedepartementet, Regeringskansliet"


def test_a_contact_person_is_in_the_meetings_document_and_page(opened: Release) -> None:
    from sakrad_ld.documents.describe import document_triples

    people = [(i, p) for i, p in PEOPLE.items() if p.get("contact_for") or p.get("press_contact_for")]
    found = 0
    for q in opened.store.quads_for_pattern(None, None, None):
        if q.predicate.value != "http://data.europa.eu/m8g/contactPoint" or "/person/" not in q.subject.value:
            continue
        meeting = q.object.value.rsplit("/", 1)[0]
        doc = {(t[0].value, t[1].value, getattr(t[2], "value", "")) for t in document_triples(opened.store, meeting)}
        assert (q.subject.value, q.predicate.value, q.object.value) in doc
        names = {o for s, p, o in doc if s == q.subject.value and p == "http://xmlns.com/foaf/0.1/name"}
        assert names, q.subject
        site = Site(opened.base_iri, [], [], release=opened.root)
        html = resource_page(opened.store, meeting, site, "sv") or ""
        summary = _text(html[html.index('<dl class="facts">') : html.index("</dl>")])
        assert any(n in summary for n in names), summary
        found += 1
    assert found or not people


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_participation_is_named_by_its_role_not_as_a_participant(opened: Release, lang: str) -> None:
    meeting = _with("conveners")[0]
    html, _, _ = _page(opened, meeting, lang)
    facts = _text(html[html.index("m8g:hasParticipant") - 400 :] if "m8g:hasParticipant" in html else "")
    site = Site(opened.base_iri, [], [], release=opened.root)
    part = next(
        q.object.value
        for q in opened.store.quads_for_pattern(None, None, None)
        if q.subject.value == f"{opened.base_iri}id/meeting/{meeting}" and "/participation/convener/" in q.object.value
    )
    page = resource_page(opened.store, part, site, lang) or ""
    rows = re.findall(r'<tr><th scope="row">(.*?)</th>', page, re.S)
    labels = [_text(r) for r in rows if "m8g:hasParticipant" in r]
    assert labels and labels[0].startswith({"sv": "sammankallande", "en": "convener"}[lang]), labels
    assert "deltagare m8g:hasParticipant" not in _text(page) + facts
    assert "participant m8g:hasParticipant" not in _text(page) + facts


def test_the_feed_never_says_0_organisations(fixture_release: Path) -> None:
    from sakrad_ld.web.feeds import counts_said

    r = Release.open(fixture_release)
    for meeting, m in MEETINGS.items():
        said = counts_said(r.store, f"{r.base_iri}id/meeting/{meeting}", len(m.get("organisations") or []))
        assert not said.startswith("0 "), said
        if not m.get("organisations"):
            assert said.startswith("datan namnger inga organisationer")
        if c := m.get("invited_count"):
            assert c["text"] in said


def test_meetings_csv_gives_every_derived_date_in_its_own_column(fixture_release: Path) -> None:
    import csv

    rows = list(
        csv.DictReader((fixture_release / "tables" / "meetings.csv").read_text(encoding="utf-8-sig").splitlines())
    )
    derived = [i for i, m in MEETINGS.items() if m.get("date_derivation")]
    assert derived
    by_id = {r["id"]: r for r in rows}
    derived_columns = ("derived_date", "derived_month", "derived_year")  # a day, a month, a year
    stated_columns = ("date", "month", "year")
    for meeting in derived:  # never "no date" for a meeting whose date is worked out, and never a stated one
        row = by_id[meeting]
        assert [c for c in derived_columns if row[c]], row
        assert not [c for c in stated_columns if row[c]], row
    undated = [r["id"] for r in rows if not any(r[c] for c in (*stated_columns, *derived_columns))]
    assert all(not MEETINGS[i].get("date") for i in undated), undated


def test_the_participations_table_describes_every_role_neutrally(fixture_release: Path) -> None:
    import json

    meta = json.loads((fixture_release / "tables" / "csv-metadata.json").read_text(encoding="utf-8"))
    table = next(t for t in meta["tables"] if t["url"].endswith("participations.csv"))
    for column in table["tableSchema"]["columns"]:
        if column["name"] in {"participant", "participant_iri", "participates"}:
            said = " ".join(d["@value"] for d in column["dc:description"])
            assert "took part" not in said.split(";")[0] and "vem som deltog" not in said, said


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_series_shows_each_of_its_days(opened: Release, lang: str) -> None:
    series = _with("days")
    assert series
    for meeting in series:
        _, summary, _ = _page(opened, meeting, lang)
        days = ", ".join(str(d) for d in MEETINGS[meeting]["days"])
        assert f"{ {'sv': 'Dagar', 'en': 'Days'}[lang] } {days}" in summary, summary
