"""One document model: a meeting's document is the same bytes in the release (``meetings/<id>``),
from the server (by its path and by content negotiation) and in the static export, in every
format the release publishes per meeting; the JSON-LD is the framed tree docs/jsonld.md reads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sakrad_ld.formats import FORMATS, RELEASE_MEETINGS
from sakrad_ld.serving.server import create_app, request_once
from sakrad_ld.web.static import export_site

MEETING_FORMATS = [f for f in FORMATS if RELEASE_MEETINGS in f.release]


def _meetings(release: Path) -> list[str]:
    return sorted({p.stem for p in (release / "meetings").iterdir()})


@pytest.fixture(scope="module")
def exported(fixture_release: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("one-document") / "site"
    export_site(fixture_release, out)
    return out


def test_the_server_and_the_export_give_the_release_s_meeting_documents(fixture_release: Path, exported: Path) -> None:
    assert MEETING_FORMATS
    app = create_app(fixture_release)
    meetings = _meetings(fixture_release)
    assert meetings
    for meeting in meetings:
        for form in MEETING_FORMATS:
            published = (fixture_release / "meetings" / f"{meeting}{form.suffix}").read_bytes()
            status, _, by_path = request_once(app, f"/doc/meeting/{meeting}{form.suffix}")
            assert status == 200 and by_path == published, (meeting, form.name)
            assert (exported / "doc" / "meeting" / f"{meeting}{form.suffix}").read_bytes() == published, (
                meeting,
                form.name,
            )
    status, _, negotiated = request_once(app, f"/doc/meeting/{meetings[0]}", "application/ld+json")
    assert status == 200
    doc = json.loads(negotiated)
    assert doc["id"].endswith(f"/id/meeting/{meetings[0]}") and isinstance(doc["type"], list)
