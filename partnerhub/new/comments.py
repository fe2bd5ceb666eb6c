"""The help comments of new records: for each field, required or optional, what it holds,
the allowed values (vocabulary terms listed) — all read from the model, so that a field
added to a model is described in the templates without editing them."""

from __future__ import annotations

import textwrap
import typing

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from partnerhub.hubdata import HubData
from partnerhub.model.fields import Ref, Translatable, VocabRef
from partnerhub.model.walk import markers_of, literal_values

WIDTH = 92
_MAX_IDS = 15
_MAX_LABELLED = 12  # terms listed with their labels; a longer vocabulary is listed by id


def _is_bool(annotation) -> bool:
    if annotation is bool:
        return True
    return any(_is_bool(arg) for arg in typing.get_args(annotation))


def _marker(info):
    marker = next((m for m in info.metadata if isinstance(m, (Ref, VocabRef, Translatable))), None)
    return marker or markers_of(info.annotation)[0]


def _inner_model(info) -> type[BaseModel] | None:
    inner = markers_of(info.annotation)[1]
    return inner[0] if inner else None


def describe(model: type[BaseModel], name: str, hub: HubData, prose: bool = False) -> list[str]:
    """Sentences describing field ``name`` of ``model`` for someone filling it in."""
    info = model.model_fields[name]
    if info.is_required():
        status = "Required (here, or in an <id>.<lang>.md file beside this one)." if prose else "Required."
    else:
        status = "Optional."
    parts = [status, (info.description or "").strip()]
    marker = _marker(info)
    config = hub.config
    if isinstance(marker, VocabRef):
        terms = hub.terms.get(marker.vocabulary, {})
        if len(terms) > _MAX_LABELLED:  # a long vocabulary: the ids, the labels are in its file
            parts.append("Allowed: " + ", ".join(terms) + f" (labels in data/vocabularies/{marker.vocabulary}.yml).")
        else:
            parts.append("Allowed: " + ", ".join(f"{term} ({label})" for term, label in terms.items()) + ".")
    elif isinstance(marker, Ref):
        ids = hub.record_ids(marker.kind)
        shown = ", ".join(ids[:_MAX_IDS]) + (", …" if len(ids) > _MAX_IDS else "")
        parts.append(f"Known ids (data/{marker.kind}/): {shown or 'none yet'}.")
    elif isinstance(marker, Translatable):
        others = ", ".join(config.other_languages)
        parts.append(f"One text per language: {config.default_language} is required"
                     + (f"; {others} are translations." if others else "."))
        if marker.markdown:
            parts.append("Markdown allowed.")
    choices = literal_values(info.annotation)
    if choices:
        parts.append("Allowed: " + ", ".join(str(c) for c in choices) + ".")
    elif _is_bool(info.annotation):
        parts.append("Allowed: true, false.")
    default = info.default
    if default not in (None, PydanticUndefined) and not isinstance(default, (list, dict)):
        shown = str(default).lower() if isinstance(default, bool) else default
        parts.append(f"Default: {shown}.")
    inner = _inner_model(info)
    if inner is not None:
        subfields = [f"{sub} (required)" if sub_info.is_required() else sub
                     for sub, sub_info in inner.model_fields.items()]
        parts.append("Its fields: " + ", ".join(subfields) + ".")
    return [p for p in parts if p]


def comment(model: type[BaseModel], name: str, hub: HubData, prose: bool = False, indent: int = 0) -> str:
    """The ``# …`` lines above field ``name`` in a template."""
    prefix = " " * indent + "# "
    return "\n".join(textwrap.wrap(" ".join(describe(model, name, hub, prose)), WIDTH - len(prefix),
                                   initial_indent=prefix, subsequent_indent=prefix,
                                   break_long_words=False, break_on_hyphens=False))
