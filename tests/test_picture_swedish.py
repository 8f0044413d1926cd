"""Every Swedish text an English picture shows is marked Swedish (``xml:lang="sv"``, and ``lang="sv"``
for SVG 2 and HTML readers) on its ``<text>`` or ``<tspan>``, as the English pages mark theirs: a
title, a question, a name, a place, and the source's own wording of a count (“femton”), which
the English meeting pictures showed as English text before.

Checked over every English picture of the fixture release: a word of the visible text, of a
tooltip (``<title>``) or of the picture's description (``<desc>``) whose language (the nearest
``xml:lang`` or ``lang`` going up) is English must not be a word only the data's Swedish texts have
(a word of an English text of the data, or of the pictures' English words, is English). A
``<title>``/``<desc>`` is plain text to a tooltip, but may hold elements of another namespace: a
Swedish title or name in one is an XHTML ``<span>`` with ``xml:lang="sv" lang="sv"``."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pyoxigraph as ox

SVG = "{http://www.w3.org/2000/svg}"
XHTML = "{http://www.w3.org/1999/xhtml}"
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


#: The elements whose text people read: shown, as a tooltip, or by a screen reader.
READ = (SVG + "text", SVG + "tspan", SVG + "title", SVG + "desc", XHTML + "span")


def _english_runs(svg: bytes) -> list[str]:
    """The text of the picture whose language is English: each text node of a ``<text>``, ``<tspan>``,
    ``<title>``, ``<desc>`` or their ``<span>`` with the language of its nearest marked ancestor."""
    root = ET.fromstring(svg)
    runs: list[str] = []

    def walk(el: ET.Element, lang: str) -> None:
        lang = el.get(XML_LANG) or el.get("lang") or lang
        visible = el.tag in READ
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


def test_a_language_is_marked_for_svg_1_1_and_svg_2_alike(fixture_release: Path) -> None:
    """Every element that says its language says it as ``xml:lang`` (SVG 1.1, XML) and as ``lang``
    (SVG 2, HTML) alike; the picture itself too. A ``<span>`` is only in a ``<title>`` or ``<desc>``
    and is XHTML; in an English picture, every Swedish title of a sakråd in a tooltip is in one."""
    pictures = sorted(fixture_release.glob("diagrams/**/*.svg"))
    assert len(pictures) > 20
    spans = 0
    for picture in pictures:
        root = ET.fromstring(picture.read_bytes())
        lang = "en" if picture.parent.name == "en" else "sv"
        assert root.get(XML_LANG) == root.get("lang") == lang, picture.name
        for el in root.iter():
            assert el.get(XML_LANG) == el.get("lang"), (picture.name, el.tag, el.attrib)
            assert el.tag != "span" and el.tag != SVG + "span", picture.name
        held = [s for h in (*root.iter(SVG + "title"), *root.iter(SVG + "desc")) for s in h.iter(XHTML + "span")]
        for span in held:
            assert span.get("lang") == ("sv" if lang == "en" else "en"), (picture.name, span.attrib)
        assert len(held) == len(list(root.iter(XHTML + "span"))), f"{picture.name}: a <span> outside <title>/<desc>"
        spans += len(held)
    assert spans > 100, "the English pictures' tooltips mark almost no Swedish title"


def test_every_sakrad_title_in_an_english_chart_tooltip_is_marked(fixture_release: Path) -> None:
    """In the English chart, each column's tooltip holds the sakråd's title in a ``<span>`` marked
    Swedish where the data has no English title, and its frame (date, marks) English."""
    store = ox.Store()
    store.bulk_load(path=str(fixture_release / "sakrad.nq"), format=ox.RdfFormat.N_QUADS)
    root = ET.fromstring((fixture_release / "diagrams" / "en" / "participation-chart.svg").read_bytes())
    columns = 0
    for a in root.iter(SVG + "a"):
        title = a.find(f"{SVG}text/{SVG}title")
        if title is None:
            continue  # an organisation's name
        columns += 1
        iri = (a.get("href") or "").replace("/en/doc/", "/id/")  # the English page, at the data's base
        found = [
            q.object
            for q in store.quads_for_pattern(None, ox.NamedNode("http://purl.org/dc/terms/title"), None)
            if q.subject.value.endswith(iri) and isinstance(q.object, ox.Literal)
        ]
        swedish = {o.value for o in found if o.language in ("sv", "")}
        english = [o for o in found if o.language == "en"]
        span = title.find(XHTML + "span")
        if english:
            assert span is None, a.get("href")
        else:
            assert span is not None and span.text in swedish and span.get(XML_LANG) == "sv", (a.get("href"), swedish)
    assert columns >= 20


def test_a_swedish_picture_has_no_mark(fixture_release: Path) -> None:
    """A Swedish picture's texts are in its own language: none is marked (the English pages' marks
    are for English pictures only)."""
    for picture in sorted((fixture_release / "diagrams").glob("*.svg")):
        svg = picture.read_bytes()
        assert b' lang="sv"' in svg.split(b">", 1)[0] and b'lang="sv"' not in svg.split(b">", 1)[1], picture.name
