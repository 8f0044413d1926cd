"""The name a meeting's own source writes for an organisation taking part.

An organisation is one record across meetings, and its name (``skos:prefLabel``) is credited to one
document: its first source, or the one ``fact_sources`` credits ``name`` to. Where a meeting's list
of organisations comes from another document (``source_of("organisations")``), the record's name is
not that meeting's source's words ("RFSL" in a 2017 article, the full name on a 2022 list).
:func:`shown_names` says, for each such participation, either the name its own source writes (the
participation's ``rdfs:label``, published in that source's graph like every fact of the participation),
or, where the data does not record it, the document the record's name comes from (the participation's
``sakrad:nameFrom``, published in the dataset's own graph), so that a page, a list, a table or a
picture of the meeting never shows another document's name as its source's.

The name its own source writes is one of the record's names: the other names (``alt_names``) credited
to that source, else, where its text is kept beside the data (``file:``), the first of the record's
names found in it as whole words after folding (as :mod:`sakrad_ld.stated` compares names, which
already requires one of them to be found there). The name is in its source's language: ``language``
of the source in data/sources.yaml ("RFSL"@sv; a name from an English page, ``language: en``, @en),
and Swedish where the data does not say.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .records import credited
from .stated import folded_text, found_as_words

if TYPE_CHECKING:
    from .records import Corpus

__all__ = ["Shown", "shown_names"]


@dataclass(frozen=True, slots=True)
class Shown:
    """How a participation names its organisation: ``written`` (the participation's own source's
    words) in ``lang``, the source's language (``language`` in data/sources.yaml; "sv" where the
    data does not say), or None and ``name_from``, the document the record's name is credited to."""

    written: str | None
    name_from: str | None
    lang: str = "sv"


def shown_names(corpus: Corpus) -> dict[tuple[str, str], Shown]:
    """(meeting id, organisation id) → :class:`Shown`, for every organisation taking part whose
    record's name is credited to another document than the meeting's list of organisations."""
    organisations = {o.id: o for o in corpus.organisations}
    languages = {s.id: s.language for s in corpus.sources}
    kept = corpus.copies
    texts: dict[str, str] = {}  # a kept text folded, once for all the names looked up in it
    shown: dict[tuple[str, str], Shown] = {}
    for m in corpus.meetings:
        source = m.source_of("organisations")
        for org_id in m.organisations:
            org = organisations.get(org_id)
            if org is None or (name_from := credited(org, "name")) == source:
                continue
            others = org.alt_names if org.alt_names and credited(org, "alt_names") == source else []
            written = None
            if source in kept:
                if source not in texts:
                    texts[source] = folded_text(kept[source])
                written = next(
                    (
                        name
                        for name in (*others, org.name, *org.alt_names)
                        if (pattern := found_as_words(name)) is not None and pattern.search(texts[source])
                    ),
                    None,
                )
            if written is None and others:
                written = others[0]
            shown[(m.id, org_id)] = Shown(
                written, None if written is not None else name_from, languages.get(source or "") or "sv"
            )
    return shown
