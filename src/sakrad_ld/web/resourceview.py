"""The parts of a resource's page: its facts as a table, the values in them, what links to it.

A value that is a resource of the site links to its page (with the resource's label); any other
IRI is a link out of the site, marked as such. Long lists are capped: a table shows at most
:attr:`View.limit` values of one property and :attr:`View.limit` incoming links of one kind, with
the full count and how to get the rest (a SPARQL query), so a page about an organisation that
took part in thousands of sakråd stays small and fast.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urlencode

import pyoxigraph as ox

from ..triples import RDF_TYPE, named
from ..vocab import ADMS, DCTERMS, M8G, SCHEMA, SKOS, XSD
from .describe import LABELS, own_resources
from .documents import page_path
from .labels import Labeller, Text, compact, objects, term_labels, value
from .markup import esc, external, internal, number, text

__all__ = ["View"]

_SOURCE = ox.NamedNode(str(DCTERMS.source))
_ANY_URI = str(XSD.anyURI)


@dataclass
class View:
    """Renders pieces of pages from one store, for one site."""

    store: ox.Store
    base: str
    labels: Labeller
    sparql_path: str | None
    limit: int = 100

    # --- single values -------------------------------------------------------------------------

    def href(self, iri: str) -> str | None:
        return page_path(iri, self.base)

    def whole_of(self, iri: str) -> str | None:
        """The thing a part belongs to (``…/id/meeting/x`` for ``…/id/meeting/x/question/1``)."""
        if not iri.startswith(self.base + "id/"):
            return None
        segments = iri[len(self.base) + 3:].split("/")
        return f"{self.base}id/{segments[0]}/{segments[1]}" if len(segments) > 2 else None

    def part_name(self, iri: str) -> Text:
        """A name for a part of a thing, from what it is: "ordförande: Anders Kessling", "fråga 2"."""
        node = ox.NamedNode(iri)
        types = set(objects(self.store, node, RDF_TYPE))
        if named(M8G.Participation) in types:
            role = value(self.store, node, named(M8G.role))
            who = value(self.store, node, named(M8G.hasParticipant))
            parts = [self.labels.of(t).main for t in (role, who) if t is not None]
            return Text(": ".join(parts) or iri.rsplit("/", 1)[-1])
        if named(SCHEMA.Question) in types:
            position = value(self.store, node, named(SCHEMA.position))
            return Text(f"fråga {position.value if position else iri.rsplit('/', 1)[-1]}", "question")
        if named(ADMS.Identifier) in types and (notation := value(self.store, node, named(SKOS.notation))):
            return Text(f"identifierare {notation.value}", f"identifier {notation.value}")
        own = self.labels.label(node)
        if own is not None:
            return own
        return term_labels().get(next((t.value for t in sorted(types, key=str)), ""), Text(iri.rsplit("/", 1)[-1], None, ""))

    def name(self, iri: str, *, with_whole: bool = True) -> str:
        """HTML naming a resource: its label; a part as "<whole> — <part>"."""
        whole = self.whole_of(iri)
        if whole is None:
            return text(self.labels.of(ox.NamedNode(iri)))
        part = text(self.part_name(iri))
        return f"{text(self.labels.of(ox.NamedNode(whole)), english=False)} — {part}" if with_whole else part

    def resource(self, iri: str, *, with_whole: bool = True) -> str:
        """A link to a resource: within the site if it has a page here, else out of it."""
        href = self.href(iri)
        if href is not None:
            return internal(href, self.name(iri, with_whole=with_whole))
        label = self.labels.label(ox.NamedNode(iri)) or term_labels().get(iri)
        shown = f'{text(label)} <code>{esc(compact(iri))}</code>' if label else esc(compact(iri))
        if iri.startswith(("http://", "https://")):
            return external(iri, shown)
        return shown

    def term(self, term: ox.NamedNode | ox.BlankNode | ox.Literal, *, with_whole: bool = True) -> str:
        if isinstance(term, ox.NamedNode):
            return self.resource(term.value, with_whole=with_whole)
        if isinstance(term, ox.BlankNode):
            return f"<code>_:{esc(term.value)}</code>"
        if term.language:
            return text(Text(term.value, None, term.language), english=False) + (
                f' <span class="meta">({esc(term.language)})</span>' if term.language != "sv" else "")
        if term.datatype.value == _ANY_URI and term.value.startswith(("http://", "https://")):
            return external(term.value)
        return esc(term.value)

    # --- tables ---------------------------------------------------------------------------------

    def types(self, node: ox.NamedNode) -> str:
        found = objects(self.store, node, RDF_TYPE)
        return ", ".join(self.term(t) for t in sorted(found, key=lambda t: self.labels.of(t).main.lower()))

    def sources(self, node: ox.NamedNode) -> list[ox.NamedNode]:
        return [s for s in objects(self.store, node, _SOURCE) if isinstance(s, ox.NamedNode)]

    def facts(self, node: ox.NamedNode, *, heading: str = "", id: str = "", skip: tuple[str, ...] = (),
              sources: bool = True) -> str:
        """A table of every statement about ``node`` (one row per property), with its sources."""
        by_predicate: dict[ox.NamedNode, list] = defaultdict(list)
        for quad in self.store.quads_for_pattern(node, None, None):
            if quad.object not in by_predicate[quad.predicate]:
                by_predicate[quad.predicate].append(quad.object)
        rank = {p: n for n, p in enumerate(LABELS)}
        rows = []
        for p in sorted(by_predicate, key=lambda p: (rank.get(p, 99), p == _SOURCE, self.labels.of(p).main.lower(), p.value)):
            if p.value in skip:
                continue
            values = sorted(by_predicate[p], key=_value_order)
            shown = values[: self.limit]
            cells = "<br>".join(self.term(v) for v in shown)
            if len(values) > len(shown):
                cells += (f'<br><span class="note">… och {number(len(values) - len(shown))} till '
                          f"({number(len(values))} i allt){self._query_note(node, p, outgoing=True)}</span>")
            rows.append(f'<tr><th scope="row">{self.predicate(p)}</th><td>{cells}</td></tr>')
        found = self.sources(node)
        caption = ("Källa: " + ", ".join(self.term(s) for s in found)) if found else "Ingen källa angiven"
        caption = f"<caption>{caption}</caption>" if sources else ""
        head = f"<h3>{heading}</h3>\n" if heading else ""
        attr = f' id="{esc(id)}"' if id else ""
        return (f"<section{attr}>{head}<table>{caption}\n" + "\n".join(rows)
                + "\n</table></section>")

    def predicate(self, p: ox.NamedNode) -> str:
        """A property's name, linked to its definition when the site documents it."""
        label = self.labels.of(p)
        inner = f'{text(label, english=False)} <span class="meta">{esc(compact(p.value))}</span>'
        href = self.href(p.value)
        return internal(href, inner) if href else f'<span title="{esc(p.value)}">{inner}</span>'

    def participations(self, node: ox.NamedNode) -> str:
        """The sakråd an agent took part in (``m8g:participates``), newest first, with its role."""
        rows = []
        for part in objects(self.store, node, named(M8G.participates)):
            whole = next((q.subject for q in self.store.quads_for_pattern(None, named(M8G.hasParticipation), part)), None)
            if not isinstance(whole, ox.NamedNode):
                continue
            date = value(self.store, whole, named(SCHEMA.startDate))
            role = value(self.store, part, named(M8G.role))
            rows.append((date.value if isinstance(date, ox.Literal) else "", whole, role, part))
        if not rows:
            return ""
        rows.sort(key=lambda r: (r[0] == "", _descending(r[0]), str(r[1]), str(r[3])))
        out = [f'<section id="participations"><h2>Medverkan i sakråd ({number(len(rows))})</h2>'
               "<table><thead><tr><th>Datum</th><th>Sakråd</th><th>Roll</th></tr></thead><tbody>"]
        for date, whole, role, part in rows[: self.limit]:
            out.append(f"<tr><td>{esc(date) or 'okänt'}</td><td>{self.term(whole)}</td>"
                       f"<td>{internal(self.href(part.value), text(self.labels.of(role), english=False)) if role and self.href(part.value) else ''}"
                       "</td></tr>")
        out.append("</tbody></table>")
        if len(rows) > self.limit:
            out.append(f'<p class="note">Visar de {number(self.limit)} senaste av {number(len(rows))}.'
                       f"{self._query_note(node, named(M8G.participates), outgoing=True)}</p>")
        out.append("</section>")
        return "".join(out)

    # --- incoming links -------------------------------------------------------------------------

    def incoming(self, iri: str) -> str:
        """What points at ``iri`` from outside its own document: per property, a count and (at most
        :attr:`limit`) the resources, taken in the store's index order — a sorted top-k would make
        the store sort every link (seconds for a role used a million times)."""
        node = ox.NamedNode(iri)
        counts = {r["p"]: int(r["n"].value)
                  for r in self.store.query(f"SELECT ?p (COUNT(?s) AS ?n) WHERE {{ ?s ?p {node} }} GROUP BY ?p")}
        own = set(own_resources(self.store, iri))
        for part in own:
            for quad in self.store.quads_for_pattern(part, None, node):
                counts[quad.predicate] -= 1
        groups = sorted(((p, n) for p, n in counts.items() if n > 0),
                        key=lambda pn: (self.labels.of(pn[0]).main.lower(), pn[0].value))
        if not groups:
            return '<section id="incoming"><h2>Länkar hit</h2><p class="note">Inga andra resurser länkar hit.</p></section>'
        out = ['<section id="incoming"><h2>Länkar hit</h2>']
        for p, n in groups:
            found: list[ox.NamedNode | ox.BlankNode] = []
            for quad in self.store.quads_for_pattern(None, p, node):
                if quad.subject not in own and quad.subject not in found:
                    found.append(quad.subject)
                    if len(found) >= self.limit:
                        break
            items = [f"<li>{self.term(s)}</li>" for s in sorted(found, key=lambda s: _natural(str(s)))]
            out.append(f"<h3>{self.predicate(p)} <span class=\"meta\">({number(n)})</span></h3>")
            out.append("<ul>" + "".join(items) + "</ul>")
            if n > len(items):
                out.append(f'<p class="note">Visar {number(len(items))} av {number(n)}.'
                           f"{self._query_note(node, p, outgoing=False)}</p>")
        out.append("</section>")
        return "\n".join(out)

    def _query_note(self, node: ox.NamedNode, p: ox.NamedNode, *, outgoing: bool) -> str:
        """A link to a SPARQL query that lists everything a capped list leaves out."""
        if not self.sparql_path:
            return " Alla finns i SPARQL-frågan och i nedladdningarna."
        pattern = f"{node} {p} ?x" if outgoing else f"?x {p} {node}"
        query = f"SELECT ?x WHERE {{ {pattern} }} ORDER BY ?x"
        return " " + internal(f"{self.sparql_path}?{urlencode({'query': query})}", "Hela listan med SPARQL")


def _value_order(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> tuple[int, str, str]:
    if isinstance(term, ox.Literal):
        lang = term.language or ""
        return (0, {"sv": "0", "": "1", "en": "2"}.get(lang, "3" + lang), term.value)
    return (1, "", str(term))


def _natural(text: str) -> list[tuple[int, int | str]]:
    """``…/question/2`` before ``…/question/10``."""
    return [(0, int(x)) if x.isdigit() else (1, x) for x in text.replace("#", "/").split("/")]


def _descending(text: str) -> str:
    """A sort key that puts later ISO dates first."""
    return "".join(chr(0x10FFFF - ord(c)) for c in text)
