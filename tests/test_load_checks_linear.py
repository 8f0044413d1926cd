"""Two load checks read a kept text or a note in time linear in it, whatever it repeats, and a load
folds each kept text once.

- The post check (posted.py) looked for the post's label from a name's clause to the END of the text
  for each time the name stands in it: a name written 120,000 times before its one title (2 MB) took
  50 s of CPU. The label is now looked for in the clause only.
- The translation check's name walk (translated._read) followed the tree of names from each word as
  far as the words matched a name: a note of "Aa aa aa …" and an organisation "Aa aa … b" cost the
  words times the name's words (48 KB: 29 s). The longest name from each word now comes from one
  backward pass of an Aho-Corasick automaton over the names' words.
- stated.folded_text holds the texts it folded, so the checks of one load fold each kept text once.

The work is counted, never timed: the characters str.find reads, the lines the reading runs, the texts
folded. A count at n and at 2n tells linear (about twice) from quadratic (four times)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

from sakrad_ld import stated, translated
from sakrad_ld.corpus import load_corpus
from sakrad_ld.posted import post_named
from sakrad_ld.records import Person, Post, Text
from sakrad_ld.stated import find_words, folded_text

DATA = Path(__file__).resolve().parents[1] / "data"


class _Counted(str):
    """A text whose ``find`` adds up the characters it reads: to the occurrence found, or to its end."""

    read = 0

    def find(self, sub, start=None, end=None):  # type: ignore[override]
        at = str.find(self, sub, start, end)
        lo = 0 if start is None else max(0, start)
        hi = len(self) if end is None else min(end, len(self))
        _Counted.read += max(0, (at + len(sub) if at >= 0 else hi) - lo)
        return at


def _post_work(unit: str, n: int, tail: str, label: str) -> tuple[int, int, bool]:
    """(characters str.find read, the text's length, the answer) of the post check of ``unit`` × ``n``
    followed by ``tail``."""
    text = folded_text(unit * n + tail)
    flat = _Counted(text.replace("\x00", " "))
    _Counted.read = 0
    given = post_named(
        Person(id="p", name="Anders Kessling"),
        Post(id="x", label=Text(label), post_in="b"),
        text,
        flat,
        {"kessling": 1},
    )
    return _Counted.read, len(flat), given


def test_post_label_before_a_repeated_name_is_looked_for_in_its_clause_only() -> None:
    # the name alone in a sentence n times, then its title: each time, the label was looked for to the end
    tail = "Ordförande var statssekreterare Anders Kessling."
    label = "statssekreterare"
    read1, size1, given1 = _post_work("Anders Kessling. ", 3000, tail, label)
    read2, size2, given2 = _post_work("Anders Kessling. ", 6000, tail, label)
    assert given1 and given2  # the title at the end still gives the post
    assert read1 <= 40 * size1, (read1, size1)  # quadratic: about n / 2 times the text
    assert read2 / read1 < 2.5, (read1, read2)


def test_post_apposition_after_a_repeated_name_is_looked_for_in_its_clause_only() -> None:
    # "Anders Kessling, x." n times: an apposition was looked for from each comma to the end
    tail = "Anders Kessling, statssekreterare hos ministern."
    label = "statssekreterare hos ministern"
    read1, size1, given1 = _post_work("Anders Kessling, x. ", 3000, tail, label)
    read2, size2, given2 = _post_work("Anders Kessling, x. ", 6000, tail, label)
    assert given1 and given2
    assert read1 <= 40 * size1, (read1, size1)
    assert read2 / read1 < 2.5, (read1, read2)
    # and nothing to find: the same bound, the answer no
    read3, size3, given3 = _post_work("Anders Kessling, x. ", 6000, "", label)
    assert not given3 and read3 <= 40 * size3


def test_find_words_stop_finds_what_the_whole_search_finds_before_it() -> None:
    rng = random.Random(11)
    alphabet = ["a", "b", "s", " ", ".", "-", "å"]
    for _ in range(3000):
        flat = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        value = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4))).strip(" ") or "a"
        start, stop = sorted(rng.randint(0, len(flat) + 2) for _ in range(2))
        whole = [(lo, hi) for lo, hi in find_words(value, flat, start) if hi <= stop]
        assert list(find_words(value, flat, start, stop)) == whole, (value, flat, start, stop)


def _lines(run) -> int:
    """How many lines of translated.py ``run`` executes."""
    count = 0
    name = translated.__file__

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame, event, arg):
        return local if frame.f_code.co_filename == name else None

    old = sys.gettrace()
    sys.settrace(calls)
    try:
        run()
    finally:
        sys.settrace(old)
    return count


def _name_walk(k: int) -> int:
    names = translated.Names()
    names.add("Aa " + "aa " * k + "b")
    if hasattr(names, "longest"):
        names.longest(["aa"])  # the automaton is made once per set of names, not per text
    text = "Aa " + "aa " * k
    words = translated._words_and_days(text)
    return _lines(lambda: translated._read(text, "sv", names, words))


def test_name_walk_is_linear_in_the_words_whatever_the_names_length() -> None:
    one, two = _name_walk(400), _name_walk(800)
    assert two / one < 2.3, (one, two)  # the tree walk: about four times
    assert one <= 60 * 400, one  # the tree walk: some 400 × 400 / 2 steps of several lines


def _tree_walk(tree: dict, folded: list[str]) -> list[tuple[int, int | None]]:
    """The longest name from each word as the tree walk found it (translated._read before)."""
    out = []
    for i in range(len(folded)):
        node, j, end, index = tree, i, -1, None
        while j < len(folded) and node:
            f = folded[j]
            if len(f) > 1 and f.endswith("s") and f[:-1] in node and "" in node[f[:-1]]:
                end, index = j, node[f[:-1]][""]
            node = node.get(f)
            if node is None:
                break
            if "" in node:
                end, index = j, node[""]
            j += 1
        out.append((end, index))
    return out


def test_longest_names_are_the_tree_walks() -> None:
    rng = random.Random(7)
    vocab = ["Aa", "aa", "aas", "Bb", "bb", "bbs", "Ss", "s", "Röda", "Korset", "Korsets", "och", "x"]
    for _ in range(1500):
        names = translated.Names()
        for _ in range(rng.randint(0, 8)):
            forms = [" ".join(rng.choice(vocab) for _ in range(rng.randint(1, 5))) for _ in range(rng.randint(1, 3))]
            names.add(*forms, rng.choice(["", "—", "Aa aa"]))
        folded = [rng.choice(vocab).casefold() for _ in range(rng.randint(0, 25))]
        assert names.longest(folded) == _tree_walk(names.tree, folded), (names.tree, folded)
    names = translated.Names()
    names.add("Svenska Röda Korset")
    names.add("Regeringskansliet")
    folded = "enligt svenska röda korsets och regeringskansliets ord".split()
    assert names.longest(folded) == [(-1, None), (3, 0), (-1, None), (-1, None), (-1, None), (5, 1), (-1, None)]
    names.add("Röda Korset")  # a name added: the automaton is made again
    assert names.longest(folded)[2] == (3, 2)


def test_a_load_folds_each_kept_text_once(monkeypatch) -> None:
    getattr(folded_text, "cache_clear", lambda: None)()
    seen: list[str] = []
    item_line = stated._ITEM_LINE

    class _Seen:
        def sub(self, repl, text):
            seen.append(text)
            return item_line.sub(repl, text)

    monkeypatch.setattr(stated, "_ITEM_LINE", _Seen())
    corpus = load_corpus(DATA)
    assert corpus.copies and seen
    assert len(seen) == len(set(seen)), len(seen) - len(set(seen))  # before: 53 folds of 33 texts
