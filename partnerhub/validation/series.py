"""Rules across meetings and networks: who may host, and whether a network's series of
meetings reads right (the registry lists which type each rule belongs to).

The series checks are warnings: a source may really number two meetings alike, and a
meeting's status changes with time. They are relative to the day of the run
(``hub.today``): a meeting still ``planned`` after it should have taken place, or
``held`` before its date, is what an editor forgets to update.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterator

from partnerhub.model.meeting import REPLACEABLE


def _networks(meeting, hub) -> list:
    return [n for n in (hub.get("networks", nid) for nid in meeting.networks) if n is not None]


def hosts_are_members(entry, hub) -> Iterator[tuple]:
    """A meeting's hosts are partners of (one of) its networks."""
    meeting = entry.record
    networks = _networks(meeting, hub)
    if not networks:
        return  # an unknown network is reported as such
    members = {m.partner for network in networks for m in network.partners}
    for index, host in enumerate(meeting.host):
        if hub.get("partners", host) is None or host in members:
            continue  # an unknown host is reported as such
        if len(networks) == 1:
            yield ("host", index), "ref_not_member", {"value": host, "network": networks[0].id}
        else:
            yield ("host", index), "ref_not_member_any", {
                "value": host, "networks": ", ".join(f"`{n.id}`" for n in networks)}


def _series(hub) -> dict[str, list]:
    """Meetings by the network whose series they are numbered in (their first), built once."""
    index = hub.__dict__.get("_series")
    if index is None:
        index = defaultdict(list)
        for entry in hub.records["meetings"].values():
            index[entry.record.networks[0]].append(entry.record)
        hub.__dict__["_series"] = index
    return index


def _numbered(meeting) -> bool:
    """Takes part in number checks: numbered, and not postponed or cancelled (a meeting
    that replaces another may keep its number)."""
    return bool(meeting.numbers) and meeting.status not in REPLACEABLE


class _Numbers:
    """The numbered meetings of one series, indexed once: by number, and by their highest
    number with the latest of those below each point, so that each meeting's checks are
    lookups (a series of a thousand meetings costs no more per meeting than one of ten)."""

    def __init__(self, meetings: list) -> None:
        numbered = [m for m in meetings if _numbered(m)]
        self.by_number: dict[int, list] = defaultdict(list)
        for meeting in numbered:
            for number in dict.fromkeys(meeting.numbers):
                self.by_number[number].append(meeting)
        # dated meetings by their highest number; best[i]: the one of items[:i + 1] that
        # max() over them (in series order) would pick
        items = sorted(((max(m.numbers), m.start.sort_key, position, m)
                        for position, m in enumerate(numbered) if m.start.known), key=lambda item: item[0])
        self.highest = [item[0] for item in items]
        self.best: list = []
        for item in items:
            previous = self.best[-1] if self.best else None
            if previous is None or item[:2] > previous[:2] or (item[:2] == previous[:2] and item[2] < previous[2]):
                previous = item
            self.best.append(previous)

    def latest_below(self, number: int):
        """The meeting max() would pick among the dated ones numbered below ``number``."""
        count = bisect.bisect_left(self.highest, number)
        return self.best[count - 1][3] if count else None


def _numbers(hub, network: str) -> _Numbers:
    index = hub.__dict__.setdefault("_series_numbers", {})
    if network not in index:
        index[network] = _Numbers(_series(hub)[network])
    return index[network]


def meeting_series(entry, hub) -> Iterator[tuple]:
    """Status against today, dates against the network's period, numbers against the
    other meetings of the series."""
    meeting, today = entry.record, hub.today
    start, last = meeting.start, meeting.last
    if meeting.status == "held" and start.known and start.first_day > today:
        yield ("status",), "meeting_held_in_future", {"date": start.isoformat(), "today": today.isoformat()}
    if meeting.status == "planned" and last.known and last.last_day < today:
        yield ("status",), "meeting_planned_in_past", {"date": last.isoformat(), "today": today.isoformat()}
    for network in _networks(meeting, hub):
        period = network.period
        if start.certainly_before(period.start) or (
                period.end is not None and period.end.known and period.end.certainly_before(start)):
            yield ("start",), "meeting_outside_period", {
                "date": start.isoformat(), "network": network.id,
                "period": f"{period.start.isoformat()} – {period.end.isoformat() if period.end else '…'}"}
    if not _numbered(meeting):
        return
    network = meeting.networks[0]
    numbers = _numbers(hub, network)
    for number in meeting.numbers:
        for other in numbers.by_number.get(number, ()):
            if other.id != meeting.id:
                yield ("number",), "series_number_twice", {"number": number, "other": other.id, "network": network}
    # the meeting numbered just below this one should not come later (it is not this one:
    # this one's highest number is not below its lowest)
    first = min(meeting.numbers)
    previous = numbers.latest_below(first)
    if previous is not None and start.known:
        if start.certainly_before(previous.start):
            yield ("number",), "series_number_order", {
                "number": first, "other_number": max(previous.numbers), "other": previous.id, "network": network,
                "date": start.isoformat(), "other_date": previous.start.isoformat()}


def sessions_within_dates(entry, hub) -> Iterator[tuple]:
    """A meeting's sessions fall between its start and its end."""
    meeting = entry.record
    first, last = meeting.start, meeting.last
    for index, session in enumerate(meeting.sessions):
        if session.date.certainly_before(first) or last.certainly_before(session.date):
            yield ("sessions", index, "date"), "meeting_session_outside", {
                "value": session.date.isoformat(), "start": first.isoformat(), "end": last.isoformat()}


def phases_of_members(entry, hub) -> Iterator[tuple]:
    """A membership's phases are phases of the network."""
    network = entry.record
    phases = [phase.id for phase in network.phases]
    for index, member in enumerate(network.partners):
        for place, phase in enumerate(member.phases):
            if phase not in phases:
                yield ("partners", index, "phases", place), "network_phase_unknown", {
                    "value": phase, "known": ", ".join(f"`{p}`" for p in phases) or "–"}
