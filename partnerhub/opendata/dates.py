"""When a record was last changed, for feeds and calendars.

From the history of the record's files (``partnerhub.history``: its last commit, or its
file's time when git does not know it); for a record with no history at all, the latest
day the record itself states (a meeting's last day, a period's dates, an output's date,
its sources' dates), or None when it states none. Never the build time.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel

from partnerhub.history import of_hub
from partnerhub.model.dates import PartialDate


def _days(value) -> list[dt.date]:
    """Every known day written in ``value`` (a model, a list, a date), recursively."""
    if isinstance(value, PartialDate):
        return [value.last_day] if value.known else []
    if isinstance(value, dt.date):
        return [value]
    if isinstance(value, BaseModel):
        return [day for name in type(value).model_fields for day in _days(getattr(value, name))]
    if isinstance(value, (list, tuple)):
        return [day for item in value for day in _days(item)]
    return []


def updated(hub, record) -> dt.datetime | None:
    """When ``record`` last changed, in UTC."""
    when = of_hub(hub).updated(record)
    if when is not None:
        return when.astimezone(dt.timezone.utc)
    days = _days(record)
    return dt.datetime.combine(max(days), dt.time(0), tzinfo=dt.timezone.utc) if days else None
