"""Register links and organisation numbers held to the register copies the project keeps
(registered.py): each case is a copy of the fixture project with one change."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import change, fixture_project, refused

from sakrad_ld.corpus import load_corpus

BODIES = Path("data") / "bodies.yaml"
ORGS = Path("data") / "organisations.yaml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return fixture_project(tmp_path / "project")


def test_a_link_to_an_iri_the_kept_register_copy_lacks_is_refused(project: Path) -> None:
    line = change(
        project / BODIES,
        "iri: http://rinfo.lagrummet.se/org/kulturdepartementet",
        "iri: http://rinfo.lagrummet.se/org/finansdepartementet",
    )
    errors = [e for e in refused(project) if "finansdepartementet" in e]
    assert len(errors) == 1, errors
    assert f"bodies.yaml:{line}: " in errors[0] and "sources/lagrummet-org.ttl" in errors[0]


def test_a_link_to_another_bodys_entry_is_refused(project: Path) -> None:
    line = change(
        project / BODIES,
        "iri: http://rinfo.lagrummet.se/org/kulturdepartementet",
        "iri: http://rinfo.lagrummet.se/org/arbetsmarknadsdepartementet",
    )
    errors = [e for e in refused(project) if "arbetsmarknadsdepartementet" in e and "Kulturdepartementet" in e]
    assert len(errors) == 1, errors
    assert f"bodies.yaml:{line}: " in errors[0] and "Arbetsmarknadsdepartementet" in errors[0]


def test_a_link_of_any_status_is_held_to_the_copy(project: Path) -> None:
    text = (project / BODIES).read_text(encoding="utf-8")
    at = text.index("iri: http://rinfo.lagrummet.se/org/kulturdepartementet")
    status = text.index("status: register-copy", at)
    text = text[:status] + "status: secondary" + text[status + len("status: register-copy") :]
    (project / BODIES).write_text(
        text.replace("org/kulturdepartementet", "org/finansdepartementet", 1), encoding="utf-8"
    )
    assert any("finansdepartementet" in e and "not in the register copy" in e for e in refused(project))


def test_one_organisation_number_on_two_records_is_refused(project: Path) -> None:
    text = (project / ORGS).read_text(encoding="utf-8")
    kyrkan = text.index("  - id: svenska-kyrkan")
    value = text.index("value: ", kyrkan)
    end = text.index("\n", value)
    (project / ORGS).write_text(text[:value] + "value: 802002-8711" + text[end:], encoding="utf-8")
    line = text.count("\n", 0, value) + 1
    errors = [e for e in refused(project) if "802002-8711" in e]
    assert len(errors) == 1, errors
    assert "svenska-roda-korset" in errors[0] or f"organisations.yaml:{line}" in errors[0]


def test_the_fixture_links_pass(project: Path) -> None:
    load_corpus(project / "data")
