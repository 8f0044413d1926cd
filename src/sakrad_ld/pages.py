"""The HTML pages a person reads: the start page, a page per resource, the ontology, "not found".

Each page is a function of the store and the :class:`Site` (no state, nothing at import time), so
the server renders a page per request and the static export writes the same pages to files.
Text is Swedish, with English beside it where the data has English. Links go to document paths
(:mod:`sakrad_ld.documents`); links out of the site are marked. No page loads anything else: the
style sheet is inline, the pictures are inline SVG, there is no script.

Paths a page links to, which whoever serves the pages must answer::

    /  /doc/{kind}/{id}  /doc/{kind}/{id}.{ttl,jsonld,nt,rdf}  /role  /role/{x}  /ontology
    {Site.download_path}{file}      every file of the release (Site.downloads)
    {Site.sparql_path}?query=…      the SPARQL endpoint (no links to it when sparql_path is None)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pyoxigraph as ox

from . import diagrams
from .documents import ONTOLOGY_PATH, ROLE_PATH, document_path
from .formats import FORMATS
from .labels import Labeller, Text, objects, value
from .markup import esc, external, internal, number, page, text
from .meeting import MeetingFacts, meeting_facts
from .ontologypage import ontology_body
from .resourceview import View
from .vocab import DCAT, DCTERMS, FOAF, M8G, ORG, RDF, SAKRAD, SCHEMA

__all__ = ["Site", "not_found_page", "ontology_page", "resource_page", "start_page"]

_TYPE = ox.NamedNode(str(RDF.type))


def _n(term: object) -> ox.NamedNode:
    return term if isinstance(term, ox.NamedNode) else ox.NamedNode(str(term))


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


_DEFAULT_TITLE = Text("Sakråd med det civila samhället", "Consultations (sakråd) with civil society")
_DEFAULT_DESCRIPTION = Text(
    "Regeringskansliets sakråd med det civila samhället som länkade öppna data: möten, ordförande, "
    "frågeställningar, deltagande organisationer och kontaktpersoner, med källa för varje uppgift.",
    "The Government Offices of Sweden's consultations (sakråd) with civil society as linked open data.")


def _view(store: ox.Store, site: Site) -> View:
    return View(store, site.base_iri, Labeller(store), site.sparql_path, site.limit)


def _dataset(store: ox.Store) -> ox.NamedNode | None:
    found = sorted((q.subject for q in store.quads_for_pattern(None, _TYPE, _n(DCAT.Dataset))
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
        licence = value(store, dataset, _n(DCTERMS.license))
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
    is_meeting = _n(SAKRAD.Sakrad) in objects(store, node, _TYPE)
    if is_meeting:
        facts = meeting_facts(store, iri, view.labels)
        parts.append(_meeting_body(view, facts, site))
        parts.append("<details><summary>Alla uppgifter i datan</summary>")
    parts.append(_registers(view, [node, *own]))
    parts.append(view.facts(node))
    for part in own:
        fragment = part.value[len(iri) + 1:]
        parts.append(view.facts(part, heading=text(view.part_name(part.value)), id=fragment))
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
    from .vocab import PREFIXES

    vocabularies = tuple(PREFIXES.values())
    found: dict[str, ox.NamedNode] = {}
    for node in nodes:
        for quad in view.store.quads_for_pattern(node, None, None):
            o = quad.object
            if quad.predicate in (_TYPE, _n(M8G.role)):
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


def _meeting_body(view: View, f: MeetingFacts, site: Site) -> str:
    """A sakråd in the order of its documentation."""
    base = site.base_iri
    rows: list[tuple[str, str]] = []
    if f.date:
        rows.append(("Datum", esc(f.date)))
    if f.place:
        rows.append(("Plats", text(f.place)))
    if f.organisers:
        rows.append(("Arrangör", ", ".join(view.resource(iri) for iri, _ in f.organisers)))
    for chair in f.chairs:
        capacity = f", i egenskap av {view.resource(chair.capacity)}" if chair.capacity else ""
        rows.append(("Ordförande", view.resource(chair.iri) + capacity))
    if f.topic:
        rows.append(("Ämne", text(f.topic)))
    if f.purpose:
        rows.append(("Syfte", text(f.purpose)))
    if f.process:
        rows.append(("Process", text(f.process)))
    out = ['<dl class="facts">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows) + "</dl>"]
    if f.questions:
        items = "".join(f'<li id="{esc(q.iri[len(f.iri) + 1:])}" value="{q.position}">{text(q.text)}</li>'
                        for q in f.questions)
        out.append(f'<h2 id="questions">Frågeställningar ({len(f.questions)})</h2><ol class="questions">{items}</ol>')
    out.append(f'<h2 id="organisations">Deltagande organisationer ({len(f.organisations)})</h2>')
    out.append(_count_notice(f))
    if f.organisations:
        items = "".join(f'<li id="{esc(m.participation[len(f.iri) + 1:])}">{view.resource(m.iri)}</li>'
                        for m in f.organisations[: max(site.limit, 1000)])
        out.append(f'<ol class="organisations">{items}</ol>')
    if f.government:
        items = "".join(f"<li>{view.resource(m.iri)}" + (f" — {text(m.description)}" if m.description else "")
                        + "</li>" for m in f.government)
        out.append(f"<h2>Från Regeringskansliet</h2><ul>{items}</ul>")
    if f.presentations is not None or f.presentations_text:
        count = f"<p>{f.presentations} presentationer.</p>" if f.presentations is not None else ""
        out.append(f"<h2>Presentationer</h2>{count}" + (f"<p>{text(f.presentations_text)}</p>" if f.presentations_text else ""))
    if f.handling_of_views:
        out.append(f"<h2>Hantering av synpunkter</h2><p>{text(f.handling_of_views)}</p>")
    if f.contacts or f.email or f.telephone:
        lines = [view.resource(m.iri) for m in f.contacts]
        if f.email:
            lines.append(external(f"mailto:{f.email}", esc(f.email)))
        if f.telephone:
            lines.append(f"tel. {esc(f.telephone)}")
        out.append("<h2>Kontakt</h2><p>" + "<br>".join(lines) + "</p>")
    if f.sources:
        items = []
        for iri, _ in f.sources:
            url = value(view.store, ox.NamedNode(iri), _n(SCHEMA.url))
            items.append(f"<li>{view.resource(iri)}" + (f" — {external(url.value)}" if url else "") + "</li>")
        out.append(f"<h2>Källa</h2><ul>{''.join(items)}</ul>")
    svg = _picture(site, diagrams.meeting_file(f.iri), lambda: diagrams.meeting_svg(view.store, f.iri, base, f))
    out.append(f'<h2 id="diagram">Sakrådet i bild</h2><figure>{svg}<figcaption>Arrangör, ordförande, '
               f"frågeställningar och deltagande organisationer. {_download_link(site, diagrams.meeting_file(f.iri))}"
               "</figcaption></figure>")
    return "\n".join(out)


def _count_notice(f: MeetingFacts) -> str:
    listed = f.listed_count if f.listed_count is not None else len(f.organisations)
    if f.stated_count is None:
        return f'<p class="note">Dokumentationen anger inget antal; den listar {listed}.</p>'
    words = f"{esc(f.stated_count_text)} ({f.stated_count})" if f.stated_count_text else str(f.stated_count)
    if f.stated_count == listed:
        return f'<p class="note">Dokumentationen anger {words} organisationer och listar {listed}.</p>'
    return (f'<p class="notice" id="count-difference"><strong>Antalen skiljer sig åt:</strong> dokumentationen '
            f"anger att {words} organisationer deltog men listar {listed} — en skillnad på "
            f"{abs(f.stated_count - listed)}. Båda uppgifterna återges som källan anger dem; ingen av dem är "
            f'rättad. <span class="en" lang="en">The source states {f.stated_count} organisations and lists '
            f"{listed}; both are kept.</span></p>")


def _picture(site: Site, name: str, draw: Any) -> str:
    """The pre-drawn picture from the release when there is one, else drawn now (the same function)."""
    if site.release is not None and (site.release / name).is_file():
        svg = (site.release / name).read_text(encoding="utf-8")
    else:
        svg = draw()
    return svg


def _download_link(site: Site, name: str) -> str:
    if any(d[0] == name for d in site.downloads):
        return internal(site.download_path + name, "Bilden som SVG-fil")
    return ""


# --- the start page ------------------------------------------------------------------------------

def start_page(store: ox.Store, site: Site) -> str:
    """What the dataset is, its sakråd, a chart of who took part when, downloads and SPARQL."""
    view = _view(store, site)
    dataset = _dataset(store)
    title = (view.labels.text(dataset, _n(DCTERMS.title)) if dataset else None) or _DEFAULT_TITLE
    description = (view.labels.text(dataset, _n(DCTERMS.description)) if dataset else None) or _DEFAULT_DESCRIPTION
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


def _members(view: View, cls: object, kind: str) -> list[str]:
    """The things of one kind (typed ``cls``, minted as ``{base}id/{kind}/…``), by label."""
    prefix = f"{view.base}id/{kind}/"
    found = {q.subject.value for q in view.store.quads_for_pattern(None, _TYPE, _n(cls))
             if isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(prefix)
             and "/" not in q.subject.value[len(prefix):]}
    return sorted(found, key=lambda iri: (view.labels.of(ox.NamedNode(iri)).main.lower(), iri))


def _counts(view: View) -> str:
    counts = [(len(_members(view, cls, kind)), label) for cls, kind, label in _KINDS]
    return "<p>" + " · ".join(f"<strong>{number(n)}</strong> {label}" for n, label in counts) + "</p>"


def _meetings(view: View, site: Site) -> str:
    query = f"""SELECT ?m (SAMPLE(?d) AS ?date) (COUNT(DISTINCT ?q) AS ?questions) WHERE {{
        ?m a {_n(SAKRAD.Sakrad)} . OPTIONAL {{ ?m {_n(SCHEMA.startDate)} ?d }}
        OPTIONAL {{ ?m {_n(SAKRAD.question)} ?q }} }} GROUP BY ?m ORDER BY DESC(?date) ?m"""
    rows = list(view.store.query(query))
    out = [f'<h2 id="meetings">Sakråd ({number(len(rows))})</h2>']
    if not rows:
        return out[0] + "<p>Datan har inga sakråd ännu.</p>"
    out.append('<table><thead><tr><th>Datum</th><th>Sakråd</th><th>Arrangör</th>'
               '<th class="num">Organisationer (listade / angivna)</th></tr></thead><tbody>')
    for row in rows[: site.limit]:
        m = row["m"]
        organiser = value(view.store, m, _n(SCHEMA.organizer))
        listed = value(view.store, m, _n(SAKRAD.listedOrganisationCount))
        stated = value(view.store, m, _n(SAKRAD.statedOrganisationCount))
        counts = f"{listed.value if listed else '–'} / {stated.value if stated else '–'}"
        out.append(f"<tr><td>{esc(row['date'].value) if row['date'] else 'okänt'}</td><td>{view.term(m)}</td>"
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


def _downloads(site: Site) -> str:
    rows = "".join(f"<tr><td>{internal(site.download_path + name, esc(name))}</td><td><code>{esc(media)}</code></td>"
                   f'<td class="num">{number(size)}</td></tr>' for name, media, size in site.downloads)
    return (f'<h2 id="downloads">Ladda ner</h2><table><thead><tr><th>Fil</th><th>Medietyp</th>'
            f'<th class="num">Byte</th></tr></thead><tbody>{rows}</tbody></table>')


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

