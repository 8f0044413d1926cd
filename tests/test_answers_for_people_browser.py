"""A saved query's field on the query page (``assets/js/query.js``), in headless Chromium: a name
stands in by the id of the one thing of that name in the site's search index; a value that is no
id, no IRI and no such name is refused beside its field, in the page's language, and nothing is run
(the command line refuses it too; a made-up IRI would answer "0 rows")."""

from __future__ import annotations

import json
from collections import Counter
from urllib.parse import unquote_plus
from urllib.request import urlopen

import pytest
from devtools import DevTools

from sakrad_ld.web.messages import messages
from sakrad_ld.web.searchindex import fold

_FIELD = "document.querySelector('input.param[data-kind=\"organisation\"]')"


def _organisation(server_url: str) -> tuple[str, str]:
    """(name, id) of an organisation whose name no other organisation has and which is no id."""
    with urlopen(f"{server_url}/search-index.json", timeout=60) as answer:
        entries = json.load(answer)
    organisations = [e for e in entries if str(e.get("h", "")).startswith("doc/organisation/")]
    names = Counter(fold(n) for e in organisations for n in {e["n"], e.get("e", e["n"])})
    for e in organisations:
        ident = e["h"].removeprefix("doc/organisation/").removesuffix(".html")
        if names[fold(e["n"])] == 1 and fold(e["n"]) != ident and " " in e["n"]:
            return e["n"], ident
    pytest.skip("the data has no organisation with a name of its own")


def _fill_and_run(page: DevTools, value: str) -> None:
    page.evaluate(f"{_FIELD}.value = {json.dumps(value)}; true")
    page.follow(f"{_FIELD}.closest('.query').querySelector('button.run-with').click()")


@pytest.mark.parametrize("path", ["/query.html", "/en/query.html"])
def test_a_name_in_a_field_runs_the_query_with_its_id(page: DevTools, server_url: str, path: str) -> None:
    name, ident = _organisation(server_url)
    assert not page.load(server_url + path)
    _fill_and_run(page, name.upper())  # as a person may type it: case and diacritics do not matter
    page.wait_until("location.pathname === '/sparql' && document.readyState === 'complete'")
    sent = unquote_plus(page.evaluate("location.search"))
    assert f"/id/organisation/{ident}>" in sent, sent


@pytest.mark.parametrize("path", ["/query.html", "/en/query.html"])
@pytest.mark.parametrize(
    ("value", "key"),
    [("Ingen sådan organisation qzxw", "query_param_not_id"), ("https://example.org/a b", "query_param_not_iri")],
)
def test_a_value_that_is_no_id_iri_or_name_is_refused_beside_its_field(
    page: DevTools, server_url: str, path: str, value: str, key: str
) -> None:
    lang = "en" if path.startswith("/en/") else "sv"
    assert not page.load(server_url + path)
    _fill_and_run(page, value)
    said = page.wait_until(
        f"(() => {{ const box = document.getElementById({_FIELD}.getAttribute('data-error')); "
        "return box && !box.hidden && box.textContent; })()"
    )
    assert said == messages(lang)[key].replace("{value}", value), said
    page.settle(0.5)
    assert page.evaluate("location.pathname") == path  # nothing was run
    assert page.evaluate(f"{_FIELD}.getAttribute('aria-invalid')") == "true"
    # the id itself is taken, and the refusal goes
    _, ident = _organisation(server_url)
    _fill_and_run(page, ident)
    page.wait_until("location.pathname === '/sparql' && document.readyState === 'complete'")
    assert f"/id/organisation/{ident}>" in unquote_plus(page.evaluate("location.search"))
