"""A sakråd its sources only announce states no one who took part (a load-time check).

A page that invites to a sakråd ("bjuder in", an invitation) says it is to be held, not that it was:
invited is not took part. Such a meeting is marked ``announced_only: true`` (published as
``sakrad:announcedOnly``), and then the facts only a meeting that was held can have are refused, each
with the meeting file, the line of the fact and what is expected:

- who took part: ``organisations``, ``organisation_list``, ``agencies``, ``government_participants``;
- who chaired it: ``chair``;
- how many came: ``organisation_count``, ``participant_count``;
- how many presentations were given: ``presentations.count`` (published as
  ``sakrad:statedPresentationCount``). An announced ``presentations.description`` (what is to be
  presented) stays.

What an announcement does state stays: who calls the sakråd (``conveners``), whom and how many it
invites (``invited_description``, ``invited_count``), the questions, discussion areas and
presentations it announces, the contact for registering.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError, Where

if TYPE_CHECKING:
    from .records import Corpus

__all__ = ["HELD_ONLY", "check_announced_only"]

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
}


def check_announced_only(corpus: Corpus) -> list[InputError]:
    """Every fact of :data:`HELD_ONLY` stated on a meeting marked ``announced_only``."""
    errors: list[InputError] = []
    for m in corpus.meetings:
        if not m.announced_only:
            continue
        for name, says in HELD_ONLY.items():
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
