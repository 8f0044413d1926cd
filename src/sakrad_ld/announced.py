"""A sakråd its sources only announce states no one who took part (a load-time check).

A page that invites to a sakråd ("bjuder in", an invitation) says it is to be held, not that it was:
invited is not took part. Such a meeting is marked ``announced_only: true`` (published as
``sakrad:announcedOnly``), and then the facts only a meeting that was held can have are refused, each
with the meeting file, the line of the fact and what is expected:

- who took part: ``organisations``, ``organisation_list``, ``agencies``, ``government_participants``;
- who chaired it: ``chair``;
- how many came: ``organisation_count``, ``participant_count`` and the further groups' counts,
  ``other_participant_counts`` (:data:`HELD_ONLY_GROUPS`);
- how many presentations were given: ``presentations.count`` (published as
  ``sakrad:statedPresentationCount``). An announced ``presentations.description`` (what is to be
  presented) stays;
- how the views given at it are handled: ``handling_of_views`` (views not yet given are handled by no one).

An invitation (``kind: invitation``) is such a document whatever the meeting: it is written before the
sakråd, so it says who is invited and who is to chair, never who took part, how many came or who
chaired. A fact of :data:`HELD_ONLY` and :data:`HELD_ONLY_GROUPS` (but ``handling_of_views`` and
``presentations.count``, which an invitation may announce) credited to an invitation, by ``fact_sources``,
the record's own ``source`` or as the meeting's main ``source``, is refused on any meeting
(:func:`check_invitation_credits`): those invited go in ``invited_count`` and ``invited_description``.

What an announcement does state stays: who calls the sakråd (``conveners``), whom and how many it
invites (``invited_description``, ``invited_count``), the questions, discussion areas and
presentations it announces, the contact for registering. In those texts, wording only a sakråd that
was held has ("deltog", "lyftes på mötet", "took part", "raised at the meeting") is reported as a warning
with the file, line and field (:func:`held_wording`): a quotation may use it rightly, so it is not
refused, but a person should check that it is not a held meeting's fact.

The other way round, a meeting *not* marked ``announced_only`` is published as held, so at least one
of its documents must be able to say so: a meeting every one of whose documents (its ``source``, the
documents its facts are credited to, and those of its ``sources`` whose text is kept: a listed
attachment nobody read says nothing) has a known publication date (``published`` in
data/sources.yaml, published as ``dct:issued``) before the meeting's first day (its ``date``, or the
first of its ``days``), or is an invitation (``kind: invitation``) whose date is not known, is refused
(:func:`check_held`): an announcement is not a held meeting. An invitation is written to announce, so
one without a date counts as published before the day; one dated counts by its date, as every
document does (regeringen.se's pages under /sakrad/ are often rewritten after the meeting: the page
of the sakråd of 22 May 2025 is dated 29 August 2025 and says what was given "vid mötet"). Any other
document whose publication date is not known (an article, minutes, a documentation), or any document
published on or after the day, lets it stand. A date given only to the month or year counts from its first day, a publication date so given
to its last, so the check never refuses where the order is unknown.

A meeting not marked ``announced_only`` all of whose read documents have kept texts, none of which
says a meeting was held or someone took part (:data:`HELD_SAID_WORDS`: "hölls", "genomfördes", "ägde
rum", "ägde inte rum förrän", "höll ett sakråd", "anordnades", "deltog", "samlades", "träffades", "vid
mötet" …; an invitation's "bjöd in" / "bjuder in" is not one, nor such a word the text reports as
hearsay: "Sakrådet hölls enligt uppgift i Umeå", "Det sägs att sakrådet hölls"), gets a warning at its ``date`` line (:func:`held_said`): a page dated after the day may only
report the invitation. It is a warning, not a refusal: a kept text may say it in words not listed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .clauses import LazyPattern
from .errors import InputError, Where
from .stated import folded_text
from .typedyaml import quoted

if TYPE_CHECKING:
    from .records import Corpus, Meeting

__all__ = [
    "HELD_ONLY",
    "HELD_ONLY_GROUPS",
    "HELD_WORDING",
    "HELD_SAID_WORDS",
    "check_announced_only",
    "check_held",
    "check_held_derived",
    "check_invitation_credits",
    "held_said",
    "held_wording",
]

#: The facts only a sakråd that was held can have, with what each says.
HELD_ONLY: dict[str, str] = {
    "organisations": "which organisations took part",
    "organisation_count": "how many organisations took part",
    "participant_count": "how many people took part",
    "organisation_list": "whether the list of those who took part is complete",
    "chair": "who chaired it",
    "agencies": "which agencies took part",
    "government_participants": "who from the Government Offices took part",
    "presentations.count": "how many presentations were given",
    "handling_of_views": "how the views given at it are handled",
}
#: The further groups of people counted apart from ``participant_count``'s, only a held sakråd has either
#: (records.Meeting.other_participant_counts; the shapes refuse any sakrad:participantCount of it).
HELD_ONLY_GROUPS: dict[str, str] = {
    "other_participant_counts": "how many people of further groups took part",
}


def check_announced_only(corpus: Corpus) -> list[InputError]:
    """Every fact of :data:`HELD_ONLY` and :data:`HELD_ONLY_GROUPS` stated on a meeting marked
    ``announced_only``."""
    errors: list[InputError] = []
    for m in corpus.meetings:
        if not m.announced_only:
            continue
        for name, says in {**HELD_ONLY, **HELD_ONLY_GROUPS}.items():
            if name == "presentations.count":
                value = getattr(m.presentations, "count", None)
                lines = getattr(m.presentations, "lines", None)
                where = lines.where("count") if lines else Where(Path("?"), 0, name)
            else:
                value = getattr(m, name)
                where = m.lines.where(name) if m.lines else Where(Path("?"), 0, name)
            if value in (None, [], ()):
                continue
            errors.append(
                InputError(
                    where,
                    f"{name} ({says}) on a sakråd marked announced_only: its documents only announce it or "
                    "invite to it, so they do not say it was held, nor who took part",
                    f"no {name} while announced_only is true (conveners, invited_count, invited_description, "
                    "questions, discussion_areas and a presentations description may stay), or announced_only left out "
                    "where a document says the sakråd was held",
                    'docs/adding-a-meeting.md, "announced_only"',
                )
            )
    return errors


#: The facts of :data:`HELD_ONLY` and :data:`HELD_ONLY_GROUPS` an invitation cannot state: who took part,
#: how many came, who chaired (not ``handling_of_views`` or ``presentations.count``, which it may announce).
NOT_INVITED = tuple(
    name for name in (*HELD_ONLY, *HELD_ONLY_GROUPS) if name not in ("handling_of_views", "presentations.count")
)


def _credits(m: Meeting, name: str) -> list[tuple[Where, str]]:
    """Where each value of the meeting's fact ``name`` stands and the document it is credited to: its own
    ``source`` (a chair's, a count's, a government participant's), else ``fact_sources``', else the main one."""
    value = getattr(m, name)
    if value in (None, [], ()):
        return []
    where = m.where(name)
    if name == "government_participants" or name == "other_participant_counts":
        return [(m.where(f"{name}[{i}]"), getattr(v, "source", None) or m.source_of(name)) for i, v in enumerate(value)]
    return [(where, getattr(value, "source", None) or m.source_of(name))]


def check_invitation_credits(corpus: Corpus) -> list[InputError]:
    """Every fact of :data:`NOT_INVITED` (who took part, how many came, who chaired) credited to a document
    of ``kind: invitation``: written before the sakråd, it says who is invited or is to chair, not who
    took part or chaired."""
    kinds = {s.id: s.kind for s in corpus.sources}
    errors: list[InputError] = []
    for m in corpus.meetings:
        for name in NOT_INVITED:
            says = HELD_ONLY.get(name) or HELD_ONLY_GROUPS[name]
            for where, source in _credits(m, name):
                if kinds.get(source) != "invitation":
                    continue
                errors.append(
                    InputError(
                        where,
                        f"{name} ({says}) is credited to the invitation {quoted(source)}: an invitation is written "
                        "before the sakråd and says who is invited or is to chair, not who took part, how many "
                        "came or who chaired",
                        f"{name} credited (fact_sources, or its own source) to a document that says it of the held "
                        "sakråd (minutes, a page published after it), or left out; those invited in invited_count "
                        "and invited_description",
                        'docs/load-checks.md, "An invitation says who is invited, not who took part"',
                    )
                )
    return errors


def _error(where: Where, message: str, expected: str) -> InputError:
    return InputError(where, message, expected, 'docs/adding-a-meeting.md, "announced_only"')


def check_held_derived(corpus: Corpus) -> list[InputError]:
    """A meeting marked ``announced_only`` that cites minutes of itself (one of its ``sources`` of kind
    ``minutes``) without a note about ``announced_only`` saying why they do not show it was held: an
    attachment titled as minutes of the sakråd is a source saying minutes of it exist, so that it was
    held follows (``held_derivation``). And ``held_derivation`` with ``held_source`` (the meeting's
    ``source`` or one of its ``sources``), never beside ``announced_only``."""
    kinds = {s.id: s.kind for s in corpus.sources}
    titles = {s.id: s.title for s in corpus.sources}
    errors: list[InputError] = []
    for m in corpus.meetings:
        minutes = [s for s in m.sources if kinds.get(s) == "minutes"]
        if m.announced_only and minutes and not any(n.about == "announced_only" for n in m.notes):
            title = getattr(titles.get(minutes[0]), "sv", None) or ""
            errors.append(
                _error(
                    m.where("announced_only"),
                    f"announced_only on a sakråd that cites minutes of itself ({quoted(minutes[0])}"
                    + (f", {quoted(title)}" if title else "")
                    + "): an attachment titled as minutes of the sakråd says minutes of it exist, so that it was "
                    "held follows from it, and the data does not say why it would not",
                    "announced_only left out and held_derivation (sv, en: that it was held follows from the "
                    "minutes' title; they were not read) with held_source naming the minutes, or a note with "
                    "about: announced_only saying why the minutes do not show it was held",
                )
            )
        if (m.held_derivation is None) != (m.held_source is None):
            given, missing = (
                ("held_derivation", "held_source") if m.held_source is None else ("held_source", "held_derivation")
            )
            errors.append(
                _error(
                    m.where(given),
                    f"{given} without {missing}: a derived fact says how it was worked out and from which document",
                    "held_derivation (sv, en) and held_source (the source or one of sources, such as the minutes) "
                    "together",
                )
            )
            continue
        if m.held_derivation is None:
            continue
        if m.announced_only:
            errors.append(
                _error(
                    m.where("held_derivation"),
                    "held_derivation on a sakråd marked announced_only: the data cannot say both that it was held "
                    "and that it is only announced",
                    "announced_only left out where held_derivation says it was held",
                )
            )
        if m.held_derivation.en is None:
            errors.append(
                _error(
                    m.where("held_derivation"),
                    "held_derivation without en: a derivation is published in Swedish and English",
                    "held_derivation with sv and en",
                )
            )
        if m.held_source != m.source and m.held_source not in m.sources:
            errors.append(
                _error(
                    m.where("held_source"),
                    f"held_source {quoted(m.held_source)} is neither the sakråd's source nor one of its sources",
                    "held_source naming the sakråd's source or one of sources (the minutes of the sakråd)",
                )
            )
    return errors


def _first_day(m: Meeting) -> str | None:
    """The meeting's earliest possible day as a comparable string (a month's or year's "-00" padded)."""
    days = [d for d in [m.date, *(m.days or [])] if d]
    if not days:
        return None
    return min(str(d) + "-00" * (2 - str(d).count("-")) for d in days)


def _read(m: Meeting, kept: dict[str, str]) -> list[str]:
    """The documents a meeting's facts are read from: its ``source``, those ``fact_sources`` and its
    participations, notes and counts credit, and every one of its ``sources`` whose text is kept. A
    listed document that is neither (minutes attached to a page, not read) says nothing the data gives."""
    read = [m.source, *(fs.source for fs in m.fact_sources)]
    for ref in [m.chair, *m.conveners, *m.government_participants, m.contact, m.press_contact, *m.notes]:
        if ref is not None and getattr(ref, "source", None):
            read.append(ref.source)
    for count in (m.invited_count, m.organisation_count, m.participant_count, *m.other_participant_counts):
        if count is not None and getattr(count, "source", None):
            read.append(count.source)
    read += [s for s in m.sources if s in kept]
    return list(dict.fromkeys(read))


def check_held(corpus: Corpus) -> list[InputError]:
    """Every meeting not marked ``announced_only`` whose documents were all published before its first day."""
    published = {s.id: s.published for s in corpus.sources}
    kinds = {s.id: s.kind for s in corpus.sources}
    errors: list[InputError] = []
    for m in corpus.meetings:
        if m.announced_only or m.held_derivation is not None or (first := _first_day(m)) is None:
            continue  # held_derivation: a cited document (minutes of it) shows it was held
        cited = _read(m, corpus.copies)
        dates = [published.get(c) for c in cited]
        # any document not dated may say it was held, unless it is an invitation: one is written to announce
        if any(d is None and kinds.get(c) != "invitation" for c, d in zip(cited, dates, strict=True)):
            continue
        # a publication date given to the month or year counts to its last day ("-99" sorts after every day)
        last = max((str(d) + "-99" * (2 - str(d).count("-")) for d in dates if d is not None), default="")
        if last >= first:
            continue
        listing = ", ".join(
            f"{quoted(c)} {d}" if d is not None else f"{quoted(c)} (an invitation, date not known)"
            for c, d in zip(cited[:5], dates, strict=False)
        ) + (f" and {len(cited) - 5} more" if len(cited) > 5 else "")
        errors.append(
            InputError(
                m.where("date") if m.date else m.where("days"),
                f"the sakråd of {first[:10].replace('-00', '')} is published as held, but its documents "
                f"({listing}) can only announce it: each is an invitation not dated or was published before that day, "
                "so none can say it was held",
                "announced_only: true (and no facts only a held sakråd has), or a document published on or after "
                "the day that says it was held, listed in sources",
                'docs/adding-a-meeting.md, "announced_only"',
            )
        )
    return errors


#: Words only a sakråd that was held has: someone took part, led it, raised, presented or discussed
#: something at it (Swedish and English, past tense). An announcement says "deltar", "kommer att
#: diskuteras", "is to be presented".
HELD_WORDING = LazyPattern(
    r"\b(?:deltog|deltagit|deltagande organisation(?:er|erna)?|de \d+ deltagande|lyftes|lyfte|leddes|ledde"
    r"|framfördes|diskuterades)\b"
    r"|\b(?:presenterade|presenterades|diskuterade|framförde)\b[^.]{0,60}\b(?:på|vid|under) (?:mötet|sakrådet|samrådet)\b"
    r"|\b(?:på|vid|under) (?:mötet|sakrådet|samrådet)\b[^.]{0,60}\b(?:presenterade|presenterades|diskuterade)\b"
    r"|\b(?:took part|participated|was chaired|chaired by|was led|were raised|was raised|raised at|raised during"
    r"|presented at the|were presented|was discussed|were discussed)\b",
    re.IGNORECASE,
)


def _texts(m: Meeting) -> list[tuple[Where, Any]]:
    """The texts an announced sakråd may have, each with its place (file, line, field)."""

    def at(record: Any, name: str, path: str) -> Where:
        lines = getattr(record, "lines", None)
        where = lines.where(name) if lines else m.where(name)
        return Where(where.file, where.line, path)

    out: list[tuple[Where, Any]] = []
    for name in ("questions", "discussion_areas"):
        for i, text in enumerate(getattr(m, name, None) or []):
            out.append((at(m, name, f"{name}[{i}]"), text))
    for name in ("purpose", "topic", "invited_description"):
        if value := getattr(m, name, None):
            out.append((at(m, name, name), value))
    presentations = getattr(m, "presentations", None)
    if presentations is not None and presentations.description is not None:
        out.append((at(presentations, "description", "presentations.description"), presentations.description))
    for i, note in enumerate(getattr(m, "notes", None) or []):
        out.append((at(note, "text", f"notes[{i}].text"), note.text))
    return out


def held_wording(corpus: Corpus) -> list[InputError]:
    """Every text of a meeting marked ``announced_only`` worded as a held meeting's (:data:`HELD_WORDING`):
    a warning, not a refusal (a note may quote such words to say they are not the source's)."""
    warnings: list[InputError] = []
    for m in corpus.meetings:
        if not m.announced_only:
            continue
        for where, text in _texts(m):
            for lang, words in (("sv", getattr(text, "sv", text)), ("en", getattr(text, "en", None))):
                match = HELD_WORDING.search(str(words or ""))
                if not match:
                    continue
                field_name = where.field + ("" if lang == "sv" else ".en")
                warnings.append(
                    InputError(
                        Where(where.file, where.line, field_name),
                        f"{field_name} on a sakråd marked announced_only says {match.group(0)!r}, the wording of "
                        "a meeting that was held, though its documents only announce it",
                        "what the announcement says (what is to be discussed, who is invited), or a quotation "
                        "marked as such; where a document says the sakråd was held, announced_only left out",
                        'docs/adding-a-meeting.md, "announced_only"',
                    )
                )
                break
    return warnings


#: Words saying a meeting was held or that someone took part in it (folded, whole words; Swedish and
#: English). An invitation ("bjöd in", "bjuder in", "inbjudan") is not one. A negation with "förrän" /
#: "until" says it was held, later ("ägde inte rum förrän den 10 september", "was not held until").
HELD_SAID_WORDS = LazyPattern(
    r"(?<!\w)(?:hölls|hållits|genomfördes|genomförts|genomfört|genomförde|ägde rum|ägde (?:inte|ej) rum förrän"
    r"|har ägt rum|skedde|höll (?:ett |en )?(?:sakråd|samråd|möte|dialogmöte)\w*|anordnades|arrangerades"
    r"|deltog|deltagit|deltagande (?:organisation|myndighet|aktör)\w*|deltagarna|medverkade|medverkat|närvarade|samlades|samlade"
    r"|träffades|träffade|möttes|mötte|sammanträdde|lyftes|lyfte|diskuterades|diskuterade|leddes|ledde"
    r"|inledde|inleddes|framfördes|framförde|presenterade|presenterades|informerade|berättade|redogjorde"
    r"|(?:vid|på|under|efter) (?:mötet|sakrådet|samrådet|dialogmötet)"
    r"|took place|(?:was|were|been)(?: \w+ly)? (?:held|conducted|convened)|(?:was|were) not held until|did not take place until|took part|participated|attended|met with|gathered|was chaired|discussed"
    r"|were raised|was raised)(?!\w)"
)


def _says_held(text: str) -> str | None:
    """What the kept text ``text`` says of the holding: "" where a word of holding or taking part
    (:data:`HELD_SAID_WORDS`) stands that no hearsay governs; the first hearsay's words where each of them
    is reported as hearsay (:func:`sakrad_ld.clauses.guard_in`: "Sakrådet hölls enligt uppgift i Umeå",
    "Det sägs att sakrådet hölls", "The meeting was reportedly held" report what others say was); None
    where it has no such word."""
    from .clauses import HEARSAY, guard_in
    from .stated import _sentence

    marked = folded_text(text)
    flat = marked.replace("\x00", " ")
    reported = None
    for m in HELD_SAID_WORDS.finditer(flat):
        lo, hi = _sentence(marked, m.start(), m.end())
        if (hearsay := guard_in(flat, lo, hi, m.start(), m.end(), kinds=(HEARSAY,))) is None:
            return ""
        reported = reported or hearsay[0]
    return reported


def held_said(corpus: Corpus) -> list[InputError]:
    """Every meeting not marked ``announced_only`` whose read documents (:func:`_read`) all have kept
    texts, none of which has a word of holding or taking part (:data:`HELD_SAID_WORDS`) that is not
    reported as hearsay (:func:`_says_held`): a warning at its ``date`` (or ``days``) line, naming the
    documents (and the hearsay, where there is one)."""
    warnings: list[InputError] = []
    said: dict[str, str | None] = {}
    for m in corpus.meetings:
        if m.announced_only or m.held_derivation is not None:
            continue
        cited = _read(m, corpus.copies)
        if not cited or any(c not in corpus.copies for c in cited):
            continue  # a document whose text is not kept may say it
        for c in cited:
            if c not in said:
                said[c] = _says_held(corpus.copies[c])
        if any(said[c] == "" for c in cited):
            continue
        field_name = "date" if m.date else "days"
        where = m.where(field_name)
        listing = ", ".join(quoted(c) for c in cited)
        hearsay = next((said[c] for c in cited if said[c]), None)
        but = f" but as hearsay ({hearsay!r})" if hearsay else ""
        warnings.append(
            InputError(
                Where(where.file, where.line, "announced_only"),
                f"the sakråd is published as held (announced_only is not true), but no kept text it is read from "
                f"({listing}) says it was held or that anyone took part{but} (no 'hölls', 'genomfördes', "
                "'ägde rum', 'deltog', 'samlades', 'träffades' …): an invitation ('bjöd in') reported after the day "
                "is not a held meeting",
                "announced_only: true where the documents only invite to it, or a document that says it was held "
                "(credited in fact_sources or listed in sources with its text kept)",
                'docs/adding-a-meeting.md, "announced_only"',
            )
        )
    return warnings


def held_called_off(corpus: Corpus) -> list[InputError]:
    """Every meeting not marked ``announced_only`` one of whose read documents' kept texts calls it off
    (:func:`sakrad_ld.clauses.called_off_elsewhere`: "Sakrådet ställdes in.", "Det har ställts in.",
    "Regeringen ställde in mötet.", "It has been cancelled.", "Sakrådet blir inte av.", a line "INSTÄLLT"),
    or reports as hearsay that it was ("Mötet har enligt uppgift ställts in"): a warning at its ``date`` (or
    ``days``) line quoting the sentence or line. A cancelled meeting was not held, and a text reporting a
    calling off as hearsay does not say it was; a date, count, place or participant credited to such a text
    is refused besides (dated.py, counted.py, placed.py, stated.py)."""
    from .clauses import CallingOff, called_off_elsewhere
    from .stated import _flat

    warnings: list[InputError] = []
    off: dict[str, CallingOff | None] = {}
    for m in corpus.meetings:
        if m.announced_only or m.held_derivation is not None:
            continue
        for c in _read(m, corpus.copies):
            if c not in corpus.copies:
                continue
            if c not in off:
                off[c] = called_off_elsewhere(_flat(folded_text(corpus.copies[c])), 0, 0)
            if (said := off[c]) is None:
                continue
            where = m.where("date" if m.date else "days")
            says = {
                "hearsay": f'reports as hearsay that it was called off ({said.words!r}: "{said.sentence}")',
                "label": f"labels it called off ({said.line}: {said.words!r})",
            }.get(said.how, f'says it was called off ({said.words!r}: "{said.sentence}")')
            warnings.append(
                InputError(
                    Where(where.file, where.line, "announced_only"),
                    f"the sakråd is published as held (announced_only is not true), but the kept text of {quoted(c)} "
                    + says,
                    "announced_only: true, as the importer drafts a sakråd its page calls off (a note may say it was "
                    "called off); or, where it was held after all, a document that says so",
                    'docs/adding-a-meeting.md, "announced_only"',
                )
            )
            break
    return warnings
