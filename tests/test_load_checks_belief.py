"""What a third party believes, claims or asks is not what the text states: a fact of the meeting (its
date, place, count, chair, organiser, participants, discussion areas) stands in a kept text only where the
text says it, not where it stands in the "att"/"that" clause of a verb of belief, opinion or claim ("Vi tror
att …", "Flera deltagare menar att …", "En organisation påstår att …", "One organisation claims that …",
"…, menar en deltagare"), in an indirect question ("Frågan är om …", "Många undrar om …"), credited to a
source the text does not name ("…, enligt en deltagare", "…, uppger en källa", "Enligt ett rykte …",
"according to one participant", "om jag minns rätt"), marked unconfirmed ("(obekräftat)"), quoted as wrong
("”…”, skrev en deltagare felaktigt"), put under a condition after it ("… om intresse finns"), or asked
without a "?" (a heading or an item in a question's word order, "## Hölls sakrådet den 10 september
2024"; an item under "## Vanliga frågor"). The text's own report stands: a named source ("…, enligt
ministern", "…, säger Paulina Brandberg"), a report verb ("Regeringen konstaterar att …", "Ministern
berättade att …"), an opinion about something else ("Flera deltagare menade att stödet behöver öka"). Each
row goes through the loader and its warnings: (kept text, the meeting's facts, accepted)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_sentences_roles_counts import BRANDBERG, FRYSHUSET, TRAP, TRUE, _count, _findings, _place

HELD = "Sakrådet hölls den 10 september 2024. "
HELD_EN = "The meeting was held on 10 September 2024. "
UMEA = _place("Umeå")
COUNT = _count("organisation_count", "30 organisationer", 30)
COUNT_EN = _count("organisation_count", "30 organisations", 30)
SOCIAL = "organiser: socialdepartementet\n"
AREA = "discussion_areas:\n  - skolans roll\n"

#: (what the sentence states, the fact it states, what stands before it): one of each kind of fact.
KINDS = [
    ("sakrådet hölls den 10 september 2024", "", ""),
    ("sakrådet hölls i Umeå", UMEA, HELD),
    ("30 organisationer deltog i sakrådet", COUNT, HELD),
    ("sakrådet leddes av Paulina Brandberg", BRANDBERG, HELD),
    ("Fryshuset deltog i sakrådet", FRYSHUSET, HELD),
    ("skolans roll diskuterades under sakrådet", AREA, HELD),
]
KINDS_EN = [
    ("the meeting was held on 10 September 2024", "", ""),
    ("the meeting was held in Umeå", UMEA, HELD_EN),
    ("30 organisations took part in the meeting", COUNT_EN, HELD_EN),
    ("the meeting was chaired by Paulina Brandberg", BRANDBERG, HELD_EN),
    ("Fryshuset took part in the meeting", FRYSHUSET, HELD_EN),
]


def _cap(s: str) -> str:
    return s[0].upper() + s[1:]


#: How a sentence is made to say less than the fact: the fact's words go in at {s} (or {S}, capitalised).
NOT_STATED = [
    # a belief, an opinion, a claim
    "Vi tror att {s}.",
    "Flera deltagare menar att {s}.",
    "En organisation påstår att {s}.",
    "Famna hävdade att {s}.",
    "Många anser att {s}.",
    "Deltagarna uppfattade det som att {s}.",
    "{S}, menar en deltagare.",
    "{S}, tror jag.",
    # an indirect question
    "Frågan är om {s}.",
    "Många undrar om {s}.",
    "Famna frågade om {s}.",
    # an unnamed source, a rumour, a doubt of memory, an unconfirmed report
    "{S}, enligt en deltagare.",
    "{S}, enligt flera källor.",
    "{S}, uppger en deltagare.",
    "{S}, säger en källa.",
    "En deltagare uppger att {s}.",
    "{S}, om jag minns rätt.",
    "{S} (obekräftat).",
    # a quotation the text calls wrong
    "”{S}”, skrev en deltagare felaktigt.",
]
NOT_STATED_EN = [
    "One organisation claims that {s}.",
    "We believe {s}.",
    "Some participants think that {s}.",
    "Famna maintained that {s}.",
    "{S}, one participant claims.",
    "{S}, according to one participant.",
    "{S}, according to several sources.",
    "{S}, a source said.",
    "{S} (unconfirmed).",
    "Many wonder if {s}.",
    '"{S}," a participant wrote, wrongly.',
    "{S}, if I remember correctly.",
]


def _rows(kinds: list[tuple[str, str, str]], forms: list[str]) -> list[tuple[str, str, bool]]:
    return [(before + form.format(s=s, S=_cap(s)), facts, TRAP) for s, facts, before in kinds for form in forms]


#: A condition after the fact, a question asked without "?".
CONDITIONS_AND_QUESTIONS = [
    (HELD + "30 organisationer deltar i sakrådet om intresse finns.", COUNT, TRAP),
    (HELD + "Fryshuset deltar i sakrådet om intresse finns.", FRYSHUSET, TRAP),
    (HELD + "Paulina Brandberg leder sakrådet om tid finns.", BRANDBERG, TRAP),
    (HELD + "Fryshuset deltar i sakrådet såvida intresse finns.", FRYSHUSET, TRAP),
    ("## Hölls sakrådet den 10 september 2024\n\nText.", "", TRAP),
    ("## Vanliga frågor\n\n- Hölls sakrådet den 10 september 2024\n- Var hölls det", "", TRAP),
    ("## Vanliga frågor\n\n- Sakrådet hölls den 10 september 2024", "", TRAP),
    (HELD + "\n\n## Deltog Fryshuset i sakrådet\n\nText.", FRYSHUSET, TRAP),
    (HELD + "\n\n## Leddes sakrådet av Paulina Brandberg\n\nText.", BRANDBERG, TRAP),
    (HELD_EN + "\n\n## Was the meeting held in Umeå\n\nText.", UMEA, TRAP),
    (HELD_EN + "\n\n## Was the meeting chaired by Paulina Brandberg\n\nText.", BRANDBERG, TRAP),
    ("Hölls sakrådet den 10 september 2024 deltog Fryshuset.", FRYSHUSET, TRAP),
    ("Enligt ett rykte hölls sakrådet den 10 september 2024.", "", TRAP),
    (HELD + "Enligt ett par deltagare hölls sakrådet i Umeå.", UMEA, TRAP),
    (HELD + "Enligt en deltagare leddes sakrådet av Paulina Brandberg.", BRANDBERG, TRAP),
    (HELD_EN + "According to a participant, Fryshuset took part.", FRYSHUSET, TRAP),
    (HELD + "Sakrådet hölls i Umeå, enligt uppgifter från en deltagare.", UMEA, TRAP),
    (HELD + "Sakrådet hölls, enligt vissa, i Umeå.", UMEA, TRAP),
]

#: What the text itself states stands: its own report, a named source, an opinion of something else, a
#: list's item with its subject left out, a topic after the meeting's noun.
STATED = [
    ("Regeringen konstaterar att sakrådet hölls den 10 september 2024.", "", TRUE),
    ("Ministern berättade att sakrådet hölls den 10 september 2024.", "", TRUE),
    ("Ministern meddelade att sakrådet hölls den 10 september 2024 i Umeå.", UMEA, TRUE),
    (HELD + "Fryshuset deltog, enligt ministern.", FRYSHUSET, TRUE),
    (HELD + "Fryshuset deltog i sakrådet, enligt Regeringskansliet.", FRYSHUSET, TRUE),
    (HELD + "Sakrådet hölls i Umeå, säger Paulina Brandberg.", UMEA, TRUE),
    (HELD + "”Mötet var givande”, säger Paulina Brandberg, som ledde sakrådet.", BRANDBERG, TRUE),
    (HELD + "Sakrådet leddes av Paulina Brandberg. Flera deltagare menade att stödet behöver öka.", BRANDBERG, TRUE),
    (HELD + "Fryshuset deltog och menade att stödet behöver öka.", FRYSHUSET, TRUE),
    (HELD + "Fryshuset deltog. Fryshuset anser att stödet behöver öka.", FRYSHUSET, TRUE),
    (HELD + "Fryshuset deltog, och flera deltagare tror att stödet räcker.", FRYSHUSET, TRUE),
    (HELD + "30 organisationer deltog i sakrådet, enligt deltagarlistan.", COUNT, TRUE),
    (HELD + "Fryshuset deltog i sakrådet om kvinnofrid.", FRYSHUSET, TRUE),
    (HELD + "Deltagarna frågade om skolans roll, som diskuterades under sakrådet.", AREA, TRUE),
    ("## Sakrådet\n\n- Hölls den 10 september 2024 i Umeå\n- Leddes av Paulina Brandberg", UMEA + BRANDBERG, TRUE),
    ("## Vanliga frågor\n\nSakrådet hölls den 10 september 2024.", "", TRUE),
    (HELD_EN + "Fryshuset took part, the minister said.", FRYSHUSET, TRUE),
    (HELD + "Trots att flera deltagare trodde att stödet räckte, hölls sakrådet i Umeå.", UMEA, TRUE),
    (HELD + "Deltog gjorde bland andra Fryshuset.", FRYSHUSET, TRUE),
    (HELD + "Fryshuset deltog.", FRYSHUSET, TRUE),
]


@pytest.mark.parametrize(
    ("text", "facts", "accepted"),
    _rows(KINDS, NOT_STATED) + _rows(KINDS_EN, NOT_STATED_EN) + CONDITIONS_AND_QUESTIONS + STATED,
    ids=lambda v: str(v)[:70] if isinstance(v, str) else None,
)
def test_a_belief_a_question_or_an_unnamed_source_states_no_fact(
    tmp_path: Path, text: str, facts: str, accepted: bool
) -> None:
    found = _findings(tmp_path, text, facts)
    assert (found == []) is accepted, found


#: The organiser check (organised.py) reads the same guards in the organising word's sentence.
ORGANISER = [("sakrådet anordnades av Socialdepartementet", SOCIAL, HELD)]


@pytest.mark.parametrize(("text", "facts", "accepted"), _rows(ORGANISER, NOT_STATED[:3] + NOT_STATED[8:12]))
def test_the_organiser_believed_or_asked_is_not_stated(tmp_path: Path, text: str, facts: str, accepted: bool) -> None:
    found = _findings(tmp_path, text, facts)
    assert (found == []) is accepted, found


@pytest.mark.parametrize(
    ("text", "facts", "said"),
    [
        ("Vi tror att sakrådet hölls den 10 september 2024.", "", "'tror att'"),
        (HELD + "Sakrådet hölls i Umeå, enligt en deltagare.", UMEA, "'enligt en deltagare'"),
        (HELD + "Frågan är om Fryshuset deltog i sakrådet.", FRYSHUSET, "'frågan är om'"),
        (HELD + "”Sakrådet leddes av Paulina Brandberg”, skrev en deltagare felaktigt.", BRANDBERG, "'felaktigt'"),
    ],
)
def test_the_refusal_names_the_words_that_say_less(tmp_path: Path, text: str, facts: str, said: str) -> None:
    found = _findings(tmp_path, text, facts)
    assert found and any(said in f for f in found), found
