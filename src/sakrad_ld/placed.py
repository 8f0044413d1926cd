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
text or a register's extract), it must state the fact: a clause joining the record's own name (a
body's name, a post's full label, a person's name) to the related record's Swedish name
(:func:`stated_relation`: apposition, "X på Y", "Y:s X", a heading over its lines, …; never two names
that only stand near each other), or the English name as the record's name (:func:`named_in_english`:
a whole name, beside the Swedish name or in an English page about the record); a
register's extract (``kind: register``) states names only, never a relation, though it names both
bodies. Otherwise the fact needs its derivation (``unit_of_derivation``, ``name_en_derivation``,
``reports_to_derivation``, ``label_en_derivation``, ``member_of_derivation``), and is then published in
the dataset's own graph with it. A fact credited to a document whose text is not kept is not compared:
the credit stands as the data gives it.

A meeting's ``place`` credited to a kept text (:func:`check_meeting_places`) is found by
:func:`stated._held_at` after "i", "på", "vid" … in a sentence with a word of holding; it is stated only
where that sentence says the meeting was held there (:func:`place_guard`): its clause does not deny it
("hölls digitalt, inte i Stockholm", "inte i Stockholm utan i Luleå" denies Stockholm, not Luleå;
"varken … eller", "i stället för"), make it a plan, a condition or a doubt ("skulle hållas i", "planeras
i", "Om möjligt hålls …", "i Umeå eller Luleå", "kanske"), say it was called off or moved, report it as
hearsay ("hölls enligt uppgift i Umeå", "ska ha hållits i Umeå"), or place it at
another time ("nästa gång", "brukar hållas", also in a relative clause: "Sakrådet, som brukar hållas i Göteborg,
hölls i år i Umeå"); and no clause of its sentence is a condition ("Om intresset är stort, hålls …").
The place's own clause holds the word of holding: a clause with a verb of its own says something else
happened there ("Sakrådet hölls digitalt, men organisationerna satt samlade i Malmö", "…, och
organisationerna bjöds på lunch i Malmö", "…, organisationerna möttes i Malmö"); the place is not only
one of attendance in person ("deltog på plats i Rosenbad"), of a gathering before or after the meeting
or for another event ("Efter sakrådet samlades deltagarna i Malmö för en middag"), of another meeting
a preposition governs ("föregicks av ett möte i Malmö"), nor in a clause the sentence calls wrong ("Det
är fel att sakrådet hölls i Malmö": :func:`not_holding`, :func:`denied_that`); and the subject held there is not another event, also with
adverbials between its verb and it ("I Stockholm hölls i stället ett seminarium", "… samma dag en …"). An announced meeting (``announced_only``) may take its place from a plan
("ska hållas i", "kommer att hållas i"), which is what an announcement says; never from the others. A
place another sentence takes back is not stated (:func:`taken_back_place`): a correction, a change or a
denial ("Rättelse: Sakrådet hölls i Lund, inte i Malmö", "Platsen har ändrats till Lund", "Sakrådet hölls
inte i Malmö": :func:`sakrad_ld.corrected.taken_back`), or a second place where this meeting was held
("Sakrådet hölls i Lund.": one sharing no word with the place, named in no sentence that names it).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import clauses
from .clauses import LazyPattern
from .errors import InputError, Where
from .markup import shown
from .records import Text, credited
from .stated import (
    _END,
    _HELD,
    _ITEM_MARK,
    TITLE_ENDINGS,
    _another_meeting,
    _case,
    _error,
    _flat,
    _holding_places,
    _sentence,
    _word,
    find_words,
    flat_text,
    fold_marked,
    folded,
    folded_text,
    meeting_time,
)
from .typedyaml import QUOTED, quoted

if TYPE_CHECKING:
    from .records import Corpus

__all__ = [
    "GOVERNMENT_OFFICES_RULE",
    "RELATED",
    "check_meeting_places",
    "check_placements",
    "check_related",
    "denied_that",
    "headings",
    "named_in_english",
    "not_holding",
    "place_guard",
    "stated_relation",
]

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


def check_related(corpus: Corpus) -> list[InputError]:
    """Every relation (a body's ``unit_of``, a post's ``reports_to``, a person's ``member_of``) and English
    name (a body's ``name.en``, a post's ``label.en``) without its derivation whose credited document's
    kept text does not state it: a clause joining the two names (:func:`stated_relation`), or the English
    name as the record's own (:func:`named_in_english`). A ``fact_sources`` entry must name one of the
    record's ``sources``."""
    bodies = {b.id: b.name.sv for b in corpus.bodies}
    posts = {p.id: p.label.sv for p in corpus.posts}
    kept = corpus.copies
    files = {s.id: s.file for s in corpus.sources}
    registers = {s.id for s in corpus.sources if s.kind == "register"}
    languages = {s.id: s.language for s in corpus.sources}
    texts: dict[str, str] = {}  # a kept text folded (:func:`folded_text`), its sentence ends marked
    flats: dict[str, str] = {}  # and its sentence ends as spaces (:func:`_flat`), as it is searched
    heads: dict[str, dict[str, list[str]]] = {}  # its heading lines (:func:`headings`)
    # the bodies and organisations a line under a heading may begin with: the lines after it are its own
    known = frozenset(folded(n) for n in [*bodies.values(), *(o.name for o in corpus.organisations)])
    errors: list[InputError] = []

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
                texts[source] = folded_text(kept[source])
                flats[source] = _flat(texts[source])
            for name in names:
                words = folded(name)
                # a register's extract names bodies, each in an entry of its own: it states no relation
                if "." not in fact:  # a relation: a clause joining the two names, never in a register's extract
                    if source not in heads:
                        heads[source] = headings(shown(kept[source]), known)
                    found = source not in registers and stated_relation(
                        _own_names(record), words, fact, texts[source], heads[source], flats[source]
                    )
                else:  # an English name: the record's, as a whole name, in the text (:func:`named_in_english`)
                    found = bool(words) and named_in_english(
                        words,
                        _sv_names(record),
                        texts[source],
                        flats[source],
                        lambda source=source: _cased(kept[source]),
                        english=languages.get(source) == "en",
                    )
                if found:
                    continue
                path = str(files.get(source))
                where = record.lines.where(fact.split(".")[0]) if record.lines else Where(Path(file), 0, fact)
                english = "." in fact
                stated = (
                    f"does not give {quoted(name)} as the {kind}'s name (a whole name, beside its Swedish name or "
                    "in an English text, language: en)"
                    if english
                    else f"does not state {quoted(name)}"
                )
                errors.append(
                    InputError(
                        where,
                        f"{fact} of {kind} {quoted(record.id)} ({quoted(name)}) is credited to {quoted(source)}, "
                        f"whose kept text ({path if len(path) <= QUOTED else quoted(path)}) {stated}, and "
                        f"{derivation} is missing",
                        f"fact_sources crediting {fact} to a document that states it (where its text is kept, it "
                        + (
                            f'names the {kind} {quoted(name)}: "Integrationsenheten (Integration Unit)", "the '
                            'Integration Unit (Integrationsenheten)", or an English page about it)'
                            if english
                            else f"names {quoted(name)})"
                        )
                        + f", or a {derivation} (sv, en) saying why the data gives it "
                        "(published as the data's own, not the source's)",
                        'docs/model.md, "Stated is not derived"',
                    )
                )
    return errors


#: The words that join a record's name to the body it is in ("Anna Berg på Kulturdepartementet",
#: "Integrationsenheten inom Arbetsmarknadsdepartementet", "statssekreterare hos …ministern").
IN_WORDS = ("på", "vid", "inom", "i", "hos")
#: The words that say a record is part of a body ("Integrationsenheten är en del av …").
PART_WORDS = ("är en del av", "ingår i", "tillhör", "hör till", "is part of")
#: Words that end a list's item: a name after one is another item, not the one before it restated.
LIST_WORDS = ("och", "samt", "eller", "liksom", "and", "&")
#: Words that deny what follows ("inte Anna Berg, Integrationsenheten").
NOT_WORDS = ("inte", "ej", "icke", "aldrig", "not")
#: The nouns a body's genitive may qualify in an apposition ("Vanja Bardh Olsson, Arbetsmarknads-
#: departementets enhet för integration"): the body's parts; a title (:data:`TITLE_ENDINGS`) also does.
PART_NOUNS = ("enhet", "avdelning", "sekretariat", "kansli", "stab", "byrå", "grupp", "ledning", "sektion")
#: How many words a title may have between a name's comma and the word joining it to its body
#: ("Anna Berg, politiskt sakkunnig på …").
TITLE_WORDS = 4
#: The endings of a definite word that a title drops before a name ("etableringsministern" is
#: "etableringsminister Ylva Johansson").
DEFINITE = ("n", "en", "et")
#: How far back from the related name the comma before a title is looked for.
TITLE_WINDOW = 120

_ITEM = LazyPattern(_ITEM_MARK)


def _own_names(record: Any) -> list[str]:
    """The record's own names, folded: a body's name, a person's, a post's full label, and that label
    as a title is written before a name (its last word without the definite ending)."""
    if hasattr(record, "label"):
        label = folded(record.label.sv)
        last = label.rsplit(" ", 1)[-1]
        return [label, *(label[: -len(e)] for e in DEFINITE if last.endswith(e) and len(last) > len(e) + 2)]
    return [folded(record.name.sv if hasattr(record, "kind") else record.name)]


def stated_relation(
    own: list[str], other: str, fact: str, text: str, headings: dict[str, list[str]], flat: str | None = None
) -> bool:
    """Whether a kept text states that the record (one of its folded names ``own``) is in, or reports
    to, the record named ``other`` (folded): ``text`` is the text's :func:`folded_text` (its sentence
    ends ``\\x00``), ``headings`` its :func:`headings`, ``flat`` its :func:`_flat` if already made.
    Only these clauses state it, the two names as whole words, neither inside an e-mail or web address:

    - apposition, "X, Y" ("Vanja Bardh Olsson, Integrationsenheten"), Y's genitive only before a part
      or a title ("X, Y:s enhet för …"); neither name an item of a list ("A, X, Y", "X, Y och Z");
    - "X, titel på/vid/inom/i/hos Y" and "X på/vid/inom/i/hos Y" (Y not a genitive: "X på Y:s uppdrag"
      is not X in Y);
    - "X är en del av / ingår i / tillhör / hör till Y";
    - "Y:s X";
    - a post whose label holds the other after "hos" (or "på", "vid" …: :data:`IN_WORDS`), the label
      found in full ("statssekreterare hos arbetsmarknads- och
      etableringsministern" reports to "arbetsmarknads- och etableringsminister");
    - a heading line naming Y over the lines that begin with X (:func:`headings`);
    - a unit's signature, "Departementet, Enheten" (``unit_of`` only, not an item of a list).

    Nothing may stand between the two names but those words: no sentence end, list word ("samt",
    "och", a comma before another name), another name, "från", an address; and no "inte"/"ej" just
    before the clause. Each occurrence of ``other`` is read with the few places around it where the
    record's name would stand, so the check is linear in the text."""
    if not other:
        return False
    flat = _flat(text) if flat is None else flat
    for name in own:  # the post's own label names the post it reports to
        for w in IN_WORDS:
            if any(name.endswith(f" {w} {other}{e}") for e in ("", *DEFINITE)) and _found(name, flat):
                return True
    if any(_entry(line, own) for line in headings.get(other, ())):
        return True
    by_end: dict[int, int] = {}
    by_start: dict[int, int] = {}
    for name in own:
        for a, b in find_words(name, flat):
            if not _in_address(flat, a, b):
                by_end.setdefault(b, a)
                by_start.setdefault(a, b)
    if not by_end:
        return False
    for x, y in find_words(other, flat):
        if not _in_address(flat, x, y) and _clause(text, by_end, by_start, x, y, fact):
            return True
    return False


def _clause(text: str, by_end: dict[int, int], by_start: dict[int, int], x: int, y: int, fact: str) -> bool:
    """Whether the related name at ``x``-``y`` of ``text`` stands in a clause of :func:`stated_relation`
    with one of the record's names (``by_end``: the start of each that ends at a place; ``by_start``:
    the end of each that starts at one)."""
    after = _genitive(text, y)
    # the record first: "X, Y"
    a = by_end.get(x - 2) if text.startswith(", ", x - 2) else None
    if a is not None and _word_before(text, a) not in (",", *LIST_WORDS, *NOT_WORDS):
        following = _word_after(text, after)
        if (
            following not in LIST_WORDS
            and not _listed(text, after)
            and (after == y or following.startswith(PART_NOUNS) or _titles(following))
        ):
            return True
    if after == y:
        # "X på Y", "X är en del av Y", "X, titel på Y"
        for w in IN_WORDS + PART_WORDS:
            gap = f" {w} "
            if not text.startswith(gap, x - len(gap)):
                continue
            a = by_end.get(x - len(gap))
            if a is not None and _word_before(text, a) not in NOT_WORDS:
                return True
            if w not in IN_WORDS:
                continue
            comma = text.rfind(", ", max(0, x - TITLE_WINDOW), x - len(gap))
            a = by_end.get(comma) if comma >= 0 else None
            if a is not None and _titles(text[comma + 2 : x - len(gap)]) and _word_before(text, a) not in NOT_WORDS:
                return True
    # the body first: "Y:s X"
    if after != y and text.startswith(" ", after) and after + 1 in by_start and _word_before(text, x) not in NOT_WORDS:
        return True
    # a unit's signature: "Arbetsmarknadsdepartementet, Integrationsenheten"
    if fact == "unit_of" and after == y and text.startswith(", ", y) and y + 2 in by_start:
        end = _genitive(text, by_start[y + 2])
        if (
            _word_before(text, x) not in (",", *LIST_WORDS, *NOT_WORDS)
            and _word_after(text, end) not in LIST_WORDS
            and not _listed(text, end)
        ):
            return True
    return False


def _listed(text: str, end: int) -> bool:
    """Whether a comma after ``end`` goes on into a list ("X, Y, Z och W"): a list word later in the
    sentence (within :data:`TITLE_WINDOW` characters)."""
    if not text.startswith(",", end):
        return False
    stop = text.find(_END, end, end + TITLE_WINDOW)
    rest = text[end : stop if stop >= 0 else end + TITLE_WINDOW].replace(",", " ").split(" ")
    return any(w in LIST_WORDS for w in rest)


def _found(name: str, flat: str) -> bool:
    return next(find_words(name, flat), None) is not None


def _titles(words: str) -> bool:
    """Whether ``words`` (folded, one space between) are a title: at most :data:`TITLE_WORDS` words,
    each ending as a title does ("departementssekreterare", "politiskt sakkunnig")."""
    parts = words.split(" ")
    return 0 < len(parts) <= TITLE_WORDS and all(p and p not in NOT_WORDS and p.endswith(TITLE_ENDINGS) for p in parts)


def _genitive(text: str, end: int) -> int:
    """The end of a genitive ``s`` (or ``:s``) right after a name ending at ``end``, else ``end``."""
    for g in ("s", ":s", "'s"):
        if text.startswith(g, end) and (end + len(g) == len(text) or not _word(text[end + len(g)])):
            return end + len(g)
    return end


def _in_address(text: str, start: int, end: int) -> bool:
    """Whether a name found at ``start``-``end`` is part of an e-mail or web address ("integrations-
    enheten@…", "vanja.bardh-olsson@…"), not a name the text writes."""
    before = text[start - 1] if start else " "
    after = text[end : end + 2]
    return before in "@./" or after[:1] == "@" or (len(after) == 2 and after[0] in "./" and _word(after[1]))


def _word_before(text: str, start: int) -> str:
    """The word just before ``start`` (a comma for a list's comma; nothing after a sentence end)."""
    head = text[max(0, start - 40) : start].rstrip(" ")
    if head.endswith(","):
        return ","
    return head.rsplit(" ", 1)[-1].rsplit(_END, 1)[-1] if head and (_word(head[-1]) or head[-1] == "&") else ""


def _word_after(text: str, end: int) -> str:
    """The word just after ``end`` (nothing after a sentence end)."""
    tail = text[end : end + 40].lstrip(" ")
    return tail.split(" ", 1)[0].split(_END, 1)[0].rstrip(",.;:)") if tail else ""


def headings(raw: str, bodies: frozenset[str] = frozenset()) -> dict[str, list[str]]:
    """The heading lines of a kept text, each folded, with the lines under it folded (without a list's
    mark): a heading is a line of its own after a blank line or the text's start, or a Markdown heading,
    not a list's item. The lines under it are those that follow it ("Arbetsmarknadsdepartementet" over
    "Integrationsenheten"), or the list's items after a blank line ("## Integrationsenheten", "",
    "- Vanja Bardh Olsson, kansliråd"), up to a blank line or the next Markdown heading, and never past a
    line that begins with another body's or organisation's name (one of the folded ``bodies``): that
    line is kept, the lines after it are under it. Each line is read at most twice."""
    lines = raw.splitlines()
    out: dict[str, list[str]] = {}
    blank_before = True
    for i, line in enumerate(lines):
        blank = not line.strip()
        if not blank and (blank_before or line.lstrip().startswith("#")) and not _ITEM.match(line):
            j = i + 1
            items_only = j < len(lines) and not lines[j].strip()
            while j < len(lines) and not lines[j].strip():
                j += 1
            under = out.setdefault(_bare(line), [])
            while j < len(lines) and lines[j].strip() and not lines[j].lstrip().startswith("#"):
                item = _ITEM.match(lines[j])
                if items_only and not item:
                    break
                entry = _bare(lines[j][item.end() :] if item else lines[j])
                under.append(entry)
                if _lead(entry) in bodies:
                    break
                j += 1
        blank_before = blank
    return out


def _lead(entry: str) -> str:
    """The name a line under a heading begins with: up to a comma, a colon, a parenthesis or a dash."""
    for mark in (",", ":", " (", " -"):
        entry = entry.split(mark, 1)[0]
    return entry


def _bare(line: str) -> str:
    """A line folded without its Markdown marks ("## ", "**…**") and a closing colon."""
    return folded(line.strip().lstrip("#").strip().strip("*_").rstrip(":").strip("*_ "))


def _entry(line: str, own: list[str]) -> bool:
    """Whether a line under a heading is the record's: one of its names, alone or before a comma, a
    parenthesis, a dash or a colon ("Vanja Bardh Olsson, kansliråd")."""
    for name in own:
        rest = line[len(name) :] if name and line.startswith(name) else None
        if rest is not None and (not rest or rest[0] in ",:(" or rest.startswith((" (", " -"))):
            return True
    return False


#: The words a sentence may begin with, capitalised only as its first word, right before an English
#: name that is still a whole name ("The Ministry of Employment …", "I Stockholm …").
OPENERS = frozenset(
    "the a an this that these its their our in at on by for from to with of under within as and "
    "den det de ett en i på vid hos inom för från till med och enligt av om".split()
)
#: The words that make a passage English, and those that make it Swedish (:func:`_english_passage`).
ENGLISH_WORDS = frozenset(
    "the of and to is are was were for with on by at from as this that which who has have had be been "
    "it its an or not our their will would".split()
)
SWEDISH_WORDS = frozenset(
    "och att det som en ett är var för på med av till om den de har hade inte vid från hos inom "
    "också eller men där samt under efter".split()
)
#: The words that make a name glossed in parentheses after the Swedish name English ("Ministry of
#: Employment", "Integration Unit"): the English words above and the nouns of English names of bodies and
#: posts that are no Swedish words. A gloss of none of them ("Arbetsmarknadsdepartementet (Stockholm)",
#: "Arbetsdomstolen (AD)") is English only said so ("engelska:", "eng.", quoted) or in an English passage.
ENGLISH_NAME_WORDS = ENGLISH_WORDS | frozenset(
    "ministry department office unit agency authority council board committee minister secretary "
    "government commission division directorate group deputy affairs foreign justice finance defence "
    "health education culture employment enterprise environment equality sweden swedish".split()
)
#: How many characters around an English name its passage is read in (:func:`_english_passage`).
PASSAGE_WINDOW = 160
_QUOTES = "\"'“”„«»‘’‚‹›"
#: What stands between a Swedish name and its English name glossed after it: "Arbetsmarknadsdepartementet
#: (Ministry of Employment)", "(engelska: …)", "(eng. …)", "(in English: …)", "(”…”)"; and after the name,
#: the closing quote and parenthesis.
_GLOSS = LazyPattern(rf" ?\( ?(?P<said>(?:på |in )?(?:engelska|english|eng\.?|en) ?:? ?)?[{_QUOTES}]?")
#: What stands between an English name and the Swedish name glossed after it: "the Ministry of
#: Employment (Arbetsmarknadsdepartementet)", "(svenska: …)", "(sv. …)", "(Swedish: …)".
_GLOSSED = LazyPattern(rf"[{_QUOTES}]? ?\( ?(?:(?:på |in )?(?:svenska|swedish|sv\.?) ?:? ?)?[{_QUOTES}]?")
_CLOSE = LazyPattern(rf"[{_QUOTES}]? ?\)")
#: The longest text :data:`_GLOSSED` may match, so an English name's end is looked for that far back.
GLOSS_WIDTH = 24


def named_in_english(
    en: str,
    sv: list[str],
    text: str,
    flat: str,
    cased: Any,
    *,
    english: bool,
) -> bool:
    """Whether a kept text names a record by its English name ``en`` (folded), as this record's name:

    - as a whole name: no word joined to it by a hyphen and no capitalised word right before or after
      it (a sentence's first word before it aside when it is one of :data:`OPENERS`), so "Stockholm" in
      "Länsstyrelsen Stockholm" and "Core Group" in "UN LGBTI Core Group" are not names of their own;
      no plural or genitive ``s`` glued to it ("the Core Group's" is its genitive);
    - and either in an English text about the record (``english``: the source's ``language: en``, a
      page about the body or post), or beside one of the record's Swedish names ``sv`` (folded):
      glossing it in parentheses, "Arbetsmarknadsdepartementet (Ministry of Employment)" (:data:`_GLOSS`),
      the gloss English (said so, "engelska: …", or quoted; a word of :data:`ENGLISH_NAME_WORDS`; or in
      an English passage), or glossed by it, "the Ministry of Employment (Arbetsmarknadsdepartementet)"
      (:data:`_GLOSSED`), the English name then quoted or in an English passage (:func:`_english_passage`).

    ``text`` is the kept text's :func:`folded_text`, ``flat`` its :func:`_flat`, ``cased`` a function
    giving the text folded with its case kept (:func:`_cased`, made only if the name is found). Each
    occurrence of each name is read with a few characters around it: linear in the text."""
    places = list(find_words(en, flat)) if en else []
    if not places:
        return False
    case = cased()
    whole = {a: b for a, b in places if _whole_name(text, case, a, b)}
    if not whole:
        return False
    if english:
        return True
    by_end = {b: a for a, b in whole.items()}
    english_words = not ENGLISH_NAME_WORDS.isdisjoint(en.replace("-", " ").split())
    for name in sv:
        if not name or name == en:
            continue
        for a, b in find_words(name, flat):
            if b < len(flat) and _word(flat[b]):
                continue  # "Xs (…)": a genitive, not the name glossed
            gloss = _GLOSS.match(flat, b)
            start = gloss.end() if gloss and "(" in gloss.group() else -1
            if gloss and start in whole and _CLOSE.match(flat, whole[start]):
                said = gloss.group("said") or gloss.group().endswith(tuple(_QUOTES))
                if said or english_words or _english_passage(text, (a, b), (start, whole[start])):
                    return True
            if not _CLOSE.match(flat, b):
                continue
            for end in range(max(0, a - GLOSS_WIDTH), a):
                glossed = end in by_end and _GLOSSED.fullmatch(flat, end, a)
                if glossed and "(" in glossed.group():
                    first = by_end[end]
                    quoted = first > 0 and flat[first - 1] in _QUOTES and flat[end : end + 1] in _QUOTES
                    if quoted or _english_passage(text, (first, end), (a, b)):
                        return True
    return False


def _sv_names(record: Any) -> list[str]:
    """A body's or post's Swedish names as an English name may gloss them, folded: its name or label,
    a post's label also in its definite form ("energi- och näringsministern") or without it."""
    if not hasattr(record, "label"):
        return [folded(record.name.sv)]
    label = folded(record.label.sv)
    return [*_own_names(record), *(label + e for e in DEFINITE if not label.endswith(DEFINITE))]


def _whole_name(text: str, cased: str | None, a: int, b: int) -> bool:
    """Whether the English name at ``a``-``b`` of ``text`` stands as a whole name (:func:`named_in_english`);
    ``cased`` the text with its case (None where it could not be made: every word then counts as capitalised)."""
    if b < len(text) and _word(text[b]):
        return False  # "Core Groups", "Stockholms"
    if a >= 2 and text[a - 1] == "-" and _word(text[a - 2]):
        return False
    if b + 1 < len(text) and text[b] == "-" and _word(text[b + 1]):
        return False
    if a >= 2 and text[a - 1] == " " and _word(text[a - 2]):
        start = a - 1
        while start > max(0, a - 41) and _word(text[start - 1]):
            start -= 1
        word = text[start : a - 1]
        first = start == 0 or text[start - 1] == _END
        if (cased is None or not cased[start].islower()) and not (first and word in OPENERS):
            return False
    if b + 1 < len(text) and text[b] == " " and _word(text[b + 1]):
        if cased is None or not cased[b + 1].islower():
            return False
    return True


def _english_passage(text: str, *names: tuple[int, int]) -> bool:
    """Whether the passage around ``names`` (their places in ``text``, a :func:`folded_text`) is English:
    in its sentence, within :data:`PASSAGE_WINDOW` characters, more of :data:`ENGLISH_WORDS` than of
    :data:`SWEDISH_WORDS`, the names' own words not counted."""
    lo = min(a for a, _ in names)
    hi = max(b for _, b in names)
    start = text.rfind(_END, max(0, lo - PASSAGE_WINDOW), lo) + 1 or max(0, lo - PASSAGE_WINDOW)
    stop = text.find(_END, hi, hi + PASSAGE_WINDOW)
    stop = stop if stop >= 0 else min(len(text), hi + PASSAGE_WINDOW)
    words = (text[start:lo] + " " + text[hi:stop]).replace("(", " ").replace(")", " ").split()
    words = [w.strip(",.;:!?" + _QUOTES) for w in words]
    return sum(w in ENGLISH_WORDS for w in words) > sum(w in SWEDISH_WORDS for w in words)


def _cased(raw: str) -> str | None:
    """A kept text folded as :func:`folded_text` folds it, its case kept (each character whose folding
    is one character is kept as it is): the same length, so a place in one is the same in the other.
    None where it is not the same length (a character folded to several joined to the next by NFKC)."""
    return _cased_text(raw, len(folded_text(raw)))


@lru_cache(maxsize=8)
def _cased_text(raw: str, size: int) -> str | None:
    out = fold_marked(raw, _keep_case)
    return out if len(out) == size else None


def _keep_case(piece: str) -> str:
    """``piece`` as :func:`stated._case` folds it, as long, its case kept where a character folds to one."""
    if len(_case(piece)) == len(piece):
        return piece
    return "".join(c if len(_case(c)) == 1 else _case(c) for c in piece)


# --- A meeting's place: a sentence that says the meeting was held there ---------------------------------


def _words(words: tuple[str, ...]) -> LazyPattern:
    return LazyPattern(
        r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?!\w)"
    )


#: The plan's words of an announcement: they state the place of a meeting marked ``announced_only``
#: ("ska hållas i", "kommer att hållas i", "planeras i"), never of a held one; a modal ("skulle", "kan")
#: states neither.
PLACE_PLAN_WORDS = (
    "ska", "skall", "kommer att", "planeras", "planerades", "planerar", "planerade", "planerat", "avses",
    "avsågs", "avser", "avsåg", "tänkt", "will", "shall", "is to", "plans", "planned", "scheduled",
)  # fmt: skip


#: The modals and plans of the guard words' table: with an announcement's plan, they still refuse a place.
_MODAL = _words(tuple(w for w, (kind, scope) in clauses.GUARDS.items() if kind == clauses.PLAN and scope == "clause"))


def announcing(word: str) -> bool:
    """Whether a plan's ``word`` (as :func:`~sakrad_ld.clauses.guard_in` gives it) is one an announcement
    says: :data:`PLACE_PLAN_WORDS`, an expectation ("väntas", :data:`~sakrad_ld.clauses.EXPECTED_WORDS`) or a
    plan's noun leading in ("Planen är att …", :data:`~sakrad_ld.clauses.PLAN_LEAD`)."""
    return word in PLACE_PLAN_WORDS or word in clauses.EXPECTED_WORDS or clauses.PLAN_LEAD.fullmatch(word) is not None


def place_guard(text: str, flat: str, at: int, end: int, *, announced: bool = False, years: Any = None) -> str:
    """What the sentence of a place found at ``at`` (its preposition) to ``end`` in a kept text says
    instead of the meeting held there, quoting the word that says it; "" where it says nothing else.
    The guard words are :data:`~sakrad_ld.clauses.GUARD_TABLE`'s, read where they govern the place
    (:func:`~sakrad_ld.clauses.guard_in`: its own clause and the clause of the word of holding, not a
    subordinate clause, "för att … skulle", "så att fler kan delta"; a choice only joining it to another
    place, "i Umeå, eller i Luleå", not "barn- eller ungdomsorganisationer"; a condition's "om" only as a
    subjunction, not "handlade om skolan, om vården"). ``text`` is the text's :func:`folded_text`,
    ``flat`` its :func:`_flat`; ``announced``: the meeting is announced only, so a plan's words
    (:data:`PLACE_PLAN_WORDS`) say what the announcement says; ``years``: the meeting's years
    (:func:`stated.meeting_time`), a year right after the place not among them placing another holding
    (:func:`_other_year`). A place right after a noun another preposition governs is that noun's
    (:func:`_other_noun`: "i samband med konferensen i Malmö")."""
    lo, hi = _sentence(text, at, end)
    if (noun := _other_noun(flat, lo, at)) is not None:
        return f"places another noun there ({quoted(noun)}), not the holding"
    if (denied := denied_that(flat, lo, at)) is not None:
        return f"denies it ({quoted(denied)})"
    if (other := not_holding(flat, lo, hi, at)) is not None:
        return other
    if years is not None and (year := _OTHER_YEAR.match(flat, end, hi)) is not None and year.group(1) not in years:
        return f"places the holding at another time ({quoted(year.group().strip(' ,'))})"
    found = clauses.guard_in(flat, lo, hi, at, end)
    if found is None and (other := clauses.held_other(flat, lo, hi, at) or _held_other_later(flat, lo, hi, at)):
        return f"says another event was held there ({quoted(other)}), not this meeting"  # "En konferens hölls …"
    if found is None and (usual := _relative_time(flat, lo, hi, at, end)) is not None:
        return f"places the holding at another time ({quoted(usual)})"  # "Sakrådet, som brukar hållas i …, …"
    if found is None and (verb := _other_verb(flat, lo, hi, at, end)) is not None:
        return f"says something else happened there ({quoted(verb)}), not that the meeting was held there"
    if found is None:
        return ""
    word, kind = found
    if kind in (clauses.NEGATION, clauses.INSTEAD, clauses.EXCLUSION, clauses.ABSENCE):
        return f"denies it ({quoted(word)})"
    if kind == clauses.OTHER_TIME:
        return f"places the holding at another time ({quoted(word)})"
    if kind == clauses.PLAN and announcing(word):
        if announced:
            # a plan is what an announcement says; any other guard word still counts
            rest = clauses.guard_in(flat, lo, hi, at, end, kinds=clauses.GUARDS_KINDS - {clauses.PLAN})
            modal = [
                m.group() for s, e in clauses.fact_clause(flat, lo, hi, at, end)
                for m in _MODAL.finditer(flat, s, e) if not announcing(m.group())
            ]  # fmt: skip
            if rest is None and not modal:
                return ""
            return place_guard_said(*(rest or (modal[0], clauses.PLAN)))
        return f"makes it a plan ({quoted(word)}), and the meeting is not marked announced_only"
    return place_guard_said(word, kind)


#: A year right after a place, a few words of time between ("i Malmö 2023", "i Malmö i maj 2023", "i
#: Malmö år 2023", "in Malmö in 2023"): the time of the holding there. Only words of time (a month, a
#: season) stand between: not a relative clause's ("i Malmö, som 2023 utsågs till årets stad").
_OTHER_YEAR = LazyPattern(
    r",?(?: (?:i|år|under|den|in|on|the|\d{1,2}|(?:januari|februari|mars|april|maj|juni|juli|augusti|september|"
    r"oktober|november|december|january|february|march|may|june|july|august|october|hösten|våren|sommaren|"
    r"vintern|autumn|spring|summer|winter)(?= (?:19|20)\d\d))){0,3} ((?:19|20)\d\d)(?!\d)"
)
#: Prepositions that govern a noun of their own before a place ("i samband med konferensen i Malmö",
#: "efter Almedalsveckan i Visby", "på initiativ av organisationerna i Malmö", "med organisationer i
#: Malmö"): the place is that noun's, not the holding's. Not "på", "vid" or "hos": "på Rosenbad i
#: Stockholm", "hos Famna i Malmö" place the meeting in both. A preposition of time (:data:`TIME_PREPOSITIONS`)
#: governs an event's noun only ("efter Almedalsveckan i Visby", not "efter lunch i Malmö"), and "av"
#: after a word of holding names who held it ("hölls av Socialdepartementet i Stockholm").
OTHER_NOUN_PREPOSITIONS = frozenset(
    "till med efter före inför av från kring mot bland with after before by from among".split()
)
#: The prepositions of :data:`OTHER_NOUN_PREPOSITIONS` that say when: their noun is another event's only
#: where it is an event (clauses.OTHER_EVENTS, clauses.GATHERING_EVENTS).
TIME_PREPOSITIONS = frozenset("efter före inför after before".split())
#: A meal's noun, which after a preposition of time and no article is a time of day ("efter lunch").
_MEALS = frozenset("lunch dinner breakfast".split())
#: Words of holding or organising that take their agent with "av" / "by".
_HELD_BY = frozenset(
    """hölls hålls genomfördes anordnades arrangerades organiserades leddes ordnades held organised organized
    hosted convened""".split()
)
_ARTICLES = frozenset("den det de en ett the a an".split())


def _other_noun(flat: str, lo: int, at: int) -> str | None:
    """The noun right before the place's preposition at ``at`` (an article between) that one of
    :data:`OTHER_NOUN_PREPOSITIONS` governs, as its words; None where there is none."""
    words = _VERB.findall(flat, max(lo, at - 80), at)
    article = len(words) >= 3 and words[-2] in _ARTICLES
    if article:
        words = [*words[:-2], words[-1]]
    if len(words) < 2 or words[-2] not in OTHER_NOUN_PREPOSITIONS or words[-1] in _ARTICLES:
        return None
    if words[-1].isdigit() or words[-1] in clauses.HELD_SUBJECTS or words[-1].endswith(clauses._MEETING_ENDS):
        return None
    if words[-2] in TIME_PREPOSITIONS and (
        words[-1] not in clauses.OTHER_EVENTS | clauses.GATHERING_EVENTS or (words[-1] in _MEALS and not article)
    ):
        return None  # "hölls efter lunch i Malmö", "strax före jul i Malmö": a time, not another event
    if words[-2] in ("av", "by") and len(words) >= 3 and words[-3] in _HELD_BY:
        return None  # "hölls av Socialdepartementet i Stockholm": who held it, where
    return f"{words[-2]} {words[-1]}"


#: Words that call what follows them wrong ("Det är fel att sakrådet hölls i Malmö", "It is not true that
#: …"): the clause after them, up to a ";", a "men" or an "utan", denies its place.
_DENIED_THAT = LazyPattern(
    r"(?<!\w)(?:det (?:är|var) (?:fel|felaktigt|inte sant|osant|inte korrekt|inte riktigt|en missuppfattning)"
    r"|(?:it is|it was|it's) (?:wrong|false|not true|incorrect|not correct|a mistake)) (?:att|that) "
)
_DENIAL_END = LazyPattern(r";| (?:men|utan|but) ")


def denied_that(flat: str, lo: int, at: int) -> str | None:
    """The words before the place at ``at`` (its sentence from ``lo``) that call its clause wrong ("Det är
    fel att sakrådet hölls i Malmö; det hölls i Lund" denies Malmö, not Lund); None where none do."""
    found = None
    for m in _DENIED_THAT.finditer(flat, lo, at):
        found = m
    if found is None or _DENIAL_END.search(flat, found.end(), at) is not None:
        return None
    return found.group().strip()


#: "på plats" (in person) and its English forms: a word of attendance, not of holding.
_IN_PERSON = LazyPattern(r"(?<!\w)(?:på plats|in person|on site|on-site)(?!\w)")
#: The words of holding that say people gathered: whose gathering it was is read from the sentence.
_GATHERING = frozenset("samlades samlas träffades träffas".split())
#: Words placing a gathering before or after this meeting, or naming another event as its purpose ("Efter
#: sakrådet samlades deltagarna i Malmö", "samlades därefter", "för en middag", "till lunch").
_ANOTHER_GATHERING = LazyPattern(
    r"(?<!\w)(?:(?:efter|före|innan|inför|after|before) (?:själva )?(?:sakrådet|mötet|samrådet|dialogmötet|the meeting)"
    r"|därefter|efteråt|sedan|senare|dagen efter|kvällen före|afterwards|later"
    r"|(?:för|till|på) (?:(?:en|ett|gemensam|gemensamt|gemensamma) ){0,2}(?:middag|lunch|frukost|fika|mingel|mottagning|restaurang|"
    r"studiebesök|rundvandring|fest|kvällsaktivitet)\w*|for (?:a |an )?(?:dinner|lunch|reception|drinks))(?!\w)"
)
#: A time before or after this sakråd (its definite noun) before a place: what is placed there happened then,
#: not the sakråd ("Efter sakrådet hölls ett möte i Malmö", "Inför sakrådet träffades …"; not a relative
#: clause of the noun, "Inför sakrådet, som hölls i Malmö, …").
_AROUND_THIS = LazyPattern(
    r"(?<!\w)(?:efter|före|inför|innan|after|before|ahead of) (?:själva )?(?:sakrådet|samrådet|dialogmötet|"
    r"the consultation)(?!\w)"
)
#: A meeting's noun governed by a preposition or an agent's "av" ("föregicks av ett möte", "efter mötet"),
#: right before the place: that meeting is another than the sentence's own.
_GOVERNED_MEETING = LazyPattern(
    r"(?<!\w)(?<!form )(?<!formen )(?:av|efter|före|innan|inför|by|after|before|following) (?:(?:ett|en|det|den|the|a|an) )?(?:[\w-]+ )?"
    r"(?P<noun>möte|mötet|träff|träffen|meeting)(?: (?:med [\w-]+(?: [\w-]+)?))? $"
)


def _held_in(flat: str, s: int, e: int) -> bool:
    """Whether ``flat[s:e]`` holds a word of holding other than the "plats" of "på plats"."""
    in_person = [m.span() for m in _IN_PERSON.finditer(flat, s, e)]
    return any(not any(x <= m.start() < y for x, y in in_person) for m in _HELD.finditer(flat, s, e))


def not_holding(flat: str, lo: int, hi: int, at: int) -> str | None:
    """What the sentence ``flat[lo:hi]`` says happened at the place at ``at`` instead of this meeting's
    holding, or None: its only words of holding before the place are "på plats" ("Ministern deltog på plats
    i Rosenbad": who attended there in person, for a meeting that may have been held elsewhere or online);
    a time before or after this sakråd before it ("Efter sakrådet hölls ett möte i Malmö"); a gathering
    placed before or after the meeting or for another event ("Efter sakrådet samlades
    deltagarna i Malmö för en middag", "samlades därefter på en restaurang i …"); another meeting's noun
    governed by a preposition right before it ("Sakrådet föregicks av ett möte i Malmö"); a clause
    after a comma with a verb of its own and no word of holding ("Sakrådet hölls i Stockholm,
    organisationerna möttes sedan i Malmö")."""
    in_person = [m.span() for m in _IN_PERSON.finditer(flat, lo, at)]
    held = [m for m in _HELD.finditer(flat, lo, at) if not any(s <= m.start() < e for s, e in in_person)]
    comma = max(flat.rfind(",", lo, at), flat.rfind(";", lo, at))
    # "…, med deltagare på plats i Rosenbad": someone on site, after a comma with no word of holding; not
    # "genomfördes i hybridform, på plats i Rosenbad och via länk", the holding's own adverbial
    site = next((s for s, e in in_person if e == at - 1), None)
    someone = site is not None and bool(flat[comma + 1 : site].strip(" ,")) and not any(m.start() > comma for m in held)
    if (in_person and not held) or someone:
        word = flat[slice(*in_person[-1])]  # "på plats", or the English sentence's own "in person"
        return f"says who attended there in person ({word!r}), not that the meeting was held there"
    for around in _AROUND_THIS.finditer(flat, lo, at):
        if (
            not flat.startswith((", som ", " som ", ", which ", ", där "), around.end())
            and ";" not in flat[around.end() : at]
        ):
            return f"places something before or after the meeting there ({quoted(around.group())}), not the meeting"
    if held and all(m.group() in _GATHERING for m in held) and (when := _ANOTHER_GATHERING.search(flat, lo, hi)):
        return (
            f"says people gathered there at another time or for another event ({quoted(when.group())}), not the meeting"
        )
    if (meeting := _GOVERNED_MEETING.search(flat, max(lo, at - 80), at)) is not None and (
        clauses.HELD_SUBJECTS.intersection(_VERB.findall(flat, lo, meeting.start()))
    ):
        return f"places another meeting there ({quoted(meeting.group().strip())}), not this one"
    if held and comma > held[-1].start():
        for w in _VERB.findall(flat, comma, at):
            if w in _OTHER_VERBS or (clauses.finite(w) and _HELD.fullmatch(w) is None):
                return f"says something else happened there ({quoted(w)}), not that the meeting was held there"
    return None


def place_guard_said(word: str, kind: str) -> str:
    """The refusal's words for a guard ``word`` of ``kind`` other than a plan's."""
    if kind in (clauses.NEGATION, clauses.INSTEAD, clauses.EXCLUSION, clauses.ABSENCE, clauses.DENIAL):
        return f"denies it ({quoted(word)})"
    if kind == clauses.HEARSAY:
        return f"reports it as hearsay ({quoted(word)})"  # "Mötet hölls enligt uppgift i Umeå"
    if kind == clauses.OTHER_TIME:
        return f"places the holding at another time ({quoted(word)})"
    if kind == clauses.CONDITION and word in ("om", "if"):
        return f"makes it a condition ({quoted(word)} …)"
    return (
        "makes it a wish, a condition, a doubt or a choice, or says the meeting was called off or moved "
        f"({quoted(word)})"
    )


def held_here(value: str, text: str, flat: str, years: Any = None, *, announced: bool = False) -> str | None:
    """Whether the place ``value`` stands in a sentence saying the meeting was held there: "" if one
    of the sentences :func:`stated._held_at` reads it in says so (:func:`place_guard`), else what the
    first of them says instead; None where :func:`stated._held_at` finds it in none (refused there)."""
    from .stated import _sentence

    said = None
    for at, b, _, _ in _holding_places(value, text, flat, years):
        why = place_guard(text, flat, at, b, announced=announced, years=years)
        if not why:
            lo, hi = _sentence(text, at, b)
            off = clauses.called_off_elsewhere(flat, lo, hi, "place")
            if off is None:
                return ""
            # "… i Stockholm. Samrådet har dock flyttats till Göteborg.", "… Mötet har dock ställts in."
            return f"holds it, but {clauses.other_said(off)}"
        said = said or why
    return None if said is None else f"holds it, but the sentence saying where the meeting was held {said}"


#: What a place's name does not hold: a day and month, a weekday, a time of day ("kl", "klockan", "13.00"),
#: or a list's "och"/"samt" before a number ("Umeå och 20 organisationer").
_NOT_A_NAME = LazyPattern(
    r"(?<!\w)(?:\d{1,2}:?e? (?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|"
    r"december|january|february|march|april|may|june|july|august|september|october|november|december)|"
    r"(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday)(?:en)?|kl\.?|klockan|\d{1,2}[.:]\d{2}|(?:och|samt|and) \d+)(?!\w)"
)


def runs_on(value: str) -> str:
    """Why the place ``value`` runs past a name into the clause after it ("Umeå den 5 mars 2024 kl", "Umeå
    och 20 organisationer deltog"): a date, a weekday, a time of day, a count after "och", or a finite verb
    (:data:`clauses.FINITE_VERBS`); "" where it holds none (a name, an address: "Fredsgatan 8, Stockholm")."""
    folded = " ".join(value.casefold().split())
    if (m := _NOT_A_NAME.search(folded)) is not None:
        return f"is not read for it: the value runs past the place's name into what follows it ({quoted(m.group())}); a place is a name, not a clause"
    verb = next((w for w in re.findall(r"[\w-]+", folded) if w in clauses.FINITE_VERBS), None)
    if verb is not None:
        return f"is not read for it: the value runs past the place's name into a clause (its verb {quoted(verb)}); a place is a name, not a clause"
    return ""


def check_meeting_places(corpus: Corpus) -> list[InputError]:
    """Every meeting's ``place`` credited to a kept text whose sentences of holding (:func:`stated._held_at`)
    all say something else of it (:func:`place_guard`: a denial, a plan, a condition, another time)."""
    kept = corpus.copies
    files = {s.id: s.file for s in corpus.sources}
    published = {s.id: s.published for s in corpus.sources}
    texts: dict[str, tuple[str, str]] = {}
    errors: list[InputError] = []
    for m in corpus.meetings:
        source = m.source_of("place") if m.place else None
        if source not in kept:
            continue
        if source not in texts:
            folded_ = folded_text(kept[source])
            texts[source] = (folded_, _flat(folded_))
        text, flat = texts[source]
        years = meeting_time([m.date, *(m.days or [])], published.get(source))
        why = runs_on(m.place) or held_here(m.place, text, flat, years, announced=bool(m.announced_only))
        if not why:
            why = taken_back_place(m.place, kept[source], years, announced=bool(m.announced_only))
        if why:
            errors.append(_error(m.where("place"), "the place", m.place, source, files.get(source), why, "place"))
    return errors


def taken_back_place(value: str, raw: str, years: Any = None, *, announced: bool = False) -> str:
    """Why the kept text ``raw``, which states the place ``value`` in one sentence, does not state it as the
    meeting's: another sentence corrects, changes or denies it (:func:`sakrad_ld.corrected.taken_back`:
    "Rättelse: Sakrådet hölls i Lund, inte i Malmö", "Platsen har ändrats till Lund", "Ny plats: Lund"), or
    says this meeting was held at another place (:func:`_second_place`: "Sakrådet hölls i Lund"); "" where
    none does."""
    from .corrected import read_text, taken_back

    ft, flat = read_text(raw)
    own = folded(value)

    def found(flat: str, lo: int, hi: int) -> list[tuple[int, int]]:
        return list(find_words(own, flat, lo, hi)) if lo < hi else []

    back = taken_back("place", ft, flat, found, lambda lo, hi: _another_meeting(flat, lo, hi, years))
    if back is not None:
        return f"holds it, but {back.said()}"
    if (other := _second_place(value, raw, years, announced=announced)) is not None:
        return (
            f"holds it, but another sentence of the text says the meeting was held at another place ({other[1]!r}: "
            f'"{other[0]}"): a text giving the meeting two places does not state either'
        )
    return ""


#: This meeting's noun (or a pronoun), a word of holding and a place's preposition, then a word
#: ("sakrådet hölls i lund", "mötet ägde sedan rum på rosenbad", "the meeting was held in lund"), read in the
#: folded text; the word is a place's name where the text writes it in capitals (:func:`_second_place`).
_HELD_AT_WORD = LazyPattern(
    r"(?<![\w-])(?:sakrådet|samrådet|mötet|dialogmötet|det|the meeting|the consultation|it)(?: [\w-]+){0,3}? "
    r"(?:hölls|ägde rum|genomfördes|anordnades|arrangerades|was held|took place)"
    r"(?: (?:sedan|därefter|dock|också|även|slutligen|then|also|however|finally))* (?:i|på|vid|in|at) "
    r"(?P<place>[\w-]+)"
)


#: An ordinal or a word of another time or meeting before the word of holding ("Det första sakrådet i
#: serien hölls i Malmö", "Nästa möte hölls …", "The previous meeting was held in Malmö", "Sakrådet hölls
#: tidigare i Lund"): the place is another meeting's or time's.
_ANOTHER_ONE = LazyPattern(
    r"(?<!\w)(?:första|andra|tredje|fjärde|femte|sista|förra|föregående|nästa|kommande|tidigare|senaste|"
    r"förstnämnda|fjolårets|förrförra|first|second|third|fourth|last|previous|next|earlier|former|upcoming|"
    r"prior|later|senare|brukar|usually|usual|vanligtvis)(?!\w)"
)


def _second_place(value: str, raw: str, years: Any = None, *, announced: bool = False) -> tuple[str, str] | None:
    """A sentence of the kept text ``raw`` saying this meeting was held at a place that shares no word with
    ``value`` (:data:`_HELD_AT_WORD`, a name the text writes in capitals, that :func:`held_here` reads as
    where the meeting was held: not another meeting's, nor denied, planned or at another time), as (the
    sentence, the place); None where there is none ("hölls i Rosenbad i Stockholm" names one place, as
    does "Rosenbad, Stockholm")."""
    ft = folded_text(raw)
    flat = _flat(ft)
    own = set(re.findall(r"[\w-]+", folded(value)))
    for m in _HELD_AT_WORD.finditer(flat):
        place = m["place"]
        if place in own or _beside(folded(value), place, ft, flat):
            continue
        lo, hi = _sentence(ft, m.start(), m.end())
        if _ANOTHER_ONE.search(flat, lo, m.start("place")) is not None:
            continue  # "Det första sakrådet i serien hölls i Malmö": another meeting of the series
        if held_here(place, ft, flat, years, announced=announced) != "":
            continue
        cased = _cased(raw)  # read only for a place held there, so a text is seldom folded twice
        if cased is None or not cased[m.start("place")].isupper():
            continue  # "hölls i år", "hölls i samband med …": no name
        return " ".join(flat[lo:hi].split()), cased[m.start("place") : m.end("place")]
    return None


def _beside(value: str, place: str, ft: str, flat: str) -> bool:
    """Whether ``place`` stands in a sentence of the folded text ``ft`` (``flat`` its flat form) that names
    ``value`` ("hölls i Rosenbad i Stockholm", "Rosenbad, Stockholm"): the two name one place, as a venue
    and its town."""
    for a, b in find_words(value, flat):
        lo, hi = _sentence(ft, a, b)
        if next(find_words(place, flat, lo, hi), None) is not None:
            return True
    return False


#: Adverbials that may stand between a fronted place's verb of holding and its indefinite subject ("I
#: Stockholm hölls i stället ett seminarium", "… hölls samma dag en konferens", "… hölls den 3 maj en …").
_BETWEEN = (
    r"(?:i stället|istället|samma (?:dag|dagen|vecka|veckan|eftermiddag|kväll)|också|även|dessutom|sedan|då|"
    r"senare|tidigare|därefter|efteråt|samtidigt|parallellt|i år|i fjol|dagen (?:efter|innan|före)|"
    r"(?:på|under) (?:förmiddagen|eftermiddagen|kvällen|morgonen|dagen)|den \d{1,2}(?: [a-zåäö]+)?(?: \d{4})?|"
    r"instead|also|later|earlier|meanwhile|the same day|on the same day|that day|in addition|"
    r"(?:i|på|vid) (?:[a-zåäöé-]+ ){0,2}?[a-zåäöé-]+(?= (?:en|ett) ))"
)
_HELD_THEN_OTHER = LazyPattern(
    rf"(?:hölls|hålls|genomfördes|genomförs|ägde rum|äger rum|anordnades|anordnas|arrangerades|arrangeras|"
    rf"was held|took place)(?:,? {_BETWEEN})+,? (?:en|ett|a|an) ([\w-]+)"
)
#: Nouns of time after "en"/"ett" that are no event ("hölls i stället en vecka senare").
_TIME_NOUNS = frozenset("gång dag dygn vecka månad timme kvart halvtimme år vecka week day month hour year".split())


def _held_other_later(flat: str, lo: int, hi: int, at: int) -> str | None:
    """The indefinite subject of a word of holding after a fronted place or time where adverbials (or
    the place) stand between the verb and the subject ("I Stockholm hölls i stället ett seminarium", "…
    hölls samma dag en konferens", "Den 3 maj hölls i Stockholm en konferens"), where it is another event than this meeting (no noun of :data:`clauses.HELD_SUBJECTS`):
    :func:`clauses.held_other` reads the subject right after the verb. None where the sentence opens with
    no place or time before its verb, or the subject is this meeting ("… hölls samma dag ett sakråd")."""
    start = max((s for s, _ in clauses.fact_clause(flat, lo, hi, at, at) if s <= at), default=lo)
    head = [w for w in _VERB.findall(flat, start, at) if w not in ("och", "men", "samt", "and", "but")]
    if head and head[0] not in ("den", "samma", "efter", "före", "under", "senare", "tidigare"):
        return None  # the subject stands before the verb: "Sakrådet hölls i stället …"
    for m in _HELD_THEN_OTHER.finditer(flat, start, hi):
        noun = m.group(1)
        if noun in _TIME_NOUNS or noun in clauses.HELD_SUBJECTS or noun.endswith(clauses._MEETING_ENDS):
            continue
        return noun
    return None


#: The other-time words of the guard words' table ("brukar", "vanligtvis", "förra året").
_OTHER_TIME = _words(clauses._words_of((clauses.OTHER_TIME,), "clause"))


def _relative_time(flat: str, lo: int, hi: int, at: int, end: int) -> str | None:
    """The other-time word of a relative clause ("som …") that holds the place at ``at``..``end``:
    "Sakrådet, som brukar hållas i Göteborg, hölls i år i Umeå" places Göteborg at the usual time, not
    this meeting's (the guard words read "som" before another time as a comparison's: "liksom förra
    året")."""
    for s, e in clauses.fact_clause(flat, lo, hi, at, end):
        if not s <= at < e or not flat[s:e].lstrip(" ,(").startswith(("som ", "which ", "that ")):
            continue
        if (m := _OTHER_TIME.search(flat, s, at)) is not None:
            return m.group()
    return None


#: Finite verbs of a clause that say something else happened at a place ("satt", "möttes", "bjöds",
#: "åt"), besides those :func:`clauses.finite` reads.
_OTHER_VERBS = frozenset(
    "satt sitter satt åt äter bjöds bjuds möttes möts sågs fanns finns met sat ate had gathered".split()
)
_VERB = LazyPattern(r"[\w-]+")


def _other_verb(flat: str, lo: int, hi: int, at: int, end: int) -> str | None:
    """The finite verb of the place's own clause where that clause has its own verb but no word of
    holding, the word of holding in another clause of its sentence: "Sakrådet hölls digitalt, men flera
    organisationer satt samlade i Malmö", "…, och organisationerna bjöds på lunch i Malmö"; None where
    the place's clause holds a word of holding, or has no verb ("Plats: Malmö")."""
    spans = clauses.fact_clause(flat, lo, hi, at, end)
    if any(_held_in(flat, s, e) for s, e in spans):
        return None
    for s, e in spans:
        for w in _VERB.findall(flat, s, e):
            if w in _OTHER_VERBS or clauses.finite(w) or (len(w) > 5 and w.endswith(("ades", "ttes", "des"))):
                return w
    return None
