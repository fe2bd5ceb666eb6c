"""iCalendar (RFC 5545) files of the meetings, one set per language.

``calendars/hub.ics`` holds every visible meeting; each network and partner (the record
types whose ``syndication`` lists "calendar") has ``calendars/<folder>/<id>.ics`` with the
meetings that refer to it (a network's meetings; the meetings a partner hosts, attends or
shows a site at). A meeting is one event, with the same ``UID`` (``<id>@<host>``) in every
file and language, so a reader subscribed to two calendars sees it once.

Dates as the record knows them:

* a meeting whose first day is not known to the day (``2024``, ``2024-06``, ``unknown``)
  is left out: a calendar can only show days, and a month-long block would say more than
  the sources do; its page still lists it;
* an all-day event (``DATE`` values) from the first to the last day, unless the meeting is
  one day with a start time in its agenda (or sessions) and a time zone: then
  ``DTSTART;TZID=…`` (to the last agenda time of the day, if later) with its ``VTIMEZONE``;
* a meeting held over separate sessions, each known to the day, starts on the first and
  repeats on the others (``RDATE``).

``STATUS`` is ``CONFIRMED`` (held), ``TENTATIVE`` (planned) or ``CANCELLED`` (cancelled, and
postponed: it will not take place on those days); ``SUMMARY``, ``DESCRIPTION`` and
``LOCATION`` are in the calendar's language, a missing translation in the default
language with its ``LANGUAGE`` parameter; ``URL`` is the meeting's page in that language.
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Calendar, Event

from partnerhub.i18n import gettext
from partnerhub.labels import MEETING_FORMAT
from partnerhub.opendata import links
from partnerhub.opendata.dates import updated
from partnerhub.registry import RECORD_TYPES
from partnerhub.render.markup import plain_words

STATUS = {"held": "CONFIRMED", "planned": "TENTATIVE", "postponed": "CANCELLED", "cancelled": "CANCELLED"}
EVENT_TYPES = tuple(t for t in RECORD_TYPES if t.in_calendars is not None)


def _day(when) -> dt.date | None:
    return when.first_day if when is not None and when.precision == "day" else None


def _zone(name: str | None):
    try:
        return ZoneInfo(name) if name else None
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _times(meeting, day: dt.date) -> list[dt.time]:
    """The times written for ``day`` in the agenda and sessions, in order."""
    found = [item.time for item in getattr(meeting, "agenda", []) if item.time and item.date in (None, day)]
    found += [s.time for s in getattr(meeting, "sessions", []) if s.time and _day(s.date) == day]
    return sorted(dt.time.fromisoformat(time) for time in found)


def event_dates(meeting) -> dict | None:
    """``dtstart``, ``dtend`` and ``rdate`` of a meeting's event, or None if it has no day."""
    start = _day(meeting.start)
    if start is None:
        return None
    end = _day(getattr(meeting, "end", None)) or start
    sessions = [_day(s.date) for s in getattr(meeting, "sessions", [])]
    if sessions and all(sessions):
        days = sorted(set(sessions))
        return {"dtstart": days[0], "dtend": days[0] + dt.timedelta(days=1), "rdate": days[1:]}
    zone = _zone(getattr(meeting, "timezone", None))
    times = _times(meeting, start)
    if end == start and zone is not None and times:
        begin = dt.datetime.combine(start, times[0], tzinfo=zone)
        dates = {"dtstart": begin, "rdate": []}
        if times[-1] > times[0]:
            dates["dtend"] = dt.datetime.combine(start, times[-1], tzinfo=zone)
        return dates
    return {"dtstart": start, "dtend": max(end, start) + dt.timedelta(days=1), "rdate": []}


class Writer(links.LanguageWriter):
    """The calendars of one language."""

    def _text(self, event: Event, name: str, text: dict | None, plain: bool = False) -> None:
        picked = self.loc.pick(text)
        if picked:
            value = plain_words(picked.text) if plain else picked.text
            event.add(name, value, parameters={"LANGUAGE": picked.lang} if picked.fallback else None)

    def _location(self, meeting) -> str:
        parts = [self.loc.plain(meeting.venue)] if getattr(meeting, "venue", None) else []
        for host_id in getattr(meeting, "hosts", []):
            partner = self.rel.visible("partners", host_id)
            if partner is not None:
                parts.append(self.loc.plain(partner.display_name))
        place = getattr(meeting, "place", None)
        if place is not None:
            parts.append(self.loc.plain(place.display_name))
        if getattr(meeting, "format", None) in ("online", "hybrid"):
            parts.append(gettext(self.lang, MEETING_FORMAT[meeting.format]))
        return ", ".join(part for part in parts if part)

    @cached_property
    def _events(self) -> dict:
        return {}

    def event(self, record_type, meeting) -> Event | None:
        """The meeting's event, made once per language: the hub's calendar, its networks'
        and its hosts' all hold it."""
        key = (record_type.folder, meeting.id)
        if key not in self._events:
            self._events[key] = self._event(record_type, meeting)
        return self._events[key]

    def _event(self, record_type, meeting) -> Event | None:
        dates = event_dates(meeting)
        if dates is None:
            return None
        event = Event()
        event.add("uid", f"{meeting.id}@{self.host}")
        event.add("dtstamp", updated(self.hub, meeting) or dt.datetime.combine(
            dates["dtstart"] if not isinstance(dates["dtstart"], dt.datetime) else dates["dtstart"].date(),
            dt.time(0), tzinfo=dt.timezone.utc))
        event.add("dtstart", dates["dtstart"])
        if "dtend" in dates:
            event.add("dtend", dates["dtend"])
        if dates["rdate"]:
            event.add("rdate", dates["rdate"])
        self._text(event, "summary", meeting.display_name)
        self._text(event, "description", meeting.summary_text, plain=True)
        location = self._location(meeting)
        if location:
            event.add("location", location)
        event.add("status", STATUS.get(getattr(meeting, "status", "held"), "CONFIRMED"))
        event.add("url", links.page(self.site_url, self.config, self.lang, record_type.folder, meeting.id))
        return event

    def calendar(self, name: str, events) -> bytes:
        calendar = Calendar()
        calendar.add("prodid", f"-//partnerhub//{self.host}//{self.lang.upper()}")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        calendar.add("name", name)
        calendar.add("x-wr-calname", name)
        for record_type, meeting in events:
            event = self.event(record_type, meeting)
            if event is not None:
                calendar.add_component(event)
        calendar.add_missing_timezones()
        return calendar.to_ical()

    def files(self) -> dict[str, bytes]:
        """``path from the language's root -> calendar``."""
        hub_name = self.loc.plain(self.config.name)
        everything = [(t, m) for t in EVENT_TYPES for m in self.rel.records[t.folder].values() if t.in_calendars(m)]
        out = {links.calendar_path(): self.calendar(hub_name, everything)}
        for folder in links.own("calendar"):
            for record in self.rel.records[folder].values():
                events = [(t, m) for t in EVENT_TYPES for m in self.rel.referrers(folder, record.id, t.folder)
                          if t.in_calendars(m)]
                name = f"{self.loc.plain(record.display_name)} – {hub_name}"
                out[links.calendar_path(folder, record.id)] = self.calendar(name, events)
        return out


def write(hub, rel, site_dir: Path, site_url: str) -> list[str]:
    """Write every language's calendars; no pages."""
    return links.write_languages(hub, rel, site_dir, site_url, Writer)
