"""A page's Markdown as its reader sees it (CommonMark's inlines, https://spec.commonmark.org/0.31.2/#inlines,
and the HTML a page may hold): what the importer reads of a regeringen.se page and what the load checks
read of a kept text are the same words.

* Hidden text states nothing: an HTML comment (one left open hides the rest of the text, as a browser
  does), struck-through words (``~~…~~``, ``<del>``, ``<s>``, ``<strike>``, which the page takes back)
  and elements a browser does not render (``<script>``, ``<style>``, ``<template>``, an element
  ``hidden`` or styled ``display: none`` or ``visibility: hidden``) are taken out; :func:`rendered` returns them apart, :func:`hidden_parts` gives them for a message.
* Markup is no words: a link's text stands for the link, code's text for the code, an image and a
  reference's definition are out, emphasis marks and HTML tags are out, a backslash escape and an entity
  (``&nbsp;``, ``&amp;``) are the characters they write.

Rendering keeps the text's lines: the rendered text has as many lines as the Markdown, each line of it
rendered from the same line of the Markdown (hidden text or a tag spanning lines leaves its line breaks),
so a line number in one is the same in the other. A list's and a heading's marks are kept (they part
the items and headings); a list item's label in emphasis (``- **Suicidprevention** Hur …``) keeps its
marks, which :func:`unemphasised` takes out where prose reads the line.

Each mark stops at the next mark of its kind, so a line of many "[" or "<del>" is read once.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

__all__ = ["hidden_parts", "rendered", "shown", "unemphasised"]

#: Text no reader is shown: an HTML comment (one left open hides the rest of the page, as a browser does);
#: struck-through words (``~~…~~``, ``<del>``, ``<s>``, ``<strike>``), which the page takes back; an
#: element a browser does not render: a script, a style sheet or a template (one left open hides the rest,
#: as a browser does), or any element with the ``hidden`` attribute or an inline style of ``display: none``
#: or ``visibility: hidden`` (up to its end tag, or to the next element of its name, or to the end of the
#: text when it is left open; an element of the same name nested inside ends it early: each mark is read once).
_HIDDEN = re.compile(
    r"<!--(?P<comment>.*?)(?:-->|\Z)|(?<!~)~~(?!~)(?P<struck>\S(?:(?:(?!~~|\n[ \t]*\n).)*?\S)?)~~(?!~)|"
    r"<(?P<tag>del|s|strike)\b[^<>]*>(?P<tagged>(?:(?!<(?:del|s|strike)\b|\n[ \t]*\n).)*?)</(?P=tag)\s*>|"
    r"<(?P<raw>script|style|template)\b[^<>]*>(?P<unrendered>(?:(?!<(?P=raw)\b).)*?)(?:</(?P=raw)\s*>|\Z)|"
    r"<(?P<element>[a-z][a-z0-9-]*)\b(?=[^<>]*?(?:\shidden(?:[\s=/>]|$)|style\s*=\s*[\"'][^\"'<>]*?"
    r"(?:display\s*:\s*none|visibility\s*:\s*hidden)))[^<>]*>(?P<invisible>(?:(?!<(?P=element)\b).)*?)"
    r"(?:</(?P=element)\s*>|(?=<(?P=element)\b)|\Z)",
    re.DOTALL | re.IGNORECASE,
)
#: What a message calls each kind of hidden text.
_KINDS = (
    ("comment", "an HTML comment"),
    ("struck", "struck-through words"),
    ("tagged", "struck-through words"),
    ("unrendered", "an element the page does not show (a script, style or template)"),
    ("invisible", "an element the page does not show (hidden)"),
)
#: An image (its address and alternative text are no words of the page's text), a link (its text is
#: shown, its address is not), a reference link, a reference's definition, an autolink (its address shown).
#: Each part stops at the next bracket, so a line of many "[" is read once (no search runs over the rest
#: of the line from each).
_DESTINATION = r"\((?:[^()\[\]\s]|\([^()\[\]\s]*\))*(?:\s+\"[^\"\n]*\")?\)"
_IMAGE = re.compile(rf"!\[[^\[\]\n]*\](?:{_DESTINATION}|\[[^\[\]\n]*\])")
_LINK = re.compile(rf"\[(?P<text>[^\[\]\n]*)\](?:{_DESTINATION}|\[[^\[\]\n]*\])")
_DEFINITION = re.compile(r"(?m)^ {0,3}\[[^\[\]\n]+\]:[ \t]+\S+.*$")
_AUTOLINK = re.compile(r"<(?P<address>(?:https?|mailto):[^\s<>]+|[^\s<>@]+@[^\s<>@]+)>")
#: An HTML tag ("<b>", "</span>"): markup, no words ("<br>" a space). A tag spanning lines leaves its line breaks.
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
#: Emphasis (``***…***``, ``**…**``, ``__…__``, ``*…*``, ``_…_``, not inside a word for ``_``): the marks are
#: no words. The label of a list's item (``- **Suicidprevention** Hur …``) keeps its marks in the item's
#: line, where they part the label from the item's text; :func:`unemphasised` takes them out of the prose.
_EMPHASIS = (
    re.compile(r"(?<![\w*])(\*{1,3})(?=[^\s*])(?P<text>[^*\n]*?[^\s*])\1(?![\w*])"),
    re.compile(r"(?<![\w_])(_{1,3})(?=[^\s_])(?P<text>[^_\n]*?[^\s_])\1(?![\w_])"),
)
_ITEM_LABEL = re.compile(r"^((?:[-*+•]|\d{1,2}[.)])[ \t]+)(\*\*[^*\n]+\*\*)")
#: Code (``…``): its text; one holding a backtick keeps its marks.
_CODE = re.compile(r"(?<!`)(`+)(?P<text>[^`\n]+)\1(?!`)")
#: An ATX heading's closing run of ``#`` (CommonMark 4.2): no part of the heading's text.
_CLOSING_HASHES = re.compile(r"(?m)^(#{1,6}[ \t].*?)[ \t]+#+[ \t]*$")
#: A backslash escape of a mark, and an entity or character reference: read as the character they write.
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ESCAPED = 0xF0000  # escaped marks are held as characters of a private plane until the marks are read


def _breaks(match: re.Match[str]) -> str:
    """The line breaks of what ``match`` takes out: the lines stay the Markdown's."""
    return "\n" * match.group().count("\n")


#: A line break's tag ("<br>", "<br/>"): a space between the words it parts, the line kept.
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _tag_out(match: re.Match[str]) -> str:
    return " " if _BREAK.fullmatch(match.group()) else _breaks(match)


def rendered(markdown: str) -> tuple[str, list[str]]:
    """``markdown`` as its reader sees it, its lines kept (a list's and a heading's marks too), and the
    text it hides: comments and struck-through words out (each returned, its white space made single
    spaces), a link's or code's text for it, emphasis and tags out, escapes and entities as the
    characters they write. The result has the lines of ``markdown``, each from the same line."""
    text, hidden = _render(markdown)
    return text, [words for _, words in hidden]


def _render(markdown: str) -> tuple[str, list[tuple[str, str]]]:
    text = _ESCAPE.sub(lambda m: chr(_ESCAPED + ord(m[1])), markdown)
    hidden: list[tuple[str, str]] = []

    def hide(m: re.Match[str]) -> str:
        kind, said = next((kind, m[group]) for group, kind in _KINDS if m[group] is not None)
        words = " ".join(said.split())
        if words:
            hidden.append((kind, words))
        return _breaks(m)

    text = _HIDDEN.sub(hide, text)
    text = _CODE.sub(lambda m: m["text"].strip(), text)
    text = _DEFINITION.sub("", _IMAGE.sub(_breaks, text))
    text = _AUTOLINK.sub(lambda m: m["address"], _LINK.sub(lambda m: m["text"] + _breaks(m), text))
    text = _CLOSING_HASHES.sub(r"\1", _TAG.sub(_tag_out, text))
    lines = []
    for line in text.split("\n"):
        label = _ITEM_LABEL.match(line.lstrip())
        head = line[: len(line) - len(line.lstrip())] + label.group() if label else ""
        lines.append(head + unemphasised(line[len(head) :]))
    text = "\n".join(lines)
    text = _ENTITY.sub(lambda m: html.unescape(m.group()), text)
    text = re.sub(r"[\U000F0000-\U000F007F]", lambda m: chr(ord(m.group()) - _ESCAPED), text)
    return text, hidden


def unemphasised(text: str) -> str:
    """``text`` with its emphasis marks out, nested emphasis ("**Sakråd om _hav_**") read from the inside out."""
    for _ in range(3):
        before = text
        for pattern in _EMPHASIS:
            text = pattern.sub(lambda m: m["text"], text)
        if text == before:
            break
    return text


#: How many texts :func:`shown` and :func:`hidden_parts` hold rendered: a load reads each kept text in
#: several checks (data/ keeps about 30).
RENDERED_TEXTS = 128


@lru_cache(maxsize=RENDERED_TEXTS)
def _rendered(markdown: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    text, hidden = _render(markdown.replace("\r\n", "\n"))
    return text, tuple(hidden)


def shown(markdown: str) -> str:
    """The words a reader of ``markdown`` is shown (:func:`rendered`), its lines kept; held for the
    last :data:`RENDERED_TEXTS` texts."""
    return _rendered(markdown)[0]


def hidden_parts(markdown: str) -> tuple[tuple[str, str], ...]:
    """The text ``markdown`` shows no reader, in the text's order: each part's kind ("an HTML comment",
    "struck-through words") and its words, their white space made single spaces."""
    return _rendered(markdown)[1]
