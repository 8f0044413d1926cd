"""Proactive content negotiation by the ``Accept`` header (https://www.rfc-editor.org/rfc/rfc9110#section-12.5.1).

:func:`choose` picks, among the formats a resource offers (from :mod:`sakrad_ld.formats`), the
one the client prefers: each offer gets the quality of the most specific media range that matches
one of its media types (``text/turtle`` over ``text/*`` over ``*/*``; of ranges as specific, the
highest weight), the highest quality wins,
and ties go to the server's order. A missing header accepts anything. The header is read
defensively: malformed ranges are skipped, and a header of more than
:data:`MAX_RANGES` ranges or more than :data:`MAX_ACCEPT` characters is disregarded, as if it were
not sent (RFC 9110 §12.5.1 lets a server disregard Accept), so the first offer is chosen, never
406: a type listed past what is read was still asked for. So is a header with a weight that is no
qvalue (:data:`QVALUE`: ``q=2``, ``q=-1``, ``q=nan``): the client's preferences cannot be read
from it, and a 406 would tell it, untruly, that no format is available. An absurd header costs little and never
raises, and the static host's rules (:func:`sakrad_ld.web.static.accept_map`) disregard the same
headers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..formats import MAX_ACCEPT, MAX_RANGES, Format

__all__ = ["MAX_ACCEPT", "MAX_RANGES", "QVALUE", "MediaRange", "choose", "parse_accept"]

#: A weight (RFC 9110 §12.4.2: ``0`` to ``1``, ``q=0.5``), read a little more widely than the
#: grammar: more than three decimals, and no ``0`` before the point (``.5``), are the number they
#: write. Anything else (``2``, ``-1``, ``nan``, ``1e-1``, nothing) is no weight.
QVALUE = re.compile(r"0(\.[0-9]*)?|\.[0-9]+|1(\.0*)?", re.ASCII)


@dataclass(frozen=True)
class MediaRange:
    type: str
    subtype: str
    q: float

    def specificity(self, media_type: str) -> int:
        """How specifically this range matches ``media_type``: 3 exact, 2 ``type/*``, 1 ``*/*``, 0 not."""
        type, _, subtype = media_type.partition("/")
        if self.type == "*":
            return 1 if self.subtype == "*" else 0
        if self.type != type:
            return 0
        if self.subtype == "*":
            return 2
        return 3 if self.subtype == subtype else 0


def parse_accept(header: str | None) -> list[MediaRange]:
    """The media ranges of an Accept header; ``*/*`` for a missing or empty header, and for one
    longer than is read (:data:`MAX_RANGES`, :data:`MAX_ACCEPT`)."""
    if not header or not header.strip() or len(header) > MAX_ACCEPT or header.count(",") >= MAX_RANGES:
        return [MediaRange("*", "*", 1.0)]
    ranges = []
    for item in header.split(","):
        media, *params = item.split(";")
        q = 1.0
        for param in params:
            name, sep, value = param.strip().partition("=")
            if sep and name.strip().lower() == "q":
                if not QVALUE.fullmatch(value.strip()):
                    return [MediaRange("*", "*", 1.0)]  # no qvalue: the header is disregarded
                q = float(value.strip())
        type, sep, subtype = media.strip().lower().partition("/")
        if not sep or not type or not subtype or (type == "*" and subtype != "*"):
            continue
        ranges.append(MediaRange(type, subtype, q))
    return ranges


def _quality(ranges: Sequence[MediaRange], media_type: str) -> float:
    """The weight the most specific range matching ``media_type`` gives it; of ranges as specific
    (a header naming one type twice), the highest, as the static host's rules read it."""
    best, quality = 0, 0.0
    for r in ranges:
        s = r.specificity(media_type)
        if s > best or (s == best and s and r.q > quality):
            best, quality = s, r.q
    return quality


def choose(header: str | None, offers: Sequence[Format]) -> Format | None:
    """The offer the client prefers, or None when it accepts none of them (answer 406)."""
    ranges = parse_accept(header)
    best: Format | None = None
    best_key = (0.0, False)
    for offer in offers:
        registered = _quality(ranges, offer.media_type)
        q = max([registered, *(_quality(ranges, alias) for alias in offer.aliases)])
        # at equal quality, an offer asked for by its registered type beats one asked for by an alias
        key = (q, registered >= q)
        if q > 0 and key > best_key:
            best, best_key = offer, key
    return best
