"""The rule every record type has on ``former_ids`` (the ids a renamed record had): an old
id's page leads to the record, so it must be no live record's id and no other record's
former id in the same folder (one URL, one destination)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from partnerhub.messages import Word


def _former_owners(hub, folder: str) -> dict[str, list[str]]:
    """Former id -> ids of the records of ``folder`` that list it (built once per hub)."""
    cache = hub.__dict__.setdefault("_partnerhub_former_ids", {})
    if folder not in cache:
        owners: dict[str, list[str]] = defaultdict(list)
        for record_id, entry in hub.records[folder].items():
            for old in getattr(entry.record, "former_ids", ()):
                owners[old].append(record_id)
        cache[folder] = owners
    return cache[folder]


def former_ids_free(entry, hub) -> Iterator[tuple]:
    record, folder = entry.record, entry.kind
    for index, old in enumerate(getattr(record, "former_ids", ())):
        if old == record.id or old in hub.records[folder]:
            yield ("former_ids", index), "former_id_live", {"value": old, "kind": Word(entry.type.label)}
            continue
        others = [other for other in _former_owners(hub, folder).get(old, ()) if other != record.id]
        if others:
            yield ("former_ids", index), "former_id_taken", {"value": old, "other": others[0]}
