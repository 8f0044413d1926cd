"""Notice of changes: Atom feeds (RFC 4287) of new and changed sakråd, for the whole dataset and
per organisation, and a sitemap (https://www.sitemaps.org/protocol.html) of every page.

What is new or changed comes from the release diff: a sakråd whose document differs from the
previous release's, or that the previous release lacks. Without a previous release every sakråd
is new. Dates are the dataset's ``dct:modified`` (a build never reads the clock), so the same
releases give the same bytes. Links are the documents' IRIs under the base (``{base}doc/…``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from ..vocab import DCTERMS
from .describe import document_triples
from .labels import Text
from .lists import Lists, MeetingRow
from .meeting import MeetingFacts, StatedCount, meeting_facts
from .messages import messages
from .pages import dataset_node
from .render import render

__all__ = ["Change", "changes", "counts_said", "derived_said", "feed_files", "sitemap"]


@dataclass(frozen=True)
class Change:
    row: MeetingRow
    kind: str  # "new" or "changed"


def _stated(c: StatedCount) -> str:
    """A count in the source's words, with the number ("cirka" when approximate, "minst"/"högst" when the
    words give a bound, such as "drygt 50") and, where it counts one group and not everyone
    (sakrad:countedGroup), the group in the source's words, as a sakråd's page says it (its message
    ``count_group``, "räknar bara")."""
    how = {"at-least": "minst ", "at-most": "högst "}.get(c.bound or "") or ("cirka " if c.approximate else "")
    n = f"{how}{c.value}" if c.value is not None else ""
    group = f"{messages('sv')['count_group']} ”{c.group}”" if c.group else ""  # as the page words it
    said = "; ".join(x for x in (n, group) if x)
    if c.words:
        return f"”{c.words}”" + (f" ({said})" if said else "")
    return f"{n} ({group})" if n and group else n


def _listed(said: list[str]) -> str:
    """Several counts in one clause, as Swedish lists them ("A", "A och B", "A, B och C"): each group's
    count on its own, never a sum."""
    return said[0] if len(said) == 1 else f"{', '.join(said[:-1])} och {said[-1]}"


def counts_said(store: ox.Store, iri: str, named: int) -> str:
    """What a feed entry says of who took part: how many organisations the data names ("datan namnger
    inga organisationer" when none, never "0 organisationer"; the data's count, no source's) and the counts it states, in its words,
    each count of people with the group it counts where it counts one (every group the source counts
    apart, none added up), then, where the sources only announce the sakråd, that they do not say it was held."""
    return _counts_said(meeting_facts(store, iri), named)


def _plain(text: Text | None) -> str:
    """A derivation's Swedish words as a clause of the entry: without the full stop it ends with."""
    return text.main.strip().rstrip(".") if text is not None and text.main else ""


def derived_said(f: MeetingFacts) -> list[str]:
    """What a feed entry says of the values of a sakråd that no source states, each with how the
    data worked it out: a derived date (sakrad:derivedDate, with sakrad:derivation), and that it was
    held, where no document read says so (sakrad:heldDerivation, whose words name the document)."""
    out = []
    if f.derived_date and not f.date and not f.days:
        how = _plain(f.derivation)
        out.append(f"datumet {f.derived_date} är härlett, det står inte i källans text" + (f" ({how})" if how else ""))
    if f.held_derivation is not None:
        how = _plain(f.held_derivation)
        out.append(f"hållet: härlett ({how})" if how else "hållet: härlett, inget läst dokument säger att det hölls")
    return out


def _counts_said(f: MeetingFacts, named: int) -> str:
    parts = [  # the number is the data's count of the names it holds, no source's
        "datan namnger inga organisationer"
        if named == 0
        else ("datan namnger 1 organisation" if named == 1 else f"datan namnger {named} organisationer")
    ]
    for what, counts in (
        ("deltagande organisationer enligt källan", [f.organisation_count]),
        ("inbjudna enligt källan", [f.invited]),
        # each group of people the source counts apart, with its group, as on the page: never a total
        ("deltagare enligt källan", [f.participants, *f.other_participants]),
    ):
        if said := [s for c in counts if c is not None and (s := _stated(c))]:
            parts.append(f"{what}: {_listed(said)}")
    if f.announced_only:  # sakrad:announcedOnly: invited is not took part
        parts.append("kungjort, att det hölls står inte i källorna")
    return "; ".join(parts)


def changes(store: ox.Store, lists: Lists, previous: ox.Store | None) -> list[Change]:
    """The sakråd new or changed since ``previous`` (all of them without one), newest first."""
    out = []
    for row in lists.meetings:
        if previous is None:
            out.append(Change(row, "new"))
            continue
        before = document_triples(previous, row.ref.iri)
        if not before:
            out.append(Change(row, "new"))
        elif set(before) != set(document_triples(store, row.ref.iri)):
            out.append(Change(row, "changed"))
    return out


def _updated(store: ox.Store) -> str:
    dataset = dataset_node(store)
    found = (
        next((q.object.value for q in store.quads_for_pattern(dataset, DCTERMS.modified, None)), None)
        if dataset
        else None
    )
    day = (found or "1970-01-01")[:10]
    return f"{day}T00:00:00Z"


def _doc(base: str, iri: str) -> str:
    return base + "doc/" + iri[len(base) + 3 :]


def feed_files(store: ox.Store, base: str, lists: Lists, previous: ox.Store | None) -> Iterable[tuple[str, bytes]]:
    """``feeds/meetings.atom`` and ``feeds/organisation/{id}.atom`` for every organisation that took part."""
    updated = _updated(store)
    found = changes(store, lists, previous)
    said = {}
    for c in found:  # each sakråd's facts read once: the counts it states and what is derived
        f = meeting_facts(store, c.row.ref.iri)
        said[c.row.ref.iri] = "; ".join([_counts_said(f, len(c.row.organisations)), *derived_said(f)])
    title = "Sakråd: nya och ändrade"

    def feed(file: str, name: str, entries: list[Change]) -> bytes:
        return render(
            "feed.atom",
            here=file,
            lang="sv",
            feed_id=f"{base}{file}",
            title=name,
            updated=updated,
            entries=[(c, _doc(base, c.row.ref.iri), said[c.row.ref.iri]) for c in entries],
        ).encode()

    yield "feeds/meetings.atom", feed("feeds/meetings.atom", title, found)
    for org in lists.organisations:
        if org.meetings:
            mine = [c for c in found if any(o.iri == org.ref.iri for o in c.row.organisations)]
            file = f"feeds/organisation/{org.ref.id}.atom"
            yield file, feed(file, f"{title}: {org.ref.name.main}", mine)


def sitemap(store: ox.Store, base: str, files: Iterable[str]) -> bytes:
    """The sitemap of the HTML pages among ``files``, at their addresses under the base."""
    day = _updated(store)[:10]
    urls = sorted({f"{base}{f}" for f in files if f.endswith(".html") and f.rsplit("/", 1)[-1] != "404.html"})
    return render("sitemap.xml", here="sitemap.xml", lang="sv", urls=urls, lastmod=day).encode()
