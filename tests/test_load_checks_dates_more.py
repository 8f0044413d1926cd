"""A second date in any form the date check reads, a date of a decision or a report, and a count the text
takes back or gives twice (dated.py, corrected.py, stated.py): each form that can state the meeting's date
can contradict it ("2024-09-11", "11/9 2024", "11/9-24", "den elfte september 2024", "the 11th of September
2024", "Datum: 11 september 2024", a footnote's "rätt datum är …"); a date whose sentence decides on or
reports a sakråd held before it ("Den 10 september 2024 beslutade regeringen att hålla ett sakråd") is not
the meeting's; a count corrected ("Rättelse: 20 organisationer deltog, inte 25."), called wrong or given
otherwise in another sentence of the same text is not stated; a word rounding the number after its noun
("25 organisationer, ungefär.") rounds it. The near misses stay accepted: the same date written otherwise,
a deadline's or a publication's date, another meeting's day, a correction confirming the data, last
year's count, the invited. Each row goes through the loader and its warnings: (kept text, the meeting's
facts, accepted)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_sentences_roles_counts import _findings

TRUE, TRAP = True, False

HELD = "Sakrådet hölls den 10 september 2024 i Umeå."
DATE = "date: 2024-09-10\n"
COUNT = DATE + "organisation_count:\n  text: 25 organisationer\n  value: 25\n"
ABOUT = DATE + "organisation_count:\n  text: 25 organisationer\n  value: 25\n  approximate: true\n"
EN_COUNT = DATE + "organisation_count:\n  text: 25 organisations\n  value: 25\n"
PEOPLE = DATE + "participant_count:\n  text: Drygt 50 deltagare\n  value: 50\n  bound: at-least\n"
EN_HELD = "The sakråd was held on 10 September 2024 in Umeå."

SECOND_DATES = [
    (HELD + " Sakrådet hölls 2024-09-11.", DATE, TRAP),
    (HELD + " Sakrådet hölls 11/9 2024.", DATE, TRAP),
    (HELD + " Sakrådet hölls den elfte september 2024.", DATE, TRAP),
    (HELD + " Sakrådet hölls 11/9-24.", DATE, TRAP),
    (HELD + "\n\nRättelse: sakrådet hölls 11/9-24.", DATE, TRAP),
    (HELD + "\n\nDatum: 11 september 2024", DATE, TRAP),
    (
        "Sakrådet hölls den 10 september 2024\\* i Umeå.\n\n\\* Felaktigt datum, rätt datum är 11 september 2024.",
        DATE,
        TRAP,
    ),
    (EN_HELD + "\n\nCorrection: the sakråd was held on the 11th of September 2024.", DATE, TRAP),
    (EN_HELD + "\n\nCorrection: the sakråd was held on September 11th, 2024.", DATE, TRAP),
    (EN_HELD + " The sakråd was held on the 11th of September 2024.", DATE, TRAP),
    # the same day written otherwise, and another thing's or another meeting's day
    (HELD + " Sakrådet hölls 2024-09-10.", DATE, TRUE),
    (HELD + " Sakrådet hölls 10/9-24.", DATE, TRUE),
    (HELD + "\n\nDatum: 10 september 2024", DATE, TRUE),
    (EN_HELD + " The sakråd was held on the 10th of September 2024.", DATE, TRUE),
    (HELD + " Anmälan senast 2024-09-03.", DATE, TRUE),
    (HELD + " Publicerad 2024-09-20.", DATE, TRUE),
    (HELD + " Nästa sakråd hålls 2024-10-03.", DATE, TRUE),
    (HELD + " Inbjudan skickades 3/9 2024.", DATE, TRUE),
    (HELD + "\n\n\\* Rätt datum är 10 september 2024.", DATE, TRUE),
    (HELD + " Sakrådet var en ny plats för dialog den 10 september 2024.", DATE, TRUE),
    (HELD + " Sakrådet ägde rum 11.9.2024.", DATE, TRAP),
    (HELD + "\n\nTid: 11 september 2024 kl. 13", DATE, TRAP),
    (HELD + "\n\n## Sakråd 11 september 2024", DATE, TRAP),
    (HELD + " Sakrådet hölls 11 sept. 2024.", DATE, TRAP),
    (HELD + " Sakrådet hölls den 11/9.", DATE, TRAP),
    (HELD + "\n\nDatum och tid: 2024-09-11 kl. 10", DATE, TRAP),
    (EN_HELD + " The consultation took place on Sept. 11, 2024.", DATE, TRAP),
    (HELD + " Inbjudan publicerades 2024-09-01. Nästa sakråd: 2024-10-03.", DATE, TRUE),
    (HELD + " Anmälan senast 3/9-24.", DATE, TRUE),
    (HELD + " Sakrådet hölls den 10/9 kl. 13.", DATE, TRUE),
    ("Sakrådet hölls 10/9-24 i Umeå. Sakrådet hölls 11/9-24.", DATE, TRAP),
    ("Sakrådet hölls 10/9-24 i Umeå. Anmälan senast 3/9-24.", DATE, TRUE),
]

DATE_FORMS = [
    ("Sakrådet hölls 10/9-24 i Umeå.", DATE, TRUE),
    ("The sakråd was held on the 10th of September 2024 in Umeå.", DATE, TRUE),
    ("The sakråd was held on 10th September 2024 in Umeå.", DATE, TRUE),
    ("Sakrådet hölls i Umeå.\n\n| Datum | 10 september 2024¹ |\n|---|---|\n\n¹ Enligt kallelsen.", DATE, TRUE),
    ("Sakrådet hölls den 10 september 2024² i Umeå.", DATE, TRUE),
    ("Sakrådet hölls den 10 september 2024<sup>1</sup> i Umeå.", DATE, TRUE),
    ("Sakrådet hölls 2024-09-10¹ i Umeå.", DATE, TRUE),
    ("The sakråd was held on Sept. 10, 2024 in Umeå.", DATE, TRUE),
    ("The sakråd was held on Tuesday the 10th of September 2024 in Umeå.", DATE, TRUE),
    # a two-digit year is read in the day's form only, not beside another day or month
    ("Sakrådet hölls 10/9-23 i Umeå.", DATE, TRAP),
    ("Sakrådet hölls 10/8-24 i Umeå.", DATE, TRAP),
]

NOT_THE_MEETINGS = [
    ("Sakrådet hölls i Umeå. Den 10 september 2024 beslutade regeringen att hålla ett sakråd.", DATE, TRAP),
    (
        "Sakrådet hölls i Umeå. Den 10 september 2024 meddelade regeringen att ett sakråd hade hållits.",
        DATE,
        TRAP,
    ),
    ("Sakrådet hölls i Umeå. Regeringen meddelade den 10 september 2024 att sakrådet hade hållits.", DATE, TRAP),
    ("On 10 September 2024 the government announced that a sakråd had been held.", DATE, TRAP),
    ("Sakrådet hölls i Umeå. Den 10 september 2024 fattade regeringen beslut om att hålla ett sakråd.", DATE, TRAP),
    ("Sakrådet hölls i Umeå. Den 10 september 2024 aviserade regeringen ett sakråd.", DATE, TRAP),
    ("Sakrådet hölls i Umeå. Den 10 september 2024 rapporterade Dagens Nyheter om sakrådet.", DATE, TRAP),
    ("Sakrådet hölls i Umeå. Den 10 september 2024 hade sakrådet redan hållits.", DATE, TRAP),
    ("Sakrådet hölls i Umeå. Beslutet att hålla sakrådet fattades den 10 september 2024.", DATE, TRAP),
    ("The sakråd was held in Umeå. On 10 September 2024 the government decided to hold a sakråd.", DATE, TRAP),
    ("Den 10 september 2024 samlade regeringen 25 organisationer till sakråd i Umeå.", DATE, TRUE),
    ("Den 10 september 2024 hölls sakrådet, där regeringen meddelade att stödet höjs.", DATE, TRUE),
    ("Regeringen höll den 10 september 2024 ett sakråd i Umeå.", DATE, TRUE),
    # a report's day is no second day either, nor another meeting's, a deadline's or a publication's
    (HELD + " Regeringen meddelade den 20 september 2024 att sakrådet hade hållits.", DATE, TRUE),
    (HELD + " Sakrådet var en uppföljning av sakrådet den 3 maj 2024.", DATE, TRUE),
    (HELD + " Ett liknande sakråd hölls i Malmö den 3 maj 2024.", DATE, TRUE),
    (HELD + " Nästa sakråd planeras till 2024-11-05.", DATE, TRUE),
    (HELD + " Minnesanteckningarna publicerades 2024-09-20.", DATE, TRUE),
    (HELD + " Regeringen beslutade den 1 mars 2024 om en strategi, som sakrådet diskuterade.", DATE, TRUE),
    (HELD + " Det var det andra sakrådet i år; det första hölls 2024-05-03.", DATE, TRUE),
    (HELD + " Organisationerna fick lämna synpunkter senast 2024-09-30.", DATE, TRUE),
    (HELD + " Sakrådet föregicks av ett webbinarium den 3/9 2024.", DATE, TRUE),
    ("Regeringen meddelade att sakrådet hölls den 10 september 2024.", DATE, TRUE),
    ("Sakrådet hölls den 10 september 2024 och regeringen meddelade att det gick bra.", DATE, TRUE),
    ("Den 10 september 2024 hölls ett sakråd i Umeå där regeringen berättade att arbetet pågår.", DATE, TRUE),
]

COUNTS = [
    (HELD + " 25 organisationer deltog.\n\nRättelse: 20 organisationer deltog, inte 25.", COUNT, TRAP),
    (HELD + " 25 organisationer deltog. Totalt deltog 20 organisationer.", COUNT, TRAP),
    (HELD + " 25 organisationer deltog.\n\nAntalet organisationer ovan är fel.", COUNT, TRAP),
    (HELD + " 25 organisationer deltog.[^1]\n\n[^1]: Rättelse: 20 organisationer deltog, inte 25.", COUNT, TRAP),
    (HELD + " 25 organisationer deltog.\n\nAntalet organisationer har korrigerats.", COUNT, TRAP),
    (HELD + " 25 organisationer deltog.\n\nKorrigering: 20 organisationer deltog.", COUNT, TRAP),
    (HELD + " 25 organisationer deltog.\n\nUppdatering: Det rätta antalet organisationer är 20.", COUNT, TRAP),
    (HELD + " 25 organisationer deltog. Sammanlagt deltog 20 organisationer i sakrådet.", COUNT, TRAP),
    (HELD + " 25 organisationer deltog. I sakrådet deltog tjugo organisationer.", COUNT, TRAP),
    (EN_HELD + " 25 organisations attended.\n\nCorrection: 20 organisations attended, not 25.", EN_COUNT, TRAP),
    (EN_HELD + " 25 organisations attended. In total, 20 organisations took part.", EN_COUNT, TRAP),
    (HELD + " 25 organisationer (ungefär) deltog.", COUNT, TRAP),
    (HELD + " Det deltog 25 organisationer - ungefär.", COUNT, TRAP),
    (EN_HELD + " 25 organisations attended, roughly.", EN_COUNT, TRAP),
    (HELD + " 25 organisationer deltog. Det rätta antalet är 20.", COUNT, TRAP),
    (HELD + " 25 organisationer deltog.\n\nNytt antal: 20.", COUNT, TRAP),
    (HELD + " 25 organisationer deltog. Det rätta antalet är 25.", COUNT, TRUE),
    (HELD + " 25 organisationer deltog. Ett nytt antal organisationer är med i nätverket.", COUNT, TRUE),
    (HELD + " 25 organisationer deltog, ungefär lika många som förra året.", COUNT, TRUE),
    (HELD + " 25 organisationer deltog. Flera menade att siffrorna i rapporten är fel.", COUNT, TRUE),
    (HELD + " 25 organisationer deltog. Antalet hatbrott har ändrats under året.", COUNT, TRUE),
    (HELD + " 25 organisationer deltog. Vid förra sakrådet deltog 20 organisationer.", COUNT, TRUE),
    (HELD + " 25 organisationer deltog, varav 20 organisationer från Stockholm.", COUNT, TRUE),
    (HELD + " Det deltog 25 organisationer, ungefär.", COUNT, TRAP),
    (HELD + " 25 organisationer deltog, minst.", COUNT, TRAP),
    (HELD + " Det deltog 25 organisationer, ungefär.", ABOUT, TRUE),
    (HELD + " 25 organisationer deltog.", COUNT, TRUE),
    (HELD + " 25 organisationer deltog.\n\nRättelse: 25 organisationer deltog, inte 20.", COUNT, TRUE),
    (HELD + " 25 organisationer deltog. Förra året deltog 20 organisationer.", COUNT, TRUE),
    (HELD + " 25 organisationer deltog. 40 organisationer bjöds in.", COUNT, TRUE),
    (HELD + " 25 organisationer deltog. Totalt deltog 25 organisationer.", COUNT, TRUE),
    (HELD + " 25 organisationer deltog, ungefär hälften från Norrland.", COUNT, TRUE),
    (HELD + " 25 organisationer deltog.\n\nAntalet organisationer har inte ändrats.", COUNT, TRUE),
    # a part of the whole is no second count
    (HELD + " 25 organisationer deltog. 5 organisationer deltog digitalt.", COUNT, TRUE),
    (HELD + " 25 organisationer deltog. Av dem kom 5 organisationer från Norrland.", COUNT, TRUE),
    (HELD + " Drygt 50 deltagare deltog, varav 10 från Regeringskansliet.", PEOPLE, TRUE),
    (HELD + " Drygt 50 deltagare deltog. Totalt deltog 40 deltagare.", PEOPLE, TRAP),
]


@pytest.mark.parametrize(("text", "facts", "accepted"), SECOND_DATES + DATE_FORMS + NOT_THE_MEETINGS + COUNTS)
def test_a_date_or_count_the_text_gives_otherwise_is_not_stated(
    tmp_path: Path, text: str, facts: str, accepted: bool
) -> None:
    field = next((f for f in ("organisation_count", "participant_count") if f in facts), "date")
    found = [f for f in _findings(tmp_path, text, facts) if f": {field}" in f]
    if accepted:
        assert found == [], f"{text!r} states {facts!r}, but: {found}"
    else:
        assert found, f"{text!r} does not state {facts!r} as the meeting's, and it was accepted"
