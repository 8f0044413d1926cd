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

from urllib.parse import urlencode

import pyoxigraph as ox

from .completions import sparql_terms
from .pages import Site, json_script, shell
from .paths import translated
from .render import render

__all__ = ["query_page"]


def query_page(store: ox.Store, site: Site, lang: str = "sv") -> str:
    queries = []
    for q in site.queries:
        title = getattr(q, "title_sv", "") if lang == "sv" else ""
        description = getattr(q, "description_sv", "") if lang == "sv" else ""
        queries.append(
            {
                "name": q.name,
                "title": title or q.title,
                "description": description or q.description,
                "text": q.text,
                "parameters": list(getattr(q, "parameters", ())),
                "run": f"{site.sparql_path}?{urlencode({'query': q.text})}",
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
