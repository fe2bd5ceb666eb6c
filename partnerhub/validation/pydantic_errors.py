"""Turn pydantic's validation errors into problems with plain-language messages.

Pydantic reports an error type, a location (field path) and context; here they become a
message code from ``messages.py`` with parameters, and the location becomes a line and
column through the positions the YAML loader recorded.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from pydantic import BaseModel, ValidationError

from partnerhub.model.fields import Translatable
from partnerhub.messages import RECORDS_V2_MODEL_CODES, Msg
from partnerhub.model.walk import literal_values, markers_of
from partnerhub.yamlsource import YAML11_BOOLEANS, Positions


def _model_at(model: type[BaseModel] | None, path: tuple):
    """The model class and field info reached by following ``path`` from ``model``."""
    info = None
    for part in path:
        if isinstance(part, int) or model is None:
            continue
        if part not in model.model_fields and "root" in model.model_fields:
            # a RootModel mapping keys to models (a vocabulary: term id -> Term)
            _, inner = markers_of(model.model_fields["root"].annotation)
            model, info = (inner[0] if inner else None), None
            continue
        info = model.model_fields.get(part)
        if info is None:
            return None, None
        marker, inner = markers_of(info.annotation)
        model = inner[0] if inner else None
    return model, info


def _literal_choices(info) -> list[str]:
    return literal_values(info.annotation) if info is not None else []


def did_you_mean(value: str, candidates) -> str:
    match = difflib.get_close_matches(str(value), [str(c) for c in candidates], n=1, cutoff=0.6)
    return Msg("did_you_mean", {"suggestion": match[0]}) if match else ""


def _is_langtext(info) -> bool:
    return info is not None and any(isinstance(m, Translatable) for m in info.metadata) or (
        info is not None and isinstance(markers_of(info.annotation)[0], Translatable)
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


@dataclass
class _Error:
    """One pydantic error, with what the handlers need to word it."""

    loc: tuple
    kind: str
    ctx: dict
    value: object
    at_key: bool
    model: type[BaseModel]
    hub: object
    params: dict = field(default_factory=dict)

    @property
    def field_name(self) -> str:
        return str(next((p for p in reversed(self.loc) if isinstance(p, str)), "")) or "record"

    @property
    def info(self):
        return _model_at(self.model, self.loc)[1]

    def result(self, code: str, loc: tuple | None = None, at_key: bool | None = None) -> tuple:
        return (self.loc if loc is None else loc), code, self.params, (self.at_key if at_key is None else at_key)


# Error types raised by the model's own checks (PydanticCustomError): their code is the
# message code, and their context its parameters.
_OWN_CODES = {
    "id_format", "date_format", "date_not_real", "time_format", "url_scheme", "url_userinfo", "url_control",
    "url_host", "email_format", "file_absolute", "file_parent", "file_not_media", "text_not_nfc",
    "text_control_character", "text_format_character", "text_unsafe_markup", "text_markdown_nesting",
    "text_markdown_unclosed", "document_file_or_url", "network_lead_count", "network_partner_twice", "date_end_before_start",
    "hub_language_unknown", "hub_language_twice", "hub_default_not_listed", "hub_repository_not_github",
    "hub_branch_format", "hub_colour_format", "hub_colour_contrast",
    "hub_name_default_missing", "hub_name_language", "licence_unknown", "timezone_unknown", "number_not_finite",
} | RECORDS_V2_MODEL_CODES
# Own codes whose context holds a suggestion, shown as "did you mean …?".
_SUGGESTING = {"timezone_unknown", "licence_unknown"}


def _country(e: _Error) -> tuple:
    suggestion = e.ctx.get("suggestion")
    if e.value in ("EL", "el"):
        hint = Msg("country_greece")
    elif suggestion:
        hint = Msg("country_upper" if str(e.value).upper() == suggestion else "country_alias",
                   {"suggestion": suggestion})
    else:
        hint = Msg("country_list")
    e.params["country_hint"] = hint
    return e.result("country_code")


def _language_unknown(e: _Error) -> tuple:
    return e.result("language_unknown", loc=e.loc if e.at_key else e.loc + (e.ctx["key"],), at_key=True)


def _language_default_missing(e: _Error) -> tuple:
    return e.result("alt_missing" if e.field_name == "alt" else "language_default_missing")


def _missing(e: _Error) -> tuple:
    info = e.info
    e.params["description"] = (info.description or "").rstrip(".") if info is not None else ""
    return e.result("missing")


def _extra(e: _Error) -> tuple:
    parent, _ = _model_at(e.model, e.loc[:-1])
    known = sorted(parent.model_fields) if parent else []
    e.params["did_you_mean"] = did_you_mean(e.field_name, known) or Msg("known_fields", {"known": ", ".join(known)})
    return e.result("extra_forbidden", at_key=True)


def _string_type(e: _Error) -> tuple:
    value = e.value
    if isinstance(value, (int, float, bool)):
        e.params["quote_hint"] = Msg("quote_hint", {"value": e.params["value"]})
    elif isinstance(value, list):
        e.params["quote_hint"] = Msg("text_not_list")
    elif isinstance(value, dict):
        e.params["quote_hint"] = Msg("text_not_map", {"field": e.field_name})
    else:
        e.params["quote_hint"] = ""
    return e.result("string_type")


def _string_pattern(e: _Error) -> tuple:
    if e.model.__name__ == "HubConfig":
        return e.result("hub_language_unknown")
    return _invalid(e)


def _bool(e: _Error) -> tuple:
    return e.result("bool_yaml11" if isinstance(e.value, str) and e.value in YAML11_BOOLEANS else "bool_type")


def _int(e: _Error) -> tuple:
    if isinstance(e.value, str) and re.fullmatch(r"[-+]?0\d+", e.value):
        e.params["suggestion"] = str(int(e.value))
        return e.result("int_leading_zero")
    return e.result("int_type")


def _mapping(e: _Error) -> tuple:
    info = e.info
    if _is_langtext(info):
        e.params["lang"] = e.hub.default_language if e.hub else "en"
        value = e.value
        e.params["example"] = value if isinstance(value, str) and value.strip() and "\n" not in value.strip() else "…"
        return e.result("langtext_type")
    expected, _ = _model_at(e.model, e.loc)
    e.params["example"] = _first_required(expected) or "…"
    return e.result("dict_type")


def _literal(e: _Error) -> tuple:
    choices = _literal_choices(e.info)
    e.params["expected"] = ", ".join(f"`{c}`" for c in choices) or e.ctx.get("expected", "")
    e.params["did_you_mean"] = did_you_mean(e.value, choices) if isinstance(e.value, str) else ""
    return e.result("literal_error")


def _too_short(e: _Error) -> tuple:
    if isinstance(e.value, str):  # Name's min_length comes as too_short
        return e.result("string_too_short")
    e.params["min_length"] = e.ctx.get("min_length", 1)
    return e.result("too_short")


def _too_long(e: _Error) -> tuple:
    if isinstance(e.value, str):
        e.params["max_length"] = e.ctx.get("max_length")
        e.params["length"] = len(e.value)
        return e.result("string_too_long")
    if isinstance(e.value, list):
        e.params["max_length"] = e.ctx.get("max_length")
        e.params["length"] = len(e.value)
        return e.result("list_too_long")
    return _invalid(e)


def _bound(e: _Error) -> tuple:
    e.params["ge"] = _number(e.ctx.get("ge", e.ctx.get("gt")))
    e.params["le"] = _number(e.ctx.get("le", e.ctx.get("lt")))
    return e.result("greater_than_equal" if e.kind.startswith("greater") else "less_than_equal")


def _invalid(e: _Error) -> tuple:
    e.params["detail"] = e.kind  # pydantic's own words are not for contributors: its error type
    return e.result("invalid_value")


def _plain(code: str):
    return lambda e: e.result(code)


_HANDLERS = {
    "country_code": _country,
    "language_unknown": _language_unknown,
    "language_default_missing": _language_default_missing,
    "missing": _missing,
    "extra_forbidden": _extra,
    "string_type": _string_type,
    "string_pattern_mismatch": _string_pattern,
    "bool_type": _bool,
    "int_type": _int, "int_parsing": _plain("int_type"), "int_from_float": _plain("int_type"),
    "float_type": _plain("float_type"), "float_parsing": _plain("float_type"), "finite_number": _plain("number_not_finite"),
    "list_type": _plain("list_type"),
    "dict_type": _mapping, "model_type": _mapping, "model_attributes_type": _mapping,
    "literal_error": _literal,
    "too_short": _too_short, "string_too_short": _too_short,
    "too_long": _too_long, "string_too_long": _too_long,
    "greater_than_equal": _bound, "less_than_equal": _bound, "greater_than": _bound, "less_than": _bound,
}


def convert(error: dict, model: type[BaseModel], data, positions: Positions, hub) -> tuple[tuple, str, dict, bool]:
    """One pydantic error -> (field path, code, params, point at key?)."""
    loc = tuple(error["loc"])
    at_key = bool(loc) and loc[-1] == "[key]"  # a bad key of a map (a language, a vocabulary term)
    if at_key:
        loc = loc[:-1]
    loc = _clean_loc(loc, data)
    value = error.get("input")
    e = _Error(loc, error["type"], dict(error.get("ctx") or {}), value, at_key, model, hub)
    e.params = {"field": e.field_name, "value": value if not isinstance(value, (dict, list)) else ""}
    raw = positions.plain.get(loc)  # the value as written, `3.10` rather than 3.1
    if raw is not None and not isinstance(value, (dict, list)):
        e.params["value"] = raw
    e.params.update(e.ctx)
    if value is None and not at_key and e.kind != "missing":  # `field:` with nothing after the colon
        return e.result("value_empty")
    # checks of a whole model or list: point at the value to change
    if e.kind == "hub_default_not_listed":
        e.loc = loc + ("default_language",)
    elif e.kind == "network_partner_twice" and isinstance(e.ctx.get("index"), int):
        e.loc = loc + (e.ctx["index"], "partner")
    elif e.kind == "hub_language_twice":
        e.loc = loc + (e.ctx["index"],)
    elif e.kind == "hub_name_default_missing":
        e.loc = loc + ("name",)
    elif e.kind == "hub_name_language":
        e.loc, e.at_key = loc + ("name", e.ctx["key"]), True
    if e.kind in _SUGGESTING:
        suggestion = e.ctx.get("suggestion")
        e.params["did_you_mean"] = Msg("did_you_mean", {"suggestion": suggestion}) if suggestion else ""
    if e.kind in _OWN_CODES:
        return e.result(e.kind)
    return _HANDLERS.get(e.kind, _invalid)(e)


def problems_from(exc: ValidationError, model, data, positions: Positions, hub):
    """Yield (path, code, params, at_key) for each error of ``exc``."""
    for error in exc.errors(include_url=False):
        yield convert(error, model, data, positions, hub)
