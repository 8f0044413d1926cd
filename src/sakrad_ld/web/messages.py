"""The interface text of the pages and pictures, one file per language
(``templates/messages/{sv,en}.yaml``), looked up by key; and numbers written as each language
writes them. Kept apart from the templates (:mod:`.render`) so that a build, which draws the
pictures but renders no page, reads the text without importing Jinja2."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from .paths import LANGUAGES

__all__ = ["messages", "number"]

#: libyaml's loader where PyYAML has it: the two files take about 40 ms each with the pure-Python one
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def messages(lang: str) -> dict[str, str]:
    """The interface text of ``lang``, by key."""
    if lang not in LANGUAGES:
        raise ValueError(f"no interface text for language {lang!r}; the site has {', '.join(LANGUAGES)}")
    text = (Path(__file__).resolve().parent.parent / "templates" / "messages" / f"{lang}.yaml").read_text("utf-8")
    return yaml.load(text, Loader=_LOADER)


def number(n: int, lang: str = "sv") -> str:
    """``12 345`` in Swedish (a no-break space between groups), ``12,345`` in English."""
    return f"{n:,}".replace(",", "\u00a0") if lang == "sv" else f"{n:,}"
