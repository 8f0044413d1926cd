"""The guard words of a sentence stating a fact (clauses.GUARD_TABLE) count only where they govern the
fact: in its own clause (not a subordinate clause, "för att … skulle", "om hur stödet kan", ", som …";
not a coordinated clause with its own verb, "deltog och hoppas …"), "om" only as a subjunction with its
verb, "eller" only joining the fact to another, another time not in a comparison ("liksom förra
gången"). True facts stated that way are accepted; negated, planned, conditional, doubted, chosen or
another meeting's are refused, the message naming the word."""

from __future__ import annotations

import pytest

from sakrad_ld import clauses, placed, stated
from sakrad_ld.stated import folded, folded_text

YEARS = frozenset({"2025"})
J = "Jakob Forssmed"


def _text(sentence: str) -> tuple[str, str]:
    text = folded_text(sentence)
    return text, text.replace("\x00", " ")


def _org(sentence: str, name: str = "Fryshuset") -> str | None:
    text, flat = _text(sentence)
    return stated._named([name], text, flat, {}, frozenset(), listed=True)


def _place(sentence: str, place: str) -> str | None:
    text, flat = _text(sentence)
    return placed.held_here(place, text, flat, YEARS)


def _role(sentence: str, name: str, kind: str = "chair") -> bool:
    return stated._named_as(name, kind, folded_text(sentence))


def _role_said(sentence: str, name: str, kind: str = "chair") -> str:
    text, flat = _text(sentence)
    return stated._role_said(folded(name), kind, text, flat)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Fryshuset deltog och kunde bidra med erfarenheter från verksamheten.", "Fryshuset"),
        ("Fryshuset deltog och hoppas på fortsatt dialog.", "Fryshuset"),
        ("Fryshuset deltog och önskade mer tid för dialog.", "Fryshuset"),
        ("Fryshuset deltog och bör nämnas särskilt.", "Fryshuset"),
        ("Fryshuset deltog och ville se mer stöd till unga.", "Fryshuset"),
        ("Fryshuset deltog och efterfrågade besked om huruvida stödet förlängs.", "Fryshuset"),
        ("Fryshuset participated and said it could help.", "Fryshuset"),
        ("Fryshuset attended and asked if funding would continue.", "Fryshuset"),
        ("Fryshuset deltog medan Famna inte kunde komma.", "Fryshuset"),
        ("Famna kunde inte komma och Fryshuset deltog.", "Fryshuset"),
        ("Fryshuset deltog inte bara i sakrådet utan även i arbetsgruppen.", "Fryshuset"),
        ("Fryshuset var inte bara inbjudet utan deltog också.", "Fryshuset"),
        ("Fryshuset, Famna, och Röda korset deltog, men inte Rädda barnen.", "Fryshuset"),
        ("Fryshuset var inte inbjudet, men organisationen deltog ändå.", "Fryshuset"),
        ("Fryshuset och Famna deltog medan Rädda barnen inte kunde komma.", "Fryshuset"),
        ("Bland deltagarna fanns Fryshuset och Famna - däremot inte Rädda barnen.", "Fryshuset"),
        ("Fryshuset deltog, liksom förra gången.", "Fryshuset"),
        ("Fryshuset deltog med två representanter, vilket var fler än förra gången.", "Fryshuset"),
        ("Fryshuset deltog i sakrådet för första gången sedan föregående år.", "Fryshuset"),
        ("Fryshuset deltog, liksom vid föregående års sakråd.", "Fryshuset"),
        ("Fryshuset deltog, liksom förra året.", "Fryshuset"),
        ("Fryshuset deltog, som de gjort förra året.", "Fryshuset"),
        ("Om integrationspolitiken diskuterade Fryshuset och Famna med statssekreteraren.", "Fryshuset"),
        ("Om integrationspolitiken samtalade Fryshuset och Famna.", "Famna"),
        ("Inte bara Fryshuset utan även Famna deltog.", "Fryshuset"),
        ("Inte bara Fryshuset utan även Famna deltog.", "Famna"),
        ("Inte Fryshuset utan Famna deltog.", "Famna"),
        ("Fryshuset deltog inte bara i sakrådet utan även i den efterföljande workshopen.", "Fryshuset"),
        ("Sakrådet, som inte var öppet för allmänheten, samlade Fryshuset och Famna.", "Fryshuset"),
        ("Fryshuset, Famna och Freima (som inte deltog i fjol) deltog.", "Fryshuset"),
        ("Fryshuset deltog i diskussionen om hur stödet kan förbättras.", "Fryshuset"),
        ("Fryshuset deltog och berättade hur arbetet kan utvecklas.", "Fryshuset"),
        ("Fryshuset deltog för att organisationerna skulle höras.", "Fryshuset"),
        ("Förutom Fryshuset deltog även Famna.", "Fryshuset"),
        ("Fryshuset var inbjudet och deltog.", "Fryshuset"),
        ("Fryshuset deltog, och Famna kunde inte komma.", "Fryshuset"),
        ("Fryshuset deltog. Famna deltog inte.", "Fryshuset"),
        ("Fryshuset deltog, men Famna kunde inte komma.", "Fryshuset"),
        ("Fryshuset deltog med barn- eller ungdomsorganisationer.", "Fryshuset"),
    ],
)
def test_an_organisation_the_sentence_says_took_part_is_accepted(sentence: str, name: str) -> None:
    assert _org(sentence, name) == "", _org(sentence, name)


@pytest.mark.parametrize(
    ("sentence", "name", "kind", "word"),
    [
        ("Fryshuset, som ofta deltar i sakråd, var inte med den här gången.", "Fryshuset", "a negation", "inte"),
        ("Fryshuset deltog inte.", "Fryshuset", "a negation", "inte"),
        ("Inte Fryshuset utan Famna deltog.", "Fryshuset", "a negation", "inte"),
        ("Varken Fryshuset eller Famna deltog.", "Fryshuset", "a negation", "varken"),
        ("Fryshuset var förhindrat att delta.", "Fryshuset", "an absence or a refusal", "förhindrat"),
        ("Fryshuset saknades bland deltagarna.", "Fryshuset", "an absence or a refusal", "saknades"),
        ("Bland deltagarna saknades Fryshuset.", "Fryshuset", "an absence or a refusal", "saknades"),
        ("Fryshuset avstod från att delta.", "Fryshuset", "an absence or a refusal", "avstod"),
        ("Fryshuset nekades att delta.", "Fryshuset", "an absence or a refusal", "nekades"),
        ("Fryshuset bojkottade sakrådet.", "Fryshuset", "an absence or a refusal", "bojkottade"),
        ("Förutom Fryshuset deltog alla inbjudna organisationer.", "Fryshuset", "an exclusion", "förutom"),
        ("Alla inbjudna utom Fryshuset deltog.", "Fryshuset", "an exclusion", "utom"),
        ("Om Fryshuset deltar, kommer Famna också.", "Fryshuset", "a condition or a doubt", "om"),
        ("Fryshuset deltar om det finns tid.", "Fryshuset", "a condition or a doubt", "om"),
        ("Fryshuset deltog möjligen.", "Fryshuset", "a condition or a doubt", "möjligen"),
        ("Fryshuset deltog, möjligen.", "Fryshuset", "a condition or a doubt", "möjligen"),
        ("Fryshuset deltog antagligen.", "Fryshuset", "a condition or a doubt", "antagligen"),
        ("Fryshuset kunde inte delta.", "Fryshuset", "a negation", "inte"),
        ("Fryshuset skulle ha deltagit.", "Fryshuset", "a plan, a wish, a duty or a possibility", "skulle"),
        ("Fryshuset ville delta.", "Fryshuset", "a plan, a wish, a duty or a possibility", "ville"),
        ("Fryshuset eller Famna deltog.", "Fryshuset", "a choice", "eller"),
        ("Fryshuset lämnade synpunkter i stället för att delta.", "Fryshuset", "something done in its place",
         "i stället för att"),
        ("Famna deltog i stället för Fryshuset.", "Fryshuset", "something done in its place", "i stället för"),
        ("Fryshuset anmälde sig men kom aldrig.", "Fryshuset", "an urging, an offer or a registration",
         "anmälde sig"),
    ],
)  # fmt: skip
def test_an_organisation_the_sentence_does_not_say_took_part_is_refused_naming_the_word(
    sentence: str, name: str, kind: str, word: str
) -> None:
    why = _org(sentence, name)
    assert why, sentence
    assert f"says {kind} ('{word}')" in why, why


@pytest.mark.parametrize(
    "sentence",
    [
        "Vid förra sakrådet deltog Fryshuset.",
        "Fryshuset deltog i förra årets sakråd.",
        "Nästa gång deltar Fryshuset.",
        "Fryshuset deltog i fjol.",
    ],
)
def test_an_organisation_of_another_meeting_is_refused(sentence: str) -> None:
    why = _org(sentence)
    assert why and ("another meeting" in why or "another time" in why), why


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Sakrådet hölls i Stockholm och handlade bland annat om skolan, om vården och om äldreomsorgen.", "Stockholm"),
        ("Sakrådet hölls i Stockholm under ledning av statssekreteraren, om migrationsfrågor.", "Stockholm"),
        ("Sakrådet hölls i Stockholm med ett 30-tal barn- eller ungdomsorganisationer.", "Stockholm"),
        ("Sakrådet med funktionshinder- eller patientorganisationer hölls i Stockholm.", "Stockholm"),
        ("Sakrådet hölls i Stockholm med organisationer för barn eller unga.", "Stockholm"),
        ("The consultation was held in Stockholm with NGOs or their umbrella bodies.", "Stockholm"),
        ("Mötet hölls i Stockholm i en eller annan form.", "Stockholm"),
        ("Sakrådet hölls i Stockholm för att organisationerna skulle få lämna synpunkter.", "Stockholm"),
        ("Sakrådet hölls i Stockholm så att fler kan delta.", "Stockholm"),
        ("Sakrådet hölls i Stockholm, nästa gång i Malmö.", "Stockholm"),
        ("Sakrådet hölls i Malmö och inte digitalt som förra året.", "Malmö"),
        ("Sakrådet hölls i Stockholm, där ministern inledde.", "Stockholm"),
        ("Sakrådet hölls i Stockholm och inte i Göteborg.", "Stockholm"),
        ("Sakrådet hölls i Stockholm i stället för digitalt.", "Stockholm"),
        ("Sakrådet hölls i Stockholm, inte digitalt.", "Stockholm"),
        ("Sakrådet hölls i Stockholm med en diskussion om hur stödet kan förbättras.", "Stockholm"),
        ("Sakrådet, som kunde följas digitalt, hölls i Stockholm.", "Stockholm"),
    ],
)
def test_a_place_the_sentence_says_the_meeting_was_held_at_is_accepted(sentence: str, place: str) -> None:
    assert _place(sentence, place) == "", _place(sentence, place)


@pytest.mark.parametrize(
    ("sentence", "place", "said", "word"),
    [
        ("Sakrådet hålls i Umeå, eller i Luleå.", "Umeå", "a doubt or a choice", "eller"),
        ("Sakrådet hålls i Umeå, Luleå eller Kiruna.", "Umeå", "a doubt or a choice", "eller"),
        ("Sakrådet hölls i Stockholm, Göteborg eller Malmö beroende på år.", "Stockholm", "a doubt or a choice",
         "eller"),
        ("Sakrådet hölls i Stockholm, möjligen.", "Stockholm", "a doubt or a choice", "möjligen"),
        ("Sakrådet hölls i Stockholm (preliminärt).", "Stockholm", "a doubt or a choice", "preliminärt"),
        ("Sakrådet hölls i Stockholm, alternativt i Göteborg.", "Stockholm", "a doubt or a choice", "alternativt"),
        ("Sakrådet hölls i Stockholm, nästa gång i Malmö.", "Malmö", "another time", "nästa gång"),
        ("Sakrådet hölls digitalt, inte i Stockholm.", "Stockholm", "denies it", "inte"),
        ("Mötet i Umeå flyttades till Luleå.", "Umeå", "a doubt or a choice", "flyttades"),
        ("Mötet brukar hållas i Malmö.", "Malmö", "another time", "brukar"),
        ("Organisationerna ville att mötet skulle hållas i Umeå.", "Umeå", "a doubt or a choice", "ville"),
        ("Mötet är planerat att hållas i Umeå.", "Umeå", "a plan", "planerat"),
        ("Om intresset är stort, hålls sakrådet i Umeå.", "Umeå", "a condition", "om"),
        ("Sakrådet hålls i Umeå om det finns intresse.", "Umeå", "a condition", "om"),
    ],
)  # fmt: skip
def test_a_place_refused_quotes_the_word(sentence: str, place: str, said: str, word: str) -> None:
    why = _place(sentence, place)
    assert why, sentence
    assert said in why and f"'{word}'" in why, why


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Jakob Forssmed var ordförande för det nationella sakrådet.", J),
        ("Jakob Forssmed var ordförande på träffen.", J),
        ("Jakob Forssmed var ordförande vid dialogmötet.", J),
        ("Jakob Forssmed var ordförande för samtalet.", J),
        ("Jakob Forssmed var ordförande vid konsultationen.", J),
        ("Jakob Forssmed was chair of the meeting.", J),
        ("Jakob Forssmed var ordförande i dag.", J),
        ("Jakob Forssmed ledde sakrådet i stället för Paulina Brandberg.", J),
        ("Jakob Forssmed ledde sakrådet i stället för Paulina Brandberg, som var sjuk.", J),
        ("I stället för Paulina Brandberg ledde Jakob Forssmed sakrådet.", J),
        ("Mötet leddes av socialminister Jakob Forssmed och handlade om hur stödet kan utvecklas.", J),
        ("Sakrådet leddes av Jakob Forssmed, som även kommer att leda nästa sakråd.", J),
        ("Sakrådet leddes av Jakob Forssmed, som även leder nästa sakråd.", J),
        ("Jakob Forssmed ledde sakrådet och ville höra organisationernas synpunkter.", J),
        ("Sakrådet leddes av Jakob Forssmed, som ville höra organisationernas synpunkter.", J),
        ("Paulina Brandberg deltog inte utan Jakob Forssmed ledde mötet.", J),
    ],
)
def test_a_chair_the_sentence_states_is_accepted(sentence: str, name: str) -> None:
    assert _role(sentence, name), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Jakob Forssmed var ordförande på Dagens Industri.",
        "Jakob Forssmed var ordförande i Dagspressens förening.",
        "Jakob Forssmed var ordförande för Detaljhandelns råd.",
        "Sakrådet leddes inte av Jakob Forssmed utan av Paulina Brandberg.",
    ],
)
def test_a_chair_of_another_body_or_denied_is_refused(sentence: str) -> None:
    assert not _role(sentence, J), sentence


@pytest.mark.parametrize(
    ("sentence", "kind", "word"),
    [
        ("Jakob Forssmed ledde inte sakrådet.", "a negation", "inte"),
        ("Jakob Forssmed ledde möjligen sakrådet.", "a condition or a doubt", "möjligen"),
        ("Det är oklart om Jakob Forssmed ledde sakrådet.", "a condition or a doubt", "oklart"),
        ("Jakob Forssmed ledde kanske sakrådet.", "a condition or a doubt", "kanske"),
    ],
)
def test_a_chair_refused_names_the_word(sentence: str, kind: str, word: str) -> None:
    assert not _role(sentence, J), sentence
    said = _role_said(sentence, J)
    assert f"says {kind} ('{word}')" in said, said


@pytest.mark.parametrize(
    ("sentence", "accepted"),
    [
        ("Jakob Forssmed deltog i diskussionen om hur stödet kan förbättras.", True),
        ("Jakob Forssmed deltog under hela mötet och svarade på frågor om hur arbetet kan utvecklas.", True),
        ("Jakob Forssmed deltog och berättade hur arbetet kan utvecklas.", True),
        ("Jakob Forssmed deltog inte bara i sakrådet utan även i lunchen.", True),
        ("Jakob Forssmed deltog inte.", False),
        ("Jakob Forssmed kunde inte delta.", False),
        ("Jakob Forssmed skulle delta.", False),
        ("Jakob Forssmed deltog möjligen.", False),
    ],
)
def test_a_government_participant(sentence: str, accepted: bool) -> None:
    assert _role(sentence, J, "participant") is accepted, sentence


@pytest.mark.parametrize(
    ("sentence", "name", "word", "kind"),
    [
        ("Om tid finns tas följande frågor upp.", "frågor", "om", clauses.CONDITION),
        ("Om integrationspolitiken diskuterade Fryshuset.", "fryshuset", None, None),
        ("Fryshuset deltog och frågade om stödet finns kvar.", "fryshuset", None, None),
        ("Fryshuset deltog, om möjligt.", "fryshuset", "om möjligt", clauses.CONDITION),
        ("Fryshuset deltog med barn- eller ungdomsorganisationer.", "fryshuset", None, None),
        ("Fryshuset eller Famna deltog.", "famna", "eller", clauses.CHOICE),
        ("Fryshuset deltog, liksom förra gången.", "fryshuset", None, None),
        ("Fryshuset deltog förra gången.", "fryshuset", "förra gången", clauses.OTHER_TIME),
        ("Fryshuset deltog inte heller.", "fryshuset", "inte", clauses.NEGATION),
        ("Fryshuset deltog inte minst i diskussionen.", "fryshuset", None, None),
    ],
)
def test_guard_in_reads_each_word_in_its_scope(sentence: str, name: str, word: str | None, kind: str | None) -> None:
    _, flat = _text(sentence)
    a = flat.find(name)
    found = clauses.guard_in(flat, 0, len(flat), a, a + len(name))
    assert found == (None if word is None else (word, kind)), found


def test_every_guard_word_has_one_kind_and_scope() -> None:
    words = [w for _, _, group in clauses.GUARD_TABLE for w in group]
    assert len(words) == len(set(words))
    assert all(scope in ("clause", "beside", "head") for _, scope, _ in clauses.GUARD_TABLE)
    assert set(stated.GUARD_WORDS) >= {w for w, (_, s) in clauses.GUARDS.items() if s == "clause"}


def _area(sentence: str, value: str) -> str | None:
    text, flat = _text(sentence)
    return stated.discussion(value, text, flat, {}, YEARS)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Under sakrådet diskuterades skolans roll och vad regeringen borde göra.", "skolans roll"),
        ("Under sakrådet diskuterades skolans roll och hur stödet skulle kunna förbättras.", "skolans roll"),
        ("Under sakrådet diskuterades skolans roll, om elevhälsan och om psykisk ohälsa.", "skolans roll"),
        ("Under sakrådet diskuterades bland annat psykisk ohälsa, om skolans roll och om elevhälsan.", "skolans roll"),
        ("Under sakrådet diskuterades skolans roll, bland annat vad som kunde göras bättre.", "skolans roll"),
        ("Under sakrådet diskuterades skolans roll, vilket deltagarna ville fördjupa.", "skolans roll"),
        ("Under sakrådet diskuterades skolans roll, som många önskade.", "skolans roll"),
        ("Under sakrådet diskuterades skolans roll, och flera påpekade att lärarna har ingen tid.", "skolans roll"),
        ("Deltagarna diskuterade skolans roll och vad som kan förbättras.", "skolans roll"),
        (
            "Om integrationspolitiken diskuterade organisationerna hur samverkan kan stärkas.",
            "hur samverkan kan stärkas",
        ),
        ("Om skolans roll diskuterades mycket.", "skolans roll"),
        ("Vid sakrådet togs skolans roll upp.", "skolans roll"),
        ("Vid sakrådet togs bl.a. skolans roll upp.", "skolans roll"),
        ("Vid sakrådet togs även skolans roll upp.", "skolans roll"),
        ("Under sakrådet diskuterades om stödet borde höjas.", "om stödet borde höjas"),
        ("Under sakrådet diskuterades huruvida stödet borde höjas.", "huruvida stödet borde höjas"),
        (
            "Under sakrådet diskuterades vad som skulle hända om stödet togs bort.",
            "vad som skulle hända om stödet togs bort",
        ),
    ],
)
def test_a_discussion_area_the_sentence_says_was_discussed_is_accepted(sentence: str, value: str) -> None:
    assert _area(sentence, value) == "said", sentence


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Varken skolans roll eller föreningslivets villkor diskuterades.", "föreningslivets villkor"),
        ("Varken skolans roll eller föreningslivets villkor diskuterades.", "skolans roll"),
        ("Ingen diskuterade skolans roll.", "skolans roll"),
        ("Ingen av deltagarna diskuterade skolans roll.", "skolans roll"),
        ("Skolans roll diskuterades varken på förmiddagen eller på eftermiddagen.", "skolans roll"),
        ("Förutom skolans roll diskuterades allt på dagordningen.", "skolans roll"),
        ("Deltagarna ville diskutera skolans roll, men det hanns inte med.", "skolans roll"),
        ("Skolans roll borde ha diskuterats.", "skolans roll"),
        ("Om tid finns diskuteras skolans roll.", "skolans roll"),
        ("Skolans roll diskuterades inte.", "skolans roll"),
        ("Skolans roll diskuterades kanske.", "skolans roll"),
        ("Vid förra årets sakråd diskuterades skolans roll.", "skolans roll"),
    ],
)
def test_a_discussion_area_the_sentence_does_not_say_was_discussed_is_refused(sentence: str, value: str) -> None:
    assert _area(sentence, value) is None, sentence


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        ("Varken skolans roll eller elevhälsan diskuterades.", "says a negation ('varken'), not that it was discussed"),
        ("Skolans roll borde ha diskuterats.", "says a plan, a wish, a duty or a possibility ('borde')"),
        ("Om tid finns diskuteras skolans roll.", "says a condition or a doubt ('om')"),
        ("Vid förra årets sakråd diskuterades skolans roll.", "is about another meeting"),
        ("Skolans roll nämndes inte.", "says a negation ('inte')"),
        ("Skolans roll är viktig.", ""),
    ],
)
def test_a_discussion_area_refused_says_which_word(sentence: str, said: str) -> None:
    text, flat = _text(sentence)
    why = stated._area_said("skolans roll", text, flat, YEARS)
    assert (said in why) if said else why == "", why


QUESTION = "Hur ska bidragen fördelas?"


@pytest.mark.parametrize(
    ("lead_in", "said"),
    [
        ("Ministern, som inte kunde stanna hela mötet, ställde följande frågor:", ""),
        ("Vid sakrådet togs följande frågor upp, men inte alla hann besvaras:", ""),
        ("Följande frågor diskuterades:", ""),
        ("Om tid finns tas följande frågor upp:", "says a condition or a doubt"),
        ("Om tid finns ställs följande frågor:", "says a condition or a doubt"),
        ("Följande frågor kan komma att tas upp:", "says a plan, a wish, a duty or a possibility"),
        ("Följande frågor skulle ha diskuterats:", "says a plan, a wish, a duty or a possibility"),
        ("Följande frågor ströks från dagordningen:", "says a calling off, a striking or a move"),
        ("Ingen tog upp följande frågor:", "denies it was put"),
        ("Följande frågor kommer inte att tas upp:", "denies it was put"),
    ],
)
def test_a_question_under_a_lead_in_that_does_not_put_it_is_refused(lead_in: str, said: str) -> None:
    text, flat = _text(f"{lead_in} {QUESTION}")
    a = flat.find(QUESTION.lower())
    why = stated._not_put(text, flat, a, a + len(QUESTION), {}, YEARS)
    assert (said in why) if said else why == "", why


@pytest.mark.parametrize(
    ("sentence", "accepted"),
    [
        ("Organisationer såsom Fryshuset och Famna är viktiga för integrationen.", False),
        ("Regeringen har gett bidrag till Fryshuset.", False),
        ("Fryshuset kritiserade att sakrådet hölls.", False),
        ("Fryshuset deltog.", True),
        ("Representanter för Fryshuset var på plats.", True),
        ("Sakrådet samlade Fryshuset och Famna.", True),
        ("- Fryshuset", True),
        ("Bland deltagarna fanns Fryshuset.", True),
    ],
)
def test_a_mere_mention_is_no_taking_part(sentence: str, accepted: bool) -> None:
    why = _org(sentence)
    assert (why == "") is accepted, why
    if not accepted:
        assert "has no word of taking part" in why, why
