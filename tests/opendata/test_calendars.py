"""The iCalendar files, parsed with the icalendar library: each meeting once with a stable
UID, all-day dates or a time with its VTIMEZONE, its status, place, page and language."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from partnerhub.opendata import calendars
from tests.opendata.support import HIDDEN, SITE_URL, hostile_root, load


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    hub, rel = load(hostile_root(tmp_path_factory.mktemp("calendars")))
    out = tmp_path_factory.mktemp("out")
    calendars.write(hub, rel, out, SITE_URL)
    return out


def _events(path):
    calendar = Calendar.from_ical(path.read_bytes())
    return calendar, {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_files_per_language_hub_network_and_partner(out):
    for root in (out, out / "el", out / "fr"):
        assert (root / "calendars" / "hub.ics").is_file()
        assert (root / "calendars" / "networks" / "breaking-isolation.ics").is_file()
        assert (root / "calendars" / "partners" / "serres.ics").is_file()
    assert not any(HIDDEN.encode() in p.read_bytes() or HIDDEN in p.name for p in out.rglob("*") if p.is_file())


def test_each_meeting_once_with_stable_uid(out):
    calendar, events = _events(out / "calendars" / "hub.ics")
    assert calendar["VERSION"] == "2.0" and calendar["METHOD"] == "PUBLISH"
    uids = [str(e["UID"]) for e in calendar.walk("VEVENT")]
    assert len(uids) == len(set(uids))
    # the month-only meeting is left out; the others are there
    assert set(uids) == {f"{m}@hub.example.org" for m in ("breaking-isolation-01-agen", "bi-02-serres", "bi-04-agen")}
    _, greek = _events(out / "el" / "calendars" / "hub.ics")
    assert set(greek) == set(events)  # the same events in every language


def test_all_day_dates_when_no_time_is_known(out):
    _, events = _events(out / "calendars" / "hub.ics")
    agen = events["bi-04-agen@hub.example.org"]
    assert agen["DTSTART"].dt == dt.date(2024, 9, 10) and agen["DTEND"].dt == dt.date(2024, 9, 13)  # end exclusive
    assert agen["DTSTART"].params.get("VALUE") == "DATE"
    assert str(agen["STATUS"]) == "TENTATIVE"


def test_time_and_time_zone(out):
    calendar, events = _events(out / "calendars" / "hub.ics")
    serres = events["bi-02-serres@hub.example.org"]
    start = serres["DTSTART"].dt
    assert start.isoformat() == "2024-03-12T09:30:00+02:00" and serres["DTSTART"].params["TZID"] == "Europe/Athens"
    assert serres["DTEND"].dt.hour == 17
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Athens"]
    assert str(serres["STATUS"]) == "CANCELLED"


def test_summary_location_and_url_in_the_calendar_language(out):
    _, events = _events(out / "el" / "calendars" / "hub.ics")
    serres = events["bi-02-serres@hub.example.org"]
    assert str(serres["SUMMARY"]) == "Συνάντηση στις Σέρρες & «Q&A» <2>"
    assert "LANGUAGE" not in serres["SUMMARY"].params
    assert str(serres["LOCATION"]) == "Σέρρες"
    assert str(serres["URL"]) == SITE_URL + "el/meetings/bi-02-serres/"
    agen = events["bi-04-agen@hub.example.org"]
    _, french = _events(out / "fr" / "calendars" / "hub.ics")
    fallback = french["bi-04-agen@hub.example.org"]["SUMMARY"]
    assert str(fallback) == "Third meeting in Agen" and fallback.params["LANGUAGE"] == "en"  # marked
    assert str(agen["SUMMARY"]) == "Τρίτη συνάντηση στην Αζέν"


def test_network_and_partner_calendars_hold_their_meetings(out):
    _, network = _events(out / "calendars" / "networks" / "breaking-isolation.ics")
    assert "bi-02-serres@hub.example.org" in network
    _, serres = _events(out / "calendars" / "partners" / "serres.ics")
    assert set(serres) == {"bi-02-serres@hub.example.org"}  # it hosts that one (the other is month-only)
    _, skofja = _events(out / "calendars" / "partners" / "skofja-loka.ics")
    assert skofja == {}


class _Meeting:
    def __init__(self, **fields):
        from partnerhub.model.dates import parse_partial

        self.start = parse_partial(fields.pop("start"), ("unknown",))
        self.end = parse_partial(fields.pop("end")) if "end" in fields else None
        self.sessions, self.agenda, self.timezone = [], [], None
        self.__dict__.update(fields)


def test_event_dates_by_precision():
    assert calendars.event_dates(_Meeting(start="2024")) is None
    assert calendars.event_dates(_Meeting(start="2024-06")) is None
    assert calendars.event_dates(_Meeting(start="unknown")) is None
    one = calendars.event_dates(_Meeting(start="2024-06-03"))
    assert one == {"dtstart": dt.date(2024, 6, 3), "dtend": dt.date(2024, 6, 4), "rdate": []}
    vague_end = calendars.event_dates(_Meeting(start="2024-06-03", end="2024-06"))
    assert vague_end["dtend"] == dt.date(2024, 6, 4)  # a day as known, not a guessed span


def test_sessions_repeat_on_their_days_and_times_need_a_zone():
    from types import SimpleNamespace

    from partnerhub.model.dates import parse_partial

    sessions = [SimpleNamespace(date=parse_partial(day), time=None) for day in ("2020-10-14", "2020-10-21")]
    series = calendars.event_dates(_Meeting(start="2020-10-14", end="2020-10-21", sessions=sessions))
    assert series == {"dtstart": dt.date(2020, 10, 14), "dtend": dt.date(2020, 10, 15), "rdate": [dt.date(2020, 10, 21)]}
    agenda = [SimpleNamespace(date=None, time="10:00")]
    no_zone = calendars.event_dates(_Meeting(start="2020-10-14", agenda=agenda))
    assert no_zone["dtstart"] == dt.date(2020, 10, 14)  # a time without a zone is no instant: all day
    timed = calendars.event_dates(_Meeting(start="2020-10-14", agenda=agenda, timezone="Europe/Paris"))
    assert timed["dtstart"].isoformat() == "2020-10-14T10:00:00+02:00" and "dtend" not in timed
