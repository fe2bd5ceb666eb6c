"""The help comments of new records: for each field, required or optional, what it holds,
the allowed values (vocabulary terms listed) — all read from the model, so that a field
added to a model is described in the templates without editing them. The fixed words are in
the language of ``partnerhub new --lang`` (the catalogs), and so are the descriptions of the
record types' fields (``descriptions.py``)."""

from __future__ import annotations

import textwrap
import typing

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from partnerhub.hubdata import HubData
from partnerhub.i18n import gettext_ as _
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
        status = _("Required (here, or in an <id>.<lang>.md file beside this one).") if prose else _("Required.")
    else:
        status = _("Optional.")
    # a record type's own fields are explained in the language of the questions
    # (partnerhub/new/descriptions.py puts them in the catalogs); a nested model's stay English
    description = (info.description or "").strip()
    parts = [status, _(description) if description else ""]
    marker = _marker(info)
    config = hub.config
    if isinstance(marker, VocabRef):
        terms = hub.terms.get(marker.vocabulary, {})
        if len(terms) > _MAX_LABELLED:  # a long vocabulary: the ids, the labels are in its file
            parts.append(_("Allowed: {values} (labels in data/vocabularies/{vocabulary}.yml).").format(
                values=", ".join(terms), vocabulary=marker.vocabulary))
        else:
            parts.append(_("Allowed: {values}.").format(
                values=", ".join(f"{term} ({label})" for term, label in terms.items())))
    elif isinstance(marker, Ref):
        ids = hub.record_ids(marker.kind)
        shown = ", ".join(ids[:_MAX_IDS]) + (", …" if len(ids) > _MAX_IDS else "")
        parts.append(_("Known ids (data/{folder}/): {ids}.").format(folder=marker.kind, ids=shown or _("none yet")))
    elif isinstance(marker, Translatable):
        others = ", ".join(config.other_languages)
        parts.append(_("One text per language: {lang} is required; {others} are translations.").format(
            lang=config.default_language, others=others) if others else
            _("One text per language: {lang} is required.").format(lang=config.default_language))
        if marker.markdown:
            parts.append(_("Markdown allowed."))
    choices = literal_values(info.annotation)
    if choices:
        parts.append(_("Allowed: {values}.").format(values=", ".join(str(c) for c in choices)))
    elif _is_bool(info.annotation):
        parts.append(_("Allowed: {values}.").format(values="true, false"))
    default = info.default
    if default not in (None, PydanticUndefined) and not isinstance(default, (list, dict)):
        shown = str(default).lower() if isinstance(default, bool) else default
        parts.append(_("Default: {value}.").format(value=shown))
    inner = _inner_model(info)
    if inner is not None:
        subfields = [_("{field} (required)").format(field=sub) if sub_info.is_required() else sub
                     for sub, sub_info in inner.model_fields.items()]
        parts.append(_("Its fields: {fields}.").format(fields=", ".join(subfields)))
    return [p for p in parts if p]


def comment(model: type[BaseModel], name: str, hub: HubData, prose: bool = False, indent: int = 0) -> str:
    """The ``# …`` lines above field ``name`` in a template."""
    prefix = " " * indent + "# "
    return "\n".join(textwrap.wrap(" ".join(describe(model, name, hub, prose)), WIDTH - len(prefix),
                                   initial_indent=prefix, subsequent_indent=prefix,
                                   break_long_words=False, break_on_hyphens=False))
