"""A meeting's title must be its source's recorded headline, or marked as the data's own (a load-time check).

The title of a meeting is credited to a document: the one ``fact_sources`` credits ``title`` to, else the
main source. Where data/sources.yaml records that document's own ``title`` (its heading, word for word),
the two are compared, after collapsing runs of white space (letter case counts: "FN:s Rasdiskrimineringskommitté"
is not "FN:s rasdiskrimineringskommitté"):

- a title that differs from the recorded headline is the data's own, so it needs ``title_derivation``
  saying how it was made; without one it would be published as the source's headline;
- a title equal to the recorded headline is the source's, so it must not have ``title_derivation``:
  that would publish the source's headline as the data's own.

Each is refused with the meeting file, the line of ``title`` (or ``title_derivation``) and what is expected.
A document with no recorded title (only a ``label``) is not compared.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import InputError
from .records import Text
from .typedyaml import quoted

if TYPE_CHECKING:
    from .records import Corpus

__all__ = ["check_titles", "without_first_words"]


def without_first_words(headline: str, words: str, en_words: str) -> Text:
    """The ``title_derivation`` of a title that is ``headline`` without its first ``words`` ("Inbjudan till",
    "Dokumentation av"; ``en_words`` says them in English)."""
    quoted = " ".join(headline.split())
    return Text(
        f'Rubriken är {"dokumentationens" if words.startswith("Dokumentation") else "sidans"}, "{quoted}", '
        f'utan orden "{words}".',
        en=f"The title is the {'documentation' if words.startswith('Dokumentation') else 'page'}'s heading, "
        f'"{quoted}", without its first words "{words}" ({en_words}).',
    )


def _plain(text: Any) -> str:
    return " ".join(str(getattr(text, "sv", text) or "").split())


def check_titles(corpus: Corpus) -> list[InputError]:
    """Every meeting whose title differs from its source's recorded title with no ``title_derivation``, or
    equals it with one."""
    headlines = {s.id: _plain(s.title) for s in corpus.sources if s.title is not None}
    errors: list[InputError] = []
    for m in corpus.meetings:
        sid = m.source_of("title")
        headline = headlines.get(sid)
        if not headline:
            continue
        title = _plain(m.title)
        if title != headline and m.title_derivation is None:
            errors.append(
                InputError(
                    m.where("title"),
                    f"title {quoted(title)} is not the recorded title of {sid!r}, which the title is credited to "
                    f"({quoted(headline)} in data/sources.yaml), and title_derivation is missing",
                    "the source's title word for word (letter case too), or a title_derivation saying how the "
                    "data's own title was made, quoting the source's headline",
                    'docs/adding-a-meeting.md, "title_derivation"',
                )
            )
        elif title == headline and m.title_derivation is not None:
            errors.append(
                InputError(
                    m.where("title_derivation"),
                    f"title_derivation on a title that is the recorded title of {sid!r} ({quoted(headline)} in "
                    "data/sources.yaml): it is the source's headline, not the data's own",
                    "no title_derivation where the title is the source's own title word for word",
                    'docs/adding-a-meeting.md, "title_derivation"',
                )
            )
    return errors
