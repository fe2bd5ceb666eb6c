"""Rules on chains of records that lead from one to the next: a practice adapted from
another (``adapted_from``), a network that follows an earlier one (``follows``). A chain
never returns to where it started: a record is not its own ancestor."""

from __future__ import annotations

from collections.abc import Iterator

from partnerhub.validation.chains import loop_from


def _cycle(hub, folder: str, record, field: str) -> list[str] | None:
    """The ids from ``record`` along ``field`` back to ``record``, if the chain returns to it
    (a loop further up is reported on the records that are in it)."""
    return loop_from(hub, folder, field, record.id)


def _without_cycle(entry, hub, folder: str, field: str, itself: str, cycle: str) -> Iterator[tuple]:
    record = entry.record
    if getattr(record, field) == record.id:
        yield (field,), itself, {"value": record.id}
        return
    chain = _cycle(hub, folder, record, field)
    if chain:
        yield (field,), cycle, {"chain": " → ".join(chain)}


def adapted_without_cycle(entry, hub) -> Iterator[tuple]:
    """A practice is not adapted from itself, directly or through others."""
    yield from _without_cycle(entry, hub, "practices", "adapted_from", "practice_adapted_from_itself",
                              "practice_lineage_cycle")
    practice = entry.record
    if practice.adaptation and practice.adapted_from is None:
        yield ("adaptation",), "practice_adaptation_without_source", {}


def follows_without_cycle(entry, hub) -> Iterator[tuple]:
    """A network does not follow itself, directly or through others."""
    yield from _without_cycle(entry, hub, "networks", "follows", "network_follows_itself", "network_follows_cycle")
