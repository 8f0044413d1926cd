"""Content negotiation picks what the client prefers among what is offered (cases in negotiation/cases.tsv)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sakrad_ld.formats import FORMATS, HTML, RESULTS_FORMATS
from sakrad_ld.serving.negotiation import MAX_RANGES, choose, parse_accept

OFFERS = {"documents": (HTML, *FORMATS), "results": (*RESULTS_FORMATS, HTML), "graph": (*FORMATS, HTML)}
CASES = [
    line.split("\t")
    for line in (Path(__file__).resolve().parent / "negotiation" / "cases.tsv").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]


@pytest.mark.parametrize(("offers", "accept", "chosen"), CASES)
def test_negotiation_case(offers: str, accept: str, chosen: str) -> None:
    format = choose(None if accept == "-" else accept, OFFERS[offers])
    assert (format.name if format else "none") == chosen


def test_an_absurd_accept_header_is_read_in_bounded_time_and_never_raises() -> None:
    absurd = ",".join(f"type{n}/sub{n};q=0.{n % 10}" for n in range(100_000)) + ",text/turtle"
    assert [(r.type, r.subtype) for r in parse_accept(absurd)] == [("*", "*")]  # disregarded
    assert choose(absurd, (HTML, *FORMATS)) is HTML  # text/turtle is past what is read: not a 406
    listed = ",".join(f"a/b{n}" for n in range(MAX_RANGES - 1)) + ",text/turtle"
    assert choose(listed, (HTML, *FORMATS)).name == "turtle"  # the last range that is read
    assert choose(listed.replace("a/b0,", "a/b0,a/c,"), (HTML, *FORMATS)) is HTML
    assert choose("\x00\xff;;=,,,", (HTML, *FORMATS)) is None
    # a weight that is no qvalue (RFC 9110 §12.4.2): the header is disregarded, never 406
    assert choose("\x00\xff;;q=;=,,,", (HTML, *FORMATS)) is HTML
    assert choose("text/turtle;q=1e999", (HTML, *FORMATS)) is HTML
