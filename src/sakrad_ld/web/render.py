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

__all__ = ["environment", "messages", "number", "quote_parts", "render"]


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


#: The quotation marks of English text: straight or curly double quotation marks around words on one line.
_MARKS = {'"': '"', "\u201c": "\u201d"}


class _Next:
    """The next place of one character at or after a position, found by searches that only go
    forward: asked for positions that never decrease, it reads the text once."""

    def __init__(self, text: str, char: str) -> None:
        self.text, self.char, self.at = text, char, -1

    def after(self, position: int) -> int:
        """The first place at or after ``position`` (len(text) when there is none)."""
        if self.at < position:
            found = self.text.find(self.char, position)
            self.at = len(self.text) if found == -1 else found
        return self.at


def quote_parts(text: str | None) -> list[tuple[str, str, str]]:
    """English text in parts, (text, opening mark, closing mark): a quotation has its marks, the
    text around one none. The English notes, derivations and glosses quote their Swedish sources
    word for word (``the page says "bjöd … in"``); the templates mark each quotation ``lang="sv"``
    (the macro ``en_text``), so screen readers and hyphenation read it as Swedish.

    A quotation is an opening mark, at least one character on the same line, and its closing mark
    (what ``"([^"\n]+)"|“([^”\n]+)”`` finds, leftmost first), found in one forward pass over
    the text: a run of opening marks without their closing one costs no more than its length."""
    if not text:
        return []
    out: list[tuple[str, str, str]] = []
    line_end = _Next(text, "\n")
    opening = {mark: _Next(text, mark) for mark in _MARKS}
    closing = {mark: _Next(text, close) for mark, close in _MARKS.items()}
    last = at = 0
    while True:
        start, mark = min((opening[m].after(at), m) for m in _MARKS)
        if start >= len(text):
            break
        end = closing[mark].after(start + 1)
        if end > start + 1 and end < len(text) and line_end.after(start + 1) > end:
            if start > last:
                out.append((text[last:start], "", ""))
            out.append((text[start + 1 : end], mark, _MARKS[mark]))
            last = at = end + 1
        else:
            at = start + 1
    if last < len(text):
        out.append((text[last:], "", ""))
    return out


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
    env.globals.update(_=_message, url=_url, num=_number, shown=_shown, translated=translated, quote_parts=quote_parts)
    return env


def render(template: str, *, here: str, lang: str, **context: object) -> str:
    """The template rendered as the page ``here`` (a file path from the site's root) in ``lang``."""
    return environment().get_template(template).render(here=here, lang=lang, **context)
