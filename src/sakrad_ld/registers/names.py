"""Swedish organisation names, normalised for comparison, and how alike two names are.

Used by ``sakrad-ld links reconcile`` (data names against a register) and ``sakrad-ld import``
(names in a documentation text against ``data/organisations.yaml``). See ``docs/reconcile.md``.

Normalisation keeps what tells Swedish names apart and drops what does not:

* case is folded, dashes, quotes and whitespace are unified, punctuation is dropped;
* diacritics are **kept**: å, ä, ö and é are letters of their own ("Röda" is not "Roda");
* legal-form and generic words (:data:`LEGAL_FORMS`) are set apart from the name's own words,
  with the genitive -s they leave behind ("Rädda Barnens Riksförbund" → "rädda barnen" + the
  legal form "riksförbund"): a form compares the two separately;
* an abbreviation in parentheses, a trailing all-capitals abbreviation ("… i Uppsala SIU") and a
  leading one before a comma or dash ("FMN, Föräldraföreningen …", "BRIS – Barnens Rätt …") become
  names of their own, and so does the name without them.

:func:`compare` says how alike two forms are **and** what a person must decide before they are
taken for one organisation: a legal-form word one name has and the other lacks ("RFSL" ~
"Insamlingsstiftelsen RFSL"), words one name adds ("Rädda Barnen" ~ "Rädda Barnen distrikt
Malmö", "RFSL" ~ "RFSL Ungdom"), or a match on an abbreviation's letters alone.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..orgnr import WRITTEN_FORMS

__all__ = [
    "BRANCH_WORDS",
    "FUNCTION_WORDS",
    "LEGAL_FORMS",
    "Likeness",
    "NameForm",
    "compare",
    "forms",
    "legal_forms",
    "normalise",
    "similarity",
]

#: Words (and phrases) that say what legal form or kind of body an organisation is, not which one.
#: Each is dropped before comparing; the comment says why it is on the list.
LEGAL_FORMS: dict[str, str] = {
    "riksförbund": "national federation: 'Rädda Barnens Riksförbund' is Rädda Barnen's legal name",
    "riksförbundet": "the same, definite form",
    "riksförening": "national association, as in 'Barncancerföreningarnas Riksförening'",
    "riksföreningen": "the same, definite form",
    "centralstyrelse": "central board: 'Svenska Röda Korsets Centralstyrelse' is the Red Cross's legal name",
    "centralstyrelsen": "the same, definite form",
    "trossamfundet": "religious community: 'Trossamfundet Svenska Kyrkan' is the Church of Sweden's legal name",
    "trossamfund": "the same, indefinite form",
    "förbund": "federation, as a word of its own ('Förbundet Ung Med Psoriasis'); compounds stay",
    "förbundet": "the same, definite form",
    "stiftelse": "foundation, a legal form ('Human Bridge Stiftelse')",
    "stiftelsen": "the same, definite form ('Stiftelsen Hjärnfonden')",
    "insamlingsstiftelse": "fund-raising foundation, a legal form ('Solvatten Insamlingsstiftelse')",
    "insamlingsstiftelsen": "the same, definite form",
    "förening": "association, as a word of its own",
    "föreningen": "the same, definite form ('Föreningen Alla Kvinnors Hus')",
    "ideell förening": "non-profit association, a legal form ('Shelterbox Sverige, Ideell Förening'); "
    "'ideella' alone stays, it is part of names such as 'Malmö Ideella föreningars …'",
    "ideella föreningen": "the same, definite form ('Ideella Föreningen Situation Stockholm')",
    "i sverige": "Swedish branch of an international body ('Palestinagrupperna I Sverige')",
    "ab": "aktiebolag, a limited company ('Svenska Spikmattan AB')",
    "aktiebolag": "the same, written out",
    "aktiebolaget": "the same, definite form",
    "hb": "handelsbolag, a trading partnership",
    "handelsbolag": "the same, written out",
    "handelsbolaget": "the same, definite form",
    "kb": "kommanditbolag, a limited partnership",
    "kommanditbolag": "the same, written out",
    "kommanditbolaget": "the same, definite form",
    "ekonomisk förening": "an economic (co-operative) association, a legal form",
    "ekonomiska föreningen": "the same, definite form",
    "ek för": "the same, abbreviated ('ek. för.')",
    "bostadsrättsförening": "a housing co-operative, a legal form",
    "bostadsrättsföreningen": "the same, definite form",
    "brf": "the same, abbreviated",
    "foundation": "foundation, in English names of Swedish foundations ('Homeless Foundation')",
}

#: Words that name a part of an organisation or one for a group of its members: a district, a local
#: branch, a youth or student organisation. Each such body has its own organisation number, so a
#: register name that adds one of them ("Rädda Barnen distrikt Malmö", "RFSL Ungdom") is another
#: organisation. Compounds are caught by their beginning ("ungdomsförbundet", "distriktsförbund").
BRANCH_WORDS: tuple[str, ...] = (
    "distrikt",
    "lokalavdelning",
    "lokalförening",
    "lokalgrupp",
    "lokalkrets",
    "avdelning",
    "krets",
    "länsförbund",
    "länsavdelning",
    "länsförening",
    "region",
    "sektion",
    "klubb",
    "ungdom",
    "ungdoms",
    "unga",
    "ung",
    "junior",
    "student",
    "studenter",
    "studentförening",
    "kår",
    "församling",
    "förbundsavdelning",
    "youth",
    "local",
    "chapter",
    "branch",
    "district",
)

#: Short words that carry no identity on their own; ignored when counting shared words.
FUNCTION_WORDS: frozenset[str] = frozenset(
    {
        "i",
        "och",
        "för",
        "av",
        "mot",
        "till",
        "med",
        "på",
        "om",
        "o",
        "&",
        "the",
        "of",
        "and",
        "for",
    }
)

_DASHES = dict.fromkeys(map(ord, "‐‑‒–—―−"), "-")
_QUOTES = dict.fromkeys(map(ord, "\"'«»“”„‘’‚`´"), None)
_ABBREVIATION = re.compile(r"[A-ZÅÄÖÉÜ0-9]{2,8}")
_INFLECTION = 3  # letters an inflected form may add: barnen/barnens, kyrka/kyrkan, stöd/stödet
_MIN_STEM = 4


@dataclass(frozen=True, order=True)
class NameForm:
    """One way a name can be compared: its normalised words, whether it is an abbreviation taken
    from a longer name, the legal-form words of that name (each in its base form, sorted), and
    whether the name is one word in capitals (an acronym: "RFSL", "IGITEGO")."""

    words: tuple[str, ...]
    abbreviation: bool = False
    legal: tuple[str, ...] = ()
    acronym: bool = False

    @property
    def text(self) -> str:
        return " ".join(self.words)


def normalise(name: str) -> tuple[str, ...]:
    """The words of ``name`` after normalisation (see the module docstring), legal forms dropped."""
    return _split(name)[0]


def legal_forms(name: str) -> tuple[str, ...]:
    """The legal-form words of ``name`` (:data:`LEGAL_FORMS`), each in its base form, sorted."""
    return _split(name)[1]


def _base(phrase: str) -> str:
    """A legal-form word in its base form: stiftelsen → stiftelse, aktiebolaget → ab."""
    for ending in ("en", "et", "n"):
        if phrase.endswith(ending) and phrase[: -len(ending)] in LEGAL_FORMS:
            phrase = phrase[: -len(ending)]
            break
    return _SAME_FORM.get(phrase, phrase)


#: Written forms and their base form: the load's table (:data:`sakrad_ld.orgnr.WRITTEN_FORMS`) and an
#: abbreviation only the reconciler reads.
_SAME_FORM = {**WRITTEN_FORMS, "ek för": "ekonomisk förening"}
#: Legal forms written after a name, never after a genitive: the -s before them is the name's own.
_NO_GENITIVE = frozenset(
    {"ab", "hb", "kb", "ekonomisk förening", "ideell förening", "bostadsrättsförening", "foundation", "i sverige"}
)


def _split(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The name's own words and its legal-form words (base forms, sorted)."""
    text = unicodedata.normalize("NFC", name).replace("\u00ad", "").translate(_DASHES).translate(_QUOTES)
    text = text.casefold()
    text = re.sub(r"(?<=\w)[.:](?=\w)|\.(?=\s|$)", "", text)  # S:ta → sta, Y.O.U.N.G. → young
    text = re.sub(r"[^\w&]+", " ", text)
    words = text.split()
    out: list[str] = []
    legal: set[str] = set()
    i = 0
    while i < len(words):
        pair = " ".join(words[i : i + 2])
        width = 2 if pair in LEGAL_FORMS else 1 if words[i] in LEGAL_FORMS else 0
        if width:
            form = _base(" ".join(words[i : i + width]))
            legal.add(form)
            if out and out[-1].endswith("s") and len(out[-1]) > _MIN_STEM and form not in _NO_GENITIVE:
                out[-1] = out[-1][:-1]  # the genitive a legal form leaves: Röda Korsets Centralstyrelse
            i += width
            continue
        out.append(words[i])
        i += 1
    return tuple(out), tuple(sorted(legal))


def forms(name: str, of_register: bool = False) -> list[NameForm]:
    """Every form of ``name`` worth comparing: the name itself, without and as its abbreviation.

    In the data, words in parentheses are another name for the organisation ("… (RFSL)"). In a
    register's name (``of_register``) only an abbreviation in parentheses is; other words there
    are part of the name: a place, a parent body ("Rädda Barnen (Malmö)" is not Rädda Barnen).
    """
    found: set[NameForm] = set()

    def abbreviation(token: str) -> bool:  # capitals that are not a legal form ("AB", "HB")
        return bool(_ABBREVIATION.fullmatch(token)) and bool(normalise(token))

    name = " ".join(name.split())
    inners = re.findall(r"\(([^)]*)\)", name)
    restated = _restated(name) if of_register else None
    if restated is not None:  # "Skyddsvärnet (Stiftelsen Skyddsvärnet i Stockholm)": the name and its full name
        short, full = restated
        found.add(NameForm(_split(full)[0], False, legal_forms(full)))
        found.add(NameForm(_split(short)[0], False, tuple(sorted({*legal_forms(short), *legal_forms(full)}))))
        return sorted(found)
    if of_register:
        outside = re.sub(
            r"\s*\(([^)]*)\)\s*", lambda m: " " if abbreviation(m.group(1).strip()) else f" {m.group(1)} ", name
        ).strip()
        inners = [inner for inner in inners if abbreviation(inner.strip())]
    else:
        outside = re.sub(r"\s*\([^)]*\)\s*", " ", name).strip()
    whole = legal_forms(outside)

    def add(text: str, abbreviation: bool = False, own_legal: bool = False) -> None:
        words, legal = _split(text)
        if words:
            abbreviation = abbreviation and len(words) == 1
            acronym = bool(_ABBREVIATION.fullmatch(text.strip())) and not abbreviation
            # a part of the name keeps the legal form of the whole: "Friskis & Svettis AB" stays an AB
            found.add(NameForm(words, abbreviation, legal if own_legal else whole, acronym))

    for inner in inners:
        add(inner, abbreviation(inner.strip()), own_legal=not abbreviation(inner.strip()))
    add(outside)
    tokens = outside.split()
    if len(tokens) > 1 and abbreviation(tokens[-1]) and not _ABBREVIATION.fullmatch(tokens[-2]):
        add(tokens[-1], True)
        add(" ".join(tokens[:-1]))
    lead = re.fullmatch(r"([A-ZÅÄÖ0-9]{2,8})(?:,|\s+[-–—])\s*(.+)", outside)  # FMN, … / BRIS – …
    if lead and abbreviation(lead.group(1)):
        add(lead.group(1), True)
        add(lead.group(2))
    return sorted(found)


def _restated(name: str) -> tuple[str, str] | None:
    """A register's name that is a short name and, in parentheses, the full name that restates it with
    a legal form ("Skyddsvärnet (Stiftelsen Skyddsvärnet i Stockholm)"): (the short name, the full
    name); else None. Each is a form of its own, the short one with the full one's legal form, so a
    name of ours matching the short one is still a question of the legal form, never a match."""
    m = re.fullmatch(r"([^()]+?)\s*\(([^()]+)\)", name.strip())
    if m is None:
        return None
    short, full = m.group(1), m.group(2)
    words, legal = _split(full)
    own = _split(short)[0]
    if len(words) < 2 or not legal or not own or not set(own) <= set(words):
        return None
    return short, full


def _word_match(a: str, b: str) -> float:
    """1 for the same word, 0.9 for an inflected form of it (a stem and up to three more letters)."""
    if a == b:
        return 1.0
    short, long = sorted((a, b), key=len)
    if len(short) >= _MIN_STEM and long.startswith(short) and len(long) - len(short) <= _INFLECTION:
        return 0.9
    return 0.0


def similarity(a: NameForm, b: NameForm) -> float:
    """How alike two name forms are, 0..1: 1 when equal, else a Jaccard index over their words.

    Words are paired one to one (exact before inflected); the index is the weight of the pairs
    over the number of distinct words of both names, function words left out. An abbreviation
    is compared only with an abbreviation, and equal abbreviations score 0.7, below acceptance:
    three letters alone do not identify an organisation.
    """
    if a.abbreviation != b.abbreviation:
        return 0.0
    if a.words == b.words:
        return 0.7 if a.abbreviation else 1.0
    left = [w for w in a.words if w not in FUNCTION_WORDS] or list(a.words)
    right = [w for w in b.words if w not in FUNCTION_WORDS] or list(b.words)
    weight = _pairs(left, right)[0]
    return weight / (len(left) + len(right) - weight)


@dataclass(frozen=True)
class Likeness:
    """How alike an organisation's name and a register's name are, and what stops taking them for one.

    ``score`` is 0..1; ``questions`` says, in words for a person, every difference that makes the
    pair a question rather than a match. A pair with questions is never accepted automatically,
    whatever its score.
    """

    score: float
    questions: tuple[str, ...] = ()


def compare(ours: NameForm, theirs: NameForm) -> Likeness:
    """How alike ``ours`` (a name of the data) and ``theirs`` (a register's name) are, with the questions.

    The score is a Jaccard index over the words of both names, their legal-form words counted as
    words of their own (so "RFSL" ~ "Insamlingsstiftelsen RFSL" scores 0.5, not 1.0). A pair is a
    question when the names differ by a legal-form word, when either has words the other lacks
    (function words aside), or when only an abbreviation's letters match; then a match on letters
    alone scores at most 0.7.
    """
    left = [w for w in ours.words if w not in FUNCTION_WORDS] or list(ours.words)
    right = [w for w in theirs.words if w not in FUNCTION_WORDS] or list(theirs.words)
    weight, used_l, used_r = _pairs(left, right)
    shared = len(set(ours.legal) & set(theirs.legal))
    every = len(set(ours.legal) | set(theirs.legal))
    # a shared legal form alone makes nothing alike: 'Synskadades Riksförbund' is not RFSL
    score = (weight + shared) / (len(left) + len(right) - weight + every) if weight else 0.0
    questions: list[str] = []
    if added := [w for w in theirs.legal if w not in ours.legal]:
        questions.append(
            f"the register name adds the legal form {_quoted(added)} that our name lacks: "
            "a foundation, association or company of its own?"
        )
    if lacking := [w for w in ours.legal if w not in theirs.legal]:
        questions.append(f"our name has the legal form {_quoted(lacking)} that the register name lacks")
    # a word repeated on one side is not added by it where the other side has it once
    if extra := list(dict.fromkeys(w for j, w in enumerate(right) if j not in used_r and w not in left)):
        questions.append(f"the register name adds {_quoted(extra)}: {_what(extra)}")
    if missing := list(dict.fromkeys(w for i, w in enumerate(left) if i not in used_l and w not in right)):
        questions.append(f"our name has {_quoted(missing)}, which the register name lacks: {_what(missing)}")
    if ours.abbreviation or ours.acronym or theirs.abbreviation or theirs.acronym:
        letters = " ".join(ours.words if ours.abbreviation or ours.acronym else theirs.words)
        questions.append(f'only the letters "{letters}" match: an abbreviation alone does not identify an organisation')
        score = min(score, 0.7)
    return Likeness(score, tuple(questions))


def _pairs(left: list[str], right: list[str]) -> tuple[float, set[int], set[int]]:
    """Words paired one to one, exact before inflected: the weight, and the paired indexes of each side."""
    pairs = sorted(((_word_match(x, y), i, j) for i, x in enumerate(left) for j, y in enumerate(right)), reverse=True)
    used_l: set[int] = set()
    used_r: set[int] = set()
    weight = 0.0
    for w, i, j in pairs:
        if w and i not in used_l and j not in used_r:
            used_l.add(i)
            used_r.add(j)
            weight += w
    return weight, used_l, used_r


def _quoted(words: list[str]) -> str:
    return " ".join(f'"{w}"' for w in words)


def _what(words: list[str]) -> str:
    if any(w.startswith(BRANCH_WORDS) for w in words):
        return "a district, branch, local, youth or student organisation has a number of its own"
    return "a branch, a place or another organisation?"
