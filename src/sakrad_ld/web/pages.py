"""The HTML pages a person reads: the start page, a page per resource, the ontology, "not found".

Each page is a function of the store, the :class:`Site` and a language (Swedish, the default, or
English), with no state and nothing at import time, so the server renders a page per request and
the static export writes the same pages to files. The HTML comes from the templates
(:mod:`sakrad_ld.web.render`); links are relative to the page's own file
(:mod:`sakrad_ld.web.paths`); links out of the site are marked.

Files a page links to, which whoever serves the pages must answer (``en/…`` the English pages)::

    index.html  doc/{kind}/{id}.html  doc/{kind}/{id}.{ttl,jsonld,nt,rdf}  role.html  role/{x}.html
    ontology.html  lists/…  search.html  feeds/…  assets/…  (sakrad_ld.web.sitefiles)
    {Site.download_path}{file}      every file of the release (Site.downloads)
    {Site.sparql_path}?query=…      the SPARQL endpoint (no links to it when sparql_path is None)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlencode, urlsplit

import pyoxigraph as ox
from markupsafe import Markup

from ..documents import version_of
from ..formats import FORMATS
from ..triples import RDF_TYPE
from ..vocab import DCAT, DCTERMS, M8G, ONTOLOGY_IRI, ORG, SAKRAD, SCHEMA
from . import diagrams, schemaorg
from .documents import document_path
from .labels import Labeller, Text, objects, value
from .lists import MARKS, marks
from .meeting import meeting_facts
from .meetingpage import meeting_view
from .ontologypage import ontology_view
from .paths import language_of, page_file, relative, translated
from .provenance import Provenance
from .render import messages, render
from .resourceview import Participation, Value, View
from .sitepages import not_found_base

__all__ = [
    "Citations",
    "Site",
    "dataset_node",
    "gone_page",
    "not_found_page",
    "ontology_page",
    "resource_page",
    "resource_pages_in",
    "start_page",
]

T = TypeVar("T")


@dataclass(frozen=True)
class Site:
    """What pages need to know about the site besides the data.

    ``downloads`` are the release's files as (path in the release, media type, bytes), linked at
    ``download_path`` + path; ``queries`` the saved queries (objects with ``name``, ``title``,
    ``description`` and ``text``); ``sparql_path`` the SPARQL endpoint (None: a site without one,
    such as the static export). Paths are from the site's root (a leading ``/`` is dropped: links
    are relative). ``release`` is the release folder, whose pre-drawn pictures (``diagrams/``) the
    pages put inline; without it they are drawn from the store. ``limit`` caps every list on a page.
    ``graph`` is the IRI of the release's graph (``{base}graph/1.0.0``), which has no page.
    """

    base_iri: str
    downloads: list[tuple[str, str, int]] = field(default_factory=list)
    queries: Sequence[Any] = field(default_factory=list)
    sparql_path: str | None = "sparql"
    download_path: str = "download/"
    release: Path | None = None
    limit: int = 100
    graph: str | None = None

    def __post_init__(self) -> None:
        if self.sparql_path is not None:
            object.__setattr__(self, "sparql_path", self.sparql_path.lstrip("/"))
        object.__setattr__(self, "download_path", self.download_path.lstrip("/"))

    def labels(self, store: ox.Store) -> Labeller:
        """The one :class:`Labeller` of ``store`` for this site's pages: what it reads of the whole
        store (the documents of the same title and what tells them apart) is read once for every
        page, not once per page (:meth:`shared`)."""
        return self.shared(store, "labels", lambda: Labeller(store))

    def citations(self, store: ox.Store) -> Citations:
        """The sakråd citing each source (:class:`Citations`) in ``store``: for a store read once
        per site (:meth:`shared`), found in one pass over its every ``dct:source``, not one per page."""
        return self.shared(store, "citations", lambda: Citations(store, self.base_iri, whole=_read_once(store)))

    def shared(self, store: ox.Store, name: str, make: Callable[[], T]) -> T:
        """What ``make`` reads of the whole ``store``, under ``name``: made once for every page of
        this site, not once per page. A release's embedded store (``pyoxigraph.Store``, or the
        release's graph of one: :class:`sakrad_ld.sparql.store.ReleaseStore`, as the export and the
        server open it) is never changed once opened; another store gets its own, and an external
        one (``serve --store``), which may be changed under the server, a new one for every page."""
        if not _read_once(store):
            return make()
        held = self.__dict__.setdefault("_shared", {})
        if name not in held or held[name][0] is not store:
            held[name] = (store, make())
        return held[name][1]

    @cached_property
    def download_names(self) -> frozenset[str]:
        return frozenset(name for name, _, _ in self.downloads)

    @cached_property
    def downloads_by_meeting(self) -> dict[str, list[tuple[str, str, int]]]:
        """The release's files (name, media type, size) by the id of the sakråd each is named for
        (:data:`_MEETING_STEMS`: ``meetings/{id}.ttl``, ``meeting-{id}.svg``), in name order: found in one
        pass, not by a scan of every file for each sakråd's page."""
        by_id: dict[str, list[tuple[str, str, int]]] = {}
        for name, media, size in sorted(self.downloads):
            stem, dot, _ = name.rpartition("/")[2].rpartition(".")
            if not dot:
                continue
            for key in dict.fromkeys(_meeting_ids(stem)):
                by_id.setdefault(key, []).append((name, media, size))
        return by_id

    @property
    def graph_path(self) -> str | None:
        """The path of the graph's IRI under the base (``/graph/1.0.0``); None without one there."""
        if self.graph is None or not self.graph.startswith(self.base_iri):
            return None
        return "/" + self.graph[len(self.base_iri) :]


def _read_once(store: object) -> bool:
    """Whether ``store`` is a release's embedded store, which no one changes once it is opened."""
    from ..sparql.store import ReleaseStore

    return isinstance(store, ox.Store | ReleaseStore)


DEFAULT_TITLE = Text("Sakråd med det civila samhället", "Consultations (sakråd) with civil society")
DEFAULT_DESCRIPTION = Text(
    "Regeringskansliets sakråd med det civila samhället som länkade öppna data: möten, ordförande, "
    "frågeställningar, deltagande organisationer och kontaktpersoner, med källa för varje uppgift.",
    "The Government Offices of Sweden's consultations (sakråd) with civil society as linked open data: "
    "meetings, chairs, questions, participating organisations and contacts, with a source for every fact.",
)


def view_of(store: ox.Store, site: Site) -> View:
    return View(
        store, site.base_iri, site.labels(store), site.sparql_path, site.limit, Provenance.of_release(site.release)
    )


def dataset_node(store: ox.Store) -> ox.NamedNode | None:
    found = sorted(
        (
            q.subject
            for q in store.quads_for_pattern(None, RDF_TYPE, DCAT.Dataset)
            if isinstance(q.subject, ox.NamedNode)
        ),
        key=str,
    )
    return found[0] if found else None


def shell(store: ox.Store, site: Site) -> dict[str, object]:
    """What every page's frame needs: the site and the data's licence."""
    licence = None
    if (dataset := dataset_node(store)) is not None:
        found = value(store, dataset, DCTERMS.license)
        licence = found.value if isinstance(found, ox.NamedNode) else None
    return {"site": site, "licence": licence}


def json_script(data: object) -> Markup | None:
    """JSON for a ``<script type="application/ld+json">``: ``<``, ``>`` and ``&`` escaped, so no
    text of the data can end the script element."""
    import json

    if not data:
        return None
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


# --- resource pages ------------------------------------------------------------------------------


def resource_page(store: ox.Store, iri: str, site: Site, lang: str = "sv") -> str | None:
    """The page of the document about ``iri``; None if the store holds nothing about it."""
    pages = resource_pages_in(store, iri, site, (lang,))
    return pages[0] if pages is not None else None


def resource_pages_in(store: ox.Store, iri: str, site: Site, langs: Sequence[str]) -> list[str] | None:
    """The page of the document about ``iri`` in each of ``langs``, in their order; None if the store
    holds nothing about it. What the page shows is read from the store once (:class:`_PageFacts`),
    then written in each language: the facts, labels and links of a page are the same in every
    language, only the words around them, the picture and the page's own links differ."""
    try:
        node = ox.NamedNode(iri)
    except ValueError:
        return None
    if (
        next(iter(store.quads_for_pattern(node, None, None)), None) is None
        and next(iter(store.quads_for_pattern(None, None, node)), None) is None
    ):
        return None
    if version_of(store, iri) == ONTOLOGY_IRI.value:  # the ontology at its version IRI (OWL 2 §3.2)
        return [ontology_page(store, site, lang, version=iri) for lang in langs]
    facts = _page_facts(store, node, site)
    return [_written(store, facts, site, lang) for lang in langs]


@dataclass(frozen=True)
class _PageFacts:
    """What a resource's page shows that is the same in every language, read once for all of them."""

    node: ox.NamedNode
    view: View
    doc: str | None
    own_title: bool
    label: Text
    meeting_facts: Any  # a sakråd's facts (web.meeting.MeetingFacts), for its picture; else None
    meeting: Any  # a sakråd's view (web.meetingpage.MeetingView) without its picture; else None
    context: dict[str, object]  # the template's values that do not depend on the language


def _page_facts(store: ox.Store, node: ox.NamedNode, site: Site) -> _PageFacts:
    iri = node.value
    view = view_of(store, site)
    doc = document_path(iri, site.base_iri)
    formats, alternates = [], []
    if doc and doc.startswith("/doc/"):
        formats = [(f.label, f"{doc[1:]}{f.suffix}") for f in FORMATS]
        alternates = [(f.media_type, f"{doc[1:]}{f.suffix}") for f in FORMATS]
    own = _parts(store, iri)
    is_meeting = SAKRAD.Sakrad in objects(store, node, RDF_TYPE)
    anchored: set[str] = set()  # parts whose #fragment the readable part of the page already holds
    facts = meeting = None
    own_title = False  # the sakråd's title is the data's own, no source's headline
    participations: tuple[list, int, str | None] = ([], 0, None)
    links: list[MeetingLink] = []  # a thing's links to sakråd other than its roles
    named: list[tuple[Value, MeetingLink]] = []  # the people a sakråd's sources name and it does not link
    if is_meeting:
        facts = meeting_facts(store, iri, view.labels)
        own_title = facts.title_derivation is not None
        anchored = {q.iri for q in facts.questions} | {m.participation for m in facts.organisations}
        meeting = meeting_view(view, facts, None, None, site.limit, view.provenance)  # its picture per language
        named = named_people(view, iri)
    else:
        participations = view.participations(node)
        links = meeting_links(view, node, site.base_iri, site.citations(store))
    parts = []
    for part in own:
        fragment = part.value[len(iri) + 1 :]
        parts.append(
            view.facts(part, heading=view.part_name(part.value), id="" if part.value in anchored else fragment)
        )
    label = view.labels.of(node)
    involved: list[tuple[Any, list[str]]] = []
    if doc is not None and doc.startswith("/doc/body/"):  # a ministry: the sakråd it is involved in, with how
        from .lists import ministry_meetings

        found = ministry_meetings(store, iri)
        involved = [
            (view.term(ox.NamedNode(m)), hows, value(store, ox.NamedNode(m), SAKRAD.titleDerivation) is not None)
            for m, hows in reversed(found)
        ]
    own_facts, incoming = view.facts(node), view.incoming(iri)
    shown = [v for table in (own_facts, *parts) for row in table.rows for v in row.values]
    shown += [v for group in incoming.groups for v in group.values]
    context = {
        **shell(store, site),
        "label": label,
        "iri": iri,
        "types": view.types(node),
        "implied_type": view.implied_type(node),
        "formats": formats,
        "alternates": alternates,
        "participations": participations[0],
        "meeting_links": links,
        "named_people": named,
        "marks_listed": bool(participations[0] or involved),
        "page_marks": _page_marks(participations[0], involved[: site.limit], shown),
        "participations_total": participations[1],
        "participations_query": participations[2],
        "ministry_meetings": involved[: site.limit],
        "ministry_meetings_total": len(involved),
        "registers": _registers(view, [node, *own]),
        "access": _source_access(view, node, site) if doc is not None and doc.startswith("/doc/source/") else None,
        "own": own_facts,
        "parts": parts,
        "incoming": incoming,
    }
    return _PageFacts(node, view, doc, own_title, label, facts, meeting, context)


def _written(store: ox.Store, page: _PageFacts, site: Site, lang: str) -> str:
    """The page of ``page``'s facts in ``lang``: its words, its picture and its own links."""
    iri, doc, view = page.node.value, page.doc, page.view
    here = translated((page_file(iri, site.base_iri) or "404.html").split("#")[0], lang)
    meeting = None
    release_files: list[dict[str, object]] = []  # a sakråd's own files of the release
    if page.meeting is not None:
        facts = page.meeting_facts
        name = diagrams.meeting_file(iri, lang)
        svg = _picture(
            site, name, lambda: diagrams.meeting_svg(store, iri, site.base_iri, facts, lang, view.labels), here
        )
        download = site.download_path + name if name in site.download_names else None
        meeting = replace(page.meeting, svg=svg, svg_download=download)
        release_files = meeting_files(site, iri, lang)
    is_org = doc is not None and doc.startswith("/doc/organisation/")
    context = page.context
    return render(
        "resource.html",
        here=here,
        lang=lang,
        **context,
        title=_page_title(page.label, lang, page.own_title),
        title_lang=_title_lang(page.label, lang, page.own_title),
        release_files=release_files,
        file_words=FILE_WORDS[lang],
        meeting=meeting,
        feed=translated(f"feeds/{doc[len('/doc/') :]}.atom", lang)
        if is_org and context["participations_total"]
        else None,
        meetings_list=translated(f"lists/meetings/{doc[len('/doc/') :]}.html", lang) if is_org else None,
        ministry_list=translated(f"lists/meetings/ministry/{doc.rsplit('/', 1)[1]}.html", lang)
        if context["ministry_meetings"]
        else None,
        jsonld=json_script(schemaorg.about(store, iri, site.base_iri, lang, view.labels)),
    )


def _page_marks(
    participations: list[Participation], involved: list[tuple[Any, list[str], bool]], shown: list[Value]
) -> list[str]:
    """The marks beside the sakråd a thing's page lists (its roles; a ministry's sakråd, whose titles
    the data made are marked; any sakråd its facts and links show), which the page explains below
    them (lists.marks)."""
    found = set().union(*(p.marks for p in participations))
    if any(own for _, _, own in involved) or any(v.title_own for v in shown):
        found.add("title_own")
    return [key for key in MARKS if key in found]


#: How a release file is named for one sakråd, ``{id}`` its id: ``meetings/{id}.ttl``,
#: ``meetings/{id}.jsonld`` (its document), ``diagrams/meeting-{id}.svg`` (its picture).
_MEETING_STEMS = ("{id}", "meeting-{id}")


def _meeting_ids(stem: str) -> Iterator[str]:
    """The sakråd ids a file's ``stem`` may be named for, one per shape of :data:`_MEETING_STEMS`."""
    for shape in _MEETING_STEMS:
        head = shape.removesuffix("{id}")
        if stem.startswith(head) and len(stem) > len(head):
            yield stem[len(head) :]


def _meeting_pattern(name: str, ids: frozenset[str]) -> str | None:
    """The name of a release file with the sakråd's id as ``{id}`` (``meetings/{id}.ttl``) when the
    file is named for one of the sakråd ``ids``; None for another file."""
    folder, _, file = name.rpartition("/")
    stem, dot, suffix = file.rpartition(".")
    if not dot:
        return None
    for shape in _MEETING_STEMS:
        head = shape.removesuffix("{id}")
        if stem.startswith(head) and stem[len(head) :] in ids:
            return f"{folder}/{shape}.{suffix}" if folder else f"{shape}.{suffix}"
    return None


#: The words of a sakråd's files on its page and of a folder of one file per sakråd on the start page.
FILE_WORDS = {
    "sv": {
        "heading": "Sakrådets filer i nedladdningarna",
        "bytes": "byte",
        "one_per_meeting": "en per sakråd",
        "id_pattern": "{id} är sakrådets id, som i adressen till dess sida, där filerna är länkade",
    },
    "en": {
        "heading": "The sakråd's files in the downloads",
        "bytes": "bytes",
        "one_per_meeting": "one per sakråd",
        "id_pattern": "{id} is the sakråd's id, as in the address of its page, which links its files",
    },
}


def meeting_files(site: Site, iri: str, lang: str) -> list[dict[str, object]]:
    """The release's files of the sakråd ``iri`` (its document ``meetings/{id}.ttl``, ``.jsonld``, its
    picture in the page's language), each with its link, media type and size, for its page."""
    picture = diagrams.meeting_file(iri, lang)
    return [
        {"href": site.download_path + name, "name": name, "media": media, "size": size}
        for name, media, size in site.downloads_by_meeting.get(iri.rstrip("/").rsplit("/", 1)[-1], ())
        if not name.startswith("diagrams/") or name == picture
    ]


def _parts(store: ox.Store, iri: str) -> list[ox.NamedNode]:
    """The resources whose IRIs extend ``iri`` and that it links to (questions, participations …)."""
    from .describe import own_resources

    own = [r for r in own_resources(store, iri) if isinstance(r, ox.NamedNode) and r.value != iri]
    return sorted(own, key=lambda r: _natural(r.value))


def _natural(iri: str) -> list[tuple[int, int | str]]:
    """``…/question/2`` before ``…/question/10``."""
    return [(0, int(s)) if s.isdigit() else (1, s) for s in iri.split("/")]


def _registers(view: View, nodes: list[ox.NamedNode]) -> list[tuple[Value, str]]:
    """Links out to registers and websites: every IRI outside the site these resources point to
    that is not a vocabulary term, with the property that links it."""
    from ..vocab import PREFIXES

    vocabularies = tuple(PREFIXES.values())
    found: dict[str, ox.NamedNode] = {}
    for node in nodes:
        for quad in view.store.quads_for_pattern(node, None, None):
            o = quad.object
            if quad.predicate in (RDF_TYPE, M8G.role, SCHEMA.archivedAt):  # a kept copy: "Reading the source"
                continue
            if isinstance(o, ox.Literal) and o.datatype.value.endswith("#anyURI"):
                o = ox.NamedNode(o.value) if o.value.startswith(("http://", "https://")) else o
            if (
                isinstance(o, ox.NamedNode)
                and view.href(o.value) is None
                and not o.value.startswith(vocabularies)
                and o.value.startswith(("http://", "https://"))
            ):
                found.setdefault(o.value, quad.predicate)
    return [(view.predicate(p), iri) for iri, p in sorted(found.items())]


#: A link of a picture to a page: an address under the data's base (``{base}doc/…``, ``{base}en/doc/…``,
#: :func:`sakrad_ld.web.diagrams.page_address`), or a path from the server's root (``/doc/…``) as
#: releases before absolute addresses drew them; ``{}`` is the base, escaped.
_SITE_LINK = r'(href)="(?:/|{}(?:en/)?)(doc/[^"#]+|role(?:/[^"#]+)?|ontology)(#[^"]*)?"'


def _title_lang(label: Text, lang: str, own: bool) -> str | None:
    """The language of the page's ``<title>`` where it is not the page's: a Swedish name on an English
    page (no English in the data). The element holds plain text of one language, so a title with the
    page's own words beside it (the mark of a title that is the data's own) keeps the page's language
    (the name is marked ``lang="sv"`` in the page's heading)."""
    if own or (lang == "en" and label.en):
        return None
    return label.lang or None  # "" for a code or a number: no language


def _page_title(label: Text, lang: str, own: bool) -> str:
    """The page's ``<title>``: the thing's name, marked as the data's own where no source heads a
    sakråd so (``own``), as the feed marks it: a browser tab, a bookmark or a citation tool takes
    the ``<title>`` for the event's headline."""
    title = label.en if lang == "en" and label.en else label.main
    return f"{title} ({messages(lang)['title_own_mark']})" if own else title


def _source_access(view: View, node: ox.NamedNode, site: Site) -> dict[str, object]:
    """How a reader gets at a source document to check a fact: whether it has a web address, the
    copies of its text published with the release (``schema:archivedAt``, linked to the download
    when the site has the file, and to its page when it is a text to read) and who published it, to ask."""
    from .kepttext import kept_pages

    store = view.store
    readable = kept_pages(site)
    kept = []
    for copy in sorted(objects(store, node, SCHEMA.archivedAt), key=str):
        if not isinstance(copy, ox.NamedNode):
            continue
        name = next((n for n in sorted(site.download_names) if copy.value.endswith("/" + n)), None)
        kept.append(
            {
                "href": site.download_path + name if name else None,
                "name": name,
                "url": copy.value,
                "page": readable.get(name or ""),  # the text as a page (sakrad_ld.web.kepttext)
            }
        )
    publisher = value(store, node, DCTERMS.publisher)
    return {
        "addressed": value(store, node, SCHEMA.url) is not None,
        "kept": kept,
        "publisher": view.term(publisher) if isinstance(publisher, ox.NamedNode) else None,
    }


def _picture(site: Site, name: str, draw: Any, here: str) -> Markup:
    """The pre-drawn picture from the release when there is one, else drawn now (the same function),
    with its links to pages (absolute addresses, for the downloaded file) made relative to the page
    it is put in, so that the pages work under any path and from ``file://``. The SVG is the package's own
    drawing (:mod:`sakrad_ld.web.diagrams`), which escapes every text it holds."""
    if site.release is not None and (site.release / name).is_file():
        svg = (site.release / name).read_text(encoding="utf-8")
    else:
        svg = draw()
    svg = svg.split("?>", 1)[1].lstrip() if svg.startswith("<?xml") else svg

    def relink(match: re.Match[str]) -> str:
        page = translated(match[2] + ".html", language_of(here))  # the page in the page's language
        return f'{match[1]}="{relative(here, page + (match[3] or ""))}"'

    return Markup(re.sub(_SITE_LINK.format(re.escape(site.base_iri)), relink, svg))


# --- the start page ------------------------------------------------------------------------------

#: A folder of the release with more files than this is one row of the downloads table.
_FOLDER_ROWS = 12


#: Folders of the release whose files are each named on the start page, however many: the tables,
#: each with what it holds (a reader looking for "every participation as a spreadsheet" finds it).
_NAMED_FOLDERS = ("tables/",)


def _table_titles() -> dict[str, Text]:
    """``tables/x.csv`` → what the table holds (its title in Swedish and English)."""
    from ..tables.definitions import TABLES

    return {f"tables/{t.name}.csv": Text(t.title_sv, t.title_en) for t in TABLES}


def downloads(site: Site, meeting_ids: frozenset[str] = frozenset()) -> list[dict[str, object]]:
    """The release's files; a folder of many files (one per sakråd) as one row with its count and
    how its files are named for each sakråd (``download/meetings/{id}.ttl``; ``meeting_ids``: the
    sakråd's ids), its other files each linked; but the tables, each named with what it holds."""
    about = _table_titles()
    folders: dict[str, list[tuple[str, str, int]]] = {}
    for item in site.downloads:
        folder = item[0].split("/", 1)[0] + "/" if "/" in item[0] else ""
        folders.setdefault(folder, []).append(item)
    rows: list[dict[str, object]] = []
    for folder in sorted(folders):
        files = folders[folder]
        if folder and len(files) > _FOLDER_ROWS and folder not in _NAMED_FOLDERS:
            patterns = {name: _meeting_pattern(name, meeting_ids) for name, _, _ in files}
            example = next((name for name, _, _ in files if patterns[name]), files[0][0])
            rows.append(
                {
                    "folder": folder,
                    "count": len(files),
                    "href": site.download_path + example,
                    "name": example,
                    "media": ", ".join(sorted({m for _, m, _ in files})),
                    "size": sum(n for _, _, n in files),
                    "patterns": sorted({site.download_path + p for p in patterns.values() if p}),
                    "others": [
                        {"href": site.download_path + name, "name": name} for name, _, _ in files if not patterns[name]
                    ]
                    if len([p for p in patterns.values() if not p]) <= _FOLDER_ROWS
                    else [],
                }
            )
            continue
        rows.extend(
            {
                "folder": None,
                "href": site.download_path + name,
                "name": name,
                "media": media,
                "size": size,
                "about": about.get(name),
            }
            for name, media, size in files
        )
    return rows


def start_page(store: ox.Store, site: Site, lang: str = "sv", *, summary: Any = None) -> str:
    """What the dataset is, its newest sakråd, a chart of who took part when, lists, downloads, SPARQL.

    ``summary`` is the lists' data (:class:`sakrad_ld.web.lists.Lists`), read from the store if not given."""
    from .lists import read_lists

    view = view_of(store, site)
    lists = summary or read_lists(store, site.base_iri, view.labels)
    dataset = dataset_node(store)
    title = (view.labels.text(dataset, DCTERMS.title) if dataset else None) or DEFAULT_TITLE
    description = (view.labels.text(dataset, DCTERMS.description) if dataset else None) or DEFAULT_DESCRIPTION
    here = translated("index.html", lang)
    chart_file = diagrams.chart_file(lang)
    chart = _picture(site, chart_file, lambda: diagrams.participation_chart_svg(store, site.base_iri, lang=lang), here)
    from .querypage import query_texts

    queries = [
        {
            "name": q.name,
            **query_texts(q, lang, "elsewhere" if site.sparql_path else None),
            "text": q.text,
            "run": f"{site.sparql_path}?{urlencode({'query': q.text, 'lang': lang})}" if site.sparql_path else None,
        }
        for q in site.queries
    ]
    return render(
        "start.html",
        here=here,
        lang=lang,
        **shell(store, site),
        title=(title.en if lang == "en" and title.en else title.main),
        heading=title,
        description=description,
        lists=lists,
        newest=lists.meetings[:10],
        newest_marks=marks(lists.meetings[:10]),
        chart=chart,
        chart_download=site.download_path + chart_file if chart_file in site.download_names else None,
        downloads=downloads(site, frozenset(row.ref.id for row in lists.meetings)),
        file_words=FILE_WORDS[lang],
        queries=queries,
        jsonld=json_script(schemaorg.dataset(store, site.base_iri, lists)),
    )


# --- the ontology and "not found" ----------------------------------------------------------------


def ontology_page(store: ox.Store, site: Site, lang: str = "sv", version: str | None = None) -> str:
    """The ontology's documentation: every class and property with its labels, definition and the
    standard terms it relates to, each at ``ontology.html#Term``. With ``version``, its version IRI
    (``{base}ontology/1.2.0``): the same documentation as that IRI's page (``ontology/1.2.0.html``),
    which says it is that version's."""
    view = view_of(store, site)
    data = ontology_view(view)
    title = data.pop("title")
    here = page_file(version, site.base_iri) if version is not None else None
    return render(
        "ontology.html",
        here=translated(here or "ontology.html", lang),
        lang=lang,
        **shell(store, site),
        title=(title.en if lang == "en" and title.en else title.main),
        version=version,
        **data,
    )


def not_found_page(iri: str, site: Site, lang: str = "sv", *, anywhere: bool = False) -> str:
    """A helpful page for an IRI the data does not know (without a store: it must never fail).
    The server answers it at any address of its own, so its links are from the root (``/index.html``).
    ``anywhere``: the export's ``404.html`` and ``en/404.html``, which a static host answers at any
    address at any depth below whatever folder the site is served from: its links are relative to
    its own file, as opened from disk or at its own address, and a script puts them below the site's
    folder wherever it is answered (:func:`sakrad_ld.web.sitepages.not_found_base`)."""
    here = translated("404.html", lang)
    return render(
        "not_found.html",
        here=here,
        lang=lang,
        site=site,
        licence=None,
        absolute=not anywhere,
        title="Hittades inte" if lang == "sv" else "Not found",
        iri=iri,
        base=site.base_iri,
        base_script=Markup(not_found_base(here, urlsplit(site.base_iri).path or "/")) if anywhere else None,
    )


def gone_page(item: Mapping[str, Any], site: Site, lang: str = "sv") -> str:
    """The page of a withdrawn IRI's 410 Gone (``item``: its entry in the release's ``withdrawn.json``)
    in ``lang``: what, since which release, why, and what replaces it (a link to its page). The
    server and the static export answer it at every address of the IRI (``/id/…``, ``/doc/…`` in each
    format, below ``/en/`` the English one), so its links are relative to the page's own path (the
    thing's page that was, ``doc/{kind}/{id}….html``) and made relative to the site's folder by a
    script wherever it is answered (:func:`sakrad_ld.web.sitepages.not_found_base`): the same bytes
    from the server and from a static host (so its menu names no SPARQL endpoint, which a static host
    has not)."""
    base = site.base_iri
    here = translated(f"doc/{item['path'][len('/id/') :]}.html", lang)
    replaced = item.get("replacedBy") or ""
    instead = page_file(replaced, base) if replaced.startswith(base) else None
    return render(
        "gone.html",
        here=here,
        lang=lang,
        site=replace(site, sparql_path=None),
        licence=None,
        title=("Återkallad: " if lang == "sv" else "Withdrawn: ") + item["iri"],
        iri=item["iri"],
        version=item["version"],
        why=item["why"][lang],
        instead=instead,
        instead_iri=replaced,
        base_script=Markup(not_found_base(here, urlsplit(base).path or "/")),
    )


@dataclass(frozen=True)
class MeetingLink:
    """How a thing that has no role in a sakråd is linked to it, for its page to say in words: its
    contact point (``how`` "contact"), or named in the sakråd's source as a post's holder ("named",
    ``post`` the post, ``on`` the day the source attests it); ``sources`` the documents that say so."""

    meeting: Value
    how: str
    sources: list[Value]
    post: Value | None = None
    on: str | None = None


def _meeting_of(iri: str, base: str) -> str | None:
    """The sakråd ``iri`` is (or is a part of: ``{base}id/meeting/{id}/…``), else None."""
    prefix = base + "id/meeting/"
    return prefix + iri[len(prefix) :].split("/", 1)[0] if iri.startswith(prefix) else None


def _meetings_citing(store: ox.Store, source: ox.NamedNode, base: str) -> list[str]:
    """The sakråd whose own statements (theirs or their parts') name ``source`` as their source."""
    found = {_meeting_of(q.subject.value, base) for q in store.quads_for_pattern(None, DCTERMS.source, source)}
    return sorted(m for m in found if m)


class Citations:
    """The sakråd whose own statements (theirs or their parts') name a source as their source
    (``dct:source``), by source. ``whole``: every source's, read in one pass over the store's
    ``dct:source`` statements the first time one is asked for (a source most sakråd cite costs one
    reading, not one per page that names it); else each source's asked of the store when needed."""

    def __init__(self, store: ox.Store, base: str, whole: bool = True) -> None:
        self.store, self.base, self.whole = store, base, whole
        self._by_source: dict[str, list[str]] | None = None

    def of(self, source: ox.NamedNode) -> list[str]:
        """The sakråd citing ``source``, in IRI order."""
        if not self.whole:
            return _meetings_citing(self.store, source, self.base)
        if self._by_source is None:
            self._by_source = self._read()
        return self._by_source.get(source.value, [])

    def _read(self) -> dict[str, list[str]]:
        """Every source's citing sakråd, from one pass over the store's ``dct:source`` statements."""
        found: dict[str, set[str]] = {}
        for q in self.store.quads_for_pattern(None, DCTERMS.source, None):
            meeting = _meeting_of(q.subject.value, self.base) if isinstance(q.subject, ox.NamedNode) else None
            if meeting and isinstance(q.object, ox.NamedNode):
                found.setdefault(q.object.value, set()).add(meeting)
        return {iri: sorted(meetings) for iri, meetings in found.items()}


def meeting_links(view: View, node: ox.NamedNode, base: str, citations: Citations | None = None) -> list[MeetingLink]:
    """The sakråd a person (or any thing) is linked to other than by a role: the sakråd of a contact
    point it is (``m8g:contactPoint``), and the sakråd whose source names it holding a post
    (``sakrad:heldPost``, with the holding's ``dct:source``). Its roles are the page's list of roles.
    ``citations``: the site's (:meth:`Site.citations`), else read for this thing's sources alone."""
    store, out = view.store, []
    citing = (citations or Citations(store, base, whole=False)).of
    for point in objects(store, node, M8G.contactPoint):
        meeting = _meeting_of(point.value, base) if isinstance(point, ox.NamedNode) else None
        if meeting:
            said = objects(store, point, DCTERMS.source) + objects(store, node, DCTERMS.source)
            cited = {s.value for s in said if isinstance(s, ox.NamedNode) and meeting in citing(s)}
            out.append(MeetingLink(view.resource(meeting), "contact", [view.resource(s) for s in sorted(cited)]))
    for holding in objects(store, node, SAKRAD.heldPost):
        post = value(store, holding, SAKRAD.post)
        on = value(store, holding, SAKRAD.attestedOn)
        for source in objects(store, holding, DCTERMS.source):
            if not isinstance(source, ox.NamedNode):
                continue
            for meeting in citing(source):
                out.append(
                    MeetingLink(
                        view.resource(meeting),
                        "named",
                        [view.resource(source.value)],
                        view.term(post) if isinstance(post, ox.NamedNode) else None,
                        on.value if isinstance(on, ox.Literal) else None,
                    )
                )
    return out


def _linked_to(store: ox.Store, person: ox.NamedNode, meeting: str, base: str) -> bool:
    """Whether the sakråd's own statements (its or its parts') link ``person``, or the person links them."""
    return any(
        _meeting_of(q.subject.value, base) == meeting for q in store.quads_for_pattern(None, None, person)
    ) or any(
        isinstance(q.object, ox.NamedNode) and _meeting_of(q.object.value, base) == meeting
        for q in store.quads_for_pattern(person, None, None)
    )


def named_people(view: View, meeting: str) -> list[tuple[Value, MeetingLink]]:
    """The people a sakråd's sources name as holding a post (a ``sakrad:PostHolding`` whose
    ``dct:source`` is one of the sakråd's sources) whom the sakråd's statements do not link, each with
    how the source names them: so that the sakråd's page links everyone its sources name."""
    store, base = view.store, view.base
    node = ox.NamedNode(meeting)
    sources = {
        s
        for n in (node, *_parts(store, meeting))
        for s in objects(store, n, DCTERMS.source)
        if isinstance(s, ox.NamedNode)
    }
    out: dict[tuple[str, str | None], tuple[Value, MeetingLink]] = {}
    for source in sorted(sources, key=str):
        for q in store.quads_for_pattern(None, DCTERMS.source, source):
            holding = q.subject
            post = value(store, holding, SAKRAD.post)
            if _meeting_of(holding.value, base) or not isinstance(post, ox.NamedNode):
                continue
            for person in objects(store, holding, ORG.member):
                if not isinstance(person, ox.NamedNode) or _linked_to(store, person, meeting, base):
                    continue
                on = value(store, holding, SAKRAD.attestedOn)
                link = MeetingLink(
                    view.resource(meeting),
                    "named",
                    [view.resource(source.value)],
                    view.term(post),
                    on.value if isinstance(on, ox.Literal) else None,
                )
                out.setdefault((person.value, post.value), (view.term(person), link))
    return list(out.values())
