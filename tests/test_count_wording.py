"""A meeting whose source states how many organisations took part but names none: its page and
picture say so, never that the source "lists 0", that it names "(0)" or that the counts differ (no
list is not a list of none); the stated count keeps its own words and "about" when approximate. Read on the fixture release, for every such meeting it holds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from sakrad_ld.sparql.store import Release
from sakrad_ld.web.pages import Site, resource_page

FIXTURE_MEETINGS = Path(__file__).parent / "fixtures" / "project" / "data" / "meetings"


def _unlisted() -> list[tuple[str, dict]]:
    found = []
    for path in sorted(FIXTURE_MEETINGS.glob("*.yaml")):
        m = yaml.safe_load(path.read_text(encoding="utf-8"))
        if m.get("organisation_count") and not m.get("organisations"):
            found.append((m["id"], m["organisation_count"]))
    return found


UNLISTED = _unlisted()


def test_the_fixture_has_such_meetings() -> None:
    assert UNLISTED


@pytest.fixture(scope="module")
def opened(fixture_release: Path) -> Release:
    return Release.open(fixture_release)


@pytest.mark.parametrize(("meeting", "count"), UNLISTED, ids=[m for m, _ in UNLISTED])
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_stated_count_without_a_list_is_not_a_difference(
    opened: Release, meeting: str, count: dict, lang: str
) -> None:
    site = Site(opened.base_iri, [], [], release=opened.root)
    html = resource_page(opened.store, f"{opened.base_iri}id/meeting/{meeting}", site, lang) or ""
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert 'id="count-difference"' not in html
    about = {"sv": "cirka ", "en": "about "}[lang] if count.get("approximate") else ""
    said = {
        "sv": f"Antalet organisationer enligt källan: {count['text']} ({about}{count['value']}). Datan namnger ingen av dem.",
        "en": f"The number of organisations as the source states it: {count['text']} ({about}{count['value']}). "
        "The data names none of them.",
    }[lang]
    assert " ".join(said.split()) in text, text
    none = {"sv": "Deltagande organisationer (inga namngivna)", "en": "Participating organisations (none named)"}[lang]
    assert none in text
    assert f"{count['text']} ({count['value']}) organisationer" not in text  # the noun once, the number with its words
    assert "listar 0" not in text and "lists 0" not in text


@pytest.mark.parametrize(("meeting", "count"), UNLISTED, ids=[m for m, _ in UNLISTED])
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_picture_says_none_are_named_and_what_the_source_states(
    fixture_release: Path, meeting: str, count: dict, lang: str
) -> None:
    prefix = "" if lang == "sv" else "en/"
    svg = (fixture_release / "diagrams" / f"{prefix}meeting-{meeting}.svg").read_text(encoding="utf-8")
    svg = re.sub(r"</?t?span\b[^>]*>", "", svg)  # a span marks a language inside a line: no space
    text = " ".join(re.sub(r"<[^>]+>", " ", svg).split())
    none, zero = {
        "sv": ("inga organisationer namngivna", "0 organisationer"),
        "en": ("no organisations named", "0 organ"),
    }[lang]
    assert none in text and zero not in text
    # the number as the page gives it: "cirka"/"about" when the source's words are approximate
    about = {"sv": "cirka ", "en": "about "}[lang] if count.get("approximate") else ""
    words = count["text"] if lang == "sv" else f"“{count['text']}”"
    said = {"sv": "källan anger", "en": "the source states"}[lang]
    assert f"{said} {words} ({about}{count['value']})" in text, text
