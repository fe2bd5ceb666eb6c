"""The record types of the hub, each defined once: the one list everything else reads.

A :class:`RecordType` says where its files live (``data/<folder>/<id>.yml``), which model
checks them (``partnerhub/model/<name>.py``), what it is called in each language, which
text may be written in ``<id>.<lang>.md`` files beside the YAML, which rules across records
apply to it, how it is classified (facets), how its catalogue lists it, and which template
renders its page (``partnerhub/render/templates/<name>.html``). The loader, the validator,
the counts, the JSON Schemas, ``partnerhub new``, the pages, the catalogues and the search
metadata all iterate over :data:`RECORD_TYPES`.

Adding a record type: its model file, an entry here, its page template and its ``new``
template (``partnerhub/new/templates/<name>.yml.j2``), the translations of its labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from partnerhub import facets as F
from partnerhub.facets import FacetUse
from partnerhub.i18n import N_, Np_
from partnerhub.model.common import Record
from partnerhub.model.meeting import Meeting
from partnerhub.model.network import Network
from partnerhub.model.partner import Partner
from partnerhub.model.practice import SECTIONS, Practice
from partnerhub.validation import rules


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
    # a map of the records' places above the list: its title, the title of the list of the
    # same links by country, and of the records that have no place on the map (msgids)
    map_title: str | None = None
    map_list_title: str = ""
    unplaced_title: str = ""


@dataclass(frozen=True)
class RecordType:
    name: str  # singular, as in messages, schema file names and `partnerhub new <name>`
    folder: str  # data/<folder>/ and the URLs <folder>/<id>/
    model: type[Record]
    label: str  # msgid, lower case, inside sentences: "there is no partner `x`"
    title: str  # msgid: the catalogue's title and the search's type filter value ("Partners")
    singular_title: str  # msgid: "Partner", a page's type in search results
    count: tuple[str, str]  # Np_ pair: "{count} partner", "{count} partners"
    catalogue: Catalogue
    prose: Prose = Prose()
    facets: tuple[FacetUse, ...] = ()
    rules: tuple[Callable, ...] = ()  # checks across records: (entry, hub) -> problems
    # where a record is: ids of the partners it is at (for countries, map points, search)
    places: Callable[[Record], list[str]] = lambda record: []
    # other names that should find it in search (acronyms, cities…), per language or plain
    other_names: Callable[[Record], list] = lambda record: []
    place_names_in_search: bool = False  # its places' names find it too (a meeting's host)

    @property
    def template(self) -> str:
        return f"{self.name}.html"

    def facet(self, key: str) -> FacetUse | None:
        return next((use for use in self.facets if use.facet.key == key), None)


def _countries(partner_ids, visible) -> list[str]:
    partners = (visible.visible("partners", pid) for pid in partner_ids)
    return sorted({partner.country for partner in partners if partner is not None})


NETWORKS = RecordType(
    name="network", folder="networks", model=Network,
    label=N_("network"), title=N_("Networks"), singular_title=N_("Network"),
    count=Np_("{count} network", "{count} networks"),
    prose=Prose(field="summary"),
    facets=(
        FacetUse(F.PROGRAMME, lambda n, v: [n.programme], search=False, column=True),
        FacetUse(F.THEME, lambda n, v: n.themes),
        FacetUse(F.COUNTRY, lambda n, v: _countries((m.partner for m in n.partners), v), filter=False),
        FacetUse(F.NETWORK, lambda n, v: [n.id], filter=False),
    ),
    catalogue=Catalogue(style="cards"),
    places=lambda n: [m.partner for m in n.partners],
    other_names=lambda n: [n.acronym] if n.acronym else [],
)

PARTNERS = RecordType(
    name="partner", folder="partners", model=Partner,
    label=N_("partner"), title=N_("Partners"), singular_title=N_("Partner"),
    count=Np_("{count} partner", "{count} partners"),
    prose=Prose(field="description"),
    facets=(
        FacetUse(F.COUNTRY, lambda p, v: [p.country], column=True),
        FacetUse(F.ORGANISATION_KIND, lambda p, v: [p.kind], search=False, column=True),
        FacetUse(F.NETWORK, lambda p, v: [n.id for n, _role in v.partner_networks(p.id)], column=True),
    ),
    rules=(rules.part_of_without_cycle,),
    catalogue=Catalogue(style="table", columns=("name", "country", "kind", "network"),
                        map_title=N_("Map of partners"), map_list_title=N_("Partners by country")),
    places=lambda p: [p.id],
    other_names=lambda p: [p.city] if p.city else [],
)

MEETINGS = RecordType(
    name="meeting", folder="meetings", model=Meeting,
    label=N_("meeting"), title=N_("Meetings"), singular_title=N_("Meeting"),
    count=Np_("{count} meeting", "{count} meetings"),
    prose=Prose(field="report"),
    facets=(
        FacetUse(F.NETWORK, lambda m, v: [m.network], column=True),
        FacetUse(F.MEETING_KIND, lambda m, v: [m.kind], search=False),
        FacetUse(F.COUNTRY, lambda m, v: _countries([m.host] if m.host else [], v)),
        FacetUse(F.YEAR, lambda m, v: [str(m.start.year)]),
        FacetUse(F.HOST, lambda m, v: [m.host], filter=False, search=False, column=True),
        FacetUse(F.MEETING_STATUS_FACET, lambda m, v: [m.status], filter=False, search=False, column=True),
    ),
    rules=(rules.host_is_member,),
    catalogue=Catalogue(style="table", columns=("dates", "name", "network", "host", "status"), order="date",
                        map_title=N_("Map of meetings"), map_list_title=N_("Meetings by host country"),
                        unplaced_title=N_("Online meetings")),
    places=lambda m: [m.host] if m.host else [],
    place_names_in_search=True,
)

PRACTICES = RecordType(
    name="practice", folder="practices", model=Practice,
    label=N_("practice"), title=N_("Good practices"), singular_title=N_("Good practice"),
    count=Np_("{count} good practice", "{count} good practices"),
    prose=Prose(sections=SECTIONS),
    facets=(
        FacetUse(F.THEME, lambda p, v: p.themes),
        FacetUse(F.TARGET_GROUP, lambda p, v: p.target_groups),
        FacetUse(F.COUNTRY, lambda p, v: _countries(p.owners, v)),
        FacetUse(F.NETWORK, lambda p, v: [p.network]),
        FacetUse(F.PRACTICE_STATUS_FACET, lambda p, v: [p.status], column=True),
        FacetUse(F.OWNER, lambda p, v: p.owners, filter=False, search=False, column=True),
    ),
    rules=(rules.not_transferred_to_owner,),
    catalogue=Catalogue(style="cards"),
    places=lambda p: list(p.owners),
    place_names_in_search=True,
)

# In the order of the site's menus and of the validator's summary.
RECORD_TYPES: tuple[RecordType, ...] = (NETWORKS, PARTNERS, MEETINGS, PRACTICES)
BY_FOLDER: dict[str, RecordType] = {t.folder: t for t in RECORD_TYPES}
BY_NAME: dict[str, RecordType] = {t.name: t for t in RECORD_TYPES}
FOLDERS: tuple[str, ...] = tuple(BY_FOLDER)
