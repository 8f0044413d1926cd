"""Each text in a picture says its own language: in an English picture (``<svg lang="en">``), a
Swedish title, question or name (one the data has no English for) is ``lang="sv"``, and the
picture's own words are not; a Swedish picture marks nothing Swedish."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sakrad_ld.sparql.store import Release
from sakrad_ld.web.diagrams import meeting_svg, participation_chart_svg
from sakrad_ld.web.labels import Labeller
from sakrad_ld.web.meeting import meeting_facts

SVG = "{http://www.w3.org/2000/svg}"
MEETING = "2017-12-12-integration"  # Swedish questions and title, no English for them


@pytest.fixture(scope="module")
def opened(fixture_release: Path) -> Release:
    return Release.open(fixture_release)


def _texts(svg: str) -> list[tuple[str, str | None]]:
    """Each ``<text>`` and ``<tspan>``: (its own text, the language it is in: its own ``lang`` or the nearest above)."""
    root = ET.fromstring(svg)
    out = []

    def walk(node: ET.Element, lang: str | None) -> None:
        lang = node.get("lang", lang)
        if node.tag in (f"{SVG}text", f"{SVG}tspan") and (node.text or "").strip():
            out.append((node.text.strip(), lang))
        for child in node:
            walk(child, lang)

    walk(root, None)
    return out


def test_swedish_text_in_the_english_meeting_picture_is_marked_swedish(opened: Release) -> None:
    iri = f"{opened.base_iri}id/meeting/{MEETING}"
    facts = meeting_facts(opened.store, iri, Labeller(opened.store))
    swedish = [q.text.main for q in facts.questions if not q.text.en]
    assert swedish, "the fixture meeting has Swedish questions"
    texts = _texts(meeting_svg(opened.store, iri, opened.base_iri, facts, "en"))
    first_words = {q.split()[0] for q in swedish}  # a question's first line begins with its first word
    lines = [(t, lang) for t, lang in texts if t.split()[0] in first_words]
    assert lines and all(lang == "sv" for _, lang in lines), lines
    # the picture's own words stay English
    assert ("question 1", "en") in texts
    assert all(lang == "en" for t, lang in texts if t.startswith("Questions ("))


def test_the_swedish_meeting_picture_marks_nothing_swedish(opened: Release) -> None:
    iri = f"{opened.base_iri}id/meeting/{MEETING}"
    svg = meeting_svg(opened.store, iri, opened.base_iri, lang="sv")
    assert all(lang == "sv" for _, lang in _texts(svg))


def test_organisation_names_in_the_english_chart_are_marked_swedish(opened: Release) -> None:
    texts = _texts(participation_chart_svg(opened.store, opened.base_iri, lang="en"))
    assert ("Rädda Barnen", "sv") in texts or any(t.startswith("Rädda Barnen") and lang == "sv" for t, lang in texts)
    assert not [t for t, lang in texts if t.startswith("Rädda Barnen") and lang != "sv"]


def test_the_organisation_feed_link_is_in_the_pages_language(opened: Release) -> None:
    from sakrad_ld.web.pages import Site, resource_page

    site = Site(opened.base_iri, [], [], release=opened.root)
    iri = f"{opened.base_iri}id/organisation/radda-barnen"
    for lang in ("en", "sv"):
        page = resource_page(opened.store, iri, site, lang)
        assert page is not None
        link = next(a for a in page.split("<a ")[1:] if 'type="application/atom+xml"' in a.split(">", 1)[0])
        assert f'hreflang="{lang}"' in link.split(">", 1)[0], link
        assert "in Swedish" not in link.split("</a>", 1)[0], link
