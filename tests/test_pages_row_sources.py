"""A row of a meeting's page that names several people or bodies gives each its own sources.

The convener row of a sakråd called by a body (one document) and a state secretary (another) showed
"Martin Andreasson, i egenskap av statssekreterare, Regeringskansliet Källa: A, B", as if one convener
were credited to both documents. Each one named now has its own "Källa", so no document is shown
beside a person or body it does not name.
"""

from __future__ import annotations

import csv
import io
import json
import re
from html import unescape as _unescape

import pytest
from conftest import copy_project

from sakrad_ld.corpus import load_corpus
from sakrad_ld.project import Project
from sakrad_ld.release import write_release
from sakrad_ld.sparql.store import Release
from sakrad_ld.web.pages import Site, resource_page

SOURCE = {"sv": "Källa", "en": "Source"}
CONVENER = {"sv": "Sammankallande", "en": "Convener"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Release, object]:
    project = copy_project(tmp_path_factory.mktemp("rows") / "project")
    result = write_release(Project.at(project), project / "dist")
    assert result.out is not None, result.report.text("en")
    return Release.open(project / "dist"), load_corpus(project / "data")


def _row(release: Release, meeting: str, lang: str, label: str) -> str:
    site = Site(release.base_iri, [], [], release=release.root)
    html = resource_page(release.store, f"{release.base_iri}id/meeting/{meeting}", site, lang) or ""
    found = re.search(rf"<dt>{label}</dt><dd>(.*?)</dd>", html, re.S)
    assert found, (meeting, label)
    return " ".join(re.sub(r"<[^>]+>", " ", found.group(1)).split())


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_each_of_several_conveners_has_its_own_source(built: tuple, lang: str) -> None:
    release, corpus = built
    titles = {s.id: " ".join(s.title.sv.split()) for s in corpus.sources if s.title}
    names = {p.id: p.name for p in corpus.people}
    several = [m for m in corpus.meetings if len(m.conveners) > 1]
    assert several, "the data has a sakråd with several conveners"
    for m in several:
        row = _row(release, m.id, lang, CONVENER[lang])
        entries = row.split("; ")
        assert len(entries) == len(m.conveners), row
        # each with its own source, or one source line for all when they share it (said once, last)
        assert all(f"{SOURCE[lang]}:" in e for e in entries) or (
            row.count(f"{SOURCE[lang]}:") == 1 and f"{SOURCE[lang]}:" in entries[-1]
        ), row
        sources = {titles.get(c.source or m.source_of("conveners")) for c in m.conveners} - {None}
        for entry in entries:  # each names the sources of one convener only
            assert len([t for t in sources if t in entry]) <= 1 or len(sources) == 1, (m.id, entry)
        for c in m.conveners:
            if not c.person:
                continue
            entry = next(e for e in entries if names[c.person] in e)
            own = titles.get(c.source or m.source_of("conveners"))
            assert own is None or own in entry or (len(sources) == 1 and own in entries[-1]), (m.id, entry)


def test_the_discrimination_sakrad_credits_the_invitation_to_the_body_only(built: tuple) -> None:
    release, corpus = built
    meeting = next(m for m in corpus.meetings if m.id == "2023-03-17-diskriminering")
    row = _row(release, meeting.id, "sv", CONVENER["sv"])
    person, body = row.split("; ")
    assert "Martin Andreasson" in person and "Inbjudan" not in person, row
    assert "Regeringskansliet" in body and "Inbjudan" in body, row


def test_a_derived_holding_date_is_in_its_own_column_with_its_derivation(built: tuple) -> None:
    release, corpus = built
    rows = list(csv.DictReader(io.StringIO((release.root / "tables" / "post-holdings.csv").read_text("utf-8-sig"))))
    derived = [(p.id, h) for p in corpus.people for h in p.holds if h.as_of and h.as_of_derivation]
    assert derived, "the data has a holding whose date is derived"
    for person, h in derived:
        row = next(
            r
            for r in rows
            if r["person_iri"].endswith(f"/person/{person}")
            and r["post_iri"].endswith(f"/post/{h.post}")
            and r["derived_date"] == h.as_of
            and r["source_iri"].endswith(f"/source/{h.source}")
        )
        assert row["attested_on"] == "", row
        assert row["derivation_sv"] == " ".join(h.as_of_derivation.sv.split()), row
        assert row["derivation_en"], row
    stated = [r for r in rows if r["attested_on"]]
    assert stated and all(r["derived_date"] == "" and r["derivation_sv"] == "" for r in stated)
    metadata = json.loads((release.root / "tables" / "csv-metadata.json").read_text("utf-8"))
    table = next(t for t in metadata["tables"] if t["url"].endswith("post-holdings.csv"))
    columns = {c["name"]: c for c in table["tableSchema"]["columns"]}
    assert columns["derivation_sv"]["propertyUrl"].endswith("#derivation"), columns["derivation_sv"]
    assert "derived_date" in columns


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_person_s_page_shows_a_derived_holding_date_as_derived(built: tuple, lang: str) -> None:
    release, corpus = built
    person, h = next((p.id, h) for p in corpus.people for h in p.holds if h.as_of and h.as_of_derivation)
    site = Site(release.base_iri, [], [], release=release.root)
    html = resource_page(release.store, f"{release.base_iri}id/person/{person}", site, lang) or ""
    section = html[html.index(f'<section id="holding/{h.post}/{h.as_of}') :]
    section = section[: section.index("</section>")]
    text = " ".join(re.sub(r"<[^>]+>", " ", section).split())
    assert {"sv": "härlett datum", "en": "derived date"}[lang] in text, text
    assert "sakrad:derivedDate" in text and "sakrad:attestedOn" not in text, text
    assert " ".join(getattr(h.as_of_derivation, lang).split()) in _unescape(text), text
