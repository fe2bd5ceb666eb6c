"""Turn pydantic's validation errors into problems with plain-language messages.

Pydantic reports an error type, a location (field path) and context; here they become a
message code from ``messages.py`` with parameters, and the location becomes a line and
column through the positions the YAML loader recorded.
"""

from __future__ import annotations

import difflib
import re

from pydantic import BaseModel, ValidationError

from partnerhub.model.fields import Translatable
from partnerhub.model.walk import _markers_of
from partnerhub.validation.messages import render
from partnerhub.yamlsource import YAML11_BOOLEANS, Positions


def _model_at(model: type[BaseModel] | None, path: tuple):
    """The model class and field info reached by following ``path`` from ``model``."""
    info = None
    for part in path:
        if isinstance(part, int) or model is None:
            continue
        info = model.model_fields.get(part)
        if info is None:
            return None, None
        marker, inner = _markers_of(info.annotation)
        model = inner[0] if inner else None
    return model, info


def _literal_choices(info) -> list[str]:
    import typing

    def find(annotation):
        if typing.get_origin(annotation) is typing.Literal:
            return list(typing.get_args(annotation))
        for arg in typing.get_args(annotation):
            found = find(arg)
            if found:
                return found
        return []

    return find(info.annotation) if info is not None else []


def did_you_mean(value: str, candidates) -> str:
    match = difflib.get_close_matches(str(value), [str(c) for c in candidates], n=1, cutoff=0.6)
    return render("did_you_mean", {"suggestion": match[0]}) if match else ""


def _is_langtext(info) -> bool:
    return info is not None and any(isinstance(m, Translatable) for m in info.metadata) or (
        info is not None and isinstance(_markers_of(info.annotation)[0], Translatable)
    )


def convert(error: dict, model: type[BaseModel], data, positions: Positions, hub) -> tuple[tuple, str, dict, bool]:
    """One pydantic error -> (field path, code, params, point at key?)."""
    loc = tuple(error["loc"])
    kind = error["type"]
    ctx = dict(error.get("ctx") or {})
    value = error.get("input")
    at_key = False
    if loc and loc[-1] == "[key]":  # a bad key of a language map
        loc = loc[:-1]
        at_key = True
    # drop the union branch names pydantic adds (e.g. 'function-after[...]', 'str')
    loc = tuple(p for p in loc if isinstance(p, int) or not re.match(r"^(function-|str$|int$|float$|bool$|date$|list\[|dict\[|nullable\[|lax-|strict-|json-or-python)", str(p)))
    field_name = str(next((p for p in reversed(loc) if isinstance(p, str)), "")) or "record"
    parent_model, _ = _model_at(model, loc[:-1])
    _, info = _model_at(model, loc)
    params: dict = {"field": field_name, "value": value if not isinstance(value, (dict, list)) else ""}
    params.update(ctx)

    if kind in ("id_format", "date_format", "date_not_real", "time_format", "url_scheme", "email_format",
                "file_absolute", "file_parent", "text_not_nfc", "text_control_character", "text_unsafe_markup",
                "document_file_or_url", "network_lead_count", "network_partner_twice", "date_end_before_start",
                "hub_language_unknown", "hub_default_not_listed"):
        return loc, kind, params, at_key
    if kind == "country_code":
        suggestion = ctx.get("suggestion")
        if value in ("EL", "el"):
            hint = render("country_greece", {})
        elif suggestion:
            hint = render("country_upper", {"suggestion": suggestion})
        else:
            hint = render("country_list", {})
        params["country_hint"] = hint
        return loc, "country_code", params, at_key
    if kind == "language_unknown":
        return loc + (ctx["key"],), kind, params, True
    if kind == "language_default_missing":
        code = "alt_missing" if field_name == "alt" else kind
        return loc, code, params, at_key
    if kind == "missing":
        description = info.description if info is not None and info.description else ""
        params["description"] = description.rstrip(".")
        return loc, "missing", params, at_key
    if kind == "extra_forbidden":
        known = sorted(parent_model.model_fields) if parent_model else []
        suggestion = did_you_mean(field_name, known)
        params["did_you_mean"] = suggestion or render("known_fields", {"known": ", ".join(known)})
        return loc, "extra_forbidden", params, True
    if value is None and kind.endswith("_type"):
        return loc, "value_empty", params, at_key
    if kind == "string_type":
        quote = ""
        if isinstance(value, (int, float, bool)) and not isinstance(value, dict):
            quote = render("quote_hint", {"value": str(value).lower() if isinstance(value, bool) else value})
        params["quote_hint"] = quote
        return loc, "string_type", params, at_key
    if kind == "bool_type":
        if isinstance(value, str) and value in YAML11_BOOLEANS:
            return loc, "bool_yaml11", params, at_key
        return loc, "bool_type", params, at_key
    if kind == "int_type" and isinstance(value, str) and re.fullmatch(r"[-+]?0\d+", value):
        params["suggestion"] = str(int(value))
        return loc, "int_leading_zero", params, at_key
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return loc, "int_type", params, at_key
    if kind in ("float_type", "float_parsing"):
        return loc, "float_type", params, at_key
    if kind == "list_type":
        return loc, "list_type", params, at_key
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        if _is_langtext(info):
            params["lang"] = hub.default_language if hub else "en"
            return loc, "langtext_type", params, at_key
        return loc, "dict_type", params, at_key
    if kind == "literal_error":
        choices = _literal_choices(info)
        params["expected"] = ", ".join(f"`{c}`" for c in choices) or ctx.get("expected", "")
        params["did_you_mean"] = did_you_mean(value, choices) if isinstance(value, str) else ""
        return loc, "literal_error", params, at_key
    if kind == "too_short":
        params["min_length"] = ctx.get("min_length", 1)
        return loc, "too_short", params, at_key
    if kind in ("string_too_short", "string_too_long", "greater_than_equal", "less_than_equal"):
        return loc, kind, params, at_key
    if kind in ("greater_than", "less_than"):
        return loc, "greater_than_equal" if kind == "greater_than" else "less_than_equal", {**params, "ge": ctx.get("gt"), "le": ctx.get("lt")}, at_key
    params["detail"] = error.get("msg", kind)
    return loc, "invalid_value", params, at_key


def problems_from(exc: ValidationError, model, data, positions: Positions, hub):
    """Yield (path, code, params, at_key) for each error of ``exc``."""
    for error in exc.errors(include_url=False):
        yield convert(error, model, data, positions, hub)
