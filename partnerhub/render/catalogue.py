"""A record type's catalogue page: every visible record listed (without JavaScript), its
facets as filters, each row's facet values as ``data-*`` attributes for the filter script.

Everything comes from the type's entry in ``partnerhub.registry``: which facets filter,
which show as columns or card facts, whether a map stands above the list, the order.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from partnerhub.facets import RecordFacet
from partnerhub.i18n import N_
from partnerhub.registry import RecordType
from partnerhub.render.context import FacetLabels, Links, Texts
from partnerhub.render.relations import Relations
from partnerhub.text import fold


@dataclass
class Entry:
    record: object
    values: dict  # facet key -> [value ids]


def data_attributes(values: dict) -> Markup:
    """``data-network="a b" data-country="GR"`` for a row, a card or a map point (every
    name and value escaped; built with ``escape`` rather than ``Markup.format``, which took
    two fifths of a catalogue of thousands of records)."""
    return Markup("".join(f' data-{escape(key)}="{escape(" ".join(ids))}"' for key, ids in values.items()))


class Catalogue:
    def __init__(self, record_type: RecordType, rel: Relations, texts: Texts, links: Links) -> None:
        self.type, self.rel, self.texts, self.links = record_type, rel, texts, links
        self.labels = FacetLabels(rel, texts)
        records = list(rel.records[record_type.folder].values())
        if record_type.catalogue.order == "name":
            records.sort(key=lambda r: fold(texts.plain(r.display_name)))
        self.entries = [Entry(r, self.filter_values(r)) for r in records]

    def filter_values(self, record) -> dict:
        return {use.facet.key: use.of(record, self.rel) for use in self.type.facets if use.filter}

    @property
    def filters(self) -> list[tuple]:
        """(key, label, [(value, text)]) for each filtering facet with values, texts sorted."""
        out = []
        for use in self.type.facets:
            if not use.filter:
                continue
            used = {value for entry in self.entries for value in entry.values.get(use.facet.key, [])}
            options = sorted(((v, use.facet.label_of(v, self.labels)) for v in used), key=lambda o: fold(o[1]))
            if options:
                out.append((use.facet.key, self.texts.translate(use.facet.label), options))
        return out

    @property
    def columns(self) -> list[tuple[str, str]]:
        """(key, heading) of the table's columns."""
        headings = {"name": self.texts.translate(self.type.singular_title), "dates": self.texts.translate(N_("Dates"))}
        for use in self.type.facets:
            headings.setdefault(use.facet.key, self.texts.translate(use.facet.label))
        return [(key, headings[key]) for key in self.type.catalogue.columns]

    def facts(self, record) -> list[tuple[str, Markup]]:
        """(heading, value) of the column facets, for a card."""
        return [(self.texts.translate(use.facet.label), self.cell(record, use.facet.key))
                for use in self.type.facets if use.column]

    def cell(self, record, key: str) -> Markup:
        if key == "name":
            return self.links.record(self.type.folder, record.id)
        if key == "dates":
            text = self.texts.loc.span(record.start, record.end)
            if not record.start.known:
                return Markup("{}").format(text)
            return Markup('<time datetime="{}">{}</time>').format(record.start.isoformat(), text)
        use = self.type.facet(key)
        values = use.of(record, self.rel)
        if isinstance(use.facet, RecordFacet):
            cell = self.links.records(use.facet.folder, values)
        else:
            cell = Markup(", ").join(use.facet.label_of(v, self.labels) for v in values)
        for column, words, folder, ids_of in self.type.catalogue.cell_links:
            linked = self.links.records(folder, ids_of(record)) if column == key else ""
            if linked:
                cell = Markup("{} · {} {}").format(cell, self.texts.translate(words), linked)
        return cell

    def unplaced_group(self, record) -> str:
        """Why the record has no point on the map, as the list beside the map says it."""
        return self.texts.translate(self.type.catalogue.unplaced(record))
