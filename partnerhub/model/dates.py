"""Dates as the sources know them: a year, a month or a day, "unknown", and spans of them.

A source may give ``2019``, ``November 2019`` or ``25 November 2019``; a record says
exactly that much (``2019``, ``2019-11``, ``2019-11-25``) and pages never show more
precision than was written. ``unknown`` says that no source gives the date; the end of a
span may be ``ongoing``. :class:`PartialDate` holds one such value; it sorts by its first
possible day (unknown last), and two dates are in order unless the later one certainly
ends before the earlier one begins (``2019-11`` and ``2019-11-05`` are in either order).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import total_ordering
from typing import Annotated

from pydantic import PlainSerializer, PlainValidator, ValidationInfo, WithJsonSchema
from pydantic_core import PydanticCustomError

from partnerhub.messages import Msg

_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
UNKNOWN, ONGOING = "unknown", "ongoing"
MIN_YEAR, MAX_YEAR = 1000, 2999


@total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A year, a month or a day; or ``unknown`` (no year), or ``ongoing`` (an open end)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    ongoing: bool = False

    @property
    def precision(self) -> str:
        """``day``, ``month``, ``year``, ``unknown`` or ``ongoing``."""
        if self.ongoing:
            return ONGOING
        if self.year is None:
            return UNKNOWN
        return "day" if self.day else "month" if self.month else "year"

    @property
    def known(self) -> bool:
        return self.year is not None

    @property
    def first_day(self) -> dt.date | None:
        """The earliest day it may be (None if unknown or ongoing)."""
        if self.year is None:
            return None
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date | None:
        """The latest day it may be (None if unknown or ongoing)."""
        if self.year is None:
            return None
        if self.day:
            return dt.date(self.year, self.month, self.day)
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def isoformat(self) -> str:
        """``2019``, ``2019-11``, ``2019-11-25``, ``unknown`` or ``ongoing``: as written, and a
        valid HTML ``datetime`` value for the three known precisions."""
        if self.ongoing:
            return ONGOING
        if self.year is None:
            return UNKNOWN
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
        if self.day:
            text += f"-{self.day:02d}"
        return text

    __str__ = isoformat

    @property
    def sort_key(self) -> tuple:
        """Known dates by their first possible day (a year before its months), then
        ongoing, then unknown."""
        if self.ongoing:
            return (1, dt.date.max, 0)
        if self.year is None:
            return (2, dt.date.max, 0)
        return (0, self.first_day, {"year": 0, "month": 1, "day": 2}[self.precision])

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key < other.sort_key

    def certainly_before(self, other: "PartialDate") -> bool:
        """True if every day this may be comes before every day ``other`` may be."""
        if not (self.known and other.known):
            return False
        return self.last_day < other.first_day

    def contains(self, day: dt.date) -> bool:
        return self.known and self.first_day <= day <= self.last_day

    @classmethod
    def of(cls, day: dt.date) -> "PartialDate":
        return cls(day.year, day.month, day.day)


UNKNOWN_DATE = PartialDate()
ONGOING_DATE = PartialDate(ongoing=True)


def parse_partial(value: object, allow: tuple[str, ...] = ()) -> PartialDate:
    """``2019`` (a YAML number or text), ``"2019-11"``, ``"2019-11-25"`` or one of ``allow``
    (``unknown``, ``ongoing``) as a :class:`PartialDate`; a located error otherwise."""
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, dt.date):
        return PartialDate.of(value)
    if isinstance(value, str) and value in allow:
        return ONGOING_DATE if value == ONGOING else UNKNOWN_DATE
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    match = _PARTIAL.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        raise PydanticCustomError("partial_date_format", "bad date",
                                  {"value": str(value), "also": _also(allow)})
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise ValueError
        if month is not None:
            dt.date(year, month, day or 1)
    except ValueError:
        raise PydanticCustomError("date_not_real", "no such date", {"value": text}) from None
    return PartialDate(year, month, day)


def _also(allow: tuple[str, ...]):
    """The words the field also takes, as a part of the message (or nothing)."""
    code = {(UNKNOWN,): "date_also_unknown", (ONGOING, UNKNOWN): "date_also_ongoing"}.get(tuple(sorted(allow)))
    return Msg(code) if code else ""


def _date_schema(*words: str) -> dict:
    """A day (a real one: ``format: date``), a month, a year as text or number, or a word."""
    options: list[dict] = [
        {"type": "string", "format": "date", "pattern": "^\\d{4}-\\d{2}-\\d{2}$"},
        {"type": "string", "pattern": "^\\d{4}-(0[1-9]|1[0-2])$"},
        {"type": "string", "pattern": "^\\d{4}$"},
        {"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR},
    ]
    options += [{"const": word} for word in words]
    return {"anyOf": options}


def _date_type(*allow: str, description: str):
    return Annotated[
        PartialDate,
        PlainValidator(lambda value: parse_partial(value, allow)),
        PlainSerializer(lambda value: value.isoformat(), return_type=str),
        WithJsonSchema({**_date_schema(*allow), "description": description}),
    ]


# A year, a month or a day.
When = _date_type(description="A year (2019), a month (2019-11) or a day (2019-11-25).")
# The same, or `unknown` when no source gives it.
WhenOrUnknown = _date_type(UNKNOWN, description="A year (2019), a month (2019-11), a day (2019-11-25), or unknown.")
# The end of a span: also `ongoing`.
SpanEnd = _date_type(ONGOING, UNKNOWN,
                     description="A year (2019), a month (2019-11), a day (2019-11-25), ongoing or unknown.")


def not_before(start_field: str):
    """A field validator for an end date: it may not certainly come before the date in
    ``start_field`` (declared before it, so known here if it was valid). A field validator
    rather than a model validator, so that it runs even when other fields have errors."""

    def check(end: PartialDate | None, info: ValidationInfo) -> PartialDate | None:
        start = info.data.get(start_field)
        if isinstance(end, PartialDate) and isinstance(start, PartialDate) and end.certainly_before(start):
            raise PydanticCustomError("date_end_before_start", "end before start",
                                      {"start": start.isoformat(), "end": end.isoformat()})
        return end

    return check


check_in_order = not_before("start")
