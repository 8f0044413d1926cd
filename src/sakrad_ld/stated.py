"""Facts held to the documents they are credited to: where a source's text is kept beside the data
(``file:``, :attr:`~sakrad_ld.records.Corpus.copies`), what the data says that source states must be
found in it; a meeting's note that no organiser is stated forbids an organiser; a holding and a
participation are credited to documents the person's or organisation's own record names.

"Found" is decided per kind of fact (docs/load-checks.md), always after folding (:func:`folded`:
Unicode compatibility forms (NFKC), case, white space, typographic dashes to ``-``, invisible
characters such as a soft hyphen or a zero-width space taken out), on both sides, and always as
words: a value found inside a longer word is not found ("Anders Kess" is not in "Anders Kessling"),
but a Swedish genitive ``s`` may follow it ("Anders Kesslings"):

* a name (a body's name; a person's name, never their id), an e-mail address and a telephone number:
  the text holds it; an organisation's name or other name: on its own, not only inside a longer name
  of the data's organisations and bodies or before "i" and a place the text writes with a capital (a
  local branch: "Studieförbundet Bilda i Linköping"), an acronym in capitals excepted;
* a place: after "i", "på", "vid", "in", "at" (or "Plats:") in a sentence with a word of holding a
  meeting before it (:data:`HELD_WORDS`: "hölls", "genomförs", "ett möte" …), not about another meeting;
* a question: its Swedish words verbatim and whole (nothing of a sentence before it, its end after it),
  the questions in the text's order; a discussion area: its Swedish words verbatim, no negation in its
  clause ("diskuterades inte"), in a sentence saying it was discussed, not only one announcing it
  ("kommer att diskuteras": an announced discussion area, which such a sentence gives); a sakråd marked
  ``announced_only`` has announced areas only;
* a purpose, process, handling of views, the invited's, the presentations' and a participation's
  description: their Swedish verbatim ("…" for words left out, the parts in order); every quotation
  ("…", “…”, »…«, „…", '…') of their English, of a note and of the date's derivation likewise, but
  one after words saying it is not in the kept text (:data:`ELSEWHERE`);
* the chair, a convener, a government participant: the person is the subject (or one of the listed
  subjects) of the clause of a word of chairing, calling or taking part (a whole word): the word
  before the name with only adverbs, an agent's "av", a copula after a role noun, titles and other
  listed names between (and, after a Swedish verb, an adverbial opening the clause: "Den 5 februari
  bjöd statssekreterare X in"), or the word after the name in its clause (at once, after "som", a
  copula, an apposition between commas or a list of names), the name not right after a preposition;
  no negation, plan or invitation received in the clause (:data:`GUARD_WORDS`), and the name not
  given as someone else's superior ("statssekreterare hos … minister Ylva Johansson" names the
  minister, not a participant); the surname alone counts right after the title of a post the person
  holds, where no other person of the data has that surname;
* a convening body: named as the subject of a word of calling, as a convener who is a person;
* an organisation listed as taking part, and an agency: its name (or one of its other names), as
  above, in a sentence (and, for a list's item, under a heading) that does not say it was only invited,
  did not take part or is to (a guard word, and no word of taking part that is not negated);
* a participating government body: the same, with a word of taking part in its sentence, and not as a
  person's workplace right after a title ("enhetschef på …");
* a topic: its Swedish verbatim, unless a note about the topic marks it the data's own.

A list's item ends at its line end and is read with its list's heading; a sentence about another
meeting ("Ett tidigare sakråd …", "Förra årets …") states no place, role or participant of this one; a
question ends with "?" or stands under words of asking, a discussion area in a sentence of discussing.
Whatever the source, a participation's description names its participant and a count's words count
what its field counts.

Each kept text is folded once, with its sentence ends marked, and every fact credited to it is looked
up in that one string, one text at a time, by a substring search (nothing compiled per fact): the time
is linear in the text for each fact (a name's occurrences are walked once, with the role words and
sentence ends between them, and around each a bounded look at its clause), and the memory a small
multiple of the largest text (:data:`sakrad_ld.corpus.MAX_COPIES_TOTAL` bounds them all, and
:func:`check_folds` a text's folded form to :data:`FOLD_GROWTH` times its characters). NFKC is made in
pieces, so a run of combining marks costs linear time (see :func:`_nfkc_pieces`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, Literal

from .clauses import (
    ABSENCE,
    CONDITION,
    DOUBT,
    EXPECTED_WORDS,
    GUARD_ABBREVIATIONS,
    GUARD_TABLE,
    GUARDS,
    HELD_SUBJECTS,
    INSTEAD,
    NEGATION,
    OTHER_EVENT,
    OTHER_TIME,
    PARTICLE_ADVERBS,
    PLAN,
    PLAN_LEAD,
    PLAN_NOUNS,
    SUBORDINATE_WORDS,
    LazyPattern,
    called_off_said,
    clauses_of,
    comparison_start,
    contrast_clause,
    fact_clause,
    finite,
    guard_in,
    held_other,
    hold_label,
    label_off,
    labelled,
    names_read,
    other_event,
    other_forum,
    other_object,
    own_event,
    side_clause,
)
from .corrected import count_taken_back
from .counted import (
    EN_TEENS,
    EN_TENS,
    EN_UNITS,
    MARK_ABBREVIATIONS,
    RANGE,
    count_claim,
    count_source,
    meeting_counts,
    numbers_in,
    trailing_mark,
)
from .errors import InputError, Where
from .markup import hidden_parts, shown
from .records import Corpus, Meeting, Organisation, Person, credited
from .typedyaml import quoted

__all__ = [
    "CHAIR_WORDS",
    "CONVENER_WORDS",
    "EXPECTED_WORDS",
    "PLAN_NOUNS",
    "PARTICIPANT_WORDS",
    "check_folds",
    "check_stated",
    "credit_warnings",
    "folded",
    "folded_text",
    "find_words",
    "flat_text",
    "found_as_words",
]

#: The English verbs of the role words (:data:`ENGLISH_ROLE_VERBS` holds them all): of chairing, of
#: calling the sakråd, of taking part.
_CHAIRED_EN = ("chaired", "chairing")
_CALLED_EN = (
    "invite",
    "invites",
    "invited",
    "had invited",
    "has invited",
    "have invited",
    "hosts",
    "hosted",
    "convenes",
    "convened",
)
_TOOK_PART_EN = ("took part", "participated", "attended", "joined the meeting", "joined the consultation")

#: Words of the sentence that names a person chair (before the name, or after it in its clause), each
#: matched as whole words:
#: "chairman" and "chairperson" are not among them ("the chairman of the board" is another board's);
#: "leddes" alone is, as in "Mötet leddes därefter av statssekreterare …".
CHAIR_WORDS = (
    "leddes av",
    "leddes",
    "ledde",
    "leds av",
    "leds",
    "leder",
    "ledd av",
    "höll i mötet",
    "höll i sakrådet",
    "ordförande",
    "ordföranden",
    "mötesordförande",
    "fungerade som ordförande",
    "fungerar som ordförande",
    "fungerade som mötesordförande",
    "som ordförande fungerade",
    "som mötesordförande fungerade",
    "ordf.",
    "ordf",
    "moderator",
    *_CHAIRED_EN,
    "led by",
    "chair",
    "modererades",
    "modereras",
    "modererade",
    "modererar",
    "moderated by",
    "tog över ledningen",
    "tar över ledningen",
    "övertog ledningen",
    "övertar ledningen",
    "över ledningen",
    "ordförandeskapet innehades av",
    "ordförandeskapet hölls av",
    "innehade ordförandeskapet",
    "hade ordförandeskapet",
    "höll ordförandeskapet",
)
#: Words of the sentence that names a convener as calling the sakråd (before or after the name).
CONVENER_WORDS = (
    "inbjudare",
    "bjuder in",
    "bjöd in",
    "inbjuder",
    "inbjöd",
    "inbjuder till",
    "inbjöd till",
    "hade bjudit in",
    "har bjudit in",
    "bjuder",
    "bjöd",
    "inbjudan",
    "skickade ut inbjudan",
    "skickade inbjudan",
    "skickar ut inbjudan",
    "skickades ut av",
    "skickades av",
    "skickades",
    "sammankallade",
    "kallade",
    "värd",
    "håller",
    "höll",
    "har sakråd",
    *_CALLED_EN,
    "initierats av",
    "initierades av",
    "initiated by",
    "anordnades",
    "arrangerades",
    "sammankallades",
    "anordnas",
    "arrangeras",
    "sammankallas",
    "organised by",
    "organized by",
    "arranged by",
    "convened by",
)

#: Words of the sentence that names a government participant as taking part (before or after the name):
#: one who opens the sakråd ("Sakrådet inleddes av …"), meets the organisations ("träffade") or speaks
#: at it ("berättade", "presenterade", "informerade") takes part in it.
PARTICIPANT_WORDS = (
    "deltog",
    "deltar",
    "medverkade",
    "medverkar",
    "närvarade",
    "närvarande",
    "var med",
    "på plats",
    "leddes av",
    "leddes",
    "ledde",
    "leds av",
    "leds",
    "leder",
    "inledde",
    "inleddes",
    "träffade",
    "berättade",
    "presenterade",
    "informerade",
    "representerades",
    "företräddes",
    "hälsade deltagarna välkomna",
    "hälsade alla välkomna",
    "hälsade organisationerna välkomna",
    "välkomnade deltagarna",
    "välkomnade organisationerna",
    "welcomed the participants",
    *_TOOK_PART_EN,
    "represented by",
)

#: Characters that do not show, taken out before anything is compared: the soft hyphen, the zero-width
#: space, non-joiner and joiner, the word joiner, the byte order mark and the Mongolian vowel separator.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e"
_DASHES = str.maketrans(
    {
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\x00": " ",
        **dict.fromkeys(INVISIBLE, ""),
    }
)
#: The end of a sentence in a kept text (a blank line; '.', '!', '?', ':' or ';' before a space and an
#: upper-case letter or a digit, or a quotation mark opening before one: "… 2024. ”Mötet hölls …”, säger"),
#: marked in the folded text by :data:`_END` in place of the space.
#: Every pattern of folding is linear in the text: each begins at one character (a line end, a stop)
#: and runs possessively over white space, so a long run of white space is read once, not from each
#: of its characters (the white space around a blank line is folded with the other runs, and
#: :data:`_ENDS` joins it to the end).
_BLANK_LINE = LazyPattern(r"\n[^\S\n]*+\n")
_STOP = LazyPattern(r"(?<=[.!?:;])\s++(?=[\"'“”«»„’‘]?[A-ZÅÄÖ0-9])")
_END = "\x00"

#: Abbreviations whose '.' ends no sentence, in lower case (Swedish and English): "Vid mötet deltog bl.a.
#: Rädda Barnen", "t.ex.", "kl. 10", "St. Petersburg", "Dr. Berg"; also written with a space inside ("bl.
#: a.", "t. ex."); and the abbreviated guard words and words that round or bound a number, so a sentence
#: keeps its doubt or its rounding ("Prel. 30 organisationer deltog", "ev.", "ca. 40", "max. 30":
#: :data:`~sakrad_ld.clauses.GUARD_ABBREVIATIONS`, :data:`~sakrad_ld.counted.MARK_ABBREVIATIONS`).
ABBREVIATIONS = frozenset(
    """bl.a. t.ex. tex. c:a d.v.s. dvs. s.k. resp. fr.o.m. t.o.m. kl. nr. jfr. p.g.a. pga. enl. f.d. fd.
    f.n. fn. inkl. exkl. ang. betr. tf. t.f. s:t s. kap. avd. dir. prop. tel. fig. bil. ordf.
    sekr. v. vs. prof. dr. doc. mr. mrs. ms. e.g. i.e. cf. incl. excl. no. nos. u.a. m.h.t. mht.
    t.v. t.h. a.a. i.st.f. istf. s.a.s. bl.and. fil.dr. fil.kand. med.dr. jur.kand. ph.d.""".split()
).union(GUARD_ABBREVIATIONS, MARK_ABBREVIATIONS)  # fmt: skip
#: Abbreviated titles ("statssekr. Anna Berg", "departementsr.", "gen.dir.", "bitr.", "v. ordf."): before a
#: name (a word that opens no sentence, :data:`OPENING_WORDS`) their '.' ends no sentence; a word ending
#: in one of :data:`TITLE_STEMS` is one too ("statssekr.", "kanslir.", "generaldir.").
TITLE_ABBREVIATIONS = frozenset(
    """statssekr. departementsr. dep.r. depr. dep. rättssakk. sakk. ämnesr. kanslir. gen.dir. generaldir. gd.
    bitr. stf. ställf. v.ordf. vice. min. statsr. handl. utr.min. sekr. led. ordf. gen.sekr. generalsekr.
    verkst. vd. avd.chef. enh.chef. pressekr. ämnessakk. kansliråd. insp. överdir. doc. prof. dr.""".split()
)
TITLE_STEMS = ("sekr.", "dir.", "sakk.", "ordf.")
#: Abbreviations that close a list or a number ("Rädda Barnen m.fl.", "… osv.", "40 st.", "Acme Ltd."):
#: their '.' ends a sentence, as any other before a capital; they are not read as an initial or as
#: letters between dots.
CLOSING_ABBREVIATIONS = frozenset(
    "m.fl. o.s.v. osv. m.m. mm. etc. o.d. o.dyl. m.a. ltd. inc. co. corp. ab. st. ff. jr. sr. s.a.".split()
)
#: A month's abbreviation ("12 dec. 2024", "Jan. 12"): its '.' ends no sentence before a number.
MONTH_ABBREVIATIONS = frozenset("jan. febr. feb. mar. apr. jun. jul. aug. sept. sep. okt. oct. nov. dec.".split())
#: Words that open sentences, in lower case: after an initial or letters between dots ("grupp B. Mötet …")
#: they begin a new sentence; any other word is read as the name going on ("A. Svensson").
OPENING_WORDS = frozenset(
    """det den de dem detta dessa där då därefter därför dessutom sedan efter under vid på i inom av för
    med som alla flera många några även också bland samtliga mötet sakrådet samrådet dialogen organisationerna
    deltagarna regeringen departementet ministern statsrådet frågan frågorna han hon hen vi man jag ni en ett
    och men samt slutligen avslutningsvis inledningsvis först nästa följande efteråt dagens tack här om när
    enligt syftet målet vidare till från inga ingen inget ytterligare varje hur vad varför vilka vem
    the it they this these there at in on during after before all many we he she and but an a its their
    our following participants""".split()
)  # fmt: skip
#: An initial ("A.", "A.-K.", "U.S."), and a word of letters between dots ("p.g.a.") that no list holds.
_INITIAL = LazyPattern(r"[A-ZÅÄÖ](?:\.-?[A-ZÅÄÖ])*\.")
_LETTERS_DOTS = LazyPattern(r"(?:[a-zåäö]{1,3}\.){2,}")
_MONTH_WORD = LazyPattern(
    r"(?i:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|january|"
    r"february|march|may|june|july|august|october)(?!\w)"
)
#: The word after a stop, with its '.' where it is one letter (another initial: "A. B. Svensson"), a
#: quotation mark opening before it left out.
_NEXT_WORD = LazyPattern(r"[\"'“”«»„’‘]?(\w(?:\.|\w*))")
_TOKEN_CUT = LazyPattern(r"[\s\x00]+")
_QUOTES = "([{\"'“”«»„"
#: How far before a stop the words it ends are read (no abbreviation is longer, spaces inside included).
ABBREVIATION_WINDOW = 16


def sentence_ends(token: str, following: str, before: str = "") -> bool:
    """Whether a stop after ``token`` (the word before the space, its '.' or other mark included) ends a
    sentence, when ``following`` (the word after the space, which begins with a capital or a digit; a
    one-letter word with its '.') comes next; ``before``: the word before ``token`` ("bl." of "bl. a.").
    '!', '?', ':' and ';' do. A '.' does but after an abbreviation (:data:`ABBREVIATIONS`, "bl. a." with
    its space too), a month's abbreviation before a number ("12 dec. 2024"), a numbered day before its
    month ("12. december"), and, before a name (a word of two letters or more that opens no sentence,
    :data:`OPENING_WORDS`, or another initial), after an initial ("A. Svensson") or letters between dots
    ("p.g.a."). A list's closing abbreviation ("m.fl.", "osv.", :data:`CLOSING_ABBREVIATIONS`) ends it as
    any word does. The one rule of a kept text's sentences: :func:`fold_marked` marks them by it, and
    every check reads the marks (:func:`_sentence`, :func:`_sentence_at`, :func:`_sentences`)."""
    if not token.endswith("."):
        return True
    word = token.lstrip(_QUOTES)
    key = word.casefold()
    if key in CLOSING_ABBREVIATIONS:
        return True
    if key in ABBREVIATIONS or (before.endswith(".") and (before.lstrip(_QUOTES) + key).casefold() in ABBREVIATIONS):
        return False
    if (key in TITLE_ABBREVIATIONS or (len(key) > 4 and key.endswith(TITLE_STEMS) and key[:-1].isalpha())) and (
        len(following) > 1 and not following.endswith(".") and following.casefold() not in OPENING_WORDS
    ):
        return False  # "statssekr. Martin Andreasson": a title before a name
    if following[:1].isdigit():
        return key not in MONTH_ABBREVIATIONS
    if key[:-1].isdigit() and len(key) <= 3 and _MONTH_WORD.match(following):
        return False
    if _INITIAL.fullmatch(word) or _LETTERS_DOTS.fullmatch(key):
        initial = len(following) == 2 and following.endswith(".")
        name = len(following) > 1 and not following.endswith(".") and following.casefold() not in OPENING_WORDS
        return not (initial or name)
    return True


def _mark_ends(piece: str, before: str = "") -> str:
    """``piece`` with each sentence end (:data:`_STOP`, as :func:`sentence_ends` decides) made :data:`_END`;
    ``before``: the text just before the piece, where its first words may begin."""

    def end(m: re.Match[str]) -> str:
        at = m.start()
        head = piece[max(0, at - ABBREVIATION_WINDOW) : at]
        if at < ABBREVIATION_WINDOW:
            head = (before + head)[-ABBREVIATION_WINDOW:]
        words = _TOKEN_CUT.split(head)
        following = _NEXT_WORD.match(piece, m.end())
        return (
            _END
            if sentence_ends(words[-1], following.group(1) if following else "", words[-2] if len(words) > 1 else "")
            else m.group()
        )

    return _STOP.sub(end, piece)


#: White space to fold: runs, and single characters other than a space (a single space stays as it is,
#: not replaced by itself, which would cost a piece of the result for each word).
_SPACES = LazyPattern(r"\s{2,}+|[^\S ]")
_ENDS = LazyPattern(r" \x00[ \x00]*+|\x00[ \x00]++")
#: A word's hyphen before a space: found from the '-' (the look-behind after it), so the search skips to
#: each '-', not trying the look-behind at every character (20 times quicker on data/'s texts).
_HYPHEN = LazyPattern(r"-(?<=\w-) ")
#: Where a long text may be cut into pieces folded one by one: between two printable ASCII characters
#: other than a space, the second not '-'. Folding leaves both as they are (but for case), no pattern
#: of it matches across such a place (each needs white space or a '-' there), and NFKC joins a mark
#: to the character before it, never to one after.
_CUT = LazyPattern(r"(?<=[!-~])[!-,./-~]")
#: The size of the pieces a long text is folded in: each step's matches cost a piece of the result,
#: so the pieces bound that to a small multiple of this, not of the text.
PIECE = 2**20


_TRANSLATED = LazyPattern("[" + re.escape("".join(map(chr, _DASHES))) + "]")


def _translated(text: str) -> str:
    # one look for any of the characters is quicker than translating a text that holds none of them
    return text.translate(_DASHES) if _TRANSLATED.search(text) else text


# --- NFKC in pieces ------------------------------------------------------------------------------
#
# unicodedata.normalize sorts a run of combining marks by insertion: a run of n marks whose classes
# alternate costs n² steps (a 402 KB kept text of one such run took 40 s). A text is normalised in
# pieces cut before a character no neighbour changes (:data:`_UNSTABLE` holds the others), each of
# at most :data:`NFKC_PIECE` characters but for the run after it, and a run of more than
# :data:`MARK_RUN` unstable characters is cut every :data:`MARK_RUN` characters (Unicode's
# Stream-Safe Text Format allows 30 marks in a row; no text of a language has more): the time is
# linear in the text, the result the same as one normalisation of the whole for every text without
# such a run. The pieces' lengths are added up as they are made, so a text that NFKC makes many
# times longer (U+FDFA is 18 characters) is refused (:class:`FoldTooLong`) before it is all made.

#: The characters a piece may not begin with (Unicode 14.0, the version of this Python's unicodedata;
#: :func:`unstable_characters` computes them for another): a non-starter (canonical combining class
#: not 0), a character that composes with the one before it (the second of a canonical pair, Hangul
#: vowels and trailing consonants), and one whose compatibility decomposition begins with either.
_UNSTABLE_RANGES = (
    "300-34e 350-36f 483-487 591-5bd 5bf 5c1-5c2 5c4-5c5 5c7 610-61a 64b-65f 670 6d6-6dc 6df-6e4 6e7-6e8 "
    "6ea-6ed 711 730-74a 7eb-7f3 7fd 816-819 81b-823 825-827 829-82d 859-85b 898-89f 8ca-8e1 8e3-8ff 93c "
    "94d 951-954 9bc 9be 9cd 9d7 9fe a3c a4d abc acd b3c b3e b4d b56-b57 bbe bcd bd7 c3c c4d c55-c56 cbc "
    "cc2 ccd cd5-cd6 d3b-d3c d3e d4d d57 dca dcf ddf e38-e3a e48-e4b eb8-eba ec8-ecb f18-f19 f35 f37 f39 "
    "f71-f75 f7a-f7d f80-f84 f86-f87 fb5 fb7 fc6 102e 1037 1039-103a 108d 1161-1175 11a8-11c2 135d-135f "
    "1714-1715 1734 17d2 17dd 18a9 1939-193b 1a17-1a18 1a60 1a75-1a7c 1a7f 1ab0-1abd 1abf-1ace 1b34-1b35 "
    "1b44 1b6b-1b73 1baa-1bab 1be6 1bf2-1bf3 1c37 1cd0-1cd2 1cd4-1ce0 1ce2-1ce8 1ced 1cf4 1cf8-1cf9 "
    "1dc0-1dff 20d0-20dc 20e1 20e5-20f0 2cef-2cf1 2d7f 2de0-2dff 302a-302f 3099-309a 3133 3135-3136 "
    "313a-313f 314f-3163 a66f a674-a67d a69e-a69f a6f0-a6f1 a806 a82c a8c4 a8e0-a8f1 a92b-a92d a953 a9b3 "
    "a9c0 aab0 aab2-aab4 aab7-aab8 aabe-aabf aac1 aaf6 abed fb1e fe20-fe2f ff9e-ff9f ffa3 ffa5-ffa6 "
    "ffaa-ffaf ffc2-ffc7 ffca-ffcf ffd2-ffd7 ffda-ffdc 101fd 102e0 10376-1037a 10a0d 10a0f 10a38-10a3a "
    "10a3f 10ae5-10ae6 10d24-10d27 10eab-10eac 10f46-10f50 10f82-10f85 11046 11070 1107f 110b9-110ba "
    "11100-11102 11127 11133-11134 11173 111c0 111ca 11235-11236 112e9-112ea 1133b-1133c 1133e 1134d "
    "11357 11366-1136c 11370-11374 11442 11446 1145e 114b0 114ba 114bd 114c2-114c3 115af 115bf-115c0 "
    "1163f 116b6-116b7 1172b 11839-1183a 11930 1193d-1193e 11943 119e0 11a34 11a47 11a99 11c3f 11d42 "
    "11d44-11d45 11d97 16af0-16af4 16b30-16b36 16ff0-16ff1 1bc9e 1d165-1d169 1d16d-1d172 1d17b-1d182 "
    "1d185-1d18b 1d1aa-1d1ad 1d242-1d244 1e000-1e006 1e008-1e018 1e01b-1e021 1e023-1e024 1e026-1e02a "
    "1e130-1e136 1e2ae 1e2ec-1e2ef 1e8d0-1e8d6 1e944-1e94a "
)
UNICODE_VERSION = "14.0.0"
#: A normalised piece's length before it is cut at the next stable character.
NFKC_PIECE = 2**12
#: The longest run of unstable characters normalised as one piece.
MARK_RUN = 30
#: A kept text's folded form may have at most this many times its characters (and
#: :data:`FOLD_FLOOR` more): "…" is three, U+FDFA eighteen; past it the text is refused.
FOLD_GROWTH = 4
FOLD_FLOOR = 2**16


class FoldTooLong(ValueError):
    """A text whose folded form passes :data:`FOLD_GROWTH` times its length: ``size`` characters
    were made of it before it was given up."""

    def __init__(self, length: int, size: int) -> None:
        super().__init__(f"folded, the text of {length:,} characters has more than {size:,}")
        self.length, self.size = length, size


def unstable_characters() -> str:
    """The characters of :data:`_UNSTABLE_RANGES`, computed from this Python's unicodedata (slow:
    every code point is looked at)."""
    second = {0x1161 + i for i in range(0x15)} | {0x11A8 + i for i in range(0x1B)}
    for cp in range(0x110000):
        decomposition = unicodedata.decomposition(chr(cp))
        if decomposition and not decomposition.startswith("<") and len(decomposition.split()) == 2:
            second.add(int(decomposition.split()[1], 16))
    found = []
    for cp in range(0x110000):
        char = chr(cp)
        if unicodedata.combining(char) or cp in second:
            found.append(char)
        elif unicodedata.decomposition(char):
            first = unicodedata.normalize("NFKD", char)[0]
            if unicodedata.combining(first) or ord(first) in second:
                found.append(char)
    return "".join(found)


def _unstable() -> frozenset[str]:
    if unicodedata.unidata_version != UNICODE_VERSION:  # pragma: no cover (another Python's Unicode)
        return frozenset(unstable_characters())
    chars: set[str] = set()
    for span in "".join(_UNSTABLE_RANGES).split():
        a, _, b = span.partition("-")
        chars.update(map(chr, range(int(a, 16), int(b or a, 16) + 1)))
    return frozenset(chars)


def _unstable_class() -> str:
    if unicodedata.unidata_version != UNICODE_VERSION:  # pragma: no cover (another Python's Unicode)
        return "".join(re.escape(c) for c in sorted(_UNSTABLE))
    spans = []
    for span in "".join(_UNSTABLE_RANGES).split():
        a, _, b = span.partition("-")
        spans.append(chr(int(a, 16)) + ("-" + chr(int(b, 16)) if b else ""))
    return "".join(spans)


#: The unstable characters as a set: a text none of whose characters is in it has no run to cut.
_UNSTABLE = _unstable()
_UNSTABLE_CLASS = _unstable_class()
_STABLE = LazyPattern(f"[^{_UNSTABLE_CLASS}]")
_LONG_RUN = LazyPattern(f"[{_UNSTABLE_CLASS}]{{{MARK_RUN + 1},}}+")
#: A character at or past the first unstable one (U+0300): a text without one (Swedish and English
#: letters, the dashes already made ``-``) is passed by one quick scan, not :data:`_LONG_RUN`'s search
#: of a class of some 200 ranges (about 30 times slower a character).
_PAST_STABLE = LazyPattern(f"[^\\x00-{re.escape(chr(ord(min(_UNSTABLE)) - 1))}]")


def _long_run(text: str) -> re.Match[str] | None:
    """:data:`_LONG_RUN`'s first match in ``text``, searched only in a text that holds an unstable
    character at all (most hold none)."""
    high = _PAST_STABLE.search(text)
    if high is None or _UNSTABLE.isdisjoint(text):
        return None
    return _LONG_RUN.search(text, high.start())


def _nfkc_pieces(text: str) -> Iterator[str]:
    """NFKC of ``text``, piece by piece (see above): linear in the text."""
    if text.isascii():
        yield text
        return
    run = _long_run(text)
    if len(text) <= NFKC_PIECE and run is None:
        yield unicodedata.normalize("NFKC", text)
        return
    start = 0
    while start < len(text):
        if run is not None and run.end() <= start:
            run = _LONG_RUN.search(text, start)
        if run is not None and run.start() < start + NFKC_PIECE:
            if start < run.start():  # up to the run's first MARK_RUN characters, with its base
                end = run.start() + MARK_RUN
            else:  # inside the run: MARK_RUN characters at a time (the run ends at a stable one)
                end = min(start + MARK_RUN, run.end())
        else:
            stable = _STABLE.search(text, start + NFKC_PIECE)
            end = len(text) if stable is None else stable.start()
        yield unicodedata.normalize("NFKC", text[start:end])
        start = end


def _nfkc(text: str, limit: int | None = None) -> str:
    """NFKC of ``text`` (:func:`_nfkc_pieces`); with ``limit``, :class:`FoldTooLong` as soon as the
    pieces made pass ``limit`` characters."""
    pieces = []
    size = 0
    for piece in _nfkc_pieces(text):
        size += len(piece)
        if limit is not None and size > limit:
            raise FoldTooLong(len(text), limit)
        pieces.append(piece)
    return pieces[0] if len(pieces) == 1 else "".join(pieces)


def folds_within(text: str) -> bool:
    """Whether ``text``'s NFKC form has at most :func:`fold_limit` characters: counted piece by piece,
    none kept, so a text that would pass it costs no more memory than a piece."""
    limit = fold_limit(text)
    size = 0
    for piece in _nfkc_pieces(text):
        size += len(piece)
        if size > limit:
            return False
    return True


def fold_limit(text: str) -> int:
    """The most characters ``text``'s folded form may have (:data:`FOLD_GROWTH`, :data:`FOLD_FLOOR`)."""
    return FOLD_GROWTH * len(text) + FOLD_FLOOR


def _fold(text: str, limit: int | None = None) -> str:
    """Invisible characters out, NFKC, dashes: the steps before case is folded."""
    return _translated(_nfkc(_translated(text), limit))  # NFKC makes a few dashes


def _case(text: str) -> str:
    return _nfkc(text.casefold())


def folded(text: str) -> str:
    """``text`` as it is compared: its compatibility forms made plain (NFKC: a ligature "ﬁ" is "fi", a
    decomposed "å" is "å"), invisible characters (:data:`INVISIBLE`) taken out, case and runs of white
    space folded, typographic dashes made ``-`` and a word's hyphen joined to the next word ("Klimat-
    och" is "Klimat-och", as a page may write it). Each step is one pass over the text."""
    return _HYPHEN.sub("-", _SPACES.sub(" ", _case(_fold(text)))).strip(" ")


#: A list item's line ("- Fryshuset", "* …", "• …", "1. …", "2) …"): its line end, and the one before
#: it, end a sentence (a blank line is put in), so an item is not read on into the next line ("- Svenska
#: Röda Korset" and "I Stockholm …" are two sentences).
_ITEM_MARK = r"[^\S\n]*+(?:[-*•+–]|\d{1,3}[.)](?![^\S\n]++" + _MONTH_WORD.pattern + "))[^\\S\\n]"
_ITEM_LINE = LazyPattern(rf"(?m)^({_ITEM_MARK}[^\n]*+)\n|\n(?={_ITEM_MARK})")


#: A heading's line ("## Sakrådet blir inte av"): its line end ends a sentence (a blank line is put in), so
#: the heading is not read on into the next line ("Sakråd om stödet" and "Sakrådet hölls …" are two).
_HEADING_LINE = LazyPattern(r"(?m)^([^\S\n]{0,3}#{1,6}[^\S\n][^\n]*+)\n(?![^\S\n]*+\n)")


#: A heading glued to the next line by the page's copy ("… mot rasism och hatbrottDiarienummer: A2025/…"):
#: a lower-case letter, then a capital that begins a word of at least three lower-case letters, is read
#: as two words ("LinkedIn", "iPhone" stay one).
_GLUED = LazyPattern(r"(?<=[a-zåäöé])(?=[A-ZÅÄÖ][a-zåäöé]{3})")


#: A label in emphasis at a line's start ("**Ordförande:** A", "__Ordförande:__ A", "*Ordförande*: A"): the
#: marks are no words, the line is read as "Ordförande: A".
_EMPHASISED_LABEL = LazyPattern(r"(?m)^([^\S\n]*)(\*\*|__|\*|_)([^*_:\n]{1,40})(?::\2|\2:)")
#: A table's row whose first cell is a fact's label, a role's, a date's or a place's ("| Ordförande | A |",
#: "| Datum | 5 februari 2024 |", "| Plats | Stockholm |"): the cell labels the next, the row is read as
#: "Ordförande: A", a sentence of its own.
ROW_LABELS = (
    "ordförande", "mötesordförande", "moderator", "sekreterare", "chair", "secretary",
    "datum", "date", "dag", "tidpunkt", "när", "when", "plats", "place", "location", "venue", "lokal", "ort",
)  # fmt: skip
_LABEL_ROW = LazyPattern(
    r"(?im)^[^\S\n]*\|[^\S\n]*(" + "|".join(ROW_LABELS) + r")[^\S\n]*\|"
    r"[^\S\n]*([^|\n]*[^|\s])[^\S\n]*\|[^\S\n]*$"
)
#: A table's head: its first row and the line of dashes under it ("| Organisation | Deltog |" over
#: "|---|---|"). The head is read as the heading of the rows under it, as a list's heading ("Organisation
#: | Deltog:"), the line of dashes is no words.
_TABLE_HEAD = LazyPattern(
    r"(?m)^[^\S\n]*\|[^\S\n]*([^\n]*?)[^\S\n]*\|?[^\S\n]*\n[^\S\n]*\|?[^\S\n]*:?-{3,}:?[^\S\n]*"
    r"(?:\|[^\S\n]*:?-{3,}:?[^\S\n]*)*\|?[^\S\n]*$"
)
#: A table's row ("| Seminariet | Famna |"): its line end ends a sentence (a blank line is put in), so each
#: row is read on its own, as a list's item under the table's head (counts read it so too).
_TABLE_ROW = LazyPattern(r"(?m)^([^\S\n]*\|[^\n]*\|)[^\S\n]*\n")


def _table_head(match: re.Match[str]) -> str:
    return match.group(1).rstrip(" |:") + ":\n"


def _item_line(match: re.Match[str]) -> str:
    return (match.group(1) or "") + "\n\n"


#: How many kept texts :func:`folded_text` holds folded (the last ones folded): the checks of a load
#: read the same texts one after another, so each is folded once where a load keeps at most this many
#: (data/ keeps 29); a load that keeps more folds some of them again, as each check did before.
FOLDED_TEXTS = 128


@lru_cache(maxsize=FOLDED_TEXTS)
def folded_text(text: str) -> str:
    """A kept text folded as :func:`folded` does, with the end of each sentence marked by ``\\x00``
    in place of the space after it (and at the line end of a list's item): one string of about the
    text's size, made in a few passes. The last :data:`FOLDED_TEXTS` texts folded are held, so each
    check of a load that reads a kept text (stated.py, posted.py, organised.py, placed.py, named.py,
    announced.py) does not fold it again."""
    return fold_marked(text, _case)


#: A footnote's mark in superscript digits right after a number ("10 september 2024¹", "25² organisationer"):
#: NFKC would make it a digit of the number ("20241"); it is a space of its own length instead.
_NOTE_MARK_CHARS = frozenset("\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079")
_NOTE_MARK = LazyPattern("(?<=[0-9])[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+")
#: The same mark as an HTML superscript ("2024<sup>1</sup>"), which the text as shown would join to the number.
_SUP_MARK = LazyPattern(r"(?<=[0-9])<sup>[^<>\n]{0,8}</sup>", re.IGNORECASE)


def _note_mark_off(mark: re.Match[str]) -> str:
    return " " * len(mark.group())


def fold_marked(text: str, case: Callable[[str], str]) -> str:
    """``text`` folded as :func:`folded_text` folds it, sentence ends marked, with ``case`` as the
    step that folds case (:func:`_case` there; placed.py keeps the case of each character). The text
    is read as its reader sees it (:func:`sakrad_ld.markup.shown`): a comment or struck-through words
    state nothing, a link is its text, emphasis and tags are no words, an entity is its character."""
    text = shown(_SUP_MARK.sub(" ", text) if "<sup" in text or "<SUP" in text else text)
    text = _NOTE_MARK.sub(_note_mark_off, text) if _NOTE_MARK_CHARS.intersection(text) else text
    label = label_off(text)
    text = _LABEL_ROW.sub(r"\1: \2\n", _EMPHASISED_LABEL.sub(r"\1\3:", text))
    text = _TABLE_ROW.sub(_item_line, _TABLE_HEAD.sub(_table_head, text))
    text = _GLUED.sub(" ", _ITEM_LINE.sub(_item_line, _HEADING_LINE.sub(_item_line, text)))
    pieces = []
    start = 0
    tail = ""
    limit = fold_limit(text)
    while start < len(text):
        cut = _CUT.search(text, start + PIECE) if len(text) - start > PIECE else None
        end = cut.start() if cut else len(text)
        try:
            piece = _fold(text[start:end], limit)
        except FoldTooLong:
            raise FoldTooLong(len(text), fold_limit(text)) from None
        limit -= len(piece)
        piece = _mark_ends(_BLANK_LINE.sub(_END, piece), tail)
        tail = piece[-ABBREVIATION_WINDOW:]
        pieces.append(_HYPHEN.sub("-", _ENDS.sub(_END, _SPACES.sub(" ", case(piece)))))
        start = end
    out = "".join(pieces).strip(" " + _END)
    hold_label(out, label)  # "INSTÄLLT" on a line of its own calls the meeting off (clauses.label_off)
    return out


def check_folds(corpus: Corpus, copies: dict[str, str]) -> list[InputError]:
    """Each kept text (``copies``, by source id) whose folded form would pass :func:`fold_limit`: the
    checks hold a kept text folded, so such a text would cost many times its size in memory (a text of
    U+FDFA, whose NFKC form is 18 characters, 50 times). Counted piece by piece, before any check folds it."""
    errors = []
    for source in corpus.sources:
        text = copies.get(source.id)
        if text is None or text.isascii() or folds_within(text):
            continue
        where = source.lines.where("file") if source.lines else Where(Path("sources.yaml"), 0, "file")
        errors.append(
            InputError(
                where,
                f"file {_quoted(source.file)}: its text of {len(text):,} characters is more than {FOLD_GROWTH} times "
                "as long in its Unicode compatibility form (NFKC), as the checks compare it: characters such as "
                "U+FDFA expand to many",
                f"a kept text whose NFKC form has at most {FOLD_GROWTH} times its characters (and {FOLD_FLOOR:,} more)",
                "keep the text as the source writes it, in plain letters, or leave file: out",
            )
        )
    return errors


def _sentences(text: str) -> list[str]:
    """The folded text cut into sentences (at '.', '!', '?', ':' or ';' before a space where
    :func:`sentence_ends` says the sentence ends, and at blank lines)."""
    return [s for s in folded_text(text).split(_END) if s]


def _word(char: str) -> bool:
    return char.isalnum() or char == "_"


def found_as_words(value: str) -> re.Pattern[str] | None:
    """The pattern finding ``value`` in a :func:`folded_text` as whole words: not inside a longer word
    (a genitive ``s`` may follow), with a space in it also found where a sentence ends. None for a
    value that folds to nothing."""
    value = folded(value)
    if not value:
        return None
    body = re.escape(value).replace("\\ ", "[ \x00]")
    if _word(value[0]):  # the look-behind after the first character keeps the search's quick scan for it
        body = re.escape(value[0]) + r"(?<!\w.)" + re.escape(value[1:]).replace("\\ ", "[ \x00]")
    return re.compile(body + (r"s?(?!\w)" if _word(value[-1]) else ""), re.DOTALL)


#: Where the heading a flat text opens with ends (:func:`_flat`), for the last texts made flat: a flat text
#: has no sentence marks left, and a title is no meeting spoken of before a sentence (:func:`_meeting_before`).
_HEADING_ENDS: dict[str, int] = {}
_HEADING_ENDS_KEPT = 64


#: A sentence end of a :func:`folded_text` that no stop marks ('.', '!', '?', ':', ';' before it): the end of
#: a heading, a list's item or a paragraph without one, a line end in :func:`_flat`.
_UNSTOPPED_END = LazyPattern(r"(?<![.!?:;])\x00")


def _flat(text: str) -> str:
    """A :func:`folded_text` with its sentence ends as spaces, and as line ends where no stop marks them
    (:data:`_UNSTOPPED_END`: a heading's, an item's, a paragraph's without one, which no sentence reads
    on past: "## Sakråd om stödet" and "Sakrådet blir inte av." are two): the same length, so a position
    in one is the same in the other, and a value with a space in it is found by a substring search."""
    flat = _UNSTOPPED_END.sub("\n", text).replace(_END, " ") if _END in text else text
    hold_label(flat, labelled(text))
    if text.startswith("#") and _END in text:
        if len(_HEADING_ENDS) >= _HEADING_ENDS_KEPT:
            _HEADING_ENDS.clear()
        _HEADING_ENDS[flat] = text.index(_END)
    return flat


def flat_text(text: str) -> str:
    """A kept text as :func:`find_words` searches it: :func:`folded_text`, its sentence ends as spaces."""
    return _flat(folded_text(text))


_NOT_WORD = LazyPattern(r"\W")


#: How many characters the occurrences of a value may cost :func:`find_words`'s substring search, as a
#: multiple of the text searched (and at least :data:`SEARCH_FLOOR`), before it goes on with
#: :func:`_occurrences`, which reads each character of the text once whatever the value.
SEARCH_BUDGET = 4
SEARCH_FLOOR = 2**16


def find_words(value: str, flat: str, start: int = 0, stop: int | None = None) -> Iterator[tuple[int, int]]:
    """Where the folded ``value`` stands in ``flat`` (:func:`_flat` of a :func:`folded_text`) as whole
    words, as :func:`found_as_words` finds it: (start, end) of each occurrence, a genitive ``s`` after
    it not included. A substring search, nothing compiled; linear in the text for each value: after a
    value that begins with a letter is found, the search goes on after the end of that word, where the
    next occurrence as a word can begin, so a text of one long word is not searched at each letter;
    and each occurrence costs the search about the value's length, so where the occurrences (of a value
    that overlaps itself: "a aa aa … a" in "aa aa aa …") would cost more than :data:`SEARCH_BUDGET`
    times the text, the rest of the text is read once by :func:`_occurrences`. ``stop``: only the
    occurrences that end at or before it, and the text after it not read (whether a word goes on past an
    occurrence is still read from ``flat``), so a search in a clause costs the clause, not the rest of
    the text."""
    if not value:
        return
    stop = len(flat) if stop is None else max(0, min(stop, len(flat)))
    first = _word(value[0])
    budget = SEARCH_BUDGET * max(0, stop - start) + SEARCH_FLOOR
    at = flat.find(value, start, stop)
    while at >= 0:
        if _whole(value, flat, at, first):
            yield at, at + len(value)
        budget -= len(value)
        if first:  # the next occurrence as a word begins after a character that is not one of a word
            gap = _NOT_WORD.search(flat, at, stop)
            if gap is None:
                return
            after = gap.end()
        else:
            after = at + 1
        if budget < 0:
            for at in _occurrences(value, flat, after, stop):
                if _whole(value, flat, at, first):
                    yield at, at + len(value)
            return
        at = flat.find(value, after, stop)


def _whole(value: str, flat: str, at: int, first: bool) -> bool:
    """Whether ``value``, found at ``at`` in ``flat``, stands there as whole words (a genitive ``s`` may follow)."""
    if first and at > 0 and _word(flat[at - 1]):
        return False
    end = at + len(value)
    if not _word(value[-1]) or end == len(flat) or not _word(flat[end]):
        return True
    return flat[end] == "s" and (end + 1 == len(flat) or not _word(flat[end + 1]))


def _occurrences(value: str, flat: str, start: int, stop: int | None = None) -> Iterator[int]:
    """Where ``value`` begins in ``flat`` from ``start`` on (ending at or before ``stop``), overlapping
    occurrences too: Knuth, Morris and Pratt's search, each character of the text read once (and the
    value's table made once)."""
    fail = [0] * len(value)
    k = 0
    for i in range(1, len(value)):
        while k and value[i] != value[k]:
            k = fail[k - 1]
        if value[i] == value[k]:
            k += 1
        fail[i] = k
    k = 0
    last = len(value) - 1
    for i in range(start, len(flat) if stop is None else stop):
        char = flat[i]
        while k and char != value[k]:
            k = fail[k - 1]
        if char == value[k]:
            if k == last:
                yield i - last
                k = fail[k]
            else:
                k += 1


def _found(value: str, flat: str) -> bool:
    return next(find_words(folded(value), flat), None) is not None


def _role_words(words: tuple[str, ...]) -> LazyPattern:
    return LazyPattern(
        r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?!\w)"
    )


_ROLES = {
    "chair": _role_words(CHAIR_WORDS),
    "convener": _role_words(CONVENER_WORDS),
    "participant": _role_words(PARTICIPANT_WORDS),
}

#: A name given as someone's superior or principal: "hos …", "till …", "åt …", "to …" with lower-case
#: words (titles) between it and the name; not the meeting after "till" ("Inbjudan till sakrådet kom från X").
_AS_SUPERIOR = LazyPattern(
    r"(?:\bhos|\btill|\båt|\bto|\bfor)\s+(?!(?:sakrådet|samrådet|mötet|dialogmötet|the meeting|the consultation)\s)"
    r"(?:[\wåäöé-]+\s+){0,6}$"
)
#: How far before a name the words giving it as someone's superior are looked for: "hos" and six words.
SUPERIOR_WINDOW = 300


#: How far after a name a comma closing its apposition is looked for ("Martin Andreasson,
#: statssekreterare åt statsrådet Brandberg, ledde …"), and the role word after it.
APPOSITION_WINDOW = 200
#: A relative "som" between a name and its role word: "Paula Carvalho Olovsson som höll i mötet".
_SOM = "som "

# --- The role's clause -------------------------------------------------------------------------------
#
# A role word names a person in the role only where the person is the subject (or one of the listed
# subjects) of the role word's clause: see docs/load-checks.md, "The role's clause".

#: Role words that are passive or take their person after "by"/"av": a name after them counts only as
#: the agent ("Mötet leddes därefter av …", "chaired by …"); a name before them is what was led, not
#: who led it.
PASSIVE_ROLE_WORDS = frozenset(
    {
        "leddes", "leddes av", "leds", "leds av", "ledd av", "inleddes", "led by", "modereras", "initierats av", "initierades av", "initiated by",
        "modererades", "moderated by", "anordnades", "arrangerades", "sammankallades", "anordnas", "arrangeras",
        "sammankallas", "organised by",
        "organized by", "arranged by", "convened by", "skickades ut av", "skickades av", "skickades", "representerades", "företräddes", "represented by",
        "ordförandeskapet innehades av", "ordförandeskapet hölls av",
    }
)  # fmt: skip
#: Swedish passives whose agent follows with "av", adverbs or a negation between ("Sakrådet leddes
#: därefter av …", "anordnades inte av X utan av Y"): a name after them counts only after "av".
AGENT_PASSIVES = frozenset(
    {"leddes", "leds", "inleddes", "modererades", "modereras", "anordnades", "arrangerades", "sammankallades", "representerades",
     "anordnas", "arrangeras", "sammankallas",
     "företräddes", "skickades"}
)  # fmt: skip
#: English verbs: a name after them is their object ("invited Anna Berg"), unless after "by"
#: ("hosted by Anna Berg"); a name before them is their subject.
ENGLISH_ROLE_VERBS = frozenset({*_CHAIRED_EN, *_CALLED_EN, *_TOOK_PART_EN})
#: Swedish verbs with their object after them: "bjöd in Anna Berg" invites her.
OBJECT_ROLE_WORDS = frozenset({"bjuder in", "bjöd in"})
#: Role words that name a role, not a deed: the person stands after them ("ordförande var Anna Berg",
#: "ordförande Anna Berg"), or before them after "som" or a copula ("Anna Berg var ordförande").
ROLE_NOUNS = frozenset(
    {
        "ordförande",
        "ordföranden",
        "ordf.",
        "ordf",
        "moderator",
        "chair",
        "värd",
        "inbjudan",
        "inbjudare",
        "närvarande",
        "mötesordförande",
        "som ordförande fungerade",
        "som mötesordförande fungerade",
    }
)

#: Words of being urged, asked or offered to take part, or of registering for it ("uppmanades att delta",
#: "ombads delta", "anmälde sig"): like an invitation, they say the organisation or person was asked or
#: meant to come, not that it came; a word of taking part in the same clause confirms it ("anmälde sig och
#: deltog").
URGED_WORDS = (
    "uppmanades",
    "uppmanas",
    "uppmanats",
    "uppmanade",
    "ombads",
    "ombeds",
    "ombetts",
    "ombedd",
    "ombedda",
    "erbjöds",
    "erbjuds",
    "erbjudits",
    "välkomnades att",
    "välkomna att",
    "välkommen att",
    "anmälde sig",
    "anmält sig",
    "anmälda",
    "anmäld",
    "urged",
    "was asked",
    "were asked",
    "registered",
)

#: Words of an invitation received ("Anna Berg var inbjuden", "inbjudna var …", "bjöds in", "Sändlista:"):
#: the clause says the person or organisation was invited, not that it came.
INVITED_WORDS = (
    "inbjuden", "inbjudna", "inbjudet", "inbjudits", "inbjuds", "bjöds", "bjuds", "bjudits", "bjudas",
    "was invited", "were invited", "is invited", "been invited", "sändlista", "sändlistan", "inbjudan gick till",
)  # fmt: skip
#: Words of an invitation sent, or of a list of those asked, that a list's heading or lead-in ending with ":"
#: holds ("Inbjudan skickades till:", "## Invited organisations", "## Remissinstanser", "Invitees:",
#: "Kallade:", "Tillfrågade organisationer"): its items were invited, sent the page or asked for views, not
#: said to have taken part (unless the heading or the item has a word of taking part: "Inbjudna organisationer
#: som deltog:"). Read in a heading only: in a sentence "inbjudan" names a convener ("Inbjudan till sakrådet
#: kom från X").
INVITED_HEADINGS = (
    "inbjudan", "inbjudningar", "inbjudningen", "inbjudningarna", "inbjudningslista", "inbjudningslistan", "inbjöds",
    "bjöd in", "bjuder in", "bjudit in", "kallade", "kallades", "kallelse", "kallelsen", "kallelser", "mottagare",
    "mottagarna", "remissinstans", "remissinstanser", "remissinstanserna", "remisslista", "remisslistan",
    "remissmottagare", "remissvar", "tillfrågade", "tillfrågades", "tillfrågats", "anmälningar", "anmälningarna",
    "anmälningslista", "anmälningslistan", "invited", "invitation", "invitations", "invitee", "invitees",
    "invitation list", "mailing list", "distribution list", "registrations",
)  # fmt: skip
_INVITED_HEADING = LazyPattern(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in INVITED_HEADINGS) + r")(?!\w)")
#: Words that undo or put off a role in its clause: the guard words of its clause
#: (:data:`~sakrad_ld.clauses.GUARD_TABLE`: a negation, an absence, a plan or an expectation, a condition, a
#: doubt, a meeting called off, another time; a plan's noun leading in, :data:`PLAN_NOUNS`, is read there
#: too), an invitation received (:data:`INVITED_WORDS`) or an urging
#: (:data:`URGED_WORDS`). Where each counts is :func:`~sakrad_ld.clauses.guard_in`'s.
GUARD_WORDS = (
    *(w for _, scope, words in GUARD_TABLE if scope == "clause" for w in words),
    *INVITED_WORDS,
    *URGED_WORDS,
)
_GUARDS = _role_words(GUARD_WORDS)


#: Prepositions: a name right after one (its titles aside) is its object ("berättade om Anna Berg",
#: "enligt Anna Berg"), not the role's subject.
PREPOSITIONS = frozenset(
    "om till av för med enligt hos från på i åt vid mot under efter inför utan genom kring trots angående "
    "beträffande vare jämte inklusive förutom utöver via bakom about to by for with from of according at "
    "on in thanks despite besides except including unlike".split()
)
#: Words that may open a Swedish clause before its verb (V2: "Den 5 februari träffade X …", "Därefter
#: berättade X …"): with one of them first, a name after the verb is its subject; with anything else
#: first (a subject: "Ulf Kristersson träffade Anna Berg") it is the object.
FRONT_WORDS = frozenset(
    "på i från under vid efter inför med som därefter sedan då när inledningsvis först slutligen dessutom "
    "även också idag här där nu senare tidigare till inom utöver förutom efteråt därpå avslutningsvis "
    "vidare igår bland dagen under".split()
)
_WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
#: Words that may stand between a role word and the name after it besides titles and a list of names.
ADVERBS = frozenset(
    "därefter sedan då även också först inledningsvis slutligen dessutom bland annat andra bl.a. t.ex. tex. d.v.s. "
    "dvs. främst nu".split()
)
#: Honorifics a name may stand after, as after a title ("chaired by Dr. Anna Berg", "prof. Anna Berg").
HONORIFICS = frozenset("dr. dr prof. prof doc. docent mr. mr mrs. mrs ms. ms fil.dr. professor".split())
_LIST = frozenset({",", "och", "samt", "liksom", "and"})
_COPULAS = frozenset({"var", "är", "blev", "was", "is", "were"})
_MEETINGS = frozenset({"mötet", "sakrådet", "samrådet", "meeting", "the"})
#: The endings of a title a name may stand after ("statssekreterare", "lantbruksråd", "enhetschef",
#: "energi-och näringsminister"), besides the words of the data's post labels.
TITLE_ENDINGS = (
    "minister",
    "ministern",
    "sekreterare",
    "sekreteraren",
    "råd",
    "rådet",
    "chef",
    "chefen",
    "direktör",
    "direktören",
    "ordförande",
    "ordföranden",
    "sakkunnig",
    "sakkunnige",
    "hövding",
    "ambassadör",
    "handläggare",
    "utredare",
    "ansvarig",
    "ansvarige",
    "ledamot",
    "samordnare",
    "rådgivare",
    "kommissionär",
    "ombudsman",
    "expert",
    "representant",
    "tjänsteman",
    "biträdande",
    "ställföreträdande",
    "politiskt",
    "politisk",
    "särskild",
    "särskilde",
    "senior",
    "vice",
    "tillförordnad",
    "tillförordnade",
    "t.f.",
    "-och",
    "-and",
    "-",
    "moderator",
    "secretary",
    "state",
    "deputy",
    "director",
    "director-general",
    "head",
    "chair",
    # abbreviated titles with their '.' (TITLE_ABBREVIATIONS): "statssekr.", "generaldir.", "departementsr."
    "sekr.",
    "dir.",
    "sakk.",
    "ordf.",
    "departementsr.",
    "ämnesr.",
    "kanslir.",
    "statsr.",
    "bitr.",
)
_NOT_TITLES = ("sakråd", "samråd")
_WORDS = LazyPattern(r"[\w'.-]+|[^\w\s]")
#: How far a role word may stand before the name in its clause, and how far a clause's start and end
#: are looked for around the role word and the name.
GAP_WINDOW = 200
CLAUSE_WINDOW = 200
#: A list item before the name ("Paulina Brandberg och statssekreterare Martin Andreasson"): at most
#: this many words besides titles before "och", "samt" or a comma.
LIST_ITEM_WORDS = 4
_CLAUSE_ENDS = (_END, ",", "(", ")", " men ", " but ", " som ", " which ", " who ", " - ")
_CLAUSE_STARTS = (_END, ",", "(", ")", " men ", " but ", " - ")


def _title(word: str, titles: frozenset[str]) -> bool:
    return word in titles or (word.endswith(TITLE_ENDINGS) and not word.startswith(_NOT_TITLES))


def _clause_start(text: str, at: int) -> int:
    floor = max(0, at - CLAUSE_WINDOW)
    return max([floor] + [i + len(s) for s in _CLAUSE_STARTS if (i := text.rfind(s, floor, at)) >= 0])


def _clause_end(text: str, at: int) -> int:
    ceiling = min(len(text), at + CLAUSE_WINDOW)
    return min([ceiling] + [i for s in _CLAUSE_ENDS if (i := text.find(s, at, ceiling)) >= 0])


#: "utan" of a contrast ("leddes inte av X utan av Y", "inte X utan Y ledde"), not "utan att".
_BUT_RATHER = LazyPattern(r"(?<!\w)(?:utan|but) (?!att )")
#: The words that may stand between a negated active role verb and "utan" for the name after it to be the
#: verb's subject instead ("X bjöd inte in till sakrådet, utan Y"): a negation, the verb's particle, the
#: meeting as its goal.
_NOT_THEN = frozenset("inte ej in till sakrådet mötet samrådet , heller not".split())


def _role_guard(text: str, flat: str, lo: int, hi: int) -> tuple[str, str] | None:
    """The guard word governing the role word and the name at ``lo``..``hi`` (and what stands between
    them), as ``(word, kind)``: one of :data:`GUARD_WORDS` in their own clause
    (:func:`~sakrad_ld.clauses.guard_in`: not in a subordinate or coordinated clause, not "inte bara"), a
    condition's "om", an exclusion or replacement governing them; None if none. A contrast's "utan" before
    ``lo`` begins the clause: in "inte X utan Y" the negation is X's, not Y's."""
    s_lo, s_hi = _sentence(text, lo, hi)
    found = guard_in(flat, s_lo, s_hi, lo, hi)
    if found is not None:
        return found
    if (other := other_event(flat, hi)) is not None:  # "Anna Berg deltog i Almedalen"
        return other, OTHER_EVENT
    if (aside := _ASIDE_THEN_NOT.match(flat, hi)) is not None:  # "Anna Berg deltog, enligt listan, inte"
        return aside.group(1), NEGATION
    for x, y in fact_clause(flat, s_lo, s_hi, lo, hi):
        if (word := _INVITED.search(flat, x, y)) is not None:
            return word.group(), _guard_kind(word.group())
    return None


#: A consequence's opening after the clause of a role not held ("A kunde inte leda sakrådet, så B gjorde
#: det", "A could not attend, so B did"): the guard words before it are A's.
_SO_THEN = LazyPattern(r"(?:, ?| )(?:så|so|och därför|därför|and so)(?= )")


def _guarded_after_so(text: str, flat: str, lo: int, hi: int) -> bool:
    """:func:`_guarded` for the name at ``lo`` and the verb standing for its role ending at ``hi``, read
    from the last consequence's "så"/"so" before the name (:data:`_SO_THEN`) where one opens its clause."""
    s_lo, s_hi = _sentence(text, lo, hi)
    start = max((m.end() for m in _SO_THEN.finditer(flat, s_lo, lo)), default=-1)
    if start < 0:
        return _guarded(text, flat, lo, hi)
    return guard_in(flat, start, s_hi, lo, hi, spans=[(start, s_hi)]) is not None


def _guarded(text: str, flat: str, lo: int, hi: int) -> bool:
    """Whether the role word and the name at ``lo``..``hi`` are negated, put off or said of an invitation
    received in their clause (:func:`_role_guard`)."""
    return _role_guard(text, flat, lo, hi) is not None


_INVITED = _role_words((*INVITED_WORDS, *URGED_WORDS))


#: A role noun's preposition and the word after it ("ordförande i Riksdagens utskott"): the role held in
#: that body, not at this sakråd, unless the word is this meeting's ("ordförande för mötet", "för dagen").
_ROLE_OF = LazyPattern(r" (?:i|för|på|vid|inom|hos|of|for|at|in)((?: [\w'-]+){1,3})")
_DETERMINERS = frozenset("det den detta denna dagens årets the this today's".split())
#: The words naming this meeting after a role noun's preposition ("ordförande för sakrådet", "på träffen",
#: "vid dialogmötet", "för det nationella sakrådet", "chair of the meeting"), whole words: any other is
#: another body ("ordförande på Dagens Industri", "i Riksdagens utskott").
THIS_MEETING_WORDS = frozenset(
    """sakråd sakrådet sakrådets samråd samrådet möte mötet träff träffen dialogmöte dialogmötet samtal samtalet
    samtalen rundabordssamtal rundabordssamtalet konsultation konsultationen dag dagen idag meeting consultation
    day today dialogue""".split()
)


def _of_another_body(flat: str, role: re.Match[str]) -> bool:
    """Whether the role noun ``role`` ("ordförande", "chair") is said of another body than this sakråd:
    a preposition after it and a noun that is not one of :data:`THIS_MEETING_WORDS` ("ordförande i
    Riksdagens utskott"), an article or an adjective between ("för det nationella sakrådet")."""
    if role.group() not in ROLE_NOUNS:
        return False
    of = _ROLE_OF.match(flat, role.end())
    if of is None:
        return False
    words = of.group(1).split()
    if words[0] in _DETERMINERS and len(words) > 1:
        words = words[1:]
    # the noun, or an adjective before it ("det nationella sakrådet"); "i dag"
    return not (
        words[0] in THIS_MEETING_WORDS or (len(words) > 1 and words[1] in THIS_MEETING_WORDS) or words[0] == "dag"
    )


def _fronted(prefix: list[str]) -> bool:
    """Whether the words before a Swedish verb in its clause leave its subject after it (V2): an
    adverbial first (a preposition, an adverb, a date). A clause that opens with the verb asks or
    supposes ("Deltog Anna Berg?", "Ledde Anna Berg mötet, …"): it does not name the role."""
    words = [w for w in prefix if w not in ("#", "*", ">", "-")]
    if words and words[0] in ("och", "men", "samt"):
        words = words[1:]
    if not words:
        return False
    first = words[0]
    return (
        first in FRONT_WORDS
        or first[0].isdigit()
        or first.startswith(_WEEKDAYS)
        or (first == "den" and len(words) > 1 and words[1][0].isdigit())
    )


def _gap_ok(role: str, gap: list[str], titles: frozenset[str]) -> bool:
    """Whether the words between a role word and the name after it leave the name the role's subject:
    adverbs, the agent's "av"/"by" after a passive, a copula after a role noun, and a list of names
    with their titles ("bjöd minister Paulina Brandberg och statssekreterare Martin Andreasson in"),
    the last item titles only; no preposition, negation or other word governing the name."""
    i = 0
    while i < len(gap) and gap[i] in ADVERBS:
        i += 1
    needs_agent = role in AGENT_PASSIVES or role in ENGLISH_ROLE_VERBS
    if role in AGENT_PASSIVES:  # "Enligt A leddes sakrådet av B": the subject after the verb (V2)
        while i < len(gap) and (gap[i] in _MEETINGS or gap[i] in ADVERBS):
            i += 1
    if needs_agent:
        if i == len(gap) or gap[i] not in ("av", "by"):
            return False
        i += 1
    elif role in ROLE_NOUNS:
        if i + 1 < len(gap) and gap[i] in ("för", "vid", "på", "of", "at", "for", "till") and gap[i + 1] in _MEETINGS:
            i += 2
            while i < len(gap) and gap[i] in _MEETINGS:
                i += 1
        if role == "inbjudan" and gap[i : i + 2] in (["kom", "från"], ["var", "från"], ["skickades", "av"]):
            i += 2  # "Inbjudan till sakrådet kom från X": X sent it
        elif i < len(gap) and gap[i] in _COPULAS:
            i += 1
    unknown = 0
    for word in gap[i:]:
        if word in _LIST:
            unknown = 0
        elif _title(word, titles) or word in ADVERBS or word in HONORIFICS:
            continue
        elif word in PREPOSITIONS or word in _COPULAS or _GUARDS.fullmatch(word) or not _word(word[0]):
            return False
        else:
            unknown += 1
            if unknown > LIST_ITEM_WORDS:
                return False
    return unknown == 0


def _governed(text: str, flat: str, at: int, titles: frozenset[str]) -> bool:
    """Whether the name starting at ``at`` stands right after a preposition in its sentence, its
    titles aside ("enligt Anna Berg", "om statssekreterare Anna Berg")."""
    floor = max(0, at - GAP_WINDOW)
    words = _WORDS.findall(flat, text.rfind(_END, floor, at) + 1 or floor, at)
    while words and _title(words[-1], titles):
        words.pop()
    if words and words[-1] == "utan" and any(_NEGATIONS.fullmatch(w) for w in words):
        return False  # "Inte X utan Y ledde mötet": "utan" of a contrast, Y the subject
    return bool(words) and words[-1] in PREPOSITIONS


#: A party's label in parentheses right after a name ("Jakob Forssmed (KD) deltog", "(S)", "(MP)"): the
#: name's, the role word after it is the name's.
_PARTY = LazyPattern(r" \((?:s|m|sd|c|v|kd|l|mp|fp)\)")


def _role_after(roles: LazyPattern, text: str, after: int, flat: str | None = None) -> re.Match[str] | None:
    """The role word that follows a name ending at ``after`` in its clause: at once, after a relative
    "som" or a copula (a role noun: "X var ordförande"), after an apposition between two commas
    ("X, statssekreterare …, ledde"), or after a list of names ("X och Y bjöd in"); None if none does.
    Bounded work: the closing comma is looked for in :data:`APPOSITION_WINDOW` characters, the words
    anchored."""
    flat = _flat(text) if flat is None else flat
    at = after
    if (party := _PARTY.match(text, at)) is not None:  # "Jakob Forssmed (KD) deltog"
        at = party.end()
    if text.startswith(", " + _SOM, at):  # "X, som ledde mötet, …"
        role = roles.match(text, at + 2 + len(_SOM))
        if role is not None and role.group() in PASSIVE_ROLE_WORDS:
            return None
        start = at + 2 + len(_SOM) if role is None else role.end()
        close = text.find(",", start, start + APPOSITION_WINDOW)
        stop = text.find(_END, start, start + APPOSITION_WINDOW)
        stop = min(x for x in (close, stop, start + APPOSITION_WINDOW) if x >= 0)
        if (
            role is not None
            and other_object(flat, role.group().rpartition(" ")[2], role.end()) is None
            and not any(p.search(flat, role.end(), stop) for p in (_OTHER_MEETING, _SEASON_MEETING))
        ):
            return role
        if role is None and (
            any(p.search(flat, start, stop) for p in (_INVITED, _NEGATIONS))
            or any(GUARDS.get(g.group(), ("",))[0] != OTHER_TIME for g in _GUARDS.finditer(flat, start, stop))
        ):
            return None  # "X, som var inbjuden, deltog", "X, som planerar nästa sakråd, deltog": not read past
        # "X, som brukar leda sakråden, deltog": the relative clause's other time is its own; the verb after it
        # "X, som har ansvar för frågan, deltog": the relative clause holds no role or guard; the verb after it
        # "X, som ledde mötet som hölls den 3 maj, deltog", "X, som ledde förra årets sakråd, deltog": the
        # relative clause led another meeting; the verb after it
        return _role_at(roles, text, flat, stop + 1) if text.startswith(",", stop) else None
    if text.startswith(",", at):
        close = text.find(",", at + 1, at + 1 + APPOSITION_WINDOW)
        if close >= 0 and text.find(_END, at, close) < 0:
            found = _role_at(roles, text, flat, close + 1)  # one apposition, not another after it
            if found is not None:
                return found
        return _listed_before(roles, text, flat, at) if text.startswith(", ", at) else None
    return _role_at(roles, text, flat, at)


def _role_at(roles: LazyPattern, text: str, flat: str, at: int) -> re.Match[str] | None:
    """The role word after a space at ``at``: at once, after "som", after a copula (a role noun), or
    after a list of names; None if none is."""
    if not text.startswith(" ", at):
        return None
    at += 1
    if text.startswith(_SOM, at):
        role = roles.match(text, at + len(_SOM))
        return role if role is not None and role.group() not in PASSIVE_ROLE_WORDS else None
    role = roles.match(text, at)
    if role is not None:
        return role if role.group() not in PASSIVE_ROLE_WORDS | ROLE_NOUNS else None
    words = _WORDS.match(flat, at)
    if words is not None and words.group() in _COPULAS:
        after = words.end() + 1
        if (own := _MEETINGS_OWN.match(text, after)) is not None:  # "var mötets ordförande", "var tf. ordförande"
            after = own.end()
        role = roles.match(text, after)
        return role if role is not None and role.group() in ROLE_NOUNS else None
    return _listed_before(roles, text, flat, at - 1)


#: Words between a copula and a role noun that leave the role this meeting's: the meeting's genitive and an
#: acting holder's title ("var mötets ordförande", "var tillförordnad ordförande vid sakrådet", "was the
#: meeting's chair"); not "vice" (another's deputy) nor another body's genitive ("styrelsens ordförande").
_MEETINGS_OWN = LazyPattern(
    r"(?:(?:mötets|sakrådets|samrådets|dagens|dialogmötets|the|the meeting's|the consultation's|"
    r"tillförordnad|tillförordnade|t\.f\.|tf\.?|acting) )+"
)


def _listed_before(roles: LazyPattern, text: str, flat: str, at: int) -> re.Match[str] | None:
    """A name first in a list before the role's verb ("Anna Berg och statssekreterare Ulf Kristersson
    deltog"): "och", "samt" or a comma, then at most a few words (no preposition, copula, negation),
    then the role word, in the same sentence."""
    stop = text.find(_END, at, at + GAP_WINDOW)
    end = min(len(text), at + GAP_WINDOW) if stop < 0 else stop
    if not flat.startswith((", ", " och ", " samt ", " liksom ", " and "), at) or roles.search(text, at, end) is None:
        return None
    listed = False
    words = 0
    for word in _WORDS.finditer(flat, at, end):
        if word.group() in _LIST:
            listed = True
            continue
        if listed and words:
            role = roles.match(text, word.start())
            if role is not None:
                return role if role.group() not in PASSIVE_ROLE_WORDS | ROLE_NOUNS else None
        if not listed or word.group() in PREPOSITIONS or word.group() in _COPULAS or not _word(word.group()[0]):
            return None
        if _GUARDS.fullmatch(word.group()):
            return None
        words += 1
        if words > 2 * LIST_ITEM_WORDS:
            return None
    return None


def _titled(text: str, at: int, titles: tuple[str, ...]) -> int:
    """Where one of ``titles`` (folded) begins that stands as whole words just before ``at``, a space
    between; -1 if none does."""
    for title in titles:
        begin = at - len(title) - 1
        if begin >= 0 and text.startswith(title + " ", begin) and (begin == 0 or not _word(text[begin - 1])):
            return begin
    return -1


def _named_as(
    name: str,
    kind: str,
    text: str,
    titles: tuple[str, ...] = (),
    *,
    flat: str | None = None,
    title_words: frozenset[str] = frozenset(),
    years: frozenset[str] | None = None,
) -> bool:
    """Whether a sentence of the folded ``text`` (:func:`folded_text`) names ``name`` in the role of
    ``kind`` ('chair', 'convener', 'participant'): the name the subject (or one of the listed
    subjects) of the role word's clause (docs/load-checks.md). A role word before the name in its
    sentence, with only adverbs, an agent's "av", a copula after a role noun, titles and other listed
    names between, and after a Swedish verb an adverbial first in the clause (V2: "Den 5 februari
    bjöd statssekreterare X in"); or a role word after the name in its clause (at once, after "som",
    a copula, an apposition between commas or a list), the name not right after a preposition. Either
    way not given as someone's superior, and no negation, plan or invitation received in the clause.
    With ``titles`` (a surname alone), only an occurrence right after one of the person's post titles
    counts ("energi-och näringsminister Busch bjöd in"). ``flat`` is :func:`_flat` of ``text`` where
    the caller has it; ``title_words`` the words of the data's post labels.

    One walk through the name's occurrences: between two of them the sentence ends and the role words
    are each found once, and around each a bounded look (:data:`GAP_WINDOW`, :data:`CLAUSE_WINDOW`,
    :data:`APPOSITION_WINDOW`), so the time is linear in the text however often the name or the words
    occur.
    """
    value = folded(name)
    if not value:
        return False
    flat = _flat(text) if flat is None else flat
    known = title_words | frozenset(w for t in titles for w in t.split(" ") if w not in PREPOSITIONS)
    roles = _ROLES[kind]
    last: re.Match[str] | None = None  # the last role word before the name
    end = -1  # the last end of a sentence before the name
    cursor = 0
    for start, stop in find_words(value, flat):
        at = start
        if (found := text.rfind(_END, cursor, at)) >= 0:
            end = found
        for role in roles.finditer(text, cursor, at):
            last = role
        cursor = max(cursor, at)
        if stop < len(flat) and flat[stop] == "s":  # a genitive is not the subject ("Anna Bergs kollega")
            continue
        if _REPLACED.match(flat, stop) is not None:  # "Ordförande: A (ersatt av B)", "A, som ersattes av B"
            continue
        if titles:  # the person's own title is not a superior's ("statssekreterare hos … Kessling")
            at = _titled(text, at, titles)
            if at < 0:
                continue
        sentence = _sentence(text, at, stop)
        if _another_meeting(flat, *sentence, years):  # "Förra årets sakråd leddes av X"
            continue
        if kind != "convener" and called_off_said(flat, *sentence, ""):  # no one chaired or took part in it
            continue
        if last is not None and _labelled(last, text, flat, end, at, known) and not _guarded(text, flat, at, stop):
            return True  # "Ordförande: Anna Berg; sekreterare: …"
        if last is not None and last.end() > end and _before_ok(last, text, flat, at, known):
            if not _AS_SUPERIOR.search(text, max(last.end(), at - SUPERIOR_WINDOW), at):
                # "Därefter ledde Anna Berg arbetet med …": what the verb led follows the name
                if other_object(flat, last.group().rpartition(" ")[2], stop) is None and (
                    kind != "chair" or _part_chaired(flat, last, stop, end + 1) is None
                ):
                    return True
        done = _DONE_ROLES[kind]
        if (
            (did := _DID_SO.match(flat, stop)) is not None
            and not _NEGATIONS.match(flat, did.end() + 1)
            and done.search(text, max(0, at - CLAUSE_WINDOW), at) is not None
            and not _guarded_after_so(text, flat, at, did.end())
        ):
            return True  # "A ledde inte sakrådet, men B gjorde det", "A did not chair the meeting; B did."
        if (
            any(p.search(flat, max(0, at - 60), at) is not None for p in (_IT_DID, _REPLACED_BY))
            and not _NEGATIONS.match(flat, stop + 1)
            and done.search(text, max(0, at - CLAUSE_WINDOW), at) is not None
        ):
            # "A ledde inte sakrådet; det gjorde B", "… – det gjorde B", "… . Det gjorde B.", "A skulle ha lett
            # sakrådet men ersattes av B", "A (ersatt av statssekreterare B)"
            return True
        gloss = flat.startswith(")", stop) and _ENGLISH_NAMED.fullmatch(flat, end + 1, at) is not None
        role = _role_after(roles, text, stop + 1 if gloss else stop, flat)  # "The Ministry … (X) convened …"
        if (
            role is not None
            and not _of_another_body(flat, role)
            and other_object(flat, role.group().rpartition(" ")[2], role.end()) is None
            and (kind != "chair" or _part_chaired(flat, role, role.end(), end + 1) is None)
            and (text.startswith(_SOM, role.start() - len(_SOM)) or not _governed(text, flat, at, known))
            and not _guarded(text, flat, at, role.end())
            and not _AS_SUPERIOR.search(text, max(end, at - SUPERIOR_WINDOW), at)
        ):
            return True
    return False


#: A part of the meeting as the object of a chair's verb ("ledde en av gruppdiskussionerna", "ledde
#: diskussionen om skolan", "ledde eftermiddagens workshop", "chaired one of the breakout sessions"): who
#: leads a part is not the meeting's chair. Not this meeting's noun, alone or with its topic ("ledde
#: mötet om handlingsplanen"), nor "ledde samtalet" or "diskussionen" alone (the sakråd's own talk).
_PART_LED = LazyPattern(
    r" (?:(?:även|också|sedan|därefter|då|then|also) )*(?:"
    r"(?:en|ett|någon|några|två|tre|one|two|some|several|flera) (?:av|of)(?!\w)"
    r"|(?:delar|del|part|parts) (?:av|of)(?!\w)"
    r"|(?:förmiddagens|eftermiddagens|kvällens|morgonens|dagens (?:första|andra|tredje|sista)|the (?:morning|"
    r"afternoon|evening)(?:'s)?) [\w-]+"
    r"|(?:sakrådets|mötets|samrådets|the meeting's) (?:första|andra|tredje|sista|avslutande|inledande|first|"
    r"second|third|last|closing|opening) [\w-]+"
    r"|(?:den |det |the )?(?:första|andra|tredje|sista|avslutande|inledande|first|second|third|last|closing|"
    r"opening) (?:delen|passet|sessionen|diskussionen|samtalet|part|session|discussion)(?!\w)"
    r"|(?:[\w-]*(?:gruppdiskussion|diskussionsgrupp|samtalsgrupp|workshop|paneldiskussion|paneldebatt|"
    r"breakout)[\w-]*|panelen|passet|sessionen|grupperna|gruppen|the panel|the session|the workshop|"
    r"(?:the |a )?(?:group|breakout) [\w-]+)(?!\w)"
    r"|(?:diskussionen|diskussionerna|samtalet|samtalen|dialogen|debatten|the discussion|the discussions|"
    r"the conversation|the debate|the dialogue) (?:om|kring|runt|angående|rörande|on|about|of|regarding)(?!\w)"
    r")"
)
#: The chair's verbs whose object :data:`_PART_LED` reads (the active ones; a passive's subject is read
#: before it, :func:`_part_chaired`).
_CHAIR_VERBS = frozenset("ledde leder leda lett höll håller modererade modererar chaired chairs chair led".split())
_CHAIR_PASSIVES = frozenset("leddes leds ledd modererades modereras".split())
_PART_SUBJECT = LazyPattern(
    r"(?:(?:en|ett|någon|one) (?:av|of) [\w-]+|[\w-]*(?:gruppdiskussion|diskussionsgrupp|samtalsgrupp|workshop|"
    r"paneldiskussion|paneldebatt|breakout)[\w-]*|panelen|passet|sessionen|(?:diskussionen|samtalet|dialogen) "
    r"(?:om|kring|runt) [\w-]+|(?:förmiddagens|eftermiddagens|kvällens|morgonens) [\w-]+|the (?:panel|session|"
    r"workshop|discussion on [\w-]+)|the (?:morning|afternoon|evening)(?:'s)? [\w-]+|one of the [\w-]+)"
    r"(?: [\w-]+)?,? $"
)


def _part_chaired(flat: str, role: re.Match[str], after: int, clause: int) -> str | None:
    """The part of the meeting a chair's word ``role`` leads, not the meeting (:data:`_PART_LED`): its
    object after ``after`` (the verb's end, or the name's after a fronted verb), or a passive's subject
    before it from ``clause`` on ("En av gruppdiskussionerna leddes av X"); None if it leads the meeting."""
    verb = role.group().split(" ")[0]
    if verb in _CHAIR_VERBS and (part := _PART_LED.match(flat, after)) is not None:
        return part.group().strip()
    if verb in _CHAIR_PASSIVES or role.group().endswith((" by", " av")) or flat.startswith(" by ", role.end()):
        subject = _PART_SUBJECT.search(flat, max(clause, role.start() - 80), role.start())
        if subject is not None:
            return subject.group().strip(" ,")
    return None


#: An English name opening its sentence with a Swedish name glossing it in parentheses ("The Ministry of
#: Health and Social Affairs (Socialdepartementet) convened …"): the Swedish name is the subject of the
#: role word after the parenthesis.
_ENGLISH_NAMED = LazyPattern(r"[\s*#>-]*the [a-z][\w ,&'-]{1,80} \(")


def _labelled(role: re.Match[str], text: str, flat: str, end: int, at: int, titles: frozenset[str]) -> bool:
    """Whether the role noun ``role`` is a label whose colon ends the sentence at ``end`` right before the
    name at ``at`` ("Ordförande: Anna Berg; sekreterare: …"), only titles between: the label's name. A
    name after another label ("sekreterare:") has that label's end before it, not this one's."""
    if role.group() not in ROLE_NOUNS or role.end() + 1 != end or not text.startswith(":", role.end()):
        return False
    return all(_title(w, titles) or w in HONORIFICS for w in _WORDS.findall(flat, end + 1, at))


#: The words between "på plats" and the name after it ("På plats från departementet fanns X", "På plats
#: var även X"): a body it came from, a copula and adverbs.
_PRESENT_THERE = LazyPattern(
    r"(?: (?:från|för) [\w-]+(?: [\w-]+)?)?,? (?:fanns|var|sågs)(?: (?:även|också|dessutom|bland annat))* "
)
#: A cleft denying its subject the role word after it ("Det var inte A som ledde sakrådet, utan B", "It
#: was not A who chaired the meeting but B"): the one after "utan"/"but" holds it.
_CLEFT_NOT = LazyPattern(r"(?<!\w)(?:det var|it was) (?:inte|not) (?:[\w.-]+ ){1,5}(?:som|who|that) $")


def _before_ok(role: re.Match[str], text: str, flat: str, at: int, titles: frozenset[str]) -> bool:
    """Whether the role word ``role`` before a name starting at ``at`` names it in the role (see
    :func:`_named_as`): a gap of at most :data:`GAP_WINDOW` characters that :func:`_gap_ok` accepts,
    a fronted clause after a Swedish verb, no guard word in the clause."""
    word = role.group()
    if at - role.end() > GAP_WINDOW or word in OBJECT_ROLE_WORDS:
        return False
    gap = _WORDS.findall(flat, role.end(), at)
    lo = role.start()
    if word == "på plats":
        # "På plats (från departementet) fanns X": the name is the subject after the verb
        return bool(_PRESENT_THERE.fullmatch(flat, role.end(), at)) and not _guarded(text, flat, lo, at)
    if (
        2 <= len(gap) <= 4
        and gap[-2:] in (["tillsammans", "med"], ["together", "with"])
        and "," not in gap
        and (word in CHAIR_WORDS or word in CONVENER_WORDS)
    ):
        # "A ledde sakrådet tillsammans med B": B holds the role with A, unless the verb's object is another
        verb = word.rpartition(" ")[2]
        return other_object(flat, verb, role.end()) is None and not _guarded(text, flat, lo, at)
    if (
        gap[-2:] in ([",", "utan"], [",", "but"])
        and len(gap) <= 5
        and _CLEFT_NOT.search(flat, max(0, lo - CLAUSE_WINDOW), lo) is not None
    ):
        # "Det var inte A som ledde sakrådet, utan B": the role is B's, the negation A's
        return True
    contrast = next((w for w in ("utan", "but") if w in gap), None)
    instead = False
    if contrast is not None and (
        any(_NEGATIONS.fullmatch(w) for w in gap[: gap.index(contrast)])
        or _NEGATIONS.search(flat, max(0, lo - 5), lo) is not None
    ):
        # "Sakrådet leddes inte av X utan av Y", "The meeting was not convened by X but by Y", "X bjöd inte in
        # till sakrådet, utan Y": the role word's negation is X's; Y holds the role after "utan"/"but"
        rather = max(_BUT_RATHER.finditer(flat, role.end(), at), key=lambda m: m.start(), default=None)
        if rather is None:
            return False
        # an active verb's Y is its subject only where no object stands before "utan" ("bjöd inte in A utan B"
        # invited B)
        instead = all(w in _NOT_THEN for w in gap[: gap.index(contrast)])
        gap, lo = _WORDS.findall(flat, rather.end(), at), rather.end()
        if word.endswith((" by", " av")) and gap[:1] in (["by"], ["av"]):
            gap = gap[1:]  # "was not convened by X but by Y": the role word's own agent word
    if not _gap_ok(word, gap, titles):
        return False
    # "X deltog, liksom Y": Y is a subject of the verb as X is, whatever stands first
    swedish_verb = word not in PASSIVE_ROLE_WORDS | ROLE_NOUNS | ENGLISH_ROLE_VERBS and "liksom" not in gap[:2]
    if (
        swedish_verb
        and not instead
        and not _fronted(_WORDS.findall(flat, _clause_start(text, role.start()), role.start()))
    ):
        return False
    return not _guarded(text, flat, lo, at)


def _titles_and_surnames(corpus: Corpus) -> tuple[dict[str, tuple[str, ...]], dict[str, int]]:
    """Each person's post titles (the labels of the posts they hold, folded) and how many people of
    the data have each surname (the last word of the folded name)."""
    labels = {p.id: [t for t in (p.label.sv, p.label.en) if t] for p in corpus.posts}
    titles = {
        person.id: tuple(dict.fromkeys(folded(t) for h in person.holds for t in labels.get(h.post, []) if folded(t)))
        for person in corpus.people
    }
    surnames: dict[str, int] = defaultdict(int)
    for person in corpus.people:
        surnames[folded(person.name).rsplit(" ", 1)[-1]] += 1
    return titles, surnames


def _named_in_role(
    person: Person,
    kind: str,
    text: str,
    titles: dict[str, tuple[str, ...]],
    surnames: dict,
    flat: str | None = None,
    title_words: frozenset[str] = frozenset(),
    years: frozenset[str] | None = None,
) -> bool:
    """Whether ``text`` names ``person`` in the role of ``kind``: by their full name, or by their
    surname alone right after the title of a post they hold, where no other person of the data has
    that surname. ``title_words``: the words of the data's post labels, titles a name may follow."""
    flat = _flat(text) if flat is None else flat
    if _named_as(person.name, kind, text, flat=flat, title_words=title_words, years=years):
        return True
    surname = folded(person.name).rsplit(" ", 1)[-1]
    if " " not in folded(person.name) or surnames.get(surname, 0) != 1 or not titles.get(person.id):
        return False
    return _named_as(surname, kind, text, titles[person.id], flat=flat, title_words=title_words, years=years)


def _where(lines: object, name: str, fallback: Where) -> Where:
    return lines.where(name) if lines is not None else fallback  # type: ignore[attr-defined]


#: What each kind of fact needs of the kept text (docs/load-checks.md), for the message refusing it.
_EXPECTED = {
    "verbatim": "its Swedish text word for word as the kept text writes it ('…' standing for words left out)",
    "quotation": "each quotation (in quotation marks) word for word as the kept text writes it ('…' standing "
    "for words left out), or the words 'inte med i den bevarade texten' / 'not in the kept text' before a "
    "quotation taken from elsewhere",
    "place": "the place where the text says the meeting was held ('hölls i', 'genomförs i', 'ett möte i', 'Plats:' …)",
    "convening body": "the body named calling the sakråd ('bjuder in', 'bjöd in', 'höll', 'invited' …) as the "
    "subject of its clause",
    "question": "each question whole (from where the text's question begins to where it ends), a question "
    "(ending with '?' or under a heading or lead-in of asking) and the questions in the text's order",
    "name": "the name on its own, not only inside a longer name",
    "count": "the count's words in a sentence of this sakråd saying how many took part (organisation_count, "
    "participant_count: 'deltog', 'samlades', 'kom' …) or were invited (invited_count: 'bjöds in', 'inbjudna' "
    "…), not negated, planned or put as a condition, with the words before them that bound or round the "
    "number ('inte fler än 20': bound: at-most)",
    "area": "the area's words verbatim, in a sentence saying it was discussed ('diskuterades', 'lyftes', 'togs "
    "upp' …) with no negation in its clause ('diskuterades inte'), not only one announcing it ('kommer att "
    "diskuteras', 'ska diskuteras': announced_discussion_areas)",
    "announced area": "the area's words verbatim, in a sentence announcing it for discussion ('Vid sakrådet kommer "
    "… att diskuteras', 'Vi kommer att diskutera', 'ska diskuteras') or saying it is discussed, with no "
    "negation in its clause",
    "agency": "the agency named on its own (not only inside a longer name) in a sentence that does not say "
    "it was only invited, did not take part or is to, nor is about another meeting",
    "body": "the body named on its own in a sentence with a word of its taking part ('deltog', 'medverkade', "
    "'presenterade' …), not saying it was only invited, did not take part or is to",
    "organisation": "the organisation named on its own (not only inside a longer name, such as a local "
    "branch's) in a sentence that does not say it was only invited or did not take part",
}


#: What a role's words are, for the message naming a person the kept text holds but not in the role.
_ROLE_WORDS_SAID = {
    "chair": "chairing ('leddes av', 'ledde', 'ordförande' …)",
    "convener": "calling the sakråd ('bjöd in', 'höll', 'värd' …)",
    "participant": "taking part ('deltog', 'medverkade', 'inledde', 'presenterade', 'informerade' …)",
}


def _error(
    where: Where, what: str, value: str, source: str, file: str | None, why: str = "", kind: str = ""
) -> InputError:
    return InputError(
        where,
        f"{what} {_quoted(value)} is credited to {_quoted(source)}, whose kept text ({_listed([str(file)])}) "
        + (why or "does not hold it"),
        f"{what} as the kept text words it, as whole words (case, white space and Unicode forms aside)"
        + (f": {_EXPECTED[kind]}" if kind in _EXPECTED else ""),
        # the text holds the value but not as this fact: copying it again cannot help
        "credit the fact to the document that states it (fact_sources or the record's source:), or leave it "
        "out (a note may say what the text says instead)"
        if why
        else "copy it from the text, or credit the fact to the document that states it (fact_sources or the "
        "record's source:)",
    )


def _role_said(name: str, kind: str, text: str, flat: str) -> str:
    """What the first sentence holding the folded ``name`` and a role word of ``kind`` says instead of the
    role: "'…' says a negation ('inte')", "'…' is about another meeting"; "" where none of them says
    anything else (the name is not the role word's subject)."""
    roles = _ROLES[kind]
    for a, b in find_words(name, flat):
        lo, hi = _sentence(text, a, b)
        role = next(roles.finditer(text, lo, hi), None)
        if role is None:
            continue
        sentence = _quoted(flat[lo:hi].strip())
        if _another_meeting(flat, lo, hi):
            return f"its sentence {sentence} is about another meeting"
        found = _role_guard(text, flat, min(a, role.start()), max(b, role.end()))
        if found is not None:
            word, what = found
            return f"its sentence {sentence} says {_KIND_SAID.get(what, what)} ({word!r}), not that they held the role"
    return ""


def _named_elsewhere(person: Person, kind: str, text: str, flat: str, titles: dict[str, tuple[str, ...]]) -> str | None:
    """Why a person the text does not name in the role of ``kind`` is refused where the text holds
    their name (or their surname after a title of a post they hold): it names them, but not as the
    subject of the role's word in a clause about this sakråd; None where the text does not hold the name."""
    name = folded(person.name)
    found = next(find_words(name, flat), None) is not None
    surname = name.rsplit(" ", 1)[-1]
    if not found and " " in name and titles.get(person.id):
        found = any(_titled(text, a, titles[person.id]) >= 0 for a, _ in find_words(surname, flat))
    if not found:
        return None
    said = _role_said(name, kind, text, flat)
    if said:
        return f"names {_quoted(person.name)} with a word of {_ROLE_WORDS_SAID.get(kind, kind)}, but {said}"
    return (
        f"names {_quoted(person.name)} but not as the subject of a word of {_ROLE_WORDS_SAID.get(kind, kind)} "
        "in a clause about this sakråd (nor after such a word with only titles, adverbs or other names between)"
    )


def data_names(corpus: Corpus) -> list[str]:
    """Every name of the data's organisations and bodies, folded: a guard word inside one is the name's
    (:func:`~sakrad_ld.clauses.names_read`)."""
    return [folded(n) for o in corpus.organisations for n in (o.name, *o.alt_names, o.legal_name) if n] + [
        folded(b.name.sv) for b in corpus.bodies if b.name and b.name.sv
    ]


def check_stated(corpus: Corpus) -> list[InputError]:
    """The facts credited to a source whose text is kept that the text does not hold, an organiser a
    meeting's note says is not stated, and a holding credited to a document the person's ``sources``
    do not name; a guard word inside a name of the data is the name's (:func:`data_names`)."""
    with names_read(data_names(corpus)):
        return _check_stated(corpus)


def _check_stated(corpus: Corpus) -> list[InputError]:
    files = {s.id: s.file for s in corpus.sources}
    kept = corpus.copies
    people = {p.id: p for p in corpus.people}
    bodies = {b.id: b for b in corpus.bodies}
    organisations = {o.id: o for o in corpus.organisations}
    # every fact to look up, in the order its error is given: (where, what, the value quoted, the
    # values any of which is enough, source, kind), or an error found without a kept text
    facts: list[tuple[Where, str, str, list[str], str, str] | InputError] = []
    for org in corpus.organisations:
        for fact, values in (("name", [org.name]), ("alt_names", org.alt_names), ("legal_name", [org.legal_name])):
            # the name is its first source's; other names are checked where fact_sources credits them
            # the name and other names are credited to fact_sources' document, else the first source (as
            # the release credits them); an other name is found on its own, not only inside the full name
            # ("Röda Korset" in "Svenska Röda Korset"); a legal name where fact_sources credits it
            source = credited(org, fact, first=fact != "legal_name")
            for value in values:
                if value and source in kept:
                    where = _where(org.lines, fact, Where(Path("organisations.yaml"), 0, fact))
                    facts.append(
                        (where, f"the organisation's {fact.replace('_', ' ')}", value, [value], source, "name")
                    )
    for person in corpus.people:
        source = person.sources[0] if person.sources else None
        if source in kept:
            where = _where(person.lines, "name", Where(Path("people.yaml"), 0, "name"))
            facts.append((where, "the person's name", person.name, [person.name], source, "text"))
        facts.extend(_holdings(person))
    for body in corpus.bodies:
        source = body.sources[0] if body.sources else None
        if source in kept:
            where = _where(body.lines, "name", Where(Path("bodies.yaml"), 0, "name"))
            facts.append((where, "the body's name", body.name.sv, [body.name.sv], source, "text"))
    facts.extend(_descriptions(corpus))
    facts.extend(_counted_nouns(corpus))
    # a meeting's fact's index -> the meeting's years (its date's and days'): a sentence about a meeting
    # of another year ("Sakrådet 2023 hölls i Uppsala") states nothing of this one
    years: dict[int, frozenset[str]] = {}
    published = {s.id: s.published for s in corpus.sources}  # a kept text's publication: "i höstas" is read by it
    for m in corpus.meetings:
        facts.extend(_organiser(m) + _announced_areas(m))
        for where, what, value, source, kind in _meeting_facts(m, people, bodies, organisations, kept):
            if source not in kept:
                continue
            years[len(facts)] = meeting_time([m.date, *(m.days or [])], published.get(source))
            if kind == "organisation":
                org = organisations[value]
                facts.append(
                    (
                        where,
                        what,
                        org.name,
                        [n for n in [org.name, *org.alt_names, org.legal_name] if n],
                        source,
                        "organisation",
                    )
                )
            elif kind == "place":  # a plan states the place of a meeting announced only (placed.place_guard)
                facts.append((where, what, value, [value, "announced" if m.announced_only else ""], source, kind))
            elif kind in (
                "text", "verbatim", "quotation", "convening body", "area", "announced area", "body", "agency"
            ):  # fmt: skip
                facts.append((where, what, value, [value], source, kind))
            elif kind == "question":
                facts.append((where, what, value, [value, m.id], source, kind))
            elif kind == "count":  # the words, the field, the value, the mark
                facts.append((where, what, value.split("\x00", 1)[0], value.split("\x00"), source, kind))
            else:  # a role: the value is the person's id
                facts.append((where, what, people[value].name, [value], source, kind))
    # one kept text at a time, folded once: its facts are looked up in it and it is let go
    by_source: dict[str, list[int]] = defaultdict(list)
    for i, fact in enumerate(facts):
        if not isinstance(fact, InputError):
            by_source[fact[4]].append(i)
    missing: dict[int, str] = {}  # the fact's index -> why it is not found ("" for not at all)
    longer: dict[str, dict[tuple[int, int], frozenset[str]]] = {}  # a name -> the longer names it stands in
    titles, surnames = _titles_and_surnames(corpus)
    title_words = frozenset(w for t in set().union(*titles.values()) for w in t.split(" ") if w not in PREPOSITIONS)
    names = (
        _longer_names(corpus)
        if any(not isinstance(f, InputError) and f[5] in ("name", "organisation", "agency", "body") for f in facts)
        else {}
    )
    for source, indices in by_source.items():
        text = folded_text(kept[source])
        flat = _flat(text)
        asked: dict[str, int] = {}  # a meeting's id -> where its last question found ends
        headings: dict[int, tuple[int, int] | None] = {}  # a list item's start -> its list's heading
        places = _places(shown(kept[source]))
        notes = footnotes_read(kept[source])  # its footnotes, which may take back who took part
        for i in indices:
            _, _, _, values, _, kind = facts[i]  # type: ignore[misc]
            year = years.get(i)
            why: str | None = ""
            if kind == "text":
                why = "" if any(_found(value, flat) for value in values) else None
            elif kind in ("verbatim", "quotation"):
                why = "" if _found_in_order(values[0], flat) else None
            elif kind == "name":
                why = _named(values, text, flat, names, places, listed=False, cache=longer)
            elif kind in ("organisation", "agency", "body"):
                why = _named(
                    values, text, flat, names, places, listed=True, cache=longer, headings=headings,
                    taking_part=kind == "body", years=year, notes=notes,
                )  # fmt: skip
            elif kind == "place":
                why = (
                    ""
                    if _held_at(values[0], text, flat, year)
                    else _fronted_place(values[0], text, flat, year, announced=bool(values[1]))
                )
                why = _elsewhere(values[0], flat, "place") if why is None else why
            elif kind == "convening body":
                named = _named_as(values[0], "convener", text, flat=flat, title_words=title_words, years=year)
                why = "" if named else _elsewhere(values[0], flat, kind)
            elif kind in ("area", "announced area"):
                said = discussion(values[0], text, flat, headings, year)
                if said == "planned" and kind == "area":
                    why = _ELSEWHERE["planned"]  # announced before the sakråd: not said to be discussed
                elif said == "said" and (denied := _area_denied(values[0], text, flat, year)):
                    why = f"says it was discussed, but another sentence says it was not: {denied}; a contradiction to resolve"
                else:
                    why = "" if said else (_area_said(values[0], text, flat, year) or _elsewhere(values[0], flat, kind))
            elif kind == "question":
                why = _asked(values[0], values[1], text, flat, asked, headings, year)
            elif kind == "count":
                why = _count_said(*values, text, flat, year)
                if why == "":  # held as the count: not taken back, nor given otherwise, elsewhere in the text
                    why = count_taken_back(*values, kept[source], year) or ""
            else:
                person = people[values[0]]
                found = _named_in_role(person, kind, text, titles, surnames, flat, title_words, year)
                why = "" if found else _named_elsewhere(person, kind, text, flat, titles)
            if why is None:
                missing[i] = ""
            elif why:
                missing[i] = why
            if i in missing and (said := _hidden_saying(facts[i][2], kept[source], flat)):  # type: ignore[index]
                missing[i] = said
        del text, flat
    return [
        fact if isinstance(fact, InputError) else _error(*fact[:3], fact[4], files[fact[4]], missing[i], fact[5])
        for i, fact in enumerate(facts)
        if isinstance(fact, InputError) or i in missing
    ]


def _hidden_saying(value: str, raw: str, flat: str) -> str | None:
    """Why a fact the kept text ``raw`` shows nowhere (``flat``) is refused where only its hidden text
    holds it (:func:`sakrad_ld.markup.hidden_parts`: a comment, struck-through words): such text states
    nothing. None where no hidden part holds it, or the shown text does."""
    if not value or _found(value, flat):
        return None
    for kind, words in hidden_parts(raw):
        if _found(value, flat_text(words)):
            shown_words = words if len(words) <= 120 else words[:119] + "…"
            return (
                f"holds it only in {kind} ({_quoted(shown_words)}), which its reader is not shown: hidden or "
                "struck-through text states nothing"
            )
    return None


# --- Names on their own, places where the meeting was held, whole questions, quotations ----------------


def _longer_names(corpus: Corpus) -> dict[str, list[str]]:
    """Every name of the data's organisations and bodies (folded), under each of its words: the longer
    names a name may stand inside ("studieförbundet bilda" inside "studieförbundet bilda i linköping")."""
    index: dict[str, list[str]] = defaultdict(list)
    every = {folded(n) for o in corpus.organisations for n in (o.name, *o.alt_names, o.legal_name) if n} | {
        folded(b.name.sv) for b in corpus.bodies if b.name and b.name.sv
    }
    for name in sorted(every):
        for word in set(name.split(" ")):
            index[word].append(name)
    return index


#: Words of taking part that confirm a listed organisation where its sentence also says it was invited.
_TAKING_PART = _role_words(
    (
        "deltog",
        "deltar",
        "deltagit",
        "medverkade",
        "medverkar",
        "närvarade",
        "var med",
        "fanns med",
        "på plats",
        "took part",
        "taking part",
        "participated",
        "participating",
        "attended",
        "joined the meeting",
        "joined the consultation",
        "deltagande",
        "deltagare",
        "representerades",
        "företräddes",
        "represented",
    )  # fmt: skip
)
_NEGATIONS = _role_words(("inte", "ej", "aldrig", "icke", "not", "never", "cannot"))
#: Words saying a sentence is about another meeting than the one the data describes ("Ett tidigare
#: sakråd om GJP hölls i Malmö", "Förra årets sakråd leddes av …", "Nästa möte hålls i Göteborg"): a
#: word of another time before a meeting's noun (a word or two between), or another year's: such a
#: sentence states no place, chair, convener, participant or date of this one.
OTHER_MEETING_WORDS = (
    "tidigare", "förra", "föregående", "nästa", "kommande", "nästkommande", "framtida", "fler", "ytterligare",
    "senare", "previous", "next", "upcoming", "earlier", "future", "further", "another", "former", "later",
)  # fmt: skip
#: Words of a like or another meeting before its noun, a word between at most, not after "bland" ("Ett
#: liknande sakråd", "Ett annat möte"; not "bland annat ett sakråd").
LIKE_MEETING_WORDS = ("liknande", "annat", "annan", "motsvarande", "similar")
_OTHER_MEETING = LazyPattern(
    r"(?<!\w)(?:(?:"
    + "|".join(OTHER_MEETING_WORDS)
    + r")(?! (?:än|than)(?!\w))(?: (?:årets|års|veckans|månadens|year's|week's|month's))?(?: [\w-]+){0,2}? "
    r"(?:sakråd|samråd|möte|träff|dialogmöte|meeting|consultation)\w*|förra årets|förra året|i fjol|nästa år"
    # a like or another meeting ("Ett liknande sakråd", "Ett annat möte", "Fjolårets sakråd"), not "bland annat"
    r"|(?<!bland )(?:" + "|".join((*LIKE_MEETING_WORDS, "fjolårets")) + r")(?: [\w-]+)? "
    r"(?:sakråd|samråd|möte|träff|dialogmöte|meeting|consultation)\w*"
    r"|last year's|last year|next year"
    # another time the organisations met: "nästa gång", "förra gången", "föregående år", "next time"
    r"|nästa gång|förra gången|förra tillfället|nästa tillfälle|ett senare tillfälle|ett tidigare tillfälle"
    r"|föregående år|föregående års|next time|last time"
    # a meeting of another time standing for its noun, the subject of its verb: "Det förra hölls i Malmö",
    # "Nästa hålls i Umeå", "The previous one was held in Malmö", "the first one had 40 participants"
    r"|(?:(?:det|den) (?:förra|föregående|första|andra|tredje|tidigare|kommande|nästa)|nästa) (?:hölls|hålls|"
    r"hållits|ägde|äger|genomfördes|genomförs|skedde|sker|leddes|leds|samlade|samlar|hade|har|var|är|blev|blir|"
    r"kommer|ska|skulle)"
    r"|the (?:previous|last|next|first|second|third|earlier|former|upcoming|following|other) one(?! (?:of|to|who|that))"
    r")(?!\w)"
)
#: Words of holding after the subject of :data:`_FOLLOWING_MEETING`: a meeting said to be held as one more,
#: not one invited to ("bjuder in till ett uppföljande sakråd" may be the page's own meeting).
_HELD_AFTER = (
    r"(?:hölls|hålls|genomfördes|genomförs|ägde rum|äger rum|anordnades|anordnas|arrangerades|arrangeras|"
    r"planeras|är planerat|was held|is held|will be held|took place|takes place)(?!\w)"
)
#: Words before an indefinite meeting's noun that make it one more than a meeting the text has spoken of
#: before ("Ett uppföljande sakråd hålls …", "Ett nytt sakråd hölls …", "Ett andra sakråd …", "a follow-up
#: meeting"), its subject held ("hölls", "hålls", "äger rum" …, not "bjuder in till ett nytt sakråd"):
#: another meeting, as "nästa sakråd" is, where the text names a meeting before the sentence.
FOLLOWING_MEETING_WORDS = (
    "uppföljande", "efterföljande", "påföljande", "nytt", "ny", "andra", "tredje", "fjärde", "femte", "extra",
    "follow-up", "new", "second", "third", "fourth", "additional",
)  # fmt: skip
_FOLLOWING_MEETING = LazyPattern(
    r"(?<!\w)(?:ett|en|a|an) (?:" + "|".join(FOLLOWING_MEETING_WORDS) + r")(?: [\w-]+)? "
    r"(?:sakråd|samråd|möte|träff|dialogmöte|meeting|consultation)\w*(?: [\w-]+){0,5}? " + _HELD_AFTER
)
#: An indefinite meeting held "även"/"också"/"also" ("Ett sakråd med samma tema hölls även den 5 maj",
#: "Det hölls också ett sakråd …", "A meeting was also held …"): one more meeting than the one spoken of.
_ALSO_HELD = LazyPattern(
    r"(?<!\w)(?:(?:ett|en|a|an) (?:[\w-]+ )?(?:sakråd|samråd|möte|träff|dialogmöte|meeting|consultation)\w*"
    r"(?: [\w-]+){0,5}? (?:hölls|hålls|genomfördes|genomförs|ägde rum|äger rum|anordnades|anordnas|arrangerades|"
    r"was|is|were)(?: [\w-]+)? (?:även|också|dessutom|also)|(?:hölls|hålls|genomfördes|genomförs|anordnades|"
    r"arrangerades) (?:även|också|dessutom) (?:ett|en) (?:[\w-]+ )?(?:sakråd|samråd|möte|träff|dialogmöte)\w*)(?!\w)"
)
#: A meeting's noun: a text that names one before a sentence may speak of another one in it.
_EARLIER_MEETING = LazyPattern(r"(?<!\w)(?:sakråd|samråd|möte|dialogmöte|meeting|consultation)\w*")
#: A season's meeting ("Höstens sakråd", "Vårens möte", "the autumn meeting"): another meeting than
#: the one the data describes, whatever its year.
SEASON_WORDS = ("höstens", "vårens", "sommarens", "vinterns", "autumn", "spring", "summer", "winter", "fall")
_MEETING_NOUN = r"(?:sakråd|samråd|möte|träff|dialogmöte|meeting|consultation)\w*"
_SEASON_MEETING = LazyPattern(
    r"(?<!\w)(?:" + "|".join(SEASON_WORDS) + r")(?:'s)?(?: [\w-]+)? " + _MEETING_NOUN + r"(?!\w)"
)
#: A year written before or after a meeting's noun ("Sakrådet 2023", "2023 års sakråd", "sakrådet i
#: maj 2023", "the 2023 meeting", after its topic: "ett sakråd om demokrati 2023"): that year's meeting,
#: another one unless the year is this meeting's.
_MONTHS = (
    "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|hösten|våren|"
    "sommaren|vintern|january|february|march|may|june|july|august|october|autumn|spring|summer|winter"
)
_YEAR_MEETING = LazyPattern(
    r"(?<![\w-])((?:19|20)\d\d)(?: års(?: [\w-]+)?)? " + _MEETING_NOUN + r"(?!\w)"
    r"|(?<!\w)"
    + _MEETING_NOUN
    + r"(?P<topic> (?:om|on|about)(?: [\w-]+){1,3}?)? (?P<when>(?:(?:i|under|från|den|in|of|held in|from) )?"
    r"(?:(?:\d{1,2} )?(?:" + _MONTHS + r") )?)((?:19|20)\d\d)(?:-\d\d(?:-\d\d)?)?(?![\d-])"
)
#: Words that name a programme or strategy with its target year ("Agenda 2030", "Europa 2020-strategin",
#: "Vision 2030", "Horisont 2020"): a meeting's topic, not its time.
_NAMED_YEAR = frozenset("agenda vision europa horisont horizon strategi strategin mål målen".split())


def _topic_name(found: re.Match[str], years: frozenset[str]) -> bool:
    """Whether the year :data:`_YEAR_MEETING` found after a meeting's topic ("sakrådet om Agenda 2030") is
    part of the topic's name, not the meeting's time: the year follows the topic's words with no word of
    time or month between, and a word of :data:`_NAMED_YEAR` comes right before it, or it is later than
    every year of the meeting (a target year: "om Vision 2040" at a meeting of 2024)."""
    if not found.group("topic") or found.group("when"):
        return False
    after = _TIME_AFTER_TOPIC.match(found.string, found.end())
    if after is not None and after.group(1) not in years:
        return False  # "sakrådet om Agenda 2030 i mars 2023": another year's time follows the name
    year = found.group(4)
    return found.group("topic").split()[-1] in _NAMED_YEAR or (bool(years) and all(year > y for y in years))


#: A time right after a topic's name with its year ("… om Agenda 2030 i mars 2023", "… den 3 maj 2023").
_TIME_AFTER_TOPIC = LazyPattern(
    r" (?:i|under|från|den|in|of|held in|from) (?:(?:\d{1,2} )?(?:" + _MONTHS + r") )?((?:19|20)\d\d)(?![\d-])"
)


class MeetingTime(frozenset):
    """A meeting's years (a frozenset of them, as the checks read them) and what else is known of its
    time: ``dates`` (its date and days as the data writes them, "2025-05-16", "2025-05", "2025") and
    ``published`` (the publication date of the kept text read, if known). A plain frozenset of years
    knows no dates: a month or day beside no year is not read with it."""

    dates: tuple[str, ...] | None = None
    published: str | None = None


def meeting_time(dates: Iterable[object], published: object = None) -> MeetingTime:
    """The :class:`MeetingTime` of a meeting's ``dates`` (its date and days) read in a text published on
    ``published`` (None: not known)."""
    written = tuple(str(d) for d in dates if d)
    when = MeetingTime(d[:4] for d in written)
    when.dates = written
    when.published = str(published) if published else None
    return when


_MONTH_NUMBERS = {
    "januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7, "augusti": 8,
    "september": 9, "oktober": 10, "november": 11, "december": 12, "january": 1, "february": 2, "march": 3,
    "may": 5, "june": 6, "july": 7, "august": 8, "october": 10,
}  # fmt: skip
#: A day or month named in a sentence: after a preposition of time or with a day ("i mars", "den 3
#: april", "3 mars 2025", "in March", "on 3 May"); a year after it is read too.
_DAY_OR_MONTH = LazyPattern(
    r"(?<!\w)(?:(?:i|under|den|från|sedan|in|on|of|since|during) (?:(\d{1,2})(?::e|:a)? )?|(\d{1,2})(?::e|:a)? )("
    + "|".join(_MONTH_NUMBERS)
    + r")(?: ((?:19|20)\d\d))?(?![\w-])"
)
#: The seasons of "i höstas", "i våras", "last autumn" …: their months.
_SEASONS = {
    "höstas": (9, 10, 11), "våras": (3, 4, 5), "somras": (6, 7, 8), "vintras": (12, 1, 2),
    "autumn": (9, 10, 11), "fall": (9, 10, 11), "spring": (3, 4, 5), "summer": (6, 7, 8), "winter": (12, 1, 2),
}  # fmt: skip
#: The most days a text may be published after the meeting it calls "i höstas", "i våras" …: a season.
SEASON_DAYS = 92
_LAST_SEASON = LazyPattern(r"(?<!\w)(?:i (höstas|våras|somras|vintras)|last (autumn|fall|spring|summer|winter))(?!\w)")
#: "för två år sedan", "three months ago": N years or months before the text's publication.
_AGO = LazyPattern(
    r"(?<!\w)(?:för (\w+) (år|månader|månad|veckor|vecka|dagar) sedan|(\w+) (years?|months?|weeks?|days?) ago)(?!\w)"
)
#: Another time relative to something else than the text ("året innan", "månaden efter", "the year
#: before") or a last month or week ("förra månaden", "last month"): another period than this meeting's
#: unless, for a last month, the meeting's month is the one before the text's.
_RELATIVE = LazyPattern(
    r"(?<!\w)(?:(?:året|månaden|veckan|hösten|våren|sommaren|vintern|dagen) (?:innan|före|därpå|efter|dessförinnan)"
    r"|the (?:year|month|week|day) (?:before|after)|the (?:previous|following) (?:year|month|week)"
    r"|förra (?:hösten|våren|sommaren|vintern|veckan)|last week)(?!\w)"
)
_LAST_MONTH = LazyPattern(r"(?<!\w)(?:förra månaden|last month)(?!\w)")


def _ymd(date: str) -> tuple[int, int | None, int | None]:
    parts = [int(p) for p in date.split("-")]
    return parts[0], parts[1] if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None


def _days_after(date: str, published: str) -> int | None:
    """Days from a meeting's ``date`` to ``published``, each known at least to its month (its first day
    where the day is not known); None: either known only to its year."""
    import datetime as dt

    (y, m, d), (py, pm, pd) = _ymd(date), _ymd(published)
    if m is None or pm is None:
        return None
    return (dt.date(py, pm, pd or 1) - dt.date(y, m, d or 1)).days


def _this_day_or_month(day: str | None, month: int, year: str | None, when: MeetingTime) -> bool:
    """Whether a day or month named ("den 16 maj", "i maj 2025") is one of the meeting's dates."""
    for date in when.dates or ():
        y, m, d = _ymd(date)
        if m != month or (year is not None and int(year) != y):
            continue
        if day is None or d == int(day):
            return True
    return False


def _number_of(word: str) -> int | None:
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word)


#: How many words may stand between a time's words and the meeting's noun they place ("Sakrådet i mars",
#: "Den 3 mars hölls sakrådet", "anordnade sakrådet i mars"): a time further off places something else
#: ("… som kommittén lämnade den 6 juni 2018").
TIME_WORDS_BETWEEN = 2
_A_MEETING_NOUN = LazyPattern(_MEETING_NOUN)


def _of_meeting(flat: str, lo: int, hi: int, found: re.Match[str]) -> bool:
    """Whether the time ``found`` stands by a meeting's noun in ``flat[lo:hi]``: at most
    :data:`TIME_WORDS_BETWEEN` words between, on either side."""
    before = _WORDS.findall(flat, max(lo, found.start() - 120), found.start())[-(TIME_WORDS_BETWEEN + 1) :]
    after = _WORDS.findall(flat, found.end(), min(hi, found.end() + 120))[: TIME_WORDS_BETWEEN + 1]
    return any(_A_MEETING_NOUN.fullmatch(w) for w in (*before, *after))


def another_period(flat: str, lo: int, hi: int, when: frozenset[str]) -> bool:
    """Whether ``flat[lo:hi]`` (a sentence) places a meeting's noun (:func:`_of_meeting`) at a time that
    is not this meeting's: a day or month
    not among its dates ("Sakrådet i mars", "den 3 april" for a meeting of 16 May), "i höstas" and the
    like where the meeting is not of that season or the text was published more than
    :data:`SEASON_DAYS` after it, "för två år sedan" where the text's publication is not that long after
    the meeting, "året innan", "förra månaden" (unless the meeting's month is the one before the
    text's). What the check cannot compare (no date known, no publication date) names another period;
    a plain frozenset of years (no dates) reads no month or day beside no year."""
    dates = getattr(when, "dates", None)
    published = getattr(when, "published", None)
    if any(_of_meeting(flat, lo, hi, found) for found in _RELATIVE.finditer(flat, lo, hi)):
        return True
    for found in _LAST_SEASON.finditer(flat, lo, hi):
        if not _of_meeting(flat, lo, hi, found):
            continue
        months = _SEASONS[found.group(1) or found.group(2)]
        if published is None or not any(
            _ymd(d)[1] in months and (after := _days_after(d, published)) is not None and 0 <= after <= SEASON_DAYS
            for d in dates or ()
        ):
            return True
    for found in _LAST_MONTH.finditer(flat, lo, hi):
        if not _of_meeting(flat, lo, hi, found):
            continue
        if published is None or (pm := _ymd(published))[1] is None:
            return True
        before = (pm[0] * 12 + pm[1] - 2) // 12, (pm[0] * 12 + pm[1] - 2) % 12 + 1
        if not any(_ymd(d)[:2] == before for d in dates or ()):
            return True
    for found in _AGO.finditer(flat, lo, hi):
        if not _of_meeting(flat, lo, hi, found):
            continue
        count = _number_of(found.group(1) or found.group(3))
        unit = found.group(2) or found.group(4)
        if count is None or published is None or not unit.startswith(("år", "year", "månad", "month")):
            return True
        py, pm, _ = _ymd(published)
        if unit.startswith(("år", "year")):
            if not any(_ymd(d)[0] == py - count for d in dates or ()):
                return True
        elif pm is None or not any(
            (m := _ymd(d))[1] is not None and (py * 12 + pm) - (m[0] * 12 + m[1]) == count for d in dates or ()
        ):
            return True
    if dates is None:
        return False
    for found in _DAY_OR_MONTH.finditer(flat, lo, hi):
        if _of_meeting(flat, lo, hi, found) and not _this_day_or_month(
            found.group(1) or found.group(2), _MONTH_NUMBERS[found.group(3)], found.group(4), when
        ):
            return True
    return False


def _another_meeting(flat: str, lo: int, hi: int, years: frozenset[str] | None = None, at: int | None = None) -> bool:
    """Whether ``flat[lo:hi]`` (a sentence) is about another meeting than this one: a word of another
    time or a like meeting before its noun (:data:`_OTHER_MEETING`), a season's meeting
    ("Höstens sakråd"), or a year before or after its noun that is not one of the meeting's ``years``
    (its date's and days' years; none known: any year is another's; None: years are not read). ``at``:
    the place of a fact whose part alone is asked about: a comparison's other time ("25 organisationer mot
    40 organisationer förra året", "compared with 40 organisations last year") governs the words from the
    comparison's to it, not the rest of the sentence."""

    def own(found: re.Match[str]) -> bool:
        # "Fryshuset deltog, liksom förra gången", "…, som även kommer att leda nästa sakråd": the other
        # meeting is a comparison's or a subordinate clause's, not the sentence's
        start = comparison_start(flat, lo, found.start())
        if start is not None:
            return at is not None and start <= at < found.start()
        return not side_clause(flat, lo, hi, found.start())

    if any(own(m) for p in (_OTHER_MEETING, _SEASON_MEETING) for m in p.finditer(flat, lo, hi)):
        return True
    if _meeting_before(flat, lo) and any(
        own(m) for p in (_FOLLOWING_MEETING, _ALSO_HELD) for m in p.finditer(flat, lo, hi)
    ):
        return True  # "… på ett sakråd om X. Ett uppföljande (nytt, andra) sakråd hålls den 5 maj."
    if years is None:
        return False
    if another_period(flat, lo, hi, years) or _fronted_time(flat, lo, hi, years):
        return True
    return any(
        (y.group(1) or y.group(4)) not in years and own(y) and not _topic_name(y, years)
        for y in _YEAR_MEETING.finditer(flat, lo, hi)
    )


def _meeting_before(flat: str, lo: int) -> bool:
    """Whether the text before ``lo`` names a meeting after the heading it opens with (the page's title
    names the meeting it is about, not one before it: :data:`_HEADING_ENDS`)."""
    first = _first_meeting(flat, _HEADING_ENDS.get(flat, 0))
    return 0 <= first < lo and _EARLIER_MEETING.search(flat, first, lo) is not None


@lru_cache(maxsize=16)
def _first_meeting(flat: str, start: int) -> int:
    """Where the first meeting's noun after ``start`` stands in ``flat`` (-1: none), found once for a text:
    :func:`_meeting_before` asks for each fact, and no noun stands before it however far it reads."""
    found = _EARLIER_MEETING.search(flat, start)
    return -1 if found is None else found.start()


#: A time opening a sentence ("2023 deltog X", "Under 2023 …", "Den 3 april deltog X", "In 2023, …"): the
#: time of all it says.
_TIME_FIRST = LazyPattern(r"[\s\x00\"'(*•-]*(?:(?:under|år|i|in|during) )?((?:19|20)\d\d),? (?=\w)")
_DAY_FIRST = LazyPattern(r"[\s\x00\"'(*•-]*(?=(?:den|on|the|\d))")


def _fronted_time(flat: str, lo: int, hi: int, years: frozenset[str]) -> bool:
    """Whether the sentence ``flat[lo:hi]`` opens with a time that is not the meeting's: a year not among
    its ``years``, a day or month not among its dates (where they are known: :func:`another_period`)."""
    if (year := _TIME_FIRST.match(flat, lo, hi)) is not None and year.group(1) not in years:
        return True
    dates = getattr(years, "dates", None)
    head = _DAY_FIRST.match(flat, lo, hi)
    day = _DAY_OR_MONTH.match(flat, head.end(), hi) if head is not None and dates else None
    return day is not None and not _this_day_or_month(
        day.group(1) or day.group(2), _MONTH_NUMBERS[day.group(3)], day.group(4), years
    )


#: A place's local-branch words: a name followed by "i" and a place ("Studieförbundet Bilda i Linköping").
_LOCAL = LazyPattern(r" i (\w+)")


#: A table's cell right after a name that answers no ("| Fryshuset | Nej |", "| Famna | No |", "| X | - |"):
#: the row does not say it took part.
_NO_CELL = LazyPattern(r" ?\| ?(nej|no|ej|inte|-) ?\|")


def _semicolon_part(flat: str, lo: int, hi: int, at: int) -> tuple[int, int]:
    """The part of the sentence ``flat[lo:hi]`` between the ';' around ``at``: a contrast's boundary, so
    "Vid förra sakrådet deltog X; i dag deltog Y" is about another meeting for X only."""
    start = flat.rfind(";", lo, at)
    stop = flat.find(";", at, hi)
    return (lo if start < 0 else start + 1), (hi if stop < 0 else stop)


def _sentence(text: str, a: int, b: int) -> tuple[int, int]:
    """The sentence around ``a``..``b`` in a folded text, at most :data:`CLAUSE_WINDOW` on each side."""
    floor = max(0, a - CLAUSE_WINDOW)
    lo = text.rfind(_END, floor, a)
    ceiling = min(len(text), b + CLAUSE_WINDOW)
    hi = text.find(_END, b, ceiling)
    return (floor if lo < 0 else lo + 1), (ceiling if hi < 0 else hi)


#: Words that make the name after them the source of what a sentence says ("Enligt Fryshuset deltog Rädda
#: Barnen", "enligt uppgifter från X", "according to X"), not one taking part.
_SOURCE_OF = LazyPattern(r"(?<!\w)(?:enligt|according to)(?: (?:uppgift|uppgifter|uppgifterna) (?:från|av))? $")


#: A contrast's part about this time after one about another ("X deltog inte förra året, men i år var
#: organisationen på plats"): the sentence is about this meeting too.
_THIS_TIME = LazyPattern(r" (?:men|but) (?:i år|denna gång|den här gången|this year|this time)(?!\w)")


def _only_invited(
    text: str,
    flat: str,
    a: int,
    b: int,
    headings: dict[int, tuple[int, int] | None] | None = None,
    years: frozenset[str] | None = None,
    known: dict[str, list[str]] | None = None,
) -> str | None:
    """What the sentence naming an organisation at ``a``..``b`` (and, for a list's item, the heading the
    list stands under: "Inbjudna organisationer:", :func:`_heading`) says instead of its taking part: that
    it was invited, did not take part, planned or is to take part, may have or would have (a word of
    :data:`GUARD_WORDS`, or a condition's "om"), with no word of taking part in the name's own part of
    the sentence (:func:`~sakrad_ld.clauses.contrast_clause`: "X deltog inte, men Y deltog") that is not
    negated or put off in its clause; or that it is about another meeting (:data:`OTHER_MEETING_WORDS`), or
    that the meeting was called off (:func:`~sakrad_ld.clauses.called_off`: "X deltog i sakrådet, som sedan
    ställdes in"). None: it says the organisation took part (or says nothing against it)."""
    lo, hi = _sentence(text, a, b)
    headings = {} if headings is None else headings
    heading = (
        _heading(text, flat, lo, headings) or _labelled_item(text, flat, lo, headings) or _colon_lead(text, flat, lo)
    )
    for x, y in [_semicolon_part(flat, lo, hi, a)] if heading is None else [_semicolon_part(flat, lo, hi, a), heading]:
        if _another_meeting(flat, x, y, years) and not _THIS_TIME.search(flat, x, y):
            return f"{_quoted(flat[x:y].strip())} is about another meeting"
    if (event := _event_label(text, flat, lo, hi)) is not None:  # "| Seminariet | Famna |", "- Seminariet: Famna"
        return f"{_quoted(flat[lo:hi].strip())} is about another event (its label {event!r})"
    if (off := called_off_said(flat, lo, hi, _quoted(flat[lo:hi].strip()))) is not None:
        return f"{off}: no one took part in it"  # "X deltog i sakrådet, som sedan ställdes in"
    if (answer := _NO_CELL.match(flat, b)) is not None:  # "| Fryshuset | Nej |"
        return f"{_quoted(flat[lo:hi].strip())} answers no ({answer.group(1)!r}) in the table's cell beside it"
    if (source := _SOURCE_OF.search(flat, max(lo, a - 40), a)) is not None:
        return f"{_quoted(flat[lo:hi].strip())} names it as the source of what is said ({source.group().strip()!r})"
    if (forum := other_forum(flat, lo, a)) is not None:  # "Frågan diskuterades i riksdagen, där X deltog"
        return f"{_quoted(flat[lo:hi].strip())} is about another event ({forum!r})"
    if (note := _annotation_guard(flat, b, hi)) is not None:
        # "Deltog: A; B (ej på plats); C": the note right after the name says it of the name, whatever the
        # sentence or the heading says
        word, kind = note
        return f"{_quoted(flat[lo:hi].strip(' ,'))} says {_KIND_SAID.get(kind, kind)} ({word!r}) in a note on it"
    if _the_one_who(flat, lo, hi, a):  # "Förutom X deltog ingen": X took part
        return None
    if (who := _WHO_TOOK_PART.match(flat, b, hi)) is not None:
        close = flat.find(",", who.end(), hi)
        if _GUARDS.search(flat, who.start(), hi if close < 0 else close) is None:
            return None  # "Bland de inbjudna fanns X, som också deltog"
    said = _name_guard(text, flat, lo, hi, a, b)
    if said is None and heading is not None and (word := _GUARDS.search(flat, *heading)) is not None:
        said = heading, word.group(), _guard_kind(word.group())
    if said is None and heading is not None and (word := _INVITED_HEADING.search(flat, *heading)) is not None:
        said = heading, word.group(), "an invitation"  # "Inbjudan skickades till:", "## Invited organisations"
    if said is None:
        return _unbound(text, flat, lo, hi, a, b, heading, known)
    if GUARDS.get(said[1], ("", ""))[1] == "beside":
        # "Alla utom X deltog", "X eller Y deltog", "Y deltog i stället för X": the word governs the name,
        # whatever the sentence's verb says
        (x, y), word, kind = said
        return f"{_quoted(flat[x:y].strip(' ,'))} says {_KIND_SAID.get(kind, kind)} ({word!r}), not that it took part"
    # only a word of taking part in the name's own clause (or one going on from it: "X var inbjudet och
    # deltog", "… men deltog ändå") or its list's heading confirms it, where no guard governs that word
    for w in _part_words(_TAKING_PART, text, flat, lo, hi, a, b, heading):
        if _verb_guard(text, flat, w.start(), w.end(), (a, b)) is None:
            if (mention := _mentioned(text, flat, lo, hi, a, b, known)) is not None:
                return f"{_quoted(flat[lo:hi].strip())} only mentions it, as {mention}: not as one taking part"
            return None
    (x, y), word, kind = said
    return f"{_quoted(flat[x:y].strip(' ,'))} says {_KIND_SAID.get(kind, kind)} ({word!r}), not that it took part"


#: A preposition of a place or an event after a verb ("deltog dock inte i seminariet").
_AT_EVENT = LazyPattern(r" (?=(?:i|på|vid|in|at) )")


def _at_other_event(flat: str, at: int, hi: int) -> bool:
    """Whether the words after a verb ending at ``at`` (adverbs and a negation between) place it at
    another event (:func:`~sakrad_ld.clauses.other_event`: "deltog dock inte i seminariet"), up to ``hi``."""
    end = _clause_end(flat, at)
    return any(other_event(flat, m.start()) is not None for m in _AT_EVENT.finditer(flat, at, min(hi, end)))


#: Words of leaving or staying away after a name ("Famna drog sig ur", "hoppade av", "withdrew", "was
#: unable to attend", "sent apologies"): that it did not take part, beside the guard table's absences.
_WITHDREW = LazyPattern(
    r"(?<!\w)(?:(?:drog|drar|dragit) sig (?:[\w-]+ )?ur|(?:hoppade|hoppar|hoppat) (?:[\w-]+ )?av|höll sig borta|stannade "
    r"hemma|withdrew|has withdrawn|pulled out|dropped out|stayed away|(?:was|were) unable to (?:attend|take part|"
    r"participate|join)|sent (?:its |their )?(?:apologies|regrets))(?!\w)"
)
#: Words right after a name (its genitive "s" between) saying it left before the meeting began, missed it,
#: called its taking part off, or its seat stayed empty ("Famna lämnade mötet innan det började", "Famna
#: missade mötet", "Famna ställde in sitt deltagande", "Famna lyste med sin frånvaro", "Famnas frånvaro",
#: "Famnas plats stod dock tom", "Famna left before the meeting started", "Famna's seat was empty"): that it
#: did not take part. Leaving later ("lämnade mötet efter lunch") is no absence.
_LEFT_BEFORE = LazyPattern(
    r"(?:s|'s) (?:frånvaro|absence)(?!\w)|"
    r"(?:s|'s)?(?: (?:dock|tyvärr|redan|emellertid|however|already|unfortunately))* (?:(?:missade|missat|missed) "
    r"(?:mötet|sakrådet|samrådet|the meeting)|(?:ställde|har ställt|ställt) in (?:sitt|sin) (?:deltagande|medverkan|"
    r"närvaro)|avbokade|avbokat|cancell?ed (?:its|their) (?:participation|attendance)|lyste med sin frånvaro|was "
    r"conspicuous by its absence|(?:lämnade|lämnat|gick från|gick ifrån|gick|left)(?: (?:dock|tyvärr|redan|however|"
    r"already))?(?: (?:mötet|sakrådet|samrådet|lokalen|the meeting))?(?: (?:redan|already))? (?:innan|före|before) "
    r"(?:det|mötet|sakrådet|samrådet|it|the meeting) (?:började|startade|inleddes|hade börjat|hade startat|began|"
    r"started|had begun|had started)|(?:plats|platsen|stol|stolen) (?:stod|var|förblev|blev)(?: (?:dock|tyvärr|"
    r"emellertid))? tom|(?:seat|chair) (?:was|remained|stood)(?: (?:however|unfortunately))? empty)(?!\w)"
)
#: Words of a time before this meeting in the clause of a negated taking part ("har inte deltagit
#: tidigare", "has not attended previously"): the other meetings, no contradiction of this one's.
_OTHER_TIMES = LazyPattern(r"(?<!\w)(?:tidigare|förut|sedan tidigare|förr|previously|in the past)(?!\w)")


def _said_absent(text: str, flat: str, a: int, b: int, years: frozenset[str] | None = None) -> str:
    """The sentence naming an organisation at ``a``..``b``, quoted, where it says the organisation did not
    take part in this meeting: a negation or an absence governs the name ("Famna deltog dock inte", "Famna
    lämnade återbud", "avstod från att delta", "var frånvarande", "did not attend", "declined"), or a table's
    cell answers no; not where the sentence is about another meeting or event ("Famna deltog inte i
    seminariet", "i fjol"). "" where it does not: an invitation, a plan or a mere mention is no
    contradiction of a sentence saying it took part."""
    lo, hi = _sentence(text, a, b)
    if (
        _another_meeting(flat, lo, hi, years)
        or _event_label(text, flat, lo, hi) is not None
        or other_forum(flat, lo, a) is not None
        or any(_at_other_event(flat, w.end(), hi) for w in _TAKING_PART.finditer(flat, lo, hi))
    ):
        return ""
    own = fact_clause(flat, lo, hi, a, b)
    said = _name_guard(text, flat, lo, hi, a, b)
    if said is not None and said[2] == NEGATION and any(_OTHER_TIMES.search(flat, x, y) for x, y in own):
        return ""  # "Famna har inte deltagit tidigare": other meetings, not this one
    if (
        _NO_CELL.match(flat, b) is None
        and (said is None or said[2] not in (NEGATION, ABSENCE))
        and not any(_WITHDREW.search(flat, max(x, b), y) for x, y in own)
        and _LEFT_BEFORE.match(flat, b) is None  # "Famna lämnade mötet innan det började", "Famnas plats stod tom"
    ):
        return ""
    return _quoted(flat[lo:hi].strip())


def _unbound(
    text: str,
    flat: str,
    lo: int,
    hi: int,
    a: int,
    b: int,
    heading: tuple[int, int] | None,
    known: dict[str, list[str]] | None,
) -> str | None:
    """Why the sentence ``lo``..``hi`` naming an organisation at ``a``..``b`` (no guard word governing it)
    states no taking part of it: no word of taking part in the name's clause (a mere mention: "Regeringen
    har gett bidrag till X"), or one the name is not bound to (:func:`_mentioned`: "Famna deltog och
    kritiserade X"); the mention's reading is named either way, for the editor to see which word governs
    the name. None: a word of taking part, or a list's item, binds it."""
    mention = _mentioned(text, flat, lo, hi, a, b, known)
    # a part with a subject and verb of its own is the name's clause: "Fryshuset deltog, medan Famna
    # valde att stå utanför" names Famna taking part no more than "Famna valde att stå utanför"
    start, stop = _own_clause(flat, lo, hi, a, b)
    own = (start, stop) if _own_verb(flat, start, stop, a, b) else (lo, hi)
    spans = [own] if heading is None else [own, heading]
    worded = (
        _ITEM_START.match(flat, lo) is not None
        or any(not _undone(text, flat, w, (a, b)) for x, y in spans for w in _MENTION_PART.finditer(flat, x, y))
        or (_DID_SO.match(flat, b) is not None and _DONE_BEFORE.search(flat, lo, a) is not None)
    )  # "X deltog inte, men Y gjorde det"
    sentence = _quoted(flat[lo:hi].strip())
    if worded:
        return None if mention is None else f"{sentence} only mentions it, as {mention}: not as one taking part"
    missing = f"{sentence} has no word of taking part ('deltog', 'medverkade', 'närvarade' …)"
    return missing if mention is None else f"{missing}; it only mentions the name, as {mention}"


def _own_verb(flat: str, start: int, stop: int, a: int, b: int) -> bool:
    """Whether the part ``start``..``stop`` of a sentence holds a finite verb besides the name at ``a``..``b``
    (:func:`~sakrad_ld.clauses.finite`): a clause of its own, not a name listed on from the part before."""
    return any(finite(w) for x, y in ((start, a), (b, stop)) for w in _WORDS.findall(flat, x, y))


# --- Whether a name is bound to the word of taking part -------------------------------------------------
#
# A listed organisation or body takes part only where its name is the subject of the word of taking part,
# or in its list or coordination: as for people (docs/load-checks.md, "The role's clause"). A name that is
# a genitive, a preposition's object, another verb's object or in a subordinate clause of its own is only
# mentioned in the sentence ("Deltagarna diskuterade Fryshusets arbete", "Famna deltog på uppdrag av X").

#: Prepositions whose object a name after them is ("ett samarbete med X", "stöd till X", "kritik mot X",
#: "på uppdrag av X", "en rundtur på X"): the name is mentioned, not one taking part. Not "från" (where
#: those taking part came from), "bland", "förutom", "utom", "enligt" (read by their own rules) or
#: "inklusive" (a list of those taking part).
MENTION_PREPOSITIONS = frozenset(
    "om till av för med mot hos på i åt vid under efter inför genom kring angående beträffande rörande gällande "
    "via about to by for with against of at on in into regarding concerning towards toward".split()
)
#: The beginnings of the nouns after which such a preposition names whom those taking part came for
#: ("representanter för X", "generalsekreterare på X", "deltagare vid X"), besides a title
#: (:data:`TITLE_ENDINGS`).
REPRESENTING_NOUNS = (
    "representant", "företrädare", "delegat", "delegation", "medarbetare", "anställd", "personal", "tjänstem",
    "ledamot", "ledamöter", "medlem", "styrelse", "ledning", "deltagare", "deltagarna", "representative",
    "delegate", "staff", "member", "official", "employee", "participant",
)  # fmt: skip
#: Words before "med"/"with" that make the name after it one taking part beside the subject ("tillsammans med
#: X", "together with X", "along with X").
_TOGETHER = frozenset({"tillsammans", "together", "along", "jämte"})
#: The stems of this meeting's nouns before "med"/"with" ("ett sakråd med X", "samtal med X", "a meeting
#: with X"): the name met the government there.
MEETING_STEMS = ("sakråd", "samråd", "möte", "dialog", "samtal", "träff", "meeting", "consultation", "dialogue")
#: The beginnings of nouns of speaking at the meeting before "av"/"by"/"of" ("en presentation av X", "en
#: dragning av X", "an introduction by X"): the name spoke there.
SPEAKING_NOUNS = (
    "presentation", "dragning", "inledning", "anförande", "inlägg", "föredrag", "redovisning", "introduction",
    "talk", "speech", "contribution",
)  # fmt: skip
#: Verbs whose object takes part (a gathering, a meeting, a representing) or is the subject's complement
#: (a copula, "fanns"): "Sakrådet samlade X", "Ministern träffade X", "Anna Berg representerade X",
#: "Deltagare var X", "På plats fanns X". Any other verb before a name, its subject before it, takes the
#: name as its object ("Deltagarna diskuterade X", "Famna deltog och kritiserade X").
PARTICIPANT_OBJECT_VERBS = frozenset(
    """samlade samlar samlat träffade träffar träffat mötte möter mött välkomnade välkomnar välkomnat
    inkluderade inkluderar inkluderat omfattade omfattar omfattat representerade representerar representerat
    företrädde företräder företrätt var är blev varit fanns finns funnits utgjordes utgörs sågs syntes
    gathered met welcomed included represented brought was were is are been""".split()
)
#: Words of taking part that take no object, and "gjorde" standing for one: a name after them is their
#: subject ("I sakrådet deltog X", "Deltog gjorde bland andra X").
INTRANSITIVE_PART = frozenset(
    "deltog deltar deltagit medverkade medverkar medverkat närvarade närvarar närvarat kom kommer fanns finns "
    "gjorde did participated".split()
)
#: A passive right after a name, adverbs between, with its agent ("X nämndes av flera deltagare", "X
#: lyftes fram av deltagarna", "X was praised by the participants"): the name is what was done to.
_PASSIVE_AFTER = LazyPattern(
    r" (?:(?:även|också|ofta|flera gånger|särskilt|sedan) )*((?:[\w-]+(?:ades|ddes|des|tes|ts|ats))|"
    r"(?:was|were|is|are|has been|had been) (?:[\w-]+ed|[\w-]+en))(?: (?:fram|upp|ut))?"
    r"(?: (?:[\w-]+ ){0,3}?)?(?: (?:av|by) )"
)
#: Passives of taking part, whose subject took part ("X representerades av två personer", "X was
#: represented by its chair").
PART_PASSIVES = frozenset(
    {"representerades", "företräddes", "samlades", "träffades", "möttes", "inleddes", "was represented",
     "were represented", "is represented", "are represented"}
)  # fmt: skip
#: The infinitives of :data:`PARTICIPANT_OBJECT_VERBS` ("kom för att träffa X", "to meet X").
PARTICIPANT_INFINITIVES = frozenset(
    "samla träffa möta välkomna inkludera omfatta representera företräda vara gather meet welcome include "
    "represent be".split()
)
#: Words before an adjective in "-te" that is no past tense ("det senaste", "den största", "sitt första").
_DETERMINERS_BEFORE = frozenset("den det de en ett sin sitt sina dess deras the a an its their".split())
#: Auxiliaries before a supine ("hade besökt X", "has praised X"): the supine is the verb before the name.
_AUXILIARIES = frozenset("har hade har ha have has had".split())
#: Words before a name that stand for an example of the noun before them ("organisationer som X", "t.ex.
#: X"): the noun's governor governs the name.
_SUCH_AS = frozenset({"som", "såsom", "exempelvis", "t.ex.", "bl.a.", "like"})
#: A genitive's ending right after a name and the word after it ("Fryshusets arbete", "Fryshuset's work").
_GENITIVE = LazyPattern(r"(?:s|'s|’s)(?!\w) ?([\w-]*)")
#: How many words of a list's item (besides a name of the data) the walk back from a name passes.
MENTION_ITEM_WORDS = 4


def _representing(word: str) -> bool:
    return _title(word, frozenset()) or word.startswith(REPRESENTING_NOUNS)


#: Strong verbs' finite forms that take an object before a name ("Deltagarna gav X beröm", "såg X som
#: …"), besides :func:`~sakrad_ld.clauses.finite`'s.
STRONG_VERBS = frozenset(
    "gav ger tog tar såg ser bad ber skrev skriver lät låter fann finner drog gave saw took".split()
)


def _verb_word(word: str) -> bool:
    """Whether ``word`` reads as a finite verb (:func:`~sakrad_ld.clauses.finite`, :data:`STRONG_VERBS`) or
    an English past."""
    return finite(word) or word in STRONG_VERBS or (len(word) > 4 and word.endswith("ed") and word.isalpha())


def _passive(word: str) -> bool:
    """Whether ``word`` is a passive whose agent follows with "av"/"by" ("inleddes av", "attended by")."""
    return (finite(word) and word.endswith("s")) or (len(word) > 4 and word.endswith("ed"))


def _item_start(flat: str, words: list[re.Match[str]], i: int, known: dict[str, list[str]]) -> int:
    """Where the list item ending with ``words[i - 1]`` begins (an index into ``words``): a name of the data
    ending there (``known``: :func:`_longer_names`), else at most :data:`MENTION_ITEM_WORDS` words that are
    no verb, preposition or mark; -1 if none is read."""
    end = words[i - 1].end()
    for name in known.get(words[i - 1].group(), ()):
        begin = end - len(name)
        if begin >= 0 and flat.startswith(name, begin) and (begin == 0 or not _word(flat[begin - 1])):
            for j in range(i - 1, -1, -1):
                if words[j].start() == begin:
                    return j
    j = i
    while j > 0 and i - j < MENTION_ITEM_WORDS:
        w = words[j - 1].group()
        if not _word(w[0]) or _verb_word(w) or w in MENTION_PREPOSITIONS or w in _LIST or w in ("från", "from"):
            break
        j -= 1
    return j if j < i else -1


def _clause_words(words: list[str]) -> list[str]:
    """The words of the clause a verb ends (``words``, the sentence's words before it and the verb): after
    the last comma, or the last "och"/"samt"/"and" with a verb before it ("Famna deltog och kritiserade")."""
    for k in range(len(words) - 2, -1, -1):
        if words[k] in (",", ";", "(", ")") or (
            words[k] in ("och", "samt", "and", "men", "but") and any(_verb_word(w) for w in words[:k])
        ):
            return words[k + 1 :]
    return words


def _object_verb(words: list[str], i: int) -> str | None:
    """The verb ``words[i - 1]`` (or a supine after an auxiliary) that takes a name after it as its object:
    not a verb whose object takes part (:data:`PARTICIPANT_OBJECT_VERBS`), and in a Swedish clause with its
    subject before the verb (not V2: "Därefter presenterade X …")."""
    word = words[i - 1]
    verb = i - 1
    if i >= 2 and words[i - 2] in ("att", "to") and _word(word[0]) and word not in MENTION_PREPOSITIONS:
        # "för att stödja X", "to support X": an infinitive's object, unless one that takes part
        return None if word in PARTICIPANT_INFINITIVES or _TAKING_PART.fullmatch(word) else word
    past = len(word) > 4 and word.endswith("te") and (i < 2 or words[i - 2] not in _DETERMINERS_BEFORE)
    if not (_verb_word(word) or past):  # "besökte X" as "diskuterade X"; not "det senaste X"
        if i < 2 or words[i - 2] not in _AUXILIARIES:
            return None
        verb = i - 2  # "hade besökt X": the auxiliary is the clause's finite verb
    if word in PARTICIPANT_OBJECT_VERBS or word in INTRANSITIVE_PART:
        return None  # "Sakrådet samlade X", "I sakrådet deltog X", "Enligt Famna deltog X"
    if _v2_fronted(_clause_words(words[: verb + 1])[:-1]) and not word.endswith("ed"):
        return None  # "Därefter presenterade X …", "Om skolan diskuterade X …": X the subject after the verb (V2)
    return word


#: Words besides :data:`FRONT_WORDS` that open a Swedish clause's fronted adverbial or object, leaving its
#: subject after the finite verb (V2): a preposition ("Om integrationspolitiken diskuterade X", "Kring
#: skolan samtalade X"), an adverb ("Därför valde X …"), a demonstrative or an object pronoun ("Detta
#: framförde X", "Dessa frågor lyfte X", "Henne tackade X"). Not "det" (an expletive subject: "Det
#: kritiserade X" may be either) nor an English word (English keeps the subject before its verb).
V2_FRONT_WORDS = frozenset(
    """om kring runt angående beträffande rörande gällande mot genom enligt trots utan hos åt bakom jämte
    bortsett därför därtill därutöver dock ändå sen tillsammans gemensamt särskilt främst framför allt
    framförallt mest också även slutligen detta dessa denna sådant sådana henne honom dem oss""".split()
)


def _v2_fronted(prefix: list[str]) -> bool:
    """:func:`_fronted`, or a clause opened by one of :data:`V2_FRONT_WORDS` or an adverb in "-vis"
    ("exempelvis", "avslutningsvis") before its verb: the name after the verb is its subject."""
    words = [w for w in prefix if w not in ("#", "*", ">", "-", "och", "men", "samt")]
    return _fronted(prefix) or (bool(words) and (words[0] in V2_FRONT_WORDS or words[0].endswith("vis")))


#: A comparison's words opening a clause right before a name, which make the name a subject of the verb
#: before it as that verb's subject is ("Famna deltog, liksom Fryshuset", "… såväl som X", "… as did X",
#: "… precis som X gjorde"); not a bare "som" (a relative clause: "Famna, som X samarbetar med, deltog").
_LIKE_SUBJECT = LazyPattern(
    r"[ ,(]*(?:liksom|precis som|såväl som|likaså|as did|as well as|just like|like)(?: (?:även|också|gjorde|did))* "
)


def _compared_subject(flat: str, start: int, a: int, stop: int) -> bool:
    """Whether the clause ``start``..``stop`` opens with :data:`_LIKE_SUBJECT` (or "som" after "såväl") and
    the name at ``a`` stands in it before any verb of its own, with no guard word or year in it: the name
    is compared with the subject, and takes part as it does; "liksom X i fjol", "precis som X gjorde förra
    året" compare it with another time's."""
    like = _LIKE_SUBJECT.match(flat, start)
    if like is None and flat.endswith("såväl", 0, start) and flat.startswith(" som ", start):
        like = _LIKE_SUBJECT.match(flat, start - len("såväl"))
    return (
        like is not None
        and not any(_verb_word(w) for w in _WORDS.findall(flat, like.end(), a))
        and _GUARDS.search(flat, a, stop) is None
        and _A_YEAR.search(flat, a, stop) is None
    )


_A_YEAR = LazyPattern(r"(?<![\w-])(?:19|20)\d\d(?!\d)")


def _opens_clause(flat: str, start: int, a: int) -> bool:
    """Whether the name at ``a`` opens the coordinated clause starting at ``start`` (only its "och",
    "samt", "and" or an adverb before it: "… och även X var på plats"): the clause's subject."""
    return all(w in _LIST or w in ADVERBS or w in ("men", "but") for w in _WORDS.findall(flat, start, a))


def _mentioned(
    text: str, flat: str, lo: int, hi: int, a: int, b: int, known: dict[str, list[str]] | None = None
) -> str | None:
    """Why the name at ``a``..``b`` in the sentence ``lo``..``hi`` is only mentioned there, not the subject
    of a word of taking part (nor in its list or coordination): a genitive ("Fryshusets arbete", not
    "Fryshusets representanter"), a subordinate clause of its own with no word of taking part ("eniga om
    att X gör ett viktigt arbete"), the object of a preposition ("med", "till", "mot", "på uppdrag av"; not
    "från", "tillsammans med", "representanter för", a passive's "av") or of another verb ("Deltagarna
    diskuterade X", "Famna deltog och kritiserade X"), the name or the list it ends governed so
    ("samarbete med A och X", "stöd till organisationer som X"). None: no such reading."""
    genitive = _GENITIVE.match(flat, b)
    if genitive is not None and not _representing(genitive.group(1)):
        return f"a genitive ({flat[a : genitive.end(1)].strip()!r})"
    start, stop = contrast_clause(flat, lo, hi, a, b)
    for s, e, how in clauses_of(flat, start, stop):
        if (
            s <= a < e
            and how == "sub"
            and not any(not _undone(text, flat, w, (a, b)) for w in _MENTION_PART.finditer(flat, s, e))
            and not _compared_subject(flat, s, a, e)
        ):
            return f"a subordinate clause with no word of its taking part ({flat[s:e].strip(' ,')!r})"
        if s <= a < e and how == "and" and _opens_clause(flat, s, a):
            return None  # "Famna kunde inte komma och Fryshuset(, som var inbjudet,) deltog": its own clause
    if (passive := _PASSIVE_AFTER.match(flat, b)) is not None and passive.group(1) not in PART_PASSIVES:
        own = fact_clause(flat, start, stop, a, b, going_on=True)
        if not any(w in INTRANSITIVE_PART for x, y in own for w in _WORDS.findall(flat, x, y)):
            # "Fryshuset nämndes av flera deltagare", "was praised by the participants": what was done to it
            return f"the subject of the passive {passive.group().strip()!r}"
    after = _WORDS.match(flat, b + 1)
    if after is not None and flat[b : b + 1] == " " and _verb_word(after.group().rstrip(".")):
        return None  # "… att X deltog", "A och X deltog.": the name the subject of its own verb
    matches = list(_WORDS.finditer(flat, max(lo, a - GAP_WINDOW), a))
    words = [m.group() for m in matches]
    i = len(words)
    for _ in range(LIST_ITEMS):
        while i and words[i - 1] in ADVERBS | set(PARTICLE_ADVERBS) | {"fram", "upp", "ut"}:
            i -= 1
        if i >= 2 and words[i - 1] in _SUCH_AS and words[i - 2] not in (",", "det", "it") and _word(words[i - 2][0]):
            i -= 2  # "organisationer som X": the noun's governor
            continue
        if i and words[i - 1] in _LIST and i >= 2:
            j = _item_start(flat, matches, i - 1, known or {})
            if j < 0:
                return None
            i = j
            continue
        break
    if not i:
        return None
    word = words[i - 1]
    if word in MENTION_PREPOSITIONS:
        before = words[i - 2] if i >= 2 else ""
        if (
            _representing(before)
            or (word in ("med", "with") and (before in _TOGETHER or before.startswith(MEETING_STEMS)))
            or (word in ("av", "by", "of") and before.startswith(SPEAKING_NOUNS))
            or (word in ("av", "by") and _passive(before))
            or (word in ("för", "for") and i == 1)  # "För Fryshuset deltog generalsekreteraren"
        ):
            return None
        return f"the object of {' '.join(words[max(0, i - 2) : i])!r}"
    if (verb := _object_verb(words, i)) is not None:
        return f"the object of {verb!r}"
    return None


#: "det gjorde" right before a name ("A ledde inte sakrådet; det gjorde B"): the name did what the role
#: word before it says.
_IT_DID = LazyPattern(r"(?<!\w)det gjorde (?:i stället |istället |i stället för hen |dock )?$")
#: A relative clause of taking part right after a name, ending its sentence ("Bland de inbjudna fanns
#: Fryshuset, som också deltog", "…, som deltog i sakrådet"): the name took part; not one of more words
#: ("…, som deltog i sakrådet 2023, var inbjudet": another time's), nor one with a guard word.
_WHO_TOOK_PART = LazyPattern(
    r",? som (?:också |även |dessutom |sedan |även sedan )?(?:deltog|medverkade|närvarade|var med|kom)"
    r"(?: (?:i|på|vid) (?:sakrådet|mötet|samrådet))? ?(?:[.!;\x00]|$)"
)


#: A substitute's agent right before a name, its titles between ("… men ersattes av B", "(ersatt av
#: statssekreterare B)", "was replaced by B"): B did what the role word before it says.
_REPLACED_BY = LazyPattern(
    r"(?<!\w)(?:ersattes|ersatts|ersatt|blev ersatt|var ersatt|replaced) (?:av|by)(?: [\w.-]+){0,3}? $"
)
#: The role words of each kind, with their infinitives and supines, that "gjorde det", "det gjorde" or
#: "ersattes av" before a name stand for ("A kunde inte leda sakrådet, så B gjorde det").
_DONE_ROLES = {
    "chair": _role_words((*CHAIR_WORDS, "leda", "lett", "moderera", "modererat", "chair")),
    "convener": _role_words((*CONVENER_WORDS, "bjuda in", "bjudit in", "kalla", "sammankalla", "invite", "convene")),
    "participant": _role_words(
        (*PARTICIPANT_WORDS, "delta", "deltagit", "medverka", "medverkat", "närvara", "närvarat", "attend",
         "take part")
    ),
}  # fmt: skip
#: A verb standing for the taking part said before it ("Famna deltog inte, men Fryshuset gjorde det",
#: "… but Fryshuset did"): the name before it did what the sentence's word of taking part says.
_DID_SO = LazyPattern(r" (?:också |även |ändå )?(?:gjorde det|gjorde så|gjorde|did so|did)(?!\w)")
#: The words of taking part, in any form, that such a verb stands for ("Famna did not attend").
_DONE_BEFORE = _role_words(
    ("deltog", "deltar", "deltagit", "delta", "medverkade", "medverka", "närvarade", "närvara", "attended",
     "attend", "took part", "take part", "participated", "participate")
)  # fmt: skip
#: An exclusion right before a name with no one else taking part ("Förutom X deltog ingen", "Ingen utom X
#: deltog", "Apart from X, no one attended"): the one excepted is the one who took part.
_EXCEPTED = LazyPattern(r"(?<!\w)(?:förutom|utöver|utom|except|apart from|besides|aside from|ingen annan än) $")
_NO_ONE = LazyPattern(r"(?<!\w)(?:ingen|inga|inget|ingen annan|no one|nobody|none|no)(?!\w)")


def _the_one_who(flat: str, lo: int, hi: int, a: int) -> bool:
    """Whether the name at ``a`` is excepted from a sentence ``lo``..``hi`` saying no one else took part
    ("Förutom X deltog ingen", "Ingen utom X deltog"): it took part. Not where the sentence says an
    invitation ("Förutom X bjöds ingen in") or holds no word of taking part."""
    excepted = _EXCEPTED.search(flat, max(lo, a - 20), a)
    if excepted is None:
        return False
    alone = excepted.group().startswith("ingen")  # "Ingen annan än X deltog"
    others = [m for m in _NO_ONE.finditer(flat, lo, hi) if not excepted.start() <= m.start() < a]
    return (
        (alone or bool(others)) and _TAKING_PART.search(flat, lo, hi) is not None and not _INVITED.search(flat, lo, hi)
    )


#: Words of taking part that make a sentence naming an organisation name it as one taking part (without
#: one, the name is only mentioned: "Regeringen har gett bidrag till X", "Synpunkter från X lämnades").
_MENTION_PART = _role_words(
    (
        "deltog", "deltar", "deltagit", "medverkade", "medverkar", "medverkande", "närvarade", "närvarande",
        "närvaro", "var med", "fanns med", "med på mötet", "med på sakrådet", "med vid mötet", "med vid sakrådet",
        "på plats", "deltagande", "deltagare", "deltagarna", "deltagarlista",
        "samlade", "samlades", "träffade", "träffades", "möttes", "mötte", "representanter", "representerade",
        "representerad", "representerat", "representerades", "företrädare", "företräddes", "företrädd", "företrätt",
        "företrädda", "höll en presentation", "gav en presentation", "höll ett anförande", "höll en dragning",
        "höll ett föredrag", "höll ett inlägg", "took part", "participated",
        "taking part", "participating", "attended", "participants", "present", "represented", "joined the meeting", "joined the consultation", "inledde", "berättade", "presenterade",
        "informerade", "diskuterade", "samtalade", "framförde", "lyfte", "betonade", "tog upp", "svarade",
        "discussed", "presented",
    )
)  # fmt: skip


def _name_guard(text: str, flat: str, lo: int, hi: int, a: int, b: int) -> tuple[tuple[int, int], str, str] | None:
    """The guard word governing the name at ``a``..``b`` in the sentence ``lo``..``hi``, with the span
    quoted for it: :func:`~sakrad_ld.clauses.guard_in` (its clause's guard words, a condition, a choice, an
    exclusion), or an invitation or urging in its clause."""
    own = fact_clause(flat, lo, hi, a, b)
    found = guard_in(flat, lo, hi, a, b, spans=own, name=(a, b))
    if found is None:
        for x, y in own:
            if (word := _INVITED.search(flat, x, y)) is not None:
                found = word.group(), _guard_kind(word.group())
                break
    _, stop = contrast_clause(flat, lo, hi, a, b)
    _, on = _own_clause(flat, lo, hi, a, b)
    if found is None and on > stop:  # "X tackade ja men uteblev": the part going on with its subject
        found = guard_in(flat, lo, hi, stop + 1, stop + 2, spans=[(stop, on)])
    if found is None:
        return None
    return (min(x for x, _ in own), max(y for _, y in own)), found[0], found[1]


#: The most words of a note in parentheses on a name (:func:`_annotation_guard`).
NOTE_WORDS = 4


#: A substitute named right after a name, in a note or a relative clause ("A (ersatt av B)", "A (ersattes
#: av B)", "A, som ersattes av B", "A (replaced by B)", "A, who was replaced by B"): the name did not hold
#: the role or take part; B did.
_REPLACED = LazyPattern(
    r" ?(?:\(|, ?som |, ?who (?:was )?)((?:ersatt|ersattes|ersatts|blev ersatt|var ersatt|replaced) (?:av|by))(?!\w)"
)


def _annotation_guard(flat: str, b: int, hi: int) -> tuple[str, str] | None:
    """The guard word of a parenthesis right after a name ending at ``b`` ("Famna (ej på plats)", "Famna
    (förhinder)", "Famna (preliminärt)"): a note on the name of at most :data:`NOTE_WORDS` words, read as its
    own clause; not a relative clause ("Famna (som inte deltog förra året) deltog" is read as one); and a
    substitute named right after it, in a note or a relative clause (:data:`_REPLACED`: "Famna (ersattes av
    Fryshuset)")."""
    if (replaced := _REPLACED.match(flat, b, hi)) is not None:
        return replaced.group(1), INSTEAD
    if not flat.startswith(" (", b):
        return None
    close = flat.find(")", b, hi)
    x, y = b + 2, hi if close < 0 else close
    words = _WORDS.findall(flat, x, y)
    if close < 0 or not words or len(words) > NOTE_WORDS or words[0] in SUBORDINATE_WORDS:
        return None
    return guard_in(flat, x, y, x, x, spans=[(x, y)])


#: A negation closing the clause after an aside between commas right after a word of taking part
#: ("deltog, enligt deltagarlistan, inte", "deltog, som det ser ut, inte"): it denies the taking part;
#: not "deltog, enligt listan, inte bara digitalt" (the negation of what follows it).
_ASIDE_THEN_NOT = LazyPattern(r",(?: [\w-]+){1,5}, (inte|ej|icke|aldrig|not|never)(?= ?(?:[.!;:)\x00]|$))")


def _verb_guard(text: str, flat: str, a: int, b: int, name: tuple[int, int] | None = None) -> tuple[str, str] | None:
    """The guard word (not an invitation: "var inbjudet och deltog" took part) governing a word of taking
    part at ``a``..``b`` in its own clause, or its object that is another event or work
    (:func:`~sakrad_ld.clauses.other_event`: "deltog i Almedalen", "deltog i arbetet med …"); ``name``: the
    name's place, whose words are no guard words."""
    if (other := other_event(flat, b)) is not None:
        return other, OTHER_EVENT
    if (aside := _ASIDE_THEN_NOT.match(flat, b)) is not None:
        return aside.group(1), NEGATION
    lo, hi = _sentence(text, a, b)
    return guard_in(flat, lo, hi, a, b, name=name)


def _part_words(
    words: LazyPattern,
    text: str,
    flat: str,
    lo: int,
    hi: int,
    a: int,
    b: int,
    heading: tuple[int, int] | None = None,
) -> Iterator[re.Match[str]]:
    """The words of ``words`` in the name's own clause at ``a``..``b`` and the coordinated clauses going on
    from it (:func:`~sakrad_ld.clauses.fact_clause`), in the contrast's parts going on with its subject
    (:func:`_own_clause`: "… men deltog ändå"), and in its list's ``heading``."""
    _, stop = contrast_clause(flat, lo, hi, a, b)
    _, on = _own_clause(flat, lo, hi, a, b)
    spans = [*fact_clause(flat, lo, hi, a, b, going_on=True), (stop, on)]
    if heading is not None:
        spans.append(heading)
    for x, y in spans:
        yield from words.finditer(flat, x, y)


#: Words that open a contrast's part with no subject of its own, the one before it going on ("X var inte
#: inbjudet men deltog ändå", "X anmälde sig men kom aldrig"): a verb or an adverb first.
_GOING_ON = LazyPattern(
    r"(?:men|but|utan) (?:(?:i år|i dag|idag|nu|denna gång|den här gången|this year|this time),? )?"
    r"(?:(?:organisationen|föreningen|förbundet|de|den|det|they|it) )?"
    r"(?:ändå |sedan |också |även |till slut |då )?(?:deltog|deltar|deltagit|medverkade|närvarade|"
    r"kom|fick|hann|valde|lämnade|tackade|skickade|avböjde|uteblev|kunde|skulle|ville|var|blev|har|hade|gick|"
    r"took|attended|participated|did|could|would|was|were|had)(?!\w)"
)


#: The words that open a subordinate clause after a word of taking part ("deltog i diskussionen om hur
#: stödet kan förbättras"): a modal or a negation after them is that clause's, not the taking part's.
_SUBORDINATE = LazyPattern(
    r" (?:hur|som|där|när|vilket|vilka|eftersom|därför att|att|vad|varför|how|which|who|where|that) "
)


def _undone(text: str, flat: str, word: re.Match[str], name: tuple[int, int] | None = None) -> bool:
    """Whether the word of taking part ``word`` is negated or put off in its own clause (:func:`_verb_guard`:
    not a subordinate clause after it, "deltog i diskussionen om hur stödet kan förbättras", nor a
    coordinated one, "deltog och hoppas …"); ``name``: the name's place ("Hela Sverige ska leva deltog")."""
    return _verb_guard(text, flat, word.start(), word.end(), name) is not None


def _own_clause(flat: str, lo: int, hi: int, a: int, b: int) -> tuple[int, int]:
    """The name's own part of the sentence ``lo``..``hi`` (:func:`~sakrad_ld.clauses.contrast_clause`),
    with the parts after it that have no subject of their own ("… men deltog ändå": :data:`_GOING_ON`)."""
    start, stop = contrast_clause(flat, lo, hi, a, b)
    while stop < hi and _GOING_ON.match(flat, stop + 1):
        stop = contrast_clause(flat, lo, hi, stop + 2, stop + 2)[1]
    return start, stop


#: The guard words clauses.GUARD_TABLE does not hold, by what they say, for a refusal's message (the rest
#: say a plan, a wish or a duty).
_GUARD_KINDS = (("an urging, an offer or a registration", URGED_WORDS),)


#: A guard word's kind as a refusal names it (a condition's and a doubt's alike).
_KIND_SAID = {CONDITION: "a condition or a doubt", DOUBT: "a condition or a doubt"}


def _guard_kind(word: str) -> str:
    """What a guard word (:data:`GUARD_WORDS`) says: a negation, an invitation, a plan …"""
    if word in GUARDS:
        return _KIND_SAID.get(GUARDS[word][0], GUARDS[word][0])
    for kind, words in _GUARD_KINDS:
        if word in words:
            return kind
    if any(w in word for w in ("bjud", "bjöd", "invited", "sändlista")):
        return "an invitation"
    return "a plan, a wish, a duty or a possibility"


#: Words of taking part for a government body: those of an organisation and of a government participant.
_BODY_PART = _role_words(
    (
        "deltog", "deltar", "deltagit", "medverkade", "medverkar", "närvarade", "närvarande", "var med", "fanns med",
        "deltagande", "deltagare", "inledde", "inleddes", "träffade", "berättade", "presenterade", "informerade",
        "samlades", "samlas", "träffades", "möttes", "representerades", "företräddes", "på plats", "took part",
        "taking part", "participated", "participating",
        "attended", "present", "represented",
    )
)  # fmt: skip


def _takes_part(text: str, flat: str, a: int, b: int, headings: dict[int, tuple[int, int] | None]) -> bool:
    """Whether the sentence naming a body at ``a``..``b`` (or its list's heading) holds a word of taking
    part with no negation or plan in its clause ("På mötet deltog … representanter från
    Regeringskansliet"; not "… kommer att anordna fler sakråd")."""
    before = _WORDS.findall(flat, max(0, a - GAP_WINDOW), a)[-2:]
    if (
        len(before) == 2
        and before[1] in ("på", "vid", "hos", "i", "inom", "at", "of")
        and _title(before[0], frozenset())
        and not before[0].startswith(("representant", "företrädare", "tjänstem"))
    ):
        return False  # "Tobias Olsson, enhetschef på X": X is where a person works, not one taking part
    spans = [_sentence(text, a, b)]
    if called_off_said(flat, *spans[0], ""):  # "Regeringskansliet deltog i sakrådet, som sedan ställdes in"
        return False
    heading = _heading(text, flat, spans[0][0], headings)
    if heading is not None:
        spans.append(heading)
    words = _part_words(_BODY_PART, text, flat, *spans[0], a, b, heading)
    return any(not _undone(text, flat, w) for w in words)


#: A list's mark at a sentence's start in a folded text ("- ", "* ", "1. "), or a sentence that is only
#: a number's mark ("13." before "Svenska Röda Korset": the capital after it ended a sentence).
_ITEM_START = LazyPattern(r"(?:[-*•+]|\d{1,3}[.)](?! " + _MONTH_WORD.pattern + "))(?: |$)")
_NUMBER_ONLY = LazyPattern(r"\d{1,3}[.)]")
#: How many items a list's heading is looked for above (each item at most CLAUSE_WINDOW characters).
LIST_ITEMS = 500


def _sentence_at(text: str, at: int) -> tuple[int, int]:
    """The sentence beginning at ``at`` in a folded text: (at, its end), at most CLAUSE_WINDOW long."""
    end = text.find(_END, at, at + CLAUSE_WINDOW)
    return at, (min(len(text), at + CLAUSE_WINDOW) if end < 0 else end)


def _before(text: str, at: int) -> int:
    """Where the sentence before the one beginning at ``at`` begins (-1: none, or longer than CLAUSE_WINDOW)."""
    if at <= 0:
        return -1
    found = text.rfind(_END, max(0, at - 1 - CLAUSE_WINDOW), at - 1)
    if found < 0:
        return 0 if at - 1 <= CLAUSE_WINDOW else -1
    return found + 1


def _colon_lead(text: str, flat: str, lo: int) -> tuple[int, int] | None:
    """The lead-in ending with ":" of the sentence beginning at ``lo`` ("Följande organisationer deltog: X, Y
    och Z.", "Deltog: X; Y; Z."): the sentence right before it, or before the items ending with ";" that
    stand between (at most :data:`LIST_ITEMS`); None if there is none."""
    at = lo
    for _ in range(LIST_ITEMS):
        before = _before(text, at)
        if before < 0:
            return None
        last = flat[before:at].rstrip(" \x00")
        if last.endswith(":"):
            return before, before + len(last)
        if not last.endswith(";"):
            return None
        at = before
    return None


def _heading(text: str, flat: str, lo: int, cache: dict[int, tuple[int, int] | None]) -> tuple[int, int] | None:
    """The heading over the list item whose sentence begins at ``lo`` (the sentence right before the
    list's first item: "Inbjudna organisationer:"), None if the sentence is no item or the list has no
    heading within :data:`LIST_ITEMS` items. Each item's heading is kept in ``cache``, so the items of a
    list are walked once, however many names they hold."""
    path: list[int] = []
    heading: tuple[int, int] | None = None
    at = lo
    while True:
        if at in cache:
            heading = cache[at]
            break
        start, end = _sentence_at(text, at)
        sentence = flat[start:end]
        before = _before(text, at)
        item = _ITEM_START.match(sentence) is not None or sentence.startswith("|")  # a list's item, a table's row
        if not item and before >= 0 and _NUMBER_ONLY.fullmatch(flat, before, at - 1):
            item = True
            before = _before(text, before)
        elif not item and before >= 0 and _item_label(text, flat, before, at):
            item = True  # "- Sakrådet: Fryshuset": the item's label ends a sentence before its words
            before = _before(text, before)
        if not item:
            heading = (start, end) if path else None
            break
        path.append(at)
        if before < 0 or len(path) > LIST_ITEMS:
            break
        at = before
    for item in path:
        cache[item] = heading
    return heading if path or lo in cache else None


#: A label opening a list's item or a table's row, or a sentence ("- Seminariet:", "| Seminariet |"): at
#: most four words before ':' or a cell's '|'.
_LABEL_WORDS = LazyPattern(r"[\s*•+|-]*(?:\d{1,3}[.)] )?((?:[\w'’-]+ ){0,3}[\w'’-]+) ?(?::|\|)")
#: Nouns of events other than a meeting, their stems (Swedish and English, any form: "Seminarium",
#: "Seminariet", "Konferensen", "Press conference"): a label of one names another event than this meeting.
EVENT_LABEL_STEMS = (
    "seminari", "seminar", "konferens", "conference", "webbinari", "webinar", "middag", "dinner", "lunch",
    "frukost", "breakfast", "mottagning", "reception", "pressträff", "presskonferens", "press conference",
    "mässa", "mässan", "festival", "studiebesök", "study visit", "rundvandring", "tour", "panel", "debatt",
    "debate", "mingel", "gala", "ceremoni", "ceremony", "utställning", "exhibition", "föreläsning", "lecture",
    "kurs", "course", "utbildning", "training", "hearing", "utfrågning", "almedal", "järvaveckan", "riksdag",
    "parliament", "kampanj", "campaign",
)  # fmt: skip
_EVENT_LABEL_NOUN = LazyPattern(r"(?<![\w-])(?:" + "|".join(EVENT_LABEL_STEMS) + r")[\w-]*")
#: A meeting's noun in a label: the label names this meeting (or another meeting, read by _another_meeting).
_MEETING_LABEL_NOUN = LazyPattern(r"(?<![\w-])(?:sakråd|samråd|möte|dialogmöte|meeting|consultation)\w*")


def _event_label(text: str, flat: str, lo: int, hi: int) -> str | None:
    """The label naming another event than this meeting (:data:`EVENT_LABEL_STEMS`) that the sentence
    ``flat[lo:hi]`` opens with ("| Seminariet | Famna |") or stands under as a list's item's text ("-
    Seminariet: Famna deltog", the label a sentence of its own before it); None where none does (no label,
    or one naming a meeting, or an event the text calls this meeting: "Sakrådet hölls som ett seminarium")."""
    spans = [(lo, hi)]
    if (lead := _colon_lead(text, flat, lo)) is not None:
        spans.append(lead)
    for x, y in spans:
        label = _LABEL_WORDS.match(flat, x, y)
        if label is None or _MEETING_LABEL_NOUN.search(label.group(1)) is not None:
            continue
        noun = _EVENT_LABEL_NOUN.search(label.group(1))
        if noun is not None and not own_event(flat, noun.group()):
            return label.group(1)
    return None


def _item_label(text: str, flat: str, lo: int, hi: int) -> bool:
    """Whether the sentence ``flat[lo:hi]`` is only a list item's label ("- Sakrådet:")."""
    if _ITEM_START.match(flat, lo) is None:
        return False
    label = _LABEL_WORDS.match(flat, lo, hi)
    return label is not None and flat[label.end() - 1] == ":" and not flat[label.end() : hi].strip(" \x00")


def _labelled_item(text: str, flat: str, lo: int, cache: dict[int, tuple[int, int] | None]) -> tuple[int, int] | None:
    """The heading of the list whose item's label is the sentence before the one at ``lo`` ("Deltagare:"
    over "- Sakrådet: Fryshuset", whose label ends a sentence before the name): the item's words are read
    under it as the label's. None where the sentence before is no such label."""
    lead = _colon_lead(text, flat, lo)
    if lead is None or not _item_label(text, flat, *lead):
        return None
    return _heading(text, flat, lead[0], cache)


def _places(raw: str) -> frozenset[str]:
    """The words a kept text writes with a capital after "i" ("i Linköping"), folded: where a name
    followed by "i" and one of them names a local branch."""
    return frozenset(folded(w) for w in _CAPITAL_AFTER_I.findall(raw))


_CAPITAL_AFTER_I = LazyPattern(r"(?<!\w)i[^\S\n]++([A-ZÅÄÖ]\w*+)")


def _inside_longer(
    flat: str, a: int, b: int, longer: dict[tuple[int, int], frozenset[str]], places: frozenset[str], text: str = ""
) -> bool:
    """Whether the name found at ``a``..``b`` stands there inside a longer name of the data (``longer``:
    the longer names by where the name stands in them and their length, :func:`_longer`), or is followed
    by "i" and a place (``places``: "… Bilda i Linköping", a local branch). One look for each place and
    length, not for each longer name: a name inside thousands of others costs each occurrence a few
    looks, not thousands."""
    if any(
        offset <= a and flat[a - offset : a - offset + length] in group for (offset, length), group in longer.items()
    ):
        return True
    local = _LOCAL.match(text or flat, b)  # not past a sentence's or a list item's end ("- X" and "I Stockholm …")
    return local is not None and not flat.startswith("s", b) and local.group(1) in places


def _item_of(text: str, flat: str, a: int, b: int, headings: dict[int, tuple[int, int] | None]) -> bool:
    """Whether the name at ``a``..``b`` stands in a list's item, a labelled item or after a lead-in ending
    with ":", whose heading may say it took part where the item itself says it did not."""
    lo, _ = _sentence(text, a, b)
    return bool(_heading(text, flat, lo, headings) or _labelled_item(text, flat, lo, headings))


def footnotes_read(raw: str) -> tuple[str, str] | None:
    """The Markdown footnotes' words of the kept text ``raw`` ("[^1]: Rättelse: Famna deltog inte."), each a
    paragraph, as :func:`folded_text` and :func:`_flat` give them (a reader sees them below the text, where
    the rendering leaves them out as link definitions); None where it has none."""
    from .corrected import footnotes

    notes = footnotes(raw) if "[^" in raw else []
    if not notes:
        return None
    text = folded_text("\n\n".join(notes))
    return text, _flat(text)


def _longer(value: str, names: dict[str, list[str]]) -> dict[tuple[int, int], frozenset[str]]:
    """The longer names of the data (``names``, :func:`_longer_names`) the folded ``value`` stands in as
    whole words, by where it stands in them and their length."""
    longer: dict[tuple[int, int], set[str]] = defaultdict(set)
    for name in names.get(value.split(" ", 1)[0], ()):
        if len(name) > len(value):
            for offset, _ in find_words(value, name):
                longer[offset, len(name)].add(name)
    return {key: frozenset(group) for key, group in longer.items()}


def _named(
    values: list[str],
    text: str,
    flat: str,
    names: dict[str, list[str]],
    places: frozenset[str],
    *,
    listed: bool,
    cache: dict[str, dict[tuple[int, int], frozenset[str]]] | None = None,
    headings: dict[int, tuple[int, int] | None] | None = None,
    taking_part: bool = False,
    years: frozenset[str] | None = None,
    notes: tuple[str, str] | None = None,
) -> str | None:
    """An organisation's name (or other name) found on its own: "" where one of ``values`` is, not inside
    a longer name of the data or a local branch's (an acronym, written in capitals, may be; and, for a
    ``listed`` organisation, in a sentence not saying it was only invited or did not take part); else
    why not (None: not found at all). ``cache``: the longer names of each value (:func:`_longer`) found
    before, so a name checked for each meeting that lists it is looked for among the others once.
    ``headings``: the lists' headings found in this text (:func:`_heading`). ``taking_part``: the
    sentence (or its list's heading) must also hold a word of taking part (a government body). ``notes``:
    the text's footnotes as :func:`footnotes_read` gives them, where one may take back what the text says."""
    found = passive = taking = False
    invited = absent = ""
    cache = {} if cache is None else cache
    headings = {} if headings is None else headings
    for value in values:
        # an acronym after a name ("… paraplyorganisation MIP") is the text giving it
        acronym = value.isupper() and " " not in value
        value = folded(value)
        if acronym:
            longer = {}
        else:
            if value not in cache:
                cache[value] = _longer(value, names)
            longer = cache[value]
        for a, b in find_words(value, flat):
            found = True
            if _inside_longer(flat, a, b, longer, places, text):
                continue
            if listed and (said := _only_invited(text, flat, a, b, headings, years, names)):
                invited = invited or said
                absent = absent or _said_absent(text, flat, a, b, years)
            elif taking_part and not _takes_part(text, flat, a, b, headings):
                passive = True
            elif listed:
                taking = True  # read on: another sentence may say it did not take part
                if _item_of(text, flat, a, b, headings):  # "- Famna deltog inte." under "A och Famna deltog."
                    absent = absent or _said_absent(text, flat, a, b, years)
            else:
                return ""
    if taking and not absent and notes is not None:
        # a footnote taking it back ("[^1]: Rättelse: Famna deltog inte."), read as its reader sees it, below
        absent = next(
            (
                said
                for v in values
                for a, b in find_words(folded(v), notes[1])
                if (said := _said_absent(notes[0], notes[1], a, b, years))
            ),
            "",
        )
    if taking and absent:
        return f"names it taking part, but another sentence says it did not: {absent}; a contradiction to resolve"
    if taking:
        return ""
    if not found:
        return None
    if invited:
        return (
            "names it only in sentences saying it was invited, did not take part or is to take part (or "
            f"under such a list's heading), about another meeting, or only mentioning it: {invited}"
        )
    if passive:
        return "names it only in sentences with no word of its taking part ('deltog', 'medverkade', 'presenterade' …)"
    return "holds it only inside a longer name (another organisation's, or a local branch's: 'X i Linköping')"


#: Words of a sentence saying where a meeting is held, one of which must stand before a place's
#: preposition ("Sakrådet hölls i Stockholm", "genomförs i Regeringskansliets lokaler", "ett möte i …"), an
#: announcement's infinitive too ("ska hållas i", "väntas äga rum i", "will take place in").
HELD_WORDS = (
    "hölls", "hålls", "hållas", "skedde", "sker", "genomförs", "genomfördes", "genomföras", "äger rum",
    "ägde rum", "äga rum", "anordnas", "anordnades", "arrangeras", "arrangerades", "möte", "mötet",
    "träffas", "träffades", "samlades", "plats", "lokaler", "held", "be held", "takes place", "took place",
    "take place", "meeting", "venue", "location",
)  # fmt: skip
_HELD = _role_words(HELD_WORDS)
#: The prepositions a place stands right after in a sentence of holding ("hölls i Malmö", "hölls hos
#: Länsstyrelsen i Malmö", "was held at Rosenbad").
PLACE_PREPOSITIONS = ("i ", "på ", "vid ", "hos ", "in ", "at ")
#: The labels a place stands right after, which say on their own that the meeting was held there
#: ("Plats: Rosenbad", "Mötesplats: Rosenbad, Stockholm"); the longer first, so "mötesplats: " is read
#: whole.
PLACE_LABELS = (
    "mötesplats: ", "mötesort: ", "möteslokal: ", "plats: ", "place: ", "venue: ", "location: ", "lokal: ",
)  # fmt: skip
_AT = PLACE_PREPOSITIONS + PLACE_LABELS
#: A venue of one or two words and a comma right before a town or an address that ends its clause, or is
#: closed by a comma before a preposition or a date ("hölls i Rosenbad, Stockholm", "ägde rum på
#: Socialdepartementet, Fredsgatan 8, i Stockholm", "Mötesplats: Rosenbad, Stockholm", "was held at
#: Rosenbad, Stockholm"): the town or address is where the meeting was held too.
_VENUE_THEN = LazyPattern(
    r"(?:(?<!\w)(?:i|på|vid|hos|in|at)|(?<![\w-])(?:" + "|".join(re.escape(p.strip()) for p in PLACE_LABELS) + r"))"
    r" [\w-]+(?: [\w-]+)?, $"
)
_PLACE_END = LazyPattern(r"[.;!)]|\s*$|, (?:i|på|vid|in|at|den|on) |, \d")


_ELSEWHERE = {
    "place": "holds it, but not where it says the meeting was held",
    "convening body": "names it, but not as calling the sakråd",
    "area": "holds it only where it is not said to be discussed (no word of discussing in its sentence: "
    "'diskuterades', 'lyfte', 'togs upp', 'nämnde', 'framförde', 'delade med sig', 'medskick', 'knöt an till', "
    "'betonade X' …, or 'dialog om X', 'temat var X'; 'beskrev' and 'berättade' are not enough, they say what was "
    "presented; or a negation in its clause)",
    "announced area": "holds it only where it is not said to be discussed or announced for discussion (no word "
    "of discussing in its sentence: 'kommer att diskuteras', 'ska diskuteras', 'diskuteras', 'tas upp' …; or a "
    "negation in its clause)",
    "planned": "holds it only in a sentence announcing it ('kommer att diskuteras', 'ska diskuteras', 'vi kommer "
    "att diskutera', 'planeras diskuteras'): a plan before the sakråd, not that it was discussed; record it in "
    "announced_discussion_areas (an area announced before the sakråd), not discussion_areas",
}


def _elsewhere(value: str, flat: str, kind: str) -> str | None:
    """Why a value the text holds is not found as its kind of fact; None where the text does not hold it."""
    return _ELSEWHERE[kind] if next(find_words(folded(value), flat), None) is not None else None


#: Words of discussing: a discussion area stands in a sentence holding one (or under a list's heading
#: holding one): "diskuterades", "lyftes", "togs upp", "samtalade om", "belystes", "rörde" …
DISCUSSING_WORDS = (
    "diskuterades", "diskuterade", "diskuterar", "diskuteras", "diskutera", "diskussion", "diskussionen",
    "diskussioner", "diskussionerna", "gruppdiskussioner", "diskussionsområden", "diskussionspunkter",
    "lyftes", "lyfte", "lyfts", "lyfter", "samtalade", "behandlades", "behandlade", "berördes", "berörde",
    "avhandlades", "ämnen", "ämnena", "framförde", "framfördes", "belystes", "belyste", "belyses", "belyser",
    "delade med sig", "delades", "discussed", "discussion", "discussions", "raised", "topics", "addressed",
    # a point named or handed over at the sakråd ("nämnde organisationerna att …", "Några delar som
    # nämndes …", "Ett annat medskick var …"); "beskrev" and "berättade" are not among them: a minister
    # describing or telling is a presentation, not a discussion
    "nämnde", "nämndes", "nämner", "nämns", "nämnts", "medskick", "medskicket", "medskicken", "mentioned",
)  # fmt: skip
#: Words of a conversation, a theme or stress: a discussion area only where the area is their object
#: or topic ("dialog om X", "samtal kring X", "temat var X", "betonade vikten av X", "X var dagens
#: tema"); elsewhere in a sentence they say nothing was discussed ("Att ha en öppen dialog … är viktigt
#: för att … underlätta genomförandet").
TOPIC_WORDS = (
    "dialog", "dialogen", "dialoger", "samtal", "samtalet", "samtalen", "tema", "temat", "teman", "temana",
    "betonade", "betonades", "betonar", "themes", "theme", "stressed", "emphasised", "emphasized",
)  # fmt: skip
#: Particle verbs of discussing, up to two adverbs (or a pronoun, the subject after the verb:
#: :data:`~sakrad_ld.clauses.PARTICLE_ADVERBS`) between their parts ("tog även upp", "togs också upp", "tar också upp", "Därefter tog hon upp"), and "rörde"
#: not of "rörde sig om" ("Andra frågor rörde asylärenden").
_DISCUSSING = LazyPattern(
    _role_words(DISCUSSING_WORDS).pattern
    + r"|(?<!\w)(?:tog|togs|tar|tas|tagit|tagits|förde|fördes)(?: (?:"
    + "|".join(re.escape(w) for w in PARTICLE_ADVERBS)
    + r")){0,2} (?:upp|fram)(?!\w)|(?<!\w)(?:rörde|rör)(?! sig)(?!\w)"
    # "knöt an till", its subject and adverbs between ("knöt deltagare på olika sätt an till hur …")
    r"|(?<!\w)(?:knöt|knöts|knyter|knyts|knutit)(?: [\w-]+){0,6}? an till(?!\w)"
)
_TOPIC = _role_words(TOPIC_WORDS)
#: The topic's prepositions, one of which ends the words between a word of :data:`TOPIC_WORDS` and its
#: area ("dialog med civilsamhället om X", "samtal kring X").
_TOPIC_OF = frozenset("om kring runt angående rörande gällande beträffande kring about on regarding".split())
#: Words that may stand between a word of :data:`TOPIC_WORDS` and its area besides a topic's
#: preposition ("temat för sakrådet var X", "betonade också vikten av X").
_TOPIC_GAP = frozenset(
    "var är blev was is were för sakrådet mötet dagen dagens samtalet vikten behovet betydelsen av att "
    "även också särskilt främst bland annat of the :".split()
)
#: Words that may stand between an area and a word of :data:`TOPIC_WORDS` after it ("X var dagens tema",
#: "X var sakrådets huvudsakliga tema", "X betonades också").
_TOPIC_BEFORE = frozenset(
    "var är blev was is were ett en det the a sakrådets mötets dagens samtalets huvudsakliga främsta "
    "övergripande återkommande centralt centrala viktigt viktiga även också särskilt ofta i fokus för".split()
)
#: A sentence of examples ("Exempel var …", "Ett exempel är …") after a sentence of discussing gives
#: what was discussed ("Det lyftes flera exempel på hur … har ökat. Exempel var den ökade antisemitismen …").
_EXAMPLES = LazyPattern(r"(?:(?:ett|några|andra|flera|bland) )?exempel\w*(?!\w)")


_FOLLOWING = _role_words(("följande", "the following"))
#: The words of :data:`TOPIC_WORDS` that are verbs: their subject may stand between them and their object.
_TOPIC_VERBS = frozenset({"betonade", "betonar", "stressed", "emphasised", "emphasized"})
#: A subject's words without a counted noun: pronouns and quantifiers ("betonade de", "betonade flera").
SUBJECT_WORDS = frozenset(
    "de hon han vi man ni flera många några alla somliga andra the they several many some most flesta".split()
)


def _subject_word(word: str) -> bool:
    """Whether ``word`` can be (part of) a subject of people or organisations: a pronoun or quantifier
    of :data:`SUBJECT_WORDS`, or a noun of people or bodies not in the genitive ("organisationerna",
    "deltagarna", "civilsamhällesorganisationerna")."""
    return word in SUBJECT_WORDS or (_STEM.search(word) is not None and not word.endswith("s"))


def _topic_of(text: str, flat: str, a: int, b: int, lo: int, hi: int) -> bool:
    """Whether the area at ``a``..``b`` is the object or topic of a word of :data:`TOPIC_WORDS` in its
    sentence ``lo``..``hi``: after it in its clause with a topic's preposition last among at most six
    words between ("dialog med civilsamhället om X") or only :data:`_TOPIC_GAP` words, at most four
    ("temat var X"); or before it with only :data:`_TOPIC_BEFORE` words between ("X var dagens tema")."""
    start = _clause_start(text, a)
    for word in _TOPIC.finditer(flat, max(lo, start), a):
        gap = _WORDS.findall(flat, word.end(), a)
        if gap and len(gap) <= 6 and gap[-1] in _TOPIC_OF and not any(w in (",", "som") for w in gap):
            return True
        if len(gap) <= 4 and all(w in _TOPIC_GAP or w in _TOPIC_OF for w in gap):
            return True
        # a verb of stress with its subject between it and its object in V2 order ("På mötet betonade
        # civilsamhällesorganisationerna den ökande polariseringen", "betonade de även vikten av X")
        if (
            word.group() in _TOPIC_VERBS
            and len(gap) <= 6
            and any(_subject_word(w) for w in gap)
            and all(w in _TOPIC_GAP or w in _TOPIC_OF or _subject_word(w) for w in gap)
        ):
            return True
    end = _clause_end(text, b)
    word = _TOPIC.search(flat, b, min(hi, max(b, end)))
    if word is not None:
        gap = _WORDS.findall(flat, b, word.start())
        if len(gap) <= 4 and all(w in _TOPIC_BEFORE for w in gap):
            return True
    return False


def _discussed(
    value: str,
    text: str,
    flat: str,
    headings: dict[int, tuple[int, int] | None] | None = None,
    years: frozenset[str] | None = None,
) -> bool:
    """Whether a discussion area stands in the text in a sentence of discussing, said or announced
    (:func:`discussion`)."""
    return discussion(value, text, flat, headings, years) is not None


def discussion(
    value: str,
    text: str,
    flat: str,
    headings: dict[int, tuple[int, int] | None] | None = None,
    years: frozenset[str] | None = None,
) -> Literal["said", "planned"] | None:
    """How the text gives a discussion area: "said" where it stands in a sentence of discussing (a word
    of :data:`DISCUSSING_WORDS` or a particle verb of discussing in it or in its list's heading, a word
    of :data:`TOPIC_WORDS` whose object or topic it is (:func:`_topic_of`) or in its list's heading, or
    a sentence of examples after one of discussing), with no negation in its clause around it ("Under
    sakrådet diskuterades inte …" does not say it was discussed) and not about another meeting;
    "planned" where every such sentence announces it (:data:`PLANNED_WORDS` governing its word of
    discussing: "Vid sakrådet kommer följande sakområden att diskuteras: X", "Vi kommer också att
    diskutera X"); None where none gives it."""
    headings = {} if headings is None else headings
    planned = False
    for a, b in find_words(folded(value), flat):
        sentence = _sentence(text, a, b)
        if (
            _another_meeting(flat, *sentence, years)
            or _area_guard(flat, *sentence, a, b) is not None
            or _event_label(text, flat, *sentence) is not None
        ):
            continue
        spans = [sentence]
        if _EXAMPLES.match(flat, sentence[0]) and (before := _before(text, sentence[0])) >= 0:
            spans.append((before, sentence[0]))
        heading = _heading(text, flat, sentence[0], headings) or _labelled_item(text, flat, sentence[0], headings)
        # a sentence ending with "." is a paragraph's, not a list's heading (unless it leads in:
        # "följande"): the line after it that opens with a dash is a quotation ("– Vi kan alla dra
        # lärdom …, den här dialogen är …, säger …")
        if heading is not None and (
            not flat[heading[0] : heading[1]].rstrip().endswith(".") or _FOLLOWING.search(flat, *heading)
        ):
            if _another_meeting(flat, *heading, years):
                continue  # "Diskussionsområden inför nästa sakråd:": the items are another meeting's
            if _PROPOSED.search(flat, *heading) is not None:
                planned = True  # "Förslag på diskussionsområden:": proposed, not said to be discussed
                continue
            # the negation of the heading's own clause, the word of discussing's: not one of a relative
            # clause in it ("Följande frågor diskuterades, som inte tidigare behandlats:")
            verb = next(
                (d for d in _DISCUSSING.finditer(flat, *heading) if not side_clause(flat, *heading, d.start())), None
            )
            own = [heading] if verb is None else fact_clause(flat, *heading, verb.start(), verb.end())
            denied = guard_in(flat, *heading, heading[0], heading[0], kinds=(NEGATION, ABSENCE), spans=own)
            if denied is not None:
                continue  # "Följande diskuterades inte:": the heading's negation governs its items
            if _TOPIC.search(flat, *heading) and not _DISCUSSING.search(flat, *heading):
                said = _PLANNED.search(flat, *heading) is None
                if said:
                    return "said"
                planned = True
            spans.append(heading)
        # a word of discussing placed at another event ("diskuterades på seminariet efter sakrådet", "i
        # riksdagen") says nothing of this meeting's discussion
        words = [
            (w.start(), span)
            for span in spans
            for w in _DISCUSSING.finditer(flat, *span)
            if other_event(flat, w.end(), indefinite=False) is None
        ]
        if _TAKEN_UP_BEFORE.search(flat, max(sentence[0], a - 60), a) and _TAKEN_UP_AFTER.match(flat, b):
            words.append((a, sentence))  # "Vid sakrådet togs (bl.a.) skolans roll upp"
        if words:
            if not all(_planned(flat, at, span) for at, span in words):
                return "said"
            planned = True
            continue
        if _topic_of(text, flat, a, b, *sentence):
            if _PLANNED.search(flat, sentence[0], a) is None:
                return "said"
            planned = True
    return "planned" if planned else None


#: Words of a list's heading that propose its items ("Förslag på diskussionsområden:", "Föreslagna
#: teman:", "Suggested topics:"): what was proposed, not what was discussed.
_PROPOSED = LazyPattern(
    r"(?<!\w)(?:förslag (?:på|till)|föreslagna|föreslås|önskemål om|proposed|suggested|suggestions for)(?!\w)"
)


#: A particle verb of discussing around its subject, the area ("Vid sakrådet togs bl.a. skolans roll upp").
_TAKEN_UP_BEFORE = LazyPattern(
    r"(?<!\w)(?:tog|togs|tas|tar|fördes|förde)(?: (?:" + "|".join(re.escape(w) for w in PARTICLE_ADVERBS) + r")){0,3} $"
)
_TAKEN_UP_AFTER = LazyPattern(r" (?:upp|fram)(?!\w)")


#: Any form of a verb of discussing ("diskuterats", "behandlats"), for a refusal's message.
_DISCUSS_STEM = LazyPattern(r"(?<!\w)(?:diskut|behandl|lyft|discuss)\w*")


def _area_said(value: str, text: str, flat: str, years: frozenset[str] | None = None) -> str:
    """Why a discussion area the text holds is not said to be discussed where a sentence holding it with
    a word of discussing says something else: "holds it, but its sentence '…' says a negation ('varken')
    …" or "… is about another meeting"; "" where no such sentence does (no word of discussing)."""
    for a, b in find_words(folded(value), flat):
        lo, hi = _sentence(text, a, b)
        if (event := _event_label(text, flat, lo, hi)) is not None:  # "- Seminariet: skolans roll"
            return f"holds it, but its sentence {_quoted(flat[lo:hi].strip())} is about another event (its label {event!r})"
        if not any(p.search(flat, lo, hi) for p in (_DISCUSSING, _TOPIC, _DISCUSS_STEM)):
            continue
        sentence = _quoted(flat[lo:hi].strip())
        if _another_meeting(flat, lo, hi, years):
            return f"holds it, but its sentence of discussing {sentence} is about another meeting"
        if (found := _area_guard(flat, lo, hi, a, b)) is not None:
            word, kind = found
            return (
                f"holds it, but its sentence of discussing {sentence} says {_KIND_SAID.get(kind, kind)} ({word!r}), "
                "not that it was discussed"
            )
    return ""


def _area_denied(value: str, text: str, flat: str, years: frozenset[str] | None = None) -> str:
    """A sentence holding a discussion area that says it was not discussed at this meeting, quoted: a
    negation or an absence governs it by a word of discussing ("Skolans roll diskuterades inte", "Rättelse:
    skolans roll togs aldrig upp"), not about another meeting or event; "" where none does. Read beside the
    sentence saying it was discussed: the two contradict each other."""
    for a, b in find_words(folded(value), flat):
        lo, hi = _sentence(text, a, b)
        if not any(p.search(flat, lo, hi) for p in (_DISCUSSING, _DISCUSS_STEM, _TAKEN_UP_AFTER)):
            continue
        if _another_meeting(flat, lo, hi, years) or _event_label(text, flat, lo, hi) is not None:
            continue
        if any(_at_other_event(flat, w.end(), hi) for w in _DISCUSSING.finditer(flat, lo, hi)):
            continue  # "skolans roll diskuterades inte på seminariet"
        found = _area_guard(flat, lo, hi, a, b)
        if found is not None and found[1] in (NEGATION, ABSENCE):
            return _quoted(flat[lo:hi].strip())
    return ""


def _area_guard(flat: str, lo: int, hi: int, a: int, b: int) -> tuple[str, str] | None:
    """The guard word that governs the discussion area at ``a``..``b`` in the sentence ``lo``..``hi``
    (:func:`~sakrad_ld.clauses.guard_in`: its own clause, not a subordinate or coordinated clause, "och vad
    regeringen borde göra"; nor its own words, an area that is an indirect question, "om stödet borde
    höjas"), a plan of an announcement aside; or a contrast's part after it saying it was not reached
    ("…, men det hanns inte med"). None: nothing says it was not discussed."""
    own = [
        piece
        for s, e in fact_clause(flat, lo, hi, a, b)
        for piece in ((s, min(e, a)), (max(s, b), e))
        if piece[0] < piece[1]
    ]
    found = guard_in(flat, lo, hi, a, b, spans=own)
    if found is not None and not (found[1] == PLAN and found[0] in PLANNED_WORDS):
        return found
    start, stop = contrast_clause(flat, lo, hi, a, b)
    if (asked := _ASKED_FOR.search(flat, start, a)) is not None:  # "efterfrågade en diskussion om X"
        return asked.group(1), PLAN
    if stop < hi and (word := _NOT_DONE.search(flat, stop, hi)) is not None:
        return word.group(), NEGATION
    return None


#: A discussion asked for, wished or called for before the area ("Organisationerna efterfrågade en
#: diskussion om X", "bad om ett samtal kring X", "asked for a discussion about X"): a wish, not that X
#: was discussed.
_ASKED_FOR = LazyPattern(
    r"(?<!\w)(efterfrågade|efterfrågades|efterfrågar|efterlyste|efterlystes|önskade|önskades|önskar|bad om|"
    r"begärde|begärdes|ville ha|krävde|asked for|requested|called for|wanted)"
    r"(?: (?:en|ett|a|an|the|mer|more|fler|ytterligare))? (?:[\w-]+ )?"
    r"(?:diskussion|samtal|dialog|debatt|genomgång|discussion|debate|conversation|dialogue)\w*"
    r"(?: (?:om|kring|runt|angående|kring|about|on|of|regarding))? $"
)


#: Words of an announcement's plan or future, governing a word of discussing after them: "Vid sakrådet
#: kommer följande sakområden att diskuteras", "Vi kommer också att diskutera", "X ska diskuteras",
#: "X planeras diskuteras", "will be discussed" ("skulle" and "hade planerat" are guard words: clauses.GUARD_TABLE).
PLANNED_WORDS = (
    "kommer att", "ska", "skall", "planeras", "planerar", "avses", "avser", "är tänkt att", "är tänkta att",
    "will", "shall", "is to be", "are to be", "going to",
)  # fmt: skip
_PLANNED = LazyPattern(
    r"(?<!\w)(?:kommer(?: [\w'.:-]+){0,8}? att|"
    + "|".join(re.escape(w) for w in PLANNED_WORDS if w != "kommer att")
    + r")(?!\w)"
)
#: At most this many words between a word of :data:`PLANNED_WORDS` and the word of discussing it governs
#: ("ska också i första hand diskuteras").
_PLANNED_GAP = 6


def _planned(flat: str, at: int, span: tuple[int, int]) -> bool:
    """Whether the word of discussing at ``at`` is governed by a word of :data:`PLANNED_WORDS` before it
    in ``span``, at most :data:`_PLANNED_GAP` words between."""
    for plan in _PLANNED.finditer(flat, span[0], at):
        if len(_WORDS.findall(flat, plan.end(), at)) <= _PLANNED_GAP:
            return True
    return False


#: Words after an area saying it was not reached: "…, men det hanns inte med", "tiden räckte inte".
_NOT_DONE = LazyPattern(
    r"(?<!\w)(?:hanns inte|hann inte|hanns aldrig|hann aldrig|räckte inte|fanns inte tid|fanns ingen tid)(?!\w)"
)


def _held_at(value: str, text: str, flat: str, years: frozenset[str] | None = None) -> bool:
    """Whether the place ``value`` stands in a sentence saying where the meeting was held: right after
    "i", "på", "vid", "in", "at" (or "Plats:") with a word of :data:`HELD_WORDS` before it in its sentence."""
    return next(_holding_places(value, text, flat, years), None) is not None


def _holding_places(
    value: str, text: str, flat: str, years: frozenset[str] | None = None
) -> Iterator[tuple[int, int, int, int]]:
    """Each place ``value`` in a sentence saying where the meeting was held (:func:`_held_at`), as its
    preposition's start, the place's end and the sentence's bounds."""
    for a, b in find_words(folded(value), flat):
        at = next((a - len(p) for p in _AT if flat.startswith(p, a - len(p))), -1)
        if at < 0 and (venue := _VENUE_THEN.search(flat, max(0, a - 60), a)) is not None and _PLACE_END.match(flat, b):
            at = venue.start()  # "hölls i Rosenbad, Stockholm": the town after the venue
        if at < 0 or (at > 0 and _word(flat[at - 1])):
            continue
        lo, hi = _sentence(text, at, b)
        if _another_meeting(flat, lo, hi, years):  # "Ett tidigare sakråd hölls i Malmö", "Sakrådet 2023 …"
            continue
        if flat.startswith(PLACE_LABELS, at) or (
            any(_holds_meeting(flat, lo, w) for w in _HELD.finditer(flat, lo, at))
            and (not flat.startswith("hos ", at) or _held_by_verb(flat, lo, at))
        ):
            yield at, b, lo, hi


#: Words of holding whose subject may be anything ("Anmälan sker i Rosenbad", "Registreringen skedde i
#: entrén"): they place the meeting only with its noun as their subject (:func:`_holds_meeting`).
_ANY_SUBJECT = frozenset({"sker", "skedde"})
#: Endings of this meeting's nouns ("sakrådet", "dialogmötet").
MEETING_ENDS = ("sakråd", "sakrådet", "samråd", "samrådet", "möte", "mötet", "dialogmöte", "dialogmötet")


def _holds_meeting(flat: str, lo: int, word: re.Match[str]) -> bool:
    """Whether the word of holding ``word`` (of :data:`_HELD`, in the sentence from ``lo``) says something of
    the meeting: any but "sker"/"skedde", and those with the meeting's noun or a pronoun as their subject
    right before or after them ("Mötet sker i Rosenbad", "I Rosenbad sker sakrådet"; not "Anmälan sker i
    Rosenbad")."""
    if word.group() not in _ANY_SUBJECT:
        return True
    before = _WORDS.findall(flat, lo, word.start())[-1:]
    after = _WORDS.findall(flat, word.end(), min(len(flat), word.end() + 30))[:1]
    return any(w in HELD_SUBJECTS or w.endswith(MEETING_ENDS) for w in (*before, *after))


#: Words of holding that say nothing of the meeting after "hos" ("Anmälan sker hos Länsstyrelsen",
#: "Anmälan till mötet görs hos …"): a noun, or "sker", whose subject may be anything.
_NOT_HELD_BY = frozenset({"sker", "skedde", "möte", "mötet", "plats", "lokaler", "meeting", "venue", "location"})


def _held_by_verb(flat: str, lo: int, at: int) -> bool:
    """Whether a verb of holding a meeting (not :data:`_NOT_HELD_BY`) stands before "hos" at ``at`` in the
    sentence from ``lo`` ("Sakrådet hölls hos Länsstyrelsen i Malmö"): "hos" names a host's premises only
    where the meeting is what was held there."""
    return any(w.group() not in _NOT_HELD_BY for w in _HELD.finditer(flat, lo, at))


def _planned_place(value: str, text: str, flat: str, years: frozenset[str] | None = None) -> str | None:
    """The plan's noun or expectation (:data:`~sakrad_ld.clauses.PLAN_LEAD`, :data:`EXPECTED_WORDS`: "Planen
    var att sakrådet hålls i Luleå") governing the place ``value`` in every sentence saying the meeting was
    held there (:func:`_held_at`); None where one of them has none. Loading reads them with the other guard
    words (:func:`~sakrad_ld.placed.place_guard`)."""
    lead = None
    for at, b, lo, hi in _holding_places(value, text, flat, years):
        found = guard_in(flat, lo, hi, at, b, kinds=(PLAN,))
        if found is None or not (found[0] in EXPECTED_WORDS or PLAN_LEAD.fullmatch(found[0])):
            return None
        lead = lead or found[0]
    return lead


#: Verbs of holding a meeting (:data:`HELD_WORDS` but its nouns): after a place that opens its sentence they
#: say the meeting was held there ("I Luleå hölls sakrådet", "In Luleå the meeting was held").
HOLDING_VERBS = (
    *(w for w in HELD_WORDS if w not in ("möte", "mötet", "plats", "lokaler", "meeting", "venue", "location")),
    "anordnats", "hållits",
)  # fmt: skip
_HOLDING = _role_words(HOLDING_VERBS)
#: How far after a fronted place its verb of holding may stand ("I Luleå, i Regeringskansliets lokaler,
#: hölls …").
FRONTED_WINDOW = 80


def _fronted_place(
    value: str, text: str, flat: str, years: frozenset[str] | None = None, *, announced: bool = False
) -> str | None:
    """Whether the place ``value`` opens a sentence saying the meeting was held there, its preposition
    first and a verb of holding (:data:`HOLDING_VERBS`) after it in its clause ("I Luleå hölls sakrådet",
    "In Luleå the meeting was held"): "" where one does and nothing in it says otherwise
    (:func:`~sakrad_ld.placed.place_guard`: "I Luleå hölls inte sakrådet", "I Luleå ska sakrådet hållas"
    for a meeting not ``announced`` only); else what the first such sentence says; None where none."""
    from .placed import place_guard

    said = None
    for a, b in find_words(folded(value), flat):
        at = next((a - len(p) for p in PLACE_PREPOSITIONS if flat.startswith(p, a - len(p))), -1)
        if at < 0:
            continue
        lo, hi = _sentence(text, at, b)
        if flat[lo:at].strip(" -*•>#\x00") or _another_meeting(flat, lo, hi, years):
            continue
        if not any(
            _HOLDING.search(flat, max(x, b), min(y, b + FRONTED_WINDOW)) for x, y in fact_clause(flat, lo, hi, at, b)
        ):
            continue
        why = place_guard(text, flat, at, b, announced=announced)
        if not why:
            return ""
        said = said or f"holds it, but the sentence saying where the meeting was held {why}"
    return said


#: What a whole question may end at besides a sentence's end: a mark, a quotation's end, a list's next item.
_QUESTION_END = LazyPattern(r"[?.!:;\"”»)]| [-•*] | \d{1,3}[.)] ")


def _whole_question(value: str, text: str, flat: str, a: int, b: int) -> bool:
    """Whether the question ``value`` found at ``a``..``b`` is the text's whole question: nothing of a
    sentence before it (a sentence's end, a list's mark or a quotation's start), and after it its end."""
    before = a - 1 if a and flat[a - 1] == " " and text[a - 1] != _END else a
    if before > 0 and text[before - 1] != _END and (_word(flat[before - 1]) or flat[before - 1] == ","):
        return False
    if value[-1] in "?.!" or b == len(flat) or text[b] == _END:
        return True
    return _QUESTION_END.match(flat, b) is not None


def _asked(
    value: str,
    meeting: str,
    text: str,
    flat: str,
    asked: dict[str, int],
    headings: dict[int, tuple[int, int] | None] | None = None,
    years: frozenset[str] | None = None,
) -> str | None:
    """A question of ``meeting`` found whole after the one given before it (``asked``: where each
    meeting's last question found ends): "" if it is, else why not (None: not in the text at all)."""
    value = folded(value)
    after = asked.get(meeting, 0)
    for a, b in find_words(value, flat, after):
        if _whole_question(value, text, flat, a, b):
            if said := _not_put(text, flat, a, b, {} if headings is None else headings, years):
                return said
            if not _a_question(value, text, flat, a, b, {} if headings is None else headings):
                return (
                    "holds it, but not as a question put to the meeting: it does not end with '?' and stands "
                    "under no heading or lead-in of asking ('Frågeställningar:', 'följande frågor', 'ombads svara "
                    "på' …), or it stands in a quotation ('– …?, säger X', between quotation marks) or under a "
                    "heading of answers, of questions and answers or of questions about something ('Svar:', "
                    "'Frågor och svar:', 'Frågor om anmälan:'); a sentence that only holds 'frågor' ('Frågor … "
                    "kan ställas till …') is not a question"
                )
            asked[meeting] = b
            return ""
    whole = False
    found = False
    for a, b in find_words(value, flat):
        found = True
        if _whole_question(value, text, flat, a, b):
            whole = True
            break
    if not found:
        return None
    if whole:
        return "holds it before the question given before it: the questions are not in the text's order"
    return "holds it only as part of a longer question (the text's question begins before it or goes on after it)"


#: Words of inviting or registering in a count's clause: the count is of those invited (or registered),
#: not of those who took part ("Ett 40-tal organisationer bjöds in", "25 organisationer var inbjudna").
_INVITING = LazyPattern(
    r"(?<!\w)(?:bjöds|bjuds|bjudits|bjudas|bjöd|bjuder|bjudit|inbjudna|inbjudet|inbjuden|inbjudits|inbjöds|inbjudan|"
    r"inbjudningar|anmälde sig|anmält sig|anmälda|anmälningar|invited|invitations|registered)(?!\w)"
)
#: Words of taking part in a count's clause ("25 organisationer deltog", "Sakrådet samlade 30
#: organisationer", "bara 12 kom").
_CAME = LazyPattern(
    r"(?<!\w)(?:deltog|deltar|deltagit|medverkade|medverkar|närvarade|närvarar|närvarande|samlade|samlades|samlas|"
    r"samlat|samlats|kom|kommit|var på plats|fanns på plats|träffades|möttes|besöktes av|took part|participated|"
    r"attended|came|gathered)(?!\w)"
)
#: Infinitives of taking part ("kommer att delta", "bjöds in att delta"): they say the count took part
#: only where nothing in the clause puts them off, and never beside a word of inviting.
_TO_COME = LazyPattern(r"(?<!\w)(?:delta|närvara|medverka|komma|take part|attend|participate)(?!\w)")
#: What splits a count's clause off the rest of its sentence besides a contrast: "och", "samt", a comma
#: ("Ett 40-tal organisationer bjöds in och 25 organisationer deltog").
_COUNT_CLAUSE = LazyPattern(r" (?:och|samt|and) |, ")


def _count_clauses(flat: str, lo: int, hi: int, a: int, b: int) -> list[tuple[int, int]]:
    """The count's words at ``a``..``b`` in the sentence ``lo``..``hi``, widening: their own clause
    (between "och", "samt", commas and contrasts; not an "och" with a word of taking part right after it, the
    count's subject going on: "hade anmält sig och deltog"), their part of the sentence (between contrasts: "men",
    "utan", ";"), the sentence."""
    start, stop = contrast_clause(flat, lo, hi, a, b)
    narrow = start
    for mark in _COUNT_CLAUSE.finditer(flat, start, a):
        narrow = mark.end()
    end = _COUNT_CLAUSE.search(flat, b, stop)
    while end is not None and end.group() != ", " and _CAME.match(flat, end.end()):
        end = _COUNT_CLAUSE.search(flat, end.end(), stop)  # "40 personer hade anmält sig och deltog": its subject's
    return [(narrow, stop if end is None else end.start()), (start, stop), (lo, hi)]


def _count_said(
    words: str, field: str, value: str, mark: str, text: str, flat: str, years: frozenset[str] | None = None
) -> str | None:
    """Whether the kept text holds a count's ``words`` as the count of ``field`` (docs/load-checks.md):
    "" where it does; None where it does not hold them at all; else why not: the sentence is about another
    meeting, counts those invited where ``field`` counts those who took part (or the reverse), denies,
    plans or puts it as a condition, or the words right before them bound or round the number otherwise
    than ``mark`` ("Inte fler än 20 organisationer" quoted as "20 organisationer", exact)."""

    why = None
    for a, b in find_words(folded(words), flat):
        lo, hi = _sentence(text, a, b)
        if _another_meeting(flat, *_semicolon_part(flat, lo, hi, a), years, at=a):
            why = why or f"{_quoted(flat[lo:hi].strip())} is about another meeting"
            continue
        if (other := held_other(flat, *contrast_clause(flat, lo, hi, a, b), a)) is not None:
            # "Samma dag hölls i stället ett seminarium med 40 organisationer": the count is the other event's
            why = why or f"{_quoted(flat[lo:hi].strip())} is about another event ({other!r})"
            continue
        # a negation, a mark of three words and a word of the whole ("inte fler än totalt 30")
        lead = _WORDS.findall(flat, max(lo, a - 50), a)[-5:]
        readings = [r for r in numbers_in(" ".join([*lead, flat[a:b]])) if str(r.value) == value]
        after = trailing_mark(flat, b)  # "Det deltog 25 organisationer, ungefär.": the words after round it
        if readings and all(r.kind != mark for r in readings) and (after is None or after[0] != mark):
            why = why or (
                f"gives the number as {_quoted(readings[0].words)}: {readings[0].kind}, where the data marks it "
                f"{mark} (the words before the quoted ones bound or round it; quote them in text and mark it)"
            )
            continue
        if after is not None and after[0] != mark:
            why = why or (
                f"gives the number as {after[0]} by the words after it ({_quoted(after[1])}, in "
                f"{_quoted(flat[lo:hi].strip())}), where the data marks it {mark}"
            )
            continue
        claim = count_claim(field, text, flat, a, b, lo, hi)
        if claim:
            why = why or claim
            continue
        return ""
    return why


#: Words of asking: a question that does not end with "?" is one under a heading or lead-in of asking
#: (its list's heading or the sentence before it, ending with ":", "Frågor:", "Organisationerna ombads
#: svara på följande:"), or right after them and a colon in its own sentence ("Frågor: hur …").
ASKING_WORDS = (
    "fråga", "frågan", "frågor", "frågorna", "frågeställning", "frågeställningen", "frågeställningar",
    "frågeställningarna", "diskussionsfrågor", "diskussionsfrågorna", "ombads svara", "ombeds svara",
    "svara på", "besvara", "besvarade", "question", "questions", "asked",
)  # fmt: skip
_ASKING = _role_words(ASKING_WORDS)
#: Words of asking that make a lead-in without a colon ("Frågeställningar", "följande frågor", "ombads
#: svara på"); "frågor" alone does not ("Frågor om mötet kan ställas till …").
LEAD_IN_WORDS = (
    "frågeställning", "frågeställningen", "frågeställningar", "frågeställningarna", "diskussionsfrågor",
    "diskussionsfrågorna", "följande fråga", "följande frågor", "följande frågeställningar", "ombads svara",
    "ombeds svara", "besvara", "the following questions", "were asked",
)  # fmt: skip
_LEAD_IN = _role_words(LEAD_IN_WORDS)


#: Words of a contact's heading ("Vid frågor kontakta:", "Frågor besvaras av:"): its items are people
#: to ask, not questions.
_CONTACT = _role_words(
    ("kontakta", "kontakt", "kontaktperson", "kontaktpersoner", "ställas till", "besvaras av", "mejla", "ring",
     "e-post", "contact", "contacts")
)  # fmt: skip


#: A heading of questions and answers or of questions about something ("Frågor och svar:", "Frågor om
#: anmälan:", "Vanliga frågor", "Q&A"), or of an answer ("Svar:"): its items are answers or people to
#: ask, not questions put to the meeting. Words of asking lead in only as the heading's head.
_NOT_ASKING = LazyPattern(
    r"(?<!\w)(?:(?:frågor|frågorna|fråga|questions|question) (?:och|&|and) (?:svar|answers?)|(?:frågor|frågorna|fråga|questions) "
    r"(?:om|kring|angående|rörande|gällande|about|on|regarding)(?! (?:att|hur|vad|vilka|vilken|vilket|varför|när|"
    r"how|what|which|why|when)(?!\w))|vanliga frågor|faq|q ?& ?a|svar|svaret|svaren|answers?)(?!\w)"
)


def _lead_in(text: str, flat: str, lo: int, hi: int) -> bool:
    """Whether ``flat[lo:hi]`` (a heading or the sentence before a question) leads in questions: words
    of asking and a colon at its end, or a lead-in's words (:data:`LEAD_IN_WORDS`); not a contact's
    heading ("Vid frågor kontakta:"), nor one of questions and answers, of questions about something or
    of an answer (:data:`_NOT_ASKING`: "Frågor och svar:", "Frågor om anmälan:", "Svar:")."""
    if _CONTACT.search(flat, lo, hi) is not None or _NOT_ASKING.search(flat, lo, hi) is not None:
        return False
    if _LEAD_IN.search(flat, lo, hi) is not None:
        return True
    return flat[lo:hi].rstrip(" \x00").endswith(":") and _ASKING.search(flat, lo, hi) is not None


#: The plan's words that leave a lead-in's questions unput ("kan komma att tas upp", "skulle ha
#: diskuterats"); an announcement's "ska", "kommer att" puts them.
_UNPUT_PLANS = frozenset(
    {"skulle", "borde", "bör", "kunde", "kan", "kunna", "would", "should", "could", "might", "may"}
)


def _lead_in_guard(flat: str, x: int, y: int) -> tuple[str, str] | None:
    """The guard word governing the word of asking or leading in of the lead-in ``flat[x:y]`` (its own
    clause, :func:`~sakrad_ld.clauses.guard_in`: not "Ministern, som inte kunde stanna, ställde följande
    frågor", nor "…, men inte alla hann besvaras"): a negation, an absence, a condition, a doubt, a
    striking ("ströks"), another time, or a modal ("kan komma att tas upp", "skulle ha diskuterats")."""
    for m in (*_ASKING.finditer(flat, x, y), *_LEAD_IN.finditer(flat, x, y)):
        found = guard_in(flat, x, y, m.start(), m.end())
        if found is None or found[1] == OTHER_TIME:
            continue
        if found[1] == PLAN and (found[0] not in _UNPUT_PLANS or not flat[x:y].rstrip(" \x00").endswith(":")):
            continue  # a modal counts in a lead-in ending with ":" ("Följande frågor kan komma att tas upp:")
        return found
    return None


#: A heading or lead of frequently asked questions or of questions about the arrangements ("Vanliga
#: frågor", "Frågor och svar", "FAQ", "Frågor om anmälan:", "Frågor om anmälan besvaras av …"): what stands
#: under it asks about taking part, it was not put to the meeting.
_FAQ = LazyPattern(
    r"(?<!\w)(?:vanliga frågor|frågor och svar|faq|frequently asked questions|questions and answers|q&a|"
    r"praktiska frågor|practical questions|"
    r"(?:frågor|questions) (?:om|kring|angående|gällande|rörande|about|on|regarding) (?:(?:the|din|er) )?"
    r"(?:anmälan|anmälningen|registrering|registreringen|deltagande|deltagandet|lokalen|lokal|resor|resan|"
    r"ersättning|ersättningen|kostnader|tillgänglighet|tillgängligheten|inbjudan|programmet|det praktiska|"
    r"praktikaliteter|sakrådet|mötet|dagen|registration|the meeting|travel|venue|invitation|accessibility))"
    r"(?!\w)"
)


#: Verbs of a question put or taken up, whose place after them ("ställdes i riksdagen") says where it was.
_PUT = _role_words(
    ("ställdes", "ställts", "ställde", "ställs", "togs upp", "lyftes", "lyfts", "väcktes", "diskuterades",
     "debatterades", "was asked", "were asked", "was raised", "were raised", "was put", "were put", "raised",
     "asked")
)  # fmt: skip


def _not_put(
    text: str, flat: str, a: int, b: int, headings: dict[int, tuple[int, int] | None], years: frozenset[str] | None
) -> str:
    """Why the question at ``a``..``b`` is not one put to this sakråd, "?" or not: its lead-in (its own
    sentence before it, the sentence before that or its list's heading) is a contact line ("Vid frågor
    kontakta Anna Andersson: …?"), says the questions are not or will not be taken up ("Följande frågor
    kommer inte att tas upp: …"), or is about another meeting ("Vid förra sakrådet ställdes följande
    frågor: …"). "": none of these."""
    lo, _ = _sentence(text, a, b)
    spans = [(lo, a)] if a > lo else []
    if (before := _before(text, lo)) >= 0:
        spans.append((before, lo))
    if (heading := _heading(text, flat, lo, headings)) is not None:
        spans.append(heading)
    for x, y in spans:
        lead = _quoted(flat[x:y].strip())
        if _another_meeting(flat, x, y, years):
            return f"holds it, but not as a question put to the meeting: its lead-in is about another meeting ({lead})"
        for put in _PUT.finditer(flat, x, y):
            if (event := other_event(flat, put.end(), indefinite=False)) is not None:
                # "En fråga som ställdes i riksdagen var: …?": asked at another event
                return (
                    "holds it, but not as a question put to the meeting: its lead-in places the asking at another "
                    f"event ({lead}: {event!r})"
                )
        if (faq := _FAQ.search(flat, x, y)) is not None:
            return (
                "holds it, but not as a question put to the meeting: its lead-in is a heading of questions about "
                f"the arrangements or of frequently asked ones ({lead}: {faq.group()!r})"
            )
        if _ASKING.search(flat, x, y) is None and _LEAD_IN.search(flat, x, y) is None:
            continue
        if _CONTACT.search(flat, x, y) is not None and flat[x:y].rstrip(" \x00").endswith(":"):
            return f"holds it, but not as a question put to the meeting: its lead-in is a contact line ({lead})"
        if (found := _lead_in_guard(flat, x, y)) is not None:
            word, kind = found
            return (
                "holds it, but not as a question put to the meeting: its lead-in "
                + ("denies it was put" if kind in (NEGATION, ABSENCE) else f"says {_KIND_SAID.get(kind, kind)}")
                + f" ({lead}: {word!r})"
            )
    return ""


def _a_question(value: str, text: str, flat: str, a: int, b: int, headings: dict[int, tuple[int, int] | None]) -> bool:
    """Whether the words found whole at ``a``..``b`` are a question: they end with "?" (or the text has
    one right after them), they stand under a lead-in of asking (:func:`_lead_in`: their list's heading
    or the sentence before them), or after words of asking and a colon in their own sentence ("Frågor:
    hur …"). A sentence holding "frågor" is not one for that ("Frågor om mötet kan ställas till …",
    "… ställa frågor"). Not one in a quotation (:func:`_in_quotation`: "– Vem vill inte …?, säger X"),
    nor one under an answer's heading ("Svar:")."""
    lo, hi = _sentence(text, a, b)
    if _in_quotation(text, flat, a, b, lo, hi):
        return False
    spans = []
    if (before := _before(text, lo)) >= 0:
        spans.append((before, lo))
    if (heading := _heading(text, flat, lo, headings)) is not None:
        spans.append(heading)
    if any(_ANSWER.search(flat, x, y) for x, y in spans) or _ANSWER.match(flat, lo):
        return False
    if value.endswith("?") or flat.startswith("?", b):
        return True
    if any(_lead_in(text, flat, x, y) for x, y in spans):
        return True
    ends = [word.end() for word in _ASKING.finditer(flat, lo, a)]
    return bool(ends) and flat[ends[-1] : a].rstrip().endswith(":")


#: An answer's heading or lead ("Svar:", "Svaret:", "Answer:"): what stands under it answers, it asks nothing.
_ANSWER = LazyPattern(r"(?<!\w)(?:svar|svaret|svaren|answer|answers)(?: [\w-]+){0,2}? ?:")
#: Words of saying after a quotation or before it ("…?, säger Daniel Liljeberg", "Ministern säger: …").
SAYING_WORDS = (
    "säger", "sa", "sade", "menar", "skriver", "konstaterar", "understryker", "påpekar", "betonar", "says",
    "said", "writes", "notes",
)  # fmt: skip
_SAYING = _role_words(SAYING_WORDS)
#: The quotation marks a folded text keeps, and the ones a quotation opens with.
_QUOTE_MARKS = '"“”»«„'


def _in_quotation(text: str, flat: str, a: int, b: int, lo: int, hi: int) -> bool:
    """Whether the words at ``a``..``b`` (in the sentence ``lo``..``hi``) stand in a quotation, said by
    someone rather than put to the meeting: between quotation marks in their sentence (an odd number of
    them before), followed by words of saying after their "?" or "," ("– Vem vill inte …?, säger X",
    "…? Det säger X"), or after words of saying and a colon ("X säger: – Vem …?")."""
    if sum(flat.count(mark, lo, a) for mark in _QUOTE_MARKS) % 2:
        return True
    after = b + 1 if flat.startswith("?", b) else b
    tail = _WORDS.findall(flat, after, min(len(flat), after + 40))
    if tail and tail[0] in ("?", "!"):
        tail = tail[1:]
    if tail and tail[0] in (",", "\x00"):
        tail = tail[1:]
    if tail and tail[0] in ("det", "så", "it", "so"):
        tail = tail[1:]
    if tail and tail[0] in SAYING_WORDS:
        return True
    start = _before(text, lo)
    for word in _SAYING.finditer(flat, max(0, start), a):
        if ":" in flat[word.end() : a]:
            return True
    return False


#: An ellipsis in a quotation or a text given word for word: any words of the text between, in order.
_ELLIPSIS = LazyPattern(r"\[?(?:…|\.\.\.)\]?")


def _found_in_order(value: str, flat: str) -> bool:
    """Whether ``value`` is in ``flat`` word for word, each part between its ellipses after the one before."""
    at = 0
    for part in _ELLIPSIS.split(value):
        part = folded(part)
        if not part:
            continue
        found = next(find_words(part, flat, at), None)
        if found is None:
            return False
        at = found[1]
    return True


#: A quotation: in "…", “…”, ”…”, »…«, „…" or '…' (not an apostrophe: no letter before or after it).
#: Each pattern stops at its own marks and at a line's end, so a text is read once however many marks it has.
_QUOTATION = LazyPattern(
    r"\"([^\"\n]*+)\"|“([^“”\n]*+)”|”([^”\n]*+)”|»([^»«\n]*+)«|„([^„“”\"\n]*+)[”“\"]|(?<!\w)'([^'\n]*+)'(?!\w)"
)
#: Words before a quotation (after the one before it) saying it is taken from elsewhere than the kept text.
ELSEWHERE = ("inte med i den bevarade texten", "inte i den bevarade texten", "not in the kept text")


def quotations(text: str) -> Iterator[str]:
    """The quotations of ``text`` held to the kept text: all but those after words of :data:`ELSEWHERE`."""
    after = 0
    for quotation in _QUOTATION.finditer(text):
        between = folded(text[after : quotation.start()])
        after = quotation.end()
        if any(words in between for words in ELSEWHERE):
            continue
        value = next(g for g in quotation.groups() if g is not None)
        if folded(value):
            yield value


def _texts(m: Meeting, kept: dict | None = None) -> Iterator[tuple[Where, str, str, str, str]]:
    """A meeting's texts held to the kept text they are credited to: purpose, process, handling of views,
    the invited and the presentations' descriptions and the descriptions of who took part word for word
    (their Swedish), and the quotations of their English, of the notes and of the date's derivation.
    Only texts credited to a kept text (``kept``, where given) are looked at."""
    texts: list[tuple[Callable[[], Where], str, Any, str, bool]] = [
        (partial(m.where, fact), fact.replace("_", " "), getattr(m, fact), m.source_of(fact), True)
        for fact in ("purpose", "process", "handling_of_views", "invited_description")
    ]
    if not any(note.about == "topic" for note in m.notes):  # a note about the topic marks it the data's own words
        texts.append((partial(m.where, "topic"), "topic", m.topic, m.source_of("topic"), True))
    if m.presentations is not None:
        where = partial(_where, m.presentations.lines, "description", m.where("presentations"))
        description = m.presentations.description
        texts.append((where, "presentations' description", description, m.source_of("presentations"), True))
    for fact, refs in (("conveners", m.conveners), ("government_participants", m.government_participants)):
        for i, ref in enumerate(refs):
            where = partial(_where, ref.lines, "description", m.where(f"{fact}[{i}]"))
            description = getattr(ref, "description", None)
            texts.append((where, "participation's description", description, ref.source or m.source_of(fact), True))
    texts.append(
        (partial(m.where, "date_derivation"), "date derivation", m.date_derivation, m.source_of("date"), False)
    )
    for i, note in enumerate(m.notes):
        where = partial(_where, note.lines, "text", m.where(f"notes[{i}]"))
        texts.append((where, "note", note.text, note.source or m.source, False))
    for at, what, text, source, verbatim in texts:
        if text is None or (kept is not None and source not in kept):  # only a kept text is asked
            continue
        where = at()
        if verbatim and text.sv:
            yield where, f"the {what}", text.sv, source, "verbatim"
        for lang in ("en",) if verbatim else ("sv", "en"):
            for quotation in quotations(getattr(text, lang, None) or ""):
                yield where, f"a quotation of the {what} ({lang})", quotation, source, "quotation"


def _meeting_facts(
    m: Meeting, people: dict[str, Person], bodies: dict, organisations: dict, kept: dict | None = None
) -> Iterator[tuple[Where, str, str, str, str]]:
    """(where, what, value, source, kind) for each fact of ``m`` a kept text can be asked for; kind is
    'text' (found as it is), 'organisation' (an id: one of its names found), or 'chair', 'convener',
    'participant' (a person's id: their name found in a sentence that says so)."""
    if m.place:
        yield m.where("place"), "the place", m.place, m.source_of("place"), "place"
    for i, q in enumerate(m.questions):
        yield (
            _where(q.lines, "sv", m.where(f"questions[{i}]")),
            "the question",
            q.sv,
            m.source_of("questions"),
            "question",
        )
    yield from _texts(m, kept)
    for i, a in enumerate(m.discussion_areas):
        yield (
            _where(a.lines, "sv", m.where(f"discussion_areas[{i}]")),
            "the discussion area",
            a.sv,
            m.source_of("discussion_areas"),
            "area",
        )
    for i, a in enumerate(m.announced_discussion_areas):
        yield (
            _where(a.lines, "sv", m.where(f"announced_discussion_areas[{i}]")),
            "the announced discussion area",
            a.sv,
            m.source_of("announced_discussion_areas"),
            "announced area",
        )
    # a further group's count (other_participant_counts[i]) is read as a count of participants
    for field, path, count in meeting_counts(m):
        if count.text:
            where = count.lines.where("text") if count.lines else m.where(path)
            mark = count.bound or ("approximate" if count.approximate else "exact")
            said = "\x00".join((count.text, field, str(count.value), mark))
            yield where, f"{path}'s words", said, count_source(m, field, count), "count"
    for i, org in enumerate(m.organisations):
        if org in organisations:
            yield (
                m.where(f"organisations[{i}]"),
                "the participating organisation",
                org,
                m.source_of("organisations"),
                "organisation",
            )
    for fact, contact in (("contact", m.contact), ("press_contact", m.press_contact)):
        if contact is None:
            continue
        source = contact.source or m.source_of(fact)
        where = m.where(fact)
        if contact.person in people:
            yield (
                _where(contact.lines, "person", where),
                f"the {fact.replace('_', ' ')}'s name",
                people[contact.person].name,
                source,
                "text",
            )
        for name in ("email", "telephone"):
            if value := getattr(contact, name):
                yield (
                    _where(contact.lines, name, where),
                    f"the {fact.replace('_', ' ')}'s {name}",
                    value,
                    source,
                    "text",
                )
    if m.chair and m.chair.person in people:
        source = m.chair.source or m.source_of("chair")
        yield (
            _where(m.chair.lines, "person", m.where("chair")),
            "the chair",
            m.chair.person,
            source,
            "chair",
        )
    for i, c in enumerate(m.conveners):
        source = c.source or m.source_of("conveners")
        where = _where(c.lines, "person", m.where(f"conveners[{i}]"))
        if c.person in people:
            yield where, "the convener", c.person, source, "convener"
        elif c.body in bodies:
            yield _where(c.lines, "body", where), "the convening body", bodies[c.body].name.sv, source, "convening body"
    for i, g in enumerate(m.government_participants):
        source = g.source or m.source_of("government_participants")
        where = m.where(f"government_participants[{i}]")
        if g.person in people:
            yield (
                _where(g.lines, "person", where),
                "the government participant",
                g.person,
                source,
                "participant",
            )
        elif g.body in bodies:
            yield _where(g.lines, "body", where), "the participating body", bodies[g.body].name.sv, source, "body"
    for i, agency in enumerate(m.agencies):
        if agency in bodies:
            where = m.where(f"agencies[{i}]")
            yield where, "the participating agency", bodies[agency].name.sv, m.source_of("agencies"), "agency"


#: A note's words that no organiser is stated: the organising named and denied in one sentence.
_ORGANISING = LazyPattern(r"arrangör|anordna|arrangera|organiser|organizer|organised|organized|arranged|held by")
_NOT_STATED = LazyPattern(
    r"\b(?:inte|ej|ingen|inga|ingenting|not|no|nowhere|neither)\b|\bframgår inte\b|\bokänd|\bunknown\b"
)


def _says_no_organiser(text: str) -> bool:
    return any(_ORGANISING.search(s) and _NOT_STATED.search(s) for s in _sentences(text))


def _announced_areas(m: Meeting) -> list[InputError]:
    """Discussion areas on a meeting marked ``announced_only``: its documents only announce it, so its
    areas are announced ones (``announced_discussion_areas``), not areas it is said to have discussed."""
    if not m.announced_only:
        return []
    return [
        InputError(
            _where(a.lines, "sv", m.where(f"discussion_areas[{i}]")),
            f"discussion area {_quoted(a.sv)} on a sakråd marked announced_only: its documents only announce it, "
            "so they do not say what it discussed",
            "the area in announced_discussion_areas (an area announced before the sakråd), as every area of a "
            "sakråd only announced",
            "move discussion_areas to announced_discussion_areas, or leave announced_only out where a document "
            "says the sakråd was held",
        )
        for i, a in enumerate(m.discussion_areas)
    ]


def _organiser(m: Meeting) -> list[InputError]:
    """An organiser on a meeting whose own note (about the organiser, or about the whole meeting)
    says no organiser is stated."""
    if not m.organiser:
        return []
    for i, note in enumerate(m.notes):
        if note.about not in (None, "organiser"):
            continue
        if _says_no_organiser(note.text.sv) or (note.text.en and _says_no_organiser(note.text.en)):
            return [
                InputError(
                    m.where("organiser"),
                    f"organiser {_quoted(m.organiser)}, but the meeting's note (notes[{i}], line "
                    f"{note.lines.line if note.lines else '?'}) says no organiser is stated",
                    "no organiser where the sources do not state one (a page's publisher is not its organiser)",
                    "leave organiser out, or change the note if a source does state who organised the sakråd",
                )
            ]
    return []


def _listed(items: list[str], most: int = 5) -> str:
    """At most ``most`` of ``items``, each cut as :func:`typedyaml.quoted` cuts, and how many more there are."""
    shown = ", ".join(item if len(item) <= 80 else quoted(item) for item in items[:most])
    return shown + (f" and {len(items) - most:,} more" if len(items) > most else "")


def _quoted(value: object) -> str:
    """``value`` quoted for a message as :func:`~sakrad_ld.typedyaml.quoted` quotes a string (cut at
    :data:`~sakrad_ld.typedyaml.QUOTED` characters): a message quotes a bounded part of what it is given."""
    return quoted(value) if isinstance(value, str) else repr(value)


def _holdings(person: Person) -> list[InputError]:
    """A holding credited to a document that the person's own ``sources`` do not name."""
    errors = []
    own = frozenset(person.sources)  # looked up once per holding: a set, not the list read each time
    for i, h in enumerate(person.holds):
        if own and h.source not in own:  # a record without sources: its holdings' are its own
            errors.append(
                InputError(
                    _where(h.lines, "source", Where(Path("people.yaml"), 0, f"holds[{i}].source")),
                    f"the holding of {_quoted(h.post)} is credited to {_quoted(h.source)}, which is not among the person's sources "
                    f"({_listed(person.sources) or 'none'})",
                    "a document that names the person, listed in their sources",
                    "add the document to the person's sources if it names them in the post, else credit the "
                    "holding to the one that does",
                )
            )
    return errors


#: The nouns a count's words may count: people (participant_count) and organisations (organisation_count,
#: invited_count); the first of them in the words is what they count ("ett tjugotal representanter för
#: olika departement" counts people, "ett tiotal representanter från … organisationer" too). A compound
#: counts what its last part names ("organisationsföreträdare" people, "medlemsorganisationer" organisations).
PEOPLE_STEMS = (
    "representant", "person", "deltagar", "människor", "individer", "företrädare", "tjänstem", "medarbetare",
    "delegat", "ledamot", "ledamöter", "besökare", "ombud", "medlem", "talesm", "anställd", "expert",
    "forskare", "ungdomar", "kvinnor", "people", "participant", "representative", "attendee", "delegate",
    "member", "spokes", "official", "staff", "individual",
)  # fmt: skip
BODY_STEMS = (
    "organisation", "förening", "förbund", "aktör", "myndighet", "departement", "organization", "association",
    "agencies", "agency", "ministries", "ministry", "bodies", "enhet",
)  # fmt: skip
_DEPARTMENT_STEMS = ("myndighet", "departement", "enhet", "agencies", "agency", "ministries", "ministry")
_STEM = LazyPattern("|".join(sorted(PEOPLE_STEMS + BODY_STEMS, key=len, reverse=True)))
_NOUN_WORD = LazyPattern(r"[\w-]+")


#: The numbers' words a count's words may hold, with their numbers (the English ones counted.py's tables).
_NUMBER_WORDS = {
    "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9, "tio": 10,
    "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15, "sexton": 16, "sjutton": 17, "arton": 18,
    "nitton": 19, "tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60, "sjuttio": 70, "åttio": 80,
    "nittio": 90, "hundra": 100, "dussin": 12, "dozen": 12, "hundred": 100, **EN_UNITS, **EN_TEENS, **EN_TENS,
}  # fmt: skip
#: A number in a count's words: digits ("50", "ett 20-tal"), a "-tal" word ("tiotal", "tjugotal") or a
#: number's word ("tre", "femton", "fifty", "seventeen", "twenty-five"); the noun it counts stands right after it.
_NUMBER = LazyPattern(
    r"(?<![\w-])(?:\d+(?:[ ,.]\d+)*(?:-tal)?|\w*tal|(?:"
    + "|".join(sorted((*_NUMBER_WORDS, "tusen"), key=len, reverse=True))
    + rf"|-(?=(?:{'|'.join(EN_UNITS)}))(?<=ty-))+)(?![\w-])"
)
#: Words that may stand between a number and the noun it counts besides adjectives ending in -a or -e
#: ("ett 20-tal olika organisationer", "tio ideella föreningar"), and the words of a number that counts
#: with another (counted.COUPLE, a half: "ett par dussin", "ett halvt dussin", "a couple of dozen") or
#: rounds or bounds it after it (counted.AFTER: "20 or so", "a dozen or so", "20 eller fler", "20-odd").
_BETWEEN_NUMBER_AND_NOUN = frozenset(
    "olika fler flera nya andra stora små inbjudna berörda deltagande svenska ideella civila och samt "
    "st stycken different various other new more invited national local "
    "par halvt halva couple pair half of or so odd plus eller så mer färre fewer less".split()
)


#: The words of a part of a whole after a number ("tolv av de inbjudna organisationerna", "twelve of the
#: invited organisations"): the noun after them is what the number counts.
_PARTITIVE = frozenset("av de dem of the those".split())

#: The stems of :data:`PEOPLE_STEMS` and :data:`BODY_STEMS` that are English: their plural ends with "s".
_ENGLISH_STEMS = frozenset(
    "people participant representative attendee delegate member spokes official staff individual organization "
    "association agencies agency ministries ministry bodies".split()
)


def _genitive(word: str, stem: str) -> bool:
    """Whether ``word`` (a noun of ``stem``) is a genitive: "'s" or "s'", or a Swedish noun's "-s" after
    its ending ("organisationers", "deltagares", "myndighetens"); an English plural is none ("members")."""
    if word.endswith(("'s", "s'")):
        return True
    return (
        word.endswith("s")
        and stem not in _ENGLISH_STEMS
        and word[:-1].endswith(("er", "ar", "or", "en", "na", "et", "are", "ns"))
    )


_NUMBER_PART = LazyPattern("|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)))


def _number_value(word: str) -> int | None:
    """The number a number's folded word gives: "50", "20-tal" (20), "tiotal" (10), "tjugofem" (25),
    "twenty-five" (25)."""
    word = word.removesuffix("-tal")
    if word.endswith("tal") and not word[:-3].isdigit():
        word = word[:-3]
    digits = re.sub(r"[ ,.]", "", word)
    if digits.isdigit():
        return int(digits)
    parts = _NUMBER_PART.findall(word)
    if not parts or "".join(parts) != word.replace("ty-", "ty"):
        return None
    return sum(_NUMBER_WORDS[p] for p in parts)


def _number_nouns(words: str) -> list[tuple[int | None, str, str]]:
    """Each number of ``words`` (folded; a run of them, "ett tiotal", "drygt 50", by its last) with the
    noun it counts and what that is: the word right after the number and its adjectives (after a range's
    high end for its low end: "mellan 30 och 40 organisationer"); a genitive is
    no counted noun, what follows it is ("50 branschorganisationers deltagare" counts people).
    "unknown": a noun neither of people nor of bodies ("länder", "exempel")."""
    found: list[tuple[int | None, str, str]] = []
    numbers = list(_NUMBER.finditer(words))
    ranges = list(RANGE.finditer(words))
    for i, at in enumerate(numbers):
        if i + 1 < len(numbers) and not words[at.end() : numbers[i + 1].start()].strip():
            continue  # not the run's last number
        # a range's low end counts the noun after its high end ("mellan 30 och 40 organisationer", "30 till
        # 40 deltagare"), not the words between
        after = next((r.end() for r in ranges if r.start() <= at.start() and at.end() < r.end()), at.end())
        partitive = False  # "tolv av de 20 inbjudna organisationerna": the noun after "av de" is counted
        for word in _NOUN_WORD.finditer(words, after):
            w = word.group()
            if w in _PARTITIVE or (partitive and w.isdigit()):
                partitive = True
                continue
            stems = [m.group() for m in _STEM.finditer(w)]
            if stems:
                last = stems[-1]
                if _genitive(w, last):
                    continue  # a genitive: it says whose, not what is counted
                kind = "people" if last in PEOPLE_STEMS else "bodies" if last in _DEPARTMENT_STEMS else "organisations"
                found.append((_number_value(at.group()), w, kind))
                break
            if (
                w in _BETWEEN_NUMBER_AND_NOUN
                or _NUMBER.fullmatch(w) is not None  # "ett par dussin": the number's own words go on
                or w.endswith(("-och", "-samt", "-eller", "-and", "-or", "-"))  # "barn- och ungdomsorganisationer"
                or (w.endswith(("a", "ade", "ande", "ende")) and len(w) > 3)
            ):
                continue
            found.append((_number_value(at.group()), w, "unknown"))
            break
    return found


def _number_noun(words: str, value: int | None = None) -> tuple[str, str] | None:
    """The noun a count's number counts, and what (:func:`_number_nouns`): the number's that is the
    count's ``value`` if one is, else the first number's. None: no number with a noun after it."""
    nouns = _number_nouns(words)
    chosen = next((n for n in nouns if value is not None and n[0] == value), nouns[0] if nouns else None)
    return None if chosen is None else chosen[1:]


def _counted_noun(words: str) -> tuple[str, str] | None:
    """The first word of a count's folded ``words`` that names what is counted, and what: "people",
    "bodies" (government bodies: "departement", "myndigheter") or "organisations"; a compound by its
    last counted part. None: no such word ("femton")."""
    for word in _NOUN_WORD.finditer(words):
        stems = [m.group() for m in _STEM.finditer(word.group())]
        if not stems:
            continue
        last = stems[-1]
        kind = "people" if last in PEOPLE_STEMS else "bodies" if last in _DEPARTMENT_STEMS else "organisations"
        return word.group(), kind
    return None


def _counted_nouns(corpus: Corpus) -> list[InputError]:
    """A count whose words count something else than its field: ``organisation_count`` and
    ``invited_count`` words whose first counted noun is people ("representanter", "deltagare") or
    government bodies ("departement", "myndigheter"); ``participant_count`` and
    ``other_participant_counts`` words whose first is organisations. Words with no such noun ("femton")
    are not compared."""
    errors = []
    wanted = {"organisation_count": "org", "invited_count": "org", "participant_count": "people"}  # in this order
    for m in corpus.meetings:
        # a further group's count (other_participant_counts[i]) counts people too, after participant_count
        for kind, fact, count in sorted(meeting_counts(m), key=lambda c: list(wanted).index(c[0])):
            wants = wanted[kind]
            if not count.text:
                continue
            said = folded(count.text)
            first = _number_noun(said, count.value) or _counted_noun(said)
            if first is None:
                continue
            noun, what = first
            if what == "unknown":
                errors.append(
                    InputError(
                        m.where(fact),
                        f"{fact}'s words {_quoted(count.text)} count {_quoted(noun)}, neither organisations nor "
                        "people: the number counts the noun right after it (its adjectives between; a genitive "
                        "says whose, the noun after it is counted)",
                        "organisation_count and invited_count with words counting organisations "
                        "('ett tjugotal organisationer'), participant_count with words counting people "
                        "('ett sextiotal deltagare', 'tio personer'), or a number alone ('femton')",
                        "leave the count out where the source counts something else, or give the words that "
                        "count organisations or people",
                    )
                )
                continue
            people = what == "people"
            wrong = what != "organisations" if wants == "org" else not people
            if wrong:
                counted = "people" if people else "organisations or bodies"
                errors.append(
                    InputError(
                        m.where(fact),
                        f"{fact}'s words {_quoted(count.text)} count {counted} ({_quoted(noun)}), not "
                        + ("organisations" if wants == "org" else "people"),
                        "organisation_count and invited_count with words counting organisations "
                        "('ett tjugotal organisationer'), participant_count with words counting people "
                        "('ett sextiotal deltagare', 'tio personer')",
                        "move the count to the field its words count, or leave it out",
                    )
                )
    return errors


#: The words a body's participation may be described by besides its name: its kind's noun
#: ("tjänstemän från enheten" describes a unit's officials).
_BODY_KIND_WORDS = {
    "unit": ("enheten", "enheter", "enheterna", "unit"),
    "ministry": ("departementet", "ministry"),
    "office": ("kansliet",),
    "agency": ("myndigheten", "agency"),
}


def _descriptions(corpus: Corpus) -> list[InputError]:
    """A convener's or government participant's ``description`` that does not name its participant:
    the person's name, surname or the title of a post they hold ("jämställdhetsministern"), or the
    body's name (or its kind's noun, "enheten"). A description moved to another participation ("Sakrådet inleddes av Tobias Olsson …"
    on Daniel Liljeberg's) is another's words."""
    people = {p.id: p for p in corpus.people}
    bodies = {b.id: b for b in corpus.bodies}
    labels = {p.id: [folded(t) for t in (p.label.sv, p.label.en) if t] for p in corpus.posts}
    errors = []
    for m in corpus.meetings:
        for fact, refs in (("conveners", m.conveners), ("government_participants", m.government_participants)):
            for i, ref in enumerate(refs):
                description = getattr(ref, "description", None)
                if description is None or not description.sv:
                    continue
                said = folded(description.sv)
                names: list[str] = []
                titles: list[str] = []
                if ref.person in people:
                    person = people[ref.person]
                    name = folded(person.name)
                    names = [name, name.rsplit(" ", 1)[-1]]
                    titles = [t for h in person.holds for t in labels.get(h.post, []) if t]
                    who = person.name
                elif ref.body in bodies:
                    body = bodies[ref.body]
                    names = [folded(body.name.sv), *_BODY_KIND_WORDS.get(body.kind, ())]
                    who = body.name.sv
                else:
                    continue
                if any(next(find_words(n, said), None) for n in names if n) or any(
                    re.search(r"(?<!\w)" + re.escape(t), said) for t in titles
                ):
                    continue
                errors.append(
                    InputError(
                        _where(ref.lines, "description", m.where(f"{fact}[{i}]")),
                        f"the description {_quoted(description.sv)} of {_quoted(who)}'s participation does not "
                        "name them",
                        "a description naming its participant: the person's name or surname, the title of a "
                        "post they hold, or the body's name",
                        "give each participation the source's words about that participant",
                    )
                )
    return errors


def credit_warnings(corpus: Corpus) -> list[InputError]:
    """Accepted, but for a person to check: a participation credited to a document the organisation's or
    person's own ``sources`` do not name; an organiser that is its source's publisher."""
    found: list[InputError] = []
    records: dict[str, dict[str, Person | Organisation]] = {
        "organisation": {o.id: o for o in corpus.organisations},
        "person": {p.id: p for p in corpus.people},
    }
    publishers = {s.id: s.publisher for s in corpus.sources}
    own: dict[tuple[str, str], frozenset[str]] = {}  # each record's sources as a set, made once
    for m in corpus.meetings:
        for where, kind, rid, source in _participations(m):
            record = records[kind].get(rid)
            if record is None:
                continue
            if (kind, rid) not in own:
                own[kind, rid] = frozenset(record.sources)
            if source not in own[kind, rid]:
                found.append(
                    InputError(
                        where,
                        f"the {kind} {_quoted(rid)} takes part by {_quoted(source)}, which is not among its own sources",
                        f"the {kind}'s sources to list the document that names it here",
                    )
                )
        source = m.source_of("organiser")
        explained = any(n.about == "organiser" for n in m.notes)  # a note saying where the page states it
        if m.organiser and publishers.get(source) == m.organiser and not explained:
            found.append(
                InputError(
                    m.where("organiser"),
                    f"the organiser {_quoted(m.organiser)} is the publisher of {_quoted(source)}, the document it is credited to",
                    "an organiser the document states as such (a page's publisher is not its organiser), "
                    "with a note about the organiser quoting the words that state it",
                )
            )
    return found


def _participations(m: Meeting) -> Iterable[tuple[Where, str, str, str]]:
    for i, org in enumerate(m.organisations):
        yield m.where(f"organisations[{i}]"), "organisation", org, m.source_of("organisations")
    if m.chair:
        yield (
            _where(m.chair.lines, "person", m.where("chair")),
            "person",
            m.chair.person,
            m.chair.source or m.source_of("chair"),
        )
    for i, c in enumerate(m.conveners):
        if c.person:
            yield (
                _where(c.lines, "person", m.where(f"conveners[{i}]")),
                "person",
                c.person,
                c.source or m.source_of("conveners"),
            )
    for i, g in enumerate(m.government_participants):
        if g.person:
            where = _where(g.lines, "person", m.where(f"government_participants[{i}]"))
            yield where, "person", g.person, g.source or m.source_of("government_participants")
