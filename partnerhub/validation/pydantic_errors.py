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
from partnerhub.model.walk import _markers_of, literal_values
from partnerhub.validation.messages import render
from partnerhub.yamlsource import YAML11_BOOLEANS, Positions


def _model_at(model: type[BaseModel] | None, path: tuple):
    """The model class and field info reached by following ``path`` from ``model``."""
    info = None
    for part in path:
        if isinstance(part, int) or model is None:
            continue
        if part not in model.model_fields and "root" in model.model_fields:
            # a RootModel mapping keys to models (a vocabulary: term id -> Term)
            _, inner = _markers_of(model.model_fields["root"].annotation)
            model, info = (inner[0] if inner else None), None
            continue
        info = model.model_fields.get(part)
        if info is None:
            return None, None
        marker, inner = _markers_of(info.annotation)
        model = inner[0] if inner else None
    return model, info


def _literal_choices(info) -> list[str]:
    return literal_values(info.annotation) if info is not None else []


def did_you_mean(value: str, candidates) -> str:
    match = difflib.get_close_matches(str(value), [str(c) for c in candidates], n=1, cutoff=0.6)
    return render("did_you_mean", {"suggestion": match[0]}) if match else ""


def _is_langtext(info) -> bool:
    return info is not None and any(isinstance(m, Translatable) for m in info.metadata) or (
        info is not None and isinstance(_markers_of(info.annotation)[0], Translatable)
    )


# Names pydantic gives to the branches of a union or to a validator step (not field names).
_BRANCH = re.compile(r"^(function-|lax-|strict-|json-or-python|nullable\[|list\[|dict\[|(str|int|float|bool|date)$)")


def _clean_loc(loc: tuple, data) -> tuple:
    """``loc`` without pydantic's branch names, checked against the data so that a field
    really named ``date`` stays in the path."""
    out = []
    current = data
    for part in loc:
        if isinstance(part, int):
            out.append(part)
            current = current[part] if isinstance(current, list) and 0 <= part < len(current) else None
        elif isinstance(current, dict) and part in current:
            out.append(part)
            current = current[part]
        elif not _BRANCH.match(str(part)):
            out.append(part)
            current = None
    return tuple(out)


def _number(value):
    """``90.0`` -> ``90`` for messages."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _first_required(model) -> str:
    if model is None:
        return ""
    return next((name for name, info in model.model_fields.items() if info.is_required()), "")


def convert(error: dict, model: type[BaseModel], data, positions: Positions, hub) -> tuple[tuple, str, dict, bool]:
    """One pydantic error -> (field path, code, params, point at key?)."""
    loc = tuple(error["loc"])
    kind = error["type"]
    ctx = dict(error.get("ctx") or {})
    value = error.get("input")
    at_key = False
    if loc and loc[-1] == "[key]":  # a bad key of a map (a language, a vocabulary term)
        loc = loc[:-1]
        at_key = True
    loc = _clean_loc(loc, data)
    field_name = str(next((p for p in reversed(loc) if isinstance(p, str)), "")) or "record"
    parent_model, _ = _model_at(model, loc[:-1])
    _, info = _model_at(model, loc)
    params: dict = {"field": field_name, "value": value if not isinstance(value, (dict, list)) else ""}
    # the value as written, `3.10` rather than 3.1
    raw = positions.plain.get(loc)
    if raw is not None and not isinstance(value, (dict, list)):
        params["value"] = raw
    params.update(ctx)

    if value is None and not at_key and kind != "missing":  # `field:` with nothing after the colon
        return loc, "value_empty", params, at_key
    # checks of a whole model or list: point at the value to change
    if kind == "hub_default_not_listed":
        loc = loc + ("default_language",)
    elif kind == "network_partner_twice" and isinstance(ctx.get("index"), int):
        loc = loc + (ctx["index"], "partner")
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
        return (loc if at_key else loc + (ctx["key"],)), kind, params, True
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
    if kind == "string_pattern_mismatch" and model.__name__ == "HubConfig":
        return loc, "hub_language_unknown", params, at_key
    if kind == "string_type":
        quote = ""
        if isinstance(value, (int, float, bool)):
            quote = render("quote_hint", {"value": params["value"]})
        elif isinstance(value, list):
            quote = render("text_not_list", {})
        elif isinstance(value, dict):
            quote = render("text_not_map", {"field": field_name})
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
    if kind in ("float_type", "float_parsing", "finite_number"):
        return loc, "float_type", params, at_key
    if kind == "list_type":
        return loc, "list_type", params, at_key
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        if _is_langtext(info):
            params["lang"] = hub.default_language if hub else "en"
            params["example"] = value if isinstance(value, str) and value.strip() and "\n" not in value.strip() else "…"
            return loc, "langtext_type", params, at_key
        expected, _ = _model_at(model, loc)
        params["example"] = _first_required(expected) or "…"
        return loc, "dict_type", params, at_key
    if kind == "literal_error":
        choices = _literal_choices(info)
        params["expected"] = ", ".join(f"`{c}`" for c in choices) or ctx.get("expected", "")
        params["did_you_mean"] = did_you_mean(value, choices) if isinstance(value, str) else ""
        return loc, "literal_error", params, at_key
    if kind in ("too_short", "string_too_short"):  # Name's min_length comes as too_short
        if isinstance(value, str):
            return loc, "string_too_short", params, at_key
        params["min_length"] = ctx.get("min_length", 1)
        return loc, "too_short", params, at_key
    if kind in ("too_long", "string_too_long"):
        if isinstance(value, str):
            params["max_length"] = ctx.get("max_length")
            params["length"] = len(value)
            return loc, "string_too_long", params, at_key
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        params["ge"] = _number(ctx.get("ge", ctx.get("gt")))
        params["le"] = _number(ctx.get("le", ctx.get("lt")))
        code = "greater_than_equal" if kind.startswith("greater") else "less_than_equal"
        return loc, code, params, at_key
    params["detail"] = error.get("msg", kind)
    return loc, "invalid_value", params, at_key


def problems_from(exc: ValidationError, model, data, positions: Positions, hub):
    """Yield (path, code, params, at_key) for each error of ``exc``."""
    for error in exc.errors(include_url=False):
        yield convert(error, model, data, positions, hub)
