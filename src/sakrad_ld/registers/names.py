"""Swedish organisation names, normalised for comparison, and how alike two names are.

Used by ``sakrad-ld links reconcile`` (data names against a register) and ``sakrad-ld import``
(names in a documentation text against ``data/organisations.yaml``). See ``docs/reconcile.md``.

Normalisation keeps what tells Swedish names apart and drops what does not:

* case is folded, dashes, quotes and whitespace are unified, punctuation is dropped;
* diacritics are **kept**: å, ä, ö and é are letters of their own ("Röda" is not "Roda");
* legal-form and generic words (:data:`LEGAL_FORMS`) are dropped, with the genitive -s they
  leave behind ("Rädda Barnens Riksförbund" → "rädda barnen");
* an abbreviation in parentheses, a trailing all-capitals abbreviation ("… i Uppsala SIU") and a
  leading one before a comma or dash ("FMN, Föräldraföreningen …", "BRIS – Barnens Rätt …") become
  names of their own, and so does the name without them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["FUNCTION_WORDS", "LEGAL_FORMS", "NameForm", "forms", "normalise", "similarity"]

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
    "i sverige": "Swedish branch of an international body ('Palestinagrupperna I Sverige')",
}

#: Short words that carry no identity on their own; ignored when counting shared words.
FUNCTION_WORDS: frozenset[str] = frozenset({
    "i", "och", "för", "av", "mot", "till", "med", "på", "om", "o", "&", "the", "of", "and", "for",
})

_DASHES = dict.fromkeys(map(ord, "‐‑‒–—―−"), "-")
_QUOTES = dict.fromkeys(map(ord, "\"'«»“”„‘’‚`´"), None)
_ABBREVIATION = re.compile(r"[A-ZÅÄÖÉÜ0-9]{2,8}")
_INFLECTION = 3  # letters an inflected form may add: barnen/barnens, kyrka/kyrkan, stöd/stödet
_MIN_STEM = 4


@dataclass(frozen=True, order=True)
class NameForm:
    """One way a name can be compared: its normalised words, and whether it is an abbreviation."""

    words: tuple[str, ...]
    abbreviation: bool = False

    @property
    def text(self) -> str:
        return " ".join(self.words)


def normalise(name: str) -> tuple[str, ...]:
    """The words of ``name`` after normalisation (see the module docstring), legal forms dropped."""
    text = unicodedata.normalize("NFC", name).replace("\u00ad", "").translate(_DASHES).translate(_QUOTES)
    text = text.casefold()
    text = re.sub(r"(?<=\w)[.:](?=\w)|\.(?=\s|$)", "", text)  # S:ta → sta, Y.O.U.N.G. → young
    text = re.sub(r"[^\w&]+", " ", text)
    words = text.split()
    out: list[str] = []
    i = 0
    while i < len(words):
        pair = " ".join(words[i:i + 2])
        width = 2 if pair in LEGAL_FORMS else 1 if words[i] in LEGAL_FORMS else 0
        if width:
            if out and out[-1].endswith("s") and len(out[-1]) > _MIN_STEM and words[i] != "i":
                out[-1] = out[-1][:-1]  # the genitive a legal form leaves: Röda Korsets Centralstyrelse
            i += width
            continue
        out.append(words[i])
        i += 1
    return tuple(out)


def forms(name: str) -> list[NameForm]:
    """Every form of ``name`` worth comparing: the name itself, without and as its abbreviation."""
    found: set[NameForm] = set()

    def add(text: str, abbreviation: bool = False) -> None:
        if words := normalise(text):
            found.add(NameForm(words, abbreviation and len(words) == 1))

    name = " ".join(name.split())
    outside = re.sub(r"\s*\([^)]*\)\s*", " ", name).strip()
    for inner in re.findall(r"\(([^)]*)\)", name):
        add(inner, bool(_ABBREVIATION.fullmatch(inner.strip())))
    add(outside)
    tokens = outside.split()
    if len(tokens) > 1 and _ABBREVIATION.fullmatch(tokens[-1]) and not _ABBREVIATION.fullmatch(tokens[-2]):
        add(tokens[-1], True)
        add(" ".join(tokens[:-1]))
    lead = re.fullmatch(r"([A-ZÅÄÖ0-9]{2,8})(?:,|\s+[-–—])\s*(.+)", outside)  # FMN, … / BRIS – …
    if lead:
        add(lead.group(1), True)
        add(lead.group(2))
    return sorted(found)


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
    pairs = sorted(((_word_match(x, y), i, j) for i, x in enumerate(left) for j, y in enumerate(right)),
                   reverse=True)
    used_l: set[int] = set()
    used_r: set[int] = set()
    weight = 0.0
    for w, i, j in pairs:
        if w and i not in used_l and j not in used_r:
            used_l.add(i)
            used_r.add(j)
            weight += w
    return weight / (len(left) + len(right) - weight)
