"""Words people read on the pages: a singular for one ("1 träff", "1 organisation"), a name for every
vocabulary term the release uses (never "org:organization org:organization"), an English gloss not
repeating the Swedish ("sakråd (consultation with civil society)", not "sakråd (sakråd (…))"), and
table cells that break only long tokens, never words or dates."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from sakrad_ld.sparql.store import Release
from sakrad_ld.web.labels import Labeller, compact
from sakrad_ld.web.pages import Site, resource_page
from sakrad_ld.web.render import environment, messages

STYLE = Path(__file__).parents[1] / "src" / "sakrad_ld" / "assets" / "style.css"


@pytest.mark.parametrize(
    ("lang", "key", "one"), [("sv", "n_organisations", "1 organisation"), ("en", "n_meetings", "1 sakråd")]
)
def test_one_is_singular(lang: str, key: str, one: str) -> None:
    text = environment().from_string("{{ _(key, n=1) }}|{{ _(key, n=2) }}").render(lang=lang, key=key)
    assert text.split("|")[0] == one
    assert text.split("|")[1] == messages(lang)[key].format(n=2)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_search_has_a_singular(lang: str) -> None:
    assert messages(lang)["search_result_one"] == {"sv": "1 träff", "en": "1 result"}[lang]
    search = (STYLE.parents[1] / "templates" / "search.html").read_text(encoding="utf-8")
    script = (STYLE.parent / "js" / "search.js").read_text(encoding="utf-8")
    assert "data-result-one" in search and "data-result-one" in script


def test_table_cells_break_no_word_anywhere() -> None:
    css = STYLE.read_text(encoding="utf-8")
    for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", css):
        names = {s.strip() for s in selectors.split(",")}
        if names & {"th", "td", "dd", "dl.facts dd"} and "anywhere" in body:
            pytest.fail(f"{selectors.strip()} breaks words anywhere: {body.strip()}")
    assert re.search(r"a\.url\s*\{[^}]*overflow-wrap:\s*anywhere", css)  # addresses still break


def test_every_term_the_release_uses_has_a_name(fixture_release: Path) -> None:
    store = ox.Store()
    for path in [fixture_release / "sakrad.ttl", fixture_release / "catalog.ttl"]:
        store.load(path=str(path), format=ox.RdfFormat.TURTLE)
    terms = ox.Store()  # the ontology names the project's own terms
    for path in sorted((fixture_release / "ontology").glob("*.ttl")):
        terms.load(path=str(path), format=ox.RdfFormat.TURTLE)
    store.bulk_extend(q for q in terms if q.predicate.value.endswith(("#label", "#prefLabel")))
    labels = Labeller(store)
    used = {q.predicate for q in store} | {
        q.object
        for q in store.quads_for_pattern(None, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), None)
    }
    unnamed = sorted(
        compact(t.value) for t in used if isinstance(t, ox.NamedNode) and labels.of(t).main == compact(t.value)
    )
    assert not unnamed, unnamed


@pytest.mark.parametrize("thing", ["meeting/2017-12-12-integration", "body/regeringskansliet"])
def test_a_name_and_its_gloss_are_not_repeated(fixture_release: Path, thing: str) -> None:
    r = Release.open(fixture_release)
    html = resource_page(r.store, f"{r.base_iri}id/{thing}", Site(r.base_iri, [], [], release=r.root), "sv") or ""
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "sakråd (sakråd (" not in text
    for code in re.findall(r"\b([a-z0-9]+:[A-Za-z]+) \1\b", text):
        pytest.fail(f"{code} shown twice")
