"""The role check of stated.py reads the sentence forms the regeringen.se pages use: the role's word
after the name in its clause (at once, after "som", after an apposition between commas), the verbs
that say a person took part or chaired ("träffade", "berättade", "presenterade", "informerade", "höll
i mötet"), and a surname alone right after the person's post title where no other person of the
data has that surname. A name outside such a sentence, or given as someone's superior, is still
refused, and the look after a name is bounded."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import fixture_project

from sakrad_ld import stated
from sakrad_ld.corpus import load_corpus
from sakrad_ld.errors import InputErrors

KEPT = Path("data") / "sources" / "sakrad-2017-12-12-integration.txt"
PEOPLE = Path("data") / "people.yaml"
CHAIR_SENTENCE = (
    "och leddes av Anders Kessling, statssekreterare hos arbetsmarknads- och etableringsminister Ylva Johansson."
)


def _named(name: str, kind: str, sentence: str, titles: tuple[str, ...] = ()) -> bool:
    return stated._named_as(name, kind, stated.folded_text(sentence), titles)


@pytest.mark.parametrize(
    ("name", "kind", "sentence"),
    [
        # the role's word after the name
        ("Paulina Brandberg", "participant", "Paulina Brandberg inledde sakrådet med fokus på arbetet mot rasism."),
        ("Paulina Brandberg", "participant", "Jämställdhetsminister Paulina Brandberg inledde med att informera."),
        (
            "Martin Andreasson",
            "chair",
            "Martin Andreasson, statssekreterare åt statsrådet Brandberg, ledde därefter resterande del av mötet.",
        ),
        (
            "Paulina Brandberg",
            "participant",
            "Paulina Brandberg, jämställdhets- och biträdande arbetsmarknadsminister,\ninledde mötet.",
        ),
        (
            "Daniel Liljeberg",
            "participant",
            "Daniel Liljeberg, statssekreterare hos landsbygdsminister Peter Kullgren, presenterade regeringens "
            "prioriteringar.",
        ),
        ("Paula Carvalho Olovsson", "chair", "– Bra, säger statssekreterare Paula Carvalho Olovsson som höll i mötet."),
        ("Ebba Busch", "convener", "Ebba Busch bjöd in näringslivet till EU-sakråd."),
        # the new words before the name
        (
            "Martin Andreasson",
            "participant",
            "Den 5 februari träffade minister Paulina Brandberg och statssekreterare Martin Andreasson flera "
            "civilsamhällesorganisationer.",
        ),
        (
            "Kristina Nordéus",
            "participant",
            "Därefter berättade lantbruksråd Kristina Nordéus om kommissionens vision.",
        ),
        ("Anna Berg", "participant", "På mötet presenterade enhetschef Anna Berg rapporten."),
        ("Anna Berg", "participant", "Därefter informerade Anna Berg om arbetet."),
        ("Anna Berg", "chair", "Anna Berg höll i sakrådet."),
    ],
)
def test_each_sentence_form_names_the_role(name: str, kind: str, sentence: str) -> None:
    assert _named(name, kind, sentence)


@pytest.mark.parametrize(
    ("name", "kind", "sentence"),
    [
        # the superior inside another's apposition, with the verb after it
        (
            "Peter Kullgren",
            "participant",
            "Daniel Liljeberg, statssekreterare hos landsbygdsminister Peter Kullgren, presenterade prioriteringarna.",
        ),
        (
            "Paulina Brandberg",
            "chair",
            "Martin Andreasson, statssekreterare åt statsrådet Paulina Brandberg, ledde därefter mötet.",
        ),
        # the name outside a sentence of the role
        ("Anna Berg", "participant", "Anna Berg skrev rapporten. Mötet presenterades i maj."),
        ("Anna Berg", "chair", "Anna Berg. Ledde mötet gjorde någon annan."),
        ("Anna Berg", "chair", "Anna Berg skrev att Ulf Kristersson ledde mötet."),
        # an apposition not closed in its sentence, or the verb not at once after it
        ("Ulf Kristersson", "chair", "The chairman of the board, Ulf Kristersson, wrote a letter."),
        ("Anna Berg", "chair", "Anna Berg, enhetschef. Ledde, sade hon, gjorde hon inte."),
        ("Anna Berg", "participant", "Anna Berg, enhetschef, skrev rapporten."),
        # the role word inside a longer word after the name
        ("Anna Berg", "chair", "Anna Berg ledder inte."),
        ("Anna Berg", "participant", "Anna Berg som träffades i fjol."),
    ],
)
def test_a_name_outside_such_a_sentence_is_refused(name: str, kind: str, sentence: str) -> None:
    assert not _named(name, kind, sentence)


def test_the_comma_closing_an_apposition_is_looked_for_within_a_bounded_window() -> None:
    near = "Anna Berg, " + "x" * 100 + ", ledde mötet."
    far = "Anna Berg, " + "x " * (stated.APPOSITION_WINDOW) + ", ledde mötet."
    assert _named("Anna Berg", "chair", near)
    assert not _named("Anna Berg", "chair", far)


def test_many_names_each_followed_by_a_comma_are_walked_once() -> None:
    """A sentence of 20,000 'Anna Berg, ' and no role word: each occurrence looks at most a window
    ahead, and a role word after the last apposition still names her."""
    text = stated.folded_text("Anna Berg, " * 20_000 + "och så vidare.")
    assert not stated._named_as("Anna Berg", "chair", text)
    assert stated._named_as("Anna Berg", "chair", stated.folded_text("Anna Berg, " * 20_000 + "ledde mötet."))


def test_a_surname_alone_counts_only_after_the_persons_title() -> None:
    title = (stated.folded("energi- och näringsminister"),)
    text = "Fullsatt när energi- och näringsminister Busch bjöd in näringslivet till EU-sakråd."
    assert _named("Busch", "convener", text, title)
    assert not _named("Busch", "convener", "Fullsatt när Busch bjöd in näringslivet.", title)
    assert not _named("Busch", "convener", "Fullsatt när statsminister Busch bjöd in.", title)
    assert not _named("Busch", "convener", "Fullsatt när energi- och näringsminister Busch talade.", title)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return fixture_project(tmp_path / "project")


def _change(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def _chair_by_surname(project: Path) -> None:
    _change(
        project / KEPT,
        CHAIR_SENTENCE,
        "och leddes av statssekreterare hos arbetsmarknads- och etableringsministern Kessling, som arbetar "
        "åt arbetsmarknads- och etableringsminister Ylva Johansson.",
    )
    # the meeting's process quotes the sentence word for word: it follows the text
    _change(
        project / "data" / "meetings" / "2017-12-12-integration.yaml",
        "leddes av Anders Kessling, statssekreterare hos arbetsmarknads- och\n    etableringsminister Ylva Johansson.",
        "leddes av statssekreterare hos arbetsmarknads- och etableringsministern Kessling, som arbetar åt\n"
        "    arbetsmarknads- och etableringsminister Ylva Johansson.",
    )


def test_a_chair_named_by_surname_after_their_post_title_loads(project: Path) -> None:
    _chair_by_surname(project)
    load_corpus(project / "data")


def test_a_surname_another_person_of_the_data_shares_is_not_enough(project: Path) -> None:
    _chair_by_surname(project)
    _change(
        project / PEOPLE,
        "  - id: ylva-johansson\n",
        "  - id: eva-kessling\n    name: Eva Kessling\n    sources: [dokumentation-2017-12-12-integration]\n\n"
        "  - id: ylva-johansson\n",
    )
    with pytest.raises(InputErrors) as caught:
        load_corpus(project / "data")
    assert any("the chair 'Anders Kessling'" in str(e) for e in caught.value.errors), caught.value.errors


def test_a_surname_after_no_title_of_the_person_is_refused(project: Path) -> None:
    _change(project / KEPT, CHAIR_SENTENCE, "och leddes av statssekreterare Kessling, som arbetar åt Ylva Johansson.")
    with pytest.raises(InputErrors) as caught:
        load_corpus(project / "data")
    assert any("the chair 'Anders Kessling'" in str(e) for e in caught.value.errors), caught.value.errors
