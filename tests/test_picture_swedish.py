"""Every Swedish text an English picture shows is marked Swedish (``xml:lang="sv"``, and ``lang="sv"``
for SVG 2 and HTML readers) on its ``<text>`` or ``<tspan>``, as the English pages mark theirs: a
title, a question, a name, a place, and the source's own wording of a count (“femton”), which
the English meeting pictures showed as English text before.

Checked over every English picture of the fixture release: a word of the visible text whose
language (the nearest ``xml:lang`` or ``lang`` going up) is English must not be a word only the
data's Swedish texts have (a word of an English text of the data, or of the pictures' English
words, is English). Tooltips (``<title>``) and the picture's description are plain text, which
SVG does not let mark in parts; they are not checked here."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pyoxigraph as ox

SVG = "{http://www.w3.org/2000/svg}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
WORD = re.compile(r"[^\W\d_]{3,}")


def _words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text)}


def _vocabulary(release: Path) -> tuple[set[str], set[str]]:
    """(the words only the data's Swedish texts have, the words of its English texts)."""
    swedish: set[str] = set()
    english: set[str] = set()
    for quad in ox.parse(path=str(release / "sakrad.nq"), format=ox.RdfFormat.N_QUADS):
        o = quad.object
        if not isinstance(o, ox.Literal):
            continue
        if o.language == "en":
            english |= _words(o.value)
        elif o.language == "sv" or (not o.language and o.datatype.value.endswith("#string")):
            swedish |= _words(o.value)  # a text without a language counts as Swedish, the data's language
    return swedish - english, english


def _picture_words() -> set[str]:
    from sakrad_ld.web import diagrams
    from sakrad_ld.web.messages import messages

    words: set[str] = set()
    for text in [*diagrams._WORDS["en"].values(), *map(str, messages("en").values())]:
        words |= _words(text)
    return words


def _english_runs(svg: bytes) -> list[str]:
    """The visible text of the picture whose language is English: each text node of a ``<text>`` or
    ``<tspan>`` with the language of its nearest marked ancestor."""
    root = ET.fromstring(svg)
    runs: list[str] = []

    def walk(el: ET.Element, lang: str) -> None:
        lang = el.get(XML_LANG) or el.get("lang") or lang
        if el.tag in (SVG + "title", SVG + "desc"):
            return
        visible = el.tag in (SVG + "text", SVG + "tspan")
        if visible and lang == "en" and el.text:
            runs.append(el.text)
        for child in el:
            walk(child, lang)
            if visible and lang == "en" and child.tail:
                runs.append(child.tail)

    walk(root, "")
    return runs


def test_every_swedish_text_of_an_english_picture_is_marked(fixture_release: Path) -> None:
    swedish, _ = _vocabulary(fixture_release)
    swedish -= _picture_words()
    pictures = sorted((fixture_release / "diagrams" / "en").glob("*.svg"))
    assert len(pictures) > 10 and any(p.name == "participation-chart.svg" for p in pictures)
    problems: list[str] = []
    marked = 0
    for picture in pictures:
        svg = picture.read_bytes()
        assert b' lang="en"' in svg.split(b">", 1)[0], picture.name
        marked += svg.count(b'xml:lang="sv"')
        for run in _english_runs(svg):
            if leaked := sorted(_words(run) & swedish):
                problems.append(f"{picture.name}: {run!r} is shown as English ({', '.join(leaked)})")
    assert marked > 100, "the English pictures mark almost no Swedish text xml:lang"
    assert not problems, f"{len(problems)} unmarked Swedish texts:\n" + "\n".join(problems[:20])


def test_a_swedish_picture_has_no_mark(fixture_release: Path) -> None:
    """A Swedish picture's texts are in its own language: none is marked (the English pages' marks
    are for English pictures only)."""
    for picture in sorted((fixture_release / "diagrams").glob("*.svg")):
        svg = picture.read_bytes()
        assert b' lang="sv"' in svg.split(b">", 1)[0] and b'lang="sv"' not in svg.split(b">", 1)[1], picture.name
