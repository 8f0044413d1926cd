"""An English page whose thing has only a Swedish name says so in its ``<title>`` (``lang="sv"``):
the name is the source's Swedish, not English words of the page's; a Swedish page, and an English
name, carry no mark."""

from __future__ import annotations

import re

from fixture_pages import fixture_opened, fixture_site  # noqa: F401

from sakrad_ld.sparql.store import Release
from sakrad_ld.web.pages import Site, resource_page

MEETING = "https://w3id.org/sakrad/id/meeting/2017-03-14-rasism-uppstart"


def _title(page: str) -> tuple[str, str]:
    found = re.search(r"<title([^>]*)>(.*?)</title>", page)
    assert found is not None
    return found[1], found[2]


def test_a_swedish_title_on_an_english_page_is_marked_swedish(opened: Release, site: Site) -> None:
    english = resource_page(opened.store, MEETING, site, "en")
    swedish = resource_page(opened.store, MEETING, site, "sv")
    assert english is not None and swedish is not None
    attrs, text = _title(english)
    assert attrs == ' lang="sv"' and text.startswith("Uppstartsmöte")
    assert _title(swedish)[0] == ""


def test_an_english_name_on_an_english_page_is_not_marked(opened: Release, site: Site) -> None:
    page = resource_page(opened.store, "https://w3id.org/sakrad/id/body/regeringskansliet", site, "en")
    assert page is not None
    assert _title(page) == ("", "Government Offices of Sweden")
