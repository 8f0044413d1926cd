"""A post holding's as_of (sakrad:attestedOn) is a date a source states: never a meeting's derived date,
never a day after its source was published; the importer proposes only such dates."""

from __future__ import annotations

from types import SimpleNamespace as NS

import pytest

from sakrad_ld.attested import check_attested_dates
from sakrad_ld.importer.page_draft import _attested_on
from sakrad_ld.records import FactSource, Meeting, Text


def _corpus(as_of: str | None, *, derivation: object = None, published: str | None = None, cite: str = "source"):
    page = NS(id="page", published=published)
    meeting = Meeting(
        id="m",
        title=Text("t"),
        date="2019-03-05",
        date_derivation=derivation,  # type: ignore[arg-type]
        source="page" if cite == "source" else "other",
        sources=["page"] if cite == "sources" else [],
        fact_sources=[FactSource(source="page", facts=["date"])] if cite == "fact_sources" else [],
    )
    holding = NS(post="p", source="page", as_of=as_of, lines=None)
    return NS(sources=[page, NS(id="other", published=None)], meetings=[meeting], people=[NS(holds=[holding])])


@pytest.mark.parametrize("cite", ["source", "sources", "fact_sources"])
def test_a_derived_meeting_date_is_refused_as_as_of(cite: str) -> None:
    errors = check_attested_dates(_corpus("2019-03-05", derivation="year from the address", cite=cite))
    assert len(errors) == 1
    assert "derived date of the meeting 'm'" in errors[0].problem
    assert "leave as_of out" in errors[0].hint


def test_the_refusal_names_the_publication_date_to_use() -> None:
    errors = check_attested_dates(_corpus("2019-03-05", derivation="x", published="2019-03-07"))
    assert [e.hint for e in errors] == ["the source was published 2019-03-07: use as_of: 2019-03-07"]


def test_a_stated_meeting_date_or_the_publication_date_is_accepted() -> None:
    assert check_attested_dates(_corpus("2019-03-05")) == []  # the meeting's date is stated
    assert check_attested_dates(_corpus("2019-03-07", derivation="x", published="2019-03-07")) == []
    assert check_attested_dates(_corpus(None, derivation="x")) == []


def test_a_day_after_the_source_was_published_is_refused() -> None:
    """An invitation published 2024-04-12 for a meeting on 2024-05-06 shows the post held on 2024-04-12."""
    errors = check_attested_dates(_corpus("2024-05-06", published="2024-04-12"))
    assert len(errors) == 1 and "after the source 'page' was published (2024-04-12)" in errors[0].problem
    assert check_attested_dates(_corpus("2024-04-12", published="2024-04-12")) == []


def test_the_importer_never_proposes_a_derived_or_future_date() -> None:
    assert _attested_on("2019-03-05", None, "2019-03-07") == "2019-03-05"  # stated, before publication
    assert _attested_on("2019-03-05", "derived", "2019-03-07") == "2019-03-07"  # derived: the page's date
    assert _attested_on("2024-05-06", None, "2024-04-12") == "2024-04-12"  # an invitation's future day
    assert _attested_on("2024-04", None, "2024-04-16") == "2024-04-16"  # a month only
    assert _attested_on("2019-03-05", "derived", None) is None
    assert _attested_on(None, None, None) is None
    assert _attested_on("2019-03-05", None, None) == "2019-03-05"


def _two_documents(as_of: str | None, *, kind: str, published: str | None, main: str = "page") -> NS:
    """A meeting whose date the page states, also cited by an article (or another document) of ``kind``."""
    page = NS(id="page", published="2024-01-26", kind="web-page")
    other = NS(id="other", published=published, kind=kind)
    meeting = Meeting(id="m", title=Text("t"), date="2023-12-13", source=main, sources=["other"])
    holding = NS(post="p", source="other", as_of=as_of, lines=None)
    return NS(sources=[page, other], meetings=[meeting], people=[NS(holds=[holding])])


def test_a_meeting_date_another_document_states_is_refused_for_an_article() -> None:
    """An article saying "Den 13 december" without a year does not state 2023-12-13: its own date does."""
    errors = check_attested_dates(_two_documents("2023-12-13", kind="article", published="2023-12-15"))
    assert len(errors) == 1 and "as another document states it" in errors[0].problem
    assert errors[0].hint == "the source was published 2023-12-15: use as_of: 2023-12-15"
    assert check_attested_dates(_two_documents("2023-12-15", kind="article", published="2023-12-15")) == []
    # the meeting's own minutes state its date
    assert check_attested_dates(_two_documents("2023-12-13", kind="minutes", published=None)) == []


def test_an_announcement_of_unknown_date_attests_no_day_of_the_meeting() -> None:
    """A press release "X deltar i sakråd" of unknown date may be written before the day it names."""
    corpus = _two_documents("2023-12-13", kind="press-release", published=None, main="other")
    errors = check_attested_dates(corpus)
    assert len(errors) == 1 and "announces it and its publication date is not known" in errors[0].problem
    assert errors[0].hint == "leave as_of out"
    corpus = _two_documents("2023-12-13", kind="article", published=None, main="other")
    assert check_attested_dates(corpus) == []  # an article reporting the meeting it is the main source of
