"""A derived value is marked wherever a person reads it: the views the lists' marks had not reached.

A sakråd no document read says was held, which the data concludes was held (``sakrad:heldDerivation``),
is marked "(hållet: härlett)"/"(held: derived)" in a search result (the script reads the index's ``g``
and the words from the search page, in its language, as text, never as markup), in the roles of a
thing's page and under its column in the participation chart. The start page and a thing's page
say below their tables what each mark their rows carry means, as the lists do. A relation the data
gives by a rule of its own, no source stating it (a body part of another, a person working in a
body, a post placed in a body or reporting to another, an English name the data translated, the body
of a holding whose post the data placed), is marked "(härlett)"/"(derived)" beside it in the facts of
a page; a stated one is not. The sakråd, bodies and people are picked by what the fixture release's
graph says of them, not by name.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pyoxigraph as ox
import pytest
from devtools import DevTools

from sakrad_ld.sparql.store import Release
from sakrad_ld.vocab import M8G, ORG, RDFS, SAKRAD, SCHEMA, SKOS
from sakrad_ld.web.labels import Labeller
from sakrad_ld.web.lists import MeetingRow, marks, read_lists
from sakrad_ld.web.pages import Site, resource_page
from sakrad_ld.web.resourceview import View
from sakrad_ld.web.searchindex import fold
from sakrad_ld.web.sitefiles import site_files

HELD = {"sv": "(hållet: härlett)", "en": "(held: derived)"}
DERIVED = {"sv": "(härlett)", "en": "(derived)"}
LANGS = ("sv", "en")


class Views:
    """The site files of the fixture release, made once."""

    def __init__(self, release: Path) -> None:
        self.release = Release.open(release)
        self.store = self.release.store
        self.site = Site(self.release.base_iri, [], [], sparql_path=None, release=self.release.root)
        self.files = dict(site_files(self.store, self.site))
        self.lists = read_lists(self.store, self.release.base_iri)

    def has(self, iri: str, p: ox.NamedNode) -> bool:
        return any(True for _ in self.store.quads_for_pattern(ox.NamedNode(iri), p, None))

    def held(self) -> list[MeetingRow]:
        rows = [m for m in self.lists.meetings if self.has(m.ref.iri, SAKRAD.heldDerivation)]
        assert rows, "the fixture release has no sakråd held by derivation"
        return rows

    def plain(self) -> MeetingRow:
        """A sakråd with a stated date, said to be held by what was read, with a source's title."""
        for m in self.lists.meetings:
            marked = (SAKRAD.heldDerivation, SAKRAD.derivedDate, SAKRAD.announcedOnly, SAKRAD.titleDerivation)
            if (
                self.has(m.ref.iri, SCHEMA.startDate)
                and not m.series
                and not any(self.has(m.ref.iri, p) for p in marked)
            ):
                return m
        raise AssertionError("the fixture release has no sakråd with everything stated")

    def page(self, iri: str, lang: str) -> str:
        return resource_page(self.store, iri, self.site, lang) or ""

    def agents_of(self, meeting: str) -> list[str]:
        """The things with a role in the sakråd ``meeting``."""
        parts = [q.object for q in self.store.quads_for_pattern(ox.NamedNode(meeting), M8G.hasParticipation, None)]
        return sorted(
            {q.object.value for p in parts for q in self.store.quads_for_pattern(p, M8G.hasParticipant, None)}
        )


@pytest.fixture(scope="module")
def views(fixture_release: Path) -> Views:
    return Views(fixture_release)


@pytest.fixture(scope="module")
def site_dir(views: Views, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site's files on disk, opened from ``file://`` as a static site may be."""
    root = tmp_path_factory.mktemp("site")
    for name, data in views.files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


def _text(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def _legend(page: str) -> list[str]:
    """The marks the page explains (``mark-held-derived`` …), in its order."""
    section = re.search(r'<section class="marks".*?</section>', page, re.S)
    return re.findall(r'<li id="mark-([a-z-]+)">', section[0]) if section else []


def _row(html: str, href: str) -> str:
    """The text of the table row that links to ``href``."""
    tail = "/".join(href.split("/")[-2:])  # ``meeting/x.html``: a page links to it as ``../meeting/x.html``
    link = rf'href="(?:[^"]*/)?{re.escape(tail)}"'
    found = re.search(rf"<tr>(?:(?!</tr>).)*{link}(?:(?!</tr>).)*</tr>", html, re.S)
    assert found, f"no row links to {href}"
    return _text(found[0])


# --- the search ------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_search_page_gives_the_script_the_held_mark_in_its_language(views: Views, lang: str) -> None:
    page = views.files["search.html" if lang == "sv" else "en/search.html"].decode()
    words = re.search(r'data-held-derived="([^"]*)"', page)
    assert words, "the search page gives no words for the held mark"
    assert f"({unescape(words[1])})" == HELD[lang]
    assert "e.g" in views.files["assets/js/search.js"].decode()


_RESULTS = """(() => {
  const q = document.getElementById('q');
  q.value = %s;
  q.dispatchEvent(new Event('input'));
  return [...document.querySelectorAll('#results li')]
    .filter(li => li.querySelector('a').href.endsWith(%s))
    .map(li => [li.textContent, li.querySelectorAll('b').length]);
})()"""


def _result(browser: DevTools, query: str, href: str) -> tuple[str, int]:
    """The text of the search result that links to ``href`` when ``query`` is typed, and how many
    ``<b>`` elements it holds."""
    found = browser.evaluate(_RESULTS % (json.dumps(query), json.dumps("/" + href)))
    assert found and len(found) == 1, (query, href, found)
    return found[0][0], found[0][1]


@pytest.fixture
def phone_search(phone: DevTools, site_dir: Path, request: pytest.FixtureRequest) -> Iterator[DevTools]:
    """The search page in ``request.param``'s language, loaded once at a phone's width."""
    lang = request.param
    page = site_dir / ("search.html" if lang == "sv" else "en/search.html")
    problems = phone.load(page.as_uri())
    assert not problems, problems
    phone.wait_until("document.readyState === 'complete' && !!window.sakradSearchIndex")
    yield phone


@pytest.mark.parametrize(("phone_search", "lang"), [(lang, lang) for lang in LANGS], indirect=["phone_search"])
def test_a_search_result_marks_a_sakrad_held_by_derivation_and_only_it(
    views: Views, phone_search: DevTools, lang: str
) -> None:
    browser = phone_search
    for row in views.held():
        text, _ = _result(browser, fold(row.ref.name.main), row.ref.href)
        assert HELD[lang] in text, text
    plain = views.plain()
    text, _ = _result(browser, fold(plain.ref.name.main), plain.ref.href)
    assert HELD[lang] not in text and "held" not in text and "hållet" not in text, text
    # the results fit a phone's width, the marks wrapping with the words
    assert browser.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "the results overflow"
    # the words are the page's, shown as text: markup in them is never made into elements
    row = views.held()[0]
    browser.evaluate("document.getElementById('search').setAttribute('data-held-derived', '<b>x</b> & y'); true")
    text, bold = _result(browser, fold(row.ref.name.main), row.ref.href)
    assert "(<b>x</b> & y)" in text and bold == 0, text


# --- the start page ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_start_page_explains_the_marks_of_its_newest_sakrad(views: Views, lang: str) -> None:
    page = views.files["index.html" if lang == "sv" else "en/index.html"].decode()
    newest = views.lists.meetings[:10]
    carried = marks(newest)
    assert "held_derived" in carried, "the fixture's ten newest sakråd have none held by derivation"
    assert _legend(page) == [key.replace("_", "-") for key in carried]
    held = next(m for m in newest if m.held_derived)
    assert HELD[lang] in _row(page, held.ref.href)
    # the explanation is the lists' own, word for word
    listed = views.files["lists/meetings.html" if lang == "sv" else "en/lists/meetings.html"].decode()
    explain = re.compile(r'<li id="mark-held-derived">(.*?)</li>', re.S)
    assert explain.search(page)[1] == explain.search(listed)[1]


# --- a thing's page ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_role_in_a_sakrad_held_by_derivation_is_marked_and_explained(views: Views, lang: str) -> None:
    seen = 0
    for row in views.held():
        for agent in views.agents_of(row.ref.iri):
            page = views.page(agent, lang)
            section = page.split('id="participations"')[1].split("</section>")[0]
            assert HELD[lang] in _row(section, row.ref.href), agent
            assert "held-derived" in _legend(page), agent
            seen += 1
    assert seen, "no thing of the fixture has a role in a sakråd held by derivation"
    plain = views.plain()
    for agent in views.agents_of(plain.ref.iri):
        page = views.page(agent, lang)
        section = page.split('id="participations"')[1].split("</section>")[0]
        assert HELD[lang] not in _row(section, plain.ref.href), agent


@pytest.mark.parametrize("lang", LANGS)
def test_a_page_explains_no_mark_its_rows_do_not_carry(views: Views, lang: str) -> None:
    """A thing whose every role is in a sakråd with everything stated has no explanation of marks."""
    plain_ids = {
        m.ref.iri
        for m in views.lists.meetings
        if not (m.derived or m.series or m.title_own or m.announced or m.held_derived)
    }
    found = 0
    for person in views.lists.people:
        parts = [q.object for q in views.store.quads_for_pattern(ox.NamedNode(person.ref.iri), M8G.participates, None)]
        wholes = {q.subject.value for p in parts for q in views.store.quads_for_pattern(None, M8G.hasParticipation, p)}
        if wholes and wholes <= plain_ids:
            assert _legend(views.page(person.ref.iri, lang)) == [], person.ref.id
            found += 1
    assert found, "the fixture has nobody whose roles are all in sakråd with everything stated"


def _facts_row(page: str, predicate: str) -> str:
    """The text of the row of ``predicate`` (``org:unitOf``) in a page's table of all facts."""
    facts = page.split('id="facts"')[1]
    found = re.search(rf"<tr><th[^>]*>(?:(?!</th>).)*<code>{re.escape(predicate)}</code>.*?</tr>", facts, re.S)
    assert found, f"no row of {predicate}"
    return _text(found[0])


@pytest.mark.parametrize("lang", LANGS)
def test_a_body_placed_by_the_data_s_rule_is_marked_derived_on_its_page(views: Views, lang: str) -> None:
    derived = [r for r in views.lists.bodies if r.part_of is not None and r.part_of_derived]
    stated = [r for r in views.lists.bodies if r.part_of is not None and not r.part_of_derived]
    assert derived and stated, "the fixture needs bodies placed by a source and by the data's rule"
    for r in derived + stated:
        predicate = "org:unitOf" if views.has(r.ref.iri, ORG.unitOf) else "org:subOrganizationOf"
        row = _facts_row(views.page(r.ref.iri, lang), predicate)
        assert (DERIVED[lang] in row) == r.part_of_derived, (r.ref.id, row)


@pytest.mark.parametrize("lang", LANGS)
def test_a_ministry_s_sakrad_with_the_data_s_own_title_are_marked_so(views: Views, lang: str) -> None:
    own = {"sv": "(datans egen rubrik)", "en": "(the data's own title)"}[lang]
    seen = 0
    for r in views.lists.bodies:
        page = views.page(r.ref.iri, lang)
        if 'id="ministry-meetings"' not in page:
            continue
        section = page.split('id="ministry-meetings"')[1].split("</section>")[0]
        for m in views.lists.meetings:
            if f'/meeting/{m.ref.id}.html"' in section:
                assert (own in _row(section, m.ref.href)) == m.title_own, (r.ref.id, m.ref.id)
                seen += m.title_own
    assert seen, "no ministry of the fixture is involved in a sakråd with the data's own title"


def test_the_facts_mark_each_relation_the_data_derived_and_no_stated_one() -> None:
    """On a small graph: each relation of the data's own rule, and its stated twin."""
    base = "https://example.org/"
    n = {k: ox.NamedNode(base + "id/" + k) for k in ("person/a", "person/b", "body/x", "body/y", "post/p", "post/q")}
    holding = ox.NamedNode(base + "id/person/a/holding/p")
    why = ox.Literal("datans egen regel", language="sv")
    store = ox.Store()
    for s, p, o in [
        (n["person/a"], ORG.memberOf, n["body/x"]),
        (n["person/a"], SAKRAD.memberOfDerivation, why),
        (n["person/b"], ORG.memberOf, n["body/x"]),
        (n["body/x"], ORG.unitOf, n["body/y"]),
        (n["body/x"], SAKRAD.unitOfDerivation, why),
        (n["body/x"], SKOS.prefLabel, ox.Literal("X", language="sv")),
        (n["body/x"], SKOS.prefLabel, ox.Literal("The X", language="en")),
        (n["body/x"], SAKRAD.translationDerivation, why),
        (n["body/y"], SKOS.prefLabel, ox.Literal("Y", language="sv")),
        (n["body/y"], SKOS.prefLabel, ox.Literal("The Y", language="en")),
        (n["post/p"], ORG.postIn, n["body/x"]),
        (n["post/p"], SAKRAD.postInDerivation, why),
        (n["post/p"], ORG.reportsTo, n["post/q"]),
        (n["post/q"], ORG.postIn, n["body/y"]),
        (n["post/q"], ORG.reportsTo, n["post/p"]),
        (n["post/q"], SAKRAD.reportsToDerivation, why),
        (holding, SAKRAD.post, n["post/p"]),
        (holding, ORG.organization, n["body/x"]),
        (n["person/b"], RDFS.label, ox.Literal("B")),
    ]:
        store.add(ox.Quad(s, p, o))
    view = View(store, base, Labeller(store), None)

    def derived(node: str | ox.NamedNode, p: ox.NamedNode) -> list[bool]:
        table = view.facts(node if isinstance(node, ox.NamedNode) else n[node])
        row = next(r for r in table.rows if r.predicate.title == p.value)
        return list(row.derived) or [False] * len(row.values)

    assert derived("person/a", ORG.memberOf) == [True]
    assert derived("person/b", ORG.memberOf) == [False]
    assert derived("body/x", ORG.unitOf) == [True]
    assert sorted(derived("body/x", SKOS.prefLabel)) == [False, True]  # the English name only
    assert derived("body/y", SKOS.prefLabel) == [False, False]
    assert derived("post/p", ORG.postIn) == [True]
    assert derived("post/q", ORG.postIn) == [False]
    assert derived("post/p", ORG.reportsTo) == [False]
    assert derived("post/q", ORG.reportsTo) == [True]
    assert derived(holding, ORG.organization) == [True]


# --- the participation chart -----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_chart_marks_a_sakrad_held_by_derivation_under_its_date_and_says_what_the_mark_means(
    views: Views, lang: str
) -> None:
    folder = views.release.root / "diagrams" / ("en" if lang == "en" else "")
    svg = (folder / "participation-chart.svg").read_text(encoding="utf-8")
    if "grouped by year" in svg or "grupperade per år" in svg:
        pytest.fail("the fixture's chart is drawn by year: its columns carry no dates to mark")
    labels = dict(
        re.findall(r'<a href="[^"]*/meeting/([^"/]+)"><text [^>]*><title>.*?</title>([^<]*)</text>', svg, re.S)
    )
    assert labels, "no column of the chart links to its sakråd"
    held = {m.ref.id for m in views.held()}
    for meeting, label in labels.items():
        assert label.endswith("†") == (meeting in held), (meeting, label)
    legend = {"sv": "† hållet: härlett", "en": "† held: derived"}[lang]
    assert legend in _text(svg)
