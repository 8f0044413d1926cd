"""Pages from Jinja2 templates (https://jinja.palletsprojects.com/), autoescaped, in Swedish or English.

The templates are the package's ``templates/`` folder; the interface text is one file per language
(``templates/messages/{sv,en}.yaml``), looked up by key with ``_('key')``. A page is rendered for
one file of the site (``here``): ``url(target)`` writes a link to another file relative to it
(:func:`sakrad_ld.web.paths.relative`), so pages work wherever the site is put.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import jinja2

from .labels import Text
from .messages import messages, number
from .paths import relative, translated

__all__ = ["environment", "messages", "number", "render"]


@jinja2.pass_context
def _message(context: Any, key: str, **values: object) -> str:
    table = messages(context["lang"])
    if key not in table:
        raise KeyError(f"templates/messages/{context['lang']}.yaml has no text {key!r}")
    if str(values.get("n", "")) == "1" and f"{key}_one" in table:  # the singular: "1 träff", "1 result"
        key = f"{key}_one"
    return table[key].format(**values) if values else table[key]


@jinja2.pass_context
def _url(context: Any, target: str) -> str:
    if context.get("absolute") and not target.startswith(("#", "http://", "https://", "mailto:")):
        return "/" + target  # a page answered at any address ("not found") links from the root
    return relative(context["here"], target)


@jinja2.pass_context
def _number(context: Any, n: int) -> str:
    return number(n, context["lang"])


@jinja2.pass_context
def _shown(context: Any, text: Text | None) -> tuple[str, str]:
    """(the text to show in the page's language, its language tag)."""
    if text is None:
        return "", ""
    if context["lang"] == "en" and text.en:
        return text.en, "en"
    return text.main, text.lang


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("sakrad_ld", "templates"),
        autoescape=jinja2.select_autoescape(("html", "xml", "svg"), default=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(_=_message, url=_url, num=_number, shown=_shown, translated=translated)
    return env


def render(template: str, *, here: str, lang: str, **context: object) -> str:
    """The template rendered as the page ``here`` (a file path from the site's root) in ``lang``."""
    return environment().get_template(template).render(here=here, lang=lang, **context)
