"""The record types of the hub, each defined once: the one list everything else reads.

A :class:`RecordType` says where its files live (``data/<folder>/<id>.yml``), which model
checks them (``partnerhub/model/<name>.py``), what it is called in each language, which
text may be written in ``<id>.<lang>.md`` files beside the YAML, which rules across records
apply to it, how it is classified (facets), how its catalogue lists it, on which other
records' pages it is listed, what ``partnerhub new`` asks for it, and which template
renders its page (``partnerhub/render/templates/<name>.html``). The loader, the validator,
the counts, the JSON Schemas, ``partnerhub new``, the pages, the catalogues, the menus and
the search metadata all iterate over :data:`RECORD_TYPES`; the vocabularies are those the
models refer to (:data:`VOCABULARIES`).

Adding a record type: its model file, an entry here, its page template and its ``new``
template (``partnerhub/new/templates/<name>.yml.j2``), the translations of its labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from partnerhub import facets as F
from partnerhub.facets import FacetUse
from partnerhub.i18n import N_, Np_
from partnerhub.linked import schema_org as LD
from partnerhub.model.common import Record
from partnerhub.model.meeting import Meeting
from partnerhub.model.network import Network
from partnerhub.model.output import Output
from partnerhub.model.partner import Partner
from partnerhub.model.person import Person
from partnerhub.model.practice import SECTIONS, STATUSES as PRACTICE_STATUSES, Practice
from partnerhub.model.walk import vocabularies_of
from partnerhub.new import checks as C
from partnerhub.new import questions as Q
from partnerhub.new.questions import Question
from partnerhub.validation import lineage, rules, series
from partnerhub.validation.alternatives import alternatives_name_fields
from partnerhub.validation.former_ids import former_ids_free


@dataclass(frozen=True)
class Prose:
    """Text of a record that may be written in ``<id>.<lang>.md`` files beside its YAML:
    the whole file fills ``field``, or its headings ``{#key}`` fill the ``sections``."""

    field: str | None = None
    sections: tuple[str, ...] = ()

    @property
    def fields(self) -> tuple[str, ...]:
        return (self.field,) if self.field else self.sections


@dataclass(frozen=True)
class Catalogue:
    """How the catalogue page of a type lists its records."""

    style: str  # "table" (one row a record) or "cards"
    columns: tuple[str, ...] = ()  # table: "dates", "name" or facet keys, in order
    order: str = "name"  # "name" (alphabetical in the page's language) or "date"
    # a map of the records' places above the list: its title and the title of the list of
    # the same links by country (msgids)
    map_title: str | None = None
    map_list_title: str = ""
    # the group (a msgid) under which the list beside the map puts a record that has no
    # point on the map, say why: an online meeting, a partner without coordinates
    unplaced: Callable[[Record], str] = lambda record: N_("Not on the map (no coordinates)")
    # facets whose values style the map's points, explained in a legend under the map
    map_legend: tuple[str, ...] = ()
    # links added to a column's cells: (column key, msgid before them, folder, record -> ids),
    # e.g. a cancelled meeting's status followed by "replaced by" and its replacements
    cell_links: tuple[tuple[str, str, str, Callable[[Record], list]], ...] = ()


@dataclass(frozen=True)
class Backlink:
    """Records of this type are listed on the pages of the records they name in ``field``
    (a dotted path, as ``partnerhub.render.relations`` indexes it: ``roles.network``)."""

    field: str
    target: str  # the folder of the records that list them
    heading: str  # msgid of the section on the target's page
    # what to say about each, as (vocabulary, term) labels: a person's roles in that network
    detail: Callable[[Record, str], list[tuple[str, str]]] = lambda record, target_id: []


@dataclass(frozen=True)
class RecordType:
    name: str  # singular, as in messages, schema file names and `partnerhub new <name>`
    folder: str  # data/<folder>/ and the URLs <folder>/<id>/
    model: type[Record]
    label: str  # msgid, lower case, inside sentences: "there is no partner `x`"
    title: str  # msgid: the catalogue's title, the menu, the search's type filter value ("Partners")
    singular_title: str  # msgid: "Partner", a page's type in search results
    count: tuple[str, str]  # Np_ pair: "{count} partner", "{count} partners"
    catalogue: Catalogue
    prose: Prose = Prose()
    facets: tuple[FacetUse, ...] = ()
    rules: tuple[Callable, ...] = ()  # checks across records: (entry, hub) -> problems
    # where a record is: the places (partners, or a Place) that the build shows, for the
    # map, the countries and search; (record, visible records) -> places
    places: Callable[[Record, object], list] = lambda record, visible: []
    # other names that should find it in search (acronyms, cities…), per language or plain
    other_names: Callable[[Record], list] = lambda record: []
    place_names_in_search: bool = False  # its places' names find it too (a meeting's host)
    listed_on: tuple[Backlink, ...] = ()
    questions: tuple[Question, ...] = ()  # what `partnerhub new <name>` asks
    # its schema.org description (JSON-LD), partnerhub.linked.schema_org: (record, ctx) -> dict
    linked_data: Callable[[Record, object], dict] = lambda record, ctx: {"@type": "Thing"}
    # open data (partnerhub/opendata/): whether a record is an event of the calendars, an
    # entry of the Atom feeds; and which of those a record of this type has of its own
    # (the events or entries that refer to it): "calendar", "feed"
    in_calendars: Callable[[Record], bool] | None = None
    in_feeds: Callable[[Record], bool] | None = None
    syndication: tuple[str, ...] = ()

    @property
    def template(self) -> str:
        return f"{self.name}.html"

    def facet(self, key: str) -> FacetUse | None:
        return next((use for use in self.facets if use.facet.key == key), None)


def _rules(*specific: Callable) -> tuple[Callable, ...]:
    """The rules of a type: those of every record, then its own."""
    return (alternatives_name_fields, former_ids_free, *specific)


def _partners(ids, visible) -> list:
    return [p for p in (visible.visible("partners", pid) for pid in ids) if p is not None]


def _countries(places) -> list[str]:
    return sorted({place.country for place in places})


def _other_names(record) -> list:
    return [name.name for name in getattr(record, "other_names", [])]


def _meeting_places(meeting, visible) -> list:
    """Where a meeting took place: its hosts, then the place named (the map takes the first
    with coordinates); none if it was online."""
    if meeting.is_online:
        return []
    return _partners(meeting.host, visible) + ([meeting.place] if meeting.place is not None else [])


def _meeting_unplaced(meeting) -> str:
    if meeting.is_online:
        return N_("Online meetings")
    return N_("Meetings without a place on the map")


def _year(when) -> list[str]:
    return [str(when.year)] if when is not None and when.known else []


NETWORKS = RecordType(
    name="network", folder="networks", model=Network,
    label=N_("network"), title=N_("Networks"), singular_title=N_("Network"),
    count=Np_("{count} network", "{count} networks"),
    linked_data=LD.network,
    prose=Prose(field="summary"),
    facets=(
        FacetUse(F.PROGRAMME, lambda n, v: [n.programme], search=False, column=True),
        FacetUse(F.NETWORK_TYPE, lambda n, v: [n.type], column=True),
        FacetUse(F.THEME, lambda n, v: n.themes),
        FacetUse(F.COUNTRY, lambda n, v: _countries(_partners((m.partner for m in n.partners), v)), filter=False),
        FacetUse(F.NETWORK, lambda n, v: [n.id], filter=False),
    ),
    rules=_rules(lineage.follows_without_cycle, series.phases_of_members),
    catalogue=Catalogue(style="cards"),
    syndication=("calendar", "feed"),
    places=lambda n, v: _partners((m.partner for m in n.partners), v),
    other_names=lambda n: ([n.acronym] if n.acronym else []) + _other_names(n),
    questions=(
        Question("name", N_("Full name in {lang}"), C.text),
        Question("acronym", N_("Acronym (empty if none)"), C.text, essential=False),
        Question("programme", N_("Funding programme"), C.term("programmes"), choices=Q.terms("programmes")),
        Question("theme", N_("Theme(s), separated by commas"), C.many(C.term("themes")), choices=Q.terms("themes"),
                 multiple=True),
        Question("lead", N_("Id of the lead partner"), C.existing("partners"), choices=Q.ids("partners")),
        Question("start", N_("When it began (YYYY-MM-DD, or YYYY-MM, or YYYY)"), C.when),
        Question("end", N_("When it ends (same forms, empty if not known)"), C.when, essential=False, also=Q.after_start),
        Question("summary", N_("What the network is about, one or two sentences in {lang}"), C.long_text),
        Question("id", N_("Id (the file name)"), C.record_id,
                 default=lambda a, h: Q.short_id(a.get("acronym") or a["name"])),
    ),
)

PARTNERS = RecordType(
    name="partner", folder="partners", model=Partner,
    label=N_("partner"), title=N_("Partners"), singular_title=N_("Partner"),
    count=Np_("{count} partner", "{count} partners"),
    linked_data=LD.partner,
    prose=Prose(field="description"),
    facets=(
        FacetUse(F.COUNTRY, lambda p, v: [p.country], column=True),
        FacetUse(F.ORGANISATION_KIND, lambda p, v: [p.kind], search=False, column=True),
        FacetUse(F.NETWORK, lambda p, v: [n.id for n, _role in v.partner_networks(p.id)], column=True),
    ),
    rules=_rules(rules.part_of_without_cycle),
    catalogue=Catalogue(style="table", columns=("name", "country", "kind", "network"),
                        map_title=N_("Map of partners"), map_list_title=N_("Partners by country"),
                        unplaced=lambda p: N_("Partners without a place on the map")),
    places=lambda p, v: [p],
    syndication=("calendar",),
    other_names=lambda p: ([p.city] if p.city else []) + _other_names(p),
    questions=(
        Question("name", N_("Name in {lang}"), C.text),
        Question("country", N_("Country code (ISO 3166-1, e.g. GR)"), C.country),
        Question("kind", N_("Kind of organisation"), C.term("organisation-kinds"), default=lambda a, h: "municipality",
                 choices=Q.terms("organisation-kinds")),
        Question("id", N_("Id (the file name)"), C.record_id, default=lambda a, h: Q.short_id(a["name"])),
    ),
)

MEETINGS = RecordType(
    name="meeting", folder="meetings", model=Meeting,
    label=N_("meeting"), title=N_("Meetings"), singular_title=N_("Meeting"),
    count=Np_("{count} meeting", "{count} meetings"),
    linked_data=LD.meeting,
    prose=Prose(field="report"),
    facets=(
        FacetUse(F.NETWORK, lambda m, v: m.networks, column=True),
        FacetUse(F.MEETING_KIND, lambda m, v: [m.kind], search=False),
        FacetUse(F.MEETING_FORMAT_FACET, lambda m, v: [m.format]),
        FacetUse(F.COUNTRY, lambda m, v: _countries(_meeting_places(m, v))),
        FacetUse(F.YEAR, lambda m, v: _year(m.start)),
        FacetUse(F.HOST, lambda m, v: m.hosts, filter=False, search=False, column=True),
        FacetUse(F.MEETING_STATUS_FACET, lambda m, v: [m.status], search=False, column=True),
    ),
    rules=_rules(series.hosts_are_members, series.sessions_within_dates, series.meeting_series),
    catalogue=Catalogue(style="table", columns=("dates", "name", "network", "host", "status"), order="date",
                        map_title=N_("Map of meetings"), map_list_title=N_("Meetings by country"),
                        unplaced=_meeting_unplaced, map_legend=("format", "status"),
                        cell_links=(("status", N_("replaced by"), "meetings", lambda m: m.replaced_by),)),
    places=_meeting_places,
    place_names_in_search=True,
    in_calendars=lambda m: True,
    in_feeds=lambda m: m.status == "held" and bool(m.report or m.summary),  # its report, or what it did
    questions=(
        Question("network", N_("Network id"), C.existing("networks"), choices=Q.ids("networks")),
        Question("kind", N_("Kind of meeting"), C.term("meeting-kinds"), default=lambda a, h: "transnational",
                 choices=Q.terms("meeting-kinds")),
        Question("number", N_("Number of the meeting in the network's series (empty if none)"), C.number,
                 essential=False),
        Question("host", N_("Host partner id"), C.existing("partners"), essential=lambda a: a.get("kind") != "online",
                 choices=Q.network_members, also=Q.host_in_network),
        Question("start", N_("First day (YYYY-MM-DD, or YYYY-MM if only the month is known)"), C.when),
        Question("end", N_("Last day (empty if one day)"), C.when, essential=False, also=Q.after_start),
        Question("title", N_("Title in {lang}"), C.text),
        Question("id", N_("Id (the file name)"), C.record_id, default=Q.meeting_id),
    ),
)

PRACTICES = RecordType(
    name="practice", folder="practices", model=Practice,
    label=N_("practice"), title=N_("Good practices"), singular_title=N_("Good practice"),
    count=Np_("{count} good practice", "{count} good practices"),
    linked_data=LD.practice,
    prose=Prose(sections=SECTIONS),
    facets=(
        FacetUse(F.THEME, lambda p, v: p.themes),
        FacetUse(F.TARGET_GROUP, lambda p, v: p.target_groups),
        FacetUse(F.COUNTRY, lambda p, v: _countries(_partners(p.owners, v))),
        FacetUse(F.NETWORK, lambda p, v: p.networks),
        FacetUse(F.PRACTICE_LABEL, lambda p, v: [label.label for label in p.labels]),
        FacetUse(F.PRACTICE_STATUS_FACET, lambda p, v: [p.status], column=True),
        FacetUse(F.OWNER, lambda p, v: p.owners, filter=False, search=False, column=True),
    ),
    rules=_rules(rules.not_transferred_to_owner, lineage.adapted_without_cycle),
    catalogue=Catalogue(style="cards"),
    places=lambda p, v: _partners(p.owners, v),
    place_names_in_search=True,
    in_feeds=lambda p: True,
    questions=(
        Question("title", N_("Title in {lang}"), C.text),
        Question("owner", N_("Id(s) of the partner(s) that run it, separated by commas"),
                 C.many(C.existing("partners")), choices=Q.ids("partners"), multiple=True),
        Question("theme", N_("Theme(s), separated by commas"), C.many(C.term("themes")), choices=Q.terms("themes"),
                 multiple=True),
        Question("status", N_("Status"), C.choice(*PRACTICE_STATUSES), default=lambda a, h: "ongoing",
                 choices=Q.fixed(*PRACTICE_STATUSES)),
        Question("summary", N_("The practice in one or two sentences, in {lang}"), C.long_text),
        Question("network", N_("Network id (empty if none)"), C.existing("networks"), essential=False,
                 choices=Q.ids("networks")),
        Question("id", N_("Id (the file name)"), C.record_id,
                 default=lambda a, h: Q.short_id(a["owner"][0], a["title"])),
    ),
)

PEOPLE = RecordType(
    name="person", folder="people", model=Person,
    label=N_("person"), title=N_("People"), singular_title=N_("Person"),
    count=Np_("{count} person", "{count} people"),
    linked_data=LD.person,
    prose=Prose(field="biography"),
    facets=(
        FacetUse(F.NETWORK, lambda p, v: [r.network for r in p.roles], column=True),
        FacetUse(F.PERSON_ROLE, lambda p, v: [r.role for r in p.roles], column=True),
    ),
    rules=_rules(),
    catalogue=Catalogue(style="table", columns=("name", "role", "network")),
    listed_on=(
        Backlink("roles.network", "networks", N_("People"),
                 lambda p, target: [("person-roles", r.role) for r in p.roles if r.network == target]),
        Backlink("roles.partner", "partners", N_("People"),
                 lambda p, target: [("person-roles", r.role) for r in p.roles if r.partner == target]),
    ),
    questions=(
        Question("name", N_("Name in {lang}"), C.text),
        Question("id", N_("Id (the file name)"), C.record_id, default=lambda a, h: Q.short_id(a["name"])),
    ),
)

OUTPUTS = RecordType(
    name="output", folder="outputs", model=Output,
    label=N_("output"), title=N_("Outputs"), singular_title=N_("Output"),
    count=Np_("{count} output", "{count} outputs"),
    linked_data=LD.output,
    prose=Prose(field="summary"),
    facets=(
        FacetUse(F.OUTPUT_KIND, lambda o, v: [o.kind], column=True),
        FacetUse(F.NETWORK, lambda o, v: o.networks, column=True),
        FacetUse(F.COUNTRY, lambda o, v: _countries(_partners(o.partners, v))),
        FacetUse(F.YEAR, lambda o, v: _year(o.date)),
    ),
    rules=_rules(),
    catalogue=Catalogue(style="cards"),
    places=lambda o, v: _partners(o.partners, v),
    listed_on=(
        Backlink("network", "networks", N_("Outputs"), lambda o, target: [("output-kinds", o.kind)]),
        Backlink("partners", "partners", N_("Outputs"), lambda o, target: [("output-kinds", o.kind)]),
        Backlink("people", "people", N_("Outputs"), lambda o, target: [("output-kinds", o.kind)]),
    ),
    questions=(
        Question("network", N_("Network id"), C.existing("networks"), choices=Q.ids("networks")),
        Question("kind", N_("Kind of output"), C.term("output-kinds"), choices=Q.terms("output-kinds")),
        Question("title", N_("Title in {lang}"), C.text),
        Question("summary", N_("What it contains, one or two sentences in {lang}"), C.long_text),
        Question("id", N_("Id (the file name)"), C.record_id, default=lambda a, h: Q.short_id(a["network"], a["title"])),
    ),
)

# In the order of the site's menus and of the validator's summary.
RECORD_TYPES: tuple[RecordType, ...] = (NETWORKS, PARTNERS, MEETINGS, PRACTICES, OUTPUTS, PEOPLE)
BY_FOLDER: dict[str, RecordType] = {t.folder: t for t in RECORD_TYPES}
BY_NAME: dict[str, RecordType] = {t.name: t for t in RECORD_TYPES}
FOLDERS: tuple[str, ...] = tuple(BY_FOLDER)
# Every vocabulary a record refers to (data/vocabularies/<name>.yml), in a stable order.
VOCABULARIES: tuple[str, ...] = tuple(sorted({v for t in RECORD_TYPES for v in vocabularies_of(t.model)}))
