"""What a kept text's sentence states of a meeting's date and place (dated.py, placed.py). A
year-only date is read as a month-only one: its year must stand as the time of this meeting's holding
("hölls 2023", "under hösten 2023", "i september 2023", "2023 hölls …"), not only in an address
("/2023/09/"), a topic's or a plan's name ("handlingsplanen för 2023", "budgetpropositionen 2023",
"strategin 2023–2027") or another sentence. A date right after another thing's noun that a preposition
governs ("utifrån rapporten den …", "med anledning av beslutet den …", "following the decision of …"),
after another meeting's ("Sakrådet hölls … en vecka efter mötet den …"), after a bound or an offset ("veckan
efter den", "tidigast den", "omkring den", "no earlier than") or among several days ("den 3 och den 10
september") is not this meeting's day. A place after "på plats" (who attended in person), of a gathering
before or after the meeting or for another event ("Efter sakrådet samlades deltagarna i Malmö för en
middag"), of another meeting a preposition governs ("föregicks av ett möte i Malmö"), of a clause after a
comma with a verb of its own ("…, organisationerna möttes i Malmö") or that the sentence calls wrong ("Det
är fel att sakrådet hölls i Malmö") is not where the meeting was held. "ägde inte rum förrän" and "was not held until" say it was held, later.
Each table holds both sides: true
facts beside the same words that must still load. Each row goes through the loader and its warnings:
(kept text, the meeting's facts, accepted)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_sentences_roles_counts import HELD, TRAP, TRUE, _date, _findings, _place

YEAR = _date("'2023'")
DAY = _date("2024-09-10")
MONTH = _date("2024-09")


#: A year-only date: the year as the time of this meeting's holding, not in an address, a name or a topic.
YEARS = [
    ("Sakrådet hölls i Rosenbad.", YEAR, TRAP),
    ("Sakrådet hölls i Rosenbad. Rapporten för 2023 presenterades.", YEAR, TRAP),
    ("Läs mer på https://www.regeringen.se/sakrad/2023/09/sakrad/ om sakrådet som hölls i Rosenbad.", YEAR, TRAP),
    ("Sakrådet om handlingsplanen för 2023 hölls i Rosenbad.", YEAR, TRAP),
    ("Sakrådet hölls i Rosenbad inför budgetpropositionen 2023.", YEAR, TRAP),
    ("Sakrådet om strategin 2023–2027 hölls i Rosenbad.", YEAR, TRAP),
    ("Sakrådet om strategin 2023 - 2027 hölls i Rosenbad.", YEAR, TRAP),
    ("Sakrådet om verksamhetsplanen 2023 hölls i Rosenbad.", YEAR, TRAP),
    ("Sakrådet hölls i Rosenbad. Beslutet fattades 2023.", YEAR, TRAP),
    ("Sakrådet hölls i Malmö 2023.", YEAR, TRUE),
    ("Sakrådet hölls digitalt 2023.", YEAR, TRUE),
    ("Sakrådet hölls på Kulturdepartementet 2023.", YEAR, TRUE),
    ("Sakrådet om handlingsplanen hölls i Rosenbad 2023.", YEAR, TRUE),
    ("The meeting was held in Malmö 2023.", YEAR, TRUE),
    ("Sakrådet hölls på temat handlingsplanen 2023.", YEAR, TRAP),
    ("Sakrådet hölls efter lunch i september 2024.", MONTH, TRUE),
    ("Sakrådet hölls efter pausen i september 2024.", MONTH, TRUE),
    ("Sakrådet hölls utifrån rapporten i september 2024.", MONTH, TRAP),
    ("Inför sakrådet, som hölls i Malmö den 10 september 2024, skickades frågor ut.", DAY, TRUE),
    ("Efter sakrådet, som hölls den 10 september 2024, skickades en sammanfattning.", DAY, TRUE),
    ("Inför mötet, som hölls den 10 september 2024, hölls sakrådet i Malmö.", DAY, TRAP),
    ("Sakrådet hölls kl 13, tisdagen den 10 september 2024.", DAY, TRUE),
    ("Sakrådet hölls i sal 4, tisdagen den 10 september 2024.", DAY, TRUE),
    ("Sakrådet hölls i Rosenbad. Rapporten kom, tisdagen den 10 september 2024.", DAY, TRAP),
    ("Sakrådet hölls efter sommaren, i september 2024.", MONTH, TRUE),
    ("Sakrådet hölls som planerat i september 2024.", MONTH, TRUE),
    ("Sakrådet skulle hållas som planerat i september 2024.", MONTH, TRAP),
    ("Rapporten publicerades efter sommaren, i september 2024.", MONTH, TRAP),
    ("Sakrådet hölls inte i Malmö 2023.", YEAR, TRAP),
    ("Sakrådet hölls 2024.", YEAR, TRAP),
    ("Sakrådet hölls inte 2023.", YEAR, TRAP),
    ("Sakrådet skulle ha hållits 2023 men ställdes in.", YEAR, TRAP),
    ("Förra sakrådet hölls 2023.", YEAR, TRAP),
    ("Publicerad 2023-09-20. Sakrådet hölls i Rosenbad.", YEAR, TRAP),
    ("Sakrådet hölls i Rosenbad efter mötet 2023.", YEAR, TRAP),
    ("Sakrådet hölls 2023.", YEAR, TRUE),
    ("Sakrådet hölls under 2023 i Rosenbad.", YEAR, TRUE),
    ("Sakrådet hölls hösten 2023.", YEAR, TRUE),
    ("Sakrådet hölls i slutet av 2023.", YEAR, TRUE),
    ("Sakrådet hölls i Rosenbad år 2023.", YEAR, TRUE),
    ("Sakrådet hölls i september 2023.", YEAR, TRUE),
    ("Sakrådet hölls den 12 september 2023.", YEAR, TRUE),
    ("Sakrådet hölls 2023-09-12.", YEAR, TRUE),
    ("2023 hölls ett sakråd om skolan.", YEAR, TRUE),
    ("The consultation was held in 2023.", YEAR, TRUE),
    ("Sakrådet hölls 2023, efter beslutet 2022.", YEAR, TRUE),
]  # fmt: skip

#: A date another noun's preposition governs, another meeting's, a bound, an offset, one of several days.
OTHER_THINGS_DATES = [
    ("Sakrådet hölls i Rosenbad, en vecka efter mötet den 10 september 2024.", DAY, TRAP),
    ("Sakrådet hölls i Rosenbad som en uppföljning av mötet den 10 september 2024.", DAY, TRAP),
    ("Sakrådet, det andra i ordningen efter mötet den 10 september 2024, hölls i Rosenbad.", DAY, TRAP),
    ("The consultation was held after the meeting on 10 September 2024.", DAY, TRAP),
    ("Sakrådet hölls i Rosenbad utifrån rapporten den 10 september 2024.", DAY, TRAP),
    ("Sakrådet hölls i Rosenbad med anledning av beslutet den 10 september 2024.", DAY, TRAP),
    ("Sakrådet hölls inför riksdagsbeslutet den 10 september 2024.", DAY, TRAP),
    ("Sakrådet hölls i Rosenbad i samband med konferensen den 10 september 2024.", DAY, TRAP),
    ("The consultation was held in Rosenbad following the decision of 10 September 2024.", DAY, TRAP),
    ("Sakrådet hölls dagen efter seminariet den 10 september 2024.", DAY, TRAP),
    ("Sakrådet hölls veckan efter den 10 september 2024.", DAY, TRAP),
    ("Sakrådet hölls en vecka före den 10 september 2024.", DAY, TRAP),
    ("Sakrådet hölls inom en vecka från den 10 september 2024.", DAY, TRAP),
    ("Sakrådet hölls någon gång efter den 10 september 2024.", DAY, TRAP),
    ("Sakrådet hölls tidigast den 10 september 2024.", DAY, TRAP),
    ("Sakrådet hölls omkring den 10 september 2024.", DAY, TRAP),
    ("Sakrådet hölls runt den 10 september 2024.", DAY, TRAP),
    ("The consultation took place no earlier than 10 September 2024.", DAY, TRAP),
    ("The consultation took place around 10 September 2024.", DAY, TRAP),
    ("Sakrådet hölls tidigast den 10 september 2024 och senast den 20 september 2024.", DAY, TRAP),
    ("Sakrådet hölls i två omgångar, den 3 och den 10 september 2024.", DAY, TRAP),
    ("Sakrådet hölls den 3, 5 och 10 september 2024.", DAY, TRAP),
    ("Sakrådet hölls den 3 och 10 september 2024.", DAY, TRAP),
    ("Sakrådet hölls kl 13, den 10 september 2024.", DAY, TRUE),
    ("Sakrådet hölls i sal 4 den 10 september 2024.", DAY, TRUE),
    ("Sakrådet hölls i rum 4, den 10 september 2024.", DAY, TRUE),
    ("Det är fel att sakrådet hölls den 10 september 2024; det hölls den 11 september 2024.", DAY, TRAP),
    ("Efter sakrådet den 10 september 2024 skickades minnesanteckningar ut. Sakrådet genomfördes.", DAY, TRUE),
    ("Minnesanteckningar från sakrådet den 10 september 2024. Sakrådet genomfördes.", DAY, TRUE),
    ("Sakrådet hölls av Socialdepartementet den 10 september 2024.", DAY, TRUE),
    ("Sakrådet anordnades digitalt av Socialdepartementet den 10 september 2024. Sakrådet genomfördes.", DAY, TRUE),
    ("Regeringen höll sakråd med civilsamhället den 10 september 2024. Sakrådet genomfördes.", DAY, TRUE),
    ("Sakrådet hölls efter lunch den 10 september 2024.", DAY, TRUE),
    ("Sakrådet hölls på eftermiddagen den 10 september 2024.", DAY, TRUE),
    ("Sakrådet hölls den 10 september 2024, en vecka efter mötet den 3 september 2024.", DAY, TRUE),
    ("Sakrådet hölls den 10 september 2024 efter beslutet den 3 september 2024.", DAY, TRUE),
    ("Sakrådet hölls den 10 september 2024, en månad efter mötet i augusti.", DAY, TRUE),
    ("Det är fel att sakrådet hölls den 3 september 2024; det hölls den 10 september 2024.", DAY, TRUE),
    ("Det är fel att sakrådet hölls i augusti. Sakrådet hölls den 10 september 2024.", DAY, TRUE),
    ("Sakrådet flyttades fram till den 10 september 2024 och hölls då i Rosenbad.", DAY, TRUE),
    ("Sakrådet hölls i Rosenbad efter mötet i september 2024.", MONTH, TRAP),
    ("Sakrådet hölls tidigast i september 2024.", MONTH, TRAP),
    ("Sakrådet hölls i samband med konferensen i september 2024.", MONTH, TRAP),
    ("Sakrådet hölls efter valet 2022.", _date("'2022'"), TRAP),
    ("Sakrådet hölls i Rosenbad i september 2024.", MONTH, TRUE),
    ("Sakrådet hölls av Socialdepartementet i september 2024.", MONTH, TRUE),
    ("Sakrådet hölls digitalt under september 2024.", MONTH, TRUE),
]  # fmt: skip

#: A place of attendance in person, of a gathering at another time, of another meeting, of another clause.
NOT_HELD_THERE = [
    (HELD + "Sakrådet hölls digitalt. Ministern deltog på plats i Rosenbad.", _place("Rosenbad"), TRAP),
    (HELD + "Sakrådet hölls digitalt, men Jakob Forssmed deltog på plats i Rosenbad.", _place("Rosenbad"), TRAP),
    (HELD + "Några organisationer deltog på plats i Malmö, övriga digitalt.", _place("Malmö"), TRAP),
    (HELD + "Ministern deltog på plats i Rosenbad medan övriga deltog digitalt.", _place("Rosenbad"), TRAP),
    (HELD + "The minister attended in person in Rosenbad.", _place("Rosenbad"), TRAP),
    (HELD + "Sakrådet hölls digitalt, med deltagare på plats i Rosenbad.", _place("Rosenbad"), TRAP),
    (HELD + "Sakrådet hölls digitalt men ministern deltog på plats i Rosenbad.", _place("Rosenbad"), TRAP),
    (HELD + "Sakrådet hölls både digitalt och på plats i Rosenbad.", _place("Rosenbad"), TRUE),
    (HELD + "Sakrådet genomfördes i hybridform, på plats i Rosenbad och via länk.", _place("Rosenbad"), TRUE),
    (HELD + "Sakrådet hölls i Rosenbad, med några deltagare på plats.", _place("Rosenbad"), TRUE),
    (HELD + "Efter sakrådet samlades deltagarna i Malmö för en middag.", _place("Malmö"), TRAP),
    (HELD + "Deltagarna samlades därefter på en restaurang i Gamla stan.", _place("Gamla stan"), TRAP),
    (HELD + "Deltagarna träffades efteråt i Malmö.", _place("Malmö"), TRAP),
    (HELD + "Organisationerna samlades i Malmö för en gemensam lunch.", _place("Malmö"), TRAP),
    (HELD + "Sakrådet hölls i Stockholm, organisationerna möttes sedan i Malmö.", _place("Malmö"), TRAP),
    (HELD + "Sakrådet hölls i Stockholm, organisationerna möttes i Malmö.", _place("Malmö"), TRAP),
    (HELD + "Sakrådet föregicks av ett möte i Malmö.", _place("Malmö"), TRAP),
    (HELD + "Sakrådet följdes av ett möte i Malmö.", _place("Malmö"), TRAP),
    (HELD + "Sakrådet hölls efter ett möte i Malmö.", _place("Malmö"), TRAP),
    (HELD + "Efter sakrådet hölls ett möte i Malmö.", _place("Malmö"), TRAP),
    (HELD + "Inför sakrådet hölls ett möte i Malmö.", _place("Malmö"), TRAP),
    (HELD + "Dagen efter sakrådet hölls en uppföljning i Lund.", _place("Lund"), TRAP),
    (HELD + "After the consultation a meeting was held in Malmö.", _place("Malmö"), TRAP),
    (HELD + "Inför sakrådet, som hölls i Malmö, skickades frågor ut.", _place("Malmö"), TRUE),
    (HELD + "Efter lunch hölls sakrådet i Malmö.", _place("Malmö"), TRUE),
    (HELD + "Det är fel att sakrådet hölls i Malmö; det hölls i Lund.", _place("Malmö"), TRAP),
    (HELD + "Det är inte sant att sakrådet hölls i Malmö.", _place("Malmö"), TRAP),
    (HELD + "It is not true that the meeting was held in Malmö.", _place("Malmö"), TRAP),
    (HELD + "Det är fel att sakrådet hölls i Malmö; det hölls i Lund.", _place("Lund"), TRUE),
    (HELD + "Det är fel att sakrådet hölls digitalt; det hölls i Lund.", _place("Lund"), TRUE),
    (HELD + "Sakrådet hölls på plats i Rosenbad.", _place("Rosenbad"), TRUE),
    (HELD + "Sakrådet hölls i Rosenbad, och ministern deltog på plats.", _place("Rosenbad"), TRUE),
    (HELD + "Deltagarna samlades i Malmö.", _place("Malmö"), TRUE),
    (HELD + "Organisationerna träffades i Rosenbad.", _place("Rosenbad"), TRUE),
    (HELD + "Sakrådet ägde rum i Rosenbad. Deltagarna samlades sedan i Malmö.", _place("Rosenbad"), TRUE),
    (HELD + "Sakrådet hölls i form av ett möte i Rosenbad.", _place("Rosenbad"), TRUE),
    (HELD + "Sakrådet hölls, som planerat, i Rosenbad.", _place("Rosenbad"), TRUE),
    (HELD + "Sakrådet, som leddes av ministern, hölls i Rosenbad.", _place("Rosenbad"), TRUE),
    (HELD + "Sakrådet hölls den 10 september, kl. 13–15, i Rosenbad.", _place("Rosenbad"), TRUE),
    (HELD + "Sakrådet hölls i Stockholm, i Regeringskansliets lokaler.", _place("Stockholm"), TRUE),
    (HELD + "Plats: Rosenbad", _place("Rosenbad"), TRUE),
]  # fmt: skip

#: Words saying the meeting was held (announced.HELD_SAID_WORDS), so no announced_only warning: "inte
#: förrän" / "not until" says it was held, later; "höll sakråd", "anordnades" are holdings.
HELD_SAID = [
    ("Sakrådet ägde inte rum förrän den 10 september 2024.", DAY, TRUE),
    ("The consultation was not held until 10 September 2024.", DAY, TRUE),
    ("The consultation did not take place until 10 September 2024.", DAY, TRUE),
    ("Regeringen höll sakråd med civilsamhället den 10 september 2024.", DAY, TRUE),
    ("Sakrådet anordnades digitalt av Socialdepartementet den 10 september 2024.", DAY, TRUE),
    ("Sakrådet ägde inte rum den 10 september 2024.", DAY, TRAP),
    ("Regeringen bjuder in till sakråd den 10 september 2024.", DAY, TRAP),
    ("Sakrådet hölls fram till den 10 september 2024.", DAY, TRAP),
]  # fmt: skip

#: A host's premises after "hos", a venue's label ("Mötesplats:", "Mötesort:") and a venue's address or town
#: as its apposition place the meeting (stated.PLACE_PREPOSITIONS, stated.PLACE_LABELS, stated._VENUE_THEN);
#: "hos" only after a verb of holding the meeting ("Anmälan sker hos …" places nothing), and a habit
#: ("hålls ofta") is another time (clauses.HABIT_WORDS).
HOSTS_LABELS = [
    (HELD + "Sakrådet hölls hos Länsstyrelsen i Malmö.", _place("Länsstyrelsen"), TRUE),
    (HELD + "Sakrådet hölls hos Länsstyrelsen i Malmö.", _place("Malmö"), TRUE),
    (HELD + "Sakrådet hölls hos Famna.", _place("Famna"), TRUE),
    (HELD + "Hos Länsstyrelsen i Malmö hölls sakrådet.", _place("Länsstyrelsen"), TRUE),
    (HELD + "Mötesplats: Rosenbad, Stockholm.", _place("Rosenbad"), TRUE),
    (HELD + "Mötesplats: Rosenbad, Stockholm.", _place("Stockholm"), TRUE),
    (HELD + "Mötesort: Malmö.", _place("Malmö"), TRUE),
    (HELD + "Sakrådet ägde rum på Socialdepartementet, Fredsgatan 8, i Stockholm.", _place("Fredsgatan 8"), TRUE),
    (HELD + "Sakrådet ägde rum i Rosenbad, Stockholm, den 10 september 2024.", _place("Stockholm"), TRUE),
    (HELD + "The meeting was held at Rosenbad, Stockholm, on 10 September 2024.", _place("Stockholm"), TRUE),
    (HELD + "Sakrådet hölls inte hos Länsstyrelsen i Malmö.", _place("Länsstyrelsen"), TRAP),
    (HELD + "Sakrådet hölls digitalt och anmälan gjordes hos Famna.", _place("Famna"), TRAP),
    (HELD + "Sakrådet hölls digitalt. Anmälan sker hos Länsstyrelsen.", _place("Länsstyrelsen"), TRAP),
    (HELD + "Sakrådet hölls digitalt, med statssekreterare hos Länsstyrelsen som moderator.", _place("Länsstyrelsen"), TRAP),
    (HELD + "Sakrådet hölls i Rosenbad, Famna och Fryshuset deltog.", _place("Famna"), TRAP),
    (HELD + "Mötesplats: Rosenbad eller Malmö.", _place("Malmö"), TRAP),
    (HELD + "Sakrådet hölls digitalt. Regeringens sakråd hålls ofta i Rosenbad.", _place("Rosenbad"), TRAP),
    (HELD + "Sakrådet hölls i Rosenbad, där regeringen ofta håller möten.", _place("Rosenbad"), TRUE),
    (HELD + "Sakrådet genomfördes i hybridform, på plats i Rosenbad och via länk.", _place("Rosenbad"), TRUE),
    (HELD + "Sakrådet genomfördes, på plats i Rosenbad och digitalt.", _place("Rosenbad"), TRUE),
    (HELD + "The meeting was held in hybrid form, in person in Rosenbad and online.", _place("Rosenbad"), TRUE),
    (HELD + "The meeting was held online, with the minister in person in Rosenbad.", _place("Rosenbad"), TRAP),
]  # fmt: skip

ROWS = YEARS + OTHER_THINGS_DATES + NOT_HELD_THERE + HELD_SAID + HOSTS_LABELS


@pytest.mark.parametrize(("text", "facts", "accepted"), ROWS, ids=lambda v: str(v)[:60] if isinstance(v, str) else None)
def test_a_sentence_states_the_meetings_time_and_place(tmp_path: Path, text: str, facts: str, accepted: bool) -> None:
    found = _findings(tmp_path, text, facts)
    assert (found == []) is accepted, found


def test_a_year_only_in_an_address_or_a_topic_is_refused_saying_why(tmp_path: Path) -> None:
    addressed = _findings(
        tmp_path / "address", "Läs mer på https://www.regeringen.se/sakrad/2023/09/ om sakrådet som hölls.", YEAR
    )
    assert addressed and "date 2023 is not in the text" in addressed[0], addressed
    topic = _findings(tmp_path / "topic", "Sakrådet om handlingsplanen för 2023 hölls i Rosenbad.", YEAR)
    assert topic and "only after other words" in topic[0] and "handlingsplanen för 2023" in topic[0], topic


def test_a_month_refused_is_expected_in_its_month_not_on_a_day(tmp_path: Path) -> None:
    found = _findings(tmp_path, "Sakrådet hölls utifrån rapporten i september 2024.", MONTH)
    assert found and "'Sakrådet hölls i september 2024'" in found[0] and "den september" not in found[0], found


def test_attendance_in_person_is_refused_quoting_the_sentences_own_words(tmp_path: Path) -> None:
    found = _findings(
        tmp_path, HELD + "The meeting was held online, with the minister in person in Rosenbad.", _place("Rosenbad")
    )
    assert found and "('in person')" in found[0] and "på plats" not in found[0], found
