"""When a record was last changed, for feeds and exports.

A placeholder until the history of the record's files (git) is read: for now the latest
day the record itself states (a meeting's last day, a period's dates, an output's date,
its sources' publication and access dates), or None when it states none.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel

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


def updated(record) -> dt.date | None:
    """The latest day ``record`` states, if any (placeholder for its git history)."""
    days = _days(record)
    return max(days) if days else None
