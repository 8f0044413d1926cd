"""The role check of stated.py reads the role's clause: a chair, convener or government participant
is named only where the name is the subject (or one of the listed subjects) of the clause of the
role's word, not the object of another verb or a preposition ("berättade om Anna Berg", "enligt Anna
Berg", "Ulf Kristersson träffade Anna Berg"), with no negation ("inte", "ej", "aldrig", "icke", "not"),
plan or condition ("skulle", "planerar", "kommer att", "will") or invitation received ("inbjuden",
"inbjudna", "bjöds in", "was invited") in the clause. A table of sentences both ways: every sentence
of data/'s kept texts that names a person in a role (accepted), and mutations of them and of the
forms the check reads (accepted and refused)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import change, fixture_project, refused

from sakrad_ld import stated


def _named(name: str, kind: str, sentence: str, titles: tuple[str, ...] = ()) -> bool:
    return stated._named_as(name, kind, stated.folded_text(sentence), tuple(stated.folded(t) for t in titles))


#: The sentences of data/sources/*.md (and the seed documentation) that name a person in the role the
#: data gives them, as the kept texts write them (some cut after the clause): each must still name the
#: person. Kristina Nordéus's sentence stays as a form the pages use, though the data no longer gives
#: her a role.
REAL = [
    (
        "Anders Kessling",
        "chair",
        "Mötet samlade femton organisationer, och leddes av Anders Kessling, statssekreterare hos "
        "arbetsmarknads- och etableringsminister Ylva Johansson.",
    ),
    (
        "Anders Kessling",
        "participant",
        "Från Regeringskansliet deltog statssekreterare Anders Kessling samt tjänstemän från "
        "Arbetsmarknadsdepartementet, Integrationsenheten.",
    ),
    (
        "Paula Carvalho Olovsson",
        "chair",
        "– Vi kan alla dra lärdom och erfarenheter av varandras arbete, den här dialogen är en pusselbit för "
        "att få genomslag för Europa 2020-strategin i Sverige och förankring av det nationella arbetet, säger "
        "statssekreterare Paula Carvalho Olovsson som höll i mötet.",
    ),
    (
        "Martin Andreasson",
        "convener",
        "Den 6 december bjöd statssekreterare Martin Andreasson in till ett sakråd om Sveriges tjugofjärde och "
        "tjugofemte periodiska rapport till FN:s kommitté för avskaffande av rasdiskriminering (CERD).",
    ),
    (
        "Martin Andreasson",
        "convener",
        "Den 17 mars 2023 bjöd statssekreterare Martin Andreasson in Sveriges antidiskrimineringsverksamheter "
        "(ADV) till ett sakråd om arbetet med att förebygga och motverka diskriminering på grund av kön.",
    ),
    (
        "Johan Pehrson",
        "convener",
        "Den 7 november 2023 bjöd arbetsmarknads- och integrationsminister Johan Pehrson in ett 40-tal "
        "civilsamhällesorganisationer till samråd om civilsamhällets roll inom integrationspolitiken.",
    ),
    ("Martin Andreasson", "chair", "Mötet leddes därefter av statssekreterare Martin Andreasson."),
    (
        "Paulina Brandberg",
        "convener",
        "Den 13 december bjöd jämställdhets- och biträdande arbetsmarknadsminister Paulina Brandberg in till "
        "ett sakråd om det nationella arbetet mot rasism.",
    ),
    (
        "Paulina Brandberg",
        "participant",
        "# Fokus på arbetet mot rasism när Paulina Brandberg träffade civilsamhället",
    ),
    ("Paulina Brandberg", "participant", "Paulina Brandberg inledde sakrådet med fokus på arbetet mot rasism."),
    (
        "Martin Andreasson",
        "chair",
        "Martin Andreasson, statssekreterare åt statsrådet Brandberg, ledde därefter resterande del av mötet "
        "som inleddes med en bordsrunda som följdes av en diskussion.",
    ),
    (
        "Paulina Brandberg",
        "convener",
        "Den 5 februari bjöd jämställdhets- och biträdande arbetsmarknadsminister Paulina Brandberg och "
        "statssekreterare Martin Andreasson in till ett sakråd om den nya handlingsplanen.",
    ),
    (
        "Martin Andreasson",
        "convener",
        "Den 5 februari bjöd jämställdhets- och biträdande arbetsmarknadsminister Paulina Brandberg och "
        "statssekreterare Martin Andreasson in till ett sakråd om den nya handlingsplanen.",
    ),
    (
        "Paulina Brandberg",
        "participant",
        "Paulina Brandberg, jämställdhets- och biträdande arbetsmarknadsminister, inledde mötet med att hälsa "
        "välkomna och informerade om att sakrådet syftade till att vara startskottet för regeringens arbete.",
    ),
    (
        "Martin Andreasson",
        "participant",
        "Den 5 februari träffade jämställdhets- och biträdande arbetsmarknadsminister Paulina Brandberg och "
        "statssekreterare Martin Andreasson flera civilsamhällesorganisationer.",
    ),
    (
        "Minna Ljunggren",
        "convener",
        "Den 6 maj 2024 bjuder statssekreterare Minna Ljunggren och Johan Höij in organisationer till ett "
        "sakråd i syfte att följa upp de rekommendationer som Sverige fick 2024.",
    ),
    (
        "Johan Höij",
        "convener",
        "Den 6 maj 2024 bjuder statssekreterare Minna Ljunggren och Johan Höij in organisationer till ett "
        "sakråd i syfte att följa upp de rekommendationer som Sverige fick 2024.",
    ),
    (
        "Paulina Brandberg",
        "convener",
        "Som en del i det fortsatta arbetet med genomförandet av handlingsplanen bjöd jämställdhets- och "
        "arbetslivsminister Paulina Brandberg in civilsamhällesorganisationer till sakråd.",
    ),
    (
        "Paulina Brandberg",
        "participant",
        "Jämställdhets- och arbetlivsminister Paulina Brandberg inledde med att informera om att sakrådet "
        "syftade till att tillsammans säkerställa en effektiv start på genomförandet av handlingsplanen för "
        "hbtqi-personer, som beslutades den 23 januari 2025.",
    ),
    (
        "Tobias Olsson",
        "participant",
        "Sakrådet inleddes av Tobias Olsson, enhetschef på Landsbygds- och infrastrukturdepartementet.",
    ),
    (
        "Kristina Nordéus",
        "participant",
        "Därefter berättade lantbruksråd Kristina Nordéus om kommissionens vision om jordbruk och livsmedel "
        "samt arbetet med utformningen av GJP efter 2027.",
    ),
    (
        "Daniel Liljeberg",
        "participant",
        "Daniel Liljeberg, statssekreterare hos landsbygdsminister Peter Kullgren, presenterade regeringens "
        "prioriteringar och kommande processer i arbetet med GJP efter 2027.",
    ),
    (
        "Jakob Forssmed",
        "convener",
        "Tisdagen den 13 december bjöd socialminister Jakob Forssmed in representanter från civilsamhället och "
        "trossamfunden till ett sakråd om demokrativillkor för statsbidrag.",
    ),
    (
        "Mats Persson",
        "convener",
        "Den 3 juni 2025 bjöd arbetsmarknads- och integrationsminister Mats Persson in ett 30-tal "
        "civilsamhällesorganisationer till samråd med temat Språkstärkande insatser.",
    ),
]

#: Sentences not in the data that name the person in the role: the forms the check reads.
ACCEPTED = [
    ("Anna Berg", "participant", "Anna Berg och statssekreterare Ulf Kristersson deltog."),
    ("Anna Berg", "participant", "På mötet deltog Ulf Kristersson och Anna Berg."),
    ("Anna Berg", "participant", "Ulf Kristersson deltog inte, men Anna Berg deltog."),
    ("Ulf Kristersson", "participant", "Anna Berg deltog, liksom Ulf Kristersson."),
    ("Anna Berg", "participant", "Därefter informerade enhetschef Anna Berg om arbetet."),
    ("Anna Berg", "participant", "Anna Berg, enhetschef på departementet, presenterade rapporten."),
    ("Anna Berg", "participant", "Inledningsvis träffade statssekreterare Anna Berg organisationerna."),
    ("Anna Berg", "participant", "The sakråd was attended by Anna Berg."),
    ("Anna Berg", "participant", "Anna Berg took part in the meeting."),
    ("Anna Berg", "convener", "Den 3 maj bjöd Anna Berg in till sakråd."),
    ("Anna Berg", "convener", "The sakråd was hosted by State Secretary Anna Berg."),
    ("Anna Berg", "convener", "Anna Berg invited twenty organisations."),
    ("Anna Berg", "chair", "Ordförande var Anna Berg."),
    ("Anna Berg", "chair", "Ordförande för mötet var statssekreterare Anna Berg."),
    ("Anna Berg", "chair", "Anna Berg var ordförande."),
    ("Anna Berg", "chair", "Anna Berg, som ledde mötet, tackade organisationerna."),
    ("Anna Berg", "chair", "Mötet leddes av Anna Berg."),
    ("Anna Berg", "chair", "The meeting was chaired by Anna Berg."),
    ("Anna Berg", "chair", "Anna Berg chaired the meeting."),
    ("Anna Berg", "chair", "Med Anna Berg som ordförande samlades femton organisationer."),
    ("Anna Berg", "chair", "Mötet, som leddes av Anna Berg, samlade tio organisationer."),
    ("Anna Berg", "participant", "Anna Berg, Ulf Kristersson och Eva Ek deltog."),
    ("Anna Berg", "participant", "Under sakrådet deltog även generaldirektör Anna Berg."),
    ("Anna Berg", "participant", "From the Government Offices, State Secretary Anna Berg attended."),
]

#: Mutations: the name in the sentence of a role word, but not the role's subject, or the role undone.
REFUSED = [
    # the object of another verb or of a preposition
    ("Anna Berg", "participant", "Ulf Kristersson berättade om Anna Berg."),
    ("Anna Berg", "participant", "Därefter berättade Ulf Kristersson om Anna Berg."),
    ("Anna Berg", "participant", "Ulf Kristersson deltog och tackade Anna Berg."),
    ("Anna Berg", "participant", "Ulf Kristersson träffade Anna Berg."),
    ("Anna Berg", "participant", "Hon presenterade statssekreterare Anna Berg för organisationerna."),
    ("Anna Berg", "participant", "Enligt Anna Berg deltog femton organisationer."),
    ("Anna Berg", "participant", "Mötet leddes av Ulf Kristersson, enligt Anna Berg."),
    ("Anna Berg", "participant", "Ulf Kristersson informerade hos Anna Berg."),
    ("Anna Berg", "participant", "Från Anna Berg deltog ingen."),
    ("Anna Berg", "participant", "Tack vare Anna Berg deltog fler."),
    ("Anna Berg", "participant", "Organisationerna träffade Anna Berg."),
    ("Anna Berg", "participant", "De deltog tillsammans med Anna Berg."),
    ("Anna Berg", "participant", "Varken Anna Berg eller Ulf Kristersson deltog."),
    ("Anna Berg", "chair", "Ulf Kristersson ledde mötet och tackade Anna Berg."),
    ("Anna Berg", "chair", "Mötet leddes i Anna Bergs lokaler."),
    ("Anna Berg", "chair", "Anna Berg leddes in i salen."),
    ("Anna Berg", "chair", "Sakrådet leddes av Ulf Kristersson med Anna Berg som gäst."),
    ("Anna Berg", "chair", "Ordförande var Ulf Kristersson, som tackade Anna Berg."),
    ("Anna Berg", "chair", "Ordförande för Anna Bergs förening deltog."),
    ("Anna Berg", "convener", "Ulf Kristersson bjöd in Anna Berg till sakrådet."),
    ("Anna Berg", "convener", "Inbjudan skickades till Anna Berg."),
    ("Anna Berg", "convener", "Ulf Kristersson invited Anna Berg."),
    ("Anna Berg", "convener", "Regeringen bjöd statssekreterare Anna Berg."),
    # a negation in the clause
    ("Anna Berg", "participant", "Anna Berg deltog inte."),
    ("Anna Berg", "participant", "Anna Berg deltog aldrig i mötet."),
    ("Anna Berg", "participant", "Den 5 maj deltog statssekreterare Anna Berg inte."),
    ("Anna Berg", "participant", "Anna Berg, som inte kunde delta, informerade i ett brev."),
    ("Anna Berg", "participant", "I mötet deltog ej Anna Berg."),
    ("Anna Berg", "chair", "Mötet leddes inte av Anna Berg."),
    ("Anna Berg", "chair", "The meeting was chaired by Ulf Kristersson, not Anna Berg."),
    ("Anna Berg", "chair", "Anna Berg ledde icke mötet."),
    # an invitation received, a plan, a condition
    ("Anna Berg", "participant", "Anna Berg var inbjuden men deltog inte."),
    ("Anna Berg", "participant", "Mötet leddes av Ulf Kristersson och inbjudna var Anna Berg och Eva Ek."),
    ("Anna Berg", "participant", "Anna Berg, som planerar nästa sakråd, deltog."),
    ("Anna Berg", "participant", "Anna Berg, som var inbjuden, deltog via länk."),
    ("Anna Berg", "chair", "Ordförande för mötet skulle ha varit Anna Berg."),
    ("Anna Berg", "chair", "Ordförande är tänkt att bli Anna Berg."),
    ("Anna Berg", "chair", "Anna Berg was invited to chair the meeting."),
    ("Anna Berg", "chair", "Anna Berg, who will chair the meeting, attended."),
    ("Anna Berg", "convener", "Anna Berg bjöds in till sakrådet av Ulf Kristersson."),
    ("Anna Berg", "convener", "Anna Berg kommer att bjuda in, och Ulf Kristersson bjöd in."),
    (
        "Anna Berg",
        "participant",
        "Därefter skulle enhetschef Anna Berg presentera rapporten, men hon informerade inte.",
    ),
]


@pytest.mark.parametrize(("name", "kind", "sentence"), REAL + ACCEPTED)
def test_a_sentence_naming_the_person_as_the_roles_subject_is_accepted(name: str, kind: str, sentence: str) -> None:
    assert _named(name, kind, sentence)


@pytest.mark.parametrize(("name", "kind", "sentence"), REFUSED)
def test_a_sentence_not_naming_the_person_as_the_roles_subject_is_refused(name: str, kind: str, sentence: str) -> None:
    assert not _named(name, kind, sentence)


def test_the_surname_after_the_persons_title_is_read_in_its_clause() -> None:
    title = ("energi- och näringsminister",)
    real = (
        "Fullsatt när energi- och näringsminister Busch bjöd in näringslivet, industrin, akademin och "
        "myndigheter till EU-sakråd för att samla in synpunkter."
    )
    assert _named("Busch", "convener", real, title)
    assert not _named("Busch", "convener", "Fullsatt när energi- och näringsminister Busch inte bjöd in.", title)
    assert not _named("Busch", "convener", "Ulf Kristersson bjöd in energi- och näringsminister Busch.", title)


@pytest.mark.parametrize(
    "mutation",
    [
        {"deltog statssekreterare": "deltog inte statssekreterare", "och leddes av": "och leddes inte av"},
        {"deltog statssekreterare": "berättade om statssekreterare", "och leddes av": "och tackade"},
        {"deltog statssekreterare": "skulle statssekreterare", "och leddes av": "och planerades av"},
        {"Från Regeringskansliet deltog": "Regeringskansliet träffade", "och leddes av": "och leddes i"},
    ],
)
def test_the_seeds_chair_and_participant_named_outside_the_roles_clause_are_refused(
    tmp_path: Path, mutation: dict[str, str]
) -> None:
    """The seed's two sentences naming Anders Kessling (chair: "och leddes av Anders Kessling";
    participant: that and "deltog statssekreterare Anders Kessling") mutated in its kept text: loading
    refuses both, naming the meeting file and the kept text."""
    project = fixture_project(tmp_path / "project")
    kept = project / "data" / "sources" / "sakrad-2017-12-12-integration.txt"
    for old, new in mutation.items():
        change(kept, old, new)
    errors = refused(project)
    for what in ("the chair", "the government participant"):
        found = [e for e in errors if what in e and "Anders Kessling" in e]
        assert len(found) == 1 and "2017-12-12-integration.yaml:" in found[0], errors
        assert "sakrad-2017-12-12-integration.txt" in found[0]


class _Counting:
    """A stand-in for a compiled pattern counting the characters it is asked to look at."""

    def __init__(self, real: re.Pattern[str]) -> None:
        self.real = real
        self.chars = 0

    def _span(self, string: str, pos: int, endpos: int | None) -> int:
        return max(0, (len(string) if endpos is None else endpos) - pos)

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        self.chars += self._span(string, pos, endpos)
        return self.real.search(string, pos, len(string) if endpos is None else endpos)

    def findall(self, string: str, pos: int = 0, endpos: int | None = None) -> list:
        self.chars += self._span(string, pos, endpos)
        return self.real.findall(string, pos, len(string) if endpos is None else endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None):  # noqa: ANN201
        self.chars += self._span(string, pos, endpos)
        return self.real.finditer(string, pos, len(string) if endpos is None else endpos)

    def match(self, string: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return self.real.match(string, pos, len(string) if endpos is None else endpos)

    def fullmatch(self, string: str) -> re.Match[str] | None:
        return self.real.fullmatch(string)


@pytest.mark.parametrize(
    "unit",
    [
        "deltog inte Anna Berg, ",
        "Ulf deltog och tackade Anna Berg i ",
        "Anna Berg, som inte, deltog ",
        "ordförande skulle Anna Berg ",
        "Anna Berg och Ulf och ",
        "enligt statssekreterare Anna Berg deltog ",
    ],
)
def test_the_clause_is_read_in_bounded_windows(monkeypatch, unit: str) -> None:
    """A sentence of thousands of names among role words, guards and commas, none naming the person:
    the words around each occurrence are read within the windows (GAP_WINDOW, CLAUSE_WINDOW), so the
    characters the clause's patterns look at grow with the occurrences, not with their square."""
    words = _Counting(stated._WORDS)
    guards = _Counting(stated._GUARDS)
    monkeypatch.setattr(stated, "_WORDS", words)
    monkeypatch.setattr(stated, "_GUARDS", guards)
    repeats = 1000
    text = stated.folded_text(unit * repeats + "slut.")
    assert not stated._named_as("Anna Berg", "participant", text)
    window = stated.GAP_WINDOW + 2 * stated.CLAUSE_WINDOW
    assert words.chars + guards.chars <= 6 * window * repeats, (words.chars, guards.chars)


@pytest.mark.parametrize(
    ("name", "kind", "sentence", "named"),
    [
        ("Anna Berg", "participant", "Därefter presenterade Anna Bergs kollega rapporten.", False),
        ("Anna Berg", "chair", "Mötet leddes av Anna Bergs statssekreterare.", False),
        ("Anna Berg", "participant", "Därefter presenterade politiskt sakkunnig Anna Berg rapporten.", True),
        ("Anna Berg", "participant", "Deltog Anna Berg?", False),
        ("Anna Berg", "chair", "Ordförande blir Anna Berg.", False),
        ("Anna Berg", "participant", "Enligt Anna Berg, som deltog, var mötet givande.", True),
        ("Anna Berg", "participant", "According to Anna Berg, the minister attended.", False),
        ("Anna Berg", "participant", "Anna Berg var inte närvarande.", False),
        ("Anna Berg", "participant", "Närvarande var Anna Berg och Ulf Kristersson.", True),
        ("Anna Berg", "convener", "Anna Berg bjöd inte in några organisationer.", False),
    ],
)
def test_genitives_questions_and_copulas(name: str, kind: str, sentence: str, named: bool) -> None:
    assert _named(name, kind, sentence) is named


@pytest.mark.parametrize("commas", [",", ", ", ",,, ,", ", som ,"])
def test_thousands_of_commas_after_a_name_are_read_as_one_apposition_at_most(commas: str) -> None:
    """Each comma after a name could open another apposition: only one is read (a comma closing it
    within APPOSITION_WINDOW, then the role word), so the look is bounded and no recursion deepens
    with the commas (a RecursionError before)."""
    text = stated.folded_text("Anna Berg" + commas * 5000 + " ledde mötet.")
    assert not stated._named_as("Anna Berg", "chair", text)
    assert stated._named_as("Anna Berg", "chair", stated.folded_text("Anna Berg, enhetschef, ledde mötet."))
