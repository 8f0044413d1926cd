"""The query page: a SPARQL editor with the saved queries, each with a field for every parameter.

The editor is YASGUI's Yasqe (``assets/yasgui/``, shipped built with its licence): syntax
highlighting, and completion of the classes and properties of this release
(:func:`sakrad_ld.web.completions.sparql_terms`, put in the page as JSON). Without JavaScript the
query box is a plain text area. Running a query opens the endpoint's answer page, where names
link to pages (:mod:`sakrad_ld.web.results`).

The page runs in the browser against the site's SPARQL endpoint (``Site.sparql_path``); a saved
query's parameters are bound as the CLI binds them (a trailing ``VALUES`` clause, an id standing
for the IRI of that kind of thing: :func:`sakrad_ld.sparql.query.bind`), a value that is neither
refused beside its field unless it is the name of one thing of that kind in the site's search index
(``assets/js/query.js``). A description shared with the command line says its ``--param`` as the
page's field (:func:`for_the_web`).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

import pyoxigraph as ox

from .completions import sparql_terms
from .messages import messages
from .pages import Site, json_script, shell
from .paths import translated
from .render import render

__all__ = ["description_parts", "for_the_web", "query_page", "query_texts"]

#: a name of the data, not a word of the page's language: a result column or term in camelCase
#: (derivedDate, atLeast) or a prefixed name (owl:sameAs, sakrad:derivedDate), not a genitive ("FN:s")
_TERM = re.compile(r"(?<![\w:/.-])(?:[A-Za-z][\w-]*:(?!s\b)[A-Za-z_][\w-]*|[a-z]+[A-Z][A-Za-z0-9]*)(?![\w:/-])")


def description_parts(text: str) -> list[tuple[str, bool]]:
    """A saved query's description cut into runs of words and the names of the data it mentions
    (result columns, terms), each ``(text, is_name)``: the pages set the names as code, so that
    a Swedish or English sentence never reads a bare column or property name as one of its words."""
    parts: list[tuple[str, bool]] = []
    at = 0
    for m in _TERM.finditer(text):
        if m.start() > at:
            parts.append((text[at : m.start()], False))
        parts.append((m.group(0), True))
        at = m.end()
    if at < len(text):
        parts.append((text[at:], False))
    return parts


#: The command line's way to give a parameter, as a saved query's description (shared with ``sakrad-ld
#: queries``) says it: "with --param org=radda-barnen".
_CLI_PARAM = re.compile(r"(?:\b(?:with|using|by|med|genom)\s+)?--param[= ]'?(?P<name>\w+)=(?P<value>[^\s'),;]+)'?")


def for_the_web(description: str, lang: str, fields: str | None) -> str:
    """A saved query's ``description`` (in ``lang``) for a web page: the command line's
    ``--param org=radda-barnen`` said as the page's field for ``?org`` (``fields`` "here": below it
    on the query page; "elsewhere": the query page's), which a web reader has instead. On a site with
    no query page (``fields`` None: a static export without SPARQL) the command line is the way, and
    the description is left as it is."""
    if fields is None:
        return description
    said = messages(lang)["query_param_field" if fields == "here" else "query_param_field_elsewhere"]
    return _CLI_PARAM.sub(lambda m: said.format(name=m["name"], value=m["value"]), description)


def query_texts(q: Any, lang: str, fields: str | None) -> dict[str, Any]:
    """A saved query's title and description in the page's language: on a Swedish page its
    ``title_sv``/``description_sv``, falling back to the English one, whose language is then given
    (``title_lang``/``description_lang`` "en", for a ``lang`` attribute; "" when it is the page's).
    The start page and the query page show the queries through this, the description as
    ``description_parts`` (:func:`description_parts`), the command line's ``--param`` said as the
    query page's fields where the site has one (:func:`for_the_web`: ``fields``)."""
    texts: dict[str, str] = {}
    for key in ("title", "description"):
        own = (getattr(q, f"{key}_sv", "") or "") if lang == "sv" else ""
        texts[key] = own or getattr(q, key, "")
        texts[f"{key}_lang"] = "" if own or lang == "en" or not texts[key] else "en"
    texts["description"] = for_the_web(texts["description"], texts["description_lang"] or lang, fields)
    texts["description_parts"] = description_parts(texts["description"])
    return texts


def query_page(store: ox.Store, site: Site, lang: str = "sv") -> str:
    queries = []
    for q in site.queries:
        queries.append(
            {
                "name": q.name,
                **query_texts(q, lang, "here"),
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
