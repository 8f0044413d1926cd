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

The other relations of the shared records and their English names follow the same rule
(:func:`check_related`): a body's ``unit_of`` and English name (``name.en``), a post's ``reports_to``
and English label (``label.en``), a person's ``member_of``. Each is credited to the document
``fact_sources`` names for it (one of the record's ``sources``), else to the record's first source,
and is published in that document's graph. Where that document's text is kept (``file:``, a page's
text or a register's extract), it must state the fact: the related record's Swedish name within
:data:`NEAR` characters of the record's own name (a body's name, a post's label, a person's name),
or the English name itself, as whole words after folding; a register's extract (``kind: register``) states
names only, never a relation, though it names both bodies. Otherwise the fact needs its derivation
(``unit_of_derivation``, ``name_en_derivation``, ``reports_to_derivation``, ``label_en_derivation``,
``member_of_derivation``), and is then published in the dataset's own graph with it. A fact credited
to a document whose text is not kept is not compared: the credit stands as the data gives it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError, Where
from .records import Text
from .stated import find_words, flat_text, folded
from .typedyaml import QUOTED, quoted

if TYPE_CHECKING:
    from .records import Corpus

__all__ = ["GOVERNMENT_OFFICES_RULE", "RELATED", "check_placements", "check_related", "credited"]

#: The ``post_in_derivation`` of a minister's or state secretary's post placed in Regeringskansliet
#: because its source names no ministry (data/bodies.yaml; the importer's drafts).
GOVERNMENT_OFFICES_RULE = Text(
    "Källan nämner inte i vilket departement befattningen finns. Datan placerar den i Regeringskansliet, "
    "eftersom varje ministers och statssekreterares befattning är en av Regeringskansliets.",
    en="The source does not name the ministry the post is in. The data places it in the Government Offices, "
    "as every minister's and state secretary's post is one of the Government Offices'.",
)


def check_placements(corpus: Corpus) -> list[InputError]:
    """Every post without ``post_in_derivation`` whose first source's kept text does not name its body,
    and every relation or English name :func:`check_related` refuses."""
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
    return errors + check_related(corpus)


#: A relation or English name checked by :func:`check_related`: the kind of record, its file, the fact
#: (a field's name, or a text's English part) and the record's field of its derivation.
RELATED = (
    ("body", "bodies.yaml", "unit_of", "unit_of_derivation"),
    ("body", "bodies.yaml", "name.en", "name_en_derivation"),
    ("post", "bodies.yaml", "reports_to", "reports_to_derivation"),
    ("post", "bodies.yaml", "label.en", "label_en_derivation"),
    ("person", "people.yaml", "member_of", "member_of_derivation"),
)


def credited(record: Any, fact: str) -> str | None:
    """The document a relation or English name of ``record`` is credited to: the one its ``fact_sources``
    name for ``fact``, else its first source (None where it has none)."""
    named = next((fs.source for fs in record.fact_sources if fact in fs.facts), None)
    return named or (record.sources[0] if record.sources else None)


def check_related(corpus: Corpus) -> list[InputError]:
    """Every relation (a body's ``unit_of``, a post's ``reports_to``, a person's ``member_of``) and English
    name (a body's ``name.en``, a post's ``label.en``) without its derivation whose credited document's
    kept text does not state it: the related record's Swedish name (the body's name, the post's label),
    or the English name itself, found as whole words after folding. A ``fact_sources`` entry must name
    one of the record's ``sources``."""
    bodies = {b.id: b.name.sv for b in corpus.bodies}
    posts = {p.id: p.label.sv for p in corpus.posts}
    kept = corpus.copies
    files = {s.id: s.file for s in corpus.sources}
    registers = {s.id for s in corpus.sources if s.kind == "register"}
    texts: dict[str, str] = {}
    errors: list[InputError] = []

    def own(record: Any) -> list[str]:
        """The record's own names: a body's name, a person's, a post's label and its first word (the
        title a text writes before the minister's name: "statssekreterare hos … minister Ylva Johansson")."""
        if hasattr(record, "label"):
            return [record.label.sv, record.label.sv.split()[0]]
        return [record.name.sv if hasattr(record, "kind") else record.name]

    def wanted(record: Any, fact: str) -> list[str]:
        if fact == "unit_of":
            return [bodies[record.unit_of]] if record.unit_of in bodies else []
        if fact == "reports_to":
            return [posts[record.reports_to]] if record.reports_to in posts else []
        if fact == "member_of":
            return [bodies[b] for b in record.member_of if b in bodies]
        text = record.name if fact == "name.en" else record.label
        return [text.en] if text.en else []

    records = {"body": corpus.bodies, "post": corpus.posts, "person": corpus.people}
    for kind, file, fact, derivation in RELATED:
        for record in records[kind]:
            for fs in record.fact_sources:
                if fact in fs.facts and fs.source not in record.sources:
                    where = fs.lines.where("source") if fs.lines else Where(Path(file), 0, "fact_sources")
                    errors.append(
                        InputError(
                            where,
                            f"{fact} of {kind} {quoted(record.id)} is credited to {quoted(fs.source)}, which is "
                            "not one of its sources",
                            "a document listed in the record's sources",
                        )
                    )
            names = wanted(record, fact)
            source = credited(record, fact)
            if not names or getattr(record, derivation) is not None or source not in kept:
                continue
            if source not in texts:
                texts[source] = flat_text(kept[source])
            for name in names:
                words = folded(name)
                # a register's extract names bodies, each in an entry of its own: it states no relation
                if "." not in fact:  # a relation: the two names side by side, never in a register's extract
                    found = source not in registers and any(
                        _beside(folded(n), words, texts[source]) for n in own(record)
                    )
                else:
                    found = bool(words) and next(find_words(words, texts[source]), None) is not None
                if found:
                    continue
                path = str(files.get(source))
                where = record.lines.where(fact.split(".")[0]) if record.lines else Where(Path(file), 0, fact)
                errors.append(
                    InputError(
                        where,
                        f"{fact} of {kind} {quoted(record.id)} ({quoted(name)}) is credited to {quoted(source)}, "
                        f"whose kept text ({path if len(path) <= QUOTED else quoted(path)}) does not state "
                        f"{quoted(name)}, and {derivation} is missing",
                        f"fact_sources crediting {fact} to a document that states it (where its text is kept, it "
                        f"names {quoted(name)}), or a {derivation} (sv, en) saying why the data gives it "
                        "(published as the data's own, not the source's)",
                        'docs/model.md, "Stated is not derived"',
                    )
                )
    return errors


#: How near (characters of the folded text) a relation's two names must stand for the text to state
#: it, as a signature or a list writes "Arbetsmarknadsdepartementet, Integrationsenheten" or
#: "Vanja Bardh Olsson, Integrationsenheten"; names further apart are only named in the same text.
NEAR = 30


def _beside(one: str, other: str, flat: str) -> bool:
    """Whether the folded names ``one`` and ``other`` stand as whole words within :data:`NEAR`
    characters of each other in ``flat``."""
    if not one or not other:
        return False
    places = list(find_words(one, flat))
    return any(start - NEAR <= b and a <= end + NEAR for a, b in find_words(other, flat) for start, end in places)
