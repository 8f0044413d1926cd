"""The page of a query the parser refuses says what is wrong shortly, in the page's language, for the
common cases (a prefix not declared, a variable of a grouped SELECT not grouped, a query form
misspelt, something unexpected at a place); the parser's character-class lists are cut, its English
text is marked ``lang="en"`` on a Swedish page, and the line, column and caret stay. A program's
Problem Details keep the parser's whole message."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pyoxigraph as ox
import pytest
from starlette.testclient import TestClient

from sakrad_ld.serving.server import create_app
from sakrad_ld.serving.settings import Settings
from sakrad_ld.sparql.query import QueryError, evaluate
from sakrad_ld.web.results import error_page

_NOTICE = re.compile(r'<p class="notice" id="query-error">(.*?)</p>', re.S)
_TAG = re.compile(r"<[^>]+>")


def refused(query: str) -> str:
    with pytest.raises(QueryError) as caught:
        evaluate(ox.Store(), query)
    return str(caught.value)


def notice(page: str) -> str:
    found = _NOTICE.search(page)
    assert found, page
    return found[1]


def text(html: str) -> str:
    return " ".join(unescape(_TAG.sub("", html)).split())


BROKEN = [
    "SELECT * WHERE { ?s a sakrad:Sakrad }",
    "SELECT * WHERE { ?s a dct:Agent . ?s foaf:name ?n }",
    "PREFIX foo: <http://example.org/>\nSELECT * WHERE {\n  ?s a bar:X\n}",
    "SELECT ?x (COUNT(*) AS ?n) WHERE { ?x ?p ?o } GROUP BY ?p",
    "SELECT ?who ?when (COUNT(?o) AS ?n)\nWHERE { ?who ?p ?o . ?o ?q ?when }\nGROUP BY ?who",
    "SELECT * WHERE { ?s ?p ?o",
    "SELECT * WHERE { ?s ?p ?o } LIMT 5",
    "SELEC ?x WHERE { ?x ?p ?o }",
    "PREFIX s: <https://schema.org/>\nCONSTRCT { ?a ?b ?c } WHERE { ?a ?b ?c }",
    "SELECT ?s WHERE { ?s ?p ?o . FILTER(?o > ) }",
    "SELECT ?s WHERE { ?s <http://x/p> ?o . ?o ?? ?x }",
    "ASK { ?s ?p }",
]


@pytest.mark.parametrize("query", BROKEN)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_refused_query_is_explained_shortly(query: str, lang: str) -> None:
    message = refused(query)
    page = error_page(message, query, 400, lang)
    said = notice(page)
    words = text(said)
    assert "..=" not in page and "\\u{" not in page, words  # no character class anywhere on the page
    assert len(words) < 320, (len(words), words)
    # line and column, and the caret under the marked line
    assert re.match(r"(Rad|Line) \d+, (kolumn|column) \d+:", words), words
    assert 'class="line marked"' in page and 'class="caret"' in page
    if lang == "sv":
        # the short text is Swedish; English parser text only inside an element marked lang="en"
        assert not re.search(r"\b(expected|error at|not found|unbound)\b", _TAG.sub("", said)), words
        for english in re.findall(r"<p lang=\"en\">(.*?)</p>", page, re.S):
            assert "expected" in english or "error" in english
        assert 'lang="en"' in page.split('id="query-error"', 1)[1]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_common_cases_in_the_pages_words(lang: str) -> None:
    def said(query: str) -> str:
        return text(notice(error_page(refused(query), query, 400, lang)))

    prefix = said("SELECT * WHERE { ?s a sakrad:Sakrad }")
    assert "sakrad:" in prefix and "PREFIX sakrad: <https://w3id.org/sakrad/ontology#>" in prefix
    assert ("inte deklarerat" if lang == "sv" else "not declared") in prefix
    other = said("PREFIX foo: <http://example.org/>\nSELECT * WHERE {\n  ?s a bar:X\n}")
    assert "bar:" in other and "foo:" not in other
    grouped = said("SELECT ?who ?when (COUNT(?o) AS ?n)\nWHERE { ?who ?p ?o . ?o ?q ?when }\nGROUP BY ?who")
    assert "?when" in grouped and "?who" not in grouped and "GROUP BY" in grouped
    assert ("inte grupperad" if lang == "sv" else "not grouped") in grouped
    form = said("SELEC ?x WHERE { ?x ?p ?o }")
    assert "SELEC" in form and "SELECT, CONSTRUCT, ASK" in form and "VERSION" not in form
    missing = said("SELECT * WHERE { ?s ?p ?o")
    assert "}" in missing


def test_another_refusal_is_shown_as_it_is_marked_english_on_a_swedish_page() -> None:
    message = "the query names a dataset this store has not: <http://example.org/g>"
    page = error_page(message, "SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }", 400, "sv")
    assert '<span lang="en">' + message.replace("<", "&lt;").replace(">", "&gt;") + "</span>" in page


def test_problem_details_name_an_undeclared_prefix_and_how_to_declare_it(fixture_release: Path) -> None:
    query = "SELECT * WHERE { ?s a sakrad:Sakrad }"
    with TestClient(create_app(fixture_release, Settings()), base_url="http://localhost") as client:
        answer = client.get("/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"})
        assert answer.status_code == 400 and answer.headers["content-type"].startswith("application/problem+json")
        detail = answer.json()["detail"]
        assert "prefix 'sakrad' not declared" in detail and "error at 1:" in detail, detail
        assert "PREFIX sakrad: <https://w3id.org/sakrad/ontology#>" in detail and "..=" not in detail, detail
        page = client.get("/sparql", params={"query": query, "lang": "sv"}, headers={"Accept": "text/html"})
        assert page.status_code == 400 and "Prefixet sakrad: är inte deklarerat" in text(page.text)
        assert "..=" not in page.text
