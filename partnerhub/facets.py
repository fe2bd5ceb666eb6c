"""Facets: the ways records are classified and filtered (network, country, theme…), each
defined once.

A :class:`Facet` has a key (the ``data-<key>`` attribute of catalogue rows and map points,
and the URL parameter of a filtered catalogue), a label (a gettext msgid) and a way to show
one of its values in a page's language. A record type (``partnerhub.registry``) says which
facets apply to its records and where their values come from (:class:`FacetUse`); the
catalogue filters, the rows' attributes, the map points and the search filters all read
them from there. Values are ids (record ids, term ids, country codes, years), and a value
that names a record is kept only if that record is visible in the build: a draft network's
id never reaches a public page through a facet.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Protocol

from partnerhub.i18n import N_
from partnerhub.labels import MEETING_FORMAT, MEETING_STATUS, PRACTICE_STATUS


class Labels(Protocol):
    """What a facet needs to show a value: provided by the renderer for one page language."""

    def record_name(self, folder: str, record_id: str) -> str: ...
    def term(self, vocabulary: str, term: str) -> str: ...
    def country(self, code: str) -> str: ...
    def year(self, year: int) -> str: ...
    def translate(self, msgid: str) -> str: ...


@dataclass(frozen=True)
class Facet:
    key: str
    label: str  # msgid

    def label_of(self, value: str, labels: Labels) -> str:
        raise NotImplementedError


@dataclass(frozen=True)
class RecordFacet(Facet):
    """Values are ids of records in ``data/<folder>/``."""

    folder: str

    def label_of(self, value, labels):
        return labels.record_name(self.folder, value)


@dataclass(frozen=True)
class TermFacet(Facet):
    """Values are terms of a vocabulary."""

    vocabulary: str

    def label_of(self, value, labels):
        return labels.term(self.vocabulary, value)


@dataclass(frozen=True)
class CountryFacet(Facet):
    def label_of(self, value, labels):
        return labels.country(value)


@dataclass(frozen=True)
class ChoiceFacet(Facet):
    """Values are the fixed choices of a field, with a label (msgid) each."""

    choices: tuple[tuple[str, str], ...]

    def label_of(self, value, labels):
        return labels.translate(dict(self.choices).get(value, value))


@dataclass(frozen=True)
class YearFacet(Facet):
    def label_of(self, value, labels):
        return labels.year(int(value))


NETWORK = RecordFacet("network", N_("Network"), "networks")
HOST = RecordFacet("host", N_("Host"), "partners")
OWNER = RecordFacet("owner", N_("Run by"), "partners")
COUNTRY = CountryFacet("country", N_("Country"))
THEME = TermFacet("theme", N_("Theme"), "themes")
TARGET_GROUP = TermFacet("target-group", N_("Target group"), "target-groups")
PROGRAMME = TermFacet("programme", N_("Programme"), "programmes")
ORGANISATION_KIND = TermFacet("kind", N_("Kind"), "organisation-kinds")
MEETING_KIND = TermFacet("kind", N_("Kind"), "meeting-kinds")
PRACTICE_STATUS_FACET = ChoiceFacet("status", N_("Status"), tuple(PRACTICE_STATUS.items()))
MEETING_STATUS_FACET = ChoiceFacet("status", N_("Status"), tuple(MEETING_STATUS.items()))
YEAR = YearFacet("year", N_("Year"))
MEETING_FORMAT_FACET = ChoiceFacet("format", N_("Format"), tuple(MEETING_FORMAT.items()))
NETWORK_TYPE = TermFacet("type", N_("Type of network"), "network-types")
PRACTICE_LABEL = TermFacet("label", N_("Label"), "practice-labels")
OUTPUT_KIND = TermFacet("kind", N_("Kind"), "output-kinds")
PERSON_ROLE = TermFacet("role", N_("Role"), "person-roles")

# The order of the search filters, the same in every language.
SEARCH_ORDER = (NETWORK.key, COUNTRY.key, THEME.key, TARGET_GROUP.key, "type", "kind", "label", "role", "format",
                "status", YEAR.key)


class Visible(Protocol):
    """The records a build shows (``partnerhub.render.relations.Relations``)."""

    def visible(self, folder: str, record_id: str | None): ...


@dataclass(frozen=True)
class FacetUse:
    """A facet as one record type uses it: where its values come from, and where it shows."""

    facet: Facet
    values: Callable[[object, Visible], Iterable[str]]  # (record, visible records) -> ids
    filter: bool = True  # a filter of the type's catalogue
    search: bool = True  # a filter of the search
    column: bool = False  # a column of the catalogue's table, or a fact on its cards

    def of(self, record, visible: Visible) -> list[str]:
        """The record's values, in order, each once; record ids only of visible records."""
        out: list[str] = []
        for value in self.values(record, visible):
            if value is None or value in out:
                continue
            if isinstance(self.facet, RecordFacet) and visible.visible(self.facet.folder, value) is None:
                continue
            out.append(str(value))
        return out
