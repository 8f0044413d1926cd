"""One sakråd, one meeting file (a load-time check).

A meeting names the document it is recorded from (``source``, its main document: the sakråd's page,
its documentation) and further documents about it (``sources``). Two meeting files that are the same
sakråd would be published as two sakråd, so loading refuses a pair that

- share a document that is the main source of at least one of them: the same source id, or two
  sources at the same address (:func:`address_key`: scheme, ``www.``, letter case of the host, a
  trailing ``/`` and a fragment aside), and
- may have been held on the same day: the same date, one date a part of the other (``2023-12`` and
  ``2023-12-13``), or either left out.

However the second file came about (an import draft saved beside the meeting the page is already a
source of, a copy by hand, a file renamed with a new id), the error names both files, the line of the
document in each and the shared document, and asks for one file per sakråd. One document about two
sakråd held on different days (a press release announcing both) is not refused; two files with the
same id are refused as that (:func:`sakrad_ld.corpus.check_references`), not again here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from .errors import InputError, shown
from .typedyaml import quoted

if TYPE_CHECKING:
    from .records import Corpus, Meeting, Source

__all__ = ["address_key", "check_duplicated", "same_sakrad"]


def address_key(url: str) -> str:
    """``url`` as two addresses of one page compare: without its scheme, ``www.``, port 80 or 443,
    fragment and trailing ``/``, the host in lower case and the path's escapes read."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    port = f":{parts.port}" if parts.port not in (None, 80, 443) else ""
    path = unquote(parts.path).rstrip("/")
    return f"{host}{port}{path}" + (f"?{parts.query}" if parts.query else "")


@dataclass(frozen=True)
class Clash:
    """Two meetings that are the same sakråd: each with the field naming the shared document."""

    first: Meeting
    first_field: str
    second: Meeting
    second_field: str


#: A meeting citing a document, as the index holds it: its place in the order read, the meeting, and
#: which of its documents it is (0 its ``source``, i its ``sources[i - 1]``).
_Cited = tuple[int, "Meeting", int]


@functools.lru_cache(maxsize=1024)  # dates are few, meetings many
def _marks(date: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(looked up, added): the marks under which a meeting of ``date`` finds an earlier meeting whose
    date may be the same day, and those under which it is found. ``*`` any meeting, ``=d`` one dated
    ``d`` (``=`` one without a date), ``<p`` one whose date is longer and begins with ``p``."""
    parts = [date[:n] for n in (4, 7, 10) if len(date) >= n] if date else []
    if date is None:
        return ("*",), ("*", "=")
    return ("=", *(f"={p}" for p in parts), f"<{date}"), ("*", f"={date}", *(f"<{p}" for p in parts[:-1]))


def _field(n: int) -> str:
    return "source" if n == 0 else f"sources[{n - 1}]"


def _clashes(meetings: tuple[Meeting, ...], sources: dict[str, Source]) -> Iterator[Clash]:
    """Each meeting that is the same sakråd as one before it, with the first such (at most one each):
    in one pass, each document found by its id and its address, and each date by :func:`_marks`."""
    keys = {sid: (f"id {sid}", f"url {address_key(s.url)}") if s.url else (f"id {sid}",) for sid, s in sources.items()}
    main: dict[tuple[str, str], _Cited] = {}
    further: dict[tuple[str, str], _Cited] = {}
    for order, meeting in enumerate(meetings):
        look, add = _marks(meeting.date)
        cited = (meeting.source, *meeting.sources)
        found: tuple[_Cited, int] | None = None
        for n, source_id in enumerate(cited):
            for key in keys.get(source_id, (f"id {source_id}",)):
                for mark in look:
                    # a main document against both kinds; a further one only against another's main document
                    for index in (main, further) if n == 0 else (main,):
                        hit = index.get((key, mark))
                        if hit is not None and (found is None or hit[0] < found[0][0]):
                            found = hit, n
        if found is not None:
            (_, first, m), n = found
            yield Clash(first, _field(m), meeting, _field(n))
        for n, source_id in enumerate(cited):
            index = main if n == 0 else further
            for key in keys.get(source_id, (f"id {source_id}",)):
                for mark in add:
                    index.setdefault((key, mark), (order, meeting, n))


def same_sakrad(meeting: Meeting, corpus: Corpus) -> Clash | None:
    """The meeting of ``corpus`` that ``meeting`` (a draft) would be the same sakråd as, by the rule
    loading applies: ``first`` is the meeting in ``corpus``."""
    sources = {s.id: s for s in corpus.sources}
    return next((c for c in _clashes((*corpus.meetings, meeting), sources) if c.second is meeting), None)


def check_duplicated(corpus: Corpus) -> list[InputError]:
    """An error for each meeting file that is the same sakråd as another (see the module's text)."""
    from .corpus import is_draft

    sources = {s.id: s for s in corpus.sources}
    errors = []
    for clash in _clashes(corpus.meetings, sources):
        if clash.first.id == clash.second.id:  # the id used twice: check_references says so
            continue
        here, there = (clash.second, clash.second_field), (clash.first, clash.first_field)
        if _is_draft(clash.first, is_draft) and not _is_draft(clash.second, is_draft):
            here, there = there, here  # an import draft is the file to merge and remove, wherever it sorts
        errors.append(_error(here, there, sources, _is_draft(here[0], is_draft)))
    return errors


def _is_draft(meeting: Meeting, is_draft: Callable[[Path], bool]) -> bool:
    return meeting.lines is not None and is_draft(meeting.lines.file)


def _error(
    here: tuple[Meeting, str], there: tuple[Meeting, str], sources: dict[str, Source], draft: bool
) -> InputError:
    """The error at ``here`` (a meeting and its field naming the shared document) naming ``there``."""
    (meeting, name), (other, other_name) = here, there
    mine, theirs = _source_at(meeting, name), _source_at(other, other_name)
    shared = quoted(mine) if mine == theirs else f"{quoted(mine)} (at {sources[mine].url}, as {quoted(theirs)})"
    roles = {
        ("source", "source"): "the main source of both",
        ("source", "sources"): "this meeting's main source and one of the other's sources",
        ("sources", "source"): "one of this meeting's sources and the other's main source",
    }[(name.split("[")[0], other_name.split("[")[0])]
    day = (
        f"on {meeting.date}"
        if meeting.date == other.date
        else f"dated {meeting.date or '(no date)'} and {other.date or '(no date)'}, which may be one day"
    )
    at = other.where(other_name)
    file = shown(str(at.file))
    advice = (
        f"this is an import draft: add what it has that {file} lacks to that file, then delete the draft"
        if draft
        else "keep one of the two files: merge what the other adds into it, then delete the other"
    )
    return InputError(
        meeting.where(name),
        f"the same sakråd as meeting {other.id!r} ({file}:{at.line}, {at.field}): {shared} is {roles}, {day}",
        "one file in data/meetings/ for each sakråd",
        f"{advice}; a document about two sakråd held on different days may be cited by both, with their dates",
    )


def _source_at(meeting: Meeting, name: str) -> str:
    return meeting.source if name == "source" else meeting.sources[int(name[len("sources[") : -1])]
