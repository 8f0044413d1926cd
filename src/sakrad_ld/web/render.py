"""Pages from Jinja2 templates (https://jinja.palletsprojects.com/), autoescaped, in Swedish or English.

The templates are the package's ``templates/`` folder; the interface text is one file per language
(``templates/messages/{sv,en}.yaml``), looked up by key with ``_('key')``. A page is rendered for
one file of the site (``here``): ``url(target)`` writes a link to another file relative to it
(:func:`sakrad_ld.web.paths.relative`), so pages work wherever the site is put.
"""

from __future__ import annotations

import posixpath
import re
from functools import cache, lru_cache
from typing import Any

import jinja2

from .labels import Text
from .messages import messages, number
from .paths import relative, translated

__all__ = ["environment", "in_language", "messages", "number", "quotation_language", "quote_parts", "render"]


@jinja2.pass_context
def _message(context: Any, key: str, **values: object) -> str:
    table = messages(context["lang"])
    if key not in table:
        raise KeyError(f"templates/messages/{context['lang']}.yaml has no text {key!r}")
    if str(values.get("n", "")) == "1" and f"{key}_one" in table:  # the singular: "1 träff", "1 result"
        key = f"{key}_one"
    return table[key].format(**values) if values else table[key]


#: Links that leave the site or stay on the page: never put into a language.
_OUTSIDE = ("#", "http://", "https://", "mailto:", "data:")


@lru_cache(maxsize=1 << 16)
def in_language(target: str, lang: str) -> str:
    """``target`` (a file path from the site's root, with an optional #fragment or ?query) as the
    page in ``lang``: every page of the site exists in each language (the same path under ``en/``),
    so a link to a page (``….html``) leads to the page in ``lang``; a file with no language (a
    download, ``….ttl``, a picture, a stylesheet, the endpoint) is left as it is."""
    if target.startswith(_OUTSIDE):
        return target
    cut = min((i for i in (target.find("#"), target.find("?")) if i >= 0), default=len(target))
    path = target[:cut]
    if not path.endswith(".html"):
        return target
    return translated(path, lang) + target[cut:]


@jinja2.pass_context
def _url(context: Any, target: str, lang: str | None = None) -> str:
    """A link from the page to ``target``, a page in ``lang`` (the page's own language unless
    named: only the language switch names the other one)."""
    target = in_language(target, lang or context["lang"])
    if context.get("absolute") and not target.startswith(_OUTSIDE):
        return "/" + target  # a page answered at any address on the server ("not found") links from the root
    here = context["here"]
    if target.startswith(here):  # maybe a link within the page (``#part``): relative() tells
        return relative(here, target)
    return _from_folder(_folder(here), target)


@lru_cache(maxsize=1 << 10)
def _folder(here: str) -> str:
    """The folder of the page ``here``: asked for every link of the page."""
    return posixpath.dirname(here)


@lru_cache(maxsize=1 << 17)
def _from_folder(folder: str, target: str) -> str:
    """``target`` as a link from a page in ``folder`` that is not the page ``target`` names: the
    same for every page of the folder, so worked out once for all of them (a site's pages link the
    same lists, assets and things many times over)."""
    return relative(posixpath.join(folder, "\0"), target)  # no page is named NUL


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


#: Words that are Swedish and not English, and words that are English and not Swedish: a
#: quotation's language is the language of its words (quotation_language).
_SWEDISH_WORDS = frozenset(
    "och att som det den detta dessa är för med på till av om inte har hade var ska skulle kan "
    "kunde eller samt från alla sina sin sitt deras också mot efter vid när där hos vi ni de dem "
    "oss en ett vår våra deltog bjöd tjänstemän departementet regeringen sakråd".split()
)
_ENGLISH_WORDS = frozenset(
    "the of from and to with for is are was were by on at which that this these who whom has have "
    "had not be been or an as its their they we you it officials ministry government only".split()
)
_WORD = re.compile(r"[^\W\d_]+")


def quotation_language(words: str) -> str:
    """The language of a quotation in English text: ``sv`` (the notes quote their Swedish sources
    word for word, and a name alone is the source's) unless its words are English ones and none
    Swedish (``"officials from the ministry"``, an English rendering of Swedish words)."""
    found = [w.lower() for w in _WORD.findall(words)]
    if any(set(w) & set("åäö") for w in found):
        return "sv"
    swedish = sum(w in _SWEDISH_WORDS for w in found)
    english = sum(w in _ENGLISH_WORDS for w in found)
    return "en" if english > swedish else "sv"


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
    env.globals.update(
        _=_message,
        url=_url,
        num=_number,
        shown=_shown,
        translated=translated,
        quote_parts=quote_parts,
        quotation_language=quotation_language,
    )
    return env


def render(template: str, *, here: str, lang: str, **context: object) -> str:
    """The template rendered as the page ``here`` (a file path from the site's root) in ``lang``."""
    return environment().get_template(template).render(here=here, lang=lang, **context)
