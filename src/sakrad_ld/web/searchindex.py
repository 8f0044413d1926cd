"""The search index: every sakråd, organisation, person and government body with the words it is
found by, prebuilt as a file so the search works in the served site and in the static export
alike, with no server (``assets/search.js`` reads it).

Found by: a sakråd's title (Swedish and English) and topic; an agent's names (its name and every
other name it goes by) and its organisation numbers. Matching folds case and diacritics the way a
Swedish reader types without them: ``Rädda`` is found by ``rädda``, ``RADDA`` and ``radda``, ``Å``
by ``a``; an organisation number by ``802002-8711`` or ``8020028711``. :func:`fold` is the
Python twin of ``fold`` in ``assets/search.js``; a test holds them to the same answers.
"""

from __future__ import annotations

import json
import re
import unicodedata

import pyoxigraph as ox

from ..vocab import SAKRAD
from .labels import Labeller
from .lists import Lists

__all__ = ["fold", "search_entries", "search_index_js", "search_index_json"]

_SPECIAL = str.maketrans({"æ": "ae", "ø": "o", "ß": "ss", "đ": "d", "ł": "l"})
_NOT_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower case, no diacritics (å → a, ä → a, ö → o, é → e), words separated by one space."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_SPECIAL))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_WORD.sub(" ", plain).strip()


def _digits(numbers: list[str]) -> list[str]:
    return [re.sub(r"\D", "", n) for n in numbers]


def search_entries(store: ox.Store, lists: Lists, labels: Labeller | None = None) -> list[dict[str, object]]:
    """One entry per thing: ``k`` its kind, ``n`` its name (``e`` in English, if different), ``h``
    its page, ``d`` a date or number to show beside it (``x``: 1 when that date is derived, not
    stated; ``y``: a series' number of days, ``d`` then its first and last day), ``t``: 1 when a sakråd's
    title is the data's own (sakrad:titleDerivation), no source's headline, ``a``: 1 when the sources only
    announce a sakråd (sakrad:announcedOnly), ``g``: 1 when no document read says a sakråd was held and
    the data concludes it from a document it cites (sakrad:heldDerivation), ``u`` an organisation's numbers that no register confirms
    (``d`` holds only the confirmed ones), ``f`` the folded words it is found by. Every mark the lists
    show beside a sakråd is here, and ``assets/js/search.js`` shows each (tests/test_marks_everywhere.py)."""
    labels = labels or Labeller(store)
    out: list[dict[str, object]] = []
    for m in lists.meetings:
        topic = labels.text(ox.NamedNode(m.ref.iri), SAKRAD.topic)
        words = [m.ref.name.main, m.ref.name.en or "", topic.main if topic else "", topic.en or "" if topic else ""]
        words += [*(m.days or [m.date or ""]), *(r.name.main for r, _ in m.ministries)]
        words += [r.name.en or "" for r, _ in m.ministries]
        entry = _entry("meeting", m.ref, m.when, words)
        if m.title_own:
            entry["t"] = 1  # the title is the data's own, no source's headline: marked as the feed marks it
        if m.announced:
            entry["a"] = 1  # the sources only announce it (sakrad:announcedOnly): marked as the lists mark it
        if m.held_derived:
            entry["g"] = 1  # that it was held is derived (sakrad:heldDerivation): marked as the lists mark it
        if m.series:
            entry["y"] = len(m.days)  # a series: ``d`` is its first and last day, ``y`` its number of days
        elif m.date and m.derived:
            entry["x"] = 1  # the date is derived, not stated: the page says so beside it
        out.append(entry)
    for kind, rows in (("organisation", lists.organisations), ("person", lists.people), ("body", lists.bodies)):
        for r in rows:
            others = [u.number for u in getattr(r, "unconfirmed", ())]
            words = [r.ref.name.main, r.ref.name.en or "", *r.alt_names, *r.numbers, *others]
            words += [*_digits(r.numbers), *_digits(others)]
            entry = _entry(kind, r.ref, ", ".join(r.numbers), words)
            if others:
                entry["u"] = others  # numbers no register confirms: search.js shows them marked so
            out.append(entry)
    return out


def _entry(kind: str, ref: object, detail: str, words: list[str]) -> dict[str, object]:
    entry: dict[str, object] = {
        "k": kind,
        "n": ref.name.main,
        "h": ref.href,  # type: ignore[attr-defined]
        "f": " ".join(dict.fromkeys(fold(w) for w in words if w)),
    }
    if ref.name.en:  # type: ignore[attr-defined]
        entry["e"] = ref.name.en  # type: ignore[attr-defined]
    if detail:
        entry["d"] = detail
    return entry


def search_index_json(entries: list[dict[str, object]]) -> bytes:
    return json.dumps(entries, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def search_index_js(entries: list[dict[str, object]]) -> bytes:
    """The index as a script that sets ``window.sakradSearchIndex``: a page opened from ``file://``
    may load a script beside it but not fetch a JSON file."""
    text = search_index_json(entries).decode().replace("</", "<\\/")
    return f"window.sakradSearchIndex = {text};\n".encode()
