"""The ontology's HTML documentation (https://www.w3.org/TR/owl2-primer/), read from the store.

One section per term of ``https://w3id.org/sakrad/ontology#``, anchored by its local name
(``/ontology#Sakrad``), with its labels, definition, comments and every other statement (the
standard terms it is a subclass, subproperty or close match of link out). Then the role scheme
and the vocabularies the ontology reuses.
"""

from __future__ import annotations

import pyoxigraph as ox

from ..triples import RDF_TYPE, named
from ..vocab import DCTERMS, ONTOLOGY_IRI, OWL, RDF, RDFS, ROLE_SCHEME, SKOS
from .documents import ROLE_PATH
from .markup import esc, external, internal, text
from .resourceview import View

__all__ = ["ontology_body"]

_NS = str(ONTOLOGY_IRI) + "#"

#: Kinds of term, in the order the page lists them.
_KINDS = (
    (OWL.Class, "Klasser", "Classes"),
    (OWL.ObjectProperty, "Objektegenskaper", "Object properties"),
    (OWL.DatatypeProperty, "Dataegenskaper", "Datatype properties"),
    (OWL.AnnotationProperty, "Annoteringsegenskaper", "Annotation properties"),
    (RDF.Property, "Egenskaper", "Properties"),
)


def ontology_body(view: View) -> tuple[str, str]:
    """(title, HTML body) of the ontology's page."""
    store = view.store
    ontology = named(ONTOLOGY_IRI)
    title = view.labels.text(ontology, named(DCTERMS.title))
    out = [f"<h1>{text(title, english=False) if title else 'Ontologi för sakråd'}</h1>"]
    if title and title.en:
        out.append(f'<p class="subtitle en" lang="en">{esc(title.en)}</p>')
    out.append(f'<p class="meta">IRI: <code>{esc(ontology.value)}</code> · namnrymd <code>{esc(_NS)}</code> '
               f"· prefix <code>sakrad:</code></p>")
    if (description := view.labels.text(ontology, named(DCTERMS.description))) is not None:
        out.append(f"<p>{esc(description.main)}</p>")
        if description.en:
            out.append(f'<p class="en" lang="en">{esc(description.en)}</p>')
    candidates = [*store.quads_for_pattern(None, named(RDFS.isDefinedBy), ontology),
                  *(q for kind, _, _ in _KINDS for q in store.quads_for_pattern(None, RDF_TYPE, named(kind)))]
    terms = sorted({q.subject.value for q in candidates
                    if isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(_NS)})
    listed: set[str] = set()
    toc = []
    sections = []
    for kind, sv, en in _KINDS:
        members = [t for t in terms if t not in listed and next(iter(store.quads_for_pattern(named(t), RDF_TYPE, named(kind))), None)]
        if not members:
            continue
        listed.update(members)
        toc.append(f"<li>{esc(sv)} <span class=\"en\" lang=\"en\">({esc(en)})</span>: "
                   + ", ".join(internal(f"#{_local(t)}", esc(_local(t))) for t in members) + "</li>")
        sections.append(f"<h2>{esc(sv)} <span class=\"en\" lang=\"en\">({esc(en)})</span></h2>")
        sections.extend(_term(view, t) for t in members)
    others = [t for t in terms if t not in listed]
    if others:
        toc.append("<li>Övriga begrepp: " + ", ".join(internal(f"#{_local(t)}", esc(_local(t))) for t in others) + "</li>")
        sections.append("<h2>Övriga begrepp <span class=\"en\" lang=\"en\">(other terms)</span></h2>")
        sections.extend(_term(view, t) for t in others)
    out.append(f"<ul>{''.join(toc)}</ul>")
    out.append(f"<p>Rollerna i ett sakråd är ett eget begreppssystem: {internal(ROLE_PATH, view.name(str(ROLE_SCHEME)))}.</p>")
    out.extend(sections)
    out.append("<h2>Ontologin <span class=\"en\" lang=\"en\">(the ontology itself)</span></h2>")
    out.append(view.facts(ontology, sources=False, skip=(str(DCTERMS.references),)))
    references = sorted(q.object.value for q in store.quads_for_pattern(ontology, named(DCTERMS.references), None)
                        if isinstance(q.object, ox.NamedNode))
    if references:
        prefix = named("http://purl.org/vocab/vann/preferredNamespacePrefix")
        items = []
        for ns in references:
            p = next((q.object.value for q in store.quads_for_pattern(named(ns), prefix, None)), "")
            items.append(f"<li><code>{esc(p)}:</code> {external(ns)}</li>")
        out.append("<h2>Återanvända vokabulär <span class=\"en\" lang=\"en\">(reused vocabularies)</span></h2>"
                   f"<ul class=\"compact\">{''.join(items)}</ul>")
    return (title.main if title else "Ontologi för sakråd"), "\n".join(out)


def _local(iri: str) -> str:
    return iri[len(_NS):]


def _term(view: View, iri: str) -> str:
    node = named(iri)
    label = view.labels.text(node, named(RDFS.label)) or view.labels.text(node, named(SKOS.prefLabel))
    heading = f"{text(label)} <code>sakrad:{esc(_local(iri))}</code>" if label else f"<code>sakrad:{esc(_local(iri))}</code>"
    definition = view.labels.text(node, named(SKOS.definition))
    intro = ""
    if definition:
        intro = f"<p>{esc(definition.main)}</p>" + (f'<p class="en" lang="en">{esc(definition.en)}</p>' if definition.en else "")
    table = view.facts(node, sources=False, skip=(str(RDFS.label), str(SKOS.definition)))
    return f'<section id="{esc(_local(iri))}"><h3>{heading}</h3>{intro}{table}</section>'
