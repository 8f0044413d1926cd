"""Every page of a listing at once: each page drafted, pages about the same meeting made one draft,
pages about a meeting already in ``data/`` reported with what they would add, and the rest reported
as not a sakråd. See ``docs/import.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import InputError, InputErrors
from ..records import Corpus, Meeting
from .page_draft import PageDraft, draft_page, merge
from .regeringen import Entry, check_page, find_entry, page_url, read_page

__all__ = ["Batch", "draft_listing", "page_files", "same_meeting", "take_in"]


@dataclass
class Batch:
    drafts: list[PageDraft] = field(default_factory=list)  # one per meeting, pages merged
    merged: list[tuple[str, str]] = field(default_factory=list)  # (page url, meeting id)
    existing: list[tuple[str, str, list[str]]] = field(default_factory=list)  # (url, meeting id, would add)
    #: a page data/ does not cite, about the same meeting as one it cites: (url, the cited page's url)
    cited_with: dict[str, str] = field(default_factory=dict)
    not_sakrad: list[tuple[str, str, list[str]]] = field(default_factory=list)  # (url, kind, sentences)
    unread: list[tuple[str, str]] = field(default_factory=list)  # (url, why): a page that cannot be read

    def summary(self) -> str:
        lines = [f"drafted: {d.meeting.id} ← {d.url}" for d in self.drafts if d.meeting]
        lines += [f"same meeting as another page: {url} → {mid}" for url, mid in self.merged]
        lines += [
            f"already in data/: {url} → data/meetings/{mid}.yaml"
            + (f" (the same meeting as {self.cited_with[url]}, which data/ cites)" if url in self.cited_with else "")
            + f"; would add: {', '.join(add) or 'nothing'}"
            for url, mid, add in self.existing
        ]
        lines += [
            f"not a sakråd ({kind}): {url}" + (f" — mentions: {said[0][:140]}" if said else "")
            for url, kind, said in self.not_sakrad
        ]
        lines += [f"not read: {url} — {why}" for url, why in self.unread]
        lines.append(
            f"{len(self.drafts)} drafted, {len(self.merged)} same meeting as another page, "
            f"{len(self.existing)} already in data/, {len(self.not_sakrad)} not a sakråd"
            + (f", {len(self.unread)} not read" if self.unread else "")
        )
        return "\n".join(lines) + "\n"


_WORD = re.compile(r"[a-zåäö-]{8,}")
_COMMON = {"sakrådet", "civilsamhället", "rättigheter", "möjligheter", "civilsamhällesorganisationer", "regeringens"}


def same_meeting(a: PageDraft, b: PageDraft) -> bool:
    """Two pages are about one meeting when one links the other and their dates agree (or one has none),
    or when they give the same day and share a word of their titles."""
    ma, mb = a.meeting, b.meeting
    assert ma is not None and mb is not None
    linked = _path(b.url) in a.links or _path(a.url) in b.links
    if linked and (ma.date is None or mb.date is None or ma.date == mb.date):
        return not (_before(a, b) or _before(b, a))
    if ma.date and mb.date and len(ma.date) == 10 and ma.date == mb.date:

        def words(m) -> set[str]:  # noqa: ANN001  (a draft meeting)
            return set(_WORD.findall((m.title.sv or m.title.en or "").casefold())) - _COMMON  # en: an English page

        return bool(words(ma) & words(mb))
    return False


def take_in(draft: PageDraft, linked: list[PageDraft]) -> tuple[PageDraft, list[str]]:
    """One page's draft with the pages linked with it in the listing (``linked``, drafted) taken in, as
    :func:`draft_listing` takes them: each about the same meeting (:func:`same_meeting`) is merged, the page
    of the sakråd section as the main source, also where ``data/`` already cites it as a source of the same
    meeting as this page (an invitation data/ cites still takes in the article that reports the meeting
    held); a page data/ cites for another meeting, or this page's not, is named and not merged. Returns the
    draft and what the command says of each page, in order."""
    said = []
    for other in linked:
        if other.meeting is None:
            continue
        if other.existing is not None and other.existing != draft.existing:
            said.append(
                f"note: {other.url}, linked with this page, is already a source of data/meetings/"
                f"{other.existing}.yaml"
                + (f", and this page of data/meetings/{draft.existing}.yaml" if draft.existing else "")
                + ": its facts are not merged; check whether this page is about that meeting"
            )
            continue
        if not same_meeting(draft, other):
            said.append(
                f"note: {other.url}, linked with this page, is not read as about the same meeting (another day, "
                "or published before this meeting's day as a report of one held): its facts are not merged"
            )
            continue
        if other.kind == "sakrad" and draft.kind != "sakrad":  # the sakråd section's page is the main source
            draft, other = other, draft
        merge(draft, other)
        said.append(f"{other.url} is about the same meeting: its facts are merged into the draft")
    return draft, said


def _before(report: PageDraft, meeting: PageDraft) -> bool:
    """Whether ``report``, undated, says a sakråd was held but was published before ``meeting``'s day: it
    reports an earlier meeting ("I våras bjöd … in till det första sakrådet"), not this one."""
    day = meeting.meeting.date if meeting.meeting else None
    held = report.meeting is not None and not report.meeting.announced_only and report.meeting.date is None
    return bool(held and day and report.published and report.published < day)


def _path(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def _recorded(known: Meeting) -> str:
    """The words the meeting already holds as what is discussed or presented: an area drafted from words
    the data records as presentations ('Vid mötet kommer A att presenteras', 'Vid mötet gavs information
    om A') is recorded, not missing."""
    texts = [a.sv for a in (*known.discussion_areas, *known.announced_discussion_areas)]
    if known.presentations is not None and known.presentations.description is not None:
        texts.append(known.presentations.description.sv)
    return "\n".join(_folded(t) for t in texts)


def _would_add(draft: Meeting, known: Meeting) -> list[str]:
    out = []
    recorded = _recorded(known)
    for name in ("discussion_areas", "announced_discussion_areas"):
        areas = getattr(draft, name)
        if areas and all(_folded(a.sv) in recorded for a in areas):
            draft = replace(draft, **{name: []})
    for name in (
        "date",
        "topic",
        "purpose",
        "place",
        "invited_count",
        "organisation_count",
        "participant_count",
        "other_participant_counts",
        "invited_description",
        "chair",
        "conveners",
        "government_participants",
        "agencies",
        "discussion_areas",
        "announced_discussion_areas",
        "presentations",
        "contact",
        "case_number",
    ):
        if getattr(draft, name) not in (None, []) and getattr(known, name) in (None, []):
            out.append(name)
    return out


def page_files(pages: Path) -> list[Path]:
    """Every page file under ``pages`` (``*.md``), in order, each checked before any is read: a folder,
    a FIFO, a device (a link to ``/dev/zero``), a link to nothing or a file larger than a page may be
    is an InputError naming it (all of them, at once); such a file is no page that cannot be read."""
    paths = sorted(pages.rglob("*.md"))
    problems = []
    for path in paths:
        try:
            check_page(path)
        except InputError as error:
            problems.append(error)
    if problems:
        raise InputErrors(problems)
    return paths


def draft_listing(entries: tuple[Entry, ...], pages: Path, corpus: Corpus) -> Batch:
    """Drafts every page under ``pages`` (``<section>/<yyyy>/<mm>/<slug>.md``) with its listing entry."""
    batch = Batch()
    drafts, cited = [], []
    paths = page_files(pages)
    addresses = tuple(page_url(path) for path in paths)  # an id names one address: no two pages share one
    for path in paths:
        try:
            page = read_page(path)
        except InputError as error:  # one page of a snapshot that cannot be read: named, the rest drafted
            batch.unread.append((page_url(path), error.problem))
            continue
        draft = draft_page(page, find_entry(entries, page_url(path)), corpus, addresses, page_url(path))
        if draft.existing:  # a source of a meeting in data/, whether or not its words read as about one
            known = next(m for m in corpus.meetings if m.id == draft.existing)
            add = _would_add(draft.meeting, known) if draft.meeting else []
            batch.existing.append((draft.url, draft.existing, add))
            if draft.meeting is not None:
                cited.append(draft)
        elif draft.meeting is None:
            batch.not_sakrad.append((draft.url, draft.kind, draft.mentions))
        else:
            drafts.append(draft)
    # the page of the site's sakråd section is the main source; an article about the same meeting adds to it
    drafts.sort(key=lambda d: (d.kind != "sakrad", d.url))
    for draft in drafts:
        known = next((d for d in cited if same_meeting(d, draft)), None)
        if known is not None:  # about a meeting of data/ (a page it cites is about the same): not a new one
            meeting = next(m for m in corpus.meetings if m.id == known.existing)
            batch.existing.append((draft.url, meeting.id, _would_add(draft.meeting, meeting)))
            batch.cited_with[draft.url] = known.url
            continue
        into = next((d for d in batch.drafts if same_meeting(d, draft)), None)
        if into is None:
            batch.drafts.append(draft)
        else:
            merge(into, draft)
            batch.merged.append((draft.url, into.meeting.id if into.meeting else ""))
    return batch
