"""The tables of a release: what each holds, the SPARQL its rows come from, and the RDF each cell
stands for (docs/tables.md).

Tidy: one row per thing or fact, one column per property, the same column names in every
release. A column that names a thing holds its IRI (``…_iri``); a name beside it, for people, is
marked ``output=False`` and stands for no triple. Text is one column per language (``…_sv``,
``…_en``). Dates are in ``dates.csv``, one row per dated fact, at the precision the source gives
(a day, a month or a year each have their own column and datatype, since a CSVW column has one);
a table that gives a date for people beside its row (``meetings.csv``, ``post-holdings.csv``) has
such a column for each precision too, never one that mixes them.
"""

from __future__ import annotations

from .model import Column, Table

__all__ = ["TABLES"]

DCT = "http://purl.org/dc/terms/"
FOAF = "http://xmlns.com/foaf/0.1/"
M8G = "http://data.europa.eu/m8g/"
ORG = "http://www.w3.org/ns/org#"
SAKRAD = "https://w3id.org/sakrad/ontology#"
SCHEMA = "https://schema.org/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
ADMS = "http://www.w3.org/ns/adms#"
LEGAL = "http://www.w3.org/ns/legal#"
PROV = "http://www.w3.org/ns/prov#"
PERSON = "http://www.w3.org/ns/person#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"

#: Prefixes of every query; ``$ID`` is replaced by the base of the data's IRIs (``{base}id/``).
PREFIXES = f"""PREFIX dct: <{DCT}>
PREFIX foaf: <{FOAF}>
PREFIX m8g: <{M8G}>
PREFIX org: <{ORG}>
PREFIX sakrad: <{SAKRAD}>
PREFIX schema: <{SCHEMA}>
PREFIX skos: <{SKOS}>
PREFIX adms: <{ADMS}>
PREFIX legal: <{LEGAL}>
PREFIX prov: <{PROV}>
PREFIX person: <{PERSON}>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX void: <http://rdfs.org/ns/void#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


def _kind(var: str, kind: str) -> str:
    """A filter keeping things of one kind of the data's IRIs (``{base}id/{kind}/{id}``), so that
    the catalogue's and the ontology's resources in the same store never become rows."""
    return f'FILTER(REGEX(STR(?{var}), CONCAT("^", "$ID", "{kind}/[^/]+$")))'


def _id(var: str = "iri") -> str:
    """The id of a thing: the last segment of its IRI."""
    return f'BIND(REPLACE(STR(?{var}), "^.*/", "") AS ?{var.removesuffix("_iri") + "_id" if var != "iri" else "id"})'


def _text(subject: str, prop: str, stem: str) -> str:
    """The Swedish and English values of a text property, each in its own variable."""
    return "".join(
        f' OPTIONAL {{ ?{subject} {prop} ?{stem}_{lang} FILTER(LANG(?{stem}_{lang}) = "{lang}") }}'
        for lang in ("sv", "en")
    )


def _texts(stem: str, prop: str, en: str, sv: str, about: str | None = None) -> tuple[Column, Column]:
    return (
        Column(f"{stem}_sv", f"{en}, in Swedish", f"{sv}, på svenska", prop, lang="sv", about=about),
        Column(f"{stem}_en", f"{en}, in English", f"{sv}, på engelska", prop, lang="en", about=about),
    )


def _label(subject: str, out: str) -> str:
    """A name for people beside an IRI: the Swedish label, or a person's name."""
    return (
        f' OPTIONAL {{ ?{subject} skos:prefLabel ?{out}_l FILTER(LANG(?{out}_l) = "sv") }}'
        f" OPTIONAL {{ ?{subject} foaf:name ?{out}_n }} BIND(COALESCE(?{out}_l, ?{out}_n) AS ?{out})"
    )


#: The precisions of a date, each a column of its own with its own datatype (a CSVW column has one,
#: and a spreadsheet reads a month ``2017-02`` in a column of days as the day 2017-02-01): the
#: datatype (of the literal and of the column), and what the column holds.
_PRECISIONS = (
    ("date", "known to the day", "känt på dagen"),
    ("gYearMonth", "known only to the month (YYYY-MM)", "känt bara till månaden (ÅÅÅÅ-MM)"),
    ("gYear", "known only to the year", "känt bara till året"),
)


def _dated(subject: str, prop: str, var: str, names: tuple[str, str, str]) -> str:
    """``OPTIONAL { ?subject prop ?var }`` with the date's lexical form in the one of ``names`` (a
    day's, a month's and a year's column) that its datatype says; the others unbound."""
    binds = " ".join(
        f"BIND(IF(DATATYPE(?{var}) = xsd:{datatype}, STR(?{var}), ?none) AS ?{name})"
        for name, (datatype, _, _) in zip(names, _PRECISIONS, strict=True)
    )
    return f"OPTIONAL {{ ?{subject} {prop} ?{var} }} {binds}"


def _date_columns(names: tuple[str, str, str], en: str, sv: str) -> tuple[Column, ...]:
    """The columns of one date, a day's, a month's and a year's (``names``), each typed, for people
    (the date as RDF is in dates.csv): ``en``/``sv`` say which date."""
    cells = ", ".join(names)
    return tuple(
        Column(
            name,
            f"{en}, when it is {when_en}, else empty (a date is in one of {cells})",
            f"{sv}, när det är {when_sv}, annars tomt (ett datum står i en av {cells})",
            datatype=datatype,
            output=False,
        )
        for name, (datatype, when_en, when_sv) in zip(names, _PRECISIONS, strict=True)
    )


def _iri(en: str, sv: str) -> Column:
    return Column("iri", en, sv, output=False)


def _id_column(en: str, sv: str) -> Column:
    return Column("id", en, sv, output=False)


def _type(cls: str) -> Column:
    return Column("type", f"every row is a {cls}", f"varje rad är en {cls}", "rdf:type", link=cls, virtual=True)


#: The day's, the month's and the year's column of a date a source states, of a date worked out,
#: and of the date a post was held on.
STATED_DATE_COLUMNS = ("date", "month", "year")
DERIVED_DATE_COLUMNS = ("derived_date", "derived_month", "derived_year")
ATTESTED_DATE_COLUMNS = ("attested_on", "attested_month", "attested_year")

#: Columns several tables have, said once.
_SOURCE = Column("source_iri", "the source", "källan", DCT + "source", link="{+source_iri}")
_MEETING_ID = Column("meeting_id", "the sakråd's id", "sakrådets id", output=False)
_WEBSITE = Column("website", "website", "webbplats", FOAF + "homepage", link="{+website}")

MEETINGS = Table(
    "meetings",
    "Sakråd",
    "Sakråd",
    PREFIXES
    + f"""SELECT DISTINCT * WHERE {{
  ?iri a sakrad:Sakrad . {_kind("iri", "meeting")} {_id()}
  BIND(EXISTS {{ ?iri a sakrad:SakradSeries }} AS ?series)
  BIND(EXISTS {{ ?iri sakrad:announcedOnly true }} AS ?announced_only)
  {_text("iri", "sakrad:heldDerivation", "held_derivation")}
  OPTIONAL {{ ?iri sakrad:heldDerivedFrom ?held_derived_from_iri }}
  {_text("iri", "dct:title", "title")} {_text("iri", "sakrad:topic", "topic")}
  {_dated("iri", "schema:startDate", "start_", STATED_DATE_COLUMNS)} {_dated("iri", "sakrad:derivedDate", "derived_", DERIVED_DATE_COLUMNS)}
  {_text("iri", "sakrad:derivation", "derivation")} {_text("iri", "sakrad:titleDerivation", "title_derivation")}
  OPTIONAL {{ ?iri schema:organizer ?organiser_iri {_label("organiser_iri", "organiser")} }}
  OPTIONAL {{ ?iri dct:spatial ?place_iri {_label("place_iri", "place")} }}
  OPTIONAL {{ ?iri sakrad:listedOrganisationCount ?listed_organisation_count }}
  OPTIONAL {{ ?iri sakrad:statedPresentationCount ?stated_presentation_count }}
  OPTIONAL {{ ?iri sakrad:organisationListComplete ?organisation_list_complete }}
  OPTIONAL {{ ?iri sakrad:caseNumber ?case_number }}
  {_text("iri", "sakrad:invitedDescription", "invited_description")}
  {_text("iri", "sakrad:purpose", "purpose")} {_text("iri", "sakrad:processDescription", "process")}
  {_text("iri", "sakrad:presentationsDescription", "presentations_description")}
  {_text("iri", "sakrad:handlingOfViews", "handling_of_views")}
}}""",
    (
        _id_column("the sakråd's id, the last part of its IRI", "sakrådets id, sista delen av dess IRI"),
        _iri("the sakråd's IRI", "sakrådets IRI"),
        _type(SAKRAD + "Sakrad"),
        Column(
            "series",
            "true: a series of sessions published as one",
            "true: en serie möten som publicerats som ett",
            "rdf:type",
            link=SAKRAD + "SakradSeries",
            datatype="boolean",
            null="false",
        ),
        Column(
            "announced_only",
            "true: the sources only announce the sakråd or invite to it; that it was held is not stated "
            "(and who took part is left out)",
            "true: källorna kungör bara sakrådet eller bjuder in till det; att det hölls står inte i dem "
            "(och vilka som deltog utelämnas)",
            SAKRAD + "announcedOnly",
            datatype="boolean",
            null="false",
        ),
        *_texts(
            "held_derivation",
            SAKRAD + "heldDerivation",
            "how it follows that the sakråd was held where no document read says so (minutes of it, known by "
            "their title only); empty: a document read says so, or announced_only",
            "hur det följer att sakrådet hölls där inget läst dokument säger det (minnesanteckningar från det, "
            "kända bara till titeln); tomt: ett läst dokument säger det, eller announced_only",
        ),
        Column(
            "held_derived_from_iri",
            "the document held_derivation_sv/_en rests on",
            "dokumentet som held_derivation_sv/_en bygger på",
            SAKRAD + "heldDerivedFrom",
            link="{+held_derived_from_iri}",
        ),
        *_texts(
            "title",
            DCT + "title",
            "title (a source's headline, or the data's own where title_derivation_sv/_en say how it was made)",
            "titel (en källas rubrik, eller datans egen där title_derivation_sv/_en säger hur den sattes)",
        ),
        *_texts(
            "title_derivation",
            SAKRAD + "titleDerivation",
            "how the title was made where it is the data's own, no source's headline (empty: a source's headline)",
            "hur rubriken sattes där den är datans egen, ingen källas (tomt: en källas rubrik)",
        ),
        *_texts("topic", SAKRAD + "topic", "topic", "ämne"),
        *_date_columns(
            STATED_DATE_COLUMNS,
            "the date the source states (empty when none does: then derived_date, derived_month or derived_year "
            "has the date worked out; a series has none of its own, its days are rows of dates.csv; as RDF in "
            "dates.csv)",
            "datum som källan anger (tomt när ingen gör det: då står det framräknade datumet i derived_date, "
            "derived_month eller derived_year; en serie har inget eget, dess dagar är rader i dates.csv; som RDF "
            "i dates.csv)",
        ),
        *_date_columns(
            DERIVED_DATE_COLUMNS,
            "the date worked out where no source states one (from a page's address or publication date; how, in "
            "derivation_sv/_en; never in date, month or year; as RDF, sakrad:derivedDate, in dates.csv)",
            "datum som räknats fram där ingen källa anger något (ur en sidas adress eller publiceringsdatum; hur, "
            "i derivation_sv/_en; aldrig i date, month eller year; som RDF, sakrad:derivedDate, i dates.csv)",
        ),
        *_texts(
            "derivation",
            SAKRAD + "derivation",
            "how a date the source does not state was worked out",
            "hur ett datum som källan inte anger räknades fram",
        ),
        Column("organiser", "who organised it (name)", "vem som anordnade (namn)", output=False),
        Column("organiser_iri", "who organised it", "vem som anordnade", SCHEMA + "organizer", link="{+organiser_iri}"),
        Column("place", "where (name)", "var (namn)", output=False),
        Column("place_iri", "where", "var", DCT + "spatial", link="{+place_iri}"),
        Column(
            "listed_organisation_count",
            "how many organisations the data lists: computed by the release, stated by no source",
            "hur många organisationer uppgifterna räknar upp: beräknat av utgåvan, inte angivet av någon källa",
            SAKRAD + "listedOrganisationCount",
            datatype="nonNegativeInteger",
        ),
        Column(
            "stated_presentation_count",
            "how many presentations, as stated",
            "antal presentationer enligt källan",
            SAKRAD + "statedPresentationCount",
            datatype="nonNegativeInteger",
        ),
        Column(
            "organisation_list_complete",
            "whether the source presents its list of organisations as complete",
            "om källan anger att listan över organisationer är fullständig",
            SAKRAD + "organisationListComplete",
            datatype="boolean",
        ),
        Column("case_number", "the diarienummer", "diarienummer", SAKRAD + "caseNumber"),
        *_texts(
            "invited_description",
            SAKRAD + "invitedDescription",
            "who was invited, in the source's words",
            "vilka som bjöds in, med källans ord",
        ),
        *_texts("purpose", SAKRAD + "purpose", "purpose", "syfte"),
        *_texts("process", SAKRAD + "processDescription", "how it was held", "hur sakrådet genomfördes"),
        *_texts(
            "presentations_description", SAKRAD + "presentationsDescription", "the presentations", "presentationerna"
        ),
        *_texts(
            "handling_of_views", SAKRAD + "handlingOfViews", "how the views are handled", "hur synpunkterna tas om hand"
        ),
    ),
    key=("id",),
)

DATES = Table(
    "dates",
    "Dates, stated or derived",
    "Datum, angivna eller härledda",
    PREFIXES
    + """SELECT DISTINCT * WHERE {
  VALUES ?property_iri { schema:startDate schema:endDate sakrad:derivedDate sakrad:attestedOn dct:issued }
  ?about_iri ?property_iri ?value .
  FILTER(STRSTARTS(STR(?about_iri), "$ID"))
  FILTER(DATATYPE(?value) IN (xsd:date, xsd:gYearMonth, xsd:gYear))
  BIND(REPLACE(STR(?property_iri), "^.*[#/]", "") AS ?property)
  BIND(IF(?property_iri = sakrad:derivedDate, "derived", "stated") AS ?kind)
  BIND(IF(DATATYPE(?value) = xsd:date, "day", IF(DATATYPE(?value) = xsd:gYearMonth, "month", "year")) AS ?precision)
  BIND(IF(DATATYPE(?value) = xsd:date, STR(?value), ?none) AS ?date)
  BIND(IF(DATATYPE(?value) = xsd:gYearMonth, STR(?value), ?none) AS ?month)
  BIND(IF(DATATYPE(?value) = xsd:gYear, STR(?value), ?none) AS ?year)
}""",
    (
        Column(
            "about_iri",
            "what is dated: a sakråd, one of its days, a post held, a source",
            "vad som dateras: ett sakråd, en av dess dagar, en post, en källa",
            output=False,
        ),
        Column(
            "property",
            "which date (startDate, endDate, derivedDate, attestedOn, issued)",
            "vilket datum (startDate, endDate, derivedDate, attestedOn, issued)",
            output=False,
        ),
        Column("property_iri", "which date, as a property IRI", "vilket datum, som egenskapens IRI", output=False),
        Column(
            "kind",
            "stated: a source gives the date; derived: no source states it, it was worked out (derivedDate: "
            "from a page's address or publication date, say; the sakråd's derivation says how)",
            "angivet: en källa anger datumet; härlett: ingen källa anger det, det är framräknat (derivedDate: "
            "ur en sidas adress eller publiceringsdatum, till exempel; sakrådets härledning säger hur)",
            output=False,
        ),
        Column(
            "precision",
            "how precisely the date is known: day (its cell is in date), month (in month) or year (in year); "
            "with about_iri and property_iri, what tells the rows apart (the primary key; never empty)",
            "hur noga datumet är känt: day (dag, cellen står i date), month (månad, i month) eller year (år, i year); "
            "med about_iri och property_iri det som skiljer raderna åt (primärnyckeln; aldrig tom)",
            output=False,
        ),
        Column(
            "date",
            "the date, when it is known to the day",
            "datum, när det är känt på dagen",
            "{+property_iri}",
            datatype="date",
            about="{+about_iri}",
        ),
        Column(
            "month",
            "the month, when only the month is known",
            "månaden, när bara månaden är känd",
            "{+property_iri}",
            datatype="gYearMonth",
            about="{+about_iri}",
        ),
        Column(
            "year",
            "the year, when only the year is known",
            "året, när bara året är känt",
            "{+property_iri}",
            datatype="gYear",
            about="{+about_iri}",
        ),
    ),
    key=("about_iri", "property_iri", "precision"),
    about=None,
    order=("about_iri", "property_iri", "date", "month", "year"),
)

COUNTS = Table(
    "counts",
    "Numbers as the sources state them",
    "Antal som källorna anger dem",
    PREFIXES
    + f"""SELECT DISTINCT * WHERE {{
  VALUES ?property_iri {{ sakrad:invitedOrganisationCount sakrad:participatingOrganisationCount sakrad:participantCount }}
  ?meeting_iri ?property_iri ?iri . ?iri a sakrad:StatedCount . ?meeting_iri a sakrad:Sakrad . {_kind("meeting_iri", "meeting")} {_id("meeting_iri")}
  BIND(REPLACE(STR(?property_iri), "^.*[#/]", "") AS ?count)
  OPTIONAL {{ ?iri schema:value ?value }} OPTIONAL {{ ?iri sakrad:approximate ?approximate }}
  OPTIONAL {{ ?iri schema:minValue ?at_least }} OPTIONAL {{ ?iri schema:maxValue ?at_most }}
  {_text("iri", "sakrad:wording", "wording")} OPTIONAL {{ ?iri sakrad:countedGroup ?counted_group_sv }}
  OPTIONAL {{ ?iri dct:source ?source_iri }}
}}""",
    (
        _MEETING_ID,
        Column("meeting_iri", "the sakråd", "sakrådet", output=False),
        Column(
            "count",
            "what is counted (invitedOrganisationCount, participatingOrganisationCount, participantCount)",
            "vad som räknas",
            output=False,
        ),
        Column(
            "property_iri",
            "what is counted, as a property IRI",
            "vad som räknas, som egenskapens IRI",
            "{+property_iri}",
            link="{+iri}",
            about="{+meeting_iri}",
        ),
        _iri("the stated count's IRI", "antalets IRI"),
        _type(SAKRAD + "StatedCount"),
        Column(
            "value",
            "the number, where the words give one (empty where they give only a bound: at_least, at_most)",
            "talet, där orden ger ett (tomt där de bara ger en gräns: at_least, at_most)",
            SCHEMA + "value",
            datatype="nonNegativeInteger",
        ),
        Column(
            "at_least",
            'the lower bound the words give, not the number ("drygt 50", "över 50", "minst 50")',
            'den nedre gräns orden ger, inte talet ("drygt 50", "över 50", "minst 50")',
            SCHEMA + "minValue",
            datatype="nonNegativeInteger",
        ),
        Column(
            "at_most",
            'the upper bound the words give, not the number ("knappt 50", "nästan 50")',
            'den övre gräns orden ger, inte talet ("knappt 50", "nästan 50")',
            SCHEMA + "maxValue",
            datatype="nonNegativeInteger",
        ),
        Column(
            "approximate",
            'whether the number is approximate ("ett sextiotal")',
            "om talet är ungefärligt",
            SAKRAD + "approximate",
            datatype="boolean",
        ),
        *_texts("wording", SAKRAD + "wording", "the source's words", "källans ord"),
        Column(
            "counted_group_sv",
            "the one group the count counts, in the source's words, where it counts one and not everyone (its number "
            "is then that group's only; two groups' counts of one sakråd are never a total); empty for a count of all",
            "den enda grupp antalet räknar, med källans ord, där det räknar en grupp och inte alla (talet gäller då "
            "bara den gruppen; två gruppers antal för ett sakråd är aldrig en summa); tomt för ett antal av alla",
            SAKRAD + "countedGroup",
            lang="sv",
        ),
        _SOURCE,
    ),
    key=("meeting_iri", "property_iri", "iri"),
)


def _items(name: str, en: str, sv: str, prop: str, cls: str, kinds: tuple[tuple[str, str], ...] = ()) -> Table:
    """Questions or discussion areas of each sakråd, in the source's order; with ``kinds`` (property,
    kind), the items of each of those properties, told apart by a ``kind`` column (``prop`` is then the
    template of the one each row has)."""
    values = " ".join(f'({p} "{k}")' for p, k in kinds)
    return Table(
        name,
        en,
        sv,
        PREFIXES
        + f"""SELECT DISTINCT * WHERE {{
  {f"VALUES (?property_iri ?kind) {{ {values} }} " if kinds else ""}?meeting_iri {"?property_iri" if kinds else prop} ?iri . ?iri a <{cls}> . ?meeting_iri a sakrad:Sakrad . {_kind("meeting_iri", "meeting")} {_id("meeting_iri")}
  OPTIONAL {{ ?iri schema:position ?position }} {_text("iri", "schema:text", "text")}
  OPTIONAL {{ ?iri dct:source ?source_iri }}
}}""",
        (
            _MEETING_ID,
            Column(
                "meeting_iri",
                "the sakråd it is part of",
                "sakrådet den hör till",
                DCT + "isPartOf",
                link="{+meeting_iri}",
            ),
            *(_AREA_KINDS if kinds else ()),
            Column(
                "sakrad_link",
                "the sakråd has it",
                "sakrådet har den",
                prop.replace("sakrad:", SAKRAD),
                link="{+iri}",
                about="{+meeting_iri}",
                virtual=True,
            ),
            Column(
                "position",
                "its place in the source's order",
                "plats i källans ordning",
                SCHEMA + "position",
                datatype="integer",
            ),
            _iri("its IRI", "dess IRI"),
            _type(cls),
            *_texts("text", SCHEMA + "text", "the text, word for word", "texten, ordagrant"),
            _SOURCE,
        ),
        key=("iri",),
        references={"meeting_iri": "meetings"},
        order=("meeting_id", "position", "iri"),
    )


#: A discussion area's kind: said to be discussed, or announced before the sakråd and not said to be.
_AREA_KINDS = (
    Column(
        "kind",
        "discussed: a source says the sakråd discussed it (sakrad:discussionArea); announced: a document "
        "announced it for discussion before the sakråd and none says it was discussed "
        "(sakrad:announcedDiscussionArea), as every area of a sakråd only announced",
        "diskuterat: en källa säger att sakrådet diskuterade det (sakrad:discussionArea); aviserat: ett dokument "
        "aviserade det för diskussion före sakrådet och inget säger att det diskuterades "
        "(sakrad:announcedDiscussionArea), som varje område i ett sakråd som bara kungjorts",
        output=False,
    ),
    Column(
        "property_iri",
        "which of the two, as a property IRI",
        "vilket av de två, som egenskapens IRI",
        output=False,
    ),
)


QUESTIONS = _items(
    "questions",
    "Questions put to the organisations",
    "Frågor till organisationerna",
    "sakrad:question",
    SCHEMA + "Question",
)
DISCUSSION_AREAS = _items(
    "discussion-areas",
    "Discussion areas and agenda items, discussed or announced",
    "Diskussionsområden och punkter, diskuterade eller aviserade",
    "{+property_iri}",
    SAKRAD + "DiscussionArea",
    kinds=(("sakrad:discussionArea", "discussed"), ("sakrad:announcedDiscussionArea", "announced")),
)

PARTICIPATIONS = Table(
    "participations",
    # whole words, no "…": a title shown in full where it is listed (the start page's downloads)
    "Who had which role in each sakråd: convener, chair, participating organisation, government participant and"
    " every other role",
    "Vem som hade vilken roll i varje sakråd: sammankallande, ordförande, deltagande organisation, från"
    " Regeringskansliet och varje annan roll",
    PREFIXES
    + f"""SELECT DISTINCT * WHERE {{
  ?meeting_iri m8g:hasParticipation ?iri . ?iri a m8g:Participation . ?meeting_iri a sakrad:Sakrad . {_kind("meeting_iri", "meeting")}
  {_id("meeting_iri")}
  ?iri m8g:role ?role_iri . BIND(REPLACE(STR(?role_iri), "^.*[#/]", "") AS ?role)
  ?iri m8g:hasParticipant ?participant_iri . {_label("participant_iri", "participant")}
  OPTIONAL {{ ?iri <{RDFS}label> ?participant_named_as_sv FILTER(LANG(?participant_named_as_sv) = "sv") }}
  BIND(EXISTS {{ ?participant_iri m8g:participates ?iri }} AS ?participates)
  OPTIONAL {{ ?iri schema:position ?position }}
  OPTIONAL {{ ?iri sakrad:inCapacityOf ?in_capacity_of_iri {_label("in_capacity_of_iri", "in_capacity_of")} }}
  {_text("iri", "dct:description", "description")} OPTIONAL {{ ?iri dct:source ?source_iri }}
}}""",
    (
        _MEETING_ID,
        Column(
            "meeting_iri", "the sakråd", "sakrådet", M8G + "hasParticipation", link="{+iri}", about="{+meeting_iri}"
        ),
        _iri("the participation's IRI (one agent in one role)", "medverkans IRI (en aktör i en roll)"),
        _type(M8G + "Participation"),
        Column(
            "role",
            "the role (chair, convener, participatingOrganisation, …)",
            "rollen (ordförande, sammankallande, deltagande organisation …)",
            output=False,
        ),
        Column("role_iri", "the role", "rollen", M8G + "role", link="{+role_iri}"),
        Column(
            "participant",
            "who holds the role (name); whether they took part depends on the role: a convener may only have invited",
            "vem som har rollen (namn); om de deltog beror på rollen: en sammankallande kan bara ha bjudit in",
            output=False,
        ),
        Column(
            "participant_iri",
            "who holds the role (m8g:hasParticipant, whatever the role)",
            "vem som har rollen (m8g:hasParticipant, vilken roll det än är)",
            M8G + "hasParticipant",
            link="{+participant_iri}",
        ),
        Column(
            "participant_named_as_sv",
            "the name this participation's source writes for the participant, where the organisation's own name "
            "(participant) is another document's; empty where they agree",
            "namnet som medverkans källa skriver för deltagaren, där organisationens eget namn (participant) är ett "
            "annat dokuments; tomt där de stämmer överens",
            RDFS + "label",
            lang="sv",
        ),
        Column(
            "participates",
            "true: the agent is linked back to this role (m8g:participates); says nothing more than the role",
            "true: aktören är länkad tillbaka till rollen (m8g:participates); säger inget mer än rollen",
            M8G + "participates",
            link="{+iri}",
            about="{+participant_iri}",
            datatype="boolean",
            null="false",
        ),
        Column(
            "position",
            "its place in the source's list of organisations",
            "plats i källans lista",
            SCHEMA + "position",
            datatype="integer",
        ),
        Column("in_capacity_of", "in which post (name)", "i vilken egenskap (namn)", output=False),
        Column(
            "in_capacity_of_iri",
            "in which post",
            "i vilken egenskap",
            SAKRAD + "inCapacityOf",
            link="{+in_capacity_of_iri}",
        ),
        *_texts(
            "description",
            DCT + "description",
            "how the source describes the participant",
            "hur källan beskriver deltagaren",
        ),
        _SOURCE,
    ),
    key=("iri",),
    references={"meeting_iri": "meetings"},
    order=("meeting_id", "role", "position", "participant_iri", "iri"),
)

ORGANISATIONS = Table(
    "organisations",
    "Organisations",
    "Organisationer",
    PREFIXES
    + f"""SELECT ?id ?iri ?name_sv ?name_en ?legal_name_sv ?website
       (GROUP_CONCAT(?alt; separator="\\u001F") AS ?alt_names_sv) WHERE {{
  ?iri a org:Organization . {_kind("iri", "organisation")} {_id()}
  {_text("iri", "skos:prefLabel", "name")}
  OPTIONAL {{ ?iri skos:altLabel ?alt FILTER(LANG(?alt) = "sv") }}
  OPTIONAL {{ ?iri legal:legalName ?legal_name_sv FILTER(LANG(?legal_name_sv) = "sv") }}
  OPTIONAL {{ ?iri foaf:homepage ?website }}
}} GROUP BY ?id ?iri ?name_sv ?name_en ?legal_name_sv ?website""",
    (
        _id_column("the organisation's id", "organisationens id"),
        _iri("the organisation's IRI", "organisationens IRI"),
        _type(ORG + "Organization"),
        *_texts("name", SKOS + "prefLabel", "name", "namn"),
        Column(
            "alt_names_sv",
            "other names sources use, separated by |",
            "andra namn som källor använder, åtskilda av |",
            SKOS + "altLabel",
            lang="sv",
            separator="|",
        ),
        Column(
            "legal_name_sv",
            "the name a source gives as the registered one, not read in a register itself: in this data a "
            "secondary source (a mirror of Skatteverket's list of approved gift recipients); the source is "
            "the named graph that holds the name in sakrad.nq",
            "det namn en källa anger som det registrerade, inte läst i ett register självt: i dessa data en "
            "sekundär källa (en spegel av Skatteverkets lista över godkända gåvomottagare); källan är "
            "den namngivna graf som håller namnet i sakrad.nq",
            LEGAL + "legalName",
            lang="sv",
        ),
        _WEBSITE,
    ),
    key=("id",),
)

BODIES = Table(
    "bodies",
    "Government bodies",
    "Regeringskansliet, departement och myndigheter",
    PREFIXES
    + f"""SELECT DISTINCT * WHERE {{
  ?iri a org:Organization . {_kind("iri", "body")} {_id()}
  {_text("iri", "skos:prefLabel", "name")} {_text("iri", "sakrad:translationDerivation", "name_en_derivation")}
  OPTIONAL {{ ?iri org:unitOf ?unit_of_iri }} OPTIONAL {{ ?iri org:subOrganizationOf ?sub_organisation_of_iri }}
  {_text("iri", "sakrad:unitOfDerivation", "unit_of_derivation")}
  OPTIONAL {{ ?iri foaf:homepage ?website }}
}}""",
    (
        _id_column("the body's id", "id"),
        _iri("the body's IRI", "IRI"),
        _type(ORG + "Organization"),
        *_texts("name", SKOS + "prefLabel", "name", "namn"),
        Column(
            "unit_of_iri",
            "the public organisation it is a unit of",
            "den offentliga organisation den är en del av",
            ORG + "unitOf",
            link="{+unit_of_iri}",
        ),
        Column(
            "sub_organisation_of_iri",
            "the body it is a unit of",
            "den enhet den hör till",
            ORG + "subOrganizationOf",
            link="{+sub_organisation_of_iri}",
        ),
        *_texts(
            "unit_of_derivation",
            SAKRAD + "unitOfDerivation",
            "why the data places the body in unit_of_iri or sub_organisation_of_iri where no source says so "
            "(the data's own placement, in the dataset's own graph; empty where a source says it)",
            "varför datan placerar organet i unit_of_iri eller sub_organisation_of_iri när ingen källa säger det "
            "(datans egen placering, i datasetets egen graf; tomt där en källa säger det)",
        ),
        *_texts(
            "name_en_derivation",
            SAKRAD + "translationDerivation",
            "why the English name (name_en) is the data's own translation, no source's (empty where a source gives it)",
            "varför det engelska namnet (name_en) är datans egen översättning, ingen källas (tomt där en källa "
            "ger det)",
        ),
        _WEBSITE,
    ),
    key=("id",),
)

PEOPLE = Table(
    "people",
    "People",
    "Personer",
    PREFIXES
    + f"""SELECT DISTINCT * WHERE {{
  ?iri a person:Person . {_kind("iri", "person")} {_id()} OPTIONAL {{ ?iri foaf:name ?name }}
}}""",
    (
        _id_column("the person's id", "personens id"),
        _iri("the person's IRI", "personens IRI"),
        _type(PERSON + "Person"),
        Column("name", "name", "namn", FOAF + "name"),
    ),
    key=("id",),
)

POSTS = Table(
    "posts",
    "Posts",
    "Befattningar",
    PREFIXES
    + f"""SELECT DISTINCT * WHERE {{
  ?iri a org:Post . {_kind("iri", "post")} {_id()} {_text("iri", "skos:prefLabel", "label")}
  OPTIONAL {{ ?iri org:postIn ?post_in_iri }} {_text("iri", "sakrad:postInDerivation", "post_in_derivation")}
  OPTIONAL {{ ?iri org:reportsTo ?reports_to_iri }} {_text("iri", "sakrad:reportsToDerivation", "reports_to_derivation")}
  {_text("iri", "sakrad:translationDerivation", "label_en_derivation")}
}}""",
    (
        _id_column("the post's id", "befattningens id"),
        _iri("the post's IRI", "befattningens IRI"),
        _type(ORG + "Post"),
        *_texts("label", SKOS + "prefLabel", "name of the post", "befattningens namn"),
        Column(
            "post_in_iri", "the body the post is in", "där befattningen finns", ORG + "postIn", link="{+post_in_iri}"
        ),
        *_texts(
            "post_in_derivation",
            SAKRAD + "postInDerivation",
            "why the data places the post in that body where its source does not name it (the data's own placement)",
            "varför datan placerar befattningen där när källan inte nämner det (datans egen placering)",
        ),
        Column(
            "reports_to_iri",
            "the post it reports to",
            "befattningen den rapporterar till",
            ORG + "reportsTo",
            link="{+reports_to_iri}",
        ),
        *_texts(
            "reports_to_derivation",
            SAKRAD + "reportsToDerivation",
            "why the data says the post reports to reports_to_iri where no source says so (the data's own, in "
            "the dataset's own graph; empty where a source says it)",
            "varför datan anger att befattningen rapporterar till reports_to_iri när ingen källa säger det "
            "(datans egen uppgift, i datasetets egen graf; tomt där en källa säger det)",
        ),
        *_texts(
            "label_en_derivation",
            SAKRAD + "translationDerivation",
            "why the English name (label_en) is the data's own translation, no source's (empty where a source "
            "gives it)",
            "varför det engelska namnet (label_en) är datans egen översättning, ingen källas (tomt där en källa "
            "ger det)",
        ),
    ),
    key=("id",),
)

POST_HOLDINGS = Table(
    "post-holdings",
    "Posts held, as a source shows them",
    "Befattningar som en källa visar att någon hade",
    PREFIXES
    + f"""SELECT DISTINCT * WHERE {{
  ?iri a sakrad:PostHolding ; org:member ?person_iri . {_kind("person_iri", "person")} {_label("person_iri", "person")}
  BIND(EXISTS {{ ?person_iri sakrad:heldPost ?iri }} AS ?held)
  OPTIONAL {{ ?iri sakrad:post ?post_iri {_label("post_iri", "post")} }}
  OPTIONAL {{ ?iri org:organization ?organisation_iri }}
  BIND(EXISTS {{ ?iri sakrad:post ?placed_ ; org:organization ?in_ . ?placed_ org:postIn ?in_ ;
                 sakrad:postInDerivation ?why_ }} AS ?organisation_derived)
  {_dated("iri", "sakrad:attestedOn", "attested_", ATTESTED_DATE_COLUMNS)} OPTIONAL {{ ?iri dct:source ?source_iri }}
  {_dated("iri", "sakrad:derivedDate", "derived_", DERIVED_DATE_COLUMNS)} {_text("iri", "sakrad:derivation", "derivation")}
}}""",
    (
        Column("person", "who (name)", "vem (namn)", output=False),
        Column("person_iri", "who", "vem", ORG + "member", link="{+person_iri}"),
        Column(
            "held",
            "true: the person is linked to this holding",
            "true: personen är länkad till posten",
            SAKRAD + "heldPost",
            link="{+iri}",
            about="{+person_iri}",
            datatype="boolean",
            null="false",
        ),
        _iri("the holding's IRI", "IRI"),
        _type(SAKRAD + "PostHolding"),
        Column("post", "the post (name)", "befattningen (namn)", output=False),
        Column("post_iri", "the post", "befattningen", SAKRAD + "post", link="{+post_iri}"),
        Column(
            "organisation_iri",
            "the body the post is in",
            "där befattningen finns",
            ORG + "organization",
            link="{+organisation_iri}",
        ),
        Column(
            "organisation_derived",
            "true: the body is the data's own placement of the post, no source's (the post's "
            "post_in_derivation_sv/_en in posts.csv say why; the fact is in the dataset's own graph)",
            "true: enheten är datans egen placering av befattningen, ingen källas (befattningens "
            "post_in_derivation_sv/_en i posts.csv säger varför; uppgiften står i datasetets egen graf)",
            datatype="boolean",
            output=False,
        ),
        *_date_columns(
            ATTESTED_DATE_COLUMNS,
            "the date the source states the post was held on (empty when the source's text states none: then "
            "derived_date, derived_month or derived_year has the date worked out; as RDF in dates.csv)",
            "datum som källan anger att posten innehades (tomt när källans text inte anger något: då står det "
            "framräknade datumet i derived_date, derived_month eller derived_year; som RDF i dates.csv)",
        ),
        *_date_columns(
            DERIVED_DATE_COLUMNS,
            "the date worked out where the source's text states none (its publication date, say; how, in "
            "derivation_sv/_en; never in attested_on, attested_month or attested_year; as RDF, sakrad:derivedDate, "
            "in dates.csv)",
            "datum som räknats fram där källans text inte anger något (dess publiceringsdatum, till exempel; hur, "
            "i derivation_sv/_en; aldrig i attested_on, attested_month eller attested_year; som RDF, "
            "sakrad:derivedDate, i dates.csv)",
        ),
        *_texts(
            "derivation",
            SAKRAD + "derivation",
            "how a date the source's text does not state was worked out",
            "hur ett datum som källans text inte anger räknades fram",
        ),
        _SOURCE,
    ),
    key=("person_iri", "post_iri", "iri"),
)

IDENTIFIERS = Table(
    "identifiers",
    "Identifiers and links to registers",
    "Identifierare och länkar till register",
    PREFIXES
    + f"""SELECT DISTINCT * WHERE {{
  ?holder_iri adms:identifier ?iri . ?iri a adms:Identifier . FILTER(STRSTARTS(STR(?holder_iri), "$ID")) {_label("holder_iri", "holder")}
  OPTIONAL {{ ?iri skos:notation ?notation }} OPTIONAL {{ ?iri dct:conformsTo ?scheme_iri }}
  OPTIONAL {{ ?iri adms:schemeAgency ?scheme_agency }}
  OPTIONAL {{ ?iri adms:status ?status_iri BIND(REPLACE(STR(?status_iri), "^.*[#/]", "") AS ?status) }}
  BIND(EXISTS {{ ?holder_iri legal:legalIdentifier ?iri }} AS ?legal)
  OPTIONAL {{ ?iri dct:conformsTo/void:uriSpace ?space }} BIND(IRI(CONCAT(STR(?space), STR(?notation))) AS ?target)
  OPTIONAL {{
    VALUES ?link_property_iri {{ owl:sameAs skos:exactMatch skos:closeMatch }}
    ?holder_iri ?link_property_iri ?target_iri . FILTER(?target_iri = ?target)
  }}
  OPTIONAL {{ ?iri dct:source ?source_iri }} OPTIONAL {{ ?iri prov:wasDerivedFrom ?derived_from_iri }}
  {_text("iri", "skos:note", "note")} {_text("iri", "sakrad:derivation", "derivation")}
}}""",
    (
        Column("holder", "whose identifier (name)", "vems identifierare (namn)", output=False),
        Column(
            "holder_iri",
            "whose identifier",
            "vems identifierare",
            ADMS + "identifier",
            link="{+iri}",
            about="{+holder_iri}",
        ),
        _iri("the identifier's IRI", "identifierarens IRI"),
        _type(ADMS + "Identifier"),
        Column(
            "notation",
            "the identifier (an organisation number, a register's local name)",
            "identifieraren (organisationsnummer, namnet i registret)",
            SKOS + "notation",
        ),
        Column(
            "scheme_iri", "the scheme or register", "systemet eller registret", DCT + "conformsTo", link="{+scheme_iri}"
        ),
        Column("scheme_agency", "who keeps the register", "vem som för registret", ADMS + "schemeAgency"),
        Column(
            "status",
            "how it was verified (RegisterConfirmed, RegisterCopy, SecondarySource, RetiredEntry, Derived)",
            "hur den kontrollerades",
            output=False,
        ),
        Column("status_iri", "how it was verified", "hur den kontrollerades", ADMS + "status", link="{+status_iri}"),
        Column(
            "legal",
            "true: the holder's legal identifier (a confirmed organisation number)",
            "true: innehavarens rättsliga identifierare (bekräftat organisationsnummer)",
            LEGAL + "legalIdentifier",
            link="{+iri}",
            about="{+holder_iri}",
            datatype="boolean",
            null="false",
        ),
        Column(
            "link_property_iri",
            "how the holder is linked to the register's IRI (owl:sameAs, skos:exactMatch)",
            "hur innehavaren länkas till registrets IRI",
            output=False,
        ),
        Column(
            "target_iri",
            "the register's IRI for the holder",
            "registrets IRI för innehavaren",
            "{+link_property_iri}",
            link="{+target_iri}",
            about="{+holder_iri}",
        ),
        Column("source_iri", "where it was read", "var den lästes", DCT + "source", link="{+source_iri}"),
        Column(
            "derived_from_iri",
            "the identifier it was worked out from",
            "identifieraren den härleddes från",
            PROV + "wasDerivedFrom",
            link="{+derived_from_iri}",
        ),
        *_texts("note", SKOS + "note", "a note", "en anmärkning"),
        *_texts("derivation", SAKRAD + "derivation", "how it was worked out", "hur den räknades fram"),
    ),
    key=("holder_iri", "iri"),
)

SOURCES = Table(
    "sources",
    "Sources",
    "Källor",
    PREFIXES
    + f"""SELECT DISTINCT * WHERE {{
  ?iri a foaf:Document . {_kind("iri", "source")} {_id()} {_text("iri", "dct:title", "title")}
  OPTIONAL {{
    VALUES ?kind_iri {{ schema:Report schema:WebPage schema:Dataset schema:DigitalDocument schema:Article
                       schema:NewsArticle }}
    ?iri a ?kind_iri }}
  BIND(REPLACE(STR(?kind_iri), "^.*[#/]", "") AS ?kind)
  OPTIONAL {{ ?iri schema:url ?url }} OPTIONAL {{ ?iri dct:publisher ?publisher_iri }}
}}""",
    (
        _id_column("the source's id", "källans id"),
        _iri("the source's IRI", "källans IRI"),
        _type(FOAF + "Document"),
        *_texts("title", DCT + "title", "title", "titel"),
        Column(
            "kind", "what kind of document (Report, WebPage, NewsArticle, …)", "vilken sorts dokument", output=False
        ),
        Column("kind_iri", "what kind of document", "vilken sorts dokument", "rdf:type", link="{+kind_iri}"),
        Column("url", "where it is published", "var den är publicerad", SCHEMA + "url", datatype="anyURI"),
        Column("publisher_iri", "who published it", "vem som gav ut den", DCT + "publisher", link="{+publisher_iri}"),
    ),
    key=("id",),
)

CITATIONS = Table(
    "citations",
    "Which sources each sakråd, organisation, body, post and person comes from",
    "Vilka källor varje sakråd, organisation, enhet, befattning och person kommer från",
    PREFIXES
    + """SELECT DISTINCT * WHERE {
  ?about_iri dct:source ?source_iri .
  FILTER(REGEX(STR(?about_iri), CONCAT("^", "$ID", "(meeting|organisation|body|post|person)/[^/]+$")))
  BIND(REPLACE(STR(?about_iri), "^.*/", "") AS ?about_id)
  BIND(REPLACE(STR(?source_iri), "^.*/", "") AS ?source_id)
}""",
    (
        Column("about_id", "the id of what is sourced", "id för det som har källan", output=False),
        Column("about_iri", "what is sourced", "det som har källan", output=False),
        Column("source_id", "the source's id", "källans id", output=False),
        Column("source_iri", "the source", "källan", DCT + "source", link="{+source_iri}", about="{+about_iri}"),
    ),
    key=("about_iri", "source_iri"),
    about=None,
)

#: Every table of a release, in the order the metadata lists them.
TABLES: tuple[Table, ...] = (
    MEETINGS,
    DATES,
    COUNTS,
    QUESTIONS,
    DISCUSSION_AREAS,
    PARTICIPATIONS,
    ORGANISATIONS,
    BODIES,
    PEOPLE,
    POSTS,
    POST_HOLDINGS,
    IDENTIFIERS,
    SOURCES,
    CITATIONS,
)
