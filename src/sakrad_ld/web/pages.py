"""The HTML pages a person reads: the start page, a page per resource, the ontology, "not found".

Each page is a function of the store and the :class:`Site` (no state, nothing at import time), so
the server renders a page per request and the static export writes the same pages to files.
Text is Swedish, with English beside it where the data has English. Links go to document paths
(:mod:`sakrad_ld.web.documents`); links out of the site are marked. No page loads anything else: the
style sheet is inline, the pictures are inline SVG, there is no script.

Paths a page links to, which whoever serves the pages must answer::

    /  /doc/{kind}/{id}  /doc/{kind}/{id}.{ttl,jsonld,nt,rdf}  /role  /role/{x}  /ontology
    {Site.download_path}{file}      every file of the release (Site.downloads)
    {Site.sparql_path}?query=…      the SPARQL endpoint (no links to it when sparql_path is None)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pyoxigraph as ox

from ..formats import FORMATS
from ..triples import RDF_TYPE, named
from ..vocab import DCAT, DCTERMS, FOAF, M8G, ORG, SAKRAD, SCHEMA
from . import diagrams
from .documents import ONTOLOGY_PATH, ROLE_PATH, document_path
from .labels import Labeller, Text, objects, value
from .markup import esc, external, internal, number, page, text
from .meeting import meeting_dates, meeting_facts
from .meetingpage import meeting_body
from .ontologypage import ontology_body
from .resourceview import View

__all__ = ["Site", "not_found_page", "ontology_page", "resource_page", "start_page"]



@dataclass(frozen=True)
class Site:
    """What pages need to know about the site besides the data.

    ``downloads`` are the release's files as (path in the release, media type, bytes), linked at
    ``download_path`` + path; ``queries`` the saved queries (objects with ``name``, ``title``,
    ``description`` and ``text``), shown as examples for the SPARQL form at ``sparql_path``
    (None: a site without an endpoint, such as the static export). ``release`` is the release
    folder, whose pre-drawn pictures (``diagrams/``) the pages put inline; without it they are
    drawn from the store. ``limit`` caps every list on a page.
    """

    base_iri: str
    downloads: list[tuple[str, str, int]] = field(default_factory=list)
    queries: Sequence[Any] = field(default_factory=list)
    sparql_path: str | None = "/sparql"
    download_path: str = "/download/"
    release: Path | None = None
    limit: int = 100

    @cached_property
    def download_names(self) -> frozenset[str]:
        return frozenset(name for name, _, _ in self.downloads)


_DEFAULT_TITLE = Text("Sakråd med det civila samhället", "Consultations (sakråd) with civil society")
_DEFAULT_DESCRIPTION = Text(
    "Regeringskansliets sakråd med det civila samhället som länkade öppna data: möten, ordförande, "
    "frågeställningar, deltagande organisationer och kontaktpersoner, med källa för varje uppgift.",
    "The Government Offices of Sweden's consultations (sakråd) with civil society as linked open data.")


def _view(store: ox.Store, site: Site) -> View:
    return View(store, site.base_iri, Labeller(store), site.sparql_path, site.limit)


def _dataset(store: ox.Store) -> ox.NamedNode | None:
    found = sorted((q.subject for q in store.quads_for_pattern(None, RDF_TYPE, named(DCAT.Dataset))
                    if isinstance(q.subject, ox.NamedNode)), key=str)
    return found[0] if found else None


def _shell(store: ox.Store, site: Site, title: str, body: str, alternates: str = "") -> str:
    nav = [("/", "Sakråd som länkade data"), ("/#meetings", "Sakråd"), (ONTOLOGY_PATH, "Ontologi"),
           (ROLE_PATH, "Roller")]
    if site.sparql_path:
        nav.append(("/#sparql", "SPARQL"))
    if site.downloads:
        nav.append(("/#downloads", "Ladda ner"))
    licence = None
    if (dataset := _dataset(store)) is not None:
        licence = value(store, dataset, named(DCTERMS.license))
    footer = ("Data: sakrad-ld. Varje uppgift anger sin källa. "
              + (f"Licens: {external(licence.value)}." if isinstance(licence, ox.NamedNode) else
                 "Licens: CC0 1.0 om inget annat anges.")
              + ' <span lang="en">Every fact names its source.</span>')
    return page(title, body, nav=nav, footer=footer, alternates=alternates)


# --- resource pages ------------------------------------------------------------------------------

def resource_page(store: ox.Store, iri: str, site: Site) -> str | None:
    """The page of the document about ``iri``; None if the store holds nothing about it."""
    try:
        node = ox.NamedNode(iri)
    except ValueError:
        return None
    if next(iter(store.quads_for_pattern(node, None, None)), None) is None and \
            next(iter(store.quads_for_pattern(None, None, node)), None) is None:
        return None
    view = _view(store, site)
    label = view.labels.of(node)
    doc = document_path(iri, site.base_iri)
    parts = [f"<h1>{text(label, english=False)}</h1>"]
    if label.en:
        parts.append(f'<p class="subtitle en" lang="en">{esc(label.en)}</p>')
    parts.append(f'<p class="meta">Typ: {view.types(node) or "okänd"}<br>IRI: <code>{esc(iri)}</code></p>')
    alternates = ""
    if doc and doc.startswith("/doc/"):
        links = " · ".join(internal(f"{doc}{f.suffix}", esc(f.label)) for f in FORMATS)
        parts.append(f'<p class="meta">Som data: {links}</p>')
        alternates = "".join(f'<link rel="alternate" type="{f.media_type}" href="{esc(doc + f.suffix)}">\n'
                             for f in FORMATS)
    own = _parts(store, iri)
    is_meeting = named(SAKRAD.Sakrad) in objects(store, node, RDF_TYPE)
    anchored: set[str] = set()  # parts whose #fragment the readable part of the page already holds
    if is_meeting:
        facts = meeting_facts(store, iri, view.labels)
        anchored = {q.iri for q in facts.questions} | {m.participation for m in facts.organisations}
        svg = _picture(site, diagrams.meeting_file(iri), lambda: diagrams.meeting_svg(store, iri, site.base_iri, facts))
        figure = (f'<h2 id="diagram">Sakrådet i bild</h2><figure>{svg}<figcaption>Arrangör, ordförande, '
                  f"frågeställningar och deltagande organisationer. "
                  f"{_download_link(site, diagrams.meeting_file(iri))}</figcaption></figure>")
        parts.append(meeting_body(view, facts, figure, site.limit))
        parts.append("<details><summary>Alla uppgifter i datan</summary>")
    else:
        parts.append(view.participations(node))
    parts.append(_registers(view, [node, *own]))
    parts.append('<h2 id="facts">Alla uppgifter</h2>')
    parts.append(view.facts(node))
    for part in own:
        fragment = part.value[len(iri) + 1:]
        parts.append(view.facts(part, heading=text(view.part_name(part.value)),
                                id="" if part.value in anchored else fragment))
    if is_meeting:
        parts.append("</details>")
    parts.append(view.incoming(iri))
    return _shell(store, site, label.main, "\n".join(parts), alternates)


def _parts(store: ox.Store, iri: str) -> list[ox.NamedNode]:
    """The resources whose IRIs extend ``iri`` and that it links to (questions, participations …)."""
    from .describe import own_resources

    own = [r for r in own_resources(store, iri) if isinstance(r, ox.NamedNode) and r.value != iri]
    return sorted(own, key=lambda r: _natural(r.value))


def _natural(iri: str) -> list[tuple[int, int | str]]:
    """``…/question/2`` before ``…/question/10``."""
    return [(0, int(s)) if s.isdigit() else (1, s) for s in iri.split("/")]


def _registers(view: View, nodes: list[ox.NamedNode]) -> str:
    """Links out to registers and websites: every IRI outside the site these resources point to
    that is not a vocabulary term."""
    from ..vocab import PREFIXES

    vocabularies = tuple(PREFIXES.values())
    found: dict[str, ox.NamedNode] = {}
    for node in nodes:
        for quad in view.store.quads_for_pattern(node, None, None):
            o = quad.object
            if quad.predicate in (RDF_TYPE, named(M8G.role)):
                continue
            if isinstance(o, ox.Literal) and o.datatype.value.endswith("#anyURI"):
                o = ox.NamedNode(o.value) if o.value.startswith(("http://", "https://")) else o
            if isinstance(o, ox.NamedNode) and view.href(o.value) is None and not o.value.startswith(vocabularies) \
                    and o.value.startswith(("http://", "https://")):
                found.setdefault(o.value, quad.predicate)
    if not found:
        return ""
    items = "".join(f"<li>{view.predicate(p)}: {external(iri)}</li>" for iri, p in sorted(found.items()))
    return f'<section id="registers"><h2>Länkar till register och webbplatser</h2><ul>{items}</ul></section>'


def _picture(site: Site, name: str, draw: Any) -> str:
    """The pre-drawn picture from the release when there is one, else drawn now (the same function)."""
    if site.release is not None and (site.release / name).is_file():
        svg = (site.release / name).read_text(encoding="utf-8")
    else:
        svg = draw()
    return svg


def _download_link(site: Site, name: str) -> str:
    if name in site.download_names:
        return internal(site.download_path + name, "Bilden som SVG-fil")
    return ""


# --- the start page ------------------------------------------------------------------------------

def start_page(store: ox.Store, site: Site) -> str:
    """What the dataset is, its sakråd, a chart of who took part when, downloads and SPARQL."""
    view = _view(store, site)
    dataset = _dataset(store)
    title = (view.labels.text(dataset, named(DCTERMS.title)) if dataset else None) or _DEFAULT_TITLE
    description = (view.labels.text(dataset, named(DCTERMS.description)) if dataset else None) or _DEFAULT_DESCRIPTION
    out = [f"<h1>{text(title, english=False)}</h1>"]
    if title.en:
        out.append(f'<p class="subtitle en" lang="en">{esc(title.en)}</p>')
    out.append(f"<p>{esc(description.main)}</p>")
    if description.en:
        out.append(f'<p class="en" lang="en">{esc(description.en)}</p>')
    out.append(_counts(view))
    out.append(_meetings(view, site))
    chart = _picture(site, diagrams.CHART_FILE, lambda: diagrams.participation_chart_svg(store, site.base_iri))
    out.append(f'<h2 id="chart">Vilka organisationer deltog när</h2><figure>{chart}<figcaption>Rader: organisationer; '
               f"kolumner: sakråd i datumordning. {_download_link(site, diagrams.CHART_FILE)}</figcaption></figure>")
    out.append(_register_lists(view, site))
    if site.downloads:
        out.append(_downloads(site))
    out.append(_sparql(site))
    return _shell(store, site, title.main, "\n".join(out))


#: The kinds of thing the start page counts and lists: (class, IRI kind, heading).
_KINDS = ((SAKRAD.Sakrad, "meeting", "sakråd"), (ORG.FormalOrganization, "organisation", "organisationer"),
          (ORG.Organization, "body", "departement och myndigheter"), (FOAF.Person, "person", "personer"))


def _members(view: View, cls: object, kind: str, *, by_label: bool = True) -> list[str]:
    """The things of one kind (typed ``cls``, minted as ``{base}id/{kind}/…``), by label."""
    prefix = f"{view.base}id/{kind}/"
    found = {q.subject.value for q in view.store.quads_for_pattern(None, RDF_TYPE, named(cls))
             if isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(prefix)
             and "/" not in q.subject.value[len(prefix):]}
    if not by_label:
        return sorted(found)
    return sorted(found, key=lambda iri: (view.labels.of(ox.NamedNode(iri)).main.lower(), iri))


def _counts(view: View) -> str:
    counts = [(len(_members(view, cls, kind, by_label=False)), label) for cls, kind, label in _KINDS]
    return "<p>" + " · ".join(f"<strong>{number(n)}</strong> {label}" for n, label in counts) + "</p>"


def _meetings(view: View, site: Site) -> str:
    """The sakråd, newest first (undated last), capped."""
    dated = meeting_dates(view.store)
    rows = [m for m in reversed(dated) if m[1] is not None] + [m for m in dated if m[1] is None]
    out = [f'<h2 id="meetings">Sakråd ({number(len(rows))})</h2>']
    if not rows:
        return out[0] + "<p>Datan har inga sakråd ännu.</p>"
    out.append('<table><thead><tr><th>Datum</th><th>Sakråd</th><th>Arrangör</th>'
               '<th class="num">Organisationer (listade / angivna)</th></tr></thead><tbody>')
    for iri, date in rows[: site.limit]:
        m = ox.NamedNode(iri)
        organiser = value(view.store, m, named(SCHEMA.organizer))
        listed = value(view.store, m, named(SAKRAD.listedOrganisationCount))
        stated = value(view.store, m, named(SAKRAD.statedOrganisationCount))
        counts = f"{listed.value if listed else '–'} / {stated.value if stated else '–'}"
        out.append(f"<tr><td>{esc(date) if date else 'okänt'}</td><td>{view.term(m)}</td>"
                   f"<td>{view.term(organiser) if organiser else ''}</td><td class=\"num\">{counts}</td></tr>")
    out.append("</tbody></table>")
    if len(rows) > site.limit:
        out.append(f'<p class="note">Visar de {number(site.limit)} senaste av {number(len(rows))} sakråd. '
                   "Alla finns i nedladdningarna och via SPARQL.</p>")
    return "\n".join(out)


def _register_lists(view: View, site: Site) -> str:
    """The organisations, government bodies and people, each list capped."""
    out = []
    for cls, kind, heading in _KINDS[1:]:
        members = _members(view, cls, kind)
        if not members:
            continue
        items = "".join(f"<li>{view.resource(iri)}</li>" for iri in members[: site.limit])
        note = (f'<p class="note">Visar {number(site.limit)} av {number(len(members))}.</p>'
                if len(members) > site.limit else "")
        out.append(f'<h3>{heading.capitalize()} ({number(len(members))})</h3><ul class="compact">{items}</ul>{note}')
    return '<h2 id="registers">Organisationer, myndigheter och personer</h2>' + "\n".join(out) if out else ""


#: A folder of the release with more files than this is one row of the downloads table.
_FOLDER_ROWS = 12


def _downloads(site: Site) -> str:
    """The release's files; a folder of many files (one per sakråd) as one row with its count."""
    folders: dict[str, list[tuple[str, str, int]]] = {}
    for item in site.downloads:
        folder = item[0].split("/", 1)[0] + "/" if "/" in item[0] else ""
        folders.setdefault(folder, []).append(item)
    rows = []
    for folder in sorted(folders):
        files = folders[folder]
        if folder and len(files) > _FOLDER_ROWS:
            example = internal(site.download_path + files[0][0], esc(files[0][0]))
            rows.append(f"<tr><td><code>{esc(folder)}</code> — {number(len(files))} filer, till exempel {example}</td>"
                        f"<td><code>{esc(', '.join(sorted({m for _, m, _ in files})))}</code></td>"
                        f'<td class="num">{number(sum(n for _, _, n in files))}</td></tr>')
            continue
        rows.extend(f"<tr><td>{internal(site.download_path + name, esc(name))}</td><td><code>{esc(media)}</code></td>"
                    f'<td class="num">{number(size)}</td></tr>' for name, media, size in files)
    return (f'<h2 id="downloads">Ladda ner</h2><table><thead><tr><th>Fil</th><th>Medietyp</th>'
            f'<th class="num">Byte</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
            '<p class="note">Varje fil har sin SHA-256-summa i <code>SHA256SUMS</code>.</p>')


def _sparql(site: Site) -> str:
    out = ['<h2 id="sparql">Fråga datan med SPARQL</h2>']
    if site.sparql_path:
        out.append(f'<form class="sparql" method="get" action="{esc(site.sparql_path)}">'
                   '<label for="query">SPARQL-fråga</label><br>'
                   '<textarea id="query" name="query">SELECT ?sakrad ?titel WHERE {\n'
                   '  ?sakrad a &lt;https://w3id.org/sakrad/ontology#Sakrad&gt; ;\n'
                   '          &lt;http://purl.org/dc/terms/title&gt; ?titel .\n}</textarea><br>'
                   '<button type="submit">Kör frågan</button></form>')
    else:
        out.append("<p>Den här webbplatsen har ingen SPARQL-tjänst; kör frågorna nedan på nedladdad data, till "
                   "exempel med <code>sakrad-ld query</code>.</p>")
    if site.queries:
        out.append(f"<h3>Sparade frågor ({len(site.queries)})</h3>")
    for q in site.queries:
        run = ""
        if site.sparql_path:
            run = " " + internal(f"{site.sparql_path}?{urlencode({'query': q.text})}", "Kör")
        out.append(f'<div class="query" id="query-{esc(q.name)}"><h4>{esc(q.title)}{run}</h4>'
                   f"<p>{esc(q.description)}</p><details><summary>Frågan</summary><pre>{esc(q.text)}</pre></details></div>")
    return "\n".join(out)


# --- the ontology and "not found" ----------------------------------------------------------------

def ontology_page(store: ox.Store, site: Site) -> str:
    """The ontology's documentation: every class and property with its labels, definition and the
    standard terms it relates to, each at ``/ontology#Term``."""
    view = _view(store, site)
    title, body = ontology_body(view)
    return _shell(store, site, title, body)


def not_found_page(iri: str, site: Site) -> str:
    """A helpful page for an IRI the data does not know (without a store: it must never fail)."""
    shown = f"<p>Datan innehåller inget om <code>{esc(iri)}</code>.</p>" if iri else \
        "<p>Sidan finns inte.</p>"
    body = (f"<h1>Hittades inte</h1>{shown}"
            f'<p class="en" lang="en">Nothing is known about this IRI.</p>'
            "<p>IRI:erna i datan har formen <code>" + esc(site.base_iri) + "id/{typ}/{id}</code>, till exempel "
            "<code>" + esc(site.base_iri) + "id/meeting/2017-12-12-integration</code>; typerna är "
            "meeting, organisation, person, body, post, source, place och agent.</p>"
            f"<ul><li>{internal('/', 'Startsidan')} listar alla sakråd och organisationer.</li>"
            f"<li>{internal(ONTOLOGY_PATH, 'Ontologin')} beskriver begreppen.</li>"
            + (f"<li>{internal('/#sparql', 'SPARQL')}: sök i datan.</li>" if site.sparql_path else "")
            + "</ul>")
    nav = [("/", "Sakråd som länkade data"), (ONTOLOGY_PATH, "Ontologi"), (ROLE_PATH, "Roller")]
    return page("Hittades inte", body, nav=nav, footer="sakrad-ld")

