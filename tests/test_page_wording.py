"""The pages' prose says what the data holds, in words of the page's language:

- the year filter's note on derived years names every way the data derives a year (each meeting's
  ``date_derivation`` in data/ reads it from a page's address, its publication date or an
  attachment's file name), so a new way must be added to the note;
- the label of the data's own count of organisations (``sakrad:listedOrganisationCount``) in every
  facts table says it is the data's count, not a list of the source's;
- no sentence on the start page or the query page uses a bare column or term name
  (``derivedDate``, ``owl:sameAs``) as one of its words: the saved queries' descriptions set such names
  as code.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from fixture_pages import fixture_meetings, fixture_opened  # noqa: F401

from sakrad_ld.sparql.query import saved_queries
from sakrad_ld.sparql.store import Release
from sakrad_ld.web.messages import messages
from sakrad_ld.web.pages import Site, resource_page, start_page
from sakrad_ld.web.querypage import description_parts, query_page

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("sv", "en")

#: a name of the data in a sentence: camelCase or a prefixed name, not inside a path or address
NAME = re.compile(r"(?<![\w:/.-])(?:[A-Za-z][\w-]*:(?!s\b)[A-Za-z_][\w-]*|[a-z]+[A-Z][A-Za-z0-9]*)(?![\w:/-])")

#: the ways a year is derived, as the derivations word them (sv), and as the note words them
WAYS = {
    "address": (("adress",), {"sv": "en sidas adress", "en": "a page's address"}),
    "publication date": (
        ("publiceringsdatum", "publiceringsår"),
        {"sv": "publiceringsdatum", "en": "publication date"},
    ),
    "attachment": (("bifogade fil",), {"sv": "en bifogad fils namn", "en": "an attachment's file name"}),
    "compilation": (
        ("sammanställningens citat",),
        {
            "sv": "en sammanställnings citat ur en sida som inte är bevarad",
            "en": "a compilation's quotation of a page not kept",
        },
    ),
}


def _prose(html: str) -> str:
    """The page's words outside code, preformatted text, scripts and forms, tags dropped."""
    html = re.sub(r"<(script|style|pre|code|textarea|kbd|samp)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("&#39;", "'").split())


def test_every_derivation_in_the_data_is_a_way_the_year_note_names() -> None:
    found = 0
    for path in sorted((ROOT / "data" / "meetings").glob("*.yaml")):
        meeting = yaml.safe_load(path.read_text(encoding="utf-8"))
        derivation = (meeting.get("date_derivation") or {}).get("sv")
        if not derivation:
            continue
        found += 1
        ways = [way for way, (words, _) in WAYS.items() if any(w in derivation for w in words)]
        assert ways, (
            f"{path.name}: its date_derivation derives the date in a way the year note does not name: {derivation}"
        )
    assert found, "no meeting in data/ has a date_derivation"


@pytest.mark.parametrize("lang", LANGS)
def test_the_year_note_names_every_way(lang: str) -> None:
    note = messages(lang)["facet_derived_note"]
    for way, (_, words) in WAYS.items():
        assert words[lang] in note, (way, note)
    # it says where a derived year is not: in the source's text
    assert {"sv": "står inte i källans text", "en": "not stated in the source's text"}[lang] in note


@pytest.mark.parametrize("lang", LANGS)
def test_the_data_count_of_organisations_is_labelled_the_datas(
    opened: Release, meetings: dict[str, dict], lang: str
) -> None:
    named = [id for id, m in meetings.items() if m.get("organisations")]
    assert named, "the fixture names no organisations"
    site = Site(opened.base_iri, [], [], sparql_path=None, release=opened.root)
    page = resource_page(opened.store, f"{opened.base_iri}id/meeting/{named[0]}", site, lang=lang)
    text = _prose(page)
    assert {"sv": "antal organisationer datan namnger", "en": "number of organisations the data names"}[lang] in text
    for wrong in ("uppräknade organisationer", "listed organisations"):
        assert wrong not in text


def test_description_parts_set_names_apart() -> None:
    parts = description_parts(
        "Datumet; ett härlett datum (kolumnen derivedDate) har räknats fram; owl:sameAs och skos:exactMatch. "
        '--param org=radda-barnen, https://example.org/a:b, "ett 40-tal", FN:s kommitté, e.g. x'
    )
    assert [t for t, name in parts if name] == ["derivedDate", "owl:sameAs", "skos:exactMatch"]
    assert "".join(t for t, _ in parts).startswith("Datumet; ett härlett datum (kolumnen derivedDate)")


@pytest.mark.parametrize("lang", LANGS)
def test_no_bare_name_in_the_start_and_query_pages_prose(opened: Release, lang: str) -> None:
    queries = saved_queries()
    assert any(NAME.search(q.description) for q in queries), "no saved query names a column: the test proves nothing"
    site = Site(opened.base_iri, [], queries, sparql_path="sparql", release=opened.root)
    for page in (start_page(opened.store, site, lang), query_page(opened.store, site, lang)):
        bare = sorted({m.group(0) for m in NAME.finditer(_prose(page))})
        assert not bare, bare


@pytest.mark.parametrize("lang", LANGS)
def test_no_swedish_sentence_makes_a_column_its_subject(lang: str) -> None:
    # a column name right after a sentence's start or a semicolon, followed by a Swedish verb, reads
    # as a word of the sentence ("derivedDate är ett datum"); "kolumnen derivedDate" names it
    for q in saved_queries():
        text = q.description_sv if lang == "sv" else q.description
        if not text:
            continue
        for m in re.finditer(r"(?:^|[.;:]\s+)([a-z]+[A-Z]\w*)\s+(är|räknar|is|counts)\b", text):
            pytest.fail(f"{q.name}: {m.group(0)!r}")
