"""What a kept text's sentence states of roles (stated.py, organised.py): an organisation (or
body) takes part only where its name is bound to the word of taking part, as a person's is: the subject
of it, or in its list or coordination; a genitive ("Fryshusets arbete"), a preposition's object ("ett
samarbete med X", "på uppdrag av X", "stöd till organisationer som X"), another verb's object
("Deltagarna diskuterade X") or a subordinate clause of its own ("eniga om att X gör …") only mentions it;
who leads a part of the meeting ("ledde en av gruppdiskussionerna", "ledde diskussionen om skolan") is not
its chair, and a habit ("leder ofta", "bjuder in … varje höst") is no role at this meeting; "på initiativ
av X" names who took the initiative, not the organiser, while "X ansvarade för sakrådet" and "Ansvarig för
sakrådet var X" name the organiser; a list under a heading of another meeting or of proposals ("Förslag på
diskussionsområden inför nästa sakråd:") gives no discussion area, and a question asked at another event
("En fråga som ställdes i riksdagen var: …?") is not one put to this meeting; "var mötets ordförande",
"Ordförandeskapet innehades av", "A skulle ha lett sakrådet men ersattes av B", "A kunde inte leda
sakrådet, så B gjorde det", "Inbjudare var X", "Inbjudan till sakrådet kom från X", an English name's
Swedish gloss before "convened", "joined the meeting" and "hälsade deltagarna välkomna" state the role.
Each row goes through the loader and its warnings: (kept text, the meeting's facts, accepted)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_sentences_roles_counts import (
    BRANDBERG,
    CONVENER,
    FORSSMED,
    FRYSHUSET,
    HELD,
    TAKING_PART,
    TRAP,
    TRUE,
    _findings,
)

SOCIAL = "organiser: socialdepartementet\n"
SOCIAL_CONV = "conveners:\n  - body: socialdepartementet\n"
CALLED = "conveners:\n  - person: jakob-forssmed\n"
AREA = "discussion_areas:\n  - skolans roll\n"
QUESTION = "questions:\n  - Hur kan skolan stärkas?\n"


#: An organisation's name bound to the word of taking part, or only mentioned (stated._mentioned).
BOUND_NAMES = [
    (HELD + 'Deltagarna diskuterade Fryshusets arbete.', FRYSHUSET, TRAP),
    (HELD + "Participants discussed Fryshuset's work.", FRYSHUSET, TRAP),
    (HELD + 'Deltagarna lyfte fram Fryshuset som ett gott exempel.', FRYSHUSET, TRAP),
    (HELD + 'Famna deltog och kritiserade Fryshuset.', FRYSHUSET, TRAP),
    (HELD + 'Famna deltog och berättade om ett samarbete med Fryshuset.', FRYSHUSET, TRAP),
    (HELD + 'Famna, som samarbetar med Fryshuset, deltog.', FRYSHUSET, TRAP),
    (HELD + 'Famna deltog på uppdrag av Fryshuset.', FRYSHUSET, TRAP),
    (HELD + 'Deltagarna var eniga om att Fryshuset gör ett viktigt arbete.', FRYSHUSET, TRAP),
    (HELD + 'Deltagarna efterlyste mer stöd till organisationer som Fryshuset.', FRYSHUSET, TRAP),
    (HELD + 'Sakrådets deltagare besökte sedan Fryshuset.', FRYSHUSET, TRAP),
    (HELD + 'Deltagarna fick en rundtur på Fryshuset.', FRYSHUSET, TRAP),
    (HELD + 'Deltagarna var kritiska till Fryshusets förslag.', FRYSHUSET, TRAP),
    (HELD + 'Sakrådets deltagare hade läst Fryshusets rapport.', FRYSHUSET, TRAP),
    (HELD + 'Flera deltagare hänvisade till Fryshuset.', FRYSHUSET, TRAP),
    (HELD + 'Famna deltog och berättade om ett samarbete med Bris och Fryshuset.', FRYSHUSET, TRAP),
    (HELD + 'Deltagarna kritiserade Famna och Fryshuset.', FRYSHUSET, TRAP),
    (HELD + 'Participants praised Fryshuset.', FRYSHUSET, TRAP),
    (HELD + 'Famna deltog för att stödja Fryshuset.', FRYSHUSET, TRAP),
    (HELD + 'Deltagarna hade besökt Fryshuset.', FRYSHUSET, TRAP),
    (HELD + 'Famna deltog och pekade på Fryshusets arbete.', FRYSHUSET, TRAP),
    (HELD + 'Fryshuset deltog.', FRYSHUSET, TRUE),
    (HELD + 'Famna och Fryshuset deltog.', FRYSHUSET, TRUE),
    (HELD + 'Famna deltog tillsammans med Fryshuset.', FRYSHUSET, TRUE),
    (HELD + 'Representanter för Famna och Fryshuset deltog.', FRYSHUSET, TRUE),
    (HELD + 'Fryshusets representanter deltog i sakrådet.', FRYSHUSET, TRUE),
    (HELD + 'I sakrådet deltog Famna och Fryshuset.', FRYSHUSET, TRUE),
    (HELD + 'Därefter presenterade Fryshuset sitt arbete.', FRYSHUSET, TRUE),
    (HELD + 'Fryshuset presenterade sitt arbete.', FRYSHUSET, TRUE),
    (HELD + 'Sakrådet samlade Famna, Bris och Fryshuset.', FRYSHUSET, TRUE),
    (HELD + 'Deltagande organisationer var Famna och Fryshuset.', FRYSHUSET, TRUE),
    (HELD + 'Det var glädjande att Fryshuset deltog.', FRYSHUSET, TRUE),
    (HELD + 'Anna Berg, generalsekreterare på Fryshuset, deltog.', FRYSHUSET, TRUE),
    (HELD + 'Från Fryshuset deltog två personer.', FRYSHUSET, TRUE),
    (HELD + 'För Fryshuset deltog generalsekreteraren.', FRYSHUSET, TRUE),
    (HELD + 'Deltagare från bland annat Fryshuset var på plats.', FRYSHUSET, TRUE),
    (HELD + 'Tio organisationer deltog, bland annat Fryshuset.', FRYSHUSET, TRUE),
    (HELD + 'Representatives of Fryshuset attended.', FRYSHUSET, TRUE),
    (HELD + 'The meeting was attended by Famna and Fryshuset.', FRYSHUSET, TRUE),
    (HELD + 'Organisationer som Fryshuset och Famna deltog.', FRYSHUSET, TRUE),
    (HELD + 'Deltagare:\n\n- Famna\n- Fryshuset', FRYSHUSET, TRUE),
    (HELD + 'Fryshuset deltog och presenterade sitt arbete.', FRYSHUSET, TRUE),
    (HELD + 'Famna deltog och representerade även Fryshuset.', FRYSHUSET, TRUE),
    (HELD + 'Ministern träffade Famna och Fryshuset.', FRYSHUSET, TRUE),
    (HELD + 'Vid sakrådet deltog företrädare för Svenska muslimer för fred och rättvisa, Famna och Fryshuset.', FRYSHUSET, TRUE),
    (HELD + 'Vid sakrådet deltog Folkets Hus och parker, Samarbetsorganisationen för invandrarföreningar i Uppsala SIU och Fryshuset.', FRYSHUSET, TRUE),
    (HELD + 'Deltagarna ville veta mer om Folkets Hus och parker och Fryshuset.', FRYSHUSET, TRAP),
    (HELD + 'Fryshuset deltog i sakrådet.', FRYSHUSET, TRUE),
    (HELD + 'Bland deltagarna fanns Fryshuset.', FRYSHUSET, TRUE),
    (HELD + 'På plats fanns även Fryshuset.', FRYSHUSET, TRUE),
    (HELD + 'Sakrådet hade deltagare från Famna och Fryshuset.', FRYSHUSET, TRUE),
    (HELD + 'Sakrådet hölls i Fryshusets lokaler och Famna deltog.', FRYSHUSET, TRAP),
    (HELD + 'Famna, Bris och Fryshuset deltog.', FRYSHUSET, TRUE),
    (HELD + 'Med på mötet var Fryshuset.', FRYSHUSET, TRUE),
    (HELD + 'Fryshuset var representerat.', FRYSHUSET, TRUE),
    (HELD + 'Fryshuset was represented by two people.', FRYSHUSET, TRUE),
    (HELD + 'Famna presented a report on Fryshuset.', FRYSHUSET, TRAP),
    (HELD + 'Deltagarna tackade Fryshuset för ett gott samarbete.', FRYSHUSET, TRAP),
    (HELD + 'Enligt Famna deltog Fryshuset.', FRYSHUSET, TRUE),
    (HELD + 'Tanken är att Fryshuset deltar i sakrådet.', FRYSHUSET, TRAP),
    (HELD + 'Famna var inbjuden men deltog inte; deltagarna diskuterade Fryshuset.', FRYSHUSET, TRAP),
    (HELD + 'Fryshuset var inbjudet och deltog.', FRYSHUSET, TRUE),
    (HELD + 'Famna var inbjuden och deltog, och diskuterade Fryshuset.', FRYSHUSET, TRAP),
    (HELD + 'Deltog gjorde bland andra Famna och Fryshuset.', FRYSHUSET, TRUE),
    (HELD + 'Sakrådet samlade ett 20-tal organisationer, bland andra Famna och Fryshuset.', FRYSHUSET, TRUE),
    (HELD + 'Vid mötet deltog även företrädare för bl.a. Fryshuset.', FRYSHUSET, TRUE),
    (HELD + 'Famna presenterade ett projekt som drivs i samarbete med Fryshuset.', FRYSHUSET, TRAP),
    (HELD + 'Deltagarna delades in i grupper och diskuterade bland annat Fryshusets metoder.', FRYSHUSET, TRAP),
    (HELD + 'Sakrådet med bland andra Famna och Fryshuset samlade 30 deltagare.', FRYSHUSET, TRUE),
    (HELD + 'Deltagarna lyssnade på en presentation av Fryshuset.', FRYSHUSET, TRUE),
    (HELD + 'Deltagarna lyssnade på en rapport av Fryshuset.', FRYSHUSET, TRAP),
    (HELD + 'Fryshuset nämndes av flera deltagare.', FRYSHUSET, TRAP),
    (HELD + 'Fryshuset lyftes fram av deltagarna som ett gott exempel.', FRYSHUSET, TRAP),
    (HELD + 'Fryshuset was praised by the participants.', FRYSHUSET, TRAP),
    (HELD + 'Famna och Fryshuset kritiserades av flera deltagare.', FRYSHUSET, TRAP),
    (HELD + 'Fryshuset representerades av två personer.', FRYSHUSET, TRUE),
    (HELD + 'Fryshuset was represented by its chair.', FRYSHUSET, TRUE),
    (HELD + 'Fryshuset bjöds in och deltog.', FRYSHUSET, TRUE),
    (HELD + 'Fryshuset inbjöds av departementet och deltog.', FRYSHUSET, TRUE),
    (HELD + 'Deltagarna gav Fryshuset beröm.', FRYSHUSET, TRAP),
    (HELD + 'Flera deltagare tackade Fryshuset.', FRYSHUSET, TRAP),
    (HELD + 'Deltagarna fick information om Fryshusets verksamhet.', FRYSHUSET, TRAP),
]  # fmt: skip


#: A chair who leads a part of the meeting, or does so as a habit (stated._part_chaired, clauses.HABIT_WORDS).
CHAIRED_PARTS = [
    (HELD + 'Paulina Brandberg ledde sakrådets första del.', BRANDBERG, TRAP),
    (HELD + 'Paulina Brandberg chaired the afternoon session.', BRANDBERG, TRAP),
    (HELD + 'Paulina Brandberg modererade en av panelerna.', BRANDBERG, TRAP),
    (HELD + 'The afternoon session was chaired by Paulina Brandberg.', BRANDBERG, TRAP),
    (HELD + 'Gruppdiskussionen om skolan leddes av Paulina Brandberg.', BRANDBERG, TRAP),
    (HELD + 'Paulina Brandberg ledde sakrådet, som handlade om skolan.', BRANDBERG, TRUE),
    (HELD + 'Paulina Brandberg ledde sakrådet och diskussionen om skolan.', BRANDBERG, TRUE),
    (HELD + 'The meeting was chaired by Paulina Brandberg.', BRANDBERG, TRUE),
    (HELD + 'Paulina Brandberg ledde diskussionen om skolan.', BRANDBERG, TRAP),
    (HELD + 'Paulina Brandberg ledde samtalet om skolan.', BRANDBERG, TRAP),
    (HELD + 'Paulina Brandberg ledde en av gruppdiskussionerna.', BRANDBERG, TRAP),
    (HELD + 'Paulina Brandberg ledde en av diskussionsgrupperna.', BRANDBERG, TRAP),
    (HELD + 'Paulina Brandberg ledde eftermiddagens workshop.', BRANDBERG, TRAP),
    (HELD + 'Paulina Brandberg ledde ett av passen.', BRANDBERG, TRAP),
    (HELD + 'Paulina Brandberg ledde den avslutande delen.', BRANDBERG, TRAP),
    (HELD + 'Paulina Brandberg ledde paneldiskussionen.', BRANDBERG, TRAP),
    (HELD + 'Paulina Brandberg chaired one of the breakout sessions.', BRANDBERG, TRAP),
    (HELD + 'Paulina Brandberg chaired the discussion on schools.', BRANDBERG, TRAP),
    (HELD + 'En av gruppdiskussionerna leddes av Paulina Brandberg.', BRANDBERG, TRAP),
    (HELD + 'Därefter ledde Paulina Brandberg en av gruppdiskussionerna.', BRANDBERG, TRAP),
    (HELD + 'Paulina Brandberg leder ofta regeringens sakråd.', BRANDBERG, TRAP),
    (HELD + 'Paulina Brandberg leder regelbundet sakråden.', BRANDBERG, TRAP),
    (HELD + 'Paulina Brandberg ledde sakrådet.', BRANDBERG, TRUE),
    (HELD + 'Paulina Brandberg ledde mötet om handlingsplanen.', BRANDBERG, TRUE),
    (HELD + 'Paulina Brandberg ledde samtalet.', BRANDBERG, TRUE),
    (HELD + 'Paulina Brandberg ledde diskussionen.', BRANDBERG, TRUE),
    (HELD + 'Sakrådet leddes av Paulina Brandberg.', BRANDBERG, TRUE),
    (HELD + 'Paulina Brandberg ledde dagens sakråd.', BRANDBERG, TRUE),
    (HELD + 'Paulina Brandberg chaired the meeting.', BRANDBERG, TRUE),
    (HELD + 'Därefter ledde Paulina Brandberg sakrådet.', BRANDBERG, TRUE),
    (HELD + 'Mötet, som handlade om skolan, leddes av Paulina Brandberg.', BRANDBERG, TRUE),
    (HELD + 'Kulturdepartementet bjuder ofta in till sakråd.', CONVENER, TRAP),
    (HELD + 'Jakob Forssmed deltar ofta i sakråden.', TAKING_PART, TRAP),
    (HELD + "Paulina Brandberg often chairs the government's consultations.", BRANDBERG, TRAP),
    (HELD + 'Paulina Brandberg, som ofta deltar i debatter, ledde sakrådet.', BRANDBERG, TRUE),
]  # fmt: skip


#: "på initiativ av", responsibility for this sakråd, a habit of convening (organised.py).
ORGANISERS = [
    (HELD + 'Sakrådet anordnades på initiativ av Socialdepartementet.', SOCIAL, TRAP),
    (HELD + 'Sakrådet anordnades på uppdrag av Socialdepartementet.', SOCIAL, TRAP),
    (HELD + 'Sakrådet genomfördes på begäran av Socialdepartementet.', SOCIAL, TRAP),
    (HELD + 'Sakrådet anordnades av Socialdepartementet.', SOCIAL, TRUE),
    (HELD + 'Sakrådet anordnades i Rosenbad av Socialdepartementet.', SOCIAL, TRUE),
    (HELD + 'Socialdepartementet ansvarade för sakrådet.', SOCIAL, TRUE),
    (HELD + 'Ansvarig för sakrådet var Socialdepartementet.', SOCIAL, TRUE),
    (HELD + 'Socialdepartementet var ansvarigt för sakrådet.', SOCIAL, TRUE),
    (HELD + 'Socialdepartementet ansvarade för inbjudan till sakrådet.', SOCIAL, TRAP),
    (HELD + 'Socialdepartementet ansvarade inte för sakrådet.', SOCIAL, TRAP),
    (HELD + 'Socialdepartementet ansvarar för frågan.', SOCIAL, TRAP),
    (HELD + 'Socialdepartementet bjuder in till sakråd varje höst.', SOCIAL_CONV, TRAP),
    (HELD + 'Socialdepartementet bjuder in till sakråd varje år.', SOCIAL_CONV, TRAP),
    (HELD + 'Socialdepartementet bjöd in till sakrådet.', SOCIAL_CONV, TRUE),
    (HELD + 'I dag anordnas sakrådet i Rosenbad av Socialdepartementet.', SOCIAL, TRUE),
    (HELD + 'Socialdepartementet höll i sakrådet.', SOCIAL, TRUE),
    (HELD + 'Socialdepartementet höll i en konferens.', SOCIAL, TRAP),
    (HELD + 'Socialdepartementet höll inte i sakrådet.', SOCIAL, TRAP),
]  # fmt: skip


#: Discussion areas and questions of another meeting, event or proposal (stated.discussion, stated._not_put).
OTHER_AREAS_QUESTIONS = [
    (HELD + 'Förslag på diskussionsområden inför nästa sakråd:\n\n- skolans roll', AREA, TRAP),
    (HELD + 'Diskussionsområden inför nästa sakråd:\n\n- skolans roll', AREA, TRAP),
    (HELD + 'Förslag på diskussionsområden:\n\n- skolans roll', AREA, TRAP),
    (HELD + 'Vid förra årets sakråd diskuterades följande:\n\n- skolans roll', AREA, TRAP),
    (HELD + 'Följande diskuterades vid sakrådet:\n\n- skolans roll', AREA, TRUE),
    (HELD + 'Diskussionsområden:\n\n- skolans roll', AREA, TRUE),
    (HELD + 'En fråga som ställdes i riksdagen var: Hur kan skolan stärkas?', QUESTION, TRAP),
    (HELD + 'Frågan som togs upp på konferensen var: Hur kan skolan stärkas?', QUESTION, TRAP),
    (HELD + 'A question raised in the debate was: Hur kan skolan stärkas?', QUESTION, TRAP),
    (HELD + 'En fråga som ställdes vid sakrådet var: Hur kan skolan stärkas?', QUESTION, TRUE),
    (HELD + 'Följande fråga diskuterades: Hur kan skolan stärkas?', QUESTION, TRUE),
]  # fmt: skip


#: Forms of chairing, substituting, convening and taking part as people write them (stated._MEETINGS_OWN,
#: stated._REPLACED_BY, stated._DONE_ROLES, stated._ENGLISH_NAMED), and their traps.
ROLE_FORMS = [
    (HELD + 'Paulina Brandberg var mötets ordförande.', BRANDBERG, TRUE),
    (HELD + 'Paulina Brandberg var sakrådets ordförande.', BRANDBERG, TRUE),
    (HELD + 'Paulina Brandberg var tillförordnad ordförande vid sakrådet.', BRANDBERG, TRUE),
    (HELD + 'Ordförandeskapet innehades av Paulina Brandberg.', BRANDBERG, TRUE),
    (HELD + 'Jakob Forssmed skulle ha lett sakrådet men ersattes av Paulina Brandberg.', BRANDBERG, TRUE),
    (HELD + 'Jakob Forssmed kunde inte leda sakrådet, så Paulina Brandberg gjorde det.', BRANDBERG, TRUE),
    (HELD + 'Jakob Forssmed skulle ha lett sakrådet men ersattes av Paulina Brandberg.', FORSSMED, TRAP),
    (HELD + 'Jakob Forssmed kunde inte leda sakrådet, så Paulina Brandberg gjorde det.', FORSSMED, TRAP),
    (HELD + 'Paulina Brandberg var inte mötets ordförande.', BRANDBERG, TRAP),
    (HELD + 'Paulina Brandberg var ordförande för Riksdagens utskott.', BRANDBERG, TRAP),
    (HELD + 'Paulina Brandberg var styrelsens ordförande.', BRANDBERG, TRAP),
    (HELD + 'Inbjudare var statsrådet Jakob Forssmed.', CALLED, TRUE),
    (HELD + 'Inbjudan till sakrådet kom från Socialdepartementet.', SOCIAL_CONV, TRUE),
    (HELD + 'The Ministry of Health and Social Affairs (Socialdepartementet) convened the consultation.', SOCIAL_CONV, TRUE),
    (HELD + 'Inbjudan till konferensen kom från Socialdepartementet.', SOCIAL_CONV, TRAP),
    (HELD + 'Fryshuset joined the meeting online.', FRYSHUSET, TRUE),
    (HELD + 'Fryshuset did not join the meeting.', FRYSHUSET, TRAP),
    (HELD + 'Jakob Forssmed hälsade deltagarna välkomna.', TAKING_PART, TRUE),
    (HELD + 'Jakob Forssmed kunde inte leda sakrådet, så Paulina Brandberg skulle göra det.', BRANDBERG, TRAP),
    (HELD + 'Jakob Forssmed kunde inte leda sakrådet, så Paulina Brandberg gjorde inte det.', BRANDBERG, TRAP),
    (HELD + 'Famna kunde inte delta, så Jakob Forssmed gjorde det.', TAKING_PART, TRUE),
    (HELD + 'Jakob Forssmed skulle delta men ersattes av Paulina Brandberg.', TAKING_PART, TRAP),
    (HELD + 'Ordförande: Jakob Forssmed (ersatt av statssekreterare Paulina Brandberg).', BRANDBERG, TRUE),
    (HELD + 'The Ministry of Health and Social Affairs (Socialdepartementet) did not convene the consultation.', SOCIAL_CONV, TRAP),
    (HELD + 'The report by the Ministry of Health and Social Affairs (Socialdepartementet) was discussed.', SOCIAL_CONV, TRAP),
]  # fmt: skip


#: A body's name bound to the word of taking part as an organisation's is (stated._mentioned, stated._takes_part).
BODY = "government_participants:\n  - body: kulturdepartementet\n"
BOUND_BODIES = [
    (HELD + "Deltagarna diskuterade Kulturdepartementets förslag.", BODY, TRAP),
    (HELD + "Famna deltog och framförde kritik mot Kulturdepartementet.", BODY, TRAP),
    (HELD + "Kulturdepartementet deltog.", BODY, TRUE),
    (HELD + "Från Kulturdepartementet deltog två tjänstemän.", BODY, TRUE),
]


#: A habit in the clause of taking part or organising is another time (clauses.HABIT_WORDS).
HABITS = [
    (HELD + 'Fryshuset deltar ofta i regeringens sakråd.', FRYSHUSET, TRAP),
    (HELD + 'Fryshuset deltar regelbundet.', FRYSHUSET, TRAP),
    (HELD + 'Socialdepartementet anordnar ofta sakråd.', SOCIAL, TRAP),
    (HELD + 'Fryshuset deltog och betonade att frågan ofta glöms bort.', FRYSHUSET, TRUE),
    (HELD + 'Fryshuset, som ofta deltar i debatter, deltog.', FRYSHUSET, TRUE),
    (HELD + 'Fryshuset deltog.', FRYSHUSET, TRUE),
    (HELD + 'Socialdepartementet anordnar sakrådet varje höst.', SOCIAL, TRAP),
    (HELD + 'Socialdepartementet anordnar regelbundet sakrådet.', SOCIAL, TRAP),
    (HELD + 'Sakrådet anordnas varje år av Socialdepartementet.', SOCIAL, TRAP),
    (HELD + 'Sakrådet anordnades av Socialdepartementet.', SOCIAL, TRUE),
    (HELD + 'Organisationerna tar ofta upp skolans roll.', AREA, TRAP),
    (HELD + 'Organisationerna tog även upp skolans roll.', AREA, TRUE),
]  # fmt: skip


#: Swedish V2 order after a fronted adverbial or object (the subject after the finite verb: stated._v2_fronted)
#: and clauses coordinated by "och", "men" or ", så", each with its own subject (stated._opens_clause,
#: clauses.clauses_of): the name that is the subject of its clause takes part by that clause's word, and
#: one that is another verb's object in such a clause is only mentioned.
V2_AND_CLAUSES = [
    (HELD + 'Famna kunde inte komma och Fryshuset deltog.', FRYSHUSET, TRUE),
    (HELD + 'Famna kunde inte komma och Fryshuset, som var inbjudet, deltog.', FRYSHUSET, TRUE),
    (HELD + 'Famna var sjuk men Fryshuset deltog.', FRYSHUSET, TRUE),
    (HELD + 'Famna deltog, och även Fryshuset var på plats.', FRYSHUSET, TRUE),
    (HELD + 'Famna kunde inte komma, så Fryshuset deltog ensamt.', FRYSHUSET, TRUE),
    (HELD + 'Famna could not come, so Fryshuset attended.', FRYSHUSET, TRUE),
    (HELD + 'Om integrationspolitiken samtalade Famna och Fryshuset.', FRYSHUSET, TRUE),
    (HELD + 'Om integrationspolitiken diskuterade Fryshuset och Famna med statssekreteraren.', FRYSHUSET, TRUE),
    (HELD + 'Kring skolans roll diskuterade Famna och Fryshuset med ministern.', FRYSHUSET, TRUE),
    (HELD + 'Avslutningsvis presenterade Fryshuset sitt arbete.', FRYSHUSET, TRUE),
    (HELD + 'Dessa frågor diskuterade Famna och Fryshuset.', FRYSHUSET, TRUE),
    (HELD + 'Famna deltog och ministern tackade Fryshuset.', FRYSHUSET, TRAP),
    (HELD + 'Famna kunde inte komma och deltagarna diskuterade Fryshuset.', FRYSHUSET, TRAP),
    (HELD + 'Famna deltog men deltagarna kritiserade Fryshuset.', FRYSHUSET, TRAP),
    (HELD + 'Om integrationspolitiken diskuterade deltagarna Fryshusets arbete.', FRYSHUSET, TRAP),
    (HELD + 'Om integrationspolitiken skrev Famna till Fryshuset.', FRYSHUSET, TRAP),
    (HELD + 'Famna kunde inte komma, så Fryshuset deltog inte heller.', FRYSHUSET, TRAP),
    (HELD + 'Om det finns tid, så deltar Fryshuset.', FRYSHUSET, TRAP),
    (HELD + 'Famna was not invited, so Fryshuset did not attend.', FRYSHUSET, TRAP),
]  # fmt: skip


#: A name compared with the subject of taking part ("liksom X", "såväl som X", "as did X") takes part as it
#: does (stated._compared_subject), not when the comparison is with another time or the subject did not; a
#: habit word in a subordinate clause ("framhöll att unga ofta …", "för att organisationerna ofta …", "med
#: organisationer som ofta …") is not the time of the taking part or organising (clauses.side_clause).
COMPARED_AND_REPORTED = [
    (HELD + 'Famna deltog, liksom Fryshuset.', FRYSHUSET, TRUE),
    (HELD + 'Famna deltog, liksom Fryshuset och Bris.', FRYSHUSET, TRUE),
    (HELD + 'Famna deltog såväl som Fryshuset.', FRYSHUSET, TRUE),
    (HELD + 'Famna took part, as did Fryshuset.', FRYSHUSET, TRUE),
    (HELD + 'Famna deltog, liksom Fryshuset i fjol.', FRYSHUSET, TRAP),
    (HELD + 'Famna deltog, precis som Fryshuset gjorde förra året.', FRYSHUSET, TRAP),
    (HELD + 'Famna deltog inte, liksom Fryshuset.', FRYSHUSET, TRAP),
    (HELD + 'Famna, som Fryshuset samarbetar med, deltog.', FRYSHUSET, TRAP),
    (HELD + 'Fryshuset var företrätt av två personer.', FRYSHUSET, TRUE),
    (HELD + 'Fryshuset höll en presentation om unga.', FRYSHUSET, TRUE),
    (HELD + 'Fryshuset gav en presentation.', FRYSHUSET, TRUE),
    (HELD + 'Fryshuset var inte företrätt.', FRYSHUSET, TRAP),
    (HELD + 'Famna höll en presentation om Fryshuset.', FRYSHUSET, TRAP),
    (HELD + 'Fryshuset deltog och framhöll att unga ofta saknar mötesplatser.', FRYSHUSET, TRUE),
    (HELD + 'Fryshuset framhöll att organisationer ofta deltar.', FRYSHUSET, TRAP),
    (HELD + 'Fryshuset deltog och efterlyste stöd varje år.', FRYSHUSET, TRUE),
    (HELD + 'Fryshuset deltar varje år och efterlyste stöd.', FRYSHUSET, TRAP),
    (HELD + 'Socialdepartementet anordnade sakrådet för att organisationerna ofta efterfrågat det.', SOCIAL, TRUE),
    (HELD + 'Socialdepartementet anordnade sakrådet med organisationer som ofta arbetar med unga.', SOCIAL, TRUE),
    (HELD + 'Socialdepartementet, som ofta arrangerar sakråd, anordnade sakrådet.', SOCIAL, TRUE),
    (HELD + 'Socialdepartementet, som ofta arrangerar sakråd, anordnade inte sakrådet.', SOCIAL, TRAP),
    (HELD + 'Socialdepartementet, som ofta arrangerar sakråd, anordnade en konferens.', SOCIAL, TRAP),
    (HELD + 'Socialdepartementet, som ofta arrangerar sakråd, anordnade sakrådet förra året.', SOCIAL, TRAP),
    (HELD + 'Sakrådet anordnades av Socialdepartementet och handlade om hur unga ofta utesluts.', SOCIAL, TRUE),
]  # fmt: skip


ROWS = (
    HABITS
    + BOUND_BODIES
    + BOUND_NAMES
    + CHAIRED_PARTS
    + ORGANISERS
    + OTHER_AREAS_QUESTIONS
    + ROLE_FORMS
    + V2_AND_CLAUSES
    + COMPARED_AND_REPORTED
)


@pytest.mark.parametrize(("text", "facts", "accepted"), ROWS, ids=lambda v: str(v)[:60] if isinstance(v, str) else None)
def test_a_sentence_states_a_role_only_of_whom_it_binds(tmp_path: Path, text: str, facts: str, accepted: bool) -> None:
    found = _findings(tmp_path, text, facts)
    assert (found == []) is accepted, found


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # no word of taking part at all: that first, then the word governing the name
        (
            "Regeringen har gett bidrag till Fryshuset.",
            ("has no word of taking part", "as the object of 'bidrag till'"),
        ),
        ("Regeringen kritiserade Fryshuset.", ("has no word of taking part", "as the object of 'kritiserade'")),
        ("Organisationer som Fryshuset är viktiga.", ("has no word of taking part",)),
        # a word of taking part the name is not bound to
        ("Famna deltog och kritiserade Fryshuset.", ("only mentions it, as the object of 'kritiserade'",)),
    ],
)
def test_a_mention_is_refused_naming_what_is_missing_and_what_governs_the_name(
    tmp_path: Path, text: str, said: tuple[str, ...]
) -> None:
    found = _findings(tmp_path, HELD + text, FRYSHUSET)
    assert len(found) == 1 and all(part in found[0] for part in said), found
    if "has no word" not in said[0]:
        assert "has no word of taking part" not in found[0], found
