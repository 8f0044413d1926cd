"""A refused query's page never suggests what the endpoint does not answer: the parser (SPARQL 1.2
with Oxigraph's extensions) lists ``LATERAL``, triple terms (``<<``) or ``VERSION`` among the
tokens it could have read, and ``SERVICE``, which this endpoint refuses; the page names only SPARQL
1.1 it may write, and where nothing is left, only the place (line, column, the words there)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from sakrad_ld.web.queryerror import explain

#: What the endpoint says before the parser's message (sakrad_ld.sparql.query).
NOT_SPARQL = "the query is not valid SPARQL 1.1: "
NEVER = {"LATERAL", "SERVICE", "VERSION", "<<", "<<(", ">>", "{|", "ADJUST", "TRIPLE", "ISTRIPLE", "LANGDIR"}


def refusal(query: str) -> str:
    try:
        ox.Store().query(query)
    except SyntaxError as e:
        return NOT_SPARQL + str(e)
    raise AssertionError(f"the parser read {query!r}")


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?o WHERE { ?o ?p }",  # an object missing: the parser expects LATERAL or SERVICE
        "SELECT * WHERE { ?s ?p ?o } LIMIT",
        "SELECT * WHERE { ?s ?p ?o  OPTIONAL { ?s ?p ?o } ",
        "SELECT * WHERE { ?s ?p ?o . FILTER(",
        "SELECT * WHERE { ?s ?p ",
        "SELECT * WHERE { BIND(",
    ],
)
def test_no_suggestion_is_a_token_sparql_11_lacks_or_the_endpoint_refuses(query: str) -> None:
    message = refusal(query)
    explained = explain(message, query)
    assert not {t.upper() for t in explained.expected} & NEVER, explained.expected


def test_a_missing_object_is_told_by_its_place_not_by_keywords() -> None:
    query = "SELECT ?o WHERE { ?o ?p }"
    message = refusal(query)
    assert "LATERAL" in message and "SERVICE" in message  # what the parser offers
    explained = explain(message, query)
    assert explained.key == "query_error_unexpected" and explained.values["token"].endswith("}")
    assert explained.expected == [] and explained.more == 0
