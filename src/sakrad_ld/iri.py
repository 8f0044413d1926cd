"""IRIs of the things in the data and of the documents about them (https://www.w3.org/TR/cooluris/).

Every IRI is minted under one configurable base from ids in the data: never from row order or a
hash of text that may change. A thing and the document about it have different IRIs::

    {base}id/meeting/2017-12-12-integration     the sakråd itself (303 See Other →)
    {base}doc/meeting/2017-12-12-integration    the document describing it (Turtle, JSON-LD, HTML …)

Parts of a meeting (questions, participations, its time and contact point) extend its IRI.
Where the document of each IRI is served is :func:`sakrad_ld.documents.page_path`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pyoxigraph as ox

__all__ = ["KINDS", "Minter", "slug"]

#: The kinds of thing that get an IRI of their own, as they appear in the path.
KINDS = ("meeting", "organisation", "person", "body", "post", "source", "place", "agent")


def slug(text: str) -> str:
    """A readable IRI segment for a name that has no id (a place): ``Stockholm`` → ``stockholm``."""
    folded = text.lower().translate(str.maketrans("åäöéüæø", "aaoeuao"))
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


@dataclass(frozen=True)
class Minter:
    """Mints the IRIs of one dataset under ``base`` (which ends in ``/``)."""

    base: str

    def __post_init__(self) -> None:
        if not self.base.endswith("/"):
            object.__setattr__(self, "base", self.base + "/")

    def thing(self, kind: str, id: str) -> ox.NamedNode:
        assert kind in KINDS, kind
        return ox.NamedNode(f"{self.base}id/{kind}/{id}")

    def part(self, whole: ox.NamedNode, *segments: str | int) -> ox.NamedNode:
        """An IRI under ``whole``: its segments joined to it with ``/``."""
        return ox.NamedNode("/".join([whole.value, *map(str, segments)]))

    @property
    def catalogue(self) -> ox.NamedNode:
        return ox.NamedNode(f"{self.base}catalog")

    @property
    def dataset(self) -> ox.NamedNode:
        return ox.NamedNode(f"{self.base}dataset")

    @property
    def validation_report(self) -> str:
        """The SHACL report of the release (``validation/report.ttl``)."""
        return f"{self.base}validation/report"
