"""The tables' query solutions drawn from the graph's index in memory, without a store or SPARQL.

Each table is defined by its SPARQL query (:mod:`.definitions`); a function here gives, for an
:class:`~sakrad_ld.triples.Index`, the solutions that query gives over the same triples: one
mapping of variable name to value per solution, with the same multiplicity (a hidden variable such
as a second Swedish label makes a second solution, as it does under ``SELECT DISTINCT *``, and so
a duplicate row the table refuses). A value is a term, or a string where the query makes one
(``REPLACE``, ``EXISTS``, ``GROUP_CONCAT``); an unbound variable is absent.

At 10,000 meetings the queries took 26 s over a store that took 6.4 s to load (21 s of them the
participations table's 255,740 rows); these take a few seconds over the index the build already
holds (docs/performance.md). ``tests/test_tables_solutions.py`` holds every table's rows from here
equal to its rows from the query, so the two cannot drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import product

import pyoxigraph as ox

from ..triples import RDF_TYPE, Index, Term
from .definitions import (
    ADMS,
    ATTESTED_DATE_COLUMNS,
    DCT,
    DERIVED_DATE_COLUMNS,
    FOAF,
    LEGAL,
    M8G,
    ORG,
    PERSON,
    PROV,
    SAKRAD,
    SCHEMA,
    SKOS,
    STATED_DATE_COLUMNS,
)
from .model import GROUP_SEPARATOR, XSD, Table

__all__ = ["SOLUTIONS", "Solution", "solutions"]

Solution = dict[str, object]
#: The values a part of a query binds: one mapping per way it matches (none: it binds nothing).
Bindings = list[Solution]

_TRUE, _FALSE = "true", "false"
_NONE: Bindings = [{}]


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


# The terms the queries name (each made once).
_DCT_TITLE, _DCT_SOURCE, _DCT_DESCRIPTION = _n(DCT + "title"), _n(DCT + "source"), _n(DCT + "description")
_DCT_SPATIAL, _DCT_CONFORMS, _DCT_PUBLISHER = _n(DCT + "spatial"), _n(DCT + "conformsTo"), _n(DCT + "publisher")
_DCT_ISSUED = _n(DCT + "issued")
_FOAF_NAME, _FOAF_HOMEPAGE, _FOAF_DOCUMENT = _n(FOAF + "name"), _n(FOAF + "homepage"), _n(FOAF + "Document")
_SKOS_PREF, _SKOS_ALT, _SKOS_NOTATION = _n(SKOS + "prefLabel"), _n(SKOS + "altLabel"), _n(SKOS + "notation")
_SKOS_NOTE, _SKOS_EXACT, _SKOS_CLOSE = _n(SKOS + "note"), _n(SKOS + "exactMatch"), _n(SKOS + "closeMatch")
_SCHEMA_START, _SCHEMA_END, _SCHEMA_ORGANIZER = (
    _n(SCHEMA + "startDate"),
    _n(SCHEMA + "endDate"),
    _n(SCHEMA + "organizer"),
)
_SCHEMA_VALUE, _SCHEMA_POSITION, _SCHEMA_TEXT = _n(SCHEMA + "value"), _n(SCHEMA + "position"), _n(SCHEMA + "text")
_SCHEMA_URL = _n(SCHEMA + "url")
_ORG_ORGANIZATION, _ORG_POST, _ORG_MEMBER = _n(ORG + "Organization"), _n(ORG + "Post"), _n(ORG + "member")
_ORG_UNIT_OF, _ORG_SUB_OF, _ORG_POST_IN = _n(ORG + "unitOf"), _n(ORG + "subOrganizationOf"), _n(ORG + "postIn")
_ORG_REPORTS_TO, _ORG_ORGANISATION = _n(ORG + "reportsTo"), _n(ORG + "organization")
_M8G_HAS_PARTICIPATION, _M8G_PARTICIPATION = _n(M8G + "hasParticipation"), _n(M8G + "Participation")
_M8G_ROLE, _M8G_HAS_PARTICIPANT, _M8G_PARTICIPATES = (
    _n(M8G + "role"),
    _n(M8G + "hasParticipant"),
    _n(M8G + "participates"),
)
_ADMS_IDENTIFIER_P, _ADMS_IDENTIFIER = _n(ADMS + "identifier"), _n(ADMS + "Identifier")
_ADMS_AGENCY, _ADMS_STATUS = _n(ADMS + "schemeAgency"), _n(ADMS + "status")
_LEGAL_NAME, _LEGAL_IDENTIFIER = _n(LEGAL + "legalName"), _n(LEGAL + "legalIdentifier")
_PROV_DERIVED = _n(PROV + "wasDerivedFrom")
_PERSON = _n(PERSON + "Person")
_OWL_SAME_AS = _n("http://www.w3.org/2002/07/owl#sameAs")
_VOID_URI_SPACE = _n("http://rdfs.org/ns/void#uriSpace")
_SAKRAD, _SAKRAD_SERIES = _n(SAKRAD + "Sakrad"), _n(SAKRAD + "SakradSeries")
_STATED_COUNT, _POST_HOLDING = _n(SAKRAD + "StatedCount"), _n(SAKRAD + "PostHolding")
_DISCUSSION_AREA, _QUESTION = _n(SAKRAD + "DiscussionArea"), _n(SCHEMA + "Question")


def _s(local: str) -> ox.NamedNode:
    return _n(SAKRAD + local)


_IN_CAPACITY_OF = _s("inCapacityOf")
_DERIVED_DATE = _s("derivedDate")
_DATED = (_SCHEMA_START, _SCHEMA_END, _DERIVED_DATE, _s("attestedOn"), _DCT_ISSUED)
_DATE_TYPES = {XSD + "date": "date", XSD + "gYearMonth": "month", XSD + "gYear": "year"}
#: The precision of a date (``dates.csv``'s ``precision``) by the column its value is in.
_PRECISION = {"date": "day", "month": "month", "year": "year"}
_COUNTED = (_s("invitedOrganisationCount"), _s("participatingOrganisationCount"), _s("participantCount"))
_LINKS = (_OWL_SAME_AS, _SKOS_EXACT, _SKOS_CLOSE)
_KINDS = tuple(_n(SCHEMA + k) for k in ("Report", "WebPage", "Dataset", "DigitalDocument", "Article", "NewsArticle"))


class _Graph:
    """The index, and the look-ups the queries' patterns are made of."""

    def __init__(self, index: Index, id_base: str) -> None:
        self.index = index
        self.id_base = id_base
        self.objects = index.objects
        self._kinds: dict[str, Callable[[str], object]] = {}

    def of_kind(self, cls: ox.NamedNode, kind: str) -> Iterator[ox.NamedNode]:
        """``?x a cls`` with ``FILTER(REGEX(STR(?x), "^$ID{kind}/[^/]+$"))``."""
        matches = self.kind(kind)
        for x in self.index.subjects_of(RDF_TYPE, cls):
            if isinstance(x, ox.NamedNode) and matches(x.value):
                yield x

    def kind(self, kind: str) -> Callable[[str], object]:
        """The test of ``_kind``'s REGEX, as the query writes it (the base is a pattern there too)."""
        matches = self._kinds.get(kind)
        if matches is None:
            matches = self._kinds[kind] = re.compile(f"^{self.id_base}{kind}/[^/]+$").match
        return matches

    def has(self, s: Term, p: ox.NamedNode, o: Term) -> bool:
        """Whether the graph has ``(s, p, o)``, searched in the shorter of its two lists (an
        organisation ``m8g:participates`` in thousands of participations, each has one participant)."""
        objects = self.objects(s, p)
        if len(objects) > 8:
            subjects = self.index.subjects_of(p, o)
            if len(subjects) < len(objects):
                return s in subjects
        return o in objects

    def optional(self, s: Term, p: ox.NamedNode, var: str) -> Bindings:
        """``OPTIONAL { ?s p ?var }``."""
        return [{var: o} for o in self.objects(s, p)] or _NONE

    def text(self, s: Term, p: ox.NamedNode, stem: str) -> tuple[Bindings, Bindings]:
        """``_text``: the Swedish and the English values, each an OPTIONAL filtered by LANG."""
        objects = self.objects(s, p)
        if not objects:
            return _NONE, _NONE
        return (
            [{f"{stem}_sv": o} for o in objects if isinstance(o, ox.Literal) and o.language == "sv"] or _NONE,
            [{f"{stem}_en": o} for o in objects if isinstance(o, ox.Literal) and o.language == "en"] or _NONE,
        )

    def label(self, s: Term, out: str) -> Bindings:
        """``_label``: the Swedish label or else the name, one solution per pair of them."""
        labels = [o for o in self.objects(s, _SKOS_PREF) if isinstance(o, ox.Literal) and o.language == "sv"]
        names = self.objects(s, _FOAF_NAME)
        if not labels and not names:
            return _NONE
        return [
            {out: label if label is not None else name} if label is not None or name is not None else {}
            for label, name in product(labels or (None,), names or (None,))
        ]


def _local(term: object) -> str | None:
    """``REPLACE(STR(?x), "^.*[#/]", "")``: what follows the last ``#`` or ``/`` (unbound for a blank node)."""
    if isinstance(term, ox.BlankNode) or term is None:
        return None
    value: str = term.value  # type: ignore[attr-defined]
    return value[max(value.rfind("#"), value.rfind("/")) + 1 :]


def _last_segment(term: object) -> str | None:
    """``REPLACE(STR(?x), "^.*/", "")``."""
    if isinstance(term, ox.BlankNode) or term is None:
        return None
    value: str = term.value  # type: ignore[attr-defined]
    return value[value.rfind("/") + 1 :]


def _exists(flag: bool) -> str:
    return _TRUE if flag else _FALSE


def _join(base: Solution, parts: Sequence[Bindings]) -> Iterator[Solution]:
    """Every solution of ``base`` joined with one binding of each part (the OPTIONALs' product)."""
    many = []
    for part in parts:
        if len(part) == 1:
            base.update(part[0])
        else:
            many.append(part)
    if not many:
        yield base
        return
    for choice in product(*many):
        solution = dict(base)
        for binding in choice:
            solution.update(binding)
        yield solution


def _put(solution: Solution, name: str, value: object) -> None:
    if value is not None:
        solution[name] = value


def _meetings(g: _Graph) -> Iterator[Solution]:
    for iri in g.of_kind(_SAKRAD, "meeting"):
        base: Solution = {"iri": iri, "series": _exists(g.has(iri, RDF_TYPE, _SAKRAD_SERIES))}
        announced = g.objects(iri, _s("announcedOnly"))
        base["announced_only"] = _exists(any(isinstance(o, ox.Literal) and o.value == "true" for o in announced))
        _put(base, "id", _last_segment(iri))
        parts: list[Bindings] = [*g.text(iri, _s("heldDerivation"), "held_derivation")]
        parts.append(g.optional(iri, _s("heldDerivedFrom"), "held_derived_from_iri"))
        parts += [*g.text(iri, _DCT_TITLE, "title"), *g.text(iri, _s("topic"), "topic")]
        parts.append(_dated(g, iri, _SCHEMA_START, STATED_DATE_COLUMNS))
        parts.append(_dated(g, iri, _DERIVED_DATE, DERIVED_DATE_COLUMNS))
        parts.extend(g.text(iri, _s("derivation"), "derivation"))
        parts.extend(g.text(iri, _s("titleDerivation"), "title_derivation"))
        parts.append(_linked(g, iri, _SCHEMA_ORGANIZER, "organiser"))
        parts.append(_linked(g, iri, _DCT_SPATIAL, "place"))
        parts.append(g.optional(iri, _s("listedOrganisationCount"), "listed_organisation_count"))
        parts.append(g.optional(iri, _s("statedPresentationCount"), "stated_presentation_count"))
        parts.append(g.optional(iri, _s("organisationListComplete"), "organisation_list_complete"))
        parts.append(g.optional(iri, _s("caseNumber"), "case_number"))
        for prop, stem in (
            ("invitedDescription", "invited_description"),
            ("purpose", "purpose"),
            ("processDescription", "process"),
            ("presentationsDescription", "presentations_description"),
            ("handlingOfViews", "handling_of_views"),
        ):
            parts.extend(g.text(iri, _s(prop), stem))
        yield from _join(base, parts)


def _linked(g: _Graph, s: Term, p: ox.NamedNode, out: str) -> Bindings:
    """``OPTIONAL { ?s p ?{out}_iri _label(?{out}_iri, out) }``."""
    found = [{f"{out}_iri": o, **label} for o in g.objects(s, p) for label in g.label(o, out)]
    return found or _NONE


def _dated(g: _Graph, s: Term, p: ox.NamedNode, names: tuple[str, str, str]) -> Bindings:
    """``definitions._dated``: ``OPTIONAL { ?s p ?v }`` with the date's lexical form bound to the one
    of ``names`` (a day's, a month's, a year's column) its datatype says, none for another datatype."""
    out = []
    for o in g.objects(s, p):
        column = _DATE_TYPES.get(o.datatype.value) if isinstance(o, ox.Literal) else None
        out.append({names[("date", "month", "year").index(column)]: o.value} if column else {})
    return out or _NONE


def _dates(g: _Graph) -> Iterator[Solution]:
    index, id_base = g.index, g.id_base
    for prop in _DATED:
        name, kind = _local(prop), "derived" if prop == _DERIVED_DATE else "stated"
        for value in index.objects_of(prop):
            if not isinstance(value, ox.Literal) or (column := _DATE_TYPES.get(value.datatype.value)) is None:
                continue
            for about in index.subjects_of(prop, value):
                if isinstance(about, ox.NamedNode) and about.value.startswith(id_base):
                    yield {
                        "about_iri": about,
                        "property_iri": prop,
                        "property": name,
                        "kind": kind,
                        "precision": _PRECISION[column],
                        column: value.value,
                    }


def _counts(g: _Graph) -> Iterator[Solution]:
    for meeting in g.of_kind(_SAKRAD, "meeting"):
        meeting_id = _last_segment(meeting)
        for prop in _COUNTED:
            for iri in g.objects(meeting, prop):
                if not g.has(iri, RDF_TYPE, _STATED_COUNT):
                    continue
                base: Solution = {"meeting_iri": meeting, "meeting_id": meeting_id, "property_iri": prop}
                base["count"], base["iri"] = _local(prop), iri
                parts = [g.optional(iri, _SCHEMA_VALUE, "value"), g.optional(iri, _s("approximate"), "approximate")]
                parts.append(g.optional(iri, _n(SCHEMA + "minValue"), "at_least"))
                parts.append(g.optional(iri, _n(SCHEMA + "maxValue"), "at_most"))
                parts.extend(g.text(iri, _s("wording"), "wording"))
                parts.append(g.optional(iri, _s("countedGroup"), "counted_group_sv"))
                parts.append(g.optional(iri, _DCT_SOURCE, "source_iri"))
                yield from _join(base, parts)


def _items(prop: ox.NamedNode, cls: ox.NamedNode) -> Callable[[_Graph], Iterator[Solution]]:
    def items(g: _Graph) -> Iterator[Solution]:
        for meeting in g.of_kind(_SAKRAD, "meeting"):
            meeting_id = _last_segment(meeting)
            for iri in g.objects(meeting, prop):
                if not g.has(iri, RDF_TYPE, cls):
                    continue
                base: Solution = {"meeting_iri": meeting, "meeting_id": meeting_id, "iri": iri}
                parts = [g.optional(iri, _SCHEMA_POSITION, "position"), *g.text(iri, _SCHEMA_TEXT, "text")]
                parts.append(g.optional(iri, _DCT_SOURCE, "source_iri"))
                yield from _join(base, parts)

    return items


def _areas(g: _Graph) -> Iterator[Solution]:
    """Discussion areas, discussed or announced (the table's ``kind``)."""
    for prop, kind in ((_s("discussionArea"), "discussed"), (_s("announcedDiscussionArea"), "announced")):
        for solution in _items(prop, _DISCUSSION_AREA)(g):
            yield {**solution, "property_iri": prop, "kind": kind}


def _participations(g: _Graph) -> Iterator[Solution]:
    objects, labels = g.objects, {}
    for meeting in g.of_kind(_SAKRAD, "meeting"):
        meeting_id = _last_segment(meeting)
        for iri in objects(meeting, _M8G_HAS_PARTICIPATION):
            if _M8G_PARTICIPATION not in objects(iri, RDF_TYPE):
                continue
            roles = objects(iri, _M8G_ROLE)
            participants = objects(iri, _M8G_HAS_PARTICIPANT)
            if not roles or not participants:
                continue
            position = g.optional(iri, _SCHEMA_POSITION, "position")
            capacity = _linked(g, iri, _IN_CAPACITY_OF, "in_capacity_of")
            described = g.text(iri, _DCT_DESCRIPTION, "description")
            named_as = g.text(iri, _RDFS_LABEL, "participant_named_as")[0]
            source = g.optional(iri, _DCT_SOURCE, "source_iri")
            for role, participant in product(roles, participants):
                base: Solution = {"meeting_iri": meeting, "iri": iri, "role_iri": role, "participant_iri": participant}
                _put(base, "meeting_id", meeting_id)
                _put(base, "role", _local(role))
                base["participates"] = _exists(g.has(participant, _M8G_PARTICIPATES, iri))
                label = labels.get(participant)
                if label is None:
                    label = labels[participant] = g.label(participant, "participant")
                yield from _join(base, [label, named_as, position, capacity, *described, source])


_RDFS_LABEL = _n("http://www.w3.org/2000/01/rdf-schema#label")


def _organisations(g: _Graph) -> Iterator[Solution]:
    for iri in g.of_kind(_ORG_ORGANIZATION, "organisation"):
        alts = [o for o in g.objects(iri, _SKOS_ALT) if isinstance(o, ox.Literal) and o.language == "sv"]
        base: Solution = {"iri": iri, "alt_names_sv": GROUP_SEPARATOR.join(o.value for o in alts)}
        _put(base, "id", _last_segment(iri))
        legal = [o for o in g.objects(iri, _LEGAL_NAME) if isinstance(o, ox.Literal) and o.language == "sv"]
        parts = [*g.text(iri, _SKOS_PREF, "name"), [{"legal_name_sv": o} for o in legal] or _NONE]
        parts.append(g.optional(iri, _FOAF_HOMEPAGE, "website"))
        yield from _join(base, parts)  # GROUP BY every other column: one row per combination


def _bodies(g: _Graph) -> Iterator[Solution]:
    for iri in g.of_kind(_ORG_ORGANIZATION, "body"):
        base: Solution = {"iri": iri}
        _put(base, "id", _last_segment(iri))
        parts = [*g.text(iri, _SKOS_PREF, "name"), *g.text(iri, _s("translationDerivation"), "name_en_derivation")]
        parts += [g.optional(iri, _ORG_UNIT_OF, "unit_of_iri"), g.optional(iri, _ORG_SUB_OF, "sub_organisation_of_iri")]
        parts += [*g.text(iri, _s("unitOfDerivation"), "unit_of_derivation")]
        yield from _join(base, [*parts, g.optional(iri, _FOAF_HOMEPAGE, "website")])


def _people(g: _Graph) -> Iterator[Solution]:
    for iri in g.of_kind(_PERSON, "person"):
        base: Solution = {"iri": iri}
        _put(base, "id", _last_segment(iri))
        yield from _join(base, [g.optional(iri, _FOAF_NAME, "name")])


def _posts(g: _Graph) -> Iterator[Solution]:
    for iri in g.of_kind(_ORG_POST, "post"):
        base: Solution = {"iri": iri}
        _put(base, "id", _last_segment(iri))
        parts = [*g.text(iri, _SKOS_PREF, "label"), g.optional(iri, _ORG_POST_IN, "post_in_iri")]
        parts += [*g.text(iri, _s("postInDerivation"), "post_in_derivation")]
        parts += [g.optional(iri, _ORG_REPORTS_TO, "reports_to_iri")]
        parts += [*g.text(iri, _s("reportsToDerivation"), "reports_to_derivation")]
        yield from _join(base, [*parts, *g.text(iri, _s("translationDerivation"), "label_en_derivation")])


def _post_holdings(g: _Graph) -> Iterator[Solution]:
    is_person = g.kind("person")
    for iri in g.index.subjects_of(RDF_TYPE, _POST_HOLDING):
        for person in g.objects(iri, _ORG_MEMBER):
            if not isinstance(person, ox.NamedNode) or not is_person(person.value):
                continue
            base: Solution = {"iri": iri, "person_iri": person, "held": _exists(g.has(person, _s("heldPost"), iri))}
            parts = [g.label(person, "person"), _linked(g, iri, _s("post"), "post")]
            parts.append(g.optional(iri, _ORG_ORGANISATION, "organisation_iri"))
            base["organisation_derived"] = _exists(_placed_by_the_data(g, iri))
            parts.append(_dated(g, iri, _s("attestedOn"), ATTESTED_DATE_COLUMNS))
            parts.append(g.optional(iri, _DCT_SOURCE, "source_iri"))
            parts.append(_dated(g, iri, _DERIVED_DATE, DERIVED_DATE_COLUMNS))
            parts.extend(g.text(iri, _s("derivation"), "derivation"))
            yield from _join(base, parts)


def _placed_by_the_data(g: _Graph, holding: Term) -> bool:
    """Whether a body of ``holding`` is its post's placement that the data makes itself (the post
    has ``sakrad:postInDerivation``): the holding's ``org:organization`` follows from it."""
    bodies = set(g.objects(holding, _ORG_ORGANISATION))
    return any(
        g.objects(post, _s("postInDerivation")) and bodies.intersection(g.objects(post, _ORG_POST_IN))
        for post in g.objects(holding, _s("post"))
    )


def _identifiers(g: _Graph) -> Iterator[Solution]:
    index, id_base = g.index, g.id_base
    for iri in index.subjects_of(RDF_TYPE, _ADMS_IDENTIFIER):
        for holder in index.subjects_of(_ADMS_IDENTIFIER_P, iri):
            if not isinstance(holder, ox.NamedNode) or not holder.value.startswith(id_base):
                continue
            base: Solution = {"holder_iri": holder, "iri": iri, "legal": _exists(g.has(holder, _LEGAL_IDENTIFIER, iri))}
            parts = [g.label(holder, "holder"), g.optional(iri, _ADMS_AGENCY, "scheme_agency")]
            parts.append(g.optional(iri, _DCT_CONFORMS, "scheme_iri"))
            statuses = [
                {"status_iri": o, **({"status": local} if (local := _local(o)) is not None else {})}
                for o in g.objects(iri, _ADMS_STATUS)
            ]
            parts.append(statuses or _NONE)
            parts.append(g.optional(iri, _DCT_SOURCE, "source_iri"))
            parts.append(g.optional(iri, _PROV_DERIVED, "derived_from_iri"))
            parts.extend(g.text(iri, _SKOS_NOTE, "note"))
            parts.extend(g.text(iri, _s("derivation"), "derivation"))
            # ?notation, the register's ?space and the ?target they make, and the link to the target
            spaces = list(
                dict.fromkeys(
                    sp for scheme in g.objects(iri, _DCT_CONFORMS) for sp in g.objects(scheme, _VOID_URI_SPACE)
                )
            )
            for notation in g.objects(iri, _SKOS_NOTATION) or (None,):
                for space in spaces or (None,):
                    target = _target(space, notation)
                    links = [
                        {"link_property_iri": p, "target_iri": target}
                        for p in _LINKS
                        if target is not None and g.has(holder, p, target)
                    ]
                    found = {"notation": notation, "space": space, "target": target}
                    found = {k: v for k, v in found.items() if v is not None}
                    yield from _join({**base, **found}, [*parts, links or _NONE])


def _target(space: object, notation: object) -> ox.NamedNode | None:
    """``IRI(CONCAT(STR(?space), STR(?notation)))``; unbound where either is, or the IRI is not one."""
    if space is None or notation is None or isinstance(space, ox.BlankNode) or isinstance(notation, ox.BlankNode):
        return None
    try:
        return ox.NamedNode(space.value + notation.value)  # type: ignore[attr-defined]
    except ValueError:
        return None


def _sources(g: _Graph) -> Iterator[Solution]:
    for iri in g.of_kind(_FOAF_DOCUMENT, "source"):
        base: Solution = {"iri": iri}
        _put(base, "id", _last_segment(iri))
        types = g.objects(iri, RDF_TYPE)
        kinds = [{"kind_iri": k, "kind": _local(k)} for k in _KINDS if k in types] or _NONE
        parts = [*g.text(iri, _DCT_TITLE, "title"), kinds, g.optional(iri, _SCHEMA_URL, "url")]
        parts.append(g.optional(iri, _DCT_PUBLISHER, "publisher_iri"))
        yield from _join(base, parts)


def _citations(g: _Graph) -> Iterator[Solution]:
    matches = re.compile(f"^{g.id_base}(meeting|organisation|body|post|person)/[^/]+$").match
    for source in g.index.objects_of(_DCT_SOURCE):
        source_id = _last_segment(source)
        for about in g.index.subjects_of(_DCT_SOURCE, source):
            if isinstance(about, ox.NamedNode) and matches(about.value):
                solution: Solution = {"about_iri": about, "source_iri": source, "about_id": _last_segment(about)}
                _put(solution, "source_id", source_id)
                yield solution


#: Each table's solutions from the index, by table name.
SOLUTIONS: dict[str, Callable[[_Graph], Iterable[Solution]]] = {
    "meetings": _meetings,
    "dates": _dates,
    "counts": _counts,
    "questions": _items(_s("question"), _QUESTION),
    "discussion-areas": _areas,
    "participations": _participations,
    "organisations": _organisations,
    "bodies": _bodies,
    "people": _people,
    "posts": _posts,
    "post-holdings": _post_holdings,
    "identifiers": _identifiers,
    "sources": _sources,
    "citations": _citations,
}


def solutions(index: Index, table: Table, id_base: str) -> Iterable[Solution]:
    """The solutions of ``table``'s query over the triples of ``index`` (``id_base`` is ``$ID``)."""
    return SOLUTIONS[table.name](_Graph(index, id_base))
