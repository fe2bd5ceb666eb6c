"""Chains of records that each name the next (``adapted_from``, ``follows``, ``part_of``),
and the loops in them, found for all records of a folder in one linear pass.

Each record names at most one next record, so every chain either ends or runs into a
loop. :func:`loop_from` tells, for one record, the loop it is on (its id, the ids that
follow, and its id again), or None; the loops of a folder are worked out once per hub
(each record visited once), so that a hub of long chains costs no more than a short one.
"""

from __future__ import annotations


def _loops(hub, folder: str, field: str) -> dict[str, tuple[list[str], int]]:
    """Record id -> (the loop it is on, its place in it), for the records on a loop."""
    records = hub.records[folder]
    done: set[str] = set()
    loops: dict[str, list[str]] = {}
    for start in records:
        path: list[str] = []
        where: dict[str, int] = {}
        current = start
        while current and current in records and current not in done and current not in where:
            where[current] = len(path)
            path.append(current)
            current = getattr(records[current].record, field)
        if current in where:  # the walk came back to a record of its own path: a loop
            loop = path[where[current]:]
            for index, record_id in enumerate(loop):
                loops[record_id] = (loop, index)
        done.update(path)
    return loops


def loop_from(hub, folder: str, field: str, record_id: str) -> list[str] | None:
    """The ids from ``record_id`` along ``field`` back to it (``[a, b, c, a]``) if the chain
    returns to it; None if it ends, or runs into a loop that it is not on."""
    cache = hub.__dict__.setdefault("_partnerhub_loops", {})
    if (folder, field) not in cache:
        cache[(folder, field)] = _loops(hub, folder, field)
    found = cache[(folder, field)].get(record_id)
    if found is None:
        return None
    loop, index = found
    return [*loop[index:], *loop[:index], record_id]
