"""Rules across records that belong to one record type (the registry lists which).

Each rule takes a valid record's :class:`~partnerhub.hub.Entry` and the hub, and yields
``(field path, message code, parameters)`` for each problem; the validator places them on
their lines. References that do not resolve are checked for every type in
``references.py``; these rules check what only makes sense for one type.
"""

from __future__ import annotations

from collections.abc import Iterator

from partnerhub.validation.chains import loop_from


def part_of_without_cycle(entry, hub) -> Iterator[tuple]:
    """``part_of`` never leads back to the partner itself (``a`` in ``b`` in ``a``)."""
    chain = loop_from(hub, "partners", "part_of", entry.record.id)
    if chain:  # a cycle further up is reported on the partners that are in it
        yield ("part_of",), "part_of_cycle", {"chain": " → ".join(chain)}


def not_transferred_to_owner(entry, hub) -> Iterator[tuple]:
    """A practice is not "adapted by" a partner that runs it."""
    practice = entry.record
    for index, partner in enumerate(practice.transferred_to):
        if partner in practice.owners:
            yield ("transferred_to", index), "transferred_to_owner", {"value": partner}
