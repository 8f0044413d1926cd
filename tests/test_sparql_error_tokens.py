"""The SPARQL error page, for any refused query: a sentence of the parser among the tokens it
expected ("The query offset should be a non negative integer") is said as a sentence, marked
``lang="en"`` on a Swedish page, never offered as something one may type; the query's words at the
error's place are shown whole (the parser's column may fall inside a word); every list the page
says is bounded (the first few, then "… and N more"); and every prefix the query uses outside its
strings, IRIs and comments without declaring it is named, whatever the parser's message says."""

from __future__ import annotations

import random
import re
from html import unescape

import pyoxigraph as ox
import pytest

from sakrad_ld.sparql.query import QueryError, evaluate
from sakrad_ld.web.results import error_page

_NOTICE = re.compile(r'<p class="notice" id="query-error">(.*?)</p>', re.S)
_TAG = re.compile(r"<[^>]+>")
_CODE = re.compile(r"<code>(.*?)</code>", re.S)
_ENGLISH = re.compile(r'<span class="reason" lang="en">(.*?)</span>', re.S)


def refusal(query: str) -> QueryError | None:
    try:
        evaluate(ox.Store(), query)
    except QueryError as error:
        return error
    return None


def refused(query: str) -> str | None:
    error = refusal(query)
    return None if error is None else str(error)


def notice(query: str, lang: str) -> str:
    """The error page's notice of ``query``, made as the endpoint makes it (the refusal's own words too)."""
    error = refusal(query)
    assert error is not None, query
    found = _NOTICE.search(error_page(str(error), query, 400, lang, error.said))
    assert found
    return found[1]


def text(html: str) -> str:
    return " ".join(unescape(_TAG.sub("", html)).split())


#: Queries the parser refuses with one of its sentences among the tokens, and that sentence.
SENTENCES = [
    ("SELECT * WHERE { ?s ?p ?o } OFFSET 99999999999999999999999", "The query offset should be a non negative integer"),
    ("SELECT * WHERE { ?s ?p ?o } LIMIT 99999999999999999999999", "The query limit should be a non negative integer"),
    ("SELECT (1 AS ?x) (2 AS ?x) WHERE {}", "Duplicated variable name in SELECT"),
    ("SELECT * WHERE { ?s ?p ?o } GROUP BY ?s", "SELECT * is not authorized with GROUP BY"),
    ("SELECT ?s WHERE { ?s <img src=x> ?o }", "IRI parsing failed"),
    ('SELECT ?s WHERE { ?s ?p "a"@xx-123456789 }', "Language tag parsing failed"),
]


@pytest.mark.parametrize(("query", "sentence"), SENTENCES)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_parser_sentence_is_said_as_a_sentence_not_as_a_token(query: str, sentence: str, lang: str) -> None:
    said = notice(query, lang)
    message = refused(query)
    assert message is not None and sentence.lower() in message.lower()  # the parser still says it
    for code in _CODE.findall(said):
        assert not re.search(r"\s", unescape(code)), (code, said)  # a token has no space
    assert sentence.lower() not in " ".join(unescape(c) for c in _CODE.findall(said)).lower()
    if lang == "sv":
        english = [text(e) for e in _ENGLISH.findall(said)]
        assert any(e.lower().startswith(sentence.lower()) for e in english), said
        # no English sentence outside an element marked lang="en"
        assert sentence.lower() not in text(_ENGLISH.sub("", said)).lower(), said
        assert "Parsern säger:" in text(said)
    else:
        assert sentence.lower() in text(said).lower() and "The parser says:" in text(said)
        assert 'lang="en"' not in said


#: Queries whose error column falls inside a word.
INSIDE = [
    "SELECT SELECT SELECT ?s WHERE {}",
    "SELECT ?s WHERE { ?s ?p ?o } VALUES ?x { 1 2 } VALUES ?y {1}",
    "SELECT SELECT ?s WHERE {}",
]


def _words_are_the_querys(query: str, said: str) -> None:
    """Every word the short text quotes from the query at the error's place is one of the query's
    words whole (or its first characters, cut with "…")."""
    found = re.search(
        r"(?:något är fel vid|something is wrong at) (.*?)\.(?: Här kan stå| Possible here| Pars| The par|$)", said
    )
    if not found:
        return
    words = query.split()
    for word in found[1].split():
        assert word in words or (word.endswith("…") and any(w.startswith(word[:-1]) for w in words)), (word, said)


@pytest.mark.parametrize("query", INSIDE)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_words_at_the_place_are_shown_whole(query: str, lang: str) -> None:
    said = text(notice(query, lang))
    _words_are_the_querys(query, said)
    assert "S ELECT" not in said and "VAL UES" not in said


def test_words_are_whole_for_any_broken_query() -> None:
    """Valid queries with a character removed, doubled or a word repeated, at random places."""
    valid = [
        "SELECT ?s ?name WHERE { ?s <http://xmlns.com/foaf/0.1/name> ?name } ORDER BY ?name LIMIT 10",
        "SELECT DISTINCT ?type (COUNT(?s) AS ?n) WHERE { ?s a ?type } GROUP BY ?type ORDER BY DESC(?n)",
        'ASK { ?s ?p "sakråd"@sv FILTER(LANG(?p) = "sv") }',
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o OPTIONAL { ?o ?q ?r } } OFFSET 5",
    ]
    rng = random.Random(11)
    tried = 0
    for _ in range(300):
        query = rng.choice(valid)
        at = rng.randrange(len(query))
        kind = rng.randrange(3)
        if kind == 0:
            broken = query[:at] + query[at + 1 :]
        elif kind == 1:
            broken = query[:at] + query[at] + query[at:]
        else:
            words = query.split()
            i = rng.randrange(len(words))
            broken = " ".join(words[: i + 1] + words[i:])
        if refused(broken) is None:
            continue
        tried += 1
        for lang in ("sv", "en"):
            _words_are_the_querys(broken, text(notice(broken, lang)))
    assert tried > 100


def test_a_long_word_is_cut_with_an_ellipsis_not_shown_whole() -> None:
    word = "x" * 5000
    said = text(notice(f"SELECT * WHERE {{ ?s ?p ?o }} {word} 5", "en"))
    assert "x" * 200 not in said and "x…" in said


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_many_ungrouped_variables_are_bounded(lang: str) -> None:
    names = [f"?v{i}" for i in range(30000)]
    query = f"SELECT {' '.join(names)} (COUNT(*) AS ?n) WHERE {{ ?s ?p ?o }} GROUP BY ?s"
    said = notice(query, lang)
    assert len(said) < 1000, len(said)
    shown = set(re.findall(r"\?v\d+", text(said)))
    assert "?v0" in shown and len(shown) < 20
    more = re.search(r"… (?:och|and) (\d[\d\s\u00a0,]*) (?:till|more)", text(said))
    assert more and int(re.sub(r"\D", "", more[1])) == 30000 - len(shown), text(said)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_many_undeclared_prefixes_are_named_and_bounded(lang: str) -> None:
    query = "SELECT * WHERE { " + " . ".join(f"?s p{i}:x ?o" for i in range(300)) + " }"
    said = text(notice(query, lang))
    assert len(said) < 1000, len(said)
    named = re.findall(r"\bp(\d+):", said)
    assert "0" in named and "1" in named and len(set(named)) < 20
    more = re.search(r"… (?:och|and) (\d[\d\s\u00a0,]*) (?:till|more)", said)
    assert more and int(re.sub(r"\D", "", more[1])) == 300 - len(set(named)), said


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_an_undeclared_prefix_is_named_whatever_the_parser_says(lang: str) -> None:
    # the parser says "expected OPTIONAL" here, not "Prefix not found"
    said = text(notice("SELECT ?s WHERE { ?s ex:p ?o }", lang))
    assert "ex:" in said and "PREFIX ex:" in said
    assert ("inte deklarerat" if lang == "sv" else "not declared") in said
    # another fault first: the prefixes used without a declaration are named too
    said = text(notice('SELEC ?x WHERE { ?x ex:p ?o . ?o foo:q "b" . ?o bar:r ?z }', lang))
    assert "SELEC" in said and all(p in said for p in ("ex:", "foo:", "bar:")), said
    # a declared one is not named; one used twice is named once
    said = text(
        notice("PREFIX ex: <http://example.org/>\nSELECT ?s WHERE { ?s ex:p ?o . ?o abc:q ?z . ?z abc:r ?w", lang)
    )
    assert "abc:" in said and "ex:" not in said and said.count("abc:") <= 2, said


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_no_prefix_is_named_from_strings_iris_or_comments(lang: str) -> None:
    query = "SELECT ?s WHERE { ?s <urn:x:y> \"a:b c:d\" . ?s ?p 'e:f' . # g:h\n ?s ?p ?o } LIMT 5"
    said = text(notice(query, lang))
    assert not re.search(r"\b[a-h]:", said.replace("urn:x:y", "")), said
    assert "LIMT" in said


@pytest.mark.parametrize("query", ["SELECT * WHERE {?s ?p", "SELECT * WHERE { ?s ?p ?o FILTER(?o = "])
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_quote_offered_is_the_quote_a_person_types(query: str, lang: str) -> None:
    """The parser writes its tokens as string literals ("\\"" for a double quote): the page offers
    the character itself, never the backslash of the literal."""
    offered = [unescape(c) for c in _CODE.findall(notice(query, lang))]
    assert offered, query
    assert not any("\\" in token for token in offered), offered
    assert '"' in offered or '"""' in offered or "'" in offered, offered


#: The endpoint's own refusals (not the parser's) and a word of each one's short text, in Swedish.
OWN_REFUSALS = [
    ("SELECT * { SERVICE <http://x.example/> { ?s ?p ?o } }", "SERVICE (en federerad fråga)"),
    ("SELECT * FROM <http://x.example/g> { ?s ?p ?o }", "inte är en graf i den här tjänsten"),
    ("SELECT * FROM NAMED <http://x.example/g> { ?s ?p ?o }", "FROM NAMED på rad 1"),
    ("SELECT * WHERE " + "{ " * 70 + "?s ?p ?o" + " }" * 70, "fler än 64 nivåer"),
    ("SELECT * WHERE { ?s ?p \ufeff?o }", "byteordningstecken"),
]


@pytest.mark.parametrize(("query", "swedish"), OWN_REFUSALS)
def test_the_endpoints_own_refusals_are_said_in_the_pages_language(query: str, swedish: str) -> None:
    """The endpoint's own refusals (SERVICE, a graph it does not hold, nesting, a byte order mark) are
    said in Swedish on a Swedish page and in English on an English one, their place said once."""
    from sakrad_ld.web.results import where

    message = refused(query)
    assert message is not None, query
    sv = text(notice(query, "sv"))
    en = text(notice(query, "en"))
    assert swedish in sv, sv
    assert sv != en and swedish not in en, en
    assert "line" not in sv.split(":", 1)[-1], sv  # no English left in the Swedish text
    if where(message) is not None:  # the page gives the place once, in its language
        assert sv.count("kolumn") == 1 and en.count("column") == 1, (sv, en)
