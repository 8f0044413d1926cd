"""Everything people see that does not depend on the request, prepared once as files: the start
page, the lists (paged, filtered, with CSV), the search page and its index, the query page, the
ontology's page, a page of each kept source text (:mod:`sakrad_ld.web.kepttext`), the feeds, the sitemap and ``robots.txt``, the style sheet and scripts — in every
language.

The sitemap lists every page of the site, the resource pages too (which are written elsewhere: by
the export, or made by the server on request), so both hosts publish the same sitemap.

The static export writes these files beside the resource pages; the server prepares them once and
answers them from memory (:mod:`sakrad_ld.web.served`), so the start page and every list cost a
lookup whatever the size of the data.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from importlib import resources

import pyoxigraph as ox

from .feeds import feed_files, sitemap
from .kepttext import kept_text_pages
from .listfiles import list_files
from .lists import read_lists
from .listtables import list_title
from .pages import Site, not_found_page, ontology_page, shell, start_page
from .paths import LANGUAGES, translated
from .render import render
from .searchindex import search_entries, search_index_js, search_index_json
from .sitepages import site_pages

__all__ = ["ASSETS", "ROBOTS", "resource_pages", "robots_txt", "site_files"]

#: The file that tells crawlers where the sitemap is (and, beside an endpoint, not to run queries).
ROBOTS = "robots.txt"

#: The package's assets the pages load, by file path on the site.
ASSETS = {
    "assets/style.css": ("style.css",),
    "assets/js/search.js": ("js", "search.js"),
    "assets/js/query.js": ("js", "query.js"),
    "assets/js/sort.js": ("js", "sort.js"),
    "assets/js/page.js": ("js", "page.js"),
    # the query editor (YASGUI, built, with its licences: assets/yasgui/README.md)
    **{
        f"assets/yasgui/{name}": ("yasgui", name)
        for name in ("yasgui.min.js", "yasgui.min.css", "THIRD-PARTY-LICENSES.txt")
    },
    "assets/yasgui/LICENSE.txt": ("yasgui", "LICENSE"),
}


def _asset(*parts: str) -> bytes:
    return resources.files("sakrad_ld").joinpath("assets", *parts).read_bytes()


def resource_pages(store: ox.Store, base: str, files: Iterable[str] = (), graph_path: str | None = None) -> list[str]:
    """The file paths of every resource's page in every language (``doc/meeting/x.html``,
    ``en/doc/meeting/x.html``, ``role.html``, ``dataset.html``, ``dataset/distribution/turtle.html`` …),
    from the list the static export writes them from (:func:`sakrad_ld.web.sitepages.site_pages`;
    ``files``: the release's files, ``graph_path``: its graph's path): the pages the sitemap lists
    besides the prepared ones."""
    return site_pages(store, base, files, graph_path).files()


def robots_txt(site: Site) -> bytes:
    """``robots.txt``: every page may be crawled, the sitemap is at ``{base}sitemap.xml``; beside an
    endpoint, ``/sparql`` is not to be crawled (the saved queries' "Run" links are plain GET links,
    each a query to run)."""
    rule = f"Disallow: /{site.sparql_path}" if site.sparql_path else "Disallow:"
    return f"User-agent: *\n{rule}\n\nSitemap: {site.base_iri}sitemap.xml\n".encode()


def site_files(
    store: ox.Store, site: Site, previous: ox.Store | None = None, pages: Iterable[str] | None = None
) -> Iterator[tuple[str, bytes]]:
    """(file path, bytes) of every prepared file; ``previous`` is the store of the previous release,
    for the feeds; ``pages`` the resources' pages (:func:`resource_pages`) where the caller has them."""
    labels = site.labels(store)
    lists = read_lists(store, site.base_iri, labels)
    written: list[str] = []

    def out(path: str, data: bytes) -> tuple[str, bytes]:
        written.append(path)
        return path, data

    for lang in LANGUAGES:
        yield out(translated("index.html", lang), start_page(store, site, lang, summary=lists).encode())
        yield out(translated("ontology.html", lang), ontology_page(store, site, lang).encode())
        yield out(
            translated("search.html", lang),
            render(
                "search.html",
                here=translated("search.html", lang),
                lang=lang,
                **shell(store, site),
                title="Sök" if lang == "sv" else "Search",
            ).encode(),
        )
        if site.sparql_path:
            from .querypage import query_page

            yield out(translated("query.html", lang), query_page(store, site, lang).encode())

        def page(template: str, file: str, _lang: str = lang, **context: object) -> str:
            title = context.get("filter") or template
            return render(
                template, here=file, lang=_lang, **shell(store, site), title=_title(title, context, _lang), **context
            )

        for path, data in list_files(lists, page, lang):
            yield out(path, data)
    for lang in LANGUAGES:
        yield out(translated("404.html", lang), not_found_page("", site, lang, anywhere=True).encode())
    for path, data in kept_text_pages(store, site):
        yield out(path, data)
    entries = search_entries(store, lists, labels)
    yield out("search-index.json", search_index_json(entries))
    yield out("search-index.js", search_index_js(entries))
    for path, parts in ASSETS.items():
        if site.sparql_path or not path.startswith("assets/yasgui/"):  # the editor only beside an endpoint
            yield out(path, _asset(*parts))
    for path, data in feed_files(store, site.base_iri, lists, previous, labels):
        yield out(path, data)
    yield ROBOTS, robots_txt(site)
    if pages is None:
        pages = resource_pages(store, site.base_iri, site.download_names, site.graph_path)
    yield "sitemap.xml", sitemap(store, site.base_iri, [*written, *pages])


def _title(what: object, context: dict[str, object], lang: str) -> str:
    from .render import messages

    text = messages(lang)
    if isinstance(what, tuple):  # a filtered list of sakråd: (facet, key, label)
        return list_title("meetings_heading", what[0], what[2], what[1])[0 if lang == "sv" else 1]
    if what == "meetings.html":
        return text["meetings_heading"]
    return text[f"list_{context['kind']}"]
