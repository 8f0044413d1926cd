"""Notice of changes: Atom feeds (RFC 4287) of the sakråd, for the whole dataset and per
organisation, in Swedish and English, and a sitemap (https://www.sitemaps.org/protocol.html) of
every page.

An entry's date is the data's own: the latest publication day (``dct:issued``) of the sources the
sakråd's statements name, newest first; a sakråd none of whose sources is dated comes last, dated
by the dataset's ``dct:issued`` and marked so. A build never reads the clock, so the same release
gives the same feed, from the server as from the export. Compared with a previous release
(``--previous``), an entry also says whether the sakråd is new or changed since, and is dated by
the dataset's ``dct:modified`` (the publisher's day of the data's last change) where that is later,
so a reader who has the entry sees it again; without one nothing is called new. Links are the
pages under the base, in the feed's language (``{base}doc/….html``, ``{base}en/doc/….html``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from ..vocab import DCTERMS
from .describe import document_triples
from .labels import Labeller, Term, Text
from .lists import Lists, MeetingRow
from .meeting import MeetingFacts, StatedCount, meeting_facts
from .messages import messages
from .pages import dataset_node
from .paths import LANGUAGES, translated
from .render import render

__all__ = [
    "LIMIT",
    "Dated",
    "Entry",
    "changes",
    "counts_said",
    "derived_said",
    "entries",
    "entry_dates",
    "feed_files",
    "sitemap",
    "source_dates",
]


def _stated(c: StatedCount, lang: str = "sv") -> str:
    """A count in the source's words, with the number ("cirka" when approximate, "minst"/"högst" when the
    words give a bound, such as "drygt 50") and, where it counts one group and not everyone
    (sakrad:countedGroup), the group in the source's words, as a sakråd's page says it (its message
    ``count_group``, "räknar bara")."""
    words = _WORDS[lang]
    how = {"at-least": words["at_least"], "at-most": words["at_most"]}.get(c.bound or "") or (
        words["about"] if c.approximate else ""
    )
    n = f"{how}{c.value}" if c.value is not None else ""
    group = f"{messages(lang)['count_group']} ”{c.group}”" if c.group else ""  # as the page words it
    said = "; ".join(x for x in (n, group) if x)
    if c.words:
        return f"”{c.words}”" + (f" ({said})" if said else "")
    return f"{n} ({group})" if n and group else n


def _listed(said: list[str], lang: str = "sv") -> str:
    """Several counts in one clause, as Swedish lists them ("A", "A och B", "A, B och C"): each group's
    count on its own, never a sum."""
    return said[0] if len(said) == 1 else f"{', '.join(said[:-1])} {_WORDS[lang]['and']} {said[-1]}"


def counts_said(store: ox.Store, iri: str, named: int) -> str:
    """What a feed entry says of who took part: how many organisations the data names ("datan namnger
    inga organisationer" when none, never "0 organisationer"; the data's count, no source's) and the counts it states, in its words,
    each count of people with the group it counts where it counts one (every group the source counts
    apart, none added up), then, where the sources only announce the sakråd, that they do not say it was held."""
    return _counts_said(meeting_facts(store, iri), named)


def _plain(text: Text | None, lang: str = "sv") -> str:
    """A derivation's words (English ones in an English feed, where the data has them) as a clause of
    the entry: without the full stop it ends with."""
    said = (text.en if lang == "en" and text.en else text.main) if text is not None else ""
    return said.strip().rstrip(".") if said else ""


def derived_said(f: MeetingFacts, lang: str = "sv") -> list[str]:
    """What a feed entry says of the values of a sakråd that no source states, each with how the
    data worked it out: a derived date (sakrad:derivedDate, with sakrad:derivation), and that it was
    held, where no document read says so (sakrad:heldDerivation, whose words name the document)."""
    out, words = [], _WORDS[lang]
    if f.derived_date and not f.date and not f.days:
        how = _plain(f.derivation, lang)
        out.append(words["derived_date"].format(f.derived_date) + (f" ({how})" if how else ""))
    if f.held_derivation is not None:
        how = _plain(f.held_derivation, lang)
        out.append(words["held_how"].format(how) if how else words["held"])
    return out


#: The feed's words in each language.
_WORDS = {
    "sv": {
        "at_least": "minst ",
        "at_most": "högst ",
        "about": "cirka ",
        "and": "och",
        "names_none": "datan namnger inga organisationer",
        "names_one": "datan namnger 1 organisation",
        "names": "datan namnger {} organisationer",
        "taking_part": "deltagande organisationer enligt källan",
        "invited": "inbjudna enligt källan",
        "participants": "deltagare enligt källan",
        "announced": "kungjort, att det hölls står inte i källorna",
        "derived_date": "datumet {} är härlett, det står inte i källans text",
        "held_how": "hållet: härlett ({})",
        "held": "hållet: härlett, inget läst dokument säger att det hölls",
    },
    "en": {
        "at_least": "at least ",
        "at_most": "at most ",
        "about": "about ",
        "and": "and",
        "names_none": "the data names no organisations",
        "names_one": "the data names 1 organisation",
        "names": "the data names {} organisations",
        "taking_part": "organisations taking part according to the source",
        "invited": "invited according to the source",
        "participants": "participants according to the source",
        "announced": "announced; the sources do not say it was held",
        "derived_date": "the date {} is derived, the source's text does not state it",
        "held_how": "held: derived ({})",
        "held": "held: derived, no document read says it was held",
    },
}


def _counts_said(f: MeetingFacts, named: int, lang: str = "sv") -> str:
    words = _WORDS[lang]
    parts = [  # the number is the data's count of the names it holds, no source's
        words["names_none"] if named == 0 else (words["names_one"] if named == 1 else words["names"].format(named))
    ]
    for what, counts in (
        (words["taking_part"], [f.organisation_count]),
        (words["invited"], [f.invited]),
        # each group of people the source counts apart, with its group, as on the page: never a total
        (words["participants"], [f.participants, *f.other_participants]),
    ):
        if said := [s for c in counts if c is not None and (s := _stated(c, lang))]:
            parts.append(f"{what}: {_listed(said, lang)}")
    if f.announced_only:  # sakrad:announcedOnly: invited is not took part
        parts.append(words["announced"])
    return "; ".join(parts)


#: The most entries a feed holds: the sakråd with the newest dates (RFC 5005 §2: a complete feed
#: need not hold every entry; the lists hold every sakråd).
LIMIT = 50


@dataclass(frozen=True)
class Dated:
    """When the sources of a sakråd were published (their ``dct:issued``): the first and the latest
    day, or ``None`` where no source of the sakråd states one."""

    first: str
    latest: str


def _triples(store: ox.Store, s: Term | None, p: ox.NamedNode | None, o: Term | None) -> Iterable[tuple]:
    direct = getattr(store, "triples_for_pattern", None)  # the build's triples in memory
    if direct is not None:
        return direct(s, p, o)
    return ((q.subject, q.predicate, q.object) for q in store.quads_for_pattern(s, p, o))


def source_dates(store: ox.Store, base: str) -> dict[str, Dated]:
    """Each sakråd's :class:`Dated`, by its IRI: the publication days (``dct:issued``) of the sources
    its own statements name (the sakråd's and its parts', ``{base}id/meeting/{id}/…``). A sakråd none
    of whose sources states a day is not in it: its date is unknown, and none is made up."""
    meetings = base + "id/meeting/"
    days: dict[str, list[str]] = {}
    issued = {s: o.value for s, _, o in _triples(store, None, DCTERMS.issued, None) if isinstance(o, ox.Literal)}
    for src, day in issued.items():
        if not (isinstance(src, ox.NamedNode) and src.value.startswith(base + "id/source/")):
            continue
        for s, _, _ in _triples(store, None, None, src):
            iri = s.value if isinstance(s, ox.NamedNode) else ""
            if iri.startswith(meetings):
                meeting = meetings + iri[len(meetings) :].split("/", 1)[0]
                days.setdefault(meeting, []).append(day[:10])
    return {m: Dated(min(d), max(d)) for m, d in days.items()}


def changes(store: ox.Store, lists: Lists, previous: ox.Store | None) -> dict[str, str]:
    """What changed since ``previous``: each sakråd new or changed there ("new", "changed"), by IRI;
    nothing without a previous release (no release is compared, so nothing is called new)."""
    out: dict[str, str] = {}
    if previous is None:
        return out
    for row in lists.meetings:
        before = document_triples(previous, row.ref.iri)
        if not before:
            out[row.ref.iri] = "new"
        elif set(before) != set(document_triples(store, row.ref.iri)):
            out[row.ref.iri] = "changed"
    return out


def _dataset_date(store: ox.Store, predicate: ox.NamedNode) -> str | None:
    dataset = dataset_node(store)
    found = next((o.value for _, _, o in _triples(store, dataset, predicate, None)), None) if dataset else None
    return found[:10] if found else None


@dataclass(frozen=True)
class Entry:
    row: MeetingRow
    dated: Dated | None  # None: no source of the sakråd states a day; the entry's is the dataset's
    updated: str  # the Atom date
    published: str | None
    change: str | None  # "new" or "changed" since the previous release, where one was compared
    said: str  # the counts and derivations, in the feed's language


def _stamp(day: str) -> str:
    return f"{day}T00:00:00Z"


def entries(
    store: ox.Store,
    base: str,
    lists: Lists,
    previous: ox.Store | None,
    lang: str = "sv",
    facts: dict[str, MeetingFacts] | None = None,
    changed: dict[str, str] | None = None,
) -> list[Entry]:
    """Every sakråd as a feed entry, newest ``updated`` first (the sakråd itself breaks ties; a feed
    holds the first :data:`LIMIT`). An entry's ``updated`` is its sources' latest publication day, its
    ``published`` the first such day; a sakråd none of whose sources is dated comes after them,
    dated by the dataset's ``dct:issued`` and marked so (``undated``). A sakråd new or changed since
    ``previous`` is dated by the dataset's ``dct:modified`` where that is later (:func:`_day`), and
    so stands among the newest. No date is the build's."""
    dated = source_dates(store, base)
    changed = changes(store, lists, previous) if changed is None else changed
    fallback = _dataset_date(store, DCTERMS.issued) or "1970-01-01"  # dataset.yaml requires issued
    modified = _dataset_date(store, DCTERMS.modified)
    days = {r.ref.iri: _day(dated.get(r.ref.iri), changed.get(r.ref.iri), fallback, modified) for r in lists.meetings}
    rows = sorted(
        lists.meetings,
        key=lambda r: (r.ref.iri in dated or days[r.ref.iri] != fallback, days[r.ref.iri], r.ref.iri),
        reverse=True,
    )
    out = []
    labels = Labeller(store)  # read once for every entry not in ``facts``
    for row in rows:
        d = dated.get(row.ref.iri)
        f = facts[row.ref.iri] if facts and row.ref.iri in facts else meeting_facts(store, row.ref.iri, labels)
        said = "; ".join([_counts_said(f, len(row.organisations), lang), *derived_said(f, lang)])
        out.append(
            Entry(row, d, _stamp(days[row.ref.iri]), _stamp(d.first) if d else None, changed.get(row.ref.iri), said)
        )
    return out


def _day(dated: Dated | None, change: str | None, fallback: str, modified: str | None) -> str:
    """The day of an entry: its sources' latest publication day (else the dataset's ``issued``); for a
    sakråd new or changed since the previous release, the dataset's ``modified`` where that is later:
    the publisher's day of the data's last change (data/dataset.yaml), never the clock's. A feed
    reader notices a revision by ``updated`` (RFC 4287 §4.2.15), so a change keeps no earlier day."""
    day = dated.latest if dated else fallback
    return modified if change and modified and modified > day else day


def _doc(base: str, iri: str, lang: str = "sv") -> str:
    """The link of an entry: the sakråd's page in the feed's language (``{base}doc/….html``,
    ``{base}en/doc/….html``), the HTML its ``type="text/html"`` names; never the negotiated
    ``{base}doc/…``, which answers a feed reader's Accept (RDF/XML first) with RDF."""
    return base + translated("doc/" + iri[len(base) + 3 :] + ".html", lang)


def entry_dates(store: ox.Store, base: str) -> dict[str, str]:
    """The day of each sakråd's pages (``doc/meeting/{id}.html``, both languages) for the sitemap:
    the latest publication day of its sources; a sakråd with no dated source has none."""
    out = {}
    for iri, d in source_dates(store, base).items():
        for lang in LANGUAGES:
            out[translated("doc/" + iri[len(base) + 3 :] + ".html", lang)] = d.latest
    return out


FEED_TITLE = {"sv": "Sakråd", "en": "Sakråd (consultations with civil society)"}


def feed_files(
    store: ox.Store, base: str, lists: Lists, previous: ox.Store | None, labels: Labeller | None = None
) -> Iterable[tuple[str, bytes]]:
    """``feeds/meetings.atom`` and ``feeds/organisation/{id}.atom`` for every organisation that took
    part, in Swedish, and the same under ``en/`` in English. ``labels`` is the site's one
    :class:`Labeller` where the caller has it."""
    labels = labels or Labeller(store)
    facts = {row.ref.iri: meeting_facts(store, row.ref.iri, labels) for row in lists.meetings}  # read once
    changed = changes(store, lists, previous)
    for lang in LANGUAGES:
        found = entries(store, base, lists, previous, lang, facts, changed)

        def feed(file: str, name: str, chosen: list[Entry], _lang: str = lang) -> bytes:
            return render(
                "feed.atom",
                here=file,
                lang=_lang,
                feed_id=f"{base}{file}",
                title=name,
                updated=max(
                    (e.updated for e in chosen), default=_stamp(_dataset_date(store, DCTERMS.issued) or "1970-01-01")
                ),
                limit=LIMIT,
                entries=[(e, _doc(base, e.row.ref.iri, _lang)) for e in chosen],
            ).encode()

        file = translated("feeds/meetings.atom", lang)
        yield file, feed(file, FEED_TITLE[lang], found[:LIMIT])
        by_organisation: dict[str, list[Entry]] = {}  # each organisation's entries, in one pass
        for e in found:
            for iri in dict.fromkeys(o.iri for o in e.row.organisations):
                by_organisation.setdefault(iri, []).append(e)
        for org in lists.organisations:
            if org.meetings:
                mine = by_organisation.get(org.ref.iri, [])
                file = translated(f"feeds/organisation/{org.ref.id}.atom", lang)
                name = org.ref.name.en if lang == "en" and org.ref.name.en else org.ref.name.main
                yield file, feed(file, f"{FEED_TITLE[lang]}: {name}", mine[:LIMIT])


def sitemap(store: ox.Store, base: str, files: Iterable[str]) -> bytes:
    """The sitemap of the HTML pages among ``files``, at their addresses under the base: a sakråd's
    pages with the latest publication day of its sources as ``lastmod`` (:func:`entry_dates`), every
    other page without one (the protocol's ``lastmod`` is optional; no day is made up)."""
    days = entry_dates(store, base)
    pages = sorted({f for f in files if f.endswith(".html") and f.rsplit("/", 1)[-1] != "404.html"})
    urls = [(f"{base}{f}", days.get(f)) for f in pages]
    return render("sitemap.xml", here="sitemap.xml", lang="sv", urls=urls).encode()
