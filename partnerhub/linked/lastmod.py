"""``<lastmod>`` of the sitemap: for each record's page, the day its files last changed
(``partnerhub.history``), never the build's; the "What's new" page by its newest entry."""

from __future__ import annotations

from partnerhub.history import of_hub as history_of
from partnerhub.linked import whats_new
from partnerhub.registry import RECORD_TYPES
from partnerhub.render.urls import record_url


def lastmod_by_url(hub, rel) -> dict[str, str]:
    """Page URL (relative to a language's root) -> ``YYYY-MM-DD``, for the visible records."""
    history = history_of(hub)
    out: dict[str, str] = {}
    for record_type in RECORD_TYPES:
        for record in rel.records[record_type.folder].values():
            updated = history.updated(record)
            if updated is not None:
                out[record_url(record_type.folder, record.id)] = updated.date().isoformat()
    if out:
        out[whats_new.URL] = max(out.values())
    return out
