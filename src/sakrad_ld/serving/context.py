"""What every part of the server is built from: its settings and the releases it serves.

:func:`sakrad_ld.serving.server.build_app` makes one :class:`Context` and hands it to each router
(:mod:`~sakrad_ld.serving.sparql_routes`, :mod:`~sakrad_ld.serving.documents`,
:mod:`~sakrad_ld.serving.pages`, :mod:`~sakrad_ld.serving.files`); nothing is read from globals.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .releases import Releases
from .settings import Settings

__all__ = ["Context"]


@dataclass(frozen=True)
class Context:
    settings: Settings
    releases: Releases
    #: ``Cache-Control`` of every answer that may be kept (documents, files, SPARQL answers)
    cache_control: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "cache_control", f"public, max-age={self.settings.cache_max_age}")
