"""A post's placement (``post_in``) is its source's, or marked as the data's own (a load-time check).

A post is credited to its first source (its graph in the release). Where that document's text is kept
beside the data (``file:``), the body the post is placed in must be named in it: the body's Swedish name
found as whole words after folding, as :mod:`sakrad_ld.stated` compares names. A placement the text
does not name is the data's own (every minister's and state secretary's post is one of the Government
Offices'), so it needs ``post_in_derivation`` saying why; it is then published in the dataset's own
graph with ``sakrad:postInDerivation``, as are the ``org:organization`` of the holdings that follow
from it, never in the source's graph.

A placement without ``post_in_derivation`` whose text does not name the body is refused with the file,
the line of ``post_in`` and what is expected. A derivation is never refused: the data may mark its own
rule even where the text happens to name the body. A post whose first source is not kept is not compared.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError, Where
from .records import Text
from .stated import find_words, flat_text, folded
from .typedyaml import QUOTED, quoted

if TYPE_CHECKING:
    from .records import Corpus

__all__ = ["GOVERNMENT_OFFICES_RULE", "check_placements"]

#: The ``post_in_derivation`` of a minister's or state secretary's post placed in Regeringskansliet
#: because its source names no ministry (data/bodies.yaml; the importer's drafts).
GOVERNMENT_OFFICES_RULE = Text(
    "Källan nämner inte i vilket departement befattningen finns. Datan placerar den i Regeringskansliet, "
    "eftersom varje ministers och statssekreterares befattning är en av Regeringskansliets.",
    en="The source does not name the ministry the post is in. The data places it in the Government Offices, "
    "as every minister's and state secretary's post is one of the Government Offices'.",
)


def check_placements(corpus: Corpus) -> list[InputError]:
    """Every post without ``post_in_derivation`` whose first source's kept text does not name its body."""
    bodies = {b.id: b for b in corpus.bodies}
    kept = corpus.copies
    files = {s.id: s.file for s in corpus.sources}
    texts: dict[str, str] = {}  # a kept text folded (:func:`flat_text`), once for all the posts credited to it
    errors: list[InputError] = []
    for post in corpus.posts:
        source = post.sources[0] if post.sources else None
        body = bodies.get(post.post_in)
        if post.post_in_derivation is not None or source not in kept or body is None:
            continue
        if source not in texts:
            texts[source] = flat_text(kept[source])
        name = folded(body.name.sv)
        # a substring search, linear in the text whatever the name (a compiled pattern of a name of
        # many short words read on from each place its first word stands)
        if not name or next(find_words(name, texts[source]), None) is None:
            file = str(files.get(source))
            where = post.lines.where("post_in") if post.lines else Where(Path("bodies.yaml"), 0, "post_in")
            errors.append(
                InputError(
                    where,
                    f"post {quoted(post.id)} is placed in {quoted(post.post_in)} ({quoted(body.name.sv)}), a "
                    f"placement credited to {quoted(source)}, the post's first source, whose kept text "
                    f"({file if len(file) <= QUOTED else quoted(file)}) does not name {quoted(body.name.sv)}, and "
                    "post_in_derivation is missing",
                    "the body as the post's first source names it, or a post_in_derivation (sv, en) saying why the "
                    "data places the post there (published as the data's own, not the source's)",
                    'docs/model.md, "Stated is not derived"',
                )
            )
    return errors
