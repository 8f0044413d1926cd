"""HTML building blocks for the pages (https://html.spec.whatwg.org/): escaping, links, text with
its language, and the page shell.

Every page is one self-contained document: the style sheet is inline, the icon is a ``data:`` URL,
and there is no script — a page asks the server for nothing else and shows the same without
JavaScript. Links outside the site are marked (``class="external"``, ``rel="external"``).
"""

from __future__ import annotations

from functools import cache
from html import escape
from importlib import resources

from .labels import Text

__all__ = ["esc", "external", "internal", "number", "page", "text"]


def esc(value: object) -> str:
    return escape(str(value), quote=True)


def internal(href: str, inner: str) -> str:
    """A link within the site; ``inner`` is HTML."""
    return f'<a href="{esc(href)}">{inner}</a>'


def external(href: str, inner: str | None = None) -> str:
    """A link out of the site (a register, a source, a website), marked as such."""
    return (f'<a class="external" rel="external noopener" href="{esc(href)}" '
            f'title="Extern länk / external link">{inner if inner is not None else esc(href)}</a>')


def text(value: Text | None, *, english: bool = True) -> str:
    """A text in its language, with the English beside it (``lang="en"``) when there is one."""
    if value is None:
        return ""
    main = f'<span lang="{esc(value.lang)}">{esc(value.main)}</span>' if value.lang not in ("sv", "") else esc(value.main)
    if english and value.en:
        main += f' <span class="en" lang="en">({esc(value.en)})</span>'
    return main


def number(n: int) -> str:
    """``12 345`` (Swedish digit grouping, with a no-break space)."""
    return f"{n:,}".replace(",", "\u00a0")


@cache
def _style() -> str:
    return resources.files("sakrad_ld").joinpath("assets", "style.css").read_text("utf-8")


def page(title: str, body: str, *, nav: list[tuple[str, str]], footer: str, alternates: str = "") -> str:
    """A whole HTML document. ``nav`` is (path, label) pairs; ``alternates`` extra ``<link>`` elements."""
    links = " ".join(internal(path, esc(label)) for path, label in nav)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="sv">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n"
        '<link rel="icon" href="data:,">\n'
        f"{alternates}"
        f"<style>\n{_style()}</style>\n</head>\n<body>\n"
        f"<header><nav>{links}</nav></header>\n"
        f"<main>\n{body}\n</main>\n"
        f"<footer>{footer}</footer>\n</body>\n</html>\n"
    )
