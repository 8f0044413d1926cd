"""The lists' tables: each list as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs
read å, ä and ö), from the same rows as its pages (:mod:`sakrad_ld.web.lists`), with CSVW metadata
beside them (``csv-metadata.json``: W3C Tabular Metadata) that gives each column's titles in Swedish
and English, its datatype and its language."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator

from .labels import Text
from .lists import ROLE_KINDS, UNKNOWN, AgentRow, MeetingRow, Ref
from .meeting import StatedCount

#: A date's year, month and day, as far as it has them. Each precision of a date of a list is in a
#: column of its own (``date``, ``month``, ``year``), as in the release's ``tables/dates.csv``: a
#: CSVW column has one datatype, and a spreadsheet reads a month (``2017-02``) in a column of days
#: as the first day of that month.
_PRECISION = re.compile(r"-?\d{4,}(-\d{2})?(-\d{2})?")


def date_cells(date: str | None) -> list[str | None]:
    """A date as the cells of its day, month and year columns: a day (``2022-12-13``) in the first,
    a month (``2017-02``) in the second, a year in the third, the others empty; all empty for no date."""
    if not date:
        return [None, None, None]
    found = _PRECISION.match(date)
    at = 0 if found is None or found.group(2) else 1 if found.group(1) else 2
    return [date if i == at else None for i in range(3)]


def _precision_columns(
    prefix: str, what_sv: str, what_en: str, more_sv: str, more_en: str
) -> tuple[tuple[str, str, str, str, str, str], ...]:
    """The three columns of one date (see :func:`date_cells`), ``{prefix}date`` (a day, typed
    ``date``), ``{prefix}month`` (``gYearMonth``) and ``{prefix}year`` (``gYear``): ``what`` names
    the date, ``more`` ends each description."""
    return (
        (
            f"{prefix}date",
            f"{what_sv}: dag",
            f"{what_en}: day",
            f"{what_sv.capitalize()} när dagen är känd (ÅÅÅÅ-MM-DD); tomt när bara månaden eller året är känt "
            f"(se {prefix}month, {prefix}year){more_sv}",
            f"{what_en.capitalize()} when the day is known (YYYY-MM-DD); empty when only the month or the year is "
            f"known (see {prefix}month, {prefix}year){more_en}",
            "date",
        ),
        (
            f"{prefix}month",
            f"{what_sv}: månad",
            f"{what_en}: month",
            f"{what_sv.capitalize()} när bara månaden är känd (ÅÅÅÅ-MM, ingen dag){more_sv}",
            f"{what_en.capitalize()} when only the month is known (YYYY-MM, no day){more_en}",
            "gYearMonth",
        ),
        (
            f"{prefix}year",
            f"{what_sv}: år",
            f"{what_en}: year",
            f"{what_sv.capitalize()} när bara året är känt (ÅÅÅÅ){more_sv}",
            f"{what_en.capitalize()} when only the year is known (YYYY){more_en}",
            "gYear",
        ),
    )


#: The columns of the first and the latest sakråd of an organisation or a person, each date with its kind.
_SPAN = (
    *_precision_columns(
        "first_",
        "det tidigaste daterade sakrådets datum",
        "the earliest dated sakråd's date",
        " (angivet eller härlett, se first_date_kind); sakråd utan datum är inte med (se undated), så ett av dem "
        "kan vara tidigare",
        " (stated or derived, see first_date_kind); sakråd with no date are not in it (see undated), so one of "
        "them may be earlier",
    ),
    (
        "first_date_kind",
        "första datumets slag",
        "kind of first date",
        "stated eller derived (härlett): om first_date, first_month eller first_year är angivet eller härlett",
        "stated or derived: whether first_date, first_month or first_year is stated or derived",
        "string",
    ),
    *_precision_columns(
        "last_",
        "det senaste daterade sakrådets datum",
        "the latest dated sakråd's date",
        " (angivet eller härlett, se last_date_kind); sakråd utan datum är inte med (se undated), så ett av dem "
        "kan vara senare",
        " (stated or derived, see last_date_kind); sakråd with no date are not in it (see undated), so one of "
        "them may be later",
    ),
    (
        "last_date_kind",
        "senaste datumets slag",
        "kind of last date",
        "stated eller derived (härlett): om last_date, last_month eller last_year är angivet eller härlett",
        "stated or derived: whether last_date, last_month or last_year is stated or derived",
        "string",
    ),
    (
        "undated",
        "sakråd utan datum",
        "sakråd without a date",
        "Antal av dess sakråd som inte har något datum, varken angivet eller härlett; first_… och last_… "
        "gäller bara de daterade (0: alla är daterade)",
        "Number of its sakråd that have no date, neither stated nor derived; first_… and last_… cover only "
        "the dated ones (0: all are dated)",
        "integer",
    ),
)
#: How many sakråd a thing has a role in, in all and by role: a convener may only have invited, so
#: the total is not "took part in".
_ROLE_COUNT = (
    "sakrad",
    "sakråd med en roll",
    "sakråd with a role",
    "Antal sakråd där den har en roll: angiven arrangör (schema:organizer), sammankallande, ordförande eller deltagande",
    "Number of sakråd it has a role in: stated organiser (schema:organizer), convener, chair or taking part",
    "integer",
)
_BY_ROLE = (
    (
        "organised",
        "arrangör",
        "organiser",
        "Antal sakråd där den är angiven arrangör (schema:organizer)",
        "Number of sakråd it is the stated organiser of (schema:organizer)",
        "integer",
    ),
    (
        "convened",
        "sammankallande",
        "convener",
        "Antal sakråd där den är sammankallande (kan ha bjudit in utan att delta)",
        "Number of sakråd it convened (it may only have invited)",
        "integer",
    ),
    ("chaired", "ordförande", "chair", "Antal sakråd där den är ordförande", "Number of sakråd it chaired", "integer"),
    (
        "took_part",
        "deltog",
        "took part",
        "Antal sakråd där den deltog i någon annan roll (deltagande organisation, myndighet, från Regeringskansliet, föredragande)",
        "Number of sakråd it took part in in another role (participating organisation, agency, government participant, presenter)",
        "integer",
    ),
)

#: The columns of each CSV file: (name, title sv, title en, description sv, description en, datatype).
#: Every file has CSVW metadata beside it (``csv-metadata.json`` in its folder) that gives these.
COLUMNS: dict[str, list[tuple[str, str, str, str, str, str]]] = {
    "meetings": [
        (
            "id",
            "id",
            "id",
            "Sakrådets id (sista delen av dess IRI)",
            "The sakråd's id (last part of its IRI)",
            "string",
        ),
        ("iri", "IRI", "IRI", "Sakrådets IRI", "The sakråd's IRI", "anyURI"),
        *_precision_columns(
            "",
            "sakrådets datum",
            "the sakråd's date",
            "; det angivna, för en serie dess första dag (se days), annars det härledda (se date_kind); "
            "tomt om inget finns",
            "; the stated one, for a series its first day (see days), else the derived one (see date_kind); "
            "empty if there is none",
        ),
        (
            "date_kind",
            "datumets slag",
            "kind of date",
            "Slaget av datumet i date, month eller year: stated: det står i källan; series: en serie, date är dess "
            "första dag och days alla dess dagar; derived: härlett, inte i källans text (ur en sidas adress, "
            "publiceringsdatum eller en bifogad fils namn)",
            "The kind of the date in date, month or year: stated: the source states it; series: a series, date is "
            "its first day and days all its days; derived: worked out, not in the source's text (from a page's "
            "address, its publication date or an attachment's file name)",
            "string",
        ),
        (
            "days",
            "dagar",
            "days",
            "En series dagar enligt källan, åtskilda av semikolon; tomt om sakrådet inte är en serie",
            "A series' days as the source states them, separated by semicolons; empty if the sakråd is not a series",
            "string",
        ),
        (
            "title",
            "titel",
            "title",
            "Titel (svenska): en källas rubrik, eller datans egen där title_kind är own",
            "Title (Swedish): a source's headline, or the data's own where title_kind is own",
            "string",
        ),
        ("title_en", "titel (engelska)", "title (English)", "Titel på engelska", "Title in English", "string"),
        (
            "title_kind",
            "titelns slag",
            "kind of title",
            "stated: titeln är en källas rubrik; own: datans egen rubrik, ingen källas (listsidan märker den 'datans egen rubrik'; "
            "hur den sattes står i tables/meetings.csv, title_derivation_sv)",
            "stated: the title is a source's headline; own: the data's own title, no source's headline (the list page "
            "marks it 'the data's own title'; how it was made is in tables/meetings.csv, title_derivation_en)",
            "string",
        ),
        ("organiser", "arrangör", "organiser", "Angiven arrangör", "The stated organiser", "string"),
        (
            "ministry",
            "departement",
            "ministry",
            "Departementet som angiven arrangör hör till",
            "The ministry the stated organiser belongs to",
            "string",
        ),
        (
            "ministries_via_posts",
            "departement via poster",
            "ministries via posts",
            "Härlett: departement där sammankallande eller ordförande hade sin post (org:postIn); inte arrangör",
            "Derived: ministries where a convener or chair held their post (org:postIn); not the organiser",
            "string",
        ),
        (
            "ministries_convening",
            "sammankallande departement",
            "convening ministries",
            "Departement som är sammankallande, eller vars enhet är det; inte arrangör",
            "Ministries that are conveners, or whose unit is; not the organiser",
            "string",
        ),
        (
            "chairs",
            "ordförande",
            "chairs",
            "Ordförande, åtskilda av semikolon",
            "Chairs, separated by semicolons",
            "string",
        ),
        (
            "conveners",
            "sammankallande",
            "conveners",
            "Sammankallande, åtskilda av semikolon",
            "Conveners, separated by semicolons",
            "string",
        ),
        (
            "organisations",
            "organisationer",
            "organisations",
            "Deltagande organisationer som källan namnger, åtskilda av semikolon, var och en med det namn sakrådets "
            "källa skriver; där uppgifterna inte säger det, organisationens namn och inom parentes dokumentet det står i; "
            "tomt om den namnger ingen",
            "Organisations taking part that the source names, separated by semicolons, each with the name the "
            "sakråd's source writes; where the data does not say it, the organisation's name and in brackets the "
            "document it is written in; empty if it names none",
            "string",
        ),
        (
            "organisations_named",
            "namngivna organisationer",
            "organisations named",
            "Antal deltagande organisationer som datan namnger (ur källornas text); räknat av datan, inget antal "
            "som en källa anger (se organisations_stated); tomt (aldrig 0) om den namnger ingen",
            "Number of organisations taking part that the data names (from the sources' text); counted by the data, "
            "no number a source states (see organisations_stated); empty (never 0) if it names none",
            "integer",
        ),
        (
            "organisations_listed",
            "listade organisationer (datans räkning)",
            "organisations listed (the data's count)",
            "sakrad:listedOrganisationCount: antalet deltagande organisationer som datan namnger, räknat av datan, "
            "inget antal som en källa anger (se organisations_stated); tomt om datan namnger inga",
            "sakrad:listedOrganisationCount: the number of organisations taking part that the data names, counted "
            "by the data, no number a source states (see organisations_stated); empty if the data names none",
            "integer",
        ),
        *(
            (
                f"{name}_stated{suffix}",
                f"{sv} enligt källan{sv_more}",
                f"{en} as stated{en_more}",
                f"{about_sv}{about_sv_more}",
                f"{about_en}{about_en_more}",
                datatype,
            )
            for name, sv, en, about_sv, about_en in (
                (
                    "organisations",
                    "deltagande organisationer",
                    "organisations taking part",
                    "Antal deltagande organisationer som källan anger",
                    "Number of organisations taking part as the source states it",
                ),
                (
                    "invited",
                    "inbjudna organisationer",
                    "organisations invited",
                    "Antal inbjudna organisationer som källan anger",
                    "Number of organisations invited as the source states it",
                ),
            )
            for suffix, sv_more, en_more, about_sv_more, about_en_more, datatype in (
                (
                    "",
                    "",
                    "",
                    "; tomt om datan inte ger något, eller bara en gräns (drygt 50, se orden)",
                    "; empty if the data gives none, or only a bound (drygt 50, see the words)",
                    "integer",
                ),
                (
                    "_approximate",
                    " ungefärligt",
                    " approximate",
                    ": true om källan anger det ungefärligt (ett 40-tal), annars false; tomt om inget anges",
                    ": true if the source gives it as approximate (ett 40-tal), else false; empty if none is stated",
                    "boolean",
                ),
                (
                    "_words",
                    " (källans ord)",
                    " (the source's words)",
                    " med källans ord",
                    " in the source's words",
                    "string",
                ),
            )
        ),
        (
            "announced_only",
            "endast kungjort",
            "announced only",
            "true: källorna kungör bara sakrådet eller bjuder in till det; att det hölls står inte i dem "
            "(och vilka som deltog utelämnas); annars false",
            "true: the sources only announce the sakråd or invite to it; that it was held is not stated "
            "(and who took part is left out); else false",
            "boolean",
        ),
        (
            "held_derived",
            "hållet: härlett",
            "held: derived",
            "true: att sakrådet hölls står inte i något läst dokument; datan sluter sig till det ur ett dokument "
            "som sakrådet hänvisar till (se held_derived_from), till exempel minnesanteckningar som bara är kända "
            "till sin titel; hur står i tables/meetings.csv, held_derivation_sv (sakrad:heldDerivation); "
            "false: ett läst dokument säger att det hölls, eller källorna kungör det bara (se announced_only)",
            "true: no document read says the sakråd was held; the data concludes it from a document the sakråd "
            "cites (see held_derived_from), such as minutes known only by their title; how is in "
            "tables/meetings.csv, held_derivation_en (sakrad:heldDerivation); false: a document read says it "
            "was held, or the sources only announce it (see announced_only)",
            "boolean",
        ),
        (
            "held_derived_from",
            "hållet: härlett ur",
            "held: derived from",
            "Dokumentet som slutsatsen att sakrådet hölls bygger på (sakrad:heldDerivedFrom); tomt där "
            "held_derived är false",
            "The document the conclusion that the sakråd was held rests on (sakrad:heldDerivedFrom); empty "
            "where held_derived is false",
            "string",
        ),
    ],
    "organisations": [
        ("id", "id", "id", "Organisationens id", "The organisation's id", "string"),
        ("iri", "IRI", "IRI", "Organisationens IRI", "The organisation's IRI", "anyURI"),
        ("name", "namn", "name", "Namn", "Name", "string"),
        ("name_en", "namn (engelska)", "name (English)", "Namn på engelska", "Name in English", "string"),
        (
            "alt_names",
            "andra namn",
            "other names",
            "Andra namn, åtskilda av semikolon",
            "Other names, separated by semicolons",
            "string",
        ),
        (
            "organisation_numbers",
            "organisationsnummer",
            "organisation numbers",
            "Organisationsnummer som ett register bekräftar (status i sakrad:confirmingStatus: läst i registret "
            "eller i förvaltarens kopia av det), vart och ett en gång, åtskilda av semikolon",
            "Organisation numbers a register confirms (a status in sakrad:confirmingStatus: read in the register "
            "or in its keeper's copy of it), each once, separated by semicolons",
            "string",
        ),
        (
            "unconfirmed_numbers",
            "obekräftade nummer",
            "unconfirmed numbers",
            "Nummer som inget register bekräftar, vart och ett en gång med sin status inom parentes "
            "(SecondarySource: läst i en andrahandskälla; RetiredEntry: läst i en avregistrerad post; "
            "Derived: härledd), åtskilda av semikolon; de är inte organisationens bekräftade nummer",
            "Numbers no register confirms, each once with its status in brackets (SecondarySource: read in a "
            "secondary source; RetiredEntry: read in a retired entry; Derived: derived), separated by "
            "semicolons; they are not the organisation's confirmed numbers",
            "string",
        ),
        _ROLE_COUNT,
        *_BY_ROLE,
        *_SPAN,
    ],
    "people": [
        ("id", "id", "id", "Personens id", "The person's id", "string"),
        ("iri", "IRI", "IRI", "Personens IRI", "The person's IRI", "anyURI"),
        ("name", "namn", "name", "Namn", "Name", "string"),
        _ROLE_COUNT,
        *_BY_ROLE,
        (
            "roles",
            "roller",
            "roles",
            "Roller (rollschemats svenska namn), åtskilda av semikolon",
            "Roles (the role scheme's Swedish names), separated by semicolons",
            "string",
        ),
        (
            "roles_en",
            "roller (engelska)",
            "roles (English)",
            "Samma roller med rollschemats engelska namn, åtskilda av semikolon (en roll utan engelskt namn är inte med)",
            "The same roles by the role scheme's English names, separated by semicolons (a role with no English "
            "name is left out)",
            "string",
        ),
        *_SPAN,
    ],
    "bodies": [
        ("id", "id", "id", "Myndighetens eller enhetens id", "The body's id", "string"),
        ("iri", "IRI", "IRI", "IRI", "IRI", "anyURI"),
        ("name", "namn", "name", "Namn", "Name", "string"),
        ("name_en", "namn (engelska)", "name (English)", "Namn på engelska", "Name in English", "string"),
        (
            "part_of",
            "del av",
            "part of",
            "Det organ den är en del av; en källas uppgift, eller datans egen där part_of_derived är true",
            "The body it is part of; a source's statement, or the data's own where part_of_derived is true",
            "string",
        ),
        (
            "part_of_derived",
            "del av: härlett",
            "part of: derived",
            "true: ingen källa säger att organet är en del av part_of; datan placerar det där efter en egen regel "
            "(sakrad:unitOfDerivation, som organets sida återger); false: en källa säger det, eller part_of är tomt",
            "true: no source says the body is part of part_of; the data places it there by a rule of its own "
            "(sakrad:unitOfDerivation, which the body's page gives); false: a source says so, or part_of is empty",
            "boolean",
        ),
        _ROLE_COUNT,
        *_BY_ROLE,
    ],
}


#: The columns that hold a list, joined with :data:`LIST_SEPARATOR`.
LIST_COLUMNS = frozenset(
    (
        "days",
        "ministries_via_posts",
        "ministries_convening",
        "chairs",
        "conveners",
        "organisations",
        "alt_names",
        "organisation_numbers",
        "unconfirmed_numbers",
        "roles",
        "roles_en",
    )
)
#: What the items of a list are joined with, and its CSVW ``separator`` (a string, Tabular Metadata
#: §5.7): the whole "; ", so a CSVW processor reads each item back without a leading space while the
#: column stays ``string``, whose values alone take the column's ``lang`` (Tabular Data Model §6.4:
#: a ``normalizedString`` would be trimmed, but has no language).
LIST_SEPARATOR = "; "

#: The language of the text in a column (CSVW ``lang``, inherited by each cell: Tabular Metadata
#: §5.7), by list and column; a column not named holds no text in a language: an id, an IRI, a
#: number, a code (``stated``), a date, a person's name, or names of either kind (``conveners``: a
#: person or a body), or names in several languages (``alt_names``).
COLUMN_LANGUAGES: dict[str, dict[str, str]] = {
    "meetings": {
        "title": "sv",
        "title_en": "en",
        "organiser": "sv",
        "ministry": "sv",
        "ministries_via_posts": "sv",
        "ministries_convening": "sv",
        "organisations": "sv",
        "organisations_stated_words": "sv",
        "invited_stated_words": "sv",
        "held_derived_from": "sv",
    },
    "organisations": {"name": "sv", "name_en": "en"},
    "people": {"roles": "sv", "roles_en": "en"},
    "bodies": {"name": "sv", "name_en": "en", "part_of": "sv"},
}


def _csv(kind: str, rows: Iterator[list[object]]) -> bytes:
    """The rows of a list as RFC 4180 CSV in UTF-8 without a byte order mark, as the release's
    tables (:mod:`sakrad_ld.tables.csvw`): what a CSVW reader reads from a URL (docs/tables.md)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c[0] for c in COLUMNS[kind]])
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return out.getvalue().encode("utf-8")


def _both(sv: str, en: str) -> list[dict[str, str]]:
    """A title in Swedish and English as a CSVW natural language property (Tabular Metadata §5.1.5)."""
    return [{"@value": sv, "@language": "sv"}, {"@value": en, "@language": "en"}]


def list_title(
    key: str, facet: str | None = None, label: Text | None = None, value: str | None = None
) -> tuple[str, str]:
    """A list's title (Swedish, English) as its page's heading says it: "Sakråd", "Organisationer";
    a facet's folder "Sakråd: År"; a filtered list (``value``: its key) "Sakråd: År 2025", "Sakråd:
    Organisation Rädda Barnen"; the sakråd with no value "Sakråd: utan datum"."""
    from .messages import messages

    out = []
    for lang in ("sv", "en"):
        text = messages(lang)
        title = text[key]
        if facet is not None:
            title += ":"
            if value != UNKNOWN:
                title += f" {text['ministry_involved_all' if facet == 'ministry' else 'facet_' + facet]}"
        if label is not None:
            title += f" {label.en if lang == 'en' and label.en else label.main}"
        out.append(title)
    return out[0], out[1]


def csv_metadata(tables: list[tuple[str, str, tuple[str, str]]], title: tuple[str, str]) -> bytes:
    """CSVW metadata (https://www.w3.org/TR/tabular-metadata/) for CSV files of one folder, given
    as (file name, kind, (Swedish title, English title)): the group's and each table's title in both
    languages, each column's name, Swedish and English title and description, datatype and, for
    text in a language, that language (:data:`COLUMN_LANGUAGES`)."""
    from ..tables.csvw import DIALECT

    def column(c: tuple[str, str, str, str, str, str], languages: dict[str, str]) -> dict[str, object]:
        name, title_sv, title_en, about_sv, about_en, datatype = c
        out: dict[str, object] = {
            "name": name,
            # The header cell exactly, so that the metadata is compatible with the file (Tabular
            # Metadata §5.5.3); the human titles are dc:title.
            "titles": {"und": name},
            "dc:title": [{"@value": title_sv, "@language": "sv"}, {"@value": title_en, "@language": "en"}],
            "dc:description": [{"@value": about_sv, "@language": "sv"}, {"@value": about_en, "@language": "en"}],
            "datatype": datatype,
        }
        if name in LIST_COLUMNS:
            out["separator"] = LIST_SEPARATOR
        if lang := languages.get(name):
            out["lang"] = lang
        return out

    group = {
        "@context": ["http://www.w3.org/ns/csvw", {"@language": "sv"}],
        "dc:title": _both(*title),
        "dialect": DIALECT,
        "tables": [
            {
                "url": url,
                "dc:title": _both(*names),
                "tableSchema": {
                    "columns": [column(c, COLUMN_LANGUAGES[kind]) for c in COLUMNS[kind]],
                    "primaryKey": "id",
                },
            }
            for url, kind, names in tables
        ],
    }
    return (json.dumps(group, ensure_ascii=False, indent=1) + "\n").encode()


def _names(refs: list[Ref]) -> str:
    return LIST_SEPARATOR.join(r.name.main for r in refs)


def _kind(date: str | None, derived: bool) -> str | None:
    return None if not date else "derived" if derived else "stated"


def _stated_columns(c: StatedCount | None) -> list[object]:
    """A stated count's number, whether approximate, and words; all empty when the data gives none.
    A bound ("drygt 50") is no number: its number is left empty, its words kept."""
    if c is None:
        return [None, None, None]
    return [None if c.bound else c.value, "true" if c.approximate else "false", c.words]


def _english(t: Text) -> str | None:
    """The English of a name: its English beside the Swedish, or the name itself where it is English."""
    return t.en or (t.main if t.lang == "en" else None)


def _role_columns(r: AgentRow) -> list[int]:
    return [r.by_role.get(k, 0) for k in ROLE_KINDS]


def _span_columns(r: AgentRow) -> list[object]:
    """The first and last sakråd's dates, each stated or derived, and how many are undated."""
    return [
        *date_cells(r.first),
        _kind(r.first, r.first_derived),
        *date_cells(r.last),
        _kind(r.last, r.last_derived),
        r.undated,
    ]


def meetings_csv(rows: list[MeetingRow]) -> bytes:
    return _csv(
        "meetings",
        (
            [
                m.ref.id,
                m.ref.iri,
                *date_cells(m.date),
                m.date_kind,
                LIST_SEPARATOR.join(m.days) if m.series else None,
                m.ref.name.main,
                m.ref.name.en,
                "own" if m.title_own else "stated",
                m.organiser.name.main if m.organiser else None,
                m.ministry.name.main if m.ministry else None,
                _names(m.ministries_as("convener", "chair")),
                _names(m.ministries_as("convener_body")),
                _names(m.chairs),
                _names(m.conveners),
                LIST_SEPARATOR.join(m.organisation_names()),
                len(m.organisations) or None,
                m.listed or None,
                *_stated_columns(m.organisation_count),
                *_stated_columns(m.invited),
                "true" if m.announced else "false",
                "true" if m.held_derived else "false",
                m.held_from.name.main if m.held_from else None,
            ]
            for m in rows
        ),
    )


def agents_csv(kind: str, rows: list[AgentRow]) -> bytes:
    if kind == "organisations":
        return _csv(
            kind,
            (
                [
                    r.ref.id,
                    r.ref.iri,
                    r.ref.name.main,
                    r.ref.name.en,
                    LIST_SEPARATOR.join(r.alt_names),
                    LIST_SEPARATOR.join(r.unique_numbers),
                    LIST_SEPARATOR.join(f"{u.number} ({u.status or 'no status'})" for u in r.unconfirmed),
                    r.meetings,
                    *_role_columns(r),
                    *_span_columns(r),
                ]
                for r in rows
            ),
        )
    if kind == "people":
        return _csv(
            kind,
            (
                [
                    r.ref.id,
                    r.ref.iri,
                    r.ref.name.main,
                    r.meetings,
                    *_role_columns(r),
                    LIST_SEPARATOR.join(t.main for t in r.roles),
                    LIST_SEPARATOR.join(name for t in r.roles if (name := _english(t))),
                    *_span_columns(r),
                ]
                for r in rows
            ),
        )
    return _csv(
        kind,
        (
            [
                r.ref.id,
                r.ref.iri,
                r.ref.name.main,
                r.ref.name.en,
                r.part_of.name.main if r.part_of else None,
                "true" if r.part_of_derived else "false",
                r.meetings,
                *_role_columns(r),
            ]
            for r in rows
        ),
    )
