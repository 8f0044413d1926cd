"""A note about a fact of a sakråd, under "Anmärkningar"/"Notes", names the fact in words ("Om
konvenerare: …", "About conveners: …"), never by its property's compact IRI
("m8g:hasParticipation"), which a reader who is not a programmer takes for noise. The compact IRI
stays in the table of every fact, where each property is named by both."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sakrad_ld.sparql.store import Release
from sakrad_ld.vocab import SAKRAD
from sakrad_ld.web.pages import Site, resource_page

OPENING = {"sv": "Om ", "en": "About "}


@pytest.fixture(scope="module")
def opened(fixture_release: Path) -> Release:
    return Release.open(fixture_release)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_note_about_a_fact_opens_with_the_facts_name(opened: Release, lang: str) -> None:
    site = Site(opened.base_iri, [], [], release=opened.root)
    meetings = sorted(
        {
            q.subject.value.split("/note/")[0]
            for q in opened.store.quads_for_pattern(None, SAKRAD.aboutProperty, None)
            if "/id/meeting/" in q.subject.value
        }
    )
    about = 0
    for iri in meetings:
        page = resource_page(opened.store, iri, site, lang) or ""
        notes = re.search(r'<ul class="notes">(.*?)</ul>', page, re.S)
        if notes is None:
            continue  # every note of this sakråd stands beside its fact
        for item in re.findall(r"<li>(.*?)</li>", notes[1], re.S):
            head = item.split(": ", 1)[0]
            assert "<code>" not in head and not re.search(r"\b[a-z0-9]+:[A-Za-z]", head), (iri, item[:160])
            about += re.sub(r"<[^>]*>", "", head).startswith(OPENING[lang])
    assert about, "no note about a fact under Notes in the fixture: the check checked nothing"
