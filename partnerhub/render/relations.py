"""Who links to whom, among the records a build shows: built once per build.

A build is for an audience: the public site shows published, public records; the partners'
build also shows records marked ``visibility: partners``; drafts are in neither. Only the
records of the audience take part here, so a hidden record is found by no link, list,
count, facet or map: every page asks this index, never the hub itself.

Links are found through the model's reference markers (``partnerhub.model.walk``): a
meeting's ``network``, a practice's ``owners``, a network's ``partners[].partner``… so a
new field that refers to a record is indexed without code here.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from partnerhub.model.dates import PartialDate
from partnerhub.model.fields import FileRef, Ref, VocabRef
from partnerhub.model.walk import walk
from partnerhub.registry import FOLDERS

AUDIENCES = ("public", "partners")


def is_visible(record, audience: str) -> bool:
    """Whether ``record`` is shown to ``audience`` ("public" or "partners"): published, and
    whatever else its type requires (a person's consent to show the name)."""
    return record.visible_to(audience)


def _field(path: tuple) -> str:
    """``("partners", 3, "partner")`` -> ``partners.partner``."""
    return ".".join(str(part) for part in path if not isinstance(part, int))


@dataclass
class Relations:
    audience: str = "public"
    records: dict = field(default_factory=lambda: {folder: {} for folder in FOLDERS})
    media: dict = field(default_factory=dict)  # path -> checked file, for the files visible records use
    # (target folder or vocabulary, target id) -> [(source folder, field, source record)]
    _referrers: dict = field(default_factory=lambda: defaultdict(list))
    # what outputs derive from these records, computed once per build and shared by them
    # (the exports' public data and tables: partnerhub/opendata/exports.py)
    derived: dict = field(default_factory=dict, compare=False, repr=False)

    # --- records --------------------------------------------------------------------
    def visible(self, folder: str, record_id: str | None):
        """The record, if this build shows it; else None."""
        return self.records[folder].get(record_id) if record_id else None

    def visible_ids(self, folder: str, ids) -> list[str]:
        return [i for i in ids if i in self.records[folder]]

    # the record types by folder, for templates: rel.partners, rel.meetings…
    def __getattr__(self, name: str):
        records = self.__dict__.get("records", {})
        if name in records:
            return records[name]
        raise AttributeError(name)

    # --- links ----------------------------------------------------------------------
    def referrers(self, target: str, target_id: str, source: str, field_name: str | None = None) -> list:
        """The visible records of ``source`` (a folder) that refer to ``target_id`` of
        ``target`` (a folder or a vocabulary), through ``field_name`` if given, each once."""
        out, seen = [], set()
        for folder, name, record in self._referrers.get((target, target_id), ()):
            if folder == source and (field_name is None or name == field_name) and record.id not in seen:
                seen.add(record.id)
                out.append(record)
        return out

    def referred_by(self, target: str, target_id: str) -> list[tuple[str, object]]:
        """(folder, record) of every visible record that refers to ``target_id`` of
        ``target`` (a folder or a vocabulary), through any field, each once."""
        seen: dict[tuple[str, str], object] = {}
        for folder, _name, record in self._referrers.get((target, target_id), ()):
            seen.setdefault((folder, record.id), record)
        return [(folder, record) for (folder, _id), record in seen.items()]

    def partner_networks(self, partner_id: str) -> list[tuple]:
        """(network, role) for each visible network ``partner_id`` is a member of."""
        out = []
        for network in self.referrers("partners", partner_id, "networks", "partners.partner"):
            role = next(m.role for m in network.partners if m.partner == partner_id)
            out.append((network, role))
        return out

    def network_meetings(self, network_id: str) -> list:
        return self.referrers("networks", network_id, "meetings", "network")

    def network_practices(self, network_id: str) -> list:
        return self.referrers("networks", network_id, "practices", "network")

    def followed_by(self, network_id: str) -> list:
        """Networks that continue ``network_id`` (its next waves)."""
        return self.referrers("networks", network_id, "networks", "follows")

    def partner_practices(self, partner_id: str) -> list:
        return self.referrers("partners", partner_id, "practices", "owners")

    def partner_adapted(self, partner_id: str) -> list:
        return self.referrers("partners", partner_id, "practices", "transferred_to")

    def partner_hosted(self, partner_id: str) -> list:
        return self.referrers("partners", partner_id, "meetings", "host")

    def adapted_by(self, practice_id: str) -> list:
        """Practices adapted from ``practice_id``."""
        return self.referrers("practices", practice_id, "practices", "adapted_from")

    def presented_at(self, practice_id: str) -> list:
        """Meetings where ``practice_id`` was presented or visited."""
        return [*self.referrers("practices", practice_id, "meetings", "practices"),
                *(m for m in self.referrers("practices", practice_id, "meetings", "site_visits.practice")
                  if practice_id not in m.practices)]

    def replaces(self, meeting_id: str) -> list:
        """Meetings that ``meeting_id`` replaced (its ``replaced_by`` names it)."""
        return self.referrers("meetings", meeting_id, "meetings", "replaced_by")

    def theme_practices(self, term: str) -> list:
        return self.referrers("themes", term, "practices", "themes")

    def theme_networks(self, term: str) -> list:
        return self.referrers("themes", term, "networks", "themes")

    def backlinks(self, folder: str, record_id: str) -> list[tuple]:
        """(backlink, [records]) for the records listed on this record's page through the
        ``listed_on`` entries of the registry (a network's people, a partner's outputs)."""
        from partnerhub.registry import RECORD_TYPES

        out = []
        for record_type in RECORD_TYPES:
            for backlink in record_type.listed_on:
                if backlink.target == folder:
                    found = self.referrers(folder, record_id, record_type.folder, backlink.field)
                    if found:
                        out.append((record_type, backlink, found))
        return out

    # --- lists ----------------------------------------------------------------------
    def upcoming_meetings(self, today: dt.date, count: int) -> list:
        future = [m for m in self.records["meetings"].values()
                  if m.took_place and m.last.known and m.last.last_day >= today]
        return sorted(future, key=_sort_key)[:count]

    def latest_meetings(self, today: dt.date, count: int) -> list:
        past = [m for m in self.records["meetings"].values()
                if m.status == "held" and m.last.known and m.last.last_day < today]
        return sorted(past, key=_sort_key, reverse=True)[:count]

    def featured_practices(self, count: int) -> list:
        return [p for p in self.records["practices"].values() if p.featured][:count]


def _sort_key(record):
    """Records with a date (a meeting's start, an output's date) in date order, as far as
    it is known; the others by id."""
    when = getattr(record, "start", None) or getattr(record, "date", None)
    return (when.sort_key if isinstance(when, PartialDate) else (0, dt.date.min, 0), record.id)


def build_relations(hub, audience: str = "public") -> Relations:
    """The index of the records ``audience`` may see in ``hub``."""
    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience {audience!r}: use one of {', '.join(AUDIENCES)}")
    rel = Relations(audience)
    for folder in FOLDERS:
        visible = [e.record.for_audience(audience) for e in hub.records[folder].values()
                   if is_visible(e.record, audience)]
        rel.records[folder] = {record.id: record for record in sorted(visible, key=_sort_key)}
    checked = hub.media.files if hub.media is not None else {}
    for folder in FOLDERS:
        for record in rel.records[folder].values():
            for path, marker, value in walk(record):
                if isinstance(marker, FileRef) and value in checked:
                    rel.media[value] = checked[value]
                elif isinstance(marker, Ref) and value in rel.records[marker.kind]:
                    rel._referrers[(marker.kind, value)].append((folder, _field(path), record))
                elif isinstance(marker, VocabRef):
                    rel._referrers[(marker.vocabulary, value)].append((folder, _field(path), record))
    return rel
