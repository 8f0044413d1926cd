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
]

DATE_FORMS = [
    ("Sakrådet hölls 10/9-24 i Umeå.", DATE, TRUE),
    ("The sakråd was held on the 10th of September 2024 in Umeå.", DATE, TRUE),
    ("The sakråd was held on 10th September 2024 in Umeå.", DATE, TRUE),
    ("Sakrådet hölls i Umeå.\n\n| Datum | 10 september 2024¹ |\n|---|---|\n\n¹ Enligt kallelsen.", DATE, TRUE),
    ("Sakrådet hölls den 10 september 2024² i Umeå.", DATE, TRUE),
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
    ("Regeringen meddelade att sakrådet hölls den 10 september 2024.", DATE, TRUE),
    ("Sakrådet hölls den 10 september 2024 och regeringen meddelade att det gick bra.", DATE, TRUE),
    ("Den 10 september 2024 hölls ett sakråd i Umeå där regeringen berättade att arbetet pågår.", DATE, TRUE),
]

COUNTS = [
    (HELD + " 25 organisationer deltog.\n\nRättelse: 20 organisationer deltog, inte 25.", COUNT, TRAP),
    (HELD + " 25 organisationer deltog. Totalt deltog 20 organisationer.", COUNT, TRAP),
    (HELD + " 25 organisationer deltog.\n\nAntalet organisationer ovan är fel.", COUNT, TRAP),
    (HELD + " 25 organisationer deltog.[^1]\n\n[^1]: Rättelse: 20 organisationer deltog, inte 25.", COUNT, TRAP),
    (HELD + " 25 organisationer deltog.\n\nSiffran har korrigerats.", COUNT, TRAP),
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
