"""Locale-aware formatting through Babel/CLDR: dates, date ranges, numbers, country and
language names, and choosing a record's text in the page language (with fallback)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton
from babel.numbers import format_currency, format_decimal

from partnerhub.i18n import N_, translations
from partnerhub.model.dates import PartialDate

UNKNOWN_DATE = N_("date unknown")
ONGOING = N_("ongoing")
START_UNKNOWN = N_("start unknown")
END_UNKNOWN = N_("end unknown")
# the skeleton that shows a date as precisely as it is known
_SKELETON = {"month": "yMMMM", "year": "y"}

_SHORT_MONTH = re.compile(r"(?<![ML])(MMM|LLL)(?![ML])")


@dataclass(frozen=True)
class Picked:
    """A text chosen for a page: its language, and whether it stands in for a missing one."""

    text: str
    lang: str
    fallback: bool

    def __bool__(self) -> bool:
        return bool(self.text)


@lru_cache(maxsize=None)
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


@lru_cache(maxsize=None)
def _range_patterns(lang: str, differs_in: str) -> tuple[str, str]:
    """CLDR's interval pattern for day-month-year ranges, with full month names."""
    parts = _locale(lang).interval_formats["yMMMd"][differs_in]
    return tuple(_SHORT_MONTH.sub(lambda m: m.group(1) + m.group(1)[0], p) for p in parts)


@lru_cache(maxsize=None)
def autonym(code: str) -> str:
    """A language's name in itself (``Ελληνικά``), as language switchers show it."""
    name = _locale(code).languages.get(code, code)
    return name[:1].upper() + name[1:]


class Localizer:
    """Formatting for one page language."""

    def __init__(self, lang: str, default_lang: str) -> None:
        self.lang = lang
        self.default_lang = default_lang
        self.locale = _locale(lang)

    def pick(self, text: dict | None) -> Picked:
        if not text:
            return Picked("", self.lang, False)
        if (text.get(self.lang) or "").strip():
            return Picked(text[self.lang], self.lang, False)
        return Picked(text.get(self.default_lang, ""), self.default_lang, True)

    def plain(self, text: dict | None) -> str:
        return self.pick(text).text

    def date(self, value: dt.date, precision: str = "day") -> str:
        if precision == "month":
            return format_skeleton("yMMMM", value, locale=self.lang)
        return format_date(value, "long", locale=self.lang)

    def date_range(self, start: dt.date, end: dt.date | None, precision: str = "day") -> str:
        if precision == "month":
            return self.date(start, "month")
        if end is None or end == start:
            return self.date(start)
        differs_in = "y" if start.year != end.year else "M" if start.month != end.month else "d"
        first, second = _range_patterns(self.lang, differs_in)
        return format_date(start, first, locale=self.lang) + format_date(end, second, locale=self.lang)

    # --- dates as the sources know them (partnerhub.model.dates) -------------------
    def _word(self, msgid: str) -> str:
        return translations(self.lang).gettext(msgid)

    def when(self, value: PartialDate) -> str:
        """A day, a month or a year, as precise as it is known: ``25 November 2019``,
        ``November 2019`` (``Νοέμβριος 2019``), ``2019``; or ``date unknown``, ``ongoing``."""
        precision = value.precision
        if precision == "day":
            return format_date(value.first_day, "long", locale=self.lang)
        if precision in _SKELETON:
            return format_skeleton(_SKELETON[precision], value.first_day, locale=self.lang)
        return self._word(ONGOING if precision == "ongoing" else UNKNOWN_DATE)

    def _joined(self, first: str, second: str) -> str:
        """Two ends of a span with the locale's own pattern (``{0} – {1}``)."""
        return self.locale.interval_formats[None].replace("{0}", first).replace("{1}", second)

    def span(self, start: PartialDate, end: PartialDate | None = None) -> str:
        """From ``start`` to ``end`` (a one-day event if ``end`` is None), each as precise as
        it is known, with CLDR's interval patterns when both have the same precision:
        ``17–18 April 2024``, ``November 2019 – February 2020``, ``2019–2020``."""
        if end is None or end == start:
            return self.when(start)
        if not start.known or not end.known:
            first = self.when(start) if start.known else self._word(START_UNKNOWN)
            second = self.when(end) if end.known or end.ongoing else self._word(END_UNKNOWN)
            return self._joined(first, second)
        if start.precision == end.precision == "day":
            return self.date_range(start.first_day, end.first_day)
        if start.precision == end.precision:
            return format_interval(start.first_day, end.first_day, _SKELETON[start.precision], locale=self.lang)
        return self._joined(self.when(start), self.when(end))

    def period(self, period) -> str:
        """A :class:`~partnerhub.model.common.Period`: an end left out is not known."""
        if period.end is None:
            return self._joined(self.when(period.start) if period.start.known else self._word(START_UNKNOWN),
                                self._word(END_UNKNOWN))
        return self.span(period.start, period.end)

    def year(self, value: dt.date) -> str:
        return format_skeleton("y", value, locale=self.lang)

    def year_number(self, year: int) -> str:
        return self.year(dt.date(year, 1, 1))

    def number(self, value: float | int) -> str:
        return format_decimal(value, locale=self.lang)

    def currency(self, value: float, code: str) -> str:
        return format_currency(value, code, locale=self.lang)

    def country(self, code: str) -> str:
        return self.locale.territories.get(code, code)

    def language(self, code: str) -> str:
        """A language's name in the page's language (``Greek``, ``grec``)."""
        return self.locale.languages.get(code, code)

    def languages(self, codes) -> str:
        """Languages' names in the page's language, listed: ``Greek, English``."""
        return ", ".join(self.language(code) for code in codes)

    def autonym(self, code: str) -> str:
        return autonym(code)
