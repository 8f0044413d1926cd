"""The fixture release opened, its site of pages and the fixture YAML a person wrote, as module
fixtures for the modules that check pages and lists against that YAML (tests/test_list_dates.py,
tests/test_data_own_marks.py): imported by each (under names of their own, ``fixture_opened``, so that a test's
parameter ``opened`` is the fixture, not the import), defined once."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sakrad_ld.sparql.store import Release
from sakrad_ld.web.pages import Site

FIXTURE_DATA = Path(__file__).parent / "fixtures" / "project" / "data"


@pytest.fixture(scope="module", name="opened")
def fixture_opened(fixture_release: Path) -> Release:
    return Release.open(fixture_release)


@pytest.fixture(scope="module", name="site")
def fixture_site(opened: Release) -> Site:
    return Site(opened.base_iri, [], [], sparql_path=None, release=opened.root)


@pytest.fixture(scope="module", name="meetings")
def fixture_meetings() -> dict[str, dict]:
    found = (yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((FIXTURE_DATA / "meetings").glob("*.yaml")))
    return {m["id"]: m for m in found}
