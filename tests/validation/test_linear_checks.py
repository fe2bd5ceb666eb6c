"""The checks across records are lookups, not loops over every other record: the loops of
``adapted_from``/``follows``/``part_of`` chains (``partnerhub/validation/chains.py``) and a
series' numbers (``series.py``) give exactly what the walks they replaced gave, on random
hubs, and a chain of thousands of records costs one pass."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from types import SimpleNamespace

import pytest

from partnerhub.model.meeting import REPLACEABLE
from partnerhub.validation import series
from partnerhub.validation.chains import loop_from


class _Hub(SimpleNamespace):
    def get(self, folder, record_id):
        entry = self.records[folder].get(record_id) if record_id else None
        return entry.record if entry else None


def _walked_loop(hub, folder, field_name, record):
    """The walk that chains.loop_from replaced (from lineage._cycle and rules.part_of_without_cycle)."""
    chain = [record.id]
    target = getattr(record, field_name)
    while target is not None:
        if target in chain:
            return [*chain, target] if target == record.id else None
        chain.append(target)
        step = hub.get(folder, target)
        target = getattr(step, field_name) if step is not None else None
    return None


@pytest.mark.parametrize("seed", range(30))
def test_loops_as_the_walk_found_them(seed):
    rng = random.Random(seed)
    ids = [f"r{i}" for i in range(rng.choice([1, 3, 10, 40]))]
    records = {i: SimpleNamespace(record=SimpleNamespace(id=i, next=rng.choice([None, "missing", *ids])))
               for i in ids}
    hub = _Hub(records={"things": records})
    for record_id, entry in records.items():
        assert loop_from(hub, "things", "next", record_id) == _walked_loop(hub, "things", "next", entry.record)


def test_a_long_chain_is_one_pass():
    ids = [f"r{i}" for i in range(20_000)]
    records = {i: SimpleNamespace(record=SimpleNamespace(id=i, next=ids[k + 1] if k + 1 < len(ids) else ids[0]))
               for k, i in enumerate(ids)}
    hub = _Hub(records={"things": records})
    assert loop_from(hub, "things", "next", "r5")[:3] == ["r5", "r6", "r7"]
    assert all(len(loop_from(hub, "things", "next", i)) == len(ids) + 1 for i in ids[:50])


@dataclass
class _Day:
    day: int | None

    @property
    def known(self):
        return self.day is not None

    @property
    def sort_key(self):
        return (self.day or 0,)

    @property
    def first_day(self):
        return dt.date(2024, 1, 1) + dt.timedelta(days=self.day or 0)

    last_day = first_day

    def certainly_before(self, other):
        return self.known and other.known and self.day < other.day

    def isoformat(self):
        return str(self.day)


@dataclass
class _Meeting:
    id: str
    numbers: list
    status: str
    start: _Day
    networks: list = field(default_factory=lambda: ["n"])

    @property
    def last(self):
        return self.start


def _walked_numbers(meeting, hub):
    """The number checks as they were: a loop over the other meetings of the series."""
    network = meeting.networks[0]
    others = [m for m in series._series(hub)[network] if m.id != meeting.id and series._numbered(m)]
    for number in meeting.numbers:
        for other in others:
            if number in other.numbers:
                yield ("number",), "series_number_twice", {"number": number, "other": other.id, "network": network}
    first = min(meeting.numbers)
    below = [m for m in others if max(m.numbers) < first and m.start.known]
    if below and meeting.start.known:
        previous = max(below, key=lambda m: (max(m.numbers), m.start.sort_key))
        if meeting.start.certainly_before(previous.start):
            yield ("number",), "series_number_order", {
                "number": first, "other_number": max(previous.numbers), "other": previous.id, "network": network,
                "date": meeting.start.isoformat(), "other_date": previous.start.isoformat()}


@pytest.mark.parametrize("seed", range(40))
def test_series_numbers_as_the_loop_found_them(seed):
    rng = random.Random(seed)
    statuses = ["held", "planned", *sorted(REPLACEABLE)]
    meetings = [_Meeting(f"m{i}", [rng.randint(1, 6) for _ in range(rng.choice([0, 1, 1, 1, 2, 3]))],
                         rng.choice(statuses), _Day(rng.choice([None, *range(8)])),
                         [rng.choice(["n", "n", "o"])]) for i in range(rng.choice([2, 5, 15, 40]))]
    hub = _Hub(records={"meetings": {m.id: SimpleNamespace(record=m) for m in meetings}, "networks": {}},
               today=dt.date(2024, 1, 5))
    for meeting in meetings:
        found = [p for p in series.meeting_series(SimpleNamespace(record=meeting), hub) if p[0] == ("number",)]
        expected = list(_walked_numbers(meeting, hub)) if series._numbered(meeting) else []
        assert found == expected, meeting
