"""The query page: a SPARQL editor with the saved queries, each with a field for every parameter.

The editor is YASGUI's Yasqe (``assets/yasgui/``, shipped built with its licence): syntax
highlighting, and completion of the classes and properties of this release
(:func:`sakrad_ld.web.completions.sparql_terms`, put in the page as JSON). Without JavaScript the
query box is a plain text area. Running a query opens the endpoint's answer page, where names
link to pages (:mod:`sakrad_ld.web.results`).

The page runs in the browser against the site's SPARQL endpoint (``Site.sparql_path``); a saved
query's parameters are bound as the CLI binds them (a trailing ``VALUES`` clause, an id standing
for the IRI of that kind of thing: :func:`sakrad_ld.sparql.query.bind`).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import pyoxigraph as ox

from .completions import sparql_terms
from .pages import Site, json_script, shell
from .paths import translated
from .render import render

__all__ = ["query_page", "query_texts"]


def query_texts(q: Any, lang: str) -> dict[str, str]:
    """A saved query's title and description in the page's language: on a Swedish page its
    ``title_sv``/``description_sv``, falling back to the English one, whose language is then given
    (``title_lang``/``description_lang`` "en", for a ``lang`` attribute; "" when it is the page's).
    The start page and the query page show the queries through this."""
    texts: dict[str, str] = {}
    for key in ("title", "description"):
        own = (getattr(q, f"{key}_sv", "") or "") if lang == "sv" else ""
        texts[key] = own or getattr(q, key, "")
        texts[f"{key}_lang"] = "" if own or lang == "en" or not texts[key] else "en"
    return texts


def query_page(store: ox.Store, site: Site, lang: str = "sv") -> str:
    queries = []
    for q in site.queries:
        queries.append(
            {
                "name": q.name,
                **query_texts(q, lang),
                "text": q.text,
                "parameters": list(getattr(q, "parameters", ())),
                "run": f"{site.sparql_path}?{urlencode({'query': q.text, 'lang': lang})}",
            }
        )
    return render(
        "query.html",
        here=translated("query.html", lang),
        lang=lang,
        **shell(store, site),
        title="SPARQL",
        queries=queries,
        base=site.base_iri,
        endpoint=site.sparql_path,
        terms=json_script(sparql_terms(store)),
    )
