"""Words of the pages that say what a reader meets: the English search's hint when nothing is found
names the case of Swedish names (ministries: "Kulturdepartementet" for the Ministry of Culture), and
a quotation in English text is marked with the language of its words (Swedish words lang="sv", an
English rendering such as "officials from the ministry" left English)."""

from __future__ import annotations

import re

import pytest

from sakrad_ld.web.labels import Text
from sakrad_ld.web.messages import messages
from sakrad_ld.web.render import environment, quotation_language


def test_the_english_no_result_hint_names_the_ministries_swedish_names() -> None:
    hint = messages("en")["search_none"]
    assert "Kulturdepartementet" in hint and "Ministry of Culture" in hint
    assert "rasism for racism" in hint
    assert "Kulturdepartementet" not in messages("sv")["search_none"]


@pytest.mark.parametrize(
    ("words", "lang"),
    [
        ("officials from the ministry", "en"),
        ("the organisations that took part", "en"),
        ("tjänstemän från departementet", "sv"),
        ("bjöd … in", "sv"),
        ("Den 5 mars", "sv"),
        ("i dag och i morgon", "sv"),
        ("föredragande", "sv"),
        ("Frälsningsarmén", "sv"),
        ("RFSL", "sv"),  # a name alone: the source's
        ("Minnesanteckningar från sakråd den 9 december 2022", "sv"),
    ],
)
def test_a_quotations_language_is_its_words(words: str, lang: str) -> None:
    assert quotation_language(words) == lang


def test_english_text_marks_only_swedish_quotations_swedish() -> None:
    template = environment().from_string(
        '{% from "macros.html" import tx with context %}{{ tx(t, False) }}', globals={"lang": "en", "here": "x.html"}
    )
    text = Text(
        'När källan nämner en enhet ("tjänstemän från departementet")',
        'When the source names only a unit ("officials from the ministry"), as it says ("tjänstemän från departementet").',
        "sv",
    )
    html = template.render(t=text, lang="en").replace("&#34;", '"')
    assert '"officials from the ministry"' in html and '<span lang="sv">officials' not in html
    assert '"<span lang="sv">tjänstemän från departementet</span>"' in html
    assert len(re.findall(r'lang="sv"', html)) == 1
