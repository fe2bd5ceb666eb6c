"""The rule every record type has: ``alternatives`` name fields the record has
(``partnerhub.model.alternatives``)."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from partnerhub.messages import Word
from partnerhub.model.walk import markers_of
from partnerhub.validation.pydantic_errors import did_you_mean


def field_exists(model: type[BaseModel], dotted: str) -> tuple[bool, list[str]]:
    """Whether ``dotted`` (``period.start``) is a field path of ``model``; and the names
    that would have been right at the step that failed."""
    current: type[BaseModel] | None = model
    for part in dotted.split("."):
        if current is None or part not in current.model_fields:
            return False, sorted(current.model_fields) if current is not None else []
        _marker, inner = markers_of(current.model_fields[part].annotation)
        current = inner[0] if inner else None
    return True, []


def alternatives_name_fields(entry, hub) -> Iterator[tuple]:
    record = entry.record
    for index, alternative in enumerate(getattr(record, "alternatives", [])):
        exists, known = field_exists(type(record), alternative.field)
        if not exists:
            last = alternative.field.rsplit(".", 1)[-1]
            yield ("alternatives", index, "field"), "alternative_field_unknown", {
                "value": alternative.field, "kind": Word(entry.type.label),
                "did_you_mean": did_you_mean(last, [k for k in known if k != "alternatives"])}
