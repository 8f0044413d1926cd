"""An organisation's other names ("also called …", ``skos:altLabel``) in the lists are each in their
own language: on an English page a Swedish name carries ``lang="sv"`` (WCAG 3.1.2, language of
parts), as the main name beside it does; on a Swedish page nothing is marked."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from sakrad_ld.sparql.store import Release
from sakrad_ld.vocab import SKOS
from sakrad_ld.web.pages import Site
from sakrad_ld.web.sitefiles import site_files

#: The "also called" of a row of the organisations list, up to the end of its cell.
ALSO = {"sv": "även kallad", "en": "also called"}


@pytest.fixture(scope="module")
def files(fixture_release: Path) -> tuple[Release, dict[str, bytes]]:
    opened = Release.open(fixture_release)
    return opened, dict(site_files(opened.store, Site(opened.base_iri, [], [], sparql_path=None)))


def swedish_other_names(opened: Release) -> set[str]:
    found = {
        q.object.value
        for q in opened.store.quads_for_pattern(None, SKOS.altLabel, None)
        if q.subject.value.startswith(opened.base_iri + "id/organisation/")
        and isinstance(q.object, ox.Literal)
        and q.object.language in ("sv", "")
        and re.search(r"[a-zåäö]{3}", q.object.value)
    }
    assert found, "the fixture has no organisation with another name in Swedish"
    return found


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_each_other_name_is_marked_in_its_language(files: tuple[Release, dict[str, bytes]], lang: str) -> None:
    opened, made = files
    page = made[("en/" if lang == "en" else "") + "lists/organisations.html"].decode("utf-8")
    cells = re.findall(rf'<span class="meta">{ALSO[lang]} (.*?)</span></td>', page)
    assert cells
    shown = " ".join(cells)
    for name in swedish_other_names(opened):
        if lang == "en":
            assert f'<span lang="sv">{name}</span>' in shown, (name, cells)
        else:
            assert name in shown and "lang=" not in shown, (name, cells)
