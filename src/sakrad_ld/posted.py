"""A post a person is credited with is the post the kept text gives them (a load-time check).

Three facts name a person's post, each credited to a document: the ``post`` of a meeting's ``chair``
or of a convener (published as ``sakrad:inCapacityOf``), a holding (``holds:`` of a person in
data/people.yaml: ``org:Membership`` with ``org:role``) and a post's ``label`` (``skos:prefLabel``).
Where the credited document's text is kept (``file:`` in data/sources.yaml), each is refused with the
file, line and field unless the text gives it:

- a role's or a holding's post: the post's Swedish label names the person in the same clause, either
  before the name ("statssekreterare Martin Andreasson", "jämställdhetsminister och biträdande
  arbetsmarknadsminister Paulina Brandberg": only titles, "och" or "samt" between, never "hos", "åt",
  "till" or "för", which make the name a superior's; before a list of names, every name only after a
  label in the plural, "statssekreterarna …", or two joined by "och" after one whose plural is its
  singular, "statssekreterare Minna Ljunggren och Johan Höij"; never after a word calling it a
  former or future holder's, :data:`NOT_HOLDING`: "tidigare statssekreterare …") or in apposition after it ("Martin Andreasson,
  statssekreterare åt statsrådet Brandberg", "Anna Berg (enhetschef)"). The name is the person's full
  name, or their surname alone right after the label where no other person of the data has it
  ("socialminister Forssmed"). A label that ends in the definite form ("… ministern") is also found
  in its indefinite form ("… minister Ylva Johansson"), as a title before a name is written; but a
  post defined by its superior ("statssekreterare hos arbetsmarknads- och etableringsministern") so
  written before a name titles the superior, so its indefinite form counts only in apposition
  ("Anders Kessling, statssekreterare hos arbetsmarknads- och etableringsminister Ylva Johansson"
  gives Anders Kessling the post, and Ylva Johansson not);
- a post's label: the Swedish label as whole words in the post's first source's kept text (that is
  the document the release credits it to).

A meeting's chair whose credited kept text takes it back in another sentence ("Rättelse: Sakrådet
leddes inte av X utan av Y", "Sakrådet leddes inte av X", "Ordföranden har bytts ut":
:func:`sakrad_ld.corrected.taken_back`) is refused as well, wherever else the text names X chair.

A source with no kept text is not checked (as for every check of the kept texts): the fact stays as
the data gives it. The comparison folds the text as stated.py does (:func:`~sakrad_ld.stated.folded_text`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .clauses import CLAUSE_WINDOW, SENTENCE_MARKS, clause, clause_start, joiners, listed
from .errors import InputError, Where
from .stated import TITLE_ENDINGS, _error, find_words, folded, folded_text
from .typedyaml import quoted

if TYPE_CHECKING:
    from .records import Corpus, Person, Post
    from .typedyaml import Lines

__all__ = ["NOT_HOLDING", "check_posts", "post_named"]

#: The marks that end the clause of a label and a name: a sentence's part (:data:`~sakrad_ld.clauses.SENTENCE_MARKS`:
#: its end, ";", ":", "men", a spaced dash). A comma does not: it stands in a list of names and before
#: an apposition ("Martin Andreasson, statssekreterare …").
_CLAUSE_MARKS = SENTENCE_MARKS
#: Words that make the name after them someone else's (the post's superior, its object): a label
#: before such a word is not the name's title ("statssekreterare hos landsbygdsminister Peter Kullgren").
_NOT_BETWEEN = frozenset(
    {"hos", "åt", "till", "för", "to", "for", "of", "med", "om", "av", "från", "på", "i", "enligt"}
)
#: Words that may stand between a label and the name it titles besides other titles.
_BETWEEN = frozenset({"och", "samt", "and", "tillika"})
#: Words before a label that say the post is not held on the day the text speaks of: a former holder
#: ("tidigare", "före detta", "f.d.", "förre", "förra", "förutvarande", "former", "ex") or a future one
#: ("blivande", "tillträdande", "kommande", "future", "incoming"). "Dåvarande" (the post held at the time
#: told of), "avgående" (still holding it, leaving) and "nytillträdd(e)" (newly holding it) say it is held.
NOT_HOLDING = frozenset(
    {
        "tidigare",
        "före detta",
        "f.d.",
        "f. d.",
        "fd",
        "förre",
        "förra",
        "förutvarande",
        "ex",
        "blivande",
        "tillträdande",
        "kommande",
        "former",
        "future",
        "incoming",
    }
)
#: Words before a label that say the post is held then: they may stand in an apposition before it.
_HOLDING = frozenset({"dåvarande", "avgående", "nytillträdd", "nytillträdde", "nyutnämnd", "nyutnämnde", "then"})
#: The definite endings of a title and their indefinite forms.
_INDEFINITE = {
    "ministern": "minister",
    "sekreteraren": "sekreterare",
    "chefen": "chef",
    "rådet": "råd",
    "direktören": "direktör",
}
#: The endings of a title's indefinite singular and its plural forms ("statssekreterarna Minna
#: Ljunggren och Johan Höij", "ministrarna …"): a title in the plural titles every name of the list after it.
_PLURAL = {
    "minister": ("ministrar", "ministrarna"),
    "chef": ("chefer", "cheferna"),
    "direktör": ("direktörer", "direktörerna"),
    "råd": ("råden",),
    "ande": ("andena",),
    "are": ("arna",),
}
#: Endings of a title whose indefinite plural is its singular ("statssekreterare", "statsråd",
#: "ordförande"): before two names joined by one "och" or "samt" it titles both ("statssekreterare Minna
#: Ljunggren och Johan Höij"); before a longer list, only the first.
_SAME_IN_PLURAL = ("are", "ande", "råd")
#: How far (characters) a label before a name, or an apposition's label after it, may stand.
POST_WINDOW = CLAUSE_WINDOW


def _forms(label: str) -> list[str]:
    """The folded label and, where its last word is definite ("… ministern", "… sekreteraren"), its
    indefinite form, as a title before a name writes it."""
    value = folded(label)
    forms = [value] if value else []
    for definite, indefinite in _INDEFINITE.items():
        if value.endswith(definite):
            forms.append(value[: -len(definite)] + indefinite)
    return forms


def _plurals(forms: list[str]) -> list[str]:
    """The plural forms of a label's indefinite ``forms`` (:data:`_PLURAL`)."""
    out = []
    for form in forms:
        for ending, plurals in _PLURAL.items():
            if form.endswith(ending):
                out += [form[: -len(ending)] + p for p in plurals]
                break
    return [p for p in dict.fromkeys(out) if p not in forms]


def _title(word: str) -> bool:
    return word in _BETWEEN or (word.endswith(TITLE_ENDINGS) and word not in _NOT_BETWEEN)


def _titles_between(words: list[str], plural: bool, same_in_plural: bool) -> bool:
    """Whether ``words`` (between a label and a name) are only titles, or a list of other people the
    label titles too: any list after a label in the plural ("statssekreterarna Minna Ljunggren, Johan
    Höij och …"), one name and "och" or "samt" after a label whose plural is its singular
    ("statssekreterare Minna Ljunggren och Johan Höij", ``same_in_plural``); never a word of
    :data:`_NOT_BETWEEN`."""
    if any(w in _NOT_BETWEEN for w in words):
        return False
    if all(_title(w) for w in words):
        return True
    if plural:
        return listed(words, False)
    return same_in_plural and joiners(words) == [words[-1]] and words[-1] != "," and listed(words, False)


def _not_held(flat: str, start: int, lo: int) -> bool:
    """Whether the label at ``lo`` (its clause from ``start``) is called a former or future one's
    (:data:`NOT_HOLDING`), other titles and "och" / "samt" aside ("tidigare jämställdhetsminister och
    biträdande arbetsmarknadsminister Paulina Brandberg")."""
    words = flat[start:lo].replace(",", " , ").split()
    while words and (_title(words[-1]) or words[-1] in _HOLDING):
        if _joined_not_holding(words):
            return True
        words.pop()
    return bool(words) and (words[-1] in NOT_HOLDING or " ".join(words[-2:]) in NOT_HOLDING)


#: The words of :data:`NOT_HOLDING` without their dots and spaces, as a prefix joined to a label writes
#: them ("ex-statssekreterare", "f.d.-statssekreterare", "fd.-minister", "före detta-ministern").
_NOT_HOLDING_JOINED = frozenset(w.replace(".", "").replace(" ", "") for w in NOT_HOLDING)


def _joined_not_holding(words: list[str]) -> bool:
    """Whether the last of ``words`` is a word of :data:`NOT_HOLDING` joined by a hyphen to what follows
    ("ex-", "f.d.-", "fd.-", "före detta-")."""
    if not words or not words[-1].endswith("-"):
        return False
    return any("".join(words[-n:])[:-1].replace(".", "") in _NOT_HOLDING_JOINED for n in (1, 2) if len(words) >= n)


def _before(forms: list[str], plurals: list[str], text: str, flat: str, at: int) -> bool:
    """Whether one of the label's ``forms`` (or its ``plurals``, :func:`_plurals`) ends before ``at`` in
    its clause, only titles (or a list the label may title) between, not called a former or future
    holder's."""
    start = clause_start(text, at, _CLAUSE_MARKS)
    for form in forms + plurals:
        if flat.find(form, start, at) < 0:  # the clause only: at most CLAUSE_WINDOW characters
            continue
        for lo, hi in find_words(form, flat, start, at):
            between = flat[hi:at].replace(",", " , ").split()
            if _titles_between(between, form in plurals, form.endswith(_SAME_IN_PLURAL)) and not _not_held(
                flat, start, lo
            ):
                return True
    return False


def _apposition(forms: list[str], text: str, flat: str, stop: int) -> bool:
    """Whether one of the label's ``forms`` follows the name ending at ``stop`` as an apposition: a
    comma or an opening parenthesis, then the label (titles such as "biträdande" may come first)."""
    rest = flat[stop : stop + 3].lstrip(" ")
    if not rest.startswith((",", "(")):
        return False
    after = flat.index(rest[0], stop) + 1
    end = clause(text, after, after, _CLAUSE_MARKS)[1]
    for form in forms:
        for lo, _ in find_words(form, flat, after, end + len(form)):  # the first that begins in the clause
            between = flat[after:lo].split()
            if all(_title(w) or w in _HOLDING for w in between) and not any(
                _joined_not_holding(between[: i + 1]) for i in range(len(between))
            ):
                return True
            break
    return False


def _names(person: Person, surnames: dict[str, int]) -> list[tuple[str, bool]]:
    """The folded full name, and the surname alone where it is the data's only one (True: only after a label)."""
    name = folded(person.name)
    out = [(name, False)]
    surname = name.rsplit(" ", 1)[-1]
    if " " in name and surnames.get(surname, 0) == 1:
        out.append((surname, True))
    return out


def post_named(person: Person, post: Post, text: str, flat: str, surnames: dict[str, int]) -> bool:
    """Whether the folded kept ``text`` (``flat``: its sentence ends as spaces) gives ``person`` the
    ``post``: its label before the name in the clause, or in apposition after it."""
    forms = _forms(post.label.sv)
    if not forms:
        return False
    # a label of a post defined by its superior ("statssekreterare hos … ministern") written in its
    # indefinite form before a name titles the superior ("… hos … minister Ylva Johansson"), not the name
    relative = any(w in _NOT_BETWEEN for w in forms[0].split(" "))
    before = forms[:1] if relative else forms
    plurals = _plurals(before)
    for name, label_first in _names(person, surnames):
        for lo, hi in find_words(name, flat):
            if _before(before, plurals, text, flat, lo):
                return True
            if not label_first and _apposition(forms, text, flat, hi):
                return True
    return False


def _at(found: Where | None, lines: Lines | None, name: str, file: str) -> Where:
    """Where a fact stands: its own line, else its record's line, else (a record made in code) the
    data's file it belongs in, without a line."""
    if found is not None:
        return found
    return lines.where(name) if lines is not None else Where(Path("data", file), 0, name)


def _facts(corpus: Corpus) -> Iterator[tuple[Where, str, str, str, str]]:
    """(where, what, person id, post id, source) of every role's and holding's post."""
    for m in corpus.meetings:
        refs = [("chair", m.chair)] if m.chair else []
        refs += [(f"conveners[{i}]", c) for i, c in enumerate(m.conveners)]
        for name, ref in refs:
            post = getattr(ref, "post", None)
            if not post or not ref.person:
                continue
            fact = name.split("[")[0]
            where = ref.lines.where("post") if ref.lines else m.where(f"{name}.post")
            source = ref.source or m.source_of(fact)
            yield where, f"{name}.post of {m.id}", ref.person, post, source
    for person in corpus.people:
        for i, h in enumerate(person.holds):
            where = _at(h.lines and h.lines.where("post"), person.lines, f"holds[{i}].post", "people.yaml")
            yield where, f"holds[{i}].post of {person.id}", person.id, h.post, h.source


def check_posts(corpus: Corpus) -> list[InputError]:
    """Every role's or holding's post the credited kept text does not give the person, and every post
    label its first source's kept text does not hold."""
    kept = corpus.copies
    files = {s.id: s.file for s in corpus.sources}
    people = {p.id: p for p in corpus.people}
    posts = {p.id: p for p in corpus.posts}
    surnames: dict[str, int] = {}
    for p in corpus.people:
        last = folded(p.name).rsplit(" ", 1)[-1]
        surnames[last] = surnames.get(last, 0) + 1
    wanted: dict[str, list[tuple[Where, str, str, str]]] = {}
    for where, what, person, post, source in _facts(corpus):
        if source in kept and person in people and post in posts:
            wanted.setdefault(source, []).append((where, what, person, post))
    labels: dict[str, list[Post]] = {}
    for post in corpus.posts:
        if post.sources and post.sources[0] in kept:
            labels.setdefault(post.sources[0], []).append(post)
    errors: list[InputError] = _chairs_taken_back(corpus, people, files)
    for source in sorted(set(wanted) | set(labels), key=list(kept).index):
        text = folded_text(kept[source])
        flat = text.replace("\x00", " ")
        for where, what, person, post in wanted.get(source, []):
            if post_named(people[person], posts[post], text, flat, surnames):
                continue
            errors.append(
                InputError(
                    where,
                    f"{what}: the post {quoted(post)} ({quoted(posts[post].label.sv)}) is credited to "
                    f"{quoted(source)}, whose kept text ({quoted(str(files.get(source)))}) does not give "
                    f"{quoted(people[person].name)} that post",
                    "the post's label before the person's name in the same clause ('statssekreterare Martin "
                    "Andreasson', not 'tidigare statssekreterare …') or in apposition after it ('Martin "
                    "Andreasson, statssekreterare …'), as the kept text words it; a title before a list of "
                    "names titles them all only in the plural ('statssekreterarna …') or before two joined by "
                    "'och'",
                    "the post the text gives the person, or the fact credited to the document that gives it",
                )
            )
        for post in labels.get(source, []):
            if any(next(find_words(form, flat), None) for form in _forms(post.label.sv)):
                continue
            where = _at(None, post.lines, "label", "bodies.yaml")
            errors.append(
                _error(
                    where,
                    f"the post {quoted(post.id)}: the label",
                    post.label.sv,
                    source,
                    files.get(source),
                    "(the post's first source, which the release credits it to) does not hold it",
                )
            )
    return errors


def _chairs_taken_back(corpus: Corpus, people: dict[str, Person], files: dict[str, str | None]) -> list[InputError]:
    """Every meeting's chair whose credited kept text takes the chair back in a sentence
    (:func:`sakrad_ld.corrected.taken_back`: "Rättelse: Sakrådet leddes inte av X utan av Y", "Sakrådet
    leddes inte av X", "Ordföranden har bytts ut"), wherever else it names X chair: a text that
    corrects or denies who chaired does not state it. Asked only where a sentence names X chair
    (stated.py's reading), which refuses the chair itself where none does."""
    from .corrected import read_text, taken_back
    from .stated import _another_meeting, _named_as

    errors: list[InputError] = []
    for m in corpus.meetings:
        chair = m.chair
        if chair is None or chair.person not in people:
            continue
        source = chair.source or m.source_of("chair")
        if source not in corpus.copies:
            continue
        ft, flat = read_text(corpus.copies[source])
        if not _named_as(people[chair.person].name, "chair", ft, flat=flat):
            continue  # refused by stated.py as no sentence naming them chair: one refusal is enough
        name = folded(people[chair.person].name)

        def found(flat: str, lo: int, hi: int, name: str = name) -> list[tuple[int, int]]:
            return list(find_words(name, flat, lo, hi)) if lo < hi else []

        back = taken_back("chair", ft, flat, found, lambda lo, hi, flat=flat: _another_meeting(flat, lo, hi))
        if back is None:
            continue
        where = chair.lines.where("person") if chair.lines else m.where("chair")
        errors.append(
            InputError(
                where,
                f"chair of {m.id}: {quoted(people[chair.person].name)} is credited to {quoted(source)}, whose kept "
                f"text ({quoted(str(files.get(source)))}) names them chair, but {back.said()}: a chair the text "
                "takes back is not stated",
                "the chair the text gives as the right one (a contradiction is reported, not resolved: the "
                "chair left out, or credited to a document that states it without taking it back)",
                'docs/load-checks.md, "Corrections, changes and a second value"',
            )
        )
    return errors
