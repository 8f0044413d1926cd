"""A draft meeting from a regeringen.se page and its listing entry, with ids resolved against ``data/``.

Only what the page (or its listing entry) states goes into the draft. A year the page leaves out is
worked out from an attachment's name or the publication date and marked with ``date_derivation``; an
invitation ("bjuder in") is marked as an announcement; the page's department label is its publisher,
never the organiser. New people, posts, bodies and sources are proposed as records to append to the
files of ``data/``. See ``docs/import.md``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..announced import HELD_ONLY, HELD_ONLY_GROUPS
from ..dated import date_refusal, derived_years, named_years
from ..numbered import FIRST_FURTHER
from ..organised import organiser_named
from ..placed import GOVERNMENT_OFFICES_RULE
from ..records import (
    Body,
    ChairRef,
    Contact,
    ConvenerRef,
    Corpus,
    Count,
    FactSource,
    FurtherCount,
    GovernmentParticipant,
    Holding,
    ListItem,
    Meeting,
    Note,
    Person,
    Post,
    Presentations,
    Source,
    Text,
)
from ..stated import discussion, flat_text, folded, folded_text
from ..titled import without_first_words
from ..typedyaml import load_record
from .draft import _comment, _mapping, slug
from .page_facts import (
    MINISTRY,
    MONTHS,
    Agent,
    PageFacts,
    StatedNumber,
    denied,
    is_day,
    other_meeting,
    read_facts,
    sentences,
)
from .regeringen import SECTION_KINDS, SITE, Entry, Link, Page, page_kind

__all__ = ["PageDraft", "address", "draft_page", "merge"]


@dataclass
class PageDraft:
    """What one page gives: its kind, and for a page about a sakråd the drafted meeting and the records
    it needs that ``data/`` does not have yet."""

    url: str
    kind: str  # sakrad | about | mention | other
    meeting: Meeting | None = None
    new: dict[str, list[object]] = field(default_factory=dict)  # file → records to append
    #: person of data/people.yaml → the holdings the page shows that data/ does not record (post and source)
    holdings: dict[str, list[Holding]] = field(default_factory=dict)
    comments: dict[str, list[str]] = field(default_factory=dict)
    existing: str | None = None  # the meeting of data/ this page is a source of
    #: the page texts its proposed sources keep (``file:``), by their path under ``data/``
    kept: dict[str, str] = field(default_factory=dict)
    mentions: list[str] = field(default_factory=list)
    links: tuple[str, ...] = ()  # the pages of the site this page links to (shortcuts)
    published: str | None = None  # the listing's publication date of the page
    origin: str = ""

    def note(self, path: str, text: str) -> None:
        self.comments.setdefault(path, []).append(text)

    def _loaded_back(self, text: str) -> tuple[Meeting, Meeting]:
        """The draft ``text`` loaded back, and the meeting it must equal. An English page's title has no
        Swedish (loading asks the reviewer for it): it is read back with a Swedish title put in for the check."""
        assert self.meeting is not None
        meeting = self.meeting
        if meeting.title.sv is None:
            text = text.replace("\ntitle:\n", "\ntitle:\n  sv: x\n", 1)
            meeting = dataclasses.replace(meeting, title=Text("x", meeting.title.en))
        loaded = load_record(Meeting, yaml.compose(text, Loader=yaml.SafeLoader), Path(f"draft of {self.url}"))
        return loaded, meeting

    def yaml(self) -> str:
        """The draft as a ``data/meetings/*.yaml`` text (checked by loading it back), followed by the
        records to append to the other files, as comments."""
        assert self.meeting is not None
        lines = [
            "# yaml-language-server: $schema=../../schema/meeting.schema.json",
            *(
                (
                    f"# DRAFT made by `sakrad-ld import` from {self.url}: check every fact against the page,",
                    f"# then save it as data/meetings/{self.meeting.id}.yaml.",
                )
                if self.existing is None
                else (
                    f"# DRAFT made by `sakrad-ld import` from {self.url}. The page is already a source of",
                    f"# data/meetings/{self.existing}.yaml: do not save this draft as a new meeting; check against the",
                    "# page what it has that the meeting lacks, and add only that to the meeting's file.",
                )
            ),
            *_comment("", tuple(self.comments.get("", ()))),
            *_comment("", tuple(self._absent())),
        ]
        _mapping(self.meeting, 0, "", {k: tuple(v) for k, v in self.comments.items()}, lines)
        text = "\n".join(lines) + "\n"
        loaded, meeting = self._loaded_back(text)
        if loaded != meeting:  # a bug in the writer, never the reader's fault
            raise AssertionError(f"the draft YAML does not load back as the drafted meeting:\n{text}")
        for file, records in self.new.items():
            if not records:
                continue
            text += f"\n# To append to data/{file}:\n"
            for record in records:
                block: list[str] = []
                _mapping(record, 4, "", {}, block)
                text += "#   - " + block[0].lstrip() + "\n" + "".join(f"# {b}\n" for b in block[1:])
        for path in self.kept:
            text += (
                "\n# The page's text, kept by the record's file: copy the page's Markdown unchanged to\n"
                f"# data/{path}\n"
                "# (--out and --out-dir write it beside the draft): loading reads the draft's facts against it.\n"
            )
        for person, holdings in self.holdings.items():
            text += f"\n# To add to the holds of {person} in data/people.yaml:\n"
            for holding in holdings:
                block = []
                _mapping(holding, 4, "", {}, block)
                text += "#   - " + block[0].lstrip() + "\n" + "".join(f"# {b}\n" for b in block[1:])
        return text

    def _absent(self) -> list[str]:
        """The comments on fields the draft leaves out ("the page gives no date"), each named by its field:
        no key of the draft carries them."""
        assert self.meeting is not None
        return [
            f"{key}: {text}"
            for key, texts in self.comments.items()
            if key and getattr(self.meeting, re.split(r"[\[.]", key)[0], None) in (None, [])
            for text in texts
        ]

    def hold(self, person: str, holding: Holding) -> None:
        """Proposes ``holding`` for a person of data/people.yaml, once."""
        mine = self.holdings.setdefault(person, [])
        if all((h.post, h.source) != (holding.post, holding.source) for h in mine):
            mine.append(holding)


def address(url: str) -> str:
    """The address a page is known by: its host (in lower case) and its path, without the scheme (http and
    https of one host are one page) or a final slash; a path alone is of www.regeringen.se."""
    m = re.match(r"(?i)^https?://([^/?#]+)(.*)$", url)
    host, path = (m[1].lower(), m[2]) if m else (SITE.split("://")[1], url)
    return f"{host}/{path.strip('/')}"


def _same(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return " ".join(s.replace("-och", "- och").split()).casefold()

    return norm(a) == norm(b)


def _words(s: str) -> list[str]:
    return " ".join(s.replace("-och", "- och").split()).casefold().split()


def _one_edit(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with one letter left out, added, changed, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]])
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _close(wording: str, labels: list[tuple[str, str]]) -> tuple[str, str, str] | None:
    """The one (id, label) whose words equal ``wording``'s but for one word a letter apart (a typo as
    'arbetlivsminister' for 'arbetslivsminister'), with the two words; None when none or several are."""
    mine = _words(wording)
    found = []
    for record_id, label in labels:
        theirs = _words(label)
        if len(theirs) != len(mine):
            continue
        differ = [(a, b) for a, b in zip(mine, theirs, strict=True) if a != b]
        if len(differ) == 1 and min(len(w) for w in differ[0]) >= 5 and _one_edit(*differ[0]):
            found.append((record_id, label, f"'{differ[0][0]}' for '{differ[0][1]}'"))
    return found[0] if len(found) == 1 else None


class _Ids:
    """Resolves people, posts, bodies and sources against the corpus; proposes the ones it lacks. A wording
    a letter from an existing record's (a typo on the page) takes that record's id and is flagged."""

    def __init__(self, corpus: Corpus, draft: PageDraft, published: str | None = None) -> None:
        self.corpus, self.draft = corpus, draft
        self.published = published  # the page's publication date: a holding dated by it is derived
        self.text = ""  # the page's text: a post of one ministry is that post only where the page names it

    def _near(self, what: str, file: str, wording: str, labels: list[tuple[str, str]]) -> str | None:
        close = _close(wording, labels)
        if close is None:
            return None
        record_id, label, why = close
        self.draft.note(
            "",
            f"CHECK: the page's {what} '{wording}' is taken as {record_id} ('{label}' in data/{file}), a close "
            f"match, not an exact one ({why}): keep it if the page means the same {what}, else propose a new one",
        )
        return record_id

    def _add(self, file: str, record: object) -> None:
        records = self.draft.new.setdefault(file, [])
        if all(getattr(r, "id", None) != getattr(record, "id", None) for r in records):
            records.append(record)

    def body(self, name: str, source: str) -> str:
        if _same(name, "Regeringskansliet"):
            return "regeringskansliet"
        found = next((b.id for b in self.corpus.bodies if _same(b.name.sv, name)), None)
        found = found or self._near("body", "bodies.yaml", name, [(b.id, b.name.sv) for b in self.corpus.bodies])
        if found:
            return found
        kind = "office" if name == "Statsrådsberedningen" else "ministry"
        new = Body(
            id=slug(name),
            name=Text(" ".join(name.replace("-och", "- och").split())),
            kind=kind,
            unit_of="regeringskansliet",
            unit_of_derivation=MINISTRY_RULE,  # a page rarely says so: the data's own placement, as data/ words it
            sources=[source],
        )
        self._add("bodies.yaml", new)
        return new.id

    def tied(self, agent: Agent) -> str | None:
        """The body of the government the page names beside ``agent``'s post and name, as where the post is
        held: "Tobias Olsson, enhetschef på Landsbygds- och infrastrukturdepartementet", "departementsråd
        vid Finansdepartementet Anna Berg"; None where it names none there."""
        if not agent.post or not agent.name:
            return None
        text = " ".join(self.text.split())
        post, name, at = (
            re.escape(agent.post),
            re.escape(agent.name),
            rf"(?:på|vid|hos|i|inom) (?P<body>{_MINISTRY_NAME})",
        )
        m = (
            re.search(rf"(?i:{post}) {name},? {at}", text)
            or re.search(rf"{name},? (?i:{post}) {at}", text)
            or re.search(rf"(?i:{post}) {at},? {name}\b", text)
        )
        return m["body"] if m else None

    def government(self, agent: Agent) -> bool:
        """Whether the page ties ``agent`` to a post of the government: a minister's or a state secretary's,
        or a post it says is held in a ministry or the Government Offices (:meth:`tied`). A title such as
        "lantbruksråd", "departementsråd" or "kansliråd" alone does not say whom its holder works for."""
        return agent.post is None or bool(_GOVERNMENT_POST.search(agent.post)) or self.tied(agent) is not None

    def post(self, label: str, source: str, body: str | None = None) -> str | None:
        """The post the page words ``label``: data/'s of that label, else a new one, placed in ``body`` where
        the page names the body it is held in (:meth:`tied`), else in the Government Offices where it is a
        minister's or a state secretary's (the data's own placement, with its derivation); any other new
        post is left out with a CHECK, as where it is held is not known.
        A post data/ places in one ministry ("enhetschef" of a ministry) is taken only where the page names
        that ministry: another's post of the same label is another post, left out with a CHECK."""
        found = next((p.id for p in self.corpus.posts if _same(p.label.sv, label)), None)
        found = found or self._near("post", "bodies.yaml", label, [(p.id, p.label.sv) for p in self.corpus.posts])
        record = next((p for p in self.corpus.posts if p.id == found), None)
        if record is not None and record.post_in != "regeringskansliet":
            body = next((b for b in self.corpus.bodies if b.id == record.post_in), None)
            if body is None or body.name.sv.casefold() not in self.text.casefold():
                self.draft.note(
                    "",
                    f"CHECK: the page's post '{label}' is in data/ a post of {record.post_in} ({found}), and the "
                    "page does not name that body: no post is drafted; add the post the page means by hand",
                )
                return None
        if found:
            return found
        if body is not None:  # "enhetschef på X-departementet": the page names where it is held
            new = Post(id=slug(label), label=Text(label), post_in=self.body(body, source), sources=[source])
        elif _GOVERNMENT_POST.search(label):
            new = Post(
                id=slug(label),
                label=Text(label),
                post_in="regeringskansliet",
                post_in_derivation=GOVERNMENT_OFFICES_RULE,  # a page names no ministry: the data's own placement
                sources=[source],
            )
        else:  # "lantbruksråd": neither a minister's nor a state secretary's, and the page says not whose
            self.draft.note(
                "",
                f"CHECK: the page gives the post '{label}' and names no body it is held in; it is neither a "
                "minister's nor a state secretary's, so it is not placed in the Government Offices and no post "
                "is proposed; add it by hand, in the body a document names",
            )
            return None
        self._add("posts (data/bodies.yaml)", new)
        return new.id

    def person(self, agent: Agent, source: str, as_of: str | None) -> tuple[str, str | None]:
        derived = PUBLICATION_DATE if as_of is not None and as_of == self.published else None
        post = self.post(agent.post, source, self.tied(agent)) if agent.post else None
        known = next((p for p in self.corpus.people if _same(p.name, agent.name or "")), None)
        new_id = slug(agent.name or "")
        if known is None and agent.name:
            close = _close(agent.name, [(p.id, p.name) for p in self.corpus.people])
            near = next((p for p in self.corpus.people if close and p.id == close[0]), None)
            if near is not None and post is not None and any(h.post == post for h in near.holds):
                known = near  # a letter apart, and the post data/ records for them: a typo on the page
                self._near("person", "people.yaml", agent.name, [(near.id, near.name)])
            elif near is not None:  # Persson/Pehrson: another person until someone says otherwise
                new_id = new_id if all(p.id != new_id for p in self.corpus.people) else f"{new_id}-ny"
                self.draft.note(
                    "",
                    f"CHECK: the page's person '{agent.name}' is a letter from {near.id} ('{near.name}' in "
                    f"data/people.yaml, {close[2]}), and "
                    f"{'the page gives no post' if post is None else f'its post {post!r} is not one data/ records for them'}: proposed as a new person ({new_id}); if the page means {near.id}, "
                    "use that id and leave the new record out",
                )
        if known:
            if post and all((h.post, h.source) != (post, source) for h in known.holds):
                self.draft.hold(known.id, Holding(post=post, source=source, as_of=as_of, as_of_derivation=derived))
            return known.id, post
        holds = [Holding(post=post, source=source, as_of=as_of, as_of_derivation=derived)] if post else []
        new = Person(id=new_id, name=agent.name or "", holds=holds, sources=[source])
        self._add("people.yaml", new)
        return new.id, post

    def known_source(self, url: str) -> str | None:
        """The record of data/sources.yaml at ``url``: the same host and path (``address``), never the same
        path on another host (regstat.regeringen.se keeps copies of www.regeringen.se's pages: another
        document, whose text data/ may not keep)."""
        mine = address(url)
        return next((s.id for s in self.corpus.sources if s.url and address(s.url) == mine), None)

    def source(self, record: Source) -> str:
        """The id of the source at ``record``'s address: data/'s, else ``record`` proposed, its id made
        unique (``-2``, ``-3`` …) where data/ has it for another address."""
        found = self.known_source(record.url or "")
        if found:
            return found
        taken = {s.id for s in self.corpus.sources}
        if record.id in taken:
            n = next(n for n in range(2, len(taken) + 3) if f"{record.id}-{n}" not in taken)
            record = dataclasses.replace(record, id=f"{record.id}-{n}")
        self._add("sources.yaml", record)
        return record.id


def _tense(facts: PageFacts) -> str:
    """How the page tells of the meeting: "past" (a report: it was held), "future" (an invitation, "bjuder
    in", or a meeting not held on the day it names), or "" (the page does not say)."""
    if facts.held and not facts.announced:
        return "past"
    return "future" if facts.invites == "bjuder" else ""


def _derived_year(day: int, month: int, published: dt.date, tense: str) -> int | None:
    """The year of a day the page gives without one: for a report (past tense) the last such day on or
    before the page's publication, for an invitation (present tense) the first on or after it, else the
    nearest to it; of the year before the publication, its year and the next, only those that have the day
    (29 February is of leap years only). ``None`` where none of them fits."""
    days = {}
    for y in (published.year - 1, published.year, published.year + 1):
        if is_day(day, month, y):
            days[y] = dt.date(y, month, day)
    if tense == "past":
        days = {y: d for y, d in days.items() if d <= published}
        return max(days, default=None)
    if tense == "future":
        days = {y: d for y, d in days.items() if d >= published}
        return min(days, default=None)
    return min(days, key=lambda y: abs((days[y] - published).days), default=None)


#: The words of the loader's reason for a date that is never this meeting's day (dated.date_refusal): a
#: publication line, a negation, a plan, a calling off, a move, another meeting's day.
_NOT_THE_DAY = re.compile(r"gives it as|called off|was moved|another meeting|another event")


def _as_written(reason: str | None, read: str, written: str) -> str | None:
    """The loader's ``reason`` quoting the page's ``written`` sentence, where it quotes the sentence as it
    was ``read`` (folded, with the worked-out year put in): a quote is the page's words, no year added."""
    if reason is None or read == written:
        return reason
    quoted = folded(read)
    if quoted in reason:
        return reason.replace(quoted, written)
    cut = next((n for n in range(len(quoted), 0, -1) if f"'{quoted[:n]}'" in reason), 0)
    if cut and len(quoted) == len(read):  # the loader quotes the sentence's start: as far in the page's words
        added = len(read) - len(written)
        at = next(i for i, (a, b) in enumerate(zip(read, written + " " * added, strict=True)) if a != b)
        return reason.replace(f"'{quoted[:cut]}'", f"'{written[: cut - added if cut > at else cut]}'")
    return reason


def _day_refusal(page: Page, words: str, date: str) -> tuple[bool, str | None]:
    """Whether the page dates the meeting ``date`` where it writes ``words`` ("den 5 april"), read as loading
    reads a kept text (dated.date_refusal), each sentence that writes them with the year put in where the
    page leaves it out; and the first reason one of them gives that the day is not this meeting's (a
    publication line, "hölls inte", "skulle ha hållits", a move from it …), which wins; where no sentence
    dates it, the reason loading gives for the first that names the day ("names the day a tisdag …")."""
    said, why, self_refused = False, None, None
    for paragraph in page.paragraphs:
        for sentence in sentences(paragraph):
            at = sentence.casefold().find(words.casefold())
            if at < 0:
                continue
            end = at + len(words)
            written = sentence
            if not re.search(r"\d{4}$", words) and not re.match(r" \d{4}\b", sentence[end:]):
                sentence = f"{sentence[:end]} {date[:4]}{sentence[end:]}"
            ok, reason = date_refusal(sentence, date)
            reason = _as_written(reason, sentence, written)
            said = said or ok is not None
            if reason is not None and _NOT_THE_DAY.search(reason) and why is None:
                why = reason
            elif reason is not None and ok is None and self_refused is None:
                self_refused = reason  # "names the day a tisdag, but … is a onsdag"
    return said, why or (self_refused if not said else None)


def _other_meetings(facts: PageFacts, entry: Entry, page: Page, date: str | None) -> tuple[list[str], list[str]]:
    """The sentences of ``page`` that date a meeting on another day than ``date`` (as loading reads them):
    "Den 3 mars 2024 hölls ett första sakråd …. Den 10 april 2024 hölls ett andra sakråd …"; and those
    that date it together with this one ("Den 4 mars och den 18 mars hölls två sakråd"): the page tells
    of both meetings at once."""
    if date is None or len(date) != 10 or not entry.published and any(y is None for *_, y, _ in facts.days):
        return [], []
    found, joint = [], []
    published = dt.date.fromisoformat(entry.published) if entry.published else None
    days = facts.days + facts.later_days
    for day, month, year, words in days:
        y = year or _derived_year(day, month, published, _tense(facts))  # type: ignore[arg-type]
        if y is None:
            continue  # no year near the page's has the day ("den 29 februari" in an invitation of 2025)
        other = f"{y:04d}-{month:02d}-{day:02d}"
        if other[5:] == date[5:]:
            continue
        said, why = _day_refusal(page, words, other)
        another = why is not None and "another meeting" in why  # "hölls ytterligare ett sakråd": loading says so
        if not another and (not said or why is not None):
            continue
        for paragraph in page.paragraphs:
            for sentence in sentences(paragraph):
                here = sentence.casefold()
                if words.casefold() not in here:
                    continue
                if any(w.casefold() in here for *_, w in days if w != words):
                    joint.append(sentence)
                else:
                    found.append(sentence)
    return list(dict.fromkeys(found)), list(dict.fromkeys(joint))


def _date(facts: PageFacts, entry: Entry, page: Page, draft: PageDraft) -> tuple[str | None, Text | None]:
    """The meeting's day: the first the page's first two paragraphs give that a sentence dates the meeting
    with and none gives as another day (dated.date_refusal, as loading reads it); the others are named
    in a CHECK."""
    tense = _tense(facts)
    published = dt.date.fromisoformat(entry.published) if entry.published else None
    for day, month, year, words in facts.days:
        if year is None and published is None:
            continue
        y = year or _derived_year(day, month, published, tense)  # type: ignore[arg-type]
        if y is None:
            draft.note(
                "", f"CHECK: the page gives '{words}', and no year near its publication has that day: no date taken"
            )
            continue
        said, why = _day_refusal(page, words, f"{y:04d}-{month:02d}-{day:02d}")
        if why is not None:
            draft.note("", f"CHECK: the page gives '{words}', not as a day loading takes as this meeting's: {why}")
            continue
        if said:
            facts.day, facts.day_words = (day, month, year), words
            return _day_date(facts, entry, draft, tense)
    return None, None


def _day_date(facts: PageFacts, entry: Entry, draft: PageDraft, tense: str) -> tuple[str | None, Text | None]:
    """The meeting's date from the page's day and the year it gives or the importer works out, with its
    derivation; a worked-out year the loader would not read from that derivation (dated.derived_years,
    dated.named_years: a report's day after its publication puts it in the year before, which a
    publication date does not name) is no date, and a CHECK says why."""
    date, derivation = _worked_out(facts, entry, draft, tense)
    if date is None or derivation is None:
        return date, derivation
    year, month, day = int(date[:4]), int(date[5:7]), int(date[8:10])
    years = derived_years(derivation.sv, month, day)
    if named_years(derivation.sv) - {year} or (years and year not in years):
        draft.note(
            "",
            f"CHECK: the page gives '{facts.day_words}' without a year, and the year worked out ({year}) is not "
            f"one its publication date names (published {entry.published}"
            + (f", updated {entry.updated}" if entry.updated else "")
            + "): no date is drafted; add it with a derivation only where a document gives the year",
        )
        return None, None
    return date, derivation


def _worked_out(facts: PageFacts, entry: Entry, draft: PageDraft, tense: str) -> tuple[str | None, Text | None]:
    assert facts.day is not None
    day, month, year = facts.day
    if year:
        return f"{year:04d}-{month:02d}-{day:02d}", None
    words = f"{day} {MONTHS[month - 1]}"
    for link in entry.attachments + entry.shortcuts:
        m = re.search(rf"\b{words} (\d{{4}})\b", link.name, re.IGNORECASE)
        if m and entry.published and tense == "future" and f"{m[1]}-{month:02d}-{day:02d}" < entry.published:
            draft.note(
                "",
                f"CHECK: the attachment '{_pdf_name(link.name)}' gives {words} {m[1]}, before the page (an "
                f"invitation) was published ({entry.published}): it is about another meeting, so its year is not taken",
            )
            continue
        last = (
            _derived_year(day, month, dt.date.fromisoformat(entry.published), "past")
            if m and entry.published and tense == "past"
            else None
        )
        if m and last is not None and int(m[1]) != last:  # a report's attachment of the day a year before
            draft.note(
                "",
                f"CHECK: the attachment '{_pdf_name(link.name)}' gives {words} {m[1]}, but the page reports a "
                f"meeting held by its publication ({entry.published}), whose last {words} is of {last}: the "
                "attachment may be of another meeting, so its year is not taken",
            )
            continue
        if m:
            return f"{m[1]}-{month:02d}-{day:02d}", Text(  # the kept text has no list of attachments: said so
                f'Sidan säger "{facts.day_words}" utan år; året står i namnet på den bifogade filen, som sidans '
                f'lista över bifogade filer skriver det (listan är inte med i den bevarade texten): "{_pdf_name(link.name)}".',
                f'The page says "{facts.day_words}" without a year; the year is in the name of the attached '
                f"file, as the page's list of attached files writes it (the list is not in the kept text): "
                f'"{_pdf_name(link.name)}".',
            )
    if not entry.published:
        return None, None
    published = dt.date.fromisoformat(entry.published)
    year = _derived_year(day, month, published, tense)
    if year is None:
        return None, None
    if year == _derived_year(day, month, published, ""):
        tense = ""  # the nearest year: said so, as loading reads it (dated.derived_years)
    if tense == "past":
        return f"{year:04d}-{month:02d}-{day:02d}", Text(
            f'Sidan säger "{facts.day_words}" utan år; sidan berättar om sakrådet i förfluten tid, så året är '
            f"det sista som sätter dagen före sidans publiceringsdatum ({entry.published}).",
            f'The page says "{facts.day_words}" without a year; the page reports the sakråd in the past tense, so '
            f"the year is the last that puts the day before the page's publication date ({entry.published}).",
        )
    if tense == "future":
        return f"{year:04d}-{month:02d}-{day:02d}", Text(
            f'Sidan säger "{facts.day_words}" utan år; sidan bjuder in till sakrådet, så året är det första som '
            f"sätter dagen efter sidans publiceringsdatum ({entry.published}).",
            f'The page says "{facts.day_words}" without a year; the page invites to the sakråd, so the year is '
            f"the first that puts the day after the page's publication date ({entry.published}).",
        )
    return f"{year:04d}-{month:02d}-{day:02d}", Text(
        f'Sidan säger "{facts.day_words}" utan år; året är det närmast sidans publiceringsdatum ({entry.published}).',
        f'The page says "{facts.day_words}" without a year; the year is the one nearest the page\'s '
        f"publication date ({entry.published}).",
    )


#: The ``unit_of_derivation`` of a ministry the page names and data/ lacks, as data/bodies.yaml words it
#: for every ministry: a page rarely says the ministry is part of Regeringskansliet.
MINISTRY_RULE = Text(
    "Källan säger inte att organet är en del av Regeringskansliet. Datan placerar det där, eftersom "
    "varje departement och Statsrådsberedningen är en del av Regeringskansliet.",
    "The source does not say the body is part of the Government Offices. The data places it there, as every "
    "ministry and the Prime Minister's Office (Statsrådsberedningen) are part of the Government Offices.",
)

#: A holding dated by its page's publication date: the page's text does not state that date (as data/people.yaml says it).
PUBLICATION_DATE = Text(
    "Källans publiceringsdatum (published i data/sources.yaml); källans text anger inte det datumet.",
    "The source's publication date (published in data/sources.yaml); the source's text does not state that date.",
)


def _attested_on(date: str | None, derivation: Text | None, published: str | None) -> str | None:
    """The date on which the page shows a post held: the meeting's day where the page states it (year
    included) and the meeting is not after the page was published, else the page's own publication date
    (an invitation shows the post held when it was published, not on the future day), else none. A
    derived date (a year worked out) is never an attested one."""
    if date and len(date) == 10 and derivation is None and (published is None or date <= published):
        return date
    return published or None


_TOPIC = re.compile(
    r"^(?:Inbjudan till )?(?:EU-)?(?:sakråd|samråd)\s+(?:om|angående|inför|med anledning av|"
    r"med temat|på temat)\s+",
    re.IGNORECASE,
)
_SOURCE_PREFIX = {"web-page": "regeringen", "article": "regeringen", "press-release": "regeringen"}


def _count(number: StatedNumber | None, grouped: bool = False) -> Count | None:
    """The count of ``number``; ``grouped``: with the group its words name, where the page counts groups apart."""
    if number is None:
        return None
    group = number.group if grouped else None
    return Count(text=number.text, value=number.value, approximate=number.approximate, bound=number.bound, group=group)  # type: ignore[arg-type]


def _groups(facts: PageFacts) -> list[FurtherCount]:
    """The further groups of people the page counts apart from the first count of people: representatives
    of the Government Offices it counts ("… samt ett tiotal representanter för Regeringskansliet"), each with
    its group, where the first count names its own group too ("ett tiotal representanter från olika
    civilsamhällesorganisationer"), so that no count reads as everyone who took part. None otherwise.
    Each is numbered (``n``, the end of its IRI, numbered.py) in the page's order: 2, 3, …"""
    if facts.participants is None or facts.participants.group is None:
        return []
    grouped = [number for number in facts.government_counts if number.group]
    return [
        FurtherCount(text=c.text, value=c.value, approximate=c.approximate, bound=c.bound, group=c.group, n=n)  # type: ignore[arg-type]
        for n, c in enumerate(grouped, start=FIRST_FURTHER)
    ]


_COUNTS = ("invited_count", "organisation_count", "participant_count")


def _count_again(draft: PageDraft, name: str, kept: Count, other: Count, where: str, source: str | None) -> Note | None:
    """A second count of the same kind: the same count again (in the same or other words) is drafted once
    and the comment quotes both wordings; a different one is a contradiction, kept as a note beside the
    drafted count and flagged for review."""
    if other.text == kept.text:
        draft.note(name, f'{where} states this count again in the same words ("{other.text}"): drafted once')
        return None
    if other.value is not None and (other.value, other.approximate, other.bound) == (
        kept.value,
        kept.approximate,
        kept.bound,
    ):
        draft.note(
            name,
            f'{where} states the same count again in other words: "{other.text}" (drafted: "{kept.text}"); '
            "drafted once",
        )
        return None
    draft.note(
        name,
        f'CHECK: {where} states another {name}, "{other.text}", where the draft has "{kept.text}": they '
        "contradict each other, so both are kept (the other as a note) for review",
    )
    return Note(
        about=name,  # type: ignore[arg-type]  (a field name of records.MeetingFact)
        source=source,
        text=Text(
            f'Sidan anger också "{other.text}", som skiljer sig från "{kept.text}".',
            f'The page also states "{other.text}", which differs from "{kept.text}".',
        ),
    )


def _short(text: str, words: int = 6) -> str:
    return "-".join(slug(text).split("-")[:words])


def _path_of(url: str) -> str:
    return "/" + re.sub(r"^https?://[^/]+", "", url).strip("/") + "/"


def page_source_id(url: str, meeting_id: str, corpus: Corpus, siblings: tuple[str, ...] = ()) -> str:
    """The id proposed for a page's record in ``data/sources.yaml``: ``regeringen-<yyyy>-<mm>-`` and the
    first five words of the page's slug, or more of them where those five are another address's id, in
    ``data/`` or among the ``siblings`` (the pages drafted with it): an id names one address, and a page is
    already a source only by its address (``known_source``). Where all of its slug's words are another's,
    the id ends in a number made from the address (deterministic: the same page gets the same id)."""
    path = _path_of(url)
    parts = path.strip("/").split("/")
    if len(parts) != 4:
        return f"regeringen-{meeting_id}"
    taken = {s.id: address(s.url) for s in corpus.sources if s.url}  # another host's copy is another address
    taken.update({s.id: "" for s in corpus.sources if not s.url})
    others = [p.strip("/").split("/") for p in map(_path_of, siblings) if p != path]
    words = slug(parts[-1]).split("-")

    def clash(n: int) -> bool:
        mine = f"regeringen-{parts[1]}-{parts[2]}-{'-'.join(words[:n])}"
        if mine in taken and taken[mine] != address(url):
            return True
        return any(len(o) == 4 and o[1:3] == parts[1:3] and slug(o[-1]).split("-")[:n] == words[:n] for o in others)

    for n in range(min(5, len(words)), len(words) + 1):
        if not clash(n):
            return f"regeringen-{parts[1]}-{parts[2]}-{'-'.join(words[:n])}"
    number = int(hashlib.sha256(path.encode("utf-8")).hexdigest()[:8], 16) % 100000
    return f"regeringen-{parts[1]}-{parts[2]}-{'-'.join(words[:5])}-{number:05d}"


def draft_page(
    page: Page, entry: Entry | None, corpus: Corpus, siblings: tuple[str, ...] = (), address: str | None = None
) -> PageDraft:
    """The draft of one page: a meeting for a page about a sakråd, a report for any other. ``siblings``:
    the addresses of the pages drafted with it (a listing, linked pages), whose ids its own may not take;
    ``address``: the page's address on the site (regeringen.page_url of its file), for a page the listing
    lacks, never the file's own path."""
    entry = entry or Entry(url=address or re.sub(r"^https?://[^/]+", "", page.origin), listed=False)
    kind = page_kind(page, entry)
    draft = PageDraft(
        url=entry.full_url,
        kind=kind,
        origin=page.origin,
        links=tuple(s.url for s in entry.shortcuts if not s.url.endswith(".pdf")),
        published=entry.published,
    )
    if kind in ("mention", "other"):
        draft.mentions = [
            s
            for p in page.paragraphs
            for s in re.split(r"(?<=\.)\s+", p)
            if re.search(r"sakråd|samråd", s, re.IGNORECASE)
        ]
        cited = _Ids(corpus, draft).known_source(entry.full_url)  # data/ cites it: it is about a meeting
        if cited is not None:
            draft.existing = next((m.id for m in corpus.meetings if cited in (m.source, *m.sources)), None)
        return draft
    if not entry.listed:
        draft.note("", "the page's listing entry is not in the listing: no publication date, sender or attachments")
    if entry.updated and entry.updated != entry.published:
        draft.note(
            "",
            f"CHECK: the listing says the page was updated on {entry.updated} (published {entry.published}): "
            "check what changed (a meeting moved, called off, or a fact corrected)",
        )
    for heading, names in _named_lists(page):
        draft.note(
            "",
            f"CHECK: the page lists names under '{heading}' ({', '.join(names)}): "
            + (
                "those invited, never those who took part; "
                if re.search(r"(?i)inbjud", heading)
                else "the importer takes no organisation from a page by name; "
            )
            + "add what the page states by hand, checked against it",
        )
    english = _not_swedish(page)
    if english:
        draft.note(
            "",
            "CHECK: the page is not in Swedish: the importer reads Swedish words only, so it read nearly "
            "nothing; the title is the page's own words, tagged en only where they are not Swedish, and its "
            "source says language: en. A "
            "meeting's title is Swedish: give it the Swedish page's title, or one of your own with "
            "title_derivation. Whether it was held is not drafted (no announced_only): read it from the page",
        )
    ids = _Ids(corpus, draft)
    ids.text = page.text
    facts = read_facts(page)
    for words in facts.no_days:
        if re.match(r"\d", words):  # "4 och 5 mars 2026": two days in one phrase
            draft.note("", f"CHECK: the page gives '{words}', two days in one phrase: no date taken from it")
        else:
            draft.note("", f"CHECK: the page gives '{words}', which is no day of the calendar: no date taken from it")
    date, derivation = _date(facts, entry, page, draft)
    if facts.invites == "bjuder" and date and len(date) == 10 and entry.published and entry.published > date:
        draft.note(
            "",
            f"CHECK: the page invites to the sakråd ('bjuder in') on {date}, and the listing says it was published "
            f"on {entry.published}, after that day: the listing's day may be an update, or the meeting has been held "
            "or moved since; check whether it was held before keeping announced_only",
        )
    other, joint = _other_meetings(facts, entry, page, date)
    if other:  # the page dates a second meeting: its facts are not this one's
        day = facts.day
        facts = read_facts(page, frozenset(other))
        facts.day = day
        for sentence in other:
            draft.note(
                "",
                f'CHECK: the page dates another meeting too ("{sentence}"): its facts are left out of this draft; '
                "draft it on its own",
            )
    if joint:  # "Den 4 mars och den 18 mars hölls två sakråd … Totalt deltog 40": a count may be over both
        for sentence in joint:
            draft.note(
                "",
                f'CHECK: the page tells of this meeting together with another ("{sentence}"): which meeting its '
                "counts are of, or whether they are totals over both, the importer cannot tell, so no count is "
                "drafted; add a count only where the page gives it for this meeting",
            )
        facts.organisations = facts.participants = None
        facts.counts, facts.government_counts = [], []
    month = date[:7] if date else (entry.published or "")[:7] or "undated"
    title = re.sub(r"^Inbjudan till (\w)", lambda m: m[1].upper(), page.title)
    topic_m = re.search(
        r"(?:sakråd|samråd) (?:om|angående|inför|med anledning av|med temat|på temat) (?P<t>[^.]+)",
        page.paragraphs[0] if page.paragraphs else "",
    )
    topic = _TOPIC.sub("", title) if _TOPIC.match(title) else (topic_m["t"] if topic_m else None)
    meeting_id = f"{date or month}-{_short(topic or title)}"
    section_kind = SECTION_KINDS.get(entry.section, "web-page")
    main_id = ids.known_source(entry.full_url) or page_source_id(entry.url, meeting_id, corpus, siblings)
    kept = None
    if page.markdown and ids.known_source(entry.full_url) is None:  # the page's text, kept as data/sources/ keep it
        kept = f"sources/{main_id}.md"
        draft.kept[kept] = page.markdown
    publisher = next(
        (
            ids.body(name, main_id)
            for name in entry.sender_names
            if re.search(r"departementet$|^Statsrådsberedningen$", name)
        ),
        None,
    )
    unnamed = [code for code, name in zip(entry.senders, entry.sender_names, strict=False) if not name]
    if unnamed:  # a listing copied without its codes.json: the department label is not known, not absent
        draft.note(
            "",
            f"CHECK: the listing names sender(s) {', '.join(unnamed)}, and no codes.json beside it names them: "
            "no publisher is drafted; keep codes.json beside the listing, or add publisher: by hand",
        )
    main = ids.source(
        Source(
            id=main_id,
            title=_english(page.title) if english else Text(page.title),
            kind=section_kind,
            url=entry.full_url,
            file=kept,
            publisher=publisher,
            published=entry.published,
            language="en" if english else None,
        )
    )
    further = []
    minutes: list[tuple[str, str]] = []  # (source id, title) of each attachment titled as the minutes
    for link in entry.attachments + entry.shortcuts:
        what = _attachment_kind(link)
        if what == "minutes" and _minutes_of_another(link.name, date):
            draft.note(
                "",
                f"CHECK: the attachment '{_pdf_name(link.name)}' names another meeting (another day, or an earlier "
                f"one): it is not taken as the minutes of this one, nor as its source ({link.full_url})",
            )
        elif what:
            prefix = "inbjudan" if what == "invitation" else "minnesanteckningar"
            further.append(
                ids.source(
                    Source(
                        id=f"{prefix}-{meeting_id}",
                        title=Text(_pdf_name(link.name)),
                        kind=what,
                        url=link.full_url,
                        published=None,
                    )
                )
            )
            if what == "minutes":
                minutes.append((further[-1], _pdf_name(link.name)))
        elif link in entry.attachments:
            draft.note("sources", f"attachment left out (neither invitation nor minutes): {link.name} {link.full_url}")
    as_of = _attested_on(date, derivation, entry.published)
    if as_of == date and _tense(facts) == "future" and not entry.published:  # a day to come shows no post held
        as_of = None
        draft.note(
            "",
            "the page invites to a meeting to come and the listing gives no publication date: the posts it gives "
            "are proposed without as_of (the day they were held on is not known)",
        )
    ids.published = as_of if as_of != date else None  # dated by the publication, not by the page's words

    conveners = []
    unposted = [a.words for a in facts.conveners if not a.body and a.post is None]
    if unposted:  # "bjöd Sveriges Kommuner och Regioner in": no post makes them people
        draft.note(
            "",
            f"CHECK: the page says '{' och '.join(unposted)}' invited, and gives no post that makes a person of it "
            "(it may be an organisation's name): not drafted as a convener; add the convener the page means by hand",
        )
    for agent in facts.conveners:
        if agent.body:
            conveners.append(ConvenerRef(body=ids.body(agent.body, main)))
        elif agent.post is None:
            continue
        else:
            person, post = ids.person(agent, main, as_of)
            conveners.append(ConvenerRef(person=person, post=post))
    chair = None
    notes = []
    if facts.chair:
        person, post = ids.person(facts.chair, main, as_of)
        chair = ChairRef(person=person, post=post)
        draft.note("chair", f'the page: "{facts.chair_words}"')
    participants = []
    for agent, sentence in facts.unposted:
        known = next((p for p in corpus.people if _same(p.name, agent.name or "")), None)
        if known is not None and (known.holds or known.member_of) and _bare(agent, sentence):
            facts.speakers.append((agent, sentence))  # data/ records their post or body
        else:
            draft.note(
                "",
                f"CHECK: the page says '{agent.words}', and neither it nor data/ ties '{agent.name}' to a "
                "government post or body (it may be an organisation's name): not drafted as a government "
                "participant; add them with their post if they spoke for the government",
            )
    for agent, sentence in facts.speakers:
        if not ids.government(agent):  # "berättade lantbruksråd Kristina Nordéus": whom she works for is unsaid
            draft.note(
                "",
                f"CHECK: the page says \"{sentence}\", and ties {agent.name} to no government post ('{agent.post}' "
                "is neither a minister's nor a state secretary's, and the page names no ministry or the Government "
                "Offices as where it is held): not drafted as a government participant, and no post is proposed; "
                "add them with their post where a document says whom they work for",
            )
            continue
        person, _ = ids.person(agent, main, as_of)
        if all(p.person != person for p in participants):
            participants.append(GovernmentParticipant(person=person, description=Text(sentence)))
    groups = _groups(facts)  # counted apart from the first group of people: each with its group
    for words in facts.government:  # "ett tjugotal representanter för olika departement i Regeringskansliet"
        ministries = sorted(set(MINISTRY.findall(words)))
        body = ids.body(ministries[0], main) if len(ministries) == 1 else "regeringskansliet"
        if any(p.body == body and p.description == Text(words) for p in participants):
            continue
        if re.match(r"(?i)representanter|företrädare", words) is None:
            counted = any(c.text == words for c in groups)
            draft.note(
                f"government_participants[{len(participants)}]",
                f'the page counts them: "{words}"; '
                + (
                    "the count is drafted in other_participant_counts with its group, and the words are kept "
                    "here as the description"
                    if counted
                    else "no count of the data model counts them here: a count of them is drafted (in "
                    "other_participant_counts) only beside a count of another group of people that names its group, "
                    "so the words are kept as the description"
                ),
            )
        participants.append(GovernmentParticipant(body=body, description=Text(words)))
    agencies = []
    for name in facts.agencies:
        found = next((b.id for b in corpus.bodies if _same(b.name.sv, name)), None)
        if found is None:
            found = slug(name)
            ids._add("bodies.yaml", Body(id=found, name=Text(name), kind="agency", sources=[main]))
        agencies.append(found)
    contact = None
    body = next((b.id for b in corpus.bodies if facts.contact and _same(b.name.sv, facts.contact)), None)
    if facts.contact and body is not None:  # a body of data/ is no contact person
        facts.unread.append(("contact", facts.contact))
    elif facts.contact:
        person, _ = ids.person(Agent(facts.contact, name=facts.contact), main, None)
        contact = Contact(person=person)
    for words, name, claim in facts.refused_counts:
        draft.note("", f'CHECK: the page\'s "{words}" is not drafted as {name}: {claim}')
    for what, sentence in facts.unread:
        said = (
            f"the page has {sentence}"
            if what == "nested"
            else f'the page holds "{sentence}"'
            if what == "hidden"
            else f'the page says "{sentence}"'
        )
        draft.note("", f"CHECK: {said}: {_UNREAD[what]}")
    organiser = _organiser(page, facts, ids, main, draft)
    if facts.announced and facts.invites == "bjöd":
        draft.note(
            "announced_only",
            'the page says the sakråd was invited to ("bjöd … in") and no sentence of it says the meeting was '
            "held: drop announced_only only where a document of the meeting says it was held",
        )
    held_source, held_derivation = None, None
    if facts.announced and minutes:  # minutes of it exist, so it was held: derived, as loading asks (announced.py)
        held_source, minutes_title = minutes[0]
        held_derivation = Text(
            "Att sakrådet hölls står inte i något läst dokument; det följer av att sidan har en bilaga med titeln "
            f'"{minutes_title}": minnesanteckningar från sakrådet finns. De är inte lästa, och inget här är hämtat ur dem.',
            "No document read says the sakråd was held; it follows from the page's attachment titled "
            f'"{minutes_title}": minutes of the sakråd exist. They were not read, and nothing here is taken from them.',
        )
        draft.note("held_derivation", "the page announces the sakråd; its attachment is titled as minutes of it")
    # an area the page only announces ("kommer att diskuteras") is announced, as is every area of a sakråd
    # the page only announces: the loader's own reading of the sentence (stated.discussion) decides
    flat = flat_text(page.text)
    announced = facts.announced and held_source is None
    readings = {a: discussion(a, page.text, flat) for a in facts.discussion_areas}
    for area in (a for a, said in readings.items() if said is None):
        draft.note(
            "",
            f"CHECK: the page gives '{area}', but not in words that say it was or is to be discussed (as loading "
            "reads them: 'gavs information om', 'beskrev' are not enough): not drafted as a discussion area",
        )
    areas = [a for a, said in readings.items() if said == "said" and not announced]
    presentations = _presentations(facts.presented, draft)
    announced_areas = [a for a, said in readings.items() if said is not None and a not in areas]
    for words in facts.agency_counts:  # "ett tiotal representanter för myndigheter": no count kind counts them
        draft.note(
            f"notes[{len(notes)}]",
            f'the page counts representatives of agencies: "{words}"; no count of the data model counts them, '
            "so the words are kept in a note",
        )
        notes.append(
            Note(
                about="agencies",
                text=Text(
                    f'Sidan anger att "{words}" deltog.',
                    f'The page states that "{words}" (representatives of agencies) took part.',
                ),
            )
        )
    drafted: dict[str, Count] = {}
    for name, number in facts.counts:  # a further count of the same kind: the same again, or a contradiction
        count = _count(number)
        assert count is not None
        if name not in drafted:
            drafted[name] = count
        elif (note := _count_again(draft, name, drafted[name], count, "the page", None)) is not None:
            notes.append(note)
    if facts.participants is not None and facts.participants.group and not groups:
        draft.note(
            "participant_count",
            f"CHECK: its words say whom it counts ('{facts.participants.group}'); group is drafted only beside "
            "further groups counted apart: add group: where this count is not of everyone who took part",
        )
    if groups:
        draft.note(
            "other_participant_counts",
            "the page counts further groups of people apart from participant_count's: each count has its group "
            "in the page's words, and no total is drafted (the page states none)",
        )
    for words in facts.discussion_words if areas or announced_areas else ():  # beside the field drafted
        draft.note("discussion_areas" if areas else "announced_discussion_areas", f'the page: "{words}"')
    if date is None:
        draft.note(
            "date",
            f"the page gives no date: the id uses the publication month ({month}); add the date "
            "only where a document of the meeting states it",
        )
    case_numbers = entry.case_numbers
    if len(case_numbers) > 1:
        draft.note("case_number", f"the listing gives several: {', '.join(case_numbers)}")
    draft.note("id", "an id of your choice: it becomes part of the meeting's IRI and must never change once published")
    if kind == "about":
        draft.note("title", "the article's headline: give the meeting a title that names the sakråd")
    if facts.held_unsaid:
        draft.note(
            "announced_only",
            "CHECK: no sentence of the page says the meeting was held ('hölls', 'deltog', 'samlades' …), nor "
            "invites to it: it is not drafted as held; drop announced_only only where a document says it was held",
        )
    if facts.not_held is not None and not facts.held:
        sentence, word = facts.not_held
        draft.note(
            "announced_only",
            "CHECK: no sentence of the page says this meeting was held: its words of holding are negated, "
            f"planned, of another time, called off or moved ('{word}': \"{sentence}\"), so it is not drafted "
            "as held; where that sentence is about something else, check what the page says of the meeting",
        )
    draft.meeting = Meeting(
        id=meeting_id,
        source=main,
        title=_english(title) if english else Text(title),
        title_derivation=(  # "Inbjudan till sakråd …" headed; the title is "Sakråd …" (titled.py checks it)
            without_first_words(page.title, page.title[: len(page.title) - len(title)].strip(), "invitation to")
            if title != page.title
            else None
        ),
        announced_only=facts.announced and held_source is None and not english,  # English: nothing was read
        held_derivation=held_derivation,
        held_source=held_source,
        sources=further,
        topic=Text(topic) if topic else None,
        organiser=organiser,
        date=date,
        date_derivation=derivation,
        place=facts.place,
        purpose=Text(" ".join(facts.purpose)) if facts.purpose else None,
        invited_count=_count(facts.invited),
        organisation_count=_count(facts.organisations),
        participant_count=_count(facts.participants, grouped=bool(groups)),
        other_participant_counts=groups,
        invited_description=Text(facts.invited_description) if facts.invited_description else None,
        chair=chair,
        conveners=conveners,
        government_participants=participants,
        agencies=agencies,
        discussion_areas=[ListItem(a) for a in areas],
        announced_discussion_areas=[ListItem(a) for a in announced_areas],
        presentations=presentations,
        contact=contact,
        case_number=case_numbers[0] if case_numbers else None,
        notes=notes,
    )
    if draft.meeting.announced_only:  # what only a held sakråd has is never drafted on an announced one
        dropped = [
            name for name in (*HELD_ONLY, *HELD_ONLY_GROUPS) if getattr(draft.meeting, name, None) not in (None, [])
        ]
        if dropped:
            draft.note(
                "",
                f"CHECK: the page does not say this sakråd was held, so what only a held one has is left out: "
                f"{', '.join(dropped)} (the page's words: check them against it)",
            )
            draft.meeting = dataclasses.replace(
                draft.meeting,
                **{name: [] if isinstance(getattr(draft.meeting, name), list) else None for name in dropped},
            )
    draft.existing = next((m.id for m in corpus.meetings if main in (m.source, *m.sources)), None)
    known = next((m for m in corpus.meetings if m.id == draft.existing), None)
    if known is not None and not known.announced_only and draft.meeting.announced_only:
        draft.meeting = dataclasses.replace(draft.meeting, announced_only=False)  # written as no key
        draft.note(
            "",
            f"the page does not say the sakråd was held, and data/meetings/{known.id}.yaml records it as held "
            "(from its other sources): announced_only is not drafted, as this page's silence adds nothing to "
            "the meeting",
        )
    return draft


#: Words that say a sentence names some of what was presented, not all ("bland annat", "till exempel").
_SOME = re.compile(r"(?i)\b(?:bland annat|bl\. ?a\.|till exempel|t\. ?ex\.|exempelvis|bland andra)\b")


def _presentations(presented: list[str], draft: PageDraft) -> Presentations | None:
    """What the page says was or is to be presented or informed about ("På mötet presenterades … en
    lägesrapport", "Vid mötet gavs information om A"), word for word, as the data keeps presentations: never
    a discussion area (the page does not say it was discussed), and no count (the page gives none)."""
    if not presented:
        return None
    draft.note(
        "presentations",
        "the page says what was presented or informed about: its sentences are drafted here word for word, "
        "not drafted as a discussion area (the page does not say it was discussed); no count is drafted",
    )
    for sentence in presented:
        some = _SOME.search(sentence)
        if some:
            draft.note(
                "presentations",
                f'CHECK: the page says "{some.group(0)}" ("{sentence}"): it names some of what was presented, not '
                "all; add a note about presentations saying so",
            )
    return Presentations(description=Text(" ".join(presented)))


_LIST_HEADING = re.compile(r"(?i)^#{1,6}\s*(?P<h>.*(?:inbjudna|deltagande|deltagare|medverkande|närvarande).*?)\s*#*$")


#: A sentence leading in a list of those invited or taking part ("Följande organisationer deltog:").
_LIST_LEAD = re.compile(
    r"(?i)^(?P<h>(?![-*•#]).*\b(?:deltog|deltagit|deltagande|deltagare|inbjudna|inbjöds|medverkade|närvarande)\b.*:)\s*$"
)


def _named_lists(page: Page) -> list[tuple[str, list[str]]]:
    """The lists of names the page gives under a heading of those invited or taking part ("## Inbjudna",
    "## Deltagande"): (the heading, the items)."""
    found: list[tuple[str, list[str]]] = []
    heading: str | None = None
    for block in page.blocks:
        for line in block:
            m = _LIST_HEADING.match(line) or _LIST_LEAD.match(line)
            item = re.match(r"^(?:[-*•]|\d{1,3}[.)])\s+(.+)$", line)
            if m:
                heading = m["h"].strip("*_ ")
                found.append((heading, []))
            elif line.startswith("#") or item is None:
                heading = None
            elif heading is not None:
                found[-1][1].append(item[1].strip())
    return [(h, names) for h, names in found if names]


def _english(words: str) -> Text:
    """An English page's words as a text: tagged en only (a language tag names the language of the string);
    no Swedish is drafted, and loading asks for it. Words with a Swedish letter or word ("Sakråd om hav")
    are Swedish, whatever the page's other words."""
    if re.search(r"[åäöÅÄÖ]", words) or _SWEDISH_WORDS & set(re.findall(r"[a-zåäö]+", words.casefold())):
        return Text(words)
    return Text(None, words)  # type: ignore[arg-type]


_SWEDISH_WORDS = frozenset(("och", "att", "det", "som", "till", "av", "på", "den", "för", "med", "om", "inför"))


def _not_swedish(page: Page) -> bool:
    """Whether the page's words are English rather than Swedish (more of English's commonest words)."""
    words = re.findall(r"[a-zåäö]+", page.text.casefold())
    english = sum(w in ("the", "and", "of", "to", "was", "were", "on", "by") for w in words)
    swedish = sum(w in ("och", "att", "det", "som", "till", "av", "på", "den", "för", "med") for w in words)
    return english >= 3 and english > 2 * swedish


def _minutes_of_another(name: str, date: str | None) -> bool:
    """Whether minutes titled ``name`` are of another meeting than the one of ``date``: the title names
    an earlier one ("förra årets", "föregående") or another day."""
    if re.search(r"(?i)\b(?:förra|fjolårets|föregående|tidigare)\b", name):
        return True
    m = re.search(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r")(?: (\d{4}))?\b", name, re.IGNORECASE)
    if m is None or date is None:
        return False
    day = f"{MONTHS.index(m[2].lower()) + 1:02d}-{int(m[1]):02d}"
    return date[5:] != day or (m[3] is not None and date[:4] != m[3])


def _attachment_kind(link: Link) -> str | None:
    if re.match(r"Inbjudan\b", link.name, re.IGNORECASE):
        return "invitation"
    if re.match(r"(?:Minnes)?anteckningar\b", link.name, re.IGNORECASE):
        return "minutes"
    return None


def _pdf_name(name: str) -> str:
    return re.sub(r"\s*\(pdf [^)]*\)\s*$|\.pdf$", "", name).strip()


#: The meeting's facts one page can give another, by field name (records.MEETING_FACTS).
_MERGED = (
    "topic",
    "organiser",
    "date",
    "place",
    "purpose",
    "invited_count",
    "organisation_count",
    "participant_count",
    "invited_description",
    "chair",
    "agencies",
    "discussion_areas",
    "announced_discussion_areas",
    "presentations",
    "contact",
    "case_number",
)


def merge(main: PageDraft, other: PageDraft) -> PageDraft:
    """One meeting from two pages about it: ``main``'s facts first, ``other``'s where ``main`` has none
    (named in ``fact_sources``), further conveners and participants with ``other``'s page as source."""
    a, b = main.meeting, other.meeting
    assert a is not None and b is not None
    changes: dict[str, object] = {}
    taken = []
    contradictions: list[Note] = []
    for name in _MERGED:
        mine, theirs = getattr(a, name), getattr(b, name)
        if theirs in (None, []):
            continue
        if name == "date" and a.date_derivation and not b.date_derivation and mine == theirs:
            changes.update(date=theirs, date_derivation=None)
            taken.append(name)
        elif mine in (None, []):
            changes[name] = theirs
            taken.append(name)
            if name == "date":
                changes["date_derivation"] = b.date_derivation
        elif name in _COUNTS and mine != theirs:
            note = _count_again(main, name, mine, theirs, other.url, b.source)
            if note is not None:
                contradictions.append(note)
        elif mine != theirs and name not in ("topic",):
            main.note(name, f"CHECK: {other.url} gives another {name}: {_plain(theirs)} (drafted: {_plain(mine)})")
            if name == "chair":  # who led it: a contradiction kept as a note, as for counts
                contradictions.append(
                    Note(
                        about="chair",
                        source=b.source,
                        text=Text(
                            f"Sidan anger en annan ordförande: {_plain(theirs)}.",
                            f"The page gives another chair: {_plain(theirs)}.",
                        ),
                    )
                )
    conveners = list(a.conveners) + [
        dataclasses.replace(c, source=b.source)
        for c in b.conveners
        if all((c.person, c.body) != (d.person, d.body) for d in a.conveners)
    ]
    participants = list(a.government_participants) + [
        dataclasses.replace(p, source=b.source)
        for p in b.government_participants
        if all(_who(p) != _who(q) for q in a.government_participants)
    ]
    # the further groups counted apart come with the count of people they stand beside, from one page:
    # the other page's only where this one has none and the count of people it keeps is theirs (with groups)
    if not a.other_participant_counts and b.other_participant_counts:
        kept = changes.get("participant_count", a.participant_count)
        if kept == b.participant_count:
            changes["other_participant_counts"] = [
                dataclasses.replace(c, source=b.source) for c in b.other_participant_counts
            ]
        else:
            main.note(
                "participant_count",
                f"{other.url} counts further groups of people apart ({', '.join(c.text for c in b.other_participant_counts)}): "
                "not drafted beside this page's count of people",
            )
    sources = [*a.sources, *(s for s in (b.source, *b.sources) if s not in a.sources and s != a.source)]
    # announced only while no page reports the meeting held; then the notes that go with the
    # announcement (minutes attached, not read) go too; notes about a fact are kept from both pages
    held = a.announced_only and not b.announced_only
    said, b_said = [n for n in a.notes if n.about is None], [n for n in b.notes if n.about is None]
    notes = [
        *([] if held else said or b_said),
        *(n for n in a.notes if n.about is not None),
        *(dataclasses.replace(n, source=n.source or b.source) for n in b.notes if n.about is not None),
        *contradictions,
    ]
    # held by derivation (minutes known by their title) only while no page reports the meeting held
    held_fields: dict[str, object] = {}
    if a.held_derivation is not None and not b.announced_only and b.held_derivation is None:
        held_fields = {"held_derivation": None, "held_source": None}
        main.note("held_derivation", f"{other.url} reports the meeting as held: held_derivation is dropped")
    elif a.announced_only and b.held_derivation is not None:
        held_fields = {"held_derivation": b.held_derivation, "held_source": b.held_source}
    main.meeting = dataclasses.replace(
        a,
        **changes,
        **held_fields,
        conveners=conveners,
        government_participants=participants,
        sources=sources,
        fact_sources=[*a.fact_sources, FactSource(facts=taken, source=b.source)] if taken else a.fact_sources,
        notes=notes,
        announced_only=a.announced_only and b.announced_only,
    )
    if held:
        main.note("announced_only", f"{other.url} reports the meeting as held: announced_only is dropped")
    for file, records in other.new.items():
        mine = main.new.setdefault(file, [])
        mine.extend(r for r in records if all(getattr(r, "id", None) != getattr(m, "id", None) for m in mine))
    for person, holdings in other.holdings.items():
        for holding in holdings:
            main.hold(person, holding)
    main.kept.update(other.kept)
    main.note("", f"also drafted from {other.url} (the same meeting)")
    for text in other.comments.get("", []):  # what the other page's draft left for review is left here too
        if text.startswith("CHECK:"):
            main.note("", f"{text} (on {other.url})")
    return main


_MINISTRY_NAME = r"(?:Regeringskansliet|Statsrådsberedningen|[A-ZÅÄÖ][a-zåäö]+(?:-\s?och\s+[a-zåäö]+)?departementet)"
#: The words naming who organises the sakråd: "avser X genomföra", "Sakrådet anordnades av X", "Den 4 mars
#: anordnade X ett sakråd", each with a second body where the page names two ("av X och Y gemensamt").
#: A second body named beside the first, organising with it: "och Y", "tillsammans med Y", "i samarbete
#: med Y", "på uppdrag av Y" (who then organised it is the reviewer's to say).
_SECOND = (
    r"(?:,? (?:och|samt|tillsammans med|i samarbete med|i samverkan med|jämte|med|på uppdrag av) "
    r"(?P<second>(?:[Dd]e )?[A-ZÅÄÖ][\w-]*(?: (?:och |för |i )?[A-ZÅÄÖ][\w-]*){0,6}))?"
)
_ORGANISER = (
    re.compile(
        r"(?:[Ss]akrådet|[Ss]amrådet|[Mm]ötet) (?P<verb>arrangerades|anordnades|organiserades) av "
        rf"(?P<body>{_MINISTRY_NAME}){_SECOND}"
    ),
    re.compile(
        rf"\b(?P<verb>anordnade|arrangerade|organiserade|höll) (?P<body>{_MINISTRY_NAME})"
        rf"{_SECOND} (?:ett|en|det) (?:\w+ )?(?:EU-)?(?:sakråd|samråd)"
    ),
)
#: Words of an intention to organise ("avser Justitiedepartementet genomföra ett EU-sakråd", "X planerar att
#: anordna", "X ska anordna"): said before the meeting, they do not say the body organised it.
_ORGANISING_VERB = r"(?:genomföra|anordna|arrangera|hålla|organisera|bjuda in)"
_INTENDED = (
    re.compile(rf"\b(?:avser|planerar|ämnar|tänker) (?P<body>{_MINISTRY_NAME}){_SECOND} (?:att )?{_ORGANISING_VERB}\b"),
    re.compile(
        rf"(?P<body>{_MINISTRY_NAME}){_SECOND} (?:avser|planerar|ämnar|tänker|ska|skall|kommer|har för avsikt)"
        rf"(?: att)? (?:\w+ )?{_ORGANISING_VERB}\b"
    ),
)
#: Words saying someone organises or organised a meeting ("som Naturskyddsföreningen anordnade",
#: "arrangerades av Naturvårdsverket", "står värd för"): where no ministry is read from them, a CHECK.
_ORGANISING = re.compile(
    r"\b(?:anordna\w*|arrangera\w*|organisera\w*|stod värd|står värd|var värd|värdskap\w*|initiativ\w*)\b"
)


def _organiser(page: Page, facts: PageFacts, ids: _Ids, main: str, draft: PageDraft) -> str | None:
    """The body the page says organised the sakråd, in a sentence about this meeting (not "Det förra mötet
    arrangerades av …") whose verb is not denied; two bodies organising it together are no one organiser: a
    CHECK names both and none is drafted. An intention ("avser X genomföra", "X planerar att anordna") is
    no organiser either: a CHECK quotes it."""
    for paragraph in page.paragraphs:
        for sentence in sentences(paragraph):
            intended = next((m for pattern in _INTENDED if (m := pattern.search(sentence))), None)
            if intended is not None:
                draft.note(
                    "",
                    f'CHECK: the page says "{sentence}": an intention ("{intended.group(0)}"), not that '
                    f"{intended['body']} organised the sakråd: no organiser is drafted; name the organiser where a "
                    "document says it organised it",
                )
                continue
            m = next((m for pattern in _ORGANISER if (m := pattern.search(sentence))), None)
            if m is None:
                if _ORGANISING.search(sentence) and re.search(r"(?i)sakråd|samråd|mötet", sentence):
                    draft.note(
                        "",
                        f'CHECK: the page says "{sentence}": who organised it is not drafted (no ministry the '
                        "importer reads as organising this sakråd); add the organiser by hand if the page names one",
                    )
                continue
            if other_meeting(sentence, facts.ordinal):
                draft.note("", f'CHECK: the page says "{sentence}": about another meeting, so no organiser is taken')
                continue
            if m.groupdict().get("verb") and denied(sentence, m["verb"]):
                continue
            if m.groupdict().get("second"):
                draft.note(
                    "",
                    f'CHECK: the page says "{sentence}": two bodies organised it together ({m["body"]} and '
                    f"{m['second']}), and organiser names one: none is drafted; name them in a note, or the one "
                    "the page gives as the organiser",
                )
                return None
            if not organiser_named(Body(id="", name=Text(m["body"]), kind="ministry"), folded_text(page.text)):
                draft.note(
                    "",
                    f'CHECK: the page says "{sentence}", and loading does not read it as naming {m["body"]} as '
                    "organising the sakråd (organised.organiser_named): no organiser is drafted",
                )
                return None
            draft.note("organiser", f'the page: "{m.group(0)} …"')
            return ids.body(m["body"], main)
    return None


#: A post of the government by its label alone: a minister's ("socialminister", "statsråd") or a state
#: secretary's ("statssekreterare", "statssekreterare hos landsbygdsministern").
_GOVERNMENT_POST = re.compile(r"(?i)(?:minister|ministern|statssekreterare|statsråd|statsrådet)$")

#: Why a sentence's fact is not drafted, by what it is about (PageFacts.unread).
_UNREAD = {
    "chair": "who chaired is not drafted (no whole name and government post the importer can read, a former "
    "post, or a post of another body); add the chair by hand if the page names one",
    "chairs": "it names two who chaired it, and a meeting has one chair: no chair is drafted; add the one "
    "the page says chaired it, or name both in a note",
    "speaker": "the person is not drafted as a government participant (a former post, or a post or "
    "organisation the page gives them that is not the government's); add them by hand if they spoke for it",
    "not a speaker": "the person named is not drafted as a government participant: loading reads the verb of "
    "opening, presenting or telling as not saying they did so at this meeting (a negation, a plan not said to "
    "have held, another event such as an interview)",
    "invited place": "the place an invitation names is not drafted (loading reads a place from words of holding: "
    "'hålls i', 'hölls i'); add it by hand where the page says the meeting was held there",
    "in place of": "it says who presented in place of another; loading (posted.py) reads 'i stället för' as "
    "governing the whole sentence and takes no one of it as a government participant, so none is drafted; the "
    "one after 'i stället för' did not present",
    "place": "its words after 'i' are not taken as the place (they do not start with a place's name); add the "
    "place by hand if the page states one",
    "contact": "the contact is a body or a role, not a person: no contact is drafted; add the contact person by "
    "hand if the page names one",
    "agencies": "those named are invited, which is not took part: no agency is drafted",
    "named": "the bodies or organisations it names are not drafted (the importer takes no organisation or "
    "agency from a page by name); add those the page says took part by hand, checked against it",
    "areas": "it says what was not discussed: no discussion area is drafted from it",
    "representatives": "it says no one of them took part: they are not drafted as a government participant",
    "nested": "each is a part of the item above it, not an area or a name of its own: none is drafted; add "
    "what the page states by hand",
    "number": "a number in it is drafted as no count (no noun the importer reads with it, those registered, or "
    "a count the data model has no field for); add it by hand, as a count or a note, if the page counts this "
    "meeting's participants with it",
    "hidden": "its reader is not shown it as text (an HTML comment, or struck-through words the page takes "
    "back): none of it is drafted; state it by hand only if the page says it where it is read",
    "another meeting": "it is about another meeting (an earlier one, or another of its kind): none of its facts "
    "is drafted as this meeting's",
}


def _bare(agent: Agent, sentence: str) -> bool:
    """Whether ``sentence`` names ``agent`` with nothing before the name that gives them a post or a body:
    "Jakob Forssmed berättade", not "Elevorganisationens ordförande Martin Andreasson berättade"."""
    at = sentence.find(agent.name or "")
    return at >= 0 and not re.search(r"(?:\b[A-ZÅÄÖ]\w+s|\b[a-zåäö]{4,}) $", sentence[:at])


def _who(participant: GovernmentParticipant) -> object:
    """A person once; a body ("representanter från Regeringskansliet") once for each wording."""
    return participant.person or (participant.body, participant.description)


def _plain(value: object) -> str:
    """A fact as the draft's comment quotes it: its words, or the ids and post it names, never a repr."""
    if isinstance(value, Text):
        return value.sv
    if isinstance(value, Count):
        return value.text
    if isinstance(value, ChairRef):
        return ", ".join(x for x in (value.person, value.post) if x)
    if isinstance(value, list):
        return ", ".join(_plain(v) for v in value)
    return str(value)
